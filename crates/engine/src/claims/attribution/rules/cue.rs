//! One reporting cue: its source before or after it (`cue_at`), the content it
//! introduces, and the checks that a subject can be a speaker.

use super::*;

/// Content of an attribution whose cue is at `i` with source before it: from the cue to
/// the sentence end; when nothing follows, from the sentence start to the source.
pub(super) fn content_span(d: &Doc, sa: usize, sb: usize, src_a: usize, cue_b: usize) -> Span {
    let mut c = cue_b;
    while c < sb && (d.lw(c) == "that" || matches!(d.toks[c].text.as_str(), ":" | ",")) {
        c += 1;
    }
    let mut e = sb;
    while e > c && d.toks[e - 1].kind == TokKind::Punct {
        e -= 1;
    }
    if e > c + 1 {
        return d.span(c, e);
    }
    content_up_to(d, sa, sb, src_a)
}

/// Content that ends before token `end` (a source, or the comma or quotation
/// mark before an inverted cue: "“…,” said X"): the sentence from its start,
/// without the punctuation and quotation marks before `end`; the whole
/// sentence when nothing precedes.
pub(super) fn content_up_to(d: &Doc, sa: usize, sb: usize, end: usize) -> Span {
    let mut e = end.max(sa);
    while e > sa && matches!(d.toks[e - 1].kind, TokKind::Punct | TokKind::Quote) {
        e -= 1;
    }
    if e > sa {
        d.span(sa, e)
    } else {
        d.span(sa, sb)
    }
}

/// The main-clause subject of a sentence (for participle cues): the first noun phrase
/// after any fronted adverbial, before token `lim`.
pub(super) fn clause_subject(d: &Doc, sa: usize, lim: usize) -> Option<(usize, usize)> {
    let mut i = sa;
    while i < lim && d.toks[i].kind != TokKind::Word {
        i += 1;
    }
    // fronted adverbials: "On Tuesday, …", "In a statement, …", "Last
    // month, when I asked him, …", "Having announced that …, Judge Berman",
    // "At an event in Ames, Iowa, on Sunday, Mrs. Clinton"
    let first = i;
    let mut jumped = false;
    for _ in 0..4 {
        if i >= lim {
            break;
        }
        let Some(c) = (i..lim).find(|&k| d.toks[k].text == ",") else {
            break;
        };
        let w = d.lw(i);
        let opener = NP_STOP.contains(w)
            || w.ends_with("ly")
            || OPENER_WORDS.contains(w)
            || is_day(w)
            || is_month(w)
            || (i == first && w.ends_with("ing") && d.toks[i].is_cap());
        // the rest of a place name after an opener that ends with a name:
        // "in Ames, Iowa, …" (not "In the interview, Reid, who …")
        let place =
            jumped && c - i <= 2 && d.toks[i - 2].is_cap() && (i..c).all(|k| d.toks[k].is_cap());
        let reach = if jumped || w.ends_with("ing") { 14 } else { 8 };
        if !(opener || place) || c - i > reach {
            break;
        }
        i = c + 1;
        jumped = true;
    }
    let (a, b) = np_fwd(d, i, lim)?;
    Some((a, b))
}

/// Words that open a fronted adverbial before the clause's subject, beside
/// [`NP_STOP`] and "-ly" adverbs ([`clause_subject`]).
pub(super) static OPENER_WORDS: WordSet = WordSet::new(concat!(
    "last|",
    "next|",
    "earlier|",
    "later|",
    "likewise|",
    "indeed|",
    "meanwhile|",
    "instead|",
    "moreover|",
    "still|",
    "again|",
    "yesterday|",
    "today|",
    "tonight|",
    "having|"
));

/// Base forms of verbs of saying and believing, after a plural subject.
pub(super) static BELIEF_BASE_VERBS: WordSet = WordSet::new(concat!(
    "say|", "think|", "believe|", "argue|", "claim|", "insist|", "agree|", "suggest|", "support|",
    "want|", "know|", "feel|", "view|", "fear|", "oppose|", "endorse|"
));

/// Polls, studies and groups of people that think or say.
pub(super) static GROUP_SUBJECTS: WordSet = WordSet::new(concat!(
    "poll|",
    "survey|",
    "study|",
    "data|",
    "report|",
    "analysis|",
    "americans|",
    "voters|",
    "people|"
));

/// Prepositions that make a weak verb's object a thing, not a clause.
pub(super) static PREPOSITIONS_AFTER_WEAK: WordSet = WordSet::new(concat!(
    "on|", "with|", "in|", "at|", "over|", "into|", "upon|", "about|", "of|"
));

/// Strong verbs that are no cue without a subject ("called", "declined").
pub(super) static NO_SUBJECTLESS_CUE: WordSet = WordSet::new(concat!(
    "called|",
    "calls|",
    "continued|",
    "declined|",
    "refused|",
    "reads|",
    "named|",
    "pointed|",
    "shot|"
));

/// Words that may follow a subject before its verb or the clause's end.
pub(super) static AFTER_SUBJECT: WordSet = WordSet::new(concat!(
    "for|",
    "who|",
    "in|",
    "on|",
    "at|",
    "during|",
    "after|",
    "to|",
    "from|",
    "about|",
    "told|",
    "whose|",
    "last|",
    "this|",
    "earlier|",
    "recently|",
    "later|",
    "as|",
    "when|",
    "before|",
    "while|"
));

/// Determiners and possessives: the word after one is a noun.
pub(super) static DETERMINERS: WordSet = WordSet::new(concat!(
    "the|", "a|", "an|", "his|", "her|", "their|", "its|", "our|", "my|", "your|", "this|",
    "these|", "those|"
));

/// Present-tense verbs of headlines ("Trump says …").
pub(super) static HEADLINE_VERBS: WordSet = WordSet::new(concat!(
    "says|", "said|", "say|", "claims|", "warns|", "tells|", "slams|", "admits|", "thinks|",
    "wants|"
));

