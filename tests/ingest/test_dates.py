from datetime import date, datetime

import pytest

from flashpoint.ingest.dates import parse_date

MARCH_4 = date(2025, 3, 4)


@pytest.mark.parametrize(
    "value",
    [
        "2025-03-04",
        "2025-03-04T10:00:00Z",
        "2025-03-04T10:00:00.123456+00:00",
        "2025-03-04 10:00:00",
        "2025-03-04T23:30:00-05:00",  # the outlet's calendar day, not UTC's
        "Tue, 04 Mar 2025 10:00:00 GMT",
        "Tue, 4 Mar 2025 10:00:00 +0100",
        "March 4, 2025",
        "Mar 4, 2025",
        "4 March 2025",
        "2025/03/04",
        "20250304",
        "2025-03-04 10:00:00 UTC",
        "Mar. 4, 2025",
        1741082400,
        1741082400.5,
        "1741082400",
        1741082400000,  # milliseconds
        datetime(2025, 3, 4, 10, 0),
        MARCH_4,
    ],
)
def test_recognised_dates(value: object) -> None:
    assert parse_date(value) == MARCH_4


def test_month_and_year_means_the_first_of_the_month() -> None:
    assert parse_date("March 2025") == date(2025, 3, 1)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "garbage",
        "2025-13-45",
        "yesterday",
        "3 days ago",
        "March 4",  # no year: dateparser would invent the current one
        True,
        1e300,
        float("nan"),
        ["2025-03-04"],
        "x" * 500,
    ],
)
def test_unrecognised_values_give_none(value: object) -> None:
    assert parse_date(value) is None
