"""The cue lexicon: packaged YAML, optionally extended by the user's own files.

Linguistic knowledge lives in data (``data/cues.yaml``), so adding a cue verb or phrase
never means editing code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flashpoint.errors import Errors, FlashpointError

PACKAGED = "cues.yaml"
#: Shown when a packaged or user data file cannot be read (path, reason).


@dataclass
class CueLexicon:
    """Cue verbs (lemmas), object verbs, multi-word cue phrases, cue particles and
    evidence weights."""

    verbs: set[str] = field(default_factory=set)
    object_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)
    confidence: dict[str, float] = field(default_factory=dict)

    def update(self, data: Mapping[str, Any]) -> None:
        """Merge one YAML document: lists extend, confidence entries override."""
        self.verbs.update(w.lower() for w in data.get("verbs") or ())
        self.object_verbs.update(
            {
                str(verb).lower(): frozenset(str(p).lower() for p in preps or ())
                for verb, preps in (data.get("object_verbs") or {}).items()
            }
        )
        self.phrases.update(p.lower() for p in data.get("phrases") or ())
        self.particles.update(p.lower() for p in data.get("particles") or ())
        self.confidence.update({k: float(v) for k, v in (data.get("confidence") or {}).items()})


def read_yaml(path: Path | str, package: str | None = None) -> Mapping[str, Any]:
    """A YAML mapping from a file (or a packaged resource), with a numbered error if bad."""
    try:
        if package:
            text = resources.files(package).joinpath(str(path)).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise FlashpointError(Errors.E050.format(path=path, reason=exc)) from exc
    if not isinstance(data, Mapping):
        raise FlashpointError(Errors.E050.format(path=path, reason="not a mapping"))
    return data


def regular_forms(lemma: str) -> set[str]:
    """The regular English inflections of a verb (hope: hopes, hoped, hoping), so a cue is
    found even when the lemmatizer gets the lemma wrong ("hopes" -> "hop")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def load_cues(extra: Iterable[Path | str] = ()) -> CueLexicon:
    """The packaged cues plus each user file in ``extra``, later files winning."""
    lexicon = CueLexicon()
    lexicon.update(read_yaml(PACKAGED, "flashpoint.quotes.data"))
    for path in extra:
        lexicon.update(read_yaml(path))
    return lexicon
