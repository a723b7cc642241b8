import csv
import gzip
import io
from datetime import date
from pathlib import Path

from flashpoint.ingest import ReaderOptions

HOTLINE = "Negotiators met in Geneva on Monday and agreed to set up a naval hotline."
SUMMONED = "Berenia summoned the Aldorian ambassador on Tuesday."


def table(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_csv_rows_become_articles(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(
        table(
            [
                ["title", "text", "date", "url", "source"],
                ["Hotline", HOTLINE, "2025-03-10", "https://wire.example/1", "Wire"],
                ["Summoned", SUMMONED, "Mar 4, 2025", "https://wire.example/2", "Wire"],
            ]
        ),
        encoding="utf-8",
    )
    result = read(path)
    assert not result.errors
    first, second = result.articles
    assert (first.title, first.text, first.published, first.url, first.outlet) == (
        "Hotline",
        HOTLINE,
        date(2025, 3, 10),
        "https://wire.example/1",
        "Wire",
    )
    assert second.published == date(2025, 3, 4)
    assert [a.source_path for a in result.articles] == [f"{path}#0", f"{path}#1"]


def test_semicolon_delimiter_is_sniffed_and_quoted_newlines_kept(tmp_path: Path, read) -> None:
    path = tmp_path / "export.csv"
    text = "First paragraph; with a semicolon.\n\nSecond paragraph."
    path.write_text(table([["Title", "Text"], ["Hotline", text], ["Other", SUMMONED]], ";"))
    result = read(path)
    assert [a.text for a in result.articles] == [text, SUMMONED]
    assert [a.title for a in result.articles] == ["Hotline", "Other"]


def test_tsv(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.tsv"
    path.write_text(table([["headline", "body"], ["Hotline, agreed", HOTLINE]], "\t"))
    (article,) = read(path).articles
    assert (article.title, article.text) == ("Hotline, agreed", HOTLINE)


def test_gzipped_csv(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv.gz"
    path.write_bytes(gzip.compress(table([["text"], [HOTLINE], [SUMMONED]]).encode()))
    assert [a.text for a in read(path).articles] == [HOTLINE, SUMMONED]


def test_missing_text_column_is_one_error_naming_the_columns(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(table([["title", "summary"], ["Hotline", HOTLINE]]))
    result = read(path)
    assert not result.articles
    (error,) = result.errors
    assert error.reason == (
        "no text column; tried text, body, content, article, maintext; columns are: title, summary"
    )


def test_row_with_empty_text_is_an_error_at_its_line(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(table([["title", "text"], ["One", HOTLINE], ["Two", ""], ["Three", SUMMONED]]))
    result = read(path)
    assert [a.title for a in result.articles] == ["One", "Three"]
    assert [a.source_path for a in result.articles] == [f"{path}#0", f"{path}#2"]
    (error,) = result.errors
    assert (error.position, error.reason) == (
        "line 3",
        "no text field; tried text, body, content, article, maintext",
    )


def test_bad_date_is_a_warning(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(table([["text", "date"], [HOTLINE, "13/45/2025"]]))
    result = read(path)
    assert result.articles[0].published is None
    (warning,) = result.warnings
    assert warning.position == "line 2"
    assert "'13/45/2025'" in warning.reason


def test_fields_larger_than_the_csv_default_limit(tmp_path: Path, read) -> None:
    long_text = "word " * 40_000  # 200 kB, over the csv module's 128 kB default
    path = tmp_path / "long.csv"
    path.write_text(table([["text"], [long_text]]))
    (article,) = read(path).articles
    assert article.text == long_text.strip()


def test_non_utf8_csv_warns_and_decodes(tmp_path: Path, read) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(table([["text"], ["Le café de Genève a fermé."]]).encode("cp1252"))
    result = read(path)
    assert [a.text for a in result.articles] == ["Le café de Genève a fermé."]
    assert [w.reason for w in result.warnings] == ["not valid UTF-8; decoded as cp1252"]


def test_oversized_line_is_skipped(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(table([["text"], ["x" * 300], [HOTLINE]]))
    result = read(path, options=ReaderOptions(max_bytes=200))
    assert [a.text for a in result.articles] == [HOTLINE]
    (error,) = result.errors
    assert (error.position, error.reason) == (
        "line 2",
        "document is 301 bytes, over max_bytes (200)",
    )


def test_empty_csv(tmp_path: Path, read) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n\n")
    assert [e.reason for e in read(path).errors] == ["empty file"]


def test_header_without_rows(tmp_path: Path, read) -> None:
    path = tmp_path / "header.csv"
    path.write_text("title,text\n")
    assert [e.reason for e in read(path).errors] == ["no rows after the header"]


def test_old_mac_line_endings(tmp_path: Path, read) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(f"title,text\rOne,{HOTLINE}\rTwo,{SUMMONED}\r".encode())
    assert [a.title for a in read(path).articles] == ["One", "Two"]


def test_field_over_max_bytes_across_lines_is_a_bad_row(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.csv"
    long_field = "\n".join(["a line of a very long quoted field"] * 20)
    path.write_text(table([["text"], [long_field], [HOTLINE]]))
    result = read(path, options=ReaderOptions(max_bytes=300))
    assert not result.articles
    (error,) = result.errors
    assert error.position == "line 10"
    assert error.reason == (
        "bad CSV row: field larger than field limit (300); the rest of the file is skipped"
    )
