#!/usr/bin/env python3
"""Rebuild the ClaimBuster check-worthiness train/dev split (stdlib only).

Source: ClaimBuster (Arslan, Hassan, Li, Tremayne 2020, "A Benchmark Dataset of
Check-worthy Factual Claims", ICWSM), the 2.5xNCS two-class file
`data/two_class/kfold_25ncs.csv` of github.com/utaresearch/claimbuster-spotter.

Columns of that file: sentence_id, screening (always -3), label, text.
label 1 = CFS (check-worthy factual sentence) -> positive;
label 0 = NCS, i.e. NFS and UFS merged (the file does not tell them apart) -> negative.

Split (fixed before any tuning): rows sorted by sentence_id ascending; the last
20 % (ceil) are dev, the rest train.

Output (data/, compact): train.tsv and dev.tsv, lines `label<TAB>sentence_id<TAB>text`
(text with tabs/newlines/runs of spaces collapsed), and PROVENANCE.txt.

Usage: scripts/data/claimbuster.py [MIRROR_GIT_DIR]
  default mirror /work/.mirror/utaresearch+claimbuster-spotter/repo; if it does
  not exist, `git clone --bare https://github.com/utaresearch/claimbuster-spotter`
  into data/train/claimbuster/raw/ is used instead (ignored).
"""
import csv
import hashlib
import io
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "data", "train", "claimbuster")
PATH = "data/two_class/kfold_25ncs.csv"
URL = "https://github.com/utaresearch/claimbuster-spotter"
DEFAULT_MIRROR = "/work/.mirror/utaresearch+claimbuster-spotter/repo"


def fnv1a64(data: bytes, h: int = 0xCBF29CE484222325) -> int:
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def git(gitdir, *args) -> bytes:
    return subprocess.check_output(["git", "--git-dir=" + gitdir, *args])


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_MIRROR
    if not os.path.isdir(gitdir):
        gitdir = os.path.join(OUT, "raw", "claimbuster-spotter.git")
        if not os.path.isdir(gitdir):
            subprocess.check_call(["git", "clone", "--bare", "--quiet", URL, gitdir])
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    raw = git(gitdir, "show", f"{commit}:{PATH}")
    rows = []
    for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        text = " ".join(r["text"].split())
        if not text:
            continue
        label = int(r["label"])
        assert label in (0, 1), r
        rows.append((int(r["sentence_id"]), label, text))
    rows.sort()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate sentence_id"
    n_dev = math.ceil(len(rows) * 0.2)
    train, dev = rows[:-n_dev], rows[-n_dev:]
    os.makedirs(OUT, exist_ok=True)
    digests = {}
    for name, part in (("train", train), ("dev", dev)):
        body = "".join(f"{l}\t{i}\t{t}\n" for i, l, t in part).encode("utf-8")
        with open(os.path.join(OUT, name + ".tsv"), "wb") as f:
            f.write(body)
        digests[name] = (fnv1a64(body), hashlib.sha256(body).hexdigest())

    def counts(part):
        pos = sum(1 for r in part if r[1] == 1)
        return f"{len(part)} sentences, {pos} CFS (positive), {len(part) - pos} NCS (negative)"

    prov = f"""source: {URL} (mirror {gitdir})
file: {PATH} at commit {commit}
file sha256: {hashlib.sha256(raw).hexdigest()}
dataset: ClaimBuster, Arslan et al. 2020, doi:10.5281/zenodo.3609356 (23,533 sentences of US general-election presidential debates 1960-2016)
licence: the repository states "The work in this repository is released under the GNU General Public License v3.0" (README.md, ## License; COPYING = GPL-3.0 text); the dataset's Zenodo record is reported as CC BY 4.0 (not verified from a primary copy here: see REPORT.md)
labels: 1 = CFS (check-worthy factual) = positive; 0 = NCS (NFS + UFS merged in this file) = negative
split: sorted by sentence_id; last 20% (ceil) = dev, rest = train; dev sentence_id range {dev[0][0]}..{dev[-1][0]}
all: {counts(rows)}
train: {counts(train)}; fnv1a64 {digests['train'][0]:016x}; sha256 {digests['train'][1]}
dev: {counts(dev)}; fnv1a64 {digests['dev'][0]:016x}; sha256 {digests['dev'][1]}
"""
    with open(os.path.join(OUT, "PROVENANCE.txt"), "w") as f:
        f.write(prov)
    sys.stdout.write(prov)


if __name__ == "__main__":
    main()
