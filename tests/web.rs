//! Component tests that run inside headless Chromium (wasm32 only):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use claimlens::ui::fatal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn error_banner_shows_text_never_markup() {
    let hostile = "boom <img src=x onerror=\"window.__pwned=1\">";
    fatal::show_error(hostile);
    let banner = document().get_element_by_id("boot-status").expect("banner");
    assert_eq!(banner.text_content().as_deref(), Some(hostile));
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.class_name().contains("boot-error"));
    assert_eq!(
        banner.child_element_count(),
        0,
        "the message was parsed as markup"
    );
    // A later start does not hide a reported failure.
    fatal::mark_started();
    assert!(!banner.unchecked_ref::<web_sys::HtmlElement>().hidden());
    banner.remove();
}

#[wasm_bindgen_test]
fn loading_banner_hides_once_started() {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    el.set_id("boot-status");
    el.set_class_name("boot-status");
    el.set_text_content(Some("Loading claimlens…"));
    doc.body().unwrap().append_child(&el).unwrap();
    fatal::mark_started();
    assert!(el.unchecked_ref::<web_sys::HtmlElement>().hidden());
    assert_eq!(
        doc.document_element()
            .unwrap()
            .get_attribute("data-app")
            .as_deref(),
        Some("ready")
    );
    el.remove();
}
