//! Evaluation against external gold sets (pure: the caller reads the files).
//!
//! - [`attribution`]: who said what — cue, source and speaker figures of the
//!   claims engine, its attribution rules and two baselines on PolNeAR-style
//!   standoff annotations (`claimlens eval attribution DIR`).

//! - [`compare`]: claims aligned with other reports of the same events —
//!   top-alignment accuracy, "no reference" on claims without counterpart
//!   and relation precision, for the comparison engine and TF-IDF baselines
//!   (`claimlens eval compare`).

pub mod attribution;
pub mod compare;
