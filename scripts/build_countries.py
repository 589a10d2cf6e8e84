"""Build dyad's country gazetteer and Factbook leader list from the CIA World Factbook.

Reads the Factbook country table (public domain; a TSV keyed by GEC code), the hand-written
``gec_iso3.tsv`` mapping and the hand-written ``country_overrides.tsv`` from
``src/dyad/data/actors/`` and writes two generated files next to them:

* ``countries.tsv``: id (ISO3), name, names, demonyms, capital, lat, lon, dependency_of
* ``people_factbook.tsv``: chiefs of state and heads of government listed by the Factbook,
  with natural casing, aliases and start dates

Usage (from the repository root)::

    python scripts/build_countries.py [FACTBOOK_TSV]

Standard library only. Names and demonyms are written as surface forms (no regexes); the
engine matches them case-insensitively on whole tokens.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ACTORS_DIR = REPO_ROOT / "src" / "dyad" / "data" / "actors"
DEFAULT_FACTBOOK = REPO_ROOT / ".." / "shared" / "reference" / "factbook-countries-2026-01.tsv"

COUNTRY_COLUMNS = ["id", "name", "names", "demonyms", "capital", "lat", "lon", "dependency_of"]
PEOPLE_COLUMNS = ["id", "name", "aliases", "code", "country", "role_title", "start", "end", "note"]
LIST_FIELDS = {"names", "demonyms", "capital"}
SCALAR_FIELDS = {"name", "lat", "lon", "dependency_of"}

# Words that may appear inside a multi-word proper name without being capitalised.
NAME_PARTICLES = {
    "of",
    "the",
    "and",
    "de",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "les",
    "del",
    "di",
    "i",
    "e",
    "et",
    "as",
    "al",
    "el",
    "bin",
    "ibn",
    "van",
    "der",
    "den",
    "von",
    "y",
    "en",
}

# Phrases in the dependency_status column that name the sovereign, earliest match wins.
SOVEREIGN_KEYWORDS = [
    ("UK", "GBR"),
    ("British", "GBR"),
    ("France", "FRA"),
    ("French", "FRA"),
    ("US", "USA"),
    ("Netherlands", "NLD"),
    ("Dutch", "NLD"),
    ("Australia", "AUS"),
    ("Norway", "NOR"),
    ("New Zealand", "NZL"),
    ("Denmark", "DNK"),
    ("China", "CHN"),
]

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}

# Title vocabulary used to separate a title ("Prime Minister", "Sr. Gen.") from a person's name.
TITLE_WORDS = {
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "sultan",
    "amir",
    "emir",
    "governor",
    "general",
    "governor-general",
    "gen.",
    "col.",
    "capt.",
    "sr.",
    "dr.",
    "sir",
    "dame",
    "chancellor",
    "premier",
    "chief",
    "executive",
    "administrator",
    "acting",
    "interim",
    "transition",
    "transitional",
    "vice",
    "co-vice",
    "chairperson",
    "chairman",
    "chair",
    "leader",
    "taliban",
    "overall",
    "supreme",
    "pope",
    "emperor",
    "grand",
    "duke",
    "lord",
    "mann",
    "lieutenant",
    "lieutenant-governor",
    "high",
    "commissioner",
    "mayor",
    "secretary",
    "state",
    "co-prince",
    "archbishop",
    "caretaker",
    "taoiseach",
    "prefect",
    "council",
    "superior",
    "air",
    "vice-marshal",
    "commander",
    "bailiff",
    "captains",
    "regent",
    "of",
    "the",
    "and",
    "for",
    "foreign",
    "political",
    "affairs",
    "cabinet",
    "ministers",
    "presidency",
    "presidential",
    "leadership",
    "sovereign",
    "commander-in-chief",
    "armed",
    "forces",
    "sudanese",
    "territorial",
    "assembly",
    "government",
    "spain",
    "china",
    "french",
    "polynesia",
    "republic",
    "commission",
    "cnsp",
    "gnu",
    "people's",
    "co-chiefs",
    "to",
    "island",
    "islands",
    "new",
    "zealand",
    "uk",
    "nonresident",
    "commonwealth",
    "australia",
    "pitcairn",
    "national",
    "safeguard",
    "homeland",
    "pontifical",
    "swiss",
    "confederation",
    "vatican",
    "city",
    "governorate",
    "(prime",
    "minister)",
}
NON_NAME_CAPS = {"UK", "US", "RN", "BFC", "GNU", "CNSP", "NA"}
ROMAN = re.compile(r"^(?:[IVX]+)$")
# Surnames too common or too ambiguous as English words to be used alone as an alias.
SURNAME_ALIAS_STOP = {
    "Martin",
    "Brown",
    "Williams",
    "Simon",
    "Charles",
    "John",
    "Friday",
    "Allen",
    "Drew",
    "Pierre",
    "Plant",
    "Steel",
    "Hassan",
    "Mohamed",
    "Muhammad",
    "Ahmad",
    "Christian",
    "Taylor",
    "Wong",
    "Boko",
    "Burton",
    "Thomas",
    "Graham",
    "Owen",
    "Crouch",
    "Tucker",
    "Phillips",
    "Murdoch",
    "Bryan",
    "Cannan",
    "Gibbs",
    "Pratt",
    "Kiro",
    "Kapu",
    "Dan",
    "Abela",
    "Geerlings-Simons",
    "Leon Guerrero",
    "Frieden",
    "Rossi",
    "Haas",
    "Burt",
    "Higgins",
    "Eman",
    "Andre",
    "Johannesen",
    "Barre",
    "Boakai",
    "Heine",
    "Brice",
    "Ali",
    "Salman",
    "Hamad",
    "Rodríguez",
    "Rodriguez",
    "Mohammed",
    "Ibrahim",
    "Haitham",
    "Tamim",
    "Hassanal",
    "Isaias",
    "Taye",
    "Obiang",
    "Rashid",
    "Montenegro",
    "Castro",
    "Neves",
    "al-Bashir",
    "Store",
    "Chapo",
    "Levi",
    "Connolly",
    "Mitchell",
    "Davis",
    "Barrow",
    "Faye",
    "Sharif",
    "Albanese",
    "Salam",
    "Traore",
    "Dlamini",
    "Dissanayake",
    "Karki",
    "Poudel",
}
# Corrections for names and dates the Factbook prints in capitals, without diacritics, or wrongly.
# Keyed by the name as this script renders it; values replace or extend fields.
PERSON_FIXES: dict[str, dict[str, str]] = {
    "Recep Tayyip Erdogan": {"name": "Recep Tayyip Erdoğan", "aliases": "Tayyip Erdoğan"},
    "Ilie Bolojan": {"start": "2025-06-23", "note": "Factbook prints 23 June 2005 (typo)"},
    "Volodymyr Zelenskyy": {"aliases": "Zelensky|Zelenskiy|Volodymyr Zelensky"},
    "Xi Jinping": {"aliases": "Xi"},
    "Kim Jong Un": {"aliases": "Kim Jong-un|Kim Jong-Un"},
    "Benyamin Netanyahu": {
        "name": "Benjamin Netanyahu",
        "aliases": "Benyamin Netanyahu|Bibi Netanyahu|Bibi",
    },
    "Ali Hoseini-Khamenei": {
        "name": "Ali Khamenei",
        "aliases": "Khamenei|Ayatollah Khamenei|Ali Hoseini-Khamenei",
    },
    "Muhammad bin Salman bin Abd al-Aziz Al Saud": {
        "name": "Mohammed bin Salman",
        "aliases": "MBS|Muhammad bin Salman|Mohammad bin Salman",
    },
    "Muhammad bin Zayid Al Nuhayyan": {
        "name": "Mohamed bin Zayed Al Nahyan",
        "aliases": "Mohamed bin Zayed|Muhammad bin Zayid|MBZ",
    },
    "Alyaksandr Lukashenka": {"aliases": "Lukashenko|Alexander Lukashenko"},
    "Wachiralongkon": {"aliases": "Vajiralongkorn|King Vajiralongkorn|Maha Vajiralongkorn"},
    "Abdel Fattah El-Sisi": {"name": "Abdel Fattah el-Sisi", "aliases": "Sisi|el-Sisi|al-Sisi"},
    "Alexander Van der Bellen": {"aliases": "Van der Bellen"},
    "Ibrahim": {
        "name": "Sultan Ibrahim Iskandar",
        "aliases": "Sultan Ibrahim|King Ibrahim",
    },
    "Salman bin Abd al-Aziz Al Saud": {"aliases": "King Salman"},
    "Tamim bin Hamad Al Thani": {"aliases": "Emir Tamim|Sheikh Tamim|Tamim bin Hamad"},
    "Haitham bin Tarik Al Said": {"aliases": "Sultan Haitham|Haitham bin Tariq"},
    "Hassanal Bolkiah": {"aliases": "Sultan Hassanal Bolkiah|Bolkiah"},
    "Muhammad bin Rashid Al Maktum": {
        "name": "Mohammed bin Rashid Al Maktoum",
        "aliases": "Mohammed bin Rashid|Sheikh Mohammed bin Rashid|Muhammad bin Rashid",
    },
    "Muhammad bin Abd al-Rahman Al Thani": {
        "name": "Mohammed bin Abdulrahman Al Thani",
        "aliases": "Mohammed bin Abdulrahman|Sheikh Mohammed bin Abdulrahman",
    },
    "Mikhail Vladimirovich Mishustin": {"aliases": "Mikhail Mishustin"},
    "Vladimir Vladimirovich Putin": {
        "name": "Vladimir Putin",
        "aliases": "Vladimir Vladimirovich Putin",
    },
    "Pedro Sanchez Perez-Castejon": {
        "name": "Pedro Sánchez",
        "aliases": "Pedro Sanchez|Sanchez|Sánchez",
    },
    "Michael Randrianirina": {
        "start": "2025-10-17",
        "role_title": "President",
        "note": "military leader sworn in as president; start date from news reports",
    },
    "Muhammad al-Bashir": {
        "end": "2025-03-29",
        "note": "caretaker PM; no PM in the government formed 29 March 2025 (news reports)",
    },
    "Abiy Ahmed Ali": {
        "start": "2018-04-02",
        "aliases": "Abiy Ahmed|Abiy",
        "note": "Factbook gives April 2018; day from news reports",
    },
    "Denis Sassou-Nguesso": {
        "start": "1997-10-25",
        "note": "Factbook gives 1997; day is when he regained power",
    },
    "Ferdinand Marcos, Jr.": {"aliases": "Bongbong Marcos|Ferdinand Marcos Jr.|Marcos"},
    "Mohammed Shia al-Sudani": {"aliases": "al-Sudani|Sudani"},
    "Abd-al-Fattah al-Burhan Abd-al-Rahman": {
        "name": "Abdel Fattah al-Burhan",
        "aliases": "al-Burhan|Burhan|Abd-al-Fattah al-Burhan",
    },
    "Haybatullah Akhundzada": {"aliases": "Hibatullah Akhundzada|Akhundzada"},
    "Lai Ching-te": {"aliases": "William Lai"},
    "Min Aung Hlaing": {"aliases": "Min Aung Hlaing"},
}


@dataclass
class Country:
    """One output row of countries.tsv, before serialisation."""

    iso3: str
    name: str = ""
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: list[str] = field(default_factory=list)
    lat: str = ""
    lon: str = ""
    dependency_of: str = ""
    gecs: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    """Unescape HTML entities, normalise whitespace and drop '; note - ...' trailers."""
    text = html.unescape(text or "").replace("\u00a0", " ")
    text = re.split(r";?\s*note\s*-", text, maxsplit=1)[0]
    return re.sub(r"\s+", " ", text).strip()


def ascii_fold(text: str) -> str:
    """Return text with diacritics removed (Erdoğan -> Erdogan)."""
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def add_unique(items: list[str], *new: str) -> None:
    """Append each non-empty new item unless already present (case-insensitively)."""
    seen = {i.casefold() for i in items}
    for item in new:
        item = item.strip()
        if item and item.casefold() not in seen and item.casefold() not in {"none", "na"}:
            items.append(item)
            seen.add(item.casefold())


def with_ascii(items: list[str]) -> list[str]:
    """Return items followed by the ASCII-folded spelling of each accented item."""
    out: list[str] = []
    for item in items:
        add_unique(out, item, ascii_fold(item))
    return out


def name_like(text: str) -> bool:
    """True if text looks like a proper name: every word capitalised or a known particle."""
    words = text.replace("/", " ").split()
    if not words or (words[0][0].islower() and not re.match(r"^[a-z]{1,3}[A-Z]", words[0])):
        return False
    for word in words:
        w = word.strip("'\"().,[]")
        if not w:
            continue
        if w.casefold() in NAME_PARTICLES or w[0].isupper() or w[0].isdigit():
            continue
        if re.match(r"^[dl]'[A-Z]", w):  # d'Ivoire
            continue
        if re.match(r"^[a-z]{1,3}[A-Z]", w):  # eSwatini, liSwati
            continue
        return False
    return True


def split_top(text: str, seps: str = ";") -> list[str]:
    """Split text on any char in seps, ignoring separators inside () or []."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def extract_alternatives(text: str) -> tuple[str, list[str]]:
    """Remove bracketed asides from text; return (remaining text, name-like asides)."""
    alts: list[str] = []
    pattern = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
    while True:
        m = pattern.search(text)
        if not m:
            break
        inner = m.group(1).strip()
        inner = re.sub(r"^(?:aka|or|also|sometimes referred to as)\s+", "", inner)
        for piece in re.split(r"\s+or\s+|/|,\s*", inner):
            piece = piece.strip()
            if name_like(piece):
                alts.append(piece)
        text = (text[: m.start()] + " " + text[m.end() :]).strip()
        text = re.sub(r"\s+", " ", text)
    return text, alts


