//! Claim comparison: the article's claims lined up with what other
//! documents say about the same facts — computed, never hand-linked.
//!
//! A [`Workspace`] holds the article under study and other sources
//! (reference summaries such as the bundled [`reference_pack`], user
//! documents pasted in, other articles), each analysed with
//! [`crate::analyse`]. [`Workspace::compare`] scores, for every claim of the
//! article, every sentence of every source that shares a term or an entity
//! with it, by a logistic model ([`WEIGHTS`], fitted on public dev data by
//! `claimlens train compare`) over the evidence in [`FEATURE_NAMES`]:
//!
//! - **wording**: TF-IDF cosine over normalised terms (folded, stopwords
//!   removed, light stemming) with background IDF from general English
//!   ([`background`], `idf.clw`), its margin over the source's nearest
//!   statement, BM25 as a share of the best the claim could get, the shared
//!   terms and the rarest of them;
//! - **shared entities**, at entity-cluster level across documents: names
//!   and aliases are folded ("U.S." = "US" = "United States", via the
//!   entity engine's canonical names), a demonym counts as its country
//!   ("Ukrainian" → Ukraine), an acronym meets its long form, a lone surname
//!   meets the one full name it belongs to ("Xi" → "Xi Jinping"); each
//!   entity weighted by its rarity among the sources' sentences; the
//!   claim's named speaker is a feature of its own;
//! - **values compared**: quantities, money, percentages, dates and
//!   durations ([`crate::Value`]) of the same kind whose nearby words
//!   overlap ("1,000 *prisoners* from *each side*") are paired and compared
//!   as intervals ([`values_agree`]; a range, "between 210 and 330", is
//!   one interval: ranges that overlap agree, a figure inside one agrees);
//!   a bare year ("the 1991 agreement"), a
//!   number inside a name ("iPhone 4", "FTSE 100"; a figure written after a
//!   name anywhere in the workspace, "the Boeing 787", wherever it is
//!   written: "the new 787 Dreamliner"), a fraction ("half a
//!   metre") and the word "one" are never compared as counts. Only values
//!   of the same kind ([`crate::Value::kind`]: a head count never meets an
//!   age, money only its own currency, a length any unit of length, "2.4
//!   km" = "2,400 metres") of the same thing are paired: a count's noun
//!   meets the other's ("1,000 individuals" meets "1,000 prisoners", never
//!   "6,000 bodies"), a limit ("prisoners under 25") is never a head count,
//!   and two subjects that differ ("the alternative would cost at least £70
//!   million", "the barrier cost £52 million") are different things. The
//!   explanation shows both values as written, qualifiers included, with
//!   their kind and the tolerance they were compared within
//!   ([`tolerance`]);
//! - **the event and its setting**: the lower-case content words of the
//!   claim (its predicate and event nouns, not its names) found in the
//!   statement, a place or an actor (person, organisation) both name, dates
//!   that agree or that all disagree, values of the same kind on both sides;
//! - a second TF-IDF cosine over every word with IDF from the workspace's
//!   own sentences (the classic nearest-sentence baseline), and each
//!   cosine's margin over the source's other statements;
//! - where the statement and the claim stand in their documents.
//!
//! Two decisions are kept apart. **Ranking**: [`WEIGHTS`] pick each
//! source's best candidate statement for the claim. **Counterpart**: a
//! second logistic model ([`COUNTERPART_WEIGHTS`] over
//! [`COUNTERPART_FEATURE_NAMES`]: the best candidate's ranking score, its
//! margin over the second, its evidence, how many candidates the source
//! has and how alike the two documents are as wholes: in reports on one
//! story every sentence looks alike, so the same cosine says less) says
//! whether the source states the claim's fact at all; the best
//! statement becomes an [`Alignment`] from [`COUNTERPART_MIN`] (a source
//! counts once per claim). A best statement that shares one word and no
//! entity with the claim is never aligned, whatever its probability, nor
//! one that meets none of the claim's event words, agreeing values or
//! dates ([`meets_event`]: names and words of the story alone).
//!
//! An alignment has a [`Relation`]: **differs** from [`DIFFERS_MIN`] when a
//! paired value (same kind, same thing) disagrees (both values kept, with
//! their spans in both texts), and only where the setting is the same:
//! dates, where both give them, agree (unless the date is what differs),
//! places, where both name them, meet, and the statement names one of the
//! claim's participants (entity clusters) where the claim names any; the
//! two report the same movement (not a fall against a rise), figures of
//! the day ("today", "on Thursday", "now", a movement) come from reports
//! written at most a day apart, and no length of time differs beside the
//! other figures (engine/setting.rs); **agrees** from [`VALUES_MIN`]
//! when paired values agree closely ([`agree_closely`]: not a bound met by
//! a figure, not two approximations a tolerance apart), one of them
//! written in digits on both sides, and the movements are not opposite (figures precise enough not to meet
//! by chance pair whatever the words around them), and for a claim without
//! a figure from [`AGREE_MIN`]; otherwise **adds context**. The claim's summary follows the better
//! supported of agrees and differs; a claim that meets no source has **no
//! reference**. The tool compares; it never says which side is true.
//!
//! # Using it (the panel, the CLI)
//!
//! - Build: [`Workspace::for_default_article`] (the bundled article and its
//!   [`reference_pack`]), or [`Workspace::new`] / [`Workspace::with_analysis`]
//!   (reuse the app's analysis) then [`Workspace::add_reference_pack`],
//!   [`Workspace::add`] (any document with [`SourceMeta`]) and
//!   [`Workspace::add_user_text`] (pasted text or a `.txt` file); compare
//!   again after each change — it takes milliseconds ([`Job`]: the same
//!   in steps, for a long source in the browser).
//! - Read: [`Comparison::claims`] (one [`ClaimAlignments`] per article claim,
//!   with the summary [`Relation`]), [`Comparison::coverage`] (claims ×
//!   sources), [`Comparison::relation`], [`Comparison::counts`].
//! - Show: each [`Alignment`] gives the source's sentence span
//!   ([`Alignment::span`], bytes of that source's text), the values compared
//!   with their spans on both sides ([`ValuePair`]), shared entities with
//!   their spans on both sides, the entities only one side names
//!   ([`Alignment::claim_only`], [`Alignment::source_only`]), the shared
//!   terms, the scores, [`Alignment::gap_text`] and [`Alignment::explain`].
//!   A source's label is [`SourceMeta::label`]; reference summaries are
//!   titled "Summary of …" and carry a [`Confidence`].
//! - Export: [`json_ld`]; CLI: `claimlens compare ARTICLE OTHER... [--json |
//!   --jsonld]`, `claimlens compare --sample`.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::compare::{Relation, SourceMeta, Workspace};
//! use claimlens_core::Document;
//!
//! let article = Document::from_plain_text("a", "A",
//!     "The city council approved a budget of $12 million for Riverside Park in 2024.");
//! let mut ws = Workspace::new(article);
//! ws.add_user_text("minutes", "Council minutes",
//!     "In 2024 the council voted $9 million for Riverside Park repairs.");
//! let cmp = ws.compare();
//! let claim = &cmp.claims[0];
//! assert_eq!(claim.relation, Relation::Differs);
//! let al = &claim.alignments[0];
//! assert!(al.shared.iter().any(|e| e.name == "Riverside Park"));
//! let gap = &al.values.iter().find(|v| !v.agrees).unwrap();
//! assert_eq!(gap.claim.slice(&ws.article().doc.text), "$12 million");
//! assert_eq!(gap.reference.slice(&ws.source(0).doc.text), "$9 million");
//! assert_eq!(al.gap_text(&ws).unwrap(), "$12 million vs $9 million (Council minutes)");
//! ```

