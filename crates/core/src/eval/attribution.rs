//! Attribution scoring: gold standoff attributions (BRAT-like, as in
//! PolNeAR) and three figures — cue F1, source F1 and speaker accuracy — for
//! the claims engine, its attribution rules and two baselines.
//!
//! All offsets here are **code points** (PolNeAR's), spans of
//! [`crate::claims::attribution::text::Span`].
//!
//! * **cue F1** — predicted cue spans (identical spans counted once) against gold cue
//!   spans (one per gold attribution, possibly discontinuous). A predicted cue and a gold
//!   cue match when they share at least one code point; matching is one-to-one, greedy
//!   over gold in text order, each gold taking the unmatched overlapping prediction with
//!   the largest overlap (ties: the earlier one). P = matched / predicted, R = matched / gold.
//! * **source F1** — the same over predicted speaker spans (units with a span) against
//!   gold source spans (gold attributions that have a source).
//! * **speaker accuracy** — over gold attributions with a source whose content overlaps
//!   some predicted unit: take the unit with the largest content overlap; it is right
//!   when [`speaker_matches`] holds ([`Counts::spk_acc`]). Also reported: the same over
//!   *all* gold attributions with a source ([`Counts::spk_acc_all`]) and over the covered
//!   ones whose unit names a speaker ([`Counts::spk_acc_named`]).
//! * **speaker accuracy over stated units** ([`Counts::spk_acc_stated`]) — the
//!   same as speaker accuracy, but only units the system itself outputs count
//!   as covering a gold attribution: the author units this harness adds for
//!   each sentence a rule system leaves unattributed ([`Unit::filler`]) do not.
//!   This is "of the attributed statements a system outputs, the share whose
//!   speaker is right", as a scorer of `claims --jsonl`-like output sees it: a
//!   baseline that outputs only attributed sentences is never charged for the
//!   sentences it leaves out, while the claims engine outputs its author
//!   claims too. For the claims engine (no filler) it equals speaker accuracy.
//! * **speaker accuracy by span** ([`Counts::spk_acc_span`]) — the same over
//!   stated units, a speaker being right when its span overlaps the gold
//!   source ([`speaker_span_matches`]) whatever name it is displayed under.
//!   Of the two, this one reproduces the hidden figures of the issue best:
//!   0.388 for the landed engine (hidden 0.39; by head words 0.350) and 0.702
//!   for the subject rule (hidden 0.69; by head words 0.679) on dev.
//!
//! Systems ([`evaluate`]): the **claims engine** (one unit per claim of
//! [`crate::analyse`], as `claimlens claims --jsonl` reports it), the
//! **attribution rules** on their own ([`attribute`], one unit per
//! attribution plus an author unit per sentence no attribution covers), and
//! the baselines **subject of a reporting verb** ([`subject_rule`]) with
//! and without "according to X". The engine before the attribution rules
//! (commit `1812dea`) is not rebuilt here: its figures, measured with the same
//! metric, are [`LANDED`].
//!
//! ```
//! use claimlens_core::eval::attribution::{Article, evaluate};
//! # claimlens_core::frontcode::install_bundled();
//! let text = "Trump said it rains. Rain falls.";
//! let ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 19\tit rains\n\
//!            E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
//! let scores = evaluate(&[Article::new("a", text, ann)]);
//! let rules = scores.iter().find(|s| s.name == "attribution rules").unwrap();
//! assert_eq!(rules.counts.cue_prf().2, 1.0);
//! ```

use crate::claims::attribution::rules::{attribute, subject_rule, Attribution};
use crate::claims::attribution::text::{sentences, tokenize, Span};
use crate::text::WordSet;
use crate::{analyse, Claim, Document, Offsets};

/// One gold attribution.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttr {
    /// Cue segments.
    pub cue: Vec<Span>,
    /// Source segments (empty when the annotation has no source).
    pub source: Vec<Span>,
    /// Content segments.
    pub content: Vec<Span>,
    /// The source's text (segments joined by a space).
    pub source_text: String,
}

/// One predicted unit: a claim (or sentence) with its speaker, as any system reports it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// The claim or content span.
    pub span: Span,
    /// The cue, when the unit is attributed by one.
    pub cue: Option<Span>,
    /// Where the speaker is named in the text (a pronoun for "he said").
    pub source: Option<Span>,
    /// The speaker as a string (a resolved name for pronouns), none for the author.
    pub speaker: Option<String>,
    /// "author", "entity", "unnamed", "unknown", "person", … (as the system names it).
    pub kind: String,
    /// Added by this harness to cover a sentence the system left out (an
    /// author unit of [`units_of_attributions`]), not output by the system.
    pub filler: bool,
}

