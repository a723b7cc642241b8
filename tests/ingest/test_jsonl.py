import gzip
import json
from datetime import date
from pathlib import Path

from flashpoint.ingest import ReaderOptions

HOTLINE = (
    "Negotiators from Aldoria and Berenia met in Geneva on Monday and agreed to set up a "
    "hotline between their navies."
)
SUMMONED = "Berenia summoned the Aldorian ambassador on Tuesday to protest an incursion."


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fields_are_mapped(tmp_path: Path, read) -> None:
    record = {
        "title": "Hotline agreed",
        "text": HOTLINE,
        "url": "https://wire.example/hotline",
        "published": "2025-03-10T09:30:00Z",
        "source": "Test Wire",
        "lang": "en-GB",
    }
    path = write_lines(tmp_path / "wire.jsonl", [json.dumps(record)])
    (article,) = read(path).articles
    assert article.text == HOTLINE
    assert article.title == "Hotline agreed"
    assert article.url == "https://wire.example/hotline"
    assert article.published == date(2025, 3, 10)
    assert article.outlet == "Test Wire"
    assert article.lang == "en"
    assert article.source_path == f"{path}#0"


def test_first_non_empty_field_wins_and_newsapi_source_objects(tmp_path: Path, read) -> None:
    record = {
        "text": "  ",
        "body": SUMMONED,
        "headline": "Ambassador summoned",
        "publishedAt": 1741082400,
        "source": {"id": None, "name": "Berenia Daily"},
    }
    path = write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    (article,) = read(path).articles
    assert article.text == SUMMONED
    assert article.title == "Ambassador summoned"
    assert article.published == date(2025, 3, 4)
    assert article.outlet == "Berenia Daily"


def test_configured_field_names(tmp_path: Path, read) -> None:
    record = {"story": HOTLINE, "when": "March 4, 2025", "paper": "The Lantern"}
    path = write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    options = ReaderOptions(text_fields=("story",), date_fields=("when",), outlet_fields=("paper",))
    (article,) = read(path, options=options).articles
    assert (article.text, article.published, article.outlet) == (
        HOTLINE,
        date(2025, 3, 4),
        "The Lantern",
    )


def test_paragraph_lists_are_joined_with_blank_lines(tmp_path: Path, read) -> None:
    record = {"text": ["First paragraph.", "Second paragraph."]}
    path = write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    (article,) = read(path).articles
    assert article.text == "First paragraph.\n\nSecond paragraph."


def test_invalid_line_names_file_and_line_and_the_rest_is_read(tmp_path: Path, read) -> None:
    path = write_lines(
        tmp_path / "wire.jsonl",
        [
            json.dumps({"text": HOTLINE}),
            '{"text": "unterminated',
            "",
            json.dumps({"text": SUMMONED}),
        ],
    )
    result = read(path)
    assert [a.text for a in result.articles] == [HOTLINE, SUMMONED]
    assert [a.source_path for a in result.articles] == [f"{path}#0", f"{path}#3"]
    (error,) = result.errors
    assert error.source_path == str(path)
    assert error.position == "line 2"
    assert error.reason.startswith("invalid JSON: Unterminated string")
    assert str(error).startswith(f"error: {path}:line 2: invalid JSON")


def test_a_line_that_is_not_an_object(tmp_path: Path, read) -> None:
    path = write_lines(tmp_path / "a.jsonl", ["[1, 2]", '"text"', json.dumps({"text": HOTLINE})])
    result = read(path)
    assert [(e.position, e.reason) for e in result.errors] == [
        ("line 1", "expected a JSON object, found a list"),
        ("line 2", "expected a JSON object, found a string"),
    ]
    assert len(result.articles) == 1


def test_record_without_text_field_lists_the_fields_tried(tmp_path: Path, read) -> None:
    path = write_lines(tmp_path / "a.jsonl", [json.dumps({"title": "Only a title"})])
    (error,) = read(path).errors
    assert error.reason == "no text field; tried text, body, content, article, maintext"
    assert error.position == "line 1"


def test_unparseable_date_is_a_warning_and_the_article_is_kept(tmp_path: Path, read) -> None:
    path = write_lines(
        tmp_path / "a.jsonl",
        [json.dumps({"text": HOTLINE}), json.dumps({"text": SUMMONED, "date": "soon-ish"})],
    )
    result = read(path)
    assert [a.published for a in result.articles] == [None, None]
    (warning,) = result.warnings
    assert warning.position == "line 2"
    assert warning.reason == "unparseable date 'soon-ish' in field 'date'; published left empty"
    assert not result.errors


def test_line_over_max_bytes_is_skipped_without_stopping(tmp_path: Path, read) -> None:
    path = write_lines(
        tmp_path / "a.jsonl",
        [json.dumps({"text": "x" * 500}), json.dumps({"text": HOTLINE})],
    )
    result = read(path, options=ReaderOptions(max_bytes=200))
    (error,) = result.errors
    assert error.position == "line 1"
    assert error.reason == "document is 513 bytes, over max_bytes (200)"
    assert [a.source_path for a in result.articles] == [f"{path}#1"]


