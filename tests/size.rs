//! Size report and budget for the release build in `dist/`.
//!
//! Prints every asset's raw and gzip size (run with `--nocapture`, as
//! `scripts/test` does) and fails if the first load exceeds the budget.
//!
//! The first load is what the page fetches to show the highlighted default
//! article: the page, its loader, the CSS, the JS glue and the main wasm
//! (with the bundled article's text), the analysis the engine made of that
//! article at build time, the chunk loader and the service worker
//! ([`FIRST_LOAD`]; `tests/offline.rs` checks in Chromium that the page
//! fetches nothing else before it is ready). The wasm chunks (`split_*.wasm`,
//! shared `chunk_*.wasm`) are fetched when a feature is first used (the
//! engine and `lexicons.txt` with the first other document; Compare, Claims,
//! Open…, Import/Export, a document carried in a link being packed, a long
//! document) and precached by the service worker in the background
//! afterwards; `embed.js` is for pages that embed claimlens. The engine
//! download — the chunks, `lexicons.txt` and the models' weights (`*.clw`,
//! fetched with the lexicons) — is budgeted at 1 MB gzipped.
//!
//! History: the app shell alone measured 60.7 KB (wasm + js, gzip) before
//! the entity engine and its lexicons landed; with every feature in one wasm
//! the first load reached 384 KB. Splitting the features not used for the
//! first paint into chunks (src/ui/lazy.rs, scripts/build-wasm) brought it
//! to 294 KB; minifying the JS glue, keeping word lists as one string each
//! (not slices of strings: a pointer and a length per word), fetching the
//! Compare tab's reference pack as a file and `wasm-opt -Os` to 286.8 KB;
//! failure handling for chunks that cannot load, per-build chunk names and
//! a render-once entity list put it at 289.9 KB, "Loading…" placeholders at
//! 291.0 KB. Opening the bundled article from its build-time analysis, with
//! the engine and its lexicons in a chunk and a file loaded for any other
//! document, brought it under the 250 KB budget.

mod support;

use std::io::Write;

use flate2::{write::GzEncoder, Compression};

/// Ceiling on the total first-load transfer, gzipped (wasm, js, css, html and
/// bundled data): the budget.
const BUDGET_FIRST_LOAD_GZ: usize = 250 * 1024;

/// The files of the first load (see the module docs).
const FIRST_LOAD: &[&str] = &[
    "index.html",
    "boot.js",
    "main.css",
    "claimlens-web.js",
    "claimlens-web_bg.wasm",
    "__wasm_split.js",
    "sw.js",
    // The bundled article's analysis, made at build time by the same engine
    // (src/ui/engine.rs): the engine and its lexicons load with the first
    // other document.
    "sample-istanbul-2025.analysis",
];

/// Ceiling on the engine download, gzipped: every wasm chunk loaded on
/// demand, the lexicons and the models' weights (the claims issue's budget).
const BUDGET_ENGINE_GZ: usize = 1024 * 1024;

/// True for a file of the engine download: chunks, lexicons, weights.
fn is_engine_file(name: &str) -> bool {
    (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
        || name == "lexicons.txt"
        || name.ends_with(".clw")
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap().len()
}

#[test]
fn dist_size_report_and_budget() {
    require_app!(false);
    let dist = support::dist_dir();
    let mut rows = Vec::new();
    let mut stack = vec![dist.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let name = path.strip_prefix(&dist).unwrap().display().to_string();
                rows.push((name, bytes.len(), gzip_len(&bytes)));
            }
        }
    }
    rows.sort();
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    let total = |first: bool| {
        rows.iter()
            .filter(|(n, ..)| FIRST_LOAD.contains(&n.as_str()) == first)
            .fold((0, 0), |(r, g), (_, raw, gz)| (r + raw, g + gz))
    };
    println!("\n{:<32} {:>12} {:>12}", "dist/ asset", "raw", "gzip");
    for first in [true, false] {
        for (name, raw, gz) in rows
            .iter()
            .filter(|(n, ..)| FIRST_LOAD.contains(&n.as_str()) == first)
        {
            println!("{name:<32} {:>12} {:>12}", kb(*raw), kb(*gz));
        }
        let (raw, gz) = total(first);
        if first {
            println!(
                "{:<32} {:>12} {:>12}   (budget {})\n",
                "= first load",
                kb(raw),
                kb(gz),
                kb(BUDGET_FIRST_LOAD_GZ)
            );
        } else {
            println!(
                "{:<32} {:>12} {:>12}   (on demand, not budgeted)\n",
                "= chunks and embed.js",
                kb(raw),
                kb(gz)
            );
        }
    }
    for f in FIRST_LOAD {
        assert!(
            rows.iter().any(|(n, ..)| n == f),
            "{f} is missing from dist/"
        );
    }
    let engine = rows
        .iter()
        .filter(|(n, ..)| is_engine_file(n))
        .fold((0, 0), |(r, g), (_, raw, gz)| (r + raw, g + gz));
    println!(
        "{:<32} {:>12} {:>12}   (budget {})\n",
        "= engine download",
        kb(engine.0),
        kb(engine.1),
        kb(BUDGET_ENGINE_GZ)
    );
    assert!(
        engine.1 <= BUDGET_ENGINE_GZ,
        "the engine download is {} gzipped, over the {} budget",
        kb(engine.1),
        kb(BUDGET_ENGINE_GZ)
    );
    assert!(
        rows.iter().any(|(n, ..)| n == "checkworthy.clw"),
        "the check-worthiness weights are missing from dist/"
    );
    let (_, gz) = total(true);
    assert!(
        gz <= BUDGET_FIRST_LOAD_GZ,
        "the first load is {} gzipped, over the {} budget",
        kb(gz),
        kb(BUDGET_FIRST_LOAD_GZ)
    );
}
