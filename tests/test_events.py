"""Event extraction, one construction per test: real parses of short news-style sentences."""

from __future__ import annotations

import pytest

from dyad import Coder, Document, Event

DATE = "2022-01-25"


def events(coder: Coder, text: str, date: str = DATE) -> list[Event]:
    return coder.code(text, date).events


def triples(doc_events: list[Event], modality: str | None = "asserted") -> set[tuple]:
    return {
        (e.source.code, e.code, e.target.code if e.target else None)
        for e in doc_events
        if modality is None or e.modality == modality
    }


def by_code(doc_events: list[Event], code: str) -> list[Event]:
    return [e for e in doc_events if e.code == code]


# ---------------------------------------------------------------- argument structure


def test_active_verb_with_object(coder: Coder) -> None:
    assert ("RUS", "1125", "UKR") in triples(events(coder, "Russia accused Ukraine of espionage."))


def test_passive_with_by_agent_swaps_roles(coder: Coder) -> None:
    got = triples(events(coder, "Ukraine was attacked by Russia on Monday."))
    assert ("RUS", "190", "UKR") in got
    assert ("UKR", "190", "RUS") not in got


def test_passive_without_agent_codes_nothing(coder: Coder) -> None:
    assert events(coder, "Ukraine was attacked on Monday.") == []


def test_dative_passive_agent_gives_and_subject_receives(coder: Coder) -> None:
    got = triples(events(coder, "Jordan was given weapons by France."))
    assert ("FRA", "072", "JOR") in got
    assert not any(s.startswith("JOR") for s, _, _ in got)


def test_dative_passive_agent_on_the_object(coder: Coder) -> None:
    # the parser may hang "by Germany" on the object: "promised aid by Germany"
    got = triples(events(coder, "Moldova was promised aid by Germany."), modality=None)
    assert any(s == "DEU" and c.startswith("03") and t == "MDA" for s, c, t in got)


def test_rejecting_a_demand_codes_what_was_demanded_to_its_maker(coder: Coder) -> None:
    got = triples(
        events(coder, "Belarus rejected the Polish demand that it release the activists.")
    )
    assert ("BLR", "1243", "POL") in got
    # a relative clause about the demand is not what was demanded
    assert not by_code(events(coder, "Belarus rejected the demand that Poland released."), "1243")


def test_quantity_noun_object_selects_as_what_it_counts(coder: Coder) -> None:
    got = triples(events(coder, "Lebanon hosts hundreds of thousands of Syrian refugees."))
    assert ("LBN", "075", "SYRREF") in got
    assert not any(c == "043" for _, c, _ in got)  # hosting refugees is no visit


def test_coordinated_subjects_give_one_event_each(coder: Coder) -> None:
    got = triples(events(coder, "Ukraine and Western countries accused Russia of aggression."))
    assert {("UKR", "RUS"), ("WST", "RUS")} <= {(s, t) for s, c, t in got if c.startswith("112")}


def test_coordinated_objects_give_one_event_each(coder: Coder) -> None:
    got = triples(events(coder, "France criticized Russia and Iran."))
    assert {("FRA", "111", "RUS"), ("FRA", "111", "IRN")} <= got


def test_reciprocal_codes_pair_coordinated_subjects(coder: Coder) -> None:
    got = {(s, t) for s, c, t in triples(events(coder, "Russia and China held talks in Beijing."))}
    assert {("RUS", "CHN"), ("CHN", "RUS")} <= got


def test_talks_between_two_parties(coder: Coder) -> None:
    got = triples(events(coder, "Talks between Israel and Egypt resumed on Monday."))
    assert any(s == "ISR" and t == "EGY" and c.startswith("04") for s, c, t in got)


# ---------------------------------------------------------------- frames and control


def test_threaten_to_impose_sanctions_is_threat_of_sanctions(coder: Coder) -> None:
    evs = events(coder, "Washington threatened to impose sanctions on Russia.")
    assert ("USAGOV", "1312", "RUS") in triples(evs)
    assert not by_code(evs, "163"), "the threatened sanctions are not imposed sanctions"


