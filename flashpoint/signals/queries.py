"""Public reads of the escalation signals (CLI and REST API): ranked dyads, a dyad's
timeline with its index band, alerts, and the events behind one day's value.

``con`` is a DuckDB connection to a flashpoint store (read-only is enough). Aggregation is
SQL over the stored events; numpy only resamples and scans the per-day index.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from flashpoint.errors import Errors, FlashpointError
from flashpoint.signals import sql
from flashpoint.signals.bootstrap import bootstrap_band
from flashpoint.signals.changepoint import BASE_THRESHOLD, ChangePoint, change_points

FREQS = tuple(sql.PERIODS)
DEFAULT_SENSITIVITY = 1.0
MAX_SENSITIVITY = 10.0
RECENT_DAYS = 7
DIGITS = 4  # decimals of the reported index values
_PARAM = re.compile(r"\$(\w+)")
_CODE = re.compile(r"^[A-Z]{2,8}$")
_STEP = {"day": 1, "week": 7}


def parse_dyad(value: str) -> tuple[str, str]:
    """Split "RUS:UKR" into ("RUS", "UKR"); a side may be '*' (any country: actor series)."""
    source, sep, target = str(value).strip().upper().partition(":")
    source, target = source.strip(), target.strip()
    if not sep:
        raise FlashpointError(Errors.E070.format(value=value, reason="use SOURCE:TARGET, RUS:UKR"))
    for code in (source, target):
        if code != "*" and not _CODE.match(code):
            reason = f"{code!r} is not a country or organisation code (2-8 letters) or '*'"
            raise FlashpointError(Errors.E070.format(value=value, reason=reason))
    if source == target:
        raise FlashpointError(Errors.E070.format(value=value, reason="source equals target"))
    return source, target


def check_freq(freq: str) -> str:
    """``freq`` if it is a known period (day, week)."""
    if freq not in FREQS:
        raise FlashpointError(Errors.E071.format(value=freq, choices=", ".join(FREQS)))
    return freq


def check_sensitivity(value: float) -> float:
    """Sensitivity s > 0 divides the change-point threshold: 2 finds smaller shifts."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not 0 < number <= MAX_SENSITIVITY:
        reason = f"use a number above 0 and at most {MAX_SENSITIVITY:g} (default 1)"
        raise FlashpointError(Errors.E072.format(value=value, reason=reason))
    return number


