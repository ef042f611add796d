//! The root component: header, article column and side panel.

use leptos::prelude::*;

use super::article::Article;
use super::panel::DocumentFacts;
use super::theme::ThemeToggle;
use crate::analysis::default_document;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let doc = default_document();
    view! {
        <a class="skip-link" href="#doc-title">"Skip to article"</a>
        <header class="site-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">"claimlens"</span>
                <span class="brand-tagline">"Who is named, what is claimed, and how others report it"</span>
            </div>
            <ThemeToggle/>
        </header>
        <main class="layout">
            <Article doc=doc.clone()/>
            <aside class="side-panel" aria-label="Analysis">
                <DocumentFacts doc=doc/>
            </aside>
        </main>
        <footer class="site-footer">
            <p>"Runs entirely in your browser: the article never leaves this page."</p>
        </footer>
    }
}
