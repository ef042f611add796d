//! The first paint: the web viewer's first view of a document, as HTML.
//!
//! The build writes the bundled article's page into `index.html`
//! (`claimlens prerender DIR`, a Trunk hook), so the article is readable
//! and highlighted before any script runs — and for readers without
//! JavaScript, crawlers and printing. When the app starts it removes this
//! markup and mounts its own viewer in the same synchronous step, so the
//! reader sees no flash; the markup here is the viewer's, element for
//! element, so nothing moves either.
//!
//! It mirrors the web app's components (`src/ui`: `app::Viewer`,
//! `article::Article`, `legend`, `pinbar`, `entity_list`, `panel`, and the
//! header's buttons) as they first render, leaving out what they render
//! hidden and out of the layout (popovers, the card, the passage bar).
//! A change to their markup is a change here too: the browser test
//! `tests/first_paint.rs` compares the two, text, highlights and positions.
//!
//! Everything taken from the document is escaped; the markup has no inline
//! script or style, so the page's strict Content-Security-Policy holds.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::{analyse, prerender, Document};
//!
//! let doc = Document::from_plain_text("d", "Talks", "Talks in Istanbul <ended>.");
//! let html = prerender::page(&doc, &analyse(&doc));
//! assert!(html.starts_with("<div id=\"prerender\""));
//! assert!(html.contains(">Istanbul</mark>"));
//! assert!(html.contains("&lt;ended&gt;"));
//! ```

use std::fmt::Write as _;

use super::document::{BlockKind, Document};
use super::entities::{Analysis, Label};
use super::view::{
    bidi_marker_title, bidi_runs, has_bidi_controls, label_description, label_key, label_title,
    pieces, Piece, Run,
};

/// The id of the element that holds the first paint; the app removes it
/// when it mounts its viewer.
pub const ROOT_ID: &str = "prerender";

/// The page's first view of `doc`: header, article with its highlights and
/// legend, side panel (entity list and facts) and footer, inside one
/// `<div id="prerender">` to put at the end of `<body>`.
pub fn page(doc: &Document, analysis: &Analysis) -> String {
    let mut h = Html(String::with_capacity(doc.text.len() * 3 + 8192));
    h.raw(&format!("<div id=\"{ROOT_ID}\" data-doc=\""));
    h.attr(&doc.id);
    h.raw("\">");
    h.raw("<a class=\"skip-link\" href=\"#article\">Skip to article</a>");
    site_header(&mut h);
    h.raw("<main class=\"layout\">");
    article(&mut h, doc, analysis);
    h.raw("<aside class=\"side-panel\" aria-label=\"Analysis\"><div id=\"panel-body\" class=\"panel-body\">");
    tabs(&mut h, analysis);
    h.raw("<div id=\"panel-entities\" role=\"tabpanel\" aria-labelledby=\"tab-entities\">");
    entity_list(&mut h, analysis);
    h.raw("</div>");
    h.raw(
        "<div id=\"panel-claims\" role=\"tabpanel\" aria-labelledby=\"tab-claims\" hidden></div>",
    );
    h.raw(
        "<div id=\"panel-compare\" role=\"tabpanel\" aria-labelledby=\"tab-compare\" hidden></div>",
    );
    facts(&mut h, doc);
    h.raw("</div></aside></main>");
    h.raw("<div id=\"announcer\" class=\"sr-only\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></div>");
    h.raw("<footer class=\"site-footer\"><p>Runs entirely in your browser: the article never leaves this page.</p></footer>");
    h.raw("</div>");
    h.0
}

/// The id of the loading message in `index.html` ("Loading claimlens…").
pub const STATUS_ID: &str = "boot-status";