fn parse_spans(s: &str) -> Option<Vec<Span>> {
    let mut v = Vec::new();
    for seg in s.split(';') {
        let mut it = seg.split_whitespace();
        let a: usize = it.next()?.parse().ok()?;
        let b: usize = it.next()?.parse().ok()?;
        v.push(Span::new(a, b));
    }
    Some(v)
}

/// Parse one `.ann` file (PolNeAR's standoff: `T` lines with `Type start end[;start end]`,
/// `E` lines `Attribution:Tn Role:Tm …`) against the article's code points.
/// Lines that are neither (continuations of multi-line span texts) are skipped.
pub fn parse_ann(ann: &str, text: &[char]) -> Vec<GoldAttr> {
    let mut tspans: Vec<(String, Vec<Span>)> = Vec::new();
    let mut tid: Vec<String> = Vec::new();
    let mut events: Vec<Vec<(String, String)>> = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let id = f.next().unwrap_or("");
        let body = f.next().unwrap_or("");
        let is_id = |p: char| {
            id.starts_with(p) && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if is_id('T') {
            let Some((typ, rest)) = body.split_once(' ') else {
                continue;
            };
            if let Some(sp) = parse_spans(rest) {
                tid.push(id.to_string());
                tspans.push((typ.to_string(), sp));
            }
        } else if is_id('E') {
            let roles = body
                .split_whitespace()
                .skip(1)
                .filter_map(|r| r.split_once(':'))
                .map(|(a, b)| {
                    (
                        a.trim_end_matches(|c: char| c.is_ascii_digit()).to_string(),
                        b.to_string(),
                    )
                })
                .collect();
            events.push(roles);
        }
    }
    let find = |id: &str| tid.iter().position(|t| t == id).map(|i| &tspans[i].1);
    let slice = |s: &Span| -> String {
        text[s.start.min(text.len())..s.end.min(text.len())]
            .iter()
            .collect()
    };
    let mut out = Vec::new();
    for ev in events {
        let mut g = GoldAttr::default();
        for (role, id) in ev {
            let Some(sp) = find(&id) else { continue };
            match role.as_str() {
                "Cue" => g.cue.extend(sp.iter().copied()),
                "Source" => g.source.extend(sp.iter().copied()),
                "Content" => g.content.extend(sp.iter().copied()),
                _ => {}
            }
        }
        if g.cue.is_empty() && g.source.is_empty() && g.content.is_empty() {
            continue;
        }
        for v in [&mut g.cue, &mut g.source, &mut g.content] {
            v.sort();
        }
        g.source_text = g.source.iter().map(slice).collect::<Vec<_>>().join(" ");
        out.push(g);
    }
    out.sort_by(|a, b| {
        a.cue
            .first()
            .cmp(&b.cue.first())
            .then(a.content.cmp(&b.content))
    });
    out
}

/// Pronouns and relative words whose referent the metric does not check.
pub static PRONOUNS: WordSet = WordSet::new(concat!(
    "he|", "she|", "they|", "i|", "we|", "you|", "it|", "him|", "her|", "them|", "us|", "me|",
    "who|", "which|", "that|", "whom|", "this|", "these|", "those|", "his|", "their|", "its|",
    "our|", "my|"
));

pub use crate::claims::attribution::rules::head_word;

/// Whether a unit's speaker is the gold source: the unit must name a speaker (not the
/// author); if the gold source's head word is a pronoun or relative word ([`PRONOUNS`]),
/// the unit's source span must overlap the gold source span (the referent is not
/// checked); otherwise the head words ([`head_word`]) of the unit's speaker string and
/// of the gold source text must be equal.
pub fn speaker_matches(u: &Unit, g: &GoldAttr) -> bool {
    let Some(sp) = &u.speaker else { return false };
    if u.kind == "author" || u.kind == "unknown" {
        return false;
    }
    let hg = head_word(&g.source_text);
    if hg.is_empty() {
        return false;
    }
    if PRONOUNS.contains(hg.as_str()) {
        return u
            .source
            .is_some_and(|s| g.source.iter().any(|x| x.overlaps(&s)));
    }
    head_word(sp) == hg
}

