//! Size report and budget for the release build in `dist/`.
//!
//! Prints every asset's raw and gzip size (run with `--nocapture`, as
//! `scripts/test` does) and fails if wasm + js exceed the budget.

mod support;

use std::io::Write;

use flate2::{write::GzEncoder, Compression};

/// wasm + js, gzipped, at this stage of the project.
const BUDGET_WASM_JS_GZ: usize = 150 * 1024;

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
    println!("{:<32} {:>12} {:>12}", "total", kb(raw), kb(gz));
    let code_gz: usize = rows
        .iter()
        .filter(|(n, ..)| n.ends_with(".wasm") || n.ends_with(".js"))
        .map(|(_, _, gz)| gz)
        .sum();
    println!(
        "{:<32} {:>12} {:>12}   (budget {})\n",
        "wasm + js",
        "",
        kb(code_gz),
        kb(BUDGET_WASM_JS_GZ)
    );
    assert!(
        rows.iter().any(|(n, ..)| n.ends_with(".wasm")),
        "no .wasm in dist/"
    );
    assert!(
        code_gz <= BUDGET_WASM_JS_GZ,
        "wasm + js is {} gzipped, over the {} budget",
        kb(code_gz),
        kb(BUDGET_WASM_JS_GZ)
    );
}
