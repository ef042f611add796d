//! The side panel: facts about the document now; entities and claims as
//! their engines land.

use leptos::prelude::*;

use crate::analysis::{BlockKind, Document};

/// Average adult silent reading speed for non-fiction, words per minute.
const READING_WPM: usize = 238;

/// Facts about the open document.
#[component]
pub fn DocumentFacts(doc: Document) -> impl IntoView {
    let words = doc.word_count();
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    let quotes = doc.quotation_count();
    let minutes = words.div_ceil(READING_WPM).max(1);
    let rows: Vec<(&'static str, String)> = vec![
        ("Words", words.to_string()),
        ("Paragraphs", paragraphs.to_string()),
        ("Quotations", quotes.to_string()),
        ("Reading time", format!("about {minutes} min")),
        ("Language", doc.language.clone()),
    ];
    view! {
        <section class="panel-card" aria-labelledby="facts-title">
            <h2 id="facts-title" class="panel-title">"This document"</h2>
            <dl class="facts">
                {rows
                    .into_iter()
                    .map(|(k, v)| view! { <div class="fact"><dt>{k}</dt><dd>{v}</dd></div> })
                    .collect_view()}
            </dl>
        </section>
    }
}
