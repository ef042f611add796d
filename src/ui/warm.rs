//! What idle time after the first paint prepares, so the reader's next
//! step does not pay for it: the engine ([`super::engine`]), and for a
//! document with a reference pack (the bundled article) the Compare tab's
//! first comparison — the `compare` chunk fetched and compiled, the pack
//! fetched and analysed a source per turn of the event loop, the article
//! compared with it. The Compare tab takes that comparison when it first
//! opens ([`base`]), waiting for it if it is still on its way, or makes it
//! the same way when nothing was prepared. Only [`offer`] and [`when_idle`]
//! are part of the first download; the rest is reached only from the
//! `compare` chunk, and so is part of it.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use super::dom::next_turn;
use super::lazy::LoadFailed;
use crate::analysis::compare::{parse_pack, reference_pack_file, Comparison, Workspace};
use crate::analysis::{Analysis, Document};

/// The article and its reference pack, compared.
pub struct Base {
    /// The article and its pack: what added sources are added to.
    pub ws: Arc<Workspace>,
    /// `ws` compared.
    pub cmp: Comparison,
    /// The pack's file when it could not be fetched (the comparison then
    /// has only the article).
    pub missing: Option<&'static str>,
}

/// The comparison being prepared, or prepared and not yet taken.
enum Prepared {
    /// Under way for the document with this id; these wait for it.
    Running(String, Vec<Waker>),
    /// Ready for the document with this id (`Err`: a chunk did not load).
    Ready(String, Result<Base, LoadFailed>),
}

thread_local! {
    static PREPARED: RefCell<Option<Prepared>> = const { RefCell::new(None) };
}

/// The document and analysis a viewer shows, offered by the first viewer
/// mounted (`super::app::Viewer`) for [`when_idle`].
type Shown = (Arc<Document>, Arc<Analysis>);

thread_local! {
    static OFFERED: RefCell<Option<Shown>> = const { RefCell::new(None) };
}

/// What a viewer shows (`imported`: its entities came from an import, not
/// the engine), for [`when_idle`] to prepare its comparison when it has a
/// reference pack. Only the first offer counts.
pub fn offer(doc: &Arc<Document>, analysis: &Arc<Analysis>, imported: bool) {
    if !imported && reference_pack_file(&doc.id).is_some() {
        OFFERED.with(|o| {
            o.borrow_mut()
                .get_or_insert_with(|| (doc.clone(), analysis.clone()));
        });
    }
}

/// Warm the engine, then prepare the comparison of the document the first
/// viewer [`offer`]ed, in idle time after the first paint, and mark the
/// timeline `claimlens:idle-done` when that is over. Silent: a failure
/// here is said by the feature that needs what failed, if the reader asks
/// for it.
pub fn when_idle() {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else {
        return;
    };
    let doc = OFFERED.with(|o| o.borrow_mut().take());
    let warm = wasm_bindgen::closure::Closure::once_into_js(move || {
        wasm_bindgen_futures::spawn_local(async move {
            super::engine::warm().await;
            if let Some((d, a)) = doc {
                let id = d.id.clone();
                if prepare(d, a).await.is_ok() {
                    Settled(&id).await;
                }
            }
            // Idle time has prepared all it prepares (the browser tests wait
            // for this before they take the server down).
            super::dom::mark("claimlens:idle-done");
        })
    });
    // requestIdleCallback is missing in some browsers (Safari): a while after load instead.
    if w.request_idle_callback(warm.unchecked_ref()).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 2000);
    }
}

crate::split_fn! {
    /// Start preparing `doc`'s comparison (in the `compare` chunk, with
    /// everything it runs: the first download carries none of it).
    compare, fn prepare(doc: Arc<Document>, analysis: Arc<Analysis>) {
        let id = doc.id.clone();
        PREPARED.with(|p| *p.borrow_mut() = Some(Prepared::Running(id.clone(), Vec::new())));
        wasm_bindgen_futures::spawn_local(async move {
            let made = make(doc, analysis).await;
            let waiting = PREPARED.with(|p| match p.borrow_mut().replace(Prepared::Ready(id, made)) {
                Some(Prepared::Running(_, w)) => w,
                _ => Vec::new(),
            });
            waiting.into_iter().for_each(Waker::wake);
        });
    }
}

/// Resolves once nothing is being prepared for `id`.
struct Settled<'a>(&'a str);

impl Future for Settled<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        PREPARED.with(|p| match &mut *p.borrow_mut() {
            Some(Prepared::Running(id, waiting)) if id == self.0 => {
                waiting.push(cx.waker().clone());
                Poll::Pending
            }
            _ => Poll::Ready(()),
        })
    }
}

/// The Compare tab's first comparison of `doc` (as `analysis` found it):
/// the one prepared in idle time when it is this document's (waiting for
/// it when it is on its way), else made now.
pub async fn base(doc: &Arc<Document>, analysis: &Arc<Analysis>) -> Result<Base, LoadFailed> {
    Settled(&doc.id).await;
    let ready = PREPARED.with(|p| {
        let mut p = p.borrow_mut();
        match p.take() {
            Some(Prepared::Ready(id, made))
                if id == doc.id
                    && made.as_ref().is_ok_and(|b| {
                        let a = b.ws.article();
                        a.doc.text == doc.text
                            && a.analysis.mentions.len() == analysis.mentions.len()
                    }) =>
            {
                Some(made)
            }
            other => {
                *p = other;
                None
            }
        }
    });
    match ready {
        Some(made) => made,
        None => make(doc.clone(), analysis.clone()).await,
    }
}

/// Compare `doc` with its reference pack: the engine readied, the pack
/// fetched and each of its sources analysed on a turn of its own. Reached
/// only from the `compare` chunk ([`prepare`], the Compare tab), so it is
/// part of that chunk.
async fn make(doc: Arc<Document>, analysis: Arc<Analysis>) -> Result<Base, LoadFailed> {
    super::engine::ready().await?;
    let file = reference_pack_file(&doc.id);
    let mut ws = Workspace::with_analysis((*doc).clone(), (*analysis).clone());
    let mut missing = None;
    if let Some(file) = file {
        match super::dom::fetch_text(file).await {
            Some(text) => {
                for source in parse_pack(&text) {
                    next_turn().await;
                    ws.add(source.document(), source.meta());
                }
            }
            None => missing = Some(file),
        }
    }
    next_turn().await;
    let cmp = ws.compare();
    Ok(Base {
        ws: Arc::new(ws),
        cmp,
        missing,
    })
}
