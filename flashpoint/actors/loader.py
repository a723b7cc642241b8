"""Build the knowledge base from the packaged tables in ``data/`` and the user's own files.

A user file has the format of one packaged table (recognised by its header), a YAML lexicon,
or a PETRARCH/CAMEO ``.actors`` dictionary. Rows sharing a ``kb_id`` with earlier rows
replace them, so a user can both add actors and correct ours. A malformed file is refused
with its path, line and reason (errors E101-E103).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import yaml

from flashpoint.actors.kb import Entry, KnowledgeBase, Office, compile_lexicon
from flashpoint.actors.petrarch import read_petrarch_actors
from flashpoint.errors import Errors, FlashpointError

ENTRY_COLUMNS = (
    "kb_id", "name", "aliases", "country", "sector", "kind", "label", "nouns", "gender",
    "start", "end",
)  # fmt: skip
COUNTRY_COLUMNS = ("code", "name", "short_names", "adjectives", "demonyms")
OFFICE_COLUMNS = ("kb_id", "country", "role", "sector", "start", "end")
LEGACY_COLUMNS = ("legacy", "code")
#: The columns that identify each table, in the order a header is tested against them;
#: the other columns of a table are optional in a user's file.
TABLES = {
    "offices": ("kb_id", "country", "role"),
    "countries": ("code", "name"),
    "entries": ("kb_id", "name"),
    "legacy codes": LEGACY_COLUMNS,
}
PACKAGED_FILES = (
    "lexicon.yaml", "countries.csv", "places.csv", "organisations.csv", "people.csv",
    "offices.csv", "legacy_codes.csv",
)  # fmt: skip
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def load_knowledge_base(extra_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base extended by ``extra_files`` (CSV, YAML or ``.actors``).

    Loading parses ~10,000 rows, so the result is cached per list of files.
    """
    return _load(tuple(str(Path(p)) for p in extra_files))


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> KnowledgeBase:
    data = resources.files("flashpoint.actors") / "data"
    paths = [Path(str(data / name)) for name in PACKAGED_FILES] + [Path(p) for p in extra_files]
    tables = _Tables()
    # Lexicons first: they define the sector codes the tables are checked against.
    for path in sorted(paths, key=lambda p: p.suffix.lower() not in (".yaml", ".yml")):
        _read_file(path, tables)
    return KnowledgeBase(
        entries={k: tuple(v) for k, v in tables.entries.items()},
        offices={k: tuple(v) for k, v in tables.offices.items()},
        lexicon=compile_lexicon(tables.lexicon),
        legacy_codes=tables.legacy,
    )


@dataclass
class _Tables:
    """Rows gathered from all files before indexing."""

    lexicon: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    offices: dict[str, list[Office]] = field(default_factory=dict)
    legacy: dict[str, str] = field(default_factory=dict)


def _read_file(path: Path, tables: _Tables) -> None:
    if not path.is_file():
        raise FlashpointError(Errors.E101.format(path=path, reason="no such file"))
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        _merge_lexicon(tables.lexicon, _read_yaml(path))
    elif suffix == ".csv":
        _read_csv(path, tables)
    elif suffix in (".actors", ".txt"):
        entries, offices = read_petrarch_actors(path)
        _replace(tables.entries, entries)
        _replace(tables.offices, offices)
    else:
        reason = f"unknown file type {suffix!r}; use .csv, .yaml or a PETRARCH .actors file"
        raise FlashpointError(Errors.E101.format(path=path, reason=reason))


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FlashpointError(Errors.E101.format(path=path, reason=exc)) from exc
    if not isinstance(loaded, dict):
        reason = "a lexicon file must be a YAML mapping (see docs/actors.md)"
        raise FlashpointError(Errors.E101.format(path=path, reason=reason))
    return loaded


