//! Detection: sentences → clauses → claims.
//!
//! Each sentence is read once into a [`Sent`]: folded words, word tags
//! (with multi-word phrases), quotation depth and the entity mention under
//! each token. Questions and fragments under four words are skipped;
//! sentences are split into clauses where they join independent assertions;
//! each clause is attributed (`attribution`), its cues are marked (`cues`),
//! and it is scored and given kinds (`score`). A quotation that runs over
//! several sentences takes the speaker of the sentence where it closes.

use std::borrow::Cow;

use super::attribution::sources::{self, Found};
use super::cues::{mark, per_units};
use super::score::{certainty, kinds, reasons, score};
use super::words::{self, fold, phrase_at, Tag};
use super::{checkworthy, hedging};
use super::{Certainty, Claim, ClaimKind, Feature, Reason, Speaker, CHECKWORTHY};
use crate::entities::{Analysis, Label};
use crate::span::Span;
use crate::text::{Sentence, Token, TokenKind};

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
    /// The sentence's uncertainty cues ([`hedging`]), in document bytes:
    /// empty unless the sentence as a whole reads as uncertain.
    pub hedges: Vec<(Span, hedging::CueKind)>,
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
            if text.get(sp.start..sp.end).is_none() {
                // Not a mention of this text (an analysis of another one).
                mi += 1;
                continue;
            }
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
            hedges: uncertainty_cues(text, s.span, tokens),
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

/// The uncertainty cues of the sentence at `span` in document bytes, when
/// the sentence reads as uncertain ([`hedging::score_cues`] at or above
/// [`hedging::THRESHOLD`]); none otherwise, so one weak cue ("several") does
/// not mark a sentence hedged.
fn uncertainty_cues(text: &str, span: Span, tokens: &[Token]) -> Vec<(Span, hedging::CueKind)> {
    let Some(sentence) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let cues = hedging::hedges(sentence);
    if hedging::score_cues(&cues) < hedging::THRESHOLD {
        return Vec::new();
    }
    // Code points within the sentence → document bytes.
    let mut bytes: Vec<usize> = sentence.char_indices().map(|(i, _)| i).collect();
    bytes.push(sentence.len());
    // Snapped to the sentence's tokens, which never split a grapheme
    // cluster (the detector's own tokens may).
    cues.iter()
        .filter(|c| c.weight > 0.0 && c.start < c.end && c.end < bytes.len())
        .filter_map(|c| {
            let (a, b) = (span.start + bytes[c.start], span.start + bytes[c.end]);
            let first = tokens.iter().find(|t| t.span.end > a)?;
            let last = tokens.iter().rev().find(|t| t.span.start < b)?;
            (first.span.start < last.span.end)
                .then(|| (Span::new(first.span.start, last.span.end), c.kind))
        })
        .collect()
}

