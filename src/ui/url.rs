//! The only module that reads or writes `window.location` and `history`.
//!
//! The view state lives in the URL fragment, encoded by
//! [`crate::analysis::share`]: opening a link restores the view, every
//! change to the view is told to the application core, which says what to
//! write ([`crate::analysis::app::history`]: a new history entry when the
//! pinned entity changes, the same entry for filter toggles) and the shell
//! writes it here ([`write()`]); back / forward restore earlier views.

use leptos::prelude::*;

use std::sync::Arc;

use super::state::{AddedSource, LinkDoc, ViewCtx};
use crate::analysis::app::{local_ref, Place, Viewed, LOCAL};
use crate::analysis::share::{
    self, anchor, fit_sources, source_cost, Decoded, DocMeta, DocRef, SharedSource, Tab, TextQuote,
    ViewState,
};

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The current fragment, without `#` (percent-escapes kept).
pub fn fragment() -> String {
    location()
        .and_then(|l| l.hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The address named by `?src=`, percent-decoded, whatever it is (once:
/// the parameter is removed from the address so that reloading shows what
/// was opened, not a new prompt). Nothing is fetched here: the viewer asks
/// the reader first ([`crate::analysis::intake::src_request`]).
pub fn take_src() -> Option<String> {
    let loc = location()?;
    let search = loc.search().ok()?;
    let src = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("src="))?;
    let src = js_sys::decode_uri_component(src).ok()?.as_string()?;
    let hash = loc.hash().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    if let Ok(h) = web_sys::window()?.history() {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{hash}")),
        );
    }
    Some(src)
}

/// True when the page was opened to receive a page from the bookmarklet
/// (`?recv=1`, see [`super::receive`]); once: the parameter is removed from
/// the address, so a reload does not wait again.
pub fn take_recv() -> bool {
    let Some(loc) = location() else {
        return false;
    };
    let search = loc.search().unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "recv=1");
    if asked {
        let rest: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && *p != "recv=1")
            .collect();
        let query = if rest.is_empty() {
            String::new()
        } else {
            format!("?{}", rest.join("&"))
        };
        let hash = loc.hash().unwrap_or_default();
        let path = loc.pathname().unwrap_or_default();
        if let Some(Ok(h)) = web_sys::window().map(|w| w.history()) {
            let _ = h.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}{hash}")),
            );
        }
    }
    asked
}

/// The link to the current view (what the share button copies).
pub fn current_link() -> String {
    location().and_then(|l| l.href().ok()).unwrap_or_default()
}

/// How a document is named in links (the text itself is packed once, in
/// [`LinkDoc`]).
fn doc_ref(ctx: &ViewCtx) -> DocRef {
    let doc = &ctx.doc;
    match &*ctx.link_doc {
        LinkDoc::Bundled => DocRef::Bundled(doc.id.clone()),
        LinkDoc::Packed(_) => DocRef::Inline {
            title: Some(doc.title.clone()),
            text: String::new(),
        },
        LinkDoc::TooLong(_) => local_ref(ctx.fingerprint(fnv)),
    }
}

/// True when `r` names the document `ctx` shows.
fn same_doc(ctx: &ViewCtx, r: &DocRef) -> bool {
    match r {
        DocRef::Bundled(id) if id.starts_with(LOCAL) => doc_ref(ctx) == *r,
        DocRef::Bundled(id) => *id == ctx.doc.id,
        DocRef::Inline { text, .. } => {
            matches!(*ctx.link_doc, LinkDoc::Packed(_)) && *text == ctx.doc.text
        }
    }
}

/// A short fingerprint of a document's text for local ids ([`crate::analysis::hash`]).
fn fnv(text: &str) -> u64 {
    crate::analysis::hash::fnv1a64(text.as_bytes())
}

/// The fragment for the view `ctx` shows now.
fn link_of(ctx: &ViewCtx) -> String {
    let packed = match &*ctx.link_doc {
        LinkDoc::Packed(p) => Some(p.as_str()),
        _ => None,
    };
    let (state, sources) = snapshot(ctx);
    let sources: Vec<&str> = sources.iter().map(|s| &**s).collect();
    share::encode_with(&state, packed, &sources)
}

/// The added sources a link to the current view cannot carry, each with
/// its number in the Compare tab, its name and whether it is too long to
/// travel alone (what "Copy link" warns of).
pub fn sources_left_out(ctx: &ViewCtx) -> Vec<(usize, String, bool)> {
    let all = ctx.sources.get_untracked();
    let fits = fitting(ctx, &all);
    let first = ctx.pack_sources.get_untracked() + 1;
    all.iter()
        .zip(fits)
        .enumerate()
        .filter(|(_, (_, fits))| !fits)
        .map(|(i, (s, _))| (first + i, s.name.clone(), s.packed.is_none()))
        .collect()
}

