//! The three long word lists of the lexicon: given names, surnames and common English words, as
//! [`WordTable`]s (about 230,000 words).
//!
//! `build.rs` builds them when the crate is compiled (this file is compiled into the build script
//! too) and the binary reads them in place; see [`table`](crate::table) for why.

use crate::table::{Reader, WordTable, Writer};
use crate::text::fold_accents;
use std::borrow::Cow;

/// The grammatical gender a name, title or descriptor suggests: a hint for resolving "he" and
/// "she", never a fact about a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sex {
    Male,
    Female,
    Unknown,
}

impl Sex {
    /// The sex of a list's field: `m`, `f`, or anything else for unknown.
    pub fn parse(field: &str) -> Sex {
        match field.trim() {
            "m" | "M" => Sex::Male,
            "f" | "F" => Sex::Female,
            _ => Sex::Unknown,
        }
    }

    /// How a [`WordTable`] stores it.
    #[cfg_attr(not(test), allow(dead_code))]
    fn code(self) -> u32 {
        match self {
            Sex::Male => 0,
            Sex::Female => 1,
            Sex::Unknown => 2,
        }
    }

    fn from_code(code: u32) -> Sex {
        match code {
            0 => Sex::Male,
            1 => Sex::Female,
            _ => Sex::Unknown,
        }
    }
}

/// The data lines of an embedded file, as their first three fields ("" where a line has fewer).
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = [&'static str; 3]> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|line| {
        let mut fields = line.split('\t').map(str::trim);
        [fields.next().unwrap_or(""), fields.next().unwrap_or(""), fields.next().unwrap_or("")]
    })
}

/// Given names with their gender hint, surnames, and common English words (lower case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WordLists {
    given: WordTable,
    surnames: WordTable,
    english: WordTable,
}

impl WordLists {
    /// Builds the tables from the embedded lists. A name with accents is also stored without
    /// them ("José", "Jose"); the first gender given for a spelling stays.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn build() -> WordLists {
        let with_folded = |name: &'static str, value: u32| {
            let folded = match fold_accents(name) {
                Cow::Owned(folded) => Some((folded, value)),
                Cow::Borrowed(_) => None,
            };
            [(Cow::Borrowed(name), value)].into_iter().chain(folded.map(|(f, v)| (Cow::Owned(f), v)))
        };
        let given: Vec<(Cow<str>, u32)> = rows(include_str!("../../gazetteers/given_names.tsv"))
            .flat_map(|row| with_folded(row[0], Sex::parse(row[1]).code()))
            .collect();
        let surnames: Vec<(Cow<str>, u32)> =
            rows(include_str!("../../gazetteers/surnames.tsv")).flat_map(|row| with_folded(row[0], 0)).collect();
        let english = rows(include_str!("../../gazetteers/english_words.tsv")).map(|row| (row[0].as_bytes(), 0));
        WordLists {
            given: WordTable::new(given.iter().map(|(w, v)| (w.as_bytes(), *v))),
            surnames: WordTable::new(surnames.iter().map(|(w, v)| (w.as_bytes(), *v))),
            english: WordTable::new(english),
        }
    }

    /// The gender hint of a given name, if `word` is one.
    #[inline]
    pub fn given_name(&self, word: &str) -> Option<Sex> {
        self.given.get(word.as_bytes()).map(Sex::from_code)
    }

    /// Whether `word` is a known surname.
    #[inline]
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word.as_bytes())
    }

    /// Whether `lower`, a word in ASCII lower case, is a common English word.
    #[inline]
    pub fn is_english(&self, lower: &[u8]) -> bool {
        self.english.contains(lower)
    }

    /// The tables as `build.rs` writes them into the binary.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer::default();
        for table in [&self.given, &self.surnames, &self.english] {
            table.write(&mut out);
        }
        out.out
    }

    /// Reads tables written by [`to_bytes`](Self::to_bytes), in place.
    pub fn from_bytes(bytes: &'static [u8]) -> WordLists {
        let mut input = Reader::new(bytes);
        let lists = WordLists {
            given: WordTable::read(&mut input),
            surnames: WordTable::read(&mut input),
            english: WordTable::read(&mut input),
        };
        assert!(input.is_done(), "the compiled word lists have nothing after the English words");
        lists
    }
}
