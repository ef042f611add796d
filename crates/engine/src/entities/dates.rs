//! Numbers, money, percentages, dates and durations as mention candidates.
//!
//! Works on the shared tokens; every candidate carries a normalised
//! [`Value`]. Modifiers such as "more than" and "at least" are inside the
//! span and set the value's [`Op`].

use std::sync::OnceLock;

use super::fasthash::FxSet;
use super::numbers::{number_at, percent_at, ParseF64, Toks};
use super::{Cand, Label, Op, Value};
use crate::text::TokenKind;
use crate::text::WordSet;

/// Modifiers kept inside QUANTITY, MONEY and DATE spans. A slice of
/// phrases with their operator, not a [`WordSet`]: the first phrase that
/// matches wins, so the order is part of the table.
const MODIFIERS: &[(&[&str], Op)] = &[
    (&["more", "than"], Op::Gt),
    (&["greater", "than"], Op::Gt),
    (&["just", "over"], Op::Gt),
    (&["well", "over"], Op::Gt),
    (&["over"], Op::Gt),
    (&["upwards", "of"], Op::Gt),
    (&["less", "than"], Op::Lt),
    (&["fewer", "than"], Op::Lt),
    (&["just", "under"], Op::Lt),
    (&["under"], Op::Lt),
    (&["at", "least"], Op::Ge),
    (&["no", "fewer", "than"], Op::Ge),
    (&["no", "less", "than"], Op::Ge),
    (&["at", "most"], Op::Le),
    (&["up", "to"], Op::Le),
    (&["no", "more", "than"], Op::Le),
    (&["nearly"], Op::Approx),
    (&["almost"], Op::Approx),
    (&["about"], Op::Approx),
    (&["around"], Op::Approx),
    (&["approximately"], Op::Approx),
    (&["roughly"], Op::Approx),
    (&["some"], Op::Approx),
    (&["an", "estimated"], Op::Approx),
    (&["an", "additional"], Op::Eq),
    (&["close", "to"], Op::Approx),
    (&["as", "many", "as"], Op::Le),
    (&["as", "much", "as"], Op::Le),
];

/// Month names and abbreviations (lowercase, an abbreviation with its dot)
/// with the month's number: the one table of month names (the attribution
/// rules and the intake's dateline reader use it too).
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan.", 1),
    ("february", 2),
    ("feb.", 2),
    ("march", 3),
    ("mar.", 3),
    ("april", 4),
    ("apr.", 4),
    ("may", 5),
    ("june", 6),
    ("jun.", 6),
    ("july", 7),
    ("jul.", 7),
    ("august", 8),
    ("aug.", 8),
    ("september", 9),
    ("sept.", 9),
    ("sep.", 9),
    ("october", 10),
    ("oct.", 10),
    ("november", 11),
    ("nov.", 11),
    ("december", 12),
    ("dec.", 12),
];

/// Weekday names (lowercase): the one table of them.
pub static WEEKDAYS: WordSet = WordSet::new(concat!(
    "monday|",
    "tuesday|",
    "wednesday|",
    "thursday|",
    "friday|",
    "saturday|",
    "sunday|"
));

/// Weekday abbreviations (lowercase, without a dot), for datelines.
pub static WEEKDAY_ABBREVIATIONS: WordSet = WordSet::new(concat!(
    "mon|", "tue|", "tues|", "wed|", "thu|", "thur|", "thurs|", "fri|", "sat|", "sun|"
));

/// Duration units, singular.
fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "fortnight" | "fortnights" => "fortnight",
        "weekend" | "weekends" => "weekend",
        "quarter" | "quarters" => "quarter",
        _ => return None,
    })
}

/// Clock units (OntoNotes TIME, not a label here).
fn clock_unit(w: &str) -> bool {
    matches!(
        w,
        "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "hrs"
            | "mins"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "o'clock"
            // time zones: "0800 UTC", "9 GMT"
            | "utc"
            | "gmt"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "pst"
            | "pdt"
            | "cet"
            | "cest"
            | "bst"
            | "msk"
    )
}

/// A 24-hour clock time written as four digits with a leading zero
/// ("0800", "0930"): no count.
fn clock_digits(w: &str) -> bool {
    w.len() == 4 && w.starts_with('0') && w.bytes().all(|b| b.is_ascii_digit())
}

/// Currency words after a number, with ISO codes.
fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "sterling" | "gbp" => "GBP",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" | "uah" => "UAH",
        "yuan" | "renminbi" | "cny" => "CNY",
        "yen" | "jpy" => "JPY",
        "rupee" | "rupees" | "inr" => "INR",
        "franc" | "francs" | "chf" => "CHF",
        "peso" | "pesos" => "peso",
        "lira" | "liras" | "lire" => "TRY",
        "won" => "KRW",
        "shekel" | "shekels" => "ILS",
        "rand" => "ZAR",
        "real" | "reais" => "BRL",
        "dinar" | "dinars" => "dinar",
        "riyal" | "riyals" => "riyal",
        "naira" => "NGN",
        "bitcoin" | "bitcoins" => "BTC",
        "cents" | "cent" => "cent",
        _ => return None,
    })
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        "₴" => "UAH",
        "₹" => "INR",
        "₩" => "KRW",
        "₪" => "ILS",
        "₺" => "TRY",
        "US$" => "USD",
        _ => return crate::text::currency_code(s),
    })
}

/// Units written glued to digits ("155mm", "29km").
fn glued_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "mm" => "mm",
        "cm" => "cm",
        "km" => "km",
        "m" => "m",
        "kg" => "kg",
        "g" => "g",
        "t" => "t",
        "ml" => "ml",
        "l" => "l",
        "kt" => "kt",
        "mph" => "mph",
        "kmh" | "km/h" => "km/h",
        "mw" => "MW",
        "gw" => "GW",
        "kw" => "kW",
        "ft" => "ft",
        "in" => "in",
        "lb" | "lbs" => "lb",
        "db" => "dB",
        "hz" => "Hz",
        "khz" => "kHz",
        "mhz" => "MHz",
        "ghz" => "GHz",
        "kb" => "kB",
        "mb" => "MB",
        "gb" => "GB",
        "tb" => "TB",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "mg" => "mg",
        "oz" => "oz",
        "kv" => "kV",
        "kcal" => "kcal",
        "hp" => "hp",
        "psi" => "psi",
        "rpm" => "rpm",
        _ => return None,
    })
}

/// Measurement units (OntoNotes QUANTITY), written out or abbreviated, with
/// the symbol a value carries: length, area, volume, mass, speed, sound,
/// frequency, power and energy, electricity, data, pressure, temperature.
fn measure_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "mile" | "miles" => "mile",
        "m" | "metres" | "meters" | "metre" | "meter" => "m",
        "cm" | "centimetres" | "centimeters" | "centimetre" | "centimeter" => "cm",
        "mm" | "millimetres" | "millimeters" | "millimetre" | "millimeter" => "mm",
        "inch" | "inches" => "in",
        "yard" | "yards" | "yd" | "yds" => "yd",
        "feet" | "foot" | "ft" => "ft",
        "nautical" => "nautical",
        "kg" | "kilograms" | "kilogram" | "kilos" => "kg",
        "g" | "gram" | "grams" | "grammes" => "g",
        "mg" | "milligram" | "milligrams" => "mg",
        "microgram" | "micrograms" => "µg",
        "ounce" | "ounces" | "oz" => "oz",
        "lb" | "lbs" => "lb",
        "tonnes" | "tons" | "tonne" | "ton" => "t",
        "carat" | "carats" => "ct",
        "barrels" | "barrel" => "barrel",
        "acres" | "acre" => "acre",
        "hectares" | "hectare" => "ha",
        "litres" | "liters" | "litre" | "liter" => "l",
        "ml" | "millilitres" | "milliliters" | "millilitre" | "milliliter" => "ml",
        "gallons" | "gallon" => "gal",
        "sq" | "square" => "square",
        "cubic" => "cubic",
        "mph" => "mph",
        "knot" | "knots" => "kn",
        "decibel" | "decibels" | "db" | "dba" => "dB",
        "hertz" | "hz" => "Hz",
        "kilohertz" | "khz" => "kHz",
        "megahertz" | "mhz" => "MHz",
        "gigahertz" | "ghz" => "GHz",
        "watt" | "watts" => "W",
        "kilowatt" | "kilowatts" | "kw" => "kW",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kwh" | "kilowatt-hours" => "kWh",
        "mwh" | "megawatt-hours" => "MWh",
        "gwh" | "gigawatt-hours" => "GWh",
        "twh" | "terawatt-hours" => "TWh",
        "volt" | "volts" => "V",
        "kilovolt" | "kilovolts" | "kv" => "kV",
        "amp" | "amps" | "ampere" | "amperes" => "A",
        "joule" | "joules" => "J",
        "calorie" | "calories" | "kcal" => "kcal",
        "horsepower" | "hp" => "hp",
        "kilobyte" | "kilobytes" | "kb" => "kB",
        "megabyte" | "megabytes" | "mb" => "MB",
        "gigabyte" | "gigabytes" | "gb" => "GB",
        "terabyte" | "terabytes" | "tb" => "TB",
        "petabyte" | "petabytes" => "PB",
        "pascal" | "pascals" | "pa" => "Pa",
        "kilopascal" | "kilopascals" | "kpa" => "kPa",
        "psi" => "psi",
        "rpm" => "rpm",
        "degree" | "degrees" => "degree",
        _ => return None,
    })
}

