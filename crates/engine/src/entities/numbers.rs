//! Numbers in words and digits: cardinals, fractions, ordinals, percentages
//! and comparative ranges, with their normalised values.
//!
//! The grammar follows ordinary English usage and the Recognizers-Text
//! English specs: `one hundred and sixty-one` → 161, `2.33 k` → 2330,
//! `1 234 567` → 1234567, `three quarters` → 0.75, `one and a half` → 1.5,
//! `a hundred trillionths` → 1e-10, `twenty-fifth` → 25th.
//!
//! ```
//! use claimlens_engine::entities::numbers::{extract_numbers, extract_ordinals, extract_percentages, extract_ranges};
//!
//! let n = extract_numbers("casualties exceeding one million and 1,000 prisoners");
//! assert_eq!(n.iter().map(|m| m.value).collect::<Vec<_>>(), [1_000_000.0, 1000.0]);
//! assert_eq!(extract_ordinals("the twenty-first century")[0].value, "21");
//! assert_eq!(extract_percentages("up 3.5 per cent")[0].value, 3.5);
//! assert_eq!(extract_ranges("at least four regions")[0].value, "[4,)");
//! ```

use std::borrow::Cow;

use crate::span::Span;
use crate::text::{tokenize, Token, TokenKind};

/// A number found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMatch {
    /// Where it is (bytes).
    pub span: Span,
    /// First token and one past the last token.
    pub tokens: (usize, usize),
    /// Its value.
    pub value: f64,
}

/// An ordinal found in a text; `value` is `"21"` or a relative position such as `"end-1"`.
#[derive(Clone, Debug, PartialEq)]
pub struct OrdinalMatch {
    /// Where it is (bytes).
    pub span: Span,
    /// Token range.
    pub tokens: (usize, usize),
    /// `"21"`, `"end+0"`, `"current+1"`…
    pub value: String,
}

/// A comparative range (`more than 20` → `(20,)`), in interval notation.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeMatch {
    /// Where it is (bytes).
    pub span: Span,
    /// Token range.
    pub tokens: (usize, usize),
    /// Interval such as `"[20,30)"`, `"(,100]"`.
    pub value: String,
}

/// A view of tokens with lowercase text, for the grammar.
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lower: Vec<Cow<'a, str>>,
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        let lower = toks
            .iter()
            .map(|t| {
                let s = t.text(text);
                if s.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(s.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(s)
                }
            })
            .collect();
        Toks { text, toks, lower }
    }
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map(|c| c.as_ref()).unwrap_or("")
    }
    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
    fn is_hyphen(&self, i: usize) -> bool {
        matches!(self.raw(i), "-" | "‐" | "‑")
    }
}

/// Whether `w` (lowercase) is a simple number word (units, teens, tens).
pub(crate) fn small_word(w: &str) -> bool {
    small(w).is_some()
}

/// Value of a simple number word (units, teens, tens).
fn small(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Words that can start a number phrase (units, tens, scales, dozens, ordinals).
pub(crate) const NUMBER_WORDS: &str = concat!(
    "zero|",
    "nought|",
    "naught|",
    "nil|",
    "one|",
    "two|",
    "three|",
    "four|",
    "five|",
    "six|",
    "seven|",
    "eight|",
    "nine|",
    "ten|",
    "eleven|",
    "twelve|",
    "thirteen|",
    "fourteen|",
    "fifteen|",
    "sixteen|",
    "seventeen|",
    "eighteen|",
    "nineteen|",
    "twenty|",
    "thirty|",
    "forty|",
    "fifty|",
    "sixty|",
    "seventy|",
    "eighty|",
    "ninety|",
    "hundred|",
    "hundreds|",
    "thousand|",
    "thousands|",
    "lakh|",
    "lakhs|",
    "million|",
    "millions|",
    "mil|",
    "mln|",
    "crore|",
    "crores|",
    "billion|",
    "billions|",
    "bln|",
    "bn|",
    "trillion|",
    "trillions|",
    "tln|",
    "trn|",
    "dozen|",
    "dozens|",
    "dz|",
    "dzs|",
    "doz|",
    "dozs|",
    "first|",
    "second|",
    "third|",
    "fourth|",
    "fifth|",
    "sixth|",
    "seventh|",
    "eighth|",
    "ninth|",
    "nineth|",
    "tenth|",
    "eleventh|",
    "twelfth|",
    "thirteenth|",
    "fourteenth|",
    "fifteenth|",
    "sixteenth|",
    "seventeenth|",
    "eighteenth|",
    "nineteenth|",
    "twentieth|",
    "thirtieth|",
    "fortieth|",
    "fiftieth|",
    "sixtieth|",
    "seventieth|",
    "eightieth|",
    "ninetieth|",
    "hundredth|",
    "thousandth|",
    "millionth|",
    "billionth|",
    "trillionth|",
    "seconds|",
    "thirds|",
    "fourths|",
    "fifths|",
    "sixths|",
    "sevenths|",
    "eighths|",
    "ninths|",
    "tenths|",
    "quarter|",
    "quarters|",
    "halves|",
);

/// Value of a scale word.
pub(crate) fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" | "hundreds" => 100.0,
        "thousand" | "thousands" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "millions" | "mil" | "mln" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "billions" | "bln" | "bn" => 1e9,
        "trillion" | "trillions" | "tln" | "trn" => 1e12,
        _ => return None,
    })
}

