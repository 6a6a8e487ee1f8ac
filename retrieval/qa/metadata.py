"""The article's headline, dateline, publication time and byline as units a question can reach by ranking,
whatever its wording.

Each unit is encoded as a sentence saying what it is ("Headline: … The title of the article."), and answers only
a question about the article itself: one close to the unit's generic question ("Who wrote this article?"),
so that a question about the headline's *subject* is still one for the body, and that the unit matches better
than the body does — or one very close to the generic question and closer to it than to anything in the body.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from retrieval.article.cleaning import Article
from retrieval.qa import answer_types
from retrieval.settings import RetrievalSettings


@dataclass(frozen=True)
class Unit:
    source: str  # "headline", "dateline", "published" or "byline": how the answer is cited
    shown: str  # empty when the article has none: a question for it is declined, not answered from the body
    encoded: str
    generic_question: str
    kind: str | None = None  # the answer type it holds


DATELINE_QUESTION = "Where was this article filed from?"
BYLINE_QUESTION = "Who wrote this article?"
# Worded so that questions about the authors ("Which journalists reported this story?") stay closer to the byline's.
PUBLISHED_QUESTION = "What is the publication date and time of this article?"


def units(article: Article) -> list[Unit]:
    """The headline (with its subtitle), the dateline, the publication time and the byline; the last three
    empty when the article has none ("Who wrote this?" on an unsigned article must not quote a body sentence
    that says 'wrote')."""
    title = article.headline + (f" — {article.subtitle}" if article.subtitle else "")
    out = [Unit("headline", title, f"Headline: {article.headline}. The title of the article.",
                "What is the headline of this article?")]
    if article.dateline:
        out.append(Unit("dateline", article.dateline,
                        f"Dateline: {article.dateline}. The place and date this story was filed from.",
                        DATELINE_QUESTION, answer_types.PLACE))
    else:
        out.append(Unit("dateline", "", "The place and date this article was filed from.", DATELINE_QUESTION,
                        answer_types.PLACE))
    out.append(Unit("published", article.published or "",
                    f"Published: {article.published}. When this article was published or last updated."
                    if article.published else "When this article was published or last updated.",
                    PUBLISHED_QUESTION, answer_types.DATE))
    if article.authors:
        names = " and ".join(article.authors)
        out.append(Unit("byline", article.byline or f"By {names}",
                        f"This article was written by {names}: the authors, journalists and reporters of this story.",
                        BYLINE_QUESTION, answer_types.PERSON))
    else:
        out.append(Unit("byline", "", "The authors, journalists and reporters who wrote this article.",
                        BYLINE_QUESTION, answer_types.PERSON))
    return out


def texts(found: list[Unit]) -> list[str]:
    """What to encode for the units: each one's sentence, then each one's generic question."""
    return [u.encoded for u in found] + [u.generic_question for u in found]


def best(found: list[Unit], vecs: np.ndarray, qvec: np.ndarray, dense_top: float, settings: RetrievalSettings,
         kind: str | None = None, strong_only: bool = False) -> tuple[Unit, float] | None:
    """The unit a question asks for and its closeness, given the vectors of texts(found) and the body's best
    cosine; None when the question is about something in the body. An empty unit is returned only for a question
    much closer to its generic question than to anything in the body. kind: the question's expected answer
    type. strong_only (for a follow-up in a conversation): only a question very close to a unit's generic
    question, such as "when was this published?", which is about the article whatever came before."""
    if not found:
        return None
    unit_vecs, intent_vecs = np.split(vecs, 2)
    closeness, intent = unit_vecs @ qvec, intent_vecs @ qvec
    s = settings
    i = int(np.argmax(intent + s.metadata_kind_bonus * np.array([kind is not None and u.kind == kind for u in found])))
    if intent[i] < s.metadata_intent:
        return None
    strong = intent[i] >= max(s.metadata_intent_strong, dense_top)
    if strong_only and not strong:
        return None
    if not strong and (not found[i].shown or closeness[i] < s.metadata_floor
                       or closeness[i] < dense_top + s.metadata_margin):
        return None
    return found[i], float(closeness[i])
