//! The reader's workspace: the document shown (the base, whose claims are
//! compared) and the documents added in the Compare tab. Any of them can
//! become the base; the one shown before then becomes a source like the
//! others, and the link says so.
//!
//! A change of base opens a document as any other does (the event
//! [`open_rebased`] makes of the [`Opening`] [`rebase`] returns: a base
//! links cannot carry is kept in Recent documents first): the viewer of
//! the new base restores the rest of the workspace from the opening's
//! view, exactly as it would from the link it then writes, so a fresh
//! browser given that link shows the same comparison.

use std::sync::Arc;

use super::{Event, LinkDoc, Opening, Taken};
use crate::intake::{document_id, SourceKind, StoredDoc};
use crate::share::{pack_text, Decoded, DocRef, SharedSource, Tab, ViewState, MAX_LINK};
use crate::{default_document, Document, DEFAULT_ID};

/// A document of the workspace as links carry it: its name, its text and
/// that text packed for links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkDoc {
    /// Its name in the Compare tab (a base's title).
    pub name: String,
    /// Its text, exactly as compared.
    pub text: String,
    /// Its text packed for links ([`pack_source`]); `None` when it is too
    /// long to travel in one (links then name it as left out, and say so).
    pub packed: Option<String>,
}

impl WorkDoc {
    /// A document named `name` with `text`, packed for links when it fits.
    pub fn new(name: &str, text: &str) -> WorkDoc {
        WorkDoc {
            name: name.to_string(),
            text: text.to_string(),
            packed: pack_source(text),
        }
    }
}

/// `text` packed for links ([`pack_text`]), unless it is too long to fit
/// in one whatever it packs to.
///
/// ```
/// use claimlens_core::app::pack_source;
/// use claimlens_core::share::unpack_text;
///
/// let p = pack_source("Officials said 40 trucks crossed.").unwrap();
/// assert_eq!(unpack_text(&p, 1000).unwrap(), "Officials said 40 trucks crossed.");
/// assert_eq!(pack_source(&"x".repeat(300_000)), None);
/// ```
pub fn pack_source(text: &str) -> Option<String> {
    // Text rarely packs smaller than a sixth (as `LinkDoc::quick`).
    (text.len() <= 6 * MAX_LINK)
        .then(|| pack_text(text))
        .filter(|p| p.len() < MAX_LINK)
}

/// Make the added document `chosen` (an index into `sources`) the base of
/// the workspace whose base now is `base`: the [`Opening`] to dispatch
/// ([`super::Event::Open`]), or `None` when there is no such document.
///
/// With `keep_base`, the old base takes the chosen document's place among
/// the sources (so choosing it again gives back the workspace as it was);
/// without, it leaves the workspace (the reader removed it). The bundled
/// article opens as itself, with its reference pack, whichever way it
/// came back.
///
/// `view` is the view to keep (hidden types, labels, the Claims tab's
/// choice, the order of the Compare list) and the names of sources the
/// workspace could not carry in links; what belongs to the old base (its
/// document, pinned entity, claim, highlights, speaker and relation
/// filters) is not kept, and the Compare tab is open.
///
/// ```
/// use claimlens_core::app::{rebase, WorkDoc};
/// use claimlens_core::share::{DocRef, ViewState};
///
/// let base = WorkDoc::new("Wire", "Officials said on Monday that 40 trucks had crossed.");
/// let others = [WorkDoc::new("Daily", "Forty-two trucks crossed on Monday, officials said.")];
/// let o = rebase(&base, &others, 0, true, ViewState::default()).unwrap();
/// assert_eq!(o.doc.title, "Daily");
/// let state = &o.link.as_ref().unwrap().state;
/// assert!(matches!(&state.doc, DocRef::Inline { title: Some(t), .. } if t == "Daily"));
/// assert_eq!(state.sources[0].name, "Wire");
/// ```
pub fn rebase(
    base: &WorkDoc,
    sources: &[WorkDoc],
    chosen: usize,
    keep_base: bool,
    view: ViewState,
) -> Option<Opening> {
    let new = sources.get(chosen)?;
    let rest: Vec<&WorkDoc> = sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match i == chosen {
            false => Some(s),
            true if keep_base => Some(base),
            true => None,
        })
        .collect();
    let sample = default_document();
    let bundled = new.text == sample.text;
    let (doc, doc_ref, packed, link_doc) = if bundled {
        (
            sample,
            DocRef::Bundled(DEFAULT_ID.to_string()),
            None,
            Some(Arc::new(LinkDoc::Bundled)),
        )
    } else {
        // As a link carrying it opens it (`Opening::from_link`).
        let doc = Document::from_plain_text(&document_id(&new.text), &new.name, &new.text);
        let link_doc = new
            .packed
            .as_ref()
            .map(|p| Arc::new(LinkDoc::packed(p.clone(), &doc.title)));
        let doc_ref = DocRef::Inline {
            title: Some(new.name.clone()),
            text: new.text.clone(),
        };
        (doc, doc_ref, new.packed.clone(), link_doc)
    };
    let state = ViewState {
        doc: doc_ref,
        tab: Some(Tab::Compare),
        hidden: view.hidden,
        order: view.order,
        all_claims: view.all_claims,
        badges: view.badges,
        embed: view.embed,
        sources: rest
            .iter()
            .map(|s| SharedSource {
                name: s.name.clone(),
                text: s.text.clone(),
            })
            .collect(),
        left_out: view.left_out,
        ..ViewState::default()
    };
    let n = rest.len();
    let done = format!(
        "{} is now the base: its claims are compared with {n} other document{}{}.",
        new.name,
        if n == 1 { "" } else { "s" },
        if bundled {
            " and the reference pack"
        } else {
            ""
        }
    );
    let link = Decoded {
        state,
        packed,
        // Not packed: too long to travel in a link (the viewer leaves it out).
        packed_sources: rest
            .iter()
            .map(|s| s.packed.clone().unwrap_or_default())
            .collect(),
        ..Decoded::default()
    };
    Some(Opening {
        link: Some(link),
        done,
        link_doc,
        ..Opening::document(doc)
    })
}

