"""The event store against real DuckDB files: writing and reading back every record, schema
versions, ingest (restartable, deduplicated, with bad input), Python access and exports.

A few Wikinews articles stand in for the corpus; the slow parts (coding, the CLI subprocesses)
are shared through module fixtures.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import duckdb
import pyarrow.parquet as pq
import pytest

import dyad
from dyad.cli import main
from dyad.ingest import InputError, ReadOptions, read_html
from dyad.model import Document, InputDocument
from dyad.store import SCHEMA_VERSION, Store, StoreError, doc_key, open_store
from dyad.store.db import schema_sql
from dyad.store.export import export
from dyad.store.ingest import ingest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CORPUS = TESTS / "data" / "wikinews-2019.csv"
V1_SCHEMA = TESTS / "data" / "store-v1.sql"
N_ARTICLES = 8


@dataclass
class Ran:
    """What a ``dyad`` command did: exit code and what it wrote."""

    returncode: int
    stdout: str
    stderr: str


Cli = Callable[..., Ran]

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Ankara offers to mediate | Daily Sabah</title>
<meta property="og:url" content="https://www.dailysabah.com/politics/ankara-mediation">
<meta property="og:site_name" content="Daily Sabah">
<meta property="article:published_time" content="2022-01-25T10:00:00+03:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ankara offers to mediate</h1>
<p>Turkish President Recep Tayyip Erdogan said on Tuesday that Turkey is ready to mediate
between Russia and Ukraine. Erdogan will also visit Ukraine next month.</p>
<p>Recently, Ukraine and Western countries accused Russia of mobilizing its forces near the
Ukrainian border, while Washington threatened to impose sanctions on Russia.</p>
</article>
<footer>Copyright 2022 Daily Sabah. All rights reserved.</footer>
</body></html>
"""


