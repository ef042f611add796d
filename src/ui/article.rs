//! The article column: the document's title and its blocks, with exact text.

use leptos::prelude::*;

use crate::analysis::{BlockKind, Document};

/// One block of the document as the element that fits its kind.
fn block_view(kind: BlockKind, text: String) -> AnyView {
    match kind {
        // The page's h1 is the document title, so document headings start at h2.
        BlockKind::Heading(1) => view! { <h2 class="doc-block">{text}</h2> }.into_any(),
        BlockKind::Heading(2) => view! { <h3 class="doc-block">{text}</h3> }.into_any(),
        BlockKind::Heading(3) => view! { <h4 class="doc-block">{text}</h4> }.into_any(),
        BlockKind::Heading(4) => view! { <h5 class="doc-block">{text}</h5> }.into_any(),
        BlockKind::Heading(_) => view! { <h6 class="doc-block">{text}</h6> }.into_any(),
        BlockKind::Quote => {
            view! { <blockquote class="doc-block"><p>{text}</p></blockquote> }.into_any()
        }
        BlockKind::Paragraph => view! { <p class="doc-block">{text}</p> }.into_any(),
    }
}

/// The document: title (marked when claimlens supplied it), metadata, blocks.
#[component]
pub fn Article(doc: Document) -> impl IntoView {
    let meta: Vec<String> = [doc.source.clone(), doc.byline.clone(), doc.date.clone()]
        .into_iter()
        .flatten()
        .collect();
    let blocks = doc
        .blocks
        .iter()
        .map(|b| block_view(b.kind, doc.block_text(b).to_string()))
        .collect_view();
    let supplied = doc.title_supplied;
    view! {
        <article class="article" aria-labelledby="doc-title" lang=doc.language.clone()>
            <header class="article-header">
                <h1 id="doc-title" class="doc-title">{doc.title.clone()}</h1>
                <Show when=move || supplied>
                    <p class="title-supplied">
                        <span class="badge">"Heading supplied by claimlens"</span>
                        " The article has no headline of its own."
                    </p>
                </Show>
                <Show when={
                    let empty = meta.is_empty();
                    move || !empty
                }>
                    <p class="doc-meta">{meta.join(" · ")}</p>
                </Show>
            </header>
            <div class="doc-body">{blocks}</div>
        </article>
    }
}
