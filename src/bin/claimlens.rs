//! `claimlens` — the same analysis as the web app, over files.
//!
//! ```text
//! claimlens analyse FILE [--json]     the document's structure (FILE may be - for stdin,
//!                                     or --sample for the bundled default article)
//! claimlens help                      this text
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use claimlens::analysis::{default_document, Document, Offsets};
use serde_json::json;

const USAGE: &str = "\
claimlens — entity highlights and claim comparison for news articles

USAGE:
    claimlens analyse FILE [--json]    print the document's structure
                                       (FILE: a path, - for stdin, or --sample)
    claimlens help                     print this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimlens: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    match cmd.as_str() {
        "analyse" | "analyze" => analyse(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}

/// Read a document from a path, stdin (`-`) or the bundled sample (`--sample`).
fn load(path: &str) -> Result<Document, String> {
    if path == "--sample" {
        return Ok(default_document());
    }
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("claimlens: {path} is not valid UTF-8; invalid bytes replaced with U+FFFD");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let name = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("stdin");
    Ok(Document::from_plain_text(name, name, &text))
}

fn analyse(args: &[String]) -> Result<(), String> {
    let mut json_out = false;
    let mut file = None;
    for a in args {
        match a.as_str() {
            "--json" => json_out = true,
            _ if file.is_none() => file = Some(a.as_str()),
            _ => return Err(format!("unexpected argument {a:?}\n\n{USAGE}")),
        }
    }
    let doc = load(file.ok_or_else(|| format!("analyse needs a FILE\n\n{USAGE}"))?)?;
    let offsets = Offsets::new(&doc.text);
    let mut out = std::io::stdout().lock();
    let result = if json_out {
        let blocks: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| {
                let (cs, ce) = offsets.span_to_chars(b.span).expect("block on boundaries");
                json!({
                    "kind": b.kind.name(),
                    "level": match b.kind { claimlens::analysis::BlockKind::Heading(l) => Some(l), _ => None },
                    "byte_start": b.span.start, "byte_end": b.span.end,
                    "start": cs, "end": ce,
                    "text": doc.block_text(b),
                })
            })
            .collect();
        let v = json!({
            "id": doc.id, "title": doc.title, "title_supplied": doc.title_supplied,
            "source": doc.source, "byline": doc.byline, "date": doc.date,
            "language": doc.language,
            "bytes": doc.text.len(), "chars": offsets.len_chars(), "words": doc.word_count(),
            "blocks": blocks,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v).expect("json"))
    } else {
        write_table(&mut out, &doc, &offsets)
    };
    result.map_err(|e| format!("cannot write output: {e}"))
}

fn write_table(out: &mut impl Write, doc: &Document, offsets: &Offsets) -> std::io::Result<()> {
    writeln!(out, "{}", doc.title)?;
    writeln!(
        out,
        "{} blocks · {} words · {} characters · {} bytes",
        doc.blocks.len(),
        doc.word_count(),
        offsets.len_chars(),
        doc.text.len()
    )?;
    writeln!(out)?;
    writeln!(out, "{:>3}  {:<10} {:>13}  text", "#", "kind", "chars")?;
    for (i, b) in doc.blocks.iter().enumerate() {
        let (cs, ce) = offsets.span_to_chars(b.span).expect("block on boundaries");
        let text = doc.block_text(b).replace(['\n', '\r'], " ");
        let preview: String = text.chars().take(60).collect();
        let more = if text.chars().count() > 60 { "…" } else { "" };
        writeln!(
            out,
            "{:>3}  {:<10} {:>13}  {preview}{more}",
            i + 1,
            b.kind.name(),
            format!("{cs}–{ce}")
        )?;
    }
    Ok(())
}
