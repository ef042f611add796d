//! Share-link codec throughput on the repository's prose at 4 KB, 100 KB
//! and 1 MB (`benches/support`): packing a document into a link (raw
//! DEFLATE with the preset dictionary + base64url) and back, and the whole
//! fragment codec (`encode` / `decode` of a view state carrying the
//! document, a pinned entity, a claim quote and a highlight). Reports MB/s
//! of document text (criterion `Throughput::Bytes`).
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/tgt-share cargo bench -p claimlens --no-default-features --bench share
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::support::{text_of, SIZES};
    use claimlens::analysis::share::{
        decode, encode, pack_text, unpack_text, DocRef, TextQuote, ViewState, MAX_UNPACKED,
    };
    use claimlens::analysis::Offsets;
    use criterion::{Criterion, Throughput};
    use std::hint::black_box;

    /// A view of `text` as a link would carry it: the document, a pinned
    /// entity with its fallback quote, a selected claim and a highlight.
    fn view_of(text: &str) -> ViewState {
        let offsets = Offsets::new(text);
        let quote = |from: usize| {
            let mut start = (text.len() * from / 4).min(text.len().saturating_sub(40));
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + 40).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            TextQuote::from_span(text, &offsets, claimlens::analysis::Span::new(start, end))
        };
        ViewState {
            doc: DocRef::Inline {
                title: Some("Benchmark document".into()),
                text: text.to_string(),
            },
            pinned: Some("person:bench".into()),
            pinned_quote: Some(quote(1)),
            claim: Some(quote(2)),
            highlights: vec![quote(3)],
            ..ViewState::default()
        }
    }

    pub fn run() {
        let mut c = Criterion::default().configure_from_args();
        let inputs: Vec<(&str, String)> = SIZES.iter().map(|(n, b)| (*n, text_of(*b))).collect();
        for (name, text) in &inputs {
            let mut g = c.benchmark_group(format!("share_{name}"));
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.sample_size(if text.len() > 200_000 { 10 } else { 30 });
            let packed = pack_text(text);
            let state = view_of(text);
            let fragment = encode(&state);
            assert_eq!(decode(&fragment).state, state, "the codec must round-trip");
            g.bench_function("pack", |b| b.iter(|| black_box(pack_text(black_box(text)))));
            g.bench_function("unpack", |b| {
                b.iter(|| black_box(unpack_text(black_box(&packed), MAX_UNPACKED)))
            });
            g.bench_function("encode", |b| {
                b.iter(|| black_box(encode(black_box(&state))))
            });
            g.bench_function("decode", |b| {
                b.iter(|| black_box(decode(black_box(&fragment))))
            });
            g.finish();
            println!(
                "{name}: {} bytes of text -> {} characters of link",
                text.len(),
                fragment.len()
            );
        }
        c.final_summary();
    }
}

fn main() {
    claimlens::analysis::frontcode::install_bundled();
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
