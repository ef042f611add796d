//! displaCy "manual" JSON in: entities computed elsewhere (spaCy, a
//! hand-made gold file), shown as imported rather than found by claimlens.
//!
//! The format is `{"text": "...", "ents": [{"start": 0, "end": 6, "label":
//! "ORG"}], "title": "..."}`, or a list of such documents; `start`/`end` count
//! characters (code points), as Python strings do.

use super::json::{parse_json, Json};
use crate::entities::Label;
use crate::span::{Offsets, Span};

/// One document read from displaCy JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplacyDoc {
    /// Its text.
    pub text: String,
    /// Its title, when the JSON gives one.
    pub title: Option<String>,
    /// Entities in claimlens' labels, as byte spans of `text`.
    pub ents: Vec<(Span, Label)>,
    /// What was left out and why ("2 × LAW: not a claimlens type").
    pub skipped: Vec<String>,
}

/// claimlens' label for a spaCy / OntoNotes label, if it has one.
pub fn displacy_label(label: &str) -> Option<Label> {
    match label.to_ascii_uppercase().as_str() {
        "FAC" | "FACILITY" => Some(Label::Place),
        "TIME" => Some(Label::Date),
        "ORDINAL" => Some(Label::Quantity),
        other => Label::parse(other),
    }
}

/// Read displaCy manual JSON: one document or a list of them.
///
/// ```
/// use claimlens_core::share::import_displacy;
/// let docs = import_displacy(
///     r#"{"text": "Zoë met NATO in Kyiv.", "ents": [
///         {"start": 0, "end": 3, "label": "PERSON"},
///         {"start": 8, "end": 12, "label": "ORG"},
///         {"start": 16, "end": 20, "label": "GPE"}]}"#,
/// )
/// .unwrap();
/// assert_eq!(docs[0].ents.len(), 3);
/// assert_eq!(docs[0].ents[0].0.slice(&docs[0].text), "Zoë");
/// ```
pub fn import_displacy(json: &str) -> Result<Vec<DisplacyDoc>, String> {
    let root = parse_json(json).map_err(|e| format!("not JSON ({e})"))?;
    let docs: Vec<&Json> = match root {
        Json::Arr(ref items) => items.iter().collect(),
        _ => vec![&root],
    };
    if docs.is_empty() {
        return Err("the list holds no document".into());
    }
    docs.into_iter().map(read_doc).collect()
}

fn read_doc(doc: &Json) -> Result<DisplacyDoc, String> {
    let text = doc
        .get("text")
        .and_then(Json::as_str)
        .ok_or("a displaCy document needs a \"text\" string")?
        .to_string();
    let ents = doc
        .get("ents")
        .and_then(Json::as_array)
        .ok_or("a displaCy document needs an \"ents\" list")?;
    let title = doc
        .get("title")
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let offsets = Offsets::new(&text);
    let mut out = Vec::new();
    let mut unknown: Vec<(String, usize)> = Vec::new();
    let mut bad = 0;
    for e in ents {
        let label = e.get("label").and_then(Json::as_str).unwrap_or("");
        let span = match (
            e.get("start").and_then(Json::as_usize),
            e.get("end").and_then(Json::as_usize),
        ) {
            (Some(a), Some(b)) if a < b => offsets.chars_to_span(a, b),
            _ => None,
        };
        let Some(span) = span else {
            bad += 1;
            continue;
        };
        match displacy_label(label) {
            Some(l) => out.push((span, l)),
            None => match unknown.iter_mut().find(|(n, _)| n == label) {
                Some((_, k)) => *k += 1,
                None => unknown.push((label.to_string(), 1)),
            },
        }
    }
    let mut skipped: Vec<String> = unknown
        .into_iter()
        .map(|(l, k)| {
            let l: String = l.chars().take(24).collect();
            format!("{k} × {l}: not a claimlens type")
        })
        .collect();
    if bad > 0 {
        skipped.push(format!("{bad} with start/end outside the text or reversed"));
    }
    Ok(DisplacyDoc {
        text,
        title,
        ents: out,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::from_spans;

    #[test]
    fn reads_one_document_or_a_list_and_counts_characters() {
        let one = r#"{"text": "“Erdoğan” and 🇺🇦 Kyiv", "ents": [
            {"start": 1, "end": 8, "label": "PERSON"},
            {"start": 17, "end": 21, "label": "GPE"}]}"#;
        let d = &import_displacy(one).unwrap()[0];
        let got: Vec<(&str, Label)> = d.ents.iter().map(|(s, l)| (s.slice(&d.text), *l)).collect();
        assert_eq!(got, [("Erdoğan", Label::Person), ("Kyiv", Label::Place)]);
        let list = format!("[{one}, {one}]");
        assert_eq!(import_displacy(&list).unwrap().len(), 2);
    }

    #[test]
    fn unknown_labels_and_bad_offsets_are_reported_not_guessed() {
        let j = r#"{"text": "The Treaty of Rome.", "title": "T", "ents": [
            {"start": 4, "end": 18, "label": "LAW"},
            {"start": 14, "end": 18, "label": "GPE"},
            {"start": 10, "end": 99, "label": "ORG"},
            {"start": 5, "end": 2, "label": "ORG"},
            {"start": 0, "end": 3}]}"#;
        let d = &import_displacy(j).unwrap()[0];
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.ents.len(), 1);
        assert!(
            d.skipped.iter().any(|s| s.contains("1 × LAW")),
            "{:?}",
            d.skipped
        );
        assert!(
            d.skipped.iter().any(|s| s.starts_with("2 with")),
            "{:?}",
            d.skipped
        );
    }

    #[test]
    fn malformed_input_is_an_error() {
        for bad in ["", "{", "[]", r#"{"ents": []}"#, r#"{"text": "x"}"#, "42"] {
            assert!(import_displacy(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn imported_spans_cluster_like_found_ones() {
        let text = "Vladimir Medinsky spoke. Later Medinsky left Istanbul.";
        let spans = [
            (Span::new(0, 17), Label::Person),
            (Span::new(31, 39), Label::Person),
            (Span::new(45, 53), Label::Place),
        ];
        let a = from_spans(text, &spans);
        assert_eq!(a.mentions.len(), 3);
        assert_eq!(a.mentions[0].entity, a.mentions[1].entity);
        assert_eq!(a.entities[a.mentions[0].entity].name, "Vladimir Medinsky");
        // Overlaps keep the longer span; empty-token spans vanish.
        let a = from_spans(
            text,
            &[
                (Span::new(0, 8), Label::Person),
                (Span::new(0, 17), Label::Org),
                (Span::new(24, 25), Label::Org),
            ],
        );
        assert_eq!(a.mentions.len(), 1);
        assert_eq!(a.mentions[0].label, Label::Org);
    }
}
