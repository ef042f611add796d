//! The top of a text or Markdown article: a headline line, a byline and a
//! dateline, read as the document's title, byline and date instead of
//! being left as body text (or mistaken for a heading).
//!
//! A first line is a title only when it looks like one: short, no final
//! period or comma, one sentence at most, not a list item or a quotation,
//! and followed by more text (or a Markdown `# ` heading). Lines are read
//! through Markdown emphasis and links, so pasted Markdown works too. Bylines are "By X", "By X | date" (also with
//! `·`, `-`, `—` or `,` between), and "X, Reuters" (a name, then a news
//! agency or a reporter's role); a dateline is a line that is only a date,
//! optionally with a weekday, a time, a time zone and "Published" or
//! "Updated".
//!
//! ```
//! use claimlens_core::intake::read_lead;
//!
//! let lead = read_lead("Harbour bridge reopens\nBy Anna Schmidt | 2 March 2026\n\nThe bridge reopened on Monday.\n", true);
//! assert_eq!(lead.title.as_deref(), Some("Harbour bridge reopens"));
//! assert_eq!(lead.byline.as_deref(), Some("Anna Schmidt"));
//! assert_eq!(lead.date.as_deref(), Some("2 March 2026"));
//! assert_eq!(lead.body, "The bridge reopened on Monday.\n");
//!
//! // A first line that is a sentence stays in the text.
//! let lead = read_lead("The bridge reopened on Monday, officials said.\nTraffic was light.\n", true);
//! assert_eq!(lead.title, None);
//! ```

use super::markdown::inline;
use crate::entities::{MONTHS, WEEKDAYS, WEEKDAY_ABBREVIATIONS};
use crate::text::WordSet;

/// What [`read_lead`] found at the top of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lead {
    /// The headline, when the first line is one.
    pub title: Option<String>,
    /// The author line, without "By".
    pub byline: Option<String>,
    /// The date as written.
    pub date: Option<String>,
    /// The text without the lines read as title, byline or date.
    pub body: String,
}

/// How many non-blank lines at the top may hold a byline or a dateline.
const LEAD_LINES: usize = 5;
/// A lead line longer than this (bytes) is body text: a byline has at most
/// 160 characters, a date line 60, a title 160 (320 as a Markdown heading),
/// with room for Markdown links around them.
const LEAD_LINE_MAX_BYTES: usize = 8 * 1024;
/// A headline has at most this many words…
const TITLE_MAX_WORDS: usize = 20;
/// …and at most this many characters.
const TITLE_MAX_CHARS: usize = 160;

/// News agencies named after a byline's comma ("Anna Schmidt, Reuters").
static AGENCIES: WordSet = WordSet::new(concat!(
    "reuters|",
    "ap|",
    "associated press|",
    "the associated press|",
    "afp|",
    "agence france-presse|",
    "agence france presse|",
    "bloomberg|",
    "bloomberg news|",
    "pa|",
    "pa media|",
    "press association|",
    "dpa|",
    "efe|",
    "ansa|",
    "upi|",
    "xinhua|",
    "kyodo|",
    "anadolu|",
    "tass|",
    "interfax|",
    "bbc news|",
    "cnn|",
    "al jazeera|"
));

/// Words naming a reporter's role ("Anna Schmidt, Berlin correspondent").
static ROLES: WordSet = WordSet::new(concat!(
    "correspondent|",
    "reporter|",
    "editor|",
    "writer|",
    "staff|",
    "journalist|",
    "columnist|",
    "contributor|",
    "bureau|"
));

/// Lower-case words that may sit inside a person's name.
static NAME_PARTICLES: WordSet = WordSet::new(concat!(
    "de|", "del|", "della|", "der|", "den|", "di|", "da|", "do|", "dos|", "du|", "la|", "le|",
    "van|", "von|", "bin|", "ibn|", "al|", "el|", "and|", "&|", "y|", "zu|", "ter|", "ten|",
    "st.|"
));

static ZONES: WordSet = WordSet::new(concat!(
    "gmt|", "utc|", "bst|", "cet|", "cest|", "eet|", "eest|", "est|", "edt|", "cst|", "cdt|",
    "mst|", "mdt|", "pst|", "pdt|", "et|", "pt|", "ist|", "jst|", "aest|", "z|"
));

