//! Export to W3C Web Annotation (JSON-LD): the reader's highlighted
//! passages, every entity mention and every claim, each targeted by a
//! `TextQuoteSelector` (exact + 32 characters of context) and a
//! `TextPositionSelector` (code points, end-exclusive).
//!
//! The JSON is written by hand (no serde in the web build), its strings by
//! [`super::json`]'s one writer.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::{analyse, Document};
//! use claimlens_core::share::web_annotations;
//!
//! let doc = Document::from_plain_text("memo", "Memo", "Officials in Geneva said 40 trucks arrived.");
//! let json = web_annotations(&doc, &analyse(&doc), &[]);
//! assert!(json.contains("\"type\": \"AnnotationCollection\""));
//! assert!(json.contains("\"exact\": \"Geneva\""));
//! ```

use super::anchor::TextQuote;
use super::json::json_str;
use crate::{Analysis, Document, Label, Offsets, Span};

/// A score in 0–1 as "0.72" (integer arithmetic: no float formatting).
pub(crate) fn hundredths(x: f32) -> String {
    let h = (x.clamp(0.0, 1.0) * 100.0).round() as u32;
    format!("{}.{:02}", h / 100, h % 100)
}

/// A URN-safe form of a document id.
pub(crate) fn urn_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

struct Writer<'a> {
    out: String,
    doc: &'a Document,
    offsets: Offsets,
    source: String,
    count: usize,
}

impl Writer<'_> {
    fn annotation(&mut self, kind: &str, motivation: &str, span: Span, bodies: &[(&str, String)]) {
        let (Some(start), Some(end)) = (
            self.offsets.byte_to_char(span.start),
            self.offsets.byte_to_char(span.end),
        ) else {
            return;
        };
        let q = TextQuote::from_span(&self.doc.text, &self.offsets, span);
        if self.count > 0 {
            self.out.push(',');
        }
        self.count += 1;
        let o = &mut self.out;
        o.push_str("\n      {\n        \"id\": ");
        json_str(&format!("{}:{kind}:{}", self.source, self.count), o);
        o.push_str(",\n        \"type\": \"Annotation\",\n        \"motivation\": ");
        json_str(motivation, o);
        if !bodies.is_empty() {
            o.push_str(",\n        \"body\": [");
            for (i, (purpose, value)) in bodies.iter().enumerate() {
                if i > 0 {
                    o.push(',');
                }
                o.push_str("\n          { \"type\": \"TextualBody\", \"purpose\": ");
                json_str(purpose, o);
                o.push_str(", \"value\": ");
                json_str(value, o);
                o.push_str(" }");
            }
            o.push_str("\n        ]");
        }
        o.push_str(",\n        \"target\": {\n          \"source\": ");
        json_str(&self.source, o);
        o.push_str(",\n          \"selector\": [\n            { \"type\": \"TextQuoteSelector\", \"exact\": ");
        json_str(&q.exact, o);
        o.push_str(", \"prefix\": ");
        json_str(&q.prefix, o);
        o.push_str(", \"suffix\": ");
        json_str(&q.suffix, o);
        o.push_str(&format!(
            " }},\n            {{ \"type\": \"TextPositionSelector\", \"start\": {start}, \"end\": {end} }}\n          ]\n        }}\n      }}"
        ));
    }
}

