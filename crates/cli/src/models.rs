//! `claimlens train` and `claimlens eval`: the learned parts of the claims
//! engine trained and scored on public dev data, each next to its baselines.
//!
//! ```text
//! claimlens train checkworthy [TRAIN.tsv] [OUT.clw]
//!     logistic regression on ClaimBuster's train split (data/train/claimbuster),
//!     threshold by 5-fold cross-validation on train; deterministic
//! claimlens eval checkworthy [DEV.tsv]
//!     the engine, the model alone, the landed engine's rule score and a
//!     number-or-name rule on ClaimBuster's dev split: P/R/F1 of check-worthy
//! claimlens eval hedging [DEV.tsv]
//!     the engine, the detector alone and word-list baselines on the hedging
//!     dev split (scripts/data/hedging.py): P/R/F1 of "uncertain", raw and
//!     re-weighted to Wikipedia's 22.4 % uncertain sentences
//! ```
//!
//! TSV rows: check-worthiness `label<TAB>id<TAB>text`; hedging
//! `id<TAB>label<TAB>text` (label 1 = positive).

use std::time::Instant;

use claimlens_core::claims::checkworthy::{self, cross_validate, train, CheckWorthiness};
use claimlens_core::claims::{hedging, rule_score};
use claimlens_core::weights::fnv1a64;
use claimlens_core::{analyse, Certainty, Document, CHECKWORTHY};

const CW_TRAIN: &str = "data/train/claimbuster/train.tsv";
const CW_DEV: &str = "data/train/claimbuster/dev.tsv";
const CW_OUT: &str = "data/weights/checkworthy.clw";
const HEDGE_DEV: &str = "data/ext/hedging/dev.tsv";
/// Share of uncertain sentences in the CoNLL-2010 Wikipedia training data
/// (2,484 of 11,111): the hedging sample is balanced, the real text is not.
const HEDGE_PREVALENCE: f64 = 2484.0 / 11111.0;

/// `claimlens train MODEL ...`.
pub fn train_cmd(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("checkworthy") => {
            let input = args.get(1).map_or(CW_TRAIN, String::as_str);
            let out = args.get(2).map_or(CW_OUT, String::as_str);
            let bytes = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
            let rows = read_rows(&bytes, input, Layout::LabelIdText)?;
            // Sorted by numeric sentence id: the result does not depend on
            // the file's order.
            let mut ex: Vec<(u64, String, bool)> = rows
                .into_iter()
                .map(|(id, t, y)| (id.parse().unwrap_or(u64::MAX), t, y))
                .collect();
            ex.sort();
            let ex: Vec<(String, bool)> = ex.into_iter().map(|(_, t, y)| (t, y)).collect();
            let o = checkworthy_options(format!("{:016x}", fnv1a64(&bytes)));
            let t = Instant::now();
            let (th, f1) = cross_validate(&ex, &o);
            println!("cross-validation on train: threshold {th:.4}, out-of-fold F1 {f1:.3}");
            let w = train(&ex, &o);
            let m = CheckWorthiness::from_bytes(&w).map_err(|e| e.to_string())?;
            std::fs::write(out, &w).map_err(|e| format!("{out}: {e}"))?;
            println!(
                "wrote {out}: {} bytes, {} features, threshold {:.4}, in {:.1} s",
                w.len(),
                m.weights().len(),
                m.threshold(),
                t.elapsed().as_secs_f64()
            );
            Ok(())
        }
        _ => Err("train takes a model: checkworthy".into()),
    }
}

/// The options the shipped model was trained with (chosen by cross-validation
/// on the train split: names masked, 10 epochs).
fn checkworthy_options(data_hash: String) -> checkworthy::TrainOptions {
    let mut o = checkworthy::TrainOptions {
        epochs: 10,
        seed: 42,
        learning_rate: 0.05,
        l2: 1e-3,
        min_count: 2,
        folds: 5,
        data_hash,
        ..Default::default()
    };
    o.features.mask_caps = true;
    o
}

/// `claimlens eval TASK ...`.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("checkworthy") => eval_checkworthy(args.get(1).map_or(CW_DEV, String::as_str)),
        Some("hedging") => eval_hedging(args.get(1).map_or(HEDGE_DEV, String::as_str)),
        _ => Err("eval takes a task: checkworthy | hedging | attribution".into()),
    }
}

#[derive(Clone, Copy)]
enum Layout {
    LabelIdText,
    IdLabelText,
}

/// `(id, text, label)` rows of a TSV file.
fn read_rows(
    bytes: &[u8],
    path: &str,
    layout: Layout,
) -> Result<Vec<(String, String, bool)>, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{path}: {e}"))?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut it = line.splitn(3, '\t');
        let (a, b, t) = match (it.next(), it.next(), it.next()) {
            (Some(a), Some(b), Some(t)) => (a, b, t),
            _ => {
                return Err(format!(
                    "{path}:{}: expected three tab-separated fields",
                    n + 1
                ))
            }
        };
        let (id, label) = match layout {
            Layout::LabelIdText => (b, a),
            Layout::IdLabelText => (a, b),
        };
        rows.push((id.to_string(), t.to_string(), label == "1"));
    }
    Ok(rows)
}

