"""Sentences and passages of an article that keep their ¶ number and character span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrieval.article.sentences import split_sentences

if TYPE_CHECKING:
    from retrieval.article.cleaning import Article

# Words that lean on the sentence before: a passage opening "It was …" takes that sentence with it.
ANAPHORS = frozenset("that this these those it such he she they there".split())


@dataclass(frozen=True)
class Span:
    """A piece of one paragraph: ¶ number, [start, end) offsets in that paragraph's text, and the text."""

    id: str
    paragraph: int
    start: int
    end: int
    text: str


def sentences(article: Article) -> list[Span]:
    """Every sentence of the body, in order, with ids 'p{N}s{i}'."""
    out = []
    for para in article.paragraphs:
        for i, (a, b) in enumerate(split_sentences(para.text)):
            out.append(Span(f"p{para.number}s{i}", para.number, a, b, para.text[a:b]))
    return out


def passages(article: Article, window: int = 0, bridge: bool = True) -> list[Span]:
    """Passages to rank: whole paragraphs (window=0) or sliding windows of `window` sentences, plus
    bridges into anaphoric paragraphs."""
    extra = bridges(article) if bridge else []
    if window <= 0:
        return [Span(f"p{p.number}", p.number, 0, len(p.text), p.text) for p in article.paragraphs] + extra
    out = extra
    for para in article.paragraphs:
        spans = split_sentences(para.text)
        for i in range(max(1, len(spans) - window + 1)):
            a, b = spans[i][0], spans[min(i + window, len(spans)) - 1][1]
            out.append(Span(f"p{para.number}w{i}", para.number, a, b, para.text[a:b]))
    return out


def bridges(article: Article) -> list[Span]:
    """For paragraphs that open by pointing back ('That, …', 'It …'), the previous paragraph's last
    sentence joined to their first one, credited to the later paragraph so its referent is searchable."""
    out = []
    for prev, para in zip(article.paragraphs, article.paragraphs[1:], strict=False):
        first_word = re.match(r"[\W_]*(\w+)", para.text)
        if not first_word or first_word.group(1).lower() not in ANAPHORS:
            continue
        prev_spans, spans = split_sentences(prev.text), split_sentences(para.text)
        if not prev_spans or not spans:
            continue
        a, b = prev_spans[-1]
        text = prev.text[a:b] + " " + para.text[spans[0][0]:spans[0][1]]
        out.append(Span(f"p{para.number}c", para.number, spans[0][0], spans[0][1], text))
    return out


def inside_quote(text: str, pos: int) -> bool:
    """Whether position pos of text lies inside a double quotation opened earlier in the text."""
    before = text[:pos]
    curly = before.count("“") - before.count("”")
    return curly > 0 or before.count('"') % 2 == 1
