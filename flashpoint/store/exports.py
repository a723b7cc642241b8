"""Export coded events for other tools: GDELT 2.0 event files, PLOVER JSON lines, or one flat
table as CSV, JSON lines or Parquet (``flashpoint export``).

Exports are complete: the filters of :class:`EventFilter` apply, its page controls (``limit``,
``offset``) do not. GDELT and PLOVER output is streamed in chunks, so a large store is never
held in memory as text.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from flashpoint.coding.queries import EventFilter, where_clause
from flashpoint.errors import Errors, FlashpointError
from flashpoint.store.duckdb_store import Store
from flashpoint.store.export import write_table

Row = dict[str, Any]

EXPORT_FORMATS = ("gdelt", "plover", "csv", "jsonl", "parquet")
CHUNK_ROWS = 10_000

#: The 61 columns of a GDELT 2.0 event file, in file order (GDELT Event Codebook V2.0).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(
        f"{actor}{field}"
        for actor in ("Actor1", "Actor2")
        for field in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{geo}_{field}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field in (
            "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
        )
    ),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

_GDELT_INDEX = {column: i for i, column in enumerate(GDELT_COLUMNS)}

_ACTOR_FIELDS = ("text", "country", "sector", "name", "kb_id")
_LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonameid")

#: The flat table: the Event record's fields in DESIGN.md order, each role's first actor
#: spread over columns, then the article URL; ``sources``/``targets`` hold every actor.
FLAT_COLUMNS = (
    "event_id", "article_id", "sentence_index", "char_start", "char_end", "sentence",
    "event_type", "mode", "context", "cameo_code", "cameo_root", "quad_class", "goldstein",
    *(f"source_{field}" for field in _ACTOR_FIELDS),
    *(f"target_{field}" for field in _ACTOR_FIELDS),
    "event_date", "date_precision",
    *(f"location_{field}" for field in _LOCATION_FIELDS),
    "modality", "confidence", "pattern", "coder_version", "cluster_id", "url",
)  # fmt: skip
_LIST_COLUMNS = ("sources", "targets")


def export_events(
    store: Store, fmt: str, out: str | Path | None, filters: EventFilter | None = None
) -> int:
    """Write the events matching ``filters`` in ``fmt`` to the file ``out`` (stdout when
    None), oldest first; return the number of events written."""
    if fmt not in EXPORT_FORMATS:
        raise FlashpointError(Errors.E004.format(fmt=fmt, choices=", ".join(EXPORT_FORMATS)))
    f = filters or EventFilter()
    if fmt == "gdelt":
        return _stream(store, f, out, _gdelt_line)
    if fmt == "plover":
        return _stream(store, f, out, _plover_line)
    lists = () if fmt == "csv" else _LIST_COLUMNS  # CSV cells cannot hold lists
    columns = [_flat_column(name) for name in FLAT_COLUMNS] + list(lists)
    table = store.arrow(*_query(f, ", ".join(columns)))
    write_table(table, fmt, out)
    return int(table.num_rows)


def _flat_column(name: str) -> str:
    role, _, field = name.partition("_")
    if role in ("source", "target") and field in _ACTOR_FIELDS:
        return f"{role}s[1].{field} AS {name}"
    return name


def _actor_list(role: str) -> str:
    """Every actor of one role as a list of structs, in text order (empty, not NULL)."""
    fields = ", ".join(f"'{k}': a.{k}" for k in (*_ACTOR_FIELDS, "char_start", "char_end"))
    return (
        f"coalesce((SELECT list({{{fields}}} ORDER BY a.char_start, a.char_end) "
        "FROM event_actors a WHERE a.article_id = e.article_id AND a.event_id = e.event_id "
        f"AND a.role = '{role}'), []) AS {role}s"
    )


def _query(f: EventFilter, columns: str) -> tuple[str, list[Any]]:
    """``columns`` of the events matching ``f``, each with its actor lists and article."""
    where, params = where_clause(f)
    inner = (
        f"SELECT e.*, {_actor_list('source')}, {_actor_list('target')}, "
        "art.url, art.source_path, art.ingested_at "
        f"FROM events e LEFT JOIN articles art ON art.article_id = e.article_id{where}"
    )
    sql = (
        f"SELECT {columns} FROM ({inner}) "
        "ORDER BY event_date NULLS LAST, article_id, char_start, event_id"
    )
    return sql, params


def _stream(
    store: Store, f: EventFilter, out: str | Path | None, line: Callable[[Row], str]
) -> int:
    """Render the events one line each, fetching ``CHUNK_ROWS`` at a time."""
    sql, params = _query(f, "*")  # before opening ``out``: a bad filter leaves no empty file
    written = 0
    with _opened(out) as handle:
        for batch in store.con.sql(sql, params=params).to_arrow_reader(CHUNK_ROWS):
            rows = batch.to_pylist()
            handle.writelines(line(row) for row in rows)
            written += len(rows)
    return written


@contextmanager
def _opened(out: str | Path | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        return
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        yield handle


# GDELT 2.0 ------------------------------------------------------------------------------


def _gdelt_line(row: Row) -> str:
    """One tab-separated GDELT row; columns flashpoint has no value for stay empty."""
    values = {
        "GLOBALEVENTID": global_event_id(row["event_id"]),
        **_gdelt_dates(row["event_date"]),
        **_gdelt_actor("Actor1", _first(row["sources"])),
        **_gdelt_actor("Actor2", _first(row["targets"])),
        "IsRootEvent": int(row["sentence_index"] == 0),
        "EventCode": row["cameo_code"],
        "EventBaseCode": row["cameo_code"][:3],
        "EventRootCode": row["cameo_root"],
        "QuadClass": row["quad_class"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        **_gdelt_action_geo(row),
        "DATEADDED": _stamp(row["ingested_at"]),
        "SOURCEURL": row["url"] or row["source_path"],
    }
    cells = [""] * len(GDELT_COLUMNS)
    for column, value in values.items():
        cells[_GDELT_INDEX[column]] = _cell(value)
    return "\t".join(cells) + "\n"


def global_event_id(event_id: str) -> int:
    """A stable GLOBALEVENTID: the first 15 hex digits of the event id (fits in BIGINT)."""
    return int(event_id[:15], 16)


def _gdelt_dates(day: date | None) -> Row:
    if day is None:
        return {}
    return {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": day.year,
        "FractionDate": f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
    }


def _gdelt_actor(prefix: str, actor: Row | None) -> Row:
    """CAMEO-style actor columns: a country code goes to CountryCode, an IGO/NGO code
    (NATO, UN, ...) to KnownGroupCode; the sector is the first type code."""
    if actor is None:
        return {}
    code, sector = actor["country"], actor["sector"]
    is_country = code in _countries()
    return {
        f"{prefix}Code": f"{code or ''}{sector or ''}",
        f"{prefix}Name": (actor["name"] or actor["text"]).upper(),
        f"{prefix}CountryCode": code if is_country else None,
        f"{prefix}KnownGroupCode": None if is_country else code,
        f"{prefix}Type1Code": sector,
    }


def _gdelt_action_geo(row: Row) -> Row:
    """ActionGeo from the event's location. GDELT's FIPS country/ADM codes and GNS feature
    ids are not GeoNames values, so those columns stay empty rather than hold wrong codes."""
    name, country, admin1 = row["location_name"], row["location_country"], row["location_admin1"]
    geo_type = _geo_type(row)
    if geo_type is None:
        return {}
    # The geo stage's admin1 is a GeoNames code ("UA.07"), no name for a reader.
    region = admin1 if admin1 != name and "." not in (admin1 or "") else None
    parts = [name, region, _countries().get(country, country)]
    full_name = ", ".join(dict.fromkeys(p for p in parts if p))
    return {
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": full_name,
        "ActionGeo_Lat": row["location_lat"],
        "ActionGeo_Long": row["location_lon"],
    }


#: GDELT resolution codes by the geo stage's precision: (outside the US, in the US).
_GEO_TYPES = {"point": (4, 3), "admin1": (5, 2), "country": (1, 1)}


def _geo_type(row: Row) -> int | None:
    """GDELT's resolution code: 1 country, 2 US state, 3 US city, 4 world city, 5 world
    ADM1 — from the location's precision when the geo stage gave one, else read from its
    fields; None when the location is too thin to tell."""
    name, country, admin1 = row["location_name"], row["location_country"], row["location_admin1"]
    in_us = country == "USA"
    if row.get("location_precision") in _GEO_TYPES:
        return _GEO_TYPES[row["location_precision"]][in_us]
    has_point = row["location_lat"] is not None and row["location_lon"] is not None
    if name and has_point and name not in (admin1, _countries().get(country)):
        return 3 if in_us else 4
    if admin1 and name in (None, admin1):
        return 2 if in_us else 5
    if country and name in (None, _countries().get(country)):
        return 1
    return None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country code -> name, from the actors stage's packaged country table."""
    table = resources.files("flashpoint.actors") / "data" / "countries.csv"
    rows = csv.DictReader(table.read_text(encoding="utf-8").splitlines())
    return {row["code"]: row["name"] for row in rows}


