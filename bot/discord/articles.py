"""One article per channel: /article shows a channel's article to anyone, and lets members with Manage Server
set it from a URL or an attached file. Threads follow their parent channel; DMs and channels never set
discuss the default article. The choice is kept in the store (the article's bytes with it, so a restart
needs no network); the Routers come from the client's Library, built off the event loop."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from retrieval import article as article_mod
from retrieval.errors import ArticleError

from ..fetch import fetch
from ..store import StoredArticle, StoreError
from . import render as dr
from .store_cache import StoreCache

if TYPE_CHECKING:
    from ..router import Router
    from .services import BotServices

_log = logging.getLogger(__name__)
CHOICE_TTL = 30.0
PROGRESS_EVERY = 2.0


def channel_key(channel: discord.abc.Messageable | None, channel_id: int | None) -> int | None:
    """The channel whose article applies: a thread's parent, else the channel itself."""
    if isinstance(channel, discord.Thread):
        return channel.parent_id
    return channel_id


class ChannelArticles(commands.Cog):
    def __init__(self, bot: BotServices):
        self.bot = bot
        self._choices: StoreCache[int, StoredArticle | None] = StoreCache(
            bot.store, lambda store, channel: store.channel_article(channel), None, CHOICE_TTL, "channel articles")

    async def router_for(self, guild_id: int | None, channel: discord.abc.Messageable | None,
                         channel_id: int | None) -> Router:
        """The Router of the article this channel discusses (built on first use after a start)."""
        library = self.bot.library
        key = channel_key(channel, channel_id)
        stored = await self._choices.get(key) if guild_id is not None and key is not None else None
        if stored is None:
            return library.default
        router = library.get(stored.sha256)
        if router is not None:
            return router
        try:
            return await asyncio.to_thread(lambda: library.load(self._parse(stored.raw, stored.source,
                                                                            stored.content_type)))
        except ArticleError as exc:  # a stored article today's rules refuse: say so in the log, answer the default
            _log.warning("channel %s: stored article %s unusable (%s); using the default", key, stored.source, exc)
            return library.default

    def _parse(self, raw: bytes, source: str, content_type: str) -> article_mod.Article:
        return article_mod.from_bytes(raw, source, self.bot.settings.article.max_bytes, content_type)

    @app_commands.command(name="article", description="This channel's article; Manage Server can set it from a "
                                                      "URL or a file")
    @app_commands.describe(url="A web page or text/Markdown file to discuss in this channel (Manage Server)",
                           file="An article file to discuss in this channel (Manage Server)")
    async def article(self, interaction: discord.Interaction, url: str | None = None,
                      file: discord.Attachment | None = None) -> None:
        if url is None and file is None:
            router = await self.router_for(interaction.guild_id, interaction.channel, interaction.channel_id)
            await self.bot.deliver(interaction, router.about())
            return
        refusal = self._refusal(interaction, url, file)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=dr.NO_PINGS)
            return
        await interaction.response.send_message(f"Reading {dr.clip(dr.safe(url or file.filename), 200)} …",
                                                allowed_mentions=dr.NO_PINGS)
        key = channel_key(interaction.channel, interaction.channel_id)
        edits: list[asyncio.Task] = []
        try:
            stored, article = await (self._from_url(url) if url else self._from_file(file))
            router = await asyncio.to_thread(self.bot.library.load, article, self._progress(interaction, edits))
            await asyncio.gather(*edits, return_exceptions=True)  # no progress line lands after the result
            await asyncio.to_thread(lambda: self.bot.store.get().save_channel_article(
                key, interaction.guild_id, stored, article.headline))
        except ArticleError as exc:
            await self._edit(interaction, f"I couldn't use that article, so this channel keeps its own: {exc}")
            return
        except StoreError as exc:
            _log.warning("channel article not saved: %s", exc)
            await self._edit(interaction, dr.SETTINGS_NOT_SAVED)
            return
        self._choices.put(key, stored)
        a = router.article
        await self._edit(interaction, f"This channel now discusses “{dr.clip(dr.safe(a.headline), 300)}” "
                                      f"({len(a.paragraphs)} paragraphs; {dr.clip(dr.safe(stored.source), 200)}). "
                                      "Threads here follow it; ask with /ask or mention me.")

    def _refusal(self, interaction: discord.Interaction, url: str | None, file: discord.Attachment | None) -> str:
        if interaction.guild_id is None:
            return dr.ARTICLE_IN_DMS
        if not interaction.permissions.manage_guild:
            return dr.ARTICLE_REFUSED
        if url and file:
            return dr.ARTICLE_BOTH
        if self.bot.store is None:
            return dr.ARTICLE_NO_STORE
        limit = self.bot.settings.article.max_bytes
        if file is not None and file.size > limit:
            return f"That file is {file.size:,} bytes; the limit is {limit:,} (article.max_bytes)."
        return ""

    async def _from_url(self, url: str) -> tuple[StoredArticle, article_mod.Article]:
        source = url.strip()

        def read():
            page = fetch(source, self.bot.settings.article)
            article = self._parse(page.raw, source, page.content_type)
            return StoredArticle(article.sha256, source, page.content_type, page.raw), article

        return await asyncio.to_thread(read)

    async def _from_file(self, file: discord.Attachment) -> tuple[StoredArticle, article_mod.Article]:
        try:
            raw = await file.read()
        except (discord.HTTPException, discord.NotFound) as exc:
            raise ArticleError(f"cannot download {file.filename} from Discord ({exc})") from exc
        kind = file.content_type or ""
        article = await asyncio.to_thread(self._parse, raw, file.filename, kind)
        return StoredArticle(article.sha256, file.filename, kind, raw), article

    def _progress(self, interaction: discord.Interaction, edits: list[asyncio.Task]):
        """progress(done, total) from the indexing thread → an edited message, at most every PROGRESS_EVERY s;
        the edits' tasks are collected in `edits`."""
        loop = asyncio.get_running_loop()
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] < PROGRESS_EVERY or done >= total:
                return
            last[0] = now
            text = f"Indexing the article: {done:,} of {total:,} passages read …"
            loop.call_soon_threadsafe(lambda: edits.append(loop.create_task(self._edit(interaction, text))))

        return report

    @staticmethod
    async def _edit(interaction: discord.Interaction, text: str) -> None:
        try:
            await interaction.edit_original_response(content=text, allowed_mentions=dr.NO_PINGS)
        except discord.HTTPException as exc:
            _log.warning("could not edit the /article message: %s", exc)
