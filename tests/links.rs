//! Browser tests of share links: a link reopens the same view, back and
//! forward move between views, a document can travel inside the link, and a
//! broken link opens the default view with a clear message.

mod support;

use claimlens::analysis::share::{encode, DocRef, ViewState};
use claimlens::analysis::{analyse, default_document, label_key, Label, LabelSet};
use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

/// Load the app afresh with `fragment` (a distinct query string makes each
/// load a real navigation rather than a same-page fragment change).
fn open(server: &Server, browser: &Browser, fragment: &str) {
    static LOADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = LOADS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    support::load_app(browser, &format!("{}?load={n}#{fragment}", server.url("/")));
}

fn pinned_name(browser: &Browser) -> Value {
    browser.js("const b = document.querySelector('.pin-bar'); return b.hidden ? null : b.querySelector('.pin-name').textContent;",
    )
}

#[test]
fn a_link_reopens_the_same_view() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let doc = default_document();
    let a = analyse(&doc);
    let e = a
        .entities
        .iter()
        .find(|e| e.label == Label::Person && e.mentions.len() > 1)
        .expect("a person mentioned twice");
    let state = ViewState {
        pinned: Some(e.id.clone()),
        hidden: LabelSet::NONE.toggled(Label::Date),
        ..ViewState::default()
    };
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, &encode(&state));
    assert_eq!(pinned_name(&browser), json!(e.name));
    let hidden = browser.js(&format!(
        "return document.querySelector('.doc-body').classList.contains('hide-{}');",
        label_key(Label::Date)
    ));
    assert_eq!(hidden, json!(true));
    assert_eq!(
        browser.js("return document.querySelectorAll('.notice').length;"),
        json!(0)
    );
}

#[test]
fn the_url_follows_the_view_and_back_forward_restore_it() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "");
    // Opening the default view leaves the URL alone.
    assert_eq!(browser.js("return location.hash;"), json!(""));
    browser.click(".entity-row");
    let name = pinned_name(&browser);
    assert!(name.is_string());
    let hash = browser.js("return location.hash;");
    assert!(hash.as_str().unwrap().contains("&p="), "{hash}");
    let link = browser.js("return location.href;");

    browser.eval("history.back();", json!([]));
    browser.wait_for(
        "return document.querySelector('.pin-bar').hidden === true;",
        5,
    );
    browser.eval("history.forward();", json!([]));
    browser.wait_for(
        "return document.querySelector('.pin-bar').hidden === false;",
        5,
    );
    assert_eq!(pinned_name(&browser), name);

    // Filters update the link in place.
    browser.click(".legend-toggle");
    let hash2 = browser.js("return location.hash;");
    assert!(hash2.as_str().unwrap().contains("&h="), "{hash2}");

    // The copied link, opened in another browser, shows the same entity pinned.
    let other = Browser::start(1280, 900);
    other.goto(link.as_str().unwrap());
    other.wait_for(
        "return document.documentElement.dataset.app === 'ready';",
        30,
    );
    assert_eq!(pinned_name(&other), name);
}

#[test]
fn copy_link_gives_the_current_link() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "");
    browser.click(".entity-row");
    browser.click(".copy-link");
    let result = browser.wait_for(
        "const s = document.querySelector('.share-status').textContent;
         const f = document.getElementById('share-link');
         return s && [s, f ? f.value : null, location.href];",
        5,
    );
    let status = result[0].as_str().unwrap();
    if status.starts_with("Link copied") {
        let clip = browser.eval_async(
            "const done = arguments[arguments.length - 1];
             navigator.clipboard.readText().then(done, () => done(null));",
            json!([]),
        );
        if !clip.is_null() {
            assert_eq!(clip, result[2]);
        }
    } else {
        assert_eq!(result[1], result[2], "the fallback field holds the link");
    }
}

