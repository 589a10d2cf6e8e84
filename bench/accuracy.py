"""Accuracy of dyad's events on the development gold sets, as a README table.

    python bench/accuracy.py

Scores ``eval/dev.jsonl`` (Wikinews 2019 sentences) and ``eval/ankara.jsonl`` (the example
article) with the same scorer as ``dyad eval`` and writes ``bench/out/accuracy.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from dyad import Coder
from dyad.evaluate import code_gold, read_gold, score

ROOT = Path(__file__).resolve().parent.parent
GOLD = {"wikinews-2019 dev": ROOT / "eval" / "dev.jsonl", "ankara": ROOT / "eval" / "ankara.jsonl"}


def main() -> None:
    coder = Coder()
    results = {}
    print("| gold set | level | actors | precision | recall | F1 | TP | FP | FN |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, path in GOLD.items():
        with path.open(encoding="utf-8") as fh:
            gold = read_gold(fh)
        for context in (True, False):
            report = score(gold, code_gold(coder, gold, context=context))
            label = f"{name}, {'in article' if context else 'sentence alone'}"
            results[label] = {"documents": report.documents, **report.to_dict()["scores"]}
            for key, s in report.scores.items():
                level, actors = key.split("/")
                print(
                    f"| {label} ({report.documents} sent.) | {level} | {actors} "
                    f"| {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} "
                    f"| {s.fn} |"
                )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "accuracy.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
