//! Opening documents: what the viewer shows next and how it came (a link,
//! an import), and the Import control for annotation and displaCy files.
//!
//! One viewer is mounted at a time. Opening another document unmounts it
//! (its effects and listeners with it) and mounts a fresh one: simpler, and
//! much smaller in wasm, than re-rendering the whole page reactively.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::lazy::LoadFailed;
use super::state::{pack_link_doc, LinkDoc, ViewCtx};
use crate::analysis::chunked::{Chunked, CHUNKED_ABOVE, CHUNK_BYTES};
use crate::analysis::share::{import_displacy, import_web_annotations, Decoded, Imported};
use crate::analysis::{analyse_with_entities, Analysis, Document};

/// Files larger than this are not read for import.
const MAX_IMPORT: f64 = 20.0 * 1024.0 * 1024.0;

/// A document to show, and how it came.
#[derive(Clone)]
pub struct Opening {
    /// The document.
    pub doc: Document,
    /// Its analysis, once made (by [`mount`]) or when it came with it.
    pub analysis: Option<Analysis>,
    /// True when the analysis holds entities found elsewhere (imported
    /// displaCy JSON), not by claimlens.
    pub imported: bool,
    /// The view a link asked for.
    pub link: Option<Decoded>,
    /// Messages to show once it is open.
    pub notices: Vec<String>,
    /// What worked, to say once it is open (apart from the notices).
    pub done: String,
    /// Passages to highlight once it is open (imported with it).
    pub passages: Vec<crate::analysis::Span>,
    /// True when the page should get a new history entry for it.
    pub push: bool,
    /// How links name it, once known (see [`mount`]).
    pub link_doc: Option<Arc<LinkDoc>>,
}

impl Opening {
    /// A document opened by the reader: claimlens analyses it.
    pub fn document(doc: Document) -> Self {
        Opening {
            doc,
            analysis: None,
            imported: false,
            link: None,
            notices: Vec::new(),
            done: String::new(),
            passages: Vec::new(),
            push: true,
            link_doc: None,
        }
    }
}

