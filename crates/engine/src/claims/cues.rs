//! Cues inside a clause: hedges, boosters, opinion words, negation, the
//! causal / comparison / future markers used for kinds and scores, and the
//! rates or shares given after quantities ("from each side", "a year").
//!
//! Hedges are the sentence's uncertainty cues ([`super::hedging`]) that fall
//! in the clause, when the sentence as a whole reads as uncertain; the words
//! of an attribution cue are not hedges. Boosters follow Hyland's
//! metadiscourse categories. Opinion words come from the lexicon
//! plus two rules: a degree adverb before an adjective ("increasingly
//! precarious", "notably marginalized") and an adjective after "proved",
//! "seems" or "appears" ("proved prescient").

use super::attribution::Attribution;
use super::detect::{Sent, NONE};
use super::words;
use super::PerUnit;
use crate::entities::Label;
use crate::span::Span;
use crate::text::TokenKind;

/// Adjective-shaped word (for the degree-adverb and "proved X" rules).
fn adjective_like(w: &str) -> bool {
    // Endings tried in turn (a slice, not a `WordSet`).
    const SUFFIXES: &[&str] = &[
        "ed", "al", "ous", "ive", "ful", "ic", "able", "ible", "ent", "ant", "ary", "less", "ish",
        "ate", "ing",
    ];
    w.len() > 3 && SUFFIXES.iter().any(|s| w.ends_with(s))
}

/// Everything found in one clause before scoring.
pub(super) struct Marks {
    pub hedges: Vec<Span>,
    pub boosters: Vec<Span>,
    pub opinion: Vec<Span>,
    pub negations: Vec<Span>,
    pub causal: bool,
    pub compare: bool,
    pub future: bool,
    pub modal: bool,
    pub first_person: bool,
}

pub(super) fn mark(s: &Sent, a: usize, b: usize, att: &Attribution) -> Marks {
    let mut m = Marks {
        hedges: Vec::new(),
        boosters: Vec::new(),
        opinion: Vec::new(),
        negations: Vec::new(),
        causal: false,
        compare: false,
        future: false,
        modal: false,
        first_person: false,
    };
    let cue = att.cue_tokens;
    // Hedges: the sentence's uncertainty cues inside this clause, except the
    // words of its attribution cue ("suggested" in "X suggested that") that
    // are not hearsay or weasel words ("reportedly", "some say" and "it is
    // believed" are both a cue and a hedge).
    let (lo, hi) = (s.span(a, b).start, s.span(a, b).end);
    let cue_span = cue.map(|(ca, cb)| s.span(ca, cb));
    m.hedges = s
        .hedges
        .iter()
        .filter(|(h, _)| h.start >= lo && h.end <= hi)
        .filter(|(h, kind)| {
            matches!(
                kind,
                super::hedging::CueKind::Hearsay | super::hedging::CueKind::Weasel
            ) || !cue_span.is_some_and(|c| h.start < c.end && c.start < h.end)
        })
        .map(|(h, _)| *h)
        .collect();
    let mut k = a;
    while k < b {
        let len = (s.plen[k] as usize).max(1).min(b - k);
        let in_cue = cue.is_some_and(|(ca, cb)| k >= ca && k < cb);
        let tag = s.tags[k];
        let sp = s.span(k, k + len);
        if tag == 0 && superlative(s, k) {
            m.compare = true;
        }
        if tag != 0 {
            if tag & words::BOOST != 0 && !in_cue && !determiner_certain(s, k) {
                m.boosters.push(sp);
            }
            if tag & words::NEG != 0 {
                m.negations.push(sp);
            }
            m.causal |= tag & words::CAUSAL != 0;
            m.compare |= tag & words::COMPARE != 0;
            m.future |= tag & words::FUTURE != 0;
            m.modal |= tag & words::MODAL != 0;
            m.first_person |= tag & words::FIRST != 0 && !s.quoted[k];
            // Opinion: lexicon words; a degree adverb with an adjective;
            // "proved / seems / appears" with an adjective.
            let next_adj = k + 1 < b
                && s.tags[k + 1] & (words::BOOST | words::HEDGE) == 0
                && s.ment[k + 1] == NONE
                && s.tokens[k + 1].kind == TokenKind::Word
                // "appeared during": a preposition is not an adjective,
                // whatever its ending.
                && s.tags[k + 1] & words::PREP == 0
                && (s.tags[k + 1] & words::OPINION != 0 || adjective_like(&s.words[k + 1]));
            if tag & words::DEGREE != 0 && next_adj {
                m.opinion.push(s.span(k, k + 2));
                k += 2;
                continue;
            }
            if tag & words::OPINION != 0 && tag & (words::BOOST | words::HEDGE) == 0 {
                m.opinion.push(sp);
            }
            if matches!(
                s.words[k].as_ref(),
                "proved"
                    | "proven"
                    | "proves"
                    | "prove"
                    | "seems"
                    | "seem"
                    | "seemed"
                    | "appears"
                    | "appear"
                    | "appeared"
                    | "looks"
                    | "looked"
            ) && next_adj
                && s.tags[k + 1] & words::OPINION == 0
            {
                m.opinion.push(s.span(k + 1, k + 2));
            }
        }
        k += len;
    }
    m
}

/// "certain" before a noun or an adjective ("certain officials", "a certain
/// way") picks out some particular ones: a determiner, not the booster of
/// "it is certain that" or "I am certain".
fn determiner_certain(s: &Sent, k: usize) -> bool {
    static NOT_NOUN: crate::text::WordSet =
        crate::text::WordSet::new("that|to|of|about|whether|if|what|how|enough|and|or|but|");
    s.words[k].as_ref() == "certain"
        && s.tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && s.words
            .get(k + 1)
            .is_some_and(|w| !NOT_NOUN.contains(w.as_ref()))
}

