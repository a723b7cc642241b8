"""Read queries over the ``quotes`` table for ``flashpoint quotes`` and the API.

All values are bound parameters; only the fixed clause texts below are put into SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from flashpoint.store.queries import MAX_LIMIT, date_bounds


def fetch_table(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pa.Table:
    """Run a parameterised query and return an Arrow table (DuckDB 1.x and 2.x names)."""
    relation = con.sql(sql, params=params)
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
    return fetch()


QUOTE_COLUMNS = (
    "a.published",
    "a.outlet",
    "q.speaker_text",
    "q.speaker_name",
    "q.speaker_country",
    "q.speaker_sector",
    "q.kind",
    "q.cue",
    "q.content",
    "q.confidence",
    "q.article_id",
    "q.quote_id",
    "q.sentence_index",
    "q.char_start",
    "q.char_end",
)


def actor_clause(country: str, sector: str, actor: str) -> tuple[str, list[Any]]:
    """Match an actor code against two columns: a country ("RUS", "NATO") or country +
    sector ("RUSGOV")."""
    return (
        f"({country} = ? OR {country} || coalesce({sector}, '') = ?)",
        [actor.upper(), actor.upper()],
    )


def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    actor: str | None = None,
    since: date | None = None,
    until: date | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> pa.Table:
    """Quotes, newest first. ``speaker`` matches the speaker's canonical name or surface
    text (case-insensitive substring); ``actor`` is a country or country+sector code;
    ``since``/``until`` bound the article's publication date."""
    clauses, params = date_bounds("a.published", since, until)
    if speaker:
        clauses.append("(q.speaker_name ILIKE ? OR q.speaker_text ILIKE ?)")
        params += [f"%{speaker}%"] * 2
    if actor:
        clause, values = actor_clause("q.speaker_country", "q.speaker_sector", actor)
        clauses.append(clause)
        params += values
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes q "
        f"LEFT JOIN articles a USING (article_id){where} "
        "ORDER BY a.published DESC NULLS LAST, q.article_id, q.char_start LIMIT ? OFFSET ?"
    )
    params += [min(max(limit, 0), MAX_LIMIT), max(offset, 0)]
    return fetch_table(con, sql, params)


def speakers(con: duckdb.DuckDBPyConnection, limit: int = 50) -> pa.Table:
    """Who is quoted most: speakers by number of quotes (unknown speakers left out)."""
    return fetch_table(
        con,
        "SELECT coalesce(speaker_name, speaker_text) AS speaker, speaker_country, "
        "speaker_sector, count(*) AS quotes, count(DISTINCT article_id) AS articles "
        "FROM quotes WHERE speaker_text IS NOT NULL GROUP BY ALL "
        "ORDER BY quotes DESC, speaker LIMIT ?",
        [min(max(limit, 0), MAX_LIMIT)],
    )
