"""Writers for coded documents: a table for people, JSON/JSONL for programs, CSV for sheets.

Each writer takes documents one at a time and writes them at once, so that when a later input
fails everything already coded is on disk.
"""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from typing import Any, Protocol, TextIO

from dyad.model import CODING_FIELDS, Document, Event

FORMATS = ("table", "json", "jsonl", "csv")
ONTOLOGIES = ("cameo", "plover")

CSV_COLUMNS = [
    "doc_id",
    "date",
    "sentence",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    *CODING_FIELDS,
    "attributed_to",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "date_precision",
    "date_phrase",
    "background",
    "place_name",
    "place_country",
    "lat",
    "lon",
]


class Writer(Protocol):
    def write(self, doc: Document) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object per document per line (the default when piped)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, doc: Document) -> None:
        self.out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """A JSON array of documents, written element by element so a failure keeps a prefix."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def write(self, doc: Document) -> None:
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


class CsvWriter:
    """One row per event, with the document id and the evidence. With ``ontology="plover"``
    the PLOVER type and mode come before the CAMEO columns."""

    def __init__(self, out: TextIO, ontology: str = "cameo") -> None:
        self.out = out
        columns = CSV_COLUMNS
        if ontology == "plover":
            first = ["plover", "plover_mode"]
            at = CSV_COLUMNS.index("code")
            rest = [c for c in CSV_COLUMNS if c not in first]
            columns = rest[:at] + first + rest[at:]
        self.writer = csv.DictWriter(out, fieldnames=columns)
        self.writer.writeheader()

    def write(self, doc: Document) -> None:
        for event in doc.events:
            self.writer.writerow(event_row(doc, event))
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def event_row(doc: Document, e: Event) -> dict[str, Any]:
    """A flat record of one event, as in the CSV output."""
    return {
        "doc_id": doc.id,
        "date": e.date or doc.date,
        "sentence": e.sentence,
        "source_code": e.source.code,
        "source_name": e.source.name,
        "target_code": e.target.code if e.target else "",
        "target_name": e.target.name if e.target else "",
        **e.coding(),
        "attributed_to": e.attributed_to.code if e.attributed_to else "",
        "trigger": e.trigger.text,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "rule": e.rule,
        "date_precision": e.date_precision,
        "date_phrase": e.date_phrase.text if e.date_phrase else "",
        "background": "yes" if e.background else "",
        "place_name": e.place.name if e.place else "",
        "place_country": (e.place.country or "") if e.place else "",
        "lat": e.place.lat if e.place and e.place.lat is not None else "",
        "lon": e.place.lon if e.place and e.place.lon is not None else "",
    }


class TableWriter:
    """A readable table per document: who did what to whom, how sure, and the evidence."""

    def __init__(self, out: TextIO, width: int | None = None, ontology: str = "cameo") -> None:
        self.out = out
        self.width = width or max(80, min(160, shutil.get_terminal_size((120, 20)).columns))
        self.ontology = ontology

    def write(self, doc: Document) -> None:
        w = self.out.write
        w(f"\n{doc.id}  ({doc.date})  {len(doc.events)} events, {len(doc.actors)} actors\n")
        if not doc.events:
            w("  (no events)\n")
        headers = ["#", "source", "event", "target", "modality", "when, where"]
        rows = []
        for n, e in enumerate(doc.events, 1):
            event = f"{e.code} {e.label} ({e.goldstein:+.1f})"
            if self.ontology == "plover":
                # PLOVER first; CAMEO 01 statements have no PLOVER type and keep their code
                mode = f" ({e.plover_mode})" if e.plover_mode else ""
                event = f"{e.plover}{mode} [CAMEO {e.code}]" if e.plover else event
            rows.append(
                [
                    str(n),
                    f"{e.source.code} {_short(e.source.name, 28)}",
                    event,
                    f"{e.target.code} {_short(e.target.name, 28)}" if e.target else "-",
                    e.modality + (f" by {e.attributed_to.code}" if e.attributed_to else ""),
                    _when_where(e),
                ]
            )
        if rows:
            widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
            line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
            w("  " + line + "\n  " + "-" * len(line) + "\n")
            for n, (row, e) in enumerate(zip(rows, doc.events, strict=True), 1):
                w("  " + "  ".join(c.ljust(widths[i]) for i, c in enumerate(row)) + "\n")
                evidence = _evidence(doc, e)
                for part in textwrap.wrap(evidence, self.width - 8):
                    w(" " * (len(str(n)) + 4) + part + "\n")
        if doc.quotes:
            w(f"  quotes ({len(doc.quotes)}):\n")
            for q in doc.quotes:
                who = f"{q.speaker.code or '?'} {_short(q.speaker.name, 30)}" if q.speaker else "?"
                cue = f" {q.cue.text}" if q.cue else ""
                said = _short(q.text, self.width - len(who) - len(cue) - 16)
                w(f"    {who}{cue} ({q.kind}): “{said}”\n")
        if doc.actors:
            w("  actors: " + ", ".join(f"{a.code} {a.name}" for a in doc.actors[:40]))
            w(" ...\n" if len(doc.actors) > 40 else "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _when_where(e: Event) -> str:
    """The event's date when the text gave one ("2022-02 month"), and its place ("Kharkiv
    UKR"); '-' when it only has the document date and no place, so dated rows stand out."""
    parts = []
    if e.date_precision != "document" and e.date:
        shown = {"year": e.date[:4], "month": e.date[:7]}.get(e.date_precision, e.date)
        parts.append(shown if e.date_precision != "week" else f"week of {e.date}")
        if e.background:
            parts[-1] += " (background)"
    if e.place:
        parts.append(f"{_short(e.place.name, 20)} {e.place.country or ''}".strip())
    return ", ".join(parts) or "-"


def _evidence(doc: Document, e: Event) -> str:
    """The sentence with the trigger marked, and the rule that fired."""
    sent = doc.sentences[e.sentence] if e.sentence < len(doc.sentences) else None
    if sent is None:
        return f"[{e.rule}]"
    t = e.trigger
    text = doc.text[sent.start : t.start] + "[" + t.text + "]" + doc.text[t.end : sent.end]
    return f"“{' '.join(text.split())}”  rule {e.rule}"


def make_writer(fmt: str, out: TextIO, ontology: str = "cameo") -> Writer:
    """The writer for a format name; ``ontology`` puts CAMEO or PLOVER first in the table and
    the CSV (JSON always carries both)."""
    if fmt == "table":
        return TableWriter(out, ontology=ontology)
    if fmt == "json":
        return JsonWriter(out)
    if fmt == "csv":
        return CsvWriter(out, ontology=ontology)
    return JsonlWriter(out)
