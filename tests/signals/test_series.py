"""Series, timeline, ranked dyads and drivers on small hand-built streams."""

from __future__ import annotations

from datetime import timedelta

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.signals import actor_series, drivers, dyad_series, dyads, timeline


@pytest.fixture
def two_dyads(builder):  # type: ignore[no-untyped-def]
    """RUS→UKR: cooperative days 0-4, hostile days 5-9 (an ASSAULT on day 7 reported by
    four outlets); UKR→RUS: one accusation on day 8; coverage-only articles on day 2."""
    day = builder.day
    for offset in range(5):
        builder.story(day(offset), "RUS", "UKR", builder.cooperative[0])
    for offset in range(5, 10):
        builder.story(day(offset), "RUS", "UKR", builder.hostile[2])
    builder.story(day(7), "RUS", "UKR", builder.hostile[3], articles=4)
    builder.story(day(7), "RUS", "UKR", builder.hostile[3], modality="negated")
    builder.story(day(8), "UKR", "RUS", builder.hostile[0])
    builder.coverage(day(2), ("UKR",), 3)
    with builder.store() as store:
        yield store


def test_a_story_counts_once_however_many_outlets(two_dyads, builder) -> None:
    rows = {r["period"]: r for r in timeline(two_dyads.con, "RUS:UKR").to_pylist()}
    day7 = rows[builder.day(7)]
    assert day7["events"] == 2 and day7["quad4"] == 2 and day7["assault"] == 1
    assert day7["goldstein_sum"] == -14.0 and day7["coverage"] == 6
    assert day7["index"] == pytest.approx(14.0 / 7)
    assert day7["index_low"] <= day7["index"] <= day7["index_high"]


def test_timeline_fills_every_day_and_normalises_by_coverage(two_dyads, builder) -> None:
    table = timeline(two_dyads.con, "RUS:UKR")
    days = table.column("period").to_pylist()
    assert days == [builder.day(i) for i in range(10)]
    rows = table.to_pylist()
    assert rows[2]["coverage"] == 4 and rows[2]["index"] == pytest.approx(-4.0 / 5)
    assert rows[0]["conflict_share"] == 0.0 and rows[9]["conflict_share"] == 1.0
    assert all(r["index"] < 0 for r in rows[:5]) and all(r["index"] > 0 for r in rows[5:])


def test_weekly_and_bounded_timeline(two_dyads, builder) -> None:
    weeks = timeline(two_dyads.con, "RUS:UKR", freq="week").to_pylist()
    assert sum(w["events"] for w in weeks) == 11
    assert all(w["period"].weekday() == 0 for w in weeks)
    since, until = builder.day(3), builder.day(12)
    bounded = timeline(two_dyads.con, "RUS:UKR", since=since, until=until).to_pylist()
    assert bounded[0]["period"] == since and bounded[-1]["period"] == until
    assert bounded[-1]["events"] == 0 and bounded[-1]["index"] == 0


def test_actor_series_counts_a_story_once(two_dyads, builder) -> None:
    outgoing = actor_series(two_dyads.con, "RUS").to_pylist()
    assert sum(r["events"] for r in outgoing) == 11
    incoming = actor_series(two_dyads.con, "RUS", role="target").to_pylist()
    assert [r["period"] for r in incoming if r["events"]] == [builder.day(8)]


def test_all_dyad_series_match_the_timeline(two_dyads) -> None:
    series = dyad_series(two_dyads.con).to_pylist()
    pairs = {(r["source"], r["target"]) for r in series}
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}
    single = {r["period"]: r["index"] for r in timeline(two_dyads.con, "RUS:UKR").to_pylist()}
    for row in series:
        if row["source"] == "RUS":
            assert row["index"] == pytest.approx(single[row["period"]], abs=1e-4)


def test_dyads_ranked_by_recent_change(two_dyads) -> None:
    ranked = dyads(two_dyads.con, window=5).to_pylist()
    top = ranked[0]
    assert (top["source"], top["target"], top["events"]) == ("RUS", "UKR", 11)
    assert top["index_recent"] > 0 > top["index_previous"]
    assert top["change"] == pytest.approx(top["index_recent"] - top["index_previous"])
    assert abs(ranked[0]["change"]) >= abs(ranked[1]["change"])
    assert dyads(two_dyads.con, limit=1).num_rows == 1


def test_drivers_give_the_sentences_behind_a_day(two_dyads, builder) -> None:
    rows = drivers(two_dyads.con, "RUS:UKR", builder.day(7)).to_pylist()
    assert len(rows) == 5  # four reports of the assault and the coercion; not the negated one
    assert rows[0]["event_type"] == "ASSAULT" and rows[0]["goldstein"] == -9.0
    assert all(r["modality"] == "asserted" and "against UKR" in r["sentence"] for r in rows)
    assert len({r["cluster_id"] for r in rows}) == 2
    week = drivers(two_dyads.con, "RUS:UKR", builder.day(7), freq="week", limit=100)
    assert week.num_rows >= len(rows)
    assert drivers(two_dyads.con, "RUS:UKR", builder.day(7) + timedelta(days=30)).num_rows == 0


def test_empty_store_gives_empty_tables(builder) -> None:
    with builder.store() as store:
        assert timeline(store.con, "RUS:UKR").num_rows == 0
        assert dyads(store.con).num_rows == 0
        assert dyad_series(store.con).num_rows == 0


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda con: timeline(con, "RUS:UKR", freq="month"), "E071"),
        (lambda con: timeline(con, "RUS-UKR"), "E070"),
        (lambda con: drivers(con, "RUS:UKR", "yesterday"), "E073"),
        (lambda con: dyads(con, since="2024-01-05", until="2024-01-01"), "E073"),
    ],
)
def test_bad_arguments(two_dyads, call, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FlashpointError, match=code):
        call(two_dyads.con)


def test_two_actors_of_one_country_make_one_pair(builder) -> None:
    """ "Moscow and the Kremlin": two source actors of one country are still one RUS→UKR event."""
    ids = builder.story(builder.day(0), "RUS", "UKR", builder.hostile[3])
    article_id = builder.rows["events"][-1]["article_id"]
    builder.rows["event_actors"].append(
        {
            "article_id": article_id,
            "event_id": ids[0],
            "role": "source",
            "text": "Moscow",
            "country": "RUS",
            "char_start": 40,
            "char_end": 46,
        }
    )
    with builder.store() as store:
        assert timeline(store.con, "RUS:UKR").column("events").to_pylist() == [1]
        assert drivers(store.con, "RUS:UKR", builder.day(0)).column("event_id").to_pylist() == ids


def test_bootstrap_codes_do_not_depend_on_row_order() -> None:
    """The band draws one weight per article code: the same article must get the same code
    however the query ordered its rows, or the band changes from run to run."""
    import pyarrow as pa

    from flashpoint.signals.queries import _sorted_codes

    forward = pa.array(["b", "a", "c", "a"])
    backward = pa.array(["a", "c", "a", "b"])
    code_f = dict(zip(forward.to_pylist(), _sorted_codes(forward).tolist(), strict=True))
    code_b = dict(zip(backward.to_pylist(), _sorted_codes(backward).tolist(), strict=True))
    assert code_f == code_b == {"a": 0, "b": 1, "c": 2}
