"""Split paragraphs into sentences and passages that keep their ¶ number and character span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dateline import dateline_end

if TYPE_CHECKING:
    from .article import Article

ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof st jr sr gen sen rep gov lt col capt cmdr sgt adm maj corp inc ltd co plc coun rev hon
    const cst det insp supt cpl sup
    vs etc ft mt jan feb mar apr jun jul aug sep sept oct nov dec approx dept est e.g i.e""".split()
)
# Places and times written with full stops end a sentence only before a word that opens one ("… moved to the
# U.S. She said …"), never before a name or title ("B.C. Premier David Eby said").
PLACE_ABBREVIATIONS = frozenset("""u.s u.k u.n e.u a.m p.m b.c n.s n.b p.e.i n.l n.w.t d.c ont que alta sask calif
    ariz conn fla""".split())
_NEXT_WORD = re.compile(r"\S+")
_SENTENCE_OPENERS = frozenset("he she they it we i the this that there but and his her their its".split())
BEFORE_NUMBERS = frozenset("no nos vol fig pp art".split())
ANAPHORS = frozenset("that this these those it such he she they there".split())
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)|[.!?…]+[\"”’)\]]+(?=[A-Z])")  # '…Hispanics!”Former …' scraped
_OPENERS = "“\"‘'([«"
_TRAILING_JUNK = ",;"


@dataclass(frozen=True)
class Span:
    """A piece of one paragraph: ¶ number, [start, end) offsets in that paragraph's text, and the text."""

    id: str
    paragraph: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in text; every span's text is stripped and non-empty."""
    spans: list[tuple[int, int]] = []
    start = 0
    lead = dateline_end(text)  # "SLAVE LAKE, Alta. (News Desk) - Roughly …" is one sentence
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end <= lead:
            continue
        rest = text[end:].lstrip()
        if not rest or not _starts_sentence(rest[0]) or _is_abbreviation(text[start:match.start() + 1], rest):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


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


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENERS


def _is_abbreviation(piece: str, following: str) -> bool:
    """Whether the full stop ending piece belongs to a word ("Mr.", "U.S.", "J."); "No." only before a
    number ("No. 10"), so "The U.S. said no. Russia disagreed." stays two sentences."""
    word = re.split(r"[\s(“\"‘']", piece.rstrip("."))[-1].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    if word in BEFORE_NUMBERS:
        return following[:1].isdigit()
    if word in PLACE_ABBREVIATIONS:
        next_word = _NEXT_WORD.match(following)
        return not next_word or next_word.group().lower().strip("’'") not in _SENTENCE_OPENERS
    return word in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_JUNK):
        end -= 1
    return (start, end) if end > start else None
