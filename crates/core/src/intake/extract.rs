//! Readability-style article extraction over a [`Tree`].
//!
//! 1. Boilerplate is set aside: navigation, headers, footers, asides, forms,
//!    scripts, styles, frames, hidden elements, and elements whose class or
//!    id names comments, cookie or consent banners, share bars, related
//!    links, newsletters, promotions, ads or sidebars.
//! 2. Each paragraph-like element (a `<p>`, `<pre>`, `<td>`, or any element
//!    holding text but no blocks — the "div soup" case) of 25+ characters
//!    scores `1 + commas + min(chars / 100, 3)` for its parent, half for its
//!    grandparent and less further up. Candidates start from a tag bonus and
//!    ±25 for class/id hints, and end scaled by `1 − link density`.
//! 3. The best candidate is kept with those of its siblings that score
//!    close to it or read like paragraphs, and inside them lists, boxes and
//!    paragraphs made mostly of links are dropped.
//! 4. What is left is written as blocks: `#` headings, paragraphs, `• `
//!    list items and `> ` quotes, separated by blank lines — the form
//!    [`split_blocks`](crate::split_blocks) reads.

use super::meta::{read_meta, Meta};
use super::tree::{push_collapsed, NodeKind, Tree};
use crate::text::WordSet;

/// An extracted article: metadata and block text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Title, byline, date and site name.
    pub meta: Meta,
    /// The article as block text (see the module docs).
    pub text: String,
    /// False when no article container stood out and the whole page's
    /// visible text was taken instead.
    pub found_article: bool,
}

/// Elements never read (the `amp-` ones: AMP components that carry no
/// article text).
static DROP_TAGS: WordSet = WordSet::new(concat!(
    "amp-ad|",
    "amp-analytics|",
    "amp-consent|",
    "amp-embed|",
    "amp-iframe|",
    "amp-sidebar|",
    "amp-social-share|",
    "amp-user-notification|",
    "aside|",
    "audio|",
    "button|",
    "canvas|",
    "dialog|",
    "embed|",
    "figcaption|",
    "footer|",
    "form|",
    "head|",
    "header|",
    "iframe|",
    "input|",
    "link|",
    "map|",
    "menu|",
    "meta|",
    "nav|",
    "noscript|",
    "object|",
    "script|",
    "select|",
    "style|",
    "svg|",
    "template|",
    "textarea|",
    "title|",
    "video|"
));

/// Roles never read.
static DROP_ROLES: WordSet = WordSet::new(concat!(
    "alert|",
    "alertdialog|",
    "banner|",
    "complementary|",
    "contentinfo|",
    "dialog|",
    "menu|",
    "menubar|",
    "navigation|",
    "search|"
));

/// Class/id words that mark boilerplate (matched inside class/id tokens:
/// substrings to scan, so this and the lists below are slices, not
/// [`WordSet`]s).
const UNLIKELY: &[&str] = &[
    "advert",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "disqus",
    "extra",
    "footer",
    "header",
    "masthead",
    "menu",
    "newsletter",
    "outbrain",
    "pagination",
    "pager",
    "popup",
    "promo",
    "recommend",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "signup",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "supplemental",
    "taboola",
    "trending",
    "mostread",
    "most-read",
    "toolbar",
    "widget",
    "modal",
];

/// Class/id tokens that mark boilerplate only as whole tokens.
static UNLIKELY_TOKENS: WordSet =
    WordSet::new(concat!("ad|", "ads|", "nav|", "navbar|", "tags|", "tools|"));

/// Always boilerplate, whatever else the class says.
const ALWAYS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "byline",
    "dateline",
    "paywall-prompt",
];

/// Class/id words that keep an element despite [`UNLIKELY`].
const MAYBE: &[&str] = &[
    "article", "body", "column", "content", "main", "story", "entry",
];

/// Class/id words that count against a candidate.
const NEGATIVE: &[&str] = &[
    "comment",
    "contact",
    "foot",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "cookie",
    "consent",
    "newsletter",
    "subscribe",
    "social",
    "advert",
];

/// Class/id words that count for a candidate.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

