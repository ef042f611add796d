//! Nominal cues: a noun of stance or speech whose holder is its possessor
//! ("her support for", "Mr. Sanders's plan") or follows "from" / "by"
//! ("criticism from environmentalists").

use super::*;

/// Nouns of a stance that a possessive holds before a particle ("his
/// support for", "Trump's attacks on", "her criticism of").
pub(super) static STANCE_NOUNS: WordSet = WordSet::new(concat!(
    "support|",
    "criticism|",
    "criticisms|",
    "endorsement|",
    "opposition|",
    "attacks|",
    "attack|",
    "praise|",
    "views|",
    "view|",
    "position|",
    "stance|",
    "call|",
    "calls|",
    "commitment|",
    "defense|",
    "embrace|"
));

/// Nouns of intent, judgement and speech that a possessive holds whatever
/// follows them ("her decision to", "Mr. Sanders's plan would raise", "his
/// complaints that").
pub(super) static HELD_NOUNS: WordSet = WordSet::new(concat!(
    "plan|",
    "plans|",
    "decision|",
    "strategy|",
    "proposal|",
    "proposals|",
    "promise|",
    "promises|",
    "pledge|",
    "vow|",
    "goal|",
    "message|",
    "complaint|",
    "complaints|",
    "argument|",
    "arguments|",
    "claim|",
    "claims|",
    "comments|",
    "remarks|",
    "statement|",
    "warning|",
    "warnings|",
    "demand|",
    "demands|",
    "insistence|",
    "refusal|",
    "advice|",
    "opinion|",
    "opinions|",
    "belief|",
    "beliefs|",
    "hope|",
    "hopes|",
    "fear|",
    "fears|",
    "concerns|",
    "positions|",
    "agenda|",
    "vision|",
    "idea|",
    "ideas|",
    "theory|",
    "assessment|",
    "prediction|",
    "suggestion|",
    "critique|",
    "answer|",
    "response|"
));

/// Nouns of stance and speech whose holder may follow "from" or "by"
/// ("criticism from many environmentalists", "complaints from his
/// counterpart", "support from Democrats").
pub(super) static FROM_NOUNS: WordSet = WordSet::new(concat!(
    "criticism|",
    "support|",
    "complaints|",
    "complaint|",
    "praise|",
    "questions|",
    "calls|",
    "call|",
    "warnings|",
    "warning|",
    "opposition|",
    "objections|",
    "pushback|",
    "backlash|",
    "condemnation|",
    "endorsement|",
    "endorsements|",
    "demands|",
    "threats|",
    "attacks|",
    "comments|",
    "remarks|",
    "statement|",
    "response|",
    "reaction|",
    "pressure|",
    "appeals|",
    "pleas|",
    "accusations|",
    "allegations|",
    "charges|"
));

/// "his support for Y", "Trump's attacks on Y", "her decision to Y": a
/// stance noun after a possessive and before "for", "of", "on", "to" or
/// "against", or (with `held`) a noun of intent or speech ([`HELD_NOUNS`])
/// after one, is a cue whose source is the possessor (the possessive
/// pronoun itself, or the noun phrase before "'s").
pub(super) fn possessed_stance(
    d: &Doc,
    sa: usize,
    sb: usize,
    i: usize,
    held: bool,
) -> Option<(Attribution, usize)> {
    if i <= sa || i + 2 >= sb {
        return None;
    }
    let w = d.lw(i);
    let particle = matches!(d.lw(i + 1), "for" | "of" | "on" | "to" | "against");
    let end = if STANCE_NOUNS.contains(w) && particle {
        i + 2
    } else if held && HELD_NOUNS.contains(w) && d.toks[i + 1].is_word() {
        i + 1
    } else {
        return None;
    };
    let (a, b) = match d.lw(i - 1) {
        "his" | "her" | "their" => (i - 1, i),
        "'s" | "’s" if i >= sa + 2 => np_back(d, sa, i - 2)?,
        w if possessive(w) && !matches!(w, "its" | "our" | "my" | "your") => np_back(d, sa, i - 1)?,
        _ => return None,
    };
    if !plausible_speaker(d, a, b) && b != a + 1 {
        return None;
    }
    let (mut sp, named) = speaker_of(d, a, b);
    for suffix in ["'s", "’s"] {
        if let Some(x) = sp.strip_suffix(suffix) {
            sp = x.to_string();
        }
    }
    let cue = d.span(i, end);
    let content = content_span(d, sa, sb, a, end);
    // "Trump is keeping up his criticism of", "Latino Republicans have been
    // unsparing in their criticism of": the clause's subject just before
    // is the one the possessive names, and the source.
    if b == a + 1 {
        if let Some((x, y)) = possessor_subject(d, sa, a) {
            let (sp, named) = speaker_of(d, x, y);
            return Some((mk(d, cue, Some((x, y)), content, sp, named), end));
        }
    }
    if b == a + 1 && matches!(d.lw(a), "his" | "her" | "their") {
        let w = if d.lw(a) == "their" { "they" } else { "he" };
        if let Some(r) = resolve(d, a, w) {
            let mut at = mk(d, cue, Some((a, b)), content, r, true);
            at.speaker_kind = SpeakerKind::Entity;
            return Some((at, end));
        }
    }
    Some((mk(d, cue, Some((a, b)), content, sp, named), end))
}

