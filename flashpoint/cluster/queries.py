"""Filtered reads of story clusters (``flashpoint clusters``) and of one cluster's articles.

Every filter is a bound parameter; the SQL text depends only on which filters are set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from flashpoint.cluster.matching import RECIPROCAL_TYPES
from flashpoint.errors import Errors, FlashpointError
from flashpoint.store.queries import MAX_LIMIT, date_bounds


@dataclass(frozen=True)
class ClusterFilter:
    """``dyad``: "RUS:UKR" for clusters with that source and target (either order for the
    reciprocal types); ``since``/``until`` bound the event date; ``min_articles`` drops
    stories fewer articles reported."""

    dyad: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    min_articles: int = 1
    limit: int = 50
    offset: int = 0


def _dyad(value: str) -> tuple[str, str]:
    source, sep, target = value.partition(":")
    if not sep or not source.strip() or not target.strip():
        raise FlashpointError(
            Errors.E006.format(name="dyad", value=value, reason="use SOURCE:TARGET, e.g. RUS:UKR")
        )
    return source.strip().upper(), target.strip().upper()


def _where(f: ClusterFilter) -> tuple[str, list[Any]]:
    clauses = ["c.num_articles >= ?"]
    params: list[Any] = [f.min_articles]
    if f.dyad:
        source, target = _dyad(f.dyad)
        clauses.append(
            "((c.source_country = ? AND c.target_country = ?) OR "
            "(list_contains(?, c.event_type) AND c.source_country = ? AND c.target_country = ?))"
        )
        params += [source, target, sorted(RECIPROCAL_TYPES), target, source]
    if f.event_type:
        clauses.append("c.event_type = ?")
        params.append(f.event_type.upper())
    bounds, values = date_bounds("c.event_date", f.since, f.until)
    clauses += bounds
    params += values
    return " WHERE " + " AND ".join(clauses), params


def clusters(con: duckdb.DuckDBPyConnection, filters: ClusterFilter | None = None) -> pa.Table:
    """Clusters matching ``filters``, most reported first, with the representative sentence."""
    f = filters or ClusterFilter()
    where, params = _where(f)
    sql = (
        "SELECT c.cluster_id, c.event_date, c.event_type, c.quad_class, c.source_country, "
        "c.target_country, c.num_articles, c.num_sources, c.num_mentions, c.first_seen, "
        "c.last_seen, e.sentence, c.representative_article_id, c.representative_event_id "
        "FROM clusters c JOIN events e ON e.article_id = c.representative_article_id "
        f"AND e.event_id = c.representative_event_id{where} "
        "ORDER BY c.num_articles DESC, c.event_date DESC NULLS LAST, c.cluster_id "
        "LIMIT ? OFFSET ?"
    )
    limit = min(max(f.limit, 0), MAX_LIMIT)
    return con.sql(sql, params=[*params, limit, max(f.offset, 0)]).to_arrow_table()


def cluster_articles(con: duckdb.DuckDBPyConnection, cluster_id: str) -> pa.Table:
    """The articles of one cluster, earliest first, with how many of its events each has and the
    first such sentence."""
    sql = (
        "SELECT a.article_id, a.outlet, a.title, a.url, a.published, a.duplicate_of, "
        "count(*) AS mentions, arg_min(e.sentence, e.char_start) AS sentence "
        "FROM events e JOIN articles a USING (article_id) WHERE e.cluster_id = ? "
        "GROUP BY ALL ORDER BY a.published NULLS LAST, a.article_id"
    )
    return con.sql(sql, params=[cluster_id]).to_arrow_table()
