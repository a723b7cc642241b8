"""Shared fixtures of the event-coder tests: one pipeline per session (base model, the
actor components, the event coder) and a helper that codes one text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

import flashpoint.coding
from flashpoint.actors import add_actor_components
from flashpoint.coding.records import Event
from flashpoint.nlp.model import load_model

Code = Callable[..., list[Event]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    pipeline = add_actor_components(load_model())
    pipeline.add_pipe("flashpoint_events")
    return pipeline


@pytest.fixture(scope="session")
def bare_nlp() -> Language:
    """The event coder without the actors stage: roles fall back to named entities."""
    pipeline = load_model()
    pipeline.add_pipe("flashpoint_events")
    return pipeline


def run(nlp: Language, text: str, published: date | str | None = "2024-05-15") -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.published = date.fromisoformat(published) if isinstance(published, str) else published
    return list(nlp(doc)._.events)


@pytest.fixture(scope="session")
def code(nlp: Language) -> Code:
    """``code(text, published="2024-05-15")`` -> the text's events."""
    return lambda text, published="2024-05-15": run(nlp, text, published)


@pytest.fixture(scope="session")
def bare_code(bare_nlp: Language) -> Code:
    return lambda text, published="2024-05-15": run(bare_nlp, text, published)


def countries(actors: list[flashpoint.coding.Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


@pytest.fixture(scope="session")
def find() -> Callable[..., list[Event]]:
    return find_events


def find_events(events: list[Event], **want: object) -> list[Event]:
    """Events whose fields equal ``want`` (``source``/``target``: country sets that must be
    included in the event's actors)."""
    out = []
    for event in events:
        fields_ok = all(
            getattr(event, key) == value
            for key, value in want.items()
            if key not in ("source", "target")
        )
        roles_ok = all(
            set(want[role]) <= countries(getattr(event, role))  # type: ignore[call-overload]
            for role in ("source", "target")
            if role in want
        )
        if fields_ok and roles_ok:
            out.append(event)
    return out
