"""Votes: every answer is logged (its id is what votes attach to), shown with its passage pager and 👍/👎
buttons; clicks are stored through one batcher (one transaction per burst) and the counts shown on the buttons.
Buttons survive restarts (a DynamicItem parses the answer id); live views are remembered for their pager."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from .. import responses as r
from ..batcher import Batcher
from ..store import LoggedQuestion, StoreError
from .views import AnswerView, is_vote, set_vote_counts

if TYPE_CHECKING:
    from .services import BotServices

_log = logging.getLogger(__name__)
VOTE_NOT_SAVED = "Sorry, I couldn't save your vote right now; please try again later."
VOTE_UNKNOWN = "I no longer keep that answer (it is older than my log, or not one of mine), so it can't take votes."
LIVE_VIEWS_MAX = 2000


class Votes(commands.Cog):
    def __init__(self, bot: BotServices):
        self.bot = bot
        store = bot.store
        self.voter: Batcher | None = None
        if store is not None:
            self.voter = Batcher(lambda votes: store.get().record_votes(votes), max_batch=1000)
        self.logger: Batcher = Batcher(lambda rows: store.get().record_questions(rows), max_batch=1000)
        self.live_views: OrderedDict[int, AnswerView] = OrderedDict()

    async def answer_view(self, target: discord.Interaction | discord.Message, response: r.Response,
                          article: str) -> AnswerView | None:
        """The pager and vote buttons for an answer (logged first, so votes have an id), or None."""
        if not isinstance(response, r.AnswerResponse):
            return None
        logged = await self._log_question(target, response, article)
        answer_id = None if response.answer.abstained else logged
        if answer_id is None and len(response.answer.passages) <= 1:
            return None
        owner = target.author.id if isinstance(target, discord.Message) else target.user.id
        return AnswerView(response.answer, owner, self.bot.settings.discord.view_timeout, answer_id)

    def remember(self, message_id: int, view: AnswerView) -> None:
        self.live_views[message_id] = view
        while len(self.live_views) > LIVE_VIEWS_MAX:
            self.live_views.popitem(last=False)

    async def _log_question(self, target: discord.Interaction | discord.Message, response: r.AnswerResponse,
                            article: str) -> int | None:
        if self.bot.store is None:
            return None
        a = response.answer
        if isinstance(target, discord.Message):
            who, guild, channel = target.author.id, target.guild.id if target.guild else None, target.channel.id
        else:
            who, guild, channel = target.user.id, target.guild_id, target.channel_id
        try:
            return await self.logger.submit(LoggedQuestion(a.question, a.abstained, a.citations, who, guild, channel,
                                                           a.context_used, article=article))
        except StoreError as exc:
            _log.warning("question not logged: %s", exc)
            return None

    async def vote(self, interaction: discord.Interaction, answer_id: int, up: bool,
                   fallback: discord.ui.View | None) -> None:
        """Record a click on 👍/👎 (one vote per user and answer, changeable) and show the new counts."""
        if self.voter is None:
            await self._private(interaction, VOTE_NOT_SAVED)
            return
        try:
            counts = await self.voter.submit((answer_id, interaction.user.id, up))
        except StoreError as exc:
            _log.warning("vote not saved: %s", exc)
            await self._private(interaction, VOTE_NOT_SAVED)
            return
        if counts is None:
            await self._private(interaction, VOTE_UNKNOWN)
            return
        message_id = interaction.message.id if interaction.message else None
        view = self.live_views.get(message_id) if message_id else None
        if view is None or view.is_finished():
            view = fallback
            for item in view.children if view else ():
                if not is_vote(item):
                    item.disabled = True  # a pager from before a restart or a timeout has no one behind it
        if view is None:
            await interaction.response.defer()
            return
        set_vote_counts(view, answer_id, *counts)
        await interaction.response.edit_message(view=view)

    async def _private(self, interaction: discord.Interaction, text: str) -> None:
        await self.bot.deliver(interaction, r.ErrorResponse(text, "vote"))
