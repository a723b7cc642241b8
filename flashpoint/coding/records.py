"""The Event and Actor records (field names exactly as in DESIGN.md) and the event id."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

#: Bumped whenever the lexicon or the rules change what a text codes to.
CODER_VERSION = "flashpoint-events 0.2.0"

ASSERTED, NEGATED, FUTURE, HYPOTHETICAL, REPORTED = (
    "asserted",
    "negated",
    "future",
    "hypothetical",
    "reported",
)
MODALITIES = (ASSERTED, NEGATED, FUTURE, HYPOTHETICAL, REPORTED)


@dataclass(slots=True)
class Actor:
    """Who took part: the mention's span plus what the actors stage resolved it to."""

    text: str
    char_start: int
    char_end: int
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    kb_id: str | None = None


@dataclass(slots=True)
class Location:
    """Where an event happened (filled by the geo stage): a gazetteer place, how precise it is
    (point | admin1 | country) and how sure the rule that chose it is."""

    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "point"
    confidence: float = 0.0


@dataclass(slots=True)
class Event:
    """One coded event. ``pattern`` names the lexicon entry (and any frame rule) that
    produced it, so every record can be explained."""

    event_id: str
    sentence_index: int
    char_start: int
    char_end: int
    sentence: str
    event_type: str
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    event_date: date | None
    date_precision: str | None
    modality: str
    confidence: float
    pattern: str
    mode: str | None = None
    context: str | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    coder_version: str = CODER_VERSION
    location: Location | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (actors as dicts) for JSON exports and tests."""
        return asdict(self)


def make_event_id(
    article_key: str, char_start: int, char_end: int, event_type: str, pattern: str
) -> str:
    """Stable across runs: the article's text hash plus the trigger span and what was coded."""
    raw = f"{article_key}:{char_start}:{char_end}:{event_type}:{pattern}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]
