"""End-to-end tests of the ``dyad`` command line, run as a real subprocess on real files.

Event codes are not asserted here (the lexicon tests cover those); these tests check what the
command line promises: formats, input kinds, user dictionaries, and one clean line of error
for every bad input.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import dyad
from dyad.output import CSV_COLUMNS

RunDyad = Callable[..., subprocess.CompletedProcess]
EXAMPLE_DATE = "2022-01-25"
ACCUSATION = "The Zorblatt Republic accused Russia of espionage."
PLAIN_ACCUSATION = "Russia accused Ukraine of shelling Donetsk."
ZRB = "ZRB"


def jsonl_docs(stdout: str) -> list[dict]:
    """The documents of a JSONL output, one per non-blank line."""
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def source_codes(docs: list[dict]) -> set[str]:
    return {e["source"]["code"] for d in docs for e in d["events"]}


def write_jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ----------------------------------------------------------------------- example article


@pytest.fixture(scope="module")
def example_run(run_dyad: RunDyad, example_path: Path) -> subprocess.CompletedProcess:
    """``dyad code examples/ankara-mediation.txt --date 2022-01-25 --format jsonl``."""
    return run_dyad("code", example_path, "--date", EXAMPLE_DATE, "--format", "jsonl")


@pytest.fixture(scope="module")
def example_out(example_run: subprocess.CompletedProcess) -> dict:
    """The single coded document of the example run."""
    assert example_run.returncode == 0, example_run.stderr
    (doc,) = jsonl_docs(example_run.stdout)
    return doc


def test_version_prints_the_package_version(run_dyad: RunDyad) -> None:
    result = run_dyad("--version")
    assert result.returncode == 0
    assert dyad.__version__ in result.stdout


def test_code_text_file_exits_zero(example_run: subprocess.CompletedProcess) -> None:
    assert example_run.returncode == 0, example_run.stderr


def test_code_text_file_writes_one_jsonl_line(example_run: subprocess.CompletedProcess) -> None:
    lines = [line for line in example_run.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    assert isinstance(json.loads(lines[0]), dict)


def test_code_text_file_output_has_schema_tag(example_out: dict) -> None:
    assert example_out["schema"] == "dyad/1"


def test_code_text_file_id_is_the_file_name(example_out: dict, example_path: Path) -> None:
    assert example_out["id"] == example_path.name


def test_code_text_file_uses_the_date_option(example_out: dict) -> None:
    assert example_out["date"] == EXAMPLE_DATE


def test_code_text_file_finds_events(example_out: dict) -> None:
    assert example_out["events"]


def test_json_format_is_an_array_of_the_same_document(
    run_dyad: RunDyad, example_path: Path, example_out: dict
) -> None:
    result = run_dyad("code", example_path, "--date", EXAMPLE_DATE, "--format", "json")
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)
    assert isinstance(docs, list)
    assert docs == [example_out]


def test_csv_format_has_the_documented_header_and_one_row_per_event(
    run_dyad: RunDyad, example_path: Path, example_out: dict
) -> None:
    result = run_dyad("code", example_path, "--date", EXAMPLE_DATE, "--format", "csv")
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    assert reader.fieldnames == CSV_COLUMNS
    assert len(rows) == len(example_out["events"])
    assert {r["doc_id"] for r in rows} == {example_out["id"]}
    assert [r["code"] for r in rows] == [e["code"] for e in example_out["events"]]


def test_table_format_shows_the_document_and_its_events(
    run_dyad: RunDyad, example_path: Path, example_out: dict
) -> None:
    result = run_dyad("code", example_path, "--date", EXAMPLE_DATE, "--format", "table")
    assert result.returncode == 0, result.stderr
    assert example_out["id"] in result.stdout
    first = example_out["events"][0]
    assert f"{first['code']} {first['label']}" in result.stdout


def test_output_option_writes_the_file(
    run_dyad: RunDyad, tmp_path: Path, example_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = run_dyad("code", example_path, "--date", EXAMPLE_DATE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    (doc,) = jsonl_docs(out.read_text(encoding="utf-8"))
    assert doc["id"] == example_path.name
    assert doc["events"]


def test_stdin_dash_reads_piped_text(run_dyad: RunDyad) -> None:
    result = run_dyad("code", "-", "--date", EXAMPLE_DATE, input=PLAIN_ACCUSATION + "\n")
    assert result.returncode == 0, result.stderr
    (doc,) = jsonl_docs(result.stdout)
    assert doc["id"] == "stdin"
    assert doc["date"] == EXAMPLE_DATE
    assert doc["events"]


# --------------------------------------------------------------------- JSONL and CSV input


@pytest.fixture(scope="module")
def jsonl_input_docs(run_dyad: RunDyad, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """Three JSONL documents a, b, c coded; b has a date, c an extra field."""
    path = write_jsonl(
        tmp_path_factory.mktemp("jsonl") / "three.jsonl",
        {"id": "a", "text": PLAIN_ACCUSATION},
        {
            "id": "b",
            "text": "Turkey offered to mediate between Russia and Ukraine.",
            "date": "2021-03-04",
        },
        {"id": "c", "text": "Germany criticized Poland.", "desk": "europe"},
    )
    result = run_dyad("code", path)
    assert result.returncode == 0, result.stderr
    return jsonl_docs(result.stdout)


def test_jsonl_input_gives_one_document_per_line_in_order(jsonl_input_docs: list[dict]) -> None:
    assert [d["id"] for d in jsonl_input_docs] == ["a", "b", "c"]


def test_jsonl_input_keeps_a_record_date(jsonl_input_docs: list[dict]) -> None:
    assert jsonl_input_docs[1]["date"] == "2021-03-04"


def test_jsonl_input_passes_extra_fields_into_meta(jsonl_input_docs: list[dict]) -> None:
    assert jsonl_input_docs[2]["meta"] == {"desk": "europe"}
    assert jsonl_input_docs[0]["meta"] == {}


def test_csv_input_with_named_columns(run_dyad: RunDyad, tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ident", "published", "body", "section"])
        w.writerow(["n1", "2020-02-03", PLAIN_ACCUSATION, "world"])
        w.writerow(["n2", "2020-02-04", "Germany criticized Poland.", "europe"])
    result = run_dyad(
        "code", path, "--text-col", "body", "--id-col", "ident", "--date-col", "published"
    )
    assert result.returncode == 0, result.stderr
    docs = jsonl_docs(result.stdout)
    assert [(d["id"], d["date"]) for d in docs] == [("n1", "2020-02-03"), ("n2", "2020-02-04")]
    assert [d["meta"] for d in docs] == [{"section": "world"}, {"section": "europe"}]
    assert docs[0]["events"]


# ------------------------------------------------------------------- user actor dictionary


def code_with_actors(run_dyad: RunDyad, actors: Path, date: str = "2022-01-25") -> list[dict]:
    result = run_dyad("code", "-", "--actors", actors, "--date", date, input=ACCUSATION)
    assert result.returncode == 0, result.stderr
    return jsonl_docs(result.stdout)


def test_user_actors_csv_entry_codes_the_source(run_dyad: RunDyad, tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("pattern,code\nZorblatt Republic,ZRB\n", encoding="utf-8")
    assert ZRB in source_codes(code_with_actors(run_dyad, actors))


def test_user_actors_yaml_entry_codes_the_source(run_dyad: RunDyad, tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text("- pattern: Zorblatt Republic\n  code: ZRB\n", encoding="utf-8")
    assert ZRB in source_codes(code_with_actors(run_dyad, actors))


@pytest.fixture
def dated_actors(tmp_path: Path) -> Path:
    """Zorblatt Republic is ZRB during 2020 only."""
    path = tmp_path / "dated.csv"
    path.write_text(
        "pattern,code,start,end\nZorblatt Republic,ZRB,2020-01-01,2020-12-31\n", encoding="utf-8"
    )
    return path


def test_dated_user_entry_applies_inside_its_dates(run_dyad: RunDyad, dated_actors: Path) -> None:
    assert ZRB in source_codes(code_with_actors(run_dyad, dated_actors, "2020-06-15"))


def test_dated_user_entry_does_not_apply_outside_its_dates(
    run_dyad: RunDyad, dated_actors: Path
) -> None:
    assert ZRB not in source_codes(code_with_actors(run_dyad, dated_actors, "2022-06-15"))


# ------------------------------------------------------------------------------ bad input


def assert_clean_failure(result: subprocess.CompletedProcess, name: str | Path) -> str:
    """A user error: non-zero exit, one 'dyad: ' line naming the file, no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dyad: ")
    assert str(name) in lines[0]
    return lines[0]


