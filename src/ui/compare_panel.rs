//! The Compare tab: the article's claims lined up with other sources (the
//! bundled reference pack, texts the reader adds) — a summary, a claim list
//! filterable by relation, speaker and the pinned entity, the side-by-side
//! view of the chosen claim, a coverage matrix, the sources and the export.
//!
//! The comparison ([`crate::analysis::compare`]) is built the first time the
//! tab opens, never at page load, and again whenever a source is added or
//! removed. Choosing a claim sets [`ViewCtx::claim`], so the article
//! highlights it and links restore it. The panel compares; it never says
//! which side is true.
//!
//! Size: the big parts (everything under the title, the claim list, the
//! side-by-side view) are mounted afresh when what they show changes
//! ([`Mounted`]) instead of being diffed by reactive closures, which would
//! add a rebuild path per view type to the wasm; selection and filters
//! elsewhere update classes and attributes only.

use std::any::Any;
use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::open::{chosen_file, read_text};
use super::share::download;
use super::state::ViewCtx;
use crate::analysis::compare::{
    json_ld, Alignment, Comparison, DocKind, Relation, Source, Workspace,
};
use crate::analysis::share::Tab;
use crate::analysis::{Label, Span, Speaker};

/// Pasted or opened texts larger than this are refused.
const MAX_SOURCE: usize = 2 * 1024 * 1024;

/// The workspace and its comparison, always computed together.
struct Data {
    ws: Workspace,
    cmp: Comparison,
}

type Shared = RwSignal<Option<Arc<Data>>>;

impl Data {
    fn new(ws: Workspace) -> Arc<Data> {
        let cmp = ws.compare();
        Arc::new(Data { ws, cmp })
    }
}

/// Class suffix of a relation (`rel-…`).
fn rel_key(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "differs",
        Relation::Agrees => "agrees",
        Relation::AddsContext => "context",
        Relation::NoReference => "none",
    }
}

/// The badge wording: what the sources do, never a verdict.
fn badge(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "differs",
        Relation::Agrees => "agrees",
        Relation::AddsContext => "adds context",
        Relation::NoReference => "no reference",
    }
}

/// The matrix symbol (with the badge wording beside it for screen readers).
fn symbol(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "≠",
        Relation::Agrees => "=",
        Relation::AddsContext => "+",
        Relation::NoReference => "·",
    }
}

/// "Summary of CSIS, 3 June 2025", "Your document: Notes", or the article's name.
fn source_title(s: &Source) -> String {
    match s.meta.kind {
        DocKind::ReferenceSummary => s.doc.title.clone(),
        DocKind::UserDocument => format!("Your document: {}", s.meta.label()),
        DocKind::Article => s.meta.label(),
    }
}

/// The speaker's name as the list shows it.
fn speaker_of(d: &Data, claim: usize) -> String {
    let a = &d.ws.article();
    a.analysis.claims[claim].speaker.display(&a.doc.text)
}

/// True when claim `claim` names entity `e` (or is said by it).
fn mentions_entity(ctx: &ViewCtx, claim: usize, e: usize) -> bool {
    let c = &ctx.analysis.claims[claim];
    matches!(c.speaker, Speaker::Entity { entity, .. } if entity == e)
        || c.mentions
            .iter()
            .any(|&m| ctx.analysis.mentions.get(m).is_some_and(|m| m.entity == e))
}

