//! Bring your own article: bytes, text, Markdown or a saved web page in, a
//! [`Document`] out — with clear errors for what cannot be opened and
//! notices for what the user should know.
//!
//! The pipeline is pure. HTML is parsed outside it — by the browser's
//! `DOMParser` (which runs no script and fetches nothing) in the web app, by
//! html5ever in the CLI (`claimlens_cli::parse_html`) — and handed in as a
//! [`Tree`] built with `open` / `attr` / `text` / `close` calls.
//!
//! In the browser, the walker over a `DOMParser` document is a plain
//! depth-first loop (sketch, with `web_sys`):
//!
//! ```text
//! fn walk(node: &web_sys::Node, tree: &mut Tree) {
//!     match node.node_type() {
//!         Node::ELEMENT_NODE => {
//!             let el: &Element = node.unchecked_ref();
//!             tree.open(&el.local_name());
//!             let attrs = el.attributes();
//!             for i in 0..attrs.length() {
//!                 if let Some(a) = attrs.item(i) { tree.attr(&a.name(), &a.value()); }
//!             }
//!             let mut c = node.first_child();
//!             while let Some(n) = c { walk(&n, tree); c = n.next_sibling(); }
//!             tree.close();
//!         }
//!         Node::TEXT_NODE | Node::CDATA_SECTION_NODE => tree.text(&node.node_value().unwrap_or_default()),
//!         _ => {} // comments, processing instructions, doctype
//!     }
//! }
//! // DOMParser::new()?.parse_from_string(&source, SupportedType::TextHtml)?
//! //   .document_element() -> walk(...)
//! ```
//!
//! (`<template>` content lives in a separate fragment and is not a child;
//! nothing is lost by that.) Depth is capped at [`MAX_DEPTH`]
//! elements; recursion in the walker is bounded the same way by the
//! parser's own nesting limits, or use an explicit stack.
//!
//! The whole pipeline, with the parser passed in:
//!
//! ```
//! use claimlens_core::intake::{intake_text, Notice, SourceKind, Tree};
//!
//! // A page, already walked into a tree by the caller's HTML parser.
//! let html_to_tree = |_: &str| {
//!     let mut t = Tree::new();
//!     t.open("title");
//!     t.text("Bridge reopens | The Valley Post");
//!     t.close();
//!     t.open("nav");
//!     t.text("Home News Sport");
//!     t.close();
//!     t.open("article");
//!     for p in ["The bridge reopened on Monday, two weeks after the flood, officials said.",
//!               "Traffic was light in the morning, but queues formed by noon, as expected."] {
//!         t.open("p");
//!         t.text(p);
//!         t.close();
//!     }
//!     t.close();
//!     t
//! };
//! let got = intake_text("page.html", "<!doctype html>…", &html_to_tree).unwrap();
//! assert_eq!(got.kind, SourceKind::Html);
//! assert_eq!(got.document.title, "Bridge reopens");
//! assert_eq!(got.document.blocks.len(), 2);
//! assert!(!got.document.text.contains("Sport"));
//! assert!(got.notices.is_empty());
//! ```

mod decode;
mod extract;
mod lang;
mod lead;
mod markdown;
mod meta;
mod remote;
mod store;
mod tree;

pub use decode::{check_size, decode, detect_kind, Decoded, IntakeError, SourceKind, MAX_BYTES};
pub use extract::{extract, Extracted};
pub use lang::{english_share, likely_english};
pub use lead::{byline, is_date_line, looks_like_title, read_lead, Lead};
pub use markdown::{inline as markdown_inline, markdown_to_text};
pub use meta::{clean_title, read_meta, Meta};
pub use remote::{src_request, SrcRequest};
pub use store::{
    add_recent, decode_recent, encode_recent, RecentList, StoredDoc, MAX_ENTRIES, MAX_STORE_BYTES,
};
pub use tree::{Node, NodeKind, Tree, KEPT_ATTRS, MAX_DEPTH};

use super::document::Document;

/// Something the user should be told about a document that did open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Invalid UTF-8 was replaced with U+FFFD.
    Replaced,
    /// The text seems not to be English.
    NotEnglish,
    /// No article stood out in the page; all its visible text was taken.
    NoArticle,
}

impl Notice {
    /// A sentence for the user.
    pub fn message(self) -> &'static str {
        match self {
            Notice::Replaced => "Some bytes were not valid UTF-8 and were replaced with \u{FFFD}.",
            Notice::NotEnglish => {
                "This text does not look like English: it is analysed, but entities and claims are tuned for English."
            }
            Notice::NoArticle => {
                "No main article stood out in this page, so all of its visible text is shown."
            }
        }
    }
}

/// A document brought in, with what the user should know about it.
#[derive(Clone, Debug)]
pub struct Intake {
    /// The document.
    pub document: Document,
    /// What it came in as.
    pub kind: SourceKind,
    /// Notices, in the order found.
    pub notices: Vec<Notice>,
}

/// A stable id for a text: `doc-` and its 64-bit FNV-1a hash
/// ([`crate::hash`], the engine's: compiled for speed, a 5 MB file's id is
/// part of the turn that reads it) in hex. Links name a document too long
/// to carry by this hash ([`document_fingerprint`]).
pub fn document_id(text: &str) -> String {
    format!("doc-{:016x}", crate::hash::fnv1a64(text.as_bytes()))
}

