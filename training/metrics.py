"""Validation figures of the reader on pairs of held-out titles."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import torch

from retrieval.qa.reader_spans import best_spans

from .examples import Pair
from .model import encode


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Probability that a positive outscores a negative (ties count half); nan when a side is empty."""
    if not len(positive) or not len(negative):
        return float("nan")
    from sklearn.metrics import roc_auc_score  # installed with sentence-transformers

    labels = np.r_[np.ones(len(positive)), np.zeros(len(negative))]
    return float(roc_auc_score(labels, np.concatenate([positive, negative])))


def _tokens(text: str) -> list[str]:
    text = re.sub(r"\b(a|an|the)\b", " ", re.sub(r"[^\w\s]", " ", text.lower()))
    return text.split()


def token_f1(prediction: str, gold: str) -> float:
    p, g = _tokens(prediction), _tokens(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not p or not g or not common:
        return float(p == g)
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


@torch.no_grad()
def predict(model, tokenizer, pairs: list[Pair], max_len: int, bf16: bool = False, batch_size: int = 64):
    """Answer probability, span margin over no-answer and the predicted span text of every pair."""
    probs, margins, texts = [], [], []
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].question) + len(pairs[i].context))
    for k in range(0, len(order), batch_size):
        chunk = [pairs[i] for i in order[k:k + batch_size]]
        batch = encode(tokenizer, [p.question for p in chunk], [p.context for p in chunk], max_len)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            start, end, answer = model(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
        allowed = ((batch["token_type_ids"] == 1) & (batch["attention_mask"] == 1)).numpy()
        s, e, margin = best_spans(start.float().numpy(), end.float().numpy(), allowed)
        offsets = batch["offset_mapping"].numpy()
        for row, pair in enumerate(chunk):
            texts.append(pair.context[offsets[row, s[row], 0]:offsets[row, e[row], 1]])
        probs += torch.sigmoid(answer.float()).tolist()
        margins += margin.tolist()
    back = np.argsort(order)
    return np.array(probs)[back], np.array(margins)[back], [texts[i] for i in back]


def evaluate(model, tokenizer, pairs: list[Pair], max_len: int, bf16: bool = False) -> dict:
    probs, margins, texts = predict(model, tokenizer, pairs, max_len, bf16)
    kinds = np.array([p.kind for p in pairs])
    pos = kinds == "positive"
    neg = ~pos
    near = kinds == "near-miss"
    f1 = [token_f1(t, p.answer_text) for t, p, k in zip(texts, pairs, pos, strict=True) if k]
    exact = [float(_tokens(t) == _tokens(p.answer_text)) for t, p, k in zip(texts, pairs, pos, strict=True) if k]
    return {
        "auc_answer": round(auc(probs[pos], probs[neg]), 4),
        "auc_near_miss": round(auc(probs[pos], probs[near]), 4),
        "auc_margin_near_miss": round(auc(margins[pos], margins[near]), 4),
        "auc_both_near_miss": round(auc(probs[pos] + _squash(margins[pos]), probs[near] + _squash(margins[near])), 4),
        "span_f1": round(float(np.mean(f1)), 4) if f1 else float("nan"),
        "span_em": round(float(np.mean(exact)), 4) if exact else float("nan"),
    }


def _squash(margin: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-margin))
