//! Gazetteers: the lists of known names, and the one pass that finds them in a document.
//!
//! Every list is a TSV file in the user-gazetteer format of SPEC.md (`LABEL<TAB>NAME[<TAB>ALIAS]...`).
//! The embedded lists are compiled into the binary; users add their own through
//! [`AnnotatorBuilder`](crate::AnnotatorBuilder). Each name and alias is expanded into its spelling
//! variants ([`variants`]) and stored as a pattern for its entry:
//! - a pattern that is one word ("Havana", "UNPACU") goes into a hash map, looked up once per
//!   capitalised token: cheaper to build and to run than an automaton;
//! - any other pattern ("Santiago de Cuba", "U.S.", "Díaz-Balart") goes into one aho-corasick
//!   automaton (leftmost-longest), searched anchored at the start of each token that could begin a
//!   name.
//!
//! A hit counts only when it starts and ends on token boundaries; when the longest hit at a token
//! fails that test, shorter hits at the same token are tried, so "New York" is still found in "New
//! York Timesheet". Matching is case-sensitive: a lowercase word never matches a capitalised name.

mod matcher;
pub(crate) mod variants;

pub(crate) use matcher::Hit;

use crate::error::Error;
use crate::label::Label;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use std::borrow::Cow;
use std::collections::HashMap;

/// The lists compiled into the binary, in priority order: when two entries share a pattern, the
/// earlier list keeps it. Curated people, prisons and organizations come before places so that
/// "Guantanamo" (the prison) and "Catholic Church" win over the places they contain or share.
pub(crate) const EMBEDDED_LISTS: &[(&str, &str)] = &[];

/// One known referent: its label and canonical name.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub label: Label,
    pub name: Cow<'static, str>,
}

/// What a pattern maps to.
#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
}

/// All lists, built into matchers. Immutable once built, shared between threads.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    entries: Vec<Entry>,
    /// One-word patterns.
    words: HashMap<Cow<'static, str>, Pattern>,
    /// Multi-token patterns, with the entry of each pattern id.
    automaton: Option<AhoCorasick>,
    phrases: Vec<Pattern>,
    /// Bytes that begin some multi-token pattern: a token starting with any other byte cannot
    /// start a phrase hit, so the automaton is not even entered there.
    phrase_first_bytes: [bool; 256],
    /// Whether some one-word pattern starts with a lower-case letter ("al-Shabaab" is not one word,
    /// but a user may list "eBay"): if none does, lower-case words are never looked up.
    lowercase_words: bool,
}

/// Collects entries and patterns before the matchers are built.
#[derive(Default)]
pub(crate) struct GazetteerBuilder {
    entries: Vec<Entry>,
    words: HashMap<Cow<'static, str>, Pattern>,
    phrases: HashMap<Cow<'static, str>, Pattern>,
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
                for form in variants::variants(name) {
                    let form = match form {
                        Cow::Borrowed(f) => keep(f),
                        Cow::Owned(f) => Cow::Owned(f),
                    };
                    let map = if is_one_word(&form) { &mut self.words } else { &mut self.phrases };
                    // A pattern already taken by an earlier entry keeps that entry.
                    map.entry(form).or_insert(Pattern { entry });
                }
            }
        }
        Ok(())
    }

    /// Builds the matchers.
    pub fn build(self) -> Gazetteer {
        let mut phrases: Vec<(Cow<'static, str>, Pattern)> = self.phrases.into_iter().collect();
        // Sorted so that pattern ids, and so every result, do not depend on hash order.
        phrases.sort_by(|a, b| a.0.cmp(&b.0));
        let mut phrase_first_bytes = [false; 256];
        for (pattern, _) in &phrases {
            phrase_first_bytes[pattern.as_bytes()[0] as usize] = true;
        }
        let lowercase_words = self.words.keys().any(|w| w.chars().next().is_some_and(char::is_lowercase));
        let automaton = if phrases.is_empty() {
            None
        } else {
            let built = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(phrases.iter().map(|(p, _)| p.as_bytes()));
            // The patterns are non-empty and few enough for the NFA's limits: failure here is a bug.
            Some(built.expect("gazetteer automaton builds"))
        };
        Gazetteer {
            entries: self.entries,
            words: self.words,
            automaton,
            phrases: phrases.into_iter().map(|(_, p)| p).collect(),
            phrase_first_bytes,
            lowercase_words,
        }
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

/// Whether a pattern is a single word token: letters and digits only.
fn is_one_word(pattern: &str) -> bool {
    !pattern.is_empty() && pattern.chars().all(char::is_alphanumeric)
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