/// Verbs that report speech or a stance with the particle after them, and
/// that particle ("talked about", "voted for", "focused on", "points to"):
/// cues only as a pair, after a subject, like the weak verbs.
pub(super) static PHRASAL_CUES: &[(&str, &str)] = &[
    ("talked", "about"),
    ("talk", "about"),
    ("talks", "about"),
    ("spoke", "about"),
    ("speaks", "about"),
    ("spoken", "about"),
    ("focused", "on"),
    ("focuses", "on"),
    ("focus", "on"),
    ("voted", "for"),
    ("voted", "against"),
    ("vote", "for"),
    ("vote", "against"),
    ("votes", "for"),
    ("votes", "against"),
    ("call", "for"),
    ("point", "to"),
    ("points", "to"),
    ("refers", "to"),
    ("referred", "to"),
    ("worried", "about"),
    ("worry", "about"),
    ("agreed", "with"),
    ("agree", "with"),
    // a wish: "The White House would like to make the election …"
    ("would", "like"),
];

/// The token after a two- or three-word cue starting at `i`: a verb of
/// [`PHRASAL_CUES`] and its particle, or "made (it) clear".
pub(super) fn phrasal_end(d: &Doc, i: usize, sb: usize) -> Option<usize> {
    let w = d.lw(i);
    let next = (i + 1 < sb).then(|| d.lw(i + 1))?;
    if PHRASAL_CUES.iter().any(|&(v, p)| v == w && p == next) {
        return Some(i + 2);
    }
    if let Some(e) = light_verb_end(d, i, sb) {
        return Some(e);
    }
    if matches!(w, "made" | "makes" | "make") {
        if next == "clear" {
            return Some(i + 2);
        }
        if next == "it" && i + 2 < sb && d.lw(i + 2) == "clear" {
            return Some(i + 3);
        }
    }
    None
}

/// Light verbs that report speech or a stance with a noun of speech as
/// their object ("made similar comments", "gave a speech", "raised
/// questions", "cast their votes").
pub(super) static LIGHT_VERBS: WordSet = WordSet::new(concat!(
    "made|",
    "makes|",
    "make|",
    "gave|",
    "gives|",
    "give|",
    "delivered|",
    "delivers|",
    "sent|",
    "sends|",
    "raised|",
    "raises|",
    "cast|",
    "casts|",
    "lodged|",
    "voiced|",
    "renewed|",
    "repeated|",
    "issued|",
    "issues|",
    "offered|",
    "offers|"
));

/// Nouns of speech, stance and voting that a light verb's object names.
pub(super) static SPEECH_NOUNS: WordSet = WordSet::new(concat!(
    "comments|",
    "comment|",
    "remarks|",
    "remark|",
    "statement|",
    "statements|",
    "speech|",
    "speeches|",
    "address|",
    "case|",
    "argument|",
    "arguments|",
    "claim|",
    "claims|",
    "charge|",
    "charges|",
    "accusation|",
    "accusations|",
    "allegation|",
    "allegations|",
    "promise|",
    "promises|",
    "pledge|",
    "vow|",
    "appeal|",
    "plea|",
    "warning|",
    "warnings|",
    "threat|",
    "threats|",
    "prediction|",
    "predictions|",
    "announcement|",
    "assurance|",
    "assurances|",
    "apology|",
    "joke|",
    "jokes|",
    "point|",
    "message|",
    "interview|",
    "interviews|",
    "endorsement|",
    "pitch|",
    "request|",
    "demand|",
    "demands|",
    "suggestion|",
    "observation|",
    "reference|",
    "references|",
    "mention|",
    "shout|",
    "vote|",
    "votes|",
    "ballot|",
    "ballots|",
    "testimony|",
    "admission|",
    "complaint|",
    "complaints|",
    "objection|",
    "objections|",
    "recommendation|",
    "concerns|",
    "concern|",
    "questions|",
    "doubts|",
    "alarm|",
    "criticism|",
    "praise|",
    "defense|",
    "rebuttal|",
    "denial|",
    "response|",
    "reply|",
    "retort|"
));

/// The token after "made similar comments", "gave a speech", "raised
/// questions": a light verb ([`LIGHT_VERBS`]) at `i`, then up to three
/// words (a determiner, a possessive, adjectives) and a noun of speech
/// ([`SPEECH_NOUNS`]).
pub(super) fn light_verb_end(d: &Doc, i: usize, sb: usize) -> Option<usize> {
    if !LIGHT_VERBS.contains(d.lw(i)) {
        return None;
    }
    for k in i + 1..sb.min(i + 5) {
        let t = &d.toks[k];
        if SPEECH_NOUNS.contains(&t.lower) && !t.is_cap() {
            // "made a point of", "the case for": still the noun of speech
            return Some(k + 1);
        }
        if !t.is_word() || t.is_cap() || NP_STOP.contains(&t.lower) && !possessive(&t.lower) {
            return None;
        }
    }
    None
}

