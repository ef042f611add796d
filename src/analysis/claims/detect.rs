//! Detection and scoring: sentences → clauses → claims.
//!
//! Each sentence is read once into a [`Sent`]: folded words, word tags
//! (with multi-word phrases), quotation depth and the entity mention under
//! each token. Sentences are split into clauses where they join independent
//! assertions; each clause is attributed ([`super::attribution`]), its
//! hedges, boosters, opinion words and negations are marked, and it is
//! scored from transparent feature weights (see [`score`]).

use std::borrow::Cow;

use super::attribution::{attribute, Attribution};
use super::words::{self, fold, phrase_at, Tag};
use super::{Certainty, Claim, ClaimKind, Feature, PerUnit, Reason, Speaker, CHECKWORTHY};
use crate::analysis::entities::{Analysis, Label, Value};
use crate::analysis::span::Span;
use crate::analysis::text::{Sentence, Token, TokenKind};

/// No mention under a token.
pub(super) const NONE: u32 = u32::MAX;

/// One sentence, read once. Indices are local (0 = the sentence's first token).
pub(super) struct Sent<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub words: Vec<Cow<'a, str>>,
    pub tags: Vec<Tag>,
    /// Length in tokens of the phrase starting here (1 for single words).
    pub plen: Vec<u8>,
    /// Inside a quotation.
    pub quoted: Vec<bool>,
    /// Index into `analysis.mentions` of the mention covering the token, or [`NONE`].
    pub ment: Vec<u32>,
    pub analysis: &'a Analysis,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str, all: &'a [Token], s: &Sentence, analysis: &'a Analysis) -> Self {
        let tokens = &all[s.first_token..s.end_token];
        let n = tokens.len();
        let words: Vec<Cow<str>> = tokens
            .iter()
            .map(|t| match t.span.get(text) {
                Some(w) => fold(w),
                None => Cow::Borrowed(""),
            })
            .collect();
        // Mentions under tokens.
        let mut ment = vec![NONE; n];
        let (lo, hi) = (
            tokens.first().map_or(0, |t| t.span.start),
            tokens.last().map_or(0, |t| t.span.end),
        );
        let ms = &analysis.mentions;
        let mut mi = ms.partition_point(|m| m.span.end <= lo);
        while mi < ms.len() && ms[mi].span.start < hi {
            let sp = ms[mi].span;
            let first = tokens.partition_point(|t| t.span.end <= sp.start);
            for (k, t) in tokens.iter().enumerate().skip(first) {
                if t.span.start >= sp.end {
                    break;
                }
                ment[k] = mi as u32;
            }
            mi += 1;
        }
        // A one-word "name" that is a common source noun ("Officials" at the
        // start of a sentence) is not an entity here.
        for k in 0..n {
            let m = ment[k];
            if m != NONE
                && (k == 0 || ment[k - 1] != m)
                && (k + 1 == n || ment[k + 1] != m)
                && matches!(ms[m as usize].label, Label::Person | Label::Org)
                && words::tags(&words[k]) & (words::SOURCE | words::DET) != 0
            {
                ment[k] = NONE;
            }
        }
        // Quotation depth.
        let mut quoted = vec![false; n];
        let mut open = false;
        for (k, w) in words.iter().enumerate() {
            match w.as_ref() {
                "“" | "«" => {
                    open = true;
                    quoted[k] = true;
                }
                "”" | "»" => {
                    quoted[k] = true;
                    open = false;
                }
                "\"" => {
                    quoted[k] = true;
                    open = !open;
                }
                _ => quoted[k] = open,
            }
        }
        // Tags, with phrases and names taken out.
        let mut tags = vec![0 as Tag; n];
        let mut plen = vec![1u8; n];
        let mut k = 0;
        while k < n {
            let t = &tokens[k];
            if !matches!(t.kind, TokenKind::Word | TokenKind::Abbrev) {
                k += 1;
                continue;
            }
            let mut tag = words::tags(&words[k]);
            if ment[k] != NONE {
                // Inside a name nothing is a cue; inside numbers and dates only approximators are.
                tag = match ms[ment[k] as usize].label {
                    Label::Quantity | Label::Money | Label::Date => tag & words::APPROX,
                    _ => 0,
                };
            } else if k > 0
                && t.is_capitalised(text)
                && tag & words::FIRST == 0
                && !matches!(
                    words[k - 1].as_ref(),
                    "“" | "\"" | "‘" | ":" | "(" | "—" | "–"
                )
            {
                // A capitalised word inside a sentence is a name ("May", "Will").
                tag = 0;
            }
            if tag & words::PHRASE != 0 {
                if let Some((len, ptag)) = phrase_at(&words, k) {
                    // "likely to", "appear to": the phrase keeps the word's hedge.
                    let keep = if ptag & words::FUTURE != 0 {
                        tag & words::HEDGE
                    } else {
                        0
                    };
                    tags[k] = ptag | keep;
                    plen[k] = len as u8;
                    k += len;
                    continue;
                }
            }
            tags[k] = tag & !words::PHRASE;
            k += 1;
        }
        Sent {
            text,
            tokens,
            words,
            tags,
            plen,
            quoted,
            ment,
            analysis,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Span of tokens `a..b` (local, `a < b`).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end)
    }

    pub fn is_word(&self, k: usize) -> bool {
        matches!(
            self.tokens[k].kind,
            TokenKind::Word | TokenKind::Abbrev | TokenKind::Number
        )
    }

    pub fn has(&self, k: usize, tag: Tag) -> bool {
        self.tags[k] & tag != 0
    }

    /// Label of the mention under token `k`.
    pub fn label(&self, k: usize) -> Option<Label> {
        (self.ment[k] != NONE).then(|| self.analysis.mentions[self.ment[k] as usize].label)
    }

    /// True for a person, organisation, place, group or event mention.
    pub fn is_named(&self, k: usize) -> bool {
        matches!(
            self.label(k),
            Some(Label::Person | Label::Org | Label::Place | Label::Norp | Label::Event)
        )
    }
}

