//! `claimlens` — the same analysis as the web app, over files.
//!
//! ```text
//! claimlens analyse FILE [--json]     the document's structure (FILE may be - for stdin,
//!                                     or --sample for the bundled default article)
//! claimlens extract FILE [--json]     title, byline, date and main text of a saved page
//!                                     (.html), a Markdown file (.md) or a text file
//! claimlens entities FILE [--json]    entity mentions as a table (or JSON)
//! claimlens entities --jsonl IN       JSON Lines in ({"id","text"}) → out ({"id","entities"})
//! claimlens eval-entities GOLD PRED   strict and lenient P/R/F1 per label and micro
//! claimlens claims FILE [--json]      claims: score, kind, speaker, cue, hedges, quantities
//! claimlens eval attribution DIR [--split dev|train] [--misses|--engine-misses|--speaker-misses] [--parse]
//!                                     cue / source / speaker figures on PolNeAR
//! claimlens claims --jsonl IN         JSON Lines in ({"id","text"}) → out ({"id","claims"})
//! claimlens compare ARTICLE OTHER... [--json]
//!                                     align the article's claims with other documents
//!                                     (--sample: the bundled article and its reference pack)
//! claimlens train checkworthy         train the check-worthiness model (crates/cli/src/models.rs)
//! claimlens eval checkworthy|hedging  dev figures next to baselines (crates/cli/src/models.rs)
//! claimlens train pos|dep             train the tagger or parser (crates/cli/src/lang.rs)
//! claimlens eval pos|dep              tagger, chunker or parser figures next to baselines
//! claimlens train ner                 train the name tagger (crates/cli/src/ner.rs)
//! claimlens eval entities-dev         entity dev figures next to baselines (crates/cli/src/ner.rs)
//! claimlens eval compare              comparison dev figures next to baselines (crates/cli/src/compare_eval.rs)
//! claimlens train compare|idf         fit the alignment model or the background IDF table
//! claimlens web-data DIR              the app files made at build time: the lexicons
//!                                     and the bundled article's analysis
//! claimlens prerender DIR             put the bundled article's first paint into DIR/index.html
//! claimlens help                      this text
//! ```
//!
//! `eval-entities` reads GOLD and PRED each either as one JSON document with a
//! `mentions` array (the seed gold format: `{"mentions": [{"start", "end",
//! "label", "optional"?}]}`) or as JSON Lines `{"id", "entities": [...]}` (the
//! output of `entities --jsonl`). Offsets are code points, end-exclusive.
//! Documents are paired by `id`; a single gold document is paired with a
//! single prediction document whatever their ids. Labels are mapped as in the
//! gold `scheme` (GPE and LOC → PLACE, CARDINAL and PERCENT → QUANTITY); gold
//! mentions with other labels (ORDINAL, TIME, FAC…) are ignored.

mod compare_eval;
mod lang;
mod models;
mod ner;

use std::io::{Read, Write};
use std::process::ExitCode;

use claimlens_cli::parse_html;
use claimlens_core::entities::eval::{self, Scores};
use claimlens_core::intake::{self, Intake};

use claimlens_core::share::Json;
use claimlens_core::{analyse, default_document, Document, Label, Offsets};

// The reports are written with core's JSON writer (`Json::to_pretty`, in
// serde_json's layout); serde_json only reads the JSON input (JSON Lines,
// gold files).

/// A report object with its keys in alphabetical order, as the reports
/// have always listed them: `obj! {"key": value, ...}`, each value
/// anything `Json::from` takes.
macro_rules! obj {
    ($($k:literal : $v:expr),* $(,)?) => {
        sorted(vec![$(($k, Json::from($v))),*])
    };
}

/// An object of `members` in key order.
fn sorted(mut members: Vec<(&str, Json)>) -> Json {
    members.sort_by(|a, b| a.0.cmp(b.0));
    Json::object(members)
}

/// Set `key` of the object `v` to `value`, keeping the keys in order.
fn set(v: &mut Json, key: &str, value: impl Into<Json>) {
    if let Json::Obj(m) = v {
        let value = value.into();
        match m.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(i) => m[i].1 = value,
            Err(i) => m.insert(i, (key.to_string(), value)),
        }
    }
}

const USAGE: &str = "\
claimlens — entity highlights and claim comparison for news articles

