//! Cue matching with context rules for non-hedging senses.

use super::lexicon::{builtin, Entry, Lexicon};
use super::{tokenize, Cue, Token};
use crate::text::WordSet;

static BE_FORMS: WordSet = WordSet::new(concat!(
    "be|", "is|", "are|", "was|", "were|", "been|", "being|", "am|", "'s|"
));

/// Adverbs that may sit between a form of "to be" and its participle
/// ("is widely considered", "was often regarded").
static BE_ADVERBS: WordSet = WordSet::new(concat!(
    "often|",
    "also|",
    "still|",
    "now|",
    "sometimes|",
    "widely|",
    "generally|",
    "commonly|",
    "usually|",
    "frequently|",
    "traditionally|",
    "popularly|",
    "largely|",
    "mostly|",
    "not|",
    "even|",
    "long|",
    "increasingly|",
    "universally|",
    "occasionally|",
    "later|",
    "then|"
));

static NUMBER_WORDS: WordSet = WordSet::new(concat!(
    "two|",
    "three|",
    "four|",
    "five|",
    "six|",
    "seven|",
    "eight|",
    "nine|",
    "ten|",
    "eleven|",
    "twelve|",
    "twenty|",
    "thirty|",
    "forty|",
    "fifty|",
    "sixty|",
    "seventy|",
    "eighty|",
    "ninety|",
    "hundred|",
    "hundreds|",
    "thousand|",
    "thousands|",
    "million|",
    "millions|",
    "dozen|",
    "dozens|"
));

/// Words before "might" that make it the noun ("with all his might").
static MIGHT_NOUN_BEFORE: WordSet = WordSet::new(concat!(
    "his|",
    "her|",
    "their|",
    "its|",
    "our|",
    "my|",
    "your|",
    "all|",
    "full|",
    "military|",
    "naval|",
    "economic|",
    "the|",
    "of|",
    "and|"
));

/// Words before a capitalised "May" that make it the month or a name.
static MONTH_BEFORE: WordSet = WordSet::new(concat!(
    "in|", "of|", "on|", "since|", "until|", "till|", "by|", "early|", "late|", "mid|", "from|",
    "to|", "between|", "and|", "through|", "during|", "before|", "after|", "last|", "next|",
    "this|", "each|", "every|", "or|"
));

fn is_be(w: &str) -> bool {
    BE_FORMS.contains(w)
}

fn is_num(t: &Token) -> bool {
    t.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        || NUMBER_WORDS.contains(t.lower.as_str())
}

/// Tries to match `e` at token `i`; returns the end token index (exclusive).
fn match_at(e: &Entry, toks: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    for (k, p) in e.pattern.iter().enumerate() {
        if j >= toks.len() {
            return None;
        }
        let ok = match p.as_str() {
            "BE" => is_be(&toks[j].lower),
            "NUM" => is_num(&toks[j]),
            lit => toks[j].lower == lit,
        };
        if !ok {
            return None;
        }
        j += 1;
        // After a form of "to be", allow one adverb before the next pattern token.
        if p == "BE" && k + 1 < e.pattern.len() && j < toks.len() {
            let next = &e.pattern[k + 1];
            if toks[j].lower != *next && BE_ADVERBS.contains(toks[j].lower.as_str()) {
                j += 1;
            }
        }
    }
    Some(j)
}

