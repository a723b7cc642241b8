"""Read queries over ``actor_mentions`` for ``flashpoint actors`` (bound parameters only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from flashpoint.store import Store
from flashpoint.store.queries import MAX_LIMIT, date_bounds


@dataclass(frozen=True)
class ActorFilter:
    """Filters of ``flashpoint actors``."""

    country: str | None = None
    sector: str | None = None
    name: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 50


def _where(f: ActorFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (("m.country", f.country), ("m.sector", f.sector)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value.upper())
    if f.name:
        clauses.append("(m.name ILIKE ? OR m.text ILIKE ?)")
        params += [f"%{f.name}%"] * 2
    bounds, values = date_bounds("a.published", f.since, f.until)
    clauses += bounds
    params += values
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def actor_summary(store: Store, f: ActorFilter) -> pa.Table:
    """Resolved actors with how often and how widely they are mentioned, most first."""
    where, params = _where(f)
    sql = (
        "SELECT m.country, m.sector, m.name, count(*) AS mentions, "
        "count(DISTINCT m.article_id) AS articles, min(a.published) AS first_seen, "
        "max(a.published) AS last_seen FROM actor_mentions m JOIN articles a USING (article_id)"
        f"{where} GROUP BY ALL ORDER BY mentions DESC, m.country, m.sector, m.name LIMIT ?"
    )
    return store.arrow(sql, [*params, min(max(f.limit, 0), MAX_LIMIT)])
