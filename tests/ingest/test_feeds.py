import http.server
import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

STORY = (
    "Troops from Aldoria crossed into the disputed valley at dawn, officials in Berenia said. "
    "The defence ministry called it a provocation."
)
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Valley Courier</title>
  <link>https://courier.example/</link>
  <language>en-us</language>
  <item>
    <title>Troops cross into valley</title>
    <link>https://courier.example/valley</link>
    <pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>{STORY}</p><p>Talks are planned for Friday.</p>
      <p><a href="https://courier.example/valley">Read more</a></p>]]></content:encoded>
  </item>
  <item>
    <title>Envoy recalled</title>
    <link>https://courier.example/envoy</link>
    <pubDate>Wed, 05 Mar 2025 08:00:00 +0100</pubDate>
    <description>Berenia recalled its envoy on Wednesday.</description>
  </item>
  <item>
    <title>Title only</title>
    <link>https://courier.example/nothing</link>
  </item>
</channel>
</rss>
"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Border Watch</title>
  <entry>
    <title>Valley incursion</title>
    <link href="https://watch.example/valley"/>
    <updated>2025-03-04T10:00:00Z</updated>
    <content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_become_articles(tmp_path: Path, read) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(RSS, encoding="utf-8")
    result = read(path)
    full, summary = result.articles
    assert full.text == f"{STORY}\n\nTalks are planned for Friday."
    assert (full.title, full.url, full.published, full.outlet, full.lang) == (
        "Troops cross into valley",
        "https://courier.example/valley",
        date(2025, 3, 4),
        "The Valley Courier",
        "en",
    )
    assert full.source_path == f"{path}#0"
    assert (summary.text, summary.published, summary.source_path) == (
        "Berenia recalled its envoy on Wednesday.",
        date(2025, 3, 5),
        f"{path}#1",
    )
    (error,) = result.errors
    assert (error.position, error.reason) == ("entry 2", "feed entry has no content or summary")


def test_atom_feed(tmp_path: Path, read) -> None:
    path = tmp_path / "watch.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = read(path).articles
    assert (article.text, article.title, article.url, article.published, article.outlet) == (
        STORY,
        "Valley incursion",
        "https://watch.example/valley",
        date(2025, 3, 4),
        "Border Watch",
    )


def test_malformed_feed_with_entries_warns_and_keeps_them(tmp_path: Path, read) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(
        RSS.replace("Troops cross into valley", "Troops & tanks cross"), encoding="utf-8"
    )
    result = read(path)
    assert [a.title for a in result.articles] == ["Troops & tanks cross", "Envoy recalled"]
    (warning,) = result.warnings
    assert warning.reason.startswith("malformed feed, entries read anyway:")
    assert warning.source_path == str(path)


def test_malformed_feed_without_entries_is_an_error(tmp_path: Path, read) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Oops</tit", encoding="utf-8")
    result = read(path)
    assert not result.articles
    (error,) = result.errors
    assert error.reason.startswith("not a valid RSS/Atom feed: SAXParseException:")
    assert error.reason.endswith("unclosed token")


def test_well_formed_feed_without_entries(tmp_path: Path, read) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert [e.reason for e in read(path).errors] == ["feed has no entries"]


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path != "/feed.xml":
            self.send_error(404)
            return
        body = RSS.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local test servers must not be reached through a proxy from the environment."""
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def feed_server() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_url(feed_server: str, read) -> None:
    url = f"{feed_server}/feed.xml"
    result = read(url)
    assert [a.title for a in result.articles] == ["Troops cross into valley", "Envoy recalled"]
    assert result.articles[0].source_path == f"{url}#0"


def test_feed_url_http_error(feed_server: str, read) -> None:
    url = f"{feed_server}/missing.xml"
    (error,) = read(url).errors
    assert error.source_path == url
    assert error.reason == "cannot fetch feed: HTTPError: HTTP Error 404: Not Found"


def test_unreachable_feed_url_is_an_error(read) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.xml"
    (error,) = read(url).errors
    assert error.source_path == url
    assert error.reason.startswith("cannot fetch feed: URLError:")
    assert "refused" in error.reason.lower()
