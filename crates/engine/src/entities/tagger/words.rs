//! A small Universal-Dependencies-style word tokeniser for the name tagger.
//!
//! Words are runs of letters/digits; hyphens and most punctuation are split
//! off as their own tokens (as in UD English), clitics `'s n't 're 've 'll 'd
//! 'm` are split, abbreviations with internal periods ("U.S.", "e.g.") and a
//! short list of titles ("Dr.", "Mr.") keep their final period, numbers keep
//! internal `.`/`,` ("3.5", "1,000"), and `@handles`, `#tags`, e-mail
//! addresses and URLs stay whole.

use crate::text::WordSet;

/// Token spans as byte ranges `(start, end)` into `text`.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::new();
    // The whitespace-delimited chunk the scan is in (char index one past
    // its end), and the byte offsets of its last '@' and last '.': found
    // once per chunk, not again at each of its tokens.
    let (mut chunk_end, mut last_at, mut last_dot) = (0, None, None);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // Whitespace-delimited chunk, for URLs, e-mails and handles.
        if i >= chunk_end {
            chunk_end = i;
            while chunk_end < n && !chars[chunk_end].1.is_whitespace() {
                chunk_end += 1;
            }
            (last_at, last_dot) = last_at_and_dot(&text.as_bytes()[chars[i].0..end_of(chunk_end)]);
            last_at = last_at.map(|k| chars[i].0 + k);
            last_dot = last_dot.map(|k| chars[i].0 + k);
        }
        let j = chunk_end;
        let chunk = &text.as_bytes()[chars[i].0..end_of(j)];
        let starts = |p: &[u8]| {
            chunk
                .get(..p.len())
                .is_some_and(|c| c.eq_ignore_ascii_case(p))
        };
        let at = chars[i].0;
        // An '@' after the chunk's first character, and a '.'.
        let mail = c != '@' && last_at.is_some_and(|k| k > at) && last_dot.is_some_and(|k| k >= at);
        if starts(b"http://") || starts(b"https://") || starts(b"www.") || mail {
            // Strip trailing punctuation from URLs/e-mails.
            let mut e = j;
            while e > i + 1
                && matches!(
                    chars[e - 1].1,
                    '.' | ',' | ')' | ';' | ':' | '!' | '?' | '"' | '\''
                )
            {
                e -= 1;
            }
            out.push((chars[i].0, end_of(e)));
            i = e;
            continue;
        }
        if (c == '@' || c == '#') && i + 1 < n && chars[i + 1].1.is_alphanumeric() {
            let mut e = i + 1;
            while e < n && (chars[e].1.is_alphanumeric() || chars[e].1 == '_') {
                e += 1;
            }
            out.push((chars[i].0, end_of(e)));
            i = e;
            continue;
        }
        if c.is_alphanumeric() {
            let mut e = i;
            loop {
                while e < n && (chars[e].1.is_alphanumeric() || chars[e].1 == '\u{0301}') {
                    e += 1;
                }
                // Internal '.' or ',' between digits; internal '.' in abbreviations (U.S.).
                if e + 1 < n
                    && matches!(chars[e].1, '.' | ',')
                    && chars[e + 1].1.is_ascii_digit()
                    && chars[e - 1].1.is_ascii_digit()
                {
                    e += 1;
                    continue;
                }
                if e + 1 < n
                    && chars[e].1 == '.'
                    && chars[e + 1].1.is_alphabetic()
                    && e - i == 1
                    && e + 2 <= n
                    && (e + 2 == n || chars[e + 2].1 == '.')
                {
                    // "U.S", "e.g": single letters joined by periods.
                    e += 1;
                    continue;
                }
                // Apostrophes inside a word (O'Brien), but not clitics.
                if e + 1 < n && matches!(chars[e].1, '\'' | '’') && chars[e + 1].1.is_alphabetic()
                {
                    let rest: String = chars[e + 1..n.min(e + 4)]
                        .iter()
                        .map(|x| x.1.to_ascii_lowercase())
                        .collect();
                    let clitic = ["s", "re", "ve", "ll", "d", "m", "t"].iter().any(|cl| {
                        rest.starts_with(cl)
                            && !rest[cl.len()..].starts_with(|ch: char| ch.is_alphabetic())
                    });
                    if !clitic {
                        e += 1;
                        continue;
                    }
                }
                break;
            }
            // Keep a final period for abbreviations ("U.S.", "Dr.", "Inc.").
            if e < n && chars[e].1 == '.' {
                let word = &text[chars[i].0..chars[e].0];
                let lw = word.to_lowercase();
                let abbrev = word.contains('.')
                    || (word.chars().count() == 1 && word.chars().all(|ch| ch.is_uppercase()))
                    || ABBREVIATIONS.contains(&lw);
                if abbrev {
                    e += 1;
                }
            }
            // "n't": split "don't" into "do" + "n't".
            if e < n
                && matches!(chars[e].1, '\'' | '’')
                && e > i + 1
                && e + 1 < n
                && chars[e + 1].1.eq_ignore_ascii_case(&'t')
                && chars[e - 1].1.eq_ignore_ascii_case(&'n')
            {
                out.push((chars[i].0, chars[e - 1].0));
                out.push((chars[e - 1].0, end_of(e + 2)));
                i = e + 2;
                continue;
            }
            out.push((chars[i].0, end_of(e)));
            i = e;
            continue;
        }
        if matches!(c, '\'' | '’')
            && i + 1 < n
            && chars[i + 1].1.is_alphabetic()
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            // Clitic: 's 're 've 'll 'd 'm.
            let mut e = i + 1;
            while e < n && chars[e].1.is_alphabetic() {
                e += 1;
            }
            out.push((chars[i].0, end_of(e)));
            i = e;
            continue;
        }
        // Runs of the same punctuation ("...", "--") stay together.
        let mut e = i + 1;
        while e < n && chars[e].1 == c && matches!(c, '.' | '-' | '!' | '?' | '*' | '=') {
            e += 1;
        }
        out.push((chars[i].0, end_of(e)));
        i = e;
    }
    out
}

