//! The language layer in attribution: the dependency parse finds the
//! reporting clauses the rules miss, in the sentences where the rules find
//! nothing ([`attributions`], used by `sources.rs` beside the rules).
//!
//! | the parse says | attribution |
//! | --- | --- |
//! | a verb with a nominal subject and a clausal complement ("Officials at the agency believe [the plan will fail]") | the subject, the verb as cue, the complement as content |
//! | a main verb with a person's name or "he" / "she" as subject and an object, an open complement or an oblique ("Sanders criticized [the plan]", "Cruz refused [to back it]") | the same, unless the verb is one of doing ("lost", "met") |
//!
//! Light verbs ("has", "made", "is") are never cues. The models (`pos.clw`,
//! `dep.clw`) are optional: without them [`attributions`] finds nothing and
//! attribution runs on its rules alone. They are not in
//! [`crate::weights::FILES`] (nothing installs them by default: tagging and
//! parsing the unattributed sentences makes `claims --jsonl` about 40 %
//! slower natively); [`install_tagger`] and [`install_parser`] turn the
//! parse on (`claimlens eval attribution --parse`). The tagger's tags are
//! not passed to the rules: on PolNeAR train they changed nothing (speaker
//! accuracy 0.600 → 0.599).

use std::borrow::Cow;
use std::sync::OnceLock;

use super::rules::{Attribution, SpeakerKind};
use super::text::{Span, TokKind, Token};
use crate::text::parser::Dep;
use crate::text::parser::Parser;
use crate::text::pos::Pos as Ptb;
use crate::text::tagger::Tagger;
use crate::text::WordSet;

static TAGGER: OnceLock<Tagger> = OnceLock::new();
static PARSER: OnceLock<Parser> = OnceLock::new();

/// Install the tagger from CLW1 bytes (the file `pos.clw`). False when the
/// bytes are not such a model; once installed, later calls change nothing.
pub fn install_tagger(bytes: &[u8]) -> bool {
    TAGGER.get().is_some()
        || Tagger::from_bytes(bytes).is_ok_and(|t| {
            let _ = TAGGER.set(t);
            true
        })
}

/// Install the parser from CLW1 bytes (the file `dep.clw`).
pub fn install_parser(bytes: &[u8]) -> bool {
    PARSER.get().is_some()
        || Parser::from_bytes(bytes).is_ok_and(|p| {
            let _ = PARSER.set(p);
            true
        })
}

fn tagger() -> Option<&'static Tagger> {
    #[cfg(test)]
    install_tagger(include_bytes!("../../../../../data/weights/pos.clw"));
    TAGGER.get()
}

fn parser() -> Option<&'static Parser> {
    #[cfg(test)]
    install_parser(include_bytes!("../../../../../data/weights/dep.clw"));
    PARSER.get()
}

/// Whether both models are installed (else [`attributions`] finds nothing).
pub(super) fn installed() -> bool {
    tagger().is_some() && parser().is_some()
}

/// The words the models read for tokens `a..b`: a possessive written in
/// one token ("Trump’s") is two words, as the models were trained; with
/// the token each word comes from.
fn words(toks: &[Token], a: usize, b: usize) -> (Vec<&str>, Vec<usize>) {
    let mut w = Vec::with_capacity(b - a);
    let mut from = Vec::with_capacity(b - a);
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        let s = t.text.as_str();
        let cut = ["'s", "’s", "'S", "’S"]
            .iter()
            .find_map(|p| s.strip_suffix(p).filter(|x| !x.is_empty()));
        match cut {
            Some(stem) if t.kind == TokKind::Word => {
                w.push(stem);
                w.push(&s[stem.len()..]);
                from.extend([k, k]);
            }
            _ => {
                w.push(s);
                from.push(k);
            }
        }
    }
    (w, from)
}