def as_date(name: str, value: date | str | None) -> date | None:
    """A date option given as a date, a datetime or a YYYY-MM-DD string."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        reason = "not YYYY-MM-DD"
        raise FlashpointError(Errors.E073.format(name=name, value=value, reason=reason)) from None


def date_range(since: Any, until: Any) -> tuple[date | None, date | None]:
    """Both bounds as dates, ``since`` not after ``until``."""
    start, end = as_date("since", since), as_date("until", until)
    if start and end and start > end:
        raise FlashpointError(
            Errors.E073.format(name="since", value=str(start), reason="after until")
        )
    return start, end


def _run(con: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any]) -> pa.Table:
    """Run ``query`` with the ``$name`` parameters it uses, taken from ``params``."""
    used = set(_PARAM.findall(query))
    return con.sql(query, params={k: v for k, v in params.items() if k in used}).to_arrow_table()


def dyad_series(
    con: duckdb.DuckDBPyConnection, freq: str = "day", since: Any = None, until: Any = None
) -> pa.Table:
    """Series of every directed dyad: one row per dyad and period with counted events (quad
    and PLOVER-type counts, threats, Goldstein sum/mean, conflict share, coverage, index),
    in no particular order."""
    start, end = date_range(since, until)
    return _run(con, sql.all_series_sql(check_freq(freq)), sql.params(since=start, until=end))


def actor_series(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    role: str = "source",
    freq: str = "day",
    since: Any = None,
    until: Any = None,
) -> pa.Table:
    """The timeline of one country towards everyone (role source) or of everyone towards it
    (role target); each story counts once whatever number of countries it involves."""
    dyad = f"{actor}:*" if role == "source" else f"*:{actor}"
    return timeline(con, dyad, freq, since, until)


_DYADS = """,
anchor AS (SELECT coalesce($anchor, max(day)) AS d FROM counted),
agg AS (
    SELECT source, target, count(*) AS events, max(day) AS last_date,
        sum(rep.goldstein) AS goldstein_sum,
        avg((rep.quad_class >= 3)::DOUBLE) AS conflict_share,
        coalesce(sum(rep.goldstein) FILTER (WHERE day > d - $w AND day <= d), 0) AS g_recent,
        coalesce(sum(rep.goldstein) FILTER (WHERE day > d - 2 * $w AND day <= d - $w), 0)
            AS g_previous
    FROM counted, anchor GROUP BY source, target
),
art_country AS (
    SELECT DISTINCT m.article_id, m.country,
        CASE WHEN a.published > d - $w THEN 'recent' ELSE 'previous' END AS bucket
    FROM actor_mentions m JOIN articles a ON a.article_id = m.article_id, anchor
    WHERE a.published > d - 2 * $w AND a.published <= d
      AND m.country IN (SELECT source FROM agg UNION SELECT target FROM agg)
),
one AS (SELECT country, bucket, count(*) AS n FROM art_country GROUP BY ALL),
two AS (
    SELECT x.country AS c1, y.country AS c2, x.bucket, count(*) AS n
    FROM art_country x JOIN art_country y ON x.article_id = y.article_id AND x.country < y.country
    GROUP BY ALL
),
cover AS (
    SELECT g.source, g.target, b.bucket,
        coalesce(o1.n, 0) + coalesce(o2.n, 0) - coalesce(t.n, 0) AS n
    FROM agg g CROSS JOIN (VALUES ('recent'), ('previous')) b(bucket)
    LEFT JOIN one o1 ON o1.country = g.source AND o1.bucket = b.bucket
    LEFT JOIN one o2 ON o2.country = g.target AND o2.bucket = b.bucket
    LEFT JOIN two t ON t.c1 = least(g.source, g.target) AND t.c2 = greatest(g.source, g.target)
        AND t.bucket = b.bucket
),
ranked AS (
    SELECT g.source, g.target, g.events, g.last_date,
        (0.0 - g.g_recent) / (r.n + $w * $alpha) AS index_recent,
        (0.0 - g.g_previous) / (p.n + $w * $alpha) AS index_previous,
        g.goldstein_sum, g.conflict_share, r.n AS coverage_recent
    FROM agg g
    JOIN cover r ON r.source = g.source AND r.target = g.target AND r.bucket = 'recent'
    JOIN cover p ON p.source = g.source AND p.target = g.target AND p.bucket = 'previous'
)
SELECT source, target, events, last_date, round(index_recent, $digits) AS index_recent,
    round(index_previous, $digits) AS index_previous,
    round(index_recent - index_previous, $digits) AS change,
    round(goldstein_sum, $digits) AS goldstein_sum,
    round(conflict_share, $digits) AS conflict_share, coverage_recent
FROM ranked
ORDER BY abs(change) DESC, events DESC, source, target
LIMIT $limit
"""


def dyads(
    con: duckdb.DuckDBPyConnection,
    since: Any = None,
    until: Any = None,
    limit: int = 50,
    window: int = RECENT_DAYS,
) -> pa.Table:
    """Directed dyads ranked by recent change: the index pooled over the last ``window`` days
    (ending ``until``, else the last event day) minus the ``window`` days before."""
    start, end = date_range(since, until)
    params = {
        **sql.params(since=start, until=end),
        "anchor": end,
        "w": max(int(window), 1),
        "alpha": sql.ALPHA,
        "limit": max(int(limit), 0),
        "digits": DIGITS,
    }
    return _run(con, sql.counted_ctes() + _DYADS, params)


def _period_start(day: date | None, freq: str) -> date | None:
    if day is None or freq == "day":
        return day
    return day - timedelta(days=day.weekday())


def timeline(
    con: duckdb.DuckDBPyConnection,
    dyad: str,
    freq: str = "day",
    since: Any = None,
    until: Any = None,
    draws: int = 200,
    seed: int = 0,
) -> pa.Table:
    """One row per period from the first to the last period the pair is in the news (or
    ``since``..``until``): counts by quad class and PLOVER type, Goldstein sum/mean, conflict
    share, coverage, and the index with its bootstrap band (index_low, index_high)."""
    source, target = parse_dyad(dyad)
    freq = check_freq(freq)
    start, end = date_range(since, until)
    params = {
        **sql.params(source, target, start, end),
        "countries": [c for c in (source, target) if c != "*"],
        "lo": _period_start(start, freq),
        "hi": _period_start(end, freq),
        "step": _STEP[freq],
    }
    # One pass over the events: the story-article rows feed both the series and the band.
    stories = _run(
        con, sql.counted_ctes() + _STORY_ARTICLES.format(p=sql.period_of(freq, "c.day")), params
    )
    cover = _run(con, _COVER_ARTICLES.format(p=sql.period_of(freq, "a.published")), params)
    table = _series_table(con, params, stories, cover)
    alpha = sql.ALPHA * _STEP[freq]
    coverage = np.asarray(table.column("coverage").to_numpy(zero_copy_only=False), dtype=float)
    gsum = np.asarray(table.column("goldstein_sum").to_numpy(zero_copy_only=False), dtype=float)
    index = (0.0 - gsum) / (coverage + alpha)
    low, high = _band(table, stories, cover, _STEP[freq], alpha, draws, seed)
    return (
        table.append_column("index", pa.array(np.round(index, DIGITS)))
        .append_column("index_low", pa.array(np.round(low, DIGITS)))
        .append_column("index_high", pa.array(np.round(high, DIGITS)))
    )


_STORY_ARTICLES = """
SELECT DISTINCT c.cluster_key, {p} AS period, c.rep, p.article_id
FROM counted c JOIN pairs p USING (source, target, cluster_key)
"""

_COVER_ARTICLES = """
SELECT DISTINCT m.article_id, {p} AS period
FROM actor_mentions m JOIN articles a ON a.article_id = m.article_id
WHERE list_contains($countries, m.country)
  AND ($since IS NULL OR a.published >= $since) AND ($until IS NULL OR a.published <= $until)
