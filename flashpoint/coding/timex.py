"""When did it happen? Time expressions in the sentence, resolved against the article date.

"on Monday, February 14" -> that day; "yesterday" -> the day before publication; "last
week" -> a week earlier (week precision); "in December" -> the most recent December
(month precision); "on Tuesday" -> the most recent Tuesday on or before the article date,
or the next one when the event lies in the future. The sentence's DATE entities are the
candidates; relative words come from data/time.yaml, names from the calendar module.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from flashpoint.coding.grammar import grammar

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
_WORD = re.compile(r"[a-z]+|\d+")
_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_DECADE = re.compile(r"\d0'?s\b")


@dataclass(frozen=True, slots=True)
class TimePoint:
    """A resolved time expression."""

    value: date
    precision: str


@dataclass(frozen=True, slots=True)
class _Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: int = 0  # -1 "last Monday", +1 "next Monday"


@cache
def _names() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names (full and abbreviated) to numbers."""
    months = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    months |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    months |= {k: int(v) for k, v in grammar().time["month_aliases"].items()}
    weekdays = {name.lower(): i for i, name in enumerate(calendar.day_name)}
    weekdays |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}
    return months, weekdays


def _shift(published: date, unit: str, offset: int) -> TimePoint:
    """Move by whole units; months and years land on their first day."""
    if unit == DAY:
        return TimePoint(published + timedelta(days=offset), DAY)
    if unit == WEEK:
        return TimePoint(published + timedelta(weeks=offset), WEEK)
    if unit == MONTH:
        months = published.year * 12 + published.month - 1 + offset
        return TimePoint(date(months // 12, months % 12 + 1, 1), MONTH)
    return TimePoint(date(published.year + offset, 1, 1), YEAR)


def _relative(words: list[str], published: date) -> TimePoint | None:
    """Phrases from time.yaml ("last week") and counts ("three days ago")."""
    table: dict[str, Any] = grammar().time
    text = " ".join(words)
    for phrase in sorted(table["relative"], key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            rule = table["relative"][phrase]
            return _shift(published, rule["unit"], rule["offset"])
    for i, word in enumerate(words[:-2]):
        count = int(word) if word.isdigit() else table["numbers"].get(word)
        unit = table["units"].get(words[i + 1])
        if count and unit and words[i + 2] in table["ago"]:
            return _shift(published, unit, -count)
    return None


def _parts(words: list[str]) -> _Parts:
    months, weekdays = _names()
    year = month = day = weekday = None
    direction = 0
    for i, word in enumerate(words):
        ordinal = _ORDINAL.match(word)
        if word in months and month is None:
            month = months[word]
        elif word in weekdays:
            weekday = weekdays[word]
            previous = words[i - 1] if i else ""
            direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(previous, 0)
        elif word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2200:
            year = int(word)
        elif ordinal and 1 <= int(ordinal.group(1)) <= 31:
            day = int(ordinal.group(1))
    return _Parts(year, month, day, weekday, direction)


def _weekday(parts: _Parts, published: date, future: bool) -> TimePoint:
    """The most recent such weekday on/before publication, the next one for the future."""
    back = (published.weekday() - parts.weekday) % 7 if parts.weekday is not None else 0
    if parts.direction > 0 or (future and parts.direction == 0):
        ahead = (parts.weekday - published.weekday()) % 7 if parts.weekday is not None else 0
        return TimePoint(published + timedelta(days=ahead or (7 if parts.direction else 0)), DAY)
    if parts.direction < 0 and back == 0:
        back = 7
    return TimePoint(published - timedelta(days=back), DAY)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(parts: _Parts, published: date, future: bool) -> TimePoint | None:
    """Calendar dates; a missing year is the one that puts the date nearest before
    publication (after it, for future events)."""
    if parts.month is None:
        if parts.weekday is not None:
            return _weekday(parts, published, future)
        return TimePoint(date(parts.year, 1, 1), YEAR) if parts.year else None
    year = parts.year or published.year
    day = parts.day or 1
    found = _safe_date(year, parts.month, day)
    if found is None:
        return None
    if parts.year is None:
        ahead = found > published if parts.day else (parts.month > published.month)
        if ahead and not future:
            found = _safe_date(year - 1, parts.month, day) or found
        elif future and not ahead and found < published and not parts.day:
            found = _safe_date(year + 1, parts.month, day) or found
    return TimePoint(found, DAY if parts.day else MONTH)


def resolve(text: str, published: date, future: bool = False) -> TimePoint | None:
    """One time expression's date, or None for durations, decades and vague phrases."""
    if _DECADE.search(text):
        return None
    words = _WORD.findall(text.lower())
    return _relative(words, published) or _absolute(_parts(words), published, future)


def _attachment(ent: Span, chain: dict[int, int]) -> int | None:
    """How many clauses above the trigger a time expression attaches (0: the trigger's
    own), or None when it belongs to another clause."""
    token = ent.root
    while True:
        if token.i in chain:
            return chain[token.i]
        if token != ent.root and token.pos_ in ("VERB", "AUX"):
            return None
        if token.head == token:
            return None
        token = token.head


def event_date(
    trigger: Token, sentence: Span, published: date | None, own_only: bool, future: bool
) -> TimePoint | None:
    """The date of the time expression attached nearest the trigger on its path to the
    root (its own clause first, then the clauses governing it); the publication date when
    the sentence dates nothing. Hypothetical and future events take only their own."""
    if published is None:
        return None
    chain = {t.i: hops for hops, t in enumerate([trigger, *trigger.ancestors])}
    own = 1 if trigger.pos_ in ("NOUN", "PROPN") else 0
    best: tuple[int, TimePoint] | None = None
    for ent in sentence.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        hops = _attachment(ent, chain)
        if hops is None or (own_only and hops > own):
            continue
        point = resolve(ent.text, published, future)
        if point is not None and (best is None or hops < best[0]):
            best = (hops, point)
    return best[1] if best else TimePoint(published, DAY)