/// Try a cue at token `i` of sentence [sa, sb). Returns the attribution and the token
/// after the cue.
pub(super) fn cue_at(d: &Doc, sa: usize, sb: usize, i: usize) -> Option<(Attribution, usize)> {
    let w = d.lw(i).to_string();
    if w == ":" {
        return transcript(d, sa, i).or_else(|| colon_quote(d, sa, sb, i));
    }
    if d.toks[i].kind != TokKind::Word || d.in_long_quote(i) {
        return None;
    }
    // "Asked whether he was bullied, the candidate said …": the main clause's subject
    if w == "asked" && (i == sa || d.toks[i - 1].kind == TokKind::Quote) {
        let c = (i + 1..sb).find(|&k| d.toks[k].text == ",")?;
        let (a, b) = np_fwd(d, c + 1, sb)?;
        let (sp, named) = speaker_of(d, a, b);
        return Some((
            mk(
                d,
                d.span(i, i + 1),
                Some((a, b)),
                d.span(c + 1, sb),
                sp,
                named,
            ),
            i + 1,
        ));
    }
    // "Hillary Clinton Reassures House Democrats", "Trump Endorses …": in
    // a title-case headline, a reporting verb or a verb of stance in -s or
    // -ed after a capitalised word, not a plural noun after a participle
    // ("Leaked Documents Reveal …").
    let title_verb = (CUE_VERBS.contains(&w) || STANCE_VERBS.contains(&w))
        && (w.ends_with('s') || w.ends_with("ed"))
        && !(i > sa && w.ends_with('s') && participle_before_noun(d.lw(i - 1)));
    let headline = d.toks[i].is_cap()
        && (HEADLINE_VERBS.contains(&w) || title_verb)
        && i > sa
        && d.toks[i - 1].is_cap();
    // "In the latest Gallup poll, …" / "… leads in exit polls": the poll reports it
    if w == "in" {
        return in_poll(d, sa, sb, i);
    }
    if d.toks[i].is_cap() && w != "according" && !headline {
        return None; // "United States", "Reports"
    }
    // according to X
    if w == "according" && i + 1 < sb && d.lw(i + 1) == "to" {
        let cue = d.span(i, i + 2);
        let (a, mut b) = np_fwd(d, i + 2, sb)?;
        // "people familiar with the plan", "sources close to the talks"
        if b + 1 < sb
            && matches!(
                (d.lw(b - 1), d.lw(b)),
                ("familiar", "with") | ("close", "to")
            )
        {
            if let Some((_, e)) = np_fwd(d, b + 1, sb) {
                b = e;
            }
        }
        let (sp, named) = speaker_of(d, a, b);
        let content = if i > sa + 1 {
            let mut e = i;
            while e > sa && matches!(d.toks[e - 1].kind, TokKind::Punct | TokKind::Quote) {
                e -= 1;
            }
            d.span(sa, e.max(sa + 1))
        } else {
            let mut c = b;
            while c < sb && d.toks[c].kind == TokKind::Punct {
                c += 1;
            }
            if c < sb {
                d.span(c, sb)
            } else {
                d.span(sa, sb)
            }
        };
        return Some((mk(d, cue, Some((a, b)), content, sp, named), i + 2));
    }
    if let Some(found) = possessed_stance(d, sa, sb, i, false) {
        return Some(found);
    }
    // "state(s)" is a verb only before "that" or a colon ("the statement
    // states: …"); elsewhere it is the noun ("swing states").
    let strong = CUE_VERBS.contains(&w)
        || (matches!(w.as_str(), "states" | "state")
            && i + 1 < sb
            && matches!(d.lw(i + 1), "that" | ":"));
    // "talked about", "voted for", "made it clear": a verb and its particle
    let phrasal = phrasal_end(d, i, sb);
    // The generic rule's verbs of speech, thought and stance are weak cues too
    // ("Cruz, who has seen his lead evaporate", "where developers see"),
    // but not as an infinitive after "to" ("a speech to read") nor before a
    // particle ("would not back down").
    let stance = STANCE_VERBS.contains(&w)
        && !(i > sa && d.lw(i - 1) == "to")
        && !(i + 1 < sb && matches!(d.lw(i + 1), "down" | "off" | "away" | "up" | "out"));
    let weak = WEAK_VERBS.contains(&w) || phrasal.is_some() || stance;
    // with tags: a weak cue word read as a noun is not a cue ("plans", "claims", "shows")
    if weak && !strong && matches!(d.p(i), Some(Pos::Noun | Pos::Propn)) {
        return None;
    }
    // "Rubio is looking for", "the city is considering": verbs of intent
    // that are cues only in the progressive, after a subject
    let intent = PROGRESSIVE_CUES.contains(&w);
    let part = PARTICIPLES.contains(&w) || intent || stance_participle(&w);
    if !(strong || weak || part) {
        return None;
    }
    // A reporting word used as a noun is no cue ("the claims were rejected").
    let prev = if i > sa { d.lw(i - 1) } else { "" };
    let next = if i + 1 < sb { d.lw(i + 1) } else { "" };
    if noun_use(prev, &w, next) {
        return None;
    }
    if i > sa && DETERMINERS.contains(d.lw(i - 1)) {
        return None; // "the reports", "a call"
    }
    if i > sa && possessive(d.lw(i - 1)) {
        return None; // "Ann Lee’s pointed remarks"
    }
    let next_i = phrasal.unwrap_or(i + 1);
    let cue = d.span(i, next_i);
    // what precedes the verb, past auxiliaries and adverbs
    let mut j = i;
    while j > sa
        && (BETWEEN.contains(d.lw(j - 1))
            || d.lw(j - 1) == "n't"
            || (d.lw(j - 1).ends_with("ly") && d.lw(j - 1).len() > 4 && !d.toks[j - 1].is_cap()))
    {
        j -= 1;
    }
    // "Trump on Tuesday said", "Gowdy earlier Thursday said", "The GAO on
    // June 18 called", "The board on 18 June 2008 voted"
    let mut k = j;
    while k > sa
        && j - k < 5
        && (is_day(d.lw(k - 1))
            || is_month(d.lw(k - 1))
            || d.lw(k - 1) == ","
            || d.lw(k - 1).bytes().all(|b| b.is_ascii_digit()))
    {
        k -= 1;
    }
    if k < j
        && k > sa
        && d.lw(j - 1) != ","
        && d.lw(k) != ","
        && (k..j).any(|x| is_day(d.lw(x)) || is_month(d.lw(x)))
        && matches!(
            d.lw(k - 1),
            "on" | "last" | "this" | "earlier" | "late" | "early"
        )
    {
        j = k - 1;
        while j > sa && BETWEEN.contains(d.lw(j - 1)) {
            j -= 1;
        }
    }
    // "and several times described": a count of times between the subject
    // (or "and") and the verb
    if j >= sa + 2
        && d.lw(j - 1) == "times"
        && matches!(
            d.lw(j - 2),
            "several"
                | "many"
                | "multiple"
                | "numerous"
                | "countless"
                | "repeated"
                | "two"
                | "three"
        )
    {
        j -= 2;
    }
    // "challenges voiced by political opponents": a participle after a
    // noun with its agent is a reduced passive; the agent is the source.
    if !part
        && j == i
        && j > sa
        && !matches!(w.as_str(), "said" | "told")
        && participle_form(&w)
        && i + 2 < sb
        && d.lw(i + 1) == "by"
        && d.toks[j - 1].is_word()
        && !d.toks[j - 1].is_cap()
        && !is_pronoun(d.lw(j - 1))
        && !BETWEEN.contains(d.lw(j - 1))
    {
        let agent = |&(a, b): &(usize, usize)| {
            let t = &d.toks[b - 1].lower;
            plausible_speaker(d, a, b) || (t.ends_with('s') && !t.ends_with("ss"))
        };
        if let Some((a, b)) = np_fwd(d, i + 2, sb).filter(agent) {
            let (sp, named) = speaker_of(d, a, b);
            let content = content_span(d, sa, sb, j, b);
            return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
        }
    }
    // A passive ("are said to", "was told by the minister") does not make its
    // subject the speaker: the agent after "by" is the source, else abstain.
    if !part
        && (j..i).any(|k| {
            matches!(
                d.lw(k),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        })
        && participle_form(&w)
    {
        if i + 2 < sb && d.lw(i + 1) == "by" {
            if let Some((a, b)) = np_fwd(d, i + 2, sb) {
                let (sp, named) = speaker_of(d, a, b);
                let content = content_span(d, sa, sb, j, b);
                return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
            }
        }
        // Without an agent, a passive of a verb that also names a deed
        // reports speech only before what was said ("it was revealed that",
        // "was shown to be", a quotation): "144 planes have been ordered"
        // and "the A380 was revealed in 2005" state facts. ("The plan was
        // announced" stays an attribution with an unknown source.)
        let mut k = i + 1;
        while k < sb && d.lw(k).ends_with("ly") && d.lw(k).len() > 4 {
            k += 1;
        }
        let says_what = k < sb
            && (matches!(d.lw(k), "that" | "to" | "as" | ":")
                || d.toks[k].kind == TokKind::Quote
                || (j > sa && d.lw(j - 1) == "it"));
        if !says_what && NOT_SPEECH_PASSIVES.contains(&w) {
            return None;
        }
        return Some((mk(d, cue, None, cue, String::new(), false), next_i));
    }
    // "he is hoping", "they were pushing for": a form of "be" before the
    // participle makes it the verb of the clause
    // ("he’s hoping": the form of "be" fused with the pronoun)
    let fused_be = j > sa
        && is_pronoun(d.lw(j - 1))
        && matches!(d.lw(j - 1).rsplit_once('\''), Some((_, "s" | "re" | "m")));
    let progressive = part && ((j..i).any(|k| BE_FORMS.contains(d.lw(k))) || fused_be);
    if intent && !progressive {
        return None;
    }
    // "looking for", "looking to", not "looking dire"
    if w == "looking" && !matches!(next, "for" | "to" | "forward" | "into" | "at") {
        return None;
    }
    let prev_punct = j > sa
        && matches!(d.toks[j - 1].kind, TokKind::Punct | TokKind::Quote)
        && !matches!(d.toks[j - 1].text.as_str(), ")" | "%");
    // 1. participle after a comma: the clause's subject
    if part && j > sa && d.toks[j - 1].text == "," {
        let (a, b) = clause_subject(d, sa, j - 1)?;
        if mute_subject(d, &w, a, b) {
            return None;
        }
        let (sp, named) = speaker_of(d, a, b);
        let content = content_span(d, sa, sb, a, next_i);
        return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
    }
    if part && j == i && j > sa && ADVERBIAL_OPENERS.contains(d.lw(j - 1)) && !progressive {
        return adverbial_participle(d, sa, sb, j - 1, i, &w);
    }
    if part {
        // "three in 10 saying", "Ryan saying he was …": the noun phrase right before
        if j > sa {
            if let Some((a, b)) = np_back(d, sa, j - 1) {
                // "resigned in a letter to Apple's board stating, “…”": the
                // noun phrase after "to" is addressed, not speaking; the
                // participle is the clause subject's.
                if a > sa && d.lw(a - 1) == "to" {
                    let (ca, cb) = clause_subject(d, sa, a - 1)?;
                    if mute_subject(d, &w, ca, cb) {
                        return None;
                    }
                    let (sp, named) = speaker_of(d, ca, cb);
                    let content = content_span(d, sa, sb, ca, next_i);
                    return Some((mk(d, cue, Some((ca, cb)), content, sp, named), next_i));
                }
                let t = &d.toks[b - 1];
                if t.is_cap()
                    || (t.lower.ends_with('s') && !t.lower.ends_with("ss"))
                    || t.lower.chars().all(|c| c.is_ascii_digit())
                    || (progressive && plausible_speaker(d, a, b))
                {
                    let (sp, named) = speaker_of(d, a, b);
                    let content = content_span(d, sa, sb, a, next_i);
                    return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
                }
            }
        }
        return None;
    }
    // 2. "X, who …, said" / "X, the spokesman, said" (apposition), else inversion "…,” said X"
    if prev_punct || j == sa {
        // "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July
        // 2012, said that …": a name opening the sentence, a comma, and a cue
        // after a comma with what was said after it is the name's.
        if let Some((a, b)) = lead_name(d, sa, j, next_i, sb) {
            let (sp, named) = speaker_of(d, a, b);
            let content = content_span(d, sa, sb, a, next_i);
            return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
        }
        // "Apple's marketing chief, Greg Joswiak, indicated that": a name in
        // apposition to a description is the speaker.
        if let Some((a, b)) = appositive_name(d, sa, j) {
            let (sp, named) = speaker_of(d, a, b);
            let content = content_span(d, sa, sb, a, next_i);
            return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
        }
        // "X, who …, said" / "X, the spokesman, said": skip the apposition
        if j > sa && d.toks[j - 1].text == "," {
            let lo = sa.max(j.saturating_sub(30));
            if let Some(mut c) = (lo..j - 1).rev().find(|&k| d.toks[k].text == ",") {
                // "Apple's vice president of marketing, Greg Joswiak, indicated
                // that": a name in apposition after a role noun is the source.
                let (na, nb) = (c + 1, j - 1);
                if c > sa
                    && (2..=4).contains(&(nb - na))
                    && (na..nb).all(|k| d.toks[k].is_cap() && !TITLES.contains(d.lw(k)))
                    && d.toks[c - 1].is_word()
                    && !d.toks[c - 1].is_cap()
                    && (TITLES.contains(d.lw(c - 1)) || ROLE_NOUNS.contains(d.lw(c - 1)))
                {
                    let (sp, named) = speaker_of(d, na, nb);
                    let content = content_span(d, sa, sb, na, next_i);
                    return Some((mk(d, cue, Some((na, nb)), content, sp, named), next_i));
                }
                let appos = |c: usize| {
                    let first = d.lw(c + 1);
                    matches!(first, "who" | "a" | "an" | "the" | "whose" | "which")
                        || TITLES.contains(first)
                        || d.toks[c + 1].lower.ends_with("ing")
                        // a participle phrase: "The ad, titled “Unifier?”, concludes"
                        || (d.toks[c + 1].lower.ends_with("ed") && !d.toks[c + 1].is_cap())
                        // "A third of independents, 33%, say"
                        || (is_number(first) && j - 1 <= c + 3 && share_word(d.lw(j - 2)))
                        // an age: "Jim Bennett, 57, who runs a bakery, said"
                        || (is_number(first) && d.toks.get(c + 2).is_some_and(|t| t.text == ","))
                        // "Jeff Weaver, Sanders' campaign manager, said": a name,
                        // then a short phrase holding a role noun
                        || role_apposition(d, c, j - 1)
                        // a party and state: "Sen. Rand Paul, R-Ky., told"
                        || party_tag(&d.toks[c + 1].text)
                        // an aside: "Hunter, meanwhile, told", "Gates, in contrast, told"
                        || (ASIDE_OPENERS.contains(first) && !d.toks[c + 1].is_cap())
                };
                let ok = c > sa && appos(c);
                // "Tom Fitton, the president of Judicial Watch, a conservative group …, said"
                while ok && c > sa + 1 {
                    match (lo..c).rev().find(|&k| d.toks[k].text == ",") {
                        Some(c2) if c2 > sa && appos(c2) => c = c2,
                        _ => break,
                    }
                }
                if ok {
                    if let Some((a, b)) =
                        np_back(d, sa, c - 1).filter(|&(a, b)| !mute_subject(d, &w, a, b))
                    {
                        let (sp, named) = speaker_of(d, a, b);
                        let content = content_span(d, sa, sb, a, next_i);
                        return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
                    }
                }
            }
        }
        if let Some((a, b)) = np_fwd(d, i + 1, sb).filter(|_| phrasal.is_none()) {
            let t = &d.toks[a];
            let plausible = t.is_cap()
                || DETS.contains(&t.lower)
                || is_pronoun(&t.lower)
                || TITLES.contains(&t.lower)
                || (b > a + 1);
            let next_ok = b >= sb
                || matches!(d.toks[b].kind, TokKind::Punct | TokKind::Quote)
                || AFTER_SUBJECT.contains(d.lw(b));
            if plausible
                && next_ok
                && !(matches!(t.lower.as_str(), "it" | "you" | "which" | "there" | "that"))
            {
                let (mut sp, mut named) = speaker_of(d, a, b);
                let mut b = b;
                // "…,” said the firm's chief executive, Alan Mulally.": the
                // name in apposition to a role phrase is the speaker.
                if let Some((nb, s2)) = appositive_after(d, a, b, sb).filter(|_| !named) {
                    (sp, named, b) = (s2, true, nb);
                }
                let content = content_up_to(d, sa, sb, j.saturating_sub(1));
                return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
            }
        }
        // "…,” said one Democrat familiar with the talks, who …": right
        // after a quotation, a strong cue's subject is the whole phrase up
        // to the clause's end, however long its modifiers.
        if let Some((a, b)) = (strong && after_quotation(d, sa, j))
            .then(|| inverted_phrase(d, i + 1, sb))
            .flatten()
        {
            let (sp, named) = speaker_of(d, a, b);
            let content = content_up_to(d, sa, sb, j.saturating_sub(1));
            return Some((mk(d, cue, Some((a, b)), content, sp, named), next_i));
        }
        // a strong cue after a quote or comma whose source cannot be told: abstain
        if strong && j > sa && !EVIDENTIAL.contains(&w) {
            return Some((mk(d, cue, None, cue, String::new(), false), next_i));
        }
        return None;
    }
    // 3. subject before the verb; "He congratulated her and praised her
    // effort": a verb after "and" shares the clause's subject
    let shared = (j > sa + 2 && d.lw(j - 1) == "and")
        .then(|| clause_subject(d, sa, j - 1))
        .flatten()
        .filter(|&(a, b)| b < j - 1 && plausible_speaker(d, a, b))
        // "Clinton is trying to show", "Christie went out of his way to say":
        // an infinitive cue a few words after the clause's subject
        .or_else(|| {
            (j > sa + 2 && d.lw(j - 1) == "to")
                .then(|| clause_subject(d, sa, j - 1))
                .flatten()
                .filter(|&(a, b)| b < j - 1 && j - 1 - b <= 5 && plausible_speaker(d, a, b))
        });
    let Some((a, b)) = shared.or_else(|| np_back(d, sa, j - 1)).map(|(a, b)| {
        // "people familiar with the talks", "sources close to the minister"
        if a >= sa + 3
            && matches!(
                (d.lw(a - 2), d.lw(a - 1)),
                ("familiar", "with") | ("close", "to")
            )
        {
            if let Some((a2, _)) = np_back(d, sa, a - 3) {
                return (a2, b);
            }
        }
        // "Tom LaSorda, the president of Chrysler announced": a role phrase
        // in apposition whose closing comma is missing; the name is the
        // subject.
        if a >= sa + 3
            && d.toks[a - 1].text == ","
            && matches!(d.lw(a), "the" | "its" | "his" | "her" | "their")
            && (a + 1..b).any(|k| ROLE_NOUNS.contains(d.lw(k)) || TITLES.contains(d.lw(k)))
        {
            if let Some((na, nb)) = np_back(d, sa, a - 2) {
                if (2..=4).contains(&(nb - na)) && (na..nb).all(|k| d.toks[k].is_cap()) {
                    return (na, nb);
                }
            }
        }
        // "A study published in The Lancet found": the noun before the
        // participle phrase is the subject.
        if a >= sa + 3
            && matches!(d.lw(a - 1), "in" | "at" | "by" | "on" | "for" | "from")
            && d.lw(a - 2).ends_with("ed")
            && !d.toks[a - 2].is_cap()
        {
            if let Some(np) = np_back(d, sa, a - 3) {
                return np;
            }
        }
        (a, b)
    }) else {
        if strong && !NO_SUBJECTLESS_CUE.contains(&w) {
            return Some((mk(d, cue, None, cue, String::new(), false), next_i));
        }
        return None;
    };
    if weak && !strong {
        // "could not agree on 40 points": a weak verb with a prepositional
        // object reports no speech or belief.
        if phrasal.is_none() && i + 1 < sb && PREPOSITIONS_AFTER_WEAK.contains(d.lw(i + 1)) {
            return None;
        }
        let t = &d.toks[b - 1];
        let ok = is_pronoun(&t.lower) && t.lower != "it" && t.lower != "which"
            || t.is_cap()
            || ORG_WORDS.contains(&t.lower)
            || GROUP_SUBJECTS.contains(&t.lower)
            // records and evidence ("FEC records show", "new filings show")
            || EVIDENCE_NOUNS.contains(&t.lower)
            || (BELIEF_BASE_VERBS.contains(&w)
                && (t.lower.ends_with('s')
                && !t.lower.ends_with("ss")
                && !t.lower.ends_with("'s")
                || DETS.contains(&t.lower)
                || t.lower.chars().all(|c| c.is_ascii_digit())
                || share_word(&t.lower)
                || t.lower.contains('-')
                // "those surveyed say", "a third say", "many think"
                || QUANTIFIERS.contains(d.lw(a))
                || matches!(t.lower.as_str(), "surveyed" | "polled" | "asked" | "interviewed" | "questioned")));
        // "I think …": the writer's own view, not a report
        if !ok || (w == "think" && matches!(t.lower.as_str(), "i" | "we")) {
            return None;
        }
    }
    if d.lw(a) == "it" && !strong {
        return None;
    }
    // "Talks between Ohio and Texas have revealed": the object of a
    // preposition is not the subject.
    if object_of_preposition(d, sa, a) {
        return None;
    }
    // A verb of stance only by the generic rule's list is often a plural
    // noun ("obstacle to Western attempts", "the Turkish-hosted talks"):
    // not after a subject that is a preposition's object, nor as an -s
    // form after a compound participle.
    if stance
        && !WEAK_VERBS.contains(&w)
        && phrasal.is_none()
        && !strong
        && ((a > sa && STANCE_OBJECT_OF.contains(d.lw(a - 1)))
            || (w.ends_with('s') && i > sa && participle_before_noun(d.lw(i - 1))))
    {
        return None;
    }
    if mute_subject(d, &w, a, b) {
        return None;
    }
    let (sp, named) = speaker_of(d, a, b);
    let content = content_span(d, sa, sb, a, next_i);
    Some((mk(d, cue, Some((a, b)), content, sp, named), next_i))
}

/// Whether the verb whose first word is at `j` comes right after a
/// quotation that closes on a comma, "?" or "!" ("…,” said", "…?” asked",
/// "…”, said").
pub(super) fn after_quotation(d: &Doc, sa: usize, j: usize) -> bool {
    if j < sa + 2 {
        return false;
    }
    let (q, p) = (&d.toks[j - 1], &d.toks[j - 2]);
    (q.kind == TokKind::Quote && matches!(p.text.as_str(), "," | "?" | "!"))
        || (q.text == "," && p.kind == TokKind::Quote)
}

/// The subject phrase of an inverted cue from `i` ("said one Republican
/// involved in the planning, who …", "wrote the American ambassador at the
/// time, John E. Herbst."): it opens with a determiner, a possessive, a
/// title or a capitalised word and runs to the first comma, stop,
/// quotation mark, dash, semicolon, relative word or day ("said Trump
/// aides Tuesday"), at most 16 tokens.
pub(super) fn inverted_phrase(d: &Doc, i: usize, sb: usize) -> Option<(usize, usize)> {
    let t = d.toks.get(i).filter(|_| i < sb)?;
    let opens = t.is_cap()
        || DETS.contains(&t.lower)
        || TITLES.contains(&t.lower)
        || matches!(t.lower.as_str(), "his" | "her" | "their" | "its" | "our");
    if !opens || is_pronoun(&t.lower) || t.kind != TokKind::Word {
        return None;
    }
    let mut b = i;
    while b < sb && b - i < 16 {
        let tk = &d.toks[b];
        let stop = match tk.kind {
            TokKind::Quote => true,
            TokKind::Punct => matches!(
                tk.text.as_str(),
                "," | "." | ";" | ":" | "—" | "–" | "!" | "?"
            ),
            TokKind::Word => {
                b > i
                    && (matches!(
                        tk.lower.as_str(),
                        "who" | "which" | "that" | "whose" | "yesterday" | "today" | "tonight"
                    ) || is_day(&tk.lower)
                        || is_month(&tk.lower))
            }
        };
        if stop {
            break;
        }
        b += 1;
    }
    // the phrase ends within reach (a stop, a relative word or the sentence's end)
    let ends = b >= sb || b - i < 16;
    (b > i && ends && d.toks[b - 1].is_word()).then_some((i, b))
}

/// Prepositions and conjunctions that open an adverbial clause with a
/// participle ("by denouncing", "after arguing", "while touting").
pub(super) static ADVERBIAL_OPENERS: WordSet = WordSet::new(concat!(
    "by|", "after|", "while|", "before|", "without|", "when|", "since|", "in|"
));

/// "Gary Hart won campaigns by denouncing the New Deal", "After bragging
/// for a year about it, Trump is spending": a participle cue at `i` right
/// after an adverbial opener at `k` is the clause subject's — the subject
/// before the opener, or, when the opener starts the sentence, the subject
/// after the adverbial's comma. Only a subject that can speak.
fn adverbial_participle(
    d: &Doc,
    sa: usize,
    sb: usize,
    k: usize,
    i: usize,
    w: &str,
) -> Option<(Attribution, usize)> {
    let (a, b) = if k == sa {
        let c = (i + 1..sb.min(i + 30)).find(|&x| d.toks[x].text == ",")?;
        np_fwd(d, c + 1, sb)?
    } else {
        clause_subject(d, sa, k).filter(|&(_, b)| b <= k)?
    };
    // "In the six months since announcing": a preposition is no subject
    if !plausible_speaker(d, a, b)
        || mute_subject(d, w, a, b)
        || NP_STOP.contains(d.lw(a))
        || IS_CONTRACTIONS.contains(d.lw(a))
    {
        return None;
    }
    let (sp, named) = speaker_of(d, a, b);
    let content = content_span(d, sa, sb, a, i + 1);
    Some((
        mk(d, d.span(i, i + 1), Some((a, b)), content, sp, named),
        i + 1,
    ))
}

/// The name that opens sentence `sa..sb` when a cue ending at `next` after a comma
/// (`j` its first word before auxiliaries) reports what follows it: "Sandy
/// Phillips, who lost …, Colorado, in July 2012, said that", "Hemsley, the
/// co-author of “Going Viral,” about …, said the days when". One to five
/// capitalised words, then a comma that opens an aside ("who", "the", a
/// role, a title …); after the cue, a clause ("that", or words on to a
/// finite verb), not a name closing the sentence ("…, said Brad Bannon, a
/// pollster").
pub(super) fn lead_name(
    d: &Doc,
    sa: usize,
    j: usize,
    next: usize,
    sb: usize,
) -> Option<(usize, usize)> {
    if j <= sa + 2 || d.toks[j - 1].text != "," || next >= sb || j - sa > 40 {
        return None;
    }
    let mut e = sa;
    while e < j && e - sa < 5 && d.toks[e].is_cap() && d.toks[e].is_word() {
        e += 1;
    }
    if e == sa
        || e >= j - 1
        || d.toks[e].text != ","
        || NP_STOP.contains(d.lw(sa))
        || DETS.contains(d.lw(sa))
        || d.lw(sa).ends_with("ly")
        || TITLES.contains(d.lw(e - 1))
    {
        return None;
    }
    let first = d.lw(e + 1);
    let aside = matches!(first, "who" | "whose" | "a" | "an" | "the")
        || TITLES.contains(first)
        || ROLE_NOUNS.contains(first)
        || role_apposition(d, e, j - 1);
    if !aside {
        return None;
    }
    // What follows the cue is said, not its speaker: "that", or no name
    // right before the sentence's end or a comma.
    let n = d.lw(next);
    let clause = n == "that"
        || match np_fwd(d, next, sb) {
            Some((x, y)) => {
                !(d.toks[x].is_cap() || TITLES.contains(d.lw(x))) && y < sb && d.toks[y].is_word()
            }
            None => d.toks[next].is_word(),
        };
    clause.then_some((sa, e))
}

/// Whether the phrase between the commas at `c` and `e` describes the name
/// before `c` by its role: "Jeff Weaver, Sanders' campaign manager," or
/// "Matdos Santos, legal director for ACLU of Oregon,". The name ends in a
/// capitalised word; the phrase is short and holds a role noun or title.
pub(super) fn role_apposition(d: &Doc, c: usize, e: usize) -> bool {
    c > 0
        && e > c + 1
        && e - c <= 10
        && d.toks[c - 1].is_cap()
        && !TITLES.contains(d.lw(c - 1))
        && (c + 1..e).any(|k| ROLE_NOUNS.contains(d.lw(k)) || TITLES.contains(d.lw(k)))
        && (c + 1..e).all(|k| !CUE_VERBS.contains(d.lw(k)) && d.lw(k) != "who")
}

/// A party and state tag after a legislator's name: "R-Ky.", "D-Calif.",
/// "I-Vt.".
pub(super) fn party_tag(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some('R' | 'D' | 'I'))
        && cs.next() == Some('-')
        && cs.next().is_some_and(char::is_uppercase)
}

