"""Query parameters every endpoint shares: paging, output format, checked codes, and the page
envelope ``{"items", "limit", "offset", "next_offset"}`` rendered as JSON or CSV.

A bad value raises a 422 whose message names the parameter, the value and the reason.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BeforeValidator

from flashpoint.errors import Errors
from flashpoint.store.export import json_default

MAX_PAGE = 1000
MAX_OFFSET = 1_000_000_000
#: Longest free-text filter (names, search text); longer values are refused.
MAX_TEXT = 200
#: Patterns published in the OpenAPI schema and checked with JSON Schema's (search) semantics.
CODE = r"^[A-Za-z0-9]{2,12}$"
DYAD = r"^[A-Za-z0-9]{2,12}:[A-Za-z0-9]{2,12}$"
_LAT = r"-?(90(\.0+)?|[1-8]?[0-9](\.[0-9]+)?)"
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]+)?)"
NEAR = f"^{_LAT},{_LON}$"
WORD = r"^[A-Za-z][A-Za-z_ -]{0,39}$"

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: Any) -> Any:
    """Dates only as YYYY-MM-DD (pydantic alone would also take Unix timestamps)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("use a date in YYYY-MM-DD form")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_only)]
Since = Annotated[IsoDate | None, Query(description="On or after YYYY-MM-DD.")]
Until = Annotated[IsoDate | None, Query(description="On or before YYYY-MM-DD.")]
#: OpenAPI responses of a list endpoint: the JSON page, or its items as CSV.
LISTED: dict[int | str, dict[str, Any]] = {
    200: {
        "description": 'A page {"items", "limit", "offset", "next_offset"}, or CSV of the items.',
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}


def bad(name: str, value: Any, reason: str, where: str = "query") -> RequestValidationError:
    """A 422 in FastAPI's own error shape, with a numbered message naming the value."""
    message = Errors.E080.format(name=name, value=value, reason=reason)
    return RequestValidationError(
        [{"type": "value_error", "loc": (where, name), "msg": message, "input": value}]
    )


def choice(name: str, value: str | None, allowed: Collection[str]) -> str | None:
    """``value`` if it is one of ``allowed`` (exactly, as listed in the OpenAPI schema)."""
    if value is None or value in allowed:
        return value
    raise bad(name, value, f"choose from {', '.join(allowed)}")


def matching(name: str, value: str | None, pattern: str, example: str) -> str | None:
    """``value`` stripped, if it matches ``pattern`` (as the schema promises)."""
    if value is None:
        return None
    if not re.search(pattern, value):
        raise bad(name, value, f"expected something like {example} (pattern {pattern})")
    return value.strip()


def code(name: str, value: str | None) -> str | None:
    """An actor code (country, IGO or sector: RUS, NATO, MIL), upper-cased."""
    checked = matching(name, value, CODE, "RUS, NATO or MIL")
    return checked.upper() if checked else None


def dyad(value: str | None) -> str | None:
    """``SOURCE:TARGET`` actor codes, e.g. RUS:UKR, upper-cased."""
    checked = matching("dyad", value, DYAD, "RUS:UKR (SOURCE:TARGET)")
    return checked.upper() if checked else None


def pattern(regex: str, description: str) -> Any:
    """Query metadata publishing ``regex`` in the schema (the check is ours, for its message)."""
    return Query(max_length=64, description=description, json_schema_extra={"pattern": regex})


@dataclass(frozen=True)
class Page:
    """Paging and output format of a list endpoint."""

    limit: int
    offset: int
    fmt: str

    @property
    def fetch(self) -> int:
        """Rows to ask for: one more than the page, to know whether another page follows."""
        return self.limit + 1


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
    format: Annotated[
        Literal["json", "csv"], Query(description="json (default) or csv of the items.")
    ] = "json",
) -> Page:
    """The paging parameters of every list endpoint."""
    return Page(limit, offset, format)


def dumps(content: Any) -> bytes:
    return json.dumps(content, default=json_default, ensure_ascii=False).encode("utf-8")


class ApiJSON(JSONResponse):
    """JSON with dates as ISO strings, rendered directly (no per-field encoder pass)."""

    def render(self, content: Any) -> bytes:
        return dumps(content)


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, default=json_default, ensure_ascii=False)
    return json_default(value) if isinstance(value, date | datetime) else value


def csv_response(items: Sequence[dict[str, Any]], columns: Sequence[str] = ()) -> Response:
    """Items as CSV with a header; nested values (actor lists, location) as JSON cells."""
    header = list(columns or (items[0].keys() if items else ()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(item.get(k)) for k in header] for item in items)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8")


def respond(rows: list[dict[str, Any]], p: Page, columns: Sequence[str] = ()) -> Response:
    """The page envelope (or CSV) for rows fetched with ``p.fetch``."""
    items = rows[: p.limit]
    if p.fmt == "csv":
        return csv_response(items, columns)
    more = len(rows) > p.limit
    next_offset = p.offset + p.limit if more else None
    return ApiJSON(
        {"items": items, "limit": p.limit, "offset": p.offset, "next_offset": next_offset}
    )
