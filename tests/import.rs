//! Browser tests of the Import control: displaCy JSON opens its document
//! with the imported entities (shown as imported), Web Annotations become
//! highlighted passages (and what cannot be placed is listed), and a
//! document too long for a link offers a file instead.

mod support;

use claimlens::analysis::share::web_annotations;
use claimlens::analysis::{analyse, default_document, Span};
use serde_json::{json, Value};
use support::webdriver::Browser;

/// Hand `text` to the Import control as the file `name`, as a reader's
/// file choice would.
fn import(browser: &Browser, name: &str, text: &str) {
    browser.eval(
        "const input = document.querySelector('input.import-file'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([arguments[1]], arguments[0], {type: 'application/json'})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([name, text]),
    );
}

fn notice(browser: &Browser) -> String {
    browser
        .wait_for(
            "const n = document.querySelector('.notice-text'); return n && n.textContent.length ? n.textContent : null;",
            10,
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn displacy_json_opens_its_document_with_the_imported_entities() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let text =
        "Ada Lovelace wrote to Charles Babbage from London in 1843. Lovelace kept the notes.";
    let ents = json!([
        {"start": 0, "end": 12, "label": "PERSON"},
        {"start": 22, "end": 37, "label": "PERSON"},
        {"start": 43, "end": 49, "label": "GPE"},
        {"start": 53, "end": 57, "label": "DATE"},
        {"start": 59, "end": 67, "label": "PERSON"},
        {"start": 72, "end": 77, "label": "WORK_OF_ART"}
    ]);
    let file = json!({"text": text, "ents": ents, "title": "Letters"}).to_string();
    import(&browser, "letters.json", &file);
    let done = banner(&browser, ".notice-ok");
    assert!(done.contains("displaCy"), "{done}");
    let note = banner(&browser, ".notice:not(.notice-ok)");
    assert!(
        note.contains("WORK_OF_ART"),
        "unknown labels are reported: {note}"
    );
    let got = browser.js(
        "return {title: document.querySelector('#doc-title').textContent, \
                 marks: [...document.querySelectorAll('mark[data-m]')].map(m => m.textContent), \
                 badge: !!document.querySelector('.imported-badge'), \
                 hash: location.hash};",
    );
    assert_eq!(got["title"], json!("Letters"));
    assert_eq!(
        got["marks"],
        json!([
            "Ada Lovelace",
            "Charles Babbage",
            "London",
            "1843",
            "Lovelace"
        ])
    );
    assert_eq!(got["badge"], json!(true));
    assert!(
        got["hash"].as_str().unwrap().contains("x="),
        "{}",
        got["hash"]
    );
    // "Lovelace" joined "Ada Lovelace": one entity with two mentions.
    let rows =
        browser.js("return [...document.querySelectorAll('.entity-row')].map(r => r.textContent);");
    let rows: Vec<String> = serde_json::from_value(rows).unwrap();
    assert!(
        rows.iter()
            .any(|r| r.contains("Ada Lovelace") && r.contains('2')),
        "{rows:?}"
    );
    // Back returns to the sample article.
    browser.js("history.back();");
    browser.wait_for(
        "return document.querySelector('#doc-title').textContent !== 'Letters' || null;",
        10,
    );
    assert!(browser
        .js("return document.querySelector('.imported-badge') === null;")
        .as_bool()
        .unwrap());
}

/// The text of the banner matching `css`, once it shows.
fn banner(browser: &Browser, css: &str) -> String {
    browser
        .wait_for(
            &format!(
                "const n = document.querySelector({}); \
                 return n && n.textContent.length ? n.querySelector('.notice-text').textContent : null;",
                json!(css)
            ),
            20,
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_apps_own_export_imports_as_what_it_is_and_another_texts_says_so() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let doc = default_document();
    let a = analyse(&doc);
    let start = doc.text.find("Istanbul").unwrap();
    let passage = Span::new(start, start + "Istanbul".len());
    let exported = web_annotations(&doc, &a, &[passage]);

    // Another text first: the sample's annotations belong to another text.
    browser.click(".intake > button");
    browser.wait_for("return document.getElementById('paste-box') !== null;", 20);
    browser.eval(
        "const t = document.getElementById('paste-box'); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        json!(["Library vote\n\nThe council in Leeds voted 7 to 2 on Tuesday to close the library, a spokesperson said.\n"]),
    );
    browser.click(".paste-go");
    browser.wait_for(
        "return document.querySelector('#doc-title').textContent === 'Library vote' || null;",
        20,
    );
    import(&browser, "istanbul.jsonld", &exported);
    let note = banner(&browser, ".notice:not(.notice-ok)");
    assert!(
        note.contains("annotations of another text")
            && note.contains("urn:claimlens:doc:sample-istanbul-2025")
            && note.contains("nothing was imported"),
        "{note}"
    );
    assert!(
        !note.contains("could not be placed"),
        "quotes listed: {note}"
    );
    assert_eq!(
        browser.js("return document.querySelector('.notice-ok') === null;"),
        json!(true)
    );
    let error_bg = browser.js(
        "return getComputedStyle(document.querySelector('.notice:not(.notice-ok)')).backgroundColor;",
    );

    // Its own text: the passage is a passage, entities and claims are
    // recognised as claimlens's own, not turned into passages.
    browser.js("history.back();");
    browser.wait_for(
        "return document.querySelector('#doc-title').textContent !== 'Library vote' || null;",
        20,
    );
    import(&browser, "istanbul.jsonld", &exported);
    let done = banner(&browser, ".notice-ok");
    let claims = {
        let mut c: Vec<Span> = a.claims.iter().map(|c| c.span).collect();
        Span::sort_dedup(&mut c);
        c.len()
    };
    assert!(
        done.contains("1 passage highlighted")
            && done.contains(&format!(
                "{} entity mentions that claimlens finds here too",
                a.mentions.len()
            ))
            && done.contains(&format!(
                "{claims} claims ({claims} found by claimlens here too)"
            )),
        "{done}"
    );
    assert_eq!(
        browser.js("return document.querySelector('.notice:not(.notice-ok)') === null;"),
        json!(true)
    );
    let n = browser.wait_for(
        "const h = CSS.highlights.get('cl-passage'); return h && h.size > 0 ? h.size : null;",
        10,
    );
    assert_eq!(n, json!(1), "only the passage is a passage");
    // Success does not look like an error.
    let ok_bg = browser
        .js("return getComputedStyle(document.querySelector('.notice-ok')).backgroundColor;");
    assert_ne!(ok_bg, error_bg);
}

#[test]
fn web_annotations_become_passages_and_unplaceable_ones_are_listed() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_server, browser) = support::open_app(1280, 900);
    let doc = default_document();
    let a = analyse(&doc);
    let start = doc.text.find("Istanbul").unwrap();
    let passage = Span::new(start, start + "Istanbul".len());
    let exported = web_annotations(&doc, &a, &[passage]);
    let mut v: Value = serde_json::from_str(&exported).unwrap();
    // Keep the passage and one entity, and add one that is nowhere in the text.
    let items = v["first"]["items"].as_array_mut().unwrap();
    items.truncate(2);
    items.push(json!({
        "type": "Annotation",
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": "a sentence that is not in the article"}]}
    }));
    import(&browser, "notes.jsonld", &v.to_string());
    // What worked, and apart from it what did not.
    let done = banner(&browser, ".notice-ok");
    assert!(
        done.starts_with("Imported from notes.jsonld: 1 passage highlighted; 1 entity mention that claimlens finds here too"),
        "{done}"
    );
    let note = banner(&browser, ".notice:not(.notice-ok)");
    assert!(
        note.contains("1 annotation from notes.jsonld could not be placed")
            && note.contains("a sentence that is not in the article"),
        "{note}"
    );
    let n = browser.wait_for(
        "const h = CSS.highlights.get('cl-passage'); return h && h.size > 0 ? h.size : null;",
        10,
    );
    assert!(n.as_u64().unwrap() >= 1, "{n}");
}

