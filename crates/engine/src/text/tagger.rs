//! Averaged-perceptron part-of-speech tagger (greedy, left to right).
//!
//! Each label is a pair `XPOS|UPOS` (`VBZ|AUX`, `IN|SCONJ`…), so one pass
//! gives both the Penn Treebank tag and the Universal tag in context.
//! Features (`features.rs`): the word, its affixes, shape and neighbours,
//! and the two previous predicted labels, each hashed into CLW1 weights.

use std::collections::{BTreeMap, HashMap};

use super::features::{
    context_features, prepare, prepare_into, static_features, word_features, TagFeatures, Toks,
    BIAS,
};
use super::pos::{Pos, Upos};
use crate::weights::{self, Sparse, Weights, WeightsError};

/// Model name written in (and required from) the CLW1 header.
pub const MODEL: &str = "claimlens-pos";

/// A part-of-speech tagger built from CLW1 bytes (the committed model is
/// `data/weights/pos.clw`; it is not in [`crate::weights::FILES`], so
/// callers load it with [`Tagger::from_bytes`]).
///
/// ```
/// use claimlens_engine::text::{chunk::chunks, tagger::Tagger};
/// # let bytes = include_bytes!("../../../../data/weights/pos.clw");
/// let tagger = Tagger::from_bytes(bytes).unwrap();
/// let words = ["The", "minister", "said", "talks", "would", "resume", "."];
/// let tags = tagger.tag(&words);
/// assert!(tags[4].is_modal() && tags[2].is_past());
/// assert_eq!(chunks(&words, &tags), [0..2, 3..4]);
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    weights: Sparse,
    labels: Vec<(Pos, Upos)>,
    /// The features of the previous labels, hashed per label.
    tag_features: TagFeatures,
    /// Per previous label (or the start), `nl` scores: the bias's and
    /// `t-1=`'s weights, summed once when the tagger is made.
    after1: Vec<i32>,
    /// Per label before that, `t-2=`'s weights.
    after2: Vec<i32>,
    /// Label indices of `MD|AUX`, `VB|AUX`, `VBP|AUX`, `VBZ|AUX`, `VBD|AUX` (for contractions).
    aux: [Option<usize>; 5],
}

/// The tag of a negative contraction (`won't`, `can’t`, `isn't`), a closed
/// class the app keeps as one token: index into [`Tagger`]'s `aux` labels
/// (0 `MD`, 1 `VB`, 2 `VBP`, 3 `VBZ`, 4 `VBD`). `don't` is `VB` at the start
/// of a clause (imperative) and `VBP` elsewhere.
fn contraction(lower: &str, clause_start: bool) -> Option<usize> {
    let stem = lower.strip_suffix("n't")?;
    Some(match stem {
        "ca" | "can" | "wo" | "would" | "should" | "could" | "must" | "might" | "need" | "sha"
        | "shall" | "may" => 0,
        "do" if clause_start => 1,
        "do" | "are" | "have" | "ai" => 2,
        "does" | "is" | "has" => 3,
        "did" | "was" | "were" | "had" => 4,
        _ => return None,
    })
}

impl Tagger {
    /// Load a tagger from CLW1 bytes (model `claimlens-pos`).
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, WeightsError> {
        let weights = Weights::from_bytes(b)?;
        if weights.header("model") != Some(MODEL) {
            return Err(WeightsError::BadHeader(format!("model is not {MODEL}")));
        }
        let mut labels = Vec::new();
        for name in weights.labels() {
            let (x, u) = name
                .split_once('|')
                .ok_or_else(|| WeightsError::BadHeader(format!("label {name:?}")))?;
            let x = Pos::parse(x).ok_or_else(|| WeightsError::BadHeader(format!("tag {x:?}")))?;
            let u = Upos::parse(u).ok_or_else(|| WeightsError::BadHeader(format!("tag {u:?}")))?;
            labels.push((x, u));
        }
        let names = weights.labels();
        let find = |n: &str| names.iter().position(|x| x == n);
        let aux = [
            find("MD|AUX"),
            find("VB|AUX"),
            find("VBP|AUX"),
            find("VBZ|AUX"),
            find("VBD|AUX"),
        ];
        let tag_features = TagFeatures::new(names);
        let weights = Sparse::new(weights)?;
        let nl = labels.len();
        let (mut after1, mut after2) = (Vec::new(), Vec::new());
        for p in 0..=tag_features.start() {
            let mut row = vec![0; nl];
            weights.add_to(&[BIAS, tag_features.t1(p)], &mut row);
            after1.extend(row);
            let mut row = vec![0; nl];
            weights.add_to(&[tag_features.t2(p)], &mut row);
            after2.extend(row);
        }
        Ok(Tagger {
            weights,
            labels,
            tag_features,
            after1,
            after2,
            aux,
        })
    }

