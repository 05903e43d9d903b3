#!/usr/bin/env python3
"""Build gazetteers/prisons.tsv (label PRISON) from three inputs.

1. US: HIFLD Prison Boundaries (../shared/data/gazetteer-sources/hifld-prisons,
   US DHS, "Public Use"). Kept: STATUS = OPEN only (closed and unknown-status rows
   dropped). The source names are ALL CAPS; they are converted to title case with
   care (acronyms FCI/USP/SCI/MCI/ICE..., Mc/Mac/O' names, St./Mt./Jr., roman
   numerals, lowercase of/the/and/for/at and Spanish de/del inside names, Spanish
   accents kept as written). Cleaned: parenthesised codes and notes ("(SQ)",
   "(MAIN JAIL)"), "[BARGE]", " / SHERIFF" style suffixes (each part of a
   "A / B" name that is itself a detention-facility name becomes a surface), and
   sub-unit suffixes ("- ANNEX", ", EAST UNIT", "- FEMALE"), which collapse into
   the parent facility. Kept only names with a detention head word (jail,
   prison, penitentiary, correctional, detention, stockade, workhouse, lock-up,
   reformatory, house of correction, processing center, work/conservation/boot
   camp, juvenile hall, penal "colony", Texas/Arkansas "Unit", BOP and state
   prefixes FCI/USP/SCI/MCI/MCF/ASPC...). Dropped: sheriff's offices and police
   departments, hospitals, schools, academies, group/foster homes, halfway houses,
   "justice centers" and "law enforcement centers" (often courts), treatment
   programmes, and names too generic to identify a place ("County Jail",
   "Central Jail", "Women's Detention Center"). US facilities that share a name
   in several states ("Washington County Jail") are one line: the surface is the
   same, the name is all the matcher can report. Federal (BOP) abbreviations are
   expanded as aliases, both ways: "FCI Dublin" <-> "Federal Correctional
   Institution, Dublin" (FCI, USP, AUSP, FDC, MDC, MCC, FMC, FPC, FSL, FTC,
   MCFP), and the state forms SCI (Pennsylvania), MCI (Massachusetts), MCF
   (Minnesota), ASPC (Arizona).
2. England & Wales, Scotland, Northern Ireland: gazetteers/curated/prisons_uk.tsv
   (hand-curated; cross-checked against ../shared/data/gazetteer-sources/
   uk-prison-estate-ogl, Open Government Licence v3.0).
3. Worldwide (US landmarks included): gazetteers/curated/prisons_world.tsv
   (hand-curated).

Merge: one line per facility. A curated entry absorbs every HIFLD entry that
shares a surface with it (its canonical name wins, aliases are united); two
curated entries must not share a surface (checked). Among HIFLD entries, equal
canonical names merge; an alias claimed by two different facilities is dropped
from both (it would be ambiguous). Output is sorted and deterministic.
"""

import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data", "gazetteer-sources")
HIFLD = os.path.join(DATA, "hifld-prisons", "Prison_Boundaries.csv")
CURATED = os.path.join(ROOT, "gazetteers", "curated")
OUT = os.path.join(ROOT, "gazetteers", "prisons.tsv")

# ---------------------------------------------------------------- title case

