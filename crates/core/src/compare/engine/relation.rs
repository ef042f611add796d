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
    /// Days between the two documents' dates, where both are known.
    pub(super) days_apart: Option<i64>,
}

/// Whether the text of `span` holds a digit: "two" or "hundreds" agreeing
/// with "two" or "678" says little of whether two statements meet.
fn has_digit(text: &str, span: Span) -> bool {
    span.slice(text).bytes().any(|b| b.is_ascii_digit())
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
    // A figure that agrees with one of the other side's is accounted for:
    // a mismatch it is part of pairs it with another thing ("52 = 52, 35 =
    // 35, eight ≠ 35": "eight" counts something else; "below 9,000" =
    // "below 8,000" beside "8,579.19" ≠ "below 8,000"), and does not make
    // the statement differ. A mismatch of two figures met nowhere else
    // does ("555 = 555" beside "up to 800" ≠ "up to 840"), and so does one
    // whose figure only a figure in words meets ("three" = "up to 840"):
    // that says little.
    let accounts = |o: &ValuePair| {
        o.agrees
            && (agree_closely(&o.claim_value, &o.reference_value)
                || has_digit(&art.doc.text, o.claim) && has_digit(&src.doc.text, o.reference))
    };
    let differs = values.iter().any(|v| {
        !v.agrees
            && !values
                .iter()
                .any(|o| (o.claim == v.claim || o.reference == v.reference) && accounts(o))
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
    // The same movement: "fell 3 %" and "rose 2 %" report two different
    // days (or two different things), neither agreeing nor differing.
    let stmt_tokens = s.first_token..s.end_token;
    let claim_values = claim.mentions.iter().map(|&m| &art.analysis.mentions[m]);
    let stmt_values = rs.mentions.clone().map(|m| &src.analysis.mentions[m]);
    let opposite = setting::opposite(
        setting::direction(&ap.tokens, t0..t1, &art.doc.text, claim_values),
        setting::direction(&sp.tokens, stmt_tokens.clone(), &src.doc.text, stmt_values),
    );
    // The same day: figures that hold for the day of writing ("currently
    // 10,769 points", "lost 1.16 % on Thursday") in reports written more
    // than a day apart are two days' figures, not a contradiction.
    let other_day = setting.days_apart.is_some_and(|d| d > 1)
        && setting::of_the_day(&ap.tokens, t0..t1, &art.doc.text)
        && setting::of_the_day(&sp.tokens, stmt_tokens, &src.doc.text);
    // The same period: where the lengths of time differ ("in the past
    // nine days", "in one day"), the other figures count over different
    // periods ("over 2,000 points", "679 points") and do not conflict.
    let other_period = values
        .iter()
        .any(|v| !v.agrees && v.claim_value.kind() == crate::entities::ValueKind::Duration)
        && values
            .iter()
            .any(|v| !v.agrees && v.claim_value.kind() != crate::entities::ValueKind::Duration);
    let same_setting = same_participants
        && !other_place
        && !opposite
        && !other_day
        && !other_period
        && (!setting.date_conflict || date_differs);
    // Agreeing values make "agrees" where one is written in figures on
    // both sides and they agree closely (not a bound met by a figure, not
    // two approximations a tolerance apart).
    let in_digits =
        |v: &&ValuePair| has_digit(&art.doc.text, v.claim) && has_digit(&src.doc.text, v.reference);
    let close = |v: &ValuePair| agree_closely(&v.claim_value, &v.reference_value);
    // A figure of the same kind met only loosely ("up to 800" / "up to
    // 840": two bounds of one thing) leaves it open whether the
    // statements meet, whatever else agrees.
    let loose = values
        .iter()
        .filter(in_digits)
        .any(|v| v.agrees && !close(v));
    let informative = !loose
        && values
            .iter()
            .filter(in_digits)
            .any(|v| v.agrees && close(v));
    let may_agree = !opposite;
    let relation = if differs {
        if score >= DIFFERS_MIN && same_setting {
            Relation::Differs
        } else {
            Relation::AddsContext
        }
    } else if may_agree && (score >= AGREE_MIN || informative && score >= VALUES_MIN) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn relation(article: &str, source: &str) -> Relation {
        crate::frontcode::install_bundled();
        let mut ws = Workspace::new(crate::Document::from_plain_text("a", "A", article));
        ws.add_user_text("s", "Source", source);
        let c = ws.compare();
        let claim = c.claims.iter().find(|c| !c.alignments.is_empty());
        claim.map_or(Relation::NoReference, |c| c.alignments[0].relation)
    }

    #[test]
    fn differs_only_in_the_same_setting() {
        use Relation::*;
        let mut wrong = Vec::new();
        let dated = |d: &str, s: &str| format!("Markets report\n{d}\n\n{s}");
        let thursday = |pct: &str, close: &str| {
            format!("The Springfield index lost {pct} on Thursday, closing at {close} points.")
        };
        for (article, source, want) in [
            // A conflicting figure of the same thing: differs.
            (
                "The Springfield plant employs 1,200 workers, the company said.".to_string(),
                "The Springfield plant has 800 workers on its payroll.".to_string(),
                Differs,
            ),
            // Opposite movements are two days' reports, not a conflict.
            (
                "The Springfield index fell 3.2% to 4,907 points in heavy trading.".to_string(),
                "The Springfield index rose 2.5% to 5,272 points in heavy trading.".to_string(),
                AddsContext,
            ),
            // Figures of the day, in reports of the same day: differs…
            (
                dated("March 05, 2008", &thursday("3.2%", "4,907")),
                dated("March 05, 2008", &thursday("1.2%", "5,272")),
                Differs,
            ),
            // …written days apart: two days' figures.
            (
                dated("March 05, 2008", &thursday("3.2%", "4,907")),
                dated("March 12, 2008", &thursday("1.2%", "5,272")),
                AddsContext,
            ),
            // Figures over different periods do not conflict.
            (
                "The Springfield index fell over 2,000 points in the past nine days.".to_string(),
                "The Springfield index fell 679 points in one day.".to_string(),
                AddsContext,
            ),
        ] {
            let got = relation(&article, &source);
            (got != want).then(|| wrong.push(format!("{article} / {source}: {got:?}")));
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// "Below" and "above" make the figure after them a bound: a figure
    /// inside it, or another bound in the same direction, does not differ.
    #[test]
    fn bound_words_make_bounds() {
        use Relation::*;
        let mut wrong = Vec::new();
        for (article, source, want) in [
            (
                "The Springfield index fell to below 9,000 points in heavy trading.",
                "The Springfield index fell below 8,000 points in heavy trading.",
                AddsContext,
            ),
            (
                "The Springfield index fell to below 9,000 points in heavy trading.",
                "The Springfield index fell to 8,579 points in heavy trading.",
                AddsContext,
            ),
            (
                "The Springfield index fell to below 9,000 points in heavy trading.",
                "The Springfield index fell to 9,800 points in heavy trading.",
                Differs,
            ),
            (
                "The Springfield index rose to above 9,000 points in heavy trading.",
                "The Springfield index rose above 10,000 points in heavy trading.",
                AddsContext,
            ),
            (
                "The Springfield index rose to 9,000 points in heavy trading.",
                "The Springfield index rose to 10,000 points in heavy trading.",
                Differs,
            ),
        ] {
            let got = relation(article, source);
            (got != want).then(|| wrong.push(format!("{article} / {source}: {got:?}")));
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A range is one value: overlapping ranges, or a figure inside one,
    /// never differ; ranges apart do.
    #[test]
    fn ranges_differ_only_when_apart() {
        use Relation::*;
        let mut wrong = Vec::new();
        let jet = |seats: &str| {
            format!("The Springfield jet will seat {seats} passengers on its first route.")
        };
        for (claim, statement, want) in [
            ("between 200 and 350", "between 210 and 330", AddsContext),
            ("between 210 and 330", "280", AddsContext),
            ("between 210 and 330", "between 210 and 330", Agrees),
            ("between 200 and 250", "between 400 and 450", Differs),
            ("between 200 and 250", "400", Differs),
        ] {
            let got = relation(&jet(claim), &jet(statement));
            (got != want).then(|| wrong.push(format!("{claim} / {statement}: {got:?}")));
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn agrees_on_figures_written_in_digits() {
        use Relation::*;
        let mut wrong = Vec::new();
        for (article, source, want) in [
            (
                "The Springfield plant employs 1,200 workers, the company said.",
                "The Springfield plant has 1,200 workers on its payroll.",
                Agrees,
            ),
            // The same exact sum, whatever the words around it.
            (
                "A US$14 billion bailout for the Springfield automakers failed in the Senate.",
                "The Springfield automakers failed in the Senate after pleading to be given $14 billion in funds.",
                Agrees,
            ),
            // "two" = "two" or "678" = "hundreds" says little.
            (
                "Police in Springfield arrested two suspects after the robbery.",
                "Two suspects were arrested by police in Springfield after the robbery.",
                AddsContext,
            ),
            (
                "The Springfield plant laid off 678 workers after the merger.",
                "The Springfield plant laid off hundreds of workers after the merger.",
                AddsContext,
            ),
            // A bound met by a figure, or two approximations a tolerance
            // apart, say little.
            (
                "The Springfield index climbed over 250 points in heavy trading.",
                "The Springfield index climbed 511.51 points in heavy trading.",
                AddsContext,
            ),
            (
                "The Springfield ceremony was attended by some 400 guests.",
                "The Springfield ceremony was attended by about 500 guests.",
                AddsContext,
            ),
            (
                "The Springfield ceremony was attended by some 480 guests.",
                "The Springfield ceremony was attended by about 500 guests.",
                Agrees,
            ),
            // Two limits stated the same way are the limits themselves:
            // "up to 800" / "up to 840" differ beside "555 = 555".
            (
                "The Springfield jet seats 555 people in three classes or up to 800 people.",
                "The Springfield jet seats 555 people in three classes or up to 840 people.",
                Differs,
            ),
            (
                "The Springfield jet seats 555 people in three classes or up to 840 people.",
                "The Springfield jet seats 555 people in three classes or up to 840 people.",
                Agrees,
            ),
            // A figure met elsewhere is accounted for: "eight" ≠ "35"
            // beside "35 = 35" counts something else.
            (
                "The final Springfield council vote was 52-35, eight short of the 60 needed.",
                "The Springfield council voted the measure down with a vote of 52-35.",
                Agrees,
            ),
            // The same figure of a fall and of a rise: no agreement.
            (
                "The Springfield index fell 3.2% in heavy trading.",
                "The Springfield index rose 3.2% in heavy trading.",
                AddsContext,
            ),
        ] {
            let got = relation(article, source);
            (got != want).then(|| wrong.push(format!("{article} / {source}: {got:?}")));
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
