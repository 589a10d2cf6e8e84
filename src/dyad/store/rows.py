"""Records to table rows and back: one function per table each way.

Rows are dicts keyed by column name, so the order of columns in ``schema.sql`` never matters
here. Reading back gives the same records (``Document.to_dict()`` is equal), which the tests
check for every record type.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from dyad.model import (
    Actor,
    ActorRef,
    Document,
    Event,
    InputDocument,
    Mention,
    Place,
    Quote,
    Sentence,
    Span,
)

Row = dict[str, Any]

# Input fields copied into their own document columns (they also stay in ``meta``).
URL_FIELDS = ("url", "link")
TITLE_FIELDS = ("title", "headline")
SOURCE_FIELDS = ("source", "outlet", "sitename", "publisher")


def doc_key(text: str) -> str:
    """The store key of a document: SHA-256 of its text, so the same article is stored once."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _field(meta: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = meta.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def outlet(url: str | None) -> str | None:
    """The outlet a URL comes from, as its host name without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def document_row(doc: Document, source: InputDocument | None, key: str) -> Row:
    meta = doc.meta
    url = _field(meta, URL_FIELDS)
    if url is None and doc.id.startswith(("http://", "https://")):
        url = doc.id
    return {
        "doc_key": key,
        "id": doc.id,
        "url": url,
        "source": _field(meta, SOURCE_FIELDS) or outlet(url),
        "title": _field(meta, TITLE_FIELDS),
        "date": doc.date,
        "text": doc.text,
        "meta": json.dumps(meta, ensure_ascii=False, default=str),
        "origin": source.origin if source is not None else None,
        "ingested_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    }


def _ref(prefix: str, ref: ActorRef | None) -> Row:
    return {
        f"{prefix}_code": ref.code if ref else None,
        f"{prefix}_name": ref.name if ref else None,
        f"{prefix}_actor": ref.actor if ref else None,
        f"{prefix}_start": ref.start if ref else None,
        f"{prefix}_end": ref.end if ref else None,
    }


def _sentence_text(doc: Document, index: int) -> str | None:
    if 0 <= index < len(doc.sentences) and doc.sentences[index].index == index:
        s = doc.sentences[index]
        return doc.text[s.start : s.end]
    for s in doc.sentences:
        if s.index == index:
            return doc.text[s.start : s.end]
    return None


def event_rows(doc: Document, key: str) -> list[Row]:
    rows = []
    for n, e in enumerate(doc.events):
        place = e.place
        phrase = e.date_phrase
        row: Row = {
            "doc_key": key,
            "n": n,
            **_ref("source", e.source),
            **_ref("target", e.target),
            **e.coding(),
            **_ref("attributed", e.attributed_to),
            "sentence": e.sentence,
            "sentence_text": _sentence_text(doc, e.sentence),
            "trigger_start": e.trigger.start,
            "trigger_end": e.trigger.end,
            "trigger_text": e.trigger.text,
            "rule": e.rule,
            "date": e.date,
            "date_precision": e.date_precision,
            "date_phrase": phrase.text if phrase else None,
            "date_phrase_start": phrase.start if phrase else None,
            "date_phrase_end": phrase.end if phrase else None,
            "place_id": place.id if place else None,
            "place_name": place.name if place else None,
            "place_start": place.start if place else None,
            "place_end": place.end if place else None,
            "place_country": place.country if place else None,
            "place_admin1": place.admin1 if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "background": e.background,
        }
        rows.append(row)
    return rows


def quote_rows(doc: Document, key: str) -> list[Row]:
    rows = []
    for n, q in enumerate(doc.quotes):
        rows.append(
            {
                "doc_key": key,
                "n": n,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "cue_text": q.cue.text if q.cue else None,
                "cue_start": q.cue.start if q.cue else None,
                "cue_end": q.cue.end if q.cue else None,
                **_ref("speaker", q.speaker),
                **_ref("addressee", q.addressee),
            }
        )
    return rows


def actor_rows(doc: Document, key: str) -> list[Row]:
    return [{"doc_key": key, "n": n, **a.to_dict()} for n, a in enumerate(doc.actors)]


def mention_rows(doc: Document, key: str) -> list[Row]:
    return [{"doc_key": key, **m.to_dict()} for m in doc.mentions]


# ------------------------------------------------------------------------------ reading back


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _read_ref(row: Mapping[str, Any], prefix: str) -> ActorRef | None:
    if row.get(f"{prefix}_name") is None:
        return None
    return ActorRef(
        code=row.get(f"{prefix}_code"),
        name=row[f"{prefix}_name"],
        start=row[f"{prefix}_start"],
        end=row[f"{prefix}_end"],
        actor=row.get(f"{prefix}_actor"),
    )


def _span(row: Mapping[str, Any], prefix: str, text_col: str) -> Span | None:
    if row.get(text_col) is None:
        return None
    return Span(row[f"{prefix}_start"], row[f"{prefix}_end"], row[text_col])


def event_from_row(row: Mapping[str, Any]) -> Event:
    source = _read_ref(row, "source")
    assert source is not None, "an event always has a source"
    place = None
    if row.get("place_id") is not None:
        place = Place(
            id=row["place_id"],
            name=row["place_name"],
            start=row["place_start"],
            end=row["place_end"],
            country=row["place_country"],
            admin1=row["place_admin1"],
            lat=row["lat"],
            lon=row["lon"],
        )
    return Event(
        source=source,
        target=_read_ref(row, "target"),
        code=row["code"],
        root=row["root"],
        label=row["label"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        plover=row["plover"],
        plover_mode=row["plover_mode"],
        modality=row["modality"],
        sentence=row["sentence"],
        trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        rule=row["rule"],
        attributed_to=_read_ref(row, "attributed"),
        date=_iso(row["date"]),
        date_precision=row["date_precision"],
        date_phrase=_span(row, "date_phrase", "date_phrase"),
        place=place,
        background=bool(row.get("background")),
    )


def quote_from_row(row: Mapping[str, Any]) -> Quote:
    return Quote(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        kind=row["kind"],
        cue=_span(row, "cue", "cue_text"),
        speaker=_read_ref(row, "speaker"),
        addressee=_read_ref(row, "addressee"),
    )


def actor_from_row(row: Mapping[str, Any]) -> Actor:
    return Actor(
        id=row["id"],
        name=row["name"],
        code=row["code"],
        country=row["country"],
        sectors=list(row["sectors"] or []),
        role=row["role"],
        kind=row["kind"],
        aliases=list(row["aliases"] or []),
    )


def mention_from_row(row: Mapping[str, Any]) -> Mention:
    return Mention(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        actor=row["actor"],
        sentence=row["sentence"],
        how=row["how"],
    )


def document_from_rows(
    doc: Mapping[str, Any],
    events: list[Event],
    quotes: list[Quote],
    actors: list[Actor],
    mentions: list[Mention],
) -> Document:
    """A ``Document`` from its stored rows (sentences are not stored: the list is empty)."""
    sentences: list[Sentence] = []
    return Document(
        id=doc["id"],
        date=_iso(doc["date"]),
        text=doc["text"],
        events=events,
        quotes=quotes,
        actors=actors,
        mentions=mentions,
        sentences=sentences,
        meta=json.loads(doc["meta"]) if doc["meta"] else {},
    )
