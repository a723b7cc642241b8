"""Dyad signals over HTTP: ranked dyads, a dyad's escalation timeline, the events driving one
day, and alerts (``flashpoint.signals.queries``; its FlashpointErrors become 422s)."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Any

import pyarrow as pa
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from flashpoint.api.data import CursorStore, Row
from flashpoint.api.db import Database, database, store
from flashpoint.api.params import (
    LISTED,
    MAX_PAGE,
    ApiJSON,
    IsoDate,
    Since,
    Until,
    bad,
    csv_response,
    matching,
    pattern,
)
from flashpoint.signals import queries

router = APIRouter(prefix="/api")

#: SOURCE:TARGET codes; either side may be '*' (every actor) in the signals queries.
SIGNAL_DYAD = r"^([A-Za-z]{2,8}|\*):([A-Za-z]{2,8}|\*)$"
#: Series are filled period by period: dates outside these years would mean millions of rows.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)

Db = Annotated[CursorStore, Depends(store)]
#: The app's Database, whose cache keeps signal results until the next write.
Cache = Annotated[Database, Depends(database)]
Format = Annotated[
    str, Query(description="json or csv.", json_schema_extra={"enum": ["json", "csv"]})
]
Freq = Annotated[str, Query(description="day or week.", json_schema_extra={"enum": queries.FREQS})]


def _dyad(value: str | None) -> str | None:
    return matching("dyad", value, SIGNAL_DYAD, "RUS:UKR or RUS:* (SOURCE:TARGET)")


def _in_years(**days: date | None) -> None:
    for name, day in days.items():
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise bad(name, day.isoformat(), f"use a date from {FIRST_DAY} to {LAST_DAY}")


def _rows(table: pa.Table) -> list[Row]:
    """Rows with NaN/inf (which JSON cannot hold) as null."""
    return [
        {k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in r.items()}
        for r in table.to_pylist()
    ]


def _listed(rows: list[Row], fmt: str, **extra: Any) -> Response:
    if fmt == "csv":
        return csv_response(rows)
    if fmt != "json":
        raise bad("format", fmt, "choose from json, csv")
    return ApiJSON({**extra, "items": rows})


@router.get("/dyads", responses=LISTED, summary="Dyads with the largest recent change")
def list_dyads(
    db: Db,
    cache: Cache,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    format: Format = "json",
) -> Response:
    _in_years(since=since, until=until)
    key = ("dyads", since, until, limit)
    rows = cache.cached(key, lambda: _rows(queries.dyads(db.con, since, until, limit)))
    return _listed(rows, format, limit=limit, offset=0, next_offset=None)


@router.get("/timeline", responses=LISTED, summary="A dyad's escalation index by day or week")
def get_timeline(
    db: Db,
    cache: Cache,
    dyad: Annotated[str, pattern(SIGNAL_DYAD, "SOURCE:TARGET, e.g. RUS:UKR; '*' for any.")],
    freq: Freq = "day",
    since: Since = None,
    until: Until = None,
    format: Format = "json",
) -> Response:
    _in_years(since=since, until=until)
    checked = _dyad(dyad) or ""
    freq = queries.check_freq(freq)
    key = ("timeline", checked.upper(), freq, since, until)
    rows = cache.cached(key, lambda: _rows(queries.timeline(db.con, checked, freq, since, until)))
    return _listed(rows, format, dyad=checked.upper(), freq=freq)


@router.get("/timeline/drivers", summary="The events behind one day (or week) of a timeline")
def get_drivers(
    db: Db,
    cache: Cache,
    dyad: Annotated[str, pattern(SIGNAL_DYAD, "SOURCE:TARGET, e.g. RUS:UKR.")],
    day: Annotated[IsoDate, Query(description="YYYY-MM-DD.")],
    freq: Freq = "day",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
) -> Response:
    checked = _dyad(dyad) or ""
    freq = queries.check_freq(freq)
    key = ("drivers", checked.upper(), day, limit, freq)
    rows = cache.cached(key, lambda: _rows(queries.drivers(db.con, checked, day, limit, freq)))
    return ApiJSON({"dyad": checked.upper(), "day": day, "items": rows})


@router.get("/alerts", responses=LISTED, summary="Change points and mixed-signal days")
def list_alerts(
    db: Db,
    cache: Cache,
    since: Since = None,
    until: Until = None,
    dyad: Annotated[str | None, pattern(SIGNAL_DYAD, "SOURCE:TARGET; '*' for any.")] = None,
    sensitivity: Annotated[
        float, Query(gt=0, le=queries.MAX_SENSITIVITY, description="Above 1 finds smaller shifts.")
    ] = queries.DEFAULT_SENSITIVITY,
    format: Format = "json",
) -> Response:
    _in_years(since=since, until=until)
    checked = _dyad(dyad)
    key = ("alerts", since, until, checked.upper() if checked else None, sensitivity)
    rows = cache.cached(
        key, lambda: _rows(queries.alerts(db.con, since, until, checked, sensitivity))
    )
    return _listed(rows, format)
