//! Feature extraction shared by training and tagging.
//!
//! Every feature is a string `name=value` hashed with FNV-1a (streamed, so no
//! string is built). Word features use [`normalise`]: curly apostrophes and
//! quotes become ASCII (`’` → `'`, `“` → ` `` `, `”` → `''`), so the app's
//! tokens (`don’t`, `“`) and UD's (`don't`, `"`) meet the same weights.

use crate::weights::{fnv1a64, fnv1a64_continue};

/// A streaming FNV-1a 64 hasher: feeding `"w="` then `"dog"` gives the same
/// hash as feeding `"w=dog"`, so feature strings need no allocation. Its
/// [`Hasher::finish32`] is [`crate::weights::feature_hash`] of the whole string.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hasher(u64);

impl Hasher {
    /// The FNV offset basis.
    pub(crate) fn new() -> Hasher {
        Hasher(fnv1a64(b""))
    }
    /// Feed bytes.
    #[inline]
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a64_continue(self.0, bytes);
    }
    /// Feed bytes, returning the new state (builder style).
    #[inline]
    pub(crate) fn with(mut self, bytes: &[u8]) -> Hasher {
        self.write(bytes);
        self
    }
    /// The CLW1 feature hash: the upper 32 bits.
    #[inline]
    pub(crate) fn finish32(&self) -> u32 {
        (self.0 >> 32) as u32
    }
}

/// One token's precomputed strings.
pub(crate) struct Tok {
    /// Normalised word, case kept.
    pub w: String,
    /// Lowercase normalised word with every digit replaced by `0`.
    pub l: String,
    /// Word shape: `X`, `x`, `d` and other characters, runs longer than 2 collapsed.
    pub shape: String,
}

/// Normalise a token for features: ASCII apostrophes and quotes.
pub(crate) fn normalise(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
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
    s
}

fn lower_digits(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else if c.is_ascii() {
            s.push(c.to_ascii_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

fn shape(w: &str) -> String {
    let mut s = String::new();
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
    s
}

pub(crate) fn prepare(words: &[&str]) -> Vec<Tok> {
    words
        .iter()
        .map(|w| {
            let w = normalise(w);
            let l = lower_digits(&w);
            let shape = shape(&w);
            Tok { w, l, shape }
        })
        .collect()
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

#[inline]
fn h2(name: &[u8], v: &str) -> u32 {
    Hasher::new().with(name).with(v.as_bytes()).finish32()
}

#[inline]
fn h3(name: &[u8], a: &str, b: &str) -> u32 {
    Hasher::new()
        .with(name)
        .with(a.as_bytes())
        .with(b"|")
        .with(b.as_bytes())
        .finish32()
}

/// Hashes of the features of token `i` that do not depend on predicted tags.
pub(crate) fn static_features(toks: &[Tok], i: usize, out: &mut Vec<u32>) {
    let t = &toks[i];
    let get = |j: isize| -> (&str, &str) {
        if j < 0 {
            ("-START-", "-START-")
        } else if j as usize >= toks.len() {
            ("-END-", "-END-")
        } else {
            let t = &toks[j as usize];
            (t.l.as_str(), t.shape.as_str())
        }
    };
    let i_ = i as isize;
    let (lm1, _) = get(i_ - 1);
    let (lm2, _) = get(i_ - 2);
    let (lp1, shp1) = get(i_ + 1);
    let (lp2, _) = get(i_ + 2);
    out.push(h2(b"b", ""));
    // (no exact-case word feature: "l=" plus "p1=" and "sh=" carry case)
    out.push(h2(b"l=", &t.l));
    out.push(h2(b"s1=", suffix(&t.l, 1)));
    out.push(h2(b"s2=", suffix(&t.l, 2)));
    out.push(h2(b"s3=", suffix(&t.l, 3)));
    out.push(h2(b"s4=", suffix(&t.l, 4)));
    out.push(h2(b"p1=", prefix(&t.w, 1)));
    out.push(h2(b"p2=", prefix(&t.l, 2)));
    out.push(h2(b"p3=", prefix(&t.l, 3)));
    out.push(h2(b"sh=", &t.shape));
    out.push(h2(b"l-1=", lm1));
    out.push(h2(b"l-2=", lm2));
    out.push(h2(b"l+1=", lp1));
    out.push(h2(b"l+2=", lp2));
    out.push(h2(b"s3-1=", suffix(lm1, 3)));
    out.push(h2(b"s3+1=", suffix(lp1, 3)));
    out.push(h2(b"sh+1=", shp1));
    out.push(h3(b"l-1l=", lm1, &t.l));
    out.push(h3(b"ll+1=", &t.l, lp1));
    if i == 0 {
        out.push(h2(b"first=", &t.shape));
    }
}

/// Hashes of the features of token `i` that use the previous two predicted labels.
pub(crate) fn tag_features(toks: &[Tok], i: usize, p1: &str, p2: &str, out: &mut Vec<u32>) {
    out.push(h2(b"t-1=", p1));
    out.push(h2(b"t-2=", p2));
    out.push(h3(b"t-12=", p1, p2));
    out.push(h3(b"t-1l=", p1, &toks[i].l));
}

#[cfg(test)]
mod tests {
    use super::*;

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
