//! Browser tests of what a pin, a step and a type filter change (issue #20):
//! pinning moves nothing on the page (every element of the article keeps its
//! place through pin, n / p and Escape, and no layout shift is reported),
//! the card stays beside its mention, and each interaction touches only the
//! highlights it concerns (the DOM mutations it makes are counted).
//!
//! Behaviour only: nothing here is timed.

mod support;

use claimlens::analysis::{analyse, default_document, label_key, Analysis};
use serde_json::{json, Value};
use support::webdriver::{keys, Browser};

fn analysis() -> Analysis {
    analyse(&default_document())
}

/// The most mentioned entity (ties: first in the list).
fn top_entity(a: &Analysis) -> usize {
    (0..a.entities.len())
        .max_by_key(|&i| (a.entities[i].mentions.len(), usize::MAX - i))
        .expect("the default article names entities")
}

/// Wait for two animation frames: whatever a change scheduled is painted.
fn settle(b: &Browser) {
    b.eval_async(
        "const done = arguments[arguments.length - 1];
         requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        json!([]),
    );
}

/// Where every part of the article is, in page coordinates (so scrolling
/// changes nothing): its header, legend, the pin bar's place, each block
/// and each highlight, and the footer below; and each row of the entity
/// list, within the list.
fn layout(b: &Browser) -> Vec<String> {
    settle(b);
    let v = b.js(
        "const [sx, sy] = [scrollX, scrollY];
         const at = (e) => {
           const r = e.getBoundingClientRect();
           const n = (x) => Math.round(x * 100) / 100;
           const what = e.dataset.m !== undefined ? 'mark ' + e.dataset.m
             : e.dataset.b !== undefined ? 'block ' + e.dataset.b : e.className.split(' ')[0];
           return what + ' @ ' + [n(r.left + sx), n(r.top + sy), n(r.width), n(r.height)].join(',');
         };
         // The side panel sticks to the viewport: its rows are placed within it.
         const list = document.querySelector('.entity-groups').getBoundingClientRect();
         const row = (e) => {
           const r = e.getBoundingClientRect();
           return 'row ' + e.dataset.e + ' @ ' + [r.left - list.left, r.top - list.top, r.width, r.height]
             .map((x) => Math.round(x * 100) / 100).join(',');
         };
         return [...document.querySelectorAll('article.article .article-header, \
             article.article .legend, article.article .pin-hint, article.article .doc-body, \
             article.article .doc-block, article.article mark.m, .site-footer')].map(at)
           .concat([...document.querySelectorAll('.entity-row')].map(row));",
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// The places that differ between two layouts (at most a few, for the message).
fn moved(before: &[String], after: &[String]) -> Vec<String> {
    if before.len() != after.len() {
        return vec![format!("{} elements, then {}", before.len(), after.len())];
    }
    before
        .iter()
        .zip(after)
        .filter(|(a, b)| a != b)
        .take(5)
        .map(|(a, b)| format!("{a} → {b}"))
        .collect()
}

/// Scroll through the whole page once, so that every block (laid out only
/// near the viewport: `content-visibility: auto`) has been laid out and
/// keeps its real size from then on, and wait until the layout is steady.
fn lay_out_everything(b: &Browser) -> Vec<String> {
    let mut last = Vec::new();
    for _ in 0..6 {
        b.eval_async(
            "const done = arguments[arguments.length - 1];
             const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
             (async () => {
               for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
                 scrollTo(0, y);
                 await frame();
               }
               scrollTo(0, 0);
               await frame();
               done(true);
             })();",
            json!([]),
        );
        let now = layout(b);
        if now == last {
            return now;
        }
        last = now;
    }
    panic!("the layout never settled");
}

/// Record every layout shift from now on, whether or not input caused it
/// (the card moving to the mention it now describes is no shift of the page).
fn watch_shifts(b: &Browser) {
    b.js("window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              const nodes = e.sources.map((s) => s.node)
                .map((n) => n && (n.nodeType === 1 ? n : n.parentElement))
                .filter((n) => n && !n.closest('#entity-card'));
              if (nodes.length) {
                window.__shifts.push(nodes.map((n) => n.tagName + '.' + n.className).join(' '));
              }
            }
          }).observe({ type: 'layout-shift' });");
}

