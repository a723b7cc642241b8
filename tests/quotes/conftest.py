"""A pipeline with the actors, quotes and claims components, loaded once per session."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import flashpoint.claims
import flashpoint.quotes
from flashpoint.nlp import load_model

COMPONENTS = ("flashpoint_quotes", "flashpoint_claims")


def build() -> Language:
    """Base model, actors components when that stage is installed, then ours."""
    nlp = load_model()
    try:
        from flashpoint.actors import add_actor_components
    except ImportError:
        pass
    else:
        add_actor_components(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    assert flashpoint.quotes and flashpoint.claims  # registered factories
    return build()


@pytest.fixture(scope="session")
def parse(nlp: Language):  # type: ignore[no-untyped-def]
    """``parse(text, published)`` -> processed Doc."""

    def run(text: str, published: date | None = date(2025, 3, 10)) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)

    return run
