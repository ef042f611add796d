//! Attributions without a lexicon cue or with a fixed shape: transcripts,
//! headline names, a person with any verb of saying (`generic`), polls.

use super::*;

/// First words of headlines and section labels.
pub(super) static LABEL_STARTS: WordSet = WordSet::new(concat!(
    "the|",
    "breaking|",
    "byline|",
    "update|",
    "updated|",
    "watch|",
    "related|",
    "q|",
    "a|",
    "video|",
    "contributing|",
    "look|",
    "revealed|",
    "photos|",
    "exclusive|"
));

/// "PENCE: Well, look …" / "Trump: …": a speaker label of one to four capitalised words
/// opening a paragraph, then a colon; the content runs to the paragraph's end.
pub(super) fn transcript(d: &Doc, sa: usize, i: usize) -> Option<(Attribution, usize)> {
    let mut a = sa;
    if a < i && d.toks[a].kind == TokKind::Quote {
        a += 1;
    }
    let para_start = a == 0 || d.toks[sa].after_newline || sa == 0;
    if !para_start
        || a >= i
        || i - a > 4
        || !(a..i).all(|k| d.toks[k].is_cap() || d.toks[k].text == ".")
    {
        return None;
    }
    let next = d.toks.get(i + 1)?;
    if next.after_newline || next.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut e = i + 1;
    while e < d.toks.len() && !d.toks[e].after_newline {
        e += 1;
    }
    // Section labels ("The Latest: …", "Rubio: Finish second.") are short,
    // but the article's headline names a speaker ("Sanders: Clinton Email
    // Story Has Moved.").
    let headline = (0..=a).all(|k| !d.toks[k].after_newline) && e - i >= 4;
    if (e - i < 12 && !headline) || LABEL_STARTS.contains(d.lw(a)) {
        return None;
    }
    let cue = d.span(i, i + 1);
    let sp = d.text(a, i);
    let name = sp
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_string() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let _ = name;
    Some((mk(d, cue, Some((a, i)), d.span(i + 1, e), sp, true), i + 1))
}

/// "Bush: “The mission is …”", "… - Philip Bump: “Two weeks ago …”",
/// "More from Jones: “…”": a name of one to six capitalised words (initials
/// and "and" between them) opening the sentence, or after a dash or "from",
/// then a colon and an opening quotation mark; the content runs to the
/// sentence's end.
pub(super) fn colon_quote(d: &Doc, sa: usize, sb: usize, i: usize) -> Option<(Attribution, usize)> {
    if i + 1 >= sb || d.toks[i + 1].kind != TokKind::Quote || d.toks[i + 1].after_newline {
        return None;
    }
    let name_tok = |k: usize| d.toks[k].is_cap() || d.toks[k].text == "." || d.lw(k) == "and";
    let mut a = i;
    while a > sa && i - a < 6 && name_tok(a - 1) {
        a -= 1;
    }
    // Whole words at both ends, a name's start where the sentence, a dash or "from" is.
    while a < i && !d.toks[a].is_cap() {
        a += 1;
    }
    let opens =
        a == sa || (a > sa && matches!(d.toks[a - 1].text.as_str(), "-" | "—" | "–" | "from"));
    if a >= i || !d.toks[i - 1].is_cap() || !opens || LABEL_STARTS.contains(d.lw(a)) {
        return None;
    }
    let (sp, named) = speaker_of(d, a, i);
    Some((
        mk(
            d,
            d.span(i, i + 1),
            Some((a, i)),
            d.span(i + 1, sb),
            sp,
            named,
        ),
        i + 1,
    ))
}

/// A capitalised name (with titles) opening sentence [sa, sb), if any.
pub(super) fn subject_name(d: &Doc, sa: usize, sb: usize) -> Option<(usize, usize)> {
    let mut a = sa;
    while a < sb && d.toks[a].kind != TokKind::Word {
        a += 1;
    }
    let mut b = a;
    while b < sb && (d.toks[b].is_cap() || (b > a && TITLES.contains(d.lw(b)))) {
        b += 1;
    }
    if b <= a + 1
        || NP_STOP.contains(d.lw(a))
        || DETS.contains(d.lw(a))
        || b >= sb
        || d.toks[b].lower == "'s"
    {
        return None;
    }
    Some((a, b))
}

/// Whether the generic "person + verb" rule runs.
pub(super) const GENERIC: bool = true;
/// Whether it also runs for earlier speakers' names (not only pronouns).
pub(super) const GENERIC_NAMES: bool = true;
/// Whether any sentence-initial subject noun phrase will do.
pub(super) const GENERIC_ANY: bool = false;

