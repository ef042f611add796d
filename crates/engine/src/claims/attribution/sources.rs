//! From the attribution rules to the claims: each claim takes the speaker and
//! cue of the attribution whose content covers it.
//!
//! [`find`] runs [`rules::attribute`](super::rules::attribute) once over the
//! whole text (article context helps pronouns and quotations) and turns its
//! code-point spans into byte spans; a quotation continuation (no cue of its
//! own) borrows the cue of the attribution it continues. [`attribution`] then
//! picks, for one clause, the attribution whose content overlaps it most and
//! makes a [`Speaker`]:
//!
//! | the rules say | speaker |
//! | --- | --- |
//! | a source that contains a person or organisation mention | that entity (its mention as the span) |
//! | a pronoun resolved to a name that a person or organisation mention before it spells | that entity (the pronoun as the span) |
//! | any other source ("officials", "the spokesman") | [`Speaker::Unnamed`] with the source's words |
//! | a cue without a source (abstention) | [`Speaker::Unknown`] |
//!
//! Where the language layer is installed, the dependency parse adds the
//! reporting clauses it finds in the sentences no attribution of the rules
//! touches (`parse.rs`).
//!
//! When no attribution covers the clause, or the rules abstain, [`attribute`]
//! falls back to the clause rules of [`super`] (hearsay such as "reportedly"
//! and "are said to", "X’s remarks").

use super::rules::{self, SpeakerKind};
use super::Attribution;
use crate::claims::detect::Sent;
use crate::claims::words;
use crate::claims::Speaker;
use crate::entities::{Analysis, Label};
use crate::span::Span;
use crate::text::{extends_cluster, WordSet};

/// One attribution of the rules, in bytes.
pub(in crate::claims) struct Found {
    /// The cue; for a quotation continuation, the cue of the attribution it continues.
    cue: Option<Span>,
    /// Where the source is written (the pronoun for "he said").
    source: Option<Span>,
    /// What is attributed.
    content: Span,
    /// The speaker as the rules name it (pronouns resolved).
    speaker: Option<String>,
    /// Named, unnamed or unknown.
    kind: SpeakerKind,
    /// The cue is the attribution's own (not a continuation's borrowed one).
    own_cue: bool,
}

/// The rules' attributions of `text`, with byte spans, in content order;
/// `starts`: the first byte of each of the engine's sentences.
pub(in crate::claims) fn find(text: &str, starts: &[usize]) -> Vec<Found> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |cp: usize| bytes.get(cp).copied().unwrap_or(text.len());
    // The rules split at code points; a span never ends (or starts) inside a
    // grapheme cluster ("said\u{200d}\u{fe0f}"), as the engine's tokens do not.
    let span = |s: super::text::Span| {
        let (mut a, mut b) = (at(s.start), at(s.end));
        while a > 0 && text[a..].chars().next().is_some_and(extends_cluster) {
            a = text[..a].char_indices().next_back().map_or(0, |(i, _)| i);
        }
        while let Some(c) = text[b..].chars().next().filter(|&c| extends_cluster(c)) {
            b += c.len_utf8();
        }
        Span::new(a, b)
    };
    let toks = super::text::tokenize(text);
    let sents = super::text::sentences_at(text, &toks, starts);
    let mut found: Vec<super::rules::Attribution> = rules::attribute_in(text, &toks, &sents, None);
    if super::parse::installed() {
        // The parse's reporting clauses in the sentences the rules leave
        // uncovered (no content, no cue); nothing without the models.
        let chars: Vec<char> = text.chars().collect();
        let mut taken: Vec<(usize, usize)> = found
            .iter()
            .flat_map(|f| [Some(f.content), f.cue])
            .flatten()
            .filter(|s| !s.is_empty())
            .map(|s| (s.start, s.end))
            .collect();
        taken.sort_unstable();
        // Merged into disjoint stretches, in order.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(taken.len());
        for (a, b) in taken {
            match merged.last_mut() {
                Some(m) if a <= m.1 => m.1 = m.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let extra = super::parse::attributions(&chars, &toks, &sents, |s| {
            let i = merged.partition_point(|m| m.1 <= s.start);
            merged.get(i).is_some_and(|m| m.0 < s.end)
        });
        if !extra.is_empty() {
            found.extend(extra);
            found.sort_by_key(|f| f.content.start);
        }
    }
    let mut out: Vec<Found> = found
        .iter()
        .map(|a| {
            // A continuation shows the cue of the attribution it continues.
            let cue = a.cue.or_else(|| {
                let src = a.source?;
                found
                    .iter()
                    .find(|b| b.source == Some(src) && b.cue.is_some())
                    .and_then(|b| b.cue)
            });
            Found {
                cue: cue.map(span),
                source: a.source.map(span),
                content: span(a.content),
                speaker: a.speaker.clone(),
                kind: a.speaker_kind,
                own_cue: a.cue.is_some(),
            }
        })
        .collect();
    // "… to the U.S. “…,” said X": a quotation before its cue starts the
    // content when a sentence ends before it (the rules' sentence may run on).
    for f in &mut out {
        let c = f.content;
        if !f.own_cue || f.cue.is_none_or(|q| q.start < c.end) {
            continue;
        }
        // The quotation before the cue, within a few hundred bytes of it.
        let mut from = c.start.max(c.end.saturating_sub(800));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let body = &text[from..c.end];
        let opening = body.char_indices().rev().find(|&(i, ch)| {
            let before = body[..i].trim_end();
            matches!(ch, '“' | '"')
                && i > 0
                && before.len() < i
                // not after a closing mark: "“A.” “B,” X said" is one quotation
                && before.ends_with(['.', '!', '?'])
        });
        if let Some((i, _)) = opening {
            f.content = Span::new(from + i, c.end);
        }
    }
    // "X said Y, adding that Z", "X praised Y and said Z": the rules give the
    // first cue everything to the sentence's end; its content ends where a
    // second attribution that runs there too begins after a comma (or with
    // its cue after "and"), so that each has its own claim.
    // "X backs Y because he fears Z": likewise where a second attribution's
    // subject opens a clause after a conjunction ([`CLAUSE_LINKS`]).
    for i in 0..out.len() {
        let c = out[i].content;
        // "In one email, Carter discussed Z, the Times reported": a cue after
        // its content has the attributions before it inside its content.
        if out[i].own_cue && out[i].cue.is_some_and(|q| q.start >= c.end) {
            continue;
        }
        let speaker = out[i].speaker.clone();
        // Contents are in order: the inner one comes after, near.
        let inner = out[i + 1..]
            .iter()
            .take(64)
            .take_while(|g| g.content.start < c.end)
            .filter(|g| g.own_cue && g.content.end >= c.end)
            .filter_map(|g| {
                let cue = g.cue?.start;
                let x = cue.min(g.content.start);
                let before = text[..x].trim_end();
                // "X praised Y and said Z": the same speaker ("… ground game
                // and support from …, said Mindy Romero" is no second cue).
                let and_cue = x == cue && before.ends_with(" and") && g.speaker == speaker;
                if before.ends_with(',') || and_cue {
                    return Some((x, before.len()));
                }
                // The subject's clause after a comma ("While most agree X, | some
                // critics fear Z") or a conjunction (the cut is before the conjunction).
                let src = subject_before(text, g)?;
                let before = text[..src.start].trim_end();
                if before.ends_with(',') {
                    return Some((src.start, before.len()));
                }
                let link = before.rsplit(|ch: char| !ch.is_alphabetic()).next()?;
                CLAUSE_LINKS
                    .contains(&link.to_lowercase())
                    .then(|| (src.start, before.len() - link.len()))
            })
            .filter(|&(x, _)| x > c.start && x < c.end)
            .min();
        if let Some((_, end)) = inner {
            let before = text[..end].trim_end();
            let before = before.strip_suffix(" and").unwrap_or(before);
            let end = before.trim_end_matches(',').trim_end().len();
            if end > c.start {
                out[i].content = Span::new(c.start, end);
                // The attributions nested in the cut content end with it:
                // "X said [the warning showed the President did not know
                // what he meant], and accused Y" ("know" is said's, not
                // the sentence's to its end).
                for g in out[i + 1..].iter_mut().take(64) {
                    if g.content.start >= end {
                        break;
                    }
                    let nested =
                        g.own_cue && g.cue.is_some_and(|q| q.start >= c.start && q.end <= end);
                    if nested && g.content.end > end && g.content.start < end {
                        g.content = Span::new(g.content.start, end);
                    }
                }
            }
        }
    }
    out
}

/// Words that open a clause of its own after a main clause: "X backs Y
/// because he fears Z", "X opposes it, but she urged Z".
pub(in crate::claims) static CLAUSE_LINKS: WordSet = WordSet::new(concat!(
    "because|",
    "but|",
    "while|",
    "although|",
    "though|",
    "whereas|",
    "and|",
    "since|",
    "so|",
    "as|",
    "when|",
    "after|",
    "before|",
    "until|",
    "yet|"
));

/// The source of attribution `f` when it is the subject just before its own
/// cue ("he fears", "the mayor has said"): no comma between them, and close.
fn subject_before(text: &str, f: &Found) -> Option<Span> {
    let (src, cue) = (f.source?, f.cue?);
    let between = text.get(src.end..cue.start)?;
    (f.own_cue && src.end <= cue.start && between.len() <= 40 && !between.contains([',', '“', '"']))
        .then_some(src)
}

/// The stretches of `span` the rules' attributions take (each its content
/// with its own cue, from the first to the last byte of either) and where
/// its own cue starts, in order of content: where a claim may be cut in two
/// ([`crate::claims::detect`]).
pub(in crate::claims) fn units(
    text: &str,
    found: &[Found],
    span: Span,
) -> Vec<(Span, Option<usize>)> {
    let lo = found
        .partition_point(|f| f.content.start < span.start)
        .saturating_sub(32);
    found[lo..]
        .iter()
        .take_while(|f| f.content.start < span.end)
        .filter(|f| overlap(f.content, span) > 0)
        .map(|f| match f.cue.filter(|_| f.own_cue) {
            Some(c) => {
                // The subject just before the cue belongs to the unit ("because | he fears").
                let from = subject_before(text, f).map_or(c.start, |s| s.start);
                (
                    Span::new(from.min(f.content.start), c.end.max(f.content.end)),
                    Some(c.start),
                )
            }
            None => (f.content, None),
        })
        .collect()
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn is_agent(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org)
}

/// The entity speaker for mention `m`, named at `span`.
fn entity(analysis: &Analysis, m: usize, span: Span) -> Speaker {
    let e = &analysis.mentions[m].entity;
    let ent = &analysis.entities[*e];
    Speaker::Entity {
        entity: *e,
        id: ent.id.clone(),
        name: ent.name.clone(),
        span,
    }
}

/// A person or organisation mention inside `source` that holds the head of
/// the rules' speaker string ([`rules::head_word`]: "A spokeswoman for
/// Fiorina" is the spokeswoman, "Sanders’ campaign" the campaign), the one
/// the string ends with first, else the last.
fn mention_in(text: &str, analysis: &Analysis, source: Span, speaker: &str) -> Option<usize> {
    let head = rules::head_word(speaker);
    let holds_head = |t: &str| {
        head.is_empty()
            || t.to_lowercase()
                .replace('’', "'")
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .any(|w| {
                    let w = w.trim_matches('\'');
                    w == head || w.strip_suffix("'s") == Some(head.as_str())
                })
    };
    let ms = &analysis.mentions;
    let first = ms.partition_point(|m| m.span.end <= source.start);
    let inside: Vec<usize> = (first..ms.len())
        .take_while(|&i| ms[i].span.start < source.end)
        .filter(|&i| is_agent(ms[i].label) && overlap(ms[i].span, source) > 0)
        // A one-word "name" that is a source noun ("Officials") is none.
        .filter(|&i| {
            ms[i].span.get(text).is_some_and(|t| {
                t.contains(' ') || words::tags(&words::fold(t)) & (words::SOURCE | words::DET) == 0
            })
        })
        .filter(|&i| ms[i].span.get(text).is_some_and(holds_head))
        .collect();
    inside
        .iter()
        .copied()
        .find(|&i| ms[i].span.get(text).is_some_and(|t| speaker.ends_with(t)))
        .or(inside.last().copied())
}

/// A person or organisation mention that ends just before `cue`, the
/// subject of a cue whose source the rules leave unknown: "Jonathan
/// Greenblatt, warned" after a role in apposition, "Clinton, without naming
/// him, also accused", "Cory James, 22, of Flint, Mich., said", "Trump now
/// says". Between the two there may be adverbs ("also", "now", "-ly") and
/// up to three asides between commas (each up to 80 bytes, no quotation
/// mark); the mention is not the object of a preposition, a possessor or
/// a modifier ("the Trump campaign said" is not Trump's).
fn subject_mention(text: &str, analysis: &Analysis, cue: Span) -> Option<usize> {
    let ms = &analysis.mentions;
    let end = ms.partition_point(|m| m.span.start < cue.start);
    let gap_ok = |i: usize| {
        let Some(gap) = text.get(ms[i].span.end..cue.start) else {
            return false;
        };
        let gap = gap.trim();
        // Asides between commas: ", 22, of Flint, Mich.,", ", without naming him, also".
        let adverbs = match gap.strip_prefix(',') {
            Some(rest) => {
                let mut pieces: Vec<&str> = rest.split(',').collect();
                let last = pieces.pop().unwrap_or("");
                if pieces.len() > 3
                    || pieces
                        .iter()
                        .any(|p| p.len() > 80 || p.contains(['“', '”', '"']))
                {
                    return false;
                }
                last
            }
            None => gap,
        };
        adverbs
            .split_whitespace()
            .all(|w| SUBJECT_ADVERBS.contains(&w.to_lowercase()) || w.ends_with("ly"))
    };
    // Not an object ("to Trump"), a possessor or a modifier ("the Trump campaign").
    let subject = |i: usize| {
        let m = &ms[i];
        let before = text[..m.span.start].trim_end();
        let prev = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .next()
            .unwrap_or("")
            .to_lowercase();
        is_agent(m.label)
            && words::tags(&prev) & words::PREP == 0
            && !matches!(prev.as_str(), "the" | "a" | "an")
            && !text[m.span.end..].starts_with(['\'', '’'])
    };
    // The nearest agent among the last few mentions (places in an aside are passed).
    (0..end)
        .rev()
        .take(6)
        .filter(|&i| gap_ok(i))
        .find(|&i| is_agent(ms[i].label))
        .filter(|&i| subject(i))
}

/// Adverbs and auxiliaries between a subject and its cue ("Trump now
/// says", "Trump has also said").
static SUBJECT_ADVERBS: WordSet = WordSet::new(concat!(
    "also|",
    "now|",
    "then|",
    "later|",
    "still|",
    "again|",
    "too|",
    "already|",
    "once|",
    "here|",
    "there|",
    "earlier|",
    "further|",
    "even|",
    "repeatedly|",
    "has|",
    "had|",
    "have|"
));

/// When the rules' source `src` is a lone preposition or conjunction opening
/// a phrase ("After blasting the Drudge Report …, Glenn Beck doubled
/// down", "In a victory speech …, Mr. Trump struck a measured tone,
/// saying", "Since announcing …, Mr. Biden has been"), the person or
/// organisation named right after the comma that closes the phrase: the
/// main clause's subject. The comma comes within 300 bytes, with no
/// sentence end or quotation mark before it.
fn main_subject(text: &str, analysis: &Analysis, src: Span) -> Option<usize> {
    let word = words::fold(src.get(text)?);
    if !(words::tags(&word) & words::PREP != 0 || OPENING_LINKS.contains(&word)) {
        return None;
    }
    let rest = text.get(src.end..)?;
    let mut reach = rest.len().min(300);
    while !rest.is_char_boundary(reach) {
        reach -= 1;
    }
    let comma = rest[..reach].find(',')?;
    let phrase = &rest[..comma];
    let ends = phrase.match_indices(". ").any(|(i, _)| {
        let w = phrase[..i].rsplit(' ').next().unwrap_or("");
        w.len() > 3 && !w.contains('.')
    });
    if ends || phrase.contains(['“', '”', '"', '!', '?', ';']) {
        return None;
    }
    let after = &rest[comma + 1..];
    let at = src.end + comma + 1 + (after.len() - after.trim_start().len());
    let ms = &analysis.mentions;
    let i = ms.partition_point(|m| m.span.start < at);
    // The mention may leave out a title: "Mr. Trump".
    let titled = |m: &crate::entities::Mention| {
        text.get(at..m.span.start).is_some_and(|t| {
            t.is_empty()
                || matches!(
                    t,
                    "Mr. " | "Mrs. " | "Ms. " | "Dr. " | "Sen. " | "Rep. " | "Gov. "
                )
        })
    };
    ms.get(i)
        .filter(|m| titled(m) && is_agent(m.label))
        .map(|_| i)
}

/// Conjunctions that open a phrase before the main clause ("Since
/// announcing …, Mr. Biden"), beside the prepositions.
static OPENING_LINKS: WordSet = WordSet::new(concat!(
    "after|",
    "since|",
    "while|",
    "amid|",
    "despite|",
    "following|",
    "before|",
    "upon|",
    "when|",
    "as|"
));

/// The last person or organisation mention before `before` that spells the
/// rules' resolved name (a pronoun's referent).
///
/// Failing that, the first such mention shortly after it: "I want to rest,
/// Steve Jobs wrote" (the rules give "I" the speaker of the clause that
/// reports it).
fn mention_named(text: &str, analysis: &Analysis, before: usize, name: &str) -> Option<usize> {
    let ms = &analysis.mentions;
    let end = ms.partition_point(|m| m.span.start < before);
    let is_named = |i: &usize| {
        is_agent(ms[*i].label)
            && ms[*i]
                .span
                .get(text)
                .is_some_and(|t| t == name || name.ends_with(t) || t.ends_with(name))
    };
    (0..end).rev().take(400).find(is_named).or_else(|| {
        (end..ms.len())
            .take_while(|&i| ms[i].span.start < before + AFTER_REACH)
            .find(is_named)
    })
}

/// How far after a first-person source (bytes) its reporting speaker's
/// name may come.
const AFTER_REACH: usize = 300;

/// For a source that is "he" or "she", the person mention nearest before
/// it (within [`PRONOUN_REACH`] bytes): "Trump … he said".
fn nearest_person(text: &str, analysis: &Analysis, src: Span) -> Option<usize> {
    let w = src.get(text)?.to_lowercase();
    if !matches!(w.as_str(), "he" | "she") {
        return None;
    }
    let ms = &analysis.mentions;
    let end = ms.partition_point(|m| m.span.start < src.start);
    (0..end)
        .rev()
        .take_while(|&i| ms[i].span.end + PRONOUN_REACH >= src.start)
        .find(|&i| ms[i].label == Label::Person)
}

/// How far back (bytes) a "he" or "she" looks for the person it names.
const PRONOUN_REACH: usize = 600;

/// The attribution of clause `a..b` of `s` (local tokens): the rules'
/// attribution that covers it ([`attribution`]), except that the clause
/// rules' ([`super::attribute`]; `last_person` is theirs) win when the rules
/// cover nothing, when they abstain and the clause rules name someone, and
/// when they name an entity among the members of a source the rules leave
/// unnamed ("Military experts, including … Steven Jermy, have acknowledged").
pub(in crate::claims) fn attribute(
    s: &Sent,
    a: usize,
    b: usize,
    last_person: Option<usize>,
    found: &[Found],
) -> Attribution {
    let rules = attribution(s, a, b, found);
    if let Some(att) = &rules {
        if matches!(att.speaker, Speaker::Entity { .. } | Speaker::Author) {
            return rules.unwrap();
        }
    }
    let clause = super::attribute(s, a, b, last_person);
    match rules {
        // The clause rules name an entity for the same cue the rules leave
        // unnamed ("Military experts, including … Steven Jermy, have acknowledged").
        Some(att)
            if matches!(att.speaker, Speaker::Unnamed { .. })
                && !(matches!(clause.speaker, Speaker::Entity { .. })
                    && clause.cue == att.cue
                    && including(s.text, &att)) =>
        {
            // A second cue of the same source ("…, noting that"), in a claim
            // of its own: the member named before the first cue.
            match member(s, &att) {
                Some(m) => Attribution {
                    speaker: entity(s.analysis, m, s.analysis.mentions[m].span),
                    ..att
                },
                None => att,
            }
        }
        // The rules abstain and the clause rules have no one either.
        Some(att) if clause.speaker == Speaker::Author => att,
        _ => clause,
    }
}

/// The last person named between a source that lists its members and the
/// cue ("Military experts, including … Steven Jermy, have acknowledged …,
/// noting that"), when the source lists them ([`including`]).
fn member(s: &Sent, att: &Attribution) -> Option<usize> {
    let (src, cue) = (att.speaker.span()?, att.cue?);
    if !including(s.text, att) {
        return None;
    }
    let ms = &s.analysis.mentions;
    let end = ms.partition_point(|m| m.span.start < cue.start);
    (0..end)
        .rev()
        .take_while(|&i| ms[i].span.start >= src.end)
        .find(|&i| ms[i].label == Label::Person)
}

/// Whether a source phrase lists its members before the cue: "Military
/// experts, including … Steven Jermy, have acknowledged".
fn including(text: &str, att: &Attribution) -> bool {
    let (Some(src), Some(cue)) = (att.speaker.span(), att.cue) else {
        return false;
    };
    text.get(src.end..cue.start)
        .is_some_and(|t| t.starts_with(", including ") || t.starts_with(", such as "))
}

/// When `f`'s source is a pronoun inside a quotation that opens right after
/// a sentence ending with its cue ("“CNN has done an awful job,” Barkley
/// said. “They have followed ratings …”"), the attribution of that cue: the
/// quotation goes on in the voice of the speaker just named.
fn quoted_on<'f>(text: &str, found: &'f [Found], f: &Found) -> Option<&'f Found> {
    let src = f.source?;
    let word = src.get(text)?.to_lowercase();
    if !QUOTED_PRONOUNS.contains(&word) {
        return None;
    }
    let before = text.get(..src.start)?;
    let q = before.rfind(['“', '"'])?;
    if before[q..].contains('”') || src.start - q > 400 {
        return None;
    }
    let prev = before[..q].trim_end();
    if !prev.ends_with('.') {
        return None;
    }
    found.iter().rev().find(|g| {
        g.own_cue
            && g.content.end <= q
            && g.cue
                .is_some_and(|c| c.end + 12 >= prev.len() && c.end <= prev.len())
            && g.source.is_some_and(|x| {
                x.end <= prev.len()
                    && x.get(text)
                        .is_some_and(|w| !QUOTED_PRONOUNS.contains(&w.to_lowercase()))
            })
    })
}

