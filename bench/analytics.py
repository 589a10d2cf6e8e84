"""Analysis queries on one million synthetic events: dyad series, alerts, grouping, GDELT.

    python bench/analytics.py [--events 1000000] [--repeat 3] [--db PATH]

Builds a DuckDB store with the layout of ``store/schema.sql`` entirely in SQL (from
``range()``): 100,000 documents from 40 outlets over two years, ten events each, between 60
countries and their government, military and police (a few dyads get most events, as in the
news), CAMEO codes drawn from the package's code table with their Goldstein scores and quad
classes, 10% non-factual modalities, half of the events with a place. Then times the library
functions behind ``dyad dyads`` and ``dyad alerts`` (best of ``--repeat``, after one warm-up
run) and, once each, cross-article grouping and the GDELT export. Prints a markdown table and
writes ``bench/out/analytics.json``. Target from issue 6: dyad and alert queries under 1 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from dyad.analytics import Selection, dyad_series, find_alerts, group_events, write_gdelt
from dyad.resources import data_path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "src" / "dyad" / "store" / "schema.sql"
COUNTRIES = (
    "USA", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "TUR", "IRN", "ISR", "PSE", "SYR", "IRQ",
    "AFG", "PAK", "IND", "JPN", "KOR", "PRK", "SAU", "EGY", "LBN", "YEM", "QAT", "ARE", "JOR",
    "LBY", "SDN", "ETH", "SOM", "NGA", "KEN", "ZAF", "BRA", "VEN", "COL", "MEX", "CAN", "AUS",
    "IDN", "PHL", "THA", "MMR", "VNM", "MYS", "BLR", "POL", "HUN", "ITA", "ESP", "NLD", "BEL",
    "SWE", "NOR", "FIN", "GEO", "ARM", "AZE", "KAZ", "SRB",
)  # fmt: skip
SECTORS = ("", "", "GOV", "MIL", "COP")


def build(con: duckdb.DuckDBPyConnection, n_events: int) -> None:
    """Fill an empty store with ``n_events`` synthetic events (about ten per document)."""
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    codes = data_path("cameo", "codes.tsv")
    places = data_path("places", "places.tsv")
    n_docs = max(n_events // 10, 1)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    sectors = "[" + ", ".join(f"'{s}'" for s in SECTORS) + "]"
    con.execute(f"""
        CREATE TEMP TABLE codes AS
        SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, root, goldstein, quad_class,
               label
        FROM read_csv('{codes}', delim = '\\t', header = true, all_varchar = true,
                      quote = '') WHERE length(code) >= 3
    """)
    con.execute(f"""
        CREATE TEMP TABLE places AS
        SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, name, country, admin1,
               CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon
        FROM read_csv('{places}', delim = '\\t', header = true, all_varchar = true, quote = '')
    """)
    n_codes = con.execute("SELECT count(*) FROM codes").fetchone()[0]
    n_places = con.execute("SELECT count(*) FROM places").fetchone()[0]
    con.execute(f"""
        INSERT INTO documents (doc_key, id, url, source, date, text, ingested_at)
        SELECT sha256(CAST(i AS VARCHAR)), 'doc-' || i, 'https://outlet' || (i % 40) ||
               '.example/' || i, 'outlet' || (i % 40),
               DATE '2023-01-01' + CAST(floor(730 * (i / {n_docs})) AS INTEGER),
               'synthetic', TIMESTAMP '2025-01-01 00:00:00'
        FROM range({n_docs}) t(i)
    """)
    # Skewed actors: the square of a uniform number picks low indexes (USA, RUS, ...) often.
    con.execute(f"""
        INSERT INTO events (doc_key, n, source_code, source_name, target_code, target_name,
                            code, root, label, goldstein, quad_class, modality, sentence,
                            sentence_text, date, date_precision, place_id, place_name,
                            place_country, place_admin1, lat, lon)
        WITH r AS (
            SELECT i, i // 10 AS doc, i % 10 AS n,
                   hash(i, 1) % 1000000 / 1e6 AS u1, hash(i, 2) % 1000000 / 1e6 AS u2,
                   CAST(hash(i, 3) % {len(SECTORS)} AS BIGINT) AS s1,
                   CAST(hash(i, 4) % {len(SECTORS)} AS BIGINT) AS s2,
                   CAST(hash(i, 5) % {n_codes} AS BIGINT) AS c,
                   CAST(hash(i, 6) % 100 AS BIGINT) AS m,
                   CAST(hash(i, 7) % {n_places} AS BIGINT) AS p,
                   CAST(hash(i, 8) % 4 AS BIGINT) AS back
            FROM range({n_events}) t(i)
        ),
        a AS (
            SELECT *, {countries}[1 + CAST(floor(u1 * u1 * {len(COUNTRIES)}) AS INTEGER)] AS c1,
                   {countries}[1 + CAST(floor(u2 * u2 * {len(COUNTRIES)}) AS INTEGER)] AS c2
            FROM r
        )
        SELECT d.doc_key, a.n, a.c1 || {sectors}[1 + a.s1], a.c1,
               CASE WHEN a.c2 = a.c1 THEN NULL ELSE a.c2 || {sectors}[1 + a.s2] END, a.c2,
               k.code, k.root, k.label, CAST(k.goldstein AS DOUBLE),
               CAST(k.quad_class AS INTEGER),
               CASE WHEN a.m < 90 THEN 'asserted' WHEN a.m < 95 THEN 'claimed'
                    ELSE 'negated' END,
               a.n, 'Synthetic sentence ' || a.i, d.date - CAST(a.back AS INTEGER), 'day',
               pl.id, pl.name, pl.country, pl.admin1, pl.lat, pl.lon
        FROM a JOIN documents d ON d.id = 'doc-' || a.doc
        JOIN codes k ON k.i = a.c
        LEFT JOIN places pl ON pl.i = a.p AND a.m % 2 = 0
    """)
    con.execute("CHECKPOINT")


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs after one warm-up run, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", help="keep the store here (default: a temporary file)")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    t0 = time.perf_counter()
    build(con, args.events)
    build_s = time.perf_counter() - t0
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]

    rows: list[dict[str, Any]] = []

    def timed(name: str, command: str, fn: Callable[[], Any], size: Callable[[Any], str]) -> None:
        secs, result = best(fn, args.repeat)
        rows.append(
            {"query": name, "command": command, "seconds": round(secs, 3), "result": size(result)}
        )

    pair = Selection(actors=("RUS", "UKR"), undirected=True)
    timed(
        "dyad series, every dyad, weekly",
        "dyad dyads --by week",
        lambda: dyad_series(con, "week"),
        lambda df: f"{len(df):,} rows",
    )
    timed(
        "dyad series, RUS-UKR, daily",
        "dyad dyads --by day --actor RUS --actor UKR --undirected",
        lambda: dyad_series(con, "day", pair),
        lambda df: f"{len(df):,} rows",
    )
    timed(
        "dyad series, country level, monthly",
        "dyad dyads --by month --level country",
        lambda: dyad_series(con, "month", Selection(level="country")),
        lambda df: f"{len(df):,} rows",
    )
    timed(
        "alerts, dyads of RUS, weekly",
        "dyad alerts --actor RUS",
        lambda: find_alerts(con, selection=Selection(actors=("RUS",))),
        lambda a: f"{len(a):,} alerts",
    )
    timed(
        "alerts, every dyad, weekly",
        "dyad alerts",
        lambda: find_alerts(con),
        lambda a: f"{len(a):,} alerts",
    )
    timed(
        "alerts, country level, monthly",
        "dyad alerts --by month --level country",
        lambda: find_alerts(con, "month", selection=Selection(level="country")),
        lambda a: f"{len(a):,} alerts",
    )

    t0 = time.perf_counter()
    grouping = group_events(con)
    rows.append(
        {
            "query": "cross-article grouping (once)",
            "command": "group_events(con)",
            "seconds": round(time.perf_counter() - t0, 3),
            "result": f"{grouping.groups:,} groups",
        }
    )
    t0 = time.perf_counter()
    gdelt_rows = write_gdelt(con, io.StringIO())
    rows.append(
        {
            "query": "GDELT export (once)",
            "command": "write_gdelt(con, out)",
            "seconds": round(time.perf_counter() - t0, 3),
            "result": f"{gdelt_rows:,} rows",
        }
    )
    con.close()

    print(f"{n_events:,} synthetic events (built in {build_s:.1f} s), best of {args.repeat}:\n")
    print("| query | command | seconds | result |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['query']} | `{r['command']}` | {r['seconds']:.3f} | {r['result']} |")
    result = {
        "events": n_events,
        "repeat": args.repeat,
        "build_seconds": round(build_s, 1),
        "rows": rows,
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "duckdb": duckdb.__version__,
        },
    }
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "analytics.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    tmp.cleanup()


if __name__ == "__main__":
    main()
