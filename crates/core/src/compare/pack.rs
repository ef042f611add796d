//! The bundled reference pack: short summaries, in claimlens's own words, of
//! what named sources reported, stored in `data/reference/` as plain text.
//!
//! Format (one file per article): `@doc ID` starts a document; `key: value`
//! lines give `source`, `date` (ISO 8601), `when` (as shown), `citation` and
//! `confidence` (`firm` | `reported`); every line after `text:` up to the
//! next `@doc` is the summary. Lines starting with `#` are comments.

use std::sync::OnceLock;

use super::{Confidence, DocKind, SourceMeta};
use crate::{Document, DEFAULT_ID};

/// The default article's pack. The browser app never calls
/// [`reference_pack`], so its build does not carry it: the app fetches the
/// same file ([`reference_pack_file`]) when the Compare tab first opens.
const ISTANBUL: &str = include_str!("../../../../data/reference/istanbul-2025.txt");

/// The file name, beside the app's own files, of the reference pack for the
/// article `doc_id`, if there is one (the browser fetches it).
pub fn reference_pack_file(doc_id: &str) -> Option<&'static str> {
    (doc_id == DEFAULT_ID).then_some("istanbul-2025.txt")
}

/// One summarised source of a reference pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceDoc {
    /// Stable id within the pack ("csis-2025-06-03").
    pub id: String,
    /// Who reported it ("CSIS").
    pub source: String,
    /// ISO 8601 date of the source ("2025-06-03"), when known.
    pub date: Option<String>,
    /// The date as shown ("3 June 2025").
    pub when: Option<String>,
    /// Full citation.
    pub citation: Option<String>,
    /// How firm the fact sheet rates it.
    pub confidence: Confidence,
    /// The summary, in claimlens's own words.
    pub text: String,
}

impl ReferenceDoc {
    /// The summary's metadata as a workspace source.
    pub fn meta(&self) -> SourceMeta {
        SourceMeta {
            id: self.id.clone(),
            source: self.source.clone(),
            date: self.date.clone(),
            when: self.when.clone(),
            kind: DocKind::ReferenceSummary,
            citation: self.citation.clone(),
            confidence: self.confidence,
        }
    }

    /// The summary as a document titled "Summary of SOURCE, WHEN".
    pub fn document(&self) -> Document {
        let mut title = String::from("Summary of ");
        title.push_str(&self.source);
        if let Some(w) = &self.when {
            title.push_str(", ");
            title.push_str(w);
        }
        let mut d = Document::from_plain_text(&self.id, &title, &self.text);
        d.title_supplied = true;
        d.source = Some(self.source.clone());
        d.date = self.date.clone();
        d
    }
}

/// Parse a reference pack file (see the module docs for the format).
/// Documents without an id or text are skipped.
pub fn parse_pack(src: &str) -> Vec<ReferenceDoc> {
    let mut out = Vec::new();
    let mut cur: Option<ReferenceDoc> = None;
    let mut in_text = false;
    let flush = |cur: &mut Option<ReferenceDoc>, out: &mut Vec<ReferenceDoc>| {
        if let Some(mut d) = cur.take() {
            d.text = d.text.trim().to_string();
            if !d.id.is_empty() && !d.text.is_empty() {
                out.push(d);
            }
        }
    };
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix("@doc") {
            flush(&mut cur, &mut out);
            cur = Some(ReferenceDoc {
                id: id.trim().to_string(),
                source: String::new(),
                date: None,
                when: None,
                citation: None,
                confidence: Confidence::Unrated,
                text: String::new(),
            });
            in_text = false;
            continue;
        }
        let Some(d) = cur.as_mut() else { continue };
        if in_text {
            if !line.trim().is_empty() {
                if !d.text.is_empty() {
                    d.text.push('\n');
                }
                d.text.push_str(line.trim());
            }
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_string();
        match k.trim() {
            "source" => d.source = v,
            "date" => d.date = Some(v),
            "when" => d.when = Some(v),
            "citation" => d.citation = Some(v),
            "confidence" => d.confidence = Confidence::parse(&v),
            "text" => {
                in_text = true;
                d.text = v;
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The bundled reference pack for a document id: `Some` for the default
/// article ([`DEFAULT_ID`]), `None` for any other document.
///
/// ```
/// use claimlens_core::compare::reference_pack;
/// use claimlens_core::DEFAULT_ID;
///
/// let pack = reference_pack(DEFAULT_ID).unwrap();
/// let csis = pack.iter().find(|d| d.source == "CSIS").unwrap();
/// assert_eq!(csis.date.as_deref(), Some("2025-06-03"));
/// assert!(csis.document().title.starts_with("Summary of CSIS"));
/// assert!(reference_pack("something-else").is_none());
/// ```
pub fn reference_pack(doc_id: &str) -> Option<&'static [ReferenceDoc]> {
    static PACK: OnceLock<Vec<ReferenceDoc>> = OnceLock::new();
    (doc_id == DEFAULT_ID).then(|| PACK.get_or_init(|| parse_pack(ISTANBUL)).as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_bundled_pack() {
        let pack = reference_pack(DEFAULT_ID).unwrap();
        assert!(pack.len() >= 15);
        for d in pack {
            assert!(!d.source.is_empty(), "{}", d.id);
            assert!(d.citation.is_some() && d.when.is_some(), "{}", d.id);
            assert_ne!(d.confidence, Confidence::Unrated, "{}", d.id);
        }
        let mut ids: Vec<&str> = pack.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), pack.len(), "ids are unique");
    }

    #[test]
    fn format() {
        let p = parse_pack(
            "# c\n@doc a\nsource: S\nconfidence: reported\ntext: one\ntwo\n\n@doc empty\nsource: X\n",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].text, "one\ntwo");
        assert_eq!(p[0].confidence, Confidence::Reported);
    }
}
