//! Browser tests of the first paint (issue #20): the served `index.html`
//! holds the bundled article, highlighted, with its legend and entity list
//! — readable with scripts off — and it is the app's own first view: the
//! same text, the same highlights, every element in the same place, so the
//! app takes over with no layout shift. A link to another view or document
//! never shows the bundled article first.
//!
//! Behaviour only: nothing here is timed.

mod support;

use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

/// Wait for two animation frames: whatever a change scheduled is painted.
fn settle(b: &Browser) {
    b.eval_async(
        "const done = arguments[arguments.length - 1];
         requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        json!([]),
    );
}

/// What the reader sees of the page: the title, the text of each block,
/// each highlight (its mention, entity, type and text), the legend, the
/// tabs, the entity list and the facts; and where each part is, in page
/// coordinates. (With scripts off no frame callback runs, so only a page
/// with scripts on is let settle first; layout is read either way.)
fn seen(b: &Browser, scripts: bool) -> Value {
    if !scripts {
        return look(b);
    }
    // On a loaded machine the app may still be laying out after two
    // frames: read until two looks 200 ms apart agree (at most ~4 s).
    settle(b);
    let mut last = look(b);
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(200));
        settle(b);
        let now = look(b);
        if now == last {
            break;
        }
        last = now;
    }
    last
}

/// One reading of [`seen`].
fn look(b: &Browser) -> Value {
    b.js(
        "const [sx, sy] = [scrollX, scrollY];
         const n = (x) => Math.round(x * 100) / 100;
         const at = (e) => { const r = e.getBoundingClientRect();
           return [n(r.left + sx), n(r.top + sy), n(r.width), n(r.height)].join(','); };
         const all = (css) => [...document.querySelectorAll(css)];
         const text = (css) => all(css).map((e) => e.textContent);
         return {
           title: text('#doc-title'),
           blocks: text('.doc-block'),
           marks: all('mark.m').map((m) => [m.dataset.m, m.dataset.e, m.dataset.l, m.className,
             m.textContent, m.getAttribute('tabindex')].join(' | ')),
           legend: text('.legend-toggle, .legend-actions button'),
           tabs: text('.tab'),
           entities: text('.entity-group-title, .entity-row'),
           facts: text('.facts .fact'),
           places: all('.site-header, .site-header button, .article-header, .legend, .pin-hint, \
               .doc-block, mark.m, .tab, .entity-row, .facts, .site-footer')
             .map((e) => (e.dataset.m || e.dataset.b || e.dataset.e || e.className) + ' @ ' + at(e)),
         };",
    )
}

/// The places that differ between two views (at most a few, for the message).
fn moved(before: &Value, after: &Value) -> Vec<String> {
    let (a, b) = (
        before["places"].as_array().unwrap(),
        after["places"].as_array().unwrap(),
    );
    if a.len() != b.len() {
        return vec![format!("{} elements, then {}", a.len(), b.len())];
    }
    a.iter()
        .zip(b)
        .filter(|(x, y)| x != y)
        .take(5)
        .map(|(x, y)| format!("{x} → {y}"))
        .collect()
}

fn start() -> Option<(Server, Browser)> {
    if let Some(why) = support::skip_reason(true) {
        support::say_skipped(&why);
        return None;
    }
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    Some((server, browser))
}

#[test]
fn the_served_page_is_the_apps_first_view_highlighted_before_any_script_runs() {
    let Some((server, b)) = start() else { return };
    // With scripts off, the page is the served HTML alone.
    b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    );
    b.goto(&server.url("/"));
    // The <noscript> message shows above it here; a browser with scripts
    // on, whose first paint this is, shows none.
    b.js("document.querySelector('noscript').remove();");
    let before = seen(&b, false);
    let page = b.js(
        "return { prerender: document.querySelectorAll('#prerender').length,
                  app: document.documentElement.dataset.app || null,
                  loading: getComputedStyle(document.getElementById('boot-status')).display };",
    );
    assert_eq!(page["prerender"], 1, "no first paint in the served page");
    assert!(page["app"].is_null(), "scripts ran: {page}");
    assert_eq!(
        page["loading"], "none",
        "the loading message shows over the article"
    );
    let marks = before["marks"].as_array().unwrap().len();
    assert!(
        marks > 50,
        "the served article is not highlighted: {marks} marks"
    );
    assert!(!before["entities"].as_array().unwrap().is_empty());

    // With scripts on, the app replaces it with its own viewer.
    b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": false }),
    );
    support::load_app(&b, &server.url("/"));
    let after = seen(&b, true);
    let ids = b.js("return [document.querySelectorAll('#prerender').length,
                 document.querySelectorAll('#article').length];");
    assert_eq!(ids, json!([0, 1]), "the first paint is still in the page");
    for part in [
        "title", "blocks", "marks", "legend", "tabs", "entities", "facts",
    ] {
        assert_eq!(before[part], after[part], "{part} differ");
    }
    let moved = moved(&before, &after);
    assert!(moved.is_empty(), "the app's view moved things: {moved:?}");
}

#[test]
fn the_app_takes_over_with_no_layout_shift() {
    let Some((server, b)) = start() else { return };
    // Every layout shift from the start of the page, as the page sees them:
    // its size, and what moved from where to where.
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__shifts = [];
            const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
            new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(
                [e.value, ...e.sources.map((s) => (s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?')
                  + ' ' + rect(s.previousRect) + ' → ' + rect(s.currentRect))]); })
              .observe({ type: 'layout-shift', buffered: true });" }),
    );
    // On a slow machine the page streams in over several frames, and a
    // style the browser applies a frame late shows as a shift (the loading
    // message hidden by a `:has()` rule did, on two busy cores): slow the
    // page down so that such a frame is always seen.
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 6 }));
    support::load_app(&b, &server.url("/"));
    settle(&b);
    settle(&b);
    let shifts = b.js("return window.__shifts;");
    assert_eq!(shifts, json!([]), "layout shifts while the app took over");
}

#[test]
fn a_link_to_another_view_or_document_never_shows_the_bundled_article_first() {
    let Some((server, b)) = start() else { return };
    // Whether the first paint was still there once the page had been parsed
    // and boot.js had run (module scripts run before DOMContentLoaded).
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "document.addEventListener('DOMContentLoaded', () => {
            window.__firstPaint = document.getElementById('prerender') !== null; });" }),
    );
    let cases = [
        ("/", true),
        ("/#v=1&d=sample-istanbul-2025&t=claims", true),
        ("/#v=1&d=sample-istanbul-2025&e=1", false),
        ("/#v=1&d=another-document", false),
        ("/#v=1&x=carried-in-the-link", false),
        ("/?src=https%3A%2F%2Fexample.org%2Fa", false),
        ("/?recv=1", false),
        ("/?utm_source=feed", true),
    ];
    for (path, kept) in cases {
        b.goto("about:blank");
        b.goto(&server.url(path));
        let v = b.wait_for(
            "return window.__firstPaint === undefined ? null : String(window.__firstPaint);",
            30,
        );
        assert_eq!(v, json!(kept.to_string()), "{path}");
    }
}