def split_names(text: str, split_commas: bool = True, asides: bool = True) -> list[str]:
    """Split a Factbook name cell into name-like surface forms.

    With asides=False, bracketed remarks such as language labels '(Finnish)' are dropped
    instead of being read as alternative names.
    """
    text = clean(text)
    if not asides:
        text = re.sub(r"\([^()]*\)", " ", text)
    if not text or text.casefold() == "none":
        return []
    out: list[str] = []
    for part in split_top(text, ";," if split_commas else ";"):
        main, alts = extract_alternatives(part)
        for piece in re.split(r"\s+or\s+|/", main):
            piece = re.sub(r"^(?:and|sometimes referred to as)\s+", "", piece.strip())
            piece = piece.strip(" '.")
            if name_like(piece):
                add_unique(out, piece)
        add_unique(out, *alts)
    return out


def expand_demonyms(text: str) -> list[str]:
    """Expand 'Turk(s)', 'Irishman(men)', 'Burmese (singular and plural)' into surface forms."""
    text = clean(text)
    out: list[str] = []
    if not text or text.casefold() in {"none", "na"}:
        return out
    for part in re.split(r";|,|\s+or\s+|/", text):
        part = part.strip()
        part = re.sub(r"^(?:or|and)\s+", "", part)
        # Keep the word and its plural; drop any other parenthetical remark.
        m = re.match(r"^(.*?)\s*\((s|men|women)\)(.*)$", part)
        if m:
            base = m.group(1).strip()
            suffix = m.group(2)
            rest = m.group(3)
            plural = base + "s" if suffix == "s" else re.sub(r"(wo)?man$", suffix, base)
            add_unique(out, *[x for x in (base, plural) if name_like(x)])
            part = rest
        part = re.sub(r"\([^)]*\)", "", part).strip()
        part = re.sub(r"^or\s+", "", part).strip()
        if part and name_like(part):
            add_unique(out, part)
    return out


