//! The alignment engine behind [`super::Workspace::compare`].

use std::collections::HashMap;

use super::terms::{bm25, fold, idf, term_of};
use super::values::{comparable, distance, values_agree};
use super::*;
use crate::entities::ValueKind;
use crate::text::{TokenKind, WordSet};

mod pairing;
mod relation;
mod setting;

use pairing::{comparable_of, context_of, named_numbers, pair_values, shares, thing_of};
pub(super) use relation::summary;
use relation::{explain, Setting};

/// Per-document preparation: tokens, a term id per token, a global entity
/// cluster per mention, and the context terms of each value mention.
struct Prep {
    tokens: Vec<Token>,
    terms: Vec<Option<u32>>,
    /// Per token: its folded word (every word and number, stopwords
    /// included), for the workspace TF-IDF.
    words: Vec<Option<u32>>,
    /// Per token: written in lower case (a content word outside names).
    lower: Vec<bool>,
    cluster: Vec<Option<u32>>,
    context: Vec<Ctx>,
    /// Per mention: a value that can be compared (not a bare year, a
    /// model number inside a name, the word "one" or a fraction).
    comparable: Vec<bool>,
    /// Per mention: what a value counts or measures.
    thing: Vec<Thing>,
}

/// What a value counts or measures, read from the words around it.
#[derive(Clone, Copy, Default)]
struct Thing {
    /// The noun right after a count ("1,000 *prisoners*"), with its class
    /// of people words.
    counted: Option<(u32, People)>,
    /// The nearest content word before the value that is not a verb of
    /// measuring ("the *alternative* would cost at least £70 million";
    /// "the *wall* runs for 2.4 km").
    subject: Option<u32>,
    /// A limit on an attribute of the noun before it ("prisoners *under
    /// 25*", "children *over 5*"): an age or a size, never a head count.
    limit: bool,
    /// A bound written right before the value and outside its span
    /// ("fell to *below* 9,000", "*above* 10,000"): the value is that
    /// bound, not an exact figure.
    bound: Option<crate::entities::Op>,
}

/// Whether a counted noun names people, and how generally.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum People {
    /// Not a word for people ("bodies", "homes", "trucks").
    #[default]
    No,
    /// Any people ("people", "individuals", "persons").
    Any,
    /// People of one sort ("prisoners", "soldiers", "workers").
    Some,
}

/// Words for people in general: they count the same as any people word.
static PEOPLE_ANY: WordSet = WordSet::new(concat!(
    "people|persons|person|individuals|individual|men|women|adults|humans|",
    "inhabitants|lives|",
));
/// Words for people of one sort.
static PEOPLE_SOME: WordSet = WordSet::new(concat!(
    "prisoners|prisoner|soldiers|troops|civilians|workers|employees|staff|",
    "residents|children|refugees|migrants|patients|students|victims|",
    "casualties|hostages|detainees|fighters|officers|police|voters|members|",
    "passengers|pows|captives|servicemen|personnel|",
));
/// Verbs and words of measuring that say nothing of what is measured.
static MEASURING: WordSet = WordSet::new(concat!(
    "cost|costs|costing|run|runs|ran|running|stretch|stretches|stretched|",
    "measure|measures|measured|measuring|total|totals|totalled|totaled|",
    "reach|reaches|reached|rise|rises|rose|risen|rising|fall|falls|fell|",
    "fallen|grow|grows|grew|grown|stand|stands|stood|amount|amounts|",
    "amounted|number|numbers|numbered|pay|pays|paid|spend|spends|spent|",
    "worth|valued|estimated|estimate|estimates|increase|increased|",
    "increases|decrease|decreased|drop|dropped|drops|climb|climbed|jump|",
    "jumped|exceed|exceeds|exceeded|exceeding|top|topped|hit|hits|put|puts|",
    "leave|leaves|left|involving|involve|involves|involved|including|",
    "include|includes|included|reportedly|approximately|nearly|almost|",
    "roughly|least|just|another|extra|additional|further|new|record|",
    "receive|receives|received|get|gets|got|set|sets|aside|allocate|",
    "allocates|allocated|earmark|earmarks|earmarked|budgeted|give|gives|",
    "gave|given|award|awards|awarded|raise|raises|raised|lasted|lasting|",
));
/// Fractions written as words: not counts.
static FRACTIONS: WordSet = WordSet::new("half|quarter|third|thirds|quarters|fifth|tenth|");
/// Words that put a limit on an attribute of the noun before them.
static LIMITS: WordSet = WordSet::new("under|over|below|above|aged|younger|older|");
/// Bound words the entity spans leave outside ("under" and "over" are
/// inside them): as lower (`true`) or upper bounds.
const BOUND_WORDS: &[(&str, bool)] = &[("below", false), ("beneath", false), ("above", true)];

/// The words around a value: all of them (sorted), and the nearest one on
/// each side.
#[derive(Default)]
struct Ctx {
    full: Vec<u32>,
    /// `full` without the words of measuring ([`MEASURING`]).
    plain: Vec<u32>,
    near: [Option<u32>; 2],
}

impl Ctx {
    /// Whether two values' contexts say they count the same thing.
    fn meets(&self, other: &Ctx, counts: bool) -> bool {
        if !counts {
            return shares(&self.full, &other.full);
        }
        let near = |a: &Ctx, b: &Ctx| {
            a.near
                .iter()
                .flatten()
                .any(|t| b.full.binary_search(t).is_ok())
        };
        near(self, other)
            || near(other, self)
            || self
                .full
                .iter()
                .filter(|t| other.full.binary_search(t).is_ok())
                .count()
                >= 2
    }
}

/// A sentence of a source, indexed for scoring.
struct RefSent {
    source: usize,
    sentence: usize,
    span: Span,
    len: f32,
    /// Mentions inside the sentence (a range of the source's mentions).
    mentions: std::ops::Range<usize>,
}

