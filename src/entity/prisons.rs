//! Rules that decide prisons beyond the gazetteer and the head words ("Evin Prison", "Tinguaro
//! Detention Center" are found by `head-word`): a name before a lowercase prison word.

use super::decision::{Example, Extension, ExtensionRule};
use super::reader::{Candidate, Kind, Reader};
use super::units::Unit;
use crate::label::Label;
use crate::rule::Rule;

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
        Example::Ignores("Not a name: a Havana prison."),
        Example::Ignores("The famous Victorian prison is overcrowded."),
    ],
};

fn prison_word(r: &Reader<'_, '_>, candidate: &Candidate) -> Option<Extension> {
    // The prison word first: it is rarely there, and the rest asks the lexicons.
    let end = r.prison_word_after(candidate.last)?;
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
];

impl Reader<'_, '_> {
    /// Whether "a"/"an"/"another" comes right before token `first` (a generic mention).
    fn indefinite_before(&self, first: usize) -> bool {
        self.doc.previous_solid(first).is_some_and(|i| matches!(self.word(i), "a" | "an" | "another" | "A" | "An"))
    }

    /// The last token of a lowercase prison word or phrase right after token `last`.
    fn prison_word_after(&self, last: usize) -> Option<usize> {
        if !self.is_gap(last + 1) {
            return None;
        }
        let i = last + 2;
        if self.is_lower_word(i, PRISON_WORDS) {
            return Some(i);
        }
        let word = self.doc.tokens.get(i).map(|_| self.word(i))?;
        for &(a, b) in PRISON_PHRASES {
            if word == a && self.is_gap(i + 1) && self.word_is(i + 2, b) {
                return Some(i + 2);
            }
        }
        None
    }
}
