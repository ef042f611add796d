//! The Compare tab: the article's claims lined up with other sources (the
//! bundled reference pack, texts the reader adds) — a summary, a claim list
//! filterable by relation, speaker and the pinned entity, the side-by-side
//! view of the chosen claim, a coverage matrix, the sources and the export.
//!
//! The comparison ([`crate::analysis::compare`]) is built the first time the
//! tab opens, never at page load, and again whenever a source is added or
//! removed; when the documents are long (a source over 48 KB, or one
//! beside such a source), in slices of a few milliseconds with progress
//! and Cancel (`sources::compare_in_slices`, [`Job`]). Choosing a claim
//! sets [`ViewCtx::claim`], so the article highlights it and links
//! restore it. The panel compares; it never says which side is true.
//!
//! Size: the shell (filters, the add form) is a Leptos view built once; the
//! parts that follow the comparison (summary, list, side-by-side view,
//! matrix, sources) are plain DOM built by a few small functions
//! (`El`) and rebuilt whole when it changes, and the chosen claim is shown
//! by toggling attributes. Typed Leptos views of the same parts cost the wasm
//! about 25 KB gzipped more (a build and a rebuild path per view type). Text
//! goes in as text nodes only, never as HTML.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::claims_panel::score_text;
use super::dom::chosen_file;
use super::events::dispatch_soon;
use super::intake::html_to_tree;
use super::share::download;
use super::state::{AddedSource, ViewCtx};
use crate::analysis::app::{
    file_name, not_fetched, open_rebased, pack_source, rebase, LinkDoc, WorkDoc,
};
use crate::analysis::compare::{
    claim_names_entity, json_ld, list as claim_list, Alignment, Comparison, DocKind, Job,
    ListQuery, Relation, Source, Workspace,
};
use crate::analysis::intake::{
    intake_bytes, intake_text, src_request, Intake, IntakeError, SrcRequest,
};
use crate::analysis::share::{Order, Tab, ViewState};
use crate::analysis::{Label, Span};

mod dom;
mod render;
mod sources;

use dom::*;
use render::*;
use sources::*;

/// Pasted or opened texts larger than this are refused (a longer one is
/// analysed and compared in slices: `sources::compare_in_slices`).
const MAX_SOURCE: usize = 8 * 1024 * 1024;

/// The workspace and its comparison, always computed together.
struct Data {
    ws: Workspace,
    cmp: Comparison,
}

type Shared = RwSignal<Option<Arc<Data>>>;

impl Data {
    fn new(ws: Workspace) -> Arc<Data> {
        let cmp = ws.compare();
        Arc::new(Data { ws, cmp })
    }
}