/// Whether a unit's speaker span overlaps the gold source span (the unit must
/// name a speaker, not the author): the speaker is found where the text names
/// it, whatever name it is displayed under ("Associated Press" for "AP" is
/// right here, and "Alan Garten" for "Trump's attorney, Alan Garten").
pub fn speaker_span_matches(u: &Unit, g: &GoldAttr) -> bool {
    if u.speaker.is_none() || u.kind == "author" || u.kind == "unknown" {
        return false;
    }
    u.source
        .is_some_and(|s| g.source.iter().any(|x| x.overlaps(&s)))
}

/// Counts behind the three figures; they add up over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted cues (distinct spans).
    pub cue_pred: usize,
    /// Gold cues.
    pub cue_gold: usize,
    /// Matched cue pairs.
    pub cue_match: usize,
    /// Predicted source spans (distinct).
    pub src_pred: usize,
    /// Gold sources.
    pub src_gold: usize,
    /// Matched source pairs.
    pub src_match: usize,
    /// Gold attributions with a source.
    pub spk_gold: usize,
    /// … whose content overlaps a predicted unit.
    pub spk_covered: usize,
    /// … whose best unit has the author (or no) speaker.
    pub spk_author: usize,
    /// … whose best unit's speaker matches.
    pub spk_right: usize,
    /// Gold attributions with a source whose content overlaps a unit the
    /// system output (not a [`Unit::filler`]).
    pub spk_stated: usize,
    /// … whose best such unit's speaker matches.
    pub spk_stated_right: usize,
    /// … whose best such unit's speaker span overlaps the gold source
    /// ([`speaker_span_matches`]).
    pub spk_stated_span: usize,
}

impl Counts {
    /// Add another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.cue_pred += o.cue_pred;
        self.cue_gold += o.cue_gold;
        self.cue_match += o.cue_match;
        self.src_pred += o.src_pred;
        self.src_gold += o.src_gold;
        self.src_match += o.src_match;
        self.spk_gold += o.spk_gold;
        self.spk_covered += o.spk_covered;
        self.spk_author += o.spk_author;
        self.spk_right += o.spk_right;
        self.spk_stated += o.spk_stated;
        self.spk_stated_right += o.spk_stated_right;
        self.spk_stated_span += o.spk_stated_span;
    }
    /// (P, R, F1) of cues.
    pub fn cue_prf(&self) -> (f64, f64, f64) {
        prf(self.cue_match, self.cue_pred, self.cue_gold)
    }
    /// (P, R, F1) of sources.
    pub fn src_prf(&self) -> (f64, f64, f64) {
        prf(self.src_match, self.src_pred, self.src_gold)
    }
    /// Speaker accuracy over covered gold attributions.
    pub fn spk_acc(&self) -> f64 {
        ratio(self.spk_right, self.spk_covered)
    }
    /// Speaker accuracy over all gold attributions with a source.
    pub fn spk_acc_all(&self) -> f64 {
        ratio(self.spk_right, self.spk_gold)
    }
    /// Speaker accuracy over covered gold attributions whose unit names a
    /// speaker (not the author): accuracy where the system attributes at all.
    pub fn spk_acc_named(&self) -> f64 {
        ratio(self.spk_right, self.spk_covered - self.spk_author)
    }
    /// Speaker accuracy over gold attributions covered by a unit the system
    /// output itself (fillers aside): the share of the attributed statements
    /// it states whose speaker is right.
    pub fn spk_acc_stated(&self) -> f64 {
        ratio(self.spk_stated_right, self.spk_stated)
    }
    /// The same as [`Counts::spk_acc_stated`], a speaker being right when its
    /// span overlaps the gold source ([`speaker_span_matches`]).
    pub fn spk_acc_span(&self) -> f64 {
        ratio(self.spk_stated_span, self.spk_stated)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn prf(m: usize, p: usize, g: usize) -> (f64, f64, f64) {
    let pr = ratio(m, p);
    let rc = ratio(m, g);
    let f = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

/// Greedy one-to-one matching of predictions to gold (each gold: a list of segments).
/// Returns, for each gold, the index of its matched prediction.
pub fn match_spans(gold: &[Vec<Span>], pred: &[Span]) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i].first().copied());
    let mut out = vec![None; gold.len()];
    for gi in order {
        let mut best: Option<(usize, usize)> = None;
        for (pi, p) in pred.iter().enumerate() {
            if used[pi] {
                continue;
            }
            let ov: usize = gold[gi].iter().map(|g| g.overlap_len(p)).sum();
            if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((pi, ov));
            }
        }
        if let Some((pi, _)) = best {
            used[pi] = true;
            out[gi] = Some(pi);
        }
    }
    out
}