#[test]
fn a_document_travels_inside_the_link() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let text =
        "Officials in Nairobi said on Monday that 40 trucks of food had crossed the border.\n\
                The United Nations welcomed the move.";
    let state = ViewState {
        doc: DocRef::Inline {
            title: Some("Aid convoy".into()),
            text: text.into(),
        },
        ..ViewState::default()
    };
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, &encode(&state));
    assert_eq!(
        browser.js("return document.querySelector('h1').textContent;"),
        json!("Aid convoy")
    );
    let paras = browser
        .js("return Array.from(document.querySelectorAll('.doc-body > p'), p => p.textContent);");
    assert_eq!(paras, json!(text.split('\n').collect::<Vec<_>>()));
    assert!(
        browser
            .js("return document.querySelectorAll('.doc-body mark.m').length;")
            .as_u64()
            .unwrap()
            >= 2
    );
}

#[test]
fn a_broken_link_opens_the_default_view_with_a_message() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    for fragment in [
        "v=1&x=AAAAbroken&p=person:nobody",
        "v=9&d=sample-istanbul-2025&zz=1",
        "v=1&d=no-such-document",
        "v=1&p=%ZZ&h=bogus",
    ] {
        open(&server, &browser, fragment);
        let notice =
            browser.js("const n = document.querySelector('.notice'); return n && n.textContent;");
        assert!(notice.is_string(), "{fragment}: no message");
        let paras = browser.js("return document.querySelectorAll('.doc-body > p').length;");
        assert_eq!(
            paras,
            json!(11),
            "{fragment}: the default article did not open"
        );
        assert_eq!(
            browser.js("return document.querySelectorAll('.boot-error').length;"),
            json!(0),
            "{fragment}"
        );
    }
}

#[test]
fn a_cut_link_or_one_without_its_version_says_so() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let text = "Officials in Nairobi said on Monday that 40 trucks of food had crossed the border.";
    let link = encode(&ViewState {
        doc: DocRef::Inline {
            title: Some("Aid convoy".into()),
            text: text.into(),
        },
        ..ViewState::default()
    });
    let x = &link["v=1&x=".len()..link.find("&n=").unwrap()];
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    let notice = |b: &Browser| {
        b.js("const n = document.querySelector('.notice'); return n && n.textContent;")
            .as_str()
            .map(String::from)
            .unwrap_or_default()
    };

    // `x=` without `v=`: the document opens, and the notice says the version is missing.
    open(&server, &browser, &format!("x={x}&n=Aid%20convoy"));
    assert_eq!(
        browser.js("return document.querySelector('h1').textContent;"),
        json!("Aid convoy")
    );
    let said = notice(&browser);
    assert!(said.contains("v= is missing"), "{said}");

    // Cut inside the document, and cut to a lone last character (4k + 1 of
    // them, which no whole link has): "cut short", never "base64url".
    let lone = (x.len() - 2) / 4 * 4 + 1;
    for cut in [x.len() / 2, lone] {
        open(&server, &browser, &format!("v=1&x={}", &x[..cut]));
        let said = notice(&browser);
        assert!(
            said.starts_with("This link looks cut short: "),
            "cut at {cut}: {said}"
        );
        assert!(!said.contains("base64url"), "cut at {cut}: {said}");
        assert_eq!(
            browser.js("return document.querySelectorAll('.doc-body > p').length;"),
            json!(11),
            "cut at {cut}: the default article did not open"
        );
    }

    // Cut inside the last parameter's escapes.
    open(
        &server,
        &browser,
        "v=1&d=sample-istanbul-2025&q=3~caf%C3%A9~~".trim_end_matches("%A9~~"),
    );
    let said = notice(&browser);
    assert!(said.starts_with("This link looks cut short: "), "{said}");
}

