//! Export of the article's claims and their relations to other sources as
//! JSON-LD: schema.org [`Claim`](https://schema.org/Claim) objects, the type
//! that [ClaimReview](https://schema.org/ClaimReview)'s `itemReviewed`
//! expects, with `text`, `appearance` and `firstAppearance` (the article),
//! `author` (the speaker, when the claim names one) and `datePublished`.
//!
//! schema.org has no property for how one source's statement relates to a
//! claim, so the relations use a small documented extension vocabulary,
//! prefix `cl:` = `urn:claimlens:vocab:` (see `docs/compare-jsonld.md`):
//!
//! | term                | on            | value                                                  |
//! |---------------------|---------------|--------------------------------------------------------|
//! | `cl:relation`       | Claim         | summary: `cl:differs`, `cl:agrees`, `cl:addsContext`, `cl:noReference` |
//! | `cl:checkWorthiness`| Claim         | 0–1                                                    |
//! | `cl:claimKind`      | Claim         | `quantitative`, `attributed`, …                        |
//! | `cl:speakerKind`    | Claim         | `entity`, `author`, `unnamed`                          |
//! | `cl:alignment`      | Claim         | list of `cl:Alignment`                                 |
//! | `cl:relation`       | cl:Alignment  | as above, for this source                              |
//! | `cl:score`          | cl:Alignment  | 0–1 (entities, wording, values)                        |
//! | `cl:source`         | cl:Alignment  | a schema.org `CreativeWork` (name, author, datePublished, citation, `cl:sourceKind`, `cl:confidence`) |
//! | `cl:statement`      | cl:Alignment  | the source's sentence                                  |
//! | `cl:sharedEntity`   | cl:Alignment  | names in both                                          |
//! | `cl:valueCompared`  | cl:Alignment  | `{cl:claimValue, cl:sourceValue, cl:agrees}`           |
//!
//! Nothing here rates a claim true or false: there is no `reviewRating`.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::compare::{json_ld, Workspace};
//!
//! let ws = Workspace::for_default_article();
//! let out = json_ld(&ws, &ws.compare());
//! assert!(out.contains("\"@type\": \"Claim\""));
//! assert!(out.contains("\"cl:relation\": \"cl:agrees\""));
//! let v = claimlens_core::share::parse_json(&out).unwrap();
//! assert!(v.get("@graph").is_some());
//! ```

use super::{Comparison, Relation, Workspace};
use crate::share::urn_part as urn;
use crate::share::{hundredths, json_str};
use crate::Speaker;

/// The extension vocabulary's IRI prefix.
pub const VOCAB: &str = "urn:claimlens:vocab:";

fn relation_term(r: Relation) -> &'static str {
    match r {
        Relation::Differs => "cl:differs",
        Relation::Agrees => "cl:agrees",
        Relation::AddsContext => "cl:addsContext",
        Relation::NoReference => "cl:noReference",
    }
}

/// `"key": "value"` (value escaped), preceded by `sep`.
fn field(o: &mut String, sep: &str, key: &str, value: &str) {
    o.push_str(sep);
    json_str(key, o);
    o.push_str(": ");
    json_str(value, o);
}

