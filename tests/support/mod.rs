//! Shared harness for the tests that look at the built app in `dist/`:
//! a loopback static file server that records every request, and a small
//! WebDriver client that drives Debian's headless Chromium via chromedriver.
//!
//! Both use only the standard library and `serde_json`, so the harness has
//! nothing to download.

#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod server;
pub mod webdriver;

use std::path::PathBuf;

/// The built app (`trunk build --release`).
pub fn dist_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist")
}

/// True when the test command requires the browser suites (CI, scripts/test).
pub fn browser_required() -> bool {
    std::env::var_os("CLAIMLENS_REQUIRE_BROWSER").is_some_and(|v| v == "1")
}

/// Returns why a suite needing `dist/` and Chromium cannot run, or `None` if it can.
/// Panics instead when the suites are required.
pub fn skip_reason(needs_browser: bool) -> Option<String> {
    let mut missing = Vec::new();
    if !dist_dir().join("index.html").is_file() {
        missing.push("dist/ (run `trunk build --release --offline`)".to_string());
    }
    if needs_browser {
        for bin in [webdriver::CHROMIUM, webdriver::CHROMEDRIVER] {
            if !std::path::Path::new(bin).exists() {
                missing.push(bin.to_string());
            }
        }
    }
    if missing.is_empty() {
        return None;
    }
    let why = format!("missing {}", missing.join(", "));
    assert!(!browser_required(), "browser suites are required but {why}");
    Some(why)
}

/// Navigate to `url` and wait until the app has mounted; panics if it
/// failed to start (its error banner is showing) or took over 30 s.
pub fn load_app(browser: &webdriver::Browser, url: &str) {
    browser.goto(url);
    browser.wait_for(
        "return document.documentElement.dataset.app === 'ready' \
         || document.querySelector('.boot-error') !== null",
        30,
    );
    let banner =
        browser.js("const e = document.querySelector('.boot-error'); return e && e.textContent;");
    assert!(banner.is_null(), "the app failed to start: {banner}");
}

/// A loopback server over `dist/` and a browser window showing the app.
pub fn open_app(width: u32, height: u32) -> (server::Server, webdriver::Browser) {
    let server = server::Server::start(&dist_dir());
    let browser = webdriver::Browser::start(width, height);
    load_app(&browser, &server.url("/"));
    (server, browser)
}

/// Save a screenshot to `tests/browser-artifacts/` (kept out of git).
pub fn save_screenshot(browser: &webdriver::Browser, name: &str) {
    let png = browser.screenshot_png();
    assert!(png.starts_with(b"\x89PNG"), "screenshot is not a PNG");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), &png).unwrap();
}

/// Print a skip notice that cargo test's output capture does not swallow.
pub fn say_skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {why}; scripts/test runs this suite"
    );
}

/// Skip the calling test (printing why) when `dist/` or the browser is missing.
#[macro_export]
macro_rules! require_app {
    ($needs_browser:expr) => {
        if let Some(why) = $crate::support::skip_reason($needs_browser) {
            $crate::support::say_skipped(&why);
            return;
        }
    };
}

/// Run axe-core (node_modules, installed by `npm ci`) over the element the
/// JavaScript expression `root` names; the serious and critical violations.
pub fn axe_serious(browser: &webdriver::Browser, root: &str) -> Vec<String> {
    let axe = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js"),
    )
    .expect("node_modules/axe-core (npm ci installs it)");
    browser.eval(&axe, serde_json::json!([]));
    let result = browser.eval_async(
        &format!(
            "const done = arguments[arguments.length - 1];
             axe.run({root}, {{ resultTypes: ['violations'] }})
                .then(r => done(r.violations.map(v => ({{ id: v.id, impact: v.impact,
                      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }}))))
                .catch(e => done([{{ id: 'axe-error', impact: 'critical', nodes: [String(e)] }}]));"
        ),
        serde_json::json!([]),
    );
    result
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| v.to_string())
        .collect()
}

/// Make sure the Open… panel's content is in the page: it comes from a wasm
/// chunk loaded the first time the panel opens. Opens the panel once if
/// needed, waits for its file input, and closes it again.
#[allow(dead_code)]
pub fn load_intake_panel(browser: &webdriver::Browser) {
    let present = browser.js("return document.querySelector('input.intake-file') !== null;");
    if present.as_bool() == Some(true) {
        return;
    }
    browser.click(".intake > button");
    browser.wait_for(
        "return document.querySelector('input.intake-file') !== null || null;",
        20,
    );
    browser.click(".intake > button");
}

/// The hostile-input lists, as (name, payloads): claimlens' own
/// (`tests/fixtures/xss/payloads.txt`), and the Big List of Naughty Strings
/// and the payloadbox XSS list when `../shared` has them (else each is
/// skipped with a message). Used by `tests/xss.rs` and `tests/bookmarklet.rs`.
pub fn payload_lists() -> Vec<(&'static str, Vec<String>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let own = std::fs::read_to_string(root.join("tests/fixtures/xss/payloads.txt")).unwrap();
    let mut lists = vec![(
        "claimlens",
        own.lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )];
    let hostile = root.join("../shared/data/hostile");
    let blns = hostile.join("naughty-strings/blns.base64.json");
    match std::fs::read_to_string(&blns) {
        Ok(json) => {
            let encoded: Vec<String> = serde_json::from_str(&json).expect("BLNS JSON");
            let strings = encoded
                .iter()
                .map(|b| String::from_utf8_lossy(&webdriver::decode_base64(b)).into_owned())
                .filter(|s| !s.trim().is_empty())
                .collect();
            lists.push(("blns", strings));
        }
        Err(_) => say_skipped(&format!("{} is absent", blns.display())),
    }
    let xss = hostile.join("xss-payloads/xss-payload-list.txt");
    match std::fs::read(&xss) {
        Ok(bytes) => lists.push((
            "payloadbox",
            String::from_utf8_lossy(&bytes)
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(String::from)
                .collect(),
        )),
        Err(_) => say_skipped(&format!("{} is absent", xss.display())),
    }
    lists
}
