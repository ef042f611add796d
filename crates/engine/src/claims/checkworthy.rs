//! Check-worthiness of a sentence: is it a factual claim the public would want checked?
//!
//! A logistic regression over hashed binary features ([`features`]): lowercased word
//! unigrams and bigrams (numbers normalised to `<num>`/`<year>`, optionally capitalised
//! non-initial words masked to `<cap>`), plus cheap claim signals (number, percent, money,
//! name-like capitalised words, first/second person, modal and future words, comparatives,
//! superlatives, past-tense `-ed`, question mark, length bucket). Optional part-of-speech
//! tags aligned with [`tokenize`] can be added through [`features_with`].
//!
//! Weights are CLW1 ([`crate::weights`]) with one label, `checkworthy`; the header also
//! carries `threshold` (chosen by cross-validation on the training split) and the
//! [`FeatureOptions`] flags (`mask_caps`, `no_bigrams`, `no_signals`).
//!
//! ```
//! use claimlens_engine::claims::checkworthy::{train, CheckWorthiness, TrainOptions};
//! let data: Vec<(String, bool)> = (0..40)
//!     .map(|i| if i % 2 == 0 {
//!         (format!("Unemployment rose {i} percent in 2010."), true)
//!     } else {
//!         ("I think that is a great question.".to_string(), false)
//!     })
//!     .collect();
//! let bytes = train(&data, &TrainOptions { folds: 2, ..TrainOptions::default() });
//! let m = CheckWorthiness::from_bytes(&bytes).unwrap();
//! assert!(m.score("Taxes rose 12 percent in 2004.") > m.score("I think that is great."));
//! ```

use crate::text::WordSet;
use std::collections::BTreeMap;

use crate::weights::{feature_hash, fnv1a64, Weights, WeightsError};

/// Options of the feature extractor (stored in the weights header, so scoring matches training).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeatureOptions {
    /// Replace capitalised words that do not start the sentence (and all-caps acronyms)
    /// by `<cap>` in the n-grams, so the model cannot memorise names.
    pub mask_caps: bool,
    /// Leave out the word bigrams (ablation).
    pub no_bigrams: bool,
    /// Leave out the `f:` signals (ablation).
    pub no_signals: bool,
}

/// Byte spans of the tokens of `s`: words (letters/digits, with inner `.`/`,` between digits,
/// inner hyphens, and apostrophe clitics split off PTB-style: `don't` → `do` `n't`,
/// `we're` → `we` `'re`) and single punctuation characters.
pub fn tokenize(s: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(s.len(), |c| c.0);
    let is_apos = |c: char| c == '\'' || c == '\u{2019}';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push((chars[i].0, end_of(i + 1)));
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < chars.len() {
            let cj = chars[j].1;
            let next = chars.get(j + 1).map(|c| c.1);
            let prev = chars[j - 1].1;
            let inner_number = (cj == '.' || cj == ',')
                && prev.is_ascii_digit()
                && next.is_some_and(|n| n.is_ascii_digit());
            let inner_join = (cj == '-' || is_apos(cj)) && next.is_some_and(char::is_alphanumeric);
            if cj.is_alphanumeric() || inner_number || inner_join {
                j += 1;
            } else {
                break;
            }
        }
        // Split an apostrophe clitic off the word.
        let mut split = None;
        for k in start + 1..j {
            if is_apos(chars[k].1) {
                let n_t = k >= start + 2
                    && (chars[k - 1].1 == 'n' || chars[k - 1].1 == 'N')
                    && k + 2 == j
                    && (chars[k + 1].1 == 't' || chars[k + 1].1 == 'T');
                split = Some(if n_t { k - 1 } else { k });
                break;
            }
        }
        match split {
            Some(k) if k > start => {
                out.push((chars[start].0, chars[k].0));
                out.push((chars[k].0, end_of(j)));
            }
            _ => out.push((chars[start].0, end_of(j))),
        }
        i = j;
    }
    out
}

fn is_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_alphanumeric)
}

fn has_digit(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
}

fn is_capitalised(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase)
}

