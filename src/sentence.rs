//! Paragraphs and sentences over the token stream.
//!
//! A paragraph is one line of text: news files put one paragraph a line, separated by one line
//! break or a blank line (`\r\n` and `\r` too), so every line break ends a paragraph and blank
//! lines make none.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotation marks and brackets after
//! it) when space follows and the next token could start a sentence: a capitalised word, a
//! number, an opening quotation mark or bracket. A period after an abbreviation does not end a
//! sentence: titles before names ("Mr.", "Sen.", "Gen.", "St.") never do, initials ("J. K.
//! Rowling") never do, month and number abbreviations ("Sept. 10", "No. 10") do not before a
//! number, and abbreviations that often close a sentence ("U.S.", "Inc.", "Jr.", "a.m.") do only
//! when the next word is one that usually opens a sentence ("The", "He", "But"…).

use crate::span::Span;
use crate::token::{Case, QuoteRole, Token, TokenKind};
use std::ops::Range;

/// A paragraph: the non-blank tokens of one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first to the last non-blank character of the line.
    pub span: Span,
    /// The indices of its tokens in the token list.
    pub tokens: Range<usize>,
}

/// A sentence, always inside one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last non-blank character of the sentence.
    pub span: Span,
    /// The indices of its tokens in the token list.
    pub tokens: Range<usize>,
    /// The index of its paragraph.
    pub paragraph: usize,
}

/// Abbreviations (lower case, without the period) after which a period never ends a sentence:
/// titles and name parts that precede a name.
const NAME_ABBREVIATIONS: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon", "insp", "lt", "maj", "messrs",
    "mme", "mr", "mrs", "ms", "msgr", "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "sr",
    "st", "ste", "supt", "vs", "v",
];

/// Abbreviations after which a period does not end a sentence before a number ("Sept. 10").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols",
    "art", "fig", "p", "pp", "ch", "sec",
];

/// The length of the longest abbreviation in the three lists above and below.
const ABBREVIATION_MAX_LEN: usize = 6;

/// Abbreviations that often end a sentence: a period after them ends one only before a word
/// that usually opens a sentence.
const CLOSING_ABBREVIATIONS: &[&str] = &["co", "corp", "inc", "jr", "llc", "ltd", "plc", "bros", "etc", "al"];

/// Capitalised words that usually open a sentence, never a name continuing one.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "even",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "other",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "two",
    "under",
    "unlike",
    "until",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
    "your",
];

/// Splits the tokens of `text` into paragraphs and sentences.
///
/// ```
/// use newsnlp::{sentence, token};
/// let text = "Mr. Ortega spoke in the U.S. on Sept. 10.\n\n“I am ready,” he wrote. He left.";
/// let tokens = token::tokenize(text);
/// let (paragraphs, sentences) = sentence::split(text, &tokens);
/// assert_eq!(paragraphs.len(), 2);
/// let texts: Vec<&str> = sentences.iter().map(|s| &text[s.span]).collect();
/// assert_eq!(texts, ["Mr. Ortega spoke in the U.S. on Sept. 10.", "“I am ready,” he wrote.", "He left."]);
/// ```
pub fn split(text: &str, tokens: &[Token]) -> (Vec<Paragraph>, Vec<Sentence>) {
    // Room for a paragraph every 128 bytes and a sentence every 64 (the Wikinews bench corpus has
    // one every 270 and 110), so that the vectors are not copied to grow as they fill.
    let mut paragraphs = Vec::with_capacity(text.len() / 128 + 1);
    let mut sentences = Vec::with_capacity(text.len() / 64 + 1);
    // One pass over the tokens finds both the line breaks and the terminal marks of each line.
    let mut terminals = Vec::with_capacity(16);
    let mut line_start = 0;
    for (i, token) in tokens.iter().enumerate() {
        match token.kind {
            TokenKind::LineBreak => {
                paragraph(text, tokens, line_start..i, &terminals, &mut paragraphs, &mut sentences);
                terminals.clear();
                line_start = i + 1;
            }
            TokenKind::Punct if is_terminal(text, *token) => terminals.push(i),
            _ => {}
        }
    }
    paragraph(text, tokens, line_start..tokens.len(), &terminals, &mut paragraphs, &mut sentences);
    (paragraphs, sentences)
}

