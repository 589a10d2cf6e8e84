"""Direct quotations: where they run, and whose word the events inside them are."""

from __future__ import annotations

from dyad import Coder
from dyad.quotes import quote_spans


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quote_spans(text)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "yes" and she said “no” and «peut-être».'
    assert quoted(text) == ['"yes"', "“no”", "«peut-être»"]


def test_quote_over_several_sentences() -> None:
    text = 'Erdogan said: "We are ready. We will mediate." Then he left.'
    assert quoted(text) == ['"We are ready. We will mediate."']


def test_quote_reopened_in_the_next_paragraph_runs_on() -> None:
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    assert quoted(text) == [text[: text.index(",") + 2]]


def test_unbalanced_mark_ends_with_its_paragraph() -> None:
    text = 'A stray " mark here.\n\nNext paragraph is "fine".'
    spans = quoted(text)
    assert spans[0] == '" mark here.' and spans[1] == '"fine"'


def test_events_in_a_multi_sentence_quote_are_the_speakers(coder: Coder) -> None:
    doc = coder.code(
        '"We will attack Ukraine. Nobody will stop us," the Russian defence minister said.',
        "2022-01-25",
    )
    attack = [e for e in doc.events if e.root == "19"]
    assert attack and attack[0].source.code.startswith("RUS")
    assert attack[0].attributed_to is not None and attack[0].attributed_to.code.startswith("RUS")
    assert attack[0].modality == "intended"
