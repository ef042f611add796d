//! First-order Viterbi decoding under BIO constraints, over flat arrays.
//!
//! Scores are summed in the scorer's own type: whole numbers (`i32`) for
//! the quantised model, whose weights are whole multiples of its scale
//! (the same sums the `f32` arithmetic this replaced made exactly: a
//! sentence's best path stays far below 2^24), and `f32` for the float
//! weights of training. The search keeps its buffers from one sentence to
//! the next ([`Decode`]) and allocates nothing per word.

use std::ops::Add;

use super::features::{Sentence, S_TRANS};
use super::Label;
use crate::entities::fasthash::FxMap;
use crate::hash::fnv1a64_continue as fnv;
use crate::weights::Weights;

/// Something that scores a feature hash per label (quantised or float weights).
pub(crate) trait Scorer {
    /// A score: a sum of weights.
    type Score: Copy + PartialOrd + Add<Output = Self::Score>;
    /// The score of no feature.
    const ZERO: Self::Score;
    /// Below every score a path can have: a label no path reaches.
    const NONE: Self::Score;
    /// Adds the weights of feature `hash` (if it has any) to `out`, one per label.
    fn add(&self, hash: u32, out: &mut [Self::Score]);
    /// Adds the weights of each of `hashes`, in order.
    fn add_all(&self, hashes: &[u32], out: &mut [Self::Score]) {
        for &h in hashes {
            self.add(h, out);
        }
    }
}

impl Scorer for Weights {
    type Score = i32;
    const ZERO: i32 = 0;
    const NONE: i32 = i32::MIN;

    #[inline]
    fn add(&self, hash: u32, out: &mut [i32]) {
        if let Some(w) = self.get(hash) {
            for (o, &q) in out.iter_mut().zip(w) {
                *o += i32::from(q);
            }
        }
    }

    fn add_all(&self, hashes: &[u32], out: &mut [i32]) {
        self.add_to(hashes, out);
    }
}

/// The hash of a transition feature: its base state `h` (one of
/// [`Sentence::trans`]) followed by the previous label's name.
#[inline]
fn trans_hash(h: u64, prev: &str) -> u32 {
    (fnv(h, prev.as_bytes()) >> 32) as u32
}

/// Transition hashes for sentence position `i` after label name `prev`.
pub(crate) fn trans_hashes(s: &Sentence, i: usize, prev: &str) -> [u32; 3] {
    s.trans[i].map(|h| trans_hash(h, prev))
}

/// Most words whose transition scores a [`Decode::cached`] search keeps
/// (`nl × nl` scores each: 324 bytes for the shipped model's 9 labels).
const MAX_CACHED: usize = 2048;

/// The Viterbi search's buffers, kept from one sentence to the next.
pub(crate) struct Decode<T> {
    /// Best score per word and label (`n × nl`, row-major).
    score: Vec<T>,
    /// The previous label of that best path.
    back: Vec<u32>,
    /// Emission scores of one word.
    em: Vec<T>,
    /// Transition scores into the first word (after "<s>").
    start: Vec<T>,
    /// Transition scores into one word: `block[p × nl + y]` from label `p` to `y`.
    block: Vec<T>,
    /// Per previous label: the weights of "t|" and its name (the same at every word).
    after: Vec<T>,
    /// `allowed[p × nl + y]`: may label `y` follow label `p`?
    allowed: Vec<bool>,
    /// Whether blocks are kept for words seen again (one scorer for every
    /// sentence this is used with).
    cache: bool,
    /// Kept blocks, by a word's transition bases (by shape, by word): a
    /// block depends on nothing else. Offsets in `blocks`.
    cached: FxMap<(u64, u64), u32>,
    blocks: Vec<T>,
}

impl<T> Default for Decode<T> {
    fn default() -> Self {
        Decode {
            score: Vec::new(),
            back: Vec::new(),
            em: Vec::new(),
            start: Vec::new(),
            block: Vec::new(),
            after: Vec::new(),
            allowed: Vec::new(),
            cache: false,
            cached: FxMap::default(),
            blocks: Vec::new(),
        }
    }
}

impl<T> Decode<T> {
    /// Buffers that keep the transition scores of words seen before:
    /// only for searches that all use the same scorer.
    pub(crate) fn cached() -> Self {
        Decode {
            cache: true,
            ..Decode::default()
        }
    }
}

