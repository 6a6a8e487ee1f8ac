"""Header and footer lines of scraped news pages: bylines with their outlets and roles, publication
timestamps, credit lines and links to other stories.

Hand-written: trafilatura and newspaper4k read authors and dates from a page's HTML markup, but a scraped
plain-text article keeps only the lines themselves ("Keira MacLellan / The Canadian Press / Updated: 6:14
p.m. ET", "By Priya Ramdin · Staff reporter"), so they are recognised here by shape: a name, an outlet, a
role word, a date or time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.lexicon import MONTHS

# A month, abbreviated or not: "Sept.", "March".
_MONTH = rf"(?:{MONTHS})\.?"
# A weekday, abbreviated or not: "Tues.,", "Thursday".
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
# A clock time: "3:45 p.m. EST", "10 am".
_CLOCK = r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
# A date in the forms sites print: "Tuesday March 3, 2026", "3 March 2026", "2026-03-03", "3/3/2026".
_DATE = (rf"(?:{_WEEKDAY}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
         rf"|\d{{1,2}}\s+{_MONTH},?(?:\s+\d{{4}})?|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
# A reading time: "4 min read".
_READING_TIME = r"\d+\s*min(?:ute)?s?\.?\s+read"
# A reading time glued to a date: "March 3, 20264 min read".
_GLUED_READING_TIME = re.compile(r"(?:(?<=(?:19|20)\d\d)|\s+)\d{1,2}\s*min(?:ute)?s?\.?\s+read\s*$", re.I)
# A timestamp part: an optional label ("Published", "Last Updated:", "Posted on") then dates, times and
# "ago" phrases, with the small words that join them.
_TIMESTAMP = re.compile(
    rf"^(?:(?:first\s+|last\s+|originally\s+)?(?:published|posted|updated|modified)(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?:(?:{_DATE}|{_CLOCK}|\d+\s+(?:minutes?|hours?|days?)\s+ago|{_READING_TIME}|at|on|,|\|)\s*)+$",
    re.I,
)
# A digit: a timestamp line holds one.
_HAS_FIGURE = re.compile(r"\d")
# A byline's role words: "Staff reporter", "Special to the Star".
_ROLE = re.compile(r"\b(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|producer|staff|"
                   r"bureau|photographer|special\s+to)\b", re.I)
# Words that end an outlet's name: "Times", "Press", "Reuters".
_OUTLET_WORD = (r"News|Press|Times|Post|Star|Herald|Journal|Tribune|Gazette|Sun|Mail|Telegraph|Guardian|Reuters|"
                r"Agency|Wire|Radio|Television|TV|Media|Network|Daily|Weekly|Magazine|Bloomberg|Examiner|Chronicle|"
                r"Record|Observer|Courier|Standard|Report|Free\s+Press|Citizen|Province|Leader-Post|StarPhoenix")
# An outlet's name alone on a line: "The Coastal Ledger", "AP".
_OUTLET = re.compile(rf"^(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){{0,4}}(?:{_OUTLET_WORD})$|^[A-Z]{{2,6}}\d{{0,2}}$")
# A person's name: capitalised words and the particles inside names ("Ursula von der Leyen").
_NAME = r"[A-Z][\w'’\-]*\.?(?:\s+(?:[A-Z][\w'’\-]*\.?|de|van|von|der|al|bin|la|le|du))*"
# "and" in the languages bylines are printed in: "and", "und", "et", "y".
_AND = r"(?:and|und|et|y|e|en|og|och)"
# What separates two authors: "A and B", "A, B & C".
_NAMES_SPLIT = re.compile(rf"\s*(?:,\s*{_AND}\s+|,\s*|\s+{_AND}\s+|\s*&\s*)")
# "By " opening a byline.
_BY = re.compile(r"^by\s+(?=[A-Z])", re.I)
# "By" in English and the bylines of other languages' outlets (German von, French par, Spanish/Portuguese
# por, Italian di, Dutch door, Scandinavian av/af); names are still required to follow.
_BYLINE = re.compile(r"^(?:write|written by|by|email|contact|reach|follow|von|par|por|di|door|av|af)\s+(?=[A-Z])",
                     re.I)
# An author before "at": "Ann Lee at the Post".
_AUTHOR_AT = re.compile(rf"({_NAME})\s+at\b")
# An e-mail address or its scraped placeholder: "[email protected]".
_EMAIL_PLACEHOLDER = re.compile(r"\[\s*email[\s\u00a0]*protected\s*\]|\S+@\S+\.\w+", re.I)
# Separators inside a header line: "By Ann Lee · March 3, 2026".
_SPLIT = re.compile(r"\s*(?:\n|\s[·•|]\s|\s[—–]\s)\s*")
# Lines pointing away from the story: "Related: …", "READ MORE: …", "WATCH: …", "— With files from …".
_LINK = re.compile(r"^(?:related(?:\s+(?:stories|story|articles?|links?|coverage|video))?|read\s+more|more|watch|"
                   r"listen|see\s+also|also\s+read|recommended|trending|popular|editor['’]?s\s+picks?)\s*:\s*\S", re.I)
# A credit line: "— With files from the Canadian Press".
_CREDIT = re.compile(r"^[\s—–-]*with\s+files\s+from\b", re.I)
# The wire footer "This report by The Canadian Press was first published Nov. 21, 2026."
_FOOTER = re.compile(
    rf"^this\s+(?:report|story|article)\b.{{0,60}}?\bfirst\s+published\s+(?:on\s+)?(?P<when>{_DATE})\.?$", re.I)
MAX_WORDS = 40


@dataclass(frozen=True)
class Header:
    authors: tuple[str, ...] = ()
    published: str | None = None


def is_link(block: str) -> bool:
    """A line pointing to other stories or crediting other outlets, not part of this story."""
    return len(block.split()) <= 30 and bool(_LINK.match(block) or _CREDIT.match(block))


def parse(block: str) -> Header | None:
    """The authors and publication time of a header or footer block, or None when it is article text. Each
    line (and each part between " · ", " | " or " — ") must be a byline, a bare name beside an outlet, role
    or date, an outlet, a role or a timestamp."""
    if len(block.split()) > MAX_WORDS:
        return None
    if footer := _FOOTER.match(" ".join(block.split())):
        return Header(published=footer.group("when"))
    parts = [p for p in _SPLIT.split(block.strip()) if p]
    authors: list[str] = []
    bare: list[str] = []
    published = None
    context = False
    for part in parts:
        part = " ".join(part.split()).strip(" ,;")
        if _BY.match(part):
            names, rest = _names(_BY.sub("", part, count=1))
            if rest and not all(_is_context(r) for r in rest):
                return None
            authors.extend(names or rest[:1])  # "By The Canadian Press": the agency is the author
        elif _HAS_FIGURE.search(part) and _TIMESTAMP.match(part):
            published = published or _label_free(part)
            context = True
        elif _is_context(part):
            context = True
        else:
            names, rest = _names(part)
            if not names or rest and not all(_is_context(r) for r in rest):
                return None
            bare.extend(names)
            context = context or bool(rest)
    if bare and not (context or authors):
        return None
    if not (authors or bare or published):
        return None
    return Header(tuple(dict.fromkeys(authors + bare)), published)


def _names(text: str) -> tuple[list[str], list[str]]:
    """Names in a list ("A, B and C, The Canadian Press"), and the outlet or role parts after them."""
    names, rest = [], []
    for piece in (p.strip(" .") for p in _NAMES_SPLIT.split(text) if p.strip(" .")):
        if _is_context(piece):
            rest.append(piece)
        elif _is_name(piece, least=2) and not rest:
            names.append(piece)
        else:
            return [], [piece]
    return names, rest


def parse_byline(block: str) -> tuple[str, ...]:
    """The author names of a one-line byline ('Write A at … and B at …', 'By A and B', 'Von A und B'), else ()."""
    if len(block.split()) > MAX_WORDS or not _BYLINE.match(block):
        return ()
    rest = _EMAIL_PLACEHOLDER.sub(" ", _BYLINE.sub("", block, count=1))
    named = _AUTHOR_AT.findall(rest)
    if named:
        return tuple(_clean_name(n) for n in named)
    parts = [p for p in (_clean_name(p) for p in _NAMES_SPLIT.split(rest.strip(" .|"))) if p]
    return tuple(parts) if parts and all(_is_name(p) for p in parts) else ()


def _is_name(text: str, least: int = 1) -> bool:
    """A name of `least` to four words."""
    return bool(re.fullmatch(_NAME, text)) and least <= len(text.split()) <= 4


def _clean_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;")
    if name.endswith(".") and len(name.split()[-1]) > 3:
        name = name[:-1]
    return name


def _is_context(part: str) -> bool:
    """An outlet ("The Canadian Press", "CBC News", "AFP") or a role ("Staff reporter")."""
    return bool(_OUTLET.match(part)) or (len(part.split()) <= 5 and "," not in part and bool(_ROLE.search(part))
                                         and not _BY.match(part))


def _label_free(part: str) -> str:
    """The timestamp as shown, without a reading time glued to it ("Dec. 6, 20211 min. read")."""
    return _GLUED_READING_TIME.sub("", part).strip(" |,")
