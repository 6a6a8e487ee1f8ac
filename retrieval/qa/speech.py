"""Questions about a person's words ("what did Biden say?", "how did the Kremlin react?") answered from the
same speaker entities as /quote: the speaker's quotations, those sharing most words with the rest of the
question first; someone the article only mentions gets a "not quoted" answer citing the mentions."""

from __future__ import annotations

import dataclasses

from retrieval.qa.answer import Answer, ScoredPassage
from retrieval.qa.classify import Question
from retrieval.qa.lexical import tokenize
from retrieval.qa.search import ArticleIndex
from retrieval.quotes.quotebook import Lookup, QuoteBook

MOST_QUOTES = 2


def speech_answer(q: Question, book: QuoteBook, index: ArticleIndex) -> Answer | None:
    """The answer from the speaker's quotations, a "not quoted" answer, or None (answer it by searching)."""
    if q.speaker is None:
        return None
    question = q.text
    name, rest = q.speaker
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
