"""Engines schedule the same stage functions: in this process or a local process pool."""

from flashpoint.engine.local import RunConfig, RunSummary, run

__all__ = ["RunConfig", "RunSummary", "run"]
