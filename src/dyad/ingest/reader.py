"""Reading documents from plain text, JSONL and CSV into ``InputDocument`` records.

Every problem with the input becomes an ``InputError`` naming the file and line, so a user
with a million-line file can go straight to the bad record. JSONL and CSV are streamed one
record at a time so memory stays bounded whatever the file size.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from dyad.ingest.dates import normalize_date
from dyad.ingest.errors import InputError
from dyad.ingest.lines import BOM, HEAD_BYTES, ByteLines
from dyad.model import InputDocument

FORMATS: tuple[str, ...] = ("text", "jsonl", "csv")
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
}
STDIN = "-"
_STDIN_NAME = "<stdin>"
_UTF8_MAX = 4  # bytes per character at most, so 4 * max_chars bytes always holds max_chars
_SPLIT_HINT = "split it or give JSONL with one document per line"

OnSkip = Callable[[InputError], None]


def sniff_format(path: str) -> str:
    """The input format implied by a path's extension: 'text', 'jsonl' or 'csv'.

    Unknown extensions and stdin ("-") are read as plain text, the format that cannot fail
    to parse.
    """
    if path == STDIN:
        return "text"
    return EXTENSIONS.get(Path(path).suffix.lower(), "text")


def read_documents(
    path: str,
    *,
    fmt: str | None = None,
    text_col: str = "text",
    id_col: str = "id",
    date_col: str | None = "date",
    default_date: str | None = None,
    skip_bad: bool = False,
    on_skip: OnSkip | None = None,
    max_chars: int = 2_000_000,
) -> Iterator[InputDocument]:
    """Stream the documents in ``path`` ("-" for stdin) as ``InputDocument`` records.

    Problems that can be seen without reading (missing file, empty file, a plain-text file
    too large to be one document) raise ``InputError`` at once; problems inside the data
    raise while iterating, after the good documents before them have been yielded. With
    ``skip_bad`` a bad record is reported to ``on_skip`` and skipped instead; problems with
    the whole input (empty, binary, bad CSV header) still raise.
    """
    if fmt is None:
        fmt = sniff_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    if default_date is not None:
        norm = normalize_date(default_date)
        if norm is None:
            raise ValueError(
                f"bad default date {default_date!r} (expected YYYY-MM-DD or an ISO datetime)"
            )
        default_date = norm
    if path != STDIN:
        _check_file(path, fmt, max_chars)
    opts = _Options(
        path=path,
        text_col=text_col,
        id_col=id_col,
        date_col=date_col,
        default_date=default_date,
        skip_bad=skip_bad,
        on_skip=on_skip,
        max_chars=max_chars,
    )
    if fmt == "text":
        return _read_text(opts)
    if fmt == "jsonl":
        return _read_jsonl(opts)
    return _read_csv(opts)


class _Options:
    """The settings of one ``read_documents`` call, shared by the format readers."""

    def __init__(
        self,
        *,
        path: str,
        text_col: str,
        id_col: str,
        date_col: str | None,
        default_date: str | None,
        skip_bad: bool,
        on_skip: OnSkip | None,
        max_chars: int,
    ) -> None:
        self.path = path
        self.name = _STDIN_NAME if path == STDIN else path  # as shown in messages
        self.stem = "stdin" if path == STDIN else Path(path).stem  # for default ids
        self.text_col = text_col
        self.id_col = id_col
        self.date_col = date_col
        self.default_date = default_date
        self.skip_bad = skip_bad
        self.on_skip = on_skip
        self.max_chars = max_chars
        # The most bytes one record may take: text at max_chars, JSON-escaped as \uXXXX
        # (6 bytes a character), plus room for the other fields.
        self.record_limit = 6 * max_chars + (1 << 20)

    def error(self, line: int | None, message: str) -> InputError:
        return InputError(self.name, line, message)

    def skip(self, err: InputError) -> None:
        """Report a bad record and go on, or stop at it when skipping was not asked for."""
        if not self.skip_bad:
            raise err
        if self.on_skip is not None:
            self.on_skip(err)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _check_file(path: str, fmt: str, max_chars: int) -> None:
    """Refuse what the file system already tells us is unusable, before any reading."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, None, "no such file") from None
    except OSError as e:
        raise InputError(path, None, f"cannot read ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, None, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        return  # a pipe or device: its size is unknown until read
    if st.st_size == 0:
        raise InputError(path, None, "empty input")
    if fmt == "text" and st.st_size > _UTF8_MAX * max_chars + len(BOM):
        raise InputError(
            path,
            None,
            f"file is {_mb(st.st_size)}, over the {_mb(max_chars)} limit for one "
            f"plain-text document; {_SPLIT_HINT}",
        )


class _TextStdin:
    """Bytes from a text-only stdin (one without ``.buffer``, e.g. a StringIO in tests)."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        return self._stream.read(n).encode("utf-8", "surrogateescape")


def _open(opts: _Options) -> tuple[BinaryIO, bool]:
    """The input as a binary stream, and whether we opened it (and so must close it)."""
    if opts.path == STDIN:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:
            return cast(BinaryIO, _TextStdin(sys.stdin)), False
        return buffer, False
    try:
        return open(opts.path, "rb"), True  # closed by the caller
    except OSError as e:
        raise opts.error(None, f"cannot read ({e.strerror or e})") from None


def _check_head(opts: _Options, src: ByteLines) -> None:
    """Refuse binary files and UTF-16 before parsing produces confusing errors."""
    head = src.head(HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise opts.error(None, "UTF-16 text, not UTF-8; convert it (iconv -f UTF-16 -t UTF-8)")
    if b"\x00" in head:
        raise opts.error(None, "binary data, not text")


def _decode(raw: bytes, offset: int, line: int) -> str:
    """Decode one line of UTF-8, raising ValueError that says at which byte it fails."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"invalid UTF-8 at byte {offset + e.start} (line {line})") from None


# ---------------------------------------------------------------------------------- text


def _read_text(opts: _Options) -> Iterator[InputDocument]:
    """A whole plain-text input as one document, read only up to the size limit."""
    stream, owned = _open(opts)
    try:
        src = ByteLines(stream)
        _check_head(opts, src)
        data = src.read_up_to(_UTF8_MAX * opts.max_chars + len(BOM))
        if not src.at_end():
            raise opts.error(
                None,
                f"text has more than {opts.max_chars:,} characters, the limit for one "
                f"plain-text document; {_SPLIT_HINT}",
            )
    finally:
        if owned:
            stream.close()
    start = len(BOM) if data.startswith(BOM) else 0
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise opts.error(line, "binary data, not text")
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        at = start + e.start
        line = data.count(b"\n", 0, at) + 1
        raise opts.error(line, f"invalid UTF-8 at byte {at} (line {line})") from None
    if not text.strip():
        raise opts.error(None, "empty input")
    if len(text) > opts.max_chars:
        raise opts.error(
            None,
            f"text has {len(text):,} characters, over the {opts.max_chars:,} limit for "
            f"one plain-text document; {_SPLIT_HINT}",
        )
    name = "stdin" if opts.path == STDIN else Path(opts.path).name
    yield InputDocument(
        id=name, text=text, date=opts.default_date, meta={}, origin=f"{opts.name}:1"
    )


# --------------------------------------------------------------------------------- JSONL


def _json_kind(value: Any) -> str:
    """How a JSON value is named in messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _read_jsonl(opts: _Options) -> Iterator[InputDocument]:
    """One document per non-blank line, each a JSON object."""
    stream, owned = _open(opts)
    try:
        src = ByteLines(stream)
        _check_head(opts, src)
        seen = False  # any non-blank line, good or bad
        while (got := src.readline(opts.record_limit)) is not None:
            raw, cut = got
            line = src.line
            offset = src.offset - len(raw)
            if cut:
                src.skip_line()
                seen = True
                opts.skip(
                    opts.error(
                        line,
                        f"line is over {_mb(opts.record_limit)}, more than a document within "
                        f"the {opts.max_chars:,}-character limit needs",
                    )
                )
                continue
            if line == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
                offset += len(BOM)
            if b"\x00" in raw:
                seen = True
                opts.skip(opts.error(line, "binary data, not text"))
                continue
            try:
                text = _decode(raw, offset, line)
            except ValueError as e:
                seen = True
                opts.skip(opts.error(line, str(e)))
                continue
            if not text.strip():
                continue
            seen = True
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                opts.skip(opts.error(line, f"invalid JSON ({e.msg} at column {e.colno})"))
                continue
            except RecursionError:
                opts.skip(opts.error(line, "invalid JSON (nested too deeply)"))
                continue
            if not isinstance(obj, dict):
                hint = "; give one object per line" if isinstance(obj, list) else ""
                opts.skip(opts.error(line, f"not a JSON object but {_json_kind(obj)}{hint}"))
                continue
            try:
                doc = _from_json(opts, obj, line)
            except ValueError as e:
                opts.skip(opts.error(line, str(e)))
                continue
            yield doc
        if not seen:
            raise opts.error(None, "empty input")
    finally:
        if owned:
            stream.close()


def _from_json(opts: _Options, obj: dict[str, Any], line: int) -> InputDocument:
    """An ``InputDocument`` from one JSONL object; ValueError says what is wrong with it."""
    col = opts.text_col
    if col not in obj:
        raise ValueError(f"missing '{col}' field")
    text = obj[col]
    if not isinstance(text, str):
        raise ValueError(f"'{col}' must be a string, not {_json_kind(text)}")
    _check_text(opts, text, f"'{col}' field")

    doc_id = f"{opts.stem}:{line}"
    raw_id = obj.get(opts.id_col)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float, type(None))):
        raise ValueError(f"'{opts.id_col}' must be a string or number, not {_json_kind(raw_id)}")
    if raw_id is not None and str(raw_id).strip():
        doc_id = str(raw_id).strip()

    date = opts.default_date
    if opts.date_col is not None:
        raw_date = obj.get(opts.date_col)
        if raw_date is not None and raw_date != "":
            date = _parse_date(opts.date_col, raw_date)

    used = {col, opts.id_col, opts.date_col}
    meta = {k: v for k, v in obj.items() if k not in used}
    return InputDocument(id=doc_id, text=text, date=date, meta=meta, origin=f"{opts.name}:{line}")


def _check_text(opts: _Options, text: str, where: str) -> None:
    """A document needs some text, and no more than one document's worth."""
    if not text.strip():
        raise ValueError(f"empty {where}")
    if len(text) > opts.max_chars:
        raise ValueError(
            f"{where} has {len(text):,} characters, over the {opts.max_chars:,} limit for one "
            "document"
        )


def _parse_date(col: str, value: Any) -> str:
    """The 'YYYY-MM-DD' form of a record's date; ValueError if it is not a date."""
    norm = normalize_date(value) if isinstance(value, str) else None
    if norm is None:
        raise ValueError(f"bad date {value!r} in '{col}' (expected YYYY-MM-DD or an ISO datetime)")
    return norm


# ----------------------------------------------------------------------------------- CSV


class _CsvLines:
    """Decoded physical lines for ``csv.reader``, noting problems in the current record.

    ``csv.reader`` pulls lines only until a record is complete, so the problems noted
    between two rows belong to the row just read. Undecodable lines are passed on with
    replacement characters so the parser stays in step, and the row is reported bad.
    """

    def __init__(self, opts: _Options, src: ByteLines) -> None:
        self._opts = opts
        self._src = src
        self.start = 1  # physical line where the current record starts
        self.size = 0  # bytes in the current record so far
        self.problems: list[str] = []

    def next_record(self) -> None:
        self.start = self._src.line + 1
        self.size = 0
        self.problems = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        got = self._src.readline(self._opts.record_limit)
        if got is None:
            raise StopIteration
        raw, cut = got
        line = self._src.line
        offset = self._src.offset - len(raw)
        self.size += len(raw)
        if cut or self.size > self._opts.record_limit:
            # The parser cannot find the next record from here, so this stops the input.
            raise self._opts.error(
                self.start,
                f"record is over {_mb(self._opts.record_limit)}, more than a document within "
                f"the {self._opts.max_chars:,}-character limit needs (an unclosed quote?)",
            )
        if line == 1 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
            offset += len(BOM)
        if b"\x00" in raw:
            self.problems.append("binary data, not text")
            raw = raw.replace(b"\x00", b"")
        try:
            return _decode(raw, offset, line)
        except ValueError as e:
            self.problems.append(str(e))
            return raw.decode("utf-8", "replace")


def _blank(row: list[str]) -> bool:
    return all(not cell.strip() for cell in row)


def _read_csv(opts: _Options) -> Iterator[InputDocument]:
    """One document per CSV row, with a header row naming the columns."""
    # Long articles exceed the csv module's default 128 KiB field limit; our own per-record
    # byte limit bounds memory instead. Only ever raise the process-wide limit.
    if csv.field_size_limit() < opts.record_limit:
        csv.field_size_limit(opts.record_limit)
    stream, owned = _open(opts)
    try:
        src = ByteLines(stream)
        _check_head(opts, src)
        lines = _CsvLines(opts, src)
        reader = csv.reader(lines)

        def next_row() -> list[str] | None:
            lines.next_record()
            try:
                return next(reader)
            except StopIteration:
                return None
            except csv.Error as e:
                raise opts.error(lines.start, f"malformed CSV ({e})") from None

        header = next_row()
        while header is not None and _blank(header):
            header = next_row()
        if header is None:
            raise opts.error(None, "empty input")
        if lines.problems:
            raise opts.error(lines.start, lines.problems[0])
        index = _header_index(opts, header, lines.start)
        ti = index[opts.text_col]
        ii = index.get(opts.id_col)
        di = index.get(opts.date_col) if opts.date_col is not None else None
        used = {i for i in (ti, ii, di) if i is not None}

        while (row := next_row()) is not None:
            line = lines.start
            if _blank(row) and not lines.problems:
                continue
            try:
                if lines.problems:
                    raise ValueError(lines.problems[0])
                if len(row) != len(header):
                    raise ValueError(f"row has {len(row)} fields, the header has {len(header)}")
                text = row[ti]
                _check_text(opts, text, f"text in column '{opts.text_col}'")
                doc_id = f"{opts.stem}:{line}"
                if ii is not None and row[ii].strip():
                    doc_id = row[ii].strip()
                date = opts.default_date
                if di is not None and row[di].strip():
                    date = _parse_date(header[di], row[di])
            except ValueError as e:
                opts.skip(opts.error(line, str(e)))
                continue
            meta = {name: row[i] for i, name in enumerate(header) if i not in used}
            yield InputDocument(
                id=doc_id, text=text, date=date, meta=meta, origin=f"{opts.name}:{line}"
            )
    finally:
        if owned:
            stream.close()


def _header_index(opts: _Options, header: list[str], line: int) -> dict[str, int]:
    """Column positions by name; the text column must be there and names must be unique."""
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        if name in index:
            raise opts.error(line, f"duplicate column {name!r} in the header")
        index[name] = i
    if opts.text_col not in index:
        raise opts.error(line, f"missing column {opts.text_col!r} (columns: {', '.join(header)})")
    return index
