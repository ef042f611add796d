//! Hostile input never runs and never becomes markup.
//!
//! - A source scan fails if `src/` (or the page's own scripts, the
//!   bookmarklet's included) builds HTML
//!   from strings (`inner_html`, `innerHTML`, `outerHTML`,
//!   `insertAdjacentHTML`, `document.write`, `eval`, `new Function`) with
//!   anything but constant markup.
//! - A browser test drives XSS payloads through every input path the app has
//!   today — the document carried in a link (its text and title), reader
//!   highlights (`q=` quotes), the pinned entity (`p=`, echoed in a notice)
//!   and unknown filter names (`h=`, echoed in notices) — with a canary: any
//!   `alert`/`confirm`/`prompt` or a payload that sets `window.__pwned`
//!   trips it, and a MutationObserver installed before the app records any
//!   element or attribute that could run script.
//!
//! Payloads: `tests/fixtures/xss/payloads.txt` (written for claimlens), and,
//! when `../shared` is beside the clone, the Big List of Naughty Strings and
//! the payloadbox XSS list (both MIT, see `../shared/data/hostile/README.md`).

mod support;

use std::path::{Path, PathBuf};

use claimlens::analysis::share::{encode, DocRef, TextQuote, ViewState};
use claimlens::analysis::{Document, Offsets, Span};
use serde_json::json;
use support::server::Server;
use support::webdriver::Browser;

// ---------------------------------------------------------------- source scan

/// Sinks that turn a string into markup or code.
const SINKS: &[&str] = &[
    "inner_html",
    "outer_html",
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "insert_adjacent_html",
    "document.write",
    "createContextualFragment",
    "create_contextual_fragment",
    "eval(",
    "new Function(",
    "srcdoc",
];

/// A string literal at the start of `s` (no interpolation): the rest after it.
fn literal(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let quote = s.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let body = &s[1..];
    let end = body.find(quote)?;
    (!body[..end].contains(['{', '$', '\\'])).then(|| body[end + 1..].trim_start())
}

/// True when the sink's value or arguments are constant strings only:
/// `inner_html="…"`, `.set_inner_html("…")`, `innerHTML = '…'`.
fn constant_argument(rest: &str) -> bool {
    let rest = rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
    let rest = rest.trim_start();
    if let Some(value) = rest.strip_prefix('=') {
        return literal(value).is_some_and(|after| !after.starts_with(['+', '.', '?']));
    }
    let mut args = rest.strip_prefix('(').unwrap_or(rest);
    loop {
        let Some(after) = literal(args) else {
            return false;
        };
        if let Some(next) = after.strip_prefix(',') {
            args = next;
        } else {
            return after.starts_with(')');
        }
    }
}

/// True when a JS markup property is read, not written (`el.outerHTML;`,
/// `{html: el.outerHTML}`): what follows it ends the expression.
fn property_read(sink: &str, rest: &str) -> bool {
    matches!(sink, "innerHTML" | "outerHTML")
        && (rest.trim().is_empty() || rest.trim_start().starts_with([',', ';', ')', '}']))
}

/// Every non-constant use of a sink in `source`: (line number, line).
fn unsafe_sinks(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with("*") || code.starts_with("/*") {
            continue;
        }
        for sink in SINKS {
            let mut from = 0;
            while let Some(i) = line[from..].find(sink) {
                let at = from + i;
                let rest = &line[at + sink.len()..];
                if !constant_argument(rest) && !property_read(sink, rest) {
                    found.push((n + 1, line.trim().to_string()));
                }
                from = at + sink.len();
            }
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("rs" | "js" | "html")
        ) {
            out.push(p);
        }
    }
}

#[test]
fn the_scanner_catches_markup_from_strings() {
    claimlens::analysis::frontcode::install_bundled();
    for bad in [
        "el.set_inner_html(&text);",
        "el.outerHTML = page;",
        "el.innerHTML += page;",
        "el.set_inner_html(&format!(\"<b>{name}</b>\"));",
        "<div inner_html=move || html.get()/>",
        "<div inner_html=doc.title.clone()/>",
        "node.innerHTML = title;",
        "node.innerHTML = '<b>' + title + '</b>';",
        "node.innerHTML = `<b>${title}</b>`;",
        "node.insertAdjacentHTML('beforeend', html);",
        "document.write(x)",
        "eval(code)",
        "const f = new Function(body);",
    ] {
        assert_eq!(unsafe_sinks(bad).len(), 1, "missed: {bad}");
    }
    for ok in [
        "el.set_inner_html(\"<b>constant</b>\");",
        "<span inner_html=\"&nbsp;\"/>",
        "node.innerHTML = '';",
        "var page = {html: document.documentElement.outerHTML};",
        "const h = el.outerHTML, t = 1;",
        "// never set inner_html from a document",
        "/// Avoids innerHTML entirely.",
    ] {
        assert_eq!(unsafe_sinks(ok), Vec::<(usize, String)>::new(), "{ok}");
    }
}

