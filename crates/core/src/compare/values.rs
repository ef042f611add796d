//! Comparing normalised values: counts, percentages, money, dates and
//! durations, each read as an interval.

use crate::entities::{Op, Value};

/// The most an exact figure is read as rounded, relative to it: "1,000"
/// meets "1,010" (a round figure stands for up to ±2 %), while a figure
/// given to more digits stands only for what those digits say
/// ([`precision`]): "$412 million" and "$398 million" differ.
pub const EXACT_TOLERANCE: f64 = 0.02;
/// Relative tolerance for approximate figures: "about 950,000" meets
/// "close to 1,000,000" (±15%).
pub const APPROX_TOLERANCE: f64 = 0.15;

/// Half a unit of the last significant digit a figure is written to:
/// 412,000,000 → 500,000 ("412 million" covers 411.5–412.5 million),
/// 3.6 → 0.05, 21 → 0.5, 1,000 → 500.
pub fn precision(v: f64) -> f64 {
    let a = v.abs();
    if a == 0.0 || !a.is_finite() {
        return 0.5;
    }
    // The last significant place, without formatting the number (which
    // would pull float printing into the engine's wasm).
    let whole = |x: f64| (x - x.round()).abs() <= x * 1e-9;
    let mut place = 1.0f64;
    if whole(a) {
        let mut x = a.round();
        while x >= 10.0 && whole(x / 10.0) {
            x = (x / 10.0).round();
            place *= 10.0;
        }
    } else {
        for _ in 0..12 {
            place /= 10.0;
            if whole(a / place) {
                break;
            }
        }
    }
    0.5 * place
}

/// The interval a number with a comparison stands for. A bound is open on
/// one side and, on the other, as loose as an exact figure: "below 9,000"
/// meets 9,100 (a round figure, ±2 %) but not 9,500. A range runs from its
/// low end to its high end, each as loose as an exact figure: "between 200
/// and 350" meets "between 210 and 330", 345 and "about 360", not 400.
fn interval(op: Op, v: f64) -> (f64, f64) {
    let tol = |v: f64| precision(v).min(v.abs() * EXACT_TOLERANCE);
    let t = tol(v);
    match op {
        Op::Between(low) => (low - tol(low), v + t),
        Op::Eq => (v - t, v + t),
        Op::Approx => (v * (1.0 - APPROX_TOLERANCE), v * (1.0 + APPROX_TOLERANCE)),
        Op::Gt | Op::Ge => (v - t, f64::INFINITY),
        Op::Lt | Op::Le => (f64::NEG_INFINITY, v + t),
    }
}

/// A value read as a bound where the word before it makes it one and its
/// own span does not ("fell to *below* 9,000": `Lt`): an exact figure
/// takes the bound's operator; approximations, bounds, ranges and dates
/// stay.
pub fn bounded(v: &Value, bound: Op) -> Value {
    let mut v = v.clone();
    match &mut v {
        Value::Number { op, .. }
        | Value::Percent { op, .. }
        | Value::Money { op, .. }
        | Value::Duration { op, .. } => {
            if *op == Op::Eq {
                *op = bound;
            }
        }
        Value::Date { .. } => {}
    }
    v
}

/// Whether two intervals share more than an end: figures written to the
/// same last digit and one unit apart touch without overlapping ("678
/// points" stands for 677.5–678.5, "679 points" for 678.5–679.5: two
/// figures, not one rounded two ways).
fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    let apart = |lo: f64, hi: f64| hi - lo > 1e-9 * lo.abs().max(hi.abs()).min(1e15);
    apart(b.0, a.1) && apart(a.0, b.1)
}

/// Two limits stated the same way ("up to 800" / "up to 840", "at least
/// 200" / "at least 250") state the limit itself: they are compared as the
/// figures they give. Other pairs keep their comparisons; two open bounds
/// in the same direction ("below 9,000" / "below 8,000") never contradict.
fn as_limits(op1: Op, op2: Op) -> (Op, Op) {
    match (op1, op2) {
        (Op::Le, Op::Le) | (Op::Ge, Op::Ge) => (Op::Eq, Op::Eq),
        ops => ops,
    }
}

fn num_ok(op1: Op, v1: f64, op2: Op, v2: f64) -> bool {
    let (op1, op2) = as_limits(op1, op2);
    let i1 = interval(op1, v1);
    let i2 = interval(op2, v2);
    overlap(i1, i2)
}

