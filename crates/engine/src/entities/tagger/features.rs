//! The name tagger's features, hashed as they are made.
//!
//! A feature is a string ("l=paris", "ss-1|ss|ss+1=Xx|x|Xx") whose model
//! key is its [`feature_hash`](crate::weights::feature_hash): the upper 32
//! bits of its FNV-1a 64. No string is built here: FNV-1a reads its input
//! as one stream, so the hash of a fixed prefix ("l=", "cap=initcap|g=B")
//! is computed at compile time and each word's bytes are hashed on from
//! that state, straight from the sentence. What every feature of a word
//! reads of its neighbours (the lower-case word, its shape and short shape,
//! its capitalisation pattern and head-word classes) is worked out once per
//! word, in buffers a caller keeps from one sentence to the next
//! ([`Work`]), and the features of a sentence are one flat array
//! ([`Sentence`]). The features and their order are those the model was
//! trained with: changing either needs a new `ner.clw`.

use std::sync::OnceLock;

use super::{
    Gazetteer, EVENT_HEADS, G_CITY, G_COUNTRY, G_FIRST, G_NAMES, G_REGION, G_STATE, ORG_CONTEXT,
    ORG_HEADS, PLACE_HEADS,
};
use crate::entities::fasthash::FxMap;
use crate::hash::{fnv1a64_continue as fnv, FNV_OFFSET};
use crate::text::WordSet;

/// The FNV-1a 64 state after `parts`, one stream.
const fn state(parts: &[&[u8]]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < parts.len() {
        h = fnv(h, parts[i]);
        i += 1;
    }
    h
}

/// A feature's hash from its FNV-1a 64 state (the upper 32 bits).
#[inline]
const fn top(h: u64) -> u32 {
    (h >> 32) as u32
}

/// The hash of the feature `parts` make (`feature_hash` of their concatenation).
const fn fh(parts: &[&[u8]]) -> u32 {
    top(state(parts))
}

/// Capitalisation patterns, by [`Tok::cap`].
const CAPS: [&str; 7] = [
    "num", "punct", "init1", "allcap", "initcap", "lower", "mixed",
];
const CAP_NUM: u8 = 0;
const CAP_PUNCT: u8 = 1;
const CAP_INIT1: u8 = 2;
const CAP_ALLCAP: u8 = 3;
const CAP_INITCAP: u8 = 4;
const CAP_LOWER: u8 = 5;
const CAP_MIXED: u8 = 6;

/// The hashes of `prefix` followed by each capitalisation pattern.
const fn by_cap(prefix: &[u8]) -> [u32; 7] {
    let mut out = [0; 7];
    let mut c = 0;
    while c < 7 {
        out[c] = fh(&[prefix, CAPS[c].as_bytes()]);
        c += 1;
    }
    out
}

const F_BIAS: u32 = fh(&[b"b"]);
const F_LONG: u32 = fh(&[b"long"]);
const F_FRIENDS_OF: u32 = fh(&[b"friends-of"]);
const F_CAP: [u32; 7] = by_cap(b"cap=");
const F_FIRST_CAP: [u32; 7] = by_cap(b"first|cap=");
const F_ORG_HEAD: [u32; 7] = by_cap(b"oh|cap=");
const F_ORG_HEAD_NEXT: [[u32; 7]; 3] = [
    by_cap(b"oh+1|cap="),
    by_cap(b"oh+2|cap="),
    by_cap(b"oh+3|cap="),
];
const F_ORG_HEAD_PREV: [u32; 7] = by_cap(b"oh-1|cap=");
const F_PLACE_HEAD: [u32; 7] = by_cap(b"ph|cap=");
const F_EVENT_HEAD: [u32; 7] = by_cap(b"eh|cap=");
const F_ORG_CONTEXT: [u32; 7] = by_cap(b"orgctx|cap=");
/// Sentence case ("upper", "lower", "title") with the word's pattern.
const F_CASE_CAP: [[u32; 7]; 3] = [
    by_cap(b"sc=upper|cap="),
    by_cap(b"sc=lower|cap="),
    by_cap(b"sc=title|cap="),
];

