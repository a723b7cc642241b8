"""The claims lexicon: what is counted, how numbers are written. Packaged YAML plus the
user's own files, so a new subject or currency is a data change, not a code change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.quotes.lexicon import read_yaml

PACKAGE = "flashpoint.claims.data"


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier's canonical name and whether the number is a low bound, a high bound
    or an approximate point value."""

    name: str
    bound: str


@dataclass
class ClaimLexicon:
    """Everything the claim rules look up, keyed by lower-case words or lemmas."""

    nouns: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    qualifiers: dict[str, Qualifier] = field(default_factory=dict)
    range_joiners: set[str] = field(default_factory=set)
    range_openers: dict[str, str] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    percent: set[str] = field(default_factory=set)
    not_counts: set[str] = field(default_factory=set)
    not_counts_before: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    containers: set[str] = field(default_factory=set)
    source_verbs: set[str] = field(default_factory=set)
    quantity_verbs: set[str] = field(default_factory=set)
    not_as_of: set[str] = field(default_factory=set)
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)

    def update(self, data: Mapping[str, Any]) -> None:
        """Merge one YAML document; later entries override earlier ones."""
        for subject, nouns in (data.get("nouns") or {}).items():
            self.nouns.update({str(n).lower(): subject for n in nouns})
        self.events.update(_lower_keys(data.get("events")))
        self.words.update({k: float(v) for k, v in _lower_keys(data.get("words")).items()})
        self.scales.update({k: float(v) for k, v in _lower_keys(data.get("scales")).items()})
        self.vague.update(
            {k: (float(lo), float(hi)) for k, (lo, hi) in _lower_keys(data.get("vague")).items()}
        )
        self.qualifiers.update(
            {
                k: Qualifier(v["qualifier"], v["bound"])
                for k, v in _lower_keys(data.get("qualifiers")).items()
            }
        )
        self.currencies.update({k: str(v) for k, v in _lower_keys(data.get("currencies")).items()})
        self.months.update({k: int(v) for k, v in _lower_keys(data.get("months")).items()})
        self.weekdays.update({k: int(v) for k, v in _lower_keys(data.get("weekdays")).items()})
        self.relative_days.update(
            {k: int(v) for k, v in _lower_keys(data.get("relative_days")).items()}
        )
        self.range_openers.update(
            {k: str(v).lower() for k, v in _lower_keys(data.get("range_openers")).items()}
        )
        for key in (
            "range_joiners",
            "percent",
            "not_counts",
            "not_counts_before",
            "persons",
            "containers",
            "source_verbs",
            "quantity_verbs",
            "not_as_of",
        ):
            getattr(self, key).update(str(w).lower() for w in data.get(key) or ())


def _lower_keys(mapping: Mapping[str, Any] | None) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in (mapping or {}).items()}


def load_claim_lexicon(extra: Iterable[Path | str] = ()) -> ClaimLexicon:
    """The packaged data files plus each user file in ``extra``, later files winning."""
    lexicon = ClaimLexicon()
    for name in ("subjects.yaml", "numbers.yaml", "dates.yaml"):
        lexicon.update(read_yaml(name, PACKAGE))
    for path in extra:
        lexicon.update(read_yaml(path))
    return lexicon
