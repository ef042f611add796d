#!/usr/bin/env python3
"""Regenerate data/lexicons/companies.txt: company and market-index names.

    python3 scripts/lexicons/companies.py [S_AND_P_GIT_DIR]

Sources:

  * github.com/datasets/s-and-p-500-companies at COMMIT, data/constituents.csv
    ("Security" column): the S&P 500 constituents, Open Data Commons Public
    Domain Dedication and License (PDDL 1.0). Cloned into
    scripts/lexicons/.cache/ when no directory is given.
  * EXTRA_SINGLE and EXTRA_MULTI below: large companies outside the S&P 500, news agencies and
    stock-market indices that news names bare, written for this project.

Names are cleaned of legal suffixes and share classes ("Apple Inc." ->
"Apple", "Alphabet Inc. (Class A)" -> "Alphabet"); only the short form is
listed, so that "Apple Inc." and "Apple" in one text stay one entity (the
entity rules read a legal suffix after a name). A one-word name that is
also a common English word (data/lexicons/common-words.txt), a given name
(data/lexicons/first-names.txt) or in AMBIGUOUS (surnames and words a
capital letter does not make a company) is left out: "Target", "Ford" and
"Visa" name other things too often for a bare list to decide.
Output: one name a line, sorted, deduplicated. Deterministic.
"""
import csv
import io
import os
import subprocess
import sys

COMMIT = "56509dd80619e4d8e1410c2260d68ddd3eab6068"
REPO = "https://github.com/datasets/s-and-p-500-companies"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LEX = os.path.join(ROOT, "data", "lexicons")

SUFFIXES = [
    "(The)", "(Class A)", "(Class B)", "(Class C)", "& Co.", "Inc.", "Inc",
    "Incorporated", "Corporation", "Corp.", "Corp", "Company", "Co.", "plc",
    "PLC", "Ltd.", "Ltd", "Limited", "N.V.", "S.A.", "AG", "SE",
]

# Surnames, places and words that a capital letter does not make a company.
AMBIGUOUS = set("""
Ford Dell Tyson Hilton Campbell Morgan Hershey Kellogg Marriott Ball Target Visa
Gap Progressive Citizens Mosaic Equity Apache Southern Dominion Public Hess Loews
Masco Ralph Lauren Rollins Snap Steel Travelers Universal Waters Williams Jacobs
Henry Schein Hubbell Huntington Eaton Emerson Corning Carrier Baxter Boston Deere
Dover Edison Globe Hunt Lennar Linde Lilly Marathon Martin Mohawk Packaging Parker
Pool Quest Ross Royal Tractor Tyler Vulcan Zebra Atmos Axon Brown Chubb Crown
Delta Fox Franklin General Genuine Hartford Jack Lamb Live McCormick Mid Monster
Norfolk Northern Otis Pinnacle Principal Prudential Raymond Republic Robinson
Rockwell Simon State Stanley Texas Union United Ventura West Western Wynn Las
Vegas American Bank Capital Charles Church Consolidated Constellation Digital
Discover Essex Everest Extra First Fortune Global Host Hudson International Iron
Kimberly Kinder Lincoln Match News Old Paramount Smith Arch Alliant Analog
Builders Camden Erie Fair Freeport Gen Regency Realty Sherwin Quanta Pentair
Newmont Nucor Cboe Howmet Hormel Sempra Watsco Dayforce Corpay Cencora Amcor
""".split())

# Common words that, capitalised in news, are nearly always the company.
ALLOW = {"Apple", "Amazon", "Oracle", "Shell", "Tesla", "Intel", "Meta", "Alphabet"}

