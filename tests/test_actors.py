"""Actor resolution: names, titles, seats of government, dates, pronouns, user dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Token

from dyad import Coder, Document
from dyad.actors import DocumentActors, read_user_actors
from dyad.resources import DataError
from mention_codes import code_of


def subject_code(coder: Coder, text: str, date: str = "2022-01-25") -> str:
    doc = coder.code(text, date)
    assert doc.events, f"no event in {text!r}"
    return doc.events[0].source.code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kremlin accused Ukraine of provocations.", "RUSGOV"),
        ("Ankara accused Greece of provocations.", "TURGOV"),
        ("Washington accused Iran of provocations.", "USAGOV"),
        ("The Pentagon accused Iran of provocations.", "USAMIL"),
        ("NATO accused Russia of provocations.", "IGOWSTNAT"),
        ("Turkish police arrested two journalists.", "TURCOP"),
        ("Russian troops attacked the Ukrainian army.", "RUSMIL"),
    ],
)
def test_names_seats_and_sectors(coder: Coder, text: str, code: str) -> None:
    assert subject_code(coder, text) == code


def test_title_and_name_give_the_code_of_an_unknown_person(coder: Coder) -> None:
    doc = coder.code(
        "Kremlin spokesman Dmitri Peskovsky spoke on Monday. Peskovsky accused Ukraine of lying.",
        "2022-01-25",
    )
    assert doc.events[0].source.code == "RUSGOV"
    assert doc.events[0].source.name == "Peskovsky"


def test_apposition_title_gives_the_country_of_the_person_not_of_the_place(coder: Coder) -> None:
    doc = coder.code(
        "The Ukrainian ambassador to Ankara, Wasil Bodnar, accused Russia of aggression.",
        "2022-01-25",
    )
    assert doc.events[0].source.code == "UKRGOV"


def test_surname_later_in_the_text(coder: Coder) -> None:
    doc = coder.code(
        "Turkish Defense Minister Hulusi Akar visited Kyiv. Later Akar criticized Russia.",
        "2022-01-25",
    )
    assert code_of(doc, "Akar") == "TURGOV"


def test_known_people_depend_on_the_document_date(coder: Coder) -> None:
    text = "Biden criticized Russia."
    assert subject_code(coder, text, "2022-06-01") == "USAGOV"
    assert subject_code(coder, text, "2012-06-01") == "USAGOV"  # vice-president then
    later = subject_code(coder, text, "2026-06-01")
    assert later.startswith("USA") and later != "USAGOV"  # a former official


def test_pronoun_points_back_to_the_last_person(coder: Coder) -> None:
    doc = coder.code("Erdogan spoke in Ankara. He accused Russia of aggression.", "2022-01-25")
    accuse = [e for e in doc.events if e.root == "11"]
    assert accuse and accuse[0].source.code == "TURGOV" and accuse[0].source.name == "He"


def test_his_country_is_the_persons_country(coder: Coder) -> None:
    doc = coder.code(
        "The Ukrainian ambassador, Wasil Bodnar, said his country criticized Russia.",
        "2022-01-25",
    )
    assert any(
        e.source.code.startswith("UKR") and e.source.name == "his country" for e in doc.events
    )


def test_capitalised_names_only(coder: Coder) -> None:
    doc = coder.code("We ate turkey and the chad was hanging.", "2022-01-25")
    assert doc.mentions == []


def test_every_mention_points_to_an_actor(coder: Coder) -> None:
    doc = coder.code(
        "Kremlin spokesman Dmitry Peskov said Russia and Turkey will talk.", "2022-01-25"
    )
    ids = {a.id for a in doc.actors}
    assert doc.mentions and all(m.actor in ids for m in doc.mentions)
    peskov = next(a for a in doc.actors if a.name == "Dmitry Peskov")
    assert peskov.code == "RUSGOV" and peskov.kind == "person"


def test_user_dictionary_csv_wins_and_is_dated(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("pattern,code,start,end\nRussia,ZZZ,2020-01-01,2021-01-01\n", encoding="utf-8")
    coder = Coder(actors=path)
    inside = coder.code("Russia accused Ukraine of lying.", "2020-06-01")
    outside = coder.code("Russia accused Ukraine of lying.", "2022-06-01")
    assert inside.events[0].source.code == "ZZZ"
    assert outside.events == [] or outside.events[0].source.code != "ZZZ"


def test_user_dictionary_yaml(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("- pattern: Freedonia\n  code: FRD\n", encoding="utf-8")
    entries = read_user_actors(path)
    assert [(e.pattern, e.code) for e in entries] == [("Freedonia", "FRD")]


@pytest.mark.parametrize(
    "content",
    ["pattern,code\nRussia,R1S\n", "name,code\nRussia,RUS\n", "pattern,code,start\nX,XXX,May 1\n"],
)
def test_user_dictionary_errors_name_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.csv"):
        read_user_actors(path)


def test_every_person_pronoun_and_quoted_we_become_mentions(coder: Coder) -> None:
    text = (
        'Erdogan spoke in Ankara on Monday. He was calm. "We are ready," the Turkish president '
        "said."
    )
    doc = coder.code(text, "2022-01-25")
    by_text = {m.text: m for m in doc.mentions if m.how == "pronoun"}
    assert by_text["He"].actor == "person:recep-tayyip-erdo-an"
    assert by_text["We"].actor.startswith(("TUR", "person:"))


def mentions_of(doc: Document) -> list[tuple[str, str]]:
    """(text, code) of every mention, in text order."""
    codes = {a.id: a.code for a in doc.actors}
    return [(m.text, codes[m.actor]) for m in doc.mentions]


def test_inner_capital_names_match_case_exactly(coder: Coder) -> None:
    doc = coder.code('The president wrote "Let\'s all pray for him." LeT denied it.', "2019-01-14")
    texts = [t for t, _ in mentions_of(doc)]
    assert "Let" not in texts and "LeT" in texts


def test_title_phrase_gives_way_to_the_name(coder: Coder) -> None:
    doc = coder.code(
        "Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed. Police arrested a man.",
        "2019-01-14",
    )
    found = mentions_of(doc)
    assert ("Paweł Adamowicz", "POLGOV") in found
    assert not any(t.startswith("mayor") or t == "Polish" for t, _ in found)


def test_country_word_in_a_title_before_a_name_is_not_a_mention(coder: Coder) -> None:
    doc = coder.code("US Secretary of State Mike Pompeo met Turkish officials.", "2019-01-23")
    found = mentions_of(doc)
    assert ("Mike Pompeo", "USAGOV") in found and ("US", "USA") not in found
    assert ("Turkish officials", "TURGOV") in found


def test_role_word_that_modifies_a_thing_is_not_an_actor(coder: Coder) -> None:
    doc = coder.code(
        "Police spokesman Mariusz Ciarka said a press badge was used to rob banks.", "2019-01-14"
    )
    texts = [t for t, _ in mentions_of(doc)]
    assert "press badge" not in texts and "a press badge" not in texts


def test_demonym_that_modifies_a_thing_is_not_a_mention(coder: Coder) -> None:
    doc = coder.code("Turkish airstrikes hit the town, the Kurds said.", "2019-10-15")
    texts = [t for t, _ in mentions_of(doc)]
    assert "Turkish" not in texts


def test_country_that_is_only_a_place_is_not_a_mention(coder: Coder) -> None:
    doc = coder.code(
        "She flew to the UK and returned to the US. Britain urged America to act.", "2019-10-10"
    )
    found = mentions_of(doc)
    assert not any(t.endswith(("UK", "US")) for t, _ in found)
    assert any(code == "GBR" for _, code in found) and any(code == "USA" for _, code in found)


def test_surname_after_a_name_registered_during_parsing(coder: Coder) -> None:
    doc = coder.code(
        "Paweł Adamowicz, mayor of Gdańsk, was stabbed on stage. Doctors said Adamowicz was "
        "alive, and Adamowicz's former party prayed.",
        "2019-01-14",
    )
    codes = [c for t, c in mentions_of(doc) if t == "Adamowicz"]
    assert codes == ["POLGOV", "POLGOV"]


def test_person_between_two_terms_is_a_former_official(coder: Coder) -> None:
    doc = coder.code("Joe Biden criticized Russia.", "2018-06-01")
    assert code_of(doc, "Joe Biden") == "USAELI"


def test_a_candidate_of_the_party_out_of_power_is_the_opposition(coder: Coder) -> None:
    doc = coder.code("Joe Biden criticized Russia.", "2019-09-30")
    assert code_of(doc, "Joe Biden") == "USAOPP"


def test_organisation_people_take_the_organisation_code(coder: Coder) -> None:
    doc = coder.code(
        "Houthi military spokesperson Yahya Sarea said the attack succeeded.", "2019-09-15"
    )
    assert code_of(doc, "Yahya Sarea") == "YEMREB"


def test_spelling_variant_of_a_surname_is_the_same_person(coder: Coder) -> None:
    doc = coder.code(
        "Houthi military spokesperson Yahya Sarea said the attack succeeded. "
        '"We warn the Saudis," Saree said.',
        "2019-09-15",
    )
    assert code_of(doc, "Saree") == "YEMREB"


def test_later_stated_nationality_settles_a_default_country(coder: Coder) -> None:
    text = (
        "The United States and Britain met. Washington said journalist Jamal Khashoggi was "
        "killed. Jamal Khashoggi, a Saudi national, criticized the government."
    )
    doc = coder.code(text, "2019-09-29")
    assert code_of(doc, "Jamal Khashoggi") == "SAUMED"


def test_bare_role_word_points_back_to_the_named_actor(coder: Coder) -> None:
    doc = coder.code(
        "Germany banned Iranian airline Mahan Air on Monday. The airline denied the claims.",
        "2019-01-23",
    )
    assert code_of(doc, "airline") == "IRNBUS"


def test_dated_party_rows_give_government_or_opposition(coder: Coder) -> None:
    text = "The Democratic Party criticized the decision."
    assert code_of(coder.code(text, "2019-09-30"), "Democratic Party") == "USAOPP"
    assert code_of(coder.code(text, "2022-09-30"), "Democratic Party") == "USAGOV"


def test_definite_title_points_back_to_the_person_introduced_with_it(coder: Coder) -> None:
    doc = coder.code(
        "Mexican Foreign Minister Marcelo Ebrard spoke on Sunday.\n\n"
        "The foreign minister said that Mexico would act.",
        "2019-08-04",
    )
    (quote,) = doc.quotes
    names = {a.id: a.name for a in doc.actors}
    assert quote.speaker is not None and names[quote.speaker.actor] == "Marcelo Ebrard"


def test_definite_title_does_not_point_forward(coder: Coder) -> None:
    doc = coder.code(
        "The El Paso mayor said that the city would recover. Later, El Paso Mayor Dee Margo "
        "visited the site.",
        "2019-08-04",
    )
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.actor != "person:dee-margo"


def test_role_word_does_not_point_forward_to_a_later_actor(
    example_doc: Document, example_text: str
) -> None:
    # "The researcher at the SITA Center ... added" comes before Maged Azzam, "a researcher in
    # international relations", is introduced: it cannot be him.
    introduced = example_text.index("Maged Azzam")
    names = {a.id: a.name for a in example_doc.actors}
    cue = example_text.index("The researcher at the SITA Center")
    added = next(q for q in example_doc.quotes if q.cue and cue < q.cue.start < introduced)
    assert added.cue is not None and added.cue.text == "added"
    assert added.speaker is not None
    assert names.get(added.speaker.actor or "") != "Maged Azzam"


def test_role_word_points_back_to_the_actor_it_described(coder: Coder) -> None:
    doc = coder.code(
        "Germany banned Iranian airline Mahan Air from its airports. The airline denied the "
        "charges on Monday.",
        "2019-01-21",
    )
    names = {a.id: a.name for a in doc.actors}
    later = [m for m in doc.mentions if m.text.lower().endswith("airline") and m.start > 40]
    assert later and all("Mahan" in names[m.actor] for m in later)


def test_ambassador_to_a_country_serves_the_country_named_before_the_title(
    coder: Coder,
) -> None:
    doc = coder.code(
        "Talks went on for hours.\n\nFrench Ambassador to Japan Pierre Marchand met reporters. "
        "Marchand accused Tokyo of delays.",
        "2021-03-02",
    )
    assert code_of(doc, "Pierre Marchand") == "FRAGOV"


def test_names_listed_after_a_plural_title_share_its_code(coder: Coder) -> None:
    doc = coder.code(
        "The bill was sponsored by Kenyan senators Amos Kiprono and Grace Wanjiru on Monday.",
        "2021-03-02",
    )
    assert code_of(doc, "Amos Kiprono") == "KENLEG"
    assert code_of(doc, "Grace Wanjiru") == "KENLEG"


def test_description_after_a_name_gives_its_code(coder: Coder) -> None:
    doc = coder.code(
        "The talks failed. Olga Petrenko, a Ukrainian researcher, said the plan was weak.",
        "2021-03-02",
    )
    assert code_of(doc, "Olga Petrenko") == "UKREDU"
    doc = coder.code(
        "The talks failed. Olga Petrenko, wife of the Ukrainian ambassador, was in the room.",
        "2021-03-02",
    )
    assert code_of(doc, "Olga Petrenko") is None  # the title describes someone else


def test_local_role_takes_the_country_of_located_places_not_the_main_country(
    coder: Coder,
) -> None:
    text = (
        "The United States said on Monday it would not lift the immunity. The US State "
        "Department and the US embassy repeated that the United States would not change its "
        "position.\n\nThe crash happened at a junction in Manchester. Police said the driver "
        "had left."
    )
    doc = coder.code(text, "2021-03-02")
    assert code_of(doc, "Police") == "GBRCOP"


def test_demonym_of_a_meeting_place_does_not_give_a_country(coder: Coder) -> None:
    doc = coder.code("Police at an Irish pub in Lyon arrested two men.", "2021-03-02")
    assert doc.events
    assert doc.events[0].source.code == "FRACOP"


def test_an_institution_is_not_the_person_a_later_she_means(coder: Coder) -> None:
    doc = coder.code(
        "The trial opened in Lyon. Witness Marie Dubois spoke to the court. She said she was "
        "afraid.",
        "2021-03-02",
    )
    she = [m for m in doc.mentions if m.text == "She"]
    court = [m for m in doc.mentions if m.text == "court"]
    assert not she or not court or she[0].actor != court[0].actor


def test_it_continues_the_subject_of_its_sentence(coder: Coder) -> None:
    doc = coder.code(
        "Norway wanted to show Sweden that it would not give up its claim.", "2021-03-02"
    )
    it = next(m for m in doc.mentions if m.text == "it")
    assert next(a.code for a in doc.actors if a.id == it.actor) == "NOR"


def test_it_in_a_conditional_clause_keeps_the_latest_actor(coder: Coder) -> None:
    doc = coder.code(
        "Norway warned that it would cut trade with Chile if it seized the fishing boats.",
        "2021-03-02",
    )
    second = [m for m in doc.mentions if m.text == "it"][-1]
    assert next(a.code for a in doc.actors if a.id == second.actor) == "CHL"


def test_it_does_not_mean_a_plural_subject(coder: Coder) -> None:
    doc = coder.code(
        "Norway and Western countries accused Russia of moving its ships north.", "2021-03-02"
    )
    its = next(m for m in doc.mentions if m.text == "its")
    assert next(a.code for a in doc.actors if a.id == its.actor) == "RUS"


def test_the_countrys_means_the_country_named_before(coder: Coder) -> None:
    doc = coder.code(
        "Chilean voters went to the polls on Sunday. The country's electoral board praised "
        "the turnout.",
        "2021-03-02",
    )
    assert code_of(doc, "country") == "CHL"


def test_the_latter_is_the_actor_named_last(coder: Coder) -> None:
    doc = coder.code(
        "Peru signed a trade deal with Chile, and the latter promised to cut tariffs.",
        "2021-03-02",
    )
    assert code_of(doc, "latter") == "CHL"


def test_possessive_before_the_subject_means_the_subject(coder: Coder) -> None:
    doc = coder.code(
        "Putin met reporters on Monday.\n\nIn his speech at the forum in Lima, the Peruvian "
        "foreign minister accused Chile of spying.",
        "2021-03-02",
    )
    his = next(m for m in doc.mentions if m.text == "his")
    assert next(a.code for a in doc.actors if a.id == his.actor) == "PERGOV"


def test_private_person_noun_with_a_country_gives_a_code(coder: Coder) -> None:
    doc = coder.code(
        "The court heard from Chilean national Rosa Quispe on Monday. Quispe said she was afraid.",
        "2021-03-02",
    )
    assert code_of(doc, "Rosa Quispe") == "CHLCVL"
    doc = coder.code("The court heard from tourist Rosa Quispe on Monday.", "2021-03-02")
    assert code_of(doc, "Rosa Quispe") is None  # no country: no code


def test_he_is_not_someone_already_called_she(coder: Coder) -> None:
    doc = coder.code(
        "Chilean President Sebastian Pinera met Peruvian national Rosa Quispe. She thanked "
        "Pinera. Later he said he was glad.",
        "2021-03-02",
    )
    he = [m for m in doc.mentions if m.text == "he"]
    assert he
    assert all(next(a.code for a in doc.actors if a.id == m.actor) == "CHLGOV" for m in he)


def test_the_source_text_given_to_the_resolver_changes_nothing(coder: Coder, example_text: str):
    """The pipeline hands the resolver the string the tokens came from; without it the
    resolver joins the tokens itself. Both must read the same document."""
    tokens = coder.segmenter(example_text)
    with_text = coder.resolver.document(tokens, "2022-01-25", example_text)
    without = coder.resolver.document(tokens, "2022-01-25")
    assert with_text.text == without.text == example_text
    assert [(m.start, m.end, m.entry.id) for m in with_text.matches] == [
        (m.start, m.end, m.entry.id) for m in without.matches
    ]


def test_names_far_apart_are_no_list_after_a_plural_title(coder: Coder) -> None:
    """'Senators Ann Lee and Bo Park' lists two senators; a name a sentence later is no part
    of that list, however the words between them run."""
    doc = coder.code(
        "US Senators Ann Lee and Bo Park visited Kyiv on Monday. The visit was short, and "
        "Ukrainian officials welcomed it. Tomasz Wielki, a Polish lawyer, watched.",
        "2022-01-25",
    )
    assert code_of(doc, "Bo Park") == "USALEG"
    assert code_of(doc, "Tomasz Wielki") == "POLJUD"


def _targets(doc: Document, code: str) -> list[str | None]:
    return [e.target.code if e.target else None for e in doc.events if e.code == code]


ACT = "Russian troops withdrew from Belarus on Monday. "


def test_a_definite_act_word_means_the_act_reported_before_it(coder: Coder) -> None:
    doc = coder.code(ACT + "Poland criticized the withdrawal.", "2022-01-25")
    assert _targets(doc, "111") == ["RUSMIL"]


@pytest.mark.parametrize(
    "text",
    [
        "Poland criticized the withdrawal.",  # nothing reported before it
        ACT + "Poland criticized a withdrawal.",  # not definite: some other withdrawal
        ACT + "Markets were quiet. " * 80 + "Poland criticized the withdrawal.",  # too far back
    ],
)
def test_an_act_word_without_a_reported_act_has_no_target(coder: Coder, text: str) -> None:
    doc = coder.code(text, "2022-01-25")
    assert not [t for t in _targets(doc, "111") if t is not None]


def test_an_act_word_passes_over_the_acts_of_who_reacts_to_it(coder: Coder) -> None:
    """Belarus's own words in between are not the withdrawal it criticizes."""
    doc = coder.code(
        ACT + "Belarus criticized Poland on Tuesday. Belarus criticized the withdrawal.",
        "2022-01-25",
    )
    assert _targets(doc, "111") == ["POL", "RUSMIL"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Members of the European Union condemned Turkey.", "IGOEUREEC"),
        ("Members of NATO condemned Russia.", "IGOWSTNAT"),
        ("The head of the IMF praised Ukraine.", "IGOIMF"),
        ("Members of parliament condemned Turkey.", "TURLEG"),  # a role word still gives the role
    ],
)
def test_members_and_heads_of_a_body_act_for_it(coder: Coder, text: str, code: str) -> None:
    assert subject_code(coder, text, "2019-10-10") == code


