"""Event triggers as data: load the packaged YAML lexicon and users' files and validate
each entry against the ontologies (matching.py compiles them for a pipeline).

A trigger is a head word (verb, noun or adjective) plus optional dependents that must be
present (particle, object, modifier, preposition, a modal in the complement). The format
is documented in docs/ontology.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from flashpoint.coding.ontology import (
    DATA,
    cameo_codes,
    default_cameo,
    plover_contexts,
    plover_types,
    read_yaml,
)
from flashpoint.errors import Errors, FlashpointError

LEXICON_DIR = DATA / "lexicon"
ANCHORS = ("verbs", "nouns", "adjectives")
ROLE_KINDS = (
    "subj",
    "obj",
    "dative",
    "poss",
    "mod",
    "of",
    "between",
    "comp_subj",
    "objmod",
    "condition_subj",
    "purpose",
    "prep",
)
_DEFAULT_ROLES = {
    "verbs": (("subj",), ("obj",)),
    "nouns": (("poss", "mod", "prep:by", "prep:from"), ("prep:on", "prep:against", "prep:to")),
    "adjectives": (("subj",), ()),
}
_LIST_KEYS = ("particle", "object", "modifier", "prep", "prep_object", "complement_aux", "exclude")
_KNOWN_KEYS = {
    "id",
    "event_type",
    "mode",
    "context",
    "cameo",
    "source",
    "target",
    "reciprocal",
    "control",
    "priority",
    "source_sector",
    "standalone",
    *ANCHORS,
    *_LIST_KEYS,
}


def lexicon_error(origin: str, entry_id: str, reason: str) -> FlashpointError:
    """A clear, numbered error naming the file and the entry at fault."""
    return FlashpointError(Errors.E040.format(entry=entry_id, origin=origin, reason=reason))


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: what to match and how to code it."""

    id: str
    anchor: str  # "verbs" | "nouns" | "adjectives"
    words: tuple[str, ...]
    event_type: str
    cameo: str
    mode: str | None = None
    context: str | None = None
    particle: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    prep_object: tuple[str, ...] = ()
    complement_aux: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    reciprocal: bool = False
    control: str | None = None
    priority: int = 0
    source_sector: str | None = None
    standalone: bool = True
    origin: str = field(default="", compare=False)

    @property
    def specificity(self) -> int:
        """Constraint count (plus priority): the most specific trigger on a word wins."""
        parts = (
            self.particle,
            self.object,
            self.modifier,
            self.prep,
            self.prep_object,
            self.complement_aux,
        )
        return sum(1 for part in parts if part) + 10 * self.priority


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(str(item).lower() for item in items)


def spelling_variants(words: Iterable[str]) -> tuple[str, ...]:
    """British and American -ise/-ize spellings of each word, so one listing covers both."""
    out: list[str] = []
    for word in words:
        out.append(word)
        for a, b in (
            ("ise", "ize"),
            ("ize", "ise"),
            ("isation", "ization"),
            ("ization", "isation"),
        ):
            if word.endswith(a):
                out.append(word[: -len(a)] + b)
    return tuple(dict.fromkeys(out))


#: Irregular plural endings of the nouns the lexicon names (policeman -> policemen).
_IRREGULAR = (("man", "men"), ("child", "children"), ("person", "people"))


def _noun_forms(words: Iterable[str]) -> tuple[str, ...]:
    """Surface forms of nouns (lower case, plurals): matching forms rather than lemmas also
    catches capitalised nouns tagged PROPN and lemmatiser slips ("bases" -> "basis")."""
    out: list[str] = []
    for word in spelling_variants(words):
        out.append(word)
        irregular = next((word[: -len(a)] + b for a, b in _IRREGULAR if word.endswith(a)), None)
        if irregular:
            out.append(irregular)
        elif word.endswith(("s", "x", "ch", "sh")):
            out.append(word + "es")
        elif word.endswith("y") and word[-2:-1] not in "aeiou":
            out.append(word[:-1] + "ies")
        else:
            out.append(word + "s")
    return tuple(dict.fromkeys(out))


