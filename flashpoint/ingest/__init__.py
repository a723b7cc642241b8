"""Ingest: read articles from files, directories, globs, stdin and feeds.

>>> from flashpoint.ingest import read_sources
>>> for item in read_sources(["corpus/"]):  # doctest: +SKIP
...     print(item)

Every reader yields RawArticle or IngestError items and never raises; `str(error)` is the
one line to print to stderr.
"""

from flashpoint.ingest.base import IngestError, Item, RawArticle, ReaderOptions, Severity
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.sources import (
    NO_MATCH,
    STDIN,
    Kind,
    Progress,
    Source,
    expand_sources,
    kind_for,
    read_source,
    read_sources,
    sniff,
)

__all__ = [
    "NO_MATCH",
    "STDIN",
    "IngestError",
    "Item",
    "Kind",
    "Progress",
    "RawArticle",
    "ReaderOptions",
    "Severity",
    "Source",
    "expand_sources",
    "kind_for",
    "parse_date",
    "read_source",
    "read_sources",
    "sniff",
]
