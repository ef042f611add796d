//! Greedy arc-standard dependency parser (averaged perceptron, labelled).
//!
//! Input: a sentence's tokens and their [`Pos`] tags (from [`Tagger`](super::tagger::Tagger));
//! output: for every token its head (`None` for the root) and a Universal
//! Dependencies relation (`nsubj`, `nsubj:pass`, `obj`, `ccomp`, `xcomp`,
//! `parataxis`, `root`…). Trees are projective. Transitions are `S` (shift),
//! `L:<rel>` (second-on-stack depends on the top) and `R:<rel>` (top depends
//! on the second); they are the CLW1 labels of model `claimlens-dep`.

use std::collections::{BTreeMap, HashMap};

use super::features::{normalise, Hasher};
use super::pos::Pos;
use crate::weights::{self, Sparse, Weights, WeightsError};

/// Model name written in (and required from) the CLW1 header.
pub const MODEL: &str = "claimlens-dep";

/// One token's attachment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dep<'a> {
    /// Index of the head token, `None` for the sentence root.
    pub head: Option<usize>,
    /// UD relation (`nsubj`, `ccomp`, `root`…).
    pub rel: &'a str,
}

/// A dependency parser built from CLW1 bytes.
#[derive(Clone, Debug)]
pub struct Parser {
    weights: Sparse,
    /// Per transition: 0 shift, 1 left, 2 right; and its relation name.
    moves: Vec<(u8, String)>,
    /// Relation name per transition (empty for shift), for features.
    rels: Vec<String>,
    /// Per transition its kind and whether it is the root arc.
    kinds: Vec<(u8, bool)>,
}

struct Sent {
    /// Per token (1-based; 0 is the artificial root, `n + 1` stands for no
    /// token): the word the features read, its tag, and the hashes of the
    /// features that read that one token ([`single`]).
    w: Vec<String>,
    t: Vec<&'static str>,
    single: Vec<[u32; SINGLE]>,
}

impl Sent {
    /// Tokens are 1-based; 0 is the artificial root.
    fn new(words: &[&str], tags: &[Pos]) -> Sent {
        let mut w = Vec::with_capacity(words.len() + 2);
        let mut t = Vec::with_capacity(words.len() + 2);
        w.push("-ROOT-".to_string());
        t.push("-ROOT-");
        for (i, word) in words.iter().enumerate() {
            w.push(first_part(normalise(word).to_lowercase()));
            t.push(tags.get(i).map_or("XX", |p| p.as_str()));
        }
        w.push("-NONE-".to_string());
        t.push("-NONE-");
        let single = w.iter().zip(&t).map(|(w, t)| single(w, t)).collect();
        Sent { w, t, single }
    }
}

/// The number of features that read one token (see [`single`]).
const SINGLE: usize = 13;

/// Indices into [`single`]'s hashes.
mod one {
    pub const S0W: usize = 0;
    pub const S0T: usize = 1;
    pub const S0WT: usize = 2;
    pub const S1W: usize = 3;
    pub const S1T: usize = 4;
    pub const S1WT: usize = 5;
    pub const S2T: usize = 6;
    pub const B0W: usize = 7;
    pub const B0T: usize = 8;
    pub const B0WT: usize = 9;
    pub const B1T: usize = 10;
    pub const B1W: usize = 11;
    pub const B2T: usize = 12;
}

/// The hashes of the features that read one token (word `w`, tag `t`),
/// for each place the token may be in: computed once per token instead
/// of once per transition.
fn single(w: &str, t: &str) -> [u32; SINGLE] {
    let (w, t) = (w.as_bytes(), t.as_bytes());
    let h1 = |name: Hasher, a: &[u8]| name.with(a).finish32();
    let h2 = |name: Hasher, a: &[u8], b: &[u8]| name.with(a).with(b"|").with(b).finish32();
    [
        h1(names::S0W, w),
        h1(names::S0T, t),
        h2(names::S0WT, w, t),
        h1(names::S1W, w),
        h1(names::S1T, t),
        h2(names::S1WT, w, t),
        h1(names::S2T, t),
        h1(names::B0W, w),
        h1(names::B0T, t),
        h2(names::B0WT, w, t),
        h1(names::B1T, t),
        h1(names::B1W, w),
        h1(names::B2T, t),
    ]
}