/// Function words that cannot describe a name before it.
pub(super) static NOT_DESCRIPTORS: WordSet = WordSet::new(concat!(
    "and|", "or|", "but|", "said|", "says|", "that|", "which|", "who|", "when|", "as|", "if|"
));

/// "DESCRIPTION, Name Name, VERB": the capitalised name between the two
/// commas before the verb at `j`, when a lowercase noun ends the
/// description before the first comma ("Apple's marketing chief, Greg
/// Joswiak, indicated"; not "Paris, London, said"). Token range of the name.
pub(super) fn appositive_name(d: &Doc, sa: usize, j: usize) -> Option<(usize, usize)> {
    if j < sa + 4 || d.toks[j - 1].text != "," {
        return None;
    }
    let b = j - 1;
    let mut a = b;
    while a > sa && b - a < 4 && d.toks[a - 1].is_cap() {
        a -= 1;
    }
    if a == b || a < sa + 2 || d.toks[a - 1].text != "," {
        return None;
    }
    // Titles inside the commas ("the spokesman, Dr Ann Lee,") are the name's.
    if (a..b).all(|k| TITLES.contains(d.lw(k))) {
        return None;
    }
    let desc = &d.toks[a - 2];
    let noun = desc.kind == TokKind::Word
        && !desc.is_cap()
        && !DETS.contains(&desc.lower)
        && !is_pronoun(&desc.lower)
        && !NOT_DESCRIPTORS.contains(&desc.lower);
    noun.then_some((a, b))
}

