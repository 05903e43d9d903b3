//! The gazetteer pass: every known name in a document, longest first, on token boundaries.

use super::trie::{NONE, Trie, edge_tag, end_bit, length_bit};
use super::{Gazetteer, Hit};
use crate::document::Document;
use crate::table;
use crate::token::TokenKind;

impl Gazetteer {
    /// Finds the known names of `doc`, left to right, the longest at each token, never overlapping.
    pub(crate) fn find(&self, doc: &Document<'_>) -> Vec<Hit> {
        // Room for a hit every 32 tokens (the Wikinews bench corpus has one every 62).
        let mut hits = Vec::with_capacity(doc.tokens.len() / 32 + 1);
        let embedded = &self.embedded.trie;
        let user = self.user.as_ref().map(|part| &part.trie).filter(|trie| !trie.is_empty());
        if embedded.is_empty() && user.is_none() {
            return hits;
        }
        let tokens = &doc.tokens;
        let mut i = 0;
        while i < tokens.len() {
            if !matches!(
                tokens[i].kind,
                TokenKind::Word(_) | TokenKind::Number | TokenKind::Punct | TokenKind::Quote(_)
            ) {
                i += 1;
                continue;
            }
            let mut found = embedded.longest_at(doc, i).map(|(last, entry)| (last, entry + self.user_entries));
            if let Some(user) = user {
                // The longer name wins; on a tie, the user's entry.
                if let Some((last, entry)) = user.longest_at(doc, i)
                    && found.is_none_or(|(other, _)| last >= other)
                {
                    found = Some((last, entry));
                }
            }
            match found {
                Some((last, entry)) => {
                    let span = tokens[i].span().to(tokens[last].span());
                    hits.push(Hit {
                        span,
                        tokens: i..last + 1,
                        entry,
                        label: self.label(entry),
                        user: entry < self.user_entries,
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        hits
    }
}

impl Trie {
    /// The longest name that starts at token `first`: its last token and its entry.
    ///
    /// This runs once per token: the test of the first byte is inlined into the caller's loop,
    /// the rest is a call.
    #[inline(always)]
    pub(super) fn longest_at(&self, doc: &Document<'_>, first: usize) -> Option<(usize, u32)> {
        let span = doc.tokens[first].span();
        let first_byte = doc.text.as_bytes()[span.start];
        if !self.first.bytes[first_byte as usize] {
            return None;
        }
        if first_byte.is_ascii_lowercase() {
            let letter = usize::from(first_byte - b'a');
            let word = &doc.text.as_bytes()[span.start..span.end];
            if self.first.lower_lengths[letter] & length_bit(span.len()) == 0
                || self.first.lower_ends[letter] & end_bit(word) == 0
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
            && !self.first.lower_words[usize::from(first_byte - b'a')].iter().any(|w| **w == *first_word)
        {
            return None;
        }
        let mut node = self.words.get(first_word.as_bytes())?;
        let mut best = None;
        let mut i = first;
        while node != NONE {
            let entry = self.nodes.get(node as usize);
            if entry != NONE {
                best = Some((i, entry));
            }
            if self.nodes.get(node as usize + 1) == 0 {
                break;
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
            node = self.step(node, doc.word(i).as_bytes(), spaced);
        }
        best
    }

    /// The child of the block at `node` by `word`, with or without a space before it, or `NONE`.
    #[inline]
    fn step(&self, node: u32, word: &[u8], spaced: bool) -> u32 {
        let hash = table::hash(word);
        let tag = edge_tag(hash, spaced);
        let edges = node as usize + 2;
        let count = self.nodes.get(node as usize + 1) as usize;
        // The first edge whose tag is not below `tag`.
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.nodes.get(edges + 3 * middle) < tag {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        // Two words may share a tag: the word table says which one this is.
        let mut slot = None;
        for edge in low..count {
            let at = edges + 3 * edge;
            if self.nodes.get(at) != tag {
                break;
            }
            let slot = *slot.get_or_insert_with(|| self.words.find_hashed(word, hash));
            if slot == Some(self.nodes.get(at + 1) as usize) {
                return self.nodes.get(at + 2);
            }
        }
        NONE
    }
}
