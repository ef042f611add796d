//! The view state every component reads: the open document, its analysis,
//! and what the reader has chosen (type filters, pinned entity, the mention
//! being looked at). Provided by each [`Viewer`](super::app::Viewer) as context.
//!
//! Signals hold plain data; the analysis itself is immutable and shared.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::analysis::app::pack_source;
pub use crate::analysis::app::LinkDoc;
use crate::analysis::compare::Relation;
use crate::analysis::intake::document_fingerprint;
use crate::analysis::share::{Order, Tab};
use crate::analysis::{label_title, Analysis, Document, Label, LabelSet, Offsets, Span};

/// Everything the components share.
#[derive(Clone)]
pub struct ViewCtx {
    /// The open document.
    pub doc: Arc<Document>,
    /// Its analysis.
    pub analysis: Arc<Analysis>,
    /// The document's byte ⇄ UTF-16 / code point index, built once on first
    /// use ([`ViewCtx::offsets`]): links are written on every pin and filter
    /// toggle, and indexing a long text each time would cost the whole text.
    offsets: Arc<OnceLock<Offsets>>,
    /// The document's fingerprint, computed once ([`ViewCtx::fingerprint`]).
    fingerprint: Arc<OnceLock<u64>>,
    /// Entity types whose highlights are hidden.
    pub hidden: RwSignal<LabelSet>,
    /// The pinned entity (index into `analysis.entities`).
    pub pinned: RwSignal<Option<usize>>,
    /// The current mention of the pinned entity (index into its `mentions`).
    pub cursor: RwSignal<usize>,
    /// The mention whose card is shown (index into `analysis.mentions`).
    pub card: RwSignal<Option<usize>>,
    /// Whether small type badges are shown after each highlight.
    pub badges: RwSignal<bool>,
    /// Text for the polite live region.
    pub announce: RwSignal<String>,
    /// The open side-panel tab.
    pub tab: RwSignal<Tab>,
    /// The selected claim (index into `analysis.claims`).
    pub claim: RwSignal<Option<usize>>,
    /// Passages the reader (or a link) highlighted.
    pub passages: RwSignal<Vec<Span>>,
    /// Embed mode: the article and a collapsible panel, no app chrome.
    pub embed: bool,
    /// Non-blocking messages for the reader: what a link or an import could not restore.
    pub notices: RwSignal<Vec<String>>,
    /// How links name the document.
    pub link_doc: Arc<LinkDoc>,
    /// True when the entities were imported (displaCy JSON), not found by claimlens.
    pub imported: bool,
    /// The header popover that is open: one at a time, Escape closes it.
    pub popover: RwSignal<Option<Popover>>,
    /// What just worked (an import), shown apart from [`ViewCtx::notices`].
    pub done: RwSignal<String>,
    /// Compare: only claims with this relation.
    pub relation: RwSignal<Option<Relation>>,
    /// Compare: only claims by this speaker.
    pub speaker: RwSignal<Option<String>>,
    /// Compare: the order of the claims.
    pub order: RwSignal<Order>,
    /// Claims: every claim, not only the check-worthy ones.
    pub all_claims: RwSignal<bool>,
    /// Sources the reader added in the Compare tab (or a link brought),
    /// in order: what links carry.
    pub sources: RwSignal<Vec<AddedSource>>,
    /// How many sources the Compare tab lists before the added ones (its
    /// reference pack), to number the added ones as it does.
    pub pack_sources: RwSignal<usize>,
    /// Names of added sources the link that opened this view could not
    /// carry: this view's links name them too.
    pub left_out: RwSignal<Vec<String>>,
}

/// A source added in the Compare tab, as links carry it.
#[derive(Clone, Debug, PartialEq)]
pub struct AddedSource {
    /// Its number among added sources (`user-{id}` in the workspace).
    pub id: usize,
    /// Its name in the Compare tab.
    pub name: String,
    /// Its text, exactly as compared.
    pub text: Arc<str>,
    /// Its text packed for links ([`pack_source`]); `None` when it is too
    /// long to travel in one.
    pub packed: Option<Arc<str>>,
}

impl AddedSource {
    /// A source named `name` with `text`, packed for links unless it is
    /// too long to fit whatever it packs to.
    pub fn new(id: usize, name: String, text: &str) -> AddedSource {
        let packed = pack_source(text).map(Arc::from);
        AddedSource {
            id,
            name,
            text: Arc::from(text),
            packed,
        }
    }
}

/// The header's popovers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Popover {
    /// The Open… panel.
    Open,
    /// The Embed box.
    Embed,
}

impl Popover {
    /// The button that opens it (focus returns there when Escape closes it).
    pub fn button(self) -> &'static str {
        match self {
            Popover::Open => ".intake > button",
            Popover::Embed => ".embed-code > button",
        }
    }
}

/// Keep a popover's `shown` signal and [`ViewCtx::popover`] in step: opening
/// it closes any other, and it closes when another opens or Escape is pressed;
/// setting [`ViewCtx::popover`] to it opens it.
pub fn one_popover(popover: RwSignal<Option<Popover>>, me: Popover, shown: RwSignal<bool>) {
    Effect::new(move |_| {
        if popover.get() == Some(me) && !shown.get_untracked() {
            shown.set(true);
        }
    });
    Effect::new(move |_| {
        if shown.get() {
            popover.set(Some(me));
        } else if popover.get_untracked() == Some(me) {
            popover.set(None);
        }
    });
    Effect::new(move |_| {
        if popover.get() != Some(me) && shown.get_untracked() {
            shown.set(false);
        }
    });
}

