//! Organisation words after the rules and the tagger have been combined:
//! the few shapes of an organisation's name that neither gets whole.
//!
//! - two organisations joined by "and", the second named with "&"
//!   ("Friends of the Wendle and Castell & Ward"), are two;
//! - a run of capitalised words ending in an institution's head word that
//!   nothing has made an organisation ("the Catholic Church", "the British
//!   Army", "the Prague Conservatory", "the Chicago Symphony Orchestra"),
//!   even when a place, group or person covers its first words; a firm
//!   named by its trade after its owner ("Carr Futures", "Malcolm Smith
//!   Motorsports", "Vagabond Tours") is one too;
//! - sports clubs: "FC Barcelona", and a city or state followed by a
//!   capitalised plural ("Boston Celtics");
//! - an ordinal before a military unit ("the 3rd Infantry Division", "the
//!   82nd Airborne Division");
//! - a company's legal form after a comma ("CCNG, Inc.", "Google, Inc.");
//! - a department or ministry "of X and Y" ("the Department of Housing and
//!   Urban Development"), where the words after "and" name no other
//!   organisation, place or person.
//!
//! - the examples after "companies like / such as / including" and a
//!   name between "the" and a lower-case "corporation" or "company"
//!   (`business_contexts`).
//!
//! All the words used are general English vocabulary.

use super::{rules, Cand, Label};
use crate::text::{Token, TokenKind, WordSet};

/// Head words that end an organisation's name, beyond the rules' own list
/// (`rules::ORG_HEADS`): churches, music schools and ensembles, armed
/// services, periodicals.
static EXTRA_HEADS: WordSet = WordSet::new(concat!(
    "Church|",
    "Conservatory|",
    "Conservatoire|",
    "Orchestra|",
    "Philharmonic|",
    "Marines|",
    "Magazine|",
    "Monthly|",
    "Weekly|",
    "Seminary|",
    "Synod|",
    "Patriarchate|",
    "Records|",
    "Studios|",
    "Pictures|",
    "Labs|",
));

/// Trades a firm is named by ("Carr Futures", "Vagabond Tours"): heads
/// too, and after an owner's name that is no common word they need no
/// "the" before them.
static TRADE_HEADS: WordSet = WordSet::new(concat!(
    "Futures|",
    "Motorsports|",
    "Tours|",
    "Insurance|",
    "Enterprises|",
    "Entertainment|",
    "Productions|",
    "Foods|",
    "Pharmaceuticals|",
));

/// Heads that a lone capitalised word before them does not make an
/// organisation of when that word is a common place or adjective (they are
/// also ordinary nouns: "Service", "Office", "Center").
static WEAK_HEADS: WordSet = WordSet::new(concat!(
    "Service|",
    "Services|",
    "Office|",
    "Center|",
    "Centre|",
    "Program|",
    "Programme|",
    "Initiative|",
    "Network|",
    "Systems|",
    "Energy|",
    "Exchange|",
    "Reserve|",
    "Plant|",
    "Works|",
    "Mill|",
    "Wing|",
    "Times|",
    "Post|",
    "News|",
    "Staff|",
    "Watch|",
    "Mission|",
    "Front|",
    "United|",
    "Athletic|",
    "Co|",
    "Co.|",
    "Partnership|",
    "Cooperation|",
    "Administration|",
    "Board|",
    "Group|",
    "Club|",
    "Court|",
    "Police|",
    "Command|",
    "Chamber|",
    "Fund|",
    "Trust|",
    "Movement|",
    "Alliance|",
    "Coalition|",
));

/// Military units an ordinal may number ("3rd Infantry Division").
static UNITS: WordSet = WordSet::new(concat!(
    "Division|",
    "Brigade|",
    "Battalion|",
    "Regiment|",
    "Corps|",
    "Army|",
    "Fleet|",
    "Squadron|",
    "Wing|",
    "Flotilla|",
    "Detachment|",
    "Group|",
    "Company|",
    "Infantry|",
    "Cavalry|",
    "Artillery|",
    "Marines|",
    "Rangers|",
    "Airborne|",
));

/// Legal forms written after a comma ("Google, Inc.").
static LEGAL_FORMS: WordSet = WordSet::new(concat!(
    "Inc|", "Inc.|", "Ltd|", "Ltd.|", "LLC|", "L.L.C.|", "Corp|", "Corp.|", "plc|", "PLC|", "LP|",
    "L.P.|", "GmbH|", "AG|", "S.A.|", "N.V.|", "Co.|",
));

