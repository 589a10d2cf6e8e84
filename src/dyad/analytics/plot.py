"""Charts of dyad series: cooperation and conflict lines over time, PNG or self-contained HTML.

Drawn with matplotlib's object API (no pyplot, no GUI backend), one panel per dyad, the busiest
dyads first. ``metric="count"`` draws event counts (cooperation = quad 1+2, conflict = quad
3+4); ``metric="goldstein"`` draws Goldstein sums, cooperation above zero and conflict below.
Periods without events are drawn as 0. HTML embeds the chart as inline SVG: no network.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Literal

import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from dyad.resources import DataError

COOP, CONFLICT = "#2b7bba", "#d7301f"
FREQ = {"day": "D", "week": "W-MON", "month": "MS"}


def _frame(df: pd.DataFrame, by: str, metric: str) -> dict[tuple[str, str], pd.DataFrame]:
    """Per dyad, a zero-filled frame of cooperation and conflict values over the whole span."""
    if metric == "count":
        coop = df["q1"] + df["q2"]
        conf = df["q3"] + df["q4"]
    else:
        coop, conf = df["coop_goldstein"], df["conflict_goldstein"]
    data = pd.DataFrame(
        {
            "period": pd.to_datetime(df["period"]),
            "actor1": df["actor1"],
            "actor2": df["actor2"],
            "coop": coop.astype(float),
            "conflict": conf.astype(float),
        }
    )
    span = pd.date_range(data["period"].min(), data["period"].max(), freq=FREQ[by])
    out = {}
    for (a1, a2), part in data.groupby(["actor1", "actor2"], sort=False):
        out[(a1, a2)] = part.set_index("period")[["coop", "conflict"]].reindex(span, fill_value=0.0)
    return out


def draw(
    df: pd.DataFrame,
    by: str,
    metric: Literal["count", "goldstein"] = "count",
    max_dyads: int = 6,
    undirected: bool = False,
) -> Figure:
    """A figure with one panel per dyad (the ``max_dyads`` with most events)."""
    if df.empty:
        raise DataError("nothing to plot: no dyadic events match")
    totals = df.groupby(["actor1", "actor2"])["events"].sum().sort_values(ascending=False)
    keep = [k for k in totals.index[:max_dyads]]
    frames = _frame(df, by, metric)
    fig = Figure(figsize=(9, 2.4 * len(keep) + 0.6), layout="constrained")
    axes = fig.subplots(len(keep), 1, sharex=True, squeeze=False)[:, 0]
    arrow = "–" if undirected else "→"
    unit = "events" if metric == "count" else "Goldstein sum"
    for ax, key in zip(axes, keep, strict=True):
        f = frames[key]
        ax.plot(f.index, f["coop"], color=COOP, lw=1.8, label="cooperation (quad 1+2)")
        ax.plot(f.index, f["conflict"], color=CONFLICT, lw=1.8, label="conflict (quad 3+4)")
        if metric == "goldstein":
            ax.axhline(0, color="#888888", lw=0.8)
        ax.set_title(f"{key[0]} {arrow} {key[1]}  ({int(totals[key])} events)", loc="left")
        ax.set_ylabel(f"{unit} per {by}")
        ax.grid(True, alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside upper right", frameon=False, ncols=2)
    loc = AutoDateLocator()
    axes[-1].xaxis.set_major_locator(loc)
    axes[-1].xaxis.set_major_formatter(ConciseDateFormatter(loc))
    if len(totals) > len(keep):
        fig.suptitle(f"{len(keep)} busiest of {len(totals)} dyads", x=0.01, ha="left")
    return fig


def save_plot(fig: Figure, path: str | Path, title: str = "dyad") -> None:
    """Write the figure as PNG, or as HTML with the chart inline (by the file's extension)."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext == ".png":
        fig.savefig(p, format="png", dpi=110)
    elif ext in (".html", ".htm"):
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        svg = buf.getvalue()
        svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype
        p.write_text(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;margin:1.5em}svg{max-width:100%;height:auto}"
            "</style></head>\n<body>\n"
            f'<h1 style="font-size:1.2em">{html.escape(title)}</h1>\n{svg}\n</body></html>\n',
            encoding="utf-8",
        )
    else:
        raise DataError(f"--plot {path}: expected a .png or .html file")
