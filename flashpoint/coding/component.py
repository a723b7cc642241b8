"""The ``flashpoint_events`` pipeline component: match triggers, fill roles, read modality
and dates, refine nested events, and store Event records in ``doc._.events``.

Place it after ``ner`` and after ``flashpoint_actors`` when that runs: roles are mapped to
the actors stage's mentions when present, to named entities otherwise.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from flashpoint.coding.frames import Draft, governing, refine, statement_of
from flashpoint.coding.grammar import Grammar, grammar
from flashpoint.coding.lexicon import Trigger, load_lexicon
from flashpoint.coding.matching import TriggerMatcher
from flashpoint.coding.mentions import role_span, span_actors
from flashpoint.coding.modality import read_modality
from flashpoint.coding.ontology import cameo_codes
from flashpoint.coding.records import FUTURE, HYPOTHETICAL, Actor, Event, make_event_id
from flashpoint.coding.roles import RoleFinder
from flashpoint.coding.timex import event_date
from flashpoint.records import make_article_id

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_SUPPORT_LINKS = frozenset({"dobj", "nsubjpass", "attr", "pobj", "oprd"})
#: Nodes whose tokens belong to the trigger's character span.
_SPAN_NODES = ("anchor", "particle", "modifier")


def _identity(actor: Actor) -> tuple[object, ...]:
    """Two mentions of one resolved actor ("Putin ... his") count once in a role."""
    if actor.kb_id or actor.name:
        return (actor.kb_id, actor.name)
    return (actor.char_start, actor.char_end)


def _published(doc: Doc) -> date | None:
    value = doc._.published if Doc.has_extension("published") else None
    return date.fromisoformat(value) if isinstance(value, str) else value


class EventCoder:
    """Compiles the lexicon once; each call is match, then annotate."""

    def __init__(
        self,
        nlp: Language,
        name: str = "flashpoint_events",
        extra_lexicons: Sequence[str | Path] = (),
    ) -> None:
        self.name = name
        self.grammar: Grammar = grammar()
        self.triggers = load_lexicon(extra_lexicons)
        self.matcher = TriggerMatcher(
            nlp.vocab, self.triggers, self.grammar.lemma_slips, self.grammar.partitives
        )
        controllers = frozenset(
            word for t in self.triggers if t.control == "object" for word in t.words
        )
        self.roles = RoleFinder(self.grammar, controllers)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.code(doc)
        return doc

    # --- matching --------------------------------------------------------------------

    def _matches(self, doc: Doc) -> list[tuple[Trigger, dict[str, Token]]]:
        """One trigger per anchor word: the most specific (then the one with the most
        specific CAMEO code, then the earlier in the lexicon); a noun that is another
        match's object or modifier is part of that trigger, not an event of its own."""
        best: dict[int, tuple[tuple[int, int, int, int], Trigger, dict[str, Token]]] = {}
        for order, trigger, nodes in self.matcher(doc):
            rank = (trigger.specificity, len(nodes), len(trigger.cameo), -order)
            anchor = nodes["anchor"].i
            if anchor not in best or rank > best[anchor][0]:
                best[anchor] = (rank, trigger, nodes)
        consumed = {
            tok.i
            for _, _, nodes in best.values()
            for name, tok in nodes.items()
            if name != "anchor"
        }
        return [
            (trigger, nodes)
            for anchor, (_, trigger, nodes) in sorted(best.items())
            if not (anchor in consumed and trigger.anchor == "nouns")
        ]

    # --- roles -----------------------------------------------------------------------

    def _support(self, anchor: Token) -> Token | None:
        """The light verb of a nominal trigger ("held talks", "launched an attack")."""
        head = anchor.head
        if anchor.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if (
            anchor.pos_ in _NOUN_POS
            and anchor.dep_ in _SUPPORT_LINKS
            and head != anchor
            and head.pos_ == "VERB"
            and self.grammar.lemma(head) in self.grammar.support_verbs
        ):
            return head
        return None

    def _antecedent(self, pronoun: Token) -> list[Token]:
        """Without coreference from the actors stage: a pronoun refers to the subject of
        the nearest clause above its own ("the ministry said it is returning troops")."""
        token = pronoun.head
        while token.head != token:
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                subject = [t for t in self.roles.subject(token) if t.i != pronoun.i]
                if subject:
                    return subject
        return []

    def _actors(self, doc: Doc, heads: Iterable[Token], trigger: Token) -> list[Actor]:
        """Actors for role heads through the adapter; pronouns fall back to an antecedent.
        A mention containing the trigger word itself ("the Minsk Agreements") is no role."""
        found: dict[tuple[object, ...], Actor] = {}
        for head in heads:
            actors = span_actors(doc, role_span(head))
            if not actors and head.lower_ in self.grammar.pronouns:
                actors = [
                    a for t in self._antecedent(head) for a in self._actors(doc, [t], trigger)
                ]
            for actor in actors:
                if not actor.char_start <= trigger.idx < actor.char_end:
                    found.setdefault(_identity(actor), actor)
        return list(found.values())

    def _named(self, doc: Doc, head: Token, trigger: Token) -> list[Actor]:
        """A head's actors other than pronouns ("their anger at Peru" is aimed at Peru)."""
        return [a for a in self._actors(doc, [head], trigger) if not _pronoun(a, self)]

    def _role(
        self,
        doc: Doc,
        specs: Iterable[str],
        anchor: Token,
        obj: Token | None,
        support: Token | None,
    ) -> list[Actor]:
        """Actors of the first role spec that names any (of a purpose clause, only the
        first noun that names one, with its conjuncts)."""
        for spec in specs:
            heads = (
                self.roles.find(spec, anchor, obj, support)
                if spec != "support" or support is None
                else [t for head in self.roles.subject(support) for t in (head, *head.conjuncts)]
            )
            if spec == "purpose":
                first = next((h for h in heads if self._named(doc, h, anchor)), None)
                group = [] if first is None else [first, *_conjuncts_within(first)]
                actors = [a for a in self._actors(doc, group, anchor) if not _pronoun(a, self)]
            else:
                actors = self._actors(doc, heads, anchor)
            if actors:
                return actors
        return []

    def _draft(self, doc: Doc, trigger: Trigger, nodes: dict[str, Token]) -> Draft:
        anchor, obj = nodes["anchor"], nodes.get("object")
        phrase = _phrase_head(trigger, anchor)
        support = self._support(phrase)
        source = self._role(doc, _with_support(trigger.source, support), phrase, obj, support)
        if trigger.source_sector:
            source = [_with_sector(a, trigger.source_sector) for a in source]
        target = self._role(doc, trigger.target, phrase, obj, support)
        target = [a for a in target if a not in source] or (
            source if trigger.reciprocal and len(source) > 1 else []
        )
        span_tokens = [nodes[n] for n in _SPAN_NODES if n in nodes]
        start = min(t.idx for t in span_tokens)
        end = max(t.idx + len(t) for t in span_tokens)
        has_roles = trigger.anchor != "nouns" or bool(source or target)
        return Draft(
            trigger=trigger,
            anchor=anchor,
            span=(start, end),
            source=source,
            target=target,
            reading=read_modality(anchor, self.grammar),
            event_type=trigger.event_type,
            cameo=trigger.cameo,
            mode=trigger.mode,
            context=trigger.context,
            pattern=trigger.id,
            emit=has_roles and (trigger.standalone or bool(target)),
        )

    # --- frames ------------------------------------------------------------------------

    def _frames(self, drafts: list[Draft]) -> list[Draft]:
        """Refine each outer event by its nearest inner one; add intent statements for
        future acts nobody else's trigger governs."""
        by_anchor = {d.anchor.i: d for d in drafts}
        derived = []
        for draft in drafts:
            outer = governing(draft, by_anchor, self.grammar)
            if outer is not None:
                outer.inner.append(draft)
                continue
            statement = statement_of(draft, self.grammar)
            if statement is not None and draft.emit:
                derived.append(statement)
        for outer in drafts:
            if outer.inner:
                refine(
                    outer,
                    min(outer.inner, key=lambda d: abs(d.anchor.i - outer.anchor.i)),
                    self.grammar,
                )
                outer.emit = outer.emit or not outer.trigger.standalone
        return drafts + derived

    # --- records -------------------------------------------------------------------------

    def code(self, doc: Doc) -> list[Event]:
        """All events of one Doc, in text order."""
        drafts = [self._draft(doc, trigger, nodes) for trigger, nodes in self._matches(doc)]
        drafts = self._frames(drafts)
        sentences = list(doc.sents)
        starts = [s.start for s in sentences]
        key = make_article_id(doc.text)
        published = _published(doc)
        events = [self._event(d, sentences, starts, key, published) for d in drafts if d.emit]
        return sorted(events, key=lambda e: (e.char_start, e.event_type))

    def _event(
        self,
        draft: Draft,
        sentences: list[Span],
        starts: list[int],
        key: str,
        published: date | None,
    ) -> Event:
        index = max(bisect_right(starts, draft.anchor.i) - 1, 0)
        modality = draft.reading.modality
        when = event_date(
            draft.anchor,
            sentences[index],
            published,
            own_only=modality in (FUTURE, HYPOTHETICAL),
            future=modality == FUTURE,
        )
        code = cameo_codes()[draft.cameo]
        return Event(
            event_id=make_event_id(key, *draft.span, draft.event_type, draft.pattern),
            sentence_index=index,
            char_start=draft.span[0],
            char_end=draft.span[1],
            sentence=sentences[index].text,
            event_type=draft.event_type,
            mode=draft.mode,
            context=draft.context,
            cameo_code=code.code,
            cameo_root=code.root,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            source=draft.source,
            target=draft.target,
            event_date=when.value if when else None,
            date_precision=when.precision if when else None,
            modality=modality,
            confidence=confidence(draft),
            pattern=draft.pattern,
        )


