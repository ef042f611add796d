//! The application core, driven event by event: every source, stale
//! answers dropped, failures.

use super::*;
use crate::intake::{intake_text, SourceKind, Tree};
use crate::share::{decode, encode_with, pack_text, DocRef, Tab, ViewState};
use crate::{DEFAULT_ID, DEFAULT_TITLE};

/// A case of a table: what it is, the events, the effects of each.
type Case<'a, W> = (&'a str, Vec<Event>, Vec<Vec<W>>);

/// What an effect is, in a word, for the tables.
fn kind(e: &Effect) -> String {
    match e {
        Effect::Fetch { ticket, url } => format!("fetch#{ticket} {url}"),
        Effect::Intake { ticket, name, .. } => format!("intake#{ticket} {name}"),
        Effect::FindLocal {
            ticket,
            fingerprint,
        } => format!("find#{ticket} {fingerprint}"),
        Effect::Remember { ticket, doc } => format!("remember#{ticket} {}", doc.title),
        Effect::Analyse { ticket, doc } => format!("analyse#{ticket} {}", doc.title),
        Effect::AnalyseInPieces { ticket, doc } => format!("pieces#{ticket} {}", doc.title),
        Effect::Pack { ticket, doc } => format!("pack#{ticket} {}", doc.title),
        Effect::Mount(o) => format!("mount {}", o.doc.title),
        Effect::Notify(m) => format!("notify {m}"),
        Effect::Fatal(m) => format!("fatal {m}"),
        Effect::WriteHistory { link, push } => {
            format!("{} #{link}", if *push { "push" } else { "replace" })
        }
    }
}

/// Feed `events` in order; the effects of each, in words.
fn run(state: &mut State, events: Vec<Event>) -> Vec<Vec<String>> {
    events
        .into_iter()
        .map(|e| update(state, e).iter().map(kind).collect())
        .collect()
}

/// The mounted opening among `effects`, if any.
fn mounted(effects: Vec<Effect>) -> Option<Opening> {
    effects.into_iter().find_map(|e| match e {
        Effect::Mount(o) => Some(*o),
        _ => None,
    })
}

fn doc(title: &str, text: &str) -> Document {
    Document::from_plain_text("doc-test", title, text)
}

fn analysed(ticket: Ticket) -> Event {
    Event::Analysed {
        ticket,
        analysis: Analysis::default(),
    }
}

fn packed(ticket: Ticket) -> Event {
    Event::Packed {
        ticket,
        link_doc: Ok(LinkDoc::Packed("x".into())),
    }
}

fn no_parse(_: &str) -> Tree {
    Tree::new()
}

fn took(ticket: Option<Ticket>, text: &str) -> Event {
    Event::Took {
        ticket,
        taken: taken(intake_text("notes.txt", text, &no_parse), String::new(), 1),
    }
}

/// A link carrying a document titled `title`.
fn carrying(title: &str, text: &str) -> Decoded {
    let state = ViewState {
        doc: DocRef::Inline {
            title: Some(title.into()),
            text: String::new(),
        },
        ..ViewState::default()
    };
    decode(&encode_with(&state, Some(&pack_text(text)), &[]))
}

fn link_to(doc: DocRef) -> Decoded {
    let state = ViewState {
        doc,
        ..ViewState::default()
    };
    decode(&encode_with(&state, None, &[]))
}

