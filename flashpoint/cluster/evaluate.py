"""Scoring story clusters against a gold grouping of articles.

The unit is the article's main event: the gold file names, per article title, its story
(``group``) and the PLOVER type of the event it reports (``event_type``). The article's
predicted story is the cluster of its first coded event of that type; an article whose
event was not coded counts as a story of its own, so coder misses cost recall here too.
Scores are pairwise precision/recall/F1 (over pairs of articles put together) and B-cubed
(per article, averaged), both computed from the gold × predicted contingency counts.

Reproduce: ``python -m flashpoint.cluster.evaluate CORPUS.jsonl GOLD.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flashpoint.cluster.matching import ClusterConfig
from flashpoint.cluster.update import update_clusters
from flashpoint.store import Store


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Report:
    pairwise: Scores
    bcubed: Scores
    articles: int
    missing: tuple[str, ...]  # gold articles whose event was not coded

    def lines(self) -> list[str]:
        return [
            f"articles {self.articles}, main event not coded: {len(self.missing)}",
            *(f"  missing: {title}" for title in self.missing),
            _line("pairwise", self.pairwise),
            _line("B-cubed", self.bcubed),
        ]


def _line(name: str, s: Scores) -> str:
    return f"{name:9} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _ratio(num: float, den: float) -> float:
    """An empty denominator (no pairs claimed or none to find) scores as perfect."""
    return num / den if den else 1.0


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Precision and recall over the pairs of items placed in one cluster."""
    cells = Counter((gold[k], predicted[k]) for k in gold)
    together = sum(_pairs(n) for n in cells.values())
    claimed = sum(_pairs(n) for n in Counter(predicted[k] for k in gold).values())
    true = sum(_pairs(n) for n in Counter(gold.values()).values())
    return Scores(_ratio(together, claimed), _ratio(together, true))


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Per item: the share of its predicted cluster that is its story (precision) and the
    share of its story in its predicted cluster (recall), averaged over items."""
    cells = Counter((gold[k], predicted[k]) for k in gold)
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(predicted[k] for k in gold)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in cells.items())
    recall = sum(n * n / gold_sizes[g] for (g, _), n in cells.items())
    return Scores(_ratio(precision, len(gold)), _ratio(recall, len(gold)))


def load_gold(path: str | Path) -> list[dict[str, str]]:
    """Gold rows: ``{"title", "group", "event_type"}`` per article."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def predicted_clusters(
    con: duckdb.DuckDBPyConnection, gold: list[dict[str, str]]
) -> dict[str, str]:
    """Each gold article's cluster (see the module docstring); "missing:" when not coded."""
    rows = con.sql(
        "SELECT a.title, e.event_type, arg_min(e.cluster_id, e.char_start) AS cluster_id "
        "FROM articles a JOIN events e USING (article_id) GROUP BY ALL"
    ).fetchall()
    found = {(title, event_type): cluster for title, event_type, cluster in rows}
    return {
        g["title"]: found.get((g["title"], g["event_type"])) or f"missing:{g['title']}"
        for g in gold
    }


def score(con: duckdb.DuckDBPyConnection, gold: list[dict[str, str]]) -> Report:
    """Score the clusters stored behind ``con`` against ``gold``."""
    truth = {g["title"]: g["group"] for g in gold}
    predicted = predicted_clusters(con, gold)
    missing = tuple(t for t, c in predicted.items() if c.startswith("missing:"))
    return Report(pairwise(truth, predicted), bcubed(truth, predicted), len(truth), missing)


def main(argv: list[str] | None = None) -> Report:
    """Ingest a corpus into a fresh store, cluster it and print the scores."""
    from flashpoint.engine import RunConfig, run

    parser = argparse.ArgumentParser(description="Score story clusters on a corpus.")
    parser.add_argument("corpus")
    parser.add_argument("gold")
    parser.add_argument("--window", type=int, default=ClusterConfig().window_days)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "clusters.duckdb"
        run([args.corpus], RunConfig(db=db, progress=False))
        with Store(db) as store:
            update_clusters(store, ClusterConfig(window_days=args.window))
            report = score(store.con, load_gold(args.gold))
    print("\n".join(report.lines()))
    return report


if __name__ == "__main__":
    main()
