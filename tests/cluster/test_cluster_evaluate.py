"""The scores, on toy partitions and on the fixture corpus through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.cluster.evaluate import bcubed, load_gold, main, pairwise, score
from flashpoint.store import Store

GOAL_F1 = 0.85


def test_pairwise_and_bcubed_on_a_toy_partition() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pairs = pairwise(gold, predicted)
    assert (pairs.precision, pairs.recall) == (0.5, 1 / 3)
    b3 = bcubed(gold, predicted)
    assert b3.precision == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_perfect_and_singleton_partitions() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert pairwise(gold, gold).f1 == bcubed(gold, gold).f1 == 1.0
    alone = {k: k for k in gold}
    assert pairwise(gold, alone).recall == 0.0
    assert pairwise(gold, alone).precision == 1.0  # no pair claimed, none wrong


def test_fixture_corpus_reaches_the_goal(clustered: Store, gold_path: Path) -> None:
    report = score(clustered.con, load_gold(gold_path))
    print("\n".join(report.lines()))
    assert report.articles == len(load_gold(gold_path))
    assert report.pairwise.f1 >= GOAL_F1
    assert report.bcubed.f1 >= GOAL_F1


def test_command_line_prints_the_scores(
    capsys: pytest.CaptureFixture[str], corpus_path: Path, gold_path: Path
) -> None:

    report = main([str(corpus_path), str(gold_path), "--window", "2"])
    out = capsys.readouterr().out
    assert "pairwise" in out and "B-cubed" in out
    assert report.pairwise.f1 >= GOAL_F1
