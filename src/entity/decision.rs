//! What a name rule is and what it decides: the units the catalogue lists ([`ChunkRule`],
//! [`ExtensionRule`], [`PassRule`]), the kinds of chunk a rule reads ([`Reads`]), a rule's
//! [`Decision`], and the [`Example`]s each rule carries.
//!
//! The examples are read only by the catalogue's test (`every_example_does_what_it_says`), hence
//! the `allow(dead_code)` outside tests.

use super::chunk::Chunk;
use super::reader::{Candidate, Found, Kind, Reader};
use crate::label::Label;
use crate::lexicon::Sex;
use crate::rule::Rule;
use std::ops::Range;

/// A rule that reads a chunk: what chunks it reads, and what it decides about them.
pub(crate) struct ChunkRule {
    pub rule: Rule,
    /// The chunks it reads; it is not asked about others.
    pub reads: Reads,
    pub decide: fn(&Reader<'_, '_>, &Chunk<'_>) -> Option<Decision>,
    /// Sentences of our own that show what the rule does and where it must not fire.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [Example],
}

/// A rule that may grow the name a chunk gave, or add one after it.
pub(crate) struct ExtensionRule {
    pub rule: Rule,
    pub extend: fn(&Reader<'_, '_>, &Candidate) -> Option<Extension>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [Example],
}

/// A rule that runs outside the chunk reading, once over the whole document or in clustering:
/// its code is where its doc comment says.
pub(crate) struct PassRule {
    pub rule: Rule,
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [Example],
}

/// The chunks a chunk rule reads. Checked before the rule is asked, so that most rules are not
/// asked about most chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reads {
    /// Any chunk.
    Any,
    /// A chunk right after a lowercase word.
    WordBefore,
    /// A chunk right before a lowercase word.
    WordAfter,
    /// One unit that a gazetteer lists.
    Listed,
    /// One word that no gazetteer lists.
    Word,
    /// Two units or more.
    Several,
    /// Two units or more, an organization joiner among them ("of", "and", "the"…).
    Joined,
    /// Two units or more, no organization joiner among them.
    Unjoined,
    /// A chunk after a title.
    Titled,
}

impl Reads {
    /// Every kind of chunk a rule may read, in the order of the variants.
    pub const ALL: [Reads; 9] = [
        Reads::Any,
        Reads::WordBefore,
        Reads::WordAfter,
        Reads::Listed,
        Reads::Word,
        Reads::Several,
        Reads::Joined,
        Reads::Unjoined,
        Reads::Titled,
    ];

    pub fn fits(self, c: &Chunk<'_>) -> bool {
        match self {
            Reads::Any => true,
            Reads::WordBefore => !c.before.is_empty(),
            Reads::WordAfter => !c.after.is_empty(),
            Reads::Listed => c.units.len() == 1 && c.units[0].hit.is_some(),
            Reads::Word => c.lone_word().is_some(),
            Reads::Several => c.units.len() >= 2,
            Reads::Joined => c.joined,
            Reads::Unjoined => c.units.len() >= 2 && !c.joined,
            Reads::Titled => c.titled,
        }
    }
}

/// What a chunk rule decides.
pub(crate) enum Decision {
    /// A name.
    Name(Found),
    /// No name in the chunk.
    NoName,
    /// The first parts are no part of a name: the stage goes on with the rest.
    Peel(Peel),
    /// The chunk is read in pieces.
    Pieces(Vec<Piece>),
}

/// Words peeled off the front of a chunk.
pub(crate) struct Peel {
    /// The index of the first part kept.
    pub to: usize,
    /// A mention among the peeled words (a listed name before a title; a sentence opener that may
    /// be a short form).
    pub mention: Option<Found>,
    /// The gender hint of a title among them, when they are a title.
    pub title: Option<Sex>,
}

/// A piece of a chunk and how it is read.
pub(crate) struct Piece {
    /// The parts of the piece, indices into the chunk's parts.
    pub parts: Range<usize>,
    pub reading: Reading,
}

/// How a piece of a chunk is read.
pub(crate) enum Reading {
    /// As a chunk of its own, from the first rule.
    Chunk,
    /// Word by word, as [`undecided`] reads a chunk.
    Words,
    /// As one name with this label and gender hint, credited to the rule that cut the pieces.
    Name(Label, Sex),
    /// As the listed name that its one unit is.
    Listed,
}

/// What an extension does to the name just found.
pub(crate) enum Extension {
    /// The name now ends at token `last`, with this label and kind.
    Grow { last: usize, label: Label, kind: Kind },
    /// Another name follows it; scanning goes on at token `next`.
    Add { found: Found, next: usize },
}

/// An example of a rule at work, in a sentence of our own; the bracketed words are what the
/// rule decides about.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) enum Example {
    /// The rule makes the bracketed words a mention with this label: switched off, they are not.
    Finds(&'static str, Label),
    /// The rule keeps the bracketed words out of every mention; without it a mention covers them.
    KeepsOut(&'static str),
    /// The rule does not fire here: the annotations are the same with it switched off.
    Ignores(&'static str),
}