def _check(trigger: Trigger) -> Trigger:
    """Reject entries that would code something the ontologies do not define."""
    types = plover_types()
    if trigger.event_type not in types:
        raise lexicon_error(
            trigger.origin, trigger.id, f"unknown PLOVER type {trigger.event_type!r}"
        )
    if trigger.cameo not in cameo_codes():
        raise lexicon_error(trigger.origin, trigger.id, f"unknown CAMEO code {trigger.cameo!r}")
    if trigger.mode and trigger.mode not in types[trigger.event_type]["modes"]:
        raise lexicon_error(
            trigger.origin, trigger.id, f"mode {trigger.mode!r} is not a {trigger.event_type} mode"
        )
    if trigger.context and trigger.context not in plover_contexts():
        raise lexicon_error(trigger.origin, trigger.id, f"unknown context {trigger.context!r}")
    for role in (*trigger.source, *trigger.target):
        if role.split(":")[0] not in ROLE_KINDS:
            raise lexicon_error(trigger.origin, trigger.id, f"unknown role {role!r}")
    if trigger.control not in (None, "subject", "object"):
        raise lexicon_error(trigger.origin, trigger.id, "control must be subject or object")
    if trigger.source_sector and not (
        len(trigger.source_sector) == 3 and trigger.source_sector.isupper()
    ):
        raise lexicon_error(
            trigger.origin, trigger.id, "source_sector must be a sector code like MIL"
        )
    return trigger


def parse_entry(entry: dict[str, Any], defaults: dict[str, Any], origin: str) -> Trigger:
    """One YAML mapping (with the file's defaults) as a validated Trigger."""
    data = {**defaults, **entry}
    entry_id = str(data.get("id", "?"))
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise lexicon_error(origin, entry_id, f"unknown keys {sorted(unknown)}")
    anchors = [key for key in ANCHORS if key in entry]
    if len(anchors) != 1 or "id" not in data or "event_type" not in data:
        raise lexicon_error(
            origin, entry_id, "needs an id, an event_type and one of " + "/".join(ANCHORS)
        )
    anchor = anchors[0]
    words = _as_tuple(data[anchor])
    words = _noun_forms(words) if anchor == "nouns" else spelling_variants(words)
    default_source, default_target = _DEFAULT_ROLES[anchor]
    if anchor == "verbs" and "object" in data:
        default_target = ()  # the object is the thing imposed or sent, not the target
    event_type = str(data["event_type"]).upper()
    if event_type not in plover_types():
        raise lexicon_error(origin, entry_id, f"unknown PLOVER type {event_type!r}")
    lists = {key: _as_tuple(data.get(key)) for key in _LIST_KEYS}
    lists["object"] = _noun_forms(lists["object"])
    lists["prep_object"] = _noun_forms(lists["prep_object"])
    return _check(
        Trigger(
            id=entry_id,
            anchor=anchor,
            words=words,
            event_type=event_type,
            cameo=str(data.get("cameo") or default_cameo(event_type)),
            mode=data.get("mode"),
            context=data.get("context"),
            source=_as_tuple(data.get("source", default_source)),
            target=_as_tuple(data.get("target", default_target)),
            reciprocal=bool(data.get("reciprocal", False)),
            control=data.get("control"),
            priority=int(data.get("priority", 0)),
            source_sector=data.get("source_sector"),
            standalone=bool(data.get("standalone", True)),
            origin=origin,
            **lists,
        )
    )


def read_file(path: Path) -> tuple[list[Trigger], list[str]]:
    """Triggers and ``remove`` ids of one lexicon file."""
    try:
        data = read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise FlashpointError(Errors.E041.format(path=path, reason=exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("triggers", []), list):
        reason = "expected a mapping with a 'triggers' list"
        raise FlashpointError(Errors.E041.format(path=path, reason=reason))
    defaults = {key: value for key, value in data.items() if key not in ("triggers", "remove")}
    triggers = [parse_entry(entry, defaults, str(path)) for entry in data.get("triggers", [])]
    return triggers, [str(item) for item in data.get("remove", [])]


def load_lexicon(extra: Sequence[str | Path] = ()) -> list[Trigger]:
    """The packaged triggers, then each user file in order: a user entry with a packaged
    id replaces it, ``remove: [ids]`` drops entries, new ids are added."""
    by_id: dict[str, Trigger] = {}
    paths = [*sorted(LEXICON_DIR.glob("*.yaml")), *map(Path, extra)]
    for path in paths:
        triggers, removed = read_file(path)
        for entry_id in removed:
            by_id.pop(entry_id, None)
        for trigger in triggers:
            if trigger.id in by_id and by_id[trigger.id].origin == trigger.origin:
                raise lexicon_error(trigger.origin, trigger.id, "duplicate id in one file")
            by_id[trigger.id] = trigger
    return list(by_id.values())