#[test]
fn no_markup_is_built_from_strings() {
    claimlens::analysis::frontcode::install_bundled();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    for f in [
        "index.html",
        "boot.js",
        "embed.js",
        "bookmarklet.html",
        "bookmarklet.js",
    ] {
        if root.join(f).is_file() {
            files.push(root.join(f));
        }
    }
    assert!(files.len() > 10);
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in unsafe_sinks(&text) {
            bad.push(format!(
                "{}:{n}: {line}",
                f.strip_prefix(root).unwrap().display()
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "markup or code built from strings (use text nodes / attributes):\n{}",
        bad.join("\n")
    );
}

// ---------------------------------------------------------------- payloads

/// Installed before any page script: the canary and the watch for live markup.
const CANARY: &str = "window.__pwned = false;
window.__bad = [];
const trip = () => { window.__pwned = true; };
window.alert = window.confirm = window.prompt = window.print = trip;
const RISKY = new Set(['SCRIPT','IFRAME','FRAME','FRAMESET','OBJECT','EMBED','SVG','MATH','IMG','IMAGE',
  'VIDEO','AUDIO','SOURCE','BASE','META','LINK','STYLE','FORM','INPUT','TEMPLATE','XMP','PLAINTEXT',
  'NOSCRIPT','MARQUEE','DETAILS','DIALOG','ISINDEX','KEYGEN','BODY','HTML','HEAD','X']);
const known = new Set();
function check(el) {
  if (!(el instanceof Element)) return;
  const tag = el.tagName.toUpperCase();
  const boot = tag === 'SCRIPT' && (el.getAttribute('src') || '').endsWith('boot.js');
  if (RISKY.has(tag) && !boot && el.closest('article, .notice, h1, title'))
    window.__bad.push('element ' + tag);
  for (const a of el.attributes) {
    const v = a.value.trim().toLowerCase();
    if (a.name.toLowerCase().startsWith('on')
        || ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction')
            && (v.startsWith('javascript:') || v.startsWith('data:text/html'))))
      window.__bad.push('attribute ' + a.name + '=' + a.value + ' on ' + tag);
  }
}
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes') check(r.target);
    for (const n of r.addedNodes) {
      check(n);
      if (n.querySelectorAll) n.querySelectorAll('*').forEach(check);
    }
  }
}).observe(document, { subtree: true, childList: true, attributes: true });";

/// Payloads per document.
const BATCH: usize = 500;

/// One link carrying `payloads` through every path, and what to expect.
fn hostile_link(payloads: &[String]) -> (String, Document) {
    // One payload per line; a line break inside a payload just splits it.
    let text = payloads.join("\n");
    let title = payloads.join(" ");
    let doc = Document::from_plain_text("x", &title, &text);
    let offsets = Offsets::new(&text);
    let mut highlights = Vec::new();
    let mut at = 0;
    for p in payloads {
        let span = Span::new(at, at + p.len());
        at += p.len() + 1;
        if !p.trim().is_empty() {
            let mut q = TextQuote::from_span(&text, &offsets, span);
            (q.prefix, q.suffix) = (String::new(), String::new());
            highlights.push(q);
        }
    }
    let state = ViewState {
        doc: DocRef::Inline {
            title: Some(title),
            text: text.clone(),
        },
        pinned: payloads.first().cloned(),
        highlights,
        ..ViewState::default()
    };
    let mut link = encode(&state);
    // Unknown filter names are echoed back in notices.
    link.push_str("&h=");
    for (i, p) in payloads.iter().enumerate() {
        if i > 0 {
            link.push(',');
        }
        for b in p.bytes() {
            link.push_str(&format!("%{b:02X}"));
        }
    }
    (link, doc)
}