/// The word after a unit that makes one unit with it: "square kilometres",
/// "cubic metres", "nautical miles", "degrees Celsius".
fn compound_unit(first: &str, next: &str) -> Option<String> {
    let u2 = measure_unit(next);
    Some(match (first, u2) {
        ("square", Some(u)) => format!("{u}²"),
        ("cubic", Some(u)) => format!("{u}³"),
        ("nautical", Some("mile")) => "nmi".to_string(),
        ("degree", _) => match next {
            "celsius" | "centigrade" | "c" => "°C".to_string(),
            "fahrenheit" | "f" => "°F".to_string(),
            _ => return None,
        },
        _ => return None,
    })
}

/// A month's abbreviation written without its dot ("3 Mar 2024", "Sept 9,
/// 2024"): a month only beside a day or a year, never alone.
fn month_abbrev_at(t: &Toks, i: usize) -> Option<u8> {
    let raw = t.toks.get(i)?.text(t.text);
    if !raw.chars().next()?.is_uppercase()
        || t.toks.get(i + 1).is_some_and(|x| x.text(t.text) == ".")
    {
        return None;
    }
    let w = format!("{}.", raw.to_ascii_lowercase());
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

fn month_at(t: &Toks, i: usize) -> Option<u8> {
    let raw = t.toks.get(i)?.text(t.text);
    if !raw.chars().next()?.is_uppercase() {
        return None;
    }
    let w = raw.to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

fn year_value(t: &Toks, i: usize) -> Option<u32> {
    let tok = t.toks.get(i)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    let s = tok.text(t.text);
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u32 = s.parse().ok()?;
    (1000..=2199).contains(&v).then_some(v)
}

fn day_value(t: &Toks, i: usize) -> Option<(u32, usize)> {
    let tok = t.toks.get(i)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    let s = tok.text(t.text);
    if s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u32 = s.parse().ok()?;
    if !(1..=31).contains(&v) {
        return None;
    }
    let mut e = i + 1;
    if t.toks.get(e).is_some_and(|x| !x.space_before)
        && matches!(
            t.lower.get(e).map(|c| c.as_ref()),
            Some("st" | "nd" | "rd" | "th")
        )
    {
        e += 1;
    }
    Some((v, e))
}

fn lw<'a>(t: &'a Toks, i: usize) -> &'a str {
    t.lower.get(i).map(|c| c.as_ref()).unwrap_or("")
}

fn is_hyphen(t: &Toks, i: usize) -> bool {
    t.toks
        .get(i)
        .is_some_and(|x| matches!(x.text(t.text), "-" | "‐" | "‑"))
}

/// A word with a capital after a lower-case first letter ("iPhone",
/// "eBay"): a name wherever it stands.
fn is_camel_case(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_lowercase) && cs.any(char::is_uppercase)
}

/// A bare number of two to four digits followed by one capitalised,
/// singular, not all-capital word that no plural noun follows: a model
/// designation ("787 Dreamliner"), not a head count.
fn designation_before_name(t: &Toks, i: usize, is_sentence_start: &[bool]) -> bool {
    let num = t.toks[i].text(t.text);
    let Some(name) = t.toks.get(i + 1) else {
        return false;
    };
    let w = name.text(t.text);
    static NOT_PLURAL: WordSet = WordSet::new(concat!(
        "was|has|does|is|this|thus|plus|its|his|hers|yes|as|us|always|perhaps|",
        "whereas|across|towards|afterwards|besides|sometimes|unless|news|bus|gas|"
    ));
    let plural =
        |x: &str| x.len() > 2 && x.ends_with('s') && !x.ends_with("ss") && !NOT_PLURAL.contains(x);
    t.toks[i].kind == TokenKind::Number
        && (2..=4).contains(&num.len())
        && num.bytes().all(|b| b.is_ascii_digit())
        && !num.starts_with('0')
        && !glued(t, i + 1)
        && name.kind == TokenKind::Word
        && name.is_capitalised(t.text)
        && !is_sentence_start.get(i + 1).copied().unwrap_or(false)
        && w.chars().any(char::is_lowercase)
        && !plural(w)
        && month_at(t, i + 1).is_none()
        && year_value(t, i).is_none()
        && !t
            .toks
            .get(i + 2)
            .is_some_and(|n| n.kind == TokenKind::Word && !glued(t, i + 2) && plural(lw(t, i + 2)))
}

fn glued(t: &Toks, i: usize) -> bool {
    t.toks.get(i).is_some_and(|x| !x.space_before)
}

/// An age: a count of `unit`s of age ("67 years old"), a QUANTITY, not a
/// date or a duration.
pub(crate) fn age(op: Op, amount: f64, unit: &str) -> Value {
    Value::Number {
        op,
        value: amount,
        unit: Some(format!("{unit}s old")),
    }
}

fn date(iso: String) -> Option<Value> {
    Some(Value::Date { iso })
}

