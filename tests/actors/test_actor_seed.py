"""The seed article (read from ../shared at run time; skipped in a clone without it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


@pytest.fixture(scope="module")
def seed(nlp) -> Doc:
    paths = sorted(SEED_DIR.glob("*.txt"))
    if not paths:
        pytest.skip(f"{SEED_DIR} is absent (the seed article lives outside the project repo)")
    _, day, text = paths[0].read_text(encoding="utf-8").strip().split(" ", 2)
    doc = nlp.make_doc(text)
    doc._.published = date.fromisoformat(day)
    return nlp(doc)


@pytest.mark.parametrize("name", ["Duma", "Kiev", "Donbass"])
def test_known_places_and_bodies_are_not_people(seed: Doc, name: str) -> None:
    labels = {e.label_ for e in seed.ents if name in e.text}
    assert labels and "PERSON" not in labels


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("Dmitry Peskov", "RUS", "GOV"),
        ("Igor Konashenkov", "RUS", "MIL"),
        ("State Duma", "RUS", "LEG"),
        ("Vladimir Putin", "RUS", "GOV"),
        ("Sergei Lavrov", "RUS", "GOV"),
        ("Dmytro Kuleba", "UKR", "GOV"),
        ("Liz Truss", "GBR", "GOV"),
        ("Emmanuel Macron", "FRA", "GOV"),
        ("Volodymyr Zelensky", "UKR", "GOV"),
        ("North Atlantic Treaty Organization", "NATO", None),
        ("Kremlin", "RUS", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Kyiv", "UKR", "GOV"),
    ],
)
def test_named_actors(seed: Doc, name: str, country: str, sector: str | None) -> None:
    found = [a for a in seed._.actors if a.name == name and a.mention_kind != "pronoun"]
    assert found, name
    assert {(a.country, a.sector) for a in found} == {(country, sector)}


def test_kremlin_spokesman(seed: Doc) -> None:
    actor = next(a for a in seed._.actors if a.text == "Kremlin spokesman Dmitry Peskov")
    assert (actor.country, actor.sector, actor.name) == ("RUS", "GOV", "Dmitry Peskov")


def test_the_defence_ministry_is_russian(seed: Doc) -> None:
    ministries = [a for a in seed._.actors if a.text.endswith(("Ministry of Defense", "Ministry"))]
    assert ministries and all(a.country == "RUS" and a.sector == "GOV" for a in ministries)


def test_separatists_are_ukrainian_rebels(seed: Doc) -> None:
    rebels = [a for a in seed._.actors if "separatist" in a.text]
    assert len(rebels) >= 3
    assert {(a.country, a.sector) for a in rebels} == {("UKR", "REB")}
