"""Scoring quotations against a gold file: are the spans found, and is the speaker right?

A predicted quotation matches a gold one when it covers at least half of the gold span (one to
one, largest overlap first). The speaker is right when one of the names dyad has for the
speaker's actor (canonical name, aliases seen, the words at the cue) is the gold name, shares its
last word ("Peskov" for "Dmitry Peskov"), or holds all its content words or all of whose content
words the gold name holds ("police" for "the police spokesman"). A name spelt another way in the
same article counts too (the gold takes one spelling, GUIDE: "the first full form"): the same
first name and a surname of at least six letters at most one or two letters off ("Mahmoud
Rantisi" for "Mahmoud Al-Rantissi"). A gold quotation without a speaker wants none. Names are
compared after transliteration to ASCII and lowercasing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from dyad.evaluate import GoldDoc, GoldQuote
from dyad.model import Actor, Document, Quote

_STOP = {"the", "a", "an", "of", "s"}
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class QuoteReport:
    """Quotation scores over the annotated documents."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0

    @property
    def end_to_end(self) -> float:
        return self.speaker_right / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_quotes": self.gold,
            "predicted_quotes": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "end_to_end": round(self.end_to_end, 4),
            "recall_by_kind": {
                k: round(self.found_by_kind[k] / n, 4) for k, n in sorted(self.gold_by_kind.items())
            },
            "errors": self.errors,
        }


def score_quotes(gold: list[GoldDoc], predicted: list[Document]) -> QuoteReport:
    """Span and speaker scores of dyad's quotations on the documents that annotate quotes."""
    report = QuoteReport()
    for g, doc in zip(gold, predicted, strict=True):
        if g.quotes is None:
            continue
        offset = len(g.context)
        preds = [q for q in doc.quotes if q.start >= offset]
        report.gold += len(g.quotes)
        report.predicted += len(preds)
        report.gold_by_kind.update(q.kind for q in g.quotes)
        pairs = _match(g.quotes, preds, offset)
        actors = {a.id: a for a in doc.actors}
        for gi, gq in enumerate(g.quotes):
            pi = pairs.get(gi)
            if pi is None:
                report.errors.append(_error(g.id, "missed", gq.text, gq.speaker, None))
                continue
            report.matched += 1
            report.found_by_kind[gq.kind] += 1
            pred = preds[pi]
            if speaker_matches(gq.speaker, _speaker_names(pred, actors)):
                report.speaker_right += 1
            else:
                said = pred.speaker.name if pred.speaker else None
                report.errors.append(_error(g.id, "speaker", gq.text, gq.speaker, said))
        for pi in set(range(len(preds))) - set(pairs.values()):
            report.errors.append(_error(g.id, "extra", preds[pi].text, "", None))
    return report


def _match(gold: list[GoldQuote], preds: list[Quote], offset: int) -> dict[int, int]:
    """Gold index -> predicted index, one to one, largest overlap first."""
    candidates = []
    for gi, gq in enumerate(gold):
        start, end = gq.start + offset, gq.end + offset
        for pi, pq in enumerate(preds):
            overlap = min(end, pq.end) - max(start, pq.start)
            if overlap > 0 and 2 * overlap >= end - start:
                candidates.append((-overlap, gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _speaker_names(q: Quote, actors: dict[str, Actor]) -> list[str]:
    """Every name dyad has for a quotation's speaker."""
    if q.speaker is None:
        return []
    actor = actors.get(q.speaker.actor or "")
    extra = [actor.name, *actor.aliases] if actor is not None else []
    return [q.speaker.name, *extra]


def speaker_matches(gold: str, names: list[str]) -> bool:
    """Does one of dyad's names for the speaker name the gold speaker?"""
    if not gold.strip():
        return not names
    want = _words(gold)
    for name in names:
        have = _words(name)
        if not have or not want:
            continue
        if have == want or have[-1] == want[-1]:
            return True
        if set(have) <= set(want) or set(want) <= set(have):
            return True
        if _spelt_otherwise(have, want):
            return True
    return False


# How close two spellings of one surname must be (rapidfuzz ratio, 0-100): 'rantisi' and
# 'rantissi' score 93, 'johnson' and 'jackson' 71.
_SPELLING = 85
_MIN_SURNAME = 6


def _spelt_otherwise(have: list[str], want: list[str]) -> bool:
    """One person's name in two spellings: same first name, close long surnames."""
    if len(have) < 2 or len(want) < 2 or have[0] != want[0]:
        return False
    a, b = have[-1], want[-1]
    return min(len(a), len(b)) >= _MIN_SURNAME and fuzz.ratio(a, b) >= _SPELLING


def _words(name: str) -> list[str]:
    return [w for w in _WORD.findall(anyascii(name).lower()) if w not in _STOP]


def _error(doc: str, what: str, text: str, gold: str, predicted: str | None) -> dict[str, Any]:
    return {"id": doc, "error": what, "text": text[:120], "gold": gold, "predicted": predicted}


def format_quotes(report: QuoteReport, show_errors: int = 40) -> str:
    """The quotation report as text."""
    d = report.to_dict()
    by_kind = ", ".join(f"{k} {v:.3f}" for k, v in d["recall_by_kind"].items())
    lines = [
        f"quotes: gold {d['gold_quotes']}, predicted {d['predicted_quotes']}, "
        f"matched {d['matched']}; precision {d['precision']:.3f}, recall {d['recall']:.3f}, "
        f"F1 {d['f1']:.3f}; speaker accuracy {d['speaker_accuracy']:.3f}, "
        f"end-to-end {d['end_to_end']:.3f}; recall by kind: {by_kind}"
    ]
    for e in report.errors[:show_errors]:
        lines.append(
            f"  {e['id']}: {e['error']}: {e['text']!r} gold {e['gold']!r} "
            f"predicted {e['predicted']!r}"
        )
    return "\n".join(lines)