/// Viterbi decoding under BIO constraints. Returns label indices.
pub(crate) fn viterbi<S: Scorer>(
    s: &Sentence,
    labels: &[Label],
    names: &[String],
    w: &S,
) -> Vec<usize> {
    let mut out = Vec::new();
    viterbi_into(s, labels, names, w, &[], &mut Decode::default(), &mut out);
    out
}

/// [`viterbi`] into `out`, with buffers kept from sentence to sentence.
/// When the sentence has word types ([`Sentence::types`]), `own` holds
/// per type the summed weights of its own features (`nl` scores a type)
/// and a word's emission scores start from its type's.
pub(crate) fn viterbi_into<S: Scorer>(
    s: &Sentence,
    labels: &[Label],
    names: &[String],
    w: &S,
    own: &[S::Score],
    d: &mut Decode<S::Score>,
    out: &mut Vec<usize>,
) {
    let n = s.len();
    let nl = labels.len();
    out.clear();
    if n == 0 || nl == 0 {
        return;
    }
    let none = S::NONE;
    let zero = S::ZERO;
    d.score.clear();
    d.score.resize(n * nl, none);
    d.back.clear();
    d.back.resize(n * nl, 0);
    d.em.clear();
    d.em.resize(nl, zero);
    d.start.clear();
    d.start.resize(nl, zero);
    d.block.clear();
    d.block.resize(nl * nl, zero);
    if d.after.len() != nl * nl || !d.cache {
        d.allowed.clear();
        d.after.clear();
        d.after.resize(nl * nl, zero);
        for (p, prev) in labels.iter().enumerate() {
            d.allowed
                .extend(labels.iter().map(|y| y.may_follow(Some(*prev))));
            w.add(
                trans_hash(S_TRANS, &names[p]),
                &mut d.after[p * nl..(p + 1) * nl],
            );
        }
    }
    let em = &mut d.em[..];
    for i in 0..n {
        match s.types.get(i) {
            Some(&t) => em.copy_from_slice(&own[t as usize * nl..(t as usize + 1) * nl]),
            None => em.fill(zero),
        }
        w.add_all(s.emit(i), em);
        if i == 0 {
            for h in trans_hashes(s, 0, "<s>") {
                w.add(h, &mut d.start);
            }
            for (y, l) in labels.iter().enumerate() {
                if l.may_follow(None) {
                    d.score[y] = em[y] + d.start[y];
                }
            }
            continue;
        }
        let [_, by_shape, by_word] = s.trans[i];
        let key = (by_shape, by_word);
        let block: &[S::Score] = match d.cached.get(&key).copied() {
            Some(at) => &d.blocks[at as usize..at as usize + nl * nl],
            None => {
                for (p, name) in names.iter().enumerate().take(nl) {
                    let tr = &mut d.block[p * nl..(p + 1) * nl];
                    tr.copy_from_slice(&d.after[p * nl..(p + 1) * nl]);
                    w.add(trans_hash(by_shape, name), tr);
                    w.add(trans_hash(by_word, name), tr);
                }
                if d.cache && d.cached.len() < MAX_CACHED {
                    d.cached.insert(key, d.blocks.len() as u32);
                    d.blocks.extend_from_slice(&d.block);
                }
                &d.block
            }
        };
        let (done, rest) = d.score.split_at_mut(i * nl);
        let prev = &done[(i - 1) * nl..];
        let cur = &mut rest[..nl];
        let back = &mut d.back[i * nl..(i + 1) * nl];
        for (p, &ps) in prev.iter().enumerate() {
            if ps == none {
                continue;
            }
            let tr = &block[p * nl..(p + 1) * nl];
            let allowed = &d.allowed[p * nl..(p + 1) * nl];
            for y in 0..nl {
                if !allowed[y] {
                    continue;
                }
                let v = ps + em[y] + tr[y];
                if v > cur[y] {
                    cur[y] = v;
                    back[y] = p as u32;
                }
            }
        }
    }
    let last = &d.score[(n - 1) * nl..];
    let mut best = 0;
    for y in 0..nl {
        if last[y] > last[best] {
            best = y;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = d.back[i * nl + out[i]] as usize;
    }
}