/// Find the claims of every sentence.
pub(super) fn claims(
    text: &str,
    tokens: &[Token],
    sents: &[Sentence],
    analysis: &Analysis,
) -> Vec<Claim> {
    let mut out = Vec::new();
    // The last person mentioned so far (mention index), for pronouns.
    let mut last_person: Option<usize> = None;
    for (si, s) in sents.iter().enumerate() {
        if s.first_token >= s.end_token || s.end_token > tokens.len() {
            continue;
        }
        if text.get(s.span.start..s.span.end).is_none() {
            continue;
        }
        let sent = Sent::new(text, tokens, s, analysis);
        let words = (0..sent.len()).filter(|&k| sent.is_word(k)).count();
        if words >= 4 && !is_question(&sent) {
            for (a, b) in split(&sent) {
                out.push(clause(&sent, si, a, b, last_person));
            }
        }
        for k in 0..sent.len() {
            if sent.label(k) == Some(Label::Person) {
                last_person = Some(sent.ment[k] as usize);
            }
        }
    }
    continue_quotes(text, &mut out);
    out
}

/// A quotation over several sentences is attributed where it closes:
/// “We will fight. We will win,” Zelensky said. The sentences before the one
/// with the closing mark take its speaker and cue.
fn continue_quotes(text: &str, claims: &mut [Claim]) {
    let mut i = 0;
    while i < claims.len() {
        let t = claims[i].span.slice(text);
        let mut chars = t.chars();
        let opens = matches!(chars.next(), Some('“' | '"')) && !chars.as_str().contains(['”', '"']);
        if !opens || claims[i].speaker != Speaker::Author {
            i += 1;
            continue;
        }
        // The claim where the quotation closes, within a few sentences.
        let close = (i + 1..claims.len().min(i + 6)).find(|&j| {
            let t = claims[j].span.slice(text);
            t.contains(['”', '"'])
        });
        let Some(j) = close else {
            i += 1;
            continue;
        };
        let closing =
            claims[j].span.start + claims[j].span.slice(text).find(['”', '"']).unwrap_or(0);
        let by = &claims[j];
        if by.speaker != Speaker::Author && by.cue.is_some_and(|c| c.start >= closing) {
            let (speaker, cue) = (by.speaker.clone(), by.cue);
            for c in &mut claims[i..j] {
                c.speaker = speaker.clone();
                c.cue = cue;
                c.reasons.push(match speaker {
                    Speaker::Entity { .. } => Reason {
                        feature: Feature::NamedSource,
                        weight: 0.2,
                    },
                    _ => Reason {
                        feature: Feature::UnnamedSource,
                        weight: 0.15,
                    },
                });
                c.score = score(&c.reasons);
                c.checkworthy = c.score >= CHECKWORTHY;
                if c.certainty == Certainty::Asserted {
                    c.certainty = Certainty::AttributedOnly;
                }
                if c.kind == ClaimKind::Statement || c.kind == ClaimKind::Evaluative {
                    c.kinds.retain(|k| *k != ClaimKind::Statement);
                    c.kinds.insert(0, ClaimKind::Attributed);
                    c.kind = ClaimKind::Attributed;
                } else if !c.kinds.contains(&ClaimKind::Attributed) {
                    let at = c
                        .kinds
                        .iter()
                        .position(|k| *k > ClaimKind::Attributed)
                        .unwrap_or(c.kinds.len());
                    c.kinds.insert(at, ClaimKind::Attributed);
                    c.kind = c.kinds[0];
                }
            }
        }
        i = j + 1;
    }
}

