from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from corpus_helpers import ARTICLES, synthetic_articles

from flashpoint.engine import RunConfig, run
from flashpoint.ingest import IngestError
from flashpoint.store import Store


def config(tmp_path: Path, **kw: object) -> RunConfig:
    errors: list[IngestError] = []
    cfg = RunConfig(db=tmp_path / "fp.duckdb", progress=False, on_error=errors.append, **kw)  # type: ignore[arg-type]
    cfg.errors = errors  # type: ignore[attr-defined]
    return cfg


def test_run_stores_articles_sentences_and_entities(tmp_path: Path, small_corpus: Path) -> None:
    summary = run([str(small_corpus)], config(tmp_path))
    assert (summary.articles_added, summary.errors) == (3, 0)
    with Store(tmp_path / "fp.duckdb", read_only=True) as store:
        rows = store.con.execute(
            "SELECT published, outlet, title FROM articles ORDER BY published"
        ).fetchall()
        assert rows == [
            (date(2025, 3, 3), None, None),
            (date(2025, 3, 5), None, None),
            (date(2025, 3, 10), "Test Wire", "Hotline agreed"),
        ]
        assert store.counts()["sentences"] >= 7
        ents = store.con.execute("SELECT text FROM entities WHERE label = 'GPE'").fetchall()
        assert ("Geneva",) in ents


def test_second_run_adds_nothing(tmp_path: Path, small_corpus: Path) -> None:
    first = run([str(small_corpus)], config(tmp_path))
    second = run([str(small_corpus)], config(tmp_path))
    assert second.articles_added == 0
    assert second.exact_duplicates == 3
    assert second.rows == first.rows


def test_same_text_in_two_files_is_stored_once(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = ARTICLES[0][1]
    (corpus / "a.txt").write_text(f" date 2025-03-03 {text}", encoding="utf-8")
    (corpus / "b.txt").write_text(f"\n{text.upper()}\n", encoding="utf-8")
    summary = run([str(corpus)], config(tmp_path))
    assert (summary.articles_added, summary.exact_duplicates) == (1, 1)


def test_syndicated_rewrite_points_to_the_original(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    base = " ".join(text for _, text in ARTICLES)
    (corpus / "1.txt").write_text(base, encoding="utf-8")
    (corpus / "2.txt").write_text(
        "CAPITAL (Wire) - " + base + " Markets were calm.", encoding="utf-8"
    )
    run([str(corpus)], config(tmp_path))
    with Store(tmp_path / "fp.duckdb", read_only=True) as store:
        rows = dict(store.con.execute("SELECT source_path, duplicate_of FROM articles").fetchall())
        ids = dict(store.con.execute("SELECT source_path, article_id FROM articles").fetchall())
    first, second = sorted(rows)
    assert rows[first] is None
    assert rows[second] == ids[first]


def test_bad_input_is_recorded_and_the_run_goes_on(tmp_path: Path, small_corpus: Path) -> None:
    (small_corpus / "broken.jsonl").write_text(
        '{"text": "' + ARTICLES[1][1] + ' Extra line."}\n{not json\n', encoding="utf-8"
    )
    (small_corpus / "empty.txt").write_text("", encoding="utf-8")
    cfg = config(tmp_path)
    summary = run([str(small_corpus)], cfg)
    assert summary.failed
    assert summary.articles_added == 4
    printed = [str(e) for e in cfg.errors]  # type: ignore[attr-defined]
    assert any("broken.jsonl" in line and "line 2" in line for line in printed)
    assert any("empty.txt" in line and "empty" in line for line in printed)
    with Store(tmp_path / "fp.duckdb", read_only=True) as store:
        stored = store.con.execute("SELECT source_path, position FROM ingest_errors").fetchall()
    assert len(stored) == len(printed)


def test_too_long_article_is_rejected_by_name(tmp_path: Path, small_corpus: Path) -> None:
    cfg = config(tmp_path)
    cfg.options = type(cfg.options)(max_chars=100)
    summary = run([str(small_corpus)], cfg)
    assert summary.errors == 3 and summary.articles_added == 0
    assert all("over max_chars" in e.reason for e in cfg.errors)  # type: ignore[attr-defined]


def test_non_english_article_is_stored_but_not_parsed(tmp_path: Path) -> None:
    path = tmp_path / "de.jsonl"
    text = "Die Regierung hat am Montag neue Sanktionen gegen das Nachbarland beschlossen. " * 4
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    summary = run([str(path)], config(tmp_path))
    assert summary.not_english == 1
    assert summary.rows["articles"] == 1 and summary.rows["sentences"] == 0


@pytest.mark.slow
def test_two_workers_store_the_same_rows_as_one(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps({"text": t}) + "\n" for t in synthetic_articles(40)), encoding="utf-8"
    )
    one = run([str(path)], config(tmp_path / "one", batch_size=8))
    two = run([str(path)], config(tmp_path / "two", batch_size=8, workers=2))
    assert one.rows == two.rows
    assert one.rows["articles"] == 40
