//! Attribution rules: who says what, from text alone (std only).
//!
//! [`attribute`] finds reporting cues (a lexicon of reporting and belief verbs checked on
//! the PolNeAR train split, plus "according to"), then the source of each:
//!
//! | pattern | source | speaker string |
//! | --- | --- | --- |
//! | "according to X" | X | X |
//! | "in the latest Gallup poll, …" / "… leads in three polls" | the poll | the poll phrase |
//! | "…,” said council leader Priya Natarajan" (cue after a comma or quote) | the noun phrase after the verb | the trailing name ("Priya Natarajan") |
//! | "X, who …, warned that" / "X, the spokesman, said" | X (the apposition is skipped) | X |
//! | "X is slamming Y …, saying" (participle cue after a comma) | the clause's subject X | X |
//! | "X (also / has / on Tuesday) said" | the noun phrase before the verb | a trailing name, else the phrase |
//! | "he said", "the spokesman said" | the pronoun or phrase | the nearest earlier compatible named speaker |
//!
//! Sentences inside a quotation whose cue sits in another sentence keep that cue's speaker
//! (quotation continuations); a cue inside a longer quotation is not a new attribution.
//! Tags from a part-of-speech tagger can be passed to refine noun-phrase edges ([`Pos`]).

mod baseline;
mod cue;
mod lexicon;
mod nominal;
mod phrase;
mod special;
#[cfg(test)]
mod tests;

pub use baseline::{head_word, subject_rule};
pub use lexicon::{noun_use, CUE_VERBS, PARTICIPLES, WEAK_VERBS};

use cue::*;
use lexicon::*;
use nominal::*;
use phrase::*;
use special::*;

use super::text::{sentences, tokenize, Span, TokKind, Token};
use crate::text::WordSet;

/// A coarse part-of-speech tag (Universal POS), one per token of [`tokenize`]; optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// Common noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Verb.
    Verb,
    /// Auxiliary.
    Aux,
    /// Adjective.
    Adj,
    /// Adverb.
    Adv,
    /// Pronoun.
    Pron,
    /// Determiner.
    Det,
    /// Preposition or postposition.
    Adp,
    /// Coordinating conjunction.
    Cconj,
    /// Subordinating conjunction.
    Sconj,
    /// Particle.
    Part,
    /// Number.
    Num,
    /// Punctuation.
    Punct,
    /// Anything else.
    Other,
}

/// What kind of speaker an attribution has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A named person or organisation ("Priya Natarajan", "The New York Post").
    Entity,
    /// A description without a name ("officials", "a spokesman").
    Unnamed,
    /// A cue was found but no speaker could be told (abstention).
    Unknown,
}

impl SpeakerKind {
    /// The name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            SpeakerKind::Entity => "entity",
            SpeakerKind::Unnamed => "unnamed",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// One attribution (or a quotation continuation, which has no cue of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue ("said", "according to"); none for a quotation continuation.
    pub cue: Option<Span>,
    /// Where the source is written (the pronoun itself for "he said").
    pub source: Option<Span>,
    /// What is attributed.
    pub content: Span,
    /// The speaker as a string (pronouns resolved to an earlier name when one fits).
    pub speaker: Option<String>,
    /// Named, unnamed or unknown.
    pub speaker_kind: SpeakerKind,
}

/// Find attributions in `text`. `pos`, when given, holds one tag per token of
/// [`tokenize`]`(text)` and refines noun-phrase edges; without it the rules use
/// capitalisation and word lists.
pub fn attribute(text: &str, pos: Option<&[Pos]>) -> Vec<Attribution> {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    attribute_in(text, &toks, &sents, pos)
}

