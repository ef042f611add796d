//! Normalised terms for lexical similarity: lowercase, ASCII-folded words
//! without stopwords, with a light suffix stemmer, and BM25 weights.

use crate::text::{Token, TokenKind, WordSet};

/// BM25 term-frequency saturation.
pub const BM25_K1: f32 = 1.2;
/// BM25 length normalisation.
pub const BM25_B: f32 = 0.75;

/// Function words that carry no subject ("the", "was", "from"…).
static STOPWORDS: WordSet = WordSet::new(concat!(
    "a|", "about|", "above|", "across|", "after|", "again|", "against|", "all|", "along|",
    "already|", "also|", "am|", "among|", "an|", "and|", "any|", "are|", "around|", "as|", "at|",
    "be|", "because|", "been|", "before|", "being|", "between|", "both|", "but|", "by|", "can|",
    "could|", "de|", "did|", "do|", "does|", "doing|", "during|", "each|", "either|", "even|",
    "ever|", "few|", "for|", "from|", "further|", "had|", "has|", "have|", "having|", "he|",
    "her|", "here|", "hers|", "him|", "his|", "how|", "i|", "if|", "in|", "into|", "is|", "it|",
    "its|", "itself|", "just|", "la|", "may|", "me|", "might|", "more|", "most|", "much|", "must|",
    "my|", "no|", "nor|", "not|", "of|", "off|", "on|", "once|", "only|", "onto|", "or|", "other|",
    "our|", "out|", "over|", "own|", "per|", "said|", "same|", "say|", "says|", "she|", "should|",
    "since|", "so|", "some|", "still|", "such|", "than|", "that|", "the|", "their|", "them|",
    "then|", "there|", "these|", "they|", "this|", "those|", "through|", "to|", "too|", "toward|",
    "towards|", "under|", "until|", "up|", "upon|", "very|", "via|", "was|", "we|", "were|",
    "what|", "when|", "where|", "which|", "while|", "who|", "whom|", "why|", "will|", "with|",
    "within|", "without|", "would|", "yet|", "you|", "your|",
));

/// True for a stopword (lowercase).
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(w)
}

/// Lowercase and fold common Latin diacritics to ASCII ("Dolmabahçe" → "dolmabahce").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' | 'č' | 'Č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' | 'İ' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                'o'
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ş' | 'Ş' | 'š' | 'Š' => 's',
            'ğ' | 'Ğ' => 'g',
            'ž' | 'Ž' => 'z',
            '’' | '\'' | '.' => continue,
            c => c,
        };
        out.push(lower_char(c));
    }
    out
}

/// Lowercase a letter of the ASCII and Latin-1 ranges (accents are folded
/// before this); other characters are kept as they are. Not
/// `char::to_lowercase`: its Unicode table (about 12 KB) would land in the
/// browser's first download, since data is not split into chunks.
pub(crate) fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        c => c,
    }
}

/// A light English suffix stemmer: plural, -ing, -ed, -ly, final -e
/// ("casualties" → "casualty", "exchanged" → "exchang", "exchange" → "exchang").
pub fn stem(w: &str) -> String {
    let mut s = w.to_string();
    let n = s.len();
    if n > 4 && s.ends_with("ies") {
        s.truncate(n - 3);
        s.push('y');
    } else if n > 4 && s.ends_with("sses") {
        s.truncate(n - 2);
    } else if n > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        s.truncate(n - 1);
    }
    let n = s.len();
    if n > 5 && s.ends_with("ing") {
        s.truncate(n - 3);
    } else if n > 4 && (s.ends_with("ed") || s.ends_with("ly")) {
        s.truncate(n - 2);
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}

/// The normalised term of a token, if it carries content (a word that is
/// not a stopword and has at least two letters).
pub fn term_of(tok: &Token, text: &str) -> Option<String> {
    if !matches!(tok.kind, TokenKind::Word | TokenKind::Abbrev) {
        return None;
    }
    let w = fold(tok.text(text));
    if w.len() < 2 || is_stopword(&w) || !w.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    Some(stem(&w))
}

/// BM25 inverse document frequency (always positive).
pub fn idf(n_docs: usize, df: usize) -> f32 {
    let n = n_docs as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25 weight of one term occurring `tf` times in a passage of `len`
/// terms, the mean passage length being `avg`.
pub fn bm25(idf: f32, tf: f32, len: f32, avg: f32) -> f32 {
    let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len / avg.max(1.0));
    idf * tf * (BM25_K1 + 1.0) / (tf + norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords() {
        assert!(is_stopword("the") && !is_stopword("casualty"));
    }

    #[test]
    fn stems() {
        for (a, b) in [
            ("casualties", "casualty"),
            ("casualty", "casualty"),
            ("exchange", "exchang"),
            ("exchanged", "exchang"),
            ("prisoners", "prisoner"),
            ("talks", "talk"),
            ("regions", "region"),
            ("status", "status"),
        ] {
            assert_eq!(stem(a), b, "{a}");
        }
        assert_eq!(fold("Dolmabahçe"), "dolmabahce");
        assert_eq!(fold("U.S."), "us");
    }

    #[test]
    fn bm25_saturates_and_prefers_short() {
        let i = idf(100, 3);
        assert!(i > idf(100, 50));
        assert!(bm25(i, 2.0, 10.0, 10.0) > bm25(i, 1.0, 10.0, 10.0));
        assert!(bm25(i, 1.0, 5.0, 10.0) > bm25(i, 1.0, 20.0, 10.0));
        assert!(bm25(i, 100.0, 10.0, 10.0) < i * (BM25_K1 + 1.0));
    }
}
