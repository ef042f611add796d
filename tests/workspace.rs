//! Browser test of the reader's workspace (issue #18 item 4): three
//! articles of the reader's own — a page opened by `?src=`, then pasted
//! text and a Markdown file added in the Compare tab — compared with any
//! of them as the base; "Copy link" carries the
//! whole workspace, and a fresh browser profile given that link shows the
//! same comparison; removing a document, the base too, updates the list,
//! the matrix and the link.

mod support;

use serde_json::{json, Value};
use support::server::Server;
use support::webdriver::Browser;

/// Three reports of one (invented) story, written for this test: the
/// budget differs between them, the reopening date and the barrier's
/// length agree. The first is a web page (opened by `?src=`), the second
/// pasted, the third a Markdown file.
const GAZETTE: &str = r#"<!doctype html><html><head>
<title>Council approves Riverside Park budget | Riverside Gazette</title>
</head><body><article>
<h1>Council approves Riverside Park budget</h1>
<p>The city council approved a budget of $12 million for Riverside Park on Tuesday, officials said.</p>
<p>Mayor Ana Ruiz said the park would reopen in June 2026. The new flood barrier along the Maple River will be 2.4 km long, according to the city engineer Tom Hale.</p>
</article></body></html>"#;
const VALLEY: &str = "On Tuesday the city council voted $9 million for repairs to Riverside Park. Mayor Ana Ruiz told reporters that the park would reopen in June 2026. Residents had asked for the repairs since the floods of 2021.";
const POST: &str = "# Evening Post\n\nThe flood barrier along the Maple River will be 2.4 km long, the city engineer Tom Hale said. Mayor Ana Ruiz said the council had set aside $12 million for Riverside Park.\n";

/// The Compare tab as a reader sees it: the article, the summary, the
/// list, the matrix, the sources and the chosen claim's relations.
const COMPARE_VIEW: &str = "
    const text = s => { const e = document.querySelector(s); return e ? e.textContent : null; };
    return {
        title: text('#doc-title'),
        body: text('.doc-body'),
        tab: document.querySelector('[role=tab][aria-selected=true]').id,
        summary: text('#cmp-summary'),
        list: text('#cmp-list'),
        matrix: text('#cmp-matrix'),
        sources: text('#cmp-sources'),
        pressed: Array.from(document.querySelectorAll('.cmp-row[aria-pressed=true]'), r => r.dataset.c),
        relations: Array.from(document.querySelectorAll('#cmp-detail .cmp-pair'),
            p => [p.className, p.querySelector('.cmp-src-name').textContent]),
    };";

/// The number of sources the coverage matrix has columns for.
const COLUMNS: &str =
    "return Math.max(0, document.querySelectorAll('table.mx thead th').length - 1);";

/// Wait until the Compare tab shows `title` as its base, with `sources`
/// sources in its matrix (and its list built).
fn wait_for_workspace(browser: &Browser, title: &str, sources: usize) {
    browser.wait_for(
        &format!(
            "const t = document.getElementById('doc-title'); \
             const b = document.querySelector('#cmp-sources .cmp-base .cmp-src-name'); \
             return t && t.textContent === {t} && b && b.textContent === {t} \
                 && document.getElementById('cmp-sources-title').textContent === 'Sources ({sources})' \
                 && document.querySelectorAll('.cmp-row').length > 0 \
                 && Math.max(0, document.querySelectorAll('table.mx thead th').length - 1) === {sources};",
            t = json!(title),
        ),
        60,
    );
}

/// Paste `text` as a source in the Compare tab, named `name`; wait until
/// the matrix has `columns` sources.
fn add_source(browser: &Browser, name: &str, text: &str, columns: usize) {
    browser.js("document.querySelector('.cmp-add').open = true;");
    browser.eval(
        "document.getElementById('cmp-add-name').value = arguments[0]; \
         document.getElementById('cmp-add-text').value = arguments[1];",
        json!([name, text]),
    );
    browser.click(".cmp-add-actions .share-button");
    browser.wait_for(
        &format!(
            "return Math.max(0, document.querySelectorAll('table.mx thead th').length - 1) === {columns};"
        ),
        60,
    );
}

