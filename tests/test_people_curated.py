"""The hand-curated people table: well-formed terms, dated resolution, and aliases that
cannot fire on ordinary English or on two people at once."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise

import pytest

from dyad import Coder
from dyad.actors.gazetteer import fold
from dyad.resources import data_path, read_tsv, split_list
from mention_codes import code_of

ROWS = read_tsv(data_path("actors", "people_curated.tsv"))
FACTBOOK = read_tsv(data_path("actors", "people_factbook.tsv"))

# Surnames of people in the table that are also ordinary English words (or a news channel):
# sentence-initial capitals ("Hunt for the suspects ...") would make them fire, so they
# may only appear inside a full name ("Jeremy Hunt"), which also links a later bare surname.
ORDINARY_SURNAMES = {
    "hunt",
    "rice",
    "gates",
    "brown",
    "may",
    "fox",
    "cook",
    "straw",
    "cleverly",
    "bishop",
    "cannon",
    "champagne",
    "downer",
    "struck",
    "snow",
    "earnest",
    "shalom",
    "richard",
    "gabriel",
    "howard",
    "harris",
    "austin",
    "miller",
    "johnson",
}


def _names(row: dict[str, str]) -> set[str]:
    return {fold(n) for n in [row["name"], *split_list(row.get("aliases"))]}


def _end(row: dict[str, str]) -> str:
    return row["end"] or "9999-12-31"


def test_every_row_has_an_ordered_iso_term() -> None:
    for row in ROWS:
        start = date.fromisoformat(row["start"])  # raises on a malformed date
        if row["end"]:
            assert date.fromisoformat(row["end"]) > start, row["id"]
        assert row["end"] <= "2026-02-01", row["id"]  # the table stops at January 2026


def test_ids_are_unique() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))


def test_no_two_terms_of_one_person_overlap() -> None:
    by_name: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in ROWS:
        by_name[row["name"]].append(row)
    for name, rows in by_name.items():
        rows.sort(key=lambda r: r["start"])
        for a, b in pairwise(rows):
            assert _end(a) <= b["start"], f"{name}: {a['id']} overlaps {b['id']}"


def test_no_bare_alias_is_an_ordinary_word() -> None:
    for row in ROWS:
        for alias in split_list(row.get("aliases")):
            assert fold(alias) not in ORDINARY_SURNAMES, f"{row['id']}: {alias!r}"


def _same_person(a: dict[str, str], b: dict[str, str]) -> bool:
    """One person in both tables: the same name, or one's name among the other's aliases."""
    return fold(a["name"]) in _names(b) or fold(b["name"]) in _names(a)


def test_no_alias_names_two_people_in_office_at_once() -> None:
    """The engine takes the first entry for a surface form, so a shared alias would give
    one of two office-holders the other's code."""
    rows = ROWS + FACTBOOK
    holders: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        for key in _names(row):
            holders[key].append(row)
    for key, group in holders.items():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _same_person(a, b):
                    continue
                overlap = a["start"] < _end(b) and b["start"] < _end(a)
                assert not overlap, f"{key!r}: {a['id']} and {b['id']}"


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2010-05-01", None),  # before his first office in the table
        ("2015-05-01", "FRAGOV"),  # defence minister
        ("2019-05-01", "FRAGOV"),  # foreign minister
        ("2023-05-01", "FRAELI"),  # after both offices: a former official
    ],
)
def test_a_minister_resolves_by_the_document_date(coder: Coder, day: str, code: str) -> None:
    doc = coder.code("Le Drian criticized Russia over the strikes.", day)
    assert code_of(doc, "Le Drian") == code


@pytest.mark.parametrize(
    ("day", "code"),
    [("2003-05-01", "JPNGOV"), ("2015-05-01", "JPNELI"), ("2025-11-01", "JPNGOV")],
)
def test_a_surname_shared_at_different_dates(coder: Coder, day: str, code: str) -> None:
    """Junichiro Koizumi (prime minister 2001-2006) and Shinjiro Koizumi (minister from 2019)."""
    doc = coder.code("Koizumi criticized China over the islands.", day)
    assert code_of(doc, "Koizumi") == code


def test_raab_is_the_foreign_secretary_in_2019(coder: Coder) -> None:
    doc = coder.code(
        "Foreign Secretary Dominic Raab spoke with US Secretary of State Mike Pompeo.",
        "2019-10-10",
    )
    raab = [a for a in doc.actors if a.name == "Dominic Raab"]
    assert [a.code for a in raab] == ["GBRGOV"]
    assert doc.events and doc.events[0].source.code == "GBRGOV"


@pytest.mark.parametrize(
    "text",
    [
        "Police will hunt the gunmen who attacked the embassy.",
        "Hunt for the gunmen continued in the north.",
        "Rice prices rose sharply after the floods.",
        "Straw and timber were stacked by the road.",
        "Cleverly hidden, the rebels attacked the convoy.",
    ],
)
def test_ordinary_words_name_nobody(coder: Coder, text: str) -> None:
    doc = coder.code(text, "2019-07-20")
    assert not any(a.kind == "person" for a in doc.actors), [a.name for a in doc.actors]


def test_a_full_name_links_its_bare_ordinary_surname(coder: Coder) -> None:
    doc = coder.code(
        "Foreign Secretary Jeremy Hunt criticized Iran. Hunt said the tanker must be freed.",
        "2019-07-20",
    )
    assert code_of(doc, "Hunt") == "GBRGOV"
