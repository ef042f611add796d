//! CLW1: the shared, quantised weights container of claimlens models.
//!
//! Little-endian layout:
//!
//! ```text
//! magic      4 bytes  b"CLW1"
//! header_len u32      then header_len bytes of UTF-8 "key=value\n" lines, keys sorted
//!                     (at least model, labels, scale, data, seed, epochs)
//! n_features u32      then n_features records sorted by feature hash ascending:
//!                       LEB128 varint: hash minus the previous record's hash (first: the hash)
//!                       n_labels × i8: round(weight / scale), clamped to ±127
//! ```
//!
//! Feature strings are hashed with [`feature_hash`] (FNV-1a 64, upper 32 bits).
//! Features whose quantised weights are all zero are dropped by [`write()`].
//! [`Weights::from_bytes`] checks magic, lengths and order and never panics.
//! It also builds an open-addressing index over the hashes, so
//! [`Weights::get`] is one or two probes instead of a binary search (the
//! part-of-speech tagger looks up ~25 features per token); the stored order
//! stays sorted and [`Weights::get_sorted`] searches it directly.

use std::collections::BTreeMap;
use std::fmt;

pub use crate::hash::{fnv1a64, fnv1a64_continue};

/// The CLW1 hash of a feature string: the upper 32 bits of its FNV-1a 64.
pub fn feature_hash(feature: &str) -> u32 {
    (fnv1a64(feature.as_bytes()) >> 32) as u32
}

/// Why CLW1 bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeightsError {
    /// The first four bytes are not `CLW1`.
    BadMagic,
    /// The bytes end before a declared length, or a varint runs past the end.
    Truncated,
    /// The header is not UTF-8 `key=value` lines, or a required key is missing or malformed.
    BadHeader(String),
    /// Feature hashes are not strictly ascending (or overflow 32 bits).
    BadOrder,
    /// Bytes remain after the last record.
    TrailingBytes,
}

impl fmt::Display for WeightsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WeightsError::BadMagic => write!(f, "not CLW1 weights (bad magic)"),
            WeightsError::Truncated => write!(f, "CLW1 weights are truncated"),
            WeightsError::BadHeader(m) => write!(f, "bad CLW1 header: {m}"),
            WeightsError::BadOrder => write!(f, "CLW1 feature hashes are not strictly ascending"),
            WeightsError::TrailingBytes => write!(f, "CLW1 weights have trailing bytes"),
        }
    }
}

impl std::error::Error for WeightsError {}

/// Quantised weights read from CLW1 bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    header: BTreeMap<String, String>,
    labels: Vec<String>,
    scale: f32,
    hashes: Vec<u32>,
    /// `hashes.len() × labels.len()` quantised weights, row-major.
    values: Vec<i8>,
    /// Open-addressing index (a power of two long, at most half full): per
    /// slot the feature's hash in the upper 32 bits and its index + 1 in
    /// the lower (0 = empty), so that a probe reads one word. Derived from
    /// `hashes`.
    slots: Vec<u64>,
}

/// A little reader over a byte slice that never panics.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], WeightsError> {
        let end = self.pos.checked_add(n).ok_or(WeightsError::Truncated)?;
        let s = self.b.get(self.pos..end).ok_or(WeightsError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, WeightsError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn varint(&mut self) -> Result<u64, WeightsError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(WeightsError::BadOrder)
    }
}

