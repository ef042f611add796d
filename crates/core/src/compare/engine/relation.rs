//! The relation of an aligned statement to a claim ("agrees", "differs",
//! "adds context") with its evidence, and a claim's summary relation.

use super::*;

/// A claim's relation from its sources' (each source once): "agrees" or
/// "differs", whichever the sources support more strongly (summed scores;
/// a tie is "agrees": two agreeing sources outweigh one weak mismatch),
/// else "adds context" when any source met it, else "no reference".
pub(in crate::compare) fn summary(alignments: &[Alignment]) -> Relation {
    let support = |r: Relation| -> f32 {
        alignments
            .iter()
            .filter(|a| a.relation == r)
            .map(|a| a.score)
            .sum()
    };
    let (d, a) = (support(Relation::Differs), support(Relation::Agrees));
    if d > 0.0 && d > a {
        Relation::Differs
    } else if a > 0.0 {
        Relation::Agrees
    } else if alignments.is_empty() {
        Relation::NoReference
    } else {
        Relation::AddsContext
    }
}

/// What says whether a claim and a statement have the same setting: both
/// give dates and none agree; which clusters name places.
pub(super) struct Setting<'a> {
    pub(super) date_conflict: bool,
    pub(super) places: &'a [u32],
}

/// Build the alignment with its evidence.
#[allow(clippy::too_many_arguments)]
pub(super) fn explain(
    art: &Source,
    ap: &Prep,
    claim: &crate::Claim,
    cclusters: &[u32],
    src: &Source,
    sp: &Prep,
    rs: &RefSent,
    score: f32,
    e: f32,
    l: f32,
    values: Vec<ValuePair>,
    vocab: &Vocab,
    setting: Setting,
) -> Alignment {
    let mut shared: Vec<SharedEntity> = Vec::new();
    let mut shared_ids: Vec<u32> = Vec::new();
    let mut source_only = Vec::new();
    for m in rs.mentions.clone() {
        let Some(c) = sp.cluster[m] else { continue };
        let span = src.analysis.mentions[m].span;
        if cclusters.binary_search(&c).is_err() {
            source_only.push(span);
            continue;
        }
        if let Some(k) = shared_ids.iter().position(|&x| x == c) {
            shared[k].source_spans.push(span);
            continue;
        }
        shared_ids.push(c);
        let claim_mentions: Vec<usize> = claim
            .mentions
            .iter()
            .copied()
            .filter(|&cm| ap.cluster.get(cm).copied().flatten() == Some(c))
            .collect();
        let name = claim_mentions
            .first()
            .map(|&cm| {
                art.analysis
                    .entity_of(&art.analysis.mentions[cm])
                    .name
                    .clone()
            })
            .unwrap_or_default();
        shared.push(SharedEntity {
            name,
            claim_spans: claim_mentions
                .iter()
                .map(|&cm| art.analysis.mentions[cm].span)
                .collect(),
            source_spans: vec![span],
        });
    }
    // Shared terms.
    let t0 = token_at(&ap.tokens, claim.span.start);
    let t1 = token_at(&ap.tokens, claim.span.end);
    let mut cterms: Vec<u32> = (t0..t1).filter_map(|i| ap.terms[i]).collect();
    cterms.sort_unstable();
    cterms.dedup();
    let s = &src.analysis.sentences[rs.sentence];
    let mut st: Vec<u32> = (s.first_token..s.end_token.min(sp.tokens.len()))
        .filter_map(|i| sp.terms[i])
        .filter(|t| cterms.binary_search(t).is_ok())
        .collect();
    st.sort_unstable();
    st.dedup();
    let claim_only = claim
        .entities(&art.analysis)
        .filter(|&cm| {
            ap.cluster
                .get(cm)
                .copied()
                .flatten()
                .is_none_or(|c| !shared_ids.contains(&c))
        })
        .map(|cm| art.analysis.mentions[cm].span)
        .collect();
    // A statement whose figures of one kind partly agree with the claim's
    // lines up with it; its other figures of that kind count other things
    // ("52 = 52, 35 = 35, eight ≠ 35"): they do not make it differ.
    let differs = values.iter().any(|v| {
        !v.agrees
            && !values
                .iter()
                .any(|o| o.agrees && o.claim_value.kind() == v.claim_value.kind())
    });
    // "Differs" only within the same setting: where both give dates, one
    // agrees (unless a date is what differs); where both name places, they
    // share one.
    let is_place = |c: &u32| setting.places.binary_search(c).is_ok();
    let claim_places = cclusters.iter().any(is_place);
    let statement_places: Vec<u32> = rs
        .mentions
        .clone()
        .filter_map(|m| sp.cluster[m])
        .filter(is_place)
        .collect();
    let other_place = claim_places
        && !statement_places.is_empty()
        && !statement_places
            .iter()
            .any(|c| cclusters.binary_search(c).is_ok());
    let date_differs = values.iter().any(|v| {
        !v.agrees
            && matches!(
                v.claim_value.kind(),
                crate::entities::ValueKind::Date | crate::entities::ValueKind::Year
            )
    });
    // And only about the same participants: where the claim names someone
    // or something, the statement names one of them too ("6,000 bodies"
    // of another exchange is not the claim's "1,000 prisoners").
    let same_participants = cclusters.is_empty() || !shared_ids.is_empty();
    let same_setting =
        same_participants && !other_place && (!setting.date_conflict || date_differs);
    let relation = if differs {
        if score >= DIFFERS_MIN && same_setting {
            Relation::Differs
        } else {
            Relation::AddsContext
        }
    } else if score >= AGREE_MIN || !values.is_empty() && score >= VALUES_MIN {
        Relation::Agrees
    } else {
        Relation::AddsContext
    };
    Alignment {
        source: rs.source,
        sentence: rs.sentence,
        span: rs.span,
        relation,
        score,
        entity_score: e,
        lexical: l,
        shared,
        shared_terms: st
            .iter()
            .map(|&t| vocab.words[t as usize].clone())
            .collect(),
        values,
        source_only,
        claim_only,
    }
}