fn is_question(s: &Sent) -> bool {
    (0..s.len())
        .rev()
        .map(|k| s.words[k].as_ref())
        .find(|w| !matches!(*w, "”" | "\"" | "’" | "'" | ")" | "]" | "»"))
        .is_some_and(|w| w == "?")
}

/// Clause boundaries: `;`, `, but` / `, while` / `, whereas` / `, yet`,
/// `, and` before an auxiliary or reporting verb, and
/// spaced dashes, when both sides are long enough and the right side reads
/// as an independent clause (a subject word, then a finite verb).
pub(super) fn split(s: &Sent) -> Vec<(usize, usize)> {
    let n = s.len();
    let mut out = Vec::new();
    let mut start = 0;
    // Words before each token, so counting words in a range is O(1).
    let mut before = Vec::with_capacity(n + 1);
    before.push(0usize);
    for k in 0..n {
        before.push(before[k] + s.is_word(k) as usize);
    }
    let words_in = |a: usize, b: usize| before[b] - before[a];
    let mut k = 1;
    while k + 1 < n {
        if s.quoted[k] {
            k += 1;
            continue;
        }
        let w = s.words[k].as_ref();
        let right = match w {
            ";" => Some(k + 1),
            "," if matches!(s.words[k + 1].as_ref(), "but" | "while" | "whereas" | "yet") => {
                Some(k + 2)
            }
            // ", and" joins lists far more often than clauses: only before a
            // clause with its own auxiliary or reporting verb.
            "," if s.words[k + 1] == "and"
                && (k + 3..n.min(k + 10)).any(|j| s.has(j, words::AUX | words::REPORT)) =>
            {
                Some(k + 2)
            }
            "–" | "—" if s.tokens[k].space_before => Some(k + 1),
            _ => None,
        };
        if let Some(r) = right {
            let end = next_boundary(s, r);
            let independent = w == ";" || independent(s, r, end);
            if r < n && words_in(start, k) >= 4 && words_in(r, end) >= 3 && independent {
                out.push((start, k));
                start = r;
                k = r;
                continue;
            }
        }
        k += 1;
    }
    out.push((start, n));
    out
}

/// The next `;` after `from`, looking at most 40 tokens ahead (enough to
/// judge the clause's start; keeps long unpunctuated input linear).
fn next_boundary(s: &Sent, from: usize) -> usize {
    (from..s.len().min(from + 40))
        .find(|&k| !s.quoted[k] && s.words[k] == ";")
        .unwrap_or(s.len())
}

/// A subject-like first word, then an auxiliary, reporting verb or past tense.
fn independent(s: &Sent, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    let first_ok = s.has(a, words::DET | words::PRON | words::THEY | words::SOURCE)
        || s.is_named(a)
        || s.tokens[a].is_capitalised(s.text);
    first_ok
        && (a + 1..b.min(a + 10)).any(|k| {
            s.has(k, words::AUX | words::REPORT)
                || (s.words[k].len() > 4
                    && s.words[k].ends_with("ed")
                    && s.tokens[k].kind == TokenKind::Word
                    && !s.has(k - 1, words::DET))
        })
}

