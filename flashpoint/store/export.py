"""Write query results as a terminal table, CSV, JSON lines or Parquet."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from flashpoint.errors import Errors, FlashpointError

FORMATS = ("table", "csv", "jsonl", "parquet")
CELL_WIDTH = 48


def json_default(value: Any) -> Any:
    """How JSON writes what the store returns beyond JSON's types (dates, blobs); shared by
    the CLI's jsonl and the REST API."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def format_table(table: pa.Table) -> str:
    """Fixed-width text table; long cells are cut so a row stays on one line."""
    rows = [[_cell(v) for v in row.values()] for row in table.to_pylist()]
    header = table.column_names
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _jsonl(table: pa.Table) -> str:
    return "".join(
        json.dumps(row, default=json_default, ensure_ascii=False) + "\n"
        for row in table.to_pylist()
    )


def _csv(table: pa.Table) -> str:
    buffer = io.BytesIO()
    pa_csv.write_csv(table, buffer)
    return buffer.getvalue().decode("utf-8")


def write_table(
    table: pa.Table, fmt: str, out: str | Path | None, stdout: TextIO | None = None
) -> None:
    """Write ``table`` in ``fmt`` to the file ``out``, or to stdout when ``out`` is None."""
    if fmt not in FORMATS:
        raise FlashpointError(Errors.E004.format(fmt=fmt, choices=", ".join(FORMATS)))
    if fmt == "parquet":
        if out is None:
            raise FlashpointError(Errors.E005.format(fmt=fmt))
        pq.write_table(table, str(out))
        return
    render = {"table": format_table, "csv": _csv, "jsonl": _jsonl}[fmt]
    text = render(table)
    if out is None:
        (stdout or sys.stdout).write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")
