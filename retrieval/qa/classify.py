"""What a question asks for, decided once and before any ranking: an overview of the article, a person's words
("what did NAME say?"), what happens next, who someone is, small talk, or an ordinary question; and whether it
leans on the conversation (a follow-up). Every rule that sorts questions lives here; whether a question is
about the article itself (its headline, byline, date) is the one decided later, by the encoder, in search.

Hand-written: these are the product's own question shapes, each a rule with its examples."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.lexicon import FUNCTION_WORDS
from retrieval.qa.followup import FollowUp, Turn, resolve

# A question made only of these words asks for an overview ("what's this article about?", "tl;dr",
# "summarise the piece", "what happened?", "give me the key points"): words about the text, not in it.
_OVERVIEW_WORDS = frozenset(
    """about article story piece report text news item post summary summarise summarize summarised summarized
    summarising summarizing sum recap overview gist tldr tl dr short brief briefly nutshell main key point points
    takeaway takeaways happen happened happening going explain overall whole general idea topic subject
    mean means""".split()
)
# Words that carry no subject in a message ("can you please tell me what this is about" holds none): the function
# words, but those that ask for an overview and the verbs of saying ("what does the article say?" asks something).
_FILLER = FUNCTION_WORDS - _OVERVIEW_WORDS - frozenset("say says said told think according".split()) | frozenset(
    "basically give like please quick quickly us want what's whats".split())
# A lower-case word of a message.
_WORD = re.compile(r"[a-z']+")


def asks_for_overview(question: str) -> bool:
    """True when every word of the question is about the text itself, and at least one asks for a summary."""
    words = [w.strip("'") for w in _WORD.findall(question.lower().replace("’", "'"))]
    words = [w.removesuffix("'s") for w in words if w]
    content = [w for w in words if w not in _FILLER]
    return bool(content) and all(w in _OVERVIEW_WORDS for w in content)


# "what did NAME say (about X)?", "what does the RAND analyst think?", "how did the Kremlin react?"
_SAID = re.compile(
    r"^\s*(?:so\s+|and\s+)?(?:what|how)\s+(?:did|does|do|has|have|had)\s+(?P<name>.+?)\s+"
    r"(?P<verb>say|said|tell|told|think|thought|argue|warn|add|react|respond|claim|mean|believe|feel|"
    r"predict|suggest)\b(?P<rest>.*)$", re.I)
# Whom they told ("what did Biden tell Putin?") is not what they spoke about.
_ADDRESSEE = re.compile(r"^\s*(?:(?:[A-Z][\w’'.-]*|the|him|her|them|us|me)\s*)+")
# "what was NAME's reaction?", "what is NAME's view on X?"
_POSSESSIVE = re.compile(
    r"^\s*(?:so\s+|and\s+)?what\s+(?:was|is|were|are)\s+(?P<name>.+?)['’]s?\s+"
    r"(?:reaction|response|view|views|position|take|stance|comment|comments|message|answer)\b(?P<rest>.*)$", re.I)
# Words that name the text itself or nobody in particular: "what does the article say?" is an ordinary question.
_NOT_SPEAKERS = frozenset("""he she they it i you we this that the article story report piece author writer
    everyone anyone someone people""".split())


def asked_speaker(question: str) -> tuple[str, str] | None:
    """(name, rest of the question) when the question asks what someone said, thought or how they reacted."""
    for pattern in (_SAID, _POSSESSIVE):
        match = pattern.match(question.strip().rstrip("?").strip())
        if match:
            name = match.group("name").strip(" ,")
            words = name.lower().split()
            if not words or all(w in _NOT_SPEAKERS for w in words) or len(words) > 6:
                return None
            rest = match.group("rest")
            if match.groupdict().get("verb", "").lower() in ("tell", "told"):
                rest = _ADDRESSEE.sub("", rest)
            return name, rest
    return None


# "what's next?", "what happens now?", "where does it go from here?": what happens next in the story, nothing more.
_ASKS = re.compile(
    r"^\s*(?:so|and|ok|okay)?[\s,]*(?:what(?:'s|’s|\s+is|\s+are)?\s+(?:the\s+)?next(?:\s+steps?)?|"
    r"what\s+(?:happens|comes|will\s+happen|is\s+going\s+to\s+happen)(?:\s+(?:next|now|after\s+this|from\s+here))?|"
    r"what\s+now|where\s+(?:does|do|will)\s+(?:it|this|things)\s+go\s+from\s+here)\s*[?.!]*\s*$",
    re.I,
)


def asks_next_steps(question: str) -> bool:
    """Whether the question asks what happens next in the story, and nothing more."""
    return bool(_ASKS.match(question))


# "who is NAME?", "who's NAME", "who were NAME?": answered by the paragraph that introduces NAME.
_WHO_IS = re.compile(r"^\s*who\s*(?:is|was|'s|’s|are|were)\s+(?P<name>[^?]+?)\s*\??\s*$", re.I)


def who_is(question: str) -> str | None:
    """The NAME of "who is NAME?", or None."""
    match = _WHO_IS.match(question)
    return match.group("name") if match else None


# Small talk: at most SMALL_TALK_WORDS words, no question mark, no wh-word ("hello", "thanks!", "ok").
SMALL_TALK_WORDS = 3
# The question word opening a question: "who", "how".
_WH_WORD = re.compile(r"^\s*(who|whom|whose|what|when|where|why|which|how)\b", re.I)


def small_talk_shape(question: str) -> bool:
    """Shaped like small talk; it is small talk when the article also shares none of its words."""
    return (len(question.split()) <= SMALL_TALK_WORDS and "?" not in question
            and not _WH_WORD.match(question))


@dataclass(frozen=True)
class Question:
    """A question as classified: each test once, in the order the router answers them (an overview, then a
    person's words; if the speaker's quotations can't answer it, it is searched with the rest)."""

    text: str
    overview: bool = False
    speaker: tuple[str, str] | None = None  # (NAME, the rest of the question) for "what did NAME say …?"
    next_steps: bool = False
    follow_up: FollowUp | None = None
    small_talk: bool = False


def classify(text: str, history: Sequence[Turn] | None = None) -> Question:
    """Classify a question; history (the conversation's turns, None outside one) makes it a follow-up."""
    if asks_for_overview(text):
        return Question(text, overview=True)
    return Question(text, speaker=asked_speaker(text), next_steps=asks_next_steps(text),
                    follow_up=resolve(text, history) if history is not None else None,
                    small_talk=small_talk_shape(text))
