//! `claimlens eval compare`: the comparison engine scored on dev pairs of
//! reports on the same events, next to a TF-IDF nearest-sentence baseline
//! (threshold chosen on the same data, and always aligning).
//!
//! ```text
//! claimlens eval compare [FILE.jsonl ...] [--msrp] [--relations]
//!     default: data/eval/compare/events.jsonl and stories.jsonl; --msrp adds
//!     the MSRP train pairs fetched by scripts/data/msrp (evaluation only);
//!     --relations lists every "agrees" and "differs" given instead
//! ```

use claimlens_core::compare::Relation;
use claimlens_core::eval::compare::{
    evaluate_engine, evaluate_ranking, evaluate_tfidf, tfidf_threshold, Pair, Scores,
};
use claimlens_core::share::Json;

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
            let side = |doc: &str, text: &str| {
                Json::object([
                    ("doc", doc.into()),
                    ("text", text.into()),
                    ("sentences", vec![text].into()),
                ])
            };
            let links: Vec<u8> = if q == "1" { vec![0] } else { vec![] };
            let line = Json::object([
                ("id", format!("msrp-{a}-{b}").into()),
                ("base", side(a, s1)),
                ("source", side(b, s2)),
                ("gold", vec![vec![Json::from(0u8), links.into()]].into()),
            ]);
            Pair::parse(&line.to_compact()).ok()
        })
        .collect()
}

/// Every "agrees" and "differs" the engine gives a gold base sentence, one
/// block each: right or wrong against the gold, the score, both sentences,
/// the compared values and the shared participants (for reading the
/// errors by cause).
fn relation_listing(name: &str, pairs: &[Pair]) -> String {
    use claimlens_core::eval::compare::most_overlap;
    use claimlens_core::{Document, Workspace};
    let mut out = String::new();
    for p in pairs {
        let base = Document::from_plain_text(&p.base.doc, "", &p.base.text);
        let mut ws = Workspace::new(base);
        ws.add_user_text(&p.source.doc, "source", &p.source.text);
        let cmp = ws.compare();
        let art = &ws.article().doc.text;
        let src = &ws.source(0).doc.text;
        let claims = &ws.article().analysis.claims;
        for c in &cmp.claims {
            let Some(al) = c.alignments.first() else {
                continue;
            };
            if !matches!(al.relation, Relation::Agrees | Relation::Differs) {
                continue;
            }
            let Some(i) = most_overlap(&p.base.sentences, claims[c.claim].span) else {
                continue;
            };
            let Some((_, gold)) = p.gold.iter().find(|g| g.0 == i) else {
                continue;
            };
            let j = most_overlap(&p.source.sentences, al.span);
            let g = gold.iter().find(|g| Some(g.0) == j);
            let verdict = match g {
                None if gold.is_empty() => "WRONG (no counterpart)".to_string(),
                None => "WRONG (not a counterpart)".to_string(),
                Some((_, Some(r))) if *r == al.relation => "right".to_string(),
                Some((_, Some(r))) => format!("WRONG (gold {})", r.name()),
                Some((_, None)) => "counterpart (relation unlabelled)".to_string(),
            };
            let cut = |t: &str, s: claimlens_core::Span| t[s.start..s.end].replace('\n', " ");
            out.push_str(&format!(
                "{name} {} [{}] {} {verdict} score {:.2}\n  claim: {}\n  stmt:  {}\n",
                p.id,
                p.split,
                al.relation.name(),
                al.score,
                cut(&p.base.text, p.base.sentences[i]),
                cut(src, al.span),
            ));
            for v in &al.values {
                out.push_str(&format!(
                    "  value: {:?} {} {:?}  ({:?} / {:?})\n",
                    cut(art, v.claim),
                    if v.agrees { "=" } else { "≠" },
                    cut(src, v.reference),
                    v.claim_value,
                    v.reference_value
                ));
            }
            let names: Vec<&str> = al.shared.iter().map(|e| e.name.as_str()).collect();
            out.push_str(&format!(
                "  shared: {names:?}; terms: {:?}\n",
                al.shared_terms
            ));
        }
    }
    out
}