/// Each source, from its first event to the viewer: the effects of each
/// event in turn.
#[test]
fn every_source_opens_a_viewer() {
    // Long enough to be analysed in pieces, and too long to travel in a link.
    let long =
        "Delegates met again. ".repeat(CHUNKED_ABOVE.max(6 * crate::share::MAX_LINK) / 20 + 1);
    let carried = "Ministers met in Geneva on Friday.";
    let carried_link = carrying("Geneva", carried);
    let analyse_sample = format!("analyse#1 {DEFAULT_TITLE}");
    let mount_sample = format!("mount {DEFAULT_TITLE}");
    let table: Vec<Case<&str>> = vec![
        (
            "the bundled article (a page opened without a link)",
            vec![Event::Link(Box::new(decode(""))), analysed(1)],
            vec![vec![&*analyse_sample], vec![&*mount_sample]],
        ),
        (
            "a document carried in a link: already packed, only analysed",
            vec![Event::Link(Box::new(carried_link)), analysed(1)],
            vec![vec!["analyse#1 Geneva"], vec!["mount Geneva"]],
        ),
        (
            "a local id kept in Recent documents",
            vec![
                Event::Link(Box::new(link_to(local_ref(0xab)))),
                Event::FoundLocal {
                    ticket: 1,
                    doc: Some(doc("Kept", "A kept text.")),
                },
                analysed(1),
                packed(1),
            ],
            vec![
                vec!["find#1 00000000000000ab"],
                vec!["analyse#1 Kept"],
                vec!["pack#1 Kept"],
                vec!["mount Kept"],
            ],
        ),
        (
            "a local id this browser does not have: the sample article",
            vec![
                Event::Link(Box::new(link_to(local_ref(0xab)))),
                Event::FoundLocal {
                    ticket: 1,
                    doc: None,
                },
                analysed(1),
            ],
            vec![
                vec!["find#1 00000000000000ab"],
                vec![&*analyse_sample],
                vec![&*mount_sample],
            ],
        ),
        (
            "pasted text or a file: kept in Recent documents first",
            vec![
                took(None, "Talks resumed on Monday."),
                Event::Remembered {
                    ticket: 1,
                    outcome: Remembered::Kept(Vec::new()),
                },
                analysed(1),
                packed(1),
            ],
            vec![
                vec!["remember#1 notes"],
                vec!["analyse#1 notes"],
                vec!["pack#1 notes"],
                vec!["mount notes"],
            ],
        ),
        (
            "a ?src= page, once the reader confirms",
            vec![
                Event::FetchConfirmed("https://example.org/news/story".into()),
                Event::Fetched {
                    ticket: 1,
                    text: Some("<p>Talks resumed.</p>".into()),
                },
                took(Some(1), "Talks resumed."),
                Event::Remembered {
                    ticket: 1,
                    outcome: Remembered::Kept(Vec::new()),
                },
                analysed(1),
                packed(1),
            ],
            vec![
                vec![
                    "notify Fetching https://example.org/news/story…",
                    "fetch#1 https://example.org/news/story",
                ],
                vec!["intake#1 story.html"],
                vec!["remember#1 notes"],
                vec!["analyse#1 notes"],
                vec!["pack#1 notes"],
                vec!["mount notes"],
            ],
        ),
        (
            "an import that came analysed: only packed",
            vec![
                Event::Open(Box::new(Opening {
                    analysis: Some(Analysis::default()),
                    ..Opening::document(doc("Imported", "An imported text."))
                })),
                packed(1),
            ],
            vec![vec!["pack#1 Imported"], vec!["mount Imported"]],
        ),
        (
            "a long document: analysed in pieces, named by a local id",
            vec![
                Event::Open(Box::new(Opening::document(doc("Long", &long)))),
                analysed(1),
            ],
            vec![vec!["pieces#1 Long"], vec!["mount Long"]],
        ),
    ];
    for (what, events, want) in table {
        let got = run(&mut State::default(), events);
        let want: Vec<Vec<String>> = want
            .into_iter()
            .map(|v| v.into_iter().map(String::from).collect())
            .collect();
        assert_eq!(got, want, "{what}");
    }
}

