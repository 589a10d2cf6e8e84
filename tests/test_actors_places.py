"""Capitals and plural demonyms as event arguments (sentences written for these tests)."""

from __future__ import annotations

from dyad import Coder


def targets(coder: Coder, text: str, code: str) -> list[str]:
    events = coder.code(text, "2019-05-05").events
    return [e.target.code for e in events if e.code == code and e.target]


def test_a_capital_shelled_is_the_country_not_its_government(coder: Coder) -> None:
    assert targets(coder, "Russian forces shelled Kyiv on Monday.", "194") == ["UKR"]


def test_a_two_word_capital_hit_is_the_country(coder: Coder) -> None:
    assert targets(coder, "Pakistani militants attacked New Delhi.", "190") == ["IND"]


def test_a_capital_criticised_is_still_the_government(coder: Coder) -> None:
    assert targets(coder, "Turkey condemned Moscow.", "111") == ["RUSGOV"]


def test_a_plural_demonym_is_the_country(coder: Coder) -> None:
    text = '"We warn the Iranians that our patience is running out", the Israeli minister said.'
    assert targets(coder, text, "130") == ["IRN"]
