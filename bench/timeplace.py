"""Time and place accuracy against the hand-annotated gold set eval/timeplace.jsonl.

    python bench/timeplace.py [--gold eval/timeplace.jsonl] [--errors]

Each gold sentence is coded inside its article (the ``context`` field: the article text before
it, as the event gold set does), and each gold event is matched to the event dyad finds at the
annotated trigger word in that sentence. Over the matched events it reports date accuracy (date
and precision both right), split into events the text dates and events that keep the document
date, and place precision and recall (a place is right when its places.tsv id is the gold id).
Gold events dyad does not find are counted, not scored there: event finding is measured by
``dyad eval``. So that the stage is measured on every gold event too, a second score runs it at
each annotated trigger directly (the sentence parsed alone, the event taken as asserted unless
an auxiliary says otherwise). Results also go to ``bench/out/timeplace.json``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def score(gold: list[dict[str, Any]], errors: bool) -> dict[str, Any]:
    from dyad import Coder, InputDocument

    coder = Coder()
    stage = _StageAtTrigger(coder)
    inputs = [
        InputDocument(id=g["id"], text=g.get("context", "") + g["text"], date=g["date"])
        for g in gold
    ]
    dyad_events, at_trigger = Tally(), Tally()
    for g, doc in zip(gold, coder.pipe(inputs), strict=True):
        base = len(g.get("context", ""))
        for ge in g["events"]:
            m = re.search(r"\b" + re.escape(ge["trigger"]) + r"\b", g["text"])
            assert m is not None, (g["id"], ge["trigger"])
            found = [e for e in doc.events if e.trigger.start == base + m.start()]
            if found:
                dyad_events.add(g, ge, found[0])
            at_trigger.add(g, ge, stage.event(g, m.start(), m.end()))
    if errors:
        print("on dyad's events:\n" + "\n".join(dyad_events.wrong) + "\n")
        print("at every gold trigger:\n" + "\n".join(at_trigger.wrong) + "\n")
    return {
        "gold_sentences": len(gold),
        "gold_events": sum(len(g["events"]) for g in gold),
        "on_dyad_events": dyad_events.result(),
        "at_gold_triggers": at_trigger.result(),
    }


class _StageAtTrigger:
    """The time/place stage run at a given trigger, without the event stage."""

    def __init__(self, coder: Any) -> None:
        self.coder = coder

    def event(self, g: dict[str, Any], start: int, end: int) -> Any:
        from dyad.model import ActorRef, Event, Sentence, Span
        from dyad.nlp import ParsedSentence

        sent = ParsedSentence(Sentence(0, 0, len(g["text"])), self.coder.nlp(g["text"]))
        none = ActorRef(None, "", -1, -1)
        e = Event(none, None, "", "", "", 0.0, 0, "", "", "asserted", 0, Span(start, end, ""), "")
        self.coder.timeplace.annotate(e, sent, g["date"])
        return e


class Tally:
    """Counts for one way of scoring."""

    def __init__(self) -> None:
        self.n = dict.fromkeys(("events", "date_ok", "dated", "dated_ok", "doc", "doc_ok"), 0)
        self.place = {"predicted": 0, "gold": 0, "correct": 0}
        self.wrong: list[str] = []

    def add(self, g: dict[str, Any], ge: dict[str, Any], e: Any) -> None:
        n, place = self.n, self.place
        n["events"] += 1
        kind = "doc" if ge["precision"] == "document" else "dated"
        n[kind] += 1
        ok = (e.date, e.date_precision) == (ge["date"], ge["precision"])
        n["date_ok"] += ok
        n[kind + "_ok"] += ok
        got = e.place.id if e.place else None
        place["predicted"] += got is not None
        place["gold"] += ge["place"] is not None
        place["correct"] += got is not None and got == ge["place"]
        if not ok or got != ge["place"]:
            phrase = e.date_phrase.text if e.date_phrase else "-"
            self.wrong.append(
                f"{g['id']} [{ge['trigger']}] gold {ge['date']} {ge['precision']} "
                f"{ge['place']} | dyad {e.date} {e.date_precision} ({phrase}) {got}"
            )

    def result(self) -> dict[str, Any]:
        n, place = self.n, self.place
        return {
            "events": n["events"],
            "date_accuracy": ratio(n["date_ok"], n["events"]),
            "date_accuracy_dated": ratio(n["dated_ok"], n["dated"]),
            "date_accuracy_document": ratio(n["doc_ok"], n["doc"]),
            "dated_events": n["dated"],
            "document_events": n["doc"],
            "place_precision": ratio(place["correct"], place["predicted"]),
            "place_recall": ratio(place["correct"], place["gold"]),
            "places_predicted": place["predicted"],
            "places_gold": place["gold"],
            "places_correct": place["correct"],
        }


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "eval" / "timeplace.jsonl")
    ap.add_argument("--errors", action="store_true", help="list every wrong date or place")
    args = ap.parse_args()
    result = score(load(args.gold), args.errors)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "timeplace.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"gold: {result['gold_sentences']} sentences, {result['gold_events']} events")
    print("| scored on | events | date exact | text-dated | document | place P | place R |")
    print("|---|---|---|---|---|---|---|")
    for key, label in (("on_dyad_events", "dyad's events"), ("at_gold_triggers", "gold triggers")):
        r = result[key]
        print(
            f"| {label} | {r['events']} | {r['date_accuracy']} | "
            f"{r['date_accuracy_dated']} ({r['dated_events']}) | "
            f"{r['date_accuracy_document']} ({r['document_events']}) | "
            f"{r['place_precision']} ({r['places_correct']}/{r['places_predicted']}) | "
            f"{r['place_recall']} ({r['places_correct']}/{r['places_gold']}) |"
        )


if __name__ == "__main__":
    main()
