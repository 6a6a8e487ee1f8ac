"""Wire-style datelines opening a story: "LIMA, March 3 (Reuters) - ", "TORONTO — "."""

from __future__ import annotations

import re

# The dateline itself (named group), then the dash that ends it.
DATELINE = (r"(?P<dateline>[A-Z][A-Z.'\- ]{1,40}(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
            r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?)"
            r"\s*[-—–]+\s+")
# DATELINE compiled: "LONDON (Reuters) — ".
_DATELINE = re.compile(DATELINE)


def dateline_end(text: str) -> int:
    """Where a dateline opening text ends (0 when there is none)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def dateline(text: str) -> str | None:
    """The dateline opening text ("LIMA, March 3 (Reuters)"), or None."""
    match = _DATELINE.match(text)
    return match.group("dateline").strip() if match else None