/// The feature names and their separator, hashed at compile time: a
/// feature is its name, then each of its parts after a `|`.
mod names {
    use super::Hasher;
    pub const B: u32 = Hasher::of(b"b").finish32();
    pub const S0W: Hasher = Hasher::of(b"s0w|");
    pub const S0T: Hasher = Hasher::of(b"s0t|");
    pub const S0WT: Hasher = Hasher::of(b"s0wt|");
    pub const S1W: Hasher = Hasher::of(b"s1w|");
    pub const S1T: Hasher = Hasher::of(b"s1t|");
    pub const S1WT: Hasher = Hasher::of(b"s1wt|");
    pub const S2T: Hasher = Hasher::of(b"s2t|");
    pub const B0W: Hasher = Hasher::of(b"b0w|");
    pub const B0T: Hasher = Hasher::of(b"b0t|");
    pub const B0WT: Hasher = Hasher::of(b"b0wt|");
    pub const B1T: Hasher = Hasher::of(b"b1t|");
    pub const B1W: Hasher = Hasher::of(b"b1w|");
    pub const B2T: Hasher = Hasher::of(b"b2t|");
    pub const S0W_S1W: Hasher = Hasher::of(b"s0w s1w|");
    pub const S0T_S1T: Hasher = Hasher::of(b"s0t s1t|");
    pub const S0W_S1T: Hasher = Hasher::of(b"s0w s1t|");
    pub const S0T_S1W: Hasher = Hasher::of(b"s0t s1w|");
    pub const S0T_B0T: Hasher = Hasher::of(b"s0t b0t|");
    pub const S0W_B0W: Hasher = Hasher::of(b"s0w b0w|");
    pub const S1T_S0T_B0T: Hasher = Hasher::of(b"s1t s0t b0t|");
    pub const S2T_S1T_S0T: Hasher = Hasher::of(b"s2t s1t s0t|");
    pub const S0T_B0T_B1T: Hasher = Hasher::of(b"s0t b0t b1t|");
    pub const S0LC: Hasher = Hasher::of(b"s0lc|");
    pub const S0RC: Hasher = Hasher::of(b"s0rc|");
    pub const S1LC: Hasher = Hasher::of(b"s1lc|");
    pub const S1RC: Hasher = Hasher::of(b"s1rc|");
    pub const S1T_S0T_S0LCL: Hasher = Hasher::of(b"s1t s0t s0lcl|");
    pub const S1T_S0T_S1RCL: Hasher = Hasher::of(b"s1t s0t s1rcl|");
    pub const S1T_S0T_S1LCL: Hasher = Hasher::of(b"s1t s0t s1lcl|");
    pub const DIST: Hasher = Hasher::of(b"dist|");
    pub const VAL0: Hasher = Hasher::of(b"val0|");
    pub const VAL0W: Hasher = Hasher::of(b"val0w|");
}

/// The app keeps contractions whole (`don't`, `I'm`, `cannot`); the parser
/// was trained on UD tokens (`do` `n't`), so a contraction is read as its
/// first part (`do`, `i`, `can`), which carries the attachment.
fn first_part(w: String) -> String {
    if w == "cannot" {
        return "can".into();
    }
    for suf in ["n't", "'m", "'re", "'ve", "'ll", "'d"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if !stem.is_empty() && stem.chars().all(char::is_alphabetic) {
                return stem.to_string();
            }
        }
    }
    w
}

/// Parser state: stack, next buffer index, heads, relations and children.
struct State {
    stack: Vec<usize>,
    b: usize,
    n: usize,
    head: Vec<usize>,
    rel: Vec<u16>,
    lc: Vec<usize>, // leftmost child (0 = none)
    rc: Vec<usize>, // rightmost child
    nl: Vec<u8>,
    nr: Vec<u8>,
}

