"""Actor mentions: private people introduced by the story, gender, short names, chambers,
titles one country uses, and 'the accused' (sentences written for these tests)."""

from __future__ import annotations

from dyad import Coder
from mention_codes import code_of


def test_person_named_with_an_age_is_the_individual_introduced_before(coder: Coder) -> None:
    doc = coder.code(
        "Two men were charged in Lyon on Monday with robbing a Chilean tourist last year.\n\n"
        "Rosa Quispe, 24, who has spoken publicly about the case, said she was relieved.",
        "2021-03-02",
    )
    assert code_of(doc, "Rosa Quispe") == "CHLCVL"
    assert code_of(doc, "she") == "CHLCVL"


def test_person_named_with_an_age_and_no_description_is_a_local_civilian(coder: Coder) -> None:
    doc = coder.code(
        "A fire broke out at a school in Lyon and near a station in Marseille. "
        "Marc Dubois, 51, said he saw the smoke.",
        "2021-03-02",
    )
    assert code_of(doc, "Marc Dubois") == "FRACVL"


def test_given_name_keeps_she_off_a_man(coder: Coder) -> None:
    doc = coder.code(
        "In Madrid, two Spanish police officers were found guilty of robbing a Chilean "
        "tourist.\n\nMaria Rojas, 24, met officers Juan Ferrer and Pablo Ruiz, 33 and 41, at a "
        "bar. She said she was afraid.",
        "2021-03-02",
    )
    assert code_of(doc, "She") == "CHLCVL"


def test_gendered_title_keeps_she_off_a_king(coder: Coder) -> None:
    doc = coder.code(
        "Spanish Princess Elena Borbon spoke after a statement from her brother, King Felipe "
        "Borbon. The palace said she would not run.",
        "2021-03-02",
    )
    she = next(m for m in doc.mentions if m.text == "she")
    king = next(m for m in doc.mentions if "Felipe" in m.text)
    assert she.actor != king.actor


def test_bare_title_before_names_is_the_body_the_word_described(coder: Coder) -> None:
    doc = coder.code(
        "In Madrid, two Spanish police officers were found guilty of theft.\n\n"
        "A witness met officers Juan Ferrer and Pablo Ruiz, 33 and 41, at a Greek restaurant.",
        "2021-03-02",
    )
    assert code_of(doc, "Juan Ferrer") == "ESPCOP"
    assert code_of(doc, "Pablo Ruiz") == "ESPCOP"


def test_coordinated_countries_give_no_single_code(coder: Coder) -> None:
    doc = coder.code(
        "Chilean officials met in Lima. Neither Chilean nor Peruvian authorities commented on "
        "the deal.",
        "2021-03-02",
    )
    assert code_of(doc, "authorities") is None


def test_company_is_called_later_by_the_distinctive_word_of_its_name(coder: Coder) -> None:
    doc = coder.code(
        "Mahan Air added three weekly flights to Beijing. Mahan said demand had grown.",
        "2021-03-02",
    )
    assert code_of(doc, "Mahan") == "IRNBUS"


def test_capitalised_house_is_the_legislature_of_the_story(coder: Coder) -> None:
    doc = coder.code(
        "President Joe Biden met Senator Chuck Grassley in Washington. Later the House voted "
        "to condemn the White House. House prices rose in Ohio. Analysts at Chatham House "
        "said the house was old.",
        "2021-03-02",
    )
    assert code_of(doc, "House") == "USALEG"
    assert [m.text for m in doc.mentions if m.text == "House"] == ["House"]


def test_british_title_gives_the_uk_when_no_country_is_named(coder: Coder) -> None:
    doc = coder.code(
        "Foreign Secretary Ann Lewis met US Secretary of State Antony Blinken in Washington "
        "and urged the US embassy to act.",
        "2021-03-02",
    )
    assert code_of(doc, "Ann Lewis") == "GBRGOV"


def test_the_accused_is_the_person_the_story_named_before(coder: Coder) -> None:
    doc = coder.code(
        "A Peruvian, Luis Rojas, aged 30, appeared in a court in Santiago, Chile, charged with "
        "murder. Police said the accused fled after the attack.",
        "2021-03-02",
    )
    assert code_of(doc, "Luis Rojas") == "PERCVL"
    assert code_of(doc, "accused") == "PERCRM"


