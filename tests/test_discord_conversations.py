"""Conversations, threads, ask channels, /settings and votes through the real client and the emulator."""

from __future__ import annotations

from pathlib import Path

import pytest
from discord_emulator import payloads as p
from discord_emulator.harness import ALICE, BOB, BotHarness, text_of

from bot.discord.render import SETTINGS_REFUSED
from bot.discord.voting import VOTE_NOT_SAVED, VOTE_UNKNOWN
from bot.store import LazyStore, Store, StoreError

FAST = {"discord.cooldown_rate": 1000, "discord.cooldown_seconds": 60.0}


@pytest.fixture()
def bot_settings(settings):
    return settings.override(FAST)


def bot_messages(h: BotHarness, channel_id: int | None = None) -> list[dict]:
    return [m for m in h.emulator.messages.values()
            if m["author"]["id"] == str(p.BOT_ID) and (channel_id is None or m["channel_id"] == str(channel_id))]


async def replies_in(h: BotHarness, channel_id: int, count: int) -> list[dict]:
    return await h.emulator.wait_for(lambda: (lambda got: got if len(got) >= count else None)(
        h.emulator.payloads("POST", rf"/channels/{channel_id}/messages")))


def vote_ids(message: dict) -> dict[str, str]:
    return {c["custom_id"]: c["label"] for row in message.get("components", []) for c in row["components"]
            if c.get("custom_id", "").startswith("vote:")}


async def test_follow_up_in_a_reply_chain(router, bot_settings, store_at):
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        await h.say("Who requested the call?", mention_bot=True)
        (first,) = await replies_in(h, p.CHANNEL_ID, 1)
        assert "**Mr Putin** requested the call" in text_of(first)
        answer = bot_messages(h, p.CHANNEL_ID)[-1]
        await h.say("Why did he want it?", reply_to=answer)
        second = (await replies_in(h, p.CHANNEL_ID, 2))[1]
        assert "speak directly with Mr Biden" in text_of(second) and "¶3" in text_of(second)
        await h.say("Why did he want it?", mention_bot=True)
        third = (await replies_in(h, p.CHANNEL_ID, 3))[2]
        assert "speak directly" not in text_of(third), "a new mention starts a new conversation"


async def test_settings_are_for_admins_and_persist(router, bot_settings, store_at):
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        refused = await h.final_reply(await h.slash("settings", permissions="0", answer_in_threads=True))
        assert refused["flags"] == 64 and refused["content"] == SETTINGS_REFUSED
        done = await h.final_reply(await h.slash("settings", answer_in_threads=True,
                                                 channel_options={"ask_channel": p.CHANNEL_ID}))
        assert done["flags"] == 64 and "Answer in threads: on" in done["content"]
        assert f"<#{p.CHANNEL_ID}>" in done["content"]
    reopened = Store(store_at)
    saved = reopened.guild_settings(p.GUILD_ID)
    reopened.close()
    assert saved.answer_in_threads and saved.ask_channels == {p.CHANNEL_ID}


async def test_thread_on_a_mention_then_follow_ups_without_mention(router, bot_settings, store_at):
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        await h.final_reply(await h.slash("settings", answer_in_threads=True))
        await h.say("Who requested the call?", mention_bot=True)
        thread = await h.emulator.wait_for(lambda: next(iter(h.emulator.threads.values()), None))
        tid = int(thread["id"])
        assert thread["name"] == "Who requested the call?" and thread["parent_id"] == str(p.CHANNEL_ID)
        (first,) = await replies_in(h, tid, 1)
        assert "**Mr Putin** requested the call" in text_of(first)
        await h.say("Why did he want it?", channel_id=tid)
        second = (await replies_in(h, tid, 2))[1]
        assert "speak directly with Mr Biden" in text_of(second)
        assert not h.emulator.payloads("POST", rf"/channels/{p.CHANNEL_ID}/messages"), "answers stay in the thread"