const NONE_REL: u16 = u16::MAX;

impl State {
    fn new(n: usize) -> State {
        State {
            stack: vec![0],
            b: 1,
            n,
            head: vec![usize::MAX; n + 1],
            rel: vec![NONE_REL; n + 1],
            lc: vec![0; n + 1],
            rc: vec![0; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
        }
    }
    fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }
    fn valid(&self, kind: u8) -> bool {
        let k = self.stack.len();
        match kind {
            0 => self.b <= self.n,
            1 => k >= 2 && self.stack[k - 2] != 0,
            _ => k >= 2 && (self.stack[k - 2] != 0 || self.b > self.n),
        }
    }
    fn apply(&mut self, kind: u8, rel: u16) {
        let k = self.stack.len();
        match kind {
            0 => {
                self.stack.push(self.b);
                self.b += 1;
            }
            1 => {
                let (h, d) = (self.stack[k - 1], self.stack[k - 2]);
                self.attach(h, d, rel);
                self.stack.remove(k - 2);
            }
            _ => {
                let (h, d) = (self.stack[k - 2], self.stack[k - 1]);
                self.attach(h, d, rel);
                self.stack.pop();
            }
        }
    }
    fn attach(&mut self, h: usize, d: usize, rel: u16) {
        self.head[d] = h;
        self.rel[d] = rel;
        if d < h {
            if self.lc[h] == 0 || d < self.lc[h] {
                self.lc[h] = d;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
        } else {
            if d > self.rc[h] {
                self.rc[h] = d;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
        }
    }
}

fn features(s: &Sent, st: &State, rels: &[String], out: &mut Vec<u32>) {
    use names::*;
    let k = st.stack.len();
    // Positions in `s`; `none` (the last) stands for no token.
    let none = s.w.len() - 1;
    let s0 = if k >= 1 { st.stack[k - 1] } else { none };
    let s1 = if k >= 2 { st.stack[k - 2] } else { none };
    let s2 = if k >= 3 { st.stack[k - 3] } else { none };
    let bi = |j: usize| if st.b + j <= st.n { st.b + j } else { none };
    let (b0, b1, b2) = (bi(0), bi(1), bi(2));
    let w = |x: usize| s.w[x].as_bytes();
    let t = |x: usize| s.t[x].as_bytes();
    let child = |x: usize, left: bool| -> usize {
        if x == none {
            return none;
        }
        let c = if left { st.lc[x] } else { st.rc[x] };
        if c == 0 {
            none
        } else {
            c
        }
    };
    let l = |x: usize| -> &[u8] {
        if x == none || st.rel[x] == NONE_REL {
            b"-NONE-"
        } else {
            rels[st.rel[x] as usize].as_bytes()
        }
    };
    let f2 = |name: Hasher, a: &[u8], b: &[u8]| name.with(a).with(b"|").with(b).finish32();
    let f3 = |name: Hasher, a: &[u8], b: &[u8], c: &[u8]| {
        name.with(a)
            .with(b"|")
            .with(b)
            .with(b"|")
            .with(c)
            .finish32()
    };
    let (s0lc, s0rc, s1lc, s1rc) = (
        child(s0, true),
        child(s0, false),
        child(s1, true),
        child(s1, false),
    );
    const DIGITS: [&[u8]; 6] = [b"0", b"1", b"2", b"3", b"4", b"5"];
    let dist: &[u8] = if s0 != none && s1 != none {
        DIGITS[(s0 - s1).min(5)]
    } else {
        b"-"
    };
    let v0buf: [u8; 3] = if s0 != none {
        [b'0' + st.nl[s0].min(3), b'/', b'0' + st.nr[s0].min(3)]
    } else {
        [b'-', 0, 0]
    };
    let v0: &[u8] = if s0 != none { &v0buf } else { &v0buf[..1] };
    let (o0, o1, o2) = (&s.single[s0], &s.single[s1], &s.single[s2]);
    let (p0, p1, p2) = (&s.single[b0], &s.single[b1], &s.single[b2]);
    out.extend_from_slice(&[
        B,
        o0[one::S0W],
        o0[one::S0T],
        o0[one::S0WT],
        o1[one::S1W],
        o1[one::S1T],
        o1[one::S1WT],
        o2[one::S2T],
        p0[one::B0W],
        p0[one::B0T],
        p0[one::B0WT],
        p1[one::B1T],
        p1[one::B1W],
        p2[one::B2T],
        f2(S0W_S1W, w(s0), w(s1)),
        f2(S0T_S1T, t(s0), t(s1)),
        f2(S0W_S1T, w(s0), t(s1)),
        f2(S0T_S1W, t(s0), w(s1)),
        f2(S0T_B0T, t(s0), t(b0)),
        f2(S0W_B0W, w(s0), w(b0)),
        f3(S1T_S0T_B0T, t(s1), t(s0), t(b0)),
        f3(S2T_S1T_S0T, t(s2), t(s1), t(s0)),
        f3(S0T_B0T_B1T, t(s0), t(b0), t(b1)),
        f2(S0LC, t(s0lc), l(s0lc)),
        f2(S0RC, t(s0rc), l(s0rc)),
        f2(S1LC, t(s1lc), l(s1lc)),
        f2(S1RC, t(s1rc), l(s1rc)),
        f3(S1T_S0T_S0LCL, t(s1), t(s0), l(s0lc)),
        f3(S1T_S0T_S1RCL, t(s1), t(s0), l(s1rc)),
        f3(S1T_S0T_S1LCL, t(s1), t(s0), l(s1lc)),
        f3(DIST, dist, t(s1), t(s0)),
        f2(VAL0, v0, t(s0)),
        f2(VAL0W, v0, w(s0)),
    ]);
}

impl Parser {
    /// Load a parser from CLW1 bytes (model `claimlens-dep`).
    pub fn from_bytes(b: &[u8]) -> Result<Parser, WeightsError> {
        let weights = Weights::from_bytes(b)?;
        if weights.header("model") != Some(MODEL) {
            return Err(WeightsError::BadHeader(format!("model is not {MODEL}")));
        }
        let moves = parse_moves(weights.labels())?;
        // Shift and the root arc keep every state with a valid move.
        if !moves.iter().any(|m| m.0 == 0) || !moves.iter().any(|m| m.0 == 2 && m.1 == "root") {
            return Err(WeightsError::BadHeader(
                "transitions lack S or R:root".into(),
            ));
        }
        let rels = moves.iter().map(|m| m.1.clone()).collect();
        Ok(Parser {
            weights: Sparse::new(weights)?,
            kinds: kinds(&moves),
            moves,
            rels,
        })
    }

    /// Heads and relations of a tagged sentence (one entry per token).
    pub fn parse(&self, words: &[&str], tags: &[Pos]) -> Vec<Dep<'_>> {
        let n = words.len();
        let s = Sent::new(words, tags);
        let rels = &self.rels;
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.moves.len()];
        while !st.done() {
            feats.clear();
            features(&s, &st, rels, &mut feats);
            scores.iter_mut().for_each(|x| *x = 0);
            self.weights.add_to(&feats, &mut scores);
            let best = best_valid(&st, &self.kinds, |m| scores[m] as f64);
            let (kind, _) = &self.moves[best];
            st.apply(*kind, best as u16);
        }
        (1..=n)
            .map(|i| {
                let h = st.head[i];
                let rel = if st.rel[i] == NONE_REL {
                    "dep"
                } else {
                    self.moves[st.rel[i] as usize].1.as_str()
                };
                if h == 0 || h == usize::MAX {
                    Dep {
                        head: None,
                        rel: if h == 0 { "root" } else { rel },
                    }
                } else {
                    Dep {
                        head: Some(h - 1),
                        rel,
                    }
                }
            })
            .collect()
    }
}

