"""The public API: records with DESIGN.md names, resolve(), the pipeline helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import spacy

import flashpoint.actors
from flashpoint.actors import actor_records, add_actor_components, resolve
from flashpoint.nlp.model import load_model

ACTOR_FIELDS = {"text", "country", "sector", "name", "kb_id", "char_start", "char_end"}


def test_records_carry_design_names_and_provenance(nlp) -> None:
    doc = nlp("Kremlin spokesman Dmitry Peskov said he was calm.")
    records = actor_records(doc)
    assert records and set(records[0]) >= ACTOR_FIELDS
    assert {"sentence_index", "mention_kind", "antecedent", "confidence"} <= set(records[0])
    pronoun = records[-1]
    assert pronoun["mention_kind"] == "pronoun"
    assert pronoun["antecedent"]["text"] == "Kremlin spokesman Dmitry Peskov"


def test_cameo_style_code(nlp) -> None:
    (troops,) = nlp("Russian troops advanced.")._.actors
    assert troops.code == "RUSMIL"


def test_records_of_an_unprocessed_doc_are_empty() -> None:
    assert actor_records(spacy.blank("en")("Nothing ran here.")) == []


def test_resolve_for_quick_use() -> None:
    records = resolve("President Trump met Russian diplomats.", published=date(2019, 6, 1))
    assert [(r["text"], r["country"], r["sector"]) for r in records] == [
        ("President Trump", "USA", "GOV"),
        ("Russian diplomats", "RUS", "GOV"),
    ]


def test_resolve_with_a_user_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "kb_id,name,aliases,country,sector,kind,label\n"
        "aldorian_guard,Aldorian Guard,Guard of Aldoria,ALD,PRM,armed_group,ORG\n",
        encoding="utf-8",
    )
    records = resolve("The Aldorian Guard fired shots.", extra_files=[extra])
    assert [(r["name"], r["country"], r["sector"]) for r in records] == [
        ("Aldorian Guard", "ALD", "PRM")
    ]


def test_components_are_registered_factories() -> None:
    nlp = add_actor_components(load_model())
    assert nlp.pipe_names[-1] == flashpoint.actors.RESOLVER
    assert nlp.pipe_names[nlp.pipe_names.index("ner") - 1] == flashpoint.actors.RULER
    assert nlp.get_pipe_meta(flashpoint.actors.RESOLVER).assigns == ["doc._.actors"]
