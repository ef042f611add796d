//! A comparison in steps: a source added to a workspace and the workspace
//! compared again, a few milliseconds at a time, so that a caller (the
//! browser's main thread) can yield between steps, show progress and
//! cancel.
//!
//! The new source is analysed in pieces ([`Chunked`], as a long document
//! opened in the viewer is) when it is longer than [`CHUNKED_ABOVE`], else
//! in one step as [`Workspace::add_user_text`] does; the comparison then
//! runs the engine's own steps (documents prepared one by one, the sources'
//! sentences indexed a thousand at a time, one claim scored and explained
//! per step). [`Workspace::compare`] runs the same steps in one go, so the
//! result is the same whether it is taken step by step or all at once.
//! Cancelling gives back the workspace as it was.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::compare::{Job, Workspace};
//! use claimlens_core::Document;
//!
//! let article = Document::from_plain_text("a", "A",
//!     "The council approved a budget of $12 million for Riverside Park in 2024.");
//! let ws = Workspace::new(article);
//! let text = "In 2024 the council voted $9 million for Riverside Park.\n\n".repeat(1000);
//! let mut job = Job::add_user_text(ws.clone(), "user-1", "Minutes", &text);
//! let mut last = 0;
//! while !job.step() {
//!     let p = job.percent();
//!     assert!(p >= last && p <= 100);
//!     last = p;
//! }
//! let (done, cmp) = job.finish();
//! assert_eq!(done.sources().len(), 1);
//! assert_eq!(cmp.claims.len(), 1);
//! ```

use super::engine::Scoring;
use super::{Comparison, DocKind, SourceMeta, Workspace};
use crate::chunked::{Chunked, CHUNKED_ABOVE, CHUNK_BYTES};
use crate::Document;

/// Share of the progress bar given to the new source's analysis, in per
/// cent (the rest is the comparison): the analysis is most of the work on
/// a long source (see `benches/compare.rs`).
pub const ANALYSIS_SHARE: u32 = 80;

/// What the job is doing.
enum Phase {
    /// A user text to add (`id`, `name`, `text`), made a document in the
    /// first step: on a long text that takes a while too.
    Pending(Box<(String, String, String)>),
    /// Analysing the new source in pieces.
    Analysing(Box<Adding>),
    /// Comparing the workspace (the new source, if any, added).
    Comparing(Box<Scoring>),
    /// Done.
    Done(Comparison),
}

/// The new source and its analysis under way.
struct Adding {
    doc: Document,
    meta: SourceMeta,
    pieces: Chunked,
}

impl Adding {
    fn new(doc: Document, meta: SourceMeta) -> Adding {
        // A short source in one piece: what `Workspace::add` does.
        let chunk = if doc.text.len() > CHUNKED_ABOVE {
            CHUNK_BYTES
        } else {
            doc.text.len() + 1
        };
        let pieces = Chunked::new(&doc.text, chunk);
        Adding { doc, meta, pieces }
    }
}

/// A comparison in steps (see the module docs).
pub struct Job {
    /// The workspace as it was before the job.
    before: Option<Workspace>,
    /// The workspace being compared (the new source added once analysed).
    ws: Workspace,
    phase: Phase,
    /// Whether the job began with an analysis (for its progress).
    analysed: bool,
}

impl Job {
    /// Compare `ws` again in steps (after a source was removed, say).
    pub fn compare(ws: Workspace) -> Job {
        let scoring = Box::new(Scoring::new(&ws, true));
        Job {
            before: None,
            ws,
            phase: Phase::Comparing(scoring),
            analysed: false,
        }
    }

    /// Add `text` to `ws` as a user document named `name` (as
    /// [`Workspace::add_user_text`]), then compare, in steps.
    pub fn add_user_text(ws: Workspace, id: &str, name: &str, text: &str) -> Job {
        Job {
            before: Some(ws.clone()),
            ws,
            phase: Phase::Pending(Box::new((id.into(), name.into(), text.into()))),
            analysed: true,
        }
    }

    /// Add `doc` to `ws` as a source described by `meta`, then compare, in
    /// steps.
    pub fn add(ws: Workspace, doc: Document, meta: SourceMeta) -> Job {
        Job {
            before: Some(ws.clone()),
            ws,
            phase: Phase::Analysing(Box::new(Adding::new(doc, meta))),
            analysed: true,
        }
    }

    /// Take the next step (a piece of the source analysed, or a step of
    /// the comparison); true when the job is done.
    pub fn step(&mut self) -> bool {
        let phase = std::mem::replace(&mut self.phase, Phase::Done(Comparison::default()));
        self.phase = match phase {
            Phase::Pending(p) => {
                let (id, name, text) = *p;
                let doc = Document::from_plain_text(&id, &name, &text);
                let meta = SourceMeta::named(&id, &name, DocKind::UserDocument);
                Phase::Analysing(Box::new(Adding::new(doc, meta)))
            }
            Phase::Analysing(mut adding) => {
                if adding.pieces.step(&adding.doc.text) {
                    let Adding { doc, meta, pieces } = *adding;
                    let analysis = if doc.text.len() > CHUNKED_ABOVE {
                        pieces.finish()
                    } else {
                        // As `Workspace::add` analyses it.
                        crate::analyse(&doc)
                    };
                    self.ws.push(doc, meta, analysis);
                    Phase::Comparing(Box::new(Scoring::new(&self.ws, true)))
                } else {
                    Phase::Analysing(adding)
                }
            }
            Phase::Comparing(mut scoring) => {
                if scoring.step(&self.ws) {
                    Phase::Done(scoring.comparison(&self.ws))
                } else {
                    Phase::Comparing(scoring)
                }
            }
            done @ Phase::Done(_) => done,
        };
        matches!(self.phase, Phase::Done(_))
    }

