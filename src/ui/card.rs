//! The entity card: shown beside a mention on hover or keyboard focus.
//!
//! It says what the mention is (type, canonical name, aliases, role, value),
//! how often the entity is mentioned and what it relates to. It stays open
//! while the pointer is over it, and Escape closes it. It sits beside its
//! mention, re-placed when a pin changes its text; since a pin moves nothing
//! on the page, it never ends up over the mention just pinned.

use leptos::prelude::*;

use super::dom::MarkIndex;
use super::state::ViewCtx;
use crate::analysis::{label_key, label_title, RelationKind};

fn relation_phrase(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::DemonymOf => "Nationality of",
        RelationKind::CapitalOf => "Capital of",
        RelationKind::LocatedIn => "In",
    }
}

/// Place the card under (or above) the mention element, inside the article.
fn position(card: &web_sys::HtmlElement, mark: &web_sys::HtmlElement) {
    let Some(article) = card.offset_parent() else {
        return;
    };
    let a = article.get_bounding_client_rect();
    let r = mark.get_bounding_client_rect();
    let width = card.offset_width() as f64;
    let height = card.offset_height() as f64;
    let left = (r.left() - a.left()).clamp(0.0, (a.width() - width).max(0.0));
    let viewport = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::MAX);
    let below = r.bottom() + 8.0 + height <= viewport || r.top() - 8.0 - height < 0.0;
    let top = if below {
        r.bottom() - a.top() + 8.0
    } else {
        r.top() - a.top() - 8.0 - height
    };
    let style = card.style();
    // Whole pixels, formatted as integers (no float formatting code in the wasm).
    let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    let _ = style.set_property("top", &format!("{}px", top.round() as i64));
}

/// The card for the mention in [`ViewCtx::card`].
#[component]
pub fn EntityCard(marks: MarkIndex) -> impl IntoView {
    let ctx = ViewCtx::get();
    let card_ref = NodeRef::<leptos::html::Div>::new();
    let content = {
        let ctx = ctx.clone();
        move || {
            let mi = ctx.card.get()?;
            let a = &ctx.analysis;
            let m = a.mentions.get(mi)?;
            let e = &a.entities[m.entity];
            let key = label_key(e.label);
            let text = m.span.slice(&ctx.doc.text).to_string();
            let n = e.mentions.len();
            let aliases: Vec<String> = e
                .aliases
                .iter()
                .filter(|s| **s != e.name)
                .cloned()
                .collect();
            let role = m.role.as_ref().map(|r| match &r.affiliation {
                Some(aff) => format!("{} ({aff})", r.title),
                None => r.title.clone(),
            });
            // The normalised value and what it measures ("> 3 years · duration").
            let value = m.value.as_ref().map(|v| v.described());
            let related: Vec<String> = e
                .related
                .iter()
                .map(|r| format!("{} {}", relation_phrase(r.kind), r.name))
                .collect();
            let about: Vec<String> = a
                .claims
                .iter()
                .filter(|c| {
                    c.checkworthy && c.mentions.iter().any(|&k| a.mentions[k].entity == m.entity)
                })
                .map(|c| {
                    let t = c.span.get(&ctx.doc.text).unwrap_or("");
                    let short: String = t.chars().take(80).collect();
                    if short.len() < t.len() {
                        format!("{short}…")
                    } else {
                        short
                    }
                })
                .collect();
            let pinned = ctx.pinned.get() == Some(m.entity);
            let hint = if pinned {
                "Pinned · n / p step through mentions · Esc unpins"
            } else {
                "Click or press Enter to pin and step through its mentions · ← → next highlight"
            };
            Some(view! {
                <p class="card-type">
                    <span class=format!("swatch sw-{key}") aria-hidden="true"></span>
                    {label_title(e.label)}
                </p>
                <p class="card-name">{e.name.clone()}</p>
                <Show when={
                    let same = text == e.name;
                    move || !same
                }>
                    <p class="card-line">"As written: " <q>{text.clone()}</q></p>
                </Show>
                <dl class="card-facts">
                    {role.map(|r| view! { <div><dt>"Role"</dt><dd>{r}</dd></div> })}
                    {value.map(|v| view! { <div><dt>"Value"</dt><dd>{v}</dd></div> })}
                    {(!aliases.is_empty()).then(|| view! {
                        <div><dt>"Also"</dt><dd>{aliases.join(", ")}</dd></div>
                    })}
                    {(!related.is_empty()).then(|| view! {
                        <div><dt>"Related"</dt><dd>{related.join("; ")}</dd></div>
                    })}
                    <div>
                        <dt>"Mentions"</dt>
                        <dd>{format!("{n} in this article")}</dd>
                    </div>
                </dl>
                {(!about.is_empty()).then(|| view! {
                    <div class="card-claims">
                        <p class="card-claims-title">
                            {format!("Claims mentioning this · {}", about.len())}
                        </p>
                        <ul>
                            {about.into_iter().take(3).map(|t| view! { <li>{t}</li> }).collect_view()}
                        </ul>
                    </div>
                })}
                <p class="card-hint">{hint}</p>
            })
        }
    };

    // Position the card whenever it shows a different mention, and again
    // when a pin changes what it says (its height with it), so it stays
    // beside its mention and never covers it: at once, and once more in the
    // coming frame, before it is painted, when all its new content is in.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            let Some(mi) = ctx.card.get() else {
                return;
            };
            ctx.pinned.track();
            card_ref.track();
            let card = ctx.card;
            let place = {
                let marks = marks.clone();
                move || {
                    if card.get_untracked() != Some(mi) {
                        return;
                    }
                    let (Some(el), Some(Some(mark))) =
                        (card_ref.get_untracked(), marks.borrow().get(mi).cloned())
                    else {
                        return;
                    };
                    position(&el, &mark);
                }
            };
            place();
            request_animation_frame(place);
        });
    }

    let card = ctx.card;
    let close_on_leave = move |_| card.set(None);
    view! {
        <div
            id="entity-card"
            class="entity-card"
            role="tooltip"
            node_ref=card_ref
            hidden=move || card.get().is_none()
            on:mouseleave=close_on_leave
        >
            {content}
        </div>
    }
}
