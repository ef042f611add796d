//! Share links: the view state ⇄ URL fragment codec, text-quote anchors,
//! documents packed into links, and export to W3C Web Annotation.
//!
//! Everything a link restores lives in the fragment (`#…`), which browsers
//! never send to a server. The format is versioned (`v=1`) with short keys;
//! unknown keys are ignored, and anything that cannot be read is reported as
//! a problem while the rest of the view still opens.
//!
//! | key   | meaning                                                    |
//! |-------|------------------------------------------------------------|
//! | `v`   | format version (1)                                         |
//! | `d`   | a bundled document's id                                    |
//! | `x`   | a whole document, packed ([`pack_text`])                   |
//! | `n`   | the packed document's title                                |
//! | `t`   | open panel tab: `entities`, `claims`, `compare`            |
//! | `h`   | hidden entity types, comma-separated (`date,quantity`)     |
//! | `p`   | pinned entity, by id (`person:vladimir-medinsky`)          |
//! | `pq`  | a quote of one of its mentions, should the id not resolve  |
//! | `c`   | selected claim, as a quote                                 |
//! | `q`   | a reader's highlight, as a quote (repeatable)              |
//! | `e`   | `1` for embed mode                                         |
//!
//! A quote is `start~exact~prefix~suffix`, each part percent-encoded.
//!
//! ```
//! use claimlens_core::share::{decode, encode, ViewState};
//! use claimlens_core::{Label, LabelSet};
//!
//! let mut state = ViewState::default();
//! state.pinned = Some("person:vladimir-medinsky".into());
//! state.hidden = LabelSet::NONE.toggled(Label::Date);
//! let link = encode(&state);
//! assert_eq!(link, "v=1&d=sample-istanbul-2025&h=date&p=person:vladimir-medinsky");
//! let back = decode(&link);
//! assert!(back.problems.is_empty());
//! assert_eq!(back.state, state);
//! ```

mod anchor;
mod annotation;
mod displacy;
mod embed;
mod fragment;
mod json;
mod pack;

pub use anchor::{anchor, Anchored, TextQuote, CONTEXT};
pub use annotation::{annotation_source, import_web_annotations, web_annotations, Imported};
pub(crate) use annotation::{hundredths, json_str, urn_part};
pub use displacy::{displacy_label, import_displacy, DisplacyDoc};
pub use embed::{embed_link, embed_snippet, height_messages, HeightMessage, DATAWRAPPER_ID};
pub use fragment::{source_link, text_fragment, TextFragment};
pub use json::{parse_json, Json};
pub use pack::{
    base64url_decode, base64url_encode, deflate_with_dictionary, inflate_with_dictionary,
    pack_text, unpack_text, UnpackError, DICTIONARY_V1, MAX_UNPACKED,
};

use super::entities::Label;
use super::samples::DEFAULT_ID;
use super::view::{label_key, LabelSet};

/// The link format this build writes.
pub const VERSION: u32 = 1;

/// Links longer than this (in characters) are not produced: offer a file instead.
pub const MAX_LINK: usize = 32_000;

/// Which document a view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocRef {
    /// A document bundled with claimlens, by id.
    Bundled(String),
    /// A document carried whole in the link.
    Inline {
        /// Its title, if it has one.
        title: Option<String>,
        /// Its text.
        text: String,
    },
}

/// The side panel's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The entity list.
    Entities,
    /// The claims list.
    Claims,
    /// Claim comparison with other sources.
    Compare,
}

impl Tab {
    /// The key used in links.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Entities => "entities",
            Tab::Claims => "claims",
            Tab::Compare => "compare",
        }
    }

    fn parse(s: &str) -> Option<Tab> {
        Some(match s {
            "entities" => Tab::Entities,
            "claims" => Tab::Claims,
            "compare" => Tab::Compare,
            _ => return None,
        })
    }
}

/// Everything a link restores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// The document.
    pub doc: DocRef,
    /// The open panel tab, when not the default.
    pub tab: Option<Tab>,
    /// Entity types whose highlights are hidden.
    pub hidden: LabelSet,
    /// The pinned entity's id.
    pub pinned: Option<String>,
    /// A quote of a mention of the pinned entity, to find it should the id change.
    pub pinned_quote: Option<TextQuote>,
    /// The selected claim.
    pub claim: Option<TextQuote>,
    /// The reader's own highlights.
    pub highlights: Vec<TextQuote>,
    /// Embed mode: the article and a collapsible panel, no app chrome.
    pub embed: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            doc: DocRef::Bundled(DEFAULT_ID.to_string()),
            tab: None,
            hidden: LabelSet::NONE,
            pinned: None,
            pinned_quote: None,
            claim: None,
            highlights: Vec::new(),
            embed: false,
        }
    }
}

