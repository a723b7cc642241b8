"""How the Dask engine scales: articles/s with 1 and 2 worker processes, and its cost
against the local engine on one process, on the PolNeAR article texts.

The texts (../shared/gold/polnear/*/text/, dated from metadata.tsv) are written as JSONL
shards, one Dask partition each. Every path starts with its spaCy pipeline already loaded
(the local engine in a child process, each Dask worker through ``client.run``), so the
figures are steady-state throughput. CPU seconds of a Dask path are summed over this process
(client, schedulers, nannies) and the workers.

The same run takes 15–20% more or less CPU from one minute to the next on this (virtual)
machine, so the paths alternate: ``--rounds`` times a local run, then the Dask run on the
1-worker cluster, then on the 2-worker cluster, after one warm-up round of all three; the
ratios are taken within each round and their median is the result. Both clusters stay up,
so the idle one's scheduler and nannies count against the Dask path (a little).

    .venv/bin/python bench/scaling.py [--limit N] [--shards N] [--rounds N]
        [--profiler] [--dask-malloc-trim] [--dask-timers]

``--profiler`` and ``--dask-malloc-trim`` put back the Dask defaults the engine turns off
(the worker profiler; the nanny's MALLOC_TRIM_THRESHOLD_=65536), ``--dask-timers`` its
housekeeping intervals, to measure their cost.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster

from flashpoint.engine import RunConfig, run
from flashpoint.engine.dask import (
    CLUSTER_CONFIG,
    HOUSEKEEPING,
    MALLOC_TRIM,
    PROFILER,
    DaskConfig,
    run_dask,
)
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


def timed_local_run(corpus: str, db: str) -> tuple[float, float]:
    """The local engine into a fresh store (clustering included): wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    run([corpus], RunConfig(db=db, progress=False))
    return time.perf_counter() - wall, time.process_time() - cpu


def local_path(pool: ProcessPoolExecutor, corpus: Path, db: Path, n: int) -> dict[str, float]:
    """The local engine on one process: a child process with the pipeline loaded, so the
    clusters' schedulers and nannies in this process do not count against it."""
    seconds, cpu = pool.submit(timed_local_run, str(corpus), str(db)).result()
    return line("local engine, 1 process", n, seconds, cpu)


def start_cluster(stack: ExitStack, workers: int, settings: dict[str, Any]) -> Client:
    """A LocalCluster of single-threaded worker processes with the pipeline loaded."""
    stack.enter_context(dask.config.set(settings))
    cluster = stack.enter_context(
        LocalCluster(
            n_workers=workers,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    )
    client = stack.enter_context(Client(cluster))
    client.run(warm_up, DEFAULT_SPEC)
    return client


def dask_path(client: Client, corpus: Path, out: Path, n: int, shards: int) -> dict[str, float]:
    """The Dask engine on the client's cluster into ``out``, then the load."""
    workers = len(client.scheduler_info()["workers"])
    client.run(reset_peak_rss)
    cpu_before: dict[str, Any] = client.run(time.process_time)
    wall, cpu = time.perf_counter(), time.process_time()
    config = DaskConfig(
        out=out, scheduler=client.scheduler.address, partitions=shards, progress=False
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
    load_dataset(out, out.with_suffix(".duckdb"))
    load_seconds, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{'  + flashpoint load':<34} {load_seconds:7.1f} s wall {load_cpu:7.1f} s CPU")
    row["total_seconds"] = seconds + load_seconds
    row["total_cpu"] = row["cpu"] + load_cpu
    row["peak_mb"] = max(peaks)
    return row


def rounds(
    corpus: Path, work: Path, n: int, shards: int, count: int, settings: dict[str, Any]
) -> list[dict[str, float]]:
    """A warm-up round, then ``count`` rounds of local, Dask on 1 worker, Dask on 2 workers;
    each measured round's ratios. A process's first pass over a corpus cost 10–30% more
    (bench/RESULTS.md), so every path runs once unmeasured and the processes (clusters,
    local child) stay up: a long run's workers are past their first pass too."""
    out = []
    with ExitStack() as stack:
        one = start_cluster(stack, 1, settings)
        two = start_cluster(stack, 2, settings)
        pool = stack.enter_context(
            ProcessPoolExecutor(1, get_context("spawn"), warm_up, (DEFAULT_SPEC,))
        )
        for i in range(count + 1):
            print("-- warm-up round (not counted)" if i == 0 else f"-- round {i}")
            local = local_path(pool, corpus, work / f"local{i}.duckdb", n)
            d1 = dask_path(one, corpus, work / f"dask1-{i}", n, shards)
            d2 = dask_path(two, corpus, work / f"dask2-{i}", n, shards)
            if i == 0:
                continue
            out.append(
                {
                    "speedup": d2["rate"] / d1["rate"],
                    "wall": d1["total_seconds"] / local["seconds"],
                    "cpu": d1["total_cpu"] / local["cpu"],
                    "peak_mb": max(d1["peak_mb"], d2["peak_mb"]),
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40, help="PolNeAR texts to use.")
    parser.add_argument("--shards", type=int, default=8, help="JSONL files = Dask partitions.")
    parser.add_argument("--rounds", type=int, default=3, help="Alternations of the paths.")
    parser.add_argument("--profiler", action="store_true", help="Keep Dask's worker profiler on.")
    parser.add_argument(
        "--dask-malloc-trim",
        action="store_true",
        help="Keep the nanny's MALLOC_TRIM_THRESHOLD_=65536 for the workers.",
    )
    parser.add_argument(
        "--dask-timers", action="store_true", help="Keep Dask's default housekeeping intervals."
    )
    args = parser.parse_args(argv)
    settings = dict(CLUSTER_CONFIG)
    if args.dask_timers:
        settings = {k: v for k, v in settings.items() if k not in HOUSEKEEPING}
    if args.profiler:
        settings[PROFILER] = True
    if args.dask_malloc_trim:
        settings[MALLOC_TRIM] = 65536
    if not POLNEAR.is_dir():
        print(f"skipped: {POLNEAR} is absent", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        n = write_corpus(args.limit, args.shards, work / "corpus")
        print(f"{n} PolNeAR articles in {args.shards} JSONL shards (= Dask partitions)")
        results = rounds(work / "corpus", work, n, args.shards, args.rounds, settings)
    print("round  speedup 2/1  dask/local wall  dask/local CPU")
    for i, r in enumerate(results, 1):
        print(f"{i:>5}  {r['speedup']:10.2f}x  {r['wall']:15.2f}  {r['cpu']:14.2f}")
    med = {k: statistics.median(r[k] for r in results) for k in ("speedup", "wall", "cpu")}
    print(
        f"median: speedup 2 vs 1 worker {med['speedup']:.2f}x; dask (run + load) / local on "
        f"1 process: wall {med['wall']:.2f}, CPU {med['cpu']:.2f}; peak RSS per worker "
        f"{max(r['peak_mb'] for r in results):.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