def _conjuncts_within(head: Token) -> list[Token]:
    """Nouns coordinated with any noun of a role phrase ("relations with Congo and Costa
    Rica" -> Costa Rica)."""
    return [c for t in role_span(head) if t.pos_ in _NOUN_POS for c in t.conjuncts]


def _pronoun(actor: Actor, coder: EventCoder) -> bool:
    return actor.text.lower() in coder.grammar.pronouns


def _with_support(specs: tuple[str, ...], support: Token | None) -> tuple[str, ...]:
    """A light verb's subject is a nominal event's doer ("the US speeded up the withdrawal
    of its forces"), after an explicit possessor ("Russia's withdrawal")."""
    if support is None:
        return specs
    return (*specs[:1], "support", *specs[1:]) if specs[:1] == ("poss",) else ("support", *specs)


def _phrase_head(trigger: Trigger, anchor: Token) -> Token:
    """Where a nominal trigger sits in the sentence: "mediation" in "a mediation effort
    between X and Y" takes its roles and light verb from "effort"."""
    if trigger.anchor == "nouns" and anchor.dep_ == "compound" and anchor.head.pos_ in _NOUN_POS:
        return anchor.head
    if trigger.anchor == "adjectives" and anchor.dep_ in ("acomp", "amod"):
        return anchor.head
    return anchor


