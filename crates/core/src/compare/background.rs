//! Background document frequencies: how rare a term is in general English
//! (sentences of the openly licensed EWT and GUM treebanks), so that a
//! workspace of two short articles still knows that "said" is common and
//! "bankruptcy" is not. Shipped as `idf.clw` (one weight per hashed term,
//! the IDF); without it the engine uses the workspace's own frequencies.

use std::sync::OnceLock;

use crate::weights::{feature_hash, Weights};

static INSTALLED: OnceLock<Weights> = OnceLock::new();

/// Install `idf.clw` from its bytes; false when they are not a valid table.
pub fn install(bytes: &[u8]) -> bool {
    let Ok(w) = Weights::from_bytes(bytes) else {
        return false;
    };
    if w.header("model") != Some("idf") {
        return false;
    }
    let _ = INSTALLED.set(w);
    true
}

/// The background IDF of a stemmed term, when the table is installed: the
/// table's value, or the highest IDF for a term it does not hold.
pub fn idf(term: &str) -> Option<f32> {
    let w = INSTALLED.get()?;
    let max: f32 = w.header("max").and_then(|m| m.parse().ok()).unwrap_or(10.0);
    Some(match w.get_sorted(feature_hash(term)) {
        Some(q) => q[0] as f32 * w.scale(),
        None => max,
    })
}

/// Build the table: `sentences` are texts; the IDF of a term is
/// `ln((1 + n) / (1 + df)) + 1` over them; terms seen in fewer than
/// `min_df` sentences are left out (they take the highest IDF).
pub fn build(sentences: &[String], min_df: usize, data_hash: &str) -> Vec<u8> {
    use std::collections::{BTreeMap, HashMap};
    let mut df: HashMap<String, usize> = HashMap::new();
    for s in sentences {
        let toks = crate::text::tokenize(s);
        let mut seen: Vec<String> = toks
            .iter()
            .filter_map(|t| super::terms::term_of(t, s))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = sentences.len() as f32;
    let f = |d: usize| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0;
    let max = f(0);
    let mut terms: Vec<(&String, &usize)> = df.iter().filter(|(_, &d)| d >= min_df).collect();
    terms.sort();
    let entries: Vec<(u32, Vec<f32>)> = terms
        .into_iter()
        .map(|(t, &d)| (feature_hash(t), vec![f(d)]))
        .collect();
    let header: BTreeMap<String, String> = [
        ("model", "idf".to_string()),
        ("labels", "idf".to_string()),
        ("data", data_hash.to_string()),
        ("seed", "0".to_string()),
        ("epochs", "0".to_string()),
        ("max", format!("{max:.3}")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    crate::weights::write(&header, max / 127.0, &entries)
}
