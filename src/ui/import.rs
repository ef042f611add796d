//! The Import control: Web Annotations of the open document (passages,
//! entities, claims) and displaCy JSON (a document with its entities).
//! Whatever opens a document goes to the application core as an event.

use leptos::prelude::*;

use super::dom::{chosen_file, read_text};
use super::events;
use super::state::ViewCtx;
use crate::analysis::app::{Event, Opening};
use crate::analysis::share::{import_displacy, import_web_annotations, Imported};
use crate::analysis::{analyse_with_entities, Document};

/// Files larger than this are not read for import.
const MAX_IMPORT: f64 = 20.0 * 1024.0 * 1024.0;

/// True when an imported file reads as displaCy JSON, not Web Annotations.
fn looks_displacy(text: &str) -> bool {
    text.contains("\"ents\"") && !text.contains("\"selector\"")
}

crate::split_fn! {
/// Read an imported file's text: displaCy JSON opens its document with the
/// imported entities; Web Annotations of the open document come back as
/// what they are ([`import_annotations`]). Says what worked in
/// [`ViewCtx::done`], and what did not in the notices.
annotations, fn import_text(ctx: ViewCtx, name: String, text: String) {
    let (ctx, name, text) = (&ctx, name.as_str(), text.as_str());
    if looks_displacy(text) {
        match import_displacy(text) {
            Ok(mut docs) => {
                let more = docs.len() - 1;
                let d = docs.swap_remove(0);
                let title = d.title.clone().unwrap_or_else(|| name.to_string());
                let doc = if d.text == ctx.doc.text {
                    (*ctx.doc).clone()
                } else {
                    Document::from_plain_text("imported", &title, &d.text)
                };
                let analysis = analyse_with_entities(&doc, &d.ents);
                let done = format!(
                    "Entities imported from {name} (displaCy JSON): {} shown as imported, not found by claimlens.",
                    analysis.mentions.len()
                );
                let mut notes = Vec::new();
                if !d.skipped.is_empty() {
                    notes.push(format!("Left out: {}.", d.skipped.join("; ")));
                }
                if more > 0 {
                    notes.push(format!(
                        "The file holds {more} more document(s); only the first is shown."
                    ));
                }
                let mut opening = Opening::document(doc);
                opening.analysis = Some(analysis);
                opening.imported = true;
                opening.notices = notes;
                opening.done = done;
                events::dispatch_soon(Event::Open(Box::new(opening)));
            }
            Err(e) => fail(ctx, format!("{name} could not be imported: {e}.")),
        }
        return;
    }
    match import_web_annotations(&ctx.doc, text) {
        Ok(got) => import_annotations(ctx, name, got),
        Err(e) => fail(ctx, format!("{name} could not be imported: {e}.")),
    }
}
}

/// Say that an import failed (and nothing that worked before it).
fn fail(ctx: &ViewCtx, message: String) {
    ctx.done.set(String::new());
    ctx.notices.set(vec![message]);
}

/// "1 passage", "2 passages".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Bring in Web Annotations read from `name`: passages are highlighted,
/// entity mentions and claims in claimlens's own export shape come back as
/// entities and claims, and a file made on another text says so instead.
fn import_annotations(ctx: &ViewCtx, name: &str, got: Imported) {
    let placed = got.total - got.unplaced.len();
    if got.other_text() {
        let whose = match &got.other_source {
            Some(s) => format!("another text ({s})"),
            None => "another text".to_string(),
        };
        fail(
            ctx,
            format!(
                "{name} holds annotations of {whose}, not of “{}”: only {placed} of its {} could be placed here, so nothing was imported.",
                ctx.doc.title, got.total
            ),
        );
        return;
    }
    let a = &ctx.analysis;
    let mut said = Vec::new();
    let n = got.placed.len();
    if n > 0 {
        said.push(format!("{} highlighted", count(n, "passage", "passages")));
    }
    // Claims are the engine's own: the file's are checked against them.
    let claims_here = got
        .claims
        .iter()
        .filter(|s| a.claims.iter().any(|c| c.span == **s))
        .count();
    // Entity mentions claimlens finds too need nothing; any other opens
    // the text with the file's entities.
    let entities_same = got
        .entities
        .iter()
        .all(|(s, l)| a.mentions.iter().any(|m| m.span == *s && m.label == *l));
    if !got.claims.is_empty() {
        let others = got.claims.len() - claims_here;
        let mut t = format!(
            "{} ({claims_here} found by claimlens here too",
            count(got.claims.len(), "claim", "claims")
        );
        if others > 0 {
            t.push_str(&format!(
                "; {others} that claimlens does not find in this text were left out"
            ));
        }
        t.push(')');
        said.push(t);
    }
    let mut notes = Vec::new();
    if !got.unplaced.is_empty() {
        notes.push(format!(
            "{} from {name} could not be placed in this text: {}.",
            count(got.unplaced.len(), "annotation", "annotations"),
            got.unplaced.join(", ")
        ));
    }
    if !got.entities.is_empty() && !entities_same {
        // Other entities than claimlens finds: open the text with the
        // file's entities, marked as imported, and its passages.
        said.insert(
            0,
            format!(
                "{} shown as imported, not found by claimlens",
                count(got.entities.len(), "entity mention", "entity mentions")
            ),
        );
        let doc = (*ctx.doc).clone();
        let analysis = analyse_with_entities(&doc, &got.entities);
        let mut opening = Opening::document(doc);
        opening.analysis = Some(analysis);
        opening.imported = true;
        opening.passages = ctx.passages.get_untracked();
        opening.passages.extend(got.placed);
        opening.notices = notes;
        opening.done = format!("Imported from {name}: {}.", said.join("; "));
        events::dispatch_soon(Event::Open(Box::new(opening)));
        return;
    }
    if !got.entities.is_empty() {
        said.push(format!(
            "{} that claimlens finds here too",
            count(got.entities.len(), "entity mention", "entity mentions")
        ));
    }
    ctx.passages.update(|p| {
        p.extend(got.placed);
        crate::analysis::Span::sort_dedup(p);
    });
    ctx.notices.set(notes);
    ctx.done.set(if said.is_empty() {
        format!("{name} holds no annotations to import.")
    } else {
        format!("Imported from {name}: {}.", said.join("; "))
    });
}

/// "Import…": Web Annotation JSON-LD or displaCy JSON.
#[component]
pub fn ImportButton() -> impl IntoView {
    let ctx = ViewCtx::get();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_IMPORT {
            ctx.notices
                .set(vec![format!("{name} is too large to import (over 20 MB).")]);
            return;
        }
        let ctx = ctx.clone();
        read_text(file, move |text| {
            super::lazy::run(async move {
                // displaCy JSON, or entity annotations, open a document whose
                // claims the engine finds.
                if looks_displacy(&text) || text.contains("\"tagging\"") {
                    super::engine::ready().await?;
                }
                import_text(ctx, name, text).await
            });
        });
    };
    view! {
        <label class="link-button file-button"
            title="Import highlights (W3C Web Annotation JSON-LD) or entities (displaCy JSON)">
            "Import…"
            <input type="file" class="sr-only import-file" accept=".json,.jsonld,application/json,application/ld+json"
                on:change=on_change/>
        </label>
    }
}
