"""What every analysis shares: opening a store, which events count, and the dyad selection.

The analyses read the table layout of ``store/schema.sql``; an older store is migrated when
opened. Events count as facts when their modality is asserted, intended or claimed (as ``dyad
eval`` counts them): "did not attack" or "could attack" must not raise a conflict line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dyad.ingest import InputError
from dyad.resources import DataError
from dyad.store.errors import StoreError

if TYPE_CHECKING:
    import duckdb

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")
Level = Literal["full", "country"]

FACTUAL = "(e.modality IS NULL OR e.modality IN ('asserted', 'intended', 'claimed'))"
"""SQL condition on events ``e``: the event is reported as a fact."""

NEWS = "NOT coalesce(e.background, false)"
"""SQL condition on events ``e``: news of its article, not background the article recalls."""

EVENT_DAY = "coalesce(e.date, d.date)"
"""SQL expression: the event's date, else its document's date (needs ``documents d``)."""

DATED_EVENTS = """(
    SELECT e.*, e.date AS day FROM events e WHERE e.date IS NOT NULL
    UNION ALL
    SELECT e.*, d.date AS day FROM events e JOIN documents d ON d.doc_key = e.doc_key
    WHERE e.date IS NULL AND d.date IS NOT NULL
)"""
"""SQL relation: every event with its day, the document's date standing in for a missing one
(joining documents only for those keeps a scan of a million events fast)."""

_PREFIX = re.compile(r"^[A-Z0-9]{1,30}$")


def open_db(path: str | Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Connect to an existing dyad store at the current schema version; a missing, foreign,
    busy or newer file is one clear error. An older store is migrated first (briefly opened for
    writing), so the analyses only ever see today's columns."""
    from dyad.store.db import connect, file_version

    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), None, "no such database file (create it with dyad ingest)")
    try:
        con = connect(p, read_only=read_only)
    except StoreError as exc:
        if not read_only or "read-only" not in str(exc):
            raise InputError(str(path), None, _after_name(str(exc), str(p))) from None
        try:
            connect(p, read_only=False).close()  # migrate, then read as asked
            con = connect(p, read_only=True)
        except StoreError as again:
            raise InputError(str(path), None, _after_name(str(again), str(p))) from None
    try:
        file_version(con)
    except StoreError as exc:  # pragma: no cover - connect already checked it
        con.close()
        raise InputError(str(path), None, str(exc)) from None
    return con


def _after_name(message: str, name: str) -> str:
    """The store's message without its leading "FILE: " (InputError names the file itself)."""
    return message[len(name) + 2 :] if message.startswith(name + ": ") else message


def parse_day(value: str | date | None, option: str) -> date | None:
    """A YYYY-MM-DD option value as a date; a bad one is a one-line error naming the option."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"{option} {value!r}: not a date (expected YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Selection:
    """Which dyadic events an analysis looks at and how their actors are named.

    ``actors`` are code prefixes (``RUS`` matches ``RUSGOV``); an actor given is also the name
    its matching codes are merged under. One actor: every dyad it takes part in. Two or more:
    the dyads between them. ``level="country"`` names the other actors by their first three
    letters. ``undirected`` merges A->B and B->A (the pair is written in alphabetical order).
    ``background`` keeps events dated well before their article ("the 2014 annexation"), which
    a series leaves out by default: one recalled event, cited by a hundred later articles,
    would otherwise stand a hundred times in its old period.
    """

    actors: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    undirected: bool = False
    level: Level = "full"
    background: bool = False  # also count events the articles recall from long before

    def __post_init__(self) -> None:
        clean = tuple(a.strip().upper() for a in self.actors)
        for a in clean:
            if not _PREFIX.match(a):
                raise DataError(f"--actor {a!r}: not an actor code prefix (letters, e.g. RUSGOV)")
        object.__setattr__(self, "actors", clean)
        if self.level not in ("full", "country"):
            raise DataError(f"level {self.level!r}: expected full or country")
        if self.start and self.end and self.start > self.end:
            raise DataError(f"--from {self.start} is after --to {self.end}")

    def _name(self, col: str) -> str:
        """SQL naming one side of a dyad: the longest given prefix it matches, else the code."""
        default = f"substr({col}, 1, 3)" if self.level == "country" else col
        if not self.actors:
            return default
        arms = " ".join(
            f"WHEN starts_with({col}, '{a}') THEN '{a}'"
            for a in sorted(set(self.actors), key=len, reverse=True)
        )
        return f"CASE {arms} ELSE {default} END"

    def _matches(self, col: str) -> str:
        return "(" + " OR ".join(f"starts_with({col}, '{a}')" for a in self.actors) + ")"

    def where(self) -> str:
        """SQL condition on events ``e`` (no documents needed): dyadic, factual, actors."""
        cond = ["e.source_code IS NOT NULL", "e.target_code IS NOT NULL", FACTUAL]
        if not self.background:
            cond.append(NEWS)
        if len(self.actors) == 1:
            cond.append(f"({self._matches('e.source_code')} OR {self._matches('e.target_code')})")
        elif self.actors:
            cond.append(f"{self._matches('e.source_code')} AND {self._matches('e.target_code')}")
        return " AND ".join(cond)

    def events_sql(self, by: Period, extra: str = "") -> str:
        """SQL of the selected events with ``actor1, actor2, period, day, quad, goldstein``.

        ``extra`` adds select-list items over ``e`` (events)."""
        if by not in PERIODS:
            raise DataError(f"--by {by!r}: expected one of {', '.join(PERIODS)}")
        a, b = self._name("e.source_code"), self._name("e.target_code")
        if self.undirected:
            a, b = f"least({a}, {b})", f"greatest({a}, {b})"
        day_cond = []
        if self.start:
            day_cond.append(f"e.day >= DATE '{self.start.isoformat()}'")
        if self.end:
            day_cond.append(f"e.day <= DATE '{self.end.isoformat()}'")
        more = f", {extra}" if extra else ""
        inner = f"""
            SELECT {a} AS actor1, {b} AS actor2,
                   CAST(date_trunc('{by}', e.day) AS DATE) AS period,
                   e.day, e.quad_class AS quad, e.goldstein AS goldstein{more}
            FROM {DATED_EVENTS} e
            WHERE {" AND ".join([self.where(), *day_cond])}
        """
        if len(self.actors) > 1:  # between the given actors, not within one of them
            return f"SELECT * FROM ({inner}) WHERE actor1 <> actor2"
        return inner