#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    fn id(&mut self, w: String) -> u32 {
        if let Some(&i) = self.ids.get(&w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.ids.insert(w.clone(), i);
        self.words.push(w);
        i
    }
}

/// Union-find over entity nodes.
struct Dsu(Vec<u32>);

impl Dsu {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let p = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = p;
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi as usize] = lo;
        }
    }
}

fn is_named(l: Label) -> bool {
    matches!(
        l,
        Label::Person | Label::Org | Label::Place | Label::Norp | Label::Event
    )
}

/// A folded name with single spaces ("U.S." → "us", "Türkiye" → "turkiye").
fn norm_name(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for w in f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.strip_prefix("the ").map(str::to_string).unwrap_or(out)
}

/// Initials of the capitalised words of a multi-word name ("North Atlantic
/// Treaty Organization" → "nato").
fn acronym(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let a: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .map(super::terms::lower_char)
        .collect();
    (a.len() >= 2).then_some(a)
}

/// Cross-document keys of an entity: class prefix plus folded names.
fn entity_keys(e: &crate::Entity) -> Vec<String> {
    let mut keys = Vec::new();
    if e.label == Label::Norp {
        if let Some(r) = e.related.iter().find(|r| r.kind == RelationKind::DemonymOf) {
            keys.push(format!("x:{}", norm_name(&r.name)));
            return keys;
        }
    }
    let class = match e.label {
        Label::Person => "p:",
        Label::Norp => "n:",
        _ => "x:",
    };
    let mut push = |k: String| {
        if k.len() > 2 && !keys.contains(&k) {
            keys.push(k);
        }
    };
    push(format!("{class}{}", norm_name(&e.name)));
    for a in &e.aliases {
        push(format!("{class}{}", norm_name(a)));
    }
    if e.label == Label::Person {
        if let Some(last) = norm_name(&e.name).rsplit(' ').next() {
            push(format!("p:{last}"));
        }
    } else if e.label == Label::Org {
        if let Some(a) = acronym(&e.name) {
            push(format!("x:{a}"));
        }
    }
    keys
}

/// Global cluster ids for the named entities of every document
/// (`[article, sources…]`), as `clusters[doc][entity]`.
fn clusters(docs: &[&Source]) -> Vec<Vec<Option<u32>>> {
    let mut node_of: Vec<Vec<Option<u32>>> = Vec::new();
    let mut keys_of: Vec<Vec<String>> = Vec::new();
    let mut key_node: HashMap<String, u32> = HashMap::new();
    let mut dsu = Dsu(Vec::new());
    let mut single: Vec<(u32, String)> = Vec::new();
    for d in docs {
        let mut row = Vec::with_capacity(d.analysis.entities.len());
        for e in &d.analysis.entities {
            if !is_named(e.label) {
                row.push(None);
                continue;
            }
            let node = dsu.0.len() as u32;
            dsu.0.push(node);
            let keys = entity_keys(e);
            for k in &keys {
                match key_node.get(k) {
                    Some(&other) => dsu.union(node, other),
                    None => {
                        key_node.insert(k.clone(), node);
                    }
                }
            }
            let n = norm_name(&e.name);
            if e.label == Label::Person && !n.contains(' ') {
                single.push((node, n));
            }
            keys_of.push(keys);
            row.push(Some(node));
        }
        node_of.push(row);
    }
    // A lone name ("Xi") meets the one full name whose first word it is.
    if !single.is_empty() {
        let mut first: HashMap<String, Vec<u32>> = HashMap::new();
        for keys in &keys_of {
            if let Some(full) = keys.first().and_then(|k| k.strip_prefix("p:")) {
                if let Some((f, _)) = full.split_once(' ') {
                    let node = key_node[&keys[0]];
                    first.entry(f.to_string()).or_default().push(node);
                }
            }
        }
        for (node, name) in single {
            if let Some(nodes) = first.get(&name) {
                let mut roots: Vec<u32> = nodes.iter().map(|&n| dsu.find(n)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    dsu.union(node, roots[0]);
                }
            }
        }
    }
    node_of
        .into_iter()
        .map(|row| row.into_iter().map(|n| n.map(|n| dsu.find(n))).collect())
        .collect()
}

/// Index of the first token starting at or after `byte`.
fn token_at(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| t.span.start < byte)
}

/// A mention's tokens (`first..end`) and its sentence's (`lo..hi`), all
/// within `tokens` (an analysis made elsewhere may name other indices).
fn value_tokens(
    a: &Analysis,
    tokens: &[Token],
    m: &crate::Mention,
) -> (usize, usize, usize, usize) {
    let first = token_at(tokens, m.span.start);
    let end = token_at(tokens, m.span.end);
    let k = a.sentences.partition_point(|s| s.span.end <= m.span.start);
    let (lo, hi) = a
        .sentences
        .get(k)
        .filter(|s| s.span.contains(m.span))
        .map(|s| (s.first_token, s.end_token))
        .unwrap_or((0, tokens.len()));
    (first, end, lo.min(tokens.len()), hi.min(tokens.len()))
}

/// Punctuation and conjunctions that end a value's context; a comma only
/// once two terms are taken ("Sweden, which lasted 21 years" reaches
/// "Sweden").
fn is_barrier(t: &Token, text: &str, taken: usize) -> bool {
    match t.text(text) {
        "," => taken >= 2,
        w => matches!(
            w,
            ";" | ":" | "(" | ")" | "and" | "or" | "but" | "while" | "whereas"
        ),
    }
}

/// Token pieces of about this many bytes are tokenized per step.
const PREP_BYTES: usize = 32 * 1024;
/// Tokens given their term and word ids per step.
const PREP_TOKENS: usize = 8_192;
/// Value mentions read per step.
const PREP_MENTIONS: usize = 2_048;

