//! Pairing the claim's values with a statement's: what each value counts
//! or measures (its context, its counted noun, its subject), which values
//! can be compared at all, and which pairs state the same thing.

use super::*;
use crate::entities::Op;

/// The context terms of value mention `m` (empty for other mentions).
pub(super) fn context_of(
    a: &Analysis,
    tokens: &[Token],
    terms: &[Option<u32>],
    text: &str,
    m: &crate::Mention,
) -> Ctx {
    if m.value.is_none() {
        return Ctx::default();
    }
    let (first, end, lo, hi) = value_tokens(a, tokens, m);
    let mut c = Ctx::default();
    let mut i = first;
    let mut k = 0;
    while i > lo && k < CONTEXT_TERMS && !is_barrier(&tokens[i - 1], text, k) {
        i -= 1;
        if let Some(t) = terms[i] {
            c.near[0] = c.near[0].or(Some(t));
            c.full.push(t);
            if !MEASURING.contains(fold(tokens[i].text(text)).as_str()) {
                c.plain.push(t);
            }
            k += 1;
        }
    }
    let (mut i, mut k) = (end, 0);
    while i < hi && k < CONTEXT_TERMS && !is_barrier(&tokens[i], text, k) {
        if let Some(t) = terms[i] {
            c.near[1] = c.near[1].or(Some(t));
            c.full.push(t);
            if !MEASURING.contains(fold(tokens[i].text(text)).as_str()) {
                c.plain.push(t);
            }
            k += 1;
        }
        i += 1;
    }
    c.full.sort_unstable();
    c.full.dedup();
    c.plain.sort_unstable();
    c.plain.dedup();
    c
}

/// Whether mention `m` is a value that can be compared (not a bare year,
/// a model number inside a name, the word "one" or a fraction).
pub(super) fn comparable_of(
    a: &Analysis,
    tokens: &[Token],
    text: &str,
    m: &crate::Mention,
    named_numbers: &[String],
) -> bool {
    match &m.value {
        Some(Value::Number { unit: None, .. }) => {
            let w = m.span.slice(text);
            if named_numbers
                .binary_search_by(|n| n.as_str().cmp(w))
                .is_ok()
            {
                return false;
            }
            let year = w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (1800..=2100).contains(&w.parse::<u32>().unwrap_or(0));
            // "iPhone 4", "FTSE 100", "Boeing 787": a number after a
            // capitalised word inside the sentence names a thing.
            let i = token_at(tokens, m.span.start);
            let k = a.sentences.partition_point(|s| s.span.end <= m.span.start);
            let first = a.sentences.get(k).map_or(0, |s| s.first_token);
            let named = i > first
                && tokens.get(i - 1).is_some_and(|t| {
                    let p = t.text(text);
                    p.chars().any(char::is_uppercase)
                        && p.chars().all(char::is_alphanumeric)
                        && t.span.end + 1 >= m.span.start
                })
                && w.bytes().all(|b| b.is_ascii_digit());
            let fraction = FRACTIONS.contains(w.to_ascii_lowercase().as_str())
                || matches!(m.value, Some(Value::Number { value, .. }) if value < 1.0);
            !(year || named || fraction || w.eq_ignore_ascii_case("one"))
        }
        Some(_) => true,
        None => false,
    }
}

