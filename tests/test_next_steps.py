"""'What happens next?' answered from the sentences about what is still to come (articles made up here)."""

import pytest

from retrieval.article.cleaning import parse
from retrieval.qa.classify import asks_next_steps
from retrieval.qa.search import ArticleIndex

STORY = ("Nurses vote for strike mandate\n\n"
         "HALIFAX — Nurses have voted to give their union a strike mandate.\n\n"
         '"We would have walked out years ago if we could," one nurse said.\n\n'
         "Talks broke off in October after 11 sessions.\n\n"
         "A conciliator's report is expected within 30 days. The union cannot strike until 14 days after that.\n")


@pytest.mark.parametrize("question, asked", [
    ("What happens next?", True), ("what's next", True), ("What are the next steps?", True), ("so what now?", True),
    ("What will happen now?", True), ("Where does it go from here?", True),
    ("What happened?", False), ("What happens next for the nurses?", False), ("Who is next in line?", False),
])
def test_the_question_class(question, asked):
    assert asks_next_steps(question) is asked


@pytest.fixture(scope="module")
def story(real_encoder, settings):
    return ArticleIndex(parse(STORY), real_encoder, settings.retrieval, settings.abstention)


def test_next_steps_are_the_sentences_about_what_is_to_come(story):
    ans = story.search("What happens next?")
    assert not ans.abstained and ans.citations == (4,)
    assert ans.text.startswith("A conciliator's report is expected within 30 days.")
    assert "walked out" not in ans.text  # a quotation about the past is not a next step


def test_an_article_that_says_nothing_of_the_future_declines(real_encoder, settings):
    text = "Storm hits coast\n\nThe storm made landfall on Monday.\n\nThousands lost power overnight.\n"
    index = ArticleIndex(parse(text), real_encoder, settings.retrieval, settings.abstention)
    ans = index.search("what's next?")
    assert ans.abstained and ans.citations == ()
