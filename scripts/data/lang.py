#!/usr/bin/env python3
"""Rebuild claimlens-lang training/dev/test files from openly licensed treebanks.

Usage: python3 scripts/data/lang.py [GUM_GIT_DIR] [EWT_GIT_DIR]   (from the repository root)
  defaults: /work/.mirror/amir-zeldes+gum/repo and
            /work/.mirror/UniversalDependencies+UD_English-EWT/repo
  If a directory is missing, the repository is cloned (bare) from GitHub into data/ext/lang-src/.

Sources (read with `git show HEAD:path`, HEAD commit recorded in data/train/lang/SOURCES.txt):
  * GUM (github.com/amir-zeldes/gum), dep/GUM_<genre>_*.conllu, only genres whose
    texts are CC BY / CC BY-SA per its LICENSE.txt: academic, bio, court, interview,
    news, voyage. Splits from splits.md (dev/test listed; everything else is train).
  * UD English EWT (CC BY-SA 4.0), per-document not-to-release/sources/*.conllu
    with the split lists not-to-release/file-lists/files.{train,dev,test}.

Output (data/train/lang/, gzip, mtime 0): <corpus>-<split>.tsv.gz, one token per line
    word  XPOS  UPOS  head  deprel  NP-BIO
blank line between sentences; tokens as in UD ("ud view").  And
<corpus>-<split>.app.tsv.gz, the same sentences re-tokenised with a port of the app's
tokenizer (claimlens crates/engine/src/text/mod.rs): contractions joined ("don't"), so
gold tags are aligned by character offsets: an app token made of several UD
tokens takes the first one's tags; head/deprel are "_" there.
Deterministic: sorted document lists, no randomness.
"""
import gzip, hashlib, os, re, subprocess, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "data", "train", "lang")
GUM = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/amir-zeldes+gum/repo"
EWT = sys.argv[2] if len(sys.argv) > 2 else "/work/.mirror/UniversalDependencies+UD_English-EWT/repo"
URLS = {"gum": "https://github.com/amir-zeldes/gum",
        "ewt": "https://github.com/UniversalDependencies/UD_English-EWT"}
GUM_GENRES = ["academic", "bio", "court", "interview", "news", "voyage"]


def ensure(gitdir, url):
    if os.path.isdir(gitdir):
        return gitdir
    dst = os.path.join(ROOT, "data", "ext", "lang-src", url.rsplit("/", 1)[1] + ".git")
    if not os.path.isdir(dst):
        subprocess.check_call(["git", "clone", "--bare", "--filter=blob:none", url, dst])
    return dst


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir=" + gitdir] + list(args), check=True,
                          capture_output=True).stdout.decode("utf-8")


# ---------------------------------------------------------------- CoNLL-U
def parse_conllu(text):
    """Sentences as lists of dicts (form, upos, xpos, head, deprel, space)."""
    sents, cur = [], []
    mwt_end, mwt_space = 0, True  # multiword token (e.g. 3-4 "don't"): no space inside it
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            mwt_end, mwt_space = 0, True
            continue
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 10 or "." in f[0]:
            continue
        if "-" in f[0]:
            mwt_end = int(f[0].split("-")[1])
            mwt_space = "SpaceAfter=No" not in f[9].split("|")
            continue
        space = "SpaceAfter=No" not in f[9].split("|")
        if int(f[0]) < mwt_end:
            space = False
        elif int(f[0]) == mwt_end:
            space = mwt_space
        cur.append(dict(form=f[1], upos=f[3], xpos=f[4], head=int(f[6]), deprel=f[7], space=space))
    if cur:
        sents.append(cur)
    return sents


# ---------------------------------------------------------------- gold base NPs
PRE = {"det", "det:predet", "det:poss", "amod", "compound", "nummod", "flat", "flat:name",
       "fixed", "nmod:poss", "compound:prt", "goeswith"}
INNER = {"advmod", "amod", "compound", "nummod", "punct", "fixed", "flat", "flat:name", "det",
         "nmod:npmod", "obl:npmod", "obl:unmarked", "nmod:unmarked", "cc", "conj", "goeswith"}
NOMINAL_ROLES = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "root", "conj", "appos",
                 "obl:tmod", "nmod:tmod", "obl:npmod", "nmod:npmod", "expl", "obl:unmarked",
                 "nmod:unmarked", "dislocated", "vocative", "list", "csubj"}


