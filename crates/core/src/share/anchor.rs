//! Durable anchors: a passage is remembered as a **text quote** — the exact
//! text, up to 32 characters before and after it, and a position hint in
//! code points — so that it can be found again after the document (or the
//! engine) has changed.
//!
//! Re-anchoring is exact when the quote is still there and its context or
//! uniqueness says which occurrence is meant; fuzzy (bounded edit distance)
//! when the text was edited; and otherwise it reports [`Anchored::NotFound`]
//! — a passage is never silently placed somewhere it may not belong.
//!
//! ```
//! use claimlens_core::{Offsets, Span};
//! use claimlens_core::share::{anchor, Anchored, TextQuote};
//!
//! let text = "The talks ended. The talks will resume in June.";
//! let offsets = Offsets::new(text);
//! let second = Span::new(17, 46); // "The talks will resume in June"
//! let q = TextQuote::from_span(text, &offsets, second);
//! assert_eq!(anchor(text, &offsets, &q), Anchored::Exact(second));
//!
//! let edited = "The talks ended. The talks would resume in June.";
//! match anchor(edited, &Offsets::new(edited), &q) {
//!     Anchored::Fuzzy(span) => assert_eq!(span.slice(edited), "The talks would resume in June"),
//!     other => panic!("{other:?}"),
//! }
//! ```

use serde::Serialize;

use crate::order;
use crate::span::{Offsets, Span};

/// Characters of context kept on each side of a quote.
pub const CONTEXT: usize = 32;

/// Quotes longer than this (in characters) are only re-anchored exactly.
const MAX_FUZZY: usize = 600;

/// A passage remembered by its text and surroundings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct TextQuote {
    /// The passage itself.
    pub exact: String,
    /// Up to [`CONTEXT`] characters just before it.
    pub prefix: String,
    /// Up to [`CONTEXT`] characters just after it.
    pub suffix: String,
    /// Where it started, in code points (a hint, not a promise).
    pub start: usize,
}

/// Where a quote was found again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchored {
    /// The exact text, at the occurrence its context or position designates.
    Exact(Span),
    /// Edited text that still matches closely, in an unambiguous place.
    Fuzzy(Span),
    /// Not found, or not placeable without guessing.
    NotFound,
}

impl Anchored {
    /// The span, if placed.
    pub fn span(self) -> Option<Span> {
        match self {
            Anchored::Exact(s) | Anchored::Fuzzy(s) => Some(s),
            Anchored::NotFound => None,
        }
    }
}

impl TextQuote {
    /// The quote for `span` of `text`.
    pub fn from_span(text: &str, offsets: &Offsets, span: Span) -> TextQuote {
        let before = &text[..span.start];
        let p = before
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let after = &text[span.end..];
        let s = after
            .char_indices()
            .nth(CONTEXT)
            .map_or(after.len(), |(i, _)| i);
        TextQuote {
            exact: span.slice(text).to_string(),
            prefix: before[p..].to_string(),
            suffix: after[..s].to_string(),
            start: offsets.byte_to_char(span.start).unwrap_or(0),
        }
    }
}

/// Similarity of two short strings in 0–1: the Dice coefficient of their
/// character bigrams, which tolerates a few edits anywhere.
fn dice(a: &str, b: &str) -> f64 {
    let bigrams = |s: &str| -> Vec<(u64, u32)> {
        let v: Vec<char> = s.chars().collect();
        let mut g: Vec<(u64, u32)> = v
            .windows(2)
            .map(|w| ((w[0] as u64) << 32 | w[1] as u64, 0))
            .collect();
        order::sort_pairs(&mut g);
        g
    };
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() && y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    // Multiset intersection of the sorted bigram lists.
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let i = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 {
        ""
    } else {
        &s[i..]
    }
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    let i = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..i]
}

/// How well the text around `span` matches the quote's context, in
/// characters' worth (0 up to the context's length).
fn context_score(text: &str, span: Span, q: &TextQuote) -> f64 {
    let (np, ns) = (q.prefix.chars().count(), q.suffix.chars().count());
    let before = last_chars(&text[..span.start], np);
    let after = first_chars(&text[span.end..], ns);
    dice(before, &q.prefix) * np as f64 + dice(after, &q.suffix) * ns as f64
}

