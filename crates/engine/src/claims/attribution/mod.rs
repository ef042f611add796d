//! Attribution: who makes a claim, and the words that say so.
//!
//! Two layers:
//!
//! 1. **The attribution rules** ([`rules`], on [`text`]'s tokens): they read
//!    the whole article and find every reporting cue with its source and
//!    content — "…,” said council leader Priya Natarajan" (the name, titles
//!    dropped), "according to X", "X, who chairs …, warned that", "X is
//!    slamming Y …, saying", pronouns resolved to an earlier named speaker,
//!    quotation continuations that keep their speaker, and abstention (a cue
//!    whose source cannot be told). A claim takes the speaker and cue of the
//!    attribution whose content covers it (`sources.rs`); a speaker whose
//!    words are a person or organisation mention is that entity, one that
//!    cannot be told is [`Speaker::Unknown`].
//!    Where the language layer is installed ([`install_tagger`],
//!    [`install_parser`]; not by default), the dependency parse adds the
//!    reporting clauses it finds in the sentences the rules leave untouched
//!    (`parse.rs`).
//! 2. **The clause rules** below, for claims no attribution covers. Scanning
//!    the clause left to right, the first cue that yields a speaker wins:
//!
//! | cue | speaker |
//! | --- | --- |
//! | "according to" X | the first named entity after it, else the source's words |
//! | X’s \[adjectives\] *communication noun* ("Medinsky’s pointed reference to") | X |
//! | his / her *communication noun* | the last person named |
//! | *reporting verb* after a comma or quote, then a name ("…,” said Maria Fernandes) | the name |
//! | subject … *reporting verb* ("Experts, including Steven Jermy, have acknowledged") | the nearest person before the verb, else a nearby organisation, place or group, a pronoun resolved to the last person named, or a source noun ("officials") |
//! | hearsay ("reportedly", "it is said", "is believed to") | an unnamed source |
//!
//! Otherwise the author asserts the claim.
//!
//! The rules are measured on PolNeAR's dev split with
//! `claimlens eval attribution DIR` (see `data/README.md` and
//! `claimlens_core::eval::attribution`).

mod parse;
pub mod rules;
pub(super) mod sources;
pub mod text;

pub use parse::{install_parser, install_tagger};

use super::detect::{Sent, NONE};
use super::words;
use super::Speaker;
use crate::entities::Label;
use crate::span::Span;
use crate::text::{TokenKind, WordSet};

/// A clause's speaker and cue.
pub(super) struct Attribution {
    pub speaker: Speaker,
    pub cue: Option<Span>,
    /// The cue's local token range.
    pub cue_tokens: Option<(usize, usize)>,
}

fn entity_speaker(s: &Sent, mention: usize, span: Span) -> Speaker {
    let m = &s.analysis.mentions[mention];
    let e = &s.analysis.entities[m.entity];
    Speaker::Entity {
        entity: m.entity,
        id: e.id.clone(),
        name: e.name.clone(),
        span,
    }
}

/// Source nouns that are documents, whose author may follow.
static DOCUMENTS: WordSet = WordSet::new(concat!(
    "data|",
    "statement|",
    "report|",
    "reports|",
    "study|",
    "survey|",
    "figures|",
    "estimates|",
    "poll|",
    "polls|",
    "analysis|",
    "findings|",
    "research|",
    "paper|",
    "review|",
    "documents|",
));

/// Head words of institution names that take "of" / "for" ("Office for
/// National Statistics", "Bank of England"); titles ("Minister for Trade") do not.
static INSTITUTIONS: WordSet = WordSet::new(concat!(
    "office|",
    "ministry|",
    "department|",
    "bank|",
    "institute|",
    "university|",
    "council|",
    "court|",
    "agency|",
    "bureau|",
    "commission|",
    "committee|",
    "board|",
    "centre|",
    "center|",
    "school|",
    "society|",
    "association|",
    "federation|",
    "union|",
    "league|",
    "organisation|",
    "organization|",
    "fund|",
    "foundation|",
    "service|",
    "authority|",
    "party|",
    "treasury|",
    "academy|",
    "house|",
));

