//! The analysed text that every stage after tokenization reads.

use crate::sentence::{self, Paragraph};
use crate::token::{self, Token};

/// A text with its tokens and paragraphs.
pub(crate) struct Document<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Document<'t> {
        let tokens = token::tokenize(text);
        let (paragraphs, _sentences) = sentence::split(text, &tokens);
        Document { text, tokens, paragraphs }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span]
    }

    /// The index of the token that ends at byte `offset`, if one does.
    pub fn token_ending_at(&self, offset: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&offset, |t| t.span.end).ok()
    }
}
