"""Throughput of `flashpoint run` against a bare spaCy `nlp.pipe` on the same real news texts.

Both run in this process on the PolNeAR article texts (../shared/gold/polnear/*/text/), so
the ratio b/a is what flashpoint adds on top of the model. CPU time (all threads of this
process) is the figure to trust on a shared machine: wall time also counts other processes.
Peak RSS is reset between runs through /proc/self/clear_refs.

    .venv/bin/python bench/throughput.py [--limit N] [--workers N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "gold" / "polnear"


def reset_peak_rss() -> None:
    """Make VmHWM restart from the current RSS (Linux >= 4.0)."""
    Path("/proc/self/clear_refs").write_text("5")


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(label: str, fn: Callable[[], object], n_docs: int, tokens: int) -> dict[str, float]:
    reset_peak_rss()
    started, cpu_started = time.perf_counter(), time.process_time()
    fn()
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    row = {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "articles_per_s": n_docs / seconds,
        "tokens_per_s": tokens / seconds,
        "peak_rss_mb": peak_rss_mb(),
    }
    print(
        f"{label:<28} {seconds:7.1f} s wall {cpu:7.1f} s CPU {row['articles_per_s']:6.1f} art/s "
        f"{row['tokens_per_s']:9.0f} tok/s {row['peak_rss_mb']:8.0f} MB peak RSS"
    )
    return row


def component_costs(nlp: Language, texts: list[str]) -> dict[str, float]:
    """CPU seconds of each pipeline step over the same docs, run one step at a time.

    Steps measured back to back on the same docs are far less sensitive to other load on
    the machine than two whole runs, so this is the figure behind the per-stage budgets.
    """
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    costs = {"tokenizer": time.process_time() - started}
    for name, proc in nlp.pipeline:
        started = time.process_time()
        pipe = getattr(proc, "pipe", None)
        docs = list(pipe(docs, batch_size=32)) if pipe else [proc(doc) for doc in docs]
        costs[name] = time.process_time() - started
    return costs


def print_costs(costs: dict[str, float]) -> None:
    """Each step's share, and what flashpoint's components add to the spaCy model."""
    base = sum(t for name, t in costs.items() if not name.startswith("flashpoint_"))
    for name, seconds in costs.items():
        print(f"  {name:<26} {seconds:7.2f} s CPU  {seconds / base:6.1%} of the spaCy model")
    ours = sum(costs.values()) - base
    print(f"flashpoint components add {ours / base:.1%} to the spaCy model's CPU time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="alternating runs of (a) and (b)")
    parser.add_argument(
        "--components",
        default=None,
        help="comma-separated flashpoint components for (b); default: the full pipeline, "
        "'' for none (the spine alone)",
    )
    args = parser.parse_args()
    paths = sorted(POLNEAR.glob("*/text/*.txt"))
    if not paths:
        print(f"skipped: no PolNeAR texts under {POLNEAR}")
        return 0
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths]

    from flashpoint.engine import RunConfig, run
    from flashpoint.nlp import get_pipeline, load_model
    from flashpoint.nlp.model import PipelineSpec

    spec = PipelineSpec()
    if args.components is not None:
        spec = PipelineSpec(tuple(c for c in args.components.split(",") if c))
    bare = load_model()
    get_pipeline(spec)  # both pipelines loaded before timing: we measure processing only

    tokens = sum(len(bare.make_doc(text)) for text in texts)
    tmp = Path(tempfile.mkdtemp())

    def baseline() -> None:
        for _doc in bare.pipe(texts, batch_size=32):
            pass

    def flashpoint_run() -> object:
        config = RunConfig(
            db=tmp / "bench.duckdb", workers=args.workers, progress=False, pipeline=spec
        )
        return run([str(p) for p in paths], config)

    print(
        f"{len(texts)} PolNeAR articles, {sum(map(len, texts)):,} characters, "
        f"workers={args.workers}, components={','.join(spec.components) or 'none'}"
    )
    runs: dict[str, list[dict[str, float]]] = {"a": [], "b": []}
    for _ in range(args.repeat):  # alternate, so drift in machine load hits both alike
        runs["a"].append(measure("(a) bare nlp.pipe", baseline, len(texts), tokens))
        (tmp / "bench.duckdb").unlink(missing_ok=True)
        runs["b"].append(measure("(b) flashpoint run → DuckDB", flashpoint_run, len(texts), tokens))
    print("(c) per pipeline step, same docs, one step at a time:")
    print_costs(component_costs(get_pipeline(spec), texts))
    a = min(runs["a"], key=lambda r: r["cpu_seconds"])
    b = min(runs["b"], key=lambda r: r["cpu_seconds"])
    print(
        f"best of {args.repeat}: ratio b/a wall time {b['seconds'] / a['seconds']:.2f}, "
        f"CPU time {b['cpu_seconds'] / a['cpu_seconds']:.2f}   "
        f"peak RSS b/a: {b['peak_rss_mb'] / a['peak_rss_mb']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