@pytest.mark.parametrize(
    "text",
    [
        "Praise came from African Union (AU) head Moussa Faki and others.",
        "Messages came from Organization of American States (OAS) head Luis Almagro and others.",
        "NATO head Jens Stoltenberg visited Kyiv.",
    ],
)
def test_a_title_before_a_name_is_no_mention_of_the_body(coder: Coder, text: str) -> None:
    assert code_of(coder.code(text, "2019-10-10"), "head") is None


def _one_sentence(coder: Coder, text: str, word: str) -> tuple[DocumentActors, Doc, Token]:
    """The actors of a one-sentence text, its parse, and the parsed token ``word``."""
    actors = coder.resolver.document(coder.segmenter(text), "2022-03-01", text)
    parsed = coder.nlp(text)
    actors.note_people(parsed, 0)
    return actors, parsed, next(t for t in parsed if t.text == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russian forces shelled Kyiv on Monday.", "Kyiv"),
        ("The Turkish initiative failed.", "initiative"),
    ],
)
@pytest.mark.parametrize(
    "questions",
    [
        ({}, {"places": True}, {"direct": True}),
        ({"places": True}, {"direct": True}, {}),
        ({"direct": True}, {}, {"places": True}),
    ],
)
def test_answers_kept_while_reading_a_sentence_honour_how_the_question_is_asked(
    coder: Coder, text: str, word: str, questions: tuple[dict[str, bool], ...]
) -> None:
    """While the event stage reads a sentence, an argument asked about again gets its first
    answer, unless that answer depended on an option asked differently now: 'Kyiv' as a place
    is Ukraine, as a seat its government; 'the Turkish initiative' is Turkish only when an
    owner of a thing may stand for the actor."""
    actors, _, token = _one_sentence(coder, text, word)
    fresh = [actors.resolve(token, 0, **q) for q in questions]
    actors, parsed, token = _one_sentence(coder, text, word)
    actors.reading(parsed)
    kept = [actors.resolve(token, 0, **q) for q in questions]
    again = [actors.resolve(token, 0, **q) for q in questions]
    actors.reading(None)
    assert len({r.code if r else None for r in fresh}) == 2  # the options do matter here
    assert [r.code if r else None for r in kept] == [r.code if r else None for r in fresh]
    assert all(a is b for a, b in zip(kept, again, strict=True))


