//! Quotes: quoted stretches that reproduce someone's words, and their speakers.

mod marks;

use crate::annotate::{Entity, Quote};
use crate::document::Document;

/// Finds the quotations of `doc`.
pub(crate) fn find(doc: &Document<'_>, _entities: &[Entity]) -> Vec<Quote> {
    marks::pair(doc)
        .into_iter()
        .filter(|q| !q.span.is_empty())
        .map(|q| Quote { span: q.span, speaker: None, cue: None })
        .collect()
}
