//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4069 candidate rows.

use super::N_FEATURES;

/// Logistic weights over [`super::FEATURE_NAMES`].
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -1.8898, 0.5693, 0.2553, 2.1741, 0.0000, 1.9012, 0.0000, 0.3039, 0.2076, 0.0064, 0.7403, -1.3750, 0.0000, 1.6425, 1.0736, 2.7167, 0.0000, 0.0000, 0.5983, -0.9740, 0.0000, -1.2860,
];
/// A statement is aligned with a claim from this probability.
pub const ALIGN_MIN: f32 = 0.66;
/// An aligned statement without a differing value "agrees" from this
/// probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 0.99;
/// Compared values decide "agrees" or "differs" from this probability
/// (below it, the statement "adds context").
pub const VALUES_MIN: f32 = 0.82;
