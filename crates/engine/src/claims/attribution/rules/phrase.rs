//! Noun phrases and speakers: the document context, quotation regions, noun-phrase
//! scans, speaker strings, appositions, relatives and pronoun resolution.

use super::*;

pub(super) fn is_pronoun(w: &str) -> bool {
    SUBJ_PRONOUNS.contains(pronoun_head(w))
}

/// The pronoun of a contraction of a personal pronoun and an auxiliary
/// ("he's" → "he", "they're" → "they", "I'll" → "i"; lowercase, with the
/// straight apostrophe tokens carry), else `w` itself. "it's" stays as it
/// is: "it" is no speaker of most cues.
pub(super) fn pronoun_head(w: &str) -> &str {
    match w.split_once('\'') {
        Some((p, "s" | "re" | "ll" | "ve" | "d" | "m"))
            if matches!(p, "he" | "she" | "they" | "we" | "i" | "you") =>
        {
            p
        }
        _ => w,
    }
}

/// Capitalised words that open a clause, not a name.
pub(super) static CLAUSE_OPENERS: WordSet = WordSet::new(concat!(
    "But|", "And|", "That|", "When|", "If|", "As|", "While|", "Because|", "So|"
));

/// Whether a token could be inside a noun phrase scanned backwards.
pub(super) fn np_word(t: &Token, pos: Option<Pos>) -> bool {
    if t.kind == TokKind::Punct {
        return matches!(t.text.as_str(), "-" | "&" | ".");
    }
    if t.kind != TokKind::Word {
        return false;
    }
    if let Some(p) = pos {
        // tags decide for lowercase words only (a tagger may read "Trump" as a verb)
        if matches!(p, Pos::Aux | Pos::Sconj | Pos::Cconj) && t.lower != "of" && !t.is_cap() {
            return false;
        }
    }
    if t.is_cap() {
        return !CLAUSE_OPENERS.contains(&t.text);
    }
    !NP_STOP.contains(&t.lower) && !CUE_VERBS.contains(&t.lower) && !PARTICIPLES.contains(&t.lower)
}

/// Context for a document: tokens, tags and the speakers named so far.
pub(super) struct Doc<'a> {
    pub(super) toks: &'a [Token],
    pub(super) pos: Option<&'a [Pos]>,
    pub(super) chars: Vec<char>,
    /// (token index of the source, speaker string, looks like a person)
    pub(super) named: Vec<(usize, String, bool)>,
    /// The last words of the speakers in `named`, lower-cased.
    pub(super) named_heads: std::collections::HashSet<String>,
    /// Double-quote regions as token ranges [open, close] inclusive, in
    /// order and disjoint (`quote_regions`).
    pub(super) quotes: Vec<(usize, usize)>,
}

impl Doc<'_> {
    pub(super) fn p(&self, i: usize) -> Option<Pos> {
        self.pos.and_then(|p| p.get(i).copied())
    }
    pub(super) fn text(&self, a: usize, b: usize) -> String {
        // tokens a..b (exclusive) as they are written
        if a >= b {
            return String::new();
        }
        let s = self.toks[a].span.start;
        let e = self.toks[b - 1].span.end;
        self.chars[s..e]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    }
    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
    pub(super) fn lw(&self, i: usize) -> &str {
        &self.toks[i].lower
    }
    pub(super) fn in_long_quote(&self, i: usize) -> bool {
        self.quote_before(i)
            .is_some_and(|(a, b)| i < b && b - a > 6)
    }
    /// The last quote region opening before token `i`: the only one that
    /// can hold `i`, as the regions are in order and disjoint. (A search,
    /// not a scan: this is asked for every token of a long document.)
    pub(super) fn quote_before(&self, i: usize) -> Option<(usize, usize)> {
        let k = self.quotes.partition_point(|&(a, _)| a < i);
        k.checked_sub(1).map(|k| self.quotes[k])
    }
    /// Remember a speaker named at token `k`, for later pronouns and names.
    pub(super) fn name(&mut self, k: usize, speaker: String, person: bool) {
        self.named_heads.insert(last_word_lower(&speaker));
        self.named.push((k, speaker, person));
    }
}