# Tokens kept in capitals.
ACRONYMS = {
    "FCI", "USP", "AUSP", "FDC", "MDC", "MCC", "FMC", "FPC", "FSL", "FTC", "MCFP",
    "ADMAX", "ADX", "SFF", "SPC", "ICE", "SCI", "MCI", "MCF", "ASPC", "CCC", "CI",
    "JDC", "ATC", "CRC", "TTH", "ISF", "SAFPF", "NSD", "CRV", "WRC", "LTCW", "CPU",
    "ADC", "DWI", "LAPD", "NMJC", "IIP", "RYDC", "CJC", "CASC", "HED", "EHU",
    "SE", "NE", "DOC", "DJJ", "ISP", "SRCI", "YDC", "ACI", "CF", "USA", "US",
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
}
# Whole-token rewrites (abbreviations written out or spelled as usual).
REWRITE = {
    "ST.": "St.", "ST": "St.", "MT.": "Mt.", "MT": "Mt.", "FT.": "Ft.", "FT": "Ft.",
    "LT.": "Lt.", "DR.": "Dr.", "DR": "Dr.", "JR.": "Jr.", "JR": "Jr.", "SR.": "Sr.",
    "SR": "Sr.", "CTR": "Center", "CTR.": "Center", "FAC": "Facility",
    "REG.": "Regional", "REG": "Regional", "CO": "County", "TEMP": "Temporary",
    "SEC": "Security", "NW": "Northwest", "SW": "Southwest",
    "NY": "New York", "NH": "New Hampshire", "NM": "New Mexico", "MD": "Maryland",
    "PA": "Pennsylvania", "VA": "Virginia", "TN": "Tennessee", "GA": "Georgia",
    "CA": "California", "AZ": "Arizona", "TX": "Texas", "RI": "Rhode Island",
    "MACLAREN": "MacLaren", "MACDOUGALL": "MacDougall", "MACCORMICK": "MacCormick",
    "DEKALB": "DeKalb", "DESOTO": "DeSoto", "LASALLE": "LaSalle", "DEPORRES": "de Porres",
    "LAPORTE": "LaPorte", "LAGRANGE": "LaGrange", "DUPAGE": "DuPage",
    "MCCURTAIN": "McCurtain", "O'BRIEN": "O'Brien", "O'LAKES": "O'Lakes",
}
PHRASE_FIXES = [("Fond Du Lac", "Fond du Lac"), ("Prairie Du Chien", "Prairie du Chien"),
                ("Lac Qui Parle", "Lac qui Parle")]
SMALL = {"OF", "THE", "AND", "FOR", "AT", "IN", "ON", "TO", "DE", "Y"}
# Spanish articles after "de": "Centro de la ..." (rare in the data)
SPANISH_AFTER_DE = {"LA", "LAS", "LOS", "EL", "DEL"}


def cap_word(w):
    """Title-case one ALL-CAPS word (no spaces; may hold hyphens/apostrophes)."""
    if w in REWRITE:
        return REWRITE[w]
    if w in ACRONYMS:
        return w
    if "-" in w:
        return "-".join(cap_word(p) if p else p for p in w.split("-"))
    if w.startswith("#"):
        return w
    low = w.lower()
    if re.fullmatch(r"mc[a-z]{2,}", low):
        return "Mc" + low[2].upper() + low[3:]
    if re.fullmatch(r"[od]'[a-z]+", low):
        return low[0].upper() + "'" + low[2].upper() + low[3:]
    m = re.fullmatch(r"([a-z\u00e0-\u00ff]+)'s", low)
    if m:
        return m.group(1).capitalize() + "'s"
    if re.fullmatch(r"\d+(st|nd|rd|th)", low):
        return low
    if re.fullmatch(r"[a-z]\.[a-z]\.?", low):  # J.B. -> J.B.
        return w.upper()
    return low[:1].upper() + low[1:]


def title_case(name):
    words = name.split()
    out = []
    for i, w in enumerate(words):
        if 0 < i and w in SMALL and i < len(words) - 1:
            out.append(w.lower())
        elif 0 < i and w in SPANISH_AFTER_DE and words[i - 1] in ("DE",):
            out.append(w.lower())
        else:
            out.append(cap_word(w))
    s = " ".join(out)
    for a, b in PHRASE_FIXES:
        s = s.replace(a, b)
    return s


# Single-letter middle initials get a period in the canonical form:
# "Robert A Deyton Detention Facility" -> "Robert A. Deyton Detention Facility".
NOT_BEFORE_INITIAL = {
    "Unit", "Zone", "Building", "Pod", "Section", "Wing", "Area", "Dorm", "Camp",
    "Block", "House", "Hall", "Annex", "Phase", "Level", "Jail", "Facility",
    "Center", "Institution", "Complex", "Prison",
}