/// The text hash a [`document_id`] holds, if `id` is one: what links name
/// a document too long to carry by, read back without hashing its text
/// again (a 5 MB text's hash is a long task of its own).
pub fn document_fingerprint(id: &str) -> Option<u64> {
    let hex = id.strip_prefix("doc-")?;
    if hex.len() != 16 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

/// A title when the source gives none: the file name without its extension,
/// else the first words of the text.
fn supplied_title(name: &str, text: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).trim();
    if !stem.is_empty() {
        return stem.to_string();
    }
    let first = text
        .lines()
        .map(|l| l.trim_start_matches(['#', '>', '•', ' ']).trim())
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().take(10).collect();
    let mut t = words.join(" ");
    if first.split_whitespace().count() > 10 {
        t.push('…');
    }
    if t.is_empty() {
        "Untitled document".to_string()
    } else {
        t
    }
}

/// A source read into its parts, before its blocks are split: the first
/// of the two steps of [`intake_text`]. The web app takes a long file's
/// two steps on turns of their own ([`Prepared::finish`] splits a 5 MB
/// text into blocks), so the page is never held for both.
#[derive(Clone, Debug)]
pub struct Prepared {
    kind: SourceKind,
    notices: Vec<Notice>,
    name: String,
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    site: Option<String>,
    url: Option<String>,
    body: String,
    id: String,
    english: bool,
}

/// Bring in a text of a known or detected kind. `name` is the file name
/// ("" for pasted text); `parse_html` turns HTML source into a [`Tree`].
pub fn intake_text(
    name: &str,
    text: &str,
    parse_html: &dyn Fn(&str) -> Tree,
) -> Result<Intake, IntakeError> {
    prepare_text(name, text, parse_html).map(Prepared::finish)
}

/// The first step of [`intake_text`]: the source's kind, its article,
/// title, byline, date and language (everything but the blocks).
pub fn prepare_text(
    name: &str,
    text: &str,
    parse_html: &dyn Fn(&str) -> Tree,
) -> Result<Prepared, IntakeError> {
    let kind = detect_kind(name, text);
    let mut notices = Vec::new();
    let mut url = None;
    let (title, byline, date, site, body) = match kind {
        SourceKind::Html => {
            let ex = extract(&parse_html(text));
            if !ex.found_article {
                notices.push(Notice::NoArticle);
            }
            let m = ex.meta;
            url = m.url;
            (m.title, m.byline, m.date, m.site, ex.text)
        }
        SourceKind::Markdown => {
            let (title, body) = markdown_to_text(text);
            let lead = read_lead(&body, title.is_none());
            (
                title.or(lead.title),
                lead.byline,
                lead.date,
                None,
                lead.body,
            )
        }
        SourceKind::Text => {
            let lead = read_lead(text, true);
            (lead.title, lead.byline, lead.date, None, lead.body)
        }
    };
    if body.trim().is_empty() {
        return Err(if text.trim().is_empty() {
            IntakeError::Empty
        } else {
            IntakeError::NoText
        });
    }
    let english = likely_english(&body);
    if !english {
        notices.push(Notice::NotEnglish);
    }
    Ok(Prepared {
        kind,
        notices,
        name: name.to_string(),
        title,
        byline,
        date,
        site,
        url,
        id: document_id(&body),
        body,
        english,
    })
}

impl Prepared {
    /// The second step of [`intake_text`]: the document, its blocks split.
    pub fn finish(self) -> Intake {
        let supplied = self.title.is_none();
        let title = (self.title).unwrap_or_else(|| supplied_title(&self.name, &self.body));
        let mut document = Document::from_plain_text(&self.id, &title, &self.body);
        document.title_supplied = supplied;
        document.byline = self.byline;
        document.date = self.date;
        document.source = self.site;
        document.url = self.url;
        if !self.english {
            document.language = "und".to_string();
        }
        Intake {
            document,
            kind: self.kind,
            notices: self.notices,
        }
    }
}

/// Bring in a file's bytes: [`decode`], then [`intake_text`].
pub fn intake_bytes(
    name: &str,
    bytes: &[u8],
    parse_html: &dyn Fn(&str) -> Tree,
) -> Result<Intake, IntakeError> {
    prepare_bytes(name, bytes, parse_html).map(Prepared::finish)
}

/// The first step of [`intake_bytes`]: [`decode`], then [`prepare_text`].
pub fn prepare_bytes(
    name: &str,
    bytes: &[u8],
    parse_html: &dyn Fn(&str) -> Tree,
) -> Result<Prepared, IntakeError> {
    let d = decode(name, bytes)?;
    let mut got = prepare_text(name, &d.text, parse_html)?;
    if d.replaced {
        got.notices.insert(0, Notice::Replaced);
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_ids_hold_the_texts_fnv_hash() {
        // The values the byte-at-a-time loop gave: ids kept in Recent
        // documents and links made before stay the same.
        for (text, id) in [("", "doc-cbf29ce484222325"), ("a", "doc-af63dc4c8601ec8c")] {
            assert_eq!(document_id(text), id);
        }
        for text in ["", "a", "Two words.", "Ünïcode text, five bytes+"] {
            let h = crate::hash::fnv1a64(text.as_bytes());
            assert_eq!(document_fingerprint(&document_id(text)), Some(h));
        }
    }

    #[test]
    fn fingerprints_are_read_only_from_document_ids() {
        for (id, want) in [
            ("doc-cbf29ce484222325", Some(0xcbf2_9ce4_8422_2325)),
            ("doc-00000000000000ff", Some(0xff)),
            ("doc-CBF29CE484222325", Some(0xcbf2_9ce4_8422_2325)),
            ("doc-cbf29ce48422232", None),
            ("doc-cbf29ce4842223250", None),
            ("doc-+bf29ce484222325", None),
            ("doc-cbf29ce48422232g", None),
            ("sample-istanbul-2025", None),
            ("cbf29ce484222325", None),
            ("", None),
        ] {
            assert_eq!(document_fingerprint(id), want, "{id}");
        }
    }
}
