"""flashpoint_actors: every actor phrase resolved to country, sector and name.

Sentences are written for these tests (fictional or paraphrased), never copied news.
"""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Russian troops crossed the river at dawn.", "Russian troops", "RUS", "MIL"),
        ("Israeli police detained two men.", "Israeli police", "ISR", "COP"),
        ("Syrian rebels shelled the airport.", "Syrian rebels", "SYR", "REB"),
        ("Hungarian lawmakers approved the bill.", "Hungarian lawmakers", "HUN", "LEG"),
        ("A Kenyan judge freed the suspects.", "Kenyan judge", "KEN", "JUD"),
        ("Angry Peruvian farmers blocked the road.", "Peruvian farmers", "PER", "AGR"),
        ("Separatists in Donetsk fired on the checkpoint.", "Separatists in Donetsk", "UKR", "REB"),
        (
            "Russian-backed separatists attacked the village near Luhansk.",
            "separatists",
            "UKR",
            "REB",
        ),
        (
            "The Russian Defense Ministry announced a withdrawal.",
            "Russian Defense Ministry",
            "RUS",
            "GOV",
        ),
        ("Hamas fighters fired rockets overnight.", "Hamas fighters", "PSE", "REB"),
        (
            "Chinese military officials met their counterparts.",
            "Chinese military officials",
            "CHN",
            "MIL",
        ),
        ("The officials of Ukraine's government said talks failed.", "officials", "UKR", "GOV"),
        ("Rebel soldiers seized the Malian town.", "Rebel soldiers", "MLI", "REB"),
        ("Protesters gathered outside parliament in Tbilisi.", "Protesters", "GEO", "CVL"),
        ("Moscow warned of consequences.", "Moscow", "RUS", "GOV"),
        ("The People's Liberation Army held drills.", "People's Liberation Army", "CHN", "MIL"),
        ("The China Coast Guard blocked the supply boat.", "China Coast Guard", "CHN", "COP"),
        ("NATO troops arrived in Estonia.", "NATO troops", "NATO", "MIL"),
        ("Ethnic Albanians in southern Serbia staged a march.", "Albanians", "SRB", "CVL"),
    ],
)
def test_phrases(actors, find, text: str, phrase: str, country: str, sector: str) -> None:
    actor = find(actors(text), phrase)
    assert (actor.country, actor.sector) == (country, sector)


def test_title_and_name_make_one_actor(actors, find) -> None:
    found = actors("Kremlin spokesman Dmitry Peskov told reporters the talks were over.")
    actor = find(found, "Peskov")
    assert actor.text == "Kremlin spokesman Dmitry Peskov"
    assert (actor.country, actor.sector, actor.name) == ("RUS", "GOV", "Dmitry Peskov")
    assert actor.kb_id == "dmitry_peskov"
    assert not [a for a in found if a.text == "Kremlin"]


@pytest.mark.parametrize(
    ("day", "sector"),
    [(date(2019, 6, 1), "GOV"), (date(2023, 6, 1), "ELI"), (date(2025, 6, 1), "GOV")],
)
def test_president_trump_by_date(actors, find, day: date, sector: str) -> None:
    actor = find(actors("President Trump signed the order.", day), "Trump")
    assert (actor.country, actor.sector, actor.name) == ("USA", sector, "Donald Trump")


@pytest.mark.parametrize(
    ("text", "day", "name"),
    [
        ("The US president spoke to reporters.", date(2019, 6, 1), "Donald Trump"),
        ("The US president spoke to reporters.", date(2022, 6, 1), "Joe Biden"),
        ("The Russian defence minister visited the front.", date(2023, 6, 1), "Sergei Shoigu"),
        ("The Russian defence minister visited the front.", date(2024, 8, 1), "Andrei Belousov"),
        ("Ukraine's foreign minister flew to Warsaw.", date(2022, 3, 1), "Dmytro Kuleba"),
        ("Ukraine's foreign minister flew to Warsaw.", date(2025, 3, 1), "Andrii Sybiha"),
        ("The Philippine foreign secretary filed a protest.", date(2024, 3, 1), "Enrique Manalo"),
        (
            "The Philippine foreign secretary filed a protest.",
            date(2025, 9, 1),
            "Ma. Theresa Lazaro",
        ),
        ("The Chinese foreign minister arrived.", date(2023, 4, 1), "Qin Gang"),
        ("Premier Li opened the congress.", date(2024, 3, 5), "Li Qiang"),
        (
            "Defense Secretary Austin met his Japanese counterpart.",
            date(2022, 6, 1),
            "Lloyd Austin",
        ),
    ],
)
def test_titles_name_the_office_holder_of_the_day(
    actors, find, text: str, day: date, name: str
) -> None:
    holder = next(a for a in actors(text, day) if a.name == name)
    assert holder.resolved_by == "office"


def test_no_office_holder_without_a_date(actors, find) -> None:
    actor = find(actors("The US president spoke to reporters."), "US president")
    assert (actor.country, actor.sector, actor.name) == ("USA", "GOV", None)


def test_titles_of_rebels_or_former_officials_name_no_holder(actors, find) -> None:
    found = actors("A former Russian foreign minister and a rebel leader spoke.", date(2022, 1, 1))
    assert all(a.name is None for a in found)
    assert find(found, "former Russian foreign minister").sector == "ELI"


def test_coordinated_countries_split(actors, find) -> None:
    found = actors("US and UK officials estimated the number of troops.")
    assert (find(found, "US and UK officials").country, find(found, "UK officials").country) == (
        "USA",
        "GBR",
    )


def test_sponsors_and_stances_are_not_the_actor(actors, find) -> None:
    found = actors("Pro-Russian separatists and Iranian-backed militias clashed in Syria.")
    assert find(found, "separatists").country != "RUS"
    assert find(found, "militias").country == "SYR"


def test_unknown_person_with_title_and_adjective(actors, find) -> None:
    actor = find(actors("Aldorian Foreign Minister Ilse Varga told reporters."), "Ilse Varga")
    assert actor.sector == "GOV" and actor.name == "Ilse Varga" and actor.kb_id is None
    actor = find(actors("Bulgarian Interior Minister Petar Dimov resigned."), "Petar Dimov")
    assert (actor.country, actor.sector) == ("BGR", "GOV")
    assert actor.confidence < 0.95


def test_same_surname_other_person(actors, find) -> None:
    actor = find(actors("Mexican analyst Luis Rubio criticised the plan."), "Luis Rubio")
    assert (actor.country, actor.kb_id) == ("MEX", None)


def test_place_inside_another_name_is_no_actor(actors, find) -> None:
    found = actors("Both sides signed the Minsk Agreements in 2015.")
    assert not [a for a in found if a.country == "BLR"]


def test_spans_point_into_the_text(actors, find) -> None:
    text = "On Monday, the Kremlin said Russian troops had left. Kiev disagreed."
    for actor in actors(text):
        assert text[actor.char_start : actor.char_end] == actor.text
    assert [a.sentence_index for a in actors(text)] == [0, 0, 1]
