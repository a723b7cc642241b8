"""The coder's function-word knowledge (data/grammar.yaml, frames.yaml, time.yaml), loaded
once into typed lookups so the rule code never lists words itself."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from flashpoint.coding.lexicon import spelling_variants
from flashpoint.coding.ontology import DATA, cameo_codes, plover_types, read_yaml
from flashpoint.errors import Errors, FlashpointError

#: Complement links through which a governor's sense reaches an event, for to-clauses
#: (irrealis: "urged X to withdraw") and for everything else ("said that X withdrew").
INFINITIVAL = frozenset({"xcomp"})
_GOVERNOR_ORDER = {
    "xcomp": ("negated", "future", "hypothetical"),
    "other": ("reported", "negated", "future", "hypothetical"),
}


def _load(name: str) -> dict[str, Any]:
    return read_yaml(DATA / name)


@dataclass(frozen=True, slots=True)
class FrameRule:
    """One refinement row of frames.yaml (conditions, then what the outer event becomes)."""

    outer: str
    inner: frozenset[str]
    outer_root: str | None
    inner_mode: str | None
    inner_cameo: str | None
    other_actor: bool | None
    event_type: str | None
    mode: str | None
    cameo: str


@dataclass(frozen=True, slots=True)
class Grammar:
    modals: dict[str, str]
    negators: frozenset[str]
    conditional_marks: frozenset[str]
    going_to: frozenset[str]
    governors: dict[str, frozenset[str]]
    noun_modifiers: dict[str, str]
    support_verbs: frozenset[str]
    object_control: frozenset[str]
    proxy_nouns: frozenset[str]
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    complement_deps: frozenset[str]
    report_adverbs: frozenset[str]
    partitives: frozenset[str]
    purpose_nouns: frozenset[str]
    stative_participles: frozenset[str]
    lemma_slips: dict[str, str]
    intent: dict[str, str]
    refusal: frozenset[str]
    rules: tuple[FrameRule, ...]
    time: dict[str, Any]

    def lemma(self, token: Token) -> str:
        """The token's lemma, lower case, with the model's known slips corrected."""
        lemma = token.lemma_.lower()
        return self.lemma_slips.get(lemma, lemma)

    def governor_sense(self, lemma: str, dep: str) -> str | None:
        """How a governor reads an event in its complement: a to-clause under "tell" is an
        order (hypothetical), a that-clause under it a report."""
        senses = self.governors.get(lemma)
        if not senses:
            return None
        order = _GOVERNOR_ORDER["xcomp" if dep in INFINITIVAL else "other"]
        return next((sense for sense in order if sense in senses), None)


def _rule(row: dict[str, Any]) -> FrameRule:
    inner = row.get("inner", [])
    rule = FrameRule(
        outer=row["outer"],
        inner=frozenset([inner] if isinstance(inner, str) else inner),
        outer_root=row.get("outer_root"),
        inner_mode=row.get("inner_mode"),
        inner_cameo=row.get("inner_cameo"),
        other_actor=row.get("other_actor"),
        event_type=row.get("event_type"),
        mode=row.get("mode"),
        cameo=str(row["cameo"]),
    )
    new_type = rule.event_type or rule.outer
    if rule.cameo not in cameo_codes() or new_type not in plover_types():
        raise FlashpointError(Errors.E042.format(rule=row, reason="unknown code or type"))
    if rule.mode and rule.mode not in plover_types()[new_type]["modes"]:
        raise FlashpointError(Errors.E042.format(rule=row, reason="unknown mode"))
    return rule


def _words(items: list[str]) -> frozenset[str]:
    """A word list with both -ise/-ize spellings (the lemmatiser keeps the text's)."""
    return frozenset(spelling_variants(items))


def _lemma_index(lists: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for sense, lemmas in lists.items():
        for lemma in spelling_variants(lemmas):
            index.setdefault(lemma, set()).add(sense)
    return {lemma: frozenset(senses) for lemma, senses in index.items()}


def _inverse(lists: dict[str, list[str]]) -> dict[str, str]:
    return {word: key for key, words in lists.items() for word in words}


@cache
def grammar() -> Grammar:
    """The packaged grammar, loaded once per process."""
    data, frames = _load("grammar.yaml"), _load("frames.yaml")
    return Grammar(
        modals=dict(data["modals"]),
        negators=frozenset(data["negators"]),
        conditional_marks=frozenset(data["conditional_marks"]),
        going_to=frozenset(data["going_to"]),
        governors=_lemma_index(data["governors"]),
        noun_modifiers=_inverse(data["noun_modifiers"]),
        support_verbs=_words(data["support_verbs"]),
        object_control=_words(data["object_control"]),
        proxy_nouns=_words(data["proxy_nouns"]),
        pronouns=frozenset(data["pronouns"]),
        relative_pronouns=frozenset(data["relative_pronouns"]),
        complement_deps=frozenset(data["complement_deps"]),
        report_adverbs=frozenset(data["report_adverbs"]),
        partitives=frozenset(data["partitives"]),
        purpose_nouns=frozenset(data["purpose_nouns"]),
        stative_participles=_words(data["stative_participles"]),
        lemma_slips=dict(data["lemma_slips"]),
        intent=_inverse(frames["intent"]),
        refusal=frozenset(frames["refusal"]),
        rules=tuple(_rule(row) for row in frames["refine"]),
        time=_load("time.yaml"),
    )
