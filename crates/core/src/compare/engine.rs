//! The alignment engine behind [`super::Workspace::compare`].

use std::collections::HashMap;

use super::terms::{bm25, fold, idf, term_of};
use super::values::{comparable, distance, values_agree};
use super::*;

/// Per-document preparation: tokens, a term id per token, a global entity
/// cluster per mention, and the context terms of each value mention.
struct Prep {
    tokens: Vec<Token>,
    terms: Vec<Option<u32>>,
    cluster: Vec<Option<u32>>,
    context: Vec<Ctx>,
}

/// A scored statement: score, sentence id, entity score, lexical score, values.
type Cand = (f32, u32, f32, f32, Vec<ValuePair>);

/// The words around a value: all of them (sorted), and the nearest one on
/// each side.
#[derive(Default)]
struct Ctx {
    full: Vec<u32>,
    near: [Option<u32>; 2],
}

impl Ctx {
    /// Whether two values' contexts say they count the same thing.
    fn meets(&self, other: &Ctx, counts: bool) -> bool {
        if !counts {
            return shares(&self.full, &other.full);
        }
        let near = |a: &Ctx, b: &Ctx| {
            a.near
                .iter()
                .flatten()
                .any(|t| b.full.binary_search(t).is_ok())
        };
        near(self, other)
            || near(other, self)
            || self
                .full
                .iter()
                .filter(|t| other.full.binary_search(t).is_ok())
                .count()
                >= 2
    }
}

/// A sentence of a source, indexed for scoring.
struct RefSent {
    source: usize,
    sentence: usize,
    span: Span,
    len: f32,
    /// Mentions inside the sentence (a range of the source's mentions).
    mentions: std::ops::Range<usize>,
}

#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    fn id(&mut self, w: String) -> u32 {
        if let Some(&i) = self.ids.get(&w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.ids.insert(w.clone(), i);
        self.words.push(w);
        i
    }
}

/// Union-find over entity nodes.
struct Dsu(Vec<u32>);

impl Dsu {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let p = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = p;
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi as usize] = lo;
        }
    }
}

fn is_named(l: Label) -> bool {
    matches!(
        l,
        Label::Person | Label::Org | Label::Place | Label::Norp | Label::Event
    )
}

/// A folded name with single spaces ("U.S." → "us", "Türkiye" → "turkiye").
fn norm_name(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for w in f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.strip_prefix("the ").map(str::to_string).unwrap_or(out)
}

/// Initials of the capitalised words of a multi-word name ("North Atlantic
/// Treaty Organization" → "nato").
fn acronym(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let a: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .map(super::terms::lower_char)
        .collect();
    (a.len() >= 2).then_some(a)
}

/// Cross-document keys of an entity: class prefix plus folded names.
fn entity_keys(e: &crate::Entity) -> Vec<String> {
    let mut keys = Vec::new();
    if e.label == Label::Norp {
        if let Some(r) = e.related.iter().find(|r| r.kind == RelationKind::DemonymOf) {
            keys.push(format!("x:{}", norm_name(&r.name)));
            return keys;
        }
    }
    let class = match e.label {
        Label::Person => "p:",
        Label::Norp => "n:",
        _ => "x:",
    };
    let mut push = |k: String| {
        if k.len() > 2 && !keys.contains(&k) {
            keys.push(k);
        }
    };
    push(format!("{class}{}", norm_name(&e.name)));
    for a in &e.aliases {
        push(format!("{class}{}", norm_name(a)));
    }
    if e.label == Label::Person {
        if let Some(last) = norm_name(&e.name).rsplit(' ').next() {
            push(format!("p:{last}"));
        }
    } else if e.label == Label::Org {
        if let Some(a) = acronym(&e.name) {
            push(format!("x:{a}"));
        }
    }
    keys
}

