"""Phrasings for the CAMEO codes, written from each code's meaning: tests/data/phrasings.yaml
(one sentence per construction) and tests/data/phrasings_codes.yaml (at least two per
three-digit code, and per four-digit code with a lexicon entry).

Each sentence tests one construction. An expected event is found when an event with the same
code, the same source country (first three letters) and, where one is expected, the same target
country is coded as a fact (asserted, intended or claimed).

dyad codes an event without a target only where CAMEO allows it (policy.yaml, one_sided_root).
For an expected target-less event of another code the sentence must then yield no event of
another root instead: nothing wrong may be coded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dyad import Coder
from dyad.events import default_lexicon

FILES = sorted((Path(__file__).parent / "data").glob("phrasings*.yaml"))
CASES: list[dict[str, Any]] = [
    case for path in FILES for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]
FACTUAL = {"asserted", "intended", "claimed"}


def _key(case: dict[str, Any]) -> str:
    return case["text"][:60]


def test_every_three_digit_code_with_an_entry_has_two_phrasings() -> None:
    from dyad.cameo import load_ontology
    from dyad.events.coverage import coverage

    rows = coverage(default_lexicon(), load_ontology(), FILES)
    short = [r.code for r in rows if len(r.code) == 3 and r.entries and r.tests < 2]
    assert short == []


def test_phrasings_cover_every_root() -> None:
    roots = {str(e["code"])[:2] for case in CASES for e in case["events"]}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("case", CASES, ids=_key)
def test_phrasing(coder: Coder, case: dict[str, Any]) -> None:
    doc = coder.code(case["text"], "2023-06-01")
    got = [e for e in doc.events if e.modality in FACTUAL]
    lex = default_lexicon()
    if not case["events"]:
        assert [(e.code, e.rule) for e in doc.events if e.modality == "asserted"] == []
        return
    for want in case["events"]:
        code, source = str(want["code"]), str(want["source"])[:3]
        target = str(want["target"])[:3] if want.get("target") else None
        if target is None and not lex.one_sided(code):
            wrong = [e for e in got if e.root != code[:2]]
            assert wrong == [], f"{case['text']!r}: coded {[(e.code, e.rule) for e in wrong]}"
            continue
        found = [
            e
            for e in got
            if e.code == code
            and e.source.code[:3] == source
            and (target is None or (e.target is not None and e.target.code[:3] == target))
        ]
        coded = [(e.source.code, e.code, e.target and e.target.code, e.rule) for e in doc.events]
        assert found, f"{case['text']!r}: expected {source} {code} {target}, coded {coded}"
