"""The time/place stage: one test per temporal expression and per place rule, on real parses,
plus the negative cases (no place from a name, no future date for a past event) and the
validation of its data files."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

import dyad
from dyad.model import Event
from dyad.output import CSV_COLUMNS, CsvWriter, TableWriter
from dyad.resources import DataError
from dyad.timeplace import dates, vocab
from dyad.timeplace.places import load_gazetteer


def one(coder: dyad.Coder, text: str, date: str, trigger: str) -> Event:
    """The event triggered by ``trigger`` in ``text`` coded at ``date``."""
    doc = coder.code(text, date)
    found = [e for e in doc.events if e.trigger.text == trigger]
    assert found, f"no event at {trigger!r}: {[e.trigger.text for e in doc.events]}"
    return found[0]


def when(e: Event) -> tuple[str | None, str, str | None]:
    return e.date, e.date_precision, e.date_phrase.text if e.date_phrase else None


# --- dates ---------------------------------------------------------------------------------


def test_on_weekday_past_is_latest_on_or_before(coder: dyad.Coder) -> None:
    e = one(coder, "Russian troops shelled Kharkiv on Monday.", "2022-03-02", "shelled")
    assert when(e) == ("2022-02-28", "day", "on Monday")


def test_on_weekday_future_is_next(coder: dyad.Coder) -> None:
    e = one(coder, "Erdogan will meet Putin on Monday.", "2022-01-25", "meet")
    assert when(e) == ("2022-01-31", "day", "on Monday")


def test_past_promise_of_future_event_is_dated_in_the_past(coder: dyad.Coder) -> None:
    text = "On Wednesday, Turkish President Recep Tayyip Erdogan pledged to convert Hagia Sophia."
    e = one(coder, text, "2019-03-31", "pledged")
    assert e.modality == "intended" and when(e) == ("2019-03-27", "day", "On Wednesday")


def test_bare_weekday(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine Monday.", "2022-03-02", "attacked")
    assert when(e) == ("2022-02-28", "day", "Monday")


def test_last_weekday_is_strictly_before(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine last Wednesday.", "2022-03-02", "attacked")
    assert when(e) == ("2022-02-23", "day", "last Wednesday")


def test_yesterday(coder: dyad.Coder) -> None:
    e = one(coder, "Nancy Pelosi yesterday met Trump.", "2019-01-04", "met")
    assert when(e) == ("2019-01-03", "day", "yesterday")


def test_last_week_is_its_monday(coder: dyad.Coder) -> None:
    e = one(coder, "Russian troops attacked the rebels last week.", "2022-01-27", "attacked")
    assert when(e) == ("2022-01-17", "week", "last week")


def test_this_week(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine this week.", "2022-01-27", "attacked")
    assert when(e) == ("2022-01-24", "week", "this week")


def test_next_month(coder: dyad.Coder) -> None:
    e = one(coder, "Erdogan will also visit Ukraine next month.", "2022-01-25", "visit")
    assert when(e) == ("2022-02-01", "month", "next month")


def test_earlier_this_month(coder: dyad.Coder) -> None:
    e = one(coder, "Earlier this month, Russia attacked Ukraine.", "2022-01-25", "attacked")
    assert when(e) == ("2022-01-01", "month", "Earlier this month")


def test_in_year(coder: dyad.Coder) -> None:
    e = one(coder, "Russia invaded Ukraine in 2014.", "2022-01-25", "invaded")
    assert when(e) == ("2014-01-01", "year", "in 2014")


def test_years_ago(coder: dyad.Coder) -> None:
    e = one(coder, "Russia annexed Crimea eight years ago.", "2022-01-25", "annexed")
    assert when(e) == ("2014-01-01", "year", "eight years ago")


def test_day_month(coder: dyad.Coder) -> None:
    e = one(coder, "Russia invaded Ukraine on 24 February.", "2022-03-02", "invaded")
    assert when(e) == ("2022-02-24", "day", "on 24 February")


def test_month_day_past_event_goes_back_a_year(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine on February 24.", "2022-01-25", "attacked")
    assert when(e) == ("2021-02-24", "day", "on February 24")


def test_in_month(coder: dyad.Coder) -> None:
    e = one(coder, "Putin met Erdogan in March.", "2022-05-10", "met")
    assert when(e) == ("2022-03-01", "month", "in March")


def test_month_of_last_year(coder: dyad.Coder) -> None:
    e = one(
        coder, "Russian police arrested Navalny in January of last year.", "2019-04-20", "arrested"
    )
    assert when(e) == ("2018-01-01", "month", "in January of last year")


def test_late_month_keeps_month_precision(coder: dyad.Coder) -> None:
    e = one(coder, "In late June, Russia attacked Ukraine.", "2019-07-20", "attacked")
    assert when(e) == ("2019-06-01", "month", "In late June")


def test_place_after_date_is_cut_from_phrase(coder: dyad.Coder) -> None:
    text = "On Friday in Pakistan, Pakistani police arrested Mohammed Waseem."
    e = one(coder, text, "2019-09-30", "arrested")
    assert when(e) == ("2019-09-27", "day", "On Friday")


def test_no_expression_keeps_document_date(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine.", "2022-01-25", "attacked")
    assert when(e) == ("2022-01-25", "document", None)


def test_no_future_date_for_past_event(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine next week.", "2022-01-25", "attacked")
    assert e.date_precision == "document" and e.date == "2022-01-25"


def test_time_of_another_clause_is_not_taken(coder: dyad.Coder) -> None:
    e = one(coder, "Trump said Monday that Russia attacked Ukraine.", "2022-03-02", "attacked")
    assert e.date_precision == "document"


def test_year_on_the_event_noun_dates_it(coder: dyad.Coder) -> None:
    text = "Sanctions followed Russia's 2014 annexation of Crimea."
    e = one(coder, text, "2022-03-02", "annexation")
    assert when(e) == ("2014-01-01", "year", "2014")


def test_event_long_before_the_document_is_background(coder: dyad.Coder) -> None:
    e = one(coder, "Russia invaded Georgia in 2008.", "2022-03-02", "invaded")
    assert e.background and e.date == "2008-01-01"


def test_recent_event_is_not_background(coder: dyad.Coder) -> None:
    e = one(coder, "Russian troops shelled Kharkiv on Monday.", "2022-03-02", "shelled")
    assert not e.background


def test_year_of_the_document_is_not_background(coder: dyad.Coder) -> None:
    e = one(coder, "Russia invaded Ukraine in 2022.", "2022-11-20", "invaded")
    assert e.date == "2022-01-01" and not e.background


def test_background_threshold_is_an_option() -> None:
    from dyad.timeplace import TimePlace

    found = dates.Resolved(dt.date(2022, 1, 10), "day")
    assert TimePlace(background_days=30).is_background(found, dt.date(2022, 3, 1))
    assert not TimePlace(background_days=60).is_background(found, dt.date(2022, 3, 1))


def test_date_arithmetic() -> None:
    doc = dt.date(2022, 3, 2)  # a Wednesday
    assert dates.weekday(doc, 2, future=False) == doc
    assert dates.weekday(doc, 2, future=False, strict=True) == dt.date(2022, 2, 23)
    assert dates.weekday(doc, 2, future=True) == dt.date(2022, 3, 9)
    assert dates.shift(doc, "month", -3) == dt.date(2021, 12, 1)
    assert dates.month(doc, 11, future=False) == dt.date(2021, 11, 1)
    assert dates.month(doc, 1, future=True) == dt.date(2023, 1, 1)
    assert dates.day_of_month(doc, 2, 30, future=False) is None


def test_unknown_phrase_gives_nothing() -> None:
    v = vocab.load_vocabulary()
    doc = dt.date(2022, 3, 2)
    assert dates.read_phrase(v, [("the", "DT"), ("war", "NN")], doc, False) is None
    assert dates.read_phrase(v, [("24", "CD")], doc, False) is None
    assert dates.read_phrase(v, [("May", "MD")], doc, False) is None


# --- places --------------------------------------------------------------------------------


def test_place_in_city(coder: dyad.Coder) -> None:
    e = one(coder, "Erdogan will meet Putin in Sochi.", "2022-01-25", "meet")
    assert e.place and (e.place.name, e.place.country) == ("Sochi", "RUS")
    assert e.place.lat is not None and e.place.lon is not None


def test_place_region_alias(coder: dyad.Coder) -> None:
    e = one(
        coder,
        "Russian troops attacked Ukrainian soldiers in the Donbass.",
        "2022-01-25",
        "attacked",
    )
    assert e.place and (e.place.id, e.place.country) == ("dyad:ukr-donbas", "UKR")
    assert e.place.name == "Donbas"


def test_place_nested_locative(coder: dyad.Coder) -> None:
    text = "Police arrested a man at a Walmart in El Paso."
    e = one(coder, text, "2019-08-05", "arrested")
    assert e.place and e.place.name == "El Paso" and e.place.admin1 == "Texas"
    assert text[e.place.start : e.place.end] == "El Paso"


def test_place_of_an_argument(coder: dyad.Coder) -> None:
    e = one(coder, "Police in Paris arrested two men.", "2019-02-20", "arrested")
    assert e.place and e.place.name == "Paris"


def test_place_word_with_of(coder: dyad.Coder) -> None:
    e = one(coder, "Russia attacked Ukraine in the city of Kharkiv.", "2022-03-02", "attacked")
    assert e.place and e.place.name == "Kharkiv"


def test_no_place_without_a_table_row(coder: dyad.Coder) -> None:
    text = "Russia attacked Ukraine near the Ukrainian border."
    assert one(coder, text, "2022-01-25", "attacked").place is None


def test_no_place_from_a_person_name(coder: dyad.Coder) -> None:
    for text in (
        "Putin met Erdogan at Charlotte Church's house.",  # Charlotte is a city row
        "Putin met Erdogan in the George Washington Hotel.",
        "Putin met Erdogan in Phoenix Park.",
    ):
        assert one(coder, text, "2022-01-25", "met").place is None, text


def test_no_place_from_an_actor_argument(coder: dyad.Coder) -> None:
    e = one(coder, "Russian troops shelled Kharkiv.", "2022-03-02", "shelled")
    assert e.place is None


def test_washington_as_government_is_not_a_place(coder: dyad.Coder) -> None:
    text = "Washington threatened to impose sanctions on Russia."
    assert all(e.place is None for e in coder.code(text, "2022-01-25").events)


def test_ambiguous_names_map_to_nothing() -> None:
    gaz = load_gazetteer()
    assert gaz.get("Georgia") is None  # a country and a US state
    assert gaz.get("Punjab") is None  # India and Pakistan
    kyiv = gaz.get("Kiev")
    assert kyiv is not None and kyiv.country == "UKR"


# --- output and data -----------------------------------------------------------------------


def test_csv_and_table_show_date_and_place(coder: dyad.Coder) -> None:
    doc = coder.code("Erdogan will meet Putin in Sochi on Monday.", "2022-01-25")
    out = io.StringIO()
    CsvWriter(out).write(doc)
    for col in ("date_precision", "date_phrase", "place_name", "place_country", "lat", "lon"):
        assert col in CSV_COLUMNS
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["date"], row["date_precision"], row["date_phrase"]) == (
        "2022-01-31",
        "day",
        "on Monday",
    )
    assert (row["place_name"], row["place_country"]) == ("Sochi", "RUS") and row["lat"]
    table = io.StringIO()
    TableWriter(table, width=120).write(doc)
    assert "2022-01-31, Sochi RUS" in table.getvalue()


def test_data_files_load() -> None:
    v = vocab.load_vocabulary()
    assert v.weekdays["monday"] == 0 and v.months["february"] == 2
    assert v.relative["last week"][:2] == ("week", -1)
    assert v.numbers["eight"] == 8


@pytest.mark.parametrize(
    ("file", "row", "message"),
    [
        ("calendar.tsv", "wd-xyz\tweekday\t9\tFunday\t\n", "outside"),
        ("relative.tsv", "rel-bad\tlast fortnight\tfortnight\t-1\t\n", "unit"),
        ("numbers.tsv", "num-x\tzillion\tmany\t\n", "whole number"),
        ("words.tsv", "w-bad\tplace_prepp\tin\t\n", "unknown kind"),
        ("relative.tsv", "rel-yesterday\tthe other day\tday\t-2\t\n", "duplicate id"),
    ],
)
def test_broken_data_row_stops_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, row: str, message: str
) -> None:
    real = vocab.data_path("timeplace")
    for src in real.iterdir():
        (tmp_path / src.name).write_bytes(src.read_bytes())
    with (tmp_path / file).open("a", encoding="utf-8") as fh:
        fh.write(row)
    monkeypatch.setattr(vocab, "data_path", lambda *parts: tmp_path.joinpath(*parts[1:]))
    vocab.load_vocabulary.cache_clear()
    try:
        with pytest.raises(DataError, match=message):
            vocab.load_vocabulary()
    finally:
        vocab.load_vocabulary.cache_clear()