/// The last word of a speaker string, lower-cased ("Maria Lopez" → "lopez").
pub(super) fn last_word_lower(s: &str) -> String {
    s.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// Double-quote regions (token ranges, inclusive), closed at paragraph ends.
pub(super) fn quote_regions(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        if t.after_newline {
            if let Some(a) = open.take() {
                if i > a + 1 {
                    out.push((a, i - 1));
                }
            }
        }
        if t.kind != TokKind::Quote {
            continue;
        }
        match t.text.as_str() {
            "“" | "«" | "„" | "``" => open = Some(i),
            "”" | "»" => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                }
            }
            "\"" | "''" => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                } else {
                    open = Some(i);
                }
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        if toks.len() > a + 1 {
            out.push((a, toks.len() - 1));
        }
    }
    out
}

/// Scan a noun phrase backwards ending at token `j` (inclusive), not before `lo`.
/// Returns its token range [a, j+1).
pub(super) fn np_back(d: &Doc, lo: usize, j: usize) -> Option<(usize, usize)> {
    let t = &d.toks[j];
    if is_pronoun(&t.lower) {
        return Some((j, j + 1));
    }
    // "Sen. Bernie Sanders (I-Vt.)": a short parenthesis after a name
    if t.text == ")" {
        let k = (j.saturating_sub(6).max(lo)..j)
            .rev()
            .find(|&k| d.toks[k].text == "(")?;
        if k > lo && d.toks[k - 1].is_cap() && (k + 1..j).all(|m| d.toks[m].text != "(") {
            return np_back(d, lo, k - 1).map(|(a, _)| (a, j + 1));
        }
        return None;
    }
    // "42%": the number and its sign
    if t.text == "%" && j > lo && is_number(d.lw(j - 1)) {
        return np_back(d, lo, j - 1).map(|(a, _)| (a, j + 1));
    }
    if t.lower == "'s" || !np_word(t, d.p(j)) || t.kind == TokKind::Punct {
        return None;
    }
    let mut a = j;
    let mut n = 0;
    let mut limit = 9;
    let mut and_at = None;
    while a > lo && n < limit {
        let k = a - 1;
        let tk = &d.toks[k];
        if tk.lower == "'s" || tk.lower == "’s" {
            a = k;
            n += 1;
            continue;
        }
        if DETS.contains(&tk.lower) && !tk.is_cap() {
            a = k;
            // "Friends of the Wendle": an "of" phrase continues the noun phrase
            if k > lo + 1
                && d.lw(k - 1) == "of"
                && np_word(&d.toks[k - 2], d.p(k - 2))
                && !DETS.contains(d.lw(k - 2))
            {
                n += 1;
                continue;
            }
            break;
        }
        // "Jeb Bush and Chris Christie", "RNC members and officials": a
        // coordination of names or plural nouns
        if tk.lower == "and" && and_at.is_none() && k > lo && conjunct_end(&d.toks[k - 1]) {
            a = k;
            n += 1;
            limit = 16;
            and_at = Some(k);
            continue;
        }
        if !np_word(tk, d.p(k)) {
            // "organizers in Cleveland", "Republicans on Capitol Hill": cross a preposition
            // when a lowercase plural or role noun stands before it
            if matches!(tk.lower.as_str(), "in" | "at" | "for" | "from" | "on")
                && k > lo
                && n >= 1
                && d.toks[k - 1].is_word()
                && !d.toks[k - 1].is_cap()
                && np_word(&d.toks[k - 1], d.p(k - 1))
                && (d.toks[k - 1].lower.ends_with('s') || TITLES.contains(&d.toks[k - 1].lower))
                && !d.toks[k - 1].lower.ends_with("ss")
            {
                a = k;
                n += 1;
                continue;
            }
            break;
        }
        // "The" at a sentence start is part of the phrase; other capitalised function words end it.
        a = k;
        n += 1;
        if DETS.contains(&tk.lower) {
            break;
        }
    }
    // "Clinton won Iowa and Sanders": a clause before "and", not a conjunct
    if let Some(c) = and_at {
        if (a..c).any(|m| {
            let t = &d.toks[m];
            !t.is_cap()
                && (t.lower.len() > 3 && t.lower.ends_with("ed") || VERB_LIKE.contains(&t.lower))
        }) {
            a = c + 1;
        }
    }
    // "Six in 10 voters", "two in three": a share of people before "in"
    if a >= lo + 2 && share_of(d, a - 2) {
        a -= 2;
    }
    // Drop a leading lowercase "of" or punctuation.
    while a <= j && (d.toks[a].lower == "of" || d.toks[a].kind == TokKind::Punct) {
        a += 1;
    }
    if a > j {
        return None;
    }
    Some((a, j + 1))
}