/// Words that may come before a date on a dateline.
static DATE_LEADS: WordSet = WordSet::new(concat!(
    "published|",
    "updated|",
    "posted|",
    "last|",
    "first|",
    "on|",
    "modified|",
    "date:|",
    "dated|"
));

/// Read the title (when `want_title`), byline and date at the top of
/// `text`, and return the text without those lines. The rest of the text is
/// kept byte for byte.
pub fn read_lead(text: &str, want_title: bool) -> Lead {
    let mut lead = Lead::default();
    // (start, end with its line break) of each line, up to the first
    // LEAD_LINES + 1 that are not blank: only those can be dropped, and
    // the text after them is kept as it is (a 5 MB text is not read line
    // by line here).
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut non_blank: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < text.len() && non_blank.len() <= LEAD_LINES {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        if !text[start..end].trim().is_empty() {
            non_blank.push(lines.len());
        }
        lines.push((start, end));
        start = end;
    }
    let rest = &text[start..];
    let line = |&(s, e): &(usize, usize)| text[s..e].trim();
    let mut drop = vec![false; lines.len()];
    for (n, &i) in non_blank.iter().take(LEAD_LINES).enumerate() {
        // Read through Markdown emphasis and links ("By **Anna Schmidt**").
        let raw = line(&lines[i]);
        if raw.len() > LEAD_LINE_MAX_BYTES {
            // Body text (a byline, a date or a title is far shorter): a text
            // without line breaks is not read through `inline` whole.
            continue;
        }
        let l = inline(raw);
        let l = l.as_str();
        if lead.byline.is_none() {
            if let Some((by, date)) = byline(l) {
                lead.byline = Some(by);
                if lead.date.is_none() {
                    lead.date = date;
                }
                drop[i] = true;
                continue;
            }
        }
        if lead.date.is_none() && is_date_line(l) {
            lead.date = Some(strip_date_lead(l).to_string());
            drop[i] = true;
            continue;
        }
        if n == 0 && want_title {
            // More text must follow a headline.
            let rest_has_text = non_blank.len() > 1;
            // A Markdown level-1 heading is a headline by its author's word.
            let heading = raw
                .strip_prefix("# ")
                .map(|h| inline(h.trim().trim_end_matches('#').trim()))
                .filter(|h| !h.is_empty() && h.chars().count() <= TITLE_MAX_CHARS * 2);
            if rest_has_text && (heading.is_some() || looks_like_title(l)) {
                lead.title = Some(heading.unwrap_or_else(|| l.to_string()));
                drop[i] = true;
            }
        }
    }
    let mut body = String::with_capacity(text.len());
    let mut at_start = true;
    for (i, &(s, e)) in lines.iter().enumerate() {
        if drop[i] {
            continue;
        }
        // Blank lines left at the top by a dropped line go too.
        if at_start && text[s..e].trim().is_empty() {
            continue;
        }
        at_start = false;
        body.push_str(&text[s..e]);
    }
    // The last line read was not blank and is never dropped: what follows
    // it is kept byte for byte.
    body.push_str(rest);
    if body.trim().is_empty() {
        // Nothing would be left: keep the text as it was.
        return Lead {
            body: text.to_string(),
            ..Lead::default()
        };
    }
    lead.body = body;
    lead
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// True for a line that reads as a headline rather than as a sentence.
pub fn looks_like_title(l: &str) -> bool {
    let w = words(l);
    if w.is_empty() || w.len() > TITLE_MAX_WORDS || l.chars().count() > TITLE_MAX_CHARS {
        return false;
    }
    let Some(first) = l.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '‘' | '“' | '"' | '\''))
    {
        return false;
    }
    // List items, Markdown headings and quotes are not headlines of this kind.
    if l.starts_with(['#', '>', '•', '-', '*', '+', '·']) {
        return false;
    }
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && l[digits..].starts_with(['.', ')']) {
        return false;
    }
    // No final period, comma, semicolon, colon or ellipsis.
    let end = l.trim_end_matches(['"', '\'', '”', '’', ')', '*', '_']);
    if end.ends_with(['.', ',', ';', ':', '…']) {
        return false;
    }
    // Not two sentences: no ". " followed by a capital inside.
    let b: Vec<char> = l.chars().collect();
    for i in 1..b.len().saturating_sub(2) {
        if matches!(b[i], '.' | '!' | '?')
            && b[i + 1] == ' '
            && b[i + 2].is_uppercase()
            && !b[i - 1].is_uppercase()
        {
            return false;
        }
    }
    // A whole quotation, or speech with its attribution, is not a headline.
    if (matches!(first, '“' | '"') && end.len() < l.len())
        || [",”", ",\"", ",’"].iter().any(|m| l.contains(m))
    {
        return false;
    }
    true
}

