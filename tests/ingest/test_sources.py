import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.ingest import (
    NO_MATCH,
    IngestError,
    RawArticle,
    ReaderOptions,
    Source,
    expand_sources,
    kind_for,
    read_source,
    read_sources,
    sniff,
)
from flashpoint.ingest import sources as sources_module

STORY = "Ministers from Aldoria and Berenia met in Geneva on Monday to discuss the reef."
PAGE = (
    "<!doctype html><html><head><title>Talks in Geneva</title></head><body><article>"
    f"<h1>Talks in Geneva</h1><p>{STORY} Both delegations described the talks as useful "
    "and agreed to meet again next month.</p></article></body></html>"
)


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(STORY)
    (root / "b" / "wire.jsonl").write_text(json.dumps({"text": STORY}) + "\n")
    (root / "a" / "one.txt").write_text(STORY)
    (root / "a" / ".draft.txt").write_text(STORY)
    (root / ".hidden" / "secret.txt").write_text(STORY)


def test_directory_is_walked_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    make_tree(tmp_path)
    sources, missing = expand_sources([str(tmp_path)])
    assert not missing
    assert [Path(s.path).relative_to(tmp_path).as_posix() for s in sources] == [
        "a/one.txt",
        "b/wire.jsonl",
        "z.txt",
    ]
    assert [s.kind for s in sources] == ["text", "jsonl", "text"]
    assert [s.size for s in sources] == [Path(s.path).stat().st_size for s in sources]
    assert sources[0].size == len(STORY)


def test_glob_pattern(tmp_path: Path) -> None:
    make_tree(tmp_path)
    sources, missing = expand_sources([f"{tmp_path}/**/*.jsonl", f"{tmp_path}/*/*.txt"])
    assert not missing
    assert [Path(s.path).name for s in sources] == ["wire.jsonl", "one.txt"]


def test_spec_matching_nothing_is_an_error(tmp_path: Path, read) -> None:
    specs = [str(tmp_path / "nope.txt"), f"{tmp_path}/*.csv"]
    sources, missing = expand_sources(specs)
    assert sources == []
    assert missing == [IngestError(specs[0], NO_MATCH), IngestError(specs[1], NO_MATCH)]
    assert [str(e) for e in read(*specs).errors] == [
        f"error: {specs[0]}: no such file or no match",
        f"error: {specs[1]}: no such file or no match",
    ]


def test_each_file_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    one = tmp_path / "a" / "one.txt"
    sources, _ = expand_sources([str(one), str(tmp_path / "a"), str(one)])
    assert [s.path for s in sources] == [str(one)]


def test_stdin_and_urls_are_sources() -> None:
    sources, missing = expand_sources(["-", "https://courier.example/feed.xml"])
    assert not missing
    assert sources == [
        Source("-", "auto", 0),
        Source("https://courier.example/feed.xml", "feed", 0),
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.TEXT", "text"),
        ("a.txt.gz", "text"),
        ("a.json", "json"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson.gz", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv", "tsv"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.html.gz", "html"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.arc", "warc"),
        ("a.xml", "feed"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("README", "auto"),
        ("a.dat.gz", "auto"),
    ],
)
def test_kind_from_extension(name: str, kind: str) -> None:
    assert kind_for(f"corpus/{name}") == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        (b'\xef\xbb\xbf  {"text": "x"}', "jsonl"),
        (b'{\n  "text": "x"\n}', "json"),
        (b'[{"text": "x"}]', "json"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b"<rss>", "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><!DOCTYPE html><html>', "html"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"\n<html><body>", "html"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b" date 2022-02-15 Troops moved.", "text"),
        (b"", "text"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_unknown_extension_is_sniffed(tmp_path: Path, read) -> None:
    (tmp_path / "lines").write_text(json.dumps({"text": STORY}) + "\n")
    (tmp_path / "page").write_text(PAGE)
    (tmp_path / "plain").write_text(f" date 2025-03-03 {STORY}")
    result = read(tmp_path / "lines", tmp_path / "page", tmp_path / "plain")
    assert not result.errors
    assert [a.source_path for a in result.articles] == [
        f"{tmp_path / 'lines'}#0",
        str(tmp_path / "page"),
        str(tmp_path / "plain"),
    ]
    assert [a.title for a in result.articles] == [None, "Talks in Geneva", None]


def test_gzip_is_recognised_by_its_magic_number(tmp_path: Path, read) -> None:
    path = tmp_path / "export.dat"
    path.write_bytes(gzip.compress((json.dumps({"text": STORY}) + "\n").encode()))
    (article,) = read(path).articles
    assert article.text == STORY


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))  # peekable, like the real stdin


@pytest.mark.parametrize(
    ("data", "title", "source_path"),
    [
        ((json.dumps({"text": STORY, "title": "From JSON"}) + "\n").encode(), "From JSON", "-#0"),
        (PAGE.encode(), "Talks in Geneva", "-"),
        (STORY.encode(), None, "-"),
    ],
)
def test_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, read, data: bytes, title: str | None, source_path: str
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    (article,) = read("-").articles
    assert (article.title, article.source_path) == (title, source_path)
    assert article.text.startswith(STORY)


def test_progress_reports_every_byte_of_each_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"text": f"{STORY} {i}"}) + "\n" for i in range(50)))
    (source,), _ = expand_sources([str(path)])
    steps: list[int] = []
    items = list(read_source(source, progress=steps.append))
    assert len(items) == 50
    assert sum(steps) == source.size == path.stat().st_size
    assert all(step > 0 for step in steps)


def test_read_sources_chains_sources_in_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(
        read_sources([str(tmp_path / "z.txt"), str(tmp_path / "missing"), str(tmp_path / "b")])
    )
    assert [type(i).__name__ for i in items] == ["IngestError", "RawArticle", "RawArticle"]
    assert [getattr(i, "source_path", None) for i in items] == [
        str(tmp_path / "missing"),
        str(tmp_path / "z.txt"),
        f"{tmp_path / 'b' / 'wire.jsonl'}#0",
    ]


def test_unexpected_exception_in_a_reader_becomes_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exploding(stream, path, options, cursor) -> Iterator[RawArticle]:
        cursor.position = "record 7"
        yield RawArticle("fine", path)
        raise KeyError("surprise\nwith a second line")

    monkeypatch.setitem(sources_module.READERS, "text", exploding)
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    first, second = read_sources([str(path)])
    assert first == RawArticle("fine", str(path))
    assert second == IngestError(str(path), "KeyError: 'surprise\\nwith a second line'", "record 7")
    assert "\n" not in str(second)


def test_unreadable_path_is_an_error_not_a_crash(tmp_path: Path) -> None:
    source = Source(str(tmp_path / "vanished.txt"), "text", 10)
    (error,) = read_source(source, ReaderOptions())
    assert isinstance(error, IngestError)
    assert error.reason.startswith("FileNotFoundError:")
