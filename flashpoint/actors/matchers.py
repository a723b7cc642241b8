"""Matchers compiled once from the knowledge base and shared by the actor components."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from flashpoint.actors.kb import KnowledgeBase

ALIAS_KEY = "FLASHPOINT_ACTOR"
HEAD_KEY = "FLASHPOINT_ACTOR_HEAD"
PRONOUN_KEY = "FLASHPOINT_ACTOR_PRONOUN"
#: Parts of speech a head noun can have: "forces" the verb is not an actor.
NOMINAL = ("NOUN", "PROPN")


class ActorMatchers:
    """Case-sensitive names, lower-case head nouns and pronouns, compiled once per vocab."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.aliases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.aliases.add(ALIAS_KEY, [nlp.make_doc(text) for text in sorted(kb.aliases)])
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.heads.add(HEAD_KEY, [nlp.make_doc(text) for text in sorted(kb.heads)])
        self.pronouns = Matcher(nlp.vocab)
        pronoun = {"LOWER": {"IN": sorted(kb.lexicon.pronouns)}, "POS": "PRON"}
        possessive = {"LOWER": {"IN": sorted(kb.lexicon.pronouns)}, "TAG": "PRP$"}
        self.pronouns.add(PRONOUN_KEY, [[pronoun], [possessive]])

    def alias_spans(self, doc: Doc) -> list[Span]:
        """Known names, longest first, labelled with their entity type ("Kiev" is GPE)."""
        spans = self.aliases(doc, as_spans=True)
        labelled = [
            Span(doc, s.start, s.end, label=found[0].label, kb_id=found[0].kb_id)
            for s in spans
            if (found := self.kb.candidates(s.text))
        ]
        return filter_spans(labelled)

    def head_spans(self, doc: Doc) -> list[Span]:
        """Head nouns ("troops", "foreign ministry", "alliance"), longest first."""
        spans = filter_spans(self.heads(doc, as_spans=True))
        return [s for s in spans if s[-1].pos_ in NOMINAL]

    def pronoun_tokens(self, doc: Doc) -> list[int]:
        return sorted({start for _, start, _ in self.pronouns(doc)})


@lru_cache(maxsize=8)
def actor_matchers(nlp: Language, kb: KnowledgeBase) -> ActorMatchers:
    """One compiled set per pipeline and knowledge base."""
    return ActorMatchers(nlp, kb)
