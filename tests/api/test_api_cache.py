"""The response cache: repeated GETs from memory, nothing stale after a write, bounded."""

from __future__ import annotations

import shutil

import click
import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.api.cache import CACHE_MB, Cached, ResponseCache
from flashpoint.cli import serve

TOKEN = "cache-test-token"
STORY = {
    "title": "Ferry talks",
    "published": "2025-06-03",
    "outlet": "Test Wire",
    "text": "HANOI — Vietnam and Cambodia agreed on Tuesday to restart ferry talks. Cambodian "
    "officials said the border post would reopen next week.",
}


def test_a_repeated_get_is_served_from_memory(api_db: str) -> None:
    client = TestClient(create_app(api_db))
    first = client.get("/api/events", params={"limit": 5})
    again = client.get("/api/events", params={"limit": 5})
    assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    other = client.get("/api/events", params={"limit": 6})
    assert other.headers["x-cache"] == "miss" and len(other.json()["items"]) == 6


def test_errors_and_pages_outside_the_api_are_not_kept(api_db: str) -> None:
    client = TestClient(create_app(api_db))
    for _ in range(2):
        assert client.get("/api/events/no-such-event").headers["x-cache"] == "miss"
        assert client.get("/api/events", params={"limit": 0}).headers["x-cache"] == "miss"
    assert "x-cache" not in client.get("/").headers


def test_a_write_drops_every_kept_response(
    api_db: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("cache") / "copy.duckdb"
    shutil.copy(api_db, path)
    writer = TestClient(create_app(str(path), token=TOKEN))
    count = writer.get("/api/stats").json()["counts"]["articles"]
    assert writer.get("/api/stats").headers["x-cache"] == "hit"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/api/articles", json=STORY, headers=auth).status_code == 201
    after = writer.get("/api/stats")
    assert after.headers["x-cache"] == "miss" and after.json()["counts"]["articles"] == count + 1


def test_no_cache_when_given_no_memory(api_db: str) -> None:
    client = TestClient(create_app(api_db, cache_mb=0))
    for _ in range(2):
        response = client.get("/api/stats")
        assert response.status_code == 200 and "x-cache" not in response.headers


def test_oldest_responses_leave_first_and_big_ones_are_not_kept() -> None:
    cache = ResponseCache(max_bytes=800)
    body = Cached([], b"x" * 100)
    for i in range(8):
        cache.put(("/api/x", str(i).encode()), 0, body)
    cache.get(("/api/x", b"0"))  # now the most recently used
    cache.put(("/api/x", b"8"), 0, body)
    assert cache.get(("/api/x", b"0")) is body and cache.get(("/api/x", b"1")) is None
    cache.put(("/api/big", b""), 0, Cached([], b"x" * 101))
    assert cache.get(("/api/big", b"")) is None


def test_a_response_computed_before_a_write_is_not_kept() -> None:
    cache = ResponseCache(max_bytes=1000)
    started = cache.generation
    cache.clear()  # a write committed while the response was computed
    cache.put(("/api/stats", b""), started, Cached([], b"{}"))
    assert cache.get(("/api/stats", b"")) is None


def test_serve_default_is_the_cache_default() -> None:
    option = next(p for p in serve.params if p.name == "cache_mb")
    assert isinstance(option, click.Option) and option.default == CACHE_MB
