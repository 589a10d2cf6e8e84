"""Pronoun antecedents: the speaker of a quotation, the subject of the sentence before, unknown
names of things, bases, and people sent home (sentences written for these tests)."""

from __future__ import annotations

from dyad import Coder, Document
from mention_codes import code_of


def actor_of(doc: Document, surface: str, nth: int = 0) -> str | None:
    found = [m for m in doc.mentions if m.text == surface]
    return found[nth].actor if len(found) > nth else None


def test_she_inside_a_quotation_is_not_its_speaker(coder: Coder) -> None:
    doc = coder.code(
        "Canadian tourist Maria Hollis was robbed in Lyon last year. The French court ruled on "
        "the case on Monday.\n\n"
        'Sophie Marchand, a French lawyer, told reporters, "The court believed her. She did '
        'not lie."',
        "2021-03-02",
    )
    lawyer = actor_of(doc, "Sophie Marchand")
    assert lawyer is not None
    assert actor_of(doc, "She") not in (None, lawyer)
    assert actor_of(doc, "She") == actor_of(doc, "Maria Hollis")


def test_he_after_an_unknown_name_in_an_object_keeps_the_subject(coder: Coder) -> None:
    doc = coder.code(
        "On Tuesday, Turkish President Recep Tayyip Erdogan promised to rebuild Kariye "
        "Camii, an old church in Istanbul. He announced the plan on television.",
        "2019-06-01",
    )
    assert code_of(doc, "He") == "TURGOV"


def test_he_after_an_unknown_subject_is_left_uncoded(coder: Coder) -> None:
    doc = coder.code(
        "Turkish President Recep Tayyip Erdogan spoke in Ankara on Tuesday. Mehmet Yalcinkaya "
        "answered him at a rally. He said the plan would fail.",
        "2019-06-01",
    )
    assert code_of(doc, "He") != "TURGOV"


def test_subject_pronoun_continues_the_subject_of_the_sentence_before(coder: Coder) -> None:
    doc = coder.code(
        "Spanish Princess Elena Borbon, who once met a Chilean tourist at a fair, was "
        "criticised in Madrid on Monday. She announced her candidacy on Friday.",
        "2021-03-02",
    )
    assert actor_of(doc, "She") == actor_of(doc, "Elena Borbon")


def test_base_named_after_a_service_is_no_person(coder: Coder) -> None:
    doc = coder.code(
        "British police said the car had come from RAF Lakenheath on Sunday and spoke with "
        "the driver.",
        "2019-10-10",
    )
    assert all("Lakenheath" not in m.text for m in doc.mentions)


def test_private_person_who_returned_home_takes_that_country(coder: Coder) -> None:
    doc = coder.code(
        "British police in Northampton arrested Laura Pendle on Sunday after a crash killed a "
        "cyclist. Pendle, who drove the car, was released on bail. She later left Britain and "
        "returned to Australia.",
        "2019-10-10",
    )
    assert code_of(doc, "Laura Pendle") == "AUSCVL"


def test_private_person_who_stayed_keeps_the_local_country(coder: Coder) -> None:
    doc = coder.code(
        "British police in Northampton arrested Laura Pendle on Sunday after a crash killed a "
        "cyclist. Pendle, who drove the car, was released on bail. She later spoke to "
        "reporters about Australia.",
        "2019-10-10",
    )
    assert code_of(doc, "Laura Pendle") == "GBRCVL"


def test_she_is_not_a_plural_or_collective_role(coder: Coder) -> None:
    doc = coder.code(
        "Canadian tourist Maria Hollis was robbed in Lyon in 2014. French prosecutors "
        "appealed, and the case went to a jury. At the trial, she was questioned for hours.",
        "2021-03-02",
    )
    assert actor_of(doc, "she") == actor_of(doc, "Maria Hollis")


def test_the_alliance_means_nato_once_nato_is_named(coder: Coder) -> None:
    doc = coder.code(
        "Poland is a member of NATO and wants Georgia to join the alliance soon.",
        "2022-01-25",
    )
    assert code_of(doc, "alliance") == "IGOWSTNAT"


def test_the_alliance_without_nato_is_no_actor(coder: Coder) -> None:
    doc = coder.code(
        "The two parties formed a coalition, and the alliance won the vote in Warsaw.",
        "2022-01-25",
    )
    assert code_of(doc, "alliance") is None


def test_the_victim_is_the_private_person_named_before(coder: Coder) -> None:
    doc = coder.code(
        "Two French police officers were jailed in Paris on Monday for robbing Chilean tourist "
        "Rosa Quispe in 2016. A lawyer for the victim told reporters the verdict was fair.",
        "2021-03-02",
    )
    assert code_of(doc, "victim") == "CHLCVL"


def test_the_victim_with_no_named_person_keeps_the_local_code(coder: Coder) -> None:
    doc = coder.code(
        "Two French police officers were jailed in Paris on Monday for robbing a tourist in "
        "2016. A lawyer for the victim told reporters the verdict was fair.",
        "2021-03-02",
    )
    assert code_of(doc, "victim") in (None, "FRACVL")


def test_unknown_name_ending_in_a_body_word_is_no_person(coder: Coder) -> None:
    doc = coder.code(
        "The Federal Railway Office of Austria has suspended the company's licence, Austrian "
        "officials said.",
        "2019-01-23",
    )
    assert all(not a.id.startswith("person:") for a in doc.actors)


def test_described_subject_is_not_blocked_by_an_unknown_thing_name(coder: Coder) -> None:
    doc = coder.code(
        "Police in Leeds said a crash killed a cyclist on Sunday.\n\n"
        "Tom Beverley, a 23-year-old cyclist, was struck by a Skoda Octavia driving on the "
        "wrong side of the road. He died from his injuries in hospital.",
        "2019-10-10",
    )
    assert code_of(doc, "He") == "GBRCVL"


def test_it_continues_the_main_clause_subject_not_a_nested_one(coder: Coder) -> None:
    doc = coder.code(
        "The analyst at the institute added that Athens is in a difficult position, as the EU "
        "imposing tariffs on China will cause it problems.",
        "2022-01-25",
    )
    assert code_of(doc, "it") == "GRCGOV"


def test_the_family_of_a_foreign_private_person_takes_her_country(coder: Coder) -> None:
    doc = coder.code(
        "Two French police officers were jailed in Paris on Monday for robbing Chilean tourist "
        "Rosa Quispe in 2016. Officers later met her friends and family in Lyon.",
        "2021-03-02",
    )
    assert code_of(doc, "family") == "CHLCVL"
