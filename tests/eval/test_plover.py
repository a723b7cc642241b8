"""The PLOVER / Multi-CoPED evaluation: scoring helpers on written data, and the measured
numbers on the gold sets in ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.eval.plover import (
    confusion,
    evaluate_multicoped,
    evaluate_plover_gsr,
    format_report,
    macro_f1,
    per_class,
    read_multicoped,
)

RECORDS = [
    {
        "id": "t1",
        "event": "FIGHT",
        "text": "Russian forces shelled Kharkiv.",
        "source": [{"actorText": "Russian forces", "code": "RUS", "sector": "MIL"}],
        "target": [{"actorText": "Kharkiv", "code": "UKR"}],
    },
    {
        "id": "t2",
        "event": "DEMAND",
        "text": "Japan urged Russia to return the islands.",
        "source": [{"actorText": "Japan", "code": "JAP"}],
        "target": [{"actorText": "Russia", "code": "RUS"}],
    },
    {
        "id": "t3",
        "event": "DISAPPROVE",
        "text": "The weather was mild.",
        "source": [{"actorText": "weather", "code": "GBR"}],
        "target": "",
    },
]


def test_scoring_helpers() -> None:
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("C", "NONE")]
    table = per_class(pairs)
    assert table["A"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert table["B"]["precision"] == 0.5 and table["C"]["f1"] == 0.0
    assert macro_f1(pairs) == round((0.6667 + 0.6667 + 0.0) / 3, 4)
    assert confusion(pairs) == {"A": {"A": 1, "B": 1}, "B": {"B": 1}, "C": {"NONE": 1}}


def test_gsr_scoring_maps_old_types_and_legacy_codes(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    report = evaluate_plover_gsr(path)
    assert report["sentences"] == 3
    assert report["event_type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["source_country_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["target_country_accuracy"] == 1.0
    assert report["triple_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["confusion"]["ACCUSE"] == {"NONE": 1}
    assert report["quad_class_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["per_quad"]["3"]["support"] == 2
    assert "event_type_accuracy" in format_report(report)


def test_multicoped_rows_and_penta_classes(tmp_path: Path) -> None:
    path = tmp_path / "class.tsv"
    path.write_text(
        "Thailand and Cambodia held talks.\t1\nRebels shelled the town.\t4\nbad line\n",
        encoding="utf-8",
    )
    assert read_multicoped(path, sample=None) == [
        ("Thailand and Cambodia held talks.", 1),
        ("Rebels shelled the town.", 4),
    ]
    report = evaluate_multicoped(path, sample=None)
    assert report["class_accuracy"] == 1.0 and report["sentences"] == 2


@pytest.mark.slow
def test_measured_on_plover_gsr_dev(shared_dir: Path) -> None:
    report = evaluate_plover_gsr(shared_dir / "gold" / "plover_gsr" / "dev.jsonl")
    assert report["sentences"] == 200
    # regression floors just under the numbers in docs/accuracy.md
    assert report["event_type_accuracy"] >= 0.82
    assert report["source_country_accuracy"] >= 0.88
    assert report["triple_accuracy"] >= 0.65
    assert report["quad_class_accuracy"] >= 0.85


@pytest.mark.slow
def test_measured_on_multicoped_sample(shared_dir: Path) -> None:
    gold = shared_dir / "gold" / "multicoped"
    report = evaluate_multicoped(
        gold / "train_class.tsv", sample=300, actors=gold / "train_actors.conll"
    )
    assert report["sentences"] == 300
    assert report["class_macro_f1"] >= 0.7
    assert report["quad_class_macro_f1"] >= 0.72
    assert report["spans"]["source"]["overlap"]["f1"] >= 0.78
