//! Browser tests of the entity highlights: legend filters, hover and focus
//! cards, pinning and stepping by mouse and keyboard, the entity list, the
//! live region, dark mode, print, and an axe-core accessibility scan.
//!
//! Expectations come from running the same analysis natively, so these tests
//! check the page against the engine rather than against hand-typed lists.

mod support;

use claimlens::analysis::{analyse, default_document, label_key, Analysis, Label};
use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::{keys, Browser};

fn open_app() -> (Server, Browser) {
    support::open_app(1280, 900)
}

fn analysis() -> (String, Analysis) {
    let doc = default_document();
    let a = analyse(&doc);
    (doc.text, a)
}

/// The most mentioned entity with the given label (ties: first in the list).
fn top_entity(a: &Analysis, label: Label) -> usize {
    (0..a.entities.len())
        .filter(|&i| a.entities[i].label == label)
        .max_by_key(|&i| (a.entities[i].mentions.len(), usize::MAX - i))
        .expect("an entity of that label")
}

use support::save_screenshot;

#[test]
fn every_mention_is_highlighted_with_colour_and_a_non_colour_cue() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let (text, a) = analysis();
    let marks = browser.js(
        "return Array.from(document.querySelectorAll('.doc-body mark.m'), m => {
           const s = getComputedStyle(m);
           return { text: m.textContent, l: m.dataset.l, bg: s.backgroundColor,
                    deco: s.textDecorationStyle + ' ' + s.textDecorationThickness };
         });",
    );
    let marks = marks.as_array().unwrap();
    assert_eq!(marks.len(), a.mentions.len(), "one highlight per mention");
    for (m, got) in a.mentions.iter().zip(marks) {
        assert_eq!(got["text"], json!(m.span.slice(&text)));
        assert_eq!(got["l"], json!(label_key(m.label)));
    }
    // Each type present has its own colour and its own underline style.
    let mut seen: Vec<(String, String, String)> = Vec::new();
    for m in marks {
        let key = (
            m["l"].as_str().unwrap().to_string(),
            m["bg"].as_str().unwrap().to_string(),
            m["deco"].as_str().unwrap().to_string(),
        );
        if !seen.iter().any(|s| s.0 == key.0) {
            seen.push(key);
        }
    }
    assert!(seen.len() >= 5, "{seen:?}");
    for (i, x) in seen.iter().enumerate() {
        for y in &seen[i + 1..] {
            assert_ne!(x.1, y.1, "{} and {} share a colour", x.0, y.0);
            assert_ne!(x.2, y.2, "{} and {} share an underline", x.0, y.0);
        }
    }
    // Paragraph text is unchanged by the highlights.
    let doc = default_document();
    let paras = browser
        .js("return Array.from(document.querySelectorAll('.doc-body > p'), p => p.textContent);");
    let want: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
    assert_eq!(paras, json!(want));
    // One highlight, the first, is the article's tab stop (roving tabindex).
    assert_eq!(
        browser.js("return [...document.querySelectorAll('.doc-body [tabindex]')].map(m => [m.dataset.m, m.getAttribute('tabindex')]);"),
        json!([["0", "0"]])
    );
}

