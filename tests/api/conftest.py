"""One store built from the project's example articles, shared by the API tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.engine import RunConfig, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
#: A made-up place far from any land (no gazetteer hit), given to three events so the radius
#: filter has something to find.
PLACE: dict[str, Any] = {
    "name": "Nemo Buoy",
    "country": None,
    "admin1": None,
    "lat": -48.9,
    "lon": -123.4,
}


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example corpus run through the pipeline once; three events get a location."""
    path = str(tmp_path_factory.mktemp("api") / "examples.duckdb")
    summary = run([str(EXAMPLES)], RunConfig(db=path, progress=False, on_error=lambda e: None))
    assert summary.articles_added > 10
    with duckdb.connect(path) as con:
        con.execute(
            "UPDATE events SET location_name = ?, location_country = ?, location_admin1 = ?, "
            "location_lat = ?, location_lon = ?, location_geonameid = 1, "
            "location_precision = 'point' "
            "WHERE event_id IN (SELECT event_id FROM events ORDER BY event_id LIMIT 3)",
            list(PLACE.values()),
        )
    return path


@pytest.fixture(scope="session")
def place() -> dict[str, Any]:
    """Where the three located events of ``api_db`` are."""
    return PLACE


@pytest.fixture(scope="session")
def client(api_db: str) -> TestClient:
    """A read-only app (no token) over the example store."""
    return TestClient(create_app(api_db))