fn parse_moves(labels: &[String]) -> Result<Vec<(u8, String)>, WeightsError> {
    labels
        .iter()
        .map(|l| match l.split_once(':') {
            None if l == "S" => Ok((0, String::new())),
            Some(("L", r)) => Ok((1, r.to_string())),
            Some(("R", r)) => Ok((2, r.to_string())),
            _ => Err(WeightsError::BadHeader(format!("transition {l:?}"))),
        })
        .collect()
}

/// Per transition its kind (0 shift, 1 left, 2 right) and whether its
/// relation is `root`, for [`best_valid`].
fn kinds(moves: &[(u8, String)]) -> Vec<(u8, bool)> {
    moves.iter().map(|(k, r)| (*k, r == "root")).collect()
}

fn best_valid(st: &State, moves: &[(u8, bool)], score: impl Fn(usize) -> f64) -> usize {
    let mut best = usize::MAX;
    let mut bs = f64::NEG_INFINITY;
    let k = st.stack.len();
    // Arcs from the artificial root are `root`, and only they.
    let root_arc = k >= 2 && st.stack[k - 2] == 0;
    let valid = [st.valid(0), st.valid(1), st.valid(2)];
    for (m, &(kind, root)) in moves.iter().enumerate() {
        if !valid[usize::from(kind.min(2))] {
            continue;
        }
        if kind == 2 && k >= 2 && root_arc != root {
            continue;
        }
        if kind == 1 && root {
            continue;
        }
        let v = score(m);
        if v > bs {
            bs = v;
            best = m;
        }
    }
    if best == usize::MAX {
        // No scored move is valid (e.g. no `root` label): shift, else attach right.
        best = moves
            .iter()
            .position(|&(kind, root)| st.valid(kind) && (kind != 1 || !root))
            .unwrap_or(0);
    }
    best
}

