//! Rules that decide prisons beyond the gazetteer and the head words ("Evin Prison", "Tinguaro
//! Detention Center" are found by `head-word`): a name before a lowercase prison word, names
//! coordinated before a plural one, numbered colonies and camps, and a town that names its
//! prison where the sentence speaks of detention.

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Extension, ExtensionRule, Piece, Reading, Reads};
use super::reader::{Candidate, Found, Kind, Reader};
use super::units::{Part, Unit};
use crate::document::Document;
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use crate::token::{Case, TokenKind};

/// `prison-word`: a lowercase prison word or phrase after a place, an organization, a bare word
/// or a person-shaped name without a title or a given name makes a prison, the generic word
/// included ("Mar Verde prison", "Peterhead jail", "Toronto West detention centre", "Los Pinos
/// prison"); not after "a"/"an" ("a Havana prison"), nor after a demonym that is also a surname
/// ("the Victorian prison"). A listed prison keeps its entry.
pub(crate) const PRISON_WORD: ExtensionRule = ExtensionRule {
    rule: Rule::PrisonWord,
    extend: prison_word,
    examples: &[
        Example::Finds("Guards at [Los Quorvos prison] beat him.", Label::Prison),
        Example::Finds("He was moved to [Quorvo detention centre] in May.", Label::Prison),
        Example::Finds("He was taken to the [Quorvo provincial prison] on Friday.", Label::Prison),
        Example::Ignores("Not a name: a Havana prison."),
        Example::Ignores("The famous Victorian prison is overcrowded."),
    ],
};

fn prison_word(r: &Reader<'_, '_>, candidate: &Candidate) -> Option<Extension> {
    // The prison word first: it is rarely there, and the rest asks the lexicons.
    let (end, plural) = r.prison_word_after(candidate.last)?;
    if plural {
        return None;
    }
    let weak_person = candidate.label == Label::Person
        && !candidate.titled
        && !matches!(candidate.kind, Kind::Name { entry: Some(_) })
        && r.lexicon.given_name(r.word(candidate.first)).is_none();
    let nameable = candidate.label != Label::Person || candidate.kind == Kind::Bare || weak_person;
    if !nameable || r.indefinite_before(candidate.first) {
        return None;
    }
    let demonym = candidate.first == candidate.last
        && r.is_demonym_unit(Unit { first: candidate.first, last: candidate.last, hit: None });
    if demonym {
        return None;
    }
    let kind = if candidate.label == Label::Prison { candidate.kind } else { Kind::Name { entry: None } };
    Some(Extension::Grow { last: end, label: Label::Prison, kind })
}

/// Lowercase words after a name that make it a prison: "Mar Verde prison", "Peterhead jail".
const PRISON_WORDS: &[&str] = &["prison", "jail", "gaol", "penitentiary"];

/// Their plurals, after names coordinated by "and": "the Northfield and Eastbrook prisons".
const PRISON_PLURALS: &[&str] = &["prisons", "jails", "gaols", "penitentiaries"];

/// Lowercase words that may stand between the name and the prison word: "the Matanzas
/// provincial prison", "Quorvo military prison".
const PRISON_ADJECTIVES: &[&str] =
    &["provincial", "city", "state", "central", "federal", "county", "district", "regional", "military", "municipal"];

/// Lowercase two-word prison phrases after a name: "Toronto West detention centre".
const PRISON_PHRASES: &[(&str, &str)] = &[
    ("detention", "center"),
    ("detention", "centre"),
    ("detention", "facility"),
    ("penal", "colony"),
    ("prison", "camp"),
    ("labor", "camp"),
    ("labour", "camp"),
    ("correctional", "facility"),
    ("detention", "centers"),
    ("detention", "centres"),
    ("detention", "facilities"),
    ("penal", "colonies"),
    ("prison", "camps"),
    ("labor", "camps"),
    ("labour", "camps"),
    ("correctional", "facilities"),
];

impl Reader<'_, '_> {
    /// Whether "a"/"an"/"another" comes right before token `first` (a generic mention).
    fn indefinite_before(&self, first: usize) -> bool {
        self.doc.previous_solid(first).is_some_and(|i| matches!(self.word(i), "a" | "an" | "another" | "A" | "An"))
    }

