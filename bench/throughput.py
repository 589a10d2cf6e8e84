"""Throughput: dyad end to end against the bare spaCy pipeline, same texts, same run.

    python bench/throughput.py [--repeat 2] [--limit N]

Codes every article of the wikinews-2019 corpus with ``dyad.Coder`` and, in the same process,
runs the full ``en_core_web_sm`` pipeline over the same texts. Reports tokens per second for both
(tokens counted by the tokenizer, so both rates share one numerator) and their ratio. The best of
``--repeat`` runs is kept for each side. Results also go to ``bench/out/throughput.json``.

The same run prices two stages against the issue budgets, each as the time spent inside its
entry points, timed with wrappers during the dyad runs: the quote stage (``QuoteFinder.find``,
with the actor look-ups it makes for speakers) and actor resolution (``ActorResolver.document``
and the ``DocumentActors`` methods the pipeline, the quote stage and the event stage call).

A stage's share is its time against the rest of the same run, and the figure reported is the
median over the repeats of each repeat's own share: on a shared machine whole runs speed up and
slow down together, so a ratio within one repeat is steady where a ratio of two runs is not (the
quote share used to be the difference to a separate ``Coder(quotes=False)`` run, and scattered
from -12% to +85%).
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "wikinews-2019.csv"


def load_texts(limit: int | None) -> list[tuple[str, str, str]]:
    csv.field_size_limit(sys.maxsize)
    with CORPUS.open(encoding="utf-8", newline="") as fh:
        rows = [(r["url"], r["text"], r["date"]) for r in csv.DictReader(fh)]
    return rows[:limit] if limit else rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()

    from dyad import Coder, InputDocument
    from dyad.nlp import load_full_pipeline

    rows = load_texts(args.limit)
    texts = [t for _, t, _ in rows]
    nlp = load_full_pipeline()
    coder = Coder()
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    # warm up both paths once
    list(nlp.pipe(texts[:5]))
    list(coder.pipe(InputDocument(i, t, d) for i, t, d in rows[:5]))

    actor_clock = _time_actor_stage()
    quote_clock = _time_quote_stage()

    bare, dyad_s, quote_s, actor_s, events = [], [], [], [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        bare.append(time.perf_counter() - t0)
        actor_clock[0] = quote_clock[0] = 0.0
        t0 = time.perf_counter()
        events = sum(len(d.events) for d in coder.pipe(InputDocument(i, t, d) for i, t, d in rows))
        dyad_s.append(time.perf_counter() - t0)
        actor_s.append(actor_clock[0])
        quote_s.append(quote_clock[0])

    quote_shares = [q / (d - q) for q, d in zip(quote_s, dyad_s, strict=True)]
    actor_shares = [a / (d - a) for a, d in zip(actor_s, dyad_s, strict=True)]
    result = {
        "documents": len(texts),
        "tokens": tokens,
        "events": events,
        "bare_spacy_seconds": round(min(bare), 3),
        "dyad_seconds": round(min(dyad_s), 3),
        "bare_spacy_tokens_per_s": round(tokens / min(bare)),
        "dyad_tokens_per_s": round(tokens / min(dyad_s)),
        "ratio": round(min(bare) / min(dyad_s), 3),
        "quote_stage_seconds": round(min(quote_s), 3),
        "quote_stage_share": round(median(quote_shares), 3),
        "quote_stage_shares": [round(x, 3) for x in quote_shares],
        "actor_stage_seconds": round(min(actor_s), 3),
        "actor_stage_share": round(median(actor_shares), 3),
        "actor_stage_shares": [round(x, 3) for x in actor_shares],
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(
        f"\n| corpus | docs | tokens | bare spaCy tok/s | dyad tok/s | ratio |\n"
        f"|---|---|---|---|---|---|\n"
        f"| wikinews-2019 | {len(texts)} | {tokens} | {result['bare_spacy_tokens_per_s']} "
        f"| {result['dyad_tokens_per_s']} | {result['ratio']} |"
    )
    print(
        f"\nquote stage adds {result['quote_stage_share']:.1%}, actor resolution adds "
        f"{result['actor_stage_share']:.1%} to the rest of dyad's time"
    )


# What the pipeline, the quote stage and the event stage call on the actor stage. Only these are
# timed: a wrapper on a lookup called a hundred thousand times would time itself.
ENTRY_POINTS = (
    "register_all_matches",
    "note_people",
    "resolve",
    "reading",
    "note_act",
    "act_of",
    "resolve_pronouns",
    "finish",
)


def _time_actor_stage() -> list[float]:
    """Clock the actor stage's entry points (see ``_clock``)."""
    from dyad.actors import ActorResolver, DocumentActors

    return _clock([(ActorResolver, "document")] + [(DocumentActors, n) for n in ENTRY_POINTS])


def _time_quote_stage() -> list[float]:
    """Clock the quote stage (see ``_clock``)."""
    from dyad.quotes import QuoteFinder

    return _clock([(QuoteFinder, "find")])


def _clock(methods: list[tuple[type, str]]) -> list[float]:
    """Wrap methods with one clock; returns its running total (seconds, in a one-item list).
    Nested calls are counted once."""
    clock = [0.0]
    depth = [0]

    def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            depth[0] += 1
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    clock[0] += time.perf_counter() - t0

        return wrapper

    for owner, name in methods:
        setattr(owner, name, timed(getattr(owner, name)))
    return clock


if __name__ == "__main__":
    main()
