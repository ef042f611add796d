//! Document offsets ⇄ DOM positions, and text highlights drawn without
//! touching the DOM.
//!
//! This is the one place where byte spans become UTF-16 positions in text
//! nodes: each block element carries `data-b` (its index), and offsets
//! inside it are counted in UTF-16 code units over its text nodes, in order.
//! Highlights use the CSS Custom Highlight API (`CSS.highlights`), styled by
//! `::highlight(name)` rules; where the API is missing, nothing is drawn.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::analysis::{Document, Offsets, Span};

/// The text node and UTF-16 offset at `target` units into `el`'s text.
fn locate(el: &web_sys::Node, target: u32) -> Option<(web_sys::Node, u32)> {
    let mut left = target;
    let mut stack = vec![el.clone()];
    let mut last: Option<web_sys::Node> = None;
    while let Some(node) = stack.pop() {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let len = node
                .dyn_ref::<web_sys::CharacterData>()
                .map_or(0, |t| t.length());
            if left <= len {
                return Some((node, left));
            }
            left -= len;
            last = Some(node);
            continue;
        }
        let kids = node.child_nodes();
        for i in (0..kids.length()).rev() {
            if let Some(k) = kids.item(i) {
                stack.push(k);
            }
        }
    }
    last.map(|n| {
        let len = n
            .dyn_ref::<web_sys::CharacterData>()
            .map_or(0, |t| t.length());
        (n, len)
    })
}

/// The DOM position of byte offset `at` of the document.
fn position(
    body: &web_sys::Element,
    doc: &Document,
    offsets: &Offsets,
    at: usize,
) -> Option<(web_sys::Node, u32)> {
    let b = doc
        .blocks
        .iter()
        .position(|b| b.span.start <= at && at <= b.span.end)
        .or_else(|| doc.blocks.iter().position(|b| b.span.start >= at))?;
    let block = &doc.blocks[b];
    let at = at.clamp(block.span.start, block.span.end);
    let el = body.query_selector(&format!("[data-b=\"{b}\"]")).ok()??;
    let units = offsets.byte_to_utf16(at)? - offsets.byte_to_utf16(block.span.start)?;
    locate(&el, units as u32)
}

/// A DOM range over `span` of the document rendered in `body`.
pub fn range_for(
    body: &web_sys::Element,
    doc: &Document,
    offsets: &Offsets,
    span: Span,
) -> Option<web_sys::Range> {
    let (sn, so) = position(body, doc, offsets, span.start)?;
    let (en, eo) = position(body, doc, offsets, span.end)?;
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.set_start(&sn, so).ok()?;
    range.set_end(&en, eo).ok()?;
    Some(range)
}

/// Show `ranges` as the named highlight (replacing what it showed before).
pub fn set_highlight(name: &str, ranges: &[web_sys::Range]) {
    let _ = try_set_highlight(name, ranges);
}

fn try_set_highlight(name: &str, ranges: &[web_sys::Range]) -> Result<(), JsValue> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &"CSS".into())?;
    let registry = Reflect::get(&css, &"highlights".into())?;
    if registry.is_undefined() {
        return Ok(()); // no Custom Highlight API in this browser
    }
    if ranges.is_empty() {
        let delete: Function = Reflect::get(&registry, &"delete".into())?.dyn_into()?;
        delete.call1(&registry, &name.into())?;
        return Ok(());
    }
    let ctor: Function = Reflect::get(&global, &"Highlight".into())?.dyn_into()?;
    let args: Array = ranges.iter().collect();
    let highlight = Reflect::construct(&ctor, &args)?;
    let set: Function = Reflect::get(&registry, &"set".into())?.dyn_into()?;
    set.call2(&registry, &name.into(), &highlight)?;
    Ok(())
}

/// UTF-16 units of `el`'s text before `(node, offset)`, if the point is inside `el`.
fn units_before(el: &web_sys::Node, node: &web_sys::Node, offset: u32) -> Option<u32> {
    if node.node_type() != web_sys::Node::TEXT_NODE {
        // A point between children: count the text of the children before it.
        let kids = node.child_nodes();
        let mut units = units_before_node(el, node)?;
        for i in 0..offset.min(kids.length()) {
            units += kids
                .item(i)
                .and_then(|k| k.text_content())
                .map_or(0, |t| t.encode_utf16().count() as u32);
        }
        return Some(units);
    }
    Some(units_before_node(el, node)? + offset)
}

/// UTF-16 units of `el`'s text that come before `target` in document order.
fn units_before_node(el: &web_sys::Node, target: &web_sys::Node) -> Option<u32> {
    let mut units = 0u32;
    let mut stack = vec![el.clone()];
    while let Some(node) = stack.pop() {
        if node.is_same_node(Some(target)) {
            return Some(units);
        }
        if node.node_type() == web_sys::Node::TEXT_NODE {
            units += node
                .dyn_ref::<web_sys::CharacterData>()
                .map_or(0, |t| t.length());
            continue;
        }
        let kids = node.child_nodes();
        for i in (0..kids.length()).rev() {
            if let Some(k) = kids.item(i) {
                stack.push(k);
            }
        }
    }
    None
}

