//! The article column: the document's title and its blocks, with every
//! entity mention highlighted.
//!
//! The text is rendered **once**. Filters, pinning and the current mention
//! only change classes and attributes on elements that already exist, so a
//! long document is never re-rendered while the reader explores it, and
//! each costs what it changes: a pin or a step touches the marks of the
//! entity concerned (found through [`MarkIndex`] and the entity's mention
//! list), a type filter one class on the text's root. None of them moves
//! anything on the page (the pin bar's place is kept from the first paint).
//! Events are delegated: one listener on the article serves every mention.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::card::EntityCard;
use super::legend::Legend;
use super::passage::PassageTools;
use super::pinbar::PinBar;
use super::state::ViewCtx;
use crate::analysis::chunked::CHUNKED_ABOVE;
use crate::analysis::{
    batch_starts, bidi_marker_title, bidi_runs, has_bidi_controls, label_key, label_title, pieces,
    BlockKind, Mention, Piece, Run,
};

/// Text as the article shows it: each direction-control character (U+202E
/// and the like) in a marker of its own — an element whose CSS shows its
/// name (`⟨RLO⟩`) and isolates it, so it reorders nothing. The character
/// stays in the marker's text node: the page's text is the document's, so
/// offsets ([`super::dom`]), selections and copies are unchanged.
pub fn marked(t: &str) -> AnyView {
    if !has_bidi_controls(t) {
        return t.to_string().into_any();
    }
    bidi_runs(t)
        .into_iter()
        .map(|r| match r {
            Run::Text(t) => t.to_string().into_any(),
            Run::Control(c, short) => view! {
                <span class="bidi" data-bidi=short title=bidi_marker_title(c)>{c.to_string()}</span>
            }
            .into_any(),
        })
        .collect::<Vec<_>>()
        .into_any()
}

fn pieces_view(ctx: &ViewCtx, pieces: Vec<Piece<'_>>) -> Vec<AnyView> {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => marked(t),
            Piece::Mention(i, t) => {
                let m = &ctx.analysis.mentions[i];
                let key = label_key(m.label);
                view! {
                    <mark class=format!("m m-{key}") data-l=key data-m=i data-e=m.entity>
                        {marked(t)}
                    </mark>
                }
                .into_any()
            }
        })
        .collect()
}

/// One block of the document as the element that fits its kind. `data-b`
/// holds the block's index, so DOM positions map back to document offsets.
fn block_view(kind: BlockKind, b: usize, children: Vec<AnyView>) -> AnyView {
    match kind {
        // The page's h1 is the document title, so document headings start at h2.
        BlockKind::Heading(1) => {
            view! { <h2 class="doc-block" data-b=b>{children}</h2> }.into_any()
        }
        BlockKind::Heading(2) => {
            view! { <h3 class="doc-block" data-b=b>{children}</h3> }.into_any()
        }
        BlockKind::Heading(3) => {
            view! { <h4 class="doc-block" data-b=b>{children}</h4> }.into_any()
        }
        BlockKind::Heading(4) => {
            view! { <h5 class="doc-block" data-b=b>{children}</h5> }.into_any()
        }
        BlockKind::Heading(_) => {
            view! { <h6 class="doc-block" data-b=b>{children}</h6> }.into_any()
        }
        BlockKind::Quote => view! {
            <blockquote class="doc-block" data-b=b><p>{children}</p></blockquote>
        }
        .into_any(),
        BlockKind::Paragraph => view! { <p class="doc-block" data-b=b>{children}</p> }.into_any(),
    }
}

/// The mention element an event happened on, if any.
fn mention_at(target: Option<web_sys::EventTarget>) -> Option<(web_sys::HtmlElement, usize)> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let mark = el.closest("mark.m").ok()??;
    let i = mark.get_attribute("data-m")?.parse().ok()?;
    Some((mark.dyn_into().ok()?, i))
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|q| q.matches())
}

/// Scroll `el` to the middle of the viewport unless it is already in view.
fn reveal(el: &web_sys::Element) {
    reveal_checked(el, REVEAL_CHECKS);
}

