//! Attribution rules: who says what, from text alone (std only).
//!
//! [`attribute`] finds reporting cues (a lexicon of reporting and belief verbs checked on
//! the PolNeAR train split, plus "according to"), then the source of each:
//!
//! | pattern | source | speaker string |
//! | --- | --- | --- |
//! | "according to X" | X | X |
//! | "in the latest Gallup poll, …" / "… leads in three polls" | the poll | the poll phrase |
//! | "…,” said council leader Priya Natarajan" (cue after a comma or quote) | the noun phrase after the verb | the trailing name ("Priya Natarajan") |
//! | "X, who …, warned that" / "X, the spokesman, said" | X (the apposition is skipped) | X |
//! | "X is slamming Y …, saying" (participle cue after a comma) | the clause's subject X | X |
//! | "X (also / has / on Tuesday) said" | the noun phrase before the verb | a trailing name, else the phrase |
//! | "he said", "the spokesman said" | the pronoun or phrase | the nearest earlier compatible named speaker |
//!
//! Sentences inside a quotation whose cue sits in another sentence keep that cue's speaker
//! (quotation continuations); a cue inside a longer quotation is not a new attribution.
//! Tags from a part-of-speech tagger can be passed to refine noun-phrase edges ([`Pos`]).

use super::text::{sentences, tokenize, Span, TokKind, Token};
use crate::text::WordSet;

/// A coarse part-of-speech tag (Universal POS), one per token of [`tokenize`]; optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// Common noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Verb.
    Verb,
    /// Auxiliary.
    Aux,
    /// Adjective.
    Adj,
    /// Adverb.
    Adv,
    /// Pronoun.
    Pron,
    /// Determiner.
    Det,
    /// Preposition or postposition.
    Adp,
    /// Coordinating conjunction.
    Cconj,
    /// Subordinating conjunction.
    Sconj,
    /// Particle.
    Part,
    /// Number.
    Num,
    /// Punctuation.
    Punct,
    /// Anything else.
    Other,
}

/// What kind of speaker an attribution has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A named person or organisation ("Priya Natarajan", "The New York Post").
    Entity,
    /// A description without a name ("officials", "a spokesman").
    Unnamed,
    /// A cue was found but no speaker could be told (abstention).
    Unknown,
}

impl SpeakerKind {
    /// The name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            SpeakerKind::Entity => "entity",
            SpeakerKind::Unnamed => "unnamed",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// One attribution (or a quotation continuation, which has no cue of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue ("said", "according to"); none for a quotation continuation.
    pub cue: Option<Span>,
    /// Where the source is written (the pronoun itself for "he said").
    pub source: Option<Span>,
    /// What is attributed.
    pub content: Span,
    /// The speaker as a string (pronouns resolved to an earlier name when one fits).
    pub speaker: Option<String>,
    /// Named, unnamed or unknown.
    pub speaker_kind: SpeakerKind,
}

/// Finite reporting / belief verbs that are cues wherever they head a clause.
pub static CUE_VERBS: WordSet = WordSet::new(concat!(
    "said|",
    "says|",
    "told|",
    "tells|",
    "added|",
    "adds|",
    "wrote|",
    "writes|",
    "asked|",
    "asks|",
    "noted|",
    "notes|",
    "reported|",
    "announced|",
    "announces|",
    "suggested|",
    "suggests|",
    "argued|",
    "argues|",
    "tweeted|",
    "explained|",
    "explains|",
    "acknowledged|",
    "acknowledges|",
    "claimed|",
    "claims|",
    "warned|",
    "warns|",
    "insisted|",
    "insists|",
    "stated|",
    "declared|",
    "declares|",
    "urged|",
    "urges|",
    "recalled|",
    "recalls|",
    "cited|",
    "cites|",
    "replied|",
    "responded|",
    "concluded|",
    "praised|",
    "praises|",
    "criticized|",
    "criticised|",
    "criticizes|",
    "accused|",
    "accuses|",
    "vowed|",
    "vows|",
    "promised|",
    "promises|",
    "predicted|",
    "predicts|",
    "denied|",
    "denies|",
    "confirmed|",
    "confirms|",
    "blasted|",
    "blasts|",
    "denounced|",
    "dismissed|",
    "questioned|",
    "rejected|",
    "defended|",
    "defends|",
    "indicated|",
    "agreed|",
    "agrees|",
    "admitted|",
    "admits|",
    "contended|",
    "contends|",
    "countered|",
    "conceded|",
    "emphasized|",
    "stressed|",
    "observed|",
    "remarked|",
    "complained|",
    "complains|",
    "boasted|",
    "bragged|",
    "joked|",
    "quipped|",
    "lamented|",
    "mused|",
    "speculated|",
    "estimated|",
    "testified|",
    "alleged|",
    "alleges|",
    "charged|",
    "proclaimed|",
    "asserted|",
    "asserts|",
    "believes|",
    "thinks|",
    "expressed|",
    "described|",
    "describes|",
    "called|",
    "calls|",
    "endorsed|",
    "declined|",
    "refused|",
    "continued|",
    "revealed|",
    "pointed|",
    "mentioned|",
    "wondered|",
    "demands|",
    "slammed|",
    "slams|",
    "attacked|",
    "hinted|",
    "opined|",
    "acknowledge|",
    "disclosed|",
    "reiterated|",
    "retorted|",
    "blamed|",
    "ordered|",
    "assured|",
    "echoed|",
    "mocked|",
    "condemned|",
    "reminded|",
    "voiced|",
    "portrayed|",
    "decried|",
    "highlighted|",
    "touted|",
    "railed|",
    "reads|",
    "emailed|",
    "pleaded|",
    "thanked|",
    "shouted|",
    "touting|",
    "chants|",
    "signaled|",
    "quoted|",
    "retweeted|",
    "chanted|",
    "assailed|",
    "referenced|",
    "cautioned|",
    "hints|",
    "bemoaned|",
    "commented|",
    "indicates|",
    "concludes|",
    "lambasted|",
    "labeled|",
    "distanced|",
    "rebuked|",
    "interjected|",
    "derided|",
    "lashed|",
    "recounted|",
    "credited|",
    "dubbed|",
    "hailed|",
    "dismisses|",
    "blames|",
    "acquiesced|"
));

/// Present-tense plural / base forms and weaker belief verbs: cues only right after a
/// subject (pronoun, name or source noun phrase).
pub static WEAK_VERBS: WordSet = WordSet::new(concat!(
    "say|",
    "support|",
    "endorse|",
    "endorses|",
    "want|",
    "wanted|",
    "know|",
    "knew|",
    "decided|",
    "pledged|",
    "planned|",
    "backs|",
    "saw|",
    "favored|",
    "favor|",
    "consider|",
    "believed|",
    "feared|",
    "felt|",
    "feel|",
    "feels|",
    "view|",
    "views|",
    "viewed|",
    "considers|",
    "blame|",
    "appear|",
    "seem|",
    "think|",
    "believe|",
    "knows|",
    "wants|",
    "hope|",
    "hopes|",
    "expect|",
    "fear|",
    "fears|",
    "worry|",
    "worries|",
    "worried|",
    "see|",
    "sees|",
    "show|",
    "shows|",
    "showed|",
    "found|",
    "finds|",
    "seemed|",
    "seems|",
    "appears|",
    "appeared|",
    "plans|",
    "argue|",
    "claim|",
    "warn|",
    "suggest|",
    "insist|",
    "agree|",
    "predict|",
    "ask|",
    "admit|",
    "deny|",
    "acknowledge|",
    "urge|",
    "estimate|",
    "recall|",
    "write|",
    "criticize|",
    "accuse|",
    "praise|",
    "doubt|",
    "doubts|",
    "stated|",
    "sought|",
    "supported|",
    "proposed|",
    "opposed|",
    "mention|",
    "posted|",
    "issued|",
    "attacked|",
    "talked|",
    "discuss|",
    "named|",
    "mentioned|",
    "denied|",
    "considered|",
    "respond|",
    "confirmed|",
    "pushed|",
    "shown|",
    "charged|",
    "admitted|",
    "learned|",
    "promises|",
    "hoped|",
    "oppose|",
    "referred|",
    "discussed|",
    "identified|",
    "repeated|",
    "explain|",
    "seeks|",
    "listed|",
    "deemed|",
    "challenged|",
    "requested|",
    "nominated|",
    "express|",
    "prefer|",
    "describe|",
    "asks|",
    "encouraged|",
    "adds|",
    "estimates|",
    "announce|",
    "estimated|",
    "threatened|",
    "convinced|",
    "projected|",
    "preferred|",
    "answered|",
    "remembered|",
    "disclosed|",
    "approved|",
    "ruled|",
    "indicate|",
    "wonder|",
    "embraced|",
    "applauded|",
    "welcomed|",
    "forecast|",
    "presented|",
    "recommended|",
    "declare|",
    "attributed|",
    "championed|",
    "celebrated|",
    "likened|",
    "sided|",
    "apologized|",
    "implied|",
    "invoked|",
    "expected|",
    "supports|",
    "backed|",
    "opposes|"
));

/// Reporting words that are also nouns ("claims", "reports", "calls").
static NOUN_FORMS: WordSet = WordSet::new(concat!(
    "claims|",
    "claim|",
    "reports|",
    "report|",
    "notes|",
    "note|",
    "calls|",
    "call|",
    "promises|",
    "promise|",
    "vows|",
    "vow|",
    "pledges|",
    "pledge|",
    "estimates|",
    "estimate|",
    "fears|",
    "fear|",
    "hopes|",
    "hope|",
    "doubts|",
    "doubt|",
    "plans|",
    "plan|",
    "shows|",
    "show|",
    "demands|",
    "demand|",
    "urges|",
    "hints|",
    "chants|",
    "forecast|",
    "forecasts|",
    "recalls|",
    "recall|",
    "praise|",
    "praises|",
    "comments|",
    "comment|",
    "remarks|",
    "answers|",
    "states|",
    "charges|",
    "supports|",
    "quotes|",
    "warnings|",
    "denials|",
    "statements|",
    "stresses|"
));

/// Words before a noun, never before a finite verb: determiners,
/// quantifiers, possessive pronouns and prepositions ("the claims", "such
/// claims", "despite claims").
static BEFORE_NOUN: WordSet = WordSet::new(concat!(
    "the|",
    "a|",
    "an|",
    "this|",
    "these|",
    "those|",
    "such|",
    "no|",
    "other|",
    "similar|",
    "further|",
    "new|",
    "earlier|",
    "recent|",
    "previous|",
    "false|",
    "unfounded|",
    "baseless|",
    "his|",
    "her|",
    "their|",
    "its|",
    "our|",
    "my|",
    "your|",
    "every|",
    "each|",
    "another|",
    "of|",
    "about|",
    "despite|",
    "amid|",
    "amidst|",
    "against|",
    "over|",
    "with|",
    "without|",
    "for|",
    "by|",
    "after|",
    "following|",
    "regarding|",
    "concerning|",
    "on|",
    "in|",
    "into|",
    "from|",
    "among|",
    "between|",
    "like|",
    "unlike|",
    "under|",
    "behind|",
    "beyond|",
    "at|"
));

/// Quantifiers, which may also stand for people ("many fear", "some
/// claim"): before a plural noun only ("several claims").
static QUANTIFIER_BEFORE: WordSet = WordSet::new(concat!(
    "many|",
    "some|",
    "any|",
    "all|",
    "both|",
    "few|",
    "several|",
    "various|",
    "numerous|",
    "multiple|"
));

