//! The code a host page pastes to embed a claimlens view, and the height
//! messages an embedded view posts to the page around it.
//!
//! An `<iframe data-claimlens>` with the view's link in embed mode, and
//! `embed.js`, which sizes it. No `style` attribute: a host page whose
//! Content-Security-Policy has `style-src 'self'` (without
//! `'unsafe-inline'`) would block it. The iframe's border comes from the
//! `frameborder` attribute, and `embed.js` sets its border and width
//! through the CSSOM, which such a policy allows.
//!
//! ```
//! use claimlens_core::share::embed_snippet;
//!
//! let code = embed_snippet("https://example.org/cl/#v=1&d=x&e=1", "Talks", "https://example.org/cl/");
//! assert_eq!(
//!     code,
//!     "<iframe src=\"https://example.org/cl/#v=1&amp;d=x&amp;e=1\" title=\"claimlens: Talks\" \
//!      loading=\"lazy\" width=\"100%\" height=\"640\" frameborder=\"0\" data-claimlens></iframe>\n\
//!      <script src=\"https://example.org/cl/embed.js\" async></script>"
//! );
//! ```

/// The link an embed shows for the page at `link` (the address bar):
/// the same view in embed mode (`e=1`). A fragment that is not a claimlens
/// view (none, or a page anchor such as `#doc-title`) stands for the
/// default view, which is then named in full.
///
/// ```
/// use claimlens_core::share::embed_link;
///
/// assert_eq!(embed_link("https://a.example/cl/#v=1&d=x&p=person:y"), "https://a.example/cl/#v=1&d=x&p=person:y&e=1");
/// assert_eq!(embed_link("https://a.example/cl/#doc-title"), "https://a.example/cl/#v=1&d=sample-istanbul-2025&e=1");
/// ```
pub fn embed_link(link: &str) -> String {
    let (page, fragment) = link.split_once('#').unwrap_or((link, ""));
    let ours = fragment.split('&').any(|p| p.starts_with("v="));
    let mut fragment = if ours {
        fragment.to_string()
    } else {
        super::encode(&super::ViewState::default())
    };
    if !fragment.split('&').any(|p| p == "e=1") {
        fragment.push_str("&e=1");
    }
    format!("{page}#{fragment}")
}

/// The id an embedded view gives itself in Datawrapper's height message.
pub const DATAWRAPPER_ID: &str = "claimlens";

/// One message posted to the page around an embedded view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeightMessage {
    /// Posted as the object this JSON text describes.
    Object(String),
    /// Posted as this string (Flourish's receivers parse a JSON string).
    Text(String),
}

/// The messages an embedded view posts with its height (CSS pixels), so
/// that `embed.js` and the resizers host pages already run for other
/// embeds all size its iframe: claimlens' own, then Datawrapper's, then
/// Flourish's (a JSON string, as Flourish posts it), then AMP's
/// (`amp-iframe resizable`). Each holds the height and constant strings,
/// nothing else.
///
/// ```
/// use claimlens_core::share::{height_messages, HeightMessage};
///
/// let m = height_messages(812);
/// assert_eq!(m[0], HeightMessage::Object(r#"{"type":"claimlens:height","height":812}"#.into()));
/// assert_eq!(m[1], HeightMessage::Object(r#"{"datawrapper-height":{"claimlens":812}}"#.into()));
/// ```
pub fn height_messages(height: u32) -> [HeightMessage; 4] {
    use HeightMessage::{Object, Text};
    [
        Object(format!(
            r#"{{"type":"claimlens:height","height":{height}}}"#
        )),
        Object(format!(
            r#"{{"datawrapper-height":{{"{DATAWRAPPER_ID}":{height}}}}}"#
        )),
        Text(format!(
            r#"{{"sender":"Flourish","context":"iframe.resize","method":"resize","height":{height}}}"#
        )),
        Object(format!(
            r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#
        )),
    ]
}