/// Block-level elements: they end a run of inline text.
static BLOCK_TAGS: WordSet = WordSet::new(concat!(
    "address|",
    "article|",
    "blockquote|",
    "body|",
    "br|",
    "center|",
    "dd|",
    "details|",
    "div|",
    "dl|",
    "dt|",
    "fieldset|",
    "figure|",
    "h1|",
    "h2|",
    "h3|",
    "h4|",
    "h5|",
    "h6|",
    "hgroup|",
    "hr|",
    "html|",
    "li|",
    "main|",
    "ol|",
    "p|",
    "pre|",
    "section|",
    "summary|",
    "table|",
    "tbody|",
    "td|",
    "tfoot|",
    "th|",
    "thead|",
    "tr|",
    "ul|",
    "#root|"
));

/// Short blocks starting with these are boilerplate inside an article
/// (prefixes, tried in turn).
const BOILER_LINES: &[&str] = &[
    "advertisement",
    "sponsored content",
    "share this",
    "share on",
    "sign up for",
    "subscribe to",
    "follow us",
    "read more:",
    "related:",
    "continue reading",
    "click here",
    "skip to",
];

fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(tag)
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Lowercase class and id of an element, space-separated.
fn class_id(tree: &Tree, i: usize) -> String {
    let mut s = String::new();
    for k in ["class", "id"] {
        if let Some(v) = tree.get(i, k) {
            s.push_str(&v.to_ascii_lowercase());
            s.push(' ');
        }
    }
    s
}

/// True when `s` contains one of `words` anywhere (substrings: a list to
/// scan, not a set).
fn any_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Class/id tokens that mark advertising.
static ADS: WordSet = WordSet::new("ad|ads|");

fn any_token(s: &str, tokens: &WordSet) -> bool {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| tokens.contains(t))
}

/// ±25 for each of class and id with positive / negative hints.
fn class_weight(tree: &Tree, i: usize) -> f32 {
    let mut w = 0.0;
    for k in ["class", "id"] {
        if let Some(v) = tree.get(i, k) {
            let v = v.to_ascii_lowercase();
            if any_word(&v, NEGATIVE) || any_token(&v, &ADS) {
                w -= 25.0;
            }
            if any_word(&v, POSITIVE) {
                w += 25.0;
            }
        }
    }
    if tree
        .get(i, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 50.0;
    }
    w
}

fn hidden(tree: &Tree, i: usize) -> bool {
    if tree.get(i, "hidden").is_some() {
        return true;
    }
    if tree
        .get(i, "aria-hidden")
        .is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    tree.get(i, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether an element (not its ancestors) is boilerplate.
fn drops(tree: &Tree, i: usize) -> bool {
    let tag = tree.tag(i);
    if tag.is_empty() {
        return false; // text
    }
    if DROP_TAGS.contains(tag) || hidden(tree, i) {
        return true;
    }
    if tree
        .get(i, "role")
        .is_some_and(|r| DROP_ROLES.contains(r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article" | "#root") {
        return false;
    }
    if tree
        .get(i, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        return false;
    }
    let ci = class_id(tree, i);
    if ci.is_empty() {
        return false;
    }
    if any_word(&ci, ALWAYS) {
        return true;
    }
    (any_word(&ci, UNLIKELY) || any_token(&ci, &UNLIKELY_TOKENS)) && !any_word(&ci, MAYBE)
}

/// Per-node facts computed bottom-up over the kept nodes.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Visible characters of text.
    chars: usize,
    /// Of which inside links.
    link_chars: usize,
    /// Commas.
    commas: usize,
    /// Contains a block-level element.
    has_block: bool,
}

struct Ctx<'t> {
    tree: &'t Tree,
    skip: Vec<bool>,
    stats: Vec<Stats>,
}

impl Ctx<'_> {
    fn link_density(&self, i: usize) -> f32 {
        let s = self.stats[i];
        if s.chars == 0 {
            0.0
        } else {
            s.link_chars as f32 / s.chars as f32
        }
    }
}