impl Weights {
    /// Reads CLW1 bytes. Checks magic, header, lengths and hash order; never panics.
    pub fn from_bytes(b: &[u8]) -> Result<Self, WeightsError> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4).map_err(|_| WeightsError::BadMagic)? != b"CLW1" {
            return Err(WeightsError::BadMagic);
        }
        let header_len = r.u32()? as usize;
        let header_bytes = r.take(header_len)?;
        let text = std::str::from_utf8(header_bytes)
            .map_err(|_| WeightsError::BadHeader("not UTF-8".into()))?;
        let mut header = BTreeMap::new();
        for line in text.lines().filter(|l| !l.is_empty()) {
            let (k, v) = line
                .split_once('=')
                .ok_or_else(|| WeightsError::BadHeader(format!("line without '=': {line:?}")))?;
            header.insert(k.to_string(), v.to_string());
        }
        for key in ["model", "labels", "scale", "data", "seed", "epochs"] {
            if !header.contains_key(key) {
                return Err(WeightsError::BadHeader(format!("missing key {key}")));
            }
        }
        let labels: Vec<String> = header["labels"]
            .split_whitespace()
            .map(String::from)
            .collect();
        if labels.is_empty() {
            return Err(WeightsError::BadHeader("no labels".into()));
        }
        let scale: f32 = header["scale"]
            .parse()
            .map_err(|_| WeightsError::BadHeader("scale is not a number".into()))?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(WeightsError::BadHeader("scale must be positive".into()));
        }
        let n = r.u32()? as usize;
        let nl = labels.len();
        // Each record takes at least 1 + nl bytes: bound allocations by the input size.
        if n.saturating_mul(1 + nl) > b.len().saturating_sub(r.pos) {
            return Err(WeightsError::Truncated);
        }
        let mut hashes = Vec::with_capacity(n);
        let mut values = Vec::with_capacity(n * nl);
        let mut prev: u64 = 0;
        for i in 0..n {
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(WeightsError::BadOrder);
            }
            let h = prev.checked_add(d).ok_or(WeightsError::BadOrder)?;
            if h > u64::from(u32::MAX) {
                return Err(WeightsError::BadOrder);
            }
            hashes.push(h as u32);
            prev = h;
            values.extend(r.take(nl)?.iter().map(|&x| x as i8));
        }
        if r.pos != b.len() {
            return Err(WeightsError::TrailingBytes);
        }
        let mut slots = vec![0u64; (n * 2).max(16).next_power_of_two()];
        let mask = slots.len() - 1;
        for (i, &h) in hashes.iter().enumerate() {
            let mut s = slot(h) & mask;
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = (u64::from(h) << 32) | (i as u64 + 1);
        }
        Ok(Weights {
            header,
            labels,
            scale,
            hashes,
            values,
            slots,
        })
    }

    /// A header value, e.g. `header("model")`.
    pub fn header(&self, key: &str) -> Option<&str> {
        self.header.get(key).map(String::as_str)
    }

    /// The label names, in weight order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The dequantisation scale: a weight is `i8 × scale`.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The number of stored features.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether no feature is stored.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The quantised weights (one per label) of a feature hash, if stored
    /// (through the load-time index).
    #[inline]
    pub fn get(&self, hash: u32) -> Option<&[i8]> {
        let mask = self.slots.len() - 1;
        let mut s = slot(hash) & mask;
        loop {
            let e = self.slots[s];
            let i = e as u32 as usize;
            if i == 0 {
                return None;
            }
            if (e >> 32) as u32 == hash {
                let nl = self.labels.len();
                return self.values.get((i - 1) * nl..i * nl);
            }
            s = (s + 1) & mask;
        }
    }

    /// Adds the quantised weights of every stored feature of `hashes` to
    /// `out` (one per label; features not stored add nothing): the name
    /// tagger's emission scores. [`Weights::get`] and the sum in one loop
    /// over the index and rows as plain slices, so that nothing in it is
    /// a call at `opt-level = "z"` (the tagger's emission sums on a 200 KB
    /// text: 52 M instructions through `get`, 33 M this way).
    pub fn add_to(&self, hashes: &[u32], out: &mut [i32]) {
        let slots = self.slots.as_slice();
        let values = self.values.as_slice();
        let nl = self.labels.len();
        let mask = slots.len() - 1;
        for &hash in hashes {
            let mut s = slot(hash) & mask;
            loop {
                let e = slots[s];
                let i = e as u32 as usize;
                if i == 0 {
                    break;
                }
                if (e >> 32) as u32 == hash {
                    let row = &values[(i - 1) * nl..i * nl];
                    for (o, &q) in out.iter_mut().zip(row) {
                        *o += i32::from(q);
                    }
                    break;
                }
                s = (s + 1) & mask;
            }
        }
    }

    /// The same as [`Weights::get`], by binary search over the sorted hashes.
    pub fn get_sorted(&self, hash: u32) -> Option<&[i8]> {
        let nl = self.labels.len();
        self.hashes
            .binary_search(&hash)
            .ok()
            .map(|i| &self.values[i * nl..(i + 1) * nl])
    }
}

/// The nonzero weights of [`Weights`], in one open-addressing table: what
/// the part-of-speech tagger and the dependency parser sum. Their pruned
/// rows hold 2–4 % nonzero weights (2.4 of 63 labels, 1.6 of 95), so adding
/// whole rows was nearly all additions of zero, and a lookup read the index
/// and then the row, two cache misses. Here a slot holds the hash and, for
/// a row of one or two nonzero weights, the weights themselves; a longer
/// row's slot points into `more`. [`Sparse::add_to`] gives the same sums as
/// [`Weights::add_to`].
#[derive(Clone, Debug)]
pub struct Sparse {
    weights: Weights,
    /// A power of two long, at most half full; 0 = empty. Per slot the hash
    /// in the upper 32 bits and in the lower, from the lowest byte: label,
    /// weight, label, weight (a missing second pair is label 0, weight 0);
    /// or [`MORE`], then the row's position in `more` (24 bits).
    slots: Vec<u64>,
    /// Rows of more than two nonzero weights: `(count, 0)` then `count`
    /// `(label, weight)` pairs.
    more: Vec<(u8, i8)>,
}

