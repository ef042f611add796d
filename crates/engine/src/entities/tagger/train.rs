//! Deterministic training: averaged structured perceptron with Viterbi decoding.
//!
//! Sentences are shuffled each epoch with a fixed-seed xorshift generator;
//! feature weights live in a `HashMap` during training but are exported sorted
//! by hash, so the output depends only on the data, the seed and the options.

use std::collections::{BTreeMap, HashMap};

use super::decode::{trans_hashes, viterbi, Scorer};
use super::features::{featurise, Sentence};
use super::{Gazetteer, Label};

/// One training sentence: words, gold labels and optional per-word tags.
#[derive(Clone, Debug)]
pub struct Example {
    /// Words.
    pub words: Vec<String>,
    /// Gold BIO labels, one per word.
    pub labels: Vec<Label>,
    /// Optional extra tags (POS), one per word.
    pub extra: Option<Vec<String>>,
}

/// Training options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
    /// Features seen fewer times than this in the gold data are ignored.
    pub min_count: u32,
    /// Quantised weights with |q| below this are zeroed at export (pruning).
    pub min_q: i8,
    /// Quantile of non-zero |weight| mapped to ±127 (larger ones clamp), in per mille.
    pub scale_permille: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 8,
            seed: 1,
            min_count: 2,
            min_q: 1,
            scale_permille: 1000,
        }
    }
}

struct Model {
    nl: usize,
    w: HashMap<u32, Vec<f32>>,
    u: HashMap<u32, Vec<f32>>,
    allowed: HashMap<u32, ()>,
    c: f32,
}

impl Scorer for Model {
    type Score = f32;
    const ZERO: f32 = 0.0;
    const NONE: f32 = f32::NEG_INFINITY;

    fn add(&self, hash: u32, out: &mut [f32]) {
        if let Some(w) = self.w.get(&hash) {
            for (o, x) in out.iter_mut().zip(w) {
                *o += x;
            }
        }
    }
}

impl Model {
    fn update(&mut self, h: u32, y: usize, d: f32) {
        if !self.allowed.contains_key(&h) {
            return;
        }
        let nl = self.nl;
        self.w.entry(h).or_insert_with(|| vec![0.0; nl])[y] += d;
        self.u.entry(h).or_insert_with(|| vec![0.0; nl])[y] += self.c * d;
    }
}

fn xorshift(state: &mut u64) -> u64 {
    let mut x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    x
}

/// All features a gold sequence fires: (hash, label index).
fn gold_features(s: &Sentence, y: &[usize], names: &[String]) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    for i in 0..y.len() {
        for &h in s.emit(i) {
            out.push((h, y[i]));
        }
        let prev = if i == 0 {
            "<s>"
        } else {
            names[y[i - 1]].as_str()
        };
        for h in trans_hashes(s, i, prev) {
            out.push((h, y[i]));
        }
    }
    out
}

