"""Every rule list and pattern of retrieval/qa/ and the shared retrieval/lexicon.py and retrieval/text.py, named
with an example it holds or matches and, where one is telling, one it must not."""

import pytest
from helpers import rule_holds, rules_defined

from retrieval import lexicon, text
from retrieval.qa import aliases, answer_types, classify, followup, lexical, measures, next_steps, reading

# module, constant, an example it holds or matches, one it does not (or None)
RULES = [
    (aliases, "_INITIALS_END", "Jacob J.", "Jacob"),
    (aliases, "_NAME_RUN", "Department of Forestry", "department"),
    (aliases, "_LINKERS", "of", "forestry"),
    (answer_types, "STRICT", answer_types.AGE, answer_types.PERSON),
    (answer_types, "_QUANTITY_NOUNS", "population", "mayor"),
    (answer_types, "_MEASURE_WORDS", "share", "mayor"),
    (answer_types, "_DATE_NOUNS", "year", "mayor"),
    (answer_types, "_PLACE_NOUNS", "city", "mayor"),
    (answer_types, "_AUXILIARIES", "was", "mayor"),
    (answer_types, "_WHAT_NOUN", "In what year did it open?", "Why did it open?"),
    (answer_types, "_POSSESSOR", "the city's ", None),
    (answer_types, "_WHAT_IS_NOUN", "What was the total cost?", "Who paid?"),
    (answer_types, "_WH", ("How old is she?", answer_types.AGE), ("Why did she go?", answer_types.AGE)),
    (answer_types, "_NAME_QUESTION", "What is the name of the ship?", "What is the cost?"),
    (answer_types, "_NUMBER_WORDS", "twice", "twins"),
    (answer_types, "_MONTHS_CAPITALISED", "March", "march"),
    (answer_types, "_WEEKDAYS_CAPITALISED", "Tuesday", "tuesday"),
    (answer_types, "_NOT_NAMES", "March", "Lee"),
    (answer_types, "_YEAR", "1896", "896"),
    (answer_types, "_MONTH_BEFORE", "Sept. ", "Set "),
    (answer_types, "_SPANS", (answer_types.QUANTITY, "$22 million"), (answer_types.QUANTITY, "a lot")),
    (classify, "_OVERVIEW_WORDS", "gist", "budget"),
    (classify, "_FILLER", "please", "budget"),
    (classify, "_WORD", "budget", "123"),
    (classify, "_SAID", "What did the mayor say about the budget?", "What is the budget?"),
    (classify, "_ADDRESSEE", "Putin about", None),
    (classify, "_POSSESSIVE", "What was the mayor's reaction?", "What was the mayor's budget?"),
    (classify, "_NOT_SPEAKERS", "article", "mayor"),
    (classify, "_ASKS", "what happens next?", "what happened?"),
    (classify, "_WHO_IS", "Who is Ann Lee?", "Who said it first?"),
    (classify, "_WH_WORD", "why did it close?", "it closed"),
    (followup, "_ANAPHORA", "they", "mayor"),
    (followup, "_OPENERS", "and what about the budget?", "the budget?"),
    (followup, "_WORD", "budget", "123"),
    (followup, "_MORE", "what else?", "what?"),
    (followup, "_WH", "why", "budget"),
    (followup, "_GENERIC", "about", "budget"),
    (lexicon, "FUNCTION_WORDS", "would", "budget"),
    (lexical, "_OUR", "colour", "our"),  # "devour" too: _NOT_OUR keeps it
    (lexical, "_NOT_OUR", "devour", "colour"),
    (lexical, "_SPELLINGS", "centre", "center"),
    (measures, "NUMBER_WORDS", "twelve", "twelfth"),
    (measures, "PERIODS", "nights", "nigh"),
    (measures, "_NUMBER", "several", None),
    (measures, "_LENGTH", "kilometres", None),
    (measures, "_UNITS", ("size", "40 hectares"), ("size", "40 people")),
    (measures, "_ASKED", ("How far is the dam?", "distance"), ("Who built the dam?", "distance")),
    (measures, "_DIGIT_OR_NUMBER_WORD", "three dams", "the dam"),
    (measures, "_MEASURED", "12 km", "12 people"),
    (next_steps, "_FUTURE", "The council will vote in May.", "The council voted."),
    (next_steps, "_WOULD", "it would vote", "it voted"),
    (next_steps, "_FUTURE_TIME", "next week", "last week"),
    (reading, "_QUESTION_OPENER", "Who closed the road?", "The road closed."),
    (lexicon, "MONTH_NAMES", "march", "marching"),
    (lexicon, "MONTHS", "sept", None),
    (lexicon, "WEEKDAY_NAMES", "sunday", "sun"),
    (lexicon, "WEEKDAYS", "sunday", None),
    (lexicon, "RELATIVE_DAYS", "tonight", "tomorrow"),
    (text, "TITLE_ABBREVIATIONS", "sgt", "sergeant"),
    (text, "WORD", "don't", "—"),
    (text, "_APOSTROPHES", ord("’"), ord("'")),
]


@pytest.mark.parametrize("module, name, example, counter", RULES,
                         ids=[f"{m.__name__.rsplit('.', 1)[-1]}.{n}" for m, n, _, _ in RULES])
def test_each_rule_holds_its_example(module, name, example, counter):
    rule = getattr(module, name)
    assert rule_holds(rule, example)
    if counter is not None:
        assert not rule_holds(rule, counter)


@pytest.mark.parametrize("module", sorted({m for m, _, _, _ in RULES}, key=lambda m: m.__name__),
                         ids=lambda m: m.__name__)
def test_every_rule_of_a_module_is_named_here(module):
    assert rules_defined(module) - {n for m, n, _, _ in RULES if m is module} == set()
