"""Events in the store: the migration, the extractors, idempotent writes, and queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from flashpoint.coding.queries import EventFilter, events
from flashpoint.errors import FlashpointError
from flashpoint.nlp.extract import doc_tables
from flashpoint.store import Store

ARTICLES = {
    "a1": (
        "2024-03-04",
        "Russian forces shelled Kharkiv on Sunday. Ukraine urged Russia to pull back its troops.",
    ),
    "a2": (
        "2024-03-11",
        "Hungary and Romania agreed to hold talks. Poland said Russia could attack Lithuania.",
    ),
}


@pytest.fixture(scope="module")
def store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = Path(tmp_path_factory.mktemp("events")) / "events.duckdb"
    opened = Store(path)
    for article_id, (day, text) in ARTICLES.items():
        doc = nlp.make_doc(text)
        doc._.published = date.fromisoformat(day)
        tables = doc_tables(nlp(doc), article_id)
        opened.write_batch({k: v for k, v in tables.items() if k in ("events", "event_actors")})
    return opened


def test_rows_are_stored_once(store: Store, nlp: Language) -> None:
    before = store.counts(["events", "event_actors"])
    doc = nlp.make_doc(ARTICLES["a1"][1])
    doc._.published = date(2024, 3, 4)
    tables = doc_tables(nlp(doc), "a1")
    store.write_batch({k: v for k, v in tables.items() if k in ("events", "event_actors")})
    assert store.counts(["events", "event_actors"]) == before
    assert before["events"] >= 5 and before["event_actors"] > before["events"]


def test_columns_follow_the_event_record(store: Store) -> None:
    columns = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
    assert columns >= {
        "event_id",
        "article_id",
        "sentence_index",
        "char_start",
        "char_end",
        "sentence",
        "event_type",
        "mode",
        "context",
        "cameo_code",
        "cameo_root",
        "quad_class",
        "goldstein",
        "event_date",
        "date_precision",
        "location_name",
        "location_country",
        "location_admin1",
        "location_lat",
        "location_lon",
        "location_geonameid",
        "modality",
        "confidence",
        "coder_version",
        "cluster_id",
    }
    roles = {r[0] for r in store.con.execute("SELECT DISTINCT role FROM event_actors").fetchall()}
    assert roles == {"source", "target"}


def test_filters(store: Store) -> None:
    shelling = events(
        store.con, EventFilter(event_type="assault", modality=("asserted",))
    ).to_pylist()
    assert [(r["event_date"], r["source"], r["target"]) for r in shelling] == [
        (date(2024, 3, 3), "RUS MIL Russian forces", "UKR Kharkiv")
    ]
    assert events(store.con, EventFilter(dyad="UKR:RUS")).column("event_type").to_pylist() == [
        "REQUEST"
    ]
    assert events(store.con, EventFilter(dyad="rus:ltu")).column("modality").to_pylist() == [
        "hypothetical"
    ]
    assert set(events(store.con, EventFilter(country="HUN")).column("event_type").to_pylist()) == {
        "AGREE",
        "CONSULT",
    }
    recent = (
        events(store.con, EventFilter(since=date(2024, 3, 10))).column("article_id").to_pylist()
    )
    assert recent and set(recent) == {"a2"}
    assert events(store.con, EventFilter(until=date(2024, 3, 5), quad_class=4)).column(
        "event_type"
    ).to_pylist() == ["ASSAULT"]
    hypothetical = events(store.con, EventFilter(modality=("hypothetical",))).to_pylist()
    assert {r["event_type"] for r in hypothetical} >= {"ASSAULT"}
    page = events(store.con, EventFilter(limit=2, offset=1))
    assert page.num_rows == 2


@pytest.mark.parametrize("bad", [EventFilter(dyad="RUS"), EventFilter(modality=("likely",))])
def test_bad_filters_are_refused(store: Store, bad: EventFilter) -> None:
    with pytest.raises(FlashpointError, match="E006"):
        events(store.con, bad)