/// A superlative outside names: "-est" words ("longest", "deepest") but not
/// the common words that merely end so ("interest", "protest", "latest").
fn superlative(s: &Sent, k: usize) -> bool {
    static NOT: crate::text::WordSet = crate::text::WordSet::new(concat!(
        "interest|",
        "interests|",
        "forest|",
        "protest|",
        "request|",
        "suggest|",
        "honest|",
        "modest|",
        "harvest|",
        "contest|",
        "arrest|",
        "invest|",
        "digest|",
        "latest|",
        "guest|",
        "chest|",
        "quest|",
        "conquest|",
        "manifest|",
        "earnest|",
        "inquest|",
        "midwest|",
        "northwest|",
        "southwest|",
        "northeast|",
        "southeast|",
        "unrest|",
        "attest|",
        "detest|",
        "divest|",
        "ingest|",
        "molest|",
        "infest|",
        "bequest|",
        "budapest|",
        "everest|",
        "bucharest|",
    ));
    let w = s.words[k].as_ref();
    s.ment[k] == NONE
        && s.tokens[k].kind == TokenKind::Word
        && w.len() >= 6
        && w.ends_with("est")
        && !NOT.contains(w)
}

/// Rates and shares after quantity mentions: "from each side", "a year", "per capita".
pub(super) fn per_units(s: &Sent, a: usize, b: usize) -> Vec<PerUnit> {
    let mut out = Vec::new();
    let mut k = a;
    while k < b {
        let m = s.ment[k];
        if m == NONE || !matches!(s.label(k), Some(Label::Quantity | Label::Money)) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < b && s.ment[e] == m {
            e += 1;
        }
        // Up to four words after the number, stopping at punctuation or another mention.
        for j in e..(e + 5).min(b) {
            if !s.is_word(j) || (s.ment[j] != NONE && s.ment[j] != m) {
                break;
            }
            let w = s.words[j].as_ref();
            if w == "apiece" {
                out.push(PerUnit {
                    mention: m as usize,
                    span: s.span(j, j + 1),
                });
                break;
            }
            if s.has(j, words::PER) && j + 1 < b && s.tokens[j + 1].kind == TokenKind::Word {
                let article = matches!(w, "a" | "an");
                if !article || words::tags(&s.words[j + 1]) & words::UNIT != 0 {
                    out.push(PerUnit {
                        mention: m as usize,
                        span: s.span(j, j + 2),
                    });
                    break;
                }
            }
        }
        k = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyse_text;

    /// (text, hedges, boosters, opinion, negations, per-unit)
    type Case<'a> = (
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
    );

    #[test]
    fn cue_table() {
        let cases: &[Case] = &[
            (
                // Approximators qualify a value; they are not hedges.
                "About 300 people in Ohio may have left.",
                &["may have"],
                &[],
                &[],
                &[],
                &[],
            ),
            (
                "The logo appeared during a typical download in Ohio.",
                &[],
                &[],
                &[],
                &[],
                &[],
            ),
            (
                "It was about the 300 jobs in Ohio.",
                &[],
                &[],
                &[],
                &[],
                &[],
            ),
            (
                // "certain" before a noun is a determiner, not a booster;
                // "a certain way" is no hedge either.
                "Ohio acts in a certain way.",
                &[],
                &[],
                &[],
                &[],
                &[],
            ),
            (
                "Officials in Ohio are certain that the plant will close.",
                &[],
                &["certain"],
                &[],
                &[],
                &[],
            ),
            (
                "Some 40 trucks in Ohio clearly broke down.",
                &[],
                &["clearly"],
                &[],
                &[],
                &[],
            ),
            (
                "The situation in Ohio is increasingly precarious.",
                &[],
                &[],
                &["increasingly precarious"],
                &[],
                &[],
            ),
            (
                "His warnings in Ohio have proved prescient.",
                &[],
                &["proved"],
                &["prescient"],
                &[],
                &[],
            ),
            (
                "Ohio did not send 300 troops.",
                &[],
                &[],
                &[],
                &["not"],
                &[],
            ),
            ("Ohio sent not only 300 troops.", &[], &[], &[], &[], &[]),
            (
                "Ohio sent 300 troops from each side.",
                &[],
                &[],
                &[],
                &[],
                &["each side"],
            ),
            (
                "Ohio pays $5 million a year to 40 towns.",
                &[],
                &[],
                &[],
                &[],
                &["a year"],
            ),
            ("Ohio sent 300 troops in a truck.", &[], &[], &[], &[], &[]),
            (
                "Officials in Ohio said it would cost $5 million.",
                &[],
                &[],
                &[],
                &[],
                &[],
            ),
            (
                "Ohio would cost $5 million, it seems.",
                &["seems"],
                &[],
                &[],
                &[],
                &[],
            ),
        ];
        for (text, hedges, boosters, opinion, neg, per) in cases {
            let a = analyse_text(text);
            let c = &a.claims[0];
            let t = |v: &[crate::Span]| -> Vec<String> {
                v.iter().map(|s| s.slice(text).to_string()).collect()
            };
            assert_eq!(t(&c.hedges), *hedges, "hedges: {text}");
            assert_eq!(t(&c.boosters), *boosters, "boosters: {text}");
            assert_eq!(t(&c.opinion), *opinion, "opinion: {text}");
            assert_eq!(t(&c.negations), *neg, "negations: {text}");
            let p: Vec<&str> = c.per_unit.iter().map(|p| p.span.slice(text)).collect();
            assert_eq!(p, *per, "per unit: {text}");
        }
    }
}