#[test]
fn xss_payloads_stay_text_on_every_path() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    browser.add_init_script(CANARY);
    // Every payload goes through the document text, the title, the reader
    // highlights and the filter names; the first of each batch is the pinned id.
    let paths = 4;
    let (mut total, mut batches) = (0, 0);
    for (name, payloads) in support::payload_lists() {
        for (n, batch) in payloads.chunks(BATCH).enumerate() {
            let (link, doc) = hostile_link(batch);
            support::load_app(&browser, &format!("{}?{name}{n}#{link}", server.url("/")));
            let what = format!("{name} batch {n}");
            let got = browser.js(
                "return { pwned: window.__pwned, bad: window.__bad, href: location.origin,
                          blocks: Array.from(document.querySelectorAll('.doc-body [data-b]'), e => e.textContent),
                          title: document.querySelector('h1').textContent,
                          notices: document.querySelectorAll('.notice').length,
                          risky: Array.from(document.querySelectorAll(
                            'article script, article iframe, article img, article svg, article math, article object, article embed, article form, article a[href], article style, article link'),
                            e => e.outerHTML.slice(0, 120)) };",
            );
            assert_eq!(got["pwned"], json!(false), "{what}: the canary was set");
            assert_eq!(got["bad"], json!([]), "{what}: live markup appeared");
            assert_eq!(got["risky"], json!([]), "{what}: unexpected elements");
            assert_eq!(
                got["href"].as_str(),
                Some(server.url("").trim_end_matches('/'))
            );
            let want: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
            assert_eq!(
                got["blocks"],
                json!(want),
                "{what}: the text did not render verbatim"
            );
            assert_eq!(got["title"], json!(doc.title), "{what}: title");
            assert_ne!(
                got["notices"],
                json!(0),
                "{what}: the notices path was not reached"
            );
            let drawn =
                browser.js("const h = CSS.highlights.get('cl-passage'); return h ? h.size : 0;");
            assert!(
                drawn.as_u64().unwrap_or(0) > 0,
                "{what}: no reader highlight drawn"
            );
            total += batch.len();
            batches += 1;
        }
        let errors: Vec<_> = browser
            .console()
            .into_iter()
            .filter(|(level, _)| level == "SEVERE")
            .collect();
        assert!(errors.is_empty(), "{name}: console errors {errors:?}");
    }
    let foreign: Vec<_> = browser
        .network_requests()
        .into_iter()
        .filter(|u| !u.starts_with(&server.url("/")) && !u.starts_with("data:"))
        .collect();
    assert!(foreign.is_empty(), "payloads made requests: {foreign:?}");
    println!(
        "{total} payloads x {paths} paths + {batches} pinned ids = {} tried",
        total * paths + batches
    );

    // The watch has teeth: markup injected the unsafe way is caught.
    browser.js(
        "document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__pwned=true\">');",
    );
    let caught = browser.wait_for("return window.__pwned && window.__bad;", 5);
    assert!(
        caught.to_string().contains("element IMG") && caught.to_string().contains("onerror"),
        "{caught}"
    );
}

/// Escape text for HTML element content and attribute values.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A saved page carrying `payloads` as its title, byline, JSON-LD headline
/// and author, body paragraphs (as text) — and raw, as markup, in the body.
fn hostile_page(payloads: &[String]) -> String {
    let one = payloads.join(" ");
    let json_str = serde_json::to_string(&one)
        .unwrap()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e");
    let mut page = format!(
        "<!doctype html><html><head><title>{t}</title>\
         <meta name=\"author\" content=\"{t}\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":{j},\"author\":{{\"name\":{j}}}}}</script>\
         </head><body><article>",
        t = html_escape(&one),
        j = json_str
    );
    for p in payloads {
        page.push_str(&format!(
            "<p>The council said on Monday that {} was read aloud, according to officials.</p>",
            html_escape(p)
        ));
    }
    // The same payloads as live markup: parsed by DOMParser, never run.
    page.push_str("<div class=\"comments\">");
    for p in payloads {
        page.push_str(p);
    }
    page.push_str("</div></article></body></html>");
    page
}

/// Hand `text` to the file input matching `selector` as the file `name`.
fn give_file(browser: &Browser, selector: &str, name: &str, text: &str) {
    if selector.contains("intake-file") {
        support::load_intake_panel(browser);
    }
    browser.eval(
        "const input = document.querySelector(arguments[0]); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([arguments[2]], arguments[1])); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([selector, name, text]),
    );
}

/// The canary, the live-markup watch and the risky-element scan, after `what`.
fn assert_clean(browser: &Browser, what: &str) {
    let got = browser.js(
        "return { pwned: window.__pwned, bad: window.__bad,
                  risky: Array.from(document.querySelectorAll(
                    'article script, article iframe, article img, article svg, article math, article object, article embed, article form, article a[href], article style, article link, .notice script, .notice img'),
                    e => e.outerHTML.slice(0, 120)) };",
    );
    assert_eq!(got["pwned"], json!(false), "{what}: the canary was set");
    assert_eq!(got["bad"], json!([]), "{what}: live markup appeared");
    assert_eq!(got["risky"], json!([]), "{what}: unexpected elements");
}

/// Wait until the document title is no longer `old` (a new document opened).
fn wait_new_doc(browser: &Browser, old: &str, what: &str) -> String {
    let t = browser.wait_for(
        &format!(
            "const h = document.querySelector('#doc-title'); return h && h.textContent !== {} ? h.textContent : null;",
            json!(old)
        ),
        60,
    );
    t.as_str()
        .unwrap_or_else(|| panic!("{what}: no new document"))
        .to_string()
}

