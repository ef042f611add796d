//! The pin bar: which entity is pinned, "3 of 12", previous / next, unpin.
//!
//! Its place above the text is kept from the first paint, pinned or not, so
//! pinning and unpinning move nothing on the page: with nothing pinned the
//! bar is invisible (`hidden`, styled `visibility: hidden` rather than
//! `display: none`) and a one-line hint shows in its place; the bar has a
//! fixed height whatever it names (a long name is cut short with an
//! ellipsis), and it sticks to the top of the viewport while the reader
//! steps through the text.

use leptos::prelude::*;

use super::state::ViewCtx;
use crate::analysis::{label_key, label_title};

/// Shown above the article while an entity is pinned; its hint in the same
/// place otherwise.
#[component]
pub fn PinBar() -> impl IntoView {
    let ctx = ViewCtx::get();
    let pinned = ctx.pinned;
    let cursor = ctx.cursor;
    let info = {
        let ctx = ctx.clone();
        move || {
            let e = &ctx.analysis.entities[pinned.get()?];
            Some((e.name.clone(), e.label, e.mentions.len()))
        }
    };
    // The hint is for sighted readers: the article's header says the same
    // to screen readers, and the live region announces each pin.
    let hint = (!ctx.analysis.mentions.is_empty()).then_some(
        "Click a highlight (or press Enter on it) to pin it and step through its mentions.",
    );
    let (prev, next, unpin) = (ctx.clone(), ctx.clone(), ctx.clone());
    // `crate::analysis::prerender` writes this markup into the first paint
    // (index.html): change both (tests/first_paint.rs compares them).
    view! {
        <div class="pin-bar" role="region" aria-label="Pinned entity" hidden=move || pinned.get().is_none()>
            {move || info().map(|(name, label, n)| view! {
                <span class=format!("swatch sw-{}", label_key(label)) aria-hidden="true"></span>
                // The whole name on hover, when the bar cuts it short.
                <span class="pin-name" title=name.clone()>{name.clone()}</span>
                <span class="pin-type">{label_title(label)}</span>
                <span class="pin-pos" aria-live="off">
                    {move || format!("{} of {n}", cursor.get() + 1)}
                </span>
            })}
            <span class="pin-actions">
                <button type="button" class="pin-button" title="Previous mention (p or k)"
                    on:click=move |_| prev.step(-1)>
                    <span aria-hidden="true">"‹"</span><span class="pin-label">" Previous"</span>
                </button>
                <button type="button" class="pin-button" title="Next mention (n or j)"
                    on:click=move |_| next.step(1)>
                    <span class="pin-label">"Next "</span><span aria-hidden="true">"›"</span>
                </button>
                <button type="button" class="pin-button" title="Unpin (Escape)"
                    on:click=move |_| unpin.unpin()>
                    <span class="pin-x" aria-hidden="true">"×"</span><span class="pin-label">"Unpin"</span>
                </button>
            </span>
        </div>
        <p class="pin-hint" aria-hidden="true">{hint}</p>
    }
}