/// Verbs of evidence, which things as well as people do ("the talks revealed").
pub(super) static EVIDENTIAL: WordSet = WordSet::new(concat!(
    "highlighted|",
    "highlights|",
    "revealed|",
    "reveals|",
    "indicated|",
    "indicates|",
    "showed|",
    "shows|",
    "shown|",
    "demonstrated|",
    "underscored|",
    "underscores|",
    "suggested|",
    "suggests|",
    "confirmed|",
    "confirms|",
    "highlighting|",
    "suggesting|",
    "indicating|",
    "showing|",
    "underscoring|",
    "demands|",
    "demanded|"
));

/// Verbs that "it" (a newspaper, a company, a report) does as a speaker.
pub(super) static IT_VERBS: WordSet = WordSet::new(concat!(
    "said|",
    "says|",
    "told|",
    "reported|",
    "reports|",
    "announced|",
    "stated|",
    "added|",
    "noted|",
    "wrote|",
    "writes|",
    "warned|",
    "claimed|",
    "argued|",
    "tweeted|",
    "confirmed|",
    "denied|",
    "explained|",
    "insisted|",
    "revealed|",
    "disclosed|",
    "estimated|",
    "predicted|",
    "concluded|",
    "found|",
    "finds|",
    "showed|",
    "shows|",
    "saying|",
    "adding|",
    "noting|"
));

