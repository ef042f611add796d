//! The application core: which document the viewer shows, from every
//! source, as a state machine the web shell drives.
//!
//! Modelled on crux: the shell turns what happens (the page opened with a
//! link, the reader pasted text, a fetch answered) into an [`Event`];
//! [`update`] changes the [`State`] and returns the [`Effect`]s to perform
//! (fetch a page, read Recent documents, analyse, pack for links, mount a
//! viewer, say something), all plain data. The shell performs them and
//! feeds each result back as another event. Nothing here waits, touches
//! the page or reads a clock, so every path is tested natively.
//!
//! Its rules:
//!
//! - **Every source opens the same way.** The bundled article, a document
//!   carried in a link or named by a local id, pasted text, a file, the
//!   bookmarklet's page, a page named by `?src=` (fetched only once the
//!   reader confirms), a recent document, an import: each becomes an
//!   [`Opening`] that is analysed (unless it came analysed; a long one in
//!   pieces), named for links ([`LinkDoc`]) and then mounted.
//! - **The latest request wins.** Each request takes a ticket; a result
//!   carrying an older ticket is dropped, so a slow analysis never replaces
//!   the document the reader asked for after it.
//! - **A failed start falls back to the sample article**, once, with the
//!   message; when even that fails, the failure is fatal. Once a viewer is
//!   mounted, failures are said in it and it stays.
//! - **A failed intake leaves the open document open**, and says why.
//! - **The core decides what the address bar keeps**: the shell tells it
//!   each view of the open viewer ([`Event::Viewed`]) and writes the
//!   address it is given, as a new history entry or in place of the
//!   current one ([`Effect::WriteHistory`]; the rules are in [`history`]'s
//!   documentation).

pub mod history;
mod opening;
#[cfg(test)]
mod tests;
mod workspace;

pub use history::{Place, Viewed};
pub use opening::{local_id, local_missing, local_ref, LinkDoc, Opening, LOCAL};
pub use workspace::{open_rebased, pack_source, rebase, WorkDoc};

use std::sync::Arc;

use crate::chunked::CHUNKED_ABOVE;
use crate::intake::{add_recent, Intake, IntakeError, StoredDoc, MAX_STORE_BYTES};
use crate::share::Decoded;
use crate::{default_document, Analysis, Document};

/// Identifies a request: results carrying an older one are dropped.
pub type Ticket = u64;

/// What the application core knows between events.
#[derive(Debug, Default)]
pub struct State {
    /// The latest request's ticket.
    latest: Ticket,
    /// True once a viewer has been mounted.
    mounted: bool,
    /// True once a failed start has fallen back to the sample article.
    fell_back: bool,
    /// The document the latest request is preparing, if any.
    pending: Option<Opening>,
    /// The address being fetched for the latest request, if any.
    fetching: Option<String>,
    /// The mounted viewer's place in the browser's history.
    history: history::History,
}

impl State {
    /// The latest request's ticket.
    pub fn latest(&self) -> Ticket {
        self.latest
    }

    /// True once a viewer has been mounted.
    pub fn mounted(&self) -> bool {
        self.mounted
    }

    /// A new request: it wins over every earlier one.
    fn request(&mut self) -> Ticket {
        self.latest += 1;
        self.pending = None;
        self.fetching = None;
        self.latest
    }

    /// True when `ticket` is the latest request's.
    fn current(&self, ticket: Ticket) -> bool {
        ticket == self.latest
    }
}