/// Pronouns a quoted speaker says of themselves or others ("they're worried").
static QUOTED_PRONOUNS: WordSet = WordSet::new("i|we|they|he|she|you|it");

/// The attribution of clause `a..b` of `s` (local tokens), from the rules'
/// attributions `found`: the one whose content overlaps the clause most
/// (ties: the one whose content starts last), among those whose own cue is
/// written in the clause when there are any; of two such, the one whose
/// content holds the other's cue ("X said Y was a sign that Z did not know W"). `None` when none overlaps or it has neither speaker nor cue.
fn attribution(s: &Sent, a: usize, b: usize, found: &[Found]) -> Option<Attribution> {
    let clause = s.span(a, b);
    // Sorted by content start; a content that starts a little before the
    // clause may still cover it.
    let lo = found
        .partition_point(|f| f.content.start < clause.start)
        .saturating_sub(32);
    let mut best: Option<(&Found, usize)> = None;
    // Whether an attribution's own cue is written in the clause.
    let cued_here = |f: &Found| {
        f.own_cue
            && f.cue
                .is_some_and(|c| c.start >= clause.start && c.end <= clause.end)
    };
    for f in &found[lo..] {
        if f.content.start >= clause.end {
            break;
        }
        let ov = overlap(f.content, clause);
        // Ties go to the content that starts later, the inner of two nested
        // ones ("X rejected [the plan, adding that [Z]]").
        let better = |b: &Found, o: usize| {
            let (x, y) = (cued_here(f), cued_here(b));
            // One holds the other's cue in its content: the outer one.
            let holds = |p: &Found, q: &Found| {
                q.cue
                    .is_some_and(|c| p.content.start <= c.start && c.end <= p.content.end)
            };
            if x && y && holds(f, b) != holds(b, f) {
                return holds(f, b);
            }
            (x && !y) || (x == y && (ov > o || (ov == o && f.content.start > b.content.start)))
        };
        if ov > 0 && best.is_none_or(|(b, o)| better(b, o)) {
            best = Some((f, ov));
        }
    }
    // "according to X" in the clause attributes all of it.
    let according = found[lo..]
        .iter()
        .take_while(|f| f.content.start < clause.end)
        .find(|f| {
            f.cue.is_some_and(|c| {
                c.start >= clause.start
                    && c.end <= clause.end
                    && s.text
                        .get(c.start..c.end)
                        .is_some_and(|t| t.starts_with("according"))
            })
        });
    if let Some(f) = according {
        best = Some((f, 0));
    }
    let (f, _) = best?;
    let (text, analysis) = (s.text, s.analysis);
    let f = quoted_on(text, &found[..lo + 64.min(found.len() - lo)], f).unwrap_or(f);
    let speaker = match (f.kind, f.source, f.speaker.as_deref()) {
        (SpeakerKind::Unknown, _, _) => match f.cue.filter(|_| f.own_cue) {
            // The rules abstain; a name just before the cue is its subject.
            Some(cue) => subject_mention(text, analysis, cue).map_or(Speaker::Unknown, |m| {
                entity(analysis, m, analysis.mentions[m].span)
            }),
            None => Speaker::Unknown,
        },
        (_, Some(src), Some(name)) => {
            let written = src.get(text).unwrap_or("");
            if let Some(m) = main_subject(text, analysis, src) {
                // "After blasting X, Glenn Beck doubled down": the rules took
                // the opening preposition for the participle's subject.
                entity(analysis, m, analysis.mentions[m].span)
            } else if let Some(m) = mention_in(text, analysis, src, name) {
                let span = analysis.mentions[m].span;
                entity(analysis, m, span)
            } else if f.kind == SpeakerKind::Entity && written != name {
                // A pronoun resolved to an earlier name.
                match mention_named(text, analysis, src.start, name)
                    .or_else(|| nearest_person(text, analysis, src))
                {
                    Some(m) => entity(analysis, m, src),
                    None => Speaker::Unnamed { span: Some(src) },
                }
            } else if let Some(m) = nearest_person(text, analysis, src) {
                // "he said" with no earlier speaker: the person named last.
                entity(analysis, m, src)
            } else {
                Speaker::Unnamed { span: Some(src) }
            }
        }
        (_, src, _) if f.cue.is_some() => Speaker::Unnamed { span: src },
        _ => return None,
    };
    // The cue's local tokens, when it lies in this clause.
    let cue_tokens = f.cue.and_then(|c| {
        let first = (a..b).find(|&k| s.tokens[k].span.start >= c.start)?;
        let last = (first..b)
            .take_while(|&k| s.tokens[k].span.end <= c.end)
            .last()?;
        Some((first, last + 1))
    });
    Some(Attribution {
        speaker,
        cue: f.cue,
        cue_tokens,
    })
}

