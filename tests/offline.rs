//! Repeat visits: the service worker (`sw.js`, registered by `boot.js`)
//! keeps the app's files, so the app opens with the server gone, and a new
//! deploy on the same origin replaces the cached build on the next load.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;
use support::{dist_dir, load_app};

/// Names of the caches this origin holds.
fn cache_names(browser: &Browser) -> Vec<String> {
    let v = browser.eval_async(
        "const done = arguments[arguments.length - 1];
         caches.keys().then(done, () => done([]));",
        json!([]),
    );
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Poll `check` for up to `secs` seconds.
fn eventually(secs: u64, what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The default article is in the page, with its highlights.
/// Wait until the page's idle-time work (engine warm-up, the Compare
/// tab's comparison) is over: the app marks it `claimlens:idle-done`.
fn wait_idle_done(browser: &Browser) {
    browser.wait_for(
        "return performance.getEntriesByName('claimlens:idle-done').length > 0;",
        60,
    );
}

fn assert_article_shown(browser: &Browser, when: &str) {
    let marks = browser.js("return document.querySelectorAll('article mark.m').length;");
    assert!(
        marks.as_u64().unwrap_or(0) > 20,
        "{when}: the article has no highlights ({marks})"
    );
    let text = browser.js("return document.querySelector('article').textContent;");
    assert!(
        text.as_str().is_some_and(|t| t.contains("Istanbul")),
        "{when}: the default article is not shown"
    );
}

/// `dist/` copied to a fresh folder, with a changed loader and a new build id.
fn redeployed_dist() -> std::path::PathBuf {
    let to = std::env::temp_dir().join(format!("claimlens-redeploy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    // (Not the CSS: index.html pins its integrity hash.)
    let boot = to.join("boot.js");
    let mut script = std::fs::read_to_string(&boot).unwrap();
    script.push_str("\ndocument.documentElement.dataset.deploy = 'second';\n");
    std::fs::write(&boot, script).unwrap();
    let sw = to.join("sw.js");
    let script = std::fs::read_to_string(&sw).unwrap();
    let start = script
        .find("const BUILD = '")
        .expect("sw.js names its build")
        + 15;
    let end = start + script[start..].find('\'').unwrap();
    let script = format!("{}redeploy-test{}", &script[..start], &script[end..]);
    std::fs::write(&sw, script).unwrap();
    to
}

fn deploy_marker(browser: &Browser) -> String {
    browser
        .js("return document.documentElement.dataset.deploy || '';")
        .as_str()
        .unwrap_or("")
        .trim()
        .to_string()
}

#[test]
fn second_visit_works_offline_and_a_new_deploy_is_picked_up() {
    require_app!(true);
    assert!(
        dist_dir().join("sw.js").is_file(),
        "dist/sw.js is missing: rebuild with `trunk build --release --offline`"
    );
    let server = Server::start(&dist_dir());
    let browser = Browser::start(1100, 800);
    let url = server.url("/");

    // First visit: from the network; the worker installs and takes control.
    load_app(&browser, &url);
    assert_article_shown(&browser, "first visit");
    // Until the article was shown (the app marks it), the page fetched only
    // the first-load files (tests/size.rs budgets them): the wasm chunks
    // wait until a feature needs them, and the engine until the page is
    // idle (`engine::warm_when_idle`).
    let fetched = browser.js(
        "const shown = performance.getEntriesByName('claimlens:highlighted')[0].startTime;
         return performance.getEntriesByType('resource').filter(e => e.startTime < shown)
           .map(e => new URL(e.name).pathname.slice(1));",
    );
    for f in fetched.as_array().unwrap() {
        let f = f.as_str().unwrap();
        assert!(
            [
                "boot.js",
                "main.css",
                "claimlens-web.js",
                "claimlens-web_bg.wasm",
                "__wasm_split.js",
                "sw.js",
                // The analysis made at build time: the engine and its
                // lexicons are not fetched for the bundled article.
                "sample-istanbul-2025.analysis"
            ]
            .contains(&f),
            "the first load fetched {f}: {fetched}"
        );
    }
    browser.wait_for("return navigator.serviceWorker.controller !== null;", 30);
    let caches = cache_names(&browser);
    assert_eq!(caches.len(), 1, "one cache per build: {caches:?}");
    let first_cache = caches[0].clone();
    assert!(
        first_cache.starts_with("claimlens-") && !first_cache.contains("__"),
        "the cache is not named after a stamped build: {first_cache}"
    );

    // The server goes away: the app still opens, from the cache. (Once the
    // page's idle-time fetches are over: one cut off by the server going
    // down is a failed fetch in the console.)
    wait_idle_done(&browser);
    server.set_down(true);
    let served_before = server.requests().len();
    load_app(&browser, &url);
    assert_article_shown(&browser, "offline");
    assert_eq!(server.requests().len(), served_before);
    // A link to another view works offline too (the fragment stays in the
    // page), and so do the tabs loaded on demand (their chunks were precached).
    load_app(&browser, &server.url("/?from=offline#v=1&t=claims"));
    assert_article_shown(&browser, "offline, with a link");
    browser.wait_for(
        "return document.querySelectorAll('.claim-row').length > 5;",
        20,
    );
    load_app(&browser, &server.url("/?from=offline2#v=1&t=compare"));
    browser.wait_for(
        "return document.querySelectorAll('.cmp-row').length > 5;",
        20,
    );

    // A new deploy on the same origin: the next visit notices it and the
    // worker swaps the cached build; the load after shows the new build.
    let next = redeployed_dist();
    server.set_root(&next);
    server.set_down(false);
    load_app(&browser, &url);
    assert_article_shown(&browser, "visit after the deploy");
    eventually(30, "the new build's cache to replace the old", || {
        cache_names(&browser) == vec!["claimlens-redeploy-test".to_string()]
    });
    load_app(&browser, &url);
    assert_article_shown(&browser, "new build");
    assert_eq!(
        deploy_marker(&browser),
        "second",
        "the new build's loader is not in use"
    );

    // …and it too works offline.
    wait_idle_done(&browser);
    server.set_down(true);
    load_app(&browser, &url);
    assert_article_shown(&browser, "new build, offline");
    assert_eq!(deploy_marker(&browser), "second");

    let errors: Vec<_> = browser
        .console()
        .into_iter()
        .filter(|(level, m)| level == "SEVERE" && !m.contains("ERR_EMPTY_RESPONSE"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    let _ = std::fs::remove_dir_all(&next);
}