def _empty(d: Path) -> Path:
    (p := d / "empty.txt").write_bytes(b"")
    return p


def _whitespace(d: Path) -> Path:
    (p := d / "blank.txt").write_bytes(b"  \n\t\n   \n")
    return p


def _binary(d: Path) -> Path:
    (p := d / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IHDR\x00\x01")
    return p


def _bad_utf8(d: Path) -> Path:
    (p := d / "latin1.txt").write_bytes(
        b"Russia accused Ukraine.\nGermany criticized Poland.\nThe caf\xe9 was shut.\n"
    )
    return p


def _malformed_jsonl(d: Path) -> Path:
    p = d / "broken.jsonl"
    p.write_text(
        json.dumps({"id": "first", "text": PLAIN_ACCUSATION})
        + "\n"
        + '{"id": "second", "text": "unterminated\n'
        + json.dumps({"id": "third", "text": "Germany criticized Poland."})
        + "\n",
        encoding="utf-8",
    )
    return p


def _csv_without_text_col(d: Path) -> Path:
    (p := d / "columns.csv").write_text(
        "id,headline,content\n1,Hello,Russia accused Ukraine.\n", encoding="utf-8"
    )
    return p


def _missing(d: Path) -> Path:
    return d / "does-not-exist.txt"


def _too_large(d: Path) -> Path:
    """A plain-text file of about 3 MB: more characters than the 2,000,000 one document may
    have (the CLI has no option for the limit, so ingest's default applies)."""
    p = d / "huge.txt"
    sentence = b"Officials met in the capital to talk about the weather and the harvest. "
    p.write_bytes(sentence * (3_000_000 // len(sentence) + 1))
    return p


def _bad_actors(d: Path) -> Path:
    (p := d / "bad-actors.csv").write_text("pattern,code\nRussia,R1S\n", encoding="utf-8")
    return p


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "empty": (_empty, ()),
    "whitespace-only": (_whitespace, ()),
    "binary": (_binary, ()),
    "invalid-utf8": (_bad_utf8, ()),
    "malformed-jsonl": (_malformed_jsonl, ()),
    "missing-csv-column": (_csv_without_text_col, ("--text-col", "body")),
    "nonexistent": (_missing, ()),
    "too-large": (_too_large, ()),
    "bad-actors": (_bad_actors, ()),
}


class BadRun:
    def __init__(self, path: Path, result: subprocess.CompletedProcess, seconds: float):
        self.path = path
        self.result = result
        self.seconds = seconds


@pytest.fixture(scope="module")
def bad_run(run_dyad: RunDyad, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BadRun]:
    """run('case') codes one bad input of BAD_INPUTS, once per module."""
    cache: dict[str, BadRun] = {}

    def run(case: str) -> BadRun:
        if case not in cache:
            make, extra = BAD_INPUTS[case]
            path = make(tmp_path_factory.mktemp(case))
            args: tuple = ("code", path, "--format", "jsonl", *extra)
            if case == "bad-actors":
                args = ("code", "-", "--actors", path, "--format", "jsonl")
            t0 = time.monotonic()
            result = run_dyad(*args, input=PLAIN_ACCUSATION)
            cache[case] = BadRun(path, result, time.monotonic() - t0)
        return cache[case]

    return run


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_fails_with_one_line_naming_the_file(
    bad_run: Callable[[str], BadRun], case: str
) -> None:
    run = bad_run(case)
    assert_clean_failure(run.result, run.path)


def test_empty_file_is_reported_as_empty(bad_run: Callable[[str], BadRun]) -> None:
    assert "empty" in bad_run("empty").result.stderr


def test_whitespace_only_file_is_reported_as_empty(bad_run: Callable[[str], BadRun]) -> None:
    assert "empty" in bad_run("whitespace-only").result.stderr


def test_binary_file_is_reported_as_binary(bad_run: Callable[[str], BadRun]) -> None:
    assert "binary" in bad_run("binary").result.stderr


def test_invalid_utf8_names_line_3(bad_run: Callable[[str], BadRun]) -> None:
    message = bad_run("invalid-utf8").result.stderr
    assert "UTF-8" in message
    assert re.search(r":3:|line 3\b", message)


def test_malformed_jsonl_names_line_2(bad_run: Callable[[str], BadRun]) -> None:
    run = bad_run("malformed-jsonl")
    assert f"{run.path}:2:" in run.result.stderr


def test_malformed_jsonl_keeps_the_document_before_it(bad_run: Callable[[str], BadRun]) -> None:
    docs = jsonl_docs(bad_run("malformed-jsonl").result.stdout)
    assert [d["id"] for d in docs] == ["first"]


def test_missing_csv_column_lists_the_columns_present(bad_run: Callable[[str], BadRun]) -> None:
    message = bad_run("missing-csv-column").result.stderr
    assert "body" in message
    for column in ("id", "headline", "content"):
        assert column in message


def test_nonexistent_path_is_reported(bad_run: Callable[[str], BadRun]) -> None:
    assert "no such file" in bad_run("nonexistent").result.stderr


def test_too_large_text_is_refused_for_its_size(bad_run: Callable[[str], BadRun]) -> None:
    run = bad_run("too-large")
    assert run.path.stat().st_size > 2_000_000
    assert "limit" in run.result.stderr
    assert run.result.stdout.strip() == ""


def test_too_large_text_is_refused_quickly(bad_run: Callable[[str], BadRun]) -> None:
    assert bad_run("too-large").seconds < 20


def test_bad_actor_code_is_reported(bad_run: Callable[[str], BadRun]) -> None:
    assert "R1S" in bad_run("bad-actors").result.stderr


def test_skip_bad_goes_past_a_malformed_jsonl_line(run_dyad: RunDyad, tmp_path: Path) -> None:
    path = _malformed_jsonl(tmp_path)
    result = run_dyad("code", path, "--skip-bad", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in jsonl_docs(result.stdout)] == ["first", "third"]
    assert "skipped" in result.stderr
    assert f"{path}:2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_date_option_is_a_user_error_not_an_internal_error(run_dyad: RunDyad) -> None:
    result = run_dyad("code", "-", "--date", "2022-13-45", input=PLAIN_ACCUSATION)
    assert result.returncode == 2  # EXIT_INPUT, like every other user error
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("dyad: ")
    assert "2022-13-45" in lines[0]
    assert "internal error" not in lines[0]


# ------------------------------------------------------------------------------------ eval


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    """Two gold sentences: an accusation, and a sentence with no event at all."""
    return write_jsonl(
        tmp_path / "gold.jsonl",
        {
            "id": "g1",
            "text": PLAIN_ACCUSATION,
            "date": "2022-01-25",
            "events": [{"source": "RUS", "target": "UKR", "code": "112"}],
        },
        {
            "id": "g2",
            "text": "The weather in the north was mild and sunny on Tuesday.",
            "date": "2022-01-25",
            "events": [],
        },
    )


def test_eval_prints_a_report(run_dyad: RunDyad, gold_file: Path) -> None:
    result = run_dyad("eval", gold_file)
    assert result.returncode == 0, result.stderr
    assert "precision" in result.stdout
    assert "documents 2" in result.stdout


def test_eval_json_report(run_dyad: RunDyad, gold_file: Path) -> None:
    result = run_dyad("eval", gold_file, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"scores", "misses", "false_alarms"} <= report.keys()
    assert report["documents"] == 2
    assert report["gold_events"] == 1
    root_country = report["scores"]["root/country"]
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= root_country[key] <= 1.0


def test_code_reads_a_folder_with_an_html_page(run_dyad: RunDyad, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(PLAIN_ACCUSATION, encoding="utf-8")
    page = (
        "<html><head><title>Accusation</title></head><body><article><h1>Accusation</h1>"
        f"<p>{PLAIN_ACCUSATION} The statement came on Monday after a week of shelling.</p>"
        "</article></body></html>"
    )
    (folder / "sub" / "b.html").write_text(page, encoding="utf-8")
    result = run_dyad("code", folder, "--date", EXAMPLE_DATE, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    docs = jsonl_docs(result.stdout)
    assert len(docs) == 2
    assert all("RUS" in source_codes([d]) for d in docs)


def test_plover_ontology_leads_the_table_and_the_csv(run_dyad: RunDyad, example_path: Path) -> None:
    table = run_dyad(
        "code", example_path, "--date", EXAMPLE_DATE, "--ontology", "plover", "--format", "table"
    )
    assert table.returncode == 0, table.stderr
    assert "[CAMEO " in table.stdout
    csv_out = run_dyad(
        "code", example_path, "--date", EXAMPLE_DATE, "--ontology", "plover", "--format", "csv"
    )
    header = csv_out.stdout.splitlines()[0].split(",")
    assert header.index("plover") < header.index("code")
    assert set(header) == set(CSV_COLUMNS)


def test_table_lists_the_quotations_with_their_speakers(
    run_dyad: RunDyad, example_path: Path
) -> None:
    result = run_dyad("code", example_path, "--date", EXAMPLE_DATE, "--format", "table")
    assert "quotes (" in result.stdout
    assert "TURGOV Erdogan said (direct)" in result.stdout