/// Words after a noun subject, never after a finite reporting verb ("claims
/// were", "claims of", "reports about").
static AFTER_NOUN: WordSet = WordSet::new(concat!(
    "of|",
    "about|",
    "against|",
    "were|",
    "are|",
    "was|",
    "is|",
    "have|",
    "has|",
    "had|",
    "remain|",
    "remained|",
    "rose|",
    "fell|",
    "grew|",
    "surged|",
    "soared|",
    "jumped|",
    "emerged|",
    "surfaced|",
    "circulated|",
    "persisted|",
    "spread|",
    "made|",
    "filed|",
    "lodged|",
    "appeared|",
    "came|",
    "went|",
    "began|",
    "continue|",
    "continued|",
    "could|",
    "would|",
    "will|",
    "can|",
    "may|",
    "might|",
    "should|",
    "must|"
));

/// Whether the reporting word `w` (lowercase) is a noun here, between the
/// words `prev` and `next` (lowercase; "" at a sentence's edge): "the claims
/// were rejected", "such claims", "despite claims", "claims of a cover-up" —
/// a noun is no cue. Verbs ("Apple claims that", "the firm that claims") are
/// left as they are.
pub fn noun_use(prev: &str, w: &str, next: &str) -> bool {
    NOUN_FORMS.contains(w)
        && (BEFORE_NOUN.contains(prev)
            || (QUANTIFIER_BEFORE.contains(prev) && w.ends_with('s'))
            || AFTER_NOUN.contains(next))
}

/// Participles that report what the clause's subject says ("…, saying").
pub static PARTICIPLES: WordSet = WordSet::new(concat!(
    "saying|",
    "supporting|",
    "backing|",
    "opposing|",
    "fearing|",
    "attacking|",
    "showing|",
    "adding|",
    "noting|",
    "arguing|",
    "telling|",
    "calling|",
    "suggesting|",
    "citing|",
    "asking|",
    "warning|",
    "claiming|",
    "insisting|",
    "explaining|",
    "accusing|",
    "urging|",
    "describing|",
    "vowing|",
    "promising|",
    "predicting|",
    "writing|",
    "declaring|",
    "questioning|",
    "acknowledging|",
    "praising|",
    "criticizing|",
    "blasting|",
    "stating|",
    "referring|",
    "pointing|",
    "admitting|",
    "denying|",
    "complaining|",
    "boasting|",
    "slamming|",
    "declining|",
    "recalling|",
    "tweeting|",
    "charging|",
    "contending|",
    "demanding|",
    "lamenting|",
    "stressing|",
    "emphasizing|",
    "seeking|",
    "hoping|",
    "pushing|",
    "denouncing|",
    "defending|",
    "expressing|",
    "refusing|",
    "expecting|",
    "endorsing|",
    "highlighting|",
    "proposing|",
    "repeating|",
    "reminding|",
    "alleging|",
    "threatening|",
    "mocking|",
    "believing|",
    "touting|",
    "announcing|",
    "dismissing|",
    "mentioning|",
    "thanking|",
    "pledging|",
    "remarking|",
    "echoing|",
    "detailing|",
    "referencing|",
    "blaming|",
    "implying|",
    "asserting|",
    "portraying|",
    "rejecting|",
    "outlining|",
    "condemning|",
    "discussing|",
    "talking|"
));

/// Auxiliaries, negation and adverbs that may sit between a subject and its verb.
static BETWEEN: WordSet = WordSet::new(concat!(
    "has|",
    "have|",
    "had|",
    "was|",
    "were|",
    "is|",
    "are|",
    "will|",
    "would|",
    "did|",
    "does|",
    "do|",
    "could|",
    "can|",
    "may|",
    "might|",
    "should|",
    "must|",
    "also|",
    "later|",
    "then|",
    "repeatedly|",
    "previously|",
    "once|",
    "recently|",
    "often|",
    "publicly|",
    "reportedly|",
    "just|",
    "still|",
    "even|",
    "not|",
    "n't|",
    "never|",
    "further|",
    "again|",
    "really|",
    "actually|",
    "quickly|",
    "first|",
    "originally|",
    "earlier|",
    "flatly|",
    "simply|",
    "been|",
    "frequently|",
    "already|",
    "privately|",
    "openly|",
    "explicitly|",
    "specifically|",
    "famously|",
    "initially|",
    "subsequently|",
    "clearly|",
    "always|",
    "now|",
    "long|",
    "correctly|",
    "falsely|",
    "wrongly|",
    "mistakenly|",
    "has|",
    "only|",
    "then-|",
    "immediately|",
    "apparently|",
    "allegedly|",
    "both|",
    "all|",
    "himself|",
    "herself|",
    "themselves|",
    "directly|",
    "too|",
    "nevertheless|",
    "soon|",
    "nonetheless|",
    "however|",
    "instead|"
));

/// Words that open a quantified group of people ("many say", "a third think").
static QUANTIFIERS: WordSet = WordSet::new(concat!(
    "those|",
    "many|",
    "most|",
    "some|",
    "others|",
    "few|",
    "several|",
    "half|",
    "all|",
    "both|",
    "majority|",
    "third|",
    "quarter|",
    "fifth|",
    "one|",
    "two|",
    "three|",
    "four|",
    "five|"
));

/// Subject pronouns (and relatives) that are sources on their own.
static SUBJ_PRONOUNS: WordSet = WordSet::new(concat!(
    "he|", "she|", "they|", "i|", "we|", "you|", "it|", "who|", "which|"
));

/// Words that end a noun phrase scanned backwards (clause words, prepositions, verbs).
static NP_STOP: WordSet = WordSet::new(concat!(
    "that|",
    "and|",
    "but|",
    "because|",
    "while|",
    "when|",
    "if|",
    "as|",
    "after|",
    "before|",
    "so|",
    "than|",
    "where|",
    "whether|",
    "although|",
    "though|",
    "since|",
    "until|",
    "or|",
    "to|",
    "is|",
    "was|",
    "are|",
    "were|",
    "has|",
    "have|",
    "had|",
    "be|",
    "been|",
    "will|",
    "would|",
    "can|",
    "could|",
    "should|",
    "may|",
    "might|",
    "not|",
    "in|",
    "on|",
    "at|",
    "by|",
    "for|",
    "with|",
    "from|",
    "about|",
    "into|",
    "over|",
    "during|",
    "under|",
    "against|",
    "between|",
    "through|",
    "like|",
    "what|",
    "how|",
    "why|",
    "also|",
    "said|",
    "says|",
    "told|",
    "then|",
    "there|",
    "here|",
    "this|",
    "these|",
    "those|",
    "it|",
    "do|",
    "does|",
    "did|",
    "once|",
    "even|",
    "just|",
    "however|",
    "yet|",
    "now|",
    "only|",
    "up|",
    "out|",
    "off|",
    "him|",
    "her|",
    "them|",
    "us|",
    "me|",
    "his|",
    "its|",
    "their|",
    "our|",
    "my|",
    "your|",
    "being|",
    "wo|",
    "'s|",
    "per|",
    "via|",
    "among|",
    "amid|",
    "without|",
    "within|",
    "despite|",
    "toward|",
    "towards|",
    "upon|",
    "unlike|",
    "including|",
    "around|",
    "behind|",
    "beyond|",
    "near|",
    "since|",
    "whose|"
));

/// Determiners and quantifiers that open a noun phrase.
static DETS: WordSet = WordSet::new(concat!(
    "the|",
    "a|",
    "an|",
    "some|",
    "many|",
    "most|",
    "several|",
    "both|",
    "few|",
    "other|",
    "another|",
    "one|",
    "two|",
    "three|",
    "all|",
    "any|",
    "each|",
    "every|",
    "no|",
    "more|",
    "much|",
    "those|",
    "these|",
    "such|",
    "numerous|",
    "top|",
    "senior|"
));

/// Role nouns a name may follow in apposition ("its spokeswoman, Ann Lee,").
static ROLE_NOUNS: WordSet = WordSet::new(concat!(
    "president|",
    "spokesman|",
    "spokeswoman|",
    "spokesperson|",
    "executive|",
    "director|",
    "chairman|",
    "chairwoman|",
    "chair|",
    "officer|",
    "manager|",
    "adviser|",
    "advisor|",
    "aide|",
    "strategist|",
    "secretary|",
    "minister|",
    "leader|",
    "head|",
    "founder|",
    "analyst|",
    "economist|",
    "professor|",
    "lawyer|",
    "attorney|",
    "marketing|",
    "communications|",
    "affairs|",
    "policy|",
    "campaign|"
));

/// Title words kept with a name ("Sen. Ted Cruz").
static TITLES: WordSet = WordSet::new(concat!(
    "mr.|",
    "mrs.|",
    "ms.|",
    "dr.|",
    "sen.|",
    "rep.|",
    "gov.|",
    "gen.|",
    "president|",
    "senator|",
    "governor|",
    "secretary|",
    "speaker|",
    "leader|",
    "chairman|",
    "chairwoman|",
    "director|",
    "mayor|",
    "judge|",
    "sheriff|",
    "attorney|",
    "general|",
    "minister|",
    "chief|",
    "candidate|",
    "nominee|",
    "congressman|",
    "congresswoman|",
    "representative|",
    "lt.|",
    "col.|",
    "sgt.|",
    "prof.|",
    "rev.|",
    "vice|",
    "former|",
    "then|",
    "adviser|",
    "advisor|",
    "spokesman|",
    "spokeswoman|",
    "manager|",
    "strategist|",
    "host|",
    "commentator|",
    "founder|",
    "ceo|",
    "chair|"
));

/// Head words of organisations and groups (a "they" may refer to them; "he" may not).
static ORG_WORDS: WordSet = WordSet::new(concat!(
    "post|",
    "times|",
    "news|",
    "party|",
    "committee|",
    "campaign|",
    "council|",
    "department|",
    "administration|",
    "house|",
    "senate|",
    "congress|",
    "court|",
    "agency|",
    "bureau|",
    "commission|",
    "office|",
    "group|",
    "network|",
    "journal|",
    "foundation|",
    "institute|",
    "university|",
    "poll|",
    "center|",
    "centre|",
    "association|",
    "union|",
    "inc.|",
    "corp.|",
    "company|",
    "cnn|",
    "fbi|",
    "gop|",
    "democrats|",
    "republicans|",
    "officials|",
    "aides|",
    "voters|",
    "people|",
    "supporters|",
    "critics|",
    "experts|",
    "analysts|",
    "polls|",
    "surveys|",
    "sources|",
    "organization|",
    "team|",
    "staff|",
    "magazine|",
    "press|",
    "tribune|",
    "today|",
    "reuters|",
    "abc|",
    "nbc|",
    "cbs|",
    "msnbc|",
    "fox|",
    "politico|",
    "breitbart|",
    "service|",
    "pac|",
    "fund|",
    "board|",
    "club|",
    "friends|",
    "coalition|"
));

fn is_pronoun(w: &str) -> bool {
    SUBJ_PRONOUNS.contains(w)
}

/// Capitalised words that open a clause, not a name.
static CLAUSE_OPENERS: WordSet = WordSet::new(concat!(
    "But|", "And|", "That|", "When|", "If|", "As|", "While|", "Because|", "So|"
));

/// Whether a token could be inside a noun phrase scanned backwards.
fn np_word(t: &Token, pos: Option<Pos>) -> bool {
    if t.kind == TokKind::Punct {
        return matches!(t.text.as_str(), "-" | "&" | ".");
    }
    if t.kind != TokKind::Word {
        return false;
    }
    if let Some(p) = pos {
        // tags decide for lowercase words only (a tagger may read "Trump" as a verb)
        if matches!(p, Pos::Aux | Pos::Sconj | Pos::Cconj) && t.lower != "of" && !t.is_cap() {
            return false;
        }
    }
    if t.is_cap() {
        return !CLAUSE_OPENERS.contains(&t.text);
    }
    !NP_STOP.contains(&t.lower) && !CUE_VERBS.contains(&t.lower) && !PARTICIPLES.contains(&t.lower)
}

