//! The root component: header, legend, article column and side panel, and
//! the keyboard shortcuts that work anywhere on the page.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::article::{focus_current, Article, MarkIndex};
use super::claims_panel::{claims_panel_view, draw_selected_claim};
use super::compare_panel::compare_panel_view;
use super::embed::{post_height_when_framed, EmbedBar, EmbedCode};
use super::entity_list::EntityList;
use super::events;
use super::intake::{href_of, IntakeControl, SrcPrompt};
use super::lazy::lazy_view;
use super::panel::DocumentFacts;
use super::share::ShareButton;
use super::state::{LinkDoc, ViewCtx};
use super::theme::ThemeToggle;
use super::url;
use crate::analysis::app::{Event, Opening};
use crate::analysis::intake::{src_request, SrcRequest};
use crate::analysis::share::Tab;
use crate::analysis::{bidi_notice, count_bidi_controls};

/// True when a key press belongs to a text field, not to the page.
fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        })
}

/// Focus the first element matching `css`, if any.
fn focus_selector(css: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(css).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// "Skip to article": focus the article itself (following the link would
/// only change the address, and focus would stay on the page's body).
fn skip_to_article(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_selector("#article");
}

/// The whole page for one document and its analysis (which the
/// application core brings: see `super::open`).
#[component]
pub fn Viewer(
    /// The document to show, and how it came.
    opening: Opening,
) -> impl IntoView {
    let Opening {
        doc,
        analysis,
        imported,
        link,
        notices: opened_notices,
        done: opened_done,
        passages: opened_passages,
        // Read by the application core, which writes the history.
        push: _,
        link_doc,
    } = opening;
    // The application core brings the analysis (from the engine chunk, or
    // the bundled article's own); a viewer renders it and never analyses.
    let analysis = analysis.unwrap_or_default();
    // Known when mounted by the shell (`super::open`); otherwise (a test mounting a
    // viewer directly) links name the document by a local id.
    let link_doc = link_doc.unwrap_or_else(|| {
        Arc::new(LinkDoc::quick(&doc).unwrap_or(LinkDoc::TooLong(doc.text.len())))
    });
    let mut ctx = ViewCtx::new(doc, analysis, link_doc);
    ctx.imported = imported;
    ctx.embed = link.as_ref().is_some_and(|l| l.state.embed);
    // What idle time may prepare the Compare tab's comparison of (`super::warm`).
    super::warm::offer(&ctx.doc, &ctx.analysis, imported);
    provide_context(ctx.clone());
    let embed = ctx.embed;
    if embed {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-embed", "1");
        }
        post_height_when_framed();
    }
    // The side panel starts open, or collapsed when embedded.
    let panel_open = RwSignal::new(!embed);
    let marks: MarkIndex = Rc::new(RefCell::new(Vec::new()));
    let notices = ctx.notices;
    events::set_notices(notices);
    let link = link.unwrap_or_default();
    notices.set(link.problems.clone());
    url::sync(
        &ctx,
        &link.state,
        &link.packed_sources,
        link.cut_short,
        notices,
        // Each view: the application core says what the address keeps.
        |viewed| events::dispatch(Event::Viewed(Box::new(viewed))),
        // Back / forward to another document: open it.
        |link| events::dispatch_soon(Event::Link(Box::new(link))),
    );
    notices.update(|n| n.extend(opened_notices));
    ctx.done.set(opened_done);
    if !opened_passages.is_empty() {
        ctx.passages.update(|p| {
            p.extend(opened_passages);
            crate::analysis::Span::sort_dedup(p);
        });
    }
    // Direction-control characters are shown marked (`article::marked`); say how many.
    let bidi = count_bidi_controls(&ctx.doc.title)
        + ctx
            .doc
            .blocks
            .iter()
            .map(|b| count_bidi_controls(b.span.slice(&ctx.doc.text)))
            .sum::<usize>();
    notices.update(|n| n.extend(bidi_notice(bidi)));
    // Messages the bookmarklet's receiving end ignored, still counted here.
    notices.update(|n| n.extend(super::receive::ignored_notice()));
    // Opened by the bookmarklet: wait for the page from the opener (once).
    if url::take_recv() {
        super::lazy::run(super::receive::start(ctx.clone()));
    }
    // A page named by `?src=` is fetched only once the reader confirms.
    let src_prompt = RwSignal::new(None);
    match url::take_src().and_then(|s| src_request(&s)) {
        Some(SrcRequest::Confirm(u)) => match href_of(&u) {
            Some(href) => src_prompt.set(Some(href)),
            None => notices.update(|n| {
                n.push("This link names a page to open, but its address is not valid, so nothing was fetched.".into())
            }),
        },
        Some(SrcRequest::Refused(why)) => notices.update(|n| n.push(why)),
        None => {}
    }

    // The selected claim is highlighted in the article, whichever tab is open.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| draw_selected_claim(&ctx, ctx.claim.get()));
    }

    // n / j: next mention; p / k: previous; Escape: close the card, then unpin.
    {
        let (ctx, marks) = (ctx.clone(), marks.clone());
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            // Escape closes an open popover first, also from a field inside it.
            if ev.key() == "Escape" {
                if let Some(p) = ctx.popover.get_untracked() {
                    ctx.popover.set(None);
                    focus_selector(p.button());
                    return;
                }
            }
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_field(&ev) {
                return;
            }
            match ev.key().as_str() {
                "n" | "j" if ctx.pinned.get_untracked().is_some() => {
                    ctx.step(1);
                    focus_current(&ctx, &marks);
                }
                "p" | "k" if ctx.pinned.get_untracked().is_some() => {
                    ctx.step(-1);
                    focus_current(&ctx, &marks);
                }
                "Escape" => {
                    if ctx.card.get_untracked().is_some() {
                        ctx.card.set(None);
                    } else {
                        ctx.unpin();
                    }
                }
                _ => {}
            }
        });
        on_cleanup(move || handle.remove());
    }

    let doc = ctx.doc.clone();
    let done = ctx.done;
    let announce = ctx.announce;
    let tab = ctx.tab;
    // The Claims and Compare tabs come from their own wasm chunks, loaded
    // the first time each tab opens (and kept while the viewer lives).
    let seen = move |t: Tab| {
        Memo::new(move |s: Option<&bool>| s.copied().unwrap_or(false) || tab.get() == t)
    };
    let (claims_seen, compare_seen) = (seen(Tab::Claims), seen(Tab::Compare));
    let title = doc.title.clone();
    // `crate::analysis::prerender` writes this markup into the first paint
    // (index.html): change both (tests/first_paint.rs compares them).
    view! {
        <a class="skip-link" href="#article" on:click=skip_to_article>"Skip to article"</a>
        {(!embed).then(|| view! {
            <header class="site-header">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">"claimlens"</span>
                    <span class="brand-tagline">"Who is named, what is claimed, and how others report it"</span>
                </div>
                <div class="header-actions">
                    <IntakeControl/>
                    <ShareButton/>
                    <EmbedCode title=title.clone()/>
                    <ThemeToggle/>
                </div>
            </header>
        })}
        {embed.then(|| view! { <EmbedBar title=title.clone()/> })}
        <Show when=move || !notices.get().is_empty()>
            <div class="notice" role="status">
                <p class="notice-text">
                    {move || notices.get().join(" ")}
                </p>
                <button type="button" class="notice-close" on:click=move |_| notices.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
        <Show when=move || !done.get().is_empty()>
            <div class="notice notice-ok" role="status">
                <p class="notice-text notice-done">{move || done.get()}</p>
                <button type="button" class="notice-close" on:click=move |_| done.set(String::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
        <SrcPrompt url=src_prompt/>
        <main class="layout">
            <Article marks=marks/>
            <aside class="side-panel" aria-label="Analysis">
                {embed.then(|| view! {
                    <button type="button" class="panel-toggle" aria-controls="panel-body"
                        aria-expanded=move || panel_open.get().to_string()
                        on:click=move |_| panel_open.update(|o| *o = !*o)>
                        {move || if panel_open.get() { "Hide entities and claims" } else { "Show entities and claims" }}
                    </button>
                })}
                <div id="panel-body" class="panel-body" hidden=move || !panel_open.get()>
                <PanelTabs/>
                <div id="panel-entities" role="tabpanel" aria-labelledby="tab-entities"
                    hidden=move || tab.get() != Tab::Entities>
                    <EntityList/>
                </div>
                <div id="panel-claims" role="tabpanel" aria-labelledby="tab-claims"
                    hidden=move || tab.get() != Tab::Claims>
                    {move || claims_seen.get().then(|| lazy_view(claims_panel_view()))}
                </div>
                <div id="panel-compare" role="tabpanel" aria-labelledby="tab-compare"
                    hidden=move || tab.get() != Tab::Compare>
                    {move || compare_seen.get().then(|| lazy_view(compare_panel_view()))}
                </div>
                <DocumentFacts doc=doc.clone()/>
                </div>
            </aside>
        </main>
        <div id="announcer" class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || announce.get()}
        </div>
        {(!embed).then(|| view! {
            <footer class="site-footer">
                <p>"Runs entirely in your browser: the article never leaves this page."</p>
            </footer>
        })}
    }
}

