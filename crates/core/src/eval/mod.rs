//! Evaluation against external gold sets (pure: the caller reads the files).
//!
//! - [`attribution`]: who said what — cue, source and speaker figures of the
//!   claims engine, its attribution rules and two baselines on PolNeAR-style
//!   standoff annotations (`claimlens eval attribution DIR`).

pub mod attribution;
