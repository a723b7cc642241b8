"""Read endpoints over the store: the CLI's queries with the same filters, paged, as JSON or
CSV. Each endpoint checks its parameters, then calls a stage query module."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from flashpoint.actors.queries import ActorFilter, actor_summary
from flashpoint.api import data
from flashpoint.api.data import CursorStore, EventQuery, Row
from flashpoint.api.db import store
from flashpoint.api.params import (
    CODE,
    DYAD,
    LISTED,
    MAX_PAGE,
    MAX_TEXT,
    NEAR,
    WORD,
    ApiJSON,
    Page,
    Since,
    Text,
    Until,
    choice,
    code,
    dyad,
    matching,
    page,
    pattern,
    respond,
)
from flashpoint.claims.compare import compare_claims
from flashpoint.claims.queries import claims
from flashpoint.cluster.queries import ClusterFilter, clusters
from flashpoint.coding.ontology import plover_types
from flashpoint.coding.queries import EventFilter
from flashpoint.coding.records import MODALITIES
from flashpoint.errors import Errors
from flashpoint.quotes.queries import quotes
from flashpoint.quotes.records import DIRECT, INDIRECT, MIXED
from flashpoint.store.queries import ArticleFilter, articles

router = APIRouter(prefix="/api")

EVENT_TYPES = tuple(plover_types())
QUOTE_KINDS = (DIRECT, INDIRECT, MIXED)
Db = Annotated[CursorStore, Depends(store)]
Paging = Annotated[Page, Depends(page)]
Id = Annotated[str, Path(max_length=64)]
DyadQuery = Query(
    alias="dyad", max_length=64, description="SOURCE:TARGET codes, e.g. RUS:UKR.",
    json_schema_extra={"pattern": DYAD},
)  # fmt: skip
EventType = Annotated[
    str | None,
    Query(alias="type", description="PLOVER event type.", json_schema_extra={"enum": EVENT_TYPES}),
]


def missing(what: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of a by-id endpoint."""
    return {404: {"description": f"No {what} with that id."}}


def not_found(what: str, value: str) -> HTTPException:
    return HTTPException(404, Errors.E081.format(what=what, value=value))


def nest(row: Row, prefix: str, fields: tuple[str, ...]) -> Row:
    """Fold ``{prefix}_{field}`` columns into one Actor object (None when it has no text)."""
    actor = {f: row.pop(f"{prefix}_{f}", None) for f in fields}
    return {**row, prefix: actor if actor.get("text") is not None else None}


@router.get("/stats", summary="Row counts per table and date bounds")
def get_stats(db: Db) -> Response:
    return ApiJSON(data.summary(db))


@router.get("/articles", responses=LISTED, summary="Stored articles, newest first (no text)")
def list_articles(
    db: Db, p: Paging, since: Since = None, until: Until = None, outlet: Text = None, q: Text = None
) -> Response:
    f = ArticleFilter(since, until, outlet, q, True, p.fetch, p.offset)
    return respond(articles(db, f).to_pylist(), p)


@router.get(
    "/articles/{article_id}", responses=missing("article"), summary="One article with its text"
)
def get_article(db: Db, article_id: Id) -> Response:
    row = data.article_by_id(db.con, article_id)
    if row is None:
        raise not_found("article", article_id)
    return ApiJSON(row)


@router.get(
    "/events", responses=LISTED, summary="Coded events, newest first, with actors and location"
)
def list_events(
    db: Db,
    p: Paging,
    country: Annotated[
        str | None, pattern(CODE, "Actor code in either role, or a location in that country.")
    ] = None,
    dyad_: Annotated[str | None, DyadQuery] = None,
    event_type: EventType = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    modality: Annotated[
        list[str] | None,
        Query(description="Repeatable.", json_schema_extra={"items": {"enum": MODALITIES}}),
    ] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[Text, Query(description="Sentence contains this.")] = None,
    near: Annotated[str | None, pattern(NEAR, "LAT,LON in decimal degrees.")] = None,
    km: Annotated[float, Query(gt=0, le=20_000, description="Radius around near.")] = 50.0,
    located_in: Annotated[str | None, pattern(CODE, "Location in this country.")] = None,
) -> Response:
    for value in modality or ():
        choice("modality", value, MODALITIES)
    f = EventFilter(
        country=code("country", country),
        dyad=dyad(dyad_),
        event_type=choice("type", event_type, EVENT_TYPES),
        quad_class=quad_class,
        since=since,
        until=until,
        modality=tuple(modality or ()),
        near=matching("near", near, NEAR, "50.45,30.52 (LAT,LON in degrees)"),
        km=km,
        located_in=code("located_in", located_in),
    )
    query = EventQuery(f, text=q)
    return respond(data.event_page(db.con, query, p.fetch, p.offset), p, data.EVENT_ITEM)


