//! Browser tests of the bundled article's build-time analysis
//! (src/ui/engine.rs): the first page shows it without loading the engine
//! (which then loads in idle time, for the next document),
//! it is exactly what the engine finds in the browser, a damaged one is not
//! used, and an engine that cannot load is a message, not a crash.

mod support;

use serde_json::{json, Value};
use support::server::{Override, Server};
use support::webdriver::Browser;

/// The highlighted mentions in the article, as (label, text) in order, and
/// the entity list's rows.
fn highlights(browser: &Browser) -> Value {
    browser.js(
        "return { marks: [...document.querySelectorAll('article.article mark.m')].map(m => m.dataset.l + ' ' + m.textContent), \
                  rows: [...document.querySelectorAll('.entity-list li')].map(li => li.textContent) };",
    )
}

fn fetched(browser: &Browser) -> Vec<String> {
    fetched_before(browser, "Infinity")
}

/// The files fetched before the time `at` (a JS expression, ms from navigation).
fn fetched_before(browser: &Browser, at: &str) -> Vec<String> {
    browser
        .js(&format!(
            "const at = {at};
             return performance.getEntriesByType('resource').filter(e => e.startTime < at)
               .map(e => new URL(e.name).pathname.slice(1));"
        ))
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Paste the bundled article's text into Open…, as a new document: the
/// engine analyses it in the browser.
fn paste_seed(browser: &Browser) {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed-istanbul-2025.txt"),
    )
    .unwrap();
    browser.click(".intake > button");
    browser.wait_for("return document.getElementById('paste-box') !== null;", 20);
    browser.eval(
        "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([seed]),
    );
    browser.click(".paste-go");
}

/// A server of `dist/` whose `lexicons.txt` is missing: the engine cannot load.
fn without_lexicons() -> Server {
    let server = Server::start(&support::dist_dir());
    server.set_override(
        "/lexicons.txt",
        Override {
            status: 404,
            content_type: "text/plain".into(),
            body: b"not found".to_vec(),
        },
    );
    server
}

#[test]
fn the_bundled_article_opens_without_the_engine_and_as_the_engine_sees_it() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    // What was fetched until the article was shown (the app marks it).
    let first = fetched_before(
        &browser,
        "performance.getEntriesByName('claimlens:highlighted')[0].startTime",
    );
    assert!(
        first.iter().any(|f| f == "sample-istanbul-2025.analysis"),
        "{first:?}"
    );
    assert!(
        !first
            .iter()
            .any(|f| f == "lexicons.txt" || f.starts_with("split_engine")),
        "the engine was loaded for the bundled article: {first:?}"
    );
    let bundled = highlights(&browser);
    assert!(bundled["marks"].as_array().unwrap().len() > 40, "{bundled}");
    // Then, in idle time, the engine is fetched for the next document.
    browser.wait_for(
        "return performance.getEntriesByType('resource').some(e => e.name.includes('split_engine')) \
           && performance.getEntriesByType('resource').some(e => e.name.endsWith('lexicons.txt'));",
        30,
    );

    paste_seed(&browser);
    browser.wait_for(
        "return location.hash.includes('x=') && document.querySelectorAll('article.article mark.m').length > 0 || null;",
        30,
    );
    let now = fetched(&browser);
    assert!(now.iter().any(|f| f == "lexicons.txt"), "{now:?}");
    assert!(now.iter().any(|f| f.starts_with("split_engine")), "{now:?}");
    // The same text analysed by the engine in the browser: the same
    // highlights and the same entities as the build-time analysis.
    assert_eq!(highlights(&browser), bundled);
}

#[test]
fn an_engine_that_cannot_load_leaves_the_article_with_a_message() {
    require_app!(true);
    let server = without_lexicons();
    let browser = Browser::start(1280, 900);
    support::load_app(&browser, &server.url("/"));
    let before = highlights(&browser);
    paste_seed(&browser);
    let text = browser.wait_for(
        "const n = document.querySelector('.notice-text'); return n && n.textContent.includes('could not be loaded') ? n.textContent : null;",
        30,
    );
    assert!(text.as_str().unwrap().contains("Reload"), "{text}");
    assert_eq!(highlights(&browser), before);
    let banner = browser.js("return document.querySelector('.boot-error') !== null;");
    assert_eq!(banner, json!(false));
}

#[test]
fn the_compare_tab_says_so_when_the_engine_cannot_load() {
    require_app!(true);
    let server = without_lexicons();
    let browser = Browser::start(1280, 900);
    support::load_app(&browser, &server.url("/#v=1&t=compare"));
    // The Compare tab analyses its reference pack with the engine.
    let text = browser.wait_for(
        "const s = document.getElementById('cmp-shell'); return s && s.textContent.includes('could not be loaded') ? s.textContent : null;",
        30,
    );
    assert!(text.as_str().unwrap().contains("Reload"), "{text}");
    let marks = browser.js("return document.querySelectorAll('article mark.m').length;");
    assert!(marks.as_u64().unwrap() > 20, "{marks}");
}

#[test]
fn a_damaged_build_time_analysis_is_not_used() {
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(&browser, &server.url("/"));
    let good = highlights(&browser);
    drop(browser);
    let analysis =
        std::fs::read_to_string(support::dist_dir().join("sample-istanbul-2025.analysis")).unwrap();
    // Cut short (a broken download): refused, and the engine analyses the
    // article in the browser instead, with the same result.
    let damaged = analysis[..analysis.len() / 2].to_string();
    server.set_override(
        "/sample-istanbul-2025.analysis",
        Override {
            status: 200,
            content_type: "text/plain".into(),
            body: damaged.into_bytes(),
        },
    );
    let browser = Browser::start(1280, 900);
    support::load_app(&browser, &server.url("/"));
    assert_eq!(highlights(&browser), good);
    assert!(fetched(&browser).iter().any(|f| f == "lexicons.txt"));
}