/// The check-worthiness of a clause: the installed model's probability
/// ([`checkworthy`]), mapped so that its threshold lands on [`CHECKWORTHY`]
/// (0.5); without a model, the rule score of `reasons`.
fn checkworthiness(s: &Sent, a: usize, b: usize, reasons: &[Reason]) -> f32 {
    let Some(model) = checkworthy::installed() else {
        return score(reasons);
    };
    let text = s.span(a, b).slice(s.text);
    let (p, t) = (model.score(text), model.threshold());
    let mapped = if p < t {
        0.5 * p / t.max(f32::EPSILON)
    } else {
        0.5 + 0.5 * (p - t) / (1.0 - t).max(f32::EPSILON)
    };
    (mapped.clamp(0.0, 1.0) * 100.0).round() / 100.0
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
    // The attribution rules read the whole text once.
    let starts: Vec<usize> = sents.iter().map(|s| s.span.start).collect();
    let found = sources::find(text, &starts);
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
                for (a, b) in cut(&sent, a, b, &found) {
                    out.push(clause(&sent, si, a, b, last_person, &found));
                }
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
                if checkworthy::installed().is_none() {
                    c.score = score(&c.reasons);
                    c.checkworthy = c.score >= CHECKWORTHY;
                }
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
                && (k + 3..n.min(k + 10)).any(|j| s.has(j, words::AUX | words::REPORT))
                && !serial_list(s, start, k) =>
            {
                Some(k + 2)
            }
            "–" | "—" if s.tokens[k].space_before && !dash_pair(s, k) => Some(k + 1),
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

/// Clause `a..b` cut where one attribution of the rules ends and another
/// begins, so that each claim has its own cue and speaker: "X said Y,
/// | adding that Z", "X praised Y | and said Z", "X backs Y | because he
/// fears Z", "While most agree Y, | critics fear Z", "“…,” X said. | “…”", and
/// a quotation after a sentence the sentence splitter left joined to it
/// ("… to the U.S. | “…,” said X"). A cut never falls inside an attribution
/// (its content with its own cue); it comes after punctuation or before
/// "and" and a cue (after a sentence's end, before an opening quotation
/// mark, when no attribution precedes it, or at a conjunction before a unit
/// that opens with its subject), and leaves at least four words
/// before it and three after.
fn cut(s: &Sent, a: usize, b: usize, found: &[Found]) -> Vec<(usize, usize)> {
    let units = sources::units(s.text, found, s.span(a, b));
    if units.is_empty() {
        return vec![(a, b)];
    }
    // Units as local token ranges (tokens are in order: a binary search each).
    let toks = &s.tokens[a..b];
    let first = |byte: usize| a + toks.partition_point(|t| t.span.end <= byte);
    let after = |byte: usize| a + toks.partition_point(|t| t.span.start < byte);
    // Per token from `a`: inside a unit, a unit starts here, a unit with its
    // cue first starts here; the first token after any unit.
    let n = b - a;
    let mut depth = vec![0i32; n + 1];
    let mut starts = vec![false; n + 1];
    let mut cue_first = vec![false; n + 1];
    let mut after_any = b;
    for &(u, cue) in &units {
        let (x, y) = (first(u.start), after(u.end));
        if x >= y {
            continue;
        }
        depth[x - a + 1] += 1;
        depth[y - a] -= 1;
        starts[x - a] = true;
        cue_first[x - a] |= cue == Some(u.start);
        after_any = after_any.min(y);
    }
    let opens = |k: usize| match s.words[k].as_ref() {
        "“" | "«" => true,
        "\"" => k + 1 < s.len() && s.quoted[k + 1] && s.words[k + 1] != "\"",
        _ => false,
    };
    let full_stop = |w: &str| matches!(w, "." | "!" | "?");
    // The sentence ends before `k` (a closing quotation mark after its stop counts).
    let ends = |k: usize| {
        full_stop(&s.words[k - 1])
            || (k >= 2
                && matches!(s.words[k - 1].as_ref(), "”" | "\"" | "»")
                && full_stop(&s.words[k - 2]))
    };
    let punct = |k: usize| {
        matches!(
            s.words[k - 1].as_ref(),
            "," | ";" | ":" | "." | "!" | "?" | "—" | "–" | "”" | "\"" | "»"
        )
    };
    // Words before each token.
    let mut before = vec![0usize; n + 1];
    for k in 0..n {
        before[k + 1] = before[k] + s.is_word(a + k) as usize;
    }
    let mut out = Vec::new();
    let mut start = a;
    let mut inside = 0;
    for p in a + 1..b {
        inside += depth[p - a];
        if inside > 0 {
            continue;
        }
        // "X praised Y | and said Z": the second cue after "and"
        let and_cue = s.words[p] == "and" && p + 1 < b && cue_first[p + 1 - a];
        // "X backs Y | because he fears Z": a conjunction before a unit that
        // opens with its subject
        let linked = p + 1 < b
            && starts[p + 1 - a]
            && sources::CLAUSE_LINKS.contains(&s.words[p].to_lowercase());
        let and_cue = and_cue || linked;
        let unit_starts = starts[p - a] || and_cue;
        let capital = opens(p) || s.tokens[p].is_capitalised(s.text);
        let ok = if p >= after_any {
            (unit_starts && (punct(p) || opens(p) || and_cue)) || (ends(p) && capital)
        } else {
            unit_starts && opens(p) && (ends(p) || s.words[p - 1].ends_with('.'))
        };
        if ok && before[p - a] - before[start - a] >= 4 && before[n] - before[p - a] >= 3 {
            out.push((start, p));
            start = p;
        }
    }
    out.push((start, b));
    out
}

/// Whether the `,` at `k` closes the last but one item of a list ("the
/// Bank of Canada, the Bank of England, the Bank of Japan, and the Swiss
/// National Bank announced"): at least two short comma-separated pieces
/// without an auxiliary or reporting verb lead up to it.
/// A list opened by a dash, colon or parenthesis counts its first item
/// too ("automakers -- Chrysler, Ford, and General Motors -- have").
fn serial_list(s: &Sent, start: usize, k: usize) -> bool {
    let mut pieces = 0;
    let mut end = k;
    for j in (start..k).rev() {
        let w = s.words[j].as_ref();
        // ("--" may come as two hyphens)
        let opens = matches!(w, "--" | "—" | "–" | ":" | "(")
            || (w == "-" && (s.tokens[j].space_before || (j > 0 && s.words[j - 1] == "-")));
        if w != "," && !opens {
            continue;
        }
        if !short_piece(s, j + 1, end) {
            break;
        }
        pieces += 1;
        end = j;
        if opens {
            break;
        }
    }
    pieces >= 2
}

/// Tokens `a..b` are a short list item or aside: one to eight tokens
/// without an auxiliary or reporting verb.
fn short_piece(s: &Sent, a: usize, b: usize) -> bool {
    a < b && b - a <= 8 && !(a..b).any(|m| s.has(m, words::AUX | words::REPORT))
}

/// Whether the spaced dash at `k` opens a pair around a short aside or
/// list ("the automakers – Chrysler, Ford and GM – have"), not a clause.
fn dash_pair(s: &Sent, k: usize) -> bool {
    (k + 2..s.len().min(k + 14))
        .find(|&j| matches!(s.words[j].as_ref(), "–" | "—" | "--") && s.tokens[j].space_before)
        .is_some_and(|j| short_piece(s, k + 1, j))
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

fn clause(
    s: &Sent,
    sentence: usize,
    a: usize,
    b: usize,
    last_person: Option<usize>,
    found: &[Found],
) -> Claim {
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
    let att = sources::attribute(s, a, b, last_person, found);
    let marks = mark(s, a, b, &att);

    // Mentions in the clause.
    let mut mentions: Vec<usize> = Vec::new();
    for k in a..b {
        let m = s.ment[k];
        if m != NONE && mentions.last() != Some(&(m as usize)) {
            mentions.push(m as usize);
        }
    }
    let reasons = reasons(s, a, b, &mentions, &marks, &att.speaker);
    let score = checkworthiness(s, a, b, &reasons);
    let kinds = kinds(s.analysis, &mentions, &marks, &att.speaker);
    let kind = kinds[0];
    let certainty = certainty(&marks, &att.speaker);
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

#[cfg(test)]
mod tests {
    use crate::analyse_text;

    #[test]
    fn claims_per_sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("Too short here.", &[]),
            ("Is this really a claim about Ohio?", &[]),
            (
                "“Is this really a claim about Ohio?” he asked.",
                &["“Is this really a claim about Ohio?” he asked."],
            ),
            (
                "Ohio grew 4 percent; Texas shrank 2 percent.",
                &["Ohio grew 4 percent", "Texas shrank 2 percent."],
            ),
            (
                "The deal was signed in Ohio – it will cost $5 million.",
                &["The deal was signed in Ohio", "it will cost $5 million."],
            ),
            (
                "Ohio, Texas, and Iowa voted for the bill in May.",
                &["Ohio, Texas, and Iowa voted for the bill in May."],
            ),
            // a long list of subjects before ", and" stays one clause
            (
                "At noon, the Bank of Canada, the Bank of England, the Bank of Japan, and the Swiss National Bank jointly announced that they would lend dollars.",
                &["At noon, the Bank of Canada, the Bank of England, the Bank of Japan, and the Swiss National Bank jointly announced that they would lend dollars."],
            ),
            (
                "A deal for the three automakers -- Chrysler, Ford, and General Motors -- has been rejected in the Senate.",
                &["A deal for the three automakers -- Chrysler, Ford, and General Motors -- has been rejected in the Senate."],
            ),
            // dashes around a short aside or list do not cut
            (
                "A deal for the three automakers – Chrysler, Ford and General Motors – has been rejected in the Senate.",
                &["A deal for the three automakers – Chrysler, Ford and General Motors – has been rejected in the Senate."],
            ),
            // clauses joined by ", and" are still cut
            (
                "The mayor rejected the plan on Monday, and the council said it would raise taxes.",
                &["The mayor rejected the plan on Monday", "the council said it would raise taxes."],
            ),
        ];
        check(cases);
    }

    /// A claim per attribution: cut at a second cue or a quotation.
    #[test]
    fn claims_per_attribution_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The mayor rejected the plan, adding that it would raise taxes for families.",
                &["The mayor rejected the plan", "adding that it would raise taxes for families."],
            ),
            (
                "“We won the game,” said Maria Lopez, adding that 3,000 fans came.",
                &["“We won the game,” said Maria Lopez", "adding that 3,000 fans came."],
            ),
            (
                "The talks will move to the U.S. “It is a tragedy for the region,” said Barack Obama.",
                &["The talks will move to the U.S.", "“It is a tragedy for the region,” said Barack Obama."],
            ),
            // a second subject and cue after a conjunction
            (
                "Marvin Teske is backing Hillary Clinton because he worries Sanders would lose in the fall.",
                &["Marvin Teske is backing Hillary Clinton", "because he worries Sanders would lose in the fall."],
            ),
            (
                "The mayor rejected the plan while the council said it would raise taxes.",
                &["The mayor rejected the plan", "while the council said it would raise taxes."],
            ),
            (
                "While almost everyone agrees the law was flawed, some critics fear the new approach will hurt poor students.",
                &["While almost everyone agrees the law was flawed", "some critics fear the new approach will hurt poor students."],
            ),
            // one attribution: no cut
            (
                "The plan, officials said, will cost $4 billion over ten years.",
                &["The plan, officials said, will cost $4 billion over ten years."],
            ),
            (
                "The mayor said the bridge would cost $4 billion and that it was needed.",
                &["The mayor said the bridge would cost $4 billion and that it was needed."],
            ),
            (
                "Officials met in Geneva on Monday, the ministry said in a statement.",
                &["Officials met in Geneva on Monday, the ministry said in a statement."],
            ),
        ];
        check(cases);
    }

    fn check(cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            let a = analyse_text(text);
            let got: Vec<&str> = a.claims.iter().map(|c| c.text(text)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