/// Adds the paragraph of a line, if it has anything but blanks, and its sentences.
fn paragraph(
    text: &str,
    tokens: &[Token],
    line: Range<usize>,
    terminals: &[usize],
    paragraphs: &mut Vec<Paragraph>,
    sentences: &mut Vec<Sentence>,
) {
    if let Some(range) = trim_blank(tokens, line) {
        let index = paragraphs.len();
        paragraphs.push(Paragraph { span: span_of(tokens, &range), tokens: range.clone() });
        split_paragraph(text, tokens, range, index, terminals, sentences);
    }
}

/// Splits one paragraph at its terminal marks (`terminals`, in order, all inside `range`).
fn split_paragraph(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    terminals: &[usize],
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let mut i = range.start;
    for &terminal in terminals {
        // A mark inside the group read before it.
        if terminal < i {
            continue;
        }
        i = terminal;
        // The terminal group: more terminal marks, closing quotation marks and brackets.
        let mut last = i;
        while last + 1 < range.end {
            let next = tokens[last + 1];
            let closing = match next.kind {
                TokenKind::Quote(mark) => mark.role != QuoteRole::Open,
                TokenKind::Punct => matches!(&text[next.span()], ")" | "]"),
                _ => false,
            };
            if closing || is_terminal(text, next) {
                last += 1;
            } else {
                break;
            }
        }
        let next_word = (last + 1..range.end).find(|&j| !tokens[j].is_blank());
        let spaced = last + 1 < range.end && tokens[last + 1].is_blank();
        if let Some(next) = next_word
            && spaced
            && ends_sentence(text, tokens, i, next)
        {
            out.push(Sentence { span: span_of(tokens, &(start..last + 1)), tokens: start..last + 1, paragraph });
            start = next;
        }
        i = last + 1;
    }
    if start < range.end {
        out.push(Sentence { span: span_of(tokens, &(start..range.end)), tokens: start..range.end, paragraph });
    }
}

/// Whether the terminal mark at token `mark` ends a sentence, given the next non-blank token.
fn ends_sentence(text: &str, tokens: &[Token], mark: usize, next: usize) -> bool {
    let following = tokens[next];
    let opens = match following.kind {
        TokenKind::Word(Case::Capitalized | Case::Upper | Case::Uncased) | TokenKind::Number => true,
        TokenKind::Quote(q) => q.role != QuoteRole::Close,
        TokenKind::Punct => matches!(&text[following.span()], "(" | "["),
        _ => false,
    };
    if !opens {
        return false;
    }
    if &text[tokens[mark].span()] != "." || mark == 0 {
        return true;
    }
    let before = tokens[mark - 1];
    if !before.is_word() {
        return true;
    }
    let word = &text[before.span()];
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // Most words before a full stop are longer than any abbreviation: no list to scan.
    let short = word.len() <= ABBREVIATION_MAX_LEN;
    if is_initial || short && listed(NAME_ABBREVIATIONS, word) {
        return false;
    }
    if short && listed(NUMBER_ABBREVIATIONS, word) && following.kind == TokenKind::Number {
        return false;
    }
    let initialism = word.contains('.');
    if initialism || short && listed(CLOSING_ABBREVIATIONS, word) {
        return match following.kind {
            TokenKind::Quote(_) => true,
            TokenKind::Word(_) => listed(SENTENCE_OPENERS, &text[following.span()]),
            _ => false,
        };
    }
    true
}

/// Whether `word` is in `list`, ignoring ASCII case (the lists are ASCII and lower case).
fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

fn is_terminal(text: &str, token: Token) -> bool {
    token.kind == TokenKind::Punct && matches!(&text[token.span()], "." | "!" | "?" | "…")
}

/// The range without its leading and trailing blank tokens, or `None` if nothing is left.
fn trim_blank(tokens: &[Token], range: Range<usize>) -> Option<Range<usize>> {
    let start = (range.start..range.end).find(|&i| !tokens[i].is_blank())?;
    let end = (start..range.end).rfind(|&i| !tokens[i].is_blank())? + 1;
    Some(start..end)
}

fn span_of(tokens: &[Token], range: &Range<usize>) -> Span {
    tokens[range.start].span().to(tokens[range.end - 1].span())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_abbreviation_is_longer_than_the_bound() {
        let lists = [NAME_ABBREVIATIONS, NUMBER_ABBREVIATIONS, CLOSING_ABBREVIATIONS];
        let longest = lists.iter().flat_map(|list| list.iter()).map(|a| a.len()).max();
        assert_eq!(longest, Some(ABBREVIATION_MAX_LEN));
    }
}
