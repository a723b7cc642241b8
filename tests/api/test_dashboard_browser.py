"""The dashboard in a real browser: Debian's Chromium driven by Playwright against a live
uvicorn server on loopback, over a small store of project-written rows (two fictional
countries, one story told by two outlets, and an article written to attack the page).

Screenshots go to $FLASHPOINT_SCREENSHOTS when set, else to a temporary folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dashboard_corpus import HOSTILE_TITLE, build_corpus

from flashpoint.api import create_app
from flashpoint.store import Store

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is absent")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is absent")

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server over the synthetic store; yields its base URL."""
    db = tmp_path_factory.mktemp("dashboard") / "dash.duckdb"
    with Store(db) as store:
        store.write_batch(build_corpus().tables)
    port = free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")  # fmt: skip
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("FLASHPOINT_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Session:
    """One browser page against the server, failing the test on any script error."""

    def __init__(self, page: Any, base: str, shots: Path) -> None:
        self.page, self.base, self.shots = page, base, shots
        self.errors: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("response", self._check)
        page.on("console", self._console)
        page.set_default_timeout(TIMEOUT_MS)

    def _check(self, response: Any) -> None:
        """Every page and asset must load; API errors show in the page and are asserted
        on by each test (an endpoint another stage has not shipped yet is a 404)."""
        if response.status >= 400 and "/api/" not in response.url:
            self.errors.append(f"{response.status} {response.url}")

    def _console(self, msg: Any) -> None:
        """Console errors (a CSP violation, a script bug) fail the test; a failed API
        request is already judged by ``_check`` and by the test's own assertions."""
        if msg.type == "error" and "/api/" not in msg.location.get("url", ""):
            self.errors.append(msg.text)

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-ready=true]")
        return self.page

    def idle(self) -> None:
        self.page.wait_for_selector("body:not([data-busy])")

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 5000
        return path


@pytest.fixture
def ui(browser: Any, server: str, shots: Path) -> Iterator[Session]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    session = Session(context.new_page(), server, shots)
    yield session
    context.close()
    assert not session.errors, session.errors


def has_endpoint(ui: Session, path: str) -> bool:
    return bool(ui.page.request.get(ui.base + path).status != 404)


def test_overview_shows_volume_and_store(ui: Session) -> None:
    page = ui.open("/")
    assert page.locator("#volume-card rect.bar").count() >= 20  # one bar per day, gaps too
    assert "events 23" in page.locator("#stats").inner_text().replace("\t", " ")
    if has_endpoint(ui, "/api/dyads"):
        assert page.locator("#dyads a", has_text="ALD → BER").count() == 1
    ui.shot("overview")


def test_event_explorer_filters_and_opens_an_event(ui: Session) -> None:
    page = ui.open("/events")
    assert page.locator("#events tbody tr").count() == 23
    page.select_option("#f-type", "ASSAULT")
    page.fill("#f-since", "2025-03-10")
    page.click("form.filters button[type=submit]")
    ui.idle()
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 2")
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert types == ["ASSAULT", "ASSAULT"]
    assert "type=ASSAULT" in page.url and "since=2025-03-10" in page.url
    ui.shot("events-filtered")

    page.locator("#events a.event-link").first.click()
    page.wait_for_selector("#article-text mark.hl-trigger")
    trigger = page.locator("#article-text mark.hl-trigger").inner_text()
    assert trigger in {"fired water cannon", "hit with water cannon"}
    assert page.locator("#article-text mark.hl-source").inner_text() == "Aldorian coast guard ships"
    assert page.locator("#article-text mark.hl-target").inner_text() == "Berenian fishing boats"
    sentence = "".join(page.locator("#article-text mark.hl-sentence").all_inner_texts())
    assert sentence.startswith(("Aldorian coast", "Berenian fishing")) and trigger in sentence
    assert page.locator("main a", has_text="original").get_attribute("href", timeout=1000) in {
        "https://news.invalid/reef-wire",
        "https://news.invalid/reef-post",
    }
    other = page.locator("#cluster-articles a")
    assert other.count() == 1
    ui.shot("event")
    other.click()
    page.wait_for_selector("#article-text")
    assert "water cannon" in page.locator("#article-text").inner_text()


