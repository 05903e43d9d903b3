//! Reading article bytes as text without moving a single offset.
//!
//! News files come with byte-order marks, stray Latin-1 bytes and worse. The usual lossy decoding
//! (`String::from_utf8_lossy`) puts a three-byte U+FFFD where one bad byte was, which shifts every
//! later offset; here each invalid byte becomes exactly one replacement byte, so offsets into the
//! decoded text are offsets into the file. A UTF-8 byte-order mark is kept in the text (it is
//! three bytes of the file) and the tokenizer treats it as space.
//!
//! Names are compared in a folded form (`fold_accents`) by the gazetteer, the lexicons and the
//! clustering of names; the folded form is a copy for comparing, never a rewrite of the text.

use std::borrow::Cow;

/// The byte that stands in for each invalid input byte: ASCII SUB (U+001A), the control character
/// meant for "a character that could not be represented". It is one byte, so offsets stay exact.
pub const REPLACEMENT: u8 = 0x1A;

/// The UTF-8 encoding of the byte-order mark U+FEFF.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Text decoded from bytes: borrowed when the bytes were valid UTF-8, otherwise a copy in which
/// each invalid byte was replaced by [`REPLACEMENT`].
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    text: Cow<'a, str>,
    invalid_bytes: usize,
}

impl<'a> Decoded<'a> {
    /// The decoded text, byte for byte as long as the input.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many input bytes were invalid UTF-8 (and replaced).
    pub fn invalid_bytes(&self) -> usize {
        self.invalid_bytes
    }

    /// The decoded text, owned or borrowed.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }
}

/// Decodes `bytes` as UTF-8, replacing each invalid byte by one [`REPLACEMENT`] byte.
///
/// ```
/// let decoded = newsnlp::text::decode(b"caf\xE9 Havana");
/// assert_eq!(decoded.invalid_bytes(), 1);
/// assert_eq!(&decoded.text()[5..11], "Havana");
/// ```
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let first_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Decoded { text: Cow::Borrowed(text), invalid_bytes: 0 },
        Err(error) => error,
    };
    let mut out = String::with_capacity(bytes.len());
    let mut invalid_bytes = 0;
    let mut rest = bytes;
    let mut error = Some(first_error);
    while let Some(e) = error {
        let (valid, after) = rest.split_at(e.valid_up_to());
        // `valid_up_to` guarantees that this prefix is valid UTF-8: the fallback never applies.
        out.push_str(std::str::from_utf8(valid).unwrap_or_default());
        let bad = e.error_len().unwrap_or(after.len());
        for _ in 0..bad {
            out.push(REPLACEMENT as char);
        }
        invalid_bytes += bad;
        rest = &after[bad..];
        error = std::str::from_utf8(rest).err();
    }
    out.push_str(std::str::from_utf8(rest).unwrap_or_default());
    Decoded { text: Cow::Owned(out), invalid_bytes }
}

/// The name of the UTF-16 encoding announced by a byte-order mark at the start of `bytes`, if any.
///
/// Such input is not UTF-8 text with a few bad bytes but another encoding altogether; callers
/// should report it rather than annotate garbage.
pub fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

/// The name with the diacritics of Latin letters removed ("Díaz" → "Diaz"), borrowed when it has none.
pub(crate) fn fold_accents(name: &str) -> Cow<'_, str> {
    if name.is_ascii() || !name.chars().any(|c| fold_char(c).is_some()) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match fold_char(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The plain letters for a Latin letter with a diacritic, if `c` is one.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĥ' | 'ħ' => "h",
        'Ĥ' | 'Ħ' => "H",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ĵ' => "j",
        'Ĵ' => "J",
        'ķ' => "k",
        'Ķ' => "K",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ŵ' => "w",
        'Ŵ' => "W",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'Ý' | 'Ÿ' | 'Ŷ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_is_borrowed() {
        let decoded = decode("José “hero”".as_bytes());
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
        assert_eq!(decoded.invalid_bytes(), 0);
    }

    #[test]
    fn each_invalid_byte_becomes_one_byte() {
        let cases: &[(&[u8], &str, usize)] = &[
            (b"a\xFFb", "a\x1Ab", 1),
            (b"\xC3", "\x1A", 1),
            (b"\xE2\x80", "\x1A\x1A", 2),
            (b"\xE2\x80x\xF0", "\x1A\x1Ax\x1A", 3),
            (b"\xED\xA0\x80z", "\x1A\x1A\x1Az", 3),
            (b"ok\xC3\xA9\xFF", "ok\u{e9}\x1A", 1),
        ];
        for &(input, want, bad) in cases {
            let decoded = decode(input);
            assert_eq!(decoded.text(), want, "input {input:?}");
            assert_eq!(decoded.text().len(), input.len(), "input {input:?}");
            assert_eq!(decoded.invalid_bytes(), bad, "input {input:?}");
        }
    }

    #[test]
    fn accents_are_folded_and_plain_names_borrowed() {
        assert_eq!(fold_accents("José Daniel Ferrer García"), "Jose Daniel Ferrer Garcia");
        assert_eq!(fold_accents("Łódź"), "Lodz");
        assert!(matches!(fold_accents("Havana"), Cow::Borrowed(_)));
        assert!(matches!(fold_accents("Москва"), Cow::Borrowed(_)), "no Latin letter to fold");
    }

    #[test]
    fn utf16_is_recognised_by_its_bom() {
        assert_eq!(utf16_bom(b"\xFF\xFEa\x00"), Some("UTF-16LE"));
        assert_eq!(utf16_bom(b"\xFE\xFF\x00a"), Some("UTF-16BE"));
        assert_eq!(utf16_bom(b"\xEF\xBB\xBFabc"), None);
        assert_eq!(utf16_bom(b""), None);
    }
}
