"""Numbers as written in the news: figures, words, scales, ranges and vague amounts.

``Amounts`` compiles the number lexicon once into Matchers; per Doc it returns each
amount's span, its low and high values and its qualifier ("more than", "between", …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from flashpoint.claims.lexicon import ClaimLexicon, Qualifier

#: A figure with optional thousands separators (any grouping, so Indian "1,00,000" too),
#: decimals, and a glued scale ("20bn", "2.5m").
_FIGURE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]*)$")
RANGE = "between"


@dataclass(slots=True)
class Amount:
    """A number in the text: ``low``/``high`` are None for an open bound."""

    span: Span
    low: float | None
    high: float | None
    qualifier: str | None = None


def parse_number(words: list[str], lex: ClaimLexicon) -> float | None:
    """The value of number words and figures: "1.5 million", "two hundred thousand",
    "1,00,000", "a dozen", "half a million", "twenty-five". None if a word is unknown."""
    total, current = 0.0, None
    for word in (w.lower() for w in words):
        figure = _FIGURE.match(word)
        if word in {"-", "and"} or (word in {"a", "an"} and current is not None):
            continue
        if figure:
            suffix = figure.group(2)
            if suffix and suffix not in lex.scales:
                return None
            value = float(figure.group(1).replace(",", "")) * lex.scales.get(suffix, 1.0)
            current = (current or 0.0) + value
        elif word in lex.scales:
            scale, current = lex.scales[word], current if current is not None else 1.0
            if scale >= 1000:
                total, current = total + current * scale, None
            else:
                current *= scale
        elif word in lex.words:
            current = (current or 0.0) + lex.words[word]
        else:
            return None
    if current is None and total == 0:
        return None
    return total + (current or 0.0)


class Amounts:
    """Matchers for numbers, vague amounts and qualifiers, compiled once per lexicon."""

    def __init__(self, vocab: Vocab, lex: ClaimLexicon, make_doc: Callable[[str], Doc]) -> None:
        self.lex = lex
        self.numbers = Matcher(vocab)
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        scales = sorted(lex.scales)
        glued = {"TEXT": {"REGEX": rf"^\d[\d,.]*({'|'.join(map(re.escape, scales))})$"}}
        number = {"LIKE_NUM": True}
        word = {"LOWER": {"IN": sorted(lex.words)}}
        self.numbers.add(
            "NUM",
            [
                [number, {"LIKE_NUM": True, "OP": "*"}, {"LOWER": {"IN": scales}, "OP": "*"}],
                [glued],
                [
                    {"LOWER": {"IN": ["a", "an", "half"]}},
                    {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
                    {"LOWER": {"IN": scales}},
                    {"LIKE_NUM": True, "OP": "*"},
                ],
                [word, {"ORTH": "-"}, word, {"LIKE_NUM": True, "OP": "*"}],  # "twenty-five"
            ],
            greedy="LONGEST",
        )
        self.phrases.add("VAGUE", [make_doc(k) for k in sorted(lex.vague)])
        self.phrases.add("QUAL", [make_doc(k) for k in sorted(lex.qualifiers)])

    def __call__(self, doc: Doc) -> list[Amount]:
        """Every amount in the Doc, ranges joined and qualifiers attached, in text order."""
        vague_ids = doc.vocab.strings["VAGUE"]
        spans = [doc[s:e] for _, s, e in self.numbers(doc)]
        phrases = self.phrases(doc)
        vague = [doc[s:e] for key, s, e in phrases if key == vague_ids]
        qualifiers: dict[int, Span] = {}
        for key, start, end in phrases:  # the longest qualifier ending at each token
            if key != vague_ids and (end not in qualifiers or start < qualifiers[end].start):
                qualifiers[end] = doc[start:end]
        amounts = []
        for span in filter_spans(spans + vague):
            amount = self._amount(span)
            if amount is not None:
                amounts.append(amount)
        return [self._qualify(a, qualifiers) for a in self._join_ranges(amounts)]

    def _amount(self, span: Span) -> Amount | None:
        key = span.text.lower()
        if key in self.lex.vague:
            low, high = self.lex.vague[key]
            return Amount(span, low, high, key)
        value = parse_number([t.text for t in span], self.lex)
        return Amount(span, value, value) if value is not None else None

    def _join_ranges(self, amounts: list[Amount]) -> list[Amount]:
        """ "between 30 and 40", "30 to 40", "30-40", "1 to 2 million" -> one amount."""
        out: list[Amount] = []
        for amount in amounts:
            prev = out[-1] if out else None
            if prev is not None and self._is_range(prev, amount):
                out[-1] = self._range(prev, amount)
            else:
                out.append(amount)
        return out

    def _is_range(self, a: Amount, b: Amount) -> bool:
        """Two amounts one joiner apart: "30 to 40", or "between 30 and 40"."""
        doc = a.span.doc
        if b.span.start != a.span.end + 1 or a.qualifier or b.qualifier or a.low is None:
            return False
        joiner = doc[a.span.end].lower_
        opener = doc[a.span.start - 1].lower_ if a.span.start > 0 else ""
        return joiner in self.lex.range_joiners or joiner == self.lex.range_openers.get(opener)

    def _range(self, a: Amount, b: Amount) -> Amount:
        doc = a.span.doc
        low, high = a.low or 0.0, b.high or 0.0
        last = b.span[-1].lower_
        shared_scale = a.span[-1].lower_ not in self.lex.scales and last in self.lex.scales
        if shared_scale and low < high / 1000:  # "between 1 and 2 million"
            low *= self.lex.scales[last]
        start = a.span.start
        if start > 0 and doc[start - 1].lower_ in self.lex.range_openers:
            start -= 1
        return Amount(doc[start : b.span.end], min(low, high), max(low, high), RANGE)

    def _qualify(self, amount: Amount, qualifiers: dict[int, Span]) -> Amount:
        """Attach a qualifier written right before the number ("more than 100,000"), or
        before its currency sign ("more than $3bn")."""
        start = amount.span.start
        if start > 0 and amount.span.doc[start - 1].lower_ in self.lex.currencies:
            start -= 1
        phrase = qualifiers.get(start)
        if phrase is None or amount.qualifier is not None or _is_preposition(phrase):
            return amount
        qualifier: Qualifier = self.lex.qualifiers[phrase.text.lower()]
        value = amount.low
        low = value if qualifier.bound in {"low", "point"} else None
        high = value if qualifier.bound in {"high", "point"} else None
        span = amount.span.doc[phrase.start : amount.span.end]
        return Amount(span, low, high, qualifier.name)


def _is_preposition(phrase: Span) -> bool:
    """ "fighting over two islands": a one-word qualifier that heads a prepositional phrase."""
    token: Token = phrase[0]
    return (
        len(phrase) == 1 and token.dep_ == "prep" and any(c.dep_ == "pobj" for c in token.children)
    )
