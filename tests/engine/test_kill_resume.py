"""A run killed with SIGKILL at any moment and restarted ends with the same rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_helpers import synthetic_articles

from flashpoint.store import Store

pytestmark = pytest.mark.slow

TABLES = {
    "articles": "article_id, url, outlet, title, published, lang, text, source_path, duplicate_of",
    "sentences": "*",
    "entities": "*",
    "minhashes": "*",
}


def run_cli(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "flashpoint.cli",
        "run",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "5",
        "--no-progress",
    ]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        return {
            t: sorted(store.con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
            for t, cols in TABLES.items()
        }


def article_count(db: Path) -> int:
    return len(snapshot(db)["articles"]) if db.exists() else 0


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    texts = synthetic_articles(300, seed=11)
    for shard in range(3):
        lines = [
            json.dumps({"text": t, "published": f"2025-03-0{shard + 1}"}) for t in texts[shard::3]
        ]
        (root / f"shard{shard}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a near-duplicate, so the resumed run must rebuild its LSH index from the store
    (root / "zz_copy.txt").write_text("Wire copy. " + texts[0] + " End.", encoding="utf-8")
    return root


def test_killed_runs_resume_to_the_same_rows(tmp_path: Path, corpus: Path) -> None:
    reference = tmp_path / "reference.duckdb"
    started = time.monotonic()
    assert run_cli(reference, corpus).wait(timeout=300) == 0
    took = time.monotonic() - started
    expected = snapshot(reference)
    assert len(expected["articles"]) == 301

    db = tmp_path / "killed.duckdb"
    partial_counts = []
    for fraction in (0.6, 0.75, 0.9):  # of an uninterrupted run, model loading included
        delay = took * fraction
        proc = run_cli(db, corpus)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        partial_counts.append(article_count(db))
    assert any(0 < n < 301 for n in partial_counts), partial_counts
    assert run_cli(db, corpus).wait(timeout=300) == 0
    assert snapshot(db) == expected
