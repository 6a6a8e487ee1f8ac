"""Sentence embeddings: the encoder seam, loading the packaged MiniLM model, and an on-disk embedding cache."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from retrieval.errors import ModelError
from retrieval.qa.model_files import atomic_write, dictionary_words, model_fingerprint, model_folder
from retrieval.settings import ModelSettings

_log = logging.getLogger(__name__)
CACHE_VERSION = 2  # bump when what is embedded, or how, changes
PROGRESS_STEP = 512


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors, one row per text."""

    model_id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def load_encoder(settings: ModelSettings) -> Encoder:
    """The configured encoder; if ONNX Runtime cannot export or load the model, sentence-transformers."""
    start = time.perf_counter()
    folder = model_folder(settings.name)
    encoder: Encoder | None = None
    if settings.backend == "onnx":
        try:
            from retrieval.qa import onnx_encoder

            encoder = onnx_encoder.load(folder, settings.cache_dir, settings.threads, settings.batch_size)
        except Exception as exc:  # any failure of the fast path must leave the reference path working
            _log.warning("ONNX encoder unavailable (%s: %s); using sentence-transformers instead",
                         type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
            _log.debug("ONNX failure", exc_info=True)
    if encoder is None:
        encoder = SentenceTransformerEncoder(folder, settings.cache_dir, settings.batch_size)
    _log.info("model %s (%s) loaded in %.2fs", settings.name, type(encoder).__name__, time.perf_counter() - start)
    return encoder


class SentenceTransformerEncoder:
    """The reference encoder: sentence-transformers on CPU, offline."""

    def __init__(self, folder: Path, cache_dir: Path | None = None, batch_size: int = 16):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(str(folder), device="cpu")
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the embedding model from {folder}: {exc}") from exc
        self.model_id = model_fingerprint(folder, cache_dir)
        self.dictionary = dictionary_words(folder)
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vecs = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False, batch_size=self.batch_size)
        return np.asarray(vecs, dtype=np.float32)


class EmbeddingCache:
    """Embeddings of a fixed list of texts, keyed by the model's content hash and the texts' hash, stored
    with a checksum of the values so a damaged or altered file is rebuilt rather than trusted."""

    def __init__(self, directory: str | Path | None):
        self.directory = Path(directory) if directory else None

    def path_for(self, model_id: str, texts: Sequence[str]) -> Path | None:
        if self.directory is None:
            return None
        digest = hashlib.sha256("\x1e".join(texts).encode()).hexdigest()[:24]
        return self.directory / f"emb-v{CACHE_VERSION}-{model_id}-{digest}.npz"

    def embed(self, encoder: Encoder, texts: Sequence[str],
              progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Return the cached matrix when it is valid, else encode each distinct text once (reporting
        progress(done, total) after each step of PROGRESS_STEP texts), store and return it."""
        path = self.path_for(encoder.model_id, texts)
        cached = self._read(path, len(texts))
        if cached is not None:
            return cached
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        # each distinct text once (a sentence that is also its paragraph, a repeated line), shortest first so
        # that the encoder's batches hold texts of like length
        unique = sorted(dict.fromkeys(texts), key=len)
        parts = []
        for start in range(0, len(unique), PROGRESS_STEP):
            parts.append(encoder.encode(unique[start:start + PROGRESS_STEP]))
            if progress:
                progress(min(start + PROGRESS_STEP, len(unique)), len(unique))
        row = {text: i for i, text in enumerate(unique)}
        vecs = np.concatenate(parts).astype(np.float32, copy=False)[[row[t] for t in texts]]
        self._write(path, vecs)
        return vecs

    @staticmethod
    def _read(path: Path | None, rows: int) -> np.ndarray | None:
        if path is None or not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                vecs, checksum = data["vecs"], str(data["sha256"])
        except (OSError, ValueError, EOFError, KeyError) as exc:
            _log.warning("embedding cache %s is unreadable (%s); rebuilding it", path, exc)
            return None
        if (vecs.ndim != 2 or vecs.shape[0] != rows or vecs.dtype != np.float32
                or checksum != _checksum(vecs)):
            _log.warning("embedding cache %s has the wrong shape or values; rebuilding it", path)
            return None
        return vecs

    @staticmethod
    def _write(path: Path | None, vecs: np.ndarray) -> None:
        if path is None:
            return
        buffer = io.BytesIO()
        np.savez(buffer, vecs=vecs, sha256=np.array(_checksum(vecs)))
        atomic_write(path, buffer.getvalue())


def _checksum(vecs: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(vecs).tobytes()).hexdigest()
