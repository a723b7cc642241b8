"""The SQL of the signals: which events count, once per story, and their per-period series.

Every query is built from fixed fragments; values (dyad, dates, modalities) are bound
``$name`` parameters. The CTE ``counted`` holds one row per (story, source country, target
country): a story reported by ten outlets counts once.
"""

from __future__ import annotations

from functools import cache

from flashpoint.coding.ontology import plover_types

#: Modalities of events that happened. ``future`` is left out: a plan is counted when it is
#: reported as done. THREATEN events count whatever their modality, unless negated.
COUNTED_MODALITIES = ("asserted", "reported")
#: Date precisions placeable on a day (week: the resolver gives the week's day).
DAY_PRECISIONS = ("day", "week")
#: Prior coverage added per day: keeps the index finite on days no article mentions the pair.
ALPHA = 1.0

PERIODS = {"day": "{col}", "week": "CAST(date_trunc('week', {col}) AS DATE)"}

_MENTIONS = """
dated AS (
    SELECT article_id, event_id, cluster_id, event_type, quad_class, goldstein, modality,
        confidence, event_date AS day
    FROM events
    WHERE (list_contains($modalities, modality)
           OR (event_type = 'THREATEN' AND modality <> 'negated'))
      AND list_contains($precisions, coalesce(date_precision, 'day'))
),
undated AS (
    SELECT d.* REPLACE (a.published AS day)
    FROM dated d JOIN articles a ON a.article_id = d.article_id WHERE d.day IS NULL
),
sides AS (
    SELECT article_id, event_id, role, country FROM event_actors
    WHERE country IS NOT NULL
      AND ((role = 'source' AND ($source IS NULL OR country = $source))
           OR (role = 'target' AND ($target IS NULL OR country = $target)))
),
mentions AS (
    SELECT e.article_id, e.event_id,
        coalesce(e.cluster_id, e.article_id || '/' || e.event_id) AS cluster_key,
        e.event_type, e.quad_class, e.goldstein, e.modality, e.confidence, e.day,
        s.country AS source, t.country AS target
    FROM (SELECT * FROM dated WHERE day IS NOT NULL UNION ALL SELECT * FROM undated) e
    JOIN sides s ON s.article_id = e.article_id AND s.event_id = e.event_id
        AND s.role = 'source'
    JOIN sides t ON t.article_id = e.article_id AND t.event_id = e.event_id
        AND t.role = 'target'
    WHERE s.country <> t.country
      AND ($since IS NULL OR e.day >= $since) AND ($until IS NULL OR e.day <= $until)
)"""

# One row per story and pair; the wildcard side of an actor series is folded to '*' first,
# so a story with two targets counts once for its source.
_COUNTED = """
pairs AS (
    SELECT * REPLACE (CASE WHEN $any_source THEN '*' ELSE source END AS source,
                      CASE WHEN $any_target THEN '*' ELSE target END AS target)
    FROM mentions
),
counted AS (
    SELECT source, target, cluster_key, min(day) AS day,
        arg_max({'event_type': event_type, 'quad_class': quad_class, 'goldstein': goldstein,
                 'event_id': event_id},
                (modality = 'asserted')::INT * 2 + (modality = 'reported')::INT + confidence
        ) AS rep
    FROM pairs GROUP BY source, target, cluster_key
)"""


def params(
    source: str | None = None,
    target: str | None = None,
    since: object = None,
    until: object = None,
) -> dict[str, object]:
    """Bound values of ``mentions``/``counted``; '*' on a side means "any country"."""
    return {
        "modalities": list(COUNTED_MODALITIES),
        "precisions": list(DAY_PRECISIONS),
        "source": None if source in (None, "*") else source,
        "target": None if target in (None, "*") else target,
        "any_source": source == "*",
        "any_target": target == "*",
        "since": since,
        "until": until,
    }


def counted_ctes() -> str:
    """``WITH mentions AS (…), pairs AS (…), counted AS (…)``."""
    return "WITH " + _MENTIONS + "," + _COUNTED


@cache
def plover_columns() -> list[str]:
    """The per-type count columns (``agree`` … ``threaten``), from the packaged PLOVER table."""
    return [name.lower() for name in sorted(plover_types())]


def _type_columns() -> str:
    return ", ".join(
        f"count(*) FILTER (WHERE rep.event_type = '{name.upper()}') AS {name}"
        for name in plover_columns()
    )


def aggregates() -> str:
    """The per-period measures of a group of counted stories."""
    quads = ", ".join(
        f"count(*) FILTER (WHERE rep.quad_class = {q}) AS quad{q}" for q in range(1, 5)
    )
    return (
        f"{quads}, count(*) AS events, "
        "count(*) FILTER (WHERE rep.event_type = 'THREATEN') AS threats, "
        "round(sum(rep.goldstein), 3) AS goldstein_sum, "
        "round(avg(rep.goldstein), 3) AS goldstein_mean, "
        "round(avg((rep.quad_class >= 3)::DOUBLE), 4) AS conflict_share, "
        f"{_type_columns()}"
    )


def period_of(freq: str, column: str) -> str:
    """The SQL expression bucketing ``column`` into periods of ``freq`` (validated before)."""
    return PERIODS[freq].format(col=column)


def all_series_sql(freq: str, event_ids: bool = False) -> str:
    """Series of every directed dyad, one row per dyad and period with events, with the
    coverage of the pair: articles published in the period mentioning either country, by
    inclusion-exclusion over per-country and per-pair article counts. Rows are unordered;
    ``event_ids`` adds the representative event of each story."""
    period = period_of(freq, "day")
    published = period_of(freq, "a.published")
    ids = ", list(rep.event_id ORDER BY rep.event_id) AS event_ids" if event_ids else ""
    return (
        counted_ctes()
        + f""",
series AS (
    SELECT source, target, {period} AS period, {aggregates()}{ids}
    FROM counted GROUP BY source, target, period
),
art_country AS (
    SELECT DISTINCT m.article_id, m.country, {published} AS period
    FROM actor_mentions m JOIN articles a ON a.article_id = m.article_id
    WHERE m.country IS NOT NULL
      AND m.country IN (SELECT source FROM series UNION SELECT target FROM series)
),
one AS (SELECT country, period, count(*) AS n FROM art_country GROUP BY ALL),
two AS (
    SELECT x.country AS c1, y.country AS c2, x.period, count(*) AS n
    FROM art_country x JOIN art_country y
      ON x.article_id = y.article_id AND x.country < y.country
    GROUP BY ALL
)
SELECT s.*,
    coalesce(o1.n, 0) + coalesce(o2.n, 0) - coalesce(b.n, 0) AS coverage,
    (0.0 - s.goldstein_sum) / (coalesce(o1.n, 0) + coalesce(o2.n, 0) - coalesce(b.n, 0) + {ALPHA})
        AS index
FROM series s
LEFT JOIN one o1 ON o1.country = s.source AND o1.period = s.period
LEFT JOIN one o2 ON o2.country = s.target AND o2.period = s.period
LEFT JOIN two b ON b.c1 = least(s.source, s.target) AND b.c2 = greatest(s.source, s.target)
    AND b.period = s.period
"""
    )
