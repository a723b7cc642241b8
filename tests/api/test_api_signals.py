"""Signal endpoints: ranked dyads, the timeline with its drivers, alerts, and their 422s."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient


def test_dyads_ranked_by_change(client: TestClient) -> None:
    body = client.get("/api/dyads", params={"limit": 5}).json()
    changes = [abs(d["change"]) for d in body["items"]]
    assert 0 < len(changes) <= 5 and changes == sorted(changes, reverse=True)
    assert body["next_offset"] is None


def test_timeline_and_the_drivers_of_its_busiest_day(client: TestClient) -> None:
    [top] = client.get("/api/dyads", params={"limit": 1}).json()["items"]
    dyad = f"{top['source']}:{top['target']}"
    body = client.get("/api/timeline", params={"dyad": dyad.lower()}).json()
    assert body["dyad"] == dyad and body["freq"] == "day"
    busiest = max(body["items"], key=lambda p: p["events"])
    assert busiest["events"] > 0 and busiest["index_low"] <= busiest["index_high"]
    drivers = client.get("/api/timeline/drivers", params={"dyad": dyad, "day": busiest["period"]})
    events = drivers.json()["items"]
    assert events and all(e["source"] == top["source"] for e in events)
    one = client.get(f"/api/events/{events[0]['event_id']}").json()
    assert one["sentence"] == events[0]["sentence"]


def test_weekly_timeline_as_csv(client: TestClient) -> None:
    [top] = client.get("/api/dyads", params={"limit": 1}).json()["items"]
    params = {"dyad": f"{top['source']}:{top['target']}", "freq": "week", "format": "csv"}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/timeline", params=params).text)))
    assert rows and {"period", "index", "index_low", "index_high"} <= set(rows[0])


def test_alerts_point_to_events(client: TestClient) -> None:
    alerts = client.get("/api/alerts").json()["items"]
    assert alerts and all(a["kind"] in {"change_point", "mixed_signals"} for a in alerts)
    event_id = alerts[0]["event_ids"][0]
    assert client.get(f"/api/events/{event_id}").status_code == 200


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("/api/timeline", "Field required"),
        ("/api/timeline?dyad=CHN", "SOURCE:TARGET"),
        ("/api/timeline?dyad=CHN:CHN", "source equals target"),
        ("/api/timeline?dyad=CHN:PHL&freq=month", "day, week"),
        ("/api/timeline?dyad=CHN:PHL&since=0001-01-01", "from 1900-01-01"),
        ("/api/timeline?dyad=CHN:PHL&format=xml", "json, csv"),
        ("/api/timeline/drivers?dyad=CHN:PHL", "Field required"),
        ("/api/dyads?since=2025-05-01&until=2025-04-01", "after until"),
        ("/api/dyads?limit=100000", "less than or equal to 1000"),
        ("/api/alerts?sensitivity=0", "greater than 0"),
    ],
)
def test_bad_signal_parameters_are_422(client: TestClient, url: str, fragment: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert fragment in response.json()["detail"][0]["msg"]
