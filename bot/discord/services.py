"""What the cogs and views need from the client, as a Protocol: they depend on this, not on the client, so no
module of the Discord layer imports the one that wires it."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import discord

    from .. import responses as r
    from ..config import Settings
    from ..cooldown import Cooldown
    from ..library import Library
    from ..router import Router
    from ..store import GuildSettings, LazyStore


class VoteRecorder(Protocol):
    async def vote(self, interaction: discord.Interaction, answer_id: int, up: bool,
                   fallback: discord.ui.View | None) -> None: ...


class SettingsSource(Protocol):
    async def get(self, guild_id: int) -> GuildSettings: ...


class ArticleChooser(Protocol):
    async def router_for(self, guild_id: int | None, channel: discord.abc.Messageable | None,
                         channel_id: int | None) -> Router: ...


class BotServices(Protocol):
    settings: Settings
    store: LazyStore | None
    library: Library | None
    cooldown: Cooldown
    user: discord.ClientUser | None
    votes: VoteRecorder
    server_settings: SettingsSource
    channel_articles: ArticleChooser

    async def router_for(self, interaction: discord.Interaction) -> Router: ...

    async def deliver(self, target: discord.Interaction | discord.Message, response: r.Response,
                      conversation: Hashable | None = None, where: discord.abc.Messageable | None = None,
                      router: Router | None = None) -> None: ...
