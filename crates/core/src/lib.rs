//! claimlens' pure engine: documents and spans, tokens and sentences,
//! entities, claims, comparison, the share-link codec, interop formats and
//! the intake of pasted text, files and saved pages.
//!
//! Nothing here touches the web, the file system or the clock, and the crate
//! has no features and no target-specific code: the same code runs in the
//! browser (wasm) and in the `claimlens` command-line tool (`crates/cli`).
//!
//! Positions are UTF-8 byte offsets ([`Span`]); [`Offsets`] converts them to
//! UTF-16 code units for the DOM and to code points for exported annotations.
//!
//! The engine reads its word lists as data installed at run time
//! ([`frontcode::install`]; natively [`frontcode::install_bundled`]), so the
//! browser's first download does not carry them.

#![deny(missing_docs)]

pub mod app;
pub mod chunked;
pub mod claims;
pub mod compare;
mod document;
pub mod entities;
pub mod eval;
pub mod frontcode;
pub mod hash;
pub mod intake;
pub mod order;
pub mod prerender;
mod samples;
pub mod share;
mod span;
pub mod text;
mod view;
pub mod weights;
pub mod wire;

pub use claims::{Certainty, Claim, ClaimKind, Feature, PerUnit, Reason, Speaker, CHECKWORTHY};
pub use compare::{Alignment, ClaimAlignments, Comparison, SourceMeta, Workspace};
pub use document::{count_quotations, count_words, split_blocks, Block, BlockKind, Document};
pub use entities::{
    Analysis, Entity, Label, Mention, Op, Relation, RelationKind, Role, Value, ValueKind,
};
pub use samples::{default_document, DEFAULT_ID, DEFAULT_TEXT, DEFAULT_TITLE};
pub use span::{Offsets, Span};
pub use view::{
    bidi_marker_title, bidi_notice, bidi_runs, count_bidi_controls, has_bidi_controls,
    label_description, label_key, label_title, pieces, LabelSet, Piece, Run,
};

/// Analyse a document: sentences, entity mentions and entities
/// ([`entities::extract`]), then the claims that rest on them ([`claims::find`]).
pub fn analyse(doc: &Document) -> Analysis {
    let mut a = entities::extract(doc);
    a.claims = claims::find(&doc.text, &a);
    a
}

/// Analyse a document whose entities were found elsewhere (displaCy JSON,
/// say): `spans` become its entities ([`entities::from_spans`]) and the
/// claims are found on them as [`analyse`] would.
pub fn analyse_with_entities(doc: &Document, spans: &[(Span, Label)]) -> Analysis {
    let mut a = entities::from_spans(&doc.text, spans);
    a.claims = claims::find(&doc.text, &a);
    a
}
