//! Rules that decide people by how their names are written and by the words around them. (The
//! evidence that capitalised words name a person is in `evidence.rs`.)

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Extension, ExtensionRule, PassRule, Piece, Reading, Reads};
use super::reader::{Candidate, Found, Kind, Reader, is_pronoun};
use super::units::{EMPTY_UNIT, MONTHS, Part, UNITS_ON_STACK, Unit, WEEKDAYS, next_unit, units_of};
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use crate::token::{Case, QuoteRole, TokenKind};

/// `surname-first`: a name written surname first, as reading lists write it: a capitalised word
/// opening its paragraph (or after "and" after such a name), a comma, a known given name and up
/// to two more names, then a full stop, a bracket, the line's end or "and" before another such
/// name; one mention, comma inside ("Twain, Mark. A Connecticut Yankee…"; not "Paris, France.",
/// "Meanwhile, Jack and Jill"). Found per paragraph before the chunks ([`inverted_names`]).
pub(crate) const SURNAME_FIRST: PassRule = PassRule {
    rule: Rule::SurnameFirst,
    examples: &[
        Example::Finds("[Quillane, Mark]. A Yankee in Court. Harper, 1889.", Label::Person),
        Example::Ignores("Meanwhile, Mark and Jill left."),
    ],
};

/// `called-nickname`: a name after a naming verb and a personal pronoun is a person's nickname, a
/// leading "The" outside ("they called him The Birdman", "critics called her the Iron Lady";
/// not "called him a Nazi").
pub(crate) const CALLED_NICKNAME: ChunkRule = ChunkRule {
    rule: Rule::CalledNickname,
    reads: Reads::WordBefore,
    decide: called_nickname,
    examples: &[
        Example::Finds("Fans called him The [Quiet Hammer] for years.", Label::Person),
        Example::Ignores("Fans called him a Quorvian for years."),
    ],
};

fn called_nickname(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let pronoun = matches!(c.before, "the" | "him" | "her" | "me" | "himself" | "herself" | "myself");
    let no_listed_thing = c.units.iter().all(|u| u.hit.is_none_or(|h| r.hit_label(h) == Label::Person));
    if !pronoun || !no_listed_thing || !r.called_before(c.first()) {
        return None;
    }
    let start = if matches!(c.head, "The" | "A" | "An") { next_unit(c.parts, 0) } else { 0 };
    let Some(Part::Unit(from)) = c.parts.get(start) else { return None };
    Some(Decision::Name(Found::name(from.first, c.last(), Label::Person)))
}

/// `shared-family-name`: a lone word and "and" before a full name that opens with a known given
/// name (two to four plain words, or a listed person) is a person sharing the family name, if it
/// is a known given name or a capitalised word that is no English word, demonym or title
/// ("Fatmah and Mohammad Elsamnah", "Bill and Hillary Clinton"; not "the Bill and Melinda Gates
/// Foundation").
pub(crate) const SHARED_FAMILY_NAME: ChunkRule = ChunkRule {
    rule: Rule::SharedFamilyName,
    reads: Reads::Joined,
    decide: shared_family_name,
    examples: &[
        Example::Finds("Yesterday [Fatmah] and Mohammad Elquorin arrived.", Label::Person),
        Example::Ignores("The Bill and Melinda Gates Foundation paid."),
    ],
};

fn shared_family_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let [Part::Unit(lone), Part::Link { joiner: true }, rest @ ..] = c.parts else { return None };
    if !r.shares_family_name(*lone, rest) {
        return None;
    }
    let sex = r.lexicon.given_name(r.word(lone.first)).unwrap_or(Sex::Unknown);
    Some(Decision::Pieces(vec![
        Piece { parts: 0..1, reading: Reading::Name(Label::Person, sex) },
        Piece { parts: 2..c.parts.len(), reading: Reading::Chunk },
    ]))
}

/// `particle-name`: a capitalised name particle ("Van", "De", "Von") before a name word is part
/// of a person's name, not the place or word it also is: "Wilfried Van Quillen", "Van Quillen
/// said" (Van is a town in Turkey). Every other word of the chunk is a capitalised word that no
/// list knows, or a listed person or given name; the particle is not the last word.
pub(crate) const PARTICLE_NAME: ChunkRule = ChunkRule {
    rule: Rule::ParticleName,
    reads: Reads::Several,
    decide: particle_name,
    examples: &[
        Example::Finds("The coach, [Wilfried Van Quillen], was pleased.", Label::Person),
        Example::Finds("“We played well,” said [Van Quillen].", Label::Person),
        Example::Ignores("The earthquake hit Van in eastern Turkey."),
    ],
};

