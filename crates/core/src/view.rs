//! Pure helpers for rendering an analysis: sets of entity types, reader-facing
//! label names, the split of a block into text and mentions, and the
//! batches a long text is rendered in.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::{analyse, pieces, Document, Piece};
//!
//! let doc = Document::from_plain_text("d", "d", "Talks in Istanbul ended.");
//! let a = analyse(&doc);
//! let mut next = 0;
//! let parts = pieces(&doc.text, doc.blocks[0].span, &a.mentions, &mut next);
//! assert_eq!(parts[0], Piece::Text("Talks in "));
//! assert!(matches!(parts[1], Piece::Mention(_, "Istanbul")));
//! ```

use super::entities::{Label, Mention};
use super::span::Span;
use crate::document::Block;

/// A set of entity types, as a bit mask over [`Label::ALL`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LabelSet(u16);

impl LabelSet {
    /// No type.
    pub const NONE: LabelSet = LabelSet(0);

    fn bit(label: Label) -> u16 {
        1 << Label::ALL.iter().position(|l| *l == label).unwrap_or(0)
    }

    /// Every type.
    pub fn all() -> LabelSet {
        LabelSet((1 << Label::ALL.len()) - 1)
    }

    /// True when `label` is in the set.
    pub fn contains(self, label: Label) -> bool {
        self.0 & Self::bit(label) != 0
    }

    /// The set with `label` added or removed.
    pub fn toggled(self, label: Label) -> LabelSet {
        LabelSet(self.0 ^ Self::bit(label))
    }

    /// The labels in the set, in display order.
    pub fn labels(self) -> impl Iterator<Item = Label> {
        Label::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

/// Lowercase key of a label, used in CSS classes and `data-l` attributes.
pub fn label_key(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Org => "org",
        Label::Place => "place",
        Label::Norp => "norp",
        Label::Date => "date",
        Label::Quantity => "quantity",
        Label::Money => "money",
        Label::Event => "event",
    }
}

/// A reader-facing name of a label.
pub fn label_title(label: Label) -> &'static str {
    match label {
        Label::Person => "Person",
        Label::Org => "Organisation",
        Label::Place => "Place",
        Label::Norp => "Group",
        Label::Date => "Date",
        Label::Quantity => "Quantity",
        Label::Money => "Money",
        Label::Event => "Event",
    }
}

/// A longer description of a label, for tooltips and screen readers.
pub fn label_description(label: Label) -> &'static str {
    match label {
        Label::Person => "People",
        Label::Org => "Organisations: agencies, companies, alliances, institutions",
        Label::Place => "Places: countries, cities, regions, seas",
        Label::Norp => "Nationalities, religious and political groups",
        Label::Date => "Dates, durations and periods",
        Label::Quantity => "Numbers and percentages",
        Label::Money => "Amounts of money",
        Label::Event => "Named events",
    }
}

/// One piece of a block: plain text, or a mention (by index).
#[derive(Debug, PartialEq)]
pub enum Piece<'t> {
    /// Text outside any mention.
    Text(&'t str),
    /// A mention: its index in the mention list, and its text within the block.
    Mention(usize, &'t str),
}

/// Split the block at `span` into text and mentions. `mentions` are in text
/// order and do not overlap; `next` is the first one that may fall in the
/// block and is advanced past those that do. A mention that crosses the
/// block's edge is clipped to it.
pub fn pieces<'t>(
    text: &'t str,
    span: Span,
    mentions: &[Mention],
    next: &mut usize,
) -> Vec<Piece<'t>> {
    let mut out = Vec::new();
    let mut at = span.start;
    while let Some(m) = mentions.get(*next) {
        if m.span.start >= span.end {
            break;
        }
        let (s, e) = (m.span.start.max(at), m.span.end.min(span.end));
        if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
            if at < s {
                out.push(Piece::Text(&text[at..s]));
            }
            out.push(Piece::Mention(*next, &text[s..e]));
            at = e;
        }
        if m.span.end > span.end {
            break; // continues into the next block
        }
        *next += 1;
    }
    if at < span.end {
        out.push(Piece::Text(&text[at..span.end]));
    }
    out
}

