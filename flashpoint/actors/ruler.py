"""``flashpoint_actor_ruler``: label known actors before the statistical NER sees them.

Placed before ``ner``, it presets the entities of every name in the knowledge base, so the
model can no longer mis-type them (the small English model tags "Duma", "Kiev" and
"Donbass" as PERSON). The NER still labels everything else around them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from flashpoint.actors.loader import load_knowledge_base
from flashpoint.actors.matchers import actor_matchers

#: ``doc.spans`` key holding the ruler's matches, with their ``kb_id``, for later components.
SPANS_KEY = "flashpoint_actors"


@Language.factory(
    "flashpoint_actor_ruler",
    default_config={"extra_files": []},
    assigns=["doc.ents", "doc.spans"],
)
def make_actor_ruler(nlp: Language, name: str, extra_files: Sequence[str]) -> ActorRuler:
    """spaCy factory: ``nlp.add_pipe("flashpoint_actor_ruler", before="ner")``."""
    return ActorRuler(nlp, name, extra_files)


class ActorRuler:
    """Preset entities for known actors; matchers are compiled once, here."""

    def __init__(self, nlp: Language, name: str, extra_files: Sequence[str] = ()) -> None:
        self.name = name
        self.matchers = actor_matchers(nlp, load_knowledge_base(tuple(extra_files)))

    def __call__(self, doc: Doc) -> Doc:
        spans = self.matchers.alias_spans(doc)
        taken = {i for span in spans for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.set_ents(filter_spans(kept + spans), default="unmodified")
        doc.spans[SPANS_KEY] = spans
        return doc
