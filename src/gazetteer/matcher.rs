//! The gazetteer pass: every known name in a document, longest first, on token boundaries.

use super::Gazetteer;
use crate::document::Document;
use crate::span::Span;
use crate::token::TokenKind;
use std::ops::Range;

/// One gazetteer hit: a span of whole tokens naming a known entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    pub tokens: Range<usize>,
    pub entry: u32,
}

impl Gazetteer {
    /// Finds the known names of `doc`, left to right, the longest at each token, never overlapping.
    pub(crate) fn find(&self, doc: &Document<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.trie.is_empty() {
            return hits;
        }
        let tokens = &doc.tokens;
        let mut i = 0;
        while i < tokens.len() {
            if !matches!(
                tokens[i].kind,
                TokenKind::Word(_) | TokenKind::Number | TokenKind::Punct | TokenKind::Quote(_)
            ) {
                i += 1;
                continue;
            }
            match self.trie.longest_at(doc, i) {
                Some((last, entry)) => {
                    hits.push(Hit { span: tokens[i].span().to(tokens[last].span()), tokens: i..last + 1, entry });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        hits
    }
}
