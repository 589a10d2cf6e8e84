"""Stateless peoples as sides of a conflict ('the Kurds'), and the data table behind them
(sentences written for these tests)."""

from __future__ import annotations

from dyad import Coder
from dyad.actors.gazetteer import _rows, peoples
from mention_codes import code_of


def test_the_kurds_are_the_kurdish_group_the_text_names_most(coder: Coder) -> None:
    doc = coder.code(
        "The SDF said on Monday that Turkish shelling hit Qamishli. A spokesman for the SDF "
        "said the Kurds would defend the town.",
        "2019-10-10",
    )
    assert code_of(doc, "Kurds") == "SYRREB"


def test_the_kurds_with_no_group_named_stay_uncoded(coder: Coder) -> None:
    doc = coder.code(
        "Thousands of Kurds celebrated Newroz in Diyarbakir on Thursday, police said.",
        "2019-03-21",
    )
    assert code_of(doc, "Kurds") is None


def test_every_people_row_points_to_known_organisations() -> None:
    orgs = {f"org:{row['id']}" for row in _rows("organizations.tsv")}
    table = peoples()
    assert table
    assert all(set(groups) <= orgs for groups in table.values())
