//! The evidence that capitalised words name a person: a title, a known given name first, known
//! names only, or unknown words that look like a name. Each kind of evidence is a rule of its own, tried in this order; a chunk must
//! also look like a person's name ([`Reader::person_like`]).

use super::chunk::{Chunk, Facts};
use super::decision::{ChunkRule, Decision, Example, Reads};
use super::reader::{Found, Reader, is_pronoun};
use super::units::Unit;
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use crate::token::{Case, TokenKind};

/// `titled-person`: a title makes a person of name-like words after it ("President Bush", "Mr.
/// Toccafondi"), not of ordinary ones ("Director of the National Iodine Nutrition study"); a
/// title after a title is no name unless it is a surname too ("Mr. King", not "Mr. President").
pub(crate) const TITLED_PERSON: ChunkRule = ChunkRule {
    rule: Rule::TitledPerson,
    reads: Reads::Titled,
    decide: titled_person,
    examples: &[
        Example::Finds("They met Mr. [Quillane] at noon.", Label::Person),
        Example::Ignores("Quillane Tobrik disagreed."),
        Example::Ignores("Mr. Mr. Mr. at noon."),
    ],
};

fn titled_person(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    if !c.titled {
        return None;
    }
    if !c.joined && c.person_like(r) && titled_evidence(r, c.units) {
        let sex = if c.sex != Sex::Unknown { c.sex } else { r.context_sex(c.first()) };
        return Some(Decision::Name(Found::name(c.first(), c.last(), Label::Person).with(sex, true)));
    }
    // One titled word that is no ordinary word, title, demonym or pronoun: "Mr. Clean".
    let unit = c.lone_word()?;
    let lone = !is_pronoun(c.head) && !c.head_is_demonym(r) && !c.head_is_ordinary(r) && !c.head_is_title(r);
    lone.then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Person).with(c.sex, true)))
}

/// `given-name-first`: a known given name before a surname or a word that is no English word
/// ("Eliécer Góngora", "Romelu Lukaku").
pub(crate) const GIVEN_NAME_FIRST: ChunkRule = ChunkRule {
    rule: Rule::GivenNameFirst,
    reads: Reads::Unjoined,
    decide: given_name_first,
    examples: &[
        Example::Finds("They met [Tobias Baker] at noon.", Label::Person),
        Example::Ignores("They saw Tobias Tables at noon."),
    ],
};

fn given_name_first(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    person_by(r, c, by_given_name)
}

/// `known-name-words`: words that are all known given names or surnames, none an English word.
pub(crate) const KNOWN_NAME_WORDS: ChunkRule = ChunkRule {
    rule: Rule::KnownNameWords,
    reads: Reads::Unjoined,
    decide: known_name_words,
    examples: &[
        Example::Finds("They met [Quispe Jordan] at noon.", Label::Person),
        Example::Ignores("The report by Rose Garden staff was cited."),
    ],
};

fn known_name_words(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    person_by(r, c, by_known_names)
}

/// `unknown-words`: two to four capitalised words that no list knows and no English word: in news,
/// most often a person ("Ferjani Sassi").
pub(crate) const UNKNOWN_WORDS: ChunkRule = ChunkRule {
    rule: Rule::UnknownWords,
    reads: Reads::Unjoined,
    decide: unknown_words,
    examples: &[
        Example::Finds("The goal by [Zorvath Quillane] came late.", Label::Person),
        Example::Ignores("The goal by Golden State came late."),
    ],
};

fn unknown_words(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    person_by(r, c, by_unknown_words)
}

/// The evidence without a title, in the order it is weighed.
type Evidence = fn(&Reader<'_, '_>, &[Unit], &Facts) -> bool;
const UNTITLED_EVIDENCE: &[(Rule, Evidence)] = &[
    (Rule::GivenNameFirst, by_given_name),
    (Rule::KnownNameWords, by_known_names),
    (Rule::UnknownWords, by_unknown_words),
];

/// A person, if the chunk is no joined one, looks like a person's name and `evidence` holds.
/// Without a title only: a title is evidence of its own (`titled-person`), weighed first, unless
/// that rule is switched off.
fn person_by(r: &Reader<'_, '_>, c: &Chunk<'_>, evidence: Evidence) -> Option<Decision> {
    if c.joined || c.units.len() < 2 || c.titled && r.enabled(Rule::TitledPerson) {
        return None;
    }
    if !c.person_like(r) || !evidence(r, c.units, &c.facts) {
        return None;
    }
    let sex = if c.sex != Sex::Unknown { c.sex } else { r.context_sex(c.first()) };
    Some(Decision::Name(Found::name(c.first(), c.last(), Label::Person).with(sex, c.titled)))
}

fn titled_evidence(r: &Reader<'_, '_>, units: &[Unit]) -> bool {
    let first_word = r.unit_text(units[0]);
    let last_word = r.unit_text(units[units.len() - 1]);
    // A lone title is no name, abbreviated ("Mr. Mr.": "Mr" and "." are one title) or not.
    let title = r.lexicon.titles.contains_word(first_word).is_some()
        || r.lexicon.titles.match_at(r.doc, units[0].first).is_some_and(|(last, _)| last >= units[0].last);
    if units.len() == 1 && title && !r.lexicon.is_surname(first_word) {
        return false;
    }
    units.iter().any(|u| !r.lexicon.is_english(r.unit_text(*u)))
        || r.lexicon.given_name(first_word).is_some()
        || r.lexicon.is_surname(last_word)
}

