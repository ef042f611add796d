//! The side panel's facts about the open document.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::chunked::CHUNKED_ABOVE;
use crate::analysis::Document;

/// Facts about the open document ([`Document::facts`]).
///
/// `crate::analysis::prerender` writes the same markup into the first paint.
/// A long document's facts (its words counted: a pass over the whole text)
/// are filled in a turn of the event loop after the page, so mounting it is
/// not one long task; they sit last in the panel, so nothing moves when
/// they come.
#[component]
pub fn DocumentFacts(doc: Arc<Document>) -> impl IntoView {
    let list = NodeRef::<leptos::html::Dl>::new();
    let facts = if doc.text.len() > CHUNKED_ABOVE {
        set_timeout(
            move || {
                if let Some(dl) = list.try_get_untracked().flatten() {
                    fill(&dl, doc.facts());
                }
            },
            std::time::Duration::ZERO,
        );
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