/// `index` (the built `index.html`) with `page` put just before its
/// loading message (the element whose id is [`STATUS_ID`]). The page's
/// style hides that message when it follows a first paint
/// (`#prerender ~ .boot-status`): a rule the browser applies as it parses
/// the message, so no frame shows it above the article and nothing moves
/// when it goes. (A rule on the body, `body:has(> #prerender)`, was
/// applied a frame late while the page streamed in.) A first paint
/// already there is replaced, so running the build step twice changes
/// nothing. The id may be quoted or not (the build minifies the HTML).
///
/// ```
/// use claimlens_core::prerender::into_index;
///
/// let index = "<html><body><noscript>No JS</noscript><div id=boot-status>Loading</div></body></html>";
/// let once = into_index(index, "<div id=\"prerender\">A</div>").unwrap();
/// assert_eq!(once, "<html><body><noscript>No JS</noscript><div id=\"prerender\">A</div>\
///                   <div id=boot-status>Loading</div></body></html>");
/// assert_eq!(into_index(&once, "<div id=\"prerender\">B</div>").unwrap(),
///            once.replace(">A<", ">B<"));
/// assert!(into_index("<html><body></body></html>", "x").is_err());
/// ```
pub fn into_index(index: &str, page: &str) -> Result<String, String> {
    let status = [format!("id={STATUS_ID}"), format!("id=\"{STATUS_ID}\"")]
        .iter()
        .find_map(|id| {
            let at = index.find(id.as_str())?;
            index[..at].rfind('<')
        })
        .ok_or("index.html has no loading message (#boot-status) to put the first paint before")?;
    let open = format!("<div id=\"{ROOT_ID}\"");
    // The first paint is one element with no other div holding it: it ends
    // at the loading message (as this function put it there).
    let start = index[..status].find(&open).unwrap_or(status);
    Ok(format!("{}{page}{}", &index[..start], &index[status..]))
}

/// HTML being written: markup as given, text and attribute values escaped.
struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// Text content: `&`, `<` and `>` escaped.
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                c => self.0.push(c),
            }
        }
    }

    /// An attribute value inside double quotes: the quote escaped too.
    fn attr(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("&quot;"),
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                c => self.0.push(c),
            }
        }
    }

    /// Text with each direction-control character in a marker of its own,
    /// as `article::marked` shows it.
    fn marked(&mut self, s: &str) {
        if !has_bidi_controls(s) {
            return self.text(s);
        }
        for run in bidi_runs(s) {
            match run {
                Run::Text(t) => self.text(t),
                Run::Control(c, short) => {
                    self.raw("<span class=\"bidi\" data-bidi=\"");
                    self.attr(short);
                    self.raw("\" title=\"");
                    self.attr(&bidi_marker_title(c));
                    self.raw("\">");
                    self.text(c);
                    self.raw("</span>");
                }
            }
        }
    }
}

/// `app::Viewer`'s site header and its buttons (their popovers start hidden).
fn site_header(h: &mut Html) {
    h.raw(concat!(
        "<header class=\"site-header\"><div class=\"brand\">",
        "<span class=\"brand-mark\" aria-hidden=\"true\"></span>",
        "<span class=\"brand-name\">claimlens</span>",
        "<span class=\"brand-tagline\">Who is named, what is claimed, and how others report it</span>",
        "</div><div class=\"header-actions\">",
        // intake::IntakeControl
        "<div class=\"intake\"><button type=\"button\" class=\"share-button\" aria-expanded=\"false\" ",
        "aria-controls=\"intake-panel\">Open…</button></div>",
        // share::ShareButton (with open::ImportButton)
        "<div class=\"share\"><button type=\"button\" class=\"share-button copy-link\" ",
        "title=\"Copy a link that reopens this view: document, pinned entity and filters\">Copy link</button>",
        "<button type=\"button\" class=\"link-button\" ",
        "title=\"Download the highlights, entities and claims as W3C Web Annotations (JSON-LD)\">Export</button>",
        "<label class=\"link-button file-button\" ",
        "title=\"Import highlights (W3C Web Annotation JSON-LD) or entities (displaCy JSON)\">Import…",
        "<input type=\"file\" class=\"sr-only import-file\" ",
        "accept=\".json,.jsonld,application/json,application/ld+json\"></label>",
        "<span class=\"share-status\" role=\"status\" aria-live=\"polite\"></span></div>",
        // embed::EmbedCode
        "<div class=\"embed-code\"><button type=\"button\" class=\"link-button\" aria-expanded=\"false\">Embed</button></div>",
        // theme::ThemeToggle (the automatic scheme until the app reads the reader's choice)
        "<button type=\"button\" class=\"theme-toggle\" ",
        "title=\"Switch between automatic, light and dark colours\" data-theme-choice=\"auto\">",
        "<span class=\"theme-icon\" aria-hidden=\"true\"></span>Theme: auto</button>",
        "</div></header>",
    ));
}

