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
//! | `nt`  | `1`: the title (`n`) was supplied by claimlens, not the text |
//! | `nb`  | the document's byline                                      |
//! | `nd`  | the document's date, as written                            |
//! | `np`  | the document's publication (site) name                     |
//! | `nu`  | the page the document came from (`http(s)` only)           |
//! | `r`   | Compare: show only claims with this relation (`differs`, `agrees`, `adds_context`, `no_reference`) |
//! | `sp`  | Compare: show only claims by this speaker                  |
//! | `o`   | Compare: order of the claims (`score`, `speaker`; position when absent) |
//! | `ca`  | `1`: Claims lists every claim, not only check-worthy ones  |
//! | `b`   | `1`: type labels shown after each highlight                |
//! | `s`   | a source added in Compare: `name~packed text` (repeatable, in order) |
//! | `sx`  | the name of an added source the link could not carry (repeatable) |
//!
//! A quote is `start~exact~prefix~suffix`, each part percent-encoded.
//! `n` names an inline document's title, or, beside `d=local:…`, the title
//! of a document kept only in the sender's browser. Keys added after the
//! first release (`nt` to `sx`) are written only when they differ from the
//! default, so older links decode to the same view and older versions of
//! claimlens open newer links, ignoring what they do not know.
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
mod json_write;
mod pack;

pub use anchor::{anchor, Anchored, TextQuote, CONTEXT};
pub use annotation::{annotation_source, import_web_annotations, web_annotations, Imported};
pub(crate) use annotation::{hundredths, urn_part};
pub use displacy::{displacy_label, import_displacy, DisplacyDoc};
pub use embed::{embed_link, embed_snippet, height_messages, HeightMessage, DATAWRAPPER_ID};
pub use fragment::{source_link, text_fragment, TextFragment};
pub(crate) use json::json_str;
pub use json::{parse_json, Json};
pub use pack::{
    base64url_decode, base64url_encode, deflate_with_dictionary, inflate_with_dictionary,
    pack_text, unpack_text, UnpackError, DICTIONARY_V1, MAX_UNPACKED,
};

use super::compare::Relation;
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

/// What a link says about its document besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// The title of a document named by id (`n=` beside `d=`), so a link
    /// to a document kept only in the sender's browser can name it.
    pub title: Option<String>,
    /// True when an inline document's title was supplied by claimlens
    /// (`nt=1`): the receiver marks it as the sender saw it.
    pub title_supplied: bool,
    /// Byline (`nb=`).
    pub byline: Option<String>,
    /// Date as written (`nd=`).
    pub date: Option<String>,
    /// Publication or site name (`np=`).
    pub publication: Option<String>,
    /// The `http(s)` page the document came from (`nu=`).
    pub url: Option<String>,
}

/// How the Compare tab orders its claims (`o=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// In the article's order (the default; not written).
    #[default]
    Position,
    /// Most check-worthy first.
    Score,
    /// Grouped by speaker.
    Speaker,
}

impl Order {
    /// The key used in links and in the panel's control (`""` for the default).
    pub fn key(self) -> &'static str {
        match self {
            Order::Position => "",
            Order::Score => "score",
            Order::Speaker => "speaker",
        }
    }

    /// The inverse of [`Order::key`] (`position` also reads as the default).
    pub fn parse(s: &str) -> Option<Order> {
        Some(match s {
            "" | "position" => Order::Position,
            "score" => Order::Score,
            "speaker" => Order::Speaker,
            _ => return None,
        })
    }
}

