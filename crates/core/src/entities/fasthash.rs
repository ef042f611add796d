//! A small, fast, deterministic hasher (FNV-1a) for the engine's word tables.
//! Keys are short words from the text, so SipHash's DoS resistance buys
//! nothing here and costs a noticeable share of the run time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64-bit ([`crate::hash`]) as a [`Hasher`].
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(crate::hash::FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = crate::hash::fnv1a64_continue(self.0, bytes);
    }
}

/// A `HashMap` with [`Fnv`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with [`Fnv`].
pub(crate) type FxSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
