"""The one command grammar: text in ('/quote Ushakov', 'who requested the call?') → typed Response."""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from retrieval.qa.classify import Question, classify
from retrieval.qa.followup import FollowUp, Turn
from retrieval.qa.summary import summarize

from . import responses as r
from .config import is_url
from .conversation import Conversations

if TYPE_CHECKING:
    from retrieval.article.cleaning import Article
    from retrieval.qa.answer import Answer
    from retrieval.qa.search import ArticleIndex
    from retrieval.quotes.quotebook import Lookup, SpeakerSummary
    from retrieval.settings import SummarySettings

_log = logging.getLogger(__name__)

HELP_TEXT = """Ask me about the article: "{headline}".
  /ask QUESTION    answer from the article, citing paragraphs as ¶N (plain text works too)
  /summary         the article in a few of its own sentences, cited
  /quote NAME      what NAME said, quoted and reported; /quote alone lists the speakers
  /passage N       show paragraph ¶N (1..{total})
  /about           headline, authors and size of the article
{extra}  /help            this message
Follow-ups work: "why did he want it?" or "and Biden?" is answered with the conversation so far
(this chat; in Discord a thread I answer in, a DM, or a reply to one of my answers)."""
DISCORD_EXTRA = "  /article         this channel's article; Manage Server can set one with url: or file:\n"
CLI_HELP_TEXT = """Ask me about the article: "{headline}".
  article-bot ask QUESTION    answer from the article, citing paragraphs as ¶N
  article-bot summary         the article in a few of its own sentences, cited
  article-bot quote NAME      what NAME said, quoted and reported; quote alone lists the speakers
  article-bot passage N       show paragraph ¶N (1..{total})
  article-bot about           headline, authors and size of the article
  article-bot --article FILE|URL COMMAND   the same about another article (web page, Markdown or text)
Follow-ups ("why did he want it?") need the conversation so far: use `article-bot chat`."""
COMMANDS = ("ask", "summary", "quote", "passage", "about", "help")
RANKING_COMMANDS = frozenset({"ask", "summary"})
GREETING = "Hi! I answer questions about one article, quoting it and citing its paragraphs."
# A slash command typed as text: "/quote Lee".
_COMMAND = re.compile(r"^/(\w+)\b\s*(.*)$", re.S)


@dataclass(frozen=True)
class Request:
    """One line of input parsed and validated: the command, its argument, and the refusal when it is refused
    before any work. A request that ranks (a question, a summary) is what cooldowns count."""

    command: str
    argument: str
    error: r.ErrorResponse | None = None

    @property
    def ranks(self) -> bool:
        return self.error is None and self.command in RANKING_COMMANDS


class QuoteLookup(Protocol):
    """What the router needs from the quotations library (retrieval.quotes.quotebook.QuoteBook)."""

    def lookup(self, name: str) -> Lookup: ...

    def speakers(self) -> list[SpeakerSummary]: ...


