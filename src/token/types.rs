//! The tokens: a span of the text and a class each.

use crate::span::Span;

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