crate::split_fn! {
    /// How to carry `doc` in links, packing its text (the `pack` chunk: the
    /// DEFLATE compressor is not part of the first download).
    pack, pub fn pack_link_doc(doc: Document) -> LinkDoc {
        LinkDoc::pack(&doc)
    }
}

impl ViewCtx {
    /// A fresh view of `doc` and its analysis, named in links as `link_doc` says.
    pub fn new(doc: Document, analysis: Analysis, link_doc: Arc<LinkDoc>) -> Self {
        ViewCtx {
            link_doc,
            imported: false,
            doc: Arc::new(doc),
            analysis: Arc::new(analysis),
            offsets: Arc::new(OnceLock::new()),
            fingerprint: Arc::new(OnceLock::new()),
            hidden: RwSignal::new(LabelSet::NONE),
            pinned: RwSignal::new(None),
            cursor: RwSignal::new(0),
            card: RwSignal::new(None),
            badges: RwSignal::new(false),
            announce: RwSignal::new(String::new()),
            tab: RwSignal::new(Tab::Entities),
            claim: RwSignal::new(None),
            passages: RwSignal::new(Vec::new()),
            embed: false,
            notices: RwSignal::new(Vec::new()),
            popover: RwSignal::new(None),
            done: RwSignal::new(String::new()),
            relation: RwSignal::new(None),
            speaker: RwSignal::new(None),
            order: RwSignal::new(Order::Position),
            all_claims: RwSignal::new(false),
            sources: RwSignal::new(Vec::new()),
            pack_sources: RwSignal::new(0),
            left_out: RwSignal::new(Vec::new()),
        }
    }

    /// The shared view state (panics outside a [`Viewer`](super::app::Viewer)).
    pub fn get() -> ViewCtx {
        expect_context::<ViewCtx>()
    }

    /// The open document's offsets index, built the first time it is asked for.
    pub fn offsets(&self) -> &Offsets {
        self.offsets.get_or_init(|| self.doc.offsets())
    }

    /// The document text's fingerprint by `hash`, computed the first time
    /// it is asked for (links name a long document by it, and are written
    /// on every pin and filter toggle). A document brought in holds it in
    /// its id ([`document_fingerprint`]): read there, the text is not
    /// hashed again when the viewer mounts and writes its first link.
    pub fn fingerprint(&self, hash: fn(&str) -> u64) -> u64 {
        *self.fingerprint.get_or_init(|| {
            document_fingerprint(&self.doc.id).unwrap_or_else(|| hash(&self.doc.text))
        })
    }

    /// Number of mentions of each label.
    pub fn counts(&self) -> Vec<(Label, usize)> {
        Label::ALL
            .iter()
            .map(|l| {
                let n = self
                    .analysis
                    .mentions
                    .iter()
                    .filter(|m| m.label == *l)
                    .count();
                (*l, n)
            })
            .collect()
    }

    /// Pin entity `e`, starting at its mention `at`, and announce it.
    pub fn pin(&self, e: usize, at: usize) {
        let Some(entity) = self.analysis.entities.get(e) else {
            return;
        };
        let n = entity.mentions.len();
        let at = at.min(n.saturating_sub(1));
        // A hidden type is shown again when one of its entities is pinned.
        if self.hidden.get_untracked().contains(entity.label) {
            self.hidden.update(|h| *h = h.toggled(entity.label));
        }
        let was = self.pinned.get_untracked();
        if self.cursor.get_untracked() != at {
            self.cursor.set(at);
        }
        if was != Some(e) {
            self.pinned.set(Some(e));
        }
        if was != Some(e) {
            let plural = if n == 1 { "mention" } else { "mentions" };
            self.announce.set(format!(
                "{}, {}, {n} {plural}. Press n or p to step through them, Escape to unpin.",
                entity.name,
                label_title(entity.label).to_ascii_lowercase()
            ));
        } else {
            self.announce_position();
        }
    }

    /// Pin the entity of mention `mi`, at that mention.
    pub fn pin_mention(&self, mi: usize) {
        let Some(m) = self.analysis.mentions.get(mi) else {
            return;
        };
        let at = self.analysis.entities[m.entity]
            .mentions
            .iter()
            .position(|&k| k == mi)
            .unwrap_or(0);
        self.pin(m.entity, at);
    }

    /// Unpin whatever is pinned.
    pub fn unpin(&self) {
        if self.pinned.get_untracked().is_some() {
            self.pinned.set(None);
            self.announce.set("Unpinned.".to_string());
        }
    }

    /// Move to the next (`+1`) or previous (`-1`) mention of the pinned entity, wrapping.
    pub fn step(&self, delta: isize) {
        let Some(e) = self.pinned.get_untracked() else {
            return;
        };
        let n = self.analysis.entities[e].mentions.len() as isize;
        if n == 0 {
            return;
        }
        let at = self.cursor.get_untracked() as isize;
        self.cursor.set((at + delta).rem_euclid(n) as usize);
        self.announce_position();
    }

    fn announce_position(&self) {
        if let Some(e) = self.pinned.get_untracked() {
            let n = self.analysis.entities[e].mentions.len();
            let at = self.cursor.get_untracked() + 1;
            self.announce.set(format!("Mention {at} of {n}."));
        }
    }
}