/// A byline: the author (and a date when the line carries one).
pub fn byline(l: &str) -> Option<(String, Option<String>)> {
    let l = l.trim();
    if l.chars().count() > 160 {
        return None;
    }
    let rest = ["By ", "by ", "BY "].iter().find_map(|p| l.strip_prefix(p));
    match rest {
        Some(rest) => {
            let parts = split_fields(rest);
            let (name, others) = parts.split_first()?;
            if !is_names(name) {
                return None;
            }
            let mut date = None;
            let mut by = name.to_string();
            for o in others {
                if date.is_none() && is_date_line(o) {
                    date = Some(strip_date_lead(o).to_string());
                } else if is_affiliation(o) || is_names(o) {
                    by.push_str(", ");
                    by.push_str(o);
                } else {
                    return None;
                }
            }
            Some((by, date))
        }
        None => {
            // "Anna Schmidt, Reuters" or "Anna Schmidt, Berlin correspondent".
            let parts = split_fields(l);
            if parts.len() < 2 {
                return None;
            }
            let (name, others) = parts.split_first()?;
            let n = words(name).len();
            if !(2..=4).contains(&n) || !is_names(name) {
                return None;
            }
            let mut date = None;
            let mut agency = false;
            for o in others {
                if date.is_none() && is_date_line(o) {
                    date = Some(strip_date_lead(o).to_string());
                } else if is_affiliation(o) {
                    agency = true;
                } else {
                    return None;
                }
            }
            if !agency {
                return None;
            }
            let by = match &date {
                Some(_) => parts
                    .iter()
                    .filter(|p| !is_date_line(p))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                None => l.to_string(),
            };
            Some((by, date))
        }
    }
}

/// The fields of a byline: split at `|`, `·`, `•`, ` - `, ` – `, ` — ` and
/// `,` (a comma inside a date such as "March 2, 2026" is kept).
fn split_fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let sep = if rest.starts_with(['|', '·', '•']) {
            rest.chars().next().map(char::len_utf8)
        } else if rest.starts_with(" - ") {
            Some(3)
        } else if rest.starts_with(" – ") || rest.starts_with(" — ") {
            Some(" – ".len())
        } else if rest.starts_with(',') {
            // "March 2, 2026": a comma between a day and a year is a date's.
            let before = s[..i].trim_end();
            let after = s[i + 1..].trim_start();
            let day_before = before
                .rsplit(' ')
                .next()
                .is_some_and(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()));
            let year_after =
                after.len() >= 4 && after.as_bytes()[..4].iter().all(u8::is_ascii_digit);
            if day_before && year_after {
                None
            } else {
                Some(1)
            }
        } else {
            None
        };
        match sep {
            Some(n) => {
                let f = s[start..i].trim();
                if !f.is_empty() {
                    out.push(f);
                }
                i += n;
                start = i;
            }
            None => {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    let f = s[start..].trim();
    if !f.is_empty() {
        out.push(f);
    }
    out
}

/// One or more people's names: capitalised words (particles allowed), at
/// most eight words, no digits, no final period.
fn is_names(s: &str) -> bool {
    let w = words(s);
    if w.is_empty() || w.len() > 8 || s.ends_with(['.', ':', ';']) {
        return false;
    }
    let mut capitals = 0;
    for word in &w {
        let lower = word.to_lowercase();
        if NAME_PARTICLES.contains(lower.as_str()) {
            continue;
        }
        let Some(c) = word.chars().next() else {
            return false;
        };
        if !c.is_uppercase() || word.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return false;
        }
        capitals += 1;
    }
    capitals > 0
}

/// A news agency, or a role such as "Berlin correspondent".
fn is_affiliation(s: &str) -> bool {
    let lower = s.trim().trim_matches(['(', ')']).to_lowercase();
    if AGENCIES.contains(lower.as_str()) {
        return true;
    }
    let w = words(&lower);
    w.len() <= 5
        && w.iter().any(|x| ROLES.contains(x))
        && words(s).iter().all(|x| {
            let lx = x.to_lowercase();
            ROLES.contains(lx.as_str())
                || NAME_PARTICLES.contains(lx.as_str())
                || matches!(lx.as_str(), "in" | "for" | "the" | "senior" | "chief")
                || x.chars().next().is_some_and(char::is_uppercase)
        })
}