/// A document's [`Prep`] in steps: its text tokenized a piece at a time
/// (cut at whitespace, as [`crate::chunked`] cuts), then its tokens given
/// their term ids, then its mentions read. [`Prep`] is the same whatever
/// the steps: the vocabularies grow in token order.
struct Preparing {
    cuts: Vec<usize>,
    /// The next piece to tokenize.
    piece: usize,
    /// Tokens given ids so far.
    done_tokens: usize,
    /// Mentions read so far.
    done_mentions: usize,
    prep: Prep,
}

impl Preparing {
    fn new(src: &Source) -> Preparing {
        let text = &src.doc.text;
        Preparing {
            cuts: crate::chunked::cuts(text, PREP_BYTES),
            piece: 0,
            done_tokens: 0,
            done_mentions: 0,
            prep: Preparing::new_prep(),
        }
    }

    /// One step; the [`Prep`] when done.
    fn step(
        &mut self,
        src: &Source,
        clusters: &[Option<u32>],
        named: &[String],
        vocab: &mut Vocab,
        wvocab: &mut Vocab,
    ) -> Option<Prep> {
        let text = &src.doc.text;
        let a = &src.analysis;
        let p = &mut self.prep;
        if self.piece + 1 < self.cuts.len() {
            let (from, to) = (self.cuts[self.piece], self.cuts[self.piece + 1]);
            let shift = |mut t: Token| {
                t.span = Span::new(t.span.start + from, t.span.end + from);
                t
            };
            p.tokens
                .extend(tokenize(&text[from..to]).into_iter().map(shift));
            self.piece += 1;
            return None;
        }
        if self.done_tokens < p.tokens.len() {
            let to = (self.done_tokens + PREP_TOKENS).min(p.tokens.len());
            for t in &p.tokens[self.done_tokens..to] {
                p.terms.push(term_of(t, text).map(|w| vocab.id(w)));
                p.words.push(
                    matches!(
                        t.kind,
                        TokenKind::Word | TokenKind::Abbrev | TokenKind::Number
                    )
                    .then(|| wvocab.id(fold(t.text(text)))),
                );
                p.lower
                    .push(t.text(text).chars().next().is_some_and(char::is_lowercase));
            }
            self.done_tokens = to;
            return None;
        }
        if self.done_mentions < a.mentions.len() {
            let to = (self.done_mentions + PREP_MENTIONS).min(a.mentions.len());
            for m in &a.mentions[self.done_mentions..to] {
                p.cluster.push(clusters.get(m.entity).copied().flatten());
                p.context.push(context_of(a, &p.tokens, &p.terms, text, m));
                p.comparable
                    .push(comparable_of(a, &p.tokens, text, m, named));
                p.thing.push(thing_of(a, &p.tokens, &p.terms, text, m));
            }
            self.done_mentions = to;
            if to < a.mentions.len() {
                return None;
            }
        }
        Some(std::mem::replace(p, Preparing::new_prep()))
    }

    fn new_prep() -> Prep {
        Prep {
            tokens: Vec::new(),
            terms: Vec::new(),
            words: Vec::new(),
            lower: Vec::new(),
            cluster: Vec::new(),
            context: Vec::new(),
            comparable: Vec::new(),
            thing: Vec::new(),
        }
    }
}

/// A cluster naming a place ([`Label::Place`], [`Label::Norp`]).
const PLACE: u8 = 1;
/// A cluster naming a person or an organisation.
const ACTOR: u8 = 2;

/// The best two scores of a source's statements, and which is the best.
#[derive(Clone, Copy, Default)]
struct Best {
    best: f32,
    at: Option<u32>,
    second: f32,
}

impl Best {
    fn add(&mut self, s: u32, x: f32) {
        if self.at.is_none() || x > self.best {
            self.second = self.best;
            self.best = x;
            self.at = Some(s);
        } else if x > self.second {
            self.second = x;
        }
    }
    /// This score's margin over the best of the source's other statements;
    /// 0 in a source of one statement (nothing to be nearer than).
    fn margin(&self, s: u32, x: f32, statements: usize) -> f32 {
        if statements < 2 {
            0.0
        } else if self.at == Some(s) {
            x - self.second
        } else {
            x - self.best
        }
    }
}

/// One source statement scored against one claim.
#[derive(Clone)]
struct Cand {
    sent: u32,
    features: [f32; N_FEATURES],
    e: f32,
    l: f32,
    pairs: Vec<ValuePair>,
}

/// The sources' sentences indexed: term, word and entity postings.
#[derive(Default)]
struct Index {
    sents: Vec<RefSent>,
    term_post: Vec<Vec<(u32, f32)>>,
    ent_post: HashMap<u32, Vec<u32>>,
    total_len: f32,
    /// Word document frequencies over every sentence of the workspace.
    wdf: Vec<u32>,
    wpost: Vec<Vec<(u32, f32)>>,
    n_all: usize,
}

/// The weights and norms the scores need, once the index is complete.
struct Norms {
    n: usize,
    idf_max: f32,
    bg_max: f32,
    avg: f32,
    /// Per term: its background IDF (or the sources' own).
    bg: Vec<f32>,
    /// TF-IDF norms of the statements, with background IDF.
    norm: Vec<f32>,
    widf: Vec<f32>,
    wnorm: Vec<f32>,
}

/// Per-statement accumulators reused from claim to claim (reset after each).
#[derive(Default)]
struct Scratch {
    lex: Vec<f32>,
    dot: Vec<f32>,
    rare: Vec<f32>,
    ent: Vec<f32>,
    hits: Vec<u16>,
    wdot: Vec<f32>,
    pred: Vec<f32>,
    eflags: Vec<u8>,
    touched: Vec<u32>,
    wtouched: Vec<u32>,
}

/// Where a comparison in steps stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Find the entity clusters across the documents.
    Clusters,
    /// Prepare document `doc` (0: the article, then the sources).
    Prepare { doc: usize },
    /// Index the sentences of source `src` from `sent` on; `mention` is
    /// the first of its mentions not yet passed.
    Index {
        src: usize,
        sent: usize,
        mention: usize,
    },
    /// Weights and norms over the complete index.
    Norms,
    /// Score (and, when comparing, explain) claim `claim`.
    Claims { claim: usize },
    /// Finished.
    Done,
}

