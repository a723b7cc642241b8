"""Bytes to text without silently corrupting it.

Downstream stages store character offsets into the text, so decoding only strips a byte-order
mark and normalises newlines to ``\\n``; everything else is kept as written. Strict UTF-8 comes
first; a declared charset (HTML meta, HTTP header) next; charset-normalizer is the last resort,
and the caller warns when it was needed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

BINARY = "binary or undecodable content"

# C0 controls and DEL, minus the whitespace ones (tab, newline, vertical tab, form feed, return).
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_RATIO = 0.05
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class UndecodableError(ValueError):
    """The bytes are binary junk or in no encoding we can identify."""

    def __init__(self, reason: str = BINARY) -> None:
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the encoding used; `guessed` means the caller should warn."""

    text: str
    encoding: str
    guessed: bool = False

    @property
    def warning(self) -> str | None:
        """The warning reason when the encoding had to be guessed."""
        return f"not valid UTF-8; decoded as {self.encoding}" if self.guessed else None


def decode(data: bytes, declared: str | None = None, fallback: str | None = None) -> Decoded:
    """Decode `data`: BOM, then UTF-8, the `declared` charset, a `fallback` guessed earlier in
    the same file, and finally charset-normalizer. Raises UndecodableError for binary junk."""
    if data.startswith(_UTF16_BOMS):
        text = _try(data, "utf-16")
        if text is not None and "\x00" not in text:
            return Decoded(normalise_newlines(text), "utf-16")
        raise UndecodableError()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if looks_binary(data):
        raise UndecodableError()
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(normalise_newlines(text), "utf-8")
    if declared and _codec_name(declared).startswith(("utf-16", "utf-32")):
        declared = None  # an 8-bit document cannot be UTF-16; browsers ignore such labels too
    for encoding, guessed in ((declared, False), (fallback, True)):
        text = _try(data, encoding) if encoding else None
        if encoding and text is not None:
            return Decoded(normalise_newlines(text), _codec_name(encoding), guessed)
    encoding = guess_encoding(data)
    text = _try(data, encoding) if encoding else None
    if encoding is None or text is None:
        raise UndecodableError()
    return Decoded(normalise_newlines(text), encoding, guessed=True)


class LineDecoder:
    """Decodes the lines of one file: the encoding guessed for one bad line is tried first on
    the next, and the caller is told to warn only once per guessed encoding."""

    def __init__(self) -> None:
        self._fallback: str | None = None
        self._warned: set[str] = set()

    def decode(self, line: bytes) -> tuple[str, str | None]:
        """(text, warning reason or None); raises UndecodableError."""
        decoded = decode(line, fallback=self._fallback)
        if not decoded.guessed or decoded.encoding in self._warned:
            return decoded.text, None
        self._fallback = decoded.encoding
        self._warned.add(decoded.encoding)
        return decoded.text, decoded.warning


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, preferring cp1252 when it reads as well.

    On short Western text charset-normalizer often ties cp1250 with cp1252 and picks cp1250,
    which turns "è" into "č"; cp1252 is the web's default for unlabelled 8-bit text.
    """
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None  # without a BOM or NUL bytes (refused earlier) this is never really UTF-16
    western = _try(data, "cp1252")
    if western is not None and mess_ratio(western, 1.0) <= best.chaos:
        return "cp1252"
    return str(best.encoding)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we handle."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, _CONTROL))
    return controls / len(data) > _MAX_CONTROL_RATIO


def declared_charset(html: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(html[:4096])
    return match.group(1).decode("ascii") if match else None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _try(data: bytes, encoding: str) -> str | None:
    """Strict decode, or None when the bytes do not fit or the codec is unknown."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(encoding: str) -> str:
    """Canonical Python codec name ("ISO-8859-1" -> "iso8859-1") for messages."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding
