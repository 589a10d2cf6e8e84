"""Event filters shared by ``Store.events`` and ``dyad export``: one meaning for each flag.

Each filter takes one value or several (any of them matches); filters combine with AND. The SQL
refers to the events table as ``e``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.ingest.dates import normalize_date
from dyad.store.errors import StoreError

Values = str | int | Iterable[str | int] | None


def _many(value: Values) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, int)):
        return [str(value)]
    return [str(v) for v in value]


def _date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    norm = normalize_date(str(value))
    if norm is None:
        raise StoreError(f"{name} {value!r}: not a date (expected YYYY-MM-DD)")
    return norm


@dataclass
class EventFilter:
    """Which events to read.

    ``date_from``/``date_to``: event date, both ends included. ``actor``: source or target code
    starts with it (``RUS``, ``RUSGOV``). ``country``: source or target actor of that country
    (its code starts with the ISO3 code) or the event's place is in it. ``root``: CAMEO root
    (``4`` and ``04`` are the same). ``code``: the event code starts with it (``13`` gives 13x).
    ``quad``: quad class 1-4.
    """

    date_from: str | None = None
    date_to: str | None = None
    actor: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    root: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    quad: list[int] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: Values = None,
        country: Values = None,
        root: Values = None,
        code: Values = None,
        quad: Values = None,
    ) -> EventFilter:
        """A filter from loose values (one or many, strings or numbers), checked."""
        roots = []
        for r in _many(root):
            if not r.isdigit() or not 1 <= int(r) <= 20:
                raise StoreError(f"--root {r!r}: not a CAMEO root (01-20)")
            roots.append(f"{int(r):02d}")
        for c in _many(code):
            if not c.isdigit():
                raise StoreError(f"--code {c!r}: not a CAMEO event code (digits)")
        quads = []
        for q in _many(quad):
            if q not in ("1", "2", "3", "4"):
                raise StoreError(f"--quad {q!r}: not a quad class (1-4)")
            quads.append(int(q))
        return cls(
            date_from=_date("--from", date_from),
            date_to=_date("--to", date_to),
            actor=[a.upper() for a in _many(actor)],
            country=[c.upper() for c in _many(country)],
            root=roots,
            code=_many(code),
            quad=quads,
        )

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (``TRUE`` when nothing is asked) and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.date_from:
            parts.append("e.date >= CAST(? AS DATE)")
            params.append(self.date_from)
        if self.date_to:
            parts.append("e.date <= CAST(? AS DATE)")
            params.append(self.date_to)
        if self.actor:
            ors = []
            for a in self.actor:
                ors.append("starts_with(e.source_code, ?) OR starts_with(e.target_code, ?)")
                params += [a, a]
            parts.append(" OR ".join(f"({o})" for o in ors))
        if self.country:
            ors = []
            for c in self.country:
                ors.append(
                    "starts_with(e.source_code, ?) OR starts_with(e.target_code, ?)"
                    " OR e.place_country = ?"
                )
                params += [c, c, c]
            parts.append(" OR ".join(f"({o})" for o in ors))
        if self.root:
            parts.append(f"e.root IN ({', '.join('?' * len(self.root))})")
            params += self.root
        if self.code:
            parts.append(" OR ".join("starts_with(e.code, ?)" for _ in self.code))
            params += self.code
        if self.quad:
            parts.append(f"e.quad_class IN ({', '.join('?' * len(self.quad))})")
            params += self.quad
        if not parts:
            return "TRUE", []
        return " AND ".join(f"({p})" for p in parts), params
