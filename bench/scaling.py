"""How the Dask engine scales: articles/s with 1 and 2 worker processes, and its cost
against the local engine on one process, on the PolNeAR article texts.

The texts (../shared/gold/polnear/*/text/, dated from metadata.tsv) are written as JSONL
shards, one Dask partition each. Every path starts with its spaCy pipeline already loaded
(the local engine in this process, each Dask worker through ``client.run``), so the figures
are steady-state throughput. CPU seconds are summed over this process and the workers: on a
machine shared with other jobs they are steadier than wall time.

    .venv/bin/python bench/scaling.py [--limit N] [--shards N] [--plain-env]

``--plain-env`` starts the workers without the environment Dask's nanny sets by default
(OMP/MKL/OPENBLAS_NUM_THREADS=1, MALLOC_TRIM_THRESHOLD_=65536), to measure what it costs.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster

from flashpoint.engine import RunConfig, run
from flashpoint.engine.dask import PROFILER, DaskConfig, run_dask
from flashpoint.engine.parquet import load_dataset
from flashpoint.nlp.batch import warm_up
from flashpoint.nlp.model import DEFAULT_SPEC

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "gold" / "polnear"


def write_corpus(limit: int, shards: int, root: Path) -> int:
    """The first ``limit`` PolNeAR texts as ``shards`` JSONL files; the number written."""
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}
    paths = sorted(POLNEAR.glob("*/text/*.txt"))[:limit]
    root.mkdir(parents=True)
    for shard in range(shards):
        lines = []
        for path in paths[shard::shards]:
            row = meta.get(path.stem, {})
            record = {
                "text": path.read_text(encoding="utf-8"),
                "published": row.get("publication_date"),
                "outlet": row.get("publisher"),
                "title": row.get("title"),
            }
            lines.append(json.dumps(record) + "\n")
        (root / f"shard{shard:03d}.jsonl").write_text("".join(lines), encoding="utf-8")
    return len(paths)


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM) in MB; runs in the workers too."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def line(label: str, n: int, seconds: float, cpu: float, extra: str = "") -> dict[str, float]:
    print(
        f"{label:<34} {seconds:7.1f} s wall {cpu:7.1f} s CPU {n / seconds:6.2f} art/s"
        f" {n / cpu:6.2f} art/CPU-s {extra}"
    )
    return {"seconds": seconds, "cpu": cpu, "rate": n / seconds}


def local_path(corpus: Path, work: Path, n: int) -> dict[str, float]:
    """The local engine on one process into a fresh store (clustering included)."""
    warm_up(DEFAULT_SPEC)
    wall, cpu = time.perf_counter(), time.process_time()
    run([str(corpus)], RunConfig(db=work / "local.duckdb", progress=False))
    return line(
        "local engine, 1 process",
        n,
        time.perf_counter() - wall,
        time.process_time() - cpu,
    )


def dask_path(
    corpus: Path, work: Path, n: int, workers: int, shards: int, environ: dict[str, Any]
) -> dict[str, float]:
    """The Dask engine on a LocalCluster of ``workers`` processes, then the load."""
    with (
        dask.config.set({PROFILER: False, **environ}),
        LocalCluster(
            n_workers=workers,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(warm_up, DEFAULT_SPEC)
        client.run(reset_peak_rss)
        cpu_before: dict[str, Any] = client.run(time.process_time)
        wall, cpu = time.perf_counter(), time.process_time()
        out = work / f"dask{workers}"
        config = DaskConfig(
            out=out, scheduler=cluster.scheduler_address, partitions=shards, progress=False
        )
        run_dask([str(corpus)], config)
        seconds = time.perf_counter() - wall
        driver_cpu = time.process_time() - cpu  # the LocalCluster's scheduler runs here
        worker_cpu = sum(t - cpu_before[addr] for addr, t in client.run(time.process_time).items())
        peaks = list(client.run(peak_rss_mb).values())
    row = line(
        f"dask engine, {workers} worker(s)",
        n,
        seconds,
        worker_cpu + driver_cpu,
        f"(workers {worker_cpu:.1f} s, client+scheduler {driver_cpu:.1f} s CPU) "
        f"peak RSS per worker {max(peaks):.0f} MB",
    )
    wall, cpu = time.perf_counter(), time.process_time()
    load_dataset(out, work / f"dask{workers}.duckdb")
    load_seconds, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{'  + flashpoint load':<34} {load_seconds:7.1f} s wall {load_cpu:7.1f} s CPU")
    row["total_seconds"] = seconds + load_seconds
    row["total_cpu"] = row["cpu"] + load_cpu
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="PolNeAR texts to use.")
    parser.add_argument("--shards", type=int, default=12, help="JSONL files = Dask partitions.")
    parser.add_argument(
        "--plain-env", action="store_true", help="Workers without the nanny's default environ."
    )
    parser.add_argument(
        "--profiler",
        action="store_true",
        help="Keep Dask's worker profiler on (the engine's LocalCluster turns it off).",
    )
    args = parser.parse_args(argv)
    environ: dict[str, Any] = {"distributed.nanny.pre-spawn-environ": {}} if args.plain_env else {}
    if args.profiler:
        environ[PROFILER] = True
    if not POLNEAR.is_dir():
        print(f"skipped: {POLNEAR} is absent", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        n = write_corpus(args.limit, args.shards, work / "corpus")
        print(f"{n} PolNeAR articles in {args.shards} JSONL shards (= Dask partitions)")
        before = local_path(work / "corpus", work / "before", n)
        one = dask_path(work / "corpus", work, n, 1, args.shards, environ)
        two = dask_path(work / "corpus", work, n, 2, args.shards, environ)
        after = local_path(work / "corpus", work / "after", n)
    # the local path runs before and after the Dask paths: their mean cancels slow drifts
    # of the machine's load, which move CPU times too (cores shared with other jobs)
    local = {k: (before[k] + after[k]) / 2 for k in before}
    print(
        f"speedup 2 vs 1 worker: wall {two['rate'] / one['rate']:.2f}x, "
        f"CPU per article 2/1 {two['cpu'] / one['cpu']:.2f}"
    )
    print(
        f"dask (run + load) / local on 1 process (mean of both): wall "
        f"{one['total_seconds'] / local['seconds']:.2f}, CPU {one['total_cpu'] / local['cpu']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
