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
//! Why not an aho-corasick automaton: every hit must start and end on token boundaries, so a
//! byte-level automaton buys nothing here, and building one over our ~45,000 multi-word patterns
//! took 110 ms (its failure transitions are computed even when only anchored searches are run),
//! against a few milliseconds for the trie. DESIGN.md has the measurements.

mod matcher;
mod trie;
pub(crate) mod variants;

pub(crate) use matcher::Hit;

use crate::error::Error;
use crate::label::Label;
use std::borrow::Cow;
use trie::TokenTrie;

/// The lists compiled into the binary, in priority order: when two entries share a pattern, the
/// earlier list keeps it. Curated people, prisons and organizations come before places so that
/// "Guantanamo" (the prison) and "Catholic Church" win over the places they contain or share.
pub(crate) const EMBEDDED_LISTS: &[(&str, &str)] = &[
    ("gazetteers/people.tsv", include_str!("../../gazetteers/people.tsv")),
    ("gazetteers/prisons.tsv", include_str!("../../gazetteers/prisons.tsv")),
    ("gazetteers/organizations.tsv", include_str!("../../gazetteers/organizations.tsv")),
    ("gazetteers/politics.tsv", include_str!("../../gazetteers/politics.tsv")),
    ("gazetteers/places.tsv", include_str!("../../gazetteers/places.tsv")),
];

/// One known referent: its label and canonical name.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub label: Label,
    pub name: Cow<'static, str>,
}

/// All lists, built into one trie. Immutable once built, shared between threads.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    entries: Vec<Entry>,
    trie: TokenTrie,
}

/// Collects entries and patterns before the trie is final.
#[derive(Default)]
pub(crate) struct GazetteerBuilder {
    entries: Vec<Entry>,
    trie: TokenTrie,
}

impl GazetteerBuilder {
    /// Adds the entries of an embedded list, borrowing its names.
    pub fn add_static(&mut self, source: &str, text: &'static str) -> Result<(), Error> {
        self.add_lines(source, text, Cow::Borrowed)
    }

    /// Adds the entries of a user list, copying its names.
    pub fn add_owned(&mut self, source: &str, text: &str) -> Result<(), Error> {
        self.add_lines(source, text, |s| Cow::Owned(s.to_string()))
    }

    /// Parses `text` line by line; `keep` turns a slice of it into a stored name.
    fn add_lines<'a>(
        &mut self,
        source: &str,
        text: &'a str,
        keep: impl Fn(&'a str) -> Cow<'static, str>,
    ) -> Result<(), Error> {
        self.trie.reserve_for(text.len());
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let label = fields.next().unwrap_or_default();
            let label: Label =
                label.trim().parse().map_err(|e| Error::line(source, number, format!("{e}, found {label:?}")))?;
            let names: Vec<&'a str> = fields.map(str::trim).collect();
            if names.is_empty() {
                return Err(Error::line(source, number, "expected LABEL<TAB>NAME[<TAB>ALIAS]..."));
            }
            if let Some(column) = names.iter().position(|n| n.is_empty()) {
                return Err(Error::line(source, number, if column == 0 { "empty name" } else { "empty alias" }));
            }
            let entry = self.entries.len() as u32;
            self.entries.push(Entry { label, name: keep(names[0]) });
            for name in names {
                let trie = &mut self.trie;
                variants::for_each_variant(name, |form| {
                    // A pattern already taken by an earlier entry keeps that entry.
                    match form {
                        Cow::Borrowed(f) => trie.insert(f, &keep, entry),
                        Cow::Owned(f) => trie.insert(&f, &|s: &str| Cow::Owned(s.to_string()), entry),
                    }
                });
            }
        }
        Ok(())
    }

    /// Finishes the gazetteer.
    pub fn build(self) -> Gazetteer {
        Gazetteer { entries: self.entries, trie: self.trie }
    }
}

impl Gazetteer {
    /// The entry with index `id`.
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// How many entries the gazetteer holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(list: &str) -> Result<Gazetteer, Error> {
        let mut builder = GazetteerBuilder::default();
        builder.add_owned("test.tsv", list)?;
        Ok(builder.build())
    }

    #[test]
    fn parses_entries_comments_and_blank_lines() {
        let gazetteer =
            build("# a comment\n\nPLACE\tHavana\tLa Habana\r\nORG\tPatriotic Union of Cuba\tUNPACU\n").unwrap();
        assert_eq!(gazetteer.len(), 2);
        assert_eq!(gazetteer.entry(1).name, "Patriotic Union of Cuba");
        assert_eq!(gazetteer.entry(1).label, Label::Org);
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
}