/// Heads of a government body named "of X and Y".
static OF_AND_HEADS: WordSet = WordSet::new(concat!(
    "Department|",
    "Ministry|",
    "Secretary|",
    "Office|",
    "Agency|",
    "Committee|",
    "Commission|",
    "Council|",
    "Institute|",
    "School|",
    "Faculty|",
    "College|",
    "Bureau|",
    "Directorate|",
));

fn is_head(w: &str) -> bool {
    rules::ORG_HEADS.contains(w) || EXTRA_HEADS.contains(w) || TRADE_HEADS.contains(w)
}

/// "3rd", "82nd", "101st" (one token or a number and its suffix) and
/// "First" … "Tenth".
fn ordinal_before(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let w = toks[i - 1].text(text);
    let suffix = |s: &str| matches!(s, "st" | "nd" | "rd" | "th");
    if toks[i - 1].kind == TokenKind::Word {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && suffix(&w[digits.len()..])
        {
            return Some(i - 1);
        }
        if matches!(
            w,
            "First"
                | "Second"
                | "Third"
                | "Fourth"
                | "Fifth"
                | "Sixth"
                | "Seventh"
                | "Eighth"
                | "Ninth"
                | "Tenth"
        ) {
            return Some(i - 1);
        }
        if suffix(w) && i >= 2 && !toks[i - 1].space_before && toks[i - 2].kind == TokenKind::Number
        {
            return Some(i - 2);
        }
    }
    None
}