/// A decoded fragment: the state, and what could not be restored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// The view to open.
    pub state: ViewState,
    /// Human-readable notes on what was ignored ("the pinned entity…").
    pub problems: Vec<String>,
    /// An inline document's text as the link packed it (`x=`), so a viewer
    /// can carry it on in its own links without packing it again.
    pub packed: Option<String>,
    /// True when the link looks cut short (its packed document, or its last
    /// parameter, stops part-way): the reader is told to ask for the whole
    /// link rather than that it is damaged ([`notice`]).
    pub cut_short: bool,
}

/// The one sentence a reader is shown about what a link could not restore:
/// `problems` from [`decode`] and from placing its view in the document.
///
/// ```
/// use claimlens_core::share::{decode, notice, pack_text};
///
/// let packed = pack_text("Delegations met in Geneva on Friday and agreed to talk again.");
/// let d = decode(&format!("v=1&x={}", &packed[..packed.len() / 2]));
/// assert!(d.cut_short);
/// assert_eq!(
///     notice(&d.problems, d.cut_short),
///     "This link looks cut short: the document in the link stops part-way; \
///      the sample article opened instead. Ask whoever sent it for the whole link."
/// );
/// ```
pub fn notice(problems: &[String], cut_short: bool) -> String {
    if cut_short {
        format!(
            "This link looks cut short: {}. Ask whoever sent it for the whole link.",
            problems.join("; ")
        )
    } else {
        format!(
            "Part of this link could not be restored: {}.",
            problems.join("; ")
        )
    }
}

/// True when `v`, the value that ends a fragment, stops inside a
/// percent-escape or inside a character's UTF-8 bytes: the link was cut there.
fn ends_mid_character(v: &str) -> bool {
    let b = v.as_bytes();
    let hex = |c: &u8| c.is_ascii_hexdigit();
    match b {
        [.., b'%'] => return true,
        [.., b'%', h] if hex(h) => return true,
        _ => {}
    }
    let mut raw = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1..i + 3)) {
            (b'%', Some([h, l])) if hex(h) && hex(l) => {
                let byte = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|s| u8::from_str_radix(s, 16).ok());
                raw.push(byte.unwrap_or(0));
                i += 3;
            }
            (c, _) => {
                raw.push(c);
                i += 1;
            }
        }
    }
    // An incomplete sequence at the very end (not an invalid one).
    matches!(std::str::from_utf8(&raw), Err(e) if e.error_len().is_none())
}

