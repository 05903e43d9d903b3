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

use crate::error::{Error, Warning};
use crate::fxhash::FxHashMap;
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
    /// Every name and alias of the user lists so far, with where it was first given.
    user_names: FxHashMap<String, FirstSeen>,
    /// The files of the user lists so far, indexed by [`FirstSeen::source`].
    user_sources: Vec<String>,
    /// The warnings about the user lists so far.
    pub warnings: Vec<Warning>,
}

/// Where a user name was first given: its entry, file and line.
#[derive(Clone, Copy)]
struct FirstSeen {
    entry: u32,
    source: usize,
    line: usize,
}

/// A user name with more words than this is ignored with a warning: no name is that long, and
/// matching walks a name word by word at every token that can begin it.
pub(crate) const MAX_NAME_WORDS: usize = 32;

impl GazetteerBuilder {
    /// Makes room in the trie for lists of `bytes` bytes in all, so that adding several lists
    /// one after the other does not rehash the tables at each (a twentieth of the build before).
    pub fn reserve_for(&mut self, bytes: usize) {
        self.trie.reserve_for(bytes);
    }

    /// Adds the entries of an embedded list, borrowing its names.
    pub fn add_static(&mut self, source: &str, text: &'static str) -> Result<(), Error> {
        self.add_lines(source, text, Cow::Borrowed, false)
    }

    /// Adds the entries of a user list, copying its names. A byte-order mark at its start is
    /// skipped; duplicate entries, names already given to another entry, names without a letter
    /// or digit and overlong names give warnings (see [`warnings`](Self::warnings)).
    pub fn add_owned(&mut self, source: &str, text: &str) -> Result<(), Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        self.user_sources.push(source.to_string());
        self.add_lines(source, text, |s| Cow::Owned(s.to_string()), true)
    }

    /// Parses `text` line by line; `keep` turns a slice of it into a stored name; `user` lists
    /// are checked for duplicates.
    fn add_lines<'a>(
        &mut self,
        source: &str,
        text: &'a str,
        keep: impl Fn(&'a str) -> Cow<'static, str>,
        user: bool,
    ) -> Result<(), Error> {
        self.trie.reserve_for(text.len());
        // One buffer for the names of every line (a vector per line was a tenth of the build).
        let mut names: Vec<&'a str> = Vec::new();
        for (index, line) in lines(text).enumerate() {
            let number = index + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let label = fields.next().unwrap_or_default();
            let label: Label =
                label.trim().parse().map_err(|e| Error::line(source, number, format!("{e}, found {label:?}")))?;
            names.clear();
            names.extend(fields.map(str::trim));
            if names.is_empty() {
                return Err(Error::line(source, number, "expected LABEL<TAB>NAME[<TAB>ALIAS]..."));
            }
            if let Some(column) = names.iter().position(|n| n.is_empty()) {
                return Err(Error::line(source, number, if column == 0 { "empty name" } else { "empty alias" }));
            }
            let mut entry = self.entries.len() as u32;
            if user {
                match self.check_user_entry(source, number, label, &names) {
                    UserEntry::New => {}
                    UserEntry::Merge(earlier) => entry = earlier,
                    UserEntry::Skip => continue,
                }
            }
            if entry as usize == self.entries.len() {
                self.entries.push(Entry { label, name: keep(names[0]) });
            }
            for &name in &names {
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

    /// Checks one entry of a user list against the entries before it, records its names, and
    /// says what to do with it.
    fn check_user_entry(&mut self, source: &str, line: usize, label: Label, names: &[&str]) -> UserEntry {
        let warn = |message: String| Warning::new(source, line, message);
        for name in names {
            if !name.chars().any(char::is_alphanumeric) {
                self.warnings.push(warn(format!("{name:?} has no letter or digit; the entry is ignored")));
                return UserEntry::Skip;
            }
            let words = name.split_whitespace().count();
            if words > MAX_NAME_WORDS {
                let message = format!(
                    "a name of {words} words is longer than the limit of {MAX_NAME_WORDS}; the entry is ignored"
                );
                self.warnings.push(warn(message));
                return UserEntry::Skip;
            }
        }
        let entry = self.entries.len() as u32;
        let source_index = self.user_sources.len() - 1;
        // The same label and name as an earlier entry: one entry, with the aliases of both.
        let earlier = self.user_names.get(names[0]).copied().filter(|seen| {
            let first = &self.entries[seen.entry as usize];
            first.label == label && first.name == names[0]
        });
        let target = earlier.map_or(entry, |seen| seen.entry);
        let mut new_names = 0;
        for &name in names {
            match self.user_names.get(name).copied() {
                None => {
                    self.user_names.insert(name.to_string(), FirstSeen { entry: target, source: source_index, line });
                    new_names += 1;
                }
                Some(seen) if seen.entry == target => {}
                Some(seen) => {
                    let first = &self.entries[seen.entry as usize];
                    let message = format!(
                        "{name:?} already names {} {:?} ({}); it stays with that entry",
                        first.label,
                        first.name,
                        self.place(seen, source_index)
                    );
                    self.warnings.push(warn(message));
                }
            }
        }
        match earlier {
            None => UserEntry::New,
            Some(seen) => {
                let mut message =
                    format!("duplicate entry {label} {:?} ({})", names[0], self.place(seen, source_index));
                if new_names > 0 {
                    message.push_str("; its other aliases are added to that entry");
                }
                self.warnings.push(warn(message));
                UserEntry::Merge(seen.entry)
            }
        }
    }

    /// "first on line 3", or "first in FILE, line 3" when that is another file.
    fn place(&self, seen: FirstSeen, source: usize) -> String {
        if seen.source == source {
            format!("first on line {}", seen.line)
        } else {
            format!("first in {}, line {}", self.user_sources[seen.source], seen.line)
        }
    }

    /// Finishes the gazetteer.
    pub fn build(self) -> Gazetteer {
        Gazetteer { entries: self.entries, trie: self.trie }
    }
}

/// What to do with an entry of a user list.
enum UserEntry {
    /// Add it.
    New,
    /// Add its names to this earlier entry of the same label and name.
    Merge(u32),
    /// Ignore it (a warning says why).
    Skip,
}

/// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r`, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        // A byte search: both bytes are ASCII, so no UTF-8 decoding is needed to find them.
        match current.bytes().position(|b| b == b'\n' || b == b'\r') {
            Some(at) => {
                let after = if current[at..].starts_with("\r\n") { at + 2 } else { at + 1 };
                rest = Some(&current[after..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                // Like `str::lines`: no empty last line after a final line break.
                (!current.is_empty()).then_some(current)
            }
        }
    })
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
            assert_eq!(gazetteer.entry(1).name, "UNPACU", "list {list:?}");
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
