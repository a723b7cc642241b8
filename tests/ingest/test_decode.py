import codecs
import os
from pathlib import Path

import pytest

from flashpoint.ingest.decode import (
    BINARY,
    Decoded,
    LineDecoder,
    UndecodableError,
    declared_charset,
    decode,
    looks_binary,
)

FRENCH = "Le ministre a déclaré à Genève que la réforme était nécessaire pour l'économie."


def test_utf8_passes_through_unchanged() -> None:
    text = "Zürich — “quoted” 東京 🙂\tend"
    assert decode(text.encode()) == Decoded(text, "utf-8")


def test_bom_is_stripped_and_newlines_normalised() -> None:
    data = codecs.BOM_UTF8 + b"one\r\ntwo\rthree\n"
    assert decode(data).text == "one\ntwo\nthree\n"


def test_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le")
    assert decode(data) == Decoded(FRENCH, "utf-16")


def test_cp1252_is_guessed_with_a_warning() -> None:
    decoded = decode(FRENCH.encode("cp1252"))
    assert decoded.text == FRENCH
    assert decoded.guessed
    assert decoded.warning == "not valid UTF-8; decoded as cp1252"


def test_short_western_text_prefers_cp1252_over_cp1250() -> None:
    # "è" is 0xE8, which cp1250 reads as "č"
    assert (
        decode("Très bien, déjà vu à Genève".encode("cp1252")).text == "Très bien, déjà vu à Genève"
    )


def test_other_encodings_are_still_found() -> None:
    russian = "Президент встретился с министром обороны в понедельник утром."
    decoded = decode(russian.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (russian, "cp1251")


def test_declared_charset_is_used_without_warning() -> None:
    decoded = decode(FRENCH.encode("latin-1"), declared="ISO-8859-1")
    assert (decoded.text, decoded.encoding, decoded.warning) == (FRENCH, "iso8859-1", None)


def test_utf8_wins_over_a_wrong_declaration_and_utf16_labels_are_ignored() -> None:
    assert decode(FRENCH.encode(), declared="iso-8859-1").text == FRENCH
    assert decode(FRENCH.encode("cp1252"), declared="utf-16").encoding == "cp1252"


@pytest.mark.parametrize(
    "data",
    [
        b"text with a NUL \x00 byte",
        bytes(range(32)) * 10,
        b"\x80\x81\xfe\xff" * 20,
        os.urandom(4096),
    ],
)
def test_binary_junk_is_undecodable(data: bytes) -> None:
    with pytest.raises(UndecodableError, match=BINARY):
        decode(data)


def test_control_character_ratio() -> None:
    assert not looks_binary(b"a normal line\twith tabs\fand a form feed\n")
    assert not looks_binary(b"one stray \x1a in a long enough line of ordinary text here")
    assert looks_binary(b"\x01\x02\x03\x04 mostly control")


def test_declared_charset_from_meta() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1252">') == "windows-1252"
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        )
        == "ISO-8859-1"
    )
    assert declared_charset(b"<html><head><title>x</title>") is None


def test_line_decoder_warns_once_and_reuses_its_guess() -> None:
    decoder = LineDecoder()
    assert decoder.decode(b"plain ascii\n") == ("plain ascii\n", None)
    assert decoder.decode("Genève a fermé.".encode("cp1252")) == (
        "Genève a fermé.",
        "not valid UTF-8; decoded as cp1252",
    )
    assert decoder.decode("Très bien.".encode("cp1252")) == ("Très bien.", None)


def test_non_utf8_file_is_kept_with_a_warning(tmp_path: Path, read) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(f" date 2025-03-03 {FRENCH}".encode("cp1252"))
    result = read(path)
    (article,) = result.articles
    assert article.text == FRENCH
    (warning,) = result.warnings
    assert str(warning) == f"warning: {path}: not valid UTF-8; decoded as cp1252"


def test_binary_file_is_an_error(tmp_path: Path, read) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    result = read(path)
    assert not result.articles
    assert [(e.source_path, e.reason) for e in result.errors] == [(str(path), BINARY)]
