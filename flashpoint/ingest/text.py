"""Plain-text articles: one file is one article, optionally headed by its date.

The header is ``" date 2022-02-15 "`` (the leading space is optional) and the article text
starts right after it, on the same line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import (
    Cursor,
    Where,
    decode_or_report,
    make_article,
    read_limited,
    too_big,
)
from flashpoint.ingest.dates import parse_date

_HEADER = re.compile(r" ?date (\d{4}-\d{2}-\d{2})[ \n]")


def read_text(
    stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """The one article of a plain-text file."""
    data = read_limited(stream, options)
    if data is None:
        yield IngestError(path, too_big(options))
        return
    text, problem = decode_or_report(data, Where(path))
    if problem:
        yield problem
    if text is None:
        return
    if not text.strip():
        yield IngestError(path, "empty file")
        return
    yield from text_article(text, Where(path), options)


def text_article(
    text: str,
    where: Where,
    options: ReaderOptions,
    *,
    url: str | None = None,
    fallback_date: date | None = None,
) -> Iterator[Item]:
    """An article from plain text, taking its date from the header when there is one."""
    header_date, body = split_header(text)
    published = parse_date(header_date) if header_date else None
    if header_date and published is None:
        yield where.error(f"invalid date {header_date!r} in the date header", "warning")
    yield make_article(
        body,
        where,
        options,
        url=url,
        published=published or fallback_date,
    )


def split_header(text: str) -> tuple[str | None, str]:
    """(date string, text after the header), or (None, text) when there is no header."""
    match = _HEADER.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end() :]
