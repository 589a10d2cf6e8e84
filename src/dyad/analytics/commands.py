"""The ``dyad dyads`` and ``dyad alerts`` commands: options and what they run.

``cli.py`` only registers these; the logic stays with the analyses. Bad options and files end
as ``InputError`` or ``DataError`` (one line on stderr, exit 2, from ``cli.main``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dyad.analytics.base import PERIODS, Selection, open_db, parse_day
from dyad.resources import DataError


def _selection_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="dyad.duckdb", help="dyad store (default: %(default)s)")
    p.add_argument(
        "--actor",
        action="append",
        default=[],
        help="actor code prefix (RUS matches RUSGOV); once: its dyads; twice: the pair",
    )
    p.add_argument("--from", dest="start", help="first day YYYY-MM-DD")
    p.add_argument("--to", dest="end", help="last day YYYY-MM-DD (included)")
    p.add_argument("--undirected", action="store_true", help="merge A->B and B->A")
    p.add_argument(
        "--level",
        choices=("full", "country"),
        default="full",
        help="name actors by full code or by country (first three letters)",
    )
    p.add_argument(
        "--background",
        action="store_true",
        help="also count events dated well before their article (left out by default)",
    )


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register ``dyads`` and ``alerts`` on the main parser's subcommands."""
    d = sub.add_parser("dyads", help="dyad time series from a store: counts by quad, Goldstein")
    _selection_args(d)
    d.add_argument("--by", choices=PERIODS, default="week", help="period (default: %(default)s)")
    d.add_argument("--format", choices=("table", "csv", "json"), default="table")
    d.add_argument("--plot", help="also draw cooperation and conflict lines: out.png or out.html")
    d.add_argument(
        "--plot-metric",
        choices=("count", "goldstein"),
        default="count",
        help="what the chart draws (default: %(default)s)",
    )
    d.add_argument("-o", "--output", help="write the series here instead of stdout")

    a = sub.add_parser("alerts", help="dyads whose conflict rises above their own baseline")
    _selection_args(a)
    a.add_argument("--by", choices=PERIODS, default="week", help="period (default: %(default)s)")
    a.add_argument("--window", type=int, default=8, help="baseline periods (default: 8)")
    a.add_argument("--z", type=float, default=2.0, help="z-score threshold (default: 2.0)")
    a.add_argument(
        "--min-events", type=int, default=3, help="conflict events in the period (default: 3)"
    )
    a.add_argument("--evidence", type=int, default=5, help="events listed per alert (default: 5)")
    a.add_argument("--format", choices=("table", "json"), default="table")


def _selection(args: argparse.Namespace) -> Selection:
    return Selection(
        actors=tuple(args.actor),
        start=parse_day(args.start, "--from"),
        end=parse_day(args.end, "--to"),
        undirected=args.undirected,
        level=args.level,
        background=args.background,
    )


def cmd_dyads(args: argparse.Namespace) -> int:
    """Print the dyad series (and draw it with ``--plot``)."""
    from dyad.analytics.dyads import dyad_series, write_series

    sel = _selection(args)
    if args.plot and Path(args.plot).suffix.lower() not in (".png", ".html", ".htm"):
        raise DataError(f"--plot {args.plot}: expected a .png or .html file")
    con = open_db(args.db)
    try:
        df = dyad_series(con, args.by, sel)
    finally:
        con.close()
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            write_series(df, args.format, out)
    else:
        write_series(df, args.format, sys.stdout)
    if args.plot:
        from dyad.analytics.plot import draw, save_plot

        fig = draw(df, args.by, args.plot_metric, undirected=args.undirected)
        title = f"dyad: cooperation and conflict per {args.by} ({Path(args.db).name})"
        save_plot(fig, args.plot, title)
        print(f"dyad: chart written to {args.plot}", file=sys.stderr)
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    """Print conflict alerts with their evidence."""
    from dyad.analytics.alerts import find_alerts, format_alerts

    if args.window < 2:
        raise DataError(f"--window {args.window}: needs at least 2 periods")
    sel = _selection(args)
    con = open_db(args.db)
    try:
        alerts = find_alerts(
            con, args.by, args.window, args.z, args.min_events, sel, max(args.evidence, 0)
        )
    finally:
        con.close()
    if args.format == "json":
        print(json.dumps([a.to_dict() for a in alerts], indent=1, ensure_ascii=False))
    else:
        sys.stdout.write(format_alerts(alerts))
    return 0


COMMANDS = {"dyads": cmd_dyads, "alerts": cmd_alerts}
