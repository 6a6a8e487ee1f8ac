"""The discord.py client: start-up, the command tree's gates, mentions/DMs/replies, and one send path."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
from collections.abc import Callable
from typing import TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from .. import responses as r
from ..batcher import AskBatcher
from ..config import Settings
from ..cooldown import Cooldown
from ..router import Router
from . import render as dr
from .commands import ArticleCommands
from .views import PassagePager

_log = logging.getLogger(__name__)
T = TypeVar("T")
APOLOGY = "Sorry, something went wrong on my side. The error was logged; please try again later."
UNREADABLE_REPLY = ("I can't read replies that don't mention me. Keep the @mention on your reply, mention me, "
                    "or use /ask.")


def intents() -> discord.Intents:
    """Guilds, guild and DM messages; no privileged intents (mentions and DMs carry content anyway)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    return wanted


def cooldown_text(wait: float) -> str:
    return f"You're going a bit fast. Try again in {wait:.0f}s." if wait >= 1 else "Try again in a moment."


async def in_daemon_thread(work: Callable[[], T]) -> T:
    """Run blocking start-up work off the event loop in a daemon thread: unlike asyncio.to_thread, a signal
    during start-up does not have to wait for it (interpreter exit does not join daemon threads)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future = loop.create_future()

    def settle(method, value) -> None:
        if not future.done():
            method(value)

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # handed to the awaiting coroutine, which re-raises it
            outcome = (future.set_exception, exc)
        else:
            outcome = (future.set_result, result)
        with contextlib.suppress(RuntimeError):  # the loop closed while we worked
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=run, name="article-bot-loader", daemon=True).start()
    return await future


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

    def _init_article_bot(self, loader: Callable[[], Router | None], settings: Settings,
                          guild_id: int | None) -> None:
        self.loader = loader
        self.settings = settings
        self.guild_id = guild_id
        self._router: Router | None = None
        self.asker = AskBatcher(lambda questions: self.router.answer_many(questions))
        self.cooldown = Cooldown(settings.discord.cooldown_rate, settings.discord.cooldown_seconds)

    @property
    def router(self) -> Router:
        if self._router is None:
            raise RuntimeError("router used before setup_hook loaded it")
        return self._router

    async def setup_hook(self) -> None:
        """Register the commands, load the model and index off the event loop, sync to the dev guild."""
        await self.add_cog(ArticleCommands(self))
        self._router = await in_daemon_thread(self.loader)
        if self.guild_id:
            guild = discord.Object(id=self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            _log.info("synced %d commands to guild %s", len(synced), self.guild_id)

    async def on_ready(self) -> None:
        _log.info("logged in as %s (%s) in %d guilds", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return
        if not self._addressed(message):
            return
        try:
            await self._answer_message(message)
        except Exception:
            _log.exception("failed to answer message %s", message.id)
            await self.deliver(message, r.ErrorResponse(APOLOGY, "internal"))

    def _mentioned(self, message: discord.Message) -> bool:
        return any(u.id == self.user.id for u in message.mentions)

    def _addressed(self, message: discord.Message) -> bool:
        if message.guild is None or self._mentioned(message):
            return True
        ref = message.reference.resolved if message.reference else None
        return isinstance(ref, discord.Message) and ref.author.id == self.user.id

    async def _answer_message(self, message: discord.Message) -> None:
        text = re.sub(rf"<@!?{self.user.id}>", " ", message.content).strip()
        if not text:
            unreadable = message.guild is not None and not self._mentioned(message)
            await self.deliver(message, r.ErrorResponse(UNREADABLE_REPLY, "usage") if unreadable
                               else self.router.help())
            return
        command, argument = self.router.parse(text)
        if command != "ask":
            await self.deliver(message, await asyncio.to_thread(self.router.handle, text))
            return
        wait = self.cooldown.retry_after(message.author.id)
        if wait:
            await self.deliver(message, r.ErrorResponse(cooldown_text(wait), "cooldown"))
            return
        error = self.router.check_question(argument)
        if error:
            await self.deliver(message, error)
            return
        async with message.channel.typing():
            response = await self.asker.ask(argument)
        await self.deliver(message, response)

    async def deliver(self, target: discord.Interaction | discord.Message, response: r.Response) -> None:
        """The one way out: errors as plain text (private for interactions), everything else as an embed with
        a passage pager when there are passages to page through."""
        if isinstance(target, discord.Message):
            await self._reply(target, response)
            return
        if isinstance(response, r.ErrorResponse):
            text = dr.error_text(response)
            if target.response.is_done():
                await target.followup.send(text, ephemeral=True, allowed_mentions=dr.NO_PINGS)
            else:
                await target.response.send_message(text, ephemeral=True, allowed_mentions=dr.NO_PINGS)
            return
        view = self._pager(response, target.user.id)
        extra = {"view": view} if view else {}
        embed = dr.response_embed(response)
        if target.response.is_done():
            sent = await target.followup.send(embed=embed, wait=True, allowed_mentions=dr.NO_PINGS, **extra)
        else:
            callback = await target.response.send_message(embed=embed, allowed_mentions=dr.NO_PINGS, **extra)
            sent = callback.resource if isinstance(callback.resource, discord.InteractionMessage) else None
        if view:
            view.message = sent

    async def _reply(self, message: discord.Message, response: r.Response) -> None:
        if isinstance(response, r.ErrorResponse):
            await message.reply(dr.error_text(response), mention_author=False, allowed_mentions=dr.NO_PINGS)
            return
        view = self._pager(response, message.author.id)
        sent = await message.reply(embed=dr.response_embed(response), mention_author=False,
                                   allowed_mentions=dr.NO_PINGS, **({"view": view} if view else {}))
        if view:
            view.message = sent

    def _pager(self, response: r.Response, owner_id: int) -> PassagePager | None:
        if isinstance(response, r.AnswerResponse) and len(response.answer.passages) > 1:
            return PassagePager(response.answer, owner_id, self.settings.discord.view_timeout)
        return None


def _client_options(settings: Settings) -> dict:
    return {"command_prefix": commands.when_mentioned, "help_command": None, "intents": intents(),
            "allowed_mentions": dr.NO_PINGS, "tree_cls": ArticleTree}


class ArticleBot(ArticleBotMixin, commands.Bot):
    def __init__(self, loader: Callable[[], Router | None], settings: Settings, guild_id: int | None = None,
                 **kwargs):
        super().__init__(**_client_options(settings), **kwargs)
        self._init_article_bot(loader, settings, guild_id)


class ShardedArticleBot(ArticleBotMixin, commands.AutoShardedBot):
    def __init__(self, loader: Callable[[], Router | None], settings: Settings, guild_id: int | None = None,
                 **kwargs):
        super().__init__(**_client_options(settings), shard_count=settings.discord.shard_count,
                         shard_ids=list(settings.discord.shard_ids) or None, **kwargs)
        self._init_article_bot(loader, settings, guild_id)


def create_bot(loader: Callable[[], Router | None], settings: Settings, guild_id: int | None = None,
               **kwargs) -> ArticleBot | ShardedArticleBot:
    """A plain client, or an AutoShardedClient when discord.shard_count > 0."""
    cls = ShardedArticleBot if settings.discord.shard_count > 0 else ArticleBot
    return cls(loader, settings, guild_id, **kwargs)