/// Frequent verbs of news clauses that are no "-ed" past tense: a clause
/// before "and" that holds one is no noun phrase.
pub(super) static VERB_LIKE: WordSet = WordSet::new(concat!(
    "won|", "wins|", "lost|", "loses|", "leads|", "led|", "beat|", "took|", "takes|", "got|",
    "gets|", "made|", "makes|", "saw|", "sees|", "met|", "meets|", "ran|", "runs|", "gave|",
    "gives|", "held|", "holds|", "left|", "came|", "went|", "spoke|", "won't|", "did|"
));

/// Whether a token can end the first of two coordinated noun phrases: a
/// capitalised word, or a lowercase plural or role noun (not a past tense).
pub(super) fn conjunct_end(t: &Token) -> bool {
    t.is_word()
        && np_word(t, None)
        && (t.is_cap()
            || ROLE_NOUNS.contains(&t.lower)
            || TITLES.contains(&t.lower)
            || (t.lower.ends_with('s') && !t.lower.ends_with("ss") && t.lower.len() > 3))
}

/// Words after an "-ed" word that make it a verb with its complement.
pub(super) static AFTER_PAST_VERB: WordSet = WordSet::new(concat!(
    "with|", "to|", "that|", "on|", "in|", "for|", "against|", "by|", "the|", "a|", "an|", "his|",
    "her|", "their|", "its|", "up|", "out|", "as|", "from|"
));

/// Scan a noun phrase forwards from token `i`, not past `hi`.
pub(super) fn np_fwd(d: &Doc, i: usize, hi: usize) -> Option<(usize, usize)> {
    if i >= hi {
        return None;
    }
    let t = &d.toks[i];
    if is_pronoun(&t.lower) {
        return Some((i, i + 1));
    }
    let mut b = i;
    if DETS.contains(&t.lower) {
        b += 1;
    }
    let start_words = b;
    while b < hi && b - i < 10 {
        let tk = &d.toks[b];
        if b > start_words
            && b + 1 < hi
            && d.toks[b + 1].is_word()
            && (tk.lower == "of"
                || (matches!(tk.lower.as_str(), "for" | "on" | "in")
                    && d.toks[b - 1].is_cap()
                    && d.toks[b + 1].is_cap()))
        {
            b += 1;
            continue;
        }
        if tk.lower == "'s" || (tk.kind == TokKind::Punct && tk.text == "-") {
            b += 1;
            continue;
        }
        if tk.kind == TokKind::Punct && tk.text == "(" {
            // "(R-IN)": skip a short parenthesis
            if let Some(k) = (b + 1..hi.min(b + 6)).find(|&k| d.toks[k].text == ")") {
                b = k + 1;
                continue;
            }
            break;
        }
        if !np_word(tk, d.p(b)) || BETWEEN.contains(&tk.lower) {
            break;
        }
        // a past-tense verb with its complement ends the phrase ("A federal
        // judge sided with the city")
        if !tk.is_cap()
            && b > start_words
            && tk.lower.ends_with("ed")
            && d.toks
                .get(b + 1)
                .is_some_and(|n| AFTER_PAST_VERB.contains(&n.lower))
        {
            break;
        }
        // a lowercase word after a capitalised run ends the phrase ("said Trump yesterday")
        if !tk.is_cap()
            && b > start_words
            && d.toks[b - 1].is_cap()
            && !TITLES.contains(&d.toks[b - 1].lower)
            && !(TITLES.contains(&tk.lower)
                || tk.lower.ends_with("al")
                || matches!(
                    tk.lower.as_str(),
                    "candidate"
                        | "hopeful"
                        | "front-runner"
                        | "rival"
                        | "lawmaker"
                        | "activist"
                        | "pollster"
                        | "operative"
                ))
            && !role_before_name(d, b, hi)
            && !head_after_names(d, i, start_words, b, hi)
        {
            break;
        }
        b += 1;
    }
    while b > start_words
        && (d.toks[b - 1].lower == "of"
            || d.toks[b - 1].kind == TokKind::Punct && d.toks[b - 1].text != ")")
    {
        b -= 1;
    }
    if b == start_words {
        return None;
    }
    Some((i, b))
}

