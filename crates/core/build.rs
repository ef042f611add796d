//! Front-codes the word lists in `data/lexicons/` into `OUT_DIR`, so the
//! wasm carries them in a form that compresses about a fifth better than the
//! plain sorted lists (the plain files stay in the repository, readable and
//! diffable). Format, one line per entry: a digit 0–9, the number of leading
//! bytes shared with the previous line, then the rest of the line.
//! `frontcode::expand` (in this crate) reverses it. `lexicons.txt` holds them all,
//! each after a line `#<name>`.
//!
//! Also sets `CLAIMLENS_ENGINE_ID` (see `engine_id`).
use std::{env, fs, path::Path};

const LISTS: &[&str] = &[
    "cities.tsv",
    "common-words.txt",
    "countries.tsv",
    "first-names.txt",
    "hedge-cues.txt",
    "opinion.txt",
    "regions.txt",
    "us-states.txt",
];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let mut bundle = String::new();
    for name in LISTS {
        let src = Path::new("../../data/lexicons").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).expect("lexicon file");
        let coded = front_code(&text);
        fs::write(out.join(name), &coded).expect("write OUT_DIR");
        bundle.push('#');
        bundle.push_str(name);
        bundle.push('\n');
        bundle.push_str(&coded);
    }
    // All of them in one file (the web app's `lexicons.txt`), and their names.
    fs::write(out.join("lexicons.txt"), bundle).expect("write OUT_DIR");
    fs::write(
        out.join("lexicon-names.rs"),
        format!(
            "/// The lexicons, by the names `build.rs` writes them under.\npub const NAMES: [&str; {}] = {:?};\n",
            LISTS.len(),
            LISTS
        ),
    )
    .expect("write OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    engine_id();
}

/// `CLAIMLENS_ENGINE_ID`: a hash of the engine's sources, lexicons and weights.
/// An analysis made at build time (`analysis::wire`) carries it, so the
/// browser never takes one that another version of the engine made.
fn engine_id() {
    let mut files = Vec::new();
    let mut stack = vec![Path::new("src").to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.extend(
        LISTS
            .iter()
            .map(|n| Path::new("../../data/lexicons").join(n)),
    );
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let name = f.to_string_lossy().replace('\\', "/");
        for b in name.bytes().chain(fs::read(f).expect("source file")) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rustc-env=CLAIMLENS_ENGINE_ID={h:016x}");
}

fn front_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = "";
    for line in text.lines() {
        let mut k = 0;
        for ((i, a), b) in line.char_indices().zip(prev.chars()) {
            if a != b || i + a.len_utf8() > 9 {
                break;
            }
            k = i + a.len_utf8();
        }
        out.push(char::from(b'0' + k as u8));
        out.push_str(&line[k..]);
        out.push('\n');
        prev = line;
    }
    out
}