/// The batches a text's `blocks` are rendered in (a long text: the first
/// with the page, each next on a turn of the event loop of its own): the
/// first block of each batch, then the number of blocks. A batch holds
/// whole blocks, at least one; it ends once it holds `bytes` of text
/// (`first` for the first batch) or `max_blocks` blocks.
pub fn batch_starts(blocks: &[Block], first: usize, bytes: usize, max_blocks: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let (mut held, mut count, mut limit) = (0, 0, first);
    for (i, b) in blocks.iter().enumerate() {
        if count > 0 && (held >= limit || count >= max_blocks) {
            starts.push(i);
            (held, count, limit) = (0, 0, bytes);
        }
        held += b.span.len();
        count += 1;
    }
    starts.push(blocks.len());
    starts
}

/// A stretch of text as the view renders it: ordinary text, or one
/// direction-control character ([`crate::text::BIDI_CONTROLS`]), which the
/// view shows as a visible marker and keeps from reordering anything. The
/// character itself stays in the page's text, so offsets, selections and
/// copies are those of the document.
#[derive(Debug, PartialEq)]
pub enum Run<'t> {
    /// Text without direction controls.
    Text(&'t str),
    /// One direction-control character and its short name (`RLO`).
    Control(&'t str, &'static str),
}

/// The byte offset and length of the first direction-control character in
/// `b` at or after `from`. A byte scan: every one of them is `D8 9C`
/// (U+061C) or `E2 80 8E`–`E2 81 A9`, and UTF-8 lead bytes never occur
/// inside another character.
fn next_bidi_control(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while i < b.len() {
        // Every control starts with 0xD8 or 0xE2: eight bytes below 0x80
        // (ASCII, most of an English text) are skipped at once.
        if let Some(w) = b.get(i..i + 8) {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            if w & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        match b[i] {
            0xD8 if b.get(i + 1) == Some(&0x9C) => return Some((i, 2)),
            0xE2 => {
                if let (Some(&b1), Some(&b2)) = (b.get(i + 1), b.get(i + 2)) {
                    if (b1 == 0x80 && matches!(b2, 0x8E | 0x8F | 0xAA..=0xAE))
                        || (b1 == 0x81 && matches!(b2, 0xA6..=0xA9))
                    {
                        return Some((i, 3));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Split `s` into [`Run`]s: text, and each direction-control character on
/// its own.
///
/// ```
/// use claimlens_core::{bidi_runs, Run};
///
/// let runs = bidi_runs("A\u{202E}evil\u{202C}B");
/// assert_eq!(runs, [
///     Run::Text("A"),
///     Run::Control("\u{202E}", "RLO"),
///     Run::Text("evil"),
///     Run::Control("\u{202C}", "PDF"),
///     Run::Text("B"),
/// ]);
/// ```
pub fn bidi_runs(s: &str) -> Vec<Run<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((i, len)) = next_bidi_control(b, at) {
        if at < i {
            out.push(Run::Text(&s[at..i]));
        }
        let c = &s[i..i + len];
        let short = c
            .chars()
            .next()
            .and_then(crate::text::bidi_control)
            .unwrap_or("?");
        out.push(Run::Control(c, short));
        at = i + len;
    }
    if at < s.len() || out.is_empty() {
        out.push(Run::Text(&s[at..]));
    }
    out
}

/// True when `s` holds a direction-control character.
pub fn has_bidi_controls(s: &str) -> bool {
    next_bidi_control(s.as_bytes(), 0).is_some()
}

/// How many direction-control characters `s` holds.
pub fn count_bidi_controls(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut n, mut at) = (0, 0);
    while let Some((i, len)) = next_bidi_control(b, at) {
        n += 1;
        at = i + len;
    }
    n
}

/// The tooltip of a direction-control character's marker:
/// `U+202E RIGHT-TO-LEFT OVERRIDE …`.
pub fn bidi_marker_title(control: &str) -> String {
    let Some((c, _, name)) = control
        .chars()
        .next()
        .and_then(|c| crate::text::BIDI_CONTROLS.iter().find(|(b, _, _)| *b == c))
    else {
        return String::new();
    };
    format!(
        "U+{:04X} {name}: an invisible character that can reorder the text around it. It is in the document; claimlens shows it here and does not apply it.",
        u32::from(*c)
    )
}

/// The notice for a document holding `n` direction-control characters, if any.
pub fn bidi_notice(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some(
            "This document contains 1 invisible direction-control character; it is shown marked and does not reorder the text.".into(),
        ),
        n => Some(format!(
            "This document contains {n} invisible direction-control characters; they are shown marked and do not reorder the text."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    #[test]
    fn batches_of_blocks() {
        let blocks = |lens: &[usize]| -> Vec<Block> {
            let mut at = 0;
            lens.iter()
                .map(|&n| {
                    let span = Span::new(at, at + n);
                    at += n + 2;
                    Block {
                        kind: BlockKind::Paragraph,
                        span,
                    }
                })
                .collect()
        };
        // (block lengths, first, bytes, max blocks) → starts, then the count.
        type Case = (&'static [usize], usize, usize, usize, &'static [usize]);
        let cases: &[Case] = &[
            (&[], 10, 10, 5, &[0, 0]),
            (&[3], 10, 10, 5, &[0, 1]),
            (&[3, 3, 3], 10, 10, 5, &[0, 3]),
            // A batch ends once it holds `bytes`.
            (&[4, 4, 4, 4], 8, 8, 5, &[0, 2, 4]),
            // The first batch by `first`, the rest by `bytes`.
            (&[4, 4, 4, 4, 4], 4, 8, 5, &[0, 1, 3, 5]),
            (&[4, 4, 4, 4, 4], 12, 4, 5, &[0, 3, 4, 5]),
            // A block longer than a batch is a batch of its own.
            (&[30, 2, 30, 2], 10, 10, 5, &[0, 1, 3, 4]),
            // Never more than `max_blocks` blocks.
            (&[1, 1, 1, 1, 1], 100, 100, 2, &[0, 2, 4, 5]),
        ];
        for &(lens, first, bytes, max, want) in cases {
            assert_eq!(
                batch_starts(&blocks(lens), first, bytes, max),
                want,
                "{lens:?} {first} {bytes} {max}"
            );
        }
    }

    #[test]
    fn bidi_runs_table() {
        let cases: &[(&str, &[Run])] = &[
            ("", &[Run::Text("")]),
            ("plain", &[Run::Text("plain")]),
            ("\u{202E}", &[Run::Control("\u{202E}", "RLO")]),
            (
                "a\u{2066}b\u{2069}",
                &[
                    Run::Text("a"),
                    Run::Control("\u{2066}", "LRI"),
                    Run::Text("b"),
                    Run::Control("\u{2069}", "PDI"),
                ],
            ),
            (
                "\u{200E}\u{200F}\u{061C}",
                &[
                    Run::Control("\u{200E}", "LRM"),
                    Run::Control("\u{200F}", "RLM"),
                    Run::Control("\u{061C}", "ALM"),
                ],
            ),
            // Neighbours that are not direction controls: ZWJ, U+2070,
            // U+2029, U+0620 (Arabic), U+202F (narrow no-break space).
            (
                "\u{200D}\u{2070}\u{2029}\u{0620}\u{202F}",
                &[Run::Text("\u{200D}\u{2070}\u{2029}\u{0620}\u{202F}")],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(bidi_runs(s), *want, "{s:?}");
            let n = want
                .iter()
                .filter(|r| matches!(r, Run::Control(..)))
                .count();
            assert_eq!(count_bidi_controls(s), n, "{s:?}");
            assert_eq!(has_bidi_controls(s), n > 0, "{s:?}");
        }
    }

    /// The byte scan finds exactly the characters `text::bidi_control` names.
    #[test]
    fn the_scan_agrees_with_the_table() {
        for c in ('\u{0}'..='\u{2FFF}').chain(['\u{FEFF}', '\u{1F600}']) {
            let s = format!("x{c}y");
            assert_eq!(
                has_bidi_controls(&s),
                crate::text::bidi_control(c).is_some(),
                "U+{:04X}",
                u32::from(c)
            );
        }
        for (c, short, _) in crate::text::BIDI_CONTROLS {
            let title = bidi_marker_title(&c.to_string());
            assert!(
                title.starts_with(&format!("U+{:04X} ", u32::from(c))),
                "{title}"
            );
            assert!(!short.is_empty());
        }
    }

    #[test]
    fn bidi_controls_are_found_at_every_offset_past_ascii() {
        for pad in 0..20 {
            for (c, len) in [
                ("\u{202E}", 3),
                ("\u{061C}", 2),
                ("\u{2069}", 3),
                ("\u{200F}", 3),
            ] {
                let s = format!("{}“{c}”{}", "a".repeat(pad), "b".repeat(pad));
                let at = pad + "“".len();
                assert_eq!(
                    next_bidi_control(s.as_bytes(), 0),
                    Some((at, len)),
                    "{pad} {c:?}"
                );
                assert_eq!(count_bidi_controls(&s), 1);
            }
            assert_eq!(count_bidi_controls(&"ab“”…".repeat(pad)), 0);
        }
    }

    #[test]
    fn bidi_notice_counts() {
        assert_eq!(bidi_notice(0), None);
        assert!(bidi_notice(1)
            .unwrap()
            .contains("1 invisible direction-control character;"));
        assert!(bidi_notice(3)
            .unwrap()
            .contains("3 invisible direction-control characters; they are shown marked"));
    }

    fn m(start: usize, end: usize) -> Mention {
        Mention {
            span: Span::new(start, end),
            label: Label::Place,
            entity: 0,
            role: None,
            value: None,
        }
    }

    #[test]
    fn pieces_cover_each_block_exactly() {
        let text = "Kyiv and Moscow.\nParis";
        let mentions = [m(0, 4), m(9, 15), m(17, 22)];
        let mut next = 0;
        let a = pieces(text, Span::new(0, 16), &mentions, &mut next);
        assert_eq!(
            a,
            [
                Piece::Mention(0, "Kyiv"),
                Piece::Text(" and "),
                Piece::Mention(1, "Moscow"),
                Piece::Text(".")
            ]
        );
        let b = pieces(text, Span::new(17, 22), &mentions, &mut next);
        assert_eq!(b, [Piece::Mention(2, "Paris")]);
        assert_eq!(next, 3);
    }

    #[test]
    fn adjacent_and_crossing_mentions() {
        let text = "AB CD";
        // adjacent mentions, and one that crosses into the next block
        let mentions = [m(0, 1), m(1, 2), m(2, 4)];
        let mut next = 0;
        let a = pieces(text, Span::new(0, 3), &mentions, &mut next);
        assert_eq!(
            a,
            [
                Piece::Mention(0, "A"),
                Piece::Mention(1, "B"),
                Piece::Mention(2, " ")
            ]
        );
        let b = pieces(text, Span::new(3, 5), &mentions, &mut next);
        assert_eq!(b, [Piece::Mention(2, "C"), Piece::Text("D")]);
    }

    #[test]
    fn label_sets() {
        let s = LabelSet::NONE.toggled(Label::Date).toggled(Label::Person);
        assert!(s.contains(Label::Date) && s.contains(Label::Person));
        assert!(!s.contains(Label::Org));
        assert_eq!(s.labels().collect::<Vec<_>>(), [Label::Person, Label::Date]);
        assert_eq!(
            s.toggled(Label::Date).toggled(Label::Person),
            LabelSet::NONE
        );
        assert_eq!(LabelSet::all().labels().count(), Label::ALL.len());
    }
}
