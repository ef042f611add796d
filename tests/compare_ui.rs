//! Browser tests of the Compare tab: the comparison shown matches the
//! engine (relations, values marked on both sides, the coverage matrix),
//! choosing a claim highlights it in the article and survives in the link,
//! and a pasted document becomes a source at once.

mod support;

use claimlens::analysis::compare::{reference_pack, Relation, Workspace};
use claimlens::analysis::DEFAULT_ID;
use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

fn open(server: &Server, browser: &Browser, query: &str) {
    support::load_app(browser, &format!("{}{query}", server.url("/")));
}

/// The badge wording the panel uses.
fn badge(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "differs",
        Relation::Agrees => "agrees",
        Relation::AddsContext => "adds context",
        Relation::NoReference => "no reference",
    }
}

/// The index (in the article's claims) of the first claim whose text contains `word`.
fn claim_with(ws: &Workspace, word: &str) -> usize {
    let a = ws.article();
    a.analysis
        .claims
        .iter()
        .position(|c| c.span.slice(&a.doc.text).contains(word))
        .unwrap_or_else(|| panic!("no claim mentions {word:?}"))
}

/// The badge of claim `i`'s row in the Compare list.
fn row_badge(browser: &Browser, i: usize) -> Value {
    browser.js(&format!(
        "const b = document.querySelector('.cmp-row[data-c=\"{i}\"] .rel-badge'); return b && b.textContent;"
    ))
}

fn severe(browser: &Browser) -> Vec<(String, String)> {
    browser
        .console()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .collect()
}