#[test]
fn a_passage_link_reopens_with_the_passage_highlighted_and_in_view() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let passage = "reportedly exceeding one million";
    assert!(default_document().text.contains(passage));
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 700);
    open(&server, &browser, "");
    // Select the passage as a reader would, then release the mouse.
    let found = browser.js(&format!(
            "const ok = window.find({passage:?}); document.dispatchEvent(new MouseEvent('mouseup', {{bubbles: true}})); window.dispatchEvent(new MouseEvent('mouseup')); return ok;"
        ),
    );
    assert_eq!(found, json!(true));
    browser.wait_for(
        "return !document.querySelector('.passage-button').hidden;",
        5,
    );
    browser.click(".passage-button");
    let hash = browser.wait_for("return location.hash.includes('&q=') && location.hash;", 5);
    let hash = hash.as_str().unwrap().to_string();

    let other = Browser::start(1280, 700);
    open(&server, &other, &hash);
    let drawn = other.wait_for(
        "const h = CSS.highlights.get('cl-passage');
         if (!h) return null;
         const r = Array.from(h)[0].getBoundingClientRect();
         return [Array.from(h)[0].toString(), r.top >= 0 && r.bottom <= innerHeight];",
        5,
    );
    assert_eq!(drawn, json!([passage, true]));
    assert_eq!(
        other.js("return document.querySelector('.passage-bar').hidden;"),
        json!(false)
    );
    assert_eq!(
        other.js("return document.querySelectorAll('.notice').length;"),
        json!(0)
    );
}

#[test]
fn a_host_page_on_another_origin_embeds_the_app_at_its_height() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = Server::start(&support::dist_dir());
    let host = Server::start(&support::dist_dir()); // a second origin (another port)
    let src = format!("{}?embed=1#v=1&d=sample-istanbul-2025&e=1", app.url("/"));
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Host</title>\
         <style>body{{margin:0}}</style></head><body>\
         <iframe src=\"{src}\" title=\"claimlens\" loading=\"lazy\" width=\"100%\" height=\"300\" \
         style=\"border:0;width:100%;display:block\" data-claimlens></iframe>\
         <script src=\"{}\"></script></body></html>",
        app.url("/embed.js")
    );
    host.set_override(
        "/host.html",
        support::server::Override {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: page.into_bytes(),
        },
    );
    let browser = Browser::start(1000, 800);
    browser.goto(&host.url("/host.html"));
    browser.wait_for(
        "const f = document.querySelector('iframe'); return f.getBoundingClientRect().height > 300;",
        30,
    );
    // Let the app finish laying out (fonts, highlights) and report again.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let height =
        browser.js("return document.querySelector('iframe').getBoundingClientRect().height;");
    let width = browser.js("return document.querySelector('iframe').clientWidth;");
    // The same embedded view, opened directly at the iframe's width, is that tall.
    let direct = Browser::start(1000, 800);
    direct.emulate_viewport(width.as_u64().unwrap() as u32, 800, false);
    direct.goto(&src);
    direct.wait_for(
        "return document.documentElement.dataset.app === 'ready';",
        30,
    );
    let want = direct.js("return document.documentElement.dataset.embed === '1' && !document.querySelector('.site-header') \
         && document.querySelector('.embed-open') !== null && Math.ceil(document.body.getBoundingClientRect().height);",
    );
    let (got, want) = (height.as_f64().unwrap(), want.as_f64().expect("embed mode"));
    assert!((got - want).abs() <= 2.0, "iframe {got} px, page {want} px");

    // A message that does not come from the iframe is ignored.
    browser.eval(
        "window.postMessage({type: 'claimlens:height', height: 50}, '*');",
        json!([]),
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    let after =
        browser.js("return document.querySelector('iframe').getBoundingClientRect().height;");
    assert_eq!(after.as_f64().unwrap(), got);
}

#[test]
fn export_downloads_web_annotations_for_the_view() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let doc = default_document();
    let a = analyse(&doc);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "");
    // Keep the blob the page offers for download.
    browser.js("window.__blobs = []; const make = URL.createObjectURL;
         URL.createObjectURL = b => { window.__blobs.push(b); return make.call(URL, b); };");
    browser.click(".share .link-button");
    let text = browser.eval_async(
        "const done = arguments[arguments.length - 1];
         const wait = () => window.__blobs.length ? window.__blobs[0].text().then(done) : setTimeout(wait, 50);
         wait();",
        json!([]),
    );
    let v: Value = serde_json::from_str(text.as_str().unwrap()).expect("JSON-LD");
    assert_eq!(v["type"], json!("AnnotationCollection"));
    assert_eq!(v["total"], json!(a.mentions.len() + a.claims.len()));
    let chars: Vec<char> = doc.text.chars().collect();
    for item in v["first"]["items"].as_array().unwrap() {
        let sel = &item["target"]["selector"];
        let (s, e) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            sel[0]["exact"].as_str().unwrap()
        );
    }
}

