"""The FastAPI application: JSON API under /api, the dashboard at /, OpenAPI docs at /docs.

``create_app(db_path, token)`` opens the store once; ``flashpoint serve`` runs it with
uvicorn. Errors a caller can fix come back as 4xx with a numbered message, never a 500.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from flashpoint import __version__
from flashpoint.api import ingest, reads, signals
from flashpoint.api.cache import CACHE_MB, CacheMiddleware
from flashpoint.api.dashboard import router as dashboard_router
from flashpoint.api.db import Database
from flashpoint.errors import FlashpointError

DESCRIPTION = """Political event data from your own news corpus: articles, coded events,
quotes, claims, story clusters, actors and dyad signals. List endpoints take `limit`
(1-1000) and `offset` and return `{"items", "limit", "offset", "next_offset"}`, or CSV with
`format=csv`. `POST /api/articles` needs `Authorization: Bearer <FLASHPOINT_TOKEN>`."""


def create_app(db_path: str, token: str | None = None, cache_mb: int = CACHE_MB) -> FastAPI:
    """The app over the store at ``db_path``; ``token`` enables POST /api/articles (the
    store is then opened read-write, otherwise read-only); ``cache_mb`` of responses are
    kept until the next write (0: none)."""
    db = Database(str(db_path), writable=bool(token), cache_mb=cache_mb)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="flashpoint", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.db = db
    app.state.token = token or None
    app.add_exception_handler(FlashpointError, _bad_input)
    app.add_middleware(CacheMiddleware, cache=db.responses)
    app.include_router(reads.router)
    app.include_router(signals.router)
    app.include_router(ingest.router)
    app.include_router(dashboard_router)
    return app


async def _bad_input(_request: Request, exc: Exception) -> JSONResponse:
    """A FlashpointError from a stage query names a bad filter value: the caller's to fix.
    The body has the shape of FastAPI's own 422s, so clients parse one error format."""
    error = {"type": "value_error", "loc": ["query"], "msg": str(exc)}
    return JSONResponse({"detail": [error]}, status_code=422)
