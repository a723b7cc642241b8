"""The PolNeAR scorer: brat reading, span matching, and a run on a few dev articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from flashpoint.eval.polnear import (
    Attribution,
    evaluate_polnear,
    exact,
    format_report,
    gold_documents,
    max_matching,
    overlap,
)

TEXT = (
    "“We will not leave our waters,” Foreign Minister Ilse Varga told reporters. "
    "The ministry said that the talks had failed."
)


def _span(text: str, part: str) -> str:
    start = TEXT.index(part)
    return f"{start} {start + len(part)}\t{part}"


ANN = "\n".join(
    [
        f"T1\tContent {_span(TEXT, '“We will not leave our waters,”')}",
        f"T2\tSource {_span(TEXT, 'Foreign Minister Ilse Varga')}",
        f"T3\tCue {_span(TEXT, 'told')}",
        f"T4\tAttribution {_span(TEXT, 'told')}",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tSource {_span(TEXT, 'The ministry')}",
        f"T6\tCue {_span(TEXT, 'said')}",
        f"T7\tContent {_span(TEXT, 'that the talks had failed')}",
        f"T8\tAttribution {_span(TEXT, 'said')}",
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        f"T9\tDiscuss {_span(TEXT, 'reporters')}",
    ]
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The base model with the quotes component, once for this module."""
    import flashpoint.quotes  # noqa: F401  (registers the factory)
    from flashpoint.nlp import load_model

    nlp = load_model()
    nlp.add_pipe("flashpoint_quotes")
    return nlp


@pytest.fixture
def split(tmp_path: Path) -> Path:
    """A one-article PolNeAR-style split, annotated twice (the first file counts)."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "wire_2025-03-03_varga.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "wire_2025-03-03_varga_aaaa.ann").write_text(ANN, "utf-8")
    (tmp_path / "attributions" / "wire_2025-03-03_varga_bbbb.ann").write_text("", "utf-8")
    return tmp_path


def test_gold_is_read_from_brat(split: Path) -> None:
    [(name, text, gold)] = list(gold_documents(split))
    assert name == "wire_2025-03-03_varga" and text == TEXT
    assert [a.direct for a in gold] == [True, False]
    assert [TEXT[a.speaker[0][0] : a.speaker[0][1]] for a in gold] == [
        "Foreign Minister Ilse Varga",
        "The ministry",
    ]


def test_span_matching() -> None:
    assert exact(((0, 5),), ((0, 5),)) and not exact(((0, 5),), ((0, 6),))
    assert overlap(((0, 5),), ((4, 9),)) and not overlap(((0, 5),), ((5, 9),))
    assert overlap(((0, 2), (10, 12)), ((11, 20),))


def test_max_matching_is_one_to_one_and_order_free() -> None:
    # p0 matches g0 and g1, p1 only g0: greedy in order would pair just one.
    edges = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda p, g: (p, g) in edges) == 2
    assert max_matching(3, 1, lambda p, g: True) == 1


def test_evaluate_on_a_written_split(split: Path, nlp: Language) -> None:
    result = evaluate_polnear(split, nlp=nlp)
    assert (result["documents"], result["gold_attributions"], result["gold_direct"]) == (1, 2, 1)
    scores = result["scores"]
    for key in (
        "all/exact/content",
        "all/exact/speaker",
        "all/overlap/speaker+content",
        "direct/exact/speaker+content",
    ):
        assert scores[key]["f1"] == 1.0, key
    report = format_report(result)
    assert "speaker+content" in report and "1.000" in report


def test_a_few_dev_articles(shared_dir: Path, nlp: Language) -> None:
    dev = shared_dir / "gold" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip(f"{dev} is absent")
    result = evaluate_polnear(dev, nlp=nlp, limit=6)
    scores = result["scores"]
    assert result["documents"] == 6
    assert scores["direct/overlap/content"]["f1"] >= 0.8
    assert scores["all/overlap/content"]["precision"] >= 0.75


def test_attribution_is_a_value() -> None:
    a = Attribution(((0, 1),), (), ((2, 3),))
    assert a == Attribution(((0, 1),), (), ((2, 3),)) and not a.direct
