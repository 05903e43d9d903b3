//! The fused scanner: one pass over the bytes that draws the word boundaries of UAX #29 for the
//! characters common in news, classifies each token and applies the adjustments (see
//! [`tokenize_into`](super::tokenize_into)); any other character sends its region to
//! `unicode-segmentation`.

use super::types::{Case, QuoteMark, QuoteRole, QuoteStyle, Token, TokenKind};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// The longest text [`tokenize`](super::tokenize) takes: 4 GiB, because token offsets are 32-bit.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// Like [`tokenize`](super::tokenize), appending to `tokens` (cleared first) so that a caller can reuse the buffer.
///
/// One pass over the bytes draws the UAX #29 word boundaries, classifies each segment and applies
/// the adjustments as it goes. It knows the word-break classes of ASCII and of the non-ASCII
/// characters common in English news (Latin letters, curly quotes, dashes, no-break space…). On
/// any other character it hands the whole region around it to `unicode-segmentation`, dropping
/// the tokens it had pushed for that region, so rare characters cost time, never correctness.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    assert!(text.len() <= MAX_TEXT, "a text to tokenize is at most 4 GiB long");
    tokens.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII words, then spaces, are most of the tokens: test their first byte before looking
        // at the class, whose `match` became a jump table that mispredicted once a token
        // (callgrind --branch-sim).
        i = if WORD_BYTE[usize::from(b)] != 0 {
            word(text, i, 1, ASCII_CLASS[usize::from(b)], tokens)
        } else if b == b' ' {
            // Most spaces are single.
            let end = if bytes.get(i + 1) == Some(&b' ') {
                i + bytes[i..].iter().take_while(|&&c| c == b' ').count()
            } else {
                i + 1
            };
            tokens.push(Token::new(Span::new(i, end), TokenKind::Space));
            end
        } else {
            let (class, len) = if b < 0x80 { (ASCII_CLASS[usize::from(b)], 1) } else { wide_class_at(text, i) };
            match class {
                // Only non-ASCII letters get here.
                Class::Letter | Class::Digit | Class::Underscore => word(text, i, len, class, tokens),
                Class::Space | Class::Blank => {
                    let end = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    let kind = if b == b'\n' || b == b'\r' || b == 0x0B || b == 0x0C {
                        TokenKind::LineBreak
                    } else {
                        TokenKind::Space
                    };
                    tokens.push(Token::new(Span::new(i, end), kind));
                    end
                }
                Class::Unknown => segment_region_slowly(text, i, tokens),
                // A character that joins nothing here (a mid character joins only inside a word).
                // Never a word or a number, so never adjusted.
                Class::MidLetter | Class::MidNum | Class::MidNumLet | Class::Other => {
                    let span = Span::new(i, i + len);
                    let kind = match b {
                        b'-' => TokenKind::Dash,
                        b'"' | b'\'' | 0x80.. => classify(text, span, &text[span]),
                        _ => TokenKind::Punct,
                    };
                    tokens.push(Token::new(span, kind));
                    i + len
                }
            }
        };
    }
}

/// Pushes the word segment from `start`, whose first character is `first_len` bytes long and of
/// class `first`, and returns its end; or hands its region to the slow path.
///
/// It and its two callees are always inlined: with two call sites (ASCII and non-ASCII first
/// letters) the compiler kept them out of line, and the calls cost a quarter more instructions.
/// The clitic and elided-year adjustments are decided here too: the scan notes the apostrophe
/// of a final "’s", and only a number after a quotation mark can be an elided year.
#[inline(always)]
pub(super) fn word(text: &str, start: usize, first_len: usize, first: Class, tokens: &mut Vec<Token>) -> usize {
    match scan_word(text, start, first_len) {
        Some(word) => push_word(text, start, word, first, tokens),
        None => segment_region_slowly(text, start, tokens),
    }
}