/// One training sentence for the parser.
pub struct DepExample {
    /// Token strings.
    pub words: Vec<String>,
    /// Tags (predicted by the tagger, to match run time).
    pub tags: Vec<Pos>,
    /// Gold heads, 1-based (0 = root), as in CoNLL-U.
    pub heads: Vec<usize>,
    /// Gold relations.
    pub rels: Vec<String>,
}

/// The oracle's transitions for a projective tree, or `None` if it is not projective.
fn oracle(ex: &DepExample, index: &HashMap<(u8, String), usize>) -> Option<Vec<usize>> {
    let n = ex.words.len();
    let mut gold_kids = vec![0usize; n + 1];
    for &h in &ex.heads {
        gold_kids[h] += 1;
    }
    let mut st = State::new(n);
    let mut got = vec![0usize; n + 1];
    let mut out = Vec::new();
    while !st.done() {
        let k = st.stack.len();
        let mv =
            if k >= 2 && st.stack[k - 2] != 0 && ex.heads[st.stack[k - 2] - 1] == st.stack[k - 1] {
                let d = st.stack[k - 2];
                (1u8, ex.rels[d - 1].clone())
            } else if k >= 2
                && ex.heads[st.stack[k - 1] - 1] == st.stack[k - 2]
                && got[st.stack[k - 1]] == gold_kids[st.stack[k - 1]]
            {
                let d = st.stack[k - 1];
                (2u8, ex.rels[d - 1].clone())
            } else if st.b <= n {
                (0u8, String::new())
            } else {
                return None;
            };
        let m = *index.get(&mv)?;
        if !st.valid(mv.0) {
            return None;
        }
        if mv.0 == 1 {
            got[st.stack[k - 1]] += 1;
        } else if mv.0 == 2 {
            got[st.stack[k - 2]] += 1;
        }
        st.apply(mv.0, m as u16);
        out.push(m);
    }
    Some(out)
}

