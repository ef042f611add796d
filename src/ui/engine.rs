//! The analysis engine in the browser.
//!
//! In the split browser build the engine (entities, claims) and its
//! lexicons are not in the first download. The bundled article opens from
//! the analysis the same engine made of it at build time (`claimlens
//! web-data` writes `<id>.analysis`, read by [`crate::analysis::wire`]);
//! any other document loads the `engine` chunk and the app file
//! `lexicons.txt` the first time one is opened. In other builds (the wasm
//! component tests) everything here runs at once. Once the first page is
//! shown, [`warm`] fetches and starts the engine in idle time
//! (`super::warm`), so the next document does not wait for it.

use super::lazy::LoadFailed;
use crate::analysis::{Analysis, Document};

/// The analysis of `doc`: the one made at build time when `doc` is the
/// bundled article (and the file is intact and made from this very text),
/// else the engine's.
pub async fn analysis_of(doc: &Document) -> Result<Analysis, LoadFailed> {
    #[cfg(feature = "split")]
    if doc.id == crate::analysis::DEFAULT_ID {
        let file = format!("{}.analysis", doc.id);
        if let Some(a) = super::dom::fetch_text(&file)
            .await
            .and_then(|form| crate::analysis::wire::decode(&doc.text, &form))
        {
            return Ok(a);
        }
    }
    ready().await?;
    analyse_doc(doc.clone()).await
}

/// Make the engine ready to run: its lexicons fetched and installed. Call
/// it before anything that analyses text (a chunk that compares or imports).
pub async fn ready() -> Result<(), LoadFailed> {
    use crate::analysis::{frontcode, weights};
    if !frontcode::is_installed() {
        // The split build fetches the app file `lexicons.txt`; other builds
        // (the wasm component tests) carry the bundle in their code.
        #[cfg(feature = "split")]
        let bundle = super::dom::fetch_text("lexicons.txt")
            .await
            .ok_or(LoadFailed)?;
        #[cfg(not(feature = "split"))]
        let bundle = frontcode::bundle().to_owned();
        if !frontcode::install(bundle) {
            return Err(LoadFailed);
        }
    }
    // The models' weights, fetched the same way (`weights::FILES`), each
    // until it is installed: a model that cannot load leaves its rules in
    // charge, and is tried again the next time.
    for name in weights::FILES {
        if INSTALLED.with(|i| i.borrow().contains(&name)) {
            continue;
        }
        #[cfg(feature = "split")]
        let bytes = super::dom::fetch_bytes(name).await;
        #[cfg(not(feature = "split"))]
        let bytes = weights::bundled(name).map(<[u8]>::to_vec);
        if let Some(bytes) = bytes {
            if install_weights(name, bytes).await? {
                INSTALLED.with(|i| i.borrow_mut().push(name));
            }
        }
    }
    Ok(())
}

thread_local! {
    /// The model files [`ready`] has installed (it fetches each once).
    static INSTALLED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

crate::split_fn! {
/// Analyse a document (after [`ready`]).
engine, fn analyse_doc(doc: Document) -> Analysis {
    crate::analysis::analyse(&doc)
}
}

/// Fetch the engine and its files and run it once, so the next document
/// opened does not pay a cold start (`super::warm` calls it in idle time
/// after the first paint). Silent: a failure here is reported by the
/// document that needs the engine, if one is opened.
pub async fn warm() {
    if ready().await.is_ok() {
        let _ = warm_up().await;
    }
}

crate::split_fn! {
/// Install a model's weights (in the engine chunk: the first download
/// carries no model reader); false when they are not a valid model.
engine, fn install_weights(name: &'static str, bytes: Vec<u8>) -> bool {
    crate::analysis::weights::install(name, &bytes)
}
}

crate::split_fn! {
/// Load, compile and run the engine once: its tables are built by
/// analysing one sentence.
engine, fn warm_up() {
    let doc = Document::from_plain_text("warm", "", "Ada Lovelace spoke in London.");
    let _ = crate::analysis::analyse(&doc);
}
}
