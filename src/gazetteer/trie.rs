//! A trie of tokens: gazetteer names stored as paths of words, matched token by token.
//!
//! Words are interned once; an edge is (node, word, whether a space comes before the word), so
//! "Díaz-Balart" (no spaces) and "Díaz Balart" are different paths and neither matches "Díaz -
//! Balart". Nodes that end a name carry its entry; the first entry to claim a path keeps it.

use crate::document::Document;
use crate::fxhash::FxHashMap;
use crate::token::{self, TokenKind};
use std::borrow::Cow;

const NONE: u32 = u32::MAX;

/// An interned word: its id, and the node a name starting with it leads to (so that the first,
/// most frequent look-up of each token needs one hash, not two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Word {
    id: u32,
    root_child: u32,
}

/// The key of an edge: the node, the word's id and whether a space comes before the word, in one
/// 64-bit integer (one step of the hasher instead of three).
fn edge_key(node: u32, word: u32, spaced: bool) -> u64 {
    u64::from(node) << 32 | u64::from(word) << 1 | u64::from(spaced)
}

/// The bit of a word's length in [`TokenTrie::lower_first_lengths`].
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The bit of a word's last byte in [`TokenTrie::lower_first_ends`].
fn end_bit(word: &[u8]) -> u32 {
    match word.last() {
        Some(&b) if b.is_ascii_lowercase() => 1 << (b - b'a'),
        _ => 1 << 31,
    }
}

/// The trie. Node 0 is the root.
#[derive(Clone, Debug)]
pub(crate) struct TokenTrie {
    /// Interned words.
    words: FxHashMap<Cow<'static, str>, Word>,
    /// (node, word, spaced), packed by [`edge_key`], → child node.
    edges: FxHashMap<u64, u32>,
    /// For each node, the entry of the name that ends there, or `NONE`.
    entries: Vec<u32>,
    /// Bytes that begin the first word of some name: other tokens are not looked up at all.
    first_bytes: [bool; 256],
    /// The few first words that begin with a lowercase ASCII letter ("al-Qaeda", "dpa",
    /// "teleSUR"), by that letter. Lowercase words are most tokens of a text ("the", "to",
    /// "and"): checking them against these short lists instead of the big word table saves a
    /// cache miss per word.
    lower_first_words: [Vec<Box<str>>; 26],
    /// For each lowercase letter, a bit per length (31 for 31 bytes or more) of the first words
    /// in `lower_first_words`: most lowercase tokens have a letter and length that begins no
    /// name, and are turned away by a bit test without a call.
    lower_first_lengths: [u32; 26],
    /// The same for the last byte (a bit per letter, 31 for anything else): "the", the
    /// commonest word of all, has the letter and length of "thi" and "taz", not their ends.
    lower_first_ends: [u32; 26],
    /// A token buffer reused by [`insert`](Self::insert), so that building the trie does not
    /// allocate one per name.
    scratch: Vec<token::Token>,
}

impl Default for TokenTrie {
    fn default() -> TokenTrie {
        TokenTrie {
            words: FxHashMap::default(),
            edges: FxHashMap::default(),
            entries: vec![NONE],
            first_bytes: [false; 256],
            lower_first_words: Default::default(),
            lower_first_lengths: [0; 26],
            lower_first_ends: [0; 26],
            scratch: Vec::new(),
        }
    }
}

impl TokenTrie {
    /// Makes room for the names of a list of `bytes` bytes (about one word and one edge per
    /// eight bytes), so that the tables do not rehash while they grow.
    pub fn reserve_for(&mut self, bytes: usize) {
        self.words.reserve(bytes / 12);
        self.edges.reserve(bytes / 10);
        self.entries.reserve(bytes / 10);
    }