/// [`attribute`] over the tokens of `text` already split into sentences
/// (token ranges, as [`super::super::text::sentences_at`] gives them).
pub(in crate::claims) fn attribute_in(
    text: &str,
    toks: &[Token],
    sents: &[(usize, usize)],
    pos: Option<&[Pos]>,
) -> Vec<Attribution> {
    let pos = pos.filter(|p| p.len() == toks.len());
    let mut d = Doc {
        toks,
        pos,
        chars: text.chars().collect(),
        named: Vec::new(),
        named_heads: Default::default(),
        quotes: quote_regions(toks),
    };
    let mut out: Vec<Attribution> = Vec::new();
    // per sentence: index into `out` of its attribution, if any
    let mut sent_attr: Vec<Option<usize>> = vec![None; sents.len()];
    // The furthest end of a cue found in the sentences before this one.
    let mut cue_end_max = 0;
    for (si, &(sa, sb)) in sents.iter().enumerate() {
        let first = out.len();
        // a person named as the sentence's subject ("Senator Maria Lopez spoke …") is a
        // referent for a later "she"
        if let Some((na, nb)) = subject_name(&d, sa, sb) {
            let (sp, named) = speaker_of(&d, na, nb);
            if named && person_like(&sp, named) && sp.split_whitespace().count() >= 2 {
                d.name(na, sp, true);
            }
        }
        let mut i = sa;
        while i < sb {
            if let Some((mut a, cue_end)) = cue_at(&d, sa, sb, i) {
                // "…,'' Mr. Hedge said, referring to …": a participle after a comma keeps the
                // sentence's previous speaker
                if PARTICIPLES.contains(d.lw(i)) && i > sa && d.toks[i - 1].text == "," {
                    let s0 = toks[sa].span.start;
                    if let Some(p) = out
                        .iter()
                        .rev()
                        .find(|p| p.cue.is_some_and(|c| c.start >= s0) && p.source.is_some())
                    {
                        a.source = p.source;
                        a.speaker = p.speaker.clone();
                        a.speaker_kind = p.speaker_kind;
                    }
                }
                if let (Some(src), Some(sp)) = (a.source, a.speaker.clone()) {
                    // The first token at or after the source (tokens are in order).
                    let k = toks.partition_point(|t| t.span.start < src.start);
                    let k = if k == toks.len() { 0 } else { k };
                    let named = a.speaker_kind == SpeakerKind::Entity;
                    let person = person_like(&sp, named);
                    d.name(k, sp, person);
                }
                if sent_attr[si].is_none() && a.speaker.is_some() {
                    sent_attr[si] = Some(out.len());
                }
                out.push(a);
                i = cue_end.max(i + 1);
                continue;
            }
            i += 1;
        }
        // "I want to rest, Jobs wrote": a first-person source inside what
        // another attribution of the sentence reports is that speaker.
        for x in first..out.len() {
            let Some(src) = out[x].source.filter(|s| {
                s.end > s.start
                    && matches!(
                        d.chars[s.start..s.end]
                            .iter()
                            .collect::<String>()
                            .to_lowercase()
                            .as_str(),
                        "i" | "we"
                    )
            }) else {
                continue;
            };
            let outer = (first..out.len()).find(|&y| {
                y != x
                    && out[y].content.start <= src.start
                    && src.end <= out[y].content.end
                    && out[y].speaker.is_some()
                    && out[y].source.is_some_and(|o| !o.overlaps(&out[y].content))
            });
            if let Some(y) = outer {
                out[x].speaker = out[y].speaker.clone();
                out[x].speaker_kind = out[y].speaker_kind;
            }
        }
        // Whether a cue lies within this sentence: one found for it, or
        // (only if an earlier cue reaches this far) one found before.
        let (s0, s1) = (toks[sa].span.start, toks[sb - 1].span.end);
        let within = |x: &Attribution| x.cue.is_some_and(|c| c.start >= s0 && c.end <= s1);
        let cued = out[first..].iter().any(within)
            || (cue_end_max >= s0 && out[..first].iter().any(within));
        if GENERIC && !cued {
            if let Some(a) = generic(&d, sa, sb) {
                if a.speaker.is_some() {
                    sent_attr[si] = Some(out.len());
                }
                out.push(a);
            } else {
                for a in nominal_cues(&d, sa, sb) {
                    if sent_attr[si].is_none() && a.speaker.is_some() {
                        sent_attr[si] = Some(out.len());
                    }
                    out.push(a);
                }
            }
        }
        for c in out[first..].iter().filter_map(|x| x.cue) {
            cue_end_max = cue_end_max.max(c.end);
        }
    }
    // Quotation continuations: a sentence without a cue, inside (or opening) a quotation
    // whose attribution is in a neighbouring sentence of the same quotation run.
    let qstate: Vec<bool> = sents
        .iter()
        .map(|&(a, b)| {
            let mid = (a + b) / 2;
            d.quote_before(mid + 1)
                .is_some_and(|(qa, qb)| mid <= qb && qb > qa + 2)
                || toks[a].kind == TokKind::Quote
        })
        .collect();
    let mut extra = Vec::new();
    for si in 0..sents.len() {
        if sent_attr[si].is_some() || !qstate[si] {
            continue;
        }
        // look forward then backward along consecutive quoted sentences
        let mut found = None;
        let mut k = si + 1;
        // forward only while the quotation runs on into the next sentence (“A. B,” he said.)
        let starts_inside = |k: usize| {
            let a = sents[k].0;
            d.quote_before(a).is_some_and(|(_, qb)| a <= qb)
        };
        while k < sents.len() && k <= si + 6 && starts_inside(k) {
            if let Some(ai) = sent_attr[k] {
                found = Some(ai);
                break;
            }
            k += 1;
        }
        // a later cue only claims this sentence if no paragraph break intervenes
        if let Some(ai) = found {
            let para_break =
                (si + 1..=k.min(sents.len() - 1)).any(|x| toks[sents[x].0].after_newline);
            if para_break {
                found = None;
            } else {
                let _ = ai;
            }
        }
        if found.is_none() {
            let mut k = si;
            while k > 0 && si - k < 8 {
                k -= 1;
                if let Some(ai) = sent_attr[k] {
                    found = Some(ai);
                    break;
                }
                if !qstate[k] {
                    break;
                }
            }
        }
        if let Some(ai) = found {
            let a = &out[ai];
            if a.speaker.is_some() {
                let (sa, sb) = sents[si];
                extra.push(Attribution {
                    cue: None,
                    source: a.source,
                    content: d.span(sa, sb),
                    speaker: a.speaker.clone(),
                    speaker_kind: a.speaker_kind,
                });
            }
        }
    }
    out.extend(extra);
    // By content, then cue (none first).
    let key = |a: &Attribution| {
        use crate::order::field;
        field(a.content.start, 32) << 32 | a.cue.map_or(0, |c| field(c.start + 1, 32))
    };
    crate::order::sort_by_key(&mut out, key);
    if uncross(&d.chars, &mut out) {
        crate::order::sort_by_key(&mut out, key);
    }
    out
}

