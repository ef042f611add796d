//! Bring your own article: paste it, open a file, drop one on the page, or
//! name a page with `?src=` (fetched once the reader confirms) — then the
//! recent documents, kept in this browser only.
//!
//! Text, Markdown and saved web pages go through the pure intake in
//! [`crate::analysis::intake`]. HTML is parsed by the browser's `DOMParser`,
//! which runs no script and fetches nothing, and walked into a
//! [`crate::analysis::intake::Tree`]. Whatever fails, the document that
//! was open stays open and a message says why.
//!
//! Only the Open… button and the page-wide drop listener are part of the
//! first download; the panel, the intake and the recent documents come from
//! the `intake` chunk ([`super::lazy`]) the first time they are needed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{chosen_file, next_turn};
use super::events;
use super::state::ViewCtx;
use crate::analysis::app::{self, Event, Opening, Remembered, Ticket};
use crate::analysis::chunked::CHUNKED_ABOVE;
use crate::analysis::intake::{
    check_size, decode_recent, encode_recent, intake_text, prepare_bytes, Intake, IntakeError,
    Prepared, StoredDoc, Tree, KEPT_ATTRS,
};

/// The `localStorage` key of the recent documents.
const RECENT_KEY: &str = "claimlens.recent";

/// Parse HTML with the browser's `DOMParser` (inert: no script runs, nothing
/// is fetched) and walk it into a [`Tree`].
pub fn html_to_tree(html: &str) -> Tree {
    let mut tree = Tree::new();
    let Some(doc) = web_sys::DomParser::new().ok().and_then(|p| {
        p.parse_from_string(html, web_sys::SupportedType::TextHtml)
            .ok()
    }) else {
        return tree;
    };
    let Some(root) = doc.document_element() else {
        return tree;
    };
    // Depth-first, without recursion: (node, entering).
    let mut stack: Vec<(web_sys::Node, bool)> = vec![(root.unchecked_into(), true)];
    while let Some((node, entering)) = stack.pop() {
        if !entering {
            tree.close();
            continue;
        }
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let el: &web_sys::Element = node.unchecked_ref();
                tree.open(&el.local_name());
                for name in KEPT_ATTRS {
                    if let Some(v) = el.get_attribute(name) {
                        tree.attr(name, &v);
                    }
                }
                stack.push((node.clone(), false));
                // Children pushed last-first so they pop in order.
                let kids = node.child_nodes();
                for i in (0..kids.length()).rev() {
                    if let Some(k) = kids.item(i) {
                        stack.push((k, true));
                    }
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                if let Some(t) = node.node_value() {
                    tree.text(&t);
                }
            }
            _ => {}
        }
    }
    tree
}

/// The recent documents stored in this browser, and how many were damaged.
fn load_recent() -> (Vec<StoredDoc>, usize) {
    let stored = storage().and_then(|s| s.get_item(RECENT_KEY).ok().flatten());
    match stored {
        Some(s) => {
            let list = decode_recent(&s);
            (list.entries, list.skipped)
        }
        None => (Vec::new(), 0),
    }
}