fn mention_speaker(s: &Sent, k: usize) -> Speaker {
    let m = s.ment[k] as usize;
    // Widen over a name's head the entity engine left out: "[Office for] National Statistics".
    let mut span = s.analysis.mentions[m].span;
    let first = (0..=k)
        .rev()
        .take_while(|&j| s.ment[j] as usize == m)
        .last()
        .unwrap_or(k);
    let mut j = first;
    while j >= 2
        && matches!(s.words[j - 1].as_ref(), "of" | "for")
        && s.ment[j - 2] == NONE
        && INSTITUTIONS.contains(&s.words[j - 2])
    {
        j -= 2;
        while j >= 1
            && s.ment[j - 1] == NONE
            && s.tokens[j - 1].is_capitalised(s.text)
            && words::tags(&s.words[j - 1]) & words::DET == 0
        {
            j -= 1;
        }
        span.start = s.tokens[j].span.start;
    }
    entity_speaker(s, m, span)
}

/// The last person mentioned before local token `k` in this sentence, else `last`.
fn person_before(s: &Sent, k: usize, last: Option<usize>) -> Option<usize> {
    (k.saturating_sub(300)..k)
        .rev()
        .find(|&j| s.label(j) == Some(Label::Person))
        .map(|j| s.ment[j] as usize)
        .or(last)
}

fn pronoun_speaker(s: &Sent, k: usize, last: Option<usize>) -> Speaker {
    match person_before(s, k, last) {
        Some(m) => entity_speaker(s, m, s.span(k, k + 1)),
        None => Speaker::Unnamed {
            span: Some(s.span(k, k + 1)),
        },
    }
}

fn is_source_subject(s: &Sent, k: usize) -> bool {
    let mention_person = matches!(s.label(k), Some(Label::Person | Label::Org));
    mention_person || s.has(k, words::SOURCE)
}

/// Source words before a noun: "Military experts", "senior officials".
fn source_span(s: &Sent, k: usize, floor: usize) -> Span {
    let mut a = k;
    while a > floor
        && s.tokens[a - 1].kind == TokenKind::Word
        && !s.has(a - 1, words::DET | words::AUX | words::REPORT)
        && s.ment[a - 1] == NONE
        && k - a < 2
    {
        a -= 1;
    }
    // With its determiner or quantifier: "the company", "some analysts".
    if a > floor
        && words::tags(&s.words[a - 1]) & (words::DET | words::NUMBER) != 0
        && !matches!(
            s.words[a - 1].as_ref(),
            "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there" | "that"
        )
    {
        a -= 1;
    }
    s.span(a, k + 1)
}

/// A source noun as speaker: a title ("the minister") names the last person
/// given that title earlier in the text; other nouns are unnamed sources.
fn source_speaker(s: &Sent, k: usize, floor: usize) -> Speaker {
    // A document names its author: "data from the Cabinet Office", "a report by the CBO".
    if DOCUMENTS.contains(&s.words[k])
        && k + 2 < s.len()
        && matches!(s.words[k + 1].as_ref(), "from" | "by" | "of")
    {
        let j = k + 2 + (s.words[k + 2] == "the") as usize;
        if j < s.len() && matches!(s.label(j), Some(Label::Org | Label::Person | Label::Place)) {
            return mention_speaker(s, j);
        }
    }
    let span = source_span(s, k, floor);
    let word = s.words[k].as_ref();
    let before = s.tokens[k].span.start;
    let ms = &s.analysis.mentions;
    let end = ms.partition_point(|m| m.span.start < before);
    // The last 400 mentions at most: a title refers to someone named recently.
    let titled = ms[..end].iter().enumerate().rev().take(400).find(|(_, m)| {
        m.role.as_ref().is_some_and(|r| {
            r.title
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| t.eq_ignore_ascii_case(word))
        })
    });
    match titled {
        Some((m, _)) => entity_speaker(s, m, span),
        None => Speaker::Unnamed { span: Some(span) },
    }
}

