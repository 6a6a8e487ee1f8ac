"""One article per channel through the real client and the emulator: /article by an admin with a URL served
locally or an attached file, another server's channel keeps its article, threads inherit, the choice survives
a restart, non-admins are refused privately, private addresses are refused by default."""

from __future__ import annotations

import contextlib

from discord_emulator import payloads as p
from discord_emulator.harness import BotHarness
from discord_emulator.harness import text_of as shown

from bot.discord.render import ARTICLE_REFUSED
from bot.store import LazyStore, Store

FERRY = "Council approves new harbour ferry route after two-year wait"
OTHER_GUILD = p.GUILD_ID + 1
FAST = {"discord.cooldown_rate": 1000, "discord.cooldown_seconds": 60.0}


def text_of(body: dict) -> str:
    return shown(body, fields=True)


async def result_of(h: BotHarness, token: str) -> str:
    """The last edit of /article's message once it says how it went."""
    def done():
        texts = [e.get("content") or "" for e in h.edits(token)]
        return next((t for t in reversed(texts) if "now discusses" in t or "couldn't" in t), None)

    return await h.emulator.wait_for(done, 60)


async def test_article_per_channel_threads_restart_and_refusals(router, settings, store_at, site):
    open_settings = settings.override({**FAST, "article.allow_private_hosts": True})
    async with BotHarness(router, open_settings, guild_ids=(p.GUILD_ID, OTHER_GUILD),
                          store=LazyStore(store_at)) as h:
        refused = await h.final_reply(await h.slash("article", permissions="0", url=f"{site}/harbour-ferry.html"))
        assert refused["flags"] == 64 and refused["content"] == ARTICLE_REFUSED
        token = await h.slash("article", url=f"{site}/harbour-ferry.html")
        assert FERRY in await result_of(h, token)
        assert "Reading" in (await h.final_reply(token))["content"]
        answer = await h.final_reply(await h.slash("ask", question="How long will the ferry crossing take?"))
        assert "12 minutes" in text_of(answer) and "¶2" in text_of(answer)
        anyone = await h.final_reply(await h.slash("article", permissions="0"))
        shown = text_of(anyone)
        assert FERRY in shown and "harbour-ferry.html" in shown and "7 paragraphs" in shown
        elsewhere = await h.final_reply(await h.slash("about", guild_id=OTHER_GUILD))
        assert router.article.headline in text_of(elsewhere)
        await h.final_reply(await h.slash("settings", answer_in_threads=True))
        await h.say("Who voted against the plan?", mention_bot=True)
        thread = await h.emulator.wait_for(lambda: next(iter(h.emulator.threads.values()), None))
        in_thread = await h.emulator.wait_for(
            lambda: h.emulator.payloads("POST", rf"/channels/{thread['id']}/messages"))
        assert "Gerald Finch and Tomas Reyes" in text_of(in_thread[0])
    with contextlib.closing(Store(store_at)) as store:
        row = store.report(article=store.channel_article(p.CHANNEL_ID).sha256)
        assert row.questions == 2  # /ask and the mention, both logged against the ferry article
    async with BotHarness(router, open_settings, store=LazyStore(store_at)) as h:
        again = await h.final_reply(await h.slash("about"))
        assert FERRY in text_of(again), "the channel's article survives a restart"


async def test_attached_file_and_private_urls(router, settings, store_at, site):
    async with BotHarness(router, settings.override(FAST), store=LazyStore(store_at)) as h:
        private = await h.slash("article", url=f"{site}/harbour-ferry.html")
        assert "private or reserved" in await result_of(h, private)
        about = await h.final_reply(await h.slash("about"))
        assert router.article.headline in text_of(about), "a refused article changes nothing"
        token = await h.slash("article", attachments={"file": {"filename": "ice-storm-lines.txt", "size": 1500,
                                                                 "url": f"{site}/ice-storm-lines.txt",
                                                                 "content_type": "text/plain"}})
        assert "Ice storm leaves 30,000 without power" in await result_of(h, token)
        big = await h.final_reply(await h.slash("article", attachments={"file": {
            "filename": "huge.txt", "size": 50_000_000, "url": f"{site}/big", "content_type": "text/plain"}}))
        assert big["flags"] == 64 and "the limit is" in big["content"]
        pdf_file = {"filename": "report.pdf", "size": 20, "url": f"{site}/report.pdf",
                    "content_type": "application/pdf"}
        pdf = await h.slash("article", attachments={"file": pdf_file})
        assert "is a PDF" in await result_of(h, pdf)