def add_initial_periods(s):
    toks = s.split(" ")
    for i in range(len(toks) - 1):
        t = toks[i]
        if (len(t) == 1 and t.isalpha() and t.isupper() and t not in ("I", "V")
                and toks[i + 1][:1].isupper()
                and (i == 0 or toks[i - 1] not in NOT_BEFORE_INITIAL)):
            toks[i] = t + "."
    return " ".join(toks)


# ------------------------------------------------------------ name filtering

HEAD = re.compile(
    r"\b(JAILS?|PRISON|PENITENTIARY|CORRECTIONAL|DETENTION|STOCKADE|WORKHOUSE|"
    r"LOCK-?UP|REFORMATORY|INCARCERATION|DISCIPLINARY BARRACKS|"
    r"HOUSE OF CORRECTIONS?|CORRECTIONS? (CENTER|FACILITY|COMPLEX|INSTITUTION|UNIT)|"
    r"CORRECTION CENTER|PROCESSING CENTER|STAGING FACILITY|"
    r"WORK CAMP|CONSERVATION CAMP|BOOT CAMP|PRISON CAMP|HONOR CAMP|PROBATION CAMP|"
    r"CONSERVATION CENTER|JUVENILE HALL|MEN'S COLONY|"
    r"INSTITUCI[OÓ]N|CORRECCIONAL|CENTRO DE DETENCI[OÓ]N|CENTRO DETENCI[OÓ]N|"
    r"INSTITUTION)\b")
PREFIX_ACRONYMS = ("FCI", "USP", "AUSP", "FDC", "MDC", "MCC", "FMC", "FPC", "FSL",
                   "FTC", "MCFP", "SCI", "MCI", "MCF", "ASPC", "CI")
# Head words that cannot name a detention facility on their own.
DROP = re.compile(
    r"\b(SHERIFF'?S? (OFFICE|DEPARTMENT|DEPARMENT)|POLICE DEPARTMENT|HOSPITAL|"
    r"ACADEMY|SCHOOL|GROUP HOME|FOSTER HOME|HALFWAY HOUSE|PSYCHIATRIC|"
    r"SEX OFFENDER PROGRAM|MENTAL HEALTH)\b")

GENERIC = {
    "county", "counties", "city", "parish", "jail", "jails", "detention", "center",
    "centre", "facility", "facilities", "correctional", "corrections", "correction",
    "regional", "adult", "adults", "juvenile", "youth", "men's", "women's", "men",
    "women", "annex", "main", "central", "sheriff", "sheriff's", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "new", "old",
    "unit", "complex", "work", "release", "camp", "institution", "state", "prison",
    "federal", "male", "female", "secure", "security", "minimum", "medium",
    "maximum", "high", "low", "of", "the", "and", "for", "at", "in", "pre-trial",
    "pretrial", "holding", "temporary", "short", "term", "long", "intake",
    "booking", "metro", "metropolitan", "community", "re-entry", "reentry",
    "pre-release", "transitional", "transition", "treatment", "reception",
    "diagnostic", "penitentiary", "house", "lock-up", "lockup", "services",
    "service", "residential", "district", "municipal", "town", "village", "local",
    "public", "safety", "justice", "criminal", "girls", "boys", "&", "/", "-",
    "i", "ii", "iii", "iv", "jail,", "building", "phase", "level", "camp,", "area",
    "processing", "ice", "immigration", "family", "conservation", "boot", "honor",
    "farm", "colony", "hall", "court", "courthouse", "detention,", "custody",
    "restricted", "and/or", "tribal", "department", "offender", "offenders",
}


def distinctive(name):
    toks = [t.lower().strip(",.()") for t in name.split()]
    return [t for t in toks if t and t not in GENERIC and not re.fullmatch(r"#?\d+", t)]


