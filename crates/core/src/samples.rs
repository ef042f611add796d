//! Documents bundled with claimlens.

use super::document::Document;

/// Identifier of the default article.
pub const DEFAULT_ID: &str = "sample-istanbul-2025";

/// The default article's text, verbatim (an opinion piece on the May 2025
/// Russia–Ukraine talks in Istanbul).
pub const DEFAULT_TEXT: &str = include_str!("../../../data/seed-istanbul-2025.txt");

/// The heading claimlens supplies for the default article, which has none of its own.
pub const DEFAULT_TITLE: &str = "Sample article · Russia–Ukraine talks in Istanbul, May 2025";

/// The document shown when the app opens.
///
/// ```
/// let doc = claimlens_core::default_document();
/// assert_eq!(doc.blocks.len(), 11);
/// assert!(doc.title_supplied);
/// ```
pub fn default_document() -> Document {
    let mut doc = Document::from_plain_text(DEFAULT_ID, DEFAULT_TITLE, DEFAULT_TEXT);
    doc.title_supplied = true;
    doc.source = Some("Opinion piece (sample)".to_string());
    doc
}