/// Find the speaker of the clause `a..b` (local token indices).
pub(super) fn attribute(s: &Sent, a: usize, b: usize, last_person: Option<usize>) -> Attribution {
    let mut k = a;
    while k < b {
        let tag = s.tags[k];
        let len = (s.plen[k] as usize).max(1).min(b - k);
        if tag == 0 {
            k += len;
            continue;
        }
        let cue = |from: usize, to: usize| (Some(s.span(from, to)), Some((from, to)));
        // "according to X"
        if tag & words::ACCORDING != 0 && len == 2 {
            let (c, ct) = cue(k, k + 2);
            let end = (k + 16).min(b);
            let named = (k + 2..end)
                .take_while(|&j| !matches!(s.words[j].as_ref(), ";" | "." | "“" | "\""))
                .find(|&j| s.is_named(j));
            let speaker = match named {
                Some(j) => mention_speaker(s, j),
                None => {
                    let stop = (k + 2..end)
                        .find(|&j| !s.is_word(j))
                        .unwrap_or(end)
                        .min(k + 6);
                    Speaker::Unnamed {
                        span: (stop > k + 2).then(|| s.span(k + 2, stop)),
                    }
                }
            };
            return Attribution {
                speaker,
                cue: c,
                cue_tokens: ct,
            };
        }
        // "X’s [adjectives] remarks" / "his remarks" (not when the words are
        // the subject of what follows: "the company's claims were false").
        let predicate = (k + 1..b.min(k + 7))
            .take_while(|&j| !matches!(s.words[j].as_ref(), "," | ";" | ":" | "that" | "to"))
            .any(|j| {
                matches!(
                    s.words[j].as_ref(),
                    "were" | "was" | "are" | "is" | "have" | "has" | "had" | "remain" | "remained"
                )
            });
        if tag & words::COMM != 0 && !s.quoted[k] && !predicate {
            let mut j = k;
            while j > a
                && k - j < 3
                && s.tokens[j - 1].kind == TokenKind::Word
                && s.tags[j - 1] & (words::DET | words::AUX | words::PRON_POSS) == 0
                && s.ment[j - 1] == NONE
            {
                j -= 1;
            }
            let to = if k + 1 < b && matches!(s.words[k + 1].as_ref(), "to" | "that") {
                k + 2
            } else {
                k + 1
            };
            if j > a
                && s.tokens[j - 1].kind == TokenKind::Possessive
                && j >= 2
                && matches!(
                    s.label(j - 2),
                    Some(Label::Person | Label::Org | Label::Norp | Label::Place)
                )
            {
                let (c, ct) = cue(k, to);
                return Attribution {
                    speaker: mention_speaker(s, j - 2),
                    cue: c,
                    cue_tokens: ct,
                };
            }
            if j >= a + 2
                && s.tokens[j - 1].kind == TokenKind::Possessive
                && s.ment[j - 2] == NONE
                && s.has(j - 2, words::SOURCE)
            {
                let (c, ct) = cue(k, to);
                return Attribution {
                    speaker: source_speaker(s, j - 2, a),
                    cue: c,
                    cue_tokens: ct,
                };
            }
            if j > a && s.has(j - 1, words::PRON_POSS) {
                let (c, ct) = cue(k, to);
                return Attribution {
                    speaker: pronoun_speaker(s, j - 1, last_person),
                    cue: c,
                    cue_tokens: ct,
                };
            }
        }
        // Reporting verbs, not their nouns ("the claims were rejected").
        let prev = if k > a { s.words[k - 1].as_ref() } else { "" };
        let next = if k + 1 < b {
            s.words[k + 1].as_ref()
        } else {
            ""
        };
        let verb = !rules::noun_use(prev, s.words[k].as_ref(), next);
        if tag & words::REPORT != 0
            && verb
            && verb_use(s, k, b)
            && !s.quoted[k]
            && !(k > 0 && s.has(k - 1, words::DET) && !s.has(k - 1, words::PRON | words::THEY))
            && !(k > 0 && s.tokens[k - 1].kind == TokenKind::Possessive)
        {
            if let Some(speaker) = reporting_subject(s, a, b, k, last_person) {
                let (c, ct) = cue(k, k + len);
                return Attribution {
                    speaker,
                    cue: c,
                    cue_tokens: ct,
                };
            }
        }
        if tag & words::HEARSAY != 0 {
            let (c, ct) = cue(k, k + len);
            return Attribution {
                speaker: Speaker::Unnamed { span: None },
                cue: c,
                cue_tokens: ct,
            };
        }
        k += len;
    }
    Attribution {
        speaker: Speaker::Author,
        cue: None,
        cue_tokens: None,
    }
}