def is_facility(raw):
    if DROP.search(raw) and not re.search(r"\bJAIL|DETENTION|PRISON", raw):
        return False
    if HEAD.search(raw):
        return True
    first = raw.split()[0] if raw.split() else ""
    if first in PREFIX_ACRONYMS or re.match(r"(MCI|MCF|ASPC)\b|ASPC-", raw):
        return True
    if re.search(r"\b(FCI|CI|CF)$", raw):
        return True
    return False


SUBUNIT = re.compile(
    r"^(MAIN|ANNEX|MEN|WOMEN|MALE|MALES|FEMALE|FEMALES|MINIMUM|MEDIUM|MAXIMUM|"
    r"(NORTH|SOUTH|EAST|WEST|CENTRAL|SE|NE|SW|NW)( UNIT| COMPLEX| FACILITY| AREA COMMAND)?|"
    r"(MINIMUM|MEDIUM|MAXIMUM) (CUSTODY |SECURITY )?(UNIT|FACILITY)|"
    r"LEVEL [IV]+ UNIT|UNIT [A-Z]|MAIN FACILITY|LOW RISK DIVISION|CENTRAL DIVISION|"
    r"FEMALE CENTER|SECURE UNIT|MAIN / LEVEL II UNIT|LEVEL VI UNIT|WEST UNIT|EAST UNIT)$")

# Federal and state prefix abbreviations -> spelled-out forms.
EXPAND = {
    "FCI": ["Federal Correctional Institution"],
    "USP": ["United States Penitentiary", "U.S. Penitentiary"],
    "AUSP": ["Administrative United States Penitentiary", "Administrative U.S. Penitentiary"],
    "FDC": ["Federal Detention Center"],
    "MDC": ["Metropolitan Detention Center"],
    "MCC": ["Metropolitan Correctional Center"],
    "FMC": ["Federal Medical Center"],
    "FPC": ["Federal Prison Camp"],
    "FSL": ["Federal Satellite Low"],
    "FTC": ["Federal Transfer Center"],
    "MCFP": ["Medical Center for Federal Prisoners"],
    "SCI": ["State Correctional Institution"],
    "MCI": ["Massachusetts Correctional Institution"],
    "MCF": ["Minnesota Correctional Facility"],
    "ASPC": ["Arizona State Prison Complex"],
}


