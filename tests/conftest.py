"""Shared fixtures: one real model per session, a deterministic fake encoder, the seed article."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bot.config import PROJECT_ROOT, load_settings  # noqa: E402
from bot.wiring import build_router  # noqa: E402
from retrieval import article as article_mod  # noqa: E402
from retrieval.lexical import tokenize  # noqa: E402
from retrieval.quotebook import QuoteBook  # noqa: E402

SEED = PROJECT_ROOT / "seeds" / "000_cd38d57a62c20e13.txt"


class FakeEncoder:
    """Hashing bag-of-words vectors: deterministic, instant, and counts its calls."""

    model_id = "fake-hash-64"

    def __init__(self):
        self.calls = 0
        self.dictionary = frozenset()

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in tokenize(text) or ["empty"]:
                out[row, int(hashlib.md5(tok.encode()).hexdigest(), 16) % 64] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(scope="session")
def settings():
    return load_settings(environ={})


@pytest.fixture(scope="session")
def article():
    return article_mod.load(SEED)


@pytest.fixture(scope="session")
def reference_encoder(settings):
    """sentence-transformers on torch: the reference implementation."""
    from retrieval.dense import SentenceTransformerEncoder, model_folder

    return SentenceTransformerEncoder(model_folder(settings.model.name), settings.model.cache_dir)


@pytest.fixture(scope="session")
def real_encoder(settings):
    """The encoder the product ships with (config default: ONNX Runtime on an export of the same weights)."""
    from retrieval.dense import load_encoder

    return load_encoder(settings.model)


@pytest.fixture(scope="session")
def index(router):
    return router.index


@pytest.fixture(scope="session")
def quotebook(article):
    return QuoteBook(article)


@pytest.fixture(scope="session")
def router(article, real_encoder, settings):
    """Built by the same builder as the CLI and the bot, over the shared article and encoder."""
    return build_router(settings, encoder=real_encoder, article=article)


@pytest.fixture()
def fake_encoder():
    return FakeEncoder()


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def cache_dir(tmp_path, real_encoder, settings) -> Path:
    """A fresh cache folder that already holds the ONNX export (linked), so a subprocess skips the export."""
    (tmp_path / "onnx").symlink_to(settings.model.cache_dir / "onnx", target_is_directory=True)
    return tmp_path
