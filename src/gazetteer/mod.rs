//! Gazetteers: the lists of known names, and the one pass that finds them in a document.
//!
//! Every list is a TSV file in the user-gazetteer format of SPEC.md (`LABEL<TAB>NAME[<TAB>ALIAS]...`).
//! The embedded lists are compiled into the binary; users add their own through
//! [`AnnotatorBuilder`](crate::AnnotatorBuilder). Each name and alias is expanded into its spelling
//! variants ([`variants`]), cut into tokens by the same tokenizer as the text, and stored in a
//! trie of tokens ([`trie`]): "Santiago de Cuba" is the path Santiago → de → Cuba.
//!
//! Matching walks the trie from each token that can begin a name and keeps the longest path
//! that ends on a name: leftmost-longest, non-overlapping, and on token boundaries by
//! construction, so "New York" is still found in "New York Timesheet" and "Cuba" in "Cuba’s".
//! Matching is case-sensitive: a lowercase word never matches a capitalised name.
//!
//! The embedded lists are built into a trie when the crate is compiled: `build.rs` runs
//! [`GazetteerBuilder`] over them and writes the flat [`Trie`] and its entries, which
//! [`Gazetteer::embedded`] reads in place (see [`table`](crate::table) for why). An annotator with
//! user lists builds its gazetteer at run time, user lists first.
//!
//! Why not an aho-corasick automaton: every hit must start and end on token boundaries, so a
//! byte-level automaton buys nothing here, and building one over our ~45,000 multi-word patterns
//! took 110 ms (its failure transitions are computed even when only anchored searches are run),
//! against a few milliseconds for the trie. DESIGN.md has the measurements.

mod builder;
mod matcher;
mod trie;
pub(crate) mod variants;

pub(crate) use builder::GazetteerBuilder;

use crate::label::Label;
use crate::span::Span;
use builder::Entries;
use once_cell::sync::Lazy;
use std::ops::Range;
use trie::Trie;

/// All lists: the user lists' trie, if any, searched beside the embedded one. Immutable once
/// built, shared between threads.
///
/// The user lists are kept in a trie of their own rather than built into one trie with the
/// embedded lists: the embedded trie is compiled into the binary and read in place, and building
/// it again with a user's ten names took 80 ms at every start. Searching both gives the hits
/// that one trie of both would give: at each token the longer match wins, and on a tie the user
/// entry (which, in one trie, would have claimed the shared path first). A test checks it.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    /// The user lists, numbered `0..user_entries`, or `None`.
    user: Option<Part>,
    /// The embedded lists, numbered from `user_entries` on.
    embedded: Part,
    /// How many entries the user lists have: the embedded entries' numbers come after them.
    user_entries: u32,
}

/// One trie and the entries its names lead to.
#[derive(Clone, Debug)]
struct Part {
    entries: Entries,
    trie: Trie,
}

/// One gazetteer hit: a span of whole tokens naming a known entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    pub tokens: Range<usize>,
    pub entry: u32,
    /// The entry's label, which the name rules ask about again and again.
    pub label: Label,
    /// Whether the entry comes from a user list.
    pub user: bool,
}

/// The embedded gazetteer as `build.rs` wrote it.
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
/// The canonical names of the embedded entries, one after the other.
static COMPILED_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer-names.txt"));

/// The embedded gazetteer, read once per process.
static EMBEDDED: Lazy<Gazetteer> = Lazy::new(Gazetteer::read_compiled);

impl GazetteerBuilder {
    /// Finishes the gazetteer: whatever lists were added, as one trie (the tests').
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn build(self) -> Gazetteer {
        let (entries, trie) = self.finish();
        Gazetteer { user: None, embedded: Part { entries, trie }, user_entries: 0 }
    }
}

impl Gazetteer {
    /// The gazetteer of the embedded lists, compiled into the binary.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// The user lists added to `user` (and nothing else), searched before the embedded lists.
    pub fn with_user_lists(user: GazetteerBuilder) -> Gazetteer {
        let (entries, trie) = user.finish();
        let user_entries = u32::try_from(entries.len()).expect("user gazetteers are at most 256 MiB");
        let embedded = Gazetteer::embedded().embedded.clone();
        Gazetteer { user: Some(Part { entries, trie }), embedded, user_entries }
    }

    /// Reads the gazetteer compiled into the binary (in place: this only reads the headers of its
    /// tables, and the short lists of first words).
    pub fn read_compiled() -> Gazetteer {
        let (entries, trie) = builder::read_tables(COMPILED, COMPILED_NAMES);
        Gazetteer { user: None, embedded: Part { entries, trie }, user_entries: 0 }
    }

    /// The label and canonical name of the entry with index `id`.
    pub fn entry(&self, id: u32) -> (Label, &str) {
        match &self.user {
            Some(user) if id < self.user_entries => user.entries.get(id),
            _ => self.embedded.entries.get(id - self.user_entries),
        }
    }

