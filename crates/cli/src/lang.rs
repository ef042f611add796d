//! `claimlens train pos|dep` and `claimlens eval pos|dep`: the language layer
//! (`claimlens_core::text::{tagger, chunk, parser}`) trained and scored on
//! the openly licensed treebanks in `data/train/lang` (`data/README.md`,
//! "Language layer"; rebuilt by `scripts/data/lang.py`).
//!
//! ```text
//! claimlens train pos [OUT.clw]   the tagger → data/weights/pos.clw (deterministic)
//! claimlens train dep [OUT.clw]   the parser, on tags from data/weights/pos.clw
//!                                 → data/weights/dep.clw (deterministic)
//! claimlens eval pos [--split test|dev]
//!     XPOS/UPOS accuracy of the tagger, a most-frequent-tag baseline and the
//!     same with suffix rules; base-NP F1 of the chunker and of maximal noun
//!     runs; per corpus (EWT, GUM) and tokenisation (UD's, the app's)
//! claimlens eval dep [--split test|dev]
//!     UAS/LAS of the parser on predicted tags, next to two UAS baselines
//! ```
//!
//! Files: `<corpus>-<split>.tsv.gz` (UD tokens) and `.app.tsv.gz` (the app's
//! tokens), one token per line `word XPOS UPOS head deprel NP-BIO`, a blank
//! line between sentences.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::time::Instant;

use claimlens_core::text::chunk::chunks;
use claimlens_core::text::parser::{train_parser, DepExample, Parser};
use claimlens_core::text::pos::Pos;
use claimlens_core::text::tagger::{train, Example, Tagger, TrainConfig};
use claimlens_core::weights::fnv1a64;

const DIR: &str = "data/train/lang";
const POS_OUT: &str = "data/weights/pos.clw";
const DEP_OUT: &str = "data/weights/dep.clw";
const CORPORA: [&str; 2] = ["ewt", "gum"];
/// The shipped tagger's settings (chosen on dev; `data/README.md`).
const POS_EPOCHS: usize = 8;
const POS_MIN_COUNT: u32 = 20;
const POS_PRUNE: f32 = 12.0;
/// The shipped parser's settings.
const DEP_EPOCHS: usize = 6;
const DEP_MIN_COUNT: u32 = 5;
const DEP_PRUNE: f32 = 8.0;
const SEED: u64 = 20251203;
/// `XPOS|UPOS` pairs seen fewer times become their XPOS's most frequent pair.
const MIN_LABEL: usize = 150;
/// Relations rarer than this in training become their base relation (or `dep`).
const MIN_REL: usize = 100;

/// `claimlens train pos|dep [OUT.clw]`.
pub fn train_cmd(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("pos") => train_pos(args.get(1).map_or(POS_OUT, String::as_str)),
        Some("dep") => train_dep(args.get(1).map_or(DEP_OUT, String::as_str)),
        _ => Err("train takes a model: pos or dep".into()),
    }
}

/// `claimlens eval pos|dep [--split test|dev]`.
pub fn eval_cmd(args: &[String]) -> Result<(), String> {
    let split = match args.get(1..).unwrap_or_default() {
        [] => "test",
        [flag, s] if flag == "--split" && (s == "test" || s == "dev") => s.as_str(),
        _ => return Err("usage: claimlens eval pos|dep [--split test|dev]".into()),
    };
    match args.first().map(String::as_str) {
        Some("pos") => eval_pos(split),
        Some("dep") => eval_dep(split),
        _ => Err("eval takes a model: pos or dep".into()),
    }
}

/// One sentence of a treebank file.
#[derive(Clone, Debug, Default)]
struct Sentence {
    words: Vec<String>,
    xpos: Vec<String>,
    upos: Vec<String>,
    /// Gold base-NP tags: `B`, `I` or `O`.
    np: Vec<char>,
    /// Gold heads, 1-based, 0 = root (also where unknown, `_`).
    heads: Vec<usize>,
    rels: Vec<String>,
}

/// The text of a gzipped file.
fn read_gz(path: &str) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .map_err(|e| format!("{path}: {e}"))?;
    Ok(s)
}

fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for line in text.lines() {
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        cur.words.push(f[0].to_string());
        cur.xpos.push(f.get(1).unwrap_or(&"XX").to_string());
        cur.upos.push(f.get(2).unwrap_or(&"X").to_string());
        cur.heads
            .push(f.get(3).and_then(|s| s.parse().ok()).unwrap_or(0));
        cur.rels.push(f.get(4).unwrap_or(&"_").to_string());
        cur.np
            .push(f.get(5).and_then(|s| s.chars().next()).unwrap_or('O'));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

fn read(corpus: &str, split: &str, app: bool) -> Result<Vec<Sentence>, String> {
    let view = if app { ".app" } else { "" };
    Ok(parse(&read_gz(&format!(
        "{DIR}/{corpus}-{split}{view}.tsv.gz"
    ))?))
}

fn train_pos(out: &str) -> Result<(), String> {
    let t = Instant::now();
    let mut sents: Vec<Sentence> = Vec::new();
    let mut data = Vec::new();
    for c in CORPORA {
        let app_text = read_gz(&format!("{DIR}/{c}-train.app.tsv.gz"))?;
        let ud_text = read_gz(&format!("{DIR}/{c}-train.tsv.gz"))?;
        data.extend_from_slice(app_text.as_bytes());
        data.extend_from_slice(ud_text.as_bytes());
        let (app, ud) = (parse(&app_text), parse(&ud_text));
        if app.len() != ud.len() {
            return Err(format!("{c}-train: the two views differ in sentences"));
        }
        // The app's tokens, plus UD's where they differ (`do n't`).
        for (a, u) in app.into_iter().zip(ud) {
            let differs = a.words != u.words;
            sents.push(a);
            if differs {
                sents.push(u);
            }
        }
    }
    let (names, map) = label_set(&sents)?;
    let examples: Vec<Example> = sents
        .iter()
        .map(|s| Example {
            words: s.words.clone(),
            labels: s
                .xpos
                .iter()
                .zip(&s.upos)
                .map(|(x, u)| map[&format!("{x}|{u}")])
                .collect(),
        })
        .collect();
    let ntok: usize = examples.iter().map(|e| e.words.len()).sum();
    println!(
        "{} sentences, {ntok} tokens, {} labels",
        examples.len(),
        names.len()
    );
    let cfg = TrainConfig {
        epochs: POS_EPOCHS,
        seed: SEED,
        min_count: POS_MIN_COUNT,
        prune: POS_PRUNE,
        quantile: 1.0,
        header: vec![
            ("data".into(), format!("{:016x}", fnv1a64(&data))),
            (
                "data_files".into(),
                format!("{DIR}/ewt-train,{DIR}/gum-train"),
            ),
        ],
    };
    let bytes = train(&examples, &names, &cfg);
    Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} bytes in {:.1} s",
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Labels: every `XPOS|UPOS` pair seen at least [`MIN_LABEL`] times, plus the
/// most frequent pair of each XPOS; rarer pairs map to that most frequent pair.
fn label_set(sents: &[Sentence]) -> Result<(Vec<String>, BTreeMap<String, usize>), String> {
    let mut pair: BTreeMap<String, usize> = BTreeMap::new();
    for s in sents {
        for (x, u) in s.xpos.iter().zip(&s.upos) {
            if Pos::parse(x).is_none() {
                return Err(format!("unknown XPOS {x:?}"));
            }
            *pair.entry(format!("{x}|{u}")).or_insert(0) += 1;
        }
    }
    let xpos_of = |p: &str| p.split('|').next().unwrap_or_default().to_string();
    let mut best: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (p, &c) in &pair {
        let e = best.entry(xpos_of(p)).or_insert((0, String::new()));
        if c > e.0 {
            *e = (c, p.clone());
        }
    }
    let mut names: Vec<String> = pair
        .iter()
        .filter(|(p, &c)| c >= MIN_LABEL || best.values().any(|b| &b.1 == *p))
        .map(|(p, _)| p.clone())
        .collect();
    names.sort();
    let mut map = BTreeMap::new();
    for p in pair.keys() {
        let target = if names.contains(p) {
            p
        } else {
            &best[&xpos_of(p)].1
        };
        let idx = names.iter().position(|n| n == target).unwrap_or(0);
        map.insert(p.clone(), idx);
    }
    Ok((names, map))
}

fn load_tagger() -> Result<Tagger, String> {
    let b = std::fs::read(POS_OUT).map_err(|e| format!("{POS_OUT}: {e}"))?;
    Tagger::from_bytes(&b).map_err(|e| format!("{POS_OUT}: {e}"))
}

fn train_dep(out: &str) -> Result<(), String> {
    let t = Instant::now();
    let tagger = load_tagger()?;
    let mut data = Vec::new();
    let mut sents = Vec::new();
    for c in CORPORA {
        let text = read_gz(&format!("{DIR}/{c}-train.tsv.gz"))?;
        data.extend_from_slice(text.as_bytes());
        sents.extend(parse(&text));
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in &sents {
        for r in &s.rels {
            *counts.entry(r.clone()).or_insert(0) += 1;
        }
    }
    let map_rel = |r: &str| -> String {
        if counts.get(r).copied().unwrap_or(0) >= MIN_REL {
            return r.to_string();
        }
        let base = r.split(':').next().unwrap_or(r);
        if counts.get(base).copied().unwrap_or(0) >= MIN_REL {
            base.to_string()
        } else {
            "dep".to_string()
        }
    };
    let mut rels: Vec<String> = counts.keys().map(|r| map_rel(r)).collect();
    rels.sort();
    rels.dedup();
    let examples: Vec<DepExample> = sents
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            DepExample {
                words: s.words.clone(),
                tags: tagger.tag(&words),
                heads: s.heads.clone(),
                rels: s.rels.iter().map(|r| map_rel(r)).collect(),
            }
        })
        .collect();
    println!("{} sentences, {} relations", examples.len(), rels.len());
    let header = vec![
        ("data".to_string(), format!("{:016x}", fnv1a64(&data))),
        (
            "data_files".to_string(),
            format!("{DIR}/ewt-train.tsv,{DIR}/gum-train.tsv"),
        ),
        (
            "tagger".to_string(),
            tagger.header("data").unwrap_or_default().to_string(),
        ),
    ];
    let bytes = train_parser(
        &examples,
        &rels,
        DEP_EPOCHS,
        SEED,
        DEP_MIN_COUNT,
        DEP_PRUNE,
        &header,
    );
    Parser::from_bytes(&bytes).map_err(|e| e.to_string())?;
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} bytes in {:.1} s",
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Most-frequent-tag baselines, trained on the same training files.
struct Baseline {
    word: HashMap<String, (String, String)>,
    lower: HashMap<String, (String, String)>,
    suffix: HashMap<String, (String, String)>,
}