#[test]
fn legend_filters_change_classes_only() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let (_, a) = analysis();
    let persons = a
        .mentions
        .iter()
        .filter(|m| m.label == Label::Person)
        .count();
    // The legend shows each type with its count.
    let label =
        browser.js("return document.querySelector('.legend-toggle.lt-person').textContent;");
    assert!(
        label.as_str().unwrap().contains(&persons.to_string()),
        "{label}"
    );
    // Keep a handle on a mention element: filters must not re-render the text.
    browser.js("window.__probe = document.querySelector('.doc-body mark.m-person');");
    browser.click(".legend-toggle.lt-person");
    assert_eq!(
        browser.js("return document.querySelector('.lt-person').getAttribute('aria-pressed');"),
        json!("false")
    );
    let state = browser.js("const m = document.querySelector('.doc-body mark.m-person');
         return { hidden: document.querySelector('.doc-body').classList.contains('hide-person'),
                  bg: getComputedStyle(m).backgroundColor,
                  same: window.__probe === m && window.__probe.isConnected,
                  other: getComputedStyle(document.querySelector('.doc-body mark.m-place')).backgroundColor };",
    );
    assert_eq!(state["hidden"], json!(true), "{state}");
    assert_eq!(state["bg"], json!("rgba(0, 0, 0, 0)"), "{state}");
    assert_ne!(state["other"], json!("rgba(0, 0, 0, 0)"), "{state}");
    assert_eq!(state["same"], json!(true), "the article was re-rendered");

    browser.click(".legend-actions .link-button:nth-child(2)"); // None
    let hidden = browser.js("return Array.from(document.querySelectorAll('.legend-toggle'), b => b.getAttribute('aria-pressed'));",
    );
    assert!(
        hidden.as_array().unwrap().iter().all(|v| v == "false"),
        "{hidden}"
    );
    browser.click(".legend-actions .link-button:nth-child(1)"); // All
    let shown = browser.js("return Array.from(document.querySelectorAll('.legend-toggle'), b => b.getAttribute('aria-pressed'));",
    );
    assert!(
        shown.as_array().unwrap().iter().all(|v| v == "true"),
        "{shown}"
    );
    assert_eq!(
        browser.js("return window.__probe.isConnected;"),
        json!(true)
    );

    // Type labels: a badge after each highlight.
    browser.click(".legend-actions .link-button:nth-child(3)");
    let badge = browser.js("return getComputedStyle(document.querySelector('.doc-body mark.m-person'), '::after').content;",
    );
    assert_eq!(badge, json!("\"person\""));
}

#[test]
fn hover_card_describes_the_mention() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let (text, a) = analysis();

    // A person with a role, a place with a relation, and a number with a value.
    let with_role = a.mentions.iter().position(|m| m.role.is_some());
    let with_relation = a
        .mentions
        .iter()
        .position(|m| !a.entities[m.entity].related.is_empty());
    let with_value = a.mentions.iter().position(|m| m.value.is_some());
    for mi in [with_role, with_relation, with_value].into_iter().flatten() {
        let m = &a.mentions[mi];
        let e = &a.entities[m.entity];
        browser.hover(&format!(".doc-body mark[data-m='{mi}']"));
        let card = browser.wait_for(
            "const c = document.getElementById('entity-card');
             return !c.hidden && c.textContent;",
            5,
        );
        let card = card.as_str().unwrap();
        assert!(card.contains(&e.name), "{card} lacks {}", e.name);
        let title = claimlens::analysis::label_title(e.label);
        assert!(card.contains(title), "{card} lacks {title}");
        let n = e.mentions.len();
        assert!(card.contains(&format!("{n} in this article")), "{card}");
        if let Some(r) = &m.role {
            assert!(card.contains(&r.title), "{card} lacks the role");
            if let Some(aff) = &r.affiliation {
                assert!(card.contains(aff.as_str()), "{card} lacks {aff}");
            }
        }
        if let Some(v) = &m.value {
            assert!(card.contains(&v.to_string()), "{card} lacks {v}");
        }
        for r in &e.related {
            assert!(card.contains(&r.name), "{card} lacks related {}", r.name);
        }
        let _ = &text;
        // The card sits next to its mention.
        let near = browser.js(&format!(
                "const m = document.querySelector(\".doc-body mark[data-m='{mi}']\").getBoundingClientRect();
                 const c = document.getElementById('entity-card').getBoundingClientRect();
                 return Math.min(Math.abs(c.top - m.bottom), Math.abs(m.top - c.bottom)) < 24;"
            ),
        );
        assert_eq!(near, json!(true), "card is not beside mention {mi}");
    }
    // Escape closes the card.
    browser.press(&[keys::ESCAPE]);
    assert_eq!(
        browser.js("return document.getElementById('entity-card').hidden;"),
        json!(true)
    );
}

