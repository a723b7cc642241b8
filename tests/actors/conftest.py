"""Shared fixtures: one actor pipeline per test session (loading costs ~1 s)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from flashpoint.actors import Actor, actor_pipeline

Resolve = Callable[..., list[Actor]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return actor_pipeline()


@pytest.fixture(scope="session")
def actors(nlp: Language) -> Resolve:
    """``actors(text, day)`` -> the Actor objects of ``text`` published on ``day``."""

    def run(text: str, day: date | None = None) -> list[Actor]:
        doc = nlp.make_doc(text)
        doc._.published = day
        return list(nlp(doc)._.actors)

    return run


@pytest.fixture(scope="session")
def find() -> Callable[[list[Actor], str], Actor]:
    """``find(actors, text)`` -> the actor whose surface text is, or contains, ``text``."""

    def pick(found: list[Actor], text: str) -> Actor:
        exact = [a for a in found if a.text == text]
        containing = [a for a in found if text in a.text]
        assert exact or containing, f"no actor {text!r} in {[a.text for a in found]}"
        return (exact or containing)[0]

    return pick
