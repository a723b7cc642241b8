"""Escalation signals per dyad: series counted on stories, an index with a bootstrap band,
change-point and mixed-signal alerts (see docs/signals.md)."""

from flashpoint.signals.queries import (
    actor_series,
    alerts,
    drivers,
    dyad_series,
    dyads,
    mixed_signals,
    timeline,
)

__all__ = ["actor_series", "alerts", "drivers", "dyad_series", "dyads", "mixed_signals", "timeline"]
