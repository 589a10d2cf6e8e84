"""Ingest speed: the wikinews-2019 corpus into a fresh store with 1 and 2 workers, same run.

    python bench/ingest.py [--workers 1 2] [--batch 64]

Runs ``dyad ingest tests/data/wikinews-2019.csv --db FRESH --workers N`` as a real command for
each N and times it end to end (start-up and model loading included, as a user waits for it).
Checks that every run stores the same documents and events. Prints a markdown table and writes
``bench/out/ingest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "wikinews-2019.csv"
OUT = ROOT / "bench" / "out" / "ingest.json"


def run(workers: int, batch: int, db: Path) -> dict[str, float | int]:
    """One ingest into a fresh file: wall seconds and what it stored."""
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", str(CORPUS), "--db", str(db)]
    cmd += ["--workers", str(workers), "--batch", str(batch)]
    env = {k: v for k, v in os.environ.items() if k != "DYAD_DEBUG"}
    start = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if res.returncode != 0:
        sys.exit(f"ingest failed: {res.stderr.strip()}")
    con = duckdb.connect(str(db), read_only=True)
    docs, events = con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)"
    ).fetchall()[0]
    con.close()
    return {
        "workers": workers,
        "documents": docs,
        "events": events,
        "seconds": round(seconds, 2),
        "documents_per_s": round(docs / seconds, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.workers:
            rows.append(run(n, args.batch, Path(tmp) / f"w{n}.duckdb"))
    if len({(r["documents"], r["events"]) for r in rows}) != 1:
        sys.exit(f"runs stored different rows: {rows}")

    print("| workers | documents | events | seconds (end to end) | documents/s |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['workers']} | {r['documents']} | {r['events']} | {r['seconds']} "
            f"| {r['documents_per_s']} |"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "corpus": CORPUS.name,
                "batch": args.batch,
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "runs": rows,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
