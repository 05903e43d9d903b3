//! A trie of tokens: gazetteer names stored as paths of words, matched token by token.
//!
//! Words are interned once; an edge is (node, word, whether a space comes before the word), so
//! "Díaz-Balart" (no spaces) and "Díaz Balart" are different paths and neither matches "Díaz -
//! Balart". Nodes that end a name carry its entry; the first entry to claim a path keeps it.
//!
//! A [`TrieBuilder`] grows in hash maps; [`TrieBuilder::finish`] lays it out flat as a [`Trie`]:
//! the words in a [`WordTable`], each node a block of one array. The flat form is what
//! `build.rs` writes for the embedded lists and what the binary reads in place (see
//! [`table`](crate::table)); matching is in `matcher.rs`. This file is compiled into the build
//! script too, so it does not depend on [`Document`](crate::document::Document).

use crate::fxhash::FxHashMap;
use crate::table::{Reader, U32s, WordTable, Writer};
use crate::token::{self, TokenKind};
use std::borrow::Cow;

/// No node, or no entry.
pub(super) const NONE: u32 = u32::MAX;

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

/// The bit of a word's length in [`FirstWords::lower_lengths`].
pub(super) fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The bit of a word's last byte in [`FirstWords::lower_ends`].
pub(super) fn end_bit(word: &[u8]) -> u32 {
    match word.last() {
        Some(&b) if b.is_ascii_lowercase() => 1 << (b - b'a'),
        _ => 1 << 31,
    }
}

/// A trie being built. Node 0 is the root.
#[derive(Clone, Debug)]
pub(crate) struct TrieBuilder {
    /// Interned words.
    words: FxHashMap<Cow<'static, str>, Word>,
    /// (node, word, spaced), packed by [`edge_key`], → child node.
    edges: FxHashMap<u64, u32>,
    /// For each node, the entry of the name that ends there, or `NONE`.
    entries: Vec<u32>,
    /// The first-word filters of the finished trie (see [`Trie`]).
    filters: FirstWords,
    /// A token buffer reused by [`insert`](Self::insert), so that building the trie does not
    /// allocate one per name.
    scratch: Vec<token::Token>,
}

/// What the words that begin a name have in common, so that matching can turn away most tokens
/// without looking them up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FirstWords {
    /// Bytes that begin the first word of some name: other tokens are not looked up at all.
    pub bytes: [bool; 256],
    /// The few first words that begin with a lowercase ASCII letter ("al-Qaeda", "dpa",
    /// "teleSUR"), by that letter. Lowercase words are most tokens of a text ("the", "to",
    /// "and"): checking them against these short lists instead of the big word table saves a
    /// cache miss per word.
    pub lower_words: [Vec<Box<str>>; 26],
    /// For each lowercase letter, a bit per length (31 for 31 bytes or more) of the first words
    /// in `lower_words`: most lowercase tokens have a letter and length that begins no name, and
    /// are turned away by a bit test without a call.
    pub lower_lengths: [u32; 26],
    /// The same for the last byte (a bit per letter, 31 for anything else): "the", the
    /// commonest word of all, has the letter and length of "thi" and "taz", not their ends.
    pub lower_ends: [u32; 26],
}

impl Default for FirstWords {
    fn default() -> FirstWords {
        FirstWords { bytes: [false; 256], lower_words: Default::default(), lower_lengths: [0; 26], lower_ends: [0; 26] }
    }
}

impl FirstWords {
    /// Notes `word` as the first word of a name.
    fn add(&mut self, word: &str) {
        let byte = word.as_bytes()[0];
        self.bytes[byte as usize] = true;
        if byte.is_ascii_lowercase() {
            let letter = usize::from(byte - b'a');
            if !self.lower_words[letter].iter().any(|w| **w == *word) {
                self.lower_words[letter].push(word.into());
            }
            self.lower_lengths[letter] |= length_bit(word.len());
            self.lower_ends[letter] |= end_bit(word.as_bytes());
        }
    }

    #[cfg_attr(not(test), allow(dead_code))]
    fn write(&self, out: &mut Writer) {
        out.bytes(&self.bytes.map(u8::from));
        let lower: Vec<&str> = self.lower_words.iter().flatten().map(|w| &**w).collect();
        // Words are tokens, and no token holds a line break.
        out.bytes(lower.join("\n").as_bytes());
        out.u32s(&U32s::from_values(&self.lower_lengths));
        out.u32s(&U32s::from_values(&self.lower_ends));
    }

    fn read(input: &mut Reader) -> FirstWords {
        let mut first = FirstWords::default();
        for (flag, &byte) in first.bytes.iter_mut().zip(input.bytes()) {
            *flag = byte != 0;
        }
        let lower = std::str::from_utf8(input.bytes()).expect("the first words of a compiled trie are UTF-8");
        for word in lower.split('\n').filter(|w| !w.is_empty()) {
            first.lower_words[usize::from(word.as_bytes()[0] - b'a')].push(word.into());
        }
        let (lengths, ends) = (input.u32s(), input.u32s());
        for letter in 0..26 {
            first.lower_lengths[letter] = lengths.get(letter);
            first.lower_ends[letter] = ends.get(letter);
        }
        first
    }
}

