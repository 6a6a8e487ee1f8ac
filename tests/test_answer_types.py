"""Expected answer types, typed spans, near-miss abstention and entity aliases (questions written for the
tests on a small article made up here, not taken from any evaluation set)."""

import pytest

from retrieval.article.cleaning import parse
from retrieval.qa import answer_types as types
from retrieval.qa.aliases import Aliases, acronyms, country_forms
from retrieval.qa.search import ArticleIndex

ARTICLE = "\n\n".join([
    "Harbour bridge reopens after two-year repair",
    "By Lena Ortiz",
    "OSLO, May 4 - The city's main harbour bridge reopened to traffic on Tuesday after a repair that cost 410 "
    "million crowns, two years longer than planned.",
    'Mayor Erik Dahl, 61, cut the ribbon. "This bridge carries 40,000 cars a day," he said.',
    "The Norwegian Public Roads Administration (NPRA) said cracks found in 2021 had forced the closure because "
    "the steel cables had corroded.",
    "Cyclists said they had waited too long. Commuter groups in the capital welcomed the news.",
]) + "\n"


@pytest.mark.parametrize("question, kind", [
    ("How old is the mayor?", types.AGE), ("how many cars cross it every day", types.QUANTITY),
    ("When did the bridge reopen?", types.DATE), ("In what year were the cracks found?", types.DATE),
    ("Where is the bridge?", types.PLACE), ("Which city is it in?", types.PLACE), ("Who cut the ribbon?", types.PERSON),
    ("Why was the bridge closed?", types.REASON), ("What is the mayor's salary?", types.QUANTITY),
    ("What is the city's annual budget?", types.QUANTITY), ("What did the mayor say?", None),
])
def test_expected_type(question, kind):
    assert types.expected(question) == kind


@pytest.mark.parametrize("kind, sentence, question, held", [
    (types.AGE, "Mayor Erik Dahl, 61, cut the ribbon.", "", True),
    (types.AGE, "Mayor Erik Dahl cut the ribbon in 2021.", "", False),
    (types.AGE, "The arena, which opened in 1988, needs repairs.", "", True),  # "how old is the arena?"
    (types.QUANTITY, "It cost 410 million crowns.", "", True),
    (types.QUANTITY, "OSLO, May 4 - cracks found in 2021.", "", False),  # a year and a day of a month are dates
    (types.DATE, "Cracks were found in 2021.", "When were cracks found?", True),
    (types.DATE, "Cracks were found in 2021.", "What happened in 2021?", False),  # only the question's own date
    (types.DATE, "They may reopen it.", "", False),  # "may" is not May
    (types.DATE, "A report is expected within 30 days.", "", True),  # a "when" answered by a time span
    (types.DATE, "The union can strike 14 days after that.", "", True),
    (types.DATE, "It will be decided in the spring budget.", "", True),
    (types.DATE, "The team played 30 games.", "", False),
    (types.REASON, "It closed because the cables had corroded.", "", True),
])
def test_typed_spans(kind, sentence, question, held):
    assert types.holds(kind, sentence, question) is held


def test_measure_words_are_never_an_absent_attribute():
    assert types.attribute("What percentage of cars are electric?") is None
    assert types.attribute("What is the population of Oslo?") == ("population", types.QUANTITY)


def test_countries_are_one_entity_with_their_capital_and_demonym():
    forms = country_forms()
    assert forms["kyiv"] == forms["ukraine"] and "ukrainian" in forms["kyiv"]
    assert "washington" in forms["united states"]


def test_aliases_come_from_the_data_package_and_the_articles_acronyms():
    aliases = Aliases(["Russia massed troops near Ukraine.", "The Greater Toronto Area grew."])
    assert aliases.of("kyiv", "Kyiv") == "ukraine"
    assert aliases.of("moscow", "Moscow") == "russia"
    assert aliases.of("gta", "GTA") == "Greater Toronto Area"
    assert aliases.of("us", "us") is None  # two letters count only in capitals
    assert acronyms(["The North Atlantic Treaty Organization met."]) == {"nato": "North Atlantic Treaty Organization"}


@pytest.fixture(scope="module")
def bridge(real_encoder, settings):
    return ArticleIndex(parse(ARTICLE), real_encoder, settings.retrieval, settings.abstention)


