"""In-document coreference: surnames, definite noun phrases and pronouns."""

from __future__ import annotations

from datetime import date


def test_surname_after_full_name(actors, find) -> None:
    found = actors(
        "Aldorian Interior Minister Tomas Berg visited the border. Berg said the fence would stay."
    )
    later = next(a for a in found if a.text == "Berg")
    assert later.mention_kind == "surname"
    assert later.antecedent is not None and "Tomas Berg" in later.antecedent.text
    assert (later.name, later.sector) == ("Tomas Berg", "GOV")


def test_known_surname_links_to_its_full_mention(actors) -> None:
    found = actors("Kremlin spokesman Dmitry Peskov spoke first. Later, Peskov added a warning.")
    later = next(a for a in found if a.text == "Peskov")
    assert (later.country, later.sector, later.kb_id) == ("RUS", "GOV", "dmitry_peskov")
    assert later.antecedent is not None and later.antecedent.text.endswith("Dmitry Peskov")


def test_definite_phrases_find_their_antecedent(actors, find) -> None:
    found = actors(
        "The Russian Defense Ministry said drills had ended. NATO doubted it. "
        "The alliance asked for proof, but the ministry did not reply."
    )
    alliance = find(found, "alliance")
    assert (alliance.country, alliance.name, alliance.resolved_by) == (
        "NATO",
        "North Atlantic Treaty Organization",
        "coref",
    )
    ministry = find(found, "ministry")
    assert (ministry.country, ministry.sector) == ("RUS", "GOV")
    assert (
        ministry.antecedent is not None and ministry.antecedent.text == "Russian Defense Ministry"
    )


def test_pronouns_agree_in_gender_and_number(actors) -> None:
    found = actors(
        "French President Emmanuel Macron met Italian Prime Minister Giorgia Meloni. "
        "She thanked him. Russian troops later said they would stay.",
        date(2023, 5, 1),
    )
    by_text = {a.text: a for a in found}
    assert by_text["She"].name == "Giorgia Meloni"
    assert by_text["him"].name == "Emmanuel Macron"
    assert (by_text["they"].country, by_text["they"].sector) == ("RUS", "MIL")


def test_it_for_organisations_but_not_pleonastic(actors) -> None:
    found = actors("The Kremlin said it would respond. It is clear that talks failed.")
    pronouns = [a for a in found if a.mention_kind == "pronoun"]
    assert [(a.text, a.country) for a in pronouns] == [("it", "RUS")]


def test_possessive_pronoun_lends_its_country(actors, find) -> None:
    found = actors("The Ukrainian army said its soldiers had withdrawn.")
    assert find(found, "soldiers").country == "UKR"


def test_pronoun_without_antecedent_is_dropped(actors) -> None:
    assert [a for a in actors("They said it would rain.") if a.mention_kind == "pronoun"] == []
