//! Page metadata: title, byline, date and site name, from `<meta>` tags,
//! JSON-LD, `<title>`, `<time>`, `rel=author` and byline elements.

use super::tree::{push_collapsed, NodeKind, Tree};
use crate::share::{parse_json, Json};

/// Metadata found in a page; every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The article's headline.
    pub title: Option<String>,
    /// Author line, without a leading "By".
    pub byline: Option<String>,
    /// Publication date as found (usually ISO 8601).
    pub date: Option<String>,
    /// Site or publication name.
    pub site: Option<String>,
    /// The page's own address: `<link rel=canonical>`, else `og:url`
    /// (absolute `http(s)` addresses only).
    pub url: Option<String>,
}

/// What one walk over the page collected.
#[derive(Default)]
struct Found {
    /// `<meta property|name=… content=…>`, keys lowercased.
    metas: Vec<(String, String)>,
    ld: Vec<Json>,
    title_tag: Option<String>,
    h1: Option<String>,
    time: Option<String>,
    rel_author: Option<String>,
    itemprop_author: Option<String>,
    itemprop_date: Option<String>,
    byline_class: Option<String>,
    canonical: Option<String>,
}

/// An absolute `http(s)` address with no spaces or control characters.
fn page_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > "http://".len()
        && s.len() <= 4096
        && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| s.to_string())
}

fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim_end().to_string()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// JSON-LD text as found in pages: CDATA wrappers, HTML comments and a
/// trailing semicolon are tolerated.
fn parse_ld(raw: &str) -> Option<Json> {
    let mut s = raw.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(r) = s.strip_prefix(open) {
            s = r.strip_suffix(close).unwrap_or(r).trim();
        }
    }
    let s = s.trim_end_matches(';').trim();
    parse_json(s).ok()
}

fn class_has(tree: &Tree, i: usize, word: &str) -> bool {
    let has = |v: Option<&str>| {
        v.is_some_and(|v| {
            v.split(|c: char| c.is_whitespace())
                .any(|t| t.to_ascii_lowercase().contains(word))
        })
    };
    has(tree.get(i, "class")) || has(tree.get(i, "id"))
}

fn gather(tree: &Tree) -> Found {
    let mut f = Found::default();
    tree.walk(Tree::ROOT, &mut |t, i| {
        let NodeKind::Element { tag, .. } = &t.node(i).kind else {
            return;
        };
        match tag.as_str() {
            "meta" => {
                let key = t.get(i, "property").or_else(|| t.get(i, "name"));
                if let (Some(k), Some(v)) = (key, t.get(i, "content")) {
                    let v = collapse(v);
                    if !v.is_empty() && f.metas.len() < 200 {
                        f.metas.push((k.trim().to_ascii_lowercase(), v));
                    }
                }
            }
            "script" => {
                let ty = t.get(i, "type").unwrap_or("").trim().to_ascii_lowercase();
                if ty == "application/ld+json" && f.ld.len() < 20 {
                    if let Some(v) = parse_ld(&t.raw_text(i)) {
                        f.ld.push(v);
                    }
                }
            }
            "link" if f.canonical.is_none() => {
                let canonical = t.get(i, "rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    f.canonical = t.get(i, "href").and_then(page_url);
                }
            }
            "title" if f.title_tag.is_none() => f.title_tag = non_empty(collapse(&t.raw_text(i))),
            "h1" if f.h1.is_none() => f.h1 = non_empty(t.text_of(i)),
            "time" if f.time.is_none() => f.time = t.get(i, "datetime").map(collapse),
            _ => {}
        }
        if f.rel_author.is_none()
            && t.get(i, "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            })
        {
            f.rel_author = non_empty(t.text_of(i));
        }
        match t.get(i, "itemprop").map(str::trim) {
            Some("author") if f.itemprop_author.is_none() => {
                // The author's name, if marked up, else the whole text.
                let mut name = None;
                t.walk(i, &mut |t2, j| {
                    if name.is_none() && j != i && t2.get(j, "itemprop") == Some("name") {
                        name = t2
                            .get(j, "content")
                            .map(collapse)
                            .or_else(|| non_empty(t2.text_of(j)));
                    }
                });
                f.itemprop_author = name
                    .or_else(|| t.get(i, "content").map(collapse))
                    .or_else(|| non_empty(t.text_of(i)));
            }
            Some("datePublished") if f.itemprop_date.is_none() => {
                f.itemprop_date = t
                    .get(i, "content")
                    .or_else(|| t.get(i, "datetime"))
                    .map(collapse)
                    .or_else(|| non_empty(t.text_of(i)));
            }
            _ => {}
        }
        if f.byline_class.is_none()
            && (class_has(t, i, "byline")
                || t.get(i, "class").is_some_and(|c| {
                    c.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("author"))
                }))
        {
            let s = t.text_of(i);
            if (3..120).contains(&s.len()) {
                f.byline_class = Some(s);
            }
        }
    });
    f
}

