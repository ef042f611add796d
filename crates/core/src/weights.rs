//! The model files the engine and the application core read: the CLW1
//! container and the engine's models come from `claimlens-engine`
//! ([`claimlens_engine::weights`]); this adds the comparison's background
//! IDF ([`crate::compare::background`]), so one list names every file the
//! web app fetches beside `lexicons.txt`.

pub use claimlens_engine::weights::{
    feature_hash, fnv1a64, fnv1a64_continue, quantise, write, Weights, WeightsError,
};

use claimlens_engine::weights as engine;

/// Every model file, by the name the web app fetches it under and
/// `claimlens web-data` writes it. The files live in `data/weights/`.
pub const FILES: [&str; 3] = ["checkworthy.clw", "ner.clw", "idf.clw"];

/// The weights this crate was built with, by file name (see [`FILES`]): what
/// native callers install ([`install_bundled`]). A browser build that never
/// calls it does not carry them (the linker drops them).
pub fn bundled(name: &str) -> Option<&'static [u8]> {
    match name {
        "idf.clw" => Some(include_bytes!("../../../data/weights/idf.clw")),
        _ => engine::bundled(name),
    }
}

/// Install the model file `name` (one of [`FILES`]) from its bytes. False
/// when the name is unknown or the bytes are not a valid model of that
/// kind; once a model is installed, later calls change nothing.
///
/// ```
/// use claimlens_core::weights;
/// assert!(weights::install_bundled());
/// assert!(!weights::install("nonsense.clw", b"CLW1"));
/// ```
pub fn install(name: &str, bytes: &[u8]) -> bool {
    match name {
        "idf.clw" => crate::compare::background::install(bytes),
        _ => engine::install(name, bytes),
    }
}

/// Install every model this crate was built with ([`bundled`]).
pub fn install_bundled() -> bool {
    FILES
        .iter()
        .all(|n| bundled(n).is_some_and(|b| install(n, b)))
}