/// Source sentences indexed per step: a few milliseconds' work.
const INDEX_STEP: usize = 1_000;

/// A comparison of a workspace in steps, each a few milliseconds' work on
/// typical documents ([`Scoring::step`]): a piece of a document prepared
/// ([`Preparing`]), a thousand source sentences indexed, or one claim
/// scored and explained.
/// [`compare`] and [`features`] run it to the end in one go, so a
/// comparison in steps is the comparison.
pub(super) struct Scoring {
    stage: Stage,
    /// Explain each claim's best statements as soon as it is scored
    /// (comparing), or keep every candidate with its features (fitting).
    explain: bool,
    cl: Vec<Vec<Option<u32>>>,
    /// What kind of thing each cluster is: a place, or a person or
    /// organisation.
    kind_of: HashMap<u32, u8>,
    /// Clusters that name a place, sorted.
    places: Vec<u32>,
    /// The day each document was written (article, then sources), where
    /// known ([`setting::doc_day`]).
    days: Vec<Option<i64>>,
    /// Figures that name a thing in some document of the workspace
    /// ([`named_numbers`]), sorted.
    named_numbers: Vec<String>,
    vocab: Vocab,
    wvocab: Vocab,
    preps: Vec<Prep>,
    /// The document being prepared.
    preparing: Option<Preparing>,
    index: Index,
    norms: Option<Norms>,
    scratch: Scratch,
    /// Per article claim scored: its entity clusters and candidates (kept
    /// only when not explaining).
    claims: Vec<(Vec<u32>, Vec<Cand>)>,
    /// Per source, the TF-IDF cosine of its terms and the article's
    /// ([`doc_cosines`]).
    doc_cos: Vec<f32>,
    out: Vec<ClaimAlignments>,
    /// Steps taken, and in all (an estimate until the index is built).
    steps: usize,
}

/// The article then the sources.
fn docs_of(ws: &Workspace) -> Vec<&Source> {
    let mut docs: Vec<&Source> = vec![&ws.article];
    docs.extend(ws.sources.iter());
    docs
}

/// A sentence's folded words with their counts, by word id.
fn sentence_words(p: &Prep, s: &crate::text::Sentence) -> Vec<(u32, f32)> {
    let mut ws: Vec<u32> = (s.first_token..s.end_token.min(p.tokens.len()))
        .filter_map(|i| p.words[i])
        .collect();
    ws.sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let j = ws[i..].iter().take_while(|&&t| t == ws[i]).count();
        out.push((ws[i], j as f32));
        i += j;
    }
    out
}

impl Scoring {
    /// Start comparing `ws` (the same workspace must be given to every
    /// step).
    pub(super) fn new(ws: &Workspace, explain: bool) -> Scoring {
        Scoring {
            stage: Stage::Clusters,
            explain,
            cl: Vec::new(),
            kind_of: HashMap::new(),
            places: Vec::new(),
            days: Vec::new(),
            named_numbers: Vec::new(),
            vocab: Vocab::default(),
            wvocab: Vocab::default(),
            preps: Vec::with_capacity(1 + ws.sources.len()),
            preparing: None,
            index: Index::default(),
            norms: None,
            scratch: Scratch::default(),
            claims: Vec::new(),
            doc_cos: Vec::new(),
            out: Vec::with_capacity(ws.article.analysis.claims.len()),
            steps: 0,
        }
    }

    /// The entity clusters across the documents, and what kind of thing
    /// each is.
    fn clusters(&mut self, ws: &Workspace) {
        let docs = docs_of(ws);
        self.cl = clusters(&docs);
        self.days = docs.iter().map(|d| setting::doc_day(d)).collect();
        let mut named: Vec<String> = (docs.iter())
            .flat_map(|d| named_numbers(&d.analysis, &d.doc.text))
            .collect();
        named.sort_unstable();
        named.dedup();
        self.named_numbers = named;
        for (d, row) in docs.iter().zip(&self.cl) {
            for (e, c) in d.analysis.entities.iter().zip(row) {
                if let Some(c) = c {
                    let k = match e.label {
                        Label::Place | Label::Norp => PLACE,
                        Label::Person | Label::Org => ACTOR,
                        _ => 0,
                    };
                    *self.kind_of.entry(*c).or_default() |= k;
                }
            }
        }
        self.places = self
            .kind_of
            .iter()
            .filter(|(_, &k)| k & PLACE != 0)
            .map(|(&c, _)| c)
            .collect();
        self.places.sort_unstable();
    }

    /// Steps taken and steps in all.
    pub(super) fn progress(&self, ws: &Workspace) -> (usize, usize) {
        let sents: usize = ws
            .sources
            .iter()
            .map(|s| s.analysis.sentences.len().div_ceil(INDEX_STEP))
            .sum();
        // Preparing a document: its pieces, tokens and mentions, a step each.
        let prep: usize = docs_of(ws)
            .iter()
            .map(|d| {
                let tokens = d.doc.text.len() / 5;
                d.doc.text.len().div_ceil(PREP_BYTES)
                    + tokens.div_ceil(PREP_TOKENS)
                    + d.analysis.mentions.len().div_ceil(PREP_MENTIONS)
                    + 1
            })
            .sum();
        let total = 1 + prep + sents + 1 + ws.article.analysis.claims.len();
        if self.stage == Stage::Done {
            return (total, total);
        }
        (self.steps.min(total), total)
    }