/// Whether the reporting word at `k` is used as a verb: "state" /
/// "states" is a noun ("secretary of state", "in 11 states", "swing
/// states") unless "that" or a colon follows ("the report states that …").
/// On PolNeAR train, 291 of 293 cues the clause rules took from these
/// words were nouns.
fn verb_use(s: &Sent, k: usize, b: usize) -> bool {
    !matches!(s.words[k].as_ref(), "state" | "states")
        || (k + 1 < b && matches!(s.words[k + 1].as_ref(), "that" | ":"))
}

/// The preposition whose object is the mention under `k`, looking
/// back over its own tokens, titles, and coordinated names ("between Russia and").
fn governed(s: &Sent, k: usize, floor: usize) -> Option<usize> {
    let mut j = k;
    while j > floor {
        j -= 1;
        let w = s.words[j].as_ref();
        // A list of names: "between Russia, China and Iran".
        let coordinated = matches!(w, "and" | "or" | ",")
            && j > floor
            && s.is_named(j - 1)
            && j + 1 < s.len()
            && s.is_named(j + 1);
        // "of" / "for" inside a longer name: "Office for National Statistics".
        let inner = matches!(w, "of" | "for")
            && j > floor
            && s.ment[j - 1] == NONE
            && s.tokens[j - 1].is_capitalised(s.text);
        if s.ment[j] == s.ment[k]
            || inner
            || (s.ment[j] != NONE && s.is_named(j))
            || coordinated
            || w == "the"
            || (s.ment[j] == NONE && s.tokens[j].is_capitalised(s.text))
        {
            continue;
        }
        return (words::tags(w) & words::PREP != 0).then_some(j);
    }
    None
}