/// Which of `all` fit in a link to the current view.
fn fitting(ctx: &ViewCtx, all: &[AddedSource]) -> Vec<bool> {
    if all.is_empty() {
        // Nothing to fit: no need to encode the view once more.
        return Vec::new();
    }
    let packed = match &*ctx.link_doc {
        LinkDoc::Packed(p) => Some(p.as_str()),
        _ => None,
    };
    let mut base = view_state(ctx);
    base.left_out = all.iter().map(|s| s.name.clone()).collect();
    let base = share::encode_with(&base, packed, &[]).len();
    let costs: Vec<Option<usize>> = all
        .iter()
        .map(|s| s.packed.as_ref().map(|p| source_cost(&s.name, p.len())))
        .collect();
    fit_sources(base, &costs)
}

/// The view state the page shows now, and the packed texts of the
/// sources it carries.
fn snapshot(ctx: &ViewCtx) -> (ViewState, Vec<Arc<str>>) {
    let mut state = view_state(ctx);
    let all = ctx.sources.get_untracked();
    let fits = fitting(ctx, &all);
    let mut packed = Vec::new();
    for (s, fits) in all.into_iter().zip(fits) {
        match s.packed {
            Some(p) if fits => {
                state.sources.push(SharedSource {
                    name: s.name,
                    text: String::new(),
                });
                packed.push(p);
            }
            _ => state.left_out.push(s.name),
        }
    }
    (state, packed)
}

/// The view state the page shows now, but for the added sources.
fn view_state(ctx: &ViewCtx) -> ViewState {
    let a = &ctx.analysis;
    let pinned = ctx.pinned.get_untracked().and_then(|e| a.entities.get(e));
    let pinned_quote = pinned.and_then(|e| {
        let m = a.mentions.get(*e.mentions.first()?)?;
        Some(TextQuote::from_span(&ctx.doc.text, ctx.offsets(), m.span))
    });
    let claim = ctx
        .claim
        .get_untracked()
        .and_then(|c| a.claims.get(c))
        .map(|c| TextQuote::from_span(&ctx.doc.text, ctx.offsets(), c.span));
    let tab = ctx.tab.get_untracked();
    // The offsets index costs the whole text: built only when a passage needs it.
    let highlights = ctx
        .passages
        .get_untracked()
        .iter()
        .map(|s| TextQuote::from_span(&ctx.doc.text, ctx.offsets(), *s))
        .collect();
    let doc = &ctx.doc;
    let meta = match &*ctx.link_doc {
        LinkDoc::Bundled => DocMeta::default(),
        // Named by a local id: the title, so a receiver without the file
        // is told which document it was.
        LinkDoc::TooLong(_) => DocMeta {
            title: Some(doc.title.clone()),
            ..DocMeta::default()
        },
        LinkDoc::Packed(_) => DocMeta {
            title: None,
            title_supplied: doc.title_supplied,
            byline: doc.byline.clone(),
            date: doc.date.clone(),
            publication: doc.source.clone(),
            url: doc.url.clone(),
        },
    };
    ViewState {
        doc: doc_ref(ctx),
        tab: (tab != Tab::Entities).then_some(tab),
        hidden: ctx.hidden.get_untracked(),
        pinned: pinned.map(|e| e.id.clone()),
        pinned_quote,
        claim,
        highlights,
        embed: ctx.embed,
        meta,
        relation: ctx.relation.get_untracked(),
        speaker: ctx.speaker.get_untracked(),
        order: ctx.order.get_untracked(),
        all_claims: ctx.all_claims.get_untracked(),
        badges: ctx.badges.get_untracked(),
        sources: Vec::new(),
        left_out: ctx.left_out.get_untracked(),
    }
}

