//! When a claim and a statement speak of the same moment and the same
//! movement: the direction a sentence reports (a fall or a rise), whether
//! its figures hold only for the day it was written ("today", "on
//! Thursday", "shares fell 3 %"), and the day a document was written (its
//! date, or the dateline at its top). A market report of one day and one of
//! another give different figures of the same index without contradicting
//! each other; neither do "fell 3 %" and "rose 2 %".

use super::*;

/// Words of a fall.
static FALLS: WordSet = WordSet::new(concat!(
    "fell|fall|falls|fallen|falling|drop|drops|dropped|dropping|lost|lose|",
    "loses|losing|decline|declines|declined|declining|plunge|plunges|",
    "plunged|plunging|slid|slide|slides|sliding|slump|slumps|slumped|",
    "tumble|tumbles|tumbled|sank|sink|sinks|sunk|shed|sheds|decrease|",
    "decreases|decreased|lower|down|losers|dip|dips|dipped|",
));
/// Words of a rise ("up" unless "up to", a bound).
static RISES: WordSet = WordSet::new(concat!(
    "rose|rise|rises|risen|rising|gain|gains|gained|gaining|climb|climbs|",
    "climbed|climbing|jump|jumps|jumped|surge|surges|surged|soar|soars|",
    "soared|rally|rallies|rallied|increase|increases|increased|higher|up|",
    "advance|advances|advanced|rebound|rebounds|rebounded|recover|",
    "recovers|recovered|gainers|",
));
/// Words that tie a statement to the day it was written ("Boeing *now* has
/// 237 orders").
static DEICTIC: WordSet = WordSet::new(concat!(
    "today|yesterday|tonight|currently|now|monday|tuesday|wednesday|thursday|",
    "friday|saturday|sunday|closed|closing|",
));

/// The movement a sentence reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// No word of a fall or a rise, or words of both.
    None,
    /// Only words of a fall.
    Fall,
    /// Only words of a rise.
    Rise,
}

/// The folded words of tokens `range` of `text`, "up" before "to" left out.
fn words<'a>(
    tokens: &'a [Token],
    range: std::ops::Range<usize>,
    text: &'a str,
) -> impl Iterator<Item = String> + 'a {
    let end = range.end.min(tokens.len());
    (range.start..end).filter_map(move |i| {
        let w = fold(tokens[i].text(text));
        let bound = w == "up"
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.text(text).eq_ignore_ascii_case("to"));
        (!bound).then_some(w)
    })
}

/// How many words before a figure may say which way it moved ("the FTSE
/// 100 *dropped* in value by 2.36 %", "closed *up* 11.08 %").
const MOVE_WINDOW: usize = 4;

/// The movement tokens `range` of `text` report of their figures (value
/// `mentions`): the words of a fall or a rise just before one ("kicking
/// the can down the road" after a figure moves nothing).
pub(super) fn direction<'a>(
    tokens: &[Token],
    range: std::ops::Range<usize>,
    text: &str,
    mentions: impl Iterator<Item = &'a crate::Mention>,
) -> Direction {
    let (mut fall, mut rise) = (false, false);
    for m in mentions.filter(|m| m.value.is_some()) {
        let at = tokens.partition_point(|t| t.span.end <= m.span.start);
        if !range.contains(&at) {
            continue;
        }
        let from = at.saturating_sub(MOVE_WINDOW).max(range.start);
        for w in words(tokens, from..at, text) {
            fall |= FALLS.contains(&w);
            rise |= RISES.contains(&w);
        }
    }
    match (fall, rise) {
        (true, false) => Direction::Fall,
        (false, true) => Direction::Rise,
        _ => Direction::None,
    }
}

/// Whether the figures of tokens `range` hold for the day of writing: a
/// word of that day ("today", "on Thursday", "closed") or of a movement.
pub(super) fn of_the_day(tokens: &[Token], range: std::ops::Range<usize>, text: &str) -> bool {
    words(tokens, range, text)
        .any(|w| DEICTIC.contains(&w) || FALLS.contains(&w) || RISES.contains(&w))
}

/// Opposite movements: one falls where the other rises.
pub(super) fn opposite(a: Direction, b: Direction) -> bool {
    matches!(
        (a, b),
        (Direction::Fall, Direction::Rise) | (Direction::Rise, Direction::Fall)
    )
}