"""

_SERIES = """
WITH ser AS (
    SELECT period, {aggregates}
    FROM (SELECT DISTINCT cluster_key, period, rep FROM {stories}) GROUP BY period
),
cov AS (SELECT period, count(*) AS coverage FROM {cover} GROUP BY period),
bounds AS (
    SELECT coalesce($lo, min(period)) AS lo, coalesce($hi, max(period)) AS hi
    FROM (SELECT period FROM ser UNION ALL SELECT period FROM cov)
),
grid AS (
    SELECT CAST(unnest(generate_series(lo, hi, to_days(CAST($step AS INTEGER)))) AS DATE)
        AS period
    FROM bounds WHERE lo IS NOT NULL
)
SELECT g.period,
    COALESCE(COLUMNS(s.* EXCLUDE (period, goldstein_mean, conflict_share)), 0),
    s.goldstein_mean, s.conflict_share, coalesce(c.coverage, 0) AS coverage
FROM grid g LEFT JOIN ser s ON s.period = g.period LEFT JOIN cov c ON c.period = g.period
ORDER BY g.period
"""


def _series_table(
    con: duckdb.DuckDBPyConnection, params: dict[str, Any], stories: pa.Table, cover: pa.Table
) -> pa.Table:
    """The filled per-period series from the story-article and coverage rows; empty periods
    have zero counts and NULL means."""
    names = {"stories": f"_fp_stories_{id(stories)}", "cover": f"_fp_cover_{id(cover)}"}
    con.register(names["stories"], stories)
    con.register(names["cover"], cover)
    try:
        return _run(con, _SERIES.format(aggregates=sql.aggregates(), **names), params)
    finally:
        con.unregister(names["stories"])
        con.unregister(names["cover"])


def _offsets(periods: pa.ChunkedArray, first: date, step: int) -> np.ndarray:
    """Row numbers of the timeline for these period dates."""
    days = periods.to_numpy().astype("datetime64[D]") - np.datetime64(first, "D")
    return (days.astype(np.int64) // step).astype(np.int64)


def _sorted_codes(values: pa.Array) -> np.ndarray:
    """Codes 0.. of ``values`` in sorted order, so the same articles get the same bootstrap
    weights whatever order the query returned them in (the band is reproducible)."""
    keys = pc.unique(values)
    keys = keys.take(pc.array_sort_indices(keys))
    return pc.index_in(values, value_set=keys).to_numpy().astype(np.int64)


def _band(
    table: pa.Table,
    stories: pa.Table,
    cover: pa.Table,
    step: int,
    alpha: float,
    draws: int,
    seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap bounds of the index per row of ``table`` (articles resampled)."""
    if table.num_rows == 0:
        return np.zeros(0), np.zeros(0)
    first = table.column("period")[0].as_py()
    names = pa.chunked_array(
        [stories.column("article_id"), cover.column("article_id")], type=pa.string()
    )
    ids = _sorted_codes(names.combine_chunks())
    story = (
        pc.dictionary_encode(stories.column("cluster_key").combine_chunks())
        .indices.to_numpy()
        .astype(np.int64)
    )
    story_period = np.zeros(int(story.max(initial=-1)) + 1, dtype=np.int64)
    story_value = np.zeros(story_period.size)
    story_period[story] = _offsets(stories.column("period"), first, step)
    goldstein = pc.struct_field(stories.column("rep"), "goldstein").to_numpy()
    story_value[story] = 0.0 - goldstein
    cover_period = _offsets(cover.column("period"), first, step)
    inside = (cover_period >= 0) & (cover_period < table.num_rows)
    return bootstrap_band(
        story,
        ids[: stories.num_rows],
        story_period,
        story_value,
        ids[stories.num_rows :][inside],
        cover_period[inside],
        table.num_rows,
        alpha,
        draws=draws,
        seed=seed,
    )