def test_text_over_max_chars(tmp_path: Path, read) -> None:
    path = write_lines(tmp_path / "a.jsonl", [json.dumps({"text": HOTLINE})])
    (error,) = read(path, options=ReaderOptions(max_chars=10)).errors
    assert error.position == "line 1"
    assert error.reason.endswith("over max_chars (10)")


def test_empty_and_blank_files(tmp_path: Path, read) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n \n\n")
    result = read(tmp_path / "blank.jsonl", tmp_path / "empty.jsonl")
    assert [(Path(e.source_path).name, e.reason) for e in result.errors] == [
        ("blank.jsonl", "empty file"),
        ("empty.jsonl", "empty file"),
    ]


def test_gzipped_ndjson(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.ndjson.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": HOTLINE}) + "\n").encode()))
    (article,) = read(path).articles
    assert article.text == HOTLINE
    assert article.source_path == f"{path}#0"


def test_truncated_gzip_keeps_earlier_lines_and_names_the_line(tmp_path: Path, read) -> None:
    lines = [json.dumps({"text": f"{HOTLINE} Item {i}."}) for i in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    result = read(path)
    (error,) = result.errors
    assert error.source_path == str(path)
    assert error.reason.startswith("truncated or corrupt gzip data (EOFError")
    assert error.position is not None and error.position.startswith("line ")
    read_lines = len(result.articles)
    assert 0 < read_lines < 200
    assert error.position == f"line {read_lines + 1}"
    assert result.articles[-1].text == f"{HOTLINE} Item {read_lines - 1}."


def test_non_utf8_line_is_decoded_with_one_warning(tmp_path: Path, read) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        json.dumps({"text": "Le café de Genève a fermé."}, ensure_ascii=False).encode("cp1252")
        + b"\n"
        + json.dumps({"text": "Très bien, déjà vu."}, ensure_ascii=False).encode("cp1252")
    )
    result = read(path)
    assert [a.text for a in result.articles] == [
        "Le café de Genève a fermé.",
        "Très bien, déjà vu.",
    ]
    (warning,) = result.warnings
    assert (warning.position, warning.reason) == ("line 1", "not valid UTF-8; decoded as cp1252")


def test_binary_line_is_an_error(tmp_path: Path, read) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x00\x01\x02garbage\x00\n" + json.dumps({"text": HOTLINE}).encode())
    result = read(path)
    assert [(e.position, e.reason) for e in result.errors] == [
        ("line 1", "binary or undecodable content")
    ]
    assert len(result.articles) == 1


def test_json_document_single_object(tmp_path: Path, read) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": HOTLINE, "date": "2025-03-10"}, indent=2), encoding="utf-8")
    (article,) = read(path).articles
    assert article.source_path == str(path)
    assert article.published == date(2025, 3, 10)


def test_json_document_list_and_articles_key(tmp_path: Path, read) -> None:
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"text": HOTLINE}, 5, {"text": SUMMONED}]), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(
        json.dumps({"status": "ok", "articles": [{"content": SUMMONED}]}), encoding="utf-8"
    )
    result = read(listed, wrapped)
    assert [a.source_path for a in result.articles] == [
        f"{listed}#0",
        f"{listed}#2",
        f"{wrapped}#0",
    ]
    assert [(e.position, e.reason) for e in result.errors] == [
        ("record 1", "expected a JSON object, found a number")
    ]


def test_json_document_holding_json_lines_is_read_as_lines(tmp_path: Path, read) -> None:
    path = write_lines(
        tmp_path / "mislabelled.json",
        [json.dumps({"text": HOTLINE}), json.dumps({"text": SUMMONED})],
    )
    assert [a.source_path for a in read(path).articles] == [f"{path}#0", f"{path}#1"]


def test_invalid_json_document(tmp_path: Path, read) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "text": "x",\n  oops\n}', encoding="utf-8")
    (error,) = read(path).errors
    assert error.position == "line 3"
    assert error.reason.startswith("invalid JSON")


def test_json_document_over_max_bytes(tmp_path: Path, read) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": HOTLINE}] * 10), encoding="utf-8")
    (error,) = read(path, options=ReaderOptions(max_bytes=100)).errors
    assert error.reason.startswith(f"document is {path.stat().st_size} bytes, over max_bytes (100)")


def test_carriage_returns_inside_json_strings_are_normalised(tmp_path: Path, read) -> None:
    path = write_lines(tmp_path / "a.jsonl", [json.dumps({"text": "One.\r\nTwo.\rThree."})])
    (article,) = read(path).articles
    assert article.text == "One.\nTwo.\nThree."