/// How many times [`reveal`] checks, a frame apart, that a far jump into a
/// long document's batches landed.
const REVEAL_CHECKS: u8 = 3;

/// [`reveal`], checking again `checks` more times. A long document's
/// batches off screen are not laid out (style/main.css): their heights are
/// estimates until they are shown, so a smooth scroll far into them would
/// aim where `el` was estimated to be and end off target as the batches on
/// the way are laid out. A far jump there is instant instead, and checked
/// again once the batches around it have been laid out (two frames on: the
/// first decides which are on screen).
fn reveal_checked(el: &web_sys::Element, checks: u8) {
    let rect = el.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() >= 64.0 && rect.bottom() <= height - 16.0 {
        return;
    }
    let far = rect.bottom() < -height || rect.top() > 2.0 * height;
    let in_batch = far && el.closest(".doc-batch").ok().flatten().is_some();
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(if in_batch || prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if in_batch && checks > 0 {
        let el = el.clone();
        request_animation_frame(move || {
            request_animation_frame(move || reveal_checked(&el, checks - 1));
        });
    }
}

pub use super::dom::MarkIndex;

/// Text per rendering batch of a long document (bytes): about 400
/// highlights of ordinary news prose, a task well under 50 ms. The first
/// batch is rendered with the page, the others one per turn of the event
/// loop. A batch holds at least one block, and at most [`BATCH_BLOCKS`].
const BATCH_BYTES: usize = 12 * 1024;

/// Text in the first batch of a document analysed in pieces (past
/// [`CHUNKED_ABOVE`]): more than a screenful, and a third of a batch, since
/// the viewer's mount (the panel, the entity list, the first link) shares
/// its task.
const FIRST_BATCH_BYTES: usize = 4 * 1024;

/// Blocks per rendering batch at most (short lines: a list, a poem).
const BATCH_BLOCKS: usize = 150;

/// How long the card waits, once the pointer leaves its mention, for the
/// pointer to reach the card before it closes.
const CARD_GRACE_MS: u64 = 200;

/// Put the mention elements under `root` matching `selector` in the index.
fn index_marks(root: &web_sys::Element, selector: &str, marks: &MarkIndex) {
    let Ok(list) = root.query_selector_all(selector) else {
        return;
    };
    let mut index = marks.borrow_mut();
    for k in 0..list.length() {
        let Some(el) = list
            .item(k)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if let Some(i) = el
            .get_attribute("data-m")
            .and_then(|v| v.parse::<usize>().ok())
        {
            if let Some(slot) = index.get_mut(i) {
                *slot = Some(el);
            }
        }
    }
}

/// The element of rendering batch `k` (`data-batch`), a child of the
/// text's root: the batch last added, so looked for from the last child.
/// (A selector over the root, `[data-batch="k"] mark.m`, matched every
/// mark already in the page on each batch: quadratic in a long text.)
fn batch_element(root: &web_sys::Element, k: usize) -> Option<web_sys::Element> {
    let want = k.to_string();
    let mut el = root.last_element_child();
    while let Some(e) = el {
        if e.get_attribute("data-batch").as_deref() == Some(want.as_str()) {
            return Some(e);
        }
        el = e.previous_element_sibling();
    }
    None
}

/// The article's tab stop among the highlights (roving tabindex): the one
/// mention Tab reaches, the last one focused (the first at start). Arrow
/// keys move it; the pinned entity's mentions are tab stops too.
type Entry = Rc<std::cell::Cell<Option<usize>>>;

/// Make mention `mi` the tab stop, and the previous one an ordinary
/// highlight again (unless its entity is pinned).
fn set_entry(ctx: &ViewCtx, marks: &MarkIndex, entry: &Entry, mi: usize) {
    let old = entry.replace(Some(mi));
    let marks = marks.borrow();
    if let Some(o) = old.filter(|&o| o != mi) {
        let pinned = ctx.pinned.get_untracked() == ctx.analysis.mentions.get(o).map(|m| m.entity);
        if let (false, Some(Some(el))) = (pinned, marks.get(o)) {
            let _ = el.remove_attribute("tabindex");
            let _ = el.remove_attribute("role");
        }
    }
    if let Some(Some(el)) = marks.get(mi) {
        let _ = el.set_attribute("tabindex", "0");
        let _ = el.set_attribute("role", "button");
    }
}

/// The next rendered, shown highlight from `mi` in direction `step` (±1),
/// or the first / last one (`Home` / `End`).
fn neighbour(ctx: &ViewCtx, marks: &MarkIndex, mi: usize, key: &str) -> Option<usize> {
    let n = ctx.analysis.mentions.len();
    let hidden = ctx.hidden.get_untracked();
    let marks = marks.borrow();
    let usable = |i: &usize| {
        matches!(marks.get(*i), Some(Some(_))) && !hidden.contains(ctx.analysis.mentions[*i].label)
    };
    match key {
        "ArrowRight" | "ArrowDown" => (mi + 1..n).find(usable),
        "ArrowLeft" | "ArrowUp" => (0..mi).rev().find(usable),
        "Home" => (0..n).find(usable),
        "End" => (0..n).rev().find(usable),
        _ => None,
    }
}

/// Focus the current mention of the pinned entity (after n/p keys).
pub fn focus_current(ctx: &ViewCtx, marks: &MarkIndex) {
    let Some(e) = ctx.pinned.get_untracked() else {
        return;
    };
    let Some(&mi) = ctx.analysis.entities[e]
        .mentions
        .get(ctx.cursor.get_untracked())
    else {
        return;
    };
    if let Some(Some(el)) = marks.borrow().get(mi) {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
        reveal(el);
    }
}

/// The document: title (marked when claimlens supplied it), metadata, and
/// the highlighted text.
#[component]
pub fn Article(
    /// Filled with the mention elements once they are in the page.
    marks: MarkIndex,
) -> impl IntoView {
    let ctx = ViewCtx::get();
    let doc = ctx.doc.clone();
    let meta: Vec<String> = [doc.source.clone(), doc.byline.clone(), doc.date.clone()]
        .into_iter()
        .flatten()
        .collect();
    // Long documents are rendered in batches of blocks, one batch per turn
    // of the event loop, so the page shows (and answers) at once.
    let first = if doc.text.len() > CHUNKED_ABOVE {
        FIRST_BATCH_BYTES
    } else {
        BATCH_BYTES
    };
    let starts = std::sync::Arc::new(batch_starts(&doc.blocks, first, BATCH_BYTES, BATCH_BLOCKS));
    let batches = (starts.len() - 1).max(1);
    let ready = RwSignal::new(1usize);
    let render = {
        let ctx = ctx.clone();
        move |k: usize| -> Vec<AnyView> {
            let doc = &ctx.doc;
            let (from, to) = (starts[k], starts[k + 1]);
            let start = doc.blocks.get(from).map_or(0, |b| b.span.start);
            let mut next = ctx
                .analysis
                .mentions
                .partition_point(|m| m.span.start < start);
            (from..to)
                .map(|i| {
                    let b = &doc.blocks[i];
                    let p = pieces(&doc.text, b.span, &ctx.analysis.mentions, &mut next);
                    block_view(b.kind, i, pieces_view(&ctx, p))
                })
                .collect()
        }
    };
    let blocks: Vec<AnyView> = (0..batches)
        .map(|k| {
            if k == 0 {
                return render(0).into_any();
            }
            let render = render.clone();
            view! {
                <Show when=move || k < ready.get()>
                    <div class="doc-batch" data-batch=k>{render(k)}</div>
                </Show>
            }
            .into_any()
        })
        .collect();
    let supplied = doc.title_supplied;
    let body = NodeRef::<leptos::html::Div>::new();
    let entry: Entry = Rc::new(std::cell::Cell::new(None));

    // Collect the mention elements: the first batch now, later batches as
    // they are rendered (then the pinned entity's marks are styled too).
    {
        let (marks, entry) = (marks.clone(), entry.clone());
        let ctx = ctx.clone();
        body.on_load(move |root| {
            let root: web_sys::Element = root.into();
            let n = ctx.analysis.mentions.len();
            *marks.borrow_mut() = vec![None; n];
            index_marks(&root, "mark.m", &marks);
            if n > 0 {
                set_entry(&ctx, &marks, &entry, 0);
            }
            if batches > 1 {
                // Each step indexes the batch rendered since the last step
                // (signals render on their own schedule), then asks for the next.
                super::dom::in_turns(move || {
                    let k = ready.get_untracked();
                    if k > 1 {
                        if let Some(batch) = batch_element(&root, k - 1) {
                            index_marks(&batch, "mark.m", &marks);
                        }
                        if let Some(e) = ctx.pinned.get_untracked() {
                            let marks = marks.borrow();
                            for &mi in &ctx.analysis.entities[e].mentions {
                                if let Some(Some(el)) = marks.get(mi) {
                                    let _ = el.class_list().add_1("pin");
                                    let _ = el.set_attribute("tabindex", "0");
                                    let _ = el.set_attribute("role", "button");
                                }
                            }
                        }
                    }
                    if k < batches {
                        ready.set(k + 1);
                        true
                    } else {
                        false
                    }
                });
            }
        });
    }

    // Pinning: emphasise the pinned entity's mentions and let Tab reach them.
    {
        let (ctx, marks, entry) = (ctx.clone(), marks.clone(), entry.clone());
        Effect::new(move |prev: Option<Option<usize>>| {
            let now = ctx.pinned.get();
            if prev == Some(now) {
                return now;
            }
            let marks = marks.borrow();
            let each = |e: usize, f: &dyn Fn(usize, &web_sys::HtmlElement)| {
                for &mi in &ctx.analysis.entities[e].mentions {
                    if let Some(Some(el)) = marks.get(mi) {
                        f(mi, el);
                    }
                }
            };
            if let Some(Some(p)) = prev {
                let keep = entry.get();
                each(p, &|mi, el| {
                    let _ = el.class_list().remove_2("pin", "current");
                    let _ = el.remove_attribute("aria-current");
                    // The article's tab stop stays one.
                    if keep != Some(mi) {
                        let _ = el.remove_attribute("tabindex");
                        let _ = el.remove_attribute("role");
                    }
                });
            }
            if let Some(e) = now {
                each(e, &|_, el| {
                    let _ = el.class_list().add_1("pin");
                    let _ = el.set_attribute("tabindex", "0");
                    let _ = el.set_attribute("role", "button");
                });
            }
            now
        });
    }

    // The current mention: marked, and scrolled into view when it changes.
    {
        let (ctx, marks) = (ctx.clone(), marks.clone());
        Effect::new(move |prev: Option<Option<usize>>| {
            let current = ctx.pinned.get().and_then(|e| {
                ctx.analysis.entities[e]
                    .mentions
                    .get(ctx.cursor.get())
                    .copied()
            });
            let marks = marks.borrow();
            if let Some(Some(p)) = prev {
                if let Some(Some(el)) = marks.get(p) {
                    let _ = el.class_list().remove_1("current");
                    let _ = el.remove_attribute("aria-current");
                }
            }
            if let Some(c) = current {
                if let Some(Some(el)) = marks.get(c) {
                    let _ = el.class_list().add_1("current");
                    let _ = el.set_attribute("aria-current", "true");
                    if prev.is_some() && prev != Some(current) {
                        reveal(el);
                    }
                }
            }
            current
        });
    }

    let on_click = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::MouseEvent| {
            if let Some((_, mi)) = mention_at(ev.target()) {
                ctx.pin_mention(mi);
            }
        }
    };
    let on_key = {
        let (ctx, marks, entry) = (ctx.clone(), marks.clone(), entry.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let Some((_, mi)) = mention_at(ev.target()) else {
                return;
            };
            let key = ev.key();
            match key.as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    ctx.pin_mention(mi);
                    ctx.card.set(Some(mi));
                }
                "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp" | "Home" | "End" => {
                    ev.prevent_default();
                    if let Some(to) = neighbour(&ctx, &marks, mi, &key) {
                        set_entry(&ctx, &marks, &entry, to);
                        if let Some(Some(el)) = marks.borrow().get(to) {
                            let opts = web_sys::FocusOptions::new();
                            opts.set_prevent_scroll(true);
                            let _ = el.focus_with_options(&opts);
                            reveal(el);
                        }
                    }
                }
                _ => {}
            }
        }
    };
    let show_card = {
        let ctx = ctx.clone();
        move |target: Option<web_sys::EventTarget>| {
            if let Some((el, mi)) = mention_at(target) {
                let _ = el.set_attribute("aria-describedby", "entity-card");
                ctx.card.set(Some(mi));
            }
        }
    };
    let on_over = {
        let show = show_card;
        move |ev: leptos::ev::MouseEvent| show(ev.target())
    };
    let on_focus = {
        let (ctx, marks, entry) = (ctx.clone(), marks.clone(), entry.clone());
        move |ev: leptos::ev::FocusEvent| {
            if let Some((_, mi)) = mention_at(ev.target()) {
                set_entry(&ctx, &marks, &entry, mi);
            }
            show_card(ev.target())
        }
    };
    // The card closes once the pointer has left both the mention and the
    // card (a moment's grace lets it cross the gap between them); a card
    // shown for keyboard focus stays.
    let on_out = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::MouseEvent| {
            let Some((mark, mi)) = mention_at(ev.target()) else {
                return;
            };
            let into = ev
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if into.as_ref().is_some_and(|n| mark.contains(Some(n))) {
                return;
            }
            let card = ctx.card;
            set_timeout(
                move || {
                    let over = |el: &web_sys::Element| {
                        el.matches(":hover").unwrap_or(false)
                            || el.matches(":focus-visible").unwrap_or(false)
                    };
                    let card_el = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id("entity-card"));
                    if card.get_untracked() == Some(mi)
                        && !over(&mark)
                        && !card_el.as_ref().is_some_and(over)
                    {
                        card.set(None);
                    }
                },
                std::time::Duration::from_millis(CARD_GRACE_MS),
            );
        }
    };
    let on_focus_out = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::FocusEvent| {
            if mention_at(ev.target()).is_some() {
                ctx.card.set(None);
            }
        }
    };

    // Type filters are one class each on the text's root, matched by one CSS
    // rule per type: a toggle restyles only that type's highlights. Pinning
    // adds no class here (that would restyle every highlight): it touches
    // only the pinned entity's marks (above).
    let hidden = ctx.hidden;
    let badges = ctx.badges;
    let body_class = move || {
        let mut c = String::from("doc-body");
        for l in hidden.get().labels() {
            c.push_str(" hide-");
            c.push_str(label_key(l));
        }
        if badges.get() {
            c.push_str(" show-badges");
        }
        c
    };

    let count = ctx.analysis.mentions.len();
    let entity_count = ctx.analysis.entities.len();
    // `crate::analysis::prerender` writes this markup into the first paint
    // (index.html): change both (tests/first_paint.rs compares them).
    view! {
        <article id="article" class="article" tabindex="-1" aria-labelledby="doc-title" lang=doc.language.clone()>
            <header class="article-header">
                <h1 id="doc-title" class="doc-title">{marked(&doc.title)}</h1>
                <Show when=move || supplied>
                    <p class="title-supplied">
                        <span class="badge">"Heading supplied by claimlens"</span>
                        " The article has no headline of its own."
                    </p>
                </Show>
                <Show when={
                    let empty = meta.is_empty();
                    move || !empty
                }>
                    <p class="doc-meta">{meta.join(" · ")}</p>
                </Show>
                <p class="sr-only">
                    {format!(
                        "{count} highlighted mentions of {entity_count} entities. \
                         Tab reaches a highlight in the text; the arrow keys move between \
                         highlights and Enter pins one to step through its mentions. \
                         The Entities list names them all."
                    )}
                </p>
            </header>
            <Legend/>
            <PinBar/>
            <PassageTools/>
            <div
                class=body_class
                node_ref=body
                on:click=on_click
                on:keydown=on_key
                on:mouseover=on_over
                on:mouseout=on_out
                on:focusin=on_focus
                on:focusout=on_focus_out
            >
                {blocks}
            </div>
            <EntityCard marks=marks/>
        </article>
    }
}

/// Reader-facing type of a mention, e.g. for badges.
pub fn mention_type(m: &Mention) -> &'static str {
    label_title(m.label)
}
