//! Flat, read-only tables: built once (by `build.rs` when the crate is compiled, or at run time
//! for user gazetteers), then only looked up.
//!
//! Why: the embedded gazetteer and lexicons hold some 400,000 words. Built into hash maps when a
//! process started, they were most of the cost of annotating one short article (40 ms of start-up,
//! 6,000 page faults for 29 MB of tables, and the serial part that kept `--jobs 2` under 1.7
//! times `--jobs 1`). The build script now writes them as byte arrays that are compiled into the
//! binary and read in place: start-up parses a header, and the pages that lookups touch are
//! mapped from the executable as they are needed.
//!
//! The arrays are little-endian bytes rather than `[u32]` because `include_bytes!` promises no
//! alignment, and reading them this way needs no `unsafe`; an unaligned 4-byte load costs what an
//! aligned one does. This module is compiled into the build script too (see `build.rs`), so it
//! depends on nothing but [`fxhash`](crate::fxhash). Code that only writes tables is used by the
//! build script and by the tests that compare its tables with a fresh build; in the library it
//! is marked `#[cfg_attr(not(test), allow(dead_code))]`.

use crate::fxhash::FxHasher;
use std::borrow::Cow;
use std::hash::Hasher;

/// Bytes owned (built at run time) or borrowed from the binary.
pub(crate) type Bytes = Cow<'static, [u8]>;

/// An array of `u32`, kept as little-endian bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct U32s(Bytes);

impl U32s {
    /// The array of `values`.
    pub fn from_values(values: &[u32]) -> U32s {
        U32s(Cow::Owned(values.iter().flat_map(|v| v.to_le_bytes()).collect()))
    }

    /// The value at `index`. Panics when `index` is out of bounds, like a slice.
    #[inline(always)]
    pub fn get(&self, index: usize) -> u32 {
        let at = index * 4;
        let b = &self.0[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// How many values there are.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }
}

/// A set of words, each with a `u32` value: an open-addressed hash table (linear probing, at
/// most half full) over the words' bytes.
///
/// A slot is 16 bytes: the word's length (0 for an empty slot: no word is empty), its value, and
/// eight bytes of key. A word of up to eight bytes is its own key ([`short_key`]), so finding it
/// reads one slot and nothing else; a longer word's key is its offset in `keys` and its first
/// four bytes, compared before the rest. (A `HashMap<&str, _>` reads its control bytes, its
/// bucket and the key's bytes: three places in memory for every word found.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordTable {
    slots: Bytes,
    keys: Bytes,
    /// The number of slots minus one (a power of two minus one); 0 in an empty table.
    mask: usize,
    /// How far the hash is shifted right to give a slot: the bucket comes from its high bits,
    /// which FxHash mixes best.
    shift: u32,
}

/// The hash of a word, as [`WordTable`] uses it; [`WordTable::find_hashed`] takes it, so that a
/// caller that needs it for its own use computes it once.
#[inline(always)]
pub(crate) fn hash(word: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(word);
    hasher.finish()
}

/// The bytes of a slot.
const SLOT: usize = 16;

/// The `u32` at byte `at` of `bytes`, little-endian.
#[inline(always)]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let b = &bytes[at..at + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// The key of a word of one to eight bytes: all its bytes, read as two overlapping four-byte
/// words (or, below four bytes, the first, middle and last byte), so that no copy into a buffer
/// is needed. With the length, which the slot also holds, it tells every such word apart.
#[inline(always)]
fn short_key(word: &[u8]) -> u64 {
    let n = word.len();
    if n >= 4 {
        u64::from(u32_at(word, 0)) | u64::from(u32_at(word, n - 4)) << 32
    } else {
        u64::from(word[0]) | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]) << 16
    }
}

/// The key of a longer word stored at `offset`: the offset and the word's first four bytes.
#[inline(always)]
fn long_key(word: &[u8], offset: u32) -> u64 {
    u64::from(offset) | u64::from(u32_at(word, 0)) << 32
}

