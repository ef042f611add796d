//! Leptos components that render a [`Document`](crate::analysis::Document)
//! and its analysis in the page, and the shell that performs what the
//! application core asks for.
//!
//! Components stay thin: they render plain data computed by
//! [`crate::analysis`] and never analyse text themselves.
//!
//! - [`app`]: the page shell — header, article column, side panel — and
//!   the page-wide keys (n/p/j/k, Escape).
//! - [`state`]: the shared view state (filters, pinned entity, card).
//! - [`article`]: the document's title and blocks, with highlights;
//!   [`dom`]: document offsets ⇄ DOM positions; [`passage`]: passage links.
//! - [`legend`], [`pinbar`], [`card`], [`entity_list`]: filters, the pinned
//!   entity's stepper, the hover/focus card, the entity list.
//! - [`claims_panel`], [`compare_panel`]: the Claims and Compare tabs;
//!   [`panel`]: the side panel's facts about the open document.
//! - [`theme`]: light/dark scheme toggle.
//! - [`url`]: the only module that touches `location` / `history`: the view
//!   state in the URL fragment, back / forward (what to write, the
//!   application core decides); [`share`]: the copy-link button and the
//!   exports; [`embed`]: embedding claimlens in other sites.
//! - [`intake`]: paste, open or drop an article (text, Markdown, saved page), `?src=`, recent documents.
//! - [`receive`]: the bookmarklet's receiving end (`?recv=1`): one page
//!   from the tab that opened claimlens.
//! - [`open`]: the shell that performs the application core's effects
//!   ([`crate::analysis::app`]: which document opens next) and mounts the
//!   viewer; [`events`]: how everything else dispatches to it;
//!   [`import`]: the Import control.
//! - [`fatal`]: the readable error banner shown when something fails.
//! - [`lazy`]: what is loaded only when first needed (separate wasm chunks);
//!   [`engine`]: the analysis engine, loaded with the first document that needs it;
//!   [`warm`]: what idle time after the first paint prepares (the engine,
//!   the Compare tab's first comparison).

pub mod app;
pub mod article;
pub mod card;
pub mod claims_panel;
pub mod compare_panel;
pub mod dom;
pub mod embed;
pub mod engine;
pub mod entity_list;
pub mod events;
pub mod fatal;
pub mod import;
pub mod intake;
pub mod lazy;
pub mod legend;
pub mod open;
pub mod panel;
pub mod passage;
pub mod pinbar;
pub mod receive;
pub mod share;
pub mod state;
pub mod theme;
pub mod url;
pub mod warm;

/// Install the panic hook and mount the app into `<body>`.
///
/// Called by the wasm entry point (`src/main.rs`).
pub fn start() {
    fatal::install_panic_hook();
    open::start();
}
