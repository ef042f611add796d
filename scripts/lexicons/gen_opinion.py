#!/usr/bin/env python3
"""Regenerate data/lexicons/opinion.txt, the opinion-cue word list of the claims engine.

    python3 scripts/lexicons/gen_opinion.py

Downloads (once, into scripts/lexicons/.cache/, which git ignores):

  * PyPI textblob==0.20.1      (MIT) ships textblob/en/en-sentiment.xml, the Pattern
                               subjectivity lexicon of English adjectives by Tom De Smedt
                               and Walter Daelemans, declared license="PDDL" in the file
  * PyPI vaderSentiment==3.3.2 (MIT) ships vader_lexicon.txt, the VADER valence lexicon
                               by C.J. Hutto

and writes one lowercase word a line, sorted and deduplicated:

  * Pattern adjectives whose mean subjectivity over their senses is >= PATTERN_MIN_SUBJ;
  * VADER words whose mean valence is >= VADER_MIN_ABS in absolute value and that are
    shaped like adjectives or adverbs (suffixes in ADJ_SUFFIXES; -ing and -ed forms are
    left out because in news they are mostly verbs: "killing", "attacked");
  * minus STOP: words that are subjective in reviews but factual in news.

Only the standard library is used; `pip` fetches the packages by name and version.
"""
import os
import re
import statistics
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, "scripts", "lexicons", ".cache")
OUT = os.path.join(ROOT, "data", "lexicons", "opinion.txt")

TEXTBLOB = "textblob==0.20.1"
VADER = "vaderSentiment==3.3.2"

PATTERN_MIN_SUBJ = 0.7
VADER_MIN_ABS = 1.8
ADJ_SUFFIXES = ("ful", "ous", "ive", "able", "ible", "ic", "ical", "less", "ish", "ent", "ant", "ly", "y", "ate")
# Noun and verb endings that the adjective suffixes above would let in.
NOT_ADJ_SUFFIXES = ("ing", "ed", "ment", "ments", "ness", "ency", "ancy", "ity")
MIN_LEN = 4
# Subjective in product reviews, factual in news reports.
STOP = {
    "aired", "base", "behind", "chicken", "cold", "confirmed", "decreased", "detailed", "elect",
    "elementary", "experienced", "filled", "final", "free", "giant", "lonely", "military", "only",
    "past", "public", "dead", "deadly", "bloody", "early", "daily", "weekly", "monthly", "yearly",
    "only", "likely", "certainly", "especially", "definitely", "really", "actually", "truly",
    "rose", "effectively", "necessary", "traditional", "engagement",
}
VULGAR = re.compile(r"fuck|shit|bitch|bastard|whore|cunt|dick|piss|slut|fag|crap|damn|ass")


def wheel(spec):
    os.makedirs(CACHE, exist_ok=True)
    name = spec.split("==")[0].lower()
    found = [f for f in os.listdir(CACHE) if f.lower().startswith(name) and f.endswith(".whl")]
    if not found:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", CACHE, spec])
        found = [f for f in os.listdir(CACHE) if f.lower().startswith(name) and f.endswith(".whl")]
    return zipfile.ZipFile(os.path.join(CACHE, sorted(found)[0]))


def pattern_words():
    z = wheel(TEXTBLOB)
    xml = z.read("textblob/en/en-sentiment.xml").decode("utf-8")
    assert 'license="PDDL"' in xml, "Pattern lexicon licence changed"
    senses = {}
    for m in re.finditer(r'<word form="([^"]+)"[^>]*?subjectivity="([0-9.]+)"', xml):
        senses.setdefault(m.group(1).lower(), []).append(float(m.group(2)))
    return {w for w, s in senses.items() if statistics.mean(s) >= PATTERN_MIN_SUBJ}


def vader_words():
    z = wheel(VADER)
    text = z.read("vaderSentiment/vader_lexicon.txt").decode("utf-8", "replace")
    out = set()
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        w, v = parts[0], float(parts[1])
        if (
            abs(v) >= VADER_MIN_ABS
            and w.endswith(ADJ_SUFFIXES)
            and not w.endswith(NOT_ADJ_SUFFIXES)
        ):
            out.add(w)
    return out


def main():
    words = pattern_words() | vader_words()
    words = sorted(
        w for w in words
        if w.isalpha() and w.isascii() and w.islower() and len(w) >= MIN_LEN
        and w not in STOP and not VULGAR.search(w)
    )
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(words) + "\n")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
