"""Storage: the embedded DuckDB store (default) and exports of query results."""

from flashpoint.store.duckdb_store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
