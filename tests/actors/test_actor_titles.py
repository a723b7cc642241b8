"""Titled people of unknown name: ranks, appositives and the sentence's other countries."""

from __future__ import annotations

from datetime import date

DAY = date(2024, 3, 5)


def test_report_source_does_not_take_country_of_other_phrase(actors, find) -> None:
    found = actors(
        "The Chinese vessels approached at high speed, according to Rear Admiral Ana Dela Cruz.",
        DAY,
    )
    person = find(found, "Ana Dela Cruz")
    assert person.country is None
    assert person.resolved_by != "pattern"
    assert person.sector == "MIL"  # a rank alone, with no organisation known


def test_source_said_is_not_placed_by_a_modifier(actors, find) -> None:
    found = actors("Two Russian tankers were seized overnight, General Tomas Berglund said.", DAY)
    assert find(found, "Tomas Berglund").country is None


def test_appositive_links_to_earlier_organisation(actors, find) -> None:
    text = (
        "The Philippine Coast Guard sent two ships to the reef on Monday. "
        "Chinese vessels blocked Filipino boats near the shoal, according to "
        "Rear Admiral Ana Dela Cruz, the coast guard's spokesperson."
    )
    person = find(actors(text, DAY), "Ana Dela Cruz")
    assert (person.country, person.sector) == ("PHL", "COP")


def test_appositive_with_named_organisation(actors, find) -> None:
    text = "Vice Admiral Ana Dela Cruz, the Philippine Coast Guard's spokesperson, spoke."
    person = find(actors(text, DAY), "Ana Dela Cruz")
    assert (person.country, person.sector) == ("PHL", "COP")


def test_definite_multiword_noun_refers_back(actors, find) -> None:
    text = (
        "The China Coast Guard fired water cannon at a supply boat. "
        "The coast guard later said the boat had entered its waters."
    )
    found = actors(text, DAY)
    later = find(found, "coast guard")
    assert (later.country, later.sector, later.resolved_by) == ("CHN", "COP", "coref")


def test_coast_alone_does_not_refer_to_coast_guard(actors) -> None:
    text = "The Philippine Coast Guard left port. The coast was quiet."
    assert [a.text for a in actors(text, DAY)] == ["Philippine Coast Guard"]


def test_titled_participant_still_placed_by_context(actors, find) -> None:
    found = actors("Fijian rebels said they would free Prime Minister Joseph Vakarewa.", DAY)
    assert find(found, "Joseph Vakarewa").country == "FJI"


def test_head_of_government_phrase_placed_by_its_titled_member(actors, find) -> None:
    text = "The military government of President Paul Duroc declared a curfew in Haiti."
    assert find(actors(text, DAY), "Paul Duroc").country == "HTI"


def test_nationality_noun_heading_its_phrase_is_civilian(actors, find) -> None:
    found = actors("Soldiers detained dozens of Syrians and a Lebanese near the border.", DAY)
    assert (find(found, "Syrians").country, find(found, "Syrians").sector) == ("SYR", "CVL")
    assert find(found, "Lebanese").sector == "CVL"


def test_nationality_adjective_modifying_a_noun_is_not_civilian(actors, find) -> None:
    found = actors("Syrian troops shelled the town.", DAY)
    assert find(found, "Syrian troops").sector == "MIL"


def test_leader_name_before_administration_gives_country(actors, find) -> None:
    found = actors("The Bush administration rejected the proposal.", date(2005, 6, 1))
    assert (find(found, "administration").country, find(found, "administration").sector) == (
        "USA",
        "GOV",
    )


def test_known_movements_by_period(actors, find) -> None:
    assert (
        find(actors("The Khmer Rouge shelled the town.", date(1990, 1, 1)), "Khmer").sector == "REB"
    )
    assert (
        find(actors("The Khmer Rouge ordered the city emptied.", date(1976, 1, 1)), "Khmer").sector
        == "GOV"
    )
    assert find(actors("Kefaya called a rally.", date(2005, 5, 1)), "Kefaya").country == "EGY"
