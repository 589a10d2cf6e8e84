"""Tests for dyad.ingest: every input format, and every way an input can be bad."""

from __future__ import annotations

import io
import itertools
import json
import pickle
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from dyad.ingest import InputError, read_documents, sniff_format
from dyad.model import InputDocument


def write(path: Path, content: str | bytes) -> str:
    """Write a test input and return its path as a string, as a user would pass it."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# ------------------------------------------------------------------------------ formats


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.text", "text"),
        ("a.md", "text"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.json", "jsonl"),
        ("a.csv", "csv"),
        ("dir/A.CSV", "csv"),
        ("a.xml", "text"),
        ("noext", "text"),
        ("-", "text"),
    ],
)
def test_sniff_format_by_extension(name: str, fmt: str) -> None:
    assert sniff_format(name) == fmt


def test_unknown_fmt_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "hello")
    with pytest.raises(ValueError, match="unknown input format 'xml'"):
        read_documents(path, fmt="xml")


def test_fmt_overrides_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", jsonl({"text": "Hi.", "id": "x"}))
    docs = list(read_documents(path, fmt="jsonl"))
    assert [d.id for d in docs] == ["x"]


# --------------------------------------------------------------------------------- text


def test_text_file_is_one_document(tmp_path: Path) -> None:
    content = "Russia warned Ukraine.\n\nNATO met on Monday.\n"
    path = write(tmp_path / "news.txt", content)
    docs = list(read_documents(path, default_date="2020-05-01"))
    assert docs == [
        InputDocument(id="news.txt", text=content, date="2020-05-01", meta={}, origin=f"{path}:1")
    ]


def test_text_file_without_default_date_has_no_date(tmp_path: Path) -> None:
    path = write(tmp_path / "news.md", "Text.")
    (doc,) = read_documents(path)
    assert doc.date is None


def test_text_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello world.")
    (doc,) = read_documents(path)
    assert doc.text == "Hello world."


def test_text_unknown_extension_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "story.article", "Some story.")
    (doc,) = read_documents(path)
    assert (doc.id, doc.text) == ("story.article", "Some story.")


def test_text_non_ascii_within_limit_counts_characters(tmp_path: Path) -> None:
    # 10 characters but 30 bytes: the limit is in characters, not bytes.
    path = write(tmp_path / "cjk.txt", "中" * 10)
    (doc,) = read_documents(path, max_chars=10)
    assert len(doc.text) == 10


def test_text_over_limit_in_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "x" * 25)
    with pytest.raises(InputError, match=r"has 25 characters, over the 20 limit"):
        list(read_documents(path, max_chars=20))


def test_oversize_text_file_refused_quickly_without_reading(tmp_path: Path) -> None:
    target = tmp_path / "huge.txt"
    with target.open("wb") as f:  # a sparse 52.4 MB file: cheap to make, costly to read
        f.seek(52_400_000 - 1)
        f.write(b"x")
    started = time.perf_counter()
    with pytest.raises(InputError) as info:
        read_documents(str(target))  # refused at the call, before any iteration
    assert time.perf_counter() - started < 1.0
    err = info.value
    assert err.line is None
    assert str(err) == (
        f"{target}: file is 52.4 MB, over the 2.0 MB limit for one plain-text document; "
        "split it or give JSONL with one document per line"
    )


def test_oversize_3mb_text_with_small_max_chars(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "word " * 600_000)
    with pytest.raises(InputError, match=r"is 3\.0 MB, over the 0\.1 MB limit"):
        read_documents(path, max_chars=100_000)


def test_text_with_nul_later_in_file_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "late.txt", b"a\n" * 5000 + b"\x00tail")
    with pytest.raises(InputError, match="binary data, not text") as info:
        list(read_documents(path))
    assert info.value.line == 5001


# -------------------------------------------------------------------------------- stdin


def test_stdin_defaults_to_text(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"From the pipe.\n")
    (doc,) = read_documents("-", default_date="2021-01-02")
    assert (doc.id, doc.text, doc.date, doc.origin) == (
        "stdin",
        "From the pipe.\n",
        "2021-01-02",
        "<stdin>:1",
    )


def test_stdin_jsonl_when_fmt_given(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, jsonl({"text": "One."}, {"text": "Two.", "id": 7}).encode())
    docs = list(read_documents("-", fmt="jsonl"))
    assert [(d.id, d.origin) for d in docs] == [("stdin:1", "<stdin>:1"), ("7", "<stdin>:2")]


def test_stdin_csv_when_fmt_given(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"id,text\na,Alpha.\n")
    (doc,) = read_documents("-", fmt="csv")
    assert (doc.id, doc.text) == ("a", "Alpha.")


def test_stdin_text_over_limit_stops_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"y" * 1_000_000)
    with pytest.raises(InputError, match=r"<stdin>: text has more than 100 characters"):
        list(read_documents("-", max_chars=100))
    assert sys.stdin.buffer.tell() < 200_000  # did not read to the end


def test_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "Plain StringIO."}\n'))
    (doc,) = read_documents("-", fmt="jsonl")
    assert doc.text == "Plain StringIO."


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"")
    with pytest.raises(InputError, match=r"^<stdin>: empty input$"):
        list(read_documents("-"))


# ------------------------------------------------------------------------- empty/binary


@pytest.mark.parametrize("name", ["e.txt", "e.jsonl", "e.csv"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, b"")
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    assert str(info.value) == f"{path}: empty input"


@pytest.mark.parametrize("name", ["w.txt", "w.jsonl", "w.csv"])
def test_whitespace_only_file(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, " \n\t\n  \r\n")
    with pytest.raises(InputError, match="empty input"):
        list(read_documents(path))


@pytest.mark.parametrize("name", ["img.txt", "img.jsonl", "img.csv"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    path = write(tmp_path / name, png)
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    assert str(info.value) == f"{path}: binary data, not text"


def test_utf16_file_named(tmp_path: Path) -> None:
    path = write(tmp_path / "u16.txt", "Hello".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16 text, not UTF-8"):
        list(read_documents(path))


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match=r"nope\.jsonl: no such file$"):
        read_documents(path)


def test_directory_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_documents(str(tmp_path))


# -------------------------------------------------------------------------------- UTF-8


def test_invalid_utf8_in_line_3_of_text(tmp_path: Path) -> None:
    data = b"line one\nline two\nline \xff three\nline four\n"
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    at = data.index(b"\xff")
    assert info.value.line == 3
    assert info.value.message == f"invalid UTF-8 at byte {at} (line 3)"


def test_invalid_utf8_in_line_3_of_jsonl(tmp_path: Path) -> None:
    good = jsonl({"text": "one"}, {"text": "two"}).encode()
    bad = b'{"text": "th\xc3\x28ree"}\n'
    path = write(tmp_path / "bad.jsonl", good + bad)
    docs: list[InputDocument] = []
    with pytest.raises(InputError) as info:
        docs.extend(read_documents(path))
    assert [d.text for d in docs] == ["one", "two"]
    assert info.value.line == 3
    assert str(info.value) == (f"{path}:3: invalid UTF-8 at byte {len(good) + 12} (line 3)")


def test_invalid_utf8_in_csv_row_is_skippable(tmp_path: Path) -> None:
    data = b"id,text\na,Alpha.\nb,Be\xfeta.\nc,Gamma.\n"
    path = write(tmp_path / "bad.csv", data)
    skipped: list[InputError] = []
    docs = list(read_documents(path, skip_bad=True, on_skip=skipped.append))
    at = data.index(b"\xfe")
    assert [d.id for d in docs] == ["a", "c"]
    assert [(e.line, e.message) for e in skipped] == [(3, f"invalid UTF-8 at byte {at} (line 3)")]


def test_bom_stripped_in_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + jsonl({"text": "T", "id": "a"}).encode())
    (doc,) = read_documents(path)
    assert doc.id == "a"


def test_bom_stripped_in_csv_header(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.csv", b"\xef\xbb\xbfid,text\nx,Hello.\n")
    (doc,) = read_documents(path)
    assert (doc.id, doc.meta) == ("x", {})


# -------------------------------------------------------------------------------- JSONL


def test_jsonl_ids_dates_and_meta(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.jsonl",
        jsonl(
            {"id": "a1", "text": "Alpha.", "date": "2019-03-04", "url": "http://x", "n": [1]},
            {"id": 42, "text": "Beta.", "source": {"name": "AP"}},
            {"text": "Gamma.", "date": None},
        ),
    )
    docs = list(read_documents(path, default_date="2000-01-01"))
    assert [(d.id, d.date) for d in docs] == [
        ("a1", "2019-03-04"),
        ("42", "2000-01-01"),
        ("news:3", "2000-01-01"),
    ]
    assert docs[0].meta == {"url": "http://x", "n": [1]}
    assert docs[1].meta == {"source": {"name": "AP"}}
    assert docs[2].meta == {}
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_jsonl_blank_lines_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "gaps.jsonl", '\n{"text": "A"}\n\n   \n{"text": "B"}\n')
    docs = list(read_documents(path))
    assert [d.id for d in docs] == ["gaps:2", "gaps:5"]


def test_jsonl_last_line_without_newline(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", '{"text": "A"}\n{"text": "B"}')
    assert [d.text for d in read_documents(path)] == ["A", "B"]


def test_jsonl_custom_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.ndjson",
        jsonl({"body": "Hello.", "key": "k1", "published": "2018-02-03T10:00:00Z", "text": "t"}),
    )
    (doc,) = read_documents(path, text_col="body", id_col="key", date_col="published")
    assert (doc.id, doc.text, doc.date) == ("k1", "Hello.", "2018-02-03")
    assert doc.meta == {"text": "t"}


def test_jsonl_date_col_none_keeps_date_in_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", jsonl({"text": "A", "date": "not a date"}))
    (doc,) = read_documents(path, date_col=None)
    assert doc.date is None
    assert doc.meta == {"date": "not a date"}


def test_malformed_jsonl_line_2_of_4_raises_after_first(tmp_path: Path) -> None:
    lines = ['{"text": "one"}', '{"text": "two",, }', '{"text": "three"}', '{"text": "four"}']
    path = write(tmp_path / "data.jsonl", "\n".join(lines) + "\n")
    it = read_documents(path)
    assert next(it).text == "one"
    with pytest.raises(InputError) as info:
        next(it)
    assert info.value.line == 2
    assert str(info.value) == (
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 16)"
    )


def test_malformed_jsonl_line_2_of_4_with_skip_bad(tmp_path: Path) -> None:
    lines = ['{"text": "one"}', '{"text": "two"', '{"text": "three"}', '{"text": "four"}']
    path = write(tmp_path / "data.jsonl", "\n".join(lines) + "\n")
    skipped: list[InputError] = []
    docs = list(read_documents(path, skip_bad=True, on_skip=skipped.append))
    assert [d.text for d in docs] == ["one", "three", "four"]
    assert len(skipped) == 1
    assert skipped[0].line == 2
    assert skipped[0].message.startswith("invalid JSON (Expecting ',' delimiter at column")


def test_skip_bad_without_callback_is_silent(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", '{"text": "a"}\nnope\n{"text": "b"}\n')
    assert [d.text for d in read_documents(path, skip_bad=True)] == ["a", "b"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x"}', "missing 'text' field"),
        ('{"text": ""}', "empty 'text' field"),
        ('{"text": "  \\n "}', "empty 'text' field"),
        ('{"text": 12}', "'text' must be a string, not a number"),
        ('{"text": null}', "'text' must be a string, not null"),
        ('{"text": "a", "id": true}', "'id' must be a string or number, not a boolean"),
        ('{"text": "a", "id": [1]}', "'id' must be a string or number, not an array"),
        ('["text", "a"]', "not a JSON object but an array; give one object per line"),
        ('"just a string"', "not a JSON object but a string"),
        (
            '{"text": "a", "date": "03/04/2019"}',
            "bad date '03/04/2019' in 'date' (expected YYYY-MM-DD or an ISO datetime)",
        ),
        (
            '{"text": "a", "date": 20190304}',
            "bad date 20190304 in 'date' (expected YYYY-MM-DD or an ISO datetime)",
        ),
        (
            '{"text": "a", "date": "2019-02-30"}',
            "bad date '2019-02-30' in 'date' (expected YYYY-MM-DD or an ISO datetime)",
        ),
    ],
)
def test_jsonl_bad_record_messages(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "r.jsonl", '{"text": "ok"}\n' + line + "\n")
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    assert (info.value.line, info.value.message) == (2, message)
    assert str(info.value) == f"{path}:2: {message}"


def test_jsonl_text_over_max_chars(tmp_path: Path) -> None:
    path = write(tmp_path / "m.jsonl", jsonl({"text": "x" * 50}, {"text": "short"}))
    skipped: list[InputError] = []
    docs = list(read_documents(path, max_chars=10, skip_bad=True, on_skip=skipped.append))
    assert [d.text for d in docs] == ["short"]
    assert (
        skipped[0].message == "'text' field has 50 characters, over the 10 limit for one document"
    )


def test_jsonl_runaway_line_skipped_with_bounded_read(tmp_path: Path) -> None:
    # max_chars=10 gives a per-line byte cap of 1 MiB + 60 bytes; this line is 3 MB.
    huge = '{"text": "' + "z" * 3_000_000 + '"}'
    path = write(tmp_path / "h.jsonl", huge + "\n" + jsonl({"text": "after"}))
    skipped: list[InputError] = []
    docs = list(read_documents(path, max_chars=10, skip_bad=True, on_skip=skipped.append))
    assert [d.text for d in docs] == ["after"]
    assert skipped[0].line == 1
    assert skipped[0].message.startswith("line is over 1.0 MB")


def test_jsonl_nul_in_later_record_is_binary(tmp_path: Path) -> None:
    head = jsonl(*({"text": "x" * 100} for _ in range(100))).encode()  # past the first 8 KiB
    path = write(tmp_path / "nul.jsonl", head + b'{"text": "a\x00b"}\n')
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    assert (info.value.line, info.value.message) == (101, "binary data, not text")


def test_jsonl_crlf_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "w.jsonl", b'{"text": "A"}\r\n\r\n{"text": "B"}\r\n')
    assert [d.id for d in read_documents(path)] == ["w:1", "w:3"]


def test_jsonl_deep_nesting_is_invalid_json(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(InputError, match=r":1: invalid JSON \(nested too deeply\)"):
        list(read_documents(path))


def test_jsonl_pretty_printed_json_file_fails_on_line_1(tmp_path: Path) -> None:
    path = write(tmp_path / "pretty.json", '{\n  "text": "a"\n}\n')
    with pytest.raises(InputError, match=r"pretty\.json:1: invalid JSON") as info:
        list(read_documents(path))
    assert info.value.line == 1


def test_jsonl_streams_50mb_with_bounded_memory(tmp_path: Path) -> None:
    target = tmp_path / "big.jsonl"
    body = "word " * 2000  # 10 KB of text per line
    with target.open("w", encoding="utf-8") as f:
        for i in range(5000):
            f.write(json.dumps({"id": f"d{i}", "text": body, "date": "2020-01-01"}) + "\n")
    assert target.stat().st_size > 50_000_000

    first = list(itertools.islice(read_documents(str(target)), 3))
    assert [d.id for d in first] == ["d0", "d1", "d2"]

    tracemalloc.start()
    try:
        count = sum(1 for _ in read_documents(str(target)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5000
    assert peak < 20_000_000


def test_first_documents_available_before_end_of_stream(tmp_path: Path) -> None:
    """Documents come out before later input is read: a broken tail does not block them."""
    path = write(tmp_path / "t.jsonl", jsonl({"text": "a"}, {"text": "b"}) + "{broken\n")
    it = read_documents(path)
    assert [next(it).text, next(it).text] == ["a", "b"]
    with pytest.raises(InputError, match=":3: invalid JSON"):
        next(it)


# ---------------------------------------------------------------------------------- CSV


def test_csv_default_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.csv",
        'url,date,title,text\nhttp://a,2019-01-04,"T, one","Body one,\nwith a newline."\n'
        "http://b,,T2,Body two.\n",
    )
    docs = list(read_documents(path, default_date="1999-12-31"))
    assert [(d.id, d.date, d.origin) for d in docs] == [
        ("news:2", "2019-01-04", f"{path}:2"),
        ("news:4", "1999-12-31", f"{path}:4"),
    ]
    assert docs[0].text == "Body one,\nwith a newline."
    assert docs[0].meta == {"url": "http://a", "title": "T, one"}


def test_csv_custom_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        "key,body,when,lang\nk1,First body.,2017-06-01T08:30:00+02:00,en\nk2,Second.,,fr\n",
    )
    docs = list(read_documents(path, text_col="body", id_col="key", date_col="when"))
    assert [(d.id, d.text, d.date, d.meta) for d in docs] == [
        ("k1", "First body.", "2017-06-01", {"lang": "en"}),
        ("k2", "Second.", None, {"lang": "fr"}),
    ]


def test_csv_missing_text_column_lists_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "m.csv", "url,date,title,text\nu,2019-01-01,t,x\n")
    with pytest.raises(InputError) as info:
        list(read_documents(path, text_col="body"))
    assert str(info.value) == f"{path}:1: missing column 'body' (columns: url, date, title, text)"


def test_csv_empty_text_row_error_and_skip(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", "id,text\na,Alpha.\nb,  \nc,Gamma.\n")
    it = read_documents(path)
    assert next(it).id == "a"
    with pytest.raises(InputError) as info:
        next(it)
    assert str(info.value) == f"{path}:3: empty text in column 'text'"
    skipped: list[InputError] = []
    docs = list(read_documents(path, skip_bad=True, on_skip=skipped.append))
    assert [d.id for d in docs] == ["a", "c"]
    assert [e.line for e in skipped] == [3]


def test_csv_error_line_is_where_record_starts(tmp_path: Path) -> None:
    path = write(
        tmp_path / "l.csv", 'id,text,date\na,"multi\nline\ntext",2019-01-01\nb,B.,yesterday\n'
    )
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    assert info.value.line == 5
    assert info.value.message == (
        "bad date 'yesterday' in 'date' (expected YYYY-MM-DD or an ISO datetime)"
    )


def test_csv_wrong_field_count(tmp_path: Path) -> None:
    path = write(tmp_path / "f.csv", "id,text\na,Alpha.,extra\n")
    with pytest.raises(InputError, match=r":2: row has 3 fields, the header has 2$"):
        list(read_documents(path))


def test_csv_large_field_over_default_csv_limit(tmp_path: Path) -> None:
    big = "long " * 60_000  # 300 KB: over the csv module's default 128 KiB field limit
    path = write(tmp_path / "big.csv", f'id,text\na,"{big}"\n')
    (doc,) = read_documents(path)
    assert doc.text == big


def test_csv_field_over_max_chars(tmp_path: Path) -> None:
    path = write(tmp_path / "m.csv", "id,text\na,0123456789AB\nb,short\n")
    with pytest.raises(InputError) as info:
        list(read_documents(path, max_chars=10))
    assert info.value.message == (
        "text in column 'text' has 12 characters, over the 10 limit for one document"
    )


def test_csv_unclosed_quote_stops_with_bounded_read(tmp_path: Path) -> None:
    path = write(tmp_path / "q.csv", 'id,text\na,"never closed\n' + "more text\n" * 200_000)
    with pytest.raises(InputError) as info:
        list(read_documents(path, max_chars=10))
    assert info.value.line == 2
    assert "(an unclosed quote?)" in info.value.message


def test_csv_crlf_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "w.csv", b'id,text\r\na,"Two\r\nlines."\r\nb,B.\r\n')
    docs = list(read_documents(path))
    assert [(d.id, d.text, d.origin) for d in docs] == [
        ("a", "Two\r\nlines.", f"{path}:2"),
        ("b", "B.", f"{path}:4"),
    ]


def test_csv_nul_in_row_is_binary_not_silently_blank(tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", b"id,text\n" + b"a,A.\n" * 2000 + b"\x00\nb,B.\n")
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    assert (info.value.line, info.value.message) == (2002, "binary data, not text")


def test_csv_header_only_yields_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "id,text\n")
    assert list(read_documents(path)) == []


def test_csv_duplicate_column(tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", "text,id,text\na,b,c\n")
    with pytest.raises(InputError, match=":1: duplicate column 'text' in the header"):
        list(read_documents(path))


def test_csv_repository_sample_reads() -> None:
    sample = Path(__file__).parent / "data" / "wikinews-2019.csv"
    docs = list(read_documents(str(sample)))
    assert len(docs) > 100
    assert all(d.date and d.date.startswith("2019-") for d in docs)
    assert all("url" in d.meta and "title" in d.meta for d in docs)


# -------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("2019-07-08", "2019-07-08"),
        ("2019-07-08T23:59:59Z", "2019-07-08"),
        ("2019-07-08T23:59:59.123456+05:30", "2019-07-08"),
        ("2019-07-08 12:00", "2019-07-08"),
        (" 2019-07-08 ", "2019-07-08"),
    ],
)
def test_iso_dates_truncated_to_day(tmp_path: Path, raw: str, date: str) -> None:
    path = write(tmp_path / "d.jsonl", jsonl({"text": "a", "date": raw}))
    (doc,) = read_documents(path)
    assert doc.date == date


@pytest.mark.parametrize("raw", ["2019-7-8", "2019-07-08T25:00", "July 8, 2019", "2019", ""])
def test_bad_dates_rejected_or_empty_missing(tmp_path: Path, raw: str) -> None:
    path = write(tmp_path / "d.jsonl", jsonl({"text": "a", "date": raw}))
    if raw == "":  # an empty date is an absent date, not a bad one
        (doc,) = read_documents(path, default_date="2001-02-03")
        assert doc.date == "2001-02-03"
        return
    with pytest.raises(InputError, match=r":1: bad date"):
        list(read_documents(path))


def test_default_date_normalised_and_validated(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x")
    (doc,) = read_documents(path, default_date="2005-05-05T10:00:00")
    assert doc.date == "2005-05-05"
    with pytest.raises(ValueError, match="bad default date"):
        read_documents(path, default_date="05/05/2005")


# ---------------------------------------------------------------------------- the error


def test_input_error_format_and_pickle() -> None:
    err = InputError("data.jsonl", 17, "invalid JSON (Expecting ',' delimiter at column 12)")
    assert str(err) == "data.jsonl:17: invalid JSON (Expecting ',' delimiter at column 12)"
    assert str(InputError("x.txt", None, "empty input")) == "x.txt: empty input"
    back = pickle.loads(pickle.dumps(err))
    assert (back.path, back.line, back.message) == ("data.jsonl", 17, err.message)