/// Apply the organisation shapes above to the combined candidates (sorted by
/// start; dropped candidates may overlap the others).
pub(crate) fn organisation_words(text: &str, toks: &[Token], cands: &mut Vec<Cand>) {
    let n = toks.len();
    // The live candidate over each token.
    let owner = |cands: &[Cand]| {
        let mut o = vec![usize::MAX; n];
        for (k, c) in cands.iter().enumerate() {
            if !c.drop {
                o[c.start..c.end].fill(k);
            }
        }
        o
    };
    let word = |i: usize| toks[i].text(text);
    let cap = |i: usize| toks[i].is_capitalised(text);
    let function = |i: usize| rules::FUNCTION_WORDS.contains(&word(i).to_lowercase());
    let mut add: Vec<Cand> = Vec::new();

    // 0. Two organisations joined by "and", the second a firm named with "&"
    // ("Friends of the Wendle and Castell & Ward").
    for c in cands.iter_mut() {
        if c.drop || c.label != Label::Org {
            continue;
        }
        let Some(m) = (c.start + 1..c.end).find(|&j| word(j) == "and") else {
            continue;
        };
        let amp =
            (m + 2..c.end.saturating_sub(1)).any(|j| word(j) == "&" && cap(j - 1) && cap(j + 1));
        if amp && cap(m - 1) && cap(m + 1) {
            let mut second = Cand::new(m + 1, c.end, Label::Org, c.prio);
            second.sure = c.sure;
            c.end = m;
            c.canonical = None;
            add.push(second);
        }
    }
    cands.append(&mut add);
    crate::order::sort_by_key(cands, |c| c.start as u64);

    // 1. Capitalised words ending in a head word nothing made an organisation.
    let lex = super::lexicon::Lexicon::get();
    let own = owner(cands);
    let mut i = 0;
    while i < n {
        let w = word(i);
        if !cap(i) || !is_head(w) || (own[i] != usize::MAX && cands[own[i]].label == Label::Org) {
            i += 1;
            continue;
        }
        // Leftwards over capitalised words (and a possessive: "People's").
        let mut a = i;
        while a > 0 && a + 5 > i {
            let p = a - 1;
            let ok = (cap(p) && !function(p) && !toks[p].line_before)
                || (toks[p].kind == TokenKind::Possessive && p > 0 && cap(p - 1));
            if !ok || toks[a].line_before {
                break;
            }
            a = p;
        }
        if toks[a].kind == TokenKind::Possessive {
            a += 1;
        }
        if a == i {
            i += 1;
            continue;
        }
        // Every live candidate over a..=i lies inside it and is a name or a group.
        let inside = (a..=i).filter_map(|k| (own[k] != usize::MAX).then_some(own[k]));
        let mut ok = true;
        let mut over = Vec::new();
        for k in inside {
            let c = &cands[k];
            if c.start < a
                || c.end > i + 1
                || !matches!(
                    c.label,
                    Label::Person | Label::Place | Label::Norp | Label::Org
                )
                || c.role.is_some()
            {
                ok = false;
                break;
            }
            if !over.contains(&k) {
                over.push(k);
            }
        }
        // A weak head (also an ordinary noun) only after a place or a group
        // that covers every word before it ("Kyiv Post", not "Customer
        // Service"); a saint's church is a building.
        if ok && WEAK_HEADS.contains(w) {
            ok = (a..i).all(|k| {
                own[k] != usize::MAX && matches!(cands[own[k]].label, Label::Place | Label::Norp)
            });
        }
        if matches!(word(a), "St" | "St." | "Saint") {
            ok = false;
        }
        // A name the lexicons know whole ("West Bank") stays what it is; words
        // nothing found before the head need "the" before them ("the
        // Lutheran Church", not "Great School!").
        if over.len() == 1 && {
            let c = &cands[over[0]];
            c.canonical.is_some() && (c.start, c.end) == (a, i + 1)
        } {
            ok = false;
        }
        // (Not at the start of a sentence, where any word is capitalised:
        // "Guided Tours leave at noon".)
        let owner_named = TRADE_HEADS.contains(w)
            && !lex.is_common_word(word(i - 1))
            && !function(i - 1)
            && a > 0
            && !toks[a].line_before
            && !matches!(word(a - 1), "." | "!" | "?" | ":" | "\"" | "“");
        if over
            .iter()
            .all(|&k| cands[k].end <= a || cands[k].start >= i)
            && !(a > 0 && word(a - 1).eq_ignore_ascii_case("the"))
            && !owner_named
        {
            ok = false;
        }
        if ok {
            for k in over {
                cands[k].drop = true;
            }
            let mut c = Cand::new(a, i + 1, Label::Org, 5);
            c.sure = true;
            add.push(c);
        }
        i += 1;
    }
    cands.append(&mut add);
    crate::order::sort_by_key(cands, |c| c.start as u64);

    // 1b. Sports clubs: "FC Barcelona", "AC Milan"; a city or state and a
    // capitalised plural nothing else covers ("Boston Celtics", "Los Angeles
    // Lakers"), not an event ("Tokyo Olympics").
    let own = owner(cands);
    for i in 0..n.saturating_sub(1) {
        let w = word(i);
        let club_prefix = matches!(w, "FC" | "AFC" | "AC" | "CF" | "SC")
            && cap(i + 1)
            && (own[i] == usize::MAX || cands[own[i]].label != Label::Org || own[i] == own[i + 1]);
        if club_prefix {
            let e = i + 2;
            let o = own[i + 1];
            let inside = |k: usize| k == usize::MAX || (cands[k].start >= i && cands[k].end <= e);
            if inside(own[i]) && inside(o) && (o == usize::MAX || cands[o].label != Label::Person) {
                for k in [own[i], o] {
                    if k != usize::MAX {
                        cands[k].drop = true;
                    }
                }
                let mut c = Cand::new(i, e, Label::Org, 5);
                c.sure = true;
                add.push(c);
            }
            continue;
        }
        // The plural right after a place's last word.
        let k = own[i];
        if k == usize::MAX
            || cands[k].end != i + 1
            || cands[k].label != Label::Place
            || cands[k].canonical.is_none()
            || own[i + 1] != usize::MAX
            || !cap(i + 1)
            || toks[i + 1].line_before
        {
            continue;
        }
        let p = word(i + 1);
        let plural = p.ends_with('s') && !p.ends_with("ss") && p.chars().count() >= 5;
        let event = matches!(
            p,
            "Olympics" | "Games" | "Championships" | "Accords" | "Talks" | "Protests" | "Riots"
        );
        let next_cap = i + 2 < n && cap(i + 2);
        if plural && !event && !next_cap && !lex.is_common_word(p) && !is_head(p) {
            let a = cands[k].start;
            cands[k].drop = true;
            let mut c = Cand::new(a, i + 2, Label::Org, 5);
            c.sure = true;
            add.push(c);
        }
    }
    cands.append(&mut add);
    crate::order::sort_by_key(cands, |c| c.start as u64);

    // 2. An ordinal before a military unit.
    let own = owner(cands);
    for k in 0..cands.len() {
        let c = &cands[k];
        if c.drop || c.label != Label::Org {
            continue;
        }
        if !(c.start..c.end).any(|j| UNITS.contains(word(j))) {
            continue;
        }
        if let Some(o) = ordinal_before(text, toks, c.start) {
            if (o..c.start).all(|j| own[j] == usize::MAX || own[j] == k) {
                cands[k].start = o;
            } else if (o..c.start).all(|j| {
                own[j] == usize::MAX || matches!(cands[own[j]].label, Label::Quantity | Label::Date)
            }) {
                for j in o..c.start {
                    if own[j] != usize::MAX {
                        cands[own[j]].drop = true;
                    }
                }
                cands[k].start = o;
            }
        }
    }

    // 3. A legal form after a comma.
    let own = owner(cands);
    for i in 2..n {
        if !LEGAL_FORMS.contains(word(i)) || word(i - 1) != "," || !cap(i) {
            continue;
        }
        let p = i - 2;
        let mut end = i + 1;
        // "Inc" and its dot as two tokens.
        if end < n && word(end) == "." && !toks[end].space_before && !word(i).ends_with('.') {
            end += 1;
        }
        let before = own[p];
        if before != usize::MAX {
            let c = &cands[before];
            if c.drop || !matches!(c.label, Label::Org | Label::Person | Label::Place) {
                continue;
            }
        } else if !cap(p) || function(p) {
            continue;
        }
        // The candidates over the legal form itself ("Inc. of Mountain View").
        if (i..end).any(|j| own[j] != usize::MAX && cands[own[j]].label != Label::Org) {
            continue;
        }
        for j in i..end {
            if own[j] != usize::MAX {
                cands[own[j]].drop = true;
            }
        }
        if before != usize::MAX {
            let c = &mut cands[before];
            c.end = end;
            c.label = Label::Org;
            c.canonical = None;
            c.related.clear();
        } else {
            let mut a = p;
            while a > 0 && cap(a - 1) && own[a - 1] == usize::MAX && !toks[a].line_before {
                a -= 1;
            }
            let mut c = Cand::new(a, end, Label::Org, 5);
            c.sure = true;
            add.push(c);
        }
    }
    cands.append(&mut add);
    crate::order::sort_by_key(cands, |c| c.start as u64);

    // 4. "Department of X and Y".
    let own = owner(cands);
    for k in 0..cands.len() {
        let c = &cands[k];
        if c.drop || c.label != Label::Org || c.end + 1 >= n {
            continue;
        }
        let head_of = (c.start..c.end.saturating_sub(1))
            .any(|j| OF_AND_HEADS.contains(word(j)) && matches!(word(j + 1), "of" | "for"));
        if !head_of || word(c.end) != "and" {
            continue;
        }
        let b = c.end + 1;
        let mut e = b;
        while e < n && cap(e) && !toks[e].line_before && e < b + 4 {
            e += 1;
        }
        if e == b || (e < n && toks[e].kind == TokenKind::Possessive) {
            continue;
        }
        // Nothing after "and" may be another organisation, a place, a person,
        // an acronym or any name the lexicons know; it may be a guessed organisation
        // without a head word ("Urban Development").
        let acronym = |j: usize| {
            let w = word(j);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
        };
        let ok = (b..e).all(|j| {
            !is_head(word(j))
                && !acronym(j)
                && (own[j] == usize::MAX || {
                    let o = &cands[own[j]];
                    o.label == Label::Org && o.canonical.is_none() && o.start >= b && o.end <= e
                })
        });
        if !ok {
            continue;
        }
        for j in b..e {
            if own[j] != usize::MAX {
                cands[own[j]].drop = true;
            }
        }
        let c = &mut cands[k];
        c.end = e;
        c.canonical = None;
    }
    crate::order::sort_by_key(cands, |c| c.start as u64);
}

