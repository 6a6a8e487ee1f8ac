"""What happens next: the sentences of an article about what is still to come, for "what happens next?",
"what's next?", "what are the next steps?".

News states the next step of a story (a vote, a deadline, a report due, a hearing) with a future form and,
most often, a time; it usually stands near the end. Such a question has no content word to rank by, so it
was declined. Hand-written: one question class and the future markers of English news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.article import passages
from retrieval.lexicon import MONTHS

# What is still to happen: "will", "has 30 days to", "is expected to".
_FUTURE = re.compile(
    r"(?-i:\b(?:will|won['’]t|shall)\b)|\b(?:has|have|had)\s+(?:\d+|\w+)\s+(?:days|weeks|months)\s+to\b"
    r"|\b(?:is|are|was|were)\s+(?:expected|scheduled|set|due|slated|poised|to)\s+|\bexpected\s+(?:to|within|by|in|on)\b"
    r"|\bplans?\s+to\b|\bdeadline\b|\buntil\b",
    re.I,
)
# "would": the future seen from the past ("the council would vote in May").
_WOULD = re.compile(r"(?-i:\bwould\b)")  # the future of reported speech, but also of conditions: half a marker
# Times ahead: "next week", "within 30 days", "by the end of the year".
_FUTURE_TIME = re.compile(
    r"\bnext\s+(?:week|month|year|spring|summer|fall|autumn|winter|step|steps|meeting|round|session)\b"
    r"|\bwithin\s+(?:the\s+next\s+|a\s+|an\s+)?\d*\s*(?:days?|weeks?|months?|years?|hours?)\b|\buntil\b"
    rf"|\bby\s+(?:the\s+end\s+of|early|mid|late|next|{MONTHS}|\d{{4}})\b|\blater\s+this\b"
    r"|\bin\s+the\s+(?:coming|spring|summer|fall|autumn|winter)\b"
    r"|\b(?:coming|next\s+few)\s+(?:days|weeks|months)\b|\b\d+\s+days\s+(?:after|to)\b",
    re.I,
)
SENTENCES = 2
SECOND = 1.0  # a second sentence only with a future form of its own (not only "would" or a time)
TIME_WEIGHT = 0.5
POSITION_WEIGHT = 0.3
QUOTED_WEIGHT = 1.0  # a sentence opening with a quotation is somebody's words: only when nothing else says


def pick(spans: Sequence[passages.Span], contents: Sequence[str], paragraphs: int) -> list[int]:
    """Indexes of the sentences, in article order, that best say what comes next: a future form, helped by a
    stated time and a later place in the story; [] when the article says nothing about what comes next."""
    scored = []
    for i, (span, text) in enumerate(zip(spans, contents, strict=True)):
        timed = bool(_FUTURE_TIME.search(text))
        marker = 1.0 if _FUTURE.search(text) else 0.5 if _WOULD.search(text) or timed else 0.0
        if not marker:
            continue
        position = (span.paragraph - 1) / max(paragraphs - 1, 1)
        quoted = text.lstrip()[:1] in "“\"‘'"
        scored.append((marker + TIME_WEIGHT * timed + POSITION_WEIGHT * position - QUOTED_WEIGHT * quoted, i))
    ranked = sorted(scored, reverse=True)
    best = ranked[:1] + [(score, i) for score, i in ranked[1:SENTENCES] if score >= SECOND]
    return sorted(i for _, i in best)