/// A source the reader added in the Compare tab, as a link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedSource {
    /// Its name in the Compare tab.
    pub name: String,
    /// Its text, exactly as it was compared.
    pub text: String,
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
    /// The document's title flag and metadata.
    pub meta: DocMeta,
    /// Compare: only claims with this relation.
    pub relation: Option<Relation>,
    /// Compare: only claims by this speaker (as the panel names them).
    pub speaker: Option<String>,
    /// Compare: the order of the claims.
    pub order: Order,
    /// Claims: list every claim, not only the check-worthy ones.
    pub all_claims: bool,
    /// Type labels after each highlight.
    pub badges: bool,
    /// Sources added in the Compare tab, in the order added.
    pub sources: Vec<SharedSource>,
    /// Names of added sources the link could not carry, so the receiver
    /// is told ([`left_out_notice`]).
    pub left_out: Vec<String>,
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
            meta: DocMeta::default(),
            relation: None,
            speaker: None,
            order: Order::Position,
            all_claims: false,
            badges: false,
            sources: Vec::new(),
            left_out: Vec::new(),
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
    /// The added sources' texts as the link packed them (`s=`), one per
    /// [`ViewState::sources`], to carry on without packing them again (an
    /// empty one, which no link holds, is a source too long to travel in a
    /// link: a change of base, [`crate::app::rebase`], keeps it so).
    pub packed_sources: Vec<String>,
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
    let sources: Vec<String> = state.sources.iter().map(|s| pack_text(&s.text)).collect();
    let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
    encode_with(state, packed.as_deref(), &sources)
}

/// [`encode`], with an inline document's text and the added sources'
/// texts already packed by [`pack_text`] (so a viewer packs a long
/// document once, not at every change of view, and the browser app's first
/// download needs no DEFLATE compressor). `packed` is ignored for bundled
/// documents; for an inline one it is the text that goes in the link
/// (none: an empty document). `sources[i]` is the packed text of
/// `state.sources[i]` (the texts in `state` are not read).
pub fn encode_with(state: &ViewState, packed: Option<&str>, sources: &[&str]) -> String {
    let mut out = format!("v={VERSION}");
    let opt = |key: &str, value: &Option<String>, out: &mut String| {
        if let Some(v) = value {
            out.push('&');
            out.push_str(key);
            out.push('=');
            enc(v, out);
        }
    };
    match &state.doc {
        DocRef::Bundled(id) => {
            out.push_str("&d=");
            enc(id, &mut out);
            opt("n", &state.meta.title, &mut out);
        }
        DocRef::Inline { title, .. } => {
            out.push_str("&x=");
            out.push_str(packed.unwrap_or_default());
            opt("n", title, &mut out);
            if title.is_some() && state.meta.title_supplied {
                out.push_str("&nt=1");
            }
        }
    }
    opt("nb", &state.meta.byline, &mut out);
    opt("nd", &state.meta.date, &mut out);
    opt("np", &state.meta.publication, &mut out);
    opt("nu", &state.meta.url, &mut out);
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
    if let Some(r) = state.relation {
        out.push_str("&r=");
        out.push_str(r.name());
    }
    opt("sp", &state.speaker, &mut out);
    if state.order != Order::Position {
        out.push_str("&o=");
        out.push_str(state.order.key());
    }
    if state.all_claims {
        out.push_str("&ca=1");
    }
    if state.badges {
        out.push_str("&b=1");
    }
    if state.embed {
        out.push_str("&e=1");
    }
    for name in &state.left_out {
        out.push_str("&sx=");
        enc(name, &mut out);
    }
    // Sources last: the longest parameters, so a link cut short loses them
    // (and says so) before it loses the view.
    for (s, packed) in state.sources.iter().zip(sources) {
        out.push_str("&s=");
        enc(&s.name, &mut out);
        out.push('~');
        out.push_str(packed);
    }
    out
}

/// The length in a link of an added source named `name` whose text packs
/// to `packed` characters (`&s=name~packed`).
pub fn source_cost(name: &str, packed: usize) -> usize {
    let mut n = String::new();
    enc(name, &mut n);
    4 + n.len() + packed
}