/// The byte offsets of the last '@' and the last '.' in `chunk`, in one
/// pass (ASCII bytes are never part of another UTF-8 character).
fn last_at_and_dot(chunk: &[u8]) -> (Option<usize>, Option<usize>) {
    let (mut at, mut dot) = (None, None);
    for (k, &b) in chunk.iter().enumerate() {
        if b == b'@' {
            at = Some(k);
        } else if b == b'.' {
            dot = Some(k);
        }
    }
    (at, dot)
}

/// Lower-case words that keep a following period.
static ABBREVIATIONS: WordSet = WordSet::new(concat!(
    "mr|", "mrs|", "ms|", "dr|", "prof|", "st|", "jr|", "sr|", "inc|", "ltd|", "co|", "corp|",
    "gen|", "col|", "lt|", "sgt|", "capt|", "gov|", "sen|", "rep|", "rev|", "no|", "vs|", "etc|",
    "jan|", "feb|", "mar|", "apr|", "aug|", "sep|", "sept|", "oct|", "nov|", "dec|", "mt|", "ft|",
    "u.s|", "u.k|", "e.g|", "i.e|", "dept|", "univ|", "bros|", "adm|", "maj|", "cmdr|",
));

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn last_at_and_dot_table() {
        for (chunk, at, dot) in [
            ("", None, None),
            ("word", None, None),
            ("a@b.c", Some(1), Some(3)),
            ("x.y@z", Some(3), Some(1)),
            ("@é.é@", Some(6), Some(3)),
            ("U.S.", None, Some(3)),
        ] {
            assert_eq!(
                last_at_and_dot(chunk.as_bytes()),
                (chunk.rfind('@'), chunk.rfind('.')),
                "{chunk}"
            );
            assert_eq!(last_at_and_dot(chunk.as_bytes()), (at, dot), "{chunk}");
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Dr. Smith met the U.S. envoy.",
                &["Dr.", "Smith", "met", "the", "U.S.", "envoy", "."],
            ),
            (
                "Obama's aides don't know.",
                &["Obama", "'s", "aides", "do", "n't", "know", "."],
            ),
            (
                "O'Brien paid $3.5 million, or 1,000.",
                &[
                    "O'Brien", "paid", "$", "3.5", "million", ",", "or", "1,000", ".",
                ],
            ),
            (
                "Bailey-Ross (UK) said: \"no\"",
                &[
                    "Bailey", "-", "Ross", "(", "UK", ")", "said", ":", "\"", "no", "\"",
                ],
            ),
            (
                "See https://x.org/a. Or a@b.com, @user #tag",
                &[
                    "See",
                    "https://x.org/a",
                    ".",
                    "Or",
                    "a@b.com",
                    ",",
                    "@user",
                    "#tag",
                ],
            ),
            (
                "Wait... İstanbul — ok",
                &["Wait", "...", "İstanbul", "—", "ok"],
            ),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }
}
