"""Conflict alerts: dyads whose conflict rises above their own recent baseline.

Method (rolling z-score). For each dyad and period, the conflict intensity is the sum of
``-goldstein`` over its verbal and material conflict events (quad 3 and 4), so one attack
(-10) weighs more than one accusation (-2). Periods without events count as 0, from the first
period of the selected data to the last, so a dyad that was quiet while the corpus was
covering other news has a baseline of zeros. A period raises an alert when

- it has at least ``min_events`` conflict events,
- a full baseline exists: the ``window`` periods before it lie inside the data, and
- ``z = (x - mean) / max(sd, 1)`` is at least ``z``, where mean and sd (population) are those
  of the ``window`` periods before it (the floor of 1 Goldstein point keeps a flat, quiet
  baseline from turning every small rise into an infinite score).

Each alert lists the conflict events of its period, most negative Goldstein first, with their
document and sentence: the evidence an analyst checks before believing the number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from dyad.analytics.base import Period, Selection

SD_FLOOR = 1.0


@dataclass
class Evidence:
    """One conflict event behind an alert."""

    doc_id: str | None
    url: str | None
    date: str
    source: str
    target: str
    code: str
    label: str | None
    goldstein: float
    sentence: str | None


@dataclass
class Alert:
    """A dyad and period whose conflict stands out from the periods before it."""

    actor1: str
    actor2: str
    period: str
    events: int  # conflict events (quad 3 and 4) in the period
    conflict: float  # sum of -goldstein over them
    baseline_mean: float
    baseline_sd: float
    z: float
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_alerts(
    con: duckdb.DuckDBPyConnection,
    by: Period = "week",
    window: int = 8,
    z: float = 2.0,
    min_events: int = 3,
    selection: Selection | None = None,
    evidence: int = 5,
) -> list[Alert]:
    """Alerts ordered by period then score (highest first), each with up to ``evidence`` events."""
    if window < 2:
        raise ValueError("window must be at least 2 periods")
    sel = selection or Selection()
    base = sel.events_sql(by)
    sql = f"""
        WITH ev AS ({base}),
        span AS (SELECT min(period) AS lo, max(period) AS hi FROM ev),
        periods AS (
            SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 {by})) AS DATE) AS period
            FROM span WHERE lo IS NOT NULL
        ),
        pc AS (
            SELECT actor1, actor2, period, count(*) AS n, sum(-goldstein) AS x
            FROM ev WHERE quad IN (3, 4) GROUP BY ALL
        ),
        cand AS (SELECT DISTINCT actor1, actor2 FROM pc WHERE n >= {int(min_events)}),
        grid AS (
            SELECT c.actor1, c.actor2, p.period, coalesce(pc.n, 0) AS n, coalesce(pc.x, 0) AS x
            FROM cand c CROSS JOIN periods p
            LEFT JOIN pc ON pc.actor1 = c.actor1 AND pc.actor2 = c.actor2
                AND pc.period = p.period
        ),
        scored AS (
            SELECT *, avg(x) OVER w AS mean, stddev_pop(x) OVER w AS sd, count(*) OVER w AS nb
            FROM grid
            WINDOW w AS (PARTITION BY actor1, actor2 ORDER BY period
                         ROWS BETWEEN {int(window)} PRECEDING AND 1 PRECEDING)
        )
        SELECT actor1, actor2, period, n, x, mean, sd,
               (x - mean) / greatest(sd, {SD_FLOOR}) AS score
        FROM scored
        WHERE nb = {int(window)} AND n >= {int(min_events)}
          AND (x - mean) / greatest(sd, {SD_FLOOR}) >= {float(z)}
        ORDER BY period, score DESC, actor1, actor2
    """
    alerts = [
        Alert(a1, a2, p.isoformat(), int(n), float(x), float(m), float(sd), float(s))
        for a1, a2, p, n, x, m, sd, s in con.execute(sql).fetchall()
    ]
    if alerts and evidence > 0:
        _attach_evidence(con, sel, by, alerts, evidence)
    return alerts


def _attach_evidence(
    con: duckdb.DuckDBPyConnection, sel: Selection, by: Period, alerts: list[Alert], limit: int
) -> None:
    """Fill each alert's evidence with its period's most negative conflict events."""
    want = pa.table(
        {
            "actor1": [a.actor1 for a in alerts],
            "actor2": [a.actor2 for a in alerts],
            "period": pa.array([date.fromisoformat(a.period) for a in alerts], pa.date32()),
        }
    )
    periods = [w.as_py() for w in want["period"]]
    sql = f"""
        WITH hits AS (
            SELECT ev.actor1, ev.actor2, ev.period, ev.day, ev.goldstein, ev.doc_key, ev.n
            FROM ({sel.events_sql(by, "e.doc_key, e.n")}) ev
            JOIN _alert_keys w ON w.actor1 = ev.actor1 AND w.actor2 = ev.actor2
                AND w.period = ev.period
            WHERE ev.quad IN (3, 4)
                AND ev.period BETWEEN DATE '{min(periods)}' AND DATE '{max(periods)}'
            QUALIFY row_number() OVER (PARTITION BY ev.actor1, ev.actor2, ev.period
                                       ORDER BY ev.goldstein, ev.day, ev.doc_key, ev.n) <= {limit}
        )
        SELECT h.actor1, h.actor2, h.period, d.id, d.url, h.day, e.source_code, e.target_code,
               e.code, e.label, h.goldstein, e.sentence_text
        FROM hits h JOIN events e ON e.doc_key = h.doc_key AND e.n = h.n
        LEFT JOIN documents d ON d.doc_key = h.doc_key
        ORDER BY h.actor1, h.actor2, h.period, h.goldstein, h.day, h.doc_key, h.n
    """
    con.register("_alert_keys", want)
    try:
        found = con.execute(sql).fetchall()
    finally:
        con.unregister("_alert_keys")
    by_key = {(a.actor1, a.actor2, a.period): a for a in alerts}
    for a1, a2, p, doc_id, url, day, s, t, code, label, g, sent in found:
        alert = by_key[(a1, a2, p.isoformat())]
        alert.evidence.append(
            Evidence(doc_id, url, day.isoformat(), s, t, code, label, float(g), sent)
        )


def format_alerts(alerts: list[Alert]) -> str:
    """Alerts for people: one header line each, then its evidence."""
    if not alerts:
        return "no alerts\n"
    lines = []
    for a in alerts:
        lines.append(
            f"{a.period}  {a.actor1} -> {a.actor2}  z={a.z:.1f}  {a.events} conflict events, "
            f"intensity {a.conflict:.1f} (baseline {a.baseline_mean:.1f} ± {a.baseline_sd:.1f})"
        )
        for ev in a.evidence:
            where = ev.url or ev.doc_id or ""
            sent = " ".join((ev.sentence or "").split())
            if len(sent) > 110:
                sent = sent[:107] + "..."
            lines.append(f"    {ev.date} {ev.source} {ev.code} {ev.target} ({ev.goldstein:+.1f})"
                         f"  {where}")  # fmt: skip
            if sent:
                lines.append(f"      “{sent}”")
    return "\n".join(lines) + "\n"
