//! Word tables of the claims engine, built once.
//!
//! Every list here is general English vocabulary written from linguistic
//! knowledge, not from any particular article: reporting verbs and
//! communication nouns (the usual attribution vocabulary of news writing),
//! Hyland's metadiscourse categories for hedges and boosters, causal
//! connectives, comparison and change words, future and modal markers,
//! negators. The opinion words come from openly licensed lexicons
//! (`data/lexicons/opinion.txt`, see `data/README.md`).
//!
//! Each word maps to a set of [`Tag`] bits, so classifying a token is one
//! hash lookup. Multi-word expressions ("according to", "due to", "it is
//! said") are matched by [`phrase_at`].

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::hash::FxMap;

/// Bit flags describing what a word can signal.
pub type Tag = u32;

/// A hedge (Hyland): may, might, could, perhaps, appear, seem, likely…
pub const HEDGE: Tag = 1;
/// A booster (Hyland) or intensifier: clearly, indeed, demonstrate, notably…
pub const BOOST: Tag = 1 << 1;
/// A reporting verb: said, told, noted, acknowledged, warned…
pub const REPORT: Tag = 1 << 2;
/// A communication noun after a possessive: remarks, reference, statement…
pub const COMM: Tag = 1 << 3;
/// A negator: not, no, never, cannot, n't…
pub const NEG: Tag = 1 << 4;
/// Causal language: because, caused, triggered, therefore…
pub const CAUSAL: Tag = 1 << 5;
/// Comparison or change: than, largest, rose, fell, doubled…
pub const COMPARE: Tag = 1 << 6;
/// A strong future marker: will, shall, forecast, predicted…
pub const FUTURE: Tag = 1 << 7;
/// A possibility modal: could, may, might.
pub const MODAL: Tag = 1 << 8;
/// A hearsay adverb: reportedly, allegedly, purportedly, supposedly.
pub const HEARSAY: Tag = 1 << 9;
/// A noun for an unnamed source: officials, sources, analysts, spokesman…
pub const SOURCE: Tag = 1 << 10;
/// A third-person singular subject pronoun: he, she.
pub const PRON: Tag = 1 << 11;
/// A third-person possessive pronoun: his, her.
pub const PRON_POSS: Tag = 1 << 12;
/// First person: I, we, my, our, me, us.
pub const FIRST: Tag = 1 << 13;
/// An auxiliary or modal verb (a sign of a finite clause).
pub const AUX: Tag = 1 << 14;
/// A determiner or plural pronoun that can start a subject.
pub const DET: Tag = 1 << 15;
/// A degree adverb that makes the next adjective evaluative: very, increasingly…
pub const DEGREE: Tag = 1 << 16;
/// An evaluative word from the opinion lexicon.
pub const OPINION: Tag = 1 << 17;
/// First word of a multi-word expression in `PHRASES`.
pub const PHRASE: Tag = 1 << 18;
/// Approximators before a number: about, around, nearly, roughly…
pub const APPROX: Tag = 1 << 19;
/// A plural subject pronoun: they.
pub const THEY: Tag = 1 << 20;
/// Words that mark a rate or a share after a number: each, per, every, apiece.
pub const PER: Tag = 1 << 21;
/// "according" (of "according to").
pub const ACCORDING: Tag = 1 << 22;
/// A number word: two, dozen, hundreds, million…
pub const NUMBER: Tag = 1 << 23;
/// A unit of time or a head count for rates: year, day, capita…
pub const UNIT: Tag = 1 << 24;
/// A preposition (a name after one is not a subject).
pub const PREP: Tag = 1 << 25;

const HEDGES: &str = "\
    possibility likelihood speculation assumption presumed \
    almost apparent apparently appear appeared appearing appears arguably assume assumed \
    assumes believe believed believes conceivably could doubt doubtful doubts \
    essentially estimate estimated estimates fairly frequently generally guess indicate \
    indicated indicates indicating largely likely mainly may maybe might mostly often \
    perhaps plausible plausibly possible possibly potential potentially predominantly \
    presumably probable probably quite rather relatively seem seemed seemingly seems should \
    sometimes somewhat speculate speculated suggest suggested suggesting suggests suppose \
    supposed suspected tend tended tends typically uncertain unclear unlikely \
    usually would ";

