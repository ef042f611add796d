//! Long documents analysed piece by piece, so a caller (the browser's main
//! thread) can yield between pieces, show progress and cancel.
//!
//! The text is cut at paragraph breaks (a blank line) near every
//! [`CHUNK_BYTES`]; each piece is analysed on its own ([`analyse_text`]), in
//! two steps (its entities, then its claims, so a step holds the thread for
//! about half a piece's analysis), and the pieces are merged: spans and indices shifted, entities with the same
//! id joined, then ordered as [`crate::analyse`] orders them. What
//! a piece cannot see is context across a cut: a surname in one piece is
//! joined to a full name in another only when their ids agree.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::chunked::Chunked;
//! let text = "Ada Lovelace wrote from London.\n\n".repeat(2000);
//! let mut job = Chunked::new(&text, 8_192);
//! while !job.step(&text) {
//!     let (done, total) = job.progress();
//!     assert!(done <= total);
//! }
//! let a = job.finish();
//! assert_eq!(a.mentions.len(), 4000);
//! assert_eq!(a.entities.len(), 2);
//! ```

use super::claims;
use super::entities::{extract_text, Analysis};
use super::hash::FxMap;
use super::order;
use super::span::Span;
use super::text::tokenize;

/// Documents longer than this are best analysed in pieces (bytes): in the
/// browser, the whole analysis of a longer one would hold the main thread
/// past 50 ms (it runs at about 1–2 MB/s in wasm; `BENCHMARKS.md`).
pub const CHUNKED_ABOVE: usize = 48 * 1024;

/// Target size of a piece (bytes): some 25 ms of analysis in the browser
/// (about 0.5 MB/s in wasm, `BENCHMARKS.md`), in two steps of about half
/// that ([`Chunked::step`]), and long enough (some 2,000 words) that most names, and the
/// speakers of most quotations, are seen with their context.
pub const CHUNK_BYTES: usize = 12 * 1024;

/// Entities and claims of `text` in one go (no `Document` needed).
pub fn analyse_text(text: &str) -> Analysis {
    let mut a = extract_text(text);
    a.claims = claims::find(text, &a);
    a
}

/// Where to cut `text` into pieces of about `chunk` bytes (at least 1,024):
/// the offsets of the pieces' starts, then the text's length. Each cut
/// falls after a blank line, else a line break, else a space, else on a
/// character boundary: never inside a word.
pub fn cuts(text: &str, chunk: usize) -> Vec<usize> {
    let chunk = chunk.max(1024);

    let mut cuts = vec![0];
    let mut at = 0;
    while text.len() - at > chunk + chunk / 2 {
        let mut lo = at + chunk;
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = text.len().min(lo + chunk / 2);
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let window = &text[lo..hi];
        // A blank line, else a line break, else a space: never inside a word.
        let cut = window
            .find("\n\n")
            .map(|i| lo + i + 2)
            .or_else(|| window.find('\n').map(|i| lo + i + 1))
            .or_else(|| window.find(' ').map(|i| lo + i + 1))
            .unwrap_or(lo);
        cuts.push(cut);
        at = cut;
    }
    cuts.push(text.len());
    cuts
}

/// A long analysis in steps.
pub struct Chunked {
    cuts: Vec<usize>,
    next: usize,
    tokens: usize,
    merged: Analysis,
    /// Entity id → its index in `merged.entities`.
    ids: FxMap<String, usize>,
    /// The next piece's entities, found by the last step; its claims are
    /// the next step's.
    part: Option<Analysis>,
}

impl Chunked {
    /// Plan the pieces of `text`, each about `chunk` bytes, cut after a blank
    /// line (else a line break, else a space, else on a character boundary).
    pub fn new(text: &str, chunk: usize) -> Chunked {
        Chunked {
            cuts: cuts(text, chunk),
            next: 0,
            tokens: 0,
            merged: Analysis::default(),
            ids: FxMap::default(),
            part: None,
        }
    }

