//! The learned name tagger: people, organisations, places and named events
//! as BIO labels over words, decoded with a first-order Viterbi search under
//! BIO constraints. Weights come from an averaged structured perceptron over
//! hashed features ([`train`]) and are stored as CLW1 ([`crate::weights`]) in
//! the model file `ner.clw` (trained by `claimlens train ner` from
//! `data/train/ner/`, see `data/README.md`).
//!
//! Features: word, lower case, shape, prefixes and suffixes 1–4, capitalisation
//! pattern, sentence-initial capitalisation, neighbouring words ±2,
//! gazetteer membership (first names, countries, demonyms, cities, regions,
//! US states, common words, built from the engine's lexicons at run time) at
//! ±1, organisation, place and event head words nearby, capitalised runs
//! ("Bank of New York"), sentence case, previous label (alone, with the word
//! and with its shape), and optional per-word tags (e.g. POS) passed as
//! `extra` (the shipped model was trained without them).
//!
//! The entity engine runs the rules first and lets the tagger add names the
//! rules missed (see [`crate::entities`]).

use std::collections::BTreeMap;
use std::fmt;

use super::fasthash::FxMap;
use crate::text::WordSet;
use crate::weights::{Weights, WeightsError};
use decode::{viterbi_into, Decode, Scorer};
use features::{capped, featurise_into, Sentence, Work};
use words::tokenize;

mod decode;
mod features;
pub mod train;
mod words;

/// Entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place (countries, cities, regions, geographic features, facilities).
    Loc,
    /// A named event ("World War II", "the Olympics").
    Event,
}

impl Kind {
    /// All kinds, in label order.
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Event];

    /// Short upper-case name ("PER", "ORG", "LOC", "EVENT").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Event => "EVENT",
        }
    }

    /// Parse a short name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// A BIO label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// Outside any name.
    O,
    /// First word of a name.
    B(Kind),
    /// Later word of a name.
    I(Kind),
}

impl Label {
    /// "O", "B-PER", "I-ORG", ...
    pub fn name(self) -> String {
        match self {
            Label::O => "O".into(),
            Label::B(k) => format!("B-{}", k.name()),
            Label::I(k) => format!("I-{}", k.name()),
        }
    }

    /// Parse "O", "B-PER", "I-LOC", ...
    pub fn parse(s: &str) -> Option<Label> {
        if s == "O" {
            return Some(Label::O);
        }
        let (bi, k) = s.split_once('-')?;
        let k = Kind::parse(k)?;
        match bi {
            "B" => Some(Label::B(k)),
            "I" => Some(Label::I(k)),
            _ => None,
        }
    }

    /// May `self` follow `prev` (None: sentence start)? `I-X` only after `B-X`/`I-X`.
    pub fn may_follow(self, prev: Option<Label>) -> bool {
        match self {
            Label::I(k) => matches!(prev, Some(Label::B(p)) | Some(Label::I(p)) if p == k),
            _ => true,
        }
    }
}

/// A name: words `start..end` (end exclusive) of type `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Type.
    pub kind: Kind,
}

/// Spans of a BIO sequence (a stray `I-X` starts a new span).
pub fn spans_of(labels: &[Label]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match l {
            Label::I(k) if matches!(cur, Some((_, c)) if c == k) => {}
            _ => {
                if let Some((s, k)) = cur.take() {
                    out.push(Span {
                        start: s,
                        end: i,
                        kind: k,
                    });
                }
                if let Label::B(k) | Label::I(k) = l {
                    cur = Some((i, k));
                }
            }
        }
    }
    if let Some((s, k)) = cur {
        out.push(Span {
            start: s,
            end: labels.len(),
            kind: k,
        });
    }
    out
}

// ------------------------------------------------------------------ gazetteer

/// Gazetteer classes (bit flags).
const G_FIRST: u8 = 1;
const G_COUNTRY: u8 = 2;
const G_DEMONYM: u8 = 4;
const G_CITY: u8 = 8;
const G_REGION: u8 = 16;
const G_STATE: u8 = 32;
const G_COMMON: u8 = 64;
const G_ORG: u8 = 128;
const G_NAMES: [(u8, &str); 8] = [
    (G_ORG, "org"),
    (G_FIRST, "first"),
    (G_COUNTRY, "country"),
    (G_DEMONYM, "demonym"),
    (G_CITY, "city"),
    (G_REGION, "region"),
    (G_STATE, "state"),
    (G_COMMON, "common"),
];

