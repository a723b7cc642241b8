"""``POST /api/articles``: ingest one article or a list through the same engine run as
``flashpoint run`` (reader, dedup, NLP, one transaction per batch, clustering).

The token is checked before the body is read, the body size is bounded before it is parsed,
and runs are serialised so deduplication sees every earlier post.
"""

from __future__ import annotations

import hmac
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from flashpoint.api.db import Database, database
from flashpoint.api.params import ApiJSON
from flashpoint.engine import RunConfig, run
from flashpoint.errors import Errors
from flashpoint.ingest import IngestError
from flashpoint.records import make_article_id

MAX_BODY = 5_000_000
MAX_ARTICLES = 1000
PATH = "/api/articles"

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="FLASHPOINT_TOKEN of the server.")


class ArticleIn(BaseModel):
    """One posted article; the fields a JSON line of ``flashpoint run`` would carry."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)


_ONE = TypeAdapter(ArticleIn)
_MANY = TypeAdapter(Annotated[list[ArticleIn], Field(max_length=MAX_ARTICLES)])


def _body_schema() -> dict[str, Any]:
    one = ArticleIn.model_json_schema()
    many = {"type": "array", "items": one, "minItems": 1, "maxItems": MAX_ARTICLES}
    return {"anyOf": [one, many]}


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """403 when the server has no token (writes disabled), 401 on a missing or wrong one."""
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(403, Errors.E082.format(path=PATH))
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, Errors.E083, headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request) -> bytes:
    """The body, refused (413) past MAX_BODY whatever Content-Length claims."""
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise HTTPException(411, Errors.E085.format(limit=MAX_BODY))
    if int(length) > MAX_BODY:
        raise HTTPException(413, Errors.E084.format(size=int(length), limit=MAX_BODY))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, Errors.E084.format(size=f"over {len(body)}", limit=MAX_BODY))
    return bytes(body)


def parse_articles(body: bytes) -> list[ArticleIn]:
    """The posted articles, or a 422 naming each bad field (FastAPI's error shape)."""
    try:
        value = json.loads(body)
    except ValueError as exc:
        raise _invalid("json_invalid", f"invalid JSON: {exc}") from None
    if value == []:
        raise _invalid("too_short", "the list is empty")
    try:
        return (
            _MANY.validate_python(value)
            if isinstance(value, list)
            else [_ONE.validate_python(value)]
        )
    except ValidationError as exc:
        raise RequestValidationError([_body_error(e) for e in exc.errors()[:20]]) from None


def _invalid(kind: str, reason: str) -> RequestValidationError:
    return RequestValidationError(
        [{"type": kind, "loc": ("body",), "msg": Errors.E086.format(reason=reason)}]
    )


def _body_error(error: ErrorDetails) -> dict[str, Any]:
    where = ".".join(str(part) for part in error["loc"]) or "body"
    message = Errors.E086.format(reason=f"{where}: {error['msg']}")
    return {"type": error["type"], "loc": ("body", *error["loc"]), "msg": message}


def ingest(db: Database, articles: list[ArticleIn]) -> dict[str, Any]:
    """Run the engine over the posted articles, written as one JSON-lines file."""
    errors: list[IngestError] = []
    with db.write_lock, tempfile.TemporaryDirectory(prefix="flashpoint-api-") as tmp:
        path = Path(tmp) / "POST-api-articles.jsonl"
        lines = (a.model_dump_json(exclude_none=True) + "\n" for a in articles)
        path.write_text("".join(lines), encoding="utf-8")
        try:
            summary = run(
                [str(path)], RunConfig(db=db.path, progress=False, on_error=errors.append)
            )
        finally:
            db.invalidate()
    return {
        "articles_read": summary.articles_read,
        "articles_added": summary.articles_added,
        "exact_duplicates": summary.exact_duplicates,
        "near_duplicates": summary.near_duplicates,
        "article_ids": [make_article_id(a.text) for a in articles],
        "errors": [
            {"position": e.position, "reason": e.reason, "severity": e.severity} for e in errors
        ],
        "rows": summary.rows,
    }


@router.post(
    PATH,
    summary="Ingest one article or a list (bearer token)",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _body_schema()}},
        }
    },
    responses={
        200: {"description": "Nothing new: every article was already stored."},
        401: {"description": "Missing or wrong bearer token."},
        403: {"description": "The server has no FLASHPOINT_TOKEN: writing is disabled."},
        411: {"description": "No Content-Length."},
        413: {"description": f"Body over {MAX_BODY} bytes."},
        422: {"description": "Body is not an article or a list of articles."},
    },
)
async def post_articles(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Response:
    check_token(request, credentials)
    articles = parse_articles(await read_body(request))
    result = await run_in_threadpool(ingest, database(request), articles)
    return ApiJSON(result, status_code=201 if result["articles_added"] else 200)