    /// Penn Treebank tags of a sentence's tokens (the app's token strings).
    pub fn tag(&self, words: &[&str]) -> Vec<Pos> {
        self.predict(words)
            .into_iter()
            .map(|l| self.labels[l].0)
            .collect()
    }

    /// Penn Treebank and Universal tags of a sentence's tokens.
    pub fn tag_upos(&self, words: &[&str]) -> Vec<(Pos, Upos)> {
        self.predict(words)
            .into_iter()
            .map(|l| self.labels[l])
            .collect()
    }

    /// A header value of the weights (`data`, `seed`, `epochs`…).
    pub fn header(&self, key: &str) -> Option<&str> {
        self.weights.weights().header(key)
    }

    fn predict(&self, words: &[&str]) -> Vec<usize> {
        thread_local! {
            static TOKS: std::cell::RefCell<Toks> = Default::default();
        }
        TOKS.with_borrow_mut(|toks| {
            prepare_into(words, toks);
            self.predict_prepared(toks)
        })
    }

    /// The labels of prepared tokens. The same sums as the features of
    /// [`static_features`] and [`TagFeatures::push`] (what training reads),
    /// in parts: the bias and `t-1=`, `t-2=` from per-label rows, the rest
    /// looked up.
    fn predict_prepared(&self, toks: &Toks) -> Vec<usize> {
        let nl = self.labels.len();
        let start = self.tag_features.start();
        let mut out = Vec::with_capacity(toks.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0i32; nl];
        for i in 0..toks.len() {
            let p1 = out.last().copied().unwrap_or(start);
            let p2 = if i >= 2 { out[i - 2] } else { start };
            let (a, b) = (&self.after1[p1 * nl..][..nl], &self.after2[p2 * nl..][..nl]);
            for ((s, &x), &y) in scores.iter_mut().zip(a).zip(b) {
                *s = x + y;
            }
            feats.clear();
            word_features(toks, i, &mut feats);
            context_features(toks, i, &mut feats);
            self.tag_features.push_pair(toks.l(i), p1, p2, &mut feats);
            self.weights.add_to(&feats, &mut scores);
            let mut best = argmax(&scores);
            let clause_start =
                i == 0 || matches!(toks.w(i - 1), "``" | "\"" | "(" | ":" | ";" | "-");
            if let Some(k) = contraction(toks.l(i), clause_start) {
                if let Some(l) = self.aux[k] {
                    best = l;
                }
            }
            out.push(best);
        }
        out
    }
}

fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

/// One training sentence: words and label indices.
pub struct Example {
    /// Token strings.
    pub words: Vec<String>,
    /// Index into the label list per token.
    pub labels: Vec<usize>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Keep only features seen at least this often in training.
    pub min_count: u32,
    /// Set averaged weights smaller than this many quantisation steps to 0
    /// (rows left all zero are dropped).
    pub prune: f32,
    /// Quantisation: `scale = quantile(|w|, q) / 127` (1.0 = the largest weight).
    pub quantile: f32,
    /// Extra header lines; CLW1 requires `data` (a hash of the training data).
    pub header: Vec<(String, String)>,
}

#[derive(Clone, Copy, Default)]
struct Cell {
    w: f32,
    total: f64,
    ts: u32,
}

