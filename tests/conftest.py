"""Shared fixtures: small project-written corpora and the optional ../shared folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_helpers import ARTICLES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip in a user's clone."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (gold data and seed live outside the project repo)")
    return SHARED


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two txt files with date headers and a JSONL file holding one more article."""
    root = tmp_path / "corpus"
    root.mkdir()
    for i, (day, text) in enumerate(ARTICLES[:2]):
        (root / f"{i:03d}.txt").write_text(f" date {day} {text}\n", encoding="utf-8")
    day, text = ARTICLES[2]
    record = {"title": "Hotline agreed", "text": text, "published": day, "source": "Test Wire"}
    (root / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return root
