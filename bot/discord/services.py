"""What the cogs and views need from the client, as a Protocol: they depend on this, not on the client, so no
module of the Discord layer imports the one that wires it."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import discord

    from .. import responses as r
    from ..config import Settings
    from ..library import Library
    from ..router import Router
    from ..store import GuildSettings, LazyStore


class BotServices(Protocol):
    settings: Settings
    store: LazyStore | None
    library: Library | None

    async def router_for(self, interaction: discord.Interaction) -> Router: ...

    async def ask(self, question: str, conversation: Hashable | None = None, router: Router | None = None
                  ) -> r.Response: ...

    async def deliver(self, target: discord.Interaction | discord.Message, response: r.Response,
                      conversation: Hashable | None = None, where: discord.abc.Messageable | None = None,
                      router: Router | None = None) -> None: ...

    def interaction_conversation(self, interaction: discord.Interaction) -> Hashable | None: ...

    async def guild_settings(self, guild_id: int) -> GuildSettings: ...

    async def update_guild_settings(self, guild_id: int, answer_in_threads: bool | None, channel_id: int | None,
                                    enabled: bool) -> GuildSettings: ...

    async def vote(self, interaction: discord.Interaction, answer_id: int, up: bool,
                   fallback: discord.ui.View | None) -> None: ...
