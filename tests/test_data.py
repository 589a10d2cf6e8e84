"""The package's data files: they load, they validate, and validation catches broken rows."""

from __future__ import annotations

import shutil
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from dyad.actors.gazetteer import builtin_entries
from dyad.cameo import load_ontology
from dyad.events import default_lexicon, load_lexicon
from dyad.resources import ACTOR_CODE, DataError, data_path, read_tsv


def test_ontology_has_every_cameo_code() -> None:
    onto = load_ontology()
    assert len(onto.codes) == 316
    assert onto.roots() == [f"{i:02d}" for i in range(1, 21)]
    assert onto["1312"].quad_class == 3 and onto["1312"].goldstein < 0
    assert onto["057"].quad_class == 1 and onto["057"].goldstein > 0


def test_every_code_has_its_own_label_and_a_plover_type_outside_statements() -> None:
    onto = load_ontology()
    labels = [c.label for c in onto.codes.values()]
    assert len(set(labels)) == len(labels)
    assert all(c.plover for c in onto.codes.values() if c.root != "01")


def test_lexicon_reaches_every_root() -> None:
    lex = default_lexicon()
    codes = {e.code for entries in lex.verbs.values() for e in entries if e.code}
    codes |= {e.code for entries in lex.nouns.values() for e in entries}
    codes |= {code for rows in lex.frames.values() for _, code, _ in rows}
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}


def test_frames_cover_each_family() -> None:
    lex = default_lexicon()
    assert set(lex.frames) == {"appeal", "intend", "demand", "reject", "threaten"}
    assert lex.frame_code("threaten", "163") == ("1312", lex.frame_code("threaten", "163")[1])
    assert lex.frame_code("intend", "045")[0] == "039"


def test_trigger_forms_include_inflections() -> None:
    forms = default_lexicon().trigger_forms()
    assert {"accused", "threatened", "met", "sanctions", "said"} <= forms


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicon"
    shutil.copytree(data_path("lexicon"), folder)
    return folder


def test_lexicon_copy_loads(lexicon_copy: Path) -> None:
    assert load_lexicon(lexicon_copy).verbs


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("verbs.yaml", '- {id: v.bad, lemma: attack, code: "999"}\n', "not a CAMEO code"),
        ("verbs.yaml", '- {id: v.accuse, lemma: blame, code: "112"}\n', "duplicate id"),
        ("verbs.yaml", "- {id: v.nocode, lemma: blame}\n", "needs a code or a frame"),
        ("verbs.yaml", "- {id: v.f, lemma: blame, frame: wish}\n", "unknown frame"),
        ("nouns.yaml", "- {id: n.bad, lemma: war}\n", "lacks"),
        ("policy.yaml", "- {id: p.bad, kind: mood, words: [x]}\n", "unknown kind"),
    ],
)
def test_broken_lexicon_entries_are_refused(
    lexicon_copy: Path, file: str, line: str, message: str
) -> None:
    with (lexicon_copy / file).open("a", encoding="utf-8") as fh:
        fh.write("\n" + line)
    with pytest.raises(DataError, match=message):
        load_lexicon(lexicon_copy)


def test_broken_frame_row_is_refused(lexicon_copy: Path) -> None:
    with (lexicon_copy / "frames.tsv").open("a", encoding="utf-8") as fh:
        fh.write("f.bad\tthreaten\t19\t9999\tno such code\n")
    with pytest.raises(DataError, match=r"frames\.tsv"):
        load_lexicon(lexicon_copy)


def test_actor_tables_load_with_valid_codes() -> None:
    entries = builtin_entries()
    kinds = Counter(e.kind for e in entries)
    assert kinds["country"] > 200 and kinds["person"] > 300 and kinds["place"] > 3000
    assert all(ACTOR_CODE.match(e.code) for e in entries if e.kind not in ("title", "sector"))


def test_role_words_each_belong_to_one_row() -> None:
    words = Counter(
        w.lower()
        for row in read_tsv(data_path("actors", "roles.tsv"))
        for w in row["words"].split("|")
    )
    assert [w for w, n in words.items() if n > 1] == []


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Kyiv", "UKRGOV"),
        ("Kiev", "UKRGOV"),
        ("Türkiye", "TUR"),
        ("Burma", "MMR"),
        ("the Kremlin", "RUSGOV"),
    ],
)
def test_spelling_variants_and_seats(surface: str, code: str) -> None:
    found = {e.code for e in builtin_entries() if e.pattern.lower() == surface.lower()}
    assert code in found


def test_people_have_dated_terms() -> None:
    biden = [e for e in builtin_entries() if e.kind == "person" and e.name == "Joe Biden"]
    assert len({(e.start, e.end) for e in biden}) >= 2
    assert all(e.start for e in biden)


def test_places_have_coordinates_in_range() -> None:
    rows = read_tsv(data_path("places", "places.tsv"))
    assert all(-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180 for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_lexicon_coverage_counts_tests_of_every_file(tmp_path: Path) -> None:
    from dyad.events.coverage import coverage

    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one.write_text("- text: x\n  events: [{source: RUS, target: UKR, code: '112'}]\n")
    two.write_text("- text: y\n  events: [{source: UKR, target: RUS, code: '112'}]\n")
    rows = {r.code: r for r in coverage(default_lexicon(), load_ontology(), [one, two])}
    assert len(rows) == 296  # every code below the 20 roots
    assert rows["112"].verbs > 0 and rows["112"].tests == 2


def test_lexicon_coverage_flags_codes_without_entries() -> None:
    from dyad.events.coverage import CodeCoverage, format_coverage

    rows = [CodeCoverage("112", "accuse", 3, 1, 0, 2), CodeCoverage("204", "use WMD", 0, 0, 0, 0)]
    text = format_coverage(rows, only_missing=True)
    assert "204" in text and "<- no entry" in text and "112 " not in text
    assert "1/2 three-digit with two or more" in format_coverage(rows)


def test_member_nouns_and_cues_load_without_overlap_with_role_words() -> None:
    from dyad.actors.gazetteer import CUE_KINDS, cues, member_nouns

    roles = {
        w.lower()
        for row in read_tsv(data_path("actors", "roles.tsv"))
        for w in row["words"].split("|")
    }
    assert "members" in member_nouns() and not member_nouns() & roles
    found = cues()
    assert set(found) == set(CUE_KINDS) and "into" in found["place_prep_verb"]
    assert "to" not in found["place_prep_noun"]  # "aid to Ukraine" keeps its actor


def test_party_rows_do_not_overlap_in_time() -> None:
    rows = [r for r in read_tsv(data_path("actors", "organizations.tsv")) if r["kind"] == "party"]
    assert rows
    by_name: dict[str, list[tuple[str, str]]] = {}
    for r in rows:
        by_name.setdefault(r["names"].split("|")[0], []).append(
            (r["start"] or "0000", r["end"] or "9999")
        )
    for name, terms in by_name.items():
        terms.sort()
        assert all(a[1] <= b[0] for a, b in pairwise(terms)), name


def test_no_verb_entry_drops_a_target_its_code_needs() -> None:
    """An entry with no target slot codes nothing unless its code may stand alone (policy
    one_sided_root), and it still wins the lemma over light verbs: "hosted refugees" would be
    lost. Only frame verbs without a code of their own may have no target."""
    lex = default_lexicon()
    bad = [
        e.id
        for entries in lex.verbs.values()
        for e in entries
        if "none" in e.targets and e.code is not None and not lex.one_sided(e.code)
    ]
    assert bad == []
