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
mod capitals;
mod catalogue;
mod chunk;
mod clubs;
mod cluster;
mod decision;
mod evidence;
mod joins;
mod names;
mod organizations;
mod people;
mod places;
mod prisons;
mod reader;
mod units;

pub(crate) use names::Names;

use crate::document::Document;
use crate::gazetteer::{Gazetteer, Hit};
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleSet};
use reader::Reader;

/// Finds the names of a document.
pub(crate) fn recognize(
    doc: &Document<'_>,
    hits: &[Hit],
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    disabled: RuleSet,
) -> Names {
    // A document with lines in capitals is read in a copy where they are recased (same bytes
    // and tokens, so the spans are the text's).
    if !disabled.contains(Rule::CapitalLines)
        && let Some(text) = capitals::recased(doc, hits, gazetteer, lexicon)
    {
        let recased = Document::new(&text);
        let hits = if disabled.contains(Rule::Gazetteer) { Vec::new() } else { gazetteer.find(&recased) };
        return names_of(&recased, &hits, gazetteer, lexicon, disabled);
    }
    names_of(doc, hits, gazetteer, lexicon, disabled)
}

/// The names of a document, as its text is written.
fn names_of(doc: &Document<'_>, hits: &[Hit], gazetteer: &Gazetteer, lexicon: &Lexicon, disabled: RuleSet) -> Names {
    let reader = Reader::new(doc, hits, gazetteer, lexicon, disabled);
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
