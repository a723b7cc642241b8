"""Engines schedule the same stage functions: in this process or a local process pool
(``local``), or as Dask tasks writing Parquet that ``parquet.load_dataset`` loads (``dask``,
imported on demand: it pulls in Dask)."""

from flashpoint.engine.local import RunConfig, RunSummary, run

__all__ = ["RunConfig", "RunSummary", "run"]
