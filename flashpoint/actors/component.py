"""``flashpoint_actors``: resolve every actor mention of a parsed doc (after ``ner``).

Results go to ``doc._.actors`` (a list of :class:`~flashpoint.actors.records.Actor`, in
text order); ``actor_records(doc)`` gives them as plain dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

import flashpoint.nlp.model  # noqa: F401  (registers Doc._.published)
from flashpoint.actors.loader import load_knowledge_base
from flashpoint.actors.matchers import actor_matchers
from flashpoint.actors.resolve import Resolver


@Language.factory(
    "flashpoint_actors",
    default_config={"extra_files": []},
    requires=["doc.ents", "token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.actors"],
)
def make_actor_resolver(nlp: Language, name: str, extra_files: Sequence[str]) -> ActorResolver:
    """spaCy factory: ``nlp.add_pipe("flashpoint_actors")`` (after ``ner``)."""
    return ActorResolver(nlp, name, extra_files)


class ActorResolver:
    """Matchers and the knowledge base are built once, here; each call only looks up."""

    def __init__(self, nlp: Language, name: str, extra_files: Sequence[str] = ()) -> None:
        self.name = name
        kb = load_knowledge_base(tuple(extra_files))
        self.resolver = Resolver(kb, actor_matchers(nlp, kb))

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = self.resolver(doc, _day(doc._.published))
        return doc


def _day(published: object) -> date | None:
    """The article date as a ``date`` (callers may set a datetime or an ISO string)."""
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str) and published:
        return date.fromisoformat(published[:10])
    return None
