"""The one adapter to the actors stage: a speaker or source span becomes an Actor.

Quotes and claims find their speaker spans themselves; when the ``flashpoint_actors``
component ran (``doc._.actors``), the actor mention at the span's head fills country,
sector, name and kb_id (a pronoun or surname mention carries its antecedent's identity).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

#: Actor fields (DESIGN.md), in column order.
ACTOR_FIELDS = ("text", "country", "sector", "name", "kb_id", "char_start", "char_end")
_IDENTITY = ("country", "sector", "name", "kb_id")


def _get(mention: Any, key: str) -> Any:
    """A field of a mention, whether the actors stage gives dicts or objects."""
    if isinstance(mention, dict):
        return mention.get(key)
    return getattr(mention, key, None)


def _mentions(doc: Doc) -> list[Any]:
    if not Doc.has_extension("actors"):
        return []
    return list(doc._.actors or [])


def _best_mention(mentions: list[Any], span: Span) -> Any | None:
    """The mention covering the span's syntactic head, else the first one inside the span."""
    head = span.root
    inside = [
        m
        for m in mentions
        if span.start_char <= _get(m, "char_start") and _get(m, "char_end") <= span.end_char
    ]
    for m in mentions:
        if _get(m, "char_start") <= head.idx < _get(m, "char_end"):
            return m
    return inside[0] if inside else None


def link_actor(doc: Doc, span: Span | None) -> dict[str, Any]:
    """The Actor for a span (empty dict for no span); identity from the actors stage."""
    if span is None:
        return {}
    actor: dict[str, Any] = {
        "text": span.text,
        "char_start": span.start_char,
        "char_end": span.end_char,
    }
    mention = _best_mention(_mentions(doc), span)
    if mention is not None:
        actor.update({key: _get(mention, key) for key in _IDENTITY})
    return actor


def actor_columns(prefix: str, doc: Doc, span: Span | None) -> dict[str, Any]:
    """The Actor flattened into ``{prefix}_text``, ``{prefix}_country``, … columns."""
    actor = link_actor(doc, span)
    return {f"{prefix}_{key}": actor.get(key) for key in ACTOR_FIELDS}