/// Adjective-shaped word (for the degree-adverb and "proved X" rules).
fn adjective_like(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ed", "al", "ous", "ive", "ful", "ic", "able", "ible", "ent", "ant", "ary", "less", "ish",
        "ate", "ing",
    ];
    w.len() > 3 && SUFFIXES.iter().any(|s| w.ends_with(s))
}

/// Everything found in one clause before scoring.
struct Marks {
    hedges: Vec<Span>,
    boosters: Vec<Span>,
    opinion: Vec<Span>,
    negations: Vec<Span>,
    causal: bool,
    compare: bool,
    future: bool,
    modal: bool,
    first_person: bool,
}

fn mark(s: &Sent, a: usize, b: usize, att: &Attribution) -> Marks {
    let mut m = Marks {
        hedges: Vec::new(),
        boosters: Vec::new(),
        opinion: Vec::new(),
        negations: Vec::new(),
        causal: false,
        compare: false,
        future: false,
        modal: false,
        first_person: false,
    };
    let cue = att.cue_tokens;
    let mut k = a;
    while k < b {
        let len = (s.plen[k] as usize).max(1).min(b - k);
        let in_cue = cue.is_some_and(|(ca, cb)| k >= ca && k < cb);
        let tag = s.tags[k];
        let sp = s.span(k, k + len);
        if tag != 0 {
            // "would" after "said" is reported "will", not a hedge.
            let backshift = matches!(s.words[k].as_ref(), "would" | "wouldn't")
                && cue.is_some_and(|(ca, _)| ca < k);
            let hedge = tag & words::HEARSAY != 0
                || (tag & words::HEDGE != 0 && !in_cue && !backshift)
                || (tag & words::APPROX != 0 && approximates(s, k + len));
            if hedge {
                m.hedges.push(sp);
            }
            if tag & words::BOOST != 0 && !in_cue {
                m.boosters.push(sp);
            }
            if tag & words::NEG != 0 {
                m.negations.push(sp);
            }
            m.causal |= tag & words::CAUSAL != 0;
            m.compare |= tag & words::COMPARE != 0;
            m.future |= tag & words::FUTURE != 0;
            m.modal |= tag & words::MODAL != 0;
            m.first_person |= tag & words::FIRST != 0 && !s.quoted[k];
            // Opinion: lexicon words; a degree adverb with an adjective;
            // "proved / seems / appears" with an adjective.
            let next_adj = k + 1 < b
                && s.tags[k + 1] & (words::BOOST | words::HEDGE) == 0
                && s.ment[k + 1] == NONE
                && s.tokens[k + 1].kind == TokenKind::Word
                && (s.tags[k + 1] & words::OPINION != 0 || adjective_like(&s.words[k + 1]));
            if tag & words::DEGREE != 0 && next_adj {
                m.opinion.push(s.span(k, k + 2));
                k += 2;
                continue;
            }
            if tag & words::OPINION != 0 && tag & (words::BOOST | words::HEDGE) == 0 {
                m.opinion.push(sp);
            }
            if matches!(
                s.words[k].as_ref(),
                "proved"
                    | "proven"
                    | "proves"
                    | "prove"
                    | "seems"
                    | "seem"
                    | "seemed"
                    | "appears"
                    | "appear"
                    | "appeared"
                    | "looks"
                    | "looked"
            ) && next_adj
                && s.tags[k + 1] & words::OPINION == 0
            {
                m.opinion.push(s.span(k + 1, k + 2));
            }
        }
        k += len;
    }
    m
}

/// True when a number follows (for approximators such as "about" and "some").
fn approximates(s: &Sent, k: usize) -> bool {
    k < s.len()
        && (s.tokens[k].kind == TokenKind::Number
            || matches!(s.label(k), Some(Label::Quantity | Label::Money)))
}