/// Whether the lowercase word at `b`, after a determiner (the phrase opens
/// at `i`, its words at `start_words`) and a capitalised run, is the
/// phrase's head noun closing it before a comma: "The Russian delegation,
/// led by …", "the Trump campaign, which …" (not "the Senate voted, …" nor
/// "the President yesterday,").
pub(super) fn head_after_names(d: &Doc, i: usize, start_words: usize, b: usize, hi: usize) -> bool {
    let t = &d.toks[b].lower;
    start_words == i + 1
        && b + 1 < hi
        && d.toks[b + 1].text == ","
        && !t.ends_with("ed")
        && !t.ends_with("ly")
        && (!t.ends_with('s') || t.ends_with("ss"))
        && !BETWEEN.contains(t)
        && !is_day(t)
        && !matches!(
            t.as_str(),
            "said" | "says" | "told" | "wrote" | "yesterday" | "today" | "tonight" | "too"
        )
}

/// Whether the lowercase words from `b` (one or two) describe the name right
/// after them: "Republican party boss Reince Priebus", "Virginia delegate
/// Beau Correll" (not "Trump aides Tuesday").
pub(super) fn role_before_name(d: &Doc, b: usize, hi: usize) -> bool {
    let Some(e) = (b + 1..hi.min(b + 3)).find(|&k| d.toks[k].is_cap()) else {
        return false;
    };
    (b..e).all(|k| {
        let t = &d.toks[k];
        !t.is_cap() && np_word(t, d.p(k)) && !BETWEEN.contains(&t.lower) && !DETS.contains(&t.lower)
    }) && d.toks[e].is_word()
        && !is_day(d.lw(e))
        && e + 1 < hi
        && d.toks[e + 1].is_cap()
}

/// The speaker string of a source phrase [a, b): a trailing name after role words
/// ("council leader Priya Natarajan" → "Priya Natarajan"), else the phrase without a
/// leading determiner. Also whether it is a name.
pub(super) fn speaker_of(d: &Doc, a: usize, b: usize) -> (String, bool) {
    // "Six in 10 voters": the share is the head, no name
    if b >= a + 3 && share_of(d, a) {
        return (d.text(a, b), false);
    }
    // cut at an "of" phrase: the head is before it ("Friends of the Wendle")
    let of =
        (a..b).find(|&k| matches!(d.lw(k), "of" | "in" | "at" | "for" | "from" | "on" | "with"));
    let (ha, hb) = match of {
        Some(k) if k > a => (a, k),
        _ => (a, b),
    };
    // "Jeb Bush and Chris Christie": both, the first one's name first; but
    // "real estate mogul and reality star Donald Trump" is one person
    if let Some(k) = (ha + 1..hb.saturating_sub(1)).find(|&k| d.lw(k) == "and") {
        let has_cap =
            |x: usize, y: usize| (x..y).any(|m| d.toks[m].is_cap() && !DETS.contains(d.lw(m)));
        if has_cap(ha, k) || !has_cap(k + 1, hb) {
            let (first, named) = speaker_of(d, ha, k);
            return (format!("{first} {}", d.text(k, hb)), named);
        }
    }
    // trailing capitalised run
    let mut r = hb;
    while r > ha && (d.toks[r - 1].is_cap() || d.toks[r - 1].text == ")") {
        if d.toks[r - 1].text == ")" {
            // skip "(R-IN)"
            match (ha..r - 1).rev().find(|&k| d.toks[k].text == "(") {
                Some(k) => {
                    r = k;
                    continue;
                }
                None => break,
            }
        }
        r -= 1;
    }
    let mut end = hb;
    while end > ha && (d.toks[end - 1].text == ")" || d.toks[end - 1].kind == TokKind::Punct) {
        if d.toks[end - 1].text == ")" {
            if let Some(k) = (ha..end - 1).rev().find(|&k| d.toks[k].text == "(") {
                end = k;
                continue;
            }
        }
        end -= 1;
    }
    while end > ha && (is_day(d.lw(end - 1)) || is_month(d.lw(end - 1))) {
        end -= 1;
    }
    let mut cap_start = end;
    while cap_start > ha && d.toks[cap_start - 1].is_cap() {
        cap_start -= 1;
    }
    // skip titles at the start of the capitalised run
    let mut ns = cap_start;
    while ns + 1 < end && TITLES.contains(&d.toks[ns].lower) {
        ns += 1;
    }
    let _ = r;
    // "Friends of the Wendle", "Bank of England": one capitalised word, then "of" and a
    // capitalised phrase, is one name
    if let Some(k) = of {
        let mut m = k + 1;
        while m < b && DETS.contains(d.lw(m)) {
            m += 1;
        }
        if matches!(d.lw(k), "of" | "for")
            && end - ns == 1
            && m < b
            && d.toks[m].is_cap()
            && d.toks[end - 1].is_cap()
        {
            let s = d.text(ns, b);
            return (s, true);
        }
    }
    if ns < end && d.toks[end - 1].is_cap() && !(ns == a && DETS.contains(&d.toks[ns].lower)) {
        let s = d.text(ns, end);
        let s = s.strip_prefix("The ").unwrap_or(&s).to_string();
        return (s, true);
    }
    let mut s0 = a;
    while s0 < b && DETS.contains(d.lw(s0)) {
        s0 += 1;
    }
    if s0 >= b {
        s0 = a;
    }
    (d.text(s0, b), false)
}

