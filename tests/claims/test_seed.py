"""The seed article's troop estimates: two sources, two numbers, one subject."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

SEED = "seed/000_08b5765790eadd7a.txt"


def read_seed(shared: Path) -> tuple[str, date]:
    """The article text and its date from the ` date YYYY-MM-DD <text>` header."""
    path = shared / SEED
    if not path.exists():
        pytest.skip(f"{path} is absent")
    raw = path.read_text(encoding="utf-8").lstrip()
    _, day, text = raw.split(maxsplit=2)
    return text, date.fromisoformat(day)


def test_seed_troop_estimates_have_their_sources(shared_dir: Path, parse) -> None:  # type: ignore[no-untyped-def]
    from flashpoint.claims import claim_rows

    text, published = read_seed(shared_dir)
    rows = [r for r in claim_rows(parse(text, published)) if r["subject"] == "troops"]
    kiev = [r for r in rows if r["value_low"] == 100_000 and r["value_high"] is None]
    western = [r for r in rows if r["value_low"] == r["value_high"] == 130_000]
    assert len(kiev) == 1 and len(western) == 1, rows
    assert kiev[0]["qualifier"] == "more than"
    assert "Kiev" in kiev[0]["attributed_to_text"]
    assert kiev[0]["attributed_to_country"] in {None, "UKR"}
    assert western[0]["attributed_to_text"] == "US and UK officials"
    assert western[0]["attributed_to_country"] in {None, "USA", "GBR"}
    assert kiev[0]["as_of"] == western[0]["as_of"] == published
    assert kiev[0]["sentence_index"] == western[0]["sentence_index"]
    span = text[kiev[0]["char_start"] : kiev[0]["char_end"]]
    assert span == "more than 100,000 troops"


def test_seed_sources_resolve_to_countries_with_the_actors_stage(shared_dir: Path, parse) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("flashpoint.actors")
    from flashpoint.claims import claim_rows

    text, published = read_seed(shared_dir)
    countries = {
        r["value_low"]: r["attributed_to_country"]
        for r in claim_rows(parse(text, published))
        if r["subject"] == "troops"
    }
    assert countries[100_000] == "UKR"
    assert countries[130_000] in {"USA", "GBR"}