def test_ready_to_mediate_is_intent_to_mediate(coder: Coder) -> None:
    evs = events(coder, "Turkey is ready to mediate between Russia and Ukraine.")
    mediation = by_code(evs, "039")
    assert mediation and all(e.modality == "intended" for e in mediation)
    assert {e.target.code for e in mediation if e.target} == {"RUS", "UKR"}


def test_agreed_to_resume_talks_is_intent_to_negotiate(coder: Coder) -> None:
    evs = events(coder, "Russia agreed to resume talks with Ukraine.")
    assert any(e.code == "036" and e.source.code == "RUS" and e.target for e in evs)


def test_object_control_urge_targets_the_object(coder: Coder) -> None:
    evs = events(coder, "The United Nations urged Russia to withdraw its troops.")
    appeals = [e for e in evs if e.root == "02"]
    assert appeals and appeals[0].source.code == "IGOUNO"
    assert appeals[0].target is not None and appeals[0].target.code == "RUS"


def test_refused_to_meet_is_a_rejection(coder: Coder) -> None:
    evs = events(coder, "Iran refused to meet the American delegation.")
    assert any(e.root == "12" and e.source.code == "IRN" for e in evs)
    assert not any(e.root == "04" for e in evs)


def test_accusation_codes_the_claimed_act_separately(coder: Coder) -> None:
    evs = events(coder, "Ukraine accused Russia of mobilizing its forces near the border.")
    accuse = [e for e in evs if e.root == "11"]
    mobilize = [e for e in evs if e.root == "15"]
    assert accuse and accuse[0].modality == "asserted"
    assert mobilize and mobilize[0].modality == "claimed"
    assert mobilize[0].source.code == "RUS"
    assert mobilize[0].attributed_to is not None and mobilize[0].attributed_to.code == "UKR"


# ---------------------------------------------------------------- modality


def test_negation(coder: Coder) -> None:
    evs = events(coder, "Turkey did not attack Syria.")
    assert evs and all(e.modality == "negated" for e in evs)


def test_conditional(coder: Coder) -> None:
    evs = events(coder, "Washington will impose sanctions if Russia attacks Ukraine.")
    attack = [e for e in evs if e.root == "19"]
    assert attack and attack[0].modality == "conditional"


def test_future_is_intended(coder: Coder) -> None:
    evs = events(coder, "Erdogan will visit Ukraine next month.")
    assert [(e.source.code, e.code, e.modality) for e in evs] == [("TURGOV", "042", "intended")]


def test_hypothetical_modal(coder: Coder) -> None:
    evs = events(coder, "Russia could attack Ukraine.")
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_weighed_action_is_hypothetical(coder: Coder) -> None:
    evs = events(coder, "Mexico is considering charging the gunman with terrorism.")
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_suspect_of_a_legal_action_is_coded_crm(coder: Coder) -> None:
    evs = events(coder, "Turkish police arrested a man in Istanbul.")
    assert ("TURCOP", "173", "TURCRM") in triples(evs)


def test_question_is_hypothetical(coder: Coder) -> None:
    evs = events(coder, "Will Russia attack Ukraine?")
    assert all(e.modality == "hypothetical" for e in evs)


def test_possibility_of_a_nominal_event_is_hypothetical(coder: Coder) -> None:
    evs = events(coder, "He said the possibility of Russia's invasion of Ukraine is unrealistic.")
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_reported_speech_is_attributed_to_the_speaker(coder: Coder) -> None:
    evs = events(coder, "The Kremlin said that Ukraine attacked Russian troops.")
    attack = [e for e in evs if e.root == "19"]
    assert attack and attack[0].attributed_to is not None
    assert attack[0].attributed_to.code == "RUSGOV"
    assert attack[0].modality == "claimed"  # the Kremlin's word about Ukraine


def test_speakers_own_intention_is_not_a_claim(coder: Coder) -> None:
    evs = events(coder, "Erdogan said that Ankara is ready to mediate.")
    assert evs and evs[0].modality == "intended"


def test_first_person_in_a_quote_is_the_speaker(coder: Coder) -> None:
    evs = events(coder, '"We will attack Ukraine," the Russian defence minister said.')
    assert any(e.source.code.startswith("RUS") and e.root == "19" for e in evs)


# ---------------------------------------------------------------- nominal and light verbs


