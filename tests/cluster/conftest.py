"""Shared fixtures of the cluster tests: the fixture corpus run through the real pipeline,
once whole and once in two runs (the later articles second), each then clustered."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flashpoint.cluster import update_clusters
from flashpoint.engine import RunConfig, run
from flashpoint.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus.jsonl"
GOLD = FIXTURES / "gold.jsonl"
SPLIT_DAY = "2024-05-10"  # the first run holds the articles published up to this day


def ingest(paths: list[Path], db: Path) -> None:
    """Store the articles but leave clustering to the test (the engine would do it)."""
    summary = run([str(p) for p in paths], RunConfig(db=db, progress=False, cluster=None))
    assert summary.errors == 0


Ingest = Callable[[list[Path], Path], None]


@pytest.fixture(scope="session")
def clustered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The whole corpus in one run, clustered once."""
    db = tmp_path_factory.mktemp("clusters") / "whole.duckdb"
    ingest([CORPUS], db)
    with Store(db) as store:
        update_clusters(store)
        yield store


@pytest.fixture(scope="session")
def split_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The corpus as two files: articles published up to SPLIT_DAY, then the rest."""
    root = tmp_path_factory.mktemp("split")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    early = [line for line in lines if json.loads(line)["published"] <= SPLIT_DAY]
    late = [line for line in lines if json.loads(line)["published"] > SPLIT_DAY]
    (root / "early.jsonl").write_text("\n".join(early) + "\n", encoding="utf-8")
    (root / "late.jsonl").write_text("\n".join(late) + "\n", encoding="utf-8")
    return root / "early.jsonl", root / "late.jsonl"


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def ingest_into() -> Ingest:
    """``ingest_into([paths], db)``: a quiet run of the real pipeline."""
    return ingest
