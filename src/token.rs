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

use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// One token: a span of the text and its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    // The span as two 32-bit offsets: a token takes 12 bytes instead of 24, and every stage reads
    // the token table once or more, so it streams half as many bytes through the cache (no
    // section of a text is longer than 4 GiB, see `Annotator::annotate`).
    start: u32,
    end: u32,
    /// What the token is.
    pub kind: TokenKind,
}

/// The class of a token.
// `repr(u8)`: the variant is a byte of its own, so that testing a token's kind (every stage does
// it for every token) is one byte compare rather than the arithmetic of a niche encoding.
#[non_exhaustive]
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, periods of initialisms such as "U.S", digits after a letter).
    Word(Case),
    /// Digits, with inner separators ("10,000", "3.5"), ordinals ("75th") and elided years ("’90s").
    Number,
    /// Any other visible character: periods, commas, brackets, symbols, emoji.
    Punct,
    /// A hyphen or dash: `-` `‐` `‑` `‒` `–` `—` `―` `−`.
    Dash,
    /// A quotation mark.
    Quote(QuoteMark),
    /// A possessive or contracted `’s` split off the word before it.
    Clitic,
    /// Horizontal space (also tabs, the byte-order mark and zero-width characters).
    Space,
    /// A line break: `\n`, `\r\n`, `\r` or a Unicode line or paragraph separator.
    LineBreak,
}

/// The capitalisation of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// First letter upper case, not all capitals: "Havana", "McDonald", "A".
    Capitalized,
    /// Two or more letters, all capitals: "UNPACU", "U.S".
    Upper,
    /// First letter lower case, no capital after it: "said".
    Lower,
    /// First letter lower case with a capital later: "iPhone", "al-" is not one (split at the hyphen).
    Mixed,
    /// No cased letter at all: scripts without case.
    Uncased,
}

/// A quotation mark: its glyph family and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// Which kind of glyph it is.
    pub style: QuoteStyle,
    /// Double (`"` `“` `”` `„` `«` `»`) or single (`'` `‘` `’` `‚` `‹` `›`).
    pub double: bool,
    /// Opening, closing, or undecidable from its neighbours.
    pub role: QuoteRole,
}

/// The glyph family of a quotation mark; marks pair within a family (curly and low together).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteStyle {
    /// `"` and `'`.
    Straight,
    /// `“ ” ‘ ’` and the reversed `‟ ‛`.
    Curly,
    /// `„ ‚` (opening marks of German and Eastern European typography).
    Low,
    /// `« » ‹ ›`.
    Guillemet,
}

/// Whether a quotation mark opens or closes a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteRole {
    /// Followed by text and preceded by space, start of text, or an opening bracket or dash.
    Open,
    /// Preceded by text and followed by space, end of text, or punctuation.
    Close,
    /// Both or neither: a straight mark between two words, for instance.
    Ambiguous,
}

impl Token {
    /// A token at `span`, which [`tokenize_into`] has checked to end within 4 GiB.
    #[inline]
    pub(crate) fn new(span: Span, kind: TokenKind) -> Token {
        debug_assert!(span.end <= u32::MAX as usize);
        Token { start: span.start as u32, end: span.end as u32, kind }
    }

    /// Where the token is.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Whether the token is a word (of any case).
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word(_))
    }

    /// Whether the token is a capitalised or all-capitals word.
    pub fn is_capitalized(&self) -> bool {
        matches!(self.kind, TokenKind::Word(Case::Capitalized | Case::Upper))
    }

    /// Whether the token is space or a line break.
    pub fn is_blank(&self) -> bool {
        matches!(self.kind, TokenKind::Space | TokenKind::LineBreak)
    }

    /// The quotation mark, if the token is one.
    pub fn quote(&self) -> Option<QuoteMark> {
        match self.kind {
            TokenKind::Quote(mark) => Some(mark),
            _ => None,
        }
    }
}

/// The longest text [`tokenize`] takes: 4 GiB, because token offsets are 32-bit.
pub const MAX_TEXT: usize = u32::MAX as usize;

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