/// Segments with `unicode-segmentation` the region that contains byte `at`, replacing the tokens
/// already pushed for it, and returns the region's end.
///
/// A region is a run of ASCII space and the run of anything else after it (the first region may
/// have no space). UAX #29 never joins a character to an ASCII space after it, so a region can be
/// segmented on its own; these are the regions of the tokenizer before the fused scanner, which
/// keeps the output identical to it.
#[cold]
pub(super) fn segment_region_slowly(text: &str, at: usize, tokens: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let end = at + bytes[at..].iter().position(|&b| is_ascii_space(b)).unwrap_or(bytes.len() - at);
    let mut start = at;
    while start > 0 && !is_ascii_space(bytes[start - 1]) {
        start -= 1;
    }
    while start > 0 && is_ascii_space(bytes[start - 1]) {
        start -= 1;
    }
    // Tokens tile the text and the region starts on a token boundary; no token starts there only
    // when none has been pushed yet.
    let first = tokens.iter().rposition(|t| t.span().start == start).unwrap_or(tokens.len());
    tokens.truncate(first);
    for (offset, segment) in text[start..end].split_word_bound_indices() {
        let s = start + offset;
        push_segment(text, Span::new(s, s + segment.len()), tokens);
    }
    end
}

/// The UAX #29 word-break classes the fast path tells apart, plus `Unknown` for characters it
/// leaves to `unicode-segmentation`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Class {
    /// ALetter: ASCII and Latin letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: `_`.
    Underscore,
    /// MidLetter: `:` joins letters.
    MidLetter,
    /// MidNum: `,` `;` join digits.
    MidNum,
    /// MidNumLet and Single_Quote: `.` `'` `‘` `’` join letters and digits.
    MidNumLet,
    /// WSegSpace: ` ` (a run is one segment).
    Space,
    /// Other ASCII space: tab and the line breaks (one segment each, `\r\n` together).
    Blank,
    /// Anything that breaks on both sides (unless an Extend or Format follows, which is `Unknown`).
    Other,
    /// Not decided here.
    Unknown,
}

/// The [`Class`] of each ASCII byte.
pub(super) static ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b',' | b';' => Class::MidNum,
            b'.' | b'\'' => Class::MidNumLet,
            b' ' => Class::Space,
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Blank,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// Case bits of the bytes that continue a word without a mid character: ASCII letters, digits
/// and `_`. Zero for every other byte, so one look-up both ends the run and tracks the case.
pub(super) static WORD_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' | b'_' => UNCASED,
            _ => 0,
        };
        b += 1;
    }
    table
};
/// The ASCII bytes that may join two word characters: `:` `,` `;` `.` `'`.
pub(super) static MID_BYTE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(ASCII_CLASS[b], Class::MidLetter | Class::MidNum | Class::MidNumLet);
        b += 1;
    }
    table
};
pub(super) const UPPER: u8 = 1;
pub(super) const LOWER: u8 = 2;
pub(super) const UNCASED: u8 = 4;

/// The class of the character at byte `i` (a character boundary), and its length in bytes;
/// `Other` at the end of the text.
pub(super) fn class_at(text: &str, i: usize) -> (Class, usize) {
    match text.as_bytes().get(i) {
        None => (Class::Other, 0),
        Some(&b) if b < 0x80 => (ASCII_CLASS[usize::from(b)], 1),
        Some(_) => wide_class_at(text, i),
    }
}

/// [`class_at`] for a non-ASCII character.
pub(super) fn wide_class_at(text: &str, i: usize) -> (Class, usize) {
    let c = text[i..].chars().next().unwrap_or_default();
    (wide_class(c), c.len_utf8())
}

/// The word-break class of the non-ASCII characters common in English news; `Unknown` for the
/// rest. A test checks every character named here against `unicode-segmentation`.
pub(super) fn wide_class(c: char) -> Class {
    match c {
        // Latin-1 Supplement letters, Latin Extended-A and -B (not × and ÷).
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='\u{24F}' => Class::Letter,
        '‘' | '’' => Class::MidNumLet,
        '\u{A0}' | '£' | '«' | '°' | '»' | '€' | '…' | '•' | '−' => Class::Other,
        '\u{2010}'..='\u{2015}' | '‚' | '“'..='‟' | '‹' | '›' => Class::Other,
        _ => Class::Unknown,
    }
}

