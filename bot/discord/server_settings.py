"""Per-server settings: /settings (Manage Server: answer in threads, ask channels), kept in the store and
cached for SETTINGS_TTL seconds; the defaults when the store is away."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ..store import GuildSettings, StoreError
from . import render as dr
from .store_cache import StoreCache

if TYPE_CHECKING:
    from .services import BotServices

_log = logging.getLogger(__name__)
SETTINGS_TTL = 30.0


class ServerSettings(commands.Cog):
    def __init__(self, bot: BotServices):
        self.bot = bot
        self._cache = StoreCache(bot.store, lambda store, guild: store.guild_settings(guild), GuildSettings(),
                                 SETTINGS_TTL, "server settings")

    async def get(self, guild_id: int) -> GuildSettings:
        return await self._cache.get(guild_id)

    async def update(self, guild_id: int, answer_in_threads: bool | None, channel_id: int | None,
                     enabled: bool) -> GuildSettings:
        """Change and save a server's settings; raises StoreError when they cannot be saved."""
        if self.bot.store is None:
            raise StoreError("no store is configured")
        store = self.bot.store
        current = await asyncio.to_thread(lambda: store.get().guild_settings(guild_id))
        channels = set(current.ask_channels)
        if channel_id is not None:
            (channels.add if enabled else channels.discard)(channel_id)
        new = GuildSettings(current.answer_in_threads if answer_in_threads is None else answer_in_threads,
                            frozenset(channels))
        await asyncio.to_thread(lambda: store.get().save_guild_settings(guild_id, new))
        self._cache.put(guild_id, new)
        return new

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
                current = await self.update(interaction.guild_id, answer_in_threads,
                                            ask_channel.id if ask_channel else None, ask_channel_enabled)
            else:
                current = await self.get(interaction.guild_id)
        except StoreError as exc:
            _log.warning("settings not saved: %s", exc)
            await interaction.response.send_message(dr.SETTINGS_NOT_SAVED, ephemeral=True,
                                                    allowed_mentions=dr.NO_PINGS)
            return
        await interaction.response.send_message(dr.settings_text(current, changing), ephemeral=True,
                                                allowed_mentions=dr.NO_PINGS)
