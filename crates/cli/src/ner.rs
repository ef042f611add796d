//! `claimlens train ner` and `claimlens eval entities-dev`: the learned name
//! tagger ([`claimlens_core::entities::tagger`]) trained on the committed
//! data and the entity engine scored on the development sets.
//!
//! ```text
//! claimlens train ner [OUT.clw]
//!     averaged structured perceptron on data/train/ner/*.tsv (6 epochs, seed 1,
//!     features seen at least twice, |q| < 6 pruned); deterministic
//! claimlens eval entities-dev [--errors] [GOLD.jsonl...]
//!     lenient and strict micro-F1 over PERSON/ORG/PLACE of the engine and the
//!     tagger alone on data/eval/ner/*.jsonl, beside recorded baselines;
//!     --errors also lists every engine name that is not a strict match, by
//!     family (missed, spurious, type, boundary), with its context
//! ```
//!
//! Training TSV: `word<TAB>BIO` lines, blank lines between sentences, `#`
//! comment lines (no tab) skipped. Gold JSONL: `{"id", "text", "entities":
//! [{"start", "end", "label"}]}`, offsets in code points, labels PER, ORG,
//! LOC (and EVENT, not scored).

use std::collections::BTreeMap;
use std::time::Instant;

use claimlens_core::entities::tagger::train::{train, Example, Options};
use claimlens_core::entities::tagger::{engine_gazetteer, installed, Kind, Label, NameTagger};
use claimlens_core::entities::{extract_text, Label as EntityLabel};
use claimlens_core::weights::fnv1a64;

const TRAIN_FILES: [&str; 4] = [
    "data/train/ner/btc-train.tsv",
    "data/train/ner/crossner-train.tsv",
    "data/train/ner/gum-train.tsv",
    "data/train/ner/wnut-train.tsv",
];
const LEXICONS: [&str; 6] = [
    "first-names.txt",
    "countries.tsv",
    "cities.tsv",
    "regions.txt",
    "us-states.txt",
    "common-words.txt",
];
const OUT: &str = "data/weights/ner.clw";
const DEV: [&str; 2] = [
    "data/eval/ner/uner-dev.docs.jsonl",
    "data/eval/ner/gum-dev.docs.jsonl",
];

/// Baselines recorded by the tagger's development run (same text, same
/// scoring): (set, system, strict micro-F1, lenient micro-F1).
const RECORDED: [(&str, &str, f64, f64); 4] = [
    (
        "uner-dev",
        "landed rules engine (before the tagger)",
        0.470,
        0.557,
    ),
    (
        "uner-dev",
        "spaCy en_core_web_sm 3.8 (recorded)",
        0.552,
        0.654,
    ),
    (
        "gum-dev",
        "landed rules engine (before the tagger)",
        0.491,
        0.539,
    ),
    (
        "gum-dev",
        "spaCy en_core_web_sm 3.8 (recorded)",
        0.454,
        0.565,
    ),
];

/// Read `word<TAB>BIO` sentences.
fn read_tsv(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut labels = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !words.is_empty() {
                out.push(Example {
                    words: std::mem::take(&mut words),
                    labels: std::mem::take(&mut labels),
                    extra: None,
                });
            }
            continue;
        }
        let Some((w, l)) = line.rsplit_once('\t') else {
            continue;
        };
        words.push(w.to_string());
        labels.push(Label::parse(l).unwrap_or(Label::O));
    }
    out
}

