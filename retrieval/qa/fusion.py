"""Score normalisation and fusion of lexical and dense rankings."""

from __future__ import annotations

import numpy as np

from retrieval.settings import FUSION_METHODS


def minmax(scores: np.ndarray) -> np.ndarray:
    """Scale scores to [0, 1]; a lone score is 1 (the best of one), a constant vector of several is 0."""
    scores = np.asarray(scores, dtype=float)
    if scores.size <= 1:
        return np.ones_like(scores)
    lo, hi = float(scores.min()), float(scores.max())
    if hi - lo < 1e-12:
        return np.zeros_like(scores)
    return (scores - lo) / (hi - lo)


def convex(lexical: np.ndarray, dense: np.ndarray, dense_weight: float) -> np.ndarray:
    """Convex combination of min-max normalised scores (Bruch, Gai & Ingber 2023)."""
    return dense_weight * minmax(dense) + (1.0 - dense_weight) * minmax(lexical)


def ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each item by descending score; ties keep index order."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    out = np.empty(len(order), dtype=int)
    out[order] = np.arange(1, len(order) + 1)
    return out


def rrf(lexical: np.ndarray, dense: np.ndarray, k: int = 60) -> np.ndarray:
    """Reciprocal rank fusion: sum of 1 / (k + rank) over the two rankings (Cormack et al. 2009)."""
    return 1.0 / (k + ranks(lexical)) + 1.0 / (k + ranks(dense))


def fuse(lexical: np.ndarray, dense: np.ndarray, method: str, dense_weight: float, rrf_k: int) -> np.ndarray:
    """Fuse by name (one of FUSION_METHODS): 'convex', 'rrf', 'bm25' (lexical only) or 'dense' (dense only)."""
    if method == "convex":
        return convex(lexical, dense, dense_weight)
    if method == "rrf":
        return rrf(lexical, dense, rrf_k)
    if method == "bm25":
        return np.asarray(lexical, dtype=float)
    if method == "dense":
        return np.asarray(dense, dtype=float)
    raise ValueError(f"unknown fusion method {method!r}; use one of {', '.join(FUSION_METHODS)}")