/// How many of the eight bytes of `chunk`, from the first, are ASCII lower-case letters.
///
/// Eight bytes at a time in a `u64` (no SIMD, no unsafe): a word's length then rarely decides a
/// branch, and the byte-at-a-time loop it replaces mispredicted its exit once a word.
pub(super) fn lower_case_run(chunk: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
    // Each byte's low seven bits plus an offset sets its high bit at `a` and at past `z`; no
    // carry crosses into the next byte (0x7F + 0x1F < 0x100).
    let low7 = x & !HIGH;
    let from_a = low7 + ONES * (0x80 - u64::from(b'a'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'z') - 1);
    let lower = from_a & !past_z & !x & HIGH;
    ((!lower & HIGH).trailing_zeros() / 8) as usize
}

/// A word segment found by [`scan_word`].
pub(super) struct Word {
    /// Its end.
    end: usize,
    /// The [`WORD_BYTE`] case bits of its ASCII bytes after the first.
    case: u8,
    /// Whether it has a non-ASCII letter (its case then needs Unicode).
    wide: bool,
    /// Where the last apostrophe that joined an "s" to a letter starts, and where that "s" ends:
    /// a clitic to split off if the word ends there.
    clitic: Option<(usize, usize)>,
}

/// Scans a segment of letters, digits and underscores (joined by the rules WB5 to WB13b) from
/// `start`, whose first character is `first_len` bytes long; `None` on a character the fast path
/// does not know.
#[inline(always)]
pub(super) fn scan_word(text: &str, start: usize, first_len: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let mut word = Word { end: start + first_len, case: 0, wide: first_len > 1, clitic: None };
    loop {
        // The common case: a run of ASCII letters, digits and underscores; lower-case letters,
        // most of a word, eight at a time.
        loop {
            while let Some(chunk) = bytes.get(word.end..word.end + 8) {
                let run = lower_case_run(chunk);
                word.end += run;
                word.case |= if run > 0 { LOWER } else { 0 };
                if run < 8 {
                    break;
                }
            }
            match bytes.get(word.end).map(|&b| WORD_BYTE[usize::from(b)]) {
                Some(0) | None => break,
                Some(bits) => {
                    word.case |= bits;
                    word.end += 1;
                }
            }
        }
        let Some(&b) = bytes.get(word.end) else {
            return Some(word);
        };
        // Most words end at a space or a punctuation mark that joins nothing: done on one byte.
        if b < 0x80 && !MID_BYTE[usize::from(b)] {
            return Some(word);
        }
        let (class, len) = if b < 0x80 { (ASCII_CLASS[usize::from(b)], 1) } else { wide_class_at(text, word.end) };
        match class {
            // Only non-ASCII letters get here.
            Class::Letter => {
                word.wide = true;
                word.end += len;
                continue;
            }
            Class::MidLetter | Class::MidNum | Class::MidNumLet => {
                // The character before is a word character; a non-ASCII one is a letter.
                let before = bytes[word.end - 1];
                let last = if before < 0x80 { ASCII_CLASS[usize::from(before)] } else { Class::Letter };
                let (after, after_len) = class_at(text, word.end + len);
                let letters = last == Class::Letter && after == Class::Letter && class != Class::MidNum;
                let digits = last == Class::Digit && after == Class::Digit && class != Class::MidLetter;
                if letters || digits {
                    let apostrophe = b == b'\'' || len == 3 && bytes[word.end + 2] == 0x99; // ’ not ‘
                    if letters && apostrophe && matches!(bytes[word.end + len], b's' | b'S') {
                        word.clitic = Some((word.end, word.end + len + 1));
                    }
                    word.end += len;
                    if after_len > 1 {
                        word.wide = true;
                    } else {
                        word.case |= WORD_BYTE[usize::from(bytes[word.end])];
                    }
                    word.end += after_len;
                    continue;
                }
                if after == Class::Unknown {
                    return None;
                }
            }
            Class::Unknown => return None,
            _ => {}
        }
        return Some(word);
    }
}

