//! Word lexicons that the name rules and the quote rules consult: given names (with a gender
//! hint), surnames, titles, descriptors, demonyms, organization/prison/place head words, common
//! English words and reporting cues. All are embedded TSV files (see `gazetteers/README.md`);
//! the three long lists are built into tables when the crate is compiled ([`words`]), the short
//! ones are parsed once per process. Lookups are per token and never allocate.

mod words;

pub(crate) use words::Sex;

use crate::document::Document;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::label::Label;
use words::{WordLists, rows};

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
///
/// Phrases of two words or more are found by their first two words: "in" begins 53 cue phrases
/// ("in a statement", "in an interview"…) and is among the commonest words of news, so trying
/// every phrase that starts with the first word was most of the cost of the cue look-ups.
pub(crate) struct Phrases<T> {
    /// Each first word: the value of the one-word phrase, if it is one, and whether longer
    /// phrases start with it.
    by_first: FxHashMap<&'static [u8], First<T>>,
    /// Phrases of two words or more by their first two words: the words after those two, and
    /// the value, longest first.
    by_two: FxHashMap<WordPair, Vec<Tail<T>>>,
    /// Whether matching ignores ASCII case (the stored words are then lower case, which a test
    /// checks for the embedded cue list).
    fold_case: bool,
    /// The [`sketch`] of every first word: a word whose sketch is not here begins no phrase.
    /// The name rules ask these lists about most capitalised words, and most begin none of the
    /// few hundred phrases; the sketch turns them away without hashing or lower-casing the word.
    sketches: Box<[u64; SKETCH_WORDS]>,
}

/// The first two words of a phrase (lower case when the list ignores case).
type WordPair = (&'static [u8], &'static [u8]);

