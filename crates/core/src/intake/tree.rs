//! A simple element tree that the browser side builds by walking a
//! `DOMParser` document (and the CLI by walking html5ever's DOM).
//!
//! It is a flat arena: nodes are pushed in document order with
//! [`Tree::open`] / [`Tree::attr`] / [`Tree::text`] / [`Tree::close`], so a
//! walker needs no more than a depth-first loop. Only the attributes the
//! extractor reads are kept; everything else is dropped on the way in.
//!
//! ```
//! use claimlens_core::intake::Tree;
//!
//! let mut t = Tree::new();
//! t.open("p");
//! t.attr("class", "lede");
//! t.attr("onclick", "ignored()");
//! t.text("Hello ");
//! t.open("b");
//! t.text("world");
//! t.close();
//! t.close();
//! let p = t.children(Tree::ROOT)[0];
//! assert_eq!(t.tag(p), "p");
//! assert_eq!(t.get(p, "class"), Some("lede"));
//! assert_eq!(t.get(p, "onclick"), None);
//! assert_eq!(t.text_of(p), "Hello world");
//! ```

/// Attributes kept (lowercase). Others are ignored by [`Tree::attr`]. A
/// slice: the browser's DOM walk (`src/ui/intake.rs`) asks for each in turn.
pub const KEPT_ATTRS: &[&str] = &[
    "id",
    "class",
    "role",
    "itemprop",
    "itemtype",
    "rel",
    "href",
    "name",
    "property",
    "content",
    "datetime",
    "type",
    "hidden",
    "aria-hidden",
    "style",
];

/// Deepest nesting kept: deeper elements are flattened into their ancestor
/// at this depth (their text is kept), so recursion stays bounded.
pub const MAX_DEPTH: usize = 256;

/// One node of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The parent node's index (the root is its own parent).
    pub parent: usize,
    /// Element or text.
    pub kind: NodeKind,
    /// Child node indices, in order.
    pub children: Vec<usize>,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An element: lowercase tag name and kept attributes (name, value).
    Element {
        /// Lowercase tag name.
        tag: String,
        /// Kept attributes.
        attrs: Vec<(&'static str, String)>,
    },
    /// A run of text, as in the source (entities already decoded).
    Text(String),
}

/// An element tree in a flat arena; index 0 is a synthetic root element
/// (tag `#root`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    nodes: Vec<Node>,
    /// Open elements (innermost last); index 0 is the root.
    stack: Vec<usize>,
    /// Elements opened beyond [`MAX_DEPTH`] and not pushed.
    skipped_depth: usize,
}

impl Default for Tree {
    fn default() -> Self {
        Self::new()
    }
}

impl Tree {
    /// Index of the synthetic root.
    pub const ROOT: usize = 0;

    /// An empty tree (the root alone).
    pub fn new() -> Self {
        Tree {
            nodes: vec![Node {
                parent: 0,
                kind: NodeKind::Element {
                    tag: "#root".into(),
                    attrs: Vec::new(),
                },
                children: Vec::new(),
            }],
            stack: vec![0],
            skipped_depth: 0,
        }
    }