/// Score one document's units against its gold attributions.
pub fn score_doc(gold: &[GoldAttr], units: &[Unit]) -> Counts {
    let mut c = Counts::default();
    let mut cues: Vec<Span> = units.iter().filter_map(|u| u.cue).collect();
    cues.sort();
    cues.dedup();
    let gcues: Vec<Vec<Span>> = gold
        .iter()
        .filter(|g| !g.cue.is_empty())
        .map(|g| g.cue.clone())
        .collect();
    c.cue_pred = cues.len();
    c.cue_gold = gcues.len();
    c.cue_match = match_spans(&gcues, &cues)
        .iter()
        .filter(|m| m.is_some())
        .count();
    let mut srcs: Vec<Span> = units.iter().filter_map(|u| u.source).collect();
    srcs.sort();
    srcs.dedup();
    let gsrc: Vec<Vec<Span>> = gold
        .iter()
        .filter(|g| !g.source.is_empty())
        .map(|g| g.source.clone())
        .collect();
    c.src_pred = srcs.len();
    c.src_gold = gsrc.len();
    c.src_match = match_spans(&gsrc, &srcs)
        .iter()
        .filter(|m| m.is_some())
        .count();
    let best_unit = |g: &GoldAttr, stated: bool| {
        let mut best: Option<(usize, usize)> = None;
        for (ui, u) in units.iter().enumerate() {
            if stated && u.filler {
                continue;
            }
            let ov: usize = g.content.iter().map(|s| s.overlap_len(&u.span)).sum();
            if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((ui, ov));
            }
        }
        best.map(|b| b.0)
    };
    for g in gold.iter().filter(|g| !g.source.is_empty()) {
        c.spk_gold += 1;
        if let Some(ui) = best_unit(g, true) {
            c.spk_stated += 1;
            if speaker_matches(&units[ui], g) {
                c.spk_stated_right += 1;
            }
            if speaker_span_matches(&units[ui], g) {
                c.spk_stated_span += 1;
            }
        }
        let Some(ui) = best_unit(g, false) else {
            continue;
        };
        c.spk_covered += 1;
        let u = &units[ui];
        if u.speaker.is_none() || u.kind == "author" {
            c.spk_author += 1;
        }
        if speaker_matches(u, g) {
            c.spk_right += 1;
        }
    }
    c
}

/// One article of a gold set: its text and gold attributions.
#[derive(Clone, Debug)]
pub struct Article {
    /// Its id (the file name without extension).
    pub id: String,
    /// The article text.
    pub text: String,
    /// Its gold attributions ([`parse_ann`]).
    pub gold: Vec<GoldAttr>,
}

impl Article {
    /// An article from its text and the text of its `.ann` file.
    pub fn new(id: &str, text: &str, ann: &str) -> Article {
        let chars: Vec<char> = text.chars().collect();
        Article {
            id: id.to_string(),
            text: text.to_string(),
            gold: parse_ann(ann, &chars),
        }
    }
}

/// Which annotation file to score for each article: PolNeAR names them
/// `<article>_<annotator>.ann`, and some articles have several; the first in
/// name order is used. Returns `(article id, file name)` pairs, sorted.
pub fn choose_annotations(names: &[String]) -> Vec<(String, String)> {
    let mut anns: Vec<&String> = names.iter().filter(|n| n.ends_with(".ann")).collect();
    anns.sort();
    let mut out: Vec<(String, String)> = Vec::new();
    for a in anns {
        let stem = a.trim_end_matches(".ann");
        let base = stem.rsplit_once('_').map_or(stem, |x| x.0).to_string();
        if out.last().is_none_or(|(b, _)| *b != base) {
            out.push((base, a.clone()));
        }
    }
    out
}

/// The claims of `text` as units (code points), as `claimlens claims --jsonl`
/// reports them: the claim span, its cue, the speaker's span, the speaker's
/// display name unless the author speaks, and the speaker kind.
pub fn units_of_claims(text: &str, claims: &[Claim]) -> Vec<Unit> {
    let offsets = Offsets::new(text);
    let cp = |s: crate::Span| {
        offsets
            .span_to_chars(s)
            .map(|(a, b)| Span::new(a, b))
            .unwrap_or_default()
    };
    claims
        .iter()
        .map(|c| {
            let kind = c.speaker.kind_name().to_string();
            Unit {
                span: cp(c.span),
                cue: c.cue.map(cp),
                source: c.speaker.span().map(cp),
                speaker: (kind != "author").then(|| c.speaker.display(text)),
                kind,
                filler: false,
            }
        })
        .collect()
}

