"""Quotations: where direct and reported speech runs, who speaks, and whose word the events
inside are."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from dyad import Coder
from dyad.evaluate import GoldDoc, GoldQuote
from dyad.evaluate.quotes import score_quotes, speaker_matches
from dyad.model import ActorRef, Document, Quote
from dyad.quotes import _Lookup, load_cues, quote_spans
from dyad.resources import DataError

DATE = "2022-01-25"


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quote_spans(text)]


def quotes_of(coder: Coder, text: str) -> list[Quote]:
    return coder.code(text, DATE).quotes


def only(coder: Coder, text: str) -> Quote:
    found = quotes_of(coder, text)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ marks


def test_straight_and_curly_marks() -> None:
    text = 'He said "yes" and she said “no” and «peut-être».'
    assert quoted(text) == ['"yes"', "“no”", "«peut-être»"]


def test_single_quotes_but_not_apostrophes() -> None:
    text = "She said: 'We will stay.' The protesters' target was the Smiths' house."
    assert quoted(text) == ["'We will stay.'"]


def test_quote_over_several_sentences() -> None:
    text = 'Erdogan said: "We are ready. We will mediate." Then he left.'
    assert quoted(text) == ['"We are ready. We will mediate."']


def test_quote_reopened_in_the_next_paragraph_runs_on() -> None:
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    assert quoted(text) == [text[: text.index(",") + 2]]


def test_unbalanced_mark_ends_with_its_paragraph() -> None:
    text = 'A stray " mark here.\n\nNext paragraph is "fine".'
    spans = quoted(text)
    assert spans[0] == '" mark here.' and spans[1] == '"fine"'


def test_unclosed_single_quote_is_an_apostrophe() -> None:
    assert quoted("The 'nineties were over and the ministers' talks began.") == []


# ------------------------------------------------------------------ direct speech


def test_direct_quote_with_cue_after(coder: Coder) -> None:
    q = only(coder, '"We will not give up," the Polish interior minister said.')
    assert q.kind == "direct" and q.text.startswith("We will not give up")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.code == "POLGOV"


def test_direct_quote_with_cue_before_and_colon(coder: Coder) -> None:
    q = only(coder, 'The Russian president said: "We will not leave this place."')
    assert q.kind == "direct" and q.text == "We will not leave this place."
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_name_and_colon_without_a_verb(coder: Coder) -> None:
    q = only(coder, 'Dmitry Peskov: "Nothing is decided yet."')
    assert q.cue is not None and q.cue.text == ":"
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_dash_then_name_after_the_quote(coder: Coder) -> None:
    q = only(coder, '"We are ready to talk to everyone who wants peace." — Dmitry Peskov')
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_multi_paragraph_quote_is_one_quote(coder: Coder) -> None:
    text = '"This is the first part.\n\n"And this is the second part," the Polish president said.'
    q = only(coder, text)
    assert "first part" in q.text and "second part" in q.text
    assert q.speaker is not None and q.speaker.code == "POLGOV"


def test_quote_only_paragraph_continues_the_previous_speaker(coder: Coder) -> None:
    text = (
        'Recep Tayyip Erdogan said: "We are ready."\n\n'
        '"We have always been ready to help both sides end this war, and we will be."'
    )
    first, second = quotes_of(coder, text)
    assert second.cue is None
    assert second.speaker is not None and second.speaker.actor == first.speaker.actor


def test_scare_quotes_are_not_quotations(coder: Coder) -> None:
    assert quotes_of(coder, 'Reports mention a "sharp tool" used in the attack.') == []


def test_unbalanced_quote_is_kept_up_to_its_paragraph(coder: Coder) -> None:
    text = 'The Polish president said "this will never end.\n\nThe next paragraph has no quote.'
    q = only(coder, text)
    assert q.text == "this will never end."
    assert q.speaker is not None and q.speaker.code == "POLGOV"


# ------------------------------------------------------------------ reported speech


def test_said_that(coder: Coder) -> None:
    q = only(coder, "The Kremlin said on Monday that talks with Kyiv would resume.")
    assert (q.kind, q.text) == ("indirect", "talks with Kyiv would resume")
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_told_gives_the_addressee(coder: Coder) -> None:
    q = only(coder, "The Turkish foreign minister told Reuters that the border would stay closed.")
    assert q.text == "the border would stay closed"
    assert q.addressee is not None and q.addressee.name == "Reuters"


@pytest.mark.parametrize(
    "text",
    [
        "According to the Kremlin, two diplomats were expelled.",
        "Two diplomats were expelled, according to the Kremlin.",
    ],
)
def test_according_to(coder: Coder, text: str) -> None:
    q = only(coder, text)
    assert q.text in ("two diplomats were expelled", "Two diplomats were expelled")
    assert q.cue is not None and q.cue.text.lower() == "according to"
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_statement_after_the_speaker_in_the_middle(coder: Coder) -> None:
    q = only(coder, "The talks, Dmitry Peskov said, have failed.")
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.code == "RUSGOV"


def test_pronoun_speaker_points_back_to_the_person(coder: Coder) -> None:
    doc = coder.code("Dmitry Peskov spoke on Monday. He said that the summit was possible.", DATE)
    (q,) = doc.quotes
    names = {a.id: a.name for a in doc.actors}
    assert q.speaker is not None and names[q.speaker.actor] == "Dmitry Peskov"


def test_relative_clause_speaker(coder: Coder) -> None:
    q = only(coder, "Dmitry Peskov, who said that the summit was possible, left early.")
    assert q.speaker is not None and q.speaker.name == "Dmitry Peskov"


def test_quoted_as_saying(coder: Coder) -> None:
    q = only(coder, "Erdogan was quoted as saying that Turkey would mediate.")
    assert q.speaker is not None and q.speaker.code == "TURGOV"


def test_unknown_speaker_keeps_a_name_without_a_code(coder: Coder) -> None:
    q = only(coder, "Zbigniew Kowalczyk said that the harvest was poor.")
    assert q.speaker is not None and q.speaker.name == "Zbigniew Kowalczyk"
    assert q.speaker.code is None and q.speaker.actor is None


def test_quoted_fragment_in_reported_speech_is_mixed(coder: Coder) -> None:
    q = only(coder, 'The Russian foreign ministry said the talks were "going nowhere".')
    assert q.kind == "mixed" and q.text == 'the talks were "going nowhere"'


def test_naming_verb_with_a_quoted_description_is_mixed(coder: Coder) -> None:
    q = only(coder, 'The Polish president called the attack "an act of barbarity".')
    assert q.kind == "mixed" and "the attack" in q.text


def test_reported_speech_inside_a_quotation_is_not_a_second_quote(coder: Coder) -> None:
    text = '"I told them that we would stay," the Polish president said.'
    q = only(coder, text)
    assert q.kind == "direct"


# ------------------------------------------------------------------ events and pronouns


def test_events_in_a_multi_sentence_quote_are_the_speakers(coder: Coder) -> None:
    doc = coder.code(
        '"We will attack Ukraine. Nobody will stop us," the Russian defence minister said.', DATE
    )
    attack = [e for e in doc.events if e.root == "19"]
    assert attack and attack[0].source.code.startswith("RUS")
    assert attack[0].attributed_to is not None and attack[0].attributed_to.code.startswith("RUS")
    assert attack[0].modality == "intended"


def test_we_inside_a_quote_is_the_speakers_side(example_doc: Document, example_text: str) -> None:
    start = example_text.index("We can play the role of mediator")
    we = [m for m in example_doc.mentions if m.start == start]
    codes = {a.id: a.code for a in example_doc.actors}
    assert we and codes[we[0].actor] == "TURGOV"


def test_example_article_quotes_have_named_speakers(example_doc: Document) -> None:
    spoken = [q for q in example_doc.quotes if q.speaker is not None]
    assert len(example_doc.quotes) >= 10
    assert len(spoken) / len(example_doc.quotes) >= 0.8
    assert {q.kind for q in example_doc.quotes} >= {"direct", "indirect"}


# ------------------------------------------------------------------ robustness and data


def test_every_quote_of_the_corpus_is_well_formed(
    corpus_docs: list[tuple[str, Document]],
) -> None:
    total = 0
    for text, doc in corpus_docs:
        last_end = -1
        for q in doc.quotes:
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start : q.end] == q.text
            assert q.start >= last_end, (doc.id, q.text)  # in order, never overlapping
            last_end = q.end
            if q.speaker is not None:
                assert text[q.speaker.start : q.speaker.end] == q.speaker.name
        total += len(doc.quotes)
    assert total >= 300  # Wikinews quotes people a lot


def test_cue_file_rejects_an_unknown_kind(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("- id: x\n  kind: adverb\n  words: [loudly]\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown kind"):
        load_cues([], bad)


def test_shipped_cues_load_with_the_speech_verbs() -> None:
    cues = load_cues(["say"])
    assert {"say", "deny", "call"} <= cues.verbs and "said" in cues.prefilter
    assert ("according", "to") in cues.phrases


# ------------------------------------------------------------------ scoring


@pytest.mark.parametrize(
    ("gold", "names", "right"),
    [
        ("Dmitry Peskov", ["Peskov"], True),
        ("Dmitry Peskov", ["he", "Dmitry Peskov"], True),
        ("Recep Tayyip Erdoğan", ["Erdogan"], True),
        ("a police spokesperson", ["police"], True),
        ("Dmitry Peskov", ["Maria Zakharova"], False),
        ("Dmitry Peskov", [], False),
        ("", [], True),
        ("", ["Peskov"], False),
        ("Mahmoud Al-Rantissi", ["Mahmoud Rantisi"], True),  # one name, two spellings
        ("Karolina Wisniewska", ["Karolina Wisniewski"], True),
        ("Karolina Wisniewska", ["Agnieszka Wisniewski"], False),  # another first name
        ("Boris Johnson", ["Boris Jackson"], False),  # too far apart
        ("Anna Berg", ["Anna Borg"], False),  # too short to tell
    ],
)
def test_speaker_names_match(gold: str, names: list[str], right: bool) -> None:
    assert speaker_matches(gold, names) is right


def test_score_counts_half_covered_spans_and_speakers(coder: Coder) -> None:
    text = (
        'Dmitry Peskov said that the summit was possible. "We are not in a hurry," he added. '
        "The weather was fine."
    )
    s1 = text.index("the summit")
    s2 = text.index("We are")
    gold = [
        GoldQuote(s1, s1 + len("the summit was possible"), "", "indirect", "Dmitry Peskov"),
        GoldQuote(s2, s2 + len("We are not in a hurry,"), "", "direct", "Maria Zakharova"),
        GoldQuote(text.index("The weather"), len(text), "", "direct", ""),
    ]
    doc = coder.code(text, DATE)
    report = score_quotes([GoldDoc("t", text, DATE, None, quotes=gold)], [doc])
    assert (report.gold, report.matched) == (3, 2)
    assert report.speaker_right == 1  # the second quote is Peskov's, not the gold's Zakharova
    assert report.recall == pytest.approx(2 / 3)


# ------------------------------------------------------------------ verbs with objects


def test_directive_says_what_the_addressee_is_told(coder: Coder) -> None:
    q = only(coder, "The Turkish president urged Russia to withdraw its troops.")
    assert q.text == "withdraw its troops"
    assert q.addressee is not None and q.addressee.code == "RUS"
    assert q.speaker is not None and q.speaker.code == "TURGOV"


def test_commitment_is_what_was_said(coder: Coder) -> None:
    q = only(coder, "The Iranian foreign minister vowed to retaliate against the attackers.")
    assert q.text == "retaliate against the attackers"


def test_accusation_keeps_whom_and_for_what(coder: Coder) -> None:
    q = only(coder, "The Ukrainian president accused Russia of mobilizing its forces.")
    assert q.text == "Russia of mobilizing its forces"
    assert q.addressee is None  # Russia is accused, not addressed


def test_channel_gives_way_to_the_speaker_inside(coder: Coder) -> None:
    text = "According to Reuters, the Kremlin said that the talks would resume."
    q = only(coder, text)
    assert q.text == "the talks would resume"
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_document_speaks_for_its_author(coder: Coder) -> None:
    q = only(coder, "A statement by the Kremlin said that the talks would resume.")
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_inverted_cue_after_a_quote(coder: Coder) -> None:
    q = only(coder, '"We will not give up on this," tweeted the Polish president Andrzej Duda.')
    assert q.speaker is not None and "Duda" in q.speaker.name


def test_title_split_from_its_holder_gives_the_name(coder: Coder) -> None:
    text = "US Ambassador to Germany Zbigniew Kowalczyk said that the ban was overdue."
    q = only(coder, text)
    assert q.speaker is not None and q.speaker.name.endswith("Zbigniew Kowalczyk")
    assert q.speaker.code == "USAGOV"


def test_definite_role_points_back_to_the_person_introduced_with_it(coder: Coder) -> None:
    text = (
        "Judge Zbigniew Kowalczyk sentenced the two men on Monday.\n\n"
        '"You have harmed many people," the judge said.'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is not None and "Kowalczyk" in q.speaker.name


def test_pronoun_after_a_quote_goes_on_with_its_speaker(coder: Coder) -> None:
    text = (
        'Dmitry Peskov said: "Nothing is decided." He met the Turkish president Recep Tayyip '
        'Erdogan in June.\n\n"We will wait," he added.'
    )
    first, *_, last = quotes_of(coder, text)
    assert last.speaker is not None and first.speaker is not None
    assert last.speaker.actor == first.speaker.actor


def test_next_sentence_verb_with_its_own_clause_does_not_attribute(coder: Coder) -> None:
    text = (
        'Mayor Zbigniew Kowalczyk said: "The bridge will stay closed until the repairs are '
        'finished next spring." The transport minister said the money had been found.'
    )
    q = quotes_of(coder, text)[0]
    assert q.speaker is not None and "Kowalczyk" in q.speaker.name


def test_next_sentence_verb_that_opens_its_own_quote_does_not_attribute(coder: Coder) -> None:
    text = (
        'Ewa Malinowska, a lawyer for the family, told the court on Monday "My clients only want '
        'to know the truth about that night." Jan Zielinski, the defence lawyer, told reporters '
        '"We will appeal the verdict in every court."'
    )
    first, second = quotes_of(coder, text)
    assert first.speaker is not None and "Malinowska" in first.speaker.name
    assert second.speaker is not None and "Zielinski" in second.speaker.name


def test_aside_with_a_speech_verb_does_not_introduce_the_quote(coder: Coder) -> None:
    text = (
        'The Speaker Anna Berglund commented on the matter — which the BBC noted as rare — "It is '
        'plain that the purpose of this suspension is to stop the debate."'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is None or "BBC" not in q.speaker.name


def test_colon_after_an_object_gives_the_subject_of_its_verb(coder: Coder) -> None:
    text = (
        "Opposition leader Maria Lindqvist rejected the minister's plan: "
        '"It would close half of the rural schools in the country."'
    )
    q = only(coder, text)
    assert q.speaker is not None and "Lindqvist" in q.speaker.name


def test_statement_released_by_its_author(coder: Coder) -> None:
    q = only(coder, "The Kremlin released a statement which said that the talks would resume.")
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_document_published_by_its_author(coder: Coder) -> None:
    text = "According to a report published by the Kremlin, the talks will resume in May."
    q = only(coder, text)
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_the_statement_again_is_by_the_author_of_the_first(coder: Coder) -> None:
    text = (
        "A statement by the Kremlin said that the talks would resume. The Ukrainian president "
        "Volodymyr Zelensky said that Kyiv was ready. The statement also said that the "
        "sanctions were illegal."
    )
    q = quotes_of(coder, text)[-1]
    assert q.text == "the sanctions were illegal"
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_a_document_reads_for_its_signatory(coder: Coder) -> None:
    text = 'The letter signed by the Kremlin read "The talks will resume as soon as possible."'
    q = only(coder, text)
    assert q.speaker is not None and q.speaker.code == "RUSGOV"


def test_pronoun_the_actor_stage_cannot_place_takes_the_subject_before(coder: Coder) -> None:
    text = (
        "Karolina Wisniewska, a teacher from the town, described the flood in detail. "
        '"The water rose within minutes. The whole street was under water," she said.'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is not None and "Wisniewska" in q.speaker.name


def test_pronoun_after_a_newly_introduced_person_is_not_the_last_speaker(coder: Coder) -> None:
    text = (
        'Dmitry Peskov said: "Nothing has been decided about the summit." Agnieszka Nowicka, '
        "a UN rapporteur, met the families of the victims on Monday. "
        '"Justice takes time, and the families know it," she said.'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is not None and "Nowicka" in q.speaker.name


def test_name_the_speaker_addressed_is_not_the_pronouns_antecedent(coder: Coder) -> None:
    text = (
        "Crown Prince Ahmed Karimi accepted responsibility for the attack on Monday. Speaking "
        'to Tomasz Lewandowski of a radio station, he said, "It happened under my watch and I '
        'take the blame."'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is not None and "Karimi" in q.speaker.name


def test_participle_speaks_for_the_noun_it_describes(coder: Coder) -> None:
    text = "Poland closed its border on Monday, with officials saying this is for security reasons."
    q = only(coder, text)
    assert q.speaker is not None and "officials" in q.speaker.name


def test_participle_after_calls_by_speaks_for_their_makers(coder: Coder) -> None:
    text = "The mayor joined the calls by Polish officials asking Germany to return the paintings."
    q = only(coder, text)
    assert q.text == "return the paintings"
    assert q.speaker is not None and "officials" in q.speaker.name


def test_participle_after_a_medium_speaks_for_the_poster(coder: Coder) -> None:
    text = "Minister Karolina Wisniewska posted a message on Twitter blaming Russia for the attack."
    q = only(coder, text)
    assert q.speaker is not None and "Wisniewska" in q.speaker.name


def test_cue_inside_an_adjective_phrase_takes_the_clause_subject(coder: Coder) -> None:
    q = only(coder, "The United States was more forceful in blaming Iran for the attack.")
    assert q.speaker is not None and q.speaker.code == "USA"


def test_of_two_subjects_the_name_speaks(coder: Coder) -> None:
    text = (
        "A member of the Polish parliament, Karolina Wisniewska said, "
        '"The schools will stay open for as long as we can keep them safe."'
    )
    q = only(coder, text)
    assert q.speaker is not None and "Wisniewska" in q.speaker.name


def test_name_after_a_long_description_speaks(coder: Coder) -> None:
    # the parser may hang the name on the description; the name right before the verb speaks
    text = (
        "Speaking to Agence France-Presse, the director of the Polish League for the Rights of "
        'Children, Jan Nowak, said, "We will take the case to court if nothing changes."'
    )
    q = only(coder, text)
    assert q.speaker is not None and "Nowak" in q.speaker.name


def test_description_then_name_between_commas_gives_the_name(coder: Coder) -> None:
    text = (
        "According to the Gdansk mayor, Piotr Nowicki, during the night, firefighters were "
        "searching the river for survivors."
    )
    q = only(coder, text)
    assert q.text.startswith("during the night")
    assert q.speaker is not None and q.speaker.name == "Piotr Nowicki"
    assert q.speaker.code == "POLGOV"  # coded by the description: a mayor


def test_clause_before_a_semicolon_is_not_the_next_verbs_content(coder: Coder) -> None:
    text = (
        'Nowak said Kowalski required surgery, and was in a "critical" condition; TVP reported '
        "he was awake."
    )
    found = quotes_of(coder, text)
    assert not any(";" in q.text for q in found)
    last = found[-1]
    assert last.text == "he was awake"
    assert last.speaker is not None and last.speaker.name == "TVP"


def test_reporting_channel_gives_way_to_the_source_it_quotes(coder: Coder) -> None:
    text = (
        "Reuters reported on Monday a Polish government source, whom it did not name, said the "
        "ban was not part of a wider plan."
    )
    q = only(coder, text)
    assert q.text == "the ban was not part of a wider plan"
    assert q.speaker is not None and "source" in q.speaker.name


def test_reporting_channel_keeps_a_report_of_what_someone_did(coder: Coder) -> None:
    text = (
        "The New York Times reported that the president urged the Polish prime minister to "
        "close the border."
    )
    q = only(coder, text)
    assert q.speaker is not None and q.speaker.code == "USAMED"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ('The Polish foreign ministry offered its "deepest condolences" to them.', "POLGOV"),
        ('Karolina Wisniewska, a local teacher, gave her "deepest condolences" to them.', None),
    ],
)
def test_uncued_fragment_in_a_clause_is_the_clause_subjects(
    coder: Coder, sentence: str, who: str | None
) -> None:
    text = 'Dmitry Peskov said: "We regret the accident deeply." ' + sentence
    q = quotes_of(coder, text)[-1]
    assert q.text == "deepest condolences"
    assert q.speaker is not None and "Peskov" not in q.speaker.name
    if who is not None:
        assert q.speaker.code == who
    else:
        assert "Wisniewska" in q.speaker.name


def test_a_quoted_noun_in_a_plain_clause_is_not_given_that_clause(coder: Coder) -> None:
    # 'The move' is no actor: the fragment stays with the speaker before
    text = 'Dmitry Peskov said: "We regret the accident deeply." The move was "illegal" anyway.'
    q = quotes_of(coder, text)[-1]
    assert q.speaker is not None and "Peskov" in q.speaker.name


def _lookup_guessing_persons(*words: str) -> _Lookup:
    """An actor stage that takes the given words for persons (named as their compound run)."""

    def guess(tok: Token, offset: int) -> ActorRef | None:
        if tok.text not in words:
            return None
        run = [t.text for t in tok.lefts if t.dep_ == "compound"] + [tok.text]
        return ActorRef("GBRCVL", " ".join(run), 0, 1, "person:" + tok.text.lower())

    return _Lookup(guess, lambda ref: True)


def test_title_holder_wins_over_a_person_made_of_the_title(coder: Coder) -> None:
    doc = coder.nlp('First Minister of Wales Nicola Jones said via Twitter, "The ruling stands."')
    title = doc[1]
    assert title.text == "Minister" and title.dep_ == "nsubj"  # the name hangs off 'of'
    ref = _lookup_guessing_persons("Minister", "Jones").speaker(title, 0)
    assert ref is not None and ref.actor == "person:jones"


def test_a_body_after_of_is_not_a_title_holder(coder: Coder) -> None:
    doc = coder.nlp("Mike Ryan of the World Health Organization said the drugs would help.")
    name = doc[1]
    assert name.text == "Ryan"
    ref = _lookup_guessing_persons("Ryan", "Organization").speaker(name, 0)
    assert ref is not None and ref.actor == "person:ryan"


def test_a_named_thing_does_not_speak_its_name(coder: Coder) -> None:
    text = (
        'Dmitry Peskov said: "We regret it." He removed people from danger, a process called '
        '"exfiltration".'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is None or "process" not in q.speaker.name


def test_an_object_before_a_colon_never_speaks(coder: Coder) -> None:
    text = (
        "The summary of the decision read in part: "
        '"This Court has already concluded that the advice was unlawful and void."'
    )
    q = only(coder, text)
    assert q.speaker is None or q.speaker.name != "part"


def test_pronoun_speaker_is_named_by_its_antecedent(coder: Coder) -> None:
    text = (
        "The Polish prime minister Jan Nowak visited the hospital in Gdansk on Monday. He said, "
        '"We will do everything we can for the families of the victims."'
    )
    q = quotes_of(coder, text)[-1]
    assert q.speaker is not None and "Nowak" in q.speaker.name


def test_bare_surname_antecedent_is_the_person_named_in_full_before(coder: Coder) -> None:
    text = (
        "Robert Mugabe led Zimbabwe for 37 years before the army removed him.\n\n"
        "Refusing to step down, Mugabe agreed to share power with the opposition. "
        '"Nobody but the people who elected me will ever remove me from this office," he '
        "declared."
    )
    doc = coder.code(text, "2019-09-06")
    q = doc.quotes[-1]
    assert q.speaker is not None and q.speaker.actor is not None
    actor = next(a for a in doc.actors if a.id == q.speaker.actor)
    assert actor.name == "Robert Mugabe"
