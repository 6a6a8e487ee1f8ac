"""What kind of answer a question expects, and which sentences hold an answer of that kind.

Hand-written rules, because no trained tagger can be installed here (spaCy's English pipelines are not on
the package index these machines reach) and what is needed is coarse and English-wide: does a sentence
hold *a* quantity, a date, an age, a place, a name or a cause, the things the question's wh-word (or the
noun after "what/which") asks for. Types:

    quantity  how many/much, "what is the population/budget/price…"   digits, number words, money, per cent
    age       how old                                                 "Bell, 54,", "aged 71", "a 54-year-old",
                                                                      "opened in 1988", "born in 1962"
    date      when, what year/day/month                               years, months, weekdays, "last week",
                                                                      "within 30 days", "two weeks after"
    place     where, which city/country                              "in Leeds", "from Singapore"
    person    who, whom, whose                                        a capitalised name
    reason    why                                                     because, due to, after, so that …
    name      what is the name of / what is X called / which company  a capitalised word the question lacks
"""

from __future__ import annotations

import re

from retrieval.lexicon import MONTHS, WEEKDAYS
from retrieval.qa import measures

QUANTITY, AGE, DATE, PLACE, PERSON, REASON, NAME = "quantity", "age", "date", "place", "person", "reason", "name"
# Types whose absence from every candidate sentence means the article does not state the answer.
STRICT = frozenset({QUANTITY, AGE, DATE, NAME})

# Nouns whose "what is the …" asks for a number: "What is the population of …?".
_QUANTITY_NOUNS = frozenset(
    """number amount population budget price cost salary wage income revenue profit sales worth value total
    percentage rate size area length height weight distance speed temperature gdp debt deficit fee fine
    figure score capacity attendance turnout death toll tally margin share""".split()
)
# Words that name a measure rather than an attribute: an article gives "35%" without saying "percentage".
_MEASURE_WORDS = frozenset("number amount total percentage rate size figure value share margin".split())
# Nouns whose "what/which …" asks for a date: "In what year …?".
_DATE_NOUNS = frozenset("year date day month time century decade era season week".split())
# Nouns whose "what/which …" asks for a place: "Which city …?".
_PLACE_NOUNS = frozenset(
    "city country town state place location region province county village continent island capital".split()
)
# Auxiliaries after "what": "What was …" asks nothing by the noun.
_AUXILIARIES = frozenset("is was are were be been does did do has have had will would can could should".split())
# "what year…", "which city…", "in what country…"; else "what is [the] [X's] [annual] budget…"
_WHAT_NOUN = re.compile(r"^\s*(?:in|on|at|since|by|from|during|for|of)?\s*(?:what|which)\s+(\w+)", re.I)
# A possessor before the noun asked for: "What is the city's population?".
_POSSESSOR = r"(?:(?:[\w.-]+\s+){0,2}[\w.'’-]+['’]s\s+)?"
# "what is the <noun>": "What was the total cost?" → cost.
_WHAT_IS_NOUN = re.compile(rf"\bwhat\s+(?:is|was|are|were)\s+(?:the\s+|an?\s+)?{_POSSESSOR}(\w+)(?:\s+(\w+))?", re.I)
# Question words and the answer type each asks for: "how old" → age, "how many" → quantity, "when" → date.
_WH = [
    (re.compile(r"\bhow\s+old\b|\bwhat\s+age\b|\bat\s+what\s+age\b", re.I), AGE),
    (re.compile(r"\bhow\s+(?:many|much|long|far|tall|big|large|high|heavy|fast|often)\b", re.I), QUANTITY),
    (re.compile(r"^\s*(?:since\s+)?when\b|\bwhen\s+(?:is|was|did|does|do|will|were|are|had|has)\b", re.I), DATE),
    (re.compile(r"^\s*(?:from\s+)?where\b|\bwhere\s+(?:is|was|did|does|do|will|were|are)\b", re.I), PLACE),
    (re.compile(r"^\s*why\b|\bwhy\s+(?:is|was|did|does|do|will|were|are|had|has)\b|\bfor\s+what\s+reason\b", re.I),
     REASON),
    (re.compile(r"^\s*(?:who|whom|whose)\b|\b(?:by|to|with|for)\s+whom\b", re.I), PERSON),
]

# "What is the name of …", "What is X called?", "Which company …": the answer is a proper name.
_NAME_QUESTION = re.compile(
    r"\bwhat\s+(?:is|was|are|were|'s)\s+(?:the\s+)?(?:\w+['’]s\s+)?names?\b|\bnames?\s+of\b|\b(?:is|was|are|were)\s+"
    r"[\w\s'’-]{1,40}?\s+(?:called|named)\s*\??\s*$|^\s*(?:what|which)\s+(?:\w+\s+)?(?:company|firm|team|club|hospital|"
    r"university|school|college|party|publication|newspaper|magazine|network|band|brand|agency|organi[sz]ation|"
    r"platform|website|airline|bank|union|ministry|department|operator|insurer|developer|publisher|label)\b", re.I)