/// JSON-LD objects, flattened through arrays and `@graph`.
fn ld_objects<'a>(v: &'a Json, out: &mut Vec<&'a Json>, depth: usize) {
    if depth > 4 || out.len() > 100 {
        return;
    }
    match v {
        Json::Arr(items) => items.iter().for_each(|x| ld_objects(x, out, depth + 1)),
        Json::Obj(_) => {
            if let Some(g) = v.get("@graph") {
                ld_objects(g, out, depth + 1);
            }
            out.push(v);
        }
        _ => {}
    }
}

fn ld_types(v: &Json) -> Vec<&str> {
    v.get("@type")
        .map(|t| t.items().into_iter().filter_map(Json::as_str).collect())
        .unwrap_or_default()
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting" | "LiveBlogPosting" | "Report" | "SocialMediaPosting"
        )
}

/// A name: a string, or an object's `name`; lists joined with ", ".
fn ld_names(v: &Json) -> Option<String> {
    let names: Vec<String> = v
        .items()
        .into_iter()
        .filter_map(|x| match x {
            Json::Str(s) => Some(collapse(s)),
            Json::Obj(_) => x.get("name").and_then(Json::as_str).map(collapse),
            _ => None,
        })
        .filter(|s| !s.is_empty() && !s.contains("://"))
        .collect();
    non_empty(names.join(", "))
}

fn ld_str(v: &Json, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Json::as_str)
        .map(collapse)
        .and_then(non_empty)
}

/// "By Jane Doe" → "Jane Doe"; URLs and over-long values are refused.
fn clean_byline(s: &str) -> Option<String> {
    let s = collapse(s);
    let lower = s.to_ascii_lowercase();
    let s = if lower.starts_with("by ") {
        s[3..].trim_start().to_string()
    } else {
        s
    };
    if s.is_empty() || s.len() > 150 || s.contains("://") {
        None
    } else {
        Some(s)
    }
}

/// Title separators between a headline and a site name (in the order they
/// are tried).
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Remove a site name from a `<title>`: the site's own name when known, else
/// the part after the last separator — unless what is left is a single
/// word, then the part before the first one.
pub fn clean_title(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(t) = title.strip_suffix(&format!("{sep}{site}")) {
                return t.trim().to_string();
            }
            if let Some(t) = title.strip_prefix(&format!("{site}{sep}")) {
                return t.trim().to_string();
            }
        }
    }
    let last = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max();
    if let Some((i, _)) = last {
        let head = title[..i].trim();
        // "Headline | Site": keep the headline, unless it is one word, as
        // in "News | Headline".
        if head.split_whitespace().count() >= 2 {
            return head.to_string();
        }
        let first = SEPARATORS
            .iter()
            .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
            .min();
        if let Some((j, l)) = first {
            let tail = title[j + l..].trim();
            if tail.split_whitespace().count() >= 2 {
                return tail.to_string();
            }
        }
    }
    title
}