/// The normalised form of one token: lowercased, `’` → `'`, numbers → `<year>`/`<num>`.
fn normalise(t: &str, out: &mut String) {
    out.clear();
    if has_digit(t) {
        let digits: String = t.chars().filter(char::is_ascii_digit).collect();
        let year = digits.len() == 4
            && (digits.starts_with("19") || digits.starts_with("20"))
            && t.chars().all(|c| c.is_ascii_digit() || c == 's');
        out.push_str(if year { "<year>" } else { "<num>" });
        return;
    }
    for c in t.chars() {
        if c == '\u{2019}' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

static P1_SINGULAR: WordSet = WordSet::new(concat!("i|", "me|", "my|", "mine|", "myself|"));
static P1_PLURAL: WordSet = WordSet::new(concat!("we|", "us|", "our|", "ours|", "ourselves|"));
static P2: WordSet = WordSet::new(concat!(
    "you|",
    "your|",
    "yours|",
    "yourself|",
    "yourselves|"
));
static MODAL: WordSet = WordSet::new(concat!(
    "can|", "could|", "may|", "might|", "should|", "would|", "must|", "ought|", "ca|"
));
static FUTURE: WordSet = WordSet::new(concat!("will|", "'ll|", "wo|", "shall|", "gonna|"));
static COMPARATIVE: WordSet = WordSet::new(concat!(
    "more|", "less|", "fewer|", "than|", "higher|", "lower|", "larger|", "smaller|", "bigger|",
    "greater|", "faster|", "slower|"
));
static SUPERLATIVE: WordSet = WordSet::new(concat!(
    "most|",
    "least|",
    "best|",
    "worst|",
    "largest|",
    "highest|",
    "lowest|",
    "biggest|",
    "greatest|",
    "first|",
    "only|"
));
static MAGNITUDE: WordSet = WordSet::new(concat!(
    "hundred|",
    "thousand|",
    "million|",
    "millions|",
    "billion|",
    "billions|",
    "trillion|",
    "trillions|",
    "dozen|",
    "dozens|",
    "half|",
    "percent|",
    "twice|"
));
static NUMBER_WORD: WordSet = WordSet::new(concat!(
    "one|", "two|", "three|", "four|", "five|", "six|", "seven|", "eight|", "nine|", "ten|",
    "eleven|", "twelve|", "fifteen|", "twenty|", "thirty|", "forty|", "fifty|", "sixty|",
    "seventy|", "eighty|", "ninety|"
));
static MONEY: WordSet = WordSet::new(concat!(
    "$|",
    "dollar|",
    "dollars|",
    "cents|",
    "budget|",
    "deficit|",
    "tax|",
    "taxes|",
    "spending|"
));
static PAST_AUX: WordSet =
    WordSet::new(concat!("was|", "were|", "had|", "did|", "said|", "voted|"));
static NEGATION: WordSet = WordSet::new(concat!(
    "not|", "n't|", "never|", "no|", "nobody|", "nothing|"
));
static COGNITION: WordSet = WordSet::new(concat!(
    "think|", "believe|", "feel|", "hope|", "want|", "wish|", "agree|"
));
static ED_EXCEPTIONS: WordSet = WordSet::new(concat!(
    "need|",
    "indeed|",
    "speed|",
    "seed|",
    "feed|",
    "bed|",
    "red|",
    "hundred|",
    "united|",
    "interested|",
    "concerned|",
    "supposed|",
    "used|",
    "based|"
));

/// Builds the feature string `prefix + a (+ " " + b)` in `buf` and hands it to `sink`.
fn push(sink: &mut dyn FnMut(&str), buf: &mut String, prefix: &str, a: &str, b: Option<&str>) {
    buf.clear();
    buf.push_str(prefix);
    buf.push_str(a);
    if let Some(b) = b {
        buf.push(' ');
        buf.push_str(b);
    }
    sink(buf);
}

/// The hashed features of `sentence` with default options (no masking, no tags), sorted
/// and deduplicated, appended to a cleared `out`.
pub fn features(sentence: &str, out: &mut Vec<u32>) {
    features_with(sentence, FeatureOptions::default(), None, out);
}

/// The hashed features of `sentence`, sorted and deduplicated, into a cleared `out`.
///
/// `tags`, when given, must hold one part-of-speech tag per token of [`tokenize`]
/// (otherwise they are ignored); they add `t:TAG` unigram and `tt:TAG TAG` bigram features.
/// Feature strings (before hashing): `bias`, `w:word`, `b:word word` (with `<s>`/`</s>`),
/// and `f:signal` for the signals listed in the module docs.
pub fn features_with(
    sentence: &str,
    opts: FeatureOptions,
    tags: Option<&[&str]>,
    out: &mut Vec<u32>,
) {
    out.clear();
    extract(sentence, opts, tags, &mut |f| out.push(feature_hash(f)));
    out.sort_unstable();
    out.dedup();
}

/// The feature strings of `sentence` (before hashing, sorted and deduplicated): for
/// inspecting a model; scoring uses the allocation-light [`features_with`].
pub fn feature_names(sentence: &str, opts: FeatureOptions, tags: Option<&[&str]>) -> Vec<String> {
    let mut v = Vec::new();
    extract(sentence, opts, tags, &mut |f| v.push(f.to_string()));
    v.sort();
    v.dedup();
    v
}

/// Calls `out` with every feature string of `sentence` (possibly repeated).
fn extract(sentence: &str, opts: FeatureOptions, tags: Option<&[&str]>, out: &mut dyn FnMut(&str)) {
    let spans = tokenize(sentence);
    let toks: Vec<&str> = spans.iter().map(|&(a, b)| &sentence[a..b]).collect();
    let first_word = toks.iter().position(|t| is_word(t));
    let mut norm: Vec<String> = Vec::with_capacity(toks.len());
    let mut tmp = String::new();
    let mut caps = 0usize;
    for (i, t) in toks.iter().enumerate() {
        normalise(t, &mut tmp);
        let name_like = is_word(t)
            && !has_digit(t)
            && *t != "I"
            && ((is_capitalised(t) && Some(i) != first_word) || is_acronym(t));
        if name_like {
            caps += 1;
            if opts.mask_caps {
                tmp.clear();
                tmp.push_str("<cap>");
            }
        }
        norm.push(tmp.clone());
    }
    let mut buf = String::new();
    push(out, &mut buf, "bias", "", None);
    // Word n-grams.
    let mut prev = "<s>";
    for w in &norm {
        push(out, &mut buf, "w:", w, None);
        if !opts.no_bigrams {
            push(out, &mut buf, "b:", prev, Some(w));
        }
        prev = w;
    }
    if !opts.no_bigrams {
        push(out, &mut buf, "b:", prev, Some("</s>"));
    }
    // Signals.
    let words: Vec<&str> = norm
        .iter()
        .zip(&toks)
        .filter(|(_, t)| is_word(t))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut sig = |name: &str, on: bool| {
        if on && !opts.no_signals {
            push(out, &mut buf, "f:", name, None);
        }
    };
    let n_digits = toks.iter().filter(|t| has_digit(t)).count();
    let magnitude = words.iter().any(|w| MAGNITUDE.contains(w));
    sig(
        "num",
        n_digits > 0 || magnitude || words.iter().any(|w| NUMBER_WORD.contains(w)),
    );
    sig("digits", n_digits > 0);
    sig("digits2", n_digits > 1);
    sig("magnitude", magnitude);
    sig("year", norm.iter().any(|w| w == "<year>"));
    sig("percent", toks.contains(&"%") || words.contains(&"percent"));
    sig(
        "money",
        words.iter().any(|w| MONEY.contains(w)) || toks.contains(&"$"),
    );
    sig(["caps0", "caps1", "caps2", "caps3+"][caps.min(3)], true);
    let p1 = words
        .iter()
        .any(|w| P1_SINGULAR.contains(w) || P1_PLURAL.contains(w));
    sig("p1", p1);
    sig("p1sg", words.iter().any(|w| P1_SINGULAR.contains(w)));
    sig("p2", words.iter().any(|w| P2.contains(w)));
    sig("modal", words.iter().any(|w| MODAL.contains(w)));
    sig(
        "future",
        words.iter().any(|w| FUTURE.contains(w))
            || norm.windows(2).any(|p| p[0] == "going" && p[1] == "to"),
    );
    sig("comparative", words.iter().any(|w| COMPARATIVE.contains(w)));
    sig(
        "superlative",
        words
            .iter()
            .any(|w| SUPERLATIVE.contains(w) || (w.len() > 5 && w.ends_with("est"))),
    );
    let ed = words
        .iter()
        .any(|w| w.len() > 4 && w.ends_with("ed") && !ED_EXCEPTIONS.contains(w));
    sig("ed", ed);
    sig("past", ed || words.iter().any(|w| PAST_AUX.contains(w)));
    sig("negation", words.iter().any(|w| NEGATION.contains(w)));
    sig(
        "cognition",
        p1 && words.iter().any(|w| COGNITION.contains(w)),
    );
    sig("question", toks.contains(&"?"));
    sig("exclamation", toks.contains(&"!"));
    let n = words.len();
    sig(
        ["len0", "len1-4", "len5-9", "len10-19", "len20-34", "len35+"][match n {
            0 => 0,
            1..=4 => 1,
            5..=9 => 2,
            10..=19 => 3,
            20..=34 => 4,
            _ => 5,
        }],
        true,
    );
    // Optional part-of-speech tags.
    if let Some(tags) = tags.filter(|t| t.len() == toks.len()) {
        let mut prev = "<s>";
        for t in tags {
            push(out, &mut buf, "t:", t, None);
            push(out, &mut buf, "tt:", prev, Some(t));
            prev = t;
        }
    }
}

/// The sigmoid function.
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

static INSTALLED: std::sync::OnceLock<CheckWorthiness> = std::sync::OnceLock::new();

/// Install the engine's check-worthiness model from CLW1 bytes (the file
/// `checkworthy.clw`, see [`crate::weights::install`]). False when the bytes
/// are not such a model; once installed, later calls change nothing.
pub fn install(bytes: &[u8]) -> bool {
    if INSTALLED.get().is_some() {
        return true;
    }
    match CheckWorthiness::from_bytes(bytes) {
        Ok(m) => {
            let _ = INSTALLED.set(m);
            true
        }
        Err(_) => false,
    }
}

/// The installed model, if any. Without one the claims engine falls back
/// to its rule score (see [`crate::claims::CHECKWORTHY`]).
pub fn installed() -> Option<&'static CheckWorthiness> {
    #[cfg(test)]
    crate::weights::install_bundled();
    INSTALLED.get()
}

/// A check-worthiness model built from CLW1 bytes.
#[derive(Debug, Clone)]
pub struct CheckWorthiness {
    weights: Weights,
    threshold: f32,
    opts: FeatureOptions,
}

impl CheckWorthiness {
    /// Builds the model from CLW1 bytes (model `checkworthy`, one label).
    pub fn from_bytes(b: &[u8]) -> Result<Self, WeightsError> {
        let weights = Weights::from_bytes(b)?;
        if weights.header("model") != Some("checkworthy") || weights.labels().len() != 1 {
            return Err(WeightsError::BadHeader(
                "not a one-label checkworthy model".into(),
            ));
        }
        let threshold = match weights.header("threshold").map(str::parse::<f32>) {
            Some(Ok(t)) if (0.0..=1.0).contains(&t) => t,
            _ => return Err(WeightsError::BadHeader("missing or bad threshold".into())),
        };
        let flag = |k: &str| weights.header(k) == Some("1");
        let opts = FeatureOptions {
            mask_caps: flag("mask_caps"),
            no_bigrams: flag("no_bigrams"),
            no_signals: flag("no_signals"),
        };
        Ok(CheckWorthiness {
            weights,
            threshold,
            opts,
        })
    }

    /// The probability (0–1) that `sentence` is a check-worthy factual claim.
    pub fn score(&self, sentence: &str) -> f32 {
        let mut f = Vec::new();
        features_with(sentence, self.opts, None, &mut f);
        self.score_features(&f)
    }

    /// The probability for already extracted features (e.g. from [`features_with`] with tags).
    pub fn score_features(&self, feats: &[u32]) -> f32 {
        let q: i32 = feats
            .iter()
            .filter_map(|&h| self.weights.get(h))
            .map(|w| i32::from(w[0]))
            .sum();
        sigmoid(q as f32 * self.weights.scale())
    }

    /// Whether `sentence` is check-worthy: `score >= threshold`.
    pub fn is_checkworthy(&self, sentence: &str) -> bool {
        self.score(sentence) >= self.threshold
    }

    /// The decision threshold on [`CheckWorthiness::score`].
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The feature options the model was trained with.
    pub fn feature_options(&self) -> FeatureOptions {
        self.opts
    }

    /// The underlying weights (header, size).
    pub fn weights(&self) -> &Weights {
        &self.weights
    }
}

/// Training options. All training is deterministic for fixed options and data.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: u32,
    /// Seed of the shuffling (xorshift64*).
    pub seed: u64,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 penalty per update on the active features.
    pub l2: f32,
    /// Features seen in fewer training sentences are not learnt.
    pub min_count: u32,
    /// Folds of the cross-validation that chooses the threshold (contiguous blocks of the input order).
    pub folds: usize,
    /// Feature options.
    pub features: FeatureOptions,
    /// Weight of positive examples in the loss (class balance).
    pub positive_weight: f32,
    /// `data=` header value (FNV-1a 64 hex of the training files); empty: hash of the examples.
    pub data_hash: String,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 42,
            learning_rate: 0.1,
            l2: 1e-4,
            min_count: 2,
            folds: 5,
            features: FeatureOptions::default(),
            positive_weight: 1.0,
            data_hash: String::new(),
        }
    }
}

