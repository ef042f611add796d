//! Comparison scoring: base articles against other reports of the same
//! events, with gold "same fact" links between their sentences.
//!
//! A [`Pair`] is one base document and one source document, each with its
//! text and its sentences (strings found verbatim, in order, in the text),
//! and for some base sentences the source sentences that state the same
//! fact — none when the sentence has no counterpart — optionally with the
//! relation ("agrees" or "differs") a reader gave each link.
//!
//! Figures ([`Scores`]), for every system:
//!
//! * **top alignment** — over gold base sentences with a counterpart: the
//!   system's top aligned source sentence is one of them (no alignment, or
//!   no claim on that sentence, counts as wrong); **top|al** the same over
//!   only those of them that got an alignment (its precision where it
//!   aligns);
//! * **no reference** — over gold base sentences without a counterpart: the
//!   system aligns nothing to them, and **wrong relation** — how many of them
//!   got "agrees" or "differs" anyway;
//! * for sentences with a counterpart, the share of each relation given;
//! * on pairs with relation labels, precision and recall of "agrees" and of
//!   "differs" (a claim's relation counts as right when it equals the gold
//!   relation of the counterpart it was aligned to).
//!
//! Systems: the **comparison engine** ([`crate::compare::Workspace`], one
//! claim ↦ the base sentence it overlaps most), and its ranking alone
//! always aligning ([`evaluate_ranking`]); **TF-IDF nearest sentence**
//! (cosine over lower-cased words, IDF over all sentences of the set) with
//! its threshold chosen on the same data (maximising the mean of the two
//! first figures), and the same **always aligning**.
//!
//! ```
//! use claimlens_core::eval::compare::{evaluate_tfidf, Pair};
//! let line = r#"{"id":"p","base":{"text":"A quake hit Lima. Rain fell.",
//!   "sentences":["A quake hit Lima.","Rain fell."]},
//!   "source":{"text":"Lima was hit by a quake.","sentences":["Lima was hit by a quake."]},
//!   "gold":[[0,[0]],[1,[]]]}"#;
//! let pairs = vec![Pair::parse(line).unwrap()];
//! let s = evaluate_tfidf(&pairs, None);
//! assert_eq!(s.top_right, 1);
//! ```

use std::collections::HashMap;

use crate::compare::{
    counterpart_features, counterpart_probability, logit, Relation, Workspace, N_COUNTERPART,
    N_FEATURES,
};
use crate::share::{parse_json, Json};
use crate::{Document, Span};

/// One side of a pair.
#[derive(Clone, Debug, Default)]
pub struct Side {
    /// Document id.
    pub doc: String,
    /// The whole text.
    pub text: String,
    /// Sentence spans (bytes of `text`), in order.
    pub sentences: Vec<Span>,
}

/// A gold link: source sentence index and, when labelled, its relation.
pub type Link = (usize, Option<Relation>);

/// One base document against one source, with gold links.
#[derive(Clone, Debug, Default)]
pub struct Pair {
    /// Pair id.
    pub id: String,
    /// Story or topic.
    pub topic: String,
    /// "dev", "test" or empty.
    pub split: String,
    /// The base document.
    pub base: Side,
    /// The other report.
    pub source: Side,
    /// Gold base sentence index → its counterparts (empty: none).
    pub gold: Vec<(usize, Vec<Link>)>,
}

fn side(v: Option<&Json>) -> Result<Side, String> {
    let v = v.ok_or("side without text")?;
    let text = v
        .get("text")
        .and_then(Json::as_str)
        .ok_or("side without text")?
        .to_string();
    let mut sentences = Vec::new();
    let mut from = 0;
    for s in v
        .get("sentences")
        .and_then(Json::as_array)
        .ok_or("side without sentences")?
    {
        let s = s.as_str().ok_or("sentence not a string")?;
        let at = text[from..]
            .find(s)
            .or_else(|| text.find(s).map(|i| i.wrapping_sub(from)))
            .map(|i| i.wrapping_add(from))
            .ok_or_else(|| format!("sentence not in text: {s:?}"))?;
        sentences.push(Span::new(at, at + s.len()));
        from = at + s.len();
    }
    Ok(Side {
        doc: v
            .get("doc")
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_string(),
        text,
        sentences,
    })
}

