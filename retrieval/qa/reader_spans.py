"""Decode a reader's start/end logits into the best answer span and its margin over "no answer"."""

from __future__ import annotations

import numpy as np

MAX_SPAN_TOKENS = 30


def best_spans(start: np.ndarray, end: np.ndarray, allowed: np.ndarray,
               max_tokens: int = MAX_SPAN_TOKENS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: the (start, end) token pair of highest start+end logit with start <= end < start+max_tokens
    among allowed tokens (position 0, [CLS], excluded), and that score minus the no-answer score."""
    n, length = start.shape
    pair = start[:, :, None] + end[:, None, :]
    offsets = np.arange(length)[None, :] - np.arange(length)[:, None]
    valid = (offsets >= 0) & (offsets < max_tokens)
    valid = valid[None] & allowed[:, :, None] & allowed[:, None, :]
    valid[:, 0, :] = False
    valid[:, :, 0] = False
    pair = np.where(valid, pair, -np.inf)
    flat = pair.reshape(n, -1).argmax(axis=1)
    s, e = np.divmod(flat, length)
    best = pair.reshape(n, -1)[np.arange(n), flat]
    return s, e, best - (start[:, 0] + end[:, 0])
