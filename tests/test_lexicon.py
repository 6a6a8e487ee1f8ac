"""The shared word lists (retrieval/lexicon.py), each named with an example of what it is for."""

import re

import pytest

from retrieval import lexicon
from retrieval.article import header
from retrieval.qa import answer_types
from retrieval.quotes import speakers


@pytest.mark.parametrize(("name", "text"), [
    ("MONTHS", "Sept"), ("MONTHS", "March"), ("MONTHS", "jan"), ("WEEKDAYS", "Thursday"), ("WEEKDAYS", "sunday"),
])
def test_calendar_alternations_match_whole_words(name, text):
    assert re.fullmatch(f"(?:{getattr(lexicon, name)})", text, re.I)
    assert not re.fullmatch(f"(?:{getattr(lexicon, name)})", text + "x", re.I)


def test_each_module_reads_the_one_calendar():
    assert frozenset(lexicon.MONTH_NAMES) == speakers.MONTHS
    assert set(lexicon.WEEKDAY_NAMES) <= speakers.NOT_PERSON_WORDS, "'Thursday' is never a person"
    assert answer_types.holds(answer_types.DATE, "The vote is on Thursday.")
    assert header.parse("Published Sept. 3, 2026").published == "Published Sept. 3, 2026"
