"""Turn the hand-written quotation annotations into offset-based gold records.

Why: the quotations in ``quotes_annotations.tsv`` were written by hand as exact
text spans (copied from each article) so that annotating did not depend on
counting characters.  Scorers need character offsets, so this script locates
every span in its source text and writes ``quotes.jsonl``: one JSON line per
article with ``{"id", "date", "text", "quotes": [...]}``, each quote carrying
``start``/``end`` (Python string offsets, ``text[start:end] == quote``).

It fails loudly (exit status 1, one-line message) when a span cannot be found,
when two spans overlap, or when a row is malformed (unknown article, bad
occurrence, kind other than direct/indirect/mixed).

Usage::

    python eval/quote_offsets.py          # rebuild eval/quotes.jsonl
    python eval/quote_offsets.py stats    # rebuild, then print the tables

Only the standard library is used.  Paths are relative to this file.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TypedDict

HERE = Path(__file__).parent
TSV = HERE / "quotes_annotations.tsv"
OUT = HERE / "quotes.jsonl"
CSV_PATH = HERE / ".." / "tests" / "data" / "wikinews-2019.csv"
ANKARA_PATH = HERE / ".." / "examples" / "ankara-mediation.txt"
ANKARA_DATE = "2022-01-25"

COLUMNS = [
    "article_id",
    "occurrence",
    "kind",
    "quote",
    "speaker",
    "speaker_code",
    "cue",
    "addressee",
]
KINDS = ("direct", "indirect", "mixed")
ARTICLES = ("the", "a", "an")


class Source(TypedDict):
    date: str
    text: str


class Quote(TypedDict):
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    speaker_code: str
    cue: str
    addressee: str


def fail(message: str) -> None:
    """Stop with a one-line message and a non-zero exit status."""
    raise SystemExit(f"quote_offsets: {message}")


def load_sources() -> dict[str, Source]:
    """Read the Wikinews CSV (ids ``wn19-aNNN``) and the Ankara example."""
    csv.field_size_limit(10**9)
    sources: dict[str, Source] = {}
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            sources[f"wn19-a{index:03d}"] = {"date": row["date"], "text": row["text"]}
    sources["ankara"] = {"date": ANKARA_DATE, "text": ANKARA_PATH.read_text(encoding="utf-8")}
    return sources


def read_rows() -> list[dict[str, str]]:
    """Read the TSV (no CSV quoting: quotation marks are data)."""
    with TSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != COLUMNS:
            fail(f"{TSV.name}: header must be {'/'.join(COLUMNS)}")
        rows: list[dict[str, str]] = []
        for line_no, fields in enumerate(reader, start=2):
            if not fields:
                continue
            if len(fields) != len(COLUMNS):
                fail(
                    f"{TSV.name} line {line_no}: expected {len(COLUMNS)} fields, got {len(fields)}"
                )
            row = dict(zip(COLUMNS, fields, strict=True))
            row["line"] = str(line_no)
            rows.append(row)
    return rows


def locate(text: str, span: str, occurrence: int) -> int:
    """Return the start of the ``occurrence``-th match of ``span`` (1-based), or -1."""
    position = -1
    for _ in range(occurrence):
        position = text.find(span, position + 1)
        if position < 0:
            return -1
    return position


def build() -> tuple[list[str], dict[str, list[Quote]], dict[str, Source]]:
    """Locate every annotated span; return article order, quotes and sources."""
    sources = load_sources()
    order: list[str] = []
    quotes: dict[str, list[Quote]] = {}
    for row in read_rows():
        where = f"{TSV.name} line {row['line']}"
        article = row["article_id"]
        if article not in sources:
            fail(f"{where}: unknown article id {article!r}")
        if row["kind"] not in KINDS:
            fail(f"{where}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
        if not row["occurrence"].isdigit() or int(row["occurrence"]) < 1:
            fail(f"{where}: occurrence {row['occurrence']!r} is not a positive integer")
        span = row["quote"].replace("\\n", "\n")
        if not span or span != span.strip():
            fail(f"{where}: quote is empty or has surrounding whitespace")
        text = sources[article]["text"]
        start = locate(text, span, int(row["occurrence"]))
        if start < 0:
            fail(f"{where}: occurrence {row['occurrence']} of {span[:60]!r} not found in {article}")
        if article not in quotes:
            order.append(article)
            quotes[article] = []
        quotes[article].append(
            {
                "start": start,
                "end": start + len(span),
                "text": span,
                "kind": row["kind"],
                "speaker": row["speaker"],
                "speaker_code": row["speaker_code"],
                "cue": row["cue"],
                "addressee": row["addressee"],
            }
        )
    for article in order:
        items = sorted(quotes[article], key=lambda quote: quote["start"])
        for before, after in itertools.pairwise(items):
            if after["start"] < before["end"]:
                fail(f"{article}: {before['text'][:40]!r} overlaps {after['text'][:40]!r}")
        quotes[article] = items
    return order, quotes, sources


def write(order: list[str], quotes: dict[str, list[Quote]], sources: dict[str, Source]) -> None:
    """Write one JSON line per article and re-check every slice."""
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        for article in order:
            text = sources[article]["text"]
            for quote in quotes[article]:
                if text[quote["start"] : quote["end"]] != quote["text"]:
                    fail(f"{article}: slice mismatch at {quote['start']}")
            record = {
                "id": article,
                "date": sources[article]["date"],
                "text": text,
                "quotes": quotes[article],
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def is_named(speaker: str) -> bool:
    """A speaker is 'named' when it is a proper name (first and last word capitalised).

    A leading article is ignored ("the BBC" is named, "the defendants" and
    "German officials" are descriptions).
    """
    words = speaker.split()
    if words and words[0].lower() in ARTICLES:
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def stats(order: list[str], quotes: dict[str, list[Quote]]) -> None:
    """Print markdown tables: per article, per kind, and speaker coverage."""
    everything = [quote for article in order for quote in quotes[article]]
    print("| article | direct | indirect | mixed | total |")
    print("| --- | --- | --- | --- | --- |")
    for article in order:
        kinds = Counter(quote["kind"] for quote in quotes[article])
        counts = " | ".join(str(kinds[kind]) for kind in KINDS)
        print(f"| {article} | {counts} | {len(quotes[article])} |")
    wikinews = [article for article in order if article.startswith("wn19-")]
    wiki_quotes = sum(len(quotes[article]) for article in wikinews)
    total = len(everything)
    kinds = Counter(quote["kind"] for quote in everything)
    with_speaker = sum(1 for quote in everything if quote["speaker"])
    named = sum(1 for quote in everything if is_named(quote["speaker"]))
    coded = sum(1 for quote in everything if quote["speaker_code"])
    addressed = sum(1 for quote in everything if quote["addressee"])
    print()
    print("| measure | value |")
    print("| --- | --- |")
    print(
        f"| articles | {len(order)} ({len(wikinews)} Wikinews + {len(order) - len(wikinews)} other) |"
    )
    print(f"| quotes | {total} ({wiki_quotes} in Wikinews articles) |")
    for kind in KINDS:
        print(f"| {kind} | {kinds[kind]} ({kinds[kind] / total:.1%}) |")
    print(f"| with a speaker | {with_speaker} ({with_speaker / total:.1%}) |")
    print(f"| with a named speaker (proper name) | {named} ({named / total:.1%}) |")
    print(f"| with a speaker code | {coded} ({coded / total:.1%}) |")
    print(f"| with an addressee | {addressed} ({addressed / total:.1%}) |")


def main(argv: list[str]) -> int:
    """Rebuild ``quotes.jsonl``; with ``stats``, also print the tables."""
    if argv and argv[0] != "stats":
        fail(f"unknown argument {argv[0]!r} (use no argument or 'stats')")
    order, quotes, sources = build()
    write(order, quotes, sources)
    if argv:
        stats(order, quotes)
    else:
        count = sum(len(items) for items in quotes.values())
        print(f"wrote {OUT.name}: {len(order)} articles, {count} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