/// The document byte offset of a DOM point inside the rendered article.
fn offset_of(
    doc: &Document,
    offsets: &Offsets,
    node: &web_sys::Node,
    offset: u32,
) -> Option<usize> {
    let el = if node.node_type() == web_sys::Node::TEXT_NODE {
        node.parent_element()?
    } else {
        node.clone().dyn_into::<web_sys::Element>().ok()?
    };
    let block_el = el.closest("[data-b]").ok()??;
    let b: usize = block_el.get_attribute("data-b")?.parse().ok()?;
    let block = doc.blocks.get(b)?;
    let units = units_before(&block_el, node, offset)? as usize;
    let start = offsets.byte_to_utf16(block.span.start)?;
    let at = offsets.utf16_to_byte(start + units)?;
    Some(at.clamp(block.span.start, block.span.end))
}

/// The document span of the reader's current selection, if it lies in the article.
pub fn selection_span(doc: &Document, offsets: &Offsets) -> Option<Span> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let r = sel.get_range_at(0).ok()?;
    let s = offset_of(
        doc,
        offsets,
        &r.start_container().ok()?,
        r.start_offset().ok()?,
    )?;
    let e = offset_of(doc, offsets, &r.end_container().ok()?, r.end_offset().ok()?)?;
    // Trim surrounding whitespace.
    let text = &doc.text[s.min(e)..s.max(e)];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let span = Span::new(s.min(e) + lead, s.max(e) - trail);
    (!span.is_empty()).then_some(span)
}

/// Put a named mark on the page's performance timeline: the moments the
/// browser tests and the benchmark wait for (`claimlens:highlighted`,
/// `claimlens:idle-done`).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Fetch `url` as text with no cookies and no referrer (`None` on any
/// failure or a status other than 2xx).
pub async fn fetch_text(url: &str) -> Option<String> {
    fetch_body(url, "text").await?.as_string()
}

/// [`fetch_text`] for binary files (the engine's model weights).
pub async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let buf = fetch_body(url, "arrayBuffer").await?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Fetch `url` from the app's own origin and read its body with the
/// Response method `read` ("text" or "arrayBuffer"); `None` on any failure.
async fn fetch_body(url: &str, read: &str) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    let init = js_sys::Object::new();
    // No cookies, no referrer: the request carries nothing of the reader.
    js_sys::Reflect::set(&init, &"credentials".into(), &"omit".into()).ok()?;
    js_sys::Reflect::set(&init, &"referrerPolicy".into(), &"no-referrer".into()).ok()?;
    let fetch: js_sys::Function = js_sys::Reflect::get(&window, &"fetch".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = fetch
        .call2(&window, &url.into(), &init)
        .ok()?
        .dyn_into()
        .ok()?;
    let resp = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let ok = js_sys::Reflect::get(&resp, &"ok".into()).ok()?.as_bool()?;
    if !ok {
        return None;
    }
    let body: js_sys::Function = js_sys::Reflect::get(&resp, &read.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = body.call0(&resp).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// The chosen file of a file input, if any.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    file
}

/// Read a file as text (UTF-8, invalid bytes replaced) and hand it to `then`.
pub fn read_text(file: web_sys::File, then: impl FnOnce(String) + 'static) {
    let promise = file.text();
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        then(text);
    });
}

/// The mention elements, by mention index, collected as they are rendered
/// (`super::article`).
pub type MarkIndex = std::rc::Rc<std::cell::RefCell<Vec<Option<web_sys::HtmlElement>>>>;

/// Resolves on the next turn of the event loop (a zero-delay timeout): an
/// `await` on it ends the current task, so the page can paint and answer.
pub async fn next_turn() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// How many slices of a long list to show: 1 at first, one more per turn
/// of the event loop up to `slices` (the list renders slice `k` once
/// `k < ready`). It stops when the view that owns the signal is gone.
pub fn slices_in_turns(slices: usize) -> leptos::prelude::RwSignal<usize> {
    use leptos::prelude::*;
    let ready = RwSignal::new(1usize);
    if slices > 1 {
        in_turns(move || {
            // The viewer was closed meanwhile: stop.
            let Some(k) = ready.try_get_untracked() else {
                return false;
            };
            if k < slices {
                ready.set(k + 1);
            }
            k + 1 < slices
        });
    }
    ready
}

/// Call `step` once per turn of the event loop until it returns false: long
/// work (rendering a long document, a long list) in slices, so the page
/// answers between them.
pub fn in_turns(step: impl FnMut() -> bool + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    fn go(step: Rc<RefCell<dyn FnMut() -> bool>>) {
        leptos::prelude::set_timeout(
            move || {
                let more = (step.borrow_mut())();
                if more {
                    go(step);
                }
            },
            std::time::Duration::ZERO,
        );
    }
    go(Rc::new(RefCell::new(step)));
}
