"""Typed records shared by every stage of the pipeline.

Each stage takes and returns these records and nothing else, so a stage can be replaced without
touching the others. ``to_dict`` gives the ``dyad/1`` JSON shape documented in
``schema/dyad-1.schema.json``; offsets are character offsets into the input text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "dyad/1"

Modality = Literal["asserted", "negated", "intended", "conditional", "hypothetical", "claimed"]
MODALITIES: tuple[str, ...] = (
    "asserted",
    "negated",
    "intended",
    "conditional",
    "hypothetical",
    "claimed",
)
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True)
class InputDocument:
    """A document as read from the input, before any language processing."""

    id: str
    text: str
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # "file:line" where it came from, for error messages


@dataclass(frozen=True)
class Span:
    """A stretch of the input text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Sentence:
    """A sentence's character span and index in its document."""

    index: int
    start: int
    end: int


@dataclass
class Actor:
    """A canonical actor seen in a document: a country, organisation, group or person."""

    id: str
    name: str
    code: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    role: str | None = None
    kind: str = "country"
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """One place in the text that names or points to an actor."""

    start: int
    end: int
    text: str
    actor: str  # Actor.id
    sentence: int
    how: str = "name"  # name | title | role | pronoun | user | demonym | capital | seat | surname

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorRef:
    """An event argument or a speaker: the actor's code, the surface text and where it stands.

    ``code`` is None only for a quotation's speaker whom no table or title lets dyad code."""

    code: str | None
    name: str
    start: int
    end: int
    actor: str | None = None  # Actor.id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


DatePrecision = Literal["day", "week", "month", "year", "document"]


@dataclass(frozen=True)
class Place:
    """Where an event happened, as the text names it, with what package data knows of it.

    ``id`` is the row id in ``data/places/places.tsv``; offsets point to the place name."""

    id: str
    name: str
    start: int
    end: int
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None  # first-level division, as named in the places table
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


CODING_FIELDS = (
    "code",
    "root",
    "label",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "modality",
)


@dataclass
class Event:
    """One coded event with the evidence an analyst needs to check it."""

    source: ActorRef
    target: ActorRef | None
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str
    modality: Modality
    sentence: int
    trigger: Span
    rule: str
    attributed_to: ActorRef | None = None
    date: str | None = None  # YYYY-MM-DD; for a coarser precision, the period's first day
    date_precision: DatePrecision = "document"  # "document": the article's date, nothing better
    date_phrase: Span | None = None  # the words the date came from ("on Monday", "in 2014")
    place: Place | None = None
    # dated well before its document ("the 2014 annexation"): context the article recalls, not
    # news of the day; series and alerts leave it out
    background: bool = False

    def coding(self) -> dict[str, Any]:
        """What the lexicon and policy decided, as flat values: the part of the event every
        flat output (CSV, store rows) carries unchanged."""
        return {f: getattr(self, f) for f in CODING_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date_phrase"] = self.date_phrase.to_dict() if self.date_phrase else None
        out["place"] = self.place.to_dict() if self.place else None
        out["source"] = self.source.to_dict()
        out["target"] = self.target.to_dict() if self.target else None
        out["attributed_to"] = self.attributed_to.to_dict() if self.attributed_to else None
        out["trigger"] = self.trigger.to_dict()
        return out


@dataclass
class Quote:
    """Direct or reported speech with its speaker."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: Span | None = None
    speaker: ActorRef | None = None
    addressee: ActorRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
        }


@dataclass
class Document:
    """A coded document: the unit of dyad's output."""

    id: str
    date: str
    text: str
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "date": self.date,
            "meta": self.meta,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
            "mentions": [m.to_dict() for m in self.mentions],
        }