/// Names read as people that are events (a storm's or a games' name), and
/// two people read as one name: a word written twice in a row ("Thanks,
/// Renee Renee, …" where a sign-off meets the next greeting) or two
/// given-name-and-surname pairs ("Debra Perlingiere Gerald Nemec", a
/// signature list) are two names, and so are a name and a given name
/// alone before a comma ("Debra Perlingiere Tammi, attached is …", a
/// sign-off and the next greeting). A given name after a given name stays
/// ("Mary Ann Smith"), and each part keeps at least two words unless the
/// word is repeated or is that greeting.
pub(crate) fn split_people(text: &str, toks: &[Token], cands: &mut Vec<Cand>) {
    let lex = super::lexicon::Lexicon::get();
    let word = |i: usize| toks[i].text(text);
    let mut add = Vec::new();
    for c in cands.iter_mut() {
        if c.drop || c.label != Label::Person || c.role.is_some() || c.canonical.is_some() {
            continue;
        }
        // Storms and games are events ("Hurricane Katrina", "the Summer
        // Paralympics"), not people.
        if matches!(
            word(c.start),
            "Hurricane" | "Typhoon" | "Cyclone" | "Tropical"
        ) || rules::EVENT_HEADS.contains(word(c.end - 1))
        {
            c.label = Label::Event;
            continue;
        }
        let given = |j: usize| toks[j].kind == TokenKind::Word && lex.is_first_name(word(j));
        let mut cut = None;
        for j in c.start + 1..c.end {
            if word(j) == word(j - 1) && toks[j].kind == TokenKind::Word {
                cut = Some(j);
                break;
            }
            if j >= c.start + 2
                && j + 2 <= c.end
                && given(j)
                && !given(j - 1)
                && toks[j - 1].kind == TokenKind::Word
                && given(c.start)
            {
                cut = Some(j);
                break;
            }
        }
        // A sign-off meeting the next greeting: a name of two words or more
        // and a given name alone before a comma or a colon ("Debra
        // Perlingiere Tammi, attached is …"), the surname no given name.
        let j = c.end - 1;
        if cut.is_none()
            && j >= c.start + 2
            && given(j)
            && !given(j - 1)
            && toks[j - 1].kind == TokenKind::Word
            && toks
                .get(c.end)
                .is_some_and(|t| matches!(t.text(text), "," | ":"))
        {
            cut = Some(j);
        }
        if let Some(j) = cut {
            add.push(Cand::new(j, c.end, Label::Person, c.prio));
            c.end = j;
        }
    }
    if add.is_empty() {
        return;
    }
    cands.extend(add);
    crate::order::sort_by_key(cands, |c| c.start as u64);
}