impl WordTable {
    /// A table of `words` with their values. When a word comes twice, its first value stays;
    /// empty words are left out.
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w [u8], u32)>) -> WordTable {
        let words: Vec<(&[u8], u32)> = words.into_iter().filter(|(w, _)| !w.is_empty()).collect();
        let capacity = (words.len() * 2).next_power_of_two().max(2);
        let mut table = WordTable {
            slots: Cow::Owned(vec![0; capacity * SLOT]),
            keys: Cow::Owned(Vec::new()),
            mask: capacity - 1,
            shift: 64 - capacity.trailing_zeros(),
        };
        for (word, value) in words {
            let Err(slot) = table.probe(word, hash(word)) else { continue };
            let key = if word.len() <= 8 {
                short_key(word)
            } else {
                let keys = table.keys.to_mut();
                let offset = u32::try_from(keys.len()).expect("a word table holds at most 4 GiB of words");
                keys.extend_from_slice(word);
                long_key(word, offset)
            };
            let len = u32::try_from(word.len()).expect("a word shorter than 4 GiB");
            let at = slot * SLOT;
            let slots = table.slots.to_mut();
            slots[at..at + 4].copy_from_slice(&len.to_le_bytes());
            slots[at + 4..at + 8].copy_from_slice(&value.to_le_bytes());
            slots[at + 8..at + 16].copy_from_slice(&key.to_le_bytes());
        }
        table
    }

    /// The slot of `word` (whose [`hash`] is `hash`) if it is in the table, else the empty slot
    /// where it would go.
    #[inline(always)]
    fn probe(&self, word: &[u8], hash: u64) -> Result<usize, usize> {
        let (slots, keys) = (&*self.slots, &*self.keys);
        let len = word.len();
        let wanted = if len <= 8 { short_key(word) } else { long_key(word, 0) };
        let mut slot = (hash >> self.shift) as usize & self.mask;
        loop {
            let at = slot * SLOT;
            let stored = u32_at(slots, at) as usize;
            if stored == 0 {
                return Err(slot);
            }
            if stored == len {
                let key = u64::from(u32_at(slots, at + 8)) | u64::from(u32_at(slots, at + 12)) << 32;
                if len <= 8 {
                    if key == wanted {
                        return Ok(slot);
                    }
                } else if key >> 32 == wanted >> 32 {
                    let offset = key as u32 as usize;
                    if keys[offset..offset + len] == *word {
                        return Ok(slot);
                    }
                }
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// The slot of `word`, if it is in the table. Slot numbers are below [`slots`](Self::slots)
    /// and stay fixed: they serve as word ids.
    #[inline(always)]
    pub fn find(&self, word: &[u8]) -> Option<usize> {
        self.find_hashed(word, hash(word))
    }

    /// [`find`](Self::find) for a word whose [`hash`] is known.
    #[inline(always)]
    pub fn find_hashed(&self, word: &[u8], hash: u64) -> Option<usize> {
        if self.mask == 0 || word.is_empty() {
            return None;
        }
        self.probe(word, hash).ok()
    }

    /// The value of the word in `slot` (from [`find`](Self::find)).
    #[inline]
    pub fn value(&self, slot: usize) -> u32 {
        u32_at(&self.slots, slot * SLOT + 4)
    }

    /// Changes the value of the word in `slot`.
    pub fn set_value(&mut self, slot: usize, value: u32) {
        let at = slot * SLOT + 4;
        self.slots.to_mut()[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    /// The value of `word`, if it is in the table.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<u32> {
        self.find(word).map(|slot| self.value(slot))
    }

    /// Whether `word` is in the table.
    #[inline]
    pub fn contains(&self, word: &[u8]) -> bool {
        self.find(word).is_some()
    }

    /// The number of slots: every slot number is below it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn slots(&self) -> usize {
        self.slots.len() / SLOT
    }

    /// Appends the table to `out`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn write(&self, out: &mut Writer) {
        out.bytes(&self.slots);
        out.bytes(&self.keys);
    }

    /// Reads a table written by [`write`](Self::write).
    pub fn read(input: &mut Reader) -> WordTable {
        let slots = Cow::Borrowed(input.bytes());
        let keys = Cow::Borrowed(input.bytes());
        let capacity = slots.len() / SLOT;
        assert!(capacity.is_power_of_two() || capacity == 0, "a word table has a power of two of slots");
        let (mask, shift) = if capacity < 2 { (0, 0) } else { (capacity - 1, 64 - capacity.trailing_zeros()) };
        WordTable { slots, keys, mask, shift }
    }
}

/// Writes tables one after the other, each array as its length in bytes and its bytes.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Default)]
pub(crate) struct Writer {
    pub out: Vec<u8>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Writer {
    /// Appends an array of bytes.
    pub fn bytes(&mut self, bytes: &[u8]) {
        let len = u32::try_from(bytes.len()).expect("a table shorter than 4 GiB");
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(bytes);
    }

    /// Appends an array of `u32`.
    pub fn u32s(&mut self, values: &U32s) {
        self.bytes(&values.0);
    }
}

/// Reads what a [`Writer`] wrote, in the same order, borrowing the arrays.
pub(crate) struct Reader {
    rest: &'static [u8],
}

impl Reader {
    /// A reader of `bytes`.
    pub fn new(bytes: &'static [u8]) -> Reader {
        Reader { rest: bytes }
    }

    /// The next array of bytes. Panics if the input ends early: the tables are written by our
    /// own build script, and a test reads them.
    pub fn bytes(&mut self) -> &'static [u8] {
        let (len, rest) = self.rest.split_at(4);
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let (bytes, rest) = rest.split_at(len);
        self.rest = rest;
        bytes
    }

    /// The next array of `u32`.
    pub fn u32s(&mut self) -> U32s {
        U32s(Cow::Borrowed(self.bytes()))
    }

    /// Whether everything has been read.
    pub fn is_done(&self) -> bool {
        self.rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_with_their_first_value_and_others_are_not() {
        let words: Vec<(&[u8], u32)> =
            vec![(b"Havana", 1), (b"Cuba", 2), (b"Havana", 3), (b"", 4), (b"Matanzas", 5), (b"Holgu\xc3\xadn", 6)];
        let table = WordTable::new(words);
        assert_eq!(table.get(b"Havana"), Some(1));
        assert_eq!(table.get(b"Cuba"), Some(2));
        assert_eq!(table.get("Holguín".as_bytes()), Some(6));
        for absent in [&b""[..], b"havana", b"Havan", b"Havanas", b"Cub", b"Matanza"] {
            assert_eq!(table.get(absent), None, "{absent:?}");
        }
        assert!(table.slots() >= 8 && table.slots().is_power_of_two());
        assert_eq!(WordTable::new([]).get(b"Cuba"), None);
    }

    #[test]
    fn a_table_read_back_is_the_table_written() {
        let many: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let table = WordTable::new(many.iter().enumerate().map(|(i, w)| (w.as_bytes(), i as u32)));
        let mut writer = Writer::default();
        table.write(&mut writer);
        writer.u32s(&U32s::from_values(&[7, u32::MAX]));
        let bytes: &'static [u8] = Box::leak(writer.out.into_boxed_slice());
        let mut reader = Reader::new(bytes);
        let read = WordTable::read(&mut reader);
        let values = reader.u32s();
        assert!(reader.is_done());
        assert_eq!(read, table);
        assert_eq!((values.get(0), values.get(1), values.len()), (7, u32::MAX, 2));
        for (i, word) in many.iter().enumerate() {
            assert_eq!(read.get(word.as_bytes()), Some(i as u32));
        }
        assert_eq!(read.get(b"w5000"), None);
    }
}