# Companies, agencies and indices outside the S&P 500 that news names bare.
EXTRA_SINGLE = """
Airbus Alibaba Tencent Baidu Huawei Xiaomi ByteDance TikTok Lenovo Foxconn TSMC
Samsung Hyundai Kia LG Sony Toyota Honda Nissan Mitsubishi Panasonic Toshiba
Hitachi Nintendo SoftBank Fujitsu Volkswagen BMW Daimler Porsche Siemens Bosch
Bayer BASF Allianz Lufthansa Commerzbank Adidas Puma SAP Nestlé Novartis Roche
UBS Glencore Unilever Shell BP HSBC Barclays Lloyds Vodafone Tesco AstraZeneca
GlaxoSmithKline GSK BHP Ryanair EasyJet Renault Peugeot Stellantis Michelin
TotalEnergies L'Oréal LVMH Danone Carrefour Thales Dassault Safran Ericsson Nokia
Spotify IKEA Volvo Maersk Philips Heineken ING ASML Santander BBVA Telefónica
Inditex Zara Fiat Ferrari Pirelli Eni Enel Gazprom Lukoil Rosneft Aeroflot
Sberbank Yandex Aramco Etihad Infosys Wipro Petrobras Embraer
Bombardier Shopify Alcatel-Lucent Compaq Yahoo Twitter Facebook Instagram WhatsApp
YouTube OpenAI Anthropic SpaceX ZTE Nikkei FTSE DAX Stoxx Euronext Reuters
Bloomberg AFP Xinhua Interfax TASS Kyodo Yonhap
""".split()
EXTRA_MULTI = [
    "Deutsche Bank", "Credit Suisse", "BAE Systems", "Rio Tinto", "Novo Nordisk",
    "Saudi Aramco", "Qatar Airways", "Reliance Industries", "Tata Motors",
    "Tata Steel", "Hang Seng", "Dow Jones", "Associated Press",
    "Agence France-Presse", "RIA Novosti", "Nasdaq Composite", "Goldman Sachs",
    "Morgan Stanley", "Wells Fargo", "JPMorgan Chase", "Bank of America",
    "Exxon Mobil", "Lockheed Martin", "General Motors", "General Electric",
    "Ford Motor", "Dow Jones Industrial Average", "Nikkei 225", "FTSE 100",
    "S&P 500", "New York Stock Exchange", "London Stock Exchange", "Tokyo Stock Exchange",
    "Hewlett-Packard", "Sainsbury's", "Rolls-Royce", "Mercedes-Benz",
]


def words(path):
    with open(path, encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip()}


def clean(name):
    name = name.strip()
    changed = True
    while changed:
        changed = False
        for s in SUFFIXES:
            for sep in (" ", ", "):
                if name.endswith(sep + s):
                    name = name[: -len(sep + s)].strip()
                    changed = True
    if name.startswith("The "):
        name = name[4:]
    return name.rstrip(",")


def constituents(git_dir):
    out = subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{COMMIT}:data/constituents.csv"],
        check=True, capture_output=True, text=True,
    ).stdout
    return [row["Security"] for row in csv.DictReader(io.StringIO(out))]


def main():
    if len(sys.argv) > 1:
        git_dir = sys.argv[1]
    else:
        git_dir = os.path.join(HERE, ".cache", "s-and-p-500-companies.git")
        if not os.path.isdir(git_dir):
            subprocess.run(["git", "clone", "--bare", "-q", REPO, git_dir], check=True)
    common = words(os.path.join(LEX, "common-words.txt"))
    first = words(os.path.join(LEX, "first-names.txt"))
    names = set()
    for raw in constituents(git_dir) + EXTRA_SINGLE + EXTRA_MULTI:
        for n in [clean(raw)]:
            if not n or not any(c.isalpha() for c in n) or "(" in n or n.endswith("&"):
                continue
            one_word = " " not in n
            if one_word and n not in ALLOW and (
                n.lower() in common or n in first or n in AMBIGUOUS
            ):
                continue
            # Only names that look like names: a capital or a digit first.
            if not (n[0].isupper() or n[0].isdigit()):
                continue
            names.add(n)
    with open(os.path.join(LEX, "companies.txt"), "w", encoding="utf-8") as f:
        for n in sorted(names):
            f.write(n + "\n")
    print(f"{len(names)} names -> data/lexicons/companies.txt", file=sys.stderr)


if __name__ == "__main__":
    main()
