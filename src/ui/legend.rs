//! The legend and filter bar: one toggle per entity type with its count,
//! all / none, and a switch for type labels after each highlight.

use leptos::prelude::*;

use super::state::ViewCtx;
use crate::analysis::{label_description, label_key, label_title, LabelSet};

/// The legend above the article.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = ViewCtx::get();
    let hidden = ctx.hidden;
    let badges = ctx.badges;
    let toggles = ctx
        .counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| {
            let key = label_key(label);
            let shown = move || !hidden.get().contains(label);
            view! {
                <button
                    type="button"
                    class=format!("legend-toggle lt-{key}")
                    aria-pressed=move || shown().to_string()
                    title=format!("{}: show or hide their highlights", label_description(label))
                    on:click=move |_| hidden.update(|h| *h = h.toggled(label))
                >
                    <span class=format!("swatch sw-{key}") aria-hidden="true"></span>
                    <span class="legend-name">{label_title(label)}</span>
                    <span class="legend-count">{n}</span>
                </button>
            }
        })
        .collect_view();
    // `crate::analysis::prerender` writes this markup into the first paint
    // (index.html): change both (tests/first_paint.rs compares them).
    view! {
        <div class="legend" role="group" aria-label="Highlight entity types">
            <div class="legend-toggles">{toggles}</div>
            <div class="legend-actions">
                <button type="button" class="link-button" on:click=move |_| hidden.set(LabelSet::NONE)>
                    "All"
                </button>
                <button type="button" class="link-button" on:click=move |_| hidden.set(LabelSet::all())>
                    "None"
                </button>
                <button
                    type="button"
                    class="link-button"
                    aria-pressed=move || badges.get().to_string()
                    on:click=move |_| badges.update(|b| *b = !*b)
                >
                    "Type labels"
                </button>
            </div>
        </div>
    }
}