/// Verbs of doing, not saying, that a person is often the subject of
/// ("Clinton lost the primary", "Sanders met voters"): no cue for the
/// clause rule of [`reporting`] (found in the PolNeAR train split).
static EVENT: WordSet = WordSet::new(concat!(
    "spent|",
    "spend|",
    "spends|",
    "spending|",
    "began|",
    "begin|",
    "begins|",
    "begun|",
    "lost|",
    "lose|",
    "loses|",
    "held|",
    "hold|",
    "holds|",
    "holding|",
    "worked|",
    "work|",
    "works|",
    "working|",
    "lead|",
    "leads|",
    "led|",
    "leading|",
    "met|",
    "meet|",
    "meets|",
    "put|",
    "puts|",
    "continues|",
    "continue|",
    "faced|",
    "face|",
    "faces|",
    "facing|",
    "captured|",
    "served|",
    "serve|",
    "serves|",
    "played|",
    "play|",
    "plays|",
    "entered|",
    "visited|",
    "earned|",
    "picked|",
    "joined|",
    "married|",
    "ended|",
    "end|",
    "finished|",
    "built|",
    "scored|",
    "dropped|",
    "kept|",
    "left|",
    "leaves|",
    "cut|",
    "paid|",
    "flew|",
    "set|",
    "trails|",
    "trail|",
    "conducted|",
    "benefited|",
    "given|",
    "beat|",
    "died|",
    "taking|",
    "ran|",
    "run|",
    "runs|",
    "running|",
    "walked|",
    "stepped|",
    "gone|",
    "fell|",
    "lived|",
    "shifted|",
    "brought|",
    "arrived|",
    "struggled|",
    "stopped|",
    "risen|",
    "done|",
    "bought|",
    "jumped|",
    "hosted|",
    "resigned|",
    "completed|",
    "turned|",
    "tried|",
    "trying|",
    "try|",
    "need|",
    "needs|",
    "emerged|",
    "stood|",
    "cast|",
    "managed|",
    "getting|",
    "keeping|",
    "broken|",
    "broke|",
    "use|",
    "uses|",
    "used|",
    "using|",
    "sent|",
    "drew|",
    "hired|",
    "fired|",
    "taken|",
    "provided|",
    "laid|",
    "failed|",
    "drove|"
));

/// Light and linking verbs, whose clausal complement is no content ("has
/// said", "made clear that", "is why").
static LIGHT: WordSet = WordSet::new(concat!(
    "have|",
    "has|",
    "had|",
    "having|",
    "do|",
    "does|",
    "did|",
    "doing|",
    "make|",
    "makes|",
    "made|",
    "making|",
    "win|",
    "wins|",
    "won|",
    "come|",
    "comes|",
    "came|",
    "become|",
    "becomes|",
    "became|",
    "remain|",
    "remains|",
    "remained|",
    "get|",
    "gets|",
    "got|",
    "gotten|",
    "go|",
    "goes|",
    "went|",
    "carry|",
    "carried|",
    "start|",
    "started|",
    "receive|",
    "received|",
    "live|",
    "lives|",
    "launch|",
    "launched|",
    "raise|",
    "raised|",
    "move|",
    "moved|",
    "help|",
    "helped|",
    "take|",
    "took|",
    "takes|",
    "give|",
    "gave|",
    "gives|",
    "limit|",
    "limited|",
    "award|",
    "is|",
    "was|",
    "are|",
    "were|",
    "be|",
    "been|"
));

/// Subject pronouns that name a speaker other than the writer ("I think"
/// outside a quotation is the author's own view).
fn speaker_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they")
}

/// One reporting clause of a parsed sentence, in word indices: the cue
/// verb, the subject's words, the content's words (inclusive ranges).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Clause {
    cue: usize,
    source: (usize, usize),
    content: (usize, usize),
    named: bool,
}

