//! How the page asks the application core ([`crate::analysis::app`]) for
//! something, and where the open viewer's notices go.
//!
//! Components, the link listener and the chunks dispatch an
//! [`Event`]; the shell ([`super::open`]) installs itself as the one that
//! receives them (at start), performs the effects and mounts viewers. This
//! module imports no other module of the web app, so nothing that
//! dispatches imports the shell back.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use crate::analysis::app::Event;

thread_local! {
    /// Where events go: the shell's dispatcher, once installed.
    static SINK: Cell<Option<fn(Event)>> = const { Cell::new(None) };
    /// The open viewer's notices, for messages from outside it.
    static NOTICES: RefCell<Option<RwSignal<Vec<String>>>> = const { RefCell::new(None) };
}

/// Send events to `sink` from now on (the shell, once, at start).
pub fn install(sink: fn(Event)) {
    SINK.with(|s| s.set(Some(sink)));
}

/// Hand `event` to the application core now.
pub fn dispatch(event: Event) {
    if let Some(sink) = SINK.with(Cell::get) {
        sink(event);
    }
}

/// Hand `event` to the application core once the current browser event has
/// been handled (the viewer that handles it may be about to go).
pub fn dispatch_soon(event: Event) {
    set_timeout(move || dispatch(event), std::time::Duration::ZERO);
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
