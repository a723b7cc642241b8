"""`flashpoint serve`: loopback by default, the token from the environment, clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from flashpoint.cli import main


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `serve` hands to uvicorn, instead of serving."""
    calls: dict[str, Any] = {}

    def fake_run(app: FastAPI, host: str, port: int) -> None:
        calls.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_serve_binds_loopback_read_only(
    api_db: str, served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FLASHPOINT_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", api_db])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert "read-only" in result.stderr
    client = TestClient(served["app"])
    assert client.get("/docs").status_code == 200
    assert client.post("/api/articles", json={"text": "x"}).status_code == 403


def test_serve_takes_the_token_from_the_environment(
    api_db: str, served: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(api_db).read_bytes())
    monkeypatch.setenv("FLASHPOINT_TOKEN", "from-env")
    result = CliRunner().invoke(main, ["serve", "--db", str(copy), "--port", "8123"])
    assert result.exit_code == 0 and served["port"] == 8123
    client = TestClient(served["app"])
    wrong = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401


def test_serve_reports_a_missing_store(served: dict[str, Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code != 0 and "E003" in result.output and not served
