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
//! Size: the shell (filters, the add form) is a Leptos view built once; the
//! parts that follow the comparison (summary, list, side-by-side view,
//! matrix, sources) are plain DOM built by a few small functions
//! (`El`) and rebuilt whole when it changes, and the chosen claim is shown
//! by toggling attributes. Typed Leptos views of the same parts cost the wasm
//! about 25 KB gzipped more (a build and a rebuild path per view type). Text
//! goes in as text nodes only, never as HTML.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::claims_panel::score_text;
use super::intake::html_to_tree;
use super::open::chosen_file;
use super::share::download;
use super::state::{AddedSource, ViewCtx};
use crate::analysis::compare::{
    json_ld, reference_pack_file, Alignment, Comparison, DocKind, Relation, Source, Workspace,
};
use crate::analysis::intake::{intake_bytes, intake_text, Intake, IntakeError};
use crate::analysis::share::{Order, Tab};
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
        Relation::Differs => "rel-differs",
        Relation::Agrees => "rel-agrees",
        Relation::AddsContext => "rel-context",
        Relation::NoReference => "rel-none",
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

/// The speaker of the article's claim `claim`, as the list shows it.
fn speaker_of(ctx: &ViewCtx, claim: usize) -> String {
    ctx.analysis.claims[claim].speaker.display(&ctx.doc.text)
}

/// True when claim `claim` names entity `e` (or is said by it).
fn mentions_entity(ctx: &ViewCtx, claim: usize, e: usize) -> bool {
    let c = &ctx.analysis.claims[claim];
    matches!(c.speaker, Speaker::Entity { entity, .. } if entity == e)
        || c.mentions
            .iter()
            .any(|&m| ctx.analysis.mentions.get(m).is_some_and(|m| m.entity == e))
}

/// A DOM element under construction (text goes in as text nodes only).
struct El(web_sys::Element);

impl El {
    /// A new `<tag class=class>`.
    fn new(tag: &str, class: &str) -> El {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let e = doc.create_element(tag).expect("an element");
        if !class.is_empty() {
            e.set_class_name(class);
        }
        El(e)
    }

    /// Set an attribute.
    fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Append text.
    fn text(self, t: &str) -> El {
        let _ = self.0.append_with_str_1(t);
        self
    }

    /// Append a child.
    fn add(self, child: El) -> El {
        let _ = self.0.append_with_node_1(&child.0);
        self
    }

    /// Append `<tag class=class>text</tag>`.
    fn leaf(self, tag: &str, class: &str, t: &str) -> El {
        self.add(El::new(tag, class).text(t))
    }

    /// Append text with a hidden symbol and its words for screen readers.
    fn symbol(self, shown: &str, said: &str) -> El {
        self.add(El::new("span", "").attr("aria-hidden", "true").text(shown))
            .leaf("span", "sr-only", said)
    }
}

/// The element with id `id`, emptied.
fn host(id: &str) -> Option<web_sys::Element> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    el.set_text_content(None);
    Some(el)
}