    /// True while the new source is being analysed (then it is compared).
    pub fn analysing(&self) -> bool {
        matches!(self.phase, Phase::Pending(_) | Phase::Analysing(_))
    }

    /// How far the job is, in per cent (never going back).
    pub fn percent(&self) -> u32 {
        let share = if self.analysed { ANALYSIS_SHARE } else { 0 };
        let of = |(done, total): (usize, usize)| (done as f64 / total.max(1) as f64).min(1.0);
        match &self.phase {
            Phase::Pending(_) => 0,
            Phase::Analysing(a) => (of(a.pieces.progress()) * share as f64) as u32,
            Phase::Comparing(s) => share + (of(s.progress(&self.ws)) * (100 - share) as f64) as u32,
            Phase::Done(_) => 100,
        }
    }

    /// The workspace (the new source added) and its comparison, taking any
    /// steps left.
    pub fn finish(mut self) -> (Workspace, Comparison) {
        while !self.step() {}
        match self.phase {
            Phase::Done(c) => (self.ws, c),
            // `step` returned true: the job is done.
            _ => unreachable!("a finished job is done"),
        }
    }

    /// Stop: the workspace as it was before the job.
    pub fn cancel(self) -> Workspace {
        self.before.unwrap_or(self.ws)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DEFAULT_TEXT;

    fn article() -> Workspace {
        crate::frontcode::install_bundled();
        Workspace::for_default_article()
    }

    /// A source of about `bytes` bytes that shares facts with the bundled
    /// article: its own sentences, repeated, numbers changed.
    fn source(bytes: usize) -> String {
        let mut s = String::new();
        let mut i = 0;
        while s.len() < bytes {
            s.push_str(&DEFAULT_TEXT.replace("1,000", &format!("{}", 1_000 + i)));
            s.push_str("\n\n");
            i += 1;
        }
        s
    }

    #[test]
    fn steps_give_the_comparison_of_one_go() {
        // (sources already in the workspace, bytes of the new source)
        let table: &[(usize, usize)] = &[(0, 2_000), (1, 30_000), (0, 120_000), (2, 200_000)];
        for &(before, bytes) in table {
            let mut ws = article();
            for k in 0..before {
                ws.add_user_text(&format!("old-{k}"), "Old", &source(3_000 + k));
            }
            let text = source(bytes);
            let one_go = Job::add_user_text(ws.clone(), "user-9", "New", &text).finish();
            let mut job = Job::add_user_text(ws.clone(), "user-9", "New", &text);
            let mut steps = 1;
            let mut last = 0;
            while !job.step() {
                steps += 1;
                assert!(job.percent() >= last, "{bytes}: progress went back");
                last = job.percent();
            }
            let (ws2, cmp) = job.finish();
            assert_eq!(cmp, one_go.1, "{before} {bytes}");
            assert_eq!(ws2.sources().len(), ws.sources().len() + 1);
            assert!(steps > ws.article().analysis.claims.len(), "{steps} steps");
            // The comparison of the workspace it gives back, in one go.
            assert_eq!(ws2.compare(), cmp, "{before} {bytes}");
            if bytes <= CHUNKED_ABOVE {
                // A short source: exactly what adding it at once gives.
                ws.add_user_text("user-9", "New", &text);
                assert_eq!(ws.compare(), cmp, "{before} {bytes}");
            }
        }
    }

    #[test]
    fn a_comparison_in_steps_is_the_comparison() {
        for sources in [0, 1, 3] {
            let mut ws = article();
            for k in 0..sources {
                ws.add_user_text(&format!("u{k}"), "U", &source(5_000 * (k + 1)));
            }
            let whole = ws.compare();
            let mut job = Job::compare(ws.clone());
            while !job.step() {}
            assert_eq!(job.finish().1, whole, "{sources}");
        }
    }

    #[test]
    fn cancel_gives_back_the_workspace_as_it_was() {
        // (bytes of the new source, steps taken before cancelling)
        let table: &[(usize, usize)] = &[(150_000, 0), (150_000, 3), (150_000, 40), (2_000, 1)];
        let ws = article();
        let before = ws.compare();
        for &(bytes, steps) in table {
            let mut job = Job::add_user_text(ws.clone(), "user-1", "New", &source(bytes));
            for _ in 0..steps {
                job.step();
            }
            let back = job.cancel();
            assert_eq!(back.sources().len(), ws.sources().len(), "{bytes} {steps}");
            assert_eq!(back.compare(), before, "{bytes} {steps}");
        }
    }
}
