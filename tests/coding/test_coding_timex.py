"""Time expressions resolved against the publication date (2024-05-15, a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.coding.timex import resolve

PUBLISHED = date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("yesterday", False, (date(2024, 5, 14), "day")),
        ("today", False, (date(2024, 5, 15), "day")),
        ("last week", False, (date(2024, 5, 8), "week")),
        ("earlier this week", False, (date(2024, 5, 15), "week")),
        ("last month", False, (date(2024, 4, 1), "month")),
        ("last year", False, (date(2023, 1, 1), "year")),
        ("three days ago", False, (date(2024, 5, 12), "day")),
        ("two weeks ago", False, (date(2024, 5, 1), "week")),
        ("Monday", False, (date(2024, 5, 13), "day")),
        ("Wednesday", False, (date(2024, 5, 15), "day")),
        ("Thursday", False, (date(2024, 5, 9), "day")),
        ("Thursday", True, (date(2024, 5, 16), "day")),
        ("last Wednesday", False, (date(2024, 5, 8), "day")),
        ("next Monday", False, (date(2024, 5, 20), "day")),
        ("Monday, February 14", False, (date(2024, 2, 14), "day")),
        ("February 14, 2022", False, (date(2022, 2, 14), "day")),
        ("14 February 2022", False, (date(2022, 2, 14), "day")),
        ("December", False, (date(2023, 12, 1), "month")),
        ("December", True, (date(2024, 12, 1), "month")),
        ("May", False, (date(2024, 5, 1), "month")),
        ("June 3", False, (date(2023, 6, 3), "day")),
        ("Sept. 3", False, (date(2023, 9, 3), "day")),
        ("December 2021", False, (date(2021, 12, 1), "month")),
        ("2014", False, (date(2014, 1, 1), "year")),
    ],
)
def test_resolve(text: str, future: bool, expected: tuple[date, str]) -> None:
    point = resolve(text, PUBLISHED, future)
    assert point is not None and (point.value, point.precision) == expected


@pytest.mark.parametrize(
    "text", ["four years", "the past two weeks", "decades", "the 1990s", "hours"]
)
def test_durations_and_vague_phrases_give_no_date(text: str) -> None:
    assert resolve(text, PUBLISHED) is None
