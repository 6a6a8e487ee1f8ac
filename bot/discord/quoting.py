"""/quote NAME with autocomplete of the quoted speakers; the first /quote builds the article's quote index, off
the event loop."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from . import render as dr

if TYPE_CHECKING:
    from .services import BotServices


class Quotes(commands.Cog):
    def __init__(self, bot: BotServices):
        self.bot = bot

    @app_commands.command(name="quote", description="What a person in the article said, quoted and reported")
    @app_commands.describe(speaker="A name from the article, e.g. Ushakov (leave empty for the list)")
    async def quote(self, interaction: discord.Interaction, speaker: str = "") -> None:
        router = await self.bot.router_for(interaction)
        await self.bot.deliver(interaction, await asyncio.to_thread(router.quote, speaker), router=router)

    @quote.autocomplete("speaker")
    async def quote_speakers(self, interaction: discord.Interaction,
                             current: str) -> list[app_commands.Choice[str]]:
        router = await self.bot.router_for(interaction)
        choices = dr.autocomplete_choices(await asyncio.to_thread(router.speaker_choices), current)
        return [app_commands.Choice(name=label, value=name) for label, name in choices]