#[test]
fn the_embed_code_has_no_inline_style_copies_and_works_under_a_strict_host_csp() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&app, &browser, "");
    browser.click(".embed-code > button");
    let code = browser.wait_for(
        "const t = document.getElementById('embed-code'); return t && t.value;",
        20,
    );
    let code = code.as_str().unwrap().to_string();
    assert!(code.starts_with("<iframe "), "{code}");
    assert!(!code.contains("style="), "{code}");

    // Copy: the code is in the clipboard (or, where the browser refuses,
    // selected for the reader, and said so).
    browser.click(".embed-copy");
    let status = browser.wait_for(
        "return document.querySelector('.embed-status').textContent;",
        5,
    );
    let status = status.as_str().unwrap();
    if status == "Embed code copied." {
        let clip = browser.eval_async(
            "const done = arguments[arguments.length - 1];
             navigator.clipboard.readText().then(done, () => done(null));",
            json!([]),
        );
        if !clip.is_null() {
            assert_eq!(clip, json!(code));
        }
    } else {
        assert!(status.contains("copy the selected code"), "{status}");
        let selected = browser.js("const t = document.getElementById('embed-code');
             return t.value.slice(t.selectionStart, t.selectionEnd);");
        assert_eq!(selected, json!(code));
    }

    // Pasted as it is into a host page on another site whose policy allows
    // no inline style: nothing is blocked, and the iframe is borderless and
    // sized to the view.
    let origin = app.url("/").trim_end_matches('/').to_string();
    let host = Server::start_on(&support::dist_dir(), "127.0.0.2");
    host.add_header(
        "Content-Security-Policy",
        &format!("default-src 'none'; style-src 'self'; script-src {origin}; frame-src {origin}"),
    );
    host.set_override(
        "/host.html",
        support::server::Override {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: format!(
                "<!DOCTYPE html><html><head><meta charset=utf-8><title>Host</title></head>\
                 <body><p>Before</p>{code}<p>After</p></body></html>"
            )
            .into_bytes(),
        },
    );
    let visitor = Browser::start(1000, 800);
    visitor.add_init_script(
        "window.__violations = [];
         document.addEventListener('securitypolicyviolation',
           e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    visitor.goto(&host.url("/host.html"));
    visitor.wait_for(
        "const f = document.querySelector('iframe[data-claimlens]');
         return f && f.getBoundingClientRect().height > 640;",
        30,
    );
    let got = visitor.js(
        "const f = document.querySelector('iframe[data-claimlens]'); const s = getComputedStyle(f);
         return [s.borderTopWidth, f.getBoundingClientRect().width === document.body.clientWidth,
                 window.__violations];",
    );
    assert_eq!(got, json!(["0px", true, []]));
}

#[test]
fn an_embedded_view_posts_its_height_to_datawrapper_flourish_and_amp_listeners() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let app = Server::start(&support::dist_dir());
    // The host page, on another loopback site, runs a stub of each
    // platform's resizer: it records what it would size the frame with.
    let host = Server::start_on(&support::dist_dir(), "127.0.0.2");
    let src = format!("{}#v=1&d=sample-istanbul-2025&e=1", app.url("/"));
    let page = format!(
        r#"<!DOCTYPE html><html><head><meta charset=utf-8><title>Host</title></head><body>
<iframe src="{src}" title="claimlens" width="100%" height="300" frameborder="0"></iframe>
<script>
window.__got = {{ claimlens: [], datawrapper: [], flourish: [], amp: [] }};
var frame = document.querySelector('iframe');
window.addEventListener('message', function (e) {{
  if (e.source !== frame.contentWindow) return;
  var d = e.data;
  // claimlens' own (embed.js).
  if (d && d.type === 'claimlens:height') __got.claimlens.push(d);
  // Datawrapper: {{"datawrapper-height": {{"<chart id>": px}}}}.
  if (d && d['datawrapper-height'] !== undefined) __got.datawrapper.push(d);
  // Flourish: a JSON string {{"sender": "Flourish", "context": "iframe.resize", "height": px}}.
  if (typeof d === 'string') {{
    try {{
      var m = JSON.parse(d);
      if (m.sender === 'Flourish' && m.context === 'iframe.resize') __got.flourish.push(m);
    }} catch (x) {{}}
  }}
  // AMP (amp-iframe resizable): {{"sentinel": "amp", "type": "embed-size", "height": px}}.
  if (d && d.sentinel === 'amp' && d.type === 'embed-size') __got.amp.push(d);
}});
</script></body></html>"#
    );
    host.set_override(
        "/host.html",
        support::server::Override {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: page.into_bytes(),
        },
    );
    let browser = Browser::start(1000, 800);
    browser.goto(&host.url("/host.html"));
    browser.wait_for(
        "return ['claimlens', 'datawrapper', 'flourish', 'amp'].every(k => __got[k].length > 0);",
        30,
    );
    // Let the view settle, then read the last message of each kind.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let last = browser.js("const l = k => __got[k][__got[k].length - 1];
         return [l('claimlens'), l('datawrapper'), l('flourish'), l('amp')];");
    let h = last[0]["height"].as_u64().expect("a height");
    assert!(h > 300, "{last}");
    assert_eq!(
        last,
        json!([
            { "type": "claimlens:height", "height": h },
            { "datawrapper-height": { "claimlens": h } },
            { "sender": "Flourish", "context": "iframe.resize", "method": "resize", "height": h },
            { "sentinel": "amp", "type": "embed-size", "height": h },
        ])
    );
}

/// Paste `text` into the Open… panel and open it; wait for `title`.
fn paste_and_open(browser: &Browser, text_js: &str, title: &str) {
    browser.click(".intake > button");
    browser.wait_for("return document.getElementById('paste-box') !== null;", 20);
    browser.js(&format!(
        "const t = document.getElementById('paste-box'); t.value = {text_js}; \
         t.dispatchEvent(new Event('input', {{bubbles: true}}));"
    ));
    browser.click(".paste-go");
    browser.wait_for(
        &format!(
            "return document.querySelector('#doc-title').textContent === {} || null;",
            json!(title)
        ),
        60,
    );
}

#[test]
fn embed_refuses_a_document_only_this_browser_holds() {
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    // ~200 KB of text: too long to carry in a link, so links name it by a local id.
    let body = claimlens::analysis::DEFAULT_TEXT;
    paste_and_open(
        &browser,
        &format!(
            "'Long report\\n\\n' + {}.repeat(Math.ceil(200000 / {}))",
            json!(body),
            body.len()
        ),
        "Long report",
    );
    let hash = browser.wait_for(
        "return location.hash.includes('d=local:') ? location.hash : null;",
        30,
    );
    assert!(hash.as_str().unwrap().contains("d=local:"), "{hash}");
    browser.click(".embed-code > button");
    let got = browser.js("const b = document.querySelector('.embed-box'); \
         return {shown: !b.hidden, text: b.textContent, \
                 code: (document.getElementById('embed-code') || {}).value || null};");
    assert_eq!(got["shown"], json!(true), "{got}");
    assert_eq!(got["code"], Value::Null, "an embed code was offered: {got}");
    let text = got["text"].as_str().unwrap();
    assert!(
        text.contains("cannot be embedded") && text.contains("only this browser"),
        "{text}"
    );
    browser.press(&[support::webdriver::keys::ESCAPE]);

    // A short document travels in the link, and its embed code carries it.
    paste_and_open(
        &browser,
        "'Short note\\n\\nThe council in Leeds voted 7 to 2 on Tuesday to close the library.\\n'",
        "Short note",
    );
    browser.click(".embed-code > button");
    let code = browser.wait_for(
        "const c = document.getElementById('embed-code'); return c && c.value ? c.value : null;",
        20,
    );
    let code = code.as_str().unwrap();
    assert!(
        code.contains("x=") && code.contains("e=1") && !code.contains("local:"),
        "{code}"
    );
}

/// What a reader sees of the Compare tab and the article, to hold the
/// sender's view against the receiver's: the panel's text, its filters,
/// the selected claim and its relations, the article's header and the
/// highlight settings.
const COMPARE_VIEW: &str = "
    const text = s => { const e = document.querySelector(s); return e ? e.textContent : null; };
    const sel = n => { const e = document.querySelector('#cmp-shell select[name=' + n + ']'); return e ? e.value : null; };
    const h = CSS.highlights.get('cl-claim');
    return {
        header: text('.article-header'),
        tab: document.querySelector('[role=tab][aria-selected=true]').id,
        summary: text('#cmp-summary'),
        list: text('#cmp-list'),
        matrix: text('#cmp-matrix'),
        sources: text('#cmp-sources'),
        filters: ['rel', 'speaker', 'entity', 'order'].map(sel),
        pressed: Array.from(document.querySelectorAll('.cmp-row[aria-pressed=true]'), r => r.dataset.c),
        relations: Array.from(document.querySelectorAll('#cmp-detail .cmp-pair'),
            p => [p.className, p.querySelector('.cmp-src-name').textContent]),
        highlighted: h && h.size ? Array.from(h)[0].toString() : null,
        body: document.querySelector('.doc-body').className,
        labels: Array.from(document.querySelectorAll('.legend-actions button[aria-pressed]'), b => b.getAttribute('aria-pressed')),
    };";

/// The Claims tab as a reader sees it.
const CLAIMS_VIEW: &str = "
    const p = document.getElementById('panel-claims');
    return {
        text: p.textContent,
        shown: Array.from(p.querySelectorAll('.claim-rows > li'), l => !l.hidden),
        checked: p.querySelector('input[type=checkbox]').checked,
        pressed: Array.from(p.querySelectorAll('.claim-row[aria-pressed=true]'), r => r.dataset.c),
    };";

/// Set a `<select name=…>` of the Compare filters as a reader would.
fn choose(browser: &Browser, name: &str, value: &str) {
    browser.eval(
        "const s = document.querySelector('#cmp-shell select[name=' + arguments[0] + ']');
         s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([name, value]),
    );
}

/// Paste `text` as a source in the Compare tab, named `name`; wait until
/// the matrix has `columns` sources.
fn add_source(browser: &Browser, name: &str, text_js: &str, columns: usize) {
    browser.click(".cmp-add summary");
    browser.eval(
        "document.getElementById('cmp-add-name').value = arguments[0];",
        json!([name]),
    );
    browser.js(&format!(
        "document.getElementById('cmp-add-text').value = {text_js};"
    ));
    browser.click(".cmp-add-actions .share-button");
    browser.wait_for(
        &format!(
            "return document.querySelectorAll('table.mx thead th').length === {};",
            columns + 1
        ),
        60,
    );
}

/// Click "Copy link" and return its status line once it shows.
fn copy_link(browser: &Browser) -> String {
    browser.click(".copy-link");
    let status = browser.wait_for(
        "return document.querySelector('.share-status').textContent;",
        5,
    );
    status.as_str().unwrap().to_string()
}

#[test]
fn a_link_made_after_adding_a_source_reopens_the_same_comparison_in_a_fresh_browser() {
    use claimlens::analysis::compare::{Relation, Workspace};
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    // The engine: the pasted report makes a claim differ that did not before.
    let pasted = "At the talks Medinsky referred to Russia's 18-year war with Sweden to show that Moscow was prepared for a prolonged conflict.";
    let before = Workspace::for_default_article();
    let pack = before.sources().len();
    let mut after = Workspace::for_default_article();
    after.add_user_text("user-1", "Wire report", pasted);
    let (c0, c1) = (before.compare(), after.compare());
    let differing = c0
        .claims
        .iter()
        .zip(&c1.claims)
        .find(|(a, b)| b.relation == Relation::Differs && a.relation != Relation::Differs)
        .map(|(_, b)| b.claim)
        .expect("engine: the pasted figure makes a claim differ");

    let server = Server::start(&support::dist_dir());
    let sender = Browser::start(1280, 900);
    open(&server, &sender, "");
    // Claims: every claim, not only check-worthy ones; type labels on.
    sender.click("#tab-claims");
    sender.wait_for(
        "return document.querySelector('#panel-claims input[type=checkbox]');",
        30,
    );
    sender.click("#panel-claims input[type=checkbox]");
    sender.js("Array.from(document.querySelectorAll('.legend-actions button')).find(b => b.textContent === 'Type labels').click();");
    // Compare: add the report, choose the claim it contradicts, filter and order.
    sender.click("#tab-compare");
    sender.wait_for("return document.querySelectorAll('.cmp-row').length;", 60);
    add_source(&sender, "Wire report", &json!(pasted).to_string(), pack + 1);
    sender.click(&format!(".cmp-row[data-c='{differing}']"));
    sender.wait_for(
        "return document.querySelector('#cmp-detail .cmp-pair.rel-differs');",
        5,
    );
    choose(&sender, "rel", "differs");
    choose(&sender, "order", "score");
    let status = copy_link(&sender);
    assert!(status.contains("1 added source"), "{status}");
    assert!(!status.contains("not in the link"), "{status}");
    let link = sender.js("return location.href;");
    let link = link.as_str().unwrap();
    for key in [
        "&s=Wire%20report~",
        "&r=differs",
        "&o=score",
        "&ca=1",
        "&b=1",
        "&t=compare",
        "&c=",
    ] {
        assert!(link.contains(key), "{key} missing from {link}");
    }
    let want = sender.js(COMPARE_VIEW);
    assert_eq!(want["pressed"], json!([differing.to_string()]), "{want}");
    assert!(
        want["relations"].as_array().unwrap().iter().any(|r| r[0]
            .as_str()
            .unwrap()
            .contains("rel-differs")
            && r[1] == json!("Your document: Wire report")),
        "{want}"
    );

    // A fresh profile: nothing of the sender's browser but the link.
    let receiver = Browser::start(1280, 900);
    support::load_app(&receiver, link);
    receiver.wait_for(
        &format!(
            "return document.querySelectorAll('table.mx thead th').length === {} \
             && document.querySelector('#cmp-detail .cmp-pair');",
            pack + 2
        ),
        60,
    );
    let got = receiver.js(COMPARE_VIEW);
    assert_eq!(got, want);
    assert_eq!(
        receiver.js("return document.querySelectorAll('.notice').length;"),
        json!(0),
        "{}",
        receiver.js("return document.body.textContent;")
    );
    // The Claims tab too: the same rows shown, the box unticked.
    sender.click("#tab-claims");
    receiver.click("#tab-claims");
    let claims = sender.js(CLAIMS_VIEW);
    assert_eq!(claims["checked"], json!(false));
    assert_eq!(receiver.js(CLAIMS_VIEW), claims);
    // And the receiver's own link carries the view on unchanged.
    receiver.click("#tab-compare");
    sender.click("#tab-compare");
    assert_eq!(
        receiver.js("return location.hash;"),
        sender.js("return location.hash;")
    );
}

#[test]
fn a_pasted_document_keeps_its_title_and_details_in_a_link() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let sender = Browser::start(1280, 900);
    open(&server, &sender, "");
    // No headline of its own: claimlens supplies the title (and says so).
    let text = "By Anna Schmidt | 2 March 2026\n\nofficials in nairobi said on monday that 40 trucks of food had crossed the border overnight, and the United Nations welcomed the move.\n\nThe convoy had waited for three days at the crossing.";
    sender.click(".intake > button");
    sender.wait_for("return document.getElementById('paste-box') !== null;", 20);
    sender.eval(
        "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([text]),
    );
    sender.click(".paste-go");
    sender.wait_for(
        "return location.hash.includes('x=') && document.querySelector('.title-supplied');",
        60,
    );
    let header = sender.js("return document.querySelector('.article-header').textContent;");
    let body = sender.js("return document.querySelector('.doc-body').textContent;");
    let link = sender.js("return location.href;");
    // The byline and date are the document's details, not its text.
    let h = header.as_str().unwrap();
    assert!(
        h.contains("Anna Schmidt") && h.contains("2 March 2026"),
        "{h}"
    );
    let link = link.as_str().unwrap();
    assert!(
        link.contains("&nt=1") && link.contains("&nb=Anna%20Schmidt"),
        "{link}"
    );

    let receiver = Browser::start(1280, 900);
    support::load_app(&receiver, link);
    assert_eq!(
        receiver.js("return document.querySelector('.article-header').textContent;"),
        header
    );
    assert!(
        !header.as_str().unwrap().contains("Shared document"),
        "{header}"
    );
    assert_eq!(
        receiver.js("return document.querySelector('.doc-body').textContent;"),
        body
    );
}