/// A storm's name alone ("Rita was extremely dangerous") in a text that
/// also names the storm ("Hurricane Rita", "Tropical Storm Rita") is the
/// storm, an event, not a person.
pub(crate) fn storm_names(text: &str, toks: &[Token], cands: &mut [Cand]) {
    let word = |i: usize| toks[i].text(text);
    let storms: Vec<&str> = (1..toks.len())
        .filter(|&i| {
            matches!(word(i - 1), "Hurricane" | "Typhoon" | "Cyclone" | "Storm")
                && toks[i].kind == TokenKind::Word
                && word(i).starts_with(char::is_uppercase)
        })
        .map(word)
        .collect();
    if storms.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if !c.drop
            && c.label == Label::Person
            && c.end == c.start + 1
            && c.role.is_none()
            && storms.contains(&word(c.start))
        {
            c.label = Label::Event;
        }
    }
}

/// Plural business nouns that introduce examples ("companies like
/// Scharffen Berger, TCHO, and …").
static COMPANIES: WordSet = WordSet::new(concat!(
    "companies|firms|brands|retailers|chains|manufacturers|makers|",
    "carmakers|automakers|startups|airlines|banks|",
));

/// Business nouns after a name: "the Coca-Cola corporation".
static COMPANY_AFTER: WordSet = WordSet::new("corporation|company|conglomerate|");

