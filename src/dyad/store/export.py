"""``dyad export``: the events table, filtered, as JSONL, CSV or Parquet (GDELT: analytics).

Rows stream from DuckDB as Arrow batches, so an export of any size runs in bounded memory.
Each row is one event with the id, url, date and outlet of its document. A file given with
``-o`` is written under a temporary name and renamed at the end: a failed export never leaves
a truncated file where a good one is expected.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from dyad.store.errors import StoreError
from dyad.store.filters import EventFilter, Values
from dyad.store.store import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _write_jsonl(store: Store, out: IO[bytes], query: str, params: list[Any]) -> int:
    n = 0
    for batch in store.arrow(query, params):
        lines = []
        for row in batch.to_pylist():
            lines.append(
                json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False)
            )
        if lines:
            out.write(("\n".join(lines) + "\n").encode("utf-8"))
        n += len(lines)
    return n


def _write_csv(store: Store, out: IO[bytes], query: str, params: list[Any]) -> int:
    import pyarrow.csv as pacsv

    return _write_arrow(store, out, query, params, pacsv.CSVWriter)


def _write_parquet(store: Store, out: IO[bytes], query: str, params: list[Any]) -> int:
    import pyarrow.parquet as pq

    return _write_arrow(store, out, query, params, pq.ParquetWriter)


def _write_arrow(
    store: Store, out: IO[bytes], query: str, params: list[Any], writer_class: Any
) -> int:
    """Stream the query's record batches through a pyarrow writer (CSV, Parquet)."""
    reader = store.arrow(query, params)
    n = 0
    with writer_class(out, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def _write_gdelt(store: Store, out: IO[bytes], where: str, params: list[Any]) -> int:
    """GDELT 2.0 events, written by ``dyad.analytics.gdelt.write_gdelt``.

    Contract: ``write_gdelt(conn, text_out, where, params) -> int`` writes the events that the
    SQL condition ``where`` (events aliased ``e``, ``?`` placeholders) selects, as GDELT rows.
    """
    try:
        from dyad.analytics.gdelt import write_gdelt
    except ImportError:
        raise StoreError("gdelt export not available in this dyad") from None
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        return int(write_gdelt(store.conn, text, where, params))
    finally:
        text.flush()
        text.detach()  # the caller owns ``out``


def export(store: Store, fmt: str, output: str | Path | None = None, **filters: Values) -> int:
    """Write the events ``store.events(**filters)`` selects to ``output`` (stdout if None) in
    ``fmt``; the number of events written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    if fmt == "parquet" and output is None:
        raise StoreError("parquet export needs a file: -o OUT.parquet")
    query, params = store.event_query(**filters)
    where, where_params = EventFilter.of(**filters).where()  # type: ignore[arg-type]
    if output is None:
        out = sys.stdout.buffer
        n = _dispatch(store, fmt, out, (query, params), (where, where_params))
        out.flush()
        return n
    target = Path(output)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with tmp.open("wb") as fh:
            n = _dispatch(store, fmt, fh, (query, params), (where, where_params))
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"{output}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _dispatch(
    store: Store,
    fmt: str,
    out: IO[bytes],
    select: tuple[str, list[Any]],
    where: tuple[str, list[Any]],
) -> int:
    if fmt == "jsonl":
        return _write_jsonl(store, out, *select)
    if fmt == "csv":
        return _write_csv(store, out, *select)
    if fmt == "parquet":
        return _write_parquet(store, out, *select)
    return _write_gdelt(store, out, *where)
