//! # claimlens
//!
//! A news article with interactive entity highlights and a claim-comparison
//! panel, rendered entirely in the browser.
//!
//! - [`analysis`] is pure Rust: documents, spans and (as they land) entities,
//!   claims and comparison. It builds without any web crate
//!   (`--no-default-features`) and powers the `claimlens` CLI.
//! - `ui` (feature `web`, on by default) holds the Leptos components that
//!   render an analysis in the page.

pub mod analysis;

#[cfg(feature = "web")]
pub mod ui;
