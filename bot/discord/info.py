"""Information about the article: /passage, /about and /help (never throttled: nothing is ranked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

if TYPE_CHECKING:
    from .services import BotServices


class Info(commands.Cog):
    def __init__(self, bot: BotServices):
        self.bot = bot

    @app_commands.command(name="passage", description="Show one paragraph of the article")
    @app_commands.describe(number="Paragraph number (¶N)")
    async def passage(self, interaction: discord.Interaction, number: int) -> None:
        await self.bot.deliver(interaction, (await self.bot.router_for(interaction)).passage(number))

    @app_commands.command(name="about", description="Headline, authors and size of the article")
    async def about(self, interaction: discord.Interaction) -> None:
        await self.bot.deliver(interaction, (await self.bot.router_for(interaction)).about())

    @app_commands.command(name="help", description="What this bot can do")
    async def help_(self, interaction: discord.Interaction) -> None:
        await self.bot.deliver(interaction, (await self.bot.router_for(interaction)).help())
