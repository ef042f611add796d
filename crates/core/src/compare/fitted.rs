//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4194 candidate rows,
//! 397 counterpart rows.

use super::{N_COUNTERPART, N_FEATURES};

/// Ranking weights (logistic) over [`super::FEATURE_NAMES`]: which
/// statement of a source is the best candidate.
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -2.1540, 0.5372, 0.3036, 1.9534, 0.0000, 2.0615, 0.0000, 0.2468, 0.3951, 0.0140, 0.7215, -1.5101, 0.0000, 1.6986, 1.0670, 2.4176, 0.0000, 0.0000, 0.6585, -1.0714, 0.0000, -0.8354,
];
/// Counterpart weights (logistic) over
/// [`super::COUNTERPART_FEATURE_NAMES`]: whether the source states the
/// claim's fact at all.
#[rustfmt::skip]
pub const COUNTERPART_WEIGHTS: [f32; N_COUNTERPART] = [
    -0.8419, 0.4375, 0.0000, -2.0250, 1.5613, 0.0000, 0.0000, 2.6950, 1.7370, 0.0000, -0.4733, 0.3096, 1.4181, 0.0000,
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