mod job;
mod jsonld;
mod list;
mod pack;
mod terms;
mod values;

pub use job::{Job, ANALYSIS_SHARE};
pub use jsonld::json_ld;
pub use list::{claim_names_entity, list, ListQuery};
pub use pack::{parse_pack, reference_pack, reference_pack_file, ReferenceDoc};
pub use terms::{BM25_B, BM25_K1};
pub use values::{
    agree_closely, bounded, comparable, precision, tolerance, unit_scale, values_agree,
    APPROX_TOLERANCE, EXACT_TOLERANCE,
};

use crate::entities::{Label, RelationKind};
use crate::text::{tokenize, Token};
use crate::{analyse, Analysis, Document, Span, Value};

pub mod background;
mod fitted;
mod train;

pub use fitted::{
    AGREE_MIN, COUNTERPART_MIN, COUNTERPART_WEIGHTS, DIFFERS_MIN, VALUES_MIN, WEIGHTS,
};
pub use train::{
    fit, fit_logistic, fit_thresholds, render_fitted, Fitted, Row, COUNTERPART_MONOTONE, MONOTONE,
};

/// Number of counterpart features ([`COUNTERPART_FEATURE_NAMES`]).
pub const N_COUNTERPART: usize = 15;
/// What each feature of the counterpart decision measures: whether a
/// source has a statement of the claim's fact at all, read from its best
/// candidate (ranked by [`WEIGHTS`]) and the gap to the second.
pub const COUNTERPART_FEATURE_NAMES: [&str; N_COUNTERPART] = [
    "bias",
    "the best statement's ranking score (logit under WEIGHTS, within ±10)",
    "its margin over the source's second statement (logit, at most 5; 5 when alone)",
    "ln(1 + the source's candidate statements) / 4",
    "the best statement's TF-IDF cosine of terms",
    "its BM25 share",
    "its shared entity clusters",
    "its TF-IDF cosine of words",
    "that cosine's margin over the source's other statements",
    "its shared event wording",
    "1 / (1 + its position in its source)",
    "1 / (1 + the claim's sentence position in the article)",
    "a date of the claim agrees with a date of the statement",
    "a value of the same kind on both sides",
    "TF-IDF cosine of all the article's terms and all the source's (background IDF)",
];

/// Every claim's candidates with their alignment features, as
/// [`Workspace::alignment_features`] gives them.
#[derive(Clone, Debug, Default)]
pub struct AlignmentFeatures {
    /// `(claim, source, sentence, features)` per candidate.
    pub rows: Vec<(usize, usize, usize, [f32; N_FEATURES])>,
    /// Per source, the TF-IDF cosine of all the article's terms and all
    /// the source's (background IDF): how alike the two documents are as
    /// wholes.
    pub doc_cos: Vec<f32>,
}

