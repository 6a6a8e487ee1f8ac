"""What a search returns: the answer (or the decline), its cited passages and sentences, the reader's span, and
why it was given (Evidence)."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval.article import passages as article_passages


@dataclass(frozen=True)
class ScoredPassage:
    paragraph: int
    text: str
    score: float
    lexical: float
    dense: float
    source: str = "body"


@dataclass(frozen=True)
class Evidence:
    """Why a question was answered or declined: the first stage's best cosine and the share of the question's
    words the article holds, the reader's best probability, the answer type (or article part) nothing held,
    and a metadata unit's closeness."""

    dense_top: float | None = None
    coverage: float | None = None
    reader: float | None = None
    missing_type: str | None = None
    metadata: float | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    text: str | None
    abstained: bool
    citations: tuple[int, ...]
    passages: tuple[ScoredPassage, ...]
    sentences: tuple[article_passages.Span, ...] = ()
    evidence: Evidence = field(default_factory=Evidence)
    context_used: bool = False
    kind: str = "answer"
    span: tuple[int, int] | None = None  # [start, end) of the reader's answer span in text
    speaker: str | None = None  # for kind "quotes" / "not_quoted": whose words were asked for