    /// Bytes analysed so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.cuts[self.next], *self.cuts.last().unwrap_or(&0))
    }

    /// Analyse the next step of `text` (the same text as given to
    /// [`Chunked::new`]): a piece's entities, or its claims (which completes
    /// it); true when all pieces are done.
    pub fn step(&mut self, text: &str) -> bool {
        if self.next + 1 >= self.cuts.len() {
            return true;
        }
        let (from, to) = (self.cuts[self.next], self.cuts[self.next + 1]);
        let piece = &text[from..to];
        let Some(mut part) = self.part.take() else {
            self.part = Some(extract_text(piece));
            return false;
        };
        part.claims = claims::find(piece, &part);
        let total = *self.cuts.last().unwrap_or(&0);
        self.absorb(part, from, (to, total));
        self.tokens += tokenize(piece).len();
        self.next += 1;
        self.next + 1 >= self.cuts.len()
    }

    /// Merge `part`, the analysis of the piece at `off`; `(done, total)`
    /// are the bytes analysed with it and in all, to size the merged lists.
    fn absorb(&mut self, part: Analysis, off: usize, (done, total): (usize, usize)) {
        let shift = |s: Span| Span::new(s.start + off, s.end + off);
        let m = &mut self.merged;
        reserve_projected(&mut m.sentences, part.sentences.len(), done, total);
        reserve_projected(&mut m.mentions, part.mentions.len(), done, total);
        reserve_projected(&mut m.claims, part.claims.len(), done, total);
        let (sent0, ment0) = (m.sentences.len(), m.mentions.len());
        // Entity index in the part → in the merged analysis.
        let mut map = Vec::with_capacity(part.entities.len());
        for e in part.entities {
            let i = match self.ids.get(&e.id) {
                Some(&i) => i,
                None => {
                    self.ids.insert(e.id.clone(), m.entities.len());
                    m.entities.push(super::Entity {
                        mentions: Vec::new(),
                        aliases: Vec::new(),
                        related: Vec::new(),
                        ..e.clone()
                    });
                    m.entities.len() - 1
                }
            };
            let into = &mut m.entities[i];
            into.mentions.extend(e.mentions.iter().map(|k| k + ment0));
            for a in e.aliases {
                if !into.aliases.contains(&a) {
                    into.aliases.push(a);
                }
            }
            for r in e.related {
                if !into.related.contains(&r) {
                    into.related.push(r);
                }
            }
            map.push(i);
        }
        for mut s in part.sentences {
            s.span = shift(s.span);
            s.first_token += self.tokens;
            s.end_token += self.tokens;
            m.sentences.push(s);
        }
        for mut x in part.mentions {
            x.span = shift(x.span);
            x.entity = map[x.entity];
            m.mentions.push(x);
        }
        for mut c in part.claims {
            c.span = shift(c.span);
            c.sentence += sent0;
            c.cue = c.cue.map(shift);
            for v in [
                &mut c.hedges,
                &mut c.boosters,
                &mut c.opinion,
                &mut c.negations,
            ] {
                v.iter_mut().for_each(|s| *s = shift(*s));
            }
            c.mentions.iter_mut().for_each(|k| *k += ment0);
            for p in &mut c.per_unit {
                p.mention += ment0;
                p.span = shift(p.span);
            }
            match &mut c.speaker {
                claims::Speaker::Entity { entity, span, .. } => {
                    *entity = map[*entity];
                    *span = shift(*span);
                }
                claims::Speaker::Unnamed { span } => *span = span.map(shift),
                claims::Speaker::Author | claims::Speaker::Unknown => {}
            }
            m.claims.push(c);
        }
    }

    /// The merged analysis, entities most mentioned first (then by first
    /// mention), as a whole-document analysis orders them.
    pub fn finish(self) -> Analysis {
        let mut a = self.merged;
        let n = a.entities.len();
        let mut order: Vec<usize> = (0..n).collect();
        order::sort_by_key(&mut order, |&e| {
            let ms = &a.entities[e].mentions;
            (!order::field(ms.len(), 32)) << 32 | order::field(ms.first().copied().unwrap_or(0), 32)
        });
        let mut new_index = vec![0; n];
        for (ni, &e) in order.iter().enumerate() {
            new_index[e] = ni;
        }
        let mut old: Vec<Option<super::Entity>> = a.entities.drain(..).map(Some).collect();
        a.entities = order.iter().filter_map(|&e| old[e].take()).collect();
        for x in &mut a.mentions {
            x.entity = new_index[x.entity];
        }
        for c in &mut a.claims {
            if let claims::Speaker::Entity { entity, .. } = &mut c.speaker {
                *entity = new_index[*entity];
            }
        }
        a
    }
}

