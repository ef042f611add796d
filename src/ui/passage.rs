//! Passage links: select text in the article, choose "Link to this
//! passage", and the link reopens the article with that passage highlighted
//! and scrolled into view. Highlights from a link are drawn with the CSS
//! Custom Highlight API, so the article's DOM is untouched.

use leptos::prelude::*;

use super::dom::{range_for, selection_span, set_highlight};
use super::state::ViewCtx;
use super::url;
use crate::analysis::share::source_link;
use crate::analysis::Span;

const HL_PASSAGE: &str = "cl-passage";

/// Draw the passages; bring the first into view when asked.
fn draw(ctx: &ViewCtx, spans: &[Span], reveal: bool) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".doc-body").ok().flatten())
    else {
        return;
    };
    if spans.is_empty() {
        // Nothing to draw: no offsets index (a pass over the text) either.
        set_highlight(HL_PASSAGE, &[]);
        return;
    }
    let offsets = ctx.offsets();
    let ranges: Vec<web_sys::Range> = spans
        .iter()
        .filter_map(|s| range_for(&body, &ctx.doc, offsets, *s))
        .collect();
    set_highlight(HL_PASSAGE, &ranges);
    if reveal {
        if let (Some(r), Some(w)) = (ranges.first(), web_sys::window()) {
            let rect = r.get_bounding_client_rect();
            let h = w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            let opts = web_sys::ScrollToOptions::new();
            opts.set_top((w.scroll_y().unwrap_or(0.0) + rect.top() - h / 3.0).max(0.0));
            w.scroll_to_with_scroll_to_options(&opts);
        }
    }
}

/// The floating "Link to this passage" button and the highlighted-passages bar.
#[component]
pub fn PassageTools() -> impl IntoView {
    let ctx = ViewCtx::get();
    let passages = ctx.passages;
    // (span, left, top) of the current selection, in viewport pixels.
    let pending = RwSignal::new(None::<(Span, f64, f64)>);
    let status = RwSignal::new(String::new());
    // Each passage on the page the document came from (a Text Fragment).
    let at_source = {
        let doc = ctx.doc.clone();
        move || {
            let Some(url) = doc.url.as_deref() else {
                return Vec::new();
            };
            let spans = passages.get();
            let many = spans.len() > 1;
            spans
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let href = source_link(url, &doc.text, *s)?;
                    let label = if many {
                        format!("Open passage {} at the source", i + 1)
                    } else {
                        "Open at the source".to_string()
                    };
                    Some(view! {
                        <a class="link-button source-link" href=href target="_blank"
                            rel="noopener noreferrer">{label}</a>
                    })
                })
                .collect::<Vec<_>>()
        }
    };

    {
        let ctx = ctx.clone();
        Effect::new(move |prev: Option<()>| {
            let spans = passages.get();
            // On first draw (a link was opened), scroll to the passage.
            draw(&ctx, &spans, prev.is_none() && !spans.is_empty());
        });
    }

    let update = {
        let ctx = ctx.clone();
        move || {
            let offsets = ctx.offsets();
            let found = selection_span(&ctx.doc, offsets).and_then(|span| {
                let sel = web_sys::window()?.get_selection().ok()??;
                let rect = sel.get_range_at(0).ok()?.get_bounding_client_rect();
                Some((span, rect.left(), rect.bottom()))
            });
            pending.set(found);
        }
    };
    {
        let update = update.clone();
        let h = window_event_listener(leptos::ev::mouseup, move |_| update());
        on_cleanup(move || h.remove());
    }
    {
        let h = window_event_listener(leptos::ev::keyup, move |ev| {
            if ev.shift_key() || ev.key() == "Shift" {
                update();
            }
        });
        on_cleanup(move || h.remove());
    }

    let button_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let (Some((_, left, top)), Some(b)) = (pending.get(), button_ref.get()) {
            let style = web_sys::HtmlElement::style(&b);
            let _ = style.set_property("left", &format!("{}px", left.max(8.0).round() as i64));
            let _ = style.set_property("top", &format!("{}px", (top + 8.0).round() as i64));
        }
    });

    let link_it = {
        let ctx = ctx.clone();
        move |_| {
            let Some((span, ..)) = pending.get_untracked() else {
                return;
            };
            passages.update(|p| {
                if !p.contains(&span) {
                    p.push(span);
                }
            });
            pending.set(None);
            if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
                let _ = sel.remove_all_ranges();
            }
            // The URL now holds the passage (url.rs follows the view); copy it.
            let link = url::current_link();
            ctx.announce
                .set("Passage highlighted; the link to it is in the address bar.".into());
            status.set("Link to this passage is in the address bar".into());
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&link);
            }
        }
    };

    view! {
        <button
            type="button"
            class="passage-button"
            node_ref=button_ref
            hidden=move || pending.get().is_none()
            on:mousedown=|ev| ev.prevent_default()
            on:click=link_it
        >
            "Link to this passage"
        </button>
        <div class="passage-bar" role="status" hidden=move || passages.get().is_empty()>
            <span class="passage-swatch" aria-hidden="true"></span>
            {move || {
                let n = passages.get().len();
                if n == 1 { "1 highlighted passage".to_string() } else { format!("{n} highlighted passages") }
            }}
            <span class="passage-status">{move || status.get()}</span>
            {at_source}
            <button type="button" class="link-button" on:click=move |_| {
                passages.set(Vec::new());
                status.set(String::new());
            }>
                "Clear"
            </button>
        </div>
    }
}
