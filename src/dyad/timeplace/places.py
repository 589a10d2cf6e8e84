"""The places table as the time/place stage needs it: a surface form to one place, or to none.

Read from ``data/places`` (the same files the actor stage reads, loaded here on their own so the
stages stay apart). A form that could be two places in different countries, or that is also a
country's name ("Georgia"), maps to nothing: no place is better than a wrong one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dyad.resources import DataError, data_path, read_tsv, split_list

KIND_RANK = {"city": 0, "state": 1, "region": 2}  # a same-country tie goes to the city


@dataclass(frozen=True)
class PlaceRow:
    """One row of ``places.tsv``."""

    id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive key: "Gdańsk" = "gdansk", "St. Louis" = "st louis"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace(".", " ").split())


def _float(row: dict[str, str], col: str) -> float | None:
    try:
        return float(row[col]) if row.get(col) else None
    except ValueError:
        raise DataError(f"places.tsv: {row['id']}: bad {col} {row[col]!r}") from None


@dataclass(frozen=True)
class Gazetteer:
    """Folded surface form -> the one place it names."""

    forms: dict[str, PlaceRow]
    longest: int  # longest form, in words

    def get(self, text: str) -> PlaceRow | None:
        return self.forms.get(fold(text))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the form table once: exact names before aliases, one country per form."""
    rows = read_tsv(data_path("places", "places.tsv"), ("id", "name", "kind", "country"))
    candidates: dict[str, list[tuple[int, PlaceRow]]] = {}
    for row in rows:
        if row["kind"] not in KIND_RANK:
            raise DataError(f"places.tsv: {row['id']}: unknown kind {row['kind']!r}")
        place = PlaceRow(
            row["id"],
            row["name"],
            row["kind"],
            row["country"],
            row.get("admin1") or None,
            _float(row, "lat"),
            _float(row, "lon"),
            int(row["population"]) if row.get("population", "").isdigit() else 0,
        )
        for n, form in enumerate(dict.fromkeys([row["name"], *split_list(row.get("aliases"))])):
            candidates.setdefault(fold(form), []).append((0 if n == 0 else 1, place))
    countries = set()
    for row in read_tsv(data_path("actors", "countries.tsv"), ("id", "name")):
        countries.update(fold(n) for n in [row["name"], *split_list(row.get("names"))])
    forms: dict[str, PlaceRow] = {}
    for key, found in candidates.items():
        if key in countries or len({p.country for _, p in found}) > 1:
            continue  # "Georgia", "Punjab": which one is meant the table cannot tell
        found.sort(key=lambda c: (c[0], KIND_RANK[c[1].kind], -c[1].population, c[1].id))
        forms[key] = found[0][1]
    return Gazetteer(forms, max(len(k.split()) for k in forms))
