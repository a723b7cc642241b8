"""The read endpoints over the example store: filters, paging, nested records, CSV, 404s."""

from __future__ import annotations

import csv
import io
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

EVENT_FIELDS = {
    "event_id", "article_id", "sentence_index", "char_start", "char_end", "sentence",
    "event_type", "mode", "context", "cameo_code", "cameo_root", "quad_class", "goldstein",
    "event_date", "date_precision", "modality", "confidence", "pattern", "cluster_id",
    "source", "target", "location",
}  # fmt: skip
ACTOR_FIELDS = {"text", "country", "sector", "name", "kb_id", "char_start", "char_end"}


def items(client: TestClient, url: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "limit", "offset", "next_offset"}
    return list(body["items"])


def scalar(db: str, sql: str) -> Any:
    with duckdb.connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


def test_stats_counts_every_table(client: TestClient, api_db: str) -> None:
    body = client.get("/api/stats").json()
    assert body["counts"]["events"] == scalar(api_db, "SELECT count(*) FROM events") > 0
    assert body["counts"]["articles"] == scalar(api_db, "SELECT count(*) FROM articles")
    assert body["published_from"] <= body["published_to"]


def test_article_pages_cover_the_store_once(client: TestClient, api_db: str) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/api/articles", params={"limit": 4, "offset": offset}).json()
        seen += [a["article_id"] for a in body["items"]]
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == scalar(api_db, "SELECT count(*) FROM articles")


def test_article_filters_and_detail(client: TestClient) -> None:
    rows = items(client, "/api/articles", since="2025-04-01", until="2025-04-30")
    assert rows and all("2025-04-01" <= r["published"] <= "2025-04-30" for r in rows)
    [first] = items(client, "/api/articles", q="hotline", limit=1)
    article = client.get(f"/api/articles/{first['article_id']}").json()
    assert "hotline" in article["text"].lower()
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "E081" in missing.json()["detail"]


def test_event_records_have_the_design_fields(client: TestClient) -> None:
    rows = items(client, "/api/events", limit=200)
    assert rows and all(set(r) == EVENT_FIELDS for r in rows)
    actors = [a for r in rows for a in r["source"] + r["target"]]
    assert actors and all(set(a) == ACTOR_FIELDS for a in actors)
    dates = [r["event_date"] for r in rows if r["event_date"]]
    assert dates == sorted(dates, reverse=True)


def test_event_detail_offsets_point_into_the_article(client: TestClient) -> None:
    [row] = items(client, "/api/events", dyad="CHN:PHL", limit=1)
    event = client.get(f"/api/events/{row['event_id']}").json()
    text = event["article"]["text"]
    assert event["sentence"] in text
    assert text[event["char_start"] : event["char_end"]] in event["sentence"]
    for actor in event["source"] + event["target"]:
        assert text[actor["char_start"] : actor["char_end"]] == actor["text"]
    cluster = event["cluster"]
    assert cluster["cluster_id"] == event["cluster_id"]
    assert event["article_id"] in {a["article_id"] for a in cluster["articles"]}
    assert client.get("/api/events/nope").status_code == 404


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"dyad": "CHN:PHL"}, lambda r: "CHN" in {a["country"] for a in r["source"]}),
        (
            {"country": "phl"},
            lambda r: (
                "PHL" in {a["country"] for a in r["source"] + r["target"]}
                or (r["location"] or {}).get("country") == "PHL"
            ),
        ),
        ({"type": "CONSULT"}, lambda r: r["event_type"] == "CONSULT"),
        ({"quad_class": 4}, lambda r: r["quad_class"] == 4),
        ({"modality": ["negated", "future"]}, lambda r: r["modality"] in {"negated", "future"}),
        ({"since": "2025-04-01"}, lambda r: r["event_date"] >= "2025-04-01"),
        ({"q": "coast guard"}, lambda r: "coast guard" in r["sentence"].lower()),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], check: Any) -> None:
    rows = items(client, "/api/events", limit=1000, **params)
    assert rows and all(check(r) for r in rows)
    assert len(rows) < len(items(client, "/api/events", limit=1000))


