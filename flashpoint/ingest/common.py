"""Helpers every reader shares: building a checked article, tracking where a reader is.

Positions follow one convention: ``line N`` is 1-based (as editors count), while ``record N``,
``entry N`` and the ``#N`` suffix of ``source_path`` are 0-based indices into a container.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from flashpoint.ingest.base import IngestError, Item, RawArticle, ReaderOptions, Severity
from flashpoint.ingest.decode import UndecodableError, decode, normalise_newlines


@dataclass(slots=True)
class Cursor:
    """Where a reader is, so an unexpected exception can still be reported with a position."""

    position: str | None = None


def one_line(message: str) -> str:
    """Collapse a message to one line: `str(IngestError)` is exactly one stderr line."""
    return " ".join(message.split())


def describe_exception(exc: BaseException) -> str:
    """Type and message of an exception, as the reason of an IngestError."""
    message = one_line(str(exc))
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


@dataclass(frozen=True, slots=True)
class Where:
    """A document's place: its file, its 0-based index in a container, a readable position."""

    path: str
    index: int | None = None
    position: str | None = None

    @property
    def source_path(self) -> str:
        """`path`, plus `#index` for a record inside a multi-record container."""
        return self.path if self.index is None else f"{self.path}#{self.index}"

    def error(self, reason: str, severity: Severity = "error") -> IngestError:
        """An error (or warning) about this document, placed by file and position."""
        return IngestError(self.path, reason, self.position, severity)


def normalise_lang(value: str | None) -> str | None:
    """Primary language subtag in lower case ("en-US" -> "en"); None when absent."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary or None


def make_article(
    text: str,
    where: Where,
    options: ReaderOptions,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    lang: str | None = None,
) -> Item:
    """A RawArticle with stripped, LF-only text and tidy metadata, or the error that rules it
    out. Text from JSON escapes or HTML can hold CRs that decoding never saw."""
    text = normalise_newlines(text).strip()
    if not text:
        return where.error("empty text")
    if len(text) > options.max_chars:
        return where.error(f"text has {len(text)} characters, over max_chars ({options.max_chars})")
    return RawArticle(
        text=text,
        source_path=where.source_path,
        title=_clean(title),
        url=_clean(url),
        outlet=_clean(outlet),
        published=published,
        lang=normalise_lang(lang),
    )


def _clean(value: str | None) -> str | None:
    """Metadata with surrounding whitespace removed and blanks turned into None."""
    if value is None:
        return None
    value = one_line(value)
    return value or None


def too_big(options: ReaderOptions, size: int | None = None) -> str:
    """The reason given when one document is over `options.max_bytes`."""
    amount = f"{size} bytes" if size is not None else f"more than {options.max_bytes} bytes"
    return f"document is {amount}, over max_bytes ({options.max_bytes})"


def read_limited(stream: BinaryIO, options: ReaderOptions) -> bytes | None:
    """The whole stream, or None when it holds more than `max_bytes` (reading no further)."""
    data = stream.read(options.max_bytes + 1)
    return None if len(data) > options.max_bytes else data


_SKIP_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a line-based file; `size` alone is kept when the line is over the limit."""

    number: int  # 1-based
    data: bytes
    size: int
    oversize: bool


def iter_lines(stream: BinaryIO, limit: int, cursor: Cursor) -> Iterator[Line]:
    """Lines of `stream`, never holding more than `limit` bytes of one line in memory; the
    cursor names the line being read, where a truncated gzip stream would fail."""
    number = 0
    while True:
        cursor.position = f"line {number + 1}"
        data = stream.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) <= limit or data.endswith(b"\n"):
            yield Line(number, data, len(data), oversize=False)
            continue
        size = len(data) + _skip_rest_of_line(stream, max(limit, _SKIP_CHUNK))
        yield Line(number, b"", size, oversize=True)


def _skip_rest_of_line(stream: BinaryIO, chunk: int) -> int:
    """Consume the stream up to and including the next newline; return the bytes consumed."""
    skipped = 0
    while True:
        data = stream.readline(chunk)
        skipped += len(data)
        if not data or data.endswith(b"\n"):
            return skipped


def decode_or_report(
    data: bytes, where: Where, declared: str | None = None
) -> tuple[str | None, IngestError | None]:
    """Decoded text plus a warning when the encoding was guessed, or (None, error)."""
    try:
        decoded = decode(data, declared=declared)
    except UndecodableError as exc:
        return None, where.error(str(exc))
    warning = decoded.warning
    return decoded.text, where.error(warning, "warning") if warning else None


def guarded(items: Iterable[Item], where: Where) -> Iterator[Item]:
    """Items of one record (a lazy generator); an unexpected exception inside it becomes an
    error so that the rest of the file is still read."""
    try:
        yield from items
    except Exception as exc:  # a reader must never raise: report and move to the next record
        yield where.error(describe_exception(exc))
