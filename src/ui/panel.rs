//! The side panel's facts about the open document.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::chunked::CHUNKED_ABOVE;
use crate::analysis::{count_words, Document};

/// Bytes of a long document's text counted per turn for its facts.
const FACTS_SLICE: usize = 256 * 1024;

/// Facts about the open document ([`Document::facts`]).
///
/// `crate::analysis::prerender` writes the same markup into the first paint.
/// A long document's facts (its words and quotations counted: passes over
/// the whole text) are counted a slice of the text per turn of the event
/// loop after the page, so mounting it is not one long task, and filled in
/// when done; they sit last in the panel, so nothing moves when they come.
#[component]
pub fn DocumentFacts(doc: Arc<Document>) -> impl IntoView {
    let list = NodeRef::<leptos::html::Dl>::new();
    let facts = if doc.text.len() > CHUNKED_ABOVE {
        let (mut next, mut from, mut words, mut quotations) = (0usize, 0usize, 0usize, 0usize);
        super::dom::in_turns(move || {
            // The viewer was closed meanwhile: stop.
            let Some(dl) = list.try_get_untracked() else {
                return false;
            };
            // Whole blocks, about FACTS_SLICE bytes of text (at least one).
            let blocks = &doc.blocks;
            let mut to = from;
            while next < blocks.len() && (to == from || blocks[next].span.end - from <= FACTS_SLICE)
            {
                quotations += doc.block_quotations(&blocks[next]);
                to = blocks[next].span.end;
                next += 1;
            }
            if next == blocks.len() {
                to = doc.text.len();
            }
            words += count_words(&doc.text[from..to]);
            from = to;
            if next < blocks.len() {
                return true;
            }
            if let Some(dl) = dl {
                fill(&dl, doc.facts_counted(words, quotations));
            }
            false
        });
        Vec::new()
    } else {
        doc.facts()
    };
    view! {
        <section class="panel-card" aria-labelledby="facts-title">
            <h2 id="facts-title" class="panel-title">"This document"</h2>
            <dl class="facts" node_ref=list>
                {facts
                    .into_iter()
                    .map(|(k, v)| view! { <div class="fact"><dt>{k}</dt><dd>{v}</dd></div> })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// The facts as the view above writes them, into `dl` (as text only).
fn fill(dl: &web_sys::Element, facts: Vec<(&'static str, String)>) {
    let Some(d) = dl.owner_document() else {
        return;
    };
    for (k, v) in facts {
        let (Ok(div), Ok(dt), Ok(dd)) = (
            d.create_element("div"),
            d.create_element("dt"),
            d.create_element("dd"),
        ) else {
            return;
        };
        div.set_class_name("fact");
        dt.set_text_content(Some(k));
        dd.set_text_content(Some(&v));
        let _ = div.append_with_node_2(&dt, &dd);
        let _ = dl.append_with_node_1(&div);
    }
}
