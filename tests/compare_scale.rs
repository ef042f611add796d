//! Browser test of a long source in the Compare tab (issue #18 item 6): a
//! source of about 5 MB is analysed and compared in slices, with progress
//! and a Cancel button; cancelling leaves the workspace as it was, and a
//! second run completes and shows the source in the list and the matrix.
//! With the long source in the workspace, adding and removing a short one
//! compares again in slices too.
//!
//! The longest task the page ran meanwhile (Long Tasks API) is written to
//! stderr as a figure, not asserted: timings are not pass/fail.

mod support;

use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

/// Builds a ~5 MB source in the page, of paragraphs written for this test
/// (each with its own figures), and pastes it into "Add a source".
const PASTE_BIG: &str = "
    const ps = [];
    let n = 0, i = 0;
    while (n < 5000000) {
        const p = 'Paragraph ' + i + '. Officials in Istanbul said on Monday that ' + (1000 + i % 500) +
            ' prisoners would be exchanged by each side, according to a statement read by a spokesman. ' +
            'The talks, the ' + (i % 9 + 2) + 'th round this year, lasted about ' + (i % 5 + 1) +
            ' hours, and delegates from Kyiv and Moscow agreed to meet again in June. ' +
            'Observers noted that earlier rounds had failed to agree a ceasefire along the front line.';
        ps.push(p);
        n += p.length + 2;
        i += 1;
    }
    document.querySelector('.cmp-add').open = true;
    document.getElementById('cmp-add-name').value = 'Long wire';
    document.getElementById('cmp-add-text').value = ps.join('\\n\\n');
    return n;";

/// The workspace as a reader sees it: summary, list, matrix, sources, and
/// the address.
const WORKSPACE: &str = "
    const text = s => { const e = document.querySelector(s); return e ? e.textContent : null; };
    return {
        summary: text('#cmp-summary'),
        list: text('#cmp-list'),
        matrix: text('#cmp-matrix'),
        sources: text('#cmp-sources'),
        hash: location.hash,
    };";

/// The number of sources the coverage matrix has columns for.
const COLUMNS: &str =
    "return Math.max(0, document.querySelectorAll('table.mx thead th').length - 1);";

/// Wait until the coverage matrix has `n` sources.
fn wait_for_columns(browser: &Browser, n: usize) {
    browser.wait_for(
        &format!(
            "return Math.max(0, document.querySelectorAll('table.mx thead th').length - 1) === {n} || null;"
        ),
        600,
    );
}

/// Start recording long tasks (buffered: those since the page loaded).
fn observe_long_tasks(browser: &Browser) {
    browser.js(
        "window.__long = [];
         new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long.push(e.duration); })
             .observe({ type: 'longtask', buffered: true });
         return true;",
    );
}

