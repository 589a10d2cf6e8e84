"""What ``dyad code`` and ``dyad ingest`` read: files, folders (recursively) and HTML pages.

Text, JSONL and CSV go through ``read_documents`` (one format, one set of errors); HTML pages
are reduced to their main text with trafilatura, offline, keeping the title, date, url and site
name. Every problem is an ``InputError`` naming the file.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.ingest.dates import normalize_date
from dyad.ingest.errors import InputError
from dyad.ingest.reader import read_documents
from dyad.model import InputDocument

FOLDER_EXTENSIONS = (".txt", ".md", ".jsonl", ".csv", ".html", ".htm")
HTML_EXTENSIONS = (".html", ".htm")
MAX_HTML_BYTES = 20_000_000  # a news page is well under this; more is not one article

OnSkip = Callable[[InputError], None]


@dataclass
class ReadOptions:
    """How to read inputs; the same flags as ``dyad code``."""

    fmt: str | None = None  # text | jsonl | csv | html; None: from the extension
    text_col: str = "text"
    id_col: str = "id"
    date_col: str | None = "date"
    default_date: str | None = None


def add_read_arguments(parser: argparse.ArgumentParser) -> None:
    """The input options that ``dyad code`` and ``dyad ingest`` share."""
    parser.add_argument("--date", help="document date YYYY-MM-DD for inputs without one")
    parser.add_argument(
        "--input-format", choices=("text", "jsonl", "csv", "html"), help="override sniffing"
    )
    parser.add_argument("--text-col", default="text", help="CSV/JSONL field with the text")
    parser.add_argument("--id-col", default="id", help="CSV/JSONL field with the document id")
    parser.add_argument("--date-col", default="date", help="CSV/JSONL field with the date")
    parser.add_argument(
        "--skip-bad", action="store_true", help="skip bad records and files (reported) and go on"
    )


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The ``ReadOptions`` of parsed ``add_read_arguments`` flags."""
    return ReadOptions(
        fmt=args.input_format,
        text_col=args.text_col,
        id_col=args.id_col,
        date_col=args.date_col,
        default_date=args.date,
    )


def expand(path: str) -> list[str]:
    """The files to read for one path: the path itself, or every input file under a folder."""
    if not os.path.isdir(path):
        return [path]
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(FOLDER_EXTENSIONS):
                found.append(os.path.join(root, name))
    if not found:
        raise InputError(path, None, f"no input files ({' '.join(FOLDER_EXTENSIONS)}) in folder")
    return found


def is_html(path: str, fmt: str | None) -> bool:
    return fmt == "html" or (fmt is None and path.lower().endswith(HTML_EXTENSIONS))


def read_inputs(
    paths: list[str],
    opts: ReadOptions,
    *,
    skip_bad: bool = False,
    on_skip: OnSkip | None = None,
) -> Iterator[InputDocument]:
    """Every document of every input, in order.

    Without ``skip_bad`` the first bad record or file raises ``InputError`` (after the good
    documents before it were yielded); with it, bad records and whole bad files are reported
    to ``on_skip`` and left out.
    """
    for given in paths:
        try:
            files = expand(given)
        except InputError as err:
            if not skip_bad:
                raise
            if on_skip is not None:
                on_skip(err)
            continue
        for path in files:
            try:
                yield from _read_file(path, opts, skip_bad, on_skip)
            except InputError as err:
                if not skip_bad:
                    raise
                if on_skip is not None:
                    on_skip(err)


def _read_file(
    path: str, opts: ReadOptions, skip_bad: bool, on_skip: OnSkip | None
) -> Iterator[InputDocument]:
    if is_html(path, opts.fmt):
        yield read_html(path, opts.default_date)
        return
    yield from read_documents(
        path,
        fmt=opts.fmt,
        text_col=opts.text_col,
        id_col=opts.id_col,
        date_col=opts.date_col,
        default_date=opts.default_date,
        skip_bad=skip_bad,
        on_skip=on_skip,
    )


def read_html(path: str, default_date: str | None = None) -> InputDocument:
    """One HTML page as a document: trafilatura's main text, with title, date, url, site."""
    try:
        size = os.path.getsize(path)
        if size > MAX_HTML_BYTES:
            raise InputError(
                path,
                None,
                f"HTML page is {size / 1e6:.1f} MB, over the "
                f"{MAX_HTML_BYTES / 1e6:.0f} MB limit for one page",
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, None, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, None, "is a directory, not a file") from None
    except OSError as e:
        raise InputError(path, None, f"cannot read ({e.strerror or e})") from None
    if not data.strip():
        raise InputError(path, None, "empty input")
    if b"\x00" in data[:8192]:
        raise InputError(path, None, "binary data, not HTML")

    import trafilatura

    try:
        page = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(path, None, f"cannot parse HTML ({type(exc).__name__})") from None
    text = (getattr(page, "text", None) or "").strip() if page is not None else ""
    if not text:
        raise InputError(path, None, "no article text found in the HTML page")
    meta: dict[str, str] = {}
    for name in ("url", "title", "sitename", "author", "hostname"):
        value = getattr(page, name, None)
        if isinstance(value, str) and value.strip():
            meta[name] = value.strip()
    if "sitename" in meta:
        meta["source"] = meta.pop("sitename")
    raw_date = getattr(page, "date", None)
    date = normalize_date(raw_date) if isinstance(raw_date, str) else None
    return InputDocument(
        id=Path(path).name,
        text=text,
        date=date or default_date,
        meta=meta,
        origin=f"{path}:1",
    )
