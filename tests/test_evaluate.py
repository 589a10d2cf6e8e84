"""The scorer behind ``dyad eval``, on hand-built predictions (no parsing involved)."""

from __future__ import annotations

from dyad.evaluate import GoldDoc, GoldEvent, read_gold, score
from dyad.model import ActorRef, Document, Event, Span


def event(source: str, code: str, target: str | None, modality: str = "asserted") -> Event:
    return Event(
        source=ActorRef(source, source, 0, 1),
        target=ActorRef(target, target, 2, 3) if target else None,
        code=code,
        root=code[:2],
        label="",
        goldstein=0.0,
        quad_class=1,
        plover="",
        plover_mode="",
        modality=modality,
        sentence=0,
        trigger=Span(1, 2, "x"),
        rule="test",
    )


def doc(*events: Event) -> Document:
    return Document(id="d", date="2022-01-01", text="x", events=list(events))


def gold(*events: GoldEvent) -> GoldDoc:
    return GoldDoc("d", "x", "2022-01-01", list(events))


def test_exact_match_is_a_true_positive_at_every_level() -> None:
    r = score([gold(GoldEvent("RUSGOV", "UKR", "112"))], [doc(event("RUSGOV", "112", "UKR"))])
    assert all((s.tp, s.fp, s.fn) == (1, 0, 0) for s in r.scores.values())


def test_levels_differ_on_code_and_actor_detail() -> None:
    r = score([gold(GoldEvent("RUSGOV", "UKR", "1121"))], [doc(event("RUSMIL", "112", "UKR"))])
    assert r.scores["root/country"].tp == 1
    assert r.scores["code/country"].tp == 0 and r.scores["code/country"].fp == 1
    assert r.scores["root/full"].tp == 0


def test_alt_codes_are_accepted() -> None:
    g = gold(GoldEvent("RUS", "UKR", "1121", alt=("112",)))
    assert score([g], [doc(event("RUS", "112", "UKR"))]).scores["code/full"].tp == 1


def test_optional_gold_neither_rewards_nor_punishes() -> None:
    g = gold(GoldEvent("RUS", None, "154", optional=True))
    hit = score([g], [doc(event("RUS", "154", None))]).scores["root/country"]
    miss = score([g], [doc()]).scores["root/country"]
    assert (hit.tp, hit.fp, hit.fn) == (0, 0, 0) == (miss.tp, miss.fp, miss.fn)


def test_negated_predictions_are_not_counted() -> None:
    r = score([gold()], [doc(event("RUS", "190", "UKR", modality="negated"))])
    assert r.predicted_events == 0 and r.scores["root/country"].fp == 0


def test_empty_gold_makes_any_fact_a_false_alarm() -> None:
    r = score([gold()], [doc(event("RUS", "190", "UKR"))])
    assert r.scores["root/country"].fp == 1 and r.false_alarms[0]["predicted"] == "RUS 190 UKR"


def test_missing_target_does_not_match_a_dyadic_gold_event() -> None:
    r = score([gold(GoldEvent("USA", "RUS", "1312"))], [doc(event("USA", "1312", None))])
    assert r.scores["root/country"].tp == 0 and r.scores["root/country"].fn == 1


def test_one_prediction_matches_one_gold_event() -> None:
    g = gold(GoldEvent("RUS", "UKR", "190"), GoldEvent("RUS", "UKR", "190"))
    s = score([g], [doc(event("RUS", "190", "UKR"))]).scores["root/country"]
    assert (s.tp, s.fn) == (1, 1)


def test_precision_recall_f1_arithmetic() -> None:
    g = gold(GoldEvent("A" * 3, "B" * 3, "112"), GoldEvent("C" * 3, "D" * 3, "190"))
    s = score([g], [doc(event("AAA", "112", "BBB"), event("EEE", "057", "FFF"))]).scores[
        "root/country"
    ]
    assert (s.precision, s.recall) == (0.5, 0.5) and abs(s.f1 - 0.5) < 1e-9


def test_confusion_pairs_gold_and_predicted_roots() -> None:
    r = score([gold(GoldEvent("RUS", "UKR", "111"))], [doc(event("RUS", "190", "UKR"))])
    assert r.confusion[("11", "19")] == 1


def test_read_gold_skips_unannotated_lines_and_keeps_context() -> None:
    lines = [
        '{"id": "a", "text": "x", "events": []}',
        '{"id": "b", "text": "y"}',
        '{"id": "c", "text": "z", "context": "before ", "events": '
        '[{"source": "RUS", "target": null, "code": "154"}]}',
    ]
    docs = read_gold(lines)
    assert [d.id for d in docs] == ["a", "c"]
    assert docs[1].context == "before " and docs[1].events[0].target is None


def test_mention_accuracy_takes_the_most_overlapping_mention() -> None:
    from dyad.evaluate import GoldMention, score_mentions
    from dyad.model import Actor, Mention

    g = GoldDoc(
        "d",
        "x",
        "2022-01-01",
        None,
        mentions=[
            GoldMention(0, 7, "Kremlin", "RUSGOV"),
            GoldMention(10, 16, "Ankara", "TURGOV"),
            GoldMention(20, 24, "Kyiv", "UKRGOV"),
        ],
    )
    d = doc()
    d.actors = [Actor("RUSGOV", "Russia", "RUSGOV"), Actor("TUR", "Turkey", "TUR")]
    d.mentions = [Mention(0, 7, "Kremlin", "RUSGOV", 0), Mention(10, 16, "Ankara", "TUR", 0)]
    r = score_mentions([g], [d])
    assert (r.gold, r.found, r.country, r.full) == (3, 2, 2, 1)
    assert (r.predicted, r.spurious) == (2, 0)
    assert {e["text"] for e in r.errors} == {"Ankara", "Kyiv"}