fn shifts(b: &Browser) -> Value {
    settle(b);
    b.js("return window.__shifts;")
}

/// The card is closed, or shows mention `mi` beside it without covering it.
fn card_beside(b: &Browser, mi: usize) -> Result<(), Value> {
    settle(b);
    let v = b.js(&format!(
        "const c = document.getElementById('entity-card');
         if (c.hidden) return {{ ok: true }};
         const m = document.querySelector(\".doc-body mark[data-m='{mi}']\").getBoundingClientRect();
         const r = c.getBoundingClientRect();
         const overlap = Math.min(r.right, m.right) > Math.max(r.left, m.left)
                      && Math.min(r.bottom, m.bottom) > Math.max(r.top, m.top);
         const gap = Math.min(Math.abs(r.top - m.bottom), Math.abs(m.top - r.bottom));
         return {{ ok: !overlap && gap < 24, overlap, gap, card: [r.top, r.bottom], mark: [m.top, m.bottom],
                  says: c.textContent.slice(0, 60) }};"
    ));
    if v["ok"] == json!(true) {
        Ok(())
    } else {
        Err(v)
    }
}

/// The current mention of the pinned entity and the pin bar's position.
fn current(b: &Browser) -> Value {
    b.js("const m = document.querySelector('.doc-body mark.current');
          return [m && Number(m.dataset.m), document.querySelector('.pin-pos')?.textContent];")
}

/// Pin, step with n / p, unpin with Escape: no element of the article
/// moves, no layout shift is reported, and the card stays beside its
/// mention. At a desktop width and at a phone's.
#[test]
fn a_pin_moves_nothing_on_the_page() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let a = analysis();
    let e = top_entity(&a);
    let ent = &a.entities[e];
    let n = ent.mentions.len();
    assert!(
        n >= 3,
        "the default article names someone often: {}",
        ent.name
    );
    let (_server, browser) = support::open_app(1280, 900);
    // Scrolling is instant, so each layout is read where the step left it.
    browser.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }),
    );
    for (width, height, mobile) in [(1280, 900, false), (390, 844, true)] {
        browser.emulate_viewport(width, height, mobile);
        let before = lay_out_everything(&browser);
        assert!(
            before.iter().filter(|l| l.starts_with("mark ")).count() > n,
            "{before:?}"
        );
        watch_shifts(&browser);
        let what = format!("at {width}×{height}");

        // Hover a mention mid-screen (its card opens), then click it: pinned.
        let mi = ent.mentions[1];
        let mark = format!(".doc-body mark[data-m='{mi}']");
        browser.js(&format!(
            "document.querySelector(\"{mark}\").scrollIntoView({{ block: 'center' }});"
        ));
        browser.hover(&mark);
        browser.wait_for(
            "return !document.getElementById('entity-card').hidden || null;",
            5,
        );
        browser.click(&mark);
        browser.wait_for(
            "const b = document.querySelector('.pin-bar'); return !b.hidden || null;",
            5,
        );
        assert_eq!(
            current(&browser),
            json!([mi, format!("2 of {n}")]),
            "{what}"
        );
        let pinned = layout(&browser);
        assert!(
            moved(&before, &pinned).is_empty(),
            "pinning moved the page {what}: {:?}",
            moved(&before, &pinned)
        );
        // The bar fits its fixed height and the column's width, the name shown.
        let fit = browser.js("const b = document.querySelector('.pin-bar');
             const name = document.querySelector('.pin-name').getBoundingClientRect().width;
             return { fits: b.scrollWidth <= b.clientWidth && b.scrollHeight <= b.clientHeight,
                      named: name > 20, text: b.textContent };");
        assert_eq!(
            (fit["fits"].clone(), fit["named"].clone()),
            (json!(true), json!(true)),
            "{what}: {fit}"
        );
        // The card, now saying the entity is pinned, still sits beside it.
        if let Err(why) = card_beside(&browser, mi) {
            panic!("after the pin {what}, the card is not beside its mention: {why}");
        }

        // n and p step (scrolling as needed): the page itself stays put.
        for (key, to, pos) in [("n", 2, 3), ("p", 1, 2), ("p", 0, 1)] {
            browser.press(&[key]);
            let want = json!([ent.mentions[to], format!("{pos} of {n}")]);
            browser.wait_for(
                &format!(
                    "const m = document.querySelector('.doc-body mark.current'); \
                     return (m && Number(m.dataset.m)) === {} || null;",
                    ent.mentions[to]
                ),
                5,
            );
            assert_eq!(current(&browser), want, "{what}");
            let stepped = layout(&browser);
            assert!(
                moved(&before, &stepped).is_empty(),
                "stepping with {key} moved the page {what}: {:?}",
                moved(&before, &stepped)
            );
            // Focus follows the step, and the card with it.
            if let Err(why) = card_beside(&browser, ent.mentions[to]) {
                panic!("after {key} {what}, the card is not beside the current mention: {why}");
            }
        }

        // Escape closes the card, then unpins. (The pointer leaves the text
        // first: a highlight scrolled under it would open its card again.)
        browser.pointer_to(2, 2);
        for _ in 0..4 {
            browser.press(&[keys::ESCAPE]);
            settle(&browser);
            if browser.js("return document.querySelector('.pin-bar').hidden;") == json!(true) {
                break;
            }
        }
        assert_eq!(
            browser.js("return document.querySelector('.pin-bar').hidden;"),
            json!(true),
            "Escape did not unpin {what}"
        );
        let unpinned = layout(&browser);
        assert!(
            moved(&before, &unpinned).is_empty(),
            "unpinning moved the page {what}: {:?}",
            moved(&before, &unpinned)
        );
        assert_eq!(shifts(&browser), json!([]), "layout shifts {what}");
    }
}

