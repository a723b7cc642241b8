"""The geo stage's linguistic data (data/lexicon.yaml), read once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from flashpoint.errors import Errors, FlashpointError

RULES = ("attachment", "clause", "sentence", "dateline", "actor")


@dataclass(frozen=True)
class GeoLexicon:
    """Words and patterns that tie a place to an event (see lexicon.yaml for each one)."""

    locative_prepositions: frozenset[str]
    object_place_types: frozenset[str]
    region_nouns: frozenset[str]
    place_nouns: frozenset[str]
    fallback_roles: dict[int, tuple[str, ...]]
    dateline: re.Pattern[str]
    rule_confidence: dict[str, float]
    place_labels: frozenset[str]
    locative_only_labels: frozenset[str]


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in raw.get(key) or ())


def parse_lexicon(raw: dict[str, Any], origin: str) -> GeoLexicon:
    """Validate and compile the YAML mapping (E060 names the file and what is wrong)."""
    try:
        confidence = {rule: float(raw["rule_confidence"][rule]) for rule in RULES}
        roles = {
            int(quad): tuple(str(role) for role in order)
            for quad, order in raw["fallback_roles"].items()
        }
        dateline = re.compile(str(raw["dateline"]))
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise FlashpointError(Errors.E060.format(path=origin, reason=repr(exc))) from exc
    if any(role not in ("source", "target") for order in roles.values() for role in order):
        raise FlashpointError(
            Errors.E060.format(path=origin, reason="fallback_roles may name source and target")
        )
    return GeoLexicon(
        locative_prepositions=_words(raw, "locative_prepositions"),
        object_place_types=frozenset(str(t).upper() for t in raw.get("object_place_types") or ()),
        region_nouns=_words(raw, "region_nouns"),
        place_nouns=_words(raw, "place_nouns"),
        fallback_roles=roles,
        dateline=dateline,
        rule_confidence=confidence,
        place_labels=frozenset(str(label) for label in raw.get("place_labels") or ()),
        locative_only_labels=frozenset(
            str(label) for label in raw.get("locative_only_labels") or ()
        ),
    )


@lru_cache(maxsize=1)
def geo_lexicon() -> GeoLexicon:
    """The packaged lexicon."""
    path = resources.files("flashpoint.geo") / "data" / "lexicon.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise FlashpointError(Errors.E060.format(path=str(path), reason=str(exc))) from exc
    return parse_lexicon(raw or {}, str(path))
