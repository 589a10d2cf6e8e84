"""Event dates: read a temporal phrase and resolve it against the document date.

A phrase is read as a whole or not at all ("on Monday", "last week", "eight years ago", "on 24
February", "in 2014"); anything the vocabulary does not cover gives nothing, and the event keeps
the document date. Resolution depends on the direction of the event: a bare "Monday" is the
latest one on or before the document date for something that happened, the next one for
something announced. A past event is never dated after its document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dyad.timeplace.vocab import Vocabulary

YEARS = (1800, 2200)  # a four-digit number in this range, in a time phrase, is a year


@dataclass(frozen=True)
class Resolved:
    """A date and the precision it is known to: for week, month or year its first day."""

    date: dt.date
    precision: str  # day | week | month | year


def period_start(day: dt.date, unit: str) -> dt.date:
    """First day of the week (Monday), month or year that holds ``day``."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units, then taken to the start of its period."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return period_start(day, "week") + dt.timedelta(weeks=n)
    if unit == "month":
        months = day.year * 12 + day.month - 1 + n
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(day.year + n, 1, 1)


def weekday(doc: dt.date, wd: int, future: bool, strict: bool = False) -> dt.date:
    """The weekday ``wd`` nearest the document date in the event's direction: on or before it
    for the past (strictly before with ``strict``: "last Monday"), strictly after for the
    future."""
    if future:
        return doc + dt.timedelta(days=(wd - doc.weekday() - 1) % 7 + 1)
    back = (doc.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return doc - dt.timedelta(days=back)


def month(doc: dt.date, mo: int, future: bool) -> dt.date:
    """The month ``mo`` of the document's year, or of the year before (past) or after
    (future) when the document's year would put it on the wrong side."""
    if future:
        return dt.date(doc.year + (mo < doc.month), mo, 1)
    return dt.date(doc.year - (mo > doc.month), mo, 1)


def day_of_month(doc: dt.date, mo: int, d: int, future: bool) -> dt.date | None:
    """A day and month without a year ("24 February"): in the document's year unless that
    puts a past event after the document (then the year before) or a future one before it
    (the year after)."""
    try:
        day = dt.date(doc.year, mo, d)
        if not future and day > doc:
            day = dt.date(doc.year - 1, mo, d)
        elif future and day < doc:
            day = dt.date(doc.year + 1, mo, d)
    except ValueError:  # 30 February, or 29 February in a common year
        return None
    return day


def _number(vocab: Vocabulary, text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return vocab.numbers.get(text.lower())


def _day_number(text: str) -> int | None:
    """A day of the month: "24", "24th", "1st"."""
    digits = text.rstrip("stndrh") if text[:1].isdigit() else text
    if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= 31:
        return int(digits)
    return None


def _year(text: str) -> int | None:
    if len(text) == 4 and text.isdigit() and YEARS[0] <= int(text) <= YEARS[1]:
        return int(text)
    return None


def read_phrase(
    vocab: Vocabulary, words: list[tuple[str, str]], doc: dt.date, future: bool
) -> Resolved | None:
    """Resolve the words of a temporal phrase (``(text, tag)`` pairs, preposition removed).

    Returns None for anything not wholly understood: a wrong date is worse than none."""
    words = [(t, tag) for t, tag in words if t not in (",", ".")]
    if not words:
        return None
    low = [t.lower() for t, _ in words]
    found = _relative(vocab, low, doc)
    if found is None:
        found = _ago(vocab, low, doc)
    if found is None and "of" in low[1:]:
        # "January of last year": a calendar phrase in a relative year
        cut = low.index("of", 1)
        year = _relative(vocab, low[cut + 1 :], doc)
        if year is not None and year.precision == "year":
            found = _calendar(vocab, [*words[:cut], (str(year.date.year), "CD")], doc, future)
    if found is None:
        found = _calendar(vocab, words, doc, future)
    return found


def _relative(vocab: Vocabulary, low: list[str], doc: dt.date) -> Resolved | None:
    rel = vocab.relative.get(" ".join(low))
    if rel is None:
        return None
    unit, offset, _ = rel
    return Resolved(shift(doc, unit, offset), unit)


def _ago(vocab: Vocabulary, low: list[str], doc: dt.date) -> Resolved | None:
    """A count of units back from the document date: "eight years ago", "a month ago"."""
    if len(low) != 3 or not vocab.has("ago", low[2]):
        return None
    n, unit = _number(vocab, low[0]), vocab.unit(low[1])
    if n is None or unit is None:
        return None
    return Resolved(shift(doc, unit, -n), unit)


def _calendar(
    vocab: Vocabulary, words: list[tuple[str, str]], doc: dt.date, future: bool
) -> Resolved | None:
    """Weekdays, months, days of the month and years, with "last"/"next"/"this"."""
    wd = mo = day = year = None
    direction = None  # "before" | "after" | "this"
    for n, (text, tag) in enumerate(words):
        low = text.lower()
        if low in vocab.weekdays and wd is None:
            wd = vocab.weekdays[low]
        elif low in vocab.months and mo is None and (tag == "NNP" or low.endswith(".")):
            mo = vocab.months[low]
        elif (y := _year(text)) is not None and year is None:
            year = y
        elif (d := _day_number(text)) is not None and day is None:
            day = d
        elif vocab.has("filler", low):
            continue  # "the 24th of February"
        elif n == 0 and (k := _direction(vocab, low)):
            direction = k
        elif vocab.has("daypart", low) and wd is not None:
            continue
        else:
            return None
    if mo is not None and day is not None:
        if year is not None:
            try:
                return Resolved(dt.date(year, mo, day), "day")
            except ValueError:
                return None
        found = day_of_month(doc, mo, day, future)
        return Resolved(found, "day") if found else None
    if day is not None:
        return None  # a bare number is not a date
    if wd is not None:
        if year is not None or mo is not None:
            return None
        if direction == "before":
            return Resolved(weekday(doc, wd, future=False, strict=True), "day")
        if direction == "after":
            return Resolved(weekday(doc, wd, future=True), "day")
        return Resolved(weekday(doc, wd, future), "day")
    if direction is not None:
        return None  # "last March": rare, and which March is unclear
    if mo is not None:
        if year is not None:
            return Resolved(dt.date(year, mo, 1), "month")
        return Resolved(month(doc, mo, future), "month")
    if year is not None:
        return Resolved(dt.date(year, 1, 1), "year")
    return None


def _direction(vocab: Vocabulary, low: str) -> str | None:
    for kind in ("before", "after", "this"):
        if vocab.has(kind, low):
            return kind
    return None
