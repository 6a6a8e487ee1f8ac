"""The discord.py client: start-up, the command tree's gates, where messages are answered (mentions, DMs,
replies, the bot's threads, ask channels), conversations, the question log, votes, and one send path."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from .. import responses as r
from ..batcher import Batcher
from ..config import Settings
from ..cooldown import Cooldown
from ..library import Library
from ..router import Router
from ..store import GuildSettings, LazyStore, LoggedQuestion, StoreError
from ..wiring import library_around
from . import render as dr
from .articles import ChannelArticles
from .commands import ArticleCommands
from .daemon import in_daemon_thread
from .views import AnswerView, VoteButton, is_vote, set_vote_counts

_log = logging.getLogger(__name__)
T = TypeVar("T")
APOLOGY = "Sorry, something went wrong on my side. The error was logged; please try again later."
UNREADABLE_REPLY = ("I can't read replies that don't mention me. Keep the @mention on your reply, mention me, "
                    "or use /ask.")
VOTE_NOT_SAVED = "Sorry, I couldn't save your vote right now; please try again later."
VOTE_UNKNOWN = "I no longer keep that answer (it is older than my log, or not one of mine), so it can't take votes."
THREAD_NAME_MAX = 100
SETTINGS_TTL = 30.0
LIVE_VIEWS_MAX = 2000


def intents(settings: Settings) -> discord.Intents:
    """Guilds, guild and DM messages; message content only when configured (ask channels and follow-ups in
    threads without a mention need it; mentions, replies and DMs carry content anyway)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = settings.discord.message_content_intent
    return wanted