/// Train the parser; returns CLW1 bytes. `rels` is the relation inventory
/// (every relation in `examples` must be in it). Non-projective sentences are skipped.
/// `header` holds extra header lines and must include `data` (a hash of the training data).
pub fn train_parser(
    examples: &[DepExample],
    rels: &[String],
    epochs: usize,
    seed: u64,
    min_count: u32,
    prune: f32,
    header: &[(String, String)],
) -> Vec<u8> {
    let mut moves: Vec<(u8, String)> = vec![(0, String::new())];
    for r in rels {
        moves.push((1, r.clone()));
        moves.push((2, r.clone()));
    }
    let move_kinds = kinds(&moves);
    let index: HashMap<(u8, String), usize> = moves
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, m)| (m, i))
        .collect();
    let names: Vec<String> = moves
        .iter()
        .map(|(k, r)| match k {
            0 => "S".to_string(),
            1 => format!("L:{r}"),
            _ => format!("R:{r}"),
        })
        .collect();
    let rel_names: Vec<String> = moves.iter().map(|m| m.1.clone()).collect();
    let nl = moves.len();
    let usable: Vec<(usize, Vec<usize>)> = examples
        .iter()
        .enumerate()
        .filter_map(|(i, ex)| oracle(ex, &index).map(|o| (i, o)))
        .collect();
    eprintln!(
        "parser: {} of {} sentences projective",
        usable.len(),
        examples.len()
    );
    #[derive(Clone, Copy, Default)]
    struct Cell {
        w: f32,
        total: f64,
        ts: u32,
    }
    let mut model: HashMap<u32, Vec<Cell>> = HashMap::new();
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let mut now = 0u32;
    let mut order: Vec<usize> = (0..usable.len()).collect();
    let mut rng = seed | 1;
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nl];
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let r = rng.wrapping_mul(0x2545_F491_4F6C_DD1D);
            order.swap(i, (r % (i as u64 + 1)) as usize);
        }
        let (mut ok, mut total) = (0usize, 0usize);
        for &o in &order {
            let (ei, gold) = &usable[o];
            let ex = &examples[*ei];
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let s = Sent::new(&words, &ex.tags);
            let mut st = State::new(words.len());
            for &g in gold {
                feats.clear();
                features(&s, &st, &rel_names, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                for f in &feats {
                    if let Some(row) = model.get(f) {
                        for (x, c) in scores.iter_mut().zip(row) {
                            *x += c.w;
                        }
                    }
                }
                let guess = best_valid(&st, &move_kinds, |m| scores[m] as f64);
                now += 1;
                if epoch == 0 {
                    for f in &feats {
                        *counts.entry(*f).or_insert(0) += 1;
                    }
                }
                if guess != g {
                    for f in &feats {
                        let row = model.entry(*f).or_insert_with(|| vec![Cell::default(); nl]);
                        for (l, d) in [(g, 1.0f32), (guess, -1.0)] {
                            let c = &mut row[l];
                            c.total += (now - c.ts) as f64 * c.w as f64;
                            c.ts = now;
                            c.w += d;
                        }
                    }
                } else {
                    ok += 1;
                }
                total += 1;
                st.apply(moves[g].0, g as u16);
            }
        }
        eprintln!(
            "parser epoch {epoch}: transition acc {:.4} ({} features)",
            ok as f64 / total as f64,
            model.len()
        );
    }
    let mut rows: BTreeMap<u32, Vec<f32>> = BTreeMap::new();
    let mut maxw = 0f32;
    for (h, row) in &model {
        if counts.get(h).copied().unwrap_or(0) < min_count {
            continue;
        }
        let avg: Vec<f32> = row
            .iter()
            .map(|c| ((c.total + (now - c.ts) as f64 * c.w as f64) / now as f64) as f32)
            .collect();
        maxw = avg.iter().fold(maxw, |m, w| m.max(w.abs()));
        rows.insert(*h, avg);
    }
    let scale = (maxw / 127.0).max(1e-9);
    for r in rows.values_mut() {
        for w in r.iter_mut() {
            if w.abs() < prune * scale {
                *w = 0.0;
            }
        }
    }
    let mut hdr: BTreeMap<String, String> = [
        ("model", MODEL.to_string()),
        ("seed", seed.to_string()),
        ("epochs", epochs.to_string()),
        ("min_count", min_count.to_string()),
        ("prune", prune.to_string()),
        ("labels", names.join(" ")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in header {
        hdr.insert(k.clone(), v.clone());
    }
    let entries: Vec<(u32, Vec<f32>)> = rows.into_iter().collect();
    weights::write(&hdr, scale, &entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(spec: &[(&str, Pos, usize, &str)]) -> DepExample {
        DepExample {
            words: spec.iter().map(|s| s.0.to_string()).collect(),
            tags: spec.iter().map(|s| s.1).collect(),
            heads: spec.iter().map(|s| s.2).collect(),
            rels: spec.iter().map(|s| s.3.to_string()).collect(),
        }
    }

    #[test]
    fn learns_a_tiny_treebank_deterministically() {
        let data = vec![
            ex(&[
                ("He", Pos::PRP, 2, "nsubj"),
                ("said", Pos::VBD, 0, "root"),
                ("it", Pos::PRP, 4, "nsubj"),
                ("failed", Pos::VBD, 2, "ccomp"),
                (".", Pos::Period, 2, "punct"),
            ]),
            ex(&[
                ("She", Pos::PRP, 2, "nsubj"),
                ("saw", Pos::VBD, 0, "root"),
                ("him", Pos::PRP, 2, "obj"),
                (".", Pos::Period, 2, "punct"),
            ]),
        ];
        let rels: Vec<String> = ["nsubj", "root", "ccomp", "punct", "obj"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // CLW1 requires a `data` key (the training data's hash).
        let header = [("data".to_string(), "0".to_string())];
        let a = train_parser(&data, &rels, 10, 3, 1, 0.0, &header);
        assert_eq!(a, train_parser(&data, &rels, 10, 3, 1, 0.0, &header));
        let p = Parser::from_bytes(&a).unwrap();
        let got = p.parse(
            &["He", "said", "it", "failed", "."],
            &[Pos::PRP, Pos::VBD, Pos::PRP, Pos::VBD, Pos::Period],
        );
        let want = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(3), "nsubj"),
            (Some(1), "ccomp"),
            (Some(1), "punct"),
        ];
        let got: Vec<(Option<usize>, &str)> = got.iter().map(|d| (d.head, d.rel)).collect();
        assert_eq!(got, want);
        assert!(p.parse(&[], &[]).is_empty());
        // Tags shorter than words, unknown words: still one attachment per token.
        assert_eq!(p.parse(&["zzz", "qqq", "."], &[Pos::NN]).len(), 3);
        // A tagger's weights are not a parser's.
        let header: BTreeMap<String, String> = [
            ("model", MODEL),
            ("labels", "S"),
            ("data", "0"),
            ("seed", "1"),
            ("epochs", "1"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert!(
            Parser::from_bytes(&crate::weights::write(&header, 1.0, &[(1, vec![1.0])])).is_err()
        );
    }

    /// The committed weights (`data/weights/dep.clw`, `pos.clw`): subject and
    /// content clause of a reporting verb.
    #[test]
    fn shipped_weights_table() {
        let p = Parser::from_bytes(include_bytes!("../../../../data/weights/dep.clw")).unwrap();
        let t = crate::text::tagger::Tagger::from_bytes(include_bytes!(
            "../../../../data/weights/pos.clw"
        ))
        .unwrap();
        // (sentence, dependent, expected head, expected relation)
        let cases: &[(&str, usize, Option<usize>, &str)] = &[
            ("Officials said the talks failed .", 0, Some(1), "nsubj"),
            ("Officials said the talks failed .", 1, None, "root"),
            ("Officials said the talks failed .", 4, Some(1), "ccomp"),
            ("Officials said the talks failed .", 3, Some(4), "nsubj"),
            (
                "The minister said that prices would rise .",
                1,
                Some(2),
                "nsubj",
            ),
            (
                "The minister said that prices would rise .",
                6,
                Some(2),
                "ccomp",
            ),
            (
                "The minister said that prices would rise .",
                3,
                Some(6),
                "mark",
            ),
            (
                "The bridge was destroyed by the army .",
                1,
                Some(3),
                "nsubj:pass",
            ),
            (
                "Officials in Ankara don't expect the talks to resume .",
                0,
                Some(4),
                "nsubj",
            ),
            (
                "Officials in Ankara don't expect the talks to resume .",
                4,
                None,
                "root",
            ),
        ];
        for &(s, i, head, rel) in cases {
            let words: Vec<&str> = s.split(' ').collect();
            let deps = p.parse(&words, &t.tag(&words));
            assert_eq!(
                (deps[i].head, deps[i].rel),
                (head, rel),
                "{s:?} token {i}: {deps:?}"
            );
        }
    }

    #[test]
    fn oracle_rejects_non_projective() {
        // 1 -> 3, 2 -> 4 crossing arcs.
        let e = ex(&[
            ("a", Pos::NN, 3, "dep"),
            ("b", Pos::NN, 4, "dep"),
            ("c", Pos::NN, 0, "root"),
            ("d", Pos::NN, 3, "dep"),
        ]);
        let moves: [(u8, String); 5] = [
            (0u8, String::new()),
            (1, "dep".into()),
            (2, "dep".into()),
            (1, "root".into()),
            (2, "root".into()),
        ];
        let index: HashMap<(u8, String), usize> = moves
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, m)| (m, i))
            .collect();
        assert!(oracle(&e, &index).is_none());
    }

    /// The features are the CLW1 hashes of the strings they stand for.
    #[test]
    fn features_are_the_hashes_of_their_strings() {
        use crate::weights::feature_hash as fh;
        let s = Sent::new(
            &["Officials", "don’t", "agree"],
            &[Pos::NNS, Pos::VBP, Pos::VB],
        );
        let rels = vec![String::new(), "nsubj".to_string()];
        let mut st = State::new(3);
        st.apply(0, 0);
        st.apply(0, 0);
        st.apply(1, 1);
        // stack [0, 2] (do, with its left child officials), buffer [agree]
        let mut got = Vec::new();
        features(&s, &st, &rels, &mut got);
        let want = [
            "b",
            "s0w|do",
            "s0t|VBP",
            "s0wt|do|VBP",
            "s1w|-ROOT-",
            "s1t|-ROOT-",
            "s1wt|-ROOT-|-ROOT-",
            "s2t|-NONE-",
            "b0w|agree",
            "b0t|VB",
            "b0wt|agree|VB",
            "b1t|-NONE-",
            "b1w|-NONE-",
            "b2t|-NONE-",
            "s0w s1w|do|-ROOT-",
            "s0t s1t|VBP|-ROOT-",
            "s0w s1t|do|-ROOT-",
            "s0t s1w|VBP|-ROOT-",
            "s0t b0t|VBP|VB",
            "s0w b0w|do|agree",
            "s1t s0t b0t|-ROOT-|VBP|VB",
            "s2t s1t s0t|-NONE-|-ROOT-|VBP",
            "s0t b0t b1t|VBP|VB|-NONE-",
            "s0lc|NNS|nsubj",
            "s0rc|-NONE-|-NONE-",
            "s1lc|-NONE-|-NONE-",
            "s1rc|-NONE-|-NONE-",
            "s1t s0t s0lcl|-ROOT-|VBP|nsubj",
            "s1t s0t s1rcl|-ROOT-|VBP|-NONE-",
            "s1t s0t s1lcl|-ROOT-|VBP|-NONE-",
            "dist|2|-ROOT-|VBP",
            "val0|1/0|VBP",
            "val0w|1/0|do",
        ];
        assert_eq!(got, want.map(fh));
    }
}
