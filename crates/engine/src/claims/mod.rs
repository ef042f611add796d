//! Claims engine: the check-worthy statements of an article, who makes
//! them, how hedged they are, and the numbers, dates and entities they rest on.
//!
//! [`find`] runs after the entity engine and reads its [`Analysis`]
//! (sentences and mentions). Every declarative sentence — or clause, where a
//! sentence joins independent assertions with `;`, `, but`, `, while` or a
//! dash — becomes a [`Claim`] with:
//!
//! - a **check-worthiness score** in 0–1 from the learned model
//!   ([`checkworthy`]: logistic regression over hashed n-grams and claim
//!   signals, trained on ClaimBuster by `claimlens train checkworthy`),
//!   mapped so that the model's threshold is [`CHECKWORTHY`]; without the
//!   model installed, the sum of the transparent feature weights listed in
//!   [`Claim::reasons`] ([`rule_score`]: quantity, date, named entities,
//!   attribution, causal, comparison and prediction language, minus opinion
//!   and first-person framing), which also explain the score either way;
//!   [`Claim::checkworthy`] is `score >=` [`CHECKWORTHY`];
//! - a **kind** ([`ClaimKind`]): quantitative, attributed, prediction,
//!   causal, comparison, evaluative, or a plain statement;
//! - the **speaker** ([`Speaker`]) and the attribution **cue**: a possessive
//!   with a communication noun ("Medinsky’s pointed reference to"), a subject
//!   or an inverted subject with a reporting verb ("…, said Maria Fernandes";
//!   the nearest person in "Military experts, including … Steven Jermy, have
//!   acknowledged"), "according to X", a pronoun resolved to the last person
//!   named, hearsay ("reportedly", "it is said", "officials said") for an
//!   unnamed source, and otherwise the author. The attribution rules of
//!   [`attribution`] read the whole article first (quotation continuations,
//!   pronouns resolved to a named person, "…, said council leader Priya
//!   Natarajan" → the name); a claim takes the attribution whose content
//!   covers it, and a cue whose source cannot be told makes the speaker
//!   [`Speaker::Unknown`];
//! - **hedges** (the uncertainty cues of [`hedging`], when the sentence
//!   reads as uncertain), **boosters** and **opinion** cues with spans
//!   (`words`), a [`Certainty`], and **negation**.
//!
//! Word lists are general English vocabulary (Hyland's metadiscourse
//! categories for boosters; the hedge cue table `data/lexicons/hedge-cues.txt`
//! was calibrated on public dev data); the opinion words come from the
//! Pattern subjectivity lexicon (PDDL) and the VADER lexicon (MIT), see
//! `data/README.md`.
//!
//! ```
//! # claimlens_engine::frontcode::install_bundled();
//! use claimlens_engine::{analyse_text, Certainty, ClaimKind};
//!
//! let text = "Casualties reportedly exceeded 1,000 in March 2024. \
//!      “The deal is done,” said Maria Fernandes. It was a wonderful day.";
//! let a = analyse_text(text);
//! let c = &a.claims[0];
//! assert_eq!(c.kind, ClaimKind::Quantitative);
//! assert_eq!(c.speaker.kind_name(), "unnamed");
//! assert_eq!(c.certainty, Certainty::Hedged);
//! assert_eq!(c.hedges[0].slice(text), "reportedly");
//! assert!(c.checkworthy);
//! let quote = &a.claims[1];
//! assert_eq!(quote.speaker.display(text), "Maria Fernandes");
//! assert_eq!(quote.cue.unwrap().slice(text), "said");
//! assert_eq!(a.claims[2].kind, ClaimKind::Evaluative);
//! assert!(!a.claims[2].checkworthy);
//! ```

pub mod attribution;
pub mod checkworthy;
mod cues;
mod detect;
pub mod hedging;
mod score;
mod words;

use serde::Serialize;

use super::entities::{Analysis, Label};
use super::span::Span;
use super::text::{sentences, tokenize, Token};

/// Claims scoring at least this are check-worthy.
///
/// The model's probability is mapped so that its threshold (chosen by
/// cross-validation on its training data) lands here; the rule score was
/// tuned so that a sentence needs one strong factual anchor (a quantity) or
/// two weaker ones (a named person and a date, an entity and attribution…).
pub const CHECKWORTHY: f32 = 0.5;

/// The rule score of a claim's reasons (the engine's check-worthiness before
/// the learned model, and its fallback when no model is installed): the sum
/// of the reasons' weights, clamped to 0–1. `claimlens eval checkworthy`
/// reports it as a baseline.
pub fn rule_score(reasons: &[Reason]) -> f32 {
    score::score(reasons)
}

/// What kind of statement a claim is (its main kind; see [`Claim::kinds`] for all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Rests on a number, amount or percentage.
    Quantitative,
    /// A statement attributed to a named or unnamed source.
    Attributed,
    /// About the future: will, expected to, forecast…
    Prediction,
    /// Says that something caused or led to something.
    Causal,
    /// Compares, ranks or describes a change: than, largest, rose…
    Comparison,
    /// Mainly opinion or evaluation.
    Evaluative,
    /// A plain factual statement.
    Statement,
}