/// Names a business noun makes organisations: the examples after
/// "companies like / such as / including" ("companies like Scharffen
/// Berger, TCHO, and smaller makers") and a name between "the" and a
/// lower-case "corporation" or "company" ("the Coca-Cola corporation").
/// A name the rules only guessed (a person or place with no lexicon entry
/// or title) is retyped, and capitalised words nothing covers become one.
pub(crate) fn business_contexts(text: &str, toks: &[Token], cands: &mut Vec<Cand>) {
    let n = toks.len();
    let word = |i: usize| toks[i].text(text);
    let mut own = vec![usize::MAX; n];
    for (k, c) in cands.iter().enumerate() {
        if !c.drop {
            own[c.start..c.end].fill(k);
        }
    }
    // The end of a run of capitalised words from `i` ("Coca-Cola", "Scharffen
    // Berger"), nothing covering it.
    let run_end = |i: usize| {
        let mut e = i;
        while e < n && own[e] == usize::MAX && !toks[e].line_before {
            let t = &toks[e];
            let glue = matches!(word(e), "-" | "&")
                && e > i
                && !t.space_before
                && toks.get(e + 1).is_some_and(|u| u.is_capitalised(text));
            if !(glue || (t.kind == TokenKind::Word && t.is_capitalised(text))) {
                break;
            }
            e += 1;
        }
        e
    };
    let guessed = |c: &Cand| {
        matches!(c.label, Label::Person | Label::Place) && c.canonical.is_none() && c.role.is_none()
    };
    let mut retype = Vec::new();
    let mut add = Vec::new();
    // The name at `i`: Some(end) when it was retyped or added.
    let take = |i: usize, retype: &mut Vec<usize>, add: &mut Vec<Cand>| -> Option<usize> {
        if i >= n {
            return None;
        }
        if own[i] != usize::MAX {
            let c = &cands[own[i]];
            if c.start != i || !(guessed(c) || c.label == Label::Org) {
                return None;
            }
            if c.label != Label::Org {
                retype.push(own[i]);
            }
            return Some(c.end);
        }
        let e = run_end(i);
        (e > i && e <= i + 3).then(|| {
            add.push(Cand::new(i, e, Label::Org, 5));
            e
        })
    };
    for i in 1..n {
        // "companies like A, B, and C".
        if COMPANIES.contains(word(i - 1)) {
            let mut j = match word(i) {
                "like" | "including" => i + 1,
                "such" if i + 1 < n && word(i + 1) == "as" => i + 2,
                _ => continue,
            };
            while let Some(e) = take(j, &mut retype, &mut add) {
                j = match (word_at(text, toks, e), word_at(text, toks, e + 1)) {
                    (",", "and" | "or") => e + 2,
                    (",", _) | ("and" | "or", _) => e + 1,
                    _ => break,
                };
            }
        }
        // "the Coca-Cola corporation".
        if word(i - 1).eq_ignore_ascii_case("the") {
            let e = if own[i] != usize::MAX {
                cands[own[i]].end
            } else {
                run_end(i)
            };
            if e > i && e < n && COMPANY_AFTER.contains(word(e)) {
                take(i, &mut retype, &mut add);
            }
        }
    }
    for k in retype {
        cands[k].label = Label::Org;
    }
    if !add.is_empty() {
        cands.extend(add);
        crate::order::sort_by_key(cands, |c| c.start as u64);
    }
}

/// The text of token `i`, or "" past the end.
fn word_at<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| t.text(text))
}

#[cfg(test)]
mod tests {
    use crate::entities::tests::{check, Case};
    use crate::entities::Label;
    use Label::*;

    #[test]
    fn firms_named_by_their_trade() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "Calls are now forwarded to Malcolm Smith Motorsports down the road.",
                &[("Malcolm Smith Motorsports", Org)],
                &[("Malcolm Smith Motorsports", Person)],
            ),
            (
                "Boat trips are sold by Vagabond Tours, Bjerrebyvej 6, all year.",
                &[("Vagabond Tours", Org)],
                &[],
            ),
            // An owner's name alone before the trade: no "the" needed.
            (
                "The report is published on behalf of Carr Futures or its officers.",
                &[("Carr Futures", Org)],
                &[],
            ),
            // A common word before the trade is no firm's name.
            (
                "Guided Tours leave the harbour at noon.",
                &[],
                &[("Guided Tours", Org)],
            ),
        ];
        check(cases);
    }

    #[test]
    fn names_a_business_noun_makes_organisations() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "It is a market with companies like Scharffen Berger, TCHO, and smaller makers.",
                &[("Scharffen Berger", Org), ("TCHO", Org)],
                &[("Scharffen Berger", Person)],
            ),
            (
                "In 2001 the Coca-Cola corporation built a bottling plant in Kerala.",
                &[("Coca-Cola", Org)],
                &[],
            ),
            // A company noun with no name before it, or a place named as
            // such: left alone.
            (
                "The company said that the Paris company office would close.",
                &[("Paris", Place)],
                &[("Paris", Org)],
            ),
        ];
        check(cases);
    }
}
