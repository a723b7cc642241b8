"""The project's fixture of written sentences: every PLOVER type, voice, coordination,
reciprocity, modality and dates (tests/coding/fixtures/sentences.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from flashpoint.coding.records import Event

FIXTURE = Path(__file__).with_name("fixtures") / "sentences.yaml"
DATA = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def _want(spec: dict[str, Any]) -> dict[str, Any]:
    """Fixture keys -> Event fields."""
    renamed = {
        "type": "event_type",
        "cameo": "cameo_code",
        "date": "event_date",
        "precision": "date_precision",
    }
    return {renamed.get(key, key): value for key, value in spec.items()}


def test_fixture_is_large_and_covers_every_type() -> None:
    assert len(DATA["sentences"]) >= 80
    covered = {spec["type"] for item in DATA["sentences"] for spec in item["expect"]}
    assert covered >= set(TYPES)


@pytest.mark.parametrize("item", DATA["sentences"], ids=lambda item: item["text"][:48])
def test_sentence(
    code: Callable[..., list[Event]], find: Callable[..., list[Event]], item: dict[str, Any]
) -> None:
    published = item.get("published", DATA["published"])
    events = code(item["text"], published.isoformat() if isinstance(published, date) else published)
    coded = [
        (
            e.event_type,
            e.cameo_code,
            e.modality,
            sorted(a.country or "?" for a in e.source),
            sorted(a.country or "?" for a in e.target),
            str(e.event_date),
        )
        for e in events
    ]
    for spec in item["expect"]:
        assert find(events, **_want(spec)), f"no event like {spec} in {coded}"
    for event_type in item.get("absent", []):
        assert not find(events, event_type=event_type, modality="asserted"), coded