/// Record the elements under `root` (a CSS selector) whose attributes or
/// children change from now on.
fn watch_mutations(b: &Browser, root: &str) {
    b.js(&format!(
        "window.__touched = [];
         window.__observer && window.__observer.disconnect();
         window.__observer = new MutationObserver((records) => {{
           for (const r of records) {{
             const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
             window.__touched.push({{ kind: r.type, attr: r.attributeName,
               mark: t.matches('mark.m') ? Number(t.dataset.m) : null,
               entity: t.matches('mark.m') ? Number(t.dataset.e) : null,
               el: t.tagName + '.' + t.className.split(' ')[0] + (t.dataset.e ? '[' + t.dataset.e + ']' : '') }});
           }}
         }});
         window.__observer.observe(document.querySelector('{root}'),
           {{ attributes: true, childList: true, characterData: true, subtree: true }});"
    ));
}

/// What changed since [`watch_mutations`], once the change is painted.
fn touched(b: &Browser) -> Vec<Value> {
    settle(b);
    let v = b.js("const t = window.__touched; window.__touched = []; return t;");
    v.as_array().unwrap().clone()
}

/// The highlights a set of mutations touched, and those of another entity
/// than `e` among them.
fn marks_touched(t: &[Value], e: usize) -> (Vec<u64>, Vec<Value>) {
    let mut marks: Vec<u64> = t.iter().filter_map(|r| r["mark"].as_u64()).collect();
    marks.sort_unstable();
    marks.dedup();
    let others = t
        .iter()
        .filter(|r| r["entity"] != json!(e))
        .cloned()
        .collect();
    (marks, others)
}