/// A date or period ("2022", "2022-04", "2022-03-29", "1700/1721", "199X")
/// as its first and last day-ish keys, compared as strings of equal length.
fn date_range(iso: &str) -> (String, String) {
    let (a, b) = iso.split_once('/').unwrap_or((iso, iso));
    (a.to_string(), b.to_string())
}

/// Compare two ISO-style dates at their common precision.
fn cmp_prefix(a: &str, b: &str) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    let (a, b) = (&a.as_bytes()[..n], &b.as_bytes()[..n]);
    for (x, y) in a.iter().zip(b) {
        if *x == b'X' || *y == b'X' {
            return std::cmp::Ordering::Equal;
        }
        match x.cmp(y) {
            std::cmp::Ordering::Equal => continue,
            o => return o,
        }
    }
    std::cmp::Ordering::Equal
}

fn dates_ok(a: &str, b: &str) -> bool {
    if a.starts_with("--") || b.starts_with("--") {
        // A month or day without a year: compare what both give after the
        // year ("--10-25" meets "2008-10-25" and "--10-25").
        let month_day = |x: &str| match x.strip_prefix("--") {
            Some(md) => md.to_string(),
            None => date_range(x)
                .0
                .split_once('-')
                .map_or(String::new(), |r| r.1.to_string()),
        };
        let (a, b) = (month_day(a), month_day(b));
        return a.is_empty() || b.is_empty() || cmp_prefix(&a, &b).is_eq();
    }
    let (a0, a1) = date_range(a);
    let (b0, b1) = date_range(b);
    !cmp_prefix(&a0, &b1).is_gt() && !cmp_prefix(&b0, &a1).is_gt()
}

/// A unit of length, mass or volume as its dimension and its size in the
/// dimension's base unit (metre, gram, litre): "km" → (length, 1000).
pub fn unit_scale(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "mm" => ("length", 0.001),
        "cm" => ("length", 0.01),
        "m" => ("length", 1.0),
        "km" => ("length", 1000.0),
        "in" => ("length", 0.0254),
        "ft" => ("length", 0.3048),
        "yd" => ("length", 0.9144),
        "mile" => ("length", 1609.344),
        "mg" => ("mass", 0.001),
        "g" => ("mass", 1.0),
        "kg" => ("mass", 1000.0),
        "t" => ("mass", 1e6),
        "oz" => ("mass", 28.349523),
        "lb" => ("mass", 453.59237),
        "ml" => ("volume", 0.001),
        "l" => ("volume", 1.0),
        "gal" => ("volume", 3.785411),
        _ => return None,
    })
}

/// The scale of a number's unit against another's: 1 for the same unit,
/// the ratio of their sizes for two units of one dimension ("km" against
/// "m": 1000), none for units that measure different things.
fn unit_ratio(a: &Option<String>, b: &Option<String>) -> Option<(f64, f64)> {
    if a == b {
        return Some((1.0, 1.0));
    }
    let (ua, ub) = (unit_scale(a.as_deref()?)?, unit_scale(b.as_deref()?)?);
    (ua.0 == ub.0).then_some((ua.1, ub.1))
}

/// Whether two values can be compared at all: the same kind
/// ([`Value::kind`]: a count never meets an age, a year meets a date) and,
/// for measures, units of one dimension ("2.4 km" meets "2,100 m"), for
/// money one currency.
pub fn comparable(a: &Value, b: &Value) -> bool {
    use crate::entities::ValueKind::{Date, Year};
    let (ka, kb) = (a.kind(), b.kind());
    if ka != kb && !(matches!(ka, Date | Year) && matches!(kb, Date | Year)) {
        return false;
    }
    match (a, b) {
        (Value::Number { unit: u1, .. }, Value::Number { unit: u2, .. }) => {
            unit_ratio(u1, u2).is_some()
        }
        (Value::Percent { .. }, Value::Percent { .. }) => true,
        (Value::Money { currency: c1, .. }, Value::Money { currency: c2, .. }) => c1 == c2,
        (Value::Date { iso: a }, Value::Date { iso: b }) => {
            // A bare month ("--04") is only compared with a full date; two
            // days of a month ("October 25", "--10-25") with each other.
            let day = |x: &str| x.len() == 7 && x.starts_with("--");
            !(a.starts_with("--") && b.starts_with("--")) || day(a) && day(b)
        }
        (Value::Duration { unit: u1, .. }, Value::Duration { unit: u2, .. }) => u1 == u2,
        _ => false,
    }
}

