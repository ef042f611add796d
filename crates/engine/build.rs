//! Front-codes the word lists in `data/lexicons/` into `OUT_DIR`, so the
//! wasm carries them in a form that compresses about a fifth better than the
//! plain sorted lists (the plain files stay in the repository, readable and
//! diffable). Format, one line per entry: a digit 0–9, the number of leading
//! bytes shared with the previous line, then the rest of the line.
//! `frontcode::expand` (in this crate) reverses it. `lexicons.txt` holds them all,
//! each after a line `#<name>`.
use std::{env, fs, path::Path};

const LISTS: &[&str] = &[
    "cities.tsv",
    "common-words.txt",
    "companies.txt",
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
