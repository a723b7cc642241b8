"""Incremental clustering of stored events: assign every event without a cluster, then
recompute the rows of the clusters that grew, all in one transaction.

Only events without ``cluster_id`` are matched, against the assigned events whose day lies
within the window of the new ones (and the events of the originals of near-duplicates), so
a re-run over the same store finds nothing to do and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from flashpoint.actors.loader import load_knowledge_base
from flashpoint.cluster.matching import ClusterConfig, Item, Matcher
from flashpoint.store import Store

# One row per event with the features the matcher needs; {where} picks which events.
_ITEMS = """
SELECT m.seq, e.char_start, e.article_id, e.event_id, e.event_type, e.quad_class,
       coalesce(e.event_date, a.published) AS day, e.sentence, a.duplicate_of, e.cluster_id,
       list_distinct(list(x.country) FILTER (x.role = 'source' AND x.country IS NOT NULL))
           AS sources,
       list_distinct(list(x.country) FILTER (x.role = 'target' AND x.country IS NOT NULL))
           AS targets,
       list_distinct(list(x.kb_id) FILTER (x.kb_id IS NOT NULL)) AS kb_ids
FROM events e
JOIN articles a USING (article_id)
LEFT JOIN minhashes m USING (article_id)
LEFT JOIN event_actors x USING (article_id, event_id)
WHERE {where}
GROUP BY ALL
ORDER BY m.seq NULLS LAST, e.article_id, e.char_start, e.event_id
"""

_PLACE_KINDS = frozenset({"city", "region"})
_NEW = "e.cluster_id IS NULL"
_KNOWN = (
    "e.cluster_id IS NOT NULL AND ("
    "coalesce(e.event_date, a.published) BETWEEN ? AND ? "
    "OR (? AND coalesce(e.event_date, a.published) IS NULL) "
    "OR e.article_id IN (SELECT duplicate_of FROM events n JOIN articles d USING (article_id) "
    "WHERE n.cluster_id IS NULL AND d.duplicate_of IS NOT NULL))"
)

# Representative: asserted before reported before the rest, then events naming both sides,
# then the most confident, then the earliest article.
_MODALITY_RANK = (
    "CASE modality WHEN 'asserted' THEN 0 WHEN 'reported' THEN 1 WHEN 'future' THEN 2 "
    "WHEN 'hypothetical' THEN 3 ELSE 4 END"
)


def _first_country(role: str, *, other_than_source: bool = False) -> str:
    """The country of the event's first actor in ``role``; for targets, preferably one that is
    not also a source (a reciprocal "India and Pakistan agreed" lists both in both roles)."""
    also_source = (
        "EXISTS (SELECT 1 FROM event_actors y WHERE y.article_id = x.article_id "
        "AND y.event_id = x.event_id AND y.role = 'source' AND y.country = x.country), "
        if other_than_source
        else ""
    )
    return (
        "(SELECT x.country FROM event_actors x WHERE x.article_id = e.article_id "
        f"AND x.event_id = e.event_id AND x.role = '{role}' AND x.country IS NOT NULL "
        f"ORDER BY {also_source}x.char_start LIMIT 1)"
    )


_REFRESH = f"""
INSERT OR REPLACE INTO clusters
WITH members AS (
    SELECT e.*, a.published, a.outlet, a.url,
           {_first_country("source")} AS source_country,
           {_first_country("target", other_than_source=True)} AS target_country
    FROM events e JOIN articles a USING (article_id)
    WHERE e.cluster_id IN (SELECT DISTINCT cluster_id FROM _assigned)
),
ranked AS (
    SELECT *, row_number() OVER (
        PARTITION BY cluster_id
        ORDER BY {_MODALITY_RANK}, (source_country IS NULL)::INT + (target_country IS NULL)::INT,
                 confidence DESC, published NULLS LAST, article_id, char_start, event_id
    ) AS rank
    FROM members
),
counts AS (
    SELECT cluster_id, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
           count(DISTINCT coalesce(outlet, regexp_extract(url, '^[a-z]+://([^/]+)', 1), '')
           ) AS num_sources,
           min(published) AS first_seen, max(published) AS last_seen
    FROM members GROUP BY cluster_id
)
SELECT r.cluster_id, r.article_id, r.event_id, r.event_type, r.quad_class,
       r.source_country, r.target_country, r.event_date,
       c.num_mentions, c.num_articles, c.num_sources, c.first_seen, c.last_seen
FROM ranked r JOIN counts c USING (cluster_id)
WHERE r.rank = 1
"""


@dataclass
class ClusterSummary:
    """What one update did: events given a cluster, clusters created and clusters grown."""

    events_assigned: int = 0
    clusters_created: int = 0
    clusters_updated: int = 0


def _places(kb_ids: Iterable[str]) -> frozenset[str]:
    """The actors that are cities or regions (not capitals, which stand for governments)."""
    entries = load_knowledge_base().entries
    return frozenset(k for k in kb_ids if k in entries and entries[k][0].kind in _PLACE_KINDS)


def _items(store: Store, where: str, params: list[Any]) -> list[Item]:
    rows = store.arrow(_ITEMS.format(where=where), params).to_pylist()
    return [
        Item(
            article_id=r["article_id"],
            event_id=r["event_id"],
            event_type=r["event_type"],
            quad_class=r["quad_class"],
            day=r["day"],
            sentence=r["sentence"],
            sources=frozenset(r["sources"] or ()),
            targets=frozenset(r["targets"] or ()),
            places=_places(r["kb_ids"] or ()),
            duplicate_of=r["duplicate_of"],
            cluster_id=r["cluster_id"],
        )
        for r in rows
    ]


def _known(store: Store, new: list[Item], window: int) -> list[Item]:
    """Assigned events a new event could join: near its days, or in a duplicate's original."""
    days = [i.day for i in new if i.day is not None]
    low, high = date.max, date.min  # an empty range when no new event is dated
    if days:
        low, high = min(days) - timedelta(days=window), max(days) + timedelta(days=window)
    undated = any(i.day is None for i in new)
    return _items(store, _KNOWN, [low, high, undated])


def update_clusters(store: Store, config: ClusterConfig | None = None) -> ClusterSummary:
    """Assign a cluster to every event that has none and refresh the clusters it touched."""
    config = config or ClusterConfig()
    new = _items(store, _NEW, [])
    if not new:
        return ClusterSummary()
    matcher = Matcher(config)
    known = _known(store, new, config.window_days)
    matcher.extend(known)
    existing = {i.cluster_id for i in known}
    assigned = matcher.assign(new)
    touched = {i.cluster_id for i in assigned}
    table = pa.Table.from_pylist(
        [
            {"article_id": i.article_id, "event_id": i.event_id, "cluster_id": i.cluster_id}
            for i in assigned
        ]
    )
    store.con.register("_assigned", table)
    try:
        with store.transaction():
            store.con.execute(
                "UPDATE events SET cluster_id = s.cluster_id FROM _assigned s "
                "WHERE events.article_id = s.article_id AND events.event_id = s.event_id"
            )
            store.con.execute(_REFRESH)
    finally:
        store.con.unregister("_assigned")
    return ClusterSummary(
        events_assigned=len(assigned),
        clusters_created=len(touched - existing),
        clusters_updated=len(touched & existing),
    )
