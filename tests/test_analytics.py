"""Analyses over a real DuckDB store: grouping, GDELT export, dyad series, alerts, charts, CLI.

The stores are built in tmp_path from ``store/schema.sql`` with handmade events, so every
expected number below can be checked by hand.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from dyad.analytics import Selection, dyad_series, find_alerts, group_events, write_gdelt
from dyad.analytics.base import open_db
from dyad.analytics.gdelt import gdelt_columns, split_actor_code
from dyad.cli import main as cli_main
from dyad.store.db import connect

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

GOLDSTEIN = {
    "190": -10.0,
    "193": -10.0,
    "195": -10.0,
    "112": -2.0,
    "111": -2.0,
    "042": 1.9,
    "036": 4.0,
    "057": 8.0,
    "071": 7.4,
    "138": -7.0,
    "173": -5.0,
}
QUAD = {"19": 4, "11": 3, "04": 1, "03": 1, "05": 1, "07": 2, "13": 3, "17": 4}

AddEvent = Callable[..., None]
AddDoc = Callable[..., None]


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    return connect(path)  # the store's own schema, at the current version


class Store:
    """A store being filled: documents and events inserted as the schema lays them out."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con = _connect(path)
        self.next_n: dict[str, int] = {}

    def doc(self, key: str, day: str, source: str | None = "Reuters", url: str | None = None):
        self.con.execute(
            "INSERT INTO documents (doc_key, id, url, source, date, text, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, TIMESTAMP '2026-01-02 03:04:05')",
            [key, f"id-{key}", url or f"https://news.example/{key}", source, day, f"text {key}"],
        )

    def event(self, doc: str, source: str | None, target: str | None, code: str, **kw: Any):
        n = self.next_n.get(doc, 0)
        self.next_n[doc] = n + 1
        root = code[:2]
        row = {
            "doc_key": doc,
            "n": n,
            "source_code": source,
            "source_name": kw.pop("source_name", source and source.title()),
            "target_code": target,
            "target_name": target and target.title(),
            "code": code,
            "root": root,
            "label": f"label {code}",
            "goldstein": GOLDSTEIN.get(code, -1.0),
            "quad_class": QUAD.get(root, 1),
            "modality": "asserted",
            "sentence": n,
            "sentence_text": f"Sentence {n} of {doc} about {code}.",
            **kw,
        }
        cols = ", ".join(row)
        self.con.execute(
            f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )


KHARKIV = {
    "place_id": "gn:706483",
    "place_name": "Kharkiv",
    "place_country": "UKR",
    "place_admin1": "Kharkiv",
    "lat": 49.98,
    "lon": 36.25,
}
NEAR_KHARKIV = {**KHARKIV, "place_id": None, "place_name": "Chuhuiv", "lat": 49.84, "lon": 36.69}
LVIV = {
    "place_id": "gn:702550",
    "place_name": "Lviv",
    "place_country": "UKR",
    "place_admin1": "Lviv",
    "lat": 49.84,
    "lon": 24.03,
}


