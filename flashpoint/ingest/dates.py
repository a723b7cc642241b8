"""Publication dates from whatever a source writes: ISO, RFC 822, epoch seconds, "March 4, 2025".

The calendar date is kept as written, without converting to UTC: "2025-03-04T23:30-05:00" is
the 4th, the day the outlet dated the story. Fast standard-library parsers run first;
dateparser is the slow fallback, restricted to absolute dates so "yesterday" never becomes
the day the corpus happened to be read.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

_FORMATS = (
    "%B %d, %Y",  # March 4, 2025
    "%b %d, %Y",  # Mar 4, 2025
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",  # 4 March 2025
    "%d %b %Y",
    "%d %B, %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
)
_MAX_LENGTH = 80  # longer strings are text, not dates; keeps dateparser off junk
_EPOCH_RANGE = (date(1900, 1, 1), date(2200, 1, 1))
_DIGITS = re.compile(r"-?\d+(\.\d+)?")


def parse_date(value: object) -> date | None:
    """The calendar date in `value`, or None when it holds no recognisable date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if isinstance(value, str):
        return _from_string(value.strip())
    return None


def _from_string(text: str) -> date | None:
    """Try the cheap parsers in turn, dateparser last."""
    if not text or len(text) > _MAX_LENGTH:
        return None
    if _DIGITS.fullmatch(text):
        return _from_digits(text)
    for parse in (_iso, _rfc822, _strptime):
        found = parse(text)
        if found is not None:
            return found
    return _dateparser(text)


def _from_digits(text: str) -> date | None:
    """A compact date like 20250304, or else epoch seconds (or milliseconds)."""
    if len(text) == 8:
        return _strptime(text)
    return _from_epoch(float(text))


def _from_epoch(seconds: float) -> date | None:
    """Epoch seconds, or milliseconds when the number is too large to be seconds."""
    if abs(seconds) > 1e11:
        seconds /= 1000
    try:
        found = datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return found if _EPOCH_RANGE[0] <= found < _EPOCH_RANGE[1] else None


def _iso(text: str) -> date | None:
    """ISO 8601 dates and datetimes, including a trailing "Z"."""
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc822(text: str) -> date | None:
    """RFC 822 / 2822 dates as used by RSS ("Tue, 04 Mar 2025 10:00:00 GMT")."""
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _strptime(text: str) -> date | None:
    """A handful of common unambiguous English formats."""
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _dateparser(text: str) -> date | None:
    """dateparser for the rest; only absolute dates with at least a month and a year."""
    try:
        found = _dateparser_parse()(
            text,
            languages=["en"],
            settings={
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["month", "year"],
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input; no date is the answer
        return None
    return found.date() if isinstance(found, datetime) else None


@lru_cache(maxsize=1)
def _dateparser_parse() -> Any:
    """dateparser.parse, imported on first use: importing it takes most of a second."""
    import dateparser

    return dateparser.parse