fn compute(tree: &Tree) -> Ctx<'_> {
    let n = tree.len();
    let mut skip = vec![false; n];
    for i in 1..n {
        // Parents come before children in the arena.
        skip[i] = skip[tree.parent(i)] || drops(tree, i);
    }
    let mut stats = vec![Stats::default(); n];
    let mut in_link = vec![false; n];
    for i in 1..n {
        in_link[i] = in_link[tree.parent(i)] || tree.tag(i) == "a";
    }
    for i in (1..n).rev() {
        if skip[i] {
            continue;
        }
        let mut s = stats[i];
        if let NodeKind::Text(t) = &tree.node(i).kind {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count();
            s.chars = chars;
            s.commas = t.chars().filter(|&c| c == ',' || c == '，').count();
            if in_link[i] {
                s.link_chars = chars;
            }
        }
        stats[i] = s;
        let p = tree.parent(i);
        let ps = &mut stats[p];
        ps.chars += s.chars;
        ps.link_chars += s.link_chars;
        ps.commas += s.commas;
    }
    // Whether each element contains a block-level element.
    let mut contains_block = vec![false; n];
    for i in (1..n).rev() {
        if skip[i] || tree.tag(i).is_empty() {
            continue;
        }
        let breaks = matches!(tree.tag(i), "br" | "hr");
        if (is_block(tree.tag(i)) && !breaks) || contains_block[i] {
            contains_block[tree.parent(i)] = true;
        }
    }
    for i in 0..n {
        stats[i].has_block = contains_block[i];
    }
    Ctx { tree, skip, stats }
}

fn tag_bonus(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// True for elements whose text is scored as one paragraph.
fn paragraph_like(c: &Ctx, i: usize) -> bool {
    let tag = c.tree.tag(i);
    if tag.is_empty() || c.skip[i] || heading_level(tag).is_some() {
        return false;
    }
    match tag {
        "p" | "pre" | "td" => true,
        "div" | "section" | "article" | "main" | "blockquote" | "li" | "dd" | "center" => {
            !c.stats[i].has_block
        }
        _ => false,
    }
}

/// The text of a paragraph-like element cut at `<br>`: characters, link
/// characters and commas of each piece.
fn segments(c: &Ctx, i: usize) -> Vec<Stats> {
    let mut out = vec![Stats::default()];
    c.tree.walk(i, &mut |t, n| {
        if c.skip[n] {
            return;
        }
        if t.tag(n) == "br" {
            out.push(Stats::default());
        } else if t.as_text(n).is_some() {
            let s = c.stats[n];
            if let Some(last) = out.last_mut() {
                last.chars += s.chars;
                last.link_chars += s.link_chars;
                last.commas += s.commas;
            }
        }
    });
    out.retain(|s| s.chars > 0);
    out
}

/// Choose the content nodes: the best candidate plus qualifying siblings.
fn choose(c: &Ctx) -> Option<Vec<usize>> {
    let tree = c.tree;
    let n = tree.len();
    let mut score: Vec<Option<f32>> = vec![None; n];
    for i in 1..n {
        if !paragraph_like(c, i) {
            continue;
        }
        let segs = segments(c, i);
        // One piece: the element is a paragraph and its parent collects the
        // score. Pieces cut by <br>: each is a paragraph of the element.
        let first = if segs.len() > 1 { i } else { tree.parent(i) };
        for s in segs {
            if s.chars < 25 || s.link_chars * 2 > s.chars {
                continue;
            }
            let content = 1.0 + s.commas as f32 + (s.chars as f32 / 100.0).min(3.0);
            let mut a = first;
            for level in 0..5 {
                if a == Tree::ROOT || c.skip[a] {
                    break;
                }
                let base =
                    score[a].get_or_insert_with(|| tag_bonus(tree.tag(a)) + class_weight(tree, a));
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                *base += content / divider;
                a = tree.parent(a);
            }
        }
    }
    let mut finals = vec![f32::MIN; n];
    let mut best: Option<usize> = None;
    for i in 1..n {
        if let Some(s) = score[i] {
            let f = s * (1.0 - c.link_density(i));
            finals[i] = f;
            if best.is_none_or(|b| f > finals[b]) {
                best = Some(i);
            }
        }
    }
    let mut top = best?;
    let top_score = finals[top];
    // An only child's parent holds the same content: climb.
    loop {
        let p = tree.parent(top);
        if p == Tree::ROOT || matches!(tree.tag(p), "body" | "html") || c.skip[p] {
            break;
        }
        let elements = tree
            .children(p)
            .iter()
            .filter(|&&k| !c.skip[k] && !tree.tag(k).is_empty())
            .count();
        if elements != 1 {
            break;
        }
        top = p;
    }
    let threshold = (top_score * 0.2).max(10.0);
    let parent = tree.parent(top);
    let top_class = tree.get(top, "class");
    let siblings: Vec<usize> = tree
        .children(parent)
        .iter()
        .copied()
        .filter(|&s| !c.skip[s] && !tree.tag(s).is_empty())
        .collect();
    let mut keep: Vec<bool> = siblings
        .iter()
        .map(|&s| {
            if s == top {
                return true;
            }
            let bonus = if top_class.is_some() && tree.get(s, "class") == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if finals[s] > f32::MIN && finals[s] + bonus >= threshold {
                return true;
            }
            if paragraph_like(c, s) || tree.tag(s) == "p" {
                let st = c.stats[s];
                let ld = c.link_density(s);
                let text = tree.text_of(s);
                return (st.chars > 80 && ld < 0.25)
                    || (st.chars > 0 && ld == 0.0 && (text.ends_with('.') || text.contains(". ")));
            }
            false
        })
        .collect();
    // Headings between kept siblings belong to the article.
    let first = keep.iter().position(|&k| k);
    let last = keep.iter().rposition(|&k| k);
    if let (Some(a), Some(b)) = (first, last) {
        for (k, &s) in keep.iter_mut().zip(&siblings).take(b).skip(a) {
            if heading_level(tree.tag(s)).is_some() {
                *k = true;
            }
        }
    }
    Some(
        siblings
            .into_iter()
            .zip(keep)
            .filter_map(|(s, k)| k.then_some(s))
            .collect(),
    )
}

/// What kind of block a run of text belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Para,
    Heading(u8),
    Quote,
    Item,
}

