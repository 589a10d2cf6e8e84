"""Opening a store file: create it from ``schema.sql``, migrate an older one, refuse a newer one.

The schema version lives in ``meta`` (key ``schema_version``). ``MIGRATIONS`` holds one SQL step
per version after the first; opening a file runs the steps it lacks, in one transaction, so a
file is either at its old version or fully migrated, never half-way.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb

from dyad.store.errors import StoreError
from dyad.store.migrations import MIGRATIONS

SCHEMA_VERSION = 1 + len(MIGRATIONS)
_VERSION_KEY = "schema_version"


def schema_sql() -> str:
    """The whole current schema, the one source of the store's DDL."""
    return resources.files("dyad.store").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to ``path`` at the current schema version.

    A new file (not read-only) is created with the current schema; an older one is migrated.
    Raises ``StoreError`` for a file another process holds, a file that is not a dyad store,
    or one written by a newer dyad.
    """
    name = str(path)
    if read_only and not Path(name).exists():
        raise StoreError(f"{name}: no such store (create it with dyad ingest)")
    try:
        conn = duckdb.connect(name, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(f"{name} is in use by another dyad process") from None
        raise StoreError(f"{name}: cannot open ({_first_line(exc)})") from None
    except duckdb.Error as exc:
        raise StoreError(f"{name}: cannot open ({_first_line(exc)})") from None
    try:
        _prepare(conn, name, read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _tables(conn: duckdb.DuckDBPyConnection) -> set[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


def file_version(conn: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version recorded in the file; None for an empty file."""
    tables = _tables(conn)
    if not tables:
        return None
    if "meta" not in tables:
        raise StoreError("not a dyad store (no meta table)")
    rows = conn.execute("SELECT value FROM meta WHERE key = ?", [_VERSION_KEY]).fetchall()
    if not rows or not str(rows[0][0]).isdigit():
        raise StoreError("not a dyad store (no schema version in meta)")
    return int(rows[0][0])


def _prepare(conn: duckdb.DuckDBPyConnection, name: str, read_only: bool) -> None:
    try:
        version = file_version(conn)
    except StoreError as exc:
        raise StoreError(f"{name}: {exc}") from None
    if version == SCHEMA_VERSION:
        return
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"{name}: schema version {version} is newer than this dyad knows "
            f"({SCHEMA_VERSION}); upgrade dyad"
        )
    if read_only:
        what = "empty" if version is None else f"at schema version {version}"
        raise StoreError(
            f"{name}: {what}, cannot update it read-only (open it for writing, e.g. dyad ingest)"
        )
    conn.execute("BEGIN TRANSACTION")
    try:
        if version is None:
            conn.execute(schema_sql())
        else:
            for step in MIGRATIONS[version - 1 :]:
                conn.execute(step)
            conn.execute(schema_sql())  # tables added since: CREATE ... IF NOT EXISTS
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)", [_VERSION_KEY, str(SCHEMA_VERSION)]
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