def parse_coords(text: str) -> tuple[str, str]:
    """Convert '39 56 N, 32 52 E' to decimal degrees strings ('39.9333', '32.8667')."""
    m = re.search(r"(\d+)\s+(\d+)\s*([NS])\s*,\s*(\d+)\s+(\d+)\s*([EW])", clean(text))
    if not m:
        return "", ""
    lat = int(m.group(1)) + int(m.group(2)) / 60
    lon = int(m.group(4)) + int(m.group(5)) / 60
    if int(m.group(2)) >= 60 or int(m.group(5)) >= 60:
        print(f"warning: minutes >= 60 in coordinates {text!r}", file=sys.stderr)
    if m.group(3) == "S":
        lat = -lat
    if m.group(6) == "W":
        lon = -lon
    return f"{lat:.4f}", f"{lon:.4f}"


def find_sovereign(status: str) -> str:
    """Return the ISO3 code of the sovereign named in a dependency_status cell, or ''."""
    status = clean(status)
    if not status:
        return ""
    best = (len(status) + 1, "")
    for word, iso3 in SOVEREIGN_KEYWORDS:
        m = re.search(rf"\b{re.escape(word)}\b", status)
        if m and m.start() < best[0]:
            best = (m.start(), iso3)
    return best[1]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 TSV file with a header row into a list of dicts."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows as a UTF-8 TSV with a header row (no quoting; tabs are not allowed in cells)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            cells = [str(row.get(c, "")).replace("\t", " ").replace("\n", " ") for c in columns]
            fh.write("\t".join(cells) + "\n")


