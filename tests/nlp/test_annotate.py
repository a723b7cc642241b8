from __future__ import annotations

from datetime import date

import pytest

import flashpoint.nlp.batch as module
from flashpoint.nlp import NlpTask, annotate, get_pipeline
from flashpoint.nlp.batch import annotate_safely

TEXT = "Negotiators met in Geneva on Monday. The United Nations welcomed the agreement."


def test_sentences_and_entities_have_offsets_into_the_text() -> None:
    [tables] = annotate([NlpTask("a1", TEXT, date(2025, 3, 10))])
    sentences = tables["sentences"]
    assert [TEXT[s["char_start"] : s["char_end"]] for s in sentences] == [
        "Negotiators met in Geneva on Monday.",
        "The United Nations welcomed the agreement.",
    ]
    ents = {(e["text"], e["label"], e["sentence_index"]) for e in tables["entities"]}
    assert ("Geneva", "GPE", 0) in ents
    assert ("United Nations", "ORG", 1) in ents
    assert all(row["article_id"] == "a1" for rows in tables.values() for row in rows)


def test_pipeline_is_loaded_once_per_process() -> None:
    assert get_pipeline() is get_pipeline()


def test_one_bad_article_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    real = module.doc_tables

    def explode(doc, article_id):  # type: ignore[no-untyped-def]
        if article_id == "bad":
            raise RuntimeError("boom")
        return real(doc, article_id)

    monkeypatch.setattr(module, "doc_tables", explode)
    results = annotate_safely([NlpTask("ok", TEXT), NlpTask("bad", TEXT), NlpTask("ok2", TEXT)])
    assert isinstance(results[0], dict) and isinstance(results[2], dict)
    assert results[1] == "NLP failed: RuntimeError: boom"
