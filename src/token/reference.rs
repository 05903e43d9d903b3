//! The tokenizer as it was before the fused scanner (commit 5ecd390), kept verbatim (under
//! `cfg(test)`) as the oracle that the fast path must reproduce token for token: an oracle shares
//! no code with what it checks.

use super::scan::{classify, is_ascii_space, is_elision};
use super::{Token, TokenKind};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// The byte offset at which a final `’s`/`'s` starts, when the word has letters before it.
fn clitic_start(word: &str) -> Option<usize> {
    for apostrophe in ["’", "'"] {
        for s in ["s", "S"] {
            let suffix_len = apostrophe.len() + 1;
            if word.len() > suffix_len && word.ends_with(s) && word[..word.len() - 1].ends_with(apostrophe) {
                let cut = word.len() - suffix_len;
                if word[..cut].chars().next_back().is_some_and(char::is_alphabetic) {
                    return Some(cut);
                }
            }
        }
    }
    None
}

/// The old `tokenize_into`.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_segment(text, |span| push_segment(text, span, &mut tokens));
    tokens
}

/// Calls `f` with each UAX #29 word segment of `text`, in order.
///
/// The text is cut into regions: a run of ASCII space, then a run of anything else. UAX #29
/// never joins across the end of a region, so regions are segmented independently: pure ASCII
/// ones by a byte scanner, the others by `unicode-segmentation`. News text is mostly ASCII, and the
/// scanner is several times faster.
pub(super) fn for_each_segment(text: &str, mut f: impl FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let mut end = pos;
        while end < bytes.len() && is_ascii_space(bytes[end]) {
            end += 1;
        }
        let mut ascii = true;
        while end < bytes.len() && !is_ascii_space(bytes[end]) {
            ascii &= bytes[end] < 0x80;
            end += 1;
        }
        let region = &text[pos..end];
        if ascii {
            ascii_segments(region.as_bytes(), |s, e| f(Span::new(pos + s, pos + e)));
        } else {
            for (start, segment) in region.split_word_bound_indices() {
                f(Span::new(pos + start, pos + start + segment.len()));
            }
        }
        pos = end;
    }
}

/// Adds one UAX #29 segment as a token, with the three adjustments of the module docs.
fn push_segment(text: &str, span: Span, tokens: &mut Vec<Token>) {
    let segment = &text[span];
    let kind = classify(text, span, segment);
    if let TokenKind::Word(case) = kind
        && let Some(split) = clitic_start(segment)
    {
        let cut = span.start + split;
        tokens.push(Token::new(Span::new(span.start, cut), TokenKind::Word(case)));
        tokens.push(Token::new(Span::new(cut, span.end), TokenKind::Clitic));
        return;
    }
    if kind == TokenKind::Number
        && let Some(last) = tokens.last_mut()
        && is_elision(text, *last, segment)
    {
        *last = Token::new(last.span().to(span), TokenKind::Number);
        return;
    }
    tokens.push(Token::new(span, kind));
}

/// The UAX #29 word classes of ASCII bytes that matter for joining.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Letter,
    Digit,
    Underscore,
    Other,
}

fn ascii_class(b: u8) -> Ascii {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Ascii::Letter,
        b'0'..=b'9' => Ascii::Digit,
        b'_' => Ascii::Underscore,
        _ => Ascii::Other,
    }
}

/// UAX #29 word boundaries of pure ASCII text, exactly as `unicode-segmentation` draws them
/// (rules WB3, WB3a-d, WB5-WB13b restricted to ASCII; a property test checks the equivalence).
fn ascii_segments(b: &[u8], mut emit: impl FnMut(usize, usize)) {
    let n = b.len();
    let mut i = 0;
    while i < n {
        let j = match (b[i], ascii_class(b[i])) {
            (b' ', _) => i + b[i..].iter().take_while(|&&c| c == b' ').count(),
            (b'\r', _) if b.get(i + 1) == Some(&b'\n') => i + 2,
            (_, Ascii::Other) => i + 1,
            (_, mut last) => {
                let mut j = i + 1;
                while j < n {
                    let class = ascii_class(b[j]);
                    if class != Ascii::Other {
                        last = class;
                        j += 1;
                        continue;
                    }
                    let after = b.get(j + 1).map_or(Ascii::Other, |&c| ascii_class(c));
                    let letters =
                        last == Ascii::Letter && after == Ascii::Letter && matches!(b[j], b':' | b'.' | b'\'');
                    let digits =
                        last == Ascii::Digit && after == Ascii::Digit && matches!(b[j], b',' | b';' | b'.' | b'\'');
                    if letters || digits {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j
            }
        };
        emit(i, j);
        i = j;
    }
}
