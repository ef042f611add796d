//! Replays the committed fuzz corpus (`fuzz/corpus/TARGET/*`) through the
//! same checks the cargo-fuzz targets run (`fuzz/harness.rs`), on stable
//! Rust, so every input that ever found a crash or new coverage stays a test.
//! Fuzzing itself is `cargo +nightly fuzz run TARGET` (see fuzz/README.md).

#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../fuzz/harness.rs"]
mod harness;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let name = file.display().to_string();
        if let Err(e) = std::panic::catch_unwind(|| check(&data)) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{name}: {msg}");
        }
    }
    println!("{target}: {} corpus inputs replayed", files.len());
}

#[test]
fn link_decoder_corpus() {
    claimlens_core::frontcode::install_bundled();
    replay("link_decoder", harness::link_decoder);
}

#[test]
fn analysis_corpus() {
    claimlens_core::frontcode::install_bundled();
    replay("analysis", harness::analysis);
}

#[test]
fn annotation_import_corpus() {
    claimlens_core::frontcode::install_bundled();
    replay("annotation_import", harness::annotation_import);
}

#[test]
fn json_corpus() {
    claimlens_core::frontcode::install_bundled();
    replay("json", harness::json);
}

#[test]
fn html_extract_corpus() {
    claimlens_core::frontcode::install_bundled();
    replay("html_extract", harness::html_extract);
}
