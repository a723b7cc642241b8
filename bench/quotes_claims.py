"""What flashpoint_quotes + flashpoint_claims add to pipeline time (goal: <= 15 %).

Runs, in this process and on the same PolNeAR article texts (../shared/gold/polnear/*/text/):
(a) the bare spaCy pipeline, (b) the same pipeline with both components and the rows they
produce for the store. Rounds alternate (a) and (b) and the best time of each is kept, so
other load on the machine distorts the ratio less. It also times the two components alone
on already parsed Docs, the cost they add without any timing noise from the parser.

    .venv/bin/python bench/quotes_claims.py [--limit N] [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "gold" / "polnear"
COMPONENTS = ("flashpoint_quotes", "flashpoint_claims")


def best_time(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="use the first N texts (0: all)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(POLNEAR.glob("*/text/*.txt"))
    if not paths:
        print(f"skipped: no PolNeAR texts under {POLNEAR}")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in paths[: args.limit or None]]

    import flashpoint.claims
    import flashpoint.quotes
    from flashpoint.nlp import load_model

    bare = load_model()
    full = load_model()
    for name in COMPONENTS:
        full.add_pipe(name)

    def run_bare() -> None:
        for _doc in bare.pipe(texts, batch_size=32):
            pass

    def run_full() -> None:
        for doc in full.pipe(texts, batch_size=32):
            flashpoint.quotes.quote_rows(doc)
            flashpoint.claims.claim_rows(doc)

    parsed = list(bare.pipe(texts, batch_size=32))
    components = [full.get_pipe(name) for name in COMPONENTS]

    def run_components() -> None:
        for doc in parsed:
            for component in components:
                component(doc)
            flashpoint.quotes.quote_rows(doc)
            flashpoint.claims.claim_rows(doc)

    chars = sum(map(len, texts))
    print(f"{len(texts)} PolNeAR articles, {chars:,} characters, best of {args.rounds} rounds")
    a = b = float("inf")
    for _ in range(args.rounds):
        a = min(a, best_time(run_bare, 1))
        b = min(b, best_time(run_full, 1))
    c = best_time(run_components, args.rounds)
    print(f"(a) bare spaCy pipeline            {a:8.2f} s")
    print(f"(b) + quotes + claims (with rows)  {b:8.2f} s")
    print(f"(c) quotes + claims alone           {c:8.2f} s on parsed Docs")
    print(f"ratio b/a: {b / a:.3f}   added by the components (c/a): {c / a:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