USAGE:
    claimlens analyse FILE [--json]    print the document's structure
                                       (FILE: a path, - for stdin, or --sample)
    claimlens extract FILE [--json]    title, byline, date and main text of a saved
                                       web page (.html/.htm), Markdown (.md) or text
    claimlens entities FILE [--json]   entity mentions as a table (or JSON)
    claimlens entities --jsonl IN      JSON Lines {id, text} in (IN may be -),
                                       {id, entities: [{start, end, label, text, entity, value?}]} out
    claimlens eval-entities GOLD PRED [--json]
                                       strict/lenient P/R/F1 per label and micro
                                       (GOLD/PRED: a JSON document with mentions,
                                       or JSON Lines with id and entities)
    claimlens eval attribution DIR [--split dev|train] [--misses|--engine-misses|--speaker-misses] [--parse]
                                       who said what: cue F1, source F1 and speaker
                                       accuracy of the engine, its attribution rules
                                       and two baselines on PolNeAR (DIR: the folder
                                       scripts/data/polnear fills, data/ext/polnear);
                                       --misses / --engine-misses list what the rules /
                                       the engine miss, one TSV line each (tune on train);
                                       --speaker-misses lists the engine's wrong
                                       speakers by bucket (author-*, unknown, wrong-*)
    claimlens claims FILE [--json]     the claims: check-worthiness, kind, speaker,
                                       cue, hedges, boosters, opinion, quantities
    claimlens annotations FILE         W3C Web Annotation JSON-LD: entity mentions and
                                       claims, with quote and position selectors
    claimlens claims --jsonl IN        JSON Lines {id, text} in (IN may be -),
                                       {id, claims: [{start, end, score, checkworthy, kind,
                                       speaker, speaker_kind, cue, hedges, boosters,
                                       certainty, negated, quantities, entities, ...}]} out
    claimlens compare ARTICLE OTHER... [--json]
                                       align each claim of ARTICLE with the statements of
                                       the OTHER documents: agrees / differs / adds context /
                                       no reference, with shared entities and values compared
    claimlens compare --sample [OTHER...] [--json]
                                       the bundled article against its reference pack
                                       (and any OTHER documents)
    claimlens compare ... --jsonld     the claims and relations as schema.org Claim JSON-LD
    claimlens train checkworthy [TRAIN.tsv] [OUT.clw]
                                       train the check-worthiness model (deterministic;
                                       data/train/claimbuster → data/weights/checkworthy.clw)
    claimlens train ner [OUT.clw]      train the name tagger (deterministic;
                                       data/train/ner → data/weights/ner.clw)
    claimlens eval entities-dev [--errors] [GOLD.jsonl...]
                                       lenient/strict micro-F1 of the entity engine and the
                                       name tagger alone on data/eval/ner, with baselines;
                                       --errors lists the engine's misses by family
    claimlens eval compare [FILE.jsonl...] [--msrp] [--relations | --misses]
                                       top-alignment accuracy, no-reference rate and relation
                                       precision of the comparison engine and TF-IDF
                                       baselines on data/eval/compare (and MSRP);
                                       --relations lists every agrees/differs given instead;
                                       --misses every labelled agrees/differs not given, by cause
    claimlens train compare [--dump F|--check]
                                       fit the ranking and counterpart models on
                                       data/eval/compare/events.jsonl (dev split) and their
                                       thresholds; rewrites crates/core/src/compare/fitted.rs
                                       (deterministic); --check fails if the file differs
                                       instead; --dump F writes the candidates instead
    claimlens train idf                the background IDF table from data/train/lang
                                       (EWT, GUM) → data/weights/idf.clw (deterministic)
    claimlens eval checkworthy|hedging [DEV.tsv]
                                       score the engine, the model or detector alone and
                                       baselines on the task's dev split (data/README.md)
    claimlens train pos|dep [OUT.clw]  train the part-of-speech tagger or the dependency
                                       parser (deterministic; data/train/lang →
                                       data/weights/pos.clw, dep.clw)
    claimlens eval pos|dep [--split test|dev]
                                       tagger and chunker, or parser, next to baselines
                                       on EWT and GUM (data/README.md, Language layer)
    claimlens web-data DIR             write the web app's build-time files into DIR:
                                       lexicons.txt (the engine's word lists) and
                                       <id>.analysis for each bundled article
    claimlens prerender DIR            put the bundled article, highlighted, into
                                       DIR/index.html as its first paint (a Trunk hook)
    claimlens help                     print this help

Every FILE goes through the same intake as the web app: .html/.htm pages have
their article extracted, .md is reduced to plain blocks, anything else is text
(UTF-8, or UTF-16 with a byte-order mark; up to 50 MB).
";

fn main() -> ExitCode {
    // The engine reads its lexicons as data: the CLI installs the ones this
    // build carries (the browser fetches the same bundle, `lexicons.txt`).
    claimlens_core::frontcode::install_bundled();
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
        "analyse" | "analyze" => analyse_cmd(rest),
        "extract" => extract_cmd(rest),
        "entities" => entities(rest),
        "eval-entities" => eval_entities(rest),
        "eval" if rest.first().map(String::as_str) == Some("compare") => {
            compare_eval::eval_cmd(&rest[1..])
        }
        "eval" if rest.first().map(String::as_str) == Some("attribution") => {
            eval_attribution(&rest[1..])
        }
        "claims" => claims_cmd(rest),
        "annotations" => annotations_cmd(rest),
        "compare" => compare_cmd(rest),
        "web-data" => web_data(rest),
        "prerender" => prerender_cmd(rest),
        "train" if matches!(rest.first().map(String::as_str), Some("pos" | "dep")) => {
            lang::train_cmd(rest)
        }
        "eval" if matches!(rest.first().map(String::as_str), Some("pos" | "dep")) => {
            lang::eval_cmd(rest)
        }
        "train" if rest.first().map(String::as_str) == Some("idf") => {
            compare_eval::train_idf_cmd(&rest[1..])
        }
        "train" if rest.first().map(String::as_str) == Some("compare") => {
            compare_eval::train_cmd(&rest[1..])
        }
        "train" if rest.first().map(String::as_str) == Some("ner") => ner::train_cmd(&rest[1..]),
        "eval" if rest.first().map(String::as_str) == Some("entities-dev") => {
            ner::eval_cmd(&rest[1..])
        }
        "train" => models::train_cmd(rest),
        "eval" => models::eval_cmd(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}

/// Read a document from a path, stdin (`-`) or the bundled sample
/// (`--sample`) through the intake: HTML pages are extracted, Markdown is
/// reduced to blocks; notices go to stderr.
fn load(path: &str) -> Result<Document, String> {
    Ok(load_intake(path)?.document)
}

fn load_intake(path: &str) -> Result<Intake, String> {
    if path == "--sample" {
        return Ok(Intake {
            document: default_document(),
            kind: intake::SourceKind::Text,
            notices: Vec::new(),
        });
    }
    if path != "-" {
        let len = std::fs::metadata(path)
            .map_err(|e| format!("cannot read {path}: {e}"))?
            .len();
        intake::check_size(len).map_err(|e| format!("{path}: {e}"))?;
    }
    let bytes = read_bytes(path)?;
    let name = if path == "-" { "" } else { path };
    let mut got =
        intake::intake_bytes(name, &bytes, &parse_html).map_err(|e| format!("{path}: {e}"))?;
    for n in &got.notices {
        eprintln!("claimlens: {path}: {}", n.message());
    }
    // Files keep their name as id, as before the intake.
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|_| path != "-")
        .unwrap_or("stdin");
    got.document.id = stem.to_string();
    Ok(got)
}

fn extract_cmd(args: &[String]) -> Result<(), String> {
    let (file, json_out) = file_args(args, "extract")?;
    let got = load_intake(file)?;
    let doc = &got.document;
    let mut out = std::io::stdout().lock();
    let result = if json_out {
        let blocks: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| {
                obj!{
                    "kind": b.kind.name(),
                    "level": match b.kind { claimlens_core::BlockKind::Heading(l) => Some(l), _ => None },
                    "text": doc.block_text(b),
                }
            })
            .collect();
        let v = obj! {
            "kind": got.kind.name(),
            "title": doc.title.clone(), "title_supplied": doc.title_supplied,
            "byline": doc.byline.clone(), "date": doc.date.clone(), "site": doc.source.clone(),
            "language": doc.language.clone(),
            "notices": got.notices.iter().map(|n| n.message()).collect::<Vec<_>>(),
            "words": doc.word_count(),
            "text": doc.text.clone(),
            "blocks": blocks,
        };
        writeln!(out, "{}", v.to_pretty())
    } else {
        let none = "—".to_string();
        let supplied = if doc.title_supplied {
            " (supplied)"
        } else {
            ""
        };
        writeln!(out, "title:  {}{supplied}", doc.title)
            .and_then(|_| writeln!(out, "byline: {}", doc.byline.as_ref().unwrap_or(&none)))
            .and_then(|_| writeln!(out, "date:   {}", doc.date.as_ref().unwrap_or(&none)))
            .and_then(|_| writeln!(out, "site:   {}", doc.source.as_ref().unwrap_or(&none)))
            .and_then(|_| {
                writeln!(
                    out,
                    "kind:   {} · {} blocks · {} words\n",
                    got.kind.name(),
                    doc.blocks.len(),
                    doc.word_count()
                )
            })
            .and_then(|_| write!(out, "{}", doc.text))
    };
    result.map_err(|e| format!("cannot write output: {e}"))
}