type Counts = HashMap<String, BTreeMap<(String, String), usize>>;

fn most_frequent(counts: Counts) -> HashMap<String, (String, String)> {
    counts
        .into_iter()
        .filter_map(|(k, m)| {
            // Highest count; ties go to the first label in name order.
            let mut best: Option<(&(String, String), usize)> = None;
            for (l, &c) in &m {
                if best.is_none_or(|b| c > b.1) {
                    best = Some((l, c));
                }
            }
            best.map(|b| (k, b.0.clone()))
        })
        .collect()
}

fn last3(w: &str) -> String {
    let n = w.chars().count();
    w.chars().skip(n.saturating_sub(3)).collect()
}

impl Baseline {
    fn new(train: &[Sentence]) -> Baseline {
        let (mut w, mut l, mut s) = (Counts::new(), Counts::new(), Counts::new());
        for sent in train {
            for i in 0..sent.words.len() {
                let lab = (sent.xpos[i].clone(), sent.upos[i].clone());
                let word = &sent.words[i];
                let lw = word.to_lowercase();
                for (m, k) in [
                    (&mut w, word.clone()),
                    (&mut l, lw.clone()),
                    (&mut s, last3(&lw)),
                ] {
                    *m.entry(k).or_default().entry(lab.clone()).or_insert(0) += 1;
                }
            }
        }
        Baseline {
            word: most_frequent(w),
            lower: most_frequent(l),
            suffix: most_frequent(s),
        }
    }

    fn known(&self, w: &str) -> bool {
        self.word.contains_key(w) || self.lower.contains_key(&w.to_lowercase())
    }

