//! Check-worthiness score, kinds and certainty of one clause.
//!
//! The score is the clamped sum of transparent feature weights (see
//! [`reasons`]); every weight that applies is kept as a [`Reason`], so a
//! reader (and the UI) can see why a claim is or is not check-worthy.

use super::cues::Marks;
use super::detect::{Sent, NONE};
use super::words;
use super::{Certainty, ClaimKind, Feature, Reason, Speaker};
use crate::entities::{Analysis, Label, Value};
use crate::text::TokenKind;

/// Check-worthiness features and their weights.
///
/// | feature | weight |
/// | --- | --- |
/// | base | 0.05 |
/// | quantity (number, money, percent) | 0.45, +0.05 for a second |
/// | duration or unlabelled number (no quantity) | 0.30 |
/// | date: day or month / year / other time reference | 0.20 / 0.15 / 0.10 |
/// | person (with a title or role) | 0.25 (0.30) |
/// | organisation or event | 0.20, +0.05 each more |
/// | place or group | 0.10, +0.05 each more |
/// | (named entities together at most 0.35) | |
/// | 3+ / 5+ distinct named entities | 0.10 / 0.20 |
/// | named source / unnamed source | 0.20 / 0.15 |
/// | causal, comparison | 0.15 each |
/// | prediction (future marker / possibility modal) | 0.10 / 0.05 |
/// | opinion words beyond the first | −0.05 each, at most −0.15 |
/// | first person outside quotations | −0.15 |
/// | fewer than 7 words | −0.10 |
pub(super) fn score(reasons: &[Reason]) -> f32 {
    let sum: f32 = 0.05 + reasons.iter().map(|r| r.weight).sum::<f32>();
    (sum.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// The features of the clause `a..b` and their weights (table on [`score`]).
pub(super) fn reasons(
    s: &Sent,
    a: usize,
    b: usize,
    mentions: &[usize],
    marks: &Marks,
    speaker: &Speaker,
) -> Vec<Reason> {
    let an = s.analysis;
    let mut reasons = Vec::new();
    let mut push = |feature, weight: f32| reasons.push(Reason { feature, weight });

    // Quantities, durations and dates.
    let quantities = mentions
        .iter()
        .filter(|&&m| matches!(an.mentions[m].label, Label::Quantity | Label::Money))
        .count();
    let mut date_w: f32 = 0.0;
    let mut duration = false;
    for &m in mentions {
        let mm = &an.mentions[m];
        if mm.label != Label::Date {
            continue;
        }
        match &mm.value {
            Some(Value::Duration { .. }) => duration = true,
            Some(Value::Date { iso }) if iso.len() >= 7 => date_w = date_w.max(0.2),
            Some(Value::Date { .. }) => date_w = date_w.max(0.15),
            _ => date_w = date_w.max(0.1),
        }
    }
    // Numbers the entity engine left unlabelled ("two hours", "dozens").
    let bare_number = (a..b).any(|k| {
        s.ment[k] == NONE
            && (s.tokens[k].kind == TokenKind::Number
                || words::tags(&s.words[k]) & words::NUMBER != 0)
    });
    if quantities > 0 {
        push(Feature::Quantity, if quantities > 1 { 0.5 } else { 0.45 });
    } else if duration || bare_number {
        push(Feature::Duration, 0.3);
    }
    if date_w > 0.0 {
        push(Feature::Date, date_w);
    }

    // Named entities (distinct entities).
    let mut seen: Vec<usize> = Vec::new();
    let (mut persons, mut orgs, mut places) = (0, 0, 0);
    for &m in mentions {
        let mm = &an.mentions[m];
        if !matches!(
            mm.label,
            Label::Person | Label::Org | Label::Event | Label::Place | Label::Norp
        ) || seen.contains(&mm.entity)
        {
            continue;
        }
        seen.push(mm.entity);
        match mm.label {
            Label::Person => persons += 1,
            Label::Org | Label::Event => orgs += 1,
            _ => places += 1,
        }
    }
    let mut named: f32 = 0.0;
    let extra = |n: i32, first: f32| {
        if n == 0 {
            0.0
        } else {
            first + 0.05 * (n - 1) as f32
        }
    };
    let role = mentions.iter().any(|&m| an.mentions[m].role.is_some());
    let wp = match (persons > 0, role) {
        (false, _) => 0.0,
        (true, false) => 0.25,
        (true, true) => 0.3,
    };
    let wo = extra(orgs, 0.2);
    let wl = extra(places, 0.1);
    for (f, w) in [
        (Feature::Person, wp),
        (Feature::Organisation, wo),
        (Feature::Place, wl),
    ] {
        let w = w.min(0.35 - named);
        if w > 0.0 {
            push(f, w);
            named += w;
        }
    }
    if seen.len() >= 5 {
        push(Feature::ManyEntities, 0.2);
    } else if seen.len() >= 3 {
        push(Feature::ManyEntities, 0.1);
    }

    // Attribution.
    match speaker {
        Speaker::Entity { .. } => push(Feature::NamedSource, 0.2),
        Speaker::Unnamed { .. } => push(Feature::UnnamedSource, 0.15),
        Speaker::Author | Speaker::Unknown => {}
    }
    if marks.causal {
        push(Feature::Causal, 0.15);
    }
    if marks.compare {
        push(Feature::Comparison, 0.15);
    }
    if marks.future {
        push(Feature::Prediction, 0.1);
    } else if marks.modal {
        push(Feature::Prediction, 0.05);
    }
    if marks.opinion.len() > 1 {
        push(
            Feature::Opinion,
            -(0.05 * (marks.opinion.len() - 1) as f32).min(0.15),
        );
    }
    if marks.first_person {
        push(Feature::FirstPerson, -0.15);
    }
    if (a..b).filter(|&k| s.is_word(k)).count() < 7 {
        push(Feature::Short, -0.1);
    }
    reasons
}

/// Every kind that applies, in priority order (never empty: a plain
/// statement when nothing else applies): quantitative, attributed,
/// prediction, causal, comparison, evaluative.
pub(super) fn kinds(
    an: &Analysis,
    mentions: &[usize],
    marks: &Marks,
    speaker: &Speaker,
) -> Vec<ClaimKind> {
    let quantities = mentions
        .iter()
        .filter(|&&m| matches!(an.mentions[m].label, Label::Quantity | Label::Money))
        .count();
    let mut kinds = Vec::new();
    if quantities > 0 {
        kinds.push(ClaimKind::Quantitative);
    }
    if *speaker != Speaker::Author {
        kinds.push(ClaimKind::Attributed);
    }
    if marks.future || marks.modal {
        kinds.push(ClaimKind::Prediction);
    }
    if marks.causal {
        kinds.push(ClaimKind::Causal);
    }
    if marks.compare {
        kinds.push(ClaimKind::Comparison);
    }
    // One subjective word in a sentence about named things does not make it
    // an opinion; two, or one with nothing concrete, do.
    if marks.opinion.len() >= 2 || (marks.opinion.len() == 1 && mentions.is_empty()) {
        kinds.push(ClaimKind::Evaluative);
    }
    if kinds.is_empty() {
        kinds.push(ClaimKind::Statement);
    }
    kinds
}

/// Hedged when any hedge is present; else attributed only when someone
/// other than the author makes the claim; else asserted.
pub(super) fn certainty(marks: &Marks, speaker: &Speaker) -> Certainty {
    if !marks.hedges.is_empty() {
        Certainty::Hedged
    } else if *speaker != Speaker::Author {
        Certainty::AttributedOnly
    } else {
        Certainty::Asserted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_is_clamped_and_rounded() {
        let r = |w: f32| Reason {
            feature: Feature::Quantity,
            weight: w,
        };
        let cases: &[(&[f32], f32)] = &[
            (&[], 0.05),
            (&[0.45], 0.5),
            (&[0.45, 0.3, 0.35], 1.0),
            (&[-0.5], 0.0),
            (&[0.123], 0.17),
        ];
        for (weights, want) in cases {
            let reasons: Vec<Reason> = weights.iter().map(|&w| r(w)).collect();
            assert_eq!(score(&reasons), *want, "{weights:?}");
        }
    }

    #[test]
    fn kinds_in_priority_order() {
        use crate::analyse_text;
        let cases: &[(&str, &[ClaimKind])] = &[
            (
                "Officials said exports to Ohio rose 4 percent because of lower prices.",
                &[
                    ClaimKind::Quantitative,
                    ClaimKind::Attributed,
                    ClaimKind::Causal,
                    ClaimKind::Comparison,
                ],
            ),
            ("The plant will close in Ohio.", &[ClaimKind::Prediction]),
            ("It is the deepest lake in Asia.", &[ClaimKind::Comparison]),
            ("It paid the interest on time.", &[ClaimKind::Statement]),
            ("The plant closed after a fire.", &[ClaimKind::Statement]),
            (
                "It was a wonderful and memorable evening.",
                &[ClaimKind::Evaluative],
            ),
        ];
        for (text, want) in cases {
            let a = analyse_text(text);
            assert_eq!(a.claims[0].kinds, *want, "{text}");
        }
    }
}
