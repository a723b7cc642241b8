"""The app's one DuckDB connection and a cursor per request.

DuckDB connections are not thread-safe and FastAPI runs sync endpoints in a thread pool, so
each request gets its own cursor of the shared connection. Without a token the store opens
read-only; with one it opens read-write, because the ingest run (which opens the same file
again in this process) shares the instance only when the configuration matches. Readers
then see each committed batch whole: DuckDB's MVCC keeps them off half-written batches.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from fastapi import Request

from flashpoint.api.cache import CACHE_MB, ResponseCache
from flashpoint.api.data import CursorStore
from flashpoint.store import Store

#: Results kept by ``Database.cached`` (the costly signal queries), least recently used out.
CACHE_SIZE = 256


class Database:
    """The store behind the app, the lock that lets one ingest run at a time, and the caches
    that every committed write empties (nothing else can write the file while the app holds
    it): costly results (the signal queries) and whole responses (``responses``)."""

    def __init__(self, path: str, *, writable: bool, cache_mb: int = CACHE_MB) -> None:
        self.path = path
        self.writable = writable
        self.write_lock = threading.Lock()
        self.responses = ResponseCache(cache_mb * 1_000_000)
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._store: Store | None = self._open()  # now, so a bad path fails at startup

    def _open(self) -> Store:
        return Store(self.path, read_only=not self.writable)

    def cursor(self) -> CursorStore:
        """A cursor of the shared connection, reopened if a lifespan shutdown closed it
        (an app object may serve several lifespans, as test clients run them)."""
        with self._lock:
            if self._store is None:
                self._store = self._open()
            return CursorStore(self._store.con.cursor(), self.path)

    def cached(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per ``key`` until the next write (errors are not kept)."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._lock:
            self._cache[key] = value
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def invalidate(self) -> None:
        """Forget cached results and responses: called after every ingest run."""
        with self._lock:
            self._cache.clear()
        self.responses.clear()

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def store(request: Request) -> Iterator[CursorStore]:
    """FastAPI dependency: a read view on a fresh cursor, closed after the response."""
    view = database(request).cursor()
    try:
        yield view
    finally:
        view.close()