/// Whether the noun phrase `a..b` names someone who can speak: it ends in a
/// capitalised word, a personal pronoun other than "it", or a word for an
/// organisation or a group of people.
pub(super) fn plausible_speaker(d: &Doc, a: usize, b: usize) -> bool {
    let t = &d.toks[b - 1];
    b > a
        && ((is_pronoun(&t.lower) && !matches!(t.lower.as_str(), "it" | "which" | "that"))
            || t.is_cap()
            || ORG_WORDS.contains(&t.lower)
            || GROUP_SUBJECTS.contains(&t.lower)
            || ROLE_NOUNS.contains(&t.lower)
            || TITLES.contains(&t.lower))
}

/// Whether the subject `a..b` cannot be the speaker of the cue word `w`: a
/// verb of evidence after a thing ("the talks have highlighted"), or "it"
/// with a verb that is no reporting ("it demands").
pub(super) fn mute_subject(d: &Doc, w: &str, a: usize, b: usize) -> bool {
    let t = &d.toks[b - 1];
    if b == a + 1 && t.lower == "it" {
        return !IT_VERBS.contains(w);
    }
    EVIDENTIAL.contains(w)
        && !(t.is_cap()
            || is_pronoun(&t.lower)
            || ORG_WORDS.contains(&t.lower)
            || TITLES.contains(&t.lower)
            || EVIDENCE_NOUNS.contains(&t.lower))
}

