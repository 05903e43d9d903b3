//! Fuzzes the byte-slice entry point, `Annotator::annotate_bytes`, with the invariants that the
//! property tests check (`tests/invariants.rs`, included below): no panic, spans in bounds and
//! on char boundaries, no overlapping entities or quotes, speakers and cues outside their
//! quotes, valid JSON, and the same output on a second run and through
//! `annotate(text::decode(bytes))`. Each input is annotated twice over: with the embedded data
//! plus a plain user list, and with a hostile user list (names that are pronouns, cue words,
//! single letters, quotation marks, control characters).

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsnlp::{Annotator, text};
use std::sync::LazyLock;

#[path = "../../tests/invariants.rs"]
mod invariants;

static PLAIN: LazyLock<Annotator> = LazyLock::new(|| {
    Annotator::builder()
        .gazetteer_text("PLACE\tHavana\nORG\tPatriotic Union of Cuba\tUNPACU\nPERSON\tJosé Daniel Ferrer\n")
        .build()
        .expect("the plain fuzz gazetteer builds")
});

static HOSTILE: LazyLock<Annotator> = LazyLock::new(|| {
    Annotator::builder()
        .gazetteer_text(
            "PERSON\the\tHe\tshe\tsaid\tI\nORG\tthe\tThe\tof\nPLACE\ta\tA\tx\nPERSON\t“Ana\tAna”\t'Cuba\t\"Free\n\
             ORG\t—Havana—\tU.S.\tU.S\nPRISON\t😀 Prison\tKilo\u{1A}8\nPLACE\tHa\u{2028}vana\tLa\u{0}Habana\n\
             PERSON\tJosé\u{301} Martí\tO’Brien\tO'Brien’s\nORG\tsays Ana\taccording to\n",
        )
        .build()
        .expect("the hostile fuzz gazetteer builds")
});

fuzz_target!(|bytes: &[u8]| {
    let decoded = text::decode(bytes);
    let text = decoded.text();
    assert_eq!(text.len(), bytes.len(), "decoding changed the length");
    for annotator in [&*PLAIN, &*HOSTILE] {
        let annotations = annotator.annotate_bytes(bytes);
        if let Err(message) = invariants::check(text, &annotations) {
            panic!("{message}\ninput: {text:?}");
        }
        assert_eq!(annotations, annotator.annotate(text), "annotate_bytes and annotate(decode) differ");
        assert_eq!(annotations, annotator.annotate_bytes(bytes), "a second run differs");
    }
});
