//! The tokenizer against its references: `unicode-segmentation` and the tokenizer before the
//! fused scanner ([`reference`](super::reference)), on every character the fast path knows and on
//! property-generated text.

use super::scan::*;
use super::types::*;
use super::*;
use crate::span::Span;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

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
        "", "a", "Z", "1", "_", ".", ":", ",", ";", "'", "\"", " ", "\t", "\r\n", "-", "(", "é", "ß", "’", "‘", "“",
        "—", "\u{A0}", "\u{301}", "\u{200D}", "\u{AD}", "😀", "中", "\u{5D0}", "\u{2003}",
    ];
    for c in known {
        for x in neighbours {
            for y in neighbours {
                let texts =
                    [format!("{x}{c}{y}"), format!("a{x}{c}{y}1"), format!("9{x}{c}{c}{y}s"), format!("{x}{c}’s{y}")];
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