/// Context for a document: tokens, tags and the speakers named so far.
struct Doc<'a> {
    toks: &'a [Token],
    pos: Option<&'a [Pos]>,
    chars: Vec<char>,
    /// (token index of the source, speaker string, looks like a person)
    named: Vec<(usize, String, bool)>,
    /// The last words of the speakers in `named`, lower-cased.
    named_heads: std::collections::HashSet<String>,
    /// Double-quote regions as token ranges [open, close] inclusive, in
    /// order and disjoint (`quote_regions`).
    quotes: Vec<(usize, usize)>,
}

impl Doc<'_> {
    fn p(&self, i: usize) -> Option<Pos> {
        self.pos.and_then(|p| p.get(i).copied())
    }
    fn text(&self, a: usize, b: usize) -> String {
        // tokens a..b (exclusive) as they are written
        if a >= b {
            return String::new();
        }
        let s = self.toks[a].span.start;
        let e = self.toks[b - 1].span.end;
        self.chars[s..e]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
    fn lw(&self, i: usize) -> &str {
        &self.toks[i].lower
    }
    fn in_long_quote(&self, i: usize) -> bool {
        self.quote_before(i)
            .is_some_and(|(a, b)| i < b && b - a > 6)
    }
    /// The last quote region opening before token `i`: the only one that
    /// can hold `i`, as the regions are in order and disjoint. (A search,
    /// not a scan: this is asked for every token of a long document.)
    fn quote_before(&self, i: usize) -> Option<(usize, usize)> {
        let k = self.quotes.partition_point(|&(a, _)| a < i);
        k.checked_sub(1).map(|k| self.quotes[k])
    }
    /// Remember a speaker named at token `k`, for later pronouns and names.
    fn name(&mut self, k: usize, speaker: String, person: bool) {
        self.named_heads.insert(last_word_lower(&speaker));
        self.named.push((k, speaker, person));
    }
}

/// The last word of a speaker string, lower-cased ("Maria Lopez" → "lopez").
fn last_word_lower(s: &str) -> String {
    s.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// Double-quote regions (token ranges, inclusive), closed at paragraph ends.
fn quote_regions(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        if t.after_newline {
            if let Some(a) = open.take() {
                if i > a + 1 {
                    out.push((a, i - 1));
                }
            }
        }
        if t.kind != TokKind::Quote {
            continue;
        }
        match t.text.as_str() {
            "“" | "«" | "„" => open = Some(i),
            "”" | "»" => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                }
            }
            "\"" | "''" => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                } else {
                    open = Some(i);
                }
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        if toks.len() > a + 1 {
            out.push((a, toks.len() - 1));
        }
    }
    out
}

/// Scan a noun phrase backwards ending at token `j` (inclusive), not before `lo`.
/// Returns its token range [a, j+1).
fn np_back(d: &Doc, lo: usize, j: usize) -> Option<(usize, usize)> {
    let t = &d.toks[j];
    if is_pronoun(&t.lower) {
        return Some((j, j + 1));
    }
    // "42%": the number and its sign
    if t.text == "%" && j > lo && is_number(d.lw(j - 1)) {
        return np_back(d, lo, j - 1).map(|(a, _)| (a, j + 1));
    }
    if t.lower == "'s" || !np_word(t, d.p(j)) || t.kind == TokKind::Punct {
        return None;
    }
    let mut a = j;
    let mut n = 0;
    while a > lo && n < 9 {
        let k = a - 1;
        let tk = &d.toks[k];
        if tk.lower == "'s" || tk.lower == "’s" {
            a = k;
            n += 1;
            continue;
        }
        if DETS.contains(&tk.lower) && !tk.is_cap() {
            a = k;
            // "Friends of the Wendle": an "of" phrase continues the noun phrase
            if k > lo + 1
                && d.lw(k - 1) == "of"
                && np_word(&d.toks[k - 2], d.p(k - 2))
                && !DETS.contains(d.lw(k - 2))
            {
                n += 1;
                continue;
            }
            break;
        }
        if !np_word(tk, d.p(k)) {
            // "organizers in Cleveland", "Republicans on Capitol Hill": cross a preposition
            // when a lowercase plural or role noun stands before it
            if matches!(tk.lower.as_str(), "in" | "at" | "for" | "from" | "on")
                && k > lo
                && n >= 1
                && d.toks[k - 1].is_word()
                && !d.toks[k - 1].is_cap()
                && np_word(&d.toks[k - 1], d.p(k - 1))
                && (d.toks[k - 1].lower.ends_with('s') || TITLES.contains(&d.toks[k - 1].lower))
                && !d.toks[k - 1].lower.ends_with("ss")
            {
                a = k;
                n += 1;
                continue;
            }
            break;
        }
        // "The" at a sentence start is part of the phrase; other capitalised function words end it.
        a = k;
        n += 1;
        if DETS.contains(&tk.lower) {
            break;
        }
    }
    // "Six in 10 voters", "two in three": a share of people before "in"
    if a >= lo + 2 && share_of(d, a - 2) {
        a -= 2;
    }
    // Drop a leading lowercase "of" or punctuation.
    while a <= j && (d.toks[a].lower == "of" || d.toks[a].kind == TokKind::Punct) {
        a += 1;
    }
    if a > j {
        return None;
    }
    Some((a, j + 1))
}

/// Words after an "-ed" word that make it a verb with its complement.
static AFTER_PAST_VERB: WordSet = WordSet::new(concat!(
    "with|", "to|", "that|", "on|", "in|", "for|", "against|", "by|", "the|", "a|", "an|", "his|",
    "her|", "their|", "its|", "up|", "out|", "as|", "from|"
));

/// Scan a noun phrase forwards from token `i`, not past `hi`.
fn np_fwd(d: &Doc, i: usize, hi: usize) -> Option<(usize, usize)> {
    if i >= hi {
        return None;
    }
    let t = &d.toks[i];
    if is_pronoun(&t.lower) {
        return Some((i, i + 1));
    }
    let mut b = i;
    if DETS.contains(&t.lower) {
        b += 1;
    }
    let start_words = b;
    while b < hi && b - i < 10 {
        let tk = &d.toks[b];
        if b > start_words
            && b + 1 < hi
            && d.toks[b + 1].is_word()
            && (tk.lower == "of"
                || (matches!(tk.lower.as_str(), "for" | "on" | "in")
                    && d.toks[b - 1].is_cap()
                    && d.toks[b + 1].is_cap()))
        {
            b += 1;
            continue;
        }
        if tk.lower == "'s" || (tk.kind == TokKind::Punct && tk.text == "-") {
            b += 1;
            continue;
        }
        if tk.kind == TokKind::Punct && tk.text == "(" {
            // "(R-IN)": skip a short parenthesis
            if let Some(k) = (b + 1..hi.min(b + 6)).find(|&k| d.toks[k].text == ")") {
                b = k + 1;
                continue;
            }
            break;
        }
        if !np_word(tk, d.p(b)) || BETWEEN.contains(&tk.lower) {
            break;
        }
        // a past-tense verb with its complement ends the phrase ("A federal
        // judge sided with the city")
        if !tk.is_cap()
            && b > start_words
            && tk.lower.ends_with("ed")
            && d.toks
                .get(b + 1)
                .is_some_and(|n| AFTER_PAST_VERB.contains(&n.lower))
        {
            break;
        }
        // a lowercase word after a capitalised run ends the phrase ("said Trump yesterday")
        if !tk.is_cap()
            && b > start_words
            && d.toks[b - 1].is_cap()
            && !TITLES.contains(&d.toks[b - 1].lower)
            && !(TITLES.contains(&tk.lower)
                || tk.lower.ends_with("al")
                || matches!(
                    tk.lower.as_str(),
                    "candidate"
                        | "hopeful"
                        | "front-runner"
                        | "rival"
                        | "lawmaker"
                        | "activist"
                        | "pollster"
                        | "operative"
                ))
        {
            break;
        }
        b += 1;
    }
    while b > start_words
        && (d.toks[b - 1].lower == "of"
            || d.toks[b - 1].kind == TokKind::Punct && d.toks[b - 1].text != ")")
    {
        b -= 1;
    }
    if b == start_words {
        return None;
    }
    Some((i, b))
}

/// The speaker string of a source phrase [a, b): a trailing name after role words
/// ("council leader Priya Natarajan" → "Priya Natarajan"), else the phrase without a
/// leading determiner. Also whether it is a name.
fn speaker_of(d: &Doc, a: usize, b: usize) -> (String, bool) {
    // "Six in 10 voters": the share is the head, no name
    if b >= a + 3 && share_of(d, a) {
        return (d.text(a, b), false);
    }
    // cut at an "of" phrase: the head is before it ("Friends of the Wendle")
    let of =
        (a..b).find(|&k| matches!(d.lw(k), "of" | "in" | "at" | "for" | "from" | "on" | "with"));
    let (ha, hb) = match of {
        Some(k) if k > a => (a, k),
        _ => (a, b),
    };
    // trailing capitalised run
    let mut r = hb;
    while r > ha && (d.toks[r - 1].is_cap() || d.toks[r - 1].text == ")") {
        if d.toks[r - 1].text == ")" {
            // skip "(R-IN)"
            match (ha..r - 1).rev().find(|&k| d.toks[k].text == "(") {
                Some(k) => {
                    r = k;
                    continue;
                }
                None => break,
            }
        }
        r -= 1;
    }
    let mut end = hb;
    while end > ha && (d.toks[end - 1].text == ")" || d.toks[end - 1].kind == TokKind::Punct) {
        if d.toks[end - 1].text == ")" {
            if let Some(k) = (ha..end - 1).rev().find(|&k| d.toks[k].text == "(") {
                end = k;
                continue;
            }
        }
        end -= 1;
    }
    while end > ha && (is_day(d.lw(end - 1)) || is_month(d.lw(end - 1))) {
        end -= 1;
    }
    let mut cap_start = end;
    while cap_start > ha && d.toks[cap_start - 1].is_cap() {
        cap_start -= 1;
    }
    // skip titles at the start of the capitalised run
    let mut ns = cap_start;
    while ns + 1 < end && TITLES.contains(&d.toks[ns].lower) {
        ns += 1;
    }
    let _ = r;
    // "Friends of the Wendle", "Bank of England": one capitalised word, then "of" and a
    // capitalised phrase, is one name
    if let Some(k) = of {
        let mut m = k + 1;
        while m < b && DETS.contains(d.lw(m)) {
            m += 1;
        }
        if matches!(d.lw(k), "of" | "for")
            && end - ns == 1
            && m < b
            && d.toks[m].is_cap()
            && d.toks[end - 1].is_cap()
        {
            let s = d.text(ns, b);
            return (s, true);
        }
    }
    if ns < end && d.toks[end - 1].is_cap() && !(ns == a && DETS.contains(&d.toks[ns].lower)) {
        let s = d.text(ns, end);
        let s = s.strip_prefix("The ").unwrap_or(&s).to_string();
        return (s, true);
    }
    let mut s0 = a;
    while s0 < b && DETS.contains(d.lw(s0)) {
        s0 += 1;
    }
    if s0 >= b {
        s0 = a;
    }
    (d.text(s0, b), false)
}

/// Whether a speaker string looks like a person (for "he"/"she").
fn person_like(s: &str, named: bool) -> bool {
    let last = s.split_whitespace().last().unwrap_or("").to_lowercase();
    named && !ORG_WORDS.contains(&last) && s.split_whitespace().count() <= 4
}

/// Resolve a pronoun at token `i` to the nearest earlier compatible speaker.
fn resolve(d: &Doc, i: usize, w: &str) -> Option<String> {
    match w {
        "he" | "she" | "i" => d
            .named
            .iter()
            .rev()
            .find(|(k, s, p)| *k < i && *p && !s.is_empty())
            .map(|(_, s, _)| s.clone()),
        "they" | "we" => d
            .named
            .iter()
            .rev()
            .find(|(k, _, p)| *k < i && !*p)
            .map(|(_, s, _)| s.clone()),
        _ => None,
    }
}

