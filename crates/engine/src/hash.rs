//! The one hash function of claimlens: FNV-1a, 64-bit.
//!
//! Small, fast and deterministic across platforms and runs: it names
//! documents kept in this browser (local ids, the Recent documents
//! checksum), hashes the models' features ([`crate::weights`]), keys the
//! engine's word tables ([`crate::entities`]' hasher) and fingerprints the
//! files a training run read. Nothing here needs resistance to chosen
//! inputs: no table is keyed by text an attacker could grow without bound
//! in a way that matters, and the ids are not secrets.
//!
//! ```
//! use claimlens_engine::hash::{fnv1a64, fnv1a64_continue};
//! assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
//! assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
//! // One stream in two parts hashes as the whole.
//! assert_eq!(fnv1a64_continue(fnv1a64(b"ab"), b"c"), fnv1a64(b"abc"));
//! ```

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a 64-bit offset basis: the hash of no bytes.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a 64 of `bytes`.
pub const fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_continue(FNV_OFFSET, bytes)
}

/// Continues an FNV-1a 64 hash `h` over more `bytes` (several files, or the
/// fields of a record, as one stream). A `const fn`, so that the hash of a
/// fixed feature-name prefix is computed once, at compile time (the name
/// tagger's feature tables).
///
/// Four bytes a step while four are left (the same sum, byte by byte, in
/// fewer loop tests and bounds checks: the tagger's features and the word
/// tables hash a few million short words a megabyte of text).
#[inline]
pub const fn fnv1a64_continue(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i + 4 <= bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(FNV_PRIME);
        h = (h ^ bytes[i + 1] as u64).wrapping_mul(FNV_PRIME);
        h = (h ^ bytes[i + 2] as u64).wrapping_mul(FNV_PRIME);
        h = (h ^ bytes[i + 3] as u64).wrapping_mul(FNV_PRIME);
        i += 4;
    }
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

// The engine's word tables (and `text::WordSet`) hash with the same function:
// keys are short words from the text, so SipHash's resistance to chosen
// inputs buys nothing there and costs a noticeable share of the run time.

/// FNV-1a, 64-bit, as a [`Hasher`].
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a64_continue(self.0, bytes);
    }
    /// One byte (the end mark hashing a `str` adds to every key) without the loop.
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
}

/// A `HashMap` with [`Fnv`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with [`Fnv`].
pub(crate) type FxSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a byte by byte, as its definition reads.
    fn reference(mut h: u64, bytes: &[u8]) -> u64 {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        h
    }

    #[test]
    fn four_bytes_a_step_is_fnv1a() {
        let text = "Bank of New York, İstanbul — 2025";
        for end in 0..=text.len() {
            let bytes = &text.as_bytes()[..end];
            assert_eq!(fnv1a64(bytes), reference(FNV_OFFSET, bytes), "{end}");
            assert_eq!(fnv1a64_continue(7, bytes), reference(7, bytes), "{end}");
        }
        for (s, h) in [
            ("", 0xcbf2_9ce4_8422_2325),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            assert_eq!(fnv1a64(s.as_bytes()), h, "{s}");
        }
    }

    #[test]
    fn hasher_bytes_and_end_mark() {
        for s in ["", "paris", "New York"] {
            let mut a = Fnv::default();
            std::hash::Hash::hash(s, &mut a);
            let mut b = Fnv::default();
            b.write(s.as_bytes());
            b.write(&[0xff]);
            assert_eq!(a.finish(), b.finish(), "{s}");
        }
    }
}