/// Context agreement a placement needs, relative to the quote's context.
const MIN_CONTEXT: f64 = 0.5;
/// How much better (in characters' worth of context) the chosen place must be than any other.
const MARGIN: f64 = 4.0;

/// Find `q` in `text` again.
pub fn anchor(text: &str, offsets: &Offsets, q: &TextQuote) -> Anchored {
    if q.exact.is_empty() {
        return Anchored::NotFound;
    }
    let full = (q.prefix.chars().count() + q.suffix.chars().count()) as f64;
    let mut found: Vec<(Span, f64, usize)> = text
        .match_indices(q.exact.as_str())
        .map(|(i, m)| {
            let span = Span::new(i, i + m.len());
            let ctx = context_score(text, span, q);
            let at = offsets.byte_to_char(i).unwrap_or(0);
            (span, ctx, at.abs_diff(q.start))
        })
        .collect();
    // Best context first, then nearest to the hint.
    order::sort_by_key(&mut found, |f| f.2 as u64);
    order::sort_by_key(&mut found, |f| !order::f64_key(f.1));
    if let Some(&(span, ctx, dist)) = found.first() {
        let agrees = full == 0.0 || ctx >= MIN_CONTEXT * full;
        match found.get(1) {
            None if agrees => return Anchored::Exact(span),
            Some(&(_, ctx2, _)) if agrees && ctx >= ctx2 + MARGIN => return Anchored::Exact(span),
            // Same context everywhere: only the position hint can decide.
            Some(&(_, ctx2, dist2)) if agrees && ctx == ctx2 && dist == 0 && dist2 > 0 => {
                return Anchored::Exact(span)
            }
            _ => {}
        }
    }
    fuzzy(text, offsets, q, full)
}

/// Approximate search with edit distance ≤ 20 % of the quote, near the hint,
/// choosing by context; exact occurrences take part with distance 0.
fn fuzzy(text: &str, offsets: &Offsets, q: &TextQuote, full: f64) -> Anchored {
    let pat: Vec<char> = q.exact.chars().collect();
    let m = pat.len();
    if m == 0 || m > MAX_FUZZY {
        return Anchored::NotFound;
    }
    let max_dist = (m / 5).max(1);
    // A window of characters around the hint (the whole text when short).
    let n_chars = offsets.len_chars();
    let reach = 3 * m + 2000;
    let (lo, hi) = if n_chars <= 4 * reach {
        (0, n_chars)
    } else {
        (
            q.start.saturating_sub(reach),
            (q.start + m + reach).min(n_chars),
        )
    };
    let (Some(lo_b), Some(hi_b)) = (offsets.char_to_byte(lo), offsets.char_to_byte(hi)) else {
        return Anchored::NotFound;
    };
    let win: Vec<(usize, char)> = text[lo_b..hi_b]
        .char_indices()
        .map(|(i, c)| (lo_b + i, c))
        .collect();

    // Sellers' algorithm: edit distance of the pattern ending at each position.
    let mut col: Vec<usize> = (0..=m).collect();
    let mut ends: Vec<(usize, usize)> = Vec::new(); // (distance, window index of last char)
    for (j, &(_, c)) in win.iter().enumerate() {
        let mut diag = col[0]; // D[i-1][j-1]
        col[0] = 0;
        for i in 1..=m {
            let up = col[i];
            let cost = usize::from(pat[i - 1] != c);
            col[i] = (diag + cost).min(up + 1).min(col[i - 1] + 1);
            diag = up;
        }
        if col[m] <= max_dist {
            ends.push((col[m], j));
        }
    }
    // Local minima: the best end in each run of nearby ends.
    let mut best: Vec<(usize, usize)> = Vec::new();
    for &(d, j) in &ends {
        match best.last_mut() {
            Some(last) if j <= last.1 + m / 2 + 1 => {
                if d < last.0 {
                    *last = (d, j);
                }
            }
            _ => best.push((d, j)),
        }
    }
    // Score each place: context agreement, less a penalty per edit.
    let mut scored: Vec<(Span, f64)> = best
        .iter()
        .filter_map(|&(d, j)| {
            let start = start_of(&pat, &win, j, max_dist)?;
            let span = Span::new(win[start].0, win[j].0 + win[j].1.len_utf8());
            Some((span, context_score(text, span, q) - 2.0 * d as f64))
        })
        .collect();
    order::sort_by_key(&mut scored, |s| !order::f64_key(s.1));
    let Some(&(span, score)) = scored.first() else {
        return Anchored::NotFound;
    };
    let ctx = context_score(text, span, q);
    let agrees = if full == 0.0 {
        scored.len() == 1
    } else {
        ctx >= MIN_CONTEXT * full
    };
    let clear = scored.get(1).is_none_or(|r| score >= r.1 + MARGIN);
    if !(agrees && clear) {
        return Anchored::NotFound;
    }
    if span.slice(text) == q.exact {
        Anchored::Exact(span)
    } else {
        Anchored::Fuzzy(span)
    }
}