/// Global cluster ids for the named entities of every document
/// (`[article, sources…]`), as `clusters[doc][entity]`.
fn clusters(docs: &[&Source]) -> Vec<Vec<Option<u32>>> {
    let mut node_of: Vec<Vec<Option<u32>>> = Vec::new();
    let mut keys_of: Vec<Vec<String>> = Vec::new();
    let mut key_node: HashMap<String, u32> = HashMap::new();
    let mut dsu = Dsu(Vec::new());
    let mut single: Vec<(u32, String)> = Vec::new();
    for d in docs {
        let mut row = Vec::with_capacity(d.analysis.entities.len());
        for e in &d.analysis.entities {
            if !is_named(e.label) {
                row.push(None);
                continue;
            }
            let node = dsu.0.len() as u32;
            dsu.0.push(node);
            let keys = entity_keys(e);
            for k in &keys {
                match key_node.get(k) {
                    Some(&other) => dsu.union(node, other),
                    None => {
                        key_node.insert(k.clone(), node);
                    }
                }
            }
            let n = norm_name(&e.name);
            if e.label == Label::Person && !n.contains(' ') {
                single.push((node, n));
            }
            keys_of.push(keys);
            row.push(Some(node));
        }
        node_of.push(row);
    }
    // A lone name ("Xi") meets the one full name whose first word it is.
    if !single.is_empty() {
        let mut first: HashMap<String, Vec<u32>> = HashMap::new();
        for keys in &keys_of {
            if let Some(full) = keys.first().and_then(|k| k.strip_prefix("p:")) {
                if let Some((f, _)) = full.split_once(' ') {
                    let node = key_node[&keys[0]];
                    first.entry(f.to_string()).or_default().push(node);
                }
            }
        }
        for (node, name) in single {
            if let Some(nodes) = first.get(&name) {
                let mut roots: Vec<u32> = nodes.iter().map(|&n| dsu.find(n)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    dsu.union(node, roots[0]);
                }
            }
        }
    }
    node_of
        .into_iter()
        .map(|row| row.into_iter().map(|n| n.map(|n| dsu.find(n))).collect())
        .collect()
}

/// Index of the first token starting at or after `byte`.
fn token_at(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| t.span.start < byte)
}

/// Punctuation and conjunctions that end a value's context; a comma only
/// once two terms are taken ("Sweden, which lasted 21 years" reaches
/// "Sweden").
fn is_barrier(t: &Token, text: &str, taken: usize) -> bool {
    match t.text(text) {
        "," => taken >= 2,
        w => matches!(
            w,
            ";" | ":" | "(" | ")" | "and" | "or" | "but" | "while" | "whereas"
        ),
    }
}

fn prepare(src: &Source, clusters: &[Option<u32>], vocab: &mut Vocab) -> Prep {
    let text = &src.doc.text;
    let tokens = tokenize(text);
    let terms: Vec<Option<u32>> = tokens
        .iter()
        .map(|t| term_of(t, text).map(|w| vocab.id(w)))
        .collect();
    let a = &src.analysis;
    let cluster = a
        .mentions
        .iter()
        .map(|m| clusters.get(m.entity).copied().flatten())
        .collect();
    let context = a
        .mentions
        .iter()
        .map(|m| {
            if m.value.is_none() {
                return Ctx::default();
            }
            let first = token_at(&tokens, m.span.start);
            let end = token_at(&tokens, m.span.end);
            // The sentence bounds.
            let k = a.sentences.partition_point(|s| s.span.end <= m.span.start);
            let (lo, hi) = a
                .sentences
                .get(k)
                .filter(|s| s.span.contains(m.span))
                .map(|s| (s.first_token, s.end_token))
                .unwrap_or((0, tokens.len()));
            // Token indices from an analysis made elsewhere stay in range.
            let (lo, hi) = (lo.min(tokens.len()), hi.min(tokens.len()));
            let mut c = Ctx::default();
            let mut i = first;
            let mut k = 0;
            while i > lo && k < CONTEXT_TERMS && !is_barrier(&tokens[i - 1], text, k) {
                i -= 1;
                if let Some(t) = terms[i] {
                    c.near[0] = c.near[0].or(Some(t));
                    c.full.push(t);
                    k += 1;
                }
            }
            let (mut i, mut k) = (end, 0);
            while i < hi && k < CONTEXT_TERMS && !is_barrier(&tokens[i], text, k) {
                if let Some(t) = terms[i] {
                    c.near[1] = c.near[1].or(Some(t));
                    c.full.push(t);
                    k += 1;
                }
                i += 1;
            }
            c.full.sort_unstable();
            c.full.dedup();
            c
        })
        .collect();
    Prep {
        tokens,
        terms,
        cluster,
        context,
    }
}

/// Years between two dates (0 for other values or unreadable dates).
fn years_apart(a: &Value, b: &Value) -> i32 {
    let year = |v: &Value| match v {
        Value::Date { iso } => iso
            .get(..4)
            .and_then(|y| y.replace('X', "0").parse::<i32>().ok()),
        _ => None,
    };
    match (year(a), year(b)) {
        (Some(x), Some(y)) => (x - y).abs(),
        _ => 0,
    }
}