def test_nominal_event_with_possessor(coder: Coder) -> None:
    got = triples(events(coder, "Russia's annexation of Crimea angered Ukraine."), None)
    assert any(s == "RUS" and c.startswith("19") for s, c, t in got)


def test_light_verb_passes_the_noun_code(coder: Coder) -> None:
    evs = events(coder, "France imposed sanctions on Iran.")
    assert ("FRA", "163", "IRN") in triples(evs)
    assert len(by_code(evs, "163")) == 1, "the noun is not coded a second time"


def test_object_selector_picks_a_sense(coder: Coder) -> None:
    verbal = events(coder, "Erdogan attacked the decision of the United States.")
    assert not any(e.root == "19" for e in verbal)


# ---------------------------------------------------------------- precision


@pytest.mark.parametrize(
    "text",
    [
        "Liverpool beat Chelsea 2-0 on Saturday.",
        "Markets attacked the pound after the budget.",
        "The company met its sales targets.",
        "It rained in Ankara on Monday.",
        "The minister said the economy grew by two percent.",
    ],
)
def test_no_event_where_there_is_none(coder: Coder, text: str) -> None:
    assert [e for e in events(coder, text) if e.modality == "asserted"] == []


def test_no_event_without_a_resolved_source(coder: Coder) -> None:
    assert events(coder, "Somebody attacked the convoy near Kharkiv.") == []


def test_every_event_carries_its_evidence(coder: Coder) -> None:
    text = "Washington threatened to impose sanctions on Russia."
    doc: Document = coder.code(text, DATE)
    e = doc.events[0]
    assert text[e.trigger.start : e.trigger.end] == e.trigger.text == "threatened"
    assert text[e.source.start : e.source.end] == e.source.name
    assert e.rule and e.sentence == 0
    assert e.label and e.plover and e.quad_class == 3 and e.goldstein < 0


def test_calling_a_plan_names_it_and_is_no_phone_call(coder: Coder) -> None:
    doc = coder.code(
        'The French president called Prime Minister Theresa May\'s new Brexit plan "reckless".',
        "2019-03-01",
    )
    assert not [e for e in doc.events if e.code == "041"]


# ---------------------------------------------------------------- issue 2: arguments and claims


def test_participle_modifying_an_actor_takes_that_actor_as_source(coder: Coder) -> None:
    evs = events(coder, "Kenyan police arrested protesters blocking the highway.")
    blocking = [e for e in evs if e.trigger.text == "blocking"]
    assert blocking and all(e.source.code == "KENCVL" for e in blocking)


def test_participle_on_a_thing_takes_the_clause_subject(coder: Coder) -> None:
    text = (
        "The German foreign minister posted a message on Twitter blaming Russia for the explosion."
    )
    assert ("DEUGOV", "112", "RUS") in triples(events(coder, text))


def test_alleging_a_hostile_act_accuses_its_doer(coder: Coder) -> None:
    evs = events(coder, "Nigerian police alleged the suspects kidnapped the students.")
    assert ("NGACOP", "112", "NGACRM") in triples(evs)
    assert {e.modality for e in by_code(evs, "181")} == {"claimed"}


def test_a_state_claiming_its_own_forces_acted_claims_responsibility(coder: Coder) -> None:
    evs = events(coder, "Russia claimed its forces shelled the city.")
    assert by_code(evs, "112") == []
    assert ("RUS", "015", None) in triples(evs)


def test_a_promised_attack_is_no_claim_of_responsibility(coder: Coder) -> None:
    assert by_code(events(coder, "Germany said it would carry out the airstrike."), "015") == []


def test_a_disparaging_name_outranks_a_phone_call(coder: Coder) -> None:
    evs = events(coder, 'The Ugandan president called the Kenyan minister a "liar".')
    assert by_code(evs, "041") == []
    assert ("UGAGOV", "111", "KENGOV") in triples(evs)


def test_misparsed_coordinated_parties_of_a_call_act_on_each_other(coder: Coder) -> None:
    evs = events(
        coder, "US President Joe Biden and Chinese President Xi Jinping spoke on the phone."
    )
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in by_code(evs, "041") if e.target}
    assert pairs == {("USA", "CHN"), ("CHN", "USA")}


