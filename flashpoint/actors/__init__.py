"""Actors: who is acting, resolved to country, sector and name.

Two spaCy components (registered on import):

- ``flashpoint_actor_ruler`` (before ``ner``) presets the entities of known actors;
- ``flashpoint_actors`` (after ``ner``) resolves every actor mention to an
  :class:`Actor` in ``doc._.actors``, with in-document coreference.

>>> from flashpoint.actors import resolve
>>> [(a["text"], a["country"], a["sector"]) for a in resolve("Russian troops fired.")]
[('Russian troops', 'RUS', 'MIL')]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

import flashpoint.nlp.model as model  # a module, not its names: model.py may import us
from flashpoint.actors.component import ActorResolver
from flashpoint.actors.kb import KnowledgeBase
from flashpoint.actors.loader import load_knowledge_base
from flashpoint.actors.records import Actor, Antecedent, actor_records
from flashpoint.actors.ruler import ActorRuler

#: The components, in pipeline order, and where each goes.
RULER = "flashpoint_actor_ruler"
RESOLVER = "flashpoint_actors"


def add_actor_components(nlp: Language, extra_files: Sequence[str | Path] = ()) -> Language:
    """Add both components to ``nlp`` in their places: the ruler before ``ner``, the
    resolver at the end. ``extra_files`` extend or override the knowledge base."""
    config = {"extra_files": [str(p) for p in extra_files]}
    if RULER not in nlp.pipe_names:
        nlp.add_pipe(RULER, before="ner" if "ner" in nlp.pipe_names else None, config=config)
    if RESOLVER not in nlp.pipe_names:
        nlp.add_pipe(RESOLVER, config=config)
    return nlp


@lru_cache(maxsize=4)
def actor_pipeline(extra_files: tuple[str, ...] = ()) -> Language:
    """The base model with the actor components, loaded once per process."""
    return add_actor_components(model.load_model(), extra_files)


def resolve(
    text: str, published: date | None = None, extra_files: Sequence[str | Path] = ()
) -> list[dict[str, Any]]:
    """Actor records of ``text`` (see :func:`actor_records`), for quick use."""
    nlp = actor_pipeline(tuple(str(p) for p in extra_files))
    doc = nlp.make_doc(text)
    doc._.published = published
    return actor_records(nlp(doc))


__all__ = [
    "RESOLVER",
    "RULER",
    "Actor",
    "ActorResolver",
    "ActorRuler",
    "Antecedent",
    "KnowledgeBase",
    "actor_pipeline",
    "actor_records",
    "add_actor_components",
    "load_knowledge_base",
    "resolve",
]
