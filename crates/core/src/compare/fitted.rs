//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4069 candidate rows.

use super::N_FEATURES;

/// Logistic weights over [`super::FEATURE_NAMES`].
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -1.9002, 0.5709, 0.2664, 2.1936, 0.0000, 1.9085, 0.0000, 0.3230, -0.0716, -0.0005, 0.7743, -1.3741, 0.0000, 1.6276, 1.0610, 2.7503, 0.0000, 0.0000, 0.5984, -0.8589, 0.0000, -1.2847,
];
/// A statement is aligned with a claim from this probability.
pub const ALIGN_MIN: f32 = 0.65;
/// An aligned statement without a differing value "agrees" from this
/// probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 0.99;
/// Compared values decide "agrees" or "differs" from this probability
/// (below it, the statement "adds context").
pub const VALUES_MIN: f32 = 0.66;