/// A calendar date or named period at `i`: (end, value).
fn date_at(t: &Toks, i: usize) -> Option<(usize, Option<Value>)> {
    let w = lw(t, i);
    // "last June", "early March", "next May".
    if matches!(w, "last" | "next" | "this" | "early" | "late" | "mid") {
        let k = if is_hyphen(t, i + 1) { i + 2 } else { i + 1 };
        if let Some(m) = month_at(t, k) {
            if year_value(t, k + 1).is_none() && day_value(t, k + 1).is_none() {
                return Some((k + 1, date(format!("--{m:02}"))));
            }
        }
    }
    // Month-based: "September 2024", "May 4", "May 4, 2025", "4 May 2025".
    if let Some(m) = month_at(t, i) {
        let mut e = i + 1;
        let mut day = None;
        if let Some((d, e2)) = day_value(t, e) {
            day = Some(d);
            e = e2;
            if lw(t, e) == "," && year_value(t, e + 1).is_some() {
                e += 1;
            }
        }
        if let Some(y) = year_value(t, e) {
            let iso = match day {
                Some(d) => format!("{y}-{m:02}-{d:02}"),
                None => format!("{y}-{m:02}"),
            };
            return Some((e + 1, date(iso)));
        }
        if let Some(d) = day {
            return Some((e, date(format!("--{m:02}-{d:02}"))));
        }
        // A bare month needs a temporal word before it ("in May", "last May") or no name
        // after it ("April Ryan" is a person; "May" is also a verb).
        let prev = if i > 0 { lw(t, i - 1) } else { "" };
        let is_may = w == "may";
        let name_after = t
            .toks
            .get(i + 1)
            .is_some_and(|x| x.is_capitalised(t.text) && x.space_before && !x.line_before);
        if (!is_may && !name_after)
            || matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "during"
                    | "from"
                    | "through"
                    | "between"
                    | "before"
                    | "after"
            )
        {
            return Some((i + 1, date(format!("--{m:02}"))));
        }
        return None;
    }
    // "3 Mar 2024", "Sept 9, 2024": undotted abbreviations with a year.
    if let Some((d, e)) = day_value(t, i) {
        if let (Some(m), Some(y)) = (month_abbrev_at(t, e), year_value(t, e + 1)) {
            return Some((e + 2, date(format!("{y}-{m:02}-{d:02}"))));
        }
    }
    if let Some(m) = month_abbrev_at(t, i) {
        let (mut e, mut day) = (i + 1, None);
        if let Some((d, e2)) = day_value(t, e) {
            day = Some(d);
            e = e2;
            if lw(t, e) == "," {
                e += 1;
            }
        }
        if let Some(y) = year_value(t, e) {
            let iso = match day {
                Some(d) => format!("{y}-{m:02}-{d:02}"),
                None => format!("{y}-{m:02}"),
            };
            return Some((e + 1, date(iso)));
        }
    }
    if let Some((d, e)) = day_value(t, i) {
        if let Some(m) = month_at(t, e) {
            if let Some(y) = year_value(t, e + 1) {
                return Some((e + 2, date(format!("{y}-{m:02}-{d:02}"))));
            }
            return Some((e + 1, date(format!("--{m:02}-{d:02}"))));
        }
    }
    // Weekdays.
    if WEEKDAYS.contains(w.trim_end_matches('s')) && t.toks[i].is_capitalised(t.text) {
        return Some((i + 1, None));
    }
    match w {
        "yesterday" | "today" | "tomorrow" => return Some((i + 1, None)),
        _ => {}
    }
    // Decades: "1990s".
    if let Some(y) = year_value(t, i) {
        if glued(t, i + 1) && lw(t, i + 1) == "s" {
            return Some((i + 2, date(format!("{}X", y / 10))));
        }
    }
    // "mid-2024", "early 2023", "late 2022".
    if matches!(w, "mid" | "early" | "late") {
        let k = if is_hyphen(t, i + 1) { i + 2 } else { i + 1 };
        if let Some(y) = year_value(t, k) {
            return Some((k + 1, date(format!("{y}"))));
        }
    }
    // Quarters: "the first quarter", "last quarter" (the latter below).
    if matches!(w, "first" | "second" | "third" | "fourth") && lw(t, i + 1) == "quarter" {
        return Some((i + 2, None));
    }
    // "a year earlier", "a decade ago", "one month later".
    if matches!(w, "a" | "an" | "one") {
        if let Some(_u) = time_unit(lw(t, i + 1)) {
            if matches!(lw(t, i + 2), "ago" | "earlier" | "later" | "before") {
                return Some((i + 3, None));
            }
        }
    }
    // Relative: "last year", "this week", "earlier this month", "the past three years", "recent years".
    let mut k = i;
    if matches!(w, "earlier" | "later" | "early" | "late" | "mid") {
        k += 1;
        if is_hyphen(t, k) {
            k += 1;
        }
    }
    // "last" after a verb's subject is the verb ("expected to last 18 months").
    let verb_last = lw(t, k) == "last"
        && k > 0
        && matches!(
            lw(t, k - 1),
            "to" | "will" | "would" | "could" | "may" | "might" | "can" | "should"
        );
    if !verb_last
        && matches!(
            lw(t, k),
            "last" | "next" | "this" | "past" | "previous" | "coming" | "recent" | "following"
        )
    {
        let mut e = k + 1;
        let mut n = None;
        // "the next few months", "the past several years", "the last couple of weeks".
        if matches!(lw(t, e), "few" | "several" | "many") {
            e += 1;
        } else if lw(t, e) == "couple" && lw(t, e + 1) == "of" {
            e += 2;
        }
        if let Some(m) = number_at(t, e) {
            n = Some(m.value);
            e = m.tokens.1;
        }
        let u = lw(t, e);
        let season = matches!(u, "summer" | "winter" | "spring" | "autumn" | "fall");
        if time_unit(u).is_some() || season {
            // "last week" but not "last weekend's" handled by the caller; "recent" needs a plural.
            if lw(t, k) == "recent" && !u.ends_with('s') {
                return None;
            }
            if n.is_some()
                && !matches!(
                    lw(t, k),
                    "past" | "last" | "next" | "previous" | "coming" | "following"
                )
            {
                return None;
            }
            // "the past three years": a duration; "last year": a date.
            let value = n.zip(time_unit(u)).map(|(amount, unit)| Value::Duration {
                op: Op::Eq,
                amount,
                unit: unit.to_string(),
            });
            return Some((e + 1, value));
        }
    }
    // Ordinal centuries: "the 19th century", "the twentieth century".
    if t.toks[i].kind == TokenKind::Number
        && glued(t, i + 1)
        && matches!(lw(t, i + 1), "st" | "nd" | "rd" | "th")
        && lw(t, i + 2) == "century"
    {
        return Some((i + 3, None));
    }
    // Seasons with years: "summer 2024", "spring of 2022".
    if matches!(w, "summer" | "winter" | "spring" | "autumn" | "fall") {
        let k = if lw(t, i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some(y) = year_value(t, k) {
            return Some((k + 1, date(format!("{y}"))));
        }
    }
    None
}

/// A range whose unit is written once, after its second number, read from
/// the first number `v` (ending before `e`): "30-to-60-day", "3- to 5-year",
/// "10 to 15 years", "3-to-5 percent", "5–10 km", "5 to 10 dollars",
/// "20 to 30 people" (a count, with the word "to" only). One
/// mention from the first number to the unit, with the
/// second number's value and unit, read as one interval ([`Op::Between`]:
/// "10–15 years"; a qualifier written before it, "about 20 to 30
/// minutes", is kept instead). Bare numbers
/// joined by a dash ("20-30 people", "9-11", scores) are left as they
/// were: without a unit they are too often something else.
fn range_to(
    t: &Toks,
    j: usize,
    e: usize,
    v: f64,
    op: Op,
    starts: &[bool],
) -> Option<(usize, Option<Value>)> {
    let dash = |i: usize| matches!(t.toks.get(i).map(|x| x.text(t.text)), Some("–" | "—"));
    // Where the second number starts.
    let k = if is_hyphen(t, e)
        && glued(t, e)
        && lw(t, e + 1) == "to"
        && glued(t, e + 1)
        && is_hyphen(t, e + 2)
        && glued(t, e + 2)
        && glued(t, e + 3)
    {
        e + 3 // "30-to-60-day"
    } else if is_hyphen(t, e) && glued(t, e) && lw(t, e + 1) == "to" && !glued(t, e + 1) {
        e + 2 // "3- to 5-year"
    } else if lw(t, e) == "to" || (is_hyphen(t, e) && glued(t, e) && glued(t, e + 1)) || dash(e) {
        e + 1 // "10 to 15 years", "5-10 year", "5–10 km"
    } else {
        return None;
    };
    let n = number_at(t, k)?;
    if n.tokens.0 != k || !(v >= 0.0 && v < n.value) || t.toks[k].text(t.text).starts_with('0') {
        return None;
    }
    let (end, value) = match_at(t, k, op, starts)?;
    // The second number must carry the unit: a duration, a rate, money or
    // a measure (not an age, not a count).
    let fits = match &value {
        Some(Value::Duration { amount, .. }) | Some(Value::Money { amount, .. }) => {
            *amount == n.value
        }
        Some(Value::Percent { value, .. }) => *value == n.value,
        Some(Value::Number {
            value,
            unit: Some(u),
            ..
        }) => *value == n.value && !u.ends_with(" old"),
        // "20 to 30 people": a count joined by the word "to" and followed
        // by what it counts (not "from 20 to 30", a change; not a tally,
        // "52 to 48 votes").
        Some(Value::Number {
            value, unit: None, ..
        }) => {
            *value == n.value
                && lw(t, e) == "to"
                && (j == 0 || lw(t, j - 1) != "from")
                && counted_noun(t, end)
        }
        _ => false,
    };
    // "20-to-25-year-olds": ages, not a duration.
    let glued_on = is_hyphen(t, end) && glued(t, end);
    if !fits || glued_on {
        return None;
    }
    let value = match (op, value) {
        (Op::Eq, Some(second)) => {
            let low = low_end(t, v_of(&second), k, end, v)?;
            Some(with_op(second, Op::Between(low)))
        }
        (_, second) => second,
    };
    Some((end, value))
}

