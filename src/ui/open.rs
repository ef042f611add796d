//! The web shell: it performs what the application core
//! ([`crate::analysis::app`]) asks for — fetch a page, read and keep Recent
//! documents, analyse (a long document in pieces, with a progress bar),
//! pack for links, mount a viewer, say something — and feeds each result
//! back to it as an event. Every document opens through [`dispatch`]
//! (components reach it through [`super::events`]).
//!
//! One viewer is mounted at a time. Opening another document unmounts it
//! (its effects and listeners with it) and mounts a fresh one: simpler, and
//! much smaller in wasm, than re-rendering the whole page reactively.
//!
//! Tasks started here use `wasm_bindgen_futures::spawn_local` (through
//! [`lazy::run_for`]), not Leptos' executor: at start nothing has been
//! mounted yet, so Leptos' executor is not set up.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;

use super::dom::next_turn;
use super::events;
use super::lazy;
use super::state::pack_link_doc;
use crate::analysis::app::{update, Effect, Event, Opening, State, Ticket};
use crate::analysis::chunked::{Chunked, CHUNK_BYTES};
use crate::analysis::share::decode;
use crate::analysis::Document;

thread_local! {
    /// The application core's state.
    static STATE: RefCell<State> = RefCell::new(State::default());
    /// The mounted viewer; dropping it unmounts it.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// Set once the engine's warm-up in idle time has been asked for.
    static WARMING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The progress bar of a long analysis under way.
    static JOB: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Start the app: events go to the shell from now on, and the page opens
/// the view its address names.
pub fn start() {
    events::install(dispatch);
    dispatch(Event::Link(Box::new(decode(&super::url::fragment()))));
}

/// Hand `event` to the application core and perform the effects it asks
/// for, in order.
pub fn dispatch(event: Event) {
    let effects = STATE.with(|s| update(&mut s.borrow_mut(), event));
    for effect in effects {
        perform(effect);
    }
}

/// Do what the application core asked for.
fn perform(effect: Effect) {
    match effect {
        Effect::Fetch { ticket, url } => lazy::run_for(ticket, async move {
            let text = super::dom::fetch_text(&url).await;
            dispatch(Event::Fetched { ticket, text });
            Ok(())
        }),
        Effect::Intake {
            ticket,
            name,
            text,
            url,
        } => lazy::run_for(ticket, super::intake::take_text(ticket, name, text, url)),
        Effect::FindLocal {
            ticket,
            fingerprint,
        } => lazy::run_for(ticket, super::intake::find_local(ticket, fingerprint)),
        Effect::Remember { ticket, doc } => {
            lazy::run_for(ticket, super::intake::remember(ticket, *doc))
        }
        Effect::Analyse { ticket, doc } => lazy::run_for(ticket, async move {
            let analysis = super::engine::analysis_of(&doc).await?;
            dispatch(Event::Analysed { ticket, analysis });
            Ok(())
        }),
        Effect::AnalyseInPieces { ticket, doc } => lazy::run_for(ticket, async move {
            super::engine::ready().await?;
            analyse_in_pieces(ticket, *doc).await
        }),
        Effect::Pack { ticket, doc } => lazy::run_for(ticket, async move {
            let link_doc = pack_link_doc(*doc).await.map_err(|e| e.to_string());
            dispatch(Event::Packed { ticket, link_doc });
            Ok(())
        }),
        Effect::Mount(opening) => mount(*opening),
        Effect::WriteHistory { link, push } => super::url::write(&link, push),
        Effect::Notify(message) => events::tell(message),
        Effect::Fatal(message) => super::fatal::show_error(&message),
    }
}

/// Mount a viewer of `opening` (analysed and named for links) in `<body>`,
/// unmounting the one before.
fn mount(opening: Opening) {
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
    super::dom::mark("claimlens:highlighted");
    // The first page is shown: the engine loads in idle time for the next
    // (and the Compare tab's comparison of what the viewer offered).
    if !WARMING.with(|w| w.replace(true)) {
        super::warm::when_idle();
    }
}

crate::split_fn! {
/// Analyse a long document a piece per turn of the event loop, showing
/// progress and a Cancel button; then tell the application core
/// ([`Event::Analysed`], or [`Event::Cancelled`]).
long, fn analyse_in_pieces(ticket: Ticket, doc: Document) {
    JOB.with(|j| j.borrow_mut().take());
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let cancelled = std::rc::Rc::new(std::cell::Cell::new(false));
    let percent = RwSignal::new(0u32);
    let title = doc.title.clone();
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
        let text = doc.text;
        let mut job = Chunked::new(&text, CHUNK_BYTES);
        loop {
            next_turn().await;
            if cancelled.get() {
                JOB.with(|j| j.borrow_mut().take());
                dispatch(Event::Cancelled { ticket });
                return;
            }
            let done = job.step(&text);
            let (at, total) = job.progress();
            percent.set((at * 100 / total.max(1)) as u32);
            if done {
                break;
            }
        }
        // The last piece's step had this turn: the viewer is mounted on the next.
        next_turn().await;
        let analysis = job.finish();
        JOB.with(|j| j.borrow_mut().take());
        dispatch(Event::Analysed { ticket, analysis });
    });
}
}