fn save_recent(docs: &[StoredDoc]) -> bool {
    storage().is_some_and(|s| s.set_item(RECENT_KEY, &encode_recent(docs)).is_ok())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Forget every recent document: the key goes from `localStorage`.
fn clear_recent() -> bool {
    storage().is_some_and(|s| s.remove_item(RECENT_KEY).is_ok())
}

/// A stored document by the fingerprint in its id (`doc-<hex>`).
fn recent_by_hash(hex: &str) -> Option<StoredDoc> {
    load_recent()
        .0
        .into_iter()
        .find(|d| d.id.strip_prefix("doc-") == Some(hex))
}

crate::split_fn! {
    /// Find the document a link names by local id (the fingerprint of its
    /// text) in Recent documents, for the application core.
    intake, pub fn find_local(ticket: Ticket, fingerprint: String) {
        let doc = recent_by_hash(&fingerprint).map(|d| d.to_document());
        events::dispatch(Event::FoundLocal { ticket, doc });
    }
}

crate::split_fn! {
    /// Keep `doc` in Recent documents ([`app::remember`]) and tell the
    /// application core what became of it.
    intake, pub fn remember(ticket: Ticket, doc: StoredDoc) {
        let mut list = load_recent().0;
        let mut outcome = app::remember(&mut list, doc);
        if matches!(outcome, Remembered::Kept(_)) && !save_recent(&list) {
            outcome = Remembered::Refused;
        }
        events::dispatch(Event::Remembered { ticket, outcome });
    }
}

crate::split_fn! {
    /// Bring in `text` read as a file named `name` (a fetched page, from
    /// `url`) for the application core's request `ticket`.
    intake, pub fn take_text(ticket: Ticket, name: String, text: String, url: Option<String>) {
        let got = intake_text(&name, &text, &html_to_tree).map(|mut got| {
            // The page is where the reader asked claimlens to look.
            if url.is_some() {
                got.document.url = url.clone();
            }
            got
        });
        events::dispatch(Event::Took {
            ticket: Some(ticket),
            taken: app::taken(got, String::new(), js_sys::Date::now() as u64),
        });
    }
}

/// Hand what the intake produced to the application core: it keeps the
/// document in Recent documents and opens it, or says why not (the open
/// document stays).
fn finish(got: Result<Intake, IntakeError>) {
    finish_saying(got, String::new());
}

/// [`finish`], saying `done` (what worked) once the document is open.
fn finish_saying(got: Result<Intake, IntakeError>, done: String) {
    events::dispatch(Event::Took {
        ticket: None,
        taken: app::taken(got, done, js_sys::Date::now() as u64),
    });
}

crate::split_fn! {
/// Read a file's bytes and bring it in.
intake, fn take_file(ctx: ViewCtx, file: web_sys::File) {
    let name = file.name();
    if let Err(e) = check_size(file.size() as u64) {
        finish(Err(e));
        return;
    }
    ctx.notices.set(vec![format!("Opening {name}…")]);
    let promise = file.array_buffer();
    leptos::task::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(_) => {
                ctx.notices.set(vec![format!(
                    "{name} could not be read. The document you had open stays open."
                )]);
                return;
            }
        };
        // A long file is read on turns of its own: its bytes copied, then
        // read (decoded, its lead and language), then split into blocks,
        // then opened (Recent documents, the analysis in pieces), so that
        // no one task holds the page for more than one of these.
        let long = bytes.len() > CHUNKED_ABOVE;
        if long {
            next_turn().await;
        }
        let prepared = prepare_bytes(&name, &bytes, &html_to_tree);
        drop(bytes);
        if long {
            next_turn().await;
        }
        let got = prepared.map(Prepared::finish);
        if long {
            next_turn().await;
        }
        finish(got);
    });
}
}

crate::split_fn! {
/// Bring in the page the bookmarklet sent ([`super::receive`]): its HTML
/// exactly as an opened file's (the browser's `DOMParser`: nothing is run
/// or fetched), with the address it came from, so "Open at the source"
/// links work.
intake, pub fn take_page(html: String, url: Option<String>, title: String) {
    let got = intake_text("page.html", &html, &html_to_tree).map(|mut got| {
        if url.is_some() {
            got.document.url = url.clone();
        }
        // A page whose HTML names no title: the one its tab showed.
        let title: String = crate::analysis::intake::clean_title(&title, None)
            .chars()
            .take(300)
            .collect();
        if got.document.title_supplied && !title.is_empty() {
            got.document.title = title;
            got.document.title_supplied = false;
        }
        got
    });
    let done = match &url {
        Some(u) => format!("Opened the page sent from the tab that opened claimlens ({u})."),
        None => "Opened the page sent from the tab that opened claimlens.".to_string(),
    };
    finish_saying(got, done);
}
}

/// `raw` as the browser reads it (`URL.href`: the host in ASCII, anything
/// else outside ASCII percent-encoded), so an address shown cannot pass for
/// another; `None` when it is not a valid URL.
pub fn href_of(raw: &str) -> Option<String> {
    web_sys::Url::new(raw).ok().map(|u| u.href())
}

/// The page a link names by `?src=` (as [`href_of`] gives it), shown with
/// Fetch and Cancel: nothing is requested until the reader chooses Fetch.
#[component]
pub fn SrcPrompt(
    /// The address waiting for the reader's choice; `None` once chosen.
    url: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        let href = url.get()?;
        let fetch = {
            let href = href.clone();
            move |_| {
                url.set(None);
                events::dispatch(Event::FetchConfirmed(href.clone()));
            }
        };
        Some(view! {
            <div class="src-prompt" role="region" aria-label="Fetch a page named by this link">
                <p>"This link asks claimlens to fetch and open this page:"</p>
                <p class="src-url"><code>{href}</code></p>
                <p>"Your browser will request it from that site (without cookies). Nothing has been requested yet."</p>
                <div class="src-actions">
                    <button type="button" class="share-button src-fetch" on:click=fetch>"Fetch"</button>
                    <button type="button" class="link-button src-cancel" on:click=move |_| url.set(None)>
                        "Cancel"
                    </button>
                </div>
            </div>
        })
    }
}

