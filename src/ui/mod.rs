//! Leptos components that render a [`Document`](crate::analysis::Document)
//! (and, as they land, its analysis) in the page.
//!
//! Components stay thin: they render plain data computed by
//! [`crate::analysis`] and never analyse text themselves.
//!
//! - [`app`]: the page shell — header, article column, side panel.
//! - [`article`]: the document's title and blocks.
//! - [`theme`]: light/dark scheme toggle.
//! - [`fatal`]: the readable error banner shown when something fails.

pub mod app;
pub mod article;
pub mod fatal;
pub mod panel;
pub mod theme;

/// Install the panic hook and mount the app into `<body>`.
///
/// Called by the wasm entry point (`src/main.rs`).
pub fn start() {
    fatal::install_panic_hook();
    leptos::mount::mount_to_body(app::App);
    fatal::mark_started();
}