/// The features of the counterpart decision ([`COUNTERPART_FEATURE_NAMES`])
/// from the best candidate's alignment features, its ranking logit, the
/// second candidate's (if any), how many candidates the source has and
/// how alike the article and the source are ([`AlignmentFeatures::doc_cos`]).
pub fn counterpart_features(
    best: &[f32; N_FEATURES],
    z1: f32,
    z2: Option<f32>,
    candidates: usize,
    doc_cos: f32,
) -> [f32; N_COUNTERPART] {
    let z1c = z1.clamp(-10.0, 10.0);
    [
        1.0,
        z1c,
        z2.map_or(5.0, |z2| (z1 - z2).clamp(0.0, 5.0)),
        (1.0 + candidates as f32).ln() / 4.0,
        best[1],
        best[3],
        best[4],
        best[13],
        best[14],
        best[15],
        best[9],
        best[10],
        best[18],
        best[20],
        doc_cos,
    ]
}

/// Whether a statement's alignment features show it meeting the claim's
/// event, not only its story: one of the claim's event words (its
/// predicate, event nouns), an agreeing value or an agreeing date. A best
/// statement that shares only names and words of the story ("Jobs",
/// "Apple", "iPhone") is never aligned.
pub fn meets_event(f: &[f32; N_FEATURES]) -> bool {
    f[15] > 0.0 || f[7] > 0.0 || f[18] > 0.0
}

/// The ranking logit of a statement's alignment features under `w`.
pub fn logit(f: &[f32; N_FEATURES], w: &[f32; N_FEATURES]) -> f32 {
    f.iter().zip(w).map(|(a, b)| a * b).sum()
}

/// The probability that a source has a statement of the claim's fact, and
/// that it is the best-ranked one: the logistic counterpart model over
/// [`counterpart_features`] with `v`.
pub fn counterpart_probability(x: &[f32; N_COUNTERPART], v: &[f32; N_COUNTERPART]) -> f32 {
    let z: f32 = x.iter().zip(v).map(|(a, b)| a * b).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Number of alignment features ([`FEATURE_NAMES`]).
pub const N_FEATURES: usize = 22;
/// What each alignment feature measures, for a claim and a source statement.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bias",
    "TF-IDF cosine of their terms (folded, stemmed, stopwords out; background IDF)",
    "that cosine minus the best cosine of the source's other statements (0 in a source of one)",
    "BM25 of the claim's terms in the statement, as a share of the best possible",
    "shared entity clusters: square root of the matched share of the claim's entity weight",
    "ln(1 + shared terms)",
    "the rarest shared term's IDF, as a share of the highest possible",
    "a value of the claim agrees with a paired value of the statement",
    "a value of the claim differs from a paired value of the statement",
    "1 / (1 + the statement's position in its source)",
    "1 / (1 + the claim's sentence position in the article)",
    "ln(1 + the statement's terms) / 4",
    "the statement names the claim's speaker",
    "TF-IDF cosine of their words (every word, IDF over the workspace's sentences)",
    "that cosine minus the best cosine of the source's other statements (0 in a source of one)",
    "shared event wording: the share of the claim's lower-case content words (the predicate, event nouns; background IDF) in the statement",
    "a place both name (entity cluster across documents)",
    "a person or organisation both name (entity cluster across documents)",
    "a date of the claim agrees with a date of the statement",
    "both give dates and none of them agree",
    "a value of the same kind (count, money, measure, rate, age, duration) on both sides",
    "ln(1 + the claim's terms) / 4",
];
/// What a claim word that no source uses adds to the lexical
/// denominator (a word found in sources adds its IDF, about 1–4): a claim
/// that is mostly about things no source mentions scores lower, without a
/// long claim being drowned by its incidental words.
pub const ABSENT_TERM_WEIGHT: f32 = 0.5;
/// Dates further apart than this many years are taken to be about
/// different events and are not paired.
pub const DATE_PAIR_MAX_YEARS: i32 = 1;
/// Content words taken on each side of a value to say what it counts
/// ("casualties reportedly exceeding | one million"; "1,000 | prisoners of
/// war"), without crossing a comma, colon, semicolon, bracket or a
/// coordinating "and"/"or"/"but". Dates and durations are paired when
/// these contexts share a term; counts, percentages and money, which often
/// count different things in one sentence, when the word nearest one value
/// (on either side) is in the other's context, or the contexts share two
/// terms ("1,000 individuals from each side" is not paired with "each side
/// the bodies of 6,000").
pub const CONTEXT_TERMS: usize = 3;

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    /// The article under study, or another article.
    Article,
    /// A summary of a source written for a reference pack.
    ReferenceSummary,
    /// A text the reader pasted or opened.
    UserDocument,
}

impl DocKind {
    /// "article", "reference_summary", "user_document".
    pub fn name(&self) -> &'static str {
        match self {
            DocKind::Article => "article",
            DocKind::ReferenceSummary => "reference_summary",
            DocKind::UserDocument => "user_document",
        }
    }

    /// "Article", "Reference summary", "Your document".
    pub fn title(&self) -> &'static str {
        match self {
            DocKind::Article => "Article",
            DocKind::ReferenceSummary => "Reference summary",
            DocKind::UserDocument => "Your document",
        }
    }
}

