"""The one adapter between role spans and actors.

With the actors stage in the pipeline (``doc._.actors``), a role's noun phrase becomes the
actor mentions inside it, already resolved to country, sector and name (pronouns and
surnames carry their antecedent's identity). Without it, named entities stand in, with no
country. Everything else in the coder works on parse tokens only.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from flashpoint.coding.records import Actor

#: Entity labels that can stand for an actor when no actors stage ran.
FALLBACK_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})
_CORE_RIGHT = frozenset({"compound", "flat", "nummod", "appos"})


def noun_phrase(token: Token) -> Span:
    """The core noun phrase of a role head: its left modifiers up to the head and any
    compound or apposition after it, but not its relative clauses or coordinated nouns."""
    doc = token.doc
    start = min(
        (t.i for t in token.lefts if t.dep_ not in ("cc", "conj", "punct")), default=token.i
    )
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in _CORE_RIGHT:
            end = child.right_edge.i + 1
    return doc[start:end]


#: Dependents that start a clause of their own: a role phrase stops before them
#: ("some of the soldiers [taking part in drills near Ukraine]").
_CLAUSAL = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "appos", "punct", "parataxis"}
)


def role_span(token: Token) -> Span:
    """The role head's phrase with its prepositional modifiers ("officials in Moscow",
    "the border with Ukraine") but without clauses or coordinated phrases."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in _CLAUSAL:
            break
        end = max(end, role_span(child).end)
    return token.doc[token.left_edge.i : end]


def _get(mention: Any, key: str) -> Any:
    """A field of a mention, whether the actors stage gives objects, dicts or spans."""
    if isinstance(mention, dict):
        return mention.get(key)
    if isinstance(mention, Span) and key in ("char_start", "char_end"):
        return mention.start_char if key == "char_start" else mention.end_char
    if isinstance(mention, Span) and key == "text":
        return mention.text
    if isinstance(mention, Span):
        return getattr(mention._, key, None) if mention.has_extension(key) else None
    return getattr(mention, key, None)


def _mentions(doc: Doc) -> list[Any] | None:
    """The actors stage's mentions, or None when it did not run."""
    if not Doc.has_extension("actors") or doc._.actors is None:
        return None
    return list(doc._.actors)


def _as_actor(mention: Any) -> Actor:
    return Actor(
        text=_get(mention, "text"),
        char_start=_get(mention, "char_start"),
        char_end=_get(mention, "char_end"),
        country=_get(mention, "country"),
        sector=_get(mention, "sector"),
        name=_get(mention, "name"),
        kb_id=_get(mention, "kb_id"),
    )


def _inside(mentions: list[Any], start: int, end: int) -> list[Any]:
    """Mentions within [start, end) (else those overlapping it), without mentions nested
    in a longer one of the same country: "Indian and Pakistani troops" keeps its nested
    "Pakistani troops", "Russian Foreign Minister Lavrov" drops a nested "Russian"."""
    hits = [
        m for m in mentions if start <= _get(m, "char_start") and _get(m, "char_end") <= end
    ] or [m for m in mentions if _get(m, "char_start") < end and _get(m, "char_end") > start]
    return [m for m in hits if not any(_nested(m, o) for o in hits if o is not m)]


def _nested(inner: Any, outer: Any) -> bool:
    span_in = (_get(inner, "char_start"), _get(inner, "char_end"))
    span_out = (_get(outer, "char_start"), _get(outer, "char_end"))
    return (
        span_out[0] <= span_in[0]
        and span_in[1] <= span_out[1]
        and span_in != span_out
        and _get(inner, "country") in (None, _get(outer, "country"))
    )


def _coordinated(doc: Doc, mention: Any) -> bool:
    """Does the mention hold one of several coordinated names ("Hungarian and Romanian")?"""
    span = doc.char_span(
        _get(mention, "char_start"), _get(mention, "char_end"), alignment_mode="expand"
    )
    return span is not None and any(
        t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) for t in span
    )


def _select(doc: Doc, mentions: list[Any], head: Token) -> list[Any]:
    """The mention at the phrase's head wins ("Russian Foreign Minister Sergei Lavrov" is
    Lavrov, not Russia), unless the phrase coordinates several actors."""
    at_head = [m for m in mentions if _get(m, "char_start") <= head.idx < _get(m, "char_end")]
    if not at_head:
        return mentions
    return at_head + [m for m in mentions if m not in at_head and _coordinated(doc, m)]


def _entities(doc: Doc) -> list[Span]:
    return [ent for ent in doc.ents if ent.label_ in FALLBACK_LABELS]


def span_actors(doc: Doc, span: Span) -> list[Actor]:
    """THE adapter: the actors a role span refers to. Looks in the core phrase, then in
    the whole span (actors named inside a prepositional phrase: "the border with
    Ukraine"); named entities with no country stand in where the actors stage found none
    (or did not run)."""
    mentions = _mentions(doc)
    if mentions is not None:
        found = _in_phrase(doc, mentions, span)
        if found:
            return [_as_actor(m) for m in found]
    # Read doc.ents only when needed: it builds a Span per entity on every access.
    return [_as_actor(m) for m in _in_phrase(doc, _entities(doc), span)]


def _in_phrase(doc: Doc, pool: list[Any], span: Span) -> list[Any]:
    """Mentions in the core phrase; when none there has a country, add those with one
    from the rest of the span ("facilities in central Iran")."""
    head = span.root
    core = noun_phrase(head)
    found = _select(doc, _inside(pool, core.start_char, core.end_char), head)
    if not any(_get(m, "country") for m in found):
        wider = _inside(pool, span.start_char, span.end_char)
        found += [m for m in wider if m not in found and (_get(m, "country") or not found)]
    return sorted(found, key=lambda m: _get(m, "char_start"))