fn by_given_name(r: &Reader<'_, '_>, units: &[Unit], _: &Facts) -> bool {
    let given = r.lexicon.given_name(r.unit_text(units[0])).is_some();
    let last_word = r.unit_text(units[units.len() - 1]);
    let surname =
        r.lexicon.is_surname(last_word) || last_word.contains('-') && r.lexicon.is_surname(strip_hyphen(last_word));
    given && (surname || !r.lexicon.is_english(last_word))
}

fn by_known_names(r: &Reader<'_, '_>, units: &[Unit], facts: &Facts) -> bool {
    let known =
        units.iter().map(|u| r.unit_text(*u)).all(|w| r.lexicon.given_name(w).is_some() || r.lexicon.is_surname(w));
    known && no_english(r, units, facts)
}

fn by_unknown_words(r: &Reader<'_, '_>, units: &[Unit], facts: &Facts) -> bool {
    let unknown =
        units.iter().all(|u| u.hit.is_none() && r.doc.tokens[u.first].kind == TokenKind::Word(Case::Capitalized));
    unknown && units.len() <= 4 && no_english(r, units, facts)
}

/// Whether no word of the units is an ordinary English word: looked up once, when a rule asks.
fn no_english(r: &Reader<'_, '_>, units: &[Unit], facts: &Facts) -> bool {
    *facts.no_english.get_or_init(|| units.iter().all(|u| !r.lexicon.is_english(r.unit_text(*u))))
}

/// The last part of a hyphenated word ("Díaz-Balart" → "Balart").
fn strip_hyphen(word: &str) -> &str {
    word.rsplit('-').next().unwrap_or(word)
}

impl Chunk<'_> {
    /// Whether the chunk looks like a person's name ([`Reader::person_like`]), found once.
    pub fn person_like(&self, r: &Reader<'_, '_>) -> bool {
        *self.facts.person_like.get_or_init(|| r.person_like(self.units))
    }
}

impl Reader<'_, '_> {
    /// The rule whose evidence says that person-like units name a person, if one does (for the
    /// rules that read a part of a chunk: `person-at-end`, `shared-family-name`).
    pub(crate) fn person_evidence(&self, units: &[Unit], titled: bool) -> Option<Rule> {
        if titled && self.enabled(Rule::TitledPerson) {
            return titled_evidence(self, units).then_some(Rule::TitledPerson);
        }
        if units.len() < 2 {
            return None;
        }
        let facts = Facts::default();
        UNTITLED_EVIDENCE
            .iter()
            .find(|&&(rule, evidence)| self.enabled(rule) && evidence(self, units, &facts))
            .map(|&(rule, _)| rule)
    }

    /// Whether units look like a person's name: plain capitalised words, initials, particles,
    /// hyphenated parts, and at most a listed name that is itself a given name or surname.
    pub(crate) fn person_like(&self, units: &[Unit]) -> bool {
        if units.len() > 6 {
            return false;
        }
        units.iter().all(|unit| match unit.hit {
            None => {
                let word = self.unit_text(*unit);
                // A demonym is no name, unless it is also a surname after the first word
                // (Hassiba Hadj Sahraoui), or it ends a name that opens with a given name and
                // stands as a person does: before a comma or a reporting verb, or after a title
                // ("Mark Cuban, the owner…", "Senator Mark Cuban").
                let later = unit.first > units[0].first;
                let ends_a_name = later && unit.last == units[units.len() - 1].last && self.demonym_surname(units);
                let demonym = self.is_demonym_unit(*unit) && !(later && self.lexicon.is_surname(word) || ends_a_name);
                !demonym && word.chars().any(char::is_lowercase) || word.len() <= 2
            }
            Some(hit) => {
                let word = self.unit_text(*unit);
                let label = self.hit_label(hit);
                label == Label::Person
                    || unit.first == unit.last
                        && (self.lexicon.given_name(word).is_some() || self.lexicon.is_surname(word))
            }
        })
    }

    /// Whether units that open with a given name and end with a demonym stand where a person's
    /// name stands: before a comma or a reporting verb, or after a title or role.
    fn demonym_surname(&self, units: &[Unit]) -> bool {
        let (first, last) = (units[0].first, units[units.len() - 1].last);
        if self.lexicon.given_name(self.unit_text(units[0])).is_none() {
            return false;
        }
        let comma_after = self.doc.next_solid(last).is_some_and(|n| self.word(n) == ",");
        let title_before = self
            .doc
            .previous_solid(first)
            .is_some_and(|p| self.lexicon.titles.match_at(self.doc, p).is_some_and(|(end, _)| end == p));
        comma_after || self.cue_after(last) || title_before || self.person_context_before(first).is_some()
    }

    /// The gender hint of a kinship or role word right before a name ("his wife Nelva"), if any.
    pub(crate) fn context_sex(&self, first: usize) -> Sex {
        self.person_context_before(first).unwrap_or(Sex::Unknown)
    }
}
