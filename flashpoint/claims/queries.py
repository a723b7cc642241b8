"""Read queries over the ``claims`` table for ``flashpoint claims`` and the API.

All values are bound parameters; only the fixed clause texts below are put into SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from flashpoint.errors import FlashpointError
from flashpoint.quotes.queries import MAX_LIMIT, actor_clause, fetch_table
from flashpoint.store.queries import date_bounds

#: The actors stage's table of resolved mentions (migration 0002).
MENTIONS = "actor_mentions"
#: Shown when an ``actor`` filter is asked of a store without that table.
NO_ACTORS_TABLE = (
    f"Filtering claims by the actor they are about needs the `{MENTIONS}` table "
    "(run with the flashpoint_actors component)."
)

#: The best single value of a claim: the point value, a range's midpoint, or the one bound.
BEST = (
    "CASE WHEN c.value_low IS NOT NULL AND c.value_high IS NOT NULL "
    "THEN (c.value_low + c.value_high) / 2 ELSE coalesce(c.value_low, c.value_high) END"
)

CLAIM_COLUMNS = (
    "a.published",
    "c.as_of",
    "c.subject",
    "c.qualifier",
    "c.value_low",
    "c.value_high",
    "c.unit",
    "c.attributed_to_text",
    "c.attributed_to_name",
    "c.attributed_to_country",
    "c.attributed_to_sector",
    "c.article_id",
    "c.claim_id",
    "c.sentence_index",
    "c.char_start",
    "c.char_end",
)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchall()  # fetch all: DuckDB 2 refuses new work while a result is unfinished
    return bool(rows and rows[0][0])


def about_clause(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[str, list[Any]]:
    """Claims whose sentence mentions the actor other than as the claim's source:
    "Russia has deployed 130,000 troops, US officials say" is about RUS, sourced to USA."""
    if not _has_table(con, MENTIONS):
        raise FlashpointError(NO_ACTORS_TABLE)
    clause, params = actor_clause("m.country", "m.sector", actor)
    return (
        f"EXISTS (SELECT 1 FROM {MENTIONS} m WHERE m.article_id = c.article_id "
        "AND m.sentence_index = c.sentence_index AND " + clause + " "
        "AND NOT (m.char_start >= coalesce(c.attributed_to_char_start, -1) "
        "AND m.char_end <= coalesce(c.attributed_to_char_end, -1)))",
        params,
    )


def claim_where(
    con: duckdb.DuckDBPyConnection,
    subject: str | None,
    actor: str | None,
    source: str | None,
    since: date | None,
    until: date | None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) shared by ``claims`` and ``compare_claims``."""
    clauses, params = date_bounds("a.published", since, until)
    if subject:
        clauses.append("c.subject = ?")
        params.append(subject.lower())
    if source:
        clause, values = actor_clause("c.attributed_to_country", "c.attributed_to_sector", source)
        clauses.append(
            f"({clause} OR c.attributed_to_name ILIKE ? OR c.attributed_to_text ILIKE ?)"
        )
        params += [*values, f"%{source}%", f"%{source}%"]
    if actor:
        clause, values = about_clause(con, actor)
        clauses.append(clause)
        params += values
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def claims(
    con: duckdb.DuckDBPyConnection,
    *,
    subject: str | None = None,
    actor: str | None = None,
    source: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> pa.Table:
    """Claims, newest first. ``subject`` is what is counted ("troops"); ``actor`` a
    country (or country+sector) code the claim is about; ``source`` the code or name of who
    asserts it; ``since``/``until`` bound the article's publication date."""
    where, params = claim_where(con, subject, actor, source, since, until)
    sql = (
        f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims c "
        f"LEFT JOIN articles a USING (article_id){where} "
        "ORDER BY a.published DESC NULLS LAST, c.article_id, c.char_start LIMIT ? OFFSET ?"
    )
    params += [min(max(limit, 0), MAX_LIMIT), max(offset, 0)]
    return fetch_table(con, sql, params)
