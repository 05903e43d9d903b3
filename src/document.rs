//! The analysed text that every stage after tokenization reads.

use crate::sentence::{self, Paragraph, Sentence};
use crate::token::{self, Token, TokenKind};

/// A text with its tokens, paragraphs and sentences.
pub(crate) struct Document<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// For each token, the index of the sentence it belongs to (blank tokens between two sentences
    /// belong to the next one).
    pub sentence_of: Vec<u32>,
    /// The indices of the quotation-mark tokens, in order: the stages that look only at quotes
    /// (pairing them, quoted organization names) read this instead of every token again.
    pub quote_marks: Vec<u32>,
    /// For each sentence, its first word: the first token that is not a quotation mark, a dash,
    /// an opening bracket or a bullet.
    first_word: Vec<u32>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Document<'t> {
        let tokens = token::tokenize(text);
        let (paragraphs, sentences) = sentence::split(text, &tokens);
        // Each sentence's tokens and the blank tokens before it map to it; the tokens after the
        // last sentence map to the last one.
        let mut sentence_of = Vec::with_capacity(tokens.len());
        for (index, sentence) in sentences.iter().enumerate() {
            let end = if index + 1 == sentences.len() { tokens.len() } else { sentence.tokens.end };
            sentence_of.resize(end.max(sentence_of.len()), index as u32);
        }
        sentence_of.resize(tokens.len(), 0);
        let quote_marks = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, TokenKind::Quote(_)))
            .map(|(i, _)| i as u32)
            .collect();
        let first_word = sentences
            .iter()
            .map(|s| {
                let opening = |t: &Token| match t.kind {
                    TokenKind::Quote(_) | TokenKind::Dash | TokenKind::Space | TokenKind::LineBreak => true,
                    TokenKind::Punct => matches!(&text[t.span()], "(" | "[" | "•" | "*"),
                    _ => false,
                };
                s.tokens.clone().find(|&i| !opening(&tokens[i])).unwrap_or(s.tokens.end) as u32
            })
            .collect();
        Document { text, tokens, paragraphs, sentences, sentence_of, quote_marks, first_word }
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span()]
    }

    /// Whether token `i` is the first word of its sentence: only quotation marks, brackets and
    /// dashes come before it in the sentence.
    #[inline]
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        self.first_word.get(self.sentence_of[i] as usize).is_some_and(|&first| first as usize == i)
    }

    /// The index of the paragraph of token `i`, a token that is not blank (a blank token between
    /// paragraphs counts to the next one). Two array reads instead of a binary search, whose
    /// cache misses grow with the document.
    #[inline]
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.sentences[self.sentence_of[i] as usize].paragraph
    }

    /// The next token after `i` that is not space (line breaks count as tokens), if any.
    #[inline]
    pub fn next_solid(&self, i: usize) -> Option<usize> {
        (i + 1..self.tokens.len()).find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// The previous token before `i` that is not space, if any.
    #[inline]
    pub fn previous_solid(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.tokens[j].kind != TokenKind::Space)
    }
}