/// A later request wins: every answer to an earlier one is dropped.
#[test]
fn stale_answers_are_dropped() {
    let first = || Event::Open(Box::new(Opening::document(doc("First", "One."))));
    let second = || Event::Open(Box::new(Opening::document(doc("Second", "Two."))));
    let table: Vec<Case<&str>> = vec![
        (
            "an analysis that ends after another document was asked for",
            vec![first(), second(), analysed(1), analysed(2), packed(2)],
            vec![
                vec!["analyse#1 First"],
                vec!["analyse#2 Second"],
                vec![],
                vec!["pack#2 Second"],
                vec!["mount Second"],
            ],
        ),
        (
            "packing that ends after another document was asked for",
            vec![first(), analysed(1), second(), packed(1)],
            vec![
                vec!["analyse#1 First"],
                vec!["pack#1 First"],
                vec!["analyse#2 Second"],
                vec![],
            ],
        ),
        (
            "a fetch answered after the reader pasted text",
            vec![
                Event::FetchConfirmed("https://example.org/a.html".into()),
                took(None, "Pasted."),
                Event::Fetched {
                    ticket: 1,
                    text: None,
                },
            ],
            vec![
                vec![
                    "notify Fetching https://example.org/a.html…",
                    "fetch#1 https://example.org/a.html",
                ],
                vec!["remember#2 notes"],
                vec![],
            ],
        ),
        (
            "a failure of an earlier request",
            vec![
                first(),
                second(),
                Event::Failed {
                    ticket: Some(1),
                    message: "lost".into(),
                },
            ],
            vec![vec!["analyse#1 First"], vec!["analyse#2 Second"], vec![]],
        ),
        (
            "a local document found after back / forward moved on",
            vec![
                Event::Link(Box::new(link_to(local_ref(1)))),
                first(),
                Event::FoundLocal {
                    ticket: 1,
                    doc: Some(doc("Kept", "Kept.")),
                },
            ],
            vec![
                vec!["find#1 0000000000000001"],
                vec!["analyse#2 First"],
                vec![],
            ],
        ),
        (
            "a cancelled analysis in pieces of an earlier request",
            vec![first(), second(), Event::Cancelled { ticket: 1 }],
            vec![vec!["analyse#1 First"], vec!["analyse#2 Second"], vec![]],
        ),
    ];
    for (what, events, want) in table {
        let got = run(&mut State::default(), events);
        let want: Vec<Vec<String>> = want
            .into_iter()
            .map(|v| v.into_iter().map(String::from).collect())
            .collect();
        assert_eq!(got, want, "{what}");
    }
}

/// Failures: at start the sample article opens once with the message;
/// then the failure is fatal; once a viewer is up, it is said in it.
#[test]
fn failures_fall_back_once_then_are_said() {
    let fail = |ticket| Event::Failed {
        ticket,
        message: "This part of claimlens could not be loaded.".into(),
    };
    let table: Vec<Case<String>> = vec![
        (
            "the engine fails at start: the sample article, then fatal",
            vec![
                Event::Link(Box::new(carrying("T", "Text."))),
                fail(Some(1)),
                fail(Some(2)),
            ],
            vec![
                vec!["analyse#1 T".into()],
                vec![format!("analyse#2 {DEFAULT_TITLE}")],
                vec!["fatal This part of claimlens could not be loaded.".into()],
            ],
        ),
        (
            "a tab's chunk fails with a viewer up: said there",
            vec![Event::Link(Box::new(decode(""))), analysed(1), fail(None)],
            vec![
                vec![format!("analyse#1 {DEFAULT_TITLE}")],
                vec![format!("mount {DEFAULT_TITLE}")],
                vec!["notify This part of claimlens could not be loaded.".into()],
            ],
        ),
        (
            "an intake that fails: the open document stays",
            vec![
                Event::Link(Box::new(decode(""))),
                analysed(1),
                took(None, "   "),
            ],
            vec![
                vec![format!("analyse#1 {DEFAULT_TITLE}")],
                vec![format!("mount {DEFAULT_TITLE}")],
                vec!["notify The file is empty: there is no text to analyse. The document you had open stays open.".into()],
            ],
        ),
        (
            "a fetch that fails",
            vec![
                Event::FetchConfirmed("https://example.org/a.html".into()),
                Event::Fetched { ticket: 1, text: None },
            ],
            vec![
                vec![
                    "notify Fetching https://example.org/a.html…".into(),
                    "fetch#1 https://example.org/a.html".into(),
                ],
                vec!["notify https://example.org/a.html could not be fetched: the site does not allow other pages to read it (CORS), or it is unreachable. Save the page from your browser (Ctrl+S / ⌘S) and open the file here instead.".into()],
            ],
        ),
        (
            "a cancelled analysis in pieces",
            vec![
                Event::Open(Box::new(Opening::document(doc(
                    "Long",
                    &"Word. ".repeat(CHUNKED_ABOVE / 6 + 1),
                )))),
                Event::Cancelled { ticket: 1 },
            ],
            vec![
                vec!["pieces#1 Long".into()],
                vec!["notify Analysis of “Long” cancelled. The document you had open stays open.".into()],
            ],
        ),
    ];
    for (what, events, want) in table {
        assert_eq!(run(&mut State::default(), events), want, "{what}");
    }
}

