//! Tokens and sentences with exact byte spans.
//!
//! [`tokenize`] splits a text into words, numbers and punctuation without
//! changing a byte: every [`Token`] is a [`Span`] into the original text.
//! It knows English abbreviations (`U.S.`, `Mr.`, `Gen.`, `Jan.`), decimals
//! and thousands separators (`3.5`, `1,000`), possessives (`Ukraine’s` →
//! `Ukraine` + `’s`) and curly quotes. [`sentences`] groups tokens into
//! sentences, never breaking after an abbreviation that is followed by a
//! name, and always breaking at a line break between blocks.
//!
//! ```
//! use claimlens_engine::text::{sentences, tokenize, TokenKind};
//!
//! let text = "Mr. Smith met U.S. officials. Talks cost $1,000.5 in “Ukraine’s” capital.";
//! let tokens = tokenize(text);
//! let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(&words[..6], ["Mr.", "Smith", "met", "U.S.", "officials", "."]);
//! assert!(words.contains(&"1,000.5") && words.contains(&"’s"));
//! assert_eq!(tokens[3].kind, TokenKind::Abbrev);
//! let s = sentences(text, &tokens);
//! assert_eq!(s.len(), 2);
//! assert_eq!(s[1].span.slice(text), "Talks cost $1,000.5 in “Ukraine’s” capital.");
//! ```
//!
//! # The language layer
//!
//! Over those tokens, four submodules tag and group words. Attribution can
//! read the tagger and the parser: the subjects and clausal complements of
//! reporting verbs in the sentences its rules leave unattributed
//! (`claims/attribution/parse.rs`), once their weights are installed
//! (`claims::attribution::install_tagger` / `install_parser`). They are not
//! in [`crate::weights::FILES`] (the parse costs about 40 % of the native
//! analysis time), so the browser downloads none of them and attribution
//! runs on its rules alone there. The other engines do not read them yet
//! (modality and tense from the tags, noun phrases for entities and claim
//! subjects).
//!
//! - [`pos`]: Penn Treebank ([`Pos`](pos::Pos)) and Universal
//!   ([`Upos`](pos::Upos)) tag sets with small predicates (`is_modal`, `is_past`…).
//! - [`tagger`]: an averaged-perceptron tagger ([`Tagger`](tagger::Tagger))
//!   read from CLW1 weights (`data/weights/pos.clw`).
//! - [`chunk`]: rule-based base noun phrases ([`chunks`](chunk::chunks)) over the tags.
//! - [`parser`]: a greedy arc-standard dependency parser
//!   ([`Parser`](parser::Parser), `data/weights/dep.clw`).
//!
//! They are trained on UD English-EWT and the openly licensed GUM genres by
//! `claimlens train pos|dep` and scored by `claimlens eval pos|dep`
//! (`data/README.md`, "Language layer").

pub mod chunk;
mod features;
pub mod parser;
pub mod pos;
pub mod tagger;
mod wordset;

use serde::Serialize;

use super::span::Span;
pub use wordset::WordSet;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (and digits after a letter), with inner apostrophes (`don't`, `O’Brien`).
    Word,
    /// An abbreviation or initial with its dots (`U.S.`, `Mr.`, `J.`).
    Abbrev,
    /// Digits, with inner `,` / `.` separators and an optional exponent (`1,000`, `3.5`, `1e6`).
    Number,
    /// A possessive clitic (`'s`, `’s`).
    Possessive,
    /// Any other single character that is not whitespace (`.`, `“`, `-`, `$`, `%`).
    Punct,
}

/// One token: a kind, a span, and whether whitespace precedes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Bytes of the token in the text.
    pub span: Span,
    /// Word, number, punctuation…
    pub kind: TokenKind,
    /// True when whitespace (or the start of the text) comes right before it.
    pub space_before: bool,
    /// True when a line break lies between this token and the previous one.
    pub line_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// True for words and abbreviations whose first character is uppercase.
    pub fn is_capitalised(&self, text: &str) -> bool {
        if !matches!(self.kind, TokenKind::Word | TokenKind::Abbrev) {
            return false;
        }
        // The rules ask this of most tokens, several times: an ASCII first
        // byte is its own character, read without slicing the text.
        match text.as_bytes().get(self.span.start) {
            Some(&b) if b.is_ascii() && self.span.start < self.span.end => b.is_ascii_uppercase(),
            _ => self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }
}

