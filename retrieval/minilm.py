"""A NumPy forward pass of a BERT-style sentence-transformers model: same weights, no torch import.

The fast path (0.3 s to import and load, a few ms per query); sentence-transformers stays the reference,
and tests check the two produce the same embeddings and rankings. Single questions run on one BLAS
thread (fastest for tiny matrices); batches use every core.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from .dense import ModelError, dictionary_words, model_fingerprint

_BATCH = 64
_SMALL_TOKENS = 128
_SQRT_HALF = np.float32(np.sqrt(0.5))


_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 error function (|error| < 1.5e-7 plus float32 rounding), few temporaries."""
    a = np.abs(x)
    t = a * _ERF_P
    t += 1.0
    np.reciprocal(t, out=t)
    poly = np.full_like(t, _ERF_A[0])
    for coef in _ERF_A[1:]:
        poly *= t
        poly += coef
    poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(1.0, poly, out=poly)
    return np.copysign(poly, x, out=poly)


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as BERT uses."""
    out = _erf(x * _SQRT_HALF)
    out += 1.0
    out *= x
    out *= 0.5
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class NumpyMiniLMEncoder:
    """Mean-pooled, L2-normalised embeddings from a BERT encoder stored as safetensors + tokenizer.json."""

    def __init__(self, folder: Path, small_threads: int = 1):
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer

            config = json.loads((folder / "config.json").read_text())
            pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
            st_config = json.loads((folder / "sentence_bert_config.json").read_text())
            self.w = load_file(str(folder / "model.safetensors"))
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except (OSError, ValueError, KeyError, ImportError) as exc:
            raise ModelError(f"cannot load {folder} for the NumPy encoder: {exc}") from exc
        if config.get("model_type") != "bert" or not pooling.get("pooling_mode_mean_tokens"):
            raise ModelError(f"the NumPy encoder supports mean-pooled BERT models only, not {folder}")
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.max_len = int(st_config.get("max_seq_length", 256))
        self.tokenizer.enable_truncation(self.max_len)
        self.tokenizer.no_padding()
        self.model_id = model_fingerprint(folder)
        self.dictionary = dictionary_words(folder)
        self._blocks = [self._prepare(f"encoder.layer.{i}.") for i in range(self.layers)]
        self._threads = ThreadpoolController()
        self._small_threads = small_threads

    def _prepare(self, p: str) -> dict[str, np.ndarray]:
        """Pre-transpose and fuse a layer's weights into contiguous float32 matrices."""
        w = self.w

        def t(name: str) -> np.ndarray:
            return np.ascontiguousarray(w[name + ".weight"].T, dtype=np.float32)

        qkv = [p + "attention.self." + n for n in ("query", "key", "value")]
        return {
            "qkv_w": np.ascontiguousarray(np.concatenate([t(n) for n in qkv], axis=1)),
            "qkv_b": np.concatenate([w[n + ".bias"] for n in qkv]),
            "out_w": t(p + "attention.output.dense"), "out_b": w[p + "attention.output.dense.bias"],
            "ln1_w": w[p + "attention.output.LayerNorm.weight"], "ln1_b": w[p + "attention.output.LayerNorm.bias"],
            "ff1_w": t(p + "intermediate.dense"), "ff1_b": w[p + "intermediate.dense.bias"],
            "ff2_w": t(p + "output.dense"), "ff2_b": w[p + "output.dense.bias"],
            "ln2_w": w[p + "output.LayerNorm.weight"], "ln2_b": w[p + "output.LayerNorm.bias"],
        }

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        tokens = sum(len(e.ids) for e in encodings)
        threads = self._small_threads if tokens < _SMALL_TOKENS else os.cpu_count() or 1
        with self._threads.limit(limits=threads, user_api="blas"):
            for start in range(0, len(order), _BATCH):
                chunk = order[start:start + _BATCH]
                out[chunk] = self._forward([encodings[i].ids for i in chunk])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        w, length = self.w, max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, seq in enumerate(batch):
            ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1.0
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for block in self._blocks:
            x = self._layer(x, bias, block)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def _layer(self, x: np.ndarray, bias: np.ndarray, k: dict[str, np.ndarray]) -> np.ndarray:
        b, n, d = x.shape
        h, hd = self.heads, d // self.heads
        qkv = (x.reshape(b * n, d) @ k["qkv_w"] + k["qkv_b"]).reshape(b, n, 3, h, hd).transpose(2, 0, 3, 1, 4)
        q, key, v = qkv[0], qkv[1], qkv[2]
        scores = q @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attn = scores / scores.sum(-1, keepdims=True)
        context = (attn @ v).transpose(0, 2, 1, 3).reshape(b * n, d)
        flat = x.reshape(b * n, d)
        flat = _layer_norm(context @ k["out_w"] + k["out_b"] + flat, k["ln1_w"], k["ln1_b"], self.eps)
        inner = _gelu(flat @ k["ff1_w"] + k["ff1_b"])
        flat = _layer_norm(inner @ k["ff2_w"] + k["ff2_b"] + flat, k["ln2_w"], k["ln2_b"], self.eps)
        return flat.reshape(b, n, d)
