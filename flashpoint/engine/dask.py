"""The Dask engine: the local run's ingest → nlp → coding stages as one Dask task per
partition of the input files, each writing its rows to Parquet (see ``parquet``).

Exact deduplication across partitions and near-duplicate marking happen when the output
is loaded (``parquet.load_dataset``), from the articles' reading order and stored MinHash
signatures: workers never need to see each other's articles, and the loaded store is the
one a local run over the same inputs writes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster, as_completed
from tqdm import tqdm

from flashpoint.engine.local import RunConfig
from flashpoint.engine.parquet import INPUTS, Manifest, write_partition
from flashpoint.engine.stages import collect_results, error_row, make_article, nlp_tasks
from flashpoint.errors import Errors, FlashpointError
from flashpoint.ingest import IngestError, ReaderOptions, Source, expand_sources, read_source
from flashpoint.ingest.dedup import signature
from flashpoint.nlp.batch import annotate_safely
from flashpoint.nlp.model import PipelineSpec, get_pipeline
from flashpoint.records import Article

#: Dask's worker profiler switch (also an environment variable for workers started by hand:
#: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False).
PROFILER = "distributed.worker.profile.enabled"
#: The malloc trim threshold Dask's nanny sets for its workers (65536). It makes glibc give
#: freed memory back at once and stop raising its mmap threshold, so spaCy's per-batch arrays
#: are mapped and faulted in afresh; None leaves glibc's default (for workers started by
#: hand: DASK_DISTRIBUTED__NANNY__PRE_SPAWN_ENVIRON__MALLOC_TRIM_THRESHOLD_=None).
MALLOC_TRIM = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
#: Dask's periodic housekeeping (event-loop tick 20 ms, system monitor 500 ms, worker memory
#: monitor 100 ms) cost an idle 1-worker LocalCluster 10% of a core; these intervals, 2%.
HOUSEKEEPING = {
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}
#: How the engine's LocalCluster runs; each setting saves CPU time (bench/RESULTS.md).
CLUSTER_CONFIG: dict[str, Any] = {PROFILER: False, MALLOC_TRIM: None, **HOUSEKEEPING}
#: Auto partitioning: about this many input bytes per partition…
PARTITION_BYTES = 16_000_000
#: …but at least this many partitions (when there are as many files), to feed the workers.
MIN_PARTITIONS = 8


@dataclass
class DaskConfig(RunConfig):
    """A local run's knobs plus where the Parquet goes and which cluster runs the tasks.

    ``workers`` sizes the LocalCluster started when no ``scheduler`` is given."""

    out: str | Path = "flashpoint-out"
    scheduler: str | None = None
    #: Number of partitions (contiguous groups of input files); 0 = automatic.
    partitions: int = 0

    @classmethod
    def from_run(cls, config: RunConfig, **dask: Any) -> DaskConfig:
        """A local run's config with the Dask settings added."""
        return cls(**{f.name: getattr(config, f.name) for f in fields(RunConfig)}, **dask)


@dataclass(frozen=True)
class Partition:
    """A contiguous run of input files, read by one task; ``key`` names its output files."""

    key: str
    sources: tuple[Source, ...]

    def describe(self) -> dict[str, Any]:
        """The manifest's record of this partition (a changed input file changes it)."""
        return {"key": self.key, "sources": [[s.path, s.size] for s in self.sources]}


@dataclass
class PartitionResult:
    """What one task did, returned to the client (small: no rows)."""

    key: str
    articles_read: int = 0
    articles_written: int = 0
    exact_duplicates: int = 0
    not_english: int = 0
    errors: list[IngestError] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    #: The worker process and how many pipelines it had built so far (1 = loaded once).
    pid: int = 0
    pipeline_loads: int = 0

    def stats(self) -> dict[str, Any]:
        return {
            "articles_read": self.articles_read,
            "articles_written": self.articles_written,
            "exact_duplicates": self.exact_duplicates,
            "not_english": self.not_english,
            "errors": len(self.errors),
            "rows": self.rows,
        }