def cooldown_text(wait: float) -> str:
    return f"You're going a bit fast. Try again in {wait:.0f}s." if wait >= 1 else "Try again in a moment."


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
        self.channel_articles = ChannelArticles(self)
        self.asker: Batcher = Batcher(self._answer_batch)
        self.voter: Batcher | None = Batcher(self._vote_batch, max_batch=1000) if store else None
        self.logger: Batcher = Batcher(lambda rows: self.store.get().record_questions(rows), max_batch=1000)
        self.cooldown = Cooldown(settings.discord.cooldown_rate, settings.discord.cooldown_seconds)
        self.live_views: OrderedDict[int, AnswerView] = OrderedDict()
        self._guild_settings: dict[int, tuple[float, GuildSettings]] = {}

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
        """Register commands and vote buttons, load the model and index off the event loop, sync the dev guild."""
        await self.add_cog(ArticleCommands(self))
        await self.add_cog(self.channel_articles)
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

    # questions --------------------------------------------------------------------------------------------
    def _answer_batch(self, items: list[tuple[str, Hashable | None, Router]]) -> list[r.Response]:
        """Questions asked at once, answered in one batch per article."""
        out: dict[int, r.Response] = {}
        for router in {id(router): router for _, _, router in items}.values():
            mine = [i for i, item in enumerate(items) if item[2] is router]
            for i, response in zip(mine, router.answer_many([items[i][0] for i in mine], [items[i][1] for i in mine]),
                                   strict=True):
                out[i] = response
        return [out[i] for i in range(len(items))]

    async def ask(self, question: str, conversation: Hashable | None = None, router: Router | None = None
                  ) -> r.Response:
        """A question that passed check_question, answered through the batcher (one encoder call for all)."""
        return await self.asker.submit((question, conversation, router or self.router))

    def interaction_conversation(self, interaction: discord.Interaction) -> Hashable | None:
        """/ask in a DM or in one of the bot's threads continues that conversation."""
        channel = interaction.channel
        if interaction.guild_id is None and interaction.channel_id is not None:
            return ("dm", interaction.channel_id)
        if isinstance(channel, discord.Thread) and self.user and channel.owner_id == self.user.id:
            return ("thread", channel.id)
        return None

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return
        try:
            route = await self._route(message)
            if route is not None:
                await self._answer_message(message, *route)
        except Exception:
            _log.exception("failed to answer message %s", message.id)
            await self.deliver(message, r.ErrorResponse(APOLOGY, "internal"))

    async def _route(self, message: discord.Message) -> tuple[Hashable, discord.abc.Messageable] | None:
        """Whether to answer a message, in which conversation, and where: None to stay silent."""
        channel = message.channel
        if message.guild is None:
            return ("dm", channel.id), channel
        if isinstance(channel, discord.Thread) and channel.owner_id == self.user.id:
            return ("thread", channel.id), channel
        ref = message.reference.resolved if message.reference else None
        if isinstance(ref, discord.Message) and ref.author.id == self.user.id:
            return ("reply", ref.id), channel
        mentioned = any(u.id == self.user.id for u in message.mentions)
        settings = await self.guild_settings(message.guild.id)
        if mentioned and settings.answer_in_threads and isinstance(channel, discord.TextChannel):
            text = self._strip_mention(message.content) or "Question"
            thread = await message.create_thread(name=dr.clip(text, THREAD_NAME_MAX), auto_archive_duration=1440)
            return ("thread", thread.id), thread
        if mentioned or channel.id in settings.ask_channels:
            return ("message", message.id), channel
        return None

    def _strip_mention(self, content: str) -> str:
        return re.sub(rf"<@!?{self.user.id}>", " ", content).strip()

    async def _answer_message(self, message: discord.Message, conversation: Hashable,
                              where: discord.abc.Messageable) -> None:
        text = self._strip_mention(message.content)
        router = await self.channel_articles.router_for(message.guild.id if message.guild else None, where,
                                                        where.id)
        if not text:
            mentioned = any(u.id == self.user.id for u in message.mentions)
            if message.guild is None or mentioned:
                await self.deliver(message, router.help(), where=where)
            elif conversation[0] == "reply":
                await self.deliver(message, r.ErrorResponse(UNREADABLE_REPLY, "usage"), where=where)
            return
        command, argument = router.parse(text)
        if command != "ask":
            await self.deliver(message, await asyncio.to_thread(router.handle, text), where=where, router=router)
            return
        wait = self.cooldown.retry_after(message.author.id)
        if wait:
            await self.deliver(message, r.ErrorResponse(cooldown_text(wait), "cooldown"), where=where)
            return
        error = router.check_question(argument)
        if error:
            await self.deliver(message, error, where=where)
            return
        async with where.typing():
            response = await self.ask(argument, conversation, router)
        await self.deliver(message, response, conversation, where, router)

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
        view = await self._answer_view(target, response, router.article.sha256)
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
            self._remember_view(sent.id, view)
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

    async def _answer_view(self, target: discord.Interaction | discord.Message, response: r.Response,
                           article: str) -> AnswerView | None:
        if not isinstance(response, r.AnswerResponse):
            return None
        logged = await self._log_question(target, response, article)
        answer_id = None if response.answer.abstained else logged
        if answer_id is None and len(response.answer.passages) <= 1:
            return None
        owner = target.author.id if isinstance(target, discord.Message) else target.user.id
        return AnswerView(response.answer, owner, self.settings.discord.view_timeout, answer_id)

    async def _log_question(self, target: discord.Interaction | discord.Message, response: r.AnswerResponse,
                            article: str) -> int | None:
        if self.store is None:
            return None
        a = response.answer
        if isinstance(target, discord.Message):
            who, guild, channel = target.author.id, target.guild.id if target.guild else None, target.channel.id
        else:
            who, guild, channel = target.user.id, target.guild_id, target.channel_id
        try:
            return await self.logger.submit(LoggedQuestion(a.question, a.abstained, a.citations, who, guild, channel,
                                                           a.context_used, article=article))
        except StoreError as exc:
            _log.warning("question not logged: %s", exc)
            return None

    def _remember_view(self, message_id: int, view: AnswerView) -> None:
        self.live_views[message_id] = view
        while len(self.live_views) > LIVE_VIEWS_MAX:
            self.live_views.popitem(last=False)

    # votes ------------------------------------------------------------------------------------------------
    def _vote_batch(self, votes: list[tuple[int, int, bool]]) -> list[tuple[int, int] | None]:
        return self.store.get().record_votes(votes)

    async def vote(self, interaction: discord.Interaction, answer_id: int, up: bool,
                   fallback: discord.ui.View | None) -> None:
        """Record a click on 👍/👎 (one vote per user and answer, changeable) and show the new counts."""
        if self.voter is None:
            await self._send_error(interaction, VOTE_NOT_SAVED, None)
            return
        try:
            counts = await self.voter.submit((answer_id, interaction.user.id, up))
        except StoreError as exc:
            _log.warning("vote not saved: %s", exc)
            await self._send_error(interaction, VOTE_NOT_SAVED, None)
            return
        if counts is None:
            await self._send_error(interaction, VOTE_UNKNOWN, None)
            return
        message_id = interaction.message.id if interaction.message else None
        view = self.live_views.get(message_id) if message_id else None
        if view is None or view.is_finished():
            view = fallback
            for item in view.children if view else ():
                if not is_vote(item):
                    item.disabled = True  # a pager from before a restart or a timeout has no one behind it
        if view is None:
            await interaction.response.defer()
            return
        set_vote_counts(view, answer_id, *counts)
        await interaction.response.edit_message(view=view)

    # per-server settings ----------------------------------------------------------------------------------
    async def guild_settings(self, guild_id: int) -> GuildSettings:
        cached = self._guild_settings.get(guild_id)
        if cached and time.monotonic() - cached[0] < SETTINGS_TTL:
            return cached[1]
        settings = GuildSettings()
        if self.store is not None:
            try:
                settings = await asyncio.to_thread(lambda: self.store.get().guild_settings(guild_id))
            except StoreError as exc:
                _log.warning("server settings unavailable, using the defaults: %s", exc)
        self._guild_settings[guild_id] = (time.monotonic(), settings)
        return settings

    async def update_guild_settings(self, guild_id: int, answer_in_threads: bool | None,
                                    channel_id: int | None, enabled: bool) -> GuildSettings:
        """Change and save a server's settings; raises StoreError when they cannot be saved."""
        if self.store is None:
            raise StoreError("no store is configured")
        current = await asyncio.to_thread(lambda: self.store.get().guild_settings(guild_id))
        channels = set(current.ask_channels)
        if channel_id is not None:
            (channels.add if enabled else channels.discard)(channel_id)
        new = GuildSettings(current.answer_in_threads if answer_in_threads is None else answer_in_threads,
                            frozenset(channels))
        await asyncio.to_thread(lambda: self.store.get().save_guild_settings(guild_id, new))
        self._guild_settings[guild_id] = (time.monotonic(), new)
        return new


