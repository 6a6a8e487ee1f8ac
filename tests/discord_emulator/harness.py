"""Run the real article-bot discord.py client against the emulator, and act as Discord users."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time

import discord
import yarl

from bot.discord.client import create_bot

from . import payloads as p
from .server import DiscordEmulator

ALICE = p.user(900000000000000001, "alice")
BOB = p.user(900000000000000002, "bob")
OTHER_BOT = p.user(900000000000000003, "otherbot", bot=True)
OPTION_TYPES = {str: 3, int: 4, bool: 5}
CHANNEL_OPTION = 7
ATTACHMENT_OPTION = 11


def text_of(body: dict, fields: bool = False) -> str:
    """What a message shows: its content and its embeds' titles and descriptions (and field values)."""
    parts = [body.get("content") or ""]
    for e in body.get("embeds") or []:
        parts += [e.get("title", ""), e.get("description", "")]
        parts += [f.get("value", "") for f in e.get("fields", [])] if fields else []
    return "\n".join(parts)


class HeartbeatWatch(logging.Handler):
    """Collect discord.py's 'heartbeat blocked' warnings (a sign the event loop was blocked)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.blocked: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "blocked" in record.getMessage().lower():
            self.blocked.append(record.getMessage())


class BotHarness:
    def __init__(self, router, settings, shards: int = 1, guild_ids=(p.GUILD_ID,), dev_guild: int | None = None,
                 heartbeat_interval_ms: int = 41250, store=None):
        self.router = router
        self.store = store
        self.settings = settings
        self.emulator = DiscordEmulator(guild_ids, heartbeat_interval_ms, shards)
        self.dev_guild = dev_guild
        self.bot: discord.Client | None = None
        self._task: asyncio.Task | None = None
        self._tokens = itertools.count(1)
        self._saved = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
        self.heartbeats = HeartbeatWatch()
        self.sent_at: dict[str, float] = {}

    async def __aenter__(self) -> BotHarness:
        await self.emulator.start()
        discord.http.Route.BASE = self.emulator.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.emulator.gateway_url)
        logging.getLogger("discord").addHandler(self.heartbeats)
        self.bot = create_bot(lambda: self.router, self.settings, self.dev_guild, self.store,
                              guild_ready_timeout=0.01)

        async def no_identify_delay(shard_id, *, initial=False):
            return None

        self.bot.before_identify_hook = no_identify_delay
        self._task = asyncio.create_task(self.bot.start("test-token-not-secret"))
        await self.wait_ready()
        return self

    async def __aexit__(self, *exc) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._task, 5)
        await self.emulator.stop()
        logging.getLogger("discord").removeHandler(self.heartbeats)
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved
        if exc[0] is None:
            assert not self.emulator.unknown, f"routes the emulator doesn't know: {self.emulator.unknown}"

    async def wait_ready(self, timeout: float = 10.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not self.bot.is_ready():
            if self._task.done():
                self._task.result()
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("bot never became ready")
            await asyncio.sleep(0.01)

    # acting as users ---------------------------------------------------------
    def new_token(self) -> str:
        return f"itoken-{next(self._tokens)}"

    async def slash(self, name: str, who: dict = ALICE, guild_id: int | None = p.GUILD_ID,
                    permissions: str = "2147483647", channel_options: dict[str, int] | None = None,
                    attachments: dict[str, dict] | None = None, **options) -> str:
        """A slash command; channel_options name text channels of the guild by id, attachments name files
        ({"filename", "url", "size", "content_type"}), both sent with `resolved`."""
        opts = [{"name": k, "type": OPTION_TYPES[type(v)], "value": v} for k, v in options.items()]
        data = {"id": "1", "name": name, "type": 1, "options": opts}
        if attachments:
            ids = {k: str(self.emulator.next_id()) for k in attachments}
            opts += [{"name": k, "type": ATTACHMENT_OPTION, "value": ids[k]} for k in attachments]
            data["resolved"] = {"attachments": {ids[k]: {"id": ids[k], "proxy_url": f["url"], **f}
                                                for k, f in attachments.items()}}
        if channel_options:
            opts += [{"name": k, "type": CHANNEL_OPTION, "value": str(v)} for k, v in channel_options.items()]
            data["resolved"] = {"channels": {str(v): {"id": str(v), "type": 0, "name": "general",
                                                      "permissions": "2147483647"}
                                             for v in channel_options.values()}}
        return await self._interaction(2, data, who, guild_id, permissions)

    async def autocomplete(self, name: str, option: str, typed: str, who: dict = ALICE) -> str:
        data = {"id": "1", "name": name, "type": 1,
                "options": [{"name": option, "type": 3, "value": typed, "focused": True}]}
        return await self._interaction(4, data, who, p.GUILD_ID)

    async def click(self, message: dict, custom_id: str, who: dict = ALICE) -> str:
        token = self.new_token()
        self.emulator.interaction_messages[token] = message
        payload = p.interaction(self.emulator.next_id(), token, 3, {"custom_id": custom_id, "component_type": 2},
                                who, p.GUILD_ID, message_payload=message)
        await self.emulator.dispatch("INTERACTION_CREATE", payload, p.GUILD_ID)
        return token

    async def _interaction(self, kind: int, data: dict, who: dict, guild_id: int | None,
                           permissions: str = "2147483647") -> str:
        token = self.new_token()
        payload = p.interaction(self.emulator.next_id(), token, kind, data, who, guild_id,
                                permissions=permissions)
        self.sent_at[token] = time.monotonic()
        await self.emulator.dispatch("INTERACTION_CREATE", payload, guild_id)
        return token

    async def say(self, content: str, who: dict = ALICE, guild_id: int | None = p.GUILD_ID, mention_bot=False,
                  reply_to: dict | None = None, channel_id: int | None = None) -> int:
        mid = self.emulator.next_id()
        if mention_bot:
            content = f"<@{p.BOT_ID}> {content}"
        msg = p.user_message(mid, who, content, guild_id, [p.bot_user()] if mention_bot else [], reply_to,
                             channel_id)
        await self.emulator.dispatch("MESSAGE_CREATE", msg, guild_id)
        return mid

    # reading what the bot sent ---------------------------------------------
    def callbacks(self, token: str) -> list[dict]:
        return self.emulator.payloads("POST", rf"/interactions/\d+/{token}/callback")

    def edits(self, token: str) -> list[dict]:
        """Edits of an interaction's first message (progress lines, results)."""
        return self.emulator.payloads("PATCH", rf"/webhooks/\d+/{token}/messages/@original")

    def followups(self, token: str, ok_only: bool = True) -> list[dict]:
        return self.emulator.payloads("POST", rf"/webhooks/\d+/{token}", ok_only)

    async def final_reply(self, token: str, timeout: float = 15.0) -> dict:
        """The message body that answered an interaction: the callback's data, or the followup after a defer."""

        def done():
            cbs = self.callbacks(token)
            if cbs and cbs[0]["type"] == 4:
                return cbs[0]["data"]
            if cbs and cbs[0]["type"] == 5:
                ups = self.followups(token)
                return ups[0] if ups else None
            return None

        return await self.emulator.wait_for(done, timeout)

    async def channel_replies(self, count: int = 1, timeout: float = 15.0) -> list[dict]:
        return await self.emulator.wait_for(
            lambda: (lambda got: got if len(got) >= count else None)(
                self.emulator.payloads("POST", r"/channels/\d+/messages")), timeout)