/// Find attributions in `text`. `pos`, when given, holds one tag per token of
/// [`tokenize`]`(text)` and refines noun-phrase edges; without it the rules use
/// capitalisation and word lists.
pub fn attribute(text: &str, pos: Option<&[Pos]>) -> Vec<Attribution> {
    let toks = tokenize(text);
    let pos = pos.filter(|p| p.len() == toks.len());
    let mut d = Doc {
        toks: &toks,
        pos,
        chars: text.chars().collect(),
        named: Vec::new(),
        named_heads: Default::default(),
        quotes: quote_regions(&toks),
    };
    let sents = sentences(&toks);
    let mut out: Vec<Attribution> = Vec::new();
    // per sentence: index into `out` of its attribution, if any
    let mut sent_attr: Vec<Option<usize>> = vec![None; sents.len()];
    // The furthest end of a cue found in the sentences before this one.
    let mut cue_end_max = 0;
    for (si, &(sa, sb)) in sents.iter().enumerate() {
        let first = out.len();
        // a person named as the sentence's subject ("Senator Maria Lopez spoke …") is a
        // referent for a later "she"
        if let Some((na, nb)) = subject_name(&d, sa, sb) {
            let (sp, named) = speaker_of(&d, na, nb);
            if named && person_like(&sp, named) && sp.split_whitespace().count() >= 2 {
                d.name(na, sp, true);
            }
        }
        let mut i = sa;
        while i < sb {
            if let Some((mut a, cue_end)) = cue_at(&d, sa, sb, i) {
                // "…,'' Mr. Hedge said, referring to …": a participle after a comma keeps the
                // sentence's previous speaker
                if PARTICIPLES.contains(d.lw(i)) && i > sa && d.toks[i - 1].text == "," {
                    let s0 = toks[sa].span.start;
                    if let Some(p) = out
                        .iter()
                        .rev()
                        .find(|p| p.cue.is_some_and(|c| c.start >= s0) && p.source.is_some())
                    {
                        a.source = p.source;
                        a.speaker = p.speaker.clone();
                        a.speaker_kind = p.speaker_kind;
                    }
                }
                if let (Some(src), Some(sp)) = (a.source, a.speaker.clone()) {
                    // The first token at or after the source (tokens are in order).
                    let k = toks.partition_point(|t| t.span.start < src.start);
                    let k = if k == toks.len() { 0 } else { k };
                    let named = a.speaker_kind == SpeakerKind::Entity;
                    let person = person_like(&sp, named);
                    d.name(k, sp, person);
                }
                if sent_attr[si].is_none() && a.speaker.is_some() {
                    sent_attr[si] = Some(out.len());
                }
                out.push(a);
                i = cue_end.max(i + 1);
                continue;
            }
            i += 1;
        }
        // Whether a cue lies within this sentence: one found for it, or
        // (only if an earlier cue reaches this far) one found before.
        let (s0, s1) = (toks[sa].span.start, toks[sb - 1].span.end);
        let within = |x: &Attribution| x.cue.is_some_and(|c| c.start >= s0 && c.end <= s1);
        let cued = out[first..].iter().any(within)
            || (cue_end_max >= s0 && out[..first].iter().any(within));
        if GENERIC && !cued {
            if let Some(a) = generic(&d, sa, sb) {
                if a.speaker.is_some() {
                    sent_attr[si] = Some(out.len());
                }
                out.push(a);
            }
        }
        for c in out[first..].iter().filter_map(|x| x.cue) {
            cue_end_max = cue_end_max.max(c.end);
        }
    }
    // Quotation continuations: a sentence without a cue, inside (or opening) a quotation
    // whose attribution is in a neighbouring sentence of the same quotation run.
    let qstate: Vec<bool> = sents
        .iter()
        .map(|&(a, b)| {
            let mid = (a + b) / 2;
            d.quote_before(mid + 1)
                .is_some_and(|(qa, qb)| mid <= qb && qb > qa + 2)
                || toks[a].kind == TokKind::Quote
        })
        .collect();
    let mut extra = Vec::new();
    for si in 0..sents.len() {
        if sent_attr[si].is_some() || !qstate[si] {
            continue;
        }
        // look forward then backward along consecutive quoted sentences
        let mut found = None;
        let mut k = si + 1;
        // forward only while the quotation runs on into the next sentence (“A. B,” he said.)
        let starts_inside = |k: usize| {
            let a = sents[k].0;
            d.quote_before(a).is_some_and(|(_, qb)| a <= qb)
        };
        while k < sents.len() && k <= si + 6 && starts_inside(k) {
            if let Some(ai) = sent_attr[k] {
                found = Some(ai);
                break;
            }
            k += 1;
        }
        // a later cue only claims this sentence if no paragraph break intervenes
        if let Some(ai) = found {
            let para_break =
                (si + 1..=k.min(sents.len() - 1)).any(|x| toks[sents[x].0].after_newline);
            if para_break {
                found = None;
            } else {
                let _ = ai;
            }
        }
        if found.is_none() {
            let mut k = si;
            while k > 0 && si - k < 8 {
                k -= 1;
                if let Some(ai) = sent_attr[k] {
                    found = Some(ai);
                    break;
                }
                if !qstate[k] {
                    break;
                }
            }
        }
        if let Some(ai) = found {
            let a = &out[ai];
            if a.speaker.is_some() {
                let (sa, sb) = sents[si];
                extra.push(Attribution {
                    cue: None,
                    source: a.source,
                    content: d.span(sa, sb),
                    speaker: a.speaker.clone(),
                    speaker_kind: a.speaker_kind,
                });
            }
        }
    }
    out.extend(extra);
    // By content, then cue (none first).
    crate::order::sort_by_key(&mut out, |a| {
        use crate::order::field;
        field(a.content.start, 32) << 32 | a.cue.map_or(0, |c| field(c.start + 1, 32))
    });
    out
}

/// Content of an attribution whose cue is at `i` with source before it: from the cue to
/// the sentence end; when nothing follows, from the sentence start to the source.
fn content_span(d: &Doc, sa: usize, sb: usize, src_a: usize, cue_b: usize) -> Span {
    let mut c = cue_b;
    while c < sb && (d.lw(c) == "that" || matches!(d.toks[c].text.as_str(), ":" | ",")) {
        c += 1;
    }
    let mut e = sb;
    while e > c && d.toks[e - 1].kind == TokKind::Punct {
        e -= 1;
    }
    if e > c + 1 {
        return d.span(c, e);
    }
    let mut e2 = src_a;
    while e2 > sa && matches!(d.toks[e2 - 1].kind, TokKind::Punct | TokKind::Quote) {
        e2 -= 1;
    }
    if e2 > sa {
        d.span(sa, e2)
    } else {
        d.span(sa, sb)
    }
}

/// The main-clause subject of a sentence (for participle cues): the first noun phrase
/// after any fronted adverbial, before token `lim`.
fn clause_subject(d: &Doc, sa: usize, lim: usize) -> Option<(usize, usize)> {
    let mut i = sa;
    while i < lim && d.toks[i].kind != TokKind::Word {
        i += 1;
    }
    // fronted adverbial: "On Tuesday, …", "In a statement, …"
    if i < lim && (NP_STOP.contains(d.lw(i)) || d.lw(i).ends_with("ly")) {
        if let Some(c) = (i..lim).find(|&k| d.toks[k].text == ",") {
            if c - i <= 8 {
                i = c + 1;
            }
        }
    }
    let (a, b) = np_fwd(d, i, lim)?;
    Some((a, b))
}

/// Base forms of verbs of saying and believing, after a plural subject.
static BELIEF_BASE_VERBS: WordSet = WordSet::new(concat!(
    "say|", "think|", "believe|", "argue|", "claim|", "insist|", "agree|", "suggest|", "support|",
    "want|", "know|", "feel|", "view|", "fear|", "oppose|", "endorse|"
));

/// Polls, studies and groups of people that think or say.
static GROUP_SUBJECTS: WordSet = WordSet::new(concat!(
    "poll|",
    "survey|",
    "study|",
    "data|",
    "report|",
    "analysis|",
    "americans|",
    "voters|",
    "people|"
));

/// Prepositions that make a weak verb's object a thing, not a clause.
static PREPOSITIONS_AFTER_WEAK: WordSet = WordSet::new(concat!(
    "on|", "with|", "in|", "at|", "over|", "into|", "upon|", "about|", "of|"
));

/// Strong verbs that are no cue without a subject ("called", "declined").
static NO_SUBJECTLESS_CUE: WordSet = WordSet::new(concat!(
    "called|",
    "calls|",
    "continued|",
    "declined|",
    "refused|",
    "reads|",
    "named|",
    "pointed|",
    "shot|"
));

/// Words that may follow a subject before its verb or the clause's end.
static AFTER_SUBJECT: WordSet = WordSet::new(concat!(
    "for|",
    "who|",
    "in|",
    "on|",
    "at|",
    "during|",
    "after|",
    "to|",
    "from|",
    "about|",
    "told|",
    "whose|",
    "last|",
    "this|",
    "earlier|",
    "recently|",
    "later|",
    "as|",
    "when|",
    "before|",
    "while|"
));

/// Determiners and possessives: the word after one is a noun.
static DETERMINERS: WordSet = WordSet::new(concat!(
    "the|", "a|", "an|", "his|", "her|", "their|", "its|", "our|", "my|", "your|", "this|",
    "these|", "those|"
));

/// Present-tense verbs of headlines ("Trump says …").
static HEADLINE_VERBS: WordSet = WordSet::new(concat!(
    "says|", "said|", "say|", "claims|", "warns|", "tells|", "slams|", "admits|", "thinks|",
    "wants|"
));