#[test]
fn xss_payloads_stay_text_through_intake_and_imports() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    browser.add_init_script(CANARY);
    // Paths: page title, byline, JSON-LD (headline and author), body text and
    // live markup; pasted text; displaCy text and labels; Web Annotation
    // quotes; a comparison source's name and text.
    let paths = 10;
    let mut total = 0;
    for (name, payloads) in support::payload_lists() {
        for (n, batch) in payloads.chunks(1000).enumerate() {
            let what = format!("{name} batch {n}");
            support::load_app(&browser, &format!("{}?intake-{name}{n}", server.url("/")));
            let start = browser.js("return document.querySelector('#doc-title').textContent;");
            let start = start.as_str().unwrap().to_string();

            // A saved page.
            give_file(
                &browser,
                "input.intake-file",
                "page.html",
                &hostile_page(batch),
            );
            let title = wait_new_doc(&browser, &start, &what);
            assert_clean(&browser, &format!("{what}, saved page"));
            let body = browser.js("return document.querySelector('.doc-body').textContent;");
            let body = body.as_str().unwrap();
            for p in batch.iter().take(50) {
                let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
                if !p.is_empty() && p.chars().all(|c| !c.is_control()) {
                    assert!(
                        body.split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .contains(&p),
                        "{what}: payload {p:?} is not in the article text"
                    );
                }
            }

            // Pasted text.
            browser.click(".intake > button");
            browser.eval(
                "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
                 t.dispatchEvent(new Event('input', {bubbles: true}));",
                json!([batch.join("\n\n")]),
            );
            browser.click(".paste-go");
            let title = wait_new_doc(&browser, &title, &what);
            assert_clean(&browser, &format!("{what}, pasted"));

            // displaCy JSON: the text and the labels are payloads.
            let text = format!("Ada Lovelace wrote. {}", batch.join(" "));
            let ents: Vec<_> = batch
                .iter()
                .take(200)
                .map(|p| json!({"start": 0, "end": 12, "label": p}))
                .chain([json!({"start": 0, "end": 12, "label": "PERSON"})])
                .collect();
            let displacy = json!({"text": text, "ents": ents, "title": "displaCy"}).to_string();
            give_file(&browser, "input.import-file", "ents.json", &displacy);
            wait_new_doc(&browser, &title, &what);
            assert_clean(&browser, &format!("{what}, displaCy"));

            // Web Annotations whose quotes are payloads (unplaceable: listed in a
            // notice), with as many that are placed (a file where most cannot be
            // placed is said to be another text's, and its quotes are not listed).
            let items: Vec<_> = batch
                .iter()
                .take(200)
                .map(|p| json!({"type": "Annotation", "target": {"selector": [{"type": "TextQuoteSelector", "exact": p}]}}))
                .chain((0..200).map(|_| json!({"type": "Annotation", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "Ada Lovelace"}]}})))
                .collect();
            let annotations = json!({"type": "AnnotationPage", "items": items}).to_string();
            give_file(&browser, "input.import-file", "notes.jsonld", &annotations);
            browser.wait_for(
                "const n = document.querySelector('.notice-text'); return n && n.textContent.includes('notes.jsonld') || null;",
                30,
            );
            assert_clean(&browser, &format!("{what}, annotations"));

            // Source names and texts in the Compare tab.
            browser.click("#tab-compare");
            browser.wait_for(
                "return document.querySelector('.cmp-add summary') !== null || null;",
                30,
            );
            browser.click(".cmp-add summary");
            browser.eval(
                "document.getElementById('cmp-add-name').value = arguments[0]; \
                 document.getElementById('cmp-add-text').value = arguments[1];",
                json!([batch.join(" "), batch.join("\n\n")]),
            );
            browser.click(".cmp-add-actions .share-button");
            browser.wait_for(
                "return document.querySelectorAll('.cmp-sources button').length > 0 || null;",
                30,
            );
            assert_clean(&browser, &format!("{what}, source name"));
            let risky = browser.js(
                "return Array.from(document.querySelectorAll('#cmp-shell script, #cmp-shell img, #cmp-shell iframe, #cmp-shell svg, #cmp-shell a[href]'), e => e.outerHTML.slice(0, 120));",
            );
            assert_eq!(
                risky,
                json!([]),
                "{what}: unexpected elements in the Compare tab"
            );
            total += batch.len();
        }
    }
    let foreign: Vec<_> = browser
        .network_requests()
        .into_iter()
        .filter(|u| {
            !u.starts_with(&server.url("/")) && !u.starts_with("data:") && !u.starts_with("blob:")
        })
        .collect();
    assert!(foreign.is_empty(), "payloads made requests: {foreign:?}");
    println!(
        "{total} payloads x {paths} intake and import paths = {} tried",
        total * paths
    );
}
