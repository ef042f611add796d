//! Shops, restaurants and bars named by a possessive with no noun after it:
//! "going to Del Frisco's for dinner", "happy hour at Kenneally's at 5",
//! "McDonald's, Burger King, Wendy's?". A name the earlier passes found
//! (usually as a person) whose possessive owns nothing is the place named
//! after its owner, and the mention takes the possessive ("Del Frisco's").
//! Other mentions of the same name with a possessive in the same text are
//! the same place ("Del Frisco's Philadelphia").
//!
//! The possessive may be written as one clitic ("Wendy's"), split off the
//! name as in tokenised text ("Wendy 's"), or with the apostrophe lost, as
//! web text often has it ("Wendy s"). A possessive after "of" ("a friend of
//! John's") or a name a lexicon or a title backs is left alone.
//!
//! An owner's possessive before capitalised words that hold a trade
//! ("Ray's Pizza", "Burch's Karate") names the shop as an organisation,
//! owner, possessive and trade together ([`named_shops`]).

use super::{Cand, Label};
use crate::text::{Token, TokenKind, WordSet};

/// Words after a possessive that show it owns no noun: prepositions,
/// times and a few verbs ("Kenneally's at 5", "Del Frisco's for dinner",
/// "Wendy's is closed").
static NO_NOUN_AFTER: WordSet = WordSet::new(concat!(
    "in|at|on|for|to|from|with|near|is|was|has|had|tonight|tomorrow|",
    "today|yesterday|again|instead|because|but|where|which|when|every|",
));

/// The end (exclusive) of a possessive starting at token `i`: "'s" as one
/// token, "'" and a glued "s", or a lone "s" (the apostrophe lost).
pub(crate) fn possessive_end(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    let w = t.text(text);
    if t.kind == TokenKind::Possessive {
        return Some(i + 1);
    }
    if w == "s" && t.space_before && t.kind == TokenKind::Word {
        return Some(i + 1);
    }
    let s = toks.get(i + 1)?;
    (matches!(w, "'" | "’") && s.text(text) == "s" && !s.space_before).then_some(i + 2)
}

/// Whether nothing the possessive ending at token `e` could own follows.
fn owns_nothing(text: &str, toks: &[Token], e: usize) -> bool {
    let Some(t) = toks.get(e) else {
        return true;
    };
    let w = t.text(text);
    match t.kind {
        // Not a title in quotes it may own ("Froomkin's "Briefing"").
        TokenKind::Punct => !matches!(
            w,
            "-" | "–" | "/" | "&" | "'" | "’" | "‘" | "\"" | "“" | "”" | "+"
        ),
        TokenKind::Word => NO_NOUN_AFTER.contains(w),
        _ => false,
    }
}

/// Retype and widen the names before a possessive that owns nothing
/// (candidates sorted by start).
pub(crate) fn shops(text: &str, toks: &[Token], cands: &mut [Cand]) {
    let word = |i: usize| toks[i].text(text);
    let eligible = |c: &Cand| {
        !c.drop
            && matches!(c.label, Label::Person | Label::Org | Label::Place)
            && c.role.is_none()
            && c.canonical.is_none()
            && !(c.start > 0 && word(c.start - 1).eq_ignore_ascii_case("of"))
    };
    // The next live candidate's start after each candidate: a widened
    // mention must not run into it.
    let mut shops: Vec<Vec<&str>> = Vec::new();
    let mut widen: Vec<(usize, usize)> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        if !eligible(c) {
            continue;
        }
        let Some(e) = possessive_end(text, toks, c.end) else {
            continue;
        };
        if owns_nothing(text, toks, e) {
            widen.push((k, e));
            let words: Vec<&str> = (c.start..c.end).map(word).collect();
            if !shops.contains(&words) {
                shops.push(words);
            }
        }
    }
    if shops.is_empty() {
        return;
    }
    // The same name with a possessive elsewhere in the text.
    for (k, c) in cands.iter().enumerate() {
        if !eligible(c) || widen.iter().any(|&(j, _)| j == k) {
            continue;
        }
        let Some(e) = possessive_end(text, toks, c.end) else {
            continue;
        };
        if shops
            .iter()
            .any(|s| s.len() == c.end - c.start && (c.start..c.end).map(word).eq(s.iter().copied()))
        {
            widen.push((k, e));
        }
    }
    for (k, e) in widen {
        let next_start = cands[k + 1..]
            .iter()
            .filter(|c| !c.drop)
            .map(|c| c.start)
            .next()
            .unwrap_or(usize::MAX);
        if e > next_start {
            continue;
        }
        let c = &mut cands[k];
        c.label = Label::Place;
        c.end = e;
    }
}

/// What a shop named after its owner sells or does: "Ray's Pizza",
/// "Burch's Karate", "Barry's Auto Tech".
static SHOP_NOUNS: WordSet = WordSet::new(concat!(
    "pizza|pizzeria|grill|cafe|café|bakery|salon|karate|garage|diner|deli|",
    "pub|tavern|bistro|kitchen|restaurant|auto|autos|cleaners|barbershop|",
    "boutique|florist|market|bar|",
));

