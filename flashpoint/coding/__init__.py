"""Event coding: PLOVER v2 events with CAMEO codes from the parsed text.

Importing this package registers the ``flashpoint_events`` spaCy factory and the
``events`` / ``event_actors`` table extractors.
"""

from flashpoint.coding import extract as _extract  # noqa: F401  (registers the extractors)
from flashpoint.coding.component import EventCoder, events_of
from flashpoint.coding.lexicon import Trigger, load_lexicon
from flashpoint.coding.records import CODER_VERSION, Actor, Event

__all__ = ["CODER_VERSION", "Actor", "Event", "EventCoder", "Trigger", "events_of", "load_lexicon"]
