//! Native HTML parsing for the CLI and tests: html5ever's DOM walked into a
//! [`Tree`]. Not built for wasm (the browser uses `DOMParser`).

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use claimlens_core::intake::Tree;

/// Parse an HTML document (as a browser would; nothing is run or fetched).
pub fn parse_html(html: &str) -> Tree {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut tree = Tree::new();
    // Iterative walk: (node, entered) pairs; closes are explicit.
    let mut stack: Vec<(Handle, bool)> = vec![(dom.document.clone(), false)];
    while let Some((node, entered)) = stack.pop() {
        if entered {
            tree.close();
            continue;
        }
        let is_element = match &node.data {
            NodeData::Element { name, attrs, .. } => {
                tree.open(&name.local);
                for a in attrs.borrow().iter() {
                    tree.attr(&a.name.local, &a.value);
                }
                stack.push((node.clone(), true));
                true
            }
            NodeData::Text { contents } => {
                tree.text(&contents.borrow());
                false
            }
            NodeData::Document => true,
            _ => false,
        };
        if is_element {
            for child in node.children.borrow().iter().rev() {
                stack.push((child.clone(), false));
            }
        }
    }
    // Templates keep their content in a separate fragment: never read.
    tree
}