/// For a possessive pronoun at `a` ("his", "her", "their"), the subject
/// named within six words before it with no punctuation between: the
/// nearest name or fitting pronoun ("he" for "his", "she" for "her",
/// "they" for "their") ends a noun phrase that is
/// the source ("Donald Trump is keeping up his criticism", "she escalated
/// her attacks on").
pub(super) fn possessor_subject(d: &Doc, sa: usize, a: usize) -> Option<(usize, usize)> {
    let w = d.lw(a);
    if !matches!(w, "his" | "her" | "their") {
        return None;
    }
    let lo = sa.max(a.saturating_sub(7));
    let k = (lo..a).rev().find(|&k| {
        let t = &d.toks[k];
        t.kind != TokKind::Word || t.is_cap() || matches!(t.lower.as_str(), "he" | "she" | "they")
    })?;
    let t = &d.toks[k];
    let fits = match t.lower.as_str() {
        "he" => w == "his",
        "she" => w == "her",
        "they" => w == "their",
        _ => t.is_cap(),
    };
    if t.kind != TokKind::Word || !fits {
        return None;
    }
    if matches!(t.lower.as_str(), "he" | "she" | "they") {
        return Some((k, k + 1));
    }
    let (x, y) = np_back(d, sa, k)?;
    (y == k + 1 && plausible_speaker(d, x, y) && !object_of_preposition(d, sa, x)).then_some((x, y))
}

/// "criticism from many environmentalists", "complaints by his American
/// counterpart": a noun of stance or speech ([`FROM_NOUNS`]), "from" or
/// "by", and a noun phrase that can speak is a cue with that source.
pub(super) fn stance_from(d: &Doc, sa: usize, sb: usize, i: usize) -> Option<(Attribution, usize)> {
    if i + 2 >= sb || !FROM_NOUNS.contains(d.lw(i)) || !matches!(d.lw(i + 1), "from" | "by") {
        return None;
    }
    let (a, b) = np_fwd(d, i + 2, sb)?;
    if !plausible_speaker(d, a, b) || matches!(d.lw(a), "it" | "this" | "that") {
        return None;
    }
    let (sp, named) = speaker_of(d, a, b);
    let cue = d.span(i, i + 2);
    let content = content_span(d, sa, sb, a, b);
    Some((mk(d, cue, Some((a, b)), content, sp, named), i + 2))
}

/// The nominal cues of a sentence [sa, sb) in which no verb is a cue: a
/// noun of intent or speech after a possessive ([`possessed_stance`] with
/// `held`) or a noun of stance before "from" / "by" ([`stance_from`]). In
/// a sentence with a verb cue such a noun is mostly part of what is said
/// ("Wilson praised Rubio's positions on defense").
pub(super) fn nominal_cues(d: &Doc, sa: usize, sb: usize) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut i = sa;
    while i < sb {
        let found = (d.toks[i].is_word() && !d.toks[i].is_cap() && !d.in_long_quote(i))
            .then(|| possessed_stance(d, sa, sb, i, true).or_else(|| stance_from(d, sa, sb, i)))
            .flatten();
        match found {
            Some((a, next)) => {
                out.push(a);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}