/// An owner's possessive and capitalised words, one of them a trade ("Ray's
/// Pizza", "Burch 's Karate"), name an organisation: the owner's name the
/// earlier passes found (usually a person) takes the words after it. The
/// same words elsewhere in the text, in any case ("Ray's pizza"), are the
/// same shop. A lower-case trade alone after a possessive ("Maria's
/// bakery") is somebody's shop, not a name.
pub(crate) fn named_shops(text: &str, toks: &[Token], cands: &mut [Cand]) {
    let n = toks.len();
    let word = |i: usize| toks[i].text(text);
    let eligible = |c: &Cand| {
        !c.drop
            && matches!(c.label, Label::Person | Label::Org | Label::Place)
            && c.role.is_none()
            && c.canonical.is_none()
    };
    let lower =
        |a: usize, b: usize| -> Vec<String> { (a..b).map(|i| word(i).to_lowercase()).collect() };
    let mut names: Vec<Vec<String>> = Vec::new();
    let mut widen: Vec<(usize, usize)> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        if !eligible(c) {
            continue;
        }
        let Some(e) = possessive_end(text, toks, c.end) else {
            continue;
        };
        let mut end = e;
        let mut shop = false;
        while end < n
            && end < e + 3
            && toks[end].kind == TokenKind::Word
            && toks[end].is_capitalised(text)
            && !toks[end].line_before
        {
            shop |= SHOP_NOUNS.contains(&word(end).to_lowercase());
            end += 1;
        }
        if shop {
            widen.push((k, end));
            let key = lower(c.start, end);
            if !names.contains(&key) {
                names.push(key);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for (k, c) in cands.iter().enumerate() {
        if !eligible(c) || widen.iter().any(|&(j, _)| j == k) {
            continue;
        }
        if let Some(key) = names
            .iter()
            .find(|key| c.start + key.len() <= n && lower(c.start, c.start + key.len()) == **key)
        {
            widen.push((k, c.start + key.len()));
        }
    }
    for (k, end) in widen {
        // The candidates over the words taken lie inside the new span.
        let (a, b) = (cands[k].end, end);
        let over: Vec<usize> = (0..cands.len())
            .filter(|&j| j != k && !cands[j].drop && cands[j].start < b && cands[j].end > a)
            .collect();
        if over.iter().any(|&j| cands[j].start < a || cands[j].end > b) {
            continue;
        }
        for j in over {
            cands[j].drop = true;
        }
        let c = &mut cands[k];
        c.label = Label::Org;
        c.end = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::tests::{check, Case};
    use crate::entities::Label;
    use Label::*;

    #[test]
    fn a_possessive_that_owns_nothing_names_a_place() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "We are going to Del Frisco's for dinner on Friday.",
                &[("Del Frisco's", Place)],
                &[("Del Frisco", Person)],
            ),
            (
                "I was thinking Kenneally 's at around 5 for happy hour.",
                &[("Kenneally 's", Place)],
                &[("Kenneally", Person)],
            ),
            (
                "Which do you like: McDonald s, Burger King, Wendy s?",
                &[("Wendy s", Place)],
                &[("Wendy", Person)],
            ),
            // Another mention of the same shop with its possessive.
            (
                "What is the dress code at Del Frisco's Philadelphia? \
                 We are going to Del Frisco's for dinner.",
                &[("Del Frisco's", Place)],
                &[("Del Frisco", Person)],
            ),
            // A possessive that owns a noun, or after "of": left alone.
            (
                "Maria Lopez's decision surprised everyone.",
                &[("Maria Lopez", Person)],
                &[("Maria Lopez's", Place)],
            ),
            (
                "This bit from Dan Keller's \"Morning Notes\" column is good.",
                &[("Dan Keller", Person)],
                &[("Dan Keller's", Place)],
            ),
            (
                "He is an old friend of Tom Becker's.",
                &[("Tom Becker", Person)],
                &[("Tom Becker's", Place)],
            ),
        ];
        check(cases);
    }

    #[test]
    fn an_owner_and_a_trade_name_a_shop() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "What more can be said: \"Burch's Karate is the greatest!\"",
                &[("Burch's Karate", Org)],
                &[("Burch", Person)],
            ),
            (
                "Thank you, Barry s Auto Tech, for a great service!",
                &[("Barry s Auto Tech", Org)],
                &[("Barry", Person)],
            ),
            // The same shop again with its trade in lower case.
            (
                "Ray's pizza: my favourite. Ray's Pizza is just too good.",
                &[("Ray's pizza", Org), ("Ray's Pizza", Org)],
                &[("Ray", Person)],
            ),
            // A lower-case trade alone is somebody's shop, not a name.
            (
                "Maria Lopez's bakery opened in May.",
                &[("Maria Lopez", Person)],
                &[("Maria Lopez's bakery", Org)],
            ),
        ];
        check(cases);
    }
}
