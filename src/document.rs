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
        let mut sentence_of = vec![0u32; tokens.len()];
        let mut quote_marks = Vec::new();
        let mut current = 0usize;
        for (i, slot) in sentence_of.iter_mut().enumerate() {
            while current + 1 < sentences.len() && sentences[current].tokens.end <= i {
                current += 1;
            }
            *slot = current as u32;
            if matches!(tokens[i].kind, TokenKind::Quote(_)) {
                quote_marks.push(i as u32);
            }
        }
        let first_word = sentences
            .iter()
            .map(|s| {
                let opening = |t: &Token| match t.kind {
                    TokenKind::Quote(_) | TokenKind::Dash | TokenKind::Space | TokenKind::LineBreak => true,
                    TokenKind::Punct => matches!(&text[t.span], "(" | "[" | "•" | "*"),
                    _ => false,
                };
                s.tokens.clone().find(|&i| !opening(&tokens[i])).unwrap_or(s.tokens.end) as u32
            })
            .collect();
        Document { text, tokens, paragraphs, sentences, sentence_of, quote_marks, first_word }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span]
    }

    /// Whether token `i` is the first word of its sentence: only quotation marks, brackets and
    /// dashes come before it in the sentence.
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        self.first_word.get(self.sentence_of[i] as usize).is_some_and(|&first| first as usize == i)
    }

    /// The next token after `i` that is not space (line breaks count as tokens), if any.
    pub fn next_solid(&self, i: usize) -> Option<usize> {
        (i + 1..self.tokens.len()).find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// The previous token before `i` that is not space, if any.
    pub fn previous_solid(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.tokens[j].kind != TokenKind::Space)
    }
}
