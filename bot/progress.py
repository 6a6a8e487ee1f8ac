"""Progress of long index builds on stderr: silent for the first second, then a line that keeps up."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """progress(done, total) callback; prints only once the work has taken longer than `after` seconds, on one
    rewritten line at a terminal and on a line every `every` seconds elsewhere (logs, pipes)."""

    def __init__(self, what: str, stream: TextIO | None = None, after: float = 1.0, every: float = 5.0):
        self.what = what
        self.stream = stream or sys.stderr
        self.after, self.every = after, every
        self.start = time.monotonic()
        self._last = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic() - self.start
        finished = done >= total
        if now < self.after or (not finished and not self._tty() and now - self._last < self.every):
            return
        self._last = now
        line = f"{self.what}: {done:,}/{total:,} ({100 * done // max(total, 1)}%, {now:.0f}s)"
        if self._tty():
            print("\r" + line, end="\n" if finished else "", file=self.stream, flush=True)
        else:
            print(line, file=self.stream, flush=True)

    def _tty(self) -> bool:
        return hasattr(self.stream, "isatty") and self.stream.isatty()
