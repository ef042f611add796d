#!/usr/bin/env python3
"""Rebuild the hedging dev/train sets (evaluation/calibration only; never commit data/).

Source: clips/pattern test/corpora/uncertainty-conll2010.csv, a balanced 1500/1500 sample of
CoNLL-2010 Shared Task 1 Wikipedia sentences that pattern's author took from the *training*
data (pattern/text/en/modality.py: "tested with BioScope and Wikipedia training data from
CoNLL2010 Shared Task 1"). Licence: test/corpora/README.txt "The corpora are meant for personal
use, they are not part of the module's BSD license." => evaluation/calibration only.

Usage: python3 scripts/data/hedging.py [MIRROR_GIT_DIR]
  MIRROR_GIT_DIR defaults to /work/.mirror/clips+pattern/repo; if absent, a bare clone of
  https://github.com/clips/pattern is made under data/ext/hedging/pattern.git.
Split: no document ids exist, so each sentence goes to dev when
  fnv1a64("hedging-split-v1\\t" + sentence) % 5 == 0 (20 %), else train (80 %).
"""
import csv, io, json, os, subprocess, sys, hashlib

PATH = "test/corpora/uncertainty-conll2010.csv"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "data", "ext", "hedging")

def fnv1a64(b):
    h = 0xcbf29ce484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h

def main():
    os.makedirs(OUT, exist_ok=True)
    git_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/clips+pattern/repo"
    if not os.path.isdir(git_dir):
        git_dir = os.path.join(OUT, "pattern.git")
        if not os.path.isdir(git_dir):
            subprocess.check_call(["git", "clone", "--bare", "https://github.com/clips/pattern", git_dir])
    commit = subprocess.check_output(["git", "--git-dir", git_dir, "rev-parse", "HEAD"]).decode().strip()
    raw = subprocess.check_output(["git", "--git-dir", git_dir, "show", f"{commit}:{PATH}"])
    rows = []
    for rec in csv.reader(io.StringIO(raw.decode("utf-8-sig"))):
        if len(rec) < 2:
            continue
        label, text = rec[0].strip(), rec[1].strip()
        if label not in ("0", "1", "-1"):
            continue
        # pattern: int(certain) > 0 means certain
        rows.append((text, 0 if int(label) > 0 else 1))
    rows.sort()
    seen, uniq = set(), []
    for t, y in rows:
        if t in seen:
            continue
        seen.add(t); uniq.append((t, y))
    counts = {}
    tsv = {"train": [], "dev": []}
    with open(os.path.join(OUT, "train.jsonl"), "w") as tr, open(os.path.join(OUT, "dev.jsonl"), "w") as dv:
        for i, (t, y) in enumerate(uniq):
            split = "dev" if fnv1a64(("hedging-split-v1\t" + t).encode()) % 5 == 0 else "train"
            rec = {"id": f"s{fnv1a64(t.encode()):016x}", "text": t, "uncertain": y}
            (dv if split == "dev" else tr).write(json.dumps(rec, ensure_ascii=False) + "\n")
            tsv[split].append(f"{rec['id']}\t{y}\t{t.replace(chr(9), ' ')}\n")
            counts[(split, y)] = counts.get((split, y), 0) + 1
    for split, lines in tsv.items():
        with open(os.path.join(OUT, split + ".tsv"), "w") as f:
            f.writelines(lines)
    prov = {
        "source": "https://github.com/clips/pattern", "path": PATH, "commit": commit,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "licence": "pattern test/corpora/README.txt: 'The corpora are meant for personal use, they are not part of the module's BSD license.' -> evaluation/calibration only, never committed",
        "split": "dev iff fnv1a64('hedging-split-v1\\t'+sentence) % 5 == 0",
        "counts": {f"{s}_{'uncertain' if y else 'certain'}": n for (s, y), n in sorted(counts.items())},
        "rows_raw": len(rows), "rows_unique": len(uniq),
    }
    with open(os.path.join(OUT, "PROVENANCE.json"), "w") as f:
        json.dump(prov, f, indent=1)
    print(json.dumps(prov, indent=1))

if __name__ == "__main__":
    main()
