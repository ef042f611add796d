//! What the Compare tab shows of a comparison: the summary, the claim
//! list (computed by [`crate::analysis::compare::list`]), the side-by-side
//! view of the chosen claim, the coverage matrix and the filters' state.

use super::*;

/// Class suffix of a relation (`rel-…`).
pub(super) fn rel_key(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "rel-differs",
        Relation::Agrees => "rel-agrees",
        Relation::AddsContext => "rel-context",
        Relation::NoReference => "rel-none",
    }
}

/// The badge wording: what the sources do, never a verdict.
pub(super) fn badge(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "differs",
        Relation::Agrees => "agrees",
        Relation::AddsContext => "adds context",
        Relation::NoReference => "no reference",
    }
}

/// The matrix symbol (with the badge wording beside it for screen readers).
pub(super) fn symbol(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "≠",
        Relation::Agrees => "=",
        Relation::AddsContext => "+",
        Relation::NoReference => "·",
    }
}

/// "Summary of CSIS, 3 June 2025", "Your document: Notes", or the article's name.
pub(super) fn source_title(s: &Source) -> String {
    match s.meta.kind {
        DocKind::ReferenceSummary => s.doc.title.clone(),
        DocKind::UserDocument => format!("Your document: {}", s.meta.label()),
        DocKind::Article => s.meta.label(),
    }
}

/// The speaker of the article's claim `claim`, as the list shows it.
pub(super) fn speaker_of(ctx: &ViewCtx, claim: usize) -> String {
    ctx.analysis.claims[claim].speaker.display(&ctx.doc.text)
}

/// Why a statement was matched: the names both give, the values compared,
/// and the scores ([`Alignment::explain`] without float formatting, which
/// would weigh on the wasm).
pub(super) fn why(d: &Data, al: &Alignment) -> String {
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
pub(super) fn pair(d: &Data, claim: Span, al: &Alignment) -> El {
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
pub(super) fn show_detail(d: &Data, claim: Option<usize>) {
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
pub(super) fn show_list(ctx: &ViewCtx, d: &Data) {
    let Some(list) = host("cmp-list") else { return };
    let query = ListQuery {
        relation: ctx.relation.get_untracked(),
        speaker: ctx.speaker.get_untracked(),
        entity: ctx.pinned.get_untracked(),
        order: ctx.order.get_untracked(),
    };
    let groups = claim_list(&d.cmp, &ctx.analysis, &ctx.doc.text, &query);
    let claims = &ctx.analysis.claims;
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
pub(super) fn show_summary(d: &Data) {
    let [differ, agree, context, none] = d.cmp.counts();
    let sources = d.ws.sources();
    if let Some(h) = host("cmp-summary") {
        let counts = El::new("p", "cmp-counts")
            .text(&format!(
                "{} claims, check-worthy or not: ",
                d.cmp.claims.len()
            ))
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
                li = li
                    .add(
                        El::new("button", "link-button")
                            .attr("type", "button")
                            .attr("data-base", &j.to_string())
                            .attr("aria-label", &format!("Make {} the base", s.meta.source))
                            .text("Make base"),
                    )
                    .add(
                        El::new("button", "link-button")
                            .attr("type", "button")
                            .attr("data-remove", &j.to_string())
                            .attr("aria-label", &format!("Remove {}", s.meta.source))
                            .text("Remove"),
                    );
            }
            ol = ol.add(li);
        }
        // The base: the article shown, whose claims are compared. It can
        // be removed when another document can take its place.
        let name = &d.ws.article().doc.title;
        let mut base = El::new("p", "cmp-base")
            .text("Base (the article shown, whose claims are compared): ")
            .leaf("span", "cmp-src-name", name)
            .text(" ");
        if sources.iter().any(|s| s.meta.kind == DocKind::UserDocument) {
            base = base.add(
                El::new("button", "link-button")
                    .attr("type", "button")
                    .attr("data-act", "remove-base")
                    .attr("aria-label", &format!("Remove {name}"))
                    .text("Remove"),
            );
        }
        let title = El::new("h3", "cmp-subtitle")
            .attr("id", "cmp-sources-title")
            .attr("tabindex", "-1")
            .text(&format!("Sources ({})", sources.len()));
        let _ = h.append_with_node_3(&base.0, &title.0, &ol.0);
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
pub(super) fn matrix(d: &Data) -> El {
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

/// Show the filters the view state holds (a link may have set them).
pub(super) fn show_filters(ctx: &ViewCtx) {
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

/// Say how adding or removing a source went: `ok`, or refused (shown in
/// the error colours).
pub(super) fn status(text: &str, ok: bool) {
    set_text("cmp-status", text);
    if let Some(el) = find_html("cmp-status") {
        let _ = el.set_attribute("data-kind", if ok { "ok" } else { "error" });
    }
}