async def test_ask_channel_answers_without_mention_and_others_stay_quiet(router, bot_settings, store_at):
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        await h.say("When did Russia annex Crimea?")
        await h.final_reply(await h.slash("settings", channel_options={"ask_channel": p.CHANNEL_ID}))
        assert not h.emulator.payloads("POST", r"/channels/\d+/messages"), "not an ask channel yet"
        await h.say("When did Russia annex Crimea?")
        (reply,) = await replies_in(h, p.CHANNEL_ID, 1)
        assert "2014" in text_of(reply)


async def test_votes_change_count_once_per_user_and_survive_a_restart(router, bot_settings, store_at):
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        reply = await h.final_reply(await h.slash("ask", question="Who requested the call?"))
        up, down = sorted(vote_ids(reply), reverse=True)
        assert vote_ids(reply) == {up: "👍 0", down: "👎 0"}
        message = bot_messages(h)[-1]

        async def click(custom_id, who):
            token = await h.click(message, custom_id, who=who)
            return (await h.emulator.wait_for(lambda: h.callbacks(token)))[0]

        assert vote_ids((await click(up, ALICE))["data"]) == {up: "👍 1", down: "👎 0"}
        assert vote_ids((await click(up, ALICE))["data"]) == {up: "👍 1", down: "👎 0"}, "once per user"
        assert vote_ids((await click(down, BOB))["data"]) == {up: "👍 1", down: "👎 1"}
        changed = await click(down, ALICE)
        assert changed["type"] == 7 and vote_ids(changed["data"]) == {up: "👍 0", down: "👎 2"}
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        token = await h.click(message, up, who=BOB)
        after = (await h.emulator.wait_for(lambda: h.callbacks(token)))[0]
        assert vote_ids(after["data"]) == {up: "👍 1", down: "👎 1"}, "votes persisted across the restart"
        assert not h.emulator.unknown
    report = Store(store_at).report(1)
    assert report.questions == 1 and report.most_asked == [("who requested the call", 1)]


async def test_vote_on_a_foreign_answer_or_with_the_store_down(router, bot_settings, store_at, monkeypatch):
    store = LazyStore(store_at)
    async with BotHarness(router, bot_settings, store=store) as h:
        await h.final_reply(await h.slash("ask", question="Who requested the call?"))
        message = bot_messages(h)[-1]
        foreign = {**message, "components": [{"type": 1, "components": [
            {"type": 2, "style": 2, "label": "👍 0", "custom_id": "vote:up:987654321"}]}]}
        token = await h.click(foreign, "vote:up:987654321")
        refused = (await h.emulator.wait_for(lambda: h.callbacks(token)))[0]
        assert refused["data"]["flags"] == 64 and refused["data"]["content"] == VOTE_UNKNOWN

        def down():
            raise StoreError("database went away")

        monkeypatch.setattr(store, "get", down)
        up = next(cid for cid in vote_ids(message) if cid.startswith("vote:up"))
        token = await h.click(message, up)
        failed = (await h.emulator.wait_for(lambda: h.callbacks(token)))[0]
        assert failed["data"]["flags"] == 64 and failed["data"]["content"] == VOTE_NOT_SAVED
        reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?"))
        assert "2014" in text_of(reply) and not vote_ids(reply), "answers still work, without vote buttons"


async def test_declined_and_answered_questions_are_logged_without_user_ids(router, bot_settings, store_at):
    async with BotHarness(router, bot_settings, store=LazyStore(store_at)) as h:
        await h.final_reply(await h.slash("ask", question="What is the capital of France?"))
        await h.final_reply(await h.slash("ask", question="Who requested the call?"))
    report = Store(store_at).report(1)
    assert report.questions == 2 and report.most_declined == [("what is the capital of france", 1)]
    db = Path(store_at.removeprefix("sqlite:///"))
    for path in (db, db.with_name(db.name + "-wal")):
        assert not path.exists() or ALICE["id"].encode() not in path.read_bytes()