def clean_raw(raw):
    """Normalise an ALL-CAPS source name; return a list of candidate names
    (upper case), first = main name, or [] to drop."""
    s = raw.strip()
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\s*\([^)]*\)\s*", " ", s)
    s = s.replace("SHERRIF", "SHERIFF").replace("SATTELITE", "SATELLITE")
    s = s.replace(", JR.", " JR.").replace(" HED/EHU", "")
    s = re.sub(r"\s+", " ", s).strip(" ,-/")
    # "HERLONG FCI" -> "FCI HERLONG"; "HERLONG FCI CAMP" -> "FCI HERLONG CAMP"
    m = re.fullmatch(r"(.+?) FCI( CAMP)?", s)
    if m:
        s = "FCI " + m.group(1) + (m.group(2) or "")
    # "ICE FLORENCE SPC" -> "FLORENCE SERVICE PROCESSING CENTER"
    m = re.fullmatch(r"ICE (.+) SPC", s)
    if m:
        s = m.group(1) + " SERVICE PROCESSING CENTER"
    # "ESSEX COUNTY-DELANEY HALL DETENTION FACILITY" -> split on the hyphen
    s = re.sub(r"(COUNTY)-(?=[A-Z])", r"\1 - ", s)
    parts = [p.strip() for p in re.split(r"\s*/\s*", s) if p.strip()]
    names = []
    for p in parts:
        # sub-unit after " - " or ","
        m = re.fullmatch(r"(.+?)\s*(?: - |- | -|, )\s*(.+)", p)
        if m:
            pre, post = m.group(1), m.group(2)
            if re.fullmatch(r"(MCI|MCF|ASPC)", pre):
                names.append(pre + "-" + post)
                continue
            if SUBUNIT.match(post) or not post:
                names.append(pre)
                continue
            if is_facility(post) and distinctive(title_case(post)):
                names.append(post)
                if is_facility(pre):
                    names.append(pre)
                continue
            if pre.startswith("CALIFORNIA STATE PRISON") or pre.startswith("UTAH STATE PRISON"):
                names.append(pre + ", " + post if not SUBUNIT.match(post) else pre)
                continue
            if is_facility(pre) and re.fullmatch(r"[A-Z .'-]+", post) and not is_facility(post):
                # "SUFFOLK COUNTY JAIL - RIVERHEAD", "HILLSBOROUGH COUNTY JAIL, ORIENT ROAD"
                names.append(pre + (" - " if " - " in p else ", ") + post)
                continue
            names.append(p)
        else:
            m = re.fullmatch(r"ASPC-(.+)", p)
            if m:
                names.append(p)
                continue
            names.append(p)
    out = []
    for n in names:
        n = re.sub(r"^(.+?) CI$", r"\1 CORRECTIONAL INSTITUTION", n)
        n = re.sub(r"^(.+?) CF$", r"\1 CORRECTIONAL FACILITY", n)
        n = re.sub(r"^(.+?) C\.F\.$", r"\1 CORRECTIONAL FACILITY", n)
        n = re.sub(r"\bCOOK COUNTY JAILS\b", "COOK COUNTY JAIL", n)
        n = re.sub(r"\s*#\s*\d+$", "", n)  # "CONSERVATION CAMP #11", "COUNTY JAIL #2"
        if n.startswith("ANNEX ") or n.startswith("ANEXO "):
            continue
        if is_facility(n) and n not in out:
            out.append(n)
    return out


def aliases_for(canon):
    """Spelled-out forms for prefix abbreviations; undotted initials."""
    al = []
    m = re.fullmatch(r"(FCI|USP|AUSP|FDC|MDC|MCC|FMC|FPC|FSL|FTC|MCFP|SCI) (.+)", canon)
    if m:
        for e in EXPAND[m.group(1)]:
            al.append(f"{e}, {m.group(2)}")
            al.append(f"{e} {m.group(2)}")
    m = re.fullmatch(r"(MCI|MCF|ASPC)-(.+)", canon)
    if m:
        e = EXPAND[m.group(1)][0]
        al.append(f"{e}, {m.group(2)}")
        al.append(f"{e}-{m.group(2)}")
        al.append(f"{m.group(1)} {m.group(2)}")
    m = re.fullmatch(r"(.+) Service Processing Center", canon)
    if m:
        al.append(f"{m.group(1)} SPC")
    undotted = re.sub(r"\b([A-Z])\. ", r"\1 ", canon)
    if undotted != canon:
        al.append(undotted)
    return al


