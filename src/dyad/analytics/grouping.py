"""Cross-article grouping: one event reported by many articles becomes one group.

Events go together when they share the directed dyad (source, target), the root (or the full
code), fall within ``window_days`` of the group's first day, and their places are compatible:
the same country or one unknown, and within ``max_km`` when both have coordinates. Every run
regroups all factual, dated events from scratch with set-based SQL, so the result depends only
on the events, never on earlier runs or on row order:

1. Time: per (source, target, key), the distinct days are cut greedily. A group starts at the
   first day and takes every day up to ``start + window_days``; the next day after that starts
   the next group (a recursive query walks these starts; a long daily series of attacks is
   many groups, not one).
2. Place: inside a time group, each distinct coordinate joins the earliest compatible
   coordinate within ``max_km``; an event with a country but no coordinates joins the largest
   cluster of its country (else its own country cluster); an event with no place joins the
   largest cluster of the time group.

A group's id is the GDELT-style id of its earliest event (``event_id_sql``), so ids stay put
when later articles join a group. Single events are groups of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb

from dyad.analytics.base import EVENT_DAY, FACTUAL

EARTH_KM = 6371.0088


def event_id_sql(doc_key: str, n: str) -> str:
    """SQL for a stable 60-bit id of one event (from its document key and position)."""
    return f"CAST('0x' || substr(md5({doc_key} || ':' || CAST({n} AS VARCHAR)), 1, 15) AS BIGINT)"


def _km(a: str, b: str) -> str:
    """SQL haversine distance in km between aliases ``a`` and ``b`` (columns lat, lon)."""
    return (
        f"2 * {EARTH_KM} * asin(sqrt(pow(sin(radians({b}.lat - {a}.lat) / 2), 2)"
        f" + cos(radians({a}.lat)) * cos(radians({b}.lat))"
        f" * pow(sin(radians({b}.lon - {a}.lon) / 2), 2)))"
    )


@dataclass(frozen=True)
class GroupingResult:
    """How many events were grouped into how many groups."""

    events: int
    groups: int
    multi: int  # groups reported by more than one event


def group_events(
    con: duckdb.DuckDBPyConnection,
    window_days: int = 2,
    by: Literal["root", "code"] = "root",
    max_km: float = 100.0,
) -> GroupingResult:
    """Regroup every event of the store; fills ``events.group_id`` and ``event_groups``."""
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    if by not in ("root", "code"):
        raise ValueError("by must be 'root' or 'code'")
    w = int(window_days)
    key = "root" if by == "root" else "code"
    q = con.execute
    q("BEGIN TRANSACTION")
    try:
        # Events that take part, with a global order: day, then document, then position.
        q(f"""
            CREATE OR REPLACE TEMP TABLE _g_ev AS
            SELECT e.doc_key, e.n, coalesce(e.source_code, '') AS s,
                   coalesce(e.target_code, '') AS t, e.{key} AS k,
                   CAST({EVENT_DAY} - DATE '1970-01-01' AS INTEGER) AS dn,
                   nullif(e.place_country, '') AS country, e.lat, e.lon,
                   row_number() OVER (ORDER BY {EVENT_DAY}, e.doc_key, e.n) AS ord
            FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key
            WHERE {FACTUAL} AND {EVENT_DAY} IS NOT NULL AND e.source_code IS NOT NULL
        """)
        # Distinct days with the first day more than w days later (the next possible start).
        q(f"""
            CREATE OR REPLACE TEMP TABLE _g_days AS
            SELECT s, t, k, dn,
                   min(dn) OVER (PARTITION BY s, t, k ORDER BY dn
                                 RANGE BETWEEN {w + 1} FOLLOWING AND UNBOUNDED FOLLOWING) AS nxt,
                   coalesce(dn - lag(dn) OVER (PARTITION BY s, t, k ORDER BY dn) > {w}, true)
                       AS island
            FROM (SELECT DISTINCT s, t, k, dn FROM _g_ev)
        """)
        # Group starts: each island's first day, then greedily every next start inside it.
        q("""
            CREATE OR REPLACE TEMP TABLE _g_starts AS
            WITH RECURSIVE chain(s, t, k, dn) AS (
                SELECT s, t, k, dn FROM _g_days WHERE island
                UNION
                SELECT g.s, g.t, g.k, g.nxt
                FROM chain c JOIN _g_days g ON g.s = c.s AND g.t = c.t AND g.k = c.k
                    AND g.dn = c.dn
                JOIN _g_days x ON x.s = g.s AND x.t = g.t AND x.k = g.k AND x.dn = g.nxt
                WHERE NOT x.island
            )
            SELECT * FROM chain
        """)
        q("""
            CREATE OR REPLACE TEMP TABLE _g_tg AS
            SELECT ev.*, max(st.dn) OVER (PARTITION BY ev.s, ev.t, ev.k ORDER BY ev.dn
                                          RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                        AS g0
            FROM _g_ev ev LEFT JOIN _g_starts st
                ON st.s = ev.s AND st.t = ev.t AND st.k = ev.k AND st.dn = ev.dn
        """)
        # Place clusters inside each time group.
        q(f"""
            CREATE OR REPLACE TEMP TABLE _g_pts AS
            WITH pts AS (
                SELECT s, t, k, g0, country, lat, lon, min(ord) AS po
                FROM _g_tg WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL
            )
            SELECT p.s, p.t, p.k, p.g0, p.country, p.lat, p.lon, min(q.po) AS cl
            FROM pts p JOIN pts q ON q.s = p.s AND q.t = p.t AND q.k = p.k AND q.g0 = p.g0
                AND (p.country IS NULL OR q.country IS NULL OR p.country = q.country)
                AND {_km("p", "q")} <= {float(max_km)}
            GROUP BY ALL
        """)
        q("""
            CREATE OR REPLACE TEMP TABLE _g_cl AS
            SELECT ev.*, p.cl FROM _g_tg ev LEFT JOIN _g_pts p
                ON p.s = ev.s AND p.t = ev.t AND p.k = ev.k AND p.g0 = ev.g0
                AND p.lat = ev.lat AND p.lon = ev.lon
                AND p.country IS NOT DISTINCT FROM ev.country
        """)
        # Country without coordinates: the largest same-country (or placeless) cluster.
        q("""
            CREATE OR REPLACE TEMP TABLE _g_cl2 AS
            WITH sizes AS (
                SELECT s, t, k, g0, cl, count(*) AS size, max(country) AS country
                FROM _g_cl WHERE cl IS NOT NULL GROUP BY ALL
            ),
            pick AS (
                SELECT c.s, c.t, c.k, c.g0, c.country AS want, z.cl
                FROM (SELECT DISTINCT s, t, k, g0, country FROM _g_cl
                      WHERE cl IS NULL AND country IS NOT NULL) c
                JOIN sizes z ON z.s = c.s AND z.t = c.t AND z.k = c.k AND z.g0 = c.g0
                    AND (z.country IS NULL OR z.country = c.country)
                QUALIFY row_number() OVER (PARTITION BY c.s, c.t, c.k, c.g0, c.country
                                           ORDER BY z.size DESC, z.cl) = 1
            )
            SELECT ev.* EXCLUDE (cl),
                   CASE WHEN ev.cl IS NOT NULL OR ev.country IS NULL THEN ev.cl
                        ELSE coalesce(p.cl, min(ev.ord) OVER (
                            PARTITION BY ev.s, ev.t, ev.k, ev.g0, ev.country,
                                         ev.cl IS NULL AND p.cl IS NULL)) END AS cl
            FROM _g_cl ev LEFT JOIN pick p ON p.s = ev.s AND p.t = ev.t AND p.k = ev.k
                AND p.g0 = ev.g0 AND p.want = ev.country AND ev.cl IS NULL
        """)
        # No place at all: the largest cluster of the time group, else a group of its own kind.
        q(f"""
            CREATE OR REPLACE TEMP TABLE _g_members AS
            WITH sizes AS (
                SELECT s, t, k, g0, cl, count(*) AS size FROM _g_cl2
                WHERE cl IS NOT NULL GROUP BY ALL
            ),
            pick AS (
                SELECT s, t, k, g0, cl FROM sizes
                QUALIFY row_number() OVER (PARTITION BY s, t, k, g0 ORDER BY size DESC, cl) = 1
            ),
            placed AS (
                SELECT ev.* EXCLUDE (cl),
                       coalesce(ev.cl, p.cl, min(ev.ord) OVER (PARTITION BY ev.s, ev.t, ev.k,
                                                               ev.g0)) AS cl
                FROM _g_cl2 ev LEFT JOIN pick p
                    ON p.s = ev.s AND p.t = ev.t AND p.k = ev.k AND p.g0 = ev.g0
            ),
            firsts AS (
                SELECT *, arg_min(doc_key, ord) OVER grp AS first_doc,
                       arg_min(n, ord) OVER grp AS first_n
                FROM placed WINDOW grp AS (PARTITION BY s, t, k, g0, cl)
            )
            SELECT doc_key, n, {event_id_sql("first_doc", "first_n")} AS group_id
            FROM firsts
        """)
        q("UPDATE events SET group_id = NULL WHERE group_id IS NOT NULL")
        q("""
            UPDATE events SET group_id = m.group_id FROM _g_members m
            WHERE events.doc_key = m.doc_key AND events.n = m.n
        """)
        q("DELETE FROM event_groups")
        q(f"""
            INSERT INTO event_groups
            WITH m AS (
                SELECT e.*, {EVENT_DAY} AS day, coalesce(nullif(d.source, ''), '?') AS outlet,
                       row_number() OVER (ORDER BY {EVENT_DAY}, e.doc_key, e.n) AS ord,
                       row_number() OVER (PARTITION BY e.group_id, e.doc_key) = 1 AS new_doc,
                       row_number() OVER (PARTITION BY e.group_id, coalesce(nullif(d.source, ''),
                                                                            '?')) = 1 AS new_outlet
                FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key
                WHERE e.group_id IS NOT NULL
            ),
            codes AS (  -- the group's most reported code, ties to the smaller code
                SELECT group_id, code, count(*) AS c, min(goldstein) AS g, min(quad_class) AS qc
                FROM m GROUP BY ALL
            ),
            top AS (
                SELECT group_id, code, g AS goldstein, qc AS quad_class FROM codes
                QUALIFY row_number() OVER (PARTITION BY group_id ORDER BY c DESC, code) = 1
            )
            SELECT m.group_id, min(m.day), any_value(m.source_code), any_value(m.target_code),
                   any_value(top.code), any_value(m.root), any_value(top.quad_class),
                   any_value(top.goldstein),
                   arg_min(nullif(m.place_country, ''), m.ord)
                       FILTER (WHERE nullif(m.place_country, '') IS NOT NULL),
                   arg_min(m.lat, m.ord) FILTER (WHERE m.lat IS NOT NULL),
                   arg_min(m.lon, m.ord) FILTER (WHERE m.lat IS NOT NULL),
                   count(*), count(*) FILTER (WHERE m.new_doc),
                   count(*) FILTER (WHERE m.new_outlet)
            FROM m JOIN top USING (group_id)
            GROUP BY m.group_id
        """)
        stats = q("""
            SELECT count(*), coalesce(sum(num_mentions), 0),
                   count(*) FILTER (WHERE num_mentions > 1)
            FROM event_groups
        """).fetchone()
        for name in ("_g_ev", "_g_days", "_g_starts", "_g_tg", "_g_pts", "_g_cl", "_g_cl2"):
            q(f"DROP TABLE IF EXISTS {name}")
        q("DROP TABLE IF EXISTS _g_members")
        q("COMMIT")
    except BaseException:
        q("ROLLBACK")
        raise
    assert stats is not None
    return GroupingResult(events=int(stats[1]), groups=int(stats[0]), multi=int(stats[2]))