def build_countries(factbook: list[dict[str, str]], gec_iso3: dict[str, str]) -> dict[str, Country]:
    """Parse the Factbook rows that have an ISO3 code into Country records, merged by ISO3."""
    countries: dict[str, Country] = {}
    for row in factbook:
        iso3 = gec_iso3.get(row["gec"])
        if not iso3:
            continue
        c = countries.setdefault(iso3, Country(iso3=iso3))
        c.gecs.append(row["gec"])
        short = split_names(row["short_name"], split_commas=True)
        long_ = split_names(clean(row["long_name"]).split(";")[0], split_commas=False)
        if not c.name:
            c.name = (short or long_ or [""])[0]
        add_unique(c.names, *short, *long_)
        for name in list(c.names):
            if name.startswith("The "):
                add_unique(c.names, name[4:])
        local = split_names(row["local_short_name"], split_commas=False, asides=False)
        add_unique(c.names, *[n for n in local if n.strip("'") and len(n) > 2])
        add_unique(c.former, *split_names(row["former_names"]))
        add_unique(c.demonyms, *expand_demonyms(row["nationality_noun"]))
        add_unique(c.demonyms, *expand_demonyms(row["nationality_adjective"]))
        if not c.capital:
            caps: list[str] = []
            for part in split_top(clean(row["capital"]), ";,"):
                main, alts = extract_alternatives(part)
                main = re.sub(r"\s+is the .*$", "", main).strip()
                if name_like(main) and len(main) > 3:
                    add_unique(caps, main, *alts)
            c.capital = caps
        if not c.lat:
            c.lat, c.lon = parse_coords(row["capital_coords"])
        if not c.dependency_of:
            c.dependency_of = find_sovereign(row["dependency_status"])
    resolve_former_names(countries)
    resolve_demonyms(countries)
    for c in countries.values():
        c.names = with_ascii(c.names)
        c.capital = with_ascii(c.capital)
        c.demonyms = with_ascii(c.demonyms)
    return countries