#[test]
fn compare_tab_shows_relations_values_matrix_and_user_sources() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let ws = Workspace::for_default_article();
    let cmp = ws.compare();
    let text = &ws.article().doc.text;
    let pack = reference_pack(DEFAULT_ID).expect("the default article has a reference pack");
    assert_eq!(ws.sources().len(), pack.len());

    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "?a=1");
    // Nothing is compared before the tab opens.
    assert_eq!(
        browser.js("return document.querySelectorAll('.cmp-row').length;"),
        json!(0)
    );
    // Keyboard: Entities → Claims → Compare with the arrow key; End / Home wrap.
    browser.js("document.getElementById('tab-entities').focus();");
    browser.press(&["\u{E014}", "\u{E014}"]); // ArrowRight twice
    assert_eq!(
        browser.js("return document.activeElement.id;"),
        json!("tab-compare")
    );
    browser.press(&["\u{E011}"]); // Home
    assert_eq!(
        browser.js("return document.activeElement.id;"),
        json!("tab-entities")
    );
    browser.press(&["\u{E012}"]); // ArrowLeft wraps to the last tab
    assert_eq!(
        browser.js("return document.activeElement.id;"),
        json!("tab-compare")
    );
    assert_eq!(
        browser.js("return document.getElementById('panel-compare').hidden;"),
        json!(false)
    );
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 30);

    // Every claim is listed with the engine's relation.
    let rows = browser.js(
        "return Array.from(document.querySelectorAll('.cmp-row'), r => [Number(r.dataset.c), r.querySelector('.rel-badge').textContent]);",
    );
    let want: Vec<(usize, &str)> = cmp
        .claims
        .iter()
        .map(|c| (c.claim, badge(c.relation)))
        .collect();
    assert_eq!(rows, json!(want));
    // The counts and the sources, titled "Summary of …" with their confidence.
    let counts = browser.js("return document.querySelector('.cmp-counts').textContent;");
    let n = cmp.counts();
    assert!(
        counts
            .as_str()
            .unwrap()
            .contains(&format!("{} differ", n[0])),
        "{counts}"
    );
    let sources = browser
        .js("return Array.from(document.querySelectorAll('.cmp-sources li'), l => l.textContent);");
    let sources: Vec<String> = serde_json::from_value(sources).unwrap();
    assert_eq!(sources.len(), pack.len());
    for (s, r) in sources.iter().zip(pack) {
        assert!(s.starts_with("Summary of "), "{s}");
        assert!(s.contains(&r.source), "{s}");
        assert!(
            s.contains(&format!("confidence: {}", r.confidence.name())),
            "{s}"
        );
    }

    // The coverage matrix: one row per claim, one column per source.
    let shape = browser.js(
        "const t = document.querySelector('table.mx');
         return [t.querySelectorAll('tbody tr').length,
                 t.querySelectorAll('thead th').length - 1,
                 Array.from(t.querySelectorAll('tbody tr')).every(r => r.querySelectorAll('td').length === t.querySelectorAll('thead th').length - 1)];",
    );
    assert_eq!(shape, json!([cmp.claims.len(), pack.len(), true]));
    // Each cell has a text alternative matching the engine's coverage.
    let cells = browser.js(
        "return Array.from(document.querySelectorAll('table.mx tbody tr'), r => Array.from(r.querySelectorAll('td'), c => c.querySelector('.sr-only').textContent));",
    );
    let want: Vec<Vec<&str>> = cmp
        .coverage()
        .iter()
        .map(|row| row.iter().map(|r| badge(*r)).collect())
        .collect();
    assert_eq!(cells, json!(want));

    // Choosing a claim opens its side-by-side view.
    let chosen = claim_with(&ws, "21-year");
    browser.click(&format!(".cmp-row[data-c='{chosen}']"));
    browser.wait_for("return document.querySelector('#cmp-detail');", 5);

    // The article highlights the chosen claim; the link names tab and claim.
    let drawn = browser.wait_for(
        "const h = CSS.highlights.get('cl-claim'); return h && Array.from(h)[0].toString();",
        5,
    );
    let claim_text = ws.article().analysis.claims[chosen].span.slice(text);
    assert_eq!(drawn, json!(claim_text));
    let hash = browser.js("return location.hash;");
    let hash = hash.as_str().unwrap().to_string();
    assert!(hash.contains("t=compare") && hash.contains("&c="), "{hash}");
    support::save_screenshot(&browser, "compare.png");
    browser.js("document.getElementById('cmp-detail').scrollIntoView();");
    support::save_screenshot(&browser, "compare-detail.png");
    browser.js("document.querySelector('table.mx').scrollIntoView();");
    support::save_screenshot(&browser, "compare-matrix.png");

    // The prisoner-exchange claim: a source agrees, named in the side-by-side view.
    let exchange = claim_with(&ws, "prisoner exchange");
    let ea = cmp.for_claim(exchange).unwrap();
    let agreeing: Vec<String> = ea
        .alignments
        .iter()
        .filter(|a| a.relation == Relation::Agrees)
        .map(|a| ws.source(a.source).doc.title.clone())
        .collect();
    assert!(
        !agreeing.is_empty(),
        "engine: a source agrees on the exchange"
    );
    // Chosen from the matrix this time.
    browser.click(&format!("table.mx button[data-c='{exchange}']"));
    browser.wait_for(
        &format!("return document.querySelector('.cmp-row[data-c=\"{exchange}\"][aria-pressed=true]') && document.querySelector('#cmp-detail');"),
        5,
    );
    let shown = browser.js(
        "return Array.from(document.querySelectorAll('#cmp-detail .cmp-pair.rel-agrees .cmp-src-name'), e => e.textContent);",
    );
    assert_eq!(shown, json!(agreeing));
    let same = browser.js(
        "return Array.from(document.querySelectorAll('#cmp-detail .cmp-pair.rel-agrees mark.mk-same'), m => m.textContent);",
    );
    assert!(
        !same.as_array().unwrap().is_empty(),
        "agreeing values marked"
    );

    // Filters: by relation, then by the pinned entity.
    browser.js("const s = document.querySelector('.cmp-filters select');
         s.value = 'differs'; s.dispatchEvent(new Event('change', { bubbles: true }));");
    let shown = browser.js(
        "return Array.from(document.querySelectorAll('.cmp-row'), r => r.querySelector('.rel-badge').textContent);",
    );
    assert_eq!(
        shown.as_array().unwrap().len(),
        n[0],
        "relation filter: {shown}"
    );
    assert!(shown.as_array().unwrap().iter().all(|b| b == "differs"));
    browser.js("const s = document.querySelector('.cmp-filters select');
         s.value = ''; s.dispatchEvent(new Event('change', { bubbles: true }));");
    assert_eq!(
        browser.js("return document.querySelectorAll('.cmp-row').length;"),
        json!(cmp.claims.len())
    );

    // A reload of the link restores the tab and the claim.
    let hash = browser.js("return location.hash;");
    let hash = hash.as_str().unwrap().to_string();
    let other = Browser::start(1280, 900);
    open(&server, &other, &format!("?b=1{hash}"));
    assert_eq!(
        other.js("return document.getElementById('tab-compare').getAttribute('aria-selected');"),
        json!("true")
    );
    let pressed = other.wait_for(
        // An empty list is "not rendered yet" (wait_for takes [] as there).
        "const a = Array.from(document.querySelectorAll('.cmp-row[aria-pressed=true]'), r => Number(r.dataset.c)); return a.length ? a : null;",
        30,
    );
    assert_eq!(pressed, json!([exchange]));
    other.wait_for("return document.querySelector('#cmp-detail .cmp-pair');", 5);
    let drawn = other.wait_for(
        "const h = CSS.highlights.get('cl-claim'); return h && Array.from(h)[0].toString();",
        5,
    );
    assert_eq!(
        drawn,
        json!(ws.article().analysis.claims[exchange].span.slice(text))
    );
    assert_eq!(severe(&other), Vec::<(String, String)>::new());

    // A pasted document with a conflicting figure adds a column and changes a relation.
    let pasted = "At the talks Medinsky referred to Russia's 18-year war with Sweden to show that Moscow was prepared for a prolonged conflict.";
    let mut ws2 = Workspace::for_default_article();
    ws2.add_user_text("user-1", "Wire report", pasted);
    let cmp2 = ws2.compare();
    let changed: Vec<(usize, Relation)> = cmp
        .claims
        .iter()
        .zip(&cmp2.claims)
        .filter(|(a, b)| a.relation != b.relation)
        .map(|(_, b)| (b.claim, b.relation))
        .collect();
    assert!(
        !changed.is_empty(),
        "engine: the pasted text changes a relation"
    );
    browser.click(".cmp-add summary");
    browser.js("document.getElementById('cmp-add-name').value = 'Wire report';");
    browser.eval(
        "document.getElementById('cmp-add-text').value = arguments[0];",
        json!([pasted]),
    );
    browser.click(".cmp-add-actions .share-button");
    browser.wait_for(
        &format!(
            "return document.querySelectorAll('table.mx thead th').length === {};",
            pack.len() + 2
        ),
        10,
    );
    for (i, r) in &changed {
        assert_eq!(row_badge(&browser, *i), json!(badge(*r)), "claim {i}");
    }
    // The claim the pasted text contradicts differs, with both figures
    // marked side by side and the gap named.
    let (differing, _) = *changed
        .iter()
        .find(|(_, r)| *r == Relation::Differs)
        .expect("engine: the pasted figure differs from a claim");
    browser.click(&format!(".cmp-row[data-c='{differing}']"));
    browser.wait_for(
        "return document.querySelector('#cmp-detail .cmp-pair.rel-differs');",
        5,
    );
    let diffs = browser.js(
        "return Array.from(document.querySelectorAll('#cmp-detail .cmp-pair.rel-differs mark.mk-diff'), m => m.textContent);",
    );
    let diffs: Vec<String> = serde_json::from_value(diffs).unwrap();
    let da = cmp2.for_claim(differing).unwrap();
    for al in da
        .alignments
        .iter()
        .filter(|a| a.relation == Relation::Differs)
    {
        let src = &ws2.source(al.source).doc.text;
        for v in al.values.iter().filter(|v| !v.agrees) {
            assert!(
                diffs.contains(&v.claim.slice(text).to_string()),
                "{diffs:?}"
            );
            assert!(
                diffs.contains(&v.reference.slice(src).to_string()),
                "{diffs:?}"
            );
        }
    }
    let gaps = browser.js(
        "return Array.from(document.querySelectorAll('#cmp-detail .cmp-gap'), g => g.textContent);",
    );
    let first = da.alignments.iter().find_map(|a| a.gap_text(&ws2)).unwrap();
    assert!(gaps.as_array().unwrap().contains(&json!(first)), "{gaps}");
    let last = browser.js(
        "const l = document.querySelectorAll('.cmp-sources li'); return l[l.length - 1].textContent;",
    );
    assert!(
        last.as_str()
            .unwrap()
            .contains("Your document: Wire report"),
        "{last}"
    );
    let status = browser.js("return document.querySelector('.cmp-status').textContent;");
    assert!(status.as_str().unwrap().starts_with("Added"), "{status}");
    // And it can be removed again.
    browser.click(".cmp-sources button[data-remove]");
    browser.wait_for(
        &format!(
            "return document.querySelectorAll('table.mx thead th').length === {};",
            pack.len() + 1
        ),
        10,
    );
    for (i, _) in &changed {
        let before = cmp.for_claim(*i).unwrap().relation;
        assert_eq!(row_badge(&browser, *i), json!(badge(before)), "claim {i}");
    }
    // The focus stays near the removed source's button.
    browser.wait_for(
        "return document.activeElement.id === 'cmp-sources-title';",
        5,
    );

    // Export: the engine's JSON-LD for the comparison shown.
    browser.js("window.__blobs = []; const make = URL.createObjectURL;
         URL.createObjectURL = b => { window.__blobs.push(b); return make.call(URL, b); };");
    browser.click("#cmp-shell [data-act=export]");
    let text = browser.eval_async(
        "const done = arguments[arguments.length - 1];
         const wait = () => window.__blobs.length ? window.__blobs[0].text().then(done) : setTimeout(wait, 50);
         wait();",
        json!([]),
    );
    assert_eq!(
        text.as_str().unwrap(),
        claimlens::analysis::compare::json_ld(&ws, &cmp)
    );
    assert_eq!(severe(&browser), Vec::<(String, String)>::new());
}

#[test]
fn compare_tab_is_accessible() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let ws = Workspace::for_default_article();
    let chosen = claim_with(&ws, "21-year");
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "?a=1#v=1&t=compare");
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 30);
    browser.click(&format!(".cmp-row[data-c='{chosen}']"));
    browser.click(".cmp-add summary");
    // Controls of the panel are at least 24 px.
    let small = browser.js(
        "return Array.from(document.querySelectorAll('#panel-compare button, #panel-compare input, #panel-compare select, #panel-compare summary'))
           .filter(e => e.offsetParent !== null)
           .map(e => e.type === 'file' && e.closest('label') ? e.closest('label') : e)
           .map(e => [e.className || e.tagName, e.getBoundingClientRect()])
           .filter(([_, r]) => r.width < 24 || r.height < 24)
           .map(([n, r]) => n + ' ' + r.width + 'x' + r.height);",
    );
    assert_eq!(small, json!([]), "controls under 24 px");
    // Every matrix cell has a text alternative; headers name the sources.
    let unnamed = browser.js(
        "return Array.from(document.querySelectorAll('table.mx td')).filter(c => !c.querySelector('.sr-only').textContent).length;",
    );
    assert_eq!(unnamed, json!(0));
    let v = support::axe_serious(&browser, "document.getElementById('panel-compare')");
    assert!(v.is_empty(), "compare tab: {v:#?}");
    browser.click(".theme-toggle"); // light
    browser.click(".theme-toggle"); // dark
    let v = support::axe_serious(&browser, "document.getElementById('panel-compare')");
    assert!(v.is_empty(), "compare tab, dark: {v:#?}");
    // No verdict wording anywhere in the panel.
    let words =
        browser.js("return document.getElementById('panel-compare').textContent.toLowerCase();");
    let words = words.as_str().unwrap();
    for w in [" true", " false", "fake", "debunk"] {
        assert!(!words.contains(w), "verdict wording {w:?}");
    }
}

