//! Claims-pass throughput over a ~1 MB corpus of varied news paragraphs
//! (quotes, attribution, hedges, numbers, dates), and over the default
//! article. The entity analysis is made once outside the timed loop: the
//! numbers are for the claims pass alone, with tokenisation (`find`) and
//! with the tokens given (`find_with_tokens`). Reports MB/s (criterion
//! `Throughput::Bytes`); the goal is ≥ 2 MB/s. The `claims_by_size` group
//! runs the claims pass on the repository's prose at 4 KB, 100 KB and 1 MB
//! (`benches/support`). The `analyse_words` group times the whole analysis
//! (entities + claims, [`analyse`](claimlens::analysis::analyse)) of the
//! default article and of 100 KB of that prose in **words per second**
//! (criterion `Throughput::Elements`, one element a word of
//! `Document::word_count`).
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/tgt-claims cargo bench -p claimlens --no-default-features --bench claims
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::support::{text_of, SIZES};
    use claimlens::analysis::claims::{find, find_with_tokens};
    use claimlens::analysis::entities::extract_text;
    use claimlens::analysis::text::tokenize;
    use claimlens::analysis::{analyse, Document, DEFAULT_TEXT};
    use criterion::{Criterion, Throughput};
    use std::hint::black_box;

    const PARAGRAPHS: &[&str] = &[
        "“We will not accept these terms,” said Foreign Minister Anna Keller, adding that talks could resume in March 2025.",
        "Unemployment rose to 7.5 percent in the third quarter, according to the Office for National Statistics, the highest level since 2021.",
        "The storm reportedly killed at least 40 people and left more than 200,000 homes without power; officials said the toll may rise.",
        "Analysts, including economist Priya Raman of the London School of Economics, have warned that inflation is likely to remain above 3 percent.",
        "The company’s chief executive, John Carter, told reporters on Tuesday that profits fell by $2.5 billion because of higher energy costs.",
        "Critics argue the plan is deeply flawed, while supporters say it will create 15,000 jobs over the next five years.",
        "It is said that the agreement was signed in Geneva after two days of talks, but neither side has confirmed the details.",
        "Carter’s remarks about the merger appear to contradict the company’s statement from September 2024.",
        "The new bridge, which cost €1.2bn, is twice as long as the old one and carries about 90,000 vehicles a day.",
        "She added that the government would not raise taxes before the election, which is expected in May.",
        "Emoji and scripts: 😀 שלום مرحبا Привет — “quotes”, ‘single’, and a long dash; nothing here should break spans.",
        "Was the decision a mistake? Many residents seem to think so, and the mood in the town is grim.",
    ];

    fn corpus(bytes: usize) -> String {
        let mut s = String::with_capacity(bytes + 1024);
        let mut i = 0;
        while s.len() < bytes {
            s.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
            s.push_str(if i % 4 == 3 { "\n\n" } else { " " });
            i += 1;
        }
        s
    }

    pub fn run() {
        let mut c = Criterion::default().configure_from_args();
        let big = corpus(1 << 20);
        let big_analysis = extract_text(&big);
        let big_tokens = tokenize(&big);
        let small_analysis = extract_text(DEFAULT_TEXT);
        // Build the word tables once, outside the numbers.
        black_box(find(DEFAULT_TEXT, &small_analysis));
        let mut g = c.benchmark_group("claims");
        g.throughput(Throughput::Bytes(DEFAULT_TEXT.len() as u64));
        g.bench_function("default_article", |b| {
            b.iter(|| black_box(find(black_box(DEFAULT_TEXT), &small_analysis)))
        });
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.sample_size(10);
        g.bench_function("news_1MB_with_tokenize", |b| {
            b.iter(|| black_box(find(black_box(&big), &big_analysis)))
        });
        g.bench_function("news_1MB_tokens_given", |b| {
            b.iter(|| {
                black_box(find_with_tokens(
                    black_box(&big),
                    &big_tokens,
                    &big_analysis,
                ))
            })
        });
        g.finish();

        let mut g = c.benchmark_group("claims_by_size");
        for (name, bytes) in SIZES {
            let text = text_of(bytes);
            let analysis = extract_text(&text);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.sample_size(if text.len() > 200_000 { 10 } else { 30 });
            g.bench_function(name, |b| {
                b.iter(|| black_box(find(black_box(&text), &analysis)))
            });
        }
        g.finish();
        let mut g = c.benchmark_group("analyse_words");
        for (name, text) in [
            ("default_article", DEFAULT_TEXT.to_string()),
            ("prose_100KB", text_of(100 * 1024)),
        ] {
            let doc = Document::from_plain_text("bench", "Bench", &text);
            g.throughput(Throughput::Elements(doc.word_count() as u64));
            g.sample_size(10);
            g.bench_function(name, |b| b.iter(|| black_box(analyse(black_box(&doc)))));
        }
        g.finish();

        let n = find(&big, &big_analysis).len();
        println!("claims in the 1 MB corpus: {n}");
        c.final_summary();
    }
}

fn main() {
    claimlens::analysis::frontcode::install_bundled();
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
