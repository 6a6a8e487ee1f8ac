"""Dynamic batching of concurrent questions: one encoder call for everything that arrives together."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from . import responses as r

_log = logging.getLogger(__name__)


class AskBatcher:
    """Queue questions from many coroutines; a single worker answers them in batches off the event loop.

    The first question of a quiet period is answered at once; those arriving while a batch runs wait for
    the next batch, so batches grow exactly when load does.
    """

    def __init__(self, ask_many: Callable[[list[str]], list[r.Response]], max_batch: int = 64):
        self.ask_many = ask_many
        self.max_batch = max_batch
        self._pending: list[tuple[str, asyncio.Future]] = []
        self._worker: asyncio.Task | None = None

    async def ask(self, question: str) -> r.Response:
        future = asyncio.get_running_loop().create_future()
        self._pending.append((question, future))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch:]
            try:
                answers = await asyncio.to_thread(self.ask_many, [q for q, _ in batch])
            except Exception as exc:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), answer in zip(batch, answers, strict=True):
                if not future.done():
                    future.set_result(answer)