    /// Most frequent `XPOS|UPOS` of the word (exact, then lower-case);
    /// unknown words are `NNP` if capitalised, else `NN`. With `suffix`,
    /// unknown words go through rules first: numbers `CD`, capitalised
    /// non-initial words `NNP`, else the most frequent tag of the last three
    /// letters (words longer than three letters).
    fn tag(&self, words: &[String], suffix: bool) -> Vec<(String, String)> {
        let pair = |x: &str, u: &str| (x.to_string(), u.to_string());
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if let Some(l) = self
                    .word
                    .get(w)
                    .or_else(|| self.lower.get(&w.to_lowercase()))
                {
                    return l.clone();
                }
                let cap = w.chars().next().is_some_and(char::is_uppercase);
                let fallback = if cap {
                    pair("NNP", "PROPN")
                } else {
                    pair("NN", "NOUN")
                };
                if !suffix {
                    return fallback;
                }
                if w.chars().any(|c| c.is_ascii_digit()) && !w.chars().any(char::is_alphabetic) {
                    return pair("CD", "NUM");
                }
                if cap && i > 0 {
                    return pair("NNP", "PROPN");
                }
                let lw = w.to_lowercase();
                if lw.chars().count() > 3 {
                    if let Some(l) = self.suffix.get(&last3(&lw)) {
                        return l.clone();
                    }
                }
                fallback
            })
            .collect()
    }
}

/// Tagging accuracy counts.
#[derive(Default)]
struct Acc {
    n: usize,
    x: usize,
    u: usize,
    unk_n: usize,
    unk_x: usize,
}

impl Acc {
    fn add(&mut self, unknown: bool, gold: (&str, &str), pred: (&str, &str)) {
        self.n += 1;
        self.x += usize::from(gold.0 == pred.0);
        self.u += usize::from(gold.1 == pred.1);
        if unknown {
            self.unk_n += 1;
            self.unk_x += usize::from(gold.0 == pred.0);
        }
    }
    fn show(&self) -> String {
        format!(
            "XPOS {:.2}  UPOS {:.2}  unknown words XPOS {:.2} ({} tokens)",
            pct(self.x, self.n),
            pct(self.u, self.n),
            pct(self.unk_x, self.unk_n),
            self.unk_n
        )
    }
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// Span precision / recall / F1 counts.
#[derive(Default)]
struct F1 {
    tp: usize,
    gold: usize,
    pred: usize,
}

impl F1 {
    fn add(&mut self, gold: &[(usize, usize)], pred: &[(usize, usize)]) {
        self.gold += gold.len();
        self.pred += pred.len();
        self.tp += pred.iter().filter(|p| gold.contains(p)).count();
    }
    fn show(&self) -> String {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        format!(
            "F1 {:.2} (P {:.2} R {:.2})",
            200.0 * p * r / (p + r).max(1e-9),
            100.0 * p,
            100.0 * r
        )
    }
}

/// Gold NP spans from B/I/O tags.
fn spans(np: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in np.iter().enumerate() {
        if c == 'B' || c == 'O' || (c == 'I' && start.is_none()) {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        }
        if c == 'B' || (c == 'I' && start.is_none()) {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, np.len()));
    }
    out
}

