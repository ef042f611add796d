//! The bookmarklet (`bookmarklet.html`, `bookmarklet.js`) and its receiving
//! end (`src/ui/receive.rs`), in Chromium.
//!
//! The app is served with the strict policy README.md recommends; the pages
//! the bookmarklet runs on are served by a second server on `127.0.0.2`,
//! another site, which records every request. The bookmarklet's code is
//! taken from the link on `bookmarklet.html` (as a reader would drag it)
//! and run on the host page from a click (as a bookmark is), so it has the
//! page's user activation and nothing else.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};
use support::server::{Override, Server};
use support::webdriver::Browser;

/// The policy README.md recommends, verbatim (as `tests/csp.rs`).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/// Where the app's policy sends violation reports.
const REPORTS: &str = "/csp-report";

/// Records CSP violations in `window.__csp`, from the first script on.
const LISTEN: &str = "window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
}, true);";

/// A news page: the article, with boilerplate, scripts and an image around it.
const ARTICLE: &str = r#"<!doctype html><html><head>
<title>Harbour bridge reopens | The Valley Post</title>
<meta property="og:site_name" content="The Valley Post">
<meta name="author" content="Mira Osei">
<script src="/host.js"></script>
<script>window.__hostran = 1;</script>
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<article class="story">
<h1>Harbour bridge reopens</h1>
<p>The harbour bridge reopened on Monday, two weeks after the flood closed it, the city council said.</p>
<p>Mayor Lena Brandt said repairs cost about $4 million, more than the council had planned in January.</p>
<p><img src="/pic.png" alt="The bridge at dawn"> Traffic was light in the morning, but queues formed by noon, according to the transport office.</p>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Five things to do this weekend</a></li></ul></aside>
<footer>© The Valley Post. All rights reserved.</footer>
</body></html>"#;

/// The host page's script: it marks that it ran (on the host only).
const HOST_JS: &str = "window.__hostjs = 1;";

/// A one-pixel PNG.
const PIXEL: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// A hostile page: its script catches the claimlens tab the bookmarklet
/// opens and, when that tab says it is ready, sends it malformed, oversized
/// and forged (from a frame) messages before the bookmarklet's own (which it
/// holds back until they are sent), and a late one after.
const HOSTILE: &str = r#"<!doctype html><html><head><title>Port strike ends | Coast Herald</title>
<script src="/hostile.js"></script></head><body>
<nav>Home News Business</nav>
<article>
<h1>Port strike ends</h1>
<p>Dock workers in Mombasa returned to work on Tuesday after a nine-day strike, the port authority said.</p>
<p>Union leader Grace Wanjiru said members had accepted a 12 percent pay rise over two years.</p>
<p>Shipping lines said about 40 vessels were still waiting to unload, according to the Kenya Ports Authority.</p>
</article>
<iframe srcdoc="<script>addEventListener('message', function () { parent.__w.postMessage({type: 'claimlens:page', v: 1, url: parent.location.href, title: 'FORGED FRAME', html: '<title>FORGED FRAME</title><article><p>FORGED FRAME text of a page nobody sent, the frame said on Monday.</p></article>'}, '*'); parent.postMessage('sent', '*'); });</script>"></iframe>
</body></html>"#;

const HOSTILE_JS: &str = r#"
var realOpen = window.open;
window.open = function () { var w = realOpen.apply(window, arguments); window.__w = w; return w; };
var held = null;
addEventListener('message', function (e) {
  var w = window.__w;
  // The frame has sent its forgery: let the bookmarklet hear "ready" now.
  if (e.data === 'sent' && e.source === frames[0] && held) {
    var ready = held;
    held = null;
    dispatchEvent(new MessageEvent('message', {data: ready.data, origin: ready.origin, source: ready.source}));
    return;
  }
  if (!w || e.source !== w || e.data !== 'claimlens:ready' || e.isTrusted === false) return;
  // Hold the bookmarklet back until every forgery is on its way.
  e.stopImmediatePropagation();
  held = e;
  var forged = '<title>FORGED LATE</title><article><p>FORGED LATE text that arrived second, the sender said on Monday.</p></article>';
  w.postMessage('hello', '*');
  w.postMessage({type: 'claimlens:page', v: 1}, '*');
  w.postMessage({type: 'claimlens:page', v: 2, url: location.href, title: 'FORGED V2', html: forged}, '*');
  w.postMessage({type: 'claimlens:page', v: 1, url: location.href, title: 'FORGED BIG', html: 'x'.repeat(50 * 1024 * 1024 + 1)}, '*');
  frames[0].postMessage('go', '*');
  setTimeout(function () {
    w.postMessage({type: 'claimlens:page', v: 1, url: location.href, title: 'FORGED LATE', html: forged}, '*');
    window.__late = true;
  }, 3000);
});
"#;

