//! Places written in lower case ("a holiday in kerala", "from mexico"),
//! as in forum posts and messages: a word the lexicons know as a country,
//! city or state once capitalised, after a preposition of place, right
//! after another place ("san francisco california") or joined to one by
//! "and" / "or" ("vietnam and Afghanistan"), is that place. Common English words ("china", "turkey"), given names
//! ("georgia", "jordan") and words of three letters or fewer are left
//! alone, and so is anything another name already covers.

use super::lexicon::{Kind, Lexicon};
use super::{Cand, Label};
use crate::text::{Token, TokenKind};

/// Words before a place.
fn place_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "from"
            | "to"
            | "near"
            | "around"
            | "across"
            | "visit"
            | "visiting"
            | "between"
            | "via"
            | "outside"
            | "throughout"
    )
}

/// Places whose lower-case form is mostly an ordinary word.
fn ordinary(w: &str) -> bool {
    matches!(
        w,
        "china"
            | "turkey"
            | "chile"
            | "nice"
            | "reading"
            | "bath"
            | "mobile"
            | "split"
            | "cork"
            | "derby"
            | "hull"
            | "sale"
            | "orange"
            | "jersey"
            | "guinea"
            | "chad"
            | "niger"
            | "police"
            | "male"
            | "mali"
            | "bar"
            | "cologne"
            | "tours"
            | "wells"
            | "lima"
            | "victoria"
            | "georgia"
            | "jordan"
            | "phoenix"
            | "university"
            | "independence"
    )
}

/// "kerala" → "Kerala".
fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(cs)
        .collect()
}

/// Add the lower-case places (candidates sorted by start; dropped ones may overlap).
pub(crate) fn lowercase_places(text: &str, toks: &[Token], cands: &mut Vec<Cand>) {
    let lex = Lexicon::get();
    let n = toks.len();
    let mut taken = vec![false; n];
    for c in cands.iter().filter(|c| !c.drop) {
        taken[c.start..c.end].fill(true);
    }
    let lower_word = |i: usize| {
        toks[i].kind == TokenKind::Word && toks[i].text(text).chars().all(char::is_lowercase)
    };
    // Where place names start and end: a lower-case place right after one
    // ("San Francisco california") or joined to one by "and" / "or"
    // ("vietnam and Afghanistan") is a place too.
    let mut place_at = vec![false; n + 1];
    let mut place_end = vec![false; n + 1];
    for c in cands.iter().filter(|c| !c.drop && c.label == Label::Place) {
        place_at[c.start] = true;
        place_end[c.end] = true;
    }
    let joined = |i: usize| matches!(toks[i].text(text), "and" | "or");
    let beside_place = |i: usize| {
        place_end[i]
            || (i >= 2 && joined(i - 1) && place_end[i - 1])
            || (i + 2 < n && joined(i + 1) && place_at[i + 2])
    };
    let mut add = Vec::new();
    let mut i = 1;
    while i < n {
        if taken[i]
            || !lower_word(i)
            || !(place_preposition(toks[i - 1].text(text)) || beside_place(i))
            || toks[i].text(text) == "the"
        {
            i += 1;
            continue;
        }
        // Up to three lower-case words, title-cased for the lexicon.
        let mut e = i;
        while e < n && e < i + 3 && lower_word(e) && !taken[e] {
            e += 1;
        }
        let tc: Vec<String> = (i..e).map(|k| title_case(toks[k].text(text))).collect();
        let tw: Vec<&str> = tc.iter().map(String::as_str).collect();
        let Some((p, len)) = lex.longest_at(&tw, 0) else {
            i += 1;
            continue;
        };
        let phrase = &lex.phrases[p as usize];
        let place = phrase
            .kinds
            .iter()
            .all(|k| matches!(k, Kind::Country(_) | Kind::City { .. } | Kind::Place));
        let w = toks[i].text(text);
        let plain = len == 1
            && (w.chars().count() <= 3
                || ordinary(w)
                || lex.is_common_word(w)
                || lex.is_first_name(tw[0]));
        if place && !plain {
            let mut c = Cand::new(i, i + len, Label::Place, 5);
            c.canonical = Some(phrase.canonical.clone());
            add.push(c);
        }
        i += len;
    }
    if add.is_empty() {
        return;
    }
    cands.extend(add);
    crate::order::sort_by_key(cands, |c| c.start as u64);
}
