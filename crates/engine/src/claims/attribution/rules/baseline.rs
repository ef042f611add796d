//! The speaker-string head word used by the scorers, and the "subject of a
//! reporting verb" baseline.

use super::*;

/// The head word of a speaker string: lowercased, curly apostrophes straightened, cut
/// before the first ",", "(", " who ", " which ", " that ", " of ", " from ", " at ",
/// " in ", " for ", " with ", " and ", " — " or " - "; then the last word of what is left,
/// with a possessive "'s" removed and a generational suffix ("Jr.", "III") skipped.
/// "council leader Priya Natarajan" → "natarajan", "Brent Bozell III" → "bozell",
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
    // A generational suffix is no head: "Joseph R. Biden Jr." is "biden".
    let n = words
        .iter()
        .rposition(|w| !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        .map_or(words.len(), |k| k + 1);
    let mut last = words[..n].last().cloned().unwrap_or_default();
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
    for &(sa, sb) in &sentences(text, &toks) {
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