#[test]
fn pin_and_step_through_mentions_by_mouse_and_keyboard() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let (text, a) = analysis();
    let e = top_entity(&a, Label::Person);
    let ent = &a.entities[e];
    let n = ent.mentions.len();
    assert!(
        n >= 2,
        "the default article names its main person at least twice"
    );

    // Click a mention in the text: its entity is pinned at that mention.
    let second = ent.mentions[1];
    let other = a.mentions.iter().position(|m| m.entity != e).unwrap();
    let look = |b: &Browser, mi: usize| -> Value {
        b.js(&format!(
            "const s = getComputedStyle(document.querySelector(\".doc-body mark[data-m='{mi}']\"));
             return [s.backgroundColor, s.boxShadow];"
        ))
    };
    let (other_before, pinned_before) = (look(&browser, other), look(&browser, second));
    browser.click(&format!(".doc-body mark[data-m='{second}']"));
    let state = browser.js(
        "return { pins: document.querySelectorAll('.doc-body mark.pin').length,
                  bar: document.querySelector('.pin-bar').textContent,
                  tabbable: document.querySelectorAll('.doc-body mark.pin[tabindex=\"0\"]').length };",
    );
    assert_eq!(state["pins"], json!(n), "{state}");
    assert_eq!(state["tabbable"], json!(n), "{state}");
    let bar = state["bar"].as_str().unwrap();
    assert!(
        bar.contains(&ent.name) && bar.contains(&format!("2 of {n}")),
        "{bar}"
    );
    // The pinned entity's highlights stand out; the others keep their look
    // (a pin restyles only the mentions it concerns).
    assert_ne!(look(&browser, second), pinned_before);
    assert_eq!(look(&browser, other), other_before);

    // n / p / j / k step, wrapping, and move focus to the mention.
    let current = |b: &Browser| -> Value {
        b.eval(
            "const m = document.querySelector('.doc-body mark.current');
             return [m && Number(m.dataset.m), document.activeElement === m,
                     document.querySelector('.pin-pos').textContent];",
            json!([]),
        )
    };
    browser.press(&["p"]);
    let c = current(&browser);
    assert_eq!(c[0], json!(ent.mentions[0]), "{c}");
    assert_eq!(c[1], json!(true), "focus did not follow: {c}");
    assert_eq!(c[2], json!(format!("1 of {n}")));
    browser.press(&["k"]);
    assert_eq!(current(&browser)[0], json!(ent.mentions[n - 1]), "p wraps");
    browser.press(&["n"]);
    assert_eq!(current(&browser)[0], json!(ent.mentions[0]), "n wraps");
    browser.press(&["j"]);
    assert_eq!(current(&browser)[0], json!(ent.mentions[1]));
    // Buttons do the same.
    browser.click(".pin-actions .pin-button:nth-child(2)");
    assert_eq!(current(&browser)[0], json!(ent.mentions[2 % n]));

    // The live region announced the pin.
    let live = browser.js("return document.getElementById('announcer').textContent;");
    assert!(live.as_str().unwrap().contains("Mention"), "{live}");

    // Escape unpins (closing the card first if one is open).
    browser.press(&[keys::ESCAPE]);
    browser.press(&[keys::ESCAPE]);
    let state = browser.js(
        "return [document.querySelectorAll('.doc-body mark.pin').length,
                 document.querySelector('.pin-bar').hidden,
                 document.querySelectorAll('.doc-body [tabindex]').length];",
    );
    // Only the article's tab stop (the mention focused last) stays in the tab order.
    assert_eq!(state, json!([0, true, 1]));
    let _ = text;
}

