"""Web dashboard: HTML pages and bundled static assets (no CDN, works offline).

Every page is the same HTML shell; the ES module ``static/js/app.js`` reads the page name
from ``<body data-page>`` and draws it from the JSON API. Page text never reaches the DOM
as HTML (the scripts only set ``textContent``), and a strict Content-Security-Policy
forbids inline and foreign scripts as a second line of defence against hostile articles.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from flashpoint.api.data import CursorStore
from flashpoint.api.db import store
from flashpoint.api.params import ApiJSON, Since, Until, choice, code
from flashpoint.coding.ontology import plover_types
from flashpoint.coding.queries import EventFilter, where_clause

router = APIRouter(include_in_schema=False)
Db = Annotated[CursorStore, Depends(store)]
EVENT_TYPES = tuple(plover_types())
#: Most places the map draws (the most reported first).
MAX_PLACES = 5000
#: Locations precise enough to be a place on the map (the `near` filter's rule).
PRECISE = "coalesce(e.location_precision IN ('point', 'admin1'), false)"

STATIC = files("flashpoint.api") / "static"

#: page path -> (page name read by app.js, title)
PAGES = {
    "/": ("overview", "Overview"),
    "/dyad": ("dyad", "Dyad"),
    "/events": ("events", "Event explorer"),
    "/event": ("event", "Event"),
    "/quotes": ("quotes", "Quotes"),
    "/claims": ("claims", "Claims"),
    "/map": ("map", "Map"),
}

#: the only asset types served; anything else under static/ is a 404
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@cache
def _shell() -> str:
    """The page template, read once from package data."""
    return (STATIC / "page.html").read_text(encoding="utf-8")


def _page(name: str, title: str) -> HTMLResponse:
    """The shell with this page's name and title filled in (both are our own constants)."""
    html = _shell().replace("{{page}}", name).replace("{{title}}", title)
    return HTMLResponse(html, headers=SECURITY_HEADERS)


def _register(path: str, name: str, title: str) -> None:
    """Add one GET route serving the shell for ``name``."""

    async def page() -> HTMLResponse:
        return _page(name, title)

    router.add_api_route(path, page, methods=["GET"], name=f"dashboard_{name}")


for _path, (_name, _title) in PAGES.items():
    _register(_path, _name, _title)


@router.get("/static/{path:path}", name="dashboard_static")
async def static(path: str) -> Response:
    """A bundled asset; paths are checked so nothing outside static/ can be reached."""
    parts = PurePosixPath(path).parts
    suffix = PurePosixPath(path).suffix
    if not parts or any(p in ("..", ".") or p.startswith(".") for p in parts):
        raise HTTPException(status_code=404, detail=f"no asset {path!r}")
    if suffix not in CONTENT_TYPES:
        raise HTTPException(status_code=404, detail=f"no asset {path!r}")
    resource = STATIC.joinpath(*parts)
    if not resource.is_file():
        raise HTTPException(status_code=404, detail=f"no asset {path!r}")
    headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    return Response(resource.read_bytes(), media_type=CONTENT_TYPES[suffix], headers=headers)


def _events_where(
    country: str | None, event_type: str | None, since: Any, until: Any
) -> tuple[str, list[Any]]:
    """The /api/events filter semantics (one shared WHERE clause), checked the API's way."""
    f = EventFilter(
        country=code("country", country),
        event_type=choice("type", event_type, EVENT_TYPES),
        since=since,
        until=until,
    )
    return where_clause(f)


@router.get("/dashboard/volume.json", name="dashboard_volume")
def volume(db: Db, since: Since = None, until: Until = None) -> Response:
    """Events per day: the overview's volume chart, one GROUP BY instead of every event."""
    where, params = _events_where(None, None, since, until)
    where += (" AND " if where else " WHERE ") + "e.event_date IS NOT NULL"
    rows = db.con.execute(
        f"SELECT e.event_date AS day, count(*) AS events FROM events e{where} "
        "GROUP BY ALL ORDER BY day",
        params,
    ).fetchall()
    return ApiJSON({"items": [{"day": day, "events": n} for day, n in rows]})


@router.get("/dashboard/places.json", name="dashboard_places")
def places(
    db: Db,
    country: str | None = None,
    event_type: Annotated[str | None, Query(alias="type")] = None,
    since: Since = None,
    until: Until = None,
) -> Response:
    """Events located to a point or a province, grouped by place, for the map; a place's
    events come from /api/events with ``near`` (which also skips country-only locations).
    ``country_only`` counts the events located no closer than their country."""
    where, params = _events_where(country, event_type, since, until)
    where += (" AND " if where else " WHERE ") + "e.location_lat IS NOT NULL"
    cursor = db.con.execute(
        "SELECT any_value(e.location_name) AS name, any_value(e.location_country) AS country, "
        "e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, "
        f"max(e.quad_class) AS quad_class FROM events e{where} "
        f"AND {PRECISE} GROUP BY e.location_lat, e.location_lon "
        "ORDER BY events DESC, lat, lon LIMIT ?",
        [*params, MAX_PLACES],
    )
    columns = [d[0] for d in cursor.description]
    items = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    [(country_only,)] = db.con.execute(
        f"SELECT count(*) FROM events e{where} AND NOT {PRECISE}", params
    ).fetchall()
    return ApiJSON({"items": items, "country_only": country_only})