impl ClaimKind {
    /// All kinds, in priority order.
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::Quantitative,
        ClaimKind::Attributed,
        ClaimKind::Prediction,
        ClaimKind::Causal,
        ClaimKind::Comparison,
        ClaimKind::Evaluative,
        ClaimKind::Statement,
    ];

    /// Lowercase key ("quantitative", "attributed"…), as serialised.
    pub fn name(&self) -> &'static str {
        match self {
            ClaimKind::Quantitative => "quantitative",
            ClaimKind::Attributed => "attributed",
            ClaimKind::Prediction => "prediction",
            ClaimKind::Causal => "causal",
            ClaimKind::Comparison => "comparison",
            ClaimKind::Evaluative => "evaluative",
            ClaimKind::Statement => "statement",
        }
    }

    /// A label for people ("Quantitative", "Attributed statement"…).
    pub fn title(&self) -> &'static str {
        match self {
            ClaimKind::Quantitative => "Quantitative",
            ClaimKind::Attributed => "Attributed statement",
            ClaimKind::Prediction => "Prediction",
            ClaimKind::Causal => "Causal",
            ClaimKind::Comparison => "Comparison",
            ClaimKind::Evaluative => "Evaluative / opinion",
            ClaimKind::Statement => "Statement",
        }
    }
}

/// How firmly the claim is put.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Stated as fact by the author, without hedges.
    Asserted,
    /// Softened by a hedge ("reportedly", "may", "appears to").
    Hedged,
    /// Reported as someone else's statement, without hedges.
    AttributedOnly,
}

impl Certainty {
    /// Lowercase key ("asserted", "hedged", "attributed_only"), as serialised.
    pub fn name(&self) -> &'static str {
        match self {
            Certainty::Asserted => "asserted",
            Certainty::Hedged => "hedged",
            Certainty::AttributedOnly => "attributed_only",
        }
    }

    /// A label for people ("Asserted", "Hedged", "Attributed only").
    pub fn title(&self) -> &'static str {
        match self {
            Certainty::Asserted => "Asserted",
            Certainty::Hedged => "Hedged",
            Certainty::AttributedOnly => "Attributed only",
        }
    }
}

/// Who makes a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Speaker {
    /// An entity of the analysis.
    Entity {
        /// Index into [`Analysis::entities`].
        entity: usize,
        /// The entity's stable id ("person:steven-jermy").
        id: String,
        /// The entity's canonical name.
        name: String,
        /// Where the speaker is named in the claim's sentence (a name, or a
        /// pronoun resolved to the last person named).
        span: Span,
    },
    /// The article itself asserts it.
    Author,
    /// An unnamed source: "officials said", "reportedly", "it is said".
    Unnamed {
        /// The words naming the source ("Officials"), when there are any.
        span: Option<Span>,
    },
    /// A reporting cue whose source cannot be told (the attribution rules
    /// abstain rather than guess): someone says it, but not who.
    Unknown,
}

impl Speaker {
    /// "entity", "author", "unnamed" or "unknown".
    pub fn kind_name(&self) -> &'static str {
        match self {
            Speaker::Entity { .. } => "entity",
            Speaker::Author => "author",
            Speaker::Unnamed { .. } => "unnamed",
            Speaker::Unknown => "unknown",
        }
    }

    /// Where the speaker is named, if anywhere.
    pub fn span(&self) -> Option<Span> {
        match self {
            Speaker::Entity { span, .. } => Some(*span),
            Speaker::Author | Speaker::Unknown => None,
            Speaker::Unnamed { span } => *span,
        }
    }

    /// A name to show: the entity's canonical name, "the author", the
    /// source's words ("officials") or "unnamed source", or "unknown source".
    pub fn display(&self, text: &str) -> String {
        match self {
            Speaker::Entity { name, .. } => name.clone(),
            Speaker::Author => "the author".to_string(),
            Speaker::Unnamed { span: Some(s) } => s
                .get(text)
                .map(str::to_string)
                .unwrap_or_else(|| "unnamed source".to_string()),
            Speaker::Unnamed { span: None } => "unnamed source".to_string(),
            Speaker::Unknown => "unknown source".to_string(),
        }
    }
}

/// A feature that raised or lowered a claim's score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// A number, amount or percentage.
    Quantity,
    /// A duration ("21-year", "three years").
    Duration,
    /// A date or time reference.
    Date,
    /// A named person.
    Person,
    /// A named organisation or event.
    Organisation,
    /// A named place or group (nationality, religion, party).
    Place,
    /// Several distinct named entities.
    ManyEntities,
    /// Attributed to a named source.
    NamedSource,
    /// Attributed to an unnamed source.
    UnnamedSource,
    /// Causal language.
    Causal,
    /// Comparison, ranking or change language.
    Comparison,
    /// A prediction.
    Prediction,
    /// Evaluative or loaded wording (lowers the score).
    Opinion,
    /// First-person framing outside quotations (lowers the score).
    FirstPerson,
    /// Very short (lowers the score).
    Short,
}