impl Default for TrieBuilder {
    fn default() -> TrieBuilder {
        TrieBuilder {
            words: FxHashMap::default(),
            edges: FxHashMap::default(),
            entries: vec![NONE],
            filters: FirstWords::default(),
            scratch: Vec::new(),
        }
    }
}

impl TrieBuilder {
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
                self.filters.add(word);
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

    /// Lays the trie out flat. Word ids become the words' slots in the [`WordTable`], and each
    /// node becomes a block of its entry and its tagged edges (see [`Trie`]).
    pub fn finish(self) -> Trie {
        let mut by_id: Vec<(&[u8], u32)> = vec![(&[][..], NONE); self.words.len()];
        for (word, record) in &self.words {
            by_id[record.id as usize] = (word.as_bytes(), record.root_child);
        }
        let mut words = WordTable::new(by_id.iter().copied());
        let slot_of: Vec<u32> = by_id
            .iter()
            .map(|&(word, _)| words.find(word).expect("every interned word is in the table") as u32)
            .collect();
        // Each node's edges, as (node, tag, word slot, child), in node order and by tag within
        // a node.
        let mut edges: Vec<(u32, u32, u32, u32)> = self
            .edges
            .iter()
            .map(|(&key, &child)| {
                let node = (key >> 32) as u32;
                let (word, _) = by_id[((key as u32) >> 1) as usize];
                let slot = slot_of[((key as u32) >> 1) as usize];
                (node, edge_tag(crate::table::hash(word), key & 1 == 1), slot, child)
            })
            .collect();
        edges.sort_unstable();
        // Where each node's block begins: two words, and three for each of its edges.
        let mut children = vec![0u32; self.entries.len()];
        for &(node, ..) in &edges {
            children[node as usize] += 1;
        }
        let mut offsets = Vec::with_capacity(self.entries.len());
        let mut end = 0u32;
        for &count in &children {
            offsets.push(end);
            end = end.checked_add(2 + 3 * count).expect("a trie of at most 16 GiB");
        }
        let mut nodes = Vec::with_capacity(end as usize);
        let mut next = edges.iter().peekable();
        for (node, &entry) in self.entries.iter().enumerate() {
            nodes.extend([entry, children[node]]);
            while let Some(&(_, tag, slot, child)) = next.next_if(|edge| edge.0 == node as u32) {
                nodes.extend([tag, slot, offsets[child as usize]]);
            }
        }
        // The root's children: the blocks that names starting with each word lead to.
        for (&(_, root), &slot) in by_id.iter().zip(&slot_of) {
            words.set_value(slot as usize, if root == NONE { NONE } else { offsets[root as usize] });
        }
        Trie { words, nodes: U32s::from_values(&nodes), first: self.filters }
    }
}

/// The tag of an edge: the high half of its word's [`hash`](crate::table::hash), with its last
/// bit saying whether a space comes before the word.
#[inline(always)]
pub(super) fn edge_tag(hash: u64, spaced: bool) -> u32 {
    (hash >> 32) as u32 & !1 | u32::from(spaced)
}

/// A finished trie, laid out flat: the root's children are the values of `words`, and every
/// other node is a block of `nodes`, named by its offset there.
///
/// A block is the node's entry (or `NONE`), the number of its edges, and for each edge its tag
/// ([`edge_tag`]), its word's slot in `words` and the child's offset, sorted by tag. So a step
/// reads one block: the entry and the tags of the words that may come next are in one place,
/// and the next token is looked up in `words` only when a tag says it continues a name (most
/// tokens after a name do not: "Cuba said"). The first layout, with entries, edge starts and
/// edges in three arrays and every next token looked up, missed the cache four times a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Trie {
    /// Every word of every name, with the block that a name starting with it leads to (or
    /// `NONE` for words that begin no name).
    pub(super) words: WordTable,
    /// The node blocks.
    pub(super) nodes: U32s,
    pub(super) first: FirstWords,
}

impl Trie {
    /// Whether the trie holds no name (a name has a first word).
    pub fn is_empty(&self) -> bool {
        !self.first.bytes.contains(&true)
    }

    /// Appends the trie to `out`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn write(&self, out: &mut Writer) {
        self.words.write(out);
        out.u32s(&self.nodes);
        self.first.write(out);
    }

    /// Reads a trie written by [`write`](Self::write).
    pub fn read(input: &mut Reader) -> Trie {
        let words = WordTable::read(input);
        let nodes = input.u32s();
        let first = FirstWords::read(input);
        Trie { words, nodes, first }
    }
}
