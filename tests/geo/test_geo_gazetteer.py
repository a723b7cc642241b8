"""The gazetteer: spellings, countries, regions, and disambiguation scores."""

from __future__ import annotations

import pytest

from flashpoint.geo.gazetteer import ADMIN1, CITY, COUNTRY, Candidate, Place, fold, gazetteer
from flashpoint.geo.places import resolve


def _ids(name: str) -> set[int | None]:
    return {c.place.geonameid for c in gazetteer().lookup(name)}


@pytest.mark.parametrize(
    ("spelling", "own"),
    [("Kiev", "Kyiv"), ("KYIV", "Kyiv"), ("Kharkov", "Kharkiv"), ("Lugansk", "Luhansk"),
     ("Khatmandu", "Kathmandu"), ("Gorazde", "Goražde")],
)  # fmt: skip
def test_alternative_spellings_find_the_same_city(spelling: str, own: str) -> None:
    ours = {c.place.geonameid for c in gazetteer().lookup(spelling) if c.place.kind == CITY}
    assert ours and ours <= _ids(own)


def test_odessa_is_ambiguous_and_the_ukrainian_city_is_the_bigger() -> None:
    places = {c.place.country: c for c in gazetteer().lookup("Odessa")}
    assert set(places) >= {"UKR", "USA"}
    assert places["UKR"].place.name == "Odesa" and not places["UKR"].primary


def test_country_names_come_with_the_actor_table_short_names() -> None:
    assert [c.place.country for c in gazetteer().lookup("Britain")] == ["GBR"]
    assert gazetteer().lookup("United States")[0].place.kind == COUNTRY
    assert gazetteer().country("UKR") is not None and gazetteer().country("NATO") is None


def test_regions_from_the_packaged_table_and_from_cities() -> None:
    crimea = gazetteer().lookup("Crimea")[0].place
    assert (crimea.kind, crimea.country, crimea.admin1) == (ADMIN1, "UKR", "UA.11")
    herat = next(c.place for c in gazetteer().lookup("Herat") if c.place.kind == CITY)
    region = gazetteer().region_of(herat, "Herat Province")
    assert region is not None and region.kind == ADMIN1 and region.admin1 == herat.admin1
    assert region.lat is not None and abs(region.lat - herat.lat) < 3  # type: ignore[operator]


def test_fold_ignores_case_accents_articles_and_hyphens() -> None:
    assert fold("Kyïv") == fold("KYIV") == "kyiv"
    assert fold("the Hague") == "hague"
    assert fold("Nagorno-Karabakh") == "nagorno karabakh"


def test_the_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()


def _place(country: str, population: int, kind: str = CITY, admin1: str = "X.1") -> Place:
    return Place("Springfield", kind, country, admin1, 0.0, 0.0, population, population)


def test_size_decides_without_any_hint() -> None:
    big, small = _place("FRA", 2_000_000), _place("USA", 25_000)
    assert resolve([Candidate(small, True), Candidate(big, True)], {}).place == big


def test_article_focus_beats_size() -> None:
    big, small = _place("FRA", 2_000_000), _place("USA", 25_000)
    chosen = resolve([Candidate(big, True), Candidate(small, True)], {"USA": 2.0})
    assert chosen.place == small


def test_a_lone_actor_country_does_not_overrule_a_much_bigger_namesake() -> None:
    big, small = _place("UKR", 900_000), _place("RUS", 50_000)
    assert resolve([Candidate(small, True), Candidate(big, True)], {"RUS": 0.25}).place == big


def test_a_qualifier_beats_focus() -> None:
    big, small = _place("FRA", 2_000_000), _place("USA", 25_000, admin1="US.TX")
    texas = Candidate(_place("USA", 0, kind=ADMIN1, admin1="US.TX"), True)
    chosen = resolve([Candidate(big, True), Candidate(small, True)], {"FRA": 4.0}, (texas,))
    assert chosen.place == small


def test_one_country_means_full_certainty() -> None:
    assert resolve([Candidate(_place("IRQ", 10), True)], {}).certainty == 1.0
