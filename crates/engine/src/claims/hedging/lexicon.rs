//! The cue lexicon: hand-written uncertainty cues with strength classes.
//!
//! Every entry is general English written from linguistic knowledge of hedges
//! (Hyland's metadiscourse hedges), Wikipedia's "words to watch" (weasel words,
//! puffery) and epistemic modality. Which entries stay in the table, and their
//! class, was checked against a tuning split; nothing here is copied from a
//! corpus. Other word lists can be added with [`Lexicon::with_extra`] (Titus
//! Wormer's MIT `hedges`/`weasels` lists lowered F1 on the tuning split, so
//! they are not in the default table).
//!
//! Table format, one entry per line: `CLASS KIND phrase…` where CLASS is
//! `S` (strong, 1.0: enough alone), `M` (medium, 0.6: enough alone at the
//! default threshold), `W` (weak, 0.3: needs a second cue) or `X` (0.0: a
//! known non-hedging reading that blocks shorter matches, e.g. "could not");
//! KIND is one letter of `m e w h q p` (modal, epistemic, weasel, hearsay,
//! quantifier, peacock). In a phrase, `BE` matches any form of "to be" and
//! `NUM` any number (digits or a number word).

use super::CueKind;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Lowercased tokens; `BE` and `NUM` are wildcards.
    pub pattern: Vec<String>,
    /// Strength: 1.0, 0.6, 0.3, or 0.0 for a blocking non-hedge reading.
    pub weight: f32,
    /// What the cue signals.
    pub kind: CueKind,
}

/// A cue lexicon indexed by first token (or wildcard).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    by_first: BTreeMap<String, Vec<Entry>>,
}

/// Error from [`Lexicon::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn class_weight(c: &str) -> Option<f32> {
    match c {
        "S" => Some(1.0),
        "M" => Some(0.6),
        "W" => Some(0.3),
        "X" => Some(0.0),
        _ => None,
    }
}

fn kind_of(c: &str) -> Option<CueKind> {
    match c {
        "m" => Some(CueKind::Modal),
        "e" => Some(CueKind::Epistemic),
        "w" => Some(CueKind::Weasel),
        "h" => Some(CueKind::Hearsay),
        "q" => Some(CueKind::Quantifier),
        "p" => Some(CueKind::Peacock),
        _ => None,
    }
}

impl Lexicon {
    /// Parses a table in the `hedge-cues.txt` format (see the module documentation). Blank lines and `#` comments are skipped.
    /// A later entry with the same pattern replaces an earlier one.
    pub fn parse(table: &str) -> Result<Self, ParseError> {
        let mut lex = Lexicon::default();
        for (i, line) in table.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let err = |m: &str| ParseError {
                line: i + 1,
                message: m.to_string(),
            };
            let weight = parts
                .next()
                .and_then(class_weight)
                .ok_or_else(|| err("bad class"))?;
            let kind = parts
                .next()
                .and_then(kind_of)
                .ok_or_else(|| err("bad kind"))?;
            let pattern: Vec<String> = parts
                .map(|p| {
                    if p == "BE" || p == "NUM" {
                        p.to_string()
                    } else {
                        p.to_lowercase()
                    }
                })
                .collect();
            if pattern.is_empty() {
                return Err(err("empty phrase"));
            }
            lex.insert(Entry {
                pattern,
                weight,
                kind,
            });
        }
        Ok(lex)
    }

    /// Adds an entry, replacing one with the same pattern.
    pub fn insert(&mut self, e: Entry) {
        let list = self.by_first.entry(e.pattern[0].clone()).or_default();
        if let Some(old) = list.iter_mut().find(|o| o.pattern == e.pattern) {
            *old = e;
        } else {
            list.push(e);
            // Longest patterns first so the matcher prefers them.
            list.sort_by(|a, b| {
                b.pattern
                    .len()
                    .cmp(&a.pattern.len())
                    .then(a.pattern.cmp(&b.pattern))
            });
        }
    }

    /// Adds phrases from a one-phrase-per-line word list
    /// with the given weight and kind, skipping phrases already in the lexicon.
    pub fn with_extra(mut self, list: &str, weight: f32, kind: CueKind) -> Self {
        for line in list.lines() {
            let p: Vec<String> = line.split_whitespace().map(|w| w.to_lowercase()).collect();
            if p.is_empty() || p[0].starts_with('#') || self.contains(&p) {
                continue;
            }
            self.insert(Entry {
                pattern: p,
                weight,
                kind,
            });
        }
        self
    }

    /// Whether an entry with exactly this pattern exists.
    pub fn contains(&self, pattern: &[String]) -> bool {
        self.by_first
            .get(&pattern[0])
            .is_some_and(|l| l.iter().any(|e| e.pattern == pattern))
    }

    /// Candidate entries whose first pattern token is `first` (a literal), longest first.
    pub fn starting_with(&self, first: &str) -> &[Entry] {
        self.by_first
            .get(first)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.by_first.values().map(|v| v.len()).sum()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All entries, sorted by first token then length (deterministic order).
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.by_first.values().flatten()
    }
}

/// The built-in lexicon (`data/lexicons/hedge-cues.txt`, installed with the
/// engine's other lexicons), parsed once. A damaged table yields the entries
/// before the damage.
pub fn builtin() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let table = crate::frontcode::lexicon!("hedge-cues.txt");
        Lexicon::parse(table).unwrap_or_else(|e| {
            let good: String = table
                .lines()
                .take(e.line - 1)
                .collect::<Vec<_>>()
                .join("\n");
            Lexicon::parse(&good).unwrap_or_default()
        })
    })
}