/// The longest task recorded since `observe_long_tasks` and how many there
/// were over 50 ms; then start afresh.
fn longest_task(browser: &Browser) -> Value {
    browser.js("const l = window.__long; window.__long = [];
         return { longest: Math.max(0, ...l), count: l.length };")
}

#[test]
fn a_five_megabyte_source_compares_in_slices_and_cancels() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let pack = claimlens::analysis::compare::Workspace::for_default_article()
        .sources()
        .len();
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(
        &browser,
        &server.url("/?load=sample#v=1&d=sample-istanbul-2025&t=compare"),
    );
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 60);
    assert_eq!(browser.js(COLUMNS), json!(pack));
    let before = browser.js(WORKSPACE);
    observe_long_tasks(&browser);

    // First run: progress shows, then Cancel.
    let bytes = browser.js(PASTE_BIG).as_u64().unwrap();
    assert!(bytes >= 5_000_000, "{bytes}");
    eprintln!(
        "compare_scale: longest task of the test's own paste: {}",
        longest_task(&browser)
    );
    browser.click(".cmp-add-actions .share-button");
    let percent = browser.wait_for(
        "const p = document.getElementById('cmp-job-progress'); return p && p.value > 0 ? p.value : null;",
        120,
    );
    assert!(percent.as_f64().unwrap() > 0.0);
    let said = browser.js("return document.getElementById('cmp-job-text').textContent;");
    assert!(said.as_str().unwrap().contains("“Long wire”…"), "{said}");
    // The page answers meanwhile: another relation filter can be chosen.
    browser.eval(
        "const s = document.querySelector('#cmp-shell select[name=rel]'); \
         s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        json!(["differs"]),
    );
    browser.wait_for("return location.hash.includes('differs') || null;", 10);
    assert!(
        browser
            .js("return document.getElementById('cmp-job') !== null;")
            .as_bool()
            .unwrap(),
        "the comparison was still running when the page answered"
    );
    browser.eval(
        "const s = document.querySelector('#cmp-shell select[name=rel]'); \
         s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([""]),
    );
    support::save_screenshot(&browser, "compare-scale-progress.png");
    browser.click("#cmp-job .job-cancel");
    browser.wait_for(
        "return document.getElementById('cmp-job') === null || null;",
        30,
    );
    let status = browser.js("return document.getElementById('cmp-status').textContent;");
    assert!(
        status.as_str().unwrap().starts_with("Cancelled"),
        "{status}"
    );
    browser.wait_for(
        &format!("return location.hash === {} || null;", before["hash"]),
        10,
    );
    assert_eq!(
        browser.js(WORKSPACE),
        before,
        "cancel changed the workspace"
    );
    assert_eq!(browser.js(COLUMNS), json!(pack));
    eprintln!(
        "compare_scale: longest task while comparing then cancelling: {}",
        longest_task(&browser)
    );

    // Second run: completes and shows the source.
    browser.js(PASTE_BIG);
    longest_task(&browser);
    browser.click(".cmp-add-actions .share-button");
    browser.wait_for(
        "return document.getElementById('cmp-job') !== null || null;",
        60,
    );
    wait_for_columns(&browser, pack + 1);
    assert!(browser
        .js("return document.getElementById('cmp-job') === null;")
        .as_bool()
        .unwrap());
    let after = browser.js(WORKSPACE);
    assert!(
        after["sources"].as_str().unwrap().contains("Long wire"),
        "{after}"
    );
    assert!(
        after["matrix"].as_str().unwrap().contains("Long wire"),
        "{after}"
    );
    assert!(
        browser
            .js("return document.querySelectorAll('.cmp-row').length;")
            .as_u64()
            .unwrap()
            > 0
    );
    let status = browser.js("return document.getElementById('cmp-status').textContent;");
    assert!(
        status.as_str().unwrap().starts_with("Added Long wire"),
        "{status}"
    );
    support::save_screenshot(&browser, "compare-scale-done.png");

    // A short source added beside the long one, then removed: the
    // workspace is compared again in slices each time.
    browser.eval(
        "document.getElementById('cmp-add-name').value = arguments[0]; \
         document.getElementById('cmp-add-text').value = arguments[1];",
        json!([
            "Evening note",
            "Officials in Istanbul said on Monday that 1,200 prisoners would be exchanged by each side."
        ]),
    );
    browser.click(".cmp-add-actions .share-button");
    wait_for_columns(&browser, pack + 2);
    let status = browser.js("return document.getElementById('cmp-status').textContent;");
    assert!(
        status.as_str().unwrap().starts_with("Added Evening note"),
        "{status}"
    );
    browser.click("#cmp-sources button[aria-label='Remove Evening note']");
    wait_for_columns(&browser, pack + 1);
    browser.wait_for(
        "return document.getElementById('cmp-job') === null || null;",
        60,
    );
    let status = browser.js("return document.getElementById('cmp-status').textContent;");
    assert!(
        status.as_str().unwrap().starts_with("Removed Evening note"),
        "{status}"
    );
    // The long source removed: back to the article and its pack.
    browser.click("#cmp-sources button[aria-label='Remove Long wire']");
    wait_for_columns(&browser, pack);
    assert_eq!(browser.js(WORKSPACE)["sources"], before["sources"]);
    eprintln!(
        "compare_scale: longest task while comparing to the end: {}",
        longest_task(&browser)
    );
}