/// Click the Compare tab's button whose accessible name is `label`.
fn press(browser: &Browser, label: &str) {
    let found = browser.eval(
        "const b = Array.from(document.querySelectorAll('#cmp-sources button')) \
             .find(b => b.getAttribute('aria-label') === arguments[0]); \
         if (b) { b.click(); } return !!b;",
        json!([label]),
    );
    assert_eq!(found, json!(true), "no button {label:?}");
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

/// A name as links write it (`share::encode`'s percent-encoding).
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b':' | b',' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn hash(browser: &Browser) -> String {
    browser
        .js("return location.hash;")
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn three_articles_of_the_reader_s_own_compared_and_reopened_from_a_link() {
    require_app!(true);
    // The Gazette's site allows other pages to read it (CORS).
    let dir = std::env::temp_dir().join(format!("claimlens-ws-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("gazette.html"), GAZETTE).unwrap();
    let site = Server::start_on(&dir, "127.0.0.2");
    site.add_header("Access-Control-Allow-Origin", "*");
    let server = Server::start(&support::dist_dir());
    let sender = Browser::start(1280, 900);

    // The first article, opened by `?src=` (fetched once the reader says so).
    let src: String = site
        .url("/gazette.html")
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    support::load_app(&sender, &server.url(&format!("/?src={src}")));
    sender.click(".src-fetch");
    sender.wait_for(
        "return location.hash.includes('x=') && document.querySelector('.doc-body') \
            && document.querySelector('.doc-body').textContent.includes('Maple River');",
        60,
    );
    let gazette = sender.js("return document.getElementById('doc-title').textContent;");
    let gazette = gazette.as_str().unwrap().to_string();

    // Two more, added in the Compare tab: no reference pack for this one.
    sender.click("#tab-compare");
    wait_for_workspace(&sender, &gazette, 0);
    add_source(&sender, "Valley Times", VALLEY, 1);
    // The third, a Markdown file chosen in the Compare tab: named by its
    // own heading.
    sender.eval(
        "const input = document.querySelector('.cmp-add input[type=file]'); \
         const dt = new DataTransfer(); \
         dt.items.add(new File([arguments[0]], 'evening-post.md', {type: 'text/markdown'})); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([POST]),
    );
    wait_for_workspace(&sender, &gazette, 2);
    let first = sender.js(COMPARE_VIEW);

    // Any one of them as the base: the Valley Times. The Gazette becomes
    // a source in its place.
    press(&sender, "Make Valley Times the base");
    wait_for_workspace(&sender, "Valley Times", 2);
    let sources = sender.js("return document.getElementById('cmp-sources').textContent;");
    let sources = sources.as_str().unwrap();
    let (g, p) = (
        sources.find(&format!("Your document: {gazette}")),
        sources.find("Your document: Evening Post"),
    );
    assert!(
        g.is_some() && g < p,
        "the Gazette, then the Post: {sources}"
    );
    assert!(
        !sources.contains("Your document: Valley Times"),
        "{sources}"
    );
    let rebased = sender.js(COMPARE_VIEW);
    assert_ne!(
        rebased["list"], first["list"],
        "the claims compared are the new base's"
    );
    // Back: the workspace as it was before the change of base; forward
    // again.
    sender.js("history.back();");
    wait_for_workspace(&sender, &gazette, 2);
    let back = sender.js(COMPARE_VIEW);
    assert_eq!(back["matrix"], first["matrix"]);
    assert_eq!(back["sources"], first["sources"]);
    sender.js("history.forward();");
    wait_for_workspace(&sender, "Valley Times", 2);
    assert_eq!(sender.js(COMPARE_VIEW), rebased);

    // A claim with a source, chosen; then Copy link.
    let row = sender.wait_for(
        "const r = Array.from(document.querySelectorAll('.cmp-row')) \
             .find(r => !r.querySelector('.rel-none')); return r ? r.dataset.c : null;",
        5,
    );
    let row = row
        .as_str()
        .expect("a claim of the new base meets a source");
    sender.click(&format!(".cmp-row[data-c='{row}']"));
    sender.wait_for("return document.querySelector('#cmp-detail .cmp-pair');", 5);
    let status = copy_link(&sender);
    assert!(status.contains("2 added sources"), "{status}");
    assert!(!status.contains("not in the link"), "{status}");
    let link = sender.js("return location.href;");
    let link = link.as_str().unwrap().to_string();
    for key in [
        "&x=",
        "&n=Valley%20Times",
        "&t=compare",
        "&c=",
        "&s=Evening%20Post~",
    ] {
        assert!(link.contains(key), "{key} missing from {link}");
    }
    let (g, p) = (
        link.find(&format!("&s={}~", enc(&gazette))),
        link.find("&s=Evening%20Post~"),
    );
    assert!(g.is_some() && g < p, "the Gazette, then the Post: {link}");
    assert!(link.len() < claimlens::analysis::share::MAX_LINK);
    let want = sender.js(COMPARE_VIEW);
    assert_eq!(want["pressed"], json!([row]), "{want}");
    let named = format!("Your document: {gazette}");
    assert!(
        want["relations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r[1] == json!(named)),
        "the old base is a source like the others: {want}"
    );

    // A fresh profile: nothing of the sender's browser but the link.
    let receiver = Browser::start(1280, 900);
    support::load_app(&receiver, &link);
    wait_for_workspace(&receiver, "Valley Times", 2);
    receiver.wait_for(
        "return document.querySelector('#cmp-detail .cmp-pair');",
        30,
    );
    assert_eq!(receiver.js(COMPARE_VIEW), want);
    assert_eq!(
        receiver.js("return document.querySelectorAll('.notice').length;"),
        json!(0),
        "{}",
        receiver.js("return document.body.textContent;")
    );
    assert_eq!(hash(&receiver), hash(&sender));

    // Removing a document updates every view: the list, the matrix, the
    // link.
    press(&receiver, "Remove Evening Post");
    wait_for_workspace(&receiver, "Valley Times", 1);
    let after: Value = receiver.js(COMPARE_VIEW);
    assert!(
        !after["matrix"].as_str().unwrap().contains("Evening Post"),
        "{after}"
    );
    assert!(!after["sources"].as_str().unwrap().contains("Evening Post"));
    receiver.wait_for("return !location.hash.includes('&s=Evening%20Post~');", 5);
    assert!(hash(&receiver).contains(&format!("&s={}~", enc(&gazette))));

    // The base too: the Gazette, the one document left, takes its place.
    press(&receiver, "Remove Valley Times");
    wait_for_workspace(&receiver, &gazette, 0);
    let h = hash(&receiver);
    assert!(!h.contains("&s=") && !h.contains("Valley"), "{h}");
    assert_eq!(receiver.js(COLUMNS), json!(0));
    assert!(receiver
        .js("return document.querySelector('#cmp-sources .cmp-base button');")
        .is_null());
}

/// `n` characters of text that packs to about as many: words of a
/// pseudo-random generator from `seed`.
fn gibberish(n: usize, seed: u64) -> String {
    let (mut x, mut s) = (seed, String::new());
    while s.len() < n {
        x = x * 48271 % 2147483647;
        let mut w = Vec::new();
        let mut y = x;
        while y > 0 {
            w.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(y % 36) as usize]);
            y /= 36;
        }
        s.push_str(std::str::from_utf8(&w).unwrap());
        s.push_str(if x % 9 == 0 { ". " } else { " " });
    }
    s
}

/// Each source fits in a link alone, not both: "Copy link" names the one
/// left out and says that the workspace is too large; removing the other
/// makes room for it.
#[test]
fn a_workspace_too_large_for_one_link_says_so_and_removing_makes_room() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let pack = claimlens::analysis::compare::Workspace::for_default_article()
        .sources()
        .len();
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(
        &browser,
        &server.url("/?load=big#v=1&d=sample-istanbul-2025&t=compare"),
    );
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 60);
    add_source(&browser, "first.txt", &gibberish(24_000, 7), pack + 1);
    add_source(&browser, "second.txt", &gibberish(24_000, 11), pack + 2);
    let status = copy_link(&browser);
    let want = format!(
        "Source {} (second.txt) is only in this browser and is not in the link: with the documents before it, the workspace is too large for one link",
        pack + 2
    );
    assert!(
        status.contains(&want) && status.contains("1 added source"),
        "{status}"
    );
    let link = hash(&browser);
    assert!(
        link.contains("&s=first.txt~") && link.contains("&sx=second.txt"),
        "{}",
        &link[..200.min(link.len())]
    );
    assert!(link.len() < claimlens::analysis::share::MAX_LINK);

    // Removing the first makes room for the second.
    press(&browser, "Remove first.txt");
    browser.wait_for(
        &format!(
            "return Math.max(0, document.querySelectorAll('table.mx thead th').length - 1) === {};",
            pack + 1
        ),
        60,
    );
    browser.click(".copy-link");
    let status = browser.wait_for(
        "const t = document.querySelector('.share-status').textContent; \
         return t && !t.includes('not in the link') ? t : null;",
        5,
    );
    assert!(
        status.as_str().unwrap().contains("1 added source"),
        "{status}"
    );
    let link = hash(&browser);
    assert!(
        link.contains("&s=second.txt~") && !link.contains("first.txt"),
        "{}",
        &link[..200.min(link.len())]
    );
}

/// A page's address in "Add a source" is fetched (when its site allows
/// it) and read as Open… reads a page; a site that does not is said,
/// and nothing is added.
#[test]
fn a_source_can_be_added_by_its_address() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let pack = claimlens::analysis::compare::Workspace::for_default_article()
        .sources()
        .len();
    let dir = std::env::temp_dir().join(format!("claimlens-ws-addr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("gazette.html"), GAZETTE).unwrap();
    let open_site = Server::start_on(&dir, "127.0.0.2");
    open_site.add_header("Access-Control-Allow-Origin", "*");
    let closed_site = Server::start_on(&dir, "127.0.0.2");
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(
        &browser,
        &server.url("/?load=addr#v=1&d=sample-istanbul-2025&t=compare"),
    );
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 60);
    let status = |want: &str| {
        browser.wait_for(
            &format!(
                "const s = document.getElementById('cmp-status'); \
                 return s && s.textContent.includes({}) ? [s.textContent, s.dataset.kind] : null;",
                json!(want)
            ),
            30,
        )
    };
    // Refused by its site: said, nothing added.
    browser.js("document.querySelector('.cmp-add').open = true;");
    browser.eval(
        "document.getElementById('cmp-add-text').value = arguments[0];",
        json!([format!("  {}\n", closed_site.url("/gazette.html"))]),
    );
    browser.click(".cmp-add-actions .share-button");
    let got = status("could not be fetched");
    assert_eq!(got[1], json!("error"), "{got}");
    assert_eq!(browser.js(COLUMNS), json!(pack));
    // Allowed: the page's article, named by its headline.
    add_source(&browser, "", &open_site.url("/gazette.html"), pack + 1);
    let got = status("Added Council approves Riverside Park budget");
    assert_eq!(got[1], json!("ok"), "{got}");
    let sources = browser.js("return document.getElementById('cmp-sources').textContent;");
    assert!(
        sources
            .as_str()
            .unwrap()
            .contains("Your document: Council approves Riverside Park budget"),
        "{sources}"
    );
    assert!(open_site
        .requests()
        .iter()
        .any(|r| r.path == "/gazette.html"));
}

/// The bundled article can leave the base for a source of the reader's
/// and come back: as itself, with its reference pack.
#[test]
fn the_bundled_article_becomes_a_source_and_comes_back_with_its_pack() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let sample = claimlens::analysis::default_document();
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
    add_source(&browser, "Valley Times", VALLEY, pack + 1);
    press(&browser, "Make Valley Times the base");
    // No pack for the Valley Times: the sample article is its one source.
    wait_for_workspace(&browser, "Valley Times", 1);
    let h = hash(&browser);
    assert!(
        h.contains(&format!("&s={}~", enc(&sample.title))) && !h.contains("&d="),
        "{h}"
    );
    press(&browser, &format!("Make {} the base", sample.title));
    wait_for_workspace(&browser, &sample.title, pack + 1);
    let h = hash(&browser);
    assert!(
        h.starts_with("#v=1&d=sample-istanbul-2025&t=compare") && h.contains("&s=Valley%20Times~"),
        "{h}"
    );
}

