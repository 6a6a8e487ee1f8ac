"""Start the Discord bot (`article-bot run`) or push slash commands globally (`article-bot sync`)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import signal
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import discord
import yarl
from dotenv import dotenv_values

from ..config import ConfigError, Settings
from ..library import Library
from ..router import Router
from ..store import LazyStore

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
    """KEY=VALUE pairs of a .env file, parsed by python-dotenv (quotes, comments, `export`, a BOM); empty if
    there is none. Refuse a file that is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return {k: v for k, v in dotenv_values(stream=io.StringIO(text)).items() if v is not None}


def discord_env(environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> DiscordEnv:
    """Read DISCORD_* from the environment, falling back to .env; refuse a missing or malformed token or a bad
    guild id. The token's value never appears in a message."""
    env = {**read_dotenv(dotenv or Path.cwd() / ".env"), **(os.environ if environ is None else environ)}
    token = env.get("DISCORD_TOKEN", "").strip()
    if not token:
        raise ConfigError(TOKEN_HELP)
    if any(unicodedata.category(ch)[0] in "CZ" for ch in token):
        raise ConfigError("DISCORD_TOKEN contains a space, line break or control character; copy the token again "
                          "(Bot → Reset Token) and set it on one line")
    guild = env.get("DISCORD_GUILD_ID", "").strip()
    if guild and not (guild.isascii() and guild.isdigit()):
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
    """Run the bot until it closes; SIGINT/SIGTERM close it cleanly, and during start-up (the model may be
    exporting) stop it at once instead of waiting for the load to finish."""
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, lambda s=sig: _close(bot, s, main))
    try:
        async with bot:
            await bot.start(token)
    except asyncio.CancelledError:
        _log.info("stopped during start-up")


def _close(bot: discord.Client, sig: signal.Signals, main: asyncio.Task | None) -> None:
    _log.info("received %s; closing", sig.name)
    if bot.is_ready() or main is None:
        asyncio.get_running_loop().create_task(bot.close())
    else:
        main.cancel()


_held_locks: list = []


def hold_run_lock(settings: Settings, store_url: str) -> None:
    """Refuse a second `article-bot run` on this machine with the same store and shards (both would answer
    every question and log it twice): an exclusive lock on a file named after them, held until exit."""
    import fcntl
    import hashlib

    import platformdirs

    shards = f"{settings.discord.shard_count}:{sorted(settings.discord.shard_ids)}"
    name = hashlib.sha256(f"{store_url}|{shards}".encode()).hexdigest()[:16]
    folder = settings.model.cache_dir or platformdirs.user_data_path("article-bot")
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / f"run-{name}.lock", "a+")  # noqa: SIM115 (held open for the life of the process)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        pid = handle.read().strip() or "?"
        handle.close()
        raise ConfigError(f"another `article-bot run` (pid {pid}) is already answering with this store; stop it, "
                          "or give each process its own discord.shard_ids") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    _held_locks.append(handle)


def run(settings: Settings, loader: Callable[[], Library | Router], env: DiscordEnv,
        store: LazyStore | None = None) -> int:
    from .client import create_bot

    point_at_api(env)
    bot = create_bot(loader, settings, env.guild_id, store)
    with _discord_errors():
        asyncio.run(serve(bot, env.token))
    return 0


async def sync_global(settings: Settings, env: DiscordEnv) -> int:
    """Log in over REST only and push the slash commands globally (takes up to an hour to show)."""
    from .client import create_bot

    point_at_api(env)
    bot = create_bot(lambda: None, settings, None)
    with _discord_errors():
        async with bot:
            await bot.login(env.token)
            synced = await bot.tree.sync()
    _log.info("synced %d global commands", len(synced))
    return len(synced)


@contextlib.contextmanager
def _discord_errors():
    """Turn the ways Discord can refuse or be unreachable into one clear ConfigError line."""
    try:
        yield
    except discord.LoginFailure:
        raise ConfigError("Discord rejected DISCORD_TOKEN (login failed); reset the token and try again") from None
    except discord.PrivilegedIntentsRequired as exc:
        raise ConfigError(f"Discord refused a privileged intent: {exc}") from None
    except discord.HTTPException as exc:
        _log.debug("Discord API error", exc_info=True)
        raise ConfigError(f"Discord answered {exc.status} ({exc.text or exc.response.reason}); try again later"
                          ) from None
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound, OSError) as exc:
        _log.debug("connection failure", exc_info=True)
        raise ConfigError(f"cannot reach Discord at {discord.http.Route.BASE} ({exc}); check the network") from None