/// How firmly a reference pack rates a source's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// Widely reported and stable.
    Firm,
    /// Reported by several outlets; details may vary.
    Reported,
    /// Not rated (user documents, other articles).
    Unrated,
}

impl Confidence {
    /// "firm", "reported" or anything else (unrated).
    pub fn parse(s: &str) -> Confidence {
        match s.trim() {
            "firm" => Confidence::Firm,
            "reported" => Confidence::Reported,
            _ => Confidence::Unrated,
        }
    }

    /// "firm", "reported", "unrated".
    pub fn name(&self) -> &'static str {
        match self {
            Confidence::Firm => "firm",
            Confidence::Reported => "reported",
            Confidence::Unrated => "unrated",
        }
    }
}

/// Who a source is and when it spoke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMeta {
    /// Stable id ("csis-2025-06-03", "user-1").
    pub id: String,
    /// Source name ("CSIS").
    pub source: String,
    /// ISO 8601 date, when known.
    pub date: Option<String>,
    /// The date as shown ("3 June 2025").
    pub when: Option<String>,
    /// Reference summary, user document or article.
    pub kind: DocKind,
    /// Full citation, when known.
    pub citation: Option<String>,
    /// Confidence rating from the reference pack.
    pub confidence: Confidence,
}

impl SourceMeta {
    /// Metadata for a document of the given kind with just a name.
    pub fn named(id: &str, source: &str, kind: DocKind) -> SourceMeta {
        SourceMeta {
            id: id.to_string(),
            source: source.to_string(),
            date: None,
            when: None,
            kind,
            citation: None,
            confidence: Confidence::Unrated,
        }
    }

    /// "CSIS, 3 June 2025" (or just the name).
    pub fn label(&self) -> String {
        match self.when.as_ref().or(self.date.as_ref()) {
            Some(w) => format!("{}, {w}", self.source),
            None => self.source.clone(),
        }
    }
}

/// A document of the workspace with its metadata and analysis.
#[derive(Clone, Debug)]
pub struct Source {
    /// Who and when.
    pub meta: SourceMeta,
    /// The text.
    pub doc: Document,
    /// Sentences, entities, values and claims.
    pub analysis: Analysis,
}

/// How a source's statement relates to a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Same subject, a compared value differs.
    Differs,
    /// Same subject, the compared values agree.
    Agrees,
    /// Same subject, nothing to compare: the source says more.
    AddsContext,
    /// No source met the claim.
    NoReference,
}

impl Relation {
    /// All relations, in display order.
    pub const ALL: [Relation; 4] = [
        Relation::Differs,
        Relation::Agrees,
        Relation::AddsContext,
        Relation::NoReference,
    ];

    /// "differs", "agrees", "adds_context", "no_reference".
    pub fn name(&self) -> &'static str {
        match self {
            Relation::Differs => "differs",
            Relation::Agrees => "agrees",
            Relation::AddsContext => "adds_context",
            Relation::NoReference => "no_reference",
        }
    }

    /// "Differs", "Agrees", "Adds context", "No reference in this pack".
    pub fn title(&self) -> &'static str {
        match self {
            Relation::Differs => "Differs",
            Relation::Agrees => "Agrees",
            Relation::AddsContext => "Adds context",
            Relation::NoReference => "No reference in this pack",
        }
    }

    /// The inverse of [`Relation::name`].
    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// An entity found both in the claim and in the source's statement.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedEntity {
    /// The article's canonical name for it.
    pub name: String,
    /// Its mentions in the claim (article bytes).
    pub claim_spans: Vec<Span>,
    /// Its mentions in the statement (source bytes).
    pub source_spans: Vec<Span>,
}

/// A value of the claim paired with a value of the statement.
#[derive(Clone, Debug, PartialEq)]
pub struct ValuePair {
    /// The claim's value (article bytes).
    pub claim: Span,
    /// The statement's value (source bytes).
    pub reference: Span,
    /// Normalised claim value.
    pub claim_value: Value,
    /// Normalised statement value.
    pub reference_value: Value,
    /// True when the two agree ([`values_agree`]).
    pub agrees: bool,
}

/// One source's statement matched with a claim, with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// Index of the source in [`Workspace::sources`].
    pub source: usize,
    /// Index of the statement in that source's [`Analysis::sentences`].
    pub sentence: usize,
    /// The statement (source bytes).
    pub span: Span,
    /// How it relates to the claim.
    pub relation: Relation,
    /// The probability that the source states the claim's fact in this,
    /// its best-ranked statement ([`WEIGHTS`]): the counterpart model over
    /// [`COUNTERPART_FEATURE_NAMES`] with [`COUNTERPART_WEIGHTS`], 0–1; the
    /// statement is aligned from [`COUNTERPART_MIN`].
    pub score: f32,
    /// Share of the claim's entity weight found in the statement, 0–1.
    pub entity_score: f32,
    /// Normalised BM25 of the claim's terms in the statement, 0–1.
    pub lexical: f32,
    /// Entities in both.
    pub shared: Vec<SharedEntity>,
    /// Terms in both (stemmed).
    pub shared_terms: Vec<String>,
    /// Values compared, at most one per claim value: an agreeing pair when
    /// there is one, else the nearest differing one.
    pub values: Vec<ValuePair>,
    /// Entity mentions of the statement that the claim does not share
    /// (source bytes), to mark as different.
    pub source_only: Vec<Span>,
    /// Entity mentions of the claim that the statement does not share
    /// (article bytes; the speaker included).
    pub claim_only: Vec<Span>,
}