/// Figures that name a thing somewhere in a document: a whole number
/// written right after a name ("Boeing 787", "the Boeing 787-8"), sorted.
/// The same figure elsewhere in the workspace ("the new 787 Dreamliner")
/// names the thing too, and is not compared as a count.
pub(super) fn named_numbers(a: &Analysis, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in a.mentions.iter().filter(|m| is_named(m.label)) {
        let Some(rest) = text[name.span.end..].strip_prefix(' ') else {
            continue;
        };
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        let boundary = rest[n..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if n > 0 && boundary {
            out.push(rest[..n].to_string());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What value mention `m` counts or measures.
pub(super) fn thing_of(
    a: &Analysis,
    tokens: &[Token],
    terms: &[Option<u32>],
    text: &str,
    m: &crate::Mention,
) -> Thing {
    let Some(v) = &m.value else {
        return Thing::default();
    };
    let (first, end, lo, hi) = value_tokens(a, tokens, m);
    let lower = |i: usize| fold(tokens[i].text(text));
    let mut t = Thing::default();
    if matches!(v, Value::Number { unit: None, .. }) {
        if end < hi && end < tokens.len() && tokens[end].kind == TokenKind::Word {
            if let Some(term) = terms[end] {
                let w = lower(end);
                let class = if PEOPLE_ANY.contains(w.as_str()) {
                    People::Any
                } else if PEOPLE_SOME.contains(w.as_str()) {
                    People::Some
                } else {
                    People::No
                };
                t.counted = Some((term, class));
            }
        }
        let head = m.span.slice(text).split_whitespace().next().unwrap_or("");
        t.limit = t.counted.is_none()
            && LIMITS.contains(fold(head).as_str())
            && first > lo
            && terms[first - 1].is_some()
            && lower(first - 1).chars().all(char::is_alphabetic);
    }
    t.bound = bound_before(tokens, text, first, lo).filter(|_| !t.limit);
    // The subject: the nearest content word before the value that
    // is not a word of measuring, within the sentence.
    let mut i = first;
    while i > lo {
        i -= 1;
        let w = tokens[i].text(text);
        // Across a comma the word before is seldom what is counted
        // ("on Tuesday night, an increase of 6 percent").
        if matches!(w, ";" | ":" | "(" | ")" | "," | "—" | "–") {
            break;
        }
        if let Some(term) = terms[i] {
            if !MEASURING.contains(lower(i).as_str()) {
                t.subject = Some(term);
                break;
            }
        }
    }
    t
}

/// The bound a word right before token `first` (not before `lo`, the
/// sentence's first token) puts on the value there ([`BOUND_WORDS`]).
fn bound_before(tokens: &[Token], text: &str, first: usize, lo: usize) -> Option<Op> {
    let w = fold(tokens[first.checked_sub(1).filter(|&i| i >= lo)?].text(text));
    let &(_, lower) = BOUND_WORDS.iter().find(|(b, _)| *b == w)?;
    Some(if lower { Op::Gt } else { Op::Lt })
}

/// Years between two dates (0 for other values or unreadable dates).
pub(super) fn years_apart(a: &Value, b: &Value) -> i32 {
    let year = |v: &Value| match v {
        Value::Date { iso } => iso
            .get(..4)
            .and_then(|y| y.replace('X', "0").parse::<i32>().ok()),
        _ => None,
    };
    match (year(a), year(b)) {
        (Some(x), Some(y)) => (x - y).abs(),
        _ => 0,
    }
}

pub(super) fn shares(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Whether a value of the claim and one of the statement count or measure
/// the same thing. Dates and durations: their contexts share a term.
/// Counts, money, measures and rates: a count's noun meets the other's
/// ("1,000 individuals" meets "1,000 prisoners", never "6,000 bodies"); an
/// age or size limit ("prisoners under 25") is never a head count;
/// otherwise the contexts must meet ([`Ctx::meets`]) and, unless they share
/// two words beside the words of measuring, where both have a subject,
/// one's subject must be in the other's context ("the
/// alternative would cost £70 million" is not "the barrier cost £52
/// million").
pub(super) fn same_thing(cv: &Value, (ap, cm): (&Prep, usize), (sp, rm): (&Prep, usize)) -> bool {
    let (cc, rc) = (&ap.context[cm], &sp.context[rm]);
    if matches!(cv, Value::Date { .. } | Value::Duration { .. }) {
        return cc.meets(rc, false);
    }
    let (ct, rt) = (&ap.thing[cm], &sp.thing[rm]);
    if ct.limit != rt.limit {
        return false;
    }
    if let (Some((a, pa)), Some((b, pb))) = (ct.counted, rt.counted) {
        return a == b
            || (pa == People::Any && pb != People::No)
            || (pb == People::Any && pa != People::No);
    }
    if !cc.meets(rc, true) {
        return false;
    }
    // Two words in common beside the words of measuring ("$12 million for
    // Riverside Park", "$9 million for Riverside Park repairs"): the same
    // thing, whatever comes before.
    let common = cc
        .plain
        .iter()
        .filter(|t| rc.plain.binary_search(t).is_ok())
        .count();
    if common >= 2 {
        return true;
    }
    match (ct.subject, rt.subject) {
        (Some(a), Some(b)) => {
            a == b || rc.full.binary_search(&a).is_ok() || cc.full.binary_search(&b).is_ok()
        }
        _ => true,
    }
}

/// Two equal figures precise enough not to meet by chance in two reports
/// of one story, whatever the words around them ("a US$14 billion bailout
/// package", "given $14 billion in funds"): an exact sum of money, the
/// same count of at least 1,000 or with decimals, a percentage with
/// decimals, written in
/// digits on both sides, or a day of a month.
pub(super) fn telling_match(cv: &Value, rv: &Value, ctext: &str, rtext: &str) -> bool {
    let digits = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
    if !digits(ctext) || !digits(rtext) || !values_agree(cv, rv) {
        return false;
    }
    match (cv, rv) {
        (Value::Money { op: Op::Eq, .. }, Value::Money { op: Op::Eq, .. }) => true,
        (
            Value::Number {
                op: Op::Eq,
                value: a,
                ..
            },
            Value::Number {
                op: Op::Eq,
                value: b,
                ..
            },
        ) => a == b && (*a >= 1000.0 || a.fract() != 0.0),
        (
            Value::Percent {
                op: Op::Eq,
                value: a,
            },
            Value::Percent { op: Op::Eq, .. },
        ) => a.fract() != 0.0,
        (Value::Date { iso: a }, Value::Date { iso: b }) => {
            // "2008-10-25" or "--10-25".
            let day = |iso: &str| {
                iso.len() == 10 && !iso.starts_with('-') || iso.len() == 7 && iso.starts_with("--")
            };
            day(a) && day(b)
        }
        _ => false,
    }
}

/// Pair the claim's values with the statement's: same kind, overlapping
/// context (or, with `telling`, a [`telling_match`] whatever the context:
/// for the relation of a statement already chosen, not for ranking). One
/// pair per claim value: an agreeing one if any, else the nearest
/// differing one.
pub(super) fn pair_values(
    art: (&Source, &Prep),
    claim_values: &[usize],
    src: (&Source, &Prep),
    sent: &RefSent,
    telling: bool,
) -> Vec<ValuePair> {
    let mut out = Vec::new();
    for &cm in claim_values {
        let m = &art.0.analysis.mentions[cm];
        let Some(cv) = &m.value else { continue };
        if !art.1.comparable[cm] {
            continue;
        }
        let cv = &art.1.thing[cm]
            .bound
            .map_or_else(|| cv.clone(), |b| bounded(cv, b));
        let mut best: Option<((bool, bool, bool), f64, usize)> = None;
        for rm in sent.mentions.clone() {
            let r = &src.0.analysis.mentions[rm];
            let Some(rv) = &r.value else { continue };
            let rv = &src.1.thing[rm]
                .bound
                .map_or_else(|| rv.clone(), |b| bounded(rv, b));
            let telling = telling && {
                let (ct, rt) = (m.span.slice(&art.0.doc.text), r.span.slice(&src.0.doc.text));
                telling_match(cv, rv, ct, rt)
            };
            if !src.1.comparable[rm]
                || !comparable(cv, rv)
                || years_apart(cv, rv) > DATE_PAIR_MAX_YEARS
                || !telling && !same_thing(cv, (art.1, cm), (src.1, rm))
            {
                continue;
            }
            let ok = values_agree(cv, rv);
            let d = distance(cv, rv);
            // A close agreement first, then a figure stated the same way
            // ("up to 800" meets "up to 840" before the "555" it contains).
            let rank = (ok && agree_closely(cv, rv), same_op(cv, rv), ok);
            // Figures an order of magnitude apart count different things
            // ("$30 billion" of a plan, "$1.5 million" of a salary).
            if !ok && d > MAX_RATIO && !matches!(cv, Value::Date { .. }) {
                continue;
            }
            let better = match best {
                None => true,
                Some((brank, bd, _)) => rank > brank || (rank == brank && d < bd),
            };
            if better {
                best = Some((rank, d, rm));
            }
        }
        if let Some(((_, _, ok), _, rm)) = best {
            let r = &src.0.analysis.mentions[rm];
            let rv = r.value.as_ref().expect("value");
            out.push(ValuePair {
                claim: m.span,
                reference: r.span,
                claim_value: cv.clone(),
                reference_value: src.1.thing[rm]
                    .bound
                    .map_or_else(|| rv.clone(), |b| bounded(rv, b)),
                agrees: ok,
            });
        }
    }
    out
}

/// Whether two values carry the same comparison ("up to" both, "about"
/// both, exact both; dates always).
fn same_op(a: &Value, b: &Value) -> bool {
    let op = |v: &Value| match v {
        Value::Number { op, .. }
        | Value::Percent { op, .. }
        | Value::Money { op, .. }
        | Value::Duration { op, .. } => Some(std::mem::discriminant(op)),
        Value::Date { .. } => None,
    };
    op(a) == op(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_after_a_name_are_names() {
        crate::frontcode::install_bundled();
        let text = |s: &str| format!("Boeing news\n\n{s} Boeing said so on Monday.");
        for (body, want) in [
            ("The Boeing 787 is ready for its first flight.", vec!["787"]),
            (
                "Boeing said the Boeing 787-8 holds 250 people.",
                vec!["787"],
            ),
            ("Boeing has sold 40 planes to Qantas.", vec![]),
            ("About 500 guests came to the Boeing plant.", vec![]),
            ("Boeing sold 50 787s to Air India.", vec![]),
        ] {
            let text = text(body);
            let ws = Workspace::new(crate::Document::from_plain_text("a", "A", &text));
            let a = ws.article();
            assert_eq!(named_numbers(&a.analysis, &a.doc.text), want, "{body}");
        }
    }

    #[test]
    fn telling_matches() {
        let n = |v: f64| Value::Number {
            op: Op::Eq,
            value: v,
            unit: None,
        };
        let usd = |a: f64| Value::Money {
            op: Op::Eq,
            amount: a,
            currency: "USD".into(),
        };
        let pct = |v: f64| Value::Percent {
            op: Op::Eq,
            value: v,
        };
        let date = |iso: &str| Value::Date { iso: iso.into() };
        for (a, ta, b, tb, want) in [
            (usd(14e9), "US$14 billion", usd(14e9), "$14 billion", true),
            (
                usd(14e9),
                "US$14 billion",
                usd(17.4e9),
                "$17.4 billion",
                false,
            ),
            (n(4300.0), "4,300", n(4300.0), "4,300", true),
            (n(40.0), "40", n(40.0), "40", false),
            (n(500.0), "500", n(500.0), "500", false),
            (n(787.0), "787", n(800.0), "800", false),
            (n(4300.0), "4,300", n(4310.0), "4,310", false),
            (n(2000.0), "two thousand", n(2000.0), "2000", false),
            (pct(2.36), "2.36%", pct(2.36), "2.36 percent", true),
            (pct(20.0), "20%", pct(20.0), "20 percent", false),
            (
                date("--10-25"),
                "October 25",
                date("2008-10-25"),
                "Oct. 25, 2008",
                true,
            ),
            (date("2008"), "2008", date("2008"), "2008", false),
            (
                date("2008-10"),
                "October 2008",
                date("2008-10"),
                "October 2008",
                false,
            ),
        ] {
            assert_eq!(telling_match(&a, &b, ta, tb), want, "{ta} / {tb}");
        }
    }
}