thread_local! {
    /// The mounted viewer; dropping it unmounts it.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// Counts requests to mount: a document still being prepared (packed
    /// for links) is dropped when another was asked for meanwhile.
    static LATEST: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Set once a failed start has fallen back to the sample article.
    static FELL_BACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Set once the engine's warm-up in idle time has been asked for.
    static WARMING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Mount the document a link names: one named by a local id is looked up
/// in Recent documents first (the `intake` chunk).
pub fn mount_link(opening: Opening) {
    if opening
        .link
        .as_ref()
        .and_then(super::url::local_id)
        .is_some()
    {
        LATEST.with(|l| l.set(l.get() + 1));
        super::lazy::run(super::intake::open_local(opening));
    } else {
        mount(opening);
    }
}

thread_local! {
    /// The open viewer's notices, for messages from outside it.
    static NOTICES: RefCell<Option<RwSignal<Vec<String>>>> = const { RefCell::new(None) };
    /// The progress bar of a long analysis under way.
    static JOB: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Where messages for the reader go while this viewer is open.
pub fn set_notices(notices: RwSignal<Vec<String>>) {
    NOTICES.with(|n| *n.borrow_mut() = Some(notices));
}

/// Say `message` in the open viewer's notices.
pub fn tell(message: String) {
    if let Some(n) = NOTICES.with(|n| *n.borrow()) {
        n.set(vec![message]);
    }
}

/// Say `message` in the open viewer's notices, in place of any notice
/// that begins with one of `replaces` (a count that went up, a wait that
/// ended), keeping the others.
pub fn note(replaces: &[&str], message: String) {
    if let Some(n) = NOTICES.with(|n| *n.borrow()) {
        n.update(|n| {
            n.retain(|m| !replaces.iter().any(|r| m.starts_with(r)));
            n.push(message);
        });
    }
}

/// Mount a viewer of `opening` in `<body>`, unmounting the one before. Its
/// analysis comes first: the bundled article's build-time one, or the
/// engine's ([`super::engine`]); a long document is analysed in pieces, with
/// a progress bar and a Cancel button, while the open document stays. A
/// document that may travel in links is packed (the engine, the pieces and
/// the packer are chunks loaded then: [`super::lazy`]).
///
/// Tasks started here use `wasm_bindgen_futures::spawn_local`, not Leptos'
/// executor: at start nothing has been mounted yet, so Leptos' executor is
/// not set up.
pub fn mount(mut opening: Opening) {
    let ticket = LATEST.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    if opening.analysis.is_none() && opening.doc.text.len() > CHUNKED_ABOVE {
        super::lazy::run(async move {
            super::engine::ready().await?;
            analyse_in_pieces(opening, ticket).await
        });
        return;
    }
    if opening.link_doc.is_none() {
        opening.link_doc = LinkDoc::quick(&opening.doc).map(Arc::new);
    }
    if opening.analysis.is_some() && opening.link_doc.is_some() {
        mount_now(opening);
        return;
    }
    // The analysis (the engine may have to load) and how links name the
    // document (a long one is packed: a chunk) come first.
    wasm_bindgen_futures::spawn_local(async move {
        if opening.analysis.is_none() {
            match super::engine::analysis_of(&opening.doc).await {
                Ok(a) => opening.analysis = Some(a),
                Err(e) => {
                    if LATEST.with(|l| l.get()) == ticket {
                        load_failed(e);
                    }
                    return;
                }
            }
        }
        if opening.link_doc.is_none() {
            let l = match pack_link_doc(opening.doc.clone()).await {
                Ok(l) => l,
                // Links then name it by a local id, as a long document.
                Err(e) => {
                    opening.notices.push(e.to_string());
                    LinkDoc::TooLong(opening.doc.text.len())
                }
            };
            opening.link_doc = Some(Arc::new(l));
        }
        // Another document was asked for meanwhile: it wins.
        if LATEST.with(|l| l.get()) == ticket {
            mount_now(opening);
        }
    });
}

/// Mount a viewer of `opening`, analysed and named for links.
fn mount_now(opening: Opening) {
    let old = MOUNTED.with(|m| m.borrow_mut().take());
    drop(old);
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    // The page may hold the bundled article's first paint (`index.html`,
    // `crate::analysis::prerender`): the viewer takes its place in this one
    // synchronous step, so no frame shows neither, and at the same scroll
    // position (the markup is the viewer's, so nothing moves).
    let first_paint = web_sys::window().and_then(|w| {
        let el = w
            .document()?
            .get_element_by_id(crate::analysis::prerender::ROOT_ID)?;
        Some((w, el))
    });
    let scroll = first_paint.as_ref().map(|(w, el)| {
        let y = w.scroll_y().unwrap_or(0.0);
        el.remove();
        (w.clone(), y)
    });
    let handle = leptos::mount::mount_to(body, move || {
        view! { <super::app::Viewer opening=opening/> }
    });
    if let Some((w, y)) = scroll.filter(|(_, y)| *y > 0.0) {
        w.scroll_to_with_x_and_y(0.0, y);
    }
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    // The loading message goes and the page says it is ready (tests and the
    // benchmark wait for this): only now that a viewer is in the page.
    super::fatal::mark_started();
    // For the browser benchmark: when a highlighted viewer was mounted.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("claimlens:highlighted");
    }
    // The first page is shown: the engine loads in idle time for the next.
    if !WARMING.with(|w| w.replace(true)) {
        super::engine::warm_when_idle();
    }
}

/// A chunk could not be loaded: say so in the open viewer, or, when none is
/// open yet (the page is starting), open the sample article with the message.
pub fn load_failed(e: LoadFailed) {
    if MOUNTED.with(|m| m.borrow().is_some()) {
        tell(e.to_string());
    } else if FELL_BACK.with(|f| f.replace(true)) {
        // Not even the sample article could be opened.
        super::fatal::show_error(&e.to_string());
    } else {
        let mut opening = Opening::document(crate::analysis::default_document());
        opening.push = false;
        opening.notices.push(e.to_string());
        mount(opening);
    }
}

/// Resolves on the next turn of the event loop.
async fn next_turn() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

crate::split_fn! {
/// Analyse a long document a piece per turn of the event loop, showing
/// progress; then mount its viewer, unless the reader cancelled or asked
/// for another document meanwhile (`ticket` is no longer the latest).
long, fn analyse_in_pieces(opening: Opening, ticket: u64) {
    let mut opening = opening;
    JOB.with(|j| j.borrow_mut().take());
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let cancelled = std::rc::Rc::new(std::cell::Cell::new(false));
    let percent = RwSignal::new(0u32);
    let title = opening.doc.title.clone();
    let handle = {
        let cancelled = cancelled.clone();
        leptos::mount::mount_to(body, move || {
            view! {
                <div class="job-bar" role="status">
                    <span>{format!("Analysing “{title}”…")}</span>
                    <progress max="100" value=move || percent.get() aria-label="Analysis progress"></progress>
                    <span class="job-percent">{move || format!("{} %", percent.get())}</span>
                    <button type="button" class="link-button job-cancel" on:click=move |_| cancelled.set(true)>
                        "Cancel"
                    </button>
                </div>
            }
        })
    };
    JOB.with(|j| *j.borrow_mut() = Some(Box::new(handle)));
    leptos::task::spawn_local(async move {
        let text = opening.doc.text.clone();
        let mut job = Chunked::new(&text, CHUNK_BYTES);
        loop {
            next_turn().await;
            if cancelled.get() {
                JOB.with(|j| j.borrow_mut().take());
                tell(format!(
                    "Analysis of “{}” cancelled. The document you had open stays open.",
                    opening.doc.title
                ));
                return;
            }
            let done = job.step(&text);
            let (at, total) = job.progress();
            percent.set((at * 100 / total.max(1)) as u32);
            if done {
                break;
            }
        }
        opening.analysis = Some(job.finish());
        JOB.with(|j| j.borrow_mut().take());
        if LATEST.with(|l| l.get()) == ticket {
            mount(opening);
        }
    });
}
}

/// True when an imported file reads as displaCy JSON, not Web Annotations.
fn looks_displacy(text: &str) -> bool {
    text.contains("\"ents\"") && !text.contains("\"selector\"")
}

/// Show `opening` instead of the current document (once the current event
/// has finished: the viewer that handles it is about to go).
pub fn open(opening: Opening) {
    set_timeout(move || mount(opening), std::time::Duration::ZERO);
}

crate::split_fn! {
/// Read an imported file's text: displaCy JSON opens its document with the
/// imported entities; Web Annotations of the open document come back as
/// what they are ([`import_annotations`]). Says what worked in
/// [`ViewCtx::done`], and what did not in the notices.
annotations, fn import_text(ctx: ViewCtx, name: String, text: String) {
    let (ctx, name, text) = (&ctx, name.as_str(), text.as_str());
    if looks_displacy(text) {
        match import_displacy(text) {
            Ok(mut docs) => {
                let more = docs.len() - 1;
                let d = docs.swap_remove(0);
                let title = d.title.clone().unwrap_or_else(|| name.to_string());
                let doc = if d.text == ctx.doc.text {
                    (*ctx.doc).clone()
                } else {
                    Document::from_plain_text("imported", &title, &d.text)
                };
                let analysis = analyse_with_entities(&doc, &d.ents);
                let done = format!(
                    "Entities imported from {name} (displaCy JSON): {} shown as imported, not found by claimlens.",
                    analysis.mentions.len()
                );
                let mut notes = Vec::new();
                if !d.skipped.is_empty() {
                    notes.push(format!("Left out: {}.", d.skipped.join("; ")));
                }
                if more > 0 {
                    notes.push(format!(
                        "The file holds {more} more document(s); only the first is shown."
                    ));
                }
                let mut opening = Opening::document(doc);
                opening.analysis = Some(analysis);
                opening.imported = true;
                opening.notices = notes;
                opening.done = done;
                open(opening);
            }
            Err(e) => fail(ctx, format!("{name} could not be imported: {e}.")),
        }
        return;
    }
    match import_web_annotations(&ctx.doc, text) {
        Ok(got) => import_annotations(ctx, name, got),
        Err(e) => fail(ctx, format!("{name} could not be imported: {e}.")),
    }
}
}

/// Say that an import failed (and nothing that worked before it).
fn fail(ctx: &ViewCtx, message: String) {
    ctx.done.set(String::new());
    ctx.notices.set(vec![message]);
}

/// "1 passage", "2 passages".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Bring in Web Annotations read from `name`: passages are highlighted,
/// entity mentions and claims in claimlens's own export shape come back as
/// entities and claims, and a file made on another text says so instead.
fn import_annotations(ctx: &ViewCtx, name: &str, got: Imported) {
    let placed = got.total - got.unplaced.len();
    if got.other_text() {
        let whose = match &got.other_source {
            Some(s) => format!("another text ({s})"),
            None => "another text".to_string(),
        };
        fail(
            ctx,
            format!(
                "{name} holds annotations of {whose}, not of “{}”: only {placed} of its {} could be placed here, so nothing was imported.",
                ctx.doc.title, got.total
            ),
        );
        return;
    }
    let a = &ctx.analysis;
    let mut said = Vec::new();
    let n = got.placed.len();
    if n > 0 {
        said.push(format!("{} highlighted", count(n, "passage", "passages")));
    }
    // Claims are the engine's own: the file's are checked against them.
    let claims_here = got
        .claims
        .iter()
        .filter(|s| a.claims.iter().any(|c| c.span == **s))
        .count();
    // Entity mentions claimlens finds too need nothing; any other opens
    // the text with the file's entities.
    let entities_same = got
        .entities
        .iter()
        .all(|(s, l)| a.mentions.iter().any(|m| m.span == *s && m.label == *l));
    if !got.claims.is_empty() {
        let others = got.claims.len() - claims_here;
        let mut t = format!(
            "{} ({claims_here} found by claimlens here too",
            count(got.claims.len(), "claim", "claims")
        );
        if others > 0 {
            t.push_str(&format!(
                "; {others} that claimlens does not find in this text were left out"
            ));
        }
        t.push(')');
        said.push(t);
    }
    let mut notes = Vec::new();
    if !got.unplaced.is_empty() {
        notes.push(format!(
            "{} from {name} could not be placed in this text: {}.",
            count(got.unplaced.len(), "annotation", "annotations"),
            got.unplaced.join(", ")
        ));
    }
    if !got.entities.is_empty() && !entities_same {
        // Other entities than claimlens finds: open the text with the
        // file's entities, marked as imported, and its passages.
        said.insert(
            0,
            format!(
                "{} shown as imported, not found by claimlens",
                count(got.entities.len(), "entity mention", "entity mentions")
            ),
        );
        let doc = (*ctx.doc).clone();
        let analysis = analyse_with_entities(&doc, &got.entities);
        let mut opening = Opening::document(doc);
        opening.analysis = Some(analysis);
        opening.imported = true;
        opening.passages = ctx.passages.get_untracked();
        opening.passages.extend(got.placed);
        opening.notices = notes;
        opening.done = format!("Imported from {name}: {}.", said.join("; "));
        open(opening);
        return;
    }
    if !got.entities.is_empty() {
        said.push(format!(
            "{} that claimlens finds here too",
            count(got.entities.len(), "entity mention", "entity mentions")
        ));
    }
    ctx.passages.update(|p| {
        p.extend(got.placed);
        crate::analysis::Span::sort_dedup(p);
    });
    ctx.notices.set(notes);
    ctx.done.set(if said.is_empty() {
        format!("{name} holds no annotations to import.")
    } else {
        format!("Imported from {name}: {}.", said.join("; "))
    });
}

/// The chosen file of a file input, if any.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    file
}

/// Read a file as text (UTF-8, invalid bytes replaced) and hand it to `then`.
pub fn read_text(file: web_sys::File, then: impl FnOnce(String) + 'static) {
    let promise = file.text();
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        then(text);
    });
}

/// "Import…": Web Annotation JSON-LD or displaCy JSON.
#[component]
pub fn ImportButton() -> impl IntoView {
    let ctx = ViewCtx::get();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_IMPORT {
            ctx.notices
                .set(vec![format!("{name} is too large to import (over 20 MB).")]);
            return;
        }
        let ctx = ctx.clone();
        read_text(file, move |text| {
            super::lazy::run(async move {
                // displaCy JSON, or entity annotations, open a document whose
                // claims the engine finds.
                if looks_displacy(&text) || text.contains("\"tagging\"") {
                    super::engine::ready().await?;
                }
                import_text(ctx, name, text).await
            });
        });
    };
    view! {
        <label class="link-button file-button"
            title="Import highlights (W3C Web Annotation JSON-LD) or entities (displaCy JSON)">
            "Import…"
            <input type="file" class="sr-only import-file" accept=".json,.jsonld,application/json,application/ld+json"
                on:change=on_change/>
        </label>
    }
}