/// A deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Learns float weights (by feature hash) on `data` = (features, label).
fn fit(data: &[(Vec<u32>, bool)], o: &TrainOptions) -> BTreeMap<u32, f32> {
    // Vocabulary: hashes seen in at least `min_count` sentences (bias always).
    let mut counts: BTreeMap<u32, u32> = BTreeMap::new();
    for (f, _) in data {
        for &h in f {
            *counts.entry(h).or_insert(0) += 1;
        }
    }
    let bias = feature_hash("bias");
    let vocab: Vec<u32> = counts
        .iter()
        .filter(|&(&h, &c)| c >= o.min_count || h == bias)
        .map(|(&h, _)| h)
        .collect();
    let index: BTreeMap<u32, usize> = vocab.iter().enumerate().map(|(i, &h)| (h, i)).collect();
    let xs: Vec<(Vec<usize>, bool)> = data
        .iter()
        .map(|(f, y)| (f.iter().filter_map(|h| index.get(h).copied()).collect(), *y))
        .collect();
    let mut w = vec![0f32; vocab.len()];
    let mut g2 = vec![1e-8f32; vocab.len()];
    let mut order: Vec<usize> = (0..xs.len()).collect();
    let mut rng = Rng(o.seed.max(1));
    for _ in 0..o.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (x, y) = &xs[k];
            let z: f32 = x.iter().map(|&j| w[j]).sum();
            let p = sigmoid(z);
            let target = if *y { 1.0 } else { 0.0 };
            let cw = if *y { o.positive_weight } else { 1.0 };
            let g = cw * (p - target);
            for &j in x {
                let grad = g + o.l2 * w[j];
                g2[j] += grad * grad;
                w[j] -= o.learning_rate * grad / g2[j].sqrt();
            }
        }
    }
    vocab.into_iter().zip(w).collect()
}