def _build_groups(s: Store) -> None:
    """The handmade grouping case (see each test for the groups it expects)."""
    s.doc("d1", "2022-02-24", "Reuters")
    s.doc("d2", "2022-02-25", "Reuters")
    s.doc("d3", "2022-02-24", "AP")
    s.doc("d4", "2022-02-24", "BBC")
    s.doc("d5", "2022-03-01", None)
    # one attack on Kharkiv, four mentions in three articles from two outlets
    s.event("d1", "RUSMIL", "UKR", "190", date="2022-02-24", **KHARKIV)  # d1/0
    s.event("d2", "RUSMIL", "UKR", "193", date="2022-02-25", **NEAR_KHARKIV)  # d2/0
    s.event("d3", "RUSMIL", "UKR", "190", date="2022-02-24")  # d3/0, no place
    s.event("d3", "RUSMIL", "UKR", "195", date="2022-02-24", place_country="UKR")  # d3/1
    # same dyad and root, same day, but 1,000 km away: another event
    s.event("d4", "RUSMIL", "UKR", "190", date="2022-02-24", **LVIV)  # d4/0
    # the other direction, another root, a later week, a negated report
    s.event("d4", "UKR", "RUSMIL", "190", date="2022-02-24")  # d4/1
    s.event("d4", "RUSMIL", "UKR", "112", date="2022-02-24")  # d4/2
    s.event("d5", "RUSMIL", "UKR", "190", date=None)  # d5/0: takes the document's date
    s.event("d4", "RUSMIL", "UKR", "190", date="2022-02-24", modality="negated")  # d4/3
    # different countries never merge
    s.event("d1", "TUR", "RUS", "042", date="2022-02-24", place_country="RUS")  # d1/1
    s.event("d2", "TUR", "RUS", "042", date="2022-02-24", place_country="UKR")  # d2/1


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each handmade store built once per module; tests get their own copy of the file."""
    base = tmp_path_factory.mktemp("templates")
    out = {}
    for name, build in (
        ("groups", _build_groups),
        ("series", _build_series),
        ("alerts", _build_alerts),
    ):
        store = Store(base / f"{name}.duckdb")
        build(store)
        store.con.close()
        out[name] = store.path
    return out


def _copy(templates: dict[str, Path], name: str, tmp_path: Path) -> Store:
    path = tmp_path / f"{name}.duckdb"
    shutil.copyfile(templates[name], path)
    return Store(path)


@pytest.fixture
def grouped_store(templates: dict[str, Path], tmp_path: Path) -> Store:
    return _copy(templates, "groups", tmp_path)


@pytest.fixture
def series_store(templates: dict[str, Path], tmp_path: Path) -> Store:
    return _copy(templates, "series", tmp_path)


@pytest.fixture
def alert_store(templates: dict[str, Path], tmp_path: Path) -> Store:
    return _copy(templates, "alerts", tmp_path)


def _group_of(con: duckdb.DuckDBPyConnection, doc: str, n: int) -> int | None:
    return con.execute(
        "SELECT group_id FROM events WHERE doc_key = ? AND n = ?", [doc, n]
    ).fetchone()[0]


def _groups(con: duckdb.DuckDBPyConnection) -> dict[int, tuple]:
    rows = con.execute(
        "SELECT group_id, num_mentions, num_documents, num_sources, date, code, source_code, "
        "target_code FROM event_groups"
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


# --- grouping -----------------------------------------------------------------------------


def test_grouping_merges_the_reports_of_one_event(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    gid = _group_of(con, "d1", 0)
    assert gid is not None
    members = {
        (d, n)
        for d, n in con.execute(
            "SELECT doc_key, n FROM events WHERE group_id = ?", [gid]
        ).fetchall()
    }
    assert members == {("d1", 0), ("d2", 0), ("d3", 0), ("d3", 1)}


def test_grouping_counts_mentions_documents_and_sources(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    mentions, documents, sources, day, code, s, t = _groups(con)[_group_of(con, "d1", 0)]
    assert (mentions, documents, sources) == (4, 3, 2)
    assert day == date(2022, 2, 24)
    assert code == "190"  # reported twice, 193 and 195 once each
    assert (s, t) == ("RUSMIL", "UKR")


def test_grouping_keeps_far_places_apart(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    assert _group_of(con, "d4", 0) != _group_of(con, "d1", 0)


def test_grouping_keeps_direction_root_and_window_apart(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    attack = _group_of(con, "d1", 0)
    assert _group_of(con, "d4", 1) != attack  # UKR -> RUSMIL
    assert _group_of(con, "d4", 2) != attack  # root 11
    assert _group_of(con, "d5", 0) not in (attack, None)  # five days later


def test_grouping_keeps_different_countries_apart(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    assert _group_of(con, "d1", 1) != _group_of(con, "d2", 1)


def test_grouping_leaves_negated_events_out(grouped_store: Store) -> None:
    con = grouped_store.con
    result = group_events(con)
    assert _group_of(con, "d4", 3) is None
    assert result.events == 10  # every other event
    assert result.multi == 1


def test_grouping_singletons_are_groups_of_one(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    mentions, documents, sources, *_ = _groups(con)[_group_of(con, "d5", 0)]
    assert (mentions, documents, sources) == (1, 1, 1)  # an unknown outlet is one source


def test_grouping_is_idempotent(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    first = (
        _groups(con),
        con.execute("SELECT doc_key, n, group_id FROM events ORDER BY ALL").fetchall(),
    )
    group_events(con)
    second = (
        _groups(con),
        con.execute("SELECT doc_key, n, group_id FROM events ORDER BY ALL").fetchall(),
    )
    assert first == second


def test_grouping_ids_stay_when_a_later_report_joins(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    before = _group_of(con, "d1", 0)
    grouped_store.doc("d6", "2022-02-26", "Kyiv Independent")
    grouped_store.event("d6", "RUSMIL", "UKR", "190", date="2022-02-25", **KHARKIV)
    group_events(con)
    assert _group_of(con, "d6", 0) == _group_of(con, "d1", 0) == before
    assert _groups(con)[before][:3] == (5, 4, 3)


def test_grouping_cuts_a_daily_series_into_windows(tmp_path: Path) -> None:
    s = Store(tmp_path / "daily.duckdb")
    for i in range(6):  # the same accusation every day for six days
        day = (date(2022, 1, 1) + timedelta(days=i)).isoformat()
        s.doc(f"a{i}", day)
        s.event(f"a{i}", "RUS", "USA", "112", date=day)
    group_events(s.con, window_days=2)
    sizes = s.con.execute("SELECT date, num_mentions FROM event_groups ORDER BY date").fetchall()
    assert sizes == [(date(2022, 1, 1), 3), (date(2022, 1, 4), 3)]


# --- GDELT export -------------------------------------------------------------------------


def _gdelt_rows(con: duckdb.DuckDBPyConnection, where: str = "", params: list | None = None):
    buf = io.StringIO()
    n = write_gdelt(con, buf, where, params)
    lines = buf.getvalue().splitlines()
    assert len(lines) == n
    return [line.split("\t") for line in lines]


def test_gdelt_columns_are_the_61_of_gdelt_2() -> None:
    cols = gdelt_columns()
    assert len(cols) == 61
    assert (cols[0], cols[26], cols[-1]) == ("GLOBALEVENTID", "EventCode", "SOURCEURL")


def test_gdelt_rows_have_61_columns(grouped_store: Store) -> None:
    group_events(grouped_store.con)
    rows = _gdelt_rows(grouped_store.con)
    assert rows
    assert {len(r) for r in rows} == {61}


def test_gdelt_one_row_per_group(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    rows = _gdelt_rows(con)
    assert len(rows) == con.execute("SELECT count(*) FROM event_groups").fetchone()[0]


def test_gdelt_one_row_per_event_when_not_grouped(grouped_store: Store) -> None:
    rows = _gdelt_rows(grouped_store.con)
    assert len(rows) == 10  # the negated event is not exported
    assert len({r[0] for r in rows}) == 10


def test_gdelt_key_columns_of_a_group(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    col = {c: i for i, c in enumerate(gdelt_columns())}
    gid = str(_group_of(con, "d1", 0))
    (row,) = [r for r in _gdelt_rows(con) if r[0] == gid]
    v = {c: row[i] for c, i in col.items()}
    assert (v["SQLDATE"], v["MonthYear"], v["Year"]) == ("20220224", "202202", "2022")
    assert v["FractionDate"] == "2022.2301"  # GDELT: 2022 + (2 * 30 + 24) / 365
    assert (v["Actor1Code"], v["Actor1CountryCode"], v["Actor1Type1Code"]) == (
        "RUSMIL",
        "RUS",
        "MIL",
    )
    assert (v["Actor2Code"], v["Actor2CountryCode"], v["Actor2Type1Code"]) == ("UKR", "UKR", "")
    assert (v["EventCode"], v["EventBaseCode"], v["EventRootCode"]) == ("190", "190", "19")
    assert (v["QuadClass"], v["GoldsteinScale"]) == ("4", "-10.0")
    assert (v["NumMentions"], v["NumArticles"], v["NumSources"]) == ("4", "3", "2")
    assert v["IsRootEvent"] == "1"  # sentence 0 of d1
    assert v["ActionGeo_CountryCode"] == "UP"  # FIPS for Ukraine
    assert v["ActionGeo_FullName"] == "Kharkiv, Kharkiv, Ukraine"
    assert (float(v["ActionGeo_Lat"]), float(v["ActionGeo_Long"])) == (49.98, 36.25)
    assert v["ActionGeo_Type"] == "4"  # a city outside the US
    assert v["DATEADDED"] == "20260102030405"
    assert v["SOURCEURL"] == "https://news.example/d1"
    assert v["AvgTone"] == "" and v["Actor1Geo_Type"] == ""


def test_gdelt_where_selects_events(grouped_store: Store) -> None:
    con = grouped_store.con
    group_events(con)
    rows = _gdelt_rows(con, "e.root = ? AND e.source_code = ?", ["19", "UKR"])
    assert [(r[5], r[15], r[26]) for r in rows] == [("UKR", "RUSMIL", "190")]


def test_gdelt_text_fields_never_break_the_row(tmp_path: Path) -> None:
    s = Store(tmp_path / "tabs.duckdb")
    s.doc("x", "2022-01-01")
    s.event("x", "USA", "RUS", "112", date="2022-01-01", source_name="the\tWhite\nHouse")
    (row,) = _gdelt_rows(s.con)
    assert len(row) == 61 and row[6] == "the White House"


@pytest.mark.parametrize(
    ("code", "country", "known", "types"),
    [
        ("RUSGOV", "RUS", "", ("GOV", "", "")),
        ("IGOWSTNAT", "", "NAT", ("IGO", "", "")),
        ("USAMILREB", "USA", "", ("MIL", "REB", "")),
        ("IMGMOSALQ", "", "ALQ", ("IMG", "", "")),
    ],
)
def test_split_actor_code(code: str, country: str, known: str, types: tuple) -> None:
    p = split_actor_code(code)
    assert (p["country"], p["known"], (p["t1"], p["t2"], p["t3"])) == (country, known, types)


# --- dyad series --------------------------------------------------------------------------

W1, W2 = date(2022, 1, 3), date(2022, 1, 10)  # two Mondays


def _build_series(s: Store) -> None:
    """Two weeks of Russia-Ukraine events and one US-China event, to count by hand."""
    s.doc("w1", "2022-01-04")
    s.doc("w2", "2022-01-11")
    for code in ("112", "112", "036", "190"):  # q3, q3, q1, q4: sum -10, mean -2.5
        s.event("w1", "RUSGOV", "UKRGOV", code, date="2022-01-05")
    s.event("w1", "RUSGOV", "UKRGOV", "190", date="2022-01-05", modality="negated")
    s.event("w1", "UKRGOV", "RUSGOV", "042")  # q1 +1.9, dated by its document
    s.event("w1", "UKRGOV", "RUSGOV", "173", date="2022-01-06")  # q4 -5
    s.event("w1", "USA", "CHN", "057", date="2022-01-07")  # q1 +8
    s.event("w1", "USA", None, "173", date="2022-01-07")  # one-sided: no dyad
    s.event("w2", "RUSMIL", "UKR", "190", date="2022-01-12")


def _row(df: pd.DataFrame, period: date, a1: str, a2: str) -> dict[str, Any]:
    hit = df[(df["period"] == pd.Timestamp(period)) & (df["actor1"] == a1) & (df["actor2"] == a2)]
    assert len(hit) == 1, df
    return hit.iloc[0].to_dict()


def test_dyads_counts_by_quad_class(series_store: Store) -> None:
    r = _row(dyad_series(series_store.con, "week"), W1, "RUSGOV", "UKRGOV")
    assert (r["events"], r["q1"], r["q2"], r["q3"], r["q4"]) == (4, 1, 0, 2, 1)


def test_dyads_goldstein_sum_mean_and_share(series_store: Store) -> None:
    r = _row(dyad_series(series_store.con, "week"), W1, "RUSGOV", "UKRGOV")
    assert r["goldstein_sum"] == pytest.approx(-10.0)
    assert r["goldstein_mean"] == pytest.approx(-2.5)
    assert r["material_conflict_share"] == pytest.approx(0.25)
    assert (r["coop_goldstein"], r["conflict_goldstein"]) == pytest.approx((4.0, -14.0))


def test_dyads_directed_keeps_both_directions(series_store: Store) -> None:
    df = dyad_series(series_store.con, "week")
    r = _row(df, W1, "UKRGOV", "RUSGOV")
    assert (r["events"], r["goldstein_sum"]) == (2, pytest.approx(-3.1))
    assert len(df) == 4  # RUS->UKR, UKR->RUS, USA->CHN in week 1; RUSMIL->UKR in week 2


def test_dyads_undirected_merges_both_directions(series_store: Store) -> None:
    df = dyad_series(series_store.con, "week", Selection(undirected=True))
    r = _row(df, W1, "RUSGOV", "UKRGOV")
    assert (r["events"], r["q1"], r["q3"], r["q4"]) == (6, 2, 2, 2)
    assert r["goldstein_sum"] == pytest.approx(-13.1)
    assert r["goldstein_mean"] == pytest.approx(-13.1 / 6)
    assert not ((df["actor1"] == "UKRGOV") & (df["actor2"] == "RUSGOV")).any()


def test_dyads_actor_prefixes_merge_codes(series_store: Store) -> None:
    df = dyad_series(series_store.con, "week", Selection(actors=("RUS", "UKR")))
    assert set(
        zip(df["period"].dt.date, df["actor1"], df["actor2"], df["events"], strict=True)
    ) == {
        (W1, "RUS", "UKR", 4),
        (W1, "UKR", "RUS", 2),
        (W2, "RUS", "UKR", 1),
    }


def test_dyads_one_actor_takes_all_its_dyads(series_store: Store) -> None:
    df = dyad_series(series_store.con, "week", Selection(actors=("chn",)))
    assert list(zip(df["actor1"], df["actor2"], strict=True)) == [("USA", "CHN")]


def test_dyads_by_month_and_country_level(series_store: Store) -> None:
    df = dyad_series(series_store.con, "month", Selection(level="country", undirected=True))
    r = _row(df, date(2022, 1, 1), "RUS", "UKR")
    assert (r["events"], r["q4"]) == (7, 3)


def test_dyads_date_range(series_store: Store) -> None:
    df = dyad_series(
        series_store.con, "day", Selection(start=date(2022, 1, 6), end=date(2022, 1, 7))
    )
    assert sorted(df["events"]) == [1, 1]  # UKRGOV->RUSGOV 173 and USA->CHN
    assert set(df["period"].dt.date) == {date(2022, 1, 6), date(2022, 1, 7)}


def test_dyads_leave_background_events_out(series_store: Store) -> None:
    series_store.doc("recall", "2022-01-12")
    series_store.event("recall", "RUSMIL", "UKR", "190", date="2014-01-01", background=True)
    df = dyad_series(series_store.con, "month", Selection(level="country"))
    assert date(2014, 1, 1) not in set(df["period"].dt.date)
    kept = dyad_series(series_store.con, "month", Selection(level="country", background=True))
    assert _row(kept, date(2014, 1, 1), "RUS", "UKR")["events"] == 1


def test_an_older_store_is_migrated_when_read(series_store: Store) -> None:
    before = dyad_series(series_store.con, "week", Selection())
    series_store.con.execute("ALTER TABLE events DROP COLUMN background")
    series_store.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    series_store.con.close()
    con = open_db(series_store.path)
    try:
        columns = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
        assert "background" in columns
        after = dyad_series(con, "week", Selection())
        assert after["events"].tolist() == before["events"].tolist() and len(after) == 4
    finally:
        con.close()


# --- alerts -------------------------------------------------------------------------------


def _monday(week: int) -> str:
    return (date(2022, 1, 3) + timedelta(weeks=week)).isoformat()


def _build_alerts(s: Store) -> None:
    """Twelve weeks: SYR->ISR escalates in week 10, IND->PAK stays flat, USA->IRN spikes thinly."""
    for w in range(12):
        day = _monday(w)
        s.doc(f"k{w}", day)
        s.event(f"k{w}", "SYRMIL", "ISR", "112", date=day)  # one accusation a week
        for _ in range(3):
            s.event(f"k{w}", "IND", "PAK", "173", date=day)  # three arrests, every week
        if w == 10:
            for _ in range(5):
                s.event(f"k{w}", "SYRMIL", "ISR", "190", date=day)
            for _ in range(2):
                s.event(f"k{w}", "USA", "IRN", "190", date=day)


def test_alerts_fire_on_an_escalation(alert_store: Store) -> None:
    alerts = find_alerts(alert_store.con, "week", window=8, z=2.0, min_events=3)
    assert [(a.actor1, a.actor2, a.period) for a in alerts] == [("SYRMIL", "ISR", _monday(10))]
    a = alerts[0]
    assert (a.events, a.conflict, a.baseline_mean, a.baseline_sd) == (6, 52.0, 2.0, 0.0)
    assert a.z == pytest.approx(50.0)  # (52 - 2) / max(0, 1)


def test_alerts_carry_their_evidence(alert_store: Store) -> None:
    (a,) = find_alerts(alert_store.con, evidence=3)
    assert len(a.evidence) == 3
    assert {(e.code, e.goldstein, e.doc_id) for e in a.evidence} == {("190", -10.0, "id-k10")}
    assert all(e.sentence and e.url for e in a.evidence)


def test_alerts_stay_quiet_on_a_flat_series(alert_store: Store) -> None:
    alerts = find_alerts(alert_store.con, z=0.5, min_events=3)
    assert all((a.actor1, a.actor2) != ("IND", "PAK") for a in alerts)


def test_alerts_need_min_events(alert_store: Store) -> None:
    assert not any(a.actor1 == "USA" for a in find_alerts(alert_store.con, min_events=3))
    assert any(a.actor1 == "USA" for a in find_alerts(alert_store.con, min_events=2))


def test_alerts_need_a_full_baseline(alert_store: Store) -> None:
    assert find_alerts(alert_store.con, window=11) == []  # week 10 has only 10 weeks before it


# --- charts -------------------------------------------------------------------------------


def test_plot_png_is_written(series_store: Store, tmp_path: Path) -> None:
    from dyad.analytics.plot import draw, save_plot

    out = tmp_path / "chart.png"
    save_plot(draw(dyad_series(series_store.con, "day"), "day"), out)
    assert out.read_bytes()[:8] == PNG_MAGIC
    assert out.stat().st_size > 5_000


def test_plot_html_is_self_contained(series_store: Store, tmp_path: Path) -> None:
    from dyad.analytics.plot import draw, save_plot

    out = tmp_path / "chart.html"
    save_plot(draw(dyad_series(series_store.con, "week"), "week", "goldstein"), out, "RUS-UKR")
    page = out.read_text(encoding="utf-8")
    assert (
        page.startswith("<!DOCTYPE html>") and "<svg" in page and page.rstrip().endswith("</html>")
    )
    assert "<script" not in page and "src=" not in page


# --- command line -------------------------------------------------------------------------
# Each subprocess run pays for importing spaCy (dyad/__init__.py), so the end-to-end runs are
# few; the other command-line cases go through dyad.cli.main in process.


@pytest.fixture
def series_db(series_store: Store) -> Path:
    series_store.con.close()  # the CLI opens the file in another process
    return series_store.path


@pytest.fixture
def alert_db(alert_store: Store) -> Path:
    alert_store.con.close()
    return alert_store.path


def _main(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_dyads_end_to_end(run_dyad, series_db: Path) -> None:
    r = run_dyad(
        "dyads",
        "--db",
        series_db,
        "--actor",
        "RUS",
        "--actor",
        "UKR",
        "--undirected",
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(x["period"], x["actor1"], x["actor2"], x["events"]) for x in rows] == [
        ("2022-01-03", "RUS", "UKR", 6),
        ("2022-01-10", "RUS", "UKR", 1),
    ]


def test_cli_alerts_end_to_end(run_dyad, alert_db: Path) -> None:
    r = run_dyad("alerts", "--db", alert_db, "--format", "json", "--evidence", "2")
    assert r.returncode == 0, r.stderr
    (a,) = json.loads(r.stdout)
    assert (a["actor1"], a["actor2"], a["period"], len(a["evidence"])) == (
        "SYRMIL",
        "ISR",
        _monday(10),
        2,
    )


def test_cli_missing_db_end_to_end(run_dyad, tmp_path: Path) -> None:
    r = run_dyad("alerts", "--db", tmp_path / "missing.duckdb")
    assert r.returncode == 2
    missing = tmp_path / "missing.duckdb"
    assert r.stderr == f"dyad: {missing}: no such database file (create it with dyad ingest)\n"


def test_cli_dyads_table(capsys, series_db: Path) -> None:
    code, out, _ = _main(capsys, "dyads", "--db", series_db, "--by", "month")
    assert code == 0
    assert out.splitlines()[0].split()[:4] == ["period", "actor1", "actor2", "events"]
    assert "2022-01-01  RUSGOV  UKRGOV" in out


def test_cli_dyads_csv_to_file_with_plot(capsys, series_db: Path, tmp_path: Path) -> None:
    out_csv, png = tmp_path / "series.csv", tmp_path / "rus-ukr.png"
    code, _, err = _main(
        capsys, "dyads", "--db", series_db, "--format", "csv", "-o", out_csv, "--plot", png
    )
    assert code == 0, err
    lines = out_csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("period,actor1,actor2,events,q1") and len(lines) == 5
    assert png.read_bytes()[:8] == PNG_MAGIC


def test_cli_dyads_html_plot(capsys, series_db: Path, tmp_path: Path) -> None:
    page = tmp_path / "chart.html"
    code, _, _ = _main(
        capsys, "dyads", "--db", series_db, "--plot", page, "--plot-metric", "goldstein"
    )
    assert code == 0 and "<svg" in page.read_text(encoding="utf-8")


def test_cli_alerts_table(capsys, alert_db: Path) -> None:
    code, out, _ = _main(capsys, "alerts", "--db", alert_db)
    assert code == 0
    assert out.startswith(f"{_monday(10)}  SYRMIL -> ISR  z=50.0  6 conflict events")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyads", "--db", "{tmp}/missing.duckdb"], "no such database file"),
        (["dyads", "--db", "{db}", "--from", "2022-13-01"], "--from '2022-13-01': not a date"),
        (["dyads", "--db", "{db}", "--actor", "RUS'--"], "not an actor code prefix"),
        (["dyads", "--db", "{db}", "--plot", "{tmp}/x.gif"], "expected a .png or .html"),
        (["dyads", "--db", "{tmp}/not-a-db.duckdb"], "cannot open"),
        (["dyads", "--db", "{tmp}/foreign.duckdb"], "not a dyad store"),
        (["alerts", "--db", "{db}", "--window", "1"], "needs at least 2 periods"),
    ],
)
def test_cli_errors_are_one_line(
    capsys, series_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "not-a-db.duckdb").write_text("hello", encoding="utf-8")
    duckdb.connect(str(tmp_path / "foreign.duckdb")).execute("CREATE TABLE t (x INTEGER)").close()
    code, _, err = _main(capsys, *(a.format(tmp=tmp_path, db=series_db) for a in args))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("dyad: ") and message in err, err
