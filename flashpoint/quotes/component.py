"""The ``flashpoint_quotes`` spaCy component: direct, indirect and mixed quotes.

Modelled on spaCy's ``span_ruler``: the cue lexicon (data) is compiled once into a
``Matcher`` and a ``PhraseMatcher``; ``__call__`` matches, then applies the rules of
``direct`` and ``indirect`` and stores the quotes in ``doc._.quotes``. Add it after
``ner``; speakers get their identity from ``flashpoint_actors`` (``doc._.actors``) when
the rows are written, so the two may come in either order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from flashpoint.quotes.context import DocContext, kind_of
from flashpoint.quotes.direct import continues, direct_quotes
from flashpoint.quotes.indirect import complement_quotes, phrase_quotes
from flashpoint.quotes.lexicon import load_cues, regular_forms
from flashpoint.quotes.marks import find_quotations
from flashpoint.quotes.records import DIRECT, Quote

CUE_VERB = "CUE_VERB"
OBJECT_VERB = "OBJECT_VERB"
CUE_PHRASE = "CUE_PHRASE"


class QuoteFinder:
    """Finds quotes and their speakers; see docs/quotes.md."""

    def __init__(self, nlp: Language, name: str, cues_paths: Sequence[str | Path] = ()) -> None:
        self.name = name
        self.make_doc = nlp.make_doc
        self.lexicon = load_cues(cues_paths)
        self.verb_matcher = Matcher(nlp.vocab)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._compile()

    def add_cues(self, verbs: Iterable[str] = (), phrases: Iterable[str] = ()) -> None:
        """Add cue verbs (lemmas) and phrases at run time, then recompile the matchers."""
        self.lexicon.update({"verbs": list(verbs), "phrases": list(phrases)})
        self._compile()

    def _compile(self) -> None:
        """Build the matchers from the lexicon (once, not per Doc)."""
        if CUE_PHRASE in self.phrase_matcher:
            self.phrase_matcher.remove(CUE_PHRASE)
        verbs = {CUE_VERB: self.lexicon.verbs, OBJECT_VERB: set(self.lexicon.object_verbs)}
        for key, lemmas in verbs.items():
            if key in self.verb_matcher:
                self.verb_matcher.remove(key)
            forms = sorted({form for lemma in lemmas for form in regular_forms(lemma)})
            self.verb_matcher.add(
                key,
                [
                    [{"LEMMA": {"IN": sorted(lemmas)}, "POS": "VERB"}],
                    [{"LOWER": {"IN": forms}, "POS": "VERB"}],  # when the lemmatizer slips
                ],
            )
        phrases = [self.make_doc(p) for p in sorted(self.lexicon.phrases)]
        self.phrase_matcher.add(CUE_PHRASE, phrases)

    def __call__(self, doc: Doc) -> Doc:
        ctx = self.context(doc)
        doc._.quotes = find_quotes(ctx)
        return doc

    def context(self, doc: Doc) -> DocContext:
        """Match cues and quotation marks in one Doc."""
        text = doc.text
        quotations = []
        for mark in find_quotations(text):
            span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
            if span is not None and len(span):
                quotations.append((mark, span))
        verbs = sorted(set(self.verb_matcher(doc)), key=lambda m: m[1])
        cue_key = doc.vocab.strings[CUE_VERB]
        speech = {start for key, start, _ in verbs if key == cue_key}
        return DocContext(
            doc=doc,
            text=text,
            lexicon=self.lexicon,
            cues=[doc[i] for i in sorted(speech)],
            object_cues=[doc[i] for i in sorted({i for _, i, _ in verbs} - speech)],
            phrases=[doc[start:end] for _, start, end in self.phrase_matcher(doc)],
            quotations=quotations,
        )


def find_quotes(ctx: DocContext) -> list[Quote]:
    """Direct quotes first (they claim their cues), then indirect ones; an unattributed
    quotation inside an indirect quote's content is part of that (mixed) quote."""
    direct = direct_quotes(ctx)
    indirect = _outermost_objects(complement_quotes(ctx)) + phrase_quotes(ctx)
    covered = [(p.start_char, p.end_char) for q in indirect for p in q.parts]
    kept = [
        q
        for q in direct
        if q.speaker is not None
        or not any(s <= q.char_start and q.char_end <= e for s, e in covered)
    ]
    quotes = sorted(kept + indirect, key=lambda q: (q.char_start, q.kind != DIRECT))
    return _follow_ons(ctx, quotes)


def _follow_ons(ctx: DocContext, quotes: list[Quote]) -> list[Quote]:
    """A quotation with no speaker of its own right after an indirect or mixed quote (same
    paragraph, or opening the next one) goes on with what that speaker said: "Peskov said
    the talks would go on. “We are not in a hurry.”" is one mixed quote."""
    out: list[Quote] = []
    for quote in quotes:
        previous = next((q for q in reversed(out) if q.char_end <= quote.char_start), None)
        if (
            quote.speaker is None
            and quote.kind == DIRECT
            and previous is not None
            and previous.speaker is not None
            and previous.kind != DIRECT
            and continues(ctx, previous, quote.parts[0])
        ):
            previous.parts.extend(quote.parts)
            previous.kind = kind_of(previous.parts, ctx.quotations)
            previous.confidence = min(previous.confidence, ctx.confidence("continuation"))
            continue
        out.append(quote)
    return out


def _outermost_objects(quotes: list[Quote]) -> list[Quote]:
    """An object-verb quote inside another quote's content is part of what that one says
    ("pledged to oppose legal status": one quote, not two)."""
    spans = [(p.start_char, p.end_char) for q in quotes for p in q.parts]
    return [
        q
        for q in quotes
        if q.evidence != "object"
        or q.cue is None
        or not any(s <= q.cue.start_char < e for s, e in spans)
    ]


@Language.factory(
    "flashpoint_quotes",
    default_config={"cues_paths": []},
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.quotes"],
)
def make_quote_finder(nlp: Language, name: str, cues_paths: list[str]) -> QuoteFinder:
    """Factory: ``nlp.add_pipe("flashpoint_quotes", config={"cues_paths": ["my_cues.yaml"]})``."""
    return QuoteFinder(nlp, name, cues_paths)
