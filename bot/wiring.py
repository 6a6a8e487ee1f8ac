"""The one builder: article, encoder, index and quote book made once from Settings and passed in.

The CLI, the Discord bot, the benchmarks and the tests all build their Router here. The encoder (ONNX
Runtime, which releases the GIL while it loads) starts loading in a thread first; the text side's modules
are imported and built meanwhile, which takes a third off a one-shot command's start.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

from retrieval.errors import ModelError
from retrieval.qa.dense import EmbeddingCache, Encoder, load_encoder
from retrieval.qa.model_files import model_folder

from .config import Settings
from .conversation import Conversations
from .progress import Progress

if TYPE_CHECKING:
    from retrieval.article.cleaning import Article
    from retrieval.qa.reader import Reader
    from retrieval.qa.search import ArticleIndex
    from retrieval.quotes.quotebook import QuoteBook

    from .library import Library
    from .router import Router

_log = logging.getLogger(__name__)


def build_reader(settings: Settings) -> Reader | None:
    """The reading model when reader.enabled, or None (logged in one line) when it is off or cannot load."""
    if not settings.reader.enabled:
        return None
    from retrieval.qa.reader import load_reader

    try:
        tokenizer = model_folder(settings.model.name) / "tokenizer.json"
    except ModelError as exc:
        _log.warning("%s; answering with the first stage alone", exc)
        return None
    return load_reader(settings.reader.path, tokenizer, settings.model.threads)


def build_index(settings: Settings, encoder: Encoder | None = None, article: Article | None = None,
                reader: Reader | None = None, progress: Callable[[int, int], None] | None = None) -> ArticleIndex:
    """Index the article with the given (or a freshly loaded) encoder and reader, through the embedding cache."""
    from retrieval.qa.search import ArticleIndex

    from .fetch import load_article

    article = article or load_article(settings.article.path, settings.article)
    encoder = encoder or load_encoder(settings.model)
    reader = reader or build_reader(settings)
    start = time.perf_counter()
    index = ArticleIndex(article, encoder, settings.retrieval, settings.abstention,
                         EmbeddingCache(settings.model.cache_dir),
                         progress or Progress("indexing the article (texts embedded)"),
                         reader=reader, reader_settings=settings.reader)
    _log.info("indexed %d paragraphs in %.2fs", len(article.paragraphs), time.perf_counter() - start)
    return index


def build_router(settings: Settings, with_index: bool = True, encoder: Encoder | None = None,
                 article: Article | None = None, syntax: str = "slash", reader: Reader | None = None,
                 progress: Callable[[int, int], None] | None = None) -> Router:
    """A Router over the article; without the index (and so without loading the model) when not needed."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="encoder") as pool:
        pending = pool.submit(load_encoder, settings.model) if with_index and encoder is None else None
        from .fetch import load_article
        from .router import Router

        article = article or load_article(settings.article.path, settings.article)
        index = (build_index(settings, encoder or pending.result(), article, reader, progress)
                 if with_index else None)
    c = settings.conversation
    return Router(article, index, partial(_quote_book, article), settings.limits.max_question_chars, syntax,
                  Conversations(c.max_turns, c.idle_minutes, c.max_conversations), settings.summary)


def build_library(settings: Settings, syntax: str = "slash") -> Library:
    """The default article's Router in a Library that builds more with the same encoder and reader."""
    return library_around(build_router(settings, syntax=syntax), settings)


def library_around(default: Router, settings: Settings) -> Library:
    """A Library whose other articles share the default Router's encoder and reader (loaded once)."""
    from .library import Library

    index = default.index
    encoder = index.encoder if index is not None else None
    reader = index.reader if index is not None else None
    return Library(default, settings.articles.max_loaded,
                   lambda article, progress: build_router(settings, encoder=encoder, article=article,
                                                          syntax=default.syntax, reader=reader, progress=progress))


def _quote_book(article: Article) -> QuoteBook:
    from retrieval.quotes.quotebook import QuoteBook

    start = time.perf_counter()
    book = QuoteBook(article)
    _log.info("indexed %d quotations in %.2fs", len(book.quotes), time.perf_counter() - start)
    return book


def store_url(settings: Settings) -> str:
    """storage.url, or a SQLite file in the cache folder (the user's data folder when the cache is off)."""
    if settings.storage.url:
        return settings.storage.url
    import platformdirs

    from .store import default_url

    return default_url(settings.model.cache_dir or platformdirs.user_data_path("article-bot"))