/// The reporting clauses of one parsed sentence (see the module's table).
fn reporting(w: &[&str], tags: &[Ptb], deps: &[Dep]) -> Vec<Clause> {
    let n = w.len();
    // Each word's subtree as a word range.
    let mut lo: Vec<usize> = (0..n).collect();
    let mut hi: Vec<usize> = (0..n).collect();
    for i in 0..n {
        let mut h = deps[i].head;
        let mut steps = 0;
        while let Some(x) = h.filter(|_| steps <= n) {
            lo[x] = lo[x].min(i);
            hi[x] = hi[x].max(i);
            h = deps[x].head;
            steps += 1;
        }
    }
    let mut out = Vec::new();
    for v in 0..n {
        if !tags[v].is_verb() {
            continue;
        }
        let verb = fold(w[v]);
        if LIGHT.contains(&verb) {
            continue;
        }
        let child = |rel: &str| (0..n).find(|&k| deps[k].head == Some(v) && deps[k].rel == rel);
        let Some(s) = child("nsubj") else { continue };
        let subj = w[s].to_lowercase();
        let content = match child("ccomp") {
            Some(c) if tags[s].is_noun() || speaker_pronoun(&subj) => c,
            Some(_) => continue,
            None => {
                // A main clause (or one joined to it) with a person's name
                // or "he" / "she" as subject.
                let main = deps[v].head.is_none() || deps[v].rel == "conj";
                let person = tags[s].is_proper_noun() || matches!(subj.as_str(), "he" | "she");
                let Some(c) = child("xcomp").or(child("obj")).or(child("obl")) else {
                    continue;
                };
                if !main || !person || EVENT.contains(&verb) {
                    continue;
                }
                c
            }
        };
        // The subject up to its head and the name words after it.
        let mut e = s;
        while e + 1 < n && deps[e + 1].head == Some(s) && deps[e + 1].rel == "flat" {
            e += 1;
        }
        out.push(Clause {
            cue: v,
            source: (lo[s], e),
            content: (lo[content], hi[content]),
            named: (lo[s]..=e).any(|k| tags[k].is_proper_noun()),
        });
    }
    out
}

/// Whether a tagged sentence may hold a clause of [`reporting`]: a noun or
/// "he" / "she" / "they" just before a finite verb that is neither light
/// nor one of doing (an adverb may stand between). The parse costs about
/// three times the tagging; the other sentences are not parsed.
fn candidate(w: &[&str], tags: &[Ptb]) -> bool {
    (1..w.len()).any(|v| {
        if !matches!(tags[v], Ptb::VBD | Ptb::VBZ | Ptb::VBP) {
            return false;
        }
        let s = if tags[v - 1].is_adverb() && v >= 2 {
            v - 2
        } else {
            v - 1
        };
        let subject = tags[s].is_noun()
            || ["he", "she", "they"]
                .iter()
                .any(|p| w[s].eq_ignore_ascii_case(p));
        subject && {
            let verb = fold(w[v]);
            !LIGHT.contains(&verb) && !EVENT.contains(&verb)
        }
    })
}

/// A word lowercased with curly apostrophes made straight, as the word
/// lists spell words; borrowed when it already is (most words: no
/// allocation for them).
fn fold(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase().replace('’', "'"))
    }
}

/// Whether a sentence is plain text the models were trained on: no emoji,
/// flags, joiners or combining marks, whose code points the attribution
/// tokens would split inside a grapheme cluster (a flag's second half read
/// as a verb).
fn plain(s: &[char]) -> bool {
    !s.iter().any(|&c| {
        crate::text::extends_cluster(c) || matches!(c as u32, 0x2190..=0x2bff | 0x1f000..=0x1faff)
    })
}

