//! The side panel's facts about the open document.

use leptos::prelude::*;

use crate::analysis::Document;

/// Facts about the open document ([`Document::facts`]).
///
/// `crate::analysis::prerender` writes the same markup into the first paint.
#[component]
pub fn DocumentFacts(doc: Document) -> impl IntoView {
    view! {
        <section class="panel-card" aria-labelledby="facts-title">
            <h2 id="facts-title" class="panel-title">"This document"</h2>
            <dl class="facts">
                {doc
                    .facts()
                    .into_iter()
                    .map(|(k, v)| view! { <div class="fact"><dt>{k}</dt><dd>{v}</dd></div> })
                    .collect_view()}
            </dl>
        </section>
    }
}
