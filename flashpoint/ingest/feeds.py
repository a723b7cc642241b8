"""RSS and Atom feeds, from a file or fetched over http(s), parsed with feedparser.

Each entry is an article: its full content (content:encoded, Atom content) when the feed has
it, else its summary, flattened from HTML to text. The feed's own title names the outlet.
feedparser tolerates broken XML ("bozo"): with entries, the entries are kept and a warning is
given; without any, the feed is an error.
"""

from __future__ import annotations

import http.client
import io
import re
import urllib.request
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import feedparser

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import (
    Cursor,
    Where,
    describe_exception,
    guarded,
    make_article,
    read_limited,
    too_big,
)
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.html import fragment_to_text

FETCH_TIMEOUT = 30  # seconds; feedparser's own fetching has no timeout and can hang a run
_USER_AGENT = "flashpoint/0.1 (+feed reader)"
_TAG = re.compile(r"<[A-Za-z!/]")


def read_feed(
    stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """Entries of a feed file."""
    data = read_limited(stream, options)
    if data is None:
        yield IngestError(path, too_big(options))
        return
    if not data.strip():
        yield IngestError(path, "empty file")
        return
    yield from feed_items(data, path, options, cursor)


def read_feed_url(url: str, options: ReaderOptions, cursor: Cursor) -> Iterator[Item]:
    """Entries of a feed fetched over http(s); a failed fetch is an error, not a crash."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = read_limited(response, options)
            content_type = response.headers.get("Content-Type")
    except (OSError, ValueError, http.client.HTTPException) as exc:
        yield IngestError(url, f"cannot fetch feed: {describe_exception(exc)}")
        return
    if data is None:
        yield IngestError(url, too_big(options))
        return
    yield from feed_items(data, url, options, cursor, content_type)


def feed_items(
    data: bytes,
    path: str,
    options: ReaderOptions,
    cursor: Cursor,
    content_type: str | None = None,
) -> Iterator[Item]:
    """Articles of a parsed feed, one per entry."""
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries = parsed.entries
    problem = describe_exception(parsed.bozo_exception) if parsed.bozo else None
    if not entries:
        reason = f"not a valid RSS/Atom feed: {problem}" if problem else "feed has no entries"
        yield IngestError(path, reason)
        return
    if problem:
        yield IngestError(path, f"malformed feed, entries read anyway: {problem}", None, "warning")
    outlet = parsed.feed.get("title")
    lang = parsed.feed.get("language")
    for index, entry in enumerate(entries):
        where = Where(path, index, f"entry {index}")
        cursor.position = where.position
        yield from guarded(_entry_items(entry, where, options, outlet, lang), where)


def _entry_items(
    entry: Any, where: Where, options: ReaderOptions, outlet: str | None, lang: str | None
) -> Iterator[Item]:
    """The article in one entry."""
    text = _entry_text(entry)
    if not text:
        yield where.error("feed entry has no content or summary")
        return
    published, raw_date = _entry_date(entry)
    if raw_date and published is None:
        reason = f"unparseable date {raw_date[:60]!r} in feed entry; published left empty"
        yield where.error(reason, "warning")
    title = entry.get("title")
    yield make_article(
        text,
        where,
        options,
        title=_plain(title) if isinstance(title, str) else None,
        url=entry.get("link"),
        outlet=outlet,
        published=published,
        lang=lang,
    )


def _entry_text(entry: Any) -> str:
    """Full content if the feed carries it, else the summary, as plain text."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return _plain(value)
    summary = entry.get("summary")
    return _plain(summary) if isinstance(summary, str) else ""


def _plain(value: str) -> str:
    """Text as is, or flattened from HTML when it contains tags."""
    return fragment_to_text(value) if _TAG.search(value) else value.strip()


def _entry_date(entry: Any) -> tuple[date | None, str | None]:
    """(date, the raw date string): feedparser's parsed date first, then our own parser."""
    # dict.get: FeedParserDict.get maps "published" to "updated" with a DeprecationWarning
    for key in ("published", "updated"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), dict.get(entry, key)
    for key in ("published", "updated"):
        raw = dict.get(entry, key)
        if isinstance(raw, str) and raw.strip():
            return parse_date(raw), raw
    return None, None
