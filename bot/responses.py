"""Typed, transport-free responses produced by the router and consumed by the renderers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.qa.answer import Answer
    from retrieval.quotes.quote_marks import Quote
    from retrieval.quotes.quotebook import Lookup


@dataclass(frozen=True)
class AnswerResponse:
    answer: Answer


@dataclass(frozen=True)
class QuoteResponse:
    query: str
    lookup: Lookup
    usage: str = "/quote NAME"

    @property
    def speaker(self) -> str | None:
        return self.lookup.speaker

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.lookup.quotes


@dataclass(frozen=True)
class PassageResponse:
    number: int
    text: str
    total: int


@dataclass(frozen=True)
class AboutResponse:
    headline: str
    subtitle: str | None
    authors: tuple[str, ...]
    paragraphs: int
    words: int
    source: str
    published: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class HelpResponse:
    text: str
    question: str | None = None  # set when a message sent as a question is answered with the help


@dataclass(frozen=True)
class ErrorResponse:
    """An expected, user-facing problem (bad input, unknown ¶ or speaker); `kind` names the category. An
    unknown or ambiguous speaker carries the lookup instead of words: the renderers word it (render.error_message)."""

    message: str
    kind: str = "usage"
    lookup: Lookup | None = None


Response = AnswerResponse | QuoteResponse | PassageResponse | AboutResponse | HelpResponse | ErrorResponse