fn strip_date_lead(l: &str) -> &str {
    let mut t = l.trim();
    loop {
        let Some(first) = t.split_whitespace().next() else {
            return t;
        };
        let lower = first.to_lowercase();
        if DATE_LEADS.contains(lower.trim_end_matches(':')) || DATE_LEADS.contains(lower.as_str()) {
            t = t[first.len()..].trim_start();
        } else {
            return t;
        }
    }
}

/// True for a line that is only a date (with an optional weekday, time,
/// time zone, and "Published"/"Updated" before it).
pub fn is_date_line(l: &str) -> bool {
    let t = strip_date_lead(l);
    if t.is_empty() || t.chars().count() > 60 {
        return false;
    }
    let mut month = false;
    let mut year = false;
    let mut numeric_date = false;
    let mut day = false;
    for raw in t.split(|c: char| c.is_whitespace() || c == ',') {
        let w = raw
            .trim_matches(|c: char| matches!(c, '(' | ')' | '.'))
            .to_lowercase();
        if w.is_empty() {
            continue;
        }
        let w = w.as_str();
        if MONTHS.iter().any(|(m, _)| m.trim_end_matches('.') == w) {
            month = true;
        } else if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
            let y: u32 = w.parse().unwrap_or(0);
            if !(1900..=2100).contains(&y) {
                return false;
            }
            year = true;
        } else if is_day(w) {
            day = true;
        } else if is_numeric_date(w) {
            numeric_date = true;
        } else if WEEKDAYS.contains(w)
            || WEEKDAY_ABBREVIATIONS.contains(w)
            || ZONES.contains(w)
            || is_time(w)
            || matches!(
                w,
                "at" | "am" | "pm" | "a.m" | "p.m" | "|" | "-" | "–" | "—" | "·"
            )
            || is_offset(w)
        {
        } else {
            return false;
        }
    }
    numeric_date || (month && (year || day))
}

