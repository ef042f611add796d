//! The entity list in the side panel: grouped by type, most mentioned
//! first, with a filter box. Choosing an entity pins it.

use leptos::prelude::*;

use super::state::ViewCtx;
use crate::analysis::{label_key, label_title, Label};

/// Case-insensitive enough for names: ASCII lowercase, letters and digits only.
/// (Full Unicode lowercasing would pull its tables into the wasm for a filter box.)
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The list of entities, grouped by type.
#[component]
pub fn EntityList() -> impl IntoView {
    let ctx = ViewCtx::get();
    let query = RwSignal::new(String::new());
    // Entities of each type, most mentioned first, with their folded names.
    let groups: Vec<(Label, Vec<(usize, String)>)> = Label::ALL
        .iter()
        .map(|&label| {
            // The analysis lists entities most mentioned first, then by first
            // appearance (entities::cluster), so no sort is needed here.
            let ids: Vec<usize> = ctx
                .analysis
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.label == label && !e.mentions.is_empty())
                .map(|(i, _)| i)
                .collect();
            let es = &ctx.analysis.entities;
            let folded = ids
                .into_iter()
                .map(|i| {
                    let e = &es[i];
                    let mut key = fold(&e.name);
                    for a in &e.aliases {
                        key.push(' ');
                        key.push_str(&fold(a));
                    }
                    (i, key)
                })
                .collect();
            (label, folded)
        })
        .filter(|(_, v): &(Label, Vec<(usize, String)>)| !v.is_empty())
        .collect();
    let total = ctx.analysis.entities.len();

    let sections = groups
        .into_iter()
        .map(|(label, items)| {
            let key = label_key(label);
            let count = items.len();
            let keys: Vec<String> = items.iter().map(|(_, k)| k.clone()).collect();
            let any_visible = move || {
                let q = fold(&query.get());
                keys.iter().any(|k| k.contains(q.trim()))
            };
            let rows = items
                .into_iter()
                .map(|(i, folded)| {
                    let ctx2 = ctx.clone();
                    let e = &ctx.analysis.entities[i];
                    let n = e.mentions.len();
                    let pinned = ctx.pinned;
                    let visible = move || folded.contains(fold(&query.get()).trim());
                    let plural = if n == 1 { "mention" } else { "mentions" };
                    view! {
                        <li hidden=move || !visible()>
                            <button
                                type="button"
                                class="entity-row"
                                aria-pressed=move || (pinned.get() == Some(i)).to_string()
                                on:click=move |_| {
                                    if ctx2.pinned.get_untracked() == Some(i) {
                                        ctx2.unpin();
                                    } else {
                                        ctx2.pin(i, 0);
                                    }
                                }
                            >
                                <span class="entity-name">{e.name.clone()}</span>
                                <span class="entity-count">
                                    {n}<span class="sr-only">{format!(" {plural}")}</span>
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="entity-group" hidden=move || !any_visible()>
                    <h3 class="entity-group-title">
                        <span class=format!("swatch sw-{key}") aria-hidden="true"></span>
                        {label_title(label)}
                        <span class="entity-group-count">{count}</span>
                    </h3>
                    <ul class="entity-rows">{rows}</ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <section class="panel-card entity-list" aria-labelledby="entities-title">
            <h2 id="entities-title" class="panel-title">{format!("Entities · {total}")}
                {ctx.imported.then(|| view! {
                    <span class="imported-badge" title="These entities came from an imported displaCy file, not from claimlens">"imported"</span>
                })}
            </h2>
            <label class="filter-label" for="entity-filter">"Filter entities"</label>
            <input
                id="entity-filter"
                class="filter-input"
                type="search"
                placeholder="Name…"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <div class="entity-groups">{sections}</div>
        </section>
    }
}