struct Emitter<'c, 't> {
    c: &'c Ctx<'t>,
    /// Inside the chosen content, drop link-heavy and negative boxes.
    clean: bool,
    blocks: Vec<(Kind, String)>,
    run: String,
    run_kind: Kind,
    /// Non-space characters of the run that are inside links.
    run_links: usize,
}

impl Emitter<'_, '_> {
    fn flush(&mut self) {
        let t = self.run.trim();
        let chars = t.chars().filter(|c| !c.is_whitespace()).count();
        // A run made mostly of links ("Printer version | Email") is dropped
        // inside the article.
        let links = self.clean && self.run_links * 2 > chars;
        if !t.is_empty() && !links {
            self.blocks.push((self.run_kind, t.to_string()));
        }
        self.run.clear();
        self.run_links = 0;
    }

    /// Whether to drop a box inside the content.
    fn cleaned(&self, i: usize) -> bool {
        if !self.clean {
            return false;
        }
        let tree = self.c.tree;
        let tag = tree.tag(i);
        let boxy = matches!(
            tag,
            "ul" | "ol" | "dl" | "div" | "section" | "table" | "p" | "li" | "figure"
        );
        boxy && (class_weight(tree, i) < 0.0
            || (self.c.stats[i].chars > 0 && self.c.link_density(i) > 0.5))
    }

