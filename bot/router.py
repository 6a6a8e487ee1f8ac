"""The one command grammar: text in ('/quote Ushakov', 'who requested the call?') → typed Response."""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Protocol

from retrieval.article import Article
from retrieval.quotebook import Lookup, SpeakerSummary
from retrieval.search import ArticleIndex

from . import responses as r

_log = logging.getLogger(__name__)

HELP_TEXT = """Ask me about the article: "{headline}".
  /ask QUESTION    answer from the article, citing paragraphs as ¶N (plain text works too)
  /quote NAME      what NAME said, quoted and reported; /quote alone lists the speakers
  /passage N       show paragraph ¶N (1..{total})
  /about           headline, authors and size of the article
  /help            this message"""
COMMANDS = ("ask", "quote", "passage", "about", "help")
_COMMAND = re.compile(r"^/(\w+)\b\s*(.*)$", re.S)


class QuoteLookup(Protocol):
    """What the router needs from the quotations library (retrieval.quotebook.QuoteBook)."""

    def lookup(self, name: str) -> Lookup: ...

    def speakers(self) -> list[SpeakerSummary]: ...


def clean_text(text: str) -> str:
    """Replace control and format characters by spaces and collapse runs of white space."""
    chars = (" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join("".join(chars).split())


class Router:
    """Parse commands and dispatch them to the article index and quote book."""

    def __init__(self, article: Article, index: ArticleIndex | None, quotes: QuoteLookup | None,
                 max_question_chars: int):
        self.article = article
        self.index = index
        self.quotes = quotes
        self.max_question_chars = max_question_chars

    def handle(self, text: str) -> r.Response:
        """Route one line of user input; plain text is a question."""
        text = text.strip()
        match = _COMMAND.match(text)
        if not match:
            return self.ask(text)
        name, arg = match.group(1).lower(), match.group(2)
        if name == "ask":
            return self.ask(arg)
        if name == "quote":
            return self.quote(arg)
        if name == "passage":
            return self.passage_text(arg)
        if name == "about":
            return self.about()
        if name == "help":
            return self.help()
        return r.ErrorResponse(f"Unknown command /{clean_text(name)[:30]}. Commands: "
                               + ", ".join("/" + c for c in COMMANDS) + ".")

    def check_question(self, question: str) -> r.ErrorResponse | None:
        """Cheap validation (no ranking): an error for empty or over-long questions, else None."""
        cleaned = clean_text(question)
        if not cleaned:
            return r.ErrorResponse("Please ask a question about the article, e.g. /ask who requested the call?",
                                   "empty")
        if len(cleaned) > self.max_question_chars:
            return r.ErrorResponse(
                f"That question is {len(cleaned)} characters long; the limit is {self.max_question_chars}. "
                "Please shorten it.", "too_long")
        return None

    def ask(self, question: str) -> r.Response:
        error = self.check_question(question)
        if error:
            return error
        if self.index is None:
            return r.ErrorResponse("Question answering is not available in this mode.", "unavailable")
        return r.AnswerResponse(self.index.search(clean_text(question)))

    def ask_many(self, questions: list[str]) -> list[r.Response]:
        """ask() for several questions at once; the valid ones are searched in one batch."""
        out: list[r.Response | None] = [self.check_question(q) for q in questions]
        if self.index is None:
            return [o or r.ErrorResponse("Question answering is not available in this mode.", "unavailable")
                    for o in out]
        todo = [i for i, o in enumerate(out) if o is None]
        answers = self.index.search_many([clean_text(questions[i]) for i in todo])
        for i, answer in zip(todo, answers, strict=True):
            out[i] = r.AnswerResponse(answer)
        return out

    def speaker_names(self) -> list[str]:
        """Quoted speakers, most quoted first (for autocomplete)."""
        return [s.name for s in self.quotes.speakers()] if self.quotes else []

    def quote(self, name: str) -> r.Response:
        cleaned = clean_text(name)
        if len(cleaned) > 100:
            return r.ErrorResponse(f"That name is {len(cleaned)} characters long; the limit is 100.", "too_long")
        if self.quotes is None:
            return r.ErrorResponse("Quotations are not available.", "unavailable")
        found = self.quotes.lookup(cleaned)
        if found.status == "unknown":
            return r.ErrorResponse(found.message or "Unknown speaker.", "unknown_speaker")
        return r.QuoteResponse(cleaned, found.speaker, found.quotes, found.message)

    def passage_text(self, arg: str) -> r.Response:
        cleaned = clean_text(arg).lstrip("¶#")
        total = len(self.article.paragraphs)
        if not re.fullmatch(r"[+-]?\d{1,9}", cleaned):
            return r.ErrorResponse(f"/passage needs a paragraph number from 1 to {total}, e.g. /passage 3.",
                                   "usage")
        return self.passage(int(cleaned))

    def passage(self, number: int) -> r.Response:
        total = len(self.article.paragraphs)
        try:
            para = self.article.paragraph(number)
        except IndexError:
            return r.ErrorResponse(f"There is no ¶{number}; the article has paragraphs ¶1 to ¶{total}.",
                                   "unknown_paragraph")
        return r.PassageResponse(para.number, para.text, total)

    def about(self) -> r.Response:
        a = self.article
        return r.AboutResponse(a.headline, a.subtitle, a.authors, len(a.paragraphs), a.word_count,
                               a.source.rsplit("/", 1)[-1])

    def help(self) -> r.Response:
        a = self.article
        return r.HelpResponse(HELP_TEXT.format(headline=a.headline, total=len(a.paragraphs)))
