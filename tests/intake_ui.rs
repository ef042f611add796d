//! Browser tests of bringing your own article: paste, open a file, drop a
//! file, recent documents, and bad input that must leave the open document
//! in place with a clear message.

mod support;

use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

const PAGE: &str = r#"<!doctype html><html><head>
<title>Harbour bridge reopens | The Valley Post</title>
<meta property="og:site_name" content="The Valley Post">
<meta name="author" content="Mira Osei">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
<script>window.__pwned = true;</script>
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<article class="story">
<h1>Harbour bridge reopens</h1>
<p>The harbour bridge reopened on Monday, two weeks after the flood closed it, the city council said.</p>
<p>Mayor Lena Brandt said repairs cost about $4 million, more than the council had planned in January.</p>
<p>Traffic was light in the morning, but queues formed by noon, according to the transport office.</p>
<img src="x" onerror="window.__pwned = true">
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Five things to do this weekend</a></li></ul></aside>
<footer>© The Valley Post. All rights reserved.</footer>
</body></html>"#;

/// Hand a file to the Open panel's file input, as a reader's choice would.
fn choose_file(browser: &Browser, name: &str, bytes_b64: &str, mime: &str) {
    support::load_intake_panel(browser);
    browser.eval(
        "const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0)); \
         const input = document.querySelector('input.intake-file'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([bytes], arguments[0], {type: arguments[2]})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([name, bytes_b64, mime]),
    );
}

fn b64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn title(browser: &Browser) -> Value {
    browser.js("return document.querySelector('#doc-title').textContent;")
}

fn wait_title(browser: &Browser, want: &str) {
    browser.wait_for(
        &format!(
            "return document.querySelector('#doc-title').textContent === {} || null;",
            json!(want)
        ),
        15,
    );
}

fn notice(browser: &Browser) -> String {
    browser
        .wait_for(
            "const n = document.querySelector('.notice-text'); const t = n ? n.textContent : ''; \
             return t.length && !t.startsWith('Opening') && !t.startsWith('Fetching') ? t : null;",
            15,
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_saved_page_opens_as_its_article_and_nothing_in_it_runs() {
    require_app!(true);
    let (server, browser) = support::open_app(1280, 900);
    choose_file(&browser, "bridge.html", &b64(PAGE.as_bytes()), "text/html");
    wait_title(&browser, "Harbour bridge reopens");
    let got = browser.js(
        "return {text: document.querySelector('.doc-body').textContent, \
                 marks: [...document.querySelectorAll('mark[data-m]')].map(m => m.textContent), \
                 pwned: window.__pwned === true, \
                 imgs: document.querySelectorAll('.article img, .article script').length};",
    );
    let text = got["text"].as_str().unwrap();
    assert!(text.contains("Traffic was light in the morning"), "{text}");
    for boiler in [
        "We use cookies",
        "Five things to do",
        "All rights reserved",
        "Weather",
    ] {
        assert!(!text.contains(boiler), "{boiler:?} leaked into the article");
    }
    assert!(
        got["marks"]
            .as_array()
            .unwrap()
            .contains(&json!("Lena Brandt")),
        "{got}"
    );
    assert_eq!(got["pwned"], json!(false));
    assert_eq!(got["imgs"], json!(0));
    // The page's own image was never requested.
    assert!(server.requests().iter().all(|r| !r.path.ends_with("/x")));
    // It is in Recent documents (listed when the Open… panel opens).
    browser.click(".intake > button");
    let recent = browser.wait_for(
        "const r = [...document.querySelectorAll('.recent-open')].map(b => b.textContent); return r.length ? r : null;",
        20,
    );
    assert_eq!(recent, json!(["Harbour bridge reopens"]));
    support::save_screenshot(&browser, "intake-page.png");
}

#[test]
fn pasted_text_opens_and_the_previous_document_comes_back_with_back() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let before = title(&browser);
    browser.click(".intake > button");
    browser.wait_for("return document.getElementById('paste-box') !== null;", 20);
    browser.eval(
        "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        json!(["# Council vote\n\nThe council in Leeds voted 7 to 2 on Tuesday to close the library, a spokesperson said.\n"]),
    );
    browser.click(".paste-go");
    wait_title(&browser, "Council vote");
    assert!(browser
        .js("return location.hash;")
        .as_str()
        .unwrap()
        .contains("x="));
    browser.js("history.back();");
    wait_title(&browser, before.as_str().unwrap());
}

#[test]
fn a_dropped_file_opens() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    browser.eval(
        "const dt = new DataTransfer(); \
         dt.items.add(new File([arguments[0]], 'notes.md', {type: 'text/markdown'})); \
         window.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, cancelable: true})); \
         window.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, cancelable: true}));",
        json!(["# Field notes\n\n- Rain fell in Bergen on Friday.\n- Ferries to Oslo were delayed by two hours.\n"]),
    );
    wait_title(&browser, "Field notes");
    let text = browser.js("return document.querySelector('.doc-body').textContent;");
    assert!(text.as_str().unwrap().contains("Ferries to Oslo"), "{text}");
}

