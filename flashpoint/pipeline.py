"""The Python API: process one text in memory, or run over files into a store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.language import Language

from flashpoint.engine import RunConfig, RunSummary, run
from flashpoint.ingest.lang import guess_lang
from flashpoint.nlp.batch import NlpTask, annotate
from flashpoint.nlp.extract import Row
from flashpoint.nlp.model import DEFAULT_COMPONENTS, PipelineSpec, get_pipeline
from flashpoint.records import Article, make_article_id


@dataclass
class ProcessedArticle:
    """An article with every table's rows the pipeline produced for it."""

    article: Article
    tables: dict[str, list[Row]] = field(default_factory=dict)

    def __getattr__(self, table: str) -> list[Row]:
        """``result.sentences``, ``result.entities`` and later ``result.events``."""
        tables = self.__dict__.get("tables", {})
        if table in tables:
            return tables[table]
        raise AttributeError(table)

    def span_text(self, row: Row) -> str:
        """The article text a row's ``char_start``/``char_end`` points to."""
        return self.article.text[row["char_start"] : row["char_end"]]


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


class Pipeline:
    """flashpoint's NLP pipeline; loads the spaCy model once per process, on first use."""

    def __init__(
        self,
        components: Sequence[str] = DEFAULT_COMPONENTS,
        *,
        actor_files: Sequence[str] = (),
        lexicon_files: Sequence[str] = (),
    ) -> None:
        self.spec = PipelineSpec(tuple(components), tuple(actor_files), tuple(lexicon_files))

    @property
    def nlp(self) -> Language:
        """The underlying spaCy pipeline (shared by all Pipelines with the same components)."""
        return get_pipeline(self.spec)

    def process(
        self, text: str, published: date | str | None = None, **meta: Any
    ) -> ProcessedArticle:
        """Annotate one article in memory; ``meta`` may give url, outlet, title, lang."""
        text = text.strip()
        article = Article(
            article_id=make_article_id(text),
            text=text,
            published=_as_date(published),
            lang=meta.pop("lang", None) or guess_lang(text),
            **meta,
        )
        task = NlpTask(article.article_id, text, article.published)
        return ProcessedArticle(article, annotate([task], self.spec)[0])

    def run(self, paths: Sequence[str], config: RunConfig | None = None) -> RunSummary:
        """Ingest ``paths`` (files, folders, globs, '-') into the store of ``config``."""
        return run(paths, replace(config or RunConfig(), pipeline=self.spec))


def process_text(text: str, published: date | str | None = None, **meta: Any) -> ProcessedArticle:
    """Annotate one text with the default pipeline: ``flashpoint.process_text(t, "2022-02-15")``."""
    return Pipeline().process(text, published, **meta)