def resolve_former_names(countries: dict[str, Country]) -> None:
    """Add former names that are unique to one country and not another place's name."""
    owners: dict[str, set[str]] = defaultdict(set)
    for c in countries.values():
        for n in c.former:
            owners[n.casefold()].add(c.iso3)
    taken = {n.casefold(): c.iso3 for c in countries.values() for n in c.names}
    capitals = {n.casefold() for c in countries.values() for n in c.capital}
    for c in countries.values():
        for n in c.former:
            key = n.casefold()
            if len(owners[key]) > 1 or key in capitals or taken.get(key, c.iso3) != c.iso3:
                continue
            add_unique(c.names, n)


def resolve_demonyms(countries: dict[str, Country]) -> None:
    """Drop demonyms shared by several countries unless one is the sovereign of the others.

    Also drops demonyms that equal a country name ('Taiwan', 'Laos', 'Luxembourg').
    """
    names = {n.casefold() for c in countries.values() for n in c.names}
    owners: dict[str, set[str]] = defaultdict(set)
    for c in countries.values():
        for d in c.demonyms:
            owners[d.casefold()].add(c.iso3)
    for c in countries.values():
        keep = []
        for d in c.demonyms:
            key = d.casefold()
            if key in names:
                continue
            others = owners[key] - {c.iso3}
            if others:
                sovereigns = {o for o in owners[key] if not countries[o].dependency_of}
                deps_ok = all(countries[o].dependency_of == c.iso3 for o in others)
                if not (c.iso3 in sovereigns and len(sovereigns) == 1 and deps_ok):
                    continue
            keep.append(d)
        c.demonyms = keep


def apply_overrides(countries: dict[str, Country], overrides: list[dict[str, str]]) -> None:
    """Apply add/remove/set overrides (country_overrides.tsv) in file order."""
    for ov in overrides:
        iso3, fld, action = ov["iso3"], ov["field"], ov["action"]
        values = [v.strip() for v in ov["value"].split("|") if v.strip()]
        if iso3 not in countries:
            raise SystemExit(f"override {ov['id']}: unknown iso3 {iso3}")
        c = countries[iso3]
        if fld in LIST_FIELDS:
            current: list[str] = getattr(c, fld)
            if action == "add":
                add_unique(current, *values)
            elif action == "remove":
                drop = {v.casefold() for v in values}
                setattr(c, fld, [x for x in current if x.casefold() not in drop])
            elif action == "set":
                setattr(c, fld, values)
            else:
                raise SystemExit(f"override {ov['id']}: bad action {action}")
        elif fld in SCALAR_FIELDS:
            if action != "set":
                raise SystemExit(f"override {ov['id']}: {fld} only supports set")
            setattr(c, fld, ov["value"].strip())
            if fld == "name":
                add_unique(c.names, ov["value"].strip())
        else:
            raise SystemExit(f"override {ov['id']}: unknown field {fld}")


def check_collisions(countries: dict[str, Country]) -> None:
    """Warn on stderr about surface forms claimed by more than one country."""
    seen: dict[str, str] = {}
    for c in countries.values():
        for fld in ("names", "demonyms"):
            for n in getattr(c, fld):
                key = n.casefold()
                if key in seen and seen[key] != c.iso3:
                    print(f"warning: {n!r} used by {seen[key]} and {c.iso3}", file=sys.stderr)
                seen.setdefault(key, c.iso3)