#[test]
fn compare_list_sorts_groups_and_follows_the_pinned_entity() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let ws = Workspace::for_default_article();
    let a = &ws.article().analysis;
    let text = &ws.article().doc.text;
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "?a=1#v=1&t=compare");
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 30);
    let set = |name: &str, value: &str| {
        browser.eval(
            "const s = document.querySelector(`#cmp-shell select[name=${arguments[0]}]`);
             s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            json!([name, value]),
        );
    };
    let shown = || -> Vec<usize> {
        serde_json::from_value(browser.js(
            "return Array.from(document.querySelectorAll('.cmp-row'), r => Number(r.dataset.c));",
        ))
        .unwrap()
    };

    // By check-worthiness: highest first, ties in text order.
    set("order", "score");
    let mut want: Vec<usize> = (0..a.claims.len()).collect();
    want.sort_by(|x, y| a.claims[*y].score.total_cmp(&a.claims[*x].score));
    assert_eq!(shown(), want);

    // Grouped by speaker: one heading per speaker, each over its claims.
    set("order", "speaker");
    let mut speakers: Vec<String> = Vec::new();
    for c in &a.claims {
        let s = c.speaker.display(text);
        if !speakers.contains(&s) {
            speakers.push(s);
        }
    }
    let heads = browser.js(
        "return Array.from(document.querySelectorAll('#cmp-list h3.cmp-speaker'), h => h.textContent);",
    );
    let heads: Vec<String> = serde_json::from_value(heads).unwrap();
    assert_eq!(heads.len(), speakers.len(), "{heads:?}");
    for (h, s) in heads.iter().zip(&speakers) {
        let n = a
            .claims
            .iter()
            .filter(|c| c.speaker.display(text) == *s)
            .count();
        assert_eq!(*h, format!("{s} · {n}"));
    }

    // Filtered by speaker.
    set("order", "");
    set("speaker", &speakers[0]);
    let want: Vec<usize> = (0..a.claims.len())
        .filter(|&i| a.claims[i].speaker.display(text) == speakers[0])
        .collect();
    assert_eq!(shown(), want);
    set("speaker", "");

    // The entity filter pins the entity; the list keeps the claims naming it, and says so.
    let e: usize = browser
        .js("return document.querySelector('#cmp-shell select[name=entity] option:nth-child(2)').value;")
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    set("entity", &e.to_string());
    let want: Vec<usize> = (0..a.claims.len())
        .filter(|&i| {
            let c = &a.claims[i];
            matches!(c.speaker, claimlens::analysis::Speaker::Entity { entity, .. } if entity == e)
                || c.mentions.iter().any(|&m| a.mentions[m].entity == e)
        })
        .collect();
    assert!(!want.is_empty());
    assert_eq!(shown(), want);
    let note = browser.js("return document.getElementById('cmp-pinned').textContent;");
    assert!(
        note.as_str().unwrap().contains(&a.entities[e].name),
        "{note}"
    );
    assert!(browser
        .js("return location.hash;")
        .as_str()
        .unwrap()
        .contains("&p="));
    // "Show all" unpins.
    browser.click("#cmp-pinned button");
    assert_eq!(shown().len(), a.claims.len());
    assert_eq!(
        browser.js("return document.getElementById('cmp-pinned').hidden;"),
        json!(true)
    );
}

