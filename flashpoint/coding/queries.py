"""Filtered reads of coded events (``flashpoint events`` and ``GET /events``).

Every filter is a bound parameter; the SQL text depends only on which filters are set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from flashpoint.coding.records import MODALITIES
from flashpoint.errors import Errors, FlashpointError
from flashpoint.store.queries import MAX_LIMIT, date_bounds


@dataclass(frozen=True)
class EventFilter:
    """``country``: an actor (either role) of that country code or a location in that
    country; ``located_in``: a location in that country only; ``dyad``: "RUS:UKR" for a
    source of the first and a target of the second; ``modality``: one or more of
    asserted/negated/future/hypothetical/reported; ``near``: "LAT,LON" with ``km``, events
    located within ``km`` great-circle kilometres of that point (country-precision
    locations are no point and never match)."""

    country: str | None = None
    dyad: str | None = None
    event_type: str | None = None
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    modality: tuple[str, ...] = ()
    limit: int = 50
    offset: int = 0
    near: str | None = None
    km: float = 50.0
    located_in: str | None = None


#: Newest first, then text order: the CLI and the REST API page through events by it.
EVENT_ORDER = "e.event_date DESC NULLS LAST, e.article_id, e.char_start, e.event_id"

_ACTOR_EXISTS = (
    "EXISTS (SELECT 1 FROM event_actors a WHERE a.article_id = e.article_id "
    "AND a.event_id = e.event_id AND a.country = ?{role})"
)


def _dyad(value: str) -> tuple[str, str]:
    source, sep, target = value.partition(":")
    if not sep or not source or not target:
        raise FlashpointError(
            Errors.E006.format(name="dyad", value=value, reason="use SOURCE:TARGET, e.g. RUS:UKR")
        )
    return source.strip().upper(), target.strip().upper()


#: Mean Earth radius (km) of the haversine distance.
EARTH_KM = 6371.0088
_DISTANCE = (
    "2 * ? * asin(sqrt(pow(sin(radians(e.location_lat - ?) / 2), 2) + cos(radians(?)) "
    "* cos(radians(e.location_lat)) * pow(sin(radians(e.location_lon - ?) / 2), 2))) <= ?"
)


def _near(value: str, km: float) -> tuple[float, float]:
    """ "LAT,LON" as two floats in range, and a positive distance (E006 otherwise)."""
    lat_text, sep, lon_text = value.partition(",")
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        lat = lon = float("nan")
    if not sep or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise FlashpointError(
            Errors.E006.format(
                name="near",
                value=value,
                reason="use LAT,LON in decimal degrees, e.g. 50.45,30.52 (lat -90..90, "
                "lon -180..180)",
            )
        )
    if not 0 < km <= EARTH_KM * math.pi:
        raise FlashpointError(
            Errors.E006.format(name="km", value=km, reason="give a distance above 0 km")
        )
    return lat, lon


def _near_clause(value: str, km: float) -> tuple[list[str], list[Any]]:
    """A latitude band first (cheap, prunes most rows), then the haversine distance."""
    lat, lon = _near(value, km)
    band = km / 111.2
    clauses = [
        "e.location_precision IN ('point', 'admin1')",
        "e.location_lat BETWEEN ? AND ?",
        _DISTANCE,
    ]
    return clauses, [lat - band, lat + band, EARTH_KM, lat, lat, lon, km]


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause and its bound parameters for ``f`` (shared with the exports)."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.country:
        clauses.append(f"({_ACTOR_EXISTS.format(role='')} OR e.location_country = ?)")
        params += [f.country.upper(), f.country.upper()]
    if f.located_in:
        clauses.append("e.location_country = ?")
        params.append(f.located_in.upper())
    if f.near:
        near, values = _near_clause(f.near, f.km)
        clauses += near
        params += values
    if f.dyad:
        source, target = _dyad(f.dyad)
        clauses += [
            _ACTOR_EXISTS.format(role=" AND a.role = 'source'"),
            _ACTOR_EXISTS.format(role=" AND a.role = 'target'"),
        ]
        params += [source, target]
    if f.event_type:
        clauses.append("e.event_type = ?")
        params.append(f.event_type.upper())
    if f.quad_class is not None:
        clauses.append("e.quad_class = ?")
        params.append(f.quad_class)
    bounds, values = date_bounds("e.event_date", f.since, f.until)
    clauses += bounds
    params += values
    if f.modality:
        unknown = sorted(set(f.modality) - set(MODALITIES))
        if unknown:
            raise FlashpointError(
                Errors.E006.format(
                    name="modality",
                    value=",".join(unknown),
                    reason=f"choose from {', '.join(MODALITIES)}",
                )
            )
        clauses.append("list_contains(?, e.modality)")
        params.append(list(f.modality))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _actors_of(role: str) -> str:
    """One text column per role: "RUS MIL Russian troops; UKR Ukraine"."""
    return (
        "(SELECT string_agg(concat_ws(' ', a.country, a.sector, a.text), '; ' "
        "ORDER BY a.char_start) FROM event_actors a "
        "WHERE a.article_id = e.article_id AND a.event_id = e.event_id "
        f"AND a.role = '{role}') AS {role}"
    )


def events(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None) -> pa.Table:
    """Events matching ``filters``, most recent first, with their actors as text columns
    and a capped page size."""
    f = filters or EventFilter()
    where, params = where_clause(f)
    sql = (
        "SELECT e.event_date, e.event_type, e.mode, e.cameo_code, e.quad_class, e.goldstein, "
        f"{_actors_of('source')}, {_actors_of('target')}, e.location_name, "
        "e.location_country, e.location_precision, e.modality, e.confidence, "
        "e.sentence, e.article_id, e.event_id, e.char_start, e.char_end, e.pattern "
        f"FROM events e{where} "
        f"ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?"
    )
    limit = min(max(f.limit, 0), MAX_LIMIT)
    return con.sql(sql, params=[*params, limit, max(f.offset, 0)]).to_arrow_table()