@pytest.mark.parametrize("question, paragraph, words", [
    ("How old is the mayor?", 2, "61"),
    ("How much did the repair cost?", 1, "410 million"),
    ("Why was there a closure?", 3, "because"),
    ("What had forced the closure?", 3, "cracks"),
])
def test_typed_questions_are_answered_from_the_sentence_that_holds_the_answer(bridge, question, paragraph, words):
    ans = bridge.search(question)
    assert not ans.abstained and ans.citations[0] == paragraph and words in ans.text


@pytest.mark.parametrize("question", [
    "How old is Lena Ortiz?",  # named, but no age stated for her
    "What is the population of Oslo?",  # the article never gives a population
    "How much is the mayor's salary?",
    "What is Norway's annual budget?",
])
def test_near_misses_are_declined(bridge, question):
    ans = bridge.search(question)
    assert ans.abstained and ans.citations == ()


def test_headline_answers_questions_about_the_article_not_about_its_subject(bridge):
    assert bridge.search("What's the headline?").passages[0].source == "headline"
    assert bridge.search("Who wrote this piece?").passages[0].source == "byline"
    assert bridge.search("When did the harbour bridge reopen?").passages[0].source == "body"


def test_a_dateline_is_a_citable_unit(bridge, article):
    assert bridge.article.dateline == "OSLO, May 4" and article.dateline is None
    ans = bridge.search("Where was this article written, and when?")
    assert ans.passages[0].source == "dateline" and ans.text == "OSLO, May 4"
    assert bridge.search("When did the bridge reopen?").passages[0].source == "body"


def test_the_datelines_date_is_not_an_answer(real_encoder, settings):
    text = ("Harbour bridge reopens\n\nOSLO, May 4 - The harbour bridge reopened to traffic after a long repair of "
            "its cables.\n\nThe mayor cut the ribbon and thanked the workers who repaired the bridge cables.\n")
    index = ArticleIndex(parse(text), real_encoder, settings.retrieval, settings.abstention)
    ans = index.search("When did the repair of the bridge cables begin?")
    assert ans.abstained and ans.evidence.missing_type == types.DATE  # May 4 is when the story was filed


@pytest.mark.parametrize("question, sentence, score", [
    ("How big is the fire now?", "The fire has grown to about 12,000 hectares.", 1.0),
    ("How big is the fire now?", "Some 220 firefighters and 14 helicopters are at the fire.", 0.5),
    ("How many people had to leave?", "Roughly 4,500 residents were ordered to leave.", 1.0),
    ("How many people had to leave?", "The evacuation could last two weeks.", 0.5),  # a span of time, not a count
    ("How long could the evacuation last?", "The evacuation could last two weeks.", 1.0),
    ("What percentage of nurses voted yes?", "In all, 94 per cent of members voted yes.", 1.0),
    ("How fast were the winds?", "Gusts reached 60 kilometres an hour.", 1.0),
    ("How many people had to leave?", "Nobody knew where to go.", 0.0),
    ("How much will the repair cost?", "The repair will cost $2.4 million.", 1.0),
    ("How much will the repair cost?", "The repair will take 14 workers.", 0.5),
    ("How many beds are there?", "The wing cost $2.4 million.", 0.5),  # money is not a count
])
def test_quantity_questions_prefer_the_measure_they_ask_for(question, sentence, score):
    assert types.strength(types.QUANTITY, sentence, question) == score


@pytest.mark.parametrize("question, kind", [
    ("What is the name of the mining company?", types.NAME), ("What is the new arena called?", types.NAME),
    ("Which hockey team will play there?", types.NAME), ("What company is building it?", types.NAME),
    ("Which city passed the ordinance?", types.PLACE), ("What did the company say?", None),
])
def test_questions_asking_for_a_proper_name(question, kind):
    assert types.expected(question) == kind


def test_a_name_question_is_declined_when_no_candidate_sentence_names_anything(real_encoder, settings):
    text = ("Council backs new arena\n\n"
            "Council voted 7-4 on Tuesday to build a new downtown arena beside the river.\n\n"
            "The rest of the cost would come from ticket surcharges and a private operator.\n\n"
            "Mayor Anita Soltys said the old arena needed costly repairs.\n")
    index = ArticleIndex(parse(text), real_encoder, settings.retrieval, settings.abstention)
    ans = index.search("What is the name of the private operator?")
    assert ans.abstained and ans.evidence.missing_type == types.NAME
    assert not index.search("What is the name of the mayor who said the old arena needed repairs?").abstained
    assert not types.holds(types.NAME, "Council voted on Tuesday in March.")  # days and months are not names