/// Try a cue at token `i` of sentence [sa, sb). Returns the attribution and the token
/// after the cue.
fn cue_at(d: &Doc, sa: usize, sb: usize, i: usize) -> Option<(Attribution, usize)> {
    let w = d.lw(i).to_string();
    if w == ":" {
        return transcript(d, sa, i);
    }
    if d.toks[i].kind != TokKind::Word || d.in_long_quote(i) {
        return None;
    }
    // "Asked whether he was bullied, the candidate said …": the main clause's subject
    if w == "asked" && (i == sa || d.toks[i - 1].kind == TokKind::Quote) {
        let c = (i + 1..sb).find(|&k| d.toks[k].text == ",")?;
        let (a, b) = np_fwd(d, c + 1, sb)?;
        let (sp, named) = speaker_of(d, a, b);
        return Some((
            mk(
                d,
                d.span(i, i + 1),
                Some((a, b)),
                d.span(c + 1, sb),
                sp,
                named,
            ),
            i + 1,
        ));
    }
    let headline =
        d.toks[i].is_cap() && HEADLINE_VERBS.contains(&w) && i > sa && d.toks[i - 1].is_cap();
    // "In the latest Gallup poll, …" / "… leads in exit polls": the poll reports it
    if w == "in" {
        return in_poll(d, sa, sb, i);
    }
    if d.toks[i].is_cap() && w != "according" && !headline {
        return None; // "United States", "Reports"
    }
    // according to X
    if w == "according" && i + 1 < sb && d.lw(i + 1) == "to" {
        let cue = d.span(i, i + 2);
        let (a, mut b) = np_fwd(d, i + 2, sb)?;
        // "people familiar with the plan", "sources close to the talks"
        if b + 1 < sb
            && matches!(
                (d.lw(b - 1), d.lw(b)),
                ("familiar", "with") | ("close", "to")
            )
        {
            if let Some((_, e)) = np_fwd(d, b + 1, sb) {
                b = e;
            }
        }
        let (sp, named) = speaker_of(d, a, b);
        let content = if i > sa + 1 {
            let mut e = i;
            while e > sa && matches!(d.toks[e - 1].kind, TokKind::Punct | TokKind::Quote) {
                e -= 1;
            }
            d.span(sa, e.max(sa + 1))
        } else {
            let mut c = b;
            while c < sb && d.toks[c].kind == TokKind::Punct {
                c += 1;
            }
            if c < sb {
                d.span(c, sb)
            } else {
                d.span(sa, sb)
            }
        };
        return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 2));
    }
    let strong = CUE_VERBS.contains(&w);
    let weak = WEAK_VERBS.contains(&w);
    // with tags: a weak cue word read as a noun is not a cue ("plans", "claims", "shows")
    if weak && !strong && matches!(d.p(i), Some(Pos::Noun | Pos::Propn)) {
        return None;
    }
    let part = PARTICIPLES.contains(&w);
    if !(strong || weak || part) {
        return None;
    }
    // A reporting word used as a noun is no cue ("the claims were rejected").
    let prev = if i > sa { d.lw(i - 1) } else { "" };
    let next = if i + 1 < sb { d.lw(i + 1) } else { "" };
    if noun_use(prev, &w, next) {
        return None;
    }
    if i > sa && DETERMINERS.contains(d.lw(i - 1)) {
        return None; // "the reports", "a call"
    }
    if i > sa && possessive(d.lw(i - 1)) {
        return None; // "Ann Lee’s pointed remarks"
    }
    let cue = d.span(i, i + 1);
    // what precedes the verb, past auxiliaries and adverbs
    let mut j = i;
    while j > sa
        && (BETWEEN.contains(d.lw(j - 1))
            || d.lw(j - 1) == "n't"
            || (d.lw(j - 1).ends_with("ly") && d.lw(j - 1).len() > 4 && !d.toks[j - 1].is_cap()))
    {
        j -= 1;
    }
    // "Trump on Tuesday said", "Gowdy earlier Thursday said"
    if j >= sa + 2
        && is_day(d.lw(j - 1))
        && matches!(
            d.lw(j - 2),
            "on" | "last" | "this" | "earlier" | "late" | "early"
        )
    {
        j -= 2;
        while j > sa && BETWEEN.contains(d.lw(j - 1)) {
            j -= 1;
        }
    }
    // A passive ("are said to", "was told by the minister") does not make its
    // subject the speaker: the agent after "by" is the source, else abstain.
    if !part
        && (j..i).any(|k| {
            matches!(
                d.lw(k),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        })
        && participle_form(&w)
    {
        if i + 2 < sb && d.lw(i + 1) == "by" {
            if let Some((a, b)) = np_fwd(d, i + 2, sb) {
                let (sp, named) = speaker_of(d, a, b);
                let content = content_span(d, sa, sb, j, b);
                return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1));
            }
        }
        return Some((mk(d, cue, None, cue, String::new(), false), i + 1));
    }
    let prev_punct = j > sa
        && matches!(d.toks[j - 1].kind, TokKind::Punct | TokKind::Quote)
        && !matches!(d.toks[j - 1].text.as_str(), ")" | "%");
    // 1. participle after a comma: the clause's subject
    if part && j > sa && d.toks[j - 1].text == "," {
        let (a, b) = clause_subject(d, sa, j - 1)?;
        if mute_subject(d, &w, a, b) {
            return None;
        }
        let (sp, named) = speaker_of(d, a, b);
        let content = content_span(d, sa, sb, a, i + 1);
        return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1));
    }
    if part {
        // "three in 10 saying", "Ryan saying he was …": the noun phrase right before
        if j > sa {
            if let Some((a, b)) = np_back(d, sa, j - 1) {
                let t = &d.toks[b - 1];
                if t.is_cap()
                    || (t.lower.ends_with('s') && !t.lower.ends_with("ss"))
                    || t.lower.chars().all(|c| c.is_ascii_digit())
                {
                    let (sp, named) = speaker_of(d, a, b);
                    let content = content_span(d, sa, sb, a, i + 1);
                    return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1));
                }
            }
        }
        return None;
    }
    // 2. "X, who …, said" / "X, the spokesman, said" (apposition), else inversion "…,” said X"
    if prev_punct || j == sa {
        // "Apple's marketing chief, Greg Joswiak, indicated that": a name in
        // apposition to a description is the speaker.
        if let Some((a, b)) = appositive_name(d, sa, j) {
            let (sp, named) = speaker_of(d, a, b);
            let content = content_span(d, sa, sb, a, i + 1);
            return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1));
        }
        // "X, who …, said" / "X, the spokesman, said": skip the apposition
        if j > sa && d.toks[j - 1].text == "," {
            let lo = sa.max(j.saturating_sub(30));
            if let Some(mut c) = (lo..j - 1).rev().find(|&k| d.toks[k].text == ",") {
                // "Apple's vice president of marketing, Greg Joswiak, indicated
                // that": a name in apposition after a role noun is the source.
                let (na, nb) = (c + 1, j - 1);
                if c > sa
                    && (2..=4).contains(&(nb - na))
                    && (na..nb).all(|k| d.toks[k].is_cap() && !TITLES.contains(d.lw(k)))
                    && d.toks[c - 1].is_word()
                    && !d.toks[c - 1].is_cap()
                    && (TITLES.contains(d.lw(c - 1)) || ROLE_NOUNS.contains(d.lw(c - 1)))
                {
                    let (sp, named) = speaker_of(d, na, nb);
                    let content = content_span(d, sa, sb, na, i + 1);
                    return Some((mk(d, cue, Some((na, nb)), content, sp, named), i + 1));
                }
                let appos = |c: usize| {
                    let first = d.lw(c + 1);
                    matches!(first, "who" | "a" | "an" | "the" | "whose" | "which")
                        || TITLES.contains(first)
                        || d.toks[c + 1].lower.ends_with("ing")
                        // a participle phrase: "The ad, titled “Unifier?”, concludes"
                        || (d.toks[c + 1].lower.ends_with("ed") && !d.toks[c + 1].is_cap())
                        // "A third of independents, 33%, say"
                        || (is_number(first) && j - 1 <= c + 3 && share_word(d.lw(j - 2)))
                        // an age: "Jim Bennett, 57, who runs a bakery, said"
                        || (is_number(first) && d.toks.get(c + 2).is_some_and(|t| t.text == ","))
                };
                let ok = c > sa && appos(c);
                // "Tom Fitton, the president of Judicial Watch, a conservative group …, said"
                while ok && c > sa + 1 {
                    match (lo..c).rev().find(|&k| d.toks[k].text == ",") {
                        Some(c2) if c2 > sa && appos(c2) => c = c2,
                        _ => break,
                    }
                }
                if ok {
                    if let Some((a, b)) =
                        np_back(d, sa, c - 1).filter(|&(a, b)| !mute_subject(d, &w, a, b))
                    {
                        let (sp, named) = speaker_of(d, a, b);
                        let content = content_span(d, sa, sb, a, i + 1);
                        return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1));
                    }
                }
            }
        }
        if let Some((a, b)) = np_fwd(d, i + 1, sb) {
            let t = &d.toks[a];
            let plausible = t.is_cap()
                || DETS.contains(&t.lower)
                || is_pronoun(&t.lower)
                || TITLES.contains(&t.lower)
                || (b > a + 1);
            let next_ok = b >= sb
                || matches!(d.toks[b].kind, TokKind::Punct | TokKind::Quote)
                || AFTER_SUBJECT.contains(d.lw(b));
            if plausible
                && next_ok
                && !(matches!(t.lower.as_str(), "it" | "you" | "which" | "there" | "that"))
            {
                let (mut sp, mut named) = speaker_of(d, a, b);
                let mut b = b;
                // "…,” said the firm's chief executive, Alan Mulally.": the
                // name in apposition to a role phrase is the speaker.
                if let Some((nb, s2)) = appositive_after(d, a, b, sb).filter(|_| !named) {
                    (sp, named, b) = (s2, true, nb);
                }
                let mut e = j.saturating_sub(1).max(sa);
                while e > sa && matches!(d.toks[e - 1].kind, TokKind::Punct | TokKind::Quote) {
                    e -= 1;
                }
                let content = if e > sa {
                    d.span(sa, e)
                } else {
                    d.span(sa, sb)
                };
                return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1));
            }
        }
        // a strong cue after a quote or comma whose source cannot be told: abstain
        if strong && j > sa && !EVIDENTIAL.contains(&w) {
            return Some((mk(d, cue, None, cue, String::new(), false), i + 1));
        }
        return None;
    }
    // 3. subject before the verb
    let Some((a, b)) = np_back(d, sa, j - 1).map(|(a, b)| {
        // "people familiar with the talks", "sources close to the minister"
        if a >= sa + 3
            && matches!(
                (d.lw(a - 2), d.lw(a - 1)),
                ("familiar", "with") | ("close", "to")
            )
        {
            if let Some((a2, _)) = np_back(d, sa, a - 3) {
                return (a2, b);
            }
        }
        // "A study published in The Lancet found": the noun before the
        // participle phrase is the subject.
        if a >= sa + 3
            && matches!(d.lw(a - 1), "in" | "at" | "by" | "on" | "for" | "from")
            && d.lw(a - 2).ends_with("ed")
            && !d.toks[a - 2].is_cap()
        {
            if let Some(np) = np_back(d, sa, a - 3) {
                return np;
            }
        }
        (a, b)
    }) else {
        if strong && !NO_SUBJECTLESS_CUE.contains(&w) {
            return Some((mk(d, cue, None, cue, String::new(), false), i + 1));
        }
        return None;
    };
    if weak && !strong {
        // "could not agree on 40 points": a weak verb with a prepositional
        // object reports no speech or belief.
        if i + 1 < sb && PREPOSITIONS_AFTER_WEAK.contains(d.lw(i + 1)) {
            return None;
        }
        let t = &d.toks[b - 1];
        let ok = is_pronoun(&t.lower) && t.lower != "it" && t.lower != "which"
            || t.is_cap()
            || ORG_WORDS.contains(&t.lower)
            || GROUP_SUBJECTS.contains(&t.lower)
            || (BELIEF_BASE_VERBS.contains(&w)
                && (t.lower.ends_with('s')
                && !t.lower.ends_with("ss")
                && !t.lower.ends_with("'s")
                || DETS.contains(&t.lower)
                || t.lower.chars().all(|c| c.is_ascii_digit())
                || share_word(&t.lower)
                || t.lower.contains('-')
                // "those surveyed say", "a third say", "many think"
                || QUANTIFIERS.contains(d.lw(a))
                || matches!(t.lower.as_str(), "surveyed" | "polled" | "asked" | "interviewed" | "questioned")));
        // "I think …": the writer's own view, not a report
        if !ok || (w == "think" && matches!(t.lower.as_str(), "i" | "we")) {
            return None;
        }
    }
    if d.lw(a) == "it" && !strong {
        return None;
    }
    // "Talks between Ohio and Texas have revealed": the object of a
    // preposition is not the subject.
    if object_of_preposition(d, sa, a) {
        return None;
    }
    if mute_subject(d, &w, a, b) {
        return None;
    }
    let (sp, named) = speaker_of(d, a, b);
    let content = content_span(d, sa, sb, a, i + 1);
    Some((mk(d, cue, Some((a, b)), content, sp, named), i + 1))
}

/// Function words that cannot describe a name before it.
static NOT_DESCRIPTORS: WordSet = WordSet::new(concat!(
    "and|", "or|", "but|", "said|", "says|", "that|", "which|", "who|", "when|", "as|", "if|"
));