/// What the viewer is given: the notices gathered on the way, the link
/// and how links name the document.
#[test]
fn the_opening_carries_what_to_say() {
    let mut s = State::default();
    update(&mut s, Event::Link(Box::new(decode("v=1&d=nothing-here"))));
    let o = mounted(update(&mut s, analysed(1))).expect("mounted");
    assert_eq!(o.doc.id, DEFAULT_ID);
    assert!(!o.push, "a link replaces the history entry");
    assert_eq!(o.link_doc.as_deref(), Some(&LinkDoc::Bundled));
    let problems = &o.link.as_ref().expect("link").problems;
    assert!(problems[0].contains("no document called \"nothing-here\""));

    // A missing local document: the default view, and why.
    let mut s = State::default();
    let mut link = link_to(local_ref(7));
    link.state.meta.title = Some("Report".into());
    update(&mut s, Event::Link(Box::new(link)));
    update(
        &mut s,
        Event::FoundLocal {
            ticket: 1,
            doc: None,
        },
    );
    let o = mounted(update(&mut s, analysed(1))).expect("mounted");
    let link = o.link.expect("link");
    assert_eq!(link.state, ViewState::default());
    assert!(link.problems[0].contains("(“Report”)"));

    // Intake notices, the eviction notice, what worked; a packing failure.
    let mut s = State::default();
    update(
        &mut s,
        Event::Took {
            ticket: None,
            taken: taken(
                intake_text("a.txt", "Talks \u{FFFD} resumed.", &no_parse).map(|mut g| {
                    g.notices.push(crate::intake::Notice::NoArticle);
                    g
                }),
                "Opened the page.".into(),
                5,
            ),
        },
    );
    update(
        &mut s,
        Event::Remembered {
            ticket: 1,
            outcome: Remembered::Kept(vec!["Old".into()]),
        },
    );
    update(&mut s, analysed(1));
    let o = mounted(update(
        &mut s,
        Event::Packed {
            ticket: 1,
            link_doc: Err("could not pack".into()),
        },
    ))
    .expect("mounted");
    assert!(o.push, "a document the reader opened gets a history entry");
    assert_eq!(o.done, "Opened the page.");
    assert_eq!(
        o.notices,
        vec![
            crate::intake::Notice::NoArticle.message().to_string(),
            "Older documents were removed from Recent documents to make room: Old.".into(),
            "could not pack".into(),
        ]
    );
    assert!(matches!(o.link_doc.as_deref(), Some(LinkDoc::TooLong(_))));
}

/// Keeping a document in Recent documents: evictions by title, and one
/// too large to keep.
#[test]
fn remember_says_what_was_evicted() {
    let stored = |id: &str, title: &str, at: u64, len: usize| StoredDoc {
        id: id.into(),
        title: title.into(),
        kind: SourceKind::Text,
        saved_at: at,
        byline: None,
        date: None,
        site: None,
        text: "x".repeat(len),
    };
    let third = MAX_STORE_BYTES / 3;
    let mut list = vec![stored("doc-a", "A", 1, third)];
    assert_eq!(
        remember(&mut list, stored("doc-b", "B", 2, third)),
        Remembered::Kept(Vec::new())
    );
    assert_eq!(list.len(), 2);
    assert_eq!(
        remember(&mut list, stored("doc-c", "C", 3, MAX_STORE_BYTES / 2)),
        Remembered::Kept(vec!["A".into()])
    );
    assert_eq!(
        remember(&mut list, stored("doc-d", "D", 4, MAX_STORE_BYTES)),
        Remembered::TooLarge
    );
}