#[test]
fn keyboard_only_reader_finds_every_person() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let (_, a) = analysis();
    // Tab to the entity filter, type a name, Tab to the result, Enter pins it.
    let e = top_entity(&a, Label::Person);
    let ent = &a.entities[e];
    browser.js("document.getElementById('entity-filter').focus();");
    let surname = ent.name.split_whitespace().last().unwrap().to_string();
    browser.press(
        &surname
            .chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let visible = browser.js("return Array.from(document.querySelectorAll('.entity-row'))
                .filter(b => b.offsetParent !== null).map(b => b.querySelector('.entity-name').textContent);",
    );
    assert!(
        visible.as_array().unwrap().contains(&json!(ent.name)),
        "{visible}"
    );
    browser.press(&[keys::TAB, keys::ENTER]);
    let live = browser.wait_for(
        "const t = document.getElementById('announcer').textContent; return t.includes('mention') && t;",
        5,
    );
    let want = format!("{}, person, {} mention", ent.name, ent.mentions.len());
    assert!(
        live.as_str().unwrap().starts_with(&want),
        "{live} vs {want}"
    );
    // n moves focus into the article, to the entity's mentions in turn.
    for k in 0..ent.mentions.len() {
        browser.press(&["n"]);
        let focused =
            browser.js("return document.activeElement && document.activeElement.dataset.m;");
        let want = ent.mentions[(k + 1) % ent.mentions.len()];
        assert_eq!(focused, json!(want.to_string()));
    }
    // Enter on a focused mention shows its card (role, aliases...).
    browser.press(&[keys::ENTER]);
    let card = browser.wait_for(
        "const c = document.getElementById('entity-card'); return !c.hidden && c.textContent;",
        5,
    );
    assert!(card.as_str().unwrap().contains(&ent.name));
    save_screenshot(&browser, "pinned.png");

    // Every person in the article is in the list.
    let listed = browser.js("return Array.from(document.querySelectorAll('.entity-row .entity-name'), e => e.textContent);",
    );
    for p in a.entities.iter().filter(|x| x.label == Label::Person) {
        assert!(
            listed.as_array().unwrap().contains(&json!(p.name)),
            "{} missing",
            p.name
        );
    }
}