const HEARSAYS: &str = "\
    alleged purported unconfirmed \
    allegedly purportedly reportedly rumoured rumored supposedly ostensibly";

const APPROXIMATORS: &str = "\
    about approximately around nearly roughly some almost circa approx estimated";

const BOOSTERS: &str = "\
    absolutely actually always certain certainly clear clearly conclusively considerably \
    decidedly definite definitely demonstrate demonstrated demonstrates demonstrating \
    doubtless dramatically entirely especially evident evidently extremely firmly \
    fundamentally greatly highly incontestable incontrovertible indeed indisputable \
    indisputably markedly notably obvious obviously particularly plainly profoundly prove \
    proved proven proves really sharply significantly stark starkly strikingly strongly \
    substantially sure surely totally truly unambiguously undeniable undeniably undoubtedly \
    unquestionably utterly vastly";

/// Degree adverbs: "very", "increasingly" — the adjective after them is evaluative.
const DEGREES: &str = "\
    very increasingly deeply highly extremely notably remarkably particularly especially \
    exceedingly overly too so utterly terribly incredibly seriously badly woefully wildly \
    hugely ever dangerously painfully strikingly alarmingly surprisingly unusually \
    exceptionally";

const REPORTING: &str = "\
    believe think fear fears feared expect expects hope hopes showed shows \
    acknowledge acknowledged acknowledges acknowledging add added adding adds admit admits \
    admitted admitting affirmed agreed alleged alleges announce announced announces argue \
    argued argues arguing assert asserted asserts asserting assured boasted cautioned \
    cautioning claim claimed claiming claims comment commented complained conceded conceding \
    concluded confirm confirmed confirms contend contended contends declared declares denied \
    denies disclosed emphasised emphasized estimated explain explained explaining explains \
    insist insisted insisting insists maintain maintained maintains mentioned note noted \
    notes noting observed predicted predicts promised recalled remarked replied reported \
    reports reiterated reiterating revealed said say saying says state stated states stating \
    stressed stresses stressing suggested tell tells testified told tweeted underlined urged \
    vowed warn warned warning warns wrote writes believes thinks estimates forecast \
    projected";

const COMM_NOUNS: &str = "\
    account accusation accusations admission allegation allegations analysis announcement \
    answer argument arguments assertion assertions assessment assessments assurance \
    assurances belief claim claims comment comments conclusion declaration denial estimate \
    estimates explanation forecast forecasts insistence interview letter message observation \
    observations pledge prediction predictions promise proposal reference references remark \
    remarks reply report reports response speech statement statements suggestion testimony \
    view views warning warnings words writings verdict diagnosis contention";

const SOURCES: &str = "\
    aide aides analyst analysts authorities commentators critics diplomat diplomats \
    economists experts insiders investigators observers official officials people police \
    prosecutors researchers residents scientists source sources spokesman spokesperson \
    spokeswoman witnesses reports media ministry government statement study survey data \
    figures documents organisers organizers activists campaigners doctors lawyers officers \
    military army agency office department committee commission council company firm group \
    team sources insider someone observers poll polls estimates lawmakers legislators \
    leaders leader findings research paper review investigation inquiry court judge judges \
    regulator regulators watchdog mayor minister president governor chancellor premier \
    chief ceo chairman chairwoman secretary senator commissioner director ambassador envoy \
    general commander prosecutor";

const NEGATORS: &str = "\
    not no never cannot neither nor none nobody nothing nowhere without can't won't don't \
    doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't couldn't wouldn't \
    shouldn't mustn't n't";

const CAUSALS: &str = "\
    because cause caused causes causing consequently therefore thus hence triggered triggers \
    trigger sparked sparks fuelled fueled fuels prompted prompts provoked derailed derail \
    undermined undermines boosted hurt damaged forced forces enabled prevented prevents \
    complicated complicates impact impacts impacted affect affects affected drove driven \
    blamed blames owing consequence consequences effect effects responsible contributed \
    contributes resulted stemmed stems";

const COMPARES: &str = "\
    than compared comparison versus vs vs. relative unlike whereas largest biggest highest \
    lowest smallest most least fewest best worst record weaker stronger higher lower larger \
    smaller bigger greater fewer faster slower cheaper costlier richer poorer more less rose \
    risen rise rises fell fallen falls increased increase increases decreased decrease \
    decreases doubled tripled halved grew grown declined decline dropped drop jumped surged \
    plunged climbed slumped diminished shrank expanded widened narrowed outnumber \
    outnumbered exceeded exceeding exceeds surpassed";