/// Whether a speaker string looks like a person (for "he"/"she").
pub(super) fn person_like(s: &str, named: bool) -> bool {
    let last = s.split_whitespace().last().unwrap_or("").to_lowercase();
    named && !ORG_WORDS.contains(&last) && s.split_whitespace().count() <= 4 && !s.contains(" and ")
}

/// Resolve a pronoun at token `i` to the nearest earlier compatible speaker.
pub(super) fn resolve(d: &Doc, i: usize, w: &str) -> Option<String> {
    match w {
        "he" | "she" | "i" => d
            .named
            .iter()
            .rev()
            .find(|(k, s, p)| *k < i && *p && !s.is_empty())
            .map(|(_, s, _)| s.clone()),
        "they" | "we" => d
            .named
            .iter()
            .rev()
            .find(|(k, _, p)| *k < i && !*p)
            .map(|(_, s, _)| s.clone()),
        _ => None,
    }
}

/// "the firm's chief executive, Alan Mulally" after a cue: a role phrase
/// `a..b` (lowercase head), a comma, then a capitalised name that ends the
/// clause. Returns the end of the name and the name as speaker string.
pub(super) fn appositive_after(d: &Doc, a: usize, b: usize, sb: usize) -> Option<(usize, String)> {
    if b + 1 >= sb || d.toks[b].text != "," || !d.toks[b + 1].is_cap() || d.toks[b - 1].is_cap() {
        return None;
    }
    if (a..b).any(|k| d.toks[k].is_cap() && k > a) {
        return None;
    }
    let (na, nb) = np_fwd(d, b + 1, sb)?;
    let (sp, named) = speaker_of(d, na, nb);
    let ends =
        nb >= sb || matches!(d.toks[nb].kind, TokKind::Punct | TokKind::Quote) || d.lw(nb) == "who";
    (named && ends && (na..nb).all(|k| d.toks[k].is_cap() || d.toks[k].kind == TokKind::Punct))
        .then_some((nb, sp))
}

/// The noun phrase a relative "who" (or "which") at token `a` stands for: "Bernie
/// Sanders, who endorsed Clinton" → ("Bernie Sanders", named), "voters who
/// say" → ("voters", not named). The source stays where "who" is written.
pub(super) fn relative_antecedent(d: &Doc, a: usize) -> Option<(String, bool)> {
    // "who" as written: "WHO" is the World Health Organization; "which"
    // stands for a document or a body ("Jobs's email, which reads:")
    if !matches!(d.toks[a].text.as_str(), "who" | "which") || a == 0 {
        return None;
    }
    let end = if d.toks[a - 1].text == "," { a - 1 } else { a };
    if end == 0 {
        return None;
    }
    let lo = a.saturating_sub(16);
    let near = np_back(d, lo, end - 1);
    // "Jim Bennett, 57, who" / "Ann Lee, an analyst at Acme, who": the name
    // before the apposition, when the phrase next to "who" names no one (or
    // names the object of a preposition).
    let names = |(na, nb): (usize, usize)| {
        speaker_of(d, na, nb).1
            && !(na > 0
                && matches!(
                    d.lw(na - 1),
                    "at" | "of" | "for" | "in" | "from" | "with" | "on" | "by"
                ))
    };
    if end < a && !near.is_some_and(names) {
        let comma = (lo.max(1)..end).rev().find(|&k| d.toks[k].text == ",");
        let clean = |c: usize| {
            (c + 1..end).all(|k| d.toks[k].kind != TokKind::Quote && d.toks[k].text != ".")
        };
        if let Some((pa, pb)) = comma
            .filter(|&c| clean(c))
            .and_then(|c| np_back(d, lo, c - 1))
        {
            let (sp, named) = speaker_of(d, pa, pb);
            if named && !is_pronoun(d.lw(pb - 1)) {
                return Some((sp, named));
            }
        }
    }
    let (na, nb) = near?;
    if is_pronoun(d.lw(nb - 1)) {
        return None;
    }
    Some(speaker_of(d, na, nb))
}