fn particle_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let units = c.units;
    let particle = units[..units.len() - 1]
        .iter()
        .position(|u| u.first == u.last && CAPITAL_PARTICLES.contains(&r.word(u.first)))?;
    let name_words = units.iter().enumerate().filter(|&(i, _)| i != particle).all(|(_, u)| match u.hit {
        None => u.first == u.last && r.is_kind(u.first, TokenKind::Word(Case::Capitalized)),
        Some(hit) => r.hit_label(hit) == Label::Person || r.lexicon.given_name(r.unit_text(*u)).is_some(),
    });
    // The word after the particle is no place or organization a list knows.
    let after = units[particle + 1];
    let named = after.hit.is_none_or(|h| r.hit_label(h) == Label::Person);
    (name_words && named).then(|| Decision::Name(Found::name(c.first(), c.last(), Label::Person).with(c.sex, c.titled)))
}

/// Name particles written with a capital inside a name: "Wilfried Van Moer", "Paul De Grauwe".
const CAPITAL_PARTICLES: &[&str] = &["Van", "Von", "De", "Der", "Den", "Ter", "Ten", "Di", "Da", "Du", "Del", "Della"];

/// `east-asian-name`: a known surname of two to five letters and a hyphenated given name of two
/// short syllables (not both English words) is a person, the syllables included ("Park Joo-Ho",
/// "Hau Lung-bin", "Moon Jae-in"; not "the Gulf War-era", "Bush-led").
pub(crate) const EAST_ASIAN_NAME: ChunkRule = ChunkRule {
    rule: Rule::EastAsianName,
    reads: Reads::Several,
    decide: east_asian_name,
    examples: &[
        Example::Finds("Talks with [Park Joo-Ho] resumed.", Label::Person),
        Example::Ignores("Veterans of the Gulf War-era units met."),
    ],
};

fn east_asian_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    r.east_asian_name(c.units)
        .then(|| Decision::Name(Found::name(c.first(), c.last(), Label::Person).with(c.sex, c.titled)))
}

/// `addressed-name`: a lone known given name that someone is called by is a person: greeted,
/// thanked, introduced, or addressed at the start of a quotation that goes on ("Hey Frank, my
/// name is John", "thank you, Mark", "‘Frank, thank you’"; not “Man, you…”, "‘Hope,’ a memoir").
pub(crate) const ADDRESSED_NAME: ChunkRule = ChunkRule {
    rule: Rule::AddressedName,
    reads: Reads::Word,
    decide: addressed_name,
    examples: &[
        Example::Finds("He wrote: “Hey [Frank], we miss you.”", Label::Person),
        Example::Ignores("“Man, you are working it hard,” he said."),
    ],
};

fn addressed_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word()?;
    let addressed = r.addressed(unit) && !is_pronoun(c.head) && !c.head_is_demonym(r);
    addressed.then(|| Decision::Name(Found::name(unit.first, unit.last, Label::Person)))
}

/// `speaking-name`: a lone capitalised word next to a reporting verb is a person ("Garin said",
/// "“…,” said Hogue"), not after an article ("the Internet posting") or "pro-"/"anti-"
/// ("pro-Democracy protests"), not a title ("Senators condemned"), not in capitals.
pub(crate) const SPEAKING_NAME: ChunkRule = ChunkRule {
    rule: Rule::SpeakingName,
    reads: Reads::Word,
    decide: speaking_name,
    examples: &[
        Example::Finds("The vote was fair, [Quillane] said.", Label::Person),
        Example::Ignores("The vote was fair, the Internet posting said."),
        Example::Ignores("The vote was fair, the NATO said."),
    ],
};

fn speaking_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone_word()?;
    let first = unit.first;
    let word = r.word(first);
    let upper = r.doc.tokens[first].kind == TokenKind::Word(Case::Upper);
    let determined = r.doc.previous_solid(first).is_some_and(|p| matches!(r.word(p), "the" | "a" | "an"));
    let prefixed = first >= 2 && r.word_is(first - 1, "-") && matches!(r.word(first - 2), "pro" | "anti" | "non");
    let speaks = !upper && !determined && !prefixed && (r.cue_after(unit.last) || r.cue_before(first));
    let name = speaks && !is_pronoun(word) && !c.head_is_ordinary(r) && !c.head_is_title(r) && !c.head_is_demonym(r);
    name.then(|| Decision::Name(Found::name(first, unit.last, Label::Person).with(c.sex, c.titled)))
}

/// `person-at-end`: in a chunk that is no name as a whole, the longest stretch at its end that
/// names a person is a person; descriptions and organizations come before names, not after them
/// ("… Council on Islamic Relations Alia Salem"). The words before it are read one by one.
pub(crate) const PERSON_AT_END: ChunkRule = ChunkRule {
    rule: Rule::PersonAtEnd,
    reads: Reads::Unjoined,
    decide: person_at_end,
    examples: &[
        Example::Finds("We met Quorvo [Alia Baker].", Label::Person),
        Example::Ignores("The Quorvian Rights Observatory spoke today."),
    ],
};

