//! The pin bar: which entity is pinned, "3 of 12", previous / next, unpin.

use leptos::prelude::*;

use super::state::ViewCtx;
use crate::analysis::{label_key, label_title};

/// Shown above the article while an entity is pinned.
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
    let (prev, next, unpin) = (ctx.clone(), ctx.clone(), ctx.clone());
    view! {
        <div class="pin-bar" role="region" aria-label="Pinned entity" hidden=move || pinned.get().is_none()>
            {move || info().map(|(name, label, n)| view! {
                <span class=format!("swatch sw-{}", label_key(label)) aria-hidden="true"></span>
                <span class="pin-name">{name}</span>
                <span class="pin-type">{label_title(label)}</span>
                <span class="pin-pos" aria-live="off">
                    {move || format!("{} of {n}", cursor.get() + 1)}
                </span>
            })}
            <span class="pin-actions">
                <button type="button" class="pin-button" title="Previous mention (p or k)"
                    on:click=move |_| prev.step(-1)>
                    <span aria-hidden="true">"‹ "</span>"Previous"
                </button>
                <button type="button" class="pin-button" title="Next mention (n or j)"
                    on:click=move |_| next.step(1)>
                    "Next"<span aria-hidden="true">" ›"</span>
                </button>
                <button type="button" class="pin-button" title="Unpin (Escape)"
                    on:click=move |_| unpin.unpin()>
                    "Unpin"
                </button>
            </span>
        </div>
    }
}