#[test]
fn bad_files_leave_the_open_document_with_a_message() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let before = title(&browser);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("empty.txt", Vec::new(), "empty"),
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec(),
            "not supported",
        ),
        (
            "page.html",
            b"<html><body><script>x()</script></body></html>".to_vec(),
            "No readable text",
        ),
    ];
    for (name, bytes, want) in cases {
        browser.js("const n = document.querySelector('.notice-close'); if (n) n.click();");
        choose_file(&browser, name, &b64(&bytes), "application/octet-stream");
        let note = notice(&browser);
        assert!(note.contains(want), "{name}: {note}");
        assert!(note.contains("stays open"), "{name}: {note}");
        assert_eq!(title(&browser), before);
    }
    // Invalid UTF-8 opens, with replacement characters and a notice.
    choose_file(
        &browser,
        "latin.txt",
        &b64(b"Caf\xe9 owners in Lyon said prices rose.\n"),
        "text/plain",
    );
    wait_title(&browser, "latin");
    assert!(notice(&browser).contains("not valid UTF-8"));
}

#[test]
fn recent_documents_reopen_delete_and_survive_damage() {
    require_app!(true);
    let (server, browser) = support::open_app(1280, 900);
    choose_file(
        &browser,
        "one.txt",
        &b64(b"The first note, about the port of Hamburg.\n"),
        "text/plain",
    );
    wait_title(&browser, "one");
    choose_file(
        &browser,
        "two.txt",
        &b64(b"The second note, about the port of Genoa.\n"),
        "text/plain",
    );
    wait_title(&browser, "two");
    // Damage the first stored entry; reload.
    browser.js(
        "const k = 'claimlens.recent'; const s = localStorage.getItem(k); \
         localStorage.setItem(k, s.replace('Hamburg', 'Hamburk'));",
    );
    support::load_app(&browser, &server.url("/?again"));
    // The damage is reported when the list is shown.
    browser.click(".intake > button");
    let note = notice(&browser);
    assert!(note.contains("damaged"), "{note}");
    let recent = browser
        .js("return [...document.querySelectorAll('.recent-open')].map(b => b.textContent);");
    assert_eq!(recent, json!(["two"]));
    browser.click(".recent-open");
    wait_title(&browser, "two");
    browser.click(".intake > button");
    browser.wait_for(
        "return document.querySelector('.recent-row button[aria-label^=\"Delete\"]');",
        20,
    );
    browser.click(".recent-row button[aria-label^='Delete']");
    let recent = browser.js("return document.querySelectorAll('.recent-open').length;");
    assert_eq!(recent, json!(0));
}

#[test]
fn clear_all_empties_recent_documents_and_their_storage() {
    require_app!(true);
    let (server, browser) = support::open_app(1280, 900);
    for (name, text) in [
        (
            "one.txt",
            &b"The first note, about the port of Hamburg.\n"[..],
        ),
        ("two.txt", b"The second note, about the port of Genoa.\n"),
    ] {
        choose_file(&browser, name, &b64(text), "text/plain");
        wait_title(&browser, name.trim_end_matches(".txt"));
    }
    let stored = browser.js("return localStorage.getItem('claimlens.recent');");
    assert!(stored.as_str().unwrap().contains("Genoa"), "{stored}");
    browser.click(".intake > button");
    browser.wait_for(
        "return document.querySelectorAll('.recent-open').length === 2 \
           && document.querySelector('.recent-clear');",
        20,
    );
    assert_eq!(
        browser.js("return document.querySelector('.recent-clear').textContent;"),
        json!("Clear all")
    );
    browser.click(".recent-clear");
    assert!(notice(&browser).contains("Recent documents cleared"));
    let after = browser.js("return [localStorage.getItem('claimlens.recent'), \
                 document.querySelectorAll('.recent-open').length, \
                 document.querySelector('.recent-clear') === null, \
                 Object.keys(localStorage).sort()];");
    assert_eq!(after, json!([null, 0, true, ["claimlens.theme"]]));
    // Still empty after a reload.
    support::load_app(&browser, &server.url("/?again"));
    browser.click(".intake > button");
    browser.wait_for(
        "return document.querySelector('.recent-list') !== null;",
        20,
    );
    assert_eq!(
        browser.js("return [localStorage.getItem('claimlens.recent'), document.querySelectorAll('.recent-open').length];"),
        json!([null, 0])
    );
}