/// The document's passages, entity mentions and claims as a W3C Web
/// Annotation collection (JSON-LD text).
pub fn web_annotations(doc: &Document, analysis: &Analysis, passages: &[Span]) -> String {
    let source = annotation_source(doc);
    let mut w = Writer {
        out: String::new(),
        doc,
        offsets: doc.offsets(),
        source,
        count: 0,
    };
    for p in passages {
        w.annotation("highlight", "highlighting", *p, &[]);
    }
    for m in &analysis.mentions {
        let e = &analysis.entities[m.entity];
        let mut bodies = vec![
            ("tagging", m.label.name().to_string()),
            ("identifying", e.name.clone()),
        ];
        if let Some(v) = &m.value {
            bodies.push(("describing", format!("Value: {v}")));
        }
        if let Some(r) = &m.role {
            bodies.push(("describing", format!("Role: {}", r.title)));
        }
        w.annotation("entity", "tagging", m.span, &bodies);
    }
    for c in &analysis.claims {
        let bodies = [
            ("classifying", c.kind.name().to_string()),
            (
                "describing",
                format!(
                    "Speaker: {}. Certainty: {}. Check-worthiness: {}{}.",
                    c.speaker.display(&doc.text),
                    c.certainty.title().to_ascii_lowercase(),
                    hundredths(c.score),
                    if c.checkworthy { " (check-worthy)" } else { "" }
                ),
            ),
        ];
        w.annotation("claim", "assessing", c.span, &bodies);
    }
    let mut out = String::from(
        "{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n  \"type\": \"AnnotationCollection\",\n  \"id\": ",
    );
    json_str(&format!("{}:annotations", w.source), &mut out);
    out.push_str(",\n  \"label\": ");
    json_str(&doc.title, &mut out);
    out.push_str(&format!(
        ",\n  \"generator\": {{ \"type\": \"Software\", \"name\": \"claimlens\" }},\n  \"total\": {},\n  \"first\": {{\n    \"type\": \"AnnotationPage\",\n    \"startIndex\": 0,\n    \"items\": [",
        w.count
    ));
    out.push_str(&w.out);
    out.push_str("\n    ]\n  }\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{anchor, Anchored};
    use crate::{analyse, default_document};

    #[test]
    fn json_strings_are_escaped() {
        let mut s = String::new();
        json_str("a\"b\\c\nd\u{1}e\u{2028}é😀", &mut s);
        assert_eq!(s, r#""a\"b\\c\nd\u0001e\u2028é😀""#);
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v, "a\"b\\c\nd\u{1}e\u{2028}é😀");
    }

    #[test]
    fn export_is_valid_json_ld_and_every_selector_finds_its_text() {
        crate::frontcode::install_bundled();
        let doc = default_document();
        let a = analyse(&doc);
        let passage = Span::new(0, doc.text.find(" between").unwrap());
        let json = web_annotations(&doc, &a, &[passage]);
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 1 + a.mentions.len() + a.claims.len());
        assert_eq!(v["total"], items.len());
        let offsets = doc.offsets();
        let chars: Vec<char> = doc.text.chars().collect();
        for item in items {
            let sel = item["target"]["selector"].as_array().unwrap();
            let exact = sel[0]["exact"].as_str().unwrap();
            let (s, e) = (
                sel[1]["start"].as_u64().unwrap() as usize,
                sel[1]["end"].as_u64().unwrap() as usize,
            );
            // The position selector counts code points and covers the exact text.
            assert_eq!(chars[s..e].iter().collect::<String>(), exact);
            // The quote selector alone finds it again.
            let q = TextQuote {
                exact: exact.to_string(),
                prefix: sel[0]["prefix"].as_str().unwrap().to_string(),
                suffix: sel[0]["suffix"].as_str().unwrap().to_string(),
                start: s,
            };
            let span = offsets.chars_to_span(s, e).unwrap();
            assert_eq!(anchor(&doc.text, &offsets, &q), Anchored::Exact(span));
        }
        let motivations: Vec<&str> = items
            .iter()
            .map(|i| i["motivation"].as_str().unwrap())
            .collect();
        assert_eq!(motivations[0], "highlighting");
        assert!(motivations.contains(&"tagging") && motivations.contains(&"assessing"));
    }
}

/// Web Annotations read back and placed in a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Where the passages (highlights, and annotations of kinds claimlens
    /// does not make) are, in text order, without repeats.
    pub placed: Vec<Span>,
    /// Entity mentions, as claimlens exports them (motivation `tagging`
    /// with a `tagging` body naming an entity type), placed, in text order.
    pub entities: Vec<(Span, Label)>,
    /// Claims, as claimlens exports them (motivation `assessing`), placed,
    /// in text order.
    pub claims: Vec<Span>,
    /// A description of each annotation that could not be placed.
    pub unplaced: Vec<String>,
    /// Number of annotations read.
    pub total: usize,
    /// The text the annotations name as their target's `source` (the one
    /// most of them name), when it is not the document they were placed in.
    pub other_source: Option<String>,
}

