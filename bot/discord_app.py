"""discord.py client: slash commands, mentions/DMs/replies, cooldowns and errors, over the shared Router."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable

import discord
from discord import app_commands

from . import discord_render as dr
from . import responses as r
from .batcher import AskBatcher
from .config import Settings
from .cooldown import Cooldown
from .discord_views import PassagePager
from .router import Router

_log = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong on my side. The error was logged; please try again later."
UNREADABLE_REPLY = ("I can't read replies that don't mention me. Keep the @mention on your reply, mention me, "
                    "or use /ask.")


def intents() -> discord.Intents:
    """Guilds, guild and DM messages; no privileged intents (mentions and DMs carry content anyway)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    return wanted


class _ArticleBotMixin:
    """Behaviour shared by the plain and the auto-sharded client."""

    def _init_article_bot(self, loader: Callable[[], Router], settings: Settings, guild_id: int | None) -> None:
        self.loader = loader
        self.settings = settings
        self.guild_id = guild_id
        self.router: Router | None = None
        self.asker = AskBatcher(lambda questions: self._router().ask_many(questions))
        self.cooldown = Cooldown(settings.cooldown_rate, settings.cooldown_seconds)
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self.on_app_command_error
        register_commands(self)

    async def setup_hook(self) -> None:
        """Load the model and index off the event loop, then sync commands to the dev guild if one is set."""
        self.router = await asyncio.to_thread(self.loader)
        if self.guild_id:
            guild = discord.Object(id=self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            _log.info("synced %d commands to guild %s", len(synced), self.guild_id)

    async def on_ready(self) -> None:
        _log.info("logged in as %s (%s) in %d guilds", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return
        if not self._addressed(message):
            return
        try:
            await self._answer_message(message)
        except Exception:
            _log.exception("failed to answer message %s", message.id)
            await message.reply(APOLOGY, mention_author=False, allowed_mentions=dr.NO_PINGS)

    def _mentioned(self, message: discord.Message) -> bool:
        return any(u.id == self.user.id for u in message.mentions)

    def _addressed(self, message: discord.Message) -> bool:
        if message.guild is None or self._mentioned(message):
            return True
        ref = message.reference.resolved if message.reference else None
        return isinstance(ref, discord.Message) and ref.author.id == self.user.id

    async def _answer_message(self, message: discord.Message) -> None:
        text = re.sub(rf"<@!?{self.user.id}>", " ", message.content).strip()
        wait = self.cooldown.retry_after(message.author.id)
        if wait:
            await message.reply(cooldown_text(wait), mention_author=False, allowed_mentions=dr.NO_PINGS)
            return
        router = self._router()
        if not text and message.guild is not None and not self._mentioned(message):
            await message.reply(UNREADABLE_REPLY, mention_author=False, allowed_mentions=dr.NO_PINGS)
            return
        if not text:
            response: r.Response = router.help()
        else:
            async with message.channel.typing():
                response = await asyncio.to_thread(router.handle, text)
        if isinstance(response, r.ErrorResponse):
            await message.reply(dr.error_text(response), mention_author=False, allowed_mentions=dr.NO_PINGS)
            return
        view = self._pager(response, message.author.id)
        sent = await message.reply(embed=dr.response_embed(response), mention_author=False,
                                   allowed_mentions=dr.NO_PINGS, **({"view": view} if view else {}))
        if view:
            view.message = sent

    def _router(self) -> Router:
        if self.router is None:
            raise RuntimeError("router used before setup_hook loaded it")
        return self.router

    def _pager(self, response: r.Response, owner_id: int) -> PassagePager | None:
        if isinstance(response, r.AnswerResponse) and len(response.answer.passages) > 1:
            return PassagePager(response.answer, owner_id, self.settings.view_timeout)
        return None

    async def check_cooldown(self, interaction: discord.Interaction) -> bool:
        wait = self.cooldown.retry_after(interaction.user.id)
        if wait:
            await interaction.response.send_message(cooldown_text(wait), ephemeral=True,
                                                    allowed_mentions=dr.NO_PINGS)
        return not wait

    async def reply(self, interaction: discord.Interaction, response: r.Response) -> None:
        """Send a response to an interaction: errors privately, answers as an embed with a pager."""
        if isinstance(response, r.ErrorResponse):
            await send_private(interaction, dr.error_text(response))
            return
        view = self._pager(response, interaction.user.id)
        extra = {"view": view} if view else {}
        embed = dr.response_embed(response)
        if interaction.response.is_done():
            sent = await interaction.followup.send(embed=embed, wait=True, allowed_mentions=dr.NO_PINGS, **extra)
        else:
            callback = await interaction.response.send_message(embed=embed, allowed_mentions=dr.NO_PINGS, **extra)
            sent = callback.resource if isinstance(callback.resource, discord.InteractionMessage) else None
        if view:
            view.message = sent

    async def on_app_command_error(self, interaction: discord.Interaction,
                                   error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        _log.error("command %s failed", getattr(interaction.command, "name", "?"),
                   exc_info=(type(original), original, original.__traceback__))
        try:
            await send_private(interaction, APOLOGY)
        except discord.HTTPException:
            _log.warning("could not send the apology for interaction %s", interaction.id)


class ArticleBot(_ArticleBotMixin, discord.Client):
    def __init__(self, loader: Callable[[], Router], settings: Settings, guild_id: int | None = None, **kwargs):
        super().__init__(intents=intents(), allowed_mentions=dr.NO_PINGS, **kwargs)
        self._init_article_bot(loader, settings, guild_id)


class ShardedArticleBot(_ArticleBotMixin, discord.AutoShardedClient):
    def __init__(self, loader: Callable[[], Router], settings: Settings, guild_id: int | None = None, **kwargs):
        super().__init__(intents=intents(), allowed_mentions=dr.NO_PINGS, shard_count=settings.shard_count,
                         shard_ids=list(settings.shard_ids) or None, **kwargs)
        self._init_article_bot(loader, settings, guild_id)


def create_bot(loader: Callable[[], Router], settings: Settings, guild_id: int | None = None,
               **kwargs) -> ArticleBot | ShardedArticleBot:
    """A plain client, or an AutoShardedClient when discord.shard_count > 0."""
    cls = ShardedArticleBot if settings.shard_count > 0 else ArticleBot
    return cls(loader, settings, guild_id, **kwargs)


def cooldown_text(wait: float) -> str:
    return f"You're going a bit fast. Try again in {wait:.0f}s." if wait >= 1 else "Try again in a moment."


async def send_private(interaction: discord.Interaction, text: str) -> None:
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=dr.NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=dr.NO_PINGS)


def register_commands(bot: _ArticleBotMixin) -> None:
    """Slash commands: each checks the cooldown, defers if ranking is needed, calls the router, replies."""
    tree = bot.tree

    @tree.command(name="ask", description="Ask a question about the article")
    @app_commands.describe(question="Your question, e.g. who requested the call?")
    async def ask(interaction: discord.Interaction, question: str) -> None:
        if not await bot.check_cooldown(interaction):
            return
        router = bot._router()
        error = router.check_question(question)
        if error:
            await bot.reply(interaction, error)
            return
        await interaction.response.defer(thinking=True)
        await bot.reply(interaction, await bot.asker.ask(question))

    @tree.command(name="quote", description="What a person in the article said, quoted and reported")
    @app_commands.describe(speaker="A name from the article, e.g. Ushakov (leave empty for the list)")
    async def quote(interaction: discord.Interaction, speaker: str = "") -> None:
        if await bot.check_cooldown(interaction):
            await bot.reply(interaction, bot._router().quote(speaker))

    @quote.autocomplete("speaker")
    async def quote_speakers(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        names = dr.autocomplete_names(bot._router().speaker_names(), current)
        return [app_commands.Choice(name=n, value=n) for n in names]

    @tree.command(name="passage", description="Show one paragraph of the article")
    @app_commands.describe(number="Paragraph number (¶N)")
    async def passage(interaction: discord.Interaction, number: int) -> None:
        if await bot.check_cooldown(interaction):
            await bot.reply(interaction, bot._router().passage(number))

    @tree.command(name="about", description="Headline, authors and size of the article")
    async def about(interaction: discord.Interaction) -> None:
        if await bot.check_cooldown(interaction):
            await bot.reply(interaction, bot._router().about())

    @tree.command(name="help", description="What this bot can do")
    async def help_(interaction: discord.Interaction) -> None:
        await bot.reply(interaction, bot._router().help())
