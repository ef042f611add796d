#!/usr/bin/env python3
"""Build data/eval/compare/stories.jsonl: hand-labelled multi-source stories
(stdlib only, deterministic, fetches nothing).

Texts: English Wikinews articles (CC BY 2.5) as tokenised in the NewsReader
MEANTIME corpus (CC BY 4.0), detokenised exactly as in compare_meantime.py.
Labels: data/eval/compare/stories.labels.txt, written by hand by reading the
texts (see data/eval/compare/README.md for the label definitions).

Labels file format:
  @ STORY_ID BASE_DOC_ID SOURCE_DOC_ID [SOURCE_DOC_ID ...]
  I | LABELS_FOR_SOURCE_1 | LABELS_FOR_SOURCE_2 ...
where I is a base sentence index (0 = title, 1 = dateline, never labelled) and
LABELS is "-" (no counterpart in that source) or space-separated "Ja" (source
sentence J states the same fact, compatibly: agrees) / "Jd" (same fact,
conflicting value or detail: differs).

Output: one line per (story, source) pair, sorted by story then source order:
  {"id", "story", "base": {doc, doc_id, url, date, sentences, text},
   "source": {...}, "gold": [[i, [[j, "agrees"|"differs"], ...]], ...]}

Usage: scripts/data/compare_stories.py [CORPUS_DIR] [LABELS] [OUT_FILE]
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_meantime as cm  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_LABELS = os.path.join(ROOT, "data", "eval", "compare", "stories.labels.txt")
DEFAULT_OUT = os.path.join(ROOT, "data", "eval", "compare", "stories.jsonl")
REL = {"a": "agrees", "d": "differs"}


def parse_labels(path):
    stories = []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            parts = line[1:].split()
            stories.append({"id": parts[0], "base": parts[1], "sources": parts[2:], "claims": []})
            continue
        cols = [c.strip() for c in line.split("|")]
        st = stories[-1]
        if len(cols) != 1 + len(st["sources"]):
            raise SystemExit("%s:%d: expected %d columns" % (path, n, 1 + len(st["sources"])))
        i = int(cols[0])
        per = []
        for c in cols[1:]:
            labs = []
            if c != "-":
                for tok in c.split():
                    labs.append([int(tok[:-1]), REL[tok[-1]]])
            per.append(labs)
        st["claims"].append((i, per))
    return stories


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else cm.DEFAULT_CORPUS
    labels = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_LABELS
    out_path = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_OUT
    docs = {}
    for p in sorted(glob.glob(os.path.join(corpus, "intra_cross-doc_annotation", "corpus_*", "*.xml"))):
        d = cm.parse_doc(p)
        d.pop("_chains")
        d["topic"] = os.path.basename(os.path.dirname(p))
        docs[d["doc_id"]] = d
    stories = parse_labels(labels)
    lines = []
    n = {"stories": len(stories), "pairs": 0, "claims": 0, "claim_pairs": 0, "with": 0,
         "without": 0, "agrees": 0, "differs": 0}
    for st in stories:
        base = docs[st["base"]]
        seen = set()
        for i, _ in st["claims"]:
            if i < 2 or i >= len(base["sentences"]) or i in seen:
                raise SystemExit("%s: bad base index %d" % (st["id"], i))
            seen.add(i)
        n["claims"] += len(st["claims"])
        for k, sid in enumerate(st["sources"]):
            src = docs[sid]
            gold = []
            for i, per in sorted(st["claims"]):
                labs = sorted(per[k])
                for j, _ in labs:
                    if j == 1 or j >= len(src["sentences"]):
                        raise SystemExit("%s: bad source index %d in %s" % (st["id"], j, sid))
                gold.append([i, labs])
                n["claim_pairs"] += 1
                n["with" if labs else "without"] += 1
                for _, r in labs:
                    n[r] += 1
            rec = {
                "id": "story:%s:%s~%s" % (st["id"], st["base"], sid),
                "story": st["id"],
                "base": {key: base[key] for key in ("doc", "doc_id", "url", "date", "sentences", "text")},
                "source": {key: src[key] for key in ("doc", "doc_id", "url", "date", "sentences", "text")},
                "gold": gold,
            }
            lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
            n["pairs"] += 1
    data = "\n".join(lines) + "\n"
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(data)
    print("wrote %s: %d bytes; %d stories, %d (story,source) pairs, %d base claims, "
          "%d claim-source judgements (%d with counterpart, %d without); links: %d agrees, %d differs"
          % (out_path, len(data.encode()), n["stories"], n["pairs"], n["claims"], n["claim_pairs"],
             n["with"], n["without"], n["agrees"], n["differs"]))


if __name__ == "__main__":
    main()