# ------------------------------------------------------------------------------- fixtures


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``dyad ARGS`` in this process (the same ``main`` as the installed command)."""

    def run(*args: object) -> Ran:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run


@pytest.fixture(scope="module")
def articles() -> list[dict[str, str]]:
    """The first few Wikinews articles: url, date, title, text."""
    csv.field_size_limit(sys.maxsize)
    with CORPUS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:N_ARTICLES]


@pytest.fixture(scope="module")
def articles_csv(tmp_path_factory: pytest.TempPathFactory, articles: list[dict]) -> Path:
    path = tmp_path_factory.mktemp("inputs") / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerows(articles)
    return path


@pytest.fixture(scope="module")
def coded(coder: dyad.Coder, articles: list[dict]) -> list[Document]:
    """The articles coded once, with url and title in meta as a CSV input gives them."""
    inputs = [
        InputDocument(
            id=f"a{i}", text=r["text"], date=r["date"], meta={"url": r["url"], "title": r["title"]}
        )
        for i, r in enumerate(articles)
    ]
    return list(coder.pipe(inputs))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "t.duckdb") as s:
        yield s


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, coded: list[Document]) -> Path:
    """A store holding the coded articles (closed, for readers and the CLI)."""
    path = tmp_path_factory.mktemp("filled") / "filled.duckdb"
    with open_store(path) as s:
        s.write(coded)
    return path


@pytest.fixture(scope="module")
def reference(
    tmp_path_factory: pytest.TempPathFactory, coder: dyad.Coder, articles_csv: Path
) -> Path:
    """The store an uninterrupted ``ingest`` of the articles CSV gives."""
    path = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    with open_store(path) as s:
        summary = ingest([str(articles_csv)], s, coder=coder, batch=3, progress=False)
    assert summary.new == N_ARTICLES
    return path


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (without the ingest time), sorted, for comparing stores."""
    out = {}
    with open_store(path, read_only=True) as s:
        for table in ("documents", "events", "quotes", "actors", "mentions"):
            cols = [c for c in s.columns(table) if c not in ("ingested_at", "origin")]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = s.conn.execute(f"SELECT {quoted} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# ------------------------------------------------------------------ writing and reading back


def test_every_record_reads_back_equal(store: Store, coded: list[Document]) -> None:
    store.write(coded)
    for doc in coded:
        assert store.document(doc.id).to_dict() == doc.to_dict()


def test_round_trip_covers_every_record_type(coded: list[Document]) -> None:
    assert all(
        any(getattr(d, kind) for d in coded) for kind in ("events", "quotes", "actors", "mentions")
    )
    assert any(e.target is None for d in coded for e in d.events)
    assert any(q.speaker is not None and q.cue is not None for d in coded for q in d.quotes)


def test_event_with_date_phrase_and_place_reads_back(store: Store, coded: list[Document]) -> None:
    from dataclasses import replace

    from dyad.model import Place, Span

    doc = next(d for d in coded if d.events)
    event = replace(
        doc.events[0],
        date="2019-01-01",
        date_precision="month",
        date_phrase=Span(0, 7, doc.text[0:7]),
        place=Place("p1", "Ankara", 10, 16, "TUR", "Ankara", 39.9, 32.8),
    )
    changed = Document(doc.id, doc.date, doc.text, [event], meta=doc.meta)
    store.write(changed)
    assert store.document(doc.id).events[0] == event


def test_document_row_keeps_url_title_and_outlet(store: Store, coded: list[Document]) -> None:
    store.write(coded[:1])
    row = store.documents().iloc[0]
    assert row["url"].startswith("https://en.wikinews.org")
    assert row["source"] == "en.wikinews.org"
    assert row["title"] == coded[0].meta["title"]
    assert row["doc_key"] == doc_key(coded[0].text)
    assert str(row["date"])[:10] == coded[0].date


def test_writing_twice_stores_once(store: Store, coded: list[Document]) -> None:
    assert len(store.write(coded[:3])) == 3
    assert store.write(coded[:3] + coded[:1]) == []
    assert store.count("documents") == 3
    assert store.count("events") == sum(len(d.events) for d in coded[:3])


def test_failed_write_leaves_nothing(store: Store, coded: list[Document]) -> None:
    from dataclasses import replace

    doc = next(d for d in coded if d.events)
    no_code = replace(doc.events[0], code=None)  # events.code is NOT NULL: the insert fails
    broken = Document("bad", "2019-01-01", "some text", events=[no_code])
    with pytest.raises(duckdb.Error):
        store.write([coded[0], broken])
    assert store.count("documents") == 0
    assert store.count("mentions") == 0


# ------------------------------------------------------------------------ Python access


def test_dyad_open_gives_frames(filled: Path, coded: list[Document]) -> None:
    with dyad.open(filled, read_only=True) as s:
        events = s.events()
        assert len(events) == sum(len(d.events) for d in coded)
        assert {"doc_id", "doc_url", "doc_date", "source_code", "code", "root"} <= set(events)
        assert len(s.documents(text=False)) == len(coded)
        assert "text" not in s.documents(text=False)
        assert len(s.quotes()) == sum(len(d.quotes) for d in coded)
        assert len(s.actors()) == sum(len(d.actors) for d in coded)
        assert len(s.mentions()) == sum(len(d.mentions) for d in coded)
        assert s.sql("SELECT count(*) AS n FROM events")["n"][0] == len(events)


def test_event_filters(filled: Path, coded: list[Document]) -> None:
    every = [e for d in coded for e in d.events]
    with dyad.open(filled, read_only=True) as s:
        root = every[0].root
        assert len(s.events(root=int(root))) == sum(e.root == root for e in every)
        actor = every[0].source.code[:3]
        want = sum(
            e.source.code.startswith(actor) or bool(e.target and e.target.code.startswith(actor))
            for e in every
        )
        assert len(s.events(actor=actor)) == want
        assert len(s.events(quad=[1, 2])) == sum(e.quad_class in (1, 2) for e in every)
        assert len(s.events(code=every[0].code[:2])) == sum(
            e.code.startswith(every[0].code[:2]) for e in every
        )
        first = min(d.date for d in coded)
        assert len(s.events(date_to=first)) == sum(e.date == first for e in every)
        assert len(s.events(date_from="2030-01-01")) == 0


def test_bad_filter_is_one_clear_error(filled: Path) -> None:
    with dyad.open(filled, read_only=True) as s, pytest.raises(StoreError, match="--root '21'"):
        s.events(root="21")


# -------------------------------------------------------------------------- schema versions


def test_new_file_records_the_schema_version(store: Store) -> None:
    rows = store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    assert rows == [(str(SCHEMA_VERSION),)]


def test_version_1_file_is_migrated(tmp_path: Path, coded: list[Document]) -> None:
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA.read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (doc_key, id, text) VALUES ('k', 'old', 'Old text.')")
    con.close()
    with open_store(path) as s:
        assert s.count("documents") == 1  # kept
        s.write(coded[:1])
        assert s.document(coded[0].id).to_dict() == coded[0].to_dict()
        migrated = {
            t: s.conn.execute(f"DESCRIBE {t}").fetchall()
            for t in ("documents", "events", "quotes", "actors", "mentions", "event_groups")
        }
    fresh = duckdb.connect()
    fresh.execute(schema_sql())
    for table, columns in migrated.items():
        assert columns == fresh.execute(f"DESCRIBE {table}").fetchall(), table


def test_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with open_store(path) as s:
        s.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        open_store(path)


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreError, match="not a dyad store"):
        open_store(path)


