//! Embedding claimlens in other sites.
//!
//! With `e=1` in the link the page drops its header and footer, keeps the
//! article with a collapsible panel and an "Open in claimlens" link, and —
//! when it is inside a frame — posts its height to the parent so that
//! `embed.js` on the host page can size the iframe, and so can the
//! resizers host pages already run for Datawrapper, Flourish and AMP
//! embeds ([`height_messages`]). It posts its height and nothing else.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::state::LinkDoc;
use super::url;
use crate::analysis::share::{embed_link, embed_snippet, height_messages, HeightMessage};

/// Post the document's height to the parent frame now and whenever it changes.
pub fn post_height_when_framed() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = w.parent() else {
        return;
    };
    if parent == w {
        return; // not in a frame
    }
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return;
    };
    let Some(body) = w.document().and_then(|d| d.body()) else {
        return;
    };
    let post = {
        let body = body.clone();
        move || {
            // The content's height (not scrollHeight, which never drops below
            // the frame's own height and would only ever grow).
            let height = body.get_bounding_client_rect().height().ceil().max(0.0) as u32;
            // Only a number leaves the frame; any host may read it.
            for m in height_messages(height) {
                let msg = match m {
                    HeightMessage::Object(json) => js_sys::JSON::parse(&json).ok(),
                    HeightMessage::Text(text) => Some(text.into()),
                };
                if let Some(msg) = msg {
                    let _ = parent.post_message(&msg, "*");
                }
            }
        }
    };
    post();
    let cb = Closure::<dyn Fn()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(&root);
        observer.observe(&body);
    }
    cb.forget(); // lives as long as the page
}

/// The link without embed mode: the full app.
fn full_link() -> String {
    let link = url::current_link();
    link.replace("&e=1", "")
}

/// Where the app is served from (the page URL without query or fragment).
fn app_base() -> String {
    let link = url::current_link();
    let end = link.find(['?', '#']).unwrap_or(link.len());
    link[..end].to_string()
}

/// The bar shown at the top of an embedded view.
#[component]
pub fn EmbedBar(title: String) -> impl IntoView {
    view! {
        <div class="embed-bar">
            <span class="embed-brand">"claimlens"</span>
            <span class="embed-title">{title}</span>
            <a class="embed-open" href=full_link target="_blank" rel="noopener">
                "Open in claimlens"
            </a>
        </div>
    }
}

/// Why a document kept only in this browser cannot be embedded.
fn refusal(packed: usize) -> String {
    format!(
        "This document cannot be embedded: it is too long to travel in a link \
         (about {packed} characters packed; links carry up to {}), so links name it \
         by an id that only this browser can open, and an embedded view would show \
         your readers nothing. Embed a shorter text, or publish the article as a web \
         page and link to it.",
        crate::analysis::share::MAX_LINK
    )
}

/// The embed-code generator: an iframe and the resize script for host pages
/// (the box comes from the `annotations` chunk when first opened). A document
/// carried in the link is embedded whole; one only this browser holds is refused.
#[component]
pub fn EmbedCode(title: String) -> AnyView {
    let open = RwSignal::new(false);
    let ctx = super::state::ViewCtx::get();
    super::state::one_popover(ctx.popover, super::state::Popover::Embed, open);
    // A document too long to travel in a link is named by a local id that
    // only this browser can open: an embed of it would show readers nothing.
    if let LinkDoc::TooLong(n) = *ctx.link_doc {
        return view! {
            <div class="embed-code">
                <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    "Embed"
                </button>
                <div class="embed-box" hidden=move || !open.get()>
                    <p class="embed-refused">{refusal(n)}</p>
                </div>
            </div>
        }
        .into_any();
    }
    let loaded = Memo::new(move |l: Option<&bool>| l.copied().unwrap_or(false) || open.get());
    view! {
        <div class="embed-code">
            <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                "Embed"
            </button>
            <div class="embed-box" hidden=move || !open.get()>
                {move || loaded.get().then(|| super::lazy::lazy_view(embed_box_view(title.clone(), open)))}
            </div>
        </div>
    }
    .into_any()
}

crate::split_fn! {
    /// The embed box's content: the code to paste, for the view shown now,
    /// and a Copy button.
    annotations, fn embed_box_view(title: String, open: RwSignal<bool>) -> AnyView {
        // The link is the view shown when the box opens (or Copy is pressed).
        let snippet = move || embed_snippet(&embed_link(&url::current_link()), &title, &app_base());
        let code = {
            let snippet = snippet.clone();
            move || {
                open.track();
                snippet()
            }
        };
        let status = RwSignal::new(String::new());
        let area = NodeRef::<leptos::html::Textarea>::new();
        // Without a clipboard: select the code for the reader to copy.
        let select = move || {
            if let Some(el) = area.get_untracked() {
                let el: &web_sys::HtmlTextAreaElement = el.unchecked_ref();
                let _ = el.focus();
                el.select();
            }
            status.set("Press Ctrl+C (⌘C) to copy the selected code.".into());
        };
        let copy = move |_| {
            let text = snippet();
            let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                select();
                return;
            };
            let promise = clipboard.write_text(&text);
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set("Embed code copied.".into()),
                    Err(_) => select(),
                }
            });
        };
        view! {
            <label for="embed-code">"Paste this into your page's HTML:"</label>
            <textarea id="embed-code" readonly rows="5" node_ref=area prop:value=code></textarea>
            <div class="embed-actions">
                <button type="button" class="share-button embed-copy" on:click=copy>"Copy"</button>
                <span class="embed-status" role="status" aria-live="polite">{move || status.get()}</span>
            </div>
        }
        .into_any()
    }
}