    /// The last token of a lowercase prison word or phrase right after token `last` (an
    /// adjective such as "provincial" may come first), and whether it is a plural.
    fn prison_word_after(&self, last: usize) -> Option<(usize, bool)> {
        let lower = |i: usize| self.is_kind(i, TokenKind::Word(Case::Lower));
        if !self.is_gap(last + 1) || !lower(last + 2) {
            return None;
        }
        let mut i = last + 2;
        if self.is_gap(i + 1) && lower(i + 2) && PRISON_ADJECTIVES.contains(&self.word(i)) {
            i += 2;
        }
        let word = self.word(i);
        if PRISON_WORDS.contains(&word) {
            return Some((i, false));
        }
        if PRISON_PLURALS.contains(&word) {
            return Some((i, true));
        }
        for &(a, b) in PRISON_PHRASES {
            if word == a && self.is_gap(i + 1) && self.word_is(i + 2, b) {
                return Some((i + 2, b.ends_with('s')));
            }
        }
        None
    }
}

/// `prison-list`: names coordinated by "and" or "or" before a plural prison word are each a
/// prison ("the Northfield and Eastbrook detention centres"), never people or places.
pub(crate) const PRISON_LIST: ChunkRule = ChunkRule {
    rule: Rule::PrisonList,
    reads: Reads::Joined,
    decide: prison_list,
    examples: &[
        Example::Finds("They were moved between the [Quorvo] and Tellmark detention centres.", Label::Prison),
        Example::Finds("They were moved between the Quorvo and [Tellmark] prisons.", Label::Prison),
        Example::Ignores("They were moved between the Quorvo and Tellmark offices."),
    ],
};

fn prison_list(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let (_, plural) = r.prison_word_after(c.last())?;
    if !plural {
        return None;
    }
    // Every link between the names is "and", "or" or a comma.
    let coordinated = c
        .units
        .windows(2)
        .all(|pair| (pair[0].last + 1..pair[1].first).all(|i| r.is_gap(i) || matches!(r.word(i), "and" | "or" | ",")));
    if !coordinated {
        return None;
    }
    let pieces = c
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Part::Unit(_)))
        .map(|(index, _)| Piece { parts: index..index + 1, reading: Reading::Name(Label::Prison, Sex::Unknown) })
        .collect();
    Some(Decision::Pieces(pieces))
}

/// `numbered-prison`: a numbered colony, camp or prison is a prison, its number included:
/// "Penal Colony No. 6", "Prison No 2", "IK-6" (a Russian colony's code).
pub(crate) const NUMBERED_PRISON: ExtensionRule = ExtensionRule {
    rule: Rule::NumberedPrison,
    extend: numbered_prison,
    examples: &[
        Example::Finds("He served his term in [Quorvo Penal Colony No. 6] in the north.", Label::Prison),
        Example::Finds("She was sent to [IK-6] near the border.", Label::Prison),
        Example::Finds("Inmates of [Quorvo Prison No 2] were starved.", Label::Prison),
        Example::Ignores("The climbers rested at Camp 4 before the summit."),
        Example::Ignores("Quorvo Penal Colony is in the north."),
    ],
};

fn numbered_prison(r: &Reader<'_, '_>, candidate: &Candidate) -> Option<Extension> {
    let first = candidate.first;
    let word = r.word(first);
    let grow = |last: usize| Some(Extension::Grow { last, label: Label::Prison, kind: Kind::Name { entry: None } });
    // "IK-6": a colony's code, a hyphen and its number, no space.
    if candidate.last == first && COLONY_CODES.contains(&word) {
        let numbered = r.is_kind(first + 1, TokenKind::Dash) && r.is_kind(first + 2, TokenKind::Number);
        return if numbered { grow(first + 2) } else { None };
    }
    if candidate.label != Label::Prison {
        return None;
    }
    // "Penal Colony No. 6", "Prison No 2": the chunk may end with "No" already.
    let mut i = candidate.last;
    if !matches!(r.word(i), "No" | "Nr" | "Number") {
        if !(r.is_gap(i + 1) && matches!(r.word(i + 2), "No" | "Nr" | "Number")) {
            return None;
        }
        i += 2;
    }
    let mut j = i + 1;
    if r.word_is(j, ".") {
        j += 1;
    }
    if r.is_gap(j) {
        j += 1;
    }
    if r.is_kind(j, TokenKind::Number) { grow(j) } else { None }
}