/// A document too long for a link can be the base: links name it by a
/// local id, and this browser keeps it in Recent documents, so the link
/// reopens the same workspace here.
#[test]
fn a_base_too_long_for_a_link_reopens_in_this_browser() {
    claimlens::analysis::frontcode::install_bundled();
    require_app!(true);
    let pack = claimlens::analysis::compare::Workspace::for_default_article()
        .sources()
        .len();
    let server = Server::start(&support::dist_dir());
    let browser = Browser::start(1280, 900);
    support::load_app(
        &browser,
        &server.url("/?load=long#v=1&d=sample-istanbul-2025&t=compare"),
    );
    browser.wait_for("return document.querySelectorAll('.cmp-row').length;", 60);
    add_source(&browser, "big.txt", &gibberish(60_000, 5), pack + 1);
    add_source(&browser, "Valley Times", VALLEY, pack + 2);
    press(&browser, "Make big.txt the base");
    wait_for_workspace(&browser, "big.txt", 2);
    let h = hash(&browser);
    assert!(
        h.contains("&d=local:") && h.contains("&s=Valley%20Times~"),
        "{}",
        &h[..200.min(h.len())]
    );
    let before = browser.js(COMPARE_VIEW);
    support::load_app(&browser, &server.url(&format!("/?load=again{h}")));
    wait_for_workspace(&browser, "big.txt", 2);
    assert_eq!(browser.js(COMPARE_VIEW)["sources"], before["sources"]);
    assert_eq!(browser.js(COMPARE_VIEW)["matrix"], before["matrix"]);
    assert_eq!(
        browser.js("return document.querySelectorAll('.notice').length;"),
        json!(0),
        "{}",
        browser.js("const n = document.querySelector('.notice'); return n && n.textContent;")
    );
}