/// Words ending in "-s" or "-ed" that are no verb here.
pub(super) static NOT_VERB_S: WordSet = WordSet::new(concat!(
    "is|", "was|", "has|", "does|", "goes|", "needed|", "used|", "based|", "this|", "its|", "his|",
    "us|"
));

/// A sentence with no lexicon cue whose subject is a personal pronoun or an earlier
/// speaker's name, followed by a past-tense or present verb with a complement or an
/// object, outside a longer quotation: that verb is taken as a cue (PolNeAR counts
/// what people do with words and minds, not only "say").
pub(super) fn generic(d: &Doc, sa: usize, sb: usize) -> Option<Attribution> {
    let mut i = sa;
    while i < sb && d.toks[i].kind != TokKind::Word {
        i += 1;
    }
    // fronted adverbial up to a comma
    if i < sb && (NP_STOP.contains(d.lw(i)) || d.lw(i).ends_with("ly")) && !is_pronoun(d.lw(i)) {
        let c = (i..sb.min(i + 9)).find(|&k| d.toks[k].text == ",")?;
        i = c + 1;
    }
    let (a, b) = np_fwd(d, i, sb)?;
    let w0 = d.lw(a).to_string();
    let pron = b == a + 1 && matches!(w0.as_str(), "he" | "she" | "they" | "i" | "we");
    if !pron && !GENERIC_NAMES {
        return None;
    }
    let any_subject = GENERIC_ANY;
    // A subject that is neither a pronoun nor an earlier speaker's name
    // ("Political pundits are shocked that", "The missive suggests that")
    // needs a clause after the verb.
    let mut loose = false;
    if !pron && GENERIC_NAMES && !any_subject {
        let (sp, named) = speaker_of(d, a, b);
        loose = !named || !d.named_heads.contains(&last_word_lower(&sp));
    }
    let mut v = b;
    while v < sb
        && (BETWEEN.contains(d.lw(v))
            || d.lw(v).ends_with("n't")
            || (d.lw(v).ends_with("ly") && d.lw(v).len() > 4))
    {
        v += 1;
    }
    // A verb inside a longer quotation is the quoted speaker's own ("“I
    // think we won,” he said"), which PolNeAR does not annotate, as the
    // lexicon cues are not taken there ([`cue_at`]).
    if v >= sb || d.toks[v].is_cap() || !d.toks[v].is_word() || d.in_long_quote(v) {
        return None;
    }
    let w = d.lw(v);
    // A verb of speech, thought or stance ([`STANCE_VERBS`]) in any form,
    // after auxiliaries too ("Sanders did apologize to Clinton", "Zucker
    // didn't respond", "Two Democrats currently back"), is a cue after
    // any subject that can speak, whatever follows it; not in a passive,
    // whose subject is spoken of ("The A380 was revealed in January").
    let be = (b..v).find(|&k| BE_FORMS.contains(d.lw(k)));
    let passive = be.is_some() && participle_form(w);
    // "Clinton's camp was pleased with", "Republican candidates were quick
    // to cast", "Cruz is eager to": a form of "be" and an adjective of
    // stance or feeling ([`STANCE_ADJECTIVES`]) are the cue, after a
    // subject that can speak and feel (not "it", a poll or data).
    if let Some(k) = be.filter(|_| STANCE_ADJECTIVES.contains(w)) {
        if plausible_speaker(d, a, b)
            && !(b == a + 1 && d.lw(a) == "it")
            && !EVIDENCE_NOUNS.contains(d.lw(b - 1))
        {
            let cue = d.span(k, v + 1);
            let content = content_span(d, sa, sb, a, v + 1);
            let (sp, named) = speaker_of(d, a, b);
            return Some(mk(d, cue, Some((a, b)), content, sp, named));
        }
    }
    if STANCE_VERBS.contains(w)
        && !passive
        && plausible_speaker(d, a, b)
        && !(b == a + 1 && d.lw(a) == "it")
        // "I think …": the writer's own view, as in [`cue_at`]
        && !(w == "think" && b == a + 1 && matches!(d.lw(a), "i" | "we"))
        && !possessive(d.lw(v - 1))
        // "Insurance claims rose": a noun, not a verb
        && !noun_use(d.lw(v - 1), w, d.toks.get(v + 1).map_or("", |t| t.lower.as_str()))
        // "The Turkish-hosted talks": a plural after a compound participle
        && !(w.ends_with('s') && participle_before_noun(d.lw(v - 1)))
        // "could not agree on 40 points": a weak verb with a prepositional
        // object reports nothing, as in [`cue_at`]
        // (not "think about it", a thought)
        && !(WEAK_VERBS.contains(w)
            && d.toks.get(v + 1).is_some_and(|t| {
                t.lower != "about" && PREPOSITIONS_AFTER_WEAK.contains(&t.lower)
            }))
    {
        let cue = d.span(v, v + 1);
        let content = content_span(d, sa, sb, a, v + 1);
        let (sp, named) = speaker_of(d, a, b);
        return Some(mk(d, cue, Some((a, b)), content, sp, named));
    }
    let verbish = (w.ends_with("ed")
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && w.len() > 3))
        && !NOT_VERB_S.contains(w);
    if !verbish {
        return None;
    }
    // a clausal complement follows: "pledged to", "suspects that", "wrote:"
    let nx = d.toks.get(v + 1).map(|t| t.lower.as_str()).unwrap_or("");
    // What follows the verb: a clausal complement ("pledged to", "suspects
    // that", "wrote:"), or else an object ("rooted for the Eagles",
    // "denounced the annexation") — not a particle, a place or the
    // clause's end ("settled in", "carried out", "emerged as") — of a verb
    // that is no verb of doing ([`NOT_SAYING`]).
    let complement = matches!(
        nx,
        "that" | "to" | ":" | "“" | "\"" | "''" | "whether" | "if" | "how" | "why" | "what"
    );
    if loose && (!complement || nx == "to") {
        return None;
    }
    // "Ann Lee’s pointed remarks": after a possessive, no verb
    if !complement
        && (AFTER_DOING.contains(nx) || NOT_SAYING.contains(w) || possessive(d.lw(v - 1)))
    {
        return None;
    }
    let cue = d.span(v, v + 1);
    let content = content_span(d, sa, sb, a, v + 1);
    let (sp, named) = speaker_of(d, a, b);
    Some(mk(d, cue, Some((a, b)), content, sp, named))
}