def test_negated_participle_negates_a_noun_event(coder: Coder) -> None:
    evs = events(coder, "The minister said Putin's visit to Ankara not taking place was a setback.")
    assert {e.modality for e in by_code(evs, "042")} == {"negated"}


def test_denying_someone_a_victory_is_no_denial(coder: Coder) -> None:
    evs = events(coder, "The Philippine minister urged citizens to deny terrorism any victory.")
    assert by_code(evs, "016") == []


def test_emergency_measures_against_a_disaster_are_not_coercion(coder: Coder) -> None:
    evs = events(
        coder, "The Samoan government banned public gatherings to curb the measles outbreak."
    )
    assert [e for e in evs if e.root == "17"] == []
    evs = events(coder, "The Samoan government banned opposition rallies in the capital.")
    assert [e for e in evs if e.root == "17"]


def test_a_reflexive_object_is_no_other_target(coder: Coder) -> None:
    evs = events(coder, "Kenyan police investigated themselves after the shooting.")
    assert by_code(evs, "090") and all(e.target is None for e in by_code(evs, "090"))


def test_reported_to_have_done_is_done_by_the_passive_subject(coder: Coder) -> None:
    found = events(coder, "Norway was reported by Swedish media to have visited Chile.")
    assert [(e.source.code[:3], e.code, e.target and e.target.code[:3]) for e in found] == [
        ("NOR", "042", "CHL")
    ]


def test_a_past_participle_after_as_names_no_doer(coder: Coder) -> None:
    text = 'Norway described the raid as "designed to intimidate Chilean civilians."'
    assert by_code(events(coder, text), "130") == []


# ---------------------------------------------------------------- speakers from the quote stage


def test_first_person_in_a_quotation_after_a_colon_is_the_quote_speaker(coder: Coder) -> None:
    # the parser hangs "responded" under the quoted verb: only the quote stage knows the speaker
    text = (
        'The Cuban foreign minister responded on Twitter: "I strongly reject the new US '
        'measure that bans flights."'
    )
    rejections = by_code(events(coder, text), "120")
    assert [(e.source.code, e.target.code if e.target else None) for e in rejections] == [
        ("CUBGOV", "USA")
    ]
    assert rejections[0].attributed_to is not None
    assert rejections[0].attributed_to.code == "CUBGOV"


def test_plural_demonym_is_the_country(coder: Coder) -> None:
    text = '"We warn the Iranians that our patience is running out", the Israeli minister said.'
    assert ("ISRGOV", "130", "IRN") in triples(events(coder, text))


def test_absolute_with_participle_takes_its_noun_as_doer(coder: Coder) -> None:
    got = triples(events(coder, "Schools closed on Monday, with students protesting in Chile."))
    assert ("CHLEDU", "141", None) in got


def test_frame_with_prepositional_object_takes_an_infinitive_parsed_as_purpose(
    coder: Coder,
) -> None:
    got = triples(events(coder, "Germany counts on Russia to release the prisoners."))
    assert ("DEU", "0253", "RUS") in got
    assert not any(code == "0841" for _, code, _ in got)  # Germany releases no one


def test_mediation_takes_the_parties_of_a_between_phrase_hung_elsewhere(coder: Coder) -> None:
    text = "Egypt is ready to mediate so that the fighting stops between Israel and Hamas."
    got = triples(events(coder, text), modality=None)
    assert ("EGY", "039", "ISR") in got
    assert ("EGY", "039", None) not in got


def test_can_is_a_possibility_not_a_fact(coder: Coder) -> None:
    doc_events = events(coder, "Qatar can play the role of mediator between Iran and Iraq.")
    assert {e.modality for e in by_code(doc_events, "045")} == {"hypothetical"}


def test_arrest_announced_by_police_in_agentless_passive_is_theirs(coder: Coder) -> None:
    got = triples(events(coder, "Police in Jakarta said three men were detained on Sunday."), None)
    assert ("IDNCOP", "173", "IDNCRM") in got


def test_arrest_reported_by_the_press_names_no_doer(coder: Coder) -> None:
    text = "Reuters reported that two Egyptian journalists were detained in Cairo."
    assert not by_code(events(coder, text), "173")


