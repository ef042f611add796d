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
use std::sync::OnceLock;

use super::fasthash::{FxMap, FxSet};
use crate::weights::{fnv1a64, fnv1a64_continue, Weights, WeightsError};
use words::tokenize;

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
    fn lookup(&self, lower: &[String]) -> Vec<(u8, u8)> {
        let n = lower.len();
        let mut out = vec![(0u8, 0u8); n];
        let mut key = String::new();
        let mut i = 0;
        while i < n {
            let mut matched = 0;
            let longest = self
                .longest
                .get(lower[i].as_str())
                .map_or(0, |&l| l as usize);
            for len in (1..=longest.min(n - i)).rev() {
                key.clear();
                for (k, w) in lower[i..i + len].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(w);
                }
                if let Some(&f) = self.phrases.get(key.as_str()) {
                    out[i].0 |= f;
                    for o in out.iter_mut().take(i + len).skip(i + 1) {
                        o.1 |= f;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

/// Organisation head words: general English vocabulary (lower case), merged
/// with the landed engine's hand-written organisation head list.
const ORG_HEADS: &[&str] = &[
    "council",
    "ministry",
    "ministries",
    "department",
    "university",
    "college",
    "institute",
    "institutes",
    "institution",
    "agency",
    "agencies",
    "corporation",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "co",
    "co.",
    "company",
    "bank",
    "party",
    "committee",
    "commission",
    "association",
    "union",
    "foundation",
    "court",
    "tribunal",
    "police",
    "army",
    "navy",
    "fleet",
    "office",
    "group",
    "society",
    "league",
    "federation",
    "authority",
    "board",
    "school",
    "hospital",
    "church",
    "club",
    "fund",
    "trust",
    "organisation",
    "organization",
    "service",
    "services",
    "parliament",
    "senate",
    "congress",
    "assembly",
    "government",
    "administration",
    "bureau",
    "command",
    "regiment",
    "brigade",
    "battalion",
    "division",
    "corps",
    "squadron",
    "wing",
    "airlines",
    "airways",
    "systems",
    "technologies",
    "industries",
    "holdings",
    "network",
    "media",
    "guard",
    "guards",
    "times",
    "post",
    "news",
    "press",
    "journal",
    "academy",
    "centre",
    "center",
    "centres",
    "centers",
    "museum",
    "library",
    "forces",
    "force",
    "secretariat",
    "directorate",
    "cabinet",
    "alliance",
    "coalition",
    "movement",
    "front",
    "brotherhood",
    "nations",
    "laboratory",
    "laboratories",
    "labs",
    "partners",
    "associates",
    "team",
    "fc",
    "united",
    "rovers",
    "athletic",
    "herald",
    "tribune",
    "gazette",
    "broadcasting",
    "television",
    "radio",
    "records",
    "studios",
    "pictures",
    "chamber",
    "motors",
    "energy",
    "initiative",
    "programme",
    "observatory",
    "watch",
    "caucus",
    "mission",
    "delegation",
    "embassy",
    "consulate",
    "exchange",
    "reserve",
    "gendarmerie",
    "commissariat",
    "insurance",
    "airline",
    "foods",
    "pharmaceuticals",
    "electronics",
    "capital",
    "consulting",
    "solutions",
    "software",
    "securities",
    "entertainment",
    "communications",
    "telecom",
    "petroleum",
    "oil",
    "gas",
    "mining",
    "steel",
    "chemicals",
    "logistics",
    "hotels",
    "resorts",
    "transport",
    "motorsports",
    "ventures",
    "investments",
    "enterprises",
    "bancorp",
    "financial",
    "trading",
    "brands",
];

/// Place head words (lower case), from the landed engine's place list.
const PLACE_HEADS: &[&str] = &[
    "sea",
    "ocean",
    "gulf",
    "bay",
    "strait",
    "straits",
    "river",
    "lake",
    "mountains",
    "mountain",
    "peninsula",
    "desert",
    "valley",
    "canal",
    "island",
    "islands",
    "basin",
    "plateau",
    "range",
    "delta",
    "channel",
    "coast",
    "region",
    "province",
    "oblast",
    "county",
    "steppe",
    "highlands",
    "lowlands",
    "isthmus",
    "archipelago",
    "hills",
    "falls",
    "glacier",
    "forest",
    "corridor",
    "heights",
    "park",
    "empire",
    "kingdom",
    "republic",
    "dynasty",
    "caliphate",
    "sultanate",
    "confederation",
    "commonwealth",
    "emirate",
    "territory",
    "territories",
    "mount",
    "mt.",
    "cape",
    "isle",
    "fort",
    "camp",
    "port",
    "street",
    "avenue",
    "road",
    "square",
    "bridge",
    "airport",
    "station",
    "district",
    "city",
    "town",
    "village",
];

/// Event head words (lower case), from the landed engine's event list.
const EVENT_HEADS: &[&str] = &[
    "war",
    "revolution",
    "olympics",
    "games",
    "cup",
    "championship",
    "championships",
    "summit",
    "festival",
    "crisis",
    "uprising",
    "massacre",
    "holocaust",
    "genocide",
    "expo",
    "offensive",
    "blitz",
    "intifada",
    "crusade",
    "crusades",
    "conference",
    "forum",
    "olympiad",
    "marathon",
    "invasion",
    "operation",
    "battle",
    "siege",
    "election",
    "elections",
    "referendum",
    "tournament",
    "series",
    "bowl",
    "grand prix",
];

/// Lower-case words that suggest an organisation nearby ("the firm", "a spokesman for").
const ORG_CONTEXT: &[&str] = &[
    "firm",
    "company",
    "carmaker",
    "automaker",
    "lender",
    "insurer",
    "retailer",
    "startup",
    "giant",
    "outlet",
    "broadcaster",
    "newspaper",
    "maker",
    "shares",
    "stock",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "employees",
    "executives",
    "headquarters",
    "shareholders",
    "ceo",
    "chairman",
    "subsidiary",
    "acquired",
    "merger",
    "founded",
    "joined",
    "members",
];

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

/// Membership in one of the lists above, through a hash set built once
/// (`set`): the tagger asks for every word of every sentence, where a scan
/// of the list cost a sixth of its run time.
fn in_list(set: &OnceLock<FxSet<&'static str>>, list: &'static [&'static str], w: &str) -> bool {
    set.get_or_init(|| list.iter().copied().collect())
        .contains(w)
}

fn is_org_head(lower: &str) -> bool {
    static S: OnceLock<FxSet<&'static str>> = OnceLock::new();
    in_list(&S, ORG_HEADS, lower)
}

fn is_org_context(lower: &str) -> bool {
    static S: OnceLock<FxSet<&'static str>> = OnceLock::new();
    in_list(&S, ORG_CONTEXT, lower)
}

/// Head-word classes of a lower-case word: org, place, event.
fn heads(lower: &str) -> [bool; 3] {
    static PLACE: OnceLock<FxSet<&'static str>> = OnceLock::new();
    static EVENT: OnceLock<FxSet<&'static str>> = OnceLock::new();
    [
        is_org_head(lower),
        in_list(&PLACE, PLACE_HEADS, lower),
        in_list(&EVENT, EVENT_HEADS, lower),
    ]
}

// ------------------------------------------------------------------ features

fn shape(w: &str) -> String {
    let mut s = String::new();
    for c in w.chars().take(12) {
        s.push(if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        });
    }
    s
}

fn short_shape(w: &str) -> String {
    let mut s = String::new();
    for c in shape(w).chars() {
        if !s.ends_with(c) {
            s.push(c);
        }
    }
    s
}

fn cap_pattern(w: &str) -> &'static str {
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        if w.chars().any(|c| c.is_numeric()) {
            "num"
        } else {
            "punct"
        }
    } else if letters.iter().all(|c| c.is_uppercase()) {
        if letters.len() == 1 {
            "init1"
        } else {
            "allcap"
        }
    } else if first.is_uppercase() {
        "initcap"
    } else if letters.iter().all(|c| c.is_lowercase()) {
        "lower"
    } else {
        "mixed"
    }
}

/// Per-sentence precomputed word information.
pub(crate) struct Sentence {
    pub(crate) emit: Vec<Vec<u32>>,
    /// Per word: the FNV-1a 64 states of the 3 transition feature bases;
    /// the previous label's name is hashed on ([`trans_hashes`]).
    pub(crate) trans: Vec<[u64; 3]>,
}

fn capped(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// An FNV-1a 64 state that text is written into with `write!`: a feature
/// hashed as it is formatted, with no string built.
struct Fnv(u64);

impl fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 = fnv1a64_continue(self.0, s.as_bytes());
        Ok(())
    }
}

/// FNV-1a 64 of formatted text (the same as `fnv1a64` of `format!`'s string).
fn fnv_of(args: fmt::Arguments) -> u64 {
    let mut h = Fnv(crate::hash::FNV_OFFSET);
    let _ = fmt::Write::write_fmt(&mut h, args);
    h.0
}

/// One word's emission features, kept as their hashes: `parts(&["l=", w])`
/// gives the hash `feature_hash("l=" + w)` would, without building the string.
struct Feats(Vec<u32>);

impl Feats {
    fn parts(&mut self, parts: &[&str]) {
        let h = parts.iter().fold(crate::hash::FNV_OFFSET, |h, p| {
            fnv1a64_continue(h, p.as_bytes())
        });
        self.0.push((h >> 32) as u32);
    }
}

/// Small numbers in feature names, as written: `DIGITS[k]` is `k` for `k`
/// in 0..=4, and `OFFSETS[d + 3]` is `d` for `d` in -3..=3.
const DIGITS: [&str; 5] = ["0", "1", "2", "3", "4"];
const OFFSETS: [&str; 7] = ["-3", "-2", "-1", "0", "1", "2", "3"];

/// Emission feature hashes and transition feature bases for a sentence.
pub(crate) fn featurise(words: &[&str], extra: Option<&[&str]>, gaz: &Gazetteer) -> Sentence {
    let n = words.len();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| short_shape(w)).collect();
    let g = gaz.lookup(&lower);
    fn get(v: &[String], i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= v.len() {
            "</s>"
        } else {
            &v[i as usize]
        }
    }
    let gaz_feats = |flags: (u8, u8), tag: &str, out: &mut Feats| {
        for (bit, name) in G_NAMES {
            if flags.0 & bit != 0 {
                out.parts(&[tag, "B", name]);
            }
            if flags.1 & bit != 0 {
                out.parts(&[tag, "I", name]);
            }
        }
    };
    // Capitalised runs ("Bank of New York"): connectors allowed inside.
    let is_conn = |k: usize| {
        matches!(
            lower[k].as_str(),
            "of" | "the" | "and" | "&" | "for" | "de" | "du" | "von" | "van" | "da" | "del" | "on"
        )
    };
    let mut run_id = vec![usize::MAX; n];
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut run_oh: Vec<bool> = Vec::new();
    let mut k = 0;
    while k < n {
        if !capped(words[k]) {
            k += 1;
            continue;
        }
        let a = k;
        let mut b = k + 1;
        loop {
            if b < n && capped(words[b]) {
                b += 1;
            } else if b + 1 < n && is_conn(b) && capped(words[b + 1]) {
                b += 2;
            } else {
                break;
            }
        }
        for r in run_id.iter_mut().take(b).skip(a) {
            *r = runs.len();
        }
        runs.push((a, b));
        run_oh.push((a..b).any(|k| is_org_head(&lower[k])));
        k = b;
    }
    // Mostly lower-case or all-caps sentences (web text, headlines).
    let n_alpha = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .count();
    let n_cap = words.iter().skip(1).filter(|w| capped(w)).count();
    let n_upper = words
        .iter()
        .filter(|w| {
            w.chars().count() > 1
                && w.chars().all(|c| !c.is_lowercase())
                && w.chars().any(|c| c.is_alphabetic())
        })
        .count();
    let sent_case = if n_alpha >= 4 && n_upper * 2 > n_alpha {
        "upper"
    } else if n_alpha >= 6 && n_cap == 0 {
        "lower"
    } else if n_alpha >= 4 && n_cap * 2 > n_alpha {
        "title"
    } else {
        "mixed"
    };
    let mut emit = Vec::with_capacity(n);
    let mut trans = Vec::with_capacity(n);
    let mut f = Feats(Vec::with_capacity(64));
    for i in 0..n {
        f.0.clear();
        let w = words[i];
        let l = &lower[i];
        let ii = i as isize;
        let cap = cap_pattern(w);
        f.parts(&["b"]);
        f.parts(&["l=", l]);
        f.parts(&["sh=", &shape(w)]);
        f.parts(&["ss=", &shapes[i]]);
        f.parts(&["cap=", cap]);
        if i == 0 {
            f.parts(&["first|cap=", cap]);
        }
        // Prefixes and suffixes of 1 to 4 characters (byte offsets of the
        // first five and last four character boundaries).
        let n_chars = l.chars().count();
        let mut heads_at = l.char_indices().map(|(b, _)| b).skip(1).chain([l.len()]);
        let mut tails_at = l.char_indices().rev().map(|(b, _)| b);
        for digit in &DIGITS[1..=4.min(n_chars)] {
            let (p_end, s_start) = (
                heads_at.next().unwrap_or(l.len()),
                tails_at.next().unwrap_or(0),
            );
            f.parts(&["p", digit, "=", &l[..p_end]]);
            f.parts(&["s", digit, "=", &l[s_start..]]);
        }
        if n_chars > 12 {
            f.parts(&["long"]);
        }
        for d in [-2isize, -1, 1, 2] {
            f.parts(&["l", OFFSETS[(d + 3) as usize], "=", get(&lower, ii + d)]);
        }
        f.parts(&["ss-1=", get(&shapes, ii - 1)]);
        f.parts(&["ss+1=", get(&shapes, ii + 1)]);
        f.parts(&["l-1|l=", get(&lower, ii - 1), "|", l]);
        f.parts(&["l|l+1=", l, "|", get(&lower, ii + 1)]);
        f.parts(&[
            "ss-1|ss|ss+1=",
            get(&shapes, ii - 1),
            "|",
            &shapes[i],
            "|",
            get(&shapes, ii + 1),
        ]);
        // Gazetteer.
        gaz_feats(g[i], "g=", &mut f);
        if i > 0 {
            gaz_feats(g[i - 1], "g-1=", &mut f);
        }
        if i + 1 < n {
            gaz_feats(g[i + 1], "g+1=", &mut f);
        }
        if (g[i].0 | g[i].1) != 0 {
            gaz_feats(g[i], &format!("cap={cap}|g="), &mut f);
        }
        // Organisation heads: this word, or one of the next three capitalised words.
        if is_org_head(l) {
            f.parts(&["oh|cap=", cap]);
        }
        for (d, digit) in DIGITS.iter().enumerate().take(4).skip(1) {
            let j = i + d;
            if j >= n {
                break;
            }
            let inner_ok = (i + 1..j).all(|k| {
                capped(words[k]) || matches!(lower[k].as_str(), "of" | "and" | "&" | "for" | "the")
            });
            if !inner_ok {
                break;
            }
            if capped(words[j]) && is_org_head(&lower[j]) {
                f.parts(&["oh+", digit, "|cap=", cap]);
                break;
            }
        }
        if i > 0 && is_org_head(&lower[i - 1]) && capped(words[i - 1]) {
            f.parts(&["oh-1|cap=", cap]);
        }
        let hd = heads(l);
        if hd[1] {
            f.parts(&["ph|cap=", cap]);
        }
        if hd[2] {
            f.parts(&["eh|cap=", cap]);
        }
        for d in [-3isize, -2, -1, 1, 2, 3] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n && is_org_context(&lower[j as usize]) {
                f.parts(&["orgctx|cap=", cap]);
                break;
            }
        }
        if sent_case != "mixed" {
            f.parts(&["sc=", sent_case, "|cap=", cap]);
            f.parts(&["sc=", sent_case, "|l=", l]);
        }
        if run_id[i] != usize::MAX {
            let (a, b) = runs[run_id[i]];
            let len = (b - a).min(4);
            let pos = if b - a == 1 {
                "only"
            } else if i == a {
                "first"
            } else if i + 1 == b {
                "last"
            } else {
                "mid"
            };
            f.parts(&["run=", DIGITS[len], "|", pos]);
            if b - a >= 2 {
                f.parts(&["run_last=", &lower[b - 1]]);
                f.parts(&["run_first=", &lower[a], "|", pos]);
                if run_oh[run_id[i]] {
                    f.parts(&["run_oh|", pos]);
                }
                let last = heads(&lower[b - 1]);
                for (c, name) in last.iter().zip(["o", "p", "e"]) {
                    if *c {
                        f.parts(&["run_lasthead=", name, "|", pos]);
                    }
                }
                let first = heads(&lower[a]);
                for (c, name) in first.iter().zip(["o", "p", "e"]) {
                    if *c {
                        f.parts(&["run_firsthead=", name, "|", pos]);
                    }
                }
                if (g[b - 1].0 | g[b - 1].1) & (G_COUNTRY | G_CITY | G_STATE | G_REGION) != 0 {
                    f.parts(&["run_last_place|", pos]);
                }
                if g[a].0 & G_FIRST != 0 {
                    f.parts(&["run_first_name|", pos]);
                }
            }
        }
        if l == "friends" && i + 1 < n && lower[i + 1] == "of" {
            f.parts(&["friends-of"]);
        }
        // Optional per-word tags (POS).
        if let Some(x) = extra {
            let xg = |j: isize| -> &str {
                if j < 0 || j as usize >= n || j as usize >= x.len() {
                    "_"
                } else {
                    x[j as usize]
                }
            };
            f.parts(&["x=", xg(ii)]);
            f.parts(&["x-1=", xg(ii - 1)]);
            f.parts(&["x+1=", xg(ii + 1)]);
            f.parts(&["x|cap=", xg(ii), "|", cap]);
        }
        emit.push(f.0.clone());
        trans.push([
            fnv1a64(b"t|"),
            fnv_of(format_args!("t|ss={}|", shapes[i])),
            fnv_of(format_args!("t|l={l}|")),
        ]);
    }
    Sentence { emit, trans }
}

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