/// Why a labelled "agrees" or "differs" was not given, by cause: no claim
/// on the sentence, no alignment, aligned with a sentence that is not a
/// counterpart, or aligned right with another relation (then whether both
/// sides have values, and of which kinds). One line per cause count, then
/// every miss.
fn miss_listing(name: &str, pairs: &[Pair]) -> String {
    use claimlens_core::eval::compare::most_overlap;
    use claimlens_core::{Document, Workspace};
    let mut causes: std::collections::BTreeMap<String, usize> = Default::default();
    let mut lines = String::new();
    let mut gold_n = [0usize; 2];
    for p in pairs {
        let base = Document::from_plain_text(&p.base.doc, "", &p.base.text);
        let mut ws = Workspace::new(base);
        ws.add_user_text(&p.source.doc, "source", &p.source.text);
        let cmp = ws.compare();
        let art = ws.article();
        let src = ws.source(0);
        let kinds = |a: &claimlens_core::Analysis, s: claimlens_core::Span| -> Vec<&'static str> {
            let mut k: Vec<&'static str> = a
                .mentions
                .iter()
                .filter(|m| s.contains(m.span))
                .filter_map(|m| m.value.as_ref().map(|v| v.kind().name()))
                .collect();
            k.sort_unstable();
            k.dedup();
            k
        };
        for (i, gold) in &p.gold {
            for want in [Relation::Agrees, Relation::Differs] {
                if !gold.iter().any(|g| g.1 == Some(want)) {
                    continue;
                }
                gold_n[(want == Relation::Differs) as usize] += 1;
                let bs = p.base.sentences[*i];
                // The top alignment of the best-scored claim on the sentence.
                let mut top: Option<&claimlens_core::compare::Alignment> = None;
                let mut claim = false;
                for c in &cmp.claims {
                    if most_overlap(&p.base.sentences, art.analysis.claims[c.claim].span)
                        != Some(*i)
                    {
                        continue;
                    }
                    claim = true;
                    if let Some(al) = c.alignments.first() {
                        if top.is_none_or(|t| al.score > t.score) {
                            top = Some(al);
                        }
                    }
                }
                let j = top.and_then(|al| most_overlap(&p.source.sentences, al.span));
                let cause = match (claim, top) {
                    (false, _) => "no claim on the sentence".to_string(),
                    (true, None) => "no alignment (no reference)".to_string(),
                    (true, Some(al)) => match gold.iter().find(|g| Some(g.0) == j) {
                        None => "aligned with a sentence that is not a counterpart".to_string(),
                        Some(g) if g.1 == Some(want) && al.relation == want => continue,
                        Some(g) => {
                            let (ck, sk) =
                                (kinds(&art.analysis, bs), kinds(&src.analysis, al.span));
                            let shared = ck.iter().any(|k| sk.contains(k));
                            let vals = if ck.is_empty() || sk.is_empty() {
                                "values on one side only or none"
                            } else if !shared {
                                "values of different kinds"
                            } else if al.values.is_empty() {
                                "values of the same kind not paired"
                            } else {
                                "values paired"
                            };
                            format!(
                                "aligned with a {} counterpart, given {}: {vals}",
                                g.1.map_or("unlabelled", |r| r.name()),
                                al.relation.name()
                            )
                        }
                    },
                };
                let key = format!("{} {cause}", want.name());
                *causes.entry(key.clone()).or_default() += 1;
                let cut = |t: &str, s: claimlens_core::Span| t[s.start..s.end].replace('\n', " ");
                lines.push_str(&format!(
                    "{name} {} {key}\n  claim: {}\n",
                    p.id,
                    cut(&p.base.text, bs)
                ));
                for g in gold.iter().filter(|g| g.1 == Some(want)) {
                    let ss = p.source.sentences[g.0];
                    lines.push_str(&format!(
                        "  gold:  {} [{}]\n",
                        cut(&p.source.text, ss),
                        kinds(&src.analysis, ss).join(",")
                    ));
                }
                if let Some(al) = top {
                    lines.push_str(&format!(
                        "  got:   {} ({}, {:.2}) [{}] claim values [{}]\n",
                        cut(&src.doc.text, al.span),
                        al.relation.name(),
                        al.score,
                        kinds(&src.analysis, al.span).join(","),
                        kinds(&art.analysis, bs).join(",")
                    ));
                }
            }
        }
    }
    let mut out = format!(
        "{name}: {} labelled agrees, {} labelled differs (base sentence × source)\n",
        gold_n[0], gold_n[1]
    );
    for (k, n) in &causes {
        out.push_str(&format!("  {n:>3}  {k}\n"));
    }
    out.push_str(&lines);
    out
}