fn is_dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// Value of an ordinal word, and whether it is plural ("fifths").
pub(crate) fn ordinal_word(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        _ => (w, false),
    };
    let look = |s: &str| -> Option<f64> {
        Some(match s {
            "first" => 1.0,
            "second" => 2.0,
            "third" => 3.0,
            "fourth" => 4.0,
            "fifth" => 5.0,
            "sixth" => 6.0,
            "seventh" => 7.0,
            "eighth" => 8.0,
            "ninth" | "nineth" => 9.0,
            "tenth" => 10.0,
            "eleventh" => 11.0,
            "twelfth" => 12.0,
            "thirteenth" => 13.0,
            "fourteenth" => 14.0,
            "fifteenth" => 15.0,
            "sixteenth" => 16.0,
            "seventeenth" => 17.0,
            "eighteenth" => 18.0,
            "nineteenth" => 19.0,
            "twentieth" => 20.0,
            "thirtieth" => 30.0,
            "fortieth" => 40.0,
            "fiftieth" => 50.0,
            "sixtieth" => 60.0,
            "seventieth" => 70.0,
            "eightieth" => 80.0,
            "ninetieth" => 90.0,
            "hundredth" => 100.0,
            "thousandth" => 1e3,
            "millionth" => 1e6,
            "billionth" => 1e9,
            "trillionth" => 1e12,
            _ => return None,
        })
    };
    if let Some(v) = look(w) {
        return Some((v, false));
    }
    if plural {
        if let Some(v) = look(stem) {
            return Some((v, true));
        }
    }
    None
}

/// Fraction-only denominators: half, quarter (and their plurals).
fn fraction_word(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => Some((2.0, false)),
        "halves" => Some((2.0, true)),
        "quarter" => Some((4.0, false)),
        "quarters" => Some((4.0, true)),
        _ => None,
    }
}

