"""Slash commands as methods of one cog: each calls the router and hands the response to the client's single
send path. /ask answers in one API call when the answer is ready within `discord.defer_after` seconds, and
defers ("thinking…") only when it is not. Rate limits and errors are handled on the tree (ArticleTree)."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ..store import StoreError
from . import render as dr

if TYPE_CHECKING:
    from .services import BotServices

RANKS = {"ranks": True}
_log = logging.getLogger(__name__)


class ArticleCommands(commands.Cog):
    """/ask, /quote, /passage, /about and /help over the bot's Router."""

    def __init__(self, bot: BotServices):
        self.bot = bot

    @app_commands.command(name="ask", description="Ask a question about the article", extras=RANKS)
    @app_commands.describe(question="Your question, e.g. who requested the call?")
    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        router = await self.bot.router_for(interaction)
        error = router.check_question(question)
        if error:
            await self.bot.deliver(interaction, error)
            return
        answer = asyncio.ensure_future(self.bot.ask(question, self.bot.interaction_conversation(interaction), router))
        done, _ = await asyncio.wait({answer}, timeout=self.bot.settings.discord.defer_after)
        if not done:
            await interaction.response.defer(thinking=True)
        await self.bot.deliver(interaction, await answer, router=router)

    @app_commands.command(name="summary", description="The article in a few of its own sentences, cited",
                          extras=RANKS)
    async def summary(self, interaction: discord.Interaction) -> None:
        router = await self.bot.router_for(interaction)
        await self.bot.deliver(interaction, await asyncio.to_thread(router.summary), router=router)

    @app_commands.command(name="quote", description="What a person in the article said, quoted and reported")
    @app_commands.describe(speaker="A name from the article, e.g. Ushakov (leave empty for the list)")
    async def quote(self, interaction: discord.Interaction, speaker: str = "") -> None:
        # the first /quote builds the quote index (seconds on a long article): off the event loop
        router = await self.bot.router_for(interaction)
        await self.bot.deliver(interaction, await asyncio.to_thread(router.quote, speaker), router=router)

    @quote.autocomplete("speaker")
    async def quote_speakers(self, interaction: discord.Interaction,
                             current: str) -> list[app_commands.Choice[str]]:
        router = await self.bot.router_for(interaction)
        choices = dr.autocomplete_choices(await asyncio.to_thread(router.speaker_choices), current)
        return [app_commands.Choice(name=label, value=name) for label, name in choices]

    @app_commands.command(name="passage", description="Show one paragraph of the article")
    @app_commands.describe(number="Paragraph number (¶N)")
    async def passage(self, interaction: discord.Interaction, number: int) -> None:
        await self.bot.deliver(interaction, (await self.bot.router_for(interaction)).passage(number))

    @app_commands.command(name="about", description="Headline, authors and size of the article")
    async def about(self, interaction: discord.Interaction) -> None:
        await self.bot.deliver(interaction, (await self.bot.router_for(interaction)).about())

    @app_commands.command(name="settings", description="Server settings: answer in threads, ask channels")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    @app_commands.describe(answer_in_threads="Open a thread on each question that mentions me and answer there",
                           ask_channel="A channel where every message is a question, no mention needed",
                           ask_channel_enabled="true: make ask_channel an ask channel; false: a normal one again")
    async def settings(self, interaction: discord.Interaction, answer_in_threads: bool | None = None,
                       ask_channel: discord.TextChannel | None = None, ask_channel_enabled: bool = True) -> None:
        """Admins only: Discord hides the command from others, and the bot checks Manage Server itself too
        (server owners can override what Discord hides)."""
        if not interaction.permissions.manage_guild:
            await interaction.response.send_message(dr.SETTINGS_REFUSED, ephemeral=True,
                                                    allowed_mentions=dr.NO_PINGS)
            return
        changing = answer_in_threads is not None or ask_channel is not None
        try:
            if changing:
                current = await self.bot.update_guild_settings(interaction.guild_id, answer_in_threads,
                                                               ask_channel.id if ask_channel else None,
                                                               ask_channel_enabled)
            else:
                current = await self.bot.guild_settings(interaction.guild_id)
        except StoreError as exc:
            _log.warning("settings not saved: %s", exc)
            await interaction.response.send_message(dr.SETTINGS_NOT_SAVED, ephemeral=True,
                                                    allowed_mentions=dr.NO_PINGS)
            return
        await interaction.response.send_message(dr.settings_text(current, changing), ephemeral=True,
                                                allowed_mentions=dr.NO_PINGS)

    @app_commands.command(name="help", description="What this bot can do")
    async def help_(self, interaction: discord.Interaction) -> None:
        await self.bot.deliver(interaction, (await self.bot.router_for(interaction)).help())