/// Train and return quantised CLW1 weights (the bytes of the model file). `header` gets `model`, `seed`,
/// `epochs` and the option values added; `labels` fixes the label order.
/// `log` receives one line per epoch (e.g. a dev-set score).
pub fn train(
    data: &[Example],
    labels: &[Label],
    gaz: &Gazetteer,
    opts: &Options,
    mut header: BTreeMap<String, String>,
    mut log: impl FnMut(usize, &dyn Fn(&[&str], Option<&[&str]>) -> Vec<Label>),
) -> Vec<u8> {
    let names: Vec<String> = labels.iter().map(|l| l.name()).collect();
    let index: BTreeMap<Label, usize> = labels.iter().enumerate().map(|(i, &l)| (l, i)).collect();
    let sents: Vec<Sentence> = data
        .iter()
        .map(|e| {
            let w: Vec<&str> = e.words.iter().map(String::as_str).collect();
            let x: Option<Vec<&str>> = e
                .extra
                .as_ref()
                .map(|x| x.iter().map(String::as_str).collect());
            featurise(&w, x.as_deref(), gaz)
        })
        .collect();
    let golds: Vec<Vec<usize>> = data
        .iter()
        .map(|e| {
            e.labels
                .iter()
                .map(|l| *index.get(l).unwrap_or(&0))
                .collect()
        })
        .collect();
    // Feature counts over gold sequences.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (s, y) in sents.iter().zip(&golds) {
        for (h, _) in gold_features(s, y, &names) {
            *counts.entry(h).or_insert(0) += 1;
        }
    }
    let allowed = counts
        .into_iter()
        .filter(|&(_, c)| c >= opts.min_count)
        .map(|(h, _)| (h, ()))
        .collect();
    let mut m = Model {
        nl: labels.len(),
        w: HashMap::new(),
        u: HashMap::new(),
        allowed,
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = opts.seed.max(1);
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let s = &sents[k];
            let gold = &golds[k];
            let pred = viterbi(s, labels, &names, &m);
            if &pred != gold {
                let g = gold_features(s, gold, &names);
                let p = gold_features(s, &pred, &names);
                for (h, y) in g {
                    m.update(h, y, 1.0);
                }
                for (h, y) in p {
                    m.update(h, y, -1.0);
                }
            }
            m.c += 1.0;
        }
        // Averaged weights for the epoch log.
        let avg = averaged(&m);
        let snapshot = Model {
            nl: m.nl,
            w: avg.iter().cloned().collect(),
            u: HashMap::new(),
            allowed: HashMap::new(),
            c: m.c,
        };
        let tagger = |w: &[&str], x: Option<&[&str]>| -> Vec<Label> {
            let s = featurise(w, x, gaz);
            viterbi(&s, labels, &names, &snapshot)
                .into_iter()
                .map(|k| labels[k])
                .collect()
        };
        log(epoch + 1, &tagger);
    }
    let avg = averaged(&m);
    // Scale: the chosen quantile of |w| maps to 127 (outliers clamp).
    let mut mags: Vec<f32> = avg
        .iter()
        .flat_map(|(_, w)| w.iter().map(|x| x.abs()))
        .filter(|&x| x > 0.0)
        .collect();
    mags.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let top = mags
        .get(
            mags.len()
                .saturating_sub(1)
                .min(mags.len() * opts.scale_permille as usize / 1000),
        )
        .copied()
        .unwrap_or(1.0);
    let scale = (top / 127.0).max(1e-6);
    let pruned: Vec<(u32, Vec<f32>)> = avg
        .into_iter()
        .map(|(h, w)| {
            let w = w
                .into_iter()
                .map(|x| {
                    if (x / scale).round().abs() < opts.min_q as f32 {
                        0.0
                    } else {
                        x
                    }
                })
                .collect();
            (h, w)
        })
        .collect();
    header.insert("epochs".into(), opts.epochs.to_string());
    header.insert("seed".into(), opts.seed.to_string());
    header.insert("min_count".into(), opts.min_count.to_string());
    header.insert("min_q".into(), opts.min_q.to_string());
    header.insert("scale_permille".into(), opts.scale_permille.to_string());
    header.insert("labels".into(), names.join(" "));
    crate::weights::write(&header, scale, &pruned)
}

fn averaged(m: &Model) -> Vec<(u32, Vec<f32>)> {
    let mut out: Vec<(u32, Vec<f32>)> =
        m.w.iter()
            .map(|(&h, w)| {
                let u = &m.u[&h];
                (h, w.iter().zip(u).map(|(w, u)| w - u / m.c).collect())
            })
            .collect();
    out.sort_by_key(|r| r.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::{Kind, NameTagger};

    fn ex(s: &str) -> Example {
        let mut words = Vec::new();
        let mut labels = Vec::new();
        for tok in s.split(' ') {
            let (w, l) = tok.split_once('/').unwrap_or((tok, "O"));
            words.push(w.to_string());
            labels.push(Label::parse(l).unwrap());
        }
        Example {
            words,
            labels,
            extra: None,
        }
    }

    #[test]
    fn learns_a_toy_set_deterministically() {
        let data: Vec<Example> = [
            "John/B-PER Smith/I-PER visited Paris/B-LOC .",
            "Mary/B-PER Jones/I-PER left Berlin/B-LOC today .",
            "The Acme/B-ORG Council/I-ORG met in Paris/B-LOC .",
            "John/B-PER met the Acme/B-ORG Council/I-ORG .",
            "Berlin/B-LOC and Paris/B-LOC are cities .",
            "Mary/B-PER Smith/I-PER joined Acme/B-ORG Council/I-ORG .",
        ]
        .iter()
        .map(|s| ex(s))
        .collect();
        let labels: Vec<Label> = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
            .iter()
            .map(|s| Label::parse(s).unwrap())
            .collect();
        let opts = Options {
            epochs: 5,
            seed: 7,
            min_count: 1,
            min_q: 1,
            scale_permille: 999,
        };
        let g = Gazetteer::default();
        let header: BTreeMap<String, String> = [("model", "toy"), ("data", "toy")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let a = train(&data, &labels, &g, &opts, header.clone(), |_, _| {});
        let b = train(&data, &labels, &g, &opts, header, |_, _| {});
        assert_eq!(a, b, "deterministic");
        let t = NameTagger::from_bytes(&a).unwrap().with_gazetteer(g);
        let spans = t.spans(&["Mary", "Smith", "visited", "Berlin", "."], None);
        assert_eq!(spans.len(), 2);
        assert_eq!(
            (spans[0].start, spans[0].end, spans[0].kind),
            (0, 2, Kind::Per)
        );
        assert_eq!(
            (spans[1].start, spans[1].end, spans[1].kind),
            (3, 4, Kind::Loc)
        );
    }
}
