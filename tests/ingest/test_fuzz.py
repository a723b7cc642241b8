"""Readers never raise: whatever the bytes, they yield articles and errors only."""

import gzip
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.ingest import IngestError, RawArticle, ReaderOptions, read_sources

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
OPTIONS = [ReaderOptions(), ReaderOptions(max_bytes=64, max_chars=20)]
EXTENSIONS = [
    "txt", "json", "jsonl", "csv", "tsv", "html", "warc", "xml", "rss", "dat",
    "txt.gz", "jsonl.gz", "csv.gz", "html.gz", "warc.gz",
]  # fmt: skip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
field_names = st.sampled_from(["text", "body", "title", "date", "url", "source", "lang", "x"])
records = st.dictionaries(field_names, json_values, max_size=6)
html_tags = st.sampled_from(["p", "div", "article", "nav", "h1", "a", "li", "ul", "script", "br"])


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(html_tags)
        parts.append(f"<{tag}>{draw(st.text(max_size=40))}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return ("<html><body>" + "".join(parts)).encode("utf-8", "surrogatepass")


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    items = "".join(
        f"<item><title>{draw(st.text(max_size=20))}</title>"
        f"<description>{draw(st.text(max_size=60))}</description>"
        f"<pubDate>{draw(st.text(max_size=20))}</pubDate></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    return f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode(
        "utf-8", "surrogatepass"
    )


def check(path: Path, options: ReaderOptions) -> None:
    """Everything read is an article or an error, and each is well formed."""
    for item in read_sources([str(path)], options):
        if isinstance(item, RawArticle):
            assert item.text and item.text == item.text.strip()
            assert len(item.text) <= options.max_chars
            assert item.source_path.startswith(str(path))
        else:
            assert isinstance(item, IngestError)
            assert item.source_path == str(path)
            assert "\n" not in str(item)


@pytest.fixture
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@pytest.mark.parametrize("extension", EXTENSIONS)
@FUZZ
@given(data=st.binary(max_size=2000), options=st.sampled_from(OPTIONS))
def test_arbitrary_bytes(
    workdir: Path, extension: str, data: bytes, options: ReaderOptions
) -> None:
    path = workdir / f"fuzz.{extension}"
    path.write_bytes(gzip.compress(data) if extension.endswith(".gz") else data)
    check(path, options)


@pytest.mark.parametrize("extension", ["txt.gz", "jsonl.gz", "warc.gz"])
@FUZZ
@given(data=st.binary(min_size=1, max_size=2000), cut=st.integers(1, 60))
def test_truncated_gzip(workdir: Path, extension: str, data: bytes, cut: int) -> None:
    packed = gzip.compress(data)
    path = workdir / f"fuzz.{extension}"
    path.write_bytes(packed[: max(len(packed) - cut, 1)])
    check(path, ReaderOptions())


@FUZZ
@given(lines=st.lists(records | json_values, max_size=8), options=st.sampled_from(OPTIONS))
def test_json_lines_of_random_values(
    workdir: Path, lines: list[object], options: ReaderOptions
) -> None:
    path = workdir / "fuzz.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    check(path, options)


@FUZZ
@given(value=st.lists(records, max_size=5) | records | json_values)
def test_json_documents(workdir: Path, value: object) -> None:
    path = workdir / "fuzz.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    check(path, ReaderOptions())


@FUZZ
@given(
    rows=st.lists(st.lists(st.text(max_size=30), max_size=5), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_tables_of_random_cells(workdir: Path, rows: list[list[str]], delimiter: str) -> None:
    path = workdir / "fuzz.csv"
    header = delimiter.join(["title", "text", "date"])
    body = "\n".join(delimiter.join(row) for row in rows)
    path.write_bytes(f"{header}\n{body}".encode("utf-8", "surrogatepass"))
    check(path, ReaderOptions())


@FUZZ
@given(page=html_pages())
def test_random_html(workdir: Path, page: bytes) -> None:
    path = workdir / "fuzz.html"
    path.write_bytes(page)
    check(path, ReaderOptions())


@FUZZ
@given(feed=feeds())
def test_random_feeds(workdir: Path, feed: bytes) -> None:
    path = workdir / "fuzz.rss"
    path.write_bytes(feed)
    check(path, ReaderOptions())


@FUZZ
@given(body=st.binary(max_size=500), length=st.integers(0, 600))
def test_warc_records_with_random_bodies(workdir: Path, body: bytes, length: int) -> None:
    path = workdir / "fuzz.warc"
    header = (
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: urn:x\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {length}\r\n\r\n"
    )
    path.write_bytes(header.encode() + body + b"\r\n\r\n")
    check(path, ReaderOptions())