impl Imported {
    /// True when the file's annotations were made on another text: they
    /// name another source, or (naming none) fewer than half of them could
    /// be placed.
    pub fn other_text(&self) -> bool {
        let placed = self.total - self.unplaced.len();
        self.total > 0
            && (self.other_source.is_some() && placed * 2 < self.total
                || self.unplaced.len() * 2 > self.total && self.total >= 4)
    }
}

/// The `source` URN claimlens gives `doc` in its exports.
pub fn annotation_source(doc: &Document) -> String {
    format!("urn:claimlens:doc:{}", urn_part(&doc.id))
}

/// Read W3C Web Annotation JSON-LD (a collection, a page, a list or one
/// annotation) and place each annotation's target in `doc`: by its
/// `TextQuoteSelector` (with the `TextPositionSelector` as a hint), else by
/// its position alone. Anything that cannot be placed is listed, never guessed.
/// Entity and claim annotations in claimlens's own export shape come back
/// as entities and claims; everything else is a passage.
pub fn import_web_annotations(doc: &Document, json: &str) -> Result<Imported, String> {
    use super::json::{parse_json, Json};
    let root = parse_json(json).map_err(|e| format!("not JSON ({e})"))?;
    let kind = |v: &Json| v.get("type").and_then(Json::as_str).map(str::to_string);
    let items: Vec<&Json> = match kind(&root).as_deref() {
        Some("AnnotationCollection") => root
            .get("first")
            .and_then(|f| f.get("items"))
            .map(Json::items)
            .ok_or("the collection has no first page of items")?,
        Some("AnnotationPage") => root.get("items").map(Json::items).unwrap_or_default(),
        _ => root.items(),
    };
    let offsets = doc.offsets();
    let mut out = Imported {
        total: items.len(),
        ..Imported::default()
    };
    let own_source = annotation_source(doc);
    let mut sources: Vec<(String, usize)> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if let Some(src) = item
            .get("target")
            .and_then(|t| t.items().into_iter().next())
            .and_then(|t| t.get("source"))
            .and_then(Json::as_str)
        {
            match sources.iter_mut().find(|(s, _)| s == src) {
                Some((_, k)) => *k += 1,
                None => sources.push((src.to_string(), 1)),
            }
        }
        let mut placed = None;
        for target in item.get("target").map(Json::items).unwrap_or_default() {
            let selectors = target.get("selector").map(Json::items).unwrap_or_default();
            let of = |t: &str| selectors.iter().find(|s| kind(s).as_deref() == Some(t));
            let position = of("TextPositionSelector").and_then(|s| {
                let (a, b) = (s.get("start")?.as_usize()?, s.get("end")?.as_usize()?);
                Some((a, b))
            });
            placed = match of("TextQuoteSelector") {
                Some(q) => {
                    let text = |k: &str| q.get(k).and_then(Json::as_str).unwrap_or("").to_string();
                    let quote = TextQuote {
                        exact: text("exact"),
                        prefix: text("prefix"),
                        suffix: text("suffix"),
                        start: position.map_or(0, |p| p.0),
                    };
                    super::anchor(&doc.text, &offsets, &quote).span()
                }
                None => position.and_then(|(a, b)| offsets.chars_to_span(a, b)),
            }
            .filter(|s| !s.is_empty());
            if placed.is_some() {
                break;
            }
        }
        let motivation = item.get("motivation").and_then(Json::as_str);
        let tag = item.get("body").map(Json::items).and_then(|bodies| {
            bodies.into_iter().find_map(|b| {
                (b.get("purpose").and_then(Json::as_str) == Some("tagging"))
                    .then(|| b.get("value").and_then(Json::as_str).and_then(Label::parse))
                    .flatten()
            })
        });
        match placed {
            Some(span) => match (motivation, tag) {
                (Some("tagging"), Some(label)) => out.entities.push((span, label)),
                (Some("assessing"), _) => out.claims.push(span),
                _ => out.placed.push(span),
            },
            None => {
                let label = item
                    .get("target")
                    .and_then(|t| t.items().into_iter().next())
                    .and_then(|t| t.get("selector"))
                    .and_then(|s| {
                        s.items()
                            .into_iter()
                            .find_map(|s| s.get("exact").and_then(Json::as_str))
                    })
                    .map(|e| format!("“{}”", e.chars().take(40).collect::<String>()))
                    .unwrap_or_else(|| format!("annotation {}", n + 1));
                out.unplaced.push(label);
            }
        }
    }
    Span::sort_dedup(&mut out.placed);
    crate::order::sort_by_key(&mut out.entities, |(s, _)| {
        (s.start as u64) << 32 | s.end as u64
    });
    out.entities.dedup_by_key(|(s, _)| *s);
    Span::sort_dedup(&mut out.claims);
    crate::order::sort_by_key(&mut sources, |s| !(s.1 as u64));
    out.other_source = sources
        .into_iter()
        .next()
        .map(|(s, _)| s)
        .filter(|s| *s != own_source);
    Ok(out)
}