def clean_text(text: str) -> str:
    """Replace control and format characters by spaces and collapse runs of white space."""
    chars = (" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join("".join(chars).split())


class Router:
    """Parse commands and dispatch them to the article index and quote book."""

    def __init__(self, article: Article, index: ArticleIndex | None,
                 quotes: QuoteLookup | Callable[[], QuoteLookup] | None, max_question_chars: int,
                 syntax: str = "slash", conversations: Conversations | None = None,
                 summary: SummarySettings | None = None):
        """quotes may be a factory: the quote index is then built on the first /quote, not at start.
        syntax: how hints spell commands, "slash" (chat: /passage 3), "discord" (the same, with /article) or "cli"
        (article-bot passage 3)."""
        self.article = article
        self.syntax = syntax
        self.conversations = conversations
        self.summary_settings = summary
        self._summary: Answer | None = None
        self.index = index
        self._quotes = quotes
        self._quotes_lock = threading.Lock()
        self.max_question_chars = max_question_chars

    @property
    def quotes(self) -> QuoteLookup | None:
        if callable(self._quotes):
            with self._quotes_lock:
                if callable(self._quotes):
                    self._quotes = self._quotes()
        return self._quotes

    @staticmethod
    def parse(text: str) -> tuple[str, str]:
        """Split user input into (command, argument); plain text is ('ask', text)."""
        text = text.strip()
        match = _COMMAND.match(text)
        if not match:
            return "ask", text
        return match.group(1).lower(), match.group(2)

    def request(self, text: str) -> Request:
        """One line of user input parsed and validated, before any work: every transport's first step."""
        name, arg = self.parse(text)
        if name == "ask":
            return self.question(arg)
        if name not in COMMANDS:
            return Request(name, arg, r.ErrorResponse(f"Unknown command /{clean_text(name)[:30]}. Commands: "
                                                      + ", ".join(self.example(c) for c in COMMANDS) + "."))
        return Request(name, arg)

    def question(self, text: str) -> Request:
        """A question (/ask, or plain text) validated: refused when empty or over-long."""
        return Request("ask", text, self.check_question(text))

    def handle(self, text: str, conversation: Hashable | None = None) -> r.Response:
        """Route one line of user input; plain text is a question (asked in `conversation`, if given)."""
        return self.run(self.request(text), conversation)

    def run(self, req: Request, conversation: Hashable | None = None) -> r.Response:
        """Carry out a validated request (the Discord layer sends questions through its batcher instead)."""
        if req.error is not None:
            return req.error
        if req.command == "ask":
            return self.answer_many([req.argument], [conversation])[0]
        if req.command == "quote":
            return self.quote(req.argument)
        if req.command == "passage":
            return self.passage_text(req.argument)
        if req.command == "about":
            return self.about()
        if req.command == "summary":
            return self.summary()
        return self.help()

    def example(self, command: str, argument: str = "") -> str:
        """A command as the user types it in this transport."""
        spelled = f"article-bot {command}" if self.syntax == "cli" else f"/{command}"
        return f"{spelled} {argument}".rstrip()

    def check_question(self, question: str) -> r.ErrorResponse | None:
        """Cheap validation (no ranking): an error for empty or over-long questions, else None."""
        cleaned = clean_text(question)
        if not cleaned:
            return r.ErrorResponse(f"Please ask a question about the article: {self.example('ask', 'QUESTION')}.",
                                   "empty")
        if len(cleaned) > self.max_question_chars:
            return r.ErrorResponse(
                f"That question is {len(cleaned)} characters long; the limit is {self.max_question_chars}. "
                "Please shorten it.", "too_long")
        return None

    def ask(self, question: str, conversation: Hashable | None = None) -> r.Response:
        return self.run(self.question(question), conversation)

    def answer_many(self, questions: list[str],
                    conversations: Sequence[Hashable | None] | None = None) -> list[r.Response]:
        """Answer questions that passed check_question, encoding them in one batch; a question asked in a
        conversation is answered with its earlier turns when it leans on them, and becomes one of them."""
        if self.index is None:
            return [r.ErrorResponse("Question answering is not available in this mode.", "unavailable")
                    for _ in questions]
        keys = list(conversations or [None] * len(questions))
        asked = [classify(clean_text(q), self._history(key)) for q, key in zip(questions, keys, strict=True)]
        out: dict[int, r.Response] = {i: response for i, (q, key) in enumerate(zip(asked, keys, strict=True))
                                      if (response := self._without_search(q, key)) is not None}
        rest = [i for i in range(len(asked)) if i not in out]
        answers = self.index.search_many([asked[i] for i in rest]) if rest else []
        for i, answer in zip(rest, answers, strict=True):
            q = asked[i]
            if q.small_talk and answer.abstained and answer.evidence.coverage == 0:
                # "hello", "thanks": shares no word with the article; the sender wants to know what the bot does
                out[i] = self.help(GREETING, answer.question)
                continue
            self._remember(keys[i], answer, q.follow_up)
            out[i] = r.AnswerResponse(answer)
        return [out[i] for i in range(len(asked))]

    def _remember(self, key: Hashable | None, answer: Answer, follow: FollowUp | None) -> None:
        if self.conversations is not None:
            # an answer from the headline, byline or timestamp cites no paragraph and is no topic to follow
            self.conversations.add(key, Turn(answer.question, follow.query if follow else answer.question,
                                             answer.citations, bool(answer.citations)))

    def _history(self, key: Hashable | None) -> list[Turn] | None:
        """The conversation's turns, or None outside a conversation."""
        if self.conversations is None or key is None:
            return None
        return self.conversations.history(key)

    def _without_search(self, q: Question, key: Hashable | None) -> r.Response | None:
        """The summary for an overview question; NAME's quotations for "what did NAME say?" (retrieval.qa.speech);
        None for a question to search."""
        if q.overview:
            return self.summary(q.text)
        if q.speaker is None or self.quotes is None:
            return None
        from retrieval.qa.speech import speech_answer

        said = speech_answer(q, self.quotes, self.index)
        if said is None:
            return None
        self._remember(key, said, None)
        return r.AnswerResponse(said)

    def summary(self, question: str = "") -> r.Response:
        """The article in a few of its own sentences (also the answer to "what is this about?", "tl;dr")."""
        if self.index is None or self.summary_settings is None:
            return r.ErrorResponse("Summaries are not available in this mode.", "unavailable")
        if self._summary is None:  # the article does not change: rank its sentences once
            self._summary = summarize(self.index, self.summary_settings)
        return r.AnswerResponse(dataclasses.replace(self._summary, question=question))

    def speaker_choices(self) -> list[tuple[str, str]]:
        """(label, name) of each quoted speaker, most quoted first: 'Chuck Schumer — Senate Minority Leader'."""
        if not self.quotes:
            return []
        return [(f"{s.name} — {s.role}" if s.role else s.name, s.name) for s in self.quotes.speakers()]

    def quote(self, name: str) -> r.Response:
        cleaned = clean_text(name)
        if len(cleaned) > 100:
            return r.ErrorResponse(f"That name is {len(cleaned)} characters long; the limit is 100.", "too_long")
        if self.quotes is None:
            return r.ErrorResponse("Quotations are not available.", "unavailable")
        found = self.quotes.lookup(cleaned)
        if found.status in ("unknown", "ambiguous"):
            return r.ErrorResponse("", "unknown_speaker", found)
        return r.QuoteResponse(cleaned, found, self.example("quote", "NAME"))

    def passage_text(self, arg: str) -> r.Response:
        cleaned = clean_text(arg).lstrip("¶#")
        total = len(self.article.paragraphs)
        if not re.fullmatch(r"[+-]?\d{1,9}", cleaned):
            return r.ErrorResponse(f"{self.example('passage')} needs a paragraph number from 1 to {total}, e.g. "
                                   f"{self.example('passage', '3')}.",
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
        source = a.source if is_url(a.source) else a.source.rsplit("/", 1)[-1]
        return r.AboutResponse(a.headline, a.subtitle, a.authors, len(a.paragraphs), a.word_count, source,
                               a.published, a.site)

    def help(self, greeting: str = "", question: str | None = None) -> r.Response:
        """The help; with a greeting for messages with no content words ("hello", "thanks") that the article
        cannot answer, so small talk gets a friendly pointer rather than "I couldn't find that"."""
        a = self.article
        template = CLI_HELP_TEXT if self.syntax == "cli" else HELP_TEXT
        extra = DISCORD_EXTRA if self.syntax == "discord" else ""
        text = template.format(headline=a.headline, total=len(a.paragraphs), extra=extra)
        return r.HelpResponse(f"{greeting}\n{text}" if greeting else text, question)