/// `article::Article`: title, details, legend, pin hint and the highlighted text.
fn article(h: &mut Html, doc: &Document, analysis: &Analysis) {
    h.raw("<article id=\"article\" class=\"article\" tabindex=\"-1\" aria-labelledby=\"doc-title\" lang=\"");
    h.attr(&doc.language);
    h.raw("\"><header class=\"article-header\"><h1 id=\"doc-title\" class=\"doc-title\">");
    h.marked(&doc.title);
    h.raw("</h1>");
    if doc.title_supplied {
        h.raw("<p class=\"title-supplied\"><span class=\"badge\">Heading supplied by claimlens</span> The article has no headline of its own.</p>");
    }
    let meta: Vec<&str> = [&doc.source, &doc.byline, &doc.date]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !meta.is_empty() {
        h.raw("<p class=\"doc-meta\">");
        h.text(&meta.join(" · "));
        h.raw("</p>");
    }
    let _ = write!(
        h.0,
        "<p class=\"sr-only\">{} highlighted mentions of {} entities. \
         Tab reaches a highlight in the text; the arrow keys move between \
         highlights and Enter pins one to step through its mentions. \
         The Entities list names them all.</p></header>",
        analysis.mentions.len(),
        analysis.entities.len()
    );
    legend(h, analysis);
    // pinbar::PinBar: the bar is laid out but invisible until a pin; its
    // hint shows in its place.
    h.raw(concat!(
        "<div class=\"pin-bar\" role=\"region\" aria-label=\"Pinned entity\" hidden><span class=\"pin-actions\">",
        "<button type=\"button\" class=\"pin-button\" title=\"Previous mention (p or k)\">",
        "<span aria-hidden=\"true\">‹</span><span class=\"pin-label\"> Previous</span></button>",
        "<button type=\"button\" class=\"pin-button\" title=\"Next mention (n or j)\">",
        "<span class=\"pin-label\">Next </span><span aria-hidden=\"true\">›</span></button>",
        "<button type=\"button\" class=\"pin-button\" title=\"Unpin (Escape)\">",
        "<span class=\"pin-x\" aria-hidden=\"true\">×</span><span class=\"pin-label\">Unpin</span></button>",
        "</span></div>"
    ));
    h.raw("<p class=\"pin-hint\" aria-hidden=\"true\">");
    if !analysis.mentions.is_empty() {
        h.raw("Click a highlight (or press Enter on it) to pin it and step through its mentions.");
    }
    h.raw("</p><div class=\"doc-body\">");
    let mut next = 0;
    for (b, block) in doc.blocks.iter().enumerate() {
        let (open, close) = match block.kind {
            // The page's h1 is the document title, so document headings start at h2.
            BlockKind::Heading(1) => ("<h2", "</h2>"),
            BlockKind::Heading(2) => ("<h3", "</h3>"),
            BlockKind::Heading(3) => ("<h4", "</h4>"),
            BlockKind::Heading(4) => ("<h5", "</h5>"),
            BlockKind::Heading(_) => ("<h6", "</h6>"),
            BlockKind::Quote => ("<blockquote", "</p></blockquote>"),
            BlockKind::Paragraph => ("<p", "</p>"),
        };
        let _ = write!(h.0, "{open} class=\"doc-block\" data-b=\"{b}\">");
        if block.kind == BlockKind::Quote {
            h.raw("<p>");
        }
        for piece in pieces(&doc.text, block.span, &analysis.mentions, &mut next) {
            match piece {
                Piece::Text(t) => h.marked(t),
                Piece::Mention(i, t) => {
                    let m = &analysis.mentions[i];
                    let key = label_key(m.label);
                    let _ = write!(
                        h.0,
                        "<mark class=\"m m-{key}\" data-l=\"{key}\" data-m=\"{i}\" data-e=\"{}\"",
                        m.entity
                    );
                    // The article's one tab stop among the highlights starts at the first.
                    if i == 0 {
                        h.raw(" tabindex=\"0\" role=\"button\"");
                    }
                    h.raw(">");
                    h.marked(t);
                    h.raw("</mark>");
                }
            }
        }
        h.raw(close);
    }
    h.raw("</div></article>");
}

