"""The ``flashpoint_claims`` spaCy component: numeric assertions and their sources.

Data files (``data/*.yaml``) are compiled once into Matchers. Per Doc: find amounts,
decide what each counts, walk the parse to its source, date it, and store the claims in
``doc._.claims``. Add it after ``flashpoint_quotes`` (a number inside a direct quote is the
speaker's claim) and after ``flashpoint_actors`` when present.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from flashpoint.claims.dates import clause_date
from flashpoint.claims.lexicon import load_claim_lexicon
from flashpoint.claims.numbers import Amount, Amounts
from flashpoint.claims.records import Claim
from flashpoint.claims.source import SourceFinder
from flashpoint.claims.subject import Counted, SubjectFinder, core_token
from flashpoint.quotes.lexicon import load_cues
from flashpoint.quotes.records import Quote

#: The counted noun joins the claim's span when it is this close after the number.
MAX_NOUN_GAP = 6


class ClaimFinder:
    """Finds numeric claims; see docs/claims.md."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        data_paths: Sequence[str | Path] = (),
        cues_paths: Sequence[str | Path] = (),
    ) -> None:
        self.name = name
        self.lexicon = load_claim_lexicon(data_paths)
        self.amounts = Amounts(nlp.vocab, self.lexicon, nlp.make_doc)
        self.subjects = SubjectFinder(self.lexicon)
        self.sources = SourceFinder(self.lexicon.source_verbs, load_cues(cues_paths).phrases)

    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Quote] = (doc._.quotes or []) if Doc.has_extension("quotes") else []
        published = _as_date(doc._.published) if Doc.has_extension("published") else None
        claims: list[Claim] = []
        previous: dict[int, Counted] = {}
        for amount in self.amounts(doc):
            sentence = amount.span.sent.start
            counted = self.subjects(amount, previous.get(sentence))
            if counted is None:
                continue
            previous[sentence] = counted
            claims.append(self._claim(amount, counted, quotes, published))
        doc._.claims = claims
        return doc

    def _claim(
        self, amount: Amount, counted: Counted, quotes: list[Quote], published: date | None
    ) -> Claim:
        core = core_token(amount)
        noun = counted.noun
        span = _extent(amount, counted, self.lexicon.currencies)
        return Claim(
            span=span,
            subject=counted.subject,
            value_low=amount.low,
            value_high=amount.high,
            qualifier=amount.qualifier,
            unit=counted.unit,
            attributed_to=self.sources(noun if noun is not None else core, quotes),
            as_of=clause_date(core, published, self.lexicon),
        )


def _extent(amount: Amount, counted: Counted, currencies: Mapping[str, str]) -> Span:
    """The amount with its currency marks and the noun counted right after it."""
    doc, start, end = amount.span.doc, amount.span.start, amount.span.end
    if start > 0 and doc[start - 1].lower_ in currencies:
        start -= 1
    if end < len(doc) and doc[end].lemma_.lower() in currencies:
        end += 1
    noun = counted.noun
    if noun is not None and end <= noun.i < end + MAX_NOUN_GAP:
        end = noun.i + 1
    return doc[start:end]


def _as_date(value: object) -> date | None:
    """``Doc._.published`` as a date (engines set a date; users may set an ISO string)."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


@Language.factory(
    "flashpoint_claims",
    default_config={"data_paths": [], "cues_paths": []},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.claims"],
)
def make_claim_finder(
    nlp: Language, name: str, data_paths: list[str], cues_paths: list[str]
) -> ClaimFinder:
    """Factory: ``nlp.add_pipe("flashpoint_claims", config={"data_paths": ["mine.yaml"]})``."""
    return ClaimFinder(nlp, name, data_paths, cues_paths)