/// Which added sources fit in a link that is `base` characters long
/// without them, given each one's [`source_cost`] (`None`: not packed, it
/// cannot travel): the first ones that fit under [`MAX_LINK`], in order.
///
/// ```
/// use claimlens_core::share::{fit_sources, MAX_LINK};
/// let fits = fit_sources(1_000, &[Some(20_000), None, Some(20_000), Some(5_000)]);
/// assert_eq!(fits, vec![true, false, false, true]);
/// assert!(MAX_LINK < 1_000 + 40_000);
/// ```
pub fn fit_sources(base: usize, costs: &[Option<usize>]) -> Vec<bool> {
    let mut total = base;
    costs
        .iter()
        .map(|c| match c {
            // Room is kept for the names of the sources left out (`sx=`).
            Some(c) if total + c + 200 <= MAX_LINK => {
                total += c;
                true
            }
            _ => false,
        })
        .collect()
}

/// What "Copy link" says of an added source the link cannot carry:
/// `number` counts the sources in the Compare tab from 1; `alone`: it is
/// too long to travel in a link by itself (else the workspace is: the
/// documents before it took the room).
///
/// ```
/// use claimlens_core::share::not_in_link;
/// assert_eq!(
///     not_in_link(2, "report.txt", true),
///     "Source 2 (report.txt) is only in this browser and is not in the link: it is too long to travel in one (links stop at 32000 characters). Send it as a file."
/// );
/// assert_eq!(
///     not_in_link(3, "notes.md", false),
///     "Source 3 (notes.md) is only in this browser and is not in the link: with the documents before it, the workspace is too large for one link (links stop at 32000 characters). Send it as a file, or remove a document."
/// );
/// ```
pub fn not_in_link(number: usize, name: &str, alone: bool) -> String {
    let why = if alone {
        "it is too long to travel in one"
    } else {
        "with the documents before it, the workspace is too large for one link"
    };
    let remove = if alone { "" } else { ", or remove a document" };
    format!(
        "Source {number} ({name}) is only in this browser and is not in the link: {why} (links stop at {MAX_LINK} characters). Send it as a file{remove}."
    )
}

/// What the receiver of a link is told about the added sources it could
/// not carry ([`ViewState::left_out`]); `None` when there are none.
///
/// ```
/// use claimlens_core::share::left_out_notice;
/// assert_eq!(left_out_notice(&[]), None);
/// assert_eq!(
///     left_out_notice(&["report.txt".to_string()]).unwrap(),
///     "the sender also compared this document with report.txt, which was too long to travel in the link: add it in the Compare tab to see the same comparison"
/// );
/// ```
pub fn left_out_notice(names: &[String]) -> Option<String> {
    let (last, rest) = names.split_last()?;
    let list = if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    let (which, it) = if rest.is_empty() {
        ("was", "it")
    } else {
        ("were", "them")
    };
    Some(format!(
        "the sender also compared this document with {list}, which {which} too long to travel in the link: add {it} in the Compare tab to see the same comparison"
    ))
}

/// What went wrong with a packed source, after its name.
fn source_problem(e: UnpackError) -> &'static str {
    match e {
        UnpackError::Encoding => "is not valid base64url",
        UnpackError::CutShort => "stops part-way",
        UnpackError::Corrupt => "is damaged",
        UnpackError::TooLarge => "is larger than 2 MB",
        UnpackError::NotText => "is not UTF-8 text",
    }
}

