//! Names in one list share a type: "in Mosul, Baiji, and Tuz". When a
//! coordinated list of names holds a place or an organisation the lexicons
//! know, the names in it read as people that were only guessed (by the
//! tagger or from their form) take its type: an unknown word is what the
//! tagger most often takes for a person. Names guessed to be places or
//! organisations keep their type ("the US, EU, and IAEA").
//!
//! A list is names joined by commas and a final "and" / "or", with at
//! least three names: two names joined by "and" are too often a name
//! ending one clause and another starting the next ("… visited Berlin and
//! Merkel welcomed him"). A name with a title, a given name first, or a
//! verb of saying after it keeps its type.

use super::{rules, Cand, Label};
use crate::text::{Token, TokenKind};

/// Retype the guessed people of lists that hold a known place or
/// organisation (candidates sorted by start; dropped ones are skipped).
pub(crate) fn list_types(text: &str, toks: &[Token], cands: &mut [Cand]) {
    let lex = super::lexicon::Lexicon::get();
    let word = |i: usize| toks.get(i).map(|t| t.text(text)).unwrap_or("");
    let live: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            !c.drop && matches!(c.label, Label::Person | Label::Org | Label::Place)
        })
        .collect();
    // The separator between two names: "," / "and" / "or" / ", and" / ", or"
    // (none when they overlap).
    let sep = |a: usize, b: usize| -> Option<bool> {
        match (b.checked_sub(a)?, word(a), word(a + 1)) {
            (1, ",", _) => Some(false),
            (1, "and" | "or", _) => Some(true),
            (2, ",", "and" | "or") => Some(true),
            _ => None,
        }
    };
    let known = |c: &Cand| c.canonical.is_some() && matches!(c.label, Label::Place | Label::Org);
    let guessed = |c: &Cand| {
        c.canonical.is_none()
            && c.role.is_none()
            && !c.sure
            && c.prio <= 5
            && !(toks[c.start].kind == TokenKind::Word && lex.is_first_name(word(c.start)))
            && !rules::SAY_VERBS.contains(word(c.end))
    };
    let mut k = 0;
    while k < live.len() {
        // The longest run of names from live[k] joined by separators,
        // ending at the first "and" / "or".
        let mut end = k + 1;
        let mut closed = false;
        while end < live.len() {
            match sep(cands[live[end - 1]].end, cands[live[end]].start) {
                Some(last) => {
                    end += 1;
                    if last {
                        closed = true;
                        break;
                    }
                }
                None => break,
            }
        }
        let items = &live[k..end];
        if closed && items.len() >= 3 {
            let anchors: Vec<Label> = items
                .iter()
                .filter(|&&i| known(&cands[i]))
                .map(|&i| cands[i].label)
                .collect();
            if let Some(&label) = anchors.first() {
                if anchors.iter().all(|&l| l == label) {
                    for &i in items {
                        if cands[i].label == Label::Person && guessed(&cands[i]) {
                            cands[i].label = label;
                        }
                    }
                }
            }
        }
        k = end.max(k + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::list_types;
    use crate::entities::{Cand, Label};
    use crate::text::tokenize;
    use Label::*;

    /// (text, the names with their label and whether a lexicon knows them,
    /// the labels after).
    type Case<'a> = (&'a str, &'a [(&'a str, Label, bool)], &'a [Label]);

    #[test]
    fn list_members_take_the_known_type() {
        let cases: &[Case] = &[
            (
                "Some died in Mosul, Baiji, and Tuz.",
                &[
                    ("Mosul", Place, true),
                    ("Baiji", Place, false),
                    ("Tuz", Person, false),
                ],
                &[Place, Place, Place],
            ),
            (
                "They sued Google, Bing, and Vexo.",
                &[
                    ("Google", Org, true),
                    ("Bing", Person, false),
                    ("Vexo", Place, false),
                ],
                // Only guessed people are retyped.
                &[Org, Org, Place],
            ),
            // Two names: no list.
            (
                "Obama visited Berlin and Merkel spoke.",
                &[
                    ("Obama", Person, false),
                    ("Berlin", Place, true),
                    ("Merkel", Person, false),
                ],
                &[Person, Place, Person],
            ),
            // No closing "and": no list.
            (
                "In Paris, Lyon, Tuz said no.",
                &[
                    ("Paris", Place, true),
                    ("Lyon", Place, true),
                    ("Tuz", Person, false),
                ],
                &[Place, Place, Person],
            ),
            // A given name, or a verb of saying after: still a person.
            (
                "In Paris, Lyon and Anna Vell went.",
                &[
                    ("Paris", Place, true),
                    ("Lyon", Place, true),
                    ("Anna Vell", Person, false),
                ],
                &[Place, Place, Person],
            ),
            (
                "From Paris, Lyon and Vell said so.",
                &[
                    ("Paris", Place, true),
                    ("Lyon", Place, true),
                    ("Vell", Person, false),
                ],
                &[Place, Place, Person],
            ),
            // Known places and organisations in one list: no single type.
            (
                "In Paris, NATO and Tuz met.",
                &[
                    ("Paris", Place, true),
                    ("NATO", Org, true),
                    ("Tuz", Person, false),
                ],
                &[Place, Org, Person],
            ),
        ];
        for (text, names, want) in cases {
            let toks = tokenize(text);
            let mut cands: Vec<Cand> = names
                .iter()
                .map(|(name, label, known)| {
                    let a = text.find(name).unwrap();
                    let b = a + name.len();
                    let s = toks.iter().position(|t| t.span.start == a).unwrap();
                    let e = toks.iter().position(|t| t.span.end == b).unwrap() + 1;
                    let mut c = Cand::new(s, e, *label, 4);
                    if *known {
                        c.canonical = Some(name.to_string());
                    }
                    c
                })
                .collect();
            list_types(text, &toks, &mut cands);
            let got: Vec<Label> = cands.iter().map(|c| c.label).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