def test_events_near_a_point(client: TestClient, place: dict[str, Any]) -> None:
    near = f"{place['lat'] + 0.05},{place['lon']}"
    rows = items(client, "/api/events", near=near, km=10)
    assert len(rows) == 3 and all(r["location"]["name"] == place["name"] for r in rows)
    assert items(client, "/api/events", near=near, km=1) == []
    assert all(
        r["location"]["name"] != place["name"]
        for r in items(client, "/api/events", near="-33.9,151.2", km=500)
    )


def test_events_as_csv(client: TestClient) -> None:
    response = client.get("/api/events", params={"dyad": "CHN:PHL", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and set(rows[0]) == EVENT_FIELDS
    assert len(rows) == len(items(client, "/api/events", dyad="CHN:PHL"))
    assert rows[0]["source"].startswith("[{")  # actor lists as JSON cells
    empty = client.get("/api/events", params={"q": "no such words here", "format": "csv"})
    assert empty.text.splitlines() == [",".join(rows[0])]  # the header alone


def test_quotes_nest_the_speaker(client: TestClient) -> None:
    rows = items(client, "/api/quotes", kind="direct", limit=100)
    assert rows and all(r["kind"] == "direct" for r in rows)
    speakers = [r["speaker"] for r in rows if r["speaker"]]
    assert speakers and all(set(s) == {"text", "name", "country", "sector"} for s in speakers)
    flat = client.get("/api/quotes", params={"kind": "direct", "format": "csv"}).text
    assert flat.splitlines()[0].count("speaker_") == 4


def test_claims_and_comparison(client: TestClient) -> None:
    rows = items(client, "/api/claims", subject="troops")
    assert rows and all(r["subject"] == "troops" for r in rows)
    body = client.get("/api/claims/compare", params={"subject": "troops"}).json()
    assert len(body["items"]) == len(rows)
    assert all(i["overall_low"] <= i["best"] <= i["overall_high"] for i in body["items"])


def test_clusters_and_one_cluster(client: TestClient) -> None:
    rows = items(client, "/api/clusters")
    counts = [r["num_articles"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    cluster = client.get(f"/api/clusters/{rows[0]['cluster_id']}").json()
    assert len(cluster["articles"]) == cluster["num_articles"] == counts[0]
    assert client.get("/api/clusters/nope").status_code == 404


def test_actor_pages_follow_on(client: TestClient) -> None:
    both = items(client, "/api/actors", limit=6)
    first = items(client, "/api/actors", limit=3)
    second = items(client, "/api/actors", limit=3, offset=3)
    assert first + second == both
    assert all(r["country"] == "CHN" for r in items(client, "/api/actors", country="CHN"))


def test_search_finds_sentences(client: TestClient) -> None:
    rows = items(client, "/api/search", q="Water Cannon")
    assert rows and all("water cannon" in r["sentence"].lower() for r in rows)


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("/api/events?type=BOMB", "choose from AGREE"),
        ("/api/events?type=assault", "choose from AGREE"),
        ("/api/events?modality=maybe", "choose from asserted"),
        ("/api/events?quad_class=5", "less than or equal to 4"),
        ("/api/events?dyad=RUS", "SOURCE:TARGET"),
        ("/api/events?dyad=R%27%3B--:UKR", "SOURCE:TARGET"),
        ("/api/events?country=%25", "RUS, NATO"),
        ("/api/events?near=91,0", "LAT,LON"),
        ("/api/events?near=abc", "LAT,LON"),
        ("/api/events?km=0", "greater than 0"),
        ("/api/events?since=2025-02-30", "valid date"),
        ("/api/articles?limit=1001", "less than or equal to 1000"),
        ("/api/articles?limit=0", "greater than or equal to 1"),
        ("/api/articles?offset=-1", "greater than or equal to 0"),
        ("/api/articles?format=xml", "'json' or 'csv'"),
        ("/api/quotes?kind=shouted", "choose from direct"),
        ("/api/claims?subject=1%3D1", "like troops"),
        ("/api/claims/compare", "Field required"),
        ("/api/search?q=a", "at least 2"),
    ],
)
def test_bad_parameters_are_422(client: TestClient, url: str, fragment: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]  # FastAPI's error shape, one entry per bad value
    assert fragment in error["msg"] and error["loc"][0] == "query"