fn predict(w: &BTreeMap<u32, f32>, f: &[u32]) -> f32 {
    sigmoid(f.iter().filter_map(|h| w.get(h)).sum())
}

/// The threshold that maximises F1 of the positive class over scored examples
/// (midpoint between neighbouring scores; ties broken towards the higher threshold).
pub fn best_threshold(scored: &[(f32, bool)]) -> (f32, f32) {
    let mut s: Vec<(f32, bool)> = scored.to_vec();
    crate::order::sort_by_key(&mut s, |x| !u64::from(crate::order::f32_key(x.0)));
    let pos = s.iter().filter(|x| x.1).count() as f32;
    let (mut tp, mut fp) = (0f32, 0f32);
    let mut best = (0.5f32, 0f32);
    for i in 0..s.len() {
        if s[i].1 {
            tp += 1.0
        } else {
            fp += 1.0
        }
        if i + 1 < s.len() && s[i + 1].0 == s[i].0 {
            continue;
        }
        let f1 = 2.0 * tp / (tp + fp + pos);
        if f1 > best.1 {
            let next = s.get(i + 1).map_or(0.0, |x| x.0);
            best = ((s[i].0 + next) / 2.0, f1);
        }
    }
    best
}

/// Out-of-fold `(threshold, F1)`: `o.folds`-fold cross-validation on `examples`
/// (contiguous blocks), the threshold maximising F1 of the pooled out-of-fold scores.
pub fn cross_validate(examples: &[(String, bool)], o: &TrainOptions) -> (f32, f32) {
    let data: Vec<(Vec<u32>, bool)> = examples
        .iter()
        .map(|(s, y)| {
            let mut f = Vec::new();
            features_with(s, o.features, None, &mut f);
            (f, *y)
        })
        .collect();
    cross_validate_features(&data, o)
}

