//! Base noun-phrase chunks from part-of-speech tags, by rules.
//!
//! A base NP is a non-recursive noun phrase in the CoNLL-2000 style: an
//! optional predeterminer and determiner (or possessive pronoun), then
//! modifiers (adjectives, numbers, nouns, participles after a modifier,
//! hyphens inside compounds), ending with its head noun, number or symbol.
//! A possessive `'s` closes its NP (`[the man 's] [hat]`); pronouns and
//! standalone demonstratives are NPs of their own. Nothing is nested.

use std::ops::Range;

use super::pos::Pos;

/// Determiners that cannot be an NP alone.
fn is_article(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "every" | "no"
    )
}

fn is_head(p: Pos) -> bool {
    p.is_noun() || matches!(p, Pos::CD | Pos::Dollar | Pos::Hash | Pos::ADD | Pos::FW)
}

fn is_modifier(p: Pos) -> bool {
    is_head(p) || p.is_adjective() || matches!(p, Pos::VBN | Pos::VBG | Pos::HYPH | Pos::AFX)
}

/// Base noun phrases of a tagged sentence, as token index ranges in order.
///
/// `words` and `tags` have one entry per token (the tagger's input and output).
pub fn chunks(words: &[&str], tags: &[Pos]) -> Vec<Range<usize>> {
    let n = tags.len().min(words.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = tags[i];
        if matches!(t, Pos::PRP | Pos::EX | Pos::WP) {
            out.push(i..i + 1);
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        if tags[j] == Pos::PDT {
            j += 1;
        }
        let mut det = false;
        if j < n && matches!(tags[j], Pos::DT | Pos::PRPS | Pos::WPS | Pos::WDT) {
            det = true;
            j += 1;
        }
        // Modifiers and heads; remember the last head.
        let mut last_head = None;
        let mut k = j;
        while k < n {
            let p = tags[k];
            let next_nominal = k + 1 < n && (is_head(tags[k + 1]) || tags[k + 1].is_adjective());
            let ok = if matches!(p, Pos::VBN | Pos::VBG) {
                // A participle is a pre-modifier only before the head, and at
                // the start of an NP only right after a preposition ("of grilled meat").
                last_head.is_none()
                    && next_nominal
                    && (k > start || (start > 0 && tags[start - 1] == Pos::IN))
            } else if matches!(p, Pos::RB | Pos::RBR | Pos::RBS) {
                // An adverb inside an NP only before an adjective or number ("very large", "about 20").
                last_head.is_none()
                    && k + 1 < n
                    && (tags[k + 1].is_adjective() || tags[k + 1] == Pos::CD)
                    && (k > start || det)
            } else if p == Pos::HYPH {
                k > j && k + 1 < n && is_modifier(tags[k + 1])
            } else if p == Pos::CD && k > j && tags[k - 1].is_proper_noun() {
                // "May 26", "September 20": the number is an NP of its own.
                false
            } else {
                is_modifier(p)
            };
            if !ok {
                break;
            }
            if is_head(p) {
                last_head = Some(k);
            }
            k += 1;
        }
        match last_head {
            Some(h) => {
                let mut e = h + 1;
                if e < n && tags[e] == Pos::POS {
                    e += 1;
                }
                out.push(start..e);
                i = e;
            }
            None if det
                && j == start + 1
                && (tags[start] == Pos::WDT
                    || (tags[start] == Pos::DT && !is_article(words[start]))) =>
            {
                // "this", "some", "all" standing alone; relative "that", "which".
                out.push(start..start + 1);
                i = start + 1;
            }
            None => i = start + 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(spec: &str) -> Vec<String> {
        // "word/TAG word/TAG ..."
        let pairs: Vec<(&str, Pos)> = spec
            .split(' ')
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').unwrap();
                (w, Pos::parse(t).unwrap())
            })
            .collect();
        let words: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        let tags: Vec<Pos> = pairs.iter().map(|p| p.1).collect();
        chunks(&words, &tags)
            .into_iter()
            .map(|r| words[r].join(" "))
            .collect()
    }

    #[test]
    fn chunk_table() {
        let cases: &[(&str, &[&str])] = &[
            ("The/DT big/JJ dog/NN barked/VBD ./.", &["The big dog"]),
            (
                "He/PRP said/VBD the/DT talks/NNS failed/VBD",
                &["He", "the talks"],
            ),
            ("the/DT man/NN 's/POS hat/NN", &["the man 's", "hat"]),
            (
                "all/PDT the/DT 20/CD new/JJ cars/NNS",
                &["all the 20 new cars"],
            ),
            (
                "a/DT long/JJ -/HYPH term/NN plan/NN",
                &["a long - term plan"],
            ),
            ("This/DT is/VBZ very/RB good/JJ", &["This"]),
            ("have/VBP eaten/VBN apples/NNS", &["apples"]),
            ("the/DT poor/JJ", &[]),
            ("towns/NNS called/VBN Miramar/NNP", &["towns", "Miramar"]),
            ("of/IN grilled/VBN meat/NN", &["grilled meat"]),
            ("on/IN May/NNP 26/CD ,/, 1955/CD", &["May", "26", "1955"]),
            (
                "the/DT airport/NN which/WDT is/VBZ",
                &["the airport", "which"],
            ),
            ("$/$ 20/CD million/CD", &["$ 20 million"]),
            ("his/PRP$ rising/VBG costs/NNS", &["his rising costs"]),
        ];
        for (spec, want) in cases {
            assert_eq!(&run(spec), want, "{spec}");
        }
    }
}
