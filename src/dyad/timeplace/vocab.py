"""The time/place vocabulary: calendar words, relative expressions, number words and cue words,
read from ``data/timeplace`` and checked at start-up so a broken row stops dyad with its id."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.resources import DataError, data_path, read_tsv, split_list

UNITS = ("day", "week", "month", "year")
# Every kind of words.tsv the stage reads; a row of another kind is a typo.
WORD_KINDS = (
    "time_prep",
    "ago",
    "before",
    "after",
    "this",
    "daypart",
    "filler",
    "unit_day",
    "unit_week",
    "unit_month",
    "unit_year",
    "future_aux",
    "place_prep",
    "place_noun",
    "place_outer_prep",
    "clause_climb",
    "noun_climb",
    "time_dep",
    "arg_dep",
    "noun_time_dep",
)


@dataclass(frozen=True)
class Vocabulary:
    """Lowercased surface forms mapped to what they mean."""

    weekdays: dict[str, int]  # "monday" -> 0
    months: dict[str, int]  # "february" -> 2
    relative: dict[str, tuple[str, int, str]]  # "last week" -> ("week", -1, "rel-last-week")
    numbers: dict[str, int]  # "eight" -> 8
    words: dict[str, frozenset[str]]  # kind -> words

    def has(self, kind: str, word: str) -> bool:
        """Is ``word`` (lowercased) one of the words of ``kind``?"""
        return word in self.words.get(kind, frozenset())

    def unit(self, word: str) -> str | None:
        """The calendar unit a word names ("years" -> "year"), if any."""
        for unit in UNITS:
            if self.has("unit_" + unit, word):
                return unit
        return None


def _int(file: str, row_id: str, value: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise DataError(f"{file}: {row_id}: {value!r} is not a whole number") from None
    if not low <= n <= high:
        raise DataError(f"{file}: {row_id}: {n} is outside {low}..{high}")
    return n


def _put(file: str, table: dict, key: str, value: object, row_id: str) -> None:
    if not key:
        raise DataError(f"{file}: {row_id}: empty word")
    if key in table and table[key] != value:
        raise DataError(f"{file}: {row_id}: {key!r} already means something else")
    table[key] = value


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Read and validate the four files of ``data/timeplace`` (once per process)."""
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    for row in read_tsv(data_path("timeplace", "calendar.tsv"), ("id", "kind", "value", "words")):
        kind, rid = row["kind"], row["id"]
        if kind == "weekday":
            value = _int("calendar.tsv", rid, row["value"], 0, 6)
            table = weekdays
        elif kind == "month":
            value = _int("calendar.tsv", rid, row["value"], 1, 12)
            table = months
        else:
            raise DataError(f"calendar.tsv: {rid}: unknown kind {kind!r}")
        for word in split_list(row["words"]):
            _put("calendar.tsv", table, word.lower(), value, rid)
    if sorted(set(weekdays.values())) != list(range(7)):
        raise DataError("calendar.tsv: every weekday 0..6 needs a row")
    if sorted(set(months.values())) != list(range(1, 13)):
        raise DataError("calendar.tsv: every month 1..12 needs a row")

    relative: dict[str, tuple[str, int, str]] = {}
    rows = read_tsv(data_path("timeplace", "relative.tsv"), ("id", "words", "unit", "offset"))
    for row in rows:
        rid = row["id"]
        if row["unit"] not in UNITS:
            raise DataError(f"relative.tsv: {rid}: unit {row['unit']!r} is not one of {UNITS}")
        offset = _int("relative.tsv", rid, row["offset"], -100, 100)
        for phrase in split_list(row["words"]):
            key = " ".join(phrase.lower().split())
            _put("relative.tsv", relative, key, (row["unit"], offset, rid), rid)

    numbers: dict[str, int] = {}
    for row in read_tsv(data_path("timeplace", "numbers.tsv"), ("id", "word", "value")):
        value = _int("numbers.tsv", row["id"], row["value"], 1, 1000)
        _put("numbers.tsv", numbers, row["word"].lower(), value, row["id"])

    words: dict[str, set[str]] = {}
    for row in read_tsv(data_path("timeplace", "words.tsv"), ("id", "kind", "words")):
        if row["kind"] not in WORD_KINDS:
            raise DataError(f"words.tsv: {row['id']}: unknown kind {row['kind']!r}")
        values = split_list(row["words"])
        if not values:
            raise DataError(f"words.tsv: {row['id']}: no words")
        words.setdefault(row["kind"], set()).update(w.lower() for w in values)
    absent = [k for k in WORD_KINDS if k not in words]
    if absent:
        raise DataError(f"words.tsv: no row of kind(s) {', '.join(absent)}")
    return Vocabulary(
        weekdays, months, relative, numbers, {k: frozenset(v) for k, v in words.items()}
    )
