//! Claim comparison: the bundled article against its reference pack (well
//! formed: one alignment per source, values of one kind, gaps as written),
//! a second unrelated article with two reference documents, and the JSON-LD
//! export. How many of the hand-written expectations in
//! tests/fixtures/compare/ are met is a figure of `claimlens eval compare`.

use claimlens_core::compare::{Relation, Workspace};

#[test]
fn default_article_comparison_is_well_formed() {
    claimlens_core::frontcode::install_bundled();
    use claimlens_core::compare::{comparable, COUNTERPART_MIN};
    let ws = Workspace::for_default_article();
    assert!(ws.sources().len() >= 15);
    let cmp = ws.compare();
    let art = &ws.article().doc.text;
    assert!(cmp.claims.iter().any(|c| !c.alignments.is_empty()));
    for c in &cmp.claims {
        // A source counts once per claim.
        let mut seen: Vec<usize> = c.alignments.iter().map(|a| a.source).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), c.alignments.len(), "claim {}", c.claim);
        if c.alignments.is_empty() {
            assert_eq!(c.relation, Relation::NoReference);
        }
        for al in &c.alignments {
            assert!(al.score >= COUNTERPART_MIN);
            // Only values of the same kind are compared.
            for v in &al.values {
                assert!(comparable(&v.claim_value, &v.reference_value), "{v:?}");
            }
            if al.relation == Relation::Differs {
                let v = al
                    .values
                    .iter()
                    .find(|v| !v.agrees)
                    .expect("a differing value");
                let src = ws.source(al.source);
                assert_eq!(
                    al.gap_text(&ws).unwrap(),
                    format!(
                        "{} vs {} ({})",
                        v.claim.slice(art),
                        v.reference.slice(&src.doc.text),
                        src.meta.label()
                    )
                );
            }
        }
    }
}

#[test]
fn comparison_is_deterministic_and_coverage_fits() {
    claimlens_core::frontcode::install_bundled();
    let ws = Workspace::for_default_article();
    let a = ws.compare();
    let b = ws.compare();
    assert_eq!(a, b);
    let m = a.coverage();
    assert_eq!(m.len(), ws.article().analysis.claims.len());
    assert!(m.iter().all(|row| row.len() == ws.sources().len()));
    for (c, row) in a.claims.iter().zip(&m) {
        for al in &c.alignments {
            assert!(row[al.source] <= al.relation);
            // Spans point into the right texts.
            let src = &ws.source(al.source).doc.text;
            assert!(al.span.get(src).is_some());
            for v in &al.values {
                assert!(al.span.contains(v.reference));
                assert!(v.claim.get(&ws.article().doc.text).is_some());
            }
        }
        let w: Vec<f32> = c.alignments.iter().map(|a| a.score).collect();
        assert!(w.windows(2).all(|p| p[0] >= p[1]), "best first");
    }
}

#[test]
fn a_second_unrelated_article_generalises() {
    claimlens_core::frontcode::install_bundled();
    use claimlens_core::compare::{DocKind, SourceMeta};
    use claimlens_core::Document;
    let article = Document::from_plain_text(
        "harborview",
        "Harborview budget",
        include_str!("../../../tests/fixtures/compare/harborview-article.txt"),
    );
    let mut ws = Workspace::new(article);
    for (id, name, text) in [
        (
            "finance",
            "Harborview Department of Finance",
            include_str!("../../../tests/fixtures/compare/harborview-finance.txt"),
        ),
        (
            "auditor",
            "City Auditor",
            include_str!("../../../tests/fixtures/compare/harborview-auditor.txt"),
        ),
    ] {
        ws.add(
            Document::from_plain_text(id, name, text),
            SourceMeta::named(id, name, DocKind::UserDocument),
        );
    }
    let cmp = ws.compare();
    // The adopted budget gives another increase for the same budget.
    let art = &ws.article().doc.text;
    let ci = ws
        .article()
        .analysis
        .claims
        .iter()
        .position(|c| c.text(art).contains("$412 million budget"))
        .unwrap();
    let ca = cmp.for_claim(ci).unwrap();
    assert_eq!(ca.relation, Relation::Differs);
    // Both figures are shown as written, side by side.
    let pairs: Vec<(String, String)> = ca
        .alignments
        .iter()
        .flat_map(|a| {
            let src = &ws.source(a.source).doc.text;
            a.values.iter().filter(|v| !v.agrees).map(|v| {
                (
                    v.claim.slice(art).to_string(),
                    v.reference.slice(src).to_string(),
                )
            })
        })
        .collect();
    assert!(
        pairs.contains(&("6 percent".into(), "3.5 percent".into())),
        "{pairs:?}"
    );
}

