"""The Quote record: spans on the Doc while parsing, flat rows for the ``quotes`` table."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from flashpoint.nlp.extract import Row, register_extractor, sentence_index, sentence_starts
from flashpoint.quotes.actor_link import actor_columns
from flashpoint.records import make_article_id

DIRECT, INDIRECT, MIXED = "direct", "indirect", "mixed"
_KEY = "flashpoint_article_key"

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


@dataclass(slots=True)
class Quote:
    """One attributed utterance. ``parts`` are its content spans: one, or several when a
    quotation is split around its cue ("“…,” Peskov said. “…”")."""

    parts: list[Span]
    kind: str
    cue: Span | None
    speaker: Span | None
    confidence: float
    evidence: str = ""

    @property
    def char_start(self) -> int:
        return self.parts[0].start_char

    @property
    def char_end(self) -> int:
        return self.parts[-1].end_char

    @property
    def content(self) -> str:
        """The quoted words: the parts joined by a space (the cue between them left out)."""
        return " ".join(part.text for part in self.parts)


def article_key(doc: Doc) -> str:
    """The article's text hash, computed once per Doc for all its record ids."""
    key = doc.user_data.get(_KEY)
    if key is None:
        key = doc.user_data[_KEY] = make_article_id(doc.text)
    return str(key)


def stable_id(article_key: str, *span: object) -> str:
    """An id stable across runs: the article's text hash plus the record's span."""
    raw = ":".join(map(str, (article_key, *span)))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def quote_row(doc: Doc, quote: Quote, starts: list[int], article_key: str) -> Row:
    """A flat ``quotes`` row; the speaker Actor becomes ``speaker_*`` columns."""
    row: dict[str, Any] = {
        "quote_id": stable_id(article_key, "quote", quote.char_start, quote.char_end),
        "sentence_index": sentence_index(starts, quote.char_start),
        "char_start": quote.char_start,
        "char_end": quote.char_end,
        "content": quote.content,
        "kind": quote.kind,
        "cue": quote.cue.text if quote.cue is not None else None,
        "confidence": round(quote.confidence, 3),
    }
    row.update(actor_columns("speaker", doc, quote.speaker))
    return row


@register_extractor("quotes")
def quote_rows(doc: Doc) -> list[Row]:
    """Rows for the ``quotes`` table (empty when the quotes component did not run)."""
    quotes = doc._.quotes or []
    if not quotes:
        return []
    starts, key = sentence_starts(doc), article_key(doc)
    return [quote_row(doc, quote, starts, key) for quote in quotes]
