"""Actor resolution: names, titles, seats of government, dates, pronouns, user dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad import Coder, Document
from dyad.actors import read_user_actors
from dyad.resources import DataError


def code_of(doc: Document, surface: str) -> str | None:
    """The code of the actor behind the first mention with this exact text."""
    for m in doc.mentions:
        if m.text == surface:
            return next(a.code for a in doc.actors if a.id == m.actor)
    return None


def subject_code(coder: Coder, text: str, date: str = "2022-01-25") -> str:
    doc = coder.code(text, date)
    assert doc.events, f"no event in {text!r}"
    return doc.events[0].source.code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kremlin accused Ukraine of provocations.", "RUSGOV"),
        ("Ankara accused Greece of provocations.", "TURGOV"),
        ("Washington accused Iran of provocations.", "USAGOV"),
        ("The Pentagon accused Iran of provocations.", "USAMIL"),
        ("NATO accused Russia of provocations.", "IGOWSTNAT"),
        ("Turkish police arrested two journalists.", "TURCOP"),
        ("Russian troops attacked the Ukrainian army.", "RUSMIL"),
    ],
)
def test_names_seats_and_sectors(coder: Coder, text: str, code: str) -> None:
    assert subject_code(coder, text) == code


def test_title_and_name_give_the_code_of_an_unknown_person(coder: Coder) -> None:
    doc = coder.code(
        "Kremlin spokesman Dmitri Peskovsky spoke on Monday. Peskovsky accused Ukraine of lying.",
        "2022-01-25",
    )
    assert doc.events[0].source.code == "RUSGOV"
    assert doc.events[0].source.name == "Peskovsky"


def test_apposition_title_gives_the_country_of_the_person_not_of_the_place(coder: Coder) -> None:
    doc = coder.code(
        "The Ukrainian ambassador to Ankara, Wasil Bodnar, accused Russia of aggression.",
        "2022-01-25",
    )
    assert doc.events[0].source.code == "UKRGOV"


def test_surname_later_in_the_text(coder: Coder) -> None:
    doc = coder.code(
        "Turkish Defense Minister Hulusi Akar visited Kyiv. Later Akar criticized Russia.",
        "2022-01-25",
    )
    assert code_of(doc, "Akar") == "TURGOV"


def test_known_people_depend_on_the_document_date(coder: Coder) -> None:
    text = "Biden criticized Russia."
    assert subject_code(coder, text, "2022-06-01") == "USAGOV"
    assert subject_code(coder, text, "2012-06-01") == "USAGOV"  # vice-president then
    later = subject_code(coder, text, "2026-06-01")
    assert later.startswith("USA") and later != "USAGOV"  # a former official


def test_pronoun_points_back_to_the_last_person(coder: Coder) -> None:
    doc = coder.code("Erdogan spoke in Ankara. He accused Russia of aggression.", "2022-01-25")
    accuse = [e for e in doc.events if e.root == "11"]
    assert accuse and accuse[0].source.code == "TURGOV" and accuse[0].source.name == "He"


def test_his_country_is_the_persons_country(coder: Coder) -> None:
    doc = coder.code(
        "The Ukrainian ambassador, Wasil Bodnar, said his country criticized Russia.",
        "2022-01-25",
    )
    assert any(
        e.source.code.startswith("UKR") and e.source.name == "his country" for e in doc.events
    )


def test_capitalised_names_only(coder: Coder) -> None:
    doc = coder.code("We ate turkey and the chad was hanging.", "2022-01-25")
    assert doc.mentions == []


def test_every_mention_points_to_an_actor(coder: Coder) -> None:
    doc = coder.code(
        "Kremlin spokesman Dmitry Peskov said Russia and Turkey will talk.", "2022-01-25"
    )
    ids = {a.id for a in doc.actors}
    assert doc.mentions and all(m.actor in ids for m in doc.mentions)
    peskov = next(a for a in doc.actors if a.name == "Dmitry Peskov")
    assert peskov.code == "RUSGOV" and peskov.kind == "person"


def test_user_dictionary_csv_wins_and_is_dated(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("pattern,code,start,end\nRussia,ZZZ,2020-01-01,2021-01-01\n", encoding="utf-8")
    coder = Coder(actors=path)
    inside = coder.code("Russia accused Ukraine of lying.", "2020-06-01")
    outside = coder.code("Russia accused Ukraine of lying.", "2022-06-01")
    assert inside.events[0].source.code == "ZZZ"
    assert outside.events == [] or outside.events[0].source.code != "ZZZ"


def test_user_dictionary_yaml(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("- pattern: Freedonia\n  code: FRD\n", encoding="utf-8")
    entries = read_user_actors(path)
    assert [(e.pattern, e.code) for e in entries] == [("Freedonia", "FRD")]


@pytest.mark.parametrize(
    "content",
    ["pattern,code\nRussia,R1S\n", "name,code\nRussia,RUS\n", "pattern,code,start\nX,XXX,May 1\n"],
)
def test_user_dictionary_errors_name_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.csv"):
        read_user_actors(path)


def test_every_person_pronoun_and_quoted_we_become_mentions(coder: Coder) -> None:
    text = (
        'Erdogan spoke in Ankara on Monday. He was calm. "We are ready," the Turkish president '
        "said."
    )
    doc = coder.code(text, "2022-01-25")
    by_text = {m.text: m for m in doc.mentions if m.how == "pronoun"}
    assert by_text["He"].actor == "person:recep-tayyip-erdo-an"
    assert by_text["We"].actor.startswith(("TUR", "person:"))