/// Whether two comparable values agree (their intervals meet).
///
/// ```
/// use claimlens_core::compare::values_agree;
/// use claimlens_core::{Op, Value};
///
/// let n = |op, value| Value::Number { op, value, unit: None };
/// assert!(values_agree(&n(Op::Eq, 1000.0), &n(Op::Eq, 1000.0)));
/// assert!(!values_agree(&n(Op::Gt, 1_000_000.0), &n(Op::Approx, 400_000.0)));
/// assert!(values_agree(&n(Op::Approx, 950_000.0), &n(Op::Approx, 1_000_000.0)));
/// let d = |iso: &str| Value::Date { iso: iso.into() };
/// assert!(!values_agree(&d("2022-04"), &d("2022-03-29")));
/// assert!(values_agree(&d("2025-05"), &d("2025-05-16")));
/// ```
pub fn values_agree(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (
            Value::Number {
                op: o1,
                value: v1,
                unit: u1,
            },
            Value::Number {
                op: o2,
                value: v2,
                unit: u2,
            },
        ) => {
            let Some((f1, f2)) = unit_ratio(u1, u2) else {
                return false;
            };
            let (o1, o2) = as_limits(*o1, *o2);
            let (i1, i2) = (interval(o1, *v1), interval(o2, *v2));
            overlap((i1.0 * f1, i1.1 * f1), (i2.0 * f2, i2.1 * f2))
        }
        (Value::Percent { op: o1, value: v1 }, Value::Percent { op: o2, value: v2 }) => {
            // "fell 3.16%" and "-3.16%": a change given with or without its sign.
            num_ok(*o1, *v1, *o2, *v2)
                || (*v1 < 0.0) != (*v2 < 0.0) && num_ok(*o1, v1.abs(), *o2, v2.abs())
        }
        (
            Value::Money {
                op: o1, amount: v1, ..
            },
            Value::Money {
                op: o2, amount: v2, ..
            },
        )
        | (
            Value::Duration {
                op: o1, amount: v1, ..
            },
            Value::Duration {
                op: o2, amount: v2, ..
            },
        ) => num_ok(*o1, *v1, *o2, *v2),
        (Value::Date { iso: a }, Value::Date { iso: b }) => dates_ok(a, b),
        _ => false,
    }
}

/// Whether two agreeing values agree closely enough to say that two
/// statements meet (the evidence "agrees" needs; "differs" still needs
/// only [`values_agree`] to fail): an open bound is met by any figure on
/// its side ("over 250" by "511.51"), so it tells only against the same
/// bound ("more than 3 billion" = "over 3 billion"); two approximations
/// must lie within one tolerance of each other, not overlap once both
/// are widened ("some 400" and "about 500").
///
/// ```
/// use claimlens_core::compare::{agree_closely, values_agree};
/// use claimlens_core::{Op, Value};
///
/// let n = |op, value| Value::Number { op, value, unit: None };
/// assert!(values_agree(&n(Op::Eq, 511.51), &n(Op::Gt, 250.0)));
/// assert!(!agree_closely(&n(Op::Eq, 511.51), &n(Op::Gt, 250.0)));
/// assert!(agree_closely(&n(Op::Approx, 950_000.0), &n(Op::Approx, 1_000_000.0)));
/// ```
pub fn agree_closely(a: &Value, b: &Value) -> bool {
    let op = |v: &Value| match v {
        Value::Number { op, .. }
        | Value::Percent { op, .. }
        | Value::Money { op, .. }
        | Value::Duration { op, .. } => Some(*op),
        Value::Date { .. } => None,
    };
    let bound = |o: Option<Op>| matches!(o, Some(Op::Gt | Op::Ge | Op::Lt | Op::Le));
    if !values_agree(a, b) {
        return false;
    }
    let (oa, ob) = (op(a), op(b));
    // A range tells only against the same range: both ends agree.
    match (oa, ob) {
        (Some(Op::Between(la)), Some(Op::Between(lb))) => {
            return num_ok(Op::Eq, la, Op::Eq, lb) && num_ok(Op::Eq, high(a), Op::Eq, high(b));
        }
        (Some(Op::Between(_)), _) | (_, Some(Op::Between(_))) => return false,
        _ => {}
    }
    if bound(oa) || bound(ob) {
        return oa == ob && distance(a, b) <= 1.0 + EXACT_TOLERANCE;
    }
    if oa == Some(Op::Approx) && ob == Some(Op::Approx) {
        return distance(a, b) <= 1.0 + APPROX_TOLERANCE;
    }
    true
}

