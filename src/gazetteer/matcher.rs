//! The gazetteer pass: every known name in a document, longest first, on token boundaries.

use super::Gazetteer;
use crate::document::Document;
use crate::span::Span;
use crate::token::{Case, TokenKind};
use aho_corasick::{Anchored, Input};
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
        let tokens = &doc.tokens;
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            let can_start = match token.kind {
                TokenKind::Word(case) => case != Case::Lower || self.lowercase_words,
                TokenKind::Number => true,
                _ => false,
            };
            if !can_start {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            if let Some(pattern) = self.words.get(doc.word(i)) {
                best = Some((i, pattern.entry));
            }
            if let Some((last, entry)) = self.longest_phrase(doc, i)
                && best.is_none_or(|(end, _)| last > end)
            {
                best = Some((last, entry));
            }
            match best {
                Some((last, entry)) => {
                    hits.push(Hit { span: token.span.to(tokens[last].span), tokens: i..last + 1, entry });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The longest multi-token pattern that starts at token `first` and ends at the end of a
    /// token: its last token and its entry.
    fn longest_phrase(&self, doc: &Document<'_>, first: usize) -> Option<(usize, u32)> {
        let automaton = self.automaton.as_ref()?;
        let start = doc.tokens[first].span.start;
        if !self.phrase_first_bytes[doc.text.as_bytes()[start] as usize] {
            return None;
        }
        let mut limit = doc.text.len();
        loop {
            let input = Input::new(doc.text).range(start..limit).anchored(Anchored::Yes);
            let found = automaton.find(input)?;
            if let Some(last) = doc.token_ending_at(found.end()) {
                return Some((last, self.phrases[found.pattern().as_usize()].entry));
            }
            // The hit ends inside a token: try again with the text cut before that token, so that a
            // shorter pattern ending on a boundary can still match.
            let inside = doc.tokens.partition_point(|t| t.span.end < found.end());
            limit = doc.tokens[inside].span.start;
            if limit <= start {
                return None;
            }
        }
    }
}
