//! Word lexicons that the name rules and the quote rules consult: given names (with a gender
//! hint), surnames, titles, descriptors, demonyms, organization/prison/place head words, common
//! English words and reporting cues. All are embedded TSV files (see `gazetteers/README.md`),
//! parsed once; lookups are per token and never allocate.

use crate::document::Document;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::gazetteer::variants::fold_accents;
use crate::label::Label;
use crate::token::TokenKind;
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
    fn parse(field: &str) -> Sex {
        match field.trim() {
            "m" | "M" => Sex::Male,
            "f" | "F" => Sex::Female,
            _ => Sex::Unknown,
        }
    }
}

/// What a reporting cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb in any form: "said", "denounced", "tweeted".
    Verb,
    /// A noun that heads an attribution: "statement", "letter".
    Noun,
    /// A fixed phrase: "according to", "in a statement".
    Phrase,
}

/// A title or role before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Title {
    /// `true` for honorifics (Mr., Dr.), `false` for roles (President, Foreign Minister).
    pub honorific: bool,
    pub sex: Sex,
}

/// Word sequences matched on the tokens of a document, longest first.
pub(crate) struct Phrases<T> {
    by_first: FxHashMap<&'static str, Vec<(Vec<&'static str>, T)>>,
    /// Whether matching ignores ASCII case (the stored words are then lower case).
    fold_case: bool,
}

impl<T: Copy> Phrases<T> {
    fn new(fold_case: bool) -> Phrases<T> {
        Phrases { by_first: FxHashMap::default(), fold_case }
    }

    /// Adds a phrase: its words are its non-blank tokens ("Lt. Gen." → "Lt", ".", "Gen", ".").
    fn insert(&mut self, phrase: &'static str, value: T) {
        let words: Vec<&'static str> =
            crate::token::tokenize(phrase).iter().filter(|t| !t.is_blank()).map(|t| &phrase[t.span]).collect();
        let Some((&first, rest)) = words.split_first() else { return };
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|(r, _)| r.as_slice() == rest) {
            list.push((rest.to_vec(), value));
            list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        }
    }

    /// The longest phrase that starts at token `first`: its last token and its value.
    pub fn match_at(&self, doc: &Document<'_>, first: usize) -> Option<(usize, T)> {
        let word = doc.word(first);
        let mut buffer = [0u8; 32];
        let key = if self.fold_case { ascii_lowercase(word, &mut buffer)? } else { word };
        let candidates = self.by_first.get(key)?;
        'candidates: for (rest, value) in candidates {
            let mut at = first;
            for &expected in rest {
                at += 1;
                while at < doc.tokens.len() && doc.tokens[at].kind == TokenKind::Space {
                    at += 1;
                }
                if at >= doc.tokens.len() {
                    continue 'candidates;
                }
                let got = doc.word(at);
                let same = if self.fold_case { got.eq_ignore_ascii_case(expected) } else { got == expected };
                if !same {
                    continue 'candidates;
                }
            }
            return Some((at, *value));
        }
        None
    }

    /// Whether a single word is a whole phrase of the list.
    pub fn contains_word(&self, word: &str) -> Option<T> {
        let mut buffer = [0u8; 32];
        let key = if self.fold_case { ascii_lowercase(word, &mut buffer)? } else { word };
        self.by_first.get(key)?.iter().find(|(rest, _)| rest.is_empty()).map(|(_, v)| *v)
    }
}

/// `word` in ASCII lower case, written into `buffer`; `None` when it is not ASCII or too long.
pub(crate) fn ascii_lowercase<'b>(word: &str, buffer: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (slot, byte) in buffer.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(&buffer[..bytes.len()]).ok()
}

/// All the word lexicons.
pub(crate) struct Lexicon {
    given: FxHashMap<Cow<'static, str>, Sex>,
    surnames: FxHashSet<Cow<'static, str>>,
    english: FxHashSet<&'static str>,
    countries: FxHashSet<&'static str>,
    descriptors: FxHashMap<&'static str, (Label, Sex)>,
    pub titles: Phrases<Title>,
    pub demonyms: Phrases<()>,
    pub heads: Phrases<Label>,
    pub cues: Phrases<CueKind>,
    /// One-word cue nouns, also those that are verbs too ("email", "post", "text"): a
    /// [`Phrases`] entry keeps one kind per surface, the verb.
    cue_nouns: FxHashSet<&'static str>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("given", &self.given.len()).field("surnames", &self.surnames.len()).finish()
    }
}

/// The data lines of an embedded file, as their first three fields ("" where a line has fewer).
fn rows(text: &'static str) -> impl Iterator<Item = [&'static str; 3]> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|line| {
        let mut fields = line.split('\t').map(str::trim);
        [fields.next().unwrap_or(""), fields.next().unwrap_or(""), fields.next().unwrap_or("")]
    })
}