/// Attributions as units, plus an author unit for each sentence no
/// attribution covers (so the rules cover the text as the claims do).
pub fn units_of_attributions(text: &str, attrs: &[Attribution]) -> Vec<Unit> {
    let mut units: Vec<Unit> = attrs
        .iter()
        .map(|a| Unit {
            span: a.content,
            cue: a.cue,
            source: a.source,
            speaker: a.speaker.clone(),
            kind: a.speaker_kind.name().to_string(),
            filler: false,
        })
        .collect();
    let toks = tokenize(text);
    for (a, b) in sentences(&toks) {
        let s = Span::new(toks[a].span.start, toks[b - 1].span.end);
        if !attrs.iter().any(|x| x.content.overlaps(&s)) {
            units.push(Unit {
                span: s,
                kind: "author".into(),
                filler: true,
                ..Default::default()
            });
        }
    }
    units
}

/// One system's counts over a set of articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemScore {
    /// "claims engine", "attribution rules", "subject rule", "subject rule + according to".
    pub name: &'static str,
    /// Its counts, summed over the articles.
    pub counts: Counts,
}

/// Score the claims engine, the attribution rules and the two "subject of a
/// reporting verb" baselines on `articles` (the engine's lexicons must be
/// installed).
pub fn evaluate(articles: &[Article]) -> Vec<SystemScore> {
    type System = (&'static str, fn(&str) -> Vec<Unit>);
    let systems: [System; 4] = [
        ("claims engine", |t| {
            let a = analyse(&Document::from_plain_text("a", "a", t));
            units_of_claims(t, &a.claims)
        }),
        ("attribution rules", |t| {
            units_of_attributions(t, &attribute(t, None))
        }),
        ("subject rule", |t| {
            units_of_attributions(t, &subject_rule(t, false))
        }),
        ("subject rule + according to", |t| {
            units_of_attributions(t, &subject_rule(t, true))
        }),
    ];
    systems
        .iter()
        .map(|(name, units)| {
            let mut counts = Counts::default();
            for a in articles {
                counts.add(&score_doc(&a.gold, &units(&a.text)));
            }
            SystemScore { name, counts }
        })
        .collect()
}

/// Why a gold attribution was missed ([`misses`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissKind {
    /// No predicted cue overlaps the gold cue, and no unit covers it.
    CueNoUnit,
    /// No predicted cue overlaps the gold cue; the unit over it has another cue
    /// (the engine gives a claim one cue).
    CueOtherCue,
    /// No predicted cue overlaps the gold cue; the unit over it has none.
    Cue,
    /// The cue is found but the speaker of the covering unit is wrong.
    Speaker,
}

impl MissKind {
    /// Its name in `eval attribution --misses` output.
    pub fn name(self) -> &'static str {
        match self {
            MissKind::CueNoUnit => "cue-nounit",
            MissKind::CueOtherCue => "cue-othercue",
            MissKind::Cue => "cue",
            MissKind::Speaker => "speaker",
        }
    }
}

/// One gold attribution a system misses or gets wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    /// Why.
    pub kind: MissKind,
    /// Where the gold cue starts (code points).
    pub at: usize,
    /// The gold cue's text (segments joined by " … ").
    pub cue: String,
    /// The gold source's text.
    pub source: String,
    /// What the unit said: `kind:speaker` (for [`MissKind::Speaker`]).
    pub given: String,
}

/// For error analysis on the tuning split: each gold attribution that the
/// claims engine (`engine`) or the attribution rules miss or get wrong.
///
/// ```
/// use claimlens_core::eval::attribution::{misses, Article, MissKind};
/// # claimlens_core::frontcode::install_bundled();
/// let text = "Trump said it rains. The report found rain.";
/// let ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 19\tit rains\n\
///            E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
/// assert!(misses(&Article::new("a", text, ann), false).is_empty());
/// ```
pub fn misses(a: &Article, engine: bool) -> Vec<Miss> {
    let chars: Vec<char> = a.text.chars().collect();
    let slice = |v: &[Span]| {
        v.iter()
            .map(|s| {
                chars[s.start.min(chars.len())..s.end.min(chars.len())]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" … ")
    };
    let units = if engine {
        let an = analyse(&Document::from_plain_text("a", "a", &a.text));
        units_of_claims(&a.text, &an.claims)
    } else {
        units_of_attributions(&a.text, &attribute(&a.text, None))
    };
    let mut out = Vec::new();
    for g in &a.gold {
        let at = g.cue.first().map_or(0, |c| c.start);
        let miss = |kind, given: String| Miss {
            kind,
            at,
            cue: slice(&g.cue),
            source: g.source_text.clone(),
            given,
        };
        let hit = units
            .iter()
            .any(|u| u.cue.is_some_and(|c| g.cue.iter().any(|x| x.overlaps(&c))));
        if !hit {
            let unit = units
                .iter()
                .find(|u| g.cue.iter().any(|x| x.overlaps(&u.span)));
            let kind = match unit {
                None => MissKind::CueNoUnit,
                Some(u) if u.cue.is_some() => MissKind::CueOtherCue,
                Some(_) => MissKind::Cue,
            };
            out.push(miss(kind, String::new()));
            continue;
        }
        if g.source.is_empty() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (ui, u) in units.iter().enumerate() {
            let ov: usize = g.content.iter().map(|s| s.overlap_len(&u.span)).sum();
            if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((ui, ov));
            }
        }
        if let Some((ui, _)) = best {
            let u = &units[ui];
            if !speaker_matches(u, g) {
                let given = format!("{}:{}", u.kind, u.speaker.clone().unwrap_or_default());
                out.push(miss(MissKind::Speaker, given));
            }
        }
    }
    out
}

