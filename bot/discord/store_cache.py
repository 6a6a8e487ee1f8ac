"""A value per key read from the store off the event loop and kept for a while; the default when the store is
away (logged, never raised): server settings and channel articles both read this way."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from ..store import LazyStore, Store, StoreError

_log = logging.getLogger(__name__)
K = TypeVar("K")
V = TypeVar("V")


class StoreCache(Generic[K, V]):
    def __init__(self, store: LazyStore | None, read: Callable[[Store, K], V], default: V, ttl: float, what: str):
        self.store, self.read, self.default, self.ttl, self.what = store, read, default, ttl, what
        self._values: dict[K, tuple[float, V]] = {}

    async def get(self, key: K) -> V:
        cached = self._values.get(key)
        if cached and time.monotonic() - cached[0] < self.ttl:
            return cached[1]
        value = self.default
        if self.store is not None:
            try:
                value = await asyncio.to_thread(lambda: self.read(self.store.get(), key))
            except StoreError as exc:
                _log.warning("%s unavailable, using the default: %s", self.what, exc)
        self.put(key, value)
        return value

    def put(self, key: K, value: V) -> None:
        self._values[key] = (time.monotonic(), value)