#[cfg(test)]
mod tests {
    use crate::analyse_text;

    /// (text, speaker kind, speaker as displayed, speaker words, cue) of the last claim.
    #[test]
    fn claims_take_the_rules_attribution() {
        type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // A cue without a source: the rules abstain.
            (
                "“The bridge will cost taxpayers $4 billion,” warned.",
                "unknown",
                "unknown source",
                None,
                Some("warned"),
            ),
            (
                "“We will rebuild the bridge by 2027,” said council leader Priya Natarajan.",
                "entity",
                "Priya Natarajan",
                Some("Priya Natarajan"),
                Some("said"),
            ),
            (
                "Senator Ted Cruz said the bill was dead. He said it would cost $4 billion.",
                "entity",
                "Ted Cruz",
                Some("He"),
                Some("said"),
            ),
            (
                "The plan will cost $4 billion, according to the Office for Budget Responsibility.",
                "entity",
                "Office for Budget Responsibility",
                Some("Office for Budget Responsibility"),
                Some("according to"),
            ),
            (
                "“We are ready,” said Priya Natarajan. “The money is there and it will be spent.”",
                "entity",
                "Priya Natarajan",
                Some("Priya Natarajan"),
                Some("said"),
            ),
            (
                "The spokesman said the bridge would cost $4 billion.",
                "unnamed",
                "The spokesman",
                Some("The spokesman"),
                Some("said"),
            ),
            // A relative "who" is its antecedent, named where "who" is written.
            (
                "The bridge will cost $4 billion, said Ann Lee, who opposed it.",
                "entity",
                "Ann Lee",
                Some("who"),
                Some("opposed"),
            ),
            // "I" inside what a later name reports is that name: the
            // reporting clause is the claim's attribution.
            (
                "Tim Cook spoke on Monday. I want to focus on my health, Steve Jobs wrote.",
                "entity",
                "Steve Jobs",
                Some("Steve Jobs"),
                Some("wrote"),
            ),
            // "she" with no earlier speaker: the person named last.
            (
                "The bridge was opened by Ann Lee on Monday. “It will cost $4 billion,” she said.",
                "entity",
                "Ann Lee",
                Some("she"),
                Some("said"),
            ),
            (
                "The bridge will cost $4 billion, he warned.",
                "unnamed",
                "he",
                Some("he"),
                Some("warned"),
            ),
            // A second cue after a conjunction: its own claim, named by its pronoun.
            (
                "Marvin Teske is backing Hillary Clinton because he worries Sanders would lose in the fall.",
                "entity",
                "Marvin Teske",
                Some("he"),
                Some("worries"),
            ),
            (
                "While almost everyone agrees the law was flawed, some critics fear the new approach will hurt poor students.",
                "unnamed",
                "some critics",
                Some("some critics"),
                Some("fear"),
            ),
            // The claim takes the attribution whose cue it holds, not the
            // longer content of the cue before it.
            (
                "Carson seems to recognize his problem on national security — he told the AP that his task is to prove that he is tough.",
                "entity",
                "Carson",
                Some("he"),
                Some("told"),
            ),
            // Crossing contents: the reporting verb's attribution is the outer one.
            (
                "Ben Carson says he is under attack because of his rise in the polls.",
                "entity",
                "Ben Carson",
                Some("Ben Carson"),
                Some("says"),
            ),
            // "and support from" is a noun after "and", no second cue of the
            // speaker: the claim is not cut there.
            (
                "Clinton has a strong ground game and support from all major Democrats, said Mindy Romero.",
                "entity",
                "Mindy Romero",
                Some("Mindy Romero"),
                Some("said"),
            ),
            // The rules abstain: a name just before the cue is its subject,
            // after a role in apposition, or past an aside and an adverb.
            (
                "The leader of the Anti-Defamation League, Jonathan Greenblatt, warned that such a ban would be unacceptable.",
                "entity",
                "Jonathan Greenblatt",
                Some("Jonathan Greenblatt"),
                Some("warned"),
            ),
            (
                "Speaking in Harlem, Clinton, without naming him, also accused Sanders of being late to racial justice issues.",
                "entity",
                "Clinton",
                Some("Clinton"),
                Some("accused"),
            ),
            (
                "Cory James, 22, of Flint, Mich., said he had not given up hope that Sanders could win.",
                "entity",
                "Cory James",
                Some("Cory James"),
                Some("said"),
            ),
            // … but not the object of a preposition.
            (
                "After a meeting with Clinton, also warned that the bridge would cost $4 billion.",
                "unknown",
                "unknown source",
                None,
                Some("warned"),
            ),
            // A participle after an opening preposition or conjunction: the
            // subject named after the phrase's comma, not the preposition.
            (
                "After blasting the Drudge Report for linking to a Breitbart article about his latest fast, Glenn Beck doubled down on his religious rhetoric.",
                "entity",
                "Glenn Beck",
                Some("Glenn Beck"),
                Some("blasting"),
            ),
            (
                "In a victory speech in Westchester County on Tuesday night, Mr. Trump struck a measured tone, saying he understood the responsibility of carrying the mantle.",
                "entity",
                "Trump",
                Some("Trump"),
                Some("saying"),
            ),
            (
                "Since announcing in October that he would not seek the presidency, Mr. Biden has been a loyal Democratic lieutenant.",
                "entity",
                "Biden",
                Some("Biden"),
                Some("announcing"),
            ),
            // No name after the comma: the rules' phrase stays.
            (
                "At a heated press conference outside of City Hall on Friday, families of those affected by mass shootings urged the senator to apologize, reiterating calls that were dismissed.",
                "unnamed",
                "mass shootings",
                Some("mass shootings"),
                Some("urged"),
            ),
            // A pronoun's cue inside a quotation that goes on after "X said.":
            // the quotation is X's.
            (
                "“CNN has done an awful job this election,” Charles Barkley said. “They have followed ratings and sound bites this entire cycle.”",
                "entity",
                "Charles Barkley",
                Some("Charles Barkley"),
                Some("said"),
            ),
            (
                "“The bridge is safe,” said Priya Natarajan. “I think we will rebuild it by 2027.”",
                "entity",
                "Priya Natarajan",
                Some("Priya Natarajan"),
                Some("said"),
            ),
            // Not after a sentence that ends with its cue; the verb inside
            // the quotation is no cue either (the generic rule takes none
            // there): the quotation goes on in the earlier speaker's voice.
            (
                "Charles Barkley said on Sunday that CNN had done an awful job. “They have followed ratings and sound bites this entire cycle.”",
                "entity",
                "Charles Barkley",
                Some("Charles Barkley"),
                Some("said"),
            ),
            // A cue after its content keeps the attributions before it inside
            // its content: the reporting clause is the claim's attribution.
            (
                "In one email, Ash Carter discussed how he had put a note card in a burn bag, the Times reported.",
                "entity",
                "Times",
                Some("Times"),
                Some("reported"),
            ),
            // Two cues in the claim, one inside the other's content: the
            // outer one, though the inner content runs on further (the
            // last claim is the second cue's, "and accused", the same speaker).
            (
                "UK Independence Party leader Nigel Farage said the warning was indicative that the President did not know what he was talking about, and accused Number 10 Downing Street of putting words in the President’s mouth.",
                "entity",
                "Nigel Farage",
                Some("Nigel Farage"),
                Some("accused"),
            ),
            (
                "The bridge was finished in 2024 and cost $4 billion.",
                "author",
                "the author",
                None,
                None,
            ),
        ];
        for (text, kind, display, words, cue) in cases {
            let a = analyse_text(text);
            let c = a.claims.last().unwrap();
            assert_eq!(c.speaker.kind_name(), *kind, "{text}");
            assert_eq!(c.speaker.display(text), *display, "{text}");
            assert_eq!(c.speaker.span().map(|s| s.slice(text)), *words, "{text}");
            assert_eq!(c.cue.map(|s| s.slice(text)), *cue, "{text}");
        }
    }

    /// (text, speaker as displayed, cue) of the first claim: an attribution
    /// nested in a content cut before "and" + a second cue ends with it.
    #[test]
    fn nested_contents_end_with_the_cut_outer_one() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Council leader Priya Natarajan said the report was proof that the mayor did not know what he was doing, and accused the council of hiding the costs.",
                "Priya Natarajan",
                "said",
            ),
            (
                "Senator Ted Cruz said the memo showed that the agency did not believe the numbers, and urged the board to resign.",
                "Ted Cruz",
                "said",
            ),
        ];
        for (text, display, cue) in cases {
            let a = analyse_text(text);
            let c = &a.claims[0];
            assert_eq!(c.speaker.display(text), *display, "{text}");
            assert_eq!(c.cue.map(|s| s.slice(text)), Some(*cue), "{text}");
        }
    }
}
