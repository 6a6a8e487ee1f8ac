"""The real discord.py client driven through the loopback Discord API emulator."""

from __future__ import annotations

import asyncio
import dataclasses
import time

import pytest
from discord_emulator import payloads as p
from discord_emulator.harness import ALICE, BOB, OTHER_BOT, BotHarness
from discord_emulator.server import Fault

CALLBACK_1 = r"/interactions/\d+/itoken-1/callback"
FAST = {"discord.cooldown_rate": 1000, "discord.cooldown_seconds": 60.0}


@pytest.fixture()
def bot_settings(settings):
    return settings.override(FAST)


def assert_no_pings(h: BotHarness) -> None:
    bodies = h.emulator.outgoing()
    assert bodies, "the bot sent nothing"
    for body in bodies:
        if {"content", "embeds"} & set(body):
            assert body.get("allowed_mentions") == {"parse": []} or body.get("allowed_mentions", {}).get(
                "parse") == [], body
    assert not h.emulator.unknown, h.emulator.unknown


def embed_text(body: dict) -> str:
    parts = [body.get("content") or ""]
    for e in body.get("embeds") or []:
        parts += [e.get("title", ""), e.get("description", "")]
        parts += [f["name"] + " " + f["value"] for f in e.get("fields", [])]
    return "\n".join(parts)


async def test_login_ready_and_guild_sync_with_option_names(router, bot_settings):
    async with BotHarness(router, bot_settings, dev_guild=p.GUILD_ID) as h:
        synced = await h.emulator.wait_for(lambda: h.emulator.synced.get(str(p.GUILD_ID)))
        options = {c["name"]: [o["name"] for o in c["options"]] for c in synced}
        assert options == {"ask": ["question"], "quote": ["speaker"], "passage": ["number"], "about": [],
                           "help": [], "settings": ["answer_in_threads", "ask_channel", "ask_channel_enabled"],
                           "summary": [], "article": ["url", "file"]}
        (sent,) = h.emulator.payloads("PUT", r"/applications/\d+/guilds/\d+/commands")
        admin = next(c for c in sent if c["name"] == "settings")
        assert int(admin["default_member_permissions"]) == 1 << 5 and admin["contexts"] == [0]
        quote = next(c for c in synced if c["name"] == "quote")
        assert quote["options"][0]["autocomplete"] is True
        assert "global" not in h.emulator.synced
        assert not h.emulator.unknown


