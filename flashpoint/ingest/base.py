"""What every reader yields: a raw article or an error naming the input and the reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from a source, before normalisation, dedup and NLP."""

    text: str
    source_path: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class IngestError:
    """A bad input: where it is (file, and line/record when known) and why it was skipped."""

    source_path: str
    reason: str
    position: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.source_path}:{self.position}" if self.position else self.source_path
        return f"{self.severity}: {where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """Field names and limits shared by all readers; users override them from the CLI."""

    text_fields: tuple[str, ...] = ("text", "body", "content", "article", "maintext")
    title_fields: tuple[str, ...] = ("title", "headline")
    url_fields: tuple[str, ...] = ("url", "link", "uri")
    date_fields: tuple[str, ...] = ("date", "published", "publishedAt", "published_at", "pubdate")
    outlet_fields: tuple[str, ...] = ("source", "outlet", "publisher", "site", "domain")
    lang_fields: tuple[str, ...] = ("lang", "language")
    max_bytes: int = 20_000_000  # one document's raw size (a file, a JSONL line, a WARC record)
    max_chars: int = 1_000_000  # one article's text; spaCy's own limit
    extra: dict[str, str] = field(default_factory=dict)


Item = RawArticle | IngestError
