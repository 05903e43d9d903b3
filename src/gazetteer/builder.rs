//! Building a gazetteer: parsing lists, checking user lists, and putting every name and its
//! spelling variants into a [`TrieBuilder`].
//!
//! The embedded lists are built by `build.rs` when the crate is compiled (this file is compiled
//! into the build script too); at run time only an annotator with user lists builds one, its
//! user lists first and then the embedded lists, so that user entries take precedence.

use super::trie::{Trie, TrieBuilder};
use super::variants;
use crate::error::{Error, Warning};
use crate::fxhash::FxHashMap;
use crate::label::Label;
use crate::table::{Bytes, Reader, U32s, Writer};
use std::borrow::Cow;

/// The lists compiled into the binary, in priority order: when two entries share a pattern, the
/// earlier list keeps it. Curated people, prisons and organizations come before places so that
/// "Guantanamo" (the prison) and "Catholic Church" win over the places they contain or share.
/// Only `build.rs` (and the tests) build them: the crate reads the compiled tables.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const EMBEDDED_LISTS: &[(&str, &str)] = &[
    ("gazetteers/people.tsv", include_str!("../../gazetteers/people.tsv")),
    ("gazetteers/prisons.tsv", include_str!("../../gazetteers/prisons.tsv")),
    ("gazetteers/organizations.tsv", include_str!("../../gazetteers/organizations.tsv")),
    ("gazetteers/politics.tsv", include_str!("../../gazetteers/politics.tsv")),
    ("gazetteers/places.tsv", include_str!("../../gazetteers/places.tsv")),
];

/// One known referent while the gazetteer is built: its label and canonical name.
#[derive(Clone, Debug)]
struct Entry {
    pub label: Label,
    pub name: Cow<'static, str>,
}

/// Collects entries and patterns before the trie is final.
#[derive(Default)]
pub(crate) struct GazetteerBuilder {
    entries: Vec<Entry>,
    trie: TrieBuilder,
    /// Every name and alias of the user lists so far, with where it was first given.
    user_names: FxHashMap<String, FirstSeen>,
    /// The files of the user lists so far, indexed by [`FirstSeen::source`].
    user_sources: Vec<String>,
    /// The warnings about the user lists so far.
    pub warnings: Vec<Warning>,
    /// Tells a common English word ("the", "said"), to warn about user names that are one: the
    /// annotator's lexicon (this file is compiled into `build.rs` too, which has none).
    pub common_word: Option<fn(&str) -> bool>,
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

#[cfg_attr(not(test), allow(dead_code))]
impl GazetteerBuilder {
    /// Makes room in the trie for lists of `bytes` bytes in all, so that adding several lists
    /// one after the other does not rehash the tables at each (a twentieth of the build before).
    pub fn reserve_for(&mut self, bytes: usize) {
        self.trie.reserve_for(bytes);
    }