/// `claimlens eval compare ...`.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    let mut files: Vec<String> = Vec::new();
    let mut with_msrp = false;
    let mut relations = false;
    let mut misses = false;
    for a in args {
        match a.as_str() {
            "--msrp" => with_msrp = true,
            "--relations" => relations = true,
            "--misses" => misses = true,
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
    if misses {
        for (name, pairs) in &sets {
            print!("{}", miss_listing(name, pairs));
        }
        return Ok(());
    }
    if relations {
        for (name, pairs) in &sets {
            print!("{}", relation_listing(name, pairs));
        }
        return Ok(());
    }
    // A file with a dev / test split is also scored per split; the TF-IDF
    // threshold of the test part is the one chosen on dev.
    let mut split_sets: Vec<(String, Vec<Pair>, Option<f32>)> = Vec::new();
    for (name, pairs) in sets {
        let part =
            |s: &str| -> Vec<Pair> { pairs.iter().filter(|p| p.split == s).cloned().collect() };
        let (dev, test) = (part("dev"), part("test"));
        if dev.is_empty() || test.is_empty() {
            split_sets.push((name, pairs, None));
            continue;
        }
        let t = tfidf_threshold(&dev);
        split_sets.push((format!("{name} [dev]"), dev, None));
        split_sets.push((format!("{name} [test]"), test, Some(t)));
        split_sets.push((name, pairs, None));
    }
    for (name, pairs, dev_t) in &split_sets {
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
        println!("{}", evaluate_ranking(pairs).row());
        let mut chosen = evaluate_tfidf(pairs, *dev_t);
        if dev_t.is_some() {
            chosen.name.push_str(" (dev)");
        }
        println!("{}", chosen.row());
        println!("{}", evaluate_tfidf(pairs, Some(0.0)).row());
        println!("(engine: {secs:.1} s)");
    }
    fixtures()?;
    println!(
        "\ntop: top alignment is a gold counterpart (no alignment counts wrong); top|al: the same over sentences that got an alignment; no-ref / wrong: sentences without \
         counterpart given no alignment / agrees or differs; claim: share of sentences with \
         a counterpart the engine treats as claims; dif..none: relations given where there is \
         a counterpart; P/R where relations are labelled"
    );
    Ok(())
}

/// `claimlens train compare`: fit the ranking model and then the
/// counterpart model on the dev split of `events.jsonl`, choose the
/// thresholds (counterpart on the same split; "agrees" on the labelled
/// stories), print held-out figures and rewrite
/// `crates/core/src/compare/fitted.rs` (`--check`: only fail when the file
/// differs from what this code and data fit). `--dump FILE` instead writes every
/// gold base sentence's candidates and features (JSON Lines) for analysis.
pub fn train_cmd(args: &[String]) -> Result<(), String> {
    use claimlens_core::compare::{
        fit, fit_logistic, fit_thresholds, render_fitted, Fitted, Row, COUNTERPART_MONOTONE,
        N_COUNTERPART, N_FEATURES,
    };
    use claimlens_core::eval::compare::{instances, Instance};
    let read = |f: &str| -> Result<Vec<Pair>, String> {
        let t = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        Pair::parse_all(&t).map_err(|e| format!("{f}: {e}"))
    };
    let events = read(DEFAULT[0])?;
    let stories = read(DEFAULT[1])?;
    let ev = instances(&events);
    if let Some(k) = args.iter().position(|a| a == "--dump") {
        let out = args.get(k + 1).ok_or("--dump FILE")?;
        let st = instances(&stories);
        let mut lines = String::new();
        for (set, name) in [(&ev, "events"), (&st, "stories")] {
            for i in set.iter() {
                let split = if name == "stories" {
                    "stories"
                } else {
                    events[i.pair].split.as_str()
                };
                let c: Vec<_> = i
                    .cands
                    .iter()
                    .zip(&i.claims)
                    .map(|(c, g)| serde_json::json!([c.0, c.2, c.1.to_vec(), g]))
                    .collect();
                let r: Vec<_> = i.rel.iter().map(|r| r.map(|r| r.name())).collect();
                lines.push_str(&serde_json::json!({"pair": i.pair, "split": split, "has": i.has, "cands": c, "rel": r, "doc_cos": i.doc_cos}).to_string());
                lines.push('\n');
            }
        }
        std::fs::write(out, lines).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let (dev, test): (Vec<_>, Vec<_>) =
        ev.into_iter().partition(|i| events[i.pair].split != "test");
    let rows: Vec<Row> = dev
        .iter()
        .flat_map(|i| i.cands.iter())
        .map(|c| Row {
            features: c.1,
            label: c.2,
        })
        .collect();
    let w = fit(&rows, 1e-3, 3000);
    let rank = |set: &[Instance]| -> f64 {
        let with = set.iter().filter(|i| i.has).count().max(1) as f64;
        set.iter()
            .filter(|i| i.has)
            .filter(|i| {
                i.pick(&w, &[0.0; N_COUNTERPART])
                    .is_some_and(|p| i.cands[p.0].2)
            })
            .count() as f64
            / with
    };
    // The counterpart decision: on events dev, the best-ranked statement
    // of a sentence with a counterpart when it is one (yes) against the
    // best-ranked statement of a sentence without (no); sentences whose
    // best-ranked statement is wrong say nothing of the decision, nor do
    // those whose best statement shares one word and no entity (never
    // aligned).
    let crow: Vec<([f32; N_COUNTERPART], bool)> = dev
        .iter()
        .filter_map(|i| {
            let (k, x, p) = i.pick(&w, &[0.0; N_COUNTERPART])?;
            let right = i.cands[k].2;
            (p > 0.0 && (right || !i.has)).then_some((x, right))
        })
        .collect();
    let v = fit_logistic(&crow, 1e-3, 5000, &COUNTERPART_MONOTONE);
    let best = |set: &[Instance]| -> Vec<(f32, bool, bool)> {
        set.iter()
            .map(|i| {
                let (p, ok) = i
                    .pick(&w, &v)
                    .map_or((0.0, false), |(k, _, p)| (p, i.cands[k].2));
                (p, ok, i.has)
            })
            .collect()
    };
    let (align, top, none) = fit_thresholds(&best(&dev));
    let st = instances(&stories);
    println!(
        "ranking (best-ranked statement is a counterpart): events dev {:.3}, events test {:.3}, stories {:.3}",
        rank(&dev),
        rank(&test),
        rank(&st)
    );
    println!(
        "fitted on events dev: {} ranking rows, {} counterpart rows, {} claims; aligned from {align:.2}: top {top:.3}, no-ref {none:.3}",
        rows.len(),
        crow.len(),
        dev.len()
    );
    for (name, set) in [("events test", best(&test)), ("stories", best(&st))] {
        let with = set.iter().filter(|b| b.2).count().max(1) as f64;
        let without = set.iter().filter(|b| !b.2).count().max(1) as f64;
        let top = set.iter().filter(|b| b.2 && b.1 && b.0 >= align).count() as f64 / with;
        let none = set.iter().filter(|b| !b.2 && b.0 < align).count() as f64 / without;
        println!("{name}: top {top:.3}, no-ref {none:.3}");
    }
    for (name, set) in [("dev", best(&dev)), ("test", best(&test))] {
        let with = set.iter().filter(|b| b.2).count().max(1) as f64;
        let without = set.iter().filter(|b| !b.2).count().max(1) as f64;
        let curve: Vec<String> = (1..20)
            .map(|k| {
                let t = k as f32 / 20.0;
                let top = set.iter().filter(|b| b.2 && b.1 && b.0 >= t).count() as f64 / with;
                let none = set.iter().filter(|b| !b.2 && b.0 < t).count() as f64 / without;
                format!("{t:.2}:{top:.2}/{none:.2}")
            })
            .collect();
        println!("{name} (threshold: top/no-ref) {}", curve.join(" "));
    }
    // Relation thresholds. "Agrees" on wording alone (no compared value):
    // the lowest counterpart probability from which it reaches precision
    // 0.9 among the best statements of the labelled stories (at least
    // three picks), where it does. Compared values ("agrees" where one
    // agrees, "differs" where one differs and none agrees, and the setting
    // is the same) decide from the lowest probability at which the events
    // dev sentences without a counterpart get "agrees" or "differs" at most
    // 5 % of the time.
    let picks: Vec<(f32, [f32; N_FEATURES], Option<Relation>)> = st
        .iter()
        .filter_map(|i| {
            let (k, _, p) = i.pick(&w, &v)?;
            (p >= align).then_some((p, i.cands[k].1, i.rel[k]))
        })
        .collect();
    let precise = |want: Relation, take: &dyn Fn(&[f32; N_FEATURES]) -> bool| -> f32 {
        let chosen: Vec<(f32, bool)> = picks
            .iter()
            .filter(|x| take(&x.1))
            .map(|x| (x.0, x.2 == Some(want)))
            .collect();
        let mut best = 1.01f32;
        for k in (0..=100).rev() {
            let t = (k as f32 / 100.0).max(align);
            let above: Vec<&(f32, bool)> = chosen.iter().filter(|x| x.0 >= t).collect();
            let right = above.iter().filter(|x| x.1).count();
            if above.len() >= 3 && right as f64 >= 0.9 * above.len() as f64 {
                best = t;
            }
        }
        let right = chosen.iter().filter(|x| x.1).count();
        println!(
            "  {want:?}: {right} of {} picks right; precision 0.9 from {best:.2}",
            chosen.len()
        );
        best
    };
    println!("relations on the stories:");
    let has_values = |f: &[f32; N_FEATURES]| f[7] > 0.0 || f[8] > 0.0;
    let agree = precise(Relation::Agrees, &|f| !has_values(f));
    precise(Relation::Agrees, &|f| f[7] > 0.0);
    precise(Relation::Differs, &|f| {
        f[8] > 0.0 && f[7] == 0.0 && f[19] == 0.0
    });
    let without: Vec<(f32, [f32; N_FEATURES])> = dev
        .iter()
        .filter(|i| !i.has)
        .filter_map(|i| {
            let (k, _, p) = i.pick(&w, &v)?;
            (p >= align).then_some((p, i.cands[k].1))
        })
        .collect();
    let n_without = dev.iter().filter(|i| !i.has).count().max(1) as f64;
    let wrong_at = |t: f32| {
        without
            .iter()
            .filter(|x| {
                if has_values(&x.1) {
                    x.0 >= t
                } else {
                    x.0 >= agree
                }
            })
            .count() as f64
            / n_without
    };
    let mut values = 1.01f32;
    for k in (0..=100).rev() {
        let t = (k as f32 / 100.0).max(align);
        if wrong_at(t) <= 0.05 {
            values = t;
        } else {
            break;
        }
    }
    println!(
        "agrees from {agree:.2}; values decide from {values:.2}; events dev without counterpart given agrees/differs: {:.3}",
        wrong_at(values)
    );
    let differs = values;
    let provenance = format!(
        "Fitted on data/eval/compare/events.jsonl (split dev): {} candidate rows,\n//! {} counterpart rows.",
        rows.len(),
        crow.len()
    );
    let out = "crates/core/src/compare/fitted.rs";
    let fitted = Fitted {
        weights: w,
        counterpart: v,
        counterpart_min: align,
        agree,
        values,
        differs,
    };
    let text = render_fitted(&fitted, &provenance);
    println!("weights: {w:?}\ncounterpart: {v:?}");
    if args.iter().any(|a| a == "--check") {
        let now = std::fs::read_to_string(out).map_err(|e| format!("{out}: {e}"))?;
        if now != text {
            return Err(format!(
                "{out} is not what `claimlens train compare` fits from this code and data: run it and commit the result"
            ));
        }
        println!("{out} is up to date");
        return Ok(());
    }
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {out}");
    Ok(())
}

/// `claimlens train idf`: the background IDF table (`data/weights/idf.clw`)
/// from the sentences of the EWT and GUM training treebanks
/// (`data/train/lang`, CC BY-SA 4.0); deterministic.
pub fn train_idf_cmd(_args: &[String]) -> Result<(), String> {
    use std::io::Read;
    let mut sentences = Vec::new();
    let mut hash_input = Vec::new();
    for f in [
        "data/train/lang/ewt-train.tsv.gz",
        "data/train/lang/gum-train.tsv.gz",
    ] {
        let bytes = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        hash_input.extend_from_slice(&bytes);
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .map_err(|e| format!("{f}: {e}"))?;
        let mut cur: Vec<&str> = Vec::new();
        for line in text.lines().chain(std::iter::once("")) {
            match line.split('\t').next() {
                Some(w) if !line.trim().is_empty() => cur.push(w),
                _ => {
                    if !cur.is_empty() {
                        sentences.push(cur.join(" "));
                        cur.clear();
                    }
                }
            }
        }
    }
    let hash = format!("{:016x}", claimlens_core::weights::fnv1a64(&hash_input));
    let bytes = claimlens_core::compare::background::build(&sentences, 2, &hash);
    let out = "data/weights/idf.clw";
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} bytes from {} sentences",
        bytes.len(),
        sentences.len()
    );
    Ok(())
}