impl Pair {
    /// Read one JSON line (the format of `data/eval/compare/*.jsonl`).
    pub fn parse(line: &str) -> Result<Pair, String> {
        let v = parse_json(line)?;
        let str_of = |k: &str| v.get(k).and_then(Json::as_str);
        let mut gold = Vec::new();
        for g in v.get("gold").and_then(Json::as_array).ok_or("no gold")? {
            let g = g.as_array().map(Vec::as_slice).unwrap_or_default();
            let i = g
                .first()
                .and_then(Json::as_usize)
                .ok_or("gold without sentence")?;
            let mut links = Vec::new();
            for l in g
                .get(1)
                .and_then(Json::as_array)
                .ok_or("gold without links")?
            {
                match l {
                    Json::Num(_) => links.push((l.as_usize().unwrap_or(0), None)),
                    Json::Arr(a) => links.push((
                        a.first()
                            .and_then(Json::as_usize)
                            .ok_or("link without sentence")?,
                        a.get(1).and_then(Json::as_str).and_then(Relation::parse),
                    )),
                    _ => return Err("bad link".into()),
                }
            }
            gold.push((i, links));
        }
        let p = Pair {
            id: str_of("id").unwrap_or("").to_string(),
            topic: str_of("topic")
                .or(str_of("story"))
                .unwrap_or("")
                .to_string(),
            split: str_of("split").unwrap_or("").to_string(),
            base: side(v.get("base"))?,
            source: side(v.get("source"))?,
            gold,
        };
        let nb = p.base.sentences.len();
        let ns = p.source.sentences.len();
        if p.gold
            .iter()
            .any(|(i, l)| *i >= nb || l.iter().any(|(j, _)| *j >= ns))
        {
            return Err(format!("{}: gold index out of range", p.id));
        }
        Ok(p)
    }

    /// Read a JSON Lines file's text.
    pub fn parse_all(text: &str) -> Result<Vec<Pair>, String> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(k, l)| Pair::parse(l).map_err(|e| format!("line {}: {e}", k + 1)))
            .collect()
    }
}

/// What a system says of one gold base sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Whether the system has a claim there at all.
    pub claim: bool,
    /// Top aligned source sentence, if any, with the relation given.
    pub top: Option<(usize, Relation)>,
}