#[test]
fn src_opens_a_page_its_site_allows_and_explains_one_it_does_not() {
    require_app!(true);
    let dir = std::env::temp_dir().join(format!("claimlens-src-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("page.html"), PAGE).unwrap();
    // Two other loopback sites: one allows cross-origin reads (CORS), one does not.
    let open_site = Server::start_on(&dir, "127.0.0.2");
    open_site.add_header("Access-Control-Allow-Origin", "*");
    let closed_site = Server::start_on(&dir, "127.0.0.2");
    let app = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    let src = |s: &Server| format!("?src={}", encode_uri(&s.url("/page.html")));
    support::load_app(&browser, &app.url(&format!("/{}", src(&open_site))));
    browser.click(".src-fetch");
    wait_title(&browser, "Harbour bridge reopens");
    // The address no longer names the page: a reload shows what was opened.
    assert!(!browser
        .js("return location.search;")
        .as_str()
        .unwrap()
        .contains("src="));
    support::load_app(&browser, &app.url(&format!("/{}", src(&closed_site))));
    browser.click(".src-fetch");
    let note = notice(&browser);
    assert!(
        note.contains("could not be fetched") && note.contains("Save the page"),
        "{note}"
    );
    assert_ne!(title(&browser), json!("Harbour bridge reopens"));
    // No cookies or credentials went with the request.
    assert!(open_site.requests().iter().any(|r| r.path == "/page.html"));
}

/// Percent-encode everything but unreserved characters, as
/// `encodeURIComponent` would for these addresses.
fn encode_uri(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn src_is_fetched_only_after_the_reader_confirms() {
    require_app!(true);
    let dir = std::env::temp_dir().join(format!("claimlens-src-ask-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("page.html"), PAGE).unwrap();
    // Another site, on another loopback address, that records every request.
    let site = Server::start_on(&dir, "127.0.0.2");
    site.add_header("Access-Control-Allow-Origin", "*");
    let page = site.url("/page.html");
    let app = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    let with_src = |n: u32| app.url(&format!("/?n={n}&src={}", encode_uri(&page)));
    let prompt = |b: &Browser| {
        b.wait_for(
            "const p = document.querySelector('.src-prompt');              return p && [p.querySelector('.src-url').textContent,                           p.querySelector('.src-fetch').textContent,                           p.querySelector('.src-cancel').textContent];",
            10,
        )
    };

    // The page opens with the address shown, and nothing requested.
    support::load_app(&browser, &with_src(1));
    assert_eq!(prompt(&browser), json!([page, "Fetch", "Cancel"]));
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(site.requests().is_empty(), "{:?}", site.requests());
    let title_before = title(&browser);

    // Cancel: the prompt goes, still nothing requested.
    browser.click(".src-cancel");
    browser.wait_for("return document.querySelector('.src-prompt') === null;", 5);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(site.requests().is_empty(), "{:?}", site.requests());
    assert_eq!(title(&browser), title_before);

    // Fetch: one request, and the page opens.
    support::load_app(&browser, &with_src(2));
    prompt(&browser);
    assert!(site.requests().is_empty(), "{:?}", site.requests());
    browser.click(".src-fetch");
    wait_title(&browser, "Harbour bridge reopens");
    let got: Vec<String> = site.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(got, ["/page.html"]);
    let requests = browser.network_requests();
    assert!(
        requests
            .iter()
            .all(|u| u.starts_with(&app.url("/")) || u == &page || u.starts_with("data:image/")),
        "{requests:?}"
    );
    // Its claims open at that page, at their sentence (a link, not a request).
    browser.click("#tab-claims");
    let href = browser.wait_for(
        "const a = document.querySelector('.claim-rows a.source-link'); return a && a.href;",
        30,
    );
    assert!(
        href.as_str()
            .unwrap()
            .starts_with(&format!("{page}#:~:text=")),
        "{href}"
    );
}

#[test]
fn src_with_another_scheme_says_why_nothing_was_fetched() {
    require_app!(true);
    let app = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    let cases = [
        ("javascript:window.__pwned=1", "javascript: address"),
        ("file:///etc/passwd", "file: address"),
        ("data:text/html,<p>Hi</p>", "data: address"),
        ("ftp://127.0.0.2/a.txt", "ftp: address"),
        ("page.html", "not a full http:// or https:// address"),
    ];
    for (n, (src, says)) in cases.iter().enumerate() {
        support::load_app(
            &browser,
            &app.url(&format!("/?n={n}&src={}", encode_uri(src))),
        );
        let note = notice(&browser);
        assert!(
            note.contains(says) && note.contains("nothing was fetched"),
            "{src}: {note}"
        );
        assert_eq!(
            browser.js("return document.querySelector('.src-prompt');"),
            Value::Null,
            "{src}"
        );
        assert_eq!(browser.js("return window.__pwned;"), Value::Null);
    }
    let requests = browser.network_requests();
    assert!(
        requests
            .iter()
            .all(|u| u.starts_with(&app.url("/")) || u.starts_with("data:image/")),
        "{requests:?}"
    );
}

#[test]
fn huge_and_foreign_inputs_get_their_messages() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let before = title(&browser);
    // Over 50 MB: refused by its size, before it is read.
    support::load_intake_panel(&browser);
    browser.js(
        "const input = document.querySelector('input.intake-file'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'huge.txt', {type: 'text/plain'})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
    );
    let note = notice(&browser);
    assert!(
        note.contains("too large") && note.contains("stays open"),
        "{note}"
    );
    assert_eq!(title(&browser), before);
    // Not English: analysed, with a notice.
    choose_file(
        &browser,
        "bericht.txt",
        &b64("Die Verhandlungen in Istanbul wurden am Montag fortgesetzt, und die Delegationen haben sich nicht auf einen Waffenstillstand geeinigt, sagte der Sprecher der Regierung.\n".as_bytes()),
        "text/plain",
    );
    wait_title(&browser, "bericht");
    assert!(notice(&browser).contains("does not look like English"));
}

/// Paste `text` into the Open… panel and open it.
fn paste(browser: &Browser, text: &str) {
    browser.click(".intake > button");
    browser.wait_for("return document.getElementById('paste-box') !== null;", 20);
    browser.eval(
        "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([text]),
    );
    browser.click(".paste-go");
}

/// What the reader sees at the top of the article and in the facts panel.
fn top_of_article(browser: &Browser) -> Value {
    browser.js(
        "const facts = {}; \
         for (const f of document.querySelectorAll('.fact')) \
           facts[f.querySelector('dt').textContent] = f.querySelector('dd').textContent; \
         return {title: document.querySelector('#doc-title').textContent, \
                 badge: document.querySelector('.title-supplied') !== null, \
                 meta: (document.querySelector('.doc-meta') || {}).textContent || '', \
                 headings: [...document.querySelectorAll('.doc-body h2, .doc-body h3, .doc-body h4')].map(h => h.textContent), \
                 body: document.querySelector('.doc-body').textContent, \
                 first: (document.querySelector('.doc-body > *') || {}).textContent || '', \
                 facts};",
    )
}

#[test]
fn a_pasted_headline_byline_and_quotes_are_read_as_such() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    // A headline, a byline with its date, and ten quotations in running text.
    let text = "Harbour bridge reopens after two weeks\n\
        By Anna Schmidt | 2 March 2026\n\n\
        The harbour bridge reopened on Monday, two weeks after the flood closed it.\n\n\
        “We are glad to see traffic moving again,” the mayor said.\n\
        “The repairs took longer than planned,” an engineer said, “but the bridge is safe.”\n\
        Drivers were relieved. “It saves me an hour a day,” said one commuter.\n\
        Another said: \"I never want to take the ferry again.\"\n\
        ‘The queues were terrible last week,’ a shop owner said.\n\
        “We lost half our customers,” said a café owner.\n\
        The council said: “The cost will be covered by the regional fund.”\n\
        “Nobody was hurt, and that is what matters,” a police officer said.\n\
        Critics called the delay a “scandal” and asked for an inquiry.\n\
        “We will publish the full report in April,” the council added.\n\
        A resident summed it up: “Finally, the town is whole again.”\n";
    paste(&browser, text);
    wait_title(&browser, "Harbour bridge reopens after two weeks");
    let got = top_of_article(&browser);
    assert_eq!(got["badge"], json!(false), "{got}");
    assert!(
        got["first"]
            .as_str()
            .unwrap()
            .starts_with("The harbour bridge reopened"),
        "the headline or byline is repeated in the body: {got}"
    );
    let body = got["body"].as_str().unwrap();
    assert!(!body.contains("Harbour bridge reopens after"), "{got}");
    assert!(!body.contains("Anna Schmidt"), "{got}");
    assert_eq!(got["meta"], json!("Anna Schmidt · 2 March 2026"), "{got}");
    assert_eq!(got["facts"]["Quotations"], json!("10"), "{got}");

    // Markdown: the byline with emphasis is metadata, not a heading.
    browser.js("const n = document.querySelector('.notice-close'); if (n) n.click();");
    paste(
        &browser,
        "# Council vote\n\nBy **Anna Schmidt** | 2 March 2026\n\nThe council in Leeds voted 7 to 2 on Tuesday to close the library, a spokesperson said.\n",
    );
    wait_title(&browser, "Council vote");
    let got = top_of_article(&browser);
    assert_eq!(got["headings"], json!([]), "{got}");
    assert!(
        !got["body"].as_str().unwrap().contains("Anna Schmidt"),
        "{got}"
    );
    assert_eq!(got["meta"], json!("Anna Schmidt · 2 March 2026"), "{got}");

    // A first line that is a sentence is no headline: it stays in the body,
    // and the heading says it was supplied.
    paste(
        &browser,
        "The council in Leeds voted 7 to 2 on Tuesday to close the central library, a spokesperson said.\nThe vote followed a long debate.\n",
    );
    browser.wait_for(
        "return document.querySelector('#doc-title').textContent.startsWith('The council in Leeds') || null;",
        15,
    );
    let got = top_of_article(&browser);
    assert_eq!(got["badge"], json!(true), "{got}");
    assert!(
        got["first"]
            .as_str()
            .unwrap()
            .starts_with("The council in Leeds voted"),
        "{got}"
    );
}

#[test]
fn a_source_passes_the_same_checks_as_open_and_the_status_follows() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    browser.click("#tab-compare");
    browser.wait_for(
        "return document.querySelector('.cmp-add summary') !== null || null;",
        30,
    );
    browser.click(".cmp-add summary");
    let sources = |b: &Browser| -> usize {
        b.js("return document.querySelectorAll('.cmp-sources li').length;")
            .as_u64()
            .unwrap() as usize
    };
    let before = sources(&browser);
    let status = |b: &Browser, want: &str| -> Value {
        b.wait_for(
            &format!(
                "const s = document.querySelector('.cmp-status'); \
                 return s && s.textContent.includes({}) ? [s.textContent, s.dataset.kind] : null;",
                json!(want)
            ),
            20,
        )
    };
    // A picture is refused, as Open… refuses it.
    browser.eval(
        "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0)); \
         const input = document.querySelector('.cmp-add input[type=file]'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([bytes], 'pic.png', {type: 'image/png'})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([b64(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01")]),
    );
    let got = status(&browser, "not supported");
    assert!(
        got[0].as_str().unwrap().contains("Nothing was added"),
        "{got}"
    );
    assert_eq!(got[1], json!("error"), "{got}");
    assert_eq!(sources(&browser), before, "the picture became a source");
    // A saved page is reduced to its article, named by its title.
    browser.eval(
        "const input = document.querySelector('.cmp-add input[type=file]'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([arguments[0]], 'bridge.html', {type: 'text/html'})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([PAGE]),
    );
    let got = status(&browser, "Added");
    assert!(
        got[0]
            .as_str()
            .unwrap()
            .starts_with("Added Harbour bridge reopens as source"),
        "{got}"
    );
    assert_eq!(got[1], json!("ok"), "{got}");
    assert_eq!(sources(&browser), before + 1);
    // Removing it: the status line no longer names it as added.
    browser.click(".cmp-sources button[data-remove]");
    let got = status(&browser, "Removed");
    let text = got[0].as_str().unwrap();
    assert!(
        text.starts_with("Removed Harbour bridge reopens.") && !text.contains("Added"),
        "{got}"
    );
    assert_eq!(sources(&browser), before);
}

