"""The event store: coded documents in a DuckDB file, with Python access and exports.

>>> import dyad
>>> with dyad.open("dyad.duckdb") as store:
...     frame = store.events(actor="RUS", root="19")

``open_store``/``Store`` open a file (creating or migrating it); ``dyad ingest`` fills it
(``store.ingest``) and ``dyad export`` writes its events out (``store.export``). The tables are
defined in ``schema.sql``.
"""

from __future__ import annotations

from dyad.store.db import SCHEMA_VERSION
from dyad.store.errors import StoreError
from dyad.store.filters import EventFilter
from dyad.store.rows import doc_key
from dyad.store.store import TABLES, Store, open_store

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "EventFilter",
    "Store",
    "StoreError",
    "doc_key",
    "open_store",
]