/// The event that opens `opening` (made by [`rebase`]) at `now`
/// (milliseconds since the epoch): a base that links cannot carry is also
/// kept in Recent documents, so that the links naming it by a local id
/// reopen it in this browser.
pub fn open_rebased(opening: Opening, now: u64) -> Event {
    if matches!(
        opening.link_doc.as_deref(),
        Some(LinkDoc::Bundled | LinkDoc::Packed(_))
    ) {
        return Event::Open(Box::new(opening));
    }
    let stored = StoredDoc::from_document(&opening.doc, SourceKind::Text, now);
    Event::Took {
        ticket: None,
        taken: Ok(Box::new(Taken { opening, stored })),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{update, Effect, Event, State};
    use super::*;
    use crate::share::{decode, encode_with, Order};
    use crate::{Analysis, DEFAULT_TEXT};

    fn docs() -> (WorkDoc, Vec<WorkDoc>) {
        (
            WorkDoc::new(
                "A",
                "Officials in Nairobi said on Monday that 40 trucks had crossed.",
            ),
            vec![
                WorkDoc::new("B", "Forty-two trucks crossed the border on Monday."),
                WorkDoc::new("C", "The convoy of 40 trucks waited three days."),
            ],
        )
    }

    /// The workspace an opening shows: its base and its sources, by name.
    fn names(o: &Opening) -> (String, Vec<String>) {
        let s = &o.link.as_ref().unwrap().state;
        (
            o.doc.title.clone(),
            s.sources.iter().map(|s| s.name.clone()).collect(),
        )
    }

    fn own(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn any_document_can_be_the_base_and_the_old_one_takes_its_place() {
        let (a, others) = docs();
        let cases = [
            (0, true, ("B", own(&["A", "C"]))),
            (1, true, ("C", own(&["B", "A"]))),
            (0, false, ("B", own(&["C"]))),
            (1, false, ("C", own(&["B"]))),
        ];
        for (chosen, keep, (base, rest)) in cases {
            let o = rebase(&a, &others, chosen, keep, ViewState::default()).unwrap();
            assert_eq!(names(&o), (base.to_string(), rest), "{chosen} {keep}");
            let d = o.link.as_ref().unwrap();
            assert_eq!(d.state.tab, Some(Tab::Compare));
            assert_eq!(d.packed, others[chosen].packed);
            assert_eq!(d.packed_sources.len(), d.state.sources.len());
            assert_eq!(o.doc.text, others[chosen].text);
            assert!(o.push && o.analysis.is_none());
        }
        assert!(rebase(&a, &others, 2, true, ViewState::default()).is_none());
    }

    #[test]
    fn choosing_the_old_base_again_gives_back_the_workspace() {
        let (a, others) = docs();
        let o = rebase(&a, &others, 1, true, ViewState::default()).unwrap();
        let d = o.link.unwrap();
        let back_base = WorkDoc {
            name: o.doc.title.clone(),
            text: o.doc.text.clone(),
            packed: d.packed.clone(),
        };
        let back_sources: Vec<WorkDoc> = d
            .state
            .sources
            .iter()
            .zip(&d.packed_sources)
            .map(|(s, p)| WorkDoc {
                name: s.name.clone(),
                text: s.text.clone(),
                packed: Some(p.clone()),
            })
            .collect();
        let again = rebase(&back_base, &back_sources, 1, true, ViewState::default()).unwrap();
        assert_eq!(again.doc.text, a.text);
        assert_eq!(names(&again), ("A".to_string(), own(&["B", "C"])));
    }

    #[test]
    fn the_bundled_article_comes_back_as_itself() {
        let (_, others) = docs();
        let sample = default_document();
        let as_source = WorkDoc::new(&sample.title, DEFAULT_TEXT);
        let base = others[0].clone();
        let o = rebase(
            &base,
            &[as_source, others[1].clone()],
            0,
            true,
            ViewState::default(),
        )
        .unwrap();
        assert_eq!(o.doc.id, DEFAULT_ID);
        assert_eq!(o.link_doc.as_deref(), Some(&LinkDoc::Bundled));
        let d = o.link.unwrap();
        assert_eq!(d.state.doc, DocRef::Bundled(DEFAULT_ID.into()));
        assert!(o.done.ends_with("and the reference pack."), "{}", o.done);
    }

    #[test]
    fn the_view_kept_is_the_reader_s_not_the_old_base_s() {
        let (a, others) = docs();
        let view = ViewState {
            badges: true,
            all_claims: true,
            order: Order::Score,
            pinned: Some("person:x".into()),
            speaker: Some("Officials".into()),
            left_out: own(&["big.txt"]),
            ..ViewState::default()
        };
        let o = rebase(&a, &others, 0, true, view).unwrap();
        let s = o.link.unwrap().state;
        assert!(s.badges && s.all_claims && s.order == Order::Score);
        assert_eq!((s.pinned, s.speaker), (None, None));
        assert_eq!(s.left_out, own(&["big.txt"]));
    }

    #[test]
    fn a_document_too_long_for_a_link_stays_in_the_workspace_unpacked() {
        let (a, mut others) = docs();
        others[1].packed = None;
        let o = rebase(&a, &others, 0, true, ViewState::default()).unwrap();
        let d = o.link.unwrap();
        assert_eq!(d.packed_sources[0], a.packed.clone().unwrap());
        assert_eq!(d.packed_sources[1], "", "not packed: left out of links");
        // A base too long for a link is named for links once packed.
        others[0].packed = None;
        let o = rebase(&a, &others, 0, true, ViewState::default()).unwrap();
        assert!(o.link_doc.is_none());
    }

    /// The link the new base's viewer writes opens the same workspace in a
    /// browser that has nothing else: the same document, the same sources.
    #[test]
    fn the_link_of_the_new_base_reopens_the_same_workspace() {
        let (a, others) = docs();
        let o = rebase(&a, &others, 0, true, ViewState::default()).unwrap();
        let d = o.link.clone().unwrap();
        let packed: Vec<&str> = d.packed_sources.iter().map(String::as_str).collect();
        let link = encode_with(&d.state, d.packed.as_deref(), &packed);
        let fresh = Opening::from_link(decode(&link));
        assert_eq!(
            (&fresh.doc.id, &fresh.doc.title, &fresh.doc.text),
            (&o.doc.id, &o.doc.title, &o.doc.text)
        );
        assert_eq!(fresh.link_doc, o.link_doc);
        let got = fresh.link.unwrap();
        assert!(got.problems.is_empty(), "{:?}", got.problems);
        assert_eq!(got.state, d.state);
        assert_eq!(got.packed_sources, d.packed_sources);
    }

    /// A base links cannot carry is kept in Recent documents first.
    #[test]
    fn a_base_too_long_for_a_link_is_kept_in_recent_documents() {
        let (a, mut others) = docs();
        let cases = [(true, "open"), (false, "remember")];
        for (packed, want) in cases {
            if !packed {
                others[0].packed = None;
            }
            let o = rebase(&a, &others, 0, true, ViewState::default()).unwrap();
            let mut state = State::default();
            let effects = update(&mut state, open_rebased(o, 5));
            let got = match &effects[..] {
                [Effect::Analyse { .. }] => "open",
                [Effect::Remember { doc, .. }]
                    if doc.text == others[0].text && doc.saved_at == 5 =>
                {
                    "remember"
                }
                _ => panic!("{effects:?}"),
            };
            assert_eq!(got, want);
        }
    }

    /// It opens as any document does: analysed, then mounted with a
    /// history entry of its own and its workspace.
    #[test]
    fn it_opens_through_the_application_core() {
        let (a, others) = docs();
        let o = rebase(&a, &others, 0, true, ViewState::default()).unwrap();
        let mut state = State::default();
        let effects = update(&mut state, Event::Open(Box::new(o)));
        assert!(
            matches!(&effects[..], [Effect::Analyse { .. }]),
            "{effects:?}"
        );
        let ticket = state.latest();
        let effects = update(
            &mut state,
            Event::Analysed {
                ticket,
                analysis: Analysis::default(),
            },
        );
        let [Effect::Mount(m)] = &effects[..] else {
            panic!("{effects:?}");
        };
        assert!(m.push);
        assert_eq!(names(m), ("B".to_string(), own(&["A", "C"])));
    }
}