def test_hostile_article_text_stays_text(ui: Session) -> None:
    page = ui.open("/event?id=ev-hostile")
    text = page.locator("#article-text").inner_text()
    assert '<img src=x onerror="window.__xss = 2">' in text
    assert page.locator("#article-text img, #article-text b, main script").count() == 0
    assert page.locator(".article h2").inner_text() == HOSTILE_TITLE
    assert page.evaluate("window.__xss") is None
    assert page.locator("main a", has_text="original").count() == 0  # a javascript: url
    assert "<i>Wire</i>" in page.locator(".article p.muted").inner_text()
    assert page.locator("#article-text mark.hl-trigger").inner_text() == "threatened"


def test_quotes_grouped_by_speaker(ui: Session) -> None:
    page = ui.open("/quotes?speaker=Tolen")
    card = page.locator("details.speaker")
    assert card.count() == 1
    assert "Mara Tolen (BERLAB)" in card.locator("h2").inner_text()
    assert card.locator("blockquote").inner_text() == "We will not back down,"
    card.locator("a", has_text="in context").click()
    page.wait_for_selector("#article-text mark.hl-span")
    assert page.locator("mark.hl-span").inner_text() == '"We will not back down,"'


def test_claims_side_by_side(ui: Session) -> None:
    page = ui.open("/claims")
    page.locator(".chips a", has_text="vessels").click()
    page.wait_for_selector("table.compare")
    rows = page.locator("table.compare tbody tr").all_inner_texts()
    assert len(rows) == 2
    assert any("Berenia" in r and "12" in r for r in rows)
    assert any("Aldoria" in r and "30" in r and "about" in r for r in rows)
    assert page.locator("svg.range-plot circle.best").count() == 2
    ui.shot("claims")


def test_map_places_events_on_the_outline(ui: Session) -> None:
    page = ui.open("/map")
    assert page.locator("svg.map .land path").count() > 150
    assert page.locator("svg.map circle.place").count() == 2  # Coral Reef and Port Vell
    assert "1 more are located only to a country" in page.locator("#results h2").inner_text()
    page.locator("circle.place[data-place='Coral Reef']").click()
    page.wait_for_selector("#place-panel .place-events li")
    listed = page.locator("#place-panel .place-events li")
    assert listed.count() == 6  # four days of shelling and the water-cannon story twice
    ui.shot("map")
    fitted = page.locator("svg.map").get_attribute("viewBox")
    page.locator("svg.map").hover()
    page.mouse.wheel(0, -300)
    page.wait_for_function(
        "box => document.querySelector('svg.map').getAttribute('viewBox') !== box", arg=fitted
    )
    page.click("text=fit events")
    assert page.locator("svg.map").get_attribute("viewBox") == fitted
    page.select_option("#f-type", "THREATEN")
    page.click("form.filters button[type=submit]")
    ui.idle()
    page.wait_for_function("document.querySelectorAll('circle.place').length === 1")


def test_dyad_timeline_lists_the_drivers_of_a_day(ui: Session) -> None:
    if not has_endpoint(ui, "/api/timeline?dyad=ALD:BER"):
        pytest.skip("the API has no /api/timeline yet")
    page = ui.open("/dyad?dyad=ALD:BER")
    periods = page.locator("svg.chart g.period")
    assert periods.count() >= 20
    assert page.locator("svg.chart rect.quad4").count() >= 4
    assert page.locator("svg.chart polyline.index-line").count() == 1
    alerts = page.locator("#dyad-alerts tbody tr").count()
    assert page.locator("svg.chart path.alert-marker").count() == alerts
    page.locator("g.period[data-period='2025-03-11']").click()
    page.wait_for_selector("#drivers tbody tr")
    assert page.locator("#drivers tbody tr").count() == 2
    assert "water cannon" in page.locator("#drivers").inner_text()
    ui.shot("dyad")
    page.fill("#f-dyad", "ALD:ALD")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("main p.error")
    assert page.locator("#f-dyad").input_value() == "ALD:ALD"  # the form stays to fix it