/// What happened, as the shell tells it.
#[derive(Debug)]
pub enum Event {
    /// A link to open: the page's address at start, or back / forward to
    /// another document.
    Link(Box<Decoded>),
    /// A document to show as it is (a recent document reopened, an import
    /// that opens its text).
    Open(Box<Opening>),
    /// What the intake made of pasted text, a file, a fetched page or the
    /// bookmarklet's page ([`taken`]). `ticket`: the request's, when it
    /// answers an [`Effect::Intake`]; `None` for a new request.
    Took {
        /// The request it answers, or `None` for a new one.
        ticket: Option<Ticket>,
        /// The document to open and keep, or the message saying why there
        /// is none.
        taken: Result<Box<Taken>, String>,
    },
    /// The reader confirmed fetching the page a `?src=` link names (the
    /// address as the browser reads it).
    FetchConfirmed(String),
    /// The answer to [`Effect::Fetch`]: the page's text, or `None` when it
    /// could not be fetched.
    Fetched {
        /// The request it answers.
        ticket: Ticket,
        /// The page's text.
        text: Option<String>,
    },
    /// The answer to [`Effect::FindLocal`]: the document kept in Recent
    /// documents, if this browser has it.
    FoundLocal {
        /// The request it answers.
        ticket: Ticket,
        /// The document found.
        doc: Option<Document>,
    },
    /// The answer to [`Effect::Remember`].
    Remembered {
        /// The request it answers.
        ticket: Ticket,
        /// What became of it.
        outcome: Remembered,
    },
    /// The answer to [`Effect::Analyse`] and [`Effect::AnalyseInPieces`].
    Analysed {
        /// The request it answers.
        ticket: Ticket,
        /// The analysis.
        analysis: Analysis,
    },
    /// The reader cancelled [`Effect::AnalyseInPieces`].
    Cancelled {
        /// The request it answers.
        ticket: Ticket,
    },
    /// The answer to [`Effect::Pack`]: how links name the document, or why
    /// it could not be packed (links then name it by a local id).
    Packed {
        /// The request it answers.
        ticket: Ticket,
        /// How links name it, or the message saying why not.
        link_doc: Result<LinkDoc, String>,
    },
    /// The open viewer shows this view (when it opens, and after each
    /// change) → [`Effect::WriteHistory`], when the address must change.
    Viewed(Box<Viewed>),
    /// A part of the app could not be loaded (`message` says so): for the
    /// request `ticket`, or for anything (`None`: a tab, an import).
    Failed {
        /// The request it answers, if it answers one.
        ticket: Option<Ticket>,
        /// What to tell the reader.
        message: String,
    },
}

/// A document the intake brought in: what to open, and what to keep in
/// Recent documents.
#[derive(Debug)]
pub struct Taken {
    /// What to open: the document, the intake's notices, what worked.
    pub opening: Opening,
    /// What to keep in Recent documents.
    pub stored: StoredDoc,
}

/// What the intake made of a source (`got`), as [`Event::Took`] carries
/// it: `done` is said once it is open, `now` (milliseconds since the
/// epoch) dates it in Recent documents; a failure is the message to show,
/// the open document staying. (The web app calls this where the intake
/// runs, in a chunk of its own, and so keeps the intake's messages out of
/// its first download.)
pub fn taken(
    got: Result<Intake, IntakeError>,
    done: String,
    now: u64,
) -> Result<Box<Taken>, String> {
    match got {
        Ok(got) => {
            let stored = StoredDoc::from_document(&got.document, got.kind, now);
            let mut opening = Opening::document(got.document);
            opening.notices = got
                .notices
                .iter()
                .map(|n| n.message().to_string())
                .collect();
            opening.done = done;
            Ok(Box::new(Taken { opening, stored }))
        }
        Err(e) => Err(format!("{e} The document you had open stays open.")),
    }
}

/// What became of a document kept in Recent documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remembered {
    /// Kept; these older documents (titles) were removed to make room.
    Kept(Vec<String>),
    /// Too large to keep.
    TooLarge,
    /// The browser would not store it.
    Refused,
}

/// Add `doc` to the recent documents `list` (the shell stores the list
/// after, unless the outcome is [`Remembered::TooLarge`]).
pub fn remember(list: &mut Vec<StoredDoc>, doc: StoredDoc) -> Remembered {
    let id = doc.id.clone();
    let titles: Vec<(String, String)> = list
        .iter()
        .map(|d| (d.id.clone(), d.title.clone()))
        .collect();
    let evicted = add_recent(list, doc, MAX_STORE_BYTES);
    if evicted.contains(&id) {
        return Remembered::TooLarge;
    }
    Remembered::Kept(
        titles
            .into_iter()
            .filter(|(id, _)| evicted.contains(id))
            .map(|(_, t)| t)
            .collect(),
    )
}

