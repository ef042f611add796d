//! Hedged / uncertain sentence detection for encyclopedic and news text.
//!
//! A sentence is *uncertain* (in the sense of the CoNLL-2010 shared task,
//! Wikipedia track) when it contains a hedge ("probably", "may have"), a weasel
//! construction that hides the source of a claim ("some critics", "it is
//! widely believed", "is considered to be"), or a peacock/vague-quantifier
//! construction that annotators treat the same way ("one of the most",
//! "in some cases", "a variety of").
//!
//! The detector is a pure rule system: a cue lexicon ([`lexicon`]) of
//! hand-written entries (`data/lexicons/hedge-cues.txt`, installed with the
//! engine's other lexicons), context rules for the non-hedging senses ("May 2009",
//! "could not", "appeared on television", "I suggest you"), and a sentence
//! score that sums cue weights and compares them with [`THRESHOLD`]. The
//! cue weights are hand-assigned strength classes; the threshold and the
//! choice of which cues are in the lexicon were calibrated on a development
//! set that may not be redistributed (a sample of the CoNLL-2010 Wikipedia
//! training data; `claimlens eval hedging`), so no learned weights ship here.
//!
//! Offsets in [`Cue`] are code points within the sentence given.
//!
//! Part-of-speech tags are optional: [`hedges_tagged`] accepts one Universal
//! POS tag per token of [`tokenize`] and uses them to confirm readings
//! (e.g. "may" as AUX, "some" as DET); [`hedges`] works without them.

pub mod lexicon;
mod rules;

pub use rules::{hedges_tagged, hedges_with, score_cues};

/// Cues of `sentence` using a custom lexicon (no POS tags).
pub fn rules_with(lex: &lexicon::Lexicon, sentence: &str) -> Vec<Cue> {
    hedges_with(lex, sentence, None)
}

/// What kind of uncertainty a cue signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueKind {
    /// A possibility modal: may, might, could.
    Modal,
    /// An epistemic adverb, adjective, verb or noun: probably, likely, suggest, speculation.
    Epistemic,
    /// An unattributed source or passive belief: "some critics", "is believed", "it is said".
    Weasel,
    /// Hearsay: reportedly, allegedly, purportedly.
    Hearsay,
    /// A vague quantifier: some, many, several, "a variety of", "in some cases".
    Quantifier,
    /// A peacock / unsupported evaluation: "one of the most", "best known", "renowned".
    Peacock,
}

impl CueKind {
    /// Lowercase key as serialised ("modal", "epistemic", ...).
    pub fn name(&self) -> &'static str {
        match self {
            CueKind::Modal => "modal",
            CueKind::Epistemic => "epistemic",
            CueKind::Weasel => "weasel",
            CueKind::Hearsay => "hearsay",
            CueKind::Quantifier => "quantifier",
            CueKind::Peacock => "peacock",
        }
    }

    /// Whether this is a vagueness cue (vague quantifier or peacock) rather than a
    /// hedge proper. CoNLL-2010 counts both as uncertainty; a news UI may want to
    /// show vagueness more quietly than "may", "reportedly" or "some critics".
    pub fn is_vagueness(&self) -> bool {
        matches!(self, CueKind::Quantifier | CueKind::Peacock)
    }
}

/// One uncertainty cue found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// Start offset in code points, inclusive.
    pub start: usize,
    /// End offset in code points, exclusive.
    pub end: usize,
    /// The cue as written in the sentence.
    pub text: String,
    /// What the cue signals.
    pub kind: CueKind,
    /// Strength in [0, 1]: 1.0 alone makes a sentence uncertain, weaker cues add up.
    pub weight: f32,
}

/// A word token of a sentence, as produced by [`tokenize`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start offset in code points, inclusive.
    pub start: usize,
    /// End offset in code points, exclusive.
    pub end: usize,
    /// The token as written.
    pub text: String,
    /// Lowercased form.
    pub lower: String,
}

/// Sentence score at or above which [`uncertain`] answers `true`.
///
/// Calibrated on the 80 % tuning split for F1 of the uncertain class at the
/// natural prevalence of Wikipedia uncertain sentences (about 22 %).
pub const THRESHOLD: f32 = 0.5;

/// Splits a sentence into word tokens (letters, digits, inner apostrophes and
/// hyphens) and single punctuation tokens; whitespace is dropped.
///
/// POS taggers that plug into [`hedges_tagged`] must tag exactly these tokens.
pub fn tokenize(sentence: &str) -> Vec<Token> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                if d.is_alphanumeric() {
                    i += 1;
                } else if (d == '\'' || d == '’' || d == '-')
                    && i + 1 < chars.len()
                    && chars[i + 1].is_alphanumeric()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            push(&mut out, &chars, start, i);
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '&' {
            // HTML entities such as &quot; count as one punctuation token.
            let mut j = i + 1;
            while j < chars.len() && j - i <= 8 && chars[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let end = if j < chars.len() && chars[j] == ';' && j > i + 1 {
                j + 1
            } else {
                i + 1
            };
            push(&mut out, &chars, i, end);
            i = end;
        } else {
            push(&mut out, &chars, i, i + 1);
            i += 1;
        }
    }
    out
}

fn push(out: &mut Vec<Token>, chars: &[char], start: usize, end: usize) {
    let text: String = chars[start..end].iter().collect();
    let lower = text.to_lowercase().replace('’', "'");
    out.push(Token {
        start,
        end,
        text,
        lower,
    });
}

/// The uncertainty cues of one sentence, in text order (no POS tags).
pub fn hedges(sentence: &str) -> Vec<Cue> {
    hedges_tagged(sentence, None)
}

/// Sentence uncertainty score: the sum of its cue weights.
pub fn score(sentence: &str) -> f32 {
    score_cues(&hedges(sentence))
}

/// Whether the sentence is uncertain (hedged, weaselly or peacockish).
pub fn uncertain(sentence: &str) -> bool {
    score(sentence) >= THRESHOLD
}

#[cfg(test)]
mod tests;