/// Attributions the parse finds in the sentences of `toks` (`chars`: the
/// text's code points) that `covered` does not exclude ([`reporting`]).
pub(super) fn attributions(
    chars: &[char],
    toks: &[Token],
    sents: &[(usize, usize)],
    covered: impl Fn(Span) -> bool,
) -> Vec<Attribution> {
    let (Some(tagger), Some(parser)) = (tagger(), parser()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &(a, b) in sents {
        let whole = Span::new(toks[a].span.start, toks[b - 1].span.end);
        if b <= a + 2 || covered(whole) || !plain(&chars[whole.start..whole.end]) {
            continue;
        }
        let (w, from) = words(toks, a, b);
        let tags = tagger.tag(&w);
        if !candidate(&w, &tags) {
            continue;
        }
        let deps = parser.parse(&w, &tags);
        for c in reporting(&w, &tags, &deps) {
            let span =
                |x: usize, y: usize| Span::new(toks[from[x]].span.start, toks[from[y]].span.end);
            let source = span(c.source.0, c.source.1);
            out.push(Attribution {
                cue: Some(toks[from[c.cue]].span),
                source: Some(source),
                content: span(c.content.0, c.content.1),
                speaker: Some(chars[source.start..source.end].iter().collect()),
                speaker_kind: if c.named {
                    SpeakerKind::Entity
                } else {
                    SpeakerKind::Unnamed
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::sentences;
    use super::*;

    #[test]
    fn only_plain_sentences_are_parsed() {
        for (s, want) in [
            ("Officials believe the plan will fail.", true),
            ("Café owners say prices rose.", true),
            ("🇺🇦 may rise, officials say.", false),
            ("The family 👨\u{200d}👩\u{200d}👧 said it left.", false),
        ] {
            let cs: Vec<char> = s.chars().collect();
            assert_eq!(plain(&cs), want, "{s}");
        }
    }

    /// One hand-made parse: (word, tag, head (`None` for the root), relation).
    type Row<'a> = (&'a str, &'a str, Option<usize>, &'a str);

    /// A clause as (cue, source words, content words, named).
    type Found = (usize, (usize, usize), (usize, usize), bool);

    fn clauses(rows: &[Row]) -> Vec<Found> {
        let w: Vec<&str> = rows.iter().map(|r| r.0).collect();
        let tags: Vec<Ptb> = rows.iter().map(|r| Ptb::parse(r.1).unwrap()).collect();
        let deps: Vec<Dep> = rows
            .iter()
            .map(|r| Dep {
                head: r.2,
                rel: r.3,
            })
            .collect();
        reporting(&w, &tags, &deps)
            .into_iter()
            .map(|c| (c.cue, c.source, c.content, c.named))
            .collect()
    }

    #[test]
    fn reporting_clauses_of_a_parse() {
        type Case<'a> = (
            &'a [Row<'a>],
            &'a [(usize, (usize, usize), (usize, usize), bool)],
        );
        let cases: &[Case] = &[
            // a subject and a clausal complement
            (
                &[
                    ("Officials", "NNS", Some(1), "nsubj"),
                    ("believe", "VBP", None, "root"),
                    ("the", "DT", Some(3), "det"),
                    ("plan", "NN", Some(5), "nsubj"),
                    ("will", "MD", Some(5), "aux"),
                    ("fail", "VB", Some(1), "ccomp"),
                    (".", ".", Some(1), "punct"),
                ],
                &[(1, (0, 0), (2, 5), false)],
            ),
            // a name of two words (flat), and "we" as the complement's subject
            (
                &[
                    ("Bernie", "NNP", Some(2), "nsubj"),
                    ("Sanders", "NNP", Some(0), "flat"),
                    ("thinks", "VBZ", None, "root"),
                    ("we", "PRP", Some(4), "nsubj"),
                    ("won", "VBD", Some(2), "ccomp"),
                ],
                &[(2, (0, 1), (3, 4), true)],
            ),
            // a light verb's complement is no content
            (
                &[
                    ("The", "DT", Some(1), "det"),
                    ("reason", "NN", Some(2), "nsubj"),
                    ("is", "VBZ", None, "root"),
                    ("that", "IN", Some(5), "mark"),
                    ("it", "PRP", Some(5), "nsubj"),
                    ("fails", "VBZ", Some(2), "ccomp"),
                ],
                &[],
            ),
            // "I think" outside a quotation is the writer's view
            (
                &[
                    ("I", "PRP", Some(1), "nsubj"),
                    ("think", "VBP", None, "root"),
                    ("it", "PRP", Some(3), "nsubj"),
                    ("works", "VBZ", Some(1), "ccomp"),
                ],
                &[],
            ),
            // "it" names no speaker
            (
                &[
                    ("It", "PRP", Some(1), "nsubj"),
                    ("shows", "VBZ", None, "root"),
                    ("he", "PRP", Some(3), "nsubj"),
                    ("lied", "VBD", Some(1), "ccomp"),
                ],
                &[],
            ),
            // a person's stance on an object, in the main clause
            (
                &[
                    ("Sanders", "NNP", Some(1), "nsubj"),
                    ("criticized", "VBD", None, "root"),
                    ("the", "DT", Some(3), "det"),
                    ("plan", "NN", Some(1), "obj"),
                    (".", ".", Some(1), "punct"),
                ],
                &[(1, (0, 0), (2, 3), true)],
            ),
            // … not a verb of doing
            (
                &[
                    ("Clinton", "NNP", Some(1), "nsubj"),
                    ("lost", "VBD", None, "root"),
                    ("the", "DT", Some(3), "det"),
                    ("primary", "NN", Some(1), "obj"),
                ],
                &[],
            ),
            // … nor a description as subject
            (
                &[
                    ("The", "DT", Some(1), "det"),
                    ("senator", "NN", Some(2), "nsubj"),
                    ("criticized", "VBD", None, "root"),
                    ("it", "PRP", Some(2), "obj"),
                ],
                &[],
            ),
            // … nor a subordinate clause
            (
                &[
                    ("Voters", "NNS", Some(4), "nsubj"),
                    ("who", "WP", Some(2), "nsubj"),
                    ("like", "VBP", Some(0), "acl:relcl"),
                    ("Sanders", "NNP", Some(2), "obj"),
                    ("stayed", "VBD", None, "root"),
                ],
                &[],
            ),
        ];
        for (rows, want) in cases {
            let words: Vec<&str> = rows.iter().map(|r| r.0).collect();
            assert_eq!(clauses(rows), *want, "{words:?}");
        }
    }

    #[test]
    fn candidate_sentences() {
        for (words, tags, want) in [
            ("Sanders criticized the plan", "NNP VBD DT NN", true),
            ("He also thinks so", "PRP RB VBZ RB", true),
            ("Officials believe it", "NNS VBP PRP", true),
            ("Clinton lost the race", "NNP VBD DT NN", false),
            ("It has been a year", "PRP VBZ VBN DT NN", false),
            ("The plan , critics said", "DT NN , NNS VBD", true),
            ("To the polls", "TO DT NNS", false),
            ("SHE SAID it", "PRP VBD PRP", true),
            ("It said so", "PRP VBD RB", false),
            ("She Has it", "PRP VBZ PRP", false),
            ("They doesn’t care", "PRP VBZ VB", true),
        ] {
            let w: Vec<&str> = words.split(' ').collect();
            let t: Vec<Ptb> = tags.split(' ').map(|t| Ptb::parse(t).unwrap()).collect();
            assert_eq!(candidate(&w, &t), want, "{words}");
        }
    }

    #[test]
    fn folded_words() {
        for (w, want) in [
            ("said", "said"),
            ("Said", "said"),
            ("doesn’t", "doesn't"),
            ("DOESN'T", "doesn't"),
            ("Éric", "éric"),
        ] {
            assert_eq!(fold(w), want, "{w}");
        }
        assert!(matches!(fold("said"), Cow::Borrowed(_)));
    }

    #[test]
    fn possessives_are_two_words() {
        let toks = super::super::text::tokenize("Trump’s aide said it.");
        let (w, from) = words(&toks, 0, toks.len());
        assert_eq!(w, ["Trump", "’s", "aide", "said", "it", "."]);
        assert_eq!(from, [0, 0, 1, 2, 3, 4]);
    }

    #[test]
    fn covered_sentences_are_not_parsed() {
        let text = "Sanders criticized the plan. Cruz praised it.";
        let toks = super::super::text::tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        let sents = sentences(text, &toks);
        assert!(attributions(&chars, &toks, &sents, |_| true).is_empty());
        // Each found attribution lies in an uncovered sentence.
        let first = Span::new(0, 28);
        for a in attributions(&chars, &toks, &sents, |s| s.overlaps(&first)) {
            assert!(a.cue.is_some_and(|c| c.start >= 28), "{a:?}");
        }
    }
}
