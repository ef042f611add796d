//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4069 candidate rows,
//! 403 counterpart rows.

use super::{N_COUNTERPART, N_FEATURES};

/// Ranking weights (logistic) over [`super::FEATURE_NAMES`]: which
/// statement of a source is the best candidate.
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -1.8713, 0.5785, 0.2599, 2.1840, 0.0000, 1.8877, 0.0000, 0.2988, 0.3788, 0.0029, 0.7441, -1.3752, 0.0000, 1.6470, 1.0698, 2.7270, 0.0000, 0.0000, 0.5829, -1.0525, 0.0000, -1.2926,
];
/// Counterpart weights (logistic) over
/// [`super::COUNTERPART_FEATURE_NAMES`]: whether the source states the
/// claim's fact at all.
#[rustfmt::skip]
pub const COUNTERPART_WEIGHTS: [f32; N_COUNTERPART] = [
    -1.0016, 0.4514, 0.0000, -1.5632, 1.4381, 0.0000, 0.0000, 2.6648, 1.7572, 0.0000, -0.4707, 0.1268, 1.3930, 0.0000,
];
/// A source's best statement is aligned with a claim from this
/// counterpart probability.
pub const COUNTERPART_MIN: f32 = 0.30;
/// An aligned statement without a differing value "agrees" from this
/// counterpart probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 1.01;
/// Agreeing values make the statement "agree" from this counterpart
/// probability (below it, it "adds context").
pub const VALUES_MIN: f32 = 0.30;
/// A differing value makes the statement "differ" from this
/// counterpart probability (below it, it "adds context").
pub const DIFFERS_MIN: f32 = 0.30;
