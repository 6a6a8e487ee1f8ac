"""Every question class decided in one place (retrieval/qa/classify.py), one example per rule."""

import pytest

from retrieval.qa.classify import classify, who_is
from retrieval.qa.followup import Turn


@pytest.mark.parametrize(("text", "expected"), [
    ("What's this story about?", "overview"), ("tl;dr", "overview"),
    ("What did Biden say about sanctions?", "speaker"), ("How did the Kremlin react?", "speaker"),
    ("What was Ushakov's response?", "speaker"), ("What's next?", "next_steps"),
    ("What happens now?", "next_steps"), ("hello", "small_talk"), ("thanks!", "small_talk"),
    ("Who requested the call?", None), ("What does the article say?", None),
])
def test_each_class_by_its_rule(text, expected):
    q = classify(text)
    found = {name for name in ("overview", "next_steps", "small_talk") if getattr(q, name)}
    found |= {"speaker"} if q.speaker else set()
    assert found == ({expected} if expected else set())


def test_who_is_and_follow_ups():
    assert who_is("Who is Yuri Ushakov?") == "Yuri Ushakov" and who_is("Who requested the call?") is None
    history = [Turn("Who requested the call?", "Who requested the call?", (3,), True)]
    assert classify("Why did he want it?", history).follow_up is not None
    assert classify("Why did he want it?").follow_up is None, "outside a conversation nothing is a follow-up"
    assert classify("What's this about?", history).follow_up is None, "an overview is never a follow-up"
