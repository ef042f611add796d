//! Alignment weights and thresholds fitted on dev data by
//! `claimlens train compare` (crates/cli/src/compare_eval.rs), which
//! rewrites this file. Do not edit by hand.
//!
//! Fitted on data/eval/compare/events.jsonl (split dev): 4076 candidate rows.

use super::N_FEATURES;

/// Logistic weights over [`super::FEATURE_NAMES`].
#[rustfmt::skip]
pub const WEIGHTS: [f32; N_FEATURES] = [
    -2.8656, 1.0277, 0.6007, 3.7085, 0.0000, 2.0035, 0.0000, 0.9073, 0.0715, -0.0230, 0.3957, -1.0611, 0.0000,
];
/// A statement is aligned with a claim from this probability.
pub const ALIGN_MIN: f32 = 0.67;
/// An aligned statement without a differing value "agrees" from this
/// probability (below it, it "adds context").
pub const AGREE_MIN: f32 = 0.98;
/// Compared values decide "agrees" or "differs" from this probability
/// (below it, the statement "adds context").
pub const VALUES_MIN: f32 = 0.81;