/// What the shell is to do; each answer comes back as an [`Event`].
#[derive(Debug)]
pub enum Effect {
    /// Fetch `url` (only if its site allows it: CORS) → [`Event::Fetched`].
    Fetch {
        /// The request.
        ticket: Ticket,
        /// The address.
        url: String,
    },
    /// Bring in `text` as a file named `name` (HTML parsed by the
    /// platform), from `url` when known → [`Event::Took`].
    Intake {
        /// The request.
        ticket: Ticket,
        /// The file name it is read as.
        name: String,
        /// Its text.
        text: String,
        /// Where it came from.
        url: Option<String>,
    },
    /// Find the document with this text fingerprint (hex) in Recent
    /// documents → [`Event::FoundLocal`].
    FindLocal {
        /// The request.
        ticket: Ticket,
        /// The fingerprint, as the link names it.
        fingerprint: String,
    },
    /// Keep `doc` in Recent documents ([`remember`], then store the list)
    /// → [`Event::Remembered`].
    Remember {
        /// The request.
        ticket: Ticket,
        /// What to keep.
        doc: Box<StoredDoc>,
    },
    /// Analyse `doc` (the bundled article from its build-time analysis;
    /// the engine may have to load) → [`Event::Analysed`] or
    /// [`Event::Failed`].
    Analyse {
        /// The request.
        ticket: Ticket,
        /// The document.
        doc: Box<Document>,
    },
    /// Analyse a long `doc` in pieces, with progress and a Cancel button,
    /// the open document staying → [`Event::Analysed`],
    /// [`Event::Cancelled`] or [`Event::Failed`].
    AnalyseInPieces {
        /// The request.
        ticket: Ticket,
        /// The document.
        doc: Box<Document>,
    },
    /// Pack `doc` for links ([`LinkDoc::pack`]) → [`Event::Packed`].
    Pack {
        /// The request.
        ticket: Ticket,
        /// The document.
        doc: Box<Document>,
    },
    /// Mount a viewer of this opening in place of the one before.
    Mount(Box<Opening>),
    /// Set the page's address to this fragment (without `#`): as a new
    /// history entry (`push`), or in place of the current one.
    WriteHistory {
        /// The fragment.
        link: String,
        /// True for a new history entry.
        push: bool,
    },
    /// Say this in the open viewer, in place of its notices.
    Notify(String),
    /// Nothing can be shown: show this error in place of the app.
    Fatal(String),
}

/// Apply `event` to `state`: the effects to perform, in order.
pub fn update(state: &mut State, event: Event) -> Vec<Effect> {
    match event {
        Event::Link(link) => {
            let ticket = state.request();
            let opening = Opening::from_link(*link);
            match opening.link.as_ref().and_then(local_id) {
                Some(fingerprint) => {
                    let fingerprint = fingerprint.to_string();
                    state.pending = Some(opening);
                    vec![Effect::FindLocal {
                        ticket,
                        fingerprint,
                    }]
                }
                None => prepare(state, ticket, opening),
            }
        }
        Event::Open(opening) => {
            let ticket = state.request();
            prepare(state, ticket, *opening)
        }
        Event::Took { ticket, taken } => {
            let taken = match taken {
                Ok(taken) => taken,
                Err(message) => {
                    if ticket.is_some_and(|t| !state.current(t)) {
                        return Vec::new();
                    }
                    if ticket.is_some() {
                        state.pending = None;
                        state.fetching = None;
                    }
                    return vec![Effect::Notify(message)];
                }
            };
            let ticket = match ticket {
                Some(t) if state.current(t) => t,
                Some(_) => return Vec::new(),
                None => state.request(),
            };
            let Taken { opening, stored } = *taken;
            state.fetching = None;
            state.pending = Some(opening);
            vec![Effect::Remember {
                ticket,
                doc: Box::new(stored),
            }]
        }
        Event::FetchConfirmed(url) => {
            let ticket = state.request();
            state.fetching = Some(url.clone());
            vec![
                Effect::Notify(format!("Fetching {url}…")),
                Effect::Fetch { ticket, url },
            ]
        }
        Event::Fetched { ticket, text } => {
            if !state.current(ticket) {
                return Vec::new();
            }
            let Some(url) = state.fetching.clone() else {
                return Vec::new();
            };
            match text {
                None => {
                    state.fetching = None;
                    vec![Effect::Notify(not_fetched(&url))]
                }
                Some(text) => vec![Effect::Intake {
                    ticket,
                    name: file_name(&url),
                    text,
                    url: Some(url),
                }],
            }
        }
        Event::FoundLocal { ticket, doc } => {
            let Some(mut opening) = take(state, ticket) else {
                return Vec::new();
            };
            match doc {
                Some(doc) => opening.doc = doc,
                None => {
                    if let Some(link) = opening.link.as_mut() {
                        local_missing(link);
                    }
                }
            }
            prepare(state, ticket, opening)
        }
        Event::Remembered { ticket, outcome } => {
            let Some(mut opening) = take(state, ticket) else {
                return Vec::new();
            };
            match outcome {
                Remembered::TooLarge => opening
                    .notices
                    .push("This document is too large to keep in Recent documents.".into()),
                Remembered::Refused => opening.notices.push(
                    "This browser would not store the document, so it is not in Recent documents."
                        .into(),
                ),
                Remembered::Kept(titles) if !titles.is_empty() => opening.notices.push(format!(
                    "Older documents were removed from Recent documents to make room: {}.",
                    titles.join(", ")
                )),
                Remembered::Kept(_) => {}
            }
            prepare(state, ticket, opening)
        }
        Event::Analysed { ticket, analysis } => {
            let Some(mut opening) = take(state, ticket) else {
                return Vec::new();
            };
            opening.analysis = Some(analysis);
            prepare(state, ticket, opening)
        }
        Event::Cancelled { ticket } => match take(state, ticket) {
            Some(opening) => vec![Effect::Notify(format!(
                "Analysis of “{}” cancelled. The document you had open stays open.",
                opening.doc.title
            ))],
            None => Vec::new(),
        },
        Event::Packed { ticket, link_doc } => {
            let Some(mut opening) = take(state, ticket) else {
                return Vec::new();
            };
            let link_doc = link_doc.unwrap_or_else(|message| {
                // Links then name it by a local id, as a long document.
                opening.notices.push(message);
                LinkDoc::TooLong(opening.doc.text.len())
            });
            opening.link_doc = Some(Arc::new(link_doc));
            prepare(state, ticket, opening)
        }
        Event::Viewed(viewed) => match state.history.write(*viewed) {
            Some((link, push)) if state.mounted => vec![Effect::WriteHistory { link, push }],
            _ => Vec::new(),
        },
        Event::Failed { ticket, message } => {
            if ticket.is_some_and(|t| !state.current(t)) {
                return Vec::new();
            }
            if state.mounted {
                if ticket.is_some() {
                    state.pending = None;
                }
                return vec![Effect::Notify(message)];
            }
            if state.fell_back {
                // Not even the sample article could be opened.
                return vec![Effect::Fatal(message)];
            }
            state.fell_back = true;
            let ticket = state.request();
            let mut opening = Opening::document(default_document());
            opening.push = false;
            opening.notices.push(message);
            prepare(state, ticket, opening)
        }
    }
}