fn person_at_end(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    if c.joined {
        return None;
    }
    let units = c.units;
    let k = (0..units.len().saturating_sub(1))
        .find(|&k| r.person_like(&units[k..]) && r.person_evidence(&units[k..], false).is_some())?;
    let part = c.part_of_unit(k);
    let sex = r.context_sex(units[k].first);
    Some(Decision::Pieces(vec![
        Piece { parts: 0..part, reading: Reading::Words },
        Piece { parts: part..c.parts.len(), reading: Reading::Name(Label::Person, sex) },
    ]))
}

/// `quoted-nickname`: a quoted name right after a person is their nickname, a mention of the same
/// person ("Jorge Luis García Pérez “Antúnez”").
pub(crate) const QUOTED_NICKNAME: ExtensionRule = ExtensionRule {
    rule: Rule::QuotedNickname,
    extend: quoted_nickname,
    examples: &[
        Example::Finds("Ernesto Quillane Soto “[Tito]” was freed.", Label::Person),
        Example::Ignores("Ernesto Quillane Soto was freed on “Liberty Day”."),
    ],
};

fn quoted_nickname(r: &Reader<'_, '_>, candidate: &Candidate) -> Option<Extension> {
    if candidate.label != Label::Person || candidate.kind == Kind::Bare {
        return None;
    }
    let (first, last, close) = r.quoted_name_after(candidate.last)?;
    let found = Found { kind: Kind::Nickname, ..Found::name(first, last, Label::Person) };
    Some(Extension::Add { found, next: close + 1 })
}

/// The names written surname first in the document (`surname-first`), as (first token, last
/// token), in text order: one may open each paragraph, and each may be followed by "and" and
/// another.
pub(crate) fn inverted_names(r: &Reader<'_, '_>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for paragraph in &r.doc.paragraphs {
        let Some(mut first) = paragraph.tokens.clone().find(|&t| !r.doc.tokens[t].is_blank()) else {
            continue;
        };
        let mut after = None;
        while let Some(last) = r.inverted_name(first, after) {
            found.push((first, last));
            // "Marx, Karl and Engels, Friedrich."
            let Some(and) = r.doc.next_solid(last).filter(|&a| matches!(r.word(a), "and" | "&")) else {
                break;
            };
            let Some(next) = r.doc.next_solid(and) else { break };
            first = next;
            after = Some(last);
        }
    }
    found
}

impl Reader<'_, '_> {
    /// A name written surname first starting at token `first` (see `surname-first`), after the
    /// inverted name that ends at `after`, if any: returns the last token of the given names.
    fn inverted_name(&self, first: usize, after: Option<usize>) -> Option<usize> {
        let tokens = &self.doc.tokens;
        // (Weekdays and months are no surnames: "Monday, June 5.")
        let calendar = || WEEKDAYS.contains(&self.word(first)) || MONTHS.contains(&self.word(first));
        if !tokens[first].is_capitalized() || !self.word_is(first + 1, ",") || calendar() {
            return None;
        }
        // The paragraph's first word, or the word after "and" after such a name.
        let opens = match after {
            None => self.doc.previous_solid(first).is_none_or(|p| tokens[p].kind == TokenKind::LineBreak),
            Some(previous) => self.doc.previous_solid(first).is_some_and(|and| {
                matches!(self.word(and), "and" | "&") && self.doc.previous_solid(and) == Some(previous)
            }),
        };
        if !opens || !self.is_gap(first + 2) {
            return None;
        }
        let given = self.unit_at(first + 3)?;
        if given.hit.is_some() || given.first != given.last || self.lexicon.given_name(self.word(given.first)).is_none()
        {
            return None;
        }
        let mut last = given.last;
        for _ in 0..2 {
            match self.unit_at(last + 2) {
                Some(more) if self.is_gap(last + 1) && more.hit.is_none() && more.last <= more.first + 1 => {
                    last = more.last;
                }
                _ => break,
            }
        }
        // After "and" comes another inverted name ("Meanwhile, Jack and Jill…" is no list).
        let ends = match self.doc.next_solid(last) {
            None => true,
            Some(n) if matches!(self.word(n), "and" | "&") => {
                self.doc.next_solid(n).is_some_and(|m| tokens[m].is_capitalized() && self.word_is(m + 1, ","))
            }
            Some(n) => tokens[n].kind == TokenKind::LineBreak || matches!(self.word(n), "." | "("),
        };
        ends.then_some(last)
    }