/// Rates and shares after quantity mentions: "from each side", "a year", "per capita".
fn per_units(s: &Sent, a: usize, b: usize) -> Vec<PerUnit> {
    let mut out = Vec::new();
    let mut k = a;
    while k < b {
        let m = s.ment[k];
        if m == NONE || !matches!(s.label(k), Some(Label::Quantity | Label::Money)) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < b && s.ment[e] == m {
            e += 1;
        }
        // Up to four words after the number, stopping at punctuation or another mention.
        for j in e..(e + 5).min(b) {
            if !s.is_word(j) || (s.ment[j] != NONE && s.ment[j] != m) {
                break;
            }
            let w = s.words[j].as_ref();
            if w == "apiece" {
                out.push(PerUnit {
                    mention: m as usize,
                    span: s.span(j, j + 1),
                });
                break;
            }
            if s.has(j, words::PER) && j + 1 < b && s.tokens[j + 1].kind == TokenKind::Word {
                let article = matches!(w, "a" | "an");
                if !article || words::tags(&s.words[j + 1]) & words::UNIT != 0 {
                    out.push(PerUnit {
                        mention: m as usize,
                        span: s.span(j, j + 2),
                    });
                    break;
                }
            }
        }
        k = e;
    }
    out
}

/// Check-worthiness features and their weights.
///
/// | feature | weight |
/// | --- | --- |
/// | base | 0.05 |
/// | quantity (number, money, percent) | 0.45, +0.05 for a second |
/// | duration or unlabelled number (no quantity) | 0.30 |
/// | date: day or month / year / other time reference | 0.20 / 0.15 / 0.10 |
/// | person (with a title or role) | 0.25 (0.30) |
/// | organisation or event | 0.20, +0.05 each more |
/// | place or group | 0.10, +0.05 each more |
/// | (named entities together at most 0.35) | |
/// | 3+ / 5+ distinct named entities | 0.10 / 0.20 |
/// | named source / unnamed source | 0.20 / 0.15 |
/// | causal, comparison | 0.15 each |
/// | prediction (future marker / possibility modal) | 0.10 / 0.05 |
/// | opinion words beyond the first | −0.05 each, at most −0.15 |
/// | first person outside quotations | −0.15 |
/// | fewer than 7 words | −0.10 |
pub(super) fn score(reasons: &[Reason]) -> f32 {
    let sum: f32 = 0.05 + reasons.iter().map(|r| r.weight).sum::<f32>();
    (sum.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

fn clause(s: &Sent, sentence: usize, a: usize, b: usize, last_person: Option<usize>) -> Claim {
    let an = s.analysis;
    // Trim trailing commas/semicolons and leading punctuation other than quotes.
    let mut b2 = b;
    while b2 > a + 1 && matches!(s.words[b2 - 1].as_ref(), "," | ";" | "–" | "—" | ":") {
        b2 -= 1;
    }
    let mut a2 = a;
    while a2 + 1 < b2 && matches!(s.words[a2].as_ref(), "," | ";" | "–" | "—" | ":" | "-") {
        a2 += 1;
    }
    let (a, b) = (a2, b2);
    let att = attribute(s, a, b, last_person);
    let marks = mark(s, a, b, &att);

    // Mentions in the clause.
    let mut mentions: Vec<usize> = Vec::new();
    for k in a..b {
        let m = s.ment[k];
        if m != NONE && mentions.last() != Some(&(m as usize)) {
            mentions.push(m as usize);
        }
    }
    let mut reasons = Vec::new();
    let mut push = |feature, weight: f32| reasons.push(Reason { feature, weight });

    // Quantities, durations and dates.
    let quantities = mentions
        .iter()
        .filter(|&&m| matches!(an.mentions[m].label, Label::Quantity | Label::Money))
        .count();
    let mut date_w: f32 = 0.0;
    let mut duration = false;
    for &m in &mentions {
        let mm = &an.mentions[m];
        if mm.label != Label::Date {
            continue;
        }
        match &mm.value {
            Some(Value::Duration { .. }) => duration = true,
            Some(Value::Date { iso }) if iso.len() >= 7 => date_w = date_w.max(0.2),
            Some(Value::Date { .. }) => date_w = date_w.max(0.15),
            _ => date_w = date_w.max(0.1),
        }
    }
    // Numbers the entity engine left unlabelled ("two hours", "dozens").
    let bare_number = (a..b).any(|k| {
        s.ment[k] == NONE
            && (s.tokens[k].kind == TokenKind::Number
                || words::tags(&s.words[k]) & words::NUMBER != 0)
    });
    if quantities > 0 {
        push(Feature::Quantity, if quantities > 1 { 0.5 } else { 0.45 });
    } else if duration || bare_number {
        push(Feature::Duration, 0.3);
    }
    if date_w > 0.0 {
        push(Feature::Date, date_w);
    }

    // Named entities (distinct entities).
    let mut seen: Vec<usize> = Vec::new();
    let (mut persons, mut orgs, mut places) = (0, 0, 0);
    for &m in &mentions {
        let mm = &an.mentions[m];
        if !matches!(
            mm.label,
            Label::Person | Label::Org | Label::Event | Label::Place | Label::Norp
        ) || seen.contains(&mm.entity)
        {
            continue;
        }
        seen.push(mm.entity);
        match mm.label {
            Label::Person => persons += 1,
            Label::Org | Label::Event => orgs += 1,
            _ => places += 1,
        }
    }
    let mut named: f32 = 0.0;
    let extra = |n: i32, first: f32| {
        if n == 0 {
            0.0
        } else {
            first + 0.05 * (n - 1) as f32
        }
    };
    let role = mentions.iter().any(|&m| an.mentions[m].role.is_some());
    let wp = match (persons > 0, role) {
        (false, _) => 0.0,
        (true, false) => 0.25,
        (true, true) => 0.3,
    };
    let wo = extra(orgs, 0.2);
    let wl = extra(places, 0.1);
    for (f, w) in [
        (Feature::Person, wp),
        (Feature::Organisation, wo),
        (Feature::Place, wl),
    ] {
        let w = w.min(0.35 - named);
        if w > 0.0 {
            push(f, w);
            named += w;
        }
    }
    if seen.len() >= 5 {
        push(Feature::ManyEntities, 0.2);
    } else if seen.len() >= 3 {
        push(Feature::ManyEntities, 0.1);
    }

    // Attribution.
    match &att.speaker {
        Speaker::Entity { .. } => push(Feature::NamedSource, 0.2),
        Speaker::Unnamed { .. } => push(Feature::UnnamedSource, 0.15),
        Speaker::Author => {}
    }
    if marks.causal {
        push(Feature::Causal, 0.15);
    }
    if marks.compare {
        push(Feature::Comparison, 0.15);
    }
    if marks.future {
        push(Feature::Prediction, 0.1);
    } else if marks.modal {
        push(Feature::Prediction, 0.05);
    }
    if marks.opinion.len() > 1 {
        push(
            Feature::Opinion,
            -(0.05 * (marks.opinion.len() - 1) as f32).min(0.15),
        );
    }
    if marks.first_person {
        push(Feature::FirstPerson, -0.15);
    }
    if (a..b).filter(|&k| s.is_word(k)).count() < 7 {
        push(Feature::Short, -0.1);
    }
    let score = score(&reasons);

    // Kinds, in priority order.
    let mut kinds = Vec::new();
    if quantities > 0 {
        kinds.push(ClaimKind::Quantitative);
    }
    if att.speaker != Speaker::Author {
        kinds.push(ClaimKind::Attributed);
    }
    if marks.future || marks.modal {
        kinds.push(ClaimKind::Prediction);
    }
    if marks.causal {
        kinds.push(ClaimKind::Causal);
    }
    if marks.compare {
        kinds.push(ClaimKind::Comparison);
    }
    if !marks.opinion.is_empty() {
        kinds.push(ClaimKind::Evaluative);
    }
    if kinds.is_empty() {
        kinds.push(ClaimKind::Statement);
    }
    let kind = kinds[0];

    let certainty = if !marks.hedges.is_empty() {
        Certainty::Hedged
    } else if att.speaker != Speaker::Author {
        Certainty::AttributedOnly
    } else {
        Certainty::Asserted
    };
    Claim {
        span: s.span(a, b),
        sentence,
        score,
        checkworthy: score >= CHECKWORTHY,
        reasons,
        kind,
        kinds,
        speaker: att.speaker,
        cue: att.cue,
        hedges: marks.hedges,
        boosters: marks.boosters,
        opinion: marks.opinion,
        certainty,
        negated: !marks.negations.is_empty(),
        negations: marks.negations,
        per_unit: per_units(s, a, b),
        mentions,
    }
}