def _with_sector(actor: Actor, sector: str) -> Actor:
    """The acting force named by the trigger ("deployed troops": MIL) specifies a state
    actor resolved only to its country or to its government at large, not a named person
    or body."""
    if actor.country and (actor.sector is None or (actor.sector == "GOV" and actor.name is None)):
        return replace(actor, sector=sector)
    return actor


def confidence(draft: Draft) -> float:
    """A documented score, not a probability: 0.5 for a matched trigger (0.4 for a noun),
    +0.05 per extra constraint the trigger checked (at most 3), +0.2 with a source actor,
    +0.1 with a target actor, +0.05 when the source has a country; -0.1 for a derived
    intent statement. Clipped to [0.05, 0.95]."""
    score = 0.4 if draft.trigger.anchor == "nouns" else 0.5
    score += 0.05 * min(draft.trigger.specificity % 10, 3)
    score += 0.2 * bool(draft.source) + 0.1 * bool(draft.target)
    score += 0.05 * any(a.country for a in draft.source)
    score -= 0.1 * draft.derived
    return round(min(max(score, 0.05), 0.95), 3)


@Language.factory(
    "flashpoint_events",
    default_config={"extra_lexicons": []},
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_event_coder(nlp: Language, name: str, extra_lexicons: list[str]) -> EventCoder:
    """spaCy factory: ``nlp.add_pipe("flashpoint_events", config={"extra_lexicons": [...]})``."""
    return EventCoder(nlp, name, extra_lexicons)


def events_of(doc: Doc) -> list[Event]:
    """The Doc's events (empty when the component did not run)."""
    value: Any = doc._.events if Doc.has_extension("events") else None
    return list(value or [])