def base_nps(s):
    """Gold base-NP spans (start, end) derived from a UD tree (CoNLL-2000 style)."""
    n = len(s)
    kids = [[] for _ in range(n + 1)]
    for i, t in enumerate(s):
        kids[t["head"]].append(i + 1)
    spans = []
    for h in range(1, n + 1):
        t = s[h - 1]
        rel = t["deprel"]
        base = rel.split(":")[0]
        if rel in ("compound", "flat", "flat:name", "fixed", "goeswith", "compound:prt"):
            continue
        if rel == "nmod:poss" and t["xpos"] in ("PRP$", "WP$"):
            continue
        nominal = t["upos"] in ("NOUN", "PROPN", "PRON") or (
            t["upos"] in ("NUM", "DET", "ADJ", "SYM", "X") and (rel in NOMINAL_ROLES or base in NOMINAL_ROLES)
            and t["upos"] != "ADJ" or (t["upos"] == "ADJ" and base in ("nsubj", "obj", "iobj") ))
        if not nominal:
            continue
        members = {h}
        stack = []
        for k in kids[h]:
            r = s[k - 1]["deprel"]
            if r in PRE:
                if r == "nmod:poss" and s[k - 1]["xpos"] not in ("PRP$", "WP$"):
                    continue
                stack.append(k)
            elif r == "case" and s[k - 1]["xpos"] == "POS" and k > h:
                members.add(k)
            elif r == "punct" and s[k - 1]["xpos"] == "HYPH":
                stack.append(k)
        while stack:
            k = stack.pop()
            members.add(k)
            for c in kids[k]:
                if s[c - 1]["deprel"] in INNER:
                    stack.append(c)
        lo = hi = h
        while lo - 1 in members:
            lo -= 1
        while hi + 1 in members:
            hi += 1
        # never start or end a chunk with punctuation or a conjunction
        while lo < h and s[lo - 1]["upos"] in ("PUNCT", "CCONJ"):
            lo += 1
        while hi > h and s[hi - 1]["upos"] in ("PUNCT", "CCONJ"):
            hi -= 1
        spans.append((lo - 1, hi))
    spans.sort(key=lambda p: (p[0], -p[1]))
    out, end = [], 0
    for a, b in spans:
        if a >= end:
            out.append((a, b))
            end = b
    return out


def bio(n, spans):
    tags = ["O"] * n
    for a, b in spans:
        tags[a] = "B"
        for i in range(a + 1, b):
            tags[i] = "I"
    return tags


# ---------------------------------------------------------------- app tokenizer port
TITLE = set("Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Gov Sen Rep Rev Hon Pres Supt "
            "Insp Brig Fr St Sr Jr Mt Ft Messrs Mme Mlle".split())
OTHER = set("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Ltd Co Corp Bros No Nos nos nr nrs vs "
            "etc approx est Dept Univ Assn Ave Blvd Rd Vol vol pp p Fig fig cf al e.g i.e a.m p.m Ph.D ca "
            "Op Art Sec Govt Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn "
            "Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo".split())
APOS = "'\u2019\u02bc"


def is_mark(c):
    o = ord(c)
    return 0x300 <= o <= 0x36f or 0x1ab0 <= o <= 0x1aff or 0x1dc0 <= o <= 0x1dff or \
        0x20d0 <= o <= 0x20ff or 0xfe20 <= o <= 0xfe2f


def alnum(c):
    return c.isalnum()


def abbrev_end(text, start, end):
    if end >= len(text) or text[end] != ".":
        return None
    word = text[start:end]
    if len(word) == 1 and word.isalpha():
        j = end + 1
        while j + 1 < len(text) and text[j].isalpha() and text[j + 1] == ".":
            j += 2
        if j == end + 1 and word.islower():
            return None
        if j < len(text) and text[j].isalnum():
            return None
        return j
    if word in TITLE or word in OTHER:
        if word in ("No", "Nos", "nos", "nr", "nrs", "Art", "Op", "Sec", "p", "pp"):
            if not text[end + 1:].lstrip()[:1].isdigit():
                return None
        return end + 1
    return None


def app_tokenize(text):
    """(start, end) char offsets, a port of the app's tokenize() without grapheme-cluster details."""
    out, kinds = [], []
    n = len(text)
    i, space = 0, True
    while i < n:
        c = text[i]
        if c.isspace() or unicodedata.category(c) == "Cc" or c in "\ufeff\u200b":
            space = True
            i += 1
            continue
        start = i
        if c in "0123456789" or (c == "." and i + 1 < n and text[i + 1] in "0123456789" and space):
            j = i + 1 if c == "." else i
            while j < n and text[j] in "0123456789":
                j += 1
            while j + 1 < n and text[j] in ".," and text[j + 1] in "0123456789":
                j += 1
                while j < n and text[j] in "0123456789":
                    j += 1
            if j < n and text[j] in "eE":
                k = j + 1
                if k < n and text[k] in "+-":
                    k += 1
                d = k
                while k < n and text[k] in "0123456789":
                    k += 1
                if k > d and not (k < n and text[k].isascii() and text[k].isalpha()):
                    j = k
            i, kind = j, "num"
        elif c.isalpha() or c.isnumeric():
            j = i + 1
            while j < n:
                d = text[j]
                if d.isalnum() or d == "\u200d" or is_mark(d):
                    j += 1
                elif d in APOS:
                    nx = text[j + 1] if j + 1 < n else ""
                    poss = nx in ("s", "S") and not (j + 2 < n and text[j + 2].isalnum())
                    if nx.isalpha() and not poss:
                        j += 1
                    else:
                        break
                else:
                    break
            e = abbrev_end(text, i, j)
            kind = "word"
            if e is not None:
                j, kind = e, "abbrev"
            i = j
        elif c in APOS and not space and i + 1 < n and text[i + 1] in "sS" and \
                not (i + 2 < n and text[i + 2].isalnum()) and kinds and kinds[-1] != "punct":
            i, kind = i + 2, "poss"
        else:
            i, kind = i + 1, "punct"
        while i < n and is_mark(text[i]):
            i += 1
        out.append((start, i))
        kinds.append(kind)
        space = False
    return out