impl Feature {
    /// Lowercase key, as serialised.
    pub fn name(&self) -> &'static str {
        match self {
            Feature::Quantity => "quantity",
            Feature::Duration => "duration",
            Feature::Date => "date",
            Feature::Person => "person",
            Feature::Organisation => "organisation",
            Feature::Place => "place",
            Feature::ManyEntities => "many_entities",
            Feature::NamedSource => "named_source",
            Feature::UnnamedSource => "unnamed_source",
            Feature::Causal => "causal",
            Feature::Comparison => "comparison",
            Feature::Prediction => "prediction",
            Feature::Opinion => "opinion",
            Feature::FirstPerson => "first_person",
            Feature::Short => "short",
        }
    }
}

/// One reason behind a score: a feature and its weight.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Reason {
    /// What was found.
    pub feature: Feature,
    /// How much it added (negative: removed).
    pub weight: f32,
}

/// A rate or share after a quantity: "1,000 individuals from **each side**",
/// "200,000 lives **a year**".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PerUnit {
    /// Index of the quantity mention in [`Analysis::mentions`].
    pub mention: usize,
    /// The words giving the unit ("each side", "a year").
    pub span: Span,
}

/// A check-worthy (or not) statement of the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// The sentence or clause (bytes).
    pub span: Span,
    /// Index of its sentence in [`Analysis::sentences`].
    pub sentence: usize,
    /// Check-worthiness in 0–1: the clamped sum of the [`reasons`](Claim::reasons)' weights.
    pub score: f32,
    /// `score >= CHECKWORTHY`.
    pub checkworthy: bool,
    /// The features behind the score.
    pub reasons: Vec<Reason>,
    /// Main kind.
    pub kind: ClaimKind,
    /// Every kind that applies, in priority order (the first is [`kind`](Claim::kind)).
    pub kinds: Vec<ClaimKind>,
    /// Who makes it.
    pub speaker: Speaker,
    /// The attribution cue ("said", "according to", "reference to").
    pub cue: Option<Span>,
    /// Hedges ("reportedly", "may", "appear").
    pub hedges: Vec<Span>,
    /// Boosters ("clearly", "notably", "demonstrated").
    pub boosters: Vec<Span>,
    /// Evaluative or loaded words ("prescient", "devastating", "increasingly precarious").
    pub opinion: Vec<Span>,
    /// Asserted, hedged, or attributed only.
    pub certainty: Certainty,
    /// True when the claim contains a negation ("not", "never", "cannot").
    pub negated: bool,
    /// The negation words.
    pub negations: Vec<Span>,
    /// Indices into [`Analysis::mentions`] of the quantities, dates and
    /// entities inside the claim, in text order.
    pub mentions: Vec<usize>,
    /// Rates and shares given after quantities ("from each side").
    pub per_unit: Vec<PerUnit>,
}

impl Claim {
    /// The claim's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// Mentions of the claim with the given labels.
    pub fn mentions_labelled<'a>(
        &'a self,
        analysis: &'a Analysis,
        labels: &'a [Label],
    ) -> impl Iterator<Item = usize> + 'a {
        self.mentions
            .iter()
            .copied()
            .filter(move |&m| labels.contains(&analysis.mentions[m].label))
    }

    /// Quantity and money mentions of the claim.
    pub fn quantities<'a>(&'a self, analysis: &'a Analysis) -> impl Iterator<Item = usize> + 'a {
        self.mentions_labelled(analysis, &[Label::Quantity, Label::Money])
    }

    /// Date mentions of the claim.
    pub fn dates<'a>(&'a self, analysis: &'a Analysis) -> impl Iterator<Item = usize> + 'a {
        self.mentions_labelled(analysis, &[Label::Date])
    }

    /// Named-entity mentions of the claim (people, organisations, places, groups, events).
    pub fn entities<'a>(&'a self, analysis: &'a Analysis) -> impl Iterator<Item = usize> + 'a {
        self.mentions_labelled(
            analysis,
            &[
                Label::Person,
                Label::Org,
                Label::Place,
                Label::Norp,
                Label::Event,
            ],
        )
    }
}

/// Find the claims of `text`, given its entity analysis (from
/// [`crate::entities::extract_text`] on the same text).
///
/// Never panics: sentences or mentions that do not fit `text` are skipped.
pub fn find(text: &str, analysis: &Analysis) -> Vec<Claim> {
    let tokens = tokenize(text);
    find_with_tokens(text, &tokens, analysis)
}

/// [`find`] with the tokens of `text` already made by [`tokenize`].
pub fn find_with_tokens(text: &str, tokens: &[Token], analysis: &Analysis) -> Vec<Claim> {
    let owned;
    let sents = if analysis.sentences.is_empty() && !tokens.is_empty() {
        owned = sentences(text, tokens);
        &owned[..]
    } else {
        &analysis.sentences[..]
    };
    detect::claims(text, tokens, sents, analysis)
}
