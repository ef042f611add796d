//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4069 candidate rows.

use super::N_FEATURES;

/// Logistic weights over [`super::FEATURE_NAMES`].
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -1.8713, 0.5785, 0.2599, 2.1840, 0.0000, 1.8877, 0.0000, 0.2988, 0.3788, 0.0029, 0.7441, -1.3752, 0.0000, 1.6470, 1.0698, 2.7270, 0.0000, 0.0000, 0.5829, -1.0525, 0.0000, -1.2926,
];
/// A statement is aligned with a claim from this probability.
pub const ALIGN_MIN: f32 = 0.67;
/// An aligned statement without a differing value "agrees" from this
/// probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 0.99;
/// Compared values decide "agrees" or "differs" from this probability
/// (below it, the statement "adds context").
pub const VALUES_MIN: f32 = 0.67;