const S_WORD: u64 = state(&[b"l="]);
const S_SHAPE: u64 = state(&[b"sh="]);
const S_SHORT: u64 = state(&[b"ss="]);
/// "p1=" … "p4=" and "s1=" … "s4=" (index 0 unused).
const S_PREFIX: [u64; 5] = [
    0,
    state(&[b"p1="]),
    state(&[b"p2="]),
    state(&[b"p3="]),
    state(&[b"p4="]),
];
const S_SUFFIX: [u64; 5] = [
    0,
    state(&[b"s1="]),
    state(&[b"s2="]),
    state(&[b"s3="]),
    state(&[b"s4="]),
];
/// Neighbouring words at -2, -1, +1, +2 (the offsets are written without a
/// plus sign: "l1=").
const S_NEAR: [u64; 4] = [
    state(&[b"l-2="]),
    state(&[b"l-1="]),
    state(&[b"l1="]),
    state(&[b"l2="]),
];
const S_SHORT_PREV: u64 = state(&[b"ss-1="]);
const S_SHORT_NEXT: u64 = state(&[b"ss+1="]);
const S_PREV_WORD: u64 = state(&[b"l-1|l="]);
const S_WORD_NEXT: u64 = state(&[b"l|l+1="]);
const S_SHORT3: u64 = state(&[b"ss-1|ss|ss+1="]);
const S_CASE_WORD: [u64; 3] = [
    state(&[b"sc=upper|l="]),
    state(&[b"sc=lower|l="]),
    state(&[b"sc=title|l="]),
];
const S_RUN_LAST: u64 = state(&[b"run_last="]);
const S_RUN_FIRST: u64 = state(&[b"run_first="]);
const S_EXTRA: u64 = state(&[b"x="]);
const S_EXTRA_PREV: u64 = state(&[b"x-1="]);
const S_EXTRA_NEXT: u64 = state(&[b"x+1="]);
const S_EXTRA_CAP: u64 = state(&[b"x|cap="]);

/// Positions in a capitalised run.
const POS: [&str; 4] = ["only", "first", "last", "mid"];

/// The hashes of `prefix` followed by each run position.
const fn by_pos(prefix: &[u8]) -> [u32; 4] {
    let mut out = [0; 4];
    let mut p = 0;
    while p < 4 {
        out[p] = fh(&[prefix, POS[p].as_bytes()]);
        p += 1;
    }
    out
}

/// "run={len}|{pos}" for runs of 1 to 4 (or more) words (index 0 unused).
const F_RUN: [[u32; 4]; 5] = [
    [0; 4],
    by_pos(b"run=1|"),
    by_pos(b"run=2|"),
    by_pos(b"run=3|"),
    by_pos(b"run=4|"),
];
const F_RUN_ORG_HEAD: [u32; 4] = by_pos(b"run_oh|");
/// Head-word class (org, place, event) of the run's last / first word.
const F_RUN_LAST_HEAD: [[u32; 4]; 3] = [
    by_pos(b"run_lasthead=o|"),
    by_pos(b"run_lasthead=p|"),
    by_pos(b"run_lasthead=e|"),
];
const F_RUN_FIRST_HEAD: [[u32; 4]; 3] = [
    by_pos(b"run_firsthead=o|"),
    by_pos(b"run_firsthead=p|"),
    by_pos(b"run_firsthead=e|"),
];
const F_RUN_LAST_PLACE: [u32; 4] = by_pos(b"run_last_place|");
const F_RUN_FIRST_NAME: [u32; 4] = by_pos(b"run_first_name|");

/// Gazetteer features of one tag ("g=", "g-1=", …): `[B or I][class]`, in
/// the order of [`G_NAMES`].
type GazRow = [[u32; 8]; 2];

const fn gaz_row(tag: u64) -> GazRow {
    let mut out = [[0; 8]; 2];
    let mut k = 0;
    while k < 8 {
        let name = G_NAMES[k].1.as_bytes();
        out[0][k] = top(fnv(fnv(tag, b"B"), name));
        out[1][k] = top(fnv(fnv(tag, b"I"), name));
        k += 1;
    }
    out
}

/// Tags "g=", "g-1=", "g+1=", then "cap={pattern}|g=" per pattern.
const GAZ: [GazRow; 10] = {
    let mut t = [[[0; 8]; 2]; 10];
    t[0] = gaz_row(state(&[b"g="]));
    t[1] = gaz_row(state(&[b"g-1="]));
    t[2] = gaz_row(state(&[b"g+1="]));
    let mut c = 0;
    while c < 7 {
        t[3 + c] = gaz_row(state(&[b"cap=", CAPS[c].as_bytes(), b"|g="]));
        c += 1;
    }
    t
};

/// Transition features: "t|", "t|ss={short shape}|", "t|l={word}|", each
/// followed by the previous label's name.
pub(crate) const S_TRANS: u64 = state(&[b"t|"]);
const S_TRANS_SHORT: u64 = state(&[b"t|ss="]);
const S_TRANS_WORD: u64 = state(&[b"t|l="]);

