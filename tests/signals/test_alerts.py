"""Alerts on synthetic streams with known change points and known mixed-signal days."""

from __future__ import annotations

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.signals import alerts, mixed_signals

DAYS = 60
CHANGE = 30


def change_points(store, **kwargs):  # type: ignore[no-untyped-def]
    return alerts(store.con, kinds=("change_point",), **kwargs).to_pylist()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_escalation_found_within_a_day(builder, seed: int) -> None:
    builder.random_days(range(CHANGE), hostile_share=0.1, stories_per_day=5, seed=seed)
    builder.random_days(range(CHANGE, DAYS), hostile_share=0.9, stories_per_day=5, seed=seed + 10)
    with builder.store() as store:
        found = change_points(store)
    assert found, "no change point on a stream that turns hostile"
    best = max(found, key=lambda a: abs(a["change"]))
    assert abs((best["date"] - builder.day(CHANGE)).days) <= 1
    assert best["change"] > 0 and (best["source"], best["target"]) == ("RUS", "UKR")
    assert "escalation" in best["description"] and best["event_ids"]


def test_de_escalation_found(builder) -> None:
    builder.random_days(range(CHANGE), hostile_share=0.9, stories_per_day=5, seed=7)
    builder.random_days(range(CHANGE, DAYS), hostile_share=0.1, stories_per_day=5, seed=8)
    with builder.store() as store:
        found = change_points(store)
    assert [abs((a["date"] - builder.day(CHANGE)).days) <= 1 for a in found] == [True]
    assert found[0]["change"] < 0 and "de-escalation" in found[0]["description"]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_no_alert_on_a_stationary_stream(builder, seed: int) -> None:
    """Same volume as the escalation streams, but the mix never changes."""
    builder.random_days(range(DAYS), hostile_share=0.5, stories_per_day=5, seed=seed)
    with builder.store() as store:
        assert change_points(store) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_alert_from_a_coverage_surge(builder, seed: int) -> None:
    """Three times the articles and stories from day 30, with the same mix: the index is
    normalised by coverage, so a news surge alone is no escalation."""
    builder.random_days(range(CHANGE), hostile_share=0.4, stories_per_day=2, seed=seed)
    builder.random_days(
        range(CHANGE, DAYS), hostile_share=0.4, stories_per_day=6, seed=seed + 10, filler=6
    )
    with builder.store() as store:
        assert change_points(store) == []


def test_many_outlets_reporting_one_story_is_no_escalation(builder) -> None:
    """From day 30 each hostile story is reported by five outlets: still one story each."""
    for offset in range(DAYS):
        move = builder.hostile[2] if offset % 2 else builder.cooperative[0]
        builder.story(
            builder.day(offset), "RUS", "UKR", move, articles=5 if offset >= CHANGE else 1
        )
        builder.coverage(builder.day(offset), ("RUS", "UKR"), 5 if offset < CHANGE else 1)
    with builder.store() as store:
        assert change_points(store) == []


def test_sensitivity_trades_alerts_for_noise(builder) -> None:
    builder.random_days(range(CHANGE), hostile_share=0.35, stories_per_day=2, seed=4)
    builder.random_days(range(CHANGE, DAYS), hostile_share=0.65, stories_per_day=2, seed=5)
    with builder.store() as store:
        counts = [len(change_points(store, sensitivity=s)) for s in (0.5, 1.0, 3.0)]
    assert counts[0] <= counts[1] <= counts[2] and counts[2] > counts[0]


def test_mixed_signal_days(builder) -> None:
    """Day 3 and day 8: RUS both cooperates with and threatens UKR. Not mixed: a hostile move
    by UKR towards RUS on a cooperative RUS day (day 5) and a negated or hypothetical hostile
    move (day 6)."""
    for offset in range(10):
        builder.story(builder.day(offset), "RUS", "UKR", builder.cooperative[offset % 4])
    for offset in (3, 8):
        builder.story(builder.day(offset), "RUS", "UKR", builder.hostile[1], articles=2)
    builder.story(builder.day(5), "UKR", "RUS", builder.hostile[3])
    builder.story(builder.day(6), "RUS", "UKR", builder.hostile[3], modality="negated")
    builder.story(builder.day(6), "RUS", "UKR", builder.hostile[2], modality="hypothetical")
    with builder.store() as store:
        found = mixed_signals(store.con).to_pylist()
        only_pair = mixed_signals(store.con, dyad="UKR:RUS").num_rows
    assert [a["date"] for a in found] == [builder.day(3), builder.day(8)]
    assert all(a["kind"] == "mixed_signals" and len(a["event_ids"]) == 2 for a in found)
    assert "THREATEN" in found[0]["description"] and found[0]["change"] > 0
    assert only_pair == 0


def test_threat_counts_even_when_phrased_as_future(builder) -> None:
    builder.story(builder.day(0), "RUS", "UKR", builder.cooperative[0])
    builder.story(builder.day(0), "RUS", "UKR", builder.hostile[1], modality="future")
    builder.story(builder.day(1), "RUS", "UKR", builder.cooperative[0])
    builder.story(builder.day(1), "RUS", "UKR", builder.hostile[3], modality="future")
    with builder.store() as store:
        found = mixed_signals(store.con).to_pylist()
    assert [a["date"] for a in found] == [builder.day(0)]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"dyad": "RUSUKR"}, "E070"),
        ({"dyad": "RUS:RUS"}, "E070"),
        ({"dyad": "R1:UKR"}, "E070"),
        ({"sensitivity": 0}, "E072"),
        ({"sensitivity": "high"}, "E072"),
        ({"since": "2024-13-01"}, "E073"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "E073"),
    ],
)
def test_bad_arguments_are_named(builder, kwargs: dict, code: str) -> None:
    with builder.store() as store, pytest.raises(FlashpointError, match=code):
        alerts(store.con, **kwargs)
