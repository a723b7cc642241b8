"""Helpers for the reader tests: read specs and split what comes back by kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from flashpoint.ingest import IngestError, Item, RawArticle, ReaderOptions, read_sources


@dataclass
class Result:
    """Everything read from some specs, in order."""

    items: list[Item]

    @property
    def articles(self) -> list[RawArticle]:
        return [item for item in self.items if isinstance(item, RawArticle)]

    @property
    def errors(self) -> list[IngestError]:
        return [i for i in self.items if isinstance(i, IngestError) and i.severity == "error"]

    @property
    def warnings(self) -> list[IngestError]:
        return [i for i in self.items if isinstance(i, IngestError) and i.severity == "warning"]


Read = Callable[..., Result]


@pytest.fixture
def read() -> Read:
    """read(*specs, options=None) -> Result."""

    def _read(*specs: str | Path, options: ReaderOptions | None = None) -> Result:
        return Result(list(read_sources([str(spec) for spec in specs], options)))

    return _read