def test_missing_file_read_only_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "none.duckdb", read_only=True)


def test_second_writer_gets_one_clear_line(filled: Path, articles_csv: Path, cli: Cli) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
            "time.sleep(60)",
            str(filled),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        res = cli("ingest", articles_csv, "--db", filled)
        assert res.returncode == 2
        assert res.stderr == f"dyad: {filled} is in use by another dyad process\n"
        with pytest.raises(StoreError, match="in use by another dyad process"):
            open_store(filled)
    finally:
        holder.kill()
        holder.wait()


# --------------------------------------------------------------------------------- ingest


def test_ingest_twice_adds_nothing(reference: Path, coder: dyad.Coder, articles_csv: Path) -> None:
    before = table_rows(reference)
    with open_store(reference) as s:
        summary = ingest([str(articles_csv)], s, coder=coder, progress=False)
    assert (summary.new, summary.stored, summary.events) == (0, N_ARTICLES, 0)
    assert table_rows(reference) == before


def test_ingest_matches_coding_the_same_input(reference: Path, coded: list[Document]) -> None:
    rows = table_rows(reference)
    assert len(rows["documents"]) == N_ARTICLES
    assert len(rows["events"]) == sum(len(d.events) for d in coded)
    assert len(rows["mentions"]) == sum(len(d.mentions) for d in coded)


def test_repeated_text_in_one_run_is_stored_once(
    tmp_path: Path, coder: dyad.Coder, articles: list[dict]
) -> None:
    text = articles[0]["text"]
    path = write_lines(
        tmp_path / "dup.jsonl",
        json.dumps({"id": "one", "text": text}),
        json.dumps({"id": "two", "text": text}),
    )
    with open_store(tmp_path / "d.duckdb") as s:
        summary = ingest([str(path)], s, coder=coder, progress=False)
        assert (summary.new, summary.repeated) == (1, 1)
        assert list(s.documents()["id"]) == ["one"]


def test_folder_ingest_is_recursive_and_keeps_metadata(
    tmp_path: Path, coder: dyad.Coder, articles: list[dict]
) -> None:
    folder = tmp_path / "news"
    (folder / "2019" / "jan").mkdir(parents=True)
    (folder / "2019" / "jan" / "a.txt").write_text(articles[0]["text"], encoding="utf-8")
    (folder / "b.md").write_text(articles[1]["text"], encoding="utf-8")
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not read")
    write_lines(
        folder / "c.jsonl",
        json.dumps({"id": "c1", "text": articles[2]["text"], "url": "https://ex.org/c1"}),
    )
    with open_store(tmp_path / "f.duckdb") as s:
        summary = ingest([str(folder)], s, ReadOptions(default_date="2019-01-10"), coder=coder)
        docs = s.documents().set_index("id")
    assert summary.new == 4
    assert set(docs.index) == {"a.txt", "b.md", "page.html", "c1"}
    assert docs.loc["c1", "url"] == "https://ex.org/c1"
    assert docs.loc["c1", "source"] == "ex.org"
    assert str(docs.loc["a.txt", "date"])[:10] == "2019-01-10"
    assert docs.loc["a.txt", "origin"].endswith("a.txt:1")


def test_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ankara.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_html(str(path))
    assert "ready to mediate" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.meta["title"] == "Ankara offers to mediate"
    assert doc.meta["url"] == "https://www.dailysabah.com/politics/ankara-mediation"
    assert doc.meta["source"] == "Daily Sabah"
    assert doc.date == "2022-01-25"