/// Figures of one system.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// System name.
    pub name: String,
    /// Gold sentences with a counterpart / of them, top alignment right.
    pub with: usize,
    /// Top alignment is a gold counterpart.
    pub top_right: usize,
    /// Gold sentences with a counterpart that got an alignment.
    pub with_aligned: usize,
    /// Gold sentences with a counterpart that the system treats as claims.
    pub with_claim: usize,
    /// Gold sentences without counterpart.
    pub without: usize,
    /// Of those, given no alignment ("no reference").
    pub no_ref: usize,
    /// Of those, given "agrees" or "differs".
    pub wrong_rel: usize,
    /// Relation counts on sentences with a counterpart, by [`Relation`] order
    /// (differs, agrees, adds context, no reference).
    pub rel_with: [usize; 4],
    /// Agrees: predicted, right, gold.
    pub agrees: [usize; 3],
    /// Differs: predicted, right, gold.
    pub differs: [usize; 3],
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Scores {
    /// Top-alignment accuracy.
    pub fn top_acc(&self) -> f64 {
        ratio(self.top_right, self.with)
    }
    /// Top-alignment accuracy over the sentences with a counterpart that
    /// got an alignment (no alignment is left out, not counted wrong).
    pub fn top_aligned_acc(&self) -> f64 {
        ratio(self.top_right, self.with_aligned)
    }
    /// "No reference" rate on sentences without counterpart.
    pub fn no_ref_rate(&self) -> f64 {
        ratio(self.no_ref, self.without)
    }
    /// Agrees/differs given where there is no counterpart.
    pub fn wrong_rate(&self) -> f64 {
        ratio(self.wrong_rel, self.without)
    }
    /// Precision and recall of a relation from its counts.
    pub fn pr(c: [usize; 3]) -> (f64, f64) {
        (ratio(c[1], c[0]), ratio(c[1], c[2]))
    }

    fn add(&mut self, gold: &[Link], a: &Answer) {
        let rel = a.top.map(|t| t.1).unwrap_or(Relation::NoReference);
        if gold.is_empty() {
            self.without += 1;
            if a.top.is_none() {
                self.no_ref += 1;
            }
            if matches!(rel, Relation::Agrees | Relation::Differs) {
                self.wrong_rel += 1;
            }
        } else {
            self.with += 1;
            self.with_claim += a.claim as usize;
            self.rel_with[rel as usize] += 1;
            if a.top.is_some_and(|(j, _)| gold.iter().any(|g| g.0 == j)) {
                self.top_right += 1;
            }
            self.with_aligned += a.top.is_some() as usize;
        }
        // Relation precision / recall where a reader labelled relations.
        let gold_rel = |r: Relation| gold.iter().any(|g| g.1 == Some(r));
        let labelled = gold.is_empty() || gold.iter().all(|g| g.1.is_some());
        if !labelled {
            return;
        }
        let got = |r: Relation| {
            a.top
                .is_some_and(|(j, x)| x == r && gold.iter().any(|g| g.0 == j && g.1 == Some(r)))
        };
        for (c, r) in [
            (&mut self.agrees, Relation::Agrees),
            (&mut self.differs, Relation::Differs),
        ] {
            c[0] += (rel == r) as usize;
            c[1] += got(r) as usize;
            c[2] += gold_rel(r) as usize;
        }
    }

    /// A table row: name, top, no-ref, wrong, relation shares.
    pub fn row(&self) -> String {
        let w = self.with.max(1) as f64;
        let (ap, ar) = Scores::pr(self.agrees);
        let (dp, dr) = Scores::pr(self.differs);
        format!(
            "{:<34} {:>5.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} | {:>4.2} {:>4.2} {:>4.2} {:>4.2} | {:>4.2}/{:<4.2} {:>4.2}/{:<4.2}",
            self.name,
            self.top_acc(),
            self.top_aligned_acc(),
            self.no_ref_rate(),
            self.wrong_rate(),
            ratio(self.with_claim, self.with),
            self.rel_with[0] as f64 / w,
            self.rel_with[1] as f64 / w,
            self.rel_with[2] as f64 / w,
            self.rel_with[3] as f64 / w,
            ap,
            ar,
            dp,
            dr,
        )
    }

    /// The header matching [`Scores::row`].
    pub fn header() -> String {
        format!(
            "{:<34} {:>5} {:>6} {:>6} {:>6} {:>6} | {:>4} {:>4} {:>4} {:>4} | {:>9} {:>9}",
            "system",
            "top",
            "top|al",
            "no-ref",
            "wrong",
            "claim",
            "dif",
            "agr",
            "ctx",
            "none",
            "agr P/R",
            "dif P/R"
        )
    }
}

/// Index of the span in `spans` that overlaps `s` most (ties: the first).
pub fn most_overlap(spans: &[Span], s: Span) -> Option<usize> {
    let mut best = None;
    let mut best_len = 0;
    for (k, t) in spans.iter().enumerate() {
        let o = s.end.min(t.end).saturating_sub(s.start.max(t.start));
        if o > best_len {
            best_len = o;
            best = Some(k);
        }
    }
    best
}

/// What the comparison engine says of every gold base sentence of a pair.
pub fn engine_answers(p: &Pair) -> Vec<Answer> {
    let base = Document::from_plain_text(&p.base.doc, "", &p.base.text);
    let mut ws = Workspace::new(base);
    ws.add_user_text(&p.source.doc, "source", &p.source.text);
    let cmp = ws.compare();
    let claims = &ws.article().analysis.claims;
    // Base sentence → (claim found, top alignment of the best-scored claim on it).
    let mut at: HashMap<usize, Answer> = HashMap::new();
    let mut best_score: HashMap<usize, f32> = HashMap::new();
    for c in &cmp.claims {
        let Some(i) = most_overlap(&p.base.sentences, claims[c.claim].span) else {
            continue;
        };
        let top = c.alignments.first();
        let e = at.entry(i).or_insert(Answer {
            claim: true,
            top: None,
        });
        if let Some(al) = top {
            let score = best_score.entry(i).or_insert(f32::MIN);
            if al.score > *score {
                *score = al.score;
                e.top = most_overlap(&p.source.sentences, al.span).map(|j| (j, al.relation));
            }
        }
    }
    p.gold
        .iter()
        .map(|(i, _)| {
            at.remove(i).unwrap_or(Answer {
                claim: false,
                top: None,
            })
        })
        .collect()
}