// Word classes ([`Tok::flags`]).
const CAPPED: u16 = 1;
const ORG_HEAD: u16 = 2;
const PLACE_HEAD: u16 = 4;
const EVENT_HEAD: u16 = 8;
const ORG_CONTEXT_WORD: u16 = 16;
/// May join the words of a capitalised run ("Bank of New York").
const RUN_JOIN: u16 = 32;
/// May stand between a word and an organisation head after it.
const HEAD_JOIN: u16 = 64;
/// The lower-case word is ASCII (its characters are its bytes).
const ASCII: u16 = 128;
/// The word has a letter.
const ALPHA: u16 = 256;
/// The word is upper case: two characters or more, letters, none lower case.
const UPPER: u16 = 512;

/// The class flags of a lower-case word: the head-word and context
/// [`WordSet`]s and the connector words, in one table built from their
/// words, so that a word is hashed once. (Asking the four sets in turn
/// measured 29 M instructions more on a 200 KB text under callgrind:
/// featurising 15 % slower.)
fn classes(lower: &str) -> u16 {
    static T: OnceLock<FxMap<&'static str, u16>> = OnceLock::new();
    let t = T.get_or_init(|| {
        let mut t: FxMap<&'static str, u16> = FxMap::default();
        for (list, flag) in [
            (&ORG_HEADS, ORG_HEAD),
            (&PLACE_HEADS, PLACE_HEAD),
            (&EVENT_HEADS, EVENT_HEAD),
            (&ORG_CONTEXT, ORG_CONTEXT_WORD),
            (&RUN_JOINS, RUN_JOIN),
            (&HEAD_JOINS, HEAD_JOIN),
        ] {
            for w in list.words() {
                *t.entry(w).or_insert(0) |= flag;
            }
        }
        t
    });
    t.get(lower).copied().unwrap_or(0)
}

/// Words that may join the words of a capitalised run.
static RUN_JOINS: WordSet = WordSet::new("of|the|and|&|for|de|du|von|van|da|del|on|");
/// Words that may stand between a word and an organisation head after it.
static HEAD_JOINS: WordSet = WordSet::new("of|and|&|for|the|");

/// What the features of a sentence read of one word.
#[derive(Clone, Copy, Default)]
struct Tok {
    /// Byte ranges in [`Work::buf`]: the lower-case word, its shape (the
    /// first 12 characters as `X`, `x`, `d` or themselves) and its short
    /// shape (the shape without repeats).
    lower: (u32, u32),
    shape: (u32, u32),
    short: (u32, u32),
    /// Characters in the lower-case word.
    chars: u32,
    /// Index in [`CAPS`].
    cap: u8,
    /// [`CAPPED`], [`ORG_HEAD`], …
    flags: u16,
}

/// Buffers for featurising sentences, kept from one to the next.
///
/// [`Work::by_type`] also keeps what depends on nothing but the word
/// itself, once per word type (distinct spelling) of a text: its
/// [`Tok`], the hashes of its own features (bias, word, shape, short
/// shape, capitalisation, prefixes and suffixes, length, head-word
/// classes) and its transition bases. A word seen again costs one table
/// lookup; the decoder sums the weights of a type's own features once
/// ([`Sentence::types`]). In a text of 200 KB about one word in six is a
/// new type.
#[derive(Default)]
pub(crate) struct Work {
    /// Lower-case words and shapes of the sentence (of every word type so
    /// far, by type), one after another.
    buf: String,
    toks: Vec<Tok>,
    /// Gazetteer flags per word: (phrases starting here, continuing here).
    gaz: Vec<(u8, u8)>,
    /// The gazetteer's phrase key.
    key: String,
    /// Per word: the index in `runs` of its capitalised run, or `u32::MAX`.
    run_id: Vec<u32>,
    /// Capitalised runs: first word, one past the last, has an organisation head.
    runs: Vec<(u32, u32, bool)>,
    /// Whether word types are kept ([`Work::by_type`]).
    by_type: bool,
    /// Word types: their ids by spelling, [`Tok`], own feature hashes
    /// (type `t`'s are `own[own_ends[t - 1]..own_ends[t]]`) and
    /// transition bases by short shape and by word.
    type_ids: FxMap<Box<str>, u32>,
    types: Vec<Tok>,
    own: Vec<u32>,
    own_ends: Vec<u32>,
    type_trans: Vec<[u64; 2]>,
    /// Per type: what the gazetteer holds of the word alone
    /// ([`Gazetteer::word`]).
    type_gaz: Vec<(u8, u8)>,
}

impl Work {
    /// Buffers that keep word types from sentence to sentence (for the
    /// sentences of one text: types are never dropped).
    pub(crate) fn by_type() -> Self {
        Work {
            by_type: true,
            ..Work::default()
        }
    }

    /// Word types kept so far.
    pub(crate) fn types(&self) -> usize {
        self.types.len()
    }