/// One gold attribution with a source whose speaker the claims engine gets
/// wrong, with its error bucket ([`speaker_misses`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerMiss {
    /// The bucket: `author-*` when the covering claim has no speaker
    /// (`author-cuefound`: a predicted cue overlaps the gold cue but the
    /// claim over the content is the author's; `author-pronoun`,
    /// `author-who`, `author-continuation` (the cue is in another sentence),
    /// `author-role` (a lowercase noun phrase), `author-named`), `unknown`
    /// (speaker kind "unknown"), or `wrong-*` when it names another speaker
    /// (`wrong-pronoun`, `wrong-who` (the relative taken), `wrong-object`
    /// (a phrase after the cue taken where the gold source precedes it),
    /// `wrong-role` (the gold source is a role noun phrase),
    /// `wrong-head` (the spans overlap, the head words differ), `wrong-other`).
    pub bucket: &'static str,
    /// Where the gold cue starts (code points).
    pub at: usize,
    /// The gold cue's text.
    pub cue: String,
    /// The gold source's text.
    pub source: String,
    /// What the claim said: `kind:speaker`.
    pub given: String,
    /// What the attribution rules on their own say (`kind:speaker`), and
    /// whether that is right.
    pub rules: (String, bool),
}

/// For error analysis on the tuning split: each gold attribution with a
/// source whose covering claim (largest content overlap) has the wrong
/// speaker, bucketed by the likely cause.
pub fn speaker_misses(a: &Article) -> Vec<SpeakerMiss> {
    let chars: Vec<char> = a.text.chars().collect();
    let slice = |v: &[Span]| {
        v.iter()
            .map(|s| {
                chars[s.start.min(chars.len())..s.end.min(chars.len())]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" … ")
    };
    let an = analyse(&Document::from_plain_text("a", "a", &a.text));
    let units = units_of_claims(&a.text, &an.claims);
    let runits = units_of_attributions(&a.text, &attribute(&a.text, None));
    let toks = tokenize(&a.text);
    let sents: Vec<Span> = sentences(&toks)
        .into_iter()
        .map(|(x, y)| Span::new(toks[x].span.start, toks[y - 1].span.end))
        .collect();
    let sent_of = |p: usize| sents.iter().position(|s| s.start <= p && p < s.end);
    let mut out = Vec::new();
    for g in a.gold.iter().filter(|g| !g.source.is_empty()) {
        let mut best: Option<(usize, usize)> = None;
        for (ui, u) in units.iter().enumerate() {
            let ov: usize = g.content.iter().map(|s| s.overlap_len(&u.span)).sum();
            if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((ui, ov));
            }
        }
        let Some((ui, _)) = best else { continue };
        let u = &units[ui];
        if speaker_matches(u, g) {
            continue;
        }
        let hg = head_word(&g.source_text);
        let pron = PRONOUNS.contains(hg.as_str()) && hg != "who";
        let role = !g.source_text.chars().any(char::is_uppercase);
        let cue_found = units
            .iter()
            .any(|x| x.cue.is_some_and(|c| g.cue.iter().any(|y| y.overlaps(&c))));
        let cue_sent = g.cue.first().and_then(|c| sent_of(c.start));
        let content_sent = g.content.first().and_then(|c| sent_of(c.start));
        let bucket = if u.kind == "unknown" {
            "unknown"
        } else if u.speaker.is_none() || u.kind == "author" {
            if cue_found {
                "author-cuefound"
            } else if hg == "who" {
                "author-who"
            } else if pron {
                "author-pronoun"
            } else if cue_sent != content_sent {
                "author-continuation"
            } else if role {
                "author-role"
            } else {
                "author-named"
            }
        } else {
            let sp = u.speaker.as_deref().unwrap_or_default();
            let overl = u
                .source
                .is_some_and(|s| g.source.iter().any(|x| x.overlaps(&s)));
            let cue_end = g.cue.last().map_or(0, |c| c.end);
            let gold_before = g.source.first().is_some_and(|s| s.start < cue_end);
            if head_word(sp) == "who" {
                "wrong-who"
            } else if pron {
                "wrong-pronoun"
            } else if overl {
                "wrong-head"
            } else if gold_before && u.source.is_some_and(|s| s.start >= cue_end) {
                "wrong-object"
            } else if role {
                "wrong-role"
            } else {
                "wrong-other"
            }
        };
        out.push(SpeakerMiss {
            bucket,
            at: g.cue.first().map_or(0, |c| c.start),
            cue: slice(&g.cue),
            source: g.source_text.clone(),
            given: format!("{}:{}", u.kind, u.speaker.clone().unwrap_or_default()),
            rules: runits
                .iter()
                .filter_map(|r| {
                    let ov: usize = g.content.iter().map(|s| s.overlap_len(&r.span)).sum();
                    (ov > 0).then_some((ov, r))
                })
                .max_by_key(|x| x.0)
                .map(|(_, r)| {
                    let said = format!("{}:{}", r.kind, r.speaker.clone().unwrap_or_default());
                    (said, speaker_matches(r, g))
                })
                .unwrap_or_default(),
        });
    }
    out
}

