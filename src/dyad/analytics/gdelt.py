"""GDELT 2.0 event table export: tools written for GDELT read dyad's events unchanged.

One row per event group (``events.group_id``, see ``grouping``), or per event when it is not
grouped; the 61 tab-separated columns of ``data/formats/gdelt2_events_columns.txt``, no header,
as GDELT ships them. What dyad knows is filled, the rest is empty:

- ids and dates: GLOBALEVENTID (the group id, else the event's own id), SQLDATE, MonthYear,
  Year, FractionDate (GDELT's ``(month * 30 + day) / 365``), DATEADDED (ingest time, UTC);
- actors: code and name as coded, country (the code's first three letters when they are a
  country), known group, religion and type codes split from the CAMEO code;
- event: code, base and root code, quad class, Goldstein score, IsRootEvent (the event is in
  its article's first sentence), NumMentions / NumArticles / NumSources of the group;
- ActionGeo_*: the event's place, with GDELT's FIPS 10-4 country code (the place's ISO code is
  translated through ``data/actors/gec_iso3.tsv``), full name "place, admin1, country";
- SOURCEURL: the url (else the id) of the group's earliest article.

AvgTone and the actors' own geography are not known to dyad and stay empty. Negated,
conditional and hypothetical events are not exported: GDELT has no modality column, and a
reader would take them for facts.
"""

from __future__ import annotations

from functools import cache
from typing import TextIO

import duckdb
import pyarrow as pa

from dyad.analytics.base import FACTUAL
from dyad.analytics.grouping import event_id_sql
from dyad.resources import data_path, read_tsv

# CAMEO three-letter parts that GDELT files under region, religion and ethnic columns.
REGIONS = frozenset((
    "AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "SSA", "WAF", "WST",
))  # fmt: skip
RELIGIONS = frozenset((
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "ORT", "PAG", "PRO", "SFI", "SHI",
    "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO",
))  # fmt: skip


@cache
def gdelt_columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 event column names, in file order."""
    text = data_path("formats", "gdelt2_events_columns.txt").read_text(encoding="utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and s[0] != "#")


@cache
def _tables() -> tuple[frozenset[str], frozenset[str], pa.Table, pa.Table]:
    """Country ids, role/type codes, countries (name, FIPS) and places (kind) from package data."""
    countries = read_tsv(data_path("actors", "countries.tsv"))
    fips = {r["iso3"]: r["gec"].upper() for r in read_tsv(data_path("actors", "gec_iso3.tsv"), ())}
    roles = frozenset(r["code"] for r in read_tsv(data_path("cameo", "actor_roles.tsv"), ("code",)))
    places = read_tsv(data_path("places", "places.tsv"))
    country_t = pa.table(
        {
            "iso3": [r["id"] for r in countries],
            "name": [r["name"] for r in countries],
            "fips": [fips.get(r["id"], "") for r in countries],
        }
    )
    place_t = pa.table({"id": [r["id"] for r in places], "kind": [r["kind"] for r in places]})
    return frozenset(r["id"] for r in countries), roles, country_t, place_t


def split_actor_code(code: str) -> dict[str, str]:
    """GDELT's actor columns from a CAMEO actor code (``RUSGOVMIL`` -> RUS, GOV, MIL)."""
    countries, roles, _, _ = _tables()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)] if code else []
    out = dict.fromkeys(("country", "known", "ethnic", "rel1", "rel2", "t1", "t2", "t3"), "")
    if parts and parts[0] in countries:
        out["country"] = parts.pop(0)
    types = [p for p in parts if p in roles]
    religions = [p for p in parts if p in RELIGIONS]
    others = [p for p in parts if p not in roles and p not in RELIGIONS and p not in REGIONS]
    out.update(zip(("t1", "t2", "t3"), types, strict=False))
    out.update(zip(("rel1", "rel2"), religions, strict=False))
    if others:
        out["known"] = others[0]
    return out


def _clean(expr: str) -> str:
    """SQL: a value as text, empty when NULL (codes and numbers never hold a tab)."""
    return f"coalesce(CAST({expr} AS VARCHAR), '')"