#[test]
fn keyboard_reaches_every_card_and_popovers_close_with_escape() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let (_, a) = analysis();
    let focused = |b: &Browser| -> Value {
        b.js("const f = document.activeElement; \
              const c = document.getElementById('entity-card'); \
              return {id: f.id, tag: f.tagName, m: f.dataset ? f.dataset.m || null : null, \
                      card: c.hidden ? null : c.querySelector('.card-name').textContent};")
    };

    // "Skip to article" moves focus to the article.
    browser.js("document.querySelector('.skip-link').focus();");
    browser.press(&[keys::ENTER]);
    let f = focused(&browser);
    assert_eq!(f["id"], json!("article"), "{f}");

    // Tab from there reaches the first highlight, and its card shows.
    let mut f = Value::Null;
    for _ in 0..30 {
        browser.press(&[keys::TAB]);
        f = focused(&browser);
        if !f["m"].is_null() {
            break;
        }
    }
    assert_eq!(f["m"], json!("0"), "{f}");
    assert_eq!(
        f["card"],
        json!(a.entities[a.mentions[0].entity].name),
        "{f}"
    );
    // The arrow keys move to the next and previous highlight, with their cards.
    browser.press(&[keys::RIGHT, keys::RIGHT]);
    let f = focused(&browser);
    assert_eq!(f["m"], json!("2"), "{f}");
    assert_eq!(
        f["card"],
        json!(a.entities[a.mentions[2].entity].name),
        "{f}"
    );
    browser.press(&[keys::LEFT]);
    assert_eq!(focused(&browser)["m"], json!("1"));
    // Only one highlight is a tab stop: the one focused last.
    assert_eq!(
        browser.js("return [...document.querySelectorAll('.doc-body [tabindex=\"0\"]')].map(m => m.dataset.m);"),
        json!(["1"])
    );
    // Enter pins it.
    browser.press(&[keys::ENTER]);
    let bar = browser.wait_for(
        "const b = document.querySelector('.pin-bar'); return !b.hidden && b.textContent;",
        5,
    );
    let name = &a.entities[a.mentions[1].entity].name;
    assert!(bar.as_str().unwrap().contains(name.as_str()), "{bar}");
    browser.press(&[keys::ESCAPE, keys::ESCAPE]);

    // The card closes once the pointer leaves the mention (and the card).
    browser.js("document.activeElement.blur();");
    browser.hover(".doc-body mark[data-m='3']");
    browser.wait_for(
        "return !document.getElementById('entity-card').hidden || null;",
        5,
    );
    browser.pointer_to(2, 400);
    browser.wait_for(
        "return document.getElementById('entity-card').hidden || null;",
        2,
    );
    // Moving onto the card keeps it open.
    browser.hover(".doc-body mark[data-m='3']");
    browser.wait_for(
        "return !document.getElementById('entity-card').hidden || null;",
        5,
    );
    browser.hover("#entity-card");
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(
        browser.js("return document.getElementById('entity-card').hidden;"),
        json!(false)
    );
    browser.pointer_to(2, 400);

    // One popover at a time; Escape closes it and focus returns to its button.
    let open = |b: &Browser| -> Value {
        b.js("return [!document.getElementById('intake-panel').hidden, \
                      !document.querySelector('.embed-box').hidden];")
    };
    browser.click(".intake > button");
    assert_eq!(open(&browser), json!([true, false]));
    browser.click(".embed-code > button");
    assert_eq!(open(&browser), json!([false, true]));
    browser.press(&[keys::ESCAPE]);
    assert_eq!(open(&browser), json!([false, false]));
    assert_eq!(
        browser.js("return document.activeElement.matches('.embed-code > button');"),
        json!(true)
    );
    // Also from the paste box inside Open….
    browser.click(".intake > button");
    browser.wait_for("return document.getElementById('paste-box') !== null;", 20);
    browser.js("document.getElementById('paste-box').focus();");
    browser.press(&[keys::ESCAPE]);
    assert_eq!(open(&browser), json!([false, false]));
    assert_eq!(
        browser.js("return document.activeElement.matches('.intake > button');"),
        json!(true)
    );
}

#[test]
fn controls_are_large_enough_and_focus_is_visible() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let small = browser.js(
        "return Array.from(document.querySelectorAll('button, input, a[href]'))
           .filter(e => e.offsetParent !== null)
           // A visually hidden file input is operated through its label.
           .map(e => e.type === 'file' && e.closest('label') ? e.closest('label') : e)
           .map(e => [e.className || e.tagName, e.getBoundingClientRect()])
           .filter(([_, r]) => r.width < 24 || r.height < 24)
           .map(([n, r]) => n + ' ' + r.width + 'x' + r.height);",
    );
    assert_eq!(small, json!([]), "controls under 24 px");
    browser.press(&[keys::TAB, keys::TAB]);
    let outline = browser.js("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;",
    );
    assert_eq!(outline, json!("solid 3px"));
}

#[test]
fn axe_finds_no_serious_violations_default_pinned_dark() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let v = support::axe_serious(&browser, "document");
    assert!(v.is_empty(), "default view: {v:?}");

    browser.click(".entity-row");
    let v = support::axe_serious(&browser, "document");
    assert!(v.is_empty(), "entity pinned: {v:#?}");

    browser.click(".theme-toggle"); // light
    browser.click(".theme-toggle"); // dark
    assert_eq!(
        browser.js("return document.documentElement.dataset.theme;"),
        json!("dark")
    );
    let v = support::axe_serious(&browser, "document");
    assert!(v.is_empty(), "dark, pinned: {v:#?}");
    browser.press(&[keys::ESCAPE]);
    let v = support::axe_serious(&browser, "document");
    assert!(v.is_empty(), "dark: {v:#?}");
}