fn cross_validate_features(data: &[(Vec<u32>, bool)], o: &TrainOptions) -> (f32, f32) {
    let mut oof = Vec::with_capacity(data.len());
    let folds = o.folds.clamp(2, data.len().max(2));
    for k in 0..folds {
        let (lo, hi) = (k * data.len() / folds, (k + 1) * data.len() / folds);
        let tr: Vec<(Vec<u32>, bool)> = data[..lo].iter().chain(&data[hi..]).cloned().collect();
        let w = fit(&tr, o);
        oof.extend(data[lo..hi].iter().map(|(f, y)| (predict(&w, f), *y)));
    }
    best_threshold(&oof)
}

/// Trains a model on `(sentence, is_checkworthy)` examples (in the given order: pass them
/// sorted for reproducibility) and returns CLW1 bytes.
///
/// The threshold is chosen by `folds`-fold cross-validation on `examples` (contiguous
/// blocks) as the one maximising out-of-fold F1; the final weights are learnt on all
/// examples and quantised with `scale = max|w| / 127`.
pub fn train(examples: &[(String, bool)], o: &TrainOptions) -> Vec<u8> {
    let data: Vec<(Vec<u32>, bool)> = examples
        .iter()
        .map(|(s, y)| {
            let mut f = Vec::new();
            features_with(s, o.features, None, &mut f);
            (f, *y)
        })
        .collect();
    let (threshold, _) = cross_validate_features(&data, o);
    let w = fit(&data, o);
    let max = w.values().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
    let scale = max / 127.0;
    let data_hash = if o.data_hash.is_empty() {
        let mut h = fnv1a64(b"");
        for (s, y) in examples {
            h = crate::weights::fnv1a64_continue(
                h,
                format!("{}\t{}\n", u8::from(*y), s).as_bytes(),
            );
        }
        format!("{h:016x}")
    } else {
        o.data_hash.clone()
    };
    let header: BTreeMap<String, String> = [
        ("model", "checkworthy".to_string()),
        ("labels", "checkworthy".to_string()),
        ("data", data_hash),
        ("seed", o.seed.to_string()),
        ("epochs", o.epochs.to_string()),
        ("threshold", format!("{threshold:.4}")),
        ("mask_caps", u8::from(o.features.mask_caps).to_string()),
        ("no_bigrams", u8::from(o.features.no_bigrams).to_string()),
        ("no_signals", u8::from(o.features.no_signals).to_string()),
        ("l2", format!("{}", o.l2)),
        ("learning_rate", format!("{}", o.learning_rate)),
        ("min_count", o.min_count.to_string()),
        ("positive_weight", format!("{}", o.positive_weight)),
        ("folds", o.folds.clamp(2, data.len().max(2)).to_string()),
        ("features", "v1".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let entries: Vec<(u32, Vec<f32>)> = w.into_iter().map(|(h, x)| (h, vec![x])).collect();
    crate::weights::write(&header, scale, &entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn tokenizer_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("We don't know.", &["We", "do", "n't", "know", "."]),
            (
                "We’re at 4.5% — $1,000,000!",
                &["We", "’re", "at", "4.5", "%", "—", "$", "1,000,000", "!"],
            ),
            (
                "African-American voters, 1990s.",
                &["African-American", "voters", ",", "1990s", "."],
            ),
            ("", &[]),
            ("'quoted' end,", &["'", "quoted", "'", "end", ","]),
        ];
        for (s, want) in cases {
            assert_eq!(&toks(s), want, "{s:?}");
        }
    }

    fn has(s: &str, opts: FeatureOptions, feat: &str) -> bool {
        let mut f = Vec::new();
        features_with(s, opts, None, &mut f);
        f.binary_search(&feature_hash(feat)).is_ok()
    }

    #[test]
    fn feature_cases() {
        let plain = FeatureOptions::default();
        let masked = FeatureOptions {
            mask_caps: true,
            ..FeatureOptions::default()
        };
        let cases: &[(&str, FeatureOptions, &str, bool)] = &[
            ("Taxes rose 12% in 1993.", plain, "f:percent", true),
            ("Taxes rose 12% in 1993.", plain, "f:year", true),
            ("Taxes rose 12% in 1993.", plain, "w:<num>", true),
            ("Taxes rose 12% in 1993.", plain, "b:in <year>", true),
            ("Taxes rose 12% in 1993.", plain, "f:ed", false),
            ("We cut $3 billion.", plain, "f:money", true),
            ("We cut $3 billion.", plain, "f:p1", true),
            ("We cut $3 billion.", plain, "f:magnitude", true),
            ("Senator Smith voted against it.", plain, "w:smith", true),
            ("Senator Smith voted against it.", plain, "f:caps1", true),
            ("Senator Smith voted against it.", masked, "w:smith", false),
            (
                "Senator Smith voted against it.",
                masked,
                "b:senator <cap>",
                true,
            ),
            ("Senator Smith voted against it.", plain, "f:ed", true),
            ("What will you do?", plain, "f:question", true),
            ("What will you do?", plain, "f:future", true),
            ("What will you do?", plain, "f:p2", true),
            ("What will you do?", plain, "f:len1-4", true),
            (
                "It is the largest deficit ever.",
                plain,
                "f:superlative",
                true,
            ),
            ("It is bigger than that.", plain, "f:comparative", true),
            ("I think so.", plain, "f:cognition", true),
            ("I think so.", masked, "w:i", true),
            ("x", plain, "bias", true),
        ];
        for (s, o, feat, want) in cases {
            assert_eq!(has(s, *o, feat), *want, "{s:?} {feat}");
        }
    }

    #[test]
    fn tags_add_features_only_when_aligned() {
        let s = "Taxes rose.";
        let o = FeatureOptions::default();
        let mut f = Vec::new();
        features_with(s, o, Some(&["NNS", "VBD", "."]), &mut f);
        assert!(f.binary_search(&feature_hash("tt:NNS VBD")).is_ok());
        let mut g = Vec::new();
        features_with(s, o, Some(&["NNS"]), &mut g);
        let mut h = Vec::new();
        features_with(s, o, None, &mut h);
        assert_eq!(g, h);
    }

    #[test]
    fn threshold_cases() {
        let cases: &[(&[(f32, bool)], f32)] = &[
            (
                &[(0.9, true), (0.8, true), (0.3, false), (0.1, false)],
                0.55,
            ),
            (&[(0.9, false), (0.8, true), (0.3, false)], 0.55),
        ];
        for (s, t) in cases {
            assert!((best_threshold(s).0 - t).abs() < 1e-6, "{s:?}");
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let data: Vec<(String, bool)> = (0..60)
            .map(|i| match i % 3 {
                0 => (format!("Spending grew {i} percent since 1990."), true),
                1 => ("Thank you very much.".to_string(), false),
                _ => ("I think we should talk about it.".to_string(), false),
            })
            .collect();
        let o = TrainOptions {
            folds: 3,
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train(&data, &o);
        assert_eq!(a, train(&data, &o));
        let m = CheckWorthiness::from_bytes(&a).unwrap();
        assert!(m.is_checkworthy("Spending grew 7 percent since 2001."));
        assert!(!m.is_checkworthy("Thank you."));
        assert!(CheckWorthiness::from_bytes(b"CLW1").is_err());
    }
}