    /// Whether a verb of naming and a personal pronoun come right before token `first` (a
    /// lowercase "the" may come between): "called him", "calls herself", "nicknamed me the".
    fn called_before(&self, first: usize) -> bool {
        let Some(mut before) = self.doc.previous_solid(first) else { return false };
        if self.word(before) == "the" {
            let Some(b) = self.doc.previous_solid(before) else { return false };
            before = b;
        }
        if !matches!(self.word(before), "him" | "her" | "me" | "himself" | "herself" | "myself") {
            return false;
        }
        self.doc.previous_solid(before).is_some_and(|verb| {
            matches!(
                self.word(verb),
                "call" | "calls" | "called" | "calling" | "nicknamed" | "dubbed" | "nickname" | "dub"
            )
        })
    }

    /// Whether `lone` and "and" come before `rest` as `shared-family-name` says.
    fn shares_family_name(&self, lone: Unit, rest: &[Part]) -> bool {
        // A word written onto what comes before is no name: "twitter.com/KThomasDC and …".
        let tokens = &self.doc.tokens;
        let stands_alone =
            lone.first == 0 || tokens[lone.first - 1].is_blank() || tokens[lone.first - 1].quote().is_some();
        if lone.hit.is_some()
            || lone.first != lone.last
            || !stands_alone
            || self.doc.next_solid(lone.last).is_none_or(|n| self.word(n) != "and")
        {
            return false;
        }
        let full_name = match rest {
            // A known person: "Hillary Clinton".
            [Part::Unit(u)] => {
                u.hit.is_some_and(|h| self.hit_label(h) == Label::Person)
                    && u.last > u.first
                    && self.lexicon.given_name(self.word(u.first)).is_some()
            }
            _ if rest.len() <= 4
                && rest.iter().all(|p| matches!(p, Part::Unit(u) if u.hit.is_none() && u.first == u.last)) =>
            {
                let mut buffer = [EMPTY_UNIT; UNITS_ON_STACK];
                let units = units_of(rest, &mut buffer);
                units.len() >= 2
                    && self.lexicon.given_name(self.word(units[0].first)).is_some()
                    && self.rightmost_head(&units, true).is_none()
                    && self.person_like(&units)
                    && self.person_evidence(&units, false).is_some()
            }
            _ => false,
        };
        let word = self.word(lone.first);
        full_name
            && (self.lexicon.given_name(word).is_some()
                || self.doc.tokens[lone.first].kind == TokenKind::Word(Case::Capitalized)
                    && !self.lexicon.is_english(word)
                    && !self.is_demonym_unit(lone)
                    && self.lexicon.titles.contains_word(word).is_none())
    }

    /// Whether a lone given name is what someone is called by (see `addressed-name`): greeted
    /// ("Hey Frank,", "Dear John,", "thank you, Frank."), introduced ("my name is John", "a man
    /// named Ali"), or addressed at the start of a quotation ("‘Frank, thank you…’").
    pub(crate) fn addressed(&self, unit: Unit) -> bool {
        if unit.hit.is_some() || unit.first != unit.last {
            return false;
        }
        // The context first: it is cheap, and rarely there.
        let Some(before) = self.doc.previous_solid(unit.first) else { return false };
        let after = || self.doc.next_solid(unit.last);
        let punctuation_after = || {
            let after = after();
            after.is_none_or(|a| {
                matches!(self.word(a), "," | "!" | "?" | "." | ":" | ";") || self.doc.tokens[a].quote().is_some()
            })
        };
        let word_before = |i: usize| self.doc.previous_solid(i).map(|p| (p, self.word(p)));
        let context = match self.word(before) {
            "Hey" | "Hi" | "Hello" | "Dear" | "hey" | "hi" | "hello" | "dear" => punctuation_after(),
            "," => {
                // "Thank you, Frank."
                let you = word_before(before);
                let thank = you.and_then(|(p, w)| (w == "you").then(|| word_before(p)).flatten());
                thank.is_some_and(|(_, w)| matches!(w, "thank" | "Thank")) && punctuation_after()
            }
            // "my name is John", "her name was Ana"
            "is" | "was" => word_before(before).is_some_and(|(_, w)| w == "name"),
            "named" => true,
            _ => {
                let opens_quote = self.doc.tokens[before].quote().is_some_and(|m| m.role != QuoteRole::Close);
                // The quotation goes on after the comma: "‘Hope,’ help for…" is a title.
                let goes_on = || {
                    let comma = after().filter(|&a| self.word(a) == ",");
                    comma.and_then(|c| self.doc.next_solid(c)).is_some_and(|n| self.doc.tokens[n].is_word())
                };
                opens_quote && goes_on()
            }
        };
        // "Man, you are working it hard", "Honey, …": words of address that are given names too.
        let word = self.word(unit.first);
        context
            && self.lexicon.given_name(word).is_some()
            && self.lexicon.descriptor(word).is_none()
            && !matches!(word, "Honey" | "Buddy" | "Baby" | "Darling")
    }
}