#[test]
fn dark_scheme_from_the_system_and_print_stylesheet() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    let light_bg = browser.js("return getComputedStyle(document.body).backgroundColor;");
    browser.emulate_media("", "dark");
    let dark_bg = browser.js("return getComputedStyle(document.body).backgroundColor;");
    assert_ne!(light_bg, dark_bg, "prefers-color-scheme: dark is ignored");

    browser.emulate_media("print", "light");
    let print = browser.js("const d = s => getComputedStyle(document.querySelector(s)).display;
         return { panel: d('.side-panel'), header: d('.site-header'), legend: d('.legend'),
                  mark: getComputedStyle(document.querySelector('.doc-body mark.m')).backgroundColor };",
    );
    assert_eq!(print["panel"], json!("none"), "{print}");
    assert_eq!(print["header"], json!("none"), "{print}");
    assert_ne!(print["legend"], json!("none"), "{print}");
    assert_ne!(print["mark"], json!("rgba(0, 0, 0, 0)"), "{print}");
}

/// WCAG contrast of each highlight's text against its (blended) background,
/// for every type, plain and pinned, in light and dark schemes — computed by
/// compositing the computed colours on a canvas, so any CSS colour syntax is
/// measured exactly.
#[test]
fn highlight_text_contrast_is_at_least_4_5() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let (_s, browser) = open_app();
    // One sample highlight per type, plain and pinned, styled by the real CSS.
    let keys: Vec<&str> = Label::ALL.iter().map(|l| label_key(*l)).collect();
    browser.eval(
        "const body = document.querySelector('.doc-body');
         const p = document.createElement('p'); p.id = 'contrast-samples';
         for (const k of arguments[0]) for (const pin of [false, true]) {
           const m = document.createElement('mark');
           m.className = 'm m-' + k + (pin ? ' pin' : ''); m.dataset.l = k; m.textContent = k;
           p.append(m, ' ');
         }
         body.append(p);",
        json!([keys]),
    );
    let measure = |b: &Browser| -> Value {
        b.eval(
            "const cv = document.createElement('canvas'); cv.width = cv.height = 1;
             const g = cv.getContext('2d', { willReadFrequently: true });
             const rgb = (...fills) => { g.clearRect(0, 0, 1, 1);
               for (const f of fills) { g.fillStyle = f; g.fillRect(0, 0, 1, 1); }
               return Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3)); };
             const lum = c => { const [r, gg, b] = c.map(v => { v /= 255;
               return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
               return 0.2126 * r + 0.7152 * gg + 0.0722 * b; };
             const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
               return (x + 0.05) / (y + 0.05); };
             const page = getComputedStyle(document.body).backgroundColor;
             return Array.from(document.querySelectorAll('#contrast-samples mark'), m => {
               const s = getComputedStyle(m);
               return [m.className, ratio(rgb(page, s.color), rgb(page, s.backgroundColor))];
             });",
            json!([]),
        )
    };
    let check = |b: &Browser, what: &str| {
        let rows = measure(b);
        assert_eq!(rows.as_array().unwrap().len(), 2 * Label::ALL.len());
        for row in rows.as_array().unwrap() {
            let r = row[1].as_f64().unwrap();
            assert!(r >= 4.5, "{what}: {} has contrast {r:.2}", row[0]);
        }
    };
    check(&browser, "light");
    browser.click(".theme-toggle"); // light
    browser.click(".theme-toggle"); // dark
    assert_eq!(
        browser.js("return document.documentElement.dataset.theme;"),
        json!("dark")
    );
    check(&browser, "dark");
}