/// A pin, a step and an unpin change only the pinned entity's highlights
/// (and the one that was the article's tab stop); a type filter changes one
/// class on the text's root; the entity list changes the two rows concerned.
#[test]
fn interactions_touch_only_what_they_change() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let a = analysis();
    let e = top_entity(&a);
    let ent = &a.entities[e];
    let n = ent.mentions.len();
    let (_server, browser) = support::open_app(1280, 900);
    let total = browser.js("return document.querySelectorAll('.doc-body mark.m').length;");
    assert!(total.as_u64().unwrap() > n as u64 + 10, "{total}");

    // Pin by clicking a mention.
    let mi = ent.mentions[1];
    let mark = format!(".doc-body mark[data-m='{mi}']");
    browser.hover(&mark);
    watch_mutations(&browser, ".doc-body");
    browser.click(&mark);
    browser.wait_for(
        "return !document.querySelector('.pin-bar').hidden || null;",
        5,
    );
    let t = touched(&browser);
    let (marks, others) = marks_touched(&t, e);
    assert!(
        others.is_empty(),
        "the pin touched more than its entity: {others:?}"
    );
    assert_eq!(marks.len(), n, "{t:?}");

    // A step changes the current mention (and moves the tab stop).
    browser.press(&["n"]);
    browser.wait_for(
        &format!(
            "return document.querySelector('.doc-body mark.current')?.dataset.m === '{}' || null;",
            ent.mentions[2]
        ),
        5,
    );
    let t = touched(&browser);
    let (marks, others) = marks_touched(&t, e);
    assert!(
        marks.len() <= 3 && others.iter().all(|r| r["mark"].is_u64()),
        "a step touched {t:?}"
    );
    assert!(
        others.len() <= 2,
        "a step touched other highlights: {others:?}"
    );

    // Unpinning touches the same highlights as pinning.
    browser.pointer_to(2, 2);
    browser.press(&[keys::ESCAPE, keys::ESCAPE]);
    browser.wait_for(
        "return document.querySelector('.pin-bar').hidden || null;",
        5,
    );
    let t = touched(&browser);
    let (marks, others) = marks_touched(&t, e);
    assert!(
        others.is_empty(),
        "unpinning touched more than its entity: {others:?}"
    );
    assert!(marks.len() <= n, "{t:?}");

    // A type filter: one class on the text's root, however many highlights it hides.
    let key = label_key(ent.label);
    browser.click(&format!(".legend-toggle.lt-{key}"));
    browser.wait_for(
        &format!(
            "return document.querySelector('.doc-body').classList.contains('hide-{key}') || null;"
        ),
        5,
    );
    let t = touched(&browser);
    assert_eq!(
        t,
        vec![
            json!({ "kind": "attributes", "attr": "class", "mark": null, "entity": null, "el": "DIV.doc-body" })
        ],
        "a type filter touched more than the text's root"
    );
    browser.click(&format!(".legend-toggle.lt-{key}"));

    // The entity list: pinning from it presses one row, pinning another
    // releases that one.
    watch_mutations(&browser, ".entity-groups");
    browser.click(&format!(".entity-row[data-e='{e}']"));
    browser.wait_for(
        "return !document.querySelector('.pin-bar').hidden || null;",
        5,
    );
    let rows = |t: &[Value]| -> Vec<String> {
        let mut r: Vec<String> = t
            .iter()
            .map(|r| r["el"].as_str().unwrap().to_string())
            .collect();
        r.sort();
        r.dedup();
        r
    };
    assert_eq!(
        rows(&touched(&browser)),
        vec![format!("BUTTON.entity-row[{e}]")]
    );
    let other = (0..a.entities.len())
        .find(|&i| i != e && !a.entities[i].mentions.is_empty())
        .unwrap();
    browser.click(&format!(".entity-row[data-e='{other}']"));
    browser.wait_for(
        &format!(
            "return document.querySelector(\".entity-row[data-e='{other}']\").getAttribute('aria-pressed') === 'true' || null;"
        ),
        5,
    );
    let mut want = vec![
        format!("BUTTON.entity-row[{e}]"),
        format!("BUTTON.entity-row[{other}]"),
    ];
    want.sort();
    assert_eq!(rows(&touched(&browser)), want);
}
