"""The input stage: files and stdin into ``InputDocument`` records, with precise errors.

Supported inputs are plain text (one document per file), JSONL (one JSON object per line)
and CSV (one row per document, with a header). See ``read_documents``.
"""

from __future__ import annotations

from dyad.ingest.errors import InputError
from dyad.ingest.reader import read_documents, sniff_format

__all__ = ["InputError", "read_documents", "sniff_format"]
