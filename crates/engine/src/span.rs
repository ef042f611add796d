//! One span type and exact offset conversions.
//!
//! Inside Rust every position is a UTF-8 **byte** offset into the document
//! text. The browser's DOM counts **UTF-16 code units**, and exported
//! annotations (JSON Lines, W3C Web Annotation, displaCy) count **Unicode
//! scalar values** (code points). [`Offsets`] converts between the three, in
//! both directions, exactly: a position that falls inside a character (or
//! inside a surrogate pair) is reported as `None`, never rounded.
//!
//! ```
//! use claimlens_engine::{Offsets, Span};
//!
//! let text = "Kyiv’s 😀 talks";
//! let offsets = Offsets::new(text);
//! let talks = Span::new(text.find("talks").unwrap(), text.len());
//! assert_eq!(talks.slice(text), "talks");
//! assert_eq!(offsets.byte_to_char(talks.start), Some(9));
//! assert_eq!(offsets.byte_to_utf16(talks.start), Some(10)); // 😀 is two code units
//! assert_eq!(offsets.char_to_byte(9), Some(talks.start));
//! assert_eq!(offsets.byte_to_char(5), None); // inside the curly apostrophe
//! ```

use serde::Serialize;

/// A half-open range `start..end` of UTF-8 byte offsets into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets, `start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers. Panics if the span is out of range or not on
    /// character boundaries, like slicing a `str`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The text the span covers, or `None` if it does not fit `text`.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Sorts spans by start, then end, and drops repeats.
    pub fn sort_dedup(spans: &mut Vec<Span>) {
        super::order::sort_by_key(spans, |s| (s.start as u64) << 32 | s.end as u64);
        spans.dedup();
    }
}

/// A non-ASCII character: where it starts in each unit, and how long it is.
#[derive(Clone, Copy, Debug)]
struct Mark {
    byte: usize,
    char: usize,
    utf16: usize,
    byte_len: u8,
    utf16_len: u8,
}

/// An index over one text that converts positions between UTF-8 bytes,
/// UTF-16 code units and Unicode scalar values in `O(log n)`.
///
/// Built once per text in `O(n)`. It stores one entry per non-ASCII
/// character, so for plain ASCII text it is empty and every conversion is the
/// identity.
#[derive(Clone, Debug)]
pub struct Offsets {
    marks: Vec<Mark>,
    len_bytes: usize,
    len_chars: usize,
    len_utf16: usize,
}

impl Offsets {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let (mut chars, mut utf16) = (0usize, 0usize);
        for (byte, c) in text.char_indices() {
            if !c.is_ascii() {
                marks.push(Mark {
                    byte,
                    char: chars,
                    utf16,
                    byte_len: c.len_utf8() as u8,
                    utf16_len: c.len_utf16() as u8,
                });
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        Offsets {
            marks,
            len_bytes: text.len(),
            len_chars: chars,
            len_utf16: utf16,
        }
    }

    /// Length of the text in bytes.
    pub fn len_bytes(&self) -> usize {
        self.len_bytes
    }

    /// Length of the text in Unicode scalar values.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Length of the text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// Generic conversion: `key` picks the unit searched, `value` the unit returned.
    fn convert(
        &self,
        pos: usize,
        len: usize,
        key: impl Fn(&Mark) -> (usize, usize),
        value: impl Fn(&Mark) -> (usize, usize),
    ) -> Option<usize> {
        if pos > len {
            return None;
        }
        // Last non-ASCII character that starts at or before `pos`.
        let i = self.marks.partition_point(|m| key(m).0 <= pos);
        if i == 0 {
            return Some(pos); // only ASCII before `pos`
        }
        let m = &self.marks[i - 1];
        let (k_start, k_len) = key(m);
        let (v_start, v_len) = value(m);
        if pos == k_start {
            Some(v_start)
        } else if pos < k_start + k_len {
            None // inside a multi-unit character
        } else {
            Some(v_start + v_len + (pos - k_start - k_len))
        }
    }

    /// UTF-8 byte offset → UTF-16 code-unit offset (`None` inside a character).
    pub fn byte_to_utf16(&self, byte: usize) -> Option<usize> {
        self.convert(
            byte,
            self.len_bytes,
            |m| (m.byte, m.byte_len as usize),
            |m| (m.utf16, m.utf16_len as usize),
        )
    }

    /// UTF-16 code-unit offset → UTF-8 byte offset (`None` inside a surrogate pair).
    pub fn utf16_to_byte(&self, utf16: usize) -> Option<usize> {
        self.convert(
            utf16,
            self.len_utf16,
            |m| (m.utf16, m.utf16_len as usize),
            |m| (m.byte, m.byte_len as usize),
        )
    }

    /// UTF-8 byte offset → Unicode scalar (code point) index (`None` inside a character).
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        self.convert(
            byte,
            self.len_bytes,
            |m| (m.byte, m.byte_len as usize),
            |m| (m.char, 1),
        )
    }

    /// Unicode scalar (code point) index → UTF-8 byte offset.
    pub fn char_to_byte(&self, char: usize) -> Option<usize> {
        self.convert(
            char,
            self.len_chars,
            |m| (m.char, 1),
            |m| (m.byte, m.byte_len as usize),
        )
    }

    /// A byte span as a UTF-16 range, for the DOM.
    pub fn span_to_utf16(&self, span: Span) -> Option<(usize, usize)> {
        Some((
            self.byte_to_utf16(span.start)?,
            self.byte_to_utf16(span.end)?,
        ))
    }

    /// A byte span as a code-point range, for exported annotations.
    pub fn span_to_chars(&self, span: Span) -> Option<(usize, usize)> {
        Some((self.byte_to_char(span.start)?, self.byte_to_char(span.end)?))
    }

