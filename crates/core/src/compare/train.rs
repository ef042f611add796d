//! Fitting the alignment model: logistic regression over
//! [`super::FEATURE_NAMES`], deterministic (full-batch gradient descent from
//! zero, fixed steps), and the thresholds that turn its probability into
//! "aligned" and "agrees".

use super::{N_COUNTERPART, N_FEATURES};

/// Features whose weight may not be negative: the cosines, BM25, shared
/// entities, shared terms, the rarest shared term, agreeing values, the
/// named speaker, shared event wording, shared places and actors, agreeing
/// dates, values of the same kind.
pub const MONOTONE: [usize; 13] = [1, 3, 4, 5, 6, 7, 12, 13, 15, 16, 17, 18, 20];

/// One training example: a claim and a statement, and whether the statement
/// states the claim's fact.
#[derive(Clone, Debug)]
pub struct Row {
    /// Features ([`super::FEATURE_NAMES`]).
    pub features: [f32; N_FEATURES],
    /// A gold counterpart.
    pub label: bool,
}

/// L2-regularised logistic regression by full-batch gradient descent:
/// the same rows give the same weights. The weights of the evidence
/// features ([`MONOTONE`]) are kept at zero or above: more shared wording,
/// entities or agreeing values never make a statement less likely.
///
/// ```
/// use claimlens_core::compare::{fit, Row, N_FEATURES};
/// let mut rows = Vec::new();
/// for k in 0..40 {
///     let mut f = [0.0; N_FEATURES];
///     f[0] = 1.0;
///     f[1] = k as f32 / 40.0;
///     rows.push(Row { features: f, label: k >= 20 });
/// }
/// let w = fit(&rows, 1e-3, 2000);
/// assert!(w[1] > 0.0);
/// ```
pub fn fit(rows: &[Row], l2: f32, steps: usize) -> [f32; N_FEATURES] {
    let mut w = [0.0f32; N_FEATURES];
    if rows.is_empty() {
        return w;
    }
    let n = rows.len() as f32;
    let pos = rows.iter().filter(|r| r.label).count().max(1) as f32;
    // Balance the classes: a counterpart is rare among candidates.
    let w_pos = (n - pos).max(1.0) / pos;
    let rate = 0.5;
    for _ in 0..steps {
        let mut g = [0.0f32; N_FEATURES];
        let mut total = 0.0f32;
        for r in rows {
            let z: f32 = r.features.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let (y, cw) = if r.label { (1.0, w_pos) } else { (0.0, 1.0) };
            for (gi, fi) in g.iter_mut().zip(&r.features) {
                *gi += cw * (p - y) * fi;
            }
            total += cw;
        }
        for (k, (wi, gi)) in w.iter_mut().zip(&g).enumerate() {
            let reg = if k == 0 { 0.0 } else { l2 * *wi };
            *wi -= rate * (gi / total + reg);
            if MONOTONE.contains(&k) {
                *wi = wi.max(0.0);
            }
        }
    }
    w
}

/// L2-regularised logistic regression by full-batch gradient descent from
/// zero (deterministic), classes balanced; the first feature is the bias
/// (not regularised); the weights of the features in `monotone` are kept
/// at zero or above. For the counterpart decision.
pub fn fit_logistic<const N: usize>(
    rows: &[([f32; N], bool)],
    l2: f32,
    steps: usize,
    monotone: &[usize],
) -> [f32; N] {
    let mut w = [0.0f32; N];
    if rows.is_empty() {
        return w;
    }
    let n = rows.len() as f32;
    let pos = rows.iter().filter(|r| r.1).count().max(1) as f32;
    let w_pos = (n - pos).max(1.0) / pos;
    let rate = 0.2;
    for _ in 0..steps {
        let mut g = [0.0f32; N];
        let mut total = 0.0f32;
        for (x, y) in rows {
            let z: f32 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let (y, cw) = if *y { (1.0, w_pos) } else { (0.0, 1.0) };
            for (gi, fi) in g.iter_mut().zip(x) {
                *gi += cw * (p - y) * fi;
            }
            total += cw;
        }
        for (k, (wi, gi)) in w.iter_mut().zip(&g).enumerate() {
            let reg = if k == 0 { 0.0 } else { l2 * *wi };
            *wi -= rate * (gi / total + reg);
            if monotone.contains(&k) {
                *wi = wi.max(0.0);
            }
        }
    }
    w
}

