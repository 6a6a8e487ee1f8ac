"""Dynamic batching: whatever arrives together is handled by one call off the event loop (one encoder call for
concurrent questions, one transaction for a burst of votes)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Generic, TypeVar

_log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")


class Batcher(Generic[T, R]):
    """Queue items from many coroutines; a single worker hands them to `handle_many` in batches, in a thread.

    The first item of a quiet period is handled at once; those arriving while a batch runs wait for the next
    batch, so batches grow exactly when load does. handle_many returns one result per item, in order.
    """

    def __init__(self, handle_many: Callable[[list[T]], list[R]], max_batch: int = 64):
        self.handle_many = handle_many
        self.max_batch = max_batch
        self._pending: list[tuple[T, asyncio.Future]] = []
        self._worker: asyncio.Task | None = None

    async def submit(self, item: T) -> R:
        future = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch:]
            try:
                results = await asyncio.to_thread(self.handle_many, [item for item, _ in batch])
            except Exception as exc:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
