//! The share control: copy a link to the current view (the Clipboard API,
//! or a selected text field to copy by hand where it is unavailable).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::import::ImportButton;
use super::state::{LinkDoc, ViewCtx};
use super::url;

/// What a link to the current view restores, in words.
fn restores(ctx: &ViewCtx) -> String {
    let mut parts = vec![if ctx.doc.id == crate::analysis::DEFAULT_ID {
        "the sample article".to_string()
    } else {
        "this document (inside the link)".to_string()
    }];
    if ctx.imported {
        parts.push("with claimlens' own entities (imported ones do not travel in links)".into());
    }
    if let Some(e) = ctx.pinned.get_untracked() {
        parts.push(format!("{} pinned", ctx.analysis.entities[e].name));
    }
    if ctx.claim.get_untracked().is_some() {
        parts.push("the selected claim".into());
    }
    let hidden = ctx.hidden.get_untracked().labels().count();
    if hidden > 0 {
        parts.push(format!(
            "{hidden} hidden type{}",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    let passages = ctx.passages.with_untracked(Vec::len);
    if passages > 0 {
        parts.push(format!(
            "{passages} highlighted passage{}",
            if passages == 1 { "" } else { "s" }
        ));
    }
    let filters = [
        ctx.relation.with_untracked(Option::is_some),
        ctx.speaker.with_untracked(Option::is_some),
        ctx.order.get_untracked() != crate::analysis::share::Order::Position,
        ctx.all_claims.get_untracked(),
        ctx.badges.get_untracked(),
    ]
    .into_iter()
    .filter(|f| *f)
    .count();
    if filters > 0 {
        parts.push(format!(
            "{filters} panel setting{}",
            if filters == 1 { "" } else { "s" }
        ));
    }
    let added = ctx.sources.with_untracked(Vec::len) - url::sources_left_out(ctx).len();
    if added > 0 {
        parts.push(format!(
            "{added} added source{}",
            if added == 1 { "" } else { "s" }
        ));
    }
    parts.join(", ")
}

/// What a link to the current view cannot carry, in words (empty: nothing).
fn cannot_travel(ctx: &ViewCtx) -> String {
    url::sources_left_out(ctx)
        .into_iter()
        .map(|(n, name, alone)| crate::analysis::share::not_in_link(n, &name, alone))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Open the system share sheet (Web Share API) with the link; false if unavailable.
fn web_share(title: &str, link: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(share) = js_sys::Reflect::get(&nav, &"share".into()) else {
        return false;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &link.into());
    // The promise rejects when the reader cancels: nothing to do then.
    share.call1(&nav, &data).is_ok()
}

/// A file name from a title: letters, digits and dashes, at most 60.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(60)
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "document".into()
    } else {
        stem.into()
    }
}

/// Offer `text` as a file download named `name`.
pub(super) fn download(name: &str, mime: &str, text: &str) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

crate::split_fn! {
/// Export the view's passages, entities and claims as W3C Web Annotation
/// JSON-LD (the `annotations` chunk).
annotations, fn export_annotations(ctx: ViewCtx) {
    let json = crate::analysis::share::web_annotations(
        &ctx.doc,
        &ctx.analysis,
        &ctx.passages.get_untracked(),
    );
    let _ = download(
        &format!("{}.annotations.jsonld", ctx.doc.id),
        "application/ld+json",
        &json,
    );
}
}

/// True when the browser has the Web Share API.
fn can_web_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// A "Copy link" button with its confirmation.
#[component]
pub fn ShareButton() -> impl IntoView {
    let ctx = ViewCtx::get();
    let status = RwSignal::new(String::new());
    let manual = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let copy = {
        let ctx = ctx.clone();
        move |_| {
            if let LinkDoc::TooLong(n) = *ctx.link_doc {
                manual.set(None);
                let name = format!("{}.txt", file_stem(&ctx.doc.title));
                let _ = download(&name, "text/plain;charset=utf-8", &ctx.doc.text);
                let others = ctx.sources.with_untracked(Vec::len);
                let others = if others > 0 {
                    format!(" The {others} document(s) it is compared with are not in it: send them too.")
                } else {
                    String::new()
                };
                status.set(format!(
                    "This document is too long for a link (about {n} characters; links stop at {}). It was downloaded as {name}: send the file, and open it in claimlens.{others}",
                    crate::analysis::share::MAX_LINK
                ));
                return;
            }
            let link = url::current_link();
            let lost = cannot_travel(&ctx);
            let what = restores(&ctx);
            let copied = format!("Link copied. It reopens {what}. {lost}");
            let by_hand = format!("Copy the link below. {lost}");
            let (copied, by_hand) = (
                copied.trim_end().to_string(),
                by_hand.trim_end().to_string(),
            );
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            match clipboard {
                Some(c) => {
                    let promise = c.write_text(&link);
                    leptos::task::spawn_local(async move {
                        match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(_) => {
                                manual.set(None);
                                status.set(copied);
                            }
                            Err(_) => {
                                manual.set(Some(link));
                                status.set(by_hand);
                            }
                        }
                    });
                }
                None => {
                    manual.set(Some(link));
                    status.set(by_hand);
                }
            }
        }
    };
    let export = {
        let ctx = ctx.clone();
        move |_| super::lazy::run(export_annotations(ctx.clone()))
    };
    let title = ctx.doc.title.clone();
    let copy_label = if matches!(*ctx.link_doc, LinkDoc::TooLong(_)) {
        "Download document"
    } else {
        "Copy link"
    };
    let share_sheet = move |_| {
        let _ = web_share(&title, &url::current_link());
    };
    // Select the fallback field's text when it appears.
    Effect::new(move |_| {
        if manual.get().is_some() {
            if let Some(el) = input.get() {
                let el: &web_sys::HtmlInputElement = el.unchecked_ref();
                let _ = el.focus();
                el.select();
            }
        }
    });
    view! {
        <div class="share">
            <button type="button" class="share-button copy-link" on:click=copy
                title="Copy a link that reopens this view: document, pinned entity and filters">
                {copy_label}
            </button>
            <button type="button" class="link-button" on:click=export
                title="Download the highlights, entities and claims as W3C Web Annotations (JSON-LD)">
                "Export"
            </button>
            <ImportButton/>
            <Show when=can_web_share>
                <button type="button" class="link-button" on:click=share_sheet.clone()>"Share…"</button>
            </Show>
            <span class="share-status" role="status" aria-live="polite">{move || status.get()}</span>
            <Show when=move || manual.get().is_some()>
                <label class="sr-only" for="share-link">"Link to this view"</label>
                <input id="share-link" class="share-link" type="text" readonly
                    node_ref=input prop:value=move || manual.get().unwrap_or_default()/>
            </Show>
        </div>
    }
}
