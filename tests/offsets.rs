//! Offsets are exact UTF-8 byte offsets into the input: multi-byte text and `\r\n` before every
//! span under test, and the same text shifted by one byte shifts every span by one.

use crate::invariants;
use newsnlp::{Annotations, Annotator, Label, Span};

const GAZETTEER: &str = "\
PERSON\tJosé Daniel Ferrer García
ORG\tPatriotic Union of Cuba\tUNPACU
PRISON\tMar Verde prison
PLACE\tSantiago de Cuba
PLACE\tCuba
";

/// Multi-byte characters of every width and a Windows line break, before anything is found.
const PREFIX: &str = "café ödön “naïve” — 😀 déjà vu’s end\r\n";

const BODY: &str = "José Daniel Ferrer García, head of UNPACU, is held in Mar Verde prison in Santiago de Cuba.\r\n\
“We demand justice,” said his sister. Cuba’s regime did not answer.\r\n";

fn annotator() -> Annotator {
    Annotator::builder().gazetteer_text(GAZETTEER).build().expect("test gazetteer builds")
}

#[test]
fn spans_slice_the_exact_surface_after_multibyte_text() {
    let text = format!("{PREFIX}{BODY}");
    let annotations = annotator().annotate(&text);
    let found: Vec<(&str, Label)> = annotations.mentions().iter().map(|e| (&text[e.span()], e.label())).collect();
    assert_eq!(
        found,
        [
            ("José Daniel Ferrer García", Label::Person),
            ("UNPACU", Label::Org),
            ("Mar Verde prison", Label::Prison),
            ("Santiago de Cuba", Label::Place),
            ("Cuba", Label::Place),
        ]
    );
    let unpacu = annotations.mentions()[1];
    assert_eq!(annotations.name_of(&unpacu), "Patriotic Union of Cuba");
    let quotes: Vec<&str> = annotations.quotes().iter().map(|q| &text[q.span()]).collect();
    assert!(quotes.contains(&"We demand justice,"), "quotes: {quotes:?}");
    // Spans are on char boundaries and in bounds (slicing above would have panicked otherwise).
    for span in invariants::all_spans(&annotations) {
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
}

#[test]
fn shifting_the_text_by_one_byte_shifts_every_span_by_one() {
    let annotator = annotator();
    for prefix in ["", PREFIX] {
        let text = format!("{prefix}{BODY}");
        let shifted = format!(" {text}");
        let before = annotator.annotate(&text);
        let after = annotator.annotate(&shifted);
        let moved: Vec<Span> =
            invariants::all_spans(&before).iter().map(|s| Span::new(s.start + 1, s.end + 1)).collect();
        assert_eq!(invariants::all_spans(&after), moved, "prefix {prefix:?}");
        assert!(!moved.is_empty());
        let labels = |a: &Annotations| a.mentions().iter().map(|e| e.label()).collect::<Vec<_>>();
        assert_eq!(labels(&before), labels(&after));
    }
}

#[test]
fn invalid_bytes_keep_offsets() {
    let mut bytes = b"caf\xE9 \xFF\xFE".to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice("UNPACU said “no”.".as_bytes());
    let annotations = annotator().annotate_bytes(&bytes);
    let unpacu = annotations.mentions()[0].span();
    assert_eq!(unpacu, Span::new(offset, offset + 6));
    assert_eq!(&bytes[unpacu], b"UNPACU");
}