#[test]
fn copy_link_names_a_source_too_long_to_travel_and_the_receiver_is_told() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let pack = claimlens::analysis::compare::Workspace::for_default_article()
        .sources()
        .len();
    let server = Server::start(&support::dist_dir());
    let sender = Browser::start(1280, 900);
    open(
        &server,
        &sender,
        "?t=compare#v=1&d=sample-istanbul-2025&t=compare",
    );
    sender.wait_for("return document.querySelectorAll('.cmp-row').length;", 60);
    // About 60 KB that packs to far more than a link can hold.
    let gibberish = "(() => { let x = 7, s = ''; while (s.length < 60000) { x = (x * 48271) % 2147483647; s += x.toString(36) + (x % 9 ? ' ' : '. '); } return s; })()";
    add_source(&sender, "report.txt", gibberish, pack + 1);
    let status = copy_link(&sender);
    let want = format!(
        "Source {} (report.txt) is only in this browser and is not in the link",
        pack + 1
    );
    assert!(status.contains(&want), "{status}");
    let link = sender.js("return location.href;");
    let link = link.as_str().unwrap();
    assert!(
        link.contains("&sx=report.txt") && !link.contains("&s="),
        "{link}"
    );
    assert!(
        link.len() < claimlens::analysis::share::MAX_LINK,
        "{}",
        link.len()
    );

    let receiver = Browser::start(1280, 900);
    support::load_app(&receiver, link);
    let notice = receiver.wait_for(
        "const n = document.querySelector('.notice'); return n && n.textContent;",
        10,
    );
    assert!(
        notice
            .as_str()
            .unwrap()
            .contains("the sender also compared this document with report.txt"),
        "{notice}"
    );
}

/// A speaker filter that names no speaker of the document is dropped and
/// said, rather than leaving a blank dropdown over an empty list.
#[test]
fn a_speaker_filter_naming_no_speaker_is_reported_and_dropped() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(
        &server,
        &browser,
        "v=1&d=sample-istanbul-2025&t=compare&sp=Nobody%20At%20All",
    );
    let notice = browser.wait_for(
        "const n = document.querySelector('.notice'); return n && n.textContent;",
        10,
    );
    assert!(
        notice
            .as_str()
            .unwrap()
            .contains("names no speaker in this document"),
        "{notice}"
    );
    let speaker = browser.wait_for(
        "const s = document.querySelector('#cmp-shell select[name=speaker]'); \
         return s && document.querySelectorAll('#cmp-list li').length > 0 \
                ? (s.value === '' ? 'anyone' : s.value) : null;",
        30,
    );
    assert_eq!(speaker, json!("anyone"), "every speaker is shown");
}
