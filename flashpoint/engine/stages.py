"""Stage functions every engine runs in the same way, so local and Dask runs store the
same records: raw article → Article, Articles → NLP tasks, NLP results → table rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from flashpoint.ingest import IngestError, RawArticle
from flashpoint.ingest.lang import guess_lang
from flashpoint.nlp.batch import NlpTask
from flashpoint.nlp.extract import Row
from flashpoint.records import Article, make_article_id

#: What ``annotate_safely`` returns per task: table rows, or the reason it failed.
NlpResult = dict[str, list[Row]] | str


def make_article(raw: RawArticle) -> Article:
    """The stored form of a raw article: its id from the normalised text, its language."""
    return Article(
        article_id=make_article_id(raw.text),
        text=raw.text,
        url=raw.url,
        outlet=raw.outlet,
        title=raw.title,
        published=raw.published,
        lang=raw.lang or guess_lang(raw.text),
        source_path=raw.source_path,
    )


def nlp_tasks(articles: Iterable[Article]) -> list[NlpTask]:
    """NLP work for the English (or undetermined) articles; others are stored unparsed."""
    return [NlpTask(a.article_id, a.text, a.published) for a in articles if a.lang in (None, "en")]


def collect_results(
    tasks: Sequence[NlpTask], results: Sequence[NlpResult]
) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Rows per table of the articles the pipeline processed, and the reason for each
    article it failed on (those are left out whole, so a later run retries them)."""
    tables: dict[str, list[Row]] = {}
    failed: dict[str, str] = {}
    for task, result in zip(tasks, results, strict=True):
        if isinstance(result, str):
            failed[task.article_id] = result
            continue
        for table, rows in result.items():
            tables.setdefault(table, []).extend(rows)
    return tables, failed


def error_row(error: IngestError, at: datetime) -> Row:
    """An ``ingest_errors`` row."""
    return {
        "source_path": error.source_path,
        "position": error.position or "",
        "reason": error.reason,
        "severity": error.severity,
        "recorded_at": at,
    }
