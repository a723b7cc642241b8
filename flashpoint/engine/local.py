"""The local engine: read → dedup → NLP (in-process or a process pool) → DuckDB, batch by batch.

Crash safety comes from the order of work: a batch's articles, annotations, signatures
and errors are written in one transaction, and everything a restarted run needs
(which ids exist, the near-duplicate index) is rebuilt from committed rows.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from flashpoint.cluster import ClusterConfig, ClusterSummary, update_clusters
from flashpoint.engine.stages import (
    NlpResult,
    collect_results,
    error_row,
    make_article,
    nlp_tasks,
)
from flashpoint.ingest import IngestError, RawArticle, ReaderOptions, expand_sources, read_source
from flashpoint.ingest.dedup import NearDuplicateIndex, signature
from flashpoint.nlp.batch import NlpTask, annotate_safely, warm_up
from flashpoint.nlp.model import PipelineSpec
from flashpoint.records import Article
from flashpoint.store import DEFAULT_DB, Store

ErrorHook = Callable[[IngestError], None]


def print_error(error: IngestError) -> None:
    """Default error hook: one line on stderr naming the input and the reason."""
    tqdm.write(str(error), file=sys.stderr)


@dataclass
class RunSummary:
    """What a run did; ``failed`` decides the CLI's exit code."""

    articles_read: int = 0
    articles_added: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    not_english: int = 0
    errors: int = 0
    warnings: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    clusters: ClusterSummary = field(default_factory=ClusterSummary)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.errors > 0

    @property
    def articles_per_second(self) -> float:
        return self.articles_added / self.seconds if self.seconds else 0.0


@dataclass
class _Batch:
    articles: list[Article] = field(default_factory=list)
    signatures: list[bytes] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


@dataclass
class RunConfig:
    """Knobs of a run; the CLI fills them from its options."""

    db: str | Path = DEFAULT_DB
    workers: int = 1
    batch_size: int = 64
    options: ReaderOptions = field(default_factory=ReaderOptions)
    pipeline: PipelineSpec = field(default_factory=PipelineSpec)
    near_duplicate_threshold: float = 0.7
    progress: bool | None = None
    on_error: ErrorHook = print_error
    #: Story clustering after the articles are stored; None leaves events unclustered.
    cluster: ClusterConfig | None = field(default_factory=ClusterConfig)