/// Verbs of speech, thought and stance, every form: after any subject that
/// can speak ([`plausible_speaker`]) and past auxiliaries, the generic rule
/// ([`generic`]) takes them as cues whatever follows ("Sanders did
/// apologize to Clinton", "Republicans have seen", "Trump barked"). The
/// families of the cue words the rules missed on the PolNeAR train split;
/// not "speak" ("spoke at a rally": 6 of 25 were cues there).
pub(super) static STANCE_VERBS: WordSet = WordSet::new(concat!(
    "talk|",
    "talks|",
    "talked|",
    "talking|",
    "call|",
    "calls|",
    "called|",
    "point|",
    "points|",
    "pointed|",
    "seem|",
    "seems|",
    "seemed|",
    "think|",
    "thinks|",
    "thought|",
    "believe|",
    "believes|",
    "believed|",
    "apologize|",
    "apologizes|",
    "apologized|",
    "apologise|",
    "apologises|",
    "apologised|",
    "mention|",
    "mentions|",
    "mentioned|",
    "reveal|",
    "reveals|",
    "revealed|",
    "publish|",
    "publishes|",
    "published|",
    "rebut|",
    "rebuts|",
    "rebutted|",
    "protest|",
    "protests|",
    "protested|",
    "congratulate|",
    "congratulates|",
    "congratulated|",
    "challenge|",
    "challenges|",
    "challenged|",
    "criticize|",
    "criticizes|",
    "criticized|",
    "criticise|",
    "criticises|",
    "criticised|",
    "praise|",
    "praises|",
    "praised|",
    "urge|",
    "urges|",
    "urged|",
    "seek|",
    "seeks|",
    "sought|",
    "attempt|",
    "attempts|",
    "attempted|",
    "push|",
    "pushes|",
    "pushed|",
    "intend|",
    "intends|",
    "intended|",
    "aim|",
    "aims|",
    "aimed|",
    "approve|",
    "approves|",
    "approved|",
    "accept|",
    "accepts|",
    "accepted|",
    "advocate|",
    "advocates|",
    "advocated|",
    "doubt|",
    "doubts|",
    "doubted|",
    "indicate|",
    "indicates|",
    "indicated|",
    "introduce|",
    "introduces|",
    "introduced|",
    "conclude|",
    "concludes|",
    "concluded|",
    "respond|",
    "responds|",
    "responded|",
    "answer|",
    "answers|",
    "answered|",
    "question|",
    "questions|",
    "questioned|",
    "demand|",
    "demands|",
    "demanded|",
    "threaten|",
    "threatens|",
    "threatened|",
    "refuse|",
    "refuses|",
    "refused|",
    "pledge|",
    "pledges|",
    "pledged|",
    "vow|",
    "vows|",
    "vowed|",
    "promise|",
    "promises|",
    "promised|",
    "hope|",
    "hopes|",
    "hoped|",
    "worry|",
    "worries|",
    "worried|",
    "fear|",
    "fears|",
    "feared|",
    "wonder|",
    "wonders|",
    "wondered|",
    "expect|",
    "expects|",
    "expected|",
    "prefer|",
    "prefers|",
    "preferred|",
    "envision|",
    "envisions|",
    "envisioned|",
    "understand|",
    "understands|",
    "understood|",
    "discuss|",
    "discusses|",
    "discussed|",
    "describe|",
    "describes|",
    "described|",
    "declare|",
    "declares|",
    "declared|",
    "propose|",
    "proposes|",
    "proposed|",
    "oppose|",
    "opposes|",
    "opposed|",
    "favor|",
    "favors|",
    "favored|",
    "endorse|",
    "endorses|",
    "endorsed|",
    "support|",
    "supports|",
    "supported|",
    "back|",
    "backs|",
    "backed|",
    "vouch|",
    "vouches|",
    "vouched|",
    "underscore|",
    "underscores|",
    "underscored|",
    "document|",
    "documents|",
    "documented|",
    "identify|",
    "identifies|",
    "identified|",
    "recognize|",
    "recognizes|",
    "recognized|",
    "chant|",
    "chants|",
    "chanted|",
    "slam|",
    "slams|",
    "slammed|",
    "blast|",
    "blasts|",
    "blasted|",
    "accuse|",
    "accuses|",
    "accused|",
    "deny|",
    "denies|",
    "denied|",
    "insist|",
    "insists|",
    "insisted|",
    "warn|",
    "warns|",
    "warned|",
    "acknowledge|",
    "acknowledges|",
    "acknowledged|",
    "want|",
    "wants|",
    "wanted|",
    "plan|",
    "plans|",
    "planned|",
    "decide|",
    "decides|",
    "decided|",
    "know|",
    "knows|",
    "knew|",
    "say|",
    "says|",
    "said|",
    "tell|",
    "tells|",
    "told|",
    "ask|",
    "asks|",
    "asked|",
    "argue|",
    "argues|",
    "argued|",
    "claim|",
    "claims|",
    "claimed|",
    "suggest|",
    "suggests|",
    "suggested|",
    "agree|",
    "agrees|",
    "agreed|",
    "disagree|",
    "disagrees|",
    "disagreed|",
    "condemn|",
    "condemns|",
    "condemned|",
    "defend|",
    "defends|",
    "defended|",
    "welcome|",
    "welcomes|",
    "welcomed|",
    "dismiss|",
    "dismisses|",
    "dismissed|",
    "reject|",
    "rejects|",
    "rejected|",
    "embrace|",
    "embraces|",
    "embraced|",
    "celebrate|",
    "celebrates|",
    "celebrated|",
    "applaud|",
    "applauds|",
    "applauded|",
    "complain|",
    "complains|",
    "complained|",
    "joke|",
    "jokes|",
    "joked|",
    "mock|",
    "mocks|",
    "mocked|",
    "barked|",
    "yelled|",
    "shouted|",
    "see|",
    "sees|",
    "seen|",
    "learn|",
    "learns|",
    "learned|",
    "read|",
    "reads|",
    "file|",
    "files|",
    "filed|"
));

