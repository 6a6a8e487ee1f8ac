"""The store on SQLite and on a real PostgreSQL server: log, votes, settings, report, retention, faults."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from bot.batcher import Batcher
from bot.store import GuildSettings, Store, StoreError, UnknownAnswer, normalize


@pytest.fixture()
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


def test_question_log_keeps_no_user_id_or_name(store):
    qid = store.record_question("Who requested the call?", False, (3,), user_id=424242, guild_id=7, channel_id=8)
    with store.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM questions WHERE id = :i"), {"i": qid}).mappings().one()
    assert row["question"] == "Who requested the call?" and row["citations"] == "[3]"
    assert "424242" not in str(dict(row)) and row["user_hash"] == store.user_hash(424242)
    assert store.user_hash(424242) != store.user_hash(424243)


def test_votes_once_per_user_changeable_and_counted(store):
    qid = store.record_question("q", False, (1,), user_id=1)
    assert store.record_vote(qid, 10, up=True) == (1, 0)
    assert store.record_vote(qid, 10, up=True) == (1, 0), "a second identical vote counts once"
    assert store.record_vote(qid, 11, up=False) == (1, 1)
    assert store.record_vote(qid, 10, up=False) == (0, 2), "a changed vote moves"
    assert store.vote_counts(qid) == (0, 2)
    with pytest.raises(UnknownAnswer):
        store.record_vote(qid + 1000, 10, up=True)


async def test_ten_thousand_votes_in_a_burst_lose_none(store):
    """The way the bot writes them: one batcher, a transaction per batch of whatever arrived together."""
    qid = store.record_question("q", False, (1,), user_id=1)
    other = store.record_question("r", False, (2,), user_id=1)
    writer = Batcher(store.record_votes, max_batch=1000)
    votes = [(qid if u % 2 else other, u, u % 3 != 0) for u in range(10_000)] + [(qid + 10_000, 1, True)]
    results = await asyncio.gather(*(writer.submit(v) for v in votes))
    assert results[-1] is None, "an unknown answer is refused, the rest stand"
    for answer in (qid, other):
        users = [u for u in range(10_000) if (u % 2 == 1) == (answer == qid)]
        down = len([u for u in users if u % 3 == 0])
        assert store.vote_counts(answer) == (len(users) - down, down)


def test_concurrent_writers_lose_nothing(store):
    qid = store.record_question("q", False, (1,), user_id=1)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda u: store.record_vote(qid, u, up=u % 3 != 0), range(200)))
    down = len([u for u in range(200) if u % 3 == 0])
    assert store.vote_counts(qid) == (200 - down, down)


def test_settings_persist_across_restarts(store_url):
    first = Store(store_url)
    assert first.guild_settings(5) == GuildSettings()
    first.save_guild_settings(5, GuildSettings(True, frozenset({11, 12})))
    first.close()
    again = Store(store_url)
    assert again.guild_settings(5) == GuildSettings(True, frozenset({11, 12}))
    assert again.user_hash(1) == first.user_hash(1), "the salt is kept in the store"
    again.close()


def test_report(store):
    empty = store.report(30)
    assert (empty.questions, empty.declined, empty.most_asked, empty.downvoted, empty.per_day) == (0, 0, [], [], [])
    for text in ("Who requested the call?", "who requested the call", "WHO REQUESTED THE CALL?!"):
        store.record_question(text, False, (3,), user_id=1)
    lost = store.record_question("What is the capital of France?", True, (), user_id=2)
    store.record_question("Old question", False, (1,), user_id=2,
                          at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
    wrong = store.record_question("When was the summit?", False, (18,), user_id=3)
    store.record_vote(wrong, 1, up=False)
    store.record_vote(wrong, 2, up=False)
    store.record_vote(lost, 3, up=True)
    rep = store.report(30)
    assert rep.questions == 5 and rep.declined == 1
    assert rep.most_asked[0] == ("who requested the call", 3)
    assert rep.most_declined == [("what is the capital of france", 1)]
    assert rep.downvoted == [{"question": "When was the summit?", "citations": [18], "score": -2, "down": 2}]
    assert sum(n for _, n, _ in rep.per_day) == 5 and sum(d for _, _, d in rep.per_day) == 1


def test_retention_purges_old_questions_and_their_votes(store_url):
    store = Store(store_url)
    old = store.record_question("old", False, (1,), user_id=1, at=dt.datetime.now(dt.UTC) - dt.timedelta(days=100))
    store.record_vote(old, 1, up=True)
    store.record_question("new", False, (1,), user_id=1)
    store.close()
    kept = Store(store_url, retention_days=90)
    assert kept.report(365).questions == 1
    with pytest.raises(UnknownAnswer):
        kept.record_vote(old, 2, up=True)
    kept.close()


def test_normalize():
    assert normalize("  Who  REQUESTED the call?!") == "who requested the call"


def test_corrupt_sqlite_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "store.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the store at sqlite:///.*store.db"):
        Store(f"sqlite:///{bad}")


def test_read_only_sqlite_file_refuses_writes_with_a_store_error(tmp_path, monkeypatch):
    path = tmp_path / "store.db"
    Store(f"sqlite:///{path}").close()
    monkeypatch.chdir(tmp_path)
    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert not (tmp_path / "file:").exists()  # a URI is not a folder to create
    assert read_only.guild_settings(1) == GuildSettings()
    with pytest.raises(StoreError, match="failed|unavailable"):
        read_only.record_question("q", False, (), user_id=1)


def test_postgres_that_disappears_mid_run_raises_store_errors_then_recovers(pg_cluster):
    store = Store(pg_cluster.new_database())
    qid = store.record_question("q", False, (1,), user_id=1)
    pg_cluster.stop()
    try:
        with pytest.raises(StoreError, match="unavailable|failed"):
            store.record_vote(qid, 1, up=True)
    finally:
        pg_cluster.start()
    assert store.record_vote(qid, 1, up=True) == (1, 0)
    store.close()


def test_unreachable_server_is_one_line_without_the_password():
    with pytest.raises(StoreError) as err:
        Store("postgresql+psycopg://bot:s3cret@127.0.0.1:9/nowhere")
    assert "s3cret" not in str(err.value) and "\n" not in str(err.value)


def test_sqlite_is_in_wal_mode(tmp_path):
    path = tmp_path / "store.db"
    Store(f"sqlite:///{path}").close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