_MIXED = """
SELECT source, target, day AS date, 'mixed_signals' AS kind,
    max(rep.goldstein) - min(rep.goldstein) AS change,
    count(*) FILTER (WHERE rep.quad_class <= 2) AS cooperative,
    count(*) FILTER (WHERE rep.quad_class >= 3) AS hostile,
    list(DISTINCT rep.event_type ORDER BY rep.event_type)
        FILTER (WHERE rep.quad_class <= 2) AS cooperative_types,
    list(DISTINCT rep.event_type ORDER BY rep.event_type)
        FILTER (WHERE rep.quad_class >= 3) AS hostile_types,
    list(rep.event_id ORDER BY rep.goldstein, rep.event_id) AS event_ids
FROM counted GROUP BY source, target, day
HAVING cooperative > 0 AND hostile > 0
ORDER BY day, source, target
"""

ALERT_KINDS = ("change_point", "mixed_signals")
ALERT_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("target", pa.string()),
        ("date", pa.date32()),
        ("kind", pa.string()),
        ("change", pa.float64()),
        ("index_before", pa.float64()),
        ("index_after", pa.float64()),
        ("score", pa.float64()),
        ("description", pa.string()),
        ("event_ids", pa.list_(pa.string())),
    ]
)


def _fixed(side: str) -> str | None:
    return None if side == "*" else side


def mixed_signals(
    con: duckdb.DuckDBPyConnection, dyad: str | None = None, since: Any = None, until: Any = None
) -> pa.Table:
    """Days where one side made both cooperative (quad 1-2) and hostile (quad 3-4, threats
    included) moves towards the same other side; ``change`` is the Goldstein spread."""
    source, target = parse_dyad(dyad) if dyad else ("*", "*")
    start, end = date_range(since, until)
    # '*' filters nothing here but is not folded: both moves must concern the same pair.
    pair = sql.params(_fixed(source), _fixed(target), start, end)
    table = _run(con, sql.counted_ctes() + _MIXED, pair)
    rows = table.to_pylist()
    return pa.Table.from_pylist(
        [
            {
                **r,
                "description": f"{r['source']}→{r['target']} mixed signals: "
                f"{r['cooperative']} cooperative ({', '.join(r['cooperative_types'])}) and "
                f"{r['hostile']} hostile ({', '.join(r['hostile_types'])}) moves the same day",
            }
            for r in rows
        ],
        schema=ALERT_SCHEMA,
    )


def _change_alert(
    source: str, target: str, first: date, point: ChangePoint, events: list[str]
) -> dict[str, Any]:
    day = first + timedelta(days=point.at)
    direction = "escalation" if point.change > 0 else "de-escalation"
    return {
        "source": source,
        "target": target,
        "date": day,
        "kind": "change_point",
        "change": round(point.change, DIGITS),
        "index_before": round(point.before, DIGITS),
        "index_after": round(point.after, DIGITS),
        "score": round(point.score, 2),
        "description": f"{source}→{target} {direction} from {day}: index level "
        f"{point.before:.2f} → {point.after:.2f} (z {point.score:.1f})",
        "event_ids": events,
    }