/// Like [`tokenize`], appending to `tokens` (cleared first) so that a caller can reuse the buffer.
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
fn word(text: &str, start: usize, first_len: usize, first: Class, tokens: &mut Vec<Token>) -> usize {
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
fn segment_region_slowly(text: &str, at: usize, tokens: &mut Vec<Token>) -> usize {
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
enum Class {
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
static ASCII_CLASS: [Class; 128] = {
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
static WORD_BYTE: [u8; 256] = {
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
static MID_BYTE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(ASCII_CLASS[b], Class::MidLetter | Class::MidNum | Class::MidNumLet);
        b += 1;
    }
    table
};
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const UNCASED: u8 = 4;

/// The class of the character at byte `i` (a character boundary), and its length in bytes;
/// `Other` at the end of the text.
fn class_at(text: &str, i: usize) -> (Class, usize) {
    match text.as_bytes().get(i) {
        None => (Class::Other, 0),
        Some(&b) if b < 0x80 => (ASCII_CLASS[usize::from(b)], 1),
        Some(_) => wide_class_at(text, i),
    }
}

/// [`class_at`] for a non-ASCII character.
fn wide_class_at(text: &str, i: usize) -> (Class, usize) {
    let c = text[i..].chars().next().unwrap_or_default();
    (wide_class(c), c.len_utf8())
}

/// The word-break class of the non-ASCII characters common in English news; `Unknown` for the
/// rest. A test checks every character named here against `unicode-segmentation`.
fn wide_class(c: char) -> Class {
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
fn lower_case_run(chunk: &[u8]) -> usize {
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
struct Word {
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
fn scan_word(text: &str, start: usize, first_len: usize) -> Option<Word> {
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
fn push_word(text: &str, start: usize, word: Word, first: Class, tokens: &mut Vec<Token>) -> usize {
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
fn push_segment(text: &str, span: Span, tokens: &mut Vec<Token>) {
    push_adjusted(text, span, classify(text, span, &text[span]), tokens);
}

/// Adds a segment of class `kind` as a token, splitting off a clitic or joining an elided year:
/// for the slow path's segments, and for a number after a quotation mark.
#[cold]
fn push_adjusted(text: &str, span: Span, kind: TokenKind, tokens: &mut Vec<Token>) {
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

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

fn classify(text: &str, span: Span, segment: &str) -> TokenKind {
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
fn case_of(word: &str) -> Case {
    if word.is_ascii() { ascii_case(word.as_bytes()) } else { case_of_unicode(word) }
}

/// [`case_of`] for ASCII words.
fn ascii_case(word: &[u8]) -> Case {
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
fn case_of_unicode(word: &str) -> Case {
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
fn clitic_start(word: &str) -> Option<usize> {
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
fn is_elision(text: &str, previous: Token, number: &str) -> bool {
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
fn quote_glyph(c: char) -> Option<(QuoteStyle, bool, QuoteRole)> {
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
fn quote_role(text: &str, span: Span, nominal: QuoteRole) -> QuoteRole {
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

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that take no room: the byte-order mark, zero-width space and joiners, word joiner.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The tokenizer as it was before the fused scanner (commit 5ecd390), kept verbatim as the
/// reference that the fast path must reproduce token for token.
#[cfg(test)]
mod reference {
    use super::{Span, Token, TokenKind, classify, is_ascii_space, is_elision};
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The segments `unicode-segmentation` gives for the whole text.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices().map(|(s, w)| (s, s + w.len())).collect()
    }

    /// The segments of the old region scanner, before the token adjustments.
    fn fast(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        reference::for_each_segment(text, |span| out.push((span.start, span.end)));
        out
    }

    #[test]
    fn ascii_scanner_agrees_with_uax29_on_hard_cases() {
        for text in [
            "U.S. e.g. a.b.c don't O'Brien 3.5 10,000 1;2 a:b a_b _a 2nd B52 x.5 5.x '90s a'b' 'a",
            "\r\n\n \t  x\r\ry \x0b\x0c end.",
            "José \u{301}é a\u{200D}b 😀\u{200D}😀 \u{FEFF}x \u{A0}y “q” ‘s’",
        ] {
            assert_eq!(fast(text), reference(text), "text {text:?}");
        }
    }

    /// Tokens straight from `unicode-segmentation`'s segments of the whole text, with the same
    /// classes and adjustments: what the fast path must give wherever the old region cut agreed
    /// with UAX #29 (everywhere but before a non-ASCII space followed by an ASCII one).
    fn uax29_tokens(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for (start, segment) in text.split_word_bound_indices() {
            push_segment(text, Span::new(start, start + segment.len()), &mut tokens);
        }
        tokens
    }

    /// Every character the fast path classifies itself, between every pair of a set of
    /// neighbours (ASCII classes, other known characters, characters it leaves to the slow path).
    #[test]
    fn wide_classes_agree_with_uax29_in_every_context() {
        let known: Vec<char> = ('\u{80}'..='\u{3000}').filter(|&c| wide_class(c) != Class::Unknown).collect();
        assert!(known.len() > 400, "{}", known.len());
        // A letter before an apostrophe is all a clitic needs besides the "s" (`clitic_start`).
        assert!(known.iter().filter(|&&c| wide_class(c) == Class::Letter).all(|c| c.is_alphabetic()));
        let neighbours = [
            "", "a", "Z", "1", "_", ".", ":", ",", ";", "'", "\"", " ", "\t", "\r\n", "-", "(", "é", "ß", "’", "‘",
            "“", "—", "\u{A0}", "\u{301}", "\u{200D}", "\u{AD}", "😀", "中", "\u{5D0}", "\u{2003}",
        ];
        for c in known {
            for x in neighbours {
                for y in neighbours {
                    let texts = [
                        format!("{x}{c}{y}"),
                        format!("a{x}{c}{y}1"),
                        format!("9{x}{c}{c}{y}s"),
                        format!("{x}{c}’s{y}"),
                    ];
                    for text in texts {
                        assert_eq!(tokenize(&text), reference::tokenize(&text), "text {text:?}");
                        if !text.contains('\u{2003}') {
                            assert_eq!(tokenize(&text), uax29_tokens(&text), "text {text:?}");
                        }
                    }
                }
            }
        }
    }

    /// The one place where regions depart from UAX #29, kept as it was: WB3d joins two
    /// WSegSpace characters, but a region ends before an ASCII space.
    #[test]
    fn a_wide_space_is_not_joined_to_the_ascii_space_after_it() {
        let text = "a\u{2003} b";
        let spans: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span()]).collect();
        assert_eq!(spans, ["a", "\u{2003}", " ", "b"]);
        assert_eq!(tokenize(text), reference::tokenize(text));
        assert_ne!(tokenize(text), uax29_tokens(text));
    }

    #[test]
    fn lower_case_runs_are_counted_from_the_first_byte() {
        for (chunk, run) in [
            (b"abcdefgh", 8),
            (b"abcdefgH", 7),
            (b"said the", 4),
            (b"`{@[az09", 0),
            (b"z{a`a@az", 1),
            (b"a\xC3\xA9bcdef", 1),
            (b"\xE1\xFA\xFBabcde", 0),
            (b"\x7Fabcdefg", 0),
        ] {
            assert_eq!(lower_case_run(chunk), run, "{:?}", String::from_utf8_lossy(chunk));
        }
        for b in 0..=255u8 {
            let chunk = [b, b'a', b'a', b'a', b'a', b'a', b'a', b'a'];
            assert_eq!(lower_case_run(&chunk) > 0, b.is_ascii_lowercase(), "byte {b:#x}");
            let chunk = [b'a', b'a', b'a', b'a', b'a', b'a', b'a', b];
            assert_eq!(lower_case_run(&chunk) == 8, b.is_ascii_lowercase(), "byte {b:#x}");
        }
    }

    #[test]
    fn fast_path_agrees_with_the_old_tokenizer_on_hard_cases() {
        for text in [
            "U.S. e.g. a.b.c don't O'Brien 3.5 10,000 1;2 a:b a_b _a 2nd B52 x.5 5.x '90s a'b' 'a",
            "\r\n\n \t  x\r\ry \x0b\x0c end.",
            "José \u{301}é a\u{200D}b 😀\u{200D}😀 \u{FEFF}x \u{A0}y “q” ‘s’",
            "Ferrer’s FERRER'S l’été (’90s) ‘’90s’ Erdoğan’ı Ça—va – «oui» 1’000 ı’s x’é",
            "\u{2003} a \u{2003}b a\u{2003} \u{A0} \u{A0}\u{301}’s “\u{301}x",
        ] {
            assert_eq!(tokenize(text), reference::tokenize(text), "text {text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

        #[test]
        fn ascii_scanner_agrees_with_uax29(text in "[a-zA-Z0-9_ .,;:'\"\t\r\n\x0b\x0c!?()-]{0,60}") {
            prop_assert_eq!(fast(&text), reference(&text));
        }

        /// The fused scanner gives the old tokenizer's tokens, on text mixing ASCII, the
        /// characters it knows and characters it leaves to `unicode-segmentation`.
        #[test]
        fn tokens_agree_with_the_old_tokenizer(
            text in "[a-zA-Z0-9_ .,;:'\"\t\r\n!?()-]{0,30}|([a-z]{0,20}[A-Zs0-9_ .,:'’é\u{301}]){0,6}|[a-zS0-9_ .,:'\"\n(\u{301}\u{200D}\u{FEFF}\u{A0}\u{AD}\u{2003}éÉıšßŁ×’‘“”—–…«»😀中\u{5D0}\u{1F1EB}]{0,40}"
        ) {
            prop_assert_eq!(tokenize(&text), reference::tokenize(&text));
        }

        /// And the tokens of UAX #29 itself, wherever the old region cut agreed with it.
        #[test]
        fn tokens_agree_with_uax29_on_mixed_text(
            text in "[a-zS0-9_ .,:'\"\n(\u{301}\u{200D}\u{FEFF}\u{A0}\u{AD}éÉıšßŁ×’‘“”—–…«»😀中\u{5D0}\u{1F1EB}]{0,40}"
        ) {
            prop_assert_eq!(tokenize(&text), uax29_tokens(&text));
        }

        #[test]
        fn regions_agree_with_uax29_on_mixed_text(text in "[a-z0-9 .,:'\n\u{301}\u{200D}\u{FEFF}\u{A0}é’😀]{0,40}") {
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }
}