def load_hifld():
    entries = []  # (canonical, [aliases])
    with open(HIFLD, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["STATUS"] != "OPEN":
                continue
            names = clean_raw(row["NAME"])
            names = [add_initial_periods(title_case(n)) for n in names]
            names = [n for n in names if distinctive(n)]
            if not names:
                continue
            canon = names[0]
            al = []
            for n in names:
                for a in [n] + aliases_for(n):
                    if a != canon and a not in al:
                        al.append(a)
            entries.append((canon, al))
    return entries


# --------------------------------------------------------------- curated

def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                sys.exit(f"{path}:{ln}: expected {ncols} columns, got {len(cols)}")
            for c in cols:
                if c != c.strip() or "  " in c:
                    sys.exit(f"{path}:{ln}: stray spaces in {c!r}")
            rows.append((ln, cols))
    return rows


def load_curated():
    out = []
    uk = os.path.join(CURATED, "prisons_uk.tsv")
    for ln, (nation, canon, aliases, town, status) in read_tsv(uk, 5):
        al = [a for a in aliases.split("|") if a]
        out.append((canon, al, f"prisons_uk.tsv:{ln}"))
    world = os.path.join(CURATED, "prisons_world.tsv")
    for ln, (country, canon, aliases, city, kind) in read_tsv(world, 5):
        al = [a for a in aliases.split("|") if a]
        out.append((canon, al, f"prisons_world.tsv:{ln}"))
    return out


# ----------------------------------------------------------------- merge

def fold(s):
    """The matcher's mechanical variants: accents, apostrophes, hyphen/space."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("-", " ").replace("\u2013", " ")
    return re.sub(r"\s+", " ", s).strip()


def key(s):
    """Collision key between entries: folded and case-insensitive."""
    return fold(s).lower()


def non_ascii(s):
    return sum(1 for c in s if ord(c) > 127)


def add_surface(rec, s):
    """Add alias s to rec unless the matcher derives it from a surface already
    there (same folded form with at least as many accented letters)."""
    for t in [rec[0]] + rec[1]:
        if fold(t) == fold(s) and non_ascii(t) >= non_ascii(s):
            return
    rec[1] = [t for t in rec[1] if not (fold(t) == fold(s) and non_ascii(t) < non_ascii(s))]
    rec[1].append(s)


def merge(hifld, curated):
    owner = {}    # key -> index of the curated record that owns it
    records = []  # [canonical, aliases, origin]
    for canon, al, origin in curated:
        idx = len(records)
        rec = [canon, [], origin]
        for s in [canon] + al:
            k = key(s)
            if k in owner and owner[k] != idx:
                other = records[owner[k]]
                sys.exit(f"surface {s!r} in {origin} already used by {other[2]} ({other[0]})")
            owner[k] = idx
            if s != canon:
                add_surface(rec, s)
        records.append(rec)
    n_cur = len(records)
    # HIFLD: equal canonical names are one entry
    by_canon = {}
    hrecs = []
    for canon, al in hifld:
        k = key(canon)
        if k not in by_canon:
            by_canon[k] = len(hrecs)
            hrecs.append([canon, [], "hifld"])
        rec = hrecs[by_canon[k]]
        for a in al:
            if key(a) != k:
                add_surface(rec, a)
    # a curated entry absorbs the HIFLD entries that share a surface with it
    kept = []
    for rec in hrecs:
        target = next((owner[key(s)] for s in [rec[0]] + rec[1] if key(s) in owner), None)
        if target is None:
            kept.append(rec)
            continue
        cur = records[target]
        for s in [rec[0]] + rec[1]:
            k = key(s)
            if k in owner:
                continue  # already a surface of this (or another curated) entry
            owner[k] = target
            add_surface(cur, s)
    # remaining HIFLD entries: drop surfaces claimed by two entries
    count = {}
    for rec in kept:
        for k in {key(x) for x in [rec[0]] + rec[1]}:
            count[k] = count.get(k, 0) + 1
    for rec in kept:
        if count[key(rec[0])] > 1:
            continue  # its name is another facility's alias: too ambiguous
        rec[1] = [a for a in rec[1] if count[key(a)] == 1 and key(a) not in owner]
        records.append(rec)
    return records


def main():
    hifld = load_hifld()
    curated = load_curated()
    records = merge(hifld, curated)
    lines = []
    for canon, al, _ in records:
        seen = {canon}
        uniq = []
        for a in sorted(al):
            if a not in seen:
                seen.add(a)
                uniq.append(a)
        lines.append("\t".join(["PRISON", canon] + uniq))
    lines = sorted(set(lines))
    header = ("# generated by gazetteers/tools/prisons.py from "
              "hifld-prisons (HIFLD Prison Boundaries, US DHS, Public Use), "
              "curated/prisons_uk.tsv, curated/prisons_world.tsv; do not edit")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for l in lines:
            f.write(l + "\n")
    print(f"prisons.tsv: {len(lines)} entries "
          f"({len(hifld)} HIFLD rows kept, {len(curated)} curated)", file=sys.stderr)


if __name__ == "__main__":
    main()
