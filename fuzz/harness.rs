//! The checks each fuzz target runs, shared with `crates/cli/tests/fuzz_corpus.rs`,
//! which replays the committed corpus through these same functions on
//! stable Rust. Each function takes raw bytes (as libFuzzer gives them) and
//! panics only when claimlens breaks one of its own promises: no panic on
//! any input, spans on character boundaries inside the text, mentions in
//! order and not overlapping, links that re-encode to the same view.

use claimlens_core::share::{
    anchor, decode, encode, import_web_annotations, inflate_with_dictionary, parse_json,
    unpack_text, DocRef, Json, MAX_UNPACKED,
};
use claimlens_core::{analyse, pieces, Document, Offsets, Piece, Span, DEFAULT_TEXT};

/// Largest input the harness analyses (libFuzzer's default `-max_len` is 4096;
/// a replayed file may be longer).
const MAX_INPUT: usize = 64 * 1024;

fn on_boundaries(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

/// Analyse `text` as the app does and check every span the view uses.
pub fn check_analysis(text: &str) {
    claimlens_core::frontcode::install_bundled();
    let doc = Document::from_plain_text("fuzz", "Fuzz", text);
    for b in &doc.blocks {
        on_boundaries(text, b.span, "block");
    }
    let a = analyse(&doc);
    let offsets = Offsets::new(text);
    for s in &a.sentences {
        on_boundaries(text, s.span, "sentence");
    }
    let mut last_end = 0;
    for m in &a.mentions {
        on_boundaries(text, m.span, "mention");
        assert!(!m.span.is_empty(), "empty mention {:?}", m.span);
        assert!(
            m.span.start >= last_end,
            "mentions overlap or are out of order"
        );
        last_end = m.span.end;
        assert!(m.entity < a.entities.len(), "mention of a missing entity");
        // The DOM needs UTF-16 offsets; code points go to exported annotations.
        assert!(offsets.span_to_utf16(m.span).is_some());
        assert!(offsets.span_to_chars(m.span).is_some());
        let _ = a.entity_of(m);
    }
    for e in &a.entities {
        assert!(e.mentions.iter().all(|&i| i < a.mentions.len()));
    }
    for c in &a.claims {
        on_boundaries(text, c.span, "claim");
        for s in c
            .cue
            .iter()
            .chain(&c.hedges)
            .chain(&c.boosters)
            .chain(&c.opinion)
            .chain(&c.negations)
            .chain(c.speaker.span().as_ref())
        {
            on_boundaries(text, *s, "claim part");
        }
        assert!(c.mentions.iter().all(|&i| i < a.mentions.len()));
        let _ = c.speaker.display(text);
        let _ = c.text(text);
    }
    // The article view: each block split into text and mentions covers the
    // block exactly.
    let mut next = 0;
    for b in &doc.blocks {
        let parts = pieces(&doc.text, b.span, &a.mentions, &mut next);
        let joined: String = parts
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Mention(_, t) => *t,
            })
            .collect();
        assert_eq!(joined, b.span.slice(text), "pieces do not cover the block");
    }
}

/// Fuzz target `analysis`: any UTF-8 text.
pub fn analysis(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    if let Ok(text) = std::str::from_utf8(data) {
        check_analysis(text);
    }
}

/// Fuzz target `link_decoder`: the first byte picks the decoder.
/// - `0`: raw bytes through the dictionary inflater (the packed document);
/// - otherwise: the rest as a URL fragment through [`decode`], then the view it
///   opens (quotes anchored in the document, inline text analysed when short),
///   and the link it re-encodes to must decode to the same view.
pub fn link_decoder(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if rest.len() > MAX_INPUT {
        return;
    }
    if mode == 0 {
        if let Ok(bytes) = inflate_with_dictionary(rest, MAX_UNPACKED) {
            assert!(bytes.len() <= MAX_UNPACKED);
        }
        return;
    }
    let fragment = String::from_utf8_lossy(rest);
    if mode == 1 {
        let _ = unpack_text(&fragment, MAX_UNPACKED);
        return;
    }
    let d = decode(&fragment);
    let (text, inline) = match &d.state.doc {
        DocRef::Inline { text, .. } => (text.as_str(), true),
        DocRef::Bundled(_) => (DEFAULT_TEXT, false),
    };
    let offsets = Offsets::new(text);
    let quotes = d
        .state
        .pinned_quote
        .iter()
        .chain(d.state.claim.as_ref())
        .chain(&d.state.highlights);
    for q in quotes {
        if let Some(span) = anchor(text, &offsets, q).span() {
            on_boundaries(text, span, "anchored quote");
        }
    }
    if inline && text.len() <= 4096 {
        check_analysis(text);
    }
    let again = decode(&encode(&d.state));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.state, d.state, "re-encoded link opens another view");
}

/// Fuzz target `annotation_import`: Web Annotation JSON placed in a document.
/// Input `TEXT\0JSON` places into TEXT; without a NUL, into the sample article.
pub fn annotation_import(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    claimlens_core::frontcode::install_bundled();
    let (text, json) = s.split_once('\0').unwrap_or((DEFAULT_TEXT, s));
    let doc = Document::from_plain_text("fuzz", "Fuzz", text);
    if let Ok(imported) = import_web_annotations(&doc, json) {
        let mut last = None;
        for span in &imported.placed {
            on_boundaries(text, *span, "imported passage");
            assert!(
                last < Some(*span),
                "placed passages not in order or repeated"
            );
            last = Some(*span);
        }
        for (span, _) in &imported.entities {
            on_boundaries(text, *span, "imported entity");
        }
        for span in &imported.claims {
            on_boundaries(text, *span, "imported claim");
        }
        assert!(imported.unplaced.len() <= imported.total);
        let _ = imported.other_text();
    }
}

/// Fuzz target `json`: the strict JSON reader, and its accessors.
pub fn json(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(v) = parse_json(s) {
        walk(&v);
    }
}

fn walk(v: &Json) {
    let _ = (v.as_str(), v.as_usize(), v.get("type"), v.items().len());
    match v {
        Json::Arr(xs) => xs.iter().for_each(walk),
        Json::Obj(m) => m.iter().for_each(|(_, x)| walk(x)),
        _ => {}
    }
}

/// `html_extract`: bytes as a saved page through the whole intake (decoding,
/// html5ever's parse, the block-tree walk, Readability-style extraction,
/// metadata and JSON-LD), and the same bytes as a Markdown file; when a
/// document comes out, its blocks are checked and it is analysed. Also the
/// bytes as a stream of tree-building calls, unbalanced on purpose.
pub fn html_extract(data: &[u8]) {
    use claimlens_cli::parse_html;
    use claimlens_core::intake::{extract, intake_bytes, Tree};
    if data.len() > MAX_INPUT {
        return;
    }
    for name in ["page.html", "notes.md"] {
        if let Ok(got) = intake_bytes(name, data, &parse_html) {
            let text = &got.document.text;
            for b in &got.document.blocks {
                on_boundaries(text, b.span, "block");
            }
            check_analysis(text);
        }
    }
    // Tree calls straight from the bytes: open, attr, text, close.
    let mut tree = Tree::new();
    let s = String::from_utf8_lossy(data);
    for (i, part) in s.split('\u{0}').enumerate() {
        match i % 4 {
            0 => tree.open(part.get(..8).unwrap_or(part)),
            1 => tree.attr("class", part),
            2 => tree.text(part),
            _ => tree.close(),
        }
    }
    let ex = extract(&tree);
    let _ = Document::from_plain_text("fuzz", "Fuzz", &ex.text);
}
