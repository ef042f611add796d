//! "Open at the source": a link to the page a document came from with a
//! [Text Fragment](https://wicg.github.io/scroll-to-text-fragment/)
//! (`#:~:text=prefix-,start,end,-suffix`), so the browser scrolls to and
//! marks the passage there.
//!
//! The parts come from the same [`TextQuote`] the app anchors passages with:
//! `prefix` and `suffix` are the whole words of its context next to the
//! passage (within its line), and `start` / `end` are the passage's first
//! and last words, as many as it takes for each to occur exactly once in
//! the document (a short passage is `start` alone).
//!
//! ```
//! use claimlens_core::share::source_link;
//! use claimlens_core::Span;
//!
//! let text = "The mayor spoke first. Repairs cost about $4 million, more than planned, the council said on Monday.";
//! let at = text.find("Repairs").unwrap();
//! let end = text.find(", the council").unwrap();
//! let link = source_link("https://example.org/news/bridge#top", text, Span::new(at, end)).unwrap();
//! assert_eq!(
//!     link,
//!     "https://example.org/news/bridge#:~:text=mayor%20spoke%20first.-,Repairs%20cost%20about%20%244%20million%2C%20more%20than%20planned,-%2C%20the%20council"
//! );
//! // Only http(s) pages get a link.
//! assert_eq!(source_link("javascript:alert(1)", text, Span::new(at, end)), None);
//! ```

use super::anchor::TextQuote;
use crate::span::{Offsets, Span};

/// Passages of at most this many words are matched whole (`start` alone).
const WHOLE_WORDS: usize = 10;
/// `start` and `end` begin with this many words and grow until unique.
const MIN_EDGE_WORDS: usize = 3;
/// Words of context taken for `prefix` and `suffix`.
const CONTEXT_WORDS: usize = 3;
/// Longest page address accepted.
const MAX_URL: usize = 4096;

/// The parts of a text fragment, not yet percent-encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextFragment {
    /// Words just before the passage (may be empty).
    pub prefix: String,
    /// The passage's first words (the whole passage when `end` is empty).
    pub start: String,
    /// The passage's last words (may be empty).
    pub end: String,
    /// Words just after the passage (may be empty).
    pub suffix: String,
}

impl TextFragment {
    /// The fragment directive: `:~:text=…`.
    pub fn directive(&self) -> String {
        let mut out = String::from(":~:text=");
        if !self.prefix.is_empty() {
            out.push_str(&encode(&self.prefix));
            out.push_str("-,");
        }
        out.push_str(&encode(&self.start));
        if !self.end.is_empty() {
            out.push(',');
            out.push_str(&encode(&self.end));
        }
        if !self.suffix.is_empty() {
            out.push_str(",-");
            out.push_str(&encode(&self.suffix));
        }
        out
    }
}

/// Percent-encode a fragment part: everything but ASCII letters, digits and
/// `.` `_` `~` `!` `*` `'` `(` `)` (so `-`, `,` and `&`, which the syntax
/// uses, are always encoded).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'.' | b'_' | b'~' | b'!' | b'*' | b'\'' | b'(' | b')')
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whitespace runs collapsed to one space, the ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Number of times `needle` occurs in `text` (overlaps counted), with
/// whitespace runs in the text taken as one space.
fn occurrences(text_collapsed: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = text_collapsed[from..].find(needle) {
        n += 1;
        from += i + needle.chars().next().map_or(1, char::len_utf8);
    }
    n
}

