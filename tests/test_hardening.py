"""Property tests: for any input, no exception; every Discord message within limits and free of pings."""

from __future__ import annotations

import re

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import render
from bot import responses as r
from bot.discord import render as dr
from bot.router import Router
from retrieval.article.cleaning import ArticleError, parse
from retrieval.qa.answer import Answer, ScoredPassage
from retrieval.quotes.quote_marks import Quote
from retrieval.quotes.quotebook import Lookup

PIECES = list("ab ¶/@*_`~|>#\n\t\x00\u200b“”\"'.,!?") + [
    "@everyone", "@here", "<@123456789012345678>", "<@&123456789012345678>", "/ask ", "/quote ", "/passage ",
    "who requested the call", "Ushakov", "x" * 300]
NASTY = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
PING = re.compile(r"@(everyone|here)|<@[!&]?\d{17,20}>")
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= dr.TITLE_MAX
    assert len(embed.description or "") <= dr.DESCRIPTION_MAX
    assert len(embed.fields) <= dr.FIELDS_MAX
    for f in embed.fields:
        assert len(f.name) <= dr.FIELD_NAME_MAX and len(f.value) <= dr.FIELD_VALUE_MAX
    assert len(embed) <= dr.EMBED_TOTAL_MAX
    for text in [embed.title or "", embed.description or ""] + [f.name + f.value for f in embed.fields]:
        assert not PING.search(text), text


@SLOW
@given(NASTY)
def test_router_never_raises_on_any_input(router: Router, text: str):
    response = router.handle(text)
    if isinstance(response, r.ErrorResponse):
        words = render.error_message(response)
        assert words and len(words) < 2000
    else:
        within_limits(dr.response_embed(response))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.integers(1, 3))
def test_article_cleaning_never_raises(text: str, blanks: int):
    try:
        art = parse(("\n" * blanks).join([text, text[::-1]]))
    except ArticleError:
        return
    assert art.headline and art.paragraphs and all(p.text.strip() for p in art.paragraphs)


passage = st.builds(ScoredPassage, st.integers(0, 10_000), st.text(max_size=3000), st.floats(0, 1),
                    st.floats(0, 100), st.floats(-1, 1), st.sampled_from(["body", "byline", "headline"]))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=5000), st.one_of(st.none(), st.text(max_size=9000)), st.lists(passage, max_size=40),
       st.lists(st.integers(1, 10_000), max_size=60), st.one_of(st.none(), st.integers(0, 39)))
def test_answer_embeds_fit_and_never_ping(question, text, passages, cites, page):
    answer = Answer(question, text, text is None, tuple(cites), tuple(passages))
    if page is not None and passages:
        page = page % len(passages)
    within_limits(dr.answer_embed(answer, page))


item = st.builds(Quote, st.text(max_size=2000), st.text(max_size=50), st.text(max_size=300), st.integers(1, 999),
                 st.sampled_from(["direct", "reported"]), st.text(max_size=400), st.integers(0, 9))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=400)), st.lists(item, max_size=40),
       st.one_of(st.none(), st.text(max_size=6000)))
def test_quote_embeds_fit_and_never_ping(query, speaker, quotes, message):
    lookup = Lookup(query, "ambiguous" if message else "found", speaker, tuple(quotes),
                    candidates=(message,) if message else ())
    within_limits(dr.quote_embed(r.QuoteResponse(query, lookup)))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=5000), st.text(max_size=500), st.lists(st.text(max_size=300), max_size=60),
       st.text(max_size=9000))
def test_other_renderers_fit_and_never_ping(headline, subtitle, authors, body):
    for response in (r.PassageResponse(1, body, 9), r.AboutResponse(headline, subtitle, tuple(authors), 3, 10, "x"),
                     r.HelpResponse(body)):
        within_limits(dr.response_embed(response))
    err = dr.error_text(r.ErrorResponse(body))
    assert len(err) <= dr.CONTENT_MAX and not PING.search(err)
    for part in dr.split_message(body):
        assert 0 < len(part) <= dr.CONTENT_MAX and not PING.search(part)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=150), st.text(max_size=150)), max_size=60), st.text(max_size=120))
def test_autocomplete_choices_fit(choices, typed):
    shown = dr.autocomplete_choices(choices, typed)
    assert len(shown) <= dr.CHOICES_MAX
    assert all(len(label) <= dr.CHOICE_NAME_MAX and len(name) <= dr.CHOICE_VALUE_MAX for label, name in shown)


@SLOW
@given(st.lists(st.text(max_size=80), max_size=6))
def test_json_lines_are_valid_utf8_one_per_input(router: Router, lines: list[str]):
    import io
    import json
    from contextlib import redirect_stdout

    from bot import cli

    out = io.StringIO()
    escaped = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    with redirect_stdout(out):
        cli._batch([line + "\n" for line in escaped], "ask", router.ask, True)
    rows = [json.loads(row) for row in out.getvalue().encode("utf-8").decode("utf-8").splitlines()]
    assert len(rows) == len(lines)
    for row, line in zip(rows, escaped, strict=True):
        assert row["question"] == cli.clean_text(cli._readable(line))
