"""POST /api/articles: token handling, size and body checks, ingestion through the engine,
and reads running while a write commits."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.api.db import Database

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORY = {
    "title": "Harbour talks",
    "published": "2025-05-02",
    "outlet": "Test Wire",
    "url": "https://example.org/harbour-talks",
    "text": "MANILA — The Philippines and China agreed on Friday to reopen talks on the "
    "disputed shoal. Chinese officials said the coast guard would withdraw two ships.",
}


@pytest.fixture(scope="module")
def writer(api_db: str, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A read-write app (token set) over a copy of the example store."""
    path = tmp_path_factory.mktemp("ingest") / "copy.duckdb"
    shutil.copy(api_db, path)
    return TestClient(create_app(str(path), token=TOKEN))


def test_refused_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/articles", json=STORY, headers=AUTH)
    assert response.status_code == 403
    assert "E082" in response.json()["detail"] and "FLASHPOINT_TOKEN" in response.text


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_wrong_or_missing_token_is_401(writer: TestClient, headers: dict[str, str]) -> None:
    response = writer.post("/api/articles", json=STORY, headers=headers)
    assert response.status_code == 401 and "E083" in response.text
    assert response.headers["www-authenticate"] == "Bearer"


def test_oversized_body_is_413(writer: TestClient) -> None:
    big = {**STORY, "text": "x" * 5_100_000}
    response = writer.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413 and "E084" in response.text


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "invalid JSON"),
        (b"[]", "empty"),
        (b'[{"text": "ok"}, {"title": "no text"}]', "1.text: Field required"),
        (b'{"text": "x", "body": "y"}', "body: Extra inputs"),
        (b'{"text": "x", "published": "2025-31-01"}', "published"),
        (b'"just a string"', "body: Input should be a valid dictionary"),
    ],
)
def test_bad_bodies_are_422(writer: TestClient, body: bytes, fragment: str) -> None:
    headers = {**AUTH, "Content-Type": "application/json"}
    response = writer.post("/api/articles", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert "E086" in response.text and fragment in response.text


def test_posted_article_is_coded_and_readable(writer: TestClient) -> None:
    before = writer.get("/api/stats").json()["counts"]
    window = {"dyad": "CHN:*", "since": "2025-05-01", "until": "2025-05-03"}
    assert sum(p["events"] for p in writer.get("/api/timeline", params=window).json()["items"]) == 0
    response = writer.post("/api/articles", json=[STORY], headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["articles_added"] == 1 and body["errors"] == []
    [article_id] = body["article_ids"]
    article = writer.get(f"/api/articles/{article_id}").json()
    assert article["title"] == STORY["title"] and article["published"] == STORY["published"]
    assert writer.get("/api/stats").json()["counts"]["articles"] == before["articles"] + 1
    events = writer.get("/api/events", params={"since": "2025-05-01", "limit": 100}).json()
    assert article_id in {e["article_id"] for e in events["items"]}
    # the cached (empty) timeline was dropped when the batch committed
    assert sum(p["events"] for p in writer.get("/api/timeline", params=window).json()["items"]) > 0

    again = writer.post("/api/articles", json=STORY, headers=AUTH)
    assert again.status_code == 200 and again.json()["exact_duplicates"] == 1


def test_reads_keep_working_during_a_write(writer: TestClient) -> None:
    """Readers on other threads see the store before or after the batch, never an error."""
    stories = [{**STORY, "text": f"{STORY['text']} Round {i} of talks ended."} for i in range(3)]
    statuses: list[int] = []
    counts: list[int] = []

    def read() -> None:
        for _ in range(10):
            response = writer.get("/api/stats")
            statuses.append(response.status_code)
            counts.append(response.json()["counts"]["articles"])

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    posted = writer.post("/api/articles", json=stories, headers=AUTH)
    for thread in readers:
        thread.join()
    assert posted.status_code == 201 and posted.json()["articles_added"] == 3
    assert set(statuses) == {200}
    final = writer.get("/api/stats").json()["counts"]["articles"]
    assert all(n in {final - 3, final} for n in counts)


def test_read_only_apps_share_a_store(api_db: str, tmp_path: Path) -> None:
    """Two read-only apps can share one file; a missing file is a clear error."""
    second = TestClient(create_app(api_db))
    assert second.get("/api/stats").status_code == 200
    with pytest.raises(Exception, match="E003"):
        create_app(str(tmp_path / "absent.duckdb"))


def test_cached_results_last_until_a_write(api_db: str) -> None:
    db = Database(api_db, writable=False)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert db.cached("key", compute) == db.cached("key", compute) == 1
    db.invalidate()
    assert db.cached("key", compute) == 2
    db.close()
