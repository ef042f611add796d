//! Sets `CLAIMLENS_ENGINE_ID`: a hash of the engine's sources (this crate's
//! and `claimlens-engine`'s), its lexicons and weights. An analysis made at
//! build time (`wire`) carries it, so the browser never takes one that
//! another version of the engine made.
use std::{fs, path::Path, path::PathBuf};

/// Every file the id covers: the two crates' sources, and the data they read.
const ROOTS: &[&str] = &[
    "src",
    "../engine/src",
    "../../data/lexicons",
    "../../data/weights",
];

fn main() {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = ROOTS.iter().map(PathBuf::from).collect();
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("source directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let name = f.to_string_lossy().replace('\\', "/");
        for b in name.bytes().chain(fs::read(f).expect("source file")) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    for root in ROOTS {
        println!("cargo:rerun-if-changed={}", Path::new(root).display());
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=CLAIMLENS_ENGINE_ID={h:016x}");
}
