//! Entity-pass throughput: the default article, a ~1 MB mixed corpus
//! built here from varied English paragraphs (news, press releases,
//! encyclopedia prose), and the repository's prose at 4 KB, 100 KB and
//! 1 MB (`benches/support`), for the entity pass alone and for the whole
//! analysis (entities + claims). Reports MB/s (criterion `Throughput::Bytes`).
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/tgt-entities cargo bench -p claimlens --no-default-features --bench entities
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::support::{text_of, SIZES};
    use claimlens::analysis::entities::extract_text;
    use claimlens::analysis::{analyse, Document, DEFAULT_TEXT};
    use criterion::{Criterion, Throughput};
    use std::hint::black_box;

    const PARAGRAPHS: &[&str] = &[
        "WASHINGTON (Reuters) - U.S. Defense Secretary Lloyd Austin met his Japanese counterpart in Tokyo on Tuesday, the Pentagon said, as the two allies discussed a $2.5 billion missile program and about 54,000 troops stationed in Japan.",
        "The Ministry of Defence of Ukraine reported that more than 300 drones were launched overnight, while the European Commission proposed a €50bn support package for 2024-2027.",
        "Paris is the capital and most populous city of France, with an estimated population of 2,102,650 residents as of January 2023 in an area of more than 105 km². Since the 17th century, Paris has been one of the world's major centres of finance, diplomacy, commerce and science.",
        "FOR IMMEDIATE RELEASE — The 3rd Infantry Division completed a three-week exercise at Fort Stewart, Georgia, on 14 March 2025. Maj. Gen. Jane Smith, the division commander, said 4,500 soldiers took part.",
        "Prime Minister Narendra Modi told the Lok Sabha that India's economy grew 7.8 percent in the last quarter, citing data from the Reserve Bank of India and the International Monetary Fund.",
        "The Second World War ended in 1945. The United Nations was founded later that year in San Francisco by 51 countries, and its Security Council first met in London in January 1946.",
        "Chinese President Xi Jinping and Brazilian President Luiz Inácio Lula da Silva signed 15 agreements in Beijing, according to Xinhua, including a deal worth 20 billion yuan.",
        "Emoji and scripts: 😀 שלום مرحبا Привет — “quotes”, ‘single’, and a long dash; nothing here should break spans.",
    ];

    fn corpus(bytes: usize) -> String {
        let mut s = String::with_capacity(bytes + 1024);
        let mut i = 0;
        while s.len() < bytes {
            s.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
            s.push_str(if i % 3 == 2 { "\n\n" } else { " " });
            i += 1;
        }
        s
    }

    pub fn run() {
        let mut c = Criterion::default().configure_from_args();
        let big = corpus(1 << 20);
        // Warm the lexicon once so the one-time build is not in the numbers.
        black_box(extract_text("Warm up in Paris."));
        let mut g = c.benchmark_group("entities");
        g.throughput(Throughput::Bytes(DEFAULT_TEXT.len() as u64));
        g.bench_function("default_article", |b| {
            b.iter(|| black_box(extract_text(black_box(DEFAULT_TEXT))))
        });
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.sample_size(10);
        g.bench_function("mixed_1MB", |b| {
            b.iter(|| black_box(extract_text(black_box(&big))))
        });
        g.finish();

        let inputs: Vec<(&str, String)> = SIZES.iter().map(|(n, b)| (*n, text_of(*b))).collect();
        for (group, full) in [("entities_by_size", false), ("analyse_by_size", true)] {
            let mut g = c.benchmark_group(group);
            for (name, text) in &inputs {
                g.throughput(Throughput::Bytes(text.len() as u64));
                g.sample_size(if text.len() > 200_000 { 10 } else { 30 });
                if full {
                    let doc = Document::from_plain_text("bench", "Bench", text);
                    g.bench_function(*name, |b| b.iter(|| black_box(analyse(black_box(&doc)))));
                } else {
                    g.bench_function(*name, |b| {
                        b.iter(|| black_box(extract_text(black_box(text))))
                    });
                }
            }
            g.finish();
        }
        c.final_summary();
    }
}

fn main() {
    claimlens::analysis::frontcode::install_bundled();
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
