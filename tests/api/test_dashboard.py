"""The dashboard's pages, bundled assets and the two aggregates its charts read, served
without a browser over a store of ``dashboard_corpus`` rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dashboard_corpus import build_corpus
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.api.dashboard import CONTENT_TYPES, PAGES
from flashpoint.store import Store

STATIC = Path(__file__).resolve().parents[2] / "flashpoint" / "api" / "static"
ASSETS = sorted(p for p in STATIC.rglob("*") if p.suffix in CONTENT_TYPES)
SCRIPTS = [p for p in ASSETS if p.suffix == ".js"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The whole app over a fresh store of ``build_corpus`` rows."""
    db = tmp_path_factory.mktemp("dashboard") / "dash.duckdb"
    with Store(db) as store:
        store.write_batch(build_corpus().tables)
    return TestClient(create_app(str(db)))


@pytest.mark.parametrize(("path", "name"), [(path, name) for path, (name, _) in PAGES.items()])
def test_each_page_is_html_naming_its_page(client: TestClient, path: str, name: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert f'data-page="{name}"' in response.text
    assert '<script type="module" src="/static/js/app.js">' in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("asset", ASSETS, ids=lambda p: str(p.relative_to(STATIC)))
def test_each_asset_is_served_with_its_content_type(client: TestClient, asset: Path) -> None:
    response = client.get(f"/static/{asset.relative_to(STATIC).as_posix()}")
    assert response.status_code == 200
    assert response.headers["content-type"] == CONTENT_TYPES[asset.suffix]
    assert response.content == asset.read_bytes()


@pytest.mark.parametrize(
    "path",
    ["/static/../dashboard.py", "/static/page.html", "/static/js/missing.js", "/static/.hidden.js",
     "/static/%2e%2e/app.py", "/static/"],
)  # fmt: skip
def test_nothing_but_bundled_assets_is_served(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_every_module_import_resolves_to_a_bundled_file() -> None:
    imports = 0
    for script in SCRIPTS:
        for target in re.findall(r'^import .* from "([^"]+)";', script.read_text(), re.M):
            assert target.startswith("."), f"{script.name} imports {target} from outside"
            assert (script.parent / target).resolve().is_file(), f"{script.name}: {target}"
            imports += 1
    assert imports >= 10


def test_assets_load_nothing_from_other_hosts() -> None:
    for asset in [*SCRIPTS, STATIC / "app.css", STATIC / "page.html"]:
        text = asset.read_text()
        assert not re.search(r'(from|src=|href=|url\()\s*["\']?(https?:)?//', text), asset.name
        assert 'fetch("http' not in text and "@import" not in text, asset.name


def test_scripts_never_parse_text_as_html() -> None:
    """Article text is hostile: the scripts build the DOM from text nodes only."""
    sinks = re.compile(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function"
    )
    for script in SCRIPTS:
        assert not sinks.search(script.read_text()), script.name


def test_world_outline_is_small_geojson_of_the_countries() -> None:
    path = STATIC / "world-110m.json"
    assert path.stat().st_size < 300_000
    world = json.loads(path.read_text())
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(world["features"]) > 150 and {"Philippines", "China", "Ukraine"} <= names
    for feature in world["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


def test_volume_counts_events_per_day(client: TestClient) -> None:
    items = client.get("/dashboard/volume.json").json()["items"]
    assert sum(r["events"] for r in items) == 23
    assert {"day": "2025-03-11", "events": 2} in items
    since = client.get("/dashboard/volume.json", params={"since": "2025-03-11"}).json()["items"]
    assert since == [{"day": "2025-03-11", "events": 2}, {"day": "2025-03-12", "events": 1}]


def test_places_group_precise_locations_and_count_the_rest(client: TestClient) -> None:
    body = client.get("/dashboard/places.json").json()
    by_name = {p["name"]: p for p in body["items"]}
    assert set(by_name) == {"Coral Reef", "Port Vell"}
    assert (by_name["Coral Reef"]["events"], by_name["Coral Reef"]["quad_class"]) == (6, 4)
    assert body["country_only"] == 1
    threat = client.get("/dashboard/places.json", params={"type": "THREATEN"}).json()
    assert [(p["name"], p["events"]) for p in threat["items"]] == [("Port Vell", 1)]
    assert client.get("/dashboard/places.json", params={"country": "ALD"}).json()["items"]


@pytest.mark.parametrize(
    "query",
    [{"type": "SHOUT"}, {"country": "R"}, {"since": "2025-13-01"}, {"until": "yesterday"}],
)
def test_aggregates_refuse_bad_filters_with_422(client: TestClient, query: dict[str, str]) -> None:
    response = client.get("/dashboard/places.json", params=query)
    assert response.status_code == 422
    assert next(iter(query.values())) in response.text