/// The "Open…" control: a button that shows the panel with the paste box,
/// file choice, drop hint and recent documents; dropping a file anywhere on
/// the page opens it.
#[component]
pub fn IntakeControl() -> impl IntoView {
    let ctx = ViewCtx::get();
    let shown = RwSignal::new(false);
    super::state::one_popover(ctx.popover, super::state::Popover::Open, shown);
    // Drop anywhere on the page.
    {
        let ctx = ctx.clone();
        let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
        let drop = window_event_listener(leptos::ev::drop, move |ev| {
            ev.prevent_default();
            let file = ev
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                shown.set(false);
                super::lazy::run(take_file(ctx.clone(), file));
            }
        });
        on_cleanup(move || {
            over.remove();
            drop.remove();
        });
    }
    // The panel is loaded the first time it is shown, then kept.
    let loaded = Memo::new(move |l: Option<&bool>| l.copied().unwrap_or(false) || shown.get());
    view! {
        <div class="intake">
            <button type="button" class="share-button" aria-expanded=move || shown.get().to_string()
                aria-controls="intake-panel" on:click=move |_| shown.update(|s| *s = !*s)>
                "Open…"
            </button>
            <div id="intake-panel" class="intake-panel" role="region" aria-label="Open a document"
                hidden=move || !shown.get()>
                {move || loaded.get().then(|| super::lazy::lazy_view(intake_panel(ctx.clone(), shown)))}
            </div>
        </div>
    }
}

crate::split_fn! {
/// The Open… panel's content (the `intake` chunk): paste box, file choice,
/// drop hint and the recent documents (a damaged entry is skipped and said).
intake, fn intake_panel(ctx: ViewCtx, shown: RwSignal<bool>) -> AnyView {
    let (stored, damaged) = load_recent();
    let recent = RwSignal::new(stored);
    if damaged > 0 {
        ctx.notices.update(|n| {
            n.push(format!(
                "{damaged} damaged entr{} in Recent documents could not be read and {} skipped.",
                if damaged == 1 { "y" } else { "ies" },
                if damaged == 1 { "was" } else { "were" }
            ))
        });
    }
    let pasted = RwSignal::new(String::new());
    let analyse_pasted = {
        move |_| {
            let text = pasted.get_untracked();
            shown.set(false);
            finish(intake_text("", &text, &html_to_tree));
        }
    };
    let on_file = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::Event| {
            if let Some(file) = chosen_file(&ev) {
                shown.set(false);
                super::lazy::run(take_file(ctx.clone(), file));
            }
        }
    };
    let clear_all = {
        let ctx = ctx.clone();
        move |_| {
            let said = if clear_recent() {
                recent.set(Vec::new());
                "Recent documents cleared: this browser no longer keeps any document you opened."
            } else {
                "This browser would not let claimlens clear Recent documents."
            };
            ctx.notices.set(vec![said.into()]);
        }
    };
    let recent_rows = move || {
        recent
            .get()
            .into_iter()
            .map(|d| {
                let id = d.id.clone();
                let title = d.title.clone();
                let reopen = {
                    let d = d.clone();
                    move |_| {
                        shown.set(false);
                        events::dispatch_soon(Event::Open(Box::new(Opening::document(d.to_document()))));
                    }
                };
                let delete = move |_| {
                    recent.update(|l| l.retain(|x| x.id != id));
                    save_recent(&recent.get_untracked());
                };
                let words = crate::analysis::count_words(&d.text);
                view! {
                    <li class="recent-row">
                        <button type="button" class="link-button recent-open" on:click=reopen>{title.clone()}</button>
                        <span class="recent-meta">{format!("{} · {words} words", d.kind.name())}</span>
                        <button type="button" class="link-button" on:click=delete
                            aria-label=format!("Delete {title} from Recent documents")>"Delete"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <label class="filter-label" for="paste-box">"Paste an article: text, Markdown or a web page's HTML"</label>
        <textarea id="paste-box" class="paste-box" rows="7"
            prop:value=move || pasted.get()
            on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        <div class="intake-actions">
            <button type="button" class="share-button paste-go" on:click=analyse_pasted
                disabled=move || pasted.with(|p| p.trim().is_empty())>"Analyse pasted text"</button>
            <label class="link-button file-button">
                "Open a file…"
                <input type="file" class="sr-only intake-file"
                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    on:change=on_file/>
            </label>
        </div>
        <p class="intake-hint">"…or drop a .txt, .md or .html file anywhere on this page. Nothing leaves your browser."</p>
        <p class="intake-hint">
            "From any page you read: "
            <a class="bookmarklet-link" href="bookmarklet.html" target="_blank" rel="noopener">
                "add the claimlens bookmarklet to your bookmarks"
            </a>
        </p>
        <h2 class="panel-title">"Recent documents"</h2>
        <Show when=move || recent.with(Vec::is_empty)>
            <p class="intake-hint">"None yet. Documents you open are kept here, in this browser only."</p>
        </Show>
        <ul class="recent-list">{recent_rows}</ul>
        <Show when=move || !recent.with(Vec::is_empty)>
            <p class="intake-hint recent-clear-row">
                "Kept in this browser's storage, whole text included. "
                <button type="button" class="link-button recent-clear" on:click=clear_all>"Clear all"</button>
            </p>
        </Show>
    }
    .into_any()
}
}
