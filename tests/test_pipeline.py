from datetime import date

import flashpoint


def test_process_text_returns_sentences_and_entities() -> None:
    result = flashpoint.process_text(
        "Negotiators met in Geneva on Monday. They agreed to meet again.", published="2025-03-10"
    )
    assert result.article.published == date(2025, 3, 10)
    assert len(result.sentences) == 2
    assert [result.span_text(e) for e in result.entities if e["label"] == "GPE"] == ["Geneva"]


def test_pipeline_runs_into_a_store(tmp_path, small_corpus) -> None:  # type: ignore[no-untyped-def]
    config = flashpoint.RunConfig(db=tmp_path / "x.duckdb", progress=False)
    summary = flashpoint.Pipeline().run([str(small_corpus)], config)
    assert summary.articles_added == 3
    with flashpoint.Store(tmp_path / "x.duckdb", read_only=True) as store:
        assert store.counts()["articles"] == 3
