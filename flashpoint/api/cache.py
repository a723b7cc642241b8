"""Whole responses of the read API kept until the next write.

Only this app can change the store while it serves it (DuckDB lets no other process write a
file another process holds), and every write goes through ``POST /api/articles``, which
clears this cache. So a GET under /api answers the same until then, and a repeated one (a
dashboard refreshed by many analysts, a page of events shared in a team) is sent from memory
without routing, validation, the thread pool or DuckDB. Responses carry ``X-Cache: hit`` or
``miss``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Default memory for cached responses, in MB (``flashpoint serve --cache-mb``).
CACHE_MB = 64
#: A response bigger than this share of the cache is not kept (it would evict many others).
LARGEST_SHARE = 8

Key = tuple[str, bytes]


@dataclass(frozen=True)
class Cached:
    """A finished 200 response: its headers (X-Cache excluded) and body."""

    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass
class ResponseCache:
    """Least recently used responses up to ``max_bytes`` of bodies. ``generation`` counts the
    clears: a response computed before a clear is not stored after it."""

    max_bytes: int
    generation: int = 0
    _size: int = 0
    _items: OrderedDict[Key, Cached] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: Key) -> Cached | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Key, generation: int, response: Cached) -> None:
        """Keep ``response`` unless the store changed since it was computed or it is too big."""
        size = len(response.body)
        if size > self.max_bytes // LARGEST_SHARE:
            return
        with self._lock:
            if generation != self.generation:
                return
            old = self._items.pop(key, None)
            self._size += size - (len(old.body) if old else 0)
            self._items[key] = response
            while self._size > self.max_bytes:
                _, evicted = self._items.popitem(last=False)
                self._size -= len(evicted.body)

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._items.clear()
            self._size = 0


class CacheMiddleware:
    """ASGI middleware answering repeated GETs under /api from a ``ResponseCache``."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/")
            or self.cache.max_bytes <= 0
        ):
            await self.app(scope, receive, send)
            return
        key: Key = (scope["path"], scope["query_string"])
        found = self.cache.get(key)
        if found is not None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [*found.headers, (b"x-cache", b"hit")],
                }
            )
            await send({"type": "http.response.body", "body": found.body})
            return
        await self._miss(key, scope, receive, send)

    async def _miss(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app, passing its response on and keeping a copy of a whole 200."""
        generation = self.cache.generation
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        complete = False

        async def capture(message: Message) -> None:
            nonlocal status, headers, complete
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
                message = {**message, "headers": [*headers, (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, capture)
        if status == 200 and complete:
            self.cache.put(key, generation, Cached(headers, b"".join(chunks)))
