"""Locations in the store: the migration, the stored columns, and the location filters
(queries and ``flashpoint events``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from spacy.tokens import Doc

from flashpoint.cli import main
from flashpoint.coding.queries import EventFilter, events
from flashpoint.errors import FlashpointError
from flashpoint.nlp.extract import doc_tables
from flashpoint.store import Store
from flashpoint.store.duckdb_store import migrations

ARTICLES = {
    "k1": "Russian forces shelled Kharkiv on Sunday.",
    "v1": "Police arrested protesters in Vienna on Monday.",
    "c1": "Venezuela accused Guyana of provocations.",
}
KHARKIV = "49.98,36.25"


@pytest.fixture(scope="module")
def store_path(parse_geo: Callable[[str], Doc], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(tmp_path_factory.mktemp("geo")) / "geo.duckdb"
    with Store(path) as store:
        for article_id, text in ARTICLES.items():
            tables = doc_tables(parse_geo(text), article_id)
            store.write_batch({k: v for k, v in tables.items() if k in ("events", "event_actors")})
    return path


def _located(path: Path, f: EventFilter) -> set[tuple[str, str]]:
    with Store(path, read_only=True) as store:
        rows = events(store.con, f).to_pylist()
    return {(r["article_id"], r["location_name"]) for r in rows}


def test_locations_are_stored_with_precision_and_confidence(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        rows = store.con.execute(
            "SELECT article_id, location_name, location_country, location_precision, "
            "location_confidence, location_lat FROM events ORDER BY article_id"
        ).fetchall()
    by_article = {r[0]: r[1:] for r in rows}
    assert by_article["k1"][:3] == ("Kharkiv", "UKR", "point")
    assert by_article["v1"][:3] == ("Vienna", "AUT", "point")
    assert by_article["c1"][:3] == ("Venezuela", "VEN", "country")
    assert all(0 < r[4] <= 1 and r[5] is not None for r in rows)


def test_near_finds_events_within_the_radius(store_path: Path) -> None:
    assert {a for a, _ in _located(store_path, EventFilter(near=KHARKIV, km=50))} == {"k1"}
    assert {a for a, _ in _located(store_path, EventFilter(near="48.21,16.37", km=10))} == {"v1"}
    assert _located(store_path, EventFilter(near="0,0", km=500)) == set()


def test_country_precision_is_never_near_anything(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        lat, lon = store.con.execute(
            "SELECT location_lat, location_lon FROM events WHERE article_id = 'c1'"
        ).fetchone()  # type: ignore[misc]
    assert _located(store_path, EventFilter(near=f"{lat},{lon}", km=1)) == set()


@pytest.mark.parametrize(
    ("near", "km"), [("50.4", 50.0), ("north,south", 50.0), ("95,10", 50.0), ("50,190", 50.0),
                     (KHARKIV, 0.0), (KHARKIV, -3.0)]
)  # fmt: skip
def test_bad_near_is_refused(store_path: Path, near: str, km: float) -> None:
    with pytest.raises(FlashpointError, match=r"\[E006\] Bad filter"):
        _located(store_path, EventFilter(near=near, km=km))


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    """One event by a German actor located in Austria."""
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.insert_rows("events", [{
            "article_id": "a", "event_id": "e", "sentence_index": 0, "char_start": 0,
            "char_end": 4, "sentence": "x", "event_type": "PROTEST", "cameo_code": "141",
            "cameo_root": "14", "quad_class": 3, "goldstein": -6.5, "modality": "asserted",
            "confidence": 0.7, "pattern": "p", "coder_version": "v",
            "location_name": "Vienna", "location_country": "AUT",
            "location_precision": "point", "location_lat": 48.2, "location_lon": 16.37,
        }])  # fmt: skip
        store.insert_rows("event_actors", [{
            "article_id": "a", "event_id": "e", "role": "source", "text": "Germans",
            "country": "DEU", "char_start": 0, "char_end": 7,
        }])  # fmt: skip
    return path


@pytest.mark.parametrize(
    ("f", "found"),
    [
        (EventFilter(country="aut"), True),
        (EventFilter(country="DEU"), True),
        (EventFilter(country="FRA"), False),
        (EventFilter(located_in="AUT"), True),
        (EventFilter(located_in="DEU"), False),
        (EventFilter(country="DEU", located_in="AUT", near="48.2,16.4", km=5), True),
    ],
)
def test_country_means_actor_or_location_and_located_in_location_only(
    synthetic: Path, f: EventFilter, found: bool
) -> None:
    assert bool(_located(synthetic, f)) is found


def test_cli_events_near_and_located_in(store_path: Path) -> None:
    db = str(store_path)
    runner = CliRunner()
    result = runner.invoke(
        main, ["events", "--db", db, "--near", KHARKIV, "--km", "50", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["location_name"], r["location_country"]) for r in rows} == {("Kharkiv", "UKR")}
    result = runner.invoke(main, ["events", "--db", db, "--located-in", "aut", "--format", "csv"])
    assert result.exit_code == 0 and "Vienna" in result.stdout and "Kharkiv" not in result.stdout
    result = runner.invoke(main, ["events", "--db", db, "--near", "50;36"])
    assert result.exit_code != 0 and "E006" in result.output and "near" in result.output


def test_migration_adds_columns_to_an_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
    )
    for version, sql in migrations():
        if version < 6:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
    con.execute(
        "INSERT INTO events (article_id, event_id, sentence_index, char_start, char_end, "
        "sentence, event_type, cameo_code, cameo_root, quad_class, goldstein, modality, "
        "confidence, pattern, coder_version, event_date) VALUES ('a', 'e', 0, 0, 4, 'x', "
        "'ASSAULT', '190', '19', 4, -10, 'asserted', 0.8, 'p', 'v', ?)",
        [date(2024, 1, 2)],
    )
    con.close()
    with Store(path) as store:
        assert store.version == migrations()[-1][0]
        row = store.con.execute(
            "SELECT event_id, location_precision, location_confidence FROM events"
        ).fetchall()
    assert row == [("e", None, None)]
