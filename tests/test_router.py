import pytest

from bot import render
from bot import responses as r
from bot.router import Router, clean_text


def test_plain_text_and_ask_are_the_same(router):
    a, b = router.handle("Who requested the call?"), router.handle("/ask Who requested the call?")
    assert isinstance(a, r.AnswerResponse) and a == b
    assert a.answer.citations == (3,)


@pytest.mark.parametrize("text, kind", [("", "empty"), ("   ", "empty"), ("/ask", "empty"), ("\x00\x07", "empty"),
                                        ("x" * 501, "too_long"), ("/passage 0", "unknown_paragraph"),
                                        ("/passage 99", "unknown_paragraph"), ("/passage two", "usage"),
                                        ("/frobnicate", "usage"), ("/quote Merkel", "unknown_speaker")])
def test_bad_input_gets_a_typed_error(router, text, kind):
    resp = router.handle(text)
    assert isinstance(resp, r.ErrorResponse) and resp.kind == kind
    words = render.error_message(resp)
    assert words and "Traceback" not in words


def test_control_characters_are_cleaned_before_search(router):
    resp = router.handle("Who\x00 requested\u202e the\tcall?")
    assert isinstance(resp, r.AnswerResponse)
    assert resp.answer.question == "Who requested the call?"
    assert clean_text("a\x1b[31mb\r\nc") == "a [31mb c"


def test_mentions_and_markdown_are_just_text(router):
    resp = router.handle("@everyone **who** requested the call?")
    assert isinstance(resp, r.AnswerResponse) and not resp.answer.abstained


def test_passage_about_help(router, article):
    p = router.handle("/passage ¶3")
    assert isinstance(p, r.PassageResponse) and p.text == article.paragraph(3).text and p.total == 25
    about = router.handle("/about")
    assert about.authors == ("Michael R. Gordon", "Thomas Grove") and about.paragraphs == 25
    assert "/quote NAME" in router.handle("/help").text and "¶1..25" not in router.handle("/HELP").text


def test_quote_routes(router):
    resp = router.handle("/quote mr. ushakov")
    assert isinstance(resp, r.QuoteResponse) and resp.speaker == "Yuri Ushakov"
    listing = router.handle("/quote")
    assert isinstance(listing, r.QuoteResponse) and "Yuri Ushakov" in render.quote_message(listing.lookup)


def test_router_without_index_still_serves_passages(article, quotebook):
    router = Router(article, None, quotebook, 500)
    assert isinstance(router.passage(1), r.PassageResponse)
    assert router.ask("anything").kind == "unavailable"


def test_renderers_cover_every_response(router):
    for text in ("who requested the call?", "hello", "/quote Putin", "/quote", "/passage 2", "/about", "/help",
                 "/passage 0", "/quote Zelensky"):
        resp = router.handle(text)
        assert render.to_text(resp)
        assert isinstance(render.to_json(resp), dict)
    declined = render.to_text(router.handle("What is the capital of France?"))
    assert declined == "I couldn't find that in the article."


@pytest.mark.parametrize("text", ["hello", "thanks!", "ok", "good morning"])
def test_small_talk_gets_a_greeting_and_the_help(router, text):
    resp = router.handle(text)
    assert isinstance(resp, r.HelpResponse) and resp.text.startswith("Hi! I answer questions")
    assert render.to_json(resp)["kind"] == "help" and render.to_json(resp)["abstained"] is True


@pytest.mark.parametrize("text", ["Merkel?", "What is the capital of France?", "who won"])
def test_short_questions_are_questions_not_small_talk(router, text):
    resp = router.handle(text)
    assert isinstance(resp, r.AnswerResponse)
    assert resp.answer.abstained or text == "who won"


def test_hints_follow_the_transport(article):
    chat = Router(article, None, None, 500)
    cli = Router(article, None, None, 500, syntax="cli")
    assert "e.g. /passage 3" in chat.passage_text("x").message
    assert "e.g. article-bot passage 3" in cli.passage_text("x").message
    assert "article-bot ask QUESTION" in cli.ask("").message