    #[cfg_attr(not(test), allow(dead_code))]
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
        // A user list is read to its end, so that every malformed line is reported at once.
        let mut problems: Vec<Error> = Vec::new();
        for (index, line) in lines(text).enumerate() {
            let number = index + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let label = fields.next().unwrap_or_default();
            let label: Label = match label.trim().parse() {
                Ok(label) => label,
                Err(e) => {
                    problems.push(Error::line(source, number, format!("{e}, found {label:?}")));
                    continue;
                }
            };
            names.clear();
            names.extend(fields.map(str::trim));
            if names.is_empty() {
                problems.push(Error::line(source, number, "expected LABEL<TAB>NAME[<TAB>ALIAS]..."));
                continue;
            }
            if let Some(column) = names.iter().position(|n| n.is_empty()) {
                problems.push(Error::line(source, number, if column == 0 { "empty name" } else { "empty alias" }));
                continue;
            }
            if !user && !problems.is_empty() {
                break;
            }
            let mut entry = self.entries.len() as u32;
            if user {
                match self.check_user_entry(source, number, label, &names) {
                    Ok(UserEntry::New) => {}
                    Ok(UserEntry::Merge(earlier)) => entry = earlier,
                    Ok(UserEntry::Skip) => continue,
                    Err(problem) => {
                        problems.push(problem);
                        continue;
                    }
                }
            }
            if !problems.is_empty() {
                // The list will be refused: what follows is only checked.
                continue;
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
        match problems.len() {
            0 => Ok(()),
            1 => Err(problems.remove(0)),
            _ => Err(Error::many(problems)),
        }
    }

    /// Checks one entry of a user list against the entries before it, records its names, and
    /// says what to do with it.
    fn check_user_entry(
        &mut self,
        source: &str,
        line: usize,
        label: Label,
        names: &[&str],
    ) -> Result<UserEntry, Error> {
        let warn = |message: String| Warning::new(source, line, message);
        for name in names {
            if name.chars().count() == 1 {
                let message =
                    format!("{name:?} is a single character, which would match that character wherever it stands");
                return Err(Error::line(source, line, message));
            }
            if !name.chars().any(char::is_alphanumeric) {
                self.warnings.push(warn(format!("{name:?} has no letter or digit; the entry is ignored")));
                return Ok(UserEntry::Skip);
            }
            let words = name.split_whitespace().count();
            if words > MAX_NAME_WORDS {
                let message = format!(
                    "a name of {words} words is longer than the limit of {MAX_NAME_WORDS}; the entry is ignored"
                );
                self.warnings.push(warn(message));
                return Ok(UserEntry::Skip);
            }
            // Matching is case-sensitive: a lowercase name is found in running text, a
            // capitalised one where a sentence begins with it.
            if let Some(common) = self.common_word
                && name.split_whitespace().all(common)
            {
                if !name.chars().any(char::is_uppercase) {
                    let message =
                        format!("{name:?} is a common English word: it will be found wherever the word is written so");
                    self.warnings.push(warn(message));
                } else if words == 1 {
                    let message = format!(
                        "{name:?} is also a common English word: it will be found wherever a sentence begins with it"
                    );
                    self.warnings.push(warn(message));
                }
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
        Ok(match earlier {
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
        })
    }

    /// "first on line 3", or "first in FILE, line 3" when that is another file.
    fn place(&self, seen: FirstSeen, source: usize) -> String {
        if seen.source == source {
            format!("first on line {}", seen.line)
        } else {
            format!("first in {}, line {}", self.user_sources[seen.source], seen.line)
        }
    }

    #[cfg_attr(not(test), allow(dead_code))]
    /// Adds the embedded lists, in their order of priority.
    pub fn add_embedded(&mut self) {
        self.reserve_for(EMBEDDED_LISTS.iter().map(|(_, text)| text.len()).sum());
        for (name, text) in EMBEDDED_LISTS {
            // The embedded lists are checked when the crate is compiled: `build.rs` builds them.
            self.add_static(name, text).expect("embedded gazetteers are well-formed");
        }
    }

    /// Finishes the gazetteer: its entries and its trie, laid out flat.
    pub fn finish(self) -> (Entries, Trie) {
        let mut labels = Vec::with_capacity(self.entries.len());
        let mut name_ends = Vec::with_capacity(self.entries.len());
        let mut names = String::new();
        for entry in &self.entries {
            labels.push(entry.label.code());
            names.push_str(&entry.name);
            name_ends.push(u32::try_from(names.len()).expect("user gazetteers are at most 256 MiB"));
        }
        let entries =
            Entries { labels: Cow::Owned(labels), name_ends: U32s::from_values(&name_ends), names: Cow::Owned(names) };
        (entries, self.trie.finish())
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
pub(super) fn lines(text: &str) -> impl Iterator<Item = &str> {
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

/// A gazetteer's tables as `build.rs` writes them into the binary: the entries, then the trie.
/// The entries' names go to a file of their own ([`Entries::names`]).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write_tables(entries: &Entries, trie: &Trie) -> Vec<u8> {
    let mut out = Writer::default();
    entries.write(&mut out);
    trie.write(&mut out);
    out.out
}

/// Reads tables written by [`write_tables`], with the entries' `names`, in place.
pub(crate) fn read_tables(bytes: &'static [u8], names: &'static str) -> (Entries, Trie) {
    let mut input = Reader::new(bytes);
    let entries = Entries::read(&mut input, names);
    let trie = Trie::read(&mut input);
    assert!(input.is_done(), "the compiled gazetteer has nothing after its trie");
    (entries, trie)
}

/// The entries of a finished gazetteer: each one's label and canonical name, by entry number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entries {
    /// [`Label::code`] of each entry.
    labels: Bytes,
    /// Where each entry's name ends in `names` (it begins where the one before ends).
    name_ends: U32s,
    /// Every name, one after the other.
    names: Cow<'static, str>,
}

impl Entries {
    /// The label and canonical name of entry `id`.
    pub fn get(&self, id: u32) -> (Label, &str) {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.name_ends.get(id - 1) as usize };
        let end = self.name_ends.get(id) as usize;
        (self.label(id as u32), &self.names[start..end])
    }

    /// The label of entry `id`.
    pub fn label(&self, id: u32) -> Label {
        Label::ALL[usize::from(self.labels[id as usize])]
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Appends the entries to `out`, but for their names, which [`names`](Self::names) gives: the
    /// build script writes them to a text file of their own, so that the binary holds them as a
    /// `&str` that needs no UTF-8 check when it is read.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn write(&self, out: &mut Writer) {
        out.bytes(&self.labels);
        out.u32s(&self.name_ends);
    }

    /// Every name, one after the other.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn names(&self) -> &str {
        &self.names
    }

    /// Reads entries written by [`write`](Self::write), with their `names`.
    pub fn read(input: &mut Reader, names: &'static str) -> Entries {
        let labels = Cow::Borrowed(input.bytes());
        let name_ends = input.u32s();
        Entries { labels, name_ends, names: Cow::Borrowed(names) }
    }
}