/// The codes of numbered colonies and remand prisons in the news of Russia and its neighbours:
/// "IK-6" (corrective colony), "SIZO-1" (remand prison), "LIU-1" (prison hospital).
const COLONY_CODES: &[&str] = &["IK", "ITK", "SIZO", "LIU", "PKT"];

/// `prison-town`: a town that a known prison is named after ("Tadmor Prison", "Saydnaya
/// Prison") is the prison where the sentence speaks of detention ("inmates at Tadmor",
/// "released from Saydnaya"), and the town otherwise ("the ruins of Tadmor").
pub(crate) const PRISON_TOWN: ChunkRule = ChunkRule {
    rule: Rule::PrisonTown,
    reads: Reads::Any,
    decide: prison_town,
    examples: &[
        Example::Finds("Inmates at [Tadmor] were beaten by guards.", Label::Prison),
        Example::Finds("Prisoners were hanged in secret at [Saydnaya], former detainees said.", Label::Prison),
        Example::Ignores("Tourists at Tadmor admired the ruins."),
    ],
};

fn prison_town(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone().filter(|u| u.first == u.last)?;
    // The word before the unit, not the chunk: "Inmates at Tadmor" is one chunk until the
    // opener is peeled off.
    let before = r.doc.previous_solid(unit.first).map_or("", |p| r.word(p));
    if !matches!(before, "at" | "in" | "from" | "to" | "of" | "inside" | "into") {
        return None;
    }
    if unit.hit.is_some_and(|h| r.hit_label(h) != Label::Place) || !r.speaks_of_detention(unit.first) {
        return None;
    }
    let entry = r.prison_named_after(r.word(unit.first))?;
    let found = Found { kind: Kind::Name { entry: Some(entry) }, ..Found::name(unit.first, unit.last, Label::Prison) };
    Some(Decision::Name(found))
}

/// Whether a lower-case word makes a sentence speak of detention. (A `match`, which the
/// compiler turns into a test of the length and a few byte compares.)
fn is_detention_word(word: &str) -> bool {
    matches!(
        word,
        "abuse"
            | "abused"
            | "cell"
            | "cells"
            | "detained"
            | "detainee"
            | "detainees"
            | "detention"
            | "executed"
            | "executions"
            | "guards"
            | "hanged"
            | "imprisoned"
            | "incarcerated"
            | "inmate"
            | "inmates"
            | "jail"
            | "jailed"
            | "prison"
            | "prisoner"
            | "prisoners"
            | "prisons"
            | "torture"
            | "tortured"
    )
}

/// How far from a name the words of detention are looked for, in tokens each way (spaces
/// included): about ten words, so that a sentence of any length costs the same.
const DETENTION_WINDOW: usize = 20;

impl Reader<'_, '_> {
    /// Whether the sentence of token `i` speaks of detention near it: a word of prisons and
    /// prisoners ("inmates", "cells", "tortured") within ten words or so.
    fn speaks_of_detention(&self, i: usize) -> bool {
        let sentence = &self.doc.sentences[self.doc.sentence_of[i] as usize];
        let from = sentence.tokens.start.max(i.saturating_sub(DETENTION_WINDOW));
        let to = sentence.tokens.end.min(i + DETENTION_WINDOW);
        (from..to).any(|t| self.doc.tokens[t].kind == TokenKind::Word(Case::Lower) && is_detention_word(self.word(t)))
    }

    /// The entry of the listed prison named by `word` and "Prison" ("Tadmor Prison"), if any.
    fn prison_named_after(&self, word: &str) -> Option<u32> {
        let name = format!("{word} Prison");
        let doc = Document::new(&name);
        let hits = self.gazetteer.find(&doc);
        let hit = hits.first().filter(|h| h.tokens == (0..doc.tokens.len()) && h.label == Label::Prison)?;
        Some(hit.entry)
    }
}