/// Parse a digit token: "1,234.5", "4.800", "1,3" (decimal comma), "12,34,567.89".
/// Returns None for lists like "22,24,26" (handled by the caller) or dotted quads.
fn parse_digits(s: &str) -> Option<f64> {
    if let Some(v) = s.parse_f64() {
        if !s.contains(',') {
            return Some(v);
        }
    }
    if s.matches('.').count() > 1 {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() == 1 {
        return int.parse_f64();
    }
    let last = groups[groups.len() - 1];
    let thousands = last.len() == 3
        && groups[1..groups.len() - 1]
            .iter()
            .all(|g| g.len() == 2 || g.len() == 3)
        && !groups[0].is_empty()
        && groups[0].len() <= 3;
    if thousands {
        let joined: String = groups.concat();
        let full = match frac {
            Some(f) => format!("{joined}.{f}"),
            None => joined,
        };
        return full.parse_f64();
    }
    if groups.len() == 2 && frac.is_none() && last.len() < 3 {
        return format!("{}.{}", groups[0], last).parse_f64();
    }
    None
}

/// Multiplier suffix glued to (or right after) a digit token: "10k", "1.2b", "2mil", "10M".
fn digit_suffix(raw: &str, glued: bool) -> Option<f64> {
    Some(match raw {
        "k" | "K" => 1e3,
        "M" | "MM" => 1e6,
        "G" | "g" if glued || raw == "G" => 1e9,
        "b" | "B" | "bn" | "bln" | "Bn" => 1e9,
        "mil" | "mln" => 1e6,
        "tln" | "trn" => 1e12,
        "T" if !glued => 1e12,
        _ => return None,
    })
}

/// A parsed cardinal: value, end token, and facts the fraction grammar needs.
#[derive(Clone, Copy, Debug)]
struct Card {
    value: f64,
    end: usize,
    /// Token index of a trailing bare tens word ("thirty" in "one hundred thirty").
    trailing_tens: Option<usize>,
    /// Value before that trailing tens word.
    before_tens: f64,
    /// Made of digits (no words).
    digits: bool,
    /// Only "a"/"an"/"one" (usable as a singular numerator).
    is_one: bool,
}

/// Parse the longest plain cardinal at token `i` (no sign, no fraction).
fn cardinal(t: &Toks, i: usize) -> Option<Card> {
    let n = t.toks.len();
    if i >= n {
        return None;
    }
    // Digits first.
    if t.kind(i) == Some(TokenKind::Number) {
        let raw = t.raw(i);
        let mut v = parse_digits(raw)?;
        let mut end = i + 1;
        // Space-grouped thousands: "1 234 567", "40 000" (single space or NNBSP).
        if !raw.contains([',', '.']) && raw.len() <= 3 {
            let mut j = i + 1;
            let mut acc = raw.to_string();
            while j < n && t.kind(j) == Some(TokenKind::Number) {
                let gap = &t.text[t.toks[j - 1].span.end..t.toks[j].span.start];
                let g = t.raw(j);
                let int = g.split('.').next().unwrap_or("");
                if !matches!(gap, " " | "\u{202f}" | "\u{a0}" | "\u{2009}")
                    || int.len() != 3
                    || g.contains(',')
                    || !int.bytes().all(|b| b.is_ascii_digit())
                {
                    break;
                }
                acc.push_str(g);
                j += 1;
                if g.contains('.') {
                    break;
                }
            }
            if j > i + 1 {
                v = acc.parse_f64()?;
                end = j;
            }
        }
        // Power: 1.1^23, 2.5^-1, -1.1^--23.
        if t.raw(end) == "^" && t.glued(end) {
            let mut k = end + 1;
            let mut neg = false;
            while matches!(t.raw(k), "+" | "-") && t.glued(k) {
                neg ^= t.raw(k) == "-";
                k += 1;
            }
            if t.kind(k) == Some(TokenKind::Number) && t.glued(k) {
                if let Some(e) = t.raw(k).parse_f64() {
                    v = v.powi(if neg { -(e as i32) } else { e as i32 });
                    end = k + 1;
                }
            }
        }
        // Glued letters: a multiplier suffix, else this is a measurement ("180ml") → no number.
        if end < n && t.glued(end) && t.kind(end) == Some(TokenKind::Word) {
            match digit_suffix(t.raw(end), true) {
                Some(m) => {
                    v *= m;
                    end += 1;
                }
                None => return None,
            }
        } else if end < n && t.kind(end) == Some(TokenKind::Word) {
            if let Some(m) = digit_suffix(t.raw(end), false) {
                // "2.33 k", "1,674.5 G" — but a lone letter not before another word ("10 M people" stays).
                if t.raw(end).len() > 1 || t.kind(end + 1) != Some(TokenKind::Word) {
                    v *= m;
                    end += 1;
                }
            } else if let Some(s) = scale(t.w(end)) {
                v *= s;
                end += 1;
                if let Some(s2) = scale(t.w(end)).filter(|&s2| s2 > s) {
                    v *= s2;
                    end += 1;
                }
            } else if is_dozen(t.w(end)) {
                v *= 12.0;
                end += 1;
            }
        }
        return Some(Card {
            value: v,
            end,
            trailing_tens: None,
            before_tens: v,
            digits: true,
            is_one: false,
        });
    }
    // Words.
    let mut total = 0.0f64; // completed big-scale groups
    let mut cur = 0.0f64; // current group below the last big scale
    let mut last_big = f64::INFINITY;
    let mut last_added = 0.0f64;
    let mut slot = 0u8; // 0 empty, 1 units, 2 teens, 3 tens, 4 hundred
    let mut j = i;
    let mut any = false;
    let mut end = i;
    let mut trailing_tens = None;
    let mut before_tens = 0.0;
    let mut is_one = false;
    let mut prev_and = false;
    loop {
        let w = t.w(j);
        if j >= n {
            break;
        }
        if !any && matches!(w, "a" | "an") {
            // "a hundred", "a dozen", "a million"
            let nx = t.w(j + 1);
            if scale(nx).is_some() || is_dozen(nx) {
                cur = 1.0;
                last_added = 1.0;
                slot = 1;
                any = true;
                is_one = true;
                j += 1;
                end = j;
                continue;
            }
            return None;
        }
        if let Some(v) = small(w) {
            let cls = if v < 10.0 {
                1
            } else if v < 20.0 {
                2
            } else {
                3
            };
            let ok = match cls {
                1 => slot == 0 || slot == 3 || slot == 4,
                _ => slot == 0 || slot == 4,
            };
            // Zero only stands alone.
            if !ok || (v == 0.0 && any) {
                break;
            }
            if cls == 3 && !prev_and {
                trailing_tens = Some(j);
                before_tens = total + cur;
            } else {
                trailing_tens = None;
            }
            is_one = !any && v == 1.0;
            cur += v;
            last_added = v;
            slot = cls;
            any = true;
            j += 1;
            end = j;
        } else if let Some(s) = scale(w).filter(|_| any) {
            trailing_tens = None;
            is_one = false;
            if s == 100.0 {
                if slot == 4 || cur >= 100.0 {
                    // "322 hundred" is digits; "two hundred hundred" stops
                    break;
                }
                cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                slot = 4;
            } else if s < last_big {
                total += cur.max(if cur == 0.0 && total == 0.0 { 1.0 } else { 0.0 }) * s;
                cur = 0.0;
                last_big = s;
                slot = 0;
            } else {
                total = (total + cur) * s;
                cur = 0.0;
                last_big = s;
                slot = 0;
            }
            last_added = 0.0;
            j += 1;
            end = j;
        } else if is_dozen(w) && any && last_added > 0.0 {
            cur += last_added * 11.0;
            last_added = 0.0;
            slot = 4;
            trailing_tens = None;
            j += 1;
            end = j;
        } else if any
            && (t.is_hyphen(j))
            && small(t.w(j + 1)).is_some_and(|v| v > 0.0 && v < 10.0)
            && slot == 3
        {
            // "fifty-two", "fifty - two"
            j += 1;
            continue;
        } else if any && w == "and" {
            // "one hundred and six", "two thousand and two hundred"; fractions after "and" are the caller's.
            let nx = t.w(j + 1);
            if (small(nx).is_some() || matches!(nx, "a" | "an")) && !fraction_follows(t, j + 1) {
                prev_and = true;
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        prev_and = false;
        if j > i + 40 {
            break;
        }
    }
    if !any {
        return None;
    }
    Some(Card {
        value: total + cur,
        end,
        trailing_tens,
        before_tens,
        digits: false,
        is_one,
    })
}

/// True when the tokens from `j` read as a fraction with a unit numerator
/// ("three fifths", "a half", "two thirds") rather than a continuing number.
fn fraction_follows(t: &Toks, j: usize) -> bool {
    let w = t.w(j);
    let unit = matches!(w, "a" | "an") || small(w).is_some_and(|v| v > 0.0 && v < 10.0);
    if !unit {
        return false;
    }
    let mut k = j + 1;
    if t.is_hyphen(k) {
        k += 1;
    }
    let d = t.w(k);
    fraction_word(d).is_some() || ordinal_word(d).is_some_and(|(v, _)| v >= 2.0)
}

/// Parse an ordinal phrase at `i` used as a denominator ("fifths", "twenty fifths",
/// "one hundred fifth", "thirty-fifths"): (value, plural, end).
fn denominator(t: &Toks, i: usize) -> Option<(f64, bool, usize)> {
    let w = t.w(i);
    if let Some((v, p)) = fraction_word(w) {
        return Some((v, p, i + 1));
    }
    if let Some((v, p)) = ordinal_word(w) {
        return (v >= 2.0).then_some((v, p, i + 1));
    }
    // Cardinal prefix + ordinal: "twenty fifths", "one hundred fifth", "hundred-fifths".
    let mut k = i;
    let mut prefix = None;
    if let Some(c) = cardinal(t, i).filter(|c| !c.digits) {
        prefix = Some(c.value);
        k = c.end;
    } else if scale(w) == Some(100.0) {
        prefix = Some(100.0);
        k = i + 1;
    }
    let p = prefix?;
    if t.is_hyphen(k) {
        k += 1;
    }
    if t.w(k) == "and" {
        k += 1;
    }
    let (v, pl) = ordinal_word(t.w(k))?;
    let value = if v >= 100.0 { p * v } else { p + v };
    Some((value, pl, k + 1))
}

/// A number phrase at `i`: sign, cardinal, fractions, "and a half", "over".
pub(crate) fn number_at(t: &Toks, i: usize) -> Option<NumberMatch> {
    let n = t.toks.len();
    let mut j = i;
    let mut sign = 1.0;
    // Sign: "-5", "- 1 4/5", "minus one", "negative ten".
    let word_sign = matches!(t.w(j), "minus" | "negative");
    let hyphen_sign = t.is_hyphen(j)
        && (t.toks[j].space_before || j == 0 || matches!(t.raw(j - 1), "<" | ">" | "=" | "("))
        && (t.kind(j + 1) == Some(TokenKind::Number) || small(t.w(j + 1)).is_some())
        && (j == 0 || t.kind(j - 1) != Some(TokenKind::Number));
    if word_sign || hyphen_sign {
        sign = -1.0;
        j += 1;
    }
    // Fractions with no leading cardinal: "half a dozen", "a half", "a fifth", "a trillionth".
    if matches!(t.w(j), "half") && matches!(t.w(j + 1), "a" | "an") && is_dozen(t.w(j + 2)) {
        return Some(NumberMatch {
            span: t.span(i, j + 3),
            tokens: (i, j + 3),
            value: sign * 6.0,
        });
    }
    if t.w(j) == "half" && j == i {
        return Some(NumberMatch {
            span: t.span(i, j + 1),
            tokens: (i, j + 1),
            value: 0.5,
        });
    }
    if matches!(t.w(j), "a" | "an") {
        if let Some((d, false, e)) = denominator(t, j + 1) {
            if scale(t.w(j + 1)).is_none() || ordinal_word(t.w(j + 1)).is_some() {
                return Some(NumberMatch {
                    span: t.span(i, e),
                    tokens: (i, e),
                    value: sign / d,
                });
            }
        }
    }
    let card = cardinal(t, j)?;
    let mut value = card.value;
    let mut end = card.end;
    // Digit fractions: "3/4", "-4/5", "2 1/4".
    if card.digits {
        if t.raw(end) == "/"
            && t.glued(end)
            && t.kind(end + 1) == Some(TokenKind::Number)
            && t.glued(end + 1)
        {
            if let (Some(d), true) = (parse_digits(t.raw(end + 1)), card.end == j + 1) {
                if d != 0.0 {
                    value /= d;
                    end += 2;
                }
            }
        } else if t.kind(end) == Some(TokenKind::Number)
            && t.raw(end + 1) == "/"
            && t.glued(end + 1)
            && t.glued(end + 2)
            && t.kind(end + 2) == Some(TokenKind::Number)
        {
            if let (Some(a), Some(b)) = (parse_digits(t.raw(end)), parse_digits(t.raw(end + 2))) {
                if b != 0.0 && a < b {
                    value += a / b;
                    end += 3;
                }
            }
        }
    }
    // Word fractions: numerator + ordinal denominator.
    if !card.digits {
        // "one hundred thirty fifths" → 100 / 35: a bare trailing tens word joins the denominator.
        if let Some(tt) = card.trailing_tens {
            let at = if t.is_hyphen(end) { end + 1 } else { end };
            if tt > j && tt + 1 == end {
                if let Some((uv, true)) = ordinal_word(t.w(at)).filter(|(v, _)| *v < 10.0) {
                    let d = small(t.w(tt)).unwrap_or(0.0) + uv;
                    return finish(t, i, at + 1, sign * card.before_tens / d);
                }
            }
        }
        let mut k = end;
        if t.is_hyphen(k) {
            k += 1;
        }
        if let Some((d, plural, e)) = denominator(t, k) {
            if plural || card.is_one {
                value /= d;
                end = e;
            }
        }
    }
    // "and a half", "and three fifths", "and two thirds".
    loop {
        if t.w(end) != "and" || !fraction_follows(t, end + 1) {
            break;
        }
        let k = end + 1;
        let (num, k2) = if matches!(t.w(k), "a" | "an") {
            (1.0, k + 1)
        } else {
            (small(t.w(k)).unwrap_or(1.0), k + 1)
        };
        let k2 = if t.is_hyphen(k2) { k2 + 1 } else { k2 };
        match denominator(t, k2) {
            Some((d, _, e)) => {
                value += num / d;
                end = e;
            }
            None => break,
        }
    }
    // "point" decimals: "two hundred point zero three", "point seventy-one".
    if t.w(end) == "point" && !card.digits {
        let mut k = end + 1;
        let mut digits = String::new();
        while let Some(v) = small(t.w(k)) {
            if v < 10.0 {
                digits.push(char::from(b'0' + v as u8));
                k += 1;
            } else {
                let c = cardinal(t, k)?;
                digits.push_str(&format!("{}", c.value as u64));
                k = c.end;
                break;
            }
        }
        if !digits.is_empty() {
            value += format!("0.{digits}").parse_f64().unwrap_or(0.0);
            end = k;
        }
    }
    // "one over three", "1 out of three", "2000 over 3" (not "over 3 years").
    if matches!(t.w(end), "over") || (t.w(end) == "out" && t.w(end + 1) == "of") {
        let k = if t.w(end) == "out" { end + 2 } else { end + 1 };
        if let Some(d) = cardinal(t, k) {
            let followed_by_word = t.kind(d.end) == Some(TokenKind::Word);
            if d.value != 0.0 && !followed_by_word {
                value /= d.value;
                end = d.end;
            }
        }
    }
    let _ = n;
    finish(t, i, end, sign * value)
}

fn finish(t: &Toks, i: usize, end: usize, value: f64) -> Option<NumberMatch> {
    (end > i).then(|| NumberMatch {
        span: t.span(i, end),
        tokens: (i, end),
        value,
    })
}

/// All cardinal numbers in `text`, left to right, longest first.
pub fn extract_numbers(text: &str) -> Vec<NumberMatch> {
    let toks = tokenize(text);
    let t = Toks::new(text, &toks);
    numbers_in(&t)
}

pub(crate) fn numbers_in(t: &Toks) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.toks.len() {
        // Lists and dotted quads inside one token: "192.168.1.2", "22,24,26,31".
        if t.kind(i) == Some(TokenKind::Number) && parse_digits(t.raw(i)).is_none() {
            let raw = t.raw(i);
            let start = t.toks[i].span.start;
            let mut off = 0;
            for part in raw.split([',', '.']) {
                if let Some(v) = part.parse_f64() {
                    let s = start + off;
                    out.push(NumberMatch {
                        span: Span::new(s, s + part.len()),
                        tokens: (i, i + 1),
                        value: v,
                    });
                }
                off += part.len() + 1;
            }
            i += 1;
            continue;
        }
        // Ordinal suffixes ("4th") and ordinal words are not cardinals.
        if t.kind(i) == Some(TokenKind::Number)
            && t.glued(i + 1)
            && matches!(t.w(i + 1), "st" | "nd" | "rd" | "th")
        {
            i += 2;
            continue;
        }
        // "one" as a pronoun: "the one", "this one", "which one", "no one", "one another".
        if t.w(i) == "one"
            && (matches!(
                t.w(i.wrapping_sub(1)),
                "the" | "this" | "that" | "which" | "no" | "any" | "every" | "each"
            ) || t.w(i + 1) == "another")
        {
            i += 1;
            continue;
        }
        match number_at(t, i) {
            Some(m) => {
                i = m.tokens.1;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// All ordinals in `text`: "21st", "twenty-first", "one hundred twenty fifth",
/// and relative ones ("last" → `end+0`, "next" → `current+1`, "penultimate" → `end-1`).
pub fn extract_ordinals(text: &str) -> Vec<OrdinalMatch> {
    let toks = tokenize(text);
    let t = Toks::new(text, &toks);
    let n = toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    // Tried in order, each longer phrase before the ones it starts with: a
    // slice of pairs, not a word set.
    let rel: &[(&[&str], &str)] = &[
        (&["the", "one", "before", "the", "last", "one"], "end-1"),
        (&["the", "one", "before", "the", "last"], "end-1"),
        (&["the", "last", "but", "one"], "end-1"),
        (&["the", "second", "to", "last"], "end-1"),
        (&["next", "to", "last"], "end-1"),
        (&["previous", "one"], "current-1"),
        (&["next", "one"], "current+1"),
        (&["current", "one"], "current+0"),
        (&["antepenultimate"], "end-2"),
        (&["penultimate"], "end-1"),
        (&["last"], "end+0"),
        (&["next"], "current+1"),
        (&["previous"], "current-1"),
        (&["current"], "current+0"),
    ];
    'outer: while i < n {
        for (words, v) in rel {
            if words.iter().enumerate().all(|(k, w)| t.w(i + k) == *w) {
                let e = i + words.len();
                out.push(OrdinalMatch {
                    span: t.span(i, e),
                    tokens: (i, e),
                    value: v.to_string(),
                });
                i = e;
                continue 'outer;
            }
        }
        if t.kind(i) == Some(TokenKind::Number)
            && t.glued(i + 1)
            && matches!(t.w(i + 1), "st" | "nd" | "rd" | "th")
        {
            if let Some(v) = t.raw(i).replace(',', "").parse_f64() {
                out.push(OrdinalMatch {
                    span: t.span(i, i + 2),
                    tokens: (i, i + 2),
                    value: fmt_num(v),
                });
            }
            i += 2;
            continue;
        }
        if let Some(m) = ordinal_phrase(&t, i) {
            i = m.tokens.1;
            // "a trillionth" is a fraction, not an ordinal.
            let fraction = m.tokens.1 == m.tokens.0 + 1
                && m.tokens.0 > 0
                && matches!(t.w(m.tokens.0 - 1), "a" | "an")
                && ordinal_word(t.w(m.tokens.0)).is_some_and(|(v, _)| v >= 100.0);
            if !fraction {
                out.push(m);
            }
            continue;
        }
        i += 1;
    }
    out
}

/// A word ordinal at `i`: "eleventh", "twenty-fifth", "one hundred twenty fifth", "three trillionth".
fn ordinal_phrase(t: &Toks, i: usize) -> Option<OrdinalMatch> {
    if let Some((v, false)) = ordinal_word(t.w(i)) {
        return Some(OrdinalMatch {
            span: t.span(i, i + 1),
            tokens: (i, i + 1),
            value: fmt_num(v),
        });
    }
    // Cardinal prefix then an ordinal word.
    let (prefix, mut k) = if matches!(t.w(i), "a" | "an") && scale(t.w(i + 1)).is_some() {
        let c = cardinal(t, i)?;
        (c.value, c.end)
    } else {
        let c = cardinal(t, i).filter(|c| !c.digits)?;
        (c.value, c.end)
    };
    // Let the cardinal give back a trailing unit/tens if the ordinal needs it.
    if t.is_hyphen(k) {
        k += 1;
    }
    if t.w(k) == "and" {
        k += 1;
    }
    let (v, false) = ordinal_word(t.w(k))? else {
        return None;
    };
    let value = if v >= 100.0 { prefix * v } else { prefix + v };
    Some(OrdinalMatch {
        span: t.span(i, k + 1),
        tokens: (i, k + 1),
        value: fmt_num(value),
    })
}

/// A percentage at `i`: "100%", "twenty percent", "per cent of twenty-two", "minus five percent".
pub(crate) fn percent_at(t: &Toks, i: usize) -> Option<(usize, f64)> {
    // Leading form: "percent of 10", "per cent of twenty-two".
    let lead = match (t.w(i), t.w(i + 1)) {
        ("percent" | "percents" | "percentage", "of") => Some(i + 2),
        ("per", "cent") if t.w(i + 2) == "of" => Some(i + 3),
        _ => None,
    };
    if let Some(k) = lead {
        let m = number_at(t, k)?;
        return Some((m.tokens.1, m.value));
    }
    let m = number_at(t, i)?;
    let e = m.tokens.1;
    let end = match (t.w(e), t.w(e + 1)) {
        ("%", _) => e + 1,
        // "3 percentage points", "2 percent points".
        ("percentage" | "percent", "point" | "points") => e + 2,
        ("percent" | "percents" | "percentage" | "pct", _) => e + 1,
        ("per", "cent") => e + 2,
        _ => return None,
    };
    Some((end, m.value))
}

/// All percentages in `text`, with their values (20.0 for "20%").
pub fn extract_percentages(text: &str) -> Vec<NumberMatch> {
    let toks = tokenize(text);
    let t = Toks::new(text, &toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((e, v)) = percent_at(&t, i) {
            out.push(NumberMatch {
                span: t.span(i, e),
                tokens: (i, e),
                value: v,
            });
            i = e;
        } else {
            i += 1;
        }
    }
    out
}

/// Decimal parsing without the standard library's float parser (smaller in wasm):
/// `[+-]digits[.digits][e[+-]digits]`, also `.5`.
pub(crate) trait ParseF64 {
    /// The value, or `None` if the text is not a plain decimal number.
    fn parse_f64(&self) -> Option<f64>;
}

impl ParseF64 for str {
    fn parse_f64(&self) -> Option<f64> {
        let b = self.as_bytes();
        let mut i = 0;
        let neg = match b.first() {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let (mut mant, mut exp10, mut digits) = (0f64, 0i32, 0);
        while i < b.len() && b[i].is_ascii_digit() {
            mant = mant * 10.0 + (b[i] - b'0') as f64;
            i += 1;
            digits += 1;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                mant = mant * 10.0 + (b[i] - b'0') as f64;
                exp10 -= 1;
                i += 1;
                digits += 1;
            }
        }
        if digits == 0 {
            return None;
        }
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            i += 1;
            let eneg = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            let mut e = 0i32;
            while i < b.len() && b[i].is_ascii_digit() {
                e = e.saturating_mul(10).saturating_add((b[i] - b'0') as i32);
                i += 1;
            }
            if i == start {
                return None;
            }
            exp10 = exp10.saturating_add(if eneg { -e } else { e });
        }
        if i != b.len() {
            return None;
        }
        let v = if exp10 >= 0 {
            mant * 10f64.powi(exp10)
        } else {
            mant / 10f64.powi(-exp10)
        };
        Some(if neg { -v } else { v })
    }
}

impl ParseF64 for String {
    fn parse_f64(&self) -> Option<f64> {
        self.as_str().parse_f64()
    }
}

/// Format a number the way the specs and the UI expect ("4", "0.5", "-1.2",
/// "1e-12"), with up to 12 significant digits and no float-formatting code.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    // Round away float noise ("65.9 billion" is 65900000000, not …00001).
    let r = v.round();
    let v = if (v - r).abs() <= 1e-9 * v.abs().max(1.0) && v.abs() >= 1.0 {
        r
    } else {
        v
    };
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let mut a = v.abs();
    // Scientific notation outside [1e-6, 1e15).
    let mut e = 0i32;
    if !(1e-6..1e15).contains(&a) {
        while a >= 10.0 {
            a /= 10.0;
            e += 1;
        }
        while a < 1.0 {
            a *= 10.0;
            e -= 1;
        }
    }
    // Twelve significant digits: integer part plus enough decimals.
    let int = a.trunc() as u64;
    let int_digits = if int == 0 {
        0
    } else {
        int.to_string().len() as u32
    };
    let decimals = 12u32.saturating_sub(int_digits).min(12);
    let scale = 10u64.pow(decimals);
    let mut frac = ((a - int as f64) * scale as f64).round() as u64;
    let mut int = int;
    if frac >= scale {
        int += 1;
        frac -= scale;
    }
    let mut s = format!("{sign}{int}");
    if frac > 0 {
        let f = format!("{frac:0width$}", width = decimals as usize);
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    if e != 0 {
        s.push_str(&format!("e{e}"));
    }
    s
}

/// Bound operators that come before a number: (phrase, lower?, inclusive?).
/// A slice, not a [`WordSet`](crate::text::WordSet): phrases are tried in
/// order, each longer one before the phrases it starts with.
const PREFIX_OPS: &[(&[&str], bool, bool)] = &[
    (&["greater", "than", "or", "equal", "to"], true, true),
    (&["more", "than", "or", "equal", "to"], true, true),
    (&["less", "than", "or", "equal", "to"], false, true),
    (&["fewer", "than", "or", "equal", "to"], false, true),
    (&["equal", "to", "or", "more", "than"], true, true),
    (&["equal", "to", "or", "greater", "than"], true, true),
    (&["equal", "to", "or", "less", "than"], false, true),
    (&["equal", "to", "or", "fewer", "than"], false, true),
    (&["at", "least", "or", "equal", "to"], true, true),
    (&["at", "most", "or", "equal", "to"], false, true),
    (&["bigger", "or", "equal", "than"], true, true),
    (&["larger", "or", "equal", "than"], true, true),
    (&["greater", "or", "equal", "than"], true, true),
    (&["higher", "or", "equal", "than"], true, true),
    (&["more", "or", "equal", "than"], true, true),
    (&["smaller", "or", "equal", "than"], false, true),
    (&["less", "or", "equal", "than"], false, true),
    (&["lower", "or", "equal", "than"], false, true),
    (&["no", "less", "than"], true, true),
    (&["not", "less", "than"], true, true),
    (&["no", "fewer", "than"], true, true),
    (&["no", "more", "than"], false, true),
    (&["not", "more", "than"], false, true),
    (&["more", "than"], true, false),
    (&["greater", "than"], true, false),
    (&["larger", "than"], true, false),
    (&["bigger", "than"], true, false),
    (&["higher", "than"], true, false),
    (&["less", "than"], false, false),
    (&["fewer", "than"], false, false),
    (&["smaller", "than"], false, false),
    (&["lower", "than"], false, false),
    (&["at", "least"], true, true),
    (&["at", "most"], false, true),
    (&["up", "to"], false, true),
    (&["as", "many", "as"], false, true),
    (&["as", "much", "as"], false, true),
    (&["over"], true, false),
    (&["above"], true, false),
    (&["exceed"], true, false),
    (&["exceeds"], true, false),
    (&["exceeding"], true, false),
    (&["surpass"], true, false),
    (&["surpassing"], true, false),
    (&["below"], false, false),
    (&["under"], false, false),
    (&[">", "="], true, true),
    (&["<", "="], false, true),
    (&[">"], true, false),
    (&["<"], false, false),
];

/// A bound: (lower?, inclusive?) or exact (None).
type Bound = (Option<(bool, bool)>, f64);

fn match_words(t: &Toks, i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| t.w(i + k) == *w)
}

/// A range operand: a number, or "the tenth".
fn operand(t: &Toks, i: usize) -> Option<(f64, usize)> {
    let k = if t.w(i) == "the" { i + 1 } else { i };
    if let Some(m) = ordinal_phrase(t, k) {
        if k > i || t.w(i) != "the" {
            return m.value.parse_f64().map(|v| (v, m.tokens.1));
        }
    }
    if k > i {
        return None;
    }
    number_at(t, i).map(|m| (m.value, m.tokens.1))
}

/// One bound at `i`: "more than 20", "20 or more", "equal to 5000 or less", "equals 20".
fn bound_at(t: &Toks, i: usize) -> Option<(Bound, usize)> {
    // "<>30", "=>30", "=<30" are not comparisons.
    if matches!(t.raw(i), "<" | ">")
        && i > 0
        && t.glued(i)
        && matches!(t.raw(i - 1), "<" | ">" | "=")
    {
        return None;
    }
    if matches!(t.raw(i), "<" | ">" | "=") && matches!(t.raw(i + 1), "<" | ">") && t.glued(i + 1) {
        return None;
    }
    for (words, lower, incl) in PREFIX_OPS {
        if match_words(t, i, words) {
            let (v, mut e) = operand(t, i + words.len())?;
            // "more than 5000 or equal (to)", "less than 5000 or equal".
            if !incl && t.w(e) == "or" && t.w(e + 1) == "equal" {
                e += 2;
                if t.w(e) == "to" && operand(t, e + 1).is_none() {
                    e += 1;
                }
                return Some(((Some((*lower, true)), v), e));
            }
            return Some(((Some((*lower, *incl)), v), e));
        }
    }
    let exact_ops: &[&[&str]] = &[
        &["equal", "to"],
        &["equals", "to"],
        &["equaling", "to"],
        &["equals"],
        &["equaling"],
    ];
    for words in exact_ops {
        if match_words(t, i, words) {
            let (v, e) = operand(t, i + words.len())?;
            if let Some(r) = suffix_op(t, e) {
                return Some(((Some(r.0), v), r.1));
            }
            return Some(((None, v), e));
        }
    }
    let (v, e) = operand(t, i)?;
    let (op, e) = suffix_op(t, e)?;
    Some(((Some(op), v), e))
}

/// "or more", "and more", "or greater (than)", "or less", "or fewer".
fn suffix_op(t: &Toks, e: usize) -> Option<((bool, bool), usize)> {
    if !matches!(t.w(e), "or" | "and") {
        return None;
    }
    let (lower, mut k) = match t.w(e + 1) {
        "more" | "greater" | "higher" | "above" | "over" | "larger" | "bigger" => (true, e + 2),
        "less" | "fewer" | "lower" | "below" | "under" | "smaller" => (false, e + 2),
        _ => return None,
    };
    if t.w(k) == "than" && operand(t, k + 1).is_none() {
        k += 1;
    } else if t.w(k) == "than" {
        return None;
    }
    Some(((lower, true), k))
}

fn interval(lo: Option<(f64, bool)>, hi: Option<(f64, bool)>) -> String {
    let (l, lb) = match lo {
        Some((v, inc)) => (fmt_num(v), if inc { "[" } else { "(" }),
        None => (String::new(), "("),
    };
    let (h, hb) = match hi {
        Some((v, inc)) => (fmt_num(v), if inc { "]" } else { ")" }),
        None => (String::new(), ")"),
    };
    format!("{lb}{l},{h}{hb}")
}

/// Lower and upper ends of an interval: (value, inclusive).
type Ends = (Option<(f64, bool)>, Option<(f64, bool)>);

fn bound_interval(b: Bound) -> Ends {
    match b.0 {
        Some((true, inc)) => (Some((b.1, inc)), None),
        Some((false, inc)) => (None, Some((b.1, inc))),
        None => (Some((b.1, true)), Some((b.1, true))),
    }
}

/// A range at `i`, if any.
pub(crate) fn range_at(t: &Toks, i: usize) -> Option<RangeMatch> {
    let mk = |e: usize, v: String| RangeMatch {
        span: t.span(i, e),
        tokens: (i, e),
        value: v,
    };
    // "between X and Y", "from X to Y".
    if matches!(t.w(i), "between" | "from") {
        let (a, e) = operand(t, i + 1)?;
        let sep = if t.w(i) == "between" { "and" } else { "to" };
        if t.w(e) == sep {
            let (b, e2) = operand(t, e + 1)?;
            if a < b {
                return Some(mk(e2, interval(Some((a, true)), Some((b, false)))));
            }
        }
        return None;
    }
    // "X-Y", "X – Y", "X to Y", "X through Y", "X~Y".
    if let Some(m) = number_at(t, i) {
        let e = m.tokens.1;
        let sep = t.raw(e);
        if matches!(sep, "-" | "–" | "—" | "~" | "to" | "through" | "thru")
            && !(i > 0 && matches!(t.raw(i - 1), "+" | "-" | "/"))
        {
            if let Some(m2) = number_at(t, e + 1) {
                let starts_zero = t.raw(e + 1).starts_with('0');
                let chained = matches!(t.raw(m2.tokens.1), "-" | "/") && t.glued(m2.tokens.1);
                if m.value < m2.value && !starts_zero && !chained {
                    return Some(mk(
                        m2.tokens.1,
                        interval(Some((m.value, true)), Some((m2.value, false))),
                    ));
                }
            }
        }
    }
    let (b1, e1) = bound_at(t, i)?;
    // Two bounds joined: "larger than 10 and smaller than 20", "at most 100 and at least 20".
    if matches!(t.w(e1), "and" | "but" | ",") {
        let k = if t.w(e1) == "," && t.w(e1 + 1) == "and" {
            e1 + 2
        } else {
            e1 + 1
        };
        if let Some((b2, e2)) = bound_at(t, k) {
            let (l1, h1) = bound_interval(b1);
            let (l2, h2) = bound_interval(b2);
            let (lo, hi) = match (l1.or(l2), h1.or(h2)) {
                (lo, hi) if l1.is_some() != l2.is_some() && h1.is_some() != h2.is_some() => {
                    (lo, hi)
                }
                _ => (None, None),
            };
            if let (Some(lo), Some(hi)) = (lo, hi) {
                if lo.0 < hi.0 {
                    return Some(mk(e2, interval(Some(lo), Some(hi))));
                }
            }
        }
    }
    let (lo, hi) = bound_interval(b1);
    Some(mk(e1, interval(lo, hi)))
}

/// All comparative ranges in `text`.
pub fn extract_ranges(text: &str) -> Vec<RangeMatch> {
    let toks = tokenize(text);
    let t = Toks::new(text, &toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match range_at(&t, i) {
            Some(m) => {
                i = m.tokens.1;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinal_table() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("one million", &[("one million", 1e6)]),
            ("1,000 people", &[("1,000", 1000.0)]),
            (
                "one hundred and sixty-one",
                &[("one hundred and sixty-one", 161.0)],
            ),
            (
                "twenty-one trillion three hundred",
                &[("twenty-one trillion three hundred", 21e12 + 300.0)],
            ),
            (
                "two hundred and two thousand",
                &[("two hundred and two thousand", 202000.0)],
            ),
            ("three quarters", &[("three quarters", 0.75)]),
            ("one and a half", &[("one and a half", 1.5)]),
            ("2  1/4", &[("2  1/4", 2.25)]),
            ("10k", &[("10k", 1e4)]),
            ("the 180ml liquid", &[]),
            ("1 234 567", &[("1 234 567", 1234567.0)]),
            ("at least four regions", &[("four", 4.0)]),
            ("$3.5bn", &[("3.5bn", 3.5e9)]),
            ("May 4th", &[]),
            ("fifty   two", &[("fifty   two", 52.0)]),
            ("twenty twenty fifths", &[("twenty twenty fifths", 0.8)]),
            (
                "one hundred thirty fifths",
                &[("one hundred thirty fifths", 100.0 / 35.0)],
            ),
            ("no one came", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, f64)> = extract_numbers(text)
                .iter()
                .map(|m| (m.span.slice(text), m.value))
                .collect();
            assert_eq!(got.len(), want.len(), "{text:?}: {got:?}");
            for ((gs, gv), (ws, wv)) in got.iter().zip(want.iter()) {
                assert_eq!(gs, ws, "{text:?}");
                assert!(
                    (gv - wv).abs() <= 1e-9 * wv.abs().max(1.0),
                    "{text:?}: {gv} vs {wv}"
                );
            }
        }
    }

    #[test]
    fn range_and_ordinal_table() {
        for (text, want) in [
            ("more than thirty years", "(30,)"),
            ("between 20 and 30", "[20,30)"),
            ("at least four", "[4,)"),
            ("up to 700 workers", "(,700]"),
            ("five hundred or more", "[500,)"),
            ("1000-5000", "[1000,5000)"),
        ] {
            assert_eq!(extract_ranges(text)[0].value, want, "{text}");
        }
        for (text, want) in [
            ("21st", "21"),
            ("twenty-fifth", "25"),
            ("the penultimate", "end-1"),
        ] {
            assert_eq!(extract_ordinals(text)[0].value, want, "{text}");
        }
    }
}
