"""The articles one process answers about: the default article and those set per channel, each with its own
Router (index, quote book, conversations). Routers are built on first use and at most `max_loaded` are kept;
the least recently used goes first (the default never), and comes back quickly from the embedding cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.article.cleaning import Article

    from .router import Router

Progress = Callable[[int, int], None] | None


class Library:
    def __init__(self, default: Router, max_loaded: int, build: Callable[[Article, Progress], Router]):
        self.default = default
        self.max_loaded = max_loaded
        self._build = build
        self._loaded: OrderedDict[str, Router] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[str, threading.Lock] = {}

    def get(self, sha256: str) -> Router | None:
        """The Router of a loaded article (now the most recently used), or None."""
        if sha256 == self.default.article.sha256:
            return self.default
        with self._lock:
            router = self._loaded.get(sha256)
            if router is not None:
                self._loaded.move_to_end(sha256)
            return router

    def load(self, article: Article, progress: Progress = None) -> Router:
        """The article's Router, built now if it is not loaded (blocking: call it off the event loop). Two
        callers asking for the same article wait for one build."""
        if (router := self.get(article.sha256)) is not None:
            return router
        with self._lock:
            building = self._building.setdefault(article.sha256, threading.Lock())
        with building:
            if (router := self.get(article.sha256)) is not None:
                return router
            router = self._build(article, progress)
            with self._lock:
                self._loaded[article.sha256] = router
                while len(self._loaded) > max(self.max_loaded - 1, 0):  # the default takes one place
                    self._loaded.popitem(last=False)
                self._building.pop(article.sha256, None)
        return router

    def loaded(self) -> list[str]:
        with self._lock:
            return [self.default.article.sha256, *self._loaded]
