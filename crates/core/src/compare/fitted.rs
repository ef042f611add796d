//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4187 candidate rows,
//! 412 counterpart rows.

use super::{N_COUNTERPART, N_FEATURES};

/// Ranking weights (logistic) over [`super::FEATURE_NAMES`]: which
/// statement of a source is the best candidate.
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -1.5751, 0.5664, -0.1597, 2.0578, 0.0000, 1.8903, 0.0000, 0.6608, 0.0554, -0.0435, 0.5557, -1.6345, 0.0000, 1.6665, 1.4194, 2.2309, 0.0000, 0.0000, 0.0000, -0.9698, 0.0000, -1.2755,
];
/// Counterpart weights (logistic) over
/// [`super::COUNTERPART_FEATURE_NAMES`]: whether the source states the
/// claim's fact at all.
#[rustfmt::skip]
pub const COUNTERPART_WEIGHTS: [f32; N_COUNTERPART] = [
    -0.6218, 0.5069, 0.0000, -1.2127, 1.1740, 0.0000, 0.0000, 2.3665, 1.4798, 0.0000, -0.4514, 0.3239, 0.9233, 0.0000, -1.1049,
];
/// A source's best statement is aligned with a claim from this
/// counterpart probability.
pub const COUNTERPART_MIN: f32 = 0.31;
/// An aligned statement without a differing value "agrees" from this
/// counterpart probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 1.01;
/// Agreeing values make the statement "agree" from this counterpart
/// probability (below it, it "adds context").
pub const VALUES_MIN: f32 = 0.31;
/// A differing value makes the statement "differ" from this
/// counterpart probability (below it, it "adds context").
pub const DIFFERS_MIN: f32 = 0.31;