    /// Take the next step; true when the comparison is complete.
    pub(super) fn step(&mut self, ws: &Workspace) -> bool {
        let n_docs = 1 + ws.sources.len();
        self.stage = match self.stage {
            Stage::Clusters => {
                self.clusters(ws);
                Stage::Prepare { doc: 0 }
            }
            Stage::Prepare { doc } => {
                let src = if doc == 0 {
                    &ws.article
                } else {
                    &ws.sources[doc - 1]
                };
                let job = self.preparing.get_or_insert_with(|| Preparing::new(src));
                let Some(p) = job.step(
                    src,
                    &self.cl[doc],
                    &self.named_numbers,
                    &mut self.vocab,
                    &mut self.wvocab,
                ) else {
                    self.steps += 1;
                    return false;
                };
                self.preparing = None;
                self.preps.push(p);
                if doc + 1 < n_docs {
                    Stage::Prepare { doc: doc + 1 }
                } else {
                    self.start_index(ws);
                    Stage::Index {
                        src: 0,
                        sent: 0,
                        mention: 0,
                    }
                }
            }
            Stage::Index { src, sent, mention } => {
                if src >= ws.sources.len() {
                    Stage::Norms
                } else {
                    let (sent, mention) = self.index_sentences(ws, src, sent, mention);
                    if sent < ws.sources[src].analysis.sentences.len() {
                        Stage::Index { src, sent, mention }
                    } else if src + 1 < ws.sources.len() {
                        Stage::Index {
                            src: src + 1,
                            sent: 0,
                            mention: 0,
                        }
                    } else {
                        Stage::Norms
                    }
                }
            }
            Stage::Norms => {
                let norms = self.norms();
                self.doc_cos = doc_cosines(&self.preps, &norms.bg);
                self.norms = Some(norms);
                let n = self.index.sents.len();
                let s = &mut self.scratch;
                s.lex = vec![0.0; n];
                s.dot = vec![0.0; n];
                s.rare = vec![0.0; n];
                s.ent = vec![0.0; n];
                s.hits = vec![0; n];
                s.wdot = vec![0.0; n];
                s.pred = vec![0.0; n];
                s.eflags = vec![0; n];
                if ws.article.analysis.claims.is_empty() {
                    Stage::Done
                } else {
                    Stage::Claims { claim: 0 }
                }
            }
            Stage::Claims { claim } => {
                let scored = self.score_claim(ws, claim);
                if self.explain {
                    let c = self.explain_claim(ws, claim, scored);
                    self.out.push(c);
                } else {
                    self.claims.push(scored);
                }
                if claim + 1 < ws.article.analysis.claims.len() {
                    Stage::Claims { claim: claim + 1 }
                } else {
                    Stage::Done
                }
            }
            Stage::Done => Stage::Done,
        };
        self.steps += 1;
        self.stage == Stage::Done
    }

    /// Run the remaining steps.
    pub(super) fn run(&mut self, ws: &Workspace) {
        while !self.step(ws) {}
    }

    /// The comparison (after the last step).
    pub(super) fn comparison(self, ws: &Workspace) -> Comparison {
        Comparison {
            claims: self.out,
            sources: ws.sources.len(),
        }
    }

    /// The article's sentences count in the word document frequencies.
    fn start_index(&mut self, ws: &Workspace) {
        let ix = &mut self.index;
        ix.wdf = vec![0u32; self.wvocab.words.len()];
        ix.wpost = vec![Vec::new(); self.wvocab.words.len()];
        ix.term_post = vec![Vec::new(); self.vocab.words.len()];
        for s in &ws.article.analysis.sentences {
            ix.n_all += 1;
            for (w, _) in sentence_words(&self.preps[0], s) {
                ix.wdf[w as usize] += 1;
            }
        }
    }

    /// Index up to [`INDEX_STEP`] sentences of source `si` from `from`
    /// (`mi`: its first mention not yet passed); where the next step
    /// starts.
    fn index_sentences(
        &mut self,
        ws: &Workspace,
        si: usize,
        from: usize,
        mut mi: usize,
    ) -> (usize, usize) {
        let p = &self.preps[si + 1];
        let a = &ws.sources[si].analysis;
        let ix = &mut self.index;
        let to = (from + INDEX_STEP).min(a.sentences.len());
        for (k, s) in a.sentences.iter().enumerate().take(to).skip(from) {
            let id = ix.sents.len() as u32;
            ix.n_all += 1;
            for (w, tf) in sentence_words(p, s) {
                ix.wdf[w as usize] += 1;
                ix.wpost[w as usize].push((id, tf));
            }
            let mut ts: Vec<u32> = (s.first_token..s.end_token.min(p.tokens.len()))
                .filter_map(|i| p.terms[i])
                .collect();
            let len = ts.len() as f32;
            ts.sort_unstable();
            let mut i = 0;
            while i < ts.len() {
                let j = ts[i..].iter().take_while(|&&t| t == ts[i]).count();
                ix.term_post[ts[i] as usize].push((id, j as f32));
                i += j;
            }
            while mi < a.mentions.len() && a.mentions[mi].span.start < s.span.start {
                mi += 1;
            }
            let m0 = mi;
            while mi < a.mentions.len() && a.mentions[mi].span.end <= s.span.end {
                mi += 1;
            }
            let mut cs: Vec<u32> = (m0..mi).filter_map(|m| p.cluster[m]).collect();
            cs.sort_unstable();
            cs.dedup();
            for c in cs {
                ix.ent_post.entry(c).or_default().push(id);
            }
            ix.total_len += len;
            ix.sents.push(RefSent {
                source: si,
                sentence: k,
                span: s.span,
                len,
                mentions: m0..mi,
            });
        }
        (to, mi)
    }