/// Counterpart features whose weight may not be negative: the ranking
/// score and its margin, and the best statement's evidence (cosines, BM25,
/// entities, event wording, agreeing dates, values of the same kind): more
/// evidence never makes a counterpart less likely.
pub const COUNTERPART_MONOTONE: [usize; 10] = [1, 2, 4, 5, 6, 7, 8, 9, 12, 13];

/// Choose the alignment threshold: over `(best probability, its statement
/// is a gold counterpart, the claim has a counterpart)` per gold claim,
/// the threshold that maximises the lower of top-alignment accuracy and the
/// "no reference" rate (ties: the lower threshold): neither is bought with
/// the other.
pub fn fit_thresholds(best: &[(f32, bool, bool)]) -> (f32, f64, f64) {
    let with = best.iter().filter(|b| b.2).count().max(1) as f64;
    let without = best.iter().filter(|b| !b.2).count().max(1) as f64;
    let mut out = (0.5, 0.0, 0.0);
    let mut best_m = f64::MIN;
    for k in 1..100 {
        let t = k as f32 / 100.0;
        let top = best.iter().filter(|b| b.2 && b.1 && b.0 >= t).count() as f64 / with;
        let none = best.iter().filter(|b| !b.2 && b.0 < t).count() as f64 / without;
        let m = top.min(none);
        if m > best_m + 1e-9 {
            best_m = m;
            out = (t, top, none);
        }
    }
    out
}

/// Everything `fitted.rs` holds.
#[derive(Clone, Debug)]
pub struct Fitted {
    /// Ranking weights over [`super::FEATURE_NAMES`].
    pub weights: [f32; N_FEATURES],
    /// Counterpart weights over [`super::COUNTERPART_FEATURE_NAMES`].
    pub counterpart: [f32; N_COUNTERPART],
    /// Counterpart probability from which a source's best statement is aligned.
    pub counterpart_min: f32,
    /// "Agrees" without compared values from this counterpart probability.
    pub agree: f32,
    /// Agreeing values make "agrees" from this counterpart probability.
    pub values: f32,
    /// A differing value makes "differs" from this counterpart probability.
    pub differs: f32,
}

/// The text of `fitted.rs` for these weights and thresholds.
pub fn render_fitted(f: &Fitted, provenance: &str) -> String {
    let ws: Vec<String> = f.weights.iter().map(|x| format!("{x:.4}")).collect();
    let vs: Vec<String> = f.counterpart.iter().map(|x| format!("{x:.4}")).collect();
    let (align, agree, values, differs) = (f.counterpart_min, f.agree, f.values, f.differs);
    format!(
        "//! Alignment weights and thresholds fitted on dev data by\n\
         //! `claimlens train compare` (crates/cli/src/compare_eval.rs), which\n\
         //! rewrites this file. Do not edit by hand.\n\
         //!\n\
         //! {provenance}\n\
         \n\
         use super::{{N_COUNTERPART, N_FEATURES}};\n\
         \n\
         /// Ranking weights (logistic) over [`super::FEATURE_NAMES`]: which\n\
         /// statement of a source is the best candidate.\n\
         #[rustfmt::skip]\n\
         pub const WEIGHTS: [f32; N_FEATURES] = [\n    {},\n];\n\
         /// Counterpart weights (logistic) over\n\
         /// [`super::COUNTERPART_FEATURE_NAMES`]: whether the source states the\n\
         /// claim's fact at all.\n\
         #[rustfmt::skip]\n\
         pub const COUNTERPART_WEIGHTS: [f32; N_COUNTERPART] = [\n    {},\n];\n\
         /// A source's best statement is aligned with a claim from this\n\
         /// counterpart probability.\n\
         pub const COUNTERPART_MIN: f32 = {align:.2};\n\
         /// An aligned statement without a differing value \"agrees\" from this\n\
         /// counterpart probability (below it, it \"adds context\").\n\
         pub const AGREE_MIN: f32 = {agree:.2};\n\
         /// Agreeing values make the statement \"agree\" from this counterpart\n\
         /// probability (below it, it \"adds context\").\n\
         pub const VALUES_MIN: f32 = {values:.2};\n\
         /// A differing value makes the statement \"differ\" from this\n\
         /// counterpart probability (below it, it \"adds context\").\n\
         pub const DIFFERS_MIN: f32 = {differs:.2};\n",
        ws.join(", "),
        vs.join(", ")
    )
}