/// First words of an aside between a subject and its verb ("Hunter,
/// meanwhile, told", "Priebus, in the wake of a new poll, told").
pub(super) static ASIDE_OPENERS: WordSet = WordSet::new(concat!(
    "meanwhile|",
    "however|",
    "though|",
    "too|",
    "also|",
    "instead|",
    "then|",
    "now|",
    "later|",
    "earlier|",
    "in|",
    "on|",
    "at|",
    "after|",
    "during|",
    "for|",
    "like|",
    "unlike|",
    "speaking|",
    "asked|"
));

/// Nouns that show or find as sources do ("the poll showed").
pub(super) static EVIDENCE_NOUNS: WordSet = WordSet::new(concat!(
    "poll|",
    "polls|",
    "polling|",
    "survey|",
    "surveys|",
    "study|",
    "studies|",
    "data|",
    "report|",
    "reports|",
    "analysis|",
    "analyses|",
    "evidence|",
    "paper|",
    "papers|",
    "authors|",
    "research|",
    "figures|",
    "statistics|",
    "estimates|",
    "documents|",
    "records|",
    "filings|",
    "results|",
    "numbers|",
    "footage|",
    "video|",
    "findings|",
    "review|",
    "audit|",
    "investigation|",
    "statement|",
    "memo|",
    "letter|",
    "email|",
    "emails|",
    "spokesman|",
    "spokeswoman|",
    "spokesperson|",
    "officials|",
    "official|",
    "sources|",
    "experts|",
    "analysts|",
    "economists|",
    "scientists|",
    "researchers|",
    "people|"
));

