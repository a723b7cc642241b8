from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flashpoint.errors import FlashpointError
from flashpoint.store.export import CELL_WIDTH, write_table

TABLE = pa.table(
    {"article_id": ["a1", "a2"], "published": [date(2025, 3, 3), None], "title": ["x" * 100, "y"]}
)


def render(fmt: str) -> str:
    out = io.StringIO()
    write_table(TABLE, fmt, None, stdout=out)
    return out.getvalue()


def test_table_cuts_long_cells_and_aligns() -> None:
    lines = render("table").splitlines()
    assert lines[0].split() == ["article_id", "published", "title"]
    assert "x" * (CELL_WIDTH - 1) + "…" in lines[2]
    assert "2025-03-03" in lines[2]


def test_jsonl_round_trips_dates() -> None:
    rows = [json.loads(line) for line in render("jsonl").splitlines()]
    assert rows[0]["published"] == "2025-03-03"
    assert rows[1]["published"] is None


def test_csv_has_header_and_rows() -> None:
    lines = render("csv").splitlines()
    assert lines[0] == '"article_id","published","title"'
    assert len(lines) == 3


def test_parquet_needs_a_file(tmp_path: Path) -> None:
    with pytest.raises(FlashpointError, match="E005"):
        write_table(TABLE, "parquet", None)
    write_table(TABLE, "parquet", tmp_path / "x.parquet")
    assert pq.read_table(tmp_path / "x.parquet").num_rows == 2


def test_unknown_format_is_named() -> None:
    with pytest.raises(FlashpointError, match="'xml'"):
        write_table(TABLE, "xml", None)