# ---------------------------------------------------------------- people from the Factbook


def parse_date(text: str) -> tuple[str, bool]:
    """Return (ISO date, approximate?) for the first date in text; ('', False) if none."""
    m = re.search(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        return (
            f"{int(m.group(3)):04d}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}",
            False,
        )
    m = re.search(r"\b([A-Za-z]{3})[a-z]*\s+(\d{4})", text)
    if m and m.group(1).lower() in MONTHS:
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}-01", True
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if m:
        return f"{m.group(1)}-01-01", True
    return "", False


def cap_word(word: str) -> str:
    """Natural casing for one uppercase name word: 'WILLEM-ALEXANDER' -> 'Willem-Alexander'."""
    if ROMAN.match(word) or word in NON_NAME_CAPS:
        return word
    return "-".join(p[:1].upper() + p[1:].lower() if p.isupper() else p for p in word.split("-"))


def is_caps(word: str) -> bool:
    """True if word is an all-capitals name token such as 'ERDOGAN' or 'DIAZ-CANEL'."""
    if ROMAN.match(word):
        return False
    for part in word.split("-"):
        letters = [ch for ch in part if ch.isalpha()]
        if len(letters) >= 2 and all(ch.isupper() for ch in letters):
            return True
    return False


def parse_person(segment: str) -> tuple[str, str, str, str] | None:
    """Split 'Prime Minister Mike EMAN' into (title, natural name, surname, nickname).

    The surname is the natural-cased form of the words the Factbook prints in capitals.
    """
    nickname = ""
    m = re.search(r'"([^"]+)"', segment)
    if m:
        nickname = m.group(1)
        segment = segment.replace(m.group(0), " ")
    words = segment.replace(",", " , ").split()
    caps_idx = [
        i
        for i, w in enumerate(words)
        if is_caps(w.strip(".,")) and w.strip(".,") not in NON_NAME_CAPS
    ]
    # A leading Roman-numeral-like surname ('XI Jinping') is a name, not a regnal number.
    romans = [
        i
        for i, w in enumerate(words)
        if ROMAN.match(w)
        and i + 1 < len(words)
        and words[i + 1][:1].isupper()
        and not is_caps(words[i + 1])
    ]
    if romans and (not caps_idx or romans[0] < caps_idx[0]):
        caps_idx.insert(0, romans[0])
    if not caps_idx:
        return None
    first_caps = caps_idx[0]
    # Run of caps words (allowing particles) starting at first_caps.
    start = first_caps
    while start > 0:
        prev = words[start - 1]
        if (
            prev == ","
            or prev.casefold() in TITLE_WORDS
            or not (
                prev[0].isupper()
                or prev.casefold() in NAME_PARTICLES
                or any(ch.isupper() for ch in prev)
            )
        ):
            break
        start -= 1
    end = first_caps
    while end + 1 < len(words):
        nxt = words[end + 1]
        if nxt == ",":
            if end + 2 < len(words) and words[end + 2].rstrip(".") == "Jr":
                end += 2
                continue
            break
        if nxt.casefold() == "of" or nxt.casefold() == "and":
            break
        if nxt[0].isupper() or nxt.casefold() in NAME_PARTICLES or any(ch.isupper() for ch in nxt):
            end += 1
            continue
        break
    title = " ".join(w for w in words[:start] if w != ",").strip()
    title = re.sub(r"^(?:and\s+)?(?:.*?represented by)?\s*", "", title).strip()
    title = re.sub(r"^co-chiefs of state\s+", "", title)
    title = re.sub(
        r"(?:(?:^|\s+)(?:Sir|Dame|Dr\.|Gen\.|Col\.|Capt\.|Sr\.|Grand Chief))+$", "", title
    )
    name_words = words[start : end + 1]
    natural: list[str] = []
    caps_natural: list[str] = []
    for i, w in enumerate(name_words):
        if w == ",":
            natural[-1] += ","
            continue
        if i == 0 and ROMAN.match(w) and len(name_words) > 1:
            natural.append(w.capitalize())
            caps_natural.append(natural[-1])
            continue
        if is_caps(w.strip(".,")) or ROMAN.match(w):
            low = w.casefold()
            inside_run = i > 0 and is_caps(name_words[i - 1].strip(".,"))
            if low in {"bin", "ibn", "al", "el"} or (low in NAME_PARTICLES and inside_run):
                natural.append(low)
            else:
                natural.append(cap_word(w))
            if is_caps(w.strip(".,")):
                caps_natural.append(natural[-1].rstrip(","))
        else:
            natural.append(w)
    return title, " ".join(natural), " ".join(caps_natural), nickname


