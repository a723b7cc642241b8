"""Finding triggers in a parsed Doc.

The anchor words of all triggers are compiled once into two PhraseMatchers (verb lemmas,
noun and adjective forms), so a Doc is scanned in one pass in Cython. Only the few words
found are then checked against their triggers' required dependents on the parse
(particle, object, modifier, preposition, a modal in the complement).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from flashpoint.coding.lexicon import Trigger

#: Node name -> token, for one matched trigger ("anchor", "particle", "object", ...).
Nodes = dict[str, Token]

_POS = {
    "verbs": frozenset({"VERB"}),
    "nouns": frozenset({"NOUN", "PROPN"}),
    "adjectives": frozenset({"ADJ", "VERB"}),
}
#: Verbs used as adjectives ("Russian-backed", "the proposed talks") are not events.
_ADJECTIVAL = frozenset({"amod", "compound"})
_PARTICLE_DEPS = frozenset({"prt", "advmod", "prep"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})
_PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})


def _child(token: Token, deps: frozenset[str], words: Iterable[str]) -> Token | None:
    """The first dependent in one of ``deps`` spelled as one of ``words`` ("*": any)."""
    wanted = set(words)
    return next(
        (c for c in token.children if c.dep_ in deps and ("*" in wanted or c.lower_ in wanted)),
        None,
    )


def is_time(prep: Token) -> bool:
    """A preposition that only dates the event ("on Monday") is no argument of it."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return bool(objects) and all(c.ent_type_ in ("DATE", "TIME") for c in objects)


def _object(
    trigger: Trigger, anchor: Token, particle: Token | None, partitives: frozenset[str]
) -> Token | None:
    """The object as a dependent or a conjunct of it ("photographs and intelligence");
    under a particle parsed as a preposition ("called off the strike"); after a partitive
    ("returning some of the troops"); the noun a relative clause modifies ("the troops it
    deployed"); or the of-phrase of a nominal trigger ("the deployment of peacekeepers")."""
    found = _child(anchor, _OBJECT_DEPS, trigger.object)
    if found is None:
        first = _child(anchor, _OBJECT_DEPS, ("*",))
        wanted = set(trigger.object)
        conjuncts = first.conjuncts if first is not None else ()
        found = next((c for c in conjuncts if c.lower_ in wanted), None)
    if found is None and particle is not None:
        found = _child(particle, frozenset({"pobj"}), trigger.object)
    part = _child(anchor, _OBJECT_DEPS, partitives) if found is None else None
    if part is not None:
        of = _child(part, frozenset({"prep"}), ("of",))
        found = _child(of, frozenset({"pobj"}), trigger.object) if of is not None else None
    if found is None and anchor.dep_ in ("relcl", "acl") and anchor.head.lower_ in trigger.object:
        found = anchor.head
    if found is None and anchor.pos_ == "NOUN":
        of = _child(anchor, frozenset({"prep"}), ("of",))
        found = _child(of, frozenset({"pobj"}), trigger.object) if of is not None else None
    return found


def _preposition(trigger: Trigger, hosts: Iterable[Token | None]) -> Nodes | None:
    """The required preposition (and its object) on the trigger or on its object."""
    for host in hosts:
        if host is None:
            continue
        for prep in host.children:
            if prep.dep_ not in _PREP_DEPS or prep.lower_ not in trigger.prep or is_time(prep):
                continue
            if not trigger.prep_object:
                return {"prep": prep}
            pobj = _child(prep, frozenset({"pobj", "pcomp"}), trigger.prep_object)
            if pobj is not None:
                return {"prep": prep, "prep_object": pobj}
    return None


def check(trigger: Trigger, anchor: Token, partitives: frozenset[str]) -> Nodes | None:
    """The trigger's nodes when every dependent it requires is on the parse, else None."""
    if anchor.pos_ not in _POS[trigger.anchor]:
        return None
    if trigger.anchor == "verbs" and anchor.dep_ in _ADJECTIVAL:
        return None
    if trigger.exclude and any(c.dep_ in trigger.exclude for c in anchor.children):
        return None
    nodes: Nodes = {"anchor": anchor}
    if trigger.particle:
        particle = _child(anchor, _PARTICLE_DEPS, trigger.particle)
        if particle is None:
            return None
        nodes["particle"] = particle
    if trigger.object:
        obj = _object(trigger, anchor, nodes.get("particle"), partitives)
        if obj is None:
            return None
        nodes["object"] = obj
    if trigger.modifier:
        modifier = _child(nodes.get("object", anchor), _MODIFIER_DEPS, trigger.modifier)
        if modifier is None:
            return None
        nodes["modifier"] = modifier
    if trigger.prep:
        found = _preposition(trigger, (anchor, nodes.get("object")))
        if found is None:
            return None
        nodes |= found
    if trigger.complement_aux:
        clause = next(
            (
                c
                for c in anchor.children
                if c.dep_ in _COMPLEMENT_DEPS
                and _child(c, frozenset({"aux"}), trigger.complement_aux)
            ),
            None,
        )
        if clause is None:
            return None
        nodes["complement"] = clause
    return nodes


class TriggerMatcher:
    """All triggers of a lexicon, compiled for one vocabulary."""

    def __init__(
        self,
        vocab: Vocab,
        triggers: list[Trigger],
        slips: Mapping[str, str],
        partitives: frozenset[str],
    ) -> None:
        self.partitives = partitives
        self.lemmas = PhraseMatcher(vocab, attr="LEMMA")
        self.forms = PhraseMatcher(vocab, attr="LOWER")
        self.by_key: dict[str, list[tuple[int, Trigger]]] = {}
        for order, trigger in enumerate(triggers):
            words = list(trigger.words)
            if trigger.anchor == "verbs":
                words += [slip for slip, verb in slips.items() if verb in trigger.words]
            for word in words:
                self._add(vocab, trigger.anchor == "verbs", word, order, trigger)

    def _add(self, vocab: Vocab, by_lemma: bool, word: str, order: int, trigger: Trigger) -> None:
        key = f"{'lemma' if by_lemma else 'form'}:{word}"
        if key not in self.by_key:
            matcher = self.lemmas if by_lemma else self.forms
            matcher.add(key, [Doc(vocab, words=[word], lemmas=[word] if by_lemma else None)])
        self.by_key.setdefault(key, []).append((order, trigger))

    def __call__(self, doc: Doc) -> Iterator[tuple[int, Trigger, Nodes]]:
        """(lexicon order, trigger, nodes) for every trigger whose requirements hold."""
        for matcher in (self.lemmas, self.forms):
            for match_id, start, _end in matcher(doc):
                anchor = doc[start]
                for order, trigger in self.by_key[doc.vocab.strings[match_id]]:
                    nodes = check(trigger, anchor, self.partitives)
                    if nodes is not None:
                        yield order, trigger, nodes
