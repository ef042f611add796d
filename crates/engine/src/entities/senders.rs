//! Senders of e-mail and newsgroup posts: a quoted display name before an
//! address in angle brackets (`"Julie" <julie@example.net>`, `"Townsend,
//! George" <gt@example.org>`) names a person, the whole quoted name ("Last,
//! First" included), whatever the words look like. A name that starts with
//! "The" ("The Cat Album") or that holds an organisation or a place the
//! earlier passes found is left as it is; a person found over the quotes
//! and the address (`Julie"<julie`) is cut to the quoted name.

use super::{Cand, Label};
use crate::text::{Token, TokenKind};

/// Add the senders' names (candidates sorted by start).
pub(crate) fn senders(text: &str, toks: &[Token], cands: &mut Vec<Cand>) {
    let word = |i: usize| toks[i].text(text);
    let quote = |i: usize| matches!(word(i), "\"" | "“" | "”");
    let n = toks.len();
    let mut add = Vec::new();
    let mut i = 0;
    while i < n {
        if !quote(i) {
            i += 1;
            continue;
        }
        // The closing quote within five words.
        let Some(j) = (i + 1..n.min(i + 7)).find(|&j| quote(j)) else {
            i += 1;
            continue;
        };
        let inner = i + 1..j;
        let after = text[toks[j].span.end..].trim_start();
        let address = after.starts_with('<')
            && after[1..]
                .split('>')
                .next()
                .is_some_and(|a| a.contains('@') && !a.contains(char::is_whitespace));
        let namey = !inner.is_empty()
            && inner.clone().all(|k| {
                matches!(toks[k].kind, TokenKind::Word | TokenKind::Abbrev) || word(k) == ","
            })
            && word(i + 1) != ","
            && word(j - 1) != ","
            && !word(i + 1).eq_ignore_ascii_case("the");
        if !(address && namey) {
            i = j;
            continue;
        }
        let over: Vec<usize> = (0..cands.len())
            .filter(|&k| !cands[k].drop && cands[k].start < j && cands[k].end > i + 1)
            .collect();
        if over
            .iter()
            .any(|&k| cands[k].label != Label::Person || cands[k].start < i)
        {
            i = j + 1;
            continue;
        }
        for &k in &over {
            cands[k].drop = true;
        }
        let mut c = Cand::new(i + 1, j, Label::Person, 7);
        c.sure = true;
        add.push(c);
        i = j + 1;
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
    fn quoted_names_before_an_address() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "Email: \"Ulla Brant\"<ubra...@example.net> Groups: alt.cats",
                &[("Ulla Brant", Person)],
                &[],
            ),
            (
                "Thanks. \"Townsend, George\" <gtownsend@example.org> 03/27/2001",
                &[("Townsend, George", Person)],
                &[],
            ),
            (
                "Email: \"TJO\"<ded69...@example.com> There is nothing wrong.",
                &[("TJO", Person)],
                &[],
            ),
            // Not before an address, or a title: left alone.
            (
                "Email: \"The Cat Album\"<thecat...@example.com> Groups: alt.cats",
                &[],
                &[("The Cat Album", Person), ("Cat Album", Person)],
            ),
            (
                "He called it \"Blue Harbour\" in his notes.",
                &[],
                &[("Blue Harbour", Person)],
            ),
        ];
        check(cases);
    }
}
