//! Size report and budget for the release build in `dist/`.
//!
//! Prints every asset's raw and gzip size (run with `--nocapture`, as
//! `scripts/test` does) and fails if the first load exceeds the budget.
//!
//! Everything in `dist/` is fetched on first load (page, loader, CSS, JS
//! glue, wasm with the bundled article and lexicons), so the budget covers
//! the sum. The app shell alone measured 60.7 KB (wasm + js, gzip) before
//! the entity engine and its lexicons landed; with the entity and claims
//! engines (about 50 KB of it gzipped lexicons), the share-link codec and
//! their UI it measured about 299 KB; one shared sort and front-coded
//! lexicons took 24 KB off, and bringing your own article (intake: HTML
//! extraction, Markdown, decoding, recent documents), imports and long-document
//! handling added about 60 KB, and the claim comparison (engine, reference
//! pack, JSON-LD export: about 35 KB; its panel: about 15 KB) 50 KB more,
//! for 384 KB. The performance issue's target is 250 KB, which needs the
//! features that are not used on first paint (intake, comparison, imports,
//! exports) split into a module loaded on demand; until then this ceiling
//! stops further growth.

mod support;

use std::io::Write;

use flate2::{write::GzEncoder, Compression};

/// Ceiling on the total first-load transfer, gzipped: wasm + js + css + html
/// + bundled data. (Target: 250 KB.)
const BUDGET_FIRST_LOAD_GZ: usize = 390 * 1024;

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
    println!("\n{:<32} {:>12} {:>12}", "dist/ asset", "raw", "gzip");
    for (name, raw, gz) in &rows {
        println!("{name:<32} {:>12} {:>12}", kb(*raw), kb(*gz));
    }
    let (raw, gz) = rows
        .iter()
        .fold((0, 0), |(r, g), (_, raw, gz)| (r + raw, g + gz));
    println!(
        "{:<32} {:>12} {:>12}   (budget {})\n",
        "first load",
        kb(raw),
        kb(gz),
        kb(BUDGET_FIRST_LOAD_GZ)
    );
    assert!(
        rows.iter().any(|(n, ..)| n.ends_with(".wasm")),
        "no .wasm in dist/"
    );
    assert!(
        gz <= BUDGET_FIRST_LOAD_GZ,
        "the first load is {} gzipped, over the {} budget",
        kb(gz),
        kb(BUDGET_FIRST_LOAD_GZ)
    );
}