# Number words an answer may hold: "two", "half", "twice".
_NUMBER_WORDS = measures.NUMBER_WORDS + "|trillion|half|third|quarter|twice|double|triple"
# Month names as printed, for dates in prose: "March 3".
_MONTHS_CAPITALISED = "|".join(m.capitalize() for m in MONTHS.split("|"))
# Weekday names as printed: "Tuesday".
_WEEKDAYS_CAPITALISED = "|".join(d.capitalize() for d in WEEKDAYS.split("|"))
# Capitalised words that are no proper names: "March", "Tuesday", "I".
_NOT_NAMES = f"{_MONTHS_CAPITALISED}|{_WEEKDAYS_CAPITALISED}|I"
# A year: "1896", "2026".
_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")
# A month right before a number: "Sept. 3" is a date, not a quantity.
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+$", re.I)
# What each answer type looks like in a sentence: "$22 million" (quantity), "aged 71" (age), "last week" (date).
_SPANS = {
    QUANTITY: re.compile(rf"[$£€¥%]|\b(?:{_NUMBER_WORDS})\b|\bper\s*cent\b|(?<![\d,.])\d+(?:[.,]\d+)*", re.I),
    AGE: re.compile(rf"(?:^|[^\d,])\s*,\s*\d{{1,3}}\s*,|\baged?\s+(?:of\s+)?(?:\d{{1,3}}|{_NUMBER_WORDS})\b|"
                    r"\b\d{1,3}-year-old\b|"
                    r"\b\d{1,3}\s+years?\s+old\b|\(\d{1,3}\)|"
                    r"\b(?:born|opened|built|founded|established|launched|constructed|completed)\s+(?:in\s+)?"
                    r"(?:1[0-9]|20)\d\d\b", re.I),
    DATE: re.compile(rf"\b(?:1[0-9]{{3}}|20[0-9]{{2}})s?\b|(?-i:\b(?:{_MONTHS_CAPITALISED})\b)|\b(?:{WEEKDAYS})\b|"
                     r"\b(?:yesterday|today|tonight|tomorrow|ago|recently|earlier|later|century|decade)\b|"
                     r"\b(?:last|next|this|previous|same)\s+(?:week|month|year|spring|summer|autumn|fall|winter|"
                     r"morning|evening|night)\b|\b\d{1,2}(?:st|nd|rd|th)\b|"
                     rf"\b(?:within|in|after|for)\s+(?:about\s+|the\s+next\s+)?(?:\d+|{_NUMBER_WORDS})\s+{measures.PERIODS}\b|"
                     rf"\b(?:\d+|{_NUMBER_WORDS})\s+{measures.PERIODS}\s+(?:after|before|later|earlier|from\s+now)\b|"
                     r"\b(?:in|this|next|last|by)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\b", re.I),
    PLACE: re.compile(r"\b(?:in|at|from|near|to|into|outside|across|throughout|of)\s+(?:the\s+)?[A-Z][\w'’.-]+"),
    PERSON: re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z’'.-]+(?:\s+[A-Z][\w’'.-]+)+|"
                       r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+[A-Z]"),
    NAME: re.compile(rf"(?<![.!?]\s)(?<!^)(?<![“\"‘'])\b(?!(?:{_NOT_NAMES})\b)[A-Z][\w'’&.-]+|\b[A-Z]{{2,}}\b"),
    REASON: re.compile(r"\b(?:because|since|due\s+to|owing\s+to|as\s+a\s+result|result(?:ed|s)?\s+(?:of|from|in)|"
                       r"so\s+that|in\s+order\s+to|caused|causes?|reasons?|after|led\s+to|thanks\s+to|"
                       r"amid|over\s+(?:concerns?|fears?)|for\s+fear|therefore|hence|why)\b", re.I),
}


def expected(question: str) -> str | None:
    """The answer type a question asks for, or None when its wording does not say."""
    for pattern, kind in _WH:
        if pattern.search(question):
            return kind
    asked = attribute(question, measures=True)
    if asked:
        return asked[1]
    return NAME if _NAME_QUESTION.search(question) else None


def attribute(question: str, measures: bool = False) -> tuple[str, str] | None:
    """The typed noun a what/which question asks for and its type: ("budget", quantity) for "What is NATO's
    annual budget?", ("year", date) for "In what year…"; None when it asks for no such noun (or, unless
    `measures`, only for a measure word such as "percentage")."""
    nouns = []
    if (m := _WHAT_NOUN.match(question)) and m.group(1).lower() not in _AUXILIARIES:
        nouns.append(m.group(1))
    elif m := _WHAT_IS_NOUN.search(question):
        nouns.extend(w for w in m.groups() if w)
    if re.search(r"\bhow\s+(?:many|much)\b", question, re.I):
        nouns.extend(w for w in re.findall(r"\w+", question) if w.lower() in _QUANTITY_NOUNS)
    for noun in (n.lower() for n in nouns):
        if not measures and noun.rstrip("s") in _MEASURE_WORDS:
            continue
        for vocabulary, kind in ((_QUANTITY_NOUNS, QUANTITY), (_DATE_NOUNS, DATE), (_PLACE_NOUNS, PLACE)):
            if noun in vocabulary or noun.rstrip("s") in vocabulary:
                return noun, kind
    return None


def holds(kind: str, sentence: str, question: str = "") -> bool:
    """Whether sentence holds a span of the given kind that the question itself does not already contain."""
    asked = {m.group(0).strip().lower() for m in _spans(kind, question)}
    return any(m.group(0).strip().lower() not in asked for m in _spans(kind, sentence))


def strength(kind: str, sentence: str, question: str = "") -> float:
    """How well a sentence holds an answer of the kind: 1 for a span of it (of the asked measure, for a quantity
    question that names one: hectares for "how big", a span of time for "how long"), 0.5 for a quantity of
    another measure, 0 for none."""
    if not holds(kind, sentence, question):
        return 0.0
    measure = measures.asked(question) if kind == QUANTITY else None
    return 0.5 if measure and not measures.gives(measure, sentence) else 1.0


def _spans(kind: str, text: str) -> list[re.Match]:
    """Spans of a kind; a year ("in 2019") or a day of a month ("March 3") is a date, not a quantity."""
    found = list(_SPANS[kind].finditer(text))
    if kind == QUANTITY:
        found = [m for m in found if not _YEAR.fullmatch(m.group(0)) and not _MONTH_BEFORE.search(text, 0, m.start())]
    return found