def test_html_ingest_codes_events(tmp_path: Path, coder: dyad.Coder) -> None:
    path = tmp_path / "ankara.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    with open_store(tmp_path / "h.duckdb") as s:
        assert ingest([str(path)], s, coder=coder).new == 1
        doc = s.documents().iloc[0]
        assert (doc["source"], doc["title"]) == ("Daily Sabah", "Ankara offers to mediate")
        assert "112" in set(s.events()["code"])  # "accused Russia of mobilizing"


def test_html_without_article_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_html(str(path))


# ---------------------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def bad_jsonl(tmp_path_factory: pytest.TempPathFactory, articles: list[dict]) -> Path:
    """Two good documents around a malformed line 2."""
    path = tmp_path_factory.mktemp("bad") / "docs.jsonl"
    return write_lines(
        path,
        json.dumps({"id": "g1", "text": articles[0]["text"]}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "g3", "text": articles[1]["text"]}),
    )


@pytest.fixture
def broken_first(tmp_path: Path) -> Path:
    """A JSONL file whose only record is malformed (nothing to code before it)."""
    return write_lines(tmp_path / "broken.jsonl", '{"id": "x", "text": "Russia', "")


def test_bad_line_stops_with_one_line_naming_file_and_line(
    tmp_path: Path, broken_first: Path, cli: Cli
) -> None:
    db = tmp_path / "b.duckdb"
    res = cli("ingest", broken_first, "--db", db)
    assert res.returncode == 2
    assert res.stderr.startswith(f"dyad: {broken_first}:1: invalid JSON")
    assert len(res.stderr.splitlines()) == 1
    assert res.stdout == ""


def test_skip_bad_on_the_command_line_reports_and_sums_up(
    tmp_path: Path, broken_first: Path, cli: Cli
) -> None:
    res = cli("ingest", broken_first, "--db", tmp_path / "b.duckdb", "--skip-bad")
    assert res.returncode == 0
    first, summary = res.stderr.splitlines()
    assert first.startswith(f"dyad: skipped {broken_first}:1: invalid JSON")
    assert "0 new documents, 0 already stored, 1 bad skipped" in summary