@router.get(
    "/events/{event_id}",
    responses=missing("event"),
    summary="One event with its article and story cluster",
)
def get_event(db: Db, event_id: Id) -> Response:
    row = data.event_by_id(db.con, event_id)
    if row is None:
        raise not_found("event", event_id)
    return ApiJSON(row)


_SPEAKER = ("text", "name", "country", "sector")


@router.get(
    "/quotes", responses=LISTED, summary="Quotes with their resolved speakers, newest first"
)
def list_quotes(
    db: Db,
    p: Paging,
    speaker: Annotated[Text, Query(description="Speaker name or text contains this.")] = None,
    actor: Annotated[str | None, pattern(CODE, "Country or country+sector, e.g. RUSGOV.")] = None,
    kind: Annotated[str | None, Query(json_schema_extra={"enum": QUOTE_KINDS})] = None,
    since: Since = None,
    until: Until = None,
) -> Response:
    rows = quotes(
        db.con,
        speaker=speaker,
        actor=code("actor", actor),
        kind=choice("kind", kind, QUOTE_KINDS),
        since=since,
        until=until,
        limit=p.fetch,
        offset=p.offset,
    ).to_pylist()
    return respond(rows if p.fmt == "csv" else [nest(r, "speaker", _SPEAKER) for r in rows], p)


_SOURCE = ("text", "name", "country", "sector")


@router.get("/claims", responses=LISTED, summary="Numeric claims with their sources, newest first")
def list_claims(
    db: Db,
    p: Paging,
    subject: Annotated[str | None, pattern(WORD, "What is counted, e.g. troops.")] = None,
    source: Annotated[Text, Query(description="Who asserts it: a code or a name.")] = None,
    since: Since = None,
    until: Until = None,
) -> Response:
    rows = claims(
        db.con,
        subject=matching("subject", subject, WORD, "troops"),
        source=source,
        since=since,
        until=until,
        limit=p.fetch,
        offset=p.offset,
    ).to_pylist()
    nested = rows if p.fmt == "csv" else [nest(r, "attributed_to", _SOURCE) for r in rows]
    return respond(nested, p)


@router.get("/claims/compare", summary="Conflicting estimates on one subject, side by side")
def compare(
    db: Db,
    subject: Annotated[str, pattern(WORD, "What is counted, e.g. troops.")],
    actor: Annotated[str | None, pattern(CODE, "Country the claims are about.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
) -> Response:
    checked = matching("subject", subject, WORD, "troops") or ""
    actor = code("actor", actor)
    table = compare_claims(db.con, checked, actor, since=since, until=until, limit=limit)
    return ApiJSON({"subject": subject, "items": table.to_pylist()})


@router.get("/clusters", responses=LISTED, summary="Story clusters, most reported first")
def list_clusters(
    db: Db,
    p: Paging,
    since: Since = None,
    until: Until = None,
    dyad_: Annotated[str | None, DyadQuery] = None,
    event_type: EventType = None,
) -> Response:
    f = ClusterFilter(
        dyad=dyad(dyad_),
        event_type=choice("type", event_type, EVENT_TYPES),
        since=since,
        until=until,
        limit=p.fetch,
        offset=p.offset,
    )
    return respond(clusters(db.con, f).to_pylist(), p)


@router.get(
    "/clusters/{cluster_id}",
    responses=missing("cluster"),
    summary="One story cluster with its articles",
)
def get_cluster(db: Db, cluster_id: Id) -> Response:
    row = data.cluster_by_id(db.con, cluster_id)
    if row is None:
        raise not_found("cluster", cluster_id)
    return ApiJSON(row)


@router.get("/actors", responses=LISTED, summary="Resolved actors, most mentioned first")
def list_actors(
    db: Db,
    p: Paging,
    country: Annotated[str | None, pattern(CODE, "e.g. RUS, NATO.")] = None,
    sector: Annotated[str | None, pattern(CODE, "PLOVER sector, e.g. MIL.")] = None,
    name: Annotated[Text, Query(description="Name or text contains this.")] = None,
) -> Response:
    # The stage query has no offset: take the rows up to the end of this page and slice.
    f = ActorFilter(
        code("country", country), code("sector", sector), name, limit=p.offset + p.fetch
    )
    rows: list[dict[str, Any]] = actor_summary(db, f).slice(p.offset).to_pylist()
    return respond(rows, p)


@router.get(
    "/search", responses=LISTED, summary="Sentences containing a text, newest article first"
)
def search(
    db: Db,
    p: Paging,
    q: Annotated[str, Query(min_length=2, max_length=MAX_TEXT, description="Text to find.")],
) -> Response:
    return respond(data.search_sentences(db.con, q, p.fetch, p.offset), p)
