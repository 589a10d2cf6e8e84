"""The ``dyad`` command line: ``dyad code``, ``dyad eval`` and ``dyad lexicon``.

Every failure the user can cause (bad input, a bad actor dictionary) ends in one line on stderr
naming the file and the problem, a non-zero exit, and no traceback; whatever was coded before it
is already written. ``DYAD_DEBUG=1`` shows tracebacks for bugs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence

from dyad import __version__
from dyad.analytics import commands as analytics_commands
from dyad.ingest import InputError, add_read_arguments, read_inputs, read_options
from dyad.ingest.dates import normalize_date
from dyad.model import InputDocument
from dyad.output import FORMATS, ONTOLOGIES, make_writer
from dyad.resources import DataError
from dyad.store import commands as store_commands

EXIT_INPUT = 2
EXIT_INTERRUPTED = 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dyad",
        description="Political event data from news text: who did what to whom (CAMEO).",
    )
    p.add_argument("--version", action="version", version=f"dyad {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("code", help="code documents into events, actors and mentions")
    c.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        help="text, JSONL, CSV or HTML files, folders; - for stdin",
    )
    add_read_arguments(c)
    c.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
    c.add_argument("--actors", help="user actor dictionary: CSV pattern,code[,start,end] or YAML")
    c.add_argument(
        "--ontology",
        choices=ONTOLOGIES,
        default="cameo",
        help="which event types lead the table and CSV (default: %(default)s)",
    )
    c.add_argument("-o", "--output", help="write here instead of stdout")

    e = sub.add_parser("eval", help="score dyad against a gold JSONL file")
    e.add_argument("gold", help="gold JSONL: dyad input plus events annotations")
    e.add_argument("--actors", help="user actor dictionary, as for dyad code")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument(
        "--no-context",
        action="store_true",
        help="code each gold sentence alone, ignoring its article context",
    )
    e.add_argument("--errors", type=int, default=40, help="how many misses/false alarms to list")
    lx = sub.add_parser("lexicon", help="lexicon entries and tests per CAMEO code")
    lx.add_argument("--missing", action="store_true", help="list only codes with no entry")
    lx.add_argument("--json", action="store_true", help="print rows as JSON")
    lx.add_argument(
        "--tests",
        action="append",
        help="a phrasing test file to count per code; repeatable "
        "(default: tests/data/phrasings*.yaml, if present)",
    )
    store_commands.add_parsers(sub)  # ingest, export
    analytics_commands.add_parsers(sub)  # dyads, alerts
    return p


def cmd_lexicon(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dyad.cameo import load_ontology
    from dyad.events import default_lexicon
    from dyad.events.coverage import coverage, format_coverage

    if args.tests:
        tests = [Path(t) for t in args.tests]
        missing = [str(t) for t in tests if not t.is_file()]
        if missing:
            raise InputError(missing[0], None, "no such phrasing test file")
    else:
        tests = sorted(Path("tests/data").glob("phrasings*.yaml"))
    rows = coverage(default_lexicon(), load_ontology(), tests)
    if args.json:
        print(json.dumps([{**r.__dict__, "entries": r.entries} for r in rows], indent=2))
    else:
        print(format_coverage(rows, args.missing))
    return 0


def _documents(args: argparse.Namespace) -> Iterator[InputDocument]:
    yield from read_inputs(
        args.paths,
        read_options(args),
        skip_bad=args.skip_bad,
        on_skip=lambda err: print(f"dyad: skipped {err}", file=sys.stderr),
    )


def _check_date(value: str | None) -> None:
    if value is not None and normalize_date(value) != value:
        raise DataError(f"--date {value!r}: not a date (expected YYYY-MM-DD)")


def cmd_code(args: argparse.Namespace) -> int:
    from dyad.pipeline import Coder

    _check_date(args.date)

    fmt = args.format or ("table" if sys.stdout.isatty() and not args.output else "jsonl")
    coder = Coder(actors=args.actors)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    writer = make_writer(fmt, out, args.ontology)
    try:
        for doc in coder.pipe(_documents(args), batch_size=32):
            writer.write(doc)
    finally:
        writer.close()
        if args.output:
            out.close()
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from dyad.evaluate import (
        code_gold,
        format_mentions,
        format_report,
        read_gold,
        score,
        score_mentions,
    )
    from dyad.evaluate.quotes import format_quotes, score_quotes
    from dyad.pipeline import Coder

    try:
        with open(args.gold, encoding="utf-8") as fh:
            gold = read_gold(fh)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(args.gold, None, f"cannot read gold file ({exc})") from None
    coder = Coder(actors=args.actors)
    docs = code_gold(coder, gold, context=not args.no_context)
    report = score(gold, docs)
    mentions = score_mentions(gold, docs) if any(g.mentions is not None for g in gold) else None
    quotes = score_quotes(gold, docs) if any(g.quotes is not None for g in gold) else None
    if args.json:
        out = report.to_dict()
        if mentions is not None:
            out["mentions"] = mentions.to_dict()
        if quotes is not None:
            out["quotes"] = quotes.to_dict()
        print(json.dumps(out, indent=2))
    else:
        if report.documents:
            print(format_report(report, args.errors))
        if mentions is not None:
            print(format_mentions(mentions, args.errors))
        if quotes is not None:
            print(format_quotes(quotes, args.errors))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {
        "code": cmd_code,
        "eval": cmd_eval,
        "lexicon": cmd_lexicon,
        **store_commands.COMMANDS,
        **analytics_commands.COMMANDS,
    }[args.command]
    try:
        return handler(args)
    except (InputError, DataError) as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("dyad: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line unless debugging
        if os.environ.get("DYAD_DEBUG"):
            raise
        print(
            f"dyad: internal error: {type(exc).__name__}: {exc} (DYAD_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