    /// A code-point range as a byte span (`None` if out of range or reversed).
    pub fn chars_to_span(&self, start: usize, end: usize) -> Option<Span> {
        let (s, e) = (self.char_to_byte(start)?, self.char_to_byte(end)?);
        (s <= e).then(|| Span::new(s, e))
    }

    /// A UTF-16 range as a byte span (`None` if out of range, reversed or splitting a pair).
    pub fn utf16_to_span(&self, start: usize, end: usize) -> Option<Span> {
        let (s, e) = (self.utf16_to_byte(start)?, self.utf16_to_byte(end)?);
        (s <= e).then(|| Span::new(s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference conversion by walking the string, for cross-checking.
    fn walk(text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let (mut ch, mut u16) = (0, 0);
        for (b, c) in text.char_indices() {
            out.push((b, ch, u16));
            ch += 1;
            u16 += c.len_utf16();
        }
        out.push((text.len(), ch, u16));
        out
    }

    /// (name, text, needle, expected (byte, char, utf16) start of needle)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        (usize, usize, usize),
    );
    const CASES: &[Case] = &[
        ("ascii", "Istanbul talks", "talks", (9, 9, 9)),
        ("empty needle at end", "abc", "", (0, 0, 0)),
        ("curly quotes", "“Peace,” he said’s", "he", (13, 9, 9)),
        ("emoji outside BMP", "a😀b", "b", (5, 2, 3)),
        ("two emoji", "😀😀x", "x", (8, 2, 4)),
        ("ZWJ family sequence", "👨‍👩‍👧 family", "family", (19, 6, 9)),
        (
            "combining mark",
            "Zelenskyi\u{301} said",
            "said",
            (12, 11, 11),
        ),
        ("precomposed vs combining", "e\u{301}é!", "!", (5, 3, 3)),
        ("right-to-left", "שלום peace سلام", "peace", (9, 5, 5)),
        ("RTL after", "peace سلام end", "end", (15, 11, 11)),
        (
            "CRLF line ends",
            "one\r\ntwo\r\nthree",
            "three",
            (10, 10, 10),
        ),
        ("en dash", "Russia–Ukraine", "Ukraine", (9, 7, 7)),
        ("CJK", "日本語 text", "text", (10, 4, 4)),
    ];

    #[test]
    fn table_of_conversions() {
        for &(name, text, needle, (b, c, u)) in CASES {
            let at = if needle.is_empty() {
                0
            } else {
                text.find(needle).unwrap()
            };
            assert_eq!(at, b, "{name}: byte offset of {needle:?}");
            let o = Offsets::new(text);
            assert_eq!(o.byte_to_char(b), Some(c), "{name}: byte→char");
            assert_eq!(o.byte_to_utf16(b), Some(u), "{name}: byte→utf16");
            assert_eq!(o.char_to_byte(c), Some(b), "{name}: char→byte");
            assert_eq!(o.utf16_to_byte(u), Some(b), "{name}: utf16→byte");
            // JS String.length and Rust chars().count() agree with the index.
            assert_eq!(o.len_utf16(), text.encode_utf16().count(), "{name}");
            assert_eq!(o.len_chars(), text.chars().count(), "{name}");
        }
    }

    #[test]
    fn every_position_round_trips() {
        for &(name, text, _, _) in CASES {
            let o = Offsets::new(text);
            let table = walk(text);
            for &(b, c, u) in &table {
                assert_eq!(o.byte_to_char(b), Some(c), "{name} b{b}");
                assert_eq!(o.byte_to_utf16(b), Some(u), "{name} b{b}");
                assert_eq!(o.char_to_byte(c), Some(b), "{name} c{c}");
                assert_eq!(o.utf16_to_byte(u), Some(b), "{name} u{u}");
            }
            // Every byte that is not a boundary is rejected.
            for b in 0..=text.len() {
                let ok = text.is_char_boundary(b);
                assert_eq!(o.byte_to_char(b).is_some(), ok, "{name} b{b}");
                assert_eq!(o.byte_to_utf16(b).is_some(), ok, "{name} b{b}");
            }
            // Every UTF-16 index inside a surrogate pair is rejected.
            let u16_ok: Vec<usize> = table.iter().map(|t| t.2).collect();
            for u in 0..=o.len_utf16() {
                assert_eq!(
                    o.utf16_to_byte(u).is_some(),
                    u16_ok.contains(&u),
                    "{name} u{u}"
                );
            }
            // Past the end is rejected.
            assert_eq!(o.byte_to_char(text.len() + 1), None);
            assert_eq!(o.char_to_byte(o.len_chars() + 1), None);
            assert_eq!(o.utf16_to_byte(o.len_utf16() + 1), None);
        }
    }

    #[test]
    fn span_helpers() {
        let text = "Ukraine’s President Zelenskyy 😀";
        let o = Offsets::new(text);
        let s = Span::new(0, text.find('’').unwrap());
        assert_eq!(s.slice(text), "Ukraine");
        assert_eq!(o.span_to_chars(s), Some((0, 7)));
        let z = Span::new(text.find("Zel").unwrap(), text.find(" 😀").unwrap());
        let (cs, ce) = o.span_to_chars(z).unwrap();
        assert_eq!(o.chars_to_span(cs, ce), Some(z));
        let (us, ue) = o.span_to_utf16(z).unwrap();
        assert_eq!(o.utf16_to_span(us, ue), Some(z));
        assert_eq!(o.chars_to_span(5, 2), None);
        assert!(Span::new(0, 10).contains(Span::new(2, 3)));
        assert!(Span::new(0, 10).overlaps(Span::new(9, 12)));
        assert!(!Span::new(0, 10).overlaps(Span::new(10, 12)));
        assert_eq!(Span::new(3, 3).get("ab"), None);
    }
}
