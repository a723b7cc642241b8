"""Events inside events: refine an outer event by the one in its complement, and turn a
future act announced by its own actor into PLOVER's statement of intent (frames.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from flashpoint.coding.grammar import FrameRule, Grammar
from flashpoint.coding.lexicon import Trigger
from flashpoint.coding.modality import Reading
from flashpoint.coding.ontology import default_cameo
from flashpoint.coding.records import ASSERTED, FUTURE, NEGATED, REPORTED, Actor

#: Links through which an outer trigger governs an inner one.
_GOVERNING_LINKS = frozenset({"prep", "agent"})
_MAX_HOPS = 5


@dataclass(slots=True)
class Draft:
    """An event being built: what matched, who took part, and how it is coded so far."""

    trigger: Trigger
    anchor: Token
    span: tuple[int, int]
    source: list[Actor]
    target: list[Actor]
    reading: Reading
    event_type: str
    cameo: str
    mode: str | None
    context: str | None
    pattern: str
    emit: bool
    derived: bool = False
    inner: list[Draft] = field(default_factory=list)


def _identity(actors: list[Actor]) -> set[str]:
    return {(a.country or a.text).lower() for a in actors}


def other_actor(outer: Draft, inner: Draft) -> bool:
    """The inner event is done by someone other than the outer event's source."""
    return bool(inner.source) and not (_identity(inner.source) & _identity(outer.source))


def _matches(rule: FrameRule, outer_type: str, outer_cameo: str, inner: Draft, other: bool) -> bool:
    return (
        rule.outer == outer_type
        and (not rule.inner or inner.event_type in rule.inner)
        and (rule.outer_root is None or outer_cameo.startswith(rule.outer_root))
        and (rule.inner_mode is None or inner.mode == rule.inner_mode)
        and (rule.inner_cameo is None or inner.cameo.startswith(rule.inner_cameo))
        and (rule.other_actor is None or rule.other_actor == other)
    )


def find_rule(
    grammar: Grammar, outer_type: str, outer_cameo: str, inner: Draft, other: bool
) -> FrameRule | None:
    return next(
        (r for r in grammar.rules if _matches(r, outer_type, outer_cameo, inner, other)), None
    )


def _link(token: Token, links: frozenset[str]) -> bool:
    """Does ``token`` hang from its head as a complement? Adverbial clauses count when
    they have no conjunction ("blocked roads demanding reforms", "to demand reforms"),
    not when they set a condition or a time ("if it is attacked", "after talks failed")."""
    if token.dep_ == "advcl":
        return not any(child.dep_ == "mark" for child in token.children)
    return token.dep_ in links


def governing(draft: Draft, by_anchor: dict[int, Draft], grammar: Grammar) -> Draft | None:
    """The nearest event whose trigger governs this one through complements
    ("agreed to [begin] talks", "urged X to withdraw", "accused X of shelling")."""
    links = grammar.complement_deps | _GOVERNING_LINKS
    token = draft.anchor
    for _ in range(_MAX_HOPS):
        if token.head == token or not _link(token, links):
            return None
        token = token.head
        outer = by_anchor.get(token.i)
        if outer is not None and outer is not draft:
            return outer
    return None


def refine(outer: Draft, inner: Draft, grammar: Grammar) -> None:
    """Make the outer event as specific as its complement allows; give it the inner
    event's participant as target when it names none ("warned that Moscow could attack")."""
    other = other_actor(outer, inner)
    rule = find_rule(grammar, outer.event_type, outer.cameo, inner, other)
    if rule is not None:
        outer.event_type = rule.event_type or outer.event_type
        outer.mode = rule.mode
        outer.cameo = rule.cameo
        outer.pattern = f"{outer.trigger.id}<{inner.trigger.id}"
    if not outer.target:
        outer.target = list(inner.source if other else inner.target)


def _statement(draft: Draft, grammar: Grammar, statement: str, name: str) -> Draft:
    """The statement event around ``draft``, coded by the frame rules for that pair (the
    statement type's default code when no rule is more specific)."""
    rule = find_rule(grammar, statement, "", draft, other=False)
    modality = REPORTED if draft.reading.reported else ASSERTED
    return replace(
        draft,
        event_type=rule.event_type or statement if rule else statement,
        mode=rule.mode if rule else None,
        cameo=rule.cameo if rule else default_cameo(statement),
        reading=Reading(modality, draft.reading.reported),
        pattern=f"{draft.trigger.id}>{name}",
        derived=True,
        inner=[],
    )


def statement_of(draft: Draft, grammar: Grammar) -> Draft | None:
    """What an actor's own future or refused act says, as PLOVER codes it: "Greece will
    reopen the border" is also AGREE, "the unions said they would block the ports" THREATEN,
    "Turkey will not lift its sanctions" REJECT (1244)."""
    if draft.reading.modality == FUTURE and draft.event_type in grammar.intent:
        return _statement(draft, grammar, grammar.intent[draft.event_type], "intent")
    if draft.reading.modality == NEGATED and draft.event_type in grammar.refusal:
        return _statement(draft, grammar, "REJECT", "refusal")
    return None
