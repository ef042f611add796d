//! Strict hosting: the app served with a strict Content-Security-Policy
//! works unchanged and triggers no violation, and using it leaves no cookie,
//! stores nothing but the theme, and asks nothing of any other origin.
//!
//! Violations are caught two ways: a `securitypolicyviolation` listener that
//! DevTools installs before any page script runs, and the policy's own
//! `report-uri`, which makes Chromium POST each report to the test server.

mod support;

use claimlens::analysis::share::{encode, DocRef, TextQuote, ViewState};
use claimlens::analysis::{analyse, default_document, Offsets, Span};
use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

/// The policy README.md recommends, verbatim.
pub const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/// Where the policy's `report-uri` sends violation reports.
const REPORTS: &str = "/csp-report";

/// Records every CSP violation in `window.__csp`, from the first script on.
const LISTEN: &str = "window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI,
                      source: e.sourceFile, line: e.lineNumber, sample: e.sample });
}, true);";

fn violations(browser: &Browser) -> Value {
    browser.js("return window.__csp || 'listener missing';")
}

#[test]
fn the_app_works_under_a_strict_csp_and_keeps_to_itself() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    server.add_header(
        "Content-Security-Policy",
        &format!("{POLICY}; report-uri {REPORTS}"),
    );
    let browser = Browser::start(1280, 900);
    browser.add_init_script(LISTEN);
    support::load_app(&browser, &server.url("/"));
    assert_eq!(violations(&browser), json!([]), "violations while mounting");

    // Highlights render.
    let marks = browser.js("return document.querySelectorAll('.doc-body mark.m').length;");
    assert!(marks.as_u64().unwrap() > 10, "highlights: {marks}");
    // The card (positioned through CSSOM, which style-src 'self' allows).
    browser.hover(".doc-body mark.m");
    browser.wait_for(
        "const c = document.querySelector('.entity-card'); return c && !c.hidden && c.style.top;",
        5,
    );
    // Pin an entity from the list.
    browser.click(".entity-row");
    browser.wait_for("return !document.querySelector('.pin-bar').hidden;", 5);
    browser.press(&["n"]);
    // The Claims tab, and a claim highlighted through CSS Custom Highlights.
    browser.click("#tab-claims");
    browser.wait_for("return !document.getElementById('panel-claims').hidden;", 5);
    browser.wait_for(
        "return document.querySelectorAll('.claim-row').length > 0;",
        20,
    );
    let a = analyse(&default_document());
    let pick = a.claims.iter().position(|c| c.checkworthy).unwrap();
    browser.click(&format!(".claim-row[data-c='{pick}']"));
    browser.wait_for("return CSS.highlights.has('cl-claim');", 5);
    // Copy the link, switch theme (the one thing stored), reload.
    browser.click(".copy-link");
    browser.wait_for(
        "return document.querySelector('.share-status').textContent;",
        5,
    );
    browser.click(".theme-toggle");
    let link = browser.js("return location.href;");
    browser.js("location.reload();");
    browser.wait_for(
        "return document.documentElement.dataset.app === 'ready';",
        30,
    );
    assert_eq!(browser.js("return location.href;"), link);
    browser.wait_for("return CSS.highlights.has('cl-claim');", 5);

    // A document carried in the link, with a reader's passage, in embed mode.
    let text = "Officials in Nairobi said on Monday that 40 trucks of food had crossed the border.";
    let offsets = Offsets::new(text);
    let at = text.find("40 trucks").unwrap();
    let state = ViewState {
        doc: DocRef::Inline {
            title: Some("Aid".into()),
            text: text.into(),
        },
        highlights: vec![TextQuote::from_span(
            text,
            &offsets,
            Span::new(at, at + "40 trucks".len()),
        )],
        embed: true,
        ..ViewState::default()
    };
    support::load_app(
        &browser,
        &format!("{}?embed#{}", server.url("/"), encode(&state)),
    );
    browser.wait_for("return CSS.highlights.has('cl-passage');", 5);
    assert_eq!(violations(&browser), json!([]), "CSP violations");
    assert_eq!(
        server.posted(REPORTS),
        Vec::<String>::new(),
        "CSP violation reports"
    );
    let csp_console: Vec<_> = browser
        .console()
        .into_iter()
        .filter(|(_, m)| {
            m.contains("Content Security Policy") || m.contains("Content-Security-Policy")
        })
        .collect();
    assert!(csp_console.is_empty(), "{csp_console:?}");

    // Privacy: no cookies, nothing stored but the theme.
    assert_eq!(browser.js("return document.cookie;"), json!(""));
    assert_eq!(browser.cookies(), Vec::<Value>::new(), "cookie store");
    assert_eq!(
        browser.js("return Object.keys(localStorage);"),
        json!(["claimlens.theme"])
    );
    assert_eq!(browser.js("return sessionStorage.length;"), json!(0));
    // Every request went to the app's own origin.
    let origin = server.url("/");
    let foreign: Vec<_> = browser
        .network_requests()
        .into_iter()
        .filter(|u| !u.starts_with(&origin) && !u.starts_with("data:"))
        .collect();
    assert!(
        foreign.is_empty(),
        "requests beyond the origin: {foreign:?}"
    );
    let requests = server.requests();
    for r in &requests {
        assert_eq!(r.host, format!("127.0.0.1:{}", server.port), "{r:?}");
        assert_eq!(r.method, "GET", "{r:?}");
    }
    // Only the app's own files: those of the two page loads, the chunks the
    // tabs used loaded, and what the service worker precaches for the next
    // visit (every file of the build).
    let own: Vec<String> = std::fs::read_dir(support::dist_dir())
        .unwrap()
        .map(|e| format!("/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    for r in &requests {
        assert!(
            r.path == "/" || own.contains(&r.path),
            "a request for something that is not one of the app's files: {r:?}"
        );
    }
    for f in [
        "/",
        "/boot.js",
        "/claimlens-web.js",
        "/claimlens-web_bg.wasm",
        "/main.css",
        "/sw.js",
    ] {
        assert!(
            requests.iter().any(|r| r.path == f),
            "{f} was never requested"
        );
    }
    support::save_screenshot(&browser, "csp.png");
}

/// The policy really is enforced: an inline script the test adds is blocked
/// and reported (so a clean run above means something).
#[test]
fn the_policy_is_enforced() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    server.add_header(
        "Content-Security-Policy",
        &format!("{POLICY}; report-uri {REPORTS}"),
    );
    let browser = Browser::start(1024, 768);
    browser.add_init_script(LISTEN);
    support::load_app(&browser, &server.url("/"));
    browser.js("window.__ran = false;
         const s = document.createElement('script');
         s.textContent = 'window.__ran = true';
         document.body.append(s);
         const d = document.createElement('div');
         d.setAttribute('style', 'color: red');
         document.body.append(d);");
    let seen = browser.wait_for("return window.__csp.length >= 2 && window.__csp;", 5);
    assert_eq!(browser.js("return window.__ran;"), json!(false));
    let directives: Vec<&str> = seen
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["directive"].as_str())
        .collect();
    assert!(
        directives.iter().any(|d| d.starts_with("script-src")),
        "{seen}"
    );
    assert!(
        directives.iter().any(|d| d.starts_with("style-src")),
        "{seen}"
    );
}
