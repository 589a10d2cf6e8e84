"""Scoring coded events against a gold file, the way analysts judge them.

Gold is dyad's JSONL input plus ``events: [{source, target, code, alt?, optional?}]`` per line
(an empty list: nothing may be coded; no key: not annotated). Predicted events count when their
modality says the event is reported as real (asserted, intended, claimed); negated, conditional
and hypothetical ones are flagged for the reader and are not events of the record.

Matching is one-to-one within a document. An optional gold event neither rewards nor punishes.
Scores come at two code levels (root, full code incl. ``alt``) and two actor levels (country:
first three letters; full code).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.model import Document, Event, InputDocument
from dyad.pipeline import Coder

FACTUAL = {"asserted", "intended", "claimed"}
LEVELS = ("root", "code")
ACTOR_LEVELS = ("country", "full")


@dataclass
class GoldEvent:
    source: str
    target: str | None
    code: str
    alt: tuple[str, ...] = ()
    optional: bool = False

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GoldEvent:
        return cls(
            source=str(d["source"]),
            target=d.get("target") or None,
            code=str(d["code"]),
            alt=tuple(str(a) for a in d.get("alt") or ()),
            optional=bool(d.get("optional", False)),
        )


@dataclass
class GoldMention:
    start: int
    end: int
    text: str
    code: str


@dataclass
class GoldDoc:
    id: str
    text: str
    date: str | None
    events: list[GoldEvent] | None  # None: events not annotated
    context: str = ""  # the article text before the sentence, when the gold gives it
    mentions: list[GoldMention] | None = None  # None: mentions not annotated
    quotes: list[GoldQuote] | None = None  # None: quotes not annotated


@dataclass
class GoldQuote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str  # the speaker's fullest name in the article; "" when the text names nobody


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    documents: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    scores: dict[str, Score] = field(default_factory=dict)  # "root/country" -> Score
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold root, pred root)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "scores": {k: s.to_dict() for k, s in self.scores.items()},
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in self.confusion.most_common()
            ],
            "misses": self.misses,
            "false_alarms": self.false_alarms,
        }


def read_gold(lines: Iterable[str]) -> list[GoldDoc]:
    """Gold documents that carry an ``events``, ``mentions`` or ``quotes`` annotation."""
    import json

    docs = []
    for line in lines:
        if not line.strip():
            continue
        d = json.loads(line)
        if not {"events", "mentions", "quotes"} & d.keys():
            continue
        events = [GoldEvent.from_dict(e) for e in d["events"]] if "events" in d else None
        mentions = (
            [
                GoldMention(int(m["start"]), int(m["end"]), m["text"], m["code"])
                for m in d["mentions"]
            ]
            if "mentions" in d
            else None
        )
        quotes = (
            [
                GoldQuote(int(q["start"]), int(q["end"]), q["text"], q["kind"], q["speaker"] or "")
                for q in d["quotes"]
            ]
            if "quotes" in d
            else None
        )
        docs.append(
            GoldDoc(
                str(d["id"]),
                d["text"],
                d.get("date"),
                events,
                d.get("context", ""),
                mentions,
                quotes,
            )
        )
    return docs


def code_gold(coder: Coder, gold: list[GoldDoc], context: bool = True) -> list[Document]:
    """Code each gold sentence, after its article context when given (as dyad is used: on
    whole articles), keeping only the events triggered inside the sentence."""
    prefix = [g.context if context else "" for g in gold]
    docs = coder.pipe(
        InputDocument(id=g.id, text=p + g.text, date=g.date)
        for g, p in zip(gold, prefix, strict=True)
    )
    out = []
    for doc, p in zip(docs, prefix, strict=True):
        doc.events = [e for e in doc.events if e.trigger.start >= len(p)]
        out.append(doc)
    return out


def _actor_ok(gold: str | None, pred: str | None, level: str) -> bool:
    if gold is None:
        return True  # a target added to a one-sided event is not a wrong event
    if pred is None:
        return False
    return gold[:3] == pred[:3] if level == "country" else gold == pred


def _code_ok(gold: GoldEvent, pred: str, level: str) -> bool:
    codes = (gold.code, *gold.alt)
    if level == "root":
        return any(pred[:2] == c[:2] for c in codes)
    return pred in codes


def _matches(g: GoldEvent, e: Event, level: str, actors: str) -> bool:
    return (
        _code_ok(g, e.code, level)
        and _actor_ok(g.source, e.source.code, actors)
        and _actor_ok(g.target, e.target.code if e.target else None, actors)
    )


def score(gold: list[GoldDoc], predicted: list[Document]) -> Report:
    """Precision, recall and F1 at every level, the root confusion and the error lists."""
    report = Report(documents=sum(g.events is not None for g in gold))
    for level in LEVELS:
        for actors in ACTOR_LEVELS:
            report.scores[f"{level}/{actors}"] = Score()
    for g, doc in zip(gold, predicted, strict=True):
        if g.events is None:
            continue
        preds = [e for e in doc.events if e.modality in FACTUAL]
        report.gold_events += sum(not e.optional for e in g.events)
        report.predicted_events += len(preds)
        for level in LEVELS:
            for actors in ACTOR_LEVELS:
                s = report.scores[f"{level}/{actors}"]
                used: set[int] = set()
                matched_pred: set[int] = set()
                # required gold first, so an optional one cannot take a required one's match
                order = sorted(range(len(g.events)), key=lambda i: g.events[i].optional)
                for gi in order:
                    ge = g.events[gi]
                    for pi, e in enumerate(preds):
                        if pi not in matched_pred and _matches(ge, e, level, actors):
                            matched_pred.add(pi)
                            used.add(gi)
                            if not ge.optional:
                                s.tp += 1
                            break
                s.fp += len(preds) - len(matched_pred)
                s.fn += sum(
                    1 for gi, ge in enumerate(g.events) if gi not in used and not ge.optional
                )
                if level == "root" and actors == "country":
                    _record_errors(report, g, preds, used, matched_pred)
    return report


def _record_errors(
    report: Report, g: GoldDoc, preds: list[Event], used: set[int], matched: set[int]
) -> None:
    for gi, ge in enumerate(g.events):
        if gi in used or ge.optional:
            continue
        same_pair = [
            e
            for pi, e in enumerate(preds)
            if pi not in matched
            and _actor_ok(ge.source, e.source.code, "country")
            and _actor_ok(ge.target, e.target.code if e.target else None, "country")
        ]
        report.confusion[(ge.code[:2], same_pair[0].root if same_pair else "none")] += 1
        report.misses.append(
            {
                "id": g.id,
                "gold": f"{ge.source} {ge.code} {ge.target or '-'}",
                "sentence": g.text,
            }
        )
    for pi, e in enumerate(preds):
        if pi in matched:
            continue
        report.false_alarms.append(
            {
                "id": g.id,
                "predicted": f"{e.source.code} {e.code} {e.target.code if e.target else '-'}",
                "modality": e.modality,
                "rule": e.rule,
                "trigger": e.trigger.text,
                "sentence": g.text,
            }
        )
        if not any(
            _actor_ok(ge.source, e.source.code, "country") for ge in g.events if not ge.optional
        ):
            report.confusion[("none", e.root)] += 1


def format_report(report: Report, show_errors: int = 40) -> str:
    """The report as text for a terminal."""
    lines = [
        f"documents {report.documents}, gold events (required) {report.gold_events}, "
        f"predicted events (asserted/intended/claimed) {report.predicted_events}",
        "",
        f"{'level':<8} {'actors':<8} {'precision':>9} {'recall':>7} {'F1':>6} "
        f"{'TP':>5} {'FP':>5} {'FN':>5}",
    ]
    for key, s in report.scores.items():
        level, actors = key.split("/")
        lines.append(
            f"{level:<8} {actors:<8} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} "
            f"{s.tp:>5} {s.fp:>5} {s.fn:>5}"
        )
    if report.confusion:
        lines += ["", "confusion (gold root -> predicted root, root/country level):"]
        for (g, p), n in report.confusion.most_common(25):
            lines.append(f"  {g:>4} -> {p:<4} {n}")
    for title, items, key in (
        ("misses", report.misses, "gold"),
        ("false alarms", report.false_alarms, "predicted"),
    ):
        if items:
            lines += ["", f"{title} ({len(items)}, first {min(show_errors, len(items))}):"]
            for item in items[:show_errors]:
                extra = f"  [{item['rule']}]" if "rule" in item else ""
                lines.append(f"  {item['id']}: {item[key]}{extra}")
                lines.append(f"      {' '.join(item['sentence'].split())[:220]}")
    return "\n".join(lines)


@dataclass
class MentionReport:
    """How well dyad resolves the actor mentions a gold file marks."""

    gold: int = 0
    found: int = 0  # gold mentions overlapped by a dyad mention
    country: int = 0  # ... whose code has the same first three letters
    full: int = 0  # ... whose code is the same
    predicted: int = 0  # dyad mentions in annotated documents
    spurious: int = 0  # ... that overlap no gold mention
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        n = self.gold or 1
        return {
            "gold_mentions": self.gold,
            "found": self.found,
            "coverage": round(self.found / n, 4),
            "country_accuracy": round(self.country / n, 4),
            "full_accuracy": round(self.full / n, 4),
            "predicted_mentions": self.predicted,
            "spurious": self.spurious,
            "errors": self.errors,
        }


def score_mentions(gold: list[GoldDoc], predicted: list[Document]) -> MentionReport:
    """Accuracy of actor codes over gold mentions: a gold mention takes the code of the dyad
    mention that overlaps it most; none counts as wrong."""
    report = MentionReport()
    for g, doc in zip(gold, predicted, strict=True):
        if g.mentions is None:
            continue
        codes = {a.id: a.code for a in doc.actors}
        offset = len(g.context)
        spans = [(gm.start + offset, gm.end + offset) for gm in g.mentions]
        for m in doc.mentions:
            if m.start < offset:
                continue
            report.predicted += 1
            report.spurious += not any(min(e, m.end) > max(s, m.start) for s, e in spans)
        for gm in g.mentions:
            report.gold += 1
            start, end = gm.start + offset, gm.end + offset
            best, overlap = None, 0
            for m in doc.mentions:
                o = min(end, m.end) - max(start, m.start)
                if o > overlap:
                    best, overlap = m, o
            code = codes.get(best.actor) if best else None
            if code is not None:
                report.found += 1
                report.country += code[:3] == gm.code[:3]
                report.full += code == gm.code
            if code != gm.code:
                report.errors.append(
                    {"id": g.id, "text": gm.text, "gold": gm.code, "predicted": code}
                )
    return report


def format_mentions(report: MentionReport, show_errors: int = 40) -> str:
    """The mention report as text."""
    d = report.to_dict()
    lines = [
        f"mentions: gold {d['gold_mentions']}, found {d['found']} ({d['coverage']:.3f}), "
        f"country-level accuracy {d['country_accuracy']:.3f}, "
        f"full-code accuracy {d['full_accuracy']:.3f}; dyad mentions {d['predicted_mentions']}, "
        f"{d['spurious']} of them on no gold mention"
    ]
    for e in report.errors[:show_errors]:
        lines.append(f"  {e['id']}: {e['text']!r} gold {e['gold']} predicted {e['predicted']}")
    return "\n".join(lines)