/// Read a page's metadata (see [`Meta`]).
pub fn read_meta(tree: &Tree) -> Meta {
    let f = gather(tree);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            f.metas
                .iter()
                .find(|(mk, _)| mk == k)
                .map(|(_, v)| v.clone())
        })
    };
    let mut objects = Vec::new();
    for v in &f.ld {
        ld_objects(v, &mut objects, 0);
    }
    let article = objects
        .iter()
        .find(|o| ld_types(o).iter().any(|t| is_article_type(t)))
        .or_else(|| objects.iter().find(|o| o.get("headline").is_some()))
        .copied();
    let ld_site = article
        .and_then(|a| a.get("publisher"))
        .and_then(ld_names)
        .or_else(|| {
            objects
                .iter()
                .find(|o| ld_types(o).contains(&"WebSite"))
                .and_then(|o| ld_str(o, "name"))
        });
    let site = meta(&["og:site_name", "application-name"]).or(ld_site);
    let title = article
        .and_then(|a| ld_str(a, "headline").or_else(|| ld_str(a, "name")))
        .or_else(|| meta(&["og:title", "twitter:title", "dc.title", "title"]))
        .map(|t| clean_title(&t, site.as_deref()))
        .or_else(|| {
            f.title_tag
                .as_deref()
                .map(|t| clean_title(t, site.as_deref()))
        })
        .or(f.h1.clone())
        .and_then(non_empty);
    let byline = article
        .and_then(|a| a.get("author"))
        .and_then(ld_names)
        .and_then(|s| clean_byline(&s))
        .or_else(|| {
            meta(&[
                "author",
                "article:author",
                "parsely-author",
                "dc.creator",
                "sailthru.author",
            ])
            .and_then(|s| clean_byline(&s))
        })
        .or_else(|| f.itemprop_author.as_deref().and_then(clean_byline))
        .or_else(|| f.rel_author.as_deref().and_then(clean_byline))
        .or_else(|| f.byline_class.as_deref().and_then(clean_byline));
    let date = meta(&["article:published_time", "og:article:published_time"])
        .or_else(|| article.and_then(|a| ld_str(a, "datePublished")))
        .or_else(|| {
            meta(&[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "parsely-pub-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
            ])
        })
        .or(f.itemprop_date)
        .or(f.time)
        .and_then(non_empty);
    let url = f
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]).and_then(|u| page_url(&u)));
    Meta {
        url,
        title,
        byline,
        date,
        site,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        for (title, site, want) in [
            (
                "Talks end without a deal | The Daily",
                None,
                "Talks end without a deal",
            ),
            (
                "Talks end without a deal - The Daily - News",
                None,
                "Talks end without a deal - The Daily",
            ),
            (
                "The Daily | Talks end without a deal",
                Some("The Daily"),
                "Talks end without a deal",
            ),
            (
                "News | Talks end without a deal",
                None,
                "Talks end without a deal",
            ),
            ("Just a title", None, "Just a title"),
            ("A - B", None, "A - B"),
            ("Bridge reopens | The Valley Post", None, "Bridge reopens"),
        ] {
            assert_eq!(clean_title(title, site), want, "{title}");
        }
    }

    #[test]
    fn json_ld_junk_never_panics() {
        for raw in [
            "",
            "{",
            "[[[[",
            "null",
            "{\"@graph\": 5}",
            "{\"@type\": [1, {}], \"author\": [null, 3, {\"name\": 7}]}",
            "<!-- {\"headline\": \"x\"} -->",
            "<![CDATA[",
            "\u{0}",
        ] {
            let mut t = Tree::new();
            t.open("script");
            t.attr("type", "application/ld+json");
            t.text(raw);
            t.close();
            let _ = read_meta(&t);
        }
    }

    #[test]
    fn json_ld_graph_and_arrays() {
        let mut t = Tree::new();
        t.open("script");
        t.attr("type", "application/ld+json");
        t.text(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Times"},{"@type":["NewsArticle"],"headline":"Floods close the valley road","datePublished":"2024-03-02T08:00:00Z","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Hale"}]}]}"#);
        t.close();
        let m = read_meta(&t);
        assert_eq!(m.title.as_deref(), Some("Floods close the valley road"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Tom Hale"));
        assert_eq!(m.date.as_deref(), Some("2024-03-02T08:00:00Z"));
        assert_eq!(m.site.as_deref(), Some("Example Times"));
    }
}
