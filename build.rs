//! Builds the embedded gazetteer and the long word lists into flat tables when the crate is
//! compiled, so that a process reads them in place instead of building them at start-up (see
//! `src/table.rs` for why, and DESIGN.md for the measurements).
//!
//! The build runs the library's own code: the files below are compiled into this script as well
//! as into the crate, so the tables cannot disagree with what the crate would build at run time
//! (and a test in `src/gazetteer/mod.rs` checks that they do not).

// Each shared file is used in part here; the crate uses the rest.
#![allow(dead_code, unused_imports)]

#[path = "src/gazetteer/builder.rs"]
mod builder;
#[path = "src/error.rs"]
mod error;
#[path = "src/fxhash.rs"]
mod fxhash;
#[path = "src/label.rs"]
mod label;
#[path = "src/rule.rs"]
mod rule;
#[path = "src/span.rs"]
mod span;
#[path = "src/table.rs"]
mod table;
#[path = "src/text.rs"]
mod text;
#[path = "src/token/mod.rs"]
mod token;
#[path = "src/gazetteer/trie.rs"]
mod trie;
#[path = "src/gazetteer/variants.rs"]
mod variants;
#[path = "src/lexicon/words.rs"]
mod words;

use std::path::Path;

fn main() {
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);

    let mut gazetteer = builder::GazetteerBuilder::default();
    gazetteer.add_embedded();
    let (entries, trie) = gazetteer.finish();
    write(&out_dir.join("gazetteer.bin"), &builder::write_tables(&entries, &trie));
    write(&out_dir.join("gazetteer-names.txt"), entries.names().as_bytes());
    write(&out_dir.join("lexicon.bin"), &words::WordLists::build().to_bytes());

    // Cargo reruns this script when it is rebuilt, and it is rebuilt when any file compiled into
    // it changes: the modules above and the lists they `include_str!`. Naming build.rs here only
    // stops cargo from rerunning it for every other change in the package.
    println!("cargo::rerun-if-changed=build.rs");
}

/// Writes `bytes` to `path`, unless the file holds them already (so that the crate is not
/// recompiled for tables that did not change).
fn write(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