/// The subject of the reporting verb at `v`: inverted after it, or before it.
fn reporting_subject(
    s: &Sent,
    a: usize,
    b: usize,
    v: usize,
    last_person: Option<usize>,
) -> Option<Speaker> {
    // Inverted: “…,” said Maria Fernandes / …, said the spokesman / said he.
    let after_break = v > a && matches!(s.words[v - 1].as_ref(), "," | "”" | "\"" | "’");
    if after_break || v == a {
        let mut j = v + 1;
        while j < b && j < v + 5 {
            if s.is_named(j) && is_source_subject(s, j) {
                return Some(mention_speaker(s, j));
            }
            if s.has(j, words::PRON) {
                return Some(pronoun_speaker(s, j, last_person));
            }
            if s.has(j, words::SOURCE) {
                return Some(source_speaker(s, j, v + 1));
            }
            let w = s.words[j].as_ref();
            let title = s.tokens[j].is_capitalised(s.text) || matches!(w, "the" | "a" | "an");
            if !title {
                break;
            }
            j += 1;
        }
    }
    // Passive with an agent: "was told by the minister", "were reported by Reuters".
    if v + 2 < b && s.words[v + 1] == "by" {
        let mut agent = v + 2 + (s.words[v + 2] == "the") as usize;
        // Titles before the name are outside the mention ("by Senator Ann Lee").
        while agent < b.min(v + 6)
            && s.ment[agent] == NONE
            && s.tokens[agent].is_capitalised(s.text)
        {
            agent += 1;
        }
        if agent < b && s.is_named(agent) {
            return Some(mention_speaker(s, agent));
        }
        if agent < b && s.has(agent, words::SOURCE) {
            return Some(source_speaker(s, agent, v + 2));
        }
    }
    // Subject before the verb: the nearest person within reach, else an
    // organisation, place or group, a pronoun or a source noun close by.
    let floor = a.max(v.saturating_sub(30));
    let mut person = None;
    let mut named = None;
    let mut pron = None;
    let mut source = None;
    // Tokens inside a relative clause (", who leads the party,") are not subjects.
    let mut relative = [false; 32];
    let mut open = false;
    for j in floor..v {
        let w = s.words[j].as_ref();
        if w == "," {
            open =
                j + 1 < v && matches!(s.words[j + 1].as_ref(), "who" | "which" | "whose" | "whom");
        }
        relative[j - floor] = open;
    }
    let mut j = v;
    while j > floor {
        j -= 1;
        if s.quoted[j] || s.words[j] == ";" {
            break;
        }
        // A name after "with" right before the verb is its subject
        // ("with Governor Kazuo Ueda saying").
        let governs = |p: usize| {
            !(s.words[p] == "with"
                && (j + 1..v).all(|t| s.ment[t] == s.ment[j] || s.has(t, words::AUX)))
        };
        if relative[j - floor] || (s.ment[j] != NONE && governed(s, j, floor).is_some_and(governs))
        {
            continue;
        }
        match s.label(j) {
            Some(Label::Person) if person.is_none() => person = Some(j),
            Some(Label::Org | Label::Place | Label::Norp | Label::Event) if named.is_none() => {
                named = Some(j)
            }
            _ => {}
        }
        if pron.is_none() && s.has(j, words::PRON | words::THEY) && v - j <= 3 {
            pron = Some(j);
        }
        if source.is_none() && s.ment[j] == NONE && s.has(j, words::SOURCE) && v - j <= 8 {
            source = Some(j);
        }
    }
    // A name that only qualifies the source noun: "Polish officials",
    // "Ukraine’s air force", "Zelensky’s office" → that phrase, unnamed.
    if let Some(q) = source {
        let mut m = q;
        while m > floor
            && s.ment[m - 1] == NONE
            && (s.tokens[m - 1].kind == TokenKind::Possessive
                || (s.tokens[m - 1].kind == TokenKind::Word && s.tags[m - 1] == 0))
            && q - m < 3
        {
            m -= 1;
        }
        if m > floor && s.is_named(m - 1) && pron.is_none_or(|p| p < m) {
            let name = s.ment[m - 1];
            let mut start = m - 1;
            while start > floor && s.ment[start - 1] == name {
                start -= 1;
            }
            if person.is_none_or(|p| p < m) && named.is_none_or(|n| n < m) {
                return Some(Speaker::Unnamed {
                    span: Some(s.span(start, q + 1)),
                });
            }
        }
    }
    if let Some(p) = pron {
        if person.is_none_or(|q| q < p) && named.is_none_or(|q| q < p) {
            return Some(if s.has(p, words::THEY) {
                Speaker::Unnamed {
                    span: Some(s.span(p, p + 1)),
                }
            } else {
                pronoun_speaker(s, p, last_person)
            });
        }
    }
    if let Some(p) = person {
        // An organisation right before the verb is the subject ("the Kremlin said").
        // (Only with nothing but auxiliaries between: not "Merz, who leads
        // the party, has promised".)
        let org_closer = named.is_some_and(|q| {
            q > p
                && s.label(q) == Some(Label::Org)
                && (q + 1..v).all(|j| s.ment[j] == s.ment[q] || s.has(j, words::AUX))
        });
        if !org_closer {
            return Some(mention_speaker(s, p));
        }
    }
    if let Some(q) = named {
        if v - q <= 6 {
            return Some(mention_speaker(s, q));
        }
    }
    if let Some(q) = source {
        return Some(source_speaker(s, q, floor));
    }
    person.map(|p| mention_speaker(s, p))
}

#[cfg(test)]
mod tests {
    use crate::analyse_text;

