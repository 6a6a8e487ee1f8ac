"""Follow-ups: which questions lean on the conversation, how conversations are bounded, and the chat contract."""

import json

import pytest

from bot.conversation import Conversations
from retrieval.qa.followup import Turn, leans_on_context, resolve

TURN = Turn("Who requested the call?", "Who requested the call?", (3,), True)


@pytest.mark.parametrize("question", ["Why did he want it?", "And Biden?", "What else did he say?", "Why?",
                                      "Who said so?", "What happened next?", "Did it keep that promise?"])
def test_questions_that_point_back(question):
    assert leans_on_context(question)


@pytest.mark.parametrize("question", ["Who is Angela Stant?", "What is the capital of France?",
                                      "When did Russia annex Crimea?", "What weapons has the US given Ukraine?"])
def test_questions_that_stand_alone(question):
    assert not leans_on_context(question)


def test_resolve_uses_the_last_answered_turn_and_its_citations():
    declined = Turn("What is the capital of France?", "What is the capital of France?", (), False)
    follow = resolve("Why did he want it?", [TURN, declined])
    assert follow.query == "Who requested the call? Why did he want it?" and follow.recent == (3,)
    assert resolve("When did Russia annex Crimea?", [TURN]) is None
    assert resolve("Why did he want it?", []) is None


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_conversations_are_bounded_by_turns_time_and_count():
    clock = Clock()
    convs = Conversations(max_turns=2, idle_minutes=1, max_conversations=2, clock=clock)
    for i in range(3):
        convs.add("a", Turn(f"q{i}", f"q{i}", (i,), True))
    assert [t.question for t in convs.history("a")] == ["q1", "q2"]
    convs.link("reply-1", "a")
    assert convs.history("reply-1") == convs.history("a")
    convs.add("b", TURN)
    convs.add("c", TURN)
    assert convs.history("a") == () and convs.history("b") and convs.history("c"), "least recent dropped"
    clock.now = 61
    assert convs.history("b") == (), "idle conversations are forgotten"
    assert Conversations(0, 1, 2).history("x") == ()


def test_off_topic_follow_up_is_declined_and_new_topic_drops_context(router):
    key = ("test", "off-topic")
    assert router.ask("Who requested the call?", key).answer.citations == (3,)
    off = router.ask("What's his favourite football team?", key)
    assert off.answer.abstained
    follow = router.ask("Why did he want it?", key)
    assert follow.answer.context_used and "speak directly with Mr Biden" in follow.answer.text
    fresh = router.ask("When did Russia annex Crimea?", key)
    assert not fresh.answer.context_used and fresh.answer.citations == (21,)


def test_chat_json_is_one_conversation(tmp_cache_env):
    import subprocess
    import sys

    from bot.config import PROJECT_ROOT

    turns = ["Who requested the call?", "Why did he want it?", "", "/quote Ushakov"]
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "chat", "--json"], input="\n".join(turns) + "\n",
                          capture_output=True, text=True, cwd=PROJECT_ROOT, env=tmp_cache_env, timeout=120)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 4, proc.stderr
    assert rows[0]["context_used"] is False and rows[0]["citations"] == [3]
    assert rows[1]["context_used"] is True and "speak directly with Mr Biden" in rows[1]["answer"]
    assert rows[2]["kind"] == "empty" and rows[2]["question"] == ""
    assert rows[3]["speaker"] == "Yuri Ushakov"


def test_questions_about_the_article_itself_are_answered_mid_conversation(real_encoder, settings):
    from bot.wiring import build_router
    from retrieval.article.cleaning import parse

    text = ("Council backs arena\n\nBy Ann Lee · Staff reporter\nPublished Nov. 21, 2026\n\n"
            "Council voted 7-4 on Tuesday to build a new downtown arena.\n\n"
            "Coun. Raj Bhullar voted against the plan. He said the city could not afford it.\n")
    router = build_router(settings, encoder=real_encoder, article=parse(text))
    key = ("test", "meta")
    assert router.ask("Who voted against the plan?", key).answer.citations == (2,)
    published = router.ask("When was this published?", key).answer
    assert published.text == "Published Nov. 21, 2026" and published.passages[0].source == "published"
    after = router.ask("Why was he against it?", key).answer  # follows the body turn, not the timestamp
    assert after.context_used and after.citations == (2,)
