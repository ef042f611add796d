//! Claims engine against gold fixtures (`tests/fixtures/claims/`), rule
//! tables, and hostile input.
//!
//! The fixtures were written from a reading of each text before the engine
//! was tuned: one entry per sentence or clause, with check-worthiness, kind,
//! speaker, cue, hedges, negation, quantities and dates. Scores are printed
//! (run with `--nocapture`) and held to thresholds:
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/tgt-claims cargo test -p claimlens-cli --test claims -- --nocapture
//! ```

use claimlens_core::{
    analyse, Analysis, Certainty, Claim, ClaimKind, Document, Offsets, Span, Speaker, CHECKWORTHY,
    DEFAULT_TEXT,
};
use serde_json::Value as Json;

fn manifest(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn load_fixture(name: &str) -> (String, Json) {
    let gold: Json = serde_json::from_str(
        &std::fs::read_to_string(manifest(&format!("tests/fixtures/claims/{name}.json"))).unwrap(),
    )
    .unwrap();
    let text = std::fs::read_to_string(manifest(gold["source"].as_str().unwrap())).unwrap();
    (text, gold)
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Overlap of at least half the shorter span.
fn matches(a: Span, b: Span) -> bool {
    2 * overlap(a, b) >= a.len().min(b.len()).max(1)
}

#[derive(Default, Debug)]
struct Scores {
    cw_tp: usize,
    cw_gold: usize,
    cw_pred_tp: usize,
    cw_pred: usize,
    speaker_ok: usize,
    speaker_n: usize,
    cue_ok: usize,
    cue_n: usize,
    kind_ok: usize,
    kind_n: usize,
    hedge_tp: usize,
    hedge_fp: usize,
    hedge_fn: usize,
    neg_ok: usize,
    neg_n: usize,
    value_ok: usize,
    value_n: usize,
    certainty_ok: usize,
    certainty_n: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl Scores {
    fn recall(&self) -> f64 {
        ratio(self.cw_tp, self.cw_gold)
    }
    fn precision(&self) -> f64 {
        ratio(self.cw_pred_tp, self.cw_pred)
    }
    fn hedge_f1(&self) -> f64 {
        let p = ratio(self.hedge_tp, self.hedge_tp + self.hedge_fp);
        let r = ratio(self.hedge_tp, self.hedge_tp + self.hedge_fn);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn print(&self, name: &str) {
        println!(
            "{name}: check-worthy recall {}/{} = {:.2}, precision {}/{} = {:.2}; speaker {}/{}; cue {}/{}; kind {}/{}; \
             certainty {}/{}; hedge F1 {:.2} (tp {} fp {} fn {}); negation {}/{}; values {}/{}",
            self.cw_tp, self.cw_gold, self.recall(), self.cw_pred_tp, self.cw_pred, self.precision(),
            self.speaker_ok, self.speaker_n, self.cue_ok, self.cue_n, self.kind_ok, self.kind_n,
            self.certainty_ok, self.certainty_n, self.hedge_f1(), self.hedge_tp, self.hedge_fp, self.hedge_fn,
            self.neg_ok, self.neg_n, self.value_ok, self.value_n
        );
    }
}

fn speaker_matches(text: &str, sp: &Speaker, gold: &str) -> bool {
    match (gold, sp) {
        ("author", Speaker::Author) => true,
        ("unnamed", Speaker::Unnamed { .. }) => true,
        (name, Speaker::Entity { name: n, span, .. }) => {
            n.contains(name) || name.contains(n.as_str()) || span.slice(text) == name
        }
        _ => false,
    }
}

fn strs(v: &Json) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

fn evaluate(text: &str, gold: &Json, verbose: bool) -> (Scores, Analysis) {
    let doc = Document::from_plain_text("fixture", "fixture", text);
    let a = analyse(&doc);
    let mut s = Scores::default();
    let entries: Vec<(Span, &Json)> = gold["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let t = g["text"].as_str().unwrap();
            let at = text
                .find(t)
                .unwrap_or_else(|| panic!("gold text not found: {t}"));
            (Span::new(at, at + t.len()), g)
        })
        .collect();
    // Precision: each check-worthy prediction against its best-overlapping gold entry.
    for c in a.claims.iter().filter(|c| c.checkworthy) {
        s.cw_pred += 1;
        let best = entries
            .iter()
            .max_by_key(|(sp, _)| overlap(*sp, c.span))
            .filter(|(sp, _)| matches(*sp, c.span));
        let ok = best.is_some_and(|(_, g)| g["checkworthy"].as_bool() != Some(false));
        s.cw_pred_tp += ok as usize;
        if verbose && !ok {
            println!("  FP: {}", c.text(text));
        }
    }
    // Hedges by position over the whole text.
    let all_hedges: Vec<Span> = {
        let mut v: Vec<Span> = a.claims.iter().flat_map(|c| c.hedges.clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    for (span, g) in &entries {
        let pred: Option<&Claim> = a
            .claims
            .iter()
            .filter(|c| matches(*span, c.span))
            .max_by_key(|c| overlap(*span, c.span));
        let gold_cw = g["checkworthy"].as_bool();
        if gold_cw == Some(true) {
            s.cw_gold += 1;
            let hit = a
                .claims
                .iter()
                .any(|c| c.checkworthy && matches(*span, c.span));
            s.cw_tp += hit as usize;
            if verbose && !hit {
                println!("  FN: {}", span.slice(text));
            }
        }
        // Hedges.
        let mut want = strs(&g["hedges"]);
        for h in all_hedges.iter().filter(|h| span.contains(**h)) {
            let w = h.slice(text).to_lowercase();
            // A cue matches a gold cue it contains or is contained in
            // ("appear to" and "appear" are the same hedge).
            if let Some(i) = want
                .iter()
                .position(|x| w.split_whitespace().any(|p| p == x) || x.contains(w.as_str()))
            {
                want.remove(i);
                s.hedge_tp += 1;
            } else {
                s.hedge_fp += 1;
                if verbose {
                    println!("  hedge FP {w:?} in: {}", span.slice(text));
                }
            }
        }
        s.hedge_fn += want.len();
        if verbose && !want.is_empty() {
            println!("  hedge FN {want:?} in: {}", span.slice(text));
        }
        let Some(c) = pred else {
            continue;
        };
        if let Some(n) = g["negated"].as_bool() {
            s.neg_n += 1;
            s.neg_ok += (c.negated == n) as usize;
            if verbose && c.negated != n {
                println!("  negation {} != {n}: {}", c.negated, span.slice(text));
            }
        }
        if gold_cw == Some(false) {
            continue;
        }
        if let Some(sp) = g["speaker"].as_str() {
            s.speaker_n += 1;
            let ok = speaker_matches(text, &c.speaker, sp);
            s.speaker_ok += ok as usize;
            if verbose && !ok {
                println!(
                    "  speaker {:?} != {sp}: {}",
                    c.speaker.display(text),
                    span.slice(text)
                );
            }
        }
        let cues = strs(&g["cue"]);
        if !cues.is_empty() {
            s.cue_n += 1;
            let ok = c
                .cue
                .is_some_and(|cu| cues.contains(&cu.slice(text).to_lowercase()));
            s.cue_ok += ok as usize;
            if verbose && !ok {
                println!("  cue {:?} not in {cues:?}", c.cue.map(|cu| cu.slice(text)));
            }
        }
        let kinds = strs(&g["kind"]);
        if !kinds.is_empty() {
            s.kind_n += 1;
            let ok = kinds.contains(&c.kind.name().to_string());
            s.kind_ok += ok as usize;
            if verbose && !ok {
                println!(
                    "  kind {} not in {kinds:?}: {}",
                    c.kind.name(),
                    span.slice(text)
                );
            }
        }
        if let Some(cert) = g["certainty"].as_str() {
            s.certainty_n += 1;
            s.certainty_ok += (c.certainty.name() == cert) as usize;
        }
        for key in ["quantities", "dates"] {
            for q in g[key].as_array().into_iter().flatten() {
                s.value_n += 1;
                let qt = q["text"].as_str().unwrap();
                let ok = c.mentions.iter().any(|&m| {
                    let mm = &a.mentions[m];
                    let same_text = mm.span.slice(text) == qt;
                    let same_value =
                        mm.value.as_ref().map(|v| v.to_string()).as_deref() == q["value"].as_str();
                    let per_ok = q["per"].as_str().is_none_or(|p| {
                        c.per_unit
                            .iter()
                            .any(|u| u.mention == m && u.span.slice(text) == p)
                    });
                    same_text && same_value && per_ok
                });
                s.value_ok += ok as usize;
                if verbose && !ok {
                    println!("  value {qt:?} missing: {}", span.slice(text));
                }
            }
        }
    }
    (s, a)
}

#[test]
fn default_article_against_gold() {
    claimlens_core::frontcode::install_bundled();
    let (text, gold) = load_fixture("seed-istanbul-2025");
    assert_eq!(
        text, DEFAULT_TEXT,
        "the fixture is about the bundled article"
    );
    let (s, _) = evaluate(&text, &gold, true);
    s.print("default article");
    // Check-worthy precision and hedge F1 are the quality of the learned
    // check-worthiness model and the hedge detector, measured on public dev
    // data by `claimlens eval` (data/README.md): printed above, not asserted.
    assert!(s.recall() >= 0.8, "check-worthy recall {:.2}", s.recall());
    assert!(ratio(s.speaker_ok, s.speaker_n) >= 0.9, "speaker accuracy");
    assert!(ratio(s.cue_ok, s.cue_n) >= 0.99, "cue accuracy");
    assert!(ratio(s.kind_ok, s.kind_n) >= 0.75, "kind accuracy");
    assert!(ratio(s.neg_ok, s.neg_n) >= 0.95, "negation accuracy");
    assert!(ratio(s.value_ok, s.value_n) >= 0.99, "values");
    assert!(ratio(s.certainty_ok, s.certainty_n) >= 0.99, "certainty");
}

#[test]
fn wire_report_against_gold() {
    claimlens_core::frontcode::install_bundled();
    let (text, gold) = load_fixture("wire-health-funding");
    let (s, _) = evaluate(&text, &gold, true);
    s.print("wire report");
    // Precision and hedge F1: printed, not asserted (see above).
    assert!(s.recall() >= 0.9, "check-worthy recall {:.2}", s.recall());
    assert!(ratio(s.speaker_ok, s.speaker_n) >= 0.9, "speaker accuracy");
    assert!(ratio(s.cue_ok, s.cue_n) >= 0.85, "cue accuracy");
    assert!(ratio(s.kind_ok, s.kind_n) >= 0.75, "kind accuracy");
    assert!(ratio(s.neg_ok, s.neg_n) >= 0.95, "negation accuracy");
}

/// The issue's examples, one by one.
#[test]
fn issue_examples_on_the_default_article() {
    claimlens_core::frontcode::install_bundled();
    let doc = Document::from_plain_text("d", "d", DEFAULT_TEXT);
    let a = analyse(&doc);
    let t = DEFAULT_TEXT;
    let claim = |needle: &str| -> &Claim {
        let at = t.find(needle).unwrap();
        a.claims
            .iter()
            .find(|c| c.span.contains(Span::new(at, at + needle.len())))
            .unwrap_or_else(|| panic!("no claim holds {needle:?}"))
    };
    let c = claim("casualties reportedly exceeding one million");
    assert_eq!(c.kind, ClaimKind::Quantitative);
    assert_eq!(c.certainty, Certainty::Hedged);
    assert!(matches!(c.speaker, Speaker::Unnamed { .. }));
    let c = claim("1,000 individuals from each side");
    let q = c.quantities(&a).next().unwrap();
    assert_eq!(a.mentions[q].value.as_ref().unwrap().to_string(), "1000");
    assert_eq!(c.per_unit[0].span.slice(t), "each side");
    let c = claim("Lavrov’s previous observations");
    assert_eq!(c.speaker.display(t), "Lavrov");
    let d = c.dates(&a).next().unwrap();
    assert_eq!(a.mentions[d].value.as_ref().unwrap().to_string(), "2024-09");
    let c = claim("Medinsky’s pointed reference");
    assert!(c.speaker.display(t).contains("Medinsky"));
    assert_eq!(c.cue.unwrap().slice(t), "reference to");
    let c = claim("Commodore Steven Jermy");
    assert_eq!(c.speaker.display(t), "Steven Jermy");
    assert_eq!(c.cue.unwrap().slice(t), "acknowledged");
    // "…, noting that …": a second cue of the same speaker, a claim of its own.
    let c = claim("cannot dictate surrender terms");
    assert_eq!(c.speaker.display(t), "Steven Jermy");
    assert_eq!(c.cue.unwrap().slice(t), "noting");
    assert!(c.negated);
}

/// Table: (text, needle in the claim, expected speaker display, cue).
#[test]
fn attribution_table() {
    claimlens_core::frontcode::install_bundled();
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "“We will win,” said John Carter, the mayor.",
            "We will win",
            "John Carter",
            Some("said"),
        ),
        (
            "John Carter said the bridge would reopen in 2026.",
            "bridge",
            "John Carter",
            Some("said"),
        ),
        // The source is the council, not the place: no person or
        // organisation mention, so the source's words.
        (
            "The bridge will reopen in 2026, according to the city council of Leeds.",
            "bridge",
            "the city council of Leeds",
            Some("according to"),
        ),
        // The whole noun phrase (it was cut after four words).
        (
            "The bridge will reopen in 2026, according to people familiar with the plan.",
            "bridge",
            "people familiar with the plan",
            Some("according to"),
        ),
        (
            "Officials said the bridge will reopen in 2026.",
            "bridge",
            "Officials",
            Some("said"),
        ),
        (
            "The bridge will reportedly reopen in 2026.",
            "bridge",
            "unnamed source",
            Some("reportedly"),
        ),
        (
            "It is said that the bridge will reopen in 2026.",
            "bridge",
            "unnamed source",
            Some("It is said"),
        ),
        (
            "Mayor John Carter spoke on Monday. He added that the bridge would cost $5 million.",
            "cost",
            "John Carter",
            Some("added"),
        ),
        (
            "Mayor John Carter’s remarks about the $5 million bridge angered residents.",
            "bridge",
            "John Carter",
            Some("remarks"),
        ),
        (
            "Analysts, including economist Jane Doe, have warned that prices will rise.",
            "prices",
            "Jane Doe",
            Some("warned"),
        ),
        (
            "Talks between France and Germany have revealed deep divisions over the budget.",
            "divisions",
            "the author",
            None,
        ),
        (
            "The bridge reopened in 2026 after a two-year closure.",
            "bridge",
            "the author",
            None,
        ),
    ];
    let more: &[(&str, &str, &str, Option<&str>)] = &[
        ("Inflation fell to 2.4% in October, the Office for National Statistics said.", "Inflation", "Office for National Statistics", Some("said")),
        ("A study published in The Lancet found that the drug may reduce deaths by 20%.", "drug", "A study", Some("found")),
        ("Prices are expected to rise further next year, economists say.", "Prices", "economists", Some("say")),
        ("The company denied the allegations on Tuesday.", "allegations", "The company", Some("denied")),
        ("President Ann Lee spoke. “We will fight on every front. We will win this war,” Lee said.", "every front", "Ann Lee", Some("said")),
    ];
    for (text, needle, speaker, cue) in cases.iter().chain(more) {
        let doc = Document::from_plain_text("t", "t", text);
        let a = analyse(&doc);
        let at = text.find(needle).unwrap();
        let c = a
            .claims
            .iter()
            .find(|c| c.span.start <= at && at < c.span.end)
            .unwrap_or_else(|| panic!("no claim in {text:?}"));
        assert_eq!(c.speaker.display(text), *speaker, "{text}");
        assert_eq!(c.cue.map(|s| s.slice(text)), *cue, "{text}");
    }
}

/// Table: (text, hedges, boosters, negated, certainty).
#[test]
fn hedge_booster_negation_table() {
    claimlens_core::frontcode::install_bundled();
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], bool, Certainty);
    let cases: &[Case] = &[
        (
            // An approximator qualifies the value; it is not a hedge. ("may"
            // alone is a weak cue: its permissive reading is common, so the
            // detector, calibrated on dev data, wants a second cue.)
            "The plan might cost about 300 jobs in Ohio.",
            &["might"],
            &[],
            false,
            Certainty::Hedged,
        ),
        (
            "The plan clearly cost 300 jobs in Ohio.",
            &[],
            &["clearly"],
            false,
            Certainty::Asserted,
        ),
        (
            "The plan did not cost 300 jobs in Ohio.",
            &[],
            &[],
            true,
            Certainty::Asserted,
        ),
        (
            "The plan cost not only 300 jobs but also 40 shops.",
            &[],
            &[],
            false,
            Certainty::Asserted,
        ),
        (
            "Ohio officials said the plan cost 300 jobs.",
            &[],
            &[],
            false,
            Certainty::AttributedOnly,
        ),
        (
            "The plan appears to have cost 300 jobs in Ohio.",
            &["appears to"],
            &[],
            false,
            Certainty::Hedged,
        ),
        (
            "Senator Ann Lee said the plan would cost 300 jobs.",
            &[],
            &[],
            false,
            Certainty::AttributedOnly,
        ),
        (
            "The plan in May cost 300 jobs in Ohio.",
            &[],
            &[],
            false,
            Certainty::Asserted,
        ),
        (
            "The plan can’t have cost 300 jobs in Ohio.",
            &[],
            &[],
            true,
            Certainty::Asserted,
        ),
    ];
    let more: &[Case] = &[
        (
            "The alleged attack in Ohio killed 12 people.",
            &["alleged"],
            &[],
            false,
            Certainty::Hedged,
        ),
        (
            "Negotiators in Ohio could not agree on 40 points.",
            &[],
            &[],
            true,
            Certainty::Asserted,
        ),
        (
            "It is not clear whether 300 jobs in Ohio were lost.",
            &["not clear whether"],
            &[],
            false,
            Certainty::Hedged,
        ),
    ];
    for (text, hedges, boosters, negated, certainty) in cases.iter().chain(more) {
        let doc = Document::from_plain_text("t", "t", text);
        let a = analyse(&doc);
        let c = &a.claims[0];
        let got: Vec<&str> = c.hedges.iter().map(|s| s.slice(text)).collect();
        assert_eq!(&got, hedges, "hedges of {text}");
        let got: Vec<&str> = c.boosters.iter().map(|s| s.slice(text)).collect();
        assert_eq!(&got, boosters, "boosters of {text}");
        assert_eq!(c.negated, *negated, "negation of {text}");
        assert_eq!(c.certainty, *certainty, "certainty of {text}");
    }
}

/// Table: (text, kind, check-worthy; `None` where reasonable readers
/// differ, e.g. a dated prediction).
#[test]
fn kind_and_score_table() {
    claimlens_core::frontcode::install_bundled();
    let cases: &[(&str, ClaimKind, Option<bool>)] = &[
        (
            "Unemployment rose to 7.5 percent in March 2024.",
            ClaimKind::Quantitative,
            Some(true),
        ),
        (
            "The flooding in Pakistan was caused by record monsoon rains in August 2022.",
            ClaimKind::Causal,
            Some(true),
        ),
        (
            "Germany’s economy is now weaker than France’s economy was in 2019.",
            ClaimKind::Comparison,
            Some(true),
        ),
        (
            "The central bank will raise interest rates in June 2025.",
            ClaimKind::Prediction,
            None,
        ),
        (
            "It was a wonderful, inspiring and memorable evening.",
            ClaimKind::Evaluative,
            Some(false),
        ),
        // Short and factual: unimportant to most readers, but the model's call.
        ("The meeting ended early.", ClaimKind::Statement, None),
        (
            "I think the mood was good and we enjoyed it a lot.",
            ClaimKind::Evaluative,
            Some(false),
        ),
    ];
    for (text, kind, cw) in cases {
        let doc = Document::from_plain_text("t", "t", text);
        let a = analyse(&doc);
        let c = &a.claims[0];
        assert_eq!(c.kind, *kind, "{text}: {:?}", c.reasons);
        if let Some(cw) = cw {
            assert_eq!(c.checkworthy, *cw, "{text}: {} {:?}", c.score, c.reasons);
        }
        assert_eq!(c.checkworthy, c.score >= CHECKWORTHY);
        assert!((0.0..=1.0).contains(&c.score));
    }
}

#[test]
fn clauses_and_non_claims() {
    claimlens_core::frontcode::install_bundled();
    let text = "Exports rose 4 percent in May; imports fell 2 percent. Will prices fall? Yes.";
    let doc = Document::from_plain_text("t", "t", text);
    let a = analyse(&doc);
    let got: Vec<&str> = a.claims.iter().map(|c| c.text(text)).collect();
    assert_eq!(
        got,
        ["Exports rose 4 percent in May", "imports fell 2 percent."]
    );
    let cases: &[(&str, &[&str])] = &[
        (
            "The ministry said prices rose 5 percent, and officials expect further increases.",
            &[
                "The ministry said prices rose 5 percent",
                "officials expect further increases.",
            ],
        ),
        (
            "Russia, China, and Iran signed a pact in 2023.",
            &["Russia, China, and Iran signed a pact in 2023."],
        ),
        (
            "Sales fell 3 percent in Ohio, but analysts said the outlook was improving.",
            &[
                "Sales fell 3 percent in Ohio",
                "analysts said the outlook was improving.",
            ],
        ),
        (
            "The talks, while producing limited results, were welcomed by 40 states.",
            &["The talks, while producing limited results, were welcomed by 40 states."],
        ),
    ];
    for (text, want) in cases {
        let doc = Document::from_plain_text("t", "t", text);
        let a = analyse(&doc);
        let got: Vec<&str> = a.claims.iter().map(|c| c.text(text)).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn names_and_offsets_for_the_ui() {
    claimlens_core::frontcode::install_bundled();
    for k in ClaimKind::ALL {
        assert!(!k.name().is_empty() && !k.title().is_empty());
    }
    for c in [
        Certainty::Asserted,
        Certainty::Hedged,
        Certainty::AttributedOnly,
    ] {
        assert!(!c.name().is_empty() && !c.title().is_empty());
    }
    let text = "Kyiv’s mayor 😀 said 2,000 people fled on Monday, according to Reuters.";
    let doc = Document::from_plain_text("t", "t", text);
    let a = analyse(&doc);
    let o = Offsets::new(text);
    for c in &a.claims {
        assert!(o.span_to_chars(c.span).is_some());
        for s in c.hedges.iter().chain(&c.boosters).chain(&c.opinion) {
            assert!(c.span.contains(*s));
        }
    }
    let json = serde_json::to_value(&a.claims).unwrap();
    assert!(json[0]["kind"].is_string());
}

#[cfg(not(target_arch = "wasm32"))]
mod property {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let doc = Document::from_plain_text("p", "p", text);
        let a = analyse(&doc);
        for c in &a.claims {
            let spans = std::iter::once(c.span)
                .chain(c.cue)
                .chain(c.speaker.span())
                .chain(c.hedges.iter().copied())
                .chain(c.boosters.iter().copied())
                .chain(c.opinion.iter().copied())
                .chain(c.negations.iter().copied())
                .chain(c.per_unit.iter().map(|p| p.span));
            for s in spans {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            assert!((0.0..=1.0).contains(&c.score));
            assert!(c.mentions.iter().all(|&m| m < a.mentions.len()));
        }
        // The engine also tolerates an analysis of another text.
        for other_text in [
            "short",
            "“A much longer text,” he said; officials said 1,000 left.",
        ] {
            for c in claimlens_core::claims::find(other_text, &a) {
                let spans = std::iter::once(c.span)
                    .chain(c.cue)
                    .chain(c.speaker.span())
                    .chain(c.hedges.iter().copied());
                for s in spans {
                    assert!(s.get(other_text).is_some(), "{s:?} in {other_text:?}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 200,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        #[test]
        fn any_utf8_never_panics(s in "\\PC{0,300}") {
            claimlens_core::frontcode::install_bundled();
            check(&s);
        }

        #[test]
        fn newsy_fragments_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("said"), Just("according to"), Just("’s"), Just("reportedly"), Just("“"), Just("”"),
            Just("John Smith"), Just("1,000"), Just(";"), Just(", but"), Just(" – "), Just("not"),
            Just("may"), Just("the"), Just("officials"), Just("."), Just("?"), Just("😀"), Just("\n\n"),
            Just("remarks"), Just("each"), Just("a year"), Just("He"), Just("very"), Just("proved"),
        ], 0..40)) {
            claimlens_core::frontcode::install_bundled();
            check(&parts.join(" "));
        }
    }
}

/// `claimlens claims --jsonl` emits the issue's format, offsets in code points.
#[test]
fn cli_jsonl_format() {
    claimlens_core::frontcode::install_bundled();
    let input = serde_json::json!({"id": "seed", "text": DEFAULT_TEXT}).to_string()
        + "\n"
        + &serde_json::json!({"id": 2, "text": "“We won,” said Maria Lopez, adding that 3,000 fans came."}).to_string()
        + "\n";
    let path = std::env::temp_dir().join(format!("claimlens-claims-{}.jsonl", std::process::id()));
    std::fs::write(&path, input).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["claims", "--jsonl", path.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Json> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "seed");
    assert_eq!(lines[1]["id"], 2);
    let chars: Vec<char> = DEFAULT_TEXT.chars().collect();
    let slice = |v: &Json| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    let claims = lines[0]["claims"].as_array().unwrap();
    assert!(claims.len() > 20);
    for c in claims {
        for key in [
            "start",
            "end",
            "score",
            "checkworthy",
            "kind",
            "speaker",
            "speaker_kind",
            "cue",
            "hedges",
            "boosters",
            "certainty",
            "negated",
            "quantities",
            "entities",
        ] {
            assert!(c.get(key).is_some(), "missing {key}");
        }
        assert_eq!(slice(c), c["text"].as_str().unwrap());
        for h in c["hedges"].as_array().unwrap() {
            assert_eq!(slice(h), h["text"].as_str().unwrap());
        }
        if !c["speaker"].is_null() {
            assert_eq!(slice(&c["speaker"]), c["speaker"]["text"].as_str().unwrap());
        }
    }
    let jermy = claims
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("Jermy"))
        .unwrap();
    assert_eq!(jermy["speaker"]["text"], "Steven Jermy");
    assert_eq!(jermy["speaker_kind"], "entity");
    assert_eq!(slice(&jermy["cue"]), "acknowledged");
    // "“We won,” said Maria Lopez, | adding that 3,000 fans came.": two claims.
    let second = &lines[1]["claims"];
    assert_eq!(second[0]["speaker"]["text"], "Maria Lopez");
    assert_eq!(second[0]["cue"]["text"], "said");
    assert_eq!(second[1]["speaker"]["text"], "Maria Lopez");
    assert_eq!(second[1]["cue"]["text"], "adding");
    assert_eq!(second[1]["quantities"][0]["value"], "3000");
}

/// Long unpunctuated or repetitive input stays fast (no quadratic scans).
#[test]
fn pathological_input_is_linear() {
    claimlens_core::frontcode::install_bundled();
    let parts = [
        "he said the minister’s remarks, but they said ",
        "“the minister said” – it is said that John Smith told officials 1,000; ",
        "according to the agency, while the president claimed ",
    ];
    for p in parts {
        let text = p.repeat(2_000); // ~100 KB, one sentence
        let start = std::time::Instant::now();
        let doc = Document::from_plain_text("p", "p", &text);
        let a = analyse(&doc);
        assert!(a.claims.iter().all(|c| c.span.end <= text.len()));
        let secs = start.elapsed().as_secs_f64();
        assert!(secs < 20.0, "{p:?}: {secs:.1} s");
    }
}

/// The text report writes a rate as the article does: "26 cents per
/// share", not "per per share" (the rate's span holds its own "per").
#[test]
fn text_report_writes_a_rate_as_written() {
    let path = std::env::temp_dir().join(format!("claimlens-rate-{}.txt", std::process::id()));
    std::fs::write(
        &path,
        "Ford's profits equate to 26 cents per share, and each side freed 1,000 prisoners apiece.",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["claims", path.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let values = text.lines().find(|l| l.trim_start().starts_with("values:"));
    let values = values.unwrap_or_else(|| panic!("no values line in {text}"));
    assert!(values.contains("per share"), "{values}");
    assert!(!values.contains("per per"), "{values}");
}
