"""`article-bot run` and `sync` as black boxes against the emulator; token handling."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

import pytest
from discord_emulator import payloads as p
from discord_emulator.server import DiscordEmulator, Fault
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import PROJECT_ROOT, ConfigError
from bot.discord.run import discord_env, read_dotenv

TOKEN = "MTIzNDU2Nzg5.secret-token-value"


def one_error_line(stderr: str) -> str:
    """The operator's log lines may precede it, but the failure itself is one line and no traceback."""
    errors = [line for line in stderr.splitlines() if line.startswith("article-bot: ")]
    assert len(errors) == 1 and "Traceback" not in stderr, stderr
    return errors[0]


def bot_env(emulator: DiscordEmulator, tmp_path, **extra) -> dict:
    env = dict(os.environ, DISCORD_TOKEN=TOKEN, DISCORD_API_BASE=emulator.api_base,
               DISCORD_GATEWAY_URL=emulator.gateway_url, ARTICLE_BOT_MODEL_CACHE_DIR=str(tmp_path), **extra)
    return env


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_run_answers_then_closes_cleanly_on_signal_without_leaking_the_token(cache_dir, sig):
    emulator = DiscordEmulator()
    await emulator.start()
    env = bot_env(emulator, cache_dir, DISCORD_GUILD_ID=str(p.GUILD_ID))
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        await emulator.wait_for(lambda: emulator.synced.get(str(p.GUILD_ID)) and any(
            c.session_id for c in emulator.connections), timeout=60)
        payload = p.interaction(emulator.next_id(), "run-1", 2, {"id": "1", "name": "ask", "type": 1, "options": [
            {"name": "question", "type": 3, "value": "When did Russia annex Crimea?"}]}, p.user(5, "eve"))
        await emulator.dispatch("INTERACTION_CREATE", payload, p.GUILD_ID)
        answer = await emulator.wait_for(lambda: [c["data"] for c in emulator.payloads(
            "POST", r"/interactions/\d+/run-1/callback") if c["type"] == 4] or emulator.payloads(
            "POST", r"/webhooks/\d+/run-1"), timeout=30)
        assert "2014" in answer[0]["embeds"][0]["description"]
        assert "global" not in emulator.synced
    finally:
        proc.send_signal(sig)
        out, err = await asyncio.to_thread(proc.communicate, timeout=20)
        await emulator.stop()
    assert proc.returncode == 0, err
    log = (cache_dir / "article-bot.log").read_text()
    for text in (out, err, log):
        assert TOKEN not in text and "secret-token" not in text
    assert "Traceback" not in err and not emulator.unknown


async def test_sync_pushes_commands_globally(cache_dir):
    emulator = DiscordEmulator()
    await emulator.start()
    try:
        proc = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "bot.cli", "sync"], cwd=PROJECT_ROOT,
                                       env=bot_env(emulator, cache_dir), capture_output=True, text=True, timeout=60)
    finally:
        await emulator.stop()
    assert proc.returncode == 0, proc.stderr
    assert "Synced 8 slash commands globally" in proc.stdout
    assert [c["name"] for c in emulator.synced["global"]] == ["ask", "summary", "quote", "passage", "about",
                                                              "help", "settings", "article"]


def test_missing_token_is_one_line_naming_the_variable(cache_dir):
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["ARTICLE_BOT_MODEL_CACHE_DIR"] = str(cache_dir)
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "run"], cwd=cache_dir, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1 and "DISCORD_TOKEN is not set" in proc.stderr
    assert "discord.com/developers/applications" in proc.stderr


@pytest.mark.parametrize("content, token", [
    (b"\xef\xbb\xbfDISCORD_TOKEN=abc.def\n", "abc.def"),
    (b'DISCORD_TOKEN="abc.def" # the bot token\n', "abc.def"),
    (b"export DISCORD_TOKEN='abc.def'\r\n", "abc.def"),
])
def test_dotenv_bom_comments_and_quotes(tmp_path, content, token):
    dotenv = tmp_path / ".env"
    dotenv.write_bytes(content)
    assert discord_env({}, dotenv).token == token


@pytest.mark.parametrize("content, fragment", [
    (b"DISCORD_TOKEN=caf\xe9\n", "is not UTF-8"),
    (b'DISCORD_TOKEN="abc\ndef"\n', "line break or control character"),
    (b'DISCORD_TOKEN="abc\x07def"\n', "line break or control character"),
])
def test_bad_dotenv_is_one_line_without_the_token(tmp_path, content, fragment):
    dotenv = tmp_path / ".env"
    dotenv.write_bytes(content)
    with pytest.raises(ConfigError, match=fragment) as err:
        discord_env({}, dotenv)
    assert "abc" not in str(err.value) and "\n" not in str(err.value)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_dotenv_is_parsed_or_refused_in_one_line(tmp_path_factory, content):
    dotenv = tmp_path_factory.mktemp("env") / ".env"
    dotenv.write_bytes(content)
    try:
        env = discord_env({}, dotenv)
    except ConfigError as exc:
        assert "\n" not in str(exc)
    else:
        assert env.token and env.token == env.token.strip() and env.token.isprintable()