/// `claimlens train ner [OUT.clw]`.
pub fn train_cmd(args: &[String]) -> Result<(), String> {
    let out = args.first().map_or(OUT, String::as_str);
    let mut data = Vec::new();
    let mut hashes = Vec::new();
    for f in TRAIN_FILES {
        let bytes = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{f}: not UTF-8"))?;
        data.extend(read_tsv(&text));
        let name = f.rsplit('/').next().unwrap_or(f);
        hashes.push(format!("{name}:{:016x}", fnv1a64(text.as_bytes())));
    }
    let mut lex = String::new();
    for f in LEXICONS {
        let p = format!("data/lexicons/{f}");
        lex.push_str(&std::fs::read_to_string(&p).map_err(|e| format!("{p}: {e}"))?);
    }
    let opts = Options {
        epochs: 6,
        seed: 1,
        min_count: 2,
        min_q: 6,
        scale_permille: 1000,
    };
    let mut labels = vec![Label::O];
    for k in Kind::ALL {
        labels.push(Label::B(k));
        labels.push(Label::I(k));
    }
    let mut header = BTreeMap::new();
    header.insert(
        "model".to_string(),
        "claimlens-ner-perceptron-v1".to_string(),
    );
    header.insert("data".to_string(), hashes.join(","));
    header.insert(
        "gazetteer".to_string(),
        format!("lexicons:{:016x}", fnv1a64(lex.as_bytes())),
    );
    let tokens: usize = data.iter().map(|e| e.words.len()).sum();
    println!("training on {} sentences, {tokens} tokens", data.len());
    let t = Instant::now();
    let w = train(
        &data,
        &labels,
        engine_gazetteer(),
        &opts,
        header,
        |epoch, _| {
            println!("epoch {epoch} ({:.1} s)", t.elapsed().as_secs_f64());
        },
    );
    NameTagger::from_bytes(&w).map_err(|e| e.to_string())?;
    std::fs::write(out, &w).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} bytes, fnv1a64 {:016x}",
        w.len(),
        fnv1a64(&w)
    );
    Ok(())
}

type Spans = Vec<(usize, usize, &'static str)>;

/// Greedy one-to-one matching; lenient: overlapping span, same label.
/// Returns (tp, fp, fn) summed over documents.
fn counts(gold: &[Spans], pred: &[Spans], lenient: bool) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (g, p) in gold.iter().zip(pred) {
        let mut used = vec![false; g.len()];
        for &(ps, pe, pl) in p {
            let hit = g.iter().enumerate().position(|(i, &(gs, ge, gl))| {
                !used[i]
                    && gl == pl
                    && if lenient {
                        gs < pe && ps < ge
                    } else {
                        (gs, ge) == (ps, pe)
                    }
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    tp += 1;
                }
                None => fp += 1,
            }
        }
        fn_ += used.iter().filter(|u| !**u).count();
    }
    (tp, fp, fn_)
}

fn f1((tp, fp, fn_): (usize, usize, usize)) -> f64 {
    if tp == 0 {
        return 0.0;
    }
    2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
}

/// Code-point offsets of a byte span.
fn chars(text: &str, s: usize, e: usize) -> (usize, usize) {
    let cs = text[..s].chars().count();
    (cs, cs + text[s..e].chars().count())
}

fn scored(kind: &str) -> Option<&'static str> {
    match kind {
        "PER" | "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" | "PLACE" => Some("LOC"),
        _ => None,
    }
}

