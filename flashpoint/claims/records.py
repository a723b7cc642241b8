"""The Claim record: spans on the Doc while parsing, flat rows for the ``claims`` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from flashpoint.nlp.extract import Row, register_extractor, sentence_index, sentence_starts
from flashpoint.quotes.actor_link import actor_columns
from flashpoint.quotes.records import article_key, stable_id

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


@dataclass(slots=True)
class Claim:
    """A numeric assertion: ``span`` covers the amount and the noun counted."""

    span: Span
    subject: str
    value_low: float | None
    value_high: float | None
    qualifier: str | None
    unit: str
    attributed_to: Span | None
    as_of: date | None


def claim_row(doc: Doc, claim: Claim, starts: list[int], article_key: str) -> Row:
    """A flat ``claims`` row; the source Actor becomes ``attributed_to_*`` columns."""
    start, end = claim.span.start_char, claim.span.end_char
    row: dict[str, Any] = {
        "claim_id": stable_id(article_key, "claim", start, end),
        "sentence_index": sentence_index(starts, start),
        "char_start": start,
        "char_end": end,
        "subject": claim.subject,
        "value_low": claim.value_low,
        "value_high": claim.value_high,
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "as_of": claim.as_of,
    }
    row.update(actor_columns("attributed_to", doc, claim.attributed_to))
    return row


@register_extractor("claims")
def claim_rows(doc: Doc) -> list[Row]:
    """Rows for the ``claims`` table (empty when the claims component did not run)."""
    claims = doc._.claims or []
    if not claims:
        return []
    starts, key = sentence_starts(doc), article_key(doc)
    return [claim_row(doc, claim, starts, key) for claim in claims]
