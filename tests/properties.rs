//! Properties that hold for any input: tokens tile the text, annotating never panics, the
//! annotations satisfy `tests/invariants.rs` (spans in bounds and on char boundaries, entities
//! and quotes disjoint and sorted, speakers and cues outside their quotes, valid JSON), the same
//! input gives the same output (twice, and with any number of CLI jobs), and offsets follow the
//! text when it is shifted or its line breaks change.

use crate::invariants;
use newsnlp::{Annotator, Span, json, text, token};
use proptest::prelude::*;
use std::sync::LazyLock;

/// One annotator with a small user list on top of the embedded data, built once for all cases.
static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(|| {
    Annotator::builder()
        .gazetteer_text("PLACE\tHavana\nORG\tPatriotic Union of Cuba\tUNPACU\nPERSON\tJosé Daniel Ferrer\n")
        .build()
        .unwrap()
});

/// The pieces that stress a news annotator: names and cue words, capitals, accents, every
/// quotation mark and apostrophe, dashes, emoji, control characters, byte-order marks and line
/// breaks of every kind.
const PIECES: &[&str] = &[
    "a",
    "Havana",
    "UNPACU",
    "Ferrer",
    "José",
    "Daniel",
    "Ana Belkis",
    "Patriotic Union of Cuba",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "he",
    "she",
    "they",
    "the activist",
    "the spokesman",
    "Mr.",
    "Sen.",
    "U.S.",
    "of",
    "the",
    "The",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "…",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "‟",
    "‛",
    "—",
    "–",
    "-",
    "😀",
    "é",
    "\u{301}",
    "\0",
    "\u{7}",
    "\u{1B}",
    "\u{85}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{A0}",
    "\t",
    "’s",
    "'s",
    "’90s",
    "10",
    "3.5",
    "(",
    ")",
    "[",
    "\u{1A}",
    "北京",
    "Zq",
];

/// Text made of [`PIECES`], some of them in long runs of one piece.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(PIECES);
    let run = (prop::sample::select(PIECES), 1..300usize).prop_map(|(p, n)| p.repeat(n));
    let part = prop_oneof![9 => piece.prop_map(str::to_string), 1 => run];
    prop::collection::vec(part, 0..120).prop_map(|v| v.concat())
}

/// Bytes made of [`PIECES`], arbitrary bytes and cut-off multi-byte characters.
fn newsish_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec());
    let cut = prop::sample::select(PIECES).prop_map(|p| p.as_bytes()[..p.len().div_ceil(2)].to_vec());
    let byte = any::<u8>().prop_map(|b| vec![b]);
    prop::collection::vec(prop_oneof![6 => piece, 2 => cut, 2 => byte], 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn tokens_tile_arbitrary_strings(text in any::<String>()) {
        let tokens = token::tokenize(&text);
        let mut at = 0;
        for t in &tokens {
            prop_assert_eq!(t.span().start, at);
            prop_assert!(t.span().end > t.span().start);
            prop_assert!(text.is_char_boundary(t.span().end));
            at = t.span().end;
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn tokens_tile_newsish_strings(text in newsish()) {
        let joined: String = token::tokenize(&text).iter().map(|t| &text[t.span()]).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn annotations_are_well_formed_and_deterministic(text in newsish()) {
        let annotator = &*ANNOTATOR;
        let annotations = annotator.annotate(&text);
        if let Err(message) = invariants::check(&text, &annotations) {
            return Err(TestCaseError::fail(message));
        }
        let again = annotator.annotate(&text);
        prop_assert_eq!(&annotations, &again);
        prop_assert_eq!(json::to_string("x", &text, &annotations), json::to_string("x", &text, &again));
    }

    #[test]
    fn arbitrary_strings_are_well_formed(text in any::<String>()) {
        let annotations = ANNOTATOR.annotate(&text);
        if let Err(message) = invariants::check(&text, &annotations) {
            return Err(TestCaseError::fail(message));
        }
    }

    #[test]
    fn arbitrary_bytes_are_annotated_as_their_decoding(bytes in newsish_bytes()) {
        let annotations = ANNOTATOR.annotate_bytes(&bytes);
        let decoded = text::decode(&bytes);
        prop_assert_eq!(decoded.text().len(), bytes.len());
        if let Err(message) = invariants::check(decoded.text(), &annotations) {
            return Err(TestCaseError::fail(message));
        }
        prop_assert_eq!(annotations, ANNOTATOR.annotate(decoded.text()));
    }

    /// A blank line or a space before the text moves every span by its width and changes
    /// nothing else: no rule depends on where in the file it is. (Unless the text starts with a
    /// combining or format character: after a space, UAX #29 joins it to the space.)
    #[test]
    fn a_prefix_shifts_every_span(text in newsish(), prefix in prop::sample::select(vec![" ", "\n", "\n\n", "\u{A0}"])) {
        let text = text.trim_start_matches(['\u{301}', '\u{200B}', '\u{FEFF}']);
        let shifted_text = format!("{prefix}{text}");
        let plain = invariants::all_spans(&ANNOTATOR.annotate(text));
        let shifted = invariants::all_spans(&ANNOTATOR.annotate(&shifted_text));
        let moved: Vec<Span> = plain.iter().map(|s| Span::new(s.start + prefix.len(), s.end + prefix.len())).collect();
        prop_assert_eq!(shifted, moved);
    }

    /// `\n` and `\r` are both one-byte paragraph breaks: swapping them changes nothing.
    #[test]
    fn carriage_returns_are_line_feeds(text in newsish()) {
        let text = text.replace('\r', "");
        let cr = text.replace('\n', "\r");
        prop_assert_eq!(ANNOTATOR.annotate(&text), ANNOTATOR.annotate(&cr));
    }
}

proptest! {
    // Each case runs the binary twice: a few cases over many documents each.
    #![proptest_config(ProptestConfig { cases: 4, .. ProptestConfig::default() })]

    /// The CLI writes, with one job or four, exactly the library's JSON line for each document,
    /// in input order.
    #[test]
    fn jobs_do_not_change_the_output(docs in prop::collection::vec(newsish_bytes(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        let mut want = String::new();
        let annotator = Annotator::new();
        for (i, bytes) in docs.iter().enumerate() {
            let path = dir.path().join(format!("{i:02}.txt"));
            std::fs::write(&path, bytes).unwrap();
            paths.push(path.display().to_string());
            // UTF-16 is refused, and a file with a NUL byte skipped as binary.
            if text::utf16_bom(bytes).is_none() && !bytes.contains(&0) {
                let decoded = text::decode(bytes);
                let annotations = annotator.annotate(decoded.text());
                let id = format!("{i:02}");
                let document = json::Document::new(&id, decoded.text(), &annotations).with_path(paths[i].as_str());
                want.push_str(&serde_json::to_string(&document).unwrap());
                want.push('\n');
            }
        }
        for jobs in ["1", "4"] {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsnlp"))
                .args(["annotate", "-j", jobs])
                .args(&paths)
                .output()
                .unwrap();
            prop_assert_eq!(String::from_utf8(output.stdout).unwrap(), want.clone(), "--jobs {}", jobs);
        }
    }
}