def test_skip_bad_reports_and_goes_on(tmp_path: Path, coder: dyad.Coder, bad_jsonl: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    seen: list[str] = []
    with open_store(tmp_path / "s.duckdb") as s:
        summary = ingest(
            [str(bad_jsonl), str(empty)],
            s,
            coder=coder,
            skip_bad=True,
            on_skip=lambda e: seen.append(str(e)),
        )
        assert sorted(s.documents()["id"]) == ["g1", "g3"]
    assert summary.bad == 2
    assert seen[0].startswith(f"{bad_jsonl}:2: invalid JSON")
    assert seen[1] == f"{empty}: empty input"


def test_missing_csv_column_names_file_and_line(
    tmp_path: Path, articles_csv: Path, cli: Cli
) -> None:
    res = cli("ingest", articles_csv, "--db", tmp_path / "c.duckdb", "--text-col", "body")
    assert res.returncode == 2
    assert res.stderr.startswith(f"dyad: {articles_csv}:1: missing column 'body'")


def test_bad_date_flag_is_refused(tmp_path: Path, articles_csv: Path, cli: Cli) -> None:
    res = cli("ingest", articles_csv, "--db", tmp_path / "d.duckdb", "--date", "2019-02-30")
    assert (res.returncode, res.stderr) == (
        2,
        "dyad: --date '2019-02-30': not a date (expected YYYY-MM-DD)\n",
    )


def test_bad_input_mid_batch_commits_the_batch(
    tmp_path: Path, coder: dyad.Coder, bad_jsonl: Path
) -> None:
    with open_store(tmp_path / "m.duckdb") as s:
        with pytest.raises(InputError, match=":2: invalid JSON"):
            ingest([str(bad_jsonl)], s, coder=coder, batch=64)
        assert s.count("documents") == 1


# ------------------------------------------------------------------- kill -9 and resume


def _ingest_cmd(csv_path: Path, db: Path) -> list[str]:
    return [
        sys.executable, "-m", "dyad.cli", "ingest", str(csv_path),
        "--db", str(db), "--batch", "2", "--verbose",
    ]  # fmt: skip


def test_kill_during_ingest_then_resume_gives_the_same_rows(
    tmp_path: Path, articles_csv: Path, reference: Path
) -> None:
    db = tmp_path / "k.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "DYAD_DEBUG"}
    proc = subprocess.Popen(
        _ingest_cmd(articles_csv, db), cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    try:
        line = proc.stderr.readline()  # the first "committed" line: one batch is on disk
        assert line.startswith("dyad: committed 2 documents"), line
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    with open_store(db, read_only=True) as s:
        partial = s.count("documents")
    assert 2 <= partial < N_ARTICLES
    res = subprocess.run(
        _ingest_cmd(articles_csv, db), cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    assert f"{N_ARTICLES - partial} new documents, {partial} already stored" in res.stderr
    assert table_rows(db) == table_rows(reference)


def test_parallel_workers_store_the_same_rows(
    tmp_path: Path, articles_csv: Path, reference: Path
) -> None:
    with open_store(tmp_path / "w.duckdb") as s:
        summary = ingest([str(articles_csv)], s, workers=2, batch=3, progress=False)
    assert summary.new == N_ARTICLES
    assert table_rows(tmp_path / "w.duckdb") == table_rows(reference)


# -------------------------------------------------------------------------------- exports


def test_csv_export_has_a_header_and_every_event(
    filled: Path, coded: list[Document], tmp_path: Path, cli: Cli
) -> None:
    out = tmp_path / "e.csv"
    res = cli("export", "--db", filled, "--format", "csv", "-o", out)
    assert res.returncode == 0, res.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(d.events) for d in coded)
    assert {"doc_id", "doc_url", "doc_date", "source_code", "code", "goldstein"} <= set(rows[0])


def test_jsonl_export_is_one_event_per_line(filled: Path, coded: list[Document], cli: Cli) -> None:
    res = cli("export", "--db", filled, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == sum(len(d.events) for d in coded)
    ids = {d.id: d for d in coded}
    for row in rows:
        assert row["doc_date"] == ids[row["doc_id"]].date
        assert row["doc_url"] == ids[row["doc_id"]].meta["url"]


def test_parquet_export_opens_in_pyarrow(
    filled: Path, coded: list[Document], tmp_path: Path
) -> None:
    out = tmp_path / "e.parquet"
    with open_store(filled, read_only=True) as s:
        n = export(s, "parquet", out)
    table = pq.read_table(out)
    assert n == table.num_rows == sum(len(d.events) for d in coded)
    assert "source_code" in table.column_names


def test_export_filters_select_like_store_events(
    filled: Path, coded: list[Document], cli: Cli
) -> None:
    root = next(e.root for d in coded for e in d.events)
    res = cli("export", "--db", filled, "--format", "jsonl", "--root", root, "--quad", "1")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    want = [e for d in coded for e in d.events if e.root == root and e.quad_class == 1]
    assert len(rows) == len(want)
    assert all(r["root"] == root for r in rows)


def test_parquet_to_stdout_is_refused(filled: Path, cli: Cli) -> None:
    res = cli("export", "--db", filled, "--format", "parquet")
    assert (res.returncode, res.stderr) == (
        2,
        "dyad: parquet export needs a file: -o OUT.parquet\n",
    )


def test_export_of_missing_store_is_one_line(tmp_path: Path, cli: Cli) -> None:
    res = cli("export", "--db", tmp_path / "none.duckdb")
    assert res.returncode == 2
    assert res.stderr.endswith("no such store (create it with dyad ingest)\n")


def test_failed_export_leaves_no_file(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail_half_way(store: Store, out: IO[bytes], query: str, params: list) -> int:
        out.write(b"doc_id,code\n")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("dyad.store.export._write_csv", fail_half_way)
    out = tmp_path / "never.csv"
    with open_store(filled, read_only=True) as s, pytest.raises(RuntimeError):
        export(s, "csv", out)
    assert not out.exists() and not list(tmp_path.glob(".never.csv*"))


def test_summary_line_counts(tmp_path: Path, articles_csv: Path, cli: Cli, reference: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(reference.read_bytes())
    res = cli("ingest", articles_csv, "--db", db)
    assert res.returncode == 0, res.stderr
    assert res.stderr.startswith(f"dyad: {db}: 0 new documents, {N_ARTICLES} already stored;")
    assert len(res.stderr.splitlines()) == 1
