//! Feature extraction shared by training and tagging.
//!
//! Every feature is a string `name=value` hashed with FNV-1a (streamed, so no
//! string is built; the names' states are constants, and the features of
//! the previous labels are hashed once per label, [`TagFeatures`]). A
//! sentence's words, lowercase forms and shapes share one buffer ([`Toks`]).
//! Word features use [`normalise`]: curly apostrophes and
//! quotes become ASCII (`’` → `'`, `“` → ` `` `, `”` → `''`), so the app's
//! tokens (`don’t`, `“`) and UD's (`don't`, `"`) meet the same weights.

use crate::weights::{fnv1a64, fnv1a64_continue};

/// A streaming FNV-1a 64 hasher: feeding `"w="` then `"dog"` gives the same
/// hash as feeding `"w=dog"`, so feature strings need no allocation. Its
/// [`Hasher::finish32`] is [`crate::weights::feature_hash`] of the whole string.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hasher(u64);

impl Hasher {
    /// The state after `bytes`: a feature name's, computed at compile time.
    pub(crate) const fn of(bytes: &[u8]) -> Hasher {
        Hasher(fnv1a64(bytes))
    }
    /// Feed bytes, returning the new state (builder style).
    #[inline]
    pub(crate) const fn with(self, bytes: &[u8]) -> Hasher {
        Hasher(fnv1a64_continue(self.0, bytes))
    }
    /// The CLW1 feature hash: the upper 32 bits.
    #[inline]
    pub(crate) const fn finish32(&self) -> u32 {
        (self.0 >> 32) as u32
    }
}

/// A sentence's tokens as the features read them, in one buffer (no
/// string per token): per token its normalised word (case kept), its
/// lowercase form with every digit `0`, and its shape (`X`, `x`, `d` and
/// other characters, runs longer than 2 collapsed).
#[derive(Default)]
pub(crate) struct Toks {
    buf: String,
    /// Per token: where its word, lowercase form and shape start in `buf`,
    /// and where the shape ends.
    at: Vec<[u32; 4]>,
    /// A word being normalised.
    scratch: String,
}

impl Toks {
    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.at.len()
    }
    fn part(&self, i: usize, k: usize) -> &str {
        let a = self.at[i];
        &self.buf[a[k] as usize..a[k + 1] as usize]
    }
    /// Normalised word, case kept.
    pub fn w(&self, i: usize) -> &str {
        self.part(i, 0)
    }
    /// Lowercase normalised word with every digit replaced by `0`.
    pub fn l(&self, i: usize) -> &str {
        self.part(i, 1)
    }
    /// Word shape.
    pub fn shape(&self, i: usize) -> &str {
        self.part(i, 2)
    }
}

/// Normalise a token for features: ASCII apostrophes and quotes.
pub(crate) fn normalise(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalise_into(word, &mut s);
    s
}

fn normalise_into(word: &str, s: &mut String) {
    if word.is_ascii() {
        s.push_str(word);
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{02bc}' | '\u{2032}' => s.push('\''),
            '\u{2018}' if word.chars().count() > 1 => s.push('\''),
            '\u{2018}' => s.push('`'),
            '\u{201c}' | '\u{201e}' | '\u{00ab}' => s.push_str("``"),
            '\u{201d}' | '\u{00bb}' => s.push_str("''"),
            _ => s.push(c),
        }
    }
}

#[cfg(test)]
fn lower_digits(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    lower_digits_into(w, &mut s);
    s
}