def _text(expr: str) -> str:
    """SQL: free text with no tab or line break (GDELT files have no quoting)."""
    return f"coalesce(translate(CAST({expr} AS VARCHAR), chr(9) || chr(10) || chr(13), '   '), '')"


def _actor_cols(alias: str, code: str, name: str) -> list[str]:
    return [
        _clean(code),
        _text(name),
        *(
            _clean(f"{alias}.{c}")
            for c in ("country", "known", "ethnic", "rel1", "rel2", "t1", "t2", "t3")
        ),
    ]


def _line_sql() -> str:
    """SQL for the 61 columns of one output row over the aggregated relation ``r``."""
    geo_type = (
        "CASE WHEN r.place_country IS NULL AND r.lat IS NULL THEN NULL"
        " WHEN pl.kind = 'city' THEN CASE WHEN r.place_country = 'USA' THEN 3 ELSE 4 END"
        " WHEN pl.kind IN ('state', 'region') THEN CASE WHEN r.place_country = 'USA'"
        " THEN 2 ELSE 5 END"
        " WHEN r.place_id IS NULL AND r.lat IS NULL THEN 1 ELSE 4 END"
    )
    full_name = "concat_ws(', ', r.place_name, nullif(r.place_admin1, ''), pc.name)"
    cols = [
        "CAST(r.gid AS VARCHAR)",
        "strftime(r.day, '%Y%m%d')",
        "strftime(r.day, '%Y%m')",
        "strftime(r.day, '%Y')",
        "printf('%.4f', year(r.day) + (month(r.day) * 30 + day(r.day)) / 365.0)",
        *_actor_cols("a1", "r.s_code", "r.s_name"),
        *_actor_cols("a2", "r.t_code", "r.t_name"),
        "CASE WHEN r.lead_sentence = 0 THEN '1' ELSE '0' END",
        _clean("r.code"),
        _clean("substr(r.code, 1, 3)"),
        _clean("r.root"),
        _clean("r.quad"),
        _clean("r.goldstein"),
        "CAST(r.nm AS VARCHAR)",
        "CAST(r.ns AS VARCHAR)",
        "CAST(r.na AS VARCHAR)",
        "''",  # AvgTone
        *(["''"] * 16),  # Actor1Geo_*, Actor2Geo_*: where the actors are, unknown to dyad
        _clean(geo_type),
        _text(f"CASE WHEN r.place_country IS NOT NULL OR r.lat IS NOT NULL THEN {full_name} END"),
        _clean("pc.fips"),
        _clean("CASE WHEN r.place_id IS NULL AND r.lat IS NULL THEN pc.fips END"),
        "''",  # ActionGeo_ADM2Code
        _clean("r.lat"),
        _clean("r.lon"),
        _text("r.place_id"),
        _clean("strftime(r.added, '%Y%m%d%H%M%S')"),
        _text("coalesce(r.url, r.doc_id)"),
    ]
    assert len(cols) == len(gdelt_columns()), (len(cols), len(gdelt_columns()))
    return "concat_ws(chr(9), " + ", ".join(cols) + ")"


