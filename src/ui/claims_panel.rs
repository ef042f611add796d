//! The Claims tab: every claim with its speaker, kind, certainty and
//! check-worthiness; choosing one highlights it in the article, with its
//! attribution cue, hedges, boosters and loaded wording marked.

use leptos::prelude::*;

use super::dom::{range_for, set_highlight};
use super::state::ViewCtx;
use crate::analysis::share::source_link;
use crate::analysis::{Certainty, Span, CHECKWORTHY};

/// Highlight names, styled by `::highlight(…)` rules in `style/main.css`.
const HL_CLAIM: &str = "cl-claim";
const HL_CUE: &str = "cl-cue";
const HL_HEDGE: &str = "cl-hedge";
const HL_BOOSTER: &str = "cl-booster";
const HL_OPINION: &str = "cl-opinion";
/// Claims rendered per turn of the event loop (see [`ClaimsPanel`]).
const ROWS: usize = 200;

fn certainty_key(c: Certainty) -> &'static str {
    match c {
        Certainty::Asserted => "asserted",
        Certainty::Hedged => "hedged",
        Certainty::AttributedOnly => "attributed",
    }
}

/// A score in 0–1 with two decimals ("0.72"), without float formatting.
pub(super) fn score_text(score: f32) -> String {
    let hundredths = (score.clamp(0.0, 1.0) * 100.0).round() as u32;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Draw the selected claim (or clear it) and bring it into view. Run by the
/// viewer ([`super::app::Viewer`]) whichever tab is open, so it is part of
/// the first download while the tab's list is not.
pub fn draw_selected_claim(ctx: &ViewCtx, claim: Option<usize>) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".doc-body").ok().flatten())
    else {
        return;
    };
    // The offsets index (a pass over the text) only once there is something
    // to draw: with no claim chosen, mounting a long document builds none.
    let ranges = |spans: &[Span]| -> Vec<web_sys::Range> {
        if spans.is_empty() {
            return Vec::new();
        }
        let offsets = ctx.offsets();
        spans
            .iter()
            .filter_map(|s| range_for(&body, &ctx.doc, offsets, *s))
            .collect()
    };
    let c = claim.and_then(|i| ctx.analysis.claims.get(i));
    let empty: &[Span] = &[];
    set_highlight(
        HL_CLAIM,
        &ranges(c.map(|c| std::slice::from_ref(&c.span)).unwrap_or(empty)),
    );
    let cue: Vec<Span> = c.and_then(|c| c.cue).into_iter().collect();
    set_highlight(HL_CUE, &ranges(&cue));
    set_highlight(
        HL_HEDGE,
        &ranges(c.map(|c| c.hedges.as_slice()).unwrap_or(empty)),
    );
    set_highlight(
        HL_BOOSTER,
        &ranges(c.map(|c| c.boosters.as_slice()).unwrap_or(empty)),
    );
    set_highlight(
        HL_OPINION,
        &ranges(c.map(|c| c.opinion.as_slice()).unwrap_or(empty)),
    );
    if let Some(c) = c {
        if let Some(r) = range_for(&body, &ctx.doc, ctx.offsets(), c.span) {
            let rect = r.get_bounding_client_rect();
            let h = web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            if rect.top() < 64.0 || rect.bottom() > h {
                if let Some(w) = web_sys::window() {
                    let top = w.scroll_y().unwrap_or(0.0) + rect.top() - h / 3.0;
                    let opts = web_sys::ScrollToOptions::new();
                    opts.set_top(top.max(0.0));
                    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                    w.scroll_to_with_scroll_to_options(&opts);
                }
            }
        }
    }
}

crate::split_fn! {
    /// The Claims tab (the `claims` chunk, loaded when the tab first opens).
    claims, pub fn claims_panel_view() -> AnyView {
        view! { <ClaimsPanel/> }.into_any()
    }
}