/// Pushes the word segment from `start`, whose first character has class `first`, and returns
/// its end.
#[inline(always)]
pub(super) fn push_word(text: &str, start: usize, word: Word, first: Class, tokens: &mut Vec<Token>) -> usize {
    let span = Span::new(start, word.end);
    match first {
        Class::Letter => {
            let case = if word.wide {
                case_of_unicode(&text[span])
            } else {
                let first_upper = text.as_bytes()[start].is_ascii_uppercase();
                // As in `ascii_case`: with no lower-case letter after the first, any later letter
                // is a capital, so a capital first letter makes an all-capitals word of two or more.
                match (first_upper, word.case & UPPER != 0, word.case & LOWER != 0) {
                    (true, true, false) => Case::Upper,
                    (true, _, _) => Case::Capitalized,
                    (false, true, _) => Case::Mixed,
                    (false, false, _) => Case::Lower,
                }
            };
            // The scan saw the apostrophe join: the same split as `clitic_start`, whose other
            // condition (a letter before the apostrophe) the join itself required.
            if let Some((cut, end)) = word.clitic
                && end == word.end
            {
                tokens.push(Token::new(Span::new(start, cut), TokenKind::Word(case)));
                tokens.push(Token::new(Span::new(cut, end), TokenKind::Clitic));
            } else {
                tokens.push(Token::new(span, TokenKind::Word(case)));
            }
        }
        Class::Digit if tokens.last().is_some_and(|t| matches!(t.kind, TokenKind::Quote(_))) => {
            push_adjusted(text, span, TokenKind::Number, tokens)
        }
        Class::Digit => tokens.push(Token::new(span, TokenKind::Number)),
        _ => tokens.push(Token::new(span, TokenKind::Punct)),
    }
    word.end
}

/// Adds one UAX #29 segment as a token, with the three adjustments of the module docs.
pub(super) fn push_segment(text: &str, span: Span, tokens: &mut Vec<Token>) {
    push_adjusted(text, span, classify(text, span, &text[span]), tokens);
}

/// Adds a segment of class `kind` as a token, splitting off a clitic or joining an elided year:
/// for the slow path's segments, and for a number after a quotation mark.
#[cold]
pub(super) fn push_adjusted(text: &str, span: Span, kind: TokenKind, tokens: &mut Vec<Token>) {
    if let TokenKind::Word(case) = kind
        && let Some(split) = clitic_start(&text[span])
    {
        let cut = span.start + split;
        tokens.push(Token::new(Span::new(span.start, cut), TokenKind::Word(case)));
        tokens.push(Token::new(Span::new(cut, span.end), TokenKind::Clitic));
        return;
    }
    if kind == TokenKind::Number
        && let Some(last) = tokens.last_mut()
        && is_elision(text, *last, &text[span])
    {
        *last = Token::new(last.span().to(span), TokenKind::Number);
        return;
    }
    tokens.push(Token::new(span, kind));
}

pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

pub(super) fn classify(text: &str, span: Span, segment: &str) -> TokenKind {
    // ASCII letters and digits first: most tokens of English news.
    match segment.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() && segment.is_ascii() => {
            return TokenKind::Word(ascii_case(segment.as_bytes()));
        }
        Some(b) if b.is_ascii_digit() => return TokenKind::Number,
        Some(b' ') => return TokenKind::Space,
        _ => {}
    }
    let Some(first) = segment.chars().next() else {
        return TokenKind::Punct;
    };
    if let Some((style, double, nominal)) = quote_glyph(first) {
        let role = quote_role(text, span, nominal);
        return TokenKind::Quote(QuoteMark { style, double, role });
    }
    if is_line_break(first) {
        return TokenKind::LineBreak;
    }
    if first.is_whitespace() || is_invisible(first) {
        return TokenKind::Space;
    }
    if is_dash(first) {
        return TokenKind::Dash;
    }
    if first.is_alphabetic() {
        return TokenKind::Word(case_of(segment));
    }
    if first.is_numeric() {
        return TokenKind::Number;
    }
    TokenKind::Punct
}

/// The case shape of a word, from its cased letters.
pub(super) fn case_of(word: &str) -> Case {
    if word.is_ascii() { ascii_case(word.as_bytes()) } else { case_of_unicode(word) }
}

