//! Unicode: exact offsets and whole grapheme clusters.
//!
//! - Property tests: every position of any string converts UTF-8 ⇄ UTF-16 ⇄
//!   code points and back exactly (surrogate pairs included), positions
//!   inside a character or a surrogate pair are refused, and span
//!   conversions agree with a reference computed from the string itself.
//! - Entity mentions, claims (and their cues, hedges, speakers) and the
//!   view's pieces start and end on character boundaries and never split a
//!   grapheme cluster (`unicode-segmentation`'s extended clusters) — on the
//!   fixtures in `tests/fixtures/unicode/` (ZWJ emoji, combining marks,
//!   Arabic and Hebrew, CJK, U+200E/U+200F and other bidi controls, NUL,
//!   CRLF), on generated news-like text full of such characters, and on the
//!   Big List of Naughty Strings when `../shared` is present.

#![cfg(not(target_arch = "wasm32"))]

use claimlens_core::{analyse, pieces, Document, Offsets, Piece, Span};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

// ------------------------------------------------------------------ offsets

/// (byte, char, utf16) at every character boundary, the end included.
fn reference(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let (mut c, mut u) = (0, 0);
    for (b, ch) in text.char_indices() {
        out.push((b, c, u));
        c += 1;
        u += ch.len_utf16();
    }
    out.push((text.len(), c, u));
    out
}

fn check_offsets(text: &str) {
    let o = Offsets::new(text);
    let table = reference(text);
    let &(bytes, chars, units) = table.last().unwrap();
    assert_eq!(
        (o.len_bytes(), o.len_chars(), o.len_utf16()),
        (bytes, chars, units)
    );
    assert_eq!(units, text.encode_utf16().count());
    for &(b, c, u) in &table {
        assert_eq!(o.byte_to_char(b), Some(c));
        assert_eq!(o.byte_to_utf16(b), Some(u));
        assert_eq!(o.char_to_byte(c), Some(b));
        assert_eq!(o.utf16_to_byte(u), Some(b));
        // UTF-16 of the prefix, as the DOM counts it.
        assert_eq!(text[..b].encode_utf16().count(), u);
    }
    for b in 0..=text.len() + 1 {
        let ok = text.is_char_boundary(b) && b <= text.len();
        assert_eq!(o.byte_to_char(b).is_some(), ok, "byte {b}");
        assert_eq!(o.byte_to_utf16(b).is_some(), ok, "byte {b}");
    }
    let unit_ok: std::collections::HashSet<usize> = table.iter().map(|t| t.2).collect();
    for u in 0..=units + 1 {
        assert_eq!(
            o.utf16_to_byte(u).is_some(),
            unit_ok.contains(&u),
            "unit {u}"
        );
    }
    assert_eq!(o.char_to_byte(chars + 1), None);
    // Spans between any two boundaries round-trip through both encodings.
    let step = (table.len() / 12).max(1);
    for i in (0..table.len()).step_by(step) {
        for j in (i..table.len()).step_by(step) {
            let (a, b) = (table[i], table[j]);
            let span = Span::new(a.0, b.0);
            assert_eq!(o.span_to_utf16(span), Some((a.2, b.2)));
            assert_eq!(o.span_to_chars(span), Some((a.1, b.1)));
            assert_eq!(o.utf16_to_span(a.2, b.2), Some(span));
            assert_eq!(o.chars_to_span(a.1, b.1), Some(span));
        }
    }
}

