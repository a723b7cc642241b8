"""CSV and TSV tables: a header row naming the fields, then one article per row, streamed.

Lines are decoded one at a time, so a table with a few non-UTF-8 or oversized lines still
yields its other rows; the csv module reassembles quoted fields that span lines.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import Cursor, Where, guarded, iter_lines, too_big
from flashpoint.ingest.decode import LineDecoder, UndecodableError
from flashpoint.ingest.records import article_from_record

if TYPE_CHECKING:
    from _csv import Reader

_SNIFF_LINES = 50
_SNIFF_CHARS = 1 << 16  # the sniffer's regexes are slow on long samples
_DELIMITERS = ",;\t|"
_MAX_FIELD = 2**31 - 1  # the csv module stores its limit in a C long


def read_csv(stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor) -> Iterator[Item]:
    """Rows of a CSV file, whose delimiter (comma, semicolon, tab, pipe) is sniffed."""
    yield from _read_table(stream, path, options, cursor, delimiter=None)


def read_tsv(stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor) -> Iterator[Item]:
    """Rows of a tab-separated file."""
    yield from _read_table(stream, path, options, cursor, delimiter="\t")


def _read_table(
    stream: BinaryIO,
    path: str,
    options: ReaderOptions,
    cursor: Cursor,
    delimiter: str | None,
) -> Iterator[Item]:
    """Header, then one record per row; line problems are reported as they are met."""
    csv.field_size_limit(min(options.max_bytes, _MAX_FIELD))  # a field is at most a document
    problems: list[IngestError] = []
    lines = _decoded_lines(stream, path, options, cursor, problems)
    head = list(itertools.islice(lines, _SNIFF_LINES))
    reader = csv.reader(itertools.chain(head, lines), delimiter=delimiter or _sniff(head))
    header = _header(reader)
    yield from problems
    problems.clear()
    if header is None:
        yield IngestError(path, "empty file")
        return
    columns = {name.casefold() for name in header}
    if not any(name.casefold() in columns for name in options.text_fields):
        yield _missing_text_column(path, header, options)
        return
    rows = 0
    for row in _rows(reader, path, problems):
        yield from problems
        problems.clear()
        where = Where(path, rows, f"line {reader.line_num}")
        record = dict(zip(header, row, strict=False))
        yield from guarded(article_from_record(record, where, options), where)
        rows += 1
    if rows == 0 and not problems:
        problems.append(IngestError(path, "no rows after the header"))
    yield from problems


def _decoded_lines(
    stream: BinaryIO,
    path: str,
    options: ReaderOptions,
    cursor: Cursor,
    problems: list[IngestError],
) -> Iterator[str]:
    """Decoded lines for the csv module; a line that cannot be used becomes an empty line
    (keeping line numbers right) and a problem for the caller to report."""
    decoder = LineDecoder()
    for line in iter_lines(stream, options.max_bytes, cursor):
        position = f"line {line.number}"
        if line.oversize:
            problems.append(IngestError(path, too_big(options, line.size), position))
            yield "\n"
            continue
        try:
            text, warning = decoder.decode(line.data)
        except UndecodableError as exc:
            problems.append(IngestError(path, str(exc), position))
            yield "\n"
            continue
        if warning:
            problems.append(IngestError(path, warning, position, "warning"))
        yield from _split_lines(text)


def _split_lines(text: str) -> Iterator[str]:
    """A decoded line split at the newlines that decoding made out of lone carriage returns
    (old Mac files), which the csv module would reject inside one string."""
    *whole, last = text.split("\n")
    for piece in whole:
        yield piece + "\n"
    if last:
        yield last


def _sniff(head: list[str]) -> str:
    """The delimiter the first lines use; a comma when the sniffer cannot tell."""
    try:
        sample = "".join(head)[:_SNIFF_CHARS]
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _header(reader: Reader) -> list[str] | None:
    """The first non-blank row, with names stripped; None for an empty table."""
    for row in reader:
        if any(cell.strip() for cell in row):
            return [cell.strip() for cell in row]
    return None


def _rows(reader: Reader, path: str, problems: list[IngestError]) -> Iterator[list[str]]:
    """Non-blank data rows, up to a row the csv module rejects: after a broken quoted field
    there is no telling where rows start, and guessing would invent articles."""
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield row
    except csv.Error as exc:
        reason = f"bad CSV row: {exc}; the rest of the file is skipped"
        problems.append(IngestError(path, reason, f"line {reader.line_num}"))


def _missing_text_column(path: str, header: list[str], options: ReaderOptions) -> IngestError:
    """The error for a table none of whose columns holds the article text."""
    tried = ", ".join(options.text_fields)
    columns = ", ".join(header)
    return IngestError(path, f"no text column; tried {tried}; columns are: {columns}")
