//! No import loops in the web app: no module of `src/ui` uses one that
//! uses it back, directly or through others (ARCHITECTURE.md, "What may
//! import what").
//!
//! The check reads the sources, not the compiler's view: every path that
//! names a sibling module outside comments — `use super::x`,
//! `super::x::f()`, `crate::ui::x`, grouped `use super::{x, y::z}` — is an
//! edge from the file's module to `x`. A directory module (`compare_panel/`)
//! is one node: its files' `super::` means the directory module itself,
//! `super::super::` the web app. `mod.rs`, which declares the modules and
//! starts the app, is their root and no node. Paths made by macros
//! (`split_fn!` names `crate::ui::lazy`) are not seen: they add edges to
//! `lazy` only, which uses none of its users.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the sibling modules it names.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// `src` without `//` comments (doc comments included).
fn strip_comments(src: &str) -> String {
    src.lines()
        .map(|line| {
            // A `//` inside a string ("https://…") ends the line early: it
            // can only hide paths, and none sit after a URL on one line.
            match line.find("//") {
                Some(at) => &line[..at],
                None => line,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers a path names right after `rest`'s start: `x` for
/// `x::…` or `x;`, each item's first identifier for `{x, y::z}`.
fn first_names(rest: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    if let Some(group) = rest.strip_prefix('{') {
        // Items at the group's top level.
        let mut names = Vec::new();
        let (mut depth, mut start) = (0usize, 0usize);
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    names.push(ident(&group[start..i]));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    names.push(ident(&group[start..i]));
                    start = i + 1;
                }
                _ => {}
            }
        }
        names.retain(|n| !n.is_empty());
        names
    } else {
        vec![ident(rest)]
    }
}

/// The sibling modules named in `src`, a file of module `me`; `nested`:
/// the file sits inside a directory module (its `super::` is `me`).
fn names_in(src: &str, me: &str, nested: bool, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code = strip_comments(src);
    let mut out = BTreeSet::new();
    let prefixes: &[&str] = if nested {
        &["super::super::", "crate::ui::"]
    } else {
        &["super::", "crate::ui::"]
    };
    for prefix in prefixes {
        for (at, _) in code.match_indices(prefix) {
            // `super::super::x` also contains `super::x` at +7: only whole
            // paths count (the character before is not part of a path).
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
                continue;
            }
            for name in first_names(&code[at + prefix.len()..]) {
                if name != me && modules.contains(&name) {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// The import graph of the modules under `dir` (`src/ui`).
fn graph(dir: &Path) -> Graph {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src/ui") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).expect("module directory") {
                let inner = inner.expect("entry").path();
                if inner.extension().is_some_and(|e| e == "rs") {
                    let nested = inner.file_stem().is_some_and(|s| s != "mod");
                    files.push((name.clone(), nested, inner));
                }
            }
        } else if path.extension().is_some_and(|e| e == "rs") && name != "mod" {
            files.push((name, false, path));
        }
    }
    let modules: BTreeSet<String> = files.iter().map(|(m, _, _)| m.clone()).collect();
    let mut g = Graph::new();
    for (module, nested, path) in files {
        let src = std::fs::read_to_string(&path).expect("source");
        g.entry(module.clone())
            .or_default()
            .extend(names_in(&src, &module, nested, &modules));
    }
    g
}

/// Every loop of `g`, each as the modules on it (the first repeated last),
/// one per strongly connected group.
fn loops(g: &Graph) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut seen_in_loop = BTreeSet::new();
    for start in g.keys() {
        if seen_in_loop.contains(start) {
            continue;
        }
        // Depth-first from `start`, looking for a way back to it.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut visited = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in g.get(&at).into_iter().flatten() {
                if next == start {
                    let mut l = path.clone();
                    l.push(start.clone());
                    seen_in_loop.extend(path.iter().cloned());
                    found.push(l);
                    stack.clear();
                    break;
                }
                if visited.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    found
}

#[test]
fn src_ui_has_no_import_loops() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let g = graph(&dir);
    assert!(g.len() > 10, "found the modules of src/ui: {:?}", g.keys());
    let found = loops(&g);
    assert!(
        found.is_empty(),
        "import loops in src/ui (break each: move the shared piece down, or hand a callback up):\n{}",
        found
            .iter()
            .map(|l| format!("  {}", l.join(" → ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Only `url` touches `location` / `history`, and it calls nothing up.
#[test]
fn url_uses_only_the_view_state() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let g = graph(&dir);
    let want: BTreeSet<String> = ["state".to_string()].into();
    assert_eq!(g["url"], want, "url.rs names only the view state");
    for entry in std::fs::read_dir(&dir).expect("src/ui") {
        let path = entry.expect("entry").path();
        if path.is_file() && path.file_stem().is_some_and(|s| s != "url") {
            let code = strip_comments(&std::fs::read_to_string(&path).expect("source"));
            for api in [".location()", ".history()"] {
                assert!(
                    !code.contains(api),
                    "{} calls {api}: only url.rs touches location and history",
                    path.display()
                );
            }
        }
    }
}

/// The checker itself: what counts as an edge, and loops found.
#[test]
fn the_checker_sees_paths_and_loops() {
    let modules: BTreeSet<String> = ["a", "b", "c", "open", "state"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let src = "
        //! See [`super::c`] (a comment: no edge).
        use super::{b, state::{X, Y}};
        fn f() { crate::ui::open::go(); super::super::c::nope(); let u = \"https://x\"; }
    ";
    let want: BTreeSet<String> = ["b", "open", "state"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(names_in(src, "a", false, &modules), want);
    // In a directory module's file, `super::` is the module itself.
    let nested = "use super::*; use super::super::b::Z; super::state::x();";
    let want: BTreeSet<String> = ["b".to_string()].into();
    assert_eq!(names_in(nested, "a", true, &modules), want);

    let mut g = Graph::new();
    let edge = |g: &mut Graph, a: &str, b: &str| {
        g.entry(a.into()).or_default().insert(b.into());
        g.entry(b.into()).or_default();
    };
    edge(&mut g, "a", "b");
    edge(&mut g, "b", "c");
    assert!(loops(&g).is_empty());
    edge(&mut g, "c", "a");
    assert_eq!(loops(&g), vec![vec!["a", "b", "c", "a"]]);
}