/// The text of the project's lexicon files (`data/lexicons/*`); any may be empty.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lexicons<'a> {
    /// `first-names.txt`: one given name a line.
    pub first_names: &'a str,
    /// `countries.tsv`: name, aliases (`|`), demonyms (`|`), capitals (`|`), subregion, code.
    pub countries: &'a str,
    /// `cities.tsv`: name, country code.
    pub cities: &'a str,
    /// `regions.txt`: one region a line.
    pub regions: &'a str,
    /// `us-states.txt`: one state a line.
    pub us_states: &'a str,
    /// `common-words.txt`: common lower-case English words.
    pub common_words: &'a str,
}

/// Phrase gazetteer: lower-cased word sequences → class flags.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    phrases: FxMap<String, u8>,
    /// Per first word: the most words a phrase starting with it has (a
    /// lookup tries no longer phrase, and none at a word that starts none).
    longest: FxMap<String, u8>,
}

impl Gazetteer {
    /// Build from the lexicon texts.
    pub fn from_lexicons(lx: &Lexicons) -> Self {
        let mut g = Gazetteer::default();
        for l in lx.first_names.lines() {
            g.add(l, G_FIRST);
        }
        for l in lx.countries.lines() {
            let cols: Vec<&str> = l.split('\t').collect();
            for (i, col) in cols.iter().enumerate().take(4) {
                let class = match i {
                    0 | 1 => G_COUNTRY,
                    2 => G_DEMONYM,
                    _ => G_CITY,
                };
                for name in col.split('|') {
                    g.add(name, class);
                }
            }
            if let Some(r) = cols.get(4) {
                g.add(r, G_REGION);
            }
        }
        for l in lx.cities.lines() {
            g.add(l.split('\t').next().unwrap_or(""), G_CITY);
        }
        for l in lx.regions.lines() {
            g.add(l, G_REGION);
        }
        for l in lx.us_states.lines() {
            g.add(l, G_STATE);
        }
        for l in lx.common_words.lines() {
            if !l.contains(' ') {
                g.add(l, G_COMMON);
            }
        }
        for o in KNOWN_ORGS {
            g.add(o, G_ORG);
        }
        g
    }