/// Decode `%XX` escapes (UTF-8).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The parts of a `#:~:text=prefix-,start,end,-suffix` link:
/// (prefix, start, end, suffix), decoded.
fn fragment_parts(href: &str) -> (String, String, String, String) {
    let (_, directive) = href.split_once("#:~:text=").expect("a text fragment");
    let mut parts: Vec<&str> = directive.split(',').collect();
    let prefix = match parts.first() {
        Some(p) if p.ends_with('-') => percent_decode(parts.remove(0).trim_end_matches('-')),
        _ => String::new(),
    };
    let suffix = match parts.last() {
        Some(p) if p.starts_with('-') => {
            percent_decode(parts.pop().unwrap().trim_start_matches('-'))
        }
        _ => String::new(),
    };
    let start = percent_decode(parts[0]);
    let end = parts.get(1).map(|e| percent_decode(e)).unwrap_or_default();
    (prefix, start, end, suffix)
}

#[test]
fn claims_and_passages_open_at_their_source_with_a_text_fragment() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let page = PAGE.replace(
        "<title>",
        "<link rel=\"canonical\" href=\"https://valleypost.example/2025/03/bridge?ref=home\"><title>",
    );
    choose_file(&browser, "bridge.html", &b64(page.as_bytes()), "text/html");
    wait_title(&browser, "Harbour bridge reopens");
    let text = browser
        .js("return document.querySelector('.doc-body').textContent;")
        .as_str()
        .unwrap()
        .to_string();
    let body = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let once = |part: &str, what: &str, href: &str| {
        assert_eq!(
            body.matches(part).count(),
            1,
            "{what} {part:?} is not found exactly once: {href}"
        );
    };
    let check = |href: &str| {
        assert!(
            href.starts_with("https://valleypost.example/2025/03/bridge?ref=home#:~:text="),
            "{href}"
        );
        let (prefix, start, end, suffix) = fragment_parts(href);
        once(&start, "start", href);
        if !end.is_empty() {
            once(&end, "end", href);
        }
        if !prefix.is_empty() {
            once(&format!("{prefix} {start}"), "prefix and start", href);
        }
        if !suffix.is_empty() {
            let last = if end.is_empty() { &start } else { &end };
            assert!(
                body.contains(&format!("{last}{suffix}"))
                    || body.contains(&format!("{last} {suffix}")),
                "the suffix does not follow: {href}"
            );
        }
    };

    // Every claim in the Claims tab links to its sentence on the page.
    browser.click("#tab-claims");
    let links = browser.wait_for(
        "const a = [...document.querySelectorAll('.claim-rows li')].map(li => { \
           const l = li.querySelector('a.source-link'); return l && l.href; }); \
         return a.length ? a : null;",
        30,
    );
    let links = links.as_array().unwrap();
    assert!(!links.is_empty());
    for l in links {
        let href = l.as_str().expect("a claim without \"Open at the source\"");
        check(href);
    }
    assert_eq!(
        browser.js("return document.querySelector('a.source-link').getAttribute('rel');"),
        json!("noopener noreferrer")
    );

    // A passage the reader highlights gets one too.
    let found = browser.js("const ok = window.find('repairs cost about $4 million'); \
         document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true})); \
         window.dispatchEvent(new MouseEvent('mouseup')); return ok;");
    assert_eq!(found, json!(true));
    browser.wait_for(
        "return !document.querySelector('.passage-button').hidden || null;",
        5,
    );
    browser.click(".passage-button");
    let href = browser.wait_for(
        "const a = document.querySelector('.passage-bar a.source-link'); return a && a.href;",
        10,
    );
    let href = href.as_str().unwrap();
    check(href);
    assert_eq!(fragment_parts(href).1, "repairs cost about $4 million");
}