    fn emit(&mut self, i: usize, kind: Kind, depth: usize, link: bool) {
        let tree = self.c.tree;
        for &ch in tree.children(i) {
            if self.c.skip[ch] {
                continue;
            }
            match &tree.node(ch).kind {
                NodeKind::Text(t) => {
                    if self.run.trim().is_empty() {
                        self.run_kind = kind;
                    }
                    if self.run.is_empty() && t.trim().is_empty() {
                        continue;
                    }
                    push_collapsed(&mut self.run, t);
                    if link {
                        self.run_links += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                NodeKind::Element { tag, .. } => {
                    if self.cleaned(ch) {
                        continue;
                    }
                    if tag == "br" || tag == "hr" {
                        self.flush();
                        continue;
                    }
                    if depth > 300 {
                        continue;
                    }
                    if is_block(tag) {
                        self.flush();
                        let k = match (heading_level(tag), tag.as_str()) {
                            (Some(l), _) => Kind::Heading(l),
                            (_, "blockquote") => Kind::Quote,
                            (_, "li" | "dd") if kind != Kind::Quote => Kind::Item,
                            _ => kind,
                        };
                        self.emit(ch, k, depth + 1, link);
                        self.flush();
                    } else {
                        self.emit(ch, kind, depth + 1, link || tag == "a");
                    }
                }
            }
        }
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Words of newsletter and subscription calls to action (substrings,
/// counted).
const PROMO_CUES: &[&str] = &[
    "newsletter",
    "inbox",
    "subscribe",
    "subscriber",
    "sign up",
    "signup",
    "delivered to your",
    "support my work",
    "support our journalism",
];

fn boilerplate_line(s: &str) -> bool {
    let n = s.chars().count();
    if n > 250 {
        return false;
    }
    let l = s.to_ascii_lowercase();
    if n <= 60 && BOILER_LINES.iter().any(|b| l.starts_with(b)) {
        return true;
    }
    // A short call to action: two distinct cues ("newsletter" … "inbox").
    PROMO_CUES.iter().filter(|c| l.contains(*c)).count() >= 2
}

/// Extract the article and its metadata from a page.
pub fn extract(tree: &Tree) -> Extracted {
    let meta = read_meta(tree);
    let c = compute(tree);
    let chosen = choose(&c);
    let found_article = chosen.is_some();
    let mut e = Emitter {
        c: &c,
        clean: found_article,
        blocks: Vec::new(),
        run: String::new(),
        run_kind: Kind::Para,
        run_links: 0,
    };
    match &chosen {
        Some(nodes) => {
            for &n in nodes {
                if heading_level(tree.tag(n)).is_some() || !is_block(tree.tag(n)) {
                    // A sibling that is itself a heading or inline: emit its own text.
                    let k = heading_level(tree.tag(n)).map_or(Kind::Para, Kind::Heading);
                    e.flush();
                    e.run_kind = k;
                    let t = tree.text_of(n);
                    e.run.push_str(&t);
                    e.flush();
                } else {
                    let k = match tree.tag(n) {
                        "blockquote" => Kind::Quote,
                        "li" => Kind::Item,
                        _ => Kind::Para,
                    };
                    e.emit(n, k, 0, false);
                    e.flush();
                }
            }
        }
        None => {
            e.emit(Tree::ROOT, Kind::Para, 0, false);
            e.flush();
        }
    }
    let title_key = meta.title.as_deref().map(normalise);
    let byline_key = meta
        .byline
        .as_deref()
        .map(normalise)
        .filter(|b| b.len() >= 4);
    let mut text = String::new();
    let mut prev = String::new();
    for (k, b) in &e.blocks {
        if *b == prev || boilerplate_line(b) {
            continue;
        }
        let key = normalise(b);
        // The headline and the byline line are metadata, not text.
        if title_key.as_deref() == Some(key.as_str()) {
            continue;
        }
        if let Some(by) = &byline_key {
            if *k != Kind::Quote && key.contains(by.as_str()) && key.len() < by.len() + 60 {
                continue;
            }
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        match k {
            Kind::Heading(l) => {
                text.push_str(&"#".repeat(*l as usize));
                text.push(' ');
            }
            Kind::Quote => text.push_str("> "),
            Kind::Item if !b.starts_with(['•', '-', '*', '·']) => text.push_str("• "),
            _ => {}
        }
        text.push_str(b);
        prev.clone_from(b);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    Extracted {
        meta,
        text,
        found_article,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        for (s, want) in [
            ("Advertisement", true),
            ("Read more: Floods return", true),
            (
                "Get the Morning Briefing newsletter, delivered to your inbox.",
                true,
            ),
            ("To receive new posts and support my work, subscribe.", true),
            (
                "The newsletter, which has 40,000 readers, was sold on Monday.",
                false,
            ),
            (
                "Advertisers left the platform in large numbers last year, the report said.",
                false,
            ),
            ("Readers of the paper were asked to subscribe.", false),
        ] {
            assert_eq!(boilerplate_line(s), want, "{s}");
        }
    }

    #[test]
    fn class_hints() {
        let mut t = Tree::new();
        for (class, _) in [
            ("share-bar", ()),
            ("main-content", ()),
            ("cookie-content", ()),
            ("nav", ()),
            ("canvas-wrap", ()),
        ] {
            t.open("div");
            t.attr("class", class);
            t.close();
        }
        let kids = t.children(Tree::ROOT).to_vec();
        let dropped: Vec<bool> = kids.iter().map(|&k| drops(&t, k)).collect();
        assert_eq!(dropped, [true, false, true, true, false]);
    }
}
