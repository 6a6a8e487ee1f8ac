"""Blocking start-up work off the event loop, in a thread that never holds up the process's exit."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def in_daemon_thread(work: Callable[[], T]) -> T:
    """Run blocking start-up work off the event loop in a daemon thread: unlike asyncio.to_thread, a signal
    during start-up does not have to wait for it (interpreter exit does not join daemon threads)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future = loop.create_future()

    def settle(method, value) -> None:
        if not future.done():
            method(value)

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # handed to the awaiting coroutine, which re-raises it
            outcome = (future.set_exception, exc)
        else:
            outcome = (future.set_result, result)
        with contextlib.suppress(RuntimeError):  # the loop closed while we worked
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=run, name="article-bot-loader", daemon=True).start()
    return await future
