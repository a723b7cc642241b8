"""Filtered read queries shared by the CLI and the API. SQL takes only bound parameters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from flashpoint.store.duckdb_store import Store

MAX_LIMIT = 100_000


@dataclass(frozen=True)
class ArticleFilter:
    """Filters of ``flashpoint articles`` (and ``GET /articles``)."""

    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    search: str | None = None
    include_duplicates: bool = True
    limit: int = 50
    offset: int = 0


ARTICLE_COLUMNS = (
    "article_id",
    "published",
    "outlet",
    "title",
    "url",
    "lang",
    "duplicate_of",
    "source_path",
)


def date_bounds(column: str, since: date | None, until: date | None) -> tuple[list[str], list[Any]]:
    """``column`` on or after ``since`` and on or before ``until`` (either may be open), as
    clauses with bound parameters: every stage's query filters dates this way."""
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return clauses, params


def _where(f: ArticleFilter) -> tuple[str, list[Any]]:
    clauses, params = date_bounds("published", f.since, f.until)
    if f.outlet:
        clauses.append("outlet ILIKE ?")
        params.append(f.outlet)
    if f.search:
        clauses.append("(text ILIKE ? OR title ILIKE ?)")
        params += [f"%{f.search}%"] * 2
    if not f.include_duplicates:
        clauses.append("duplicate_of IS NULL")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def articles(
    store: Store, f: ArticleFilter, columns: tuple[str, ...] = ARTICLE_COLUMNS
) -> pa.Table:
    """Articles matching ``f``, newest first, with a capped page size."""
    where, params = _where(f)
    limit = min(max(f.limit, 0), MAX_LIMIT)
    sql = (
        f"SELECT {', '.join(columns)} FROM articles{where} "
        "ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?"
    )
    return store.arrow(sql, [*params, limit, max(f.offset, 0)])


def stats(store: Store) -> pa.Table:
    """One row per measure: counts per table, date range, outlets, errors by severity."""
    con = store.con
    rows: list[tuple[str, str]] = [(t, f"{n:,}") for t, n in store.counts().items()]
    [(first, last, outlets, dups)] = con.execute(
        "SELECT min(published), max(published), count(DISTINCT outlet), "
        "count(*) FILTER (WHERE duplicate_of IS NOT NULL) FROM articles"
    ).fetchall()
    rows += [
        ("published_from", str(first or "")),
        ("published_to", str(last or "")),
        ("outlets", f"{outlets:,}"),
        ("near_duplicates", f"{dups:,}"),
    ]
    for severity, n in con.execute(
        "SELECT severity, count(*) FROM ingest_errors GROUP BY 1 ORDER BY 1"
    ).fetchall():
        rows.append((f"ingest_{severity}s", f"{n:,}"))
    return pa.table({"measure": [r[0] for r in rows], "value": [r[1] for r in rows]})


def ingest_errors(store: Store, limit: int = 50) -> pa.Table:
    """The most recent ingest errors and warnings."""
    return store.arrow(
        "SELECT recorded_at, severity, source_path, position, reason FROM ingest_errors "
        "ORDER BY recorded_at DESC, source_path, position LIMIT ?",
        [min(max(limit, 0), MAX_LIMIT)],
    )