fn is_day(w: &str) -> bool {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// 2026-03-02, 2026/03/02, 02/03/2026, 2.3.2026 (optionally with a time
/// after `T`).
fn is_numeric_date(w: &str) -> bool {
    let w = w.split('t').next().unwrap_or(w);
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    matches!(lens.as_slice(), [4, 1..=2, 1..=2] | [1..=2, 1..=2, 4])
}

fn is_time(w: &str) -> bool {
    let w = w
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches("h");
    let Some((h, m)) = w.split_once([':', '.']) else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && h.bytes().all(|c| c.is_ascii_digit())
        && m.len() == 2
        && m.bytes().all(|c| c.is_ascii_digit())
}

fn is_offset(w: &str) -> bool {
    let w = w.trim_start_matches("utc").trim_start_matches("gmt");
    w.starts_with(['+', '-'])
        && w.len() >= 2
        && w[1..].bytes().all(|c| c.is_ascii_digit() || c == b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_longer_than_a_lead_line_is_body_text() {
        let long = "By Anna Schmidt. ".repeat(LEAD_LINE_MAX_BYTES / 17 + 1);
        for text in [long.clone(), format!("{long}\n\nMore text follows here.")] {
            let lead = read_lead(&text, true);
            assert_eq!(lead.body, text);
            assert!(lead.title.is_none() && lead.byline.is_none() && lead.date.is_none());
        }
    }

    #[test]
    fn titles() {
        for (l, want) in [
            ("Harbour bridge reopens", true),
            ("Russia and Ukraine hold first direct talks in three years", true),
            ("Why did the talks fail?", true),
            ("U.S. Senate passes budget", true),
            ("The bridge reopened on Monday, two weeks after the flood, officials said.", false),
            ("The talks were short. Nobody expected more", false),
            ("the bridge reopens", false),
            ("• First item", false),
            ("1. First item", false),
            ("“We are ready to talk,” he said", false),
            ("Delegations met in Istanbul on Friday for talks that lasted barely two hours and ended without any agreement on a ceasefire", false),
            ("Ending with a comma,", false),
            ("Trailing off…", false),
        ] {
            assert_eq!(looks_like_title(l), want, "{l:?}");
        }
    }

    #[test]
    fn bylines() {
        type Want<'a> = Option<(&'a str, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            ("By Anna Schmidt", Some(("Anna Schmidt", None))),
            (
                "By Anna Schmidt | 2 March 2026",
                Some(("Anna Schmidt", Some("2 March 2026"))),
            ),
            (
                "By Anna Schmidt and Tom Hale · March 2, 2026",
                Some(("Anna Schmidt and Tom Hale", Some("March 2, 2026"))),
            ),
            (
                "By Anna Schmidt, Reuters",
                Some(("Anna Schmidt, Reuters", None)),
            ),
            (
                "Anna Schmidt, Reuters",
                Some(("Anna Schmidt, Reuters", None)),
            ),
            (
                "Anna Schmidt, Berlin correspondent",
                Some(("Anna Schmidt, Berlin correspondent", None)),
            ),
            (
                "Anna Schmidt, Reuters, 2 March 2026",
                Some(("Anna Schmidt, Reuters", Some("2 March 2026"))),
            ),
            ("Paris, France", None),
            ("By the river, a crowd gathered.", None),
            ("By 2030 the plant will close", None),
            ("Mayor Lena Brandt, who spoke", None),
            ("Talks resume", None),
        ];
        for (l, want) in cases {
            let got = byline(l);
            let got = got.as_ref().map(|(b, d)| (b.as_str(), d.as_deref()));
            assert_eq!(got, *want, "{l:?}");
        }
    }

    #[test]
    fn datelines() {
        for (l, want) in [
            ("2 March 2026", true),
            ("March 2, 2026", true),
            ("Monday, 2 March 2026", true),
            ("Mon 2 Mar 2026 10.32 GMT", true),
            ("Published 2 March 2026, 10:32 am", true),
            ("Updated: March 2, 2026 at 5:00 p.m. ET", true),
            ("2026-03-02", true),
            ("2026-03-02T10:00:00Z", true),
            ("02/03/2026", true),
            ("March 2026", true),
            ("March", false),
            ("2 March 2026 was a Monday", false),
            ("May the talks succeed", false),
            ("1999", false),
        ] {
            assert_eq!(is_date_line(l), want, "{l:?}");
        }
    }

    #[test]
    fn leads() {
        let l = read_lead(
            "Talks resume\n\nBy Anna Schmidt | 2 March 2026\n\nDelegations met.\n",
            true,
        );
        assert_eq!(l.title.as_deref(), Some("Talks resume"));
        assert_eq!(l.byline.as_deref(), Some("Anna Schmidt"));
        assert_eq!(l.date.as_deref(), Some("2 March 2026"));
        assert_eq!(l.body, "Delegations met.\n");
        // A standfirst between the headline and the byline stays.
        let l = read_lead(
            "Talks resume\nA short standfirst follows here\nMonday, 2 March 2026\nDelegations met.",
            true,
        );
        assert_eq!(l.date.as_deref(), Some("Monday, 2 March 2026"));
        assert_eq!(l.body, "A short standfirst follows here\nDelegations met.");
        // No title wanted (Markdown with its own): bylines still go.
        let l = read_lead("By Anna Schmidt | 2 March 2026\n\nText.\n", false);
        assert_eq!(l.title, None);
        assert_eq!(l.byline.as_deref(), Some("Anna Schmidt"));
        assert_eq!(l.body, "Text.\n");
        // Pasted Markdown: a `# ` headline and an emphasised byline.
        let l = read_lead(
            "# Council vote\n\nBy **Anna Schmidt** | 2 March 2026\n\nText.\n",
            true,
        );
        assert_eq!(l.title.as_deref(), Some("Council vote"));
        assert_eq!(l.byline.as_deref(), Some("Anna Schmidt"));
        assert_eq!(l.body, "Text.\n");
        // A lone title line is the text, not a title.
        let l = read_lead("Talks resume\n", true);
        assert_eq!(l.title, None);
        assert_eq!(l.body, "Talks resume\n");
        // A date further down is text.
        let l = read_lead("One.\nTwo.\nThree.\nFour.\nFive.\n2 March 2026\n", true);
        assert_eq!(l.date, None);
        // CRLF keeps its line ends.
        let l = read_lead("Talks resume\r\n\r\nDelegations met.\r\n", true);
        assert_eq!(l.title.as_deref(), Some("Talks resume"));
        assert_eq!(l.body, "Delegations met.\r\n");
    }
}
