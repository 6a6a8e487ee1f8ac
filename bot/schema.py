"""The store's tables and their migrations (run in order at start, each once, recorded in `meta`)."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import sqlalchemy as sa

metadata = sa.MetaData()
meta = sa.Table("meta", metadata, sa.Column("key", sa.String(64), primary_key=True),
                sa.Column("value", sa.Text, nullable=False))
questions = sa.Table(
    "questions", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("guild_id", sa.BigInteger), sa.Column("channel_id", sa.BigInteger),
    sa.Column("user_hash", sa.String(64), nullable=False),
    sa.Column("question", sa.Text, nullable=False), sa.Column("normalized", sa.Text, nullable=False, index=True),
    sa.Column("abstained", sa.Boolean, nullable=False), sa.Column("citations", sa.Text, nullable=False),
    sa.Column("context_used", sa.Boolean, nullable=False),
    sa.Column("article", sa.String(64)),  # the article's content hash (schema v2)
)
votes = sa.Table(
    "votes", metadata,
    sa.Column("question_id", sa.BigInteger().with_variant(sa.Integer, "sqlite"),
              sa.ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_hash", sa.String(64), primary_key=True),
    sa.Column("value", sa.SmallInteger, nullable=False), sa.Column("voted_at", sa.DateTime(timezone=True)),
)
guild_settings = sa.Table(
    "guild_settings", metadata, sa.Column("guild_id", sa.BigInteger, primary_key=True),
    sa.Column("answer_in_threads", sa.Boolean, nullable=False),
    sa.Column("ask_channels", sa.Text, nullable=False),
)

article_texts = sa.Table(
    "articles", metadata, sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text, nullable=False), sa.Column("content_type", sa.String(200), nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False), sa.Column("headline", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)
channel_articles = sa.Table(
    "channel_articles", metadata, sa.Column("channel_id", sa.BigInteger, primary_key=True),
    sa.Column("guild_id", sa.BigInteger), sa.Column("sha256", sa.String(64), sa.ForeignKey("articles.sha256"),
                                                    nullable=False),
    sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
)


def _v1(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[questions, votes, guild_settings])
    conn.execute(meta.insert().values(key="user_salt", value=secrets.token_hex(16)))


def _v2(conn: sa.Connection) -> None:
    """One article per channel: the articles users set (their bytes, so a restart needs no network) and which
    channel discusses which; each logged question names its article."""
    metadata.create_all(conn, tables=[article_texts, channel_articles])
    if "article" not in {c["name"] for c in sa.inspect(conn).get_columns("questions")}:
        conn.execute(sa.text("ALTER TABLE questions ADD COLUMN article VARCHAR(64)"))


MIGRATIONS: list[Callable[[sa.Connection], None]] = [_v1, _v2]


