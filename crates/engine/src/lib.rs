//! claimlens' analysis engine, over plain text: spans, tokens and sentences
//! with the language layer, entities and claims.
//!
//! Nothing here touches the web, the file system or the clock, and the crate
//! has no features and no target-specific code. The application core
//! (`claimlens-core`: documents, comparison, share links, intake, the
//! application state machine) builds on it and re-exports every module, so users of the core
//! name these items as `claimlens_core::…`. The engine is a crate of its own
//! so that it alone is compiled for speed (the workspace's `Cargo.toml`):
//! the browser's first download carries the application core, compiled for
//! size, and fetches the engine later.
//!
//! Positions are UTF-8 byte offsets ([`Span`]); [`Offsets`] converts them to
//! UTF-16 code units for the DOM and to code points for exported annotations.
//!
//! The engine reads its word lists as data installed at run time
//! ([`frontcode::install`]; natively [`frontcode::install_bundled`]), so the
//! browser's first download does not carry them.

#![deny(missing_docs)]

pub mod claims;
pub mod entities;
pub mod frontcode;
pub mod hash;
pub mod order;
pub mod span;
pub mod text;
pub mod weights;

pub use claims::{Certainty, Claim, ClaimKind, Feature, PerUnit, Reason, Speaker, CHECKWORTHY};
pub use entities::{
    Analysis, Entity, Label, Mention, Op, Relation, RelationKind, Role, Value, ValueKind,
};
pub use span::{Offsets, Span};

/// Analyse a text: sentences, entity mentions and entities
/// ([`entities::extract_text`]), then the claims that rest on them
/// ([`claims::find`]).
pub fn analyse_text(text: &str) -> Analysis {
    let mut a = entities::extract_text(text);
    a.claims = claims::find(text, &a);
    a
}

/// Analyse a text whose entities were found elsewhere (displaCy JSON,
/// say): `spans` become its entities ([`entities::from_spans`]) and the
/// claims are found on them as [`analyse_text`] would.
pub fn analyse_text_with_entities(text: &str, spans: &[(Span, Label)]) -> Analysis {
    let mut a = entities::from_spans(text, spans);
    a.claims = claims::find(text, &a);
    a
}