/// The links' local ids and the file name a fetched page is read as.
#[test]
fn local_ids_and_fetched_names() {
    let link = link_to(local_ref(0xfeed));
    assert_eq!(local_id(&link), Some("000000000000feed"));
    assert_eq!(local_id(&decode("")), None);
    for (url, name) in [
        ("https://example.org/news/story", "story.html"),
        ("https://example.org/a/page.htm", "page.htm"),
        ("https://example.org/", ".html"),
    ] {
        assert_eq!(file_name(url), name, "{url}");
    }
}

/// The view at `place`, named by the fragment `link`, while the address
/// has `here`.
fn viewed(place: Place, link: &str, here: &str) -> Event {
    Event::Viewed(Box::new(Viewed {
        place,
        link: link.into(),
        here: here.into(),
        pristine: false,
    }))
}

/// The history the address bar keeps: a new entry for a document the
/// reader opened and for each new place (pin, claim, tab, passages), the
/// same entry for filters, nothing when the address already says it.
#[test]
fn views_write_the_history() {
    let start = Place {
        pinned: None,
        claim: None,
        tab: Tab::Entities,
        passages: 0,
    };
    let pinned = Place {
        pinned: Some(2),
        ..start
    };
    let claims = Place {
        tab: Tab::Claims,
        ..pinned
    };
    let marked = Place {
        passages: 1,
        ..start
    };
    let opened = || -> Vec<Event> {
        vec![
            Event::Open(Box::new(Opening::document(doc("Notes", "Talks resumed.")))),
            analysed(1),
            packed(1),
        ]
    };
    let linked = || -> Vec<Event> { vec![Event::Link(Box::new(decode("v=1"))), analysed(1)] };
    let pristine = Event::Viewed(Box::new(Viewed {
        place: start,
        link: "v=1".into(),
        here: String::new(),
        pristine: true,
    }));
    let table: Vec<Case<&str>> = vec![
        (
            "a document the reader opened: its first address is a new entry",
            vec![viewed(start, "a", "b")],
            vec![vec!["push #a"]],
        ),
        (
            "a new place is a new entry; a filter replaces it",
            vec![
                viewed(start, "a", "b"),
                viewed(pinned, "p", "a"),
                viewed(pinned, "p-filtered", "p"),
                viewed(claims, "c", "p-filtered"),
                viewed(marked, "m", "c"),
            ],
            vec![
                vec!["push #a"],
                vec!["push #p"],
                vec!["replace #p-filtered"],
                vec!["push #c"],
                vec!["push #m"],
            ],
        ),
        (
            "the address already names the view: nothing written, the place kept",
            vec![viewed(start, "a", "a"), viewed(start, "f", "a")],
            vec![vec![], vec!["replace #f"]],
        ),
    ];
    for (what, events, want) in table {
        let mut s = State::default();
        run(&mut s, opened());
        assert_eq!(run(&mut s, events), want, "{what}");
    }

    // Opened by a link: its first address replaces the entry (back leaves
    // the page as before); an untouched default view keeps the bare address.
    let mut s = State::default();
    run(&mut s, linked());
    assert_eq!(
        run(
            &mut s,
            vec![
                pristine,
                viewed(start, "a", "v=1"),
                viewed(pinned, "p", "a")
            ]
        ),
        vec![vec![], vec!["replace #a"], vec!["push #p"]]
    );

    // A viewer opened next starts its history afresh.
    let mut s = State::default();
    run(&mut s, opened());
    run(&mut s, vec![viewed(pinned, "p", "")]);
    run(
        &mut s,
        linked()
            .into_iter()
            .map(|e| match e {
                Event::Analysed { analysis, .. } => Event::Analysed {
                    ticket: 2,
                    analysis,
                },
                e => e,
            })
            .collect(),
    );
    assert_eq!(
        run(&mut s, vec![viewed(pinned, "q", "p")]),
        vec![vec!["replace #q"]]
    );

    // Before any viewer is mounted, nothing is written.
    let mut s = State::default();
    assert_eq!(
        run(&mut s, vec![viewed(start, "a", "")]),
        vec![Vec::<String>::new()]
    );
}