/// Escape `s` for a double-quoted HTML attribute value.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The embed code for the view at `link` (already in embed mode, `e=1`)
/// of the document titled `title`, with `embed.js` from `app_base` (the
/// app's address up to its last `/`).
pub fn embed_snippet(link: &str, title: &str, app_base: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"640\" frameborder=\"0\" data-claimlens></iframe>\n<script src=\"{}embed.js\" async></script>",
        attr(link),
        attr(&format!("claimlens: {title}")),
        attr(app_base),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn height_messages_are_json_with_the_height_and_nothing_else() {
        use crate::share::{parse_json, Json};
        let num = |n: f64| Json::Num(n);
        let st = |s: &str| Json::Str(s.into());
        let obj = |kv: Vec<(&str, Json)>| {
            Json::Obj(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
        };
        let want = [
            (
                true,
                obj(vec![
                    ("type", st("claimlens:height")),
                    ("height", num(640.0)),
                ]),
            ),
            (
                true,
                obj(vec![(
                    "datawrapper-height",
                    obj(vec![("claimlens", num(640.0))]),
                )]),
            ),
            (
                false,
                obj(vec![
                    ("sender", st("Flourish")),
                    ("context", st("iframe.resize")),
                    ("method", st("resize")),
                    ("height", num(640.0)),
                ]),
            ),
            (
                true,
                obj(vec![
                    ("sentinel", st("amp")),
                    ("type", st("embed-size")),
                    ("height", num(640.0)),
                ]),
            ),
        ];
        for (m, (object, want)) in height_messages(640).iter().zip(want) {
            let (is_object, json) = match m {
                HeightMessage::Object(j) => (true, j),
                HeightMessage::Text(t) => (false, t),
            };
            assert_eq!(is_object, object, "{m:?}");
            assert_eq!(parse_json(json).unwrap(), want, "{m:?}");
        }
    }

    #[test]
    fn embed_links() {
        let cases = [
            (
                "https://a.example/",
                "https://a.example/#v=1&d=sample-istanbul-2025&e=1",
            ),
            (
                "https://a.example/#",
                "https://a.example/#v=1&d=sample-istanbul-2025&e=1",
            ),
            (
                "https://a.example/?load=0#doc-title",
                "https://a.example/?load=0#v=1&d=sample-istanbul-2025&e=1",
            ),
            (
                "https://a.example/cl/#v=1&d=x",
                "https://a.example/cl/#v=1&d=x&e=1",
            ),
            (
                "https://a.example/#v=1&d=x&e=1",
                "https://a.example/#v=1&d=x&e=1",
            ),
            (
                "https://a.example/#v=1&x=AbC&n=T&e=1&q=3~a~~",
                "https://a.example/#v=1&x=AbC&n=T&e=1&q=3~a~~",
            ),
        ];
        for (link, want) in cases {
            assert_eq!(embed_link(link), want, "{link}");
            assert!(
                super::super::decode(want.split_once('#').unwrap().1)
                    .state
                    .embed
            );
        }
    }

    #[test]
    fn no_inline_style_and_every_value_escaped() {
        let cases = [
            ("https://a.example/#v=1&e=1", "Plain", "https://a.example/"),
            (
                "https://a.example/#v=1&n=%22x%22&e=1",
                "\"><script>alert(1)</script>",
                "https://a.example/sub/",
            ),
            (
                "https://a.example/?q=\"&e=1",
                "a < b & c > d",
                "https://a.example/",
            ),
        ];
        for (link, title, base) in cases {
            let code = embed_snippet(link, title, base);
            assert!(!code.contains("style"), "{code}");
            assert_eq!(code.matches('<').count(), 4, "{code}");
            assert_eq!(code.matches('"').count(), 14, "{code}");
            assert!(code.contains("frameborder=\"0\" data-claimlens"), "{code}");
            assert!(
                code.ends_with(&format!("{base}embed.js\" async></script>")),
                "{code}"
            );
        }
    }
}
