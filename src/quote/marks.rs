//! Pairing quotation marks into quoted stretches.
//!
//! Marks pair within a paragraph with a stack: an opening mark waits for the next closing mark of
//! the same kind (double with double, single with single, guillemets with guillemets, curly and low
//! marks together, straight with straight); a closing mark with no partner is dropped (a single
//! one is an apostrophe: "the Ferrers’ home"); an ambiguous straight mark closes when a partner is
//! waiting and opens otherwise. Only the outermost pairs are kept: a quote nested in a quote is
//! part of it.
//!
//! A quote still open at the end of its paragraph continues when the next paragraph begins with
//! an opening mark of the same kind (the newspaper convention for a quote running over several
//! paragraphs); otherwise the paragraph break ends it, so one unbalanced mark never swallows the
//! rest of the article.

use crate::document::Document;
use crate::span::Span;
use crate::token::{QuoteMark, QuoteRole, QuoteStyle};

/// A stretch of text between quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The text between the marks, marks excluded.
    pub span: Span,
    /// The token index of the opening mark.
    pub open: usize,
    /// The token index of the closing mark, if the quote was closed.
    pub close: Option<usize>,
    /// Whether the marks are double (or guillemets) rather than single.
    pub double: bool,
    /// The index of the paragraph where the quote begins.
    pub paragraph: usize,
    /// Whether it runs over more than one paragraph.
    pub multi_paragraph: bool,
}

/// Whether `close` can close a quotation opened by `open`.
///
/// Straight and curly marks partner each other: sloppy text opens with “ and closes with ", and
/// losing the quote would be worse than the rare wrong pair. Guillemets pair only with
/// guillemets.
fn partners(open: QuoteMark, close: QuoteMark) -> bool {
    kind(open) == kind(close)
}

/// The kind of a mark, for pairing: single or double, guillemet or not. Marks pair within a kind.
fn kind(mark: QuoteMark) -> usize {
    usize::from(mark.double) + 2 * usize::from(mark.style == QuoteStyle::Guillemet)
}

/// The opening marks waiting for a partner, innermost last, with the positions of each kind's
/// marks in the stack, so that finding the innermost waiting partner of a mark takes constant
/// time however deep the stack (thousands of unclosed marks of another kind are not rescanned).
#[derive(Default)]
struct Stack {
    marks: Vec<(usize, QuoteMark)>,
    by_kind: [Vec<usize>; 4],
}

impl Stack {
    fn push(&mut self, token: usize, mark: QuoteMark) {
        self.by_kind[kind(mark)].push(self.marks.len());
        self.marks.push((token, mark));
    }

    /// The position of the innermost waiting mark that `mark` can close.
    fn waiting(&self, mark: QuoteMark) -> Option<usize> {
        self.by_kind[kind(mark)].last().copied()
    }

    /// Drops the marks from position `at` on.
    fn truncate(&mut self, at: usize) {
        self.marks.truncate(at);
        for positions in &mut self.by_kind {
            while positions.last().is_some_and(|&p| p >= at) {
                positions.pop();
            }
        }
    }

    fn clear(&mut self) {
        self.truncate(0);
    }
}

/// Pairs the quotation marks of `doc` into outermost quoted stretches, in text order.
pub(crate) fn pair(doc: &Document<'_>) -> Vec<Quoted> {
    let mut quotes: Vec<Quoted> = Vec::new();
    // A quote left open by the previous paragraph: its opening token and mark.
    let mut carried: Option<(usize, QuoteMark)> = None;
    let mut stack = Stack::default();
    // The first quotation mark not yet read: paragraphs come in order, so a cursor finds each
    // one's marks (a binary search per paragraph missed the cache more, the longer the text).
    let mut next_mark = 0;
    for (p, paragraph) in doc.paragraphs.iter().enumerate() {
        stack.clear();
        let mut tokens = paragraph.tokens.clone();
        if let Some((open, mark)) = carried.take() {
            match doc.tokens[tokens.start].quote() {
                Some(next) if next.role != QuoteRole::Close && partners(mark, next) => {
                    // The quote continues: its opening mark stays the first paragraph's.
                    stack.push(open, mark);
                    tokens.start += 1;
                }
                _ => {
                    let end = doc.paragraphs[p - 1].span.end;
                    quotes.push(quoted(doc, open, None, end, mark, p - 1));
                }
            }
        }
        while doc.quote_marks.get(next_mark).is_some_and(|&q| (q as usize) < tokens.start) {
            next_mark += 1;
        }
        let marks = doc.quote_marks[next_mark..].iter().map(|&q| q as usize).take_while(|&q| q < tokens.end);
        for i in marks {
            let Some(mark) = doc.tokens[i].quote() else { continue };
            if is_abbreviation_possessive(doc, i, mark) {
                continue;
            }
            let waiting = stack.waiting(mark);
            match (mark.role, waiting) {
                (QuoteRole::Open, _) | (QuoteRole::Ambiguous, None) => stack.push(i, mark),
                (QuoteRole::Close | QuoteRole::Ambiguous, Some(at)) => {
                    let (open, open_mark) = stack.marks[at];
                    stack.truncate(at);
                    if stack.marks.is_empty() {
                        quotes.push(quoted(doc, open, Some(i), doc.tokens[i].span().start, open_mark, p));
                    }
                }
                (QuoteRole::Close, None) => {}
            }
        }
        // The outermost quote still open may run on into the next paragraph.
        carried = stack.marks.first().copied();
    }
    if let Some((open, mark)) = carried {
        let last = doc.paragraphs.len() - 1;
        quotes.push(quoted(doc, open, None, doc.paragraphs[last].span.end, mark, last));
    }
    // Nothing between the marks ("" in a run of marks) is no quote at all.
    quotes.retain(|q| !q.span.is_empty());
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// The quote opened at token `open`, ending at byte `end` in paragraph `ended`.
fn quoted(doc: &Document<'_>, open: usize, close: Option<usize>, end: usize, mark: QuoteMark, ended: usize) -> Quoted {
    // The words between the marks: spaces inside the marks (« French style ») are not words.
    let inner = &doc.text[doc.tokens[open].span().end..end.max(doc.tokens[open].span().end)];
    let start = doc.tokens[open].span().end + (inner.len() - inner.trim_start().len());
    let end = (start + inner.trim().len()).max(start);
    let began = doc.paragraph_of(open);
    Quoted {
        span: Span::new(start, end),
        open,
        close,
        double: mark.double || mark.style == QuoteStyle::Guillemet,
        paragraph: began,
        multi_paragraph: ended > began,
    }
}

/// Whether the single mark at token `i` is the apostrophe of a possessive after an abbreviation:
/// "Acme Corp.'s division", "the U.S.’s allies" — written right after the abbreviation's full
/// stop and right before an "s" that ends the word. (The tokenizer splits "’s" off a word; after a
/// full stop the apostrophe is a token of its own.)
fn is_abbreviation_possessive(doc: &Document<'_>, i: usize, mark: QuoteMark) -> bool {
    let tokens = &doc.tokens;
    let attached = |a: usize, b: usize| tokens[a].span().end == tokens[b].span().start;
    !mark.double
        && i > 0
        && i + 1 < tokens.len()
        && doc.word(i - 1) == "."
        && attached(i - 1, i)
        && matches!(doc.word(i + 1), "s" | "S")
        && attached(i, i + 1)
        && tokens.get(i + 2).is_none_or(|t| !t.is_word() || t.span().start > tokens[i + 1].span().end)
}