const FUTURES: &str = "\
    will shall won't 'll forecast forecasts predicted predicts predict projected projects \
    expects expected anticipated anticipates upcoming soon tomorrow next plans planned \
    intends poised";

const MODALS: &str = "\
    could may might";

const AUXES: &str = "\
    is are was were be been has have had do does did will would can could may might must \
    shall should remains remained seems appears faces faced says said";

const DETS: &str = "\
    the a an this that these those its their his her our they he she it we i you there some \
    many most such";

const PRONS: &str = "\
    he she";
const PRON_POSSES: &str = "\
    his her";
const FIRSTS: &str = "\
    i we my our me us i'm we're i've we've";
const THEYS: &str = "\
    they";
const NUMBERS: &str = "\
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty \
    hundred hundreds thousand thousands million millions billion billions dozen dozens half \
    twice thrice double triple";

const UNITS: &str = "\
    year years month months week weeks day days hour hours minute minutes second seconds \
    decade decades annum capita person head quarter";

/// "like" and "including" are left out: they introduce members of a subject
/// ("experts, including Steven Jermy, said").
const PREPS: &str = "\
    about across after against among at before between by during for from in into of on \
    over than through to toward towards under with within without";

const PERS: &str = "\
    each per every apiece a an";

/// Multi-word expressions, one a line: a tag letter, then the words
/// (A according, R reporting, S hearsay, C causal, M comparison, F future,
/// B booster, H hedge, N negation, 0 none: "not only" is not a negation).
/// Kept as text rather than a table of slices: smaller in the wasm.
const PHRASES: &str = "\
A according to
R pointed out
0 rather than
S it is said
S it was said
S it is reported
S it was reported
S it is believed
S it is understood
S it is alleged
S is said to
S are said to
S was said to
S were said to
S is reported to
S are reported to
S was reported to
S is believed to
S is understood to
S are understood to
S was understood to
S is thought to
S are thought to
S was thought to
S is alleged to
S are alleged to
S is rumoured to
S is rumored to
S are believed to
S was believed to
C due to
C because of
C as a result
C owing to
C thanks to
C in response to
C led to
C lead to
C leads to
C leading to
C resulted in
C result in
C results in
C contributed to
C driven by
M compared with
M compared to
M relative to
M in contrast
F going to
F set to
F expected to
F likely to
F on track to
B in fact
B of course
B no doubt
B without doubt
B beyond doubt
H in my view
H in our view
H to some extent
H in part
H more or less
H on the whole
H in general
H not necessarily
0 not only
0 not just
0 nothing but
0 more than just
0 declined to
R found that
R finds that
R showed that
R shows that
H not clear
N could not
N would not
H not yet clear
0 more than ever";

fn phrase_tag(letter: u8) -> Tag {
    match letter {
        b'A' => ACCORDING,
        b'R' => REPORT,
        b'S' => HEARSAY,
        b'C' => CAUSAL,
        b'M' => COMPARE,
        b'F' => FUTURE,
        b'B' => BOOST,
        b'H' => HEDGE,
        b'N' => NEG,
        _ => 0,
    }
}

/// The phrases, parsed once: (words, tag).
fn phrases() -> &'static [(Vec<&'static str>, Tag)] {
    static P: OnceLock<Vec<(Vec<&'static str>, Tag)>> = OnceLock::new();
    P.get_or_init(|| {
        PHRASES
            .lines()
            .filter_map(|l| {
                let (tag, words) = l.split_once(' ')?;
                Some((words.split(' ').collect(), phrase_tag(tag.as_bytes()[0])))
            })
            .collect()
    })
}

static TABLE: OnceLock<FxMap<&'static str, Tag>> = OnceLock::new();

/// The opinion lexicon, one lowercase word a line (expanded once).
fn opinion_words() -> &'static str {
    crate::frontcode::lexicon!("opinion.txt")
}