def test_token_from_dotenv_and_hidden_repr(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nexport DISCORD_TOKEN='abc.def'\nDISCORD_GUILD_ID=42\n")
    assert read_dotenv(dotenv)["DISCORD_TOKEN"] == "abc.def"
    env = discord_env({}, dotenv)
    assert env.token == "abc.def" and env.guild_id == 42
    assert "abc.def" not in repr(env) and "abc.def" not in str(env)
    assert discord_env({"DISCORD_TOKEN": "from-env"}, dotenv).token == "from-env"


@pytest.mark.parametrize("environ, fragment", [({}, "DISCORD_TOKEN is not set"),
                                               ({"DISCORD_TOKEN": "  "}, "DISCORD_TOKEN is not set"),
                                               ({"DISCORD_TOKEN": "x", "DISCORD_GUILD_ID": "abc"},
                                                "DISCORD_GUILD_ID = 'abc' is not valid")])
def test_bad_discord_environment(tmp_path, environ, fragment):
    with pytest.raises(ConfigError, match=fragment):
        discord_env(environ, tmp_path / "none.env")


@pytest.mark.parametrize("command", ["run", "sync"])
async def test_invalid_token_is_one_clear_line(cache_dir, command):
    emulator = DiscordEmulator()
    await emulator.start()
    emulator.faults.append(Fault("GET", r"/users/@me", 401, 1, {"message": "401: Unauthorized", "code": 0}))
    try:
        proc = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "bot.cli", command], cwd=cache_dir,
                                       env=bot_env(emulator, cache_dir), capture_output=True, text=True, timeout=60)
    finally:
        await emulator.stop()
    assert proc.returncode == 3, proc.stderr
    assert "Discord rejected DISCORD_TOKEN" in one_error_line(proc.stderr)
    assert TOKEN not in proc.stderr and "static token" not in proc.stderr


@pytest.mark.parametrize("command", ["run", "sync"])
def test_unreachable_discord_is_one_clear_line(cache_dir, command):
    env = dict(os.environ, DISCORD_TOKEN=TOKEN, DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
               DISCORD_GATEWAY_URL="ws://127.0.0.1:9/", ARTICLE_BOT_MODEL_CACHE_DIR=str(cache_dir))
    proc = subprocess.run([sys.executable, "-m", "bot.cli", command], cwd=cache_dir, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 3 and "cannot reach Discord" in one_error_line(proc.stderr), proc.stderr
    assert TOKEN not in proc.stderr


async def test_run_with_an_unreadable_article_is_one_clear_line(cache_dir):
    emulator = DiscordEmulator()
    await emulator.start()
    env = bot_env(emulator, cache_dir, ARTICLE_BOT_ARTICLE_PATH=str(cache_dir / "missing.txt"))
    try:
        proc = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "bot.cli", "run"], cwd=cache_dir,
                                       env=env, capture_output=True, text=True, timeout=60)
    finally:
        await emulator.stop()
    assert proc.returncode == 3 and "cannot read article file" in proc.stderr
    assert "Traceback" not in proc.stderr


async def test_signal_during_start_up_stops_at_once(tmp_path):
    """With an empty cache the model is exported first (several seconds); SIGINT must not wait for it."""
    emulator = DiscordEmulator()
    await emulator.start()
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=PROJECT_ROOT,
                            env=bot_env(emulator, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        await emulator.wait_for(lambda: emulator.payloads("GET", r"/users/@me"), timeout=30)
        await asyncio.sleep(0.5)
        assert proc.poll() is None and not emulator.connections, "still loading the model"
        proc.send_signal(signal.SIGINT)
        out, err = await asyncio.to_thread(proc.communicate, timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        await emulator.stop()
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert not list(tmp_path.glob("onnx/minilm-*/model.onnx")), "it waited for the export to finish"


def test_a_second_run_with_the_same_store_and_shards_refuses(settings, tmp_path):
    from bot.config import ConfigError
    from bot.discord import run as run_mod

    mine = settings.override({"model.cache_dir": str(tmp_path)})
    try:
        run_mod.hold_run_lock(mine, "sqlite:///one.db")
        with pytest.raises(ConfigError, match=rf"another `article-bot run` \(pid {os.getpid()}\)"):
            run_mod.hold_run_lock(mine, "sqlite:///one.db")
        run_mod.hold_run_lock(mine, "sqlite:///two.db")  # another store is another bot
        run_mod.hold_run_lock(mine.override({"discord.shard_count": 2, "discord.shard_ids": [1]}), "sqlite:///one.db")
    finally:
        for handle in run_mod._held_locks:
            handle.close()
        run_mod._held_locks.clear()
