"""The embedded DuckDB store: versioned schema, one transaction per batch, bulk inserts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from flashpoint.errors import Errors, FlashpointError

DEFAULT_DB = "flashpoint.duckdb"
_MIGRATION = re.compile(r"^(\d{4})_\w+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """Packaged forward migrations as (version, SQL), oldest first."""
    found = []
    for entry in resources.files("flashpoint.store.migrations").iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """A flashpoint DuckDB file. Writers migrate it on open; readers open it read-only."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FlashpointError(Errors.E003.format(path=self.path, reason="no such file"))
        try:
            if not read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise FlashpointError(Errors.E003.format(path=self.path, reason=exc)) from exc
        if not read_only:
            self.migrate()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def version(self) -> int:
        """Schema version of this file (0 for a new file)."""
        exists = self.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        )
        if not exists:
            return 0
        return int(self.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    def migrate(self) -> None:
        """Apply each packaged migration this file lacks, oldest first, each in its own
        transaction (by membership, not max version, so a late-numbered file still runs)."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        applied = {
            r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()
        }
        for version, sql in migrations():
            if version in applied:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])

    def _check_version(self) -> None:
        known = migrations()[-1][0]
        if self.version > known:
            raise FlashpointError(
                Errors.E002.format(path=self.path, found=self.version, known=known)
            )

    def transaction(self) -> _Transaction:
        """Commit the block whole or roll it back whole."""
        return _Transaction(self.con)

    def existing_article_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids are already stored (one query per batch)."""
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def signatures(self) -> Iterator[tuple[str, bytes, str | None]]:
        """Stored MinHash signatures in ingestion order, with each article's duplicate_of."""
        cur = self.con.execute(
            "SELECT m.article_id, m.signature, a.duplicate_of FROM minhashes m "
            "JOIN articles a USING (article_id) ORDER BY m.seq"
        )
        while chunk := cur.fetchmany(10_000):
            yield from chunk

    def next_seq(self) -> int:
        return int(self.scalar("SELECT coalesce(max(seq) + 1, 0) FROM minhashes"))

    def insert_rows(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Bulk insert through Arrow; rows already present (same key) are left as they are."""
        if not rows:
            return
        arrow = pa.Table.from_pylist(list(rows))
        self.con.register("_batch", arrow)
        try:
            self.con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    def write_batch(self, tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Write every table of a batch in one transaction: all of it lands, or none."""
        with self.transaction():
            for table, rows in tables.items():
                self.insert_rows(table, rows)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The single value of a one-row, one-column query (the result is fully consumed)."""
        return self.con.execute(sql, list(params)).fetchall()[0][0]

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run a query with bound parameters and return its rows as an Arrow table."""
        return self.con.sql(sql, params=list(params)).to_arrow_table()

    def table_names(self) -> list[str]:
        return [r[0] for r in self.con.execute("SHOW TABLES").fetchall()]

    def counts(self, tables: Iterable[str] | None = None) -> dict[str, int]:
        """Row count per table (schema bookkeeping excluded), in one query: the API's stats
        endpoint asks for them on every call."""
        names = list(
            tables or [t for t in self.table_names() if t not in {"schema_migrations", "minhashes"}]
        )
        if not names:
            return {}
        sql = " UNION ALL ".join(f'SELECT ?, count(*) FROM "{name}"' for name in names)
        return {name: int(n) for name, n in self.con.execute(sql, names).fetchall()}


class _Transaction:
    """BEGIN on enter; COMMIT on success, ROLLBACK on any exception."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