@dataclass
class DaskSummary:
    """What a Dask run did; rows are those written to Parquet, before loading."""

    out: str = ""
    partitions: int = 0
    skipped: int = 0
    articles_read: int = 0
    articles_written: int = 0
    exact_duplicates: int = 0
    not_english: int = 0
    errors: int = 0
    warnings: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.errors > 0

    def add(self, result: PartitionResult) -> None:
        self.articles_read += result.articles_read
        self.articles_written += result.articles_written
        self.exact_duplicates += result.exact_duplicates
        self.not_english += result.not_english
        for table, n in result.rows.items():
            self.rows[table] = self.rows.get(table, 0) + n


def plan_partitions(sources: Sequence[Source], count: int = 0) -> list[Partition]:
    """Split the sources, in reading order, into ``count`` contiguous groups of about equal
    bytes (0: automatic). Deterministic, so a re-run finds the same partitions."""
    if not sources:
        return []
    sizes = [max(s.size, 1) for s in sources]
    total = sum(sizes)
    if count <= 0:
        count = max(MIN_PARTITIONS, -(-total // PARTITION_BYTES))
    count = min(count, len(sources))
    groups: list[list[Source]] = [[] for _ in range(count)]
    before = 0
    for source, size in zip(sources, sizes, strict=True):
        groups[min(count - 1, (2 * before + size) * count // (2 * total))].append(source)
        before += size
    parts = [g for g in groups if g]
    return [Partition(_key(i, g), tuple(g)) for i, g in enumerate(parts)]


def _key(index: int, sources: Sequence[Source]) -> str:
    digest = hashlib.sha1(json.dumps([[s.path, s.size] for s in sources]).encode()).hexdigest()
    return f"{index:05d}-{digest[:10]}"


def process_partition(
    partition: Partition, out: str, options: ReaderOptions, spec: PipelineSpec
) -> PartitionResult:
    """The Dask task: read, dedup within the partition, annotate, write Parquet.

    The spaCy pipeline comes from ``get_pipeline``, cached per worker process, so a worker
    loads it once for all the partitions it runs."""
    result = PartitionResult(partition.key, pid=os.getpid())
    articles: list[Article] = []
    seen: set[str] = set()
    for source in partition.sources:
        for item in read_source(source, options):
            if isinstance(item, IngestError):
                result.errors.append(item)
                continue
            result.articles_read += 1
            article = make_article(item)
            if article.article_id in seen:
                result.exact_duplicates += 1
                continue
            seen.add(article.article_id)
            articles.append(article)
    tasks = nlp_tasks(articles)
    tables, failed = collect_results(tasks, annotate_safely(tasks, spec))
    result.pipeline_loads = get_pipeline.cache_info().misses
    paths = {a.article_id: a.source_path or "" for a in articles}
    result.errors += [IngestError(paths[i], reason) for i, reason in failed.items()]
    kept = [a for a in articles if a.article_id not in failed]
    now = datetime.now()
    tables["articles"] = [
        {**a.to_dict(), "ingested_at": now, "ordinal": i, "signature": signature(a.text).tobytes()}
        for i, a in enumerate(kept)
    ]
    tables["ingest_errors"] = [error_row(e, now) for e in result.errors]
    published = {a.article_id: a.published for a in kept}
    result.rows = write_partition(Path(out), partition.key, tables, published)
    result.articles_written = len(kept)
    result.not_english = sum(a.lang not in (None, "en") for a in kept)
    return result


@contextmanager
def connect(config: DaskConfig) -> Iterator[Client]:
    """A client of the given scheduler, or of a LocalCluster of single-threaded worker
    processes (spaCy releases little of the GIL, so processes, not threads, scale).

    The LocalCluster runs with ``CLUSTER_CONFIG``: without Dask's statistical profiler
    (sampling spaCy's deep stacks every 10 ms cost 60–80% more CPU), without the nanny's
    malloc trim threshold (~20% more worker CPU) and with slower housekeeping timers."""
    if config.scheduler:
        try:
            client = Client(config.scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise FlashpointError(Errors.E095.format(address=config.scheduler, reason=exc)) from exc
        with client:
            yield client
        return
    with (
        dask.config.set(CLUSTER_CONFIG),
        LocalCluster(
            n_workers=config.workers,
            processes=True,
            threads_per_worker=1,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def dashboard_line(client: Client) -> str:
    """Where to watch the tasks, or why there is nothing to watch."""
    if "dashboard" not in client.scheduler_info().get("services", {}):
        return "Dask dashboard: not served (install bokeh on the scheduler to get one)"
    return f"Dask dashboard: {client.dashboard_link}"


class DaskRun:
    """One run over some inputs into one output directory."""

    def __init__(self, config: DaskConfig) -> None:
        self.config = config
        self.out = Path(config.out)
        self.summary = DaskSummary(out=str(self.out))

    def run(self, specs: Sequence[str]) -> DaskSummary:
        started = time.perf_counter()
        sources, missing = expand_sources(specs)
        for source in sources:
            if source.is_stdin:
                raise FlashpointError(
                    Errors.E093.format(path="-", reason="save standard input to a file first")
                )
        plan = plan_partitions(sources, self.config.partitions)
        manifest = Manifest.start(self.out, [p.describe() for p in plan])
        self._record_missing(manifest, missing)
        todo = [p for p in plan if p.key not in manifest.done]
        self.summary.partitions = len(plan)
        self.summary.skipped = len(plan) - len(todo)
        if todo:
            self._compute(todo, manifest)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _record_missing(self, manifest: Manifest, missing: list[IngestError]) -> None:
        """Inputs that matched nothing are errors of the run, as in a local run."""
        for error in missing:
            self._report(error)
        if missing:
            rows = [error_row(e, datetime.now()) for e in missing]
            write_partition(self.out, INPUTS, {"ingest_errors": rows}, {})
            manifest.mark_done(INPUTS, {"errors": len(rows)})

    def _report(self, error: IngestError) -> None:
        if error.severity == "error":
            self.summary.errors += 1
        else:
            self.summary.warnings += 1
        self.config.on_error(error)

    def _compute(self, todo: list[Partition], manifest: Manifest) -> None:
        """Submit the partitions and record each finished one in the manifest at once, so
        a killed client resumes from there. A worker dying mid-task makes the scheduler
        run the task again elsewhere; its files are rewritten under the same names."""
        failures = []
        with connect(self.config) as client:
            print(dashboard_line(client), file=sys.stderr)
            futures = client.map(
                process_partition,
                todo,
                out=str(self.out.resolve()),
                options=self.config.options,
                spec=self.config.pipeline,
                key=[f"flashpoint-partition-{p.key}" for p in todo],
                retries=1,
            )
            with tqdm(
                total=self.summary.partitions,
                initial=self.summary.skipped,
                unit="partition",
                desc="flashpoint",
                disable=None if self.config.progress is None else not self.config.progress,
            ) as bar:
                for future in as_completed(futures):
                    try:
                        result: PartitionResult = future.result()
                    except Exception as exc:  # reported with the partition, retried next run
                        failures.append(f"{future.key}: {type(exc).__name__}: {exc}")
                        continue
                    finally:
                        bar.update()
                    manifest.mark_done(result.key, result.stats())
                    self.summary.add(result)
                    for error in result.errors:
                        self._report(error)
        if failures:
            raise FlashpointError(
                Errors.E094.format(count=len(failures), details="; ".join(failures))
            )


def run_dask(specs: Sequence[str], config: DaskConfig) -> DaskSummary:
    """Process everything under ``specs`` on a Dask cluster into Parquet under
    ``config.out``; ``parquet.load_dataset`` then loads it into a store."""
    return DaskRun(config).run(specs)