/// How many messages [`HOSTILE_JS`] and its frame send besides the page.
const HOSTILE_EXTRA: usize = 6;

/// Records what the page copies (`window.__copied`): both ways the
/// bookmarklet may copy.
const RECORD_COPIES: &str = "window.__copied = [];
if (navigator.clipboard) {
  const write = navigator.clipboard.writeText.bind(navigator.clipboard);
  navigator.clipboard.writeText = (t) => write(t).then((r) => { window.__copied.push(t); return r; });
}
const exec = document.execCommand.bind(document);
document.execCommand = function (c, ...rest) {
  const ok = exec(c, ...rest);
  const a = document.activeElement;
  if (c === 'copy' && ok && a && typeof a.value === 'string') window.__copied.push(a.value);
  return ok;
};";

/// A fresh empty folder for a host server (its pages are overrides).
fn host_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "claimlens-bookmarklet-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// What the host was asked for (sorted), but the browser's own favicon
/// look-up for the host's tab.
fn host_requests(host: &Server) -> Vec<String> {
    let mut paths: Vec<String> = host
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p != "/favicon.ico")
        .collect();
    // The server logs each request when answered: in any order.
    paths.sort();
    paths
}

fn serve(server: &Server, path: &str, content_type: &str, body: &[u8]) {
    server.set_override(
        path,
        Override {
            status: 200,
            content_type: content_type.into(),
            body: body.to_vec(),
        },
    );
}

/// The app, served with the strict policy and its `report-uri`.
fn app_server() -> Server {
    let app = Server::start(&support::dist_dir());
    app.add_header(
        "Content-Security-Policy",
        &format!("{POLICY}; report-uri {REPORTS}"),
    );
    app
}

/// The bookmarklet as `bookmarklet.html` on `app` offers it: its
/// `javascript:` URL and the code in it. Checks the page on the way: the
/// link is built for this claimlens, well under 2,000 characters, clicking
/// it does nothing but say what to do, and nothing breaks the strict policy.
fn bookmarklet(browser: &Browser, app: &Server) -> (String, String) {
    browser.add_init_script(LISTEN);
    browser.goto(&app.url("/bookmarklet.html"));
    let href = browser.wait_for(
        "const a = document.getElementById('bookmarklet'); \
         return a && a.href.startsWith('javascript:') ? a.href : null;",
        10,
    );
    let href = href.as_str().unwrap().to_string();
    assert!(href.len() < 2000, "the bookmarklet is {} long", href.len());
    let code = browser
        .eval(
            "return decodeURIComponent(arguments[0].slice('javascript:'.length));",
            json!([href]),
        )
        .as_str()
        .unwrap()
        .to_string();
    let app_url = app.url("/?recv=1");
    assert!(
        code.contains(&format!("{app_url:?}")),
        "not built for {app_url}: {code}"
    );
    assert_eq!(
        browser.js("return document.getElementById('bookmarklet-size').textContent;"),
        json!(href.len().to_string())
    );
    support::save_screenshot(browser, "bookmarklet-page.png");
    let axe = support::axe_serious(browser, "document");
    assert!(axe.is_empty(), "bookmarklet.html: {axe:?}");
    browser.click("#bookmarklet");
    let said = browser.wait_for(
        "return document.getElementById('bookmarklet-status').textContent || null;",
        5,
    );
    assert!(said.as_str().unwrap().contains("Drag"), "{said}");
    assert_eq!(
        browser.js("return location.href;"),
        json!(app.url("/bookmarklet.html"))
    );
    assert_eq!(
        browser.js("return window.__csp;"),
        json!([]),
        "violations on bookmarklet.html"
    );
    (href, code)
}

/// Run the bookmarklet's `code` on the page shown, as a click on a bookmark
/// does: from a real click (user activation), in the page's context.
fn run_on_page(browser: &Browser, code: &str) {
    browser.js(&format!(
        "const b = document.createElement('button'); \
         b.id = 'run-bookmarklet'; b.textContent = 'run'; \
         b.addEventListener('click', function () {{ {code} }}); \
         document.documentElement.prepend(b); return true;"
    ));
    browser.click("#run-bookmarklet");
}