/// Characters that stress offsets and clusters.
fn tricky_char() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z .,]".prop_map(String::from),
        1 => Just("😀".to_string()),          // surrogate pair
        1 => Just("👨‍👩‍👧".to_string()),        // ZWJ sequence
        1 => Just("👍🏽".to_string()),          // emoji modifier
        1 => Just("🇺🇦".to_string()),          // regional indicators
        1 => Just("\u{301}".to_string()),      // combining acute
        1 => Just("\u{20dd}".to_string()),     // enclosing circle (Me)
        1 => Just("\u{200d}".to_string()),     // ZWJ alone
        1 => Just("\u{fe0f}".to_string()),     // variation selector
        1 => Just("\u{200e}".to_string()),     // LRM
        1 => Just("\u{200f}".to_string()),     // RLM
        1 => Just("ש".to_string()),
        1 => Just("ق".to_string()),
        1 => Just("東".to_string()),
        1 => Just("\u{0}".to_string()),
        1 => Just("\r\n".to_string()),
        1 => Just("\n\n".to_string()),
        1 => Just("’".to_string()),
        1 => Just("𝕏".to_string()),           // astral letter
    ]
}

/// News-like words, so entities and claims are found next to tricky characters.
fn newsy_word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("President"),
        Just("Zelensky"),
        Just("Vladimir"),
        Just("Putin"),
        Just("said"),
        Just("Moscow"),
        Just("Kyiv"),
        Just("NATO"),
        Just("United"),
        Just("Nations"),
        Just("on"),
        Just("5"),
        Just("May"),
        Just("2025"),
        Just("$3"),
        Just("million"),
        Just("40"),
        Just("trucks"),
        Just("would"),
        Just("officials"),
        Just("reportedly"),
        Just("Mr."),
        Just("the"),
        Just("talks"),
        Just("."),
        Just(","),
        Just("\u{201c}"),
        Just("\u{201d}"),
        Just("may"),
        Just("Russia’s"),
        Just("Istanbul"),
    ]
    .prop_map(String::from)
}

fn newsy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => newsy_word(),
            2 => tricky_char(),
            2 => Just(" ".to_string()),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn offsets_round_trip_on_any_string(s in any::<String>()) {
        claimlens_core::frontcode::install_bundled();
        check_offsets(&s);
    }

    #[test]
    fn offsets_round_trip_on_tricky_strings(parts in proptest::collection::vec(tricky_char(), 0..60)) {
        claimlens_core::frontcode::install_bundled();
        check_offsets(&parts.concat());
    }

    #[test]
    fn highlights_keep_clusters_whole_on_newsy_text(s in newsy_text()) {
        claimlens_core::frontcode::install_bundled();
        check_clusters(&s, "generated");
    }

    /// On arbitrary strings (any script), the guarantee is the common
    /// extenders: no boundary before a combining mark of the Latin, Greek
    /// and Cyrillic blocks, a ZWJ, a variation selector, a skin-tone
    /// modifier or a tag character that continues a cluster.
    #[test]
    fn highlights_keep_common_extenders_on_any_string(s in any::<String>()) {
        claimlens_core::frontcode::install_bundled();
        check_clusters_with(&s, "any", approx_bounds(&s));
    }
}

// ------------------------------------------------------------------ clusters

/// Byte offsets where an extended grapheme cluster starts (and the end).
fn cluster_bounds(text: &str) -> Vec<bool> {
    let mut ok = vec![false; text.len() + 1];
    for (i, _) in text.grapheme_indices(true) {
        ok[i] = true;
    }
    ok[text.len()] = true;
    ok
}

fn whole(text: &str, bounds: &[bool], span: Span, what: &str, name: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{name}: {what} {span:?} out of range"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{name}: {what} {span:?} not on char boundaries"
    );
    assert!(
        bounds[span.start] && bounds[span.end],
        "{name}: {what} {span:?} = {:?} splits a grapheme cluster in {:?}",
        &text[span.start..span.end],
        &text[span.start.saturating_sub(12)..(span.end + 12).min(text.len())]
            .chars()
            .collect::<String>()
    );
}

/// The small approximation: a boundary is allowed anywhere except before a
/// common extender that follows something other than a line break.
fn approx_bounds(text: &str) -> Vec<bool> {
    let mut ok = vec![true; text.len() + 1];
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let extender = matches!(c as u32,
            0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f
            | 0x200d | 0xfe00..=0xfe0f | 0x1f3fb..=0x1f3ff | 0xe0020..=0xe007f | 0xe0100..=0xe01ef);
        if extender && prev.is_some_and(|p| !p.is_control()) {
            ok[i] = false;
        }
        prev = Some(c);
    }
    for (i, v) in ok.iter_mut().enumerate() {
        if !text.is_char_boundary(i) {
            *v = false;
        }
    }
    ok
}