/// `claimlens eval entities-dev [--errors] [GOLD.jsonl...]`.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    let list_errors = args.iter().any(|a| a == "--errors");
    let files: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--errors")
        .collect();
    let files = if files.is_empty() {
        DEV.to_vec()
    } else {
        files
    };
    let mut families: BTreeMap<String, usize> = BTreeMap::new();
    let tagger = installed().ok_or("the name tagger is not installed")?;
    println!("lenient / strict micro-F1 over PERSON/ORG/PLACE (code points)");
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let (mut gold, mut engine, mut alone) = (Vec::new(), Vec::new(), Vec::new());
        let mut docs: Vec<(String, String)> = Vec::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{f}:{}: {e}", n + 1))?;
            let t = v["text"]
                .as_str()
                .ok_or(format!("{f}:{}: no text", n + 1))?;
            let mut g: Spans = Vec::new();
            for e in v["entities"].as_array().into_iter().flatten() {
                if let (Some(s), Some(en), Some(l)) = (
                    e["start"].as_u64(),
                    e["end"].as_u64(),
                    e["label"].as_str().and_then(scored),
                ) {
                    g.push((s as usize, en as usize, l));
                }
            }
            gold.push(g);
            docs.push((v["id"].as_str().unwrap_or("").to_string(), t.to_string()));
            let a = extract_text(t);
            engine.push(
                a.mentions
                    .iter()
                    .filter_map(|m| {
                        let l = match m.label {
                            EntityLabel::Person => "PER",
                            EntityLabel::Org => "ORG",
                            EntityLabel::Place => "LOC",
                            _ => return None,
                        };
                        let (s, e) = chars(t, m.span.start, m.span.end);
                        Some((s, e, l))
                    })
                    .collect(),
            );
            alone.push(
                tagger
                    .tag_text(t)
                    .iter()
                    .filter_map(|s| {
                        let l = scored(s.kind.name())?;
                        let (cs, ce) = chars(t, s.start, s.end);
                        Some((cs, ce, l))
                    })
                    .collect(),
            );
        }
        let set = f
            .rsplit('/')
            .next()
            .unwrap_or(f)
            .split('.')
            .next()
            .unwrap_or(f);
        let n: usize = gold.iter().map(Vec::len).sum();
        println!("\n{set}: {} documents, {n} gold names", gold.len());
        for (name, pred) in [
            ("engine (rules + tagger)", &engine),
            ("tagger alone", &alone),
        ] {
            println!(
                "  {name:<44} {:.3} / {:.3}",
                f1(counts(&gold, pred, true)),
                f1(counts(&gold, pred, false))
            );
        }
        let only = |spans: &[Spans], l: &str| -> Vec<Spans> {
            spans
                .iter()
                .map(|v| v.iter().copied().filter(|x| x.2 == l).collect())
                .collect()
        };
        let per_type: Vec<String> = ["PER", "ORG", "LOC"]
            .iter()
            .map(|l| {
                let (g, p) = (only(&gold, l), only(&engine, l));
                format!(
                    "{l} {:.3} / {:.3}",
                    f1(counts(&g, &p, true)),
                    f1(counts(&g, &p, false))
                )
            })
            .collect();
        println!("    engine per type: {}", per_type.join(", "));
        for (s, name, strict, lenient) in RECORDED {
            if s == set {
                println!("  {name:<44} {lenient:.3} / {strict:.3}");
            }
        }
        if list_errors {
            for ((id, t), (g, p)) in docs.iter().zip(gold.iter().zip(&engine)) {
                let errs = errors(g, p);
                if errs.is_empty() {
                    continue;
                }
                println!("\n  == {set} {id}");
                let chars: Vec<char> = t.chars().collect();
                for e in errs {
                    *families.entry(e.family()).or_default() += 1;
                    println!("  {}", e.show(&chars));
                }
            }
        }
    }
    if list_errors {
        println!("\nerror families (all sets):");
        let mut by_count: Vec<_> = families.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (f, n) in by_count {
            println!("  {n:>5}  {f}");
        }
    }
    Ok(())
}

