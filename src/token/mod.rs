//! The tokenizer: tokens that tile the text, each with a byte span and a class.
//!
//! Built on the Unicode word boundaries of UAX #29 (`unicode-segmentation`), with three
//! adjustments that news text needs:
//! - a possessive or contracted `’s`/`'s` is split off its word ("Ferrer’s" → "Ferrer" + "’s"), so
//!   that names end where the name ends;
//! - an apostrophe eliding a year's century ("the ’90s") joins the number, so it is never taken
//!   for a quotation mark (apostrophes inside words, "don’t", "O’Brien", stay inside the word);
//! - every quotation mark gets a role, opening or closing, from its neighbours.
//!
//! Tokens tile the input: they are contiguous, non-empty, and together cover every byte.

mod scan;
mod types;

pub use scan::{MAX_TEXT, tokenize_into};
pub use types::{Case, QuoteMark, QuoteRole, QuoteStyle, Token, TokenKind};

/// Splits `text` into tokens that tile it.
///
/// ```
/// use newsnlp::token::{tokenize, TokenKind, Case};
/// let text = "“Ferrer’s case,” she said.";
/// let tokens = tokenize(text);
/// let words: Vec<&str> = tokens.iter().filter(|t| !t.is_blank()).map(|t| &text[t.span()]).collect();
/// assert_eq!(words, ["“", "Ferrer", "’s", "case", ",", "”", "she", "said", "."]);
/// assert_eq!(tokens[1].kind, TokenKind::Word(Case::Capitalized));
/// ```
///
/// # Panics
/// If `text` is longer than [`MAX_TEXT`] bytes. ([`Annotator::annotate`](crate::Annotator::annotate)
/// cuts a text into sections of at most 256 KiB by default, never more than this.)
pub fn tokenize(text: &str) -> Vec<Token> {
    // News has a token every 2.8 bytes (words and the spaces between them): room for one every
    // two bytes means the table is never copied to grow, where a quarter of the length grew it
    // once for every article.
    let mut tokens = Vec::with_capacity(text.len() / 2 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