fn lower_digits_into(w: &str, s: &mut String) {
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else if c.is_ascii() {
            s.push(c.to_ascii_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
fn shape(w: &str) -> String {
    let mut s = String::new();
    shape_into(w, &mut s);
    s
}

fn shape_into(w: &str, s: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = k;
        }
        s.push(k);
    }
}

/// The feature strings of `words`, into `toks` (its buffers reused).
pub(crate) fn prepare_into(words: &[&str], toks: &mut Toks) {
    toks.buf.clear();
    toks.at.clear();
    let mut norm = std::mem::take(&mut toks.scratch);
    for w in words {
        norm.clear();
        normalise_into(w, &mut norm);
        let a = toks.buf.len();
        toks.buf.push_str(&norm);
        let b = toks.buf.len();
        lower_digits_into(&norm, &mut toks.buf);
        let c = toks.buf.len();
        shape_into(&norm, &mut toks.buf);
        toks.at.push([a, b, c, toks.buf.len()].map(|x| x as u32));
    }
    toks.scratch = norm;
}

/// The feature strings of `words`.
pub(crate) fn prepare(words: &[&str]) -> Toks {
    let mut t = Toks::default();
    prepare_into(words, &mut t);
    t
}

/// The last `n` characters of `s` (all of it if shorter).
fn suffix(s: &str, n: usize) -> &str {
    let mut it = s.char_indices().rev();
    let mut start = 0;
    for _ in 0..n {
        match it.next() {
            Some((i, _)) => start = i,
            None => return s,
        }
    }
    &s[start..]
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `name` then `v`: the feature `name` + `v` (a name's state is a constant).
#[inline]
fn h2(name: Hasher, v: &str) -> u32 {
    name.with(v.as_bytes()).finish32()
}

/// `name`, `a`, `|`, `b`.
#[inline]
fn h3(name: Hasher, a: &str, b: &str) -> u32 {
    name.with(a.as_bytes())
        .with(b"|")
        .with(b.as_bytes())
        .finish32()
}

/// The feature names' hash states, computed at compile time.
mod names {
    use super::Hasher;
    pub const B: u32 = Hasher::of(b"b").finish32();
    pub const L: Hasher = Hasher::of(b"l=");
    pub const S1: Hasher = Hasher::of(b"s1=");
    pub const S2: Hasher = Hasher::of(b"s2=");
    pub const S3: Hasher = Hasher::of(b"s3=");
    pub const S4: Hasher = Hasher::of(b"s4=");
    pub const P1: Hasher = Hasher::of(b"p1=");
    pub const P2: Hasher = Hasher::of(b"p2=");
    pub const P3: Hasher = Hasher::of(b"p3=");
    pub const SH: Hasher = Hasher::of(b"sh=");
    pub const LM1: Hasher = Hasher::of(b"l-1=");
    pub const LM2: Hasher = Hasher::of(b"l-2=");
    pub const LP1: Hasher = Hasher::of(b"l+1=");
    pub const LP2: Hasher = Hasher::of(b"l+2=");
    pub const S3M1: Hasher = Hasher::of(b"s3-1=");
    pub const S3P1: Hasher = Hasher::of(b"s3+1=");
    pub const SHP1: Hasher = Hasher::of(b"sh+1=");
    pub const LM1L: Hasher = Hasher::of(b"l-1l=");
    pub const LLP1: Hasher = Hasher::of(b"ll+1=");
    pub const FIRST: Hasher = Hasher::of(b"first=");
    pub const T1: Hasher = Hasher::of(b"t-1=");
    pub const T2: Hasher = Hasher::of(b"t-2=");
    pub const T12: Hasher = Hasher::of(b"t-12=");
    pub const T1L: Hasher = Hasher::of(b"t-1l=");
}

/// Hashes of the features of token `i` that do not depend on predicted tags:
/// the bias, [`word_features`] and [`context_features`].
pub(crate) fn static_features(toks: &Toks, i: usize, out: &mut Vec<u32>) {
    out.push(names::B);
    word_features(toks, i, out);
    context_features(toks, i, out);
}

/// The hash of the bias feature (`b`), which every token has.
pub(crate) const BIAS: u32 = names::B;

/// Hashes of the features that read only token `i`'s own word (its
/// lowercase form, affixes and shape): the same for every occurrence of
/// the word.
pub(crate) fn word_features(toks: &Toks, i: usize, out: &mut Vec<u32>) {
    use names::*;
    let (w, l) = (toks.w(i), toks.l(i));
    out.extend_from_slice(&[
        // (no exact-case word feature: "l=" plus "p1=" and "sh=" carry case)
        h2(L, l),
        h2(S1, suffix(l, 1)),
        h2(S2, suffix(l, 2)),
        h2(S3, suffix(l, 3)),
        h2(S4, suffix(l, 4)),
        h2(P1, prefix(w, 1)),
        h2(P2, prefix(l, 2)),
        h2(P3, prefix(l, 3)),
        h2(SH, toks.shape(i)),
    ]);
}

/// Hashes of the features of token `i` that read its neighbours (and
/// whether it is the first).
pub(crate) fn context_features(toks: &Toks, i: usize, out: &mut Vec<u32>) {
    use names::*;
    let get = |j: isize| -> (&str, &str) {
        if j < 0 {
            ("-START-", "-START-")
        } else if j as usize >= toks.len() {
            ("-END-", "-END-")
        } else {
            (toks.l(j as usize), toks.shape(j as usize))
        }
    };
    let l = toks.l(i);
    let i_ = i as isize;
    let (lm1, _) = get(i_ - 1);
    let (lm2, _) = get(i_ - 2);
    let (lp1, shp1) = get(i_ + 1);
    let (lp2, _) = get(i_ + 2);
    out.extend_from_slice(&[
        h2(LM1, lm1),
        h2(LM2, lm2),
        h2(LP1, lp1),
        h2(LP2, lp2),
        h2(S3M1, suffix(lm1, 3)),
        h2(S3P1, suffix(lp1, 3)),
        h2(SHP1, shp1),
        h3(LM1L, lm1, l),
        h3(LLP1, l, lp1),
    ]);
    if i == 0 {
        out.push(h2(FIRST, toks.shape(i)));
    }
}

/// The features that read the previous two predicted labels, per label
/// (hashed once, when the tagger is made): `t-1=`, `t-2=` and `t-12=` are
/// looked up, `t-1l=` continues from its label's state with the word.
#[derive(Clone, Debug)]
pub(crate) struct TagFeatures {
    /// Per label, then [`TagFeatures::start`]: `t-1=` + its name.
    t1: Vec<u32>,
    /// `t-2=` + the name.
    t2: Vec<u32>,
    /// `t-12=` + the previous name + `|` + the one before, at `p1 × (n + 1) + p2`.
    t12: Vec<u32>,
    /// The state after `t-1l=` + the name + `|`.
    t1l: Vec<Hasher>,
}

impl TagFeatures {
    /// The tables for labels `names` (`"NN|NOUN"`).
    pub(crate) fn new(names: &[String]) -> TagFeatures {
        use names::*;
        let all: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .chain(["-START-"])
            .collect();
        TagFeatures {
            t1: all.iter().map(|p| h2(T1, p)).collect(),
            t2: all.iter().map(|p| h2(T2, p)).collect(),
            t12: all
                .iter()
                .flat_map(|p1| all.iter().map(move |p2| h3(T12, p1, p2)))
                .collect(),
            t1l: all
                .iter()
                .map(|p| T1L.with(p.as_bytes()).with(b"|"))
                .collect(),
        }
    }

    /// The label index that stands for no label (before the sentence).
    pub(crate) fn start(&self) -> usize {
        self.t1.len() - 1
    }

    /// Hashes of the features of a token whose lowercase form is `l`, after
    /// labels `p1` and `p2` (indices, or [`TagFeatures::start`]).
    #[inline]
    pub(crate) fn push(&self, l: &str, p1: usize, p2: usize, out: &mut Vec<u32>) {
        out.extend_from_slice(&[self.t1[p1], self.t2[p2]]);
        self.push_pair(l, p1, p2, out);
    }

    /// The same without `t-1=` and `t-2=` (see [`TagFeatures::t1`]).
    #[inline]
    pub(crate) fn push_pair(&self, l: &str, p1: usize, p2: usize, out: &mut Vec<u32>) {
        out.extend_from_slice(&[
            self.t12[p1 * self.t1.len() + p2],
            self.t1l[p1].with(l.as_bytes()).finish32(),
        ]);
    }

    /// The hash of `t-1=` + label `p`'s name (indices as in [`TagFeatures::push`]).
    pub(crate) fn t1(&self, p: usize) -> u32 {
        self.t1[p]
    }

    /// The hash of `t-2=` + label `p`'s name.
    pub(crate) fn t2(&self, p: usize) -> u32 {
        self.t2[p]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features are the CLW1 hashes of the strings they stand for.
    #[test]
    fn features_are_the_hashes_of_their_strings() {
        use crate::weights::feature_hash as fh;
        let toks = prepare(&["U.S.", "officials", "don’t", "agree"]);
        let mut got = Vec::new();
        static_features(&toks, 0, &mut got);
        let want: Vec<u32> = [
            "b",
            "l=u.s.",
            "s1=.",
            "s2=s.",
            "s3=.s.",
            "s4=u.s.",
            "p1=U",
            "p2=u.",
            "p3=u.s",
            "sh=X.X.",
            "l-1=-START-",
            "l-2=-START-",
            "l+1=officials",
            "l+2=don't",
            "s3-1=RT-",
            "s3+1=als",
            "sh+1=xx",
            "l-1l=-START-|u.s.",
            "ll+1=u.s.|officials",
            "first=X.X.",
        ]
        .iter()
        .map(|s| fh(s))
        .collect();
        assert_eq!(got, want);
        let names: Vec<String> = ["NN|NOUN", "VBP|VERB"].map(String::from).to_vec();
        let tf = TagFeatures::new(&names);
        // (p1, p2, token, strings)
        let cases = [
            (
                0,
                1,
                2,
                [
                    "t-1=NN|NOUN",
                    "t-2=VBP|VERB",
                    "t-12=NN|NOUN|VBP|VERB",
                    "t-1l=NN|NOUN|don't",
                ],
            ),
            (
                tf.start(),
                tf.start(),
                0,
                [
                    "t-1=-START-",
                    "t-2=-START-",
                    "t-12=-START-|-START-",
                    "t-1l=-START-|u.s.",
                ],
            ),
            (
                1,
                tf.start(),
                1,
                [
                    "t-1=VBP|VERB",
                    "t-2=-START-",
                    "t-12=VBP|VERB|-START-",
                    "t-1l=VBP|VERB|officials",
                ],
            ),
        ];
        for (p1, p2, i, strings) in cases {
            let mut got = Vec::new();
            tf.push(toks.l(i), p1, p2, &mut got);
            assert_eq!(got, strings.map(fh), "{strings:?}");
        }
        assert_eq!(
            (toks.w(2), toks.l(2), toks.shape(2)),
            ("don't", "don't", "xx'x")
        );
    }

    #[test]
    fn normalise_table() {
        let cases = [
            ("don’t", "don't"),
            ("“", "``"),
            ("”", "''"),
            ("’s", "'s"),
            ("‘", "`"),
            ("word", "word"),
        ];
        for (a, b) in cases {
            assert_eq!(normalise(a), b, "{a}");
        }
    }

    #[test]
    fn shape_and_affixes() {
        let cases = [
            ("Ukraine", "Xxx"),
            ("U.S.", "X.X."),
            ("1,000", "d,dd"),
            ("COVID-19", "XX-dd"),
            ("é", "x"),
        ];
        for (w, s) in cases {
            assert_eq!(shape(w), s, "{w}");
        }
        assert_eq!(suffix("héllo", 3), "llo");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(prefix("héllo", 2), "hé");
        assert_eq!(lower_digits("Year 2025"), "year 0000");
    }
}
