"""Conversations in memory: the last turns of each chat session, Discord thread, DM channel or reply chain.

Bounded three ways: at most `max_turns` turns per conversation, forgotten after `idle_minutes` without a new
turn, and at most `max_conversations` kept (the least recently used go first). Nothing is written to disk.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable

from retrieval.qa.followup import Turn


class Conversations:
    def __init__(self, max_turns: int, idle_minutes: float, max_conversations: int,
                 clock: Callable[[], float] = time.monotonic):
        self.max_turns = max_turns
        self.idle_seconds = idle_minutes * 60
        self.max_conversations = max_conversations
        self.clock = clock
        self._turns: OrderedDict[Hashable, tuple[float, deque[Turn]]] = OrderedDict()
        self._aliases: OrderedDict[Hashable, Hashable] = OrderedDict()
        self._lock = threading.Lock()

    def history(self, key: Hashable | None) -> tuple[Turn, ...]:
        """The recent turns of a conversation (empty when unknown, expired or disabled)."""
        if key is None or self.max_turns <= 0:
            return ()
        with self._lock:
            key = self._aliases.get(key, key)
            entry = self._turns.get(key)
            if entry is None:
                return ()
            if self.clock() - entry[0] > self.idle_seconds:
                del self._turns[key]
                return ()
            return tuple(entry[1])

    def add(self, key: Hashable | None, turn: Turn) -> None:
        if key is None or self.max_turns <= 0:
            return
        with self._lock:
            key = self._aliases.get(key, key)
            _, turns = self._turns.pop(key, (0.0, deque(maxlen=self.max_turns)))
            turns.append(turn)
            self._turns[key] = (self.clock(), turns)
            while len(self._turns) > self.max_conversations:
                self._turns.popitem(last=False)

    def link(self, alias: Hashable, key: Hashable) -> None:
        """Make `alias` (e.g. the bot's answer message, for a reply chain) name the same conversation."""
        if self.max_turns <= 0:
            return
        with self._lock:
            self._aliases[alias] = self._aliases.get(key, key)
            while len(self._aliases) > self.max_conversations * self.max_turns:
                self._aliases.popitem(last=False)
