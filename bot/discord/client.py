"""The discord.py client: start-up and wiring (one cog per feature: asking, quotes, info, votes, server settings,
channel articles), the command tree's gate (the cooldown for commands that rank, one error handler), and the one
send path `deliver`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Hashable

import discord
from discord import app_commands
from discord.ext import commands

from .. import responses as r
from ..config import Settings
from ..cooldown import Cooldown
from ..library import Library
from ..router import Router
from ..store import LazyStore
from ..wiring import library_around
from . import render as dr
from .articles import ChannelArticles
from .asking import APOLOGY, Asking, cooldown_text
from .daemon import in_daemon_thread
from .info import Info
from .quoting import Quotes
from .server_settings import ServerSettings
from .views import VoteButton
from .voting import Votes

_log = logging.getLogger(__name__)


def intents(settings: Settings) -> discord.Intents:
    """Guilds, guild and DM messages; message content only when configured (ask channels and follow-ups in
    threads without a mention need it; mentions, replies and DMs carry content anyway)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = settings.discord.message_content_intent
    return wanted


class ArticleTree(app_commands.CommandTree):
    """Gates shared by every slash command: the per-user cooldown (only for commands that rank) and
    one error handler (logged with traceback, the user gets a private apology)."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        command = interaction.command
        if interaction.type is not discord.InteractionType.application_command or command is None:
            return True
        if not command.extras.get("ranks"):
            return True
        wait = self.client.cooldown.retry_after(interaction.user.id)
        if wait:
            await self.client.deliver(interaction, r.ErrorResponse(cooldown_text(wait), "cooldown"))
        return not wait

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        _log.error("command %s failed", getattr(interaction.command, "name", "?"),
                   exc_info=(type(original), original, original.__traceback__))
        try:
            await self.client.deliver(interaction, r.ErrorResponse(APOLOGY, "internal"))
        except discord.HTTPException:
            _log.warning("could not send the apology for interaction %s", interaction.id)


class ArticleBotMixin:
    """Behaviour shared by the plain and the auto-sharded client."""

    def _init_article_bot(self, loader: Callable[[], Library | Router | None], settings: Settings,
                          guild_id: int | None, store: LazyStore | None) -> None:
        self.loader = loader
        self.settings = settings
        self.guild_id = guild_id
        self.store = store
        self._router: Router | None = None
        self.library: Library | None = None
        self.cooldown = Cooldown(settings.discord.cooldown_rate, settings.discord.cooldown_seconds)
        self.asking = Asking(self)
        self.votes = Votes(self)
        self.server_settings = ServerSettings(self)
        self.channel_articles = ChannelArticles(self)

    @property
    def router(self) -> Router:
        """The default article's Router."""
        if self._router is None:
            raise RuntimeError("router used before setup_hook loaded it")
        return self._router

    async def router_for(self, interaction: discord.Interaction) -> Router:
        """The Router of the article discussed where an interaction happened."""
        return await self.channel_articles.router_for(interaction.guild_id, interaction.channel,
                                                      interaction.channel_id)

    async def setup_hook(self) -> None:
        """Register the cogs and vote buttons, load the model and index off the event loop, sync the dev guild."""
        for cog in (self.asking, Quotes(self), Info(self), self.server_settings, self.channel_articles, self.votes):
            await self.add_cog(cog)
        self.add_dynamic_items(VoteButton)
        loaded = await in_daemon_thread(self.loader)
        if loaded is not None:
            self.library = loaded if isinstance(loaded, Library) else library_around(loaded, self.settings)
            self._router = self.library.default
        if self.guild_id:
            guild = discord.Object(id=self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            _log.info("synced %d commands to guild %s", len(synced), self.guild_id)

    async def close(self) -> None:
        await super().close()
        if self.store is not None:
            await asyncio.to_thread(self.store.close)

    async def on_ready(self) -> None:
        _log.info("logged in as %s (%s) in %d guilds", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: the Asking cog's listener answers messages."""

    # the one way out ------------------------------------------------------------------------------------
    async def deliver(self, target: discord.Interaction | discord.Message, response: r.Response,
                      conversation: Hashable | None = None, where: discord.abc.Messageable | None = None,
                      router: Router | None = None) -> None:
        """Errors as plain text (private for interactions); everything else as an embed, answers with their
        passage pager and 👍/👎 buttons (logged first, so the votes have an id); the sent answer joins the
        conversation, so a reply to it is a follow-up."""
        if isinstance(response, r.ErrorResponse):
            await self._send_error(target, dr.error_text(response), where)
            return
        router = router or self.router
        view = await self.votes.answer_view(target, response, router.article.sha256)
        extra = {"view": view} if view else {}
        embed = dr.response_embed(response)
        if isinstance(target, discord.Message):
            if where is not None and where.id != target.channel.id:
                sent = await where.send(embed=embed, allowed_mentions=dr.NO_PINGS, **extra)
            else:
                sent = await target.reply(embed=embed, mention_author=False, allowed_mentions=dr.NO_PINGS, **extra)
        elif target.response.is_done():
            sent = await target.followup.send(embed=embed, wait=True, allowed_mentions=dr.NO_PINGS, **extra)
        else:
            callback = await target.response.send_message(embed=embed, allowed_mentions=dr.NO_PINGS, **extra)
            sent = callback.resource if isinstance(callback.resource, discord.InteractionMessage) else None
        if view and sent is not None:
            view.message = sent
            self.votes.remember(sent.id, view)
        if sent is not None and conversation is not None and router.conversations is not None:
            router.conversations.link(("reply", sent.id), conversation)

    async def _send_error(self, target: discord.Interaction | discord.Message, text: str,
                          where: discord.abc.Messageable | None) -> None:
        if isinstance(target, discord.Message):
            if where is not None and where.id != target.channel.id:
                await where.send(text, allowed_mentions=dr.NO_PINGS)
            else:
                await target.reply(text, mention_author=False, allowed_mentions=dr.NO_PINGS)
        elif target.response.is_done():
            await target.followup.send(text, ephemeral=True, allowed_mentions=dr.NO_PINGS)
        else:
            await target.response.send_message(text, ephemeral=True, allowed_mentions=dr.NO_PINGS)


def _client_options(settings: Settings) -> dict:
    return {"command_prefix": commands.when_mentioned, "help_command": None, "intents": intents(settings),
            "allowed_mentions": dr.NO_PINGS, "tree_cls": ArticleTree}


class ArticleBot(ArticleBotMixin, commands.Bot):
    def __init__(self, loader: Callable[[], Library | Router | None], settings: Settings, guild_id: int | None = None,
                 store: LazyStore | None = None, **kwargs):
        super().__init__(**_client_options(settings), **kwargs)
        self._init_article_bot(loader, settings, guild_id, store)


class ShardedArticleBot(ArticleBotMixin, commands.AutoShardedBot):
    def __init__(self, loader: Callable[[], Library | Router | None], settings: Settings, guild_id: int | None = None,
                 store: LazyStore | None = None, **kwargs):
        super().__init__(**_client_options(settings), shard_count=settings.discord.shard_count,
                         shard_ids=list(settings.discord.shard_ids) or None, **kwargs)
        self._init_article_bot(loader, settings, guild_id, store)


def create_bot(loader: Callable[[], Library | Router | None], settings: Settings, guild_id: int | None = None,
               store: LazyStore | None = None, **kwargs) -> ArticleBot | ShardedArticleBot:
    """A plain client, or an AutoShardedClient when discord.shard_count > 0."""
    cls = ShardedArticleBot if settings.discord.shard_count > 0 else ArticleBot
    return cls(loader, settings, guild_id, store, **kwargs)