/// Score answers against the pairs' gold.
pub fn score(name: &str, pairs: &[Pair], answers: &[Vec<Answer>]) -> Scores {
    let mut s = Scores {
        name: name.to_string(),
        ..Scores::default()
    };
    for (p, ans) in pairs.iter().zip(answers) {
        for ((_, gold), a) in p.gold.iter().zip(ans) {
            s.add(gold, a);
        }
    }
    s
}

/// The comparison engine on every pair.
pub fn evaluate_engine(pairs: &[Pair]) -> Scores {
    let answers: Vec<Vec<Answer>> = pairs.iter().map(engine_answers).collect();
    score("comparison engine", pairs, &answers)
}

/// The comparison engine's ranking alone, always aligning: every gold base
/// sentence gets the source sentence ranked best by [`WEIGHTS`] among its
/// candidates (as "adds context"), without the counterpart decision —
/// top alignment with and without "no reference" side by side.
///
/// [`WEIGHTS`]: crate::compare::WEIGHTS
pub fn evaluate_ranking(pairs: &[Pair]) -> Scores {
    let insts = instances(pairs);
    let mut answers: Vec<Vec<Answer>> = pairs.iter().map(|_| Vec::new()).collect();
    for i in &insts {
        let top = i
            .pick(&crate::compare::WEIGHTS, &[0.0; N_COUNTERPART])
            .map(|(k, _, _)| (i.cands[k].0, Relation::AddsContext));
        answers[i.pair].push(Answer { claim: true, top });
    }
    score("engine ranking, always aligning", pairs, &answers)
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// TF-IDF vectors (sparse, L2-normalised) of every sentence of every pair,
/// IDF over all of them: `[pair] → (base vectors, source vectors)`.
type Vecs = Vec<Vec<(usize, f32)>>;

fn tfidf(pairs: &[Pair]) -> Vec<(Vecs, Vecs)> {
    let mut vocab: HashMap<String, usize> = HashMap::new();
    let mut df: Vec<usize> = Vec::new();
    let mut n = 0usize;
    let mut counted: Vec<Vec<Vec<(usize, f32)>>> = Vec::new();
    for p in pairs {
        for side in [&p.base, &p.source] {
            let mut vs = Vec::new();
            for s in &side.sentences {
                let mut tf: HashMap<usize, f32> = HashMap::new();
                for w in words(s.slice(&side.text)) {
                    let k = vocab.len();
                    let id = *vocab.entry(w).or_insert(k);
                    if id == df.len() {
                        df.push(0);
                    }
                    *tf.entry(id).or_default() += 1.0;
                }
                for id in tf.keys() {
                    df[*id] += 1;
                }
                n += 1;
                let mut v: Vec<(usize, f32)> = tf.into_iter().collect();
                v.sort_unstable_by_key(|x| x.0);
                vs.push(v);
            }
            counted.push(vs);
        }
    }
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n as f32) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    let mut it = counted.into_iter().map(|vs| {
        vs.into_iter()
            .map(|v| {
                let w: Vec<(usize, f32)> = v.into_iter().map(|(i, t)| (i, t * idf[i])).collect();
                let norm = w.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
                w.into_iter().map(|(i, x)| (i, x / norm)).collect()
            })
            .collect::<Vecs>()
    });
    pairs
        .iter()
        .map(|_| (it.next().unwrap_or_default(), it.next().unwrap_or_default()))
        .collect()
}