def write_gdelt(
    con: duckdb.DuckDBPyConnection, out: TextIO, where: str = "", params: list | None = None
) -> int:
    """Write the selected events as GDELT 2.0 event rows; returns the number of rows.

    ``where`` is an SQL condition on ``events`` aliased ``e`` (qualify columns: ``e.date``),
    with ``params`` for its ``?`` placeholders. A group is written whole (all its mentions
    counted) when any of its events is selected."""
    cond = f"({where}) AND {FACTUAL}" if where.strip() else FACTUAL
    _, _, country_t, place_t = _tables()
    codes = con.execute(
        f"""SELECT DISTINCT c FROM (
                SELECT unnest([e.source_code, e.target_code]) AS c FROM events e WHERE {cond}
            ) WHERE c IS NOT NULL""",
        params or [],
    ).fetchall()
    parts = [{"code": c, **split_actor_code(c)} for (c,) in codes]
    names = ["code", *split_actor_code("")]
    actor_t = pa.table({k: pa.array([p[k] for p in parts], pa.string()) for k in names})
    con.register("_gdelt_actors", actor_t)
    con.register("_gdelt_countries", country_t)
    con.register("_gdelt_places", place_t)
    eid = event_id_sql("e.doc_key", "e.n")
    sql = f"""
        WITH sel AS (
            SELECT e.doc_key, e.n, e.group_id FROM events e WHERE {cond}
        ),
        m AS (  -- every member of a selected group, and selected events without a group
            SELECT e.*, d.url, d.id AS doc_id, d.ingested_at, d.source AS outlet, d.date AS ddate
            FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key
            WHERE {FACTUAL} AND e.group_id IN (SELECT group_id FROM sel)
            UNION ALL
            SELECT e.*, d.url, d.id AS doc_id, d.ingested_at, d.source AS outlet, d.date AS ddate
            FROM sel JOIN events e ON e.doc_key = sel.doc_key AND e.n = sel.n
            LEFT JOIN documents d ON d.doc_key = e.doc_key
            WHERE sel.group_id IS NULL
        ),
        mm AS (
            SELECT e.* EXCLUDE (outlet, ddate), coalesce(e.group_id, {eid}) AS gid,
                   coalesce(e.date, e.ddate) AS day, coalesce(nullif(e.outlet, ''), '?') AS outlet,
                   row_number() OVER (ORDER BY coalesce(e.date, e.ddate), e.doc_key, e.n) AS ord
            FROM m AS e
        ),
        agg AS (  -- per row: its lead (earliest) report, and the earliest with each place part
            SELECT gid, min(day) AS day, min(ord) AS lead, count(*) AS nm,
                   min(ord) FILTER (WHERE place_name IS NOT NULL) AS p_ord,
                   min(ord) FILTER (WHERE nullif(place_country, '') IS NOT NULL) AS c_ord,
                   min(ord) FILTER (WHERE lat IS NOT NULL AND lon IS NOT NULL) AS ll_ord,
                   min(ingested_at) AS added
            FROM mm GROUP BY gid
        ),
        na AS (SELECT gid, count(*) AS na FROM (SELECT DISTINCT gid, doc_key FROM mm) GROUP BY gid),
        ns AS (SELECT gid, count(*) AS ns FROM (SELECT DISTINCT gid, outlet FROM mm) GROUP BY gid),
        r AS (
            SELECT a.gid, a.day, l.source_code AS s_code, l.source_name AS s_name,
                   l.target_code AS t_code, l.target_name AS t_name,
                   coalesce(g.code, l.code) AS code, l.root,
                   coalesce(g.quad_class, l.quad_class) AS quad,
                   coalesce(g.goldstein, l.goldstein) AS goldstein,
                   l.sentence AS lead_sentence, a.nm, na.na, ns.ns,
                   p.place_id, p.place_name, p.place_admin1,
                   nullif(c.place_country, '') AS place_country, ll.lat, ll.lon, a.added,
                   l.url, l.doc_id
            FROM agg a JOIN mm l ON l.ord = a.lead
            JOIN na ON na.gid = a.gid JOIN ns ON ns.gid = a.gid
            LEFT JOIN mm p ON p.ord = a.p_ord
            LEFT JOIN mm c ON c.ord = a.c_ord
            LEFT JOIN mm ll ON ll.ord = a.ll_ord
            LEFT JOIN event_groups g ON g.group_id = l.group_id
        )
        SELECT {_line_sql()}
        FROM r
        LEFT JOIN _gdelt_actors a1 ON a1.code = r.s_code
        LEFT JOIN _gdelt_actors a2 ON a2.code = r.t_code
        LEFT JOIN _gdelt_countries pc ON pc.iso3 = r.place_country
        LEFT JOIN _gdelt_places pl ON pl.id = r.place_id
        ORDER BY r.day, r.gid
    """
    try:
        cur = con.execute(sql, params or [])
        rows = 0
        while batch := cur.fetchmany(10_000):
            out.write("".join(line + "\n" for (line,) in batch))
            rows += len(batch)
    finally:
        for name in ("_gdelt_actors", "_gdelt_countries", "_gdelt_places"):
            con.unregister(name)
    return rows
