"""The one builder: article, encoder, index and quote book made once from Settings and passed in.

The CLI, the Discord bot, the benchmarks and the tests all build their Router here.
"""

from __future__ import annotations

import logging
import time

from retrieval import article as article_mod
from retrieval.article import Article
from retrieval.dense import EmbeddingCache, Encoder, load_encoder
from retrieval.quotebook import QuoteBook
from retrieval.search import ArticleIndex

from .config import Settings
from .router import Router

_log = logging.getLogger(__name__)


def build_index(settings: Settings, encoder: Encoder | None = None, article: Article | None = None) -> ArticleIndex:
    """Index the article with the given (or a freshly loaded) encoder, through the embedding cache."""
    article = article or article_mod.load(settings.article.path)
    encoder = encoder or load_encoder(settings.model)
    start = time.perf_counter()
    index = ArticleIndex(article, encoder, settings.retrieval, settings.abstention,
                         EmbeddingCache(settings.model.cache_dir))
    _log.info("indexed %d paragraphs in %.2fs", len(article.paragraphs), time.perf_counter() - start)
    return index


def build_router(settings: Settings, with_index: bool = True, encoder: Encoder | None = None,
                 article: Article | None = None) -> Router:
    """A Router over the article; without the index (and so without loading the model) when not needed."""
    article = article or article_mod.load(settings.article.path)
    index = build_index(settings, encoder, article) if with_index else None
    return Router(article, index, QuoteBook(article), settings.limits.max_question_chars)
