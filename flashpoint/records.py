"""The Article record and its identity: names exactly as in DESIGN.md."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Case- and whitespace-insensitive NFKC form: the same story re-encoded or re-wrapped
    by another outlet's CMS must hash to the same id."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def make_article_id(text: str) -> str:
    """Stable id from the normalised text, so exact duplicates collapse to one row."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class Article:
    """One stored article. ``duplicate_of`` points to the first near-identical article."""

    article_id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    lang: str | None = None
    source_path: str | None = None
    ingested_at: datetime | None = None
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with DESIGN.md field names, for bulk inserts and exports."""
        return asdict(self)
