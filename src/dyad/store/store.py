"""The ``Store``: a DuckDB file of coded documents, written in transactions, read as frames.

``Store.write`` puts whole documents in one transaction (a batch either lands complete or not at
all), which is what makes an interrupted ingest safe to run again. Reading gives pandas frames;
``Store.conn`` is the DuckDB connection for anything else (the analytics use it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from dyad.model import Document, InputDocument
from dyad.store import rows as R
from dyad.store.db import connect
from dyad.store.filters import EventFilter, Values

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

TABLES = ("documents", "events", "quotes", "actors", "mentions")

# What an exported or read event carries besides the events table: where it was reported.
EVENT_SELECT = "d.id AS doc_id, d.url AS doc_url, d.date AS doc_date, d.source AS doc_source, e.*"
_ORDER = {"events": ["n"], "quotes": ["n"], "actors": ["n"], "mentions": ["start", '"end"']}


class Store:
    """A dyad event store. Open with ``dyad.open(path)`` (or ``open_store``); use as a context
    manager or call ``close``."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.conn: duckdb.DuckDBPyConnection = connect(path, read_only=read_only)
        self._columns: dict[str, list[str]] = {}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------------- writing

    def columns(self, table: str) -> list[str]:
        """The columns of a table, in the file's order."""
        if table not in self._columns:
            rows = self.conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._columns[table] = [r[0] for r in rows]
        return self._columns[table]

    def existing(self, keys: Iterable[str]) -> set[str]:
        """Which of these document keys are stored already."""
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return set()
        found = self.conn.execute(
            "SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {r[0] for r in found}

    def write(
        self,
        docs: Sequence[Document] | Document,
        sources: Sequence[InputDocument | None] | None = None,
    ) -> list[str]:
        """Store coded documents with all their records, in one transaction; their keys.

        ``sources`` (same order) gives each document's origin (``file:line``). Documents already
        stored, or repeated in ``docs``, are left out.
        """
        if isinstance(docs, Document):
            docs = [docs]
        srcs = list(sources) if sources is not None else [None] * len(docs)
        if len(srcs) != len(docs):
            raise ValueError("sources must match docs one to one")
        keys = [R.doc_key(d.text) for d in docs]
        skip = self.existing(keys)
        tables: dict[str, list[R.Row]] = {t: [] for t in TABLES}
        written = []
        for doc, src, key in zip(docs, srcs, keys, strict=True):
            if key in skip:
                continue
            skip.add(key)
            written.append(key)
            tables["documents"].append(R.document_row(doc, src, key))
            tables["events"] += R.event_rows(doc, key)
            tables["quotes"] += R.quote_rows(doc, key)
            tables["actors"] += R.actor_rows(doc, key)
            tables["mentions"] += R.mention_rows(doc, key)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables.items():
                self._insert(table, rows)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return written

    def _insert(self, table: str, rows: list[R.Row]) -> None:
        if not rows:
            return
        import pyarrow as pa

        cols = [c for c in self.columns(table) if c in rows[0]]
        data: pa.Table = pa.Table.from_pydict({c: [r[c] for r in rows] for c in cols})
        quoted = ", ".join(f'"{c}"' for c in cols)
        self.conn.register("_dyad_rows", data)
        try:
            self.conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _dyad_rows")
        finally:
            self.conn.unregister("_dyad_rows")

    # ----------------------------------------------------------------------------- reading

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Any query, as a pandas frame."""
        return self.conn.execute(query, params or []).df()

    def count(self, table: str) -> int:
        if table not in TABLES and table != "event_groups":
            raise ValueError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def event_query(self, **filters: Values) -> tuple[str, list[Any]]:
        """The SQL (and parameters) of ``events(**filters)``, for exports that stream."""
        where, params = EventFilter.of(**filters).where()  # type: ignore[arg-type]
        query = (
            f"SELECT {EVENT_SELECT} FROM events e JOIN documents d USING (doc_key) "
            f"WHERE {where} ORDER BY e.date, d.id, e.doc_key, e.n"
        )
        return query, params

    def events(self, **filters: Values) -> pd.DataFrame:
        """Events with the id, url, date and outlet of their document.

        Filters (each one value or a list): ``date_from``, ``date_to``, ``actor``, ``country``,
        ``root``, ``code``, ``quad``; see ``EventFilter``.
        """
        query, params = self.event_query(**filters)
        return self.sql(query, params)

    def documents(self, text: bool = True) -> pd.DataFrame:
        """One row per document; ``text=False`` leaves the article text out."""
        cols = "*" if text else "* EXCLUDE (text)"
        return self.sql(f"SELECT {cols} FROM documents ORDER BY date, id")

    def _table(self, table: str) -> pd.DataFrame:
        return self.sql(
            f"SELECT d.id AS doc_id, t.* FROM {table} t JOIN documents d USING (doc_key) "
            f"ORDER BY d.date, d.id, t.doc_key, {', '.join('t.' + c for c in _ORDER[table])}"
        )

    def quotes(self) -> pd.DataFrame:
        """Quotations with their document id."""
        return self._table("quotes")

    def actors(self) -> pd.DataFrame:
        """Actors seen, one row per actor per document."""
        return self._table("actors")

    def mentions(self) -> pd.DataFrame:
        """Every place an actor is named, one row per mention."""
        return self._table("mentions")

    def document(self, id_or_key: str) -> Document:
        """One stored document read back as a ``Document`` (by input id or by doc_key)."""
        cur = self.conn.execute(
            "SELECT * FROM documents WHERE doc_key = ? OR id = ? ORDER BY ingested_at LIMIT 1",
            [id_or_key, id_or_key],
        )
        doc = _dicts(cur)
        if not doc:
            raise KeyError(id_or_key)
        key = doc[0]["doc_key"]

        def rows(table: str) -> list[dict[str, Any]]:
            return _dicts(
                self.conn.execute(
                    f"SELECT * FROM {table} WHERE doc_key = ? ORDER BY {', '.join(_ORDER[table])}",
                    [key],
                )
            )

        return R.document_from_rows(
            doc[0],
            [R.event_from_row(r) for r in rows("events")],
            [R.quote_from_row(r) for r in rows("quotes")],
            [R.actor_from_row(r) for r in rows("actors")],
            [R.mention_from_row(r) for r in rows("mentions")],
        )

    def arrow(self, query: str, params: Sequence[Any] | None = None) -> pa.RecordBatchReader:
        """A query's result as a stream of Arrow batches (bounded memory for exports)."""
        return self.conn.sql(query, params=params or None).to_arrow_reader(10_000)


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def open_store(path: str | Path = "dyad.duckdb", *, read_only: bool = False) -> Store:
    """Open (or create) a store file; see ``Store``. Raises ``StoreError`` when it cannot."""
    return Store(path, read_only=read_only)