/// Cosine of two L2-normalised sparse vectors sorted by index.
pub fn cosine(a: &[(usize, f32)], b: &[(usize, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The TF-IDF baseline: nearest source sentence by cosine, aligned when the
/// cosine reaches `threshold` (`None`: choose it on `pairs`, maximising the
/// mean of top-alignment accuracy and the "no reference" rate); an aligned
/// sentence "adds context".
pub fn evaluate_tfidf(pairs: &[Pair], threshold: Option<f32>) -> Scores {
    let (t, name) = match threshold {
        Some(t) => (t, format!("TF-IDF nearest, cosine ≥ {t:.2}")),
        None => {
            let t = tfidf_threshold(pairs);
            (t, format!("TF-IDF nearest, cosine ≥ {t:.2} (dev)"))
        }
    };
    let best = tfidf_best(pairs, &tfidf(pairs));
    score(&name, pairs, &tfidf_run(&best, t))
}

/// The TF-IDF baseline's threshold chosen on `pairs`: the cosine (0.00 to
/// 0.99) that maximises the mean of top-alignment accuracy and the "no
/// reference" rate (ties: the lowest).
pub fn tfidf_threshold(pairs: &[Pair]) -> f32 {
    let vecs = tfidf(pairs);
    let best = tfidf_best(pairs, &vecs);
    let mut best_t = (0.0f32, f64::MIN);
    for k in 0..100 {
        let t = k as f32 / 100.0;
        let s = score("", pairs, &tfidf_run(&best, t));
        let m = (s.top_acc() + s.no_ref_rate()) / 2.0;
        if m > best_t.1 {
            best_t = (t, m);
        }
    }
    best_t.0
}

type Nearest = Vec<Vec<Option<(usize, f32)>>>;

fn tfidf_best(pairs: &[Pair], vecs: &[(Vecs, Vecs)]) -> Nearest {
    pairs
        .iter()
        .zip(vecs)
        .map(|(p, (bv, sv))| {
            p.gold
                .iter()
                .map(|(i, _)| {
                    sv.iter()
                        .enumerate()
                        .map(|(j, v)| (j, cosine(&bv[*i], v)))
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                })
                .collect()
        })
        .collect()
}

fn tfidf_run(best: &Nearest, t: f32) -> Vec<Vec<Answer>> {
    best.iter()
        .map(|row| {
            row.iter()
                .map(|b| Answer {
                    claim: true,
                    top: b.filter(|b| b.1 >= t).map(|b| (b.0, Relation::AddsContext)),
                })
                .collect()
        })
        .collect()
}

/// A gold base sentence with the engine's candidate statements for it.
#[derive(Clone, Debug)]
pub struct Instance {
    /// Index of the pair.
    pub pair: usize,
    /// Whether the sentence has a gold counterpart.
    pub has: bool,
    /// Candidates: source sentence index (of the pair's sentences),
    /// features, and whether it is a gold counterpart.
    pub cands: Vec<(usize, [f32; N_FEATURES], bool)>,
    /// Gold relation of each candidate, where labelled.
    pub rel: Vec<Option<Relation>>,
    /// The article claim each candidate was scored for (a sentence may
    /// hold several claims; the candidates of one claim are together).
    pub claims: Vec<usize>,
    /// How alike the pair's two documents are ([`crate::compare::AlignmentFeatures::doc_cos`]).
    pub doc_cos: f32,
}

impl Instance {
    /// The most probable candidate under `w`: its probability and whether
    /// it is a gold counterpart.
    pub fn best(&self, w: &[f32; N_FEATURES]) -> Option<(f32, bool)> {
        self.best_at(w).map(|(k, p)| (p, self.cands[k].2))
    }

    /// What the engine does with this sentence's candidates: per claim on
    /// the sentence, the best-ranked candidate under `w`, its counterpart
    /// features and its counterpart probability under `v` (0 when it shares
    /// one word and no entity with the claim, as in the engine); of the
    /// claims, the one whose pick is the most probable (then the best
    /// ranked; ties: the first claim), as the engine's answer for a
    /// sentence is its best-scored claim's.
    pub fn pick(
        &self,
        w: &[f32; N_FEATURES],
        v: &[f32; N_COUNTERPART],
    ) -> Option<(usize, [f32; N_COUNTERPART], f32)> {
        let mut groups: Vec<usize> = self.claims.clone();
        groups.dedup();
        let mut out: Option<(usize, [f32; N_COUNTERPART], f32, f32)> = None;
        for g in groups {
            let Some((k, x, p, z)) = self.pick_claim(g, w, v) else {
                continue;
            };
            if out
                .as_ref()
                .is_none_or(|o| p > o.2 || (p == o.2 && z > o.3))
            {
                out = Some((k, x, p, z));
            }
        }
        out.map(|(k, x, p, _)| (k, x, p))
    }

    /// [`Instance::pick`] among the candidates of claim `g` alone, with the
    /// chosen candidate's ranking logit.
    fn pick_claim(
        &self,
        g: usize,
        w: &[f32; N_FEATURES],
        v: &[f32; N_COUNTERPART],
    ) -> Option<(usize, [f32; N_COUNTERPART], f32, f32)> {
        let mut ranked: Vec<(usize, f32)> = self
            .cands
            .iter()
            .enumerate()
            .filter(|(k, _)| self.claims[*k] == g)
            .map(|(k, c)| (k, logit(&c.1, w)))
            .collect();
        // Best first; ties: the first candidate, as in the engine.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let &(k, z) = ranked.first()?;
        let x = counterpart_features(
            &self.cands[k].1,
            z,
            ranked.get(1).map(|r| r.1),
            ranked.len(),
            self.doc_cos,
        );
        let f = &self.cands[k].1;
        let p = if f[5] < 1.0 && f[4] == 0.0 || !crate::compare::meets_event(f) {
            0.0
        } else {
            counterpart_probability(&x, v)
        };
        Some((k, x, p, z))
    }

    /// Index and probability of the most probable candidate under `w`.
    pub fn best_at(&self, w: &[f32; N_FEATURES]) -> Option<(usize, f32)> {
        self.cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let z: f32 = c.1.iter().zip(w).map(|(a, b)| a * b).sum();
                (k, 1.0 / (1.0 + (-z).exp()))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// Every gold base sentence of every pair with the engine's candidates,
/// for fitting and checking the alignment model.
pub fn instances(pairs: &[Pair]) -> Vec<Instance> {
    let mut out = Vec::new();
    for (pi, p) in pairs.iter().enumerate() {
        let base = Document::from_plain_text(&p.base.doc, "", &p.base.text);
        let mut ws = Workspace::new(base);
        ws.add_user_text(&p.source.doc, "source", &p.source.text);
        let claims = &ws.article().analysis.claims;
        let ssents = &ws.source(0).analysis.sentences;
        let af = ws.alignment_features();
        // (claim, source sentence, features)
        type Found = (usize, usize, [f32; N_FEATURES]);
        let mut by_gold: HashMap<usize, Vec<Found>> = HashMap::new();
        for (ci, _, k, f) in af.rows {
            let Some(i) = most_overlap(&p.base.sentences, claims[ci].span) else {
                continue;
            };
            let Some(j) = ssents
                .get(k)
                .and_then(|s| most_overlap(&p.source.sentences, s.span))
            else {
                continue;
            };
            by_gold.entry(i).or_default().push((ci, j, f));
        }
        for (i, gold) in &p.gold {
            let found = by_gold.remove(i).unwrap_or_default();
            let claims = found.iter().map(|c| c.0).collect();
            let cands: Vec<(usize, [f32; N_FEATURES], bool)> = found
                .into_iter()
                .map(|(_, j, f)| (j, f, gold.iter().any(|g| g.0 == j)))
                .collect();
            let rel = cands
                .iter()
                .map(|c| gold.iter().find(|g| g.0 == c.0).and_then(|g| g.1))
                .collect();
            out.push(Instance {
                pair: pi,
                has: !gold.is_empty(),
                cands,
                rel,
                claims,
                doc_cos: af.doc_cos.first().copied().unwrap_or(0.0),
            });
        }
    }
    out
}

/// Hand-written expectations (`claim quote | source id | relation[/…]`, `#`
/// comments; source `-` means the claim's summary relation), as in
/// `tests/fixtures/compare/*-expected.txt`: how many a comparison meets,
/// and the misses as readable lines.
pub fn expectations_met(
    ws: &Workspace,
    cmp: &crate::compare::Comparison,
    fixture: &str,
) -> (usize, Vec<String>) {
    let art = &ws.article().doc.text;
    let claims = &ws.article().analysis.claims;
    let mut misses = Vec::new();
    let mut n = 0;
    for l in fixture
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        n += 1;
        let parts: Vec<&str> = l.split('|').map(str::trim).collect();
        let [quote, doc, rels] = parts[..] else {
            misses.push(format!("bad line {l:?}"));
            continue;
        };
        let rels: Vec<Relation> = rels.split('/').filter_map(Relation::parse).collect();
        let Some(ci) = claims.iter().position(|c| c.text(art).contains(quote)) else {
            misses.push(format!("no claim contains {quote:?}"));
            continue;
        };
        let got = if doc == "-" {
            cmp.for_claim(ci)
                .map_or(Relation::NoReference, |c| c.relation)
        } else {
            match ws.sources().iter().position(|s| s.meta.id == doc) {
                Some(si) => cmp.relation(ci, si),
                None => {
                    misses.push(format!("no source {doc}"));
                    continue;
                }
            }
        };
        if !rels.contains(&got) {
            let score = ws
                .sources()
                .iter()
                .position(|s| s.meta.id == doc)
                .and_then(|si| {
                    cmp.for_claim(ci)?
                        .alignments
                        .iter()
                        .find(|a| a.source == si)
                        .map(|a| format!(" (score {:.2})", a.score))
                })
                .unwrap_or_default();
            misses.push(format!("{quote:?} × {doc}: got {}{score}", got.name()));
        }
    }
    (n, misses)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranking row aligns every sentence that has candidates, whatever
    /// A sentence split into several claims is picked as the engine
    /// answers it: each claim ranks its own candidates (the margin is to
    /// the claim's own second statement, never to the other claim's copy
    /// of the same statement), and the claim whose pick is the most
    /// probable answers for the sentence.
    #[test]
    fn pick_ranks_each_claim_apart() {
        // Feature 1 (a cosine) alone decides ranking and counterpart; 5 is
        // the shared-terms feature (at 1 or more, never blocked), 15 the
        // shared event wording (above 0: the event is met).
        let f = |cos: f32| {
            let mut f = [0.0; N_FEATURES];
            f[0] = 1.0;
            f[1] = cos;
            f[5] = 2.0;
            f[15] = 0.5;
            f
        };
        let mut w = [0.0; N_FEATURES];
        w[1] = 1.0;
        let mut v = [0.0; N_COUNTERPART];
        v[2] = 1.0; // the margin over the claim's second statement
                    // (claim of each candidate, statement, cosine) → picked statement
                    // and its margin
        type Cands<'a> = &'a [(usize, usize, f32)];
        let cases: [(Cands, usize, f32); 3] = [
            // One claim: the best statement.
            (&[(0, 4, 0.2), (0, 5, 0.9)], 5, 0.7),
            // Two claims with the same statements: claim 1's pick has the
            // larger margin over its own second statement (not 0.2 over
            // claim 0's copy of statement 5).
            (
                &[(0, 4, 0.5), (0, 5, 0.6), (1, 4, 0.1), (1, 5, 0.8)],
                5,
                0.7,
            ),
            // Claim 0's pick stands alone (margin 5), claim 1's barely
            // leads: claim 0 answers.
            (&[(0, 7, 0.3), (1, 4, 0.5), (1, 5, 0.45)], 7, 5.0),
        ];
        for (cands, want, margin) in cases {
            let inst = Instance {
                pair: 0,
                has: true,
                cands: cands.iter().map(|c| (c.1, f(c.2), false)).collect(),
                rel: vec![None; cands.len()],
                claims: cands.iter().map(|c| c.0).collect(),
                doc_cos: 0.0,
            };
            let (k, x, _) = inst.pick(&w, &v).unwrap();
            assert_eq!(inst.cands[k].0, want, "{cands:?}");
            assert!((x[2] - margin).abs() < 1e-5, "{cands:?}: {x:?}");
        }
    }

    /// the counterpart decision would say.
    #[test]
    fn ranking_always_aligns() {
        crate::frontcode::install_bundled();
        let line = r#"{"id":"p","base":{"text":"A quake hit Lima on Monday. Rain fell in Oslo.",
          "sentences":["A quake hit Lima on Monday.","Rain fell in Oslo."]},
          "source":{"text":"Lima was hit by a strong quake. Markets in Tokyo rose.",
          "sentences":["Lima was hit by a strong quake.","Markets in Tokyo rose."]},
          "gold":[[0,[0]],[1,[]]]}"#;
        let pairs = vec![Pair::parse(line).unwrap()];
        let s = evaluate_ranking(&pairs);
        assert_eq!((s.with, s.top_right), (1, 1));
        assert_eq!(s.wrong_rel, 0);
    }
}