/// The tolerance two values are compared within, as stated in an
/// explanation: "±2 % or the last digit written" for exact figures, "±15 %"
/// where one is approximate, "the bound" where one is a bound ("at least",
/// "under"), "the period given" for dates.
pub fn tolerance(a: &Value, b: &Value) -> &'static str {
    let op = |v: &Value| match v {
        Value::Number { op, .. }
        | Value::Percent { op, .. }
        | Value::Money { op, .. }
        | Value::Duration { op, .. } => Some(*op),
        Value::Date { .. } => None,
    };
    match (op(a), op(b)) {
        (None, _) | (_, None) => "the period given",
        (Some(Op::Between(_)), _) | (_, Some(Op::Between(_))) => "the range given",
        (Some(x), Some(y)) if x != Op::Eq && x != Op::Approx || y != Op::Eq && y != Op::Approx => {
            "the bound"
        }
        (Some(Op::Approx), _) | (_, Some(Op::Approx)) => "±15 %",
        _ => "±2 % or the last digit written",
    }
}

/// The figure of a value (a range's high end; a date's none).
fn high(v: &Value) -> f64 {
    match v {
        Value::Number { value, .. } | Value::Percent { value, .. } => *value,
        Value::Money { amount, .. } | Value::Duration { amount, .. } => *amount,
        Value::Date { .. } => f64::NAN,
    }
}