fn table() -> &'static FxMap<&'static str, Tag> {
    TABLE.get_or_init(|| {
        let mut m: FxMap<&'static str, Tag> = FxMap::default();
        m.reserve(2200);
        let lists: &[(&str, Tag)] = &[
            (HEDGES, HEDGE),
            (HEARSAYS, HEARSAY),
            (APPROXIMATORS, APPROX),
            (BOOSTERS, BOOST),
            (DEGREES, DEGREE),
            (REPORTING, REPORT),
            (COMM_NOUNS, COMM),
            (SOURCES, SOURCE),
            (NEGATORS, NEG),
            (CAUSALS, CAUSAL),
            (COMPARES, COMPARE),
            (FUTURES, FUTURE),
            (MODALS, MODAL),
            (AUXES, AUX),
            (DETS, DET),
            (PRONS, PRON),
            (PRON_POSSES, PRON_POSS),
            (FIRSTS, FIRST),
            (THEYS, THEY),
            (PERS, PER),
            (NUMBERS, NUMBER),
            (UNITS, UNIT),
            (PREPS, PREP),
        ];
        for (list, tag) in lists {
            for w in list.split_ascii_whitespace() {
                *m.entry(w).or_default() |= tag;
            }
        }
        for w in opinion_words()
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            *m.entry(w).or_default() |= OPINION;
        }
        for (words, _) in phrases() {
            *m.entry(words[0]).or_default() |= PHRASE;
        }
        *m.entry("according").or_default() |= ACCORDING;
        m
    })
}

/// Tags of one lowercase word (0 when unknown).
pub fn tags(word: &str) -> Tag {
    table().get(word).copied().unwrap_or(0)
}

/// Lowercase a token for lookup (ASCII letters only: every listed word is
/// ASCII, and this keeps Unicode case tables out of the wasm), with curly
/// apostrophes made straight. Borrows when nothing changes (the common case).
pub fn fold(token: &str) -> Cow<'_, str> {
    let needs = token.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80);
    if !needs {
        return Cow::Borrowed(token);
    }
    let mut s = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '’' | 'ʼ' | '‘' => s.push('\''),
            c => s.push(c.to_ascii_lowercase()),
        }
    }
    Cow::Owned(s)
}

/// If a phrase of `PHRASES` starts at `i` in `words`, its length and tag.
/// The longest match wins.
pub fn phrase_at(words: &[Cow<'_, str>], i: usize) -> Option<(usize, Tag)> {
    let mut best: Option<(usize, Tag)> = None;
    for (p, tag) in phrases() {
        if p.len() > words.len() - i || best.is_some_and(|(n, _)| n >= p.len()) {
            continue;
        }
        if p.iter().zip(&words[i..]).all(|(a, b)| *a == b.as_ref()) {
            best = Some((p.len(), *tag));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_table() {
        let cases: &[(&str, Tag, bool)] = &[
            ("may", HEDGE | MODAL, true),
            ("reportedly", HEARSAY, true),
            ("clearly", BOOST, true),
            ("said", REPORT, true),
            ("remarks", COMM, true),
            ("not", NEG, true),
            ("because", CAUSAL, true),
            ("than", COMPARE, true),
            ("will", FUTURE, true),
            ("officials", SOURCE, true),
            ("he", PRON, true),
            ("devastating", OPINION, true),
            ("table", HEDGE | BOOST | REPORT | OPINION, false),
        ];
        for (w, tag, has) in cases {
            assert_eq!(tags(w) & tag == *tag, *has, "{w}");
        }
    }

    #[test]
    fn fold_and_phrases() {
        assert_eq!(fold("Can’t"), "can't");
        assert!(matches!(fold("said"), Cow::Borrowed(_)));
        let words: Vec<Cow<str>> = ["it", "is", "said", "to"].map(Cow::Borrowed).to_vec();
        assert_eq!(phrase_at(&words, 0), Some((3, HEARSAY)));
        assert_eq!(phrase_at(&words, 1), Some((3, HEARSAY)));
        assert_eq!(phrase_at(&words, 3), None);
    }

    #[test]
    fn opinion_lexicon_is_clean() {
        let mut prev = "";
        for w in opinion_words().lines() {
            assert!(w > prev, "sorted and unique: {w}");
            assert!(w.chars().all(|c| c.is_ascii_lowercase()), "{w}");
            prev = w;
        }
        assert!(opinion_words().lines().count() > 500);
    }
}