/// The side panel's tab bar (arrow keys move between tabs, Home / End to
/// the first / last).
#[component]
fn PanelTabs() -> impl IntoView {
    let ctx = ViewCtx::get();
    let tab = ctx.tab;
    let claims = ctx.analysis.claims.iter().filter(|c| c.checkworthy).count();
    let entities = ctx.analysis.entities.len();
    // The comparison is computed when its tab opens: no count up front.
    let tabs = [
        (
            Tab::Entities,
            "tab-entities",
            "panel-entities",
            "Entities",
            Some(entities),
        ),
        (
            Tab::Claims,
            "tab-claims",
            "panel-claims",
            "Claims",
            Some(claims),
        ),
        (
            Tab::Compare,
            "tab-compare",
            "panel-compare",
            "Compare",
            None,
        ),
    ];
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = tabs.len();
        let at = tabs
            .iter()
            .position(|t| t.0 == tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        tab.set(tabs[next].0);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(tabs[next].1))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };
    // `crate::analysis::prerender` writes this markup into the first paint
    // (index.html): change both (tests/first_paint.rs compares them).
    view! {
        <div class="tabs" role="tablist" aria-label="Analysis panels" on:keydown=on_key>
            {tabs
                .into_iter()
                .map(|(t, id, panel, name, n)| view! {
                    <button
                        type="button"
                        role="tab"
                        id=id
                        class="tab"
                        aria-controls=panel
                        aria-selected=move || (tab.get() == t).to_string()
                        tabindex=move || if tab.get() == t { "0" } else { "-1" }
                        on:click=move |_| tab.set(t)
                    >
                        {name}
                        {n.map(|n| view! { <span class="tab-count">{n}</span> })}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
