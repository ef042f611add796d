//! claimlens' pure engine and application core: documents and spans, tokens
//! and sentences, entities, claims (those from `claimlens-engine`, re-exported
//! here under the same paths), comparison, the share-link codec, interop
//! formats, the intake of pasted text, files and saved pages, and the
//! application state machine.
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
pub mod compare;
mod document;
pub mod eval;
pub mod frontcode;
pub mod intake;
pub mod prerender;
mod samples;
pub mod share;
mod view;
pub mod weights;
pub mod wire;

// The engine's modules, under the paths they had when they lived here.
use claimlens_engine::span;
pub use claimlens_engine::{claims, entities, hash, order, text};

pub use claimlens_engine::{
    analyse_text, Analysis, Certainty, Claim, ClaimKind, Entity, Feature, Label, Mention, Offsets,
    Op, PerUnit, Reason, Relation, RelationKind, Role, Span, Speaker, Value, ValueKind,
    CHECKWORTHY,
};
pub use compare::{Alignment, ClaimAlignments, Comparison, SourceMeta, Workspace};
pub use document::{count_quotations, count_words, split_blocks, Block, BlockKind, Document};
pub use samples::{default_document, DEFAULT_ID, DEFAULT_TEXT, DEFAULT_TITLE};
pub use view::{
    batch_starts, bidi_marker_title, bidi_notice, bidi_runs, count_bidi_controls,
    has_bidi_controls, label_description, label_key, label_title, pieces, LabelSet, Piece, Run,
};

/// Analyse a document: sentences, entity mentions and entities
/// ([`entities::extract_text`]), then the claims that rest on them
/// ([`claims::find`]).
pub fn analyse(doc: &Document) -> Analysis {
    claimlens_engine::analyse_text(&doc.text)
}

/// Analyse a document whose entities were found elsewhere (displaCy JSON,
/// say): `spans` become its entities ([`entities::from_spans`]) and the
/// claims are found on them as [`analyse`] would.
pub fn analyse_with_entities(doc: &Document, spans: &[(Span, Label)]) -> Analysis {
    claimlens_engine::analyse_text_with_entities(&doc.text, spans)
}
