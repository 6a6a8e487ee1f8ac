"""The text the reading model reads: a question against a window of consecutive sentences of one paragraph.

Training (training/examples.py) and answering (retrieval/qa/reader.py) cut windows with the same rule, so the
model sees at answer time the shape it learned from: whole sentences, packed greedily up to `max_chars`.
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.article.sentences import split_sentences

MAX_CHARS = 420  # ~100 word pieces: with a question, under the model's 128-token window


def pack(spans: Sequence[tuple[int, int]], first: int = 0, max_chars: int = MAX_CHARS) -> tuple[int, int]:
    """Sentences [first, last) packed from `first` while the window stays within max_chars (always one)."""
    last = first + 1
    while last < len(spans) and spans[last][1] - spans[first][0] <= max_chars:
        last += 1
    return first, last


def windows(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) character windows covering a paragraph's sentences in order."""
    spans = split_sentences(text)
    out, first = [], 0
    while first < len(spans):
        first, last = pack(spans, first, max_chars)
        out.append((spans[first][0], spans[last - 1][1]))
        first = last
    return out
