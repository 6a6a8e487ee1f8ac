"""Extractive summaries: LexRank-style centrality over the sentence embeddings, news writing's lead bias, and
maximal marginal relevance against repeating oneself; the chosen sentences are quoted in article order.

Hand-written because it is the product itself and small: the embeddings are already computed for search, and
the published methods (Erkan & Radev 2004; Carbonell & Goldstein 1998) are a few lines of NumPy over them.
"""

from __future__ import annotations

import re

import numpy as np

from retrieval.article import passages
from retrieval.qa.answer import Answer
from retrieval.qa.search import ArticleIndex
from retrieval.settings import SummarySettings

ITERATIONS = 50
MIN_WORDS = 6
def summarize(index: ArticleIndex, settings: SummarySettings, question: str = "") -> Answer:
    """The `size` most central, least redundant sentences (lead-biased), in article order, as an Answer."""
    spans = index.sentences
    if not spans:
        return Answer(question, None, True, (), ())
    vecs = index.sentence_vecs
    eligible = np.array([len(sp.text.split()) >= MIN_WORDS and not _leans_back(sp.text) for sp in spans])
    if not eligible.any():
        eligible[:] = True
    lead, title_weight = settings.lead_weight, settings.title_weight
    score = (1 - lead) * _centrality(vecs, settings.damping) + lead * _lead_prior(spans, len(index.article.paragraphs))
    title = " ".join(t for t in (index.article.headline, index.article.subtitle) if t)
    if title:  # Edmundson's title method: the headline says what the story is about
        closeness = vecs @ index.encoder.encode([title])[0]
        score = (1 - title_weight) * score + title_weight * (closeness - closeness.min()) / (np.ptp(closeness) or 1)
    chosen = _mmr(score, vecs, eligible, min(settings.sentences, int(eligible.sum())), settings.relevance)
    return index.quoting(question, sorted(chosen), kind="summary")


def _leans_back(sentence: str) -> bool:
    """A sentence that opens by pointing back ("That, …", "In doing so, …") needs the one before it."""
    opening = sentence.lstrip("“\"‘'(").lower()
    first = re.split(r"[\s,]", opening, maxsplit=1)[0]
    return first in passages.ANAPHORS or opening.startswith(("in doing so", "by doing so", "doing so"))


def _centrality(vecs: np.ndarray, damping: float) -> np.ndarray:
    """PageRank over the cosine-similarity graph of the sentences (continuous LexRank), scaled to 0..1."""
    n = len(vecs)
    if n == 1:
        return np.ones(1)
    sim = np.clip(vecs @ vecs.T, 0, None)
    np.fill_diagonal(sim, 0)
    rows = sim.sum(1, keepdims=True)
    transition = np.where(rows > 0, sim / np.where(rows > 0, rows, 1), 1 / n)
    rank = np.full(n, 1 / n)
    for _ in range(ITERATIONS):
        rank = (1 - damping) / n + damping * rank @ transition
    return (rank - rank.min()) / (np.ptp(rank) or 1)


def _lead_prior(spans: list[passages.Span], paragraphs: int) -> np.ndarray:
    """News puts the essentials first: 1 for the first paragraph, decaying over the first third."""
    scale = max(paragraphs / 3, 1)
    return np.array([np.exp(-(sp.paragraph - 1) / scale) for sp in spans])


def _mmr(score: np.ndarray, vecs: np.ndarray, eligible: np.ndarray, size: int, relevance: float) -> list[int]:
    chosen: list[int] = []
    for _ in range(size):
        redundancy = (vecs @ vecs[chosen].T).max(1) if chosen else np.zeros(len(score))
        value = np.where(eligible, relevance * score - (1 - relevance) * redundancy, -np.inf)
        value[chosen] = -np.inf
        best = int(np.argmax(value))
        if not np.isfinite(value[best]):
            break
        chosen.append(best)
    return chosen
