"""Questions about a person's words ("what did Biden say?", "how did the Kremlin react?") answered from the
same speaker entities as /quote: the speaker's quotations, those sharing most words with the rest of the
question first; someone the article only mentions gets a "not quoted" answer citing the mentions."""

from __future__ import annotations

import dataclasses
import re

from retrieval.qa.lexical import tokenize
from retrieval.qa.search import Answer, ArticleIndex, ScoredPassage
from retrieval.quotes.quotebook import Lookup, QuoteBook

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
MOST_QUOTES = 2


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


def speech_answer(question: str, book: QuoteBook, index: ArticleIndex) -> Answer | None:
    """The answer from the speaker's quotations, a "not quoted" answer, or None (answer it by searching)."""
    asked = asked_speaker(question)
    if asked is None:
        return None
    name, rest = asked
    found = book.lookup(name)
    if found.status == "found":
        return _quoting(question, found, rest, index)
    key = book.match(name)
    person = key is not None and book.people[key].kind == "person"
    if found.status == "mentioned" and found.paragraphs and person:
        passages = tuple(ScoredPassage(p, index.article.paragraph(p).text, 1.0, 0.0, 0.0)
                         for p in found.paragraphs)
        return Answer(question, None, True, (), passages, kind="not_quoted", speaker=found.speaker)
    return None


def _quoting(question: str, found: Lookup, rest: str, index: ArticleIndex) -> Answer | None:
    terms = set(tokenize(rest))
    quotes = list(found.quotes)
    direct = [q for q in quotes if q.kind == "direct"] or quotes
    if terms:
        overlap = [len(terms & set(tokenize(q.text))) for q in quotes]
        if max(overlap) == 0:
            return None  # "what did Biden say about climate change?": none of their words; search decides
        ranked = sorted(zip(overlap, quotes, strict=True), key=lambda pair: -pair[0])
        direct = [q for shared, q in ranked if shared]
    chosen = direct[:MOST_QUOTES]
    picked = sorted({j for q in chosen for j, sp in enumerate(index.sentences)
                     if sp.paragraph == q.paragraph and sp.start < q.start + len(q.text) and q.start < sp.end})
    answer = index.quoting(question, picked, kind="quotes")
    return dataclasses.replace(answer, speaker=found.speaker)
