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

/// Mount the viewer for a 100k-word document and exercise pin and filters.
/// Prints timings (not asserted: timings belong in benchmarks) and checks
/// that pinning and filtering change classes without re-rendering.
/// Resolve after the browser has run pending tasks (effects, rendering).
async fn next_tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn hundred_thousand_words_stay_interactive() {
    use claimlens::analysis::app::Opening;
    use claimlens::analysis::{Document, DEFAULT_TEXT};
    use claimlens::ui::app::Viewer;

    let perf = web_sys::window().unwrap().performance().unwrap();
    let mut text = String::new();
    while claimlens::analysis::count_words(&text) < 100_000 {
        text.push_str(DEFAULT_TEXT);
        text.push('\n');
    }
    let words = claimlens::analysis::count_words(&text);
    let doc = Document::from_plain_text("big", "Big document", &text);
    let blocks = doc.blocks.len();
    // A viewer renders the analysis it is given (the application core brings it).
    claimlens::analysis::frontcode::install_bundled();
    let analysis = claimlens::analysis::analyse(&doc);
    // The page's own styles, so layout costs are those of the real app.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/main.css")));
    document().head().unwrap().append_child(&style).unwrap();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let t0 = perf.now();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        use leptos::prelude::*;
        view! { <Viewer opening=Opening { push: false, analysis: Some(analysis.clone()), ..Opening::document(doc.clone()) }/> }
    });
    next_tick().await;
    let t_first = perf.now();
    // Long documents arrive in batches of blocks, one per turn of the event
    // loop: wait for the last block.
    let last = format!("[data-b=\"{}\"]", blocks - 1);
    for _ in 0..10_000 {
        if host.query_selector(&last).unwrap().is_some() {
            break;
        }
        next_tick().await;
    }
    // The step after the last batch indexes its highlights.
    next_tick().await;
    next_tick().await;
    let t1 = perf.now();
    let marks = host.query_selector_all("mark.m").unwrap().length();
    assert!(marks > 10_000, "{marks} highlights");

    // Pin the first entity of the list, as a click would.
    let probe = host.query_selector("mark.m").unwrap().unwrap();
    let row: web_sys::HtmlElement = host
        .query_selector(".entity-row")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let t2 = perf.now();
    row.click();
    next_tick().await;
    let t3 = perf.now();
    let pinned = host.query_selector_all("mark.pin").unwrap().length();
    assert!(pinned > 100, "{pinned} pinned mentions");
    let filter: web_sys::HtmlElement = host
        .query_selector(".legend-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let t4 = perf.now();
    filter.click();
    next_tick().await;
    let t5 = perf.now();
    assert!(probe.is_connected(), "the article was re-rendered");
    web_sys::console::log_1(
        &format!(
            "100k-word document ({words} words, {marks} highlights): analyse + first batch {:.0} ms, \
             all batches {:.0} ms; pin ({pinned} mentions) {:.1} ms; filter toggle {:.1} ms",
            t_first - t0,
            t1 - t0,
            t3 - t2,
            t5 - t4
        )
        .into(),
    );
    drop(handle);
}