def change_point_alerts(
    con: duckdb.DuckDBPyConnection,
    dyad: str | None = None,
    since: Any = None,
    until: Any = None,
    sensitivity: float = DEFAULT_SENSITIVITY,
    min_events: int = 3,
) -> pa.Table:
    """Level shifts of each dyad's daily index (days without events are 0) from ``since``
    (else the dyad's first story) to ``until`` (else its last); each names the stories of the
    day before to the day after the shift."""
    threshold = BASE_THRESHOLD / check_sensitivity(sensitivity)
    source, target = parse_dyad(dyad) if dyad else (None, None)
    start, end = date_range(since, until)
    series = _run(
        con,
        sql.all_series_sql("day", event_ids=True),
        sql.params(source, target, start, end),
    )
    if series.num_rows == 0:
        return ALERT_SCHEMA.empty_table()
    days = series.column("period").to_numpy(zero_copy_only=False).astype("datetime64[D]")
    first = start or days.min().item()
    last = end or days.max().item()
    offsets = (days - np.datetime64(first, "D")).astype(np.int64)
    keys = pc.binary_join_element_wise(series.column("source"), series.column("target"), ":")
    names, dyad_ids = np.unique(keys.to_numpy(zero_copy_only=False), return_inverse=True)
    index = np.zeros((names.size, (last - first).days + 1))
    index[dyad_ids, offsets] = series.column("index").to_numpy()
    story_ids = series.column("event_ids").to_pylist()
    stories = {
        (int(d), int(o)): ids for d, o, ids in zip(dyad_ids, offsets, story_ids, strict=True)
    }
    counts = np.bincount(dyad_ids, weights=series.column("events").to_numpy())
    # Without since/until each dyad is scanned from its own first to its own last story, so
    # its alerts do not depend on which other dyads are asked for.
    lo = np.full(names.size, 0 if start else offsets.max())
    hi = np.full(names.size, index.shape[1] - 1 if end else 0)
    if not start:
        np.minimum.at(lo, dyad_ids, offsets)
    if not end:
        np.maximum.at(hi, dyad_ids, offsets)
    alerts = []
    for d, name in enumerate(names):
        if counts[d] < min_events:
            continue
        src, tgt = str(name).split(":")
        begin = first + timedelta(days=int(lo[d]))
        for point in change_points(index[d, lo[d] : hi[d] + 1], threshold):
            near = [stories.get((d, lo[d] + point.at + k), []) for k in (-1, 0, 1)]
            alerts.append(_change_alert(src, tgt, begin, point, [e for ids in near for e in ids]))
    return pa.Table.from_pylist(alerts, schema=ALERT_SCHEMA)


def alerts(
    con: duckdb.DuckDBPyConnection,
    since: Any = None,
    until: Any = None,
    dyad: str | None = None,
    sensitivity: float = DEFAULT_SENSITIVITY,
    kinds: tuple[str, ...] | None = None,
) -> pa.Table:
    """Change points of the escalation index and mixed-signal days, by date then dyad
    (``kinds`` picks one of them)."""
    kinds = kinds or ALERT_KINDS
    parts = []
    if "change_point" in kinds:
        parts.append(change_point_alerts(con, dyad, since, until, sensitivity))
    else:
        check_sensitivity(sensitivity)
    if "mixed_signals" in kinds:
        parts.append(mixed_signals(con, dyad, since, until))
    table = pa.concat_tables(parts) if parts else ALERT_SCHEMA.empty_table()
    return table.sort_by([("date", "ascending"), ("source", "ascending"), ("target", "ascending")])


_DRIVERS = """
SELECT p.event_id, p.article_id, p.cluster_key AS cluster_id, p.source, p.target,
    p.event_type, p.quad_class, p.goldstein, p.modality, e.sentence, e.char_start, e.char_end
FROM (SELECT DISTINCT * FROM pairs) p JOIN counted c USING (source, target, cluster_key)
JOIN events e ON e.article_id = p.article_id AND e.event_id = p.event_id
WHERE {period} = $period
ORDER BY abs(p.goldstein) DESC, p.article_id, e.char_start
LIMIT $limit
"""


def drivers(
    con: duckdb.DuckDBPyConnection, dyad: str, day: Any, limit: int = 20, freq: str = "day"
) -> pa.Table:
    """The counted events behind one period's value (every report of each story), strongest
    Goldstein score first, with their sentences and trigger spans."""
    source, target = parse_dyad(dyad)
    period = _period_start(as_date("day", day), check_freq(freq))
    if period is None:
        raise FlashpointError(Errors.E073.format(name="day", value=day, reason="a day is needed"))
    query = sql.counted_ctes() + _DRIVERS.format(period=sql.period_of(freq, "c.day"))
    params = {**sql.params(source, target), "period": period, "limit": max(int(limit), 0)}
    return _run(con, query, params)
