//! Benchmark inputs shared by the native benches and the browser benchmark
//! (`tests/bench_browser.rs` includes this file by path).
//!
//! Texts of a given size are built deterministically from prose in the
//! repository — the bundled seed article, the entity fixtures
//! (`tests/fixtures/entities/texts/*.txt`) and the claims fixture — by
//! cycling through their paragraphs in an order that changes every round
//! (so repeats are not adjacent), and cutting at the last whitespace at or
//! before the target size. The same size always gives the same text.

#![allow(dead_code)] // each bench uses a different part

use std::path::Path;

/// The three sizes every bench covers: 4 KB, 100 KB and 1 MB.
pub const SIZES: [(&str, usize); 3] = [("4KB", 4 * 1024), ("100KB", 100 * 1024), ("1MB", 1 << 20)];

/// Every paragraph of the repository's sample prose, in a fixed order.
pub fn paragraphs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("data/seed-istanbul-2025.txt"),
        root.join("tests/fixtures/claims/wire-health-funding.txt"),
    ];
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/entities/texts"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    fixtures.sort();
    files.extend(fixtures);
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        out.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    assert!(!out.is_empty(), "no sample prose found for the benchmarks");
    out
}

/// A text of about `bytes` bytes (never more), paragraphs separated by blank lines.
pub fn text_of(bytes: usize) -> String {
    let paras = paragraphs();
    let n = paras.len();
    let mut s = String::with_capacity(bytes + 4096);
    let mut round = 0usize;
    'outer: loop {
        // A different stride each round (coprime with n) varies the order.
        let stride = (1..n.max(2))
            .cycle()
            .skip(round * 7)
            .find(|k| gcd(*k, n) == 1)
            .unwrap_or(1);
        for i in 0..n {
            let p = &paras[(i * stride + round) % n];
            if !s.is_empty() {
                s.push_str("\n\n");
            }
            s.push_str(p);
            if s.len() >= bytes {
                break 'outer;
            }
        }
        round += 1;
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = s[..cut]
        .rfind(char::is_whitespace)
        .filter(|&w| w > 0)
        .unwrap_or(cut);
    s.truncate(cut);
    s.truncate(s.trim_end().len());
    s
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A text of exactly `words` whitespace-separated words, built like [`text_of`].
pub fn text_of_words(words: usize) -> String {
    let mut s = text_of(words * 8 + 1024);
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    s.truncate(i);
                    return s;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s
}
