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
    -1.5774, 0.5647, -0.1591, 2.0556, 0.0000, 1.8908, 0.0000, 0.6619, 0.0552, -0.0424, 0.5559, -1.6298, 0.0000, 1.6680, 1.4213, 2.2306, 0.0000, 0.0000, 0.0000, -0.9698, 0.0000, -1.2767,
];
/// Counterpart weights (logistic) over
/// [`super::COUNTERPART_FEATURE_NAMES`]: whether the source states the
/// claim's fact at all.
#[rustfmt::skip]
pub const COUNTERPART_WEIGHTS: [f32; N_COUNTERPART] = [
    -0.6258, 0.5047, 0.0000, -1.2095, 1.1828, 0.0000, 0.0000, 2.3768, 1.4890, 0.0000, -0.4541, 0.3240, 0.9243, 0.0000, -1.1027,
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
