//! # claimlens (the web app)
//!
//! A news article with interactive entity highlights and a claim-comparison
//! panel, rendered entirely in the browser.
//!
//! - [`analysis`] is the pure engine and application core, the
//!   `claimlens-core` crate (`crates/core`), re-exported under the name the
//!   web shell has always used for it.
//! - `ui` (feature `web`, on by default) holds the Leptos components and the
//!   effects (fetch, storage, history, chunk loads) that render an analysis
//!   in the page.

pub use claimlens_core as analysis;

#[cfg(feature = "web")]
pub mod ui;