def people_from_cell(text: str, kind: str) -> list[dict[str, str]]:
    """Parse a chief_of_state or head_of_government cell into person dicts."""
    text = clean(text)
    text = re.split(r";\s*(?:both reside|former President)", text)[0]
    text = re.sub(
        r"\((?:also spelled|Prime Minister|President of the Executive Yuan|CNSP|Col\.)[^)]*\)",
        " ",
        text,
    )
    segments = split_top(text, ";")
    # 'Captains Regent X and Y (for the period ...)' lists two people in one segment.
    expanded: list[str] = []
    for seg in segments:
        m = re.match(r"^(.*?)([A-Z][a-z]+ [A-Z]{2,}) and ([A-Z][a-z]+ [A-Z]{2,})(.*)$", seg)
        if m:
            expanded.append(f"{m.group(1)}{m.group(2)}{m.group(4)}")
            expanded.append(f"{m.group(1)}{m.group(3)}{m.group(4)}")
        else:
            expanded.extend(
                p.strip() for p in re.split(r",\s*(?=represented by)", seg) if p.strip()
            )
    out: list[dict[str, str]] = []
    for seg in expanded:
        dates = re.findall(r"\(([^()]*\d{4}[^()]*)\)", seg)
        body = re.sub(r"\([^()]*\)", " ", seg)
        parsed = parse_person(body)
        if not parsed:
            if out and not out[-1]["start"] and dates:
                out[-1]["start"], approx = parse_date(dates[0])
            continue
        title, name, surname, nickname = parsed
        start, approx = parse_date(dates[0]) if dates else ("", False)
        end = ""
        period = re.search(r"period (.+?) - (.+)$", dates[0]) if dates else None
        if period:
            start, _ = parse_date(period.group(1))
            end, _ = parse_date(period.group(2))
        represented = seg.strip().startswith("represented by")
        if represented and not title:
            title = "representative of the chief of state"
        out.append(
            {
                "name": name,
                "title": title or kind,
                "caps": surname,
                "nickname": nickname,
                "start": start,
                "end": end,
                "approx": "yes" if approx else "",
                "represented": "yes" if represented else "",
            }
        )
    return out