fn analyse_cmd(args: &[String]) -> Result<(), String> {
    let (file, json_out) = file_args(args, "analyse")?;
    let doc = load(file)?;
    let offsets = Offsets::new(&doc.text);
    let mut out = std::io::stdout().lock();
    let result = if json_out {
        let blocks: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| {
                let (cs, ce) = offsets.span_to_chars(b.span).expect("block on boundaries");
                obj!{
                    "kind": b.kind.name(),
                    "level": match b.kind { claimlens_core::BlockKind::Heading(l) => Some(l), _ => None },
                    "byte_start": b.span.start, "byte_end": b.span.end,
                    "start": cs, "end": ce,
                    "text": doc.block_text(b),
                }
            })
            .collect();
        let v = obj! {
            "id": doc.id.clone(), "title": doc.title.clone(), "title_supplied": doc.title_supplied,
            "source": doc.source.clone(), "byline": doc.byline.clone(), "date": doc.date.clone(),
            "language": doc.language.clone(),
            "bytes": doc.text.len(), "chars": offsets.len_chars(), "words": doc.word_count(),
            "blocks": blocks,
        };
        writeln!(out, "{}", v.to_pretty())
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

/// The bytes of a file, or of stdin for `-`.
fn read_bytes(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn read_input(path: &str) -> Result<String, String> {
    Ok(String::from_utf8_lossy(&read_bytes(path)?).into_owned())
}

/// Entities of one text as JSON objects with code-point offsets.
fn entity_json(text: &str) -> Vec<Json> {
    let a = claimlens_core::entities::extract_text(text);
    let offsets = Offsets::new(text);
    a.mentions
        .iter()
        .map(|m| {
            let (s, e) = offsets
                .span_to_chars(m.span)
                .expect("mention on char boundaries");
            let mut v = obj! {
                "start": s, "end": e, "label": m.label.name(),
                "text": m.span.slice(text), "entity": a.entities[m.entity].id.clone(),
            };
            if let Some(val) = &m.value {
                set(&mut v, "value", val.to_string());
            }
            if let Some(r) = &m.role {
                set(&mut v, "role", r.title.clone());
                if let Some(af) = &r.affiliation {
                    set(&mut v, "affiliation", af);
                }
            }
            v
        })
        .collect()
}

/// Read `{"id", "text"}` lines from `path` (stdin when absent or `-`) and
/// print `{"id", key: f(text)}` for each.
fn map_jsonl<T: Into<Json>>(
    path: Option<&String>,
    key: &str,
    mut f: impl FnMut(&str) -> T,
) -> Result<(), String> {
    let path = path.map(String::as_str).unwrap_or("-");
    let input = read_input(path)?;
    let mut out = std::io::stdout().lock();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: not JSON: {e}", n + 1))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| format!("{path}:{}: no \"text\"", n + 1))?;
        let id = Json::from_serialize(&v["id"]);
        let o = sorted(vec![("id", id), (key, f(text).into())]);
        writeln!(out, "{}", o.to_compact()).map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(())
}

