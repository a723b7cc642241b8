"""Reads the API needs beyond the stage query modules: events as nested records (actor lists,
location object), one event/article/cluster by id, sentence search and the store summary.

Filters come from the stages (``coding.queries.where_clause``); values are bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from flashpoint.cluster.queries import cluster_articles
from flashpoint.coding.queries import EVENT_ORDER, EventFilter, where_clause
from flashpoint.store.duckdb_store import Store

Row = dict[str, Any]

_ACTOR_FIELDS = ("text", "country", "sector", "name", "kb_id", "char_start", "char_end")
_LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonameid")
EVENT_FIELDS = (
    "event_id", "article_id", "sentence_index", "char_start", "char_end", "sentence",
    "event_type", "mode", "context", "cameo_code", "cameo_root", "quad_class", "goldstein",
    "event_date", "date_precision", "modality", "confidence", "pattern", "cluster_id",
)  # fmt: skip
#: The keys of an event item, in order (also the CSV header, even of an empty page).
EVENT_ITEM = (*EVENT_FIELDS, "location", "source", "target")


class CursorStore(Store):
    """A Store view over one request's cursor, so the stage queries that take a Store
    (articles, actors, stats) run on the app's shared connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.path = path
        self.con = con


@dataclass(frozen=True)
class EventQuery:
    """The stage's event filter plus what only the API offers: text in the sentence."""

    filters: EventFilter
    text: str | None = None


_LOCATION = (
    "CASE WHEN location_name IS NULL AND location_lat IS NULL THEN NULL ELSE {"
    + ", ".join(f"'{k}': location_{k}" for k in _LOCATION_FIELDS)
    + "} END AS location"
)
_COLUMNS = ", ".join(EVENT_FIELDS) + f", {_LOCATION}"
_ACTORS = (
    f"SELECT article_id, event_id, role, {', '.join(_ACTOR_FIELDS)} FROM event_actors "
    "WHERE {where} ORDER BY char_start, char_end"
)
#: One event's actors by the event_id index; a page's in one scan.
_ONE_EVENT, _EVENTS = "event_id = ?", "event_id IN (SELECT unnest(?))"


def records(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    """Rows as dicts straight from DuckDB's Python values: for the few rows of a page or a
    lookup, going through Arrow costs more than the query."""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _with_actors(con: duckdb.DuckDBPyConnection, events: list[Row]) -> list[Row]:
    """Give each event its ``source`` and ``target`` actor lists (text order), fetched in one
    query for the whole page: a correlated subquery per event would scan every actor row."""
    by_event: dict[tuple[str, str], Row] = {}
    for event in events:
        event["source"], event["target"] = [], []
        by_event[(event["article_id"], event["event_id"])] = event
    if not events:
        return events
    ids = [e["event_id"] for e in events]
    where, param = (_ONE_EVENT, ids[0]) if len(ids) == 1 else (_EVENTS, ids)
    for actor in records(con, _ACTORS.format(where=where), [param]):
        owner = by_event.get((actor.pop("article_id"), actor.pop("event_id")))
        if owner is not None:
            owner[actor.pop("role")].append(actor)
    return events


def _event_where(q: EventQuery) -> tuple[str, list[Any]]:
    where, params = where_clause(q.filters)
    if q.text:
        where += (" AND " if where else " WHERE ") + "e.sentence ILIKE ?"
        params.append(f"%{q.text}%")
    return where, params


def event_page(con: duckdb.DuckDBPyConnection, q: EventQuery, limit: int, offset: int) -> list[Row]:
    """One page of events, newest first; actors are looked up for that page only."""
    where, params = _event_where(q)
    sql = f"SELECT {_COLUMNS} FROM events e{where} ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?"
    rows = records(con, sql, [*params, limit, offset])
    return _with_actors(con, rows)


def event_by_id(con: duckdb.DuckDBPyConnection, event_id: str) -> Row | None:
    """One event with its article (text included) and its story cluster, or None. Ids are
    unique per article only: the first article's event wins (sorted here, not in SQL, so
    the lookup stays on the event_id index)."""
    rows = records(con, f"SELECT {_COLUMNS} FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    [event] = _with_actors(con, [min(rows, key=lambda r: r["article_id"])])
    event["article"] = article_by_id(con, event["article_id"])
    event["cluster"] = cluster_by_id(con, event["cluster_id"]) if event["cluster_id"] else None
    return event


def article_by_id(con: duckdb.DuckDBPyConnection, article_id: str) -> Row | None:
    """The whole article record, text included."""
    rows = records(
        con,
        "SELECT article_id, url, outlet, title, published, lang, text, source_path, "
        "ingested_at, duplicate_of FROM articles WHERE article_id = ?",
        [article_id],
    )
    return rows[0] if rows else None


def cluster_by_id(con: duckdb.DuckDBPyConnection, cluster_id: str) -> Row | None:
    """A story cluster's record with the articles that reported it."""
    rows = records(con, "SELECT * FROM clusters WHERE cluster_id = ?", [cluster_id])
    if not rows:
        return None
    return {**rows[0], "articles": cluster_articles(con, cluster_id).to_pylist()}


def search_sentences(
    con: duckdb.DuckDBPyConnection, text: str, limit: int, offset: int
) -> list[Row]:
    """Sentences containing ``text`` (case-insensitive), newest article first, each with its
    article's title and outlet and its span in the article text."""
    sql = (
        "WITH s AS (SELECT s.article_id, s.sentence_index, s.char_start, s.char_end, "
        "substr(a.text, s.char_start + 1, s.char_end - s.char_start) AS sentence, "
        "a.title, a.outlet, a.published FROM sentences s JOIN articles a USING (article_id)) "
        "SELECT article_id, title, outlet, published, sentence_index, char_start, char_end, "
        "sentence FROM s WHERE sentence ILIKE ? "
        "ORDER BY published DESC NULLS LAST, article_id, sentence_index LIMIT ? OFFSET ?"
    )
    return records(con, sql, [f"%{text}%", limit, offset])


def summary(store: Store) -> Row:
    """Row counts per table and the date bounds of articles and events."""
    [(first, last, outlets, dups)] = store.con.execute(
        "SELECT min(published), max(published), count(DISTINCT outlet), "
        "count(*) FILTER (WHERE duplicate_of IS NOT NULL) FROM articles"
    ).fetchall()
    [(event_first, event_last)] = store.con.execute(
        "SELECT min(event_date), max(event_date) FROM events"
    ).fetchall()
    return {
        "counts": store.counts(),
        "published_from": first,
        "published_to": last,
        "event_date_from": event_first,
        "event_date_to": event_last,
        "outlets": outlets,
        "near_duplicates": dups,
    }