#[test]
fn direction_controls_are_shown_marked_and_reorder_nothing() {
    use claimlens::analysis::share::{encode, DocRef, TextQuote, ViewState};
    use claimlens::analysis::{Document, Offsets, Span};
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    // RLO … PDF would show "A" "live" "B"; RLI … PDI and LRM reorder their
    // neighbours. A passage and mentions come after them.
    let first = "Officials in Nairobi said A\u{202E}evil\u{202C}B on Monday\u{200E}.";
    let second = "The \u{2067}United Nations\u{2069} welcomed 40 trucks of food.";
    let text = format!("{first}\n{second}");
    let passage = "welcomed 40 trucks";
    let at = text.find(passage).unwrap();
    let quote = TextQuote::from_span(
        &text,
        &Offsets::new(&text),
        Span::new(at, at + passage.len()),
    );
    let state = ViewState {
        doc: DocRef::Inline {
            title: Some("Aid convoy".into()),
            text: text.clone(),
        },
        highlights: vec![quote],
        ..ViewState::default()
    };
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(&browser, &format!("{}#{}", server.url("/"), encode(&state)));

    // The notice counts them.
    let notice =
        browser.js("const n = document.querySelector('.notice'); return n && n.textContent;");
    assert!(
        notice.as_str().unwrap_or("").contains(
            "This document contains 5 invisible direction-control characters; they are shown marked"
        ),
        "{notice}"
    );
    // Each is a visible marker with its name and a title.
    let markers = browser.js(
        "return Array.from(document.querySelectorAll('.doc-body .bidi'), b => [
           b.dataset.bidi, b.title.slice(0, 6), b.getBoundingClientRect().width > 8,
           getComputedStyle(b).unicodeBidi]);",
    );
    assert_eq!(
        markers,
        json!([
            ["RLO", "U+202E", true, "isolate"],
            ["PDF", "U+202C", true, "isolate"],
            ["LRM", "U+200E", true, "isolate"],
            ["RLI", "U+2067", true, "isolate"],
            ["PDI", "U+2069", true, "isolate"],
        ])
    );
    // The page's text is the document's, characters and all.
    let paras = browser
        .js("return Array.from(document.querySelectorAll('.doc-body > p'), p => p.textContent);");
    assert_eq!(paras, json!([first, second]));
    // Nothing is reordered: A, the RLO marker, e, v, i, l, the PDF marker, B
    // run left to right.
    let xs = browser.js(
        "const p = document.querySelector('.doc-body > p');
         const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
         const xs = [];
         const at = (node, i) => { const r = document.createRange(); r.setStart(node, i);
                                   r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
         for (let n; (n = w.nextNode());) {
           const t = n.data;
           if (t.endsWith(' A')) xs.push(at(n, t.length - 1));
           else if (t === '\\u202E' || t === '\\u202C') xs.push(n.parentElement.getBoundingClientRect().left);
           else if (t === 'evil') for (let i = 0; i < 4; i++) xs.push(at(n, i));
           else if (t.startsWith('B ')) xs.push(at(n, 0));
         }
         return xs;",
    );
    let xs: Vec<f64> = xs
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(xs.len(), 8, "{xs:?}");
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "reordered: {xs:?}");
    // Highlights stay on their text: the passage after the controls, and
    // every mention as the engine found it.
    let drawn = browser.wait_for(
        "const h = CSS.highlights.get('cl-passage'); return h && Array.from(h)[0].toString();",
        5,
    );
    assert_eq!(drawn, json!(passage));
    let doc = Document::from_plain_text("shared", "Aid convoy", &text);
    let a = analyse(&doc);
    let marks = browser.js(
        "return Array.from(document.querySelectorAll('.doc-body mark.m'), m => m.textContent);",
    );
    let want: Vec<&str> = a.mentions.iter().map(|m| m.span.slice(&text)).collect();
    assert!(
        want.iter().any(|m| m.contains("United Nations")),
        "{want:?}"
    );
    assert_eq!(marks, json!(want));
    save_screenshot(&browser, "bidi-marked.png");
}