impl Alignment {
    /// For a differing alignment, "one million vs close to 400,000 (CSIS, 3
    /// June 2025)": the first differing pair as written, and the source.
    pub fn gap_text(&self, ws: &Workspace) -> Option<String> {
        let v = self.values.iter().find(|v| !v.agrees)?;
        let src = ws.sources.get(self.source)?;
        Some(format!(
            "{} vs {} ({})",
            v.claim.get(&ws.article.doc.text)?,
            v.reference.get(&src.doc.text)?,
            src.meta.label()
        ))
    }

    /// A one-line explanation: shared entities, values compared, lexical score.
    pub fn explain(&self, ws: &Workspace) -> String {
        let mut parts = Vec::new();
        if !self.shared.is_empty() {
            let names: Vec<&str> = self.shared.iter().map(|e| e.name.as_str()).collect();
            parts.push(format!("shared entities: {}", names.join(", ")));
        }
        let src = &ws.sources[self.source].doc.text;
        for v in &self.values {
            parts.push(format!(
                "{} {} {} ({}, {} {})",
                v.claim.slice(&ws.article.doc.text),
                if v.agrees { "=" } else { "≠" },
                v.reference.slice(src),
                v.claim_value.kind().name(),
                if v.agrees { "within" } else { "beyond" },
                tolerance(&v.claim_value, &v.reference_value),
            ));
        }
        parts.push(format!(
            "lexical {:.2}, entities {:.2}, score {:.2}",
            self.lexical, self.entity_score, self.score
        ));
        parts.join("; ")
    }
}

/// One claim of the article and what the sources say.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimAlignments {
    /// Index into the article's [`Analysis::claims`].
    pub claim: usize,
    /// Summary: "differs" or "agrees", whichever the sources support more
    /// (their scores summed; each source once; a tie is "agrees"), else "adds context" if any
    /// source met the claim, else "no reference".
    pub relation: Relation,
    /// Per source, at most its most probable statement (a source counts
    /// once); best score first (ties: source order).
    pub alignments: Vec<Alignment>,
}

/// The result of [`Workspace::compare`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Every claim of the article, in text order.
    pub claims: Vec<ClaimAlignments>,
    /// Number of sources compared.
    pub sources: usize,
}

impl Comparison {
    /// The coverage matrix: one row per claim (as in [`Comparison::claims`]),
    /// one column per source: the source's strongest relation to the claim
    /// (differs, then agrees, then adds context), `NoReference` where the
    /// source did not meet it.
    pub fn coverage(&self) -> Vec<Vec<Relation>> {
        self.claims
            .iter()
            .map(|c| {
                let mut row = vec![Relation::NoReference; self.sources];
                for a in &c.alignments {
                    row[a.source] = row[a.source].min(a.relation);
                }
                row
            })
            .collect()
    }

    /// The relation of one source to one claim (see [`Comparison::coverage`]).
    pub fn relation(&self, claim: usize, source: usize) -> Relation {
        self.for_claim(claim)
            .map(|c| {
                c.alignments
                    .iter()
                    .filter(|a| a.source == source)
                    .map(|a| a.relation)
                    .min()
                    .unwrap_or(Relation::NoReference)
            })
            .unwrap_or(Relation::NoReference)
    }

    /// The alignments of the article's claim number `claim`.
    pub fn for_claim(&self, claim: usize) -> Option<&ClaimAlignments> {
        self.claims.iter().find(|c| c.claim == claim)
    }

    /// How many claims have each relation, in [`Relation::ALL`] order.
    pub fn counts(&self) -> [usize; 4] {
        let mut n = [0; 4];
        for c in &self.claims {
            n[Relation::ALL
                .iter()
                .position(|r| *r == c.relation)
                .unwrap_or(3)] += 1;
        }
        n
    }
}

/// The article under study and the sources it is compared with.
#[derive(Clone, Debug)]
pub struct Workspace {
    article: Source,
    sources: Vec<Source>,
}

impl Workspace {
    /// A workspace for an article (analysed here).
    pub fn new(article: Document) -> Workspace {
        let analysis = analyse(&article);
        Workspace::with_analysis(article, analysis)
    }

    /// A workspace for an article already analysed (the app's own analysis).
    pub fn with_analysis(article: Document, analysis: Analysis) -> Workspace {
        let meta = SourceMeta {
            id: article.id.clone(),
            source: article
                .source
                .clone()
                .unwrap_or_else(|| article.title.clone()),
            date: article.date.clone(),
            when: None,
            kind: DocKind::Article,
            citation: None,
            confidence: Confidence::Unrated,
        };
        Workspace {
            article: Source {
                meta,
                doc: article,
                analysis,
            },
            sources: Vec::new(),
        }
    }

    /// The default article with its bundled reference pack.
    pub fn for_default_article() -> Workspace {
        let mut ws = Workspace::new(crate::default_document());
        ws.add_reference_pack();
        ws
    }

