//! Browser tests: the release build in `dist/`, served on a loopback port,
//! in Debian's headless Chromium. `scripts/test` builds `dist/` first; run
//! alone without it (or without Chromium), these print why they skipped.

mod support;

use claimlens::analysis::{default_document, DEFAULT_TITLE};
use serde_json::{json, Value};
use support::server::{Override, Server};
use support::webdriver::Browser;

use support::{open_app, save_screenshot};

#[test]
fn app_mounts_and_renders_the_default_article_exactly() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (server, browser) = open_app(1280, 900);

    let doc = default_document();
    let want: Vec<String> = doc
        .blocks
        .iter()
        .map(|b| doc.block_text(b).to_string())
        .collect();
    assert_eq!(want.len(), 11);
    let got: Vec<String> = serde_json::from_value(browser.eval(
        "return Array.from(document.querySelectorAll('.doc-body > p'), p => p.textContent);",
        json!([]),
    ))
    .unwrap();
    assert_eq!(got, want, "paragraphs differ from the seed text");

    let title = browser.eval(
        "return document.querySelector('h1').textContent;",
        json!([]),
    );
    assert_eq!(title, json!(DEFAULT_TITLE));
    let supplied = browser.eval(
        "const e = document.querySelector('.title-supplied'); return e && e.textContent;",
        json!([]),
    );
    assert!(
        supplied.as_str().is_some_and(|s| s.contains("supplied")),
        "the supplied heading is not marked: {supplied}"
    );
    assert_eq!(
        browser.eval(
            "return document.querySelectorAll('aside.side-panel').length;",
            json!([])
        ),
        json!(1)
    );

    // No console errors (a wasm that loads but fails would log one).
    let errors: Vec<_> = browser
        .console()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");

    // Nothing but the loopback server was asked for anything.
    let origin = server.url("/");
    let foreign: Vec<_> = browser
        .network_requests()
        .into_iter()
        .filter(|u| !u.starts_with(&origin) && !u.starts_with("data:"))
        .collect();
    assert!(
        foreign.is_empty(),
        "requests beyond the app's origin: {foreign:?}"
    );
    let requests = server.requests();
    assert!(requests.iter().any(|r| r.path.ends_with(".wasm")));
    for r in &requests {
        assert_eq!(r.host, format!("127.0.0.1:{}", server.port), "{r:?}");
        assert_eq!(r.status, 200, "{r:?}");
    }

    save_screenshot(&browser, "desktop.png");
    if let Some(path) = std::env::var_os("CLAIMLENS_SCREENSHOT") {
        std::fs::write(path, browser.screenshot_png()).unwrap();
    }
}

#[test]
fn narrow_screens_put_the_panel_below_the_article() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = open_app(800, 800);
    browser.emulate_viewport(360, 800, true);
    let layout = browser.eval(
        "const a = document.querySelector('article').getBoundingClientRect();
         const p = document.querySelector('aside.side-panel').getBoundingClientRect();
         return { articleBottom: a.bottom, panelTop: p.top,
                  scrollWidth: document.documentElement.scrollWidth,
                  width: window.innerWidth };",
        json!([]),
    );
    let f = |k: &str| layout[k].as_f64().unwrap();
    assert!(f("panelTop") >= f("articleBottom"), "{layout}");
    assert!(
        f("scrollWidth") <= f("width"),
        "horizontal overflow: {layout}"
    );
    save_screenshot(&browser, "narrow.png");
}

#[test]
fn theme_toggle_cycles_and_is_remembered() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = open_app(1024, 768);
    let state = |b: &Browser| -> (Value, String) {
        let v = b.eval(
            "return [document.documentElement.dataset.theme || null,
                     getComputedStyle(document.body).backgroundColor];",
            json!([]),
        );
        (v[0].clone(), v[1].as_str().unwrap().to_string())
    };
    browser.click(".theme-toggle");
    let (light, light_bg) = state(&browser);
    assert_eq!(light, json!("light"));
    browser.click(".theme-toggle");
    let (dark, dark_bg) = state(&browser);
    assert_eq!(dark, json!("dark"));
    assert_ne!(
        light_bg, dark_bg,
        "dark theme did not change the background"
    );
    save_screenshot(&browser, "dark.png");

    browser.eval("location.reload();", json!([]));
    browser.wait_for(
        "return document.documentElement.dataset.app === 'ready';",
        30,
    );
    assert_eq!(state(&browser).0, json!("dark"), "theme not remembered");

    browser.click(".theme-toggle");
    assert_eq!(
        state(&browser).0,
        Value::Null,
        "third click returns to auto"
    );
}

/// A deploy whose wasm is broken or missing shows a readable banner.
#[test]
fn failed_load_shows_an_error_banner() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    for (name, over) in [
        (
            "corrupt",
            Override {
                status: 200,
                content_type: "application/wasm".into(),
                body: b"\0asm\x01\0\0\0garbage".to_vec(),
            },
        ),
        (
            "missing",
            Override {
                status: 404,
                content_type: "text/plain".into(),
                body: b"not found".to_vec(),
            },
        ),
    ] {
        let server = Server::start(&support::dist_dir());
        server.set_override("/claimlens-web_bg.wasm", over);
        let browser = Browser::start(1024, 768);
        browser.goto(&server.url("/"));
        let text = browser.wait_for(
            "const e = document.querySelector('.boot-error'); return e && e.textContent;",
            30,
        );
        let text = text.as_str().unwrap();
        assert!(text.contains("could not start"), "{name}: {text}");
        let role = browser.eval(
            "return document.querySelector('.boot-error').getAttribute('role');",
            json!([]),
        );
        assert_eq!(role, json!("alert"), "{name}");
        let logged = browser
            .console()
            .into_iter()
            .any(|(_, m)| m.contains("could not start"));
        assert!(logged, "{name}: the failure was not logged to the console");
    }
}
