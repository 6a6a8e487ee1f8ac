"""Per-user rate limit: at most `rate` commands in any `per`-second window."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Cooldown:
    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic):
        self.rate, self.per, self.clock = rate, per, clock
        self._hits: dict[int, deque[float]] = {}

    def retry_after(self, user_id: int) -> float:
        """Seconds the user must wait (0 means go ahead, and the use is counted)."""
        if self.per <= 0:
            return 0.0
        now = self.clock()
        hits = self._hits.setdefault(user_id, deque())
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return max(0.0, self.per - (now - hits[0]))
        hits.append(now)
        if len(self._hits) > 10_000:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        for uid in [u for u, h in self._hits.items() if not h or now - h[-1] >= self.per]:
            del self._hits[uid]