/// The claims of the workspace's article and their relations as JSON-LD
/// (see the module docs for the vocabulary).
pub fn json_ld(ws: &Workspace, cmp: &Comparison) -> String {
    let art = ws.article();
    let text = &art.doc.text;
    let doc_id = format!("urn:claimlens:doc:{}", urn(&art.doc.id));
    let mut o = String::with_capacity(4096);
    o.push_str("{\n  \"@context\": [\"https://schema.org/\", { \"cl\": ");
    json_str(VOCAB, &mut o);
    o.push_str(", \"cl:relation\": { \"@type\": \"@id\" } }],\n  \"@graph\": [");
    for (i, ca) in cmp.claims.iter().enumerate() {
        let Some(c) = art.analysis.claims.get(ca.claim) else {
            continue;
        };
        if i > 0 {
            o.push(',');
        }
        o.push_str("\n    {");
        field(&mut o, " ", "@type", "Claim");
        field(
            &mut o,
            ",\n      ",
            "@id",
            &format!("{doc_id}#claim-{}", ca.claim + 1),
        );
        field(&mut o, ",\n      ", "text", c.text(text));
        o.push_str(",\n      \"appearance\": {");
        field(&mut o, " ", "@type", "CreativeWork");
        field(&mut o, ", ", "@id", &doc_id);
        field(&mut o, ", ", "name", &art.doc.title);
        if let Some(d) = &art.doc.date {
            field(&mut o, ", ", "datePublished", d);
        }
        o.push_str(" },\n      \"firstAppearance\": { ");
        field(&mut o, "", "@id", &doc_id);
        o.push_str(" }");
        if let Some(d) = &art.doc.date {
            field(&mut o, ",\n      ", "datePublished", d);
        }
        match &c.speaker {
            Speaker::Entity { name, .. } => {
                o.push_str(",\n      \"author\": {");
                field(&mut o, " ", "@type", "Person");
                field(&mut o, ", ", "name", name);
                o.push_str(" }");
            }
            Speaker::Author => {
                if let Some(b) = &art.doc.byline {
                    o.push_str(",\n      \"author\": {");
                    field(&mut o, " ", "@type", "Person");
                    field(&mut o, ", ", "name", b);
                    o.push_str(" }");
                }
            }
            Speaker::Unnamed { .. } | Speaker::Unknown => {}
        }
        field(&mut o, ",\n      ", "cl:speakerKind", c.speaker.kind_name());
        field(&mut o, ",\n      ", "cl:claimKind", c.kind.name());
        o.push_str(",\n      \"cl:checkWorthiness\": ");
        o.push_str(&hundredths(c.score));
        field(
            &mut o,
            ",\n      ",
            "cl:relation",
            relation_term(ca.relation),
        );
        o.push_str(",\n      \"cl:alignment\": [");
        for (k, al) in ca.alignments.iter().enumerate() {
            let src = ws.source(al.source);
            let st = &src.doc.text;
            o.push_str(if k > 0 { ",\n        {" } else { "\n        {" });
            field(&mut o, " ", "@type", "cl:Alignment");
            field(
                &mut o,
                ",\n          ",
                "cl:relation",
                relation_term(al.relation),
            );
            o.push_str(",\n          \"cl:score\": ");
            o.push_str(&hundredths(al.score));
            o.push_str(",\n          \"cl:source\": {");
            field(&mut o, " ", "@type", "CreativeWork");
            field(
                &mut o,
                ", ",
                "@id",
                &format!("urn:claimlens:source:{}", urn(&src.meta.id)),
            );
            field(&mut o, ", ", "name", &src.doc.title);
            o.push_str(", \"author\": {");
            field(&mut o, " ", "@type", "Organization");
            field(&mut o, ", ", "name", &src.meta.source);
            o.push_str(" }");
            if let Some(d) = &src.meta.date {
                field(&mut o, ", ", "datePublished", d);
            }
            if let Some(c) = &src.meta.citation {
                field(&mut o, ", ", "citation", c);
            }
            field(&mut o, ", ", "cl:sourceKind", src.meta.kind.name());
            field(&mut o, ", ", "cl:confidence", src.meta.confidence.name());
            o.push_str(" }");
            field(
                &mut o,
                ",\n          ",
                "cl:statement",
                al.span.get(st).unwrap_or(""),
            );
            o.push_str(",\n          \"cl:sharedEntity\": [");
            for (j, e) in al.shared.iter().enumerate() {
                if j > 0 {
                    o.push_str(", ");
                }
                json_str(&e.name, &mut o);
            }
            o.push_str("],\n          \"cl:valueCompared\": [");
            for (j, v) in al.values.iter().enumerate() {
                o.push_str(if j > 0 { ", {" } else { "{" });
                field(
                    &mut o,
                    " ",
                    "cl:claimValue",
                    v.claim.get(text).unwrap_or(""),
                );
                field(
                    &mut o,
                    ", ",
                    "cl:sourceValue",
                    v.reference.get(st).unwrap_or(""),
                );
                o.push_str(", \"cl:agrees\": ");
                o.push_str(if v.agrees { "true" } else { "false" });
                o.push_str(" }");
            }
            o.push_str("] }");
        }
        o.push_str(if ca.alignments.is_empty() {
            "]"
        } else {
            "\n      ]"
        });
        o.push_str("\n    }");
    }
    o.push_str("\n  ]\n}\n");
    o
}