/// A sentence: its span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// From the first to the last token of the sentence.
    pub span: Span,
    /// Index of the first token.
    pub first_token: usize,
    /// One past the index of the last token.
    pub end_token: usize,
}

/// Abbreviations that keep their final dot (compared case-sensitively,
/// without the dot). Titles among them never end a sentence.
static TITLE_ABBREVS: WordSet = WordSet::new(concat!(
    "Mr|", "Mrs|", "Ms|", "Dr|", "Prof|", "Gen|", "Lt|", "Col|", "Maj|", "Capt|", "Cmdr|", "Adm|",
    "Sgt|", "Cpl|", "Pvt|", "Gov|", "Sen|", "Rep|", "Rev|", "Hon|", "Pres|", "Supt|", "Insp|",
    "Brig|", "Fr|", "St|", "Sr|", "Jr|", "Mt|", "Ft|", "Messrs|", "Mme|", "Mlle|",
));
static OTHER_ABBREVS: WordSet = WordSet::new(concat!(
    "Jan|", "Feb|", "Mar|", "Apr|", "Jun|", "Jul|", "Aug|", "Sep|", "Sept|", "Oct|", "Nov|",
    "Dec|", "Inc|", "Ltd|", "Co|", "Corp|", "Bros|", "No|", "Nos|", "nos|", "nr|", "nrs|", "vs|",
    "etc|", "approx|", "est|", "Dept|", "Univ|", "Assn|", "Ave|", "Blvd|", "Rd|", "Vol|", "vol|",
    "pp|", "p|", "Fig|", "fig|", "cf|", "al|", "e.g|", "i.e|", "a.m|", "p.m|", "Ph.D|", "ca|",
    "Op|", "Art|", "Sec|", "Govt|", // US state abbreviations (AP style).
    "Ala|", "Ariz|", "Ark|", "Calif|", "Colo|", "Conn|", "Del|", "Fla|", "Ga|", "Ill|", "Ind|",
    "Kan|", "Ky|", "La|", "Md|", "Mass|", "Mich|", "Minn|", "Miss|", "Mo|", "Mont|", "Neb|",
    "Nev|", "Okla|", "Ore|", "Pa|", "Tenn|", "Tex|", "Va|", "Vt|", "Wash|", "Wis|", "Wyo|",
));

/// True when `word` (without its dot) is a title abbreviation such as `Mr` or `Gen`.
pub fn is_title_abbrev(word: &str) -> bool {
    TITLE_ABBREVS.contains(word.trim_end_matches('.'))
}

/// The Unicode direction-control characters: the explicit embeddings,
/// overrides and isolates (U+202A–202E, U+2066–2069), which reorder the
/// text after them, and the marks U+200E, U+200F and U+061C, which change
/// how the text around them is ordered. All are invisible. Each with its
/// short name and its Unicode name.
pub const BIDI_CONTROLS: [(char, &str, &str); 12] = [
    ('\u{202A}', "LRE", "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RLE", "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "PDF", "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LRO", "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RLO", "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2066}', "LRI", "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RLI", "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FSI", "FIRST STRONG ISOLATE"),
    ('\u{2069}', "PDI", "POP DIRECTIONAL ISOLATE"),
    ('\u{200E}', "LRM", "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RLM", "RIGHT-TO-LEFT MARK"),
    ('\u{061C}', "ALM", "ARABIC LETTER MARK"),
];

/// The short name of a direction-control character ([`BIDI_CONTROLS`]),
/// or `None` for any other character.
///
/// ```
/// use claimlens_engine::text::bidi_control;
///
/// assert_eq!(bidi_control('\u{202E}'), Some("RLO"));
/// assert_eq!(bidi_control('\u{200F}'), Some("RLM"));
/// assert_eq!(bidi_control('a'), None);
/// ```
pub fn bidi_control(c: char) -> Option<&'static str> {
    // Every one of them is U+061C or in U+200E..=U+2069.
    if c != '\u{061C}' && !('\u{200E}'..='\u{2069}').contains(&c) {
        return None;
    }
    BIDI_CONTROLS
        .iter()
        .find(|(b, _, _)| *b == c)
        .map(|(_, short, _)| *short)
}

/// ISO 4217 codes of the currencies news most often writes before an
/// amount ("SGD1.75 billion", "EUR 30m").
const CURRENCY_CODES: [&str; 28] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "AUD", "CAD", "NZD", "HKD", "SGD",
    "RUB", "UAH", "TRY", "KRW", "ILS", "ZAR", "BRL", "NGN", "SEK", "NOK", "DKK", "PLN", "MXN",
    "AED", "SAR",
];