/// Wait for a second window and switch to it; returns the first's handle.
fn switch_to_new_tab(browser: &Browser) -> String {
    let first = browser.window_handle();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let handles = browser.window_handles();
        if let Some(other) = handles.iter().find(|h| **h != first) {
            browser.switch_to_window(other);
            return first;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no new tab opened: {handles:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Wait for the app in the current window to show a document titled `want`.
fn wait_title(browser: &Browser, want: &str) {
    let got = browser.wait_for(
        &format!(
            "const h = document.querySelector('#doc-title'); \
             return h && h.textContent === {} ? true : null;",
            json!(want)
        ),
        60,
    );
    assert_eq!(got, json!(true));
}

fn article_text(browser: &Browser) -> String {
    let t = browser.js("return document.querySelector('.doc-body').textContent;");
    t.as_str()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn notices(browser: &Browser) -> String {
    browser
        .js("return Array.from(document.querySelectorAll('.notice-text'), n => n.textContent).join(' | ');")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Every resource the current page loaded, and what it runs that it should not.
fn page_facts(browser: &Browser) -> Value {
    browser.js(
        "return { resources: performance.getEntriesByType('resource').map(e => e.name),
                  hostran: typeof window.__hostran, hostjs: typeof window.__hostjs,
                  pwned: window.__pwned === true,
                  srcs: Array.from(document.querySelectorAll('[src]'), e => e.getAttribute('src')),
                  risky: Array.from(document.querySelectorAll(
                    'article script, article iframe, article img, article svg, article math, article object, article embed, article form, article a[href], article style, article link, .notice script, .notice img, h1 script, h1 img, h1 svg, h1 a[href]'),
                    e => e.outerHTML.slice(0, 120)),
                  handlers: Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)
                    .filter(a => a.name.startsWith('on') || (['href', 'src', 'action', 'formaction'].includes(a.name)
                                 && /^\\s*(javascript:|data:text\\/html)/i.test(a.value)))
                    .map(a => e.tagName + ' ' + a.name + '=' + a.value.slice(0, 60))),
                  search: location.search };",
    )
}

/// `facts` (from [`page_facts`]) show a claimlens tab on `app` that loaded
/// only its own files and runs nothing of the host's.
fn assert_kept_to_itself(facts: &Value, app: &Server, what: &str) {
    let own = app.url("/");
    for r in facts["resources"].as_array().unwrap() {
        let r = r.as_str().unwrap();
        assert!(
            r.starts_with(&own),
            "{what}: claimlens requested {r}, not one of its own files"
        );
    }
    assert_eq!(
        facts["hostran"],
        json!("undefined"),
        "{what}: a host script ran"
    );
    assert_eq!(
        facts["hostjs"],
        json!("undefined"),
        "{what}: a host script ran"
    );
    assert_eq!(facts["pwned"], json!(false), "{what}: a payload ran");
    assert_eq!(facts["risky"], json!([]), "{what}: unexpected elements");
    assert_eq!(facts["handlers"], json!([]), "{what}: script in attributes");
    for s in facts["srcs"].as_array().unwrap() {
        let s = s.as_str().unwrap_or_default();
        assert!(
            !s.contains("127.0.0.2") && !s.contains("pic.png"),
            "{what}: an element loads {s}"
        );
    }
    assert_eq!(
        facts["search"],
        json!(""),
        "{what}: ?recv=1 stayed in the address"
    );
}

#[test]
fn the_bookmarklet_opens_the_article_in_claimlens_and_nothing_else() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = app_server();
    let host = Server::start_on(&host_dir("article"), "127.0.0.2");
    serve(
        &host,
        "/article.html",
        "text/html; charset=utf-8",
        ARTICLE.as_bytes(),
    );
    serve(&host, "/host.js", "text/javascript", HOST_JS.as_bytes());
    serve(&host, "/pic.png", "image/png", PIXEL);
    let browser = Browser::start(1280, 900);
    let (_, code) = bookmarklet(&browser, &app);

    // The reader's page: its script ran and its picture loaded, there.
    let page = host.url("/article.html");
    browser.goto(&page);
    browser.wait_for(
        "return window.__hostjs === 1 && window.__hostran === 1 && document.images[0].complete || null;",
        10,
    );
    let asked = host_requests(&host);
    assert_eq!(asked, ["/article.html", "/host.js", "/pic.png"]);

    run_on_page(&browser, &code);
    let reader_tab = switch_to_new_tab(&browser);
    wait_title(&browser, "Harbour bridge reopens");

    // The article, extracted as from a saved file: no boilerplate.
    let text = article_text(&browser);
    assert!(
        text.contains("Mayor Lena Brandt said repairs cost about $4 million"),
        "{text}"
    );
    assert!(text.contains("queues formed by noon"), "{text}");
    for boilerplate in [
        "We use cookies",
        "Five things",
        "All rights reserved",
        "Sport",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} in {text}");
    }
    let marks = browser.js("return document.querySelectorAll('.doc-body mark.m').length;");
    assert!(marks.as_u64().unwrap() >= 2, "highlights: {marks}");
    let said = browser.wait_for(
        "const d = document.querySelector('.notice-done'); return d && d.textContent;",
        10,
    );
    assert!(
        said.as_str().unwrap().contains(&format!(
            "Opened the page sent from the tab that opened claimlens ({page})"
        )),
        "{said}"
    );
    assert!(
        !notices(&browser).contains("Ignored"),
        "{}",
        notices(&browser)
    );
    support::save_screenshot(&browser, "bookmarklet-received.png");

    // "Open at the source" links point at the page the reader was on.
    browser.click("#tab-claims");
    let link = browser.wait_for(
        "const a = document.querySelector('.claim-rows a.source-link'); return a && a.href;",
        30,
    );
    assert!(
        link.as_str()
            .unwrap()
            .starts_with(&format!("{page}#:~:text=")),
        "{link}"
    );

    // Kept in Recent documents, like an opened file.
    let recent = browser.js("return localStorage.getItem('claimlens.recent') || '';");
    assert!(recent.as_str().unwrap().contains("Harbour bridge reopens"));

    // Nothing of the host's ran or loaded in claimlens, and claimlens asked
    // the host for nothing: the article travelled between the two tabs only.
    std::thread::sleep(Duration::from_millis(500));
    assert_kept_to_itself(&page_facts(&browser), &app, "article");
    assert_eq!(
        host_requests(&host),
        asked,
        "claimlens requested something from the host"
    );
    assert_eq!(app.posted(REPORTS), Vec::<String>::new(), "CSP violations");
    let foreign: Vec<_> = browser
        .network_requests()
        .into_iter()
        .filter(|u| {
            !u.starts_with(&app.url("/"))
                && !u.starts_with(&host.url("/"))
                && !u.starts_with("data:")
        })
        .collect();
    assert!(foreign.is_empty(), "requests elsewhere: {foreign:?}");

    // The reader's page is as it was.
    browser.switch_to_window(&reader_tab);
    assert_eq!(browser.js("return location.href;"), json!(page));
}