/// Whether token `i` is a plural noun naming what a count counts ("people",
/// "cars", "children"), not a tally's unit ("votes", "points").
fn counted_noun(t: &Toks, i: usize) -> bool {
    let Some(tok) = t.toks.get(i) else {
        return false;
    };
    let w = lw(t, i);
    tok.kind == TokenKind::Word
        && !tok.is_capitalised(t.text)
        && (matches!(
            w,
            "people" | "children" | "men" | "women" | "staff" | "police"
        ) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
        && !matches!(
            w,
            "votes" | "points" | "seats" | "goals" | "runs" | "times" | "wins" | "losses"
        )
}

/// The figure of a number, a percentage, a sum or a length of time.
fn v_of(v: &Value) -> f64 {
    match v {
        Value::Number { value, .. } | Value::Percent { value, .. } => *value,
        Value::Money { amount, .. } | Value::Duration { amount, .. } => *amount,
        Value::Date { .. } => f64::NAN,
    }
}

/// The value with another comparison.
fn with_op(mut v: Value, new: Op) -> Value {
    match &mut v {
        Value::Number { op, .. }
        | Value::Percent { op, .. }
        | Value::Money { op, .. }
        | Value::Duration { op, .. } => *op = new,
        Value::Date { .. } => {}
    }
    v
}

/// The low end of a range whose high end `high` is written from token `k`
/// to `end`: the first figure `low`, taking the second's scale word when
/// it has none of its own ("US$300 to 350 million": 300 million). None
/// when the figures do not go up.
fn low_end(t: &Toks, high: f64, k: usize, end: usize, low: f64) -> Option<f64> {
    let scaled = (k..end)
        .rev()
        .find_map(|i| super::numbers::scale(lw(t, i)))
        .map(|sc| low * sc)
        .filter(|&l| l < high && low < 1000.0);
    let low = scaled.unwrap_or(low);
    (low >= 0.0 && low < high).then_some(low)
}

/// A range of two figures of one kind joined by "and" (after "between")
/// or by "to" or a dash: the first `first` ends before token `e`, the
/// second takes its unit, its currency or its scale from wherever it is
/// written ("between 210 and 330 passengers", "between 60 and 90 days",
/// "US$3,000 to 5,000", "US$300 to 350 million"). One value, its
/// comparison [`Op::Between`]; none when the second is another kind
/// (a year: "between 2008 and 2010" are dates) or the figures go down.
fn range_after(
    t: &Toks,
    first: &Value,
    e: usize,
    joiner: &str,
    starts: &[bool],
) -> Option<(usize, Value)> {
    let joined = match joiner {
        "and" => lw(t, e) == "and",
        _ => lw(t, e) == "to" || matches!(t.toks.get(e).map(|x| x.text(t.text)), Some("–" | "—")),
    };
    if !joined
        || number_at(t, e + 1).is_none()
            && currency_symbol(lw(t, e + 1)).is_none()
            && lw(t, e + 1) != "us"
    {
        return None;
    }
    let (end, second) = match_at(t, e + 1, Op::Eq, starts)?;
    let second = second?;
    let same = match (first, &second) {
        (
            Value::Number {
                op: Op::Eq,
                unit: None,
                ..
            },
            Value::Number {
                op: Op::Eq,
                unit: u,
                ..
            },
        ) => u.as_deref().is_none_or(|u| !u.ends_with(" old")),
        (
            Value::Number {
                op: Op::Eq,
                unit: None,
                ..
            },
            Value::Percent { op: Op::Eq, .. },
        )
        | (
            Value::Number {
                op: Op::Eq,
                unit: None,
                ..
            },
            Value::Duration { op: Op::Eq, .. },
        )
        | (
            Value::Number {
                op: Op::Eq,
                unit: None,
                ..
            },
            Value::Money { op: Op::Eq, .. },
        ) => true,
        (
            Value::Money {
                op: Op::Eq,
                currency: c1,
                ..
            },
            Value::Money {
                op: Op::Eq,
                currency: c2,
                ..
            },
        ) => c1 == c2,
        (Value::Percent { op: Op::Eq, .. }, Value::Percent { op: Op::Eq, .. }) => true,
        (
            Value::Duration {
                op: Op::Eq,
                unit: u1,
                ..
            },
            Value::Duration {
                op: Op::Eq,
                unit: u2,
                ..
            },
        ) => u1 == u2,
        _ => false,
    };
    // A sum with its currency first and a bare figure after it: the
    // second is a sum of the same currency ("US$3,000 to 5,000").
    let second = match (first, second) {
        (
            Value::Money { currency, .. },
            Value::Number {
                op: Op::Eq,
                value,
                unit: None,
            },
        ) => Value::Money {
            op: Op::Eq,
            amount: value,
            currency: currency.clone(),
        },
        (_, s) if same => s,
        _ => return None,
    };
    let high = v_of(&second);
    let low = low_end(t, high, e + 1, end, v_of(first))?;
    Some((end, with_op(second, Op::Between(low))))
}

/// "N in M" after the number `v` that ends before `e`: "one in five", "1-in-200",
/// "one out of every 200", "one in every four",
/// "1-in-200-year" (a return period: the word "year" belongs to it). Returns
/// (end, percent). The hyphens, when used, must be glued on both sides; a
/// four-digit second number must be glued ("1 in 2020" is a year).
fn rate_at(t: &Toks, e: usize, v: f64) -> Option<(usize, f64)> {
    let hy = is_hyphen(t, e) && glued(t, e) && glued(t, e + 1);
    let k = if hy { e + 1 } else { e };
    // "one out of every 200", "3 out of 5", "one in every four"
    let out_of = !hy && lw(t, k) == "out" && lw(t, k + 1) == "of";
    if lw(t, k) != "in" && !out_of {
        return None;
    }
    let m = if hy {
        (is_hyphen(t, k + 1) && glued(t, k + 1) && glued(t, k + 2)).then_some(k + 2)?
    } else {
        let m = if out_of { k + 2 } else { k + 1 };
        if lw(t, m) == "every" {
            m + 1
        } else {
            m
        }
    };
    if !hy && year_value(t, m).is_some() {
        return None;
    }
    let n = number_at(t, m)?;
    if n.tokens.0 != m || !(v >= 1.0 && v.fract() == 0.0 && n.value > v) {
        return None;
    }
    let mut end = n.tokens.1;
    let unit_after = |i: usize| time_unit(lw(t, i)).is_some() || clock_unit(lw(t, i));
    if hy && is_hyphen(t, end) && glued(t, end) && glued(t, end + 1) && unit_after(end + 1) {
        end += 2;
    } else if !hy && unit_after(end) {
        // "20 in 30 minutes" is a count and a duration.
        return None;
    }
    Some((end, 100.0 * v / n.value))
}

/// A cheap test: can a numeric or temporal expression start at token `i`?
fn could_start(t: &Toks, i: usize) -> bool {
    let tok = &t.toks[i];
    if tok.kind == TokenKind::Number {
        return true;
    }
    let w = lw(t, i);
    if tok.kind == TokenKind::Punct {
        return currency_symbol(tok.text(t.text)).is_some() || w == "-";
    }
    starters().contains(w) || crate::text::currency_code(tok.text(t.text)).is_some()
}

/// Every word that can start a numeric or temporal expression, built once.
fn starters() -> &'static FxSet<&'static str> {
    static S: OnceLock<FxSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        let mut set: FxSet<&'static str> = FxSet::default();
        set.extend(MODIFIERS.iter().map(|(m, _)| m[0]));
        set.extend(MONTHS.iter().map(|(m, _)| *m));
        set.extend(MONTHS.iter().filter_map(|(m, _)| m.strip_suffix('.')));
        set.extend(WEEKDAYS.words());
        set.extend([
            "mondays",
            "tuesdays",
            "wednesdays",
            "thursdays",
            "fridays",
            "saturdays",
            "sundays",
        ]);
        set.extend(super::numbers::NUMBER_WORDS.split_terminator('|'));
        set.extend([
            "between",
            "yesterday",
            "today",
            "tomorrow",
            "mid",
            "early",
            "late",
            "earlier",
            "later",
            "last",
            "next",
            "this",
            "past",
            "previous",
            "coming",
            "recent",
            "following",
            "summer",
            "winter",
            "spring",
            "autumn",
            "fall",
            "us",
            "usd",
            "eur",
            "gbp",
            "us$",
            "percent",
            "percents",
            "percentage",
            "per",
            "a",
            "an",
            "half",
            "minus",
            "negative",
            "tens",
            "c",
            "nz",
            "hk",
            "s",
            "au",
            "ca",
            "sg",
            "r",
        ]);
        set
    })
}