/// The chunk baseline: maximal runs of determiner, adjective, number, noun,
/// pronoun, possessive and hyphen tags.
fn np_runs(tags: &[Pos]) -> Vec<(usize, usize)> {
    let nominal = |p: Pos| {
        p.is_noun()
            || p.is_adjective()
            || matches!(
                p,
                Pos::DT | Pos::PDT | Pos::PRPS | Pos::PRP | Pos::CD | Pos::POS | Pos::HYPH
            )
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if nominal(tags[i]) {
            let s = i;
            while i < tags.len() && nominal(tags[i]) {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

fn eval_pos(split: &str) -> Result<(), String> {
    let tagger = load_tagger()?;
    let mut train = Vec::new();
    for c in CORPORA {
        train.extend(read(c, "train", true)?);
        train.extend(read(c, "train", false)?);
    }
    let base = Baseline::new(&train);
    println!("tagger {POS_OUT}, chunker text::chunk; {split} split of {DIR}");
    for c in CORPORA {
        for app in [false, true] {
            let sents = read(c, split, app)?;
            let (mut model, mut mft, mut suf) = (Acc::default(), Acc::default(), Acc::default());
            let (mut f_pred, mut f_gold, mut f_runs) =
                (F1::default(), F1::default(), F1::default());
            for s in &sents {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let tags = tagger.tag_upos(&words);
                let b1 = base.tag(&s.words, false);
                let b2 = base.tag(&s.words, true);
                for i in 0..words.len() {
                    let unk = !base.known(&s.words[i]);
                    let gold = (s.xpos[i].as_str(), s.upos[i].as_str());
                    model.add(unk, gold, (tags[i].0.as_str(), tags[i].1.as_str()));
                    mft.add(unk, gold, (&b1[i].0, &b1[i].1));
                    suf.add(unk, gold, (&b2[i].0, &b2[i].1));
                }
                let gold_np = spans(&s.np);
                let xp: Vec<Pos> = tags.iter().map(|t| t.0).collect();
                let pred: Vec<(usize, usize)> = chunks(&words, &xp)
                    .into_iter()
                    .map(|r| (r.start, r.end))
                    .collect();
                f_pred.add(&gold_np, &pred);
                f_runs.add(&gold_np, &np_runs(&xp));
                let gx: Vec<Pos> = s
                    .xpos
                    .iter()
                    .map(|x| Pos::parse(x).unwrap_or(Pos::XX))
                    .collect();
                let pg: Vec<(usize, usize)> = chunks(&words, &gx)
                    .into_iter()
                    .map(|r| (r.start, r.end))
                    .collect();
                f_gold.add(&gold_np, &pg);
            }
            let view = if app { "app tokens" } else { "UD tokens" };
            println!(
                "\n{c}-{split}, {view}: {} sentences, {} tokens",
                sents.len(),
                model.n
            );
            println!("  tagger                     {}", model.show());
            println!("  most-frequent tag          {}", mft.show());
            println!("  most-frequent + suffix     {}", suf.show());
            println!("  NP chunks, predicted tags  {}", f_pred.show());
            println!("  NP baseline: noun runs     {}", f_runs.show());
            println!("  NP chunks, gold tags       {}", f_gold.show());
        }
    }
    println!(
        "\nreference (recorded, not run): UDPipe 1.2, UD 2.3 English-EWT, gold tokenisation: \
         UPOS 94.4, XPOS 93.9 (udpipe-ud-2.3-181115 models README)"
    );
    Ok(())
}

fn eval_dep(split: &str) -> Result<(), String> {
    let tagger = load_tagger()?;
    let b = std::fs::read(DEP_OUT).map_err(|e| format!("{DEP_OUT}: {e}"))?;
    let parser = Parser::from_bytes(&b).map_err(|e| format!("{DEP_OUT}: {e}"))?;
    println!("parser {DEP_OUT} on tags from {POS_OUT}; {split} split of {DIR}, UD tokens");
    for c in CORPORA {
        let sents = read(c, split, false)?;
        let (mut n, mut ua, mut la, mut np, mut uap, mut lap) = (0, 0, 0, 0, 0, 0);
        let (mut b1, mut b2) = (0usize, 0usize);
        for s in &sents {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            let deps = parser.parse(&words, &tags);
            // Baselines (UAS): the next token is the head (the last token is
            // the root); the first verb is the root, other verbs attach to it,
            // every other token to the nearest verb (no verb: the previous token).
            let verbs: Vec<usize> = (0..words.len())
                .filter(|&i| tags[i].is_verb() || tags[i].is_modal())
                .collect();
            for (i, dep) in deps.iter().enumerate() {
                let gh = s.heads[i];
                let h1 = if i + 1 == words.len() { 0 } else { i + 2 };
                b1 += usize::from(gh == h1);
                let h2 = if verbs.is_empty() {
                    i
                } else if verbs[0] == i {
                    0
                } else if verbs.contains(&i) {
                    verbs[0] + 1
                } else {
                    verbs
                        .iter()
                        .min_by_key(|&&v| (v.abs_diff(i), v < i))
                        .map_or(i, |v| v + 1)
                };
                b2 += usize::from(gh == h2);
                let ph = dep.head.map_or(0, |h| h + 1);
                let u = gh == ph;
                let l = u && s.rels[i] == dep.rel;
                n += 1;
                ua += usize::from(u);
                la += usize::from(l);
                if s.rels[i] != "punct" {
                    np += 1;
                    uap += usize::from(u);
                    lap += usize::from(l);
                }
            }
        }
        println!(
            "\n{c}-{split}: {} sentences, {n} tokens, predicted tags",
            sents.len()
        );
        println!(
            "  parser                     UAS {:.2}  LAS {:.2}  (without punctuation: UAS {:.2}  LAS {:.2})",
            pct(ua, n),
            pct(la, n),
            pct(uap, np),
            pct(lap, np)
        );
        println!("  baseline: next token       UAS {:.2}", pct(b1, n));
        println!("  baseline: nearest verb     UAS {:.2}", pct(b2, n));
    }
    println!(
        "\nreference (recorded, not run): UDPipe 1.2, UD 2.3 English-EWT, gold tokenisation: \
         UAS 84.5, LAS 81.2 (udpipe-ud-2.3-181115 models README)"
    );
    Ok(())
}