/// The opening the request `ticket` is preparing, when it is the latest.
fn take(state: &mut State, ticket: Ticket) -> Option<Opening> {
    if !state.current(ticket) {
        return None;
    }
    state.pending.take()
}

/// The next step for `opening`: its analysis (a long document's in
/// pieces), how links name it, then a viewer.
fn prepare(state: &mut State, ticket: Ticket, mut opening: Opening) -> Vec<Effect> {
    if opening.link_doc.is_none() {
        opening.link_doc = LinkDoc::quick(&opening.doc).map(Arc::new);
    }
    let effect: fn(Ticket, Box<Document>) -> Effect = if opening.analysis.is_none() {
        if opening.doc.text.len() > CHUNKED_ABOVE {
            |ticket, doc| Effect::AnalyseInPieces { ticket, doc }
        } else {
            |ticket, doc| Effect::Analyse { ticket, doc }
        }
    } else if opening.link_doc.is_none() {
        |ticket, doc| Effect::Pack { ticket, doc }
    } else {
        state.mounted = true;
        state.pending = None;
        state.history = history::History::new(opening.push);
        return vec![Effect::Mount(Box::new(opening))];
    };
    let doc = Box::new(opening.doc.clone());
    state.pending = Some(opening);
    vec![effect(ticket, doc)]
}

/// What the reader is told when the page at `url` could not be fetched.
pub fn not_fetched(url: &str) -> String {
    format!(
        "{url} could not be fetched: the site does not allow other pages to read it (CORS), or it is unreachable. Save the page from your browser (Ctrl+S / ⌘S) and open the file here instead."
    )
}

/// The file name a fetched page is read as: the address's last part, as
/// HTML when it names no extension.
///
/// ```
/// use claimlens_core::app::file_name;
/// assert_eq!(file_name("https://example.org/news/story"), "story.html");
/// assert_eq!(file_name("https://example.org/notes.md"), "notes.md");
/// ```
pub fn file_name(url: &str) -> String {
    let name = url.rsplit('/').next().unwrap_or("page.html");
    if name.contains('.') {
        name.to_string()
    } else {
        format!("{name}.html")
    }
}
