"""The question log, feedback votes and per-server settings, behind SQLAlchemy Core (SQLite or PostgreSQL).

The only module that knows SQL. Everything here is blocking: the Discord layer calls it through
asyncio.to_thread. Privacy: a question's text, its citations and the guild/channel ids are stored; users only
as a salted hash of their id (the salt is random per store and never leaves it); nothing else of a message.
The schema is versioned: MIGRATIONS run in order at start, each once, recorded in `meta`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .errors import StoreError
from .schema import MIGRATIONS, article_texts, channel_articles, guild_settings, meta, metadata, questions, votes

_log = logging.getLogger(__name__)
SQLITE_BUSY_TIMEOUT_MS = 5000
VOTE_ROWS_PER_STATEMENT = 500  # under SQLite's 32,766 bound parameters per statement

class UnknownAnswer(LookupError):
    """A vote for an answer the store does not know (purged, or never ours)."""


@dataclass(frozen=True)
class LoggedQuestion:
    question: str
    abstained: bool
    citations: tuple[int, ...]
    user_id: int
    guild_id: int | None = None
    channel_id: int | None = None
    context_used: bool = False
    at: dt.datetime | None = None
    article: str | None = None  # the article's content hash


@dataclass(frozen=True)
class StoredArticle:
    """An article a user set for a channel, as it was read: its bytes, where from, and their type."""

    sha256: str
    source: str
    content_type: str
    raw: bytes


@dataclass(frozen=True)
class GuildSettings:
    answer_in_threads: bool = False
    ask_channels: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Report:
    since_days: float
    questions: int
    declined: int
    most_asked: list[tuple[str, int]] = field(default_factory=list)
    most_declined: list[tuple[str, int]] = field(default_factory=list)
    downvoted: list[dict] = field(default_factory=list)
    per_day: list[tuple[str, int, int]] = field(default_factory=list)


def normalize(question: str) -> str:
    """Case, punctuation and spacing folded, so the same question asked twice counts once."""
    return " ".join(re.sub(r"[^\w\s]", " ", question.casefold()).split())


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'article-bot.db'}"


class Store:
    def __init__(self, url: str, retention_days: float = 0):
        self.url = url
        self.retention_days = retention_days
        try:
            self.engine = _engine(url)
            self._salt = self._migrate()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store at {_safe(url)}: {_reason(exc)}") from exc
        if retention_days:
            self.purge()

    def _migrate(self) -> str:
        with self.engine.begin() as conn:
            metadata.create_all(conn, tables=[meta])
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
            version = int(row[0]) if row else 0
            for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
                step(conn)
                _log.info("store schema migrated to version %d", number)
            if version < len(MIGRATIONS):
                _upsert(conn, meta, {"key": "schema_version", "value": str(len(MIGRATIONS))}, ["key"], ["value"])
            return conn.execute(sa.select(meta.c.value).where(meta.c.key == "user_salt")).scalar_one()

    def user_hash(self, user_id: int) -> str:
        return hashlib.sha256(f"{self._salt}:{user_id}".encode()).hexdigest()[:32]

    def record_question(self, question: str, abstained: bool, citations: tuple[int, ...], user_id: int,
                        guild_id: int | None = None, channel_id: int | None = None, context_used: bool = False,
                        at: dt.datetime | None = None) -> int:
        """Log one question and what the bot did with it; returns its id (the answer's id for votes)."""
        return self.record_questions([LoggedQuestion(question, abstained, citations, user_id, guild_id, channel_id,
                                                     context_used, at)])[0]

    def record_questions(self, batch: list[LoggedQuestion]) -> list[int]:
        """Log many questions in one transaction; their ids, in order."""
        if not batch:
            return []
        rows = [{"asked_at": q.at or _now(), "guild_id": q.guild_id, "channel_id": q.channel_id,
                 "user_hash": self.user_hash(q.user_id), "question": q.question, "normalized": normalize(q.question),
                 "abstained": q.abstained, "citations": json.dumps(list(q.citations)),
                 "context_used": q.context_used, "article": q.article} for q in batch]
        stmt = questions.insert().returning(questions.c.id, sort_by_parameter_order=True)
        with self._begin() as conn:
            return [int(i) for i in conn.execute(stmt, rows).scalars()]

    def record_vote(self, question_id: int, user_id: int, up: bool) -> tuple[int, int]:
        """A user's 👍 or 👎 on an answer (a second vote replaces the first); returns the new (up, down)."""
        counts = self.record_votes([(question_id, user_id, up)])[0]
        if counts is None:
            raise UnknownAnswer(question_id)
        return counts

    def record_votes(self, batch: list[tuple[int, int, bool]]) -> list[tuple[int, int] | None]:
        """Many (question_id, user_id, up) votes in one transaction, in order (a user's later vote on the
        same answer wins); for each, the answer's (up, down) afterwards, or None for an unknown answer."""
        if not batch:
            return []
        latest = {(qid, self.user_hash(uid)): up for qid, uid, up in batch}
        now = _now()
        with self._begin() as conn:
            ids = {qid for qid, _ in latest}
            known = set(conn.execute(sa.select(questions.c.id).where(questions.c.id.in_(ids))).scalars())
            rows = [{"question_id": qid, "user_hash": user, "value": 1 if up else -1, "voted_at": now}
                    for (qid, user), up in latest.items() if qid in known]
            for start in range(0, len(rows), VOTE_ROWS_PER_STATEMENT):
                _upsert(conn, votes, rows[start:start + VOTE_ROWS_PER_STATEMENT], ["question_id", "user_hash"],
                        ["value", "voted_at"])
            counts = {qid: _counts(conn, qid) for qid in known}
        return [counts.get(qid) for qid, _, _ in batch]

    def vote_counts(self, question_id: int) -> tuple[int, int]:
        with self._begin() as conn:
            return _counts(conn, question_id)

    def guild_settings(self, guild_id: int) -> GuildSettings:
        with self._begin() as conn:
            row = conn.execute(sa.select(guild_settings).where(guild_settings.c.guild_id == guild_id)).first()
        if row is None:
            return GuildSettings()
        return GuildSettings(row.answer_in_threads, frozenset(json.loads(row.ask_channels)))

    def save_guild_settings(self, guild_id: int, settings: GuildSettings) -> None:
        with self._begin() as conn:
            _upsert(conn, guild_settings, {"guild_id": guild_id, "answer_in_threads": settings.answer_in_threads,
                                           "ask_channels": json.dumps(sorted(settings.ask_channels))},
                    ["guild_id"], ["answer_in_threads", "ask_channels"])

    def save_channel_article(self, channel_id: int, guild_id: int | None, article: StoredArticle,
                             headline: str) -> None:
        """Keep an article's bytes (once per content) and make it the channel's article."""
        now = _now()
        with self._begin() as conn:
            _upsert(conn, article_texts, {"sha256": article.sha256, "source": article.source, "raw": article.raw,
                                          "content_type": article.content_type, "headline": headline,
                                          "added_at": now}, ["sha256"], ["source"])
            _upsert(conn, channel_articles, {"channel_id": channel_id, "guild_id": guild_id,
                                             "sha256": article.sha256, "set_at": now}, ["channel_id"],
                    ["sha256", "set_at"])

    def channel_article(self, channel_id: int) -> StoredArticle | None:
        """The article set for a channel, or None when it discusses the default one."""
        with self._begin() as conn:
            row = conn.execute(sa.select(article_texts).join(
                channel_articles, channel_articles.c.sha256 == article_texts.c.sha256)
                .where(channel_articles.c.channel_id == channel_id)).first()
        return StoredArticle(row.sha256, row.source, row.content_type, bytes(row.raw)) if row else None

    def purge(self) -> int:
        """Delete questions (and their votes) older than retention_days; returns how many went."""
        if not self.retention_days:
            return 0
        cutoff = _now() - dt.timedelta(days=self.retention_days)
        with self._begin() as conn:
            old = sa.select(questions.c.id).where(questions.c.asked_at < cutoff)
            conn.execute(votes.delete().where(votes.c.question_id.in_(old)))
            gone = conn.execute(questions.delete().where(questions.c.asked_at < cutoff)).rowcount
        if gone:
            _log.info("purged %d questions older than %s days", gone, self.retention_days)
        return gone

    def report(self, since_days: float = 30, limit: int = 10, article: str | None = None) -> Report:
        """What readers asked since `since_days` ago (about one article, given its hash): most asked, most
        declined, voted down, per day."""
        since = _now() - dt.timedelta(days=since_days)
        recent = questions.c.asked_at >= since
        if article:
            recent = sa.and_(recent, questions.c.article == article)
        count = sa.func.count().label("n")
        with self._begin() as conn:
            total = conn.execute(sa.select(sa.func.count()).where(recent)).scalar_one()
            declined = conn.execute(sa.select(sa.func.count()).where(recent, questions.c.abstained)).scalar_one()
            asked = _grouped(conn, sa.select(questions.c.normalized, count).where(recent), limit)
            refused = _grouped(conn, sa.select(questions.c.normalized, count).where(recent, questions.c.abstained),
                               limit)
            score = sa.func.sum(votes.c.value).label("score")
            down = conn.execute(
                sa.select(questions.c.id, questions.c.question, questions.c.citations, score,
                          sa.func.sum(sa.case((votes.c.value < 0, 1), else_=0)).label("down"))
                .join(votes, votes.c.question_id == questions.c.id).where(recent)
                .group_by(questions.c.id, questions.c.question, questions.c.citations)
                .having(sa.func.sum(sa.case((votes.c.value < 0, 1), else_=0)) > 0)
                .order_by(score, questions.c.id).limit(limit)).all()
            days = conn.execute(sa.select(questions.c.asked_at, questions.c.abstained).where(recent)).all()
        per_day: dict[str, list[int]] = {}
        for at, abstained in days:
            tally = per_day.setdefault(_as_utc(at).date().isoformat(), [0, 0])
            tally[0] += 1
            tally[1] += bool(abstained)
        return Report(since_days, total, declined, asked, refused,
                      [{"question": r.question, "citations": json.loads(r.citations), "score": int(r.score),
                        "down": int(r.down)} for r in down],
                      [(day, n, d) for day, (n, d) in sorted(per_day.items())])

    def close(self) -> None:
        self.engine.dispose()

    def _begin(self):
        return _Guarded(self.engine, self.url)


class _Guarded:
    """engine.begin() whose database errors become StoreError (one line, the URL without its password)."""

    def __init__(self, engine: sa.Engine, url: str):
        self._cm = engine.begin()
        self.url = url

    def __enter__(self) -> sa.Connection:
        try:
            return self._cm.__enter__()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"store at {_safe(self.url)} is unavailable: {_reason(exc)}") from exc

    def __exit__(self, *exc_info) -> bool:
        try:
            self._cm.__exit__(*exc_info)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"store at {_safe(self.url)} failed: {_reason(exc)}") from exc
        if isinstance(exc_info[1], sa.exc.SQLAlchemyError):
            raise StoreError(f"store at {_safe(self.url)} failed: {_reason(exc_info[1])}") from exc_info[1]
        return False


