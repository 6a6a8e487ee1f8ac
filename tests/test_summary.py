"""Extractive summaries and the questions that ask for one."""

import pytest

from bot import render
from bot import responses as r
from bot.wiring import build_router
from retrieval.article.cleaning import parse
from retrieval.qa.classify import asks_for_overview


def test_seed_summary_is_cited_verbatim_and_in_article_order(router, article):
    resp = router.summary()
    answer = resp.answer
    assert answer.kind == "summary" and 3 <= len(answer.sentences) <= 5
    assert len(answer.citations) >= 2 and list(answer.citations) == sorted(answer.citations)
    spans = [(s.paragraph, s.start) for s in answer.sentences]
    assert spans == sorted(spans)
    for s in answer.sentences:
        assert article.paragraph(s.paragraph).text[s.start:s.end] == s.text
    assert render.to_json(resp)["kind"] == "summary"


@pytest.mark.parametrize("text, expected", [
    ("Solo\n\nThe council approved the new budget on Monday after a long debate.",
     "The council approved the new budget on Monday after a long debate."),
    ("Quotes\n\n“We will win this fight,” the mayor said on Monday.\n\n“Nobody expected the vote to pass so "
     "easily,” said Ana Ruiz, a council member.", "“We will win this fight,” the mayor said on Monday."),
])
def test_short_and_quote_only_articles(text, expected, real_encoder, settings):
    router = build_router(settings.override({"model.cache_dir": ""}), encoder=real_encoder, article=parse(text))
    answer = router.summary().answer
    assert answer.text.startswith(expected) and not answer.abstained


@pytest.mark.parametrize("question", ["What's this story about?", "tl;dr please", "Can you sum it up briefly?",
                                      "Give me a quick overview", "what's going on here?", "main points?",
                                      "Summarize the report in a nutshell"])
def test_overview_requests_in_other_words(question, router):
    assert asks_for_overview(question)
    resp = router.handle(question)
    assert isinstance(resp, r.AnswerResponse) and resp.answer.kind == "summary" and resp.answer.question


@pytest.mark.parametrize("question", ["What happened to Crimea?", "What is the story about Ushakov?",
                                      "Who wrote the article?", "Why?", "hello"])
def test_specific_questions_are_not_overviews(question):
    assert not asks_for_overview(question)
