//! Failure is visible: a panic or a failed start shows a readable banner in
//! the page and logs the message to the console, instead of a blank page.
//!
//! `index.html` holds a `#boot-status` element ("Loading claimlens…") that
//! `boot.js` turns into an error banner if the wasm cannot be fetched or
//! instantiated; once the app has mounted, [`mark_started`] hides it.

use wasm_bindgen::JsCast;

const BANNER_ID: &str = "boot-status";

/// Log panics to the console and show them in the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error(&format!(
            "claimlens stopped because of an internal error: {info}"
        ));
    }));
}

/// Show `message` in the error banner (as text, never as markup).
pub fn show_error(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let banner = match doc.get_element_by_id(BANNER_ID) {
        Some(el) => el,
        None => {
            let Ok(el) = doc.create_element("div") else {
                return;
            };
            el.set_id(BANNER_ID);
            if let Some(body) = doc.body() {
                let _ = body.prepend_with_node_1(&el);
            }
            el
        }
    };
    banner.set_class_name("boot-status boot-error");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(message));
    if let Some(el) = banner.dyn_ref::<web_sys::HtmlElement>() {
        el.set_hidden(false);
    }
}

/// Hide the loading banner once the app is in the page.
pub fn mark_started() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(BANNER_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if !el.class_name().contains("boot-error") {
            el.set_hidden(true);
        }
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}