    /// Add the bundled reference pack for the article's id, if there is one;
    /// returns how many sources were added.
    pub fn add_reference_pack(&mut self) -> usize {
        let Some(pack) = reference_pack(&self.article.doc.id) else {
            return 0;
        };
        for r in pack {
            self.add(r.document(), r.meta());
        }
        pack.len()
    }

    /// Add the sources of a reference pack's text (the format of
    /// [`parse_pack`]); returns how many were added.
    pub fn add_pack_text(&mut self, text: &str) -> usize {
        let pack = parse_pack(text);
        for r in &pack {
            self.add(r.document(), r.meta());
        }
        pack.len()
    }

    /// Add a source (analysed here); returns its index.
    pub fn add(&mut self, doc: Document, meta: SourceMeta) -> usize {
        let analysis = analyse(&doc);
        self.push(doc, meta, analysis)
    }

    /// Add a source analysed elsewhere; returns its index.
    fn push(&mut self, doc: Document, meta: SourceMeta, analysis: Analysis) -> usize {
        self.sources.push(Source {
            meta,
            doc,
            analysis,
        });
        self.sources.len() - 1
    }

    /// Add text the reader pasted or opened as a user document named `name`.
    pub fn add_user_text(&mut self, id: &str, name: &str, text: &str) -> usize {
        let doc = Document::from_plain_text(id, name, text);
        self.add(doc, SourceMeta::named(id, name, DocKind::UserDocument))
    }

    /// Remove a source (indices after it shift down).
    pub fn remove(&mut self, index: usize) -> Option<Source> {
        (index < self.sources.len()).then(|| self.sources.remove(index))
    }

    /// The article under study.
    pub fn article(&self) -> &Source {
        &self.article
    }

    /// Source number `i`.
    pub fn source(&self, i: usize) -> &Source {
        &self.sources[i]
    }

    /// All sources, in the order added.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Align every claim of the article with the sources.
    pub fn compare(&self) -> Comparison {
        engine::compare(self)
    }

    /// The alignment features of every claim against every source statement
    /// that shares a term or an entity with it, as `(claim, source,
    /// sentence, features)`: what [`fit`] learns [`WEIGHTS`] from; with
    /// how alike the article and each source are as wholes.
    pub fn alignment_features(&self) -> AlignmentFeatures {
        engine::features(self)
    }
}