/// All numeric and temporal candidates.
pub(crate) fn numeric_cands(t: &Toks, is_sentence_start: &[bool]) -> Vec<Cand> {
    let n = t.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        // Times of day ("10:30") and number chains ("1-222-2222") are skipped.
        if t.toks[i].kind == TokenKind::Number
            && lw(t, i + 1) == ":"
            && glued(t, i + 1)
            && glued(t, i + 2)
        {
            i += 3;
            continue;
        }
        if !could_start(t, i) {
            i += 1;
            continue;
        }
        // Phone numbers and codes: "1-800-555-0199", "+44 20 7946 0958" chains.
        if t.toks[i].kind == TokenKind::Number {
            let mut k = i;
            let mut groups = 1;
            while is_hyphen(t, k + 1)
                && glued(t, k + 1)
                && glued(t, k + 2)
                && t.toks
                    .get(k + 2)
                    .is_some_and(|x| x.kind == TokenKind::Number)
            {
                k += 2;
                groups += 1;
            }
            if groups >= 3 || (i > 0 && lw(t, i - 1) == "+" && glued(t, i)) {
                i = k + 1;
                continue;
            }
        }
        // Designations after a name are not counts: "Falcon 9", "Ariane 6",
        // "Windows 11", "iPhone 4" (a camel-case name, anywhere).
        if t.toks[i].kind == TokenKind::Number
            && i > 0
            && t.toks[i - 1].kind == TokenKind::Word
            && ((t.toks[i - 1].is_capitalised(t.text) && !is_sentence_start[i - 1])
                || is_camel_case(t.toks[i - 1].text(t.text)))
            && month_at(t, i - 1).is_none()
            && !matches!(
                lw(t, i - 1),
                "no" | "article"
                    | "section"
                    | "chapter"
                    | "page"
                    | "room"
                    | "route"
                    | "highway"
                    | "level"
                    | "grade"
            )
            && year_value(t, i).is_none()
            && t.toks[i].text(t.text).len() <= 3
            && (!glued(t, i + 1) || matches!(lw(t, i + 1), "," | "." | ";" | ":" | ")" | "!" | "?"))
            // A day before a month is a date ("Saturday 14 March 2026").
            && day_value(t, i).is_none_or(|(_, e)| month_at(t, e).is_none())
        {
            i += 1;
            continue;
        }
        // A spelled number after a name is part of the name: "the \"Big
        // Three\" automakers", "the Final Four", "Ocean's Eleven".
        if t.toks[i].kind == TokenKind::Word
            && t.toks[i].is_capitalised(t.text)
            && !is_sentence_start[i]
            && super::numbers::small_word(lw(t, i))
            && i > 0
            && t.toks[i - 1].kind == TokenKind::Word
            && t.toks[i - 1].is_capitalised(t.text)
            && !is_sentence_start[i - 1]
            && month_at(t, i - 1).is_none()
        {
            i += 1;
            continue;
        }
        // A model number before a singular name is a designation too: "its
        // new 787 Dreamliner", "the 737 Max". A count takes a plural ("300
        // Marines", "1,000 Ukrainian soldiers"), an acronym is a unit or a
        // body ("100 MW", "300 UN peacekeepers").
        if designation_before_name(t, i, is_sentence_start) {
            i += 1;
            continue;
        }
        // Model designations are names, not counts: "F-16", "Su-27", "MiG-29".
        if t.toks[i].kind == TokenKind::Number
            && i >= 2
            && glued(t, i)
            && is_hyphen(t, i - 1)
            && glued(t, i - 1)
            && t.toks[i - 2].kind == TokenKind::Word
            && t.toks[i - 2]
                .text(t.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            i += 1;
            continue;
        }
        // "between 210 and 330 passengers": one range.
        if lw(t, i) == "between" {
            if let Some((e1, Some(first))) = match_at(t, i + 1, Op::Eq, is_sentence_start) {
                if let Some((e, v)) = range_after(t, &first, e1, "and", is_sentence_start) {
                    let label = if matches!(v, Value::Money { .. }) {
                        Label::Money
                    } else if matches!(v, Value::Duration { .. }) {
                        Label::Date
                    } else {
                        Label::Quantity
                    };
                    let mut c = Cand::new(i, e, label, 9);
                    c.value = Some(v);
                    out.push(c);
                    i = e;
                    continue;
                }
            }
        }
        // Modifier.
        let mut op = Op::Eq;
        let mut j = i;
        for (words, o) in MODIFIERS.iter().filter(|(w, _)| w[0] == lw(t, i)) {
            if words.iter().enumerate().all(|(k, w)| lw(t, i + k) == *w) {
                let k = i + words.len();
                // Only before a number or currency ("over the years" is not a modifier).
                let next_num = number_at(t, k).is_some()
                    || currency_symbol(t.toks.get(k).map(|x| x.text(t.text)).unwrap_or(""))
                        .is_some();
                if next_num {
                    op = *o;
                    j = k;
                }
                break;
            }
        }
        if let Some((mut e, mut v)) = match_at(t, j, op, is_sentence_start) {
            // "US$300 to 350 million": a range of sums.
            if let (Op::Eq, Some(first @ Value::Money { .. })) = (op, &v) {
                if let Some((e2, r)) = range_after(t, first, e, "to", is_sentence_start) {
                    (e, v) = (e2, Some(r));
                }
            }
            let label = match &v {
                Some(Value::Money { .. }) => Label::Money,
                Some(Value::Date { .. }) | Some(Value::Duration { .. }) => Label::Date,
                None => Label::Date,
                _ => Label::Quantity,
            };
            let mut c = Cand::new(i, e, label, 9);
            c.value = v;
            out.push(c);
            i = e;
            continue;
        }
        i += 1;
    }
    out
}