    fn norms(&self) -> Norms {
        let ix = &self.index;
        let n = ix.sents.len();
        let idf_max = idf(n, 0);
        let bg_max = super::background::idf("\u{0}").unwrap_or(idf_max);
        let avg = if n > 0 { ix.total_len / n as f32 } else { 1.0 };
        let bg: Vec<f32> = self
            .vocab
            .words
            .iter()
            .enumerate()
            .map(|(t, w)| {
                super::background::idf(w).unwrap_or_else(|| idf(n, ix.term_post[t].len()))
            })
            .collect();
        let norm = l2_norms(n, &ix.term_post, &bg);
        let widf: Vec<f32> = ix
            .wdf
            .iter()
            .map(|&d| ((1.0 + ix.n_all as f32) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let wnorm = l2_norms(n, &ix.wpost, &widf);
        Norms {
            n,
            idf_max,
            bg_max,
            avg,
            bg,
            norm,
            widf,
            wnorm,
        }
    }

    /// Claim `ci`'s entity clusters and its candidate statements with
    /// their features.
    fn score_claim(&mut self, ws: &Workspace, ci: usize) -> (Vec<u32>, Vec<Cand>) {
        let Scoring {
            cl,
            kind_of,
            preps,
            index,
            norms,
            scratch,
            ..
        } = self;
        let Some(Norms {
            n,
            idf_max,
            bg_max,
            avg,
            bg,
            norm,
            widf,
            wnorm,
        }) = norms.as_ref()
        else {
            return (Vec::new(), Vec::new());
        };
        let (n, idf_max, bg_max, avg) = (*n, *idf_max, *bg_max, *avg);
        let Index {
            sents,
            term_post,
            ent_post,
            wpost,
            ..
        } = &*index;
        let Scratch {
            lex,
            dot,
            rare,
            ent,
            hits,
            wdot,
            pred,
            eflags,
            touched,
            wtouched,
        } = scratch;
        let art = &ws.article;
        let ap = &preps[0];
        let claim = &art.analysis.claims[ci];
        // Claim terms (unique) and their BM25 and TF-IDF contributions.
        let t0 = token_at(&ap.tokens, claim.span.start);
        let t1 = token_at(&ap.tokens, claim.span.end);
        let mut cterms: Vec<u32> = (t0..t1).filter_map(|i| ap.terms[i]).collect();
        cterms.sort_unstable();
        cterms.dedup();
        // Lower-case content words: the predicate and event nouns, not names.
        let mut cpred: Vec<u32> = (t0..t1)
            .filter(|&i| ap.lower[i])
            .filter_map(|i| ap.terms[i])
            .collect();
        cpred.sort_unstable();
        cpred.dedup();
        let pred_den: f32 = cpred.iter().map(|&t| bg[t as usize]).sum();
        // The claim's words for the workspace TF-IDF.
        let mut cwords: Vec<u32> = (t0..t1).filter_map(|i| ap.words[i]).collect();
        cwords.sort_unstable();
        let mut cwnorm = 0.0f32;
        let mut i = 0;
        while i < cwords.len() {
            let j = cwords[i..].iter().take_while(|&&t| t == cwords[i]).count();
            let t = cwords[i] as usize;
            let cw = j as f32 * widf[t];
            cwnorm += cw * cw;
            for &(s, tf) in &wpost[t] {
                if wdot[s as usize] == 0.0 {
                    wtouched.push(s);
                }
                wdot[s as usize] += cw * tf * widf[t];
            }
            i += j;
        }
        let cwnorm = cwnorm.sqrt().max(1e-6);
        let mut lex_den = 0.0;
        let mut cnorm = 0.0f32;
        for &t in &cterms {
            let post = &term_post[t as usize];
            let w = idf(n, post.len());
            let b = bg[t as usize];
            let is_pred = cpred.binary_search(&t).is_ok();
            cnorm += b * b;
            if post.is_empty() {
                lex_den += ABSENT_TERM_WEIGHT;
                continue;
            }
            lex_den += w;
            for &(s, tf) in post {
                let s = s as usize;
                if lex[s] == 0.0 && ent[s] == 0.0 {
                    touched.push(s as u32);
                }
                lex[s] += bm25(w, tf, sents[s].len, avg);
                dot[s] += b * tf * b;
                rare[s] = rare[s].max(b / bg_max);
                hits[s] = hits[s].saturating_add(1);
                if is_pred {
                    pred[s] += b;
                }
            }
        }
        let cnorm = cnorm.sqrt().max(1e-6);
        // Claim entities (clusters) and their weights.
        // The named speaker is who says it, not what it is about: a feature
        // of its own, not counted as a subject.
        let speaker_cluster = match &claim.speaker {
            crate::Speaker::Entity { entity, .. } => cl[0].get(*entity).copied().flatten(),
            _ => None,
        };
        let mut cclusters: Vec<u32> = claim
            .mentions
            .iter()
            .filter_map(|&m| ap.cluster.get(m).copied().flatten())
            .filter(|&c| Some(c) != speaker_cluster)
            .collect();
        cclusters.sort_unstable();
        cclusters.dedup();
        let mut ent_den = 0.0;
        for c in &cclusters {
            let post = ent_post.get(c).map(Vec::as_slice).unwrap_or(&[]);
            let w = idf(n, post.len());
            let k = kind_of.get(c).copied().unwrap_or(0);
            ent_den += w;
            for &s in post {
                if lex[s as usize] == 0.0 && ent[s as usize] == 0.0 {
                    touched.push(s);
                }
                ent[s as usize] += w;
                eflags[s as usize] |= k;
            }
        }
        let speaker_sents: &[u32] = speaker_cluster
            .and_then(|c| ent_post.get(&c))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let claim_values: Vec<usize> = claim
            .mentions
            .iter()
            .copied()
            .filter(|&m| art.analysis.mentions[m].value.is_some())
            .collect();
        let k = art
            .analysis
            .sentences
            .partition_point(|s| s.span.end <= claim.span.start);

        touched.sort_unstable();
        let mut cands: Vec<Cand> = Vec::with_capacity(touched.len());
        // Per source, the best two cosines (both kinds) and where the best is.
        let mut best_cos = vec![Best::default(); ws.sources.len()];
        let mut best_wcos = vec![Best::default(); ws.sources.len()];
        for &s in wtouched.iter() {
            let su = s as usize;
            best_wcos[sents[su].source].add(s, wdot[su] / (wnorm[su] * cwnorm));
        }
        let claim_kinds: Vec<(ValueKind, &Value)> = claim_values
            .iter()
            .filter(|&&m| ap.comparable[m])
            .filter_map(|&m| art.analysis.mentions[m].value.as_ref())
            .map(|v| (v.kind(), v))
            .collect();
        for &s in touched.iter() {
            let su = s as usize;
            let rs = &sents[su];
            let l = if lex_den > 0.0 {
                (lex[su] / lex_den).min(1.0)
            } else {
                0.0
            };
            let e = (ent[su] / ent_den.max(idf_max)).min(1.0).sqrt();
            let cos = dot[su] / (norm[su] * cnorm);
            best_cos[rs.source].add(s, cos);
            let pairs = if claim_values.is_empty() {
                Vec::new()
            } else {
                let src = &ws.sources[rs.source];
                pair_values(
                    (art, ap),
                    &claim_values,
                    (src, &preps[rs.source + 1]),
                    rs,
                    false,
                )
            };
            let mut f = [0.0f32; N_FEATURES];
            f[0] = 1.0;
            f[1] = cos;
            f[3] = l;
            f[4] = e;
            f[5] = (1.0 + hits[su] as f32).ln();
            f[6] = rare[su];
            f[7] = pairs.iter().any(|p| p.agrees) as u8 as f32;
            f[8] = pairs.iter().any(|p| !p.agrees) as u8 as f32;
            f[9] = 1.0 / (1.0 + rs.sentence as f32);
            f[10] = 1.0 / (1.0 + k as f32);
            f[11] = (1.0 + rs.len).ln() / 4.0;
            f[12] = speaker_sents.binary_search(&s).is_ok() as u8 as f32;
            f[13] = wdot[su] / (wnorm[su] * cwnorm);
            f[15] = if pred_den > 0.0 {
                (pred[su] / pred_den).min(1.0)
            } else {
                0.0
            };
            f[16] = (eflags[su] & PLACE != 0) as u8 as f32;
            f[17] = (eflags[su] & ACTOR != 0) as u8 as f32;
            let sp = &preps[rs.source + 1];
            let src = &ws.sources[rs.source];
            let (mut date_ok, mut dates, mut same_kind) = (false, false, false);
            for rm in rs.mentions.clone() {
                let Some(rv) = &src.analysis.mentions[rm].value else {
                    continue;
                };
                if !sp.comparable[rm] {
                    continue;
                }
                let rk = rv.kind();
                for &(ck, cv) in &claim_kinds {
                    let date = |k| matches!(k, ValueKind::Date | ValueKind::Year);
                    if date(ck) && date(rk) {
                        dates = true;
                        date_ok |= comparable(cv, rv) && values_agree(cv, rv);
                    } else if ck == rk && comparable(cv, rv) {
                        same_kind = true;
                    }
                }
            }
            f[18] = date_ok as u8 as f32;
            f[19] = (dates && !date_ok) as u8 as f32;
            f[20] = same_kind as u8 as f32;
            f[21] = (1.0 + cterms.len() as f32).ln() / 4.0;
            cands.push(Cand {
                sent: s,
                features: f,
                e,
                l,
                pairs,
            });
        }
        for c in &mut cands {
            let src = sents[c.sent as usize].source;
            let k = ws.sources[src].analysis.sentences.len();
            c.features[2] = best_cos[src].margin(c.sent, c.features[1], k);
            c.features[14] = best_wcos[src].margin(c.sent, c.features[13], k);
        }
        for &s in wtouched.iter() {
            wdot[s as usize] = 0.0;
        }
        wtouched.clear();
        for &s in touched.iter() {
            let s = s as usize;
            lex[s] = 0.0;
            dot[s] = 0.0;
            rare[s] = 0.0;
            ent[s] = 0.0;
            hits[s] = 0;
            pred[s] = 0.0;
            eflags[s] = 0;
        }
        touched.clear();
        (cclusters, cands)
    }

    /// Claim `ci`'s alignments from its scored candidates: per source its
    /// best-ranked statement, kept where the counterpart model says the
    /// source states the claim's fact, explained.
    fn explain_claim(
        &self,
        ws: &Workspace,
        ci: usize,
        (cclusters, cands): (Vec<u32>, Vec<Cand>),
    ) -> ClaimAlignments {
        let art = &ws.article;
        let ap = &self.preps[0];
        let sents = &self.index.sents;
        let claim = &art.analysis.claims[ci];
        let claim_has_values = claim
            .mentions
            .iter()
            .any(|&m| art.analysis.mentions[m].value.is_some() && ap.comparable[m]);
        // Per source, its best-ranked statement (a source counts once), the
        // second's ranking logit and how many candidates it has.
        let mut best: Vec<Option<(f32, Cand)>> = vec![None; ws.sources.len()];
        let mut second: Vec<Option<f32>> = vec![None; ws.sources.len()];
        let mut count: Vec<usize> = vec![0; ws.sources.len()];
        for c in cands {
            let z = logit(&c.features, &WEIGHTS);
            let src = sents[c.sent as usize].source;
            count[src] += 1;
            let slot = &mut best[src];
            match slot {
                Some(b) if z <= b.0 => {
                    if second[src].is_none_or(|s| z > s) {
                        second[src] = Some(z);
                    }
                }
                _ => {
                    if let Some(b) = slot.as_ref() {
                        second[src] = Some(b.0);
                    }
                    *slot = Some((z, c));
                }
            }
        }
        let mut alignments: Vec<Alignment> = Vec::new();
        for (src, b) in best.into_iter().enumerate() {
            let Some((z, c)) = b else { continue };
            // A best statement that shares one word and no entity with the
            // claim is never a match, whatever the rest of the evidence.
            if c.features[5] < ONE_WORD && c.e == 0.0 || !meets_event(&c.features) {
                continue;
            }
            let x =
                counterpart_features(&c.features, z, second[src], count[src], self.doc_cos[src]);
            let p = counterpart_probability(&x, &COUNTERPART_WEIGHTS);
            if p < COUNTERPART_MIN {
                continue;
            }
            let rs = &sents[c.sent as usize];
            let src = &ws.sources[rs.source];
            let sp = &self.preps[rs.source + 1];
            // The chosen statement's values paired again, now also by a
            // telling match ([`pairing::telling_match`]).
            let pairs = if c.pairs.is_empty() && !claim_has_values {
                c.pairs
            } else {
                let cv: Vec<usize> = (claim.mentions.iter().copied())
                    .filter(|&m| art.analysis.mentions[m].value.is_some())
                    .collect();
                pair_values((art, ap), &cv, (src, sp), rs, true)
            };
            let days = (self.days[0], self.days[rs.source + 1]);
            let setting = Setting {
                date_conflict: c.features[19] > 0.0,
                places: &self.places,
                days_apart: days.0.zip(days.1).map(|(a, b)| (a - b).abs()),
            };
            let mut al = explain(
                art,
                ap,
                claim,
                &cclusters,
                src,
                sp,
                rs,
                p,
                c.e,
                c.l,
                pairs,
                &self.vocab,
                setting,
            );
            // A claim with a figure agrees only where the figure does.
            if al.relation == Relation::Agrees && al.values.is_empty() && claim_has_values {
                al.relation = Relation::AddsContext;
            }
            alignments.push(al);
        }
        // Best first; equal scores by source.
        crate::order::sort_by_key(&mut alignments, |a| {
            u64::from(!crate::order::f32_key(a.score)) << 32 | crate::order::field(a.source, 32)
        });
        let relation = summary(&alignments);
        ClaimAlignments {
            claim: ci,
            relation,
            alignments,
        }
    }
}

/// The alignment features of every claim of the workspace's article against
/// every statement of its sources that shares a term or an entity with it:
/// `(claim, source, sentence, features)`, for fitting [`WEIGHTS`].
pub(super) fn features(ws: &Workspace) -> AlignmentFeatures {
    let mut sc = Scoring::new(ws, false);
    sc.run(ws);
    let mut rows = Vec::new();
    for (ci, (_, cands)) in sc.claims.iter().enumerate() {
        for c in cands {
            let rs = &sc.index.sents[c.sent as usize];
            rows.push((ci, rs.source, rs.sentence, c.features));
        }
    }
    AlignmentFeatures {
        rows,
        doc_cos: sc.doc_cos,
    }
}

/// Per source, the TF-IDF cosine of all its terms and all the article's
/// (`preps[0]`), with the terms' background IDF `bg`: how close the two
/// documents are as a whole, the baseline a claim's best statement is
/// read against (in documents on one story every sentence looks alike).
fn doc_cosines(preps: &[Prep], bg: &[f32]) -> Vec<f32> {
    // A document's terms with their TF-IDF weights, by term id.
    let vector = |p: &Prep| -> Vec<(u32, f32)> {
        let mut ts: Vec<u32> = p.terms.iter().flatten().copied().collect();
        ts.sort_unstable();
        let mut v: Vec<(u32, f32)> = Vec::new();
        for t in ts {
            let w = bg.get(t as usize).copied().unwrap_or(0.0);
            match v.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => v.push((t, w)),
            }
        }
        v
    };
    let norm = |v: &[(u32, f32)]| v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
    let Some(article) = preps.first().map(vector) else {
        return Vec::new();
    };
    let an = norm(&article);
    preps[1..]
        .iter()
        .map(|p| {
            let v = vector(p);
            let dot: f32 = v
                .iter()
                .filter_map(|(t, x)| {
                    let k = article.binary_search_by_key(t, |a| a.0).ok()?;
                    Some(x * article[k].1)
                })
                .sum();
            dot / (an * norm(&v))
        })
        .collect()
}

/// Two figures further apart than this ratio are not paired.
const MAX_RATIO: f64 = 10.0;

/// `ln(1 + shared terms)` below this: at most one shared term.
const ONE_WORD: f32 = 1.0;

/// Align every claim of the workspace's article with its sources, in one
/// go ([`Scoring`] run to the end).
pub(super) fn compare(ws: &Workspace) -> Comparison {
    let mut sc = Scoring::new(ws, true);
    sc.run(ws);
    sc.comparison(ws)
}

/// Each sentence's L2 norm over weighted term frequencies: `posts[t]` holds
/// the (sentence, tf) pairs of term `t`, whose weight is `weights[t]`.
fn l2_norms(n: usize, posts: &[Vec<(u32, f32)>], weights: &[f32]) -> Vec<f32> {
    let mut norm = vec![0.0f32; n];
    for (post, &w) in posts.iter().zip(weights) {
        for &(s, tf) in post {
            norm[s as usize] += (tf * w) * (tf * w);
        }
    }
    for x in &mut norm {
        *x = x.sqrt().max(1e-6);
    }
    norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    /// How alike the article and each source are as wholes.
    #[test]
    fn doc_cosines_compare_whole_documents() {
        crate::frontcode::install_bundled();
        let article = "Airbus delivered the first A380 to Singapore Airlines in Toulouse.";
        // (source, lowest, highest)
        let cases = [
            (article, 0.99, 1.01),
            (
                "Farmers harvested wheat near Kansas after heavy rain.",
                -0.01,
                0.01,
            ),
            (
                "Singapore Airlines received its first A380 from Airbus. Rain fell.",
                0.3,
                0.99,
            ),
        ];
        let mut ws = Workspace::new(Document::from_plain_text("a", "A", article));
        for (i, c) in cases.iter().enumerate() {
            ws.add_user_text(&format!("s{i}"), "S", c.0);
        }
        let cos = features(&ws).doc_cos;
        assert_eq!(cos.len(), cases.len());
        for (c, got) in cases.iter().zip(&cos) {
            assert!(*got >= c.1 && *got <= c.2, "{:?}: {got}", c.0);
        }
    }
}
