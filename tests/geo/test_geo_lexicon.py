"""The packaged lexicon loads; a broken one is refused with E060."""

from __future__ import annotations

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.geo.lexicon import RULES, geo_lexicon, parse_lexicon


def test_packaged_lexicon_has_every_rule_and_a_dateline() -> None:
    lexicon = geo_lexicon()
    assert set(lexicon.rule_confidence) == set(RULES)
    assert lexicon.dateline.match("KYIV, Feb 15 (Wire) - Text")["place"] == "KYIV"  # type: ignore[index]
    assert lexicon.dateline.match("Russia attacked Ukraine, officials said - again") is None
    assert lexicon.fallback_roles[4][0] == "target" and lexicon.fallback_roles[3][0] == "source"


@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"rule_confidence": {}, "fallback_roles": {}, "dateline": "x"},
        {
            "rule_confidence": dict.fromkeys(RULES, 0.5),
            "fallback_roles": {1: ["speaker"]},
            "dateline": "x",
        },
        {"rule_confidence": dict.fromkeys(RULES, 0.5), "fallback_roles": {}, "dateline": "("},
    ],
)
def test_a_broken_lexicon_is_refused_by_name(raw: dict) -> None:
    with pytest.raises(FlashpointError, match=r"\[E060\] Bad geo data file my.yaml"):
        parse_lexicon(raw, "my.yaml")