/// "DESCRIPTION, Name Name, VERB": the capitalised name between the two
/// commas before the verb at `j`, when a lowercase noun ends the
/// description before the first comma ("Apple's marketing chief, Greg
/// Joswiak, indicated"; not "Paris, London, said"). Token range of the name.
fn appositive_name(d: &Doc, sa: usize, j: usize) -> Option<(usize, usize)> {
    if j < sa + 4 || d.toks[j - 1].text != "," {
        return None;
    }
    let b = j - 1;
    let mut a = b;
    while a > sa && b - a < 4 && d.toks[a - 1].is_cap() {
        a -= 1;
    }
    if a == b || a < sa + 2 || d.toks[a - 1].text != "," {
        return None;
    }
    // Titles inside the commas ("the spokesman, Dr Ann Lee,") are the name's.
    if (a..b).all(|k| TITLES.contains(d.lw(k))) {
        return None;
    }
    let desc = &d.toks[a - 2];
    let noun = desc.kind == TokKind::Word
        && !desc.is_cap()
        && !DETS.contains(&desc.lower)
        && !is_pronoun(&desc.lower)
        && !NOT_DESCRIPTORS.contains(&desc.lower);
    noun.then_some((a, b))
}

/// Verbs of evidence, which things as well as people do ("the talks revealed").
static EVIDENTIAL: WordSet = WordSet::new(concat!(
    "highlighted|",
    "highlights|",
    "revealed|",
    "reveals|",
    "indicated|",
    "indicates|",
    "showed|",
    "shows|",
    "shown|",
    "demonstrated|",
    "underscored|",
    "underscores|",
    "suggested|",
    "suggests|",
    "confirmed|",
    "confirms|",
    "highlighting|",
    "suggesting|",
    "indicating|",
    "showing|",
    "underscoring|",
    "demands|",
    "demanded|"
));

/// Verbs that "it" (a newspaper, a company, a report) does as a speaker.
static IT_VERBS: WordSet = WordSet::new(concat!(
    "said|",
    "says|",
    "told|",
    "reported|",
    "reports|",
    "announced|",
    "stated|",
    "added|",
    "noted|",
    "wrote|",
    "writes|",
    "warned|",
    "claimed|",
    "argued|",
    "tweeted|",
    "confirmed|",
    "denied|",
    "explained|",
    "insisted|",
    "revealed|",
    "disclosed|",
    "estimated|",
    "predicted|",
    "concluded|",
    "found|",
    "finds|",
    "showed|",
    "shows|",
    "saying|",
    "adding|",
    "noting|"
));

/// Whether the subject `a..b` cannot be the speaker of the cue word `w`: a
/// verb of evidence after a thing ("the talks have highlighted"), or "it"
/// with a verb that is no reporting ("it demands").
fn mute_subject(d: &Doc, w: &str, a: usize, b: usize) -> bool {
    let t = &d.toks[b - 1];
    if b == a + 1 && t.lower == "it" {
        return !IT_VERBS.contains(w);
    }
    EVIDENTIAL.contains(w)
        && !(t.is_cap()
            || is_pronoun(&t.lower)
            || ORG_WORDS.contains(&t.lower)
            || TITLES.contains(&t.lower)
            || EVIDENCE_NOUNS.contains(&t.lower))
}

/// Nouns that show or find as sources do ("the poll showed").
static EVIDENCE_NOUNS: WordSet = WordSet::new(concat!(
    "poll|",
    "polls|",
    "survey|",
    "surveys|",
    "study|",
    "studies|",
    "data|",
    "report|",
    "reports|",
    "analysis|",
    "research|",
    "figures|",
    "statistics|",
    "estimates|",
    "documents|",
    "records|",
    "findings|",
    "review|",
    "audit|",
    "investigation|",
    "statement|",
    "memo|",
    "letter|",
    "email|",
    "emails|",
    "spokesman|",
    "spokeswoman|",
    "spokesperson|",
    "officials|",
    "official|",
    "sources|",
    "experts|",
    "analysts|",
    "economists|",
    "scientists|",
    "researchers|",
    "people|"
));

/// Contractions of "is" / "has", not possessives.
static IS_CONTRACTIONS: WordSet = WordSet::new(concat!(
    "he's|", "she's|", "it's|", "that's|", "there's|", "who's|", "what's|", "here's|", "where's|",
    "let's|"
));

/// A possessive before a word ("Lee's", "her"): the word is not a verb.
/// Contractions of "is" / "has" ("he's", "that's") are not possessives.
fn possessive(w: &str) -> bool {
    matches!(w, "his" | "their" | "its" | "our" | "my" | "your")
        || (w.ends_with("'s") && !IS_CONTRACTIONS.contains(w))
        || (w.len() > 2 && w.ends_with("s'"))
}

/// Irregular past participles.
static IRREGULAR_PARTICIPLES: WordSet = WordSet::new(concat!(
    "said|",
    "told|",
    "written|",
    "shown|",
    "known|",
    "thought|",
    "found|",
    "seen|",
    "heard|",
    "sought|",
    "made|",
    "taught|",
    "forecast|"
));

/// A past participle form ("said", "told", "reported"), for passives.
fn participle_form(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 3) || IRREGULAR_PARTICIPLES.contains(w)
}

/// Prepositions that take a noun phrase object.
static PREPOSITIONS: WordSet = WordSet::new(concat!(
    "between|", "among|", "against|", "with|", "without|", "about|", "over|", "under|", "into|",
    "through|", "toward|", "towards|", "despite|", "like|"
));

/// Number words and fractions: "about half" is an amount.
static AMOUNT_WORDS: WordSet = WordSet::new(concat!(
    "half|", "a|", "one|", "two|", "three|", "four|", "five|", "six|", "seven|", "eight|", "nine|",
    "ten|", "twenty|", "thirty|", "forty|", "fifty|", "sixty|", "seventy|", "eighty|", "ninety|",
    "hundred|", "dozen|", "third|", "quarter|"
));

/// Whether the noun phrase starting at token `a` is the object of a
/// preposition, alone or after a coordination of names ("between Ohio and Texas").
fn object_of_preposition(d: &Doc, sa: usize, a: usize) -> bool {
    let mut k = a;
    // "between Ohio, Texas and Utah": step back over a list of names (not
    // over "with EgyptAir, the airline said", where the comma ends a clause)
    while k > sa + 1
        && matches!(d.lw(k - 1), "and" | "or" | ",")
        && d.toks[k - 2].is_cap()
        && d.toks[k].is_cap()
        && !DETS.contains(d.lw(k))
    {
        k -= 2;
        while k > sa && d.toks[k - 1].is_cap() {
            k -= 1;
        }
    }
    // "about half of voters", "over 40 percent": approximately, not a preposition
    let amount = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) || AMOUNT_WORDS.contains(w);
    if k > sa && matches!(d.lw(k - 1), "about" | "over" | "under") && amount(d.lw(k)) {
        return false;
    }
    k > sa && PREPOSITIONS.contains(d.lw(k - 1))
}

/// First words of headlines and section labels.
static LABEL_STARTS: WordSet = WordSet::new(concat!(
    "the|",
    "breaking|",
    "byline|",
    "update|",
    "updated|",
    "watch|",
    "related|",
    "q|",
    "a|",
    "video|",
    "contributing|",
    "look|",
    "revealed|",
    "photos|",
    "exclusive|"
));

/// "PENCE: Well, look …" / "Trump: …": a speaker label of one to four capitalised words
/// opening a paragraph, then a colon; the content runs to the paragraph's end.
fn transcript(d: &Doc, sa: usize, i: usize) -> Option<(Attribution, usize)> {
    let mut a = sa;
    if a < i && d.toks[a].kind == TokKind::Quote {
        a += 1;
    }
    let para_start = a == 0 || d.toks[sa].after_newline || sa == 0;
    if !para_start
        || a >= i
        || i - a > 4
        || !(a..i).all(|k| d.toks[k].is_cap() || d.toks[k].text == ".")
    {
        return None;
    }
    let next = d.toks.get(i + 1)?;
    if next.after_newline || next.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut e = i + 1;
    while e < d.toks.len() && !d.toks[e].after_newline {
        e += 1;
    }
    // Section labels ("The Latest: …", "Rubio: Finish second.") are short,
    // but the article's headline names a speaker ("Sanders: Clinton Email
    // Story Has Moved.").
    let headline = (0..=a).all(|k| !d.toks[k].after_newline) && e - i >= 4;
    if (e - i < 12 && !headline) || LABEL_STARTS.contains(d.lw(a)) {
        return None;
    }
    let cue = d.span(i, i + 1);
    let sp = d.text(a, i);
    let name = sp
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_string() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let _ = name;
    Some((mk(d, cue, Some((a, i)), d.span(i + 1, e), sp, true), i + 1))
}

/// A capitalised name (with titles) opening sentence [sa, sb), if any.
fn subject_name(d: &Doc, sa: usize, sb: usize) -> Option<(usize, usize)> {
    let mut a = sa;
    while a < sb && d.toks[a].kind != TokKind::Word {
        a += 1;
    }
    let mut b = a;
    while b < sb && (d.toks[b].is_cap() || (b > a && TITLES.contains(d.lw(b)))) {
        b += 1;
    }
    if b <= a + 1
        || NP_STOP.contains(d.lw(a))
        || DETS.contains(d.lw(a))
        || b >= sb
        || d.toks[b].lower == "'s"
    {
        return None;
    }
    Some((a, b))
}

/// Whether the generic "person + verb" rule runs.
const GENERIC: bool = true;
/// Whether it also runs for earlier speakers' names (not only pronouns).
const GENERIC_NAMES: bool = true;
/// Whether any sentence-initial subject noun phrase will do.
const GENERIC_ANY: bool = false;

/// Words ending in "-s" or "-ed" that are no verb here.
static NOT_VERB_S: WordSet = WordSet::new(concat!(
    "is|", "was|", "has|", "does|", "goes|", "needed|", "used|", "based|", "this|", "its|", "his|",
    "us|"
));

/// A sentence with no lexicon cue whose subject is a personal pronoun or an earlier
/// speaker's name, followed by a past-tense or present verb with a complement or an
/// object: that verb is taken as a cue (PolNeAR counts what people do with words and
/// minds, not only "say").
fn generic(d: &Doc, sa: usize, sb: usize) -> Option<Attribution> {
    let mut i = sa;
    while i < sb && d.toks[i].kind != TokKind::Word {
        i += 1;
    }
    // fronted adverbial up to a comma
    if i < sb && (NP_STOP.contains(d.lw(i)) || d.lw(i).ends_with("ly")) && !is_pronoun(d.lw(i)) {
        let c = (i..sb.min(i + 9)).find(|&k| d.toks[k].text == ",")?;
        i = c + 1;
    }
    let (a, b) = np_fwd(d, i, sb)?;
    let w0 = d.lw(a).to_string();
    let pron = b == a + 1 && matches!(w0.as_str(), "he" | "she" | "they" | "i" | "we");
    if !pron && !GENERIC_NAMES {
        return None;
    }
    let any_subject = GENERIC_ANY;
    if !pron && GENERIC_NAMES && !any_subject {
        let (sp, named) = speaker_of(d, a, b);
        if !named || !d.named_heads.contains(&last_word_lower(&sp)) {
            return None;
        }
    }
    let mut v = b;
    while v < sb && (BETWEEN.contains(d.lw(v)) || (d.lw(v).ends_with("ly") && d.lw(v).len() > 4)) {
        v += 1;
    }
    if v >= sb || d.toks[v].is_cap() || !d.toks[v].is_word() {
        return None;
    }
    let w = d.lw(v);
    let verbish = (w.ends_with("ed")
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && w.len() > 3))
        && !NOT_VERB_S.contains(w);
    if !verbish {
        return None;
    }
    // a clausal complement follows: "pledged to", "suspects that", "wrote:"
    let nx = d.toks.get(v + 1).map(|t| t.lower.as_str()).unwrap_or("");
    // What follows the verb: a clausal complement ("pledged to", "suspects
    // that", "wrote:"), or else an object ("rooted for the Eagles",
    // "denounced the annexation") — not a particle, a place or the
    // clause's end ("settled in", "carried out", "emerged as") — of a verb
    // that is no verb of doing ([`NOT_SAYING`]).
    let complement = matches!(
        nx,
        "that" | "to" | ":" | "“" | "\"" | "''" | "whether" | "if" | "how" | "why" | "what"
    );
    // "Ann Lee’s pointed remarks": after a possessive, no verb
    if !complement
        && (AFTER_DOING.contains(nx) || NOT_SAYING.contains(w) || possessive(d.lw(v - 1)))
    {
        return None;
    }
    let cue = d.span(v, v + 1);
    let content = content_span(d, sa, sb, a, v + 1);
    let (sp, named) = speaker_of(d, a, b);
    Some(mk(d, cue, Some((a, b)), content, sp, named))
}