    fn add(&mut self, name: &str, class: u8) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let words: Vec<String> = tokenize(name)
            .into_iter()
            .map(|(s, e)| name[s..e].to_lowercase())
            .collect();
        if words.is_empty() || words.len() > 6 {
            return;
        }
        let longest = self.longest.entry(words[0].clone()).or_insert(0);
        *longest = (*longest).max(words.len() as u8);
        *self.phrases.entry(words.join(" ")).or_insert(0) |= class;
    }

    /// Per word: (flags of phrases starting here, flags of phrases continuing here).
    /// Longest match first; matches do not overlap.
    #[cfg(test)]
    fn lookup(&self, lower: &[String]) -> Vec<(u8, u8)> {
        let mut out = Vec::new();
        self.lookup_into(lower.len(), |k| &lower[k], &mut String::new(), &mut out);
        out
    }

    /// [`Gazetteer::lookup`] of the `n` lower-case words `word(0..n)` into
    /// `out`, building phrase keys in `key`.
    fn lookup_into<'a>(
        &self,
        n: usize,
        word: impl Fn(usize) -> &'a str,
        key: &mut String,
        out: &mut Vec<(u8, u8)>,
    ) {
        self.lookup_with(n, &word, |k| self.word(word(k)), key, out);
    }

    /// What the gazetteer holds of one lower-case word: the most words a
    /// phrase starting with it has (0: none starts with it) and its class
    /// flags as a one-word phrase (0: none). The same for every occurrence
    /// of a word, so the tagger keeps it per word type.
    fn word(&self, lower: &str) -> (u8, u8) {
        match self.longest.get(lower) {
            None => (0, 0),
            Some(&l) => (l, self.phrases.get(lower).copied().unwrap_or(0)),
        }
    }

    /// [`Gazetteer::lookup_into`] with each word's [`Gazetteer::word`]
    /// given by `known(k)`: only phrases of two words or more are looked up.
    fn lookup_with<'a>(
        &self,
        n: usize,
        word: impl Fn(usize) -> &'a str,
        known: impl Fn(usize) -> (u8, u8),
        key: &mut String,
        out: &mut Vec<(u8, u8)>,
    ) {
        out.clear();
        out.resize(n, (0, 0));
        let mut i = 0;
        while i < n {
            let mut matched = 0;
            let (longest, single) = known(i);
            for len in (1..=(longest as usize).min(n - i)).rev() {
                if len == 1 {
                    if single != 0 {
                        out[i].0 |= single;
                        matched = 1;
                    }
                    break;
                }
                let phrase = {
                    key.clear();
                    for k in i..i + len {
                        if k > i {
                            key.push(' ');
                        }
                        key.push_str(word(k));
                    }
                    key.as_str()
                };
                if let Some(&f) = self.phrases.get(phrase) {
                    out[i].0 |= f;
                    for o in &mut out[i + 1..i + len] {
                        o.1 |= f;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
}

/// Organisation head words: general English vocabulary (lower case), merged
/// with the landed engine's hand-written organisation head list.
static ORG_HEADS: WordSet = WordSet::new(concat!(
    "council|",
    "ministry|",
    "ministries|",
    "department|",
    "university|",
    "college|",
    "institute|",
    "institutes|",
    "institution|",
    "agency|",
    "agencies|",
    "corporation|",
    "corp|",
    "corp.|",
    "inc|",
    "inc.|",
    "ltd|",
    "ltd.|",
    "llc|",
    "plc|",
    "co|",
    "co.|",
    "company|",
    "bank|",
    "party|",
    "committee|",
    "commission|",
    "association|",
    "union|",
    "foundation|",
    "court|",
    "tribunal|",
    "police|",
    "army|",
    "navy|",
    "fleet|",
    "office|",
    "group|",
    "society|",
    "league|",
    "federation|",
    "authority|",
    "board|",
    "school|",
    "hospital|",
    "church|",
    "club|",
    "fund|",
    "trust|",
    "organisation|",
    "organization|",
    "service|",
    "services|",
    "parliament|",
    "senate|",
    "congress|",
    "assembly|",
    "government|",
    "administration|",
    "bureau|",
    "command|",
    "regiment|",
    "brigade|",
    "battalion|",
    "division|",
    "corps|",
    "squadron|",
    "wing|",
    "airlines|",
    "airways|",
    "systems|",
    "technologies|",
    "industries|",
    "holdings|",
    "network|",
    "media|",
    "guard|",
    "guards|",
    "times|",
    "post|",
    "news|",
    "press|",
    "journal|",
    "academy|",
    "centre|",
    "center|",
    "centres|",
    "centers|",
    "museum|",
    "library|",
    "forces|",
    "force|",
    "secretariat|",
    "directorate|",
    "cabinet|",
    "alliance|",
    "coalition|",
    "movement|",
    "front|",
    "brotherhood|",
    "nations|",
    "laboratory|",
    "laboratories|",
    "labs|",
    "partners|",
    "associates|",
    "team|",
    "fc|",
    "united|",
    "rovers|",
    "athletic|",
    "herald|",
    "tribune|",
    "gazette|",
    "broadcasting|",
    "television|",
    "radio|",
    "records|",
    "studios|",
    "pictures|",
    "chamber|",
    "motors|",
    "energy|",
    "initiative|",
    "programme|",
    "observatory|",
    "watch|",
    "caucus|",
    "mission|",
    "delegation|",
    "embassy|",
    "consulate|",
    "exchange|",
    "reserve|",
    "gendarmerie|",
    "commissariat|",
    "insurance|",
    "airline|",
    "foods|",
    "pharmaceuticals|",
    "electronics|",
    "capital|",
    "consulting|",
    "solutions|",
    "software|",
    "securities|",
    "entertainment|",
    "communications|",
    "telecom|",
    "petroleum|",
    "oil|",
    "gas|",
    "mining|",
    "steel|",
    "chemicals|",
    "logistics|",
    "hotels|",
    "resorts|",
    "transport|",
    "motorsports|",
    "ventures|",
    "investments|",
    "enterprises|",
    "bancorp|",
    "financial|",
    "trading|",
    "brands|",
));

/// Place head words (lower case), from the landed engine's place list.
static PLACE_HEADS: WordSet = WordSet::new(concat!(
    "sea|",
    "ocean|",
    "gulf|",
    "bay|",
    "strait|",
    "straits|",
    "river|",
    "lake|",
    "mountains|",
    "mountain|",
    "peninsula|",
    "desert|",
    "valley|",
    "canal|",
    "island|",
    "islands|",
    "basin|",
    "plateau|",
    "range|",
    "delta|",
    "channel|",
    "coast|",
    "region|",
    "province|",
    "oblast|",
    "county|",
    "steppe|",
    "highlands|",
    "lowlands|",
    "isthmus|",
    "archipelago|",
    "hills|",
    "falls|",
    "glacier|",
    "forest|",
    "corridor|",
    "heights|",
    "park|",
    "empire|",
    "kingdom|",
    "republic|",
    "dynasty|",
    "caliphate|",
    "sultanate|",
    "confederation|",
    "commonwealth|",
    "emirate|",
    "territory|",
    "territories|",
    "mount|",
    "mt.|",
    "cape|",
    "isle|",
    "fort|",
    "camp|",
    "port|",
    "street|",
    "avenue|",
    "road|",
    "square|",
    "bridge|",
    "airport|",
    "station|",
    "district|",
    "city|",
    "town|",
    "village|",
));

/// Event head words (lower case), from the landed engine's event list.
static EVENT_HEADS: WordSet = WordSet::new(concat!(
    "war|",
    "revolution|",
    "olympics|",
    "games|",
    "cup|",
    "championship|",
    "championships|",
    "summit|",
    "festival|",
    "crisis|",
    "uprising|",
    "massacre|",
    "holocaust|",
    "genocide|",
    "expo|",
    "offensive|",
    "blitz|",
    "intifada|",
    "crusade|",
    "crusades|",
    "conference|",
    "forum|",
    "olympiad|",
    "marathon|",
    "invasion|",
    "operation|",
    "battle|",
    "siege|",
    "election|",
    "elections|",
    "referendum|",
    "tournament|",
    "series|",
    "bowl|",
    "grand prix|",
));

/// Lower-case words that suggest an organisation nearby ("the firm", "a spokesman for").
static ORG_CONTEXT: WordSet = WordSet::new(concat!(
    "firm|",
    "company|",
    "carmaker|",
    "automaker|",
    "lender|",
    "insurer|",
    "retailer|",
    "startup|",
    "giant|",
    "outlet|",
    "broadcaster|",
    "newspaper|",
    "maker|",
    "shares|",
    "stock|",
    "spokesperson|",
    "spokesman|",
    "spokeswoman|",
    "employees|",
    "executives|",
    "headquarters|",
    "shareholders|",
    "ceo|",
    "chairman|",
    "subsidiary|",
    "acquired|",
    "merger|",
    "founded|",
    "joined|",
    "members|",
));

/// Organisations best known by a bare name (the landed engine's list).
const KNOWN_ORGS: &[&str] = &[
    "Kremlin",
    "Pentagon",
    "White House",
    "Congress",
    "Parliament",
    "Senate",
    "Bundestag",
    "Duma",
    "State Duma",
    "Knesset",
    "Politburo",
    "Interpol",
    "Europol",
    "Frontex",
    "Hamas",
    "Hezbollah",
    "Taliban",
    "al-Qaeda",
    "Reuters",
    "Downing Street",
    "House of Commons",
    "House of Lords",
    "House of Representatives",
    "Supreme Court",
    "Gazprom",
    "Rosneft",
    "Associated Press",
    "Xinhua",
    "TASS",
    "NATO",
    "UN",
    "EU",
];

// ------------------------------------------------------------------ model

/// Why a tagger could not be built.
#[derive(Debug)]
pub enum TaggerError {
    /// The CLW1 container is malformed.
    Weights(WeightsError),
    /// A label in the header is not a BIO label over PER/ORG/LOC/EVENT.
    BadLabel(String),
}

impl fmt::Display for TaggerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaggerError::Weights(e) => write!(f, "{e}"),
            TaggerError::BadLabel(l) => write!(f, "unknown label {l:?}"),
        }
    }
}

impl std::error::Error for TaggerError {}

/// The name tagger.
#[derive(Clone, Debug)]
pub struct NameTagger {
    weights: Weights,
    labels: Vec<Label>,
    /// None: the engine's lexicons ([`engine_gazetteer`]), built on first use.
    gazetteer: Option<Gazetteer>,
}

/// The buffers of tagging a sentence, kept from one sentence to the next.
#[derive(Default)]
struct TagWork {
    features: Work,
    sentence: Sentence,
    decode: Decode<i32>,
    /// Per word type of `features`: the summed weights of its own features.
    own: Vec<i32>,
    /// Label indices of the best path.
    path: Vec<usize>,
    /// The sentence's labels.
    labels: Vec<Label>,
}

/// Words per tagged piece of a sentence that runs on without punctuation.
const MAX_SENTENCE: usize = 256;

/// Longest word sequence (in words) the consistency pass looks for again.
const MAX_REPEAT: usize = 8;

/// A name found in text: byte offsets `start..end` and type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Type.
    pub kind: Kind,
}

