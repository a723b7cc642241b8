import io
import re
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flashpoint.ingest import ReaderOptions

STORY = (
    "Berenia summoned the Aldorian ambassador on Tuesday to protest what it called an illegal "
    "incursion near the reef. The foreign ministry said more than forty fishing boats had "
    "gathered there over the weekend, although Aldoria put the number at twelve."
)


def page(title: str, text: str, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1><p>{text}</p></article></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    warc_date: str | None = None,
):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": warc_date} if warc_date else None
    return writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers
    )


def write_crawl(path: Path, gzip: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        writer.write_record(
            response(
                writer,
                "https://lantern.example/reef",
                page("Ambassador summoned", STORY, "2025-03-04"),
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://lantern.example/reef",
                "request",
                payload=io.BytesIO(b"GET /reef HTTP/1.1\r\n\r\n"),
            )
        )
        writer.write_record(
            response(
                writer,
                "https://lantern.example/logo.png",
                b"\x89PNG\r\n\x1a\n" + bytes(100),
                content_type="image/png",
            )
        )
        writer.write_record(
            response(
                writer, "https://lantern.example/gone", page("Gone", STORY), status="404 Not Found"
            )
        )
        writer.write_record(
            response(
                writer,
                "https://lantern.example/talks",
                page("Talks resume", STORY),
                warc_date="2025-03-11T12:00:00Z",
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "urn:text:hotline",
                "resource",
                payload=io.BytesIO(b"Negotiators agreed on a hotline."),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": "2025-03-10T08:00:00Z"},
            )
        )


def record_offsets(path: Path) -> list[int]:
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        return [records.get_record_offset() for _ in records]


def test_html_responses_and_text_resources_become_articles(tmp_path: Path, read) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_crawl(path)
    result = read(path)
    assert not result.errors and not result.warnings
    reef, talks, hotline = result.articles
    assert (reef.title, reef.text, reef.url, reef.published) == (
        "Ambassador summoned",
        STORY,
        "https://lantern.example/reef",
        date(2025, 3, 4),
    )
    assert reef.source_path == f"{path}#1"
    # the page gives no date: the capture date stands in
    assert (talks.url, talks.published, talks.source_path) == (
        "https://lantern.example/talks",
        date(2025, 3, 11),
        f"{path}#5",
    )
    assert (hotline.text, hotline.url, hotline.published, hotline.source_path) == (
        "Negotiators agreed on a hotline.",
        "urn:text:hotline",
        date(2025, 3, 10),
        f"{path}#6",
    )


def test_uncompressed_warc(tmp_path: Path, read) -> None:
    path = tmp_path / "crawl.warc"
    write_crawl(path, gzip=False)
    assert [a.title for a in read(path).articles] == ["Ambassador summoned", "Talks resume", None]


def test_truncated_warc_gz_keeps_earlier_records_and_names_the_record(tmp_path: Path, read) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_crawl(whole)
    data = whole.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 20])  # cuts into the payload of the last record
    result = read(path)
    assert [a.title for a in result.articles] == ["Ambassador summoned", "Talks resume"]
    (error,) = result.errors
    assert error.source_path == str(path)
    assert error.position == f"record 6 (byte {record_offsets(whole)[6]})"
    assert re.fullmatch(r"truncated WARC record: \d+ of its 32 bytes are missing", error.reason)


def test_warc_gz_cut_mid_record_headers(tmp_path: Path, read) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_crawl(whole)
    data = whole.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 150])
    result = read(path)
    assert len(result.articles) == 2
    (error,) = result.errors
    assert error.position == f"record 6 (byte {record_offsets(whole)[6]})"
    assert error.reason.startswith("malformed or truncated WARC record")


def test_truncated_uncompressed_warc(tmp_path: Path, read) -> None:
    whole = tmp_path / "whole.warc"
    write_crawl(whole, gzip=False)
    data = whole.read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 20])
    result = read(path)
    assert len(result.articles) == 2
    assert [e.position.split(" (")[0] for e in result.errors if e.position] == ["record 6"]


def test_malformed_warc(tmp_path: Path, read) -> None:
    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("these are my notes, not a web archive\n" * 3)
    bad_headers = tmp_path / "bad.warc"
    bad_headers.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nno length given")
    result = read(not_warc, bad_headers)
    assert not result.articles
    first, second = result.errors
    assert (first.source_path, first.position) == (str(not_warc), "record 0 (byte 0)")
    assert first.reason.startswith(
        "malformed or truncated WARC record (ArchiveLoadFailed: Invalid WARC record"
    )
    assert (second.source_path, second.position) == (str(bad_headers), "record 0 (byte 0)")
    assert second.reason.startswith("malformed or truncated WARC record")


def test_record_over_max_bytes(tmp_path: Path, read) -> None:
    path = tmp_path / "big.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(response(writer, "https://x.example/big", page("Big", STORY * 20)))
        writer.write_record(response(writer, "https://x.example/small", page("Small", STORY)))
    result = read(path, options=ReaderOptions(max_bytes=2000))
    assert [a.title for a in result.articles] == ["Small"]
    (error,) = result.errors
    assert error.position == "record 0 (byte 0)"
    assert "over max_bytes (2000)" in error.reason


def test_arc_file(tmp_path: Path, read) -> None:
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page("Old crawl", STORY)
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    path = tmp_path / "old.arc"
    path.write_bytes(
        b"filedesc://old.arc 0.0.0.0 20250304100000 text/plain %d\n" % len(desc)
        + desc
        + b"\n"
        + b"https://lantern.example/old 127.0.0.1 20250304100000 text/html %d\n" % len(http)
        + http
        + b"\n"
    )
    result = read(path)
    assert not result.errors
    (article,) = result.articles
    assert (article.title, article.text, article.url, article.published) == (
        "Old crawl",
        STORY,
        "https://lantern.example/old",
        date(2025, 3, 4),
    )
    assert article.source_path == f"{path}#1"