/// Mentions of each type, in display order.
fn counts(analysis: &Analysis) -> impl Iterator<Item = (Label, usize)> + '_ {
    Label::ALL
        .into_iter()
        .map(|l| (l, analysis.mentions.iter().filter(|m| m.label == l).count()))
}

/// `legend::Legend`: a toggle per type present, with its count.
fn legend(h: &mut Html, analysis: &Analysis) {
    h.raw("<div class=\"legend\" role=\"group\" aria-label=\"Highlight entity types\"><div class=\"legend-toggles\">");
    for (label, n) in counts(analysis).filter(|(_, n)| *n > 0) {
        let key = label_key(label);
        let _ = write!(
            h.0,
            "<button type=\"button\" class=\"legend-toggle lt-{key}\" aria-pressed=\"true\" \
             title=\"{}: show or hide their highlights\">\
             <span class=\"swatch sw-{key}\" aria-hidden=\"true\"></span>\
             <span class=\"legend-name\">{}</span><span class=\"legend-count\">{n}</span></button>",
            label_description(label),
            label_title(label)
        );
    }
    h.raw(concat!(
        "</div><div class=\"legend-actions\">",
        "<button type=\"button\" class=\"link-button\">All</button>",
        "<button type=\"button\" class=\"link-button\">None</button>",
        "<button type=\"button\" class=\"link-button\" aria-pressed=\"false\">Type labels</button>",
        "</div></div>"
    ));
}

/// `app::PanelTabs`, the Entities tab selected.
fn tabs(h: &mut Html, analysis: &Analysis) {
    let claims = analysis.claims.iter().filter(|c| c.checkworthy).count();
    let tabs = [
        (
            "tab-entities",
            "panel-entities",
            "Entities",
            Some(analysis.entities.len()),
        ),
        ("tab-claims", "panel-claims", "Claims", Some(claims)),
        ("tab-compare", "panel-compare", "Compare", None),
    ];
    h.raw("<div class=\"tabs\" role=\"tablist\" aria-label=\"Analysis panels\">");
    for (k, (id, panel, name, n)) in tabs.into_iter().enumerate() {
        let (selected, tabindex) = if k == 0 {
            ("true", "0")
        } else {
            ("false", "-1")
        };
        let _ = write!(
            h.0,
            "<button type=\"button\" role=\"tab\" id=\"{id}\" class=\"tab\" aria-controls=\"{panel}\" \
             aria-selected=\"{selected}\" tabindex=\"{tabindex}\">{name}"
        );
        if let Some(n) = n {
            let _ = write!(h.0, "<span class=\"tab-count\">{n}</span>");
        }
        h.raw("</button>");
    }
    h.raw("</div>");
}

/// `entity_list::EntityList`: entities grouped by type, most mentioned first.
fn entity_list(h: &mut Html, analysis: &Analysis) {
    let _ = write!(
        h.0,
        "<section class=\"panel-card entity-list\" aria-labelledby=\"entities-title\">\
         <h2 id=\"entities-title\" class=\"panel-title\">Entities · {}</h2>\
         <label class=\"filter-label\" for=\"entity-filter\">Filter entities</label>\
         <input id=\"entity-filter\" class=\"filter-input\" type=\"search\" placeholder=\"Name…\" autocomplete=\"off\">\
         <div class=\"entity-groups\">",
        analysis.entities.len()
    );
    for label in Label::ALL {
        // The analysis lists entities most mentioned first (entities::cluster).
        let rows: Vec<usize> = (analysis.entities.iter().enumerate())
            .filter(|(_, e)| e.label == label && !e.mentions.is_empty())
            .map(|(i, _)| i)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let key = label_key(label);
        let _ = write!(
            h.0,
            "<section class=\"entity-group\" data-l=\"{key}\"><h3 class=\"entity-group-title\">\
             <span class=\"swatch sw-{key}\" aria-hidden=\"true\"></span>{}\
             <span class=\"entity-group-count\">{}</span></h3><ul class=\"entity-rows\">",
            label_title(label),
            rows.len()
        );
        for i in rows {
            let e = &analysis.entities[i];
            let n = e.mentions.len();
            let _ = write!(
                h.0,
                "<li data-e=\"{i}\"><button type=\"button\" class=\"entity-row\" data-e=\"{i}\" \
                 aria-pressed=\"false\"><span class=\"entity-name\">"
            );
            h.text(&e.name);
            let plural = if n == 1 { "mention" } else { "mentions" };
            let _ = write!(
                h.0,
                "</span><span class=\"entity-count\">{n}<span class=\"sr-only\"> {plural}</span></span></button></li>"
            );
        }
        h.raw("</ul></section>");
    }
    h.raw("</div></section>");
}