fn shares(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Pair the claim's values with the statement's: same kind, overlapping
/// context. One pair per claim value: an agreeing one if any, else the
/// nearest differing one.
fn pair_values(
    art: (&Source, &Prep),
    claim_values: &[usize],
    src: (&Source, &Prep),
    sent: &RefSent,
) -> Vec<ValuePair> {
    let mut out = Vec::new();
    for &cm in claim_values {
        let m = &art.0.analysis.mentions[cm];
        let Some(cv) = &m.value else { continue };
        let mut best: Option<(bool, f64, usize)> = None;
        for rm in sent.mentions.clone() {
            let r = &src.0.analysis.mentions[rm];
            let Some(rv) = &r.value else { continue };
            if !comparable(cv, rv)
                || years_apart(cv, rv) > DATE_PAIR_MAX_YEARS
                || !art.1.context[cm].meets(
                    &src.1.context[rm],
                    !matches!(cv, Value::Date { .. } | Value::Duration { .. }),
                )
            {
                continue;
            }
            let ok = values_agree(cv, rv);
            let d = distance(cv, rv);
            let better = match best {
                None => true,
                Some((bok, bd, _)) => (ok && !bok) || (ok == bok && d < bd),
            };
            if better {
                best = Some((ok, d, rm));
            }
        }
        if let Some((ok, _, rm)) = best {
            let r = &src.0.analysis.mentions[rm];
            out.push(ValuePair {
                claim: m.span,
                reference: r.span,
                claim_value: cv.clone(),
                reference_value: r.value.clone().expect("value"),
                agrees: ok,
            });
        }
    }
    out
}

pub(super) fn compare(ws: &Workspace) -> Comparison {
    let mut docs: Vec<&Source> = vec![&ws.article];
    docs.extend(ws.sources.iter());
    let cl = clusters(&docs);
    let mut vocab = Vocab::default();
    let preps: Vec<Prep> = docs
        .iter()
        .zip(&cl)
        .map(|(d, c)| prepare(d, c, &mut vocab))
        .collect();

    // Index the sources' sentences: term and entity postings.
    let mut sents: Vec<RefSent> = Vec::new();
    let mut term_post: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocab.words.len()];
    let mut ent_post: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut total_len = 0.0f32;
    for (si, src) in ws.sources.iter().enumerate() {
        let p = &preps[si + 1];
        let a = &src.analysis;
        let mut mi = 0;
        for (k, s) in a.sentences.iter().enumerate() {
            let id = sents.len() as u32;
            let mut ts: Vec<u32> = (s.first_token..s.end_token.min(p.tokens.len()))
                .filter_map(|i| p.terms[i])
                .collect();
            let len = ts.len() as f32;
            ts.sort_unstable();
            let mut i = 0;
            while i < ts.len() {
                let j = ts[i..].iter().take_while(|&&t| t == ts[i]).count();
                term_post[ts[i] as usize].push((id, j as f32));
                i += j;
            }
            while mi < a.mentions.len() && a.mentions[mi].span.start < s.span.start {
                mi += 1;
            }
            let m0 = mi;
            while mi < a.mentions.len() && a.mentions[mi].span.end <= s.span.end {
                mi += 1;
            }
            let mut cs: Vec<u32> = (m0..mi).filter_map(|m| p.cluster[m]).collect();
            cs.sort_unstable();
            cs.dedup();
            for c in cs {
                ent_post.entry(c).or_default().push(id);
            }
            total_len += len;
            sents.push(RefSent {
                source: si,
                sentence: k,
                span: s.span,
                len,
                mentions: m0..mi,
            });
        }
    }
    let n = sents.len();
    let idf_max = idf(n, 1);
    let avg = if n > 0 { total_len / n as f32 } else { 1.0 };

    let art = &ws.article;
    let ap = &preps[0];
    let mut lex = vec![0.0f32; n];
    let mut ent = vec![0.0f32; n];
    let mut hits = vec![0u16; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut claims_out = Vec::with_capacity(art.analysis.claims.len());
    for (ci, claim) in art.analysis.claims.iter().enumerate() {
        // Claim terms (unique) and their BM25 contributions.
        let t0 = token_at(&ap.tokens, claim.span.start);
        let t1 = token_at(&ap.tokens, claim.span.end);
        let mut cterms: Vec<u32> = (t0..t1).filter_map(|i| ap.terms[i]).collect();
        cterms.sort_unstable();
        cterms.dedup();
        let mut lex_den = 0.0;
        for &t in &cterms {
            let post = &term_post[t as usize];
            if post.is_empty() {
                lex_den += ABSENT_TERM_WEIGHT;
                continue;
            }
            let w = idf(n, post.len());
            lex_den += w;
            for &(s, tf) in post {
                if lex[s as usize] == 0.0 && ent[s as usize] == 0.0 {
                    touched.push(s);
                }
                lex[s as usize] += bm25(w, tf, sents[s as usize].len, avg);
                hits[s as usize] = hits[s as usize].saturating_add(1);
            }
        }
        // Claim entities (clusters) and their weights.
        // The named speaker is who says it, not what it is about: checked
        // separately (ATTRIBUTED_LEXICAL_MIN), not counted as a subject.
        let speaker_cluster = match &claim.speaker {
            crate::Speaker::Entity { entity, .. } => cl[0].get(*entity).copied().flatten(),
            _ => None,
        };
        let mut cclusters: Vec<u32> = claim
            .mentions
            .iter()
            .filter_map(|&m| ap.cluster.get(m).copied().flatten())
            .filter(|&c| Some(c) != speaker_cluster)
            .collect();
        cclusters.sort_unstable();
        cclusters.dedup();
        let mut ent_den = 0.0;
        for c in &cclusters {
            let post = ent_post.get(c).map(Vec::as_slice).unwrap_or(&[]);
            let w = idf(n, post.len());
            ent_den += w;
            for &s in post {
                if lex[s as usize] == 0.0 && ent[s as usize] == 0.0 {
                    touched.push(s);
                }
                ent[s as usize] += w;
            }
        }
        // The named speaker of an attributed claim.
        let speaker_sents: Option<&[u32]> =
            speaker_cluster.map(|c| ent_post.get(&c).map(Vec::as_slice).unwrap_or(&[]));
        // A source that names the speaker gains the speaker's weight (but a
        // source that does not loses nothing).
        if let Some(p) = speaker_sents {
            let w = idf(n, p.len());
            for &s in p {
                if lex[s as usize] == 0.0 && ent[s as usize] == 0.0 {
                    touched.push(s);
                }
                ent[s as usize] += w;
            }
        }
        let claim_values: Vec<usize> = claim
            .mentions
            .iter()
            .copied()
            .filter(|&m| art.analysis.mentions[m].value.is_some())
            .collect();

        // Best sentence per source.
        touched.sort_unstable();
        // Per source: the best statement, and the best one with values
        // compared (when that is another statement).
        let mut best: Vec<Option<Cand>> = vec![None; ws.sources.len()];
        let mut best_v: Vec<Option<Cand>> = vec![None; ws.sources.len()];
        for &s in &touched {
            let rs = &sents[s as usize];
            let l = if lex_den > 0.0 {
                (lex[s as usize] / lex_den).min(1.0)
            } else {
                0.0
            };
            let e = (ent[s as usize] / ent_den.max(idf_max)).min(1.0).sqrt();
            // Without entities in the claim, their weight goes to the wording.
            let base = if ent_den > 0.0 || e > 0.0 {
                W_ENTITY * e + W_LEXICAL * l
            } else {
                (W_ENTITY + W_LEXICAL) * l
            };
            if base + W_VALUE < MATCH_MIN {
                continue; // cannot reach a match even with values
            }
            let src = &ws.sources[rs.source];
            let pairs = if claim_values.is_empty() {
                Vec::new()
            } else {
                pair_values((art, ap), &claim_values, (src, &preps[rs.source + 1]), rs)
            };
            let v = if pairs.is_empty() { 0.0 } else { 1.0 };
            if l < LEXICAL_MIN && pairs.is_empty() {
                continue;
            }
            if pairs.is_empty() && e == 0.0 && (hits[s as usize] as usize) < MIN_SHARED_TERMS {
                continue;
            }
            if speaker_sents.is_some_and(|p| p.binary_search(&s).is_err())
                && l < ATTRIBUTED_LEXICAL_MIN
                && pairs.is_empty()
            {
                continue;
            }
            let score = base + W_VALUE * v;
            let has_values = !pairs.is_empty();
            let cand = (score, s, e, l, pairs);
            if has_values {
                let slot = &mut best_v[rs.source];
                if slot.as_ref().is_none_or(|b| score > b.0) {
                    *slot = Some(cand.clone());
                }
            }
            let slot = &mut best[rs.source];
            if slot.as_ref().is_none_or(|b| score > b.0) {
                *slot = Some(cand);
            }
        }
        for &s in &touched {
            lex[s as usize] = 0.0;
            ent[s as usize] = 0.0;
            hits[s as usize] = 0;
        }
        touched.clear();

        let mut alignments: Vec<Alignment> = Vec::new();
        let picked = best.into_iter().zip(best_v).flat_map(|(b, v)| {
            let v = v.filter(|v| b.as_ref().is_some_and(|b| b.1 != v.1));
            b.into_iter().chain(v)
        });
        for (score, s, e, l, values) in picked {
            if score < MATCH_MIN {
                continue;
            }
            let rs = &sents[s as usize];
            let src = &ws.sources[rs.source];
            let sp = &preps[rs.source + 1];
            alignments.push(explain(
                art, ap, claim, &cclusters, src, sp, rs, score, e, l, values, &vocab,
            ));
        }
        alignments.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.source.cmp(&b.source)));
        let relation = alignments
            .iter()
            .map(|a| a.relation)
            .min()
            .unwrap_or(Relation::NoReference);
        claims_out.push(ClaimAlignments {
            claim: ci,
            relation,
            alignments,
        });
    }
    Comparison {
        claims: claims_out,
        sources: ws.sources.len(),
    }
}