def _client_options(settings: Settings) -> dict:
    return {"command_prefix": commands.when_mentioned, "help_command": None, "intents": intents(settings),
            "allowed_mentions": dr.NO_PINGS, "tree_cls": ArticleTree}


class ArticleBot(ArticleBotMixin, commands.Bot):
    def __init__(self, loader: Callable[[], Router | None], settings: Settings, guild_id: int | None = None,
                 store: LazyStore | None = None, **kwargs):
        super().__init__(**_client_options(settings), **kwargs)
        self._init_article_bot(loader, settings, guild_id, store)


class ShardedArticleBot(ArticleBotMixin, commands.AutoShardedBot):
    def __init__(self, loader: Callable[[], Router | None], settings: Settings, guild_id: int | None = None,
                 store: LazyStore | None = None, **kwargs):
        super().__init__(**_client_options(settings), shard_count=settings.discord.shard_count,
                         shard_ids=list(settings.discord.shard_ids) or None, **kwargs)
        self._init_article_bot(loader, settings, guild_id, store)


def create_bot(loader: Callable[[], Router | None], settings: Settings, guild_id: int | None = None,
               store: LazyStore | None = None, **kwargs) -> ArticleBot | ShardedArticleBot:
    """A plain client, or an AutoShardedClient when discord.shard_count > 0."""
    cls = ShardedArticleBot if settings.discord.shard_count > 0 else ArticleBot
    return cls(loader, settings, guild_id, store, **kwargs)