def test_finite_verb_conjoined_to_an_infinitive_takes_the_main_subject(coder: Coder) -> None:
    text = "Germany urged the Iranian embassy to reconsider and spoke with French officials."
    got = triples(events(coder, text))
    assert ("DEU", "040", "FRAGOV") in got
    assert not any(src.startswith("IRN") and code == "040" for src, code, _ in got)


# ---------------------------------------------------------------- corpus audit (decisions 44-48)


def test_negative_object_negates_the_event(coder: Coder) -> None:
    doc_events = by_code(events(coder, "Hamas has conceded nothing to Israel."), "080")
    assert doc_events and {e.modality for e in doc_events} == {"negated"}


def test_negative_determiner_on_the_object_negates_the_event(coder: Coder) -> None:
    text = "The Saudi foreign minister expressed no condolences to Turkey."
    doc_events = by_code(events(coder, text), "018")
    assert doc_events and {e.modality for e in doc_events} == {"negated"}


def test_planned_visit_is_intended_not_a_fact(coder: Coder) -> None:
    text = "Erdogan's planned visit to Athens angered the opposition."
    doc_events = by_code(events(coder, text), "042")
    assert doc_events and {e.modality for e in doc_events} == {"intended"}


def test_cancelled_visit_is_negated(coder: Coder) -> None:
    doc_events = by_code(events(coder, "Erdogan's visit to Athens was postponed."), "042")
    assert doc_events and {e.modality for e in doc_events} == {"negated"}


def test_a_weekday_is_no_argument() -> None:
    from dyad.events.extract import _is_time
    from dyad.nlp import load_parser

    doc = load_parser()("On Friday, Cuba rejected the measure in March.")
    words = {t.text: _is_time(t) for t in doc}
    assert words["Friday"] and words["March"]
    assert not words["Cuba"] and not words["measure"]


def test_policy_word_read_as_a_boolean_is_refused(tmp_path) -> None:
    import shutil

    from dyad.events.lexicon import load_lexicon
    from dyad.resources import DataError, data_path

    folder = tmp_path / "lexicon"
    shutil.copytree(data_path("lexicon"), folder)
    with (folder / "policy.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n- {id: p.bool, kind: negation, words: [no, never]}\n")
    with pytest.raises(DataError, match="boolean"):
        load_lexicon(folder)


def test_bare_refusal_needs_nothing_of_its_own(coder: Coder) -> None:
    """'refused to comment' has its own content and 'has not refused' is no refusal: neither
    rejects the appeal it is joined to."""
    for text in (
        "Germany urged Turkey to release the journalists, but Ankara refused to comment.",
        "Germany urged Turkey to release the journalists, but Ankara has not refused.",
    ):
        doc = coder.code(text, "2023-06-01")
        assert not [e for e in doc.events if e.root == "12"], text
        assert [e for e in doc.events if e.root == "02"], text


def test_cue_entries_trigger_on_their_cue_words_only() -> None:
    """'be' has an entry ('our thoughts are with X') but must not make every sentence with
    'is' or 'was' worth parsing: the cue words stand in for it."""
    from dyad.events import default_lexicon

    forms = default_lexicon().trigger_forms()
    assert "thoughts" in forms and "prayers" in forms
    assert "is" not in forms and "was" not in forms


def test_sympathy_needs_its_cue_word(coder: Coder) -> None:
    """'we are with you' is loyalty of any kind; only thoughts, prayers or hearts make it
    sympathy (018)."""
    got = events(coder, "Our thoughts are with the people of Japan, the Chinese premier said.")
    assert any(e.code == "018" and e.target and e.target.code.startswith("JPN") for e in got)
    got = events(coder, "The Chinese premier said China is with the people of Japan.")
    assert not by_code(got, "018")


def test_told_violation_is_an_accusation_and_a_court_finding_a_verdict(coder: Coder) -> None:
    said = events(coder, "The Iranian foreign minister said the United States violated the deal.")
    assert any(e.code == "112" and e.target and e.target.code.startswith("USA") for e in said)
    ruled = events(coder, "A French court determined that the Italian company had broken the law.")
    assert ("FRAJUD", "116", "ITABUS") in triples(ruled)
    assert not by_code(ruled, "112")
    assert not by_code(said, "116")
