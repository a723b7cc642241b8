"""Web archives (WARC, gzipped WARC, ARC), read record by record with warcio.

Only successful HTML responses and plain-text resource/conversion records can hold an
article; requests, metadata, images, scripts and redirects are skipped without comment since
every crawl is full of them. The capture date (WARC-Date) stands in for a publication date
only when the page gives none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator, WARCIterator

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import (
    Cursor,
    Where,
    decode_or_report,
    describe_exception,
    guarded,
    too_big,
)
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.html import html_article
from flashpoint.ingest.text import text_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
_ACCEPTED = (*_HTML_TYPES, "text/plain")


def read_warc(
    stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """Articles of every usable record; records before a truncation are still yielded."""
    records = _iterator(stream, path)
    index = 0
    while True:
        cursor.position = f"record {index}"
        try:
            record = next(records, None)
        except Exception as exc:  # warcio fails in many ways on broken input; all mean the same
            reason = f"malformed or truncated WARC record ({describe_exception(exc)})"
            yield IngestError(path, reason, _position(index, records))
            return
        if record is None:
            break
        where = Where(path, index, _position(index, records))
        yield from guarded(_record_items(record, where, options), where)
        index += 1
    if index == 0:
        yield IngestError(path, "no records in WARC file")


def _position(index: int, records: Any) -> str:
    """Record number and its byte offset (in the file, compressed); warcio knows the offset
    of a record once it has started parsing it."""
    return f"record {index} (byte {records.offset})"


def _iterator(stream: BinaryIO, path: str) -> Any:
    """A record iterator: ARC (converted to WARC records) only for files named .arc, since
    warcio would otherwise take any line of text for an ARC header."""
    name = path.lower().removesuffix(".gz")
    if name.endswith(".arc"):
        return ArchiveIterator(stream, arc2warc=True)
    return WARCIterator(stream)


def _record_items(record: Any, where: Where, options: ReaderOptions) -> Iterator[Item]:
    """The article in one record, if it is a page or a text document."""
    length = _content_length(record)
    if record.rec_type is None or length is None:
        yield where.error(
            "malformed or truncated WARC record: no WARC-Type or no valid Content-Length"
        )
        return
    content_type = _content_type(record)
    if content_type is not None and length > options.max_bytes:
        yield where.error(too_big(options, length))
        content_type = None
    data = record.content_stream().read(options.max_bytes + 1) if content_type else b""
    missing = _missing_bytes(record)
    if missing:
        yield where.error(f"truncated WARC record: {missing} of its {length} bytes are missing")
        return
    if content_type is None:
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = parse_date(record.rec_headers.get_header("WARC-Date"))
    media_type, charset = _split_content_type(content_type)
    if media_type in _HTML_TYPES:
        yield from html_article(
            data, where, options, url=url, charset=charset, fallback_date=captured
        )
        return
    text, problem = decode_or_report(data, where, charset)
    if problem:
        yield problem
    if text is not None:
        yield from text_article(text, where, options, url=url, fallback_date=captured)


def _content_length(record: Any) -> int | None:
    """The record's declared length, or None when absent or not a number."""
    try:
        return int(record.rec_headers.get_header("Content-Length"))
    except (TypeError, ValueError):
        return None


def _missing_bytes(record: Any) -> int:
    """Read the record to its end; the bytes its Content-Length promised but the file lacks."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return max(getattr(stream, "limit", 0), 0)


def _content_type(record: Any) -> str | None:
    """The content type of a record that may hold an article, else None."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not str(headers.get_statuscode()).startswith("2"):
            return None
    elif record.rec_type in ("resource", "conversion"):
        headers = record.rec_headers
    else:
        return None
    content_type = headers.get_header("Content-Type") or ""
    return content_type if _split_content_type(content_type)[0] in _ACCEPTED else None


def _split_content_type(content_type: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    media_type, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset
