//! Properties that hold for any input: tokens tile the text, annotating never panics, spans are
//! in bounds and on char boundaries, entities are sorted and disjoint, output is deterministic.

use newsnlp::{Annotator, json, token};
use proptest::prelude::*;
use std::sync::LazyLock;

/// One annotator with a small user list on top of the embedded data, built once for all cases.
static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(|| {
    Annotator::builder()
        .gazetteer_text("PLACE\tHavana\nORG\tPatriotic Union of Cuba\tUNPACU\nPERSON\tJosé Daniel Ferrer\n")
        .build()
        .unwrap()
});

/// Text built from the characters that stress a news annotator: words, capitals, accents,
/// every quotation mark and apostrophe, dashes, emoji, control characters and line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Havana", "UNPACU", "Ferrer", "José", "said", " ", " ", " ", "\n", "\r\n", "\r", ".", ",", ":", "\"", "'",
        "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "—", "-", "😀", "é", "\u{301}", "\0", "\u{FEFF}", "\t", "’s",
        "Mr.", "U.S.", "10", "3.5", "(", ")", "\u{1A}", "北京",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn tokens_tile_arbitrary_strings(text in any::<String>()) {
        let tokens = token::tokenize(&text);
        let mut at = 0;
        for t in &tokens {
            prop_assert_eq!(t.span.start, at);
            prop_assert!(t.span.end > t.span.start);
            prop_assert!(text.is_char_boundary(t.span.end));
            at = t.span.end;
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn tokens_tile_newsish_strings(text in newsish()) {
        let joined: String = token::tokenize(&text).iter().map(|t| &text[t.span]).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn annotations_are_well_formed(text in newsish()) {
        let annotator = &*ANNOTATOR;
        let annotations = annotator.annotate(&text);
        let mut last_end = 0;
        for e in annotations.entities() {
            prop_assert!(e.span().start >= last_end, "entities overlap or are unsorted");
            prop_assert!(e.span().end <= text.len() && e.span().start < e.span().end);
            prop_assert!(text.is_char_boundary(e.span().start) && text.is_char_boundary(e.span().end));
            prop_assert!(e.entity() < annotations.clusters().len());
            last_end = e.span().end;
        }
        for q in annotations.quotes() {
            prop_assert!(q.span().end <= text.len() && q.span().start <= q.span().end);
            prop_assert!(text.is_char_boundary(q.span().start) && text.is_char_boundary(q.span().end));
        }
        let again = json::to_string("x", &text, &annotator.annotate(&text));
        prop_assert_eq!(json::to_string("x", &text, &annotations), again);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let annotations = Annotator::new().annotate_bytes(&bytes);
        for e in annotations.entities() {
            prop_assert!(e.span().end <= bytes.len());
        }
    }
}
