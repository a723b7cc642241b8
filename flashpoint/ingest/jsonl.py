"""JSON lines (one article object per line, streamed) and JSON documents.

A JSON document is a single article object, a list of them, or ``{"articles": [...]}``; it
is parsed whole, so it is bounded by max_bytes like any single document. A ``.json`` file
that turns out to hold JSON lines is read as JSON lines.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import (
    Cursor,
    Where,
    decode_or_report,
    guarded,
    iter_lines,
    read_limited,
    too_big,
)
from flashpoint.ingest.decode import LineDecoder, UndecodableError
from flashpoint.ingest.records import article_from_record, first_text


def read_jsonl(
    stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """One article per non-blank line; a bad line is reported and the rest are still read."""
    decoder = LineDecoder()
    seen_any = False
    for line in iter_lines(stream, options.max_bytes, cursor):
        where = Where(path, line.number - 1, f"line {line.number}")
        if line.oversize:
            yield where.error(too_big(options, line.size))
            seen_any = True
            continue
        if not line.data.strip():
            continue
        seen_any = True
        try:
            text, warning = decoder.decode(line.data)
        except UndecodableError as exc:
            yield where.error(str(exc))
            continue
        if warning:
            yield where.error(warning, "warning")
        yield from guarded(_line_items(text, where, options), where)
    if not seen_any:
        yield IngestError(path, "empty file")


def _line_items(text: str, where: Where, options: ReaderOptions) -> Iterator[Item]:
    """The article on one JSON line, or why there is none."""
    try:
        value = json.loads(text.strip())
    except json.JSONDecodeError as exc:
        yield where.error(f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    if not isinstance(value, dict):
        yield where.error(f"expected a JSON object, found {_json_type(value)}")
        return
    yield from article_from_record(value, where, options)


def read_json(
    stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """Articles of a JSON document: an object, a list of objects, or {"articles": [...]}."""
    data = read_limited(stream, options)
    if data is None:
        yield IngestError(path, too_big(options) + "; convert it to JSON lines")
        return
    text, problem = decode_or_report(data, Where(path))
    if problem:
        yield problem
    if text is None:
        return
    if not text.strip():
        yield IngestError(path, "empty file")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from read_jsonl(io.BytesIO(data), path, options, cursor)
            return
        reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
        yield IngestError(path, reason, f"line {exc.lineno}")
        return
    yield from _document_items(value, path, options, cursor)


def _document_items(
    value: Any, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """Dispatch on the shape of a parsed JSON document."""
    if isinstance(value, dict) and first_text(value, options.text_fields) is None:
        articles = value.get("articles")
        if isinstance(articles, list):
            value = articles
    if isinstance(value, dict):
        yield from article_from_record(value, Where(path), options)
        return
    if not isinstance(value, list):
        yield IngestError(path, f"expected a JSON object or list, found {_json_type(value)}")
        return
    if not value:
        yield IngestError(path, "no articles in JSON document")
    for index, element in enumerate(value):
        where = Where(path, index, f"record {index}")
        cursor.position = where.position
        if isinstance(element, dict):
            yield from article_from_record(element, where, options)
        else:
            yield where.error(f"expected a JSON object, found {_json_type(element)}")


def _json_type(value: Any) -> str:
    """JSON's own name for the type of a parsed value, for error messages."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