/// Train on `examples` with labels `names` (`"XPOS|UPOS"`), returning CLW1 bytes.
pub fn train(examples: &[Example], names: &[String], cfg: &TrainConfig) -> Vec<u8> {
    let nl = names.len();
    // Precompute static features once per token.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let tag_features = TagFeatures::new(names);
    let start = tag_features.start();
    let prepared: Vec<(Toks, Vec<Vec<u32>>)> = examples
        .iter()
        .map(|ex| {
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let toks = prepare(&words);
            let stat = (0..toks.len())
                .map(|i| {
                    let mut f = Vec::new();
                    static_features(&toks, i, &mut f);
                    f
                })
                .collect();
            (toks, stat)
        })
        .collect();
    let mut model: HashMap<u32, Vec<Cell>> = HashMap::new();
    let mut now: u32 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = cfg.seed | 1;
    let mut scores = vec![0f32; nl];
    let mut feats: Vec<u32> = Vec::new();
    for epoch in 0..cfg.epochs {
        // Fisher–Yates with xorshift64*.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let r = rng.wrapping_mul(0x2545_F491_4F6C_DD1D);
            order.swap(i, (r % (i as u64 + 1)) as usize);
        }
        let (mut correct, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            let (toks, stat) = &prepared[k];
            let mut pred: Vec<usize> = Vec::with_capacity(toks.len());
            for i in 0..toks.len() {
                feats.clear();
                feats.extend_from_slice(&stat[i]);
                let p1 = pred.last().copied().unwrap_or(start);
                let p2 = if i >= 2 { pred[i - 2] } else { start };
                tag_features.push(toks.l(i), p1, p2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                for f in &feats {
                    if let Some(row) = model.get(f) {
                        for (s, c) in scores.iter_mut().zip(row) {
                            *s += c.w;
                        }
                    }
                }
                let guess = argmax(&scores);
                let gold = ex.labels[i];
                now += 1;
                if epoch == 0 {
                    for f in &feats {
                        *counts.entry(*f).or_insert(0) += 1;
                    }
                }
                if guess != gold {
                    for f in &feats {
                        let row = model.entry(*f).or_insert_with(|| vec![Cell::default(); nl]);
                        for (l, d) in [(gold, 1.0f32), (guess, -1.0)] {
                            let c = &mut row[l];
                            c.total += (now - c.ts) as f64 * c.w as f64;
                            c.ts = now;
                            c.w += d;
                        }
                    }
                } else {
                    correct += 1;
                }
                total += 1;
                // Teacher forcing would use gold; greedy training uses the guess.
                pred.push(guess);
            }
        }
        eprintln!(
            "epoch {epoch}: train acc {:.4} ({} features)",
            correct as f64 / total as f64,
            model.len()
        );
    }
    // Average.
    let mut rows: BTreeMap<u32, Vec<f32>> = BTreeMap::new();
    for (h, row) in &model {
        if counts.get(h).copied().unwrap_or(0) < cfg.min_count {
            continue;
        }
        let avg: Vec<f32> = row
            .iter()
            .map(|c| ((c.total + (now - c.ts) as f64 * c.w as f64) / now as f64) as f32)
            .collect();
        rows.insert(*h, avg);
    }
    let mut mags: Vec<f32> = rows
        .values()
        .flat_map(|r| r.iter().map(|w| w.abs()))
        .filter(|&w| w > 0.0)
        .collect();
    crate::order::sort_by_key(&mut mags, |&w| u64::from(crate::order::f32_key(w)));
    let q = mags
        .get(((mags.len() as f32 * cfg.quantile) as usize).min(mags.len().saturating_sub(1)))
        .copied()
        .unwrap_or(1.0);
    let scale = (q / 127.0).max(1e-9);
    if cfg.prune > 0.0 {
        // Magnitude pruning: small weights become 0; all-zero rows are dropped by the writer.
        for r in rows.values_mut() {
            for w in r.iter_mut() {
                if w.abs() < cfg.prune * scale {
                    *w = 0.0;
                }
            }
        }
    }
    let mut header: BTreeMap<String, String> = [
        ("model", MODEL.to_string()),
        ("seed", cfg.seed.to_string()),
        ("epochs", cfg.epochs.to_string()),
        ("min_count", cfg.min_count.to_string()),
        ("prune", cfg.prune.to_string()),
        ("quantile", cfg.quantile.to_string()),
        ("labels", names.join(" ")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in &cfg.header {
        header.insert(k.clone(), v.clone());
    }
    let entries: Vec<(u32, Vec<f32>)> = rows.into_iter().collect();
    weights::write(&header, scale, &entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> (Vec<Example>, Vec<String>) {
        let names: Vec<String> = ["DT|DET", "NN|NOUN", "VBD|VERB", ".|PUNCT"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let data: &[&[(&str, usize)]] = &[
            &[("the", 0), ("dog", 1), ("barked", 2), (".", 3)],
            &[("a", 0), ("cat", 1), ("slept", 2), (".", 3)],
            &[("the", 0), ("cat", 1), ("barked", 2), (".", 3)],
        ];
        let ex = data
            .iter()
            .map(|s| Example {
                words: s.iter().map(|p| p.0.to_string()).collect(),
                labels: s.iter().map(|p| p.1).collect(),
            })
            .collect();
        (ex, names)
    }

    fn cfg() -> TrainConfig {
        TrainConfig {
            epochs: 5,
            seed: 7,
            min_count: 1,
            prune: 0.0,
            quantile: 1.0,
            header: vec![("data".into(), "0".into())],
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let (ex, names) = tiny();
        let a = train(&ex, &names, &cfg());
        let b = train(&ex, &names, &cfg());
        assert_eq!(a, b);
        let t = Tagger::from_bytes(&a).unwrap();
        assert_eq!(
            t.tag(&["the", "dog", "barked", "."]),
            [Pos::DT, Pos::NN, Pos::VBD, Pos::Period]
        );
        assert_eq!(
            t.tag(&["a", "cat", "slept", "."]),
            [Pos::DT, Pos::NN, Pos::VBD, Pos::Period]
        );
        assert_eq!(t.tag(&[]), []);
        assert_eq!(t.header("seed"), Some("7"));
    }

    #[test]
    fn rejects_other_models_and_bad_labels() {
        let (ex, names) = tiny();
        let mut bytes = train(&ex, &names, &cfg());
        let at = bytes
            .windows(MODEL.len())
            .position(|w| w == MODEL.as_bytes())
            .unwrap();
        bytes[at] = b'x';
        assert!(matches!(
            Tagger::from_bytes(&bytes),
            Err(WeightsError::BadHeader(_))
        ));
        assert!(Tagger::from_bytes(b"CLW1").is_err());
        let bad: Vec<String> = vec!["NN".into()];
        let ex1 = vec![Example {
            words: vec!["x".into()],
            labels: vec![0],
        }];
        assert!(Tagger::from_bytes(&train(&ex1, &bad, &cfg())).is_err());
    }

    /// The tags of the features as training reads them ([`static_features`],
    /// [`TagFeatures::push`]), summed in one go: what `predict` must give.
    fn reference(t: &Tagger, words: &[&str]) -> Vec<usize> {
        let toks = prepare(words);
        let start = t.tag_features.start();
        let mut out: Vec<usize> = Vec::new();
        for i in 0..toks.len() {
            let mut feats = Vec::new();
            static_features(&toks, i, &mut feats);
            let p1 = out.last().copied().unwrap_or(start);
            let p2 = if i >= 2 { out[i - 2] } else { start };
            t.tag_features.push(toks.l(i), p1, p2, &mut feats);
            let mut scores = vec![0; t.labels.len()];
            t.weights.add_to(&feats, &mut scores);
            let mut best = argmax(&scores);
            let clause_start =
                i == 0 || matches!(toks.w(i - 1), "``" | "\"" | "(" | ":" | ";" | "-");
            if let Some(k) = contraction(toks.l(i), clause_start) {
                best = t.aux[k].unwrap_or(best);
            }
            out.push(best);
        }
        out
    }

    /// The per-label rows change no tag.
    #[test]
    fn tags_are_the_reference_tags() {
        let t = Tagger::from_bytes(include_bytes!("../../../../data/weights/pos.clw")).unwrap();
        let many: Vec<String> = (0..400).map(|i| format!("Word{i}")).collect();
        let mut sentences: Vec<Vec<&str>> = [
            "The minister said talks would resume .",
            "Talks resume , the minister said , but critics don’t agree .",
            "U.S. officials met in Kyiv on 12 May 2025 .",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        sentences.extend(
            many.chunks(40)
                .map(|c| c.iter().map(String::as_str).collect()),
        );
        sentences.push(sentences[0].clone());
        for w in &sentences {
            assert_eq!(t.predict(w), reference(&t, w), "{w:?}");
        }
    }

    /// The committed weights (`data/weights/pos.clw`) on app-tokenised sentences.
    #[test]
    fn shipped_weights_table() {
        let t = Tagger::from_bytes(include_bytes!("../../../../data/weights/pos.clw")).unwrap();
        // (sentence, token index, expected tag)
        let cases: &[(&str, usize, &str)] = &[
            ("The minister said talks would resume .", 2, "VBD"),
            ("The minister said talks would resume .", 4, "MD"),
            ("The minister said talks would resume .", 3, "NNS"),
            ("I don't think it will work .", 1, "VBP"),
            ("I don’t think it will work .", 1, "VBP"),
            ("They can't stop now .", 1, "MD"),
            ("“ We won’t accept this , ” he said .", 2, "MD"),
            ("Officials in Ankara don't expect talks .", 3, "VBP"),
            ("Don't go .", 0, "VB"),
            ("It isn't over .", 1, "VBZ"),
            ("Ukraine ’s army advanced .", 1, "POS"),
            ("“ It is over , ” he said .", 0, "``"),
            ("“ It is over , ” he said .", 5, "''"),
            ("U.S. officials met in Kyiv .", 0, "NNP"),
            ("U.S. officials met in Kyiv .", 4, "NNP"),
            ("He may have been wrong .", 1, "MD"),
            ("The long - term plan failed .", 2, "HYPH"),
        ];
        for &(s, i, want) in cases {
            let words: Vec<&str> = s.split(' ').collect();
            let got = t.tag(&words);
            assert_eq!(got[i].as_str(), want, "{s:?} token {i}: {:?}", got);
        }
        let up = t.tag_upos(&["She", "is", "a", "doctor", "."]);
        assert_eq!(up[1].1, Upos::AUX);
    }
}
