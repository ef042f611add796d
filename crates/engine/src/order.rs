//! One sort for the engine and the web app.
//!
//! Every `sort_by` with its own closure compiles its own copy of the standard
//! sort (several KB each in a wasm build), and a hand-written insertion sort
//! is one more thing to get right. Here every ordering is expressed as a
//! `u64` key and sorted through a single instance over `(u64, u32)` pairs;
//! the index in the pair makes the result stable. (Plain lists of integers
//! sorted by their own order use `sort_unstable`; the one ordering no `u64`
//! holds, the hedging lexicon's patterns by length then text, keeps a
//! `sort_by`.)
//!
//! ```
//! use claimlens_engine::order::{f32_key, sort_by_key};
//!
//! // Scores, highest first; equal scores keep their order.
//! let mut v = vec![(0.5f32, 'a'), (0.9, 'b'), (0.5, 'c')];
//! sort_by_key(&mut v, |x| !u64::from(f32_key(x.0)));
//! assert_eq!(v, [(0.9, 'b'), (0.5, 'a'), (0.5, 'c')]);
//! ```

/// Sorts `v` stably by `key`, ascending.
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<(u64, u32)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x), i as u32))
        .collect();
    sort_pairs(&mut keys);
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keys.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

/// Sorts `(key, tie)` pairs ascending: the one sort instance the crate uses.
pub fn sort_pairs(v: &mut [(u64, u32)]) {
    v.sort_unstable();
}

/// A `u64` whose order is the total order of `f` (as `f64::total_cmp`).
pub fn f64_key(f: f64) -> u64 {
    let b = f.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | 1 << 63
    }
}

/// A `u32` whose order is the total order of `f` (as `f32::total_cmp`).
pub fn f32_key(f: f32) -> u32 {
    let b = f.to_bits();
    if b >> 31 == 1 {
        !b
    } else {
        b | 1 << 31
    }
}

/// Saturates a count or position into `bits` bits, for packing into a key.
pub fn field(x: usize, bits: u32) -> u64 {
    (x as u64).min((1u64 << bits) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn float_keys_follow_total_order() {
        let xs = [-f64::INFINITY, -2.5, -0.0, 0.0, 1e-300, 3.0, f64::INFINITY];
        for w in xs.windows(2) {
            assert!(f64_key(w[0]) < f64_key(w[1]), "{} < {}", w[0], w[1]);
        }
    }

    #[test]
    fn fields_saturate() {
        assert_eq!(field(5, 8), 5);
        assert_eq!(field(300, 8), 255);
    }
}
