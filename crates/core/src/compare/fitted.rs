//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4187 candidate rows,
//! 358 counterpart rows.

use super::{N_COUNTERPART, N_FEATURES};

/// Ranking weights (logistic) over [`super::FEATURE_NAMES`]: which
/// statement of a source is the best candidate.
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -1.5672, 0.5719, -0.1552, 2.0638, 0.0000, 1.8828, 0.0000, 0.5801, 0.2997, -0.0459, 0.5495, -1.6380, 0.0000, 1.6684, 1.4244, 2.2366, 0.0000, 0.0000, 0.0000, -1.0516, 0.0000, -1.2742,
];
/// Counterpart weights (logistic) over
/// [`super::COUNTERPART_FEATURE_NAMES`]: whether the source states the
/// claim's fact at all.
#[rustfmt::skip]
pub const COUNTERPART_WEIGHTS: [f32; N_COUNTERPART] = [
    -0.9553, 0.3929, 0.0000, -1.1641, 1.5653, 0.0000, 0.0000, 2.8103, 1.6913, 0.0000, -0.2170, 0.4628, 1.0123, 0.0000, -0.9492,
];
/// A source's best statement is aligned with a claim from this
/// counterpart probability.
pub const COUNTERPART_MIN: f32 = 0.29;
/// An aligned statement without a differing value "agrees" from this
/// counterpart probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 1.01;
/// Agreeing values make the statement "agree" from this counterpart
/// probability (below it, it "adds context").
pub const VALUES_MIN: f32 = 0.29;
/// A differing value makes the statement "differ" from this
/// counterpart probability (below it, it "adds context").
pub const DIFFERS_MIN: f32 = 0.29;
