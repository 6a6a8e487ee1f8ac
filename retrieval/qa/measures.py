"""Which kind of number a quantity question asks for, and whether a sentence gives a number of that kind.

The numeric classes of the Li & Roth question taxonomy (count, money, size, distance, duration, speed, weight,
percentage): "How big is the fire?" wants hectares, "How long will it last?" a span of time, and "How many
people left?" a count, not "two weeks". Hand-written for the same reason as answer_types: no trained tagger can
be installed here, and the unit words of English news are few.
"""

from __future__ import annotations

import re

# Numbers in words: "twelve", "thousands", "a dozen".
NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                r"hundreds?|thousands?|millions?|billions?|dozens?")
# Units of time: "years", "nights".
PERIODS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|nights?)"
# A count in digits or words: "3", "several", "a".
_NUMBER = rf"(?:\d[\d,.]*|{NUMBER_WORDS}|a\s+few|several|a|an)"
# Units of length: "km", "metres", "feet".
_LENGTH = r"(?:km|kilomet(?:re|er)s?|met(?:re|er)s?|miles?|feet|foot|ft|inch(?:es)?|cm|centimet(?:re|er)s?|yards?)"
# What each kind of measure looks like: "40 hectares" (size), "12 km" (distance), "$3 million" (money).
_UNITS = {
    "size": rf"\bhectares?\b|\bacres?\b|\bsquare\s+{_LENGTH}\b|\bsq\.?\s*(?:km|mi|ft|m)\b|\bkm2\b|km²",
    "distance": rf"\b{_NUMBER}(?:\s+|-){_LENGTH}\b",
    "duration": rf"\b{_NUMBER}(?:\s+|-)(?:more\s+)?{PERIODS}\b|\buntil\b|\bthrough\b",
    "speed": r"\bkm/h\b|\bkilomet(?:re|er)s?\s+(?:an|per)\s+hour\b|\bmph\b|\bmiles\s+(?:an|per)\s+hour\b|\bknots\b",
    "weight": r"\bkg\b|\bkilograms?\b|\btonnes?\b|\btons?\b|\bpounds\b|\blbs?\b",
    "money": r"[$£€¥]|\b(?:dollars?|cents|euros?|pounds\s+sterling|yuan|yen|rupees?)\b|"
             r"\b\d[\d,.]*\s*(?:million|billion|trillion)\b|\b\d[\d,.]*\s*[MBK]\b",
    "percentage": r"%|\bper\s*cent\b|\bpercent\b|\bhalf\b|\bthird\b|\bquarter\b|\bfraction\b|\bmajority\b",
}
# Questions and the measure each asks for: "how far" → distance, "how much did it cost" → money.
_ASKED = [
    (re.compile(r"\bhow\s+(?:big|large|vast)\b|\bwhat\s+(?:size|area)\b", re.I), "size"),
    (re.compile(r"\bhow\s+(?:far|tall|high|deep)\b|\bwhat\s+(?:distance|height|depth|length)\b", re.I), "distance"),
    (re.compile(rf"\bhow\s+long\b|\bhow\s+many\s+{PERIODS}\b|\bwhat\s+(?:duration|period)\b", re.I), "duration"),
    (re.compile(r"\bhow\s+fast\b|\bwhat\s+speed\b", re.I), "speed"),
    (re.compile(r"\bhow\s+heavy\b|\bweigh\b|\bwhat\s+weight\b", re.I), "weight"),
    (re.compile(r"\bwhat\s+(?:percentage|per\s*cent|proportion|share|fraction|portion)\b|\bhow\s+many\s+per\s*cent\b",
                re.I), "percentage"),
    (re.compile(r"\bhow\s+much\s+(?:money\b|.{0,60}\b(?:cost|costs|pay|paid|spend|spent|earn|earned|charge|raise|raised|"
                r"worth|price|fund|funding|budget|owe|owed|save|saved)\b)", re.I), "money"),
    (re.compile(r"\bhow\s+many\b", re.I), "count"),
]
# A digit or a number word: a sentence without one holds no measure.
_DIGIT_OR_NUMBER_WORD = re.compile(rf"\d|\b(?:{NUMBER_WORDS})\b", re.I)
# Any measure but a percentage: "12 km", "40 hectares".
_MEASURED = re.compile("|".join(f"(?:{p})" for k, p in _UNITS.items() if k != "percentage"), re.I)


def asked(question: str) -> str | None:
    """The kind of number a question asks for ("size", "duration", "count", …), or None."""
    for pattern, kind in _ASKED:
        if pattern.search(question):
            return kind
    return None


def gives(kind: str, sentence: str) -> bool:
    """Whether a sentence holds a number of the kind: a unit of it, or for a count a number that is not a
    measure ("4,500 residents", not "two weeks" or "60 kilometres")."""
    if kind == "count":
        return _has_digit_or_word(_MEASURED.sub(" ", sentence))
    return bool(re.search(_UNITS[kind], sentence, re.I))


def _has_digit_or_word(text: str) -> bool:
    return bool(_DIGIT_OR_NUMBER_WORD.search(text))