/// One difference between the engine and the gold names of a document.
#[derive(Debug, PartialEq)]
enum Error {
    /// A gold name no engine name overlaps.
    Missed((usize, usize, &'static str)),
    /// An engine name that overlaps no gold name.
    Spurious((usize, usize, &'static str)),
    /// The same span with another type: (gold, engine).
    Type((usize, usize, &'static str), &'static str),
    /// Overlapping spans that differ: (gold, engine).
    Boundary((usize, usize, &'static str), (usize, usize, &'static str)),
}

impl Error {
    /// "missed PER", "type LOC→PER", "boundary PER (longer)".
    fn family(&self) -> String {
        match self {
            Error::Missed(g) => format!("missed {}", g.2),
            Error::Spurious(p) => format!("spurious {}", p.2),
            Error::Type(g, l) => format!("type {}→{l}", g.2),
            Error::Boundary(g, p) => {
                let how = if p.0 <= g.0 && p.1 >= g.1 {
                    "longer"
                } else if p.0 >= g.0 && p.1 <= g.1 {
                    "shorter"
                } else {
                    "shifted"
                };
                if g.2 == p.2 {
                    format!("boundary {} ({how})", g.2)
                } else {
                    format!("boundary {}→{} ({how})", g.2, p.2)
                }
            }
        }
    }

    /// The family, the words and a little context either side.
    fn show(&self, chars: &[char]) -> String {
        let words = |(s, e, _): (usize, usize, &str)| -> String {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect()
        };
        let (what, at) = match *self {
            Error::Missed(g) => (format!("“{}”", words(g)), g),
            Error::Spurious(p) => (format!("“{}”", words(p)), p),
            Error::Type(g, _) => (format!("“{}”", words(g)), g),
            Error::Boundary(g, p) => (
                format!("gold “{}” engine “{}”", words(g), words(p)),
                (g.0.min(p.0), g.1.max(p.1), g.2),
            ),
        };
        let from = at.0.saturating_sub(40);
        let to = (at.1 + 40).min(chars.len());
        let flat = |s: &[char]| -> String {
            s.iter()
                .map(|&c| if c.is_whitespace() { ' ' } else { c })
                .collect()
        };
        format!(
            "{:<24} {what}   …{}[{}]{}…",
            self.family(),
            flat(&chars[from..at.0]),
            flat(&chars[at.0..at.1.min(chars.len())]),
            flat(&chars[at.1.min(chars.len())..to])
        )
    }
}

/// Every engine name that is not a strict match, and every gold name no
/// engine name overlaps, in text order.
fn errors(gold: &Spans, pred: &Spans) -> Vec<Error> {
    let mut out = Vec::new();
    let overlaps = |a: &(usize, usize, &str), b: &(usize, usize, &str)| a.0 < b.1 && b.0 < a.1;
    for p in pred {
        if gold.contains(p) {
            continue;
        }
        let over: Vec<_> = gold.iter().filter(|g| overlaps(g, p)).collect();
        match over.iter().find(|g| (g.0, g.1) == (p.0, p.1)) {
            Some(g) => out.push(Error::Type(**g, p.2)),
            None if over.is_empty() => out.push(Error::Spurious(*p)),
            None => {
                let g = over.iter().find(|g| g.2 == p.2).unwrap_or(&over[0]);
                out.push(Error::Boundary(**g, *p));
            }
        }
    }
    for g in gold {
        if !pred.iter().any(|p| overlaps(g, p)) {
            out.push(Error::Missed(*g));
        }
    }
    let at = |e: &Error| match *e {
        Error::Missed(x) | Error::Spurious(x) | Error::Type(x, _) | Error::Boundary(x, _) => x.0,
    };
    out.sort_by_key(at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_families() {
        // (gold, engine, families)
        let cases: [(Spans, Spans, &[&str]); 6] = [
            (vec![(0, 5, "PER")], vec![(0, 5, "PER")], &[]),
            (vec![(0, 5, "LOC")], vec![(0, 5, "PER")], &["type LOC→PER"]),
            (vec![(0, 5, "ORG")], vec![], &["missed ORG"]),
            (vec![], vec![(3, 9, "ORG")], &["spurious ORG"]),
            (
                vec![(0, 10, "ORG")],
                vec![(0, 4, "ORG"), (5, 10, "ORG")],
                &["boundary ORG (shorter)", "boundary ORG (shorter)"],
            ),
            (
                vec![(4, 9, "PER")],
                vec![(0, 9, "ORG")],
                &["boundary PER→ORG (longer)"],
            ),
        ];
        for (gold, pred, want) in cases {
            let got: Vec<String> = errors(&gold, &pred).iter().map(Error::family).collect();
            assert_eq!(got, want, "{gold:?} {pred:?}");
        }
        let chars: Vec<char> = "Ms Ann Lee said".chars().collect();
        let e = Error::Boundary((3, 10, "PER"), (0, 10, "PER"));
        assert!(e
            .show(&chars)
            .contains("gold “Ann Lee” engine “Ms Ann Lee”"));
    }
}