/// `text[base]` as text and `<mark>`s; `marks` are byte spans of `text`
/// with a class, earlier ones winning where they overlap.
fn marked(mut p: El, text: &str, base: Span, mut marks: Vec<(Span, &'static str)>) -> El {
    marks.retain(|(s, _)| s.start >= base.start && s.end <= base.end && s.start < s.end);
    // Few marks: an insertion sort is smaller in wasm than a sort instance.
    for i in 1..marks.len() {
        let mut j = i;
        while j > 0 && marks[j - 1].0.start > marks[j].0.start {
            marks.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut at = base.start;
    for (s, class) in marks {
        if s.start < at {
            continue;
        }
        p = p.text(text.get(at..s.start).unwrap_or_default()).leaf(
            "mark",
            class,
            text.get(s.start..s.end).unwrap_or_default(),
        );
        at = s.end;
    }
    p.text(text.get(at..base.end).unwrap_or_default())
}

/// Why a statement was matched: the names both give, the values compared,
/// and the scores ([`Alignment::explain`] without float formatting, which
/// would weigh on the wasm).
fn why(d: &Data, al: &Alignment) -> String {
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
fn pair(d: &Data, claim: Span, al: &Alignment) -> El {
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
    let mut head = El::new("p", "cmp-pair-head")
        .leaf("span", "rel-badge", badge(al.relation))
        .leaf("span", "cmp-src-name", &source_title(src));
    if src.meta.kind == DocKind::ReferenceSummary {
        head = head.leaf(
            "span",
            "cmp-conf",
            &format!("confidence: {}", src.meta.confidence.name()),
        );
    }
    let side = |label: &str| El::new("p", "cmp-side").leaf("span", "cmp-side-label", label);
    let mut li = El::new("li", &format!("cmp-pair {}", rel_key(al.relation)))
        .add(head)
        .add(
            El::new("div", "cmp-sides")
                .add(marked(side("This article"), art, claim, left))
                .add(marked(side("Source"), &src.doc.text, al.span, right)),
        );
    if let Some(g) = al.gap_text(&d.ws) {
        li = li.leaf("p", "cmp-gap", &g);
    }
    li.leaf("p", "cmp-explain", &why(d, al))
}

/// Show the side-by-side view of claim `claim` under its row (removing the
/// one shown before), and mark the claim chosen in the list and the matrix.
fn show_detail(d: &Data, claim: Option<usize>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(old) = doc.get_element_by_id("cmp-detail") {
        old.remove();
    }
    let all = |sel: &str| {
        let list = doc.query_selector_all(sel).ok();
        (0..list.as_ref().map_or(0, |l| l.length()))
            .filter_map(move |i| list.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
    };
    for b in all(".cmp-row[aria-pressed=\"true\"]") {
        let _ = b.set_attribute("aria-pressed", "false");
    }
    for r in all("tr.mx-sel") {
        let _ = r.class_list().remove_1("mx-sel");
    }
    let Some(i) = claim else { return };
    for b in all(&format!(".cmp-row[data-c=\"{i}\"]")) {
        let _ = b.set_attribute("aria-pressed", "true");
    }
    for r in all(&format!("tr[data-row=\"{i}\"]")) {
        let _ = r.class_list().add_1("mx-sel");
    }
    let (Some(ca), Some(slot)) = (
        d.cmp.for_claim(i),
        doc.query_selector(&format!(".cmp-slot[data-slot=\"{i}\"]"))
            .ok()
            .flatten(),
    ) else {
        return;
    };
    let span = d.ws.article().analysis.claims[i].span;
    let mut div = El::new("div", "cmp-detail").attr("id", "cmp-detail");
    if ca.alignments.is_empty() {
        div = div.leaf(
            "p",
            "cmp-none",
            "No reference in this pack: no source speaks of this claim.",
        );
    } else {
        let mut ul = El::new("ul", "cmp-pairs");
        for al in &ca.alignments {
            ul = ul.add(pair(d, span, al));
        }
        div = div.add(ul);
    }
    let legend = El::new("p", "cmp-legend")
        .leaf("mark", "mk mk-diff", "differing value")
        .leaf("mark", "mk mk-same", "same value")
        .leaf("mark", "mk mk-shared", "named by both")
        .leaf("mark", "mk mk-only", "named by one side");
    let _ = slot.append_with_node_1(&div.add(legend).0);
}

/// Rebuild the claim list as the filters and the pinned entity ask, with
/// the chosen claim's side-by-side view.
fn show_list(ctx: &ViewCtx, d: &Data) {
    let Some(list) = host("cmp-list") else { return };
    let pin = ctx.pinned.get_untracked();
    let rel = ctx.relation.get_untracked();
    let who = ctx.speaker.get_untracked().unwrap_or_default();
    let sort = ctx.order.get_untracked();
    let mut keep: Vec<usize> = (0..d.cmp.claims.len())
        .filter(|&k| {
            let ca = &d.cmp.claims[k];
            rel.is_none_or(|r| ca.relation == r)
                && (who.is_empty() || speaker_of(ctx, ca.claim) == who)
                && pin.is_none_or(|e| mentions_entity(ctx, ca.claim, e))
        })
        .collect();
    let claims = &ctx.analysis.claims;
    if sort == Order::Score {
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
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for &k in &keep {
        let s = if sort == Order::Speaker {
            speaker_of(ctx, d.cmp.claims[k].claim)
        } else {
            String::new()
        };
        match groups.iter_mut().find(|(n, _)| *n == s) {
            Some((_, v)) => v.push(k),
            None => groups.push((s, vec![k])),
        }
    }
    if groups.is_empty() {
        let p = El::new("p", "cmp-none").text("No claim matches these filters.");
        let _ = list.append_with_node_1(&p.0);
    }
    for (name, ks) in groups {
        if !name.is_empty() {
            let h = El::new("h3", "cmp-speaker").text(&format!("{name} · {}", ks.len()));
            let _ = list.append_with_node_1(&h.0);
        }
        let mut ol = El::new("ol", "claim-rows cmp-rows");
        for k in ks {
            let ca = &d.cmp.claims[k];
            let i = ca.claim;
            let c = &claims[i];
            let met = ca.alignments.len();
            let n = i.to_string();
            let meta = El::new("span", "claim-meta")
                .leaf(
                    "span",
                    &format!("rel-badge {}", rel_key(ca.relation)),
                    badge(ca.relation),
                )
                .leaf("span", "cmp-num", &format!("#{}", i + 1))
                .leaf("span", "claim-speaker", &speaker_of(ctx, i))
                .leaf(
                    "span",
                    "",
                    &format!("{met} source{}", if met == 1 { "" } else { "s" }),
                )
                .add(
                    El::new("span", "claim-score")
                        .attr("title", "Check-worthiness, 0 to 1")
                        .text(&score_text(c.score)),
                );
            let button = El::new("button", "cmp-row")
                .attr("type", "button")
                .attr("data-c", &n)
                .attr("aria-pressed", "false")
                .leaf(
                    "span",
                    "claim-text",
                    c.span.get(&ctx.doc.text).unwrap_or_default(),
                )
                .add(meta);
            ol = ol.add(
                El::new("li", "")
                    .add(button)
                    .add(El::new("div", "cmp-slot").attr("data-slot", &n)),
            );
        }
        let _ = list.append_with_node_1(&ol.0);
    }
    show_detail(d, ctx.claim.get_untracked());
}

/// Rebuild the summary, the coverage matrix and the sources.
fn show_summary(d: &Data) {
    let [differ, agree, context, none] = d.cmp.counts();
    let sources = d.ws.sources();
    if let Some(h) = host("cmp-summary") {
        let counts = El::new("p", "cmp-counts")
            .text(&format!("{} claims: ", d.cmp.claims.len()))
            .leaf("span", "rel-badge rel-differs", &format!("{differ} differ"))
            .leaf("span", "rel-badge rel-agrees", &format!("{agree} agree"))
            .leaf(
                "span",
                "rel-badge rel-context",
                &format!("{context} add context"),
            )
            .leaf(
                "span",
                "rel-badge rel-none",
                &format!("{none} no reference"),
            );
        let note = El::new("p", "cmp-note").text(if sources.is_empty() {
            "No reference pack for this document: add a source below to compare its claims."
        } else {
            "What other sources say about the same facts. claimlens compares; it does not say which side is right."
        });
        let _ = h.append_with_node_2(&counts.0, &note.0);
    }
    if let Some(h) = host("cmp-matrix") {
        if !sources.is_empty() {
            let _ = h.append_with_node_2(
                &matrix(d).0,
                &El::new("p", "cmp-legend")
                    .text("≠ differs · = agrees · + adds context · · no reference")
                    .0,
            );
        }
    }
    if let Some(h) = host("cmp-sources") {
        let mut ol = El::new("ol", "cmp-sources");
        for (j, s) in sources.iter().enumerate() {
            let mut li = El::new("li", "")
                .leaf("span", "cmp-src-name", &source_title(s))
                .text(" ");
            li = match s.meta.kind {
                DocKind::ReferenceSummary => li.leaf(
                    "span",
                    "cmp-conf",
                    &format!("confidence: {}", s.meta.confidence.name()),
                ),
                _ => li.leaf("span", "cmp-conf", "not rated"),
            };
            if s.meta.kind == DocKind::UserDocument {
                li = li.add(
                    El::new("button", "link-button")
                        .attr("type", "button")
                        .attr("data-remove", &j.to_string())
                        .attr("aria-label", &format!("Remove {}", s.meta.source))
                        .text("Remove"),
                );
            }
            ol = ol.add(li);
        }
        let title = El::new("h3", "cmp-subtitle")
            .attr("id", "cmp-sources-title")
            .attr("tabindex", "-1")
            .text(&format!("Sources ({})", sources.len()));
        let _ = h.append_with_node_2(&title.0, &ol.0);
        if sources
            .iter()
            .any(|s| s.meta.kind == DocKind::ReferenceSummary)
        {
            let _ = h.append_with_node_1(&El::new("p", "cmp-legend").text(
                "Summaries in claimlens' own words, not quotations. Confidence, from the project's fact sheet: firm = widely reported and stable; reported = reported by several outlets, details may vary.",
            ).0);
        }
    }
}

/// The coverage matrix: claims × sources, one symbol per cell, each with
/// its words for screen readers; rows and columns have headers.
fn matrix(d: &Data) -> El {
    let a = d.ws.article();
    let mut head = El::new("tr", "").add(El::new("th", "").attr("scope", "col").text("Claim"));
    for (j, s) in d.ws.sources().iter().enumerate() {
        head = head.add(
            El::new("th", "")
                .attr("scope", "col")
                .symbol(&(j + 1).to_string(), &source_title(s)),
        );
    }
    let mut body = El::new("tbody", "");
    for (k, cells) in d.cmp.coverage().into_iter().enumerate() {
        let i = d.cmp.claims[k].claim;
        let n = i.to_string();
        let short: String = a.analysis.claims[i]
            .span
            .slice(&a.doc.text)
            .chars()
            .take(60)
            .collect();
        let mut tr = El::new("tr", "").attr("data-row", &n).add(
            El::new("th", "").attr("scope", "row").add(
                El::new("button", "mx-claim")
                    .attr("type", "button")
                    .attr("data-c", &n)
                    .attr("aria-label", &format!("Claim {}: {short}…", i + 1))
                    .text(&(i + 1).to_string()),
            ),
        );
        for r in cells {
            tr = tr.add(
                El::new("td", &format!("mx {}", rel_key(r)))
                    .attr("data-c", &n)
                    .symbol(symbol(r), badge(r)),
            );
        }
        body = body.add(tr);
    }
    let table = El::new("table", "mx")
        .add(
            El::new("caption", "")
                .attr("id", "mx-caption")
                .text("Coverage: claims (rows) × sources (columns)"),
        )
        .add(El::new("thead", "").add(head))
        .add(body);
    El::new("div", "mx-wrap")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-labelledby", "mx-caption")
        .add(table)
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

/// The value of attribute `name` on the clicked element or its nearest
/// ancestor that has it.
fn clicked(ev: &leptos::ev::MouseEvent, name: &str) -> Option<usize> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(&format!("[{name}]"))
        .ok()??
        .get_attribute(name)?
        .parse()
        .ok()
}

/// Show the filters the view state holds (a link may have set them).
fn show_filters(ctx: &ViewCtx) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let values = [
        (
            "rel",
            ctx.relation
                .get_untracked()
                .map(|r| r.name())
                .unwrap_or_default()
                .to_string(),
        ),
        ("speaker", ctx.speaker.get_untracked().unwrap_or_default()),
        ("order", ctx.order.get_untracked().key().to_string()),
    ];
    for (name, v) in values {
        if let Ok(Some(sel)) = doc.query_selector(&format!("#cmp-shell select[name={name}]")) {
            let _ = js_sys::Reflect::set(&sel, &"value".into(), &v.into());
        }
    }
}

/// A property of a DOM object, as a string ("" if absent).
fn prop(target: &wasm_bindgen::JsValue, name: &str) -> String {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Set a property of the element with id `id`.
fn set_prop(id: &str, name: &str, value: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = js_sys::Reflect::set(&el, &name.into(), &value.into());
    }
}

/// The HTML element with id `id`.
fn find_html(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Set the text of the element with id `id`.
fn set_text(id: &str, text: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.set_text_content(Some(text));
    }
}

/// `<label>name <select name=key>` with `(value, text)` options.
fn select(label: &str, key: &str, options: &[(String, String)]) -> El {
    let mut sel = El::new("select", "").attr("name", key);
    for (v, t) in options {
        sel = sel.add(El::new("option", "").attr("value", v).text(t));
    }
    El::new("label", "").text(label).add(sel)
}

/// The panel's controls and the places the comparison is shown, built
/// once, the first time there is a comparison.
fn shell(ctx: &ViewCtx) {
    let Some(h) = host("cmp-shell") else { return };
    let own = |s: &str| s.to_string();
    let mut rels = vec![(String::new(), own("All"))];
    rels.extend(
        Relation::ALL
            .iter()
            .map(|r| (own(r.name()), own(badge(*r)))),
    );
    let mut speakers = vec![(String::new(), own("Anyone"))];
    for i in 0..ctx.analysis.claims.len() {
        let s = speaker_of(ctx, i);
        if !speakers.iter().any(|(v, _)| *v == s) {
            speakers.push((s.clone(), s));
        }
    }
    let mut entities = vec![(String::new(), own("Any"))];
    for (e, ent) in ctx.analysis.entities.iter().enumerate() {
        if !matches!(ent.label, Label::Date | Label::Quantity | Label::Money)
            && (0..ctx.analysis.claims.len()).any(|c| mentions_entity(ctx, c, e))
        {
            entities.push((e.to_string(), ent.name.clone()));
        }
    }
    let orders = [
        (own(Order::Position.key()), own("Position")),
        (own(Order::Score.key()), own("Check-worthiness")),
        (own(Order::Speaker.key()), own("By speaker")),
    ];
    let filters = El::new("div", "cmp-filters")
        .add(select("Relation", "rel", &rels))
        .add(select("Speaker", "speaker", &speakers))
        .add(select("Entity", "entity", &entities))
        .add(select("Order", "order", &orders));
    let add = El::new("details", "cmp-add")
        .leaf("summary", "", "Add a source")
        .add(
            El::new("label", "")
                .attr("for", "cmp-add-name")
                .text("Name"),
        )
        .add(
            El::new("input", "")
                .attr("id", "cmp-add-name")
                .attr("type", "text")
                .attr("placeholder", "e.g. Wire report, 4 June 2025"),
        )
        .add(
            El::new("label", "")
                .attr("for", "cmp-add-text")
                .text("Text"),
        )
        .add(
            El::new("textarea", "")
                .attr("id", "cmp-add-text")
                .attr("rows", "5"),
        )
        .add(
            El::new("div", "cmp-add-actions")
                .add(
                    El::new("button", "share-button")
                        .attr("type", "button")
                        .attr("data-act", "add")
                        .text("Compare this text"),
                )
                .add(
                    El::new("label", "link-button file-button")
                        .text("Open a file…")
                        .add(
                            El::new("input", "sr-only")
                                .attr("type", "file")
                                .attr("name", "file")
                                .attr("accept", ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"),
                        ),
                ),
        )
        .add(
            El::new("p", "cmp-status")
                .attr("id", "cmp-status")
                .attr("role", "status"),
        );
    let div = |id: &str, class: &str| El::new("div", class).attr("id", id);
    let shell = El::new("div", "")
        .add(div("cmp-summary", ""))
        .add(filters)
        .add(
            El::new("p", "cmp-pinned")
                .attr("id", "cmp-pinned")
                .attr("role", "status"),
        )
        .add(div("cmp-list", "cmp-list"))
        .add(div("cmp-matrix", ""))
        .add(div("cmp-sources", ""))
        .add(add)
        .add(
            El::new("button", "link-button")
                .attr("type", "button")
                .attr("data-act", "export")
                .attr(
                    "title",
                    "Download the claims and their relations to the sources as JSON-LD (schema.org Claim)",
                )
                .text("Export comparison (JSON-LD)"),
        );
    let _ = h.append_with_node_1(&shell.0);
}

/// Say which entity the list is narrowed to, with a way back.
fn show_pinned(ctx: &ViewCtx) {
    let pinned = ctx.pinned.get_untracked();
    if let Some(sel) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("#cmp-shell select[name=entity]")
            .ok()
            .flatten()
    }) {
        let v = pinned.map(|e| e.to_string()).unwrap_or_default();
        let _ = js_sys::Reflect::set(&sel, &"value".into(), &v.into());
    }
    let Some(p) = host("cmp-pinned") else { return };
    let _ = p.toggle_attribute_with_force("hidden", pinned.is_none());
    if let Some(e) = pinned {
        let name = &ctx.analysis.entities[e].name;
        let _ = p.append_with_str_1(&format!("Only claims that mention {name} (pinned). "));
        let b = El::new("button", "link-button")
            .attr("type", "button")
            .attr("data-act", "unpin")
            .text("Show all");
        let _ = p.append_with_node_1(&b.0);
    }
}

/// Say how adding or removing a source went: `ok`, or refused (shown in
/// the error colours).
fn status(text: &str, ok: bool) {
    set_text("cmp-status", text);
    if let Some(el) = find_html("cmp-status") {
        let _ = el.set_attribute("data-kind", if ok { "ok" } else { "error" });
    }
}

/// Add a source brought in by the same checks as Open… (`got`); `label`
/// is the name the reader typed, else the document's own title. False if
/// it was refused.
fn add_intake(
    ctx: &ViewCtx,
    data: Shared,
    label: String,
    got: Result<Intake, IntakeError>,
) -> bool {
    match got {
        Ok(i) => {
            let label = if label.trim().is_empty() && !i.document.title_supplied {
                i.document.title
            } else {
                label
            };
            add_source(ctx, data, label, i.document.text)
        }
        Err(e) => {
            status(&format!("{e} Nothing was added."), false);
            false
        }
    }
}

/// Why a text cannot be a source (`None`: it can).
fn refused(body: &str) -> Option<&'static str> {
    if body.trim().is_empty() {
        Some("Paste or open a text first.")
    } else if body.len() > MAX_SOURCE {
        Some("This text is too long to compare (over 2 MB).")
    } else {
        None
    }
}

/// The workspace id of added source `s`.
fn user_id(s: &AddedSource) -> String {
    format!("user-{}", s.id)
}

/// Add a text as a source and compare again; false if it was refused.
fn add_source(ctx: &ViewCtx, data: Shared, label: String, body: String) -> bool {
    let Some(d) = data.get_untracked() else {
        return false;
    };
    if let Some(why) = refused(&body) {
        status(why, false);
        return false;
    }
    let n = ctx
        .sources
        .with_untracked(|s| s.iter().map(|s| s.id).max().unwrap_or(0))
        + 1;
    let label = match label.trim() {
        "" => format!("Document {n}"),
        l => l.to_string(),
    };
    // Packed once, here, for the links that carry it.
    let added = AddedSource::new(n, label.clone(), &body);
    let mut ws = d.ws.clone();
    ws.add_user_text(&user_id(&added), &label, &body);
    let new = Data::new(ws);
    let differ = new.cmp.counts()[0];
    data.set(Some(new));
    ctx.sources.update(|s| s.push(added));
    // A source the link that opened this view could not carry, added now.
    ctx.left_out.update(|l| l.retain(|n| *n != label));
    status(
        &format!(
            "Added {label} as source {}. {differ} claims now differ from a source.",
            d.ws.sources().len() + 1
        ),
        true,
    );
    true
}

/// Compare again when the added sources the view holds are not those of
/// the comparison shown (a link's, or back / forward): the workspace
/// `base` (the article and its pack) with each of them, checked as
/// "Add a source" checks what the reader adds.
fn follow_sources(ctx: &ViewCtx, data: Shared, base: &Workspace) {
    let want = ctx.sources.get_untracked();
    if let Some(d) = data.get_untracked() {
        let have: Vec<&crate::analysis::compare::Source> =
            d.ws.sources()
                .iter()
                .filter(|s| s.meta.kind == DocKind::UserDocument)
                .collect();
        let same = have.len() == want.len()
            && have
                .iter()
                .zip(&want)
                .all(|(h, w)| h.meta.id == user_id(w) && h.doc.text == *w.text);
        if same {
            return;
        }
    }
    let mut ws = base.clone();
    let mut kept = Vec::new();
    for s in want.iter() {
        match refused(&s.text) {
            None => {
                ws.add_user_text(&user_id(s), &s.name, &s.text);
                kept.push(s.clone());
            }
            Some(why) => ctx.notices.update(|n| {
                n.push(format!(
                    "The source {} in the link was not added: {why}",
                    s.name
                ))
            }),
        }
    }
    data.set(Some(Data::new(ws)));
    if kept.len() != want.len() {
        ctx.sources.set(kept);
    }
}

crate::split_fn! {
    /// The Compare tab (the `compare` chunk, loaded when the tab first opens).
    compare, pub fn compare_panel_view() -> AnyView {
        view! { <ComparePanel/> }.into_any()
    }
}

/// The Compare tab's content (compared the first time the tab opens).
#[component]
pub fn ComparePanel() -> impl IntoView {
    let ctx = ViewCtx::get();
    let data: Shared = RwSignal::new(None);
    // The article and its reference pack: what added sources are added to.
    let base = StoredValue::new(None::<Arc<Workspace>>);
    let (pinned, selected) = (ctx.pinned, ctx.claim);
    // Compare the first time the tab opens (once the reference pack, one of
    // the app's own files, has been fetched).
    {
        let ctx = ctx.clone();
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            if ctx.tab.get() == Tab::Compare && !started.get_value() {
                started.set_value(true);
                let ctx = ctx.clone();
                leptos::task::spawn_local(async move {
                    // The sources are analysed by the engine, which the
                    // bundled article did not need to load.
                    if let Err(e) = super::engine::ready().await {
                        // Said in the panel; opening the tab again tries again.
                        started.set_value(false);
                        if let Some(shell) = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id("cmp-shell"))
                        {
                            shell.set_text_content(Some(&e.to_string()));
                        }
                        return;
                    }
                    let mut ws =
                        Workspace::with_analysis((*ctx.doc).clone(), (*ctx.analysis).clone());
                    if let Some(file) = reference_pack_file(&ctx.doc.id) {
                        match super::dom::fetch_text(file).await {
                            Some(text) => {
                                ws.add_pack_text(&text);
                            }
                            None => ctx.notices.set(vec![format!(
                                "The reference pack ({file}) could not be loaded: the comparison has only the sources you add."
                            )]),
                        }
                    }
                    ctx.pack_sources.set(ws.sources().len());
                    let ws = Arc::new(ws);
                    base.set_value(Some(ws.clone()));
                    // With the sources a link brought, if any.
                    follow_sources(&ctx, data, &ws);
                });
            }
        });
    }
    // Sources changed by a link (back / forward): compare again.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            ctx.sources.track();
            if let Some(ws) = base.get_value() {
                follow_sources(&ctx, data, &ws);
            }
        });
    }
    // A new comparison, other filters or another pinned entity: rebuild.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            ctx.relation.track();
            ctx.speaker.track();
            ctx.order.track();
            pinned.track();
            if let Some(d) = data.get() {
                if web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|doc| doc.get_element_by_id("cmp-summary"))
                    .is_none()
                {
                    shell(&ctx);
                    show_filters(&ctx);
                }
                show_summary(&d);
                show_pinned(&ctx);
                show_list(&ctx, &d);
            }
        });
    }
    // Another claim chosen: its side-by-side view.
    Effect::new(move |prev: Option<()>| {
        let c = selected.get();
        if let (Some(d), Some(_)) = (data.get_untracked(), prev) {
            show_detail(&d, c);
        }
    });
    // Every control of the panel, by delegation.
    let click = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::MouseEvent| {
            let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let in_part = |id: &str| el.closest(&format!("#{id}")).ok().flatten().is_some();
            if let Some(i) = clicked(&ev, "data-c") {
                if in_part("cmp-matrix") {
                    // The matrix selects and brings the claim into view.
                    selected.set(Some(i));
                    reveal(i);
                } else {
                    let now = selected.get_untracked();
                    selected.set(if now == Some(i) { None } else { Some(i) });
                }
                return;
            }
            if let (Some(j), Some(d)) = (clicked(&ev, "data-remove"), data.get_untracked()) {
                let mut ws = d.ws.clone();
                if let Some(gone) = ws.remove(j) {
                    ctx.sources
                        .update(|s| s.retain(|s| user_id(s) != gone.meta.id));
                    let left = ws.sources().len();
                    let said = format!(
                        "Removed {}. {left} source{} left.",
                        gone.meta.source,
                        if left == 1 { "" } else { "s" }
                    );
                    // The status line follows: it no longer names the source.
                    status(&said, true);
                    ctx.announce.set(said);
                }
                data.set(Some(Data::new(ws)));
                // The button is gone: keep the focus nearby.
                set_timeout(
                    || {
                        if let Some(h) = find_html("cmp-sources-title") {
                            let _ = h.focus();
                        }
                    },
                    std::time::Duration::ZERO,
                );
                return;
            }
            let act = el
                .closest("[data-act]")
                .ok()
                .flatten()
                .and_then(|a| a.get_attribute("data-act"))
                .unwrap_or_default();
            match act.as_str() {
                "unpin" => ctx.unpin(),
                "export" => {
                    if let Some(d) = data.get_untracked() {
                        let _ = download(
                            &format!("{}.claims.jsonld", ctx.doc.id),
                            "application/ld+json",
                            &json_ld(&d.ws, &d.cmp),
                        );
                    }
                }
                "add" => {
                    let doc = web_sys::window().and_then(|w| w.document());
                    let value = |id: &str| {
                        doc.as_ref()
                            .and_then(|d| d.get_element_by_id(id))
                            .map(|e| prop(&e, "value"))
                            .unwrap_or_default()
                    };
                    let text = value("cmp-add-text");
                    if text.trim().is_empty() {
                        status("Paste or open a text first.", false);
                        return;
                    }
                    // Pasted text goes through the same checks as Open….
                    let got = intake_text("", &text, &html_to_tree);
                    if add_intake(&ctx, data, value("cmp-add-name"), got) {
                        set_prop("cmp-add-name", "value", "");
                        set_prop("cmp-add-text", "value", "");
                    }
                }
                _ => {}
            }
        }
    };
    let change = {
        let ctx = ctx.clone();
        move |ev: leptos::ev::Event| {
            let Some(t) = ev.target() else { return };
            let value = prop(&t, "value");
            match prop(&t, "name").as_str() {
                "rel" => ctx.relation.set(Relation::parse(&value)),
                "speaker" => ctx.speaker.set((!value.is_empty()).then_some(value)),
                "order" => ctx.order.set(Order::parse(&value).unwrap_or_default()),
                "entity" => match value.parse::<usize>() {
                    Ok(e) => ctx.pin(e, 0),
                    Err(_) => ctx.unpin(),
                },
                "file" => {
                    let Some(file) = chosen_file(&ev) else { return };
                    if file.size() > MAX_SOURCE as f64 {
                        status("This file is too large to compare (over 2 MB).", false);
                        return;
                    }
                    // The same checks as Open…: what it is, its encoding,
                    // a saved page's article.
                    let name = file.name();
                    let promise = file.array_buffer();
                    let ctx = ctx.clone();
                    leptos::task::spawn_local(async move {
                        let Ok(buf) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                            status(
                                &format!("{name} could not be read. Nothing was added."),
                                false,
                            );
                            return;
                        };
                        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                        add_intake(
                            &ctx,
                            data,
                            String::new(),
                            intake_bytes(&name, &bytes, &html_to_tree),
                        );
                    });
                }
                _ => {}
            }
        }
    };
    view! {
        <section class="panel-card cmp-panel" aria-labelledby="cmp-title"
            on:click=click on:change=change>
            <h2 id="cmp-title" class="panel-title">"Compare with other sources"</h2>
            <div id="cmp-shell"><p class="cmp-note">"Comparing…"</p></div>
        </section>
    }
}
