//! Pure helpers for rendering an analysis: sets of entity types, reader-facing
//! label names, and the split of a block into text and mentions.
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

#[cfg(test)]
mod tests {
    use super::*;

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