/// The panel's controls and the places the comparison is shown, built
/// once, the first time there is a comparison.
fn shell(ctx: &ViewCtx) {
    let Some(h) = host("cmp-shell") else { return };
    let own = |s: &str| s.to_string();
    let mut rels = vec![(String::new(), own("All"))];
    rels.extend(
        Relation::ALL
            .iter()
            .map(|r| (own(r.name()), own(badge(*r)))),
    );
    let mut speakers = vec![(String::new(), own("Anyone"))];
    for i in 0..ctx.analysis.claims.len() {
        let s = speaker_of(ctx, i);
        if !speakers.iter().any(|(v, _)| *v == s) {
            speakers.push((s.clone(), s));
        }
    }
    let mut entities = vec![(String::new(), own("Any"))];
    for (e, ent) in ctx.analysis.entities.iter().enumerate() {
        if !matches!(ent.label, Label::Date | Label::Quantity | Label::Money)
            && (0..ctx.analysis.claims.len()).any(|c| claim_names_entity(&ctx.analysis, c, e))
        {
            entities.push((e.to_string(), ent.name.clone()));
        }
    }
    let orders = [
        (own(Order::Position.key()), own("Position")),
        (own(Order::Score.key()), own("Check-worthiness")),
        (own(Order::Speaker.key()), own("By speaker")),
    ];
    let filters = El::new("div", "cmp-filters")
        .add(select("Relation", "rel", &rels))
        .add(select("Speaker", "speaker", &speakers))
        .add(select("Entity", "entity", &entities))
        .add(select("Order", "order", &orders));
    let add = El::new("details", "cmp-add")
        .leaf("summary", "", "Add a source")
        .add(
            El::new("label", "")
                .attr("for", "cmp-add-name")
                .text("Name"),
        )
        .add(
            El::new("input", "")
                .attr("id", "cmp-add-name")
                .attr("type", "text")
                .attr("placeholder", "e.g. Wire report, 4 June 2025"),
        )
        .add(
            El::new("label", "")
                .attr("for", "cmp-add-text")
                .text("Text"),
        )
        .add(
            El::new("textarea", "")
                .attr("id", "cmp-add-text")
                .attr("rows", "5")
                .attr("placeholder", "Paste a text, or a page's address (https://…)"),
        )
        .add(
            El::new("div", "cmp-add-actions")
                .add(
                    El::new("button", "share-button")
                        .attr("type", "button")
                        .attr("data-act", "add")
                        .text("Compare this text"),
                )
                .add(
                    El::new("label", "link-button file-button")
                        .text("Open a file…")
                        .add(
                            El::new("input", "sr-only")
                                .attr("type", "file")
                                .attr("name", "file")
                                .attr("accept", ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"),
                        ),
                ),
        )
        .add(
            El::new("p", "cmp-status")
                .attr("id", "cmp-status")
                .attr("role", "status"),
        );
    let div = |id: &str, class: &str| El::new("div", class).attr("id", id);
    let shell = El::new("div", "")
        .add(div("cmp-summary", ""))
        .add(filters)
        .add(
            El::new("p", "cmp-pinned")
                .attr("id", "cmp-pinned")
                .attr("role", "status"),
        )
        .add(div("cmp-list", "cmp-list"))
        .add(div("cmp-matrix", ""))
        .add(div("cmp-sources", ""))
        .add(add)
        .add(
            El::new("button", "link-button")
                .attr("type", "button")
                .attr("data-act", "export")
                .attr(
                    "title",
                    "Download the claims and their relations to the sources as JSON-LD (schema.org Claim)",
                )
                .text("Export comparison (JSON-LD)"),
        );
    let _ = h.append_with_node_1(&shell.0);
}

/// Show the workspace `new`, without the source `gone`, and say so.
fn removed_now(ctx: &ViewCtx, data: Shared, new: Arc<Data>, gone: &Source) {
    ctx.sources
        .update(|s| s.retain(|s| user_id(s) != gone.meta.id));
    let left = new.ws.sources().len();
    let said = format!(
        "Removed {}. {left} source{} left.",
        gone.meta.source,
        if left == 1 { "" } else { "s" }
    );
    // The status line follows: it no longer names the source.
    status(&said, true);
    ctx.announce.set(said);
    data.set(Some(new));
    // The button is gone: keep the focus nearby.
    set_timeout(
        || {
            if let Some(h) = find_html("cmp-sources-title") {
                let _ = h.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Say which entity the list is narrowed to, with a way back.
fn show_pinned(ctx: &ViewCtx) {
    let pinned = ctx.pinned.get_untracked();
    if let Some(sel) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("#cmp-shell select[name=entity]")
            .ok()
            .flatten()
    }) {
        let v = pinned.map(|e| e.to_string()).unwrap_or_default();
        let _ = js_sys::Reflect::set(&sel, &"value".into(), &v.into());
    }
    let Some(p) = host("cmp-pinned") else { return };
    let _ = p.toggle_attribute_with_force("hidden", pinned.is_none());
    if let Some(e) = pinned {
        let name = &ctx.analysis.entities[e].name;
        let _ = p.append_with_str_1(&format!("Only claims that mention {name} (pinned). "));
        let b = El::new("button", "link-button")
            .attr("type", "button")
            .attr("data-act", "unpin")
            .text("Show all");
        let _ = p.append_with_node_1(&b.0);
    }
}

crate::split_fn! {
    /// The Compare tab (the `compare` chunk, loaded when the tab first opens).
    compare, pub fn compare_panel_view() -> AnyView {
        view! { <ComparePanel/> }.into_any()
    }
}

/// The Compare tab's content (compared the first time the tab opens).
#[component]
pub fn ComparePanel() -> impl IntoView {
    let ctx = ViewCtx::get();
    let data: Shared = RwSignal::new(None);
    // The article and its reference pack: what added sources are added to.
    let base = StoredValue::new(None::<Arc<Workspace>>);
    let (pinned, selected) = (ctx.pinned, ctx.claim);
    // Compare the first time the tab opens (once the reference pack, one of
    // the app's own files, has been fetched).
    {
        let ctx = ctx.clone();
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            if ctx.tab.get() == Tab::Compare && !started.get_value() {
                started.set_value(true);
                let ctx = ctx.clone();
                leptos::task::spawn_local(async move {
                    // The article and its reference pack compared, by the
                    // engine (which the bundled article did not need):
                    // prepared in idle time after the first paint, or now.
                    let made = match super::warm::base(&ctx.doc, &ctx.analysis).await {
                        Ok(made) => made,
                        Err(e) => {
                            // Said in the panel; opening the tab again tries again.
                            started.set_value(false);
                            if let Some(shell) = web_sys::window()
                                .and_then(|w| w.document())
                                .and_then(|d| d.get_element_by_id("cmp-shell"))
                            {
                                shell.set_text_content(Some(&e.to_string()));
                            }
                            return;
                        }
                    };
                    if let Some(file) = made.missing {
                        ctx.notices.set(vec![format!(
                            "The reference pack ({file}) could not be loaded: the comparison has only the sources you add."
                        )]);
                    }
                    let ws = made.ws;
                    ctx.pack_sources.set(ws.sources().len());
                    base.set_value(Some(ws.clone()));
                    data.set(Some(Arc::new(Data {
                        ws: (*ws).clone(),
                        cmp: made.cmp,
                    })));
                    // With the sources a link brought, if any.
                    follow_sources(&ctx, data, &ws);
                });
            }
        });
    }
    // Sources changed by a link (back / forward): compare again.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            ctx.sources.track();
            if let Some(ws) = base.get_value() {
                follow_sources(&ctx, data, &ws);
            }
        });
    }
    // A new comparison, other filters or another pinned entity: rebuild.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            ctx.relation.track();
            ctx.speaker.track();
            ctx.order.track();
            pinned.track();
            if let Some(d) = data.get() {
                if web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|doc| doc.get_element_by_id("cmp-summary"))
                    .is_none()
                {
                    shell(&ctx);
                    show_filters(&ctx);
                }
                show_summary(&d);
                show_pinned(&ctx);
                show_list(&ctx, &d);
            }
        });
    }
    // Another claim chosen: its side-by-side view.
    Effect::new(move |prev: Option<()>| {
        let c = selected.get();
        if let (Some(d), Some(_)) = (data.get_untracked(), prev) {
            show_detail(&d, c);
        }
    });
    // Every control of the panel, by delegation.
    let click = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::MouseEvent| {
            let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let in_part = |id: &str| el.closest(&format!("#{id}")).ok().flatten().is_some();
            if let Some(i) = clicked(&ev, "data-c") {
                if in_part("cmp-matrix") {
                    // The matrix selects and brings the claim into view.
                    selected.set(Some(i));
                    reveal(i);
                } else {
                    let now = selected.get_untracked();
                    selected.set(if now == Some(i) { None } else { Some(i) });
                }
                return;
            }
            if let (Some(j), Some(d)) = (clicked(&ev, "data-base"), data.get_untracked()) {
                make_base(&ctx, &d.ws, Some(j));
                return;
            }
            if let (Some(j), Some(d)) = (clicked(&ev, "data-remove"), data.get_untracked()) {
                if busy() {
                    return;
                }
                let mut ws = d.ws.clone();
                let Some(gone) = ws.remove(j) else { return };
                if long_to_compare(&ws) {
                    // Long documents: compared again in slices.
                    let (name, undone) = (
                        gone.meta.source.clone(),
                        format!("{} was not removed.", gone.meta.source),
                    );
                    let ctx = ctx.clone();
                    compare_in_slices(data, d, Job::compare(ws), name, undone, move |new| {
                        removed_now(&ctx, data, new, &gone)
                    });
                } else {
                    let new = Data::new(ws);
                    removed_now(&ctx, data, new, &gone);
                }
                return;
            }
            let act = el
                .closest("[data-act]")
                .ok()
                .flatten()
                .and_then(|a| a.get_attribute("data-act"))
                .unwrap_or_default();
            match act.as_str() {
                "unpin" => ctx.unpin(),
                "cancel-job" => cancel_job(),
                "remove-base" => {
                    if let Some(d) = data.get_untracked() {
                        make_base(&ctx, &d.ws, None);
                    }
                }
                "export" => {
                    if let Some(d) = data.get_untracked() {
                        let _ = download(
                            &format!("{}.claims.jsonld", ctx.doc.id),
                            "application/ld+json",
                            &json_ld(&d.ws, &d.cmp),
                        );
                    }
                }
                "add" => {
                    let doc = web_sys::window().and_then(|w| w.document());
                    let value = |id: &str| {
                        doc.as_ref()
                            .and_then(|d| d.get_element_by_id(id))
                            .map(|e| prop(&e, "value"))
                            .unwrap_or_default()
                    };
                    let text = value("cmp-add-text");
                    if text.trim().is_empty() {
                        status("Paste or open a text first.", false);
                        return;
                    }
                    // A page's address: fetched now that the reader asks.
                    if let Some(url) = address(&text) {
                        add_address(&ctx, data, value("cmp-add-name"), url);
                        return;
                    }
                    // Pasted text goes through the same checks as Open….
                    let got = intake_text("", &text, &html_to_tree);
                    if add_intake(&ctx, data, value("cmp-add-name"), got) {
                        set_prop("cmp-add-name", "value", "");
                        set_prop("cmp-add-text", "value", "");
                    }
                }
                _ => {}
            }
        }
    };
    let change = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::Event| {
            let Some(t) = ev.target() else { return };
            let value = prop(&t, "value");
            match prop(&t, "name").as_str() {
                "rel" => ctx.relation.set(Relation::parse(&value)),
                "speaker" => ctx.speaker.set((!value.is_empty()).then_some(value)),
                "order" => ctx.order.set(Order::parse(&value).unwrap_or_default()),
                "entity" => match value.parse::<usize>() {
                    Ok(e) => ctx.pin(e, 0),
                    Err(_) => ctx.unpin(),
                },
                "file" => {
                    let Some(file) = chosen_file(&ev) else { return };
                    if file.size() > MAX_SOURCE as f64 {
                        status("This file is too large to compare (over 8 MB).", false);
                        return;
                    }
                    // The same checks as Open…: what it is, its encoding,
                    // a saved page's article.
                    let name = file.name();
                    let promise = file.array_buffer();
                    let ctx = ctx.clone();
                    leptos::task::spawn_local(async move {
                        let Ok(buf) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                            status(
                                &format!("{name} could not be read. Nothing was added."),
                                false,
                            );
                            return;
                        };
                        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                        add_intake(
                            &ctx,
                            data,
                            String::new(),
                            intake_bytes(&name, &bytes, &html_to_tree),
                        );
                    });
                }
                _ => {}
            }
        }
    };
    view! {
        <section class="panel-card cmp-panel" aria-labelledby="cmp-title"
            on:click=click on:change=change>
            <h2 id="cmp-title" class="panel-title">"Compare with other sources"</h2>
            <div id="cmp-shell"><p class="cmp-note">"Comparing…"</p></div>
        </section>
    }
}
