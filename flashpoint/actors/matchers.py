"""Matchers compiled once from the knowledge base and shared by the actor components."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from flashpoint.actors.kb import KnowledgeBase

ALIAS_KEY = "FLASHPOINT_ACTOR"
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
        # Also tokenised capitalised: "Sen." is one token, "sen." two. Each head is its own
        # label, so "Vice - President" finds the entry "vice-president" whatever the spacing.
        for text in sorted(kb.heads):
            forms = sorted({text, text.capitalize()})
            self.heads.add(text, [nlp.make_doc(form) for form in forms])
        self.pronouns = Matcher(nlp.vocab)
        pronoun = {"LOWER": {"IN": sorted(kb.lexicon.pronouns)}, "POS": "PRON"}
        possessive = {"LOWER": {"IN": sorted(kb.lexicon.pronouns)}, "TAG": "PRP$"}
        self.pronouns.add(PRONOUN_KEY, [[pronoun], [possessive]])

    def alias_spans(self, doc: Doc) -> list[Span]:
        """Known names, longest first, labelled with their entity type ("Kiev" is GPE)."""
        spans = self.aliases(doc, as_spans=True)
        covered = {i for s in spans for i in range(s.start, s.end)}
        labelled = [
            Span(doc, s.start, s.end, label=found[0].label, kb_id=found[0].kb_id)
            for s in spans
            if (found := self.kb.candidates(s.text))
            and self._cued(s)
            and not self._surname(s, found[0].kb_id, covered)
            and not (found[0].label == "NORP" and self._inside_name(s, covered))
        ]
        return filter_spans(labelled)

    def _inside_name(self, span: Span, covered: set[int]) -> bool:
        """ "American" in "the Center for American Progress": an adjective between "for",
        "of" or "on" after a capitalised word and an unknown capitalised proper noun is part
        of an organisation's name, which the ruler leaves to the NER."""
        doc, start, end = span.doc, span.start, span.end
        if start < 2 or end >= len(doc) or end in covered:
            return False
        joint, name, after = doc[start - 1], doc[start - 2], doc[end]
        return (
            joint.lower_ in ("for", "of", "on")
            and name.is_title
            and after.is_title
            and after.tag_ in ("NNP", "NNPS")
            and after.lower_ not in self.kb.heads
        )

    def _surname(self, span: Span, kb_id: str, covered: set[int]) -> bool:
        """ "Jordan" in "Rep. Jim Jordan": a one-word country name right after an unknown
        capitalised proper noun that is no title and no place prefix ("Northern Iraq")."""
        if len(span) != 1 or span.start == 0 or span.start - 1 in covered:
            return False
        if self.kb.entry(kb_id).kind != "country":
            return False
        before = span.doc[span.start - 1]
        word = before.lower_
        return (
            before.tag_ == "NNP"
            and before.is_title
            and word not in self.kb.lexicon.place_prefixes
            and word not in self.kb.heads
        )

    def _cued(self, span: Span) -> bool:
        """A guarded short name ("ETA") counts only with one of its cue words in its
        sentence (or the doc, before sentences are set): else it is an abbreviation."""
        cues = self.kb.lexicon.guarded_aliases.get(span.text)
        if cues is None:
            return True
        context = span.sent if span.doc.has_annotation("SENT_START") else span.doc
        return any(token.lower_ in cues for token in context)

    def head_spans(self, doc: Doc) -> list[Span]:
        """Head nouns ("troops", "foreign ministry", "alliance"), longest first; each span's
        label is its knowledge-base entry."""
        spans = filter_spans(self.heads(doc, as_spans=True))
        return [s for s in spans if s[-1].pos_ in NOMINAL]

    def pronoun_tokens(self, doc: Doc) -> list[int]:
        return sorted({start for _, start, _ in self.pronouns(doc)})


@lru_cache(maxsize=8)
def actor_matchers(nlp: Language, kb: KnowledgeBase) -> ActorMatchers:
    """One compiled set per pipeline and knowledge base."""
    return ActorMatchers(nlp, kb)