/// Build the alignment with its evidence.
#[allow(clippy::too_many_arguments)]
fn explain(
    art: &Source,
    ap: &Prep,
    claim: &crate::Claim,
    cclusters: &[u32],
    src: &Source,
    sp: &Prep,
    rs: &RefSent,
    score: f32,
    e: f32,
    l: f32,
    values: Vec<ValuePair>,
    vocab: &Vocab,
) -> Alignment {
    let mut shared: Vec<SharedEntity> = Vec::new();
    let mut shared_ids: Vec<u32> = Vec::new();
    let mut source_only = Vec::new();
    for m in rs.mentions.clone() {
        let Some(c) = sp.cluster[m] else { continue };
        let span = src.analysis.mentions[m].span;
        if cclusters.binary_search(&c).is_err() {
            source_only.push(span);
            continue;
        }
        if let Some(k) = shared_ids.iter().position(|&x| x == c) {
            shared[k].source_spans.push(span);
            continue;
        }
        shared_ids.push(c);
        let claim_mentions: Vec<usize> = claim
            .mentions
            .iter()
            .copied()
            .filter(|&cm| ap.cluster.get(cm).copied().flatten() == Some(c))
            .collect();
        let name = claim_mentions
            .first()
            .map(|&cm| {
                art.analysis
                    .entity_of(&art.analysis.mentions[cm])
                    .name
                    .clone()
            })
            .unwrap_or_default();
        shared.push(SharedEntity {
            name,
            claim_spans: claim_mentions
                .iter()
                .map(|&cm| art.analysis.mentions[cm].span)
                .collect(),
            source_spans: vec![span],
        });
    }
    // Shared terms.
    let t0 = token_at(&ap.tokens, claim.span.start);
    let t1 = token_at(&ap.tokens, claim.span.end);
    let mut cterms: Vec<u32> = (t0..t1).filter_map(|i| ap.terms[i]).collect();
    cterms.sort_unstable();
    cterms.dedup();
    let s = &src.analysis.sentences[rs.sentence];
    let mut st: Vec<u32> = (s.first_token..s.end_token.min(sp.tokens.len()))
        .filter_map(|i| sp.terms[i])
        .filter(|t| cterms.binary_search(t).is_ok())
        .collect();
    st.sort_unstable();
    st.dedup();
    let claim_only = claim
        .entities(&art.analysis)
        .filter(|&cm| {
            ap.cluster
                .get(cm)
                .copied()
                .flatten()
                .is_none_or(|c| !shared_ids.contains(&c))
        })
        .map(|cm| art.analysis.mentions[cm].span)
        .collect();
    let relation = if values.iter().any(|v| !v.agrees) {
        Relation::Differs
    } else if values.is_empty() {
        Relation::AddsContext
    } else {
        Relation::Agrees
    };
    Alignment {
        source: rs.source,
        sentence: rs.sentence,
        span: rs.span,
        relation,
        score,
        entity_score: e,
        lexical: l,
        shared,
        shared_terms: st
            .iter()
            .map(|&t| vocab.words[t as usize].clone())
            .collect(),
        values,
        source_only,
        claim_only,
    }
}