#[test]
fn json_ld_export_is_valid_and_complete() {
    claimlens_core::frontcode::install_bundled();
    use claimlens_core::compare::json_ld;
    use claimlens_core::share::{parse_json, Json};
    let ws = Workspace::for_default_article();
    let cmp = ws.compare();
    let out = json_ld(&ws, &cmp);
    let v = parse_json(&out).expect("valid JSON");
    let graph = v.get("@graph").and_then(Json::as_array).unwrap();
    assert_eq!(graph.len(), cmp.claims.len());
    let mut differs = 0;
    for (claim, ca) in graph.iter().zip(&cmp.claims) {
        assert_eq!(claim.get("@type").and_then(Json::as_str), Some("Claim"));
        assert!(claim.get("text").and_then(Json::as_str).is_some());
        assert!(claim.get("appearance").is_some() && claim.get("firstAppearance").is_some());
        let rel = claim.get("cl:relation").and_then(Json::as_str).unwrap();
        assert!(rel.starts_with("cl:"));
        let als = claim.get("cl:alignment").and_then(Json::as_array).unwrap();
        assert_eq!(als.len(), ca.alignments.len());
        for al in als {
            let src = al.get("cl:source").unwrap();
            assert!(src
                .get("name")
                .and_then(Json::as_str)
                .unwrap()
                .starts_with("Summary of "));
            assert!(src.get("cl:confidence").is_some());
            if al.get("cl:relation").and_then(Json::as_str) == Some("cl:differs") {
                differs += 1;
                let vals = al.get("cl:valueCompared").and_then(Json::as_array).unwrap();
                assert!(vals
                    .iter()
                    .any(|x| x.get("cl:agrees") == Some(&Json::Bool(false))));
            }
        }
    }
    assert!(differs <= graph.len());
    // A named speaker becomes the Claim's author.
    assert!(out.contains("\"author\": { \"@type\": \"Person\", \"name\": \"Vladimir Medinsky\" }"));
    // Nothing rates a claim.
    assert!(!out.contains("reviewRating"));
}

#[test]
fn odd_inputs_never_panic() {
    claimlens_core::frontcode::install_bundled();
    use claimlens_core::Document;
    let texts = [
        "",
        "   \n\n  ",
        "No full stop and 12 numbers 12",
        "😀 שלום مرحبا Привет — “quotes” 1,000 € 5 %.",
        "A.\nB.\nC. 1 2 3 4 5 6 7 8 9 10.",
        "The U.S. paid $3.5bn in 2024. The US paid $4bn in 2024; the United States denied it.",
    ];
    for a in texts {
        let mut ws = Workspace::new(Document::from_plain_text("a", "a", a));
        for (i, b) in texts.iter().enumerate() {
            ws.add_user_text(&format!("u{i}"), "u", b);
        }
        let cmp = ws.compare();
        assert_eq!(cmp.claims.len(), ws.article().analysis.claims.len());
        for ca in &cmp.claims {
            for al in &ca.alignments {
                assert!(al.span.get(&ws.source(al.source).doc.text).is_some());
                assert!((0.0..=1.0).contains(&al.score));
            }
        }
        let _ = claimlens_core::compare::json_ld(&ws, &cmp);
    }
}

#[test]
fn reference_pack_invents_no_figure() {
    claimlens_core::frontcode::install_bundled();
    use claimlens_core::compare::reference_pack;
    use claimlens_core::DEFAULT_ID;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/istanbul-2025-facts.md");
    let Ok(sheet) = std::fs::read_to_string(&path) else {
        println!(
            "skipped: {} not found (no shared folder beside this clone)",
            path.display()
        );
        return;
    };
    let numbers = |t: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in t.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_digit() || (c == ',' && !cur.is_empty()) {
                cur.push(c);
            } else if !cur.is_empty() {
                out.push(cur.trim_end_matches(',').to_string());
                cur.clear();
            }
        }
        out
    };
    let in_sheet = numbers(&sheet);
    for d in reference_pack(DEFAULT_ID).unwrap() {
        // The ISO `date` restates `when` (months as numbers), so it is left out.
        let all = format!(
            "{} {} {}",
            d.text,
            d.citation.as_deref().unwrap_or(""),
            d.when.as_deref().unwrap_or(""),
        );
        for n in numbers(&all) {
            let n = n.trim_start_matches('0');
            assert!(
                n.is_empty() || in_sheet.iter().any(|s| s.trim_start_matches('0') == n),
                "{}: {n} is not in the fact sheet",
                d.id
            );
        }
    }
}