/// Verbs of doing that a person subject does without saying or thinking
/// anything: the generic rule ([`generic`]) takes no cue from them ("Trump
/// needs", "Clinton won", "he joined"), unless a clause follows. From the
/// PolNeAR train split.
static NOT_SAYING: WordSet = WordSet::new(concat!(
    "need|",
    "needs|",
    "leads|",
    "remains|",
    "worked|",
    "works|",
    "captured|",
    "turned|",
    "led|",
    "joined|",
    "earned|",
    "received|",
    "picked|",
    "served|",
    "finished|",
    "comes|",
    "gets|",
    "faces|",
    "faced|",
    "visited|",
    "wins|",
    "won|",
    "scored|",
    "married|",
    "dropped|",
    "trails|",
    "stopped|",
    "looked|",
    "entered|",
    "ended|",
    "walked|",
    "stepped|",
    "tried|",
    "lost|",
    "died|",
    "moved|",
    "returned|",
    "arrived|",
    "spent|",
    "traveled|",
    "travelled|",
    "lived|",
    "grew|",
    "became|",
    "seemed|",
    "appeared|",
    "remained|",
    "started|",
    "played|",
    "held|",
    "holds|",
    "takes|",
    "took|",
    "made|",
    "makes|",
    "went|",
    "goes|",
    "came|",
    "got|",
    "ran|",
    "runs|",
    "left|",
    "sat|",
    "stood|"
));

/// Words after a verb that show it reports nothing: particles, places,
/// the end of the clause ("settled in", "carried out", "emerged as").
static AFTER_DOING: WordSet = WordSet::new(concat!(
    "in|", "at|", "on|", "as|", "out|", "up|", "from|", "into|", "with|", "by|", ",|", ".|",
    "down|", "off|", "back|", "over|", "behind|", "through|"
));

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Whether tokens `k..k + 3` are a share of people written "six in 10",
/// "one in three".
fn share_of(d: &Doc, k: usize) -> bool {
    let count = |w: &str| is_number(w) || COUNT_WORDS.contains(w);
    k + 2 < d.toks.len() && count(d.lw(k)) && d.lw(k + 1) == "in" && count(d.lw(k + 2))
}

/// Numbers written as words, up to ten.
static COUNT_WORDS: WordSet = WordSet::new(concat!(
    "one|", "two|", "three|", "four|", "five|", "six|", "seven|", "eight|", "nine|", "ten|"
));

/// Whether a subject's last word is a share of people ("42%", "9 percent").
fn share_word(w: &str) -> bool {
    matches!(w, "%" | "percent")
}

fn is_month(w: &str) -> bool {
    crate::entities::dates::MONTHS.iter().any(|(m, _)| *m == w)
}

fn is_day(w: &str) -> bool {
    crate::entities::dates::WEEKDAYS.contains(w)
}

fn mk(
    d: &Doc,
    cue: Span,
    src: Option<(usize, usize)>,
    content: Span,
    sp: String,
    named: bool,
) -> Attribution {
    let (source, mut speaker, mut kind) = match src {
        Some((a, b)) => (
            Some(d.span(a, b)),
            Some(sp),
            if named {
                SpeakerKind::Entity
            } else {
                SpeakerKind::Unnamed
            },
        ),
        None => (None, None, SpeakerKind::Unknown),
    };
    if let Some((a, b)) = src {
        if b == a + 1 && is_pronoun(d.lw(a)) {
            let w = d.lw(a).to_string();
            if let Some((sp, named)) = relative_antecedent(d, a) {
                speaker = Some(sp);
                kind = if named {
                    SpeakerKind::Entity
                } else {
                    SpeakerKind::Unnamed
                };
            } else if let Some(r) = resolve(d, a, &w) {
                speaker = Some(r);
                kind = SpeakerKind::Entity;
            } else {
                kind = SpeakerKind::Unnamed;
            }
        }
    }
    Attribution {
        cue: Some(cue),
        source,
        content,
        speaker,
        speaker_kind: kind,
    }
}

/// Head nouns of polls and surveys, which report what they find ("in the
/// latest Gallup poll").
static POLLS: WordSet = WordSet::new(concat!("poll|", "polls|", "survey|", "surveys|"));

/// "in" before a poll or survey as a cue: "In the latest Gallup poll, 52
/// percent …" (the rest of the sentence is the content) or "… leads in
/// three polls" (the sentence up to "in"). The poll phrase is the source.
fn in_poll(d: &Doc, sa: usize, sb: usize, i: usize) -> Option<(Attribution, usize)> {
    let (a, mut b) = np_fwd(d, i + 1, sb)?;
    // "the latest Gallup poll": the noun after the name
    if b < sb && POLLS.contains(d.lw(b)) {
        b += 1;
    }
    // the head noun: before an "of" / "in" / "from" phrase
    let head = (a..b)
        .find(|&k| k > a && matches!(d.lw(k), "of" | "in" | "from" | "by" | "for"))
        .unwrap_or(b);
    if !POLLS.contains(d.lw(head - 1)) || is_pronoun(d.lw(a)) {
        return None;
    }
    let cue = d.span(i, i + 1);
    let mut c = b;
    while c < sb && matches!(d.toks[c].kind, TokKind::Punct | TokKind::Quote) {
        c += 1;
    }
    let content = if i == sa && c < sb {
        d.span(c, sb)
    } else if i > sa {
        d.span(sa, i)
    } else {
        return None;
    };
    let (sp, named) = speaker_of(d, a, b);
    Some((mk(d, cue, Some((a, b)), content, sp, named), b))
}

/// "the firm's chief executive, Alan Mulally" after a cue: a role phrase
/// `a..b` (lowercase head), a comma, then a capitalised name that ends the
/// clause. Returns the end of the name and the name as speaker string.
fn appositive_after(d: &Doc, a: usize, b: usize, sb: usize) -> Option<(usize, String)> {
    if b + 1 >= sb || d.toks[b].text != "," || !d.toks[b + 1].is_cap() || d.toks[b - 1].is_cap() {
        return None;
    }
    if (a..b).any(|k| d.toks[k].is_cap() && k > a) {
        return None;
    }
    let (na, nb) = np_fwd(d, b + 1, sb)?;
    let (sp, named) = speaker_of(d, na, nb);
    let ends =
        nb >= sb || matches!(d.toks[nb].kind, TokKind::Punct | TokKind::Quote) || d.lw(nb) == "who";
    (named && ends && (na..nb).all(|k| d.toks[k].is_cap() || d.toks[k].kind == TokKind::Punct))
        .then_some((nb, sp))
}

/// The noun phrase a relative "who" at token `a` stands for: "Bernie
/// Sanders, who endorsed Clinton" → ("Bernie Sanders", named), "voters who
/// say" → ("voters", not named). The source stays where "who" is written.
fn relative_antecedent(d: &Doc, a: usize) -> Option<(String, bool)> {
    // "who" as written: "WHO" is the World Health Organization
    if d.toks[a].text != "who" || a == 0 {
        return None;
    }
    let end = if d.toks[a - 1].text == "," { a - 1 } else { a };
    if end == 0 {
        return None;
    }
    let lo = a.saturating_sub(16);
    let near = np_back(d, lo, end - 1);
    // "Jim Bennett, 57, who" / "Ann Lee, an analyst at Acme, who": the name
    // before the apposition, when the phrase next to "who" names no one (or
    // names the object of a preposition).
    let names = |(na, nb): (usize, usize)| {
        speaker_of(d, na, nb).1
            && !(na > 0
                && matches!(
                    d.lw(na - 1),
                    "at" | "of" | "for" | "in" | "from" | "with" | "on" | "by"
                ))
    };
    if end < a && !near.is_some_and(names) {
        let comma = (lo.max(1)..end).rev().find(|&k| d.toks[k].text == ",");
        let clean = |c: usize| {
            (c + 1..end).all(|k| d.toks[k].kind != TokKind::Quote && d.toks[k].text != ".")
        };
        if let Some((pa, pb)) = comma
            .filter(|&c| clean(c))
            .and_then(|c| np_back(d, lo, c - 1))
        {
            let (sp, named) = speaker_of(d, pa, pb);
            if named && !is_pronoun(d.lw(pb - 1)) {
                return Some((sp, named));
            }
        }
    }
    let (na, nb) = near?;
    if is_pronoun(d.lw(nb - 1)) {
        return None;
    }
    Some(speaker_of(d, na, nb))
}

/// The head word of a speaker string: lowercased, curly apostrophes straightened, cut
/// before the first ",", "(", " who ", " which ", " that ", " of ", " from ", " at ",
/// " in ", " for ", " with ", " and ", " — " or " - "; then the last word of what is left,
/// with a possessive "'s" removed. "council leader Priya Natarajan" → "natarajan",
/// "Friends of the Wendle" → "friends", "Mr. Trump" → "trump", "he" → "he".
pub fn head_word(s: &str) -> String {
    let mut t = format!(
        " {} ",
        s.to_lowercase().replace('’', "'").replace('\n', " ")
    );
    for cut in [
        ",", "(", " who ", " which ", " that ", " of ", " from ", " at ", " in ", " for ",
        " with ", " and ", " — ", " - ", ":", ";",
    ] {
        if let Some(i) = t.find(cut) {
            if t[..i].split_whitespace().count() > 0 {
                t.truncate(i);
            }
        }
    }
    let words: Vec<String> = t
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let mut last = words.last().cloned().unwrap_or_default();
    if let Some(x) = last.strip_suffix("'s") {
        last = x.to_string();
    }
    last
}