/// Percent-encode everything but unreserved characters (RFC 3986) and `:`/`,`.
fn enc(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b':' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// Percent-decode; `None` if the escapes are malformed or the result is not UTF-8.
fn dec(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn enc_quote(q: &TextQuote, out: &mut String) {
    out.push_str(&q.start.to_string());
    for part in [&q.exact, &q.prefix, &q.suffix] {
        out.push('~');
        enc(part, out);
    }
}

fn dec_quote(s: &str) -> Option<TextQuote> {
    let mut parts = s.split('~');
    let start = parts.next()?.parse().ok()?;
    let exact = dec(parts.next()?)?;
    let prefix = dec(parts.next().unwrap_or(""))?;
    let suffix = dec(parts.next().unwrap_or(""))?;
    (!exact.is_empty()).then_some(TextQuote {
        exact,
        prefix,
        suffix,
        start,
    })
}

/// The fragment (without `#`) for `state`.
pub fn encode(state: &ViewState) -> String {
    let packed = match &state.doc {
        DocRef::Inline { text, .. } => Some(pack_text(text)),
        DocRef::Bundled(_) => None,
    };
    encode_with(state, packed.as_deref())
}

/// [`encode`], with an inline document's text already packed by
/// [`pack_text`] (so a viewer packs a long document once, not at every
/// change of view, and the browser app's first download needs no DEFLATE
/// compressor). `packed` is ignored for bundled documents; for an inline
/// one it is the text that goes in the link (none: an empty document).
pub fn encode_with(state: &ViewState, packed: Option<&str>) -> String {
    let mut out = format!("v={VERSION}");
    match &state.doc {
        DocRef::Bundled(id) => {
            out.push_str("&d=");
            enc(id, &mut out);
        }
        DocRef::Inline { title, .. } => {
            out.push_str("&x=");
            out.push_str(packed.unwrap_or_default());
            if let Some(t) = title {
                out.push_str("&n=");
                enc(t, &mut out);
            }
        }
    }
    if let Some(t) = state.tab {
        out.push_str("&t=");
        out.push_str(t.key());
    }
    if state.hidden != LabelSet::NONE {
        let keys: Vec<&str> = state.hidden.labels().map(label_key).collect();
        out.push_str("&h=");
        out.push_str(&keys.join(","));
    }
    if let Some(p) = &state.pinned {
        out.push_str("&p=");
        enc(p, &mut out);
    }
    if let Some(q) = &state.pinned_quote {
        out.push_str("&pq=");
        enc_quote(q, &mut out);
    }
    if let Some(q) = &state.claim {
        out.push_str("&c=");
        enc_quote(q, &mut out);
    }
    for q in &state.highlights {
        out.push_str("&q=");
        enc_quote(q, &mut out);
    }
    if state.embed {
        out.push_str("&e=1");
    }
    out
}

/// Read a fragment (with or without `#`). Never fails: what cannot be read
/// is left at its default and described in [`Decoded::problems`].
pub fn decode(fragment: &str) -> Decoded {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut state = ViewState::default();
    let mut problems = Vec::new();
    if fragment.is_empty() {
        return Decoded {
            state,
            problems,
            packed: None,
            cut_short: false,
        };
    }
    let pairs: Vec<(&str, &str)> = fragment
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let version = pairs.iter().find(|(k, _)| *k == "v").map(|(_, v)| *v);
    match version.map(str::parse::<u32>) {
        Some(Ok(VERSION)) => {}
        Some(Ok(v)) if v > VERSION => {
            problems.push(format!(
                "this link was made by a newer claimlens (format {v}); it opened as far as this version understands"
            ));
        }
        // Every link claimlens writes names its document (`d=` or `x=`): one
        // that does but has lost its `v=` is ours, read as the only format.
        None if pairs.iter().any(|(k, _)| matches!(*k, "d" | "x")) => problems.push(format!(
            "the link does not say its format version (v= is missing); it was read as format {VERSION}"
        )),
        None => {
            // Not one of our links (an ordinary #anchor): nothing to restore.
            return Decoded {
                state,
                problems,
                packed: None,
                cut_short: false,
            };
        }
        _ => problems.push("the link's format version is not readable".to_string()),
    }
    let mut title = None;
    let mut packed = None;
    let mut cut_short = false;
    let last = pairs.len().saturating_sub(1);
    for (i, (k, v)) in pairs.into_iter().enumerate() {
        // A link cut inside its last parameter's escapes: that parameter is
        // reported unreadable below, and the link as cut short.
        if i == last && k != "x" && ends_mid_character(v) {
            cut_short = true;
        }
        match k {
            "d" => match dec(v) {
                Some(id) if !id.is_empty() => state.doc = DocRef::Bundled(id),
                _ => problems.push("the document named in the link is not readable".into()),
            },
            "x" => match unpack_text(v, MAX_UNPACKED) {
                Ok(text) => {
                    state.doc = DocRef::Inline { title: None, text };
                    packed = Some(v.to_string());
                }
                Err(e) => {
                    cut_short |= e == UnpackError::CutShort;
                    problems.push(format!("{e}; the sample article opened instead"))
                }
            },
            "n" => match dec(v) {
                Some(n) => title = Some(n),
                None => problems.push("the document's title is not readable".into()),
            },
            "t" => match Tab::parse(v) {
                Some(t) => state.tab = Some(t),
                None => problems.push(format!("unknown panel {:?}", dec(v).unwrap_or_default())),
            },
            "h" => {
                for key in v.split(',').filter(|k| !k.is_empty()) {
                    match Label::ALL.iter().find(|l| label_key(**l) == key) {
                        Some(l) if !state.hidden.contains(*l) => {
                            state.hidden = state.hidden.toggled(*l)
                        }
                        Some(_) => {}
                        None => problems.push(format!(
                            "unknown entity type {:?} in the filters",
                            dec(key).unwrap_or_default()
                        )),
                    }
                }
            }
            "p" => match dec(v) {
                Some(p) if !p.is_empty() => state.pinned = Some(p),
                _ => problems.push("the pinned entity is not readable".into()),
            },
            "pq" => match dec_quote(v) {
                Some(q) => state.pinned_quote = Some(q),
                None => problems.push("the pinned entity's mention is not readable".into()),
            },
            "c" => match dec_quote(v) {
                Some(q) => state.claim = Some(q),
                None => problems.push("the selected claim is not readable".into()),
            },
            "q" => match dec_quote(v) {
                Some(q) => state.highlights.push(q),
                None => problems.push("a highlight is not readable".into()),
            },
            "e" => state.embed = v == "1",
            _ => {} // unknown keys from newer versions are ignored
        }
    }
    if let (DocRef::Inline { title: t, .. }, Some(n)) = (&mut state.doc, title) {
        *t = Some(n);
    }
    Decoded {
        state,
        problems,
        packed,
        cut_short,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Offsets, Span, DEFAULT_TEXT};

    fn full_state() -> ViewState {
        let text = DEFAULT_TEXT;
        let o = Offsets::new(text);
        let q = |needle: &str| {
            let i = text.find(needle).unwrap();
            TextQuote::from_span(text, &o, Span::new(i, i + needle.len()))
        };
        ViewState {
            doc: DocRef::Bundled(DEFAULT_ID.into()),
            tab: Some(Tab::Claims),
            hidden: LabelSet::NONE.toggled(Label::Date).toggled(Label::Quantity),
            pinned: Some("person:vladimir-medinsky".into()),
            pinned_quote: Some(q("Vladimir Medinsky")),
            claim: Some(q("casualties reportedly exceeding one million")),
            highlights: vec![q("Russia’s dominant position")],
            embed: true,
        }
    }

    #[test]
    fn round_trip_everything() {
        let mut s = full_state();
        // Separators and non-ASCII inside quotes survive too.
        s.highlights.push(TextQuote {
            exact: "~&=%# é 😀".into(),
            prefix: "a~b".into(),
            suffix: String::new(),
            start: 7,
        });
        let d = decode(&encode(&s));
        assert_eq!(d.problems, Vec::<String>::new());
        assert_eq!(d.state, s);
    }

    #[test]
    fn inline_document_round_trips_and_stays_short() {
        let s = ViewState {
            doc: DocRef::Inline {
                title: Some("Talks · May".into()),
                text: DEFAULT_TEXT.into(),
            },
            ..ViewState::default()
        };
        let link = encode(&s);
        assert!(link.len() < 2600, "{}", link.len());
        assert_eq!(decode(&format!("#{link}")).state, s);
    }

    #[test]
    fn not_our_fragment_or_empty_is_default() {
        for f in ["", "#", "#section-2", "top"] {
            let d = decode(f);
            assert_eq!(d.state, ViewState::default(), "{f}");
            assert!(d.problems.is_empty(), "{f}");
        }
    }

    #[test]
    fn bad_links_open_what_they_can() {
        let cases = [
            ("v=2&p=person:x&zz=1", 1, true),
            ("v=abc&p=person:x", 1, true),
            ("v=1&x=%%%&p=person:x", 1, true),
            ("v=1&x=AAAA&p=person:x", 1, true),
            ("v=1&h=date,bogus&p=person:x", 1, true),
            ("v=1&c=notanumber~x&p=person:x", 1, true),
            ("v=1&q=1~&p=person:x", 1, true),
            ("v=1&t=nope&p=%ZZ", 2, false),
        ];
        for (link, n, pinned) in cases {
            let d = decode(link);
            assert_eq!(d.problems.len(), n, "{link}: {:?}", d.problems);
            assert_eq!(d.state.pinned.is_some(), pinned, "{link}");
            assert_eq!(d.state.doc, DocRef::Bundled(DEFAULT_ID.into()), "{link}");
        }
    }

    #[test]
    fn a_link_without_its_version_says_so_and_opens_its_document() {
        let text = "Officials in Nairobi said on Monday that 40 trucks had crossed.";
        let packed = pack_text(text);
        let cases = [
            (format!("x={packed}&n=Aid"), true),
            (format!("#x={packed}&p=person:x"), true),
            ("d=sample-istanbul-2025&p=person:x".to_string(), false),
        ];
        for (link, inline) in cases {
            let d = decode(&link);
            assert_eq!(
                d.problems,
                vec!["the link does not say its format version (v= is missing); it was read as format 1"],
                "{link}"
            );
            assert!(!d.cut_short, "{link}");
            assert_eq!(
                matches!(d.state.doc, DocRef::Inline { .. }),
                inline,
                "{link}"
            );
            if let DocRef::Inline { text: t, .. } = &d.state.doc {
                assert_eq!(t, text);
            }
        }
        // Fragments that name no document are someone else's (#t=10 is a
        // media fragment): nothing to restore, nothing to say.
        for f in ["#t=10", "#p=1", "#a=b&c=d"] {
            let d = decode(f);
            assert!(d.problems.is_empty(), "{f}: {:?}", d.problems);
            assert_eq!(d.state, ViewState::default(), "{f}");
        }
    }

    #[test]
    fn a_cut_link_says_it_looks_cut_short() {
        let inline = ViewState {
            doc: DocRef::Inline {
                title: Some("Talks · May".into()),
                text: DEFAULT_TEXT[..800].into(),
            },
            ..ViewState::default()
        };
        let link = encode(&inline);
        let x_end = link.find("&n=").unwrap();
        let named = "v=1&d=sample-istanbul-2025&q=3~caf%C3%A9~~";
        let cases: Vec<(&str, String, &str)> = vec![
            (
                "cut inside the document",
                link[..x_end - 7].to_string(),
                "the document in the link stops part-way; the sample article opened instead",
            ),
            (
                "a lone last character",
                {
                    let x = &link[6..x_end];
                    format!("v=1&x={}", &x[..(x.len() - 2) / 4 * 4 + 1])
                },
                "the document in the link stops part-way; the sample article opened instead",
            ),
            (
                "right after x=",
                "v=1&x=".into(),
                "the document in the link stops part-way; the sample article opened instead",
            ),
            (
                "inside the title's escape",
                link[..link.rfind("%B7").unwrap() + 2].to_string(),
                "the document's title is not readable",
            ),
            (
                "inside a quote's escape",
                named[..named.len() - 6].to_string(),
                "a highlight is not readable",
            ),
            (
                "inside a character's bytes",
                named[..named.len() - 5].to_string(),
                "a highlight is not readable",
            ),
        ];
        for (name, link, problem) in cases {
            let d = decode(&link);
            assert!(d.cut_short, "{name}: {link}");
            assert_eq!(d.problems, vec![problem.to_string()], "{name}");
            assert!(notice(&d.problems, d.cut_short).starts_with("This link looks cut short: "));
        }
        // Damaged, not cut: said so, not "cut short".
        for link in ["v=1&x=_w", "v=1&x=!!", "v=1&q=3~%ZZ~~"] {
            let d = decode(link);
            assert!(!d.cut_short, "{link}");
            assert_eq!(d.problems.len(), 1, "{link}");
            assert!(
                notice(&d.problems, false).starts_with("Part of this link could not be restored: ")
            );
        }
        // The whole link is not cut.
        assert!(!decode(&link).cut_short);
        assert!(!decode(named).cut_short);
    }

    /// Links made by this version must open the same way in every later one.
    #[test]
    fn golden_links() {
        let golden = [
            ("v=1&d=sample-istanbul-2025", ViewState::default()),
            (
                "v=1&d=sample-istanbul-2025&t=claims&h=date,quantity&p=person:vladimir-medinsky",
                ViewState {
                    tab: Some(Tab::Claims),
                    hidden: LabelSet::NONE.toggled(Label::Date).toggled(Label::Quantity),
                    pinned: Some("person:vladimir-medinsky".into()),
                    ..ViewState::default()
                },
            ),
            (
                "v=1&d=sample-istanbul-2025&q=1014~casualties%20reportedly~severe%20Ukrainian%20losses,%20with%20~%20exceeding%20one%20million&e=1",
                ViewState {
                    highlights: vec![TextQuote {
                        exact: "casualties reportedly".into(),
                        prefix: "severe Ukrainian losses, with ".into(),
                        suffix: " exceeding one million".into(),
                        start: 1014,
                    }],
                    embed: true,
                    ..ViewState::default()
                },
            ),
        ];
        for (link, want) in golden {
            let d = decode(link);
            assert!(d.problems.is_empty(), "{link}: {:?}", d.problems);
            assert_eq!(d.state, want, "{link}");
            assert_eq!(encode(&want), link);
        }
    }
}