/// One numeric or temporal expression at `j` (after any modifier): (end, value).
/// A `None` value with a `Some` result is a date without a normalised value.
#[allow(clippy::type_complexity)]
fn match_at(t: &Toks, j: usize, op: Op, starts: &[bool]) -> Option<(usize, Option<Value>)> {
    let _ = starts;
    if op == Op::Eq {
        if let Some((e, v)) = date_at(t, j) {
            // Year ranges: "2014-2022", "2014–22".
            if let (Some(y), Some(Value::Date { .. })) = (year_value(t, j), &v) {
                if e == j + 1
                    && matches!(t.toks.get(e).map(|x| x.text(t.text)), Some("-" | "–" | "—"))
                {
                    if let Some(y2) = year_value(t, e + 1) {
                        if y2 > y {
                            return Some((e + 2, date(format!("{y}/{y2}"))));
                        }
                    }
                }
            }
            return Some((e, v));
        }
    }
    // Vague plurals: "hundreds of", "tens of thousands of" → at least two of the unit.
    let plural_scale = |w: &str| match w {
        "tens" => Some(10.0),
        "dozens" => Some(12.0),
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    if let (Op::Eq, Some(u)) = (op, plural_scale(lw(t, j))) {
        if lw(t, j + 1) == "of" {
            let (e, v) = match plural_scale(lw(t, j + 2)) {
                Some(u2) if u2 > u && lw(t, j + 3) == "of" => (j + 3, 2.0 * u * u2),
                _ if u == 10.0 => return None,
                _ => (j + 1, 2.0 * u),
            };
            return Some((
                e,
                Some(Value::Number {
                    op: Op::Ge,
                    value: v,
                    unit: None,
                }),
            ));
        }
    }
    // Money with a symbol first: "$20", "US$ 1MM", "€3.5bn", "$5 million".
    let raw = t.toks.get(j).map(|x| x.text(t.text)).unwrap_or("");
    let mut k = j;
    let mut cur = currency_symbol(raw);
    // "US$", "A$", "C$", "NZ$", "HK$", "S$": dollars of a country.
    if t.toks
        .get(j + 1)
        .is_some_and(|x| x.text(t.text) == "$" && !x.space_before)
    {
        let code = match raw {
            "US" => Some("USD"),
            "A" | "AU" => Some("AUD"),
            "C" | "CA" => Some("CAD"),
            "NZ" => Some("NZD"),
            "HK" => Some("HKD"),
            "S" | "SG" => Some("SGD"),
            "R" => Some("BRL"),
            _ => None,
        };
        if code.is_some() {
            cur = code;
            k += 1;
        }
    }
    if let Some(c) = cur {
        // "£650m", "$3bn", "€2.5tn": digits with a glued scale letter.
        if t.toks
            .get(k + 1)
            .is_some_and(|x| x.kind == TokenKind::Number)
            && glued(t, k + 2)
        {
            let scale = match lw(t, k + 2) {
                "m" | "mn" | "mln" => Some(1e6),
                "bn" | "b" | "bln" => Some(1e9),
                "tn" | "trn" => Some(1e12),
                "k" => Some(1e3),
                _ => None,
            };
            if let (Some(sc), Some(v)) = (
                scale,
                t.toks[k + 1].text(t.text).replace(',', "").parse_f64(),
            ) {
                return Some((
                    k + 3,
                    Some(Value::Money {
                        op,
                        amount: v * sc,
                        currency: c.to_string(),
                    }),
                ));
            }
        }
        let m = number_at(t, k + 1)?;
        let mut e = m.tokens.1;
        let mut amount = m.value;
        // "£5m", "$3 bn" — lowercase "m" after a currency is millions.
        if matches!(lw(t, e), "m" | "mn") {
            amount *= 1e6;
            e += 1;
        } else if let Some(sc) = is_hyphen(t, e)
            .then(|| super::numbers::scale(lw(t, e + 1)))
            .flatten()
            .filter(|_| glued(t, e) && glued(t, e + 1) && m.tokens.1 == k + 2)
        {
            // "$1.75-billion": a scale joined by a hyphen.
            amount *= sc;
            e += 2;
        }
        return Some((
            e,
            Some(Value::Money {
                op,
                amount,
                currency: c.to_string(),
            }),
        ));
    }
    // A number with a glued unit: "155mm", "29km", "40kg".
    if t.toks.get(j).is_some_and(|x| x.kind == TokenKind::Number) && glued(t, j + 1) {
        if let Some(u) = glued_unit(lw(t, j + 1)) {
            let v = t.toks[j].text(t.text).replace(',', "").parse_f64()?;
            return Some((
                j + 2,
                Some(Value::Number {
                    op,
                    value: v,
                    unit: Some(u.to_string()),
                }),
            ));
        }
    }
    // A number, then what follows decides.
    let m = number_at(t, j)?;
    let mut e = m.tokens.1;
    let v = m.value;
    if let Some(r) = range_to(t, j, e, v, op, starts) {
        return Some(r);
    }
    // Ages: "aged 66", "at the age of 76" are a count of years of age.
    let is_age = (j > 0 && lw(t, j - 1) == "aged")
        || (j > 1 && lw(t, j - 1) == "of" && lw(t, j - 2) == "age");
    if is_age && v.fract() == 0.0 {
        return Some((e, Some(age(op, v, "year"))));
    }
    // Odds and return periods: "one in five", "1-in-200-year" → a rate (20%, 0.5%).
    if let Some(r) = rate_at(t, e, v) {
        return Some((r.0, Some(Value::Percent { op, value: r.1 })));
    }
    // Not a year-only date: a plain four-digit year in running text.
    if let (Op::Eq, Some(y)) = (op, year_value(t, j).filter(|_| e == j + 1)) {
        let prev = if j > 0 { lw(t, j - 1) } else { "" };
        let next = lw(t, e);
        let next_is_word = t
            .toks
            .get(e)
            .is_some_and(|x| x.kind == TokenKind::Word && !x.is_capitalised(t.text));
        let temporal_prev = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "from"
                | "of"
                | "during"
                | "before"
                | "after"
                | "between"
                | "to"
                | "and"
                | "early"
                | "late"
                | "mid"
                | "around"
                | "circa"
                | "c."
                | "year"
        );
        // "2022 was a hard year", "2019 saw record floods": a year as subject.
        let year_subject = (1900..=2100).contains(&y)
            && matches!(
                next,
                "was"
                    | "is"
                    | "will"
                    | "saw"
                    | "sees"
                    | "marked"
                    | "marks"
                    | "brought"
                    | "began"
                    | "ended"
                    | "had"
                    | "has"
            );
        let yearish = temporal_prev
            || year_subject
            || !next_is_word
            || matches!(
                next,
                "and" | "to" | "or" | "when" | "after" | "before" | "as"
            );
        let unit_follows = time_unit(next).is_some()
            || currency_word(next).is_some()
            || measure_unit(next).is_some()
            || matches!(next, "%" | "percent" | "per");
        // After a name ("Talisman Sabre 2025", "Euro 2024") a year is a date too.
        let after_name =
            j > 0 && t.toks[j - 1].is_capitalised(t.text) && t.toks[j - 1].kind == TokenKind::Word;
        if (yearish || after_name) && !unit_follows {
            // Year ranges: "2014-2022", "2014–22".
            if matches!(t.toks.get(e).map(|x| x.text(t.text)), Some("-" | "–" | "—")) && glued(t, e)
            {
                let y = year_value(t, j).unwrap_or(0);
                if let Some(y2) = year_value(t, e + 1).filter(|&y2| y2 > y) {
                    return Some((e + 2, date(format!("{y}/{y2}"))));
                }
            }
            return Some((e, date(t.toks[j].text(t.text).to_string())));
        }
    }
    // Percent.
    if let Some((pe, pv)) = percent_at(t, j) {
        return Some((pe, Some(Value::Percent { op, value: pv })));
    }
    // Duration: "21-year", "three years", "21-year-old", "two years ago".
    let hy = is_hyphen(t, e) && glued(t, e) && glued(t, e + 1);
    let ue = if hy { e + 1 } else { e };
    if let Some(unit) = time_unit(lw(t, ue)) {
        let unit_s = lw(t, ue);
        if unit == "quarter" && !unit_s.ends_with('s') && !hy {
            // "one quarter" is a fraction, not a duration
        } else {
            e = ue + 1;
            // "21-year-old", "three months old": an age.
            if hy && is_hyphen(t, e) && matches!(lw(t, e + 1), "old" | "olds") {
                return Some((e + 2, Some(age(op, v, unit))));
            } else if lw(t, e) == "old" {
                return Some((e + 1, Some(age(op, v, unit))));
            } else if matches!(lw(t, e), "ago" | "later" | "earlier") {
                e += 1;
            }
            return Some((
                e,
                Some(Value::Duration {
                    op,
                    amount: v,
                    unit: unit.to_string(),
                }),
            ));
        }
    }
    if clock_unit(lw(t, ue)) || (e == j + 1 && clock_digits(lw(t, j))) {
        return None;
    }
    // Money after: "5 million dollars", "300 euros".
    if let Some(c) = currency_word(lw(t, e)) {
        let cap = t.toks[e].is_capitalised(t.text);
        if !(cap && c == "KRW") {
            return Some((
                e + 1,
                Some(Value::Money {
                    op,
                    amount: v,
                    currency: c.to_string(),
                }),
            ));
        }
    }
    // Measurements: "29 km", "500 miles", "801,463 square kilometres",
    // "100 decibels", "2.4 GHz", "40 degrees Celsius".
    if let Some(u) = measure_unit(lw(t, ue)) {
        // One letter alone ("5 m", "3 g") is too often something else.
        let lone_letter = matches!(lw(t, ue), "m" | "g");
        let watts = matches!(u, "W" | "kW" | "MW" | "GW");
        let (u, ue) = match compound_unit(u, lw(t, ue + 1)) {
            Some(u2) => (u2, ue + 1),
            // "3,000 kilowatt-hours": energy.
            None if watts
                && is_hyphen(t, ue + 1)
                && glued(t, ue + 1)
                && glued(t, ue + 2)
                && matches!(lw(t, ue + 2), "hour" | "hours") =>
            {
                (format!("{u}h"), ue + 2)
            }
            None if matches!(u, "square" | "cubic" | "nautical") => (String::new(), ue),
            None => (u.to_string(), ue),
        };
        if !lone_letter && !u.is_empty() {
            return Some((
                ue + 1,
                Some(Value::Number {
                    op,
                    value: v,
                    unit: Some(u),
                }),
            ));
        }
    }
    // Ordinal suffix is not a cardinal.
    if glued(t, e) && matches!(lw(t, e), "st" | "nd" | "rd" | "th") {
        return None;
    }
    Some((
        e,
        Some(Value::Number {
            op,
            value: v,
            unit: None,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::{extract_text, Label, Value};

    /// One case: text and the expected (span text, label, value as displayed).
    type Case<'a> = (&'a str, &'a [(&'a str, Label, &'a str)]);

    fn check(cases: &[Case]) {
        for (text, want) in cases {
            let a = extract_text(text);
            let got: Vec<(&str, Label, String)> = a
                .mentions
                .iter()
                .filter(|m| matches!(m.label, Label::Date | Label::Quantity | Label::Money))
                .map(|m| {
                    let v = m.value.as_ref().map(Value::to_string).unwrap_or_default();
                    (m.span.slice(text), m.label, v)
                })
                .collect();
            let want: Vec<(&str, Label, String)> = want
                .iter()
                .map(|(s, l, v)| (*s, *l, v.to_string()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    use Label::*;

    #[test]
    fn dates_and_durations() {
        check(&[
            ("in September 2024.", &[("September 2024", Date, "2024-09")]),
            (
                "on 7 November 1867,",
                &[("7 November 1867", Date, "1867-11-07")],
            ),
            (
                "by March 12, 2025.",
                &[("March 12, 2025", Date, "2025-03-12")],
            ),
            ("a 21-year conflict", &[("21-year", Date, "21 years")]),
            (
                "a 21-year-old man",
                &[("21-year-old", Quantity, "21 years old")],
            ),
            ("aged 66,", &[("66", Quantity, "66 years old")]),
            (
                "a baby three months old",
                &[("three months old", Quantity, "3 months old")],
            ),
            (
                "Maria Lopez, 67, a resident, said",
                &[("67", Quantity, "67 years old")],
            ),
            (
                "more than three years after",
                &[("more than three years", Date, "> 3 years")],
            ),
            ("in the 1990s", &[("1990s", Date, "199X")]),
            ("since 2014-2022,", &[("2014-2022", Date, "2014/2022")]),
            (
                "last year and next month",
                &[("last year", Date, ""), ("next month", Date, "")],
            ),
            ("in the first quarter", &[("first quarter", Date, "")]),
            ("a year earlier", &[("a year earlier", Date, "")]),
            ("last June", &[("last June", Date, "--06")]),
            ("April Ryan said", &[]),
            ("It may rain.", &[]),
            ("at 10:30 on Friday", &[("Friday", Date, "")]),
            // a spelled number after a name is part of it
            ("the \"Big Three\" automakers", &[]),
            ("won the Final Four in May", &[("May", Date, "--05")]),
            ("Three Democrats voted", &[("Three", Quantity, "3")]),
            // clock times are no counts
            ("At 0800 UTC, banks", &[]),
            ("by 0930, the", &[]),
            ("at 9 GMT on Friday", &[("Friday", Date, "")]),
        ]);
    }

    #[test]
    fn full_dates_keep_their_day() {
        check(&[
            (
                "on Saturday 14 March 2026.",
                &[
                    ("Saturday", Date, ""),
                    ("14 March 2026", Date, "2026-03-14"),
                ],
            ),
            (
                "Harbourton, 14 March 2026 —",
                &[("14 March 2026", Date, "2026-03-14")],
            ),
            (
                "Friday 3 May",
                &[("Friday", Date, ""), ("3 May", Date, "--05-03")],
            ),
            ("a Falcon 9 rocket", &[]),
        ]);
    }

    #[test]
    fn odds_and_return_periods() {
        check(&[
            (
                "a 1-in-200-year flood",
                &[("1-in-200-year", Quantity, "0.5%")],
            ),
            ("one in five adults", &[("one in five", Quantity, "20%")]),
            ("1 in 4 voters", &[("1 in 4", Quantity, "25%")]),
            (
                "about one out of every 200 cars",
                &[("about one out of every 200", Quantity, "≈ 0.5%")],
            ),
            ("3 out of 5 voters", &[("3 out of 5", Quantity, "60%")]),
            (
                "one in every four homes",
                &[("one in every four", Quantity, "25%")],
            ),
            (
                "20 to 30 people were hurt",
                &[("20 to 30", Quantity, "20–30")],
            ),
            (
                "rose from 20 to 30 people",
                &[("20", Quantity, "20"), ("30", Quantity, "30")],
            ),
            (
                "voted 52 to 48 votes",
                &[("52", Quantity, "52"), ("48", Quantity, "48")],
            ),
            ("scored 20 in 30 minutes", &[("20", Quantity, "20")]),
            (
                "won 3 in 2020",
                &[("3", Quantity, "3"), ("2020", Date, "2020")],
            ),
        ]);
    }

    #[test]
    fn ranges_with_one_unit() {
        check(&[
            (
                "a 30-to-60-day bankruptcy process",
                &[("30-to-60-day", Date, "30–60 days")],
            ),
            (
                "a 10-to-15-year sentence",
                &[("10-to-15-year", Date, "10–15 years")],
            ),
            ("3- to 5-year loans", &[("3- to 5-year", Date, "3–5 years")]),
            (
                "it took 30 to 60 days",
                &[("30 to 60 days", Date, "30–60 days")],
            ),
            ("a 5-10 year plan", &[("5-10 year", Date, "5–10 years")]),
            ("5–10 km away", &[("5–10 km", Quantity, "5–10 km")]),
            (
                "prices rose 3-to-5 percent",
                &[("3-to-5 percent", Quantity, "3–5%")],
            ),
            (
                "about 20 to 30 years",
                &[("about 20 to 30 years", Date, "≈ 30 years")],
            ),
            // "between … and …": a range of any kind, the unit, the
            // currency or the scale written once.
            (
                "it will seat between 210 and 330 passengers",
                &[("between 210 and 330", Quantity, "210–330")],
            ),
            (
                "it would take between 60 and 90 days",
                &[("between 60 and 90 days", Date, "60–90 days")],
            ),
            (
                "prices rose between 3 and 5 percent",
                &[("between 3 and 5 percent", Quantity, "3–5%")],
            ),
            (
                "they paid between $2 and $3 million",
                &[("between $2 and $3 million", Money, "2000000–3000000 USD")],
            ),
            // A sum with its currency first, then "to" a figure.
            (
                "contracts provide US$300 to 350 million a year",
                &[("US$300 to 350 million", Money, "300000000–350000000 USD")],
            ),
            (
                "a US$3,000 to 5,000 incentive",
                &[("US$3,000 to 5,000", Money, "3000–5000 USD")],
            ),
            // Years stay dates; figures going down stay apart.
            (
                "between 2008 and 2010",
                &[("2008", Date, "2008"), ("2010", Date, "2010")],
            ),
            (
                "between 90 and 60 days",
                &[("90", Quantity, "90"), ("60 days", Date, "60 days")],
            ),
            // No unit, or the numbers going down: left as they were.
            (
                "20-30 people came",
                &[("20", Quantity, "20"), ("30", Quantity, "30")],
            ),
            (
                "from 60 to 55 percent",
                &[("60", Quantity, "60"), ("55 percent", Quantity, "55%")],
            ),
            (
                "20-to-25-year-olds",
                &[
                    ("20", Quantity, "20"),
                    ("25-year-olds", Quantity, "25 years old"),
                ],
            ),
        ]);
    }

    #[test]
    fn quantities_and_money() {
        check(&[
            ("1,000 individuals", &[("1,000", Quantity, "1000")]),
            (
                "exceeding one million",
                &[("one million", Quantity, "1000000")],
            ),
            (
                "at least four regions",
                &[("at least four", Quantity, "≥ 4")],
            ),
            ("up 6 percent", &[("6 percent", Quantity, "6%")]),
            ("rose 2.1%", &[("2.1%", Quantity, "2.1%")]),
            (
                "an additional $425 million",
                &[("an additional $425 million", Money, "425000000 USD")],
            ),
            ("fined €2.4bn", &[("€2.4bn", Money, "2400000000 EUR")]),
            (
                "worth 30 billion euros",
                &[("30 billion euros", Money, "30000000000 EUR")],
            ),
            (
                "a A$10 billion deal",
                &[("A$10 billion", Money, "10000000000 AUD")],
            ),
            ("top £650m", &[("£650m", Money, "650000000 GBP")]),
            (
                "the SGD1.75-billion terminal",
                &[("SGD1.75-billion", Money, "1750000000 SGD")],
            ),
            (
                "a $1.75-billion deal",
                &[("$1.75-billion", Money, "1750000000 USD")],
            ),
            (
                "the USD2.5 billion plan",
                &[("USD2.5 billion", Money, "2500000000 USD")],
            ),
            (
                "cost SGD 40 million",
                &[("SGD 40 million", Money, "40000000 SGD")],
            ),
            ("155mm shells", &[("155mm", Quantity, "155 mm")]),
            (
                "about 801,463 square kilometres",
                &[("about 801,463 square kilometres", Quantity, "≈ 801463 km²")],
            ),
            ("hundreds of people", &[("hundreds", Quantity, "≥ 200")]),
            ("F-16 jets and 1-800-555-0199", &[]),
            ("owners of the iPhone 4", &[]),
            ("Boeing unveiled its new 787 Dreamliner", &[]),
            ("the 777 Freighter was delayed", &[]),
            (
                "300 Marines and 1,000 Ukrainian soldiers",
                &[("300", Quantity, "300"), ("1,000", Quantity, "1000")],
            ),
            ("a 100 MW plant", &[("100 MW", Quantity, "100 MW")]),
            ("iPhone 4 owners", &[]),
            ("unhappy with iPhone 4, he said", &[]),
            (
                "a Falcon 9 rocket and 3 satellites",
                &[("3", Quantity, "3")],
            ),
            ("no one came", &[]),
        ]);
    }

    #[test]
    fn quantities_carry_their_unit() {
        check(&[
            (
                "sounds above 100 decibels hurt",
                &[("100 decibels", Quantity, "100 dB")],
            ),
            (
                "measured 85 dB in the hall",
                &[("85 dB", Quantity, "85 dB")],
            ),
            ("a tone of 440 hertz", &[("440 hertz", Quantity, "440 Hz")]),
            ("a 2.4 GHz radio", &[("2.4 GHz", Quantity, "2.4 GHz")]),
            ("a 5GHz band", &[("5GHz", Quantity, "5 GHz")]),
            ("a 40 megawatt plant", &[("40 megawatt", Quantity, "40 MW")]),
            (
                "used 3,000 kilowatt-hours",
                &[("3,000 kilowatt-hours", Quantity, "3000 kWh")],
            ),
            (
                "a phone with 256 GB of storage",
                &[("256 GB", Quantity, "256 GB")],
            ),
            (
                "it reached 40 degrees Celsius",
                &[("40 degrees Celsius", Quantity, "40 °C")],
            ),
            (
                "pumped 12 cubic metres",
                &[("12 cubic metres", Quantity, "12 m³")],
            ),
            (
                "sailed 200 nautical miles",
                &[("200 nautical miles", Quantity, "200 nmi")],
            ),
            (
                "a 500 milligram dose",
                &[("500 milligram", Quantity, "500 mg")],
            ),
            ("a 230 volt line", &[("230 volt", Quantity, "230 V")]),
            ("winds of 80 knots", &[("80 knots", Quantity, "80 kn")]),
            ("a 6 inch blade", &[("6 inch", Quantity, "6 in")]),
            // A count without a unit stays a count.
            (
                "3 shops and 12 schools",
                &[("3", Quantity, "3"), ("12", Quantity, "12")],
            ),
        ]);
    }

    #[test]
    fn value_kinds() {
        use super::super::ValueKind::{self, *};
        // (text, the mention, its kind)
        let cases: &[(&str, &str, ValueKind)] = &[
            ("The plant opened in 2022.", "2022", Year),
            ("2019 saw record floods.", "2019", Year),
            ("It ran from 2014-2022.", "2014-2022", Year),
            (
                "The talks resumed in September 2024.",
                "September 2024",
                ValueKind::Date,
            ),
            ("The 1990s were calm.", "1990s", ValueKind::Date),
            (
                "It lasted more than three years.",
                "more than three years",
                Duration,
            ),
            ("a 21-year rule", "21-year", Duration),
            ("over the past three years", "past three years", Duration),
            ("He left two years ago.", "two years ago", Duration),
            ("Maria Lopez, 67, spoke.", "67", Age),
            ("a 21-year-old student", "21-year-old", Age),
            ("It angered 40 donors.", "40", Count),
            ("hundreds of people", "hundreds", Count),
            ("sounds above 100 decibels", "100 decibels", Measure),
            ("a 1-in-200-year flood", "1-in-200-year", Rate),
            ("rose 20 percent", "20 percent", Rate),
            ("fined €2.4bn", "€2.4bn", ValueKind::Money),
        ];
        for (text, mention, kind) in cases {
            let a = extract_text(text);
            let m = a
                .mentions
                .iter()
                .find(|m| m.span.slice(text) == *mention)
                .unwrap_or_else(|| panic!("{text:?}: no {mention:?}"));
            let v = m
                .value
                .as_ref()
                .unwrap_or_else(|| panic!("{text:?}: no value"));
            assert_eq!(v.kind(), *kind, "{text:?}: {v}");
        }
        // "last year" is a date without a value; the card gives value and kind.
        let a = extract_text("Sales fell last year.");
        assert!(a.mentions.iter().all(|m| m.value.is_none()));
        let a = extract_text("It lasted more than three years.");
        let v = a.mentions[0].value.as_ref().unwrap();
        assert_eq!(v.described(), "> 3 years · duration");
    }

    #[test]
    fn datelines_on_their_own_line() {
        check(&[
            (
                "Report\nSunday, March 3, 2024\nThe test was out.",
                &[("Sunday", Date, ""), ("March 3, 2024", Date, "2024-03-03")],
            ),
            (
                "Report\n\nThursday, 7 November 2024\n\nThe test was out.",
                &[
                    ("Thursday", Date, ""),
                    ("7 November 2024", Date, "2024-11-07"),
                ],
            ),
            (
                "Report\nSun 3 Mar 2024\nThe test was out.",
                &[("3 Mar 2024", Date, "2024-03-03")],
            ),
            (
                "It shipped on Sept 9, 2024 and in Mar 2023.",
                &[
                    ("Sept 9, 2024", Date, "2024-09-09"),
                    ("Mar 2023", Date, "2023-03"),
                ],
            ),
            // An abbreviation alone is no month.
            ("Mar the view", &[]),
        ]);
    }
}
