"""The passage pager attached to answers: only the asker can page; disabled when it times out."""

from __future__ import annotations

import logging

import discord

from retrieval.search import Answer

from .render import NO_PINGS, answer_embed

_log = logging.getLogger(__name__)


class PassagePager(discord.ui.View):
    """◀ / Show passages / ▶ buttons that swap the answer embed's passage page."""

    def __init__(self, answer: Answer, owner_id: int, timeout: float):
        super().__init__(timeout=timeout)
        self.answer = answer
        self.owner_id = owner_id
        self.page: int | None = None
        self.message: discord.Message | discord.WebhookMessage | None = None
        self._sync_buttons()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message("Only the person who asked can page through these passages.",
                                                ephemeral=True, allowed_mentions=NO_PINGS)
        return False

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary, custom_id="pager:prev")
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, max(0, (self.page or 0) - 1))

    @discord.ui.button(label="Show passages", style=discord.ButtonStyle.primary, custom_id="pager:show")
    async def show(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, None if self.page is not None else 0)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary, custom_id="pager:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, min(len(self.answer.passages) - 1, (self.page or 0) + 1))

    async def _show(self, interaction: discord.Interaction, page: int | None) -> None:
        self.page = page
        self._sync_buttons()
        await interaction.response.edit_message(embed=answer_embed(self.answer, page), view=self,
                                                allowed_mentions=NO_PINGS)

    def _sync_buttons(self) -> None:
        count = len(self.answer.passages)
        self.previous.disabled = self.page is None or self.page <= 0
        self.next.disabled = self.page is None or self.page >= count - 1
        self.show.label = "Show passages" if self.page is None else f"Hide passages ({self.page + 1}/{count})"

    async def on_timeout(self) -> None:
        for item in self.children:
            item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self, allowed_mentions=NO_PINGS)
            except discord.HTTPException as exc:
                _log.info("could not disable the pager of message %s: %s", self.message.id, exc)
