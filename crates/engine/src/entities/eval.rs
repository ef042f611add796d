//! Scoring predicted mentions against gold mentions: strict (exact span and
//! label) and lenient (overlapping span and same label) precision, recall
//! and F1, per label and micro-averaged.
//!
//! Optional gold spans are neither rewarded nor penalised: a prediction that
//! matches one (by the same criterion) is dropped from both sides, and an
//! unmatched optional gold span is not a miss. Gold labels outside the
//! product's scheme (ORDINAL, TIME, FAC, …) are ignored, and so are
//! predictions that overlap them.
//!
//! ```
//! use claimlens_engine::entities::eval::{score, Span};
//! use claimlens_engine::Label;
//!
//! let gold = vec![vec![Span::new(0, 6, Label::Place), Span::new(10, 14, Label::Org)]];
//! let pred = vec![vec![Span::new(0, 6, Label::Place), Span::new(10, 13, Label::Org)]];
//! let s = score(&gold, &pred);
//! assert_eq!(s.strict.micro.f1(), 0.5);
//! assert_eq!(s.lenient.micro.f1(), 1.0);
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use super::Label;

/// A labelled span in code points (or any unit, as long as gold and prediction agree).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Start (inclusive).
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Label; `None` for gold labels outside the scheme, which are ignored.
    pub label: Option<Label>,
    /// Optional gold mention.
    pub optional: bool,
}

impl Span {
    /// A required span with a label.
    pub fn new(start: usize, end: usize, label: Label) -> Self {
        Span {
            start,
            end,
            label: Some(label),
            optional: false,
        }
    }
}

/// True-positive, false-positive and false-negative counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Matched.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall (1 when gold is empty).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Counts per label and micro-averaged.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Table {
    /// Per label.
    pub per_label: BTreeMap<Label, Counts>,
    /// All labels together.
    pub micro: Counts,
}

/// Strict and lenient scores.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Scores {
    /// Exact span and label.
    pub strict: Table,
    /// Overlapping span and same label.
    pub lenient: Table,
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn score_doc(gold: &[Span], pred: &[Span], strict: bool, table: &mut Table) {
    let same = |g: &Span, p: &Span| {
        g.label == p.label
            && if strict {
                g.start == p.start && g.end == p.end
            } else {
                overlaps(g, p)
            }
    };
    // Predictions overlapping an out-of-scheme gold span are ignored.
    let pred: Vec<&Span> = pred
        .iter()
        .filter(|p| !gold.iter().any(|g| g.label.is_none() && overlaps(g, p)))
        .collect();
    let mut used_gold = vec![false; gold.len()];
    let mut counts: BTreeMap<Label, Counts> = BTreeMap::new();
    for p in &pred {
        let Some(label) = p.label else { continue };
        // Prefer a required gold match, then an optional one.
        let hit = (0..gold.len())
            .filter(|&i| !used_gold[i] && same(&gold[i], p))
            .min_by_key(|&i| gold[i].optional);
        match hit {
            Some(i) => {
                used_gold[i] = true;
                if !gold[i].optional {
                    counts.entry(label).or_default().tp += 1;
                }
            }
            None => counts.entry(label).or_default().fp += 1,
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if let (false, false, Some(l)) = (used_gold[i], g.optional, g.label) {
            counts.entry(l).or_default().fn_ += 1;
        }
    }
    for (l, c) in counts {
        table.per_label.entry(l).or_default().add(c);
        table.micro.add(c);
    }
}

/// Score documents: `gold[i]` against `pred[i]`.
pub fn score(gold: &[Vec<Span>], pred: &[Vec<Span>]) -> Scores {
    let mut s = Scores::default();
    for (i, g) in gold.iter().enumerate() {
        let p = pred.get(i).map(Vec::as_slice).unwrap_or(&[]);
        score_doc(g, p, true, &mut s.strict);
        score_doc(g, p, false, &mut s.lenient);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_and_unmapped() {
        let opt = Span {
            optional: true,
            ..Span::new(20, 25, Label::Norp)
        };
        let ordinal = Span {
            label: None,
            ..Span::new(30, 35, Label::Quantity)
        };
        let gold = vec![vec![Span::new(0, 5, Label::Person), opt, ordinal]];
        // Predicting the optional one and something over the ORDINAL costs nothing.
        let pred = vec![vec![
            Span::new(0, 5, Label::Person),
            Span::new(20, 25, Label::Norp),
            Span::new(30, 35, Label::Quantity),
        ]];
        let s = score(&gold, &pred);
        assert_eq!(
            s.strict.micro,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        // Missing the optional one costs nothing either.
        let s = score(&gold, &[vec![Span::new(0, 5, Label::Person)]]);
        assert_eq!(s.strict.micro.f1(), 1.0);
        // A wrong label is a false positive and a miss.
        let s = score(&gold, &[vec![Span::new(0, 5, Label::Org)]]);
        assert_eq!(
            s.strict.micro,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }
}