def slug(text: str) -> str:
    """Lowercase ASCII slug for ids."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).casefold()).strip("-")


def person_aliases(
    name: str, caps: str, nickname: str, sovereign: bool, title: str = ""
) -> list[str]:
    """Aliases: ASCII spelling, first/last given name + surname, surname alone if distinctive.

    Regnal names ('Charles III') get title forms ('King Charles III', 'King Charles') instead.
    """
    aliases: list[str] = []
    if ROMAN.match(name.split()[-1]):
        rank = next(
            (
                t
                for t in ("King", "Queen", "Prince", "Pope", "Emperor", "Sultan", "Amir", "Emir")
                if t in title.split()
            ),
            "",
        )
        if rank:
            add_unique(aliases, f"{rank} {name}", f"{rank} {' '.join(name.split()[:-1])}")
        return aliases
    add_unique(aliases, ascii_fold(name))
    surname = caps
    words = [w for w in name.replace(",", "").split() if not re.match(r"^[A-Z]\.$", w)]
    if surname and surname in name:
        before = name[: name.index(surname)].split()
        given = [w for w in before if not re.match(r"^[A-Z]\.$", w)]
        if given:
            add_unique(aliases, f"{given[0]} {surname}", f"{given[-1]} {surname}")
        if (
            sovereign
            and len(surname) >= 4
            and surname not in SURNAME_ALIAS_STOP
            and not ROMAN.match(surname.split()[-1])
        ):
            add_unique(aliases, surname)
    if len(words) >= 3 and words[-1] in {"Jr.", "Jr"}:
        add_unique(aliases, " ".join(words[:-1]))
    if nickname:
        add_unique(aliases, f"{nickname.title()} {surname}")
    for a in list(aliases):
        add_unique(aliases, ascii_fold(a))
    return [a for a in aliases if a.casefold() != name.casefold()]


def build_people(
    factbook: list[dict[str, str]], gec_iso3: dict[str, str], countries: dict[str, Country]
) -> list[dict[str, str]]:
    """Rows for people_factbook.tsv from the chief_of_state and head_of_government columns."""
    rows: dict[str, dict[str, str]] = {}
    sovereign_people: dict[str, set[str]] = defaultdict(set)
    # Monarchs and presidents who reign over several countries (Charles III in Canada, Macron
    # in Andorra) are kept only where they are listed without a local representative.
    ordered = sorted(
        (r for r in factbook if r["gec"] in gec_iso3),
        key=lambda r: bool(countries[gec_iso3[r["gec"]]].dependency_of),
    )
    home_country: dict[str, str] = {}
    for row in ordered:
        iso3 = gec_iso3.get(row["gec"])
        if iso3 and "represented by" not in row["chief_of_state"]:
            for p in people_from_cell(row["chief_of_state"], "chief of state"):
                home_country.setdefault(p["name"], iso3)
    for row in ordered:
        iso3 = gec_iso3[row["gec"]]
        dep_of = countries[iso3].dependency_of
        is_sovereign = not dep_of
        for col, kind in (
            ("chief_of_state", "chief of state"),
            ("head_of_government", "head of government"),
        ):
            for p in people_from_cell(row[col], kind):
                key_name = ascii_fold(p["name"]).casefold()
                if dep_of and (
                    key_name in sovereign_people[dep_of]
                    or ascii_fold(p["caps"]).casefold() in sovereign_people[dep_of]
                ):
                    continue  # the sovereign's monarch, president or governor-general
                if home_country.get(p["name"], iso3) != iso3 and not p["represented"]:
                    continue
                if p["name"] in PERSON_FIXES and "start" in PERSON_FIXES[p["name"]]:
                    pass
                elif not p["start"]:
                    continue
                fixes = PERSON_FIXES.get(p["name"], {})
                name = fixes.get("name", p["name"])
                aliases = person_aliases(
                    p["name"], p["caps"], p["nickname"], is_sovereign, p["title"]
                )
                if name != p["name"]:
                    add_unique(aliases, p["name"])
                add_unique(aliases, *fixes.get("aliases", "").split("|"))
                for a in list(aliases):
                    add_unique(aliases, ascii_fold(a))
                aliases = [a for a in aliases if a.casefold() != name.casefold()]
                title = fixes.get("role_title", p["title"])
                start = fixes.get("start", p["start"])
                notes = ["from CIA World Factbook (Jan 2026)"]
                if p["approx"] and "start" not in fixes:
                    notes.append("start date approximate (Factbook gives month or year only)")
                if dep_of:
                    notes.append(f"dependency of {dep_of}")
                if "note" in fixes:
                    notes.append(fixes["note"])
                rid = f"{iso3.lower()}-{slug(name)}-{slug(title)[:40]}"
                if rid in rows:
                    continue
                if is_sovereign:
                    sovereign_people[iso3].add(ascii_fold(p["name"]).casefold())
                    sovereign_people[iso3].add(ascii_fold(name).casefold())
                    sovereign_people[iso3].add(ascii_fold(p["caps"]).casefold())
                rows[rid] = {
                    "id": rid,
                    "name": name,
                    "aliases": "|".join(aliases),
                    "code": f"{iso3}GOV",
                    "country": iso3,
                    "role_title": title,
                    "start": start,
                    "end": fixes.get("end", p["end"]),
                    "note": "; ".join(notes),
                }
    return sorted(rows.values(), key=lambda r: (r["country"], r["id"]))


def main(argv: list[str] | None = None) -> int:
    """Entry point: build countries.tsv and people_factbook.tsv."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factbook", nargs="?", type=Path, default=DEFAULT_FACTBOOK)
    parser.add_argument("--out-dir", type=Path, default=ACTORS_DIR)
    args = parser.parse_args(argv)

    factbook = read_tsv(args.factbook)
    gec_iso3 = {r["gec"]: r["iso3"] for r in read_tsv(args.out_dir / "gec_iso3.tsv")}
    overrides = read_tsv(args.out_dir / "country_overrides.tsv")

    countries = build_countries(factbook, gec_iso3)
    apply_overrides(countries, overrides)
    check_collisions(countries)
    rows = [
        {
            "id": c.iso3,
            "name": c.name,
            "names": "|".join(c.names),
            "demonyms": "|".join(c.demonyms),
            "capital": "|".join(c.capital),
            "lat": c.lat,
            "lon": c.lon,
            "dependency_of": c.dependency_of,
        }
        for c in sorted(countries.values(), key=lambda c: c.iso3)
    ]
    write_tsv(args.out_dir / "countries.tsv", COUNTRY_COLUMNS, rows)
    people = build_people(factbook, gec_iso3, countries)
    write_tsv(args.out_dir / "people_factbook.tsv", PEOPLE_COLUMNS, people)
    print(f"wrote {len(rows)} countries and {len(people)} people to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