#[test]
fn a_document_too_long_for_a_link_offers_a_file() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (server, browser) = support::open_app(1280, 900);
    // ~300 KB of varied text: far beyond a 32,000-character link.
    let mut text = String::new();
    let mut x: u64 = 7;
    while text.len() < 300_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(&format!(
            "Report {} from the council: {} residents asked about item {}. ",
            x % 9973,
            x % 1000,
            (x >> 20) % 777
        ));
    }
    let file = json!({"text": text, "ents": [{"start": 0, "end": 6, "label": "ORG"}]}).to_string();
    import(&browser, "long.json", &file);
    notice(&browser);
    let got = browser.wait_for(
        "const b = document.querySelector('.copy-link'); \
         return b && b.textContent.includes('Download') ? {label: b.textContent, hash: location.hash} : null;",
        20,
    );
    assert!(
        got["hash"].as_str().unwrap().contains("d=local%3A")
            || got["hash"].as_str().unwrap().contains("d=local:"),
        "{got}"
    );
    assert!(
        got["hash"].as_str().unwrap().len() < 2000,
        "no huge fragment"
    );
    browser.click(".copy-link");
    let status = browser.wait_for(
        "const s = document.querySelector('.share-status'); return s && s.textContent.length ? s.textContent : null;",
        10,
    );
    assert!(
        status.as_str().unwrap().contains("too long for a link"),
        "{status}"
    );
    // That link, opened afresh: imported documents are not kept in Recent
    // documents, so the sample article opens, saying why.
    let hash = got["hash"].as_str().unwrap().to_string();
    support::load_app(&browser, &format!("{}{hash}", server.url("/?again")));
    let note = browser.wait_for(
        "const n = document.querySelector('.notice-text'); return n && n.textContent.includes('open that file again') ? n.textContent : null;",
        20,
    );
    assert!(note.as_str().unwrap().contains("sample article"), "{note}");
}
