//! The CLI's JSON reports are written by core's writer (`share::Json`) in
//! exactly the layout serde_json gave them before: each report is compared,
//! byte for byte, with what serde_json writes for the same value (its
//! `Value` keeps keys sorted, as the reports do; `entities --json` and
//! `eval-entities --json` are the core's structs, in field order). This
//! checks the format whatever the engine finds; the content before and
//! after a change is compared by `scripts/cli-outputs` (see its header).

use std::process::Command;

use serde_json::Value;

const ARTICLE: &str = "tests/fixtures/claims/wire-health-funding.txt";
const PAGE: &str = "tests/fixtures/pages/news-full.html";
const HARBORVIEW: [&str; 3] = [
    "tests/fixtures/compare/harborview-article.txt",
    "tests/fixtures/compare/harborview-auditor.txt",
    "tests/fixtures/compare/harborview-finance.txt",
];

/// stdout of `claimlens ARGS`, run from the repository root.
fn run(args: &[&str]) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let out = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A pretty report equals serde_json's writing of the value it holds.
fn same_as_serde_json(args: &[&str]) {
    let out = run(args);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        out,
        serde_json::to_string_pretty(&v).unwrap() + "\n",
        "{args:?}"
    );
}

#[test]
fn pretty_reports_are_written_as_serde_json_writes_them() {
    for file in ["--sample", ARTICLE, PAGE] {
        for cmd in ["analyse", "extract", "claims"] {
            same_as_serde_json(&[cmd, file, "--json"]);
        }
    }
    same_as_serde_json(&["compare", "--sample", "--json"]);
    let mut args = vec!["compare"];
    args.extend(HARBORVIEW);
    args.push("--json");
    same_as_serde_json(&args);
}

#[test]
fn json_lines_are_written_as_serde_json_writes_them() {
    for cmd in ["entities", "claims"] {
        let out = run(&[cmd, "--jsonl", "tests/fixtures/entities/dev.jsonl"]);
        assert!(out.lines().count() > 5);
        for line in out.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(line, serde_json::to_string(&v).unwrap(), "{cmd}");
        }
    }
}

#[test]
fn struct_reports_are_written_as_serde_json_writes_them() {
    claimlens_core::frontcode::install_bundled();
    let a = claimlens_core::analyse(&claimlens_core::default_document());
    let out = run(&["entities", "--sample", "--json"]);
    assert_eq!(out, serde_json::to_string_pretty(&a).unwrap() + "\n");
    let gold = "tests/fixtures/entities/dev.gold.jsonl";
    let out = run(&["eval-entities", gold, gold, "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v.is_object());
    assert!(out.ends_with("}\n") && out.contains("\n  \""), "{out}");
}
