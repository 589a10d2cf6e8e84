"""The actor gazetteer: every name dyad knows, from the data files, as matchable entries.

Entries are read from ``data/actors/*.tsv`` (countries, seats of government, organisations,
people, role words) and from a user's dictionary, validated, and compiled into spaCy phrase
matchers. Dated entries (people in office) only apply on documents inside their dates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy
import yaml
from anyascii import anyascii
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dyad.resources import (
    DataError,
    check_code,
    check_date,
    data_path,
    read_tsv,
    split_list,
)

# Which entry wins when two matches cover the same tokens: higher first.
PRIORITY = {
    "user": 9,
    "person": 8,
    "seat": 7,
    "org": 6,
    "country": 5,
    "capital": 4,
    "demonym": 3,
    "place": 3,
    "title": 2,
    "sector": 1,
}


@dataclass(frozen=True)
class Entry:
    """One name (or role word) and what it stands for."""

    id: str
    pattern: str
    kind: str  # see PRIORITY
    code: str  # actor code; for role words the 3-letter role
    name: str  # canonical name of the actor
    country: str | None = None
    start: str | None = None
    end: str | None = None
    actor_kind: str = "country"  # country | igo | group | ngo | media | region | person | seat
    exact: bool = False  # matched only as written, capitals included ('House', not 'house')

    def applies_on(self, date: str | None) -> bool:
        """True when the entry is in force on ``date`` (undated entries always are)."""
        if date is None:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class Gazetteer:
    """All entries and the matchers that find them in a tokenised text."""

    entries: list[Entry]
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> name
    matchers: dict[str, PhraseMatcher] = field(default_factory=dict)
    member_nouns: frozenset[str] = frozenset()  # "members", "source": the group gives the role
    cues: dict[str, frozenset[str]] = field(default_factory=dict)  # cues.tsv: kind -> words
    genders: dict[str, dict[str, str]] = field(default_factory=dict)  # genders.tsv: kind -> word
    # lower-case 'the ...' names of a body ('the alliance' for NATO): words -> entries; they
    # stand for the body only after the text has named it
    anaphors: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    # peoples.tsv: words for a stateless people ('the Kurds') -> ids of the organisations that
    # fight in its name ('org:sdf'); the words take the code of the one the text names most
    peoples: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    _folded: dict[int, int] = field(default_factory=dict)  # ORTH hash -> folded NORM hash
    _looked_up: dict[tuple[str, str | None], list[Entry]] = field(default_factory=dict)

    def fold_doc(self, doc: Doc) -> Doc:
        """``fold_norms`` for a document, through arrays: setting NORM token by token is a
        large part of the actor stage's cost, and most words recur from one text to the next,
        so the folded form of each word seen is kept (word hash -> folded hash; a dict, as a
        corpus keeps bringing new words: a sorted array would be rebuilt for each). The folded
        strings go into the vocabulary the matchers were compiled with."""
        orths = doc.to_array(ORTH).tolist()
        if not orths:
            return doc
        cache = self._folded
        norms = list(map(cache.get, orths))
        if None in norms:
            strings = doc.vocab.strings
            for k, orth in enumerate(orths):
                if norms[k] is None:
                    norm = cache.get(orth)
                    if norm is None:
                        norm = cache[orth] = strings.add(fold(strings[orth]))
                    norms[k] = norm
        doc.from_array([NORM], numpy.array(norms, dtype=numpy.uint64).reshape(-1, 1))
        return doc

    def compile(self, nlp: Language) -> Gazetteer:
        """Build the phrase matchers; acronyms match case-sensitively, names need a capital."""
        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower = PhraseMatcher(nlp.vocab, attr="NORM")  # folded: see fold_norms
        self.by_key = {}
        self._looked_up = {}
        exact_patterns: dict[str, Doc] = {}
        lower_patterns: dict[str, Doc] = {}
        for entry in self.entries:
            key = _key(entry.pattern)
            self.by_key.setdefault(key, []).append(entry)
            if entry.exact or _is_acronym(entry.pattern) or _has_inner_capital(entry.pattern):
                exact_patterns.setdefault(entry.pattern, nlp.make_doc(entry.pattern))
            elif key not in lower_patterns:
                lower_patterns[key] = fold_norms(nlp.make_doc(entry.pattern))
        for text, doc in exact_patterns.items():
            exact.add(text, [doc])
        for key, doc in lower_patterns.items():
            lower.add(key, [doc])
        self.matchers = {"exact": exact, "lower": lower}
        self.anaphors = {}
        for entry in self.entries:
            words = tuple(entry.pattern.split())
            if (
                entry.kind == "org"
                and len(words) > 1
                and words[0] == "the"
                and entry.pattern.islower()
            ):
                self.anaphors.setdefault(words[1:], []).append(entry)
        return self

    def lookup(self, surface: str, date: str | None) -> list[Entry]:
        """Entries for a surface form in force on ``date``, best first. (Cached: the same
        names recur in every document of a day; callers must not change the list.)"""
        cached = self._looked_up.get((surface, date))
        if cached is not None:
            return cached
        found = [e for e in self.by_key.get(_key(surface), []) if e.applies_on(date)]
        found.sort(key=lambda e: -PRIORITY[e.kind])
        if len(self._looked_up) > 1 << 16:
            self._looked_up.clear()
        self._looked_up[(surface, date)] = found
        return found

    def dated_out(self, surface: str) -> list[Entry]:
        """All entries for a surface form, whatever their dates."""
        return self.by_key.get(_key(surface), [])


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII form of a name: Erdoğan, ERDOGAN and Erdogan are one name. (Cached:
    every token of every document is folded, and most words recur.)"""
    return anyascii(text).lower()