/// The first byte of a [`Sparse`] slot whose row is in `more`.
const MORE: u8 = 0xff;

impl Sparse {
    /// The nonzero weights of `weights` (kept, for their header and
    /// labels); at most 254 labels.
    pub fn new(weights: Weights) -> Result<Sparse, WeightsError> {
        let nl = weights.labels.len();
        if nl >= usize::from(MORE) {
            return Err(WeightsError::BadHeader(format!(
                "{nl} labels (at most 254)"
            )));
        }
        let n = weights.len();
        let mut slots = vec![0u64; (n * 2).max(16).next_power_of_two()];
        let mask = slots.len() - 1;
        let mut more: Vec<(u8, i8)> = Vec::new();
        for (i, &h) in weights.hashes.iter().enumerate() {
            let row = &weights.values[i * nl..(i + 1) * nl];
            // The first two nonzero weights, and how many there are.
            let (mut first, mut count) = ([(0u8, 0u8); 2], 0usize);
            for (l, &q) in row.iter().enumerate() {
                if q != 0 {
                    if let Some(f) = first.get_mut(count) {
                        *f = (l as u8, q as u8);
                    }
                    count += 1;
                }
            }
            let payload = match count {
                0 => continue,
                1 | 2 => u32::from_le_bytes([first[0].0, first[0].1, first[1].0, first[1].1]),
                _ => {
                    let at = more.len() as u32;
                    if at >= 1 << 24 {
                        return Err(WeightsError::BadHeader("too many weights".into()));
                    }
                    more.push((count as u8, 0));
                    let nonzero = row.iter().enumerate().filter(|(_, &q)| q != 0);
                    more.extend(nonzero.map(|(l, &q)| (l as u8, q)));
                    (at << 8) | u32::from(MORE)
                }
            };
            let mut s = slot(h) & mask;
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = (u64::from(h) << 32) | u64::from(payload);
        }
        Ok(Sparse {
            weights,
            slots,
            more,
        })
    }

    /// The weights these were made from.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Adds the weights of every stored feature of `hashes` to `out` (one
    /// per label): the same sums as [`Weights::add_to`].
    #[inline]
    pub fn add_to(&self, hashes: &[u32], out: &mut [i32]) {
        let slots = self.slots.as_slice();
        let mask = slots.len() - 1;
        let mut add = |l: u8, q: i8| {
            if let Some(o) = out.get_mut(usize::from(l)) {
                *o += i32::from(q);
            }
        };
        for &h in hashes {
            let mut s = slot(h) & mask;
            let p = loop {
                let e = slots[s];
                if e == 0 {
                    break 0;
                }
                if (e >> 32) as u32 == h {
                    break e as u32;
                }
                s = (s + 1) & mask;
            };
            let [l, q, m, r] = p.to_le_bytes();
            if l != MORE {
                add(l, q as i8);
                add(m, r as i8);
            } else {
                let at = (p >> 8) as usize;
                let count = self.more.get(at).map_or(0, |c| usize::from(c.0));
                for &(l, q) in self.more.get(at + 1..at + 1 + count).unwrap_or(&[]) {
                    add(l, q);
                }
            }
        }
    }
}

/// The first index slot of a feature hash (the hashes' low bits are mixed in
/// by a multiplicative step, since FNV's upper bits are what is stored).
#[inline]
fn slot(h: u32) -> usize {
    (h.wrapping_mul(0x9E37_79B1) >> 7) as usize ^ h as usize
}

