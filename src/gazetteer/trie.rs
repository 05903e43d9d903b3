//! A trie of tokens: gazetteer names stored as paths of words, matched token by token.
//!
//! Words are interned once; an edge is (node, word, whether a space comes before the word), so
//! "Díaz-Balart" (no spaces) and "Díaz Balart" are different paths and neither matches "Díaz -
//! Balart". Nodes that end a name carry its entry; the first entry to claim a path keeps it.

use crate::document::Document;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::token::{self, Case, TokenKind};
use std::borrow::Cow;

const NONE: u32 = u32::MAX;

/// The trie. Node 0 is the root.
#[derive(Clone, Debug)]
pub(crate) struct TokenTrie {
    /// Interned words.
    words: FxHashMap<Cow<'static, str>, u32>,
    /// (node, word, spaced) → child node.
    edges: FxHashMap<(u32, u32, bool), u32>,
    /// For each node, the entry of the name that ends there, or `NONE`.
    entries: Vec<u32>,
    /// Bytes that begin the first word of some name: other tokens are not looked up at all.
    first_bytes: [bool; 256],
    /// First words of the names written in lower case ("al", "dpa", "eBay"): the only lower-case
    /// words worth a look-up, so that "the", "and", "a" cost one hash, not two.
    lowercase_firsts: FxHashSet<Cow<'static, str>>,
}

impl Default for TokenTrie {
    fn default() -> TokenTrie {
        TokenTrie {
            words: FxHashMap::default(),
            edges: FxHashMap::default(),
            entries: vec![NONE],
            first_bytes: [false; 256],
            lowercase_firsts: FxHashSet::default(),
        }
    }
}

impl TokenTrie {
    /// Adds `pattern` as a name of `entry`, unless another entry has it already. `keep` turns
    /// slices of the pattern into stored words (borrowed for embedded lists, copied otherwise).
    pub fn insert<'a>(&mut self, pattern: &'a str, keep: &dyn Fn(&'a str) -> Cow<'static, str>, entry: u32) {
        let mut node = 0u32;
        let mut spaced = false;
        let mut first = true;
        for t in token::tokenize(pattern) {
            match t.kind {
                TokenKind::Space | TokenKind::LineBreak => {
                    spaced = true;
                    continue;
                }
                _ => {}
            }
            let word = &pattern[t.span];
            if first {
                self.first_bytes[word.as_bytes()[0] as usize] = true;
                if word.chars().next().is_some_and(char::is_lowercase) {
                    self.lowercase_firsts.insert(keep(word));
                }
            }
            let next_id = self.words.len() as u32;
            let id = match self.words.get(word) {
                Some(&id) => id,
                None => {
                    self.words.insert(keep(word), next_id);
                    next_id
                }
            };
            let fresh = self.entries.len() as u32;
            let child = *self.edges.entry((node, id, spaced && !first)).or_insert(fresh);
            if child == fresh {
                self.entries.push(NONE);
            }
            node = child;
            spaced = false;
            first = false;
        }
        if node != 0 && self.entries[node as usize] == NONE {
            self.entries[node as usize] = entry;
        }
    }

    /// The longest name that starts at token `first`: its last token and its entry.
    pub fn longest_at(&self, doc: &Document<'_>, first: usize) -> Option<(usize, u32)> {
        let tokens = &doc.tokens;
        if !self.first_bytes[doc.text.as_bytes()[tokens[first].span.start] as usize] {
            return None;
        }
        if tokens[first].kind == TokenKind::Word(Case::Lower) && !self.lowercase_firsts.contains(doc.word(first)) {
            return None;
        }
        let mut node = 0u32;
        let mut best = None;
        let mut i = first;
        let mut spaced = false;
        while let Some(&child) = self.words.get(doc.word(i)).and_then(|id| self.edges.get(&(node, *id, spaced))) {
            node = child;
            let entry = self.entries[node as usize];
            if entry != NONE {
                best = Some((i, entry));
            }
            i += 1;
            spaced = false;
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
        }
        best
    }

    /// Whether the trie holds no name.
    pub fn is_empty(&self) -> bool {
        self.entries.iter().all(|&e| e == NONE)
    }
}