/// Start (window index) of the best alignment of `pat` ending at `end`.
fn start_of(pat: &[char], win: &[(usize, char)], end: usize, max_dist: usize) -> Option<usize> {
    // Reverse Sellers from `end` backwards: the pattern reversed, anchored at `end`.
    let m = pat.len();
    let from = end.saturating_sub(m + max_dist);
    let mut col: Vec<usize> = (0..=m).collect(); // D over reversed pattern; text consumed so far
    let mut best: Option<(usize, usize)> = None;
    for j in (from..=end).rev() {
        let c = win[j].1;
        let mut diag = col[0];
        col[0] += 1; // the match must end exactly at `end`
        for i in 1..=m {
            let up = col[i];
            let cost = usize::from(pat[m - i] != c);
            col[i] = (diag + cost).min(up + 1).min(col[i - 1] + 1);
            diag = up;
        }
        if col[m] <= max_dist && best.is_none_or(|(d, _)| col[m] <= d) {
            best = Some((col[m], j));
        }
    }
    best.map(|(_, j)| j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, needle: &str, nth: usize) -> (TextQuote, Span) {
        let i = text.match_indices(needle).nth(nth).unwrap().0;
        let span = Span::new(i, i + needle.len());
        (TextQuote::from_span(text, &Offsets::new(text), span), span)
    }

    #[test]
    fn from_span_keeps_32_characters_of_context() {
        let text = format!("{}X{}", "é".repeat(40), "ü".repeat(40));
        let (q, _) = quote(&text, "X", 0);
        assert_eq!(q.prefix, "é".repeat(32));
        assert_eq!(q.suffix, "ü".repeat(32));
        assert_eq!(q.start, 40);
    }

    #[test]
    fn exact_table() {
        let text = "Kyiv said no. Moscow said no. Kyiv said yes.";
        for (needle, nth) in [
            ("Kyiv said", 0),
            ("Kyiv said", 1),
            ("said no", 1),
            ("yes", 0),
        ] {
            let (q, span) = quote(text, needle, nth);
            assert_eq!(
                anchor(text, &Offsets::new(text), &q),
                Anchored::Exact(span),
                "{needle} #{nth}"
            );
        }
    }

    #[test]
    fn ambiguous_or_missing_is_not_placed() {
        let text = "no no no no";
        let q = TextQuote {
            exact: "no".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 100,
        };
        assert_eq!(anchor(text, &Offsets::new(text), &q), Anchored::NotFound);
        let q = TextQuote {
            exact: "ceasefire".into(),
            ..q
        };
        assert_eq!(
            anchor("an unrelated text", &Offsets::new("an unrelated text"), &q),
            Anchored::NotFound
        );
        let empty = TextQuote::default();
        assert_eq!(anchor("x", &Offsets::new("x"), &empty), Anchored::NotFound);
    }

    #[test]
    fn fuzzy_after_edits() {
        let text = "Delegations met in Istanbul on Friday and agreed to a prisoner exchange.";
        let (q, _) = quote(text, "agreed to a prisoner exchange", 0);
        let edited = "Delegations met in Istanbul on Friday and agreed on a prisoner exchange.";
        let got = anchor(edited, &Offsets::new(edited), &q);
        let span = got.span().expect("placed");
        assert!(matches!(got, Anchored::Fuzzy(_)));
        assert!(
            span.slice(edited).starts_with("agreed on a prisoner"),
            "{got:?}"
        );
    }
}
