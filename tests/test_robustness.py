"""Invariants of dyad's output over a whole news corpus, whatever the lexicon codes.

Each test checks one property over every event, actor reference or mention of every coded
Wikinews article and lists the first offenders when it fails. No test names an event code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import dyad
from dyad.cameo import Ontology, load_ontology
from dyad.model import MODALITIES, ActorRef, Document, Event, InputDocument

ACTOR_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
EXAMPLE_DATE = "2022-01-25"
SHOW = 10  # offenders listed in a failure message

Problems = list[str]


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return load_ontology()


def events_of(corpus_docs: list[tuple[str, Document]]) -> Iterator[tuple[str, Document, Event]]:
    for text, doc in corpus_docs:
        for event in doc.events:
            yield text, doc, event


def refs_of(event: Event) -> Iterator[tuple[str, ActorRef]]:
    """The actor references of an event, named by role."""
    yield "source", event.source
    if event.target is not None:
        yield "target", event.target
    if event.attributed_to is not None:
        yield "attributed_to", event.attributed_to


def where(doc: Document, event: Event) -> str:
    return f"{doc.id} sentence {event.sentence} trigger {event.trigger.text!r}"


def assert_none(problems: Problems) -> None:
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(problems[:SHOW])


def key(event: Event) -> tuple[str, str, int]:
    return (event.code, event.source.code, event.trigger.start)


# --------------------------------------------------------------------------------- corpus


def test_every_article_is_coded(corpus_docs: list[tuple[str, Document]], corpus_texts) -> None:
    assert [doc.id for _, doc in corpus_docs] == [r["url"] for r in corpus_texts]
    assert all(doc.text == text for text, doc in corpus_docs)


def test_corpus_gives_enough_to_check(corpus_docs: list[tuple[str, Document]]) -> None:
    """Guards the other tests against passing vacuously: news has events, targets, mentions."""
    with_events = [doc for _, doc in corpus_docs if doc.events]
    assert len(with_events) >= len(corpus_docs) // 5
    assert any(e.target is not None for _, _, e in events_of(corpus_docs))
    assert all(doc.mentions for doc in with_events)


def test_every_event_code_is_a_cameo_code(corpus_docs, ontology: Ontology) -> None:
    assert_none(
        [
            f"{where(d, e)}: code {e.code!r}"
            for _, d, e in events_of(corpus_docs)
            if e.code not in ontology
        ]
    )


def test_goldstein_and_quad_class_come_from_the_ontology(corpus_docs, ontology: Ontology) -> None:
    problems = []
    for _, doc, e in events_of(corpus_docs):
        if e.code not in ontology:
            continue  # reported by test_every_event_code_is_a_cameo_code
        c = ontology[e.code]
        if (e.goldstein, e.quad_class) != (c.goldstein, c.quad_class):
            problems.append(f"{where(doc, e)}: {e.code} has {e.goldstein}/{e.quad_class}")
    assert_none(problems)


def test_root_label_and_plover_come_from_the_ontology(corpus_docs, ontology: Ontology) -> None:
    problems = []
    for _, doc, e in events_of(corpus_docs):
        if e.code not in ontology:
            continue
        c = ontology[e.code]
        if (e.root, e.label, e.plover, e.plover_mode) != (
            c.root,
            c.label,
            c.plover,
            c.plover_mode,
        ):
            problems.append(f"{where(doc, e)}: {e.code} root/label/plover differ")
    assert_none(problems)


def test_every_event_has_a_coded_source(corpus_docs) -> None:
    assert_none(
        [
            f"{where(d, e)}: source code {e.source.code!r}"
            for _, d, e in events_of(corpus_docs)
            if not e.source.code or not ACTOR_CODE.match(e.source.code)
        ]
    )


def test_target_and_speaker_codes_are_actor_codes(corpus_docs) -> None:
    assert_none(
        [
            f"{where(d, e)}: {role} code {ref.code!r}"
            for _, d, e in events_of(corpus_docs)
            for role, ref in refs_of(e)
            if role != "source" and not ACTOR_CODE.match(ref.code)
        ]
    )


def test_modality_is_a_known_modality(corpus_docs) -> None:
    assert_none(
        [
            f"{where(d, e)}: modality {e.modality!r}"
            for _, d, e in events_of(corpus_docs)
            if e.modality not in MODALITIES
        ]
    )


def test_trigger_offsets_match_the_text(corpus_docs) -> None:
    problems = []
    for text, doc, e in events_of(corpus_docs):
        t = e.trigger
        if not 0 <= t.start < t.end <= len(text) or text[t.start : t.end] != t.text:
            problems.append(f"{where(doc, e)}: trigger at {t.start}:{t.end}")
    assert_none(problems)


def test_actor_reference_offsets_match_the_text(corpus_docs) -> None:
    problems = []
    for text, doc, e in events_of(corpus_docs):
        for role, ref in refs_of(e):
            inside = 0 <= ref.start < ref.end <= len(text)
            if not inside or text[ref.start : ref.end] != ref.name:
                got = text[ref.start : ref.end] if inside else "<outside the text>"
                problems.append(f"{where(doc, e)}: {role} {ref.name!r} but text has {got!r}")
    assert_none(problems)


def test_mention_offsets_match_the_text(corpus_docs) -> None:
    problems = []
    for text, doc in corpus_docs:
        for m in doc.mentions:
            inside = 0 <= m.start < m.end <= len(text)
            if not inside or text[m.start : m.end] != m.text:
                problems.append(f"{doc.id}: mention {m.text!r} at {m.start}:{m.end}")
    assert_none(problems)


def test_mentions_point_to_document_actors(corpus_docs) -> None:
    problems = []
    for _, doc in corpus_docs:
        ids = {a.id for a in doc.actors}
        problems += [
            f"{doc.id}: mention {m.text!r} -> {m.actor}" for m in doc.mentions if m.actor not in ids
        ]
    assert_none(problems)


def test_event_actor_references_point_to_document_actors(corpus_docs) -> None:
    problems = []
    for _, doc, e in events_of(corpus_docs):
        ids = {a.id for a in doc.actors}
        for role, ref in refs_of(e):
            if ref.actor is not None and ref.actor not in ids:
                problems.append(f"{where(doc, e)}: {role} -> {ref.actor}")
    assert_none(problems)


def test_actor_ids_are_unique_in_a_document(corpus_docs) -> None:
    problems = []
    for _, doc in corpus_docs:
        ids = [a.id for a in doc.actors]
        if len(ids) != len(set(ids)):
            problems.append(f"{doc.id}: duplicate actor ids")
    assert_none(problems)


def test_sentences_are_ordered_spans_of_the_text(corpus_docs) -> None:
    problems = []
    for text, doc in corpus_docs:
        previous_end = 0
        for i, s in enumerate(doc.sentences):
            if s.index != i or not previous_end <= s.start <= s.end <= len(text):
                problems.append(f"{doc.id}: sentence {i} at {s.start}:{s.end}")
            previous_end = s.end
    assert_none(problems)


def test_event_trigger_lies_in_its_sentence(corpus_docs) -> None:
    problems = []
    for _, doc, e in events_of(corpus_docs):
        if not 0 <= e.sentence < len(doc.sentences):
            problems.append(f"{where(doc, e)}: no sentence {e.sentence}")
            continue
        s = doc.sentences[e.sentence]
        if not s.start <= e.trigger.start < e.trigger.end <= s.end:
            problems.append(f"{where(doc, e)}: trigger outside {s.start}:{s.end}")
    assert_none(problems)


def test_mention_lies_in_its_sentence(corpus_docs) -> None:
    problems = []
    for _, doc in corpus_docs:
        for m in doc.mentions:
            if not 0 <= m.sentence < len(doc.sentences):
                problems.append(f"{doc.id}: mention {m.text!r} in no sentence {m.sentence}")
                continue
            s = doc.sentences[m.sentence]
            if not s.start <= m.start < m.end <= s.end:
                problems.append(f"{doc.id}: mention {m.text!r} outside sentence {m.sentence}")
    assert_none(problems)


def test_event_date_is_the_document_date_or_from_the_text(corpus_docs) -> None:
    """An event keeps the document date unless a phrase of the text dates it; a past event is
    never dated after its document (the time/place stage, tests/test_timeplace.py)."""
    problems = []
    for text, d, e in events_of(corpus_docs):
        if e.date_precision == "document":
            if e.date != d.date or e.date_phrase is not None:
                problems.append(f"{where(d, e)}: date {e.date} without a phrase")
        elif e.date_phrase is None or text[e.date_phrase.start : e.date_phrase.end] != (
            e.date_phrase.text
        ):
            problems.append(f"{where(d, e)}: date phrase does not point into the text")
        elif e.modality != "intended" and (e.date or "") > d.date:
            problems.append(f"{where(d, e)}: past event dated {e.date}, after {d.date}")
    assert_none(problems)


# ------------------------------------------------------------------------ example article


def test_coding_is_deterministic(coder: dyad.Coder, example_text: str) -> None:
    first = coder.code(example_text, date=EXAMPLE_DATE).to_dict()
    second = coder.code(example_text, date=EXAMPLE_DATE).to_dict()
    assert first["events"]
    assert first == second


def test_coding_does_not_depend_on_the_batch(
    coder: dyad.Coder, example_text: str, corpus_texts
) -> None:
    """An article coded alone and between other articles gives the same document."""
    alone = coder.code(example_text, date=EXAMPLE_DATE, id="example").to_dict()
    example = InputDocument(id="example", text=example_text, date=EXAMPLE_DATE)
    other = InputDocument(id="other", text=corpus_texts[0]["text"], date=corpus_texts[0]["date"])
    batch = list(coder.pipe([other, example, other, example], batch_size=8))
    assert batch[1].to_dict() == alone
    assert batch[3].to_dict() == alone


@pytest.fixture(scope="module")
def full_parse_doc(example_text: str) -> Document:
    """The example article coded with every sentence parsed (no trigger-word pre-filter)."""
    return dyad.Coder(parse_all=True).code(example_text, date=EXAMPLE_DATE)


def test_full_parse_finds_every_prefiltered_event(
    example_doc: Document, full_parse_doc: Document
) -> None:
    prefiltered = {key(e) for e in example_doc.events}
    assert prefiltered
    assert prefiltered <= {key(e) for e in full_parse_doc.events}


def test_prefilter_loses_no_event_of_a_full_parse(
    example_doc: Document, full_parse_doc: Document
) -> None:
    lost = {key(e) for e in full_parse_doc.events} - {key(e) for e in example_doc.events}
    assert not lost, f"events found only when every sentence is parsed: {sorted(lost)}"
