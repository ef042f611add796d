//! US addresses: "Baltimore, MD 21202", "Chillicothe, OH area", "Lawrence,
//! KS". A two-letter postal code after a capitalised name and a comma is
//! that state, and the name before it a place (a city) when nothing but a
//! guess typed it otherwise. A code glued to a word or followed by a comma
//! ("Harry Preuss, MD, a professor": a degree), after a person of two
//! words or more, or after a common word the lexicons do not know as a
//! place ("Sure, OK") is left alone, and so is a code that is also a word
//! after a given name ("Tom, OK?").

use super::{Cand, Label};
use crate::text::{Token, TokenKind};

/// The USPS codes of the states and the District of Columbia, with the
/// state's name: pairs, so a slice.
const STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

/// The state a USPS code names ("MD" → "Maryland"). Every token of a text
/// is asked, so anything but two ASCII capitals is turned away before the
/// table is searched (the search alone was 8 % of the entity pass).
fn state_of(code: &str) -> Option<&'static str> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    STATES.iter().find(|(c, _)| *c == code).map(|&(_, s)| s)
}

/// Add the states of "City, ST" and type their cities (candidates sorted
/// by start).
pub(crate) fn postal_states(text: &str, toks: &[Token], cands: &mut Vec<Cand>) {
    let lex = super::lexicon::Lexicon::get();
    let n = toks.len();
    // The candidate over each token, if any (dropped ones too: they only
    // claim their words).
    let mut over: Vec<Option<usize>> = vec![None; n];
    for (k, c) in cands.iter().enumerate() {
        if !c.drop {
            over[c.start..c.end].fill(Some(k));
        }
    }
    let word = |i: usize| toks[i].text(text);
    let capital_word = |i: usize| {
        toks[i].kind == TokenKind::Word && toks[i].text(text).starts_with(char::is_uppercase)
    };
    let mut add = Vec::new();
    for i in 2..n {
        let Some(state) = state_of(word(i)) else {
            continue;
        };
        if over[i].is_some() || word(i - 1) != "," || !capital_word(i - 2) {
            continue;
        }
        // Glued to a word, or followed by a comma ("Harry Preuss, MD, a
        // professor"): a degree or something else, not an address.
        if toks
            .get(i + 1)
            .is_some_and(|t| !t.space_before && t.kind == TokenKind::Word || t.text(text) == ",")
        {
            continue;
        }
        // "Sure, OK", "Tom, OK?": a common word before the comma is no
        // city, nor is a given name before a code that is also a word,
        // unless a lexicon knows it ("Lawrence, KS" is a city).
        let word_code = matches!(
            word(i),
            "OK" | "OH"
                | "IN"
                | "OR"
                | "ME"
                | "HI"
                | "ID"
                | "DE"
                | "LA"
                | "PA"
                | "MA"
                | "AL"
                | "CO"
        );
        let plain =
            lex.is_common_word(word(i - 2)) || (word_code && lex.is_first_name(word(i - 2)));
        let known = over[i - 2].is_some_and(|k| cands[k].canonical.is_some());
        if plain && !known {
            continue;
        }
        match over[i - 2] {
            // A city the lexicons or the rules know keeps its type unless a
            // guess made it a person.
            Some(k) => {
                let c = &mut cands[k];
                if c.end != i - 1 || c.label == Label::Date || c.label == Label::Quantity {
                    continue;
                }
                // A person of two words or more ("Harry Preuss, MD") is one.
                if c.label == Label::Person && c.end > c.start + 1 {
                    continue;
                }
                if c.label == Label::Person && c.role.is_none() && c.canonical.is_none() {
                    c.label = Label::Place;
                }
            }
            None => {
                // Up to three capitalised words before the comma.
                let mut s = i - 2;
                let sentence_start = |j: usize| {
                    j == 0 || toks[j].line_before || matches!(word(j - 1), "." | "!" | "?" | ":")
                };
                while s > 0
                    && s + 3 > i - 1
                    && !sentence_start(s)
                    && capital_word(s - 1)
                    && over[s - 1].is_none()
                {
                    s -= 1;
                }
                add.push(Cand::new(s, i - 1, Label::Place, 5));
            }
        }
        let mut c = Cand::new(i, i + 1, Label::Place, 5);
        c.canonical = Some(state.to_string());
        add.push(c);
    }
    if add.is_empty() {
        return;
    }
    cands.extend(add);
    crate::order::sort_by_key(cands, |c| c.start as u64);
}

#[cfg(test)]
mod tests {
    use crate::entities::tests::{check, Case};
    use crate::entities::Label;
    use Label::*;

    #[test]
    fn state_codes() {
        for (code, want) in [
            ("MD", Some("Maryland")),
            ("DC", Some("District of Columbia")),
            ("WY", Some("Wyoming")),
            ("md", None),
            ("Md", None),
            ("XX", None),
            ("M", None),
            ("MDX", None),
            ("", None),
            ("ÉÉ", None),
        ] {
            assert_eq!(super::state_of(code), want, "{code}");
        }
    }

    #[test]
    fn city_and_state_codes() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "We live in or around the Chillicothe, OH area.",
                &[("Chillicothe", Place), ("OH", Place)],
                &[],
            ),
            (
                "Write to 111 Market Place Ste 500 Baltimore, MD 21202 today.",
                &[("MD", Place)],
                &[],
            ),
            (
                "My favourite store is in Lawrence, KS",
                &[("KS", Place)],
                &[],
            ),
            (
                "He worked with Harry Preuss, MD, a professor of medicine.",
                &[("Harry Preuss", Person)],
                &[("MD", Place), ("Harry Preuss", Place)],
            ),
            (
                "Sure, OK. We will come.",
                &[],
                &[("OK", Place), ("Sure", Place)],
            ),
            (
                "Thanks Tom, OK? Bye.",
                &[],
                &[("OK", Place), ("Tom", Place)],
            ),
        ];
        check(cases);
    }
}
