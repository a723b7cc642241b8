from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from flashpoint.errors import FlashpointError
from flashpoint.store import Store
from flashpoint.store.duckdb_store import migrations


def article(article_id: str) -> dict[str, object]:
    return {"article_id": article_id, "text": f"text {article_id}", "ingested_at": datetime.now()}


def test_new_store_is_migrated_to_latest(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        assert store.version == migrations()[-1][0]
        assert {"articles", "sentences", "entities", "ingest_errors"} <= set(store.table_names())


def test_reopening_does_not_reapply_migrations(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    Store(path).close()
    with Store(path) as store:
        rows = store.con.execute("SELECT count(*) FROM schema_migrations").fetchone()
        assert rows == (len(migrations()),)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_migrations (version) VALUES (9999)")
    with pytest.raises(FlashpointError, match="E002"):
        Store(path)


def test_read_only_open_of_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(FlashpointError, match=r"E003.*nope\.duckdb.*no such file"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_insert_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        store.write_batch({"articles": [article("a"), article("b")]})
        store.write_batch({"articles": [article("b"), article("c")]})
        assert store.counts()["articles"] == 3
        assert store.existing_article_ids(["a", "c", "z"]) == {"a", "c"}


def test_failed_batch_writes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        good = {"articles": [article("a")]}
        bad_sentences = [
            {"article_id": "a", "sentence_index": 0, "char_start": None, "char_end": 3}
        ]
        with pytest.raises(duckdb.Error):
            store.write_batch({**good, "sentences": bad_sentences})
        assert store.counts()["articles"] == 0
        store.write_batch(good)
        assert store.counts()["articles"] == 1


def test_a_late_numbered_migration_is_still_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flashpoint.store.duckdb_store as module

    first = migrations()[0]
    monkeypatch.setattr(module, "migrations", lambda: [first, (3, "CREATE TABLE t3 (x INT)")])
    Store(tmp_path / "a.duckdb").close()
    monkeypatch.setattr(
        module,
        "migrations",
        lambda: [first, (2, "CREATE TABLE t2 (x INT)"), (3, "CREATE TABLE t3 (x INT)")],
    )
    with Store(tmp_path / "a.duckdb") as store:
        assert {"t2", "t3"} <= set(store.table_names())


@pytest.mark.parametrize("table", ["events", "event_actors"])
def test_one_event_is_read_through_the_event_id_index(tmp_path: Path, table: str) -> None:
    """The API's event view looks events and their actors up by id; without the index of
    migration 0007 each lookup scans the whole table."""
    with Store(tmp_path / "a.duckdb") as store:
        store.con.execute(
            "INSERT INTO events (article_id, event_id, sentence_index, char_start, char_end, "
            "sentence, event_type, cameo_code, cameo_root, quad_class, goldstein, modality, "
            "confidence, pattern, coder_version) SELECT 'a' || (i // 4), 'e' || i, 0, 0, 4, "
            "'x', 'ASSAULT', '190', '19', 4, -10, 'asserted', 0.8, 'p', 'v' "
            "FROM range(5000) t(i)"
        )
        store.con.execute(
            "INSERT INTO event_actors (article_id, event_id, role, text, char_start, char_end) "
            "SELECT 'a' || (i // 4), 'e' || i, 'source', 'X', 0, 1 FROM range(5000) t(i)"
        )
        sql = f"EXPLAIN ANALYZE SELECT * FROM {table} WHERE event_id = 'e1'"
        plan = store.con.execute(sql).fetchall()
    assert "Index Scan" in plan[0][1]


def test_counts_every_table_in_one_go(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        store.con.execute("INSERT INTO sentences VALUES ('a', 0, 0, 4), ('a', 1, 5, 9)")
        counts = store.counts()
        assert counts["sentences"] == 2 and counts["articles"] == 0
        assert store.counts(["sentences"]) == {"sentences": 2}
    assert "schema_migrations" not in counts