/// The text fragment for `span` of `text`; `None` for an empty span.
pub fn text_fragment(text: &str, span: Span) -> Option<TextFragment> {
    if span.is_empty()
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        return None;
    }
    let q = TextQuote::from_span(text, &Offsets::new(text), span);
    let words: Vec<&str> = q.exact.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let all = collapse(text);
    let (start, end) = if words.len() <= WHOLE_WORDS {
        (words.join(" "), String::new())
    } else {
        // Grow each edge until it occurs once, never past half the passage.
        let half = words.len() / 2;
        let mut k = MIN_EDGE_WORDS.min(half);
        let start = loop {
            let s = words[..k].join(" ");
            if occurrences(&all, &s) == 1 || k >= half {
                break s;
            }
            k += 1;
        };
        let mut k = MIN_EDGE_WORDS.min(half);
        let end = loop {
            let e = words[words.len() - k..].join(" ");
            if occurrences(&all, &e) == 1 || k >= half {
                break e;
            }
            k += 1;
        };
        (start, end)
    };
    // Context: whole words next to the passage, within its line.
    let before = q.prefix.rsplit(['\n', '\r']).next().unwrap_or("");
    let after = q.suffix.split(['\n', '\r']).next().unwrap_or("");
    let mut pw: Vec<&str> = before.split_whitespace().collect();
    // The first word may be cut by the context's length.
    if before.len() == q.prefix.len()
        && q.prefix.chars().count() >= super::anchor::CONTEXT
        && !pw.is_empty()
    {
        pw.remove(0);
    }
    // A prefix must end where the passage starts (nothing of a word between).
    if before.ends_with(char::is_alphanumeric) {
        pw.clear();
    }
    let prefix = pw[pw.len().saturating_sub(CONTEXT_WORDS)..].join(" ");
    let mut sw: Vec<&str> = after.split_whitespace().collect();
    if after.len() == q.suffix.len()
        && q.suffix.chars().count() >= super::anchor::CONTEXT
        && !sw.is_empty()
    {
        sw.pop();
    }
    if after.starts_with(char::is_alphanumeric) {
        sw.clear();
    }
    let suffix = sw[..sw.len().min(CONTEXT_WORDS)].join(" ");
    Some(TextFragment {
        prefix,
        start,
        end,
        suffix,
    })
}

/// `url` (an `http:` or `https:` address; its own fragment dropped) with
/// the text fragment for `span` of `text`. `None` for any other address or
/// an empty span.
pub fn source_link(url: &str, text: &str, span: Span) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let page_ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() <= MAX_URL
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !page_ok {
        return None;
    }
    let page = url.split('#').next().unwrap_or(url);
    let f = text_fragment(text, span)?;
    Some(format!("{page}#{}", f.directive()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decode `%XX` escapes.
    fn decode(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' && i + 2 < b.len() {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_claim_of_the_sample_gets_unique_parts() {
        crate::frontcode::install_bundled();
        let doc = crate::default_document();
        let a = crate::analyse(&doc);
        let all = collapse(&doc.text);
        for c in &a.claims {
            let f = text_fragment(&doc.text, c.span).unwrap();
            let exact = collapse(c.span.slice(&doc.text));
            assert!(exact.starts_with(&f.start), "{f:?}");
            assert!(exact.ends_with(&f.end), "{f:?}");
            if !f.prefix.is_empty() {
                let joined = format!("{} {}", f.prefix, f.start);
                let glued = format!("{}{}", f.prefix, f.start);
                assert!(
                    occurrences(&all, &joined) + occurrences(&all, &glued) >= 1,
                    "the prefix is not next to the passage: {f:?}"
                );
            }
            // The directive decodes back to its parts.
            let d = f.directive();
            let body = d.strip_prefix(":~:text=").unwrap();
            assert!(!body.contains(' ') && !body.contains('&'), "{d}");
            let parts: Vec<String> = body.split(',').map(decode).collect();
            assert!(parts.contains(&f.start), "{parts:?}");
        }
    }

    #[test]
    fn encoding_and_short_passages() {
        assert_eq!(encode("a-b, c&d é"), "a%2Db%2C%20c%26d%20%C3%A9");
        let text = "One two three.\nFour five six seven.";
        let at = text.find("Four").unwrap();
        let f = text_fragment(text, Span::new(at, at + "Four five".len())).unwrap();
        // The prefix stays within the passage's line.
        assert_eq!(
            f,
            TextFragment {
                prefix: String::new(),
                start: "Four five".into(),
                end: String::new(),
                suffix: "six seven.".into(),
            }
        );
        assert_eq!(text_fragment(text, Span::new(3, 3)), None);
        assert_eq!(source_link("ftp://x.org/a", text, Span::new(0, 3)), None);
        assert_eq!(
            source_link("https://x.org/a b", text, Span::new(0, 3)),
            None
        );
        assert_eq!(
            source_link("HTTPS://x.org/a?b=1#old", text, Span::new(0, 3)).as_deref(),
            Some("HTTPS://x.org/a?b=1#:~:text=One,-two%20three.")
        );
    }
}
