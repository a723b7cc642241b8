"""Who asserts a number: "according to Kiev estimates", "US and UK officials refer to
130,000", "“We counted 300 tanks,” the commander said".

The source is the nearest one in the number's clause chain: walking up the parse from the
number, the first verb with an "according to X" phrase or a source verb (say, estimate,
put, refer, …) with a subject gives it. A number inside a direct quote belongs to the
quote's speaker. Otherwise the article asserts it itself (no source).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from flashpoint.quotes.records import Quote
from flashpoint.quotes.speaker import phrase_object, speaker_of

_MAX_DEPTH = 8


class SourceFinder:
    """Finds a number's source span; ``verbs`` are source-verb lemmas, ``phrases`` cue
    phrases such as "according to" (both from the cue lexicon)."""

    def __init__(self, verbs: Iterable[str], phrases: Iterable[str]) -> None:
        self.verbs = frozenset(verbs)
        self.phrase_heads = {p.split()[0]: p.split() for p in phrases}

    def __call__(self, anchor: Token, quotes: list[Quote]) -> Span | None:
        """The source of the number at ``anchor`` (None: the article's own voice)."""
        quoted = _quote_speaker(anchor, quotes)
        if quoted is not None:
            return quoted
        token = anchor
        for _ in range(_MAX_DEPTH):
            found = self._phrase_source(token) or self._verb_source(token, anchor)
            if found is not None:
                return found
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _phrase_source(self, token: Token) -> Span | None:
        """An "according to X" phrase, or a parenthetical "…, X said", attached here."""
        for child in token.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in self.verbs:
                speaker = speaker_of(child)
                if speaker is not None:
                    return speaker
            words = self.phrase_heads.get(child.lower_)
            if words is None:
                continue
            doc = token.doc
            last = doc[child.i + len(words) - 1] if child.i + len(words) <= len(doc) else None
            if last is not None and doc[child.i : last.i + 1].text.lower() == " ".join(words):
                return phrase_object(last)
        return None

    def _verb_source(self, token: Token, anchor: Token) -> Span | None:
        """A source verb whose subject is not the counted phrase itself."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.verbs:
            return None
        speaker = speaker_of(token)
        if speaker is None or speaker.start <= anchor.i < speaker.end:
            return None
        return speaker


def _quote_speaker(anchor: Token, quotes: list[Quote]) -> Span | None:
    """The speaker of a direct quote containing the token."""
    for quote in quotes:
        if quote.kind != "direct" or quote.speaker is None:
            continue
        if any(part.start <= anchor.i < part.end for part in quote.parts):
            return quote.speaker
    return None