mod engine;

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement meets the claim's event by an event word, an agreeing
    /// value or an agreeing date; names, shared words of the story and a
    /// differing value alone do not.
    #[test]
    fn a_statement_meets_the_event() {
        // (event wording, value agrees, value differs, date agrees, names, terms, meets)
        for (event, agrees, differs, date, names, terms, want) in [
            (0.3, 0.0, 0.0, 0.0, 0.0, 0.0, true),
            (0.0, 1.0, 0.0, 0.0, 0.0, 0.0, true),
            (0.0, 0.0, 0.0, 1.0, 0.0, 0.0, true),
            (0.0, 0.0, 1.0, 0.0, 0.8, 1.6, false),
            (0.0, 0.0, 0.0, 0.0, 1.0, 2.0, false),
        ] {
            let mut f = [0.0; N_FEATURES];
            (f[15], f[7], f[8], f[18], f[4], f[5]) = (event, agrees, differs, date, names, terms);
            assert_eq!(meets_event(&f), want, "{f:?}");
        }
    }

    fn ws(article: &str, sources: &[&str]) -> Workspace {
        let mut ws = Workspace::new(Document::from_plain_text("a", "A", article));
        for (i, s) in sources.iter().enumerate() {
            ws.add_user_text(&format!("s{i}"), &format!("Source {i}"), s);
        }
        ws
    }

    #[test]
    fn constants_are_sane() {
        const { assert!(COUNTERPART_MIN > 0.0 && COUNTERPART_MIN < 1.0) };
        const { assert!(VALUES_MIN >= COUNTERPART_MIN) };
        const { assert!(AGREE_MIN >= COUNTERPART_MIN) };
        const { assert!(DIFFERS_MIN >= COUNTERPART_MIN) };
        assert_eq!(FEATURE_NAMES.len(), WEIGHTS.len());
        assert_eq!(COUNTERPART_FEATURE_NAMES.len(), COUNTERPART_WEIGHTS.len());
        assert_eq!(Relation::parse("adds_context"), Some(Relation::AddsContext));
        assert!(Relation::Differs < Relation::Agrees && Relation::Agrees < Relation::AddsContext);
    }

    #[test]
    fn a_shared_country_alone_is_not_a_match() {
        crate::frontcode::install_bundled();
        // Only "France" in common, no shared wording: too little to align.
        let w = ws(
            "Farmers in France blocked roads over diesel prices on Monday.",
            &["France won the football match against Spain."],
        );
        let c = w.compare();
        assert_eq!(c.claims[0].relation, Relation::NoReference);
        assert!(c.claims[0].alignments.is_empty());
    }

    #[test]
    fn one_shared_word_is_not_a_match() {
        crate::frontcode::install_bundled();
        let w = ws(
            "His authority in negotiations remains limited.",
            &["The negotiations stalled for weeks."],
        );
        assert!(w.compare().claims[0].alignments.is_empty());
        let w = ws(
            "His authority in negotiations remains limited.",
            &["His authority in the negotiations was limited by parliament."],
        );
        let c = w.compare();
        assert_eq!(c.claims[0].alignments.len(), 1);
        assert!(matches!(
            c.claims[0].relation,
            Relation::AddsContext | Relation::Agrees
        ));
    }

    #[test]
    fn values_decide_agrees_and_differs() {
        crate::frontcode::install_bundled();
        let art = "The Springfield plant employs 1,200 workers, the company said.";
        let agree = ws(
            art,
            &["The Springfield plant has 1,200 workers on its payroll."],
        );
        let differ = ws(
            art,
            &["The Springfield plant has 800 workers on its payroll."],
        );
        let context = ws(
            art,
            &["The Springfield plant opened a new assembly line for workers."],
        );
        assert_eq!(agree.compare().claims[0].relation, Relation::Agrees);
        let d = differ.compare();
        assert_eq!(d.claims[0].relation, Relation::Differs);
        let al = &d.claims[0].alignments[0];
        assert_eq!(al.gap_text(&differ).unwrap(), "1,200 vs 800 (Source 0)");
        assert!(al.explain(&differ).contains("1,200 ≠ 800"));
        assert_eq!(context.compare().claims[0].relation, Relation::AddsContext);
    }

    #[test]
    fn differs_only_about_the_same_participants() {
        // (claim, statement, relation): a differing figure counts only where
        // the statement names one of the claim's participants, or the claim
        // names none.
        let cases: &[(&str, &str, Relation)] = &[
            (
                "The Springfield plant employs 1,200 workers, the company said.",
                "The Springfield plant has 800 workers on its payroll.",
                Relation::Differs,
            ),
            (
                "The plant employs 1,200 workers, the company said.",
                "The plant has 800 workers on its payroll.",
                Relation::Differs,
            ),
            (
                "Boeing employs 1,200 workers at the plant in Everett, the company said.",
                "Boeing employs 800 workers at the plant in Everett, a spokesman said.",
                Relation::Differs,
            ),
            (
                "Boeing employs 1,200 workers at the plant in Everett, the company said.",
                "The company employs 800 workers at the plant, a spokesman said.",
                Relation::AddsContext,
            ),
        ];
        for &(claim, statement, want) in cases {
            let w = ws(claim, &[statement]);
            let c = w.compare();
            assert_eq!(c.claims[0].relation, want, "{claim} / {statement}");
        }
    }

    #[test]
    fn only_the_same_kind_of_the_same_thing_is_compared() {
        crate::frontcode::install_bundled();
        // (claim, statement, what the values say: None = nothing compared,
        // Some((differs, text the explanation shows)))
        type Case<'a> = (&'a str, &'a str, Option<(bool, &'a str)>);
        let cases: &[Case] = &[
            (
                "Engineers said the alternative would cost at least £70 million.",
                "The Riverton barrier cost £52 million, engineers said.",
                None,
            ),
            (
                "The Riverton barrier protects the town from a 1-in-200-year flood, which would leave half a metre of water in the streets.",
                "Without the Riverton barrier, a flood would put water in around 6,500 homes in the town.",
                None,
            ),
            (
                "The Riverton flood barrier cost £52 million, the agency said.",
                "The Riverton flood barrier, which cost £48 million, was opened on Monday.",
                Some((true, "£52 million ≠ £48 million (money")),
            ),
            (
                "The Riverton barrier would cost at least £70 million, the agency said.",
                "The Riverton barrier cost £48 million, the agency said.",
                Some((true, "at least £70 million ≠ £48 million (money, beyond the bound")),
            ),
            (
                "The wall runs for 2.4 km along the River Wend.",
                "The barrier's wall runs for 2.1 km along the River Wend.",
                Some((true, "2.4 km ≠ 2.1 km (measure")),
            ),
            (
                "The wall runs for 2.4 km along the River Wend.",
                "The barrier's wall runs for 2,400 metres along the River Wend.",
                Some((false, "2.4 km = 2,400 metres (measure")),
            ),
            (
                "Russia and Ukraine agreed to exchange 1,000 prisoners from each side.",
                "Russia and Ukraine agreed to exchange prisoners under 25 from each side.",
                None,
            ),
            (
                "Russia and Ukraine agreed to exchange 1,000 individuals from each side.",
                "Russia and Ukraine agreed to exchange 1,000 prisoners of war from each side.",
                Some((false, "1,000 = 1,000 (count")),
            ),
            (
                "Russia and Ukraine agreed to exchange 1,000 individuals from each side.",
                "Russia and Ukraine agreed to hand over 6,000 bodies from each side.",
                None,
            ),
        ];
        for (claim, statement, want) in cases {
            let w = ws(claim, &[statement]);
            let c = w.compare();
            let c = &c.claims[0];
            match want {
                None => {
                    assert!(
                        c.alignments.iter().all(|a| a.values.is_empty()),
                        "{claim} × {statement}: {:?}",
                        c.alignments
                    );
                    assert_ne!(c.relation, Relation::Differs, "{claim}");
                }
                Some((differs, shown)) => {
                    let al = c
                        .alignments
                        .first()
                        .unwrap_or_else(|| panic!("{claim}: no match"));
                    let want_rel = if *differs {
                        Relation::Differs
                    } else {
                        Relation::Agrees
                    };
                    assert_eq!(al.relation, want_rel, "{claim}: {}", al.explain(&w));
                    assert_eq!(c.relation, want_rel, "{claim}");
                    assert!(al.explain(&w).contains(shown), "{}", al.explain(&w));
                }
            }
        }
    }

    #[test]
    fn each_source_counts_once_and_the_summary_follows_the_support() {
        crate::frontcode::install_bundled();
        // One source stating the fact twice is one alignment.
        let w = ws(
            "The Springfield plant employs 1,200 workers, the company said.",
            &["The Springfield plant employs 1,200 workers. Today the Springfield plant employs 1,200 workers on two shifts."],
        );
        assert_eq!(w.compare().claims[0].alignments.len(), 1);
        let al = |source, relation, score| Alignment {
            source,
            sentence: 0,
            span: Span::new(0, 1),
            relation,
            score,
            entity_score: 0.0,
            lexical: 0.0,
            shared: Vec::new(),
            shared_terms: Vec::new(),
            values: Vec::new(),
            source_only: Vec::new(),
            claim_only: Vec::new(),
        };
        use Relation::*;
        // (source relations with scores, summary)
        let cases: &[(&[(Relation, f32)], Relation)] = &[
            (&[(Agrees, 0.8), (Agrees, 0.8), (Differs, 0.95)], Agrees),
            (&[(Agrees, 0.9), (Differs, 0.9)], Agrees),
            (&[(Agrees, 0.8), (Differs, 0.95)], Differs),
            (&[(AddsContext, 0.9), (Differs, 0.7)], Differs),
            (&[(AddsContext, 0.9)], AddsContext),
            (&[], NoReference),
        ];
        for (rels, want) in cases {
            let als: Vec<Alignment> = rels
                .iter()
                .enumerate()
                .map(|(i, (r, s))| al(i, *r, *s))
                .collect();
            assert_eq!(engine::summary(&als), *want, "{rels:?}");
        }
    }

    #[test]
    fn values_need_shared_context_to_be_paired() {
        crate::frontcode::install_bundled();
        // 1,200 workers vs 40 trucks: same kind, different things.
        let w = ws(
            "The Springfield plant employs 1,200 workers.",
            &["The Springfield plant employs workers and sends out 40 trucks a day."],
        );
        let c = w.compare();
        assert!(
            c.claims[0].alignments.iter().all(|a| a.values.is_empty()),
            "{:?}",
            c.claims[0]
        );
        assert!(matches!(
            c.claims[0].relation,
            Relation::AddsContext | Relation::NoReference
        ));
    }

    #[test]
    fn years_and_model_numbers_are_not_counts() {
        crate::frontcode::install_bundled();
        // "1991" is a year and "iPhone 4" a name: neither is compared as a count.
        let w = ws(
            "Apple sold the iPhone 4 under the 1991 agreement with Apple Corps.",
            &["Apple sold the iPhone 4 under the 1991 agreement with Apple Corps, which two companies signed."],
        );
        let c = w.compare();
        let al = &c.claims[0].alignments[0];
        assert!(al.values.iter().all(|v| v.agrees), "{:?}", al.values);
        assert_ne!(c.claims[0].relation, Relation::Differs);
    }

    #[test]
    fn entities_meet_across_documents() {
        crate::frontcode::install_bundled();
        let w = ws(
            "U.S. officials met NATO envoys in Brussels to discuss Ukrainian grain exports.",
            &["United States officials and the North Atlantic Treaty Organization discussed grain from Ukraine in Brussels."],
        );
        let c = w.compare();
        let al = &c.claims[0].alignments[0];
        let names: Vec<&str> = al.shared.iter().map(|e| e.name.as_str()).collect();
        for n in ["United States", "NATO", "Brussels", "Ukrainian"] {
            assert!(names.contains(&n), "{n} in {names:?}");
        }
        assert!(al.entity_score > 0.9);
    }

    #[test]
    fn differing_entities_are_marked_on_both_sides() {
        crate::frontcode::install_bundled();
        let art = "Officials from France and Germany met in Paris to discuss grain exports.";
        let src = "Officials from France and Poland met in Paris to discuss grain exports.";
        let w = ws(art, &[src]);
        let c = w.compare();
        let al = &c.claims[0].alignments[0];
        let text = |s: &Vec<Span>, t: &str| -> Vec<String> {
            s.iter().map(|x| x.slice(t).to_string()).collect()
        };
        assert_eq!(text(&al.claim_only, art), ["Germany"]);
        assert_eq!(text(&al.source_only, src), ["Poland"]);
        assert_eq!(al.shared.len(), 2);
    }

    #[test]
    fn user_documents_are_compared_at_once_and_removable() {
        crate::frontcode::install_bundled();
        let mut w = ws(
            "Ticket prices rose to $45 at the Riverside Arena in 2024.",
            &[],
        );
        assert!(w.compare().claims[0].alignments.is_empty());
        let i = w.add_user_text(
            "u1",
            "Pasted",
            "In 2024 Riverside Arena ticket prices reached $40.",
        );
        assert_eq!(w.source(i).meta.kind, DocKind::UserDocument);
        let c = w.compare();
        assert_eq!(c.claims[0].relation, Relation::Differs);
        assert_eq!(c.coverage()[0], vec![Relation::Differs]);
        assert!(w.remove(i).is_some());
        assert_eq!(w.compare().coverage()[0], Vec::<Relation>::new());
    }
}