#[test]
fn the_compare_tab_never_widens_the_page() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    for (width, height) in [(1280, 900), (360, 740)] {
        let (server, browser) = support::open_app(width, height);
        support::load_app(
            &browser,
            &server.url("/?wide#v=1&d=sample-istanbul-2025&t=compare"),
        );
        browser.wait_for(
            "return document.querySelector('table.mx') !== null || null;",
            20,
        );
        let got = browser
            .js("const d = document.documentElement; return [d.clientWidth, d.scrollWidth];");
        assert_eq!(
            got[0], got[1],
            "{width} px: the page scrolls sideways ({got})"
        );
    }
}

/// A tab whose chunk cannot be fetched (offline without the service worker,
/// or a redeploy since the page opened) says so in its place; the page and
/// the other tabs keep working.
#[test]
fn a_chunk_that_cannot_load_is_a_message_not_a_crash() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let server = Server::start(&support::dist_dir());
    // The Compare chunk, named with its build's id (split_compare.<id>.wasm).
    let chunk = std::fs::read_dir(support::dist_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with("split_compare.") && n.ends_with(".wasm"))
        .expect("dist/ has the Compare chunk");
    server.set_override(
        &format!("/{chunk}"),
        support::server::Override {
            status: 404,
            content_type: "text/plain".into(),
            body: b"gone".to_vec(),
        },
    );
    let browser = Browser::start(1280, 900);
    open(&server, &browser, "?gone=1#v=1&t=compare");
    let msg = browser.wait_for(
        "const p = document.querySelector('#panel-compare .load-failed'); return p && p.textContent;",
        20,
    );
    assert!(
        msg.as_str().unwrap().contains("could not be loaded"),
        "{msg}"
    );
    // The article and its highlights are still there, and pinning still works.
    let marks = browser.js("return document.querySelectorAll('article mark.m').length;");
    assert!(marks.as_u64().unwrap() > 20, "{marks}");
    browser.click("article mark.m");
    browser.wait_for(
        "return document.querySelector('.pin-bar:not([hidden])');",
        10,
    );
    // No error banner: the wasm did not abort.
    let banner = browser.js("return document.querySelector('.boot-error, .fatal') !== null;");
    assert_eq!(banner, json!(false));
    // The Claims tab (another chunk) still loads.
    browser.click("#tab-claims");
    browser.wait_for(
        "return document.querySelectorAll('.claim-row').length > 0;",
        20,
    );
}