/// The words of a phrase after its first two, and its value.
type Tail<T> = (Vec<&'static str>, T);

/// What [`Phrases`] knows of a first word.
#[derive(Clone, Copy)]
struct First<T> {
    alone: Option<T>,
    longer: bool,
}

/// The size of a [`Phrases`] sketch table, in 64-bit words (16,384 bits: the cue list has about a
/// thousand first words, and a table a quarter full let one common word in four through).
const SKETCH_WORDS: usize = 256;

/// A 14-bit fingerprint of a word from its length and its first, second and last bytes (ASCII
/// lower case): the same for every word that matches a stored word, case folded or not.
fn sketch(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else { return 0 };
    let second = bytes.get(1).copied().unwrap_or(0);
    let mix = (bytes.len() as u32).wrapping_mul(0x9E37_79B9)
        ^ u32::from(first.to_ascii_lowercase()).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(second.to_ascii_lowercase()).wrapping_mul(0xC2B2_AE35)
        ^ u32::from(last.to_ascii_lowercase()).wrapping_mul(0x27D4_EB2F);
    (mix >> 18) as usize
}

impl<T: Copy> Phrases<T> {
    fn new(fold_case: bool) -> Phrases<T> {
        Phrases {
            by_first: FxHashMap::default(),
            by_two: FxHashMap::default(),
            fold_case,
            sketches: Box::new([0; SKETCH_WORDS]),
        }
    }

    /// Whether `word` may begin a phrase (no false negatives).
    #[inline]
    fn may_begin(&self, word: &str) -> bool {
        let bit = sketch(word);
        self.sketches[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Adds a phrase: its words are its non-blank tokens ("Lt. Gen." → "Lt", ".", "Gen", ".").
    /// The first value given for a phrase stays.
    fn insert(&mut self, phrase: &'static str, value: T) {
        let words: Vec<&'static str> =
            crate::token::tokenize(phrase).iter().filter(|t| !t.is_blank()).map(|t| &phrase[t.span()]).collect();
        let Some((&first, rest)) = words.split_first() else { return };
        let bit = sketch(first);
        self.sketches[bit / 64] |= 1 << (bit % 64);
        let entry = self.by_first.entry(first.as_bytes()).or_insert(First { alone: None, longer: false });
        let Some((&second, rest)) = rest.split_first() else {
            entry.alone.get_or_insert(value);
            return;
        };
        entry.longer = true;
        let list = self.by_two.entry((first.as_bytes(), second.as_bytes())).or_default();
        if !list.iter().any(|(r, _)| r.as_slice() == rest) {
            list.push((rest.to_vec(), value));
            list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        }
    }

    /// The longest phrase that starts at token `first`: its last token and its value.
    ///
    /// Inlined up to the sketch test, which turns away most words: the rest is a call, and the
    /// call's set-up was a quarter of the cost of the words turned away.
    #[inline]
    pub fn match_at(&self, doc: &Document<'_>, first: usize) -> Option<(usize, T)> {
        let word = doc.word(first);
        if !self.may_begin(word) {
            return None;
        }
        self.match_from(doc, first, word)
    }

    /// [`match_at`](Self::match_at) for a word that passed the sketch.
    fn match_from(&self, doc: &Document<'_>, first: usize, word: &str) -> Option<(usize, T)> {
        let mut buffer = [0u8; 32];
        let key = if self.fold_case { ascii_lowercase(word, &mut buffer)? } else { word.as_bytes() };
        let found = self.by_first.get(key)?;
        let alone = found.alone.map(|value| (first, value));
        if !found.longer {
            return alone;
        }
        let Some(second) = doc.next_solid(first) else { return alone };
        let mut second_buffer = [0u8; 32];
        let second_word = doc.word(second);
        let second_key = if self.fold_case {
            match ascii_lowercase(second_word, &mut second_buffer) {
                Some(lower) => lower,
                None => return alone,
            }
        } else {
            second_word.as_bytes()
        };
        let Some(candidates) = self.by_two.get(&(key, second_key)) else { return alone };
        'candidates: for (rest, value) in candidates {
            let mut at = second;
            for &expected in rest {
                let Some(next) = doc.next_solid(at) else { continue 'candidates };
                at = next;
                let got = doc.word(at);
                let same = if self.fold_case { got.eq_ignore_ascii_case(expected) } else { got == expected };
                if !same {
                    continue 'candidates;
                }
            }
            return Some((at, *value));
        }
        alone
    }

    /// Whether a single word is a whole phrase of the list.
    pub fn contains_word(&self, word: &str) -> Option<T> {
        if !self.may_begin(word) {
            return None;
        }
        let mut buffer = [0u8; 32];
        let key = if self.fold_case { ascii_lowercase(word, &mut buffer)? } else { word.as_bytes() };
        self.by_first.get(key)?.alone
    }
}

/// `word` in ASCII lower case, written into `buffer`; `None` when it is not ASCII or too long.
/// Bytes, not `str`: the tables that are looked up in lower case are keyed by bytes, so the
/// copy needs no UTF-8 check.
pub(crate) fn ascii_lowercase<'b>(word: &str, buffer: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (slot, byte) in buffer.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    Some(&buffer[..bytes.len()])
}

/// All the word lexicons.
pub(crate) struct Lexicon {
    words: WordLists,
    countries: FxHashSet<&'static str>,
    descriptors: FxHashMap<&'static [u8], (Label, Sex)>,
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
        f.debug_struct("Lexicon")
            .field("countries", &self.countries.len())
            .field("cues", &self.cues.by_first.len())
            .finish()
    }
}

/// The long word lists as `build.rs` wrote them.
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// Reads the long word lists compiled into the binary (in place: this only reads their headers).
fn read_compiled_words() -> WordLists {
    WordLists::from_bytes(COMPILED)
}

impl Lexicon {
    /// The embedded lexicons: the long lists compiled into the binary, the short ones parsed.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(&EmbeddedFiles {
            countries: include_str!("../../gazetteers/countries.tsv"),
            titles: include_str!("../../gazetteers/titles.tsv"),
            descriptors: include_str!("../../gazetteers/descriptors.tsv"),
            demonyms: include_str!("../../gazetteers/demonyms.tsv"),
            heads: include_str!("../../gazetteers/heads.tsv"),
            cues: include_str!("../../gazetteers/cues.tsv"),
        })
    }

    fn parse(files: &EmbeddedFiles) -> Lexicon {
        let countries = rows(files.countries).map(|row| row[0]).collect();
        let mut descriptors = FxHashMap::default();
        for row in rows(files.descriptors) {
            let label = if row[1] == "ORG" { Label::Org } else { Label::Person };
            let sex = Sex::parse(row[2]);
            descriptors.entry(row[0].as_bytes()).or_insert((label, sex));
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
        Lexicon { words: read_compiled_words(), countries, descriptors, titles, demonyms, heads, cues, cue_nouns }
    }

    /// The gender hint of a given name, if `word` is one.
    pub fn given_name(&self, word: &str) -> Option<Sex> {
        self.words.given_name(word)
    }

    /// Whether `word` is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.words.is_surname(word)
    }

    /// Whether `word`, lower-cased, is a common English word.
    pub fn is_english(&self, word: &str) -> bool {
        let mut buffer = [0u8; 32];
        ascii_lowercase(word, &mut buffer).is_some_and(|lower| self.words.is_english(lower))
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
    countries: &'static str,
    titles: &'static str,
    descriptors: &'static str,
    demonyms: &'static str,
    heads: &'static str,
    cues: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(fold_case: bool, list: &[(&'static str, u8)]) -> Phrases<u8> {
        let mut phrases = Phrases::new(fold_case);
        for &(phrase, value) in list {
            phrases.insert(phrase, value);
        }
        phrases
    }

    /// The longest phrase at a token, as (its last word, its value).
    fn longest(phrases: &Phrases<u8>, text: &str, first: usize) -> Option<(String, u8)> {
        let doc = Document::new(text);
        phrases.match_at(&doc, first).map(|(end, value)| (doc.word(end).to_string(), value))
    }

    /// The word lists compiled into the binary are the ones the crate builds from the same
    /// files, and read back as they were written.
    #[test]
    fn the_compiled_word_lists_are_the_ones_the_files_give() {
        let built = WordLists::build();
        assert!(built.to_bytes() == COMPILED, "lexicon.bin differs from a fresh build");
        assert!(read_compiled_words() == built, "the compiled word lists read back differently");
        let lexicon = Lexicon::embedded();
        assert_eq!(lexicon.given_name("José"), Some(Sex::Male));
        assert_eq!(lexicon.given_name("Jose"), Some(Sex::Male));
        assert_eq!(lexicon.given_name("Berta"), Some(Sex::Female));
        assert!(lexicon.is_surname("Ferrer") && lexicon.is_english("Prison") && !lexicon.is_english("Havana"));
    }

    #[test]
    fn the_longest_phrase_wins_and_the_first_value_stays() {
        let list =
            [("in", 1), ("in a statement", 2), ("in a statement released", 3), ("in an interview", 4), ("in", 9)];
        let cues = phrases(true, &list);
        let said = |text: &str| longest(&cues, text, 0);
        assert_eq!(said("in a statement released today"), Some(("released".into(), 3)));
        assert_eq!(said("In A  statement, he"), Some(("statement".into(), 2)));
        assert_eq!(said("in an interview"), Some(("interview".into(), 4)));
        assert_eq!(said("in a hurry"), Some(("in".into(), 1)));
        assert_eq!(said("in\na statement"), Some(("in".into(), 1)));
        assert_eq!(said("in"), Some(("in".into(), 1)));
        assert_eq!(said("inn a statement"), None);
        assert_eq!(cues.contains_word("IN"), Some(1));
        assert_eq!(cues.contains_word("statement"), None);
    }

    #[test]
    fn exact_case_lists_match_exactly() {
        let titles = phrases(false, &[("Foreign Minister", 1), ("Lt. Gen.", 2), ("President", 3)]);
        assert_eq!(longest(&titles, "Foreign Minister Moratinos", 0), Some(("Minister".into(), 1)));
        assert_eq!(longest(&titles, "foreign Minister", 0), None);
        assert_eq!(longest(&titles, "Foreign Secretary", 0), None);
        assert_eq!(longest(&titles, "Lt. Gen. Smith", 0), Some((".".into(), 2)));
        assert_eq!(titles.contains_word("President"), Some(3));
        assert_eq!(titles.contains_word("president"), None);
    }

    #[test]
    fn every_first_word_of_the_embedded_lists_passes_the_sketch() {
        let lexicon = Lexicon::embedded();
        let lists: [(&str, bool); 4] = [
            (include_str!("../../gazetteers/titles.tsv"), false),
            (include_str!("../../gazetteers/demonyms.tsv"), false),
            (include_str!("../../gazetteers/heads.tsv"), false),
            (include_str!("../../gazetteers/cues.tsv"), true),
        ];
        let sketched = [
            lexicon.titles.sketches.as_ref(),
            lexicon.demonyms.sketches.as_ref(),
            lexicon.heads.sketches.as_ref(),
            lexicon.cues.sketches.as_ref(),
        ];
        for ((text, fold_case), sketches) in lists.into_iter().zip(sketched) {
            for row in rows(text) {
                let tokens = crate::token::tokenize(row[0]);
                let Some(token) = tokens.iter().find(|t| !t.is_blank()) else { continue };
                let first = &row[0][token.span()];
                let bit = sketch(first);
                assert!(sketches[bit / 64] & (1 << (bit % 64)) != 0, "{first:?} fails the sketch");
                if fold_case {
                    // A list matched without case stores its phrases in lower case: the look-up
                    // lower-cases the text's words, first and second, and compares bytes.
                    assert_eq!(row[0], row[0].to_ascii_lowercase(), "a cue must be written in lower case");
                    let bit = sketch(&first.to_ascii_uppercase());
                    assert!(sketches[bit / 64] & (1 << (bit % 64)) != 0, "{first:?} in capitals fails");
                }
            }
        }
    }
}
