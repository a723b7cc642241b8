"""Read actor dictionaries in the PETRARCH/CAMEO ``.actors`` text format.

The Phoenix and PETRARCH projects publish their actor knowledge in this format::

    VLADIMIR_PUTIN_   [RUSGOV 000507-080507] [RUSGOV >120507]
    +PUTIN_
    +VLADIMIR_VLADIMIROVICH_PUTIN_
    [RUSELI 080507-120507]

A line that does not start with ``+`` or ``[`` opens an actor; ``+`` lines add synonyms
(a synonym with its own code is an actor of its own); ``[CODE dates]`` give a CAMEO code
(country + sector) for a period: ``YYMMDD-YYMMDD``, ``<YYMMDD`` (until), ``>YYMMDD``
(from) or nothing (always). ``#`` starts a comment. Each actor becomes an entry labelled
PERSON and each dated code an office, so its sector follows the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NoReturn

from flashpoint.actors.kb import Entry, Office
from flashpoint.errors import Errors, FlashpointError

_CODE = re.compile(r"\[([^\]]*)\]")
_SIX_DIGITS = re.compile(r"\d{6}|\d{8}")
#: Two-digit years below this are 20xx (PETRARCH dictionaries date 1940s births to 2030).
_CENTURY_PIVOT = 40


@dataclass
class _Actor:
    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)


def read_petrarch_actors(path: Path) -> tuple[list[Entry], list[Office]]:
    """Entries and offices of a ``.actors`` file; a malformed line raises E102."""
    actors: list[_Actor] = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise FlashpointError(Errors.E101.format(path=path, reason=exc)) from exc
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            _read_line(path, number, line, actors)
    entries, offices = [], []
    for actor in actors:
        entry, actor_offices = _to_records(path, actor)
        entries.append(entry)
        offices.extend(actor_offices)
    return entries, offices


def _read_line(path: Path, number: int, line: str, actors: list[_Actor]) -> None:
    words, codes = _CODE.split(line)[0].strip(), _CODE.findall(line)
    parsed = [_parse_code(path, number, code) for code in codes]
    if line.startswith("["):
        if not actors:
            _fail(path, number, "a code line before any actor")
        actors[-1].codes.extend(parsed)
    elif line.startswith("+") and not parsed:
        if not actors:
            _fail(path, number, "a synonym line before any actor")
        actors[-1].synonyms.append(_phrase(words[1:]))
    else:
        actors.append(_Actor(_phrase(words.lstrip("+")), number, codes=parsed))


def _phrase(words: str) -> str:
    """VLADIMIR_PUTIN_ -> Vladimir Putin."""
    return " ".join(part.capitalize() for part in words.replace("_", " ").split())


def _parse_code(path: Path, number: int, text: str) -> tuple[str, date | None, date | None]:
    parts = text.split()
    if not parts or len(parts[0]) < 3:
        _fail(path, number, f"[{text}] is not a CAMEO code")
    code, dates = parts[0], "".join(parts[1:])
    days = [_day(path, number, d) for d in _SIX_DIGITS.findall(dates)]
    if dates.startswith("<") and days:
        return code, None, days[0]
    if dates.startswith(">") and days:
        return code, days[0], None
    if len(days) == 2:
        return code, days[0], days[1]
    if dates:
        _fail(path, number, f"cannot read the dates {dates!r}")
    return code, None, None


def _day(path: Path, number: int, digits: str) -> date:
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year < _CENTURY_PIVOT else 1900 + year}{digits[2:]}"
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        _fail(path, number, f"{digits} is not a date")


def _to_records(path: Path, actor: _Actor) -> tuple[Entry, list[Office]]:
    if not actor.codes:
        _fail(path, actor.line, f"the actor {actor.name!r} has no [CODE]")
    kb_id = "petrarch:" + actor.name.lower().replace(" ", "_")
    country, sector = _split(actor.codes[-1][0])
    entry = Entry(
        kb_id=kb_id,
        name=actor.name,
        country=country,
        sector=sector,
        kind="person",
        label="PERSON",
        aliases=tuple(actor.synonyms),
    )
    offices = [
        Office(kb_id, country, frozenset({"petrarch"}), sector, start, end)
        for country, sector, start, end in (
            (*_split(code), start, end) for code, start, end in actor.codes
        )
        if sector and (start or end)
    ]
    return entry, offices


def _split(code: str) -> tuple[str, str | None]:
    """CAMEO code -> (country or IGO code, first sector): RUSGOV -> (RUS, GOV)."""
    return code[:3], code[3:6] or None


def _fail(path: Path, number: int, reason: str) -> NoReturn:
    raise FlashpointError(Errors.E102.format(path=path, line=number, reason=reason))