/// Adjectives of stance and feeling that, after a form of "be", are a cue
/// of the generic rule ([`generic`]): "was eager to", "were quick to cast",
/// "is skeptical of", "was pleased with" (PolNeAR annotates them; from the
/// cue words the rules missed on the train split).
pub(super) static STANCE_ADJECTIVES: WordSet = WordSet::new(concat!(
    "eager|",
    "aware|",
    "skeptical|",
    "sceptical|",
    "critical|",
    "hopeful|",
    "confident|",
    "concerned|",
    "proud|",
    "sure|",
    "optimistic|",
    "pessimistic|",
    "worried|",
    "determined|",
    "wary|",
    "leery|",
    "impressed|",
    "comfortable|",
    "uncomfortable|",
    "adamant|",
    "supportive|",
    "shocked|",
    "scared|",
    "afraid|",
    "willing|",
    "unwilling|",
    "reluctant|",
    "happy|",
    "unhappy|",
    "pleased|",
    "upset|",
    "angry|",
    "furious|",
    "convinced|",
    "unsure|",
    "doubtful|",
    "enthusiastic|",
    "quick|",
    "keen|",
    "frustrated|",
    "disappointed|",
    "satisfied|",
    "grateful|",
    "thankful|",
    "fond|",
    "vocal|",
    "outspoken|",
    "insistent|",
    "committed|",
    "opposed"
));

/// Verbs of doing that a person subject does without saying or thinking
/// anything: the generic rule ([`generic`]) takes no cue from them ("Trump
/// needs", "Clinton won", "he joined"), unless a clause follows. From the
/// PolNeAR train split.
pub(super) static NOT_SAYING: WordSet = WordSet::new(concat!(
    "need|",
    "needs|",
    "leads|",
    "remains|",
    "worked|",
    "works|",
    "captured|",
    "turned|",
    "led|",
    "joined|",
    "earned|",
    "received|",
    "picked|",
    "served|",
    "finished|",
    "comes|",
    "gets|",
    "faces|",
    "faced|",
    "visited|",
    "wins|",
    "won|",
    "scored|",
    "married|",
    "dropped|",
    "trails|",
    "stopped|",
    "looked|",
    "entered|",
    "ended|",
    "walked|",
    "stepped|",
    "tried|",
    "lost|",
    "died|",
    "moved|",
    "returned|",
    "arrived|",
    "spent|",
    "traveled|",
    "travelled|",
    "lived|",
    "grew|",
    "became|",
    "seemed|",
    "appeared|",
    "remained|",
    "started|",
    "played|",
    "held|",
    "holds|",
    "takes|",
    "took|",
    "made|",
    "makes|",
    "went|",
    "goes|",
    "came|",
    "got|",
    "ran|",
    "runs|",
    "left|",
    "sat|",
    "stood|"
));

/// Words after a verb that show it reports nothing: particles, places,
/// the end of the clause ("settled in", "carried out", "emerged as").
pub(super) static AFTER_DOING: WordSet = WordSet::new(concat!(
    "in|", "at|", "on|", "as|", "out|", "up|", "from|", "into|", "with|", "by|", ",|", ".|",
    "down|", "off|", "back|", "over|", "behind|", "through|"
));

pub(super) fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Whether tokens `k..k + 3` are a share of people written "six in 10",
/// "one in three".
pub(super) fn share_of(d: &Doc, k: usize) -> bool {
    let count = |w: &str| is_number(w) || COUNT_WORDS.contains(w);
    k + 2 < d.toks.len() && count(d.lw(k)) && d.lw(k + 1) == "in" && count(d.lw(k + 2))
}

/// Numbers written as words, up to ten.
pub(super) static COUNT_WORDS: WordSet = WordSet::new(concat!(
    "one|", "two|", "three|", "four|", "five|", "six|", "seven|", "eight|", "nine|", "ten|"
));

/// Whether a subject's last word is a share of people ("42%", "9 percent").
pub(super) fn share_word(w: &str) -> bool {
    matches!(w, "%" | "percent")
}

pub(super) fn is_month(w: &str) -> bool {
    crate::entities::dates::MONTHS.iter().any(|(m, _)| *m == w)
}

pub(super) fn is_day(w: &str) -> bool {
    crate::entities::dates::WEEKDAYS.contains(w)
}

/// Head nouns of polls and surveys, which report what they find ("in the
/// latest Gallup poll").
pub(super) static POLLS: WordSet = WordSet::new(concat!("poll|", "polls|", "survey|", "surveys|"));

/// "in" before a poll or survey as a cue: "In the latest Gallup poll, 52
/// percent …" (the rest of the sentence is the content) or "… leads in
/// three polls" (the sentence up to "in"). The poll phrase is the source.
pub(super) fn in_poll(d: &Doc, sa: usize, sb: usize, i: usize) -> Option<(Attribution, usize)> {
    let (a, mut b) = np_fwd(d, i + 1, sb)?;
    // "the latest Gallup poll": the noun after the name
    if b < sb && POLLS.contains(d.lw(b)) {
        b += 1;
    }
    // the head noun: before an "of" / "in" / "from" phrase
    let head = (a..b)
        .find(|&k| k > a && matches!(d.lw(k), "of" | "in" | "from" | "by" | "for"))
        .unwrap_or(b);
    if !POLLS.contains(d.lw(head - 1)) || is_pronoun(d.lw(a)) {
        return None;
    }
    let cue = d.span(i, i + 1);
    let mut c = b;
    while c < sb && matches!(d.toks[c].kind, TokKind::Punct | TokKind::Quote) {
        c += 1;
    }
    let content = if i == sa && c < sb {
        d.span(c, sb)
    } else if i > sa {
        d.span(sa, i)
    } else {
        return None;
    };
    let (sp, named) = speaker_of(d, a, b);
    Some((mk(d, cue, Some((a, b)), content, sp, named), b))
}
