//! A 5 MB document: analysed in pieces with a progress bar while the page
//! keeps answering input, cancellable (the open document stays), and
//! rendered in batches until every block is in the page.

mod support;

use claimlens::analysis::DEFAULT_TEXT;
use serde_json::json;
use support::webdriver::Browser;

/// Open a ~5 MB plain-text file made of `base` repeated, as a file choice.
fn open_big(browser: &Browser, name: &str) {
    support::load_intake_panel(browser);
    browser.eval(
        "let t = ''; while (t.length < 5000000) t += arguments[1] + '\\n\\n'; \
         const input = document.querySelector('input.intake-file'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([t], arguments[0], {type: 'text/plain'})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([name, DEFAULT_TEXT]),
    );
}

#[test]
fn a_five_megabyte_document_opens_while_the_page_answers() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    open_big(&browser, "big.txt");
    // The progress bar shows while the analysis runs…
    browser.wait_for(
        "return document.querySelector('.job-bar progress') !== null || null;",
        20,
    );
    // …and the page answers input meanwhile: the Open panel toggles.
    browser.click(".intake > button");
    let expanded = browser
        .js("return document.querySelector('.intake > button').getAttribute('aria-expanded');");
    assert_eq!(expanded, json!("true"));
    assert!(
        browser
            .js("return document.querySelector('.job-bar') !== null;")
            .as_bool()
            .unwrap(),
        "the analysis was still running when the page answered"
    );
    support::save_screenshot(&browser, "large-doc-progress.png");
    let percent = browser.wait_for(
        "const p = document.querySelector('.job-bar progress'); return p && p.value > 0 ? p.value : null;",
        60,
    );
    assert!(percent.as_f64().unwrap() > 0.0);
    // Done: the new document is open, highlighted, and every block arrives.
    browser.wait_for(
        "return document.querySelector('#doc-title').textContent === 'big' || null;",
        180,
    );
    assert!(browser
        .js("return document.querySelector('.job-bar') === null;")
        .as_bool()
        .unwrap());
    // Every block: the article's, once per copy in the file.
    let copies = 5_000_000usize.div_ceil(DEFAULT_TEXT.encode_utf16().count() + 2);
    let every = copies * claimlens::analysis::default_document().blocks.len();
    let first = browser.js("return document.querySelectorAll('.doc-block').length;");
    assert!(
        first.as_u64().unwrap() < every as u64,
        "rendered in one go: {first}"
    );
    browser.wait_for(
        &format!("return document.querySelectorAll('.doc-block').length === {every} || null;"),
        180,
    );
    // A mention far down the document is a live highlight.
    let marks = browser.js("return document.querySelectorAll('mark.m').length;");
    assert!(marks.as_u64().unwrap() > 10_000, "{marks}");
    // Pinning reaches every mention, in every batch.
    let want = browser.js(
        "return parseInt(document.querySelector('.entity-row .entity-count').firstChild.textContent, 10);",
    );
    browser.click(".entity-row");
    let got = browser.wait_for(
        &format!("const n = document.querySelectorAll('mark.pin').length; return n === {want} ? n : null;"),
        30,
    );
    assert!(got.as_u64().unwrap() > 1000, "{got}");
    // The Claims tab lists every claim, its rows rendered in slices.
    browser.click("#tab-claims");
    let total = browser.wait_for(
        "const t = document.getElementById('claims-title'); return t ? parseInt(t.textContent.split(' of ')[1], 10) : null;",
        30,
    );
    let total = total.as_u64().unwrap();
    assert!(total > 10_000, "{total} claims");
    let first = browser.wait_for(
        "const n = document.querySelectorAll('.claim-row').length; return n > 0 ? n : null;",
        30,
    );
    assert!(
        first.as_u64().unwrap() < total,
        "every claim row rendered in one go: {first}"
    );
    browser.wait_for(
        &format!("return document.querySelectorAll('.claim-row').length === {total} || null;"),
        180,
    );
    let errors: Vec<_> = browser
        .console()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn cancelling_keeps_the_open_document() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let before = browser.js("return document.querySelector('#doc-title').textContent;");
    open_big(&browser, "cancel-me.txt");
    browser.wait_for(
        "return document.querySelector('.job-cancel') !== null || null;",
        20,
    );
    browser.click(".job-cancel");
    let note = browser.wait_for(
        "const n = document.querySelector('.notice-text'); return n && n.textContent.includes('cancelled') ? n.textContent : null;",
        30,
    );
    assert!(note.as_str().unwrap().contains("stays open"), "{note}");
    assert!(browser
        .js("return document.querySelector('.job-bar') === null;")
        .as_bool()
        .unwrap());
    assert_eq!(
        browser.js("return document.querySelector('#doc-title').textContent;"),
        before
    );
}

/// A long document carried in a link is analysed in pieces right at start,
/// before any viewer exists.
#[test]
fn a_long_document_carried_in_a_link_opens_at_start() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let mut text = String::new();
    while text.len() < 300_000 {
        text.push_str(DEFAULT_TEXT);
        text.push_str("\n\n");
    }
    let packed = claimlens::analysis::share::pack_text(&text);
    let server = support::server::Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(
        &browser,
        &server.url(&format!("/#v=1&x={packed}&n=Long%20link")),
    );
    browser.wait_for(
        "return document.querySelector('#doc-title')?.textContent === 'Long link';",
        60,
    );
    browser.wait_for(
        "return document.querySelectorAll('article mark.m').length > 1000;",
        60,
    );
}