/// Make room in `list` for `adding` more items, sized for the whole text
/// when it must grow: the count so far projected from the `done` bytes to
/// the `total`, plus a sixteenth. A merged list grown by doubling would hold
/// up to twice what it needs once the text is done, and each doubling
/// holds the old list and the new at once; sized this way a long document
/// grows each list about once (a wasm memory never gives back what it took).
fn reserve_projected<T>(list: &mut Vec<T>, adding: usize, done: usize, total: usize) {
    let need = list.len() + adding;
    if need <= list.capacity() {
        return;
    }
    let projected = (need as u64 * total.max(done) as u64 / done.max(1) as u64) as usize;
    let want = projected.saturating_add(projected / 16).max(need);
    list.reserve_exact(want - list.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_lists_are_sized_from_the_share_analysed() {
        // (already held, capacity, adding, done, total) → capacity after
        for (len, cap, adding, done, total, want) in [
            (0, 0, 10, 100, 1000, 106),     // a tenth done: ten times, and a sixteenth
            (90, 106, 10, 900, 1000, 106),  // room left: unchanged
            (100, 106, 20, 950, 1000, 133), // outgrown: re-projected
            (0, 0, 5, 1000, 1000, 5),       // all done: what it holds
            (0, 0, 0, 0, 1000, 0),          // nothing yet
        ] {
            let mut v: Vec<u8> = Vec::with_capacity(cap);
            v.resize(len, 0);
            reserve_projected(&mut v, adding, done, total);
            assert!(
                v.capacity() >= want.max(len + adding),
                "{len} {cap} {adding}: {}",
                v.capacity()
            );
            assert!(
                v.capacity() <= want.max(cap) + 8,
                "{len} {cap} {adding}: {}",
                v.capacity()
            );
        }
    }
    use crate::DEFAULT_TEXT;

    #[test]
    fn pieces_of_repeated_text_merge_into_the_whole_analysis() {
        crate::frontcode::install_bundled();
        let text = format!("{DEFAULT_TEXT}\n\n").repeat(12);
        let whole = analyse_text(&text);
        let mut job = Chunked::new(&text, 8 * 1024);
        let mut steps = 0;
        while !job.step(&text) {
            steps += 1;
        }
        assert!(steps >= 8, "{steps} steps");
        let a = job.finish();
        let spans = |a: &Analysis| a.mentions.iter().map(|m| m.span).collect::<Vec<_>>();
        assert_eq!(spans(&a), spans(&whole));
        let ids = |a: &Analysis| {
            let mut v: Vec<String> = a.entities.iter().map(|e| e.id.clone()).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(ids(&a), ids(&whole));
        for m in &a.mentions {
            assert_eq!(a.entities[m.entity].label, m.label);
            assert!(a.entities[m.entity]
                .mentions
                .iter()
                .any(|&k| a.mentions[k].span == m.span));
        }
        assert_eq!(a.claims.len(), whole.claims.len());
        for (c, w) in a.claims.iter().zip(&whole.claims) {
            assert_eq!(
                (c.span, c.sentence, &c.mentions),
                (w.span, w.sentence, &w.mentions)
            );
        }
        for s in &a.sentences {
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        assert_eq!(
            a.sentences
                .iter()
                .map(|s| (s.first_token, s.end_token))
                .collect::<Vec<_>>(),
            whole
                .sentences
                .iter()
                .map(|s| (s.first_token, s.end_token))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn tokens_of_the_pieces_are_the_tokens_of_the_whole() {
        // What the comparison's preparation relies on (spans and kinds).
        let texts = [
            format!("{DEFAULT_TEXT}\n\n").repeat(12),
            "- A list item, 3.5 km.\n- U.S. officials said .5 of 1,000.\n".repeat(900),
            "Zoë ßtraße 🇺🇦 “quoted” e.g. 12:30 ".repeat(3000),
        ];
        for text in &texts {
            let whole = tokenize(text);
            let cuts = cuts(text, 2048);
            let mut pieces = Vec::new();
            for w in cuts.windows(2) {
                pieces.extend(tokenize(&text[w[0]..w[1]]).into_iter().map(|mut t| {
                    t.span = Span::new(t.span.start + w[0], t.span.end + w[0]);
                    t
                }));
            }
            let key =
                |v: &[crate::text::Token]| v.iter().map(|t| (t.span, t.kind)).collect::<Vec<_>>();
            assert_eq!(key(&pieces), key(&whole));
        }
    }

    #[test]
    fn cuts_fall_on_character_boundaries_without_blank_lines() {
        crate::frontcode::install_bundled();
        let text = "Zoë ßtraße 🇺🇦 ".repeat(5000);
        let mut job = Chunked::new(&text, 2048);
        while !job.step(&text) {}
        let (done, total) = job.progress();
        assert_eq!(done, total);
        assert_eq!(total, text.len());
        let _ = job.finish();
    }
}
