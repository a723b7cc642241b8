"""Is the event said to have happened? Asserted, negated, future, hypothetical or reported.

The trigger's own clause is read first (negation, modal, "if"), then each governing clause
on the way up the parse ("refused to", "plans to", "said that", "no intention of"). Cue
words come from data/grammar.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from flashpoint.coding.grammar import Grammar
from flashpoint.coding.records import ASSERTED, FUTURE, HYPOTHETICAL, NEGATED, REPORTED

_BACKSHIFTED = "backshifted"
#: Links that leave the event's own proposition: what a relative or adverbial clause says
#: is background, so only a report around it still counts.
_BOUNDARIES = frozenset({"relcl", "advcl", "appos", "parataxis", "acl"})


@dataclass(frozen=True, slots=True)
class Reading:
    """The modality, and whether a reporting verb governs the event (for derived events)."""

    modality: str
    reported: bool


def _clause_cues(token: Token, grammar: Grammar) -> list[str]:
    """Cues on one word of the path: negation, modals, "if", "going to", noun modifiers."""
    cues = []
    for child in token.children:
        dep, word = child.dep_, child.lower_
        if dep == "neg" or (dep == "det" and word in grammar.negators):
            cues.append(NEGATED)
        elif dep in ("aux", "auxpass") and child.lemma_ in grammar.modals:
            cues.append(grammar.modals[child.lemma_])
        elif dep == "mark" and word in grammar.conditional_marks:
            cues.append(HYPOTHETICAL)
        elif (
            dep in ("amod", "det")
            and word in grammar.noun_modifiers
            and token.pos_ in ("NOUN", "PROPN")
        ):
            cues.append(grammar.noun_modifiers[word])
        elif dep in ("advmod", "prep") and word in grammar.report_adverbs:
            cues.append(REPORTED)
    if (
        token.lemma_ in grammar.going_to
        and token.tag_ == "VBG"
        and any(c.dep_ == "xcomp" for c in token.children)
    ):
        cues.append(FUTURE)
    return cues


def _governor_cue(token: Token, grammar: Grammar) -> str | None:
    """The sense of the word governing ``token`` when ``token`` is its complement."""
    head = token.head
    dep = token.dep_
    if dep in ("pobj", "pcomp") and head.dep_ == "prep":
        head = head.head
    if dep not in grammar.complement_deps or (dep == "acl" and head.pos_ not in ("NOUN", "PROPN")):
        return None
    return grammar.governor_sense(grammar.lemma(head), dep)


def _path_cues(trigger: Token, grammar: Grammar) -> list[str]:
    """Cues from the trigger up to the root, nearest first; past a relative or adverbial
    clause boundary only reports are kept."""
    cues = list(_clause_cues(trigger, grammar))
    token, background = trigger, False
    while token.head != token:
        if token.dep_ in _BOUNDARIES and _governor_cue(token, grammar) is None:
            background = True
        if token.dep_ != "conj":
            governed = _governor_cue(token, grammar)
            step = ([governed] if governed else []) + _clause_cues(token.head, grammar)
            cues += [c for c in step if not background or c == REPORTED]
        token = token.head
    return cues


def read_modality(trigger: Token, grammar: Grammar) -> Reading:
    """Negation anywhere on the path wins (two cancel out: "did not rule out" is
    possible); else the nearest future/hypothetical cue; else reported; else asserted.
    "would" is a future inside reported speech and hypothetical outside it."""
    cues = _path_cues(trigger, grammar)
    reported = REPORTED in cues
    negations = cues.count(NEGATED)
    if negations % 2:
        return Reading(NEGATED, reported)
    if negations:
        return Reading(HYPOTHETICAL, reported)
    for cue in cues:
        if cue == _BACKSHIFTED:
            return Reading(FUTURE if reported else HYPOTHETICAL, reported)
        if cue in (FUTURE, HYPOTHETICAL):
            return Reading(cue, reported)
    return Reading(REPORTED if reported else ASSERTED, reported)
