"""Start the Discord bot (`article-bot run`) or push slash commands globally (`article-bot sync`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import discord
import yarl

from ..config import ConfigError, Settings
from ..router import Router

_log = logging.getLogger(__name__)
TOKEN_HELP = ("DISCORD_TOKEN is not set. Create an application at https://discord.com/developers/applications, "
              "open Bot → Reset Token, then `export DISCORD_TOKEN=...` or put DISCORD_TOKEN=... in .env")


@dataclass(frozen=True)
class DiscordEnv:
    """Discord settings that only come from the environment; repr never shows the token."""

    token: str
    guild_id: int | None
    api_base: str | None
    gateway_url: str | None

    def __repr__(self) -> str:
        return f"DiscordEnv(token=<hidden>, guild_id={self.guild_id}, api_base={self.api_base!r})"


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file (quotes stripped, comments ignored); empty if there is none."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out = {}
    for line in lines:
        key, sep, value = line.strip().removeprefix("export ").partition("=")
        if sep and key and not key.startswith("#"):
            out[key.strip()] = value.strip().strip("'\"")
    return out


def discord_env(environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> DiscordEnv:
    """Read DISCORD_* from the environment, falling back to .env; refuse a missing token or bad guild id."""
    env = {**read_dotenv(dotenv or Path.cwd() / ".env"), **(os.environ if environ is None else environ)}
    token = env.get("DISCORD_TOKEN", "").strip()
    if not token:
        raise ConfigError(TOKEN_HELP)
    guild = env.get("DISCORD_GUILD_ID", "").strip()
    if guild and not guild.isdigit():
        raise ConfigError(f"DISCORD_GUILD_ID = {guild!r} is not valid; allowed: a numeric server id")
    return DiscordEnv(token, int(guild) if guild else None, env.get("DISCORD_API_BASE") or None,
                      env.get("DISCORD_GATEWAY_URL") or None)


def point_at_api(env: DiscordEnv) -> None:
    """For testing against a local Discord API emulator: redirect REST and gateway URLs."""
    if env.api_base:
        discord.http.Route.BASE = env.api_base.rstrip("/")
        _log.warning("using Discord API at %s (testing only)", env.api_base)
    if env.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(env.gateway_url)


async def serve(bot: discord.Client, token: str) -> None:
    """Run the bot until it closes; SIGINT/SIGTERM close it cleanly."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, lambda s=sig: _close(bot, s))
    async with bot:
        await bot.start(token)


def _close(bot: discord.Client, sig: signal.Signals) -> None:
    _log.info("received %s; closing", sig.name)
    asyncio.get_running_loop().create_task(bot.close())


def run(settings: Settings, loader: Callable[[], Router], env: DiscordEnv) -> int:
    from .client import create_bot

    point_at_api(env)
    bot = create_bot(loader, settings, env.guild_id)
    try:
        asyncio.run(serve(bot, env.token))
    except discord.LoginFailure:
        raise ConfigError("Discord rejected DISCORD_TOKEN (login failed); reset the token and try again") from None
    except discord.PrivilegedIntentsRequired as exc:
        raise ConfigError(f"Discord refused a privileged intent: {exc}") from None
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound, OSError) as exc:
        _log.debug("connection failure", exc_info=True)
        raise ConfigError(f"cannot reach Discord at {discord.http.Route.BASE} ({exc}); check the network") from None
    return 0


async def sync_global(settings: Settings, env: DiscordEnv) -> int:
    """Log in over REST only and push the slash commands globally (takes up to an hour to show)."""
    from .client import create_bot

    point_at_api(env)
    bot = create_bot(lambda: None, settings, None)
    async with bot:
        await bot.login(env.token)
        synced = await bot.tree.sync()
    _log.info("synced %d global commands", len(synced))
    return len(synced)
