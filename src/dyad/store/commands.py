"""The ``dyad ingest`` and ``dyad export`` subcommands: their flags and what they run.

Kept out of ``cli.py`` so the store's command line lives with the store; ``cli.py`` only calls
``add_parsers`` and dispatches to ``COMMANDS``. Errors are ``InputError`` or ``StoreError``,
which ``cli.main`` turns into one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from dyad.ingest import InputError, add_read_arguments, read_options
from dyad.ingest.dates import normalize_date
from dyad.store.errors import StoreError
from dyad.store.export import FORMATS as EXPORT_FORMATS

DEFAULT_DB = "dyad.duckdb"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add ``ingest`` and ``export`` to the ``dyad`` command's subparsers."""
    i = sub.add_parser("ingest", help="code documents into an event store (DuckDB file)")
    i.add_argument("paths", nargs="+", help="files or folders (.txt .md .jsonl .csv .html .htm)")
    i.add_argument("--db", default=DEFAULT_DB, help="store file (default: %(default)s)")
    i.add_argument("--workers", type=int, default=1, help="coding processes (default: 1)")
    i.add_argument("--batch", type=int, default=64, help="documents per commit (default: 64)")
    add_read_arguments(i)
    i.add_argument("--actors", help="user actor dictionary, as for dyad code")
    i.add_argument(
        "-v", "--verbose", action="store_true", help="one line on stderr per committed batch"
    )

    x = sub.add_parser("export", help="write the events of a store as JSONL, CSV or Parquet")
    x.add_argument("--db", default=DEFAULT_DB, help="store file (default: %(default)s)")
    x.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    x.add_argument("-o", "--output", help="write here instead of stdout (needed for parquet)")
    x.add_argument("--from", dest="date_from", help="first event date, YYYY-MM-DD")
    x.add_argument("--to", dest="date_to", help="last event date, YYYY-MM-DD (included)")
    x.add_argument("--actor", action="append", help="source or target code starts with this")
    x.add_argument("--country", action="append", help="actor or place in this ISO3 country")
    x.add_argument("--root", action="append", help="CAMEO root, 01-20")
    x.add_argument("--code", action="append", help="CAMEO code starts with this")
    x.add_argument("--quad", action="append", help="quad class 1-4")


def _positive(name: str, value: int) -> None:
    if value < 1:
        raise StoreError(f"--{name} {value}: must be at least 1")


def cmd_ingest(args: argparse.Namespace) -> int:
    from dyad.store.ingest import IngestSummary, ingest
    from dyad.store.store import open_store

    if args.date is not None and normalize_date(args.date) != args.date:
        raise StoreError(f"--date {args.date!r}: not a date (expected YYYY-MM-DD)")
    _positive("workers", args.workers)
    _positive("batch", args.batch)
    opts = read_options(args)

    def report(err: InputError) -> None:
        print(f"dyad: skipped {err}", file=sys.stderr)

    def committed(n: int, s: IngestSummary) -> None:
        print(f"dyad: committed {n} documents ({s.new} new so far)", file=sys.stderr, flush=True)

    with open_store(args.db) as store:
        summary = ingest(
            args.paths,
            store,
            opts,
            workers=args.workers,
            batch=args.batch,
            skip_bad=args.skip_bad,
            on_skip=report,
            actors=args.actors,
            on_commit=committed if args.verbose else None,
        )
    print(f"dyad: {summary.line()}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from dyad.store.export import export
    from dyad.store.store import open_store

    with open_store(args.db, read_only=True) as store:
        n = export(
            store,
            args.format,
            args.output,
            date_from=args.date_from,
            date_to=args.date_to,
            actor=args.actor,
            country=args.country,
            root=args.root,
            code=args.code,
            quad=args.quad,
        )
    if args.output:
        print(f"dyad: {n} events -> {args.output}", file=sys.stderr)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": cmd_ingest,
    "export": cmd_export,
}
