"""The input stage: files and stdin into ``InputDocument`` records, with precise errors.

Supported inputs are plain text (one document per file), JSONL (one JSON object per line),
CSV (one row per document, with a header) and HTML pages, given as files or folders. See
``read_documents`` (one file) and ``read_inputs`` (many paths, folders, HTML).
"""

from __future__ import annotations

from dyad.ingest.errors import InputError
from dyad.ingest.reader import read_documents, sniff_format
from dyad.ingest.sources import (
    OnSkip,
    ReadOptions,
    add_read_arguments,
    read_html,
    read_inputs,
    read_options,
)

__all__ = [
    "InputError",
    "OnSkip",
    "ReadOptions",
    "add_read_arguments",
    "read_documents",
    "read_html",
    "read_inputs",
    "read_options",
    "sniff_format",
]