/// Figures recorded for a system that is not rebuilt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Recorded {
    /// The split ("dev", "train").
    pub split: &'static str,
    /// Cue (P, R, F1); P and R are `NaN` where they were not recorded.
    pub cue: (f64, f64, f64),
    /// Source (P, R, F1), likewise.
    pub source: (f64, f64, f64),
    /// Speaker accuracy: over covered, over all, over covered and named.
    pub speaker: (f64, f64, f64),
    /// Speaker accuracy over stated units ([`Counts::spk_acc_stated`]); the
    /// engine has no filler units, so it is the first `speaker` figure.
    pub speaker_stated: f64,
    /// Speaker accuracy over stated units by span ([`Counts::spk_acc_span`]).
    pub speaker_span: f64,
}

/// The claims engine before the attribution rules (commit `1812dea`, one
/// cue per claim from the clause rules), as measured by the harness these
/// rules came from (`claims --jsonl`, this module's metric) on PolNeAR.
pub const LANDED: [Recorded; 2] = [
    Recorded {
        split: "dev",
        cue: (0.858, 0.390, 0.536),
        source: (0.824, 0.396, 0.535),
        speaker: (0.350, 0.347, 0.715),
        speaker_stated: 0.350,
        speaker_span: 0.388,
    },
    Recorded {
        split: "train",
        cue: (f64::NAN, f64::NAN, 0.498),
        source: (f64::NAN, f64::NAN, 0.500),
        speaker: (0.319, 0.316, 0.667),
        speaker_stated: 0.319,
        speaker_span: f64::NAN,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads() {
        let cases = [
            ("council leader Priya Natarajan", "natarajan"),
            ("Friends of the Wendle", "friends"),
            ("Mr. Trump", "trump"),
            ("Trump’s campaign", "campaign"),
            ("The New York Post", "post"),
            ("he", "he"),
            ("Sanders, who is running", "sanders"),
            ("Clinton's", "clinton"),
            ("Joseph R. Biden Jr.", "biden"),
            ("Brent Bozell III", "bozell"),
            ("Martin Luther King Jr., the pastor", "king"),
            ("III", "iii"),
            ("", ""),
        ];
        for (s, h) in cases {
            assert_eq!(head_word(s), h, "{s}");
        }
    }

    fn unit(speaker: &str, src: Option<(usize, usize)>) -> Unit {
        Unit {
            span: Span::new(0, 100),
            cue: None,
            source: src.map(|(a, b)| Span::new(a, b)),
            speaker: Some(speaker.into()),
            kind: "entity".into(),
            filler: false,
        }
    }

    #[test]
    fn speaker_match_rules() {
        let g = |t: &str, a, b| GoldAttr {
            source: vec![Span::new(a, b)],
            source_text: t.into(),
            content: vec![Span::new(0, 10)],
            cue: vec![],
        };
        let cases = [
            (
                unit("council", Some((40, 47))),
                g("council leader Priya Natarajan", 40, 70),
                false,
            ),
            (
                unit("Priya Natarajan", Some((55, 70))),
                g("council leader Priya Natarajan", 40, 70),
                true,
            ),
            (
                unit("Wendle", None),
                g("Friends of the Wendle", 0, 21),
                false,
            ),
            (unit("Donald Trump", Some((30, 32))), g("he", 30, 32), true),
            (unit("Donald Trump", Some((0, 12))), g("he", 30, 32), false),
        ];
        for (u, g, want) in cases {
            assert_eq!(speaker_matches(&u, &g), want, "{u:?} {g:?}");
        }
    }

    #[test]
    fn speaker_by_span_ignores_the_displayed_name() {
        let text: Vec<char> = "AP reported that it rains.".chars().collect();
        let ann = "T1\tSource 0 2\tAP\nT2\tCue 3 11\treported\nT3\tContent 12 25\tthat it rains\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
        let gold = parse_ann(ann, &text);
        let unit = |source: Option<Span>, speaker: &str, kind: &str| Unit {
            span: Span::new(12, 25),
            cue: Some(Span::new(3, 11)),
            source,
            speaker: (!speaker.is_empty()).then(|| speaker.to_string()),
            kind: kind.into(),
            filler: false,
        };
        // (unit, right by head words, right by span)
        let cases = [
            (
                unit(Some(Span::new(0, 2)), "Associated Press", "entity"),
                false,
                true,
            ),
            (unit(Some(Span::new(0, 2)), "AP", "entity"), true, true),
            (unit(Some(Span::new(12, 16)), "AP", "unnamed"), true, false),
            (unit(Some(Span::new(0, 2)), "AP", "unknown"), false, false),
            (unit(None, "", "author"), false, false),
        ];
        for (u, head, span) in cases {
            let c = score_doc(&gold, std::slice::from_ref(&u));
            assert_eq!(
                (c.spk_stated_right, c.spk_stated_span),
                (head as usize, span as usize),
                "{u:?}"
            );
        }
    }

    #[test]
    fn stated_units_leave_fillers_out() {
        // Gold: two attributions with a source. The system states one (right
        // speaker); the harness's filler covers the other with the author.
        let text: Vec<char> = "Trump said it rains. Biden says snow falls."
            .chars()
            .collect();
        let ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 19\tit rains\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n\
                   T4\tSource 21 26\tBiden\nT5\tCue 27 31\tsays\nT6\tContent 32 42\tsnow falls\n\
                   E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n";
        let gold = parse_ann(ann, &text);
        let stated = Unit {
            span: Span::new(11, 19),
            cue: Some(Span::new(6, 10)),
            source: Some(Span::new(0, 5)),
            speaker: Some("Trump".into()),
            kind: "entity".into(),
            filler: false,
        };
        let filler = Unit {
            span: Span::new(21, 43),
            kind: "author".into(),
            filler: true,
            ..Default::default()
        };
        // (units, spk_acc, spk_acc_stated)
        let cases = [
            (vec![stated.clone(), filler.clone()], 0.5, 1.0),
            (
                vec![
                    stated.clone(),
                    Unit {
                        filler: false,
                        ..filler.clone()
                    },
                ],
                0.5,
                0.5,
            ),
            (vec![filler], 0.0, 0.0),
        ];
        for (units, acc, stated_acc) in cases {
            let c = score_doc(&gold, &units);
            assert_eq!(
                (c.spk_acc(), c.spk_acc_stated()),
                (acc, stated_acc),
                "{units:?}"
            );
        }
    }

    #[test]
    fn parse_and_score() {
        let text: Vec<char> = "Trump said it rains. Rain falls.".chars().collect();
        let ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 19\tit rains\n\
                   T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
        let gold = parse_ann(ann, &text);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].source_text, "Trump");
        let units = vec![
            Unit {
                span: Span::new(0, 20),
                cue: Some(Span::new(6, 10)),
                source: Some(Span::new(0, 5)),
                speaker: Some("Donald Trump".into()),
                kind: "entity".into(),
                filler: false,
            },
            Unit {
                span: Span::new(21, 32),
                kind: "author".into(),
                ..Default::default()
            },
        ];
        let c = score_doc(&gold, &units);
        assert_eq!((c.cue_match, c.cue_pred, c.cue_gold), (1, 1, 1));
        assert_eq!((c.src_match, c.spk_right, c.spk_covered), (1, 1, 1));
    }
}