impl Lexicon {
    /// Parses the embedded lexicon files.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(&EmbeddedFiles {
            given_names: include_str!("../gazetteers/given_names.tsv"),
            surnames: include_str!("../gazetteers/surnames.tsv"),
            english_words: include_str!("../gazetteers/english_words.tsv"),
            countries: include_str!("../gazetteers/countries.tsv"),
            titles: include_str!("../gazetteers/titles.tsv"),
            descriptors: include_str!("../gazetteers/descriptors.tsv"),
            demonyms: include_str!("../gazetteers/demonyms.tsv"),
            heads: include_str!("../gazetteers/heads.tsv"),
            cues: include_str!("../gazetteers/cues.tsv"),
        })
    }

    fn parse(files: &EmbeddedFiles) -> Lexicon {
        // Tables sized up front: rehashing while they grow was a tenth of start-up.
        let sized = |text: &str| text.len() / 8;
        let mut given = FxHashMap::with_capacity_and_hasher(sized(files.given_names) * 2, Default::default());
        for row in rows(files.given_names) {
            let sex = Sex::parse(row[1]);
            for form in [Cow::Borrowed(row[0]), fold_accents(row[0])] {
                given.entry(form).or_insert(sex);
            }
        }
        let mut surnames = FxHashSet::with_capacity_and_hasher(sized(files.surnames) * 2, Default::default());
        for row in rows(files.surnames) {
            surnames.insert(Cow::Borrowed(row[0]));
            surnames.insert(fold_accents(row[0]));
        }
        let mut english = FxHashSet::with_capacity_and_hasher(sized(files.english_words), Default::default());
        english.extend(rows(files.english_words).map(|row| row[0]));
        let countries = rows(files.countries).map(|row| row[0]).collect();
        let mut descriptors = FxHashMap::default();
        for row in rows(files.descriptors) {
            let label = if row[1] == "ORG" { Label::Org } else { Label::Person };
            let sex = Sex::parse(row[2]);
            descriptors.entry(row[0]).or_insert((label, sex));
        }
        let mut titles = Phrases::new(false);
        for row in rows(files.titles) {
            let honorific = row[1] == "honorific";
            let sex = Sex::parse(row[2]);
            titles.insert(row[0], Title { honorific, sex });
        }
        let mut demonyms = Phrases::new(false);
        for row in rows(files.demonyms) {
            demonyms.insert(row[0], ());
        }
        let mut heads = Phrases::new(false);
        for row in rows(files.heads) {
            if let Ok(label) = row[1].parse::<Label>() {
                heads.insert(row[0], label);
            }
        }
        let mut cues = Phrases::new(true);
        let mut cue_rows: Vec<(&'static str, CueKind)> = rows(files.cues)
            .map(|row| {
                let kind = match row[2] {
                    "noun" => CueKind::Noun,
                    "phrase" => CueKind::Phrase,
                    _ => CueKind::Verb,
                };
                (row[0], kind)
            })
            .collect();
        // A form that is both a verb and a noun ("answer", "comment") is read as the verb.
        cue_rows.sort_by_key(|&(_, kind)| kind != CueKind::Verb);
        let cue_nouns = cue_rows
            .iter()
            .filter(|&&(form, kind)| kind == CueKind::Noun && !form.contains(' '))
            .map(|&(form, _)| form)
            .collect();
        for (form, kind) in cue_rows {
            cues.insert(form, kind);
        }
        Lexicon { given, surnames, english, countries, descriptors, titles, demonyms, heads, cues, cue_nouns }
    }

    /// The gender hint of a given name, if `word` is one.
    pub fn given_name(&self, word: &str) -> Option<Sex> {
        self.given.get(word).copied()
    }

    /// Whether `word` is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether `word`, lower-cased, is a common English word.
    pub fn is_english(&self, word: &str) -> bool {
        let mut buffer = [0u8; 32];
        ascii_lowercase(word, &mut buffer).is_some_and(|lower| self.english.contains(lower))
    }

    /// Whether `name` is a name of a country or territory ("China", "US", "Georgia").
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }

    /// Whether a word (lower case) is a one-word cue noun: "statement", "email", "tweet".
    pub fn is_cue_noun(&self, word: &str) -> bool {
        self.cue_nouns.contains(word)
    }

    /// The label and gender hint of a descriptor noun ("activist", "newspaper"), lower case.
    pub fn descriptor(&self, word: &str) -> Option<(Label, Sex)> {
        let mut buffer = [0u8; 32];
        self.descriptors.get(ascii_lowercase(word, &mut buffer)?).copied()
    }
}

struct EmbeddedFiles {
    given_names: &'static str,
    surnames: &'static str,
    english_words: &'static str,
    countries: &'static str,
    titles: &'static str,
    descriptors: &'static str,
    demonyms: &'static str,
    heads: &'static str,
    cues: &'static str,
}