/// The list of claims.
#[component]
pub fn ClaimsPanel() -> impl IntoView {
    let ctx = ViewCtx::get();
    // In the view state (`ViewCtx::all_claims`), so links carry it.
    let all_claims = ctx.all_claims;
    let only_checkworthy = move || !all_claims.get();
    let selected = ctx.claim;
    let total = ctx.analysis.claims.len();
    let worthy = ctx.analysis.claims.iter().filter(|c| c.checkworthy).count();
    let text = ctx.doc.text.clone();
    let row = {
        let ctx = ctx.clone();
        move |i: usize| -> AnyView {
            let c = &ctx.analysis.claims[i];
            let claim_text = c.span.get(&text).unwrap_or("").to_string();
            let speaker = c.speaker.display(&text);
            let kind = c.kind.title();
            let certainty = c.certainty;
            let score = c.score;
            let checkworthy = c.checkworthy;
            let hedges: Vec<String> = c
                .hedges
                .iter()
                .filter_map(|s| s.get(&text).map(str::to_string))
                .collect();
            let values: Vec<String> = c
                .mentions
                .iter()
                .filter_map(|&m| {
                    let m = ctx.analysis.mentions.get(m)?;
                    let v = m.value.as_ref()?;
                    Some(format!("{} = {v}", m.span.get(&text)?))
                })
                .collect();
            let negated = c.negated;
            let ctx2 = ctx.clone();
            // The claim on the page the document came from (a Text Fragment).
            let at_source = ctx
                .doc
                .url
                .as_deref()
                .and_then(|u| source_link(u, &text, c.span));
            view! {
                <li hidden=move || only_checkworthy() && !checkworthy>
                    <button
                        type="button"
                        class="claim-row"
                        data-c=i
                        aria-pressed=move || (selected.get() == Some(i)).to_string()
                        on:click=move |_| {
                            let now = ctx2.claim.get_untracked();
                            ctx2.claim.set(if now == Some(i) { None } else { Some(i) });
                        }
                    >
                        <span class="claim-text">{claim_text}</span>
                        <span class="claim-meta">
                            <span class="claim-speaker">{speaker}</span>
                            <span class="claim-kind">{kind}</span>
                            <span class=format!("claim-certainty cc-{}", certainty_key(certainty))>
                                {certainty.title()}
                            </span>
                            {negated.then(|| view! { <span class="claim-neg">"Negated"</span> })}
                            <span class="claim-score" title="Check-worthiness, 0 to 1">
                                {score_text(score)}
                            </span>
                        </span>
                        {(!hedges.is_empty()).then(|| view! {
                            <span class="claim-detail">"Hedged by: " {hedges.join(", ")}</span>
                        })}
                        {(!values.is_empty()).then(|| view! {
                            <span class="claim-detail">"Rests on: " {values.join("; ")}</span>
                        })}
                    </button>
                    {at_source.map(|href| view! {
                        <a class="source-link" href=href target="_blank" rel="noopener noreferrer"
                            title="The page this document came from, scrolled to this claim">
                            "Open at the source"
                        </a>
                    })}
                </li>
            }
            .into_any()
        }
    };
    // A long list is rendered in slices of ROWS claims, the first with the
    // tab and one more per turn of the event loop (a 5 MB text has some
    // 45,000 claims), as the entity list is.
    let slices = total.div_ceil(ROWS).max(1);
    let ready = super::dom::slices_in_turns(slices);
    let rows: Vec<AnyView> = (0..slices)
        .map(|k| {
            let row = row.clone();
            let slice = move || {
                (k * ROWS..total.min((k + 1) * ROWS))
                    .map(&row)
                    .collect_view()
            };
            if k == 0 {
                return slice().into_any();
            }
            view! { <Show when=move || k < ready.get()>{slice.clone()}</Show> }.into_any()
        })
        .collect();
    view! {
        <section class="panel-card claims-panel" aria-labelledby="claims-title">
            <h2 id="claims-title" class="panel-title">{format!("Claims · {worthy} check-worthy of {total}")}</h2>
            <label class="check-label">
                <input type="checkbox" prop:checked=only_checkworthy
                    on:change=move |ev| all_claims.set(!event_target_checked(&ev))/>
                {format!(" Check-worthy only (score ≥ {})", score_text(CHECKWORTHY))}
            </label>
            <ol class="claim-rows">{rows}</ol>
            <p class="claims-legend">
                <span class="cl-key cl-key-cue">"cue"</span>
                <span class="cl-key cl-key-hedge">"hedge"</span>
                <span class="cl-key cl-key-booster">"booster"</span>
                <span class="cl-key cl-key-opinion">"loaded wording"</span>
            </p>
        </section>
    }
}
