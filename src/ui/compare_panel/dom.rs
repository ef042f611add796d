//! Plain DOM for the Compare tab: a small element builder ([`El`]; text
//! goes in as text nodes only, never as HTML) and helpers that find, fill
//! and reveal the panel's elements.

use super::*;

/// A DOM element under construction (text goes in as text nodes only).
pub(super) struct El(pub(super) web_sys::Element);

impl El {
    /// A new `<tag class=class>`.
    pub(super) fn new(tag: &str, class: &str) -> El {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let e = doc.create_element(tag).expect("an element");
        if !class.is_empty() {
            e.set_class_name(class);
        }
        El(e)
    }

    /// Set an attribute.
    pub(super) fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Append text.
    pub(super) fn text(self, t: &str) -> El {
        let _ = self.0.append_with_str_1(t);
        self
    }

    /// Append a child.
    pub(super) fn add(self, child: El) -> El {
        let _ = self.0.append_with_node_1(&child.0);
        self
    }

    /// Append `<tag class=class>text</tag>`.
    pub(super) fn leaf(self, tag: &str, class: &str, t: &str) -> El {
        self.add(El::new(tag, class).text(t))
    }

    /// Append text with a hidden symbol and its words for screen readers.
    pub(super) fn symbol(self, shown: &str, said: &str) -> El {
        self.add(El::new("span", "").attr("aria-hidden", "true").text(shown))
            .leaf("span", "sr-only", said)
    }
}

/// The element with id `id`, emptied.
pub(super) fn host(id: &str) -> Option<web_sys::Element> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    el.set_text_content(None);
    Some(el)
}

/// `text[base]` as text and `<mark>`s; `marks` are byte spans of `text`
/// with a class, earlier ones winning where they overlap.
pub(super) fn marked(
    mut p: El,
    text: &str,
    base: Span,
    mut marks: Vec<(Span, &'static str)>,
) -> El {
    marks.retain(|(s, _)| s.start >= base.start && s.end <= base.end && s.start < s.end);
    // The one sort (stable: earlier marks stay first among equals).
    crate::analysis::order::sort_by_key(&mut marks, |m| m.0.start as u64);
    let mut at = base.start;
    for (s, class) in marks {
        if s.start < at {
            continue;
        }
        p = p.text(text.get(at..s.start).unwrap_or_default()).leaf(
            "mark",
            class,
            text.get(s.start..s.end).unwrap_or_default(),
        );
        at = s.end;
    }
    p.text(text.get(at..base.end).unwrap_or_default())
}

/// Scroll the chosen claim's row (and its side-by-side view) into the panel.
pub(super) fn reveal(claim: usize) {
    set_timeout(
        move || {
            let el = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector(&format!(".cmp-row[data-c=\"{claim}\"]"))
                    .ok()
                    .flatten()
            });
            if let Some(el) = el {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The value of attribute `name` on the clicked element or its nearest
/// ancestor that has it.
pub(super) fn clicked(ev: &leptos::ev::MouseEvent, name: &str) -> Option<usize> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(&format!("[{name}]"))
        .ok()??
        .get_attribute(name)?
        .parse()
        .ok()
}

/// A property of a DOM object, as a string ("" if absent).
pub(super) fn prop(target: &wasm_bindgen::JsValue, name: &str) -> String {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Set a property of the element with id `id`.
pub(super) fn set_prop(id: &str, name: &str, value: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = js_sys::Reflect::set(&el, &name.into(), &value.into());
    }
}

/// The HTML element with id `id`.
pub(super) fn find_html(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Set the text of the element with id `id`.
pub(super) fn set_text(id: &str, text: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.set_text_content(Some(text));
    }
}

/// `<label>name <select name=key>` with `(value, text)` options.
pub(super) fn select(label: &str, key: &str, options: &[(String, String)]) -> El {
    let mut sel = El::new("select", "").attr("name", key);
    for (v, t) in options {
        sel = sel.add(El::new("option", "").attr("value", v).text(t));
    }
    El::new("label", "").text(label).add(sel)
}
