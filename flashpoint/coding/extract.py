"""Flat rows for the ``events`` and ``event_actors`` tables (the engine adds article_id)."""

from __future__ import annotations

from dataclasses import asdict, fields

from spacy.tokens import Doc

from flashpoint.coding.component import events_of
from flashpoint.coding.records import Event, Location
from flashpoint.nlp.extract import Row, register_extractor

_ACTOR_FIELDS = ("text", "country", "sector", "name", "kb_id", "char_start", "char_end")
_LOCATION_FIELDS = tuple(f.name for f in fields(Location))


def event_row(event: Event) -> Row:
    """An Event without its actor lists, its location flattened into ``location_*`` columns
    (empty when the geo stage did not run); the cluster stays empty for a later stage."""
    row = {
        key: value
        for key, value in event.to_dict().items()
        if key not in ("source", "target", "location")
    }
    location = asdict(event.location) if event.location else {}
    row.update({f"location_{key}": location.get(key) for key in _LOCATION_FIELDS})
    return row


@register_extractor("events")
def event_rows(doc: Doc) -> list[Row]:
    """One row per coded event (none when the events component did not run)."""
    return [event_row(event) for event in events_of(doc)]


@register_extractor("event_actors")
def event_actor_rows(doc: Doc) -> list[Row]:
    """One row per (event, role, actor)."""
    return [
        {
            "event_id": event.event_id,
            "role": role,
            **{key: getattr(actor, key) for key in _ACTOR_FIELDS},
        }
        for event in events_of(doc)
        for role in ("source", "target")
        for actor in getattr(event, role)
    ]