/// Days since 1970-01-01 of an ISO date "YYYY-MM-DD…" (None for anything
/// less precise).
pub(super) fn day_number(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| iso.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The day a document was written: its date when given as ISO, else the
/// date of a dateline among its first lines ("March 01, 2008").
pub(super) fn doc_day(src: &Source) -> Option<i64> {
    let given = [src.meta.date.as_deref(), src.doc.date.as_deref()];
    if let Some(d) = given.into_iter().flatten().find_map(day_number) {
        return Some(d);
    }
    let text = &src.doc.text;
    let mut at = 0;
    for line in text.split_inclusive('\n').take(4) {
        let span = Span::new(at, at + line.len());
        at += line.len();
        if !crate::intake::is_date_line(line.trim()) {
            continue;
        }
        let day = src.analysis.mentions.iter().find_map(|m| match &m.value {
            Some(Value::Date { iso }) if m.span.start >= span.start && m.span.end <= span.end => {
                day_number(iso)
            }
            _ => None,
        });
        if day.is_some() {
            return day;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn toks(s: &str) -> (Vec<Token>, std::ops::Range<usize>) {
        let t = tokenize(s);
        let n = t.len();
        (t, 0..n)
    }

    #[test]
    fn direction_of_a_sentence() {
        crate::frontcode::install_bundled();
        for (s, want) in [
            ("The FTSE 100 dropped in value by 2.36%.", Direction::Fall),
            ("The FTSE 100 rose in value by 8.04%.", Direction::Rise),
            ("It closed up 11.08%, well over 9,000 points.", Direction::Rise),
            ("It can carry up to 840 people.", Direction::None),
            ("Shares rose 3% and bonds fell 2%.", Direction::None),
            ("Shares rose 3% while bonds fell.", Direction::Rise),
            ("Boeing announced 35 new orders.", Direction::None),
            ("The Nasdaq has fallen by 3.16%.", Direction::Fall),
            (
                "The liability has reached $1.2 billion and the council is kicking the can down the road.",
                Direction::None,
            ),
        ] {
            let ws = Workspace::new(crate::Document::from_plain_text("a", "", s));
            let (t, r) = toks(s);
            let m = ws.article().analysis.mentions.iter();
            assert_eq!(direction(&t, r, s, m), want, "{s}");
        }
    }

    #[test]
    fn opposite_movements() {
        use Direction::*;
        for (a, b, want) in [
            (Fall, Rise, true),
            (Rise, Fall, true),
            (Fall, Fall, false),
            (Fall, None, false),
            (None, None, false),
        ] {
            assert_eq!(opposite(a, b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn figures_of_the_day() {
        for (s, want) in [
            (
                "The Dow Jones currently has a value of 10769.00 points.",
                true,
            ),
            ("On Thursday the index lost 1.16%.", true),
            ("The Nasdaq Composite lost 53.5 points.", true),
            ("Boeing has 677 orders from 47 customers.", false),
            ("Boeing now has 237 orders for the 787.", true),
            ("It will seat 200 to 300 people.", false),
        ] {
            let (t, r) = toks(s);
            assert_eq!(of_the_day(&t, r, s), want, "{s}");
        }
    }

    #[test]
    fn day_numbers() {
        for (iso, want) in [
            ("1970-01-01", Some(0)),
            ("2008-03-01", Some(13_939)),
            ("2008-02-29", Some(13_938)),
            ("2000-03-01T10:00", Some(11_017)),
            ("2008-03", None),
            ("2008", None),
            ("--03-01", None),
            ("2008-13-01", None),
        ] {
            assert_eq!(day_number(iso), want, "{iso}");
        }
    }

    #[test]
    fn a_dateline_gives_the_day() {
        crate::frontcode::install_bundled();
        let mut ws = Workspace::new(crate::Document::from_plain_text(
            "a",
            "",
            "Airbus wins tanker deal\nMarch 01, 2008\n\nThe Pentagon chose Airbus on Friday.",
        ));
        assert_eq!(doc_day(ws.article()), day_number("2008-03-01"));
        ws.add_user_text(
            "b",
            "b",
            "No date here.\n\nThe Pentagon chose Airbus in 2008.",
        );
        assert_eq!(doc_day(ws.source(0)), None);
        let mut dated = crate::Document::from_plain_text("c", "", "Text.");
        dated.date = Some("2009-02-24".into());
        let ws = Workspace::new(dated);
        assert_eq!(doc_day(ws.article()), day_number("2009-02-24"));
    }
}