#[test]
fn a_hostile_page_s_extra_and_forged_messages_are_ignored_and_counted() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = app_server();
    let host = Server::start_on(&host_dir("hostile"), "127.0.0.2");
    serve(
        &host,
        "/hostile.html",
        "text/html; charset=utf-8",
        HOSTILE.as_bytes(),
    );
    serve(
        &host,
        "/hostile.js",
        "text/javascript",
        HOSTILE_JS.as_bytes(),
    );
    let browser = Browser::start(1280, 900);
    browser.set_script_timeout(60);
    let (_, code) = bookmarklet(&browser, &app);
    browser.goto(&host.url("/hostile.html"));
    run_on_page(&browser, &code);
    let host_tab = switch_to_new_tab(&browser);
    wait_title(&browser, "Port strike ends");
    let text = article_text(&browser);
    assert!(text.contains("Union leader Grace Wanjiru"), "{text}");
    assert!(!text.contains("FORGED"), "{text}");

    // Wait until the late forgery was sent, then for the count.
    browser.switch_to_window(&host_tab);
    browser.wait_for("return window.__late === true || null;", 20);
    let claimlens_tab = browser
        .window_handles()
        .into_iter()
        .find(|h| *h != host_tab)
        .unwrap();
    browser.switch_to_window(&claimlens_tab);
    let want = format!("Ignored {HOSTILE_EXTRA} messages sent to this tab");
    let said = browser.wait_for(
        &format!(
            "const t = Array.from(document.querySelectorAll('.notice-text'), n => n.textContent).join(' '); \
             return t.includes({}) ? t : null;",
            json!(want)
        ),
        20,
    );
    assert!(said
        .as_str()
        .unwrap()
        .contains("claimlens takes one page, once"));
    // What the tab posts to itself (as browser extensions do) is left alone.
    browser.js(
        "window.postMessage({type: 'claimlens:page', v: 1, url: '', title: '', html: ''}, '*'); return true;",
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(notices(&browser).contains(&want), "{}", notices(&browser));
    // Still the page the bookmarklet sent.
    assert_eq!(
        browser.js("return document.querySelector('#doc-title').textContent;"),
        json!("Port strike ends")
    );
    assert!(!article_text(&browser).contains("FORGED"));
    assert_kept_to_itself(&page_facts(&browser), &app, "hostile page");
    assert_eq!(app.posted(REPORTS), Vec::<String>::new(), "CSP violations");
}

