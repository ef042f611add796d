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
    let note = notice(&browser);
    assert!(note.contains("displaCy"), "{note}");
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
    let note = notice(&browser);
    // The passage and the entity mention share a span: one highlight.
    assert!(note.starts_with("Imported 1 annotation "), "{note}");
    assert!(
        note.contains("a sentence that is not in the article"),
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