/// `FILE [--json]`: the file and whether JSON output was asked for.
fn file_args<'a>(args: &'a [String], cmd: &str) -> Result<(&'a str, bool), String> {
    let mut json_out = false;
    let mut file = None;
    for a in args {
        match a.as_str() {
            "--json" => json_out = true,
            _ if file.is_none() => file = Some(a.as_str()),
            _ => return Err(format!("unexpected argument {a:?}\n\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| format!("{cmd} needs a FILE\n\n{USAGE}"))?;
    Ok((file, json_out))
}

fn entities(args: &[String]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let werr = |e: std::io::Error| format!("cannot write output: {e}");
    if args.first().map(String::as_str) == Some("--jsonl") {
        return map_jsonl(args.get(1), "entities", entity_json);
    }
    let (file, json_out) = file_args(args, "entities")?;
    let doc = load(file)?;
    if json_out {
        let a = analyse(&doc);
        writeln!(out, "{}", Json::from_serialize(&a).to_pretty()).map_err(werr)?;
        return Ok(());
    }
    let a = analyse(&doc);
    let offsets = Offsets::new(&doc.text);
    writeln!(
        out,
        "{:>11}  {:<9} {:<32} {:<28} detail",
        "chars", "label", "text", "entity"
    )
    .map_err(werr)?;
    for m in &a.mentions {
        let (s, e) = offsets.span_to_chars(m.span).expect("boundaries");
        let ent = &a.entities[m.entity];
        let mut detail = String::new();
        if let Some(v) = &m.value {
            detail = v.to_string();
        }
        if let Some(r) = &m.role {
            detail = format!("role: {}", r.title.clone());
            if let Some(af) = &r.affiliation {
                detail.push_str(&format!(" ({af})"));
            }
        }
        writeln!(
            out,
            "{:>11}  {:<9} {:<32} {:<28} {detail}",
            format!("{s}–{e}"),
            m.label.name(),
            m.span.slice(&doc.text).replace('\n', " "),
            ent.name
        )
        .map_err(werr)?;
    }
    writeln!(out).map_err(werr)?;
    writeln!(
        out,
        "{} mentions, {} entities",
        a.mentions.len(),
        a.entities.len()
    )
    .map_err(werr)?;
    for ent in a
        .entities
        .iter()
        .filter(|e| e.mentions.len() > 1 || !e.related.is_empty())
    {
        let rel: Vec<String> = ent
            .related
            .iter()
            .map(|r| format!("{:?} {}", r.kind, r.name))
            .collect();
        writeln!(
            out,
            "  {:<28} {:<8} ×{:<3} aliases: {:<30} {}",
            ent.name,
            ent.label.name(),
            ent.mentions.len(),
            ent.aliases.join(", "),
            rel.join("; ")
        )
        .map_err(werr)?;
    }
    Ok(())
}

/// One document's labelled spans, with its id when given.
type SpanDoc = (Option<String>, Vec<eval::Span>);

/// Documents of labelled spans.
fn load_spans(path: &str) -> Result<Vec<SpanDoc>, String> {
    let input = read_input(path)?;
    let parse_list = |v: &serde_json::Value| -> Vec<eval::Span> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| {
                        let start = m["start"].as_u64()? as usize;
                        let end = m["end"].as_u64()? as usize;
                        let label = Label::parse(m["label"].as_str()?);
                        Some(eval::Span {
                            start,
                            end,
                            label,
                            optional: m["optional"].as_bool().unwrap_or(false),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let id_of = |v: &serde_json::Value| match &v["id"] {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    };
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&input) {
        if v.is_object() {
            let list = if v.get("mentions").is_some() {
                &v["mentions"]
            } else {
                &v["entities"]
            };
            return Ok(vec![(id_of(&v), parse_list(list))]);
        }
    }
    let mut docs = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: not JSON: {e}", n + 1))?;
        let list = if v.get("entities").is_some() {
            &v["entities"]
        } else {
            &v["mentions"]
        };
        docs.push((id_of(&v), parse_list(list)));
    }
    Ok(docs)
}

fn eval_entities(args: &[String]) -> Result<(), String> {
    let json_out = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [gold_path, pred_path] = files[..] else {
        return Err(format!("eval-entities needs GOLD and PRED\n\n{USAGE}"));
    };
    let gold = load_spans(gold_path)?;
    let pred = load_spans(pred_path)?;
    let mut g = Vec::new();
    let mut p = Vec::new();
    if gold.len() == 1 && pred.len() == 1 {
        g.push(gold[0].1.clone());
        p.push(pred[0].1.clone());
    } else {
        for (id, spans) in &gold {
            g.push(spans.clone());
            p.push(
                pred.iter()
                    .find(|(pid, _)| pid == id)
                    .map(|(_, s)| s.clone())
                    .unwrap_or_default(),
            );
        }
    }
    let s = eval::score(&g, &p);
    let mut out = std::io::stdout().lock();
    if json_out {
        writeln!(out, "{}", Json::from_serialize(&s).to_pretty())
    } else {
        write_scores(&mut out, &s, g.len())
    }
    .map_err(|e| format!("cannot write output: {e}"))
}

fn write_scores(out: &mut impl Write, s: &Scores, docs: usize) -> std::io::Result<()> {
    writeln!(out, "{docs} document(s)")?;
    for (name, t) in [("strict", &s.strict), ("lenient", &s.lenient)] {
        writeln!(
            out,
            "\n{name:<10} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}",
            "tp", "fp", "fn", "P", "R", "F1"
        )?;
        let rows = t
            .per_label
            .iter()
            .map(|(l, c)| (l.name(), c))
            .chain([("micro", &t.micro)]);
        for (l, c) in rows {
            writeln!(
                out,
                "{l:<10} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
    }
    Ok(())
}

/// `eval attribution DIR [--split dev|train] [--misses|--engine-misses|--speaker-misses] [--parse]`:
/// score the engine, its attribution rules and the baselines on one split of
/// PolNeAR (one annotation file per article, the first in name order), or
/// list what the rules or the engine miss (`kind id at cue source given`);
/// `--parse` installs the language layer for attribution first.
fn eval_attribution(args: &[String]) -> Result<(), String> {
    use claimlens_core::eval::attribution::{choose_annotations, evaluate, Article, LANDED};
    let mut dir = None;
    let mut split = "dev".to_string();
    let mut misses = None;
    let mut speakers = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--split" => split = it.next().ok_or("--split needs dev or train")?.clone(),
            "--misses" => misses = Some(false),
            "--engine-misses" => misses = Some(true),
            "--speaker-misses" => speakers = true,
            // The language layer in attribution (not installed by default).
            "--parse" => {
                use claimlens_core::claims::attribution::{install_parser, install_tagger};
                let read = |f: &str| std::fs::read(f).map_err(|e| format!("{f}: {e}"));
                if !install_tagger(&read("data/weights/pos.clw")?)
                    || !install_parser(&read("data/weights/dep.clw")?)
                {
                    return Err("data/weights/{pos,dep}.clw: not a tagger and a parser".into());
                }
            }
            _ if dir.is_none() => dir = Some(a.clone()),
            other => return Err(format!("unexpected argument {other:?}\n\n{USAGE}")),
        }
    }
    let dir = dir.ok_or_else(|| format!("eval attribution needs DIR\n\n{USAGE}"))?;
    // The test split is held out: it is never opened.
    if split != "dev" && split != "train" {
        return Err(format!("--split is dev or train, not {split:?}"));
    }
    let base = std::path::Path::new(&dir).join(&split);
    let anns = base.join("attributions");
    let names: Vec<String> = std::fs::read_dir(&anns)
        .map_err(|e| {
            format!(
                "{}: {e} (fetch the data with scripts/data/polnear)",
                anns.display()
            )
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut articles = Vec::new();
    for (id, file) in choose_annotations(&names) {
        let read = |p: std::path::PathBuf| {
            std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
        };
        let text = read(base.join("text").join(format!("{id}.txt")))?;
        let ann = read(anns.join(&file))?;
        articles.push(Article::new(&id, &text, &ann));
    }
    let gold: usize = articles.iter().map(|a| a.gold.len()).sum();
    let mut out = std::io::stdout().lock();
    let werr = |e: std::io::Error| format!("cannot write output: {e}");
    let one = |s: &str| s.replace(['\n', '\t'], " ");
    if speakers {
        for a in &articles {
            for m in claimlens_core::eval::attribution::speaker_misses(a) {
                let (cue, src, given) = (one(&m.cue), one(&m.source), one(&m.given));
                let (rules, right) = (one(&m.rules.0), if m.rules.1 { "R" } else { "-" });
                writeln!(
                    out,
                    "{}\t{}\t{}\t{cue}\t{src}\t{given}\t{right}\t{rules}",
                    m.bucket, a.id, m.at
                )
                .map_err(werr)?;
            }
        }
        return Ok(());
    }
    if let Some(engine) = misses {
        for a in &articles {
            for m in claimlens_core::eval::attribution::misses(a, engine) {
                let (kind, at) = (m.kind.name(), m.at);
                let (cue, src, given) = (one(&m.cue), one(&m.source), one(&m.given));
                writeln!(out, "{kind}\t{}\t{at}\t{cue}\t{src}\t{given}", a.id).map_err(werr)?;
            }
        }
        return Ok(());
    }
    writeln!(
        out,
        "PolNeAR {split}: {} articles, {gold} gold attributions",
        articles.len()
    )
    .map_err(werr)?;
    writeln!(
        out,
        "{:<34} {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} {:>5} {:>5}",
        "system",
        "cueP",
        "cueR",
        "cueF1",
        "srcP",
        "srcR",
        "srcF1",
        "spkAc",
        "spkAl",
        "spkNm",
        "spkSt",
        "spkSp"
    )
    .map_err(werr)?;
    type Speaker = (f64, f64, f64, f64, f64);
    let row = |name: &str, c: (f64, f64, f64), s: (f64, f64, f64), k: Speaker| {
        let f = |x: f64| {
            if x.is_nan() {
                "    –".to_string()
            } else {
                format!("{x:>5.3}")
            }
        };
        format!(
            "{name:<34} {} {} {} | {} {} {} | {} {} {} {} {}",
            f(c.0),
            f(c.1),
            f(c.2),
            f(s.0),
            f(s.1),
            f(s.2),
            f(k.0),
            f(k.1),
            f(k.2),
            f(k.3),
            f(k.4)
        )
    };
    for s in evaluate(&articles) {
        let c = &s.counts;
        let k = (
            c.spk_acc(),
            c.spk_acc_all(),
            c.spk_acc_named(),
            c.spk_acc_stated(),
            c.spk_acc_span(),
        );
        writeln!(out, "{}", row(s.name, c.cue_prf(), c.src_prf(), k)).map_err(werr)?;
    }
    if let Some(r) = LANDED.iter().find(|r| r.split == split) {
        let name = "landed engine 1812dea (recorded)";
        let (a, b, n) = r.speaker;
        let k = (a, b, n, r.speaker_stated, r.speaker_span);
        writeln!(out, "{}", row(name, r.cue, r.source, k)).map_err(werr)?;
    }
    Ok(())
}

/// A score or weight with two decimals (f32 printed as f64 shows noise digits).
fn round2(x: f32) -> f64 {
    (x as f64 * 100.0).round() / 100.0
}

/// A span as `{start, end, text}` with code-point offsets.
fn span_json(text: &str, offsets: &Offsets, span: claimlens_core::Span) -> Json {
    let (s, e) = offsets
        .span_to_chars(span)
        .expect("span on char boundaries");
    obj! {"start": s, "end": e, "text": span.slice(text)}
}

/// Claims of one analysed text as JSON objects with code-point offsets.
fn claims_json(text: &str, a: &claimlens_core::Analysis) -> Vec<Json> {
    use claimlens_core::Speaker;
    let offsets = Offsets::new(text);
    let spans = |v: &[claimlens_core::Span]| -> Vec<Json> {
        v.iter().map(|s| span_json(text, &offsets, *s)).collect()
    };
    let mention = |m: usize| {
        let mm = &a.mentions[m];
        let mut v = span_json(text, &offsets, mm.span);
        set(&mut v, "label", mm.label.name());
        set(&mut v, "entity", a.entities[mm.entity].id.clone());
        if let Some(val) = &mm.value {
            set(&mut v, "value", val.to_string());
        }
        v
    };
    a.claims
        .iter()
        .map(|c| {
            let (start, end) = offsets.span_to_chars(c.span).expect("claim on boundaries");
            let speaker = match &c.speaker {
                Speaker::Entity { span, name, id, .. } => {
                    let mut v = span_json(text, &offsets, *span);
                    set(&mut v, "name", name);
                    set(&mut v, "entity", id);
                    v
                }
                Speaker::Unnamed { span: Some(span) } => span_json(text, &offsets, *span),
                _ => Json::Null,
            };
            let quantities: Vec<_> = c
                .quantities(a)
                .map(|m| {
                    let mut v = mention(m);
                    if let Some(p) = c.per_unit.iter().find(|p| p.mention == m) {
                        set(&mut v, "per", p.span.slice(text));
                    }
                    v
                })
                .collect();
            obj!{
                "start": start, "end": end, "text": c.text(text),
                "score": round2(c.score), "checkworthy": c.checkworthy,
                "kind": c.kind.name(),
                "kinds": c.kinds.iter().map(|k| k.name()).collect::<Vec<_>>(),
                "speaker": speaker,
                "speaker_kind": c.speaker.kind_name(),
                "speaker_name": c.speaker.display(text),
                "cue": c.cue.map(|s| span_json(text, &offsets, s)),
                "hedges": spans(&c.hedges),
                "boosters": spans(&c.boosters),
                "opinion": spans(&c.opinion),
                "certainty": c.certainty.name(),
                "negated": c.negated,
                "negations": spans(&c.negations),
                "quantities": quantities,
                "dates": c.dates(a).map(mention).collect::<Vec<_>>(),
                "entities": c.entities(a).map(mention).collect::<Vec<_>>(),
                "reasons": c.reasons.iter().map(|r| obj!{"feature": r.feature.name(), "weight": round2(r.weight)}).collect::<Vec<_>>(),
            }
        })
        .collect()
}

fn claims_cmd(args: &[String]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let werr = |e: std::io::Error| format!("cannot write output: {e}");
    if args.first().map(String::as_str) == Some("--jsonl") {
        return map_jsonl(args.get(1), "claims", |text| {
            let a = analyse(&Document::from_plain_text("line", "line", text));
            claims_json(text, &a)
        });
    }
    let (file, json_out) = file_args(args, "claims")?;
    let doc = load(file)?;
    let a = analyse(&doc);
    if json_out {
        let v = obj! {"id": doc.id.clone(), "claims": claims_json(&doc.text.clone(), &a)};
        writeln!(out, "{}", v.to_pretty()).map_err(werr)?;
        return Ok(());
    }
    let text = &doc.text;
    let list = |v: &[claimlens_core::Span]| -> String {
        v.iter()
            .map(|s| s.slice(text).replace('\n', " "))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (i, c) in a.claims.iter().enumerate() {
        writeln!(
            out,
            "{:>3}. [{:.2}{}] {} · {} · {}",
            i + 1,
            c.score,
            if c.checkworthy { " check-worthy" } else { "" },
            c.kind.name(),
            c.speaker.display(text),
            c.certainty.name(),
        )
        .map_err(werr)?;
        writeln!(out, "     {}", c.text(text).replace('\n', " ")).map_err(werr)?;
        let mut details = Vec::new();
        if let Some(cue) = c.cue {
            details.push(format!("cue: {}", cue.slice(text)));
        }
        for (name, v) in [
            ("hedges", &c.hedges),
            ("boosters", &c.boosters),
            ("opinion", &c.opinion),
            ("negation", &c.negations),
        ] {
            if !v.is_empty() {
                details.push(format!("{name}: {}", list(v)));
            }
        }
        let values: Vec<String> = c
            .mentions
            .iter()
            .filter_map(|&m| {
                let mm = &a.mentions[m];
                let v = mm.value.as_ref()?;
                let per = c
                    .per_unit
                    .iter()
                    .find(|p| p.mention == m)
                    // The span is the phrase as written ("per share", "apiece").
                    .map(|p| format!(" {}", p.span.slice(text)))
                    .unwrap_or_default();
                Some(format!("{} = {v}{per}", mm.span.slice(text)))
            })
            .collect();
        if !values.is_empty() {
            details.push(format!("values: {}", values.join("; ")));
        }
        let reasons: Vec<String> = c
            .reasons
            .iter()
            .map(|r| format!("{} {:+.2}", r.feature.name(), r.weight))
            .collect();
        details.push(format!("reasons: {}", reasons.join(", ")));
        for d in details {
            writeln!(out, "     {d}").map_err(werr)?;
        }
    }
    let n = a.claims.iter().filter(|c| c.checkworthy).count();
    writeln!(
        out,
        "\n{} claims, {n} check-worthy (score >= {})",
        a.claims.len(),
        claimlens_core::CHECKWORTHY
    )
    .map_err(werr)?;
    Ok(())
}

fn annotations_cmd(args: &[String]) -> Result<(), String> {
    let (file, _) = file_args(args, "annotations")?;
    let doc = load(file)?;
    let a = analyse(&doc);
    print!("{}", claimlens_core::share::web_annotations(&doc, &a, &[]));
    Ok(())
}

fn compare_cmd(args: &[String]) -> Result<(), String> {
    use claimlens_core::compare::{json_ld, DocKind, SourceMeta, Workspace};
    let mut json_out = false;
    let mut jsonld_out = false;
    let mut sample = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json_out = true,
            "--jsonld" => jsonld_out = true,
            "--sample" => sample = true,
            _ => files.push(a.as_str()),
        }
    }
    let mut ws = if sample {
        Workspace::for_default_article()
    } else {
        let (first, rest) = files
            .split_first()
            .ok_or_else(|| format!("compare needs an ARTICLE and OTHER documents\n\n{USAGE}"))?;
        let ws = Workspace::new(load(first)?);
        files = rest.to_vec();
        ws
    };
    for f in &files {
        let doc = load(f)?;
        let meta = SourceMeta::named(&doc.id, &doc.title.clone(), DocKind::UserDocument);
        ws.add(doc, meta);
    }
    if ws.sources().is_empty() {
        return Err(format!(
            "compare needs at least one OTHER document\n\n{USAGE}"
        ));
    }
    let cmp = ws.compare();
    let mut out = std::io::stdout().lock();
    let werr = |e: std::io::Error| format!("cannot write output: {e}");
    let art = &ws.article().doc.text;
    let analysis = &ws.article().analysis;
    if jsonld_out {
        return write!(out, "{}", json_ld(&ws, &cmp)).map_err(werr);
    }
    if json_out {
        let a_off = Offsets::new(art);
        let claims: Vec<_> = cmp
            .claims
            .iter()
            .map(|c| {
                let claim = &analysis.claims[c.claim];
                let mut v = span_json(art, &a_off, claim.span);
                set(&mut v, "checkworthy", claim.checkworthy);
                set(&mut v, "speaker", claim.speaker.display(art));
                set(&mut v, "relation", c.relation.name());
                let alignments: Json = c
                    .alignments
                    .iter()
                    .map(|al| {
                        let src = ws.source(al.source);
                        let s_text = &src.doc.text;
                        let s_off = Offsets::new(s_text);
                        let mut st = span_json(s_text, &s_off, al.span);
                        set(&mut st, "sentence", al.sentence);
                        obj!{
                            "source": src.meta.id.clone(), "source_name": src.meta.source.clone(),
                            "label": src.meta.label(), "kind": src.meta.kind.name(),
                            "confidence": src.meta.confidence.name(),
                            "statement": st,
                            "relation": al.relation.name(),
                            "score": round2(al.score), "entity_score": round2(al.entity_score),
                            "lexical": round2(al.lexical),
                            "shared_entities": al.shared.iter().map(|e| obj!{
                                "name": e.name.clone(),
                                "claim": e.claim_spans.iter().map(|s| span_json(art, &a_off, *s)).collect::<Vec<_>>(),
                                "source": e.source_spans.iter().map(|s| span_json(s_text, &s_off, *s)).collect::<Vec<_>>(),
                            }).collect::<Vec<_>>(),
                            "shared_terms": al.shared_terms.clone(),
                            "values": al.values.iter().map(|p| obj!{
                                "claim": span_json(art, &a_off, p.claim),
                                "claim_value": p.claim_value.to_string(),
                                "source": span_json(s_text, &s_off, p.reference),
                                "source_value": p.reference_value.to_string(),
                                "agrees": p.agrees,
                            }).collect::<Vec<_>>(),
                            "gap": al.gap_text(&ws),
                        }
                    })
                    .collect();
                set(&mut v, "alignments", alignments);
                v
            })
            .collect();
        let sources: Vec<_> = ws
            .sources()
            .iter()
            .map(|s| {
                obj!{"id": s.meta.id.clone(), "source": s.meta.source.clone(), "date": s.meta.date.clone(),
                "when": s.meta.when.clone(), "kind": s.meta.kind.name(), "citation": s.meta.citation.clone(),
                "confidence": s.meta.confidence.name()}
            })
            .collect();
        let v = obj! {"article": ws.article().doc.id.clone(), "sources": sources, "claims": claims};
        return writeln!(out, "{}", v.to_pretty()).map_err(werr);
    }
    for c in &cmp.claims {
        let claim = &analysis.claims[c.claim];
        if c.alignments.is_empty() && !claim.checkworthy {
            continue;
        }
        writeln!(
            out,
            "{:>3}. [{}] {}",
            c.claim + 1,
            c.relation.title(),
            claim.text(art).replace('\n', " ")
        )
        .map_err(werr)?;
        for al in &c.alignments {
            let src = ws.source(al.source);
            writeln!(
                out,
                "     {:<12} {} [{}, {}]\n                  {}",
                al.relation.title(),
                src.meta.label(),
                src.meta.kind.title(),
                src.meta.confidence.name(),
                al.span.slice(&src.doc.text).replace('\n', " ")
            )
            .map_err(werr)?;
            if let Some(g) = al.gap_text(&ws) {
                writeln!(out, "                  gap: {g}").map_err(werr)?;
            }
            writeln!(out, "                  {}", al.explain(&ws)).map_err(werr)?;
        }
    }
    let n = cmp.counts();
    writeln!(
        out,
        "\n{} claims: {} differ, {} agree, {} with context, {} with no reference ({} sources)",
        cmp.claims.len(),
        n[0],
        n[1],
        n[2],
        n[3],
        ws.sources().len()
    )
    .map_err(werr)?;
    Ok(())
}

/// `prerender DIR`: the bundled article's first view, highlighted, put
/// into the built `DIR/index.html` ([`claimlens_core::prerender`]), so the
/// page shows it before any script runs. Trunk's `post_build` hook runs it
/// (scripts/post-build), before the service worker is stamped.
fn prerender_cmd(args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err(format!("prerender takes one directory\n\n{USAGE}"));
    };
    let path = std::path::Path::new(dir).join("index.html");
    let index = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let doc = default_document();
    let page = claimlens_core::prerender::page(&doc, &analyse(&doc));
    let out = claimlens_core::prerender::into_index(&index, &page)?;
    std::fs::write(&path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `web-data DIR`: the files `scripts/build-wasm` puts beside the browser
/// build. The app fetches `lexicons.txt` with the engine when it first
/// analyses a document, and opens the bundled article from the analysis
/// the engine made of it here ([`claimlens_core::wire`]), so its first
/// download carries neither.
fn web_data(args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err(format!("web-data takes one directory\n\n{USAGE}"));
    };
    let dir = std::path::Path::new(dir);
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("lexicons.txt", claimlens_core::frontcode::bundle())?;
    for name in claimlens_core::weights::FILES {
        let bytes = claimlens_core::weights::bundled(name).ok_or(format!("no {name} built in"))?;
        std::fs::write(dir.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    let doc = default_document();
    let form = claimlens_core::wire::encode(&doc.text.clone(), &claimlens_core::analyse(&doc));
    write(&format!("{}.analysis", doc.id), &form)
}