    /// The hashes of type `t`'s own features.
    pub(crate) fn own(&self, t: usize) -> &[u32] {
        let start = if t == 0 {
            0
        } else {
            self.own_ends[t - 1] as usize
        };
        &self.own[start..self.own_ends[t] as usize]
    }
}

/// The features of a sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sentence {
    /// Emission feature hashes of every word, one word after another
    /// (with [`Work::by_type`], only those that are not the type's own).
    feats: Vec<u32>,
    /// With [`Work::by_type`], per word: its type (whose own features'
    /// weights the decoder adds to those of `feats`); else empty.
    pub(crate) types: Vec<u32>,
    /// Per word: one past its last feature in `feats`.
    ends: Vec<u32>,
    /// Per word: the FNV-1a 64 states of the 3 transition feature bases;
    /// the previous label's name is hashed on ([`super::decode`]).
    pub(crate) trans: Vec<[u64; 3]>,
}

impl Sentence {
    /// Words.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Emission feature hashes of word `i`.
    #[inline]
    pub(crate) fn emit(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.feats[start..self.ends[i] as usize]
    }
}

/// First character upper case.
pub(super) fn capped(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// What the whole sentence's case says: upper, lower, title (indices in
/// [`F_CASE_CAP`]) or mixed (None).
#[derive(Default)]
struct CaseCount {
    alpha: usize,
    capped: usize,
    upper: usize,
}

impl CaseCount {
    /// Counts a word (`first`: the sentence's first word, not counted as
    /// capitalised).
    fn add(&mut self, t: &Tok, first: bool) {
        self.alpha += usize::from(t.flags & ALPHA != 0);
        self.capped += usize::from(!first && t.flags & CAPPED != 0);
        self.upper += usize::from(t.flags & UPPER != 0);
    }
}

/// A word's own features (those that read nothing but the word), in four
/// groups so that without [`Work::by_type`] they keep their places among
/// the others: bias, word, shapes and pattern ([`OWN_WORD`]); prefixes,
/// suffixes and length ([`OWN_AFFIX`]); an organisation head
/// ([`OWN_ORG`]); place and event heads ([`OWN_HEADS`]).
const OWN_WORD: u8 = 1;
const OWN_AFFIX: u8 = 2;
const OWN_ORG: u8 = 4;
const OWN_HEADS: u8 = 8;
const OWN_ALL: u8 = OWN_WORD | OWN_AFFIX | OWN_ORG | OWN_HEADS;

/// Pushes the groups `parts` of the own features of word `t` (text in `buf`).
fn own_feats(t: &Tok, buf: &str, parts: u8, f: &mut Vec<u32>) {
    if parts == 0 {
        return;
    }
    let text = |r: (u32, u32)| &buf.as_bytes()[r.0 as usize..r.1 as usize];
    let l = text(t.lower);
    let cap = t.cap as usize;
    if parts & OWN_WORD != 0 {
        f.extend_from_slice(&[
            F_BIAS,
            top(fnv(S_WORD, l)),
            top(fnv(S_SHAPE, text(t.shape))),
            top(fnv(S_SHORT, text(t.short))),
            F_CAP[cap],
        ]);
    }
    if parts & OWN_AFFIX != 0 {
        // Prefixes and suffixes of 1 to 4 characters.
        let n_affix = (t.chars as usize).min(4);
        if t.flags & ASCII != 0 {
            for d in 1..=n_affix {
                f.extend_from_slice(&[
                    top(fnv(S_PREFIX[d], &l[..d])),
                    top(fnv(S_SUFFIX[d], &l[l.len() - d..])),
                ]);
            }
        } else {
            let l = &buf[t.lower.0 as usize..t.lower.1 as usize];
            let mut heads_at = l.char_indices().map(|(b, _)| b).skip(1).chain([l.len()]);
            let mut tails_at = l.char_indices().rev().map(|(b, _)| b);
            for d in 1..=n_affix {
                let p_end = heads_at.next().unwrap_or(l.len());
                let s_start = tails_at.next().unwrap_or(0);
                f.push(top(fnv(S_PREFIX[d], &l.as_bytes()[..p_end])));
                f.push(top(fnv(S_SUFFIX[d], &l.as_bytes()[s_start..])));
            }
        }
        if t.chars > 12 {
            f.push(F_LONG);
        }
    }
    if parts & OWN_ORG != 0 && t.flags & ORG_HEAD != 0 {
        f.push(F_ORG_HEAD[cap]);
    }
    if parts & OWN_HEADS != 0 {
        if t.flags & PLACE_HEAD != 0 {
            f.push(F_PLACE_HEAD[cap]);
        }
        if t.flags & EVENT_HEAD != 0 {
            f.push(F_EVENT_HEAD[cap]);
        }
    }
}

/// The transition bases of word `t` (text in `buf`): by short shape and by word.
fn trans_bases(t: &Tok, buf: &str) -> [u64; 2] {
    let text = |r: (u32, u32)| &buf.as_bytes()[r.0 as usize..r.1 as usize];
    [
        fnv(fnv(S_TRANS_SHORT, text(t.short)), b"|"),
        fnv(fnv(S_TRANS_WORD, text(t.lower)), b"|"),
    ]
}

/// Appends `w`'s lower case, shape and short shape to `buf` and returns
/// what the features read of it.
fn word_info(w: &str, buf: &mut String) -> Tok {
    let at = |buf: &String| buf.len() as u32;
    let l0 = at(buf);
    let ascii = w.is_ascii();
    if ascii {
        buf.push_str(w);
        buf[l0 as usize..].make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
    let l1 = at(buf);
    let chars = if ascii {
        l1 - l0
    } else {
        buf[l0 as usize..].chars().count() as u32
    };
    // Shape: the first 12 characters; short shape: the same without repeats.
    let mut shape = ['\0'; 12];
    let mut n_shape = 0;
    let (mut letters, mut all_upper, mut all_lower) = (0usize, true, true);
    let (mut numeric, mut lower_any, mut n_chars) = (false, false, 0usize);
    for c in w.chars() {
        let (up, low) = (c.is_uppercase(), c.is_lowercase());
        if n_shape < 12 {
            shape[n_shape] = if up {
                'X'
            } else if low {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            n_shape += 1;
        }
        if c.is_alphabetic() {
            letters += 1;
            all_upper &= up;
            all_lower &= low;
        }
        numeric |= c.is_numeric();
        lower_any |= low;
        n_chars += 1;
    }
    let s0 = at(buf);
    shape[..n_shape].iter().for_each(|&c| buf.push(c));
    let s1 = at(buf);
    let mut last = None;
    for &c in &shape[..n_shape] {
        if last != Some(c) {
            buf.push(c);
            last = Some(c);
        }
    }
    let s2 = at(buf);
    let is_capped = capped(w);
    let cap = if letters == 0 {
        if numeric {
            CAP_NUM
        } else {
            CAP_PUNCT
        }
    } else if all_upper {
        if letters == 1 {
            CAP_INIT1
        } else {
            CAP_ALLCAP
        }
    } else if is_capped {
        CAP_INITCAP
    } else if all_lower {
        CAP_LOWER
    } else {
        CAP_MIXED
    };
    let mut flags = classes(&buf[l0 as usize..l1 as usize]);
    if is_capped {
        flags |= CAPPED;
    }
    if letters > 0 {
        flags |= ALPHA;
    }
    if n_chars > 1 && !lower_any && letters > 0 {
        flags |= UPPER;
    }
    if buf[l0 as usize..l1 as usize].is_ascii() {
        flags |= ASCII;
    }
    Tok {
        lower: (l0, l1),
        shape: (s0, s1),
        short: (s1, s2),
        chars,
        cap,
        flags,
    }
}

/// The gazetteer features of `flags` (phrases starting, continuing) under
/// one tag.
///
/// Most words are in some class (the common words are one), so the classes
/// set are visited, not all eight: rotated left by one, a class's bit is
/// its index in [`G_NAMES`] (organisations, bit 7, first), so lowest bit
/// first is [`G_NAMES`] order.
fn gaz_feats(flags: (u8, u8), row: &GazRow, f: &mut Vec<u32>) {
    let (starts, goes_on) = (flags.0.rotate_left(1), flags.1.rotate_left(1));
    let mut left = starts | goes_on;
    while left != 0 {
        let k = left.trailing_zeros() as usize;
        if starts & (1 << k) != 0 {
            f.push(row[0][k]);
        }
        if goes_on & (1 << k) != 0 {
            f.push(row[1][k]);
        }
        left &= left - 1;
    }
}

/// Which text of a neighbouring word [`View::near`] gives.
const LOWER: bool = true;
const SHORT: bool = false;

/// The words of a sentence as featurising reads them (the buffers of [`Work`]).
#[derive(Clone, Copy)]
struct View<'a> {
    buf: &'a str,
    toks: &'a [Tok],
}

impl<'a> View<'a> {
    /// A byte range of the buffer.
    #[inline(always)]
    fn text(self, r: (u32, u32)) -> &'a [u8] {
        &self.buf.as_bytes()[r.0 as usize..r.1 as usize]
    }

    /// Word `k` in lower case.
    #[inline(always)]
    fn lower(self, k: usize) -> &'a [u8] {
        self.text(self.toks[k].lower)
    }

    /// Word `k` in lower case, as text.
    #[inline(always)]
    fn lower_str(self, k: usize) -> &'a str {
        let r = self.toks[k].lower;
        &self.buf[r.0 as usize..r.1 as usize]
    }

    /// Whether word `k` has class `flag`.
    #[inline(always)]
    fn has(self, k: usize, flag: u16) -> bool {
        self.toks[k].flags & flag != 0
    }

    /// Word `i + d` in lower case (`lower`) or its short shape; "<s>" and
    /// "</s>" past the sentence's ends.
    #[inline(always)]
    fn near(self, i: usize, d: isize, lower: bool) -> &'a [u8] {
        match i.checked_add_signed(d) {
            None => b"<s>",
            Some(j) if j >= self.toks.len() => b"</s>",
            Some(j) => {
                let t = &self.toks[j];
                self.text(if lower { t.lower } else { t.short })
            }
        }
    }
}