/// [`case_of`] for ASCII words.
pub(super) fn ascii_case(word: &[u8]) -> Case {
    let Some(at) = word.iter().position(u8::is_ascii_alphabetic) else { return Case::Uncased };
    let first_upper = word[at].is_ascii_uppercase();
    let (mut upper, mut lower, mut count) = (false, false, 1);
    for &b in &word[at + 1..] {
        upper |= b.is_ascii_uppercase();
        lower |= b.is_ascii_lowercase();
        count += usize::from(b.is_ascii_alphabetic());
    }
    match (first_upper, upper, lower) {
        (true, _, false) if count >= 2 => Case::Upper,
        (true, _, _) => Case::Capitalized,
        (false, true, _) => Case::Mixed,
        (false, false, _) => Case::Lower,
    }
}

/// [`case_of`] for words with non-ASCII letters.
pub(super) fn case_of_unicode(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_uppercase() || c.is_lowercase());
    let Some(first) = letters.next() else {
        return Case::Uncased;
    };
    let mut seen_upper = false;
    let mut seen_lower = false;
    let mut count = 1;
    for c in letters {
        count += 1;
        if c.is_uppercase() {
            seen_upper = true;
        } else {
            seen_lower = true;
        }
    }
    match (first.is_uppercase(), seen_upper, seen_lower) {
        (true, _, false) if count >= 2 => Case::Upper,
        (true, _, _) => Case::Capitalized,
        (false, true, _) => Case::Mixed,
        (false, false, _) => Case::Lower,
    }
}

/// The byte offset at which a final `’s`/`'s` starts, when the word has letters before it.
pub(super) fn clitic_start(word: &str) -> Option<usize> {
    // Most words do not end in "s": decide those on one byte.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return None;
    }
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

/// Whether `previous` is an apostrophe that elides a year's century before `number` ("’90s").
pub(super) fn is_elision(text: &str, previous: Token, number: &str) -> bool {
    let TokenKind::Quote(mark) = previous.kind else {
        return false;
    };
    if mark.double || !matches!(&text[previous.span()], "’" | "'") {
        return false;
    }
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let tail = &number[digits..];
    let before = text[..previous.span().start].chars().next_back();
    digits == 2 && matches!(tail, "" | "s") && before.is_none_or(|c| c.is_whitespace() || "([—–-".contains(c))
}

/// The family, doubleness and nominal role (from the glyph alone) of a quotation mark.
pub(super) fn quote_glyph(c: char) -> Option<(QuoteStyle, bool, QuoteRole)> {
    use QuoteRole::*;
    use QuoteStyle::*;
    Some(match c {
        '"' => (Straight, true, Ambiguous),
        '\'' => (Straight, false, Ambiguous),
        '“' => (Curly, true, Open),
        '”' => (Curly, true, Close),
        '‟' => (Curly, true, Open),
        '‘' => (Curly, false, Open),
        '’' => (Curly, false, Close),
        '‛' => (Curly, false, Open),
        '„' => (Low, true, Open),
        '‚' => (Low, false, Open),
        '«' => (Guillemet, true, Open),
        '»' => (Guillemet, true, Close),
        '‹' => (Guillemet, false, Open),
        '›' => (Guillemet, false, Close),
        _ => return None,
    })
}

/// The role of a quotation mark at `span` from its neighbours, falling back on the glyph's own
/// direction when the neighbours do not decide (text on both sides, or on neither).
pub(super) fn quote_role(text: &str, span: Span, nominal: QuoteRole) -> QuoteRole {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    // Text on the left: the mark can close. Text on the right: the mark can open.
    let left_bound = before.is_some_and(|c| {
        !c.is_whitespace() && !is_invisible(c) && !matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
    });
    let right_bound = after.is_some_and(|c| {
        !c.is_whitespace() && !is_invisible(c) && !matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}')
    });
    match (left_bound, right_bound) {
        (false, true) => QuoteRole::Open,
        (true, false) => QuoteRole::Close,
        _ => nominal,
    }
}

pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that take no room: the byte-order mark, zero-width space and joiners, word joiner.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}')
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}
