//! The share control: copy a link to the current view (the Clipboard API,
//! or a selected text field to copy by hand where it is unavailable).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::url;

/// A "Copy link" button with its confirmation.
#[component]
pub fn ShareButton() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let manual = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let link = url::current_link();
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        match clipboard {
            Some(c) => {
                let promise = c.write_text(&link);
                leptos::task::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => {
                            manual.set(None);
                            status.set("Link copied: it reopens this view.".into());
                        }
                        Err(_) => {
                            manual.set(Some(link));
                            status.set("Copy the link below.".into());
                        }
                    }
                });
            }
            None => {
                manual.set(Some(link));
                status.set("Copy the link below.".into());
            }
        }
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
            <button type="button" class="share-button" on:click=copy
                title="Copy a link that reopens this view: document, pinned entity and filters">
                "Copy link"
            </button>
            <span class="share-status" role="status" aria-live="polite">{move || status.get()}</span>
            <Show when=move || manual.get().is_some()>
                <label class="sr-only" for="share-link">"Link to this view"</label>
                <input id="share-link" class="share-link" type="text" readonly
                    node_ref=input prop:value=move || manual.get().unwrap_or_default()/>
            </Show>
        </div>
    }
}
