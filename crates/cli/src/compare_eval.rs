//! `claimlens eval compare`: the comparison engine scored on dev pairs of
//! reports on the same events, next to a TF-IDF nearest-sentence baseline
//! (threshold chosen on the same data, and always aligning).
//!
//! ```text
//! claimlens eval compare [FILE.jsonl ...] [--msrp]
//!     default: data/eval/compare/events.jsonl and stories.jsonl; --msrp adds
//!     the MSRP train pairs fetched by scripts/data/msrp (evaluation only)
//! ```

use claimlens_core::eval::compare::{evaluate_engine, evaluate_tfidf, Pair, Scores};

const DEFAULT: [&str; 2] = [
    "data/eval/compare/events.jsonl",
    "data/eval/compare/stories.jsonl",
];
const MSRP: &str = "data/ext/msrp/msr_paraphrase_train.txt";

/// MSRP rows (`Quality\tID1\tID2\tString1\tString2`) as one-sentence pairs:
/// a paraphrase is a counterpart, anything else is not.
fn msrp(text: &str) -> Vec<Pair> {
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [q, a, b, s1, s2] = f[..] else {
                return None;
            };
            let line = serde_json::json!({
                "id": format!("msrp-{a}-{b}"),
                "base": {"doc": a, "text": s1, "sentences": [s1]},
                "source": {"doc": b, "text": s2, "sentences": [s2]},
                "gold": [[0, if q == "1" { vec![0] } else { vec![] }]],
            });
            Pair::parse(&line.to_string()).ok()
        })
        .collect()
}

/// `claimlens eval compare ...`.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    let mut files: Vec<String> = Vec::new();
    let mut with_msrp = false;
    for a in args {
        match a.as_str() {
            "--msrp" => with_msrp = true,
            _ => files.push(a.clone()),
        }
    }
    let explicit = !files.is_empty();
    if !explicit {
        files = DEFAULT.iter().map(|s| s.to_string()).collect();
    }
    let mut sets: Vec<(String, Vec<Pair>)> = Vec::new();
    for f in &files {
        match std::fs::read_to_string(f) {
            Ok(t) => sets.push((
                f.clone(),
                Pair::parse_all(&t).map_err(|e| format!("{f}: {e}"))?,
            )),
            Err(e) if explicit => return Err(format!("{f}: {e}")),
            Err(_) => eprintln!("skipped {f}: not found"),
        }
    }
    if with_msrp {
        let t = std::fs::read_to_string(MSRP)
            .map_err(|e| format!("{MSRP}: {e} (run scripts/data/msrp first)"))?;
        sets.push(("MSRP train".into(), msrp(&t)));
    }
    for (name, pairs) in &sets {
        let gold: usize = pairs.iter().map(|p| p.gold.len()).sum();
        let with: usize = pairs
            .iter()
            .flat_map(|p| &p.gold)
            .filter(|g| !g.1.is_empty())
            .count();
        println!(
            "\n{name}: {} pairs, {gold} gold base sentences ({with} with a counterpart)",
            pairs.len()
        );
        println!("{}", Scores::header());
        let t = std::time::Instant::now();
        let engine = evaluate_engine(pairs);
        let secs = t.elapsed().as_secs_f64();
        println!("{}", engine.row());
        println!("{}", evaluate_tfidf(pairs, None).row());
        println!("{}", evaluate_tfidf(pairs, Some(0.0)).row());
        println!("(engine: {secs:.1} s)");
    }
    println!(
        "\ntop: top alignment is a gold counterpart; no-ref / wrong: sentences without \
         counterpart given no alignment / agrees or differs; claim: share of sentences with \
         a counterpart the engine treats as claims; dif..none: relations given where there is \
         a counterpart; P/R where relations are labelled"
    );
    Ok(())
}