def _merge_lexicon(base: dict[str, Any], extra: dict[str, Any]) -> None:
    """User YAML extends the lists and updates the mappings of the packaged lexicon."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge_lexicon(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = value + [v for v in base[key] if v not in value]
        else:
            base[key] = value


def _read_csv(path: Path, tables: _Tables) -> None:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            raw = list(reader)
            header = tuple(reader.fieldnames or ())
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise FlashpointError(Errors.E101.format(path=path, reason=exc)) from exc
    table = _table_of(path, header)
    sectors = frozenset(tables.lexicon.get("sectors", {}))
    rows = [_Row(path, line, values, sectors) for line, values in enumerate(raw, start=2)]
    if table == "offices":
        _replace(tables.offices, [_office(row) for row in rows])
    elif table == "legacy codes":
        tables.legacy.update(_legacy_code(row) for row in rows)
    else:
        parse = _country if table == "countries" else _entry
        _replace(tables.entries, [parse(row) for row in rows])


def _table_of(path: Path, header: tuple[str, ...]) -> str:
    for table, columns in TABLES.items():
        if set(columns) <= set(header):
            return table
    tables = "; ".join(f"{name} ({','.join(cols)})" for name, cols in TABLES.items())
    raise FlashpointError(Errors.E103.format(path=path, header=",".join(header), tables=tables))


def _replace(table: dict[str, list[Any]], rows: Iterable[Any]) -> None:
    """Rows of one file replace every earlier row with the same kb_id (its date variants
    stay together)."""
    fresh: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        fresh[row.kb_id].append(row)
    table.update(fresh)


@dataclass
class _Row:
    """One CSV row, with the position error messages need."""

    path: Path
    line: int
    values: dict[str, str | None]
    sectors: frozenset[str]

    def text(self, column: str) -> str | None:
        value = (self.values.get(column) or "").strip()
        return value or None

    def required(self, column: str) -> str:
        value = self.text(column)
        if value is None:
            self.fail(f"the {column!r} column is empty")
        return value

    def many(self, column: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in (self.text(column) or "").split("|") if v.strip())

    def day(self, column: str) -> date | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{column} {value!r} is not a date (YYYY-MM-DD)")

    def sector(self) -> str | None:
        value = self.text("sector")
        if value is not None and value not in self.sectors:
            self.fail(f"unknown sector {value!r}; the lexicon defines {sorted(self.sectors)}")
        return value

    def fail(self, reason: str) -> NoReturn:
        raise FlashpointError(Errors.E102.format(path=self.path, line=self.line, reason=reason))


def _strip_article(text: str) -> str:
    """Aliases are matched without a leading "the", which articles add or drop at will."""
    first, _, rest = text.partition(" ")
    return rest if first in ("the", "The") and rest else text


def _entry(row: _Row) -> Entry:
    label = row.text("label") or "ORG"
    if label not in LABELS:
        row.fail(f"label {label!r} is not one of {sorted(LABELS)}")
    return Entry(
        kb_id=row.required("kb_id"),
        name=row.required("name"),
        country=row.text("country"),
        sector=row.sector(),
        kind=row.text("kind") or "organisation",
        label=label,
        aliases=tuple(_strip_article(a) for a in row.many("aliases")),
        nouns=tuple(n.lower() for n in row.many("nouns")),
        gender=row.text("gender"),
        start=row.day("start"),
        end=row.day("end"),
    )


def _country(row: _Row) -> Entry:
    """Names and short names are GPE; adjectives and demonyms are NORP."""
    code = row.required("code")
    return Entry(
        kb_id=code,
        name=row.required("name"),
        country=code,
        sector=None,
        kind="country",
        label="GPE",
        aliases=tuple(_strip_article(a) for a in row.many("short_names")),
        adjectives=row.many("adjectives") + row.many("demonyms"),
        nouns=("country", "nation"),
    )


def _office(row: _Row) -> Office:
    sector = row.sector()
    if sector is None:
        row.fail("an office needs a sector")
    return Office(
        kb_id=row.required("kb_id"),
        country=row.required("country"),
        roles=frozenset(row.many("role")),
        sector=sector,
        start=row.day("start"),
        end=row.day("end"),
    )


def _legacy_code(row: _Row) -> tuple[str, str]:
    return row.required("legacy"), row.required("code")