impl NameTagger {
    /// Build from CLW1 bytes. The tagger uses the gazetteer of the engine's
    /// installed lexicons unless given another ([`NameTagger::with_gazetteer`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TaggerError> {
        let weights = Weights::from_bytes(bytes).map_err(TaggerError::Weights)?;
        let labels = weights
            .labels()
            .iter()
            .map(|l| Label::parse(l).ok_or_else(|| TaggerError::BadLabel(l.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(NameTagger {
            weights,
            labels,
            gazetteer: None,
        })
    }

    /// Attach the gazetteer the model was trained with (header `gazetteer=lexicons`).
    pub fn with_gazetteer(mut self, g: Gazetteer) -> Self {
        self.gazetteer = Some(g);
        self
    }

    fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer
            .as_ref()
            .unwrap_or_else(|| engine_gazetteer())
    }

    /// A CLW1 header value (`model`, `data`, `gazetteer`…).
    pub fn header(&self, key: &str) -> Option<&str> {
        self.weights.header(key)
    }

    /// BIO labels for one sentence of words; `extra` optionally gives one tag per
    /// word (e.g. a POS tag) if the model was trained with them.
    pub fn tag(&self, words: &[&str], extra: Option<&[&str]>) -> Vec<Label> {
        let mut work = TagWork::default();
        self.tag_into(words, extra, &mut work);
        work.labels
    }

    /// [`NameTagger::tag`] into `work.labels`, with buffers kept from
    /// sentence to sentence.
    fn tag_into(&self, words: &[&str], extra: Option<&[&str]>, work: &mut TagWork) {
        let TagWork {
            features,
            sentence,
            decode,
            own,
            path,
            labels,
        } = work;
        featurise_into(words, extra, self.gazetteer(), features, sentence);
        // Score the word types this sentence added.
        let nl = self.labels.len().max(1);
        for t in own.len() / nl..features.types() {
            own.resize((t + 1) * nl, 0);
            self.weights.add_all(features.own(t), &mut own[t * nl..]);
        }
        viterbi_into(
            sentence,
            &self.labels,
            self.weights.labels(),
            &self.weights,
            own,
            decode,
            path,
        );
        labels.clear();
        labels.extend(path.iter().map(|&k| self.labels[k]));
        // A lone demonym ("Iraqi", "Israelis") is a nationality, not a name.
        for sp in spans_of(labels) {
            if sp.end - sp.start == 1 && self.demonym_only(words[sp.start]) {
                labels[sp.start] = Label::O;
            }
        }
    }

    fn demonym_only(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        let flags = |k: &str| self.gazetteer().phrases.get(k).copied().unwrap_or(0);
        let f = flags(&l) | l.strip_suffix('s').map_or(0, flags);
        f & G_DEMONYM != 0 && f & (G_COUNTRY | G_CITY | G_STATE | G_REGION) == 0
    }

    /// Names in one sentence of words, as word spans.
    pub fn spans(&self, words: &[&str], extra: Option<&[&str]>) -> Vec<Span> {
        spans_of(&self.tag(words, extra))
    }

    /// Names in plain text (tokenised into UD-style words, split into
    /// sentences at `.`, `!`, `?` and line breaks), with byte offsets, made
    /// consistent across the text (see [`NameTagger::tag_text_with`]).
    pub fn tag_text(&self, text: &str) -> Vec<TextSpan> {
        self.tag_text_with(text, true)
    }

    /// As [`NameTagger::tag_text`]; with `consistent`, a second pass gives every
    /// repetition of a tagged word sequence the type it was tagged with most
    /// often, tags untagged capitalised repetitions of it, and tags a lone
    /// capitalised word that ended a two-or-more-word person name as a person
    /// (words in the common-word lexicon are not propagated alone).
    pub fn tag_text_with(&self, text: &str, consistent: bool) -> Vec<TextSpan> {
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|&(s, e)| &text[s..e]).collect();
        let mut spans: Vec<Span> = Vec::new();
        let mut work = TagWork {
            features: Work::by_type(),
            decode: Decode::cached(),
            ..TagWork::default()
        };
        let mut start = 0;
        for i in 0..toks.len() {
            let w = words[i];
            let newline = i + 1 < toks.len() && text[toks[i].1..toks[i + 1].0].contains('\n');
            let end_punct = matches!(w, "." | "!" | "?" | "..." | "!!" | "??");
            // Very long "sentences" (lists, pasted data) are tagged in pieces.
            let long = i + 1 - start >= MAX_SENTENCE;
            if end_punct || newline || long || i + 1 == toks.len() {
                self.tag_into(&words[start..=i], None, &mut work);
                for sp in spans_of(&work.labels) {
                    spans.push(Span {
                        start: sp.start + start,
                        end: sp.end + start,
                        kind: sp.kind,
                    });
                }
                start = i + 1;
            }
        }
        if consistent {
            spans = self.make_consistent(&words, spans);
        }
        spans
            .into_iter()
            .map(|sp| TextSpan {
                start: toks[sp.start].0,
                end: toks[sp.end - 1].1,
                kind: sp.kind,
            })
            .collect()
    }

