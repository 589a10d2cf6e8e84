"""Shared fixtures: one Coder, the coded Wikinews corpus and a runner for the real CLI.

Loading the spaCy model and coding the corpus are the slow parts, so each happens once per
test session.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import dyad
from dyad.model import Document, InputDocument

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CORPUS = TESTS / "data" / "wikinews-2019.csv"
EXAMPLE = ROOT / "examples" / "ankara-mediation.txt"
EXAMPLE_DATE = "2022-01-25"
CLI_TIMEOUT = 120  # seconds; a run takes a few, so this only catches a hang

RunDyad = Callable[..., subprocess.CompletedProcess]


@pytest.fixture(scope="session")
def coder() -> dyad.Coder:
    """The default Coder (built-in dictionaries, pre-filtered parsing)."""
    return dyad.Coder()


@pytest.fixture(scope="session")
def corpus_texts() -> list[dict[str, str]]:
    """The rows of the Wikinews 2019 corpus: url, date, title, text."""
    with CORPUS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def corpus_docs(
    coder: dyad.Coder, corpus_texts: list[dict[str, str]]
) -> list[tuple[str, Document]]:
    """Every corpus article coded once, as (text, Document) in corpus order."""
    inputs = [InputDocument(id=r["url"], text=r["text"], date=r["date"]) for r in corpus_texts]
    docs = list(coder.pipe(inputs))
    assert len(docs) == len(inputs)
    return [(inp.text, doc) for inp, doc in zip(inputs, docs, strict=True)]


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_text() -> str:
    """The example article examples/ankara-mediation.txt."""
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_doc(coder: dyad.Coder, example_text: str) -> Document:
    """The example article coded with the default coder at its publication date."""
    return coder.code(example_text, date=EXAMPLE_DATE, id=EXAMPLE.name)


def _run(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DYAD_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "dyad.cli", *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=CLI_TIMEOUT,
        cwd=ROOT,
        env=env,
        check=False,
    )


@pytest.fixture(scope="session")
def run_dyad() -> RunDyad:
    """Run ``python -m dyad.cli ARGS`` in a subprocess: run_dyad(*args, input=None)."""
    return _run
