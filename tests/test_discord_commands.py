"""Slash commands are methods of the feature cogs: call them directly, without a gateway, and read what they
send."""

from types import SimpleNamespace

import pytest

from bot.discord.asking import Asking
from bot.discord.client import ArticleTree, create_bot
from bot.discord.info import Info
from bot.discord.quoting import Quotes
from bot.wiring import library_around


class FakeResponse:
    def __init__(self):
        self.sent: list[dict] = []
        self.deferred = False

    def is_done(self) -> bool:
        return self.deferred or bool(self.sent)

    async def send_message(self, content=None, **kwargs):
        self.sent.append({"content": content, **kwargs})
        return SimpleNamespace(resource=None)

    async def defer(self, **kwargs):
        self.deferred = True


class FakeFollowup:
    def __init__(self):
        self.sent: list[dict] = []

    async def send(self, content=None, **kwargs):
        self.sent.append({"content": content, **kwargs})


def interaction(user_id: int = 1):
    return SimpleNamespace(user=SimpleNamespace(id=user_id), response=FakeResponse(), followup=FakeFollowup(),
                           channel=None, channel_id=5, guild_id=7)


@pytest.fixture()
def bot(router, settings):
    bot = create_bot(lambda: router, settings)
    bot.library = library_around(router, settings)
    bot._router = router
    return bot


async def test_passage_and_its_errors(bot):
    cog = Info(bot)
    ok = interaction()
    await Info.passage.callback(cog, ok, 3)
    (sent,) = ok.response.sent
    assert sent["embed"].title == "¶3 of 25" and sent["allowed_mentions"].everyone is False
    bad = interaction()
    await Info.passage.callback(cog, bad, 99)
    assert bad.response.sent[0]["ephemeral"] is True and "There is no ¶99" in bad.response.sent[0]["content"]


async def test_ask_validates_first_and_answers_through_the_batcher(bot):
    cog = bot.asking
    empty = interaction()
    await Asking.ask_command.callback(cog, empty, "   ")
    assert not empty.response.deferred and empty.response.sent[0]["ephemeral"] is True
    asked = interaction()
    await Asking.ask_command.callback(cog, asked, "Who requested the call?")
    assert not asked.response.deferred and not asked.followup.sent, "a quick answer needs no defer"
    (answer,) = asked.response.sent
    assert "**Mr Putin** requested the call" in answer["embed"].description and answer["view"] is not None


async def test_quote_builds_its_index_off_the_event_loop(bot, monkeypatch):
    import threading

    cog = Quotes(bot)
    threads = []
    real = bot.router.quote
    monkeypatch.setattr(bot.router, "quote", lambda name: threads.append(threading.current_thread()) or real(name))
    asked = interaction()
    await Quotes.quote.callback(cog, asked, "Ushakov")
    assert threads and threads[0] is not threading.main_thread()
    assert "Our president responded immediately" in asked.response.sent[0]["embed"].fields[0].value


async def test_quote_autocomplete_lists_speakers(bot):
    choices = await Quotes(bot).quote_speakers(interaction(), "usha")
    assert [c.value for c in choices] == ["Yuri Ushakov"]


async def test_quote_autocomplete_shows_each_person_once_with_their_role(bot):
    choices = await Quotes(bot).quote_speakers(interaction(), "rand")
    assert [(c.name, c.value) for c in choices] == [("Dara Masicott — Russian military RAND Corp expert",
                                                     "Dara Masicott")]


async def test_only_ranking_commands_carry_the_cooldown_mark(bot):
    await bot.setup_hook()
    marked = {c.name for c in bot.tree.get_commands() if c.extras.get("ranks")}
    names = {c.name for c in bot.tree.get_commands()}
    assert names == {"ask", "summary", "quote", "passage", "about", "settings", "help", "article"}
    assert marked == {"ask", "summary"}
    assert isinstance(bot.tree, ArticleTree)
