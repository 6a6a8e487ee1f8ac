"""Asking: /ask and /summary, and the messages the bot answers — mentions, DMs, replies to its answers, its
threads and ask channels. Questions that arrive together are answered in one batch per article. /ask answers
in one API call when the answer is ready within `discord.defer_after` seconds, and defers ("thinking…") only
when it is not. Every entry that ranks is throttled by the same per-user cooldown."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Hashable
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from .. import responses as r
from ..batcher import Batcher
from . import render as dr

if TYPE_CHECKING:
    from ..router import Router
    from .services import BotServices

_log = logging.getLogger(__name__)
RANKS = {"ranks": True}  # the tree's gate applies the cooldown to commands carrying this
APOLOGY = "Sorry, something went wrong on my side. The error was logged; please try again later."
UNREADABLE_REPLY = ("I can't read replies that don't mention me. Keep the @mention on your reply, mention me, "
                    "or use /ask.")
THREAD_NAME_MAX = 100


def cooldown_text(wait: float) -> str:
    return f"You're going a bit fast. Try again in {wait:.0f}s." if wait >= 1 else "Try again in a moment."


class Asking(commands.Cog):
    def __init__(self, bot: BotServices):
        self.bot = bot
        self.asker: Batcher = Batcher(self._answer_batch)

    # slash commands -------------------------------------------------------------------------------------
    @app_commands.command(name="ask", description="Ask a question about the article", extras=RANKS)
    @app_commands.describe(question="Your question, e.g. who requested the call?")
    async def ask_command(self, interaction: discord.Interaction, question: str) -> None:
        router = await self.bot.router_for(interaction)
        req = router.question(question)
        if req.error:
            await self.bot.deliver(interaction, req.error)
            return
        answer = asyncio.ensure_future(self.ask(req.argument, self.interaction_conversation(interaction), router))
        done, _ = await asyncio.wait({answer}, timeout=self.bot.settings.discord.defer_after)
        if not done:
            await interaction.response.defer(thinking=True)
        await self.bot.deliver(interaction, await answer, router=router)

    @app_commands.command(name="summary", description="The article in a few of its own sentences, cited",
                          extras=RANKS)
    async def summary(self, interaction: discord.Interaction) -> None:
        router = await self.bot.router_for(interaction)
        await self.bot.deliver(interaction, await asyncio.to_thread(router.summary), router=router)

    # answering ------------------------------------------------------------------------------------------
    async def ask(self, question: str, conversation: Hashable | None, router: Router) -> r.Response:
        """A question the router validated, answered through the batcher (one encoder call for all)."""
        return await self.asker.submit((question, conversation, router))

    def _answer_batch(self, items: list[tuple[str, Hashable | None, Router]]) -> list[r.Response]:
        """Questions asked at once, answered in one batch per article."""
        out: dict[int, r.Response] = {}
        for router in {id(router): router for _, _, router in items}.values():
            mine = [i for i, item in enumerate(items) if item[2] is router]
            answers = router.answer_many([items[i][0] for i in mine], [items[i][1] for i in mine])
            out.update(zip(mine, answers, strict=True))
        return [out[i] for i in range(len(items))]

    def interaction_conversation(self, interaction: discord.Interaction) -> Hashable | None:
        """/ask in a DM or in one of the bot's threads continues that conversation."""
        channel = interaction.channel
        if interaction.guild_id is None and interaction.channel_id is not None:
            return ("dm", interaction.channel_id)
        if isinstance(channel, discord.Thread) and self.bot.user and channel.owner_id == self.bot.user.id:
            return ("thread", channel.id)
        return None

    # messages -------------------------------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if message.author.bot or me is None or message.author.id == me.id:
            return
        try:
            route = await self._route(message)
            if route is not None:
                await self._answer_message(message, *route)
        except Exception:
            _log.exception("failed to answer message %s", message.id)
            await self.bot.deliver(message, r.ErrorResponse(APOLOGY, "internal"))

    async def _route(self, message: discord.Message) -> tuple[Hashable, discord.abc.Messageable] | None:
        """Whether to answer a message, in which conversation, and where: None to stay silent."""
        channel, me = message.channel, self.bot.user
        if message.guild is None:
            return ("dm", channel.id), channel
        if isinstance(channel, discord.Thread) and channel.owner_id == me.id:
            return ("thread", channel.id), channel
        ref = message.reference.resolved if message.reference else None
        if isinstance(ref, discord.Message) and ref.author.id == me.id:
            return ("reply", ref.id), channel
        mentioned = any(u.id == me.id for u in message.mentions)
        settings = await self.bot.server_settings.get(message.guild.id)
        if mentioned and settings.answer_in_threads and isinstance(channel, discord.TextChannel):
            text = self._strip_mention(message.content) or "Question"
            thread = await message.create_thread(name=dr.clip(text, THREAD_NAME_MAX), auto_archive_duration=1440)
            return ("thread", thread.id), thread
        if mentioned or channel.id in settings.ask_channels:
            return ("message", message.id), channel
        return None

    def _strip_mention(self, content: str) -> str:
        return re.sub(rf"<@!?{self.bot.user.id}>", " ", content).strip()

    async def _answer_message(self, message: discord.Message, conversation: Hashable,
                              where: discord.abc.Messageable) -> None:
        text = self._strip_mention(message.content)
        router = await self.bot.channel_articles.router_for(message.guild.id if message.guild else None, where,
                                                            where.id)
        if not text:
            mentioned = any(u.id == self.bot.user.id for u in message.mentions)
            if message.guild is None or mentioned:
                await self.bot.deliver(message, router.help(), where=where)
            elif conversation[0] == "reply":
                await self.bot.deliver(message, r.ErrorResponse(UNREADABLE_REPLY, "usage"), where=where)
            return
        req = router.request(text)
        wait = self.bot.cooldown.retry_after(message.author.id) if req.ranks else 0
        if req.error or wait:
            await self.bot.deliver(message, req.error or r.ErrorResponse(cooldown_text(wait), "cooldown"), where=where)
            return
        if req.command != "ask":
            await self.bot.deliver(message, await asyncio.to_thread(router.run, req), where=where, router=router)
            return
        async with where.typing():
            response = await self.ask(req.argument, conversation, router)
        await self.bot.deliver(message, response, conversation, where, router)