/// Apply a decoded view to the page; returns problems found on the way.
/// `packed`: the added sources' texts as the link packed them.
fn apply(ctx: &ViewCtx, state: &ViewState, packed: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    ctx.hidden.set(state.hidden);
    ctx.relation.set(state.relation);
    // A speaker filter names a speaker of this document's claims, or none.
    let speaker = state.speaker.clone().filter(|who| {
        let text = &ctx.doc.text;
        let known = ctx.analysis.claims.iter().any(|c| c.speaker.display(text) == *who);
        if !known {
            let short: String = who.chars().take(40).collect();
            problems.push(format!(
                "the speaker filter (“{short}”) names no speaker in this document; every speaker is shown"
            ));
        }
        known
    });
    ctx.speaker.set(speaker);
    ctx.order.set(state.order);
    ctx.all_claims.set(state.all_claims);
    ctx.badges.set(state.badges);
    ctx.left_out.set(state.left_out.clone());
    problems.extend(share::left_out_notice(&state.left_out));
    // The sources the link carries, unless they are those already here
    // (back / forward between views of one comparison keeps them, and any
    // too long to travel).
    let carried: Vec<(&str, &str)> = state
        .sources
        .iter()
        .zip(packed)
        .filter(|(_, p)| !p.is_empty())
        .map(|(s, p)| (s.name.as_str(), p.as_str()))
        .collect();
    let here: Vec<AddedSource> = ctx.sources.get_untracked();
    let same = here
        .iter()
        .filter_map(|s| Some((s.name.as_str(), &**s.packed.as_ref()?)))
        .eq(carried.iter().copied());
    if !same {
        ctx.sources.set(
            state
                .sources
                .iter()
                .zip(packed)
                .enumerate()
                .map(|(i, (s, p))| AddedSource {
                    id: i + 1,
                    name: s.name.clone(),
                    text: Arc::from(s.text.as_str()),
                    // Empty: too long to travel in a link (a change of base).
                    packed: (!p.is_empty()).then(|| Arc::from(p.as_str())),
                })
                .collect(),
        );
    }
    let a = &ctx.analysis;
    let by_id = state
        .pinned
        .as_ref()
        .and_then(|id| a.entities.iter().position(|e| &e.id == id));
    let by_quote = || {
        let q = state.pinned_quote.as_ref()?;
        let span = anchor(&ctx.doc.text, ctx.offsets(), q).span()?;
        a.mentions
            .iter()
            .find(|m| m.span.overlaps(span))
            .map(|m| m.entity)
    };
    ctx.tab.set(state.tab.unwrap_or(Tab::Entities));
    let mut passages = Vec::new();
    for q in &state.highlights {
        match anchor(&ctx.doc.text, ctx.offsets(), q).span() {
            Some(span) => passages.push(span),
            None => {
                let short: String = q.exact.chars().take(40).collect();
                problems.push(format!(
                    "a highlighted passage could not be placed (“{short}…”)"
                ));
            }
        }
    }
    ctx.passages.set(passages);
    let claim = state.claim.as_ref().map(|q| {
        anchor(&ctx.doc.text, ctx.offsets(), q)
            .span()
            .and_then(|span| {
                // The claim that overlaps the passage most.
                a.claims
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.span.overlaps(span))
                    .max_by_key(|(_, c)| c.span.end.min(span.end) - c.span.start.max(span.start))
                    .map(|(i, _)| i)
            })
    });
    match claim {
        Some(Some(c)) => ctx.claim.set(Some(c)),
        Some(None) => {
            ctx.claim.set(None);
            problems.push("the selected claim could not be placed in this document".into());
        }
        None => ctx.claim.set(None),
    }
    match by_id.or_else(by_quote) {
        Some(e) => ctx.pin(e, 0),
        None => {
            ctx.pinned.set(None);
            if let Some(id) = &state.pinned {
                problems.push(format!("the pinned entity {id:?} is not in this document"));
            }
        }
    }
    problems
}

/// Restore the view from the URL now and on back / forward, and tell
/// `viewed` each view the viewer shows (the caller hands it to the
/// application core, which decides what to write). Call once, inside the
/// viewer.
///
/// `cut_short`: the link looks cut short ([`Decoded::cut_short`]), which
/// the notice says.
///
/// `elsewhere`: what to do with a link back / forward leads to that names
/// another document (this module only decodes it: the caller opens it).
pub fn sync(
    ctx: &ViewCtx,
    initial: &ViewState,
    packed_sources: &[String],
    cut_short: bool,
    notices: RwSignal<Vec<String>>,
    viewed: fn(Viewed),
    elsewhere: fn(Decoded),
) {
    let found = apply(ctx, initial, packed_sources);
    notices.update(|n| n.extend(found));
    notices.update(|n| {
        if !n.is_empty() {
            *n = vec![share::notice(n, cut_short)];
        }
    });

    // View → the application core → URL.
    {
        let ctx = ctx.clone();
        Effect::new(move || {
            let place = Place {
                pinned: ctx.pinned.get(),
                claim: ctx.claim.get(),
                tab: ctx.tab.get(),
                passages: ctx.passages.with(Vec::len),
            };
            ctx.hidden.track();
            ctx.relation.track();
            ctx.speaker.track();
            ctx.order.track();
            ctx.all_claims.track();
            ctx.badges.track();
            ctx.sources.track();
            let here = fragment();
            let pristine = here.is_empty() && snapshot(&ctx).0 == ViewState::default();
            viewed(Viewed {
                place,
                link: link_of(&ctx),
                here,
                pristine,
            });
        });
    }

    // URL → view, on back / forward.
    {
        let ctx = ctx.clone();
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let decoded = share::decode(&fragment());
            if !same_doc(&ctx, &decoded.state.doc) {
                // Back / forward to another document: the caller opens it.
                elsewhere(decoded);
                return;
            }
            let found = apply(&ctx, &decoded.state, &decoded.packed_sources);
            let all: Vec<String> = decoded.problems.into_iter().chain(found).collect();
            notices.set(if all.is_empty() {
                all
            } else {
                vec![share::notice(&all, decoded.cut_short)]
            });
        });
        on_cleanup(move || handle.remove());
    }
}

/// Set the address's fragment (without `#`): a new history entry when
/// `push`, else in place of the current one (what the application core
/// asked for: [`crate::analysis::app::Effect::WriteHistory`]).
pub fn write(fragment: &str, push: bool) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let Ok(history) = w.history() else {
        return;
    };
    let url = format!("#{fragment}");
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}
