"""Shared fixtures: small project-written corpora and the optional ../shared folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from corpus_helpers import ARTICLES
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.model import PipelineSpec, build_pipeline
from flashpoint.records import Article, make_article_id
from flashpoint.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip in a user's clone."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (gold data and seed live outside the project repo)")
    return SHARED


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two txt files with date headers and a JSONL file holding one more article."""
    root = tmp_path / "corpus"
    root.mkdir()
    for i, (day, text) in enumerate(ARTICLES[:2]):
        (root / f"{i:03d}.txt").write_text(f" date {day} {text}\n", encoding="utf-8")
    day, text = ARTICLES[2]
    record = {"title": "Hotline agreed", "text": text, "published": day, "source": "Test Wire"}
    (root / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The actors, quotes and claims stages on the base model, loaded once per session
    (test folders with other needs define their own ``nlp``)."""
    components = ("flashpoint_actor_ruler", "flashpoint_actors")
    return build_pipeline(PipelineSpec((*components, "flashpoint_quotes", "flashpoint_claims")))


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., Doc]:
    """``parse(text, published)`` -> the processed Doc."""

    def run(text: str, published: date | None = date(2025, 3, 10)) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)

    return run


@pytest.fixture
def store_rows(tmp_path: Path, parse: Callable[..., Doc]) -> Callable[..., Store]:
    """``store_rows(articles, table, extractor)``: parse each (day, text), write the
    article and the extractor's rows for ``table`` to a fresh store, as the engine would."""

    def build(
        articles: list[tuple[str, str]], table: str, extractor: Callable[[Doc], list[dict]]
    ) -> Store:
        store = Store(tmp_path / f"{table}.duckdb")
        for day, text in articles:
            published = date.fromisoformat(day)
            article = Article(
                make_article_id(text), text, published=published, ingested_at=datetime.now()
            )
            rows = [
                {**row, "article_id": article.article_id}
                for row in extractor(parse(text, published))
            ]
            store.write_batch({"articles": [article.to_dict()], table: rows})
        return store

    return build
