"""The packaged ontologies: PLOVER v2 types/modes/contexts and CAMEO codes with scores.

Both live in data files (``data/plover.yaml``, ``data/cameo_codes.csv``) so that a trigger
names a code and the numbers (Goldstein, quad class) come from one table.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")
CAMEO_TABLE = DATA / "cameo_codes.csv"
PLOVER_TABLE = DATA / "plover.yaml"


class _Loader(yaml.SafeLoader):
    """YAML without the 1.1 booleans: in a word list, "on", "off", "yes" and "no" are
    words (the preposition of "fire on"), not true/false."""


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path) -> Any:
    """Parse one of the coder's YAML files (packaged or a user's)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


#: GDELT's QuadClass by CAMEO root: 01-05 verbal cooperation, 06-09 material cooperation,
#: 10-14 verbal conflict, 15-20 material conflict.
_QUAD_BOUNDS = ((5, 1), (9, 2), (14, 3), (20, 4))


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with the numbers stored on every event coded with it."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int


def quad_class(code: str) -> int:
    """GDELT quad class of a CAMEO code, from its two-digit root."""
    root = int(code[:2])
    return next(quad for bound, quad in _QUAD_BOUNDS if root <= bound)


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """All packaged CAMEO codes by code string ("0874", "163", ...)."""
    with CAMEO_TABLE.open(encoding="utf-8") as handle:
        return {
            row["code"]: CameoCode(
                row["code"],
                row["root"],
                row["name"],
                float(row["goldstein"]),
                int(row["quad_class"]),
            )
            for row in csv.DictReader(handle)
        }


@cache
def _plover() -> dict[str, Any]:
    return read_yaml(PLOVER_TABLE)


def plover_types() -> dict[str, dict[str, Any]]:
    """PLOVER v2 event types -> {quad, cameo (default code), gloss, modes}."""
    types: dict[str, dict[str, Any]] = _plover()["types"]
    return types


def plover_contexts() -> frozenset[str]:
    return frozenset(_plover()["contexts"])


def default_cameo(event_type: str) -> str:
    """The CAMEO code of an event type when nothing more specific is known."""
    return str(plover_types()[event_type]["cameo"])