/// Encodes weights as CLW1.
///
/// `header` must hold at least `model`, `labels`, `data`, `seed` and `epochs`; `scale` is
/// written by this function. `entries` are `(hash, weights)` with one weight per label;
/// they are sorted here, duplicate hashes are summed, and features whose quantised weights
/// are all zero are dropped.
pub fn write(
    header: &BTreeMap<String, String>,
    scale: f32,
    entries: &[(u32, Vec<f32>)],
) -> Vec<u8> {
    let mut header = header.clone();
    header.insert("scale".into(), format!("{scale}"));
    let nl = header
        .get("labels")
        .map_or(1, |l| l.split_whitespace().count().max(1));
    let mut merged: BTreeMap<u32, Vec<f32>> = BTreeMap::new();
    for (h, w) in entries {
        let e = merged.entry(*h).or_insert_with(|| vec![0.0; nl]);
        for (a, b) in e.iter_mut().zip(w) {
            *a += *b;
        }
    }
    let mut text = String::new();
    for (k, v) in &header {
        text.push_str(k);
        text.push('=');
        text.push_str(v);
        text.push('\n');
    }
    let mut records = Vec::new();
    let mut n: u32 = 0;
    let mut prev: u32 = 0;
    for (h, w) in &merged {
        let q: Vec<i8> = w.iter().map(|&x| quantise(x, scale)).collect();
        if q.iter().all(|&x| x == 0) {
            continue;
        }
        let mut d = u64::from(h - prev);
        loop {
            let byte = (d & 0x7f) as u8;
            d >>= 7;
            if d == 0 {
                records.push(byte);
                break;
            }
            records.push(byte | 0x80);
        }
        records.extend(q.iter().map(|&x| x as u8));
        prev = *h;
        n += 1;
    }
    let mut out = Vec::with_capacity(12 + text.len() + records.len());
    out.extend_from_slice(b"CLW1");
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&records);
    out
}

/// `round(w / scale)` clamped to ±127.
pub fn quantise(w: f32, scale: f32) -> i8 {
    (w / scale).round().clamp(-127.0, 127.0) as i8
}

/// The model files this crate reads, by the names the web app fetches them
/// under (beside `lexicons.txt`) and `claimlens web-data` writes them. The
/// files live in `data/weights/`; `claimlens_core::weights::FILES` adds the
/// comparison's.
pub const FILES: [&str; 2] = ["checkworthy.clw", "ner.clw"];

/// The weights this crate was built with, by file name (see [`FILES`]): what
/// native callers install ([`install_bundled`]). A browser build that never
/// calls it does not carry them (the linker drops them).
pub fn bundled(name: &str) -> Option<&'static [u8]> {
    match name {
        "checkworthy.clw" => Some(include_bytes!("../../../data/weights/checkworthy.clw")),
        "ner.clw" => Some(include_bytes!("../../../data/weights/ner.clw")),
        _ => None,
    }
}

/// Install the model file `name` (one of [`FILES`]) from its bytes. False
/// when the name is unknown or the bytes are not a valid model of that
/// kind; once a model is installed, later calls change nothing.
///
/// ```
/// use claimlens_engine::weights;
/// assert!(weights::install_bundled());
/// assert!(!weights::install("nonsense.clw", b"CLW1"));
/// ```
pub fn install(name: &str, bytes: &[u8]) -> bool {
    match name {
        "checkworthy.clw" => crate::claims::checkworthy::install(bytes),
        "ner.clw" => crate::entities::tagger::install(bytes),
        _ => false,
    }
}

/// Install every model this crate was built with ([`bundled`]).
pub fn install_bundled() -> bool {
    FILES
        .iter()
        .all(|n| bundled(n).is_some_and(|b| install(n, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> BTreeMap<String, String> {
        [
            ("model", "t"),
            ("labels", "a b"),
            ("data", "0"),
            ("seed", "1"),
            ("epochs", "2"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn fnv_known_values() {
        // Reference values of FNV-1a 64.
        for (s, h) in [
            ("", 0xcbf29ce484222325u64),
            ("a", 0xaf63dc4c8601ec8c),
            ("foobar", 0x85944171f73967e8),
        ] {
            assert_eq!(fnv1a64(s.as_bytes()), h, "{s:?}");
            assert_eq!(feature_hash(s), (h >> 32) as u32);
        }
    }

    #[test]
    fn round_trip() {
        let entries = vec![
            (500u32, vec![1.0, -0.5]),
            (7, vec![0.009, 0.0]), // quantises to zero: dropped
            (u32::MAX, vec![-2.0, 2.0]),
            (3, vec![0.5, 0.26]),
            (3, vec![0.5, 0.0]), // duplicate: summed
        ];
        let b = write(&header(), 0.02, &entries);
        let w = Weights::from_bytes(&b).unwrap();
        assert_eq!(w.len(), 3);
        assert_eq!(w.labels(), &["a".to_string(), "b".to_string()]);
        assert_eq!(w.header("model"), Some("t"));
        assert_eq!(w.scale(), 0.02);
        assert_eq!(w.get(3), Some(&[50i8, 13][..]));
        assert_eq!(w.get(500), Some(&[50i8, -25][..]));
        assert_eq!(w.get(u32::MAX), Some(&[-100i8, 100][..]));
        assert_eq!(w.get(7), None);
        assert_eq!(w.get(4), None);
    }

    #[test]
    fn index_agrees_with_binary_search() {
        // Many hashes, some colliding in the index's low bits.
        let entries: Vec<(u32, Vec<f32>)> = (0..2000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) ^ (i << 20), vec![1.0, -1.0]))
            .collect();
        let w = Weights::from_bytes(&write(&header(), 0.1, &entries)).unwrap();
        assert_eq!(w.len(), 2000);
        for probe in (0..4000u32).map(|i| i.wrapping_mul(2_654_435_761) ^ (i << 20)) {
            assert_eq!(w.get(probe), w.get_sorted(probe), "{probe}");
        }
        for (h, _) in &entries {
            assert!(w.get(*h).is_some());
        }
        // add_to sums what get finds, stored or not, repeats included.
        let probes: Vec<u32> = (0..4000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) ^ (i << 20))
            .chain([entries[5].0, entries[5].0, 0, u32::MAX])
            .collect();
        let mut want = [0i32; 2];
        for &p in &probes {
            for (o, &q) in want.iter_mut().zip(w.get_sorted(p).unwrap_or(&[])) {
                *o += i32::from(q);
            }
        }
        let mut got = [0i32; 2];
        w.add_to(&probes, &mut got);
        assert_eq!(got, want);
        assert_ne!(got, [0, 0]);
    }

    #[test]
    fn sparse_sums_are_the_dense_sums() {
        let hd = |labels: &str| {
            let mut h = header();
            h.insert("labels".into(), labels.into());
            h
        };
        let entries: Vec<(u32, Vec<f32>)> = (0..500u32)
            .map(|i| {
                // 0 to 4 nonzero weights (inline in the slot, or in `more`)
                let h = i.wrapping_mul(2_654_435_761);
                let k = i as usize % 5;
                let row = (0..5).map(|l| match (l + i as usize) % 5 {
                    x if x < k && x % 2 == 0 => 1.0 + x as f32,
                    x if x < k => -0.7,
                    _ => 0.0,
                });
                (h, row.collect())
            })
            .collect();
        let w = Weights::from_bytes(&write(&hd("a b c d e"), 0.1, &entries)).unwrap();
        let sparse = Sparse::new(w.clone()).unwrap();
        // (probes, what): stored, missing, repeated and empty
        let cases: Vec<(Vec<u32>, &str)> = vec![
            (
                (0..700u32).map(|i| i.wrapping_mul(2_654_435_761)).collect(),
                "all",
            ),
            (vec![entries[3].0, entries[3].0, 12345], "repeat"),
            (vec![], "none"),
        ];
        for (probes, what) in cases {
            let (mut dense, mut sp) = ([0i32; 5], [0i32; 5]);
            w.add_to(&probes, &mut dense);
            sparse.add_to(&probes, &mut sp);
            assert_eq!(sp, dense, "{what}");
        }
        assert_eq!(sparse.weights(), &w);
        let many: Vec<String> = (0..300).map(|i| format!("l{i}")).collect();
        let many = many.join(" ");
        let w = Weights::from_bytes(&write(&hd(&many), 0.1, &[])).unwrap();
        assert!(Sparse::new(w).is_err(), "more than 254 labels");
    }

    #[test]
    fn quantise_clamps() {
        for (w, s, q) in [
            (1.0f32, 0.001f32, 127i8),
            (-1.0, 0.001, -127),
            (0.0049, 0.01, 0),
            (0.005, 0.01, 1),
        ] {
            assert_eq!(quantise(w, s), q, "{w} {s}");
        }
    }

    #[test]
    fn bad_bytes_never_panic() {
        let good = write(
            &header(),
            0.1,
            &[(1, vec![1.0, 1.0]), (300, vec![1.0, -1.0])],
        );
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"CLW2".to_vec(), "magic"),
            (b"CL".to_vec(), "short magic"),
            (good[..good.len() - 1].to_vec(), "truncated"),
            ([good.clone(), vec![0]].concat(), "trailing"),
        ];
        for (b, what) in &cases {
            assert!(Weights::from_bytes(b).is_err(), "{what}");
        }
        // Every prefix and every single-byte corruption is handled without panicking.
        for i in 0..good.len() {
            let _ = Weights::from_bytes(&good[..i]);
            let mut c = good.clone();
            c[i] ^= 0xff;
            let _ = Weights::from_bytes(&c);
        }
        let mut missing = header();
        missing.remove("seed");
        assert!(matches!(
            Weights::from_bytes(&write(&missing, 0.1, &[])),
            Err(WeightsError::BadHeader(_))
        ));
    }
}
