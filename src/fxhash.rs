//! A small, fast, non-cryptographic hasher for the lexicon tables.
//!
//! The tables are looked up once per capitalised token and their keys are short words from our own
//! embedded lists, so the DoS resistance of the standard SipHash buys nothing; this is the
//! multiply-rotate hash used inside rustc ("FxHash"), a few lines long.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FxHash state.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        // The last 1 to 7 bytes are read as two overlapping 4-byte words, or as three bytes,
        // with the length mixed in: copying them into a buffer was a `memcpy` call per word.
        let rest = chunks.remainder();
        let n = rest.len();
        let tail = if n >= 4 {
            let low = u32::from_le_bytes(rest[..4].try_into().unwrap_or_default());
            let high = u32::from_le_bytes(rest[n - 4..].try_into().unwrap_or_default());
            u64::from(low) | u64::from(high) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.add(tail ^ (n as u64) << 59);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The high bits of a product are well mixed and the low ones poorly. The table takes
        // its bucket from the low bits and a tag it compares before the keys from the top seven:
        // the high half is folded into the low one, and the top stays as it is.
        self.hash ^ (self.hash >> 32)
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    /// Every byte of a word counts: the 63,875 words of the English list (all lengths, many
    /// differing in one letter) get different hashes but for a few pairs (FxHash is weak, not
    /// broken: "interstice" and "interstate" meet), where dropping a byte would make thousands.
    #[test]
    fn every_byte_counts() {
        let build = BuildHasherDefault::<FxHasher>::default();
        let words: HashSet<&str> = include_str!("../gazetteers/english_words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        let hashes: HashSet<u64> = words.iter().map(|w| build.hash_one(w)).collect();
        assert!(words.len() > 60_000);
        assert!(words.len() - hashes.len() <= 5, "{} collisions", words.len() - hashes.len());
        for (a, b) in [("ab", "ba"), ("abc", "acb"), ("abcdefgh1", "abcdefgh2"), ("a", "a\0")] {
            assert_ne!(build.hash_one(a), build.hash_one(b), "{a:?} and {b:?}");
        }
    }
}
