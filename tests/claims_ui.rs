//! Browser tests of the Claims tab: the list matches the engine, choosing a
//! claim highlights it in the article, and the choice survives in the link.

mod support;

use claimlens::analysis::{analyse, default_document};
use serde_json::json;
use support::server::Server;
use support::webdriver::Browser;

fn open(server: &Server, browser: &Browser, query: &str) {
    support::load_app(browser, &format!("{}{query}", server.url("/")));
}

#[test]
fn claims_tab_lists_highlights_and_links_claims() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let doc = default_document();
    let a = analyse(&doc);
    let worthy: Vec<_> = a.claims.iter().filter(|c| c.checkworthy).collect();
    assert!(
        !worthy.is_empty(),
        "the default article has check-worthy claims"
    );

    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "?a=1");
    // The tab bar works from the keyboard: focus Entities, arrow to Claims.
    browser.js("document.getElementById('tab-entities').focus();");
    browser.press(&["\u{E014}"]); // ArrowRight
    assert_eq!(
        browser.js("return document.activeElement.id;"),
        json!("tab-claims")
    );
    assert_eq!(
        browser.js("return document.getElementById('panel-claims').hidden;"),
        json!(false)
    );
    // The tab's content is loaded the first time it opens.
    browser.wait_for(
        "return document.querySelectorAll('.claim-row').length > 0;",
        20,
    );
    let rows = browser.js("return Array.from(document.querySelectorAll('.claim-row'))
           .filter(b => b.offsetParent !== null)
           .map(b => b.querySelector('.claim-text').textContent);");
    let want: Vec<&str> = worthy.iter().map(|c| c.span.slice(&doc.text)).collect();
    assert_eq!(rows, json!(want));

    // Choose a hedged claim if there is one: its text is highlighted in the article.
    let pick = a
        .claims
        .iter()
        .position(|c| c.checkworthy && !c.hedges.is_empty())
        .or_else(|| a.claims.iter().position(|c| c.checkworthy))
        .unwrap();
    browser.click(&format!(".claim-row[data-c='{pick}']"));
    let first = &a.claims[pick];
    let drawn = browser.wait_for(
        "const h = CSS.highlights.get('cl-claim');
         if (!h) return null;
         const r = Array.from(h)[0];
         return r && r.toString();",
        5,
    );
    assert_eq!(drawn, json!(first.span.slice(&doc.text)));
    if !first.hedges.is_empty() {
        let hedge =
            browser.js("return Array.from(CSS.highlights.get('cl-hedge'), r => r.toString());");
        let want: Vec<&str> = first.hedges.iter().map(|s| s.slice(&doc.text)).collect();
        assert_eq!(hedge, json!(want));
    }
    support::save_screenshot(&browser, "claims.png");
    let hash = browser.js("return location.hash;");
    let hash = hash.as_str().unwrap().to_string();
    assert!(hash.contains("t=claims") && hash.contains("&c="), "{hash}");

    // The link reopens with the claim selected and highlighted.
    let other = Browser::start(1280, 900);
    open(&server, &other, &format!("?b=1{hash}"));
    let pressed = other.wait_for("const r = Array.from(document.querySelectorAll('.claim-row[aria-pressed=true] .claim-text'), e => e.textContent); return r.length ? r : null;",
        20,
    );
    assert_eq!(pressed, json!([first.span.slice(&doc.text)]));
    let drawn = other.wait_for(
        "const h = CSS.highlights.get('cl-claim'); return h && Array.from(h)[0].toString();",
        5,
    );
    assert_eq!(drawn, json!(first.span.slice(&doc.text)));

    // Choosing it again clears the selection.
    other.click(".claim-row[aria-pressed=true]");
    assert_eq!(
        other.js("return CSS.highlights.has('cl-claim');"),
        json!(false)
    );
}
