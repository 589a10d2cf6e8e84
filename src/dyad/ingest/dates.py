"""Date normalisation: every document date is 'YYYY-MM-DD' or absent."""

from __future__ import annotations

import datetime as _dt
import re

# ISO 8601 date, optionally followed by a time and zone. Parsed by hand rather than with
# datetime.fromisoformat, whose accepted forms differ between Python 3.10 and 3.11.
_ISO = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)


def normalize_date(value: str) -> str | None:
    """The 'YYYY-MM-DD' date of an ISO date or datetime, or None if it is not one.

    The date part is kept as written: a time zone is not applied, because the date the
    source printed is the one an analyst will look for.
    """
    m = _ISO.fullmatch(value.strip())
    if m is None:
        return None
    try:
        day = _dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None
    if m.group(2) is not None:
        hour, minute = int(m.group(2)), int(m.group(3))
        second = int(m.group(4)) if m.group(4) is not None else 0
        if hour > 23 or minute > 59 or second > 60:
            return None
    return day.isoformat()
