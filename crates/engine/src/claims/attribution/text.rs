//! Tokens and sentences with code-point offsets.
//!
//! A deliberately small tokenizer: words (letters, digits, inner apostrophes,
//! hyphens and the dots of "U.S." or "Mr."), and single-character punctuation.

use crate::text::WordSet;

/// A half-open range of code-point offsets into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end-exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Whether two spans share at least one code point.
    pub fn overlaps(&self, o: &Span) -> bool {
        self.start < o.end && o.start < self.end
    }
    /// The number of code points two spans share.
    pub fn overlap_len(&self, o: &Span) -> usize {
        self.end.min(o.end).saturating_sub(self.start.max(o.start))
    }
    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, digits and inner joiners.
    Word,
    /// An opening or closing quotation mark (straight or curly).
    Quote,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is, in code points.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Lowercased text with curly apostrophes made straight.
    pub lower: String,
    /// Word, quote or punctuation.
    pub kind: TokKind,
    /// Whether a newline separates it from the previous token.
    pub after_newline: bool,
}

impl Token {
    /// Whether the token starts with an uppercase letter.
    pub fn is_cap(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Whether the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// Abbreviations whose trailing dot belongs to the word.
static ABBREV: WordSet = WordSet::new(concat!(
    "mr|", "mrs|", "ms|", "dr|", "sen|", "rep|", "gov|", "gen|", "jr|", "sr|", "st|", "lt|",
    "col|", "sgt|", "prof|", "rev|", "gop|", "vs|", "inc|", "corp|", "co|", "no|", "jan|", "feb|",
    "aug|", "sept|", "sep|", "oct|", "nov|", "dec|", "u.s|", "u.n|", "d.c|", "a.m|", "p.m|",
    "u.k|", "e.g|", "i.e|", "capt|", "cmdr|", "supt|", "adm|", "atty|", "pres|", "messrs|"
));

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Split `text` into tokens (offsets in code points).
pub fn tokenize(text: &str) -> Vec<Token> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut newline = false;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            if c == '\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            i += 1;
            while i < cs.len() {
                let d = cs[i];
                if is_word_char(d) {
                    i += 1;
                } else if matches!(d, '\'' | '’' | '-' | '.' | '&')
                    && i + 1 < cs.len()
                    && is_word_char(cs[i + 1])
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // "Mr." / "U.S." keep their final dot.
            if i < cs.len() && cs[i] == '.' {
                let w: String = cs[start..i].iter().collect::<String>().to_lowercase();
                let single_cap = i - start == 1 && cs[start].is_uppercase();
                if ABBREV.contains(&w) || single_cap {
                    i += 1;
                }
            }
            kind = TokKind::Word;
        } else if matches!(c, '\'' | '`') && i + 1 < cs.len() && cs[i + 1] == c {
            // '' and `` as double quotation marks (wire copy, Penn Treebank text)
            i += 2;
            kind = TokKind::Quote;
        } else if is_quote(c) {
            i += 1;
            kind = TokKind::Quote;
        } else {
            i += 1;
            kind = TokKind::Punct;
        }
        let t: String = cs[start..i].iter().collect();
        let lower = t.to_lowercase().replace('’', "'");
        out.push(Token {
            span: Span::new(start, i),
            text: t,
            lower,
            kind,
            after_newline: newline,
        });
        newline = false;
    }
    // An apostrophe used as a closing quote after a word ("the ‘mock’") is a quote;
    // "’s" after a word is kept as a possessive word token.
    out
}

/// Token ranges `[a, b)` of sentences: the engine's sentences
/// ([`crate::text::sentences`], the one owner of sentence splitting) over
/// these code-point tokens ([`sentences_at`]).
pub fn sentences(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let etoks = crate::text::tokenize(text);
    let starts: Vec<usize> = crate::text::sentences(text, &etoks)
        .iter()
        .map(|s| s.span.start)
        .collect();
    sentences_at(text, toks, &starts)
}

/// Token ranges `[a, b)` of the sentences that start at the byte offsets
/// `starts` (ascending; the engine's sentences, which a caller holding them
/// passes instead of splitting again). A token belongs to the sentence its
/// first code point lies in; every token is in exactly one range.
pub fn sentences_at(text: &str, toks: &[Token], starts: &[usize]) -> Vec<(usize, usize)> {
    // Each sentence's first code point (ascending).
    let mut cps = Vec::with_capacity(starts.len());
    let mut cp = 0;
    let mut bytes = text.char_indices().map(|(b, _)| b).peekable();
    for &start in starts {
        while bytes.next_if(|&b| b < start).is_some() {
            cp += 1;
        }
        cps.push(cp);
    }
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(starts.len());
    let mut cur = usize::MAX;
    for (i, t) in toks.iter().enumerate() {
        let k = cps.partition_point(|&s| s <= t.span.start);
        match out.last_mut() {
            Some(r) if k == cur => r.1 = i + 1,
            _ => {
                out.push((i, i + 1));
                cur = k;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Trump said.", &["Mr.", "Trump", "said", "."]),
            (
                "“It’s fine,” he said",
                &["“", "It’s", "fine", ",", "”", "he", "said"],
            ),
            ("the U.S. economy", &["the", "U.S.", "economy"]),
            ("well-known", &["well-known"]),
            ("''Yes,'' he said", &["''", "Yes", ",", "''", "he", "said"]),
            ("``Yes,'' he said", &["``", "Yes", ",", "''", "he", "said"]),
            ("a `b` c", &["a", "`", "b", "`", "c"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = tokenize(text).into_iter().map(|t| t.text).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn offsets_are_code_points() {
        let t = tokenize("é “a”");
        assert_eq!(t[1].span, Span::new(2, 3));
        assert_eq!(t[2].span, Span::new(3, 4));
    }

    #[test]
    fn sentence_split() {
        let cases: &[(&str, usize)] = &[
            ("He left. She stayed.", 2),
            ("Mr. Smith said so. Then he left.", 2),
            ("“It is over.” He left.", 2),
            ("“It is,” she said. “It will be.”", 2),
            // the engine's sentences: a line break ends one after a stop,
            // before a capital or at a blank line, not in a hard-wrapped line
            ("one\ntwo", 1),
            ("One\nTwo", 2),
            ("one\n\ntwo", 2),
            ("She said. ''It's a home run.''", 2),
            ("It cost 3.5 dollars.", 1),
        ];
        for (text, n) in cases {
            assert_eq!(sentences(text, &tokenize(text)).len(), *n, "{text}");
        }
        // a spaced straight quote after a stop closes an open quotation
        let text = "He wrote: \"It is over. I will miss him. \" Then he left.";
        let toks = tokenize(text);
        let firsts: Vec<&str> = sentences(text, &toks)
            .iter()
            .map(|&(a, _)| toks[a].text.as_str())
            .collect();
        assert_eq!(firsts, ["He", "I", "Then"]);
    }
}