/// How far apart two numeric values are, as a ratio ≥ 1 (dates: 1 when
/// they agree, 2 otherwise). Used to show the nearest conflicting figure.
pub fn distance(a: &Value, b: &Value) -> f64 {
    let num = |v: &Value| match v {
        Value::Number {
            value,
            unit: Some(u),
            ..
        } => Some(*value * unit_scale(u).map_or(1.0, |s| s.1)),
        Value::Number { value, .. } | Value::Percent { value, .. } => Some(*value),
        Value::Money { amount, .. } | Value::Duration { amount, .. } => Some(*amount),
        Value::Date { .. } => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => (x / y).max(y / x),
        (Some(x), Some(y)) => 1.0 + (x - y).abs(),
        _ => {
            if values_agree(a, b) {
                1.0
            } else {
                2.0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(op: Op, value: f64) -> Value {
        Value::Number {
            op,
            value,
            unit: None,
        }
    }

    #[test]
    fn tolerances_are_the_documented_ones() {
        // Exact: a round figure up to 2 %, others to their last digit.
        assert!(values_agree(&n(Op::Eq, 1000.0), &n(Op::Eq, 1019.0)));
        assert!(!values_agree(&n(Op::Eq, 1000.0), &n(Op::Eq, 1050.0)));
        assert!(!values_agree(&n(Op::Eq, 412e6), &n(Op::Eq, 398e6)));
        assert!(values_agree(&n(Op::Eq, 412e6), &n(Op::Eq, 412e6)));
        assert!(values_agree(&n(Op::Eq, 3.5), &n(Op::Eq, 3.54)));
        assert!(!values_agree(&n(Op::Eq, 21.0), &n(Op::Eq, 18.0)));
        assert!(!values_agree(&n(Op::Eq, 3.5), &n(Op::Eq, 3.7)));
        // Approximate: 15%.
        assert!(values_agree(&n(Op::Approx, 1000.0), &n(Op::Eq, 1140.0)));
        assert!(!values_agree(&n(Op::Approx, 1000.0), &n(Op::Eq, 1400.0)));
        // Bounds.
        assert!(values_agree(&n(Op::Ge, 4.0), &n(Op::Eq, 4.0)));
        assert!(values_agree(&n(Op::Gt, 3.0), &n(Op::Eq, 21.0)));
        assert!(!values_agree(&n(Op::Gt, 1e6), &n(Op::Approx, 4e5)));
        assert!(!values_agree(&n(Op::Lt, 10.0), &n(Op::Eq, 40.0)));
    }

    /// Figures written to the same last digit one unit apart touch
    /// without overlapping: two figures, never one rounded two ways.
    #[test]
    fn adjacent_figures_differ() {
        // (a, b, agree)
        for (a, b, agree) in [
            (n(Op::Eq, 678.0), n(Op::Eq, 679.0), false),
            (n(Op::Eq, 678.0), n(Op::Eq, 678.0), true),
            (n(Op::Eq, 3.6), n(Op::Eq, 3.7), false),
            (n(Op::Eq, 3.6), n(Op::Eq, 3.65), true),
            (n(Op::Eq, 144.0), n(Op::Eq, 145.0), false),
            (n(Op::Eq, 8579.19), n(Op::Eq, 8579.2), true),
            (n(Op::Eq, 8579.19), n(Op::Eq, 8579.18), false),
            (n(Op::Eq, 1000.0), n(Op::Eq, 1020.0), true),
            (n(Op::Eq, 10.0), n(Op::Eq, 11.0), false),
            (n(Op::Lt, 9000.0), n(Op::Eq, 9180.0), true),
        ] {
            assert_eq!(values_agree(&a, &b), agree, "{a:?} / {b:?}");
            assert_eq!(values_agree(&b, &a), agree, "{b:?} / {a:?}");
        }
    }

    /// A bound is an interval: a figure inside it agrees, one outside
    /// differs only beyond the exact tolerance of the bound's figure, and
    /// two bounds in the same direction never differ (nor agree closely
    /// unless they state the same bound).
    #[test]
    fn bounds_are_intervals() {
        // (a, b, agree, agree closely)
        for (a, b, agree, closely) in [
            (n(Op::Lt, 9000.0), n(Op::Eq, 8579.19), true, false),
            (n(Op::Lt, 9000.0), n(Op::Eq, 9100.0), true, false),
            (n(Op::Lt, 9000.0), n(Op::Eq, 9500.0), false, false),
            (n(Op::Lt, 9000.0), n(Op::Lt, 8000.0), true, false),
            (n(Op::Gt, 200.0), n(Op::Eq, 250.0), true, false),
            (n(Op::Gt, 200.0), n(Op::Eq, 197.0), true, false),
            (n(Op::Gt, 200.0), n(Op::Eq, 150.0), false, false),
            (n(Op::Gt, 200.0), n(Op::Gt, 300.0), true, false),
            (n(Op::Gt, 200.0), n(Op::Gt, 200.0), true, true),
            (n(Op::Gt, 200.0), n(Op::Lt, 150.0), false, false),
            (n(Op::Ge, 70e6), n(Op::Approx, 80e6), true, false),
            (n(Op::Le, 5.0), n(Op::Eq, 7.0), false, false),
        ] {
            assert_eq!(values_agree(&a, &b), agree, "{a:?} / {b:?}");
            assert_eq!(values_agree(&b, &a), agree, "{b:?} / {a:?}");
            assert_eq!(agree_closely(&a, &b), closely, "{a:?} / {b:?}");
        }
    }

    /// A range is one interval: two ranges agree when they overlap within
    /// the tolerance of their ends and differ only when apart beyond it; a
    /// point inside a range agrees. Only the same range agrees closely.
    #[test]
    fn ranges_are_intervals() {
        let r = |low, high| n(Op::Between(low), high);
        let days = |op, amount| Value::Duration {
            op,
            amount,
            unit: "day".into(),
        };
        // (a, b, agree, agree closely)
        for (a, b, agree, closely) in [
            (r(200.0, 350.0), r(210.0, 330.0), true, false),
            (r(210.0, 330.0), r(210.0, 250.0), true, false),
            (r(210.0, 330.0), r(210.0, 330.0), true, true),
            (r(200.0, 250.0), r(250.0, 290.0), true, false),
            (r(200.0, 250.0), r(300.0, 350.0), false, false),
            (r(200.0, 250.0), r(254.0, 290.0), true, false),
            (r(210.0, 330.0), n(Op::Eq, 250.0), true, false),
            (r(210.0, 330.0), n(Op::Eq, 400.0), false, false),
            (r(210.0, 330.0), n(Op::Eq, 150.0), false, false),
            (r(210.0, 330.0), n(Op::Approx, 360.0), true, false),
            (r(210.0, 330.0), n(Op::Gt, 300.0), true, false),
            (r(210.0, 330.0), n(Op::Lt, 200.0), false, false),
            (
                days(Op::Between(30.0), 60.0),
                days(Op::Between(60.0), 90.0),
                true,
                false,
            ),
            (
                days(Op::Between(30.0), 60.0),
                days(Op::Eq, 90.0),
                false,
                false,
            ),
        ] {
            assert_eq!(values_agree(&a, &b), agree, "{a:?} / {b:?}");
            assert_eq!(values_agree(&b, &a), agree, "{b:?} / {a:?}");
            assert_eq!(agree_closely(&a, &b), closely, "{a:?} / {b:?}");
            assert_eq!(agree_closely(&b, &a), closely, "{b:?} / {a:?}");
        }
        assert_eq!(tolerance(&r(1.0, 2.0), &n(Op::Eq, 1.0)), "the range given");
        assert_eq!(bounded(&r(1.0, 2.0), Op::Lt), r(1.0, 2.0));
    }

    /// Two limits stated the same way ("up to", "at least") are compared
    /// as the figures they give; open bounds ("below", "more than") and
    /// limits of two kinds keep their intervals.
    #[test]
    fn limits_stated_alike_are_their_figures() {
        let pct = |op, value| Value::Percent { op, value };
        for (a, b, agree) in [
            (n(Op::Le, 800.0), n(Op::Le, 840.0), false),
            (n(Op::Le, 800.0), n(Op::Le, 810.0), true),
            (n(Op::Ge, 200.0), n(Op::Ge, 250.0), false),
            (n(Op::Ge, 200.0), n(Op::Ge, 200.0), true),
            (pct(Op::Ge, 20.0), pct(Op::Ge, 30.0), false),
            (n(Op::Lt, 9000.0), n(Op::Lt, 8000.0), true),
            (n(Op::Gt, 200.0), n(Op::Gt, 300.0), true),
            (n(Op::Le, 800.0), n(Op::Lt, 840.0), true),
            (n(Op::Le, 800.0), n(Op::Eq, 555.0), true),
        ] {
            assert_eq!(values_agree(&a, &b), agree, "{a:?} / {b:?}");
            assert_eq!(values_agree(&b, &a), agree, "{b:?} / {a:?}");
        }
    }

    #[test]
    fn a_bound_word_makes_an_exact_figure_a_bound() {
        let usd = |op, amount| Value::Money {
            op,
            amount,
            currency: "USD".into(),
        };
        let d = Value::Date { iso: "2008".into() };
        for (v, op, want) in [
            (n(Op::Eq, 9000.0), Op::Lt, n(Op::Lt, 9000.0)),
            (n(Op::Approx, 9000.0), Op::Lt, n(Op::Approx, 9000.0)),
            (n(Op::Ge, 9000.0), Op::Lt, n(Op::Ge, 9000.0)),
            (usd(Op::Eq, 5e6), Op::Gt, usd(Op::Gt, 5e6)),
            (d.clone(), Op::Gt, d.clone()),
        ] {
            assert_eq!(bounded(&v, op), want, "{v:?} {op:?}");
        }
    }

    #[test]
    fn precision_is_half_the_last_digit() {
        let cases = [
            (412e6, 5e5),
            (400e6, 5e7),
            (3.6, 0.05),
            (21.0, 0.5),
            (1000.0, 500.0),
            (0.125, 0.0005),
            (-7.5, 0.05),
            (0.0, 0.5),
        ];
        for (v, want) in cases {
            let got = precision(v);
            assert!((got - want).abs() < want * 1e-9, "{v}: {got} != {want}");
        }
    }

    #[test]
    fn dates() {
        let d = |s: &str| Value::Date { iso: s.into() };
        assert!(values_agree(&d("2022"), &d("2022-03-29")));
        assert!(!values_agree(&d("2022-04"), &d("2022-03")));
        assert!(values_agree(&d("1710"), &d("1700/1721")));
        assert!(!values_agree(&d("1690"), &d("1700/1721")));
        assert!(values_agree(&d("199X"), &d("1995-01")));
        assert!(values_agree(&d("--05"), &d("2025-05-09")));
        assert!(!comparable(&d("--05"), &d("--04")));
    }

    #[test]
    fn close_agreement() {
        let n = |op, value| Value::Number {
            op,
            value,
            unit: None,
        };
        let d = |s: &str| Value::Date { iso: s.into() };
        for (a, b, want) in [
            (n(Op::Eq, 1200.0), n(Op::Eq, 1200.0), true),
            (n(Op::Eq, 1200.0), n(Op::Eq, 1400.0), false),
            (n(Op::Eq, 511.51), n(Op::Gt, 250.0), false),
            (n(Op::Le, 800.0), n(Op::Le, 840.0), false),
            (n(Op::Gt, 3e9), n(Op::Gt, 3e9), true),
            (n(Op::Gt, 3e9), n(Op::Ge, 3e9), false),
            (n(Op::Approx, 400.0), n(Op::Approx, 500.0), false),
            (n(Op::Approx, 950.0), n(Op::Approx, 1000.0), true),
            (n(Op::Approx, 400.0), n(Op::Eq, 440.0), true),
            (d("2008-10-25"), d("--10-25"), true),
        ] {
            assert_eq!(agree_closely(&a, &b), want, "{a:?} / {b:?}");
        }
    }

    /// A date without a year meets a full date or another day of a month
    /// by what both give after the year, whichever side it is on.
    #[test]
    fn dates_without_a_year() {
        let d = |s: &str| Value::Date { iso: s.into() };
        for (a, b, comparable_, agree) in [
            ("--10-25", "--10-25", true, true),
            ("--10-25", "--10-28", true, false),
            ("--10-25", "2008-10-25", true, true),
            ("2008-10-25", "--10-25", true, true),
            ("2008-10-28", "--10-25", true, false),
            ("--10", "2008-10-25", true, true),
            ("2008-09-25", "--10", true, false),
            ("--10", "--10-25", false, true),
            ("--10", "--11", false, false),
        ] {
            assert_eq!(comparable(&d(a), &d(b)), comparable_, "{a} / {b}");
            assert_eq!(values_agree(&d(a), &d(b)), agree, "{a} / {b}");
        }
    }

    #[test]
    fn measures_meet_across_units_of_one_dimension() {
        let m = |op, value, u: &str| Value::Number {
            op,
            value,
            unit: Some(u.into()),
        };
        let age = |v| m(Op::Eq, v, "years old");
        // (a, b, comparable, agree)
        let cases = [
            (m(Op::Eq, 2.4, "km"), m(Op::Eq, 2.1, "km"), true, false),
            (m(Op::Eq, 2.4, "km"), m(Op::Eq, 2400.0, "m"), true, true),
            (m(Op::Eq, 2.1, "km"), m(Op::Eq, 2400.0, "m"), true, false),
            (m(Op::Eq, 1.0, "mile"), m(Op::Approx, 1.6, "km"), true, true),
            (m(Op::Eq, 2.0, "km"), m(Op::Eq, 2.0, "kg"), false, false),
            (n(Op::Eq, 1000.0), age(25.0), false, false),
            (n(Op::Lt, 25.0), m(Op::Eq, 0.5, "m"), false, false),
        ];
        for (a, b, comp, agree) in cases {
            assert_eq!(comparable(&a, &b), comp, "{a} ~ {b}");
            if comp {
                assert_eq!(values_agree(&a, &b), agree, "{a} = {b}");
            }
        }
        let d = |s: &str| Value::Date { iso: s.into() };
        assert!(comparable(&d("2022"), &d("2022-03-29")));
        let pct = Value::Percent {
            op: Op::Eq,
            value: 0.5,
        };
        assert!(!comparable(&pct, &n(Op::Approx, 6500.0)));
    }

    #[test]
    fn kinds_and_units() {
        let m = |c: &str| Value::Money {
            op: Op::Eq,
            amount: 1.0,
            currency: c.into(),
        };
        assert!(comparable(&m("USD"), &m("USD")) && !comparable(&m("USD"), &m("EUR")));
        assert!(!comparable(&n(Op::Eq, 1.0), &m("USD")));
        assert!(distance(&n(Op::Eq, 1e6), &n(Op::Eq, 4e5)) > 2.4);
    }
}
