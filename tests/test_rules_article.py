"""Every rule list and pattern of retrieval/article/ and the bot's few patterns, named with an example it holds
or matches and, where one is telling, one it must not."""

import pytest
from helpers import rule_holds, rules_defined

from bot import chat, config, fetch, router
from bot.discord import views
from retrieval.article import cleaning, dateline, formats, header, markdown_text, passages, sentences

# module, constant, an example it holds or matches, one it does not (or None)
RULES = [
    (cleaning, "_AD_MARKER", "— ADVERTISEMENT —", "Advertisers left the city."),
    (cleaning, "_NEWSLETTER", "Sign up for our newsletter", "The council met."),
    (cleaning, "_RIGHTS", "© 2026 The Ledger. All rights reserved.", "The council met."),
    (cleaning, "_CAPTION", "(AP Photo/Ann Lee)", "(the mayor)"),
    (cleaning, "_EDITORS_NOTE", "Correction: An earlier version misspelled her name.", "The correction came late."),
    (dateline, "DATELINE", "LONDON (Reuters) — ", "London is large."),
    (dateline, "_DATELINE", "BRANDVALE (AW) — ", "Brandvale is small."),
    (formats, "_BINARY", b"%PDF-1.7", b"<html>"),
    (formats, "_HTML_START", b"<!DOCTYPE html><html>", b"Plain text"),
    (formats, "_HTML_TAGS", b"text <p>more", b"text"),
    (formats, "_MARKDOWN", "# Headline\n\nText.", "Headline\n\nText."),
    (formats, "_MARKDOWN_NAMES", ".md", ".txt"),
    (formats, "_HTML_NAMES", ".htm", ".txt"),
    (formats, "_META_CHARSET", b'<meta charset="windows-1252">', b"<meta name=x>"),
    (header, "_MONTH", "sept.", None),
    (header, "_WEEKDAY", "tues.,", None),
    (header, "_CLOCK", "3:45 p.m. EST", None),
    (header, "_DATE", "tuesday march 3, 2026", None),
    (header, "_READING_TIME", "4 min read", "4 read"),
    (header, "_GLUED_READING_TIME", "March 3, 20264 min read", "March 3, 2026"),
    (header, "_TIMESTAMP", "Published March 3, 2026 at 3:45 p.m.", "The council met on March 3."),
    (header, "_HAS_FIGURE", "2026", "today"),
    (header, "_ROLE", "Staff reporter", "Mayor"),
    (header, "_OUTLET_WORD", "Times", "Mayor"),
    (header, "_OUTLET", "The Coastal Ledger News", "The mayor spoke"),
    (header, "_NAME", "Ann van der Berg", "ann"),
    (header, "_AND", "und", "or"),
    (header, "_NAMES_SPLIT", "Ann Lee and Bo Ng", "Ann Lee"),
    (header, "_BY", "By Ann Lee", "Byron Lee"),
    (header, "_BYLINE", "Written by Ann Lee", "Ann Lee"),
    (header, "_AUTHOR_AT", "Ann Lee at the Post", "Ann Lee"),
    (header, "_EMAIL_PLACEHOLDER", "[email protected]", "Ann Lee"),
    (header, "_SPLIT", "By Ann Lee · March 3, 2026", "By Ann Lee"),
    (header, "_LINK", "Related: Council backs plan", "Council backs plan"),
    (header, "_CREDIT", "— With files from the Canadian Press", "Files were lost"),
    (header, "_FOOTER", "This report by The Canadian Press was first published Nov. 21, 2026.", "This report is late."),
    (markdown_text, "_FRONT_MATTER", "---\ntitle: A\n---\n", "title: A\n"),
    (markdown_text, "_FRONT_FIELD", "author: Ann Lee", "colour: red"),
    (markdown_text, "_NAV_SEPARATORS", " › / » ", "Home"),
    (passages, "ANAPHORS", "it", "council"),
    (sentences, "LINE_END", "the plan.", "Local news"),
    (sentences, "ABBREVIATIONS", "sgt", "plan"),
    (sentences, "PLACE_ABBREVIATIONS", "u.s", "plan"),
    (sentences, "_NEXT_WORD", " The", None),
    (sentences, "_SENTENCE_OPENERS", "the", "council"),
    (sentences, "BEFORE_NUMBERS", "no", "plan"),
    (sentences, "_BOUNDARY", "the plan. The", "the plan"),
    (sentences, "_OPENERS", "“", "a"),
    (sentences, "_TRAILING_JUNK", ";", "."),
    (chat, "EXIT_WORDS", "/quit", "/ask"),
    (config, "_INT", "-3", None),
    (config, "_FLOAT", "1e-3", "e"),
    (fetch, "REDIRECTS", 301, 200),
    (fetch, "ACCEPTED_TYPES", "text/markdown", "image/png"),
    (router, "_COMMAND", "/quote Lee", "quote Lee"),
    (views, "VOTE_TEMPLATE", "vote:up:42", "vote:sideways:42"),
]


@pytest.mark.parametrize("module, name, example, counter", RULES,
                         ids=[f"{m.__name__.rsplit('.', 1)[-1]}.{n}" for m, n, _, _ in RULES])
def test_each_rule_holds_its_example(module, name, example, counter):
    rule = getattr(module, name)
    assert rule_holds(rule, example)
    if counter is not None:
        assert not rule_holds(rule, counter)


@pytest.mark.parametrize("module", [cleaning, dateline, formats, header, markdown_text, passages, sentences],
                         ids=lambda m: m.__name__)
def test_every_rule_of_a_module_is_named_here(module):
    assert rules_defined(module) - {n for m, n, _, _ in RULES if m is module} == set()
