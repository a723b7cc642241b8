import gzip
from datetime import date
from pathlib import Path

from flashpoint.ingest import ReaderOptions
from flashpoint.ingest.text import split_header

BODY = (
    "Coast guard vessels from Aldoria and Berenia faced off near the disputed reef on Sunday.\n"
    "Officials in the capital said two patrol boats were blocked."
)


def test_header_with_leading_space_gives_date_and_text(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f" date 2022-02-15 {BODY}\n", encoding="utf-8")
    (article,) = read(path).articles
    assert article.published == date(2022, 2, 15)
    assert article.text == BODY
    assert article.title is None
    assert article.source_path == str(path)


def test_header_without_leading_space(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"date 2023-11-30 {BODY}", encoding="utf-8")
    (article,) = read(path).articles
    assert article.published == date(2023, 11, 30)
    assert article.text == BODY


def test_no_header_means_no_date_and_the_whole_text(tmp_path: Path, read) -> None:
    path = tmp_path / "a.text"
    path.write_text(f"\n\n  {BODY}  \n\n", encoding="utf-8")
    (article,) = read(path).articles
    assert article.published is None
    assert article.text == BODY


def test_a_sentence_mentioning_a_date_is_not_a_header(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt"
    text = "The date 2022-02-15 was set for the vote, officials said."
    path.write_text(text, encoding="utf-8")
    (article,) = read(path).articles
    assert article.published is None
    assert article.text == text


def test_invalid_header_date_is_a_warning_and_the_article_is_kept(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f" date 2022-13-45 {BODY}", encoding="utf-8")
    result = read(path)
    (article,) = result.articles
    assert article.published is None
    assert article.text == BODY
    (warning,) = result.warnings
    assert "2022-13-45" in warning.reason
    assert not result.errors


def test_split_header_keeps_offsets_of_the_rest() -> None:
    assert split_header(" date 2022-02-15 Troops moved.") == ("2022-02-15", "Troops moved.")
    assert split_header("date 2022-02-15\nTroops moved.") == ("2022-02-15", "Troops moved.")
    assert split_header("Troops moved.") == (None, "Troops moved.")
    assert split_header("  date 2022-02-15 x") == (None, "  date 2022-02-15 x")


def test_crlf_newlines_are_normalised(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b" date 2022-02-15 First line.\r\nSecond line.\rThird line.\r\n")
    (article,) = read(path).articles
    assert article.text == "First line.\nSecond line.\nThird line."


def test_gzipped_text(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(f" date 2022-02-15 {BODY}".encode()))
    (article,) = read(path).articles
    assert article.text == BODY
    assert article.published == date(2022, 2, 15)


def test_empty_file(tmp_path: Path, read) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = read(path)
    assert [(e.source_path, e.reason) for e in result.errors] == [(str(path), "empty file")]
    assert not result.articles


def test_whitespace_only_file_is_empty(tmp_path: Path, read) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n \t\n")
    assert [e.reason for e in read(path).errors] == ["empty file"]


def test_header_without_text_is_an_empty_article(tmp_path: Path, read) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-02-15 \n", encoding="utf-8")
    assert [e.reason for e in read(path).errors] == ["empty text"]


def test_file_over_max_bytes_is_refused_by_its_size(tmp_path: Path, read) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    result = read(path, options=ReaderOptions(max_bytes=100))
    (error,) = result.errors
    assert error.reason == "document is 5000 bytes, over max_bytes (100)"
    assert not result.articles


def test_gzipped_file_over_max_bytes_is_refused_while_reading(tmp_path: Path, read) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 1000))
    (error,) = read(path, options=ReaderOptions(max_bytes=100)).errors
    assert error.reason == "document is more than 100 bytes, over max_bytes (100)"


def test_text_over_max_chars_is_an_error(tmp_path: Path, read) -> None:
    path = tmp_path / "long.txt"
    path.write_text("x" * 50, encoding="utf-8")
    result = read(path, options=ReaderOptions(max_chars=40))
    (error,) = result.errors
    assert error.reason == "text has 50 characters, over max_chars (40)"
    assert str(error) == f"error: {path}: text has 50 characters, over max_chars (40)"


def test_truncated_gzip_text(tmp_path: Path, read) -> None:
    data = gzip.compress((BODY * 50).encode())
    path = tmp_path / "a.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    result = read(path)
    assert not result.articles
    (error,) = result.errors
    assert error.source_path == str(path)
    assert error.reason == (
        "truncated or corrupt gzip data "
        "(EOFError: Compressed file ended before the end-of-stream marker was reached)"
    )
