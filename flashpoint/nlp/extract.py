"""Turn an annotated Doc into table rows. Later stages register their own extractors."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

Row = dict[str, Any]
Extractor = Callable[[Doc], list[Row]]

#: table name -> function producing that table's rows for one Doc (without article_id).
EXTRACTORS: dict[str, Extractor] = {}


def register_extractor(table: str) -> Callable[[Extractor], Extractor]:
    """Decorator: rows from this function go to ``table`` for every processed article."""

    def wrap(fn: Extractor) -> Extractor:
        EXTRACTORS[table] = fn
        return fn

    return wrap


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where each sentence begins, for bisecting spans to sentences."""
    return [sent.start_char for sent in doc.sents]


def sentence_index(starts: list[int], char: int) -> int:
    """Index of the sentence containing character ``char``."""
    return max(bisect_right(starts, char) - 1, 0)


@register_extractor("sentences")
def sentence_rows(doc: Doc) -> list[Row]:
    return [
        {"sentence_index": i, "char_start": s.start_char, "char_end": s.end_char}
        for i, s in enumerate(doc.sents)
    ]


@register_extractor("entities")
def entity_rows(doc: Doc) -> list[Row]:
    starts = sentence_starts(doc)
    return [
        {
            "sentence_index": sentence_index(starts, ent.start_char),
            "char_start": ent.start_char,
            "char_end": ent.end_char,
            "text": ent.text,
            "label": ent.label_,
        }
        for ent in doc.ents
    ]


def doc_tables(doc: Doc, article_id: str) -> dict[str, list[Row]]:
    """Every registered table's rows for one article, keyed by table name."""
    tables = {}
    for table, extractor in EXTRACTORS.items():
        rows = extractor(doc)
        for row in rows:
            row["article_id"] = article_id
        tables[table] = rows
    return tables