/// Emission feature hashes and transition feature bases for a sentence.
pub(crate) fn featurise(words: &[&str], extra: Option<&[&str]>, gaz: &Gazetteer) -> Sentence {
    let mut s = Sentence::default();
    featurise_into(words, extra, gaz, &mut Work::default(), &mut s);
    s
}

/// [`featurise`] into `s`, with buffers kept from sentence to sentence.
pub(crate) fn featurise_into(
    words: &[&str],
    extra: Option<&[&str]>,
    gazetteer: &Gazetteer,
    work: &mut Work,
    s: &mut Sentence,
) {
    let n = words.len();
    let Work {
        buf,
        toks,
        gaz,
        key,
        run_id,
        runs,
        by_type,
        type_ids,
        types,
        own,
        own_ends,
        type_trans,
        type_gaz,
    } = work;
    let by_type = *by_type;
    toks.clear();
    s.types.clear();
    let mut case = CaseCount::default();
    if by_type {
        // Word types: a word seen before is looked up, a new one read once
        // and its own features hashed once.
        let new_from = types.len();
        for w in words {
            let t = match type_ids.get(*w) {
                Some(&t) => t,
                None => {
                    let t = types.len() as u32;
                    types.push(word_info(w, buf));
                    type_ids.insert((*w).into(), t);
                    t
                }
            };
            s.types.push(t);
        }
        for t in &types[new_from..] {
            own_feats(t, buf, OWN_ALL, own);
            own_ends.push(own.len() as u32);
            type_trans.push(trans_bases(t, buf));
            type_gaz.push(gazetteer.word(&buf[t.lower.0 as usize..t.lower.1 as usize]));
        }
        toks.extend(s.types.iter().map(|&t| types[t as usize]));
    } else {
        buf.clear();
        for w in words {
            toks.push(word_info(w, buf));
        }
    }
    for (i, t) in toks.iter().enumerate() {
        case.add(t, i == 0);
    }
    // Without word types, every feature is pushed here; with them, the
    // word's own are left to the decoder.
    let own_parts = if by_type { 0 } else { OWN_ALL };
    let v = View {
        buf: buf.as_str(),
        toks: toks.as_slice(),
    };
    if by_type {
        let word_types = &s.types;
        let known = |k: usize| type_gaz[word_types[k] as usize];
        gazetteer.lookup_with(n, |k| v.lower_str(k), known, key, gaz);
    } else {
        gazetteer.lookup_into(n, |k| v.lower_str(k), key, gaz);
    }
    let g: &[(u8, u8)] = gaz;
    // Capitalised runs ("Bank of New York"): connectors allowed inside.
    run_id.clear();
    run_id.resize(n, u32::MAX);
    runs.clear();
    let mut k = 0;
    while k < n {
        if !v.has(k, CAPPED) {
            k += 1;
            continue;
        }
        let a = k;
        let mut b = k + 1;
        loop {
            if b < n && v.has(b, CAPPED) {
                b += 1;
            } else if b + 1 < n && v.has(b, RUN_JOIN) && v.has(b + 1, CAPPED) {
                b += 2;
            } else {
                break;
            }
        }
        run_id[a..b].fill(runs.len() as u32);
        runs.push((a as u32, b as u32, (a..b).any(|k| v.has(k, ORG_HEAD))));
        k = b;
    }
    // Mostly lower-case or all-caps sentences (web text, headlines).
    let sent_case = if case.alpha >= 4 && case.upper * 2 > case.alpha {
        Some(0)
    } else if case.alpha >= 6 && case.capped == 0 {
        Some(1)
    } else if case.alpha >= 4 && case.capped * 2 > case.alpha {
        Some(2)
    } else {
        None
    };
    s.feats.clear();
    s.ends.clear();
    s.trans.clear();
    let f = &mut s.feats;
    for i in 0..n {
        let t = &v.toks[i];
        let l = v.text(t.lower);
        let short = v.text(t.short);
        let cap = t.cap as usize;
        own_feats(t, v.buf, own_parts & OWN_WORD, f);
        if i == 0 {
            f.push(F_FIRST_CAP[cap]);
        }
        own_feats(t, v.buf, own_parts & OWN_AFFIX, f);
        let (lower_prev, lower_next) = (v.near(i, -1, LOWER), v.near(i, 1, LOWER));
        let (short_prev, short_next) = (v.near(i, -1, SHORT), v.near(i, 1, SHORT));
        let h_pair_prev = fnv(fnv(fnv(S_PREV_WORD, lower_prev), b"|"), l);
        let h_pair_next = fnv(fnv(fnv(S_WORD_NEXT, l), b"|"), lower_next);
        let h_short3 = fnv(fnv(S_SHORT3, short_prev), b"|");
        let h_short3 = fnv(fnv(fnv(h_short3, short), b"|"), short_next);
        f.extend_from_slice(&[
            top(fnv(S_NEAR[0], v.near(i, -2, LOWER))),
            top(fnv(S_NEAR[1], lower_prev)),
            top(fnv(S_NEAR[2], lower_next)),
            top(fnv(S_NEAR[3], v.near(i, 2, LOWER))),
            top(fnv(S_SHORT_PREV, short_prev)),
            top(fnv(S_SHORT_NEXT, short_next)),
            top(h_pair_prev),
            top(h_pair_next),
            top(h_short3),
        ]);
        // Gazetteer.
        gaz_feats(g[i], &GAZ[0], f);
        if i > 0 {
            gaz_feats(g[i - 1], &GAZ[1], f);
        }
        if i + 1 < n {
            gaz_feats(g[i + 1], &GAZ[2], f);
        }
        gaz_feats(g[i], &GAZ[3 + cap], f);
        // Organisation heads: this word, or one of the next three capitalised words.
        own_feats(t, v.buf, own_parts & OWN_ORG, f);
        for d in 1..=3 {
            let j = i + d;
            if j >= n {
                break;
            }
            if !(i + 1..j).all(|k| v.has(k, CAPPED) || v.has(k, HEAD_JOIN)) {
                break;
            }
            if v.has(j, CAPPED) && v.has(j, ORG_HEAD) {
                f.push(F_ORG_HEAD_NEXT[d - 1][cap]);
                break;
            }
        }
        if i > 0 && v.has(i - 1, ORG_HEAD) && v.has(i - 1, CAPPED) {
            f.push(F_ORG_HEAD_PREV[cap]);
        }
        own_feats(t, v.buf, own_parts & OWN_HEADS, f);
        if (i.saturating_sub(3)..(i + 4).min(n)).any(|j| j != i && v.has(j, ORG_CONTEXT_WORD)) {
            f.push(F_ORG_CONTEXT[cap]);
        }
        if let Some(sc) = sent_case {
            f.push(F_CASE_CAP[sc][cap]);
            f.push(top(fnv(S_CASE_WORD[sc], l)));
        }
        if run_id[i] != u32::MAX {
            let (a, b, org_head) = runs[run_id[i] as usize];
            let (a, b) = (a as usize, b as usize);
            let pos = if b - a == 1 {
                0
            } else if i == a {
                1
            } else if i + 1 == b {
                2
            } else {
                3
            };
            f.push(F_RUN[(b - a).min(4)][pos]);
            if b - a >= 2 {
                f.push(top(fnv(S_RUN_LAST, v.lower(b - 1))));
                let h = fnv(fnv(S_RUN_FIRST, v.lower(a)), b"|");
                f.push(top(fnv(h, POS[pos].as_bytes())));
                if org_head {
                    f.push(F_RUN_ORG_HEAD[pos]);
                }
                for (c, flag) in [ORG_HEAD, PLACE_HEAD, EVENT_HEAD].into_iter().enumerate() {
                    if v.has(b - 1, flag) {
                        f.push(F_RUN_LAST_HEAD[c][pos]);
                    }
                }
                for (c, flag) in [ORG_HEAD, PLACE_HEAD, EVENT_HEAD].into_iter().enumerate() {
                    if v.has(a, flag) {
                        f.push(F_RUN_FIRST_HEAD[c][pos]);
                    }
                }
                if (g[b - 1].0 | g[b - 1].1) & (G_COUNTRY | G_CITY | G_STATE | G_REGION) != 0 {
                    f.push(F_RUN_LAST_PLACE[pos]);
                }
                if g[a].0 & G_FIRST != 0 {
                    f.push(F_RUN_FIRST_NAME[pos]);
                }
            }
        }
        if l == b"friends" && i + 1 < n && v.lower(i + 1) == b"of" {
            f.push(F_FRIENDS_OF);
        }
        // Optional per-word tags (POS).
        if let Some(x) = extra {
            let xg = |d: isize| -> &str {
                match i.checked_add_signed(d) {
                    Some(j) if j < n && j < x.len() => x[j],
                    _ => "_",
                }
            };
            f.push(top(fnv(S_EXTRA, xg(0).as_bytes())));
            f.push(top(fnv(S_EXTRA_PREV, xg(-1).as_bytes())));
            f.push(top(fnv(S_EXTRA_NEXT, xg(1).as_bytes())));
            let h = fnv(fnv(S_EXTRA_CAP, xg(0).as_bytes()), b"|");
            f.push(top(fnv(h, CAPS[cap].as_bytes())));
        }
        s.ends.push(f.len() as u32);
        let [by_short, by_word] = if by_type {
            type_trans[s.types[i] as usize]
        } else {
            trans_bases(t, v.buf)
        };
        s.trans.push([S_TRANS, by_short, by_word]);
    }
}