/// The ISO code `w` is, when it is one of the currency codes written
/// before amounts (upper case only: "try" is a word).
///
/// ```
/// use claimlens_engine::text::currency_code;
///
/// assert_eq!(currency_code("SGD"), Some("SGD"));
/// assert_eq!(currency_code("RMB"), Some("CNY"));
/// assert_eq!(currency_code("try"), None);
/// ```
pub fn currency_code(w: &str) -> Option<&'static str> {
    // Asked of most words (numeric candidates start at any code): a code
    // has three letters, so other words need no search.
    if w.len() != 3 {
        return None;
    }
    let code = CURRENCY_CODES.iter().find(|c| **c == w)?;
    Some(if *code == "RMB" { "CNY" } else { code })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Split `text` into tokens. Whitespace (with any combining marks or
/// joiners attached to it) is skipped; every other byte belongs to exactly
/// one token, and tokens start and end on grapheme-cluster boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let b = text.as_bytes();
    let n = text.len();
    let mut i = 0;
    let mut space = true;
    let mut line = false;
    // Next char at byte i.
    let ch = |i: usize| text[i..].chars().next();
    while i < n {
        let c = ch(i).expect("in range");
        // Marks and joiners after whitespace attach to the space, not to a
        // token, so that no token starts inside a grapheme cluster.
        if c.is_whitespace()
            || c.is_control()
            || c == '\u{feff}'
            || c == '\u{200b}'
            || (space && extends_cluster(c))
        {
            space = true;
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                line = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() || (c == '.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && space)
        {
            // Number: digits ([.,] digits)* ; a leading '.' only after a space.
            let mut j = i;
            if b[j] == b'.' {
                j += 1;
            }
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            while j + 1 < n && (b[j] == b'.' || b[j] == b',') && b[j + 1].is_ascii_digit() {
                j += 1;
                while j < n && b[j].is_ascii_digit() {
                    j += 1;
                }
            }
            // Exponent: e10, e+14, e-1.
            if j < n && (b[j] == b'e' || b[j] == b'E') {
                let mut k = j + 1;
                if k < n && (b[k] == b'+' || b[k] == b'-') {
                    k += 1;
                }
                let digits = k;
                while k < n && b[k].is_ascii_digit() {
                    k += 1;
                }
                if k > digits && !(k < n && (b[k] as char).is_ascii_alphabetic()) {
                    j = k;
                }
            }
            i = j;
            kind = TokenKind::Number;
        } else if c.is_alphabetic() || c.is_numeric() {
            // Possessive clitic directly after a word: handled below when we see the apostrophe.
            let mut j = i + c.len_utf8();
            while let Some(d) = ch(j).filter(|_| j < n) {
                if d.is_alphanumeric() || d == '\u{200d}' || is_mark(d) {
                    j += d.len_utf8();
                } else if is_apostrophe(d) {
                    // Inner apostrophe joins letters (don't, O’Brien) unless it starts a possessive 's.
                    let after = j + d.len_utf8();
                    let next = ch(after).filter(|_| after < n);
                    let possessive = matches!(next, Some('s' | 'S'))
                        && !ch(after + 1)
                            .filter(|_| after + 1 < n)
                            .is_some_and(char::is_alphanumeric);
                    if next.is_some_and(char::is_alphabetic) && !possessive {
                        j = after;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // A currency code glued to its amount ("SGD1.75bn") is a word of
            // its own before the number.
            if j > i + 3 && b[i + 3].is_ascii_digit() && currency_code(&text[i..i + 3]).is_some() {
                j = i + 3;
            }
            // Abbreviations: single letters joined by dots (U.S., U.S.A., J.), known abbreviations.
            kind = match abbrev_end(text, i, j) {
                Some(e) => {
                    j = e;
                    TokenKind::Abbrev
                }
                None => TokenKind::Word,
            };
            i = j;
        } else if is_apostrophe(c)
            && !space
            && matches!(b.get(i + c.len_utf8()), Some(b's' | b'S'))
            && !ch(i + c.len_utf8() + 1)
                .filter(|_| i + c.len_utf8() + 1 < n)
                .is_some_and(char::is_alphanumeric)
            && out
                .last()
                .is_some_and(|t: &Token| t.kind != TokenKind::Punct)
        {
            i += c.len_utf8() + 1;
            kind = TokenKind::Possessive;
        } else {
            i += c.len_utf8();
            kind = TokenKind::Punct;
        }
        // A token never ends inside a grapheme cluster: marks, joiners and
        // modifiers after it belong to it, so highlights keep them whole.
        i = cluster_end(text, start, i);
        out.push(Token {
            span: Span::new(start, i),
            kind,
            space_before: space,
            line_before: line,
        });
        space = false;
        line = false;
    }
    out
}

fn is_mark(c: char) -> bool {
    // Combining diacritical marks (decomposed accents) stay inside the word.
    matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Characters that continue the grapheme cluster before them: combining
/// marks, the zero-width joiner, variation selectors, emoji skin-tone
/// modifiers and tag characters (an approximation of Grapheme_Extend that
/// covers what news text meets).
pub fn extends_cluster(c: char) -> bool {
    is_mark(c)
        || matches!(c as u32, 0x200d | 0xfe00..=0xfe0f | 0x1f3fb..=0x1f3ff | 0xe0020..=0xe007f | 0xe0100..=0xe01ef)
}

fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2bff | 0x1f000..=0x1faff)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1f1e6..=0x1f1ff)
}

/// Where the grapheme cluster that holds the token `start..end`'s last
/// character ends: past any marks, joiners and modifiers, a pictograph
/// joined by a ZWJ (👨‍👩‍👧), and the second half of a flag (🇺🇦).
fn cluster_end(text: &str, start: usize, end: usize) -> usize {
    let mut j = end;
    let mut prev = text[start..end].chars().next_back();
    // Tokens are made left to right and a flag's first half takes its
    // second, so a token that is one regional indicator starts a flag.
    let flag_half =
        prev.is_some_and(is_regional_indicator) && text[start..end].chars().count() == 1;
    if flag_half {
        if let Some(c) = text[j..]
            .chars()
            .next()
            .filter(|c| is_regional_indicator(*c))
        {
            j += c.len_utf8();
            prev = Some(c);
        }
    }
    let mut pictograph = text[start..j].chars().any(is_pictograph);
    for c in text[j..].chars() {
        let joined = prev == Some('\u{200d}') && pictograph && is_pictograph(c);
        if !(extends_cluster(c) || joined) {
            break;
        }
        pictograph |= joined;
        j += c.len_utf8();
        prev = Some(c);
    }
    j
}

/// If the word at `start..end` is an abbreviation, where it ends (after its dot).
fn abbrev_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(end) != Some(&b'.') {
        return None;
    }
    let word = &text[start..end];
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    if single_letter {
        // Chain of single letters and dots: U.S., U.S.A., e.g., i.e.
        let mut j = end + 1;
        loop {
            let mut it = text[j..].chars();
            match (it.next(), it.next()) {
                (Some(l), Some('.')) if l.is_alphabetic() => j += l.len_utf8() + 1,
                _ => break,
            }
        }
        // A lone lowercase letter with a dot ("a.") is a word at a sentence end, not an initial.
        if j == end + 1 && word.chars().all(char::is_lowercase) {
            return None;
        }
        // Not followed by more letters (that would be "U.Sx").
        if text[j..].chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        return Some(j);
    }
    if TITLE_ABBREVS.contains(word) || OTHER_ABBREVS.contains(word) {
        // "No." only before a number.
        if matches!(
            word,
            "No" | "Nos" | "nos" | "nr" | "nrs" | "Art" | "Op" | "Sec" | "p" | "pp"
        ) {
            let rest = text[end + 1..].trim_start();
            if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
        }
        return Some(end + 1);
    }
    None
}

/// Words that start a new sentence after an abbreviation such as `U.S.`.
static SENTENCE_STARTERS: WordSet = WordSet::new(concat!(
    "The|",
    "A|",
    "An|",
    "It|",
    "He|",
    "She|",
    "They|",
    "We|",
    "I|",
    "You|",
    "This|",
    "That|",
    "These|",
    "Those|",
    "But|",
    "And|",
    "In|",
    "On|",
    "At|",
    "For|",
    "However|",
    "Meanwhile|",
    "There|",
    "His|",
    "Her|",
    "Their|",
    "Its|",
    "Our|",
    "After|",
    "Before|",
    "When|",
    "While|",
    "If|",
    "As|",
    "So|",
    "Yet|",
    "Still|",
    "Some|",
    "Many|",
    "Most|",
    "Such|",
));

/// Whether a straight double quote is open before each token: `"` marks
/// toggle it, a line break (`line`) closes it. [`sentences`] reads it to
/// attach a spaced closing `"` to the sentence before it.
fn straight_quote_open<T>(
    tokens: &[T],
    line: impl Fn(&T) -> bool,
    straight: impl Fn(&T) -> bool,
) -> Vec<bool> {
    let mut open = false;
    tokens
        .iter()
        .map(|t| {
            if line(t) {
                open = false;
            }
            let before = open;
            if straight(t) {
                open = !open;
            }
            before
        })
        .collect()
}

/// Group tokens into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets after it) when the next token starts a new sentence (uppercase,
/// a digit, an opening quote), and always at a blank line or a line break
/// after a line that reads like a heading or ends a sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let push = |out: &mut Vec<Sentence>, a: usize, b: usize| {
        if a < b {
            out.push(Sentence {
                span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
                first_token: a,
                end_token: b,
            });
        }
    };
    // A spaced `"` after a stop closes an open one ("… I will miss Steve
    // immensely. \" The current …").
    let straight_open = straight_quote_open(tokens, |t| t.line_before, |t| t.text(text) == "\"");
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if i > first && t.line_before {
            // A line break ends a sentence unless the line was hard-wrapped mid-sentence.
            let prev = &tokens[i - 1];
            let gap = &text[prev.span.end..t.span.start];
            let blank = gap.matches('\n').count() >= 2 || gap.contains("\n\r\n");
            let prev_ends = matches!(prev.text(text), "." | "!" | "?" | "…" | ":" | "”" | "\"");
            let starts_upper = t
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase());
            if blank || prev_ends || starts_upper {
                push(&mut out, first, i);
                first = i;
            }
        }
        let s = t.text(text);
        let terminal = matches!(s, "." | "!" | "?" | "…" | "‽")
            || (t.kind == TokenKind::Abbrev && !is_title_abbrev(s) && s.len() > 2);
        if terminal {
            // Absorb runs of terminal punctuation and closing quotes/brackets.
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].space_before
                && matches!(
                    tokens[j].text(text),
                    "." | "!" | "?" | "…" | "”" | "’" | "\"" | "'" | ")" | "]" | "»"
                )
            {
                j += 1;
            }
            if j < tokens.len()
                && tokens[j].text(text) == "\""
                && straight_open[j]
                && !tokens[j].line_before
                && tokens
                    .get(j + 1)
                    .is_none_or(|n| n.space_before || n.line_before)
            {
                j += 1;
            }
            let ends = match tokens.get(j) {
                None => true,
                Some(next) => {
                    let ns = next.text(text);
                    let c0 = ns.chars().next().unwrap_or(' ');
                    // An opening quotation may be written with apostrophes
                    // ("''It's a home run.''", "'We won'").
                    let quoted_upper = || {
                        text[next.span.start..]
                            .trim_start_matches('\'')
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                    };
                    let new_start = next.space_before
                        && (c0.is_uppercase()
                            || c0.is_ascii_digit()
                            || matches!(c0, '“' | '"' | '‘' | '(' | '[')
                            || (c0 == '\'' && quoted_upper()));
                    if t.kind == TokenKind::Abbrev {
                        // "U.S. officials" continues; "U.S. The talks" ends.
                        new_start && SENTENCE_STARTERS.contains(ns)
                    } else {
                        new_start || next.line_before
                    }
                }
            };
            if ends {
                push(&mut out, first, j);
                first = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, first, tokens.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens (and so highlights) never end or start inside a grapheme
    /// cluster: numbers and punctuation keep their marks, emoji their
    /// modifiers and ZWJ sequences, flags both halves; marks after a space
    /// stay with the space.
    #[test]
    fn tokens_keep_grapheme_clusters_whole() {
        assert_eq!(toks("2025\u{301} talks"), ["2025\u{301}", "talks"]);
        assert_eq!(toks("Kyiv\u{301}."), ["Kyiv\u{301}", "."]);
        assert_eq!(toks("ok 👍🏽!"), ["ok", "👍🏽", "!"]);
        assert_eq!(
            toks("a 👨\u{200d}👩\u{200d}👧 b"),
            ["a", "👨\u{200d}👩\u{200d}👧", "b"]
        );
        assert_eq!(toks("🇺🇦🇷🇺"), ["🇺🇦", "🇷🇺"]);
        assert_eq!(toks("❤\u{fe0f} NATO"), ["❤\u{fe0f}", "NATO"]);
        assert_eq!(toks("a \u{301}\u{200d}b"), ["a", "b"]);
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    /// Capitalised words and abbreviations, ASCII or not; numbers and
    /// punctuation never are.
    #[test]
    fn capitalised_tokens() {
        let text = "Paris paris Émile émile U.S. e.g. 1999 İstanbul ßtraße \"Quote 'Ok";
        let got: Vec<(&str, bool)> = tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.is_capitalised(text)))
            .collect();
        let want = [
            ("Paris", true),
            ("paris", false),
            ("Émile", true),
            ("émile", false),
            ("U.S.", true),
            ("e.g.", false),
            ("1999", false),
            ("İstanbul", true),
            ("ßtraße", false),
            ("\"", false),
            ("Quote", true),
            ("'", false),
            ("Ok", true),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("SGD1.75-billion", &["SGD", "1.75", "-", "billion"]),
            ("USD2.5 bn", &["USD", "2.5", "bn"]),
            (
                "MP3 and ABC1 and SGD",
                &["MP3", "and", "ABC1", "and", "SGD"],
            ),
            ("U.S. troops", &["U.S.", "troops"]),
            ("the U.S.A. and U.K.", &["the", "U.S.A.", "and", "U.K."]),
            ("Mr. Smith", &["Mr.", "Smith"]),
            ("Gen. Mark Milley", &["Gen.", "Mark", "Milley"]),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            ("1,000 people", &["1,000", "people"]),
            ("3.5 million", &["3.5", "million"]),
            ("192.168.1.2", &["192.168.1.2"]),
            ("costs $20.", &["costs", "$", "20", "."]),
            ("Ukraine’s war", &["Ukraine", "’s", "war"]),
            ("Ukraine's war", &["Ukraine", "'s", "war"]),
            ("the States’ role", &["the", "States", "’", "role"]),
            ("don't O’Brien", &["don't", "O’Brien"]),
            ("Russia-China", &["Russia", "-", "China"]),
            ("21-year", &["21", "-", "year"]),
            ("“Hi,” he said.", &["“", "Hi", ",", "”", "he", "said", "."]),
            ("10k 1e10 1.3e6", &["10", "k", "1e10", "1.3e6"]),
            (".08 and 4.", &[".08", "and", "4", "."]),
            ("No. 5 No way", &["No.", "5", "No", "way"]),
            ("It was a. Then", &["It", "was", "a", ".", "Then"]),
            ("😀 emoji", &["😀", "emoji"]),
        ];
        for (text, want) in cases {
            assert_eq!(&toks(text), want, "{text:?}");
        }
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("One. Two.", &["One.", "Two."]),
            ("Mr. Smith left. He sat.", &["Mr. Smith left.", "He sat."]),
            (
                "U.S. troops left. They sat.",
                &["U.S. troops left.", "They sat."],
            ),
            (
                "It is in the U.S. The end.",
                &["It is in the U.S.", "The end."],
            ),
            ("He said “no.” She left.", &["He said “no.”", "She left."]),
            ("Pi is 3.14 today. Yes!", &["Pi is 3.14 today.", "Yes!"]),
            ("Heading\nText here.", &["Heading", "Text here."]),
            ("wrapped\nline.", &["wrapped\nline."]),
            ("Why? Because.", &["Why?", "Because."]),
            // a spaced straight quote after a stop closes an open quotation
            (
                "He wrote: \"It is over. I will miss him. \" Then he left.",
                &[
                    "He wrote: \"It is over.",
                    "I will miss him. \"",
                    "Then he left.",
                ],
            ),
            // an opening quotation written with apostrophes
            (
                "Ms. Tanzer said so. ''It's a home run.''",
                &["Ms. Tanzer said so.", "''It's a home run.''"],
            ),
            (
                "He said 'no'. 'We won', she said.",
                &["He said 'no'.", "'We won', she said."],
            ),
            (
                "It was the '90s. 'tis fine.",
                &["It was the '90s. 'tis fine."],
            ),
            // … but opens one when none is open
            (
                "He left. \"It is over,\" she said.",
                &["He left.", "\"It is over,\" she said."],
            ),
        ];
        for (text, want) in cases {
            let t = tokenize(text);
            let got: Vec<&str> = sentences(text, &t)
                .iter()
                .map(|s| s.span.slice(text))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn spans_cover_non_space() {
        let text = "  a\u{0}b ‏שלום‎ 😀👍🏽 \r\n x ";
        let t = tokenize(text);
        for tok in &t {
            assert!(text.is_char_boundary(tok.span.start) && text.is_char_boundary(tok.span.end));
            assert!(!tok.span.is_empty());
        }
    }
}
