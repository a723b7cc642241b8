"""Each location rule, in order, on project-written sentences; and the fixture's accuracy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.cli import main
from flashpoint.errors import FlashpointError
from flashpoint.eval.plover import main_event
from flashpoint.geo import doc_places, gazetteer, geo_lexicon
from flashpoint.geo.evaluate import evaluate_geo, read_gold
from flashpoint.geo.locate import locate

FIXTURE = Path(__file__).parent / "fixtures" / "locations.jsonl"


def _located(doc: Doc) -> tuple[str, str | None, str, str]:
    """(name, country, precision, rule) of the Doc's main event."""
    event = main_event(doc)
    assert event is not None, doc.text
    found = locate(doc, event, doc_places(doc, gazetteer(), geo_lexicon()), gazetteer(),
                   geo_lexicon())  # fmt: skip
    assert found is not None and event.location == found[0], doc.text
    location, rule = found
    return location.name, location.country, location.precision, rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Artillery shelled a market in Kherson on Friday.",
         ("Kherson", "UKR", "point", "attachment")),
        ("The envoys held talks in Vienna on Tuesday.", ("Vienna", "AUT", "point", "attachment")),
        ("Riot police arrested students in Kiev.", ("Kyiv", "UKR", "point", "attachment")),
        ("Rebels shelled several villages in the Luhansk region.",
         ("Luhansk Oblast", "UKR", "admin1", "attachment")),
        ("Troops attacked Kharkiv at dawn.", ("Kharkiv", "UKR", "point", "attachment")),
        ("Soldiers arrested ten protesters in Mzuzu.", ("Mzuzu", "MWI", "point", "attachment")),
        ("The government sent aid to Somalia.", ("Somalia", "SOM", "country", "attachment")),
        ("Armed men in Mosul kidnapped two engineers.", ("Mosul", "IRQ", "point", "clause")),
        ("Police detained the blogger after he had filmed a protest in Baku.",
         ("Baku", "AZE", "point", "sentence")),
        ("ALMATY, June 2 (Wire) - Kazakhstan accused Kyrgyzstan of provocations.",
         ("Almaty", "KAZ", "point", "dateline")),
        ("Venezuela accused Guyana of provocations.", ("Venezuela", "VEN", "country", "actor")),
        ("Ethiopian troops attacked Eritrean soldiers.", ("Eritrea", "ERI", "country", "actor")),
    ],
)  # fmt: skip
def test_each_rule(parse_geo: Callable[[str], Doc], text: str, expected: tuple) -> None:
    assert _located(parse_geo(text)) == expected


def test_the_event_clause_wins_over_other_places_in_the_article(
    parse_geo: Callable[[str], Doc],
) -> None:
    doc = parse_geo(
        "MOSCOW (Wire) - Officials in Moscow said on Monday that troops attacked a depot "
        "near Belgorod."
    )
    located = {e.location.name for e in doc._.events if e.location and e.event_type == "ASSAULT"}
    assert located == {"Belgorod"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police arrested three men in Paris, Texas, on Sunday.", "USA"),
        ("Police arrested three men in Paris on Sunday.", "FRA"),
        ("Texas police said officers arrested three men in Paris on Sunday.", "USA"),
        ("Militias clashed in the Lebanese port city of Tripoli.", "LBN"),
        ("Militias clashed in Tripoli.", "LBY"),
    ],
)
def test_same_named_places_are_told_apart(
    parse_geo: Callable[[str], Doc], text: str, country: str
) -> None:
    event = main_event(parse_geo(text))
    assert event is not None and event.location is not None
    assert event.location.country == country


def test_actors_standing_for_their_capital_are_no_location(
    parse_geo: Callable[[str], Doc],
) -> None:
    located = _located(parse_geo("Moscow accused Kyiv of lying."))
    assert located == ("Russia", "RUS", "country", "actor")


def test_locations_carry_coordinates_and_a_rule_confidence(
    parse_geo: Callable[[str], Doc],
) -> None:
    event = main_event(parse_geo("Drones struck a refinery in Odessa."))
    assert event is not None and event.location is not None
    where = event.location
    assert (where.name, where.geonameid, where.admin1) == ("Odesa", 698740, "UA.17")
    assert where.lat == pytest.approx(46.49, abs=0.05) and where.lon == pytest.approx(
        30.74, abs=0.05
    )
    assert 0.5 < where.confidence <= 0.9


def test_without_events_nothing_is_done(parse_geo: Callable[[str], Doc]) -> None:
    assert parse_geo("The weather in Kyiv was mild.")._.events == []


def test_fixture_accuracy(geo_nlp: Language) -> None:
    report = evaluate_geo(FIXTURE, nlp=geo_nlp)
    assert report["records"] >= 30
    assert report["country_accuracy"] >= 0.9 and report["name_accuracy"] >= 0.9
    assert set(report["by_rule"]) == {
        "attachment", "clause", "sentence", "dateline", "actor", "disambiguation",
    }  # fmt: skip


def test_eval_geo_command_prints_the_scores(geo_nlp: Language, tmp_path: Path) -> None:
    save = tmp_path / "geo.json"
    result = CliRunner().invoke(main, ["eval", "geo", str(FIXTURE), "--save", str(save)])
    assert result.exit_code == 0, result.output
    assert "country_accuracy" in result.stdout and "rule dateline:" in result.stdout
    assert save.is_file()


def test_a_broken_gold_file_is_refused_by_name(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "x", "location": {"name": "Kyiv"}}\n{not json\n', encoding="utf-8")
    with pytest.raises(FlashpointError, match=r"\[E061\] .*gold.jsonl: line 2"):
        read_gold(gold)


def test_gold_without_a_country_takes_the_likeliest(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        '{"text": "a", "eventLoc": {"name": "town of Rafah"}}',
        '{"text": "b", "eventLoc": {"name": "Tripoli", "country code": "LB"}}',
        '{"text": "c", "event": "AGREE"}',
    ]
    gold.write_text("\n".join(rows), encoding="utf-8")
    assert [(r["name"], r["country"]) for r in read_gold(gold)] == [
        ("town of Rafah", "PSE"),
        ("Tripoli", "LBN"),
    ]
