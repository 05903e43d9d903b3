//! Names: the people, organizations, places and prisons of a document, as mentions tied into
//! one entity per referent.
//!
//! The stage runs in three steps:
//! 1. the name rules read the gazetteer hits and the capitalised stretches of the text into
//!    candidate mentions ([`catalogue`] lists the rules in their order and applies them; the
//!    rules live in files named by what they decide);
//! 2. `quoted-org` adds the organizations named in quotes after a type word;
//! 3. clustering ties the candidates into entities and decides which lone words are short forms
//!    of a name ([`cluster`]).
//!
//! DESIGN.md's rule catalogue lists every rule with an example and what it is worth.

mod boundaries;
pub(crate) mod catalogue;
mod chunk;
mod cluster;
mod evidence;
mod joins;
mod organizations;
mod people;
mod places;
mod prisons;
mod reader;

use crate::annotations;
use crate::document::Document;
use crate::gazetteer::{Gazetteer, Hit};
use crate::label::Label;
use crate::lexicon::{Lexicon, Sex};
use crate::rule::{Rule, RuleSet};
use crate::span::Span;
use reader::Reader;

/// A mention with its tokens and the entity it names.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    /// First and last token (inclusive).
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub entity: usize,
    /// The rule that found it.
    pub rule: Rule,
}

/// An entity: its label, its full name and what is known of its gender.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    pub label: Label,
    pub name: String,
    /// The number of tokens of the mention that gave the name (a fuller mention renames it).
    pub(crate) name_tokens: usize,
    pub sex: Sex,
    pub(crate) entry: Option<u32>,
}

/// The names of one document: its mentions, in text order, and the entities they name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl Names {
    /// The public mentions and entities (the names move, not copied).
    pub fn into_public(self) -> (Vec<annotations::Mention>, Vec<annotations::Entity>) {
        let mentions = self
            .mentions
            .iter()
            .map(|m| annotations::Mention { span: m.span, label: m.label, entity: m.entity, rule: m.rule })
            .collect();
        let entities =
            self.entities.into_iter().map(|e| annotations::Entity { label: e.label, name: e.name }).collect();
        (mentions, entities)
    }

    /// The mention that covers token `i`, if any.
    pub fn mention_at_token(&self, i: usize) -> Option<&Mention> {
        let at = self.mentions.partition_point(|m| m.last < i);
        self.mentions.get(at).filter(|m| m.first <= i)
    }
}

/// Finds the names of a document.
pub(crate) fn recognize(
    doc: &Document<'_>,
    hits: &[Hit],
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    disabled: RuleSet,
) -> Names {
    let reader = Reader::new(doc, hits, lexicon, disabled);
    let mut candidates = catalogue::scan(&reader);
    candidates.sort_by_key(|c| c.span.start);
    let quoted = if reader.enabled(organizations::QUOTED_ORG.rule) {
        organizations::quoted_orgs(&reader, &candidates)
    } else {
        Vec::new()
    };
    if !quoted.is_empty() {
        // Both lists are in text order and the quoted names do not overlap each other: the one
        // that can contain a candidate is the last one starting at or before it.
        candidates.retain(|c| {
            let at = quoted.partition_point(|q| q.span.start <= c.span.start);
            at == 0 || !quoted[at - 1].span.contains(c.span)
        });
        candidates.extend(quoted);
        candidates.sort_by_key(|c| c.span.start);
    }
    cluster::cluster(doc, gazetteer, lexicon, disabled, candidates)
}
