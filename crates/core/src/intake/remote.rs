//! Pages named by a link (`?src=…`): which addresses may be fetched at all.
//!
//! A link can name any address, and opening the link must not make the
//! reader's browser request it: the app shows the address and fetches only
//! when the reader confirms. Only `http://` and `https://` addresses with a
//! host are ever offered; anything else (`javascript:`, `file:`, `data:`,
//! `blob:`, a relative path, a string with spaces or control characters)
//! gets a message saying why nothing was fetched.
//!
//! ```
//! use claimlens_core::intake::{src_request, SrcRequest};
//!
//! assert_eq!(
//!     src_request(" https://example.org/story.html "),
//!     Some(SrcRequest::Confirm("https://example.org/story.html".into()))
//! );
//! assert!(matches!(src_request("javascript:alert(1)"), Some(SrcRequest::Refused(_))));
//! assert_eq!(src_request(""), None);
//! ```

use crate::text::bidi_control;

/// What a `?src=` address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SrcRequest {
    /// An `http(s)://` address: show it, and fetch it once the reader confirms.
    Confirm(String),
    /// Never fetched; the message says why.
    Refused(String),
}

/// At most this many characters of a refused address are quoted back.
const SHOWN: usize = 80;

/// Classify the address a link's `?src=` names (already percent-decoded).
/// `None` when it names nothing (empty or blank).
pub fn src_request(raw: &str) -> Option<SrcRequest> {
    let src = raw.trim();
    if src.is_empty() {
        return None;
    }
    let shown = quoted(src);
    // Spaces and control characters (tabs and newlines, which a browser
    // would silently drop from `java\tscript:`), and direction controls
    // (which can make an address read as another), make it no address at all.
    if src
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || bidi_control(c).is_some())
    {
        return Some(SrcRequest::Refused(format!(
            "This link names a page to open, “{shown}”, but that is not a web address, so nothing was fetched."
        )));
    }
    let scheme = scheme(src);
    let refused = match scheme.as_deref() {
        Some("http" | "https") => {
            let rest = &src[src.find(':').map_or(0, |i| i + 1)..];
            let host_start = rest.strip_prefix("//").and_then(|r| r.chars().next());
            if host_start.is_some_and(|c| !matches!(c, '/' | '\\' | '?' | '#' | '@' | ':')) {
                return Some(SrcRequest::Confirm(src.to_string()));
            }
            format!(
                "This link names a page to open, “{shown}”, but that address has no site in it, so nothing was fetched."
            )
        }
        Some(other) => format!(
            "This link names a page to open with a {other}: address (“{shown}”); claimlens fetches only http:// and https:// pages, so nothing was fetched."
        ),
        None => format!(
            "This link names a page to open, “{shown}”, but that is not a full http:// or https:// address, so nothing was fetched."
        ),
    };
    Some(SrcRequest::Refused(refused))
}

/// The URL scheme of `s`, lower-cased (RFC 3986: a letter, then letters,
/// digits, `+`, `-`, `.`, then `:`), if it has one.
fn scheme(s: &str) -> Option<String> {
    let (head, _) = s.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| head.to_ascii_lowercase())
}

/// `s` as it may be quoted back: at most [`SHOWN`] characters, with control
/// and direction-control characters shown as `U+XXXX` so they cannot hide
/// or reorder the rest.
fn quoted(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == SHOWN {
            out.push('…');
            break;
        }
        if c.is_control() || bidi_control(c).is_some() {
            out.push_str(&format!("U+{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let confirm = |s: &str| Some(SrcRequest::Confirm(s.to_string()));
        let cases: &[(&str, Option<SrcRequest>)] = &[
            (
                "https://example.org/a.html",
                confirm("https://example.org/a.html"),
            ),
            (
                "http://127.0.0.2:8080/page",
                confirm("http://127.0.0.2:8080/page"),
            ),
            ("HTTPS://Example.org", confirm("HTTPS://Example.org")),
            ("  https://example.org/  ", confirm("https://example.org/")),
            ("", None),
            ("   ", None),
        ];
        for (raw, want) in cases {
            assert_eq!(&src_request(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn everything_else_is_refused_with_a_reason() {
        let cases = [
            ("javascript:alert(1)", "a javascript: address"),
            ("JavaScript:alert(1)", "a javascript: address"),
            ("file:///etc/passwd", "a file: address"),
            (
                "data:text/html,<script>alert(1)</script>",
                "a data: address",
            ),
            ("blob:https://example.org/1234", "a blob: address"),
            ("ftp://example.org/a.txt", "a ftp: address"),
            (
                "//example.org/a.html",
                "not a full http:// or https:// address",
            ),
            ("page.html", "not a full http:// or https:// address"),
            ("https:example.org", "has no site in it"),
            ("https:///path", "has no site in it"),
            ("https://", "has no site in it"),
            ("java\tscript:alert(1)", "not a web address"),
            ("https://exa mple.org", "not a web address"),
            (
                "https://example.org/\u{202E}lmth.exe",
                "/U+202Elmth.exe”, but that is not a web address",
            ),
        ];
        for (raw, says) in cases {
            match src_request(raw) {
                Some(SrcRequest::Refused(m)) => {
                    assert!(m.contains(says), "{raw:?}: {m}");
                    assert!(m.contains("nothing was fetched"), "{raw:?}: {m}");
                    assert!(!m.contains('\t') && !m.contains('\u{202E}'), "{raw:?}: {m}");
                }
                other => panic!("{raw:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_long_address_is_quoted_short() {
        let raw = format!("data:{}", "x".repeat(10_000));
        let Some(SrcRequest::Refused(m)) = src_request(&raw) else {
            panic!("not refused");
        };
        assert!(m.len() < 400, "{}", m.len());
    }
}
