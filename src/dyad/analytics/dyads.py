"""Dyad time series: how the relation between two actors moves, period by period.

Per dyad (actor1 -> actor2, or the unordered pair with ``undirected``) and period: the number
of events, the counts per quad class (q1 verbal cooperation, q2 material cooperation, q3 verbal
conflict, q4 material conflict), the Goldstein sum and mean, the share of material conflict
(q4 / events), and the Goldstein sums of the cooperation (q1+q2) and conflict (q3+q4) events
that the chart draws. Every factual dyadic event counts once per article that reports it.
"""

from __future__ import annotations

import csv
import json
import math
from typing import Any, TextIO

import duckdb
import pandas as pd

from dyad.analytics.base import Period, Selection

COLUMNS = (
    "period",
    "actor1",
    "actor2",
    "events",
    "q1",
    "q2",
    "q3",
    "q4",
    "goldstein_sum",
    "goldstein_mean",
    "material_conflict_share",
    "coop_goldstein",
    "conflict_goldstein",
)


def dyad_series(
    con: duckdb.DuckDBPyConnection, by: Period = "week", selection: Selection | None = None
) -> pd.DataFrame:
    """One row per dyad and period with events in it, ordered by dyad then period."""
    sel = selection or Selection()
    sql = f"""
        SELECT period, actor1, actor2, count(*) AS events,
               count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2,
               count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad = 4) / count(*) AS material_conflict_share,
               coalesce(sum(goldstein) FILTER (WHERE quad IN (1, 2)), 0) AS coop_goldstein,
               coalesce(sum(goldstein) FILTER (WHERE quad IN (3, 4)), 0) AS conflict_goldstein
        FROM ({sel.events_sql(by)})
        GROUP BY ALL
        ORDER BY actor1, actor2, period
    """
    return con.execute(sql).df()


def _cell(v: Any) -> Any:
    """A JSON/CSV-friendly value: dates as YYYY-MM-DD, floats rounded, NaN as None."""
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if isinstance(v, float):
        return None if math.isnan(v) else round(v, 4)
    if hasattr(v, "item"):  # numpy scalars
        return _cell(v.item())
    return v


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as plain dicts (what the json and csv formats write)."""
    cols = list(df.columns)
    return [dict(zip(cols, map(_cell, row), strict=True)) for row in df.itertuples(index=False)]


def write_series(df: pd.DataFrame, fmt: str, out: TextIO) -> None:
    """Write a dyad series as an aligned table, CSV or a JSON array."""
    rows = records(df)
    if fmt == "json":
        json.dump(rows, out, indent=1)
        out.write("\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(df.columns), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        out.write(format_table(rows))


def format_table(rows: list[dict[str, Any]]) -> str:
    """The main columns, aligned, for people."""
    head = ("period", "actor1", "actor2", "events", "q1", "q2", "q3", "q4", "gold_sum", "gold_mean",
            "q4_share")  # fmt: skip
    keys = ("period", "actor1", "actor2", "events", "q1", "q2", "q3", "q4", "goldstein_sum",
            "goldstein_mean", "material_conflict_share")  # fmt: skip
    if not rows:
        return "no dyadic events match\n"
    body = [
        [("" if r[k] is None else f"{r[k]:.2f}" if isinstance(r[k], float) else str(r[k]))
         for k in keys]
        for r in rows
    ]  # fmt: skip
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    numeric = [i >= 3 for i in range(len(head))]
    lines = []
    for cells in [list(head), *body]:
        lines.append(
            "  ".join(
                c.rjust(w) if num else c.ljust(w)
                for c, w, num in zip(cells, widths, numeric, strict=True)
            ).rstrip()
        )
    return "\n".join(lines) + "\n"