/// Wait for the app in this window, then for its paste box to be focused
/// in the open Open… panel, with `message` in a notice.
fn wait_paste_box(browser: &Browser, message: &str) {
    browser.wait_for(
        "return document.documentElement.dataset.app === 'ready' || null;",
        30,
    );
    browser.wait_for(
        "const b = document.getElementById('paste-box'); \
         return b && document.activeElement === b && !document.getElementById('intake-panel').hidden || null;",
        30,
    );
    let said = notices(browser);
    assert!(said.contains(message), "{said}");
    assert!(!said.contains("Waiting for the page"), "{said}");
}

/// The text of the dialog that opens within 10 s.
fn dialog(browser: &Browser) -> String {
    for _ in 0..200 {
        if let Some(d) = browser.dialog_text() {
            return d;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("no dialog opened");
}

#[test]
fn a_page_that_forbids_new_tabs_gets_the_clipboard_fallback() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = app_server();
    let strict = Server::start_on(&host_dir("strict"), "127.0.0.2");
    // A sandbox without allow-popups: window.open returns null.
    strict.add_header(
        "Content-Security-Policy",
        "default-src 'none'; sandbox allow-scripts allow-modals",
    );
    serve(
        &strict,
        "/article.html",
        "text/html; charset=utf-8",
        ARTICLE.as_bytes(),
    );
    let browser = Browser::start(1280, 900);
    let (_, code) = bookmarklet(&browser, &app);
    browser.add_init_script(RECORD_COPIES);
    let page = strict.url("/article.html");
    browser.goto(&page);

    // The page is copied and the reader asked; "Cancel" stays on the page.
    run_on_page(&browser, &code);
    let asked = dialog(&browser);
    assert!(
        asked.contains("This site does not let the claimlens bookmarklet open a tab"),
        "{asked}"
    );
    assert!(asked.contains("The page is copied"), "{asked}");
    browser.dismiss_dialog();
    assert_eq!(browser.window_handles().len(), 1, "a tab opened after all");
    assert_eq!(browser.js("return location.href;"), json!(page));
    let copied = browser.js("return window.__copied;");
    let copied = copied.as_array().unwrap();
    assert_eq!(copied.len(), 1, "{copied:?}");
    let html = copied[0].as_str().unwrap().to_string();
    assert!(
        html.contains("Mayor Lena Brandt said repairs cost"),
        "{html}"
    );
    assert!(html.starts_with("<html"), "{}", &html[..80.min(html.len())]);

    // "OK": claimlens opens in this tab with the paste box ready.
    run_on_page(&browser, &code);
    dialog(&browser);
    browser.accept_dialog();
    wait_paste_box(
        &browser,
        "Ready for the page the bookmarklet copied: paste it here",
    );
    support::save_screenshot(&browser, "bookmarklet-paste-box.png");
    assert_eq!(browser.window_handles().len(), 1);
    browser.eval(
        "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([html]),
    );
    browser.click(".paste-go");
    wait_title(&browser, "Harbour bridge reopens");
    assert!(article_text(&browser).contains("queues formed by noon"));
    assert_kept_to_itself(&page_facts(&browser), &app, "pasted");
    assert_eq!(app.posted(REPORTS), Vec::<String>::new(), "CSP violations");
}

#[test]
fn a_tab_that_sends_nothing_leaves_the_paste_box_ready() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = app_server();
    let host = Server::start_on(&host_dir("silent"), "127.0.0.2");
    serve(
        &host,
        "/silent.html",
        "text/html; charset=utf-8",
        b"<!doctype html><title>Silent</title><p>Nothing to send.</p>",
    );
    let browser = Browser::start(1280, 900);
    browser.goto(&host.url("/silent.html"));
    // Opens claimlens to receive, then never answers its "ready".
    browser.eval(
        "window.open(arguments[0], '_blank'); return true;",
        json!([app.url("/?recv=1")]),
    );
    switch_to_new_tab(&browser);
    browser.wait_for(
        "return document.documentElement.dataset.app === 'ready' || null;",
        30,
    );
    let waiting = browser.wait_for(
        "const t = Array.from(document.querySelectorAll('.notice-text'), n => n.textContent).join(' '); \
         return t.includes('Waiting for the page') ? t : null;",
        10,
    );
    assert!(waiting.as_str().unwrap().contains("that opened claimlens"));
    let started = std::time::Instant::now();
    wait_paste_box(
        &browser,
        "No page arrived from the tab that opened claimlens",
    );
    assert!(
        started.elapsed() > Duration::from_secs(5),
        "gave up too soon"
    );
    // The sample article is still open.
    assert_eq!(browser.js("return location.search;"), json!(""));
    assert_eq!(app.posted(REPORTS), Vec::<String>::new(), "CSP violations");
    assert_eq!(host_requests(&host), ["/silent.html"]);
}