/// Context rules: whether the match of `e` over tokens `i..end` is a hedging reading.
fn sense_ok(e: &Entry, toks: &[Token], i: usize, end: usize, tags: Option<&[&str]>) -> bool {
    let first = &toks[i];
    let prev = if i > 0 {
        Some(toks[i - 1].lower.as_str())
    } else {
        None
    };
    let tag = |k: usize| tags.and_then(|t| t.get(k)).copied();
    match e.pattern[0].as_str() {
        "may" => {
            if tag(i) == Some("PROPN") || tag(i) == Some("NOUN") {
                return false;
            }
            if first.text == "May" {
                // Mid-sentence capitalised "May" is the month or a name ("Theresa May").
                if i > 0 {
                    return false;
                }
                if let Some(n) = toks.get(i + 1) {
                    if is_num(n) || n.text.chars().next().is_some_and(|c| c.is_uppercase()) {
                        return false;
                    }
                }
            }
            if prev.is_some_and(|p| MONTH_BEFORE.contains(p)) && toks.get(i + 1).is_some_and(is_num)
            {
                return false;
            }
            if toks.get(i + 1).is_some_and(is_num) {
                return false;
            }
        }
        "might" => {
            if prev.is_some_and(|p| MIGHT_NOUN_BEFORE.contains(p)) {
                return false;
            }
            if tag(i).is_some_and(|t| t != "AUX" && t != "VERB") {
                return false;
            }
        }
        "could" if tag(i).is_some_and(|t| t != "AUX" && t != "VERB") => return false,
        "suggest" | "suggests" | "suggested" | "suggesting" => {
            // "I suggest you ...", "as the name suggests".
            if matches!(
                prev,
                Some("i") | Some("we") | Some("name") | Some("title") | Some("names")
            ) {
                return false;
            }
            if toks.get(end).is_some_and(|n| n.lower == "you") {
                return false;
            }
            if tag(i).is_some_and(|t| t != "VERB") {
                return false;
            }
        }
        "some" | "many" | "several" | "most" | "few" | "various" | "numerous" => {
            if tag(i).is_some_and(|t| !matches!(t, "DET" | "ADJ" | "PRON" | "ADV" | "NUM")) {
                return false;
            }
            // "a few" is a plain quantity.
            if e.pattern[0] == "few" && prev == Some("a") {
                return false;
            }
        }
        "popular" | "famous" | "important" | "notable" | "significant" => {
            // Attributed evaluations ("popular with X") stay cues; nothing to exclude yet.
        }
        _ => {}
    }
    true
}

/// Cues of `sentence` using `lex`; `tags` (optional) are Universal POS tags,
/// one per token of [`tokenize`]. Greedy left-to-right longest match; a
/// blocking entry (weight 0) consumes its tokens without emitting a cue.
pub fn hedges_with(lex: &Lexicon, sentence: &str, tags: Option<&[&str]>) -> Vec<Cue> {
    let toks = tokenize(sentence);
    let tags = tags.filter(|t| t.len() == toks.len());
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut cands: Vec<&Entry> = lex.starting_with(&toks[i].lower).iter().collect();
        if is_be(&toks[i].lower) {
            cands.extend(lex.starting_with("BE"));
        }
        if is_num(&toks[i]) {
            cands.extend(lex.starting_with("NUM"));
        }
        let mut best: Option<(&Entry, usize)> = None;
        for e in cands {
            if let Some(end) = match_at(e, &toks, i) {
                let better = match best {
                    None => true,
                    Some((b, bend)) => end > bend || (end == bend && e.weight > b.weight),
                };
                if better && (e.weight == 0.0 || sense_ok(e, &toks, i, end, tags)) {
                    best = Some((e, end));
                }
            }
        }
        match best {
            Some((e, end)) => {
                if e.weight > 0.0 {
                    let start = toks[i].start;
                    let stop = toks[end - 1].end;
                    out.push(Cue {
                        start,
                        end: stop,
                        text: chars[start..stop].iter().collect(),
                        kind: e.kind,
                        weight: e.weight,
                    });
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The uncertainty cues of one sentence with optional POS tags (one Universal
/// POS tag per token of [`super::tokenize`]; ignored when the count differs).
pub fn hedges_tagged(sentence: &str, tags: Option<&[&str]>) -> Vec<Cue> {
    hedges_with(builtin(), sentence, tags)
}

/// Sentence score from its cues: the sum of cue weights.
pub fn score_cues(cues: &[Cue]) -> f32 {
    cues.iter().map(|c| c.weight).sum()
}
