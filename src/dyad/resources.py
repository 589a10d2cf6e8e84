"""Loading of the package's data files, with validation at start-up.

Vocabulary lives in TSV and YAML files under ``dyad/data``; every row carries an ``id``. A broken
file must stop dyad before it codes anything, with the file and row named, so these helpers check
shape and uniqueness and raise :class:`DataError` otherwise.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

ACTOR_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DataError(ValueError):
    """A data file breaks its format; the message names the file and the row."""


def data_path(*parts: str) -> Path:
    """Path of a file shipped under ``dyad/data``."""
    return Path(str(resources.files("dyad").joinpath("data", *parts)))


def read_tsv(path: Path, required: Iterable[str] = ("id",)) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts; checks required columns and unique, non-empty ids."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise DataError(f"{path.name}: no rows")
    missing = [c for c in required if c not in rows[0]]
    if missing:
        raise DataError(f"{path.name}: missing column(s) {', '.join(missing)}")
    if "id" in required:
        _check_ids(path.name, [r.get("id") or "" for r in rows])
    return [{k: (v or "").strip() for k, v in r.items() if k is not None} for r in rows]


def read_yaml_list(path: Path, required: Iterable[str] = ("id",)) -> list[dict[str, Any]]:
    """Entries of a YAML file holding a list of mappings; checks required keys and unique ids."""
    with path.open(encoding="utf-8") as fh:
        entries = yaml.safe_load(fh) or []
    if not isinstance(entries, list):
        raise DataError(f"{path.name}: expected a list of entries")
    need = list(required)
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise DataError(f"{path.name}: entry {n} is not a mapping")
        absent = [k for k in need if entry.get(k) in (None, "")]
        if absent:
            raise DataError(f"{path.name}: entry {n} ({entry.get('id', '?')}) lacks {absent}")
    if "id" in need:
        _check_ids(path.name, [str(e["id"]) for e in entries])
    return entries


def split_list(cell: str | None) -> list[str]:
    """A ``|``-separated cell as a list of stripped, non-empty values."""
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def check_code(file: str, row_id: str, code: str) -> str:
    """An actor code, or a DataError naming the row."""
    if not ACTOR_CODE.match(code):
        raise DataError(f"{file}: {row_id}: bad actor code {code!r}")
    return code


def check_date(file: str, row_id: str, value: str) -> str | None:
    """An ISO date or None, or a DataError naming the row."""
    if not value:
        return None
    if not DATE.match(value):
        raise DataError(f"{file}: {row_id}: bad date {value!r}")
    return value


def _check_ids(file: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for n, row_id in enumerate(ids, 1):
        if not row_id:
            raise DataError(f"{file}: row {n} has no id")
        if row_id in seen:
            raise DataError(f"{file}: duplicate id {row_id!r}")
        seen.add(row_id)