// ---------------------------------------------------------------- payloads

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page carrying `payloads` in its title, as text in its article and as
/// live markup after it. Payloads that would refresh or move the host page
/// itself (`http-equiv`, `<base`) stay text only: the host must stay put for
/// the bookmarklet to run on it.
fn hostile_page(title: &str, payloads: &[String]) -> String {
    let mut page = format!(
        "<!doctype html><html><head><title>{}</title></head><body><article><h1>{}</h1>",
        html_escape(title),
        html_escape(title)
    );
    for p in payloads {
        page.push_str(&format!(
            "<p>The council said on Monday that {} was read aloud, according to officials.</p>",
            html_escape(p)
        ));
    }
    page.push_str("</article><div class=\"comments\">");
    for p in payloads {
        let lower = p.to_ascii_lowercase();
        if !lower.contains("http-equiv") && !lower.contains("<base") {
            page.push_str(p);
        }
    }
    page.push_str("</div></body></html>");
    page
}

#[test]
fn xss_payloads_through_the_bookmarklet_fire_nothing() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = app_server();
    let host = Server::start_on(&host_dir("xss"), "127.0.0.2");
    // The host runs none of them either (the bookmarklet is run by the test).
    host.add_header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    );
    let browser = Browser::start(1280, 900);
    let (_, code) = bookmarklet(&browser, &app);
    let (mut total, mut batches) = (0, 0);
    for (name, payloads) in support::payload_lists() {
        for (n, batch) in payloads.chunks(1000).enumerate() {
            let what = format!("{name} batch {n}");
            let title = format!("Hostile page {name} {n}");
            let path = format!("/{name}-{n}.html");
            serve(
                &host,
                &path,
                "text/html; charset=utf-8",
                hostile_page(&title, batch).as_bytes(),
            );
            browser.goto(&host.url(&path));
            browser.wait_for("return document.readyState === 'complete' || null;", 10);
            let before = host_requests(&host);
            run_on_page(&browser, &code);
            let host_tab = switch_to_new_tab(&browser);
            wait_title(&browser, &title);
            assert!(browser.dialog_text().is_none(), "{what}: a dialog opened");
            let text = article_text(&browser);
            for p in batch.iter().take(50) {
                let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
                if !p.is_empty() && p.chars().all(|c| !c.is_control()) {
                    assert!(
                        text.contains(&p),
                        "{what}: payload {p:?} is not in the text"
                    );
                }
            }
            assert_kept_to_itself(&page_facts(&browser), &app, &what);
            assert_eq!(
                host_requests(&host),
                before,
                "{what}: claimlens asked the host"
            );
            browser.close_window();
            browser.switch_to_window(&host_tab);
            total += batch.len();
            batches += 1;
        }
    }
    // Chromium checks the inert document `DOMParser` makes against the
    // app's policy too: the payloads' inline handlers, styles and `data:`
    // media are reported (and blocked) there, though nothing in that
    // document could run or load anyway. Every report is such a block.
    let reports = app.posted(REPORTS);
    for r in &reports {
        let r: Value = serde_json::from_str(r).unwrap();
        let r = &r["csp-report"];
        assert_eq!(r["disposition"], json!("enforce"), "{r}");
        assert_eq!(r["document-uri"], json!(app.url("/")), "{r}");
        let source = r["source-file"].as_str().unwrap_or_default();
        assert!(
            source.is_empty() || source == app.url("/claimlens-web.js"),
            "{r}"
        );
    }
    println!(
        "{total} payloads in {batches} pages through the bookmarklet ({} blocked by the policy in the parsed page)",
        reports.len()
    );
}