def _stamp(moment: datetime | None) -> str | None:
    return moment.strftime("%Y%m%d%H%M%S") if moment else None


_SEPARATORS = str.maketrans("\t\r\n", "   ")


def _cell(value: Any) -> str:
    """A GDELT field: no quoting exists in the format, so tabs and newlines become spaces."""
    return "" if value is None else str(value).translate(_SEPARATORS)


# PLOVER ---------------------------------------------------------------------------------


def _plover_line(row: Row) -> str:
    """One PLOVER/POLECAT-style event: actors and recipients, type, mode, context, date,
    location, the CAMEO coding, and where it came from."""
    record = {
        "id": row["event_id"],
        "date": row["event_date"].isoformat() if row["event_date"] else None,
        "date_precision": row["date_precision"],
        "event_type": row["event_type"],
        "mode": row["mode"],
        "context": row["context"],
        "actor": _first(row["sources"]),
        "actors": row["sources"],
        "recipient": _first(row["targets"]),
        "recipients": row["targets"],
        "location": _location(row),
        "modality": row["modality"],
        "confidence": row["confidence"],
        "cameo": {
            "code": row["cameo_code"],
            "root": row["cameo_root"],
            "quad_class": row["quad_class"],
            "goldstein": row["goldstein"],
        },
        "cluster_id": row["cluster_id"],
        "provenance": {
            "article_id": row["article_id"],
            "sentence_index": row["sentence_index"],
            "char_start": row["char_start"],
            "char_end": row["char_end"],
            "sentence": row["sentence"],
            "url": row["url"],
            "coder_version": row["coder_version"],
            "pattern": row["pattern"],
        },
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def _location(row: Row) -> Row | None:
    location = {field: row[f"location_{field}"] for field in _LOCATION_FIELDS}
    return location if any(v is not None for v in location.values()) else None


def _first(actors: list[Row]) -> Row | None:
    return actors[0] if actors else None