/// `panel::DocumentFacts`.
fn facts(h: &mut Html, doc: &Document) {
    let rows = doc.facts();
    h.raw("<section class=\"panel-card\" aria-labelledby=\"facts-title\"><h2 id=\"facts-title\" class=\"panel-title\">This document</h2><dl class=\"facts\">");
    for (k, v) in rows {
        let _ = write!(h.0, "<div class=\"fact\"><dt>{k}</dt><dd>");
        h.text(&v);
        h.raw("</dd></div>");
    }
    h.raw("</dl></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, default_document};

    fn page_of(title: &str, text: &str) -> String {
        crate::frontcode::install_bundled();
        let doc = Document::from_plain_text("t", title, text);
        page(&doc, &analyse(&doc))
    }

    #[test]
    fn the_bundled_article_is_highlighted_with_every_mention() {
        crate::frontcode::install_bundled();
        let doc = default_document();
        let a = analyse(&doc);
        let html = page(&doc, &a);
        assert_eq!(html.matches("<mark ").count(), a.mentions.len());
        assert_eq!(
            html.matches("class=\"doc-block\"").count(),
            doc.blocks.len()
        );
        assert!(html.contains("data-doc=\"sample-istanbul-2025\""));
        assert!(html.contains("Heading supplied by claimlens"));
        assert_eq!(html.matches("tabindex=\"0\" role=\"button\"").count(), 1);
    }

    #[test]
    fn document_text_and_names_are_escaped() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("Fish & Chips", "Fish &amp; Chips"),
            ("\"quoted\" <b>", "\"quoted\" &lt;b&gt;"),
        ];
        for (text, escaped) in cases {
            let html = page_of(text, &format!("Talks in Istanbul. {text}"));
            assert!(html.contains(escaped), "{text}: {html}");
            assert!(
                !html.contains("<script>") && !html.contains("<b>"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_document_id_cannot_leave_its_attribute() {
        crate::frontcode::install_bundled();
        let doc = Document::from_plain_text("x\" onload=\"alert(1)", "T", "Talks.");
        let html = page(&doc, &analyse(&doc));
        assert!(
            html.starts_with("<div id=\"prerender\" data-doc=\"x&quot; onload=&quot;alert(1)\">")
        );
    }

    #[test]
    fn direction_controls_are_shown_in_markers() {
        let html = page_of("Title", "Talks in \u{202E}Istanbul ended.");
        assert!(
            html.contains("<span class=\"bidi\" data-bidi=\"RLO\""),
            "{html}"
        );
    }

    #[test]
    fn the_markup_has_no_inline_script_or_style() {
        let html = page_of(
            "T",
            "Talks in Istanbul between Russia and Ukraine on 16 May 2025.",
        );
        for bad in ["<script", " style=", " onclick=", "javascript:"] {
            assert!(!html.contains(bad), "{bad}");
        }
    }

    #[test]
    fn headings_quotes_and_paragraphs_keep_their_elements() {
        crate::frontcode::install_bundled();
        let mut doc = Document::from_plain_text("t", "T", "Heading\n\nA quote.\n\nText.");
        doc.blocks[0].kind = BlockKind::Heading(1);
        doc.blocks[1].kind = BlockKind::Quote;
        let html = page(&doc, &analyse(&doc));
        assert!(
            html.contains("<h2 class=\"doc-block\" data-b=\"0\">Heading</h2>"),
            "{html}"
        );
        assert!(html
            .contains("<blockquote class=\"doc-block\" data-b=\"1\"><p>A quote.</p></blockquote>"));
        assert!(html.contains("<p class=\"doc-block\" data-b=\"2\">Text.</p>"));
    }
}