    fn current(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push(&mut self, kind: NodeKind) -> usize {
        let parent = self.current();
        let i = self.nodes.len();
        self.nodes.push(Node {
            parent,
            kind,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(i);
        i
    }

    /// Open an element (tag name in any case) inside the current one.
    pub fn open(&mut self, tag: &str) {
        if self.stack.len() > MAX_DEPTH {
            self.skipped_depth += 1;
            return;
        }
        let i = self.push(NodeKind::Element {
            tag: tag.to_ascii_lowercase(),
            attrs: Vec::new(),
        });
        self.stack.push(i);
    }

    /// Add an attribute to the element just opened; ignored unless its
    /// (lowercased) name is in [`KEPT_ATTRS`]. Values are capped at 4 KB.
    pub fn attr(&mut self, name: &str, value: &str) {
        if self.skipped_depth > 0 {
            return;
        }
        let lower = name.to_ascii_lowercase();
        let Some(key) = KEPT_ATTRS.iter().find(|k| **k == lower) else {
            return;
        };
        let cur = self.current();
        if cur == Self::ROOT {
            return;
        }
        let mut v = value;
        if v.len() > 4096 {
            let mut end = 4096;
            while !v.is_char_boundary(end) {
                end -= 1;
            }
            v = &v[..end];
        }
        if let NodeKind::Element { attrs, .. } = &mut self.nodes[cur].kind {
            if !attrs.iter().any(|(k, _)| k == key) {
                attrs.push((key, v.to_string()));
            }
        }
    }

    /// Add text inside the current element (adjacent runs are merged).
    pub fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let cur = self.current();
        if let Some(&last) = self.nodes[cur].children.last() {
            if let NodeKind::Text(t) = &mut self.nodes[last].kind {
                t.push_str(s);
                return;
            }
        }
        self.push(NodeKind::Text(s.to_string()));
    }

    /// Close the current element (a close with nothing open is ignored).
    pub fn close(&mut self) {
        if self.skipped_depth > 0 {
            self.skipped_depth -= 1;
        } else if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// Number of nodes, the root included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when only the root is there.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }

    /// A node.
    pub fn node(&self, i: usize) -> &Node {
        &self.nodes[i]
    }

    /// Child indices of a node.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.nodes[i].children
    }

    /// Parent index (the root's parent is the root).
    pub fn parent(&self, i: usize) -> usize {
        self.nodes[i].parent
    }

    /// Lowercase tag name, or "" for a text node.
    pub fn tag(&self, i: usize) -> &str {
        match &self.nodes[i].kind {
            NodeKind::Element { tag, .. } => tag,
            NodeKind::Text(_) => "",
        }
    }

    /// An attribute's value.
    pub fn get(&self, i: usize, name: &str) -> Option<&str> {
        match &self.nodes[i].kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str()),
            NodeKind::Text(_) => None,
        }
    }

    /// The text of a text node.
    pub fn as_text(&self, i: usize) -> Option<&str> {
        match &self.nodes[i].kind {
            NodeKind::Text(t) => Some(t),
            NodeKind::Element { .. } => None,
        }
    }

    /// All descendant text, whitespace collapsed to single spaces and trimmed.
    pub fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        self.walk(i, &mut |t, n| {
            if let Some(s) = t.as_text(n) {
                push_collapsed(&mut out, s);
            }
        });
        out.trim_end().to_string()
    }

    /// Raw descendant text, concatenated (for `<script>` and `<title>`).
    pub fn raw_text(&self, i: usize) -> String {
        let mut out = String::new();
        self.walk(i, &mut |t, n| {
            if let Some(s) = t.as_text(n) {
                out.push_str(s);
            }
        });
        out
    }

    /// Visit `i` and its descendants in document order (iteratively).
    pub fn walk(&self, i: usize, f: &mut dyn FnMut(&Tree, usize)) {
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            f(self, n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
    }

    /// True if `a` is `d` or one of its ancestors.
    pub fn contains(&self, a: usize, mut d: usize) -> bool {
        loop {
            if d == a {
                return true;
            }
            if d == Self::ROOT {
                return false;
            }
            d = self.nodes[d].parent;
        }
    }
}

/// Append `s` to `out` with runs of whitespace collapsed to one space and no
/// leading space at the start of `out`.
pub(crate) fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbalanced_closes_and_deep_nesting() {
        let mut t = Tree::new();
        t.close();
        t.close();
        for _ in 0..1000 {
            t.open("div");
        }
        t.text("deep");
        for _ in 0..1100 {
            t.close();
        }
        t.open("p");
        t.text("after");
        t.close();
        assert!(t.len() <= MAX_DEPTH + 4);
        assert_eq!(t.text_of(Tree::ROOT), "deepafter");
        let last = *t.children(Tree::ROOT).last().unwrap();
        assert_eq!(t.tag(last), "p");
    }

    #[test]
    fn text_runs_merge_and_collapse() {
        let mut t = Tree::new();
        t.open("P");
        t.text("  a \n");
        t.text("\tb  ");
        t.close();
        let p = t.children(0)[0];
        assert_eq!(t.children(p).len(), 1);
        assert_eq!(t.text_of(p), "a b");
        assert_eq!(t.raw_text(p), "  a \n\tb  ");
    }
}
