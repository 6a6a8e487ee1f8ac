"""The reader's part of a search: the windows it reads, its probabilities fused with the first stage's scores,
and where its answer span falls in the quoted sentences."""

from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.article import passages
from retrieval.article.cleaning import Article
from retrieval.qa import reader_windows
from retrieval.qa.fusion import minmax
from retrieval.qa.reader import Reading

# A question rather than search words ("ushakov sanctions"): the reader learned from questions only, so its
# "no answer" is not trusted on keywords.
_QUESTION_OPENER = re.compile(
    r"^\W*(?:who|whom|whose|what|what's|when|where|why|which|how|is|are|was|were|do|does|did|can|could|will|would|"
    r"should|has|have|had|tell|name|list|describe|explain)\b", re.I)


@dataclass(frozen=True)
class Read:
    """What the reader found among the first stage's best paragraphs."""

    scores: np.ndarray  # per paragraph: the first-stage score fused with the reader's probability
    probability: np.ndarray  # per paragraph: the best window's "answers it" probability (0 outside the pool)
    spans: dict[int, tuple[int, int]]  # paragraph index -> best span, offsets in the paragraph's text


def windows(article: Article, fused: np.ndarray, top_k: int) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of the reader's windows in the first stage's top_k paragraphs."""
    pool = [int(i) for i in np.argsort(-fused, kind="stable")[:top_k]]
    return [(i, a, b) for i in pool for a, b in reader_windows.windows(article.paragraphs[i].text)]


def fuse(fused: np.ndarray, cut: list[tuple[int, int, int]], readings: Sequence[Reading], weight: float) -> Read:
    """The first stage's scores (min-max) fused with the reader's probability of each paragraph's best window."""
    probability = np.zeros(len(fused))
    spans: dict[int, tuple[int, int]] = {}
    for (i, a, _), r in zip(cut, readings, strict=True):
        if i not in spans or r.probability > probability[i]:
            probability[i] = r.probability
            spans[i] = (a + r.span[0], a + r.span[1])
    return Read((1 - weight) * minmax(fused) + weight * probability, probability, spans)


def span_in(quoted: Sequence[passages.Span], span: tuple[int, int]) -> tuple[int, int] | None:
    """The span (offsets in its paragraph) as offsets in the quoted sentences joined by spaces."""
    offset = 0
    for sp in quoted:
        if sp.start <= span[0] < sp.end:
            return offset + span[0] - sp.start, offset + min(span[1], sp.end) - sp.start
        offset += len(sp.text) + 1
    return None


def is_question(text: str) -> bool:
    return "?" in text or bool(_QUESTION_OPENER.match(text))


def start(step: Generator) -> tuple[tuple[str, list[str]] | None, object]:
    """Run a search step until it asks the reader: (what it asks, None), or (None, its answer) if it never does."""
    try:
        return next(step), None
    except StopIteration as done:
        return None, done.value


def finish(step: Generator, readings: list[Reading]):
    """Send a search step the readings it asked for and return its answer."""
    try:
        step.send(readings)
    except StopIteration as done:
        return done.value
    raise RuntimeError("a search step asked the reader twice")
