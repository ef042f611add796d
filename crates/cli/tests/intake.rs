//! Intake: saved pages, Markdown, bytes and the recent-documents codec.
//!
//! Each page in `tests/fixtures/pages/NAME.html` has `NAME.json` with the
//! expected title, byline, date, site, main-text paragraphs (all must be
//! present, in order, as whole blocks) and boilerplate strings that must not
//! appear. Run with `--nocapture` to see each page's extra blocks:
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/tgt-intake cargo test -p claimlens-cli --test intake -- --nocapture
//! ```

use claimlens_cli::parse_html;
use claimlens_core::intake::{
    add_recent, check_size, decode, decode_recent, encode_recent, extract, intake_bytes,
    intake_text, likely_english, IntakeError, Notice, SourceKind, StoredDoc, Tree, MAX_BYTES,
};
use claimlens_core::BlockKind;
use serde_json::Value as Json;

fn manifest(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn page_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(manifest("tests/fixtures/pages"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".html").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn opt(v: &Json) -> Option<&str> {
    v.as_str()
}

#[test]
fn saved_pages_extract_main_text_and_metadata() {
    let names = page_names();
    assert!(names.len() >= 6, "fixtures: {names:?}");
    let mut failures = Vec::new();
    let (mut expected_words, mut extra_words) = (0usize, 0usize);
    for name in &names {
        let html = std::fs::read(manifest(&format!("tests/fixtures/pages/{name}.html"))).unwrap();
        let want: Json = serde_json::from_str(
            &std::fs::read_to_string(manifest(&format!("tests/fixtures/pages/{name}.json")))
                .unwrap(),
        )
        .unwrap();
        let got = intake_bytes(&format!("{name}.html"), &html, &parse_html).unwrap();
        let doc = &got.document;
        assert_eq!(got.kind, SourceKind::Html);
        let mut check = |what: &str, got: Option<&str>, want: Option<&str>| {
            if got != want {
                failures.push(format!("{name}: {what} = {got:?}, want {want:?}"));
            }
        };
        check("title", Some(doc.title.as_str()), opt(&want["title"]));
        check("byline", doc.byline.as_deref(), opt(&want["byline"]));
        check("date", doc.date.as_deref(), opt(&want["date"]));
        check("site", doc.source.as_deref(), opt(&want["site"]));
        assert!(!doc.title_supplied, "{name}");
        // Every expected paragraph is a whole block, in order.
        let blocks: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
        let mut at = 0;
        let mut matched = vec![false; blocks.len()];
        for p in want["paragraphs"].as_array().unwrap() {
            let p = p.as_str().unwrap();
            expected_words += p.split_whitespace().count();
            let found = blocks[at..]
                .iter()
                .position(|b| *b == p || b.trim_start_matches("• ") == p);
            match found {
                Some(k) => {
                    matched[at + k] = true;
                    at += k + 1;
                }
                None => failures.push(format!("{name}: missing or out of order: {p:?}")),
            }
        }
        for bad in want["absent"].as_array().unwrap() {
            let bad = bad.as_str().unwrap();
            if doc.text.contains(bad) {
                failures.push(format!("{name}: boilerplate present: {bad:?}"));
            }
        }
        let extra: Vec<&&str> = blocks
            .iter()
            .zip(&matched)
            .filter_map(|(b, m)| (!m).then_some(b))
            .collect();
        extra_words += extra
            .iter()
            .map(|b| b.split_whitespace().count())
            .sum::<usize>();
        println!(
            "{name}: {} blocks, {} extra {extra:?}, notices {:?}",
            blocks.len(),
            extra.len(),
            got.notices
        );
        assert!(!got.notices.contains(&Notice::NoArticle), "{name}");
    }
    println!(
        "pages: {} · expected words {expected_words} · extra words {extra_words}",
        names.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Nearly everything kept is article text.
    assert!(
        extra_words * 20 <= expected_words,
        "{extra_words} extra words"
    );
}

#[test]
fn headings_quotes_and_list_items_become_blocks() {
    let html = std::fs::read(manifest("tests/fixtures/pages/blog-post.html")).unwrap();
    let got = intake_bytes("blog-post.html", &html, &parse_html).unwrap();
    let doc = &got.document;
    let kind_of = |t: &str| {
        doc.blocks
            .iter()
            .find(|b| doc.block_text(b).ends_with(t))
            .map(|b| b.kind)
    };
    assert_eq!(
        kind_of("What happened to the returns"),
        Some(BlockKind::Heading(3))
    );
    assert_eq!(kind_of("embarrassed about a fine."), Some(BlockKind::Quote));
    assert_eq!(
        kind_of("The desk became a friendlier place to work."),
        Some(BlockKind::Paragraph)
    );
    assert!(doc
        .text
        .contains("• The desk became a friendlier place to work."));
}

#[test]
fn text_round_trips_through_split_blocks() {
    // A share link carries the text alone: its blocks must come back the same.
    for name in page_names() {
        let html = std::fs::read(manifest(&format!("tests/fixtures/pages/{name}.html"))).unwrap();
        let doc = intake_bytes("p.html", &html, &parse_html).unwrap().document;
        assert_eq!(
            claimlens_core::split_blocks(&doc.text),
            doc.blocks,
            "{name}"
        );
    }
}

#[test]
fn nothing_found_falls_back_to_visible_text() {
    let got = intake_text(
        "x.html",
        "<html><body><nav>Menu</nav><div>Short note</div></body></html>",
        &parse_html,
    )
    .unwrap();
    assert_eq!(got.document.text, "Short note\n");
    assert!(got.notices.contains(&Notice::NoArticle));
    assert!(got.document.title_supplied);
    assert_eq!(got.document.title, "x");
    // A page with no visible text at all has no text to read.
    assert_eq!(
        intake_text(
            "x.html",
            "<html><script>var a = 1;</script></html>",
            &parse_html
        )
        .unwrap_err(),
        IntakeError::NoText
    );
}

#[test]
fn markdown_files() {
    let md = "# Port strike ends\n\nDock workers voted to *accept* the offer, the union said on\nFriday.\n\n## What changes\n\n- Pay rises by 6% this year.\n- Night shifts are capped.\n\n> “It is a fair deal,” said the union’s leader.\n\nSee [the full statement](https://example.org/statement).\n";
    let got = intake_bytes("strike.md", md.as_bytes(), &parse_html).unwrap();
    let doc = &got.document;
    assert_eq!(got.kind, SourceKind::Markdown);
    assert_eq!(doc.title, "Port strike ends");
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, doc.block_text(b)))
        .collect();
    assert_eq!(
        blocks,
        [
            (
                BlockKind::Paragraph,
                "Dock workers voted to accept the offer, the union said on Friday."
            ),
            (BlockKind::Heading(2), "What changes"),
            (BlockKind::Paragraph, "• Pay rises by 6% this year."),
            (BlockKind::Paragraph, "• Night shifts are capped."),
            (
                BlockKind::Quote,
                "“It is a fair deal,” said the union’s leader."
            ),
            (BlockKind::Paragraph, "See the full statement."),
        ]
    );
}

#[test]
fn plain_text_and_pasted_html() {
    let got = intake_text(
        "",
        "Talks resumed on Monday.\n\nThey ended on Tuesday.",
        &parse_html,
    )
    .unwrap();
    assert_eq!(got.kind, SourceKind::Text);
    assert_eq!(got.document.blocks.len(), 2);
    assert!(got.document.title_supplied);
    assert_eq!(got.document.title, "Talks resumed on Monday.");
    // Pasted page source is recognised by its first characters.
    let got = intake_text(
        "",
        "<!DOCTYPE html><title>Talks resume in Geneva | Site</title><p>The talks resumed on Monday, officials said, after a pause.</p>",
        &parse_html,
    )
    .unwrap();
    assert_eq!(got.kind, SourceKind::Html);
    assert_eq!(got.document.title, "Talks resume in Geneva");
}

#[test]
fn bytes_decoding() {
    // UTF-8 BOM stripped.
    let d = decode("a.txt", b"\xEF\xBB\xBFHello.").unwrap();
    assert_eq!((d.text.as_str(), d.replaced), ("Hello.", false));
    // UTF-16 LE and BE with BOM.
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Héllo 😀.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Héllo 😀.".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [le, be] {
        let d = decode("a.txt", &bytes).unwrap();
        assert_eq!(d.text, "Héllo 😀.");
        assert!(!d.replaced);
    }
    // Unpaired surrogate in UTF-16: replaced and flagged.
    let d = decode("a.txt", &[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0]).unwrap();
    assert_eq!(d.text, "a\u{FFFD}b");
    assert!(d.replaced);
    // Invalid UTF-8: replacement characters and a notice.
    let got = intake_bytes(
        "a.txt",
        b"Caf\xE9 au lait was served at the meeting.",
        &parse_html,
    )
    .unwrap();
    assert!(got.document.text.contains("Caf\u{FFFD} au lait"));
    assert_eq!(got.notices.first(), Some(&Notice::Replaced));
    // A page that declares Windows-1252 is read as such.
    let d = decode(
        "old.html",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><p>\x93Caf\xe9\x94 \x96 \x80 5</p>",
    )
    .unwrap();
    assert!(
        d.text.contains("\u{201C}Café\u{201D} \u{2013} € 5"),
        "{}",
        d.text
    );
    assert!(!d.replaced);
    // Empty and blank.
    assert_eq!(decode("a.txt", b"").unwrap_err(), IntakeError::Empty);
    assert_eq!(
        decode("a.txt", b" \r\n\t ").unwrap_err(),
        IntakeError::Empty
    );
    assert_eq!(
        decode("a.txt", b"\xEF\xBB\xBF").unwrap_err(),
        IntakeError::Empty
    );
    // Binary: NUL-heavy, control bytes, magic numbers, refused extensions.
    let mut bin = vec![0u8; 4096];
    bin[..4].copy_from_slice(b"\x7fELF");
    for (name, bytes) in [
        ("a.bin", bin.as_slice()),
        (
            "a.txt",
            b"ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" as &[u8],
        ),
        ("report.txt", b"%PDF-1.7\n..."),
        ("x", b"\x89PNG\r\n\x1a\n...."),
        ("report.pdf", b"whatever"),
        ("book.docx", b"whatever"),
    ] {
        match decode(name, bytes) {
            Err(IntakeError::Unsupported { what }) => {
                assert!(!what.is_empty());
                let msg = IntakeError::Unsupported { what }.to_string();
                assert!(msg.contains(".txt, .md or .html"), "{msg}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // Kinds by extension and by sniffing.
    assert_eq!(decode("a.HTM", b"<p>x</p>").unwrap().kind, SourceKind::Html);
    assert_eq!(
        decode("a.markdown", b"# x").unwrap().kind,
        SourceKind::Markdown
    );
    assert_eq!(
        decode("saved", b"\n  <!DOCTYPE HTML><p>x").unwrap().kind,
        SourceKind::Html
    );
    assert_eq!(
        decode("a.txt", b"<html><p>x").unwrap().kind,
        SourceKind::Html
    );
    assert_eq!(
        decode("a.txt", b"x < y, and <html> later").unwrap().kind,
        SourceKind::Text
    );
}

#[test]
fn size_limit_is_checked_before_reading() {
    assert_eq!(check_size(MAX_BYTES), Ok(()));
    let too_big = MAX_BYTES + 1;
    let err = check_size(too_big).unwrap_err();
    assert_eq!(err, IntakeError::TooLarge { bytes: too_big });
    assert!(err.to_string().contains("50 MB"), "{err}");
    assert!(check_size(5 * 1024 * 1024 * 1024).is_err());
}

#[test]
fn english_check_gives_a_notice() {
    let fr = "Le gouvernement a annoncé lundi que les négociations reprendraient la semaine prochaine à Genève, selon un communiqué publié par le ministère des affaires étrangères.";
    let got = intake_text("", fr, &parse_html).unwrap();
    assert!(got.notices.contains(&Notice::NotEnglish));
    assert_eq!(got.document.language, "und");
    assert!(Notice::NotEnglish.message().contains("English"));
    let en = "The government announced on Monday that the negotiations would resume next week in Geneva, according to a statement from the foreign ministry.";
    let got = intake_text("", en, &parse_html).unwrap();
    assert!(got.notices.is_empty());
    assert_eq!(got.document.language, "en");
    assert!(likely_english(en) && !likely_english(fr));
}

fn stored(id: &str, saved_at: u64, text: &str) -> StoredDoc {
    StoredDoc {
        id: id.into(),
        title: format!("Title of {id}"),
        kind: SourceKind::Text,
        saved_at,
        byline: (saved_at % 2 == 0).then(|| "Ana Ruiz".to_string()),
        date: Some("2024-01-01".into()),
        site: None,
        text: text.into(),
    }
}

#[test]
fn recent_documents_skip_corrupt_entries() {
    let docs = vec![
        stored("a", 3, "First\tdoc\nwith \\ odd characters 😀"),
        stored("b", 2, "Second doc."),
        stored("c", 1, "Third doc."),
    ];
    let s = encode_recent(&docs);
    assert_eq!(decode_recent(&s).entries, docs);
    // Damage the middle entry's text: it alone is skipped.
    let bad = s.replace("Second doc.", "Second dog.");
    let back = decode_recent(&bad);
    assert_eq!(back.skipped, 1);
    assert_eq!(
        back.entries
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>(),
        ["a", "c"]
    );
    // Truncation (a quota cut) loses only the last entry.
    let cut = &s[..s.len() - 4];
    let back = decode_recent(cut);
    assert_eq!((back.entries.len(), back.skipped), (2, 1));
    // Garbage lines, a bad escape, an unknown kind.
    let junk = format!("{s}garbage\n0\t0\t\t\t\t\t\t\t\t\nzz\t1\tx\\q\ttext\t1\tt\t\t\t\tx\n");
    let back = decode_recent(&junk);
    assert_eq!((back.entries.len(), back.skipped), (3, 3));
    // Another format entirely.
    let back = decode_recent("[{\"id\": 1}]\nmore");
    assert_eq!((back.entries.len(), back.skipped), (0, 2));
    assert_eq!(decode_recent(""), Default::default());
}

#[test]
fn recent_documents_reopen_with_metadata() {
    let html = std::fs::read(manifest("tests/fixtures/pages/news-full.html")).unwrap();
    let doc = intake_bytes("news.html", &html, &parse_html)
        .unwrap()
        .document;
    let s = encode_recent(&[StoredDoc::from_document(&doc, SourceKind::Html, 7)]);
    let back = decode_recent(&s).entries.remove(0).to_document();
    assert_eq!(
        (
            &back.id,
            &back.title,
            &back.byline,
            &back.date,
            &back.source,
            &back.text,
            &back.blocks
        ),
        (
            &doc.id,
            &doc.title,
            &doc.byline,
            &doc.date,
            &doc.source,
            &doc.text,
            &doc.blocks
        )
    );
}

#[test]
fn recent_documents_evict_oldest_to_fit() {
    let mut list = Vec::new();
    let body = "x".repeat(1000);
    for i in 0..5u64 {
        let evicted = add_recent(&mut list, stored(&format!("d{i}"), 100 + i, &body), 3500);
        assert!(encode_recent(&list).len() <= 3500);
        if i >= 3 {
            assert_eq!(evicted, [format!("d{}", i - 3)]);
        }
    }
    assert_eq!(
        list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["d4", "d3", "d2"]
    );
    // Re-adding an id replaces it and moves it to the front.
    add_recent(&mut list, stored("d2", 200, "new"), 3500);
    assert_eq!(list[0].text, "new");
    assert_eq!(list.len(), 3);
    // A document larger than the cap is not stored; nothing else is lost.
    let evicted = add_recent(&mut list, stored("huge", 300, &"y".repeat(5000)), 3500);
    assert_eq!(evicted, ["huge"]);
    assert_eq!(list.len(), 3);
}

#[test]
fn tree_built_by_hand_matches_parser() {
    // The browser's walker builds the same tree with open/attr/text/close.
    let mut t = Tree::new();
    t.open("html");
    t.open("body");
    t.open("article");
    t.open("p");
    t.text("The committee met on Monday, and it agreed the budget, after a long debate.");
    t.close();
    t.close();
    t.open("div");
    t.attr("class", "comments");
    t.open("p");
    t.text("What a waste of money, as always, and nobody asked us, again and again.");
    t.close();
    t.close();
    t.close();
    t.close();
    let ex = extract(&t);
    let parsed = extract(&parse_html(
        "<article><p>The committee met on Monday, and it agreed the budget, after a long debate.</p></article><div class=comments><p>What a waste of money, as always, and nobody asked us, again and again.</p></div>",
    ));
    assert_eq!(ex.text, parsed.text);
    assert_eq!(
        ex.text,
        "The committee met on Monday, and it agreed the budget, after a long debate.\n"
    );
}

/// A file in `../shared`, or `None` (with a note) in a clone without it.
fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = std::path::PathBuf::from(manifest("../shared")).join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!("skipped: ../shared not present");
        None
    }
}

#[test]
fn hostile_pages_and_strings() {
    let safe =
        "The committee met on Monday, and it agreed the budget, after a long and careful debate.";
    if let Some(x) = shared("data/hostile/xss-payloads/xss-payload-list.txt") {
        let all = String::from_utf8_lossy(&std::fs::read(x).unwrap()).into_owned();
        for line in all.lines() {
            let page = format!(
                "<!doctype html><title>T</title><article><p>{safe}</p><div>{line}</div></article>"
            );
            let got = intake_text("p.html", &page, &parse_html).unwrap();
            assert!(got.document.text.contains(safe), "{line}");
            let _ = intake_text("p.md", line, &parse_html);
        }
        // The whole list as one page.
        let _ = intake_text("all.html", &all, &parse_html);
    }
    if let Some(p) = shared("data/hostile/naughty-strings/blns.base64.json") {
        let list: Json = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        for item in list.as_array().unwrap() {
            let b = item.as_str().unwrap().replace('+', "-").replace('/', "_");
            let bytes = claimlens_core::share::base64url_decode(&b).unwrap();
            for name in ["a.txt", "a.md", "a.html", ""] {
                let _ = intake_bytes(name, &bytes, &parse_html);
            }
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Operations a walker might send, including unbalanced ones.
    fn op() -> impl Strategy<Value = (u8, String, String)> {
        let tags = prop::sample::select(vec![
            "div",
            "p",
            "a",
            "br",
            "h2",
            "li",
            "ul",
            "nav",
            "article",
            "script",
            "span",
            "blockquote",
            "meta",
            "title",
            "section",
            "footer",
            "td",
        ]);
        (0u8..5, tags.prop_map(str::to_string), ".{0,40}")
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 300,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn extraction_never_panics_on_arbitrary_trees(ops in prop::collection::vec(op(), 0..120)) {
            let mut t = Tree::new();
            for (kind, tag, s) in &ops {
                match kind {
                    0 => t.open(tag),
                    1 => t.close(),
                    2 => t.text(s),
                    3 => t.attr(if s.len() % 2 == 0 { "class" } else { "content" }, s),
                    _ => { t.open("meta"); t.attr("property", "og:title"); t.attr("content", s); t.close(); }
                }
            }
            let ex = extract(&t);
            prop_assert!(claimlens_core::split_blocks(&ex.text).iter().all(|b| b.span.end <= ex.text.len()));
        }

        #[test]
        fn intake_never_panics_on_arbitrary_strings(s in ".{0,300}", name in prop::sample::select(vec!["a.html", "a.md", "a.txt", ""])) {
            let _ = intake_text(name, &s, &parse_html);
            let _ = intake_bytes(name, s.as_bytes(), &parse_html);
        }

        #[test]
        fn intake_never_panics_on_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = intake_bytes("a.txt", &b, &parse_html);
            let _ = intake_bytes("a.html", &b, &parse_html);
        }

        #[test]
        fn recent_codec_round_trips(texts in prop::collection::vec(".{0,60}", 0..5), title in ".{0,20}") {
            let docs: Vec<StoredDoc> = texts.iter().enumerate().map(|(i, t)| StoredDoc {
                id: format!("d{i}"), title: title.clone(), kind: SourceKind::Markdown, saved_at: i as u64,
                byline: Some(title.clone()).filter(|t| !t.is_empty()), date: None, site: Some("S\tx".into()), text: t.clone(),
            }).collect();
            let back = decode_recent(&encode_recent(&docs));
            prop_assert_eq!(back.entries, docs);
            prop_assert_eq!(back.skipped, 0);
        }

        #[test]
        fn recent_decode_never_panics(s in ".{0,200}") {
            let _ = decode_recent(&s);
            let _ = decode_recent(&format!("claimlens-recent v1\n{s}"));
        }
    }
}

#[test]
fn headlines_bylines_and_datelines_at_the_top_are_metadata() {
    // A headline line: the title, not repeated in the text, not "supplied".
    let got = intake_text(
        "",
        "Harbour bridge reopens\nBy Anna Schmidt | 2 March 2026\n\nThe bridge reopened on Monday.\n",
        &parse_html,
    )
    .unwrap();
    let doc = &got.document;
    assert_eq!(doc.title, "Harbour bridge reopens");
    assert!(!doc.title_supplied);
    assert_eq!(doc.byline.as_deref(), Some("Anna Schmidt"));
    assert_eq!(doc.date.as_deref(), Some("2 March 2026"));
    assert_eq!(doc.text, "The bridge reopened on Monday.\n");
    // An agency byline and a dateline alone on their lines.
    let got = intake_text(
        "",
        "Anna Schmidt, Reuters\nMonday, 2 March 2026\nThe bridge reopened on Monday, officials said.\n",
        &parse_html,
    )
    .unwrap();
    let doc = &got.document;
    assert_eq!(doc.byline.as_deref(), Some("Anna Schmidt, Reuters"));
    assert_eq!(doc.date.as_deref(), Some("Monday, 2 March 2026"));
    assert!(doc.title_supplied);
    assert_eq!(doc.text, "The bridge reopened on Monday, officials said.\n");
    // Markdown: "By **X** | date" is a byline, never a heading.
    let got = intake_bytes(
        "vote.md",
        b"# Council vote\n\nBy **Anna Schmidt** | 2 March 2026\n\nThe council voted 7 to 2.\n",
        &parse_html,
    )
    .unwrap();
    let doc = &got.document;
    assert_eq!(doc.title, "Council vote");
    assert_eq!(doc.byline.as_deref(), Some("Anna Schmidt"));
    assert_eq!(doc.date.as_deref(), Some("2 March 2026"));
    assert!(doc
        .blocks
        .iter()
        .all(|b| !matches!(b.kind, BlockKind::Heading(_))));
    // A Markdown file without a heading takes its headline line the same way.
    let got = intake_bytes(
        "notes.md",
        b"Port strike ends\n\nDock workers voted to accept the offer.\n",
        &parse_html,
    )
    .unwrap();
    assert_eq!(got.document.title, "Port strike ends");
    assert!(!got.document.title_supplied);
}

#[test]
fn a_saved_page_keeps_its_address_canonical_first() {
    let page = |head: &str| {
        format!("<html><head>{head}<title>Talks resume</title></head><body><article><p>The talks resumed on Monday in Geneva, officials said, after a pause of two weeks.</p></article></body></html>")
    };
    let url = |head: &str| {
        intake_text("p.html", &page(head), &parse_html)
            .unwrap()
            .document
            .url
    };
    assert_eq!(
        url(r#"<link rel="canonical" href="https://news.example/talks"><meta property="og:url" content="https://m.news.example/talks">"#).as_deref(),
        Some("https://news.example/talks")
    );
    assert_eq!(
        url(r#"<meta property="og:url" content="https://news.example/og">"#).as_deref(),
        Some("https://news.example/og")
    );
    // Only absolute http(s) addresses.
    assert_eq!(
        url(r#"<link rel="canonical" href="javascript:alert(1)">"#),
        None
    );
    assert_eq!(url(r#"<link rel="canonical" href="/talks">"#), None);
    assert_eq!(url(""), None);
    // Text has no address.
    assert_eq!(
        intake_text("", "Talks resumed on Monday.", &parse_html)
            .unwrap()
            .document
            .url,
        None
    );
}