/// The hand-written expectations of `tests/fixtures/compare/`: the bundled
/// article against its reference pack, and the Harborview budget article
/// against two documents.
fn fixtures() -> Result<(), String> {
    use claimlens_core::compare::{DocKind, SourceMeta, Workspace};
    use claimlens_core::eval::compare::expectations_met;
    use claimlens_core::Document;
    let dir = "tests/fixtures/compare";
    let read = |f: &str| {
        std::fs::read_to_string(format!("{dir}/{f}")).map_err(|e| format!("{dir}/{f}: {e}"))
    };
    let ws = Workspace::for_default_article();
    let (n, misses) = expectations_met(&ws, &ws.compare(), &read("istanbul-expected.txt")?);
    println!(
        "\nbundled article × reference pack: {}/{n} expectations met",
        n - misses.len()
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    let mut ws = Workspace::new(Document::from_plain_text(
        "harborview",
        "Harborview budget",
        &read("harborview-article.txt")?,
    ));
    for (id, name, f) in [
        (
            "finance",
            "Harborview Department of Finance",
            "harborview-finance.txt",
        ),
        ("auditor", "City Auditor", "harborview-auditor.txt"),
    ] {
        ws.add(
            Document::from_plain_text(id, name, &read(f)?),
            SourceMeta::named(id, name, DocKind::UserDocument),
        );
    }
    let (n, misses) = expectations_met(&ws, &ws.compare(), &read("harborview-expected.txt")?);
    println!(
        "Harborview × two documents: {}/{n} expectations met",
        n - misses.len()
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    Ok(())
}
