"""Several articles in one process: the Library's LRU and single builds; the store keeps channel articles and
migrates a version-1 store in place."""

from __future__ import annotations

import contextlib
import threading
import time
from types import SimpleNamespace

import sqlalchemy as sa

from bot import schema
from bot.library import Library
from bot.store import LoggedQuestion, Store, StoredArticle


def fake(sha: str):
    return SimpleNamespace(article=SimpleNamespace(sha256=sha))


def test_lru_keeps_the_default_and_builds_each_article_once():
    built: list[str] = []

    def build(article, progress):
        built.append(article.sha256)
        time.sleep(0.05)
        return fake(article.sha256)

    library = Library(fake("default"), 3, build)
    assert library.load(fake("default").article) is library.default and built == []
    threads = [threading.Thread(target=library.load, args=(fake("a").article,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == ["a"], "concurrent askers wait for one build"
    library.load(fake("b").article)
    library.get("a")  # a is now the most recently used
    library.load(fake("c").article)
    assert library.loaded() == ["default", "a", "c"] and library.get("b") is None
    library.load(fake("b").article)
    assert built == ["a", "b", "c", "b"]


def test_channel_articles_and_a_version_1_store_migrated(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # a store as version 1 left it, with one question logged
        schema.metadata.create_all(conn, tables=[schema.meta])
        conn.execute(sa.text("CREATE TABLE questions (id INTEGER PRIMARY KEY, asked_at DATETIME NOT NULL, guild_id "
                             "BIGINT, channel_id BIGINT, user_hash VARCHAR(64) NOT NULL, question TEXT NOT NULL, "
                             "normalized TEXT NOT NULL, abstained BOOLEAN NOT NULL, citations TEXT NOT NULL, "
                             "context_used BOOLEAN NOT NULL)"))
        schema.metadata.create_all(conn, tables=[schema.votes, schema.guild_settings])
        conn.execute(sa.text("INSERT INTO questions VALUES (1, '2026-12-01 10:00:00', 1, 2, 'u', 'old?', 'old', 0, "
                             "'[]', 0)"))
        conn.execute(schema.meta.insert(), [{"key": "user_salt", "value": "s"},
                                            {"key": "schema_version", "value": "1"}])
    engine.dispose()
    with contextlib.closing(Store(url)) as store:
        assert store.report(3650).questions == 1
        article = StoredArticle("abc", "https://example.org/a", "text/html", b"<html>...</html>")
        store.save_channel_article(10, 1, article, "Headline")
        store.save_channel_article(11, 1, article, "Headline")
        assert store.channel_article(10) == article and store.channel_article(12) is None
        store.record_questions([LoggedQuestion("new?", False, (1,), 5, 1, 10, article="abc")])
        assert store.report(3650, article="abc").questions == 1 and store.report(3650).questions == 2
