"""Where the sentences of a paragraph start and end: abbreviations, initials, place names with full stops,
datelines and scraped debris taken into account."""

from __future__ import annotations

import re

from retrieval.article.dateline import dateline_end

# A line ending like a sentence: "… the plan." / "… he said”" (a short line that does not is a heading or chrome).
LINE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# Abbreviations whose full stop ends no sentence: "Mr.", "Sgt.", "Inc.".
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof st jr sr gen sen rep gov lt col capt cmdr sgt adm maj corp inc ltd co plc coun rev hon
    const cst det insp supt cpl sup
    vs etc ft mt jan feb mar apr jun jul aug sep sept oct nov dec approx dept est e.g i.e""".split()
)
# Places and times written with full stops end a sentence only before a word that opens one ("… moved to the
# U.S. She said …"), never before a name or title ("B.C. Premier David Eby said").
PLACE_ABBREVIATIONS = frozenset("""u.s u.k u.n e.u a.m p.m b.c n.s n.b p.e.i n.l n.w.t d.c ont que alta sask calif
    ariz conn fla""".split())
# The word after a full stop.
_NEXT_WORD = re.compile(r"\S+")
# Words that open a sentence after a place abbreviation: "in the U.S. The plan …" splits there.
_SENTENCE_OPENERS = frozenset("he she they it we i the this that there but and his her their its".split())
# Abbreviations before a number: "No. 4", "Fig. 2".
BEFORE_NUMBERS = frozenset("no nos vol fig pp art".split())
# A sentence's end: punctuation and closing marks before a space or a capital.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)|[.!?…]+[\"”’)\]]+(?=[A-Z])")  # '…Hispanics!”Former …' scraped
# Opening quotation marks and brackets that may start a sentence.
_OPENERS = "“\"‘'([«"
# Punctuation stripped from a sentence's end: ",", ";".
_TRAILING_JUNK = ",;"


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