/// True for an address "Open at the source" may link to.
fn http_url(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
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
            ..Decoded::default()
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
                ..Decoded::default()
            };
        }
        _ => problems.push("the link's format version is not readable".to_string()),
    }
    let mut title = None;
    let mut packed = None;
    let mut packed_sources = Vec::new();
    let mut supplied = false;
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
            "nt" => supplied = v == "1",
            "nb" | "nd" | "np" | "nu" => match dec(v) {
                Some(s) if k == "nu" && !http_url(&s) => {
                    problems.push("the document's address is not an http(s) address".into())
                }
                Some(s) if !s.is_empty() => {
                    let m = &mut state.meta;
                    *match k {
                        "nb" => &mut m.byline,
                        "nd" => &mut m.date,
                        "np" => &mut m.publication,
                        _ => &mut m.url,
                    } = Some(s);
                }
                Some(_) => {}
                None => problems.push("the document's details are not readable".into()),
            },
            "r" => match Relation::parse(v) {
                Some(r) => state.relation = Some(r),
                None => problems.push(format!(
                    "unknown relation {:?} in the Compare filters",
                    dec(v).unwrap_or_default()
                )),
            },
            "sp" => match dec(v) {
                Some(s) => state.speaker = (!s.is_empty()).then_some(s),
                None => problems.push("the speaker in the Compare filters is not readable".into()),
            },
            "o" => match Order::parse(v) {
                Some(o) => state.order = o,
                None => problems.push(format!(
                    "unknown order {:?} for the Compare list",
                    dec(v).unwrap_or_default()
                )),
            },
            "ca" => state.all_claims = v == "1",
            "b" => state.badges = v == "1",
            "sx" => match dec(v) {
                Some(n) if !n.is_empty() => state.left_out.push(n),
                Some(_) => {}
                None => problems.push("the name of a source left out is not readable".into()),
            },
            "s" => {
                let n = state.sources.len() + 1;
                let (name, body) = v.split_once('~').unwrap_or((v, ""));
                match (dec(name), unpack_text(body, MAX_UNPACKED)) {
                    (Some(name), Ok(text)) => {
                        state.sources.push(SharedSource { name, text });
                        packed_sources.push(body.to_string());
                    }
                    (None, _) => problems.push(format!(
                        "added source {n} in the link is not readable; it was left out"
                    )),
                    (Some(name), Err(e)) => {
                        cut_short |= e == UnpackError::CutShort;
                        problems.push(format!(
                            "added source {n} ({name}) in the link {}; it was left out",
                            source_problem(e)
                        ))
                    }
                }
            }
            _ => {} // unknown keys from newer versions are ignored
        }
    }
    match (&mut state.doc, title) {
        (DocRef::Inline { title: t, .. }, Some(n)) => {
            *t = Some(n);
            state.meta.title_supplied = supplied;
        }
        (DocRef::Bundled(_), n) => state.meta.title = n,
        _ => {}
    }
    Decoded {
        state,
        problems,
        packed,
        packed_sources,
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
            meta: DocMeta {
                title: Some("Talks in Istanbul".into()),
                byline: Some("Anna Schmidt".into()),
                date: Some("2 March 2026".into()),
                publication: Some("The Wire & Co".into()),
                url: Some("https://example.org/a?b=1#c".into()),
                title_supplied: false,
            },
            relation: Some(Relation::AddsContext),
            speaker: Some("Vladimir Medinsky".into()),
            order: Order::Speaker,
            all_claims: true,
            badges: true,
            sources: vec![
                SharedSource {
                    name: "Wire report, 4 June ~ & = é".into(),
                    text: "Medinsky referred to an 18-year war with Sweden.".into(),
                },
                SharedSource {
                    name: String::new(),
                    text: DEFAULT_TEXT[..2000].into(),
                },
            ],
            left_out: vec!["report.txt".into(), "a~b & c".into()],
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

#[cfg(test)]
mod view_tests {
    use super::*;
    use crate::DEFAULT_TEXT;

    fn inline(title: Option<&str>) -> ViewState {
        ViewState {
            doc: DocRef::Inline {
                title: title.map(str::to_string),
                text: "Officials in Nairobi said on Monday that 40 trucks had crossed.".into(),
            },
            ..ViewState::default()
        }
    }

    fn source(name: &str, text: &str) -> SharedSource {
        SharedSource {
            name: name.into(),
            text: text.into(),
        }
    }

    /// Each part of the view a link carries, alone: it round-trips, and
    /// the link says it with the key the module doc names.
    #[test]
    fn every_part_of_the_view_round_trips() {
        let with = |f: &dyn Fn(&mut ViewState)| {
            let mut s = ViewState::default();
            f(&mut s);
            s
        };
        let cases: Vec<(&str, ViewState)> = vec![
            (
                "&r=differs",
                with(&|s| s.relation = Some(Relation::Differs)),
            ),
            (
                "&r=no_reference",
                with(&|s| s.relation = Some(Relation::NoReference)),
            ),
            (
                "&sp=Vladimir%20Medinsky",
                with(&|s| s.speaker = Some("Vladimir Medinsky".into())),
            ),
            ("&o=score", with(&|s| s.order = Order::Score)),
            ("&o=speaker", with(&|s| s.order = Order::Speaker)),
            ("&ca=1", with(&|s| s.all_claims = true)),
            ("&b=1", with(&|s| s.badges = true)),
            (
                "&sx=report.txt",
                with(&|s| s.left_out = vec!["report.txt".into()]),
            ),
            (
                "&n=Long%20report",
                with(&|s| {
                    s.doc = DocRef::Bundled("local:00ff".into());
                    s.meta.title = Some("Long report".into())
                }),
            ),
            (
                "&nb=By%20Anna%20Schmidt&nd=2%20March%202026",
                with(&|s| {
                    s.meta.byline = Some("By Anna Schmidt".into());
                    s.meta.date = Some("2 March 2026".into())
                }),
            ),
            (
                "&np=The%20Wire&nu=https:%2F%2Fexample.org%2Fnews",
                with(&|s| {
                    s.meta.publication = Some("The Wire".into());
                    s.meta.url = Some("https://example.org/news".into())
                }),
            ),
            (
                "&s=Wire%20report~",
                with(&|s| s.sources = vec![source("Wire report", "An 18-year war.")]),
            ),
            (
                "&nt=1",
                ViewState {
                    meta: DocMeta {
                        title_supplied: true,
                        ..DocMeta::default()
                    },
                    ..inline(Some("Officials in Nairobi said…"))
                },
            ),
        ];
        for (key, state) in cases {
            let link = encode(&state);
            assert!(link.contains(key), "{key}: {link}");
            let d = decode(&link);
            assert!(d.problems.is_empty(), "{key}: {:?}", d.problems);
            assert_eq!(d.state, state, "{key}");
            assert_eq!(d.packed_sources.len(), state.sources.len(), "{key}");
            // Carried on as the link packed it, the same link again.
            let packed: Vec<&str> = d.packed_sources.iter().map(String::as_str).collect();
            assert_eq!(encode_with(&d.state, d.packed.as_deref(), &packed), link);
        }
    }

    #[test]
    fn sources_keep_their_order_names_and_exact_text() {
        let texts = [
            ("Wire report", "Medinsky referred to an 18-year war."),
            ("a~b&c=d é", " leading space\nand a newline\n"),
            ("", &DEFAULT_TEXT[..3000]),
        ];
        let state = ViewState {
            sources: texts.iter().map(|(n, t)| source(n, t)).collect(),
            ..inline(Some("Aid"))
        };
        let d = decode(&encode(&state));
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.state.sources, state.sources);
    }

    #[test]
    fn a_title_supplied_by_claimlens_travels_marked() {
        // Before: a supplied title was left out and the receiver saw
        // "Shared document"; now it travels with `nt=1`.
        let s = ViewState {
            meta: DocMeta {
                title_supplied: true,
                ..DocMeta::default()
            },
            ..inline(Some("Officials in Nairobi said…"))
        };
        let d = decode(&encode(&s));
        assert_eq!(d.state, s);
        // `nt` means nothing without a title, and is not written then.
        let bare = ViewState {
            meta: DocMeta {
                title_supplied: true,
                ..DocMeta::default()
            },
            ..inline(None)
        };
        assert!(!encode(&bare).contains("nt="));
        assert!(!decode(&encode(&bare)).state.meta.title_supplied);
    }

    #[test]
    fn bad_new_keys_are_said_and_the_rest_opens() {
        let good = pack_text("An 18-year war.");
        let cases = [
            (
                "v=1&r=maybe&p=person:x",
                "unknown relation \"maybe\" in the Compare filters",
            ),
            (
                "v=1&o=random&p=person:x",
                "unknown order \"random\" for the Compare list",
            ),
            (
                "v=1&sp=%ZZ&p=person:x",
                "the speaker in the Compare filters is not readable",
            ),
            (
                "v=1&nu=javascript:alert(1)&p=person:x",
                "the document's address is not an http(s) address",
            ),
            (
                "v=1&nb=%E9&p=person:x",
                "the document's details are not readable",
            ),
            (
                "v=1&sx=%ZZ&p=person:x",
                "the name of a source left out is not readable",
            ),
            (
                "v=1&s=Wire~!!!&p=person:x",
                "added source 1 (Wire) in the link is not valid base64url; it was left out",
            ),
            (
                "v=1&s=Wire~_w&p=person:x",
                "added source 1 (Wire) in the link is damaged; it was left out",
            ),
        ];
        for (link, problem) in cases {
            let d = decode(link);
            assert_eq!(d.problems, vec![problem.to_string()], "{link}");
            assert_eq!(d.state.pinned.as_deref(), Some("person:x"), "{link}");
            assert!(d.state.sources.is_empty(), "{link}");
        }
        // One bad source does not stop the next.
        let d = decode(&format!("v=1&s=A~!!&s=B~{good}"));
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.state.sources, vec![source("B", "An 18-year war.")]);
        assert_eq!(d.packed_sources, vec![good.clone()]);
        // A link cut inside its last source says it looks cut short.
        let long = pack_text(&DEFAULT_TEXT[..3000]);
        let d = decode(&format!("v=1&s=A~{good}&s=B~{}", &long[..long.len() / 2]));
        assert!(d.cut_short);
        assert_eq!(
            d.problems,
            vec!["added source 2 (B) in the link stops part-way; it was left out".to_string()]
        );
        assert_eq!(d.state.sources.len(), 1);
    }

    /// Links written before these keys existed open exactly as before, and
    /// a view with none of them set writes the same link as then.
    #[test]
    fn old_links_decode_the_same() {
        let packed = pack_text("Officials in Nairobi said on Monday that 40 trucks had crossed.");
        let old = [
            "v=1&d=sample-istanbul-2025".to_string(),
            "v=1&d=sample-istanbul-2025&t=compare&c=5~talks~~".to_string(),
            format!("v=1&x={packed}&n=Aid%20convoy&t=claims"),
            format!("v=1&x={packed}"),
            "v=1&d=local:00000000000000ff&p=person:x".to_string(),
        ];
        for link in &old {
            let d = decode(link);
            assert!(d.problems.is_empty(), "{link}: {:?}", d.problems);
            let s = &d.state;
            assert_eq!(s.meta, DocMeta::default(), "{link}");
            assert_eq!(
                (s.relation, &s.speaker, s.order, s.all_claims, s.badges),
                (None, &None, Order::Position, false, false),
                "{link}"
            );
            assert!(s.sources.is_empty() && s.left_out.is_empty(), "{link}");
            assert_eq!(&encode(s), link);
        }
    }

    #[test]
    fn sources_that_do_not_fit_are_left_out_in_order() {
        let cases: Vec<(usize, Vec<Option<usize>>, Vec<bool>)> = vec![
            (100, vec![], vec![]),
            (100, vec![Some(1_000), Some(2_000)], vec![true, true]),
            (100, vec![None, Some(1_000)], vec![false, true]),
            (30_000, vec![Some(1_000), Some(2_000)], vec![true, false]),
            (100, vec![Some(MAX_LINK), Some(10)], vec![false, true]),
            (MAX_LINK, vec![Some(1)], vec![false]),
        ];
        for (base, costs, want) in cases {
            assert_eq!(fit_sources(base, &costs), want, "{base} {costs:?}");
        }
        assert_eq!(source_cost("a b", 10), "&s=a%20b~".len() + 10);
    }

    #[test]
    fn the_receiver_is_told_of_sources_left_out() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases = [
            (names(&[]), None),
            (
                names(&["a.txt", "b.txt", "c"]),
                Some("the sender also compared this document with a.txt, b.txt and c, which were too long to travel in the link: add them in the Compare tab to see the same comparison"),
            ),
        ];
        for (n, want) in cases {
            assert_eq!(left_out_notice(&n).as_deref(), want);
        }
    }
}
