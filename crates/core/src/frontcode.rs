//! The engine's word lists ([`claimlens_engine::frontcode`], re-exported),
//! with [`install_bundled`] widened to every model file of this crate
//! ([`crate::weights::FILES`]: the engine's and the comparison's).

pub use claimlens_engine::frontcode::{bundle, install, is_installed};

/// Install the lexicons and every model's weights this crate was built with
/// ([`bundle`], [`crate::weights::bundled`]): what a native caller (the CLI,
/// a test, a benchmark) does before analysing or comparing.
///
/// ```
/// assert!(claimlens_core::frontcode::install_bundled());
/// assert!(claimlens_core::frontcode::is_installed());
/// ```
pub fn install_bundled() -> bool {
    claimlens_engine::frontcode::install_bundled() & crate::weights::install_bundled()
}