/// Something that scores a feature hash per label (quantised or float weights).
pub(crate) trait Scorer {
    fn add(&self, hash: u32, out: &mut [f32]);
}

impl Scorer for Weights {
    fn add(&self, hash: u32, out: &mut [f32]) {
        if let Some(w) = self.get(hash) {
            for (o, &q) in out.iter_mut().zip(w) {
                *o += q as f32;
            }
        }
    }
}

/// Transition hashes for sentence position `i` after label name `prev`.
pub(crate) fn trans_hashes(s: &Sentence, i: usize, prev: &str) -> [u32; 3] {
    // The same as `feature_hash` of the base string followed by `prev`.
    s.trans[i].map(|h| (fnv1a64_continue(h, prev.as_bytes()) >> 32) as u32)
}

/// Viterbi decoding under BIO constraints. Returns label indices.
pub(crate) fn viterbi<S: Scorer>(
    s: &Sentence,
    labels: &[Label],
    names: &[String],
    w: &S,
) -> Vec<usize> {
    let n = s.emit.len();
    let nl = labels.len();
    if n == 0 {
        return Vec::new();
    }
    let neg = f32::NEG_INFINITY;
    let mut score = vec![neg; n * nl];
    let mut back = vec![0usize; n * nl];
    let mut em = vec![0f32; nl];
    let mut tr = vec![0f32; nl];
    // The first transition feature, "t|" and the previous label, is the
    // same at every word: its weights per previous label, looked up once.
    let after: Vec<Vec<f32>> = names
        .iter()
        .map(|prev| {
            let mut t = vec![0f32; nl];
            w.add(trans_hashes(s, 0, prev)[0], &mut t);
            t
        })
        .collect();
    for i in 0..n {
        em.iter_mut().for_each(|x| *x = 0.0);
        for &h in &s.emit[i] {
            w.add(h, &mut em);
        }
        if i == 0 {
            tr.iter_mut().for_each(|x| *x = 0.0);
            for h in trans_hashes(s, 0, "<s>") {
                w.add(h, &mut tr);
            }
            for y in 0..nl {
                if labels[y].may_follow(None) {
                    score[y] = em[y] + tr[y];
                }
            }
            continue;
        }
        for p in 0..nl {
            let ps = score[(i - 1) * nl + p];
            if ps == neg {
                continue;
            }
            tr.copy_from_slice(&after[p]);
            for h in &trans_hashes(s, i, &names[p])[1..] {
                w.add(*h, &mut tr);
            }
            for y in 0..nl {
                if !labels[y].may_follow(Some(labels[p])) {
                    continue;
                }
                let v = ps + em[y] + tr[y];
                if v > score[i * nl + y] {
                    score[i * nl + y] = v;
                    back[i * nl + y] = p;
                }
            }
        }
    }
    let mut best = 0;
    for y in 0..nl {
        if score[(n - 1) * nl + y] > score[(n - 1) * nl + best] {
            best = y;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = back[i * nl + out[i]];
    }
    out
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
        let s = featurise(words, extra, self.gazetteer());
        let mut out: Vec<Label> = viterbi(&s, &self.labels, self.weights.labels(), &self.weights)
            .into_iter()
            .map(|k| self.labels[k])
            .collect();
        // A lone demonym ("Iraqi", "Israelis") is a nationality, not a name.
        for sp in spans_of(&out) {
            if sp.end - sp.start == 1 && self.demonym_only(words[sp.start]) {
                out[sp.start] = Label::O;
            }
        }
        out
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
        let mut start = 0;
        for i in 0..toks.len() {
            let w = words[i];
            let newline = i + 1 < toks.len() && text[toks[i].1..toks[i + 1].0].contains('\n');
            let end_punct = matches!(w, "." | "!" | "?" | "..." | "!!" | "??");
            // Very long "sentences" (lists, pasted data) are tagged in pieces.
            let long = i + 1 - start >= MAX_SENTENCE;
            if end_punct || newline || long || i + 1 == toks.len() {
                for sp in self.spans(&words[start..=i], None) {
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
    fn shapes() {
        for (w, sh, ss, cap) in [
            ("London", "Xxxxxx", "Xx", "initcap"),
            ("NATO", "XXXX", "X", "allcap"),
            ("iPhone", "xXxxxx", "xXx", "mixed"),
            ("1999", "dddd", "d", "num"),
            ("-", "-", "-", "punct"),
        ] {
            assert_eq!(
                (shape(w).as_str(), short_shape(w).as_str(), cap_pattern(w)),
                (sh, ss, cap),
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
