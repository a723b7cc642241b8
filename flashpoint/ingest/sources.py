"""From command-line specs to readable sources, and from a source to its articles.

A spec is a file, a directory (read recursively in sorted order, hidden entries skipped), a
glob pattern, ``-`` for stdin, or an http(s) feed URL. The format comes from the extension
(``.gz`` is looked through) or, failing that, from the first bytes; gzip is recognised by its
magic number whatever the name. Each source carries its size on disk so a caller can show
progress by bytes.
"""

from __future__ import annotations

import glob
import gzip
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal, cast

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import Cursor, describe_exception, too_big
from flashpoint.ingest.feeds import read_feed, read_feed_url
from flashpoint.ingest.html import read_html
from flashpoint.ingest.jsonl import read_json, read_jsonl
from flashpoint.ingest.tabular import read_csv, read_tsv
from flashpoint.ingest.text import read_text
from flashpoint.ingest.warc import read_warc

Kind = Literal["text", "json", "jsonl", "csv", "tsv", "html", "warc", "feed", "auto"]
Reader = Callable[[BinaryIO, str, ReaderOptions, Cursor], Iterator[Item]]
Progress = Callable[[int], None]

STDIN = "-"
NO_MATCH = "no such file or no match"

READERS: dict[str, Reader] = {
    "text": read_text,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "tsv": read_tsv,
    "html": read_html,
    "warc": read_warc,
    "feed": read_feed,
}
_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".arc": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
# Formats read whole: a file over max_bytes is refused by its size before it is opened.
_DOCUMENTS = frozenset({"text", "json", "html", "feed"})
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096
_URL = re.compile(r"https?://", re.I)
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path, ``-`` for stdin, or a feed URL."""

    path: str
    kind: Kind
    size: int = 0  # bytes on disk, compressed size for gzip; 0 for stdin and URLs

    @property
    def is_stdin(self) -> bool:
        """True for standard input."""
        return self.path == STDIN

    @property
    def is_url(self) -> bool:
        """True for an http(s) feed."""
        return _URL.match(self.path) is not None


def expand_sources(specs: Iterable[str]) -> tuple[list[Source], list[IngestError]]:
    """Sources for the specs in order, each file once; plus an error per spec matching
    nothing."""
    sources: list[Source] = []
    missing: list[IngestError] = []
    seen: set[str] = set()
    for spec in specs:
        found = _expand(spec)
        if not found:
            missing.append(IngestError(spec, NO_MATCH))
        for source in found:
            key = source.path if source.is_stdin or source.is_url else os.path.realpath(source.path)
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources, missing


def read_sources(
    specs: Iterable[str], options: ReaderOptions | None = None, progress: Progress | None = None
) -> Iterator[Item]:
    """Every article and error from the specs: errors for unmatched specs first, then each
    source in turn. Never raises."""
    sources, missing = expand_sources(specs)
    yield from missing
    for source in sources:
        yield from read_source(source, options, progress)


def read_source(
    source: Source, options: ReaderOptions | None = None, progress: Progress | None = None
) -> Iterator[Item]:
    """Articles and errors of one source. Never raises: an unexpected exception ends the
    source with an error naming where the reader was. `progress`, if given, is called with
    the number of bytes of the file consumed since its last call (totalling `source.size`)."""
    cursor = Cursor()
    try:
        yield from _read(source, options or ReaderOptions(), cursor, progress)
    except Exception as exc:  # a reader must never raise; report and go on with the next source
        yield IngestError(source.path, _failure(exc), cursor.position)


def kind_for(path: str) -> Kind:
    """The format a file name announces, looking through .gz; "auto" when it says nothing."""
    name = os.path.basename(path).lower()
    for suffix in (".gz", ".gzip"):
        name = name.removesuffix(suffix)
    return _EXTENSIONS.get(os.path.splitext(name)[1], "auto")


def sniff(head: bytes) -> Kind:
    """The format of a document from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith(b"}") else "json"
    if start.startswith(b"["):
        return "json"
    if start.startswith((b"warc/1.", b"filedesc://")):
        return "warc"
    if start.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start or b"<!doctype html" in start else "feed"
    if start.startswith(b"<"):
        return "html"
    return "text"


def _expand(spec: str) -> list[Source]:
    """The sources one spec stands for; empty when it matches nothing."""
    if spec == STDIN:
        return [Source(STDIN, "auto")]
    if _URL.match(spec):
        return [Source(spec, "feed")]
    if os.path.exists(spec):
        return _sources_at(spec)
    if any(char in spec for char in "*?["):
        matches = sorted(glob.glob(spec, recursive=True))
        return [source for match in matches for source in _sources_at(match)]
    return []


def _sources_at(path: str) -> list[Source]:
    """The file at `path`, or every visible file under it if it is a directory."""
    if not os.path.isdir(path):
        return [Source(path, kind_for(path), _size(path))]
    return [Source(file, kind_for(file), _size(file)) for file in _walk(path)]


def _walk(directory: str) -> list[str]:
    """Files under `directory`, recursively, sorted, skipping hidden files and directories."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(os.path.join(root, name) for name in files if not name.startswith("."))
    return sorted(found)


def _size(path: str) -> int:
    """Size on disk; 0 when it cannot be read (the reader will then report why)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _read(
    source: Source, options: ReaderOptions, cursor: Cursor, progress: Progress | None
) -> Iterator[Item]:
    """Open the source and hand its bytes to the reader for its format."""
    if source.is_url:
        yield from read_feed_url(source.path, options, cursor)
        return
    if source.is_stdin:
        yield from _read_stream(sys.stdin.buffer, source.path, "auto", options, cursor, None)
        return
    size = os.path.getsize(source.path)
    if size == 0:
        yield IngestError(source.path, "empty file")
        return
    with open(source.path, "rb") as raw:
        items = _read_stream(raw, source.path, source.kind, options, cursor, size)
        yield from _tracked(items, raw, size, progress) if progress else items


def _read_stream(
    raw: BinaryIO,
    path: str,
    kind: Kind,
    options: ReaderOptions,
    cursor: Cursor,
    size: int | None,
) -> Iterator[Item]:
    """Undo gzip, settle the format, refuse an oversized document, and read."""
    gzipped = _peek(raw, len(_GZIP_MAGIC)).startswith(_GZIP_MAGIC)
    stream = cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb")) if gzipped else raw
    if kind == "auto":
        kind = sniff(_peek(stream, _SNIFF_BYTES))
    if kind == "warc":
        stream = raw  # warcio undoes per-record gzip itself and reports record offsets
    elif kind in _DOCUMENTS and not gzipped and size is not None and size > options.max_bytes:
        yield IngestError(path, too_big(options, size))
        return
    yield from READERS[kind](stream, path, options, cursor)


def _tracked(items: Iterator[Item], raw: BinaryIO, size: int, progress: Progress) -> Iterator[Item]:
    """Pass items through, reporting the bytes of the file consumed after each."""
    done = 0
    try:
        for item in items:
            position = raw.tell()
            if position > done:
                progress(position - done)
                done = position
            yield item
    finally:
        if size > done:
            progress(size - done)


def _peek(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` leading bytes of the stream, without consuming them."""
    peek = getattr(stream, "peek", None)
    return peek(size)[:size] if peek else b""


def _failure(exc: Exception) -> str:
    """The reason for an exception that ended a source."""
    if isinstance(exc, _GZIP_ERRORS):
        return f"truncated or corrupt gzip data ({describe_exception(exc)})"
    return describe_exception(exc)
