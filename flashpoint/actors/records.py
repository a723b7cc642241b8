"""The Actor record of DESIGN.md, as the actor components hand it to later stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from spacy.tokens import Doc

from flashpoint.nlp.extract import register_extractor

if not Doc.has_extension("actors"):
    # Set by the flashpoint_actors component: one Actor per actor mention, in text order.
    Doc.set_extension("actors", default=None)


@dataclass(frozen=True, slots=True)
class Antecedent:
    """The earlier mention a surname, "the ministry" or a pronoun refers back to."""

    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor mention. The first seven fields are DESIGN.md's Actor; the rest say where
    it is and how it was resolved (``mention_kind``: name, metonym, nominal, pronoun,
    surname; ``resolved_by``: kb, office, pattern, coref, pronoun, surname_country, context,
    entity — see docs/actors.md)."""

    text: str
    country: str | None
    sector: str | None
    name: str | None
    kb_id: str | None
    char_start: int
    char_end: int
    sentence_index: int
    mention_kind: str
    confidence: float
    resolved_by: str
    antecedent: Antecedent | None = None

    @property
    def code(self) -> str | None:
        """CAMEO-style code: country + sector ("RUSMIL")."""
        return f"{self.country}{self.sector or ''}" if self.country else None

    def to_record(self) -> dict[str, Any]:
        """Plain dict for the store and exports."""
        return asdict(self)


def actor_records(doc: Doc) -> list[dict[str, Any]]:
    """The actors of a processed doc as plain dicts (empty if the component did not run)."""
    return [actor.to_record() for actor in doc._.actors or ()]


@register_extractor("actor_mentions")
def actor_mention_rows(doc: Doc) -> list[dict[str, Any]]:
    """Rows of the ``actor_mentions`` table: the records with the antecedent flattened."""
    rows = actor_records(doc)
    for row in rows:
        antecedent = row.pop("antecedent") or {}
        for key in ("text", "char_start", "char_end"):
            row[f"antecedent_{key}"] = antecedent.get(key)
    return rows