/// Two attributions that cross, each content holding the other's cue:
/// "Ben Carson says [he is under attack because of his rise] in the polls"
/// gives "in the polls" the text before it, "says" included. The one with a
/// reporting verb of [`CUE_VERBS`] (or "say") is the outer one; the other's content
/// keeps only its part inside the outer content. `out` is in content order;
/// whether any content changed.
fn uncross(chars: &[char], out: &mut [Attribution]) -> bool {
    let strong = |a: &Attribution| {
        a.cue.is_some_and(|c| {
            let w: String = chars[c.start..c.end]
                .iter()
                .take_while(|ch| ch.is_alphabetic())
                .flat_map(|ch| ch.to_lowercase())
                .collect();
            CUE_VERBS.contains(&w) || w == "say"
        })
    };
    let inside = |s: Span, c: Option<Span>| c.is_some_and(|c| c.start >= s.start && c.end <= s.end);
    let mut changed = false;
    for i in 0..out.len() {
        if !strong(&out[i]) {
            continue;
        }
        let outer = out[i].content;
        let cue = out[i].cue;
        // Crossing contents overlap: the other starts near in content order.
        for j in i.saturating_sub(16)..out.len().min(i + 16) {
            let inner = &out[j];
            if j == i || strong(inner) || !inside(outer, inner.cue) || !inside(inner.content, cue) {
                continue;
            }
            let c = inner.content;
            let clipped = Span::new(c.start.max(outer.start), c.end.min(outer.end));
            if !clipped.is_empty() && clipped != c {
                out[j].content = clipped;
                changed = true;
            }
        }
    }
    changed
}

fn mk(
    d: &Doc,
    cue: Span,
    src: Option<(usize, usize)>,
    content: Span,
    sp: String,
    named: bool,
) -> Attribution {
    let (mut source, mut speaker, mut kind) = match src {
        Some((a, b)) => (
            Some(d.span(a, b)),
            Some(sp),
            if named {
                SpeakerKind::Entity
            } else {
                SpeakerKind::Unnamed
            },
        ),
        None => (None, None, SpeakerKind::Unknown),
    };
    if let Some((a, b)) = src {
        if b == a + 1 && is_pronoun(d.lw(a)) {
            let w = pronoun_head(d.lw(a)).to_string();
            // "He’s aiming to": the source is the pronoun, not its auxiliary
            if w.len() < d.lw(a).len() {
                let t = d.toks[a].span;
                let n = w.chars().count();
                source = Some(Span::new(t.start, t.start + n));
                speaker = Some(d.chars[t.start..t.start + n].iter().collect());
            }
            if let Some((sp, named)) = relative_antecedent(d, a) {
                speaker = Some(sp);
                kind = if named {
                    SpeakerKind::Entity
                } else {
                    SpeakerKind::Unnamed
                };
            } else if let Some(r) = resolve(d, a, &w) {
                speaker = Some(r);
                kind = SpeakerKind::Entity;
            } else {
                kind = SpeakerKind::Unnamed;
            }
        }
    }
    Attribution {
        cue: Some(cue),
        source,
        content,
        speaker,
        speaker_kind: kind,
    }
}
