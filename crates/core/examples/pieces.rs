//! Analyse a text file in pieces, as the web app analyses a long document
//! (`chunked::Chunked`), and print what the analysis holds: the way to
//! profile the analysis's memory by allocation natively, e.g.
//!
//! ```sh
//! cargo build --release -p claimlens-core --example pieces
//! valgrind --tool=dhat target/release/examples/pieces FILE
//! ```
//!
//! (DHAT's "At t-gmax" is the peak heap and where it was allocated.)

use claimlens_core::chunked::{Chunked, CHUNK_BYTES};
use std::mem::size_of;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pieces FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    claimlens_core::frontcode::install_bundled();
    claimlens_core::weights::install_bundled();
    let mut job = Chunked::new(&text, CHUNK_BYTES);
    while !job.step(&text) {}
    let a = job.finish();
    let row = |what: &str, n: usize, each: usize| {
        println!(
            "{what:<10} {n:>8} × {each:>4} B = {:>6.2} MB",
            (n * each) as f64 / 1e6
        )
    };
    println!("{path}: {} bytes", text.len());
    row(
        "sentences",
        a.sentences.len(),
        size_of::<claimlens_core::text::Sentence>(),
    );
    row(
        "mentions",
        a.mentions.len(),
        size_of::<claimlens_core::entities::Mention>(),
    );
    row(
        "entities",
        a.entities.len(),
        size_of::<claimlens_core::entities::Entity>(),
    );
    row(
        "claims",
        a.claims.len(),
        size_of::<claimlens_core::claims::Claim>(),
    );
}
