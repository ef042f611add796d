//! Browser entry point: Trunk builds this into `dist/`.

fn main() {
    claimlens::ui::start();
}

/// Hooks for the browser benchmark (`scripts/bench`), only in a build with
/// the `bench` feature: once `bench_ready` has resolved, each analyses
/// `text` and returns how many entity mentions (or claims) it found, so JS
/// can time the analysis alone.
#[cfg(feature = "bench")]
mod bench {
    use claimlens::analysis::{analyse, entities, Document};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Fetch and install the engine's lexicons (the split build loads them
    /// with the first document other than the bundled article); true once
    /// they are in. Await it before the other hooks.
    #[wasm_bindgen]
    pub async fn bench_ready() -> bool {
        claimlens::ui::engine::ready().await.is_ok()
    }

    /// The entity pass alone (what compromise is compared with).
    #[wasm_bindgen]
    pub fn bench_entities(text: &str) -> u32 {
        entities::extract_text(text).mentions.len() as u32
    }

    /// The whole analysis the app runs: entities, then claims.
    #[wasm_bindgen]
    pub fn bench_analyse(text: &str) -> u32 {
        let doc = Document::from_plain_text("bench", "Benchmark", text);
        analyse(&doc).claims.len() as u32
    }
}