def test_a_victim_is_not_the_accused(coder: Coder) -> None:
    doc = coder.code(
        "Two men were charged in Lyon with robbing a Chilean tourist. Rosa Quispe, 24, spoke "
        "in court. The accused denied the charge.",
        "2021-03-02",
    )
    assert code_of(doc, "accused") != "CHLCRM"


def test_she_does_not_point_to_the_king_or_to_an_office(coder: Coder) -> None:
    doc = coder.code(
        "Spain's Princess Elena Borbon was named the party's candidate for prime minister. "
        "The king said it was wrong. Later she withdrew.",
        "2021-03-02",
    )
    assert code_of(doc, "she") == "ESPELI"


def test_then_before_a_title_marks_a_former_holder(coder: Coder) -> None:
    doc = coder.code(
        "Thai voters went to the polls. A coup removed then-prime-minister Anan Boon in 2006, "
        "and Prime Minister Somchai Wong took office.",
        "2021-03-02",
    )
    assert code_of(doc, "Anan Boon") == "THAELI"
    assert code_of(doc, "Somchai Wong") == "THAGOV"


def test_private_person_noun_without_a_country_takes_the_located_country(coder: Coder) -> None:
    doc = coder.code(
        "A car hit a lorry near Leeds on Monday and killed motorcyclist Tom Barker in York.",
        "2021-03-02",
    )
    assert code_of(doc, "Tom Barker") == "GBRCVL"


def test_short_surname_after_a_known_full_name_is_the_same_person(coder: Coder) -> None:
    doc = coder.code(
        "Chile's government hosted talks in Santiago with Chilean and Bolivian officials. "
        "British Prime Minister Boris Johnson attended. Prime Minister Johnson said Chile was "
        "a friend. He said he was pleased.",
        "2019-09-05",
    )
    assert code_of(doc, "He") == "GBRGOV"


def test_a_gang_is_no_person_she_means_and_anti_gang_is_no_gang(coder: Coder) -> None:
    doc = coder.code(
        "Police in Lyon said a Chilean tourist, Rosa Quispe, 24, was robbed by a gang. "
        "She said officers from an anti-gang unit arrived late.",
        "2021-03-02",
    )
    assert code_of(doc, "She") == code_of(doc, "Rosa Quispe")
    assert all("gang unit" not in m.text for m in doc.mentions)


def test_the_press_is_of_the_country_where_the_story_happens(coder: Coder) -> None:
    doc = coder.code(
        "Chilean President Gabriel Boric met Peruvian officials at a hotel in Lima and in "
        "Cusco. He told the press the talks went well.",
        "2023-03-02",
    )
    assert code_of(doc, "press") == "PERMED"


def test_capitalised_words_of_a_title_or_a_body_are_no_person(coder: Coder) -> None:
    doc = coder.code(
        "Welsh First Minister Ann Morgan spoke in Cardiff on Monday. The Ohio General Assembly "
        "voted on Tuesday. Later Morgan met First Secretary officials.",
        "2021-03-02",
    )
    assert code_of(doc, "Ann Morgan") is not None
    assert all(m.text not in ("First", "Assembly") for m in doc.mentions)


def test_an_acronym_is_no_private_person(coder: Coder) -> None:
    doc = coder.code(
        "Police arrested a man at a station in Leeds on Monday. BTP said the man was held in York.",
        "2021-03-02",
    )
    assert code_of(doc, "BTP") != "GBRCVL"


def test_we_of_a_former_official_is_their_country(coder: Coder) -> None:
    doc = coder.code(
        'Former Prime Minister John Major wrote, "We must keep our word to our friends." '
        'Prime Minister Theresa May said, "We will act."',
        "2019-05-05",
    )
    assert code_of(doc, "John Major") == "GBRELI"
    assert code_of(doc, "We") == "GBR"
    assert code_of(doc, "our") == "GBR"
    assert code_of(doc, "We", 1) == "GBRGOV"  # a minister's 'we' is the government


def test_a_spokesperson_takes_the_role_of_the_body_named_before_the_title(coder: Coder) -> None:
    doc = coder.code(
        "Polish police spokesman Jan Nowak said a man was detained in Warsaw. Polish army "
        "spokeswoman Ewa Lis said troops were ready. Government spokesman Piotr Mazur agreed.",
        "2019-05-05",
    )
    assert code_of(doc, "Jan Nowak") == "POLCOP"
    assert code_of(doc, "Ewa Lis") == "POLMIL"
    assert code_of(doc, "Piotr Mazur") == "POLGOV"


