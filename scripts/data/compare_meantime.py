#!/usr/bin/env python3
"""Build sentence-level "same fact" gold for the comparison engine from the
NewsReader MEANTIME corpus (stdlib only, deterministic, fetches nothing).

Source: NewsReader MEANTIME corpus, English section, release
`meantime_newsreader_english_oct15` (Minard et al., LREC 2016), 120 English
Wikinews articles in 4 topics (corpus_airbus, corpus_apple, corpus_gm,
corpus_stock), CAT XML with intra- and cross-document event coreference.
Licence CC BY 4.0 (c) 2015 FBK, VU University Amsterdam, UPV/EHU; the article
texts are from English Wikinews (CC BY 2.5). See data/eval/compare/README.md.

Input: the folder `meantime_newsreader_english_oct15/` (it must contain
`intra_cross-doc_annotation/corpus_*/*.xml`). Default:
data/ext/meantime/meantime_newsreader_english_oct15 (ignored by git). Obtain it
from http://www.newsreader-project.eu/results/data/wikinews/ or from the copy in
github.com/qiangning/StructTempRel-EMNLP17 (path
data/meantime_newsreader_english_oct15, commit d6518a5a79d9...), e.g.
  git clone --depth 1 https://github.com/qiangning/StructTempRel-EMNLP17 /tmp/s
  mkdir -p data/ext/meantime && cp -r /tmp/s/data/meantime_newsreader_english_oct15 data/ext/meantime/

Method
- A document's sentences are its CAT `sentence` groups of tokens, detokenised
  (`` '' -> ", ` -> ', no space before , . ; : ! ? % ) 's n't ..., none after ( $ ...).
  Sentence 0 is the title, sentence 1 the dateline ("March 01, 2008").
- text = title + "\\n" + dateline + "\\n\\n" + body sentences joined by one
  space (CAT keeps no paragraph breaks). Every sentence occurs verbatim in text.
- An event mention belongs to the sentence of its first anchor token. Its
  cross-document chain is the `instance_id` of the EVENT instance it
  REFERS_TO (CROMER corpus-level instances, shared across documents).
- Candidate pairs: two documents of the same topic that share >= 1 chain.
  Unordered pairs are ranked per topic by number of shared chains (desc), then
  by doc names; the top PAIRS_PER_TOPIC are kept (MEANTIME has only 49
  such pairs, so all are kept) and each is written in both directions: first
  the older article (dateline; ties: smaller doc_id) as base and the newer as
  source, then the reverse. "direction" is "older_base" or "newer_base".
- gold: for every base body sentence (index >= 2) with >= 1 chained event
  mention, [i, [j, ...]] where j ranges over the source sentences (title
  included, dateline excluded) mentioning an event of one of the same chains;
  [] means "no counterpart".
- split: "dev" or "test" by FNV-1a 64 of the unordered pair id
  "meantime:TOPIC:OLDER~NEWER" (test if value % 10 < 3), so both directions
  of a pair fall in the same part.

Output: data/eval/compare/events.jsonl (one JSON object a line, sorted by
topic then id), keys: id, topic, split, shared_chains, base, source, gold.
base/source: {doc, doc_id, url, date, sentences, text}.

Usage: scripts/data/compare_meantime.py [CORPUS_DIR] [OUT_FILE]
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.join(ROOT, "data", "ext", "meantime", "meantime_newsreader_english_oct15")
DEFAULT_OUT = os.path.join(ROOT, "data", "eval", "compare", "events.jsonl")
PAIRS_PER_TOPIC = 200
MAX_BYTES = 3 * 1024 * 1024

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "'s", "'S", "n't",
                   "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", "...", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "US$", "A$", "C$", "#", "£", "€", "¥", "“", "‘"}
MONTHS = ("January February March April May June July August September October "
          "November December").split()


def detok(tokens):
    """Join CAT tokens into a sentence string."""
    out = []
    glue_next = True  # no space before the next token
    quote_open = False
    for tok in tokens:
        if tok == "``" or (tok == '"' and not quote_open):
            t, glue_before, glue_after, quote_open = '"', glue_next, True, True
        elif tok == "''" or (tok == '"' and quote_open):
            t, glue_before, glue_after, quote_open = '"', True, False, False
        elif tok == "`":
            t, glue_before, glue_after = "'", glue_next, True
        else:
            t = tok
            glue_before = glue_next or tok in NO_SPACE_BEFORE
            glue_after = tok in NO_SPACE_AFTER or tok.endswith("$")
        if out and not glue_before:
            out.append(" ")
        out.append(t)
        glue_next = glue_after
    return re.sub(r"\s+", " ", "".join(out)).strip()


def parse_doc(path):
    root = ET.parse(path).getroot()
    toks = {}
    sents = {}
    for t in root.iter("token"):
        s = int(t.get("sentence"))
        toks[t.get("t_id")] = s
        sents.setdefault(s, []).append((int(t.get("number")), t.text or ""))
    n = max(sents) + 1
    sentences = [detok([w for _, w in sorted(sents.get(i, []))]) for i in range(n)]
    mk = root.find("Markables")
    ev_sent = {}
    for m in mk.findall("EVENT_MENTION"):
        anchors = [toks[a.get("t_id")] for a in m.findall("token_anchor") if a.get("t_id") in toks]
        if anchors:
            ev_sent[m.get("m_id")] = min(anchors)
    inst = {e.get("m_id"): e.get("instance_id") for e in mk.findall("EVENT") if e.get("instance_id")}
    sent_chains = [set() for _ in range(n)]
    rel = root.find("Relations")
    if rel is not None:
        for r in rel.findall("REFERS_TO"):
            tg = r.find("target")
            if tg is None or tg.get("m_id") not in inst:
                continue
            chain = inst[tg.get("m_id")]
            for s in r.findall("source"):
                if s.get("m_id") in ev_sent:
                    sent_chains[ev_sent[s.get("m_id")]].add(chain)
    date = sentences[1] if n > 1 else ""
    iso = ""
    m = re.match(r"^(\w+) (\d{1,2}), (\d{4})$", date)
    if m and m.group(1) in MONTHS:
        iso = "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    else:
        raise SystemExit("unexpected dateline in %s: %r" % (path, date))
    text = sentences[0] + "\n" + sentences[1] + "\n\n" + " ".join(sentences[2:])
    for s in sentences:
        assert s in text
    return {
        "doc": root.get("doc_name"),
        "doc_id": root.get("doc_id"),
        "url": root.get("url"),
        "date": iso,
        "sentences": sentences,
        "text": text,
        "_chains": sent_chains,
    }


def fnv1a64(data, h=0xCBF29CE484222325):
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
    out_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    base_dir = os.path.join(corpus, "intra_cross-doc_annotation")
    topics = sorted(d for d in os.listdir(base_dir) if d.startswith("corpus_"))
    if not topics:
        raise SystemExit("no corpus_* folders under " + base_dir)
    lines = []
    stats = {"pairs": 0, "claims": 0, "with": 0, "without": 0}
    for topic in topics:
        docs = [parse_doc(p) for p in sorted(glob.glob(os.path.join(base_dir, topic, "*.xml")))]
        chains = [set().union(*d["_chains"]) for d in docs]
        cand = []
        for a in range(len(docs)):
            for b in range(a + 1, len(docs)):
                shared = chains[a] & chains[b]
                if shared:
                    cand.append((-len(shared), docs[a]["doc"], docs[b]["doc"], a, b, len(shared)))
        cand.sort()
        for _, _, _, a, b, nshared in cand[:PAIRS_PER_TOPIC]:
            first, second = docs[a], docs[b]
            if (second["date"], int(second["doc_id"])) < (first["date"], int(first["doc_id"])):
                first, second = second, first
            for da, db in ((first, second), (second, first)):
                gold = []
                for i in range(2, len(da["sentences"])):
                    ci = da["_chains"][i]
                    if not ci:
                        continue
                    js = [j for j in range(len(db["sentences"])) if j != 1 and db["_chains"][j] & ci]
                    gold.append([i, js])
                    stats["claims"] += 1
                    stats["with" if js else "without"] += 1
                pid = "meantime:%s:%s~%s" % (topic[len("corpus_"):], da["doc_id"], db["doc_id"])
                upid = "meantime:%s:%s~%s" % (topic[len("corpus_"):], first["doc_id"], second["doc_id"])
                split = "test" if fnv1a64(upid.encode()) % 10 < 3 else "dev"
                rec = {
                    "id": pid,
                    "topic": topic,
                    "split": split,
                    "direction": "older_base" if da is first else "newer_base",
                    "shared_chains": nshared,
                    "base": {k: v for k, v in da.items() if not k.startswith("_")},
                    "source": {k: v for k, v in db.items() if not k.startswith("_")},
                    "gold": gold,
                }
                lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
                stats["pairs"] += 1
    data = "\n".join(lines) + "\n"
    if len(data.encode()) > MAX_BYTES:
        raise SystemExit("output %d bytes > cap %d: lower PAIRS_PER_TOPIC" % (len(data.encode()), MAX_BYTES))
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(data)
    print("wrote %s: %d bytes, %d pairs, %d base claims (%d with counterpart, %d without)" % (
        out_path, len(data.encode()), stats["pairs"], stats["claims"], stats["with"], stats["without"]))


if __name__ == "__main__":
    main()
