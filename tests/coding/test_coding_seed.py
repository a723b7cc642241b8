"""The canonical seed article (read at run time from ../shared; skipped when absent)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from flashpoint.coding.records import Event

SEED = "seed/000_08b5765790eadd7a.txt"


@pytest.fixture(scope="module")
def seed(shared_dir: Path, nlp: Language) -> list[Event]:
    raw = (shared_dir / SEED).read_text(encoding="utf-8")
    header = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
    assert header, "seed article lost its date header"
    doc = nlp.make_doc(raw[header.end() :])
    doc._.published = date.fromisoformat(header.group(1))
    return list(nlp(doc)._.events)


def _codes(actors: list) -> set[tuple[str | None, str | None]]:  # type: ignore[type-arg]
    return {(a.country, a.sector) for a in actors}


def test_troops_return_to_bases_is_a_withdrawal_by_the_russian_military(seed: list[Event]) -> None:
    found = [
        e
        for e in seed
        if e.event_type == "RETREAT"
        and e.mode == "withdraw"
        and ("RUS", "MIL") in _codes(e.source)
        and e.event_date == date(2022, 2, 15)
    ]
    assert found and found[0].cameo_code == "0874" and found[0].quad_class == 2


def test_duma_asks_putin_to_recognise_the_separatist_regions(seed: list[Event]) -> None:
    requests = [e for e in seed if e.event_type == "REQUEST" and ("RUS", "LEG") in _codes(e.source)]
    assert requests and any(a.name == "Vladimir Putin" for a in requests[0].target)
    recognitions = [e for e in seed if e.event_type == "SUPPORT" and e.cameo_code == "054"]
    assert recognitions and all(e.modality == "hypothetical" for e in recognitions)
    assert any(a.name == "Vladimir Putin" for e in recognitions for a in e.source)


def test_lavrov_urges_putin_on_monday_february_14(seed: list[Event]) -> None:
    [urge] = [
        e
        for e in seed
        if e.event_type == "REQUEST" and any(a.name == "Sergei Lavrov" for a in e.source)
    ]
    assert _codes(urge.source) == {("RUS", "GOV")}
    assert [a.name for a in urge.target] == ["Vladimir Putin"]
    assert (urge.event_date, urge.date_precision) == (date(2022, 2, 14), "day")


def test_troop_deployment_on_the_border_is_mobilisation_against_ukraine(seed: list[Event]) -> None:
    assert [
        e
        for e in seed
        if e.event_type == "MOBILIZE"
        and ("RUS", "MIL") in _codes(e.source)
        and "UKR" in {a.country for a in e.target}
        and "100,000" in e.sentence
    ]


def test_washington_warning_does_not_make_an_attack_happen(seed: list[Event]) -> None:
    [warning] = [e for e in seed if "USA" in {a.country for a in e.source}]
    assert warning.event_type in ("ACCUSE", "THREATEN") and "RUS" in {
        a.country for a in warning.target
    }
    assert warning.date_precision == "week" and warning.event_date == date(2022, 2, 8)
    attacks = [
        e for e in seed if e.event_type == "ASSAULT" and "RUS" in {a.country for a in e.source}
    ]
    assert attacks and all(e.modality in ("hypothetical", "negated") for e in attacks)


def test_kremlin_denies_any_intention_to_invade(seed: list[Event]) -> None:
    assert [
        e
        for e in seed
        if e.event_type == "ASSAULT"
        and e.modality == "negated"
        and "RUS" in {a.country for a in e.source}
        and "UKR" in {a.country for a in e.target}
        and "intention" in e.sentence
    ]