def test_a_spokesperson_for_a_body_takes_its_code(coder: Coder) -> None:
    doc = coder.code(
        "Dedi Prasetyo, a spokesperson for the Indonesian National Police, said 20 were "
        "arrested in Jakarta. Ahmad Ali, a spokesman for the Indonesian army, agreed. Budi "
        "Santoso, a spokesman for the Kremlin, declined to comment.",
        "2019-05-05",
    )
    assert code_of(doc, "Dedi Prasetyo") == "IDNCOP"
    assert code_of(doc, "Ahmad Ali") == "IDNMIL"
    assert code_of(doc, "Budi Santoso") == "RUSGOV"


def test_a_title_before_a_known_name_lets_the_title_word_name_the_person(coder: Coder) -> None:
    doc = coder.code(
        "Crown Prince Mohammed bin Salman met envoys in Riyadh. The crown prince said he "
        "wanted calm.",
        "2019-05-05",
    )
    prince = next(m for m in doc.mentions if m.text == "crown prince")
    person = next(m for m in doc.mentions if m.text == "Mohammed bin Salman")
    assert prince.actor == person.actor


def test_a_name_with_a_patronymic_is_called_by_its_first_word(coder: Coder) -> None:
    doc = coder.code(
        "Crown Prince Mohammed bin Salman met envoys in Riyadh. Critics called Mohammed's "
        "promise empty. Salman Rushdie was not there.",
        "2019-05-05",
    )
    assert code_of(doc, "Mohammed") == "SAUGOV"
    assert code_of(doc, "Salman") is None


def test_a_chinese_name_is_called_by_its_family_name(coder: Coder) -> None:
    doc = coder.code(
        "Foreign Minister Wang Yi met his Russian counterpart in Moscow. Wang said the talks "
        "went well, and Yi Jun, a singer, performed.",
        "2019-05-05",
    )
    assert code_of(doc, "Wang") == "CHNGOV"
    assert code_of(doc, "Yi") is None


def test_a_known_name_joined_by_a_hyphen_to_another_word_is_someone_else(coder: Coder) -> None:
    doc = coder.code("The singer Park Jin-young performed in Busan on Friday.", "2023-05-05")
    assert not any(m.text == "Park Jin" for m in doc.mentions)


def test_a_copular_description_gives_a_private_person_a_nationality(coder: Coder) -> None:
    doc = coder.code(
        "On Monday, Ayse Demir, sister of journalist Omar Khalil, spoke to reporters in Paris. "
        "Ayse Demir is a Turkish national living in Berlin. Demir said she wanted justice.",
        "2019-05-05",
    )
    assert code_of(doc, "Ayse Demir") == "TURCVL"
    assert code_of(doc, "she") == "TURCVL"


def test_a_title_in_the_text_beats_the_former_official_fallback(coder: Coder) -> None:
    doc = coder.code(
        "British MP Philip Hammond criticized the plan in London. Former Chancellor Philip "
        "Hammond had backed it in 2018.",
        "2019-12-01",
    )
    assert code_of(doc, "Philip Hammond") == "GBRLEG"
    alone = coder.code("Former Chancellor Philip Hammond criticized the plan.", "2019-12-01")
    assert code_of(alone, "Philip Hammond") == "GBRELI"


def test_a_known_surname_after_another_given_name_is_someone_else(coder: Coder) -> None:
    doc = coder.code(
        "Trump asked Zelensky to look into Joe Biden and his son, Hunter Biden. Biden denied "
        "it, and Hunter Biden said nothing.",
        "2019-09-30",
    )
    joe = next(m.actor for m in doc.mentions if m.text == "Joe Biden")
    assert any(m.text == "Biden" and m.actor == joe for m in doc.mentions)
    assert not any("Hunter" in m.text and m.actor == joe for m in doc.mentions)
    assert not any(
        m.actor == joe and doc.text[max(0, m.start - 7) : m.start] == "Hunter "
        for m in doc.mentions
    )


def test_the_title_word_names_the_holder_the_text_spoke_of_last(coder: Coder) -> None:
    doc = coder.code(
        "US President Donald Trump spoke with Turkish President Recep Tayyip Erdogan on "
        "Sunday. Trump later said the talks were good. Senator Lindsey Graham said the "
        "president was wrong.",
        "2019-10-08",
    )
    assert code_of(doc, "president") == "USAGOV"