fn check_clusters(text: &str, name: &str) {
    check_clusters_with(text, name, cluster_bounds(text));
}

fn check_clusters_with(text: &str, name: &str, bounds: Vec<bool>) {
    let doc = Document::from_plain_text("u", "u", text);
    let a = analyse(&doc);
    for m in &a.mentions {
        whole(text, &bounds, m.span, "mention", name);
    }
    for c in &a.claims {
        whole(text, &bounds, c.span, "claim", name);
        for s in c
            .cue
            .iter()
            .chain(&c.hedges)
            .chain(&c.boosters)
            .chain(&c.opinion)
            .chain(&c.negations)
            .chain(c.speaker.span().as_ref())
        {
            whole(text, &bounds, *s, "claim cue", name);
        }
    }
    let mut next = 0;
    for b in &doc.blocks {
        whole(text, &bounds, b.span, "block", name);
        let mut at = b.span.start;
        for p in pieces(&doc.text, b.span, &a.mentions, &mut next) {
            let t = match p {
                Piece::Text(t) | Piece::Mention(_, t) => t,
            };
            let span = Span::new(at, at + t.len());
            assert_eq!(&text[span.start..span.end], t, "{name}: pieces out of step");
            whole(text, &bounds, span, "piece", name);
            at = span.end;
        }
        assert_eq!(at, b.span.end, "{name}: pieces do not cover the block");
    }
}

#[test]
fn fixtures_analyse_without_splitting_clusters() {
    claimlens_core::frontcode::install_bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/unicode");
    let mut n = 0;
    let mut mentions = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        check_offsets(&text);
        check_clusters(&text, &name);
        let a = analyse(&Document::from_plain_text("u", "u", &text));
        assert!(!a.mentions.is_empty(), "{name}: no entity found at all");
        mentions += a.mentions.len();
        n += 1;
    }
    assert!(n >= 7, "{n} fixtures");
    println!("{n} fixtures, {mentions} mentions checked");
}

/// Entities next to tricky characters are still found, whole.
#[test]
fn entities_next_to_marks_and_emoji() {
    claimlens_core::frontcode::install_bundled();
    for (text, want) in [
        ("President Zelensky\u{301} met Putin.", "Zelensky\u{301}"),
        ("Talks in Istanbul\u{200f} ended.", "Istanbul"),
        ("Talks in \u{200e}Istanbul ended.", "Istanbul"),
        ("Talks in Istanbul👍🏽 ended.", "Istanbul"),
        ("Talks in Istanbul\0 ended.", "Istanbul"),
        ("Talks in Istanbul\r\nended.", "Istanbul"),
    ] {
        let a = analyse(&Document::from_plain_text("u", "u", text));
        let found: Vec<&str> = a.mentions.iter().map(|m| m.span.slice(text)).collect();
        assert!(found.contains(&want), "{text:?}: {found:?}");
        check_clusters(text, text);
    }
}

#[test]
fn naughty_strings_analyse_without_splitting_clusters() {
    claimlens_core::frontcode::install_bundled();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/hostile/naughty-strings/blns.base64.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let encoded: Vec<String> = serde_json::from_str(&json).unwrap();
    let strings: Vec<String> = encoded
        .iter()
        .map(|b| {
            let bytes =
                claimlens_core::share::base64url_decode(&b.replace('+', "-").replace('/', "_"))
                    .unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect();
    for s in &strings {
        check_offsets(s);
        check_clusters(s, s);
        // And inside a sentence, next to an entity.
        let framed = format!("President Zelensky said {s} in Kyiv on 5 May 2025.");
        check_clusters(&framed, s);
    }
    // All at once, one per line.
    check_clusters(&strings.join("\n"), "all naughty strings");
    println!("{} naughty strings checked", strings.len());
}
