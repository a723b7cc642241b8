"""Shared fixtures of the geo tests: one pipeline per session (base model, actors, event
coder, geo component) and a helper that codes and locates one text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.geo.evaluate import geo_pipeline


@pytest.fixture(scope="session")
def geo_nlp() -> Language:
    """The pipeline ``flashpoint eval geo`` uses (built once per process)."""
    return geo_pipeline()


@pytest.fixture(scope="session")
def parse_geo(geo_nlp: Language) -> Callable[[str], Doc]:
    """``parse_geo(text)`` -> the processed Doc (published 2025-03-10)."""

    def run(text: str) -> Doc:
        doc = geo_nlp.make_doc(text)
        doc._.published = date(2025, 3, 10)
        return geo_nlp(doc)

    return run