    /// (text, speaker kind, speaker words in the text, cue)
    #[test]
    fn attribution_rule_table() {
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            // possessive + communication noun
            (
                "Senator Ann Lee’s pointed remarks on taxes angered 40 donors.",
                "entity",
                Some("Ann Lee"),
                Some("remarks"),
            ),
            (
                "Senator Ann Lee spoke. Her statement on taxes angered 40 donors.",
                "entity",
                Some("Her"),
                Some("statement"),
            ),
            (
                "The senator’s remarks on taxes angered 40 donors in Ohio.",
                "unnamed",
                Some("The senator"),
                Some("remarks"),
            ),
            // subject + reporting verb, inverted subject, pronoun
            (
                "Senator Ann Lee said taxes would rise by 4 percent.",
                "entity",
                Some("Ann Lee"),
                Some("said"),
            ),
            (
                "“Taxes will rise,” said Senator Ann Lee on Monday.",
                "entity",
                Some("Ann Lee"),
                Some("said"),
            ),
            (
                "Senator Ann Lee spoke. She added that taxes would rise.",
                "entity",
                Some("She"),
                Some("added"),
            ),
            (
                "Donors, including banker Tom Reed, have warned that taxes will rise.",
                "entity",
                Some("Tom Reed"),
                Some("warned"),
            ),
            // according to
            // No person or organisation mention: the source's words (the
            // clause rules named the place, "Ohio").
            (
                "Taxes rose 4 percent, according to the Treasury of Ohio.",
                "unnamed",
                Some("the Treasury of Ohio"),
                Some("according to"),
            ),
            (
                "Taxes rose 4 percent, according to officials.",
                "unnamed",
                Some("officials"),
                Some("according to"),
            ),
            // hearsay
            (
                "Taxes reportedly rose 4 percent in Ohio.",
                "unnamed",
                None,
                Some("reportedly"),
            ),
            (
                "Taxes are said to have risen 4 percent in Ohio.",
                "unnamed",
                None,
                Some("are said to"),
            ),
            (
                "Voters in Ohio were told by Senator Ann Lee that taxes would rise.",
                "entity",
                Some("Ann Lee"),
                Some("told"),
            ),
            (
                "Speaking in Paris, Senator Ann Lee said taxes would rise.",
                "entity",
                Some("Ann Lee"),
                Some("said"),
            ),
            (
                "Senator Ann Lee, who leads the Ohio Labour Party, has promised tax cuts.",
                "entity",
                Some("Ann Lee"),
                Some("promised"),
            ),
            (
                "Polish officials said a missile entered the airspace of Poland.",
                "unnamed",
                Some("Polish officials"),
                Some("said"),
            ),
            (
                "Ohio grew 1.8% in May, data from the Census Bureau showed.",
                "entity",
                Some("Census Bureau"),
                Some("showed"),
            ),
            (
                "Ohio kept taxes unchanged, with Governor Ann Lee saying they would not rise.",
                "entity",
                Some("Ann Lee"),
                Some("saying"),
            ),
            // an appositive name before a reporting verb is the speaker
            (
                "Apple's senior vice president of marketing, Greg Joswiak, indicated that sales rose.",
                "entity",
                Some("Greg Joswiak"),
                Some("indicated"),
            ),
            // reporting words used as nouns are no cues
            (
                "Such claims about taxes have circulated in Ohio for years.",
                "author",
                None,
                None,
            ),
            (
                "Despite claims of a cover-up, taxes rose 4 percent in Ohio.",
                "author",
                None,
                None,
            ),
            (
                "The senator’s claims about taxes were false.",
                "author",
                None,
                None,
            ),
            // the author
            (
                "Taxes rose 4 percent in Ohio last year.",
                "author",
                None,
                None,
            ),
            (
                "Talks between Ohio and Texas have revealed deep rifts.",
                "author",
                None,
                None,
            ),
        ];
        for (text, kind, words, cue) in cases {
            let a = analyse_text(text);
            let c = a.claims.last().unwrap();
            assert_eq!(c.speaker.kind_name(), *kind, "{text}");
            assert_eq!(c.speaker.span().map(|s| s.slice(text)), *words, "{text}");
            assert_eq!(c.cue.map(|s| s.slice(text)), *cue, "{text}");
        }
    }

    /// "state" / "states" is a cue only as a verb before "that" or a colon.
    #[test]
    fn state_is_a_cue_only_as_a_verb() {
        // (text, the cues of its claims)
        let cases: &[(&str, &[&str])] = &[
            (
                "Former secretary of state Hillary Clinton won 11 states on Tuesday.",
                &[],
            ),
            (
                "Trump needs swing states such as Ohio to win 270 votes.",
                &[],
            ),
            (
                "Senator Ann Lee states that taxes would rise by 4 percent.",
                &["states"],
            ),
        ];
        for (text, want) in cases {
            let a = analyse_text(text);
            let cues: Vec<&str> = a
                .claims
                .iter()
                .filter_map(|c| c.cue.map(|s| s.slice(text)))
                .collect();
            assert_eq!(cues, *want, "{text}");
        }
    }
}