class LocalRun:
    """One run over some inputs into one store."""

    def __init__(self, config: RunConfig) -> None:
        self.config = config
        self.summary = RunSummary()
        self.store = Store(config.db)
        self.index = NearDuplicateIndex(config.near_duplicate_threshold)
        self.index.extend(self.store.signatures())
        self.seq = self.store.next_seq()
        self.seen: set[str] = set()
        self.started = time.perf_counter()

    def run(self, specs: Sequence[str]) -> RunSummary:
        self.started = time.perf_counter()
        try:
            executor = self._executor()
            try:
                self._drive(self._batches(specs), executor)
            finally:
                if executor:
                    executor.shutdown(cancel_futures=True)
            if self.config.cluster is not None:
                self.summary.clusters = update_clusters(self.store, self.config.cluster)
        finally:
            self.summary.seconds = time.perf_counter() - self.started
            self.summary.rows = self.store.counts()
            self.store.close()
        return self.summary

    def _executor(self) -> Executor | None:
        if self.config.workers <= 1:
            return None
        return ProcessPoolExecutor(
            max_workers=self.config.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=warm_up,
            initargs=(self.config.pipeline,),
        )

    def _batches(self, specs: Sequence[str]) -> Iterator[_Batch]:
        """Read every source, yielding batches of new, deduplicated articles."""
        sources, missing = expand_sources(specs)
        batch = _Batch(errors=list(missing))
        for error in missing:
            self._report(error)
        total = sum(source.size for source in sources)
        with tqdm(
            total=total, unit="B", unit_scale=True, desc="flashpoint", disable=self._no_progress()
        ) as bar:
            for source in sources:
                for item in read_source(source, self.config.options, bar.update):
                    if isinstance(item, IngestError):
                        self._report(item)
                        batch.errors.append(item)
                    else:
                        self._accept(item, batch)
                    if len(batch.articles) >= self.config.batch_size:
                        yield self._dedup_against_store(batch)
                        batch = _Batch()
                    bar.set_postfix_str(self._rate(), refresh=False)
            yield self._dedup_against_store(batch)

    def _no_progress(self) -> bool | None:
        return None if self.config.progress is None else not self.config.progress

    def _rate(self) -> str:
        """Articles read and their rate, shown beside the byte-based bar and ETA."""
        seconds = time.perf_counter() - self.started
        return (
            f"{self.summary.articles_read} articles, {self.summary.articles_read / seconds:.1f}/s"
        )

    def _report(self, error: IngestError) -> None:
        if error.severity == "error":
            self.summary.errors += 1
        else:
            self.summary.warnings += 1
        self.config.on_error(error)

    def _accept(self, raw: RawArticle, batch: _Batch) -> None:
        """Queue an article unless this run has it already (readers enforce the limits)."""
        self.summary.articles_read += 1
        article = make_article(raw)
        if article.article_id in self.seen:
            self.summary.exact_duplicates += 1
            return
        self.seen.add(article.article_id)
        batch.articles.append(article)

    def _reject(self, batch: _Batch, source_path: str, reason: str) -> None:
        error = IngestError(source_path, reason)
        self._report(error)
        batch.errors.append(error)

    def _dedup_against_store(self, batch: _Batch) -> _Batch:
        """Drop articles already stored; mark near-duplicates in reading order."""
        stored = self.store.existing_article_ids([a.article_id for a in batch.articles])
        self.summary.exact_duplicates += len(stored)
        batch.articles = [a for a in batch.articles if a.article_id not in stored]
        for article in batch.articles:
            hashvalues = signature(article.text)
            article.duplicate_of = self.index.find(hashvalues)
            self.summary.near_duplicates += article.duplicate_of is not None
            self.index.add(article.article_id, hashvalues, article.duplicate_of)
            batch.signatures.append(hashvalues.tobytes())
        return batch

    def _drive(self, batches: Iterable[_Batch], executor: Executor | None) -> None:
        """Annotate and write batches in reading order, keeping the workers busy."""
        in_flight: deque[tuple[_Batch, list[NlpTask], Future[Any]]] = deque()
        limit = 2 * self.config.workers
        for batch in batches:
            tasks = nlp_tasks(batch.articles)
            if executor is None:
                self._write(batch, tasks, annotate_safely(tasks, self.config.pipeline))
                continue
            future = executor.submit(annotate_safely, tasks, self.config.pipeline)
            in_flight.append((batch, tasks, future))
            if len(in_flight) >= limit:
                self._finish(*in_flight.popleft())
        while in_flight:
            self._finish(*in_flight.popleft())

    def _finish(self, batch: _Batch, tasks: list[NlpTask], future: Future[Any]) -> None:
        self._write(batch, tasks, future.result())

    def _write(self, batch: _Batch, tasks: list[NlpTask], results: Sequence[NlpResult]) -> None:
        """Commit one batch whole: articles, annotations, signatures and errors.

        An article the NLP stage failed on is recorded as an error and left out, so a
        later run with a fixed pipeline picks it up again.
        """
        now = datetime.now()
        tables, failed = collect_results(tasks, results)
        paths = {a.article_id: a.source_path or "" for a in batch.articles}
        for article_id, reason in failed.items():
            self._reject(batch, paths[article_id], reason)
        kept = [
            (a, sig)
            for a, sig in zip(batch.articles, batch.signatures, strict=True)
            if a.article_id not in failed
        ]
        tables["articles"] = [{**a.to_dict(), "ingested_at": now} for a, _ in kept]
        tables["minhashes"] = [
            {"seq": self.seq + i, "article_id": a.article_id, "signature": sig}
            for i, (a, sig) in enumerate(kept)
        ]
        tables["ingest_errors"] = [error_row(e, now) for e in batch.errors]
        self.store.write_batch(tables)
        self.seq += len(kept)
        self.summary.articles_added += len(kept)
        self.summary.not_english += sum(a.lang not in (None, "en") for a, _ in kept)


def run(specs: Sequence[str], config: RunConfig | None = None) -> RunSummary:
    """Ingest, annotate and store everything under ``specs``; see ``RunConfig``."""
    return LocalRun(config or RunConfig()).run(specs)
