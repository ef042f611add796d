//! The Compare tab's claim list, computed: which claims the filters keep,
//! in which order, in which groups. The web shell only renders it.
//!
//! ```
//! use claimlens_core::compare::{list, ListQuery, Workspace};
//! use claimlens_core::share::Order;
//! use claimlens_core::Document;
//! # claimlens_core::frontcode::install_bundled();
//! let doc = Document::from_plain_text("a", "A", "Mayor Ann Lee said the budget is $12 million. \
//!     The council met on Monday to discuss the plan.");
//! let mut ws = Workspace::new(doc.clone());
//! ws.add_user_text("m", "Minutes", "The council's budget is $9 million.");
//! let cmp = ws.compare();
//! let analysis = ws.article().analysis.clone();
//! let all = list(&cmp, &analysis, &doc.text, &ListQuery::default());
//! assert_eq!(all.len(), 1, "one unnamed group unless grouped by speaker");
//! assert_eq!(all[0].1.len(), cmp.claims.len());
//! let q = ListQuery { speaker: Some("Ann Lee".into()), order: Order::Speaker, ..Default::default() };
//! let by_lee = list(&cmp, &analysis, &doc.text, &q);
//! assert_eq!(by_lee[0].0, "Ann Lee");
//! ```

use super::{Comparison, Relation};
use crate::share::Order;
use crate::{Analysis, Speaker};

/// What the list shows: the filters and the order (as a link carries them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListQuery {
    /// Only claims with this summary relation.
    pub relation: Option<Relation>,
    /// Only claims of this speaker, as [`Speaker::display`] names them.
    pub speaker: Option<String>,
    /// Only claims that name this entity (index into the entities) or are
    /// said by it: the pinned entity.
    pub entity: Option<usize>,
    /// Text order, most check-worthy first, or grouped by speaker.
    pub order: Order,
}

/// True when claim `claim` names entity `e` or is said by it.
pub fn claim_names_entity(analysis: &Analysis, claim: usize, e: usize) -> bool {
    let c = &analysis.claims[claim];
    matches!(c.speaker, Speaker::Entity { entity, .. } if entity == e)
        || c.mentions
            .iter()
            .any(|&m| analysis.mentions.get(m).is_some_and(|m| m.entity == e))
}

/// The list: groups of indices into `cmp.claims`, each with its heading
/// (the speaker when ordered by speaker, in order of their first claim;
/// else one group with an empty heading). No group when nothing matches.
/// Ordered by score, ties keep text order.
pub fn list(
    cmp: &Comparison,
    analysis: &Analysis,
    text: &str,
    q: &ListQuery,
) -> Vec<(String, Vec<usize>)> {
    let speaker = |k: usize| analysis.claims[cmp.claims[k].claim].speaker.display(text);
    let mut keep: Vec<usize> = (0..cmp.claims.len())
        .filter(|&k| {
            let ca = &cmp.claims[k];
            q.relation.is_none_or(|r| ca.relation == r)
                && q.speaker
                    .as_deref()
                    .is_none_or(|s| s.is_empty() || speaker(k) == s)
                && q.entity
                    .is_none_or(|e| claim_names_entity(analysis, ca.claim, e))
        })
        .collect();
    if q.order == Order::Score {
        let score = |k: &usize| analysis.claims[cmp.claims[*k].claim].score;
        // Stable: equal scores keep text order.
        crate::order::sort_by_key(&mut keep, |k| !u64::from(crate::order::f32_key(score(k))));
    }
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for k in keep {
        let name = if q.order == Order::Speaker {
            speaker(k)
        } else {
            String::new()
        };
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => v.push(k),
            None => groups.push((name, vec![k])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Workspace;
    use crate::Document;

    fn setup() -> (Document, Analysis, Comparison) {
        crate::frontcode::install_bundled();
        let doc = Document::from_plain_text(
            "a",
            "A",
            "Mayor Ann Lee said the budget is $12 million. Officials said the bridge \
             will open in 2027. Ann Lee said 40 police officers will be hired. \
             The council met on Monday.",
        );
        let mut ws = Workspace::new(doc.clone());
        ws.add_user_text(
            "m",
            "Minutes",
            "The budget is $9 million. The bridge opens in 2027.",
        );
        let cmp = ws.compare();
        (doc, ws.article().analysis.clone(), cmp)
    }

    #[test]
    fn filters_orders_and_groups() {
        let (doc, a, cmp) = setup();
        let n = cmp.claims.len();
        let q = |relation, speaker: Option<&str>, order| ListQuery {
            relation,
            speaker: speaker.map(str::to_string),
            entity: None,
            order,
        };
        let flat = |g: Vec<(String, Vec<usize>)>| -> Vec<usize> {
            g.into_iter().flat_map(|(_, v)| v).collect()
        };
        // Text order, everything.
        let all = flat(list(&cmp, &a, &doc.text, &q(None, None, Order::Position)));
        assert_eq!(all, (0..n).collect::<Vec<_>>());
        // By score: a permutation, scores never rise, ties in text order.
        let by = flat(list(&cmp, &a, &doc.text, &q(None, None, Order::Score)));
        let score = |k: usize| a.claims[cmp.claims[k].claim].score;
        assert_eq!(by.len(), n);
        for w in by.windows(2) {
            assert!(score(w[0]) > score(w[1]) || (score(w[0]) == score(w[1]) && w[0] < w[1]));
        }
        // A relation filter keeps exactly that relation.
        for r in &Relation::ALL {
            let got = flat(list(
                &cmp,
                &a,
                &doc.text,
                &q(Some(*r), None, Order::Position),
            ));
            let want: Vec<usize> = (0..n).filter(|&k| cmp.claims[k].relation == *r).collect();
            assert_eq!(got, want, "{r:?}");
        }
        // Grouped by speaker: one group per speaker, first-claim order.
        let groups = list(&cmp, &a, &doc.text, &q(None, None, Order::Speaker));
        let names: Vec<&str> = groups.iter().map(|(s, _)| s.as_str()).collect();
        let mut seen = Vec::new();
        for k in 0..n {
            let s = a.claims[cmp.claims[k].claim].speaker.display(&doc.text);
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        assert_eq!(names, seen.iter().map(String::as_str).collect::<Vec<_>>());
        // A speaker no claim has: nothing.
        assert!(list(
            &cmp,
            &a,
            &doc.text,
            &q(None, Some("Nobody"), Order::Position)
        )
        .is_empty());
    }

    #[test]
    fn the_pinned_entity_keeps_its_claims() {
        let (doc, a, cmp) = setup();
        let lee = a.entities.iter().position(|e| e.name == "Ann Lee").unwrap();
        let q = ListQuery {
            entity: Some(lee),
            ..Default::default()
        };
        let got: Vec<usize> = list(&cmp, &a, &doc.text, &q)
            .into_iter()
            .flat_map(|(_, v)| v)
            .collect();
        assert!(!got.is_empty());
        for k in got {
            assert!(claim_names_entity(&a, cmp.claims[k].claim, lee));
        }
    }
}
