//! What the viewer opens: a document, how it came and how links name it;
//! and the document a link names.

use std::sync::Arc;

use crate::intake::document_id;
use crate::share::{pack_text, Decoded, DocRef, ViewState, MAX_LINK};
use crate::{default_document, Analysis, Document, Span, DEFAULT_ID};

/// Prefix of the id that names, in links, a document too long to carry
/// (`local:` and its text's fingerprint in hex): the reader's browser finds
/// it in its Recent documents.
pub const LOCAL: &str = "local:";

/// How links name the open document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkDoc {
    /// By its id: a document bundled with claimlens.
    Bundled,
    /// Carried whole in the link: its text packed once ([`pack_text`]).
    Packed(String),
    /// Too long to carry (packed length, or an estimate): links name it
    /// by a local id and the share control offers a file instead.
    TooLong(usize),
}

impl LinkDoc {
    /// How to carry `doc` in links, when that needs no packing: a bundled
    /// document, or one too long to fit whatever it packs to. `None`: pack
    /// it ([`LinkDoc::pack`]) to know.
    ///
    /// ```
    /// use claimlens_core::app::LinkDoc;
    /// use claimlens_core::{default_document, Document};
    ///
    /// assert_eq!(LinkDoc::quick(&default_document()), Some(LinkDoc::Bundled));
    /// assert_eq!(LinkDoc::quick(&Document::from_plain_text("d", "T", "Short.")), None);
    /// ```
    pub fn quick(doc: &Document) -> Option<LinkDoc> {
        if doc.id == DEFAULT_ID {
            return Some(LinkDoc::Bundled);
        }
        // Text rarely packs smaller than a sixth: skip packing what cannot fit.
        (doc.text.len() > 6 * MAX_LINK).then_some(LinkDoc::TooLong(doc.text.len() / 3))
    }

    /// How to carry a document already packed (by a link that carried it).
    pub fn packed(packed: String, title: &str) -> LinkDoc {
        if packed.len() + title.len() * 3 + 400 > MAX_LINK {
            LinkDoc::TooLong(packed.len())
        } else {
            LinkDoc::Packed(packed)
        }
    }

    /// How to carry `doc` in links, packing its text when it may fit (the
    /// web app runs this in a chunk of its own: the DEFLATE compressor is
    /// not part of its first download).
    pub fn pack(doc: &Document) -> LinkDoc {
        match LinkDoc::quick(doc) {
            Some(l) => l,
            None => LinkDoc::packed(pack_text(&doc.text), &doc.title),
        }
    }
}

/// A document to show, and how it came.
#[derive(Clone, Debug)]
pub struct Opening {
    /// The document.
    pub doc: Document,
    /// Its analysis, once made, or when it came with it.
    pub analysis: Option<Analysis>,
    /// True when the analysis holds entities found elsewhere (imported
    /// displaCy JSON), not by claimlens.
    pub imported: bool,
    /// The view a link asked for.
    pub link: Option<Decoded>,
    /// Messages to show once it is open.
    pub notices: Vec<String>,
    /// What worked, to say once it is open (apart from the notices).
    pub done: String,
    /// Passages to highlight once it is open (imported with it).
    pub passages: Vec<Span>,
    /// True when the page should get a new history entry for it (the
    /// application core's [`History`](super::history) reads it when it is
    /// mounted).
    pub push: bool,
    /// How links name it, once known.
    pub link_doc: Option<Arc<LinkDoc>>,
}

impl Opening {
    /// A document opened by the reader: claimlens analyses it, and the
    /// page gets a history entry for it.
    pub fn document(doc: Document) -> Self {
        Opening {
            doc,
            analysis: None,
            imported: false,
            link: None,
            notices: Vec::new(),
            done: String::new(),
            passages: Vec::new(),
            push: true,
            link_doc: None,
        }
    }

    /// The opening a link names (at start, or on back / forward): the
    /// document it carries or names — the sample article when it names none
    /// this claimlens can open, with a problem saying so — and the view it
    /// asks for. A document named by a local id ([`local_id`]) is looked up
    /// by the application core; until then it is the sample article.
    ///
    /// ```
    /// use claimlens_core::app::Opening;
    /// use claimlens_core::share::decode;
    ///
    /// let o = Opening::from_link(decode("v=1&d=no-such-doc"));
    /// assert_eq!(o.doc.id, claimlens_core::DEFAULT_ID);
    /// assert_eq!(o.link.unwrap().problems.len(), 1);
    /// ```
    pub fn from_link(mut link: Decoded) -> Self {
        let doc = match &link.state.doc {
            DocRef::Bundled(id) if id == DEFAULT_ID || id.starts_with(LOCAL) => default_document(),
            DocRef::Bundled(id) => {
                link.problems.push(format!(
                    "this claimlens has no document called {id:?}; the sample article opened instead"
                ));
                link.state.doc = DocRef::Bundled(DEFAULT_ID.to_string());
                default_document()
            }
            DocRef::Inline { title, text } => {
                let m = &link.state.meta;
                let mut doc = Document::from_plain_text(
                    &document_id(text),
                    title.as_deref().unwrap_or("Shared document"),
                    text,
                );
                doc.title_supplied = title.is_some() && m.title_supplied;
                doc.byline = m.byline.clone();
                doc.date = m.date.clone();
                doc.source = m.publication.clone();
                doc.url = m.url.clone();
                doc
            }
        };
        // A document the link carried is named in the viewer's links as the
        // link packed it.
        let link_doc = match (&link.packed, &link.state.doc) {
            (Some(p), DocRef::Inline { .. }) => {
                Some(Arc::new(LinkDoc::packed(p.clone(), &doc.title)))
            }
            _ => None,
        };
        Opening {
            link: Some(link),
            push: false,
            link_doc,
            ..Opening::document(doc)
        }
    }
}

/// The fingerprint of the document a link names by local id (one too long
/// to carry, kept in the reader's Recent documents), if it names one.
pub fn local_id(link: &Decoded) -> Option<&str> {
    match &link.state.doc {
        DocRef::Bundled(id) => id.strip_prefix(LOCAL),
        DocRef::Inline { .. } => None,
    }
}

/// The local id links give a document with text fingerprint `fingerprint`.
pub fn local_ref(fingerprint: u64) -> DocRef {
    DocRef::Bundled(format!("{LOCAL}{fingerprint:016x}"))
}

/// What a link naming a local document that is not in Recent documents
/// opens instead (the default view of the sample article), and says so.
pub fn local_missing(link: &mut Decoded) {
    let named = match &link.state.meta.title {
        Some(t) => format!(" (“{t}”)"),
        None => String::new(),
    };
    link.problems.push(format!(
        "this link names a document{named} opened from a file on another visit, too long to travel in a link; open that file again (the sample article opened instead)"
    ));
    link.state = ViewState::default();
}
