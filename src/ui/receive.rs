//! The receiving end of the bookmarklet (`bookmarklet.html`,
//! `bookmarklet.js`): claimlens opened with `?recv=1` by the bookmarklet,
//! in a new tab, takes the page the reader was on from the tab that opened
//! it.
//!
//! The handshake: once the app runs, it posts `"claimlens:ready"` (a
//! constant, nothing else) to `window.opener` with target origin `*`; the
//! bookmarklet's code, in the reader's page, answers with one message to the
//! claimlens origin only: `{type: "claimlens:page", v: 1, url, title, html}`.
//!
//! One such message is taken, only while waiting ([`WAIT_MS`] after
//! "ready"), only from the opener (`event.source` is `window.opener`), only
//! when well formed and at most [`MAX_BYTES`] of HTML. Its HTML goes through
//! the same intake as an opened file ([`super::intake::take_page`]: the
//! browser's `DOMParser`, nothing run or fetched). Any other message — a
//! second one, one from another window, a malformed or oversized one — is
//! ignored and counted in a notice (but for messages this window posts to
//! itself, as some browser extensions do: left alone). With no opener, or
//! when nothing arrives in time, the Open… panel opens with its paste box
//! focused (the bookmarklet's fallback on strict pages copies the page to
//! the clipboard).

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::state::{Popover, ViewCtx};
use crate::analysis::intake::{src_request, SrcRequest, MAX_BYTES};

/// How long the page is awaited after "ready", in milliseconds.
pub const WAIT_MS: i32 = 10_000;

/// The message posted to the opener (no data).
const READY: &str = "claimlens:ready";

/// The `type` of the bookmarklet's message.
const PAGE: &str = "claimlens:page";

/// The notices this module writes begin with these: a new one replaces the
/// one before it (the count goes up, the wait ends).
const WAITING: &str = "Waiting for the page from the tab";
const NOTHING: &str = "No page arrived";
const IGNORED: &str = "Ignored ";

thread_local! {
    /// True while a page may still be taken.
    static OPEN: Cell<bool> = const { Cell::new(false) };
    /// Messages ignored so far.
    static IGNORED_N: Cell<u32> = const { Cell::new(0) };
    /// True once the listener is installed (once per page).
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// A page the bookmarklet sent, checked.
pub struct Page {
    /// The page's HTML (its DOM serialised).
    pub html: String,
    /// Its address, when it is an `http(s)` address of the sending origin.
    pub url: Option<String>,
    /// Its `document.title`.
    pub title: String,
}

crate::split_fn! {
/// Start waiting for the page: called once by the viewer of a page opened
/// with `?recv=1` ([`super::url::take_recv`]). In the `intake` chunk, which
/// takes the page: a page not opened by the bookmarklet never loads this.
intake, pub fn start(ctx: ViewCtx) {
    let ctx = &ctx;
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let opener = window.opener().unwrap_or(JsValue::NULL);
    if opener.is_null() || opener.is_undefined() {
        paste_instead(
            ctx,
            "Ready for the page the bookmarklet copied: paste it here (Ctrl+V / ⌘V) and choose “Analyse pasted text”. (No page can arrive from another tab: none opened this one.)",
        );
        return;
    }
    let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev| {
        if from_here(&ev) {
            return;
        }
        match accept(&ev) {
            Some(page) => {
                OPEN.with(|o| o.set(false));
                let Page { html, url, title } = page;
                super::lazy::run(super::intake::take_page(html, url, title));
            }
            None => {
                IGNORED_N.with(|n| n.set(n.get().saturating_add(1)));
                if let Some(m) = ignored_notice() {
                    super::events::note(&[IGNORED], m);
                }
            }
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    // For the life of the page: later messages are counted too.
    listener.forget();
    OPEN.with(|o| o.set(true));
    let opener: web_sys::Window = opener.unchecked_into();
    if opener.post_message(&JsValue::from_str(READY), "*").is_err() {
        OPEN.with(|o| o.set(false));
        paste_instead(ctx, "No page arrived: the tab that opened claimlens cannot be reached. If the bookmarklet copied the page, paste it here (Ctrl+V / ⌘V) and choose “Analyse pasted text”.");
        return;
    }
    super::events::note(&[WAITING], format!("{WAITING} that opened claimlens…"));
    let ctx = ctx.clone();
    set_timeout(
        move || {
            if OPEN.with(|o| o.replace(false)) {
                paste_instead(&ctx, "No page arrived from the tab that opened claimlens. If the bookmarklet copied the page, paste it here (Ctrl+V / ⌘V) and choose “Analyse pasted text”.");
            }
        },
        std::time::Duration::from_millis(WAIT_MS as u64),
    );
}
}

/// True for a message this window posted to itself (browser extensions'
/// content scripts do): no other page can send one, so it is left alone,
/// not counted.
fn from_here(ev: &web_sys::MessageEvent) -> bool {
    match (ev.source(), web_sys::window()) {
        (Some(source), Some(w)) => js_sys::Object::is(&source, &w),
        _ => false,
    }
}

/// The page in `ev`, when it may be taken: while waiting, from the opener,
/// well formed and not too large.
fn accept(ev: &web_sys::MessageEvent) -> Option<Page> {
    if !OPEN.with(Cell::get) {
        return None;
    }
    let opener = web_sys::window()?.opener().ok()?;
    let source: JsValue = ev.source()?.into();
    if opener.is_null() || !js_sys::Object::is(&source, &opener) {
        return None;
    }
    let data = ev.data();
    if !data.is_object() {
        return None;
    }
    let field = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
    if field("type")?.as_string()?.as_str() != PAGE || field("v")?.as_f64()? != 1.0 {
        return None;
    }
    let html = field("html")?;
    // UTF-16 units: each is at least one byte of UTF-8, so more units than
    // MAX_BYTES is too large without copying the text.
    let len = u64::from(html.dyn_ref::<js_sys::JsString>()?.length());
    if len > MAX_BYTES {
        return None;
    }
    let html = html.as_string()?;
    if html.len() as u64 > MAX_BYTES {
        return None;
    }
    let title = field("title")?.as_string()?;
    let url = field("url")?.as_string()?;
    // The address is kept only when it is an http(s) address of the
    // origin the message came from: a page cannot name another site.
    let url = match src_request(&url) {
        Some(SrcRequest::Confirm(u))
            if web_sys::Url::new(&u).is_ok_and(|p| p.origin() == ev.origin()) =>
        {
            Some(u)
        }
        _ => None,
    };
    Some(Page { html, url, title })
}

/// The notice counting ignored messages, if any were.
pub fn ignored_notice() -> Option<String> {
    let n = IGNORED_N.with(Cell::get);
    (n > 0).then(|| {
        format!(
            "{IGNORED}{n} message{} sent to this tab: claimlens takes one page, once, from the tab that opened it.",
            if n == 1 { "" } else { "s" }
        )
    })
}

/// Nothing came (or can come): open the Open… panel with its paste box
/// focused, and say so plainly.
fn paste_instead(ctx: &ViewCtx, message: &str) {
    super::events::note(&[WAITING, NOTHING], message.to_string());
    ctx.popover.set(Some(Popover::Open));
    focus_paste_box(50);
}

/// Focus the paste box once the Open… panel's content (a chunk) is in.
fn focus_paste_box(tries: u32) {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("paste-box"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match found {
        Some(el) => {
            let _ = el.focus();
        }
        None if tries > 0 => set_timeout(
            move || focus_paste_box(tries - 1),
            std::time::Duration::from_millis(100),
        ),
        None => {}
    }
}
