"""Lexicon coverage per CAMEO code: which codes the lexicon can produce, and how it is tested.

Used by ``dyad lexicon``: analysts extending the lexicon need to see the codes nothing reaches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from dyad.cameo import Ontology
from dyad.events.lexicon import Lexicon


@dataclass
class CodeCoverage:
    code: str
    label: str
    verbs: int
    nouns: int
    frames: int
    tests: int

    @property
    def entries(self) -> int:
        return self.verbs + self.nouns + self.frames


def coverage(lex: Lexicon, onto: Ontology, tests: Iterable[Path] = ()) -> list[CodeCoverage]:
    """One row per CAMEO code of three or four digits, in code order; ``tests`` are phrasing
    files whose expected events are counted per code."""
    verbs = Counter(e.code for entries in lex.verbs.values() for e in entries if e.code)
    nouns = Counter(e.code for entries in lex.nouns.values() for e in entries)
    frames = Counter(code for rows in lex.frames.values() for _, code, _ in rows)
    tested: Counter[str] = Counter()
    for path in tests:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for event in case.get("events") or []:
                tested[str(event["code"])] += 1
    return [
        CodeCoverage(c.code, c.label, verbs[c.code], nouns[c.code], frames[c.code], tested[c.code])
        for c in onto.codes.values()
        if len(c.code) > 2
    ]


def format_coverage(rows: list[CodeCoverage], only_missing: bool = False) -> str:
    """A table with totals; codes with no entry are flagged."""
    lines = [f"{'code':<5} {'verbs':>5} {'nouns':>5} {'frames':>6} {'tests':>5}  label"]
    for r in rows:
        if only_missing and r.entries:
            continue
        flag = "  <- no entry" if not r.entries else ""
        lines.append(
            f"{r.code:<5} {r.verbs:>5} {r.nouns:>5} {r.frames:>6} {r.tests:>5}  {r.label}{flag}"
        )
    reached = sum(1 for r in rows if r.entries)
    three = [r for r in rows if len(r.code) == 3]
    lines.append(
        f"\n{len(rows)} codes; {reached} reachable ({sum(1 for r in three if r.entries)}/"
        f"{len(three)} three-digit); {sum(1 for r in rows if r.tests)} with tests "
        f"({sum(1 for r in three if r.tests >= 2)}/{len(three)} three-digit with two or more); "
        f"entries: {sum(r.verbs for r in rows)} verb, {sum(r.nouns for r in rows)} noun, "
        f"{sum(r.frames for r in rows)} frame rows"
    )
    return "\n".join(lines)
