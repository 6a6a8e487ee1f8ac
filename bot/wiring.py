"""Build the heavy objects (article, encoder, index) once, in the entry point, from Settings."""

from __future__ import annotations

import logging
import time

from retrieval import article as article_mod
from retrieval.dense import EmbeddingCache, Encoder, SentenceTransformerEncoder, model_folder
from retrieval.search import ArticleIndex, SearchSettings

from .config import Settings

_log = logging.getLogger(__name__)


def backend_for(settings: Settings, server: bool) -> str:
    """Resolve model.backend = auto: NumPy for one-shot commands and chat (starts in 0.25 s),
    sentence-transformers for the bot server (twice the throughput on batches of questions)."""
    if settings.model_backend != "auto":
        return settings.model_backend
    return "sentence-transformers" if server else "numpy"


def load_encoder(settings: Settings, server: bool = False) -> Encoder:
    """Load the sentence-embedding model named in settings with the configured backend."""
    start = time.perf_counter()
    backend = backend_for(settings, server)
    if backend == "numpy":
        from retrieval.minilm import NumpyMiniLMEncoder

        encoder: Encoder = NumpyMiniLMEncoder(model_folder(settings.model_name), settings.blas_threads)
    else:
        encoder = SentenceTransformerEncoder(settings.model_name)
    _log.info("model %s (%s) loaded in %.2fs", settings.model_name, backend,
              time.perf_counter() - start)
    return encoder


def build_index(settings: Settings, encoder: Encoder | None = None, search: SearchSettings | None = None,
                server: bool = False) -> ArticleIndex:
    """Load and clean the article, then index it with the given (or a freshly loaded) encoder."""
    article = article_mod.load(settings.article_path)
    encoder = encoder or load_encoder(settings, server)
    start = time.perf_counter()
    index = ArticleIndex(article, encoder, search or settings.search, EmbeddingCache(settings.cache_dir))
    _log.info("indexed %d paragraphs in %.2fs", len(article.paragraphs), time.perf_counter() - start)
    return index