/// Contractions of "is" / "has", not possessives.
pub(super) static IS_CONTRACTIONS: WordSet = WordSet::new(concat!(
    "he's|", "she's|", "it's|", "that's|", "there's|", "who's|", "what's|", "here's|", "where's|",
    "let's|"
));

/// A possessive before a word ("Lee's", "her"): the word is not a verb.
/// Contractions of "is" / "has" ("he's", "that's") are not possessives.
pub(super) fn possessive(w: &str) -> bool {
    matches!(w, "his" | "their" | "its" | "our" | "my" | "your")
        || (w.ends_with("'s") && !IS_CONTRACTIONS.contains(w))
        || (w.len() > 2 && w.ends_with("s'"))
}

/// The -ing form of a verb of speech, thought or stance ([`STANCE_VERBS`]):
/// "talking", "congratulating", "rebutting", "apologizing" — a participle
/// cue as those of [`PARTICIPLES`] are.
pub(super) fn stance_participle(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() > 2) else {
        return false;
    };
    let undoubled =
        stem.len() > 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
    STANCE_VERBS.contains(stem)
        || STANCE_VERBS.contains(&format!("{stem}e"))
        || (undoubled && STANCE_VERBS.contains(&stem[..stem.len() - 1]))
}

/// Irregular past participles.
pub(super) static IRREGULAR_PARTICIPLES: WordSet = WordSet::new(concat!(
    "said|",
    "told|",
    "written|",
    "shown|",
    "known|",
    "thought|",
    "found|",
    "seen|",
    "heard|",
    "sought|",
    "made|",
    "taught|",
    "forecast|"
));

/// A past participle form ("said", "told", "reported"), for passives.
pub(super) fn participle_form(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 3) || IRREGULAR_PARTICIPLES.contains(w)
}

/// Participles whose passive without a clause names a deed, not speech:
/// "were ordered", "was revealed", "was shown".
static NOT_SPEECH_PASSIVES: WordSet = WordSet::new(concat!(
    "ordered|",
    "revealed|",
    "shown|",
    "released|",
    "unveiled|",
    "presented|",
    "called|",
    "requested|",
    "demanded|",
    "published|",
    "rejected|",
    "approved|",
    "denied|",
    "charged|"
));

/// Prepositions that take a noun phrase object.
pub(super) static PREPOSITIONS: WordSet = WordSet::new(concat!(
    "between|", "among|", "against|", "with|", "without|", "about|", "over|", "under|", "into|",
    "through|", "toward|", "towards|", "despite|", "like|"
));

/// Prepositions whose object is no subject of a verb of stance after it
/// ("an obstacle to Western attempts", "the fear of Republicans hopes").
pub(super) static STANCE_OBJECT_OF: WordSet = WordSet::new(concat!(
    "to|", "of|", "for|", "from|", "by|", "with|", "against|", "at|", "on|"
));

/// Number words and fractions: "about half" is an amount.
pub(super) static AMOUNT_WORDS: WordSet = WordSet::new(concat!(
    "half|", "a|", "one|", "two|", "three|", "four|", "five|", "six|", "seven|", "eight|", "nine|",
    "ten|", "twenty|", "thirty|", "forty|", "fifty|", "sixty|", "seventy|", "eighty|", "ninety|",
    "hundred|", "dozen|", "third|", "quarter|"
));

/// Whether the noun phrase starting at token `a` is the object of a
/// preposition, alone or after a coordination of names ("between Ohio and Texas").
pub(super) fn object_of_preposition(d: &Doc, sa: usize, a: usize) -> bool {
    let mut k = a;
    // "between Ohio, Texas and Utah": step back over a list of names (not
    // over "with EgyptAir, the airline said", where the comma ends a clause)
    while k > sa + 1
        && matches!(d.lw(k - 1), "and" | "or" | ",")
        && d.toks[k - 2].is_cap()
        && d.toks[k].is_cap()
        && !DETS.contains(d.lw(k))
    {
        k -= 2;
        while k > sa && d.toks[k - 1].is_cap() {
            k -= 1;
        }
    }
    // "about half of voters", "over 40 percent": approximately, not a preposition
    let amount = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) || AMOUNT_WORDS.contains(w);
    if k > sa && matches!(d.lw(k - 1), "about" | "over" | "under") && amount(d.lw(k)) {
        return false;
    }
    k > sa && PREPOSITIONS.contains(d.lw(k - 1))
}
