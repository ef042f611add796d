//! The native side of claimlens: adapters that exist only outside the
//! browser, shared by the `claimlens` command and the native tests.
//!
//! - [`parse_html`]: html5ever's DOM walked into the core's
//!   [`Tree`](claimlens_core::intake::Tree), the native counterpart of the
//!   browser's `DOMParser` (the core's intake takes either as a function).

mod html;

pub use html::parse_html;