/// `text[base]` split into plain pieces and `<mark>`s; `marks` are byte
/// spans of `text` with a class, earlier ones winning where they overlap.
fn marked(text: &str, base: Span, mut marks: Vec<(Span, &'static str)>) -> impl IntoView {
    marks.retain(|(s, _)| s.start >= base.start && s.end <= base.end && s.start < s.end);
    // Few marks: an insertion sort is smaller in wasm than a sort instance.
    for i in 1..marks.len() {
        let mut j = i;
        while j > 0 && marks[j - 1].0.start > marks[j].0.start {
            marks.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out = Vec::new();
    let mut at = base.start;
    for (s, class) in marks {
        if s.start < at {
            continue;
        }
        if let Some(t) = text.get(at..s.start) {
            out.push(Either::Left(t.to_string()));
        }
        let t = text.get(s.start..s.end).unwrap_or_default().to_string();
        out.push(Either::Right(view! { <mark class=class>{t}</mark> }));
        at = s.end;
    }
    if let Some(t) = text.get(at..base.end) {
        out.push(Either::Left(t.to_string()));
    }
    out
}

/// Why a statement was matched: the names both give, the values compared,
/// and the scores ([`Alignment::explain`] without float formatting, which
/// would weigh on the wasm).
fn why(d: &Data, al: &Alignment) -> String {
    use super::claims_panel::score_text;
    let art = &d.ws.article().doc.text;
    let src = &d.ws.source(al.source).doc.text;
    let mut s = String::new();
    for (n, e) in al.shared.iter().enumerate() {
        s.push_str(if n == 0 { "Named by both: " } else { ", " });
        s.push_str(&e.name);
    }
    if !s.is_empty() {
        s.push_str(". ");
    }
    for v in &al.values {
        s.push_str(v.claim.get(art).unwrap_or_default());
        s.push_str(if v.agrees { " = " } else { " ≠ " });
        s.push_str(v.reference.get(src).unwrap_or_default());
        s.push_str(". ");
    }
    s.push_str("Shared wording ");
    s.push_str(&score_text(al.lexical));
    s.push_str(", entities ");
    s.push_str(&score_text(al.entity_score));
    s.push_str(", match ");
    s.push_str(&score_text(al.score));
    s.push('.');
    s
}

/// The article's claim beside one source's statement, marks and all.
fn pair(d: &Data, claim: Span, al: &Alignment) -> impl IntoView {
    let art = &d.ws.article().doc.text;
    let src = d.ws.source(al.source);
    let mut left = Vec::new();
    let mut right = Vec::new();
    for v in &al.values {
        let class = if v.agrees { "mk mk-same" } else { "mk mk-diff" };
        left.push((v.claim, class));
        right.push((v.reference, class));
    }
    for e in &al.shared {
        left.extend(e.claim_spans.iter().map(|s| (*s, "mk mk-shared")));
        right.extend(e.source_spans.iter().map(|s| (*s, "mk mk-shared")));
    }
    left.extend(al.claim_only.iter().map(|s| (*s, "mk mk-only")));
    right.extend(al.source_only.iter().map(|s| (*s, "mk mk-only")));
    let conf = (src.meta.kind == DocKind::ReferenceSummary)
        .then(|| format!("confidence: {}", src.meta.confidence.name()));
    let gap = al.gap_text(&d.ws);
    view! {
        <li class=format!("cmp-pair rel-{}", rel_key(al.relation))>
            <p class="cmp-pair-head">
                <span class="rel-badge">{badge(al.relation)}</span>
                <span class="cmp-src-name">{source_title(src)}</span>
                {conf.map(|c| view! { <span class="cmp-conf">{c}</span> })}
            </p>
            <div class="cmp-sides">
                <p class="cmp-side"><span class="cmp-side-label">"This article"</span>{marked(art, claim, left)}</p>
                <p class="cmp-side"><span class="cmp-side-label">"Source"</span>{marked(&src.doc.text, al.span, right)}</p>
            </div>
            {gap.map(|g| view! { <p class="cmp-gap">{g}</p> })}
            <p class="cmp-explain">{why(d, al)}</p>
        </li>
    }
}

/// The side-by-side view of claim row `k` of the comparison.
fn detail(d: &Data, k: usize) -> impl IntoView {
    let ca = &d.cmp.claims[k];
    let span = d.ws.article().analysis.claims[ca.claim].span;
    let pairs = if ca.alignments.is_empty() {
        Either::Left(view! {
            <p class="cmp-none">"No reference in this pack: no source speaks of this claim."</p>
        })
    } else {
        Either::Right(view! {
            <ul class="cmp-pairs">
                {ca.alignments.iter().map(|al| pair(d, span, al)).collect_view()}
            </ul>
        })
    };
    view! {
        <div class="cmp-detail" id="cmp-detail">
            {pairs}
            <p class="cmp-legend">
                <mark class="mk mk-diff">"differing value"</mark>
                <mark class="mk mk-same">"same value"</mark>
                <mark class="mk mk-shared">"named by both"</mark>
                <mark class="mk mk-only">"named by one side"</mark>
            </p>
        </div>
    }
}

/// Scroll the chosen claim's row (and its side-by-side view) into the panel.
fn reveal(claim: usize) {
    set_timeout(
        move || {
            let el = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector(&format!(".cmp-row[data-c=\"{claim}\"]"))
                    .ok()
                    .flatten()
            });
            if let Some(el) = el {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The claim index in `data-c` of the clicked element or its ancestors.
fn clicked_claim(ev: &leptos::ev::MouseEvent) -> Option<usize> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest("[data-c]")
        .ok()??
        .get_attribute("data-c")?
        .parse()
        .ok()
}

/// One claim of the list, with a slot for its side-by-side view.
fn row(ctx: &ViewCtx, d: &Arc<Data>, k: usize) -> impl IntoView {
    let ca = &d.cmp.claims[k];
    let i = ca.claim;
    let a = d.ws.article();
    let c = &a.analysis.claims[i];
    let text = c.span.slice(&a.doc.text).to_string();
    let met = ca.alignments.len();
    let selected = ctx.claim;
    view! {
        <li>
            <button type="button" class="cmp-row" data-c=i
                aria-pressed=move || (selected.get() == Some(i)).to_string()>
                <span class="claim-text">{text}</span>
                <span class="claim-meta">
                    <span class=format!("rel-badge rel-{}", rel_key(ca.relation))>{badge(ca.relation)}</span>
                    <span class="cmp-num">{format!("#{}", k + 1)}</span>
                    <span class="claim-speaker">{speaker_of(d, i)}</span>
                    <span>{format!("{met} source{}", if met == 1 { "" } else { "s" })}</span>
                    <span class="claim-score" title="Check-worthiness, 0 to 1">
                        {super::claims_panel::score_text(c.score)}
                    </span>
                </span>
            </button>
            <div class="cmp-slot" data-slot=i></div>
        </li>
    }
}

/// The claim list as the filters and the pinned entity ask.
fn list(ctx: &ViewCtx, d: &Arc<Data>, filters: Filters) -> impl IntoView {
    let pin = ctx.pinned.get_untracked();
    let Filters { rel, speaker, sort } = filters;
    let (rel, who, sort) = (
        rel.get_untracked(),
        speaker.get_untracked(),
        sort.get_untracked(),
    );
    let mut keep: Vec<usize> = (0..d.cmp.claims.len())
        .filter(|&k| {
            let ca = &d.cmp.claims[k];
            rel.is_none_or(|r| ca.relation == r)
                && (who.is_empty() || speaker_of(d, ca.claim) == who)
                && pin.is_none_or(|e| mentions_entity(ctx, ca.claim, e))
        })
        .collect();
    let claims = &d.ws.article().analysis.claims;
    if sort == "score" {
        // Most check-worthy first, ties in text order (insertion sort: small wasm).
        let score = |k: usize| claims[d.cmp.claims[k].claim].score;
        for i in 1..keep.len() {
            let mut j = i;
            while j > 0 && score(keep[j - 1]) < score(keep[j]) {
                keep.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    // By speaker: one group per speaker, in order of first claim.
    let groups: Vec<(Option<String>, Vec<usize>)> = if sort == "speaker" {
        let mut g: Vec<(Option<String>, Vec<usize>)> = Vec::new();
        for &k in &keep {
            let s = speaker_of(d, d.cmp.claims[k].claim);
            match g.iter_mut().find(|(n, _)| n.as_deref() == Some(&s)) {
                Some((_, v)) => v.push(k),
                None => g.push((Some(s), vec![k])),
            }
        }
        g
    } else {
        vec![(None, keep)]
    };
    if groups.iter().all(|(_, v)| v.is_empty()) {
        return Either::Left(view! {
            <p class="cmp-none">"No claim matches these filters."</p>
        });
    }
    Either::Right(
        groups
            .into_iter()
            .map(|(name, ks)| {
                let n = ks.len();
                view! {
                    {name.map(|s| view! { <h3 class="cmp-speaker">{s}" · "{n}</h3> })}
                    <ol class="claim-rows cmp-rows">
                        {ks.into_iter().map(|k| row(ctx, d, k)).collect_view()}
                    </ol>
                }
            })
            .collect_view(),
    )
}

/// The coverage matrix: claims × sources, one symbol per cell.
fn matrix(ctx: &ViewCtx, d: &Arc<Data>) -> impl IntoView {
    let sources = d.ws.sources();
    let heads = sources
        .iter()
        .enumerate()
        .map(|(j, s)| {
            view! {
                <th scope="col"><span aria-hidden="true">{j + 1}</span><span class="sr-only">{source_title(s)}</span></th>
            }
        })
        .collect_view();
    let selected = ctx.claim;
    let text = &d.ws.article().doc.text;
    let rows = d
        .cmp
        .coverage()
        .into_iter()
        .enumerate()
        .map(|(k, cells)| {
            let i = d.cmp.claims[k].claim;
            let claim = d.ws.article().analysis.claims[i].span.slice(text);
            let short: String = claim.chars().take(60).collect();
            let cells = cells
                .into_iter()
                .map(|r| {
                    view! {
                        <td class=format!("mx rel-{}", rel_key(r)) data-c=i>
                            <span aria-hidden="true">{symbol(r)}</span><span class="sr-only">{badge(r)}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr class:mx-sel=move || selected.get() == Some(i)>
                    <th scope="row">
                        <button type="button" class="mx-claim" data-c=i
                            aria-label=format!("Claim {}: {short}…", k + 1)>{k + 1}</button>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let choose = move |ev: leptos::ev::MouseEvent| {
        if let Some(i) = clicked_claim(&ev) {
            selected.set(Some(i));
            reveal(i);
        }
    };
    view! {
        <div class="mx-wrap" tabindex="0" role="region" aria-labelledby="mx-caption">
            <table class="mx" on:click=choose>
                <caption id="mx-caption">"Coverage: claims (rows) × sources (columns)"</caption>
                <thead><tr><th scope="col">"Claim"</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="cmp-legend">"≠ differs · = agrees · + adds context · · no reference"</p>
    }
}

/// Everything below the title once the comparison exists.
fn body(ctx: &ViewCtx, d: Arc<Data>, data: Shared, filters: Filters) -> impl IntoView {
    let Filters { rel, speaker, sort } = filters;
    let pinned = ctx.pinned;
    let [differ, agree, context, none] = d.cmp.counts();
    let total = d.cmp.claims.len();
    let sources = d.ws.sources();
    let rated = sources
        .iter()
        .any(|s| s.meta.kind == DocKind::ReferenceSummary);
    let source_rows = sources
        .iter()
        .enumerate()
        .map(|(j, s)| {
            let conf = match s.meta.kind {
                DocKind::ReferenceSummary => format!("confidence: {}", s.meta.confidence.name()),
                _ => "not rated".to_string(),
            };
            let remove = (s.meta.kind == DocKind::UserDocument).then(|| {
                let name = s.meta.source.clone();
                view! {
                    <button type="button" class="link-button" aria-label=format!("Remove {name}")
                        on:click=move |_| {
                            if let Some(d) = data.get_untracked() {
                                let mut ws = d.ws.clone();
                                ws.remove(j);
                                data.set(Some(Data::new(ws)));
                            }
                        }>"Remove"</button>
                }
            });
            view! {
                <li>
                    <span class="cmp-src-name">{source_title(s)}</span>
                    " "<span class="cmp-conf">{conf}</span>
                    {remove}
                </li>
            }
        })
        .collect_view();
    let export = {
        let (d, id) = (d.clone(), ctx.doc.id.clone());
        move |_| {
            let _ = download(
                &format!("{id}.claims.jsonld"),
                "application/ld+json",
                &json_ld(&d.ws, &d.cmp),
            );
        }
    };
    // Filter choices: speakers in order of first claim, entities named in claims.
    let mut speakers: Vec<String> = Vec::new();
    for ca in &d.cmp.claims {
        let s = speaker_of(&d, ca.claim);
        if !speakers.contains(&s) {
            speakers.push(s);
        }
    }
    let who = speaker.get_untracked();
    let speaker_options = speakers
        .iter()
        .map(|s| view! { <option value=s.clone() prop:selected=*s == who>{s.clone()}</option> })
        .collect_view();
    let entity_options = ctx
        .analysis
        .entities
        .iter()
        .enumerate()
        .filter(|(e, ent)| {
            !matches!(ent.label, Label::Date | Label::Quantity | Label::Money)
                && d.cmp
                    .claims
                    .iter()
                    .any(|ca| mentions_entity(ctx, ca.claim, *e))
        })
        .map(|(e, ent)| {
            view! {
                <option value=e.to_string() prop:selected=move || pinned.get() == Some(e)>
                    {ent.name.clone()}
                </option>
            }
        })
        .collect_view();
    let order = sort.get_untracked();
    let toggle = {
        let selected = ctx.claim;
        move |ev: leptos::ev::MouseEvent| {
            if let Some(i) = clicked_claim(&ev) {
                let now = selected.get_untracked();
                selected.set(if now == Some(i) { None } else { Some(i) });
            }
        }
    };
    let pin_name = {
        let ctx = ctx.clone();
        move || {
            pinned.get().map(|e| {
                format!(
                    "Only claims that mention {} (pinned). ",
                    ctx.analysis.entities[e].name
                )
            })
        }
    };
    let unpin = {
        let ctx = ctx.clone();
        move |_| ctx.unpin()
    };
    let entity_change = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::Event| match event_target_value(&ev).parse::<usize>() {
            Ok(e) => ctx.pin(e, 0),
            Err(_) => ctx.unpin(),
        }
    };
    view! {
        <p class="cmp-counts">
            {format!("{total} claims: ")}
            <span class="rel-badge rel-differs">{format!("{differ} differ")}</span>" "
            <span class="rel-badge rel-agrees">{format!("{agree} agree")}</span>" "
            <span class="rel-badge rel-context">{format!("{context} add context")}</span>" "
            <span class="rel-badge rel-none">{format!("{none} no reference")}</span>
        </p>
        <p class="cmp-note">
            {if sources.is_empty() {
                "No reference pack for this document: add a source below to compare its claims."
            } else {
                "What other sources say about the same facts. claimlens compares; it does not say which side is right."
            }}
        </p>
        <div class="cmp-filters">
            <label>"Relation"
                <select on:change=move |ev| rel.set(Relation::parse(&event_target_value(&ev)))>
                    <option value="">"All"</option>
                    {Relation::ALL.iter().map(|r| view! {
                        <option value=r.name() prop:selected=rel.get_untracked() == Some(*r)>{badge(*r)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Speaker"
                <select on:change=move |ev| speaker.set(event_target_value(&ev))>
                    <option value="">"Anyone"</option>
                    {speaker_options}
                </select>
            </label>
            <label>"Entity"
                <select on:change=entity_change>
                    <option value="">"Any"</option>
                    {entity_options}
                </select>
            </label>
            <label>"Order"
                <select on:change=move |ev| sort.set(event_target_value(&ev))>
                    <option value="">"Position"</option>
                    <option value="score" prop:selected=order == "score">"Check-worthiness"</option>
                    <option value="speaker" prop:selected=order == "speaker">"By speaker"</option>
                </select>
            </label>
        </div>
        <p class="cmp-pinned" role="status" hidden=move || pinned.get().is_none()>
            {pin_name}
            <button type="button" class="link-button" on:click=unpin>"Show all"</button>
        </p>
        <div class="cmp-list" id="cmp-list" on:click=toggle></div>
        {(!sources.is_empty()).then(|| matrix(ctx, &d))}
        <h3 class="cmp-subtitle">{format!("Sources ({})", sources.len())}</h3>
        <ol class="cmp-sources">{source_rows}</ol>
        {rated.then(|| view! {
            <p class="cmp-legend">
                "Summaries in claimlens' own words, not quotations. Confidence, from the project's fact sheet: firm = widely reported and stable; reported = reported by several outlets, details may vary."
            </p>
        })}
        <button type="button" class="link-button" on:click=export
            title="Download the claims and their relations to the sources as JSON-LD (schema.org Claim)">
            "Export comparison (JSON-LD)"
        </button>
    }
}

/// The list's filters, kept across recomputations.
#[derive(Clone, Copy)]
struct Filters {
    rel: RwSignal<Option<Relation>>,
    speaker: RwSignal<String>,
    sort: RwSignal<String>,
}

/// "Add a source": paste a text with a name, or open a .txt file.
#[component]
fn AddSource(data: Shared) -> impl IntoView {
    let name = NodeRef::<leptos::html::Input>::new();
    let text = NodeRef::<leptos::html::Textarea>::new();
    let status = RwSignal::new(String::new());
    // Add a text as a source and compare again; false if it was refused.
    let add = move |label: String, body: String| -> bool {
        let Some(d) = data.get_untracked() else {
            return false;
        };
        if body.trim().is_empty() {
            status.set("Paste or open a text first.".into());
            return false;
        }
        if body.len() > MAX_SOURCE {
            status.set("This text is too long to compare (over 2 MB).".into());
            return false;
        }
        let n =
            d.ws.sources()
                .iter()
                .filter(|s| s.meta.kind == DocKind::UserDocument)
                .count()
                + 1;
        let label = match label.trim() {
            "" => format!("Document {n}"),
            l => l.to_string(),
        };
        let mut ws = d.ws.clone();
        ws.add_user_text(&format!("user-{n}"), &label, &body);
        let new = Data::new(ws);
        let differ = new.cmp.counts()[0];
        data.set(Some(new));
        status.set(format!(
            "Added {label} as source {}. {differ} claims now differ from a source.",
            d.ws.sources().len() + 1
        ));
        true
    };
    let paste = move |_| {
        let (Some(n), Some(t)) = (name.get(), text.get()) else {
            return;
        };
        if add(n.value(), t.value()) {
            n.set_value("");
            t.set_value("");
        }
    };
    let open = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        if file.size() > MAX_SOURCE as f64 {
            status.set("This file is too large to compare (over 2 MB).".into());
            return;
        }
        let label = file.name();
        let label = label.trim_end_matches(".txt").to_string();
        read_text(file, move |body| {
            add(label, body);
        });
    };
    view! {
        <details class="cmp-add">
            <summary>"Add a source"</summary>
            <label for="cmp-add-name">"Name"</label>
            <input id="cmp-add-name" type="text" node_ref=name placeholder="e.g. Wire report, 4 June 2025"/>
            <label for="cmp-add-text">"Text"</label>
            <textarea id="cmp-add-text" node_ref=text rows="5"></textarea>
            <div class="cmp-add-actions">
                <button type="button" class="share-button" on:click=paste>"Compare this text"</button>
                <label class="link-button file-button">
                    "Open a .txt file…"
                    <input type="file" class="sr-only" accept=".txt,text/plain" on:change=open/>
                </label>
            </div>
            <p class="cmp-status" role="status">{move || status.get()}</p>
        </details>
    }
}

/// A view mounted by hand into a host element: replaced whole (unmounted,
/// then mounted afresh) rather than diffed, so big views carry no rebuild
/// code in the wasm.
type Mounted = StoredValue<Option<Box<dyn Any>>, LocalStorage>;

/// The hand-mounted parts of the panel, innermost last.
#[derive(Clone, Copy)]
struct Parts {
    body: Mounted,
    list: Mounted,
    detail: Mounted,
}

/// The first element matching `selector`.
fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// Unmount what `slot` shows, then mount `view` into `host` (if it exists).
fn mount_in<V: IntoView + 'static>(
    slot: Mounted,
    host: Option<web_sys::HtmlElement>,
    view: impl FnOnce() -> V + 'static,
) {
    slot.set_value(None);
    if let Some(host) = host {
        let handle = untrack(|| leptos::mount::mount_to(host, view));
        slot.set_value(Some(Box::new(handle)));
    }
}

/// Show the side-by-side view of the chosen claim under its row.
fn show_detail(d: &Arc<Data>, claim: Option<usize>, parts: Parts) {
    let k = claim.and_then(|i| d.cmp.claims.iter().position(|c| c.claim == i));
    let host = claim.and_then(|i| find(&format!(".cmp-slot[data-slot=\"{i}\"]")));
    let d = d.clone();
    match (k, host) {
        (Some(k), Some(host)) => mount_in(parts.detail, Some(host), move || detail(&d, k)),
        _ => parts.detail.set_value(None),
    }
}

/// Show the claim list (and the chosen claim's side-by-side view).
fn show_list(ctx: &ViewCtx, d: &Arc<Data>, filters: Filters, parts: Parts) {
    parts.detail.set_value(None);
    let (c, dd) = (ctx.clone(), d.clone());
    mount_in(parts.list, find("#cmp-list"), move || {
        list(&c, &dd, filters)
    });
    show_detail(d, ctx.claim.get_untracked(), parts);
}

/// The Compare tab's content (built the first time the tab opens).
#[component]
pub fn ComparePanel() -> impl IntoView {
    let ctx = ViewCtx::get();
    let data: Shared = RwSignal::new(None);
    let filters = Filters {
        rel: RwSignal::new(None),
        speaker: RwSignal::new(String::new()),
        sort: RwSignal::new(String::new()),
    };
    let parts = Parts {
        body: StoredValue::new_local(None),
        list: StoredValue::new_local(None),
        detail: StoredValue::new_local(None),
    };
    let host = NodeRef::<leptos::html::Div>::new();
    // Compare the first time the tab opens.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            if ctx.tab.get() == Tab::Compare && data.with_untracked(Option::is_none) {
                let mut ws = Workspace::with_analysis((*ctx.doc).clone(), (*ctx.analysis).clone());
                ws.add_reference_pack();
                data.set(Some(Data::new(ws)));
            }
        });
    }
    // A new comparison: everything afresh.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            let (Some(d), Some(el)) = (data.get(), host.get()) else {
                return;
            };
            parts.list.set_value(None);
            parts.detail.set_value(None);
            let (c, dd) = (ctx.clone(), d.clone());
            mount_in(parts.body, Some(el.into()), move || {
                body(&c, dd, data, filters)
            });
            show_list(&ctx, &d, filters, parts);
        });
    }
    // Other filters or another pinned entity: the list afresh.
    {
        let ctx = ctx.clone();
        Effect::new(move |prev: Option<()>| {
            filters.rel.track();
            filters.speaker.track();
            filters.sort.track();
            ctx.pinned.track();
            if let (Some(d), Some(_)) = (data.get_untracked(), prev) {
                show_list(&ctx, &d, filters, parts);
            }
        });
    }
    // Another claim chosen: its side-by-side view.
    {
        let claim = ctx.claim;
        Effect::new(move |prev: Option<()>| {
            let c = claim.get();
            if let (Some(d), Some(_)) = (data.get_untracked(), prev) {
                show_detail(&d, c, parts);
            }
        });
    }
    let ready = Memo::new(move |_| data.with(Option::is_some));
    view! {
        <section class="panel-card cmp-panel" aria-labelledby="cmp-title">
            <h2 id="cmp-title" class="panel-title">"Compare with other sources"</h2>
            <p class="cmp-note" hidden=move || ready.get()>"Comparing…"</p>
            <div node_ref=host></div>
            <div hidden=move || !ready.get()><AddSource data=data/></div>
        </section>
    }
}
