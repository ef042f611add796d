//! The entity list in the side panel: grouped by type, most mentioned
//! first, with a filter box. Choosing an entity pins it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::ViewCtx;
use crate::analysis::chunked::CHUNKED_ABOVE;
use crate::analysis::{label_key, label_title, Label};

/// Case-insensitive enough for names: ASCII lowercase, letters and digits only.
/// (Full Unicode lowercasing would pull its tables into the wasm for a filter box.)
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Rows of each group rendered per slice of a long list (see [`EntityList`]).
const ROWS: usize = 100;

/// Rows of each group in the first slice, rendered with the page: about a
/// screenful. The first frame of a long document's viewer lays out the
/// whole first slice, and 100 rows of each group made it most of that
/// frame (a 1 MB text: 390 rows, 3,200 of its 5,900 nodes).
const FIRST_ROWS: usize = 25;

/// The rows of a group of `len` in each slice: [`FIRST_ROWS`], then
/// [`ROWS`] at a time.
fn slice_bounds(len: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, FIRST_ROWS);
    while start < len {
        let end = (start + size).min(len);
        out.push(start..end);
        (start, size) = (end, ROWS);
    }
    out
}

/// The list of entities, grouped by type; a long document's (one analysed
/// in pieces, past [`CHUNKED_ABOVE`]) on the turn of the event loop after
/// the viewer's mount, so that task does not also group and fold every
/// entity's names and build the list's first slice (for 5 MB, the longest
/// task of the opening was that mount).
#[component]
pub fn EntityList() -> impl IntoView {
    if ViewCtx::get().doc.text.len() <= CHUNKED_ABOVE {
        return entity_list();
    }
    let shown = RwSignal::new(false);
    super::dom::in_turns(move || {
        // The viewer was closed meanwhile: nothing to show.
        let _ = shown.try_set(true);
        false
    });
    (move || shown.get().then(entity_list)).into_any()
}

/// The entity list itself ([`EntityList`]), type-erased: its two callers
/// share one build of its view (a concrete type would be built twice, once
/// directly and once in the deferred closure: about 8 KB of first load).
///
/// Rendered once, like the article: pinning changes `aria-pressed` on the
/// two rows concerned and the filter box toggles `hidden` on rows and
/// groups, so a long document's thousands of rows cost no reactive effect
/// each, and pinning does not touch every row. One delegated click handler
/// serves every row.
fn entity_list() -> AnyView {
    let ctx = ViewCtx::get();
    let query = RwSignal::new(String::new());
    // Entities of each type, most mentioned first, with their folded names.
    let groups: Vec<(Label, Vec<(usize, String)>)> = Label::ALL
        .iter()
        .map(|&label| {
            // The analysis lists entities most mentioned first, then by first
            // appearance (entities::cluster), so no sort is needed here.
            let es = &ctx.analysis.entities;
            let folded = es
                .iter()
                .enumerate()
                .filter(|(_, e)| e.label == label && !e.mentions.is_empty())
                .map(|(i, e)| {
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
    // Folded names by entity, and the groups' rows, for the filter.
    let index: Vec<(Label, Vec<(usize, String)>)> = groups.clone();

    // A long list is rendered in slices, one per turn of the event loop: the
    // first FIRST_ROWS rows of each group with the page, the next ROWS of
    // each with each turn after.
    let slices = groups
        .iter()
        .map(|g| slice_bounds(g.1.len()).len())
        .max()
        .unwrap_or(1)
        .max(1);
    let ready = super::dom::slices_in_turns(slices);
    let sections = groups
        .into_iter()
        .map(|(label, items)| {
            let key = label_key(label);
            let count = items.len();
            let row = {
                let ctx = ctx.clone();
                move |i: usize| -> AnyView {
                    let e = &ctx.analysis.entities[i];
                    let n = e.mentions.len();
                    let plural = if n == 1 { "mention" } else { "mentions" };
                    view! {
                        <li data-e=i>
                            <button type="button" class="entity-row" data-e=i aria-pressed="false">
                                <span class="entity-name">{e.name.clone()}</span>
                                <span class="entity-count">
                                    {n}<span class="sr-only">{format!(" {plural}")}</span>
                                </span>
                            </button>
                        </li>
                    }
                    .into_any()
                }
            };
            // Every slice the same way (the first is ready at once): one
            // kind of view in the wasm, not two.
            let rows: Vec<usize> = items.into_iter().map(|(i, _)| i).collect();
            let rows: Vec<_> = slice_bounds(rows.len())
                .into_iter()
                .enumerate()
                .map(|(k, range)| {
                    let (chunk, row) = (rows[range].to_vec(), row.clone());
                    // Through a memo: the slice renders once, when it is
                    // ready, not again on each later slice's turn.
                    let shown = Memo::new(move |_| k < ready.get());
                    move || {
                        shown
                            .get()
                            .then(|| chunk.iter().map(|&i| row(i)).collect::<Vec<_>>())
                    }
                })
                .collect();
            view! {
                <section class="entity-group" data-l=key>
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

    let root = NodeRef::<leptos::html::Div>::new();
    // The pinned entity's row is pressed (a link may pin one at start): only
    // the rows of the entities pinned and unpinned change.
    {
        let pinned = ctx.pinned;
        Effect::new(move |prev: Option<Option<usize>>| {
            let now = pinned.get();
            // Not in the page yet: this runs again when it is.
            let root = root.get()?;
            let press = |i: usize, on: bool| {
                if let Ok(Some(el)) = root.query_selector(&format!(".entity-row[data-e=\"{i}\"]")) {
                    let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
                }
            };
            match prev {
                Some(p) if p == now => return now,
                Some(Some(p)) => press(p, false),
                _ => {}
            }
            if let Some(i) = now {
                press(i, true);
            }
            now
        });
    }
    // The filter: rows whose names do not match, and groups left empty, are hidden.
    Effect::new(move |prev: Option<String>| {
        let q = fold(&query.get()).trim().to_string();
        let Some(root) = root.get() else {
            return q;
        };
        if prev.as_deref() == Some(q.as_str()) {
            return q;
        }
        let set_hidden = |el: &web_sys::Element, hide: bool| {
            let _ = if hide {
                el.set_attribute("hidden", "")
            } else {
                el.remove_attribute("hidden")
            };
        };
        for (label, items) in &index {
            let group = root
                .query_selector(&format!(".entity-group[data-l=\"{}\"]", label_key(*label)))
                .ok()
                .flatten();
            let rows = group
                .as_ref()
                .and_then(|g| g.query_selector_all("li[data-e]").ok());
            let mut any = false;
            for (k, (_, folded)) in items.iter().enumerate() {
                let show = folded.contains(q.as_str());
                any |= show;
                if let Some(el) = rows
                    .as_ref()
                    .and_then(|l| l.item(k as u32))
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    set_hidden(&el, !show);
                }
            }
            if let Some(g) = &group {
                set_hidden(g, !any);
            }
        }
        q
    });
    let on_click = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::MouseEvent| {
            let row = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".entity-row").ok().flatten());
            let Some(i) = row
                .and_then(|r| r.get_attribute("data-e"))
                .and_then(|v| v.parse::<usize>().ok())
            else {
                return;
            };
            if ctx.pinned.get_untracked() == Some(i) {
                ctx.unpin();
            } else {
                ctx.pin(i, 0);
            }
        }
    };

    // `crate::analysis::prerender` writes this markup into the first paint
    // (index.html): change both (tests/first_paint.rs compares them).
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
            <div class="entity-groups" node_ref=root on:click=on_click>{sections}</div>
        </section>
    }
    .into_any()
}