    fn make_consistent(&self, words: &[&str], spans: Vec<Span>) -> Vec<Span> {
        let key = |s: &Span| words[s.start..s.end].join(" ");
        let mut votes: BTreeMap<String, BTreeMap<Kind, usize>> = BTreeMap::new();
        for s in &spans {
            *votes.entry(key(s)).or_default().entry(s.kind).or_insert(0) += 1;
        }
        let common = |w: &str| {
            let l = w.to_lowercase();
            self.gazetteer()
                .phrases
                .get(&l)
                .is_some_and(|f| f & G_COMMON != 0)
        };
        for s in &spans {
            if s.kind == Kind::Per && s.end - s.start >= 2 {
                let last = words[s.end - 1];
                if capped(last) && !common(last) && last.chars().count() > 1 {
                    votes
                        .entry(last.to_string())
                        .or_default()
                        .entry(Kind::Per)
                        .or_insert(0);
                    *votes.get_mut(last).unwrap().get_mut(&Kind::Per).unwrap() += 1;
                }
            }
        }
        let best = |k: &str| -> Option<Kind> {
            let v = votes.get(k)?;
            let max = *v.values().max()?;
            // Ties: keep BTreeMap order (PER, ORG, LOC, EVENT) for determinism.
            v.iter().find(|(_, &c)| c == max).map(|(&k, _)| k)
        };
        let mut out: Vec<Span> = spans
            .iter()
            .map(|s| Span {
                kind: best(&key(s)).unwrap_or(s.kind),
                ..*s
            })
            .collect();
        let mut covered = vec![false; words.len()];
        for s in &out {
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        let max_len = votes
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(0)
            .min(MAX_REPEAT);
        let mut i = 0;
        while i < words.len() {
            if covered[i] || !capped(words[i]) {
                i += 1;
                continue;
            }
            let mut found = None;
            for len in (1..=max_len.min(words.len() - i)).rev() {
                if covered[i..i + len].iter().any(|&c| c) {
                    continue;
                }
                if len == 1 && (common(words[i]) || words[i].chars().count() < 2) {
                    continue;
                }
                if let Some(k) = best(&words[i..i + len].join(" ")) {
                    found = Some((len, k));
                    break;
                }
            }
            match found {
                Some((len, k)) => {
                    out.push(Span {
                        start: i,
                        end: i + len,
                        kind: k,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        crate::order::sort_by_key(&mut out, |s| s.start as u64);
        out
    }
}

/// The gazetteer of the engine's installed lexicons (`data/lexicons/`), built
/// once on first use.
pub fn engine_gazetteer() -> &'static Gazetteer {
    static GAZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZ.get_or_init(|| {
        use crate::frontcode::lexicon;
        Gazetteer::from_lexicons(&Lexicons {
            first_names: lexicon!("first-names.txt"),
            countries: lexicon!("countries.tsv"),
            cities: lexicon!("cities.tsv"),
            regions: lexicon!("regions.txt"),
            us_states: lexicon!("us-states.txt"),
            common_words: lexicon!("common-words.txt"),
        })
    })
}

static INSTALLED: std::sync::OnceLock<NameTagger> = std::sync::OnceLock::new();

/// Install the engine's name tagger from CLW1 bytes (the file `ner.clw`, see
/// [`crate::weights::install`]). False when the bytes are not such a model;
/// once installed, later calls change nothing.
pub fn install(bytes: &[u8]) -> bool {
    if INSTALLED.get().is_some() {
        return true;
    }
    match NameTagger::from_bytes(bytes) {
        Ok(t) => {
            let _ = INSTALLED.set(t);
            true
        }
        Err(_) => false,
    }
}

/// The installed tagger, if any. Without one the entity engine runs its
/// rules alone.
pub fn installed() -> Option<&'static NameTagger> {
    #[cfg(test)]
    crate::weights::install_bundled();
    INSTALLED.get()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::weights::feature_hash;

    /// CLW1 bytes of hand-made float weights.
    fn clw(
        mut h: BTreeMap<String, String>,
        labels: &[&str],
        scale: f32,
        feats: &[(u32, Vec<f32>)],
    ) -> Vec<u8> {
        for (k, v) in [("data", "hand"), ("seed", "0"), ("epochs", "0")] {
            h.insert(k.to_string(), v.to_string());
        }
        h.insert("labels".to_string(), labels.join(" "));
        crate::weights::write(&h, scale, feats)
    }

    #[test]
    fn labels_round_trip_and_constraints() {
        for s in ["O", "B-PER", "I-ORG", "B-LOC", "I-EVENT"] {
            assert_eq!(Label::parse(s).unwrap().name(), s);
        }
        for bad in ["", "B-", "X-PER", "B-MISC", "b-PER"] {
            assert_eq!(Label::parse(bad), None, "{bad}");
        }
        let cases = [
            (Label::I(Kind::Per), None, false),
            (Label::I(Kind::Per), Some(Label::B(Kind::Per)), true),
            (Label::I(Kind::Per), Some(Label::I(Kind::Org)), false),
            (Label::B(Kind::Org), Some(Label::O), true),
            (Label::O, None, true),
        ];
        for (l, p, want) in cases {
            assert_eq!(l.may_follow(p), want, "{l:?} after {p:?}");
        }
    }

    #[test]
    fn spans_from_bio() {
        let l = |s: &str| {
            s.split(' ')
                .map(|x| Label::parse(x).unwrap())
                .collect::<Vec<_>>()
        };
        type Case<'a> = (&'a str, &'a [(usize, usize, Kind)]);
        let cases: &[Case] = &[
            (
                "B-PER I-PER O B-LOC",
                &[(0, 2, Kind::Per), (3, 4, Kind::Loc)],
            ),
            ("I-ORG I-ORG O", &[(0, 2, Kind::Org)]),
            (
                "B-PER B-PER I-LOC",
                &[(0, 1, Kind::Per), (1, 2, Kind::Per), (2, 3, Kind::Loc)],
            ),
            ("O O", &[]),
        ];
        for (bio, want) in cases {
            let got: Vec<(usize, usize, Kind)> = spans_of(&l(bio))
                .iter()
                .map(|s| (s.start, s.end, s.kind))
                .collect();
            assert_eq!(got, *want, "{bio}");
        }
    }

    #[test]
    fn gazetteer_longest_match() {
        let g = Gazetteer::from_lexicons(&Lexicons {
            countries: "United Kingdom\tUK\tBritish\tLondon\tNorthern Europe\tGB\n",
            first_names: "Jordan\n",
            ..Default::default()
        });
        let words: Vec<String> = "the united kingdom and jordan"
            .split(' ')
            .map(String::from)
            .collect();
        let got = g.lookup(&words);
        assert_eq!(got[0], (0, 0));
        assert_eq!(got[1], (G_COUNTRY, 0));
        assert_eq!(got[2], (0, G_COUNTRY));
        assert_eq!(got[4], (G_FIRST, 0));
    }

    #[test]
    fn gazetteer_word_alone() {
        let g = Gazetteer::from_lexicons(&Lexicons {
            countries: "United Kingdom\tUK\tBritish\tLondon\tNorthern Europe\tGB\n",
            first_names: "Jordan\n",
            ..Default::default()
        });
        for (word, want) in [
            ("united", (2, 0)),
            ("uk", (1, G_COUNTRY)),
            ("jordan", (1, G_FIRST)),
            ("northern", (2, 0)),
            ("kingdom", (0, 0)),
            ("the", (0, 0)),
        ] {
            assert_eq!(g.word(word), want, "{word}");
        }
    }

    #[test]
    fn shapes() {
        for (w, sh, ss, cap) in [
            ("London", "Xxxxxx", "Xx", "initcap"),
            ("NATO", "XXXX", "X", "allcap"),
            ("iPhone", "xXxxxx", "xXx", "mixed"),
            ("1999", "dddd", "d", "num"),
            ("-", "-", "-", "punct"),
        ] {
            assert_eq!(
                features::shapes(w),
                (sh.to_string(), ss.to_string(), cap),
                "{w}"
            );
        }
    }

    #[test]
    fn bad_weights_are_errors() {
        assert!(NameTagger::from_bytes(b"nope").is_err());
        let mut h = BTreeMap::new();
        h.insert("model".to_string(), "x".to_string());
        let w = clw(h, &["O", "B-MISC"], 1.0, &[(1, vec![1.0, 1.0])]);
        assert!(matches!(
            NameTagger::from_bytes(&w),
            Err(TaggerError::BadLabel(_))
        ));
    }

    #[test]
    fn hand_weights_decode() {
        // A tiny model: capitalised words after "Mr." are people.
        let mut h = BTreeMap::new();
        h.insert("model".to_string(), "hand".to_string());
        let labels = ["O", "B-PER", "I-PER"];
        let feats = vec![
            (feature_hash("b"), vec![1.0, 0.0, 0.0]),
            (feature_hash("l-1=mr."), vec![0.0, 5.0, 0.0]),
            (feature_hash("t|B-PER"), vec![0.0, 0.0, 0.0]),
            (feature_hash("t|l=smith|B-PER"), vec![0.0, 0.0, 3.0]),
        ];
        let t = NameTagger::from_bytes(&clw(h, &labels, 1.0, &feats)).unwrap();
        let got = t.tag(&["Mr.", "John", "smith", "left"], None);
        assert_eq!(
            got,
            vec![Label::O, Label::B(Kind::Per), Label::I(Kind::Per), Label::O]
        );
        let text = "Ask Mr. Jones.";
        let spans = t.tag_text(text);
        assert_eq!(
            spans
                .iter()
                .map(|s| &text[s.start..s.end])
                .collect::<Vec<_>>(),
            vec!["Jones"]
        );
        // Document consistency: the second, bare "Jones" is tagged like the first.
        let text = "Ask Mr. Jones. Then Jones left, and jones too.";
        for (consistent, want) in [(true, vec!["Jones", "Jones"]), (false, vec!["Jones"])] {
            let got: Vec<&str> = t
                .tag_text_with(text, consistent)
                .iter()
                .map(|s| &text[s.start..s.end])
                .collect();
            assert_eq!(got, want, "consistent={consistent}");
        }
    }

    #[test]
    fn lone_demonyms_are_dropped() {
        let mut h = BTreeMap::new();
        h.insert("model".to_string(), "hand".to_string());
        let feats = vec![(feature_hash("b"), vec![0.0, 1.0])];
        let g = Gazetteer::from_lexicons(&Lexicons {
            countries: "Iraq\t\tIraqi\tBaghdad\tWestern Asia\tIQ\n",
            ..Default::default()
        });
        let t = NameTagger::from_bytes(&clw(h, &["O", "B-LOC"], 1.0, &feats))
            .unwrap()
            .with_gazetteer(g);
        let got = t.tag(&["Iraqi", "Iraqis", "Iraq"], None);
        assert_eq!(got, vec![Label::O, Label::O, Label::B(Kind::Loc)]);
    }
}