    /// The label of the entry with index `id`.
    fn label(&self, id: u32) -> Label {
        match &self.user {
            Some(user) if id < self.user_entries => user.entries.label(id),
            _ => self.embedded.entries.label(id - self.user_entries),
        }
    }

    /// How many entries the gazetteer holds.
    pub fn len(&self) -> usize {
        self.user_entries as usize + self.embedded.entries.len()
    }

    /// How many of them come from user lists.
    pub fn user_entries(&self) -> usize {
        self.user_entries as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use builder::lines;

    fn build(list: &str) -> Result<Gazetteer, Error> {
        let mut builder = GazetteerBuilder::default();
        builder.add_owned("test.tsv", list)?;
        Ok(builder.build())
    }

    /// The tables compiled into the binary are the ones the crate builds from the same lists,
    /// and read back as they were written: a build script that ran on other sources, or a format
    /// that reads back differently, fails here.
    #[test]
    fn the_compiled_gazetteer_is_the_one_the_lists_give() {
        let mut builder = GazetteerBuilder::default();
        builder.add_embedded();
        let (entries, trie) = builder.finish();
        assert!(builder::write_tables(&entries, &trie) == COMPILED, "gazetteer.bin differs from a fresh build");
        assert!(entries.names() == COMPILED_NAMES, "gazetteer-names.txt differs from a fresh build");
        let compiled = &Gazetteer::embedded().embedded;
        assert!(compiled.entries == entries && compiled.trie == trie, "the compiled gazetteer reads back differently");
        assert!(entries.len() > 40_000, "{} entries", entries.len());
    }

    /// The user lists searched beside the compiled trie give the hits that one trie of the user
    /// lists and the embedded lists (user lists first) gives: longer names, shorter names, names
    /// that the embedded lists have too, and names inside them.
    #[test]
    fn user_lists_beside_the_embedded_trie_find_what_one_trie_finds() {
        let list = "PLACE\tHavana\tLa Habana\n\
                    ORG\tHavana Club\n\
                    PERSON\tJosé Daniel Ferrer García\tFerrer\n\
                    PRISON\tKilo 8\tKilo Ocho\n\
                    ORG\tUnited\n\
                    PLACE\tNew York Times Square Garden\n";
        let text = "Havana Club sold rum in Havana and La Habana. José Daniel Ferrer García and Ferrer \
                    were held in Kilo Ocho. The United States and United said the New York Times \
                    Square Garden and The New York Times reported from Santiago de Cuba.";
        let mut combined = GazetteerBuilder::default();
        combined.add_owned("list.tsv", list).unwrap();
        combined.add_embedded();
        let combined = combined.build();
        let mut user = GazetteerBuilder::default();
        user.add_owned("list.tsv", list).unwrap();
        let split = Gazetteer::with_user_lists(user);
        let doc = crate::document::Document::new(text);
        let names = |gazetteer: &Gazetteer| -> Vec<(String, Label, String)> {
            gazetteer
                .find(&doc)
                .iter()
                .map(|hit| {
                    let (label, name) = gazetteer.entry(hit.entry);
                    assert_eq!(label, hit.label);
                    (text[hit.span].to_string(), label, name.to_string())
                })
                .collect()
        };
        let found = names(&split);
        assert_eq!(found, names(&combined));
        assert!(found.iter().any(|(surface, _, name)| surface == "Havana Club" && name == "Havana Club"), "{found:?}");
        assert!(found.iter().any(|(surface, _, _)| surface == "United States"), "{found:?}");
        assert!(found.iter().any(|(surface, _, _)| surface == "Santiago de Cuba"), "{found:?}");
        let hits = split.find(&doc);
        assert!(hits.iter().any(|hit| hit.user) && hits.iter().any(|hit| !hit.user));
        assert_eq!(split.len(), combined.len());
        assert_eq!(split.user_entries(), 6);
    }

    #[test]
    fn parses_entries_comments_and_blank_lines() {
        let gazetteer =
            build("# a comment\n\nPLACE\tHavana\tLa Habana\r\nORG\tPatriotic Union of Cuba\tUNPACU\n").unwrap();
        assert_eq!(gazetteer.len(), 2);
        assert_eq!(gazetteer.entry(1), (Label::Org, "Patriotic Union of Cuba"));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let cases = [
            (
                "PLACE\tHavana\nTOWN\tMatanzas\n",
                "test.tsv:2: unknown label (expected PERSON, ORG, PLACE or PRISON), found \"TOWN\"",
            ),
            ("PLACE\n", "test.tsv:1: expected LABEL<TAB>NAME[<TAB>ALIAS]..."),
            ("# x\nPLACE\t \n", "test.tsv:2: empty name"),
            ("ORG\tAmnesty International\t\n", "test.tsv:1: empty alias"),
            (
                "PLACE Havana\n",
                "test.tsv:1: unknown label (expected PERSON, ORG, PLACE or PRISON), found \"PLACE Havana\"",
            ),
        ];
        for (list, want) in cases {
            let error = build(list).unwrap_err();
            assert_eq!(error.to_string(), want, "list {list:?}");
        }
    }

    /// The warnings of a user list, as the CLI prints them (without its `newsnlp: ` prefix).
    fn warnings(lists: &[(&str, &str)]) -> Vec<String> {
        let mut builder = GazetteerBuilder::default();
        for (source, list) in lists {
            builder.add_owned(source, list).unwrap();
        }
        builder.warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn questionable_entries_give_warnings_with_file_and_line() {
        let cases: &[(&str, &[&str])] = &[
            (
                "PLACE\tHavana\nPLACE\tHavana\n",
                &["a.tsv:2: warning: duplicate entry PLACE \"Havana\" (first on line 1)"],
            ),
            (
                "PLACE\tHavana\n\nPLACE\tHavana\tLa Habana\n",
                &[
                    "a.tsv:3: warning: duplicate entry PLACE \"Havana\" (first on line 1); its other aliases are added to that entry",
                ],
            ),
            (
                "PLACE\tGeorgia\nPERSON\tGeorgia\n",
                &[
                    "a.tsv:2: warning: \"Georgia\" already names PLACE \"Georgia\" (first on line 1); it stays with that entry",
                ],
            ),
            (
                "PERSON\tJosé Daniel Ferrer\tFerrer\nPERSON\tAna Belkis Ferrer\tFerrer\n",
                &[
                    "a.tsv:2: warning: \"Ferrer\" already names PERSON \"José Daniel Ferrer\" (first on line 1); it stays with that entry",
                ],
            ),
            (
                "ORG\t...\nPLACE\t“”\n",
                &[
                    "a.tsv:1: warning: \"...\" has no letter or digit; the entry is ignored",
                    "a.tsv:2: warning: \"“”\" has no letter or digit; the entry is ignored",
                ],
            ),
            // A name repeated as its own alias is not a duplicate entry.
            ("PLACE\tHavana\tHavana\n", &[]),
        ];
        for &(list, want) in cases {
            assert_eq!(warnings(&[("a.tsv", list)]), want, "list {list:?}");
        }
        let long = format!("PERSON\t{}\n", ["Name"; 40].join(" "));
        assert_eq!(
            warnings(&[("a.tsv", &long)]),
            ["a.tsv:1: warning: a name of 40 words is longer than the limit of 32; the entry is ignored"]
        );
        // Across files, the warning names the file of the first entry.
        assert_eq!(
            warnings(&[("a.tsv", "PRISON\tKilo 8\n"), ("b.tsv", "# b\nPRISON\tKilo 8\n")]),
            ["b.tsv:2: warning: duplicate entry PRISON \"Kilo 8\" (first in a.tsv, line 1)"]
        );
    }

    #[test]
    fn duplicate_entries_are_one_entry_with_every_alias() {
        let mut builder = GazetteerBuilder::default();
        builder.add_owned("a.tsv", "PLACE\tHavana\nPLACE\tHavana\tLa Habana\n").unwrap();
        let gazetteer = builder.build();
        assert_eq!(gazetteer.len(), 1);
    }

    #[test]
    fn any_line_ending_byte_order_mark_and_indented_comments() {
        for list in [
            "\u{feff}PLACE\tHavana\nORG\tUNPACU\n",
            "PLACE\tHavana\r\nORG\tUNPACU\r\n",
            "PLACE\tHavana\rORG\tUNPACU\r",
            "  # indented comment\nPLACE\tHavana\n\t\nORG\tUNPACU",
        ] {
            let gazetteer = build(list).unwrap_or_else(|e| panic!("{list:?}: {e}"));
            assert_eq!(gazetteer.len(), 2, "list {list:?}");
            assert_eq!(gazetteer.entry(1).1, "UNPACU", "list {list:?}");
        }
        // Line numbers count every kind of line break.
        let error = build("PLACE\tHavana\rTOWN\tX\r\n").unwrap_err();
        assert!(error.to_string().starts_with("test.tsv:2: unknown label"), "{error}");
        let found: Vec<&str> = lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(found, ["a", "b", "c", "", "d"]);
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
    }

    #[test]
    fn an_enormous_list_builds_with_its_duplicates_reported() {
        let mut list = String::new();
        for i in 0..200_000 {
            list.push_str(&format!("PERSON\tGiven{i} Surname{}\tAlias{i}\n", i % 1000));
        }
        list.push_str("PERSON\tGiven7 Surname7\n");
        let mut builder = GazetteerBuilder::default();
        builder.add_owned("big.tsv", &list).unwrap();
        assert_eq!(builder.warnings.len(), 1);
        assert_eq!(builder.warnings[0].line(), 200_001);
        assert_eq!(builder.build().len(), 200_000);
    }
}