async def test_ask_answers_in_one_call_with_citations(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        token = await h.slash("ask", question="Which leader requested Thursday's call?")
        reply = await h.final_reply(token)
        assert [c["type"] for c in h.callbacks(token)] == [4] and not h.followups(token)
        embed = reply["embeds"][0]
        assert "**Mr Putin** requested the call" in embed["description"] and "¶3" in embed["description"]
        assert embed["fields"][0]["name"].startswith("¶3")
        assert reply["components"], "the pager view is attached"
        assert_no_pings(h)


async def test_slow_answer_defers_then_follows_up(router, bot_settings, monkeypatch):
    quick_defer = bot_settings.override({"discord.defer_after": 0.05})
    answer_many = router.answer_many

    def slow(questions, conversations=None):
        time.sleep(0.3)
        return answer_many(questions, conversations)

    async with BotHarness(router, quick_defer) as h:
        monkeypatch.setattr(router, "answer_many", slow)
        token = await h.slash("ask", question="Which leader requested Thursday's call?")
        reply = await h.final_reply(token)
        assert [c["type"] for c in h.callbacks(token)] == [5], "thinking… shown while the answer is slow"
        assert "**Mr Putin** requested the call" in reply["embeds"][0]["description"]


async def test_off_topic_is_declined_and_cites_nothing(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        reply = await h.final_reply(await h.slash("ask", question="What's a good recipe for lasagna?"))
        embed = reply["embeds"][0]
        assert "couldn't find that in the article" in embed["description"]
        assert not embed.get("fields") and "¶" not in embed_text(reply)
        assert not reply.get("components")
        assert_no_pings(h)


async def test_quote_and_its_autocomplete(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        reply = await h.final_reply(await h.slash("quote", speaker="Mr. Ushakov"))
        embed = reply["embeds"][0]
        assert embed["title"] == "What Yuri Ushakov said"
        assert "Our president responded immediately" in embed["fields"][0]["value"]
        assert embed["fields"][0]["name"].startswith("¶2 · Quoted")
        token = await h.autocomplete("quote", "speaker", "ush")
        cb = (await h.emulator.wait_for(lambda: h.callbacks(token)))[0]
        assert cb["type"] == 8 and [c["name"] for c in cb["data"]["choices"]] == ["Yuri Ushakov"]
        token = await h.autocomplete("quote", "speaker", "")
        cb = (await h.emulator.wait_for(lambda: h.callbacks(token)))[0]
        assert 1 < len(cb["data"]["choices"]) <= 25
        unknown = await h.final_reply(await h.slash("quote", speaker="Merkel"))
        assert unknown["flags"] == 64 and "No one called" in unknown["content"]
        assert_no_pings(h)


async def test_pager_pages_for_the_asker_only(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        token = await h.slash("ask", question="When did Russia take Crimea?")
        await h.final_reply(token)
        sent = next(m for m in h.emulator.messages.values() if m.get("components"))
        click = await h.click(sent, "pager:show", who=ALICE)
        cb = (await h.emulator.wait_for(lambda: h.callbacks(click)))[0]
        assert cb["type"] == 7 and cb["data"]["embeds"][0]["footer"]["text"].startswith("Passage 1 of")
        nxt = await h.click(sent, "pager:next", who=ALICE)
        cb = (await h.emulator.wait_for(lambda: h.callbacks(nxt)))[0]
        assert cb["data"]["embeds"][0]["footer"]["text"].startswith("Passage 2 of")
        intruder = await h.click(sent, "pager:next", who=BOB)
        cb = (await h.emulator.wait_for(lambda: h.callbacks(intruder)))[0]
        assert cb["type"] == 4 and cb["data"]["flags"] == 64 and "Only the person who asked" in cb["data"]["content"]
        assert_no_pings(h)


async def test_pager_is_disabled_when_it_times_out(router, bot_settings):
    quick = dataclasses.replace(bot_settings, discord=dataclasses.replace(bot_settings.discord, view_timeout=0.3))
    async with BotHarness(router, quick) as h:
        await h.final_reply(await h.slash("ask", question="When did Russia take Crimea?"))
        edited = await h.emulator.wait_for(
            lambda: h.emulator.payloads("PATCH", r"/webhooks/\d+/[^/]+/messages/(\d+|@original)"))
        buttons = [c for row in edited[0]["components"] for c in row["components"]]
        assert buttons and all(b["disabled"] for b in buttons)


async def test_passage_in_and_out_of_range(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        ok = await h.final_reply(await h.slash("passage", number=13))
        assert ok["embeds"][0]["title"] == "¶13 of 25" and "guarantee" in ok["embeds"][0]["description"]
        bad = await h.final_reply(await h.slash("passage", number=99))
        assert bad["flags"] == 64 and "There is no ¶99" in bad["content"]
        about = await h.final_reply(await h.slash("about"))
        assert "Michael R. Gordon" in embed_text(about)
        helped = await h.final_reply(await h.slash("help"))
        assert "/quote NAME" in embed_text(helped)


async def test_mention_dm_and_reply_to_bot_are_answered(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        await h.say("who requested the call?", mention_bot=True)
        first = (await h.channel_replies(1))[0]
        assert "**Mr Putin** requested the call" in embed_text(first)
        assert first["message_reference"]["message_id"]
        await h.say("when did russia annex crimea", guild_id=None)
        dm = (await h.channel_replies(2))[1]
        assert "2014" in embed_text(dm)
        bot_msg = next(m for m in h.emulator.messages.values() if m["author"]["id"] == str(p.BOT_ID))
        await h.say("what anti-tank weapons were sent?", reply_to=bot_msg)
        third = (await h.channel_replies(3))[2]
        assert "anti-tank" in embed_text(third)
        assert_no_pings(h)


async def test_reply_without_readable_content_gets_a_hint(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        await h.say("who requested the call?", guild_id=None)
        bot_msg = (await h.emulator.wait_for(lambda: [m for m in h.emulator.messages.values()
                                                      if m["author"]["id"] == str(p.BOT_ID)]))[0]
        await h.say("", reply_to=bot_msg)  # a reply with the ping off carries no content without the intent
        hint = (await h.channel_replies(2))[1]
        assert "mention" in hint["content"] and not hint.get("embeds")


async def test_ignores_bots_and_unaddressed_messages(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        await h.say("who requested the call?", who=OTHER_BOT, mention_bot=True)
        await h.say("who requested the call?")  # guild message without a mention
        await h.say("ping", mention_bot=True)
        replies = await h.channel_replies(1)
        await asyncio.sleep(0.2)
        assert len(h.emulator.payloads("POST", r"/channels/\d+/messages")) == 1
        assert "Mr Putin" not in embed_text(replies[0])


async def test_everyone_in_a_question_never_pings(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        question = "@everyone <@&123456789012345678> **who** requested the call?"
        reply = await h.final_reply(await h.slash("ask", question=question))
        title = reply["embeds"][0]["title"]
        assert "@everyone" not in title and "<@&123456789012345678>" not in title and "\\*\\*who" in title
        await h.say("@here who requested the call?", mention_bot=True)
        await h.channel_replies(1)
        assert_no_pings(h)


async def test_five_thousand_char_question_gets_a_short_private_message(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        token = await h.slash("ask", question="why " * 1250)
        reply = await h.final_reply(token)
        assert h.callbacks(token)[0]["type"] == 4 and reply["flags"] == 64
        assert "limit is 500" in reply["content"] and len(reply["content"]) < 200


async def test_cooldown_answers_with_retry_time(router, settings):
    slow = settings.override({"discord.cooldown_rate": 1, "discord.cooldown_seconds": 30.0})
    async with BotHarness(router, slow) as h:
        for command in ("help", "about", "help", "about"):
            assert (await h.final_reply(await h.slash(command)))["embeds"], "browsing is never throttled"
        await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?"))
        second = await h.final_reply(await h.slash("ask", question="Who requested the call?"))
        assert second["flags"] == 64 and "Try again in 3" in second["content"]
        await h.say("who requested the call?", mention_bot=True)
        (mention,) = await h.channel_replies(1)
        assert "Try again in" in mention["content"], "mentions share the cooldown"
        other = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?", who=BOB))
        assert "embeds" in other and other["embeds"]
        await h.say("/summary", mention_bot=True)
        summary = (await h.channel_replies(2))[1]
        assert "Try again in" in summary["content"], "/summary by mention ranks too, and shares the cooldown"
        await h.say("/passage 3", mention_bot=True)
        passage = (await h.channel_replies(3))[2]
        assert passage["embeds"], "browsing by mention is never throttled"


async def test_429_with_via_is_retried(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        h.emulator.faults.append(Fault("POST", CALLBACK_1, 429, 1,
                                       {"message": "You are being rate limited.", "retry_after": 0.05,
                                        "global": False}, {"Via": "1.1 google"}))
        reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?"))
        assert "2014" in embed_text(reply)
        assert len(h.emulator.payloads("POST", CALLBACK_1, ok_only=False)) == 2  # the 429 and the retry


async def test_502_is_retried(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        h.emulator.faults.append(Fault("POST", CALLBACK_1, 502, 1, {"message": "Bad Gateway"}))
        reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?"))
        assert "2014" in embed_text(reply) and len(h.emulator.payloads("POST", CALLBACK_1, ok_only=False)) == 2


async def test_gateway_close_4000_resumes_and_keeps_answering(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        await h.emulator.drop_gateway(4000)
        await h.emulator.wait_for(lambda: h.emulator.resumes >= 1 and any(
            c.session_id for c in h.emulator.connections))
        assert h.emulator.identifies == 1
        reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?"))
        assert "2014" in embed_text(reply)


async def test_unexpected_error_gets_an_apology_and_a_logged_traceback(router, bot_settings, caplog, monkeypatch):
    def boom(questions, conversations=None):
        raise RuntimeError("index exploded")

    async with BotHarness(router, bot_settings) as h:
        monkeypatch.setattr(router, "answer_many", boom)
        reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?"))
        assert reply["flags"] == 64 and reply["content"].startswith("Sorry, something went wrong")
        assert "index exploded" not in reply["content"]
        assert any(r.exc_info and "index exploded" in str(r.exc_info[1]) for r in caplog.records)


async def test_burst_of_100_simultaneous_asks(router, bot_settings):
    questions = ["When did Russia annex Crimea?", "Who requested the call?", "What is the capital of France?",
                 "What did NATO state in 2008?"]
    async with BotHarness(router, bot_settings, heartbeat_interval_ms=250) as h:
        start = time.monotonic()
        tokens = await asyncio.gather(*(h.slash("ask", question=questions[i % 4], who=p.user(950 + i, f"u{i}"))
                                        for i in range(100)))
        replies = await asyncio.gather(*(h.final_reply(t, timeout=60) for t in tokens))
        elapsed = time.monotonic() - start
        assert len(replies) == 100 and all(r["embeds"] for r in replies)
        assert all(h.callbacks(t)[0]["type"] in (4, 5) for t in tokens)
        assert not h.heartbeats.blocked
        print(f"\nburst: 100 /ask answered in {elapsed:.2f}s")


async def test_two_shards_each_serve_their_guilds(router, settings):
    second_guild = p.GUILD_ID + (1 << 22)
    sharded = settings.override({"discord.shard_count": 2, **FAST})
    async with BotHarness(router, sharded, shards=2, guild_ids=(p.GUILD_ID, second_guild)) as h:
        assert h.bot.shard_count == 2 and set(h.bot.shards) == {0, 1}
        assert sorted(c.shard for c in h.emulator.connections) == [(0, 2), (1, 2)]
        for gid in (p.GUILD_ID, second_guild):
            reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?", guild_id=gid))
            assert "2014" in embed_text(reply)


async def test_one_process_can_run_a_subset_of_shards(router, settings):
    second_guild = p.GUILD_ID + (1 << 22)
    only_one = settings.override({"discord.shard_count": 2, "discord.shard_ids": [1], **FAST})
    async with BotHarness(router, only_one, shards=2, guild_ids=(p.GUILD_ID, second_guild)) as h:
        assert set(h.bot.shards) == {1}
        assert [c.shard for c in h.emulator.connections] == [(1, 2)]
        reply = await h.final_reply(await h.slash("ask", question="When did Russia annex Crimea?",
                                                  guild_id=second_guild))
        assert "2014" in embed_text(reply)


async def test_summary_command(router, bot_settings):
    async with BotHarness(router, bot_settings) as h:
        reply = await h.final_reply(await h.slash("summary"))
        embed = reply["embeds"][0]
        assert "Cited: ¶1" in embed["description"] and len(embed["fields"]) >= 2
        assert_no_pings(h)