def test_folded_forms_of_new_words_are_learnt_document_by_document(coder: Coder) -> None:
    """The gazetteer keeps the folded form of every word it has seen; a word seen for the first
    time is folded too, so that a name written with accents matches its plain entry."""
    from dyad.actors.gazetteer import fold

    gazetteer = coder.resolver.gazetteer
    for text in ("Żółkiewskiówna met Ångström.", "Ångström and Qħżxyw met in Zürich."):
        doc = gazetteer.fold_doc(coder.nlp.make_doc(text))
        assert [t.norm_ for t in doc] == [fold(t.text) for t in doc]
    assert (
        code_of(
            coder.code("Recep Tayyip Erdoğan criticized Greece.", "2022-03-01"),
            "Recep Tayyip Erdoğan",
        )
        == "TURGOV"
    )


def test_a_possessive_is_resolved_inside_a_phrase_that_names_no_actor(coder: Coder) -> None:
    doc = coder.code(
        "Recep Tayyip Erdogan spoke on Monday. He said his agency would respond.", "2022-03-01"
    )
    assert code_of(doc, "his") == "TURGOV"
    assert not [m for m in doc.mentions if "agency" in m.text]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Canadian Prime Minister Justin Trudeau called an election. Trudeau said the "
        "vote would be fair.",
        "On Monday Boeing Company said it would cut jobs.",
    ],
)
def test_weekdays_are_never_names(coder: Coder, text: str) -> None:
    """'On Tuesday' before a titled name is no person, 'Monday Boeing Company' no company: the
    weekday words of ``cues.tsv`` (not_a_name) never join a run of names."""
    doc = coder.code(text, "2019-09-12")
    weekdays = {"monday", "tuesday"}
    assert doc.mentions
    assert not [m for m in doc.mentions if weekdays & set(m.text.lower().split())]
    assert not [a for a in doc.actors if weekdays & set(a.name.lower().split())]


def test_every_actor_is_pointed_to_by_a_mention_an_event_or_a_quotation(
    corpus_docs: list[tuple[str, Document]],
) -> None:
    """No row in actors[] that nothing in the document points to ('Russia (criminals)' met
    while composing a phrase that no record kept), and none missing."""
    for _, doc in corpus_docs:
        ids = {a.id for a in doc.actors}
        pointed = {m.actor for m in doc.mentions}
        for e in doc.events:
            pointed |= {r.actor for r in (e.source, e.target, e.attributed_to) if r and r.actor}
        for q in doc.quotes:
            pointed |= {r.actor for r in (q.speaker, q.addressee) if r and r.actor}
        assert ids == pointed, doc.id