    /// Adds `pattern` as a name of `entry`, unless another entry has it already. `keep` turns
    /// slices of the pattern into stored words (borrowed for embedded lists, copied otherwise).
    pub fn insert<'a>(&mut self, pattern: &'a str, keep: &dyn Fn(&'a str) -> Cow<'static, str>, entry: u32) {
        let mut node = 0u32;
        let mut spaced = false;
        let mut first = true;
        let mut tokens = std::mem::take(&mut self.scratch);
        token::tokenize_into(pattern, &mut tokens);
        for &t in &tokens {
            match t.kind {
                TokenKind::Space | TokenKind::LineBreak => {
                    spaced = true;
                    continue;
                }
                _ => {}
            }
            let word = &pattern[t.span()];
            if first {
                let byte = word.as_bytes()[0];
                self.first_bytes[byte as usize] = true;
                if byte.is_ascii_lowercase() {
                    let list = &mut self.lower_first_words[usize::from(byte - b'a')];
                    if !list.iter().any(|w| **w == *word) {
                        list.push(word.into());
                    }
                    self.lower_first_lengths[usize::from(byte - b'a')] |= length_bit(word.len());
                    self.lower_first_ends[usize::from(byte - b'a')] |= end_bit(word.as_bytes());
                }
            }
            let next_id = self.words.len() as u32;
            let known = self.words.get(word).copied();
            let mut record = match known {
                Some(record) => record,
                None => Word { id: next_id, root_child: NONE },
            };
            let child = if first {
                if record.root_child == NONE {
                    record.root_child = self.entries.len() as u32;
                    self.entries.push(NONE);
                }
                record.root_child
            } else {
                let fresh = self.entries.len() as u32;
                let child = *self.edges.entry(edge_key(node, record.id, spaced)).or_insert(fresh);
                if child == fresh {
                    self.entries.push(NONE);
                }
                child
            };
            // Most words of a list are known already and their record does not change: no
            // second look-up for them.
            match known {
                Some(stored) if stored == record => {}
                Some(_) => {
                    if let Some(stored) = self.words.get_mut(word) {
                        *stored = record;
                    }
                }
                None => {
                    self.words.insert(keep(word), record);
                }
            }
            node = child;
            spaced = false;
            first = false;
        }
        self.scratch = tokens;
        if node != 0 && self.entries[node as usize] == NONE {
            self.entries[node as usize] = entry;
        }
    }

    /// The longest name that starts at token `first`: its last token and its entry.
    ///
    /// This runs once per token: the test of the first byte is inlined into the caller's loop,
    /// the rest is a call.
    #[inline(always)]
    pub fn longest_at(&self, doc: &Document<'_>, first: usize) -> Option<(usize, u32)> {
        let span = doc.tokens[first].span();
        let first_byte = doc.text.as_bytes()[span.start];
        if !self.first_bytes[first_byte as usize] {
            return None;
        }
        if first_byte.is_ascii_lowercase() {
            let letter = usize::from(first_byte - b'a');
            let word = &doc.text.as_bytes()[span.start..span.end];
            if self.lower_first_lengths[letter] & length_bit(span.len()) == 0
                || self.lower_first_ends[letter] & end_bit(word) == 0
            {
                return None;
            }
        }
        self.longest_from(doc, first, first_byte)
    }

    /// [`longest_at`](Self::longest_at) for a token whose first byte begins some name.
    fn longest_from(&self, doc: &Document<'_>, first: usize, first_byte: u8) -> Option<(usize, u32)> {
        let tokens = &doc.tokens;
        let first_word = doc.word(first);
        if first_byte.is_ascii_lowercase()
            && !self.lower_first_words[usize::from(first_byte - b'a')].iter().any(|w| **w == *first_word)
        {
            return None;
        }
        let mut node = self.words.get(first_word)?.root_child;
        let mut best = None;
        let mut i = first;
        while node != NONE {
            let entry = self.entries[node as usize];
            if entry != NONE {
                best = Some((i, entry));
            }
            i += 1;
            let mut spaced = false;
            match tokens.get(i).map(|t| t.kind) {
                None | Some(TokenKind::LineBreak) => break,
                Some(TokenKind::Space) => {
                    spaced = true;
                    i += 1;
                    if i >= tokens.len() {
                        break;
                    }
                }
                _ => {}
            }
            node = match self.words.get(doc.word(i)) {
                Some(word) => self.edges.get(&edge_key(node, word.id, spaced)).copied().unwrap_or(NONE),
                None => NONE,
            };
        }
        best
    }

    /// Whether the trie holds no name.
    pub fn is_empty(&self) -> bool {
        self.entries.iter().all(|&e| e == NONE)
    }
}