def fold_norms(doc: Doc) -> Doc:
    """Set every token's NORM to its folded form, which the name matcher compares."""
    for token in doc:
        token.norm_ = fold(token.text)
    return doc


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _is_acronym(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def _has_inner_capital(pattern: str) -> bool:
    """'LeT', 'JeM', 'McGurk': a capital after a small letter makes the case part of the name,
    so 'Let' at the start of a sentence is not the armed group."""
    return any(a.islower() and b.isupper() for a, b in pairwise(pattern))


def _rows(name: str) -> list[dict[str, str]]:
    path = data_path("actors", name)
    return read_tsv(path) if path.exists() else []


def builtin_entries() -> list[Entry]:
    """Entries from the shipped actor tables, validated."""
    entries: list[Entry] = []
    for row in _rows("countries.tsv"):
        iso = check_code("countries.tsv", row["id"], row["id"])
        name = row["name"]
        for pattern in dict.fromkeys([name, *split_list(row.get("names"))]):
            entries.append(Entry(f"country:{iso}", pattern, "country", iso, name, iso))
        for pattern in split_list(row.get("demonyms")):
            entries.append(Entry(f"demonym:{iso}", pattern, "demonym", iso, name, iso))
        for pattern in split_list(row.get("capital")):
            entries.append(
                Entry(
                    f"capital:{iso}", pattern, "capital", iso + "GOV", name, iso, actor_kind="seat"
                )
            )
    for row in _rows("seats.tsv"):
        code = check_code("seats.tsv", row["id"], row["code"])
        names = split_list(row.get("names"))
        for pattern in names:
            entries.append(
                Entry(
                    f"seat:{row['id']}",
                    pattern,
                    "seat",
                    code,
                    names[0],
                    code[:3],
                    None,
                    None,
                    "seat",
                )
            )
    for row in _rows("organizations.tsv"):
        code = check_code("organizations.tsv", row["id"], row["code"])
        names = split_list(row.get("names"))
        country = row.get("country") or code[:3]
        start = check_date("organizations.tsv", row["id"], row.get("start", ""))
        end = check_date("organizations.tsv", row["id"], row.get("end", ""))
        for pattern in names:
            entries.append(
                Entry(
                    f"org:{row['id']}",
                    pattern,
                    "org",
                    code,
                    names[0],
                    country,
                    start,
                    end,
                    row.get("kind") or "org",
                )
            )
    for table in ("people_factbook.tsv", "people_curated.tsv"):
        for row in _rows(table):
            code = check_code(table, row["id"], row["code"])
            start = check_date(table, row["id"], row.get("start", ""))
            end = check_date(table, row["id"], row.get("end", ""))
            name = row["name"]
            for pattern in dict.fromkeys([name, *split_list(row.get("aliases"))]):
                entries.append(
                    Entry(
                        f"person:{row['id']}",
                        pattern,
                        "person",
                        code,
                        name,
                        row.get("country") or code[:3],
                        start,
                        end,
                        "person",
                    )
                )
    places = data_path("places", "places.tsv")
    for row in read_tsv(places) if places.exists() else []:
        country = check_code("places.tsv", row["id"], row["country"])
        for pattern in dict.fromkeys([row["name"], *split_list(row.get("aliases"))]):
            entries.append(
                Entry(
                    f"place:{row['id']}",
                    pattern,
                    "place",
                    country,
                    row["name"],
                    country,
                    actor_kind="place",
                )
            )
    for row in _rows("roles.tsv"):
        role = row["role"]
        if len(role) != 3 or not role.isupper():
            raise DataError(f"roles.tsv: row {row['id']}: bad role {role!r}")
        kind = "title" if row.get("kind") == "title" else "sector"
        exact = row.get("case") == "exact"
        for pattern in split_list(row.get("words")):
            entries.append(
                Entry(
                    f"role:{row['id']}",
                    pattern,
                    kind,
                    role,
                    pattern,
                    row.get("country") or None,  # a title only one country uses
                    exact=exact,
                )
            )
    return entries


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def peoples() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Words for a stateless people (``peoples.tsv``) -> organisation entry ids; every group
    must be an id of ``organizations.tsv``."""
    orgs = {row["id"] for row in _rows("organizations.tsv")}
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in _rows("peoples.tsv"):
        groups = split_list(row.get("groups"))
        missing = [g for g in groups if g not in orgs]
        if not groups or missing:
            raise DataError(f"peoples.tsv: row {row['id']}: unknown groups {missing}")
        for words in split_list(row.get("words")):
            key = tuple(words.split())
            if key in out:
                raise DataError(f"peoples.tsv: row {row['id']}: {words!r} is listed twice")
            out[key] = tuple(f"org:{g}" for g in groups)
    return out


def member_nouns() -> frozenset[str]:
    """Nouns for a part or member of a group ('members', 'a government source', 'head of'):
    a role word in their phrase gives them its role. A word may not also be a role word."""
    roles = {w.lower() for r in _rows("roles.tsv") for w in split_list(r.get("words"))}
    words: set[str] = set()
    for row in _rows("member_nouns.tsv"):
        for word in split_list(row.get("words")):
            if word.lower() in roles or word.lower() in words:
                raise DataError(f"member_nouns.tsv: row {row['id']}: {word!r} is listed twice")
            words.add(word.lower())
    return frozenset(words)


CUE_KINDS = (
    "place_prep_verb",
    "place_prep_noun",
    "name_particle",
    "company_word",
    "collective",
    "institution_word",
    "voice_title",
    "patronymic",
    "family_name_first",
    "place_name_first",
    "homecoming_verb",
    "case_party",
    "not_a_name",
    "kin_word",
    "act_noun",
)


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Function words that tell a mention's use (``cues.tsv``), by kind."""
    out: dict[str, set[str]] = {k: set() for k in CUE_KINDS}
    for row in _rows("cues.tsv"):
        kind = row.get("kind", "")
        if kind not in out:
            raise DataError(f"cues.tsv: row {row['id']}: unknown kind {kind!r}")
        out[kind].update(w.lower() for w in split_list(row.get("words")))
    return {k: frozenset(v) for k, v in out.items()}


GENDER_KINDS = ("given", "title")


@lru_cache(maxsize=1)
def genders() -> dict[str, dict[str, str]]:
    """Given names and titles that tell a person's sex (``genders.tsv``), by kind: folded
    word -> 'm' or 'f'. A word listed for both is an error."""
    out: dict[str, dict[str, str]] = {k: {} for k in GENDER_KINDS}
    for row in _rows("genders.tsv"):
        kind, sex = row.get("kind", ""), row.get("gender", "")
        if kind not in out or sex not in ("m", "f"):
            raise DataError(f"genders.tsv: row {row['id']}: bad kind or gender")
        for word in split_list(row.get("words")):
            key = fold(word)
            if out[kind].get(key, sex) != sex:
                raise DataError(f"genders.tsv: row {row['id']}: {word!r} has both genders")
            out[kind][key] = sex
    return out


def read_user_actors(path: str | Path) -> list[Entry]:
    """A user's actor dictionary: CSV ``pattern,code[,start,end]`` or YAML with the same keys."""
    path = Path(path)
    try:
        if path.suffix.lower() in {".yaml", ".yml"}:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            if not isinstance(raw, list):
                raise DataError(f"{path}: expected a list of entries")
            rows = [{k: str(v) if v is not None else "" for k, v in r.items()} for r in raw]
        else:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read actor dictionary ({exc})") from None
    if not rows:
        raise DataError(f"{path}: actor dictionary is empty")
    if "pattern" not in rows[0] or "code" not in rows[0]:
        raise DataError(f"{path}: actor dictionary needs columns pattern,code[,start,end]")
    entries = []
    for n, row in enumerate(rows, 2):
        pattern, code = (row.get("pattern") or "").strip(), (row.get("code") or "").strip()
        where = f"line {n}"
        if not pattern:
            raise DataError(f"{path}: {where}: empty pattern")
        check_code(str(path), where, code)
        start = check_date(str(path), where, (row.get("start") or "").strip())
        end = check_date(str(path), where, (row.get("end") or "").strip())
        kind = "person" if len(code) > 3 else "country"
        entries.append(
            Entry(f"user:{n}", pattern, "user", code, pattern, code[:3], start, end, kind)
        )
    return entries


@lru_cache(maxsize=1)
def _builtin() -> tuple[Entry, ...]:
    return tuple(builtin_entries())


def build_gazetteer(nlp: Language, user: Iterable[Entry] = ()) -> Gazetteer:
    """The built-in entries plus a user's; later user entries override earlier ones."""
    user = list(user)
    # A user pattern replaces every built-in entry with the same surface form.
    overridden = {_key(e.pattern) for e in user}
    entries = [e for e in _builtin() if _key(e.pattern) not in overridden]
    latest: dict[tuple[str, str | None, str | None], Entry] = {}
    for entry in user:
        latest[(_key(entry.pattern), entry.start, entry.end)] = entry
    entries.extend(latest.values())
    countries = {e.code: e.name for e in entries if e.kind == "country"}
    return Gazetteer(
        entries,
        countries=countries,
        member_nouns=member_nouns(),
        cues=cues(),
        genders=genders(),
        peoples=peoples(),
    ).compile(nlp)
