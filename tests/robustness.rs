//! Hostile inputs (issue 7): huge, degenerate and malformed texts are annotated without a panic,
//! in time linear in their size, with well-formed spans; and one regression test per bug found by
//! these tests or by the fuzzer, each saying what it guards.
//!
//! The time bounds are generous (they hold for the unoptimised test build on a slow machine):
//! they catch a hang or a quadratic blow-up, which on these sizes takes hours, not a slow-down.

use crate::invariants;
use newsnlp::{Annotations, Annotator, text};
use std::sync::LazyLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The embedded data plus a small user list, built once for all tests of this module.
static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(|| {
    Annotator::builder()
        .gazetteer_text("PLACE\tHavana\nORG\tPatriotic Union of Cuba\tUNPACU\nPERSON\tJosé Daniel Ferrer\n")
        .build()
        .unwrap()
});

const MB: usize = 1 << 20;

/// Annotates `bytes` on another thread and fails if that takes longer than `limit` (a hang or
/// a quadratic blow-up) or if the annotations break an invariant. Returns the annotations.
fn annotate_within(what: &str, bytes: Vec<u8>, limit: Duration) -> Annotations {
    LazyLock::force(&ANNOTATOR);
    let (send, receive) = mpsc::channel();
    let started = Instant::now();
    let worker = std::thread::spawn(move || {
        let annotations = ANNOTATOR.annotate_bytes(&bytes);
        let text = text::decode(&bytes).into_text().into_owned();
        // The receiver may have given up; the verdict is then already known.
        let _ = send.send((annotations, text));
    });
    let (annotations, text) = match receive.recv_timeout(limit) {
        Ok(done) => done,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: not annotated within {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = worker.join().expect_err("the worker ended without an answer");
            std::panic::resume_unwind(panic)
        }
    };
    let elapsed = started.elapsed();
    invariants::check(&text, &annotations).unwrap_or_else(|e| panic!("{what}: {e}"));
    eprintln!("{what}: {} bytes in {elapsed:?}", text.len());
    annotations
}

/// A minute for ten megabytes: an unoptimised build annotates such inputs in seconds, and a
/// quadratic pass over them would take hours.
const LIMIT: Duration = Duration::from_secs(60);

/// `pattern` repeated to `size` bytes (whole repetitions).
fn repeat(pattern: &str, size: usize) -> Vec<u8> {
    pattern.repeat(size / pattern.len()).into_bytes()
}

#[test]
fn ten_megabytes_of_mixed_quotation_marks() {
    let marks = "“”‘’\"'«»‹›„‚‟‛";
    annotate_within("10 MB of mixed marks", repeat(marks, 10 * MB), LIMIT);
}

// Regressions: each input below once took time quadratic in its length, through the pass named
// in its test (minutes to hours at these sizes in the test build); each is now linear. They are
// sized to fail the time bound under the old code, and no larger.

/// `quote::attribute` `colon` read back to the sentence start for every quote.
#[test]
fn colon_looks_a_bounded_way_back() {
    annotate_within("names and colons", repeat("Maria Lopez: “Free them all now” ", MB), LIMIT);
    annotate_within("cues and colons", repeat(", said: “a b c d” ", MB), LIMIT);
}

/// `quote::attribute` `resolve` read every earlier mention and speaker of the paragraph for
/// every pronoun speaker.
#[test]
fn speaker_resolution_looks_a_bounded_way_back() {
    annotate_within("pronouns among organizations", repeat("UNPACU “a b c d e,” he said; ", 4 * MB), LIMIT);
}

/// `quote::marks::pair` searched the whole stack of open marks for a partner of each mark.
#[test]
fn pairing_a_mark_does_not_search_the_stack() {
    annotate_within("alternating opening marks", repeat("“'", 2 * MB), LIMIT);
}