/// The "subject of a reporting verb" baseline: for each verb of a short list, the speaker
/// is the capitalised run (or the one word) just before it, or the capitalised run just
/// after it when a comma or quote precedes the verb ("…,” said X"). With `according_to`,
/// "according to X" also counts (X: the capitalised run or the next word).
pub fn subject_rule(text: &str, according_to: bool) -> Vec<Attribution> {
    static VERBS: WordSet = WordSet::new(concat!(
        "said|",
        "says|",
        "say|",
        "told|",
        "tells|",
        "added|",
        "stated|",
        "claimed|",
        "argued|",
        "warned|",
        "explained|",
        "noted|",
        "wrote|",
        "reported|",
        "announced|",
        "insisted|",
        "asked|",
        "tweeted|"
    ));
    let toks = tokenize(text);
    let mut out = Vec::new();
    for &(sa, sb) in &sentences(&toks) {
        let content = Span::new(toks[sa].span.start, toks[sb - 1].span.end);
        for i in sa..sb {
            let w = toks[i].lower.as_str();
            let mut src: Option<(usize, usize)> = None;
            let mut cue_end = i + 1;
            if according_to && w == "according" && i + 2 < sb && toks[i + 1].lower == "to" {
                cue_end = i + 2;
                let mut b = i + 2;
                while b < sb && toks[b].is_cap() {
                    b += 1;
                }
                src = Some((i + 2, b.max(i + 3)));
            } else if VERBS.contains(w) {
                let after_punct = i > sa && toks[i - 1].kind != TokKind::Word;
                if after_punct || i == sa {
                    let mut b = i + 1;
                    while b < sb && toks[b].is_cap() {
                        b += 1;
                    }
                    if b > i + 1 {
                        src = Some((i + 1, b));
                    }
                } else {
                    let mut a = i;
                    while a > sa && toks[a - 1].is_cap() {
                        a -= 1;
                    }
                    if a == i && toks[i - 1].is_word() {
                        a = i - 1;
                    }
                    if a < i {
                        src = Some((a, i));
                    }
                }
            } else {
                continue;
            }
            let cue = Span::new(toks[i].span.start, toks[cue_end - 1].span.end);
            let (source, speaker, kind) = match src {
                Some((a, b)) => {
                    let s = Span::new(toks[a].span.start, toks[b - 1].span.end);
                    let name: String = text.chars().skip(s.start).take(s.end - s.start).collect();
                    let k = if toks[a].is_cap() {
                        SpeakerKind::Entity
                    } else {
                        SpeakerKind::Unnamed
                    };
                    (Some(s), Some(name), k)
                }
                None => (None, None, SpeakerKind::Unknown),
            };
            out.push(Attribution {
                cue: Some(cue),
                source,
                content,
                speaker,
                speaker_kind: kind,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(text: &str) -> Vec<(String, String)> {
        let cs: Vec<char> = text.chars().collect();
        attribute(text, None)
            .into_iter()
            .filter(|a| a.cue.is_some())
            .map(|a| {
                let src = a
                    .source
                    .map(|s| cs[s.start..s.end].iter().collect())
                    .unwrap_or_default();
                (src, a.speaker.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn error_families() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "“We will rebuild,” said council leader Priya Natarajan.",
                &[("council leader Priya Natarajan", "Priya Natarajan")],
            ),
            (
                "Friends of the Wendle said the plan was reckless.",
                &[("Friends of the Wendle", "Friends of the Wendle")],
            ),
            // a share of people: "six in 10", not "10"
            (
                "Last week six in 10 voters said the plan was reckless.",
                &[("six in 10 voters", "six in 10 voters")],
            ),
            (
                "Two in three said they would vote.",
                &[("Two in three", "Two in three")],
            ),
            (
                "Maria Lopez, who chairs the panel, warned that costs would rise.",
                &[("Maria Lopez", "Maria Lopez")],
            ),
            (
                "Trump is slamming Clinton over the emails, saying she lied.",
                &[("Trump", "Trump"), ("Trump", "Trump")],
            ),
            (
                "The plan will fail, according to the Office for Budget Responsibility.",
                &[(
                    "the Office for Budget Responsibility",
                    "Office for Budget Responsibility",
                )],
            ),
            (
                "Sen. Ted Cruz said the bill was dead. He said it twice.",
                &[("Sen. Ted Cruz", "Ted Cruz"), ("He", "Ted Cruz")],
            ),
            (
                "The spokesman said nothing.",
                &[("The spokesman", "spokesman")],
            ),
            ("Trump on Tuesday said he would win.", &[("Trump", "Trump")]),
            // a name in apposition to the role phrase after the cue
            (
                "“Sales will recover,” said the bank's chief economist, Ruth Okafor.",
                &[("the bank's chief economist, Ruth Okafor", "Ruth Okafor")],
            ),
            (
                "“No,” said the council's spokeswoman, Joan Pike, on Monday.",
                &[("the council's spokeswoman, Joan Pike", "Joan Pike")],
            ),
            // a role phrase with no name after it stays the speaker
            (
                "“We are ready,” said the chief executive.",
                &[("the chief executive", "chief executive")],
            ),
            // stance verbs after a subject are cues (PolNeAR counts them)
            (
                "Most farmers support the new dam.",
                &[("Most farmers", "farmers")],
            ),
            (
                "The union wanted a shorter week.",
                &[("The union", "union")],
            ),
            (
                "Critics feared the tax would hurt exporters.",
                &[("Critics", "Critics")],
            ),
            (
                "Nadia Ferro decided to run for the seat.",
                &[("Nadia Ferro", "Nadia Ferro")],
            ),
            (
                "Senator Ruth Vale favored a carbon tax.",
                &[("Senator Ruth Vale", "Ruth Vale")],
            ),
            // a poll reports what it finds: "in" before a poll is the cue
            (
                "In the latest Harbor Institute poll, 52 percent backed the levy.",
                &[("the latest Harbor Institute poll", "latest Harbor Institute poll")],
            ),
            (
                "The governor leads in three recent polls.",
                &[("three recent polls", "recent polls")],
            ),
            // "in" before anything else is none
            ("The governor leads in the north.", &[]),
            // "I think": the writer's own view, no attribution
            ("I think the levy will pass.", &[]),
            // the subject phrase ends before an adverb or the main verb
            (
                "A federal judge sided with the city, saying the law was void.",
                &[("A federal judge", "federal judge")],
            ),
            (
                "Gowdy earlier Thursday said the report was late.",
                &[("Gowdy", "Gowdy")],
            ),
            (
                "The senator soon noted that the bill failed.",
                &[("The senator", "senator")],
            ),
            // a participle phrase in apposition is skipped
            (
                "The report, titled “Low Tide”, concludes that the port is failing.",
                &[("The report", "report")],
            ),
            // an age in apposition is skipped
            (
                "Dan Whitlow, 62, who farms near the river, said the floods were worse.",
                &[("Dan Whitlow", "Dan Whitlow")],
            ),
            // a relative "who" after an apposition stands for the name before it
            (
                "The panel heard Lena Marsh, a researcher at Halden College, who said the sea rose.",
                &[("who", "Lena Marsh")],
            ),
            (
                "The mayor met Omar Reyes, 41, who said the park would stay open.",
                &[("who", "Omar Reyes")],
            ),
            // a relative "who" stands for the noun phrase before it
            (
                "Clinton won, said Bernie Sanders, who endorsed her on Tuesday.",
                &[
                    ("Bernie Sanders", "Bernie Sanders"),
                    ("who", "Bernie Sanders"),
                ],
            ),
            (
                "Costs will fall, the WHO estimated.",
                &[("WHO", "WHO")],
            ),
            (
                "Local voters, who have argued that taxes hurt, agreed.",
                &[("Local voters", "Local voters"), ("who", "Local voters")],
            ),
            // a comma before a determiner ends a clause, not a list of names
            (
                "He flew with EgyptAir, the airline said Thursday.",
                &[("the airline", "airline")],
            ),
            // "about half" is an amount, not a preposition's object
            (
                "In Vermont, about half of voters said they want change.",
                // "they want" is a nested attribution (a stance verb), its
                // "they" the voters
                &[
                    ("they", "half of voters"),
                    ("half of voters", "half of voters"),
                ],
            ),
            (
                "The plan would spare them, people familiar with the session said.",
                &[(
                    "people familiar with the session",
                    "people familiar with the session",
                )],
            ),
            // weak verbs with a quantified or surveyed subject
            (
                "Those surveyed say stricter laws would help.",
                &[("Those surveyed", "surveyed")],
            ),
            (
                "Many of his endorsers think that can be reversed.",
                &[("endorsers", "endorsers")],
            ),
            ("They think about it.", &[]),
            // a name in apposition to a description is the speaker
            (
                "Apple's marketing chief, Greg Joswiak, indicated that sales rose.",
                &[("Greg Joswiak", "Greg Joswiak")],
            ),
            (
                "The agency's director, Ann Lee, said the plan was sound.",
                &[("Ann Lee", "Ann Lee")],
            ),
            // reporting words used as nouns are no cues
            ("The claims were false.", &[]),
            ("Such claims have circulated for years.", &[]),
            (
                "Despite claims of a cover-up, the board stayed silent.",
                &[],
            ),
            ("Insurance claims rose sharply in 2023.", &[]),
            ("Several reports about the device surfaced.", &[]),
            (
                "Apple claims that the test is accurate.",
                &[("Apple", "Apple")],
            ),
            ("Many fear that prices will rise.", &[("Many", "Many")]),
            // the generic rule: an earlier speaker or a pronoun, a verb with an
            // object; not a verb of doing, nor a verb before a particle
            (
                "Sen. Ted Cruz said the bill was dead. He denounced the annexation.",
                &[("Sen. Ted Cruz", "Ted Cruz"), ("He", "Ted Cruz")],
            ),
            (
                "Sen. Ted Cruz said the bill was dead. He joined the panel.",
                &[("Sen. Ted Cruz", "Ted Cruz")],
            ),
            (
                "Sen. Ted Cruz said the bill was dead. He settled in a chair.",
                &[("Sen. Ted Cruz", "Ted Cruz")],
            ),
            // a name in apposition after a role noun
            (
                "Apple's vice president of marketing, Greg Joswiak, indicated that it ships in May.",
                &[("Greg Joswiak", "Greg Joswiak")],
            ),
            (
                "His chief strategist, Tad Devine, said the race was close.",
                &[("Tad Devine", "Tad Devine")],
            ),
            // a share of people says ("42% say", "9 percent say", "…, 33%, say")
            (
                "On economic issues, 42% say they are liberal.",
                &[("42%", "42%")],
            ),
            (
                "A mere 9 percent say they only buy American.",
                &[("A mere 9 percent", "mere 9 percent")],
            ),
            (
                "A third of independents, 33%, say they feel that way.",
                &[
                    ("they", "third of independents"),
                    ("A third of independents", "third of independents"),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = speakers(text);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn continuation_keeps_speaker() {
        let text = "“We are ready,” said Priya Natarajan. “The money is there. It will be spent.”";
        let a = attribute(text, None);
        let cont: Vec<_> = a.iter().filter(|a| a.cue.is_none()).collect();
        assert!(!cont.is_empty());
        assert!(cont
            .iter()
            .all(|a| a.speaker.as_deref() == Some("Priya Natarajan")));
    }

    #[test]
    fn continuation_does_not_borrow_next_speaker() {
        let text = "“We will rebuild,” said Priya Natarajan. “The money is there.” Friends of the Wendle said no.";
        let a = attribute(text, None);
        let c = a.iter().find(|a| a.cue.is_none()).expect("a continuation");
        assert_eq!(c.speaker.as_deref(), Some("Priya Natarajan"));
        let text = "“The money is there. It will be spent,” said Priya Natarajan.";
        let a = attribute(text, None);
        let c = a.iter().find(|a| a.cue.is_none()).expect("a continuation");
        assert_eq!(c.speaker.as_deref(), Some("Priya Natarajan"));
    }

    #[test]
    fn headline_names_its_speaker() {
        let body = "\n\nThe senator spoke in Iowa on Monday about the email story and the race.";
        let text = format!("Sanders: Clinton Email Story Has Moved.{body}");
        let a = attribute(&text, None);
        let h = a
            .iter()
            .find(|a| a.content.start < 30)
            .expect("the headline");
        assert_eq!(h.speaker.as_deref(), Some("Sanders"));
        // a label is no speaker, and a short line further down is none either
        let text = format!("The Latest: Clinton Email Story Has Moved.{body}");
        assert!(attribute(&text, None).iter().all(|a| a.content.start > 30));
        let text = format!("Intro line here.{body}\n\nRubio: Finish second.{body}");
        assert!(attribute(&text, None)
            .iter()
            .all(|a| a.speaker.as_deref() != Some("Rubio")));
    }

    #[test]
    fn baseline_rule() {
        let a = subject_rule("“Fine,” said Priya Natarajan. Officials said no.", false);
        let names: Vec<_> = a
            .iter()
            .map(|a| a.speaker.clone().unwrap_or_default())
            .collect();
        assert_eq!(names, vec!["Priya Natarajan", "Officials"]);
    }
}