def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        parsed = sa.engine.make_url(url)
        path = parsed.database
        # A SQLite URI ("file:…?mode=ro&uri=true") names an existing file; only a plain path gets its folder made.
        if path and path != ":memory:" and parsed.query.get("uri") != "true":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at checkpoints, no fsync per vote
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _upsert(conn: sa.Connection, table: sa.Table, rows: dict | list[dict], keys: list[str], update: list[str]) -> None:
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(table).values(rows)
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_={c: stmt.excluded[c] for c in update}))


def _counts(conn: sa.Connection, question_id: int) -> tuple[int, int]:
    rows = conn.execute(sa.select(votes.c.value, sa.func.count()).where(votes.c.question_id == question_id)
                        .group_by(votes.c.value)).all()
    tally = {value: n for value, n in rows}
    return tally.get(1, 0), tally.get(-1, 0)


def _grouped(conn: sa.Connection, select: sa.Select, limit: int) -> list[tuple[str, int]]:
    rows = conn.execute(select.group_by(questions.c.normalized)
                        .order_by(sa.desc("n"), questions.c.normalized).limit(limit)).all()
    return [(text, int(n)) for text, n in rows]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _as_utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _safe(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid url>"


def _reason(exc: BaseException) -> str:
    return (str(getattr(exc, "orig", None) or exc).splitlines() or ["unknown error"])[0]


class LazyStore:
    """The store for a long-running process: opened on first use, and opened again after a failure (at most
    every retry_seconds), so the bot starts and answers while the database is away."""

    def __init__(self, url: str, retention_days: float = 0, retry_seconds: float = 30.0,
                 clock: Callable[[], float] = time.monotonic):
        self.url, self.retention_days, self.retry_seconds, self.clock = url, retention_days, retry_seconds, clock
        self._store: Store | None = None
        self._failed_at: float | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        with self._lock:
            if self._store is not None:
                return self._store
            if self._failed_at is not None and self.clock() - self._failed_at < self.retry_seconds:
                raise StoreError(f"store at {_safe(self.url)} is unavailable (retrying in "
                                 f"{self.retry_seconds - (self.clock() - self._failed_at):.0f}s)")
            try:
                self._store = Store(self.url, self.retention_days)
            except StoreError:
                self._failed_at = self.clock()
                raise
            return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
