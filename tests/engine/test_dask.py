"""The Dask engine: Parquet output that loads into the store a local run writes."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dask
import pytest
from click.testing import CliRunner
from corpus_helpers import ARTICLES
from distributed import Client, LocalCluster

from flashpoint.cli import main
from flashpoint.engine import RunConfig, RunSummary, run
from flashpoint.engine import dask as dask_engine
from flashpoint.engine.dask import DaskConfig, plan_partitions, process_partition, run_dask
from flashpoint.engine.parquet import MANIFEST, TMP, Manifest, load_dataset, open_dataset
from flashpoint.errors import FlashpointError
from flashpoint.ingest import IngestError, ReaderOptions, Source, expand_sources
from flashpoint.nlp.model import PipelineSpec
from flashpoint.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
#: Run timestamps differ between any two runs; everything else must not.
TIMESTAMPS = {"ingested_at", "recorded_at"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """One single-threaded worker process for the whole module: loading the spaCy model is
    what the tests' time goes to, and a second worker would only double that."""
    with (
        dask.config.set(dask_engine.CLUSTER_CONFIG),
        LocalCluster(
            n_workers=1,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as local,
    ):
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plain-text example articles (a repost and a syndicated copy among them) plus an
    exact duplicate in a later file (so in another partition) and a broken JSONL line."""
    root = tmp_path_factory.mktemp("dask") / "corpus"
    root.mkdir()
    for path in EXAMPLES.glob("*.txt"):
        shutil.copy(path, root)
    first = (root / "001_water_cannon_attack.txt").read_text(encoding="utf-8")
    (root / "zz_copy.txt").write_text(first.upper(), encoding="utf-8")
    (root / "zz_broken.jsonl").write_text(
        json.dumps({"text": ARTICLES[1][1]}) + "\n{not json\n", encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> tuple[Path, RunSummary]:
    """A local run over the corpus: its store and its summary."""
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    return db, run([str(corpus)], RunConfig(db=db, progress=False, on_error=lambda e: None))


@pytest.fixture(scope="module")
def reference(local_run: tuple[Path, RunSummary]) -> dict[str, list[Any]]:
    """Every table of the local run."""
    return snapshot(local_run[0])


def snapshot(db: Path) -> dict[str, list[Any]]:
    """Each table's rows without run timestamps, sorted."""
    with Store(db, read_only=True) as store:
        out = {}
        for table in store.table_names():
            if table == "schema_migrations":
                continue
            names = store.arrow(f'SELECT * FROM "{table}" LIMIT 0').schema.names
            cols = ", ".join(f'"{c}"' for c in names if c not in TIMESTAMPS)
            rows = store.con.execute(f'SELECT {cols} FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def config(cluster: LocalCluster, out: Path, **kw: Any) -> DaskConfig:
    errors: list[IngestError] = []
    cfg = DaskConfig(
        out=out,
        scheduler=cluster.scheduler_address,
        progress=False,
        on_error=errors.append,
        **kw,
    )
    cfg.errors = errors  # type: ignore[attr-defined]
    return cfg


@pytest.fixture(scope="module")
def dask_out(tmp_path_factory: pytest.TempPathFactory, cluster: LocalCluster, corpus: Path) -> Path:
    out = tmp_path_factory.mktemp("out") / "run"
    summary = run_dask([str(corpus)], config(cluster, out, partitions=4))
    assert (summary.partitions, summary.skipped) == (4, 0)
    assert summary.errors == 1 and summary.failed
    return out


def test_loaded_output_equals_a_local_run(
    tmp_path: Path,
    dask_out: Path,
    local_run: tuple[Path, RunSummary],
    reference: dict[str, list[Any]],
) -> None:
    summary = load_dataset(dask_out, tmp_path / "dask.duckdb")
    local = local_run[1]
    assert summary.exact_duplicates > 0  # the copy in another partition
    within = sum(s["exact_duplicates"] for s in Manifest.read(dask_out).done.values())
    assert summary.exact_duplicates + within == local.exact_duplicates
    assert summary.near_duplicates == local.near_duplicates > 0
    loaded = snapshot(tmp_path / "dask.duckdb")
    assert loaded.keys() == reference.keys()
    for table, rows in reference.items():
        diff = [(a, b) for a, b in zip(loaded[table], rows, strict=False) if a != b][:1]
        assert loaded[table] == rows, (table, diff)
    assert len(reference["events"]) > 20 and len(reference["clusters"]) > 10
    assert len(reference["ingest_errors"]) == 1


def test_output_is_parquet_partitioned_by_published_date(
    dask_out: Path, reference: dict[str, list[Any]]
) -> None:
    days = {p.name for p in (dask_out / "events").iterdir()}
    assert "published=2025-03-03" in days
    assert not list((dask_out / TMP).rglob("*.parquet"))
    manifest = Manifest.read(dask_out)
    assert len(manifest.done) == 4
    con = open_dataset(dask_out)
    by_day = con.execute(
        "SELECT published, count(*) FROM events GROUP BY 1 ORDER BY 1 LIMIT 1"
    ).fetchall()
    assert str(by_day[0][0]) == "2025-03-03" and by_day[0][1] > 0
    distinct = con.execute("SELECT count(DISTINCT article_id) FROM articles").fetchall()
    assert distinct[0][0] == len(reference["articles"])


def test_rerun_skips_finished_partitions_and_load_adds_nothing(
    tmp_path: Path, cluster: LocalCluster, corpus: Path, dask_out: Path
) -> None:
    again = run_dask([str(corpus)], config(cluster, dask_out, partitions=4))
    assert (again.skipped, again.articles_read) == (4, 0)
    db = tmp_path / "twice.duckdb"
    load_dataset(dask_out, db)
    first = snapshot(db)
    second = load_dataset(dask_out, db)
    assert (second.articles_added, second.clusters.events_assigned) == (0, 0)
    assert snapshot(db) == first


def test_other_partitioning_of_the_same_output_dir_is_refused(
    cluster: LocalCluster, corpus: Path, dask_out: Path
) -> None:
    with pytest.raises(FlashpointError, match="E092"):
        run_dask([str(corpus)], config(cluster, dask_out, partitions=3))


def test_load_needs_a_run_output(tmp_path: Path) -> None:
    with pytest.raises(FlashpointError, match="E090"):
        load_dataset(tmp_path, tmp_path / "x.duckdb")


def test_stdin_is_refused(tmp_path: Path, cluster: LocalCluster) -> None:
    with pytest.raises(FlashpointError, match="E093"):
        run_dask(["-"], config(cluster, tmp_path / "out"))


def test_partitions_are_contiguous_balanced_and_stable() -> None:
    sources = [Source(f"f{i}.txt", "text", size) for i, size in enumerate([5, 5, 10, 1, 1, 8])]
    plan = plan_partitions(sources, 3)
    assert [s.path for p in plan for s in p.sources] == [s.path for s in sources]
    assert [sum(s.size for s in p.sources) for p in plan] == [10, 10, 10]
    assert [p.key for p in plan] == [p.key for p in plan_partitions(sources, 3)]
    many = [Source(f"g{i}.txt", "text", 100) for i in range(20)]
    assert [len(p.sources) for p in plan_partitions(many, 0)] == [2, 3] * 4


def test_each_worker_loads_the_pipeline_once(
    tmp_path: Path, cluster: LocalCluster, corpus: Path
) -> None:
    sources, _ = expand_sources([str(corpus)])
    plan = plan_partitions(sources[:4], 4)
    with Client(cluster) as client:
        futures = client.map(
            process_partition,
            plan,
            out=str(tmp_path),
            options=ReaderOptions(),
            spec=PipelineSpec(),
            key=[f"loads-{p.key}" for p in plan],
        )
        results = client.gather(futures)
    loads: dict[int, set[int]] = {}
    for result in results:
        loads.setdefault(result.pid, set()).add(result.pipeline_loads)
    assert len(results) == 4
    assert all(counts == {1} for counts in loads.values()), loads


@pytest.mark.slow
def test_worker_killed_after_writing_is_retried_without_duplicates(
    tmp_path: Path,
    cluster: LocalCluster,
    corpus: Path,
    dask_out: Path,
    reference: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    marker = tmp_path / "crashed-once"
    original = process_partition

    def crash_once(*args: Any, **kw: Any) -> Any:
        result = original(*args, **kw)
        if not marker.exists():  # first attempt: files written, then the worker dies
            marker.touch()
            os._exit(1)
        return result

    crashing: Callable[..., Any] = crash_once
    monkeypatch.setattr(dask_engine, "process_partition", crashing)
    out = tmp_path / "out"
    summary = run_dask([str(corpus)], config(cluster, out, partitions=4))
    assert marker.exists() and len(Manifest.read(out).done) == 4
    assert Manifest.read(out).done == Manifest.read(dask_out).done
    assert summary.errors == 1  # the retried partition's errors are reported once
    load_dataset(out, tmp_path / "killed.duckdb")
    assert snapshot(tmp_path / "killed.duckdb") == reference
    assert (out / MANIFEST).exists()


def test_cli_runs_on_dask_then_loads(
    tmp_path: Path, cluster: LocalCluster, small_corpus: Path
) -> None:
    out, db = str(tmp_path / "out"), str(tmp_path / "fp.duckdb")
    runner = CliRunner()
    args = ["run", str(small_corpus), "--engine", "dask", "--no-progress"]
    missing = runner.invoke(main, args)
    assert missing.exit_code == 1 and "E096" in missing.output
    ran = runner.invoke(main, [*args, "--scheduler", cluster.scheduler_address, "--out", out])
    assert ran.exit_code == 0, ran.output
    assert "3 written" in ran.output and f"flashpoint load {out}" in ran.output
    loaded = runner.invoke(main, ["load", out, "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "3 new articles" in loaded.output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 3


def test_own_local_cluster_workers_run_without_profiler_and_malloc_trim() -> None:
    """Both Dask defaults cost spaCy CPU (bench/RESULTS.md); the thread limits stay."""
    with dask_engine.connect(DaskConfig(workers=1, progress=False)) as client:
        environ = {
            name: next(iter(client.run(os.getenv, name).values()))
            for name in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")
        }
        (profiler,) = client.run(dask.config.get, dask_engine.PROFILER).values()
    assert environ == {"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}
    assert profiler is False
