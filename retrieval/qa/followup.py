"""Follow-up questions: decide whether a question leans on the conversation and, if so, what to search for.

Historical query expansion (the previous turns' questions prepended to the new one) plus a prior on the
paragraphs just cited and their neighbours; a question that names its own subject and points back at
nothing is searched alone, so a new topic or an off-topic question drops the context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.lexicon import FUNCTION_WORDS

# Words that point back at something said before (pronouns, demonstratives, "else", "next", "so").
_ANAPHORA = frozenset(
    """he him his she her hers it its they them their theirs that this those these there then such
    else next so one ones same other""".split()
)
# Openers that continue the last question: "and what about the budget?", "but why".
_OPENERS = re.compile(r"^\s*(and|but|so|also|then|what about|how about|and what about|or)\b", re.I)
# A word of a question.
_WORD = re.compile(r"[A-Za-z’']+")
# Words asking for more of the same: "what else", "anyone other".
_MORE = re.compile(r"\b(?:else|more|other|another|besides)\b", re.I)
# Question words: a question made only of them and pronouns needs the last one ("why?").
_WH = frozenset("who whom whose what when where why which how".split())
# Words too common to tell a new subject: "is", "the", "about".
_GENERIC = FUNCTION_WORDS | frozenset(
    """yes us say said says tell told think thinks thought mean means want wanted wants happen happened happens get
    got may might must""".split())


@dataclass(frozen=True)
class Turn:
    """One answered or declined turn of a conversation, as the follow-up logic needs it."""

    question: str
    query: str
    citations: tuple[int, ...]
    answered: bool


@dataclass(frozen=True)
class FollowUp:
    """What to search for a follow-up: the expanded query and the paragraphs the conversation was about."""

    query: str
    recent: tuple[int, ...]


def resolve(question: str, history: Sequence[Turn], max_turns: int = 2) -> FollowUp | None:
    """The question with its context when it leans on earlier turns, else None (search it alone)."""
    previous = [t for t in history if t.answered][-max_turns:]
    if not previous or not leans_on_context(question):
        return None
    context = " ".join(t.query for t in previous[-1:])
    recent = tuple(dict.fromkeys(p for t in reversed(previous) for p in t.citations))
    return FollowUp(f"{context} {question}".strip(), recent)


def leans_on_context(question: str) -> bool:
    """True for questions that point back ("why did he want it?", "and Biden?", "what else?", "why?")."""
    words = [w.lower().strip("’'") for w in _WORD.findall(question)]
    if not words:
        return False
    if _OPENERS.match(question) or any(w in _ANAPHORA for w in words):
        return True
    content = [w for w in words if w not in _GENERIC and w not in _WH]
    return len(content) <= 1


def asks_for_more(question: str) -> bool:
    """"What else did he say?", "any other reasons?": something the conversation has not cited yet."""
    return bool(_MORE.search(question))