/// Precision, recall and F1 of the positive class; false positives count
/// `fp_weight` each (1 for raw figures).
fn prf(gold: &[bool], pred: &[bool], fp_weight: f64) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (&g, &p) in gold.iter().zip(pred) {
        match (g, p) {
            (true, true) => tp += 1.0,
            (false, true) => fp += fp_weight,
            (true, false) => fn_ += 1.0,
            _ => {}
        }
    }
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn line(name: &str, gold: &[bool], pred: &[bool], fp_weight: Option<f64>) {
    let (p, r, f) = prf(gold, pred, 1.0);
    print!("{name:<52} P {p:.3}  R {r:.3}  F1 {f:.3}");
    if let Some(w) = fp_weight {
        let (p, r, f) = prf(gold, pred, w);
        print!("   | at 22.4 % uncertain: P {p:.3}  R {r:.3}  F1 {f:.3}");
    }
    println!();
}

/// Each row's text analysed as a one-sentence document, as the hidden
/// evaluation feeds `claims --jsonl`.
fn analyse_rows(rows: &[(String, String, bool)]) -> Vec<claimlens_core::Analysis> {
    rows.iter()
        .map(|(id, t, _)| analyse(&Document::from_plain_text(id, "", t)))
        .collect()
}

fn eval_checkworthy(path: &str) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e} (see data/README.md)"))?;
    let rows = read_rows(&bytes, path, Layout::LabelIdText)?;
    let gold: Vec<bool> = rows.iter().map(|r| r.2).collect();
    println!(
        "check-worthiness on {path}: {} sentences, {} check-worthy",
        rows.len(),
        gold.iter().filter(|g| **g).count()
    );
    let model = checkworthy::installed().ok_or("no check-worthiness model installed")?;
    let t = Instant::now();
    let analyses = analyse_rows(&rows);
    let secs = t.elapsed().as_secs_f64();
    let engine: Vec<bool> = analyses
        .iter()
        .map(|a| a.claims.iter().any(|c| c.checkworthy))
        .collect();
    let alone: Vec<bool> = rows.iter().map(|r| model.is_checkworthy(&r.1)).collect();
    let rules: Vec<bool> = analyses
        .iter()
        .map(|a| {
            a.claims
                .iter()
                .any(|c| rule_score(&c.reasons) >= CHECKWORTHY)
        })
        .collect();
    let number_or_name: Vec<bool> = rows.iter().map(|r| number_or_name(&r.1)).collect();
    line(
        "claimlens claims (the engine, as --jsonl reports)",
        &gold,
        &engine,
        None,
    );
    line(
        "the model alone, on the whole sentence",
        &gold,
        &alone,
        None,
    );
    line(
        "baseline: the landed engine's rule score",
        &gold,
        &rules,
        None,
    );
    line(
        "baseline: has a number or a capitalised word",
        &gold,
        &number_or_name,
        None,
    );
    println!(
        "({:.0} sentences/s through the whole analysis)",
        rows.len() as f64 / secs.max(1e-9)
    );
    Ok(())
}

/// The one-line rule: a digit, or a capitalised word that does not start
/// the sentence.
fn number_or_name(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        || s.split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn eval_hedging(path: &str) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| {
        format!("{path}: {e} (build it with `python3 scripts/data/hedging.py`, see data/README.md)")
    })?;
    let rows = read_rows(&bytes, path, Layout::IdLabelText)?;
    let gold: Vec<bool> = rows.iter().map(|r| r.2).collect();
    let pos = gold.iter().filter(|g| **g).count();
    let neg = gold.len() - pos;
    // Re-weight false positives to the natural share of certain sentences.
    let w = (1.0 - HEDGE_PREVALENCE) / HEDGE_PREVALENCE * pos as f64 / neg.max(1) as f64;
    println!(
        "hedging on {path}: {} sentences, {pos} uncertain",
        rows.len()
    );
    let analyses = analyse_rows(&rows);
    let engine: Vec<bool> = analyses
        .iter()
        .map(|a| a.claims.iter().any(|c| c.certainty == Certainty::Hedged))
        .collect();
    let alone: Vec<bool> = rows.iter().map(|r| hedging::uncertain(&r.1)).collect();
    let list = |names: &[&str]| -> Result<Vec<Vec<String>>, String> {
        let mut out = Vec::new();
        for n in names {
            let p = format!("data/eval/wordlists/{n}");
            let t = std::fs::read_to_string(&p).map_err(|e| format!("{p}: {e}"))?;
            out.extend(t.lines().map(words).filter(|w: &Vec<String>| !w.is_empty()));
        }
        Ok(out)
    };
    let both = list(&["hedges.txt", "weasels.txt"])?;
    let weasels = list(&["weasels.txt"])?;
    let has = |phrases: &[Vec<String>], s: &str| {
        let w = words(s);
        phrases
            .iter()
            .any(|p| w.windows(p.len()).any(|win| win == p.as_slice()))
    };
    let by_list: Vec<bool> = rows.iter().map(|r| has(&both, &r.1)).collect();
    let by_weasels: Vec<bool> = rows.iter().map(|r| has(&weasels, &r.1)).collect();
    line(
        "claimlens claims (a claim is hedged)",
        &gold,
        &engine,
        Some(w),
    );
    line("the detector alone", &gold, &alone, Some(w));
    line(
        "baseline: word list (npm hedges + weasels)",
        &gold,
        &by_list,
        Some(w),
    );
    line(
        "baseline: word list (npm weasels)",
        &gold,
        &by_weasels,
        Some(w),
    );
    Ok(())
}

/// Lowercase words (letters, digits, inner apostrophes and hyphens).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}
