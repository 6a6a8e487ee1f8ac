"""Buttons under an answer: the passage pager (the asker's, until it times out) and 👍/👎 votes (anyone's,
for good: their custom_id carries the answer's id and VoteButton, a DynamicItem registered once on the client,
handles every click, also after a restart). The view itself holds plain buttons: discord.py unregisters a
DynamicItem's pattern when a view holding one times out."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from retrieval.qa.answer import Answer

from .render import NO_PINGS, answer_embed

if TYPE_CHECKING:
    from .services import BotServices

_log = logging.getLogger(__name__)
# A vote button's custom id: "vote:up:42".
VOTE_TEMPLATE = r"vote:(?P<way>up|down):(?P<answer>\d+)"


def vote_label(up: bool, count: int) -> str:
    return f"{'👍' if up else '👎'} {count}"


class VoteButton(discord.ui.DynamicItem[discord.ui.Button], template=VOTE_TEMPLATE):
    """👍 or 👎 on one logged answer; a click records (or changes) the user's vote and updates the counts."""

    def __init__(self, answer_id: int, up: bool, count: int = 0):
        super().__init__(discord.ui.Button(label=vote_label(up, count), style=discord.ButtonStyle.secondary,
                                           custom_id=f"vote:{'up' if up else 'down'}:{answer_id}"))
        self.answer_id, self.up = answer_id, up

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match) -> VoteButton:
        return cls(int(match["answer"]), match["way"] == "up")

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: BotServices = interaction.client  # type: ignore[assignment]
        await bot.votes.vote(interaction, self.answer_id, self.up, self.view)


def set_vote_counts(view: discord.ui.View, answer_id: int, up: int, down: int) -> None:
    for child in view.children:
        item = child.item if isinstance(child, discord.ui.DynamicItem) else child
        custom_id = getattr(item, "custom_id", "") or ""
        if custom_id == f"vote:up:{answer_id}":
            item.label = vote_label(True, up)
        elif custom_id == f"vote:down:{answer_id}":
            item.label = vote_label(False, down)


def is_vote(item: discord.ui.Item) -> bool:
    return (getattr(item, "custom_id", "") or "").startswith("vote:")


class AnswerView(discord.ui.View):
    """◀ / Show passages / ▶ for the asker (when there is more than one passage) and the vote buttons."""

    def __init__(self, answer: Answer, owner_id: int, timeout: float, answer_id: int | None,
                 counts: tuple[int, int] = (0, 0)):
        super().__init__(timeout=timeout)
        self.answer = answer
        self.owner_id = owner_id
        self.page: int | None = None
        self.message: discord.Message | discord.WebhookMessage | None = None
        if len(answer.passages) <= 1:
            for item in (self.previous, self.show, self.next):
                self.remove_item(item)
        if answer_id is not None:
            for up, count in ((True, counts[0]), (False, counts[1])):
                self.add_item(discord.ui.Button(label=vote_label(up, count), style=discord.ButtonStyle.secondary,
                                                custom_id=f"vote:{'up' if up else 'down'}:{answer_id}"))
        self._sync_buttons()

    @property
    def has_items(self) -> bool:
        return bool(self.children)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if str((interaction.data or {}).get("custom_id", "")).startswith("vote:"):
            return False  # votes are anyone's and are handled by VoteButton, registered once on the client
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
        """Disable the pager; the votes stay open (they are handled without this view)."""
        pager = [item for item in self.children if not is_vote(item)]
        if not pager:
            return
        for item in pager:
            item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self, allowed_mentions=NO_PINGS)
            except discord.HTTPException as exc:
                _log.info("could not disable the pager of message %s: %s", self.message.id, exc)