/// The shape of a word (the first 12 characters as `X`, `x`, `d` or
/// themselves), its short shape and its capitalisation pattern.
#[cfg(test)]
pub(super) fn shapes(w: &str) -> (String, String, &'static str) {
    let mut buf = String::new();
    let t = word_info(w, &mut buf);
    let text = |r: (u32, u32)| buf[r.0 as usize..r.1 as usize].to_string();
    (text(t.shape), text(t.short), CAPS[t.cap as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::{engine_gazetteer, G_COMMON, G_ORG};

    /// With word types, a word's own features (kept once per type) and
    /// the rest (per sentence) are the features of featurising without
    /// them, in any order; the transition bases are the same.
    /// Class bits rotated left by one are indices in `G_NAMES`.
    #[test]
    fn gazetteer_features_in_class_order() {
        let row: GazRow = [
            [10, 11, 12, 13, 14, 15, 16, 17],
            [20, 21, 22, 23, 24, 25, 26, 27],
        ];
        for (k, &(bit, _)) in G_NAMES.iter().enumerate() {
            assert_eq!(bit.rotate_left(1), 1 << k, "{k}");
        }
        let cases: &[((u8, u8), &[u32])] = &[
            ((0, 0), &[]),
            ((G_ORG, 0), &[10]),
            ((0, G_COMMON), &[27]),
            ((G_COMMON | G_FIRST, G_CITY), &[11, 24, 17]),
            ((G_ORG | G_STATE, G_ORG | G_COUNTRY), &[10, 20, 22, 16]),
            (
                (0xff, 0xff),
                &[
                    10, 20, 11, 21, 12, 22, 13, 23, 14, 24, 15, 25, 16, 26, 17, 27,
                ],
            ),
        ];
        for &(flags, want) in cases {
            let mut got = Vec::new();
            gaz_feats(flags, &row, &mut got);
            assert_eq!(got, want, "{flags:?}");
        }
    }

    #[test]
    fn word_types_split_the_same_features() {
        let sentences: &[&[&str]] = &[
            &["The", "Bank", "of", "New", "York", "said", "."],
            &["the", "bank", "of", "new", "york", "said"],
            &["NEW", "YORK", "BANK", "SAID", "SO"],
            &["Zoë", "Müller", "visited", "Zürich", "and", "New", "York"],
            &["friends", "of", "the", "Earth", "Institute"],
            &["1999", "-", "Bank", "Bank", "bank", "a"],
            &[],
            &["Université", "de", "Montréal", "internationalisation"],
        ];
        let gaz = engine_gazetteer();
        let mut work = Work::by_type();
        let mut s = Sentence::default();
        for words in sentences {
            let full = featurise(words, None, gaz);
            featurise_into(words, None, gaz, &mut work, &mut s);
            assert_eq!(s.len(), words.len());
            assert_eq!(s.types.len(), words.len());
            for i in 0..words.len() {
                let mut want = full.emit(i).to_vec();
                let mut got = s.emit(i).to_vec();
                got.extend_from_slice(work.own(s.types[i] as usize));
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{:?} word {i}", words);
                assert_eq!(s.trans[i], full.trans[i], "{:?} word {i}", words);
            }
        }
        // One type per spelling: "Bank" and "bank" differ, repeats do not.
        let distinct: std::collections::BTreeSet<&str> =
            sentences.iter().flat_map(|w| w.iter().copied()).collect();
        assert_eq!(work.types(), distinct.len());
    }
}