def app_view(s):
    """Re-tokenise a UD sentence the app's way; returns list of (word, ud_index) or None if equal."""
    text, offs = "", []
    for t in s:
        offs.append((len(text), len(text) + len(t["form"])))
        text += t["form"] + (" " if t["space"] else "")
    toks = app_tokenize(text)
    if [text[a:b] for a, b in toks] == [t["form"] for t in s]:
        return None
    res = []
    for a, b in toks:
        # UD token holding the app token's first character
        k = next(i for i, (x, y) in enumerate(offs) if x <= a < y)
        res.append((text[a:b], k))
    return res


# ---------------------------------------------------------------- main
def write(path, rows_iter):
    """Write rows as gzip (level 9, no name, mtime 0: the same bytes on every run);
    returns the uncompressed size."""
    text = "".join("".join("\t".join(r) + "\n" for r in sent) + "\n" for sent in rows_iter)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    return len(data)


def main():
    gum = ensure(GUM, "https://github.com/amir-zeldes/gum")
    ewt = ensure(EWT, "https://github.com/UniversalDependencies/UD_English-EWT")
    corpora = {}
    # GUM
    splits_md = git(gum, "show", "HEAD:splits.md")
    listed, cur = {}, None
    for line in splits_md.splitlines():
        m = re.match(r"## (\w+)", line)
        if m:
            cur = m.group(1)
        m = re.match(r"\s*\* (\S+)", line)
        if m and cur:
            listed[m.group(1)] = cur
    files = sorted(p for p in git(gum, "ls-tree", "-r", "--name-only", "HEAD", "dep/").split()
                   if re.match(r"dep/GUM_(%s)_" % "|".join(GUM_GENRES), p))
    docs = {"train": [], "dev": [], "test": []}
    for p in files:
        d = p[len("dep/"):-len(".conllu")]
        sp = listed.get(d, "train")
        if sp in docs:
            docs[sp].append(p)
    corpora["gum"] = (gum, docs)
    # EWT
    docs = {}
    for sp in ("train", "dev", "test"):
        lst = git(ewt, "show", "HEAD:not-to-release/file-lists/files." + sp).split()
        docs[sp] = ["not-to-release/sources/" + x for x in sorted(lst)]
    corpora["ewt"] = (ewt, docs)

    meta = []
    for name, (gd, docs) in corpora.items():
        commit = git(gd, "rev-parse", "HEAD").strip()
        meta.append("%s: %s commit %s" % (name, URLS[name], commit))
        for sp in ("train", "dev", "test"):
            with open(os.path.join(HERE, "lists", "%s-%s.txt" % (name, sp)), "w") as f:
                f.write("\n".join(docs[sp]) + "\n")
            ud_rows, app_rows, ntok, nsent, napp, nchanged = [], [], 0, 0, 0, 0
            for p in docs[sp]:
                for s in parse_conllu(git(gd, "show", "HEAD:" + p)):
                    if any(t["form"] == "_" for t in s):
                        continue
                    np = bio(len(s), base_nps(s))
                    ud_rows.append([(t["form"], t["xpos"], t["upos"], str(t["head"]), t["deprel"], np[i])
                                    for i, t in enumerate(s)])
                    v = app_view(s)
                    if v is None:
                        app_rows.append([(t["form"], t["xpos"], t["upos"], "_", "_", np[i])
                                         for i, t in enumerate(s)])
                    else:
                        nchanged += 1
                        row, prev = [], None
                        for w, k in v:
                            t = s[k]
                            tag = np[k]
                            if tag == "B" and prev == k:
                                tag = "I"
                            row.append((w, t["xpos"], t["upos"], "_", "_", tag))
                            prev = k
                        app_rows.append(row)
                    ntok += len(s)
                    napp += len(app_rows[-1])
                    nsent += 1
            base = os.path.join(HERE, "%s-%s" % (name, sp))
            ud_bytes = write(base + ".tsv.gz", ud_rows)
            app_bytes = write(base + ".app.tsv.gz", app_rows)
            meta.append("  %-5s docs=%d sents=%d ud_tokens=%d app_tokens=%d sents_retokenised=%d bytes=%d/%d" % (
                sp, len(docs[sp]), nsent, ntok, napp, nchanged,
                ud_bytes, app_bytes))
    with open(os.path.join(HERE, "SOURCES.txt"), "w") as f:
        f.write("\n".join(meta) + "\n")
        f.write("GUM genres used: %s (texts CC BY / CC BY-SA per gum LICENSE.txt; annotations CC BY 4.0)\n"
                % " ".join(GUM_GENRES))
        f.write("EWT: CC BY-SA 4.0 (LICENSE.txt, README.md 'License: CC BY-SA 4.0')\n")
    print("\n".join(meta))


if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "lists"), exist_ok=True)
    main()
