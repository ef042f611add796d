//! Table-driven tests for the hedging detector (hand-written sentences only).

use super::lexicon::{builtin, Lexicon};
use super::*;
const CUES: &str = include_str!("../../../../../data/lexicons/hedge-cues.txt");

#[test]
fn sentence_decisions() {
    let cases: &[(&str, bool)] = &[
        // modals and their non-hedging readings
        ("The bridge might collapse under heavy load.", true),
        ("The fire may have started in the kitchen.", true),
        ("He could not attend the ceremony.", false),
        ("The treaty was signed in May 1998.", false),
        ("May 2009 saw record rainfall in the valley.", false),
        ("Prime Minister Theresa May visited the plant.", false),
        ("With all his might he pushed the cart.", false),
        // epistemic adverbs, adjectives, verbs
        ("The manuscript was probably written in Prague.", true),
        ("It is possible that the fort predates the town.", true),
        ("Evidence suggests that the lake was once larger.", true),
        ("The painting appears to be a later copy.", true),
        ("She appeared on television in 1995.", false),
        ("As the name suggests, the plant grows on rocks.", false),
        ("I suggest you read the manual first.", false),
        ("The coin seems to date from the reign of Nero.", true),
        // hearsay
        ("The mayor allegedly accepted bribes.", true),
        ("The singer reportedly earned a million dollars.", true),
        // weasels
        (
            "The band is widely considered the pioneer of the genre.",
            true,
        ),
        (
            "The castle is thought to be the oldest in the region.",
            true,
        ),
        (
            "It has been suggested that the name is of Celtic origin.",
            true,
        ),
        ("Some critics dismissed the film as derivative.", true),
        (
            "Many believe the treasure is still buried on the island.",
            true,
        ),
        (
            "He is often regarded as the father of modern surgery.",
            true,
        ),
        (
            "According to some sources, the village was founded by monks.",
            true,
        ),
        ("Effects vary widely depending on the dose.", false),
        // attribution is not uncertainty: a named source, a reporting verb
        (
            "According to the ministry, the bridge reopened on Monday.",
            false,
        ),
        ("The judge said the fine would stand.", false),
        ("It is said that the well never runs dry.", true),
        // quantifiers and peacocks
        ("In some cases the disease spreads to the lungs.", true),
        ("It is one of the most visited museums in Europe.", true),
        ("The river is one of the two largest in the country.", false),
        ("The town had some 4,000 inhabitants.", false),
        // plain factual sentences
        ("The station opened on 12 March 1901.", false),
        ("Paris is the capital of France.", false),
        (
            "The committee approved the budget by a vote of 7 to 2.",
            false,
        ),
        ("Water boils at 100 degrees Celsius at sea level.", false),
    ];
    for (s, want) in cases {
        assert_eq!(uncertain(s), *want, "{s:?}: cues {:?}", hedges(s));
    }
}

#[test]
fn cue_spans_and_kinds() {
    let cases: &[(&str, &[(&str, CueKind)])] = &[
        (
            "It was probably built by Romans.",
            &[("probably", CueKind::Epistemic)],
        ),
        (
            "Some critics praised it.",
            &[("Some critics", CueKind::Weasel)],
        ),
        ("He allegedly fled.", &[("allegedly", CueKind::Hearsay)]),
        (
            "Café owners may have left.",
            &[("may have", CueKind::Modal)],
        ),
        ("He could not go.", &[]),
        (
            "It is widely believed to be true.",
            &[("is widely believed", CueKind::Weasel)],
        ),
    ];
    for (s, want) in cases {
        let got = hedges(s);
        let got: Vec<(String, CueKind)> = got.iter().map(|c| (c.text.clone(), c.kind)).collect();
        let want: Vec<(String, CueKind)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(got, want, "{s:?}");
    }
}

#[test]
fn offsets_are_code_points() {
    let s = "Le café était probablement fermé; it was probably closed.";
    let cues = hedges(s);
    assert_eq!(cues.len(), 1);
    let c = &cues[0];
    let chars: Vec<char> = s.chars().collect();
    assert_eq!(chars[c.start..c.end].iter().collect::<String>(), "probably");
}

#[test]
fn tokenizer_table() {
    let cases: &[(&str, &[&str])] = &[
        ("It's well-known.", &["It's", "well-known", "."]),
        (
            "&quot;Slat&quot; means",
            &["&quot;", "Slat", "&quot;", "means"],
        ),
        ("a  b", &["a", "b"]),
        ("", &[]),
    ];
    for (s, want) in cases {
        let got: Vec<String> = tokenize(s).into_iter().map(|t| t.text).collect();
        assert_eq!(
            got,
            want.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            "{s:?}"
        );
    }
}

#[test]
fn pos_tags_refine_readings() {
    let s = "The may tree blossoms early.";
    // Without tags lowercase "may" is read as a (weak) modal.
    assert!(hedges(s).iter().any(|c| c.text == "may"));
    let toks = tokenize(s);
    let tags: Vec<&str> = toks
        .iter()
        .map(|t| match t.lower.as_str() {
            "the" => "DET",
            "may" | "tree" => "NOUN",
            "blossoms" => "VERB",
            "early" => "ADV",
            _ => "PUNCT",
        })
        .collect();
    assert!(hedges_tagged(s, Some(&tags)).is_empty());
    // Tags of the wrong length are ignored rather than misaligned.
    assert_eq!(hedges_tagged(s, Some(&tags[..2])), hedges(s));
}

#[test]
fn lexicon_parses_and_rejects_bad_lines() {
    assert!(builtin().len() > 200);
    assert_eq!(Lexicon::parse(CUES).unwrap().len(), builtin().len());
    let bad: &[(&str, usize)] = &[("Z e probably", 1), ("S z probably", 1), ("# c\nS e", 2)];
    for (t, line) in bad {
        assert_eq!(Lexicon::parse(t).unwrap_err().line, *line, "{t:?}");
    }
    let extra = Lexicon::parse("S e probably").unwrap().with_extra(
        "probably\nsort of\n",
        0.3,
        CueKind::Epistemic,
    );
    assert_eq!(extra.len(), 2);
}

#[test]
fn deterministic_and_never_panics() {
    let inputs = [
        "", " ", "May", "may", "BE", "NUM", "one of", "&", "&amp", "&quot;;", "’s", "é́", "\u{0}",
    ];
    for s in inputs {
        let a = hedges(s);
        let b = hedges(s);
        assert_eq!(a, b);
        let _ = uncertain(s);
    }
}

#[test]
fn kinds_table() {
    let cases: &[(CueKind, &str, bool)] = &[
        (CueKind::Modal, "modal", false),
        (CueKind::Epistemic, "epistemic", false),
        (CueKind::Weasel, "weasel", false),
        (CueKind::Hearsay, "hearsay", false),
        (CueKind::Quantifier, "quantifier", true),
        (CueKind::Peacock, "peacock", true),
    ];
    for (k, name, vague) in cases {
        assert_eq!(k.name(), *name);
        assert_eq!(k.is_vagueness(), *vague, "{name}");
    }
}
