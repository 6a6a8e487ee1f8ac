"""Quotation marks and the Quote record: where quoted stretches start and end, and the text with them masked;
attribution.py attributes them (cue_words.py holds the speech verbs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS, _CLOSERS = "“„«", "”»"
# A double quotation mark of any style: “ ” „ « » " and two apostrophes ('').
_MARK = re.compile(r"''|[“„«”»\"]")
# A single opening quotation mark, not an apostrophe: ‘ in "a ‘deeply troubling’ figure".
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[A-Za-z0-9])")
# A single closing quotation mark after a word or punctuation, not a possessive or "don't": ’ in "troubling’ for".
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?![A-Za-z])")
# The character quoted text is masked with, so cues and sentences are found outside quotations.
MASK = "•"


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch: its words at [start, end), its marks included at [open, close)."""

    start: int
    end: int
    open: int
    close: int


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    display: str
    paragraph: int
    kind: str  # "direct" | "reported"
    attribution: str
    start: int
    verbatim: bool = True  # the text is a speaker's own words, between quotation marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of each quoted stretch (see marked_spans)."""
    return [(q.start, q.end) for q in marked_spans(text)]


def marked_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches for “…”, „…“, «…», "…" and the ''…'' of some newspaper files, then ‘…’ and '…'
    outside them; a new opening mark closes an unclosed quote, a stray closing mark is ignored, and a quote
    still open at the end runs to the end of the text."""
    doubles = _pair(text, [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text)])
    singles = [(m.start(), m.end(), "‘") for m in _SINGLE_OPEN.finditer(text)]
    singles += [(m.start(), m.end(), "’") for m in _SINGLE_CLOSE.finditer(text)]
    singles = [mk for mk in sorted(singles) if not any(q.open <= mk[0] < q.close for q in doubles)]
    found = doubles + [q for q in _pair(text, singles, single=True) if len(text[q.start:q.end].split()) > 1]
    return sorted(found, key=lambda q: q.start)


def _pair(text: str, marks: list[tuple[int, int, str]], single: bool = False) -> list[QuoteSpan]:
    spans, open_at, opened_straight = [], None, False
    for start, end, ch in marks:
        symmetric = ch in ('"', "''")
        if ch in _OPENERS and open_at is not None and _closes(text, start, end):
            ch = "”"  # an opening mark typed where the closing one belongs: “abhorrent“ in a tweet
        if ch in _OPENERS or ch == "‘" or (symmetric and open_at is None):
            if open_at is not None and not single and not (ch in _OPENERS and opened_straight):
                spans.append((open_at, start, start))  # (a straight mark a curly one follows was stray)
            if open_at is None or not single:
                open_at, opened_straight = (start, end), symmetric
        elif (ch in _CLOSERS or ch == "’" or symmetric) and open_at is not None:
            spans.append((open_at, start, end))
            open_at = None
    if open_at is not None and not single:
        spans.append((open_at, len(text), len(text)))
    out = []
    for (mark_start, words_start), words_end, close in spans:
        trimmed = _trim(text, words_start, words_end)
        if trimmed:
            out.append(QuoteSpan(trimmed[0], trimmed[1], mark_start, close))
    return out


def _closes(text: str, start: int, end: int) -> bool:
    return start > 0 and not text[start - 1].isspace() and (end == len(text) or text[end] in " \t,.;:!?)")


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " \t,":
        b -= 1
    return (a, b) if b > a and any(ch.isalnum() for ch in text[a:b]) else None


def mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with the words of every quotation replaced by MASK (a closing . ! ? kept for sentence
    ends), so cues and sources are only looked for outside quotations."""
    chars = list(text)
    for q in spans:
        end = q.end - 1 if text[q.end - 1] in ".!?…" else q.end
        chars[q.start:end] = MASK * (end - q.start)
    return "".join(chars)