#[cfg(test)]
mod import_tests {
    use super::*;
    use crate::{analyse, default_document};

    #[test]
    fn export_then_import_places_everything_again() {
        crate::frontcode::install_bundled();
        let doc = default_document();
        let a = analyse(&doc);
        let passage = Span::new(0, 6);
        let json = web_annotations(&doc, &a, &[passage]);
        let got = import_web_annotations(&doc, &json).unwrap();
        assert!(got.unplaced.is_empty(), "{:?}", got.unplaced);
        // Each kind comes back as what it is.
        assert_eq!(got.placed, [passage]);
        let mentions: Vec<(Span, crate::Label)> =
            a.mentions.iter().map(|m| (m.span, m.label)).collect();
        assert_eq!(got.entities, mentions);
        let mut claims: Vec<Span> = a.claims.iter().map(|c| c.span).collect();
        Span::sort_dedup(&mut claims);
        assert_eq!(got.claims, claims);
        assert_eq!(got.other_source, None);
        assert!(!got.other_text());
    }

    #[test]
    fn annotations_of_another_text_say_so() {
        crate::frontcode::install_bundled();
        let doc = default_document();
        let a = analyse(&doc);
        let json = web_annotations(&doc, &a, &[]);
        let other = crate::Document::from_plain_text(
            "doc-other",
            "Other",
            "The council in Leeds voted to close the library on Tuesday.",
        );
        let got = import_web_annotations(&other, &json).unwrap();
        assert_eq!(
            got.other_source.as_deref(),
            Some("urn:claimlens:doc:sample-istanbul-2025")
        );
        assert!(got.other_text());
        // Without a source, most annotations unplaced says the same.
        let stripped = json.replace(
            "\"source\": \"urn:claimlens:doc:sample-istanbul-2025\",",
            "",
        );
        let got = import_web_annotations(&other, &stripped).unwrap();
        assert_eq!(got.other_source, None);
        assert!(got.other_text());
    }

    #[test]
    fn other_shapes_and_unplaceable_annotations() {
        let doc = crate::Document::from_plain_text("d", "d", "Talks in Geneva ended.");
        let one = r#"{"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "Geneva"}}}"#;
        assert_eq!(
            import_web_annotations(&doc, one).unwrap().placed,
            [Span::new(9, 15)]
        );
        let list = r#"[{"target": {"selector": [{"type": "TextPositionSelector", "start": 0, "end": 5}]}},
                       {"target": {"selector": {"type": "TextQuoteSelector", "exact": "Paris"}}},
                       {"target": "http://example.com/page"}]"#;
        let got = import_web_annotations(&doc, list).unwrap();
        assert_eq!(got.placed, [Span::new(0, 5)]);
        assert_eq!(got.unplaced, ["“Paris”", "annotation 3"]);
        assert!(import_web_annotations(&doc, "{not json").is_err());
        let page = r#"{"type": "AnnotationPage", "items": []}"#;
        assert_eq!(
            import_web_annotations(&doc, page).unwrap(),
            Imported::default()
        );
    }
}
